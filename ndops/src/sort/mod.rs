//! Sorting and searching with NumPy's names and results: `sort` (a copy) and
//! `sort_inplace` (NumPy's `a.sort()`), `argsort`, `partition`/`argpartition`,
//! `searchsorted`, `unique` (with first indices, inverse and counts, and the array API's
//! `unique_values`/`unique_counts`/`unique_inverse`/`unique_all`), `argwhere` and
//! `flatnonzero`. (`nonzero` is [`Select::nonzero`](crate::select::Select::nonzero),
//! `count_nonzero` [`Reduce::count_nonzero`](crate::reduce::Reduce::count_nonzero).)
//!
//! **Order.** NumPy's: numbers ascending, `false < true`; for floats `-0.0` and `0.0` are
//! equal (kept in their original order) and NaNs come last, after `+inf`. Element types:
//! `bool`, the integers and the floats ([`Sortable`]).
//!
//! **Stability.** Every sort is stable (NumPy's `kind='stable'`). For `sort` the result is
//! the same as NumPy's default `kind='quicksort'` (equal elements look alike, except that
//! the order of `-0.0`/`0.0` and of NaN payloads follows the input); `argsort` gives the
//! stable order of ties, which NumPy's default `argsort` may not: compare with
//! `np.argsort(a, kind='stable')`.
//!
//! **Axes.** Methods of [`Sort`] take an `isize` axis (`-1`, the last, is NumPy's default)
//! and keep the rank; the free functions take `Option<isize>`, where `None` sorts the
//! flattened array (NumPy's `axis=None`). Any layout: lanes that are contiguous are sorted
//! where they lie, strided ones (another axis, reversed or transposed views) through a
//! buffer.
//!
//! **Speed.** Long lanes (512 elements and more) of `f64` are sorted by a vectorized
//! quicksort where the CPU has AVX-512 (as NumPy's own `np.sort` there), with NaNs and
//! zeros put back in their stable order; other types, `argsort` and CPUs without AVX-512
//! use a least-significant-digit radix sort on the keys of [`Sortable`], in as few passes
//! of up to 11 bits as cover the bits in which the keys differ. Shorter lanes use std's
//! stable sort on the same keys. Measured here (1e6 values, one thread): the sort of f64
//! 5.7-5.8 ms against `np.sort`'s 7.3-7.5 ms in the same minutes (best of 60 of the
//! ignored test `sort::simd::timing`, against `timeit`; the machine was shared, so both
//! are faster idle: the ratio is the figure to keep, about 0.8); in `cargo xtask bench
//! --figure more`, `argsort` 24.5 ms against `np.argsort(kind='stable')`'s 30.1 ms,
//! `unique` of i64 10.9 ms against `np.unique`'s 61 ms.
//!
//! ```
//! use ndops::prelude::*;
//! let x = Array::from_shape_vec([2, 3], vec![3.0, f64::NAN, -1.0, 0.5, 2.0, 0.5]).unwrap();
//! let s = x.sorted(-1).unwrap();
//! assert_eq!(s.row(0).to_vec()[..2], [-1.0, 3.0]);
//! assert!(s[[0, 2]].is_nan());
//! assert_eq!(x.argsort(-1).unwrap().row(1).to_vec(), vec![0, 2, 1]);
//! assert_eq!(ndops::sort::unique(&x).unwrap().len(), 5);
//! ```

mod key;
mod lanes;
mod nonzero;
mod partition;
mod radix;
mod search;
mod simd;
#[allow(clippy::module_inception)]
mod sort;
#[cfg(test)]
mod tests;
mod unique;

pub use key::{RadixKey, Sortable};
pub use search::{Side, searchsorted};
pub use unique::{Unique, UniqueOptions};

use ndcore::error::Result;
use ndcore::{Array, Array1, Array2, ArrayD, ArrayRef, Dimension, Element, Error, Ix1};

/// Axis `axis` of an array of `ndim` axes as an index, negative counting from the end.
///
/// # Errors
/// NumPy's `axis 2 is out of bounds for array of dimension 2`.
pub(crate) fn normalize_axis(axis: isize, ndim: usize) -> Result<usize> {
    let a = if axis < 0 { axis + ndim as isize } else { axis };
    if a >= 0 && (a as usize) < ndim {
        Ok(a as usize)
    } else {
        Err(Error::AxisOutOfBounds { axis, ndim })
    }
}

