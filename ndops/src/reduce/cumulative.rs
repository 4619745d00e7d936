//! `cumsum` and `cumprod`: NumPy's `add.accumulate` and `multiply.accumulate`, in the
//! sum type (`i64`/`u64` for integers and booleans, as NumPy).
//!
//! The running value goes strictly in order (`out[i] = out[i-1] ⊕ x[i]`, the first element
//! copied), as NumPy's: a cumulative sum is not pairwise, so its last element can differ
//! from `sum()` in the last bits.

use super::minmax::is_innermost;
use super::num::{Accumulator, Summable};
use ndcore::engine::{IterOrder, Plan};
use ndcore::error::Result;
use ndcore::{Array, Array1, ArrayRef, Axis, Dimension};

/// Which running operation.
#[derive(Clone, Copy)]
pub(crate) enum Cum {
    Sum,
    Prod,
}

impl Cum {
    #[inline(always)]
    fn apply<A: Accumulator>(self, a: A, b: A) -> A {
        match self {
            Cum::Sum => a.add(b),
            Cum::Prod => a.mul(b),
        }
    }
}

/// The running operation over `it`, written into `out` (same length).
#[inline]
fn scan<T: Summable>(it: impl Iterator<Item = T>, out: impl Iterator<Item = *mut T::Sum>, op: Cum) {
    let mut acc: Option<T::Sum> = None;
    for (x, o) in it.zip(out) {
        let v: T::Sum = x.cast_to();
        let a = match acc {
            None => v,
            Some(a) => op.apply(a, v),
        };
        acc = Some(a);
        // SAFETY: the caller passes pointers to distinct writable result elements.
        unsafe { *o = a };
    }
}

/// Over the flattened array in C order (NumPy's `axis=None`): a 1-d result.
pub(crate) fn cum_flat<T: Summable, D: Dimension>(x: &ArrayRef<T, D>, op: Cum) -> Array1<T::Sum> {
    let mut out = Array1::<T::Sum>::zeros(x.size());
    let Some(o) = out.as_slice_mut() else {
        unreachable!("a fresh 1-d array is contiguous")
    };
    let optr = o.as_mut_ptr();
    let outs = (0..x.size()).map(|i| optr.wrapping_add(i));
    match x.as_slice() {
        Some(s) => scan(s.iter().copied(), outs, op),
        None => scan(x.iter().copied(), outs, op),
    }
    out
}

/// Along one axis: the result has x's shape.
pub(crate) fn cum_axis<T: Summable, D: Dimension>(
    x: &ArrayRef<T, D>,
    axis: usize,
    op: Cum,
) -> Result<Array<T::Sum, D>> {
    super::axes::check_axis(axis, x.ndim())?;
    let mut out = Array::<T::Sum, D>::zeros(x.dim().clone());
    let n = x.shape()[axis];
    if x.is_empty() {
        return Ok(out);
    }
    if is_innermost(x.shape(), x.strides(), axis) {
        for (mut o, l) in out.lanes_mut(Axis(axis)).zip(x.lanes(Axis(axis))) {
            let outs = o.iter_mut().map(|p| p as *mut T::Sum);
            scan(l.iter().copied(), outs, op);
        }
        return Ok(out);
    }
    // Row by row: each sub-array along `axis` is the previous result row ⊕ the input row,
    // element-wise, so the inner loop runs along memory.
    let drop = |s: &[isize]| -> Vec<isize> {
        s.iter()
            .enumerate()
            .filter(|&(k, _)| k != axis)
            .map(|(_, &v)| v)
            .collect()
    };
    let mut row_shape = x.shape().to_vec();
    row_shape.remove(axis);
    let (os, xs) = (drop(out.strides()), drop(x.strides()));
    let plan = Plan::<3>::new(&row_shape, [&os, &os, &xs], IterOrder::Memory);
    let (ostep, xstep) = (out.strides()[axis], x.strides()[axis]);
    let base = out.as_mut_ptr().cast::<u8>();
    for i in 0..n as isize {
        let cur = base.wrapping_offset(i * ostep);
        let prev = base.wrapping_offset((i - 1).max(0) * ostep);
        let xr = x.as_ptr().cast::<u8>().wrapping_offset(i * xstep) as *mut u8;
        // SAFETY: `cur` and `prev` are rows `i` and `i-1` (or `i` itself, unread, for the
        // first row) of the fresh result, walked with its strides; `xr` is row `i` of x,
        // only read. For `i > 0` the two result rows are disjoint.
        unsafe {
            plan.for_each_run([cur, prev, xr], |r| {
                let [c, p, q] = r.ptrs;
                let [sc, sp, sq] = r.strides;
                for k in 0..r.len as isize {
                    let v: T::Sum = (*q.offset(k * sq).cast::<T>()).cast_to();
                    let o = c.offset(k * sc).cast::<T::Sum>();
                    *o = if i == 0 {
                        v
                    } else {
                        op.apply(*p.offset(k * sp).cast::<T::Sum>(), v)
                    };
                }
            })
        };
    }
    Ok(out)
}
