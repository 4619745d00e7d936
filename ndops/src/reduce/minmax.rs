//! `min`, `max`, `argmin`, `argmax`: NumPy's nan-propagating extremes and their indices.

use super::engine::{Fold, Split, fold_all, fold_axes};
use super::num::{MinMax, max_nan, min_nan};
use crate::kernels::{Kernel, dispatch};
use ndcore::engine::{IterOrder, Plan};
use ndcore::error::Result;
use ndcore::{Array, ArrayRef, Axis, Dimension, Error, IxDyn};

/// NumPy's `maximum.reduce`.
#[derive(Clone, Copy)]
pub(crate) struct MaxFold;

impl<T: MinMax> Fold<T> for MaxFold {
    type Acc = T;
    const SPLIT: Split = Split::Pieces;
    #[inline(always)]
    fn identity(&self) -> T {
        T::LOWEST
    }
    #[inline(always)]
    fn step(&self, acc: T, x: T) -> T {
        max_nan(acc, x)
    }
    #[inline(always)]
    fn combine(&self, a: T, b: T) -> T {
        max_nan(a, b)
    }
    #[inline(always)]
    fn fold_run<L: Fn(usize) -> T + Copy>(&self, acc: T, len: usize, load: L) -> T {
        extreme_run(acc, len, load, T::LOWEST, |x, m| x > m, max_nan)
    }
}

/// NumPy's `minimum.reduce`.
#[derive(Clone, Copy)]
pub(crate) struct MinFold;

impl<T: MinMax> Fold<T> for MinFold {
    type Acc = T;
    const SPLIT: Split = Split::Pieces;
    #[inline(always)]
    fn identity(&self) -> T {
        T::HIGHEST
    }
    #[inline(always)]
    fn step(&self, acc: T, x: T) -> T {
        min_nan(acc, x)
    }
    #[inline(always)]
    fn combine(&self, a: T, b: T) -> T {
        min_nan(a, b)
    }
    #[inline(always)]
    fn fold_run<L: Fn(usize) -> T + Copy>(&self, acc: T, len: usize, load: L) -> T {
        extreme_run(acc, len, load, T::HIGHEST, |x, m| x < m, min_nan)
    }
}

/// A run's extreme in 8 lanes that compare-and-select (which vectorizes) and remember
/// whether they saw a nan; only then is the run searched again for its first nan, which
/// is the result (NumPy propagates nan).
#[inline(always)]
fn extreme_run<T: MinMax, L: Fn(usize) -> T + Copy>(
    acc: T,
    len: usize,
    load: L,
    identity: T,
    better: impl Fn(T, T) -> bool,
    combine: impl Fn(T, T) -> T,
) -> T {
    let mut m = [identity; 8];
    let mut nan = [false; 8];
    let body = len - len % 8;
    let mut i = 0;
    while i < body {
        for j in 0..8 {
            let x = load(i + j);
            m[j] = if better(x, m[j]) { x } else { m[j] };
            nan[j] |= x.is_nan();
        }
        i += 8;
    }
    if nan.iter().any(|&b| b)
        && let Some(first) = (0..body).map(load).find(|x| x.is_nan())
    {
        return combine(acc, first);
    }
    let mut a = acc;
    for mj in m {
        a = combine(a, mj);
    }
    while i < len {
        a = combine(a, load(i));
        i += 1;
    }
    a
}

/// Which extreme.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Extreme {
    Min,
    Max,
}

impl Extreme {
    fn name(self) -> &'static str {
        match self {
            Extreme::Min => "minimum",
            Extreme::Max => "maximum",
        }
    }
    fn arg_name(self) -> &'static str {
        match self {
            Extreme::Min => "argmin",
            Extreme::Max => "argmax",
        }
    }
    /// Whether `v` replaces `best` (strictly better, so the first occurrence wins).
    #[inline(always)]
    fn better<T: MinMax>(self, v: T, best: T) -> bool {
        match self {
            Extreme::Min => v < best,
            Extreme::Max => v > best,
        }
    }
}

/// NumPy's error for an extreme over nothing.
fn empty_error(e: Extreme) -> Error {
    Error::Value(format!(
        "zero-size array to reduction operation {} which has no identity",
        e.name()
    ))
}

