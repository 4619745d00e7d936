//! `concatenate` and `stack`: NumPy's joins of arrays of one rank, with its messages.

use crate::reduce::check_axis;
use ndcore::error::Result;
use ndcore::{Array, ArrayRef, Axis, Dimension, Element, Error, SliceInfoElem};

/// The arrays joined along an existing axis (NumPy's `np.concatenate(arrays, axis)`).
///
/// # Errors
/// NumPy's: no arrays (`need at least one array to concatenate`), 0-d arrays, an axis out of
/// bounds, ranks that differ, or shapes that differ off the axis (`all the input array
/// dimensions except for the concatenation axis must match exactly, but along dimension 1,
/// the array at index 0 has size 3 and the array at index 1 has size 2`).
///
/// ```
/// use ndcore::prelude::*;
/// use ndops::select::concatenate;
/// let a = arange(4i64).into_shape([2, 2]).unwrap();
/// let b = arange(2i64).into_shape([1, 2]).unwrap();
/// let c = concatenate(&[&a, &b], Axis(0)).unwrap();
/// assert_eq!(c.shape(), &[3, 2]);
/// assert_eq!(c.to_vec(), vec![0, 1, 2, 3, 0, 1]);
/// assert!(concatenate(&[&a, &b], Axis(1)).is_err());
/// ```
pub fn concatenate<T, D, A>(arrays: &[A], axis: Axis) -> Result<Array<T, D>>
where
    T: Element,
    D: Dimension,
    A: AsRef<ArrayRef<T, D>>,
{
    let first = arrays
        .first()
        .ok_or_else(|| Error::Value("need at least one array to concatenate".into()))?
        .as_ref();
    let nd = first.ndim();
    if nd == 0 {
        return Err(Error::Value(
            "zero-dimensional arrays cannot be concatenated".into(),
        ));
    }
    let ax = check_axis(axis.0, nd)?;
    let mut shape = first.shape().to_vec();
    shape[ax] = 0;
    for (i, a) in arrays.iter().enumerate() {
        let a = a.as_ref();
        if a.ndim() != nd {
            return Err(Error::Value(format!(
                "all the input arrays must have same number of dimensions, but the array at \
                 index 0 has {nd} dimension(s) and the array at index {i} has {} dimension(s)",
                a.ndim()
            )));
        }
        for (k, (&n0, &n)) in first.shape().iter().zip(a.shape()).enumerate() {
            if k != ax && n0 != n {
                return Err(Error::Value(format!(
                    "all the input array dimensions except for the concatenation axis must \
                     match exactly, but along dimension {k}, the array at index 0 has size \
                     {n0} and the array at index {i} has size {n}"
                )));
            }
        }
        shape[ax] += a.shape()[ax];
    }
    // SAFETY: the pieces cover the output exactly: piece `i` is assigned to indices
    // `at..at + len` of axis `ax`, and these ranges tile `0..shape[ax]`; every other axis
    // is whole. An error part-way drops the array unread (elements are plain data).
    let mut out = unsafe { Array::<T, D>::try_uninit(D::from_slice(&shape)?) }?;
    let mut at = 0isize;
    let mut sel = vec![SliceInfoElem::FULL; nd];
    for a in arrays {
        let a = a.as_ref();
        let len = a.shape()[ax] as isize;
        sel[ax] = SliceInfoElem::Slice {
            start: Some(at),
            stop: Some(at + len),
            step: 1,
        };
        out.try_slice_mut(sel.as_slice())?.assign(a)?;
        at += len;
    }
    Ok(out)
}

/// The arrays joined along a new axis (NumPy's `np.stack(arrays, axis)`); `axis` may be
/// the new rank's last (`ndim`).
///
/// # Errors
/// NumPy's: no arrays (`need at least one array to stack`), shapes that differ (`all input
/// arrays must have the same shape`), an axis past the result's rank.
///
/// ```
/// use ndcore::prelude::*;
/// use ndops::select::stack;
/// let a = arange(3i64);
/// let b = arange_with(3i64, 6, 1).unwrap();
/// let s = stack(&[&a, &b], Axis(1)).unwrap();
/// assert_eq!(s.shape(), &[3, 2]);
/// assert_eq!(s.to_vec(), vec![0, 3, 1, 4, 2, 5]);
/// ```
pub fn stack<T, D, A>(arrays: &[A], axis: Axis) -> Result<Array<T, D::Larger>>
where
    T: Element,
    D: Dimension,
    A: AsRef<ArrayRef<T, D>>,
{
    let first = arrays
        .first()
        .ok_or_else(|| Error::Value("need at least one array to stack".into()))?
        .as_ref();
    if arrays.iter().any(|a| a.as_ref().shape() != first.shape()) {
        return Err(Error::Value(
            "all input arrays must have the same shape".into(),
        ));
    }
    let ax = check_axis(axis.0, first.ndim() + 1)?;
    let mut shape = first.shape().to_vec();
    shape.insert(ax, arrays.len());
    // SAFETY: each index `i` of the new axis is assigned array `i` whole, and there are
    // `shape[ax]` of them: every element is written. An error part-way drops the array
    // unread (elements are plain data).
    let mut out = unsafe { Array::<T, D::Larger>::try_uninit(D::Larger::from_slice(&shape)?) }?;
    for (i, a) in arrays.iter().enumerate() {
        out.index_axis_mut(Axis(ax), i as isize)?
            .assign(a.as_ref())?;
    }
    Ok(out)
}
