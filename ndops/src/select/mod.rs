//! Selection with NumPy's semantics: boolean masks (`x[mask]`, `x[mask] = v`), `where_`,
//! `nonzero`, `take`/`put` with index arrays, `diff`, `concatenate` and `stack`.
//!
//! Index arrays are `i64` (NumPy's `intp`); negative indices count from the end, and an
//! index out of bounds is an `Err` with NumPy's message, checked before anything is
//! written.

mod diff;
mod join;
mod mask;
mod nonzero;
mod take;
#[cfg(test)]
mod tests;
mod where_;

pub use diff::Difference;
pub use join::{concatenate, stack};
pub use mask::{MaskValues, Source};
pub use where_::{WhereDim, where_};

use crate::reduce::Summable;
use ndcore::error::Result;
use ndcore::{Array, Array1, ArrayD, ArrayRef, Axis, Dimension, Element, Ix1};

/// Selection as methods of every array (`use ndops::prelude::*`).
pub trait Select<T: Element, D: Dimension> {
    /// A 1-d copy of the elements where `mask` is true, in C order (NumPy's `x[mask]`).
    ///
    /// # Errors
    /// If the mask's shape differs from the array's: NumPy's `boolean index did not match
    /// indexed array along axis 0; size of axis is 3 but size of corresponding boolean axis
    /// is 4`, or `too many indices` for a mask of higher rank. (NumPy also accepts a mask
    /// of the leading axes only, selecting sub-arrays; for a 1-d mask of one axis that is
    /// [`compress`](Self::compress).)
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::select::Select;
    /// let x = arange(6i64).into_shape([2, 3]).unwrap();
    /// let m = x.map(|&v| v % 2 == 0);
    /// assert_eq!(x.masked(&m).unwrap().to_vec(), vec![0, 2, 4]);
    /// assert!(arange(3i64).masked(&Array::from_vec(vec![true; 4])).is_err());
    /// ```
    fn masked<E: Dimension>(&self, mask: &ArrayRef<bool, E>) -> Result<Array1<T>>;

    /// Writes `values` where `mask` is true (NumPy's `x[mask] = values`): one value for
    /// all, or a 0-d or 1-d array with one value per `true` (or a single value), in C
    /// order.
    ///
    /// # Errors
    /// A mask of another shape (as [`masked`](Self::masked)); values of rank above 1, or
    /// of the wrong length (`NumPy boolean array indexing assignment cannot assign 3 input
    /// values to the 2 output values where the mask is true`). Nothing is written then.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::select::Select;
    /// let mut x = arange(4i64);
    /// let m = Array::from_vec(vec![true, false, true, false]);
    /// x.masked_assign(&m, -1).unwrap();
    /// assert_eq!(x.to_vec(), vec![-1, 1, -1, 3]);
    /// x.masked_assign(&m, &Array::from_vec(vec![7, 8])).unwrap();
    /// assert_eq!(x.to_vec(), vec![7, 1, 8, 3]);
    /// ```
    fn masked_assign<E: Dimension, V: MaskValues<T>>(
        &mut self,
        mask: &ArrayRef<bool, E>,
        values: V,
    ) -> Result<()>;

    /// The indices of the nonzero elements, one `i64` array per axis, in C order (NumPy's
    /// `np.nonzero(x)`).
    ///
    /// # Errors
    /// For a 0-d array, as NumPy 2 (`Calling nonzero on 0d arrays is not allowed…`).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::select::Select;
    /// let x = Array::from_shape_vec([2, 2], vec![0, 1, 2, 0]).unwrap();
    /// let nz = x.nonzero().unwrap();
    /// assert_eq!((nz[0].to_vec(), nz[1].to_vec()), (vec![0, 1], vec![1, 0]));
    /// ```
    fn nonzero(&self) -> Result<Vec<Array1<i64>>>
    where
        T: Summable;

    /// The elements at `indices` along `axis`, or of the flattened array for `None`
    /// (NumPy's `np.take(x, indices, axis)`): the result's shape is
    /// `x.shape[..axis] + indices.shape + x.shape[axis+1..]`.
    ///
    /// # Errors
    /// An axis out of bounds; an index out of bounds (`index 5 is out of bounds for axis 0
    /// with size 3`).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::select::Select;
    /// let x = arange(6i64).into_shape([2, 3]).unwrap();
    /// let i = Array::from_vec(vec![2i64, -3]);
    /// assert_eq!(x.take(&i, Some(Axis(1))).unwrap().to_vec(), vec![2, 0, 5, 3]);
    /// assert_eq!(x.take(&i, None).unwrap().to_vec(), vec![2, 3]);
    /// assert!(x.take(&Array::from_vec(vec![5i64]), Some(Axis(1))).is_err());
    /// ```
    fn take<E: Dimension>(
        &self,
        indices: &ArrayRef<i64, E>,
        axis: Option<Axis>,
    ) -> Result<ArrayD<T>>;

