//! Reductions with NumPy's names and results: `sum`, `prod`, `mean`, `var`, `std`, `min`,
//! `max`, `argmin`, `argmax`, `count_nonzero`, and the running `cumsum`/`cumprod`.
//!
//! Every reduction comes in three forms, as NumPy's `axis=` argument does:
//! - `x.sum()`: over all elements (`axis=None`), a scalar;
//! - `x.sum_axis(Axis(k))`: over one axis, an array of rank `D::Smaller`;
//! - `x.sum_axes(&[0, -1], keepdims)`: over a set of axes (negative ones count from the
//!   end; `&[]` reduces nothing), an `ArrayD` (reduced axes kept with length 1 when
//!   `keepdims`).
//!
//! Result types are NumPy's ([`Summable`], [`Averageable`]): sums of integers and booleans
//! are `i64`/`u64` and wrap on overflow like NumPy's; means of integers are `f64`.
//! Float sums are pairwise, bit for bit NumPy's algorithm along a run, so results agree
//! with NumPy's to the last bit; where NumPy adds whole rows one after another (a reduced
//! outer axis, `x.sum(axis=0)` of more than 32 rows), nd combines them pairwise too, which
//! is more accurate and so may differ from NumPy in the last bits. Float products
//! multiply in order, as NumPy's.
//!
//! Large reductions use nd's threads ([`ndcore::threads`], from 2^18 elements on two),
//! with the bits of one thread: a long run's float sum is cut where the pairwise
//! summation halves it anyway and the halves are added as it adds them (so a threaded
//! `sum`, `mean` or `var` of a contiguous array is still NumPy's number); integer sums and
//! products, counts and the extremes fold fixed pieces of 2^15 elements, combined in order
//! on any number of threads; an axis reduction cuts its result along a kept axis, and
//! every result element is folded as on one thread. Float products, `argmin`/`argmax`,
//! the cumulative forms, and a full reduction of an array whose elements the loop engine
//! cannot walk as one run (a transposed or sliced matrix) stay on one thread.
//!
//! Differences from NumPy: no warnings (an empty `mean` is just nan, as NumPy's value); a
//! 0-d array has no axis 0 (NumPy accepts `axis=0` there for backward compatibility);
//! `argmin`/`argmax` over all elements return a `usize`, along an axis `i64` indices
//! (NumPy's `intp`).
//!
//! ```
//! use ndcore::prelude::*;
//! use ndops::reduce::Reduce;
//! let x = arange(6.0).into_shape([2, 3]).unwrap();
//! assert_eq!(x.sum(), 15.0);
//! assert_eq!(x.sum_axis(Axis(0)).unwrap().to_vec(), vec![3.0, 5.0, 7.0]);
//! assert_eq!(x.mean_axes(&[-1], true).unwrap().shape(), &[2, 1]);
//! assert_eq!(x.max().unwrap(), 5.0);
//! ```

mod axes;
mod blocks;
mod cumulative;
mod engine;
mod minmax;
mod moments;
mod num;
mod pairwise;
mod sum;
#[cfg(test)]
mod tests;

pub use num::{Accumulator, Averageable, FloatAcc, MinMax, Summable};

use axes::{reduce_mask, reduced_shape, single_mask};
use cumulative::Cum;
use minmax::Extreme;
use ndcore::error::Result;
use ndcore::{Array, Array1, ArrayD, ArrayRef, Axis, Dimension, Element, IxDyn};

/// The type `sum` gives for elements `T`.
pub type SumOf<T> = <T as Summable>::Sum;
/// The type `mean`, `var` and `std` give for elements `T`.
pub type MeanOf<T> = <T as Averageable>::Mean;

pub(crate) use axes::check_axis;
pub(crate) use pairwise::pairwise_sum;

/// A keepdims result reshaped to `D::Smaller` (the one reduced axis dropped).
fn smaller<A: Element, D: Dimension>(
    keep: Array<A, IxDyn>,
    shape: &[usize],
    mask: &[bool],
) -> Result<Array<A, D::Smaller>> {
    let dim = D::Smaller::from_slice(&reduced_shape(shape, mask, false))?;
    keep.into_shape(dim)
}

/// A keepdims result, with the reduced axes dropped unless `keepdims`.
fn finish<A: Element>(
    keep: Array<A, IxDyn>,
    shape: &[usize],
    mask: &[bool],
    keepdims: bool,
) -> Result<ArrayD<A>> {
    if keepdims {
        Ok(keep)
    } else {
        keep.into_shape(reduced_shape(shape, mask, false))
    }
}