/// Sorting and searching as methods of every array (`use ndops::prelude::*`).
///
/// Implemented for [`ArrayRef`], so owned arrays and every kind of view have them.
pub trait Sort<T: Element, D: Dimension> {
    /// A sorted copy along `axis` (NumPy's `np.sort(a, axis)`; `-1` is the last axis).
    ///
    /// # Errors
    /// An axis out of bounds (`axis 2 is out of bounds for array of dimension 2`; a 0-d
    /// array has no axis: use [`sort`] with `None`), or no memory for the result.
    ///
    /// ```
    /// use ndops::prelude::*;
    /// let x = Array::from_shape_vec([2, 2], vec![3, 1, 0, 5]).unwrap();
    /// assert_eq!(x.sorted(-1).unwrap().to_vec(), vec![1, 3, 0, 5]);
    /// assert_eq!(x.sorted(0).unwrap().to_vec(), vec![0, 1, 3, 5]);
    /// assert!(x.sorted(2).is_err());
    /// ```
    fn sorted(&self, axis: isize) -> Result<Array<T, D>>
    where
        T: Sortable;

    /// Sorts in place along `axis` (NumPy's `a.sort(axis)`), through any writable view.
    ///
    /// # Errors
    /// As [`sorted`](Self::sorted); nothing is changed then.
    ///
    /// ```
    /// use ndops::prelude::*;
    /// let mut x = Array::from_vec(vec![2.0, f64::NAN, -0.0, 1.0]);
    /// x.sort_inplace(-1).unwrap();
    /// assert_eq!(x.to_vec()[..3], [-0.0, 1.0, 2.0]);
    /// // A reversed view: its own order is sorted, so memory goes the other way.
    /// let mut y = arange(5i64);
    /// y.slice_mut(s![..;-1]).sort_inplace(0).unwrap();
    /// assert_eq!(y.to_vec(), vec![4, 3, 2, 1, 0]);
    /// ```
    fn sort_inplace(&mut self, axis: isize) -> Result<()>
    where
        T: Sortable;

    /// The indices that sort along `axis`, stable (NumPy's `np.argsort(a, axis,
    /// kind='stable')`), as `i64` (NumPy's `intp`).
    ///
    /// # Errors
    /// As [`sorted`](Self::sorted).
    ///
    /// ```
    /// use ndops::prelude::*;
    /// let x = Array::from_vec(vec![2, 1, 2, 0]);
    /// assert_eq!(x.argsort(-1).unwrap().to_vec(), vec![3, 1, 0, 2]);
    /// ```
    fn argsort(&self, axis: isize) -> Result<Array<i64, D>>
    where
        T: Sortable;

    /// A copy partitioned along `axis` around each of `kth` (NumPy's `np.partition(a,
    /// kth, axis)`): the element at each `kth` is the one a full sort puts there, with
    /// none greater before it and none smaller after it.
    ///
    /// # Errors
    /// An axis out of bounds; a `kth` out of bounds (`kth(=5) out of bounds (5)`,
    /// negative ones counting from the end).
    ///
    /// ```
    /// use ndops::prelude::*;
    /// let x = Array::from_vec(vec![5, 1, 4, 2, 3]);
    /// let p = x.partitioned(&[2], -1).unwrap();
    /// assert_eq!(p[2], 3);
    /// assert!(p.to_vec()[..2].iter().all(|&v| v <= 3) && p.to_vec()[3..].iter().all(|&v| v >= 3));
    /// assert_eq!(x.partitioned(&[5], -1).unwrap_err().to_string(), "kth(=5) out of bounds (5)");
    /// ```
    fn partitioned(&self, kth: &[isize], axis: isize) -> Result<Array<T, D>>
    where
        T: Sortable;

    /// Partitions in place (NumPy's `a.partition(kth, axis)`).
    ///
    /// # Errors
    /// As [`partitioned`](Self::partitioned); nothing is changed then.
    ///
    /// ```
    /// use ndops::prelude::*;
    /// let mut x = Array::from_vec(vec![3.0, f64::NAN, 1.0, 2.0]);
    /// x.partition_inplace(&[0, -1], 0).unwrap();
    /// assert_eq!(x[0], 1.0);
    /// assert!(x[3].is_nan());
    /// ```
    fn partition_inplace(&mut self, kth: &[isize], axis: isize) -> Result<()>
    where
        T: Sortable;

