//! Decimal digits of a float, as NumPy's Dragon4 generates them.
//!
//! Rust's formatting already gives the two things Dragon4 computes: the shortest digits that
//! read back as the same float (`{:e}`), and the exactly rounded digits at a cutoff
//! (`{:.N}`, `{:.Ne}`, round-half-even on the exact binary value, as Dragon4 rounds). Two
//! details differ and are mended here:
//!
//! - When the value lies exactly halfway between the two shortest candidates, Rust takes the
//!   upper one and Dragon4 the one with the even last digit (`2.9802322387695312e-08` for
//!   2⁻²⁵, Rust `…313`). [`shortest`] detects such ties exactly and picks as Dragon4 does.
//! - Dragon4 prints the trailing zeros of digits rounded at a cutoff only when they are
//!   digits of the value: not when the value ends earlier (`1e+00` for 1.0 to two digits
//!   with `trim='-'`), nor when rounding carried (`0.96` to one digit is `1.`), where Rust
//!   writes them. [`exact_sci`] and [`exact_positional`] drop those, deciding exactly.

use super::bignum::cmp_decimal_binary;
use super::dragon4::{CutoffMode, DigitMode, dragon4};
use super::half;
use super::longdouble::{self, F80};
use std::cmp::Ordering;

/// A float of any printed width, kept at its own width so that its shortest digits are
/// those of its type (`0.1f32` is `0.1`, not `0.10000000149011612`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Fl {
    /// A `float16` value, as its bits (Rust has no stable `f16`).
    F16(u16),
    /// An x87 extended `long double` (NumPy's `float128` on x86-64).
    F80(F80),
    /// A `float32` value.
    F32(f32),
    /// A `float64` value.
    F64(f64),
}

impl Fl {
    /// The value as an `f64`: exact but for a `long double`, which is rounded.
    pub(crate) fn to_f64(self) -> f64 {
        match self {
            Fl::F16(h) => f64::from(half::to_f32(h)),
            Fl::F80(x) => x.to_f64(),
            Fl::F32(x) => f64::from(x),
            Fl::F64(x) => x,
        }
    }

    pub(crate) fn is_finite(self) -> bool {
        match self {
            Fl::F80(x) => x.is_finite(),
            _ => self.to_f64().is_finite(),
        }
    }

    pub(crate) fn is_nan(self) -> bool {
        match self {
            Fl::F80(x) => x.is_nan(),
            _ => self.to_f64().is_nan(),
        }
    }

    pub(crate) fn is_sign_negative(self) -> bool {
        match self {
            Fl::F80(x) => x.is_sign_negative(),
            _ => self.to_f64().is_sign_negative(),
        }
    }

    /// Whether the value is zero (of either sign).
    pub(crate) fn is_zero(self) -> bool {
        match self {
            Fl::F80(x) => longdouble::is_zero(x),
            _ => self.to_f64() == 0.0,
        }
    }

    /// How the magnitudes of two finite values of one width compare, exactly.
    pub(crate) fn cmp_abs(self, other: Fl) -> Ordering {
        match (self, other) {
            (Fl::F80(a), Fl::F80(b)) => longdouble::cmp_abs(a, b),
            _ => {
                let (a, b) = (self.to_f64().abs(), other.to_f64().abs());
                a.partial_cmp(&b).unwrap_or(Ordering::Equal)
            }
        }
    }

    pub(crate) fn abs(self) -> Fl {
        match self {
            Fl::F16(h) => Fl::F16(h & 0x7fff),
            Fl::F80(x) => Fl::F80(x.abs()),
            Fl::F32(x) => Fl::F32(x.abs()),
            Fl::F64(x) => Fl::F64(x.abs()),
        }
    }

