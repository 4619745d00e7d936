//! NumPy's `Dragon4()` (`numpy/_core/src/multiarray/dragon4.c`) with arbitrary-precision
//! integers, for the float whose digits Rust cannot produce: the x87 80-bit `long double`
//! (NumPy's `float128` on x86-64). Digits of `f32` and `f64` come from Rust's formatting
//! (see [`super::digits`]), those of `float16` from the integer port in [`super::half`].
//!
//! This follows the C function step for step (the estimate of the first digit's exponent,
//! the margins, the stopping rule with `isEven`, the final rounding), leaving out only its
//! rescaling of the denominator, which speeds up the division and changes no digit.

use super::bignum::Big;
use super::digits::Sci;
use std::cmp::Ordering;

/// A finite non-negative float as Dragon4 takes it: `mantissa · 2^exponent`, the index of
/// the mantissa's highest set bit, and whether the gap to the next float below is half the
/// gap above (the value is a power of two above the smallest normal).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Parts {
    pub(crate) mantissa: u64,
    pub(crate) exponent: i32,
    pub(crate) mantissa_bit: i32,
    pub(crate) unequal_margins: bool,
}

/// NumPy's `DigitMode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DigitMode {
    /// The shortest digits that identify the value among floats of its type.
    Unique,
    /// The exact value's digits.
    Exact,
}

/// NumPy's `CutoffMode`: whether a cutoff counts all digits or those after the point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CutoffMode {
    TotalLength,
    FractionLength,
}

/// How many digits NumPy's output buffer holds (`repr[16384]`, less the NUL and a sign).
const BUFFER: i32 = 16382;

/// NumPy's `Dragon4()`: the digits of `v` and the exponent of the first one. `cutoff_max`
/// stops the digits (rounding the last), `cutoff_min` asks for at least so many in unique
/// mode; negative means none.
pub(crate) fn dragon4(
    v: &Parts,
    mode: DigitMode,
    cutoff_mode: CutoffMode,
    cutoff_max: i32,
    cutoff_min: i32,
) -> Sci {
    if v.mantissa == 0 {
        return Sci {
            digits: "0".into(),
            exp: 0,
        };
    }
    let is_even = v.mantissa.is_multiple_of(2);
    // value = scaled / scale; margin_low (and margin_low · high_factor above) is half the
    // distance to the neighbouring floats, in the same scale.
    let mut scaled = Big::from_u64(v.mantissa);
    let mut scale = Big::from_u64(1);
    let mut margin_low = Big::from_u64(1);
    let high_factor = if v.unequal_margins { 2 } else { 1 };
    let extra = if v.unequal_margins { 2 } else { 1 };
    if v.exponent > 0 {
        scaled.shl(v.exponent as u32 + extra);
        scale.shl(extra);
        margin_low.shl(v.exponent as u32);
    } else {
        scaled.shl(extra);
        scale.shl((-v.exponent) as u32 + extra);
    }

    // Burger and Dybvig's estimate of the first digit's exponent, one too low at worst.
    let log10_2 = std::f64::consts::LOG10_2;
    let mut digit_exp = (f64::from(v.mantissa_bit + v.exponent) * log10_2 - 0.69).ceil() as i32;
    if cutoff_max >= 0 && cutoff_mode == CutoffMode::FractionLength && digit_exp <= -cutoff_max {
        digit_exp = -cutoff_max + 1;
    }
    match digit_exp.cmp(&0) {
        Ordering::Greater => scale.mul_pow10(digit_exp as u32),
        Ordering::Less => {
            scaled.mul_pow10((-digit_exp) as u32);
            margin_low.mul_pow10((-digit_exp) as u32);
        }
        Ordering::Equal => {}
    }
    if scaled >= scale {
        digit_exp += 1;
    } else {
        scaled.mul_small(10);
        margin_low.mul_small(10);
    }

    let mut cutoff_max_exp = digit_exp - BUFFER;
    if cutoff_max >= 0 {
        let desired = match cutoff_mode {
            CutoffMode::TotalLength => digit_exp - cutoff_max,
            CutoffMode::FractionLength => -cutoff_max,
        };
        cutoff_max_exp = cutoff_max_exp.max(desired);
    }
    let mut cutoff_min_exp = digit_exp;
    if cutoff_min >= 0 {
        let desired = match cutoff_mode {
            CutoffMode::TotalLength => digit_exp - cutoff_min,
            CutoffMode::FractionLength => -cutoff_min,
        };
        cutoff_min_exp = cutoff_min_exp.min(desired);
    }
    let mut exp = digit_exp - 1;

    let mut digits: Vec<u8> = Vec::new();
    let (mut low, mut high) = (false, false);
    let mut digit;
    loop {
        digit_exp -= 1;
        digit = 0u8;
        while scaled >= scale {
            scaled.sub_assign(&scale);
            digit += 1;
        }
        if mode == DigitMode::Unique {
            let mut margin_high = margin_low.clone();
            margin_high.mul_small(high_factor);
            let value_high = scaled.add(&margin_high);
            low = if is_even {
                scaled <= margin_low
            } else {
                scaled < margin_low
            };
            high = if is_even {
                value_high >= scale
            } else {
                value_high > scale
            };
            if ((low || high) && digit_exp <= cutoff_min_exp) || digit_exp == cutoff_max_exp {
                break;
            }
        } else if scaled.is_zero() || digit_exp == cutoff_max_exp {
            break;
        }
        digits.push(digit);
        scaled.mul_small(10);
        margin_low.mul_small(10);
    }

    // Round the last digit: down if only the low side is in reach, up if only the high
    // side is, else to the nearer, ties to the even digit.
    let round_down = if low == high {
        scaled.mul_small(2);
        match scaled.cmp(&scale) {
            Ordering::Less => true,
            Ordering::Equal => digit % 2 == 0,
            Ordering::Greater => false,
        }
    } else {
        low
    };
    if push_last_digit(&mut digits, digit, round_down) {
        exp += 1;
    }
    Sci {
        digits: digits.iter().map(|d| char::from(b'0' + d)).collect(),
        exp,
    }
}

