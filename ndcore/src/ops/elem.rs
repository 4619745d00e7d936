//! Element arithmetic with NumPy's semantics, for the operators.
//!
//! Where Rust's own operators on the element types differ from NumPy's:
//! - Integer overflow wraps (NumPy wraps silently; Rust panics in debug builds).
//! - The `/` operator is NumPy's true division in the promoted float type
//!   ([`super::promote::TrueDivide`]: integers give `f64`). `Arith::div` and
//!   `Arith::floor_div` of integers are floor division, NumPy's `//` (`np.floor_divide`):
//!   `-7 // 2 == -4` (Rust truncates: `-3`).
//! - `%` is NumPy's `np.remainder`, Python's modulo: the result has the divisor's sign,
//!   `-7 % 2 == 1` and `-7.0 % 2.0 == 1.0` (Rust's `%` has the dividend's sign, which is
//!   `np.fmod`).
//! - Integer division or remainder by zero gives 0, as in NumPy (which warns; Rust
//!   panics). `MIN / -1` wraps to `MIN`, `MIN % -1` is 0.
//! - Shifts by at least the bit width (or by a negative amount) give 0, or -1 for a right
//!   shift of a negative value, as in NumPy (Rust panics in debug builds, masks the amount
//!   in release).

use crate::element::Element;

/// Element types with `+ - * / %` and unary `-`: the integers and floats.
#[diagnostic::on_unimplemented(
    message = "arithmetic is not defined on `{Self}` arrays",
    note = "`+ - * / %` work on integer and float arrays; for `bool` use `| & ^ !`"
)]
pub trait Arith: Element {
    /// `a + b` (integers wrap).
    fn add(a: Self, b: Self) -> Self;
    /// `a - b` (integers wrap).
    fn sub(a: Self, b: Self) -> Self;
    /// `a * b` (integers wrap).
    fn mul(a: Self, b: Self) -> Self;
    /// `a / b`: IEEE division for floats, NumPy's floor division for integers.
    fn div(a: Self, b: Self) -> Self;
    /// NumPy's `remainder`: the sign of `b`.
    fn rem(a: Self, b: Self) -> Self;
    /// NumPy's `floor_divide`: `floor(a / b)`, consistent with [`rem`](Arith::rem).
    fn floor_div(a: Self, b: Self) -> Self;
    /// `-a` (integers wrap: `-MIN == MIN`, and unsigned `-1 == MAX`).
    fn neg(a: Self) -> Self;
}

/// Element types with `& | ^` and `!`: the integers (bitwise) and `bool` (logical).
#[diagnostic::on_unimplemented(
    message = "bitwise operations are not defined on `{Self}` arrays",
    note = "`& | ^ !` work on integer and bool arrays"
)]
pub trait Bitwise: Element {
    /// `a & b`.
    fn and(a: Self, b: Self) -> Self;
    /// `a | b`.
    fn or(a: Self, b: Self) -> Self;
    /// `a ^ b`.
    fn xor(a: Self, b: Self) -> Self;
    /// `!a`: bitwise not for integers (NumPy's `~`), logical not for `bool`.
    fn not(a: Self) -> Self;
}

/// Integer element types with `<<` and `>>`.
#[diagnostic::on_unimplemented(
    message = "shifts are not defined on `{Self}` arrays",
    note = "`<< >>` work on integer arrays"
)]
pub trait Shift: Element {
    /// `a << b`; 0 when `b` is negative or at least the bit width.
    fn shl(a: Self, b: Self) -> Self;
    /// `a >> b` (arithmetic for signed types); when `b` is negative or at least the bit
    /// width, -1 for negative `a` and 0 otherwise.
    fn shr(a: Self, b: Self) -> Self;
}

macro_rules! int_arith {
    ($($t:ty)*) => {$(
        impl Arith for $t {
            #[inline(always)]
            fn add(a: $t, b: $t) -> $t { a.wrapping_add(b) }
            #[inline(always)]
            fn sub(a: $t, b: $t) -> $t { a.wrapping_sub(b) }
            #[inline(always)]
            fn mul(a: $t, b: $t) -> $t { a.wrapping_mul(b) }
            #[inline(always)]
            fn div(a: $t, b: $t) -> $t { Self::floor_div(a, b) }
            #[inline(always)]
            #[allow(unused_comparisons)]
            fn rem(a: $t, b: $t) -> $t {
                if b == 0 {
                    return 0;
                }
                let r = a.wrapping_rem(b);
                // Truncated remainder to floored: move it to the divisor's side.
                if r != 0 && ((r < 0) != (b < 0)) { r.wrapping_add(b) } else { r }
            }
            #[inline(always)]
            #[allow(unused_comparisons)]
            fn floor_div(a: $t, b: $t) -> $t {
                if b == 0 {
                    return 0;
                }
                let q = a.wrapping_div(b);
                let r = a.wrapping_rem(b);
                if r != 0 && ((r < 0) != (b < 0)) { q.wrapping_sub(1) } else { q }
            }
            #[inline(always)]
            fn neg(a: $t) -> $t { a.wrapping_neg() }
        }
        impl Bitwise for $t {
            #[inline(always)]
            fn and(a: $t, b: $t) -> $t { a & b }
            #[inline(always)]
            fn or(a: $t, b: $t) -> $t { a | b }
            #[inline(always)]
            fn xor(a: $t, b: $t) -> $t { a ^ b }
            #[inline(always)]
            fn not(a: $t) -> $t { !a }
        }
        impl Shift for $t {
            #[inline(always)]
            fn shl(a: $t, b: $t) -> $t {
                // As NumPy: the amount is taken as unsigned, so negatives are huge.
                if (b as u64) < <$t>::BITS as u64 { a << b } else { 0 }
            }
            #[inline(always)]
            #[allow(unused_comparisons)]
            fn shr(a: $t, b: $t) -> $t {
                if (b as u64) < <$t>::BITS as u64 {
                    a >> b
                } else if a < 0 {
                    !0
                } else {
                    0
                }
            }
        }
    )*};
}
int_arith!(i8 i16 i32 i64 u8 u16 u32 u64);

