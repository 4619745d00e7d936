//! The ufuncs that take more than the table's shape: `power` (an error for negative
//! integer exponents), `clip` (two bounds) and `round_to` (a number of decimals).

use super::elem::{Float, IntPower, Num};
use ndcore::ops::{
    BroadcastArray, Operand, binary, map_inplace, unary, zip_map_inplace, zip_map_into,
};
use ndcore::{Array, ArrayRef, DimMax, Dimension, Element, Error, Result};
use std::cell::Cell;

/// Element types of [`power`]: floats (C's `pow`) and integers (exact, wrapping; a
/// negative exponent is an error).
pub trait IntOrFloatPower: Element {
    /// `a^b`, or `None` for an integer `b < 0`.
    fn try_power(a: Self, b: Self) -> Option<Self>;
}

impl IntOrFloatPower for f32 {
    #[inline(always)]
    fn try_power(a: f32, b: f32) -> Option<f32> {
        Some(<f32 as Float>::power(a, b))
    }
}

impl IntOrFloatPower for f64 {
    #[inline(always)]
    fn try_power(a: f64, b: f64) -> Option<f64> {
        Some(<f64 as Float>::power(a, b))
    }
}

macro_rules! int_power {
    ($($t:ty)*) => {$(
        impl IntOrFloatPower for $t {
            #[inline(always)]
            fn try_power(a: $t, b: $t) -> Option<$t> {
                <$t as IntPower>::checked_power(a, b)
            }
        }
    )*};
}
int_power!(i8 i16 i32 i64 u8 u16 u32 u64);

fn negative_power() -> Error {
    Error::Value("Integers to negative integer powers are not allowed.".into())
}

/// `a` to the power `b` element-wise, broadcasting (NumPy's `np.power`, `a ** b`).
/// Integers wrap on overflow, as in NumPy.
///
/// # Errors
/// If the shapes do not broadcast together, or an integer exponent is negative
/// ("Integers to negative integer powers are not allowed.", NumPy's message).
///
/// ```
/// use ndcore::prelude::*;
/// let x = arange(4i64);
/// assert_eq!(ndops::power(&x, 2).unwrap().to_vec(), vec![0, 1, 4, 9]);
/// assert!(ndops::power(&x, -1).is_err());
/// assert_eq!(ndops::power(2.0f64, &arange(3.0f64)).unwrap().to_vec(), vec![1.0, 2.0, 4.0]);
/// ```
pub fn power<T, L, R>(a: L, b: R) -> Result<BroadcastArray<T, L::Dim, R::Dim>>
where
    T: IntOrFloatPower,
    L: Operand<T>,
    R: Operand<T>,
    L::Dim: DimMax<R::Dim>,
{
    let negative = Cell::new(false);
    let r = binary(a, b, |x, y| power_or_flag(x, y, &negative))?;
    if negative.get() {
        return Err(negative_power());
    }
    Ok(r)
}

#[inline(always)]
fn power_or_flag<T: IntOrFloatPower>(x: T, y: T, negative: &Cell<bool>) -> T {
    match T::try_power(x, y) {
        Some(v) => v,
        None => {
            negative.set(true);
            x
        }
    }
}

/// [`power`] written into `a`, `b` broadcast to `a`'s shape.
///
/// # Errors
/// As [`power`]; on a negative integer exponent `a` is left partly written (as NumPy
/// leaves `out`).
///
/// ```
/// use ndcore::prelude::*;
/// let mut x = arange(3i64);
/// ndops::power_inplace(&mut x, 3).unwrap();
/// assert_eq!(x.to_vec(), vec![0, 1, 8]);
/// ```
pub fn power_inplace<T: IntOrFloatPower, D: Dimension>(
    a: &mut ArrayRef<T, D>,
    b: impl Operand<T>,
) -> Result<()> {
    let negative = Cell::new(false);
    zip_map_inplace(a, b, |x, y| power_or_flag(x, y, &negative))?;
    if negative.get() {
        return Err(negative_power());
    }
    Ok(())
}

/// [`power`] written into `out` (NumPy's `out=`).
///
/// # Errors
/// As [`power`], and if the operands do not broadcast to `out`'s shape.
///
/// ```
/// use ndcore::prelude::*;
/// let mut out = Array::<f64, _>::zeros(3);
/// ndops::power_into(&arange(3.0f64), 0.5, &mut out).unwrap();
/// assert_eq!(out[[2]], 2f64.sqrt());
/// ```
pub fn power_into<T: IntOrFloatPower, D: Dimension>(
    a: impl Operand<T>,
    b: impl Operand<T>,
    out: &mut ArrayRef<T, D>,
) -> Result<()> {
    let negative = Cell::new(false);
    zip_map_into(a, b, out, |x, y| power_or_flag(x, y, &negative))?;
    if negative.get() {
        return Err(negative_power());
    }
    Ok(())
}