/// Reductions as methods of every array (`use ndops::prelude::*`).
///
/// Implemented for [`ArrayRef`], so owned arrays, views and shared arrays all have them.
pub trait Reduce<T: Element, D: Dimension> {
    /// The sum of all elements (NumPy's `x.sum()`); 0 for an empty array.
    ///
    /// Floats are summed pairwise (NumPy's algorithm); integers in `i64`/`u64`, wrapping.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::reduce::Reduce;
    /// assert_eq!(arange_with(0i32, 5, 1).unwrap().sum(), 10i64);
    /// assert_eq!(Array::from_vec(vec![true, true, false]).sum(), 2);
    /// assert_eq!(Array::<f64, _>::zeros(0).sum(), 0.0);
    /// ```
    fn sum(&self) -> SumOf<T>
    where
        T: Summable;

    /// The sums along one axis (NumPy's `x.sum(axis=k)`).
    ///
    /// # Errors
    /// If the axis is out of bounds: `axis 3 is out of bounds for array of dimension 2`.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::reduce::Reduce;
    /// let x = arange(6i64).into_shape([2, 3]).unwrap();
    /// assert_eq!(x.sum_axis(Axis(1)).unwrap().to_vec(), vec![3, 12]);
    /// assert!(x.sum_axis(Axis(2)).is_err());
    /// ```
    fn sum_axis(&self, axis: Axis) -> Result<Array<SumOf<T>, D::Smaller>>
    where
        T: Summable;

    /// The sums over a set of axes (NumPy's `x.sum(axis=(…), keepdims=…)`).
    ///
    /// # Errors
    /// An axis out of bounds, or named twice (`duplicate value in 'axis'`).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::reduce::Reduce;
    /// let x = arange(24i64).into_shape([2, 3, 4]).unwrap();
    /// let s = x.sum_axes(&[0, -1], false).unwrap();
    /// assert_eq!(s.to_vec(), vec![60, 92, 124]);
    /// assert_eq!(x.sum_axes(&[0, 2], true).unwrap().shape(), &[1, 3, 1]);
    /// assert!(x.sum_axes(&[0, -3], false).is_err());
    /// ```
    fn sum_axes(&self, axes: impl AsRef<[isize]>, keepdims: bool) -> Result<ArrayD<SumOf<T>>>
    where
        T: Summable;

    /// The product of all elements (NumPy's `x.prod()`); 1 for an empty array.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::reduce::Reduce;
    /// assert_eq!(arange_with(1i64, 6, 1).unwrap().prod(), 120);
    /// ```
    fn prod(&self) -> SumOf<T>
    where
        T: Summable;

    /// The products along one axis (NumPy's `x.prod(axis=k)`).
    ///
    /// # Errors
    /// If the axis is out of bounds.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::reduce::Reduce;
    /// let x = arange_with(1i64, 7, 1).unwrap().into_shape([2, 3]).unwrap();
    /// assert_eq!(x.prod_axis(Axis(0)).unwrap().to_vec(), vec![4, 10, 18]);
    /// ```
    fn prod_axis(&self, axis: Axis) -> Result<Array<SumOf<T>, D::Smaller>>
    where
        T: Summable;

    /// The products over a set of axes (NumPy's `x.prod(axis=(…), keepdims=…)`).
    ///
    /// # Errors
    /// An axis out of bounds or repeated.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::reduce::Reduce;
    /// let x = arange_with(1i64, 7, 1).unwrap().into_shape([2, 3]).unwrap();
    /// assert_eq!(x.prod_axes(&[1], true).unwrap().to_vec(), vec![6, 120]);
    /// ```
    fn prod_axes(&self, axes: impl AsRef<[isize]>, keepdims: bool) -> Result<ArrayD<SumOf<T>>>
    where
        T: Summable;

    /// The arithmetic mean of all elements (NumPy's `x.mean()`); nan for an empty array.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::reduce::Reduce;
    /// assert_eq!(arange(4i64).mean(), 1.5);
    /// assert!(Array::<f64, _>::zeros(0).mean().is_nan());
    /// ```
    fn mean(&self) -> MeanOf<T>
    where
        T: Averageable;