macro_rules! float_arith {
    ($($t:ty)*) => {$(
        impl Arith for $t {
            #[inline(always)]
            fn add(a: $t, b: $t) -> $t { a + b }
            #[inline(always)]
            fn sub(a: $t, b: $t) -> $t { a - b }
            #[inline(always)]
            fn mul(a: $t, b: $t) -> $t { a * b }
            #[inline(always)]
            fn div(a: $t, b: $t) -> $t { a / b }
            #[inline(always)]
            fn rem(a: $t, b: $t) -> $t {
                if b == 0.0 {
                    // fmod gives nan, as NumPy returns.
                    return a % b;
                }
                divmod(a, b).1
            }
            #[inline(always)]
            fn floor_div(a: $t, b: $t) -> $t {
                if b == 0.0 {
                    return a / b;
                }
                divmod(a, b).0
            }
            #[inline(always)]
            fn neg(a: $t) -> $t { -a }
        }
    )*};
}
float_arith!(f32 f64);

/// Python's `divmod` for floats, as NumPy computes it (`npy_divmod`): the quotient from
/// the exact `fmod` remainder, so that `a == q * b + r` holds as well as it can, `r`
/// taking the sign of `b`, and signed zeros where the result is zero. `b != 0`.
#[inline(always)]
fn divmod<T: num_traits::Float>(a: T, b: T) -> (T, T) {
    let zero = T::zero();
    let one = T::one();
    let mut r = a % b;
    let mut q = (a - r) / b;
    if r != zero {
        if (b < zero) != (r < zero) {
            r = r + b;
            q = q - one;
        }
    } else {
        r = zero.copysign(b);
    }
    let fq = if q != zero {
        let f = q.floor();
        // Snap to the nearest integer: (a - r) / b is within rounding of one.
        if q - f > one / (one + one) {
            f + one
        } else {
            f
        }
    } else {
        zero.copysign(a / b)
    };
    (fq, r)
}

impl Bitwise for bool {
    #[inline(always)]
    fn and(a: bool, b: bool) -> bool {
        a & b
    }
    #[inline(always)]
    fn or(a: bool, b: bool) -> bool {
        a | b
    }
    #[inline(always)]
    fn xor(a: bool, b: bool) -> bool {
        a ^ b
    }
    #[inline(always)]
    fn not(a: bool) -> bool {
        !a
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_division_floors_and_zero_gives_zero() {
        assert_eq!(i64::div(-7, 2), -4);
        assert_eq!(i64::rem(-7, 2), 1);
        assert_eq!(i64::rem(7, -2), -1);
        assert_eq!(i64::div(7, 0), 0);
        assert_eq!(i64::rem(7, 0), 0);
        assert_eq!(i64::div(i64::MIN, -1), i64::MIN);
        assert_eq!(i64::rem(i64::MIN, -1), 0);
        assert_eq!(u8::div(7, 2), 3);
        assert_eq!(u8::neg(1), 255);
        assert_eq!(i8::shl(1, 7), -128);
        assert_eq!(i8::shl(1, 8), 0);
        assert_eq!(i8::shl(1, -1), 0);
        assert_eq!(i8::shr(-128, 9), -1);
        assert_eq!(i8::shr(64, 9), 0);
        assert_eq!(u8::shr(200, 3), 25);
    }

    #[test]
    fn float_remainder_takes_the_divisor_sign() {
        assert_eq!(f64::rem(-7.0, 2.0), 1.0);
        assert_eq!(f64::rem(1.0, f64::NEG_INFINITY), f64::NEG_INFINITY);
        assert!(f64::rem(0.0, -3.0).is_sign_negative());
        assert!(f64::rem(1.0, 0.0).is_nan());
        assert_eq!(f64::floor_div(-7.0, 2.0), -4.0);
        assert_eq!(f64::floor_div(1.0, 0.0), f64::INFINITY);
        assert!(f64::floor_div(-0.0, 3.0).is_sign_negative());
    }
}
