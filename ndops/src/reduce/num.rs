//! Which element types each reduction accepts and what it returns: NumPy's result dtypes,
//! as associated types.
//!
//! | element            | `sum`/`prod`/`cumsum` | `mean`/`var`/`std` |
//! |--------------------|-----------------------|--------------------|
//! | `f32`, `f64`       | same type             | same type          |
//! | `i8`…`i64`, `bool` | `i64` (wrapping)      | `f64`              |
//! | `u8`…`u64`         | `u64` (wrapping)      | `f64`              |
//!
//! NumPy sums small integers in the platform integer (`int64` here) and booleans as
//! integers; so does nd. NumPy's `uint64` sums stay `uint64`, as here.

use ndcore::{CastTo, Element};

mod sealed {
    /// Keeps the element-kind traits closed: the kernels rely on exactly these types.
    pub trait Sealed {}

    /// The sum of a run, the one kernel whose algorithm depends on the accumulator:
    /// pairwise for floats (rounding), 8 wrapping lanes for integers (exact in any order).
    pub trait SumRun: Copy {
        /// `f(0) + f(1) + … + f(n-1)`.
        fn sum_run<F: Fn(usize) -> Self + Copy>(n: usize, f: F) -> Self;
    }
}
use sealed::Sealed;
pub(crate) use sealed::SumRun;

/// The accumulator types (`i64`, `u64`, `f32`, `f64`): the arithmetic a sum or product
/// needs. Integer arithmetic wraps, as NumPy's does.
///
/// ```
/// use ndops::reduce::Accumulator;
/// assert_eq!(i64::MAX.add(1), i64::MIN);
/// assert_eq!(<f64 as Accumulator>::ONE.mul(2.5), 2.5);
/// ```
pub trait Accumulator: Element + Sealed + SumRun {
    /// `0`.
    const ZERO: Self;
    /// `1`.
    const ONE: Self;
    /// Whether this is a float type (sums are then pairwise).
    const FLOAT: bool;
    /// `-0.0` for floats, `0` for integers: `x + NEG_ZERO == x` for every `x`, bit for bit
    /// (`0.0 + -0.0` is `0.0`, so only `-0.0` leaves a sum of `-0.0` at `-0.0`).
    const NEG_ZERO: Self;
    /// `self + other` (wrapping for integers).
    fn add(self, other: Self) -> Self;
    /// `self * other` (wrapping for integers).
    fn mul(self, other: Self) -> Self;
}

macro_rules! int_acc {
    ($($t:ty),*) => {$(
        impl Sealed for $t {}
        impl Accumulator for $t {
            const ZERO: Self = 0;
            const ONE: Self = 1;
            const FLOAT: bool = false;
            const NEG_ZERO: Self = 0;
            #[inline(always)]
            fn add(self, other: Self) -> Self { self.wrapping_add(other) }
            #[inline(always)]
            fn mul(self, other: Self) -> Self { self.wrapping_mul(other) }
        }
        impl SumRun for $t {
            #[inline(always)]
            fn sum_run<F: Fn(usize) -> Self + Copy>(n: usize, f: F) -> Self {
                let mut r = [0 as $t; 8];
                let body = n - n % 8;
                let mut i = 0;
                while i < body {
                    for (j, rj) in r.iter_mut().enumerate() {
                        *rj = rj.wrapping_add(f(i + j));
                    }
                    i += 8;
                }
                let mut res = r.iter().fold(0 as $t, |a, &b| a.wrapping_add(b));
                while i < n {
                    res = res.wrapping_add(f(i));
                    i += 1;
                }
                res
            }
        }
    )*};
}
int_acc!(i64, u64);

/// Float accumulators (`f32`, `f64`): what means and variances need beyond sums.
///
/// ```
/// use ndops::reduce::FloatAcc;
/// assert_eq!(9.0f64.sqrt(), 3.0);
/// assert!(<f32 as FloatAcc>::NAN.is_nan());
/// ```
pub trait FloatAcc: Accumulator {
    /// Not a number.
    const NAN: Self;
    /// `self - other`.
    fn sub(self, other: Self) -> Self;
    /// `self / other`.
    fn div(self, other: Self) -> Self;
    /// The square root.
    fn sqrt(self) -> Self;
    /// `x` rounded to this type.
    fn from_f64(x: f64) -> Self;
}

macro_rules! float_acc {
    ($($t:ty),*) => {$(
        impl Sealed for $t {}
        impl Accumulator for $t {
            const ZERO: Self = 0.0;
            const ONE: Self = 1.0;
            const FLOAT: bool = true;
            const NEG_ZERO: Self = -0.0;
            #[inline(always)]
            fn add(self, other: Self) -> Self { self + other }
            #[inline(always)]
            fn mul(self, other: Self) -> Self { self * other }
        }
        impl FloatAcc for $t {
            const NAN: Self = <$t>::NAN;
            #[inline(always)]
            fn sub(self, other: Self) -> Self { self - other }
            #[inline(always)]
            fn div(self, other: Self) -> Self { self / other }
            #[inline(always)]
            fn sqrt(self) -> Self { <$t>::sqrt(self) }
            #[inline(always)]
            #[allow(clippy::cast_possible_truncation, clippy::unnecessary_cast)]
            fn from_f64(x: f64) -> Self { x as $t }
        }
        impl SumRun for $t {
            #[inline(always)]
            fn sum_run<F: Fn(usize) -> Self + Copy>(n: usize, f: F) -> Self {
                super::pairwise::pairwise_sum(n, f)
            }
        }
    )*};
}
float_acc!(f32, f64);