    /// The means along one axis (NumPy's `x.mean(axis=k)`).
    ///
    /// # Errors
    /// If the axis is out of bounds.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::reduce::Reduce;
    /// let x = arange(6i64).into_shape([2, 3]).unwrap();
    /// assert_eq!(x.mean_axis(Axis(1)).unwrap().to_vec(), vec![1.0, 4.0]);
    /// ```
    fn mean_axis(&self, axis: Axis) -> Result<Array<MeanOf<T>, D::Smaller>>
    where
        T: Averageable;

    /// The means over a set of axes (NumPy's `x.mean(axis=(…), keepdims=…)`).
    ///
    /// # Errors
    /// An axis out of bounds or repeated.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::reduce::Reduce;
    /// let x = arange(6i64).into_shape([2, 3]).unwrap();
    /// assert_eq!(x.mean_axes(&[0], false).unwrap().to_vec(), vec![1.5, 2.5, 3.5]);
    /// ```
    fn mean_axes(&self, axes: impl AsRef<[isize]>, keepdims: bool) -> Result<ArrayD<MeanOf<T>>>
    where
        T: Averageable;

    /// The variance of all elements with `ddof` delta degrees of freedom (NumPy's
    /// `x.var(ddof=…)`): `Σ(x - mean)² / max(n - ddof, 0)`.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::reduce::Reduce;
    /// let x = Array::from_vec(vec![1.0, 2.0, 3.0, 4.0]);
    /// assert_eq!(x.var(0.0), 1.25);
    /// assert_eq!(x.var(1.0), 5.0 / 3.0);
    /// ```
    fn var(&self, ddof: f64) -> MeanOf<T>
    where
        T: Averageable;

    /// The variances along one axis (NumPy's `x.var(axis=k, ddof=…)`).
    ///
    /// # Errors
    /// If the axis is out of bounds.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::reduce::Reduce;
    /// let x = arange(6i64).into_shape([2, 3]).unwrap();
    /// assert_eq!(x.var_axis(Axis(0), 0.0).unwrap().to_vec(), vec![2.25; 3]);
    /// ```
    fn var_axis(&self, axis: Axis, ddof: f64) -> Result<Array<MeanOf<T>, D::Smaller>>
    where
        T: Averageable;

    /// The variances over a set of axes (NumPy's `x.var(axis=(…), ddof=…, keepdims=…)`).
    ///
    /// # Errors
    /// An axis out of bounds or repeated.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::reduce::Reduce;
    /// let x = arange(6i64).into_shape([2, 3]).unwrap();
    /// assert_eq!(x.var_axes(&[1], 1.0, false).unwrap().to_vec(), vec![1.0, 1.0]);
    /// ```
    fn var_axes(
        &self,
        axes: impl AsRef<[isize]>,
        ddof: f64,
        keepdims: bool,
    ) -> Result<ArrayD<MeanOf<T>>>
    where
        T: Averageable;

    /// The standard deviation of all elements (NumPy's `x.std(ddof=…)`): `sqrt(var)`.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::reduce::Reduce;
    /// let x = Array::from_vec(vec![2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]);
    /// assert_eq!(x.std(0.0), 2.0);
    /// ```
    fn std(&self, ddof: f64) -> MeanOf<T>
    where
        T: Averageable;

    /// The standard deviations along one axis (NumPy's `x.std(axis=k, ddof=…)`).
    ///
    /// # Errors
    /// If the axis is out of bounds.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::reduce::Reduce;
    /// let x = arange(6i64).into_shape([2, 3]).unwrap();
    /// assert_eq!(x.std_axis(Axis(0), 0.0).unwrap().to_vec(), vec![1.5; 3]);
    /// ```
    fn std_axis(&self, axis: Axis, ddof: f64) -> Result<Array<MeanOf<T>, D::Smaller>>
    where
        T: Averageable;

    /// The standard deviations over a set of axes (NumPy's `x.std(axis=(…), …)`).
    ///
    /// # Errors
    /// An axis out of bounds or repeated.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::reduce::Reduce;
    /// let x = arange(6i64).into_shape([2, 3]).unwrap();
    /// assert_eq!(x.std_axes(&[0, 1], 0.0, true).unwrap().shape(), &[1, 1]);
    /// ```
    fn std_axes(
        &self,
        axes: impl AsRef<[isize]>,
        ddof: f64,
        keepdims: bool,
    ) -> Result<ArrayD<MeanOf<T>>>
    where
        T: Averageable;

