//! `searchsorted`: where values would go in a sorted 1-d array (NumPy's
//! `np.searchsorted`).

use super::key::{RadixKey, Sortable};
use ndcore::error::Result;
use ndcore::{Array, ArrayRef, Dimension, Error, Ix1};

/// Which of equal elements `searchsorted` returns the place of (NumPy's `side=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Side {
    /// The first place that keeps the order: before any equal elements (`side='left'`,
    /// the default).
    #[default]
    Left,
    /// The last such place: after the equal elements (`side='right'`).
    Right,
}

/// The indices at which the elements of `v` would be inserted into the sorted `a` to keep
/// it sorted (NumPy's `np.searchsorted(a, v, side, sorter)`); the result has `v`'s shape.
///
/// Order is NumPy's sort order (see [`Sortable`]): NaNs after `+inf` (so a NaN goes at the
/// end with `Left` before the NaNs already there), `-0.0` equal to `0.0`. `sorter`, when
/// given, is the permutation that sorts `a` (as [`argsort`](super::argsort) returns). If
/// `a` is not sorted, the indices are meaningless but still in `0..=a.len()`.
///
/// # Errors
/// A `sorter` of another length than `a` (`sorter.size must equal a.size`), or with an
/// index outside `0..a.len()` (`Sorter index out of range.`; NumPy reports this only for
/// the indices its search happens to visit, nd checks them all).
///
/// ```
/// use ndcore::prelude::*;
/// use ndops::sort::{Side, searchsorted};
/// let a = Array::from_vec(vec![1.0, 2.0, 2.0, 3.0, f64::NAN]);
/// let v = Array::from_vec(vec![2.0, 0.5, f64::NAN]);
/// assert_eq!(searchsorted(&a, &v, Side::Left, None).unwrap().to_vec(), vec![1, 0, 4]);
/// assert_eq!(searchsorted(&a, &v, Side::Right, None).unwrap().to_vec(), vec![3, 0, 5]);
/// // Through a sorter: `a` itself unsorted.
/// let b = Array::from_vec(vec![3, 1, 2]);
/// let s = Array::from_vec(vec![1i64, 2, 0]);
/// let at = searchsorted(&b, &Array::from_vec(vec![2, 4]), Side::Left, Some(&s)).unwrap();
/// assert_eq!(at.to_vec(), vec![1, 3]);
/// ```
pub fn searchsorted<T: Sortable, E: Dimension>(
    a: &ArrayRef<T, Ix1>,
    v: &ArrayRef<T, E>,
    side: Side,
    sorter: Option<&ArrayRef<i64, Ix1>>,
) -> Result<Array<i64, E>> {
    let n = a.len();
    let keys: Vec<u64> = match sorter {
        None => a.iter().map(|x| x.key().to_u64()).collect(),
        Some(s) => {
            if s.len() != n {
                return Err(Error::Value("sorter.size must equal a.size".into()));
            }
            let vals = a.to_vec();
            s.iter()
                .map(
                    |&i| match usize::try_from(i).ok().and_then(|i| vals.get(i)) {
                        Some(x) => Ok(x.key().to_u64()),
                        None => Err(Error::Value("Sorter index out of range.".into())),
                    },
                )
                .collect::<Result<_>>()?
        }
    };
    let at = |x: &T| {
        let k = x.key().to_u64();
        let i = match side {
            Side::Left => keys.partition_point(|&y| y < k),
            Side::Right => keys.partition_point(|&y| y <= k),
        };
        i as i64
    };
    Ok(v.map(at))
}
