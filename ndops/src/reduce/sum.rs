//! Sums, products, means and nonzero counts: folds whose identity is a number.

use super::engine::{Fold, Split, fold_all, fold_axes, lanes_fold};
use super::num::{Accumulator, Averageable, FloatAcc, Summable, count_as};
use ndcore::{Array, ArrayRef, CastTo, Dimension, Element, IxDyn, Result};
use std::marker::PhantomData;

/// `Σ x` in accumulator `A`; float runs are summed pairwise.
pub(crate) struct SumFold<A>(PhantomData<A>);

impl<A> Clone for SumFold<A> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<A> Copy for SumFold<A> {}
impl<A> SumFold<A> {
    pub(crate) fn new() -> Self {
        SumFold(PhantomData)
    }
}

impl<T: CastTo<A> + Copy, A: Accumulator> Fold<T> for SumFold<A> {
    type Acc = A;
    #[inline(always)]
    fn identity(&self) -> A {
        A::ZERO
    }
    #[inline(always)]
    fn step(&self, acc: A, x: T) -> A {
        acc.add(x.cast_to())
    }
    #[inline(always)]
    fn combine(&self, a: A, b: A) -> A {
        a.add(b)
    }
    const PAIRWISE_ROWS: bool = A::FLOAT;
    const SPLIT: Split = if A::FLOAT {
        Split::Pairwise
    } else {
        Split::Pieces
    };
    #[inline(always)]
    fn split_zero(&self) -> A {
        A::NEG_ZERO
    }
    #[inline(always)]
    fn fold_run<L: Fn(usize) -> T + Copy>(&self, acc: A, len: usize, load: L) -> A {
        acc.add(A::sum_run(len, move |i| load(i).cast_to()))
    }
}

/// `Π x` in accumulator `A`.
pub(crate) struct ProdFold<A>(PhantomData<A>);

impl<A> Clone for ProdFold<A> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<A> Copy for ProdFold<A> {}

impl<T: CastTo<A> + Copy, A: Accumulator> Fold<T> for ProdFold<A> {
    type Acc = A;
    #[inline(always)]
    fn identity(&self) -> A {
        A::ONE
    }
    #[inline(always)]
    fn step(&self, acc: A, x: T) -> A {
        acc.mul(x.cast_to())
    }
    #[inline(always)]
    fn combine(&self, a: A, b: A) -> A {
        a.mul(b)
    }
    const SPLIT: Split = if A::FLOAT { Split::No } else { Split::Pieces };
    /// Floats multiply in order, as NumPy's `multiply.reduce` does, so products have
    /// NumPy's bits; integer products (exact in any order) use the vectorized lanes.
    #[inline(always)]
    fn fold_run<L: Fn(usize) -> T + Copy>(&self, acc: A, len: usize, load: L) -> A {
        if A::FLOAT {
            (0..len).fold(acc, |a, i| a.mul(load(i).cast_to()))
        } else {
            lanes_fold(self, acc, len, load)
        }
    }
}

/// The number of elements that are not zero (`false`, `0`, `±0.0`), as `i64`.
#[derive(Clone, Copy)]
pub(crate) struct CountFold;

impl<T: Summable> Fold<T> for CountFold {
    type Acc = i64;
    const SPLIT: Split = Split::Pieces;
    #[inline(always)]
    fn identity(&self) -> i64 {
        0
    }
    #[inline(always)]
    fn step(&self, acc: i64, x: T) -> i64 {
        acc + i64::from(x.cast_to() != T::Sum::ZERO)
    }
    #[inline(always)]
    fn combine(&self, a: i64, b: i64) -> i64 {
        a + b
    }
}

pub(crate) fn sum_all<T: Summable, D: Dimension>(x: &ArrayRef<T, D>) -> T::Sum {
    fold_all(x, SumFold::<T::Sum>::new())
}

pub(crate) fn sum_mask<T: Summable, D: Dimension>(
    x: &ArrayRef<T, D>,
    mask: &[bool],
) -> Result<Array<T::Sum, IxDyn>> {
    fold_axes(x, mask, SumFold::<T::Sum>::new())
}

pub(crate) fn prod_all<T: Summable, D: Dimension>(x: &ArrayRef<T, D>) -> T::Sum {
    fold_all(x, ProdFold::<T::Sum>(PhantomData))
}

pub(crate) fn prod_mask<T: Summable, D: Dimension>(
    x: &ArrayRef<T, D>,
    mask: &[bool],
) -> Result<Array<T::Sum, IxDyn>> {
    fold_axes(x, mask, ProdFold::<T::Sum>(PhantomData))
}

pub(crate) fn count_all<T: Summable, D: Dimension>(x: &ArrayRef<T, D>) -> usize {
    fold_all(x, CountFold) as usize
}

pub(crate) fn count_mask<T: Summable, D: Dimension>(
    x: &ArrayRef<T, D>,
    mask: &[bool],
) -> Result<Array<i64, IxDyn>> {
    fold_axes(x, mask, CountFold)
}

/// NumPy's `mean`: the pairwise sum in the mean's float type, divided by the count
/// (nan for an empty array, where NumPy also warns "Mean of empty slice").
pub(crate) fn mean_all<T: Averageable, D: Dimension>(x: &ArrayRef<T, D>) -> T::Mean {
    let s = fold_all(x, SumFold::<T::Mean>::new());
    s.div(count_as(x.size()))
}

pub(crate) fn mean_mask<T: Averageable, D: Dimension>(
    x: &ArrayRef<T, D>,
    mask: &[bool],
) -> Result<Array<T::Mean, IxDyn>> {
    let mut s = fold_axes(x, mask, SumFold::<T::Mean>::new())?;
    let n: T::Mean = count_as(super::axes::reduced_count(x.shape(), mask));
    scale(&mut s, n);
    Ok(s)
}

/// Divides every element of a fresh (contiguous) result by `n`.
pub(crate) fn scale<F: FloatAcc + Element>(a: &mut Array<F, IxDyn>, n: F) {
    if let Some(s) = a.as_slice_mut() {
        s.iter_mut().for_each(|v| *v = v.div(n));
    }
}