    /// The smallest element (NumPy's `x.min()`); nan if any element is nan.
    ///
    /// # Errors
    /// For an empty array: `zero-size array to reduction operation minimum which has no
    /// identity`.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::reduce::Reduce;
    /// assert_eq!(Array::from_vec(vec![3, -1, 2]).min().unwrap(), -1);
    /// assert!(Array::from_vec(vec![1.0, f64::NAN]).min().unwrap().is_nan());
    /// assert!(Array::<i32, _>::zeros(0).min().is_err());
    /// ```
    fn min(&self) -> Result<T>
    where
        T: MinMax;

    /// The smallest elements along one axis (NumPy's `x.min(axis=k)`).
    ///
    /// # Errors
    /// If the axis is out of bounds or has length 0.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::reduce::Reduce;
    /// let x = arange(6i64).into_shape([2, 3]).unwrap();
    /// assert_eq!(x.min_axis(Axis(1)).unwrap().to_vec(), vec![0, 3]);
    /// ```
    fn min_axis(&self, axis: Axis) -> Result<Array<T, D::Smaller>>
    where
        T: MinMax;

    /// The smallest elements over a set of axes (NumPy's `x.min(axis=(…), keepdims=…)`).
    ///
    /// # Errors
    /// An axis out of bounds or repeated; reduced axes with no elements.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::reduce::Reduce;
    /// let x = arange(6i64).into_shape([2, 3]).unwrap();
    /// assert_eq!(x.min_axes(&[0], false).unwrap().to_vec(), vec![0, 1, 2]);
    /// ```
    fn min_axes(&self, axes: impl AsRef<[isize]>, keepdims: bool) -> Result<ArrayD<T>>
    where
        T: MinMax;

    /// The largest element (NumPy's `x.max()`); nan if any element is nan.
    ///
    /// # Errors
    /// For an empty array: `zero-size array to reduction operation maximum which has no
    /// identity`.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::reduce::Reduce;
    /// assert_eq!(Array::from_vec(vec![3, -1, 2]).max().unwrap(), 3);
    /// ```
    fn max(&self) -> Result<T>
    where
        T: MinMax;

    /// The largest elements along one axis (NumPy's `x.max(axis=k)`).
    ///
    /// # Errors
    /// If the axis is out of bounds or has length 0.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::reduce::Reduce;
    /// let x = arange(6i64).into_shape([2, 3]).unwrap();
    /// assert_eq!(x.max_axis(Axis(0)).unwrap().to_vec(), vec![3, 4, 5]);
    /// ```
    fn max_axis(&self, axis: Axis) -> Result<Array<T, D::Smaller>>
    where
        T: MinMax;

    /// The largest elements over a set of axes (NumPy's `x.max(axis=(…), keepdims=…)`).
    ///
    /// # Errors
    /// An axis out of bounds or repeated; reduced axes with no elements.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::reduce::Reduce;
    /// let x = arange(6i64).into_shape([2, 3]).unwrap();
    /// assert_eq!(x.max_axes(&[0, 1], true).unwrap().to_vec(), vec![5]);
    /// ```
    fn max_axes(&self, axes: impl AsRef<[isize]>, keepdims: bool) -> Result<ArrayD<T>>
    where
        T: MinMax;

    /// The flat (C-order) index of the first smallest element, or of the first nan
    /// (NumPy's `x.argmin()`).
    ///
    /// # Errors
    /// For an empty array: `attempt to get argmin of an empty sequence`.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::reduce::Reduce;
    /// assert_eq!(Array::from_vec(vec![3, -1, 2, -1]).argmin().unwrap(), 1);
    /// ```
    fn argmin(&self) -> Result<usize>
    where
        T: MinMax;

    /// The indices of the first smallest elements along one axis (NumPy's
    /// `x.argmin(axis=k)`).
    ///
    /// # Errors
    /// If the axis is out of bounds or has length 0.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::reduce::Reduce;
    /// let x = Array::from_shape_vec([2, 2], vec![4, 1, 0, 9]).unwrap();
    /// assert_eq!(x.argmin_axis(Axis(0)).unwrap().to_vec(), vec![1, 0]);
    /// ```
    fn argmin_axis(&self, axis: Axis) -> Result<Array<i64, D::Smaller>>
    where
        T: MinMax;

