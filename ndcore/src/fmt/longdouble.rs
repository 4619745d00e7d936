//! NumPy's `longdouble` on x86-64 (`float128`, `'<f16'`): the x87 80-bit extended float in
//! 16 bytes, and the comparisons NumPy makes in that type when it prints.
//!
//! The 16 bytes, in little-endian order, hold the 64-bit significand (integer bit
//! included), then the sign and the 15-bit exponent, then 6 bytes of padding. Other
//! platforms store a different `long double` under the same `'<f16'` (IEEE quad on
//! aarch64, `double` on Windows); a `.npy` file does not say which, and nd reads the x86-64
//! one, as NumPy does where such files mostly come from.

use super::bignum::Big;
use super::dragon4::Parts;
use std::cmp::Ordering;

/// An x87 extended value: the significand word and the sign-and-exponent word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct F80 {
    pub(crate) lo: u64,
    pub(crate) hi: u16,
}

impl F80 {
    /// The value in 16 bytes of native (little-endian) order.
    pub(crate) fn from_bytes(b: [u8; 16]) -> F80 {
        let mut lo = [0u8; 8];
        lo.copy_from_slice(&b[..8]);
        F80 {
            lo: u64::from_le_bytes(lo),
            hi: u16::from_le_bytes([b[8], b[9]]),
        }
    }

    fn exp_bits(self) -> u16 {
        self.hi & 0x7fff
    }

    /// The 63 bits below the integer bit.
    fn fraction(self) -> u64 {
        self.lo & (u64::MAX >> 1)
    }

    pub(crate) fn is_finite(self) -> bool {
        self.exp_bits() != 0x7fff
    }

    /// NaN as NumPy's Dragon4 decides it (any fraction bit; the integer bit is ignored).
    pub(crate) fn is_nan(self) -> bool {
        !self.is_finite() && self.fraction() != 0
    }

    pub(crate) fn is_sign_negative(self) -> bool {
        self.hi & 0x8000 != 0
    }

    pub(crate) fn abs(self) -> F80 {
        F80 {
            lo: self.lo,
            hi: self.hi & 0x7fff,
        }
    }

    /// The value rounded to an `f64` (for comparisons that need no exactness).
    pub(crate) fn to_f64(self) -> f64 {
        let sign = if self.is_sign_negative() { -1.0 } else { 1.0 };
        if !self.is_finite() {
            return if self.is_nan() {
                f64::NAN
            } else {
                sign * f64::INFINITY
            };
        }
        let p = self.parts();
        // m · 2^e with m < 2⁶⁴: scale in two steps so that neither over- nor underflows.
        let half = p.exponent / 2;
        sign * (p.mantissa as f64) * 2f64.powi(half) * 2f64.powi(p.exponent - half)
    }

    /// The finite value as Dragon4 reads it (`Dragon4_PrintFloat_Intel_extended`): the
    /// integer bit ignored, subnormals scaled like the smallest normals.
    pub(crate) fn parts(self) -> Parts {
        let exp = i32::from(self.exp_bits());
        let frac = self.fraction();
        if exp != 0 {
            Parts {
                mantissa: frac | 1 << 63,
                exponent: exp - 16383 - 63,
                mantissa_bit: 63,
                unequal_margins: exp != 1 && frac == 0,
            }
        } else {
            Parts {
                mantissa: frac,
                exponent: 1 - 16383 - 63,
                mantissa_bit: 63 - frac.leading_zeros() as i32,
                unequal_margins: false,
            }
        }
    }
}

/// How `m1 · 2^e1` compares with `m2 · 2^e2`, exactly.
pub(crate) fn cmp_binary(m1: u64, e1: i32, m2: u64, e2: i32) -> Ordering {
    match (m1 == 0, m2 == 0) {
        (true, true) => return Ordering::Equal,
        (true, false) => return Ordering::Less,
        (false, true) => return Ordering::Greater,
        _ => {}
    }
    let top1 = 63 - m1.leading_zeros() as i32 + e1;
    let top2 = 63 - m2.leading_zeros() as i32 + e2;
    top1.cmp(&top2).then_with(|| {
        // Same leading bit: line the significands up at their top bit.
        let a = u128::from(m1) << (m1.leading_zeros() + 64);
        let b = u128::from(m2) << (m2.leading_zeros() + 64);
        a.cmp(&b)
    })
}

/// How the finite `|x|` compares with the `f64` `y >= 0`, exactly.
fn cmp_f64(x: F80, y: f64) -> Ordering {
    let p = x.parts();
    let bits = y.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1 << 52) - 1);
    let (m, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | 1 << 52, exp - 1075)
    };
    cmp_binary(p.mantissa, p.exponent, m, e)
}