/// Appends Dragon4's last digit, rounded up unless `round_down`, carrying through trailing
/// nines; true when the carry made a new leading digit (the exponent grows by one).
pub(crate) fn push_last_digit(digits: &mut Vec<u8>, digit: u8, round_down: bool) -> bool {
    if round_down {
        digits.push(digit);
    } else if digit < 9 {
        digits.push(digit + 1);
    } else {
        // Carry through the trailing nines.
        loop {
            match digits.pop() {
                None => {
                    digits.push(1);
                    return true;
                }
                Some(9) => {}
                Some(d) => {
                    digits.push(d + 1);
                    break;
                }
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The parts of a normal f64, as NumPy's `Dragon4_PrintFloat_IEEE_binary64` makes them.
    fn f64_parts(x: f64) -> Parts {
        let bits = x.to_bits();
        let exp = ((bits >> 52) & 0x7ff) as i32;
        let frac = bits & ((1 << 52) - 1);
        Parts {
            mantissa: frac | 1 << 52,
            exponent: exp - 1075,
            mantissa_bit: 52,
            unequal_margins: exp != 1 && frac == 0,
        }
    }

    fn run(x: f64, mode: DigitMode, cut: CutoffMode, max: i32) -> (String, i32) {
        let s = dragon4(&f64_parts(x), mode, cut, max, -1);
        (s.digits, s.exp)
    }

    #[test]
    fn agrees_with_rust_on_f64() {
        use CutoffMode::*;
        use DigitMode::*;
        for x in [0.1, 1.0, 123.456, 1e300, 5e-300, 1.0 / 3.0, 9.5, 2.0, 0.3] {
            let (digits, exp) = run(x, Unique, TotalLength, -1);
            let rust = format!("{x:e}");
            let (m, e) = rust.split_once('e').unwrap();
            assert_eq!(exp, e.parse::<i32>().unwrap(), "{x}");
            assert_eq!(digits.trim_end_matches('0'), m.replace('.', ""), "{x}");
        }
        // An exact tie between two shortest candidates goes to the even digit (Rust: odd).
        assert_eq!(
            run(2f64.powi(-25), Unique, TotalLength, -1),
            ("29802322387695312".into(), -8)
        );
        assert_eq!(run(0.125, Exact, FractionLength, 2), ("12".into(), -1));
        assert_eq!(run(0.375, Exact, FractionLength, 2), ("38".into(), -1));
        assert_eq!(run(0.96, Exact, FractionLength, 1), ("1".into(), 0));
        assert_eq!(run(0.001, Exact, FractionLength, 2), ("0".into(), -2));
        assert_eq!(run(1.0001, Exact, TotalLength, 3), ("100".into(), 0));
        assert_eq!(run(1.0, Exact, TotalLength, 3), ("1".into(), 0));
        assert_eq!(run(99.96, Exact, TotalLength, 3), ("1".into(), 2));
    }

    #[test]
    fn big_arithmetic() {
        let mut a = Big::from_u64(u64::MAX);
        a.shl(40);
        let mut b = Big::from_u64(u64::MAX);
        b.mul_small(1 << 20);
        b.mul_small(1 << 20);
        assert_eq!(a, b);
        let c = a.add(&Big::from_u64(1));
        assert!(c > a);
        let mut d = c.clone();
        d.sub_assign(&a);
        assert_eq!(d, Big::from_u64(1));
    }
}