    /// The indices that partition along `axis` (NumPy's `np.argpartition(a, kth, axis)`).
    ///
    /// # Errors
    /// As [`partitioned`](Self::partitioned).
    ///
    /// ```
    /// use ndops::prelude::*;
    /// let x = Array::from_vec(vec![5, 1, 4, 2, 3]);
    /// let i = x.argpartition(&[0], -1).unwrap();
    /// assert_eq!(i[0], 1);
    /// ```
    fn argpartition(&self, kth: &[isize], axis: isize) -> Result<Array<i64, D>>
    where
        T: Sortable;

    /// The sorted distinct elements of the flattened array (NumPy's `np.unique(a)`; all
    /// NaNs one value, as NumPy 2's `equal_nan=True`). See [`unique_with`] for indices,
    /// inverse and counts.
    ///
    /// # Errors
    /// Only for no memory.
    ///
    /// ```
    /// use ndops::prelude::*;
    /// let x = Array::from_shape_vec([2, 2], vec![3, 1, 3, 0]).unwrap();
    /// assert_eq!(x.unique().unwrap().to_vec(), vec![0, 1, 3]);
    /// ```
    fn unique(&self) -> Result<Array1<T>>
    where
        T: Sortable;

    /// The indices of the nonzero elements, one row per element, in C order (NumPy's
    /// `np.argwhere(a)`: shape `(N, ndim)`).
    ///
    /// # Errors
    /// Only for no memory.
    ///
    /// ```
    /// use ndops::prelude::*;
    /// let x = Array::from_shape_vec([2, 2], vec![0, 7, 8, 0]).unwrap();
    /// let w = x.argwhere().unwrap();
    /// assert_eq!((w.shape(), w.to_vec()), (&[2, 2][..], vec![0, 1, 1, 0]));
    /// ```
    fn argwhere(&self) -> Result<Array2<i64>>;

    /// The indices of the nonzero elements of the flattened array (NumPy's
    /// `np.flatnonzero(a)`).
    ///
    /// ```
    /// use ndops::prelude::*;
    /// let x = Array::from_shape_vec([2, 2], vec![0.0, f64::NAN, -0.0, 2.0]).unwrap();
    /// assert_eq!(x.flatnonzero().to_vec(), vec![1, 3]);
    /// ```
    fn flatnonzero(&self) -> Array1<i64>;
}

impl<T: Element, D: Dimension> Sort<T, D> for ArrayRef<T, D> {
    fn sorted(&self, axis: isize) -> Result<Array<T, D>>
    where
        T: Sortable,
    {
        sort::sorted(self, axis)
    }
    fn sort_inplace(&mut self, axis: isize) -> Result<()>
    where
        T: Sortable,
    {
        sort::sort_inplace(self, axis)
    }
    fn argsort(&self, axis: isize) -> Result<Array<i64, D>>
    where
        T: Sortable,
    {
        sort::argsorted(self, axis)
    }
    fn partitioned(&self, kth: &[isize], axis: isize) -> Result<Array<T, D>>
    where
        T: Sortable,
    {
        partition::partitioned(self, kth, axis)
    }
    fn partition_inplace(&mut self, kth: &[isize], axis: isize) -> Result<()>
    where
        T: Sortable,
    {
        partition::partition_inplace(self, kth, axis)
    }
    fn argpartition(&self, kth: &[isize], axis: isize) -> Result<Array<i64, D>>
    where
        T: Sortable,
    {
        partition::argpartitioned(self, kth, axis)
    }
    fn unique(&self) -> Result<Array1<T>>
    where
        T: Sortable,
    {
        Ok(unique::unique_impl(self, UniqueOptions::default())?.values)
    }
    fn argwhere(&self) -> Result<Array2<i64>> {
        nonzero::argwhere(self)
    }
    fn flatnonzero(&self) -> Array1<i64> {
        nonzero::flatnonzero(self)
    }
}

