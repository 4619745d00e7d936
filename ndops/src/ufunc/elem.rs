//! The element functions behind the ufuncs, with NumPy's results at edge values.
//!
//! Floats follow IEEE and the C library as NumPy does; where NumPy defines its own
//! behaviour it is spelled out here: `maximum`/`minimum` propagate nan and, between equal
//! values such as `-0.0` and `0.0`, return the second argument (x86's `maxpd`, which
//! NumPy's loops use); `fmax`/`fmin` ignore a nan and also return the second argument on
//! ties (NumPy's vector loops do; its scalar tail loop calls C's `fmax`, so NumPy itself
//! answers either way for `±0.0` depending on the position in the array);
//! `sign(nan)` is nan and `sign(-0.0)` is `0.0`; `rint`/`round` round half to even.
//! Integers wrap (`abs(MIN) == MIN`, `square` overflows silently), and division by zero
//! gives 0 (`fmod`), as in NumPy.

use ndcore::ops::Arith;

/// Element types of the numeric ufuncs: integers and floats.
#[diagnostic::on_unimplemented(
    message = "this ufunc is not defined on `{Self}` arrays",
    note = "numeric ufuncs take integer or float arrays"
)]
pub trait Num: Arith + PartialOrd {
    /// `|x|` (NumPy's `absolute`); integers wrap, so `abs(MIN) == MIN`.
    fn abs(x: Self) -> Self;
    /// -1, 0 or 1 by the sign of `x`; nan for nan (NumPy's `sign`).
    fn sign(x: Self) -> Self;
    /// `x * x`, wrapping for integers.
    fn square(x: Self) -> Self;
    /// `1 / x`; for integers NumPy's C conversion of `1.0 / x` (0 unless `|x| == 1`).
    fn reciprocal(x: Self) -> Self;
    /// Round down (the identity on integers).
    fn floor(x: Self) -> Self;
    /// Round up (the identity on integers).
    fn ceil(x: Self) -> Self;
    /// Round toward zero (the identity on integers).
    fn trunc(x: Self) -> Self;
    /// The larger, nan if either is nan (NumPy's `maximum`).
    fn maximum(a: Self, b: Self) -> Self;
    /// The smaller, nan if either is nan (NumPy's `minimum`).
    fn minimum(a: Self, b: Self) -> Self;
    /// The larger, ignoring a nan (NumPy's `fmax`).
    fn fmax(a: Self, b: Self) -> Self;
    /// The smaller, ignoring a nan (NumPy's `fmin`).
    fn fmin(a: Self, b: Self) -> Self;
    /// C's remainder: the sign of `a` (NumPy's `fmod`); 0 for an integer `b == 0`.
    fn fmod(a: Self, b: Self) -> Self;
    /// Whether `x` is nan (never, for integers).
    fn isnan(x: Self) -> bool;
    /// Whether `x` is ±inf (never, for integers).
    fn isinf(x: Self) -> bool;
    /// Whether `x` is neither nan nor ±inf (always, for integers).
    fn isfinite(x: Self) -> bool;
}

