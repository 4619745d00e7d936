//! `hstack`, `vstack`, `dstack`, `column_stack`: `concatenate` after NumPy's `atleast_*d`.

use crate::select::concatenate;
use ndcore::error::Result;
use ndcore::{Array, ArrayRef, ArrayView, Axis, DimMax, Element, Ix1, Ix2, Ix3};

/// The arrays stacked in sequence horizontally (NumPy's `np.hstack`): 1-d (and 0-d)
/// arrays are joined end to end, others along axis 1.
///
/// # Errors
/// As [`concatenate`]: no arrays (`need at least one array to concatenate`), shapes that
/// differ off the joined axis.
///
/// ```
/// use ndops::prelude::*;
/// let (a, b) = (arange(2i64), arange(3i64));
/// assert_eq!(hstack(&[&a, &b])?.to_vec(), vec![0, 1, 0, 1, 2]);
/// let m = arange(4i64).into_shape([2, 2])?;
/// assert_eq!(hstack(&[&m, &m])?.shape(), &[2, 4]);
/// # Ok::<(), ndcore::Error>(())
/// ```
pub fn hstack<T, D, A>(arrays: &[A]) -> Result<Array<T, <D as DimMax<Ix1>>::Output>>
where
    T: Element,
    D: DimMax<Ix1>,
    A: AsRef<ArrayRef<T, D>>,
{
    let views: Vec<_> = arrays.iter().map(|a| a.as_ref().atleast_1d()).collect();
    let axis = match views.first() {
        Some(v) if v.ndim() == 1 => 0,
        _ => 1,
    };
    concatenate(&views, Axis(axis))
}

/// The arrays stacked vertically, row-wise (NumPy's `np.vstack`): 1-d arrays of length
/// `n` become rows `(1, n)`, then all are joined along axis 0.
///
/// # Errors
/// As [`concatenate`] (NumPy's messages).
///
/// ```
/// use ndops::prelude::*;
/// let a = arange(3i64);
/// let m: Array2<i64> = vstack(&[&a, &a])?;
/// assert_eq!(m.to_vec(), vec![0, 1, 2, 0, 1, 2]);
/// assert!(vstack(&[&a, &arange(2i64)]).is_err());
/// # Ok::<(), ndcore::Error>(())
/// ```
pub fn vstack<T, D, A>(arrays: &[A]) -> Result<Array<T, <D as DimMax<Ix2>>::Output>>
where
    T: Element,
    D: DimMax<Ix2>,
    A: AsRef<ArrayRef<T, D>>,
{
    let views: Vec<_> = arrays.iter().map(|a| a.as_ref().atleast_2d()).collect();
    concatenate(&views, Axis(0))
}

/// The arrays stacked along the third axis (NumPy's `np.dstack`): each is first seen as
/// 3-d (`(n,)` as `(1, n, 1)`, `(m, n)` as `(m, n, 1)`).
///
/// # Errors
/// As [`concatenate`].
///
/// ```
/// use ndops::prelude::*;
/// let a = arange(3i64);
/// let d: Array3<i64> = dstack(&[&a, &a])?;
/// assert_eq!(d.shape(), &[1, 3, 2]);
/// assert_eq!(d.to_vec(), vec![0, 0, 1, 1, 2, 2]);
/// # Ok::<(), ndcore::Error>(())
/// ```
pub fn dstack<T, D, A>(arrays: &[A]) -> Result<Array<T, <D as DimMax<Ix3>>::Output>>
where
    T: Element,
    D: DimMax<Ix3>,
    A: AsRef<ArrayRef<T, D>>,
{
    let views: Vec<_> = arrays.iter().map(|a| a.as_ref().atleast_3d()).collect();
    concatenate(&views, Axis(2))
}

/// 1-d arrays as the columns of a 2-d array (NumPy's `np.column_stack`); 2-d and higher
/// arrays are joined along axis 1, as `hstack`.
///
/// # Errors
/// As [`concatenate`].
///
/// ```
/// use ndops::prelude::*;
/// let (a, b) = (arange(3i64), arange_with(10i64, 13, 1)?);
/// let c = column_stack(&[&a, &b])?;
/// assert_eq!(c.shape(), &[3, 2]);
/// assert_eq!(c.to_vec(), vec![0, 10, 1, 11, 2, 12]);
/// # Ok::<(), ndcore::Error>(())
/// ```
pub fn column_stack<T, D, A>(arrays: &[A]) -> Result<Array<T, <D as DimMax<Ix2>>::Output>>
where
    T: Element,
    D: DimMax<Ix2>,
    A: AsRef<ArrayRef<T, D>>,
{
    let rows: Vec<_> = arrays.iter().map(|a| a.as_ref().atleast_2d()).collect();
    // NumPy's `array(a, ndmin=2).T` for arrays of fewer than 2 axes: (n,) -> (n, 1).
    let cols: Vec<ArrayView<'_, T, _>> = arrays
        .iter()
        .zip(&rows)
        .map(|(a, r)| {
            if a.as_ref().ndim() < 2 {
                r.t()
            } else {
                r.view()
            }
        })
        .collect();
    concatenate(&cols, Axis(1))
}
