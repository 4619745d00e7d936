//! `roll`: elements shifted cyclically along an axis or over the flattened array.

use super::{axis_range, axis_range_mut};
use crate::reduce::check_axis;
use ndcore::array::uninit_like;
use ndcore::error::Result;
use ndcore::error::shape_str;
use ndcore::{Array, ArrayRef, Axis, Dimension, Element, Error, Ix1, Slice, SliceInfoElem};

/// The elements shifted by `shift` positions along `axis`, those that fall off the end
/// coming back at the start (NumPy's `np.roll(a, shift, axis)`); `None` rolls the
/// flattened array (C order) and keeps the shape (a C-order result, as NumPy's). Along an
/// axis the result has `a`'s memory order, as NumPy's. Either way it is copied as two
/// blocks.
///
/// # Errors
/// An axis out of bounds.
///
/// ```
/// use ndops::prelude::*;
/// let x = arange(6i64).into_shape([2, 3])?;
/// assert_eq!(roll(&x, 1, None)?.to_vec(), vec![5, 0, 1, 2, 3, 4]);
/// assert_eq!(roll(&x, -1, Some(Axis(1)))?.to_vec(), vec![1, 2, 0, 4, 5, 3]);
/// # Ok::<(), ndcore::Error>(())
/// ```
pub fn roll<T: Element, D: Dimension>(
    a: &ArrayRef<T, D>,
    shift: isize,
    axis: Option<Axis>,
) -> Result<Array<T, D>> {
    let Some(axis) = axis else {
        let flat = a.ravel();
        // SAFETY: the two blocks below write all elements (none when empty) before the
        // array is returned.
        let mut out = unsafe { Array::<T, D>::try_uninit(D::from_slice(a.shape())?) }?;
        roll_into(
            &flat,
            &mut out.reshape_mut(Ix1::from([flat.len()]))?,
            shift,
            0,
        )?;
        return Ok(out);
    };
    let ax = check_axis(axis.0, a.ndim())?;
    // SAFETY: as above: `roll_into` writes every element.
    let mut out = unsafe { uninit_like(a) };
    roll_into(a, &mut out, shift, ax)?;
    Ok(out)
}

/// Writes `a` rolled by `shift` along `ax` into `out` (of `a`'s shape): every element.
fn roll_into<T: Element, D: Dimension>(
    a: &ArrayRef<T, D>,
    out: &mut ArrayRef<T, D>,
    shift: isize,
    ax: usize,
) -> Result<()> {
    let n = a.shape()[ax];
    if n == 0 || a.is_empty() {
        return Ok(());
    }
    // shift mod n in 0..n, computed without overflow for any isize.
    let s = shift.rem_euclid(n as isize);
    let k = n as isize - s;
    axis_range_mut(out, ax, s, n as isize)?.assign(&axis_range(a, ax, 0, k)?)?;
    axis_range_mut(out, ax, 0, s)?.assign(&axis_range(a, ax, k, n as isize)?)?;
    Ok(())
}

/// The elements shifted along several axes at once (NumPy's
/// `np.roll(a, (s0, s1, …), axis=(a0, a1, …))`): `shifts` and `axes` pair up, one of them
/// may have a single entry for all, and shifts of a repeated axis add up. One pass: the
/// result is copied as at most `2^k` blocks for `k` shifted axes.
///
/// # Errors
/// An axis out of bounds; lengths that do not pair up (NumPy's `shape mismatch: objects
/// cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (3,) and
/// arg 1 with shape (2,).`).
///
/// ```
/// use ndops::shape::roll_axes;
/// use ndops::prelude::*;
/// let x = arange(6i64).into_shape([2, 3])?;
/// assert_eq!(roll_axes(&x, &[1], &[0, 1])?.to_vec(), vec![5, 3, 4, 2, 0, 1]);
/// assert_eq!(roll_axes(&x, &[1, 2], &[0, 0])?.to_vec(), vec![3, 4, 5, 0, 1, 2]);
/// # Ok::<(), ndcore::Error>(())
/// ```
pub fn roll_axes<T: Element, D: Dimension>(
    a: &ArrayRef<T, D>,
    shifts: &[isize],
    axes: &[usize],
) -> Result<Array<T, D>> {
    let pairs = shifts.len().max(axes.len());
    if !(shifts.len() == axes.len() || shifts.len() == 1 || axes.len() == 1) {
        return Err(Error::Value(format!(
            "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is \
             between arg 0 with shape {} and arg 1 with shape {}.",
            shape_str(&[shifts.len()]),
            shape_str(&[axes.len()])
        )));
    }
    let nd = a.ndim();
    // The total shift of each axis, mod its length.
    let mut total = vec![0isize; nd];
    for k in 0..pairs {
        let ax = check_axis(axes[k.min(axes.len() - 1)], nd)?;
        let n = a.shape()[ax].max(1) as isize;
        let s = shifts[k.min(shifts.len() - 1)].rem_euclid(n);
        total[ax] = (total[ax] + s) % n;
    }
    // SAFETY: the blocks below cover every element (none when empty).
    let mut out = unsafe { uninit_like(a) };
    if a.is_empty() {
        return Ok(out);
    }
    // Per axis, (destination start, source start, length) of its one or two pieces.
    let pieces: Vec<Vec<(isize, isize, isize)>> = (0..nd)
        .map(|ax| {
            let (n, s) = (a.shape()[ax] as isize, total[ax]);
            if s == 0 {
                vec![(0, 0, n)]
            } else {
                vec![(s, 0, n - s), (0, n - s, s)]
            }
        })
        .collect();
    let range = |start: isize, len: isize| -> SliceInfoElem {
        Slice::new(Some(start), Some(start + len), 1).into()
    };
    let mut choice = vec![0usize; nd];
    loop {
        let (dst, src): (Vec<_>, Vec<_>) = (0..nd)
            .map(|ax| {
                let (d, s, l) = pieces[ax][choice[ax]];
                (range(d, l), range(s, l))
            })
            .unzip();
        out.try_slice_mut(dst.as_slice())?
            .assign(&a.try_slice(src.as_slice())?)?;
        // The next combination of pieces, as an odometer.
        let Some(ax) = (0..nd).rev().find(|&ax| choice[ax] + 1 < pieces[ax].len()) else {
            break;
        };
        choice[ax] += 1;
        choice[ax + 1..].iter_mut().for_each(|c| *c = 0);
    }
    Ok(out)
}