    /// The flat (C-order) index of the first largest element, or of the first nan
    /// (NumPy's `x.argmax()`).
    ///
    /// # Errors
    /// For an empty array: `attempt to get argmax of an empty sequence`.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::reduce::Reduce;
    /// assert_eq!(Array::from_vec(vec![1.0, f64::NAN, 3.0]).argmax().unwrap(), 1);
    /// ```
    fn argmax(&self) -> Result<usize>
    where
        T: MinMax;

    /// The indices of the first largest elements along one axis (NumPy's
    /// `x.argmax(axis=k)`).
    ///
    /// # Errors
    /// If the axis is out of bounds or has length 0.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::reduce::Reduce;
    /// let x = Array::from_shape_vec([2, 2], vec![4, 1, 0, 9]).unwrap();
    /// assert_eq!(x.argmax_axis(Axis(1)).unwrap().to_vec(), vec![0, 1]);
    /// ```
    fn argmax_axis(&self, axis: Axis) -> Result<Array<i64, D::Smaller>>
    where
        T: MinMax;

    /// The number of elements that are not zero (NumPy's `np.count_nonzero(x)`).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::reduce::Reduce;
    /// assert_eq!(Array::from_vec(vec![0.0, -0.0, 2.0, f64::NAN]).count_nonzero(), 2);
    /// ```
    fn count_nonzero(&self) -> usize
    where
        T: Summable;

    /// The numbers of nonzero elements along one axis (NumPy's
    /// `np.count_nonzero(x, axis=k)`).
    ///
    /// # Errors
    /// If the axis is out of bounds.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::reduce::Reduce;
    /// let x = Array::from_shape_vec([2, 2], vec![0, 1, 2, 3]).unwrap();
    /// assert_eq!(x.count_nonzero_axis(Axis(0)).unwrap().to_vec(), vec![1, 2]);
    /// ```
    fn count_nonzero_axis(&self, axis: Axis) -> Result<Array<i64, D::Smaller>>
    where
        T: Summable;

    /// The numbers of nonzero elements over a set of axes (NumPy's
    /// `np.count_nonzero(x, axis=(…), keepdims=…)`).
    ///
    /// # Errors
    /// An axis out of bounds or repeated.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::reduce::Reduce;
    /// let x = Array::from_shape_vec([2, 2], vec![0, 1, 2, 3]).unwrap();
    /// assert_eq!(x.count_nonzero_axes(&[1], false).unwrap().to_vec(), vec![1, 2]);
    /// ```
    fn count_nonzero_axes(&self, axes: impl AsRef<[isize]>, keepdims: bool) -> Result<ArrayD<i64>>
    where
        T: Summable;

    /// The running sums of the flattened (C-order) array (NumPy's `x.cumsum()`).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::reduce::Reduce;
    /// let x = arange_with(0i32, 4, 1).unwrap().into_shape([2, 2]).unwrap();
    /// assert_eq!(x.cumsum().to_vec(), vec![0i64, 1, 3, 6]);
    /// ```
    fn cumsum(&self) -> Array1<SumOf<T>>
    where
        T: Summable;

    /// The running sums along one axis (NumPy's `x.cumsum(axis=k)`).
    ///
    /// # Errors
    /// If the axis is out of bounds.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::reduce::Reduce;
    /// let x = arange(4i64).into_shape([2, 2]).unwrap();
    /// assert_eq!(x.cumsum_axis(Axis(0)).unwrap().to_vec(), vec![0, 1, 2, 4]);
    /// ```
    fn cumsum_axis(&self, axis: Axis) -> Result<Array<SumOf<T>, D>>
    where
        T: Summable;

    /// The running products of the flattened (C-order) array (NumPy's `x.cumprod()`).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::reduce::Reduce;
    /// assert_eq!(arange_with(1i64, 5, 1).unwrap().cumprod().to_vec(), vec![1, 2, 6, 24]);
    /// ```
    fn cumprod(&self) -> Array1<SumOf<T>>
    where
        T: Summable;

    /// The running products along one axis (NumPy's `x.cumprod(axis=k)`).
    ///
    /// # Errors
    /// If the axis is out of bounds.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndops::reduce::Reduce;
    /// let x = arange_with(1i64, 5, 1).unwrap().into_shape([2, 2]).unwrap();
    /// assert_eq!(x.cumprod_axis(Axis(1)).unwrap().to_vec(), vec![1, 2, 3, 12]);
    /// ```
    fn cumprod_axis(&self, axis: Axis) -> Result<Array<SumOf<T>, D>>
    where
        T: Summable;
}