    /// How `s`, read back as a float of this width (a half as an `f64`, which holds every
    /// half exactly), compares with this value.
    fn cmp_parsed(self, s: &str) -> Ordering {
        let parsed = match self {
            Fl::F32(_) => s.parse::<f32>().map(f64::from),
            // A long double's digits never come through here (see `dragon4`).
            Fl::F16(_) | Fl::F64(_) | Fl::F80(_) => s.parse::<f64>(),
        };
        parsed
            .ok()
            .and_then(|p| p.partial_cmp(&self.to_f64()))
            .unwrap_or(Ordering::Equal)
    }

    /// The significand and binary exponent: `|value| = m · 2^e`.
    fn decompose(self) -> (u64, i32) {
        match self {
            Fl::F80(x) => {
                let p = x.parts();
                (p.mantissa, p.exponent)
            }
            Fl::F16(h) => {
                let exp = i32::from((h >> 10) & 0x1f);
                let frac = u64::from(h & 0x3ff);
                if exp == 0 {
                    (frac, -24)
                } else {
                    (frac | 1 << 10, exp - 25)
                }
            }
            Fl::F32(x) => {
                let bits = x.to_bits();
                let exp = ((bits >> 23) & 0xff) as i32;
                let frac = u64::from(bits & 0x7f_ffff);
                if exp == 0 {
                    (frac, -149)
                } else {
                    (frac | 1 << 23, exp - 150)
                }
            }
            Fl::F64(x) => {
                let bits = x.to_bits();
                let exp = ((bits >> 52) & 0x7ff) as i32;
                let frac = bits & 0xf_ffff_ffff_ffff;
                if exp == 0 {
                    (frac, -1074)
                } else {
                    (frac | 1 << 52, exp - 1075)
                }
            }
        }
    }
}

/// Significant digits `d₀d₁…` with `d₀` at `10^exp`; the value zero is `"0"` at exponent 0.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Sci {
    pub(crate) digits: String,
    pub(crate) exp: i32,
}

impl Sci {
    /// How many digits lie right of the decimal point when written positionally.
    pub(crate) fn frac_len(&self) -> usize {
        (self.digits.len() as i64 - 1 - i64::from(self.exp)).max(0) as usize
    }

    /// The digits left and right of the decimal point when written positionally.
    pub(crate) fn positional(&self) -> (String, String) {
        let n = self.digits.len();
        if self.exp >= 0 {
            let whole = self.exp as usize + 1;
            if n <= whole {
                let mut int = self.digits.clone();
                int.extend(std::iter::repeat_n('0', whole - n));
                (int, String::new())
            } else {
                (
                    self.digits[..whole].to_string(),
                    self.digits[whole..].to_string(),
                )
            }
        } else {
            let zeros = (-self.exp - 1) as usize;
            let mut frac = "0".repeat(zeros);
            frac.push_str(&self.digits);
            ("0".to_string(), frac)
        }
    }
}

/// The shortest digits that identify `x` among the floats of its width, ties between two
/// such candidates going to the even digit, as NumPy's Dragon4 (`unique=True`) picks them.
///
/// `x` must be finite; its sign is ignored.
pub(crate) fn shortest(x: Fl) -> Sci {
    let x = x.abs();
    let text = match x {
        // Rust has no half or extended formatting: Dragon4 itself.
        Fl::F16(h) => return half::shortest(h),
        Fl::F80(v) => {
            let unique = (DigitMode::Unique, CutoffMode::TotalLength);
            return dragon4(&v.parts(), unique.0, unique.1, -1, -1);
        }
        Fl::F32(v) => format!("{v:e}"),
        Fl::F64(v) => format!("{v:e}"),
    };
    let sci = parse_sci(&text);
    let last_odd = sci
        .digits
        .bytes()
        .last()
        .is_some_and(|d| (d - b'0') % 2 == 1);
    if !last_odd {
        return sci;
    }
    even_tie_alternative(x, &sci).unwrap_or(sci)
}