/// The flattened array (C order) as a 1-d array of dynamic rank, for `axis=None`.
fn flat<T: Element, D: Dimension>(a: &ArrayRef<T, D>) -> Result<ArrayD<T>> {
    a.ravel().to_owned().into_shape(vec![a.size()])
}

/// A sorted copy (NumPy's `np.sort(a, axis)`): along `Some(axis)` (negative counting from
/// the end; NumPy's default is `Some(-1)`), or of the flattened array for `None`.
///
/// # Errors
/// An axis out of bounds (`axis -1 is out of bounds for array of dimension 0` for a 0-d
/// array with `Some(-1)`, as NumPy).
///
/// ```
/// use ndcore::prelude::*;
/// let x = Array::from_shape_vec([2, 2], vec![3, 1, 0, 5]).unwrap();
/// assert_eq!(ndops::sort::sort(&x, None).unwrap().to_vec(), vec![0, 1, 3, 5]);
/// assert_eq!(ndops::sort::sort(&x, Some(0)).unwrap().to_vec(), vec![0, 1, 3, 5]);
/// assert_eq!(ndops::sort::sort(&x, Some(-1)).unwrap().shape(), &[2, 2]);
/// ```
pub fn sort<T: Sortable, D: Dimension>(
    a: &ArrayRef<T, D>,
    axis: Option<isize>,
) -> Result<ArrayD<T>> {
    match axis {
        Some(ax) => Ok(sort::sorted(a, ax)?.into_dyn()),
        None => {
            let mut f = flat(a)?;
            sort::sort_inplace(&mut f, 0)?;
            Ok(f)
        }
    }
}

/// The stable sorting indices (NumPy's `np.argsort(a, axis, kind='stable')`), along
/// `Some(axis)` or into the flattened array for `None`.
///
/// # Errors
/// An axis out of bounds.
///
/// ```
/// use ndcore::prelude::*;
/// let x = Array::from_shape_vec([2, 2], vec![3, 1, 0, 5]).unwrap();
/// assert_eq!(ndops::sort::argsort(&x, None).unwrap().to_vec(), vec![2, 1, 0, 3]);
/// assert_eq!(ndops::sort::argsort(&x, Some(0)).unwrap().to_vec(), vec![1, 0, 0, 1]);
/// ```
pub fn argsort<T: Sortable, D: Dimension>(
    a: &ArrayRef<T, D>,
    axis: Option<isize>,
) -> Result<ArrayD<i64>> {
    match axis {
        // NumPy's argsort of a 0-d array along -1 or 0 sorts it as one element.
        Some(ax) if a.ndim() > 0 || !matches!(ax, -1 | 0) => Ok(sort::argsorted(a, ax)?.into_dyn()),
        _ => sort::argsorted(&flat(a)?, 0),
    }
}

/// A partitioned copy (NumPy's `np.partition(a, kth, axis)`), along `Some(axis)` or of the
/// flattened array for `None`; see [`Sort::partitioned`].
///
/// # Errors
/// An axis or a `kth` out of bounds (`kth(=5) out of bounds (5)`).
///
/// ```
/// use ndcore::prelude::*;
/// let x = Array::from_shape_vec([2, 2], vec![3, 1, 0, 5]).unwrap();
/// assert_eq!(ndops::sort::partition(&x, &[0], None).unwrap()[[0]], 0);
/// ```
pub fn partition<T: Sortable, D: Dimension>(
    a: &ArrayRef<T, D>,
    kth: &[isize],
    axis: Option<isize>,
) -> Result<ArrayD<T>> {
    match axis {
        Some(ax) => Ok(partition::partitioned(a, kth, ax)?.into_dyn()),
        None => {
            let mut f = flat(a)?;
            partition::partition_inplace(&mut f, kth, 0)?;
            Ok(f)
        }
    }
}