impl<T: Element, D: Dimension> Reduce<T, D> for ArrayRef<T, D> {
    fn sum(&self) -> SumOf<T>
    where
        T: Summable,
    {
        sum::sum_all(self)
    }
    fn sum_axis(&self, axis: Axis) -> Result<Array<SumOf<T>, D::Smaller>>
    where
        T: Summable,
    {
        let mask = single_mask(axis.0, self.ndim())?;
        smaller::<_, D>(sum::sum_mask(self, &mask)?, self.shape(), &mask)
    }
    fn sum_axes(&self, axes: impl AsRef<[isize]>, keepdims: bool) -> Result<ArrayD<SumOf<T>>>
    where
        T: Summable,
    {
        let mask = reduce_mask(axes.as_ref(), self.ndim())?;
        finish(sum::sum_mask(self, &mask)?, self.shape(), &mask, keepdims)
    }

    fn prod(&self) -> SumOf<T>
    where
        T: Summable,
    {
        sum::prod_all(self)
    }
    fn prod_axis(&self, axis: Axis) -> Result<Array<SumOf<T>, D::Smaller>>
    where
        T: Summable,
    {
        let mask = single_mask(axis.0, self.ndim())?;
        smaller::<_, D>(sum::prod_mask(self, &mask)?, self.shape(), &mask)
    }
    fn prod_axes(&self, axes: impl AsRef<[isize]>, keepdims: bool) -> Result<ArrayD<SumOf<T>>>
    where
        T: Summable,
    {
        let mask = reduce_mask(axes.as_ref(), self.ndim())?;
        finish(sum::prod_mask(self, &mask)?, self.shape(), &mask, keepdims)
    }

    fn mean(&self) -> MeanOf<T>
    where
        T: Averageable,
    {
        sum::mean_all(self)
    }
    fn mean_axis(&self, axis: Axis) -> Result<Array<MeanOf<T>, D::Smaller>>
    where
        T: Averageable,
    {
        let mask = single_mask(axis.0, self.ndim())?;
        smaller::<_, D>(sum::mean_mask(self, &mask)?, self.shape(), &mask)
    }
    fn mean_axes(&self, axes: impl AsRef<[isize]>, keepdims: bool) -> Result<ArrayD<MeanOf<T>>>
    where
        T: Averageable,
    {
        let mask = reduce_mask(axes.as_ref(), self.ndim())?;
        finish(sum::mean_mask(self, &mask)?, self.shape(), &mask, keepdims)
    }

    fn var(&self, ddof: f64) -> MeanOf<T>
    where
        T: Averageable,
    {
        moments::var_all(self, ddof)
    }
    fn var_axis(&self, axis: Axis, ddof: f64) -> Result<Array<MeanOf<T>, D::Smaller>>
    where
        T: Averageable,
    {
        let mask = single_mask(axis.0, self.ndim())?;
        smaller::<_, D>(moments::var_mask(self, &mask, ddof)?, self.shape(), &mask)
    }
    fn var_axes(
        &self,
        axes: impl AsRef<[isize]>,
        ddof: f64,
        keepdims: bool,
    ) -> Result<ArrayD<MeanOf<T>>>
    where
        T: Averageable,
    {
        let mask = reduce_mask(axes.as_ref(), self.ndim())?;
        finish(
            moments::var_mask(self, &mask, ddof)?,
            self.shape(),
            &mask,
            keepdims,
        )
    }

    fn std(&self, ddof: f64) -> MeanOf<T>
    where
        T: Averageable,
    {
        FloatAcc::sqrt(moments::var_all(self, ddof))
    }
    fn std_axis(&self, axis: Axis, ddof: f64) -> Result<Array<MeanOf<T>, D::Smaller>>
    where
        T: Averageable,
    {
        let mask = single_mask(axis.0, self.ndim())?;
        let v = moments::sqrt_all(moments::var_mask(self, &mask, ddof)?);
        smaller::<_, D>(v, self.shape(), &mask)
    }
    fn std_axes(
        &self,
        axes: impl AsRef<[isize]>,
        ddof: f64,
        keepdims: bool,
    ) -> Result<ArrayD<MeanOf<T>>>
    where
        T: Averageable,
    {
        let mask = reduce_mask(axes.as_ref(), self.ndim())?;
        let v = moments::sqrt_all(moments::var_mask(self, &mask, ddof)?);
        finish(v, self.shape(), &mask, keepdims)
    }

