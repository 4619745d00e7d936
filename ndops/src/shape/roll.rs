//! `roll`: elements shifted cyclically along an axis or over the flattened array.

use super::{axis_range, axis_range_mut};
use crate::reduce::check_axis;
use ndcore::array::uninit_like;
use ndcore::error::Result;
use ndcore::{Array, ArrayRef, Axis, Dimension, Element, Ix1};

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