/// When `x` lies exactly halfway between `sci` and its neighbour with as many digits, and
/// the neighbour (even last digit) reads back as `x` too, that neighbour.
fn even_tie_alternative(x: Fl, sci: &Sci) -> Option<Sci> {
    let n = sci.digits.len() as i32;
    let (exact, q) = exact_small(x)?;
    // A tie needs exactly one more digit than the candidate, a 5, one place lower.
    if exact % 10 != 5 || q != sci.exp - n || digit_count(exact) != n as u32 + 1 {
        return None;
    }
    let lower = exact / 10;
    let mine: u128 = sci.digits.parse().ok()?;
    let other = if mine == lower { lower + 1 } else { lower };
    if other % 2 != 0 || digit_count(other) != n as u32 {
        return None;
    }
    let candidate = format!("{other}e{}", sci.exp - n + 1);
    if x.cmp_parsed(&candidate) != Ordering::Equal {
        return None;
    }
    Some(Sci {
        digits: other.to_string(),
        exp: sci.exp,
    })
}

/// `|x|` exactly as `sig · 10^q` with `sig` not a multiple of 10, when `sig` has at most 19
/// digits (ties of shortest digits need at most 18).
fn exact_small(x: Fl) -> Option<(u128, i32)> {
    let (mut m, mut e) = x.decompose();
    if m == 0 {
        return None;
    }
    let tz = m.trailing_zeros();
    m >>= tz;
    e += tz as i32;
    let limit = 10u128.pow(19);
    let (sig, q) = if e >= 0 {
        // m · 2^e: pair factors of 5 in m with factors of 2 into powers of ten.
        let mut fives = 0i32;
        while m % 5 == 0 {
            m /= 5;
            fives += 1;
        }
        let tens = fives.min(e);
        let sig = u128::from(m)
            .checked_mul(5u128.checked_pow((fives - tens) as u32)?)?
            .checked_mul(1u128.checked_shl((e - tens) as u32)?)?;
        (sig, tens)
    } else {
        // m · 2^-k = m · 5^k / 10^k, and m is odd, so m · 5^k is no multiple of 10.
        let k = (-e) as u32;
        (u128::from(m).checked_mul(5u128.checked_pow(k)?)?, e)
    };
    (sig < limit).then_some((sig, q))
}

fn digit_count(mut v: u128) -> u32 {
    let mut n = 1;
    while v >= 10 {
        v /= 10;
        n += 1;
    }
    n
}