/// The partitioning indices (NumPy's `np.argpartition(a, kth, axis)`), along `Some(axis)`
/// or into the flattened array for `None`.
///
/// # Errors
/// An axis or a `kth` out of bounds.
///
/// ```
/// use ndcore::prelude::*;
/// let x = Array::from_shape_vec([2, 2], vec![3, 1, 0, 5]).unwrap();
/// assert_eq!(ndops::sort::argpartition(&x, &[-1], None).unwrap()[[3]], 3);
/// ```
pub fn argpartition<T: Sortable, D: Dimension>(
    a: &ArrayRef<T, D>,
    kth: &[isize],
    axis: Option<isize>,
) -> Result<ArrayD<i64>> {
    match axis {
        // As argsort: a 0-d array along -1 or 0 is one element.
        Some(ax) if a.ndim() > 0 || !matches!(ax, -1 | 0) => {
            Ok(partition::argpartitioned(a, kth, ax)?.into_dyn())
        }
        _ => partition::argpartitioned(&flat(a)?, kth, 0),
    }
}

/// The sorted distinct elements of the flattened array (NumPy's `np.unique(a)`, NaNs
/// collapsed into one).
///
/// When NumPy's default sort is not stable (long arrays), which of `-0.0` and `0.0`
/// NumPy keeps may differ; nd keeps the first in the input.
///
/// # Errors
/// Only for no memory.
///
/// ```
/// use ndcore::prelude::*;
/// let x = Array::from_vec(vec![2.0, f64::NAN, 1.0, 2.0, f64::NAN]);
/// let u = ndops::sort::unique(&x).unwrap();
/// assert_eq!(u.len(), 3);
/// assert!(u[2].is_nan());
/// ```
pub fn unique<T: Sortable, D: Dimension>(a: &ArrayRef<T, D>) -> Result<Array1<T>> {
    Ok(unique::unique_impl(a, UniqueOptions::default())?.values)
}

/// `np.unique(a, return_index=…, return_inverse=…, return_counts=…, equal_nan=…)`: the
/// sorted distinct values and what `opts` asks for, all `int64`. The inverse has the
/// input's shape (NumPy 2): `values.take(inverse)` rebuilds `a`. The indices are first
/// occurrences; with `equal_nan` the NaN group's is its first NaN's.
///
/// # Errors
/// Only for no memory.
///
/// ```
/// use ndcore::prelude::*;
/// use ndops::sort::{UniqueOptions, unique_with};
/// let x = Array::from_shape_vec([2, 3], vec![3, 1, 3, 1, 2, 2]).unwrap();
/// let all = UniqueOptions {
///     return_index: true,
///     return_inverse: true,
///     return_counts: true,
///     ..Default::default()
/// };
/// let u = unique_with(&x, all).unwrap();
/// assert_eq!(u.values.to_vec(), vec![1, 2, 3]);
/// assert_eq!(u.indices.unwrap().to_vec(), vec![1, 4, 0]);
/// assert_eq!(u.inverse.unwrap().shape(), &[2, 3]);
/// assert_eq!(u.counts.unwrap().to_vec(), vec![2, 2, 2]);
/// ```
pub fn unique_with<T: Sortable, D: Dimension>(
    a: &ArrayRef<T, D>,
    opts: UniqueOptions,
) -> Result<Unique<T>> {
    unique::unique_impl(a, opts)
}

/// The distinct values (the array API's `np.unique_values(a)`: NaNs not collapsed). NumPy
/// leaves the order unspecified (it hashes); nd's is sorted.
///
/// # Errors
/// Only for no memory.
///
/// ```
/// use ndcore::prelude::*;
/// let x = Array::from_vec(vec![f64::NAN, 1.0, f64::NAN, 1.0]);
/// assert_eq!(ndops::sort::unique_values(&x).unwrap().len(), 3);
/// ```
pub fn unique_values<T: Sortable, D: Dimension>(a: &ArrayRef<T, D>) -> Result<Array1<T>> {
    let opts = UniqueOptions {
        equal_nan: false,
        ..Default::default()
    };
    Ok(unique::unique_impl(a, opts)?.values)
}

/// The distinct values and their counts (the array API's `np.unique_counts(a)`; NaNs
/// not collapsed; sorted).
///
/// # Errors
/// Only for no memory.
///
/// ```
/// use ndcore::prelude::*;
/// let (v, c) = ndops::sort::unique_counts(&Array::from_vec(vec![2, 1, 2])).unwrap();
/// assert_eq!((v.to_vec(), c.to_vec()), (vec![1, 2], vec![1, 2]));
/// ```
pub fn unique_counts<T: Sortable, D: Dimension>(
    a: &ArrayRef<T, D>,
) -> Result<(Array1<T>, Array1<i64>)> {
    let opts = UniqueOptions {
        return_counts: true,
        equal_nan: false,
        ..Default::default()
    };
    let u = unique::unique_impl(a, opts)?;
    Ok((
        u.values,
        u.counts.unwrap_or_else(|| Array1::from_vec(Vec::new())),
    ))
}