/// How two finite magnitudes compare, exactly.
pub(crate) fn cmp_abs(x: F80, y: F80) -> Ordering {
    let (a, b) = (x.parts(), y.parts());
    cmp_binary(a.mantissa, a.exponent, b.mantissa, b.exponent)
}

pub(crate) fn is_zero(x: F80) -> bool {
    x.is_finite() && x.parts().mantissa == 0
}

/// NumPy's test for scientific notation in `FloatingFormat`, made in `long double` as
/// NumPy makes it: `max >= 1e8`, or unless `suppress`, `min < 0.0001` (the Python float,
/// `f64` 1e-4, cast exactly) or `max / min > 1000` with the quotient rounded to 64 bits.
///
/// The quotient rounds above 1000 exactly when `max / min` passes the midpoint between
/// 1000 and the next extended float, `1000 + 2⁻⁵⁵` (a tie goes to 1000, whose last bit is
/// even).
pub(crate) fn wants_exp(max: F80, min: F80, suppress: bool) -> bool {
    if cmp_f64(max, 1e8) != Ordering::Less {
        return true;
    }
    if suppress {
        return false;
    }
    if cmp_f64(min, 1e-4) == Ordering::Less {
        return true;
    }
    let (a, b) = (max.parts(), min.parts());
    // a.m · 2^a.e  >  (1000 · 2⁵⁵ + 1) · b.m · 2^(b.e - 55)
    let mut lhs = Big::from_u64(a.mantissa);
    let mut rhs = Big::from_u64(b.mantissa);
    rhs.mul_small(1000);
    rhs.shl(55);
    let rhs_plus = rhs.add(&Big::from_u64(b.mantissa));
    let mut rhs = rhs_plus;
    let (le, re) = (a.exponent, b.exponent - 55);
    let low = le.min(re);
    lhs.shl((le - low) as u32);
    rhs.shl((re - low) as u32);
    lhs > rhs
}

/// `1e-4L`, the extended float nearest 1e-4: `0xd1b71758e219652c · 2⁻⁷⁷`.
const TEN_TO_MINUS_4: (u64, i32) = (0xd1b7_1758_e219_652c, -77);

/// Whether `str()` of the scalar `x` is positional: NumPy's `absval < 1.e16L && absval >=
/// 1.e-4L`, or zero.
pub(crate) fn str_is_positional(x: F80) -> bool {
    let p = x.abs().parts();
    p.mantissa == 0
        || (cmp_f64(x, 1e16) == Ordering::Less
            && cmp_binary(p.mantissa, p.exponent, TEN_TO_MINUS_4.0, TEN_TO_MINUS_4.1)
                != Ordering::Less)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An extended float from an `f64` (exact).
    fn ld(x: f64) -> F80 {
        let bits = x.to_bits();
        let exp = ((bits >> 52) & 0x7ff) as u16;
        let frac = bits & ((1 << 52) - 1);
        let sign = ((bits >> 63) as u16) << 15;
        if exp == 0 {
            assert_eq!(frac, 0, "normal f64s only");
            return F80 { lo: 0, hi: sign };
        }
        F80 {
            lo: (1 << 63) | (frac << 11),
            hi: sign | (exp + 16383 - 1023),
        }
    }

    #[test]
    fn reads_and_compares() {
        assert_eq!(ld(1.5).to_f64(), 1.5);
        assert_eq!(ld(-1e-300).to_f64(), -1e-300);
        assert_eq!(cmp_abs(ld(2.0), ld(-3.0)), Ordering::Less);
        assert!(is_zero(ld(-0.0)));
        assert!(wants_exp(ld(1e8), ld(1.0), false));
        assert!(!wants_exp(ld(99_999_999.0), ld(1e5), false));
        assert!(wants_exp(ld(1.0), ld(9.9e-5), false));
        assert!(!wants_exp(ld(1000.0), ld(1.0), false));
        assert!(wants_exp(ld(1000.0000000001), ld(1.0), false));
        assert!(str_is_positional(ld(1e-4)));
        assert!(!str_is_positional(ld(1e16)));
        assert!(str_is_positional(ld(0.0)));
        // 1e-4L lies below the f64 1e-4; the extended float just under 1e-4L is not positional.
        let below = F80 {
            lo: TEN_TO_MINUS_4.0 - 1,
            hi: (TEN_TO_MINUS_4.1 + 63 + 16383) as u16,
        };
        assert!(!str_is_positional(below));
    }
}
