//! `roll`: elements shifted cyclically along an axis or over the flattened array.

use super::{axis_range, axis_range_mut};
use crate::reduce::check_axis;
use ndcore::error::Result;
use ndcore::{Array, ArrayRef, Axis, Dimension, Element, zeros_like};

/// The elements shifted by `shift` positions along `axis`, those that fall off the end
/// coming back at the start (NumPy's `np.roll(a, shift, axis)`); `None` rolls the
/// flattened array (C order) and keeps the shape. Negative shifts roll backwards. The
/// result has `a`'s memory order, as NumPy's; it is copied as two blocks.
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
        let rolled = roll(&flat, shift, Some(Axis(0)))?;
        let (v, _) = rolled.into_raw_vec_and_shape();
        return Array::from_shape_vec(D::from_slice(a.shape())?, v);
    };
    let ax = check_axis(axis.0, a.ndim())?;
    let n = a.shape()[ax];
    let mut out = zeros_like(a);
    if n == 0 || a.is_empty() {
        return Ok(out);
    }
    // shift mod n in 0..n, computed without overflow for any isize.
    let s = shift.rem_euclid(n as isize);
    let k = n as isize - s;
    axis_range_mut(&mut out, ax, s, n as isize)?.assign(&axis_range(a, ax, 0, k)?)?;
    axis_range_mut(&mut out, ax, 0, s)?.assign(&axis_range(a, ax, k, n as isize)?)?;
    Ok(out)
}