/// Element types that sum and multiply (NumPy's numeric and boolean dtypes), and the type
/// their sums are kept in.
///
/// ```
/// use ndcore::prelude::*;
/// use ndops::reduce::{Reduce, SumOf};
/// // NumPy: np.array([200, 100], dtype=np.uint8).sum() == 300 (uint64)
/// let s: SumOf<u8> = Array::from_vec(vec![200u8, 100]).sum();
/// assert_eq!(s, 300u64);
/// ```
pub trait Summable: Element + CastTo<Self::Sum> + Sealed {
    /// The type of `sum`, `prod`, `cumsum` and `cumprod` results.
    type Sum: Accumulator;
}

/// Element types that average (numbers and booleans), and the float type of the result.
///
/// ```
/// use ndcore::prelude::*;
/// use ndops::reduce::Reduce;
/// assert_eq!(Array::from_vec(vec![true, false]).mean(), 0.5f64);
/// assert_eq!(Array::from_vec(vec![1.0f32, 2.0]).mean(), 1.5f32);
/// ```
pub trait Averageable: Element + CastTo<Self::Mean> + Sealed {
    /// The type of `mean`, `var` and `std` results: `f32` for `f32`, else `f64`.
    type Mean: FloatAcc;
}

macro_rules! kinds {
    ($($t:ty => $sum:ty, $mean:ty);* $(;)?) => {$(
        impl Summable for $t { type Sum = $sum; }
        impl Averageable for $t { type Mean = $mean; }
    )*};
}
impl Sealed for bool {}
impl Sealed for i8 {}
impl Sealed for i16 {}
impl Sealed for i32 {}
impl Sealed for u8 {}
impl Sealed for u16 {}
impl Sealed for u32 {}
kinds! {
    bool => i64, f64;
    i8 => i64, f64; i16 => i64, f64; i32 => i64, f64; i64 => i64, f64;
    u8 => u64, f64; u16 => u64, f64; u32 => u64, f64; u64 => u64, f64;
    f32 => f32, f32; f64 => f64, f64;
}

/// Element types with an order for `min`/`max`/`argmin`/`argmax`: numbers and booleans.
/// Floats follow NumPy: a nan anywhere makes the result nan (and `argmax` points at the
/// first nan).
///
/// ```
/// use ndcore::prelude::*;
/// use ndops::reduce::Reduce;
/// let x = Array::from_vec(vec![1.0, f64::NAN, 3.0, f64::NAN]);
/// assert!(x.max().unwrap().is_nan());
/// assert_eq!(x.argmin().unwrap(), 1);
/// ```
pub trait MinMax: Element + PartialOrd + Sealed {
    /// The identity of `max` (the smallest value; `-inf` for floats).
    const LOWEST: Self;
    /// The identity of `min` (the largest value; `+inf` for floats).
    const HIGHEST: Self;
    /// Whether this value is a nan (never, for integers and booleans).
    fn is_nan(self) -> bool;
}

macro_rules! minmax_int {
    ($($t:ty),*) => {$(
        impl MinMax for $t {
            const LOWEST: Self = <$t>::MIN;
            const HIGHEST: Self = <$t>::MAX;
            #[inline(always)]
            fn is_nan(self) -> bool { false }
        }
    )*};
}
minmax_int!(i8, i16, i32, i64, u8, u16, u32, u64);
impl MinMax for bool {
    const LOWEST: Self = false;
    const HIGHEST: Self = true;
    #[inline(always)]
    fn is_nan(self) -> bool {
        false
    }
}
impl MinMax for f32 {
    const LOWEST: Self = f32::NEG_INFINITY;
    const HIGHEST: Self = f32::INFINITY;
    #[inline(always)]
    fn is_nan(self) -> bool {
        f32::is_nan(self)
    }
}
impl MinMax for f64 {
    const LOWEST: Self = f64::NEG_INFINITY;
    const HIGHEST: Self = f64::INFINITY;
    #[inline(always)]
    fn is_nan(self) -> bool {
        f64::is_nan(self)
    }
}

/// NumPy's `maximum`: the larger of `a` and `b`, nan if either is nan (`a`'s nan first).
#[inline(always)]
pub(crate) fn max_nan<T: MinMax>(a: T, b: T) -> T {
    if a >= b || a.is_nan() { a } else { b }
}

/// NumPy's `minimum`: the smaller of `a` and `b`, nan if either is nan (`a`'s nan first).
#[inline(always)]
pub(crate) fn min_nan<T: MinMax>(a: T, b: T) -> T {
    if a <= b || a.is_nan() { a } else { b }
}

/// The sum of an integer count as a float (exact up to 2^53).
#[inline]
pub(crate) fn count_as<F: FloatAcc>(n: usize) -> F {
    F::from_f64(n as f64)
}