#[inline(always)]
fn clip1<T: Num>(x: T, lo: T, hi: T) -> T {
    // NumPy's order: the lower bound first, so `lo > hi` gives `hi` everywhere, and a nan
    // anywhere comes through.
    T::minimum(T::maximum(x, lo), hi)
}

/// Each element limited to `[lo, hi]` (NumPy's `np.clip` with scalar bounds): `hi` where
/// `lo > hi`, nan where the element or a bound is nan.
///
/// ```
/// use ndcore::prelude::*;
/// let x = arange(5i64);
/// assert_eq!(ndops::clip(&x, 1, 3).to_vec(), vec![1, 1, 2, 3, 3]);
/// ```
pub fn clip<T: Num, X: Operand<T>>(x: X, lo: T, hi: T) -> Array<T, X::Dim> {
    ndcore::ops::light::unary(x, |v| clip1(v, lo, hi))
}

/// [`clip`] in place.
///
/// ```
/// use ndcore::prelude::*;
/// let mut x = arange(5.0f64);
/// ndops::clip_inplace(&mut x, 0.5, 2.5);
/// assert_eq!(x.to_vec(), vec![0.5, 1.0, 2.0, 2.5, 2.5]);
/// ```
pub fn clip_inplace<T: Num, D: Dimension>(x: &mut ArrayRef<T, D>, lo: T, hi: T) {
    ndcore::ops::light::map_inplace(x, |v| clip1(v, lo, hi))
}

/// [`clip`] written into `out` (NumPy's `out=`), `x` broadcast to its shape.
///
/// # Errors
/// If `x` does not broadcast to `out`'s shape.
///
/// ```
/// use ndcore::prelude::*;
/// let mut out = Array::<i64, _>::zeros([2, 3]);
/// ndops::clip_into(&arange(3i64), 1, 1, &mut out).unwrap();
/// assert_eq!(out.to_vec(), vec![1; 6]);
/// ```
pub fn clip_into<T: Num, D: Dimension>(
    x: impl Operand<T>,
    lo: T,
    hi: T,
    out: &mut ArrayRef<T, D>,
) -> Result<()> {
    ndcore::ops::light::map_into(x, out, |v| clip1(v, lo, hi))
}

#[inline(always)]
fn round1<T: Float>(x: T, scale: T, up: bool) -> T {
    if up {
        T::divide(T::rint(<T as ndcore::ops::Arith>::mul(x, scale)), scale)
    } else {
        <T as ndcore::ops::Arith>::mul(T::rint(T::divide(x, scale)), scale)
    }
}

/// Each element rounded to `decimals` decimal places, half to even (NumPy's
/// `np.round(x, decimals)`, computed as NumPy does: `rint(x * 10^d) / 10^d`, or
/// `rint(x / 10^-d) * 10^-d` for negative `d`, so the results are NumPy's to the bit).
///
/// ```
/// use ndcore::prelude::*;
/// let x = Array::from_vec(vec![1.25f64, 1.35, 150.0]);
/// assert_eq!(ndops::round_to(&x, 1).to_vec(), vec![1.2, 1.4, 150.0]);
/// assert_eq!(ndops::round_to(&x, -2).to_vec(), vec![0.0, 0.0, 200.0]);
/// ```
pub fn round_to<T: Float, X: Operand<T>>(x: X, decimals: i32) -> Array<T, X::Dim> {
    let (scale, up) = (T::pow10(decimals.saturating_abs()), decimals >= 0);
    unary(x, move |v| round1(v, scale, up))
}

/// [`round_to`] in place.
///
/// ```
/// use ndcore::prelude::*;
/// let mut x = Array::from_vec(vec![2.675f64, -0.5]);
/// ndops::round_to_inplace(&mut x, 0);
/// assert_eq!(x.to_vec(), vec![3.0, -0.0]);
/// ```
pub fn round_to_inplace<T: Float, D: Dimension>(x: &mut ArrayRef<T, D>, decimals: i32) {
    let (scale, up) = (T::pow10(decimals.saturating_abs()), decimals >= 0);
    map_inplace(x, move |v| round1(v, scale, up))
}

/// [`round_to`] written into `out` (NumPy's `out=`), `x` broadcast to its shape.
///
/// # Errors
/// If `x` does not broadcast to `out`'s shape.
///
/// ```
/// use ndcore::prelude::*;
/// let mut out = Array::<f64, _>::zeros(2);
/// // As NumPy: 0.25 * 10 = 2.5 rounds to even (2); 0.35 * 10 is 3.5 in binary, giving 4.
/// ndops::round_to_into(&Array::from_vec(vec![0.25f64, 0.35]), 1, &mut out).unwrap();
/// assert_eq!(out.to_vec(), vec![0.2, 0.4]);
/// ```
pub fn round_to_into<T: Float, D: Dimension>(
    x: impl Operand<T>,
    decimals: i32,
    out: &mut ArrayRef<T, D>,
) -> Result<()> {
    let (scale, up) = (T::pow10(decimals.saturating_abs()), decimals >= 0);
    ndcore::ops::map_into(x, out, move |v| round1(v, scale, up))
}