/// Float element types: the transcendental and rounding ufuncs.
#[diagnostic::on_unimplemented(
    message = "this ufunc is defined on float arrays, not `{Self}` arrays",
    note = "convert first: `x.cast::<f64>()`"
)]
pub trait Float: Num {
    /// Square root.
    fn sqrt(x: Self) -> Self;
    /// Cube root.
    fn cbrt(x: Self) -> Self;
    /// `e^x`.
    fn exp(x: Self) -> Self;
    /// `2^x`.
    fn exp2(x: Self) -> Self;
    /// `e^x - 1`, accurate near 0.
    fn expm1(x: Self) -> Self;
    /// Natural logarithm.
    fn log(x: Self) -> Self;
    /// Base-2 logarithm.
    fn log2(x: Self) -> Self;
    /// Base-10 logarithm.
    fn log10(x: Self) -> Self;
    /// `ln(1 + x)`, accurate near 0.
    fn log1p(x: Self) -> Self;
    /// Sine.
    fn sin(x: Self) -> Self;
    /// Cosine.
    fn cos(x: Self) -> Self;
    /// Tangent.
    fn tan(x: Self) -> Self;
    /// Inverse sine.
    fn arcsin(x: Self) -> Self;
    /// Inverse cosine.
    fn arccos(x: Self) -> Self;
    /// Inverse tangent.
    fn arctan(x: Self) -> Self;
    /// Hyperbolic sine.
    fn sinh(x: Self) -> Self;
    /// Hyperbolic cosine.
    fn cosh(x: Self) -> Self;
    /// Hyperbolic tangent.
    fn tanh(x: Self) -> Self;
    /// Inverse hyperbolic sine.
    fn arcsinh(x: Self) -> Self;
    /// Inverse hyperbolic cosine.
    fn arccosh(x: Self) -> Self;
    /// Inverse hyperbolic tangent.
    fn arctanh(x: Self) -> Self;
    /// Round to the nearest integer, half to even (NumPy's `rint`).
    fn rint(x: Self) -> Self;
    /// `a / b` (NumPy's `divide`, true division).
    fn divide(a: Self, b: Self) -> Self;
    /// `sqrt(a² + b²)` without overflow; inf if either is inf, even with a nan.
    fn hypot(a: Self, b: Self) -> Self;
    /// The angle of the point `(b, a)`, with the quadrant and signed zeros of C's `atan2`.
    fn arctan2(a: Self, b: Self) -> Self;
    /// `|a|` with the sign of `b`.
    fn copysign(a: Self, b: Self) -> Self;
    /// `a^b` (C's `pow`).
    fn power(a: Self, b: Self) -> Self;
    /// `10^n` in this type, for `round_to`.
    fn pow10(n: i32) -> Self;
}

macro_rules! float_elem {
    ($($t:ident)*) => {$(
        impl Num for $t {
            #[inline(always)]
            fn abs(x: $t) -> $t { x.abs() }
            #[inline(always)]
            fn sign(x: $t) -> $t {
                if x > 0.0 { 1.0 } else if x < 0.0 { -1.0 } else if x == 0.0 { 0.0 } else { x }
            }
            #[inline(always)]
            fn square(x: $t) -> $t { x * x }
            #[inline(always)]
            fn reciprocal(x: $t) -> $t { 1.0 / x }
            #[inline(always)]
            fn floor(x: $t) -> $t { x.floor() }
            #[inline(always)]
            fn ceil(x: $t) -> $t { x.ceil() }
            #[inline(always)]
            fn trunc(x: $t) -> $t { x.trunc() }
            #[inline(always)]
            fn maximum(a: $t, b: $t) -> $t { if a > b || a.is_nan() { a } else { b } }
            #[inline(always)]
            fn minimum(a: $t, b: $t) -> $t { if a < b || a.is_nan() { a } else { b } }
            #[inline(always)]
            fn fmax(a: $t, b: $t) -> $t { if a > b || b.is_nan() { a } else { b } }
            #[inline(always)]
            fn fmin(a: $t, b: $t) -> $t { if a < b || b.is_nan() { a } else { b } }
            #[inline(always)]
            fn fmod(a: $t, b: $t) -> $t { a % b }
            #[inline(always)]
            fn isnan(x: $t) -> bool { x.is_nan() }
            #[inline(always)]
            fn isinf(x: $t) -> bool { x.is_infinite() }
            #[inline(always)]
            fn isfinite(x: $t) -> bool { x.is_finite() }
        }
        impl Float for $t {
            #[inline(always)]
            fn sqrt(x: $t) -> $t { x.sqrt() }
            #[inline(always)]
            fn cbrt(x: $t) -> $t { x.cbrt() }
            #[inline(always)]
            fn exp(x: $t) -> $t { x.exp() }
            #[inline(always)]
            fn exp2(x: $t) -> $t { x.exp2() }
            #[inline(always)]
            fn expm1(x: $t) -> $t { x.exp_m1() }
            #[inline(always)]
            fn log(x: $t) -> $t { x.ln() }
            #[inline(always)]
            fn log2(x: $t) -> $t { x.log2() }
            #[inline(always)]
            fn log10(x: $t) -> $t { x.log10() }
            #[inline(always)]
            fn log1p(x: $t) -> $t { x.ln_1p() }
            #[inline(always)]
            fn sin(x: $t) -> $t { x.sin() }
            #[inline(always)]
            fn cos(x: $t) -> $t { x.cos() }
            #[inline(always)]
            fn tan(x: $t) -> $t { x.tan() }
            #[inline(always)]
            fn arcsin(x: $t) -> $t { x.asin() }
            #[inline(always)]
            fn arccos(x: $t) -> $t { x.acos() }
            #[inline(always)]
            fn arctan(x: $t) -> $t { x.atan() }
            #[inline(always)]
            fn sinh(x: $t) -> $t { x.sinh() }
            #[inline(always)]
            fn cosh(x: $t) -> $t { x.cosh() }
            #[inline(always)]
            fn tanh(x: $t) -> $t { x.tanh() }
            #[inline(always)]
            fn arcsinh(x: $t) -> $t { libm::$t::asinh(x) }
            #[inline(always)]
            fn arccosh(x: $t) -> $t { libm::$t::acosh(x) }
            #[inline(always)]
            fn arctanh(x: $t) -> $t { libm::$t::atanh(x) }
            #[inline(always)]
            fn rint(x: $t) -> $t { x.round_ties_even() }
            #[inline(always)]
            fn divide(a: $t, b: $t) -> $t { a / b }
            #[inline(always)]
            fn hypot(a: $t, b: $t) -> $t { a.hypot(b) }
            #[inline(always)]
            fn arctan2(a: $t, b: $t) -> $t { a.atan2(b) }
            #[inline(always)]
            fn copysign(a: $t, b: $t) -> $t { a.copysign(b) }
            #[inline(always)]
            fn power(a: $t, b: $t) -> $t { a.powf(b) }
            fn pow10(n: i32) -> $t { (10.0 as $t).powi(n) }
        }
    )*};
}
float_elem!(f32 f64);