pub(crate) fn extreme_all<T: MinMax, D: Dimension>(x: &ArrayRef<T, D>, e: Extreme) -> Result<T> {
    if x.size() == 0 {
        return Err(empty_error(e));
    }
    Ok(match e {
        Extreme::Min => fold_all(x, MinFold),
        Extreme::Max => fold_all(x, MaxFold),
    })
}

pub(crate) fn extreme_mask<T: MinMax, D: Dimension>(
    x: &ArrayRef<T, D>,
    mask: &[bool],
    e: Extreme,
) -> Result<Array<T, IxDyn>> {
    if super::axes::reduced_count(x.shape(), mask) == 0 {
        return Err(empty_error(e));
    }
    match e {
        Extreme::Min => fold_axes(x, mask, MinFold),
        Extreme::Max => fold_axes(x, mask, MaxFold),
    }
}

/// The index of the first extreme of a sequence, or of its first nan.
#[inline]
fn arg_scan<T: MinMax>(mut it: impl Iterator<Item = T>, e: Extreme) -> usize {
    let Some(mut best) = it.next() else { return 0 };
    if best.is_nan() {
        return 0;
    }
    let mut at = 0;
    for (i, v) in it.enumerate() {
        if e.better(v, best) {
            best = v;
            at = i + 1;
        } else if v.is_nan() {
            return i + 1;
        }
    }
    at
}

/// The index of the first extreme of a non-empty slice, or of its first nan, in one
/// vectorized pass: each block of [`ARG_BLOCK`] values gets its extreme in 8 lanes (and a
/// nan flag); the first block that improves on the best so far holds the first
/// occurrence, which a short scan of that block finds.
#[inline(always)]
fn arg_slice<T: MinMax>(s: &[T], identity: T, better: impl Fn(T, T) -> bool + Copy) -> usize {
    let Some(&first) = s.first() else { return 0 };
    if first.is_nan() {
        return 0;
    }
    let (mut best, mut best_block) = (first, 0);
    for (bi, chunk) in s.chunks(ARG_BLOCK).enumerate() {
        let mut m = [identity; 8];
        let mut nan = [false; 8];
        let mut parts = chunk.chunks_exact(8);
        for c in &mut parts {
            for j in 0..8 {
                m[j] = if better(c[j], m[j]) { c[j] } else { m[j] };
                nan[j] |= c[j].is_nan();
            }
        }
        let mut bm = identity;
        let mut any_nan = nan.iter().any(|&b| b);
        for &x in m.iter().chain(parts.remainder()) {
            any_nan |= x.is_nan();
            if better(x, bm) {
                bm = x;
            }
        }
        if any_nan {
            let at = chunk.iter().position(|x| x.is_nan()).unwrap_or(0);
            return bi * ARG_BLOCK + at;
        }
        if better(bm, best) {
            best = bm;
            best_block = bi;
        }
    }
    let start = best_block * ARG_BLOCK;
    start + s[start..].iter().position(|&x| x == best).unwrap_or(0)
}

/// Values per block of [`arg_slice`].
const ARG_BLOCK: usize = 256;

/// [`arg_slice`] as a [`Kernel`], compiled for the CPU's SIMD level by [`dispatch`].
struct ArgKernel<'a, T> {
    s: &'a [T],
    e: Extreme,
}

impl<T: MinMax> Kernel for ArgKernel<'_, T> {
    type Output = usize;
    #[inline(always)]
    fn run(self) -> usize {
        match self.e {
            Extreme::Min => arg_slice(self.s, T::HIGHEST, |a, b| a < b),
            Extreme::Max => arg_slice(self.s, T::LOWEST, |a, b| a > b),
        }
    }
}

pub(crate) fn arg_all<T: MinMax, D: Dimension>(x: &ArrayRef<T, D>, e: Extreme) -> Result<usize> {
    if x.size() == 0 {
        return Err(Error::Value(format!(
            "attempt to get {} of an empty sequence",
            e.arg_name()
        )));
    }
    Ok(match x.as_slice() {
        Some(s) => dispatch(ArgKernel { s, e }),
        None => arg_scan(x.iter().copied(), e),
    })
}

