//! `split` and `array_split`: views of consecutive pieces along an axis.

use super::axis_range;
use crate::reduce::check_axis;
use ndcore::error::Result;
use ndcore::{ArrayRef, ArrayView, Axis, Dimension, Error};

/// How to cut an axis, as NumPy's `indices_or_sections`: a number of pieces, or the
/// indices where pieces start (Python's slice rules: negative from the end, clipped).
///
/// Built from an integer (`3`) or a list of indices (`[2, 5]`, `&[2, -1]`, `vec![..]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Sections {
    /// This many pieces.
    Count(isize),
    /// Pieces `[..i0]`, `[i0..i1]`, …, `[ik..]`.
    Indices(Vec<isize>),
}

macro_rules! sections_from {
    ($($t:ty),*) => {$(
        impl From<$t> for Sections {
            fn from(n: $t) -> Self {
                Sections::Count(isize::try_from(n).unwrap_or(isize::MAX))
            }
        }
        impl<const N: usize> From<[$t; N]> for Sections {
            fn from(v: [$t; N]) -> Self {
                Sections::Indices(v.iter().map(|&i| isize::try_from(i).unwrap_or(isize::MAX)).collect())
            }
        }
        impl From<&[$t]> for Sections {
            fn from(v: &[$t]) -> Self {
                Sections::Indices(v.iter().map(|&i| isize::try_from(i).unwrap_or(isize::MAX)).collect())
            }
        }
        impl From<Vec<$t>> for Sections {
            fn from(v: Vec<$t>) -> Self {
                Sections::from(v.as_slice())
            }
        }
    )*};
}
sections_from!(i32, i64, isize, usize);

/// The pieces of `a` along `axis` as views (NumPy's `np.array_split`): `n` sections
/// of an axis of length `l` are `l % n` pieces of `l / n + 1` then pieces of `l / n`;
/// or the pieces between given indices.
///
/// # Errors
/// An axis out of bounds; a count below 1 (`number sections must be larger than 0.`).
///
/// ```
/// use ndops::prelude::*;
/// let x = arange(7i64);
/// let p = array_split(&x, 3, Axis(0))?;
/// assert_eq!(p.iter().map(|v| v.to_vec()).collect::<Vec<_>>(),
///            vec![vec![0, 1, 2], vec![3, 4], vec![5, 6]]);
/// let q = array_split(&x, [2, -1], Axis(0))?;
/// assert_eq!(q[2].to_vec(), vec![6]);
/// # Ok::<(), ndcore::Error>(())
/// ```
pub fn array_split<T, D: Dimension>(
    a: &ArrayRef<T, D>,
    sections: impl Into<Sections>,
    axis: Axis,
) -> Result<Vec<ArrayView<'_, T, D>>> {
    let ax = check_axis(axis.0, a.ndim())?;
    let bounds = match sections.into() {
        Sections::Count(n) => {
            if n <= 0 {
                return Err(Error::Value(
                    "number sections must be larger than 0.".into(),
                ));
            }
            let len = a.shape()[ax];
            let n = n as usize;
            let (each, extra) = (len / n, len % n);
            let mut b = Vec::with_capacity(n + 1);
            let mut at = 0usize;
            b.push(0isize);
            for i in 0..n {
                at += each + usize::from(i < extra);
                b.push(at as isize);
            }
            b
        }
        Sections::Indices(ix) => {
            let mut b = Vec::with_capacity(ix.len() + 2);
            b.push(0isize);
            b.extend(ix);
            b.push(isize::MAX);
            b
        }
    };
    bounds
        .windows(2)
        .map(|w| axis_range(a, ax, w[0], w[1]))
        .collect()
}

/// The pieces of `a` along `axis` as views, equal ones for a count (NumPy's `np.split`).
///
/// # Errors
/// As [`array_split`], and a count that does not divide the axis: `array split does not
/// result in an equal division`.
///
/// ```
/// use ndops::prelude::*;
/// let x = arange(12i64).into_shape([2, 6])?;
/// let p = split(&x, 3, Axis(1))?;
/// assert_eq!((p.len(), p[1].to_vec()), (3, vec![2, 3, 8, 9]));
/// assert!(split(&x, 4, Axis(1)).is_err());
/// # Ok::<(), ndcore::Error>(())
/// ```
pub fn split<T, D: Dimension>(
    a: &ArrayRef<T, D>,
    sections: impl Into<Sections>,
    axis: Axis,
) -> Result<Vec<ArrayView<'_, T, D>>> {
    let sections = sections.into();
    if let Sections::Count(n) = sections {
        let ax = check_axis(axis.0, a.ndim())?;
        if n > 0 && !a.shape()[ax].is_multiple_of(n as usize) {
            return Err(Error::Value(
                "array split does not result in an equal division".into(),
            ));
        }
    }
    array_split(a, sections, axis)
}