/// The C library's inverse hyperbolic functions. Rust's `f64::asinh` and friends are
/// computed in Rust with formulas that overflow for huge inputs (`asinh(f64::MAX)` is inf);
/// NumPy calls the C library, and so do these.
mod libm {
    macro_rules! c_math {
        ($($t:ident: $($name:ident = $c:ident),*;)*) => {$(
            pub(super) mod $t {
                mod c {
                    unsafe extern "C" {
                        $(pub(super) fn $c(x: $t) -> $t;)*
                    }
                }
                $(
                    #[inline(always)]
                    pub(crate) fn $name(x: $t) -> $t {
                        // SAFETY: a pure C math function on a float value; any input,
                        // nan and infinities included, is defined.
                        unsafe { c::$c(x) }
                    }
                )*
            }
        )*};
    }
    c_math! {
        f64: asinh = asinh, acosh = acosh, atanh = atanh;
        f32: asinh = asinhf, acosh = acoshf, atanh = atanhf;
    }
}

macro_rules! int_elem {
    ($($t:ident $recip_zero:expr;)*) => {$(
        impl Num for $t {
            #[inline(always)]
            #[allow(unused_comparisons, clippy::cast_abs_to_unsigned)]
            fn abs(x: $t) -> $t { if x < 0 { x.wrapping_neg() } else { x } }
            #[inline(always)]
            #[allow(unused_comparisons)]
            fn sign(x: $t) -> $t { if x > 0 { 1 } else if x < 0 { (0 as $t).wrapping_sub(1) } else { 0 } }
            #[inline(always)]
            fn square(x: $t) -> $t { x.wrapping_mul(x) }
            #[inline(always)]
            fn reciprocal(x: $t) -> $t {
                // NumPy converts 1.0 / x to the type with C's cast, which on x86 makes
                // 1 / 0 the "integer indefinite" value, truncated to the type.
                match x {
                    0 => $recip_zero,
                    1 => 1,
                    _ => int_neg_one_recip(x),
                }
            }
            #[inline(always)]
            fn floor(x: $t) -> $t { x }
            #[inline(always)]
            fn ceil(x: $t) -> $t { x }
            #[inline(always)]
            fn trunc(x: $t) -> $t { x }
            #[inline(always)]
            fn maximum(a: $t, b: $t) -> $t { if a > b { a } else { b } }
            #[inline(always)]
            fn minimum(a: $t, b: $t) -> $t { if a < b { a } else { b } }
            #[inline(always)]
            fn fmax(a: $t, b: $t) -> $t { if a > b { a } else { b } }
            #[inline(always)]
            fn fmin(a: $t, b: $t) -> $t { if a < b { a } else { b } }
            #[inline(always)]
            fn fmod(a: $t, b: $t) -> $t { if b == 0 { 0 } else { a.wrapping_rem(b) } }
            #[inline(always)]
            fn isnan(_: $t) -> bool { false }
            #[inline(always)]
            fn isinf(_: $t) -> bool { false }
            #[inline(always)]
            fn isfinite(_: $t) -> bool { true }
        }
    )*};
}
int_elem! {
    i8 0; i16 0; i32 i32::MIN; i64 i64::MIN;
    u8 0; u16 0; u32 0; u64 0;
}