    fn min(&self) -> Result<T>
    where
        T: MinMax,
    {
        minmax::extreme_all(self, Extreme::Min)
    }
    fn min_axis(&self, axis: Axis) -> Result<Array<T, D::Smaller>>
    where
        T: MinMax,
    {
        let mask = single_mask(axis.0, self.ndim())?;
        let r = minmax::extreme_mask(self, &mask, Extreme::Min)?;
        smaller::<_, D>(r, self.shape(), &mask)
    }
    fn min_axes(&self, axes: impl AsRef<[isize]>, keepdims: bool) -> Result<ArrayD<T>>
    where
        T: MinMax,
    {
        let mask = reduce_mask(axes.as_ref(), self.ndim())?;
        let r = minmax::extreme_mask(self, &mask, Extreme::Min)?;
        finish(r, self.shape(), &mask, keepdims)
    }

    fn max(&self) -> Result<T>
    where
        T: MinMax,
    {
        minmax::extreme_all(self, Extreme::Max)
    }
    fn max_axis(&self, axis: Axis) -> Result<Array<T, D::Smaller>>
    where
        T: MinMax,
    {
        let mask = single_mask(axis.0, self.ndim())?;
        let r = minmax::extreme_mask(self, &mask, Extreme::Max)?;
        smaller::<_, D>(r, self.shape(), &mask)
    }
    fn max_axes(&self, axes: impl AsRef<[isize]>, keepdims: bool) -> Result<ArrayD<T>>
    where
        T: MinMax,
    {
        let mask = reduce_mask(axes.as_ref(), self.ndim())?;
        let r = minmax::extreme_mask(self, &mask, Extreme::Max)?;
        finish(r, self.shape(), &mask, keepdims)
    }

    fn argmin(&self) -> Result<usize>
    where
        T: MinMax,
    {
        minmax::arg_all(self, Extreme::Min)
    }
    fn argmin_axis(&self, axis: Axis) -> Result<Array<i64, D::Smaller>>
    where
        T: MinMax,
    {
        let r = minmax::arg_axis(self, axis.0, Extreme::Min)?;
        r.into_rank()
    }
    fn argmax(&self) -> Result<usize>
    where
        T: MinMax,
    {
        minmax::arg_all(self, Extreme::Max)
    }
    fn argmax_axis(&self, axis: Axis) -> Result<Array<i64, D::Smaller>>
    where
        T: MinMax,
    {
        let r = minmax::arg_axis(self, axis.0, Extreme::Max)?;
        r.into_rank()
    }

    fn count_nonzero(&self) -> usize
    where
        T: Summable,
    {
        sum::count_all(self)
    }
    fn count_nonzero_axis(&self, axis: Axis) -> Result<Array<i64, D::Smaller>>
    where
        T: Summable,
    {
        let mask = single_mask(axis.0, self.ndim())?;
        smaller::<_, D>(sum::count_mask(self, &mask)?, self.shape(), &mask)
    }
    fn count_nonzero_axes(&self, axes: impl AsRef<[isize]>, keepdims: bool) -> Result<ArrayD<i64>>
    where
        T: Summable,
    {
        let mask = reduce_mask(axes.as_ref(), self.ndim())?;
        finish(sum::count_mask(self, &mask)?, self.shape(), &mask, keepdims)
    }

    fn cumsum(&self) -> Array1<SumOf<T>>
    where
        T: Summable,
    {
        cumulative::cum_flat(self, Cum::Sum)
    }
    fn cumsum_axis(&self, axis: Axis) -> Result<Array<SumOf<T>, D>>
    where
        T: Summable,
    {
        cumulative::cum_axis(self, axis.0, Cum::Sum)
    }
    fn cumprod(&self) -> Array1<SumOf<T>>
    where
        T: Summable,
    {
        cumulative::cum_flat(self, Cum::Prod)
    }
    fn cumprod_axis(&self, axis: Axis) -> Result<Array<SumOf<T>, D>>
    where
        T: Summable,
    {
        cumulative::cum_axis(self, axis.0, Cum::Prod)
    }
}