/// Reads Rust's `{:e}` output (`1.2345e-5`, `0e0`) of a non-negative value.
fn parse_sci(text: &str) -> Sci {
    let (mantissa, exp) = text.split_once('e').unwrap_or((text, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    Sci {
        digits: if digits.is_empty() {
            "0".into()
        } else {
            digits
        },
        exp: exp.parse().unwrap_or(0),
    }
}

/// Whether Dragon4 prints the trailing zeros of `digits · 10^c`, the value `x` rounded at a
/// cutoff: only when they are digits of the value, that is when rounding went down. When
/// the value ends before the cutoff, Dragon4 stops there; when rounding carried, it stops at
/// the digit that took the carry.
fn zeros_are_digits(x: Fl, text: &str, digits: &str, c: i32) -> bool {
    // Reading the digits back decides most cases; only digits that read back as `x` itself
    // need the exact comparison.
    match x.cmp_parsed(text) {
        Ordering::Less => true,
        Ordering::Greater => false,
        Ordering::Equal => {
            let (m, e) = x.decompose();
            cmp_decimal_binary(digits, c, m, e) == Ordering::Less
        }
    }
}

/// `|x|` rounded to `frac` digits after the first significant one (round half to even on
/// the exact value), as Dragon4 in scientific mode with a cutoff produces them.
pub(crate) fn exact_sci(x: Fl, frac: usize) -> Sci {
    let x = x.abs();
    if let Fl::F80(v) = x {
        let total = i32::try_from(frac + 1).unwrap_or(i32::MAX);
        return dragon4(
            &v.parts(),
            DigitMode::Exact,
            CutoffMode::TotalLength,
            total,
            -1,
        );
    }
    let text = format!("{:.*e}", frac, x.to_f64());
    let mut sci = parse_sci(&text);
    if sci.digits.len() > 1 && sci.digits.ends_with('0') {
        let c = sci.exp - sci.digits.len() as i32 + 1;
        if !zeros_are_digits(x, &text, &sci.digits, c) {
            let kept = sci.digits.trim_end_matches('0').len().max(1);
            sci.digits.truncate(kept);
        }
    }
    sci
}

/// `|x|` rounded to `frac` digits after the decimal point (round half to even on the exact
/// value), as Dragon4 in positional mode with a cutoff produces them: the digits left and
/// right of the point.
pub(crate) fn exact_positional(x: Fl, frac: usize) -> (String, String) {
    let x = x.abs();
    if let Fl::F80(v) = x {
        let frac = i32::try_from(frac).unwrap_or(i32::MAX);
        return dragon4(
            &v.parts(),
            DigitMode::Exact,
            CutoffMode::FractionLength,
            frac,
            -1,
        )
        .positional();
    }
    let text = format!("{:.*}", frac, x.to_f64());
    let (int, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut fraction = fraction.to_string();
    if fraction.ends_with('0') {
        let digits = format!("{int}{fraction}");
        if !zeros_are_digits(x, &text, &digits, -(fraction.len() as i32)) {
            fraction.truncate(fraction.trim_end_matches('0').len());
        }
    }
    (int.to_string(), fraction)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sh(x: f64) -> (String, i32) {
        let s = shortest(Fl::F64(x));
        (s.digits, s.exp)
    }

    #[test]
    fn shortest_digits_and_exponent() {
        assert_eq!(sh(0.0), ("0".into(), 0));
        assert_eq!(sh(1.5e-5), ("15".into(), -5));
        assert_eq!(sh(-123.25), ("12325".into(), 2));
        let f = shortest(Fl::F32(0.1));
        assert_eq!((f.digits.as_str(), f.exp), ("1", -1));
    }

    #[test]
    fn exact_ties_go_to_the_even_digit() {
        // 2^-25 = 2.98023223876953125e-08 exactly: 17-digit candidates …312 and …313.
        assert_eq!(sh(2f64.powi(-25)), ("29802322387695312".into(), -8));
        // 1826679.25f32: candidates 1826679.2 and 1826679.3.
        let f = shortest(Fl::F32(f32::from_bits(0x49de_fbba))); // 1826679.25
        assert_eq!(f.digits, "18266792");
        // Not a tie: stays as Rust has it.
        assert_eq!(sh(0.3), ("3".into(), -1));
    }

    #[test]
    fn rounding_at_a_cutoff_keeps_only_digits_of_the_value() {
        let p = |x: f64, n| exact_positional(Fl::F64(x), n);
        assert_eq!(p(0.96, 1), ("1".to_string(), String::new()));
        assert_eq!(p(0.5000001, 3), ("0".to_string(), "500".to_string()));
        assert_eq!(p(0.5, 3), ("0".to_string(), "5".to_string()));
        assert_eq!(p(0.125, 2).1, "12");
        let s = |x: f64, n| exact_sci(Fl::F64(x), n);
        assert_eq!(
            s(9.96, 1),
            Sci {
                digits: "1".into(),
                exp: 1
            }
        );
        assert_eq!(
            s(1.0, 2),
            Sci {
                digits: "1".into(),
                exp: 0
            }
        );
        assert_eq!(
            s(0.1, 2),
            Sci {
                digits: "100".into(),
                exp: -1
            }
        );
    }

    #[test]
    fn positional_split() {
        let s = |d: &str, exp| {
            Sci {
                digits: d.into(),
                exp,
            }
            .positional()
        };
        assert_eq!(s("12345", 2), ("123".into(), "45".into()));
        assert_eq!(s("1", 3), ("1000".into(), String::new()));
        assert_eq!(s("15", -3), ("0".into(), "0015".into()));
        assert_eq!(
            Sci {
                digits: "15".into(),
                exp: -3
            }
            .frac_len(),
            4
        );
    }
}
