//! `split` and `array_split`: views of consecutive pieces along an axis.

use super::axis_range;
use crate::reduce::check_axis;
use ndcore::error::Result;
use ndcore::{ArrayRef, ArrayView, ArrayViewMut, Axis, Dimension, Error};

/// How to cut an axis, as NumPy's `indices_or_sections`: a number of pieces, or the
/// indices where pieces start (Python's slice rules: negative from the end, clipped).
///
/// Built from an integer (`3`) or a list of indices (`[2, 5]`, `&[2, -1][..]`, `vec![..]`).
///
/// ```
/// use ndops::shape::Sections;
/// assert_eq!(Sections::from(3), Sections::Count(3));
/// assert_eq!(Sections::from([2, -1]), Sections::Indices(vec![2, -1]));
/// ```
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

/// Where the pieces of an axis of length `len` start and end, in order (the last end
/// `isize::MAX` for index lists: Python's slices clip it).
fn bounds(sections: Sections, len: usize) -> Result<Vec<isize>> {
    Ok(match sections {
        Sections::Count(n) => {
            if n <= 0 {
                return Err(Error::Value(
                    "number sections must be larger than 0.".into(),
                ));
            }
            let n = n as usize;
            let (each, extra) = (len / n, len % n);
            let mut b = Vec::new();
            // A count past what memory holds is NumPy's MemoryError, not a panic.
            b.try_reserve_exact(n + 1).map_err(|_| {
                Error::Value(format!("Unable to allocate the {n} pieces of array_split"))
            })?;
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
    })
}

/// Checks a count divides the axis, as `np.split` does.
fn check_equal(sections: &Sections, len: usize) -> Result<()> {
    if let Sections::Count(n) = *sections
        && n > 0
        && !len.is_multiple_of(n as usize)
    {
        return Err(Error::Value(
            "array split does not result in an equal division".into(),
        ));
    }
    Ok(())
}

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
    let bounds = bounds(sections.into(), a.shape()[ax])?;
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
    check_equal(&sections, a.shape()[check_axis(axis.0, a.ndim())?])?;
    array_split(a, sections, axis)
}

/// Like [`array_split`], writable pieces: writes through them land in `a` (NumPy's pieces
/// are writable views too).
///
/// # Errors
/// As `array_split`, and index lists whose pieces would overlap (indices that decrease
/// after Python's clipping, which NumPy allows for its aliasing views).
///
/// ```
/// use ndops::shape::array_split_mut;
/// use ndops::prelude::*;
/// let mut x = arange(5i64);
/// for (k, mut p) in array_split_mut(&mut x, 2, Axis(0))?.into_iter().enumerate() {
///     p.fill(k as i64);
/// }
/// assert_eq!(x.to_vec(), vec![0, 0, 0, 1, 1]);
/// # Ok::<(), ndcore::Error>(())
/// ```
pub fn array_split_mut<T, D: Dimension>(
    a: &mut ArrayRef<T, D>,
    sections: impl Into<Sections>,
    axis: Axis,
) -> Result<Vec<ArrayViewMut<'_, T, D>>> {
    let ax = check_axis(axis.0, a.ndim())?;
    let len = a.shape()[ax];
    // Python's slice rule for a bound: negative from the end, clipped to the axis.
    let clip = |i: isize| -> usize {
        if i < 0 {
            i.saturating_add(len as isize).max(0) as usize
        } else {
            (i as usize).min(len)
        }
    };
    let b: Vec<usize> = bounds(sections.into(), len)?
        .into_iter()
        .map(clip)
        .collect();
    if b.windows(2).any(|w| w[1] < w[0]) {
        return Err(Error::Value(
            "array_split_mut: the pieces would overlap (split indices must not decrease)".into(),
        ));
    }
    let mut rest = a.view_mut();
    let mut out = Vec::with_capacity(b.len() - 1);
    for w in b.windows(2) {
        let (piece, tail) = rest.into_split_at(Axis(ax), w[1] - w[0])?;
        out.push(piece);
        rest = tail;
    }
    Ok(out)
}

/// Like [`split`], writable pieces.
///
/// # Errors
/// As [`split`] and [`array_split_mut`].
///
/// ```
/// use ndops::shape::split_mut;
/// use ndops::prelude::*;
/// let mut x = arange(4i64);
/// let mut p = split_mut(&mut x, 2, Axis(0))?;
/// p[1].fill(9);
/// assert_eq!(x.to_vec(), vec![0, 1, 9, 9]);
/// # Ok::<(), ndcore::Error>(())
/// ```
pub fn split_mut<T, D: Dimension>(
    a: &mut ArrayRef<T, D>,
    sections: impl Into<Sections>,
    axis: Axis,
) -> Result<Vec<ArrayViewMut<'_, T, D>>> {
    let sections = sections.into();
    check_equal(&sections, a.shape()[check_axis(axis.0, a.ndim())?])?;
    array_split_mut(a, sections, axis)
}