    /// The sub-arrays along `axis` where the 1-d `condition` is true (NumPy's
    /// `np.compress(condition, x, axis)`; `x[mask]` with a mask of axis 0 is
    /// `x.compress(&mask, Axis(0))`). The rank is kept.
    ///
    /// # Errors
    /// An axis out of bounds; a `true` past the axis' end (`index 3 is out of bounds for
    /// axis 1 with size 3`; `false`s past it are ignored, as NumPy does).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::select::Select;
    /// let x = arange(6i64).into_shape([2, 3]).unwrap();
    /// let rows = Array::from_vec(vec![false, true]);
    /// assert_eq!(x.compress(&rows, Axis(0)).unwrap().to_vec(), vec![3, 4, 5]);
    /// let cols = Array::from_vec(vec![true, false, true]);
    /// assert_eq!(x.compress(&cols, Axis(1)).unwrap().shape(), &[2, 2]);
    /// ```
    fn compress(&self, condition: &ArrayRef<bool, Ix1>, axis: Axis) -> Result<Array<T, D>>;

    /// Writes `values` at the flat (C-order) `indices`, repeating `values` if it is
    /// shorter (NumPy's `np.put(x, indices, values)`).
    ///
    /// # Errors
    /// An index out of bounds (`index 7 is out of bounds for axis 0 with size 6`); nothing
    /// is written then.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::select::Select;
    /// let mut x = arange(5i64);
    /// x.put(&Array::from_vec(vec![0i64, -1]), &Array::from_vec(vec![9])).unwrap();
    /// assert_eq!(x.to_vec(), vec![9, 1, 2, 3, 9]);
    /// ```
    fn put<E: Dimension, F: Dimension>(
        &mut self,
        indices: &ArrayRef<i64, E>,
        values: &ArrayRef<T, F>,
    ) -> Result<()>;

    /// The `n`-th forward difference along `axis` (NumPy's `np.diff(x, n, axis)`): the
    /// axis gets `n` shorter (down to 0); `n = 0` copies.
    ///
    /// # Errors
    /// For a 0-d array (`diff requires input that is at least one dimensional`) or an
    /// axis out of bounds.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::select::Select;
    /// let y = Array::from_vec(vec![1.0, 4.0, 9.0, 16.0]);
    /// assert_eq!(y.diff(1, Axis(0)).unwrap().to_vec(), vec![3.0, 5.0, 7.0]);
    /// assert_eq!(y.diff(2, Axis(0)).unwrap().to_vec(), vec![2.0, 2.0]);
    /// ```
    fn diff(&self, n: usize, axis: Axis) -> Result<Array<T, D>>
    where
        T: Difference;
}

impl<T: Element, D: Dimension> Select<T, D> for ArrayRef<T, D> {
    fn masked<E: Dimension>(&self, mask: &ArrayRef<bool, E>) -> Result<Array1<T>> {
        mask::masked(self, mask)
    }
    fn masked_assign<E: Dimension, V: MaskValues<T>>(
        &mut self,
        mask: &ArrayRef<bool, E>,
        values: V,
    ) -> Result<()> {
        mask::masked_assign(self, mask, values.source())
    }
    fn nonzero(&self) -> Result<Vec<Array1<i64>>>
    where
        T: Summable,
    {
        nonzero::nonzero(self)
    }
    fn take<E: Dimension>(
        &self,
        indices: &ArrayRef<i64, E>,
        axis: Option<Axis>,
    ) -> Result<ArrayD<T>> {
        take::take(self, indices, axis)
    }
    fn put<E: Dimension, F: Dimension>(
        &mut self,
        indices: &ArrayRef<i64, E>,
        values: &ArrayRef<T, F>,
    ) -> Result<()> {
        take::put(self, indices, values)
    }
    fn compress(&self, condition: &ArrayRef<bool, Ix1>, axis: Axis) -> Result<Array<T, D>> {
        take::compress(self, condition, axis)
    }
    fn diff(&self, n: usize, axis: Axis) -> Result<Array<T, D>>
    where
        T: Difference,
    {
        diff::diff(self, n, axis)
    }
}
