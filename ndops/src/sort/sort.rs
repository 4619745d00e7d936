//! `sort` and `argsort` along an axis (NumPy's `np.sort`, `a.sort()`, `np.argsort`).

use super::key::Sortable;
use super::lanes::{for_each_lane_mut, for_each_lane_pair};
use super::normalize_axis;
use super::radix::{Scratch, argsort_into, sort_slice};
use ndcore::error::Result;
use ndcore::{Array, ArrayRef, Dimension};

pub(crate) fn sort_inplace<T: Sortable, D: Dimension>(
    a: &mut ArrayRef<T, D>,
    axis: isize,
) -> Result<()> {
    let axis = normalize_axis(axis, a.ndim())?;
    let mut scratch = Scratch::new();
    for_each_lane_mut(a, axis, |s| sort_slice(s, &mut scratch))
}

pub(crate) fn sorted<T: Sortable, D: Dimension>(
    a: &ArrayRef<T, D>,
    axis: isize,
) -> Result<Array<T, D>> {
    normalize_axis(axis, a.ndim())?;
    // A C-order copy (from the buffer pool when large), sorted where it lies.
    let mut out = a.to_owned();
    sort_inplace(&mut out, axis)?;
    Ok(out)
}

pub(crate) fn argsorted<T: Sortable, D: Dimension>(
    a: &ArrayRef<T, D>,
    axis: isize,
) -> Result<Array<i64, D>> {
    let axis = normalize_axis(axis, a.ndim())?;
    let mut out = Array::<i64, D>::try_zeros(a.dim().clone())?;
    for_each_lane_pair(a, &mut out, axis, |s, o| {
        argsort_into(s, o);
        Ok(())
    })?;
    Ok(out)
}