/// Whether `axis` has the smallest stride of the axes that matter, so that its lanes are
/// the cheapest walk.
pub(crate) fn is_innermost(shape: &[usize], strides: &[isize], axis: usize) -> bool {
    let s = strides[axis].unsigned_abs();
    shape
        .iter()
        .zip(strides)
        .enumerate()
        .all(|(k, (&n, &t))| k == axis || n <= 1 || t.unsigned_abs() >= s)
}

/// `argmin`/`argmax` along one axis: the result has that axis removed (C order).
pub(crate) fn arg_axis<T: MinMax, D: Dimension>(
    x: &ArrayRef<T, D>,
    axis: usize,
    e: Extreme,
) -> Result<Array<i64, IxDyn>> {
    super::axes::check_axis(axis, x.ndim())?;
    let n = x.shape()[axis];
    if n == 0 {
        return Err(Error::Value(format!(
            "attempt to get {} of an empty sequence",
            e.arg_name()
        )));
    }
    let mut out_shape = x.shape().to_vec();
    out_shape.remove(axis);
    let m: usize = out_shape.iter().product();
    if m == 0 {
        return Ok(Array::zeros(out_shape));
    }
    if is_innermost(x.shape(), x.strides(), axis) || m < 8 {
        // Along the lanes: each is a short walk over nearby memory.
        let v: Vec<i64> = x
            .lanes(Axis(axis))
            .map(|l| match l.as_slice() {
                Some(s) => dispatch(ArgKernel { s, e }) as i64,
                None => arg_scan(l.iter().copied(), e) as i64,
            })
            .collect();
        return Array::from_shape_vec(out_shape, v);
    }
    // Across rows: the best value so far per position, updated one sub-array at a time,
    // so the walk follows memory (and vectorizes) when `axis` is an outer axis.
    let first = x.index_axis(Axis(axis), 0)?;
    let mut best = first.to_owned().into_dyn();
    let mut idx = Array::<i64, IxDyn>::zeros(out_shape.clone());
    let sub_strides: Vec<isize> = x
        .strides()
        .iter()
        .enumerate()
        .filter(|&(k, _)| k != axis)
        .map(|(_, &s)| s)
        .collect();
    let plan = Plan::<3>::new(
        &out_shape,
        [best.strides(), idx.strides(), &sub_strides],
        IterOrder::Memory,
    );
    let step = x.strides()[axis];
    let (bp, ip) = (
        best.as_mut_ptr().cast::<u8>(),
        idx.as_mut_ptr().cast::<u8>(),
    );
    for i in 1..n {
        let row = x.as_ptr().cast::<u8>().wrapping_offset(i as isize * step) as *mut u8;
        // SAFETY: `best` and `idx` are fresh arrays of the result's shape, walked with their
        // own strides; `row` is sub-array `i < n` of x along `axis` (x's other strides),
        // only read.
        unsafe {
            plan.for_each_run([bp, ip, row], |r| {
                let [b, j, p] = r.ptrs;
                let [sb, sj, sp] = r.strides;
                for k in 0..r.len as isize {
                    let bk = b.offset(k * sb).cast::<T>();
                    let v = *p.offset(k * sp).cast::<T>();
                    if !(*bk).is_nan() && (e.better(v, *bk) || v.is_nan()) {
                        *bk = v;
                        *j.offset(k * sj).cast::<i64>() = i as i64;
                    }
                }
            })
        };
    }
    Ok(idx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocked_arg_matches_the_plain_scan() {
        // Long enough for many blocks; repeated extremes, and nans in various blocks.
        for n in [1usize, 7, 255, 256, 257, 1000, 5000] {
            let base: Vec<f64> = (0..n).map(|i| ((i * 7919) % 251) as f64).collect();
            let mut cases = vec![base.clone()];
            for at in [0, n / 2, n - 1] {
                let mut v = base.clone();
                v[at] = f64::NAN;
                cases.push(v);
            }
            for v in cases {
                for e in [Extreme::Min, Extreme::Max] {
                    let want = arg_scan(v.iter().copied(), e);
                    let got = ArgKernel { s: &v, e }.run();
                    assert_eq!(got, want, "n = {n}");
                }
            }
            let ints: Vec<i64> = base.iter().map(|&x| x as i64 - 125).collect();
            for e in [Extreme::Min, Extreme::Max] {
                assert_eq!(
                    ArgKernel { s: &ints, e }.run(),
                    arg_scan(ints.iter().copied(), e)
                );
            }
        }
    }
}