/// `1 / x` for `x` other than 0 and 1: -1 for a signed -1, else 0.
#[inline(always)]
fn int_neg_one_recip<T: num_traits::PrimInt + num_traits::WrappingSub>(x: T) -> T {
    let minus_one = T::zero().wrapping_sub(&T::one());
    if T::min_value() < T::zero() && x == minus_one {
        minus_one
    } else {
        T::zero()
    }
}

/// Integer `power`: wrapping repeated squaring; `None` for a negative exponent (NumPy
/// raises "Integers to negative integer powers are not allowed.").
pub trait IntPower: Num {
    /// `a^b`, or `None` when `b < 0`.
    fn checked_power(a: Self, b: Self) -> Option<Self>;
}

macro_rules! int_power {
    ($($t:ident)*) => {$(
        impl IntPower for $t {
            #[inline]
            #[allow(unused_comparisons)]
            fn checked_power(a: $t, b: $t) -> Option<$t> {
                if b < 0 {
                    return None;
                }
                let (mut base, mut e, mut acc): ($t, u64, $t) = (a, b as u64, 1);
                while e > 0 {
                    if e & 1 == 1 {
                        acc = acc.wrapping_mul(base);
                    }
                    base = base.wrapping_mul(base);
                    e >>= 1;
                }
                Some(acc)
            }
        }
    )*};
}
int_power!(i8 i16 i32 i64 u8 u16 u32 u64);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numpy_edge_values() {
        assert_eq!(<f64 as Num>::sign(-0.0).to_bits(), 0.0f64.to_bits());
        assert!(<f64 as Num>::sign(f64::NAN).is_nan());
        assert_eq!(<f64 as Num>::maximum(-0.0, 0.0).to_bits(), 0.0f64.to_bits());
        assert_eq!(
            <f64 as Num>::maximum(0.0, -0.0).to_bits(),
            (-0.0f64).to_bits()
        );
        assert!(<f64 as Num>::maximum(1.0, f64::NAN).is_nan());
        assert_eq!(<f64 as Num>::fmax(1.0, f64::NAN), 1.0);
        assert_eq!(<f64 as Num>::fmax(-0.0, 0.0).to_bits(), 0.0f64.to_bits());
        assert_eq!(<f64 as Num>::fmax(f64::NAN, 1.0), 1.0);
        assert_eq!(<f64 as Float>::rint(2.5), 2.0);
        assert_eq!(<f64 as Float>::rint(-0.5).to_bits(), (-0.0f64).to_bits());
        assert_eq!(<i8 as Num>::abs(i8::MIN), i8::MIN);
        assert_eq!(<i64 as Num>::reciprocal(0), i64::MIN);
        assert_eq!(<i64 as Num>::reciprocal(-1), -1);
        assert_eq!(<i64 as Num>::reciprocal(2), 0);
        assert_eq!(<u8 as Num>::reciprocal(1), 1);
        assert_eq!(i64::checked_power(3, 50), Some(3i64.wrapping_pow(50)));
        assert_eq!(i64::checked_power(0, 0), Some(1));
        assert_eq!(i64::checked_power(2, -1), None);
        assert_eq!(<i64 as Num>::fmod(-7, 2), -1);
        assert_eq!(<i64 as Num>::fmod(7, 0), 0);
    }
}
