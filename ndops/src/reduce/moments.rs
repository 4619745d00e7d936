//! `var` and `std` as NumPy computes them: the mean first, then the pairwise sum of
//! squared deviations from it, divided by `max(n - ddof, 0)` (so `n <= ddof` gives
//! `inf` or `nan`, where NumPy warns "Degrees of freedom <= 0 for slice").

use super::axes::reduced_count;
use super::engine::{Fold, Fold2, Split, fold_all, fold2_axes};
use super::num::{Accumulator, Averageable, FloatAcc};
use super::sum::{mean_all, mean_mask};
use ndcore::{Array, ArrayRef, CastTo, Dimension, IxDyn, Result};
use std::marker::PhantomData;

/// `Σ (x - m)²` around one mean `m`.
struct DevSqAll<F> {
    mean: F,
}
impl<F: Copy> Clone for DevSqAll<F> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<F: Copy> Copy for DevSqAll<F> {}

impl<T: CastTo<F> + Copy, F: FloatAcc> Fold<T> for DevSqAll<F> {
    type Acc = F;
    const SPLIT: Split = Split::Pairwise;
    #[inline(always)]
    fn split_zero(&self) -> F {
        F::NEG_ZERO
    }
    #[inline(always)]
    fn identity(&self) -> F {
        F::ZERO
    }
    #[inline(always)]
    fn step(&self, acc: F, x: T) -> F {
        let d = x.cast_to().sub(self.mean);
        acc.add(d.mul(d))
    }
    #[inline(always)]
    fn combine(&self, a: F, b: F) -> F {
        a.add(b)
    }
    #[inline(always)]
    fn fold_run<L: Fn(usize) -> T + Copy>(&self, acc: F, len: usize, load: L) -> F {
        let m = self.mean;
        acc.add(F::sum_run(len, move |i| {
            let d = load(i).cast_to().sub(m);
            d.mul(d)
        }))
    }
}

/// `Σ (x - m)²` with a mean per result position.
struct DevSq<F>(PhantomData<F>);
impl<F> Clone for DevSq<F> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<F> Copy for DevSq<F> {}

impl<T: CastTo<F> + Copy, F: FloatAcc> Fold2<T> for DevSq<F> {
    type Acc = F;
    #[inline(always)]
    fn step(&self, acc: F, m: F, x: T) -> F {
        let d = x.cast_to().sub(m);
        acc.add(d.mul(d))
    }
    #[inline(always)]
    fn fold_run<L: Fn(usize) -> T + Copy>(&self, acc: F, m: F, len: usize, load: L) -> F {
        acc.add(F::sum_run(len, move |i| {
            let d = load(i).cast_to().sub(m);
            d.mul(d)
        }))
    }
}

/// NumPy's divisor: `max(n - ddof, 0)`.
fn dof<F: FloatAcc>(n: usize, ddof: f64) -> F {
    F::from_f64((n as f64 - ddof).max(0.0))
}

pub(crate) fn var_all<T: Averageable, D: Dimension>(x: &ArrayRef<T, D>, ddof: f64) -> T::Mean {
    let mean = mean_all(x);
    let s = fold_all(x, DevSqAll { mean });
    s.div(dof(x.size(), ddof))
}

pub(crate) fn var_mask<T: Averageable, D: Dimension>(
    x: &ArrayRef<T, D>,
    mask: &[bool],
    ddof: f64,
) -> Result<Array<T::Mean, IxDyn>> {
    let n = reduced_count(x.shape(), mask);
    if mask.iter().all(|&r| r) {
        let keep = super::axes::reduced_shape(x.shape(), mask, true);
        return Array::try_full(keep, var_all(x, ddof));
    }
    let mean = mean_mask(x, mask)?;
    let mut s = fold2_axes(x, mask, &mean, T::Mean::ZERO, DevSq(PhantomData))?;
    super::sum::scale(&mut s, dof(n, ddof));
    Ok(s)
}

/// Square roots of a fresh (contiguous) result, for `std`.
pub(crate) fn sqrt_all<F: FloatAcc>(mut a: Array<F, IxDyn>) -> Array<F, IxDyn> {
    if let Some(s) = a.as_slice_mut() {
        s.iter_mut().for_each(|v| *v = v.sqrt());
    }
    a
}
