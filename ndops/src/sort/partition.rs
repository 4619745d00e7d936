//! `partition` and `argpartition` (NumPy's `np.partition`, `np.argpartition`): the `kth`
//! elements in their sorted places, smaller-or-equal ones before, larger-or-equal after.
//!
//! Which arrangement the two sides get is not specified by NumPy (its introselect's order
//! cannot be reproduced); nd's satisfies the same property, and the `kth` elements are the
//! ones NumPy puts there (they are the sorted array's).

use super::key::{RadixKey, Sortable};
use super::lanes::{for_each_lane_mut, for_each_lane_pair};
use super::normalize_axis;
use ndcore::error::Result;
use ndcore::{Array, ArrayRef, Dimension, Error};

/// `kth` checked against an axis of length `n` (negative counting from the end), sorted
/// and deduplicated.
///
/// # Errors
/// NumPy's `kth(=5) out of bounds (5)` (a negative `kth` shown after adding `n`).
pub(crate) fn check_kth(kth: &[isize], n: usize) -> Result<Vec<usize>> {
    let mut out = Vec::with_capacity(kth.len());
    for &k in kth {
        let j = if k < 0 { k + n as isize } else { k };
        if j < 0 || j as usize >= n {
            return Err(Error::Value(format!("kth(={j}) out of bounds ({n})")));
        }
        out.push(j as usize);
    }
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

/// Partitions `v` around each of the sorted `kth` in turn (each selection works on the
/// part after the previous one, so every earlier `kth` stays in place).
fn select<T>(v: &mut [T], kth: &[usize], key: impl Fn(&T) -> u64 + Copy) {
    let mut lo = 0;
    for &k in kth {
        v[lo..].select_nth_unstable_by_key(k - lo, key);
        lo = k + 1;
    }
}

/// The axis and checked `kth` of a partition of `a`.
fn prepare<T, D: Dimension>(
    a: &ArrayRef<T, D>,
    kth: &[isize],
    axis: isize,
) -> Result<(usize, Vec<usize>)> {
    let axis = normalize_axis(axis, a.ndim())?;
    if a.size() == 0 {
        return Ok((axis, Vec::new())); // NumPy checks no kth on an empty array
    }
    let kth = check_kth(kth, a.shape()[axis])?;
    Ok((axis, kth))
}

pub(crate) fn partition_inplace<T: Sortable, D: Dimension>(
    a: &mut ArrayRef<T, D>,
    kth: &[isize],
    axis: isize,
) -> Result<()> {
    let (axis, kth) = prepare(a, kth, axis)?;
    for_each_lane_mut(a, axis, |s| {
        select(s, &kth, |x: &T| x.key().to_u64());
        Ok(())
    })
}

pub(crate) fn partitioned<T: Sortable, D: Dimension>(
    a: &ArrayRef<T, D>,
    kth: &[isize],
    axis: isize,
) -> Result<Array<T, D>> {
    let mut out = a.to_owned();
    partition_inplace(&mut out, kth, axis)?;
    Ok(out)
}

pub(crate) fn argpartitioned<T: Sortable, D: Dimension>(
    a: &ArrayRef<T, D>,
    kth: &[isize],
    axis: isize,
) -> Result<Array<i64, D>> {
    let (axis, kth) = prepare(a, kth, axis)?;
    let mut out = Array::<i64, D>::try_zeros(a.dim().clone())?;
    let mut keyed: Vec<(u64, i64)> = Vec::new();
    for_each_lane_pair(a, &mut out, axis, |s, o| {
        keyed.clear();
        keyed.extend(s.iter().zip(0i64..).map(|(x, i)| (x.key().to_u64(), i)));
        select(&mut keyed, &kth, |p: &(u64, i64)| p.0);
        for (d, (_, i)) in o.iter_mut().zip(&keyed) {
            *d = *i;
        }
        Ok(())
    })?;
    Ok(out)
}
