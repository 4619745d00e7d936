//! `reshape` as NumPy users write it, on temporaries too: `arange(9).reshape((3, 3))`.
//!
//! A method on `&self` that returns a view cannot be called on a temporary and kept
//! (`let x = arange(9).reshape(..)` would borrow a value dropped at the end of the
//! statement). So `reshape` is also a trait method taking its receiver by value, and the
//! receiver's type picks the form: an owned array is consumed and reshaped in place (no
//! copy); a view, or a reference to one, gives a view of the same data for as long as the
//! data lives; a reference to an owned array gives a view borrowing it. To keep an owned
//! `x` and get a view, write `x.view().reshape(..)` or NumPy's function form
//! [`reshape(&x, ..)`](reshape).

use super::{ArcArray, Array, ArrayRef, ArrayView, ArrayViewMut, CowArray};
use crate::dimension::{Dimension, IntoDimension};
use crate::element::Element;
use crate::error::Result;

/// NumPy's `a.reshape(shape)` for every kind of array (in the prelude): owned arrays are
/// consumed (no copy unless their layout needs one), views and references give views.
/// `x.reshape(..)` moves an owned `x`: use `x.view().reshape(..)` or [`reshape(&x, ..)`](reshape)
/// to keep it.
///
/// ```
/// use ndcore::prelude::*;
/// // x = np.arange(9).reshape((3, 3)): the temporary is reshaped, not borrowed.
/// let x = arange(9i64).reshape((3, 3))?;
/// assert_eq!(x.strides(), &[24, 8]);
/// // A view of x, keeping x: reshape a view, or use the function form.
/// let row = x.view().reshape(9)?;
/// assert_eq!(row[[4]], 4);
/// assert_eq!(reshape(&x, (1, 9))?.shape(), &[1, 9]);
/// let col = x.t().reshape(9); // a transpose is not C-contiguous: no view
/// assert!(col.is_err());
/// # Ok::<(), ndcore::Error>(())
/// ```
pub trait Reshape: Sized {
    /// What a reshape to rank `E` gives.
    type Output<E: Dimension>;

    /// The same elements in C order with a new shape.
    ///
    /// # Errors
    /// If the sizes differ (`cannot reshape array of size 9 into shape (4,2)`); for a view
    /// or reference, also if the layout needs a copy (`to_shape` copies then).
    fn reshape<Sh: IntoDimension>(self, shape: Sh) -> Result<Self::Output<Sh::Dim>>;
}

impl<T: Element, D: Dimension> Reshape for Array<T, D> {
    type Output<E: Dimension> = Array<T, E>;

    /// Consumes the array: its buffer under the new shape, or, when its layout is not C
    /// order (after `reversed_axes`, say), a C-order copy, as NumPy's `reshape` copies.
    fn reshape<Sh: IntoDimension>(self, shape: Sh) -> Result<Array<T, Sh::Dim>> {
        let dim = shape.into_dimension()?;
        if self.is_c_contiguous() || dim.size_checked() != Some(self.size()) {
            return self.into_shape(dim);
        }
        Array::from_shape_vec(dim, self.to_vec())
    }
}

// A view's data outlives the view: reshaping `&view` gives a view of the data's lifetime,
// so `x.t().reshape(..)` does not borrow the temporary `x.t()`.
impl<'a, T, D: Dimension> Reshape for &ArrayView<'a, T, D> {
    type Output<E: Dimension> = ArrayView<'a, T, E>;

    fn reshape<Sh: IntoDimension>(self, shape: Sh) -> Result<ArrayView<'a, T, Sh::Dim>> {
        self.clone().into_shape(shape)
    }
}

/// `(&array).reshape(..)`: a view borrowing the array, for the storages other than views.
macro_rules! reshape_by_ref {
    ($([$($g:tt)*] $ty:ty, $elem:ty;)*) => {$(
        impl<'b, $($g)*> Reshape for &'b $ty {
            type Output<E: Dimension> = ArrayView<'b, $elem, E>;

            fn reshape<Sh: IntoDimension>(self, shape: Sh) -> Result<ArrayView<'b, $elem, Sh::Dim>> {
                ArrayRef::reshape(self, shape)
            }
        }
    )*};
}
reshape_by_ref! {
    [T, D: Dimension] Array<T, D>, T;
    [T, D: Dimension] ArcArray<T, D>, T;
    ['c, T, D: Dimension] CowArray<'c, T, D>, T;
    ['c, T, D: Dimension] ArrayViewMut<'c, T, D>, T;
    [T, D: Dimension] ArrayRef<T, D>, T;
}

/// NumPy's `np.reshape(a, shape)`: a view of `a`'s elements with a new shape, `a` kept.
///
/// # Errors
/// As [`ArrayRef::reshape`]: different sizes, or a layout that needs a copy.
///
/// ```
/// use ndcore::prelude::*;
/// let i = arange_with(-2i64, 2, 1)?.reshape((4, 1, 1))?;
/// let j = reshape(&i, (1, 4, 1))?; // j = np.reshape(i, (1, 4, 1))
/// let k = reshape(&i, (1, 1, 4))?;
/// assert_eq!((i.shape(), j.shape(), k.shape()), (&[4, 1, 1][..], &[1, 4, 1][..], &[1, 1, 4][..]));
/// # Ok::<(), ndcore::Error>(())
/// ```
pub fn reshape<T, D: Dimension, Sh: IntoDimension>(
    a: &ArrayRef<T, D>,
    shape: Sh,
) -> Result<ArrayView<'_, T, Sh::Dim>> {
    a.reshape(shape)
}