/// The distinct values and the inverse, shaped as `a` (the array API's
/// `np.unique_inverse(a)`; NaNs not collapsed; sorted).
///
/// # Errors
/// Only for no memory.
///
/// ```
/// use ndcore::prelude::*;
/// let x = Array::from_shape_vec([2, 2], vec![5, 3, 3, 5]).unwrap();
/// let (v, inv) = ndops::sort::unique_inverse(&x).unwrap();
/// assert_eq!((v.to_vec(), inv.to_vec()), (vec![3, 5], vec![1, 0, 0, 1]));
/// ```
pub fn unique_inverse<T: Sortable, D: Dimension>(
    a: &ArrayRef<T, D>,
) -> Result<(Array1<T>, ArrayD<i64>)> {
    let opts = UniqueOptions {
        return_inverse: true,
        equal_nan: false,
        ..Default::default()
    };
    let u = unique::unique_impl(a, opts)?;
    match u.inverse {
        Some(inv) => Ok((u.values, inv)),
        None => unreachable!("asked for the inverse"),
    }
}

/// Everything (the array API's `np.unique_all(a)`: values, first indices, inverse shaped
/// as `a`, counts; NaNs not collapsed; sorted).
///
/// # Errors
/// Only for no memory.
///
/// ```
/// use ndcore::prelude::*;
/// let u = ndops::sort::unique_all(&Array::from_vec(vec![2, 1, 2])).unwrap();
/// assert_eq!(u.indices.unwrap().to_vec(), vec![1, 0]);
/// ```
pub fn unique_all<T: Sortable, D: Dimension>(a: &ArrayRef<T, D>) -> Result<Unique<T>> {
    let opts = UniqueOptions {
        return_index: true,
        return_inverse: true,
        return_counts: true,
        equal_nan: false,
    };
    unique::unique_impl(a, opts)
}

/// The indices of the nonzero elements as rows of an `(N, ndim)` array (NumPy's
/// `np.argwhere(a)`); see [`Sort::argwhere`].
///
/// # Errors
/// Only for no memory.
///
/// ```
/// use ndcore::prelude::*;
/// let w = ndops::sort::argwhere(&Array::from_vec(vec![0, 3, 4])).unwrap();
/// assert_eq!((w.shape(), w.to_vec()), (&[2, 1][..], vec![1, 2]));
/// ```
pub fn argwhere<T: Element, D: Dimension>(a: &ArrayRef<T, D>) -> Result<Array2<i64>> {
    nonzero::argwhere(a)
}

/// The flat (C-order) indices of the nonzero elements (NumPy's `np.flatnonzero(a)`).
///
/// ```
/// use ndcore::prelude::*;
/// let x = Array::from_shape_vec([2, 2], vec![1, 0, 0, 2]).unwrap();
/// assert_eq!(ndops::sort::flatnonzero(&x).to_vec(), vec![0, 3]);
/// ```
pub fn flatnonzero<T: Element, D: Dimension>(a: &ArrayRef<T, D>) -> Array1<i64> {
    nonzero::flatnonzero(a)
}

/// `searchsorted` of one value (NumPy's `np.searchsorted(a, x, side)` with a scalar `x`).
///
/// ```
/// use ndcore::prelude::*;
/// use ndops::sort::{Side, searchsorted_one};
/// let a = Array::from_vec(vec![1, 2, 2, 3]);
/// assert_eq!(searchsorted_one(&a, 2, Side::Right), 3);
/// ```
pub fn searchsorted_one<T: Sortable>(a: &ArrayRef<T, Ix1>, x: T, side: Side) -> usize {
    let k = x.key().to_u64();
    let before = |y: &T| match side {
        Side::Left => y.key().to_u64() < k,
        Side::Right => y.key().to_u64() <= k,
    };
    // Binary search on the view itself: no copy of `a` for one value.
    let (mut lo, mut hi) = (0, a.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if a.get(mid).is_some_and(before) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}
