//! NumPy's float formatting: `np.format_float_positional`, `np.format_float_scientific`,
//! and `str()` of a float scalar.
//!
//! The digits come from [`super::digits`] (Dragon4's shortest round-trip digits and its
//! rounding at a cutoff); this module places them the way NumPy's `FormatPositional` and
//! `FormatScientific` do: sign, decimal point, trimming, zero padding, space padding and the
//! exponent.

use super::digits::{self, Fl, Sci};
use super::dragon4::{CutoffMode, DigitMode, dragon4};
use super::longdouble;
use crate::error::{Error, Result};

/// What to do with trailing zeros: NumPy's `trim` argument of `format_float_*`.
///
/// # Example
/// ```
/// use ndcore::fmt::{FloatStyle, Trim, format_float_positional};
/// let style = |trim| FloatStyle { trim, precision: Some(3), unique: false, ..FloatStyle::default() };
/// assert_eq!(format_float_positional(1.0f64, &style(Trim::Keep))?, "1.000");
/// assert_eq!(format_float_positional(1.0f64, &style(Trim::Point))?, "1.");
/// assert_eq!(format_float_positional(1.0f64, &style(Trim::Zero))?, "1.0");
/// assert_eq!(format_float_positional(1.0f64, &style(Trim::Minus))?, "1");
/// # Ok::<(), ndcore::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Trim {
    /// `'k'`: keep trailing zeros and the decimal point (the default).
    #[default]
    Keep,
    /// `'.'`: drop trailing zeros, keep the decimal point (`1.`).
    Point,
    /// `'0'`: drop trailing zeros but one after the point (`1.0`).
    Zero,
    /// `'-'`: drop trailing zeros and a bare decimal point (`1`).
    Minus,
}

/// The arguments of NumPy's `format_float_positional` and `format_float_scientific`.
///
/// The default is NumPy's: `precision=None`, `unique=True`, `trim='k'`, `sign=False`, no
/// padding, `min_digits=None`, `exp_digits=None`.
///
/// # Example
/// ```
/// use ndcore::fmt::{FloatStyle, format_float_scientific};
/// let style = FloatStyle { precision: Some(2), ..FloatStyle::default() };
/// assert_eq!(format_float_scientific(123.456f64, &style)?, "1.23e+02");
/// # Ok::<(), ndcore::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FloatStyle {
    /// At most this many digits after the decimal point (positional) or after the first
    /// digit (scientific); `None` prints as many as `unique` needs.
    pub precision: Option<usize>,
    /// Print the shortest digits that identify the value among floats of its type (`true`),
    /// or the exact value rounded at `precision` (`false`, which needs a precision).
    pub unique: bool,
    /// What to do with trailing zeros.
    pub trim: Trim,
    /// Print `+` before non-negative values.
    pub sign: bool,
    /// Pad with spaces on the left until this many characters precede the decimal point.
    pub pad_left: Option<usize>,
    /// Pad with spaces on the right until this many characters follow the decimal point
    /// (positional only).
    pub pad_right: Option<usize>,
    /// At least this many digits in the exponent (scientific only; NumPy's default is 2,
    /// and it writes at most 5).
    pub exp_digits: Option<usize>,
    /// With `unique`, print at least this many digits, more than needed if so, rounding the
    /// last one.
    pub min_digits: Option<usize>,
}

impl Default for FloatStyle {
    fn default() -> Self {
        FloatStyle {
            precision: None,
            unique: true,
            trim: Trim::Keep,
            sign: false,
            pad_left: None,
            pad_right: None,
            exp_digits: None,
            min_digits: None,
        }
    }
}

/// A float type NumPy's formatting applies to: `f32` and `f64` (NumPy's `float32`,
/// `float64`). Sealed.
///
/// Digits are those of the value's own type: `0.1f32` prints as `0.1`.
///
/// # Example
/// ```
/// use ndcore::fmt::{FloatStyle, format_float_positional};
/// let d = FloatStyle::default();
/// assert_eq!(format_float_positional(0.1f32, &d)?, "0.1");
/// assert_eq!(format_float_positional(f64::from(0.1f32), &d)?, "0.10000000149011612");
/// # Ok::<(), ndcore::Error>(())
/// ```
pub trait PrintFloat: Copy + sealed::Sealed {
    /// Whether the type is `f32` (its digits are `float32` digits).
    #[doc(hidden)]
    const SINGLE: bool;
    /// The value, widened exactly.
    #[doc(hidden)]
    fn widen(self) -> f64;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for f32 {}
    impl Sealed for f64 {}
}

impl PrintFloat for f32 {
    const SINGLE: bool = true;
    fn widen(self) -> f64 {
        f64::from(self)
    }
}

impl PrintFloat for f64 {
    const SINGLE: bool = false;
    fn widen(self) -> f64 {
        self
    }
}

fn fl<F: PrintFloat>(x: F) -> Fl {
    if F::SINGLE {
        // Exact: the value came from an f32.
        Fl::F32(x.widen() as f32)
    } else {
        Fl::F64(x.widen())
    }
}

/// Formats a float without an exponent: NumPy's `np.format_float_positional` (with its
/// default `fractional=True`).
///
/// `nan` and `inf` print as `nan`, `inf`, `-inf` (`+inf` with `sign`), unpadded, as in NumPy.
///
/// # Errors
/// [`Error::Value`] with NumPy's message when `unique` is false and there is no precision, or
/// `min_digits` exceeds `precision`.
///
/// # Example
/// ```
/// use ndcore::fmt::{FloatStyle, format_float_positional};
/// let d = FloatStyle::default();
/// assert_eq!(format_float_positional(0.1f64, &d)?, "0.1");
/// assert_eq!(format_float_positional(1e20f64, &d)?, "100000000000000000000.");
/// assert_eq!(format_float_positional(0.1f32, &FloatStyle { min_digits: Some(12), ..d })?, "0.100000001490");
/// let pad = FloatStyle { pad_left: Some(4), pad_right: Some(3), ..d };
/// assert_eq!(format_float_positional(-1.5f64, &pad)?, "  -1.5  ");
/// # Ok::<(), ndcore::Error>(())
/// ```
pub fn format_float_positional<F: PrintFloat>(x: F, style: &FloatStyle) -> Result<String> {
    check(style)?;
    let x = fl(x);
    Ok(special(x, style.sign).unwrap_or_else(|| positional(x, style)))
}

/// Formats a float as `d.ddde±XX`: NumPy's `np.format_float_scientific`.
///
/// # Errors
/// [`Error::Value`] with NumPy's message when `unique` is false and there is no precision, or
/// `min_digits` exceeds `precision`.
///
/// # Example
/// ```
/// use ndcore::fmt::{FloatStyle, format_float_scientific};
/// let d = FloatStyle::default();
/// assert_eq!(format_float_scientific(1e-5f64, &d)?, "1.e-05");
/// assert_eq!(format_float_scientific(1.5e300f64, &d)?, "1.5e+300");
/// let wide = FloatStyle { exp_digits: Some(3), precision: Some(1), ..d };
/// assert_eq!(format_float_scientific(96.0f64, &wide)?, "9.6e+001");
/// # Ok::<(), ndcore::Error>(())
/// ```
pub fn format_float_scientific<F: PrintFloat>(x: F, style: &FloatStyle) -> Result<String> {
    check(style)?;
    let x = fl(x);
    Ok(special(x, style.sign).unwrap_or_else(|| scientific(x, style)))
}

fn check(style: &FloatStyle) -> Result<()> {
    if !style.unique && style.precision.is_none() {
        return Err(Error::Value(
            "in non-unique mode `precision` must be supplied".into(),
        ));
    }
    if let (Some(m), Some(p)) = (style.min_digits, style.precision)
        && m > p
    {
        return Err(Error::Value(
            "min_digits must be less than or equal to precision".into(),
        ));
    }
    Ok(())
}

/// `nan`, `inf`, `-inf`, `+inf` as `format_float_*` print them; `None` for finite values.
fn special(x: Fl, sign: bool) -> Option<String> {
    if x.is_nan() {
        Some("nan".into())
    } else if !x.is_finite() {
        let s = if x.is_sign_negative() {
            "-"
        } else if sign {
            "+"
        } else {
            ""
        };
        Some(format!("{s}inf"))
    } else {
        None
    }
}

fn sign_str(x: Fl, plus: bool) -> &'static str {
    if x.is_sign_negative() {
        "-"
    } else if plus {
        "+"
    } else {
        ""
    }
}

/// The digits Dragon4 produces for a finite `x`; `frac_of` counts the fractional digits of
/// the shortest form, `exact` rounds at a cutoff of that many fractional digits. `cutoff`
/// says what the precision counts (positional: digits after the point; scientific: digits
/// after the first, NumPy's total length less one).
///
/// A `long double` goes through NumPy's `Dragon4()` itself, with the same arguments.
fn generate<T>(
    x: Fl,
    style: &FloatStyle,
    cutoff: CutoffMode,
    shortest: impl FnOnce(Sci) -> T,
    frac_of: impl Fn(&Sci) -> usize,
    exact: impl Fn(usize) -> T,
) -> T {
    if let Fl::F80(v) = x {
        let mode = if style.unique {
            DigitMode::Unique
        } else {
            DigitMode::Exact
        };
        let extra = usize::from(cutoff == CutoffMode::TotalLength);
        let arg = |n: Option<usize>| n.map_or(-1, |n| i32::try_from(n + extra).unwrap_or(i32::MAX));
        let (max, min) = (arg(style.precision), arg(style.min_digits));
        return shortest(dragon4(&v.abs().parts(), mode, cutoff, max, min));
    }
    if !style.unique {
        return exact(style.precision.unwrap_or(0));
    }
    let s = digits::shortest(x);
    let n = frac_of(&s);
    match (style.precision, style.min_digits) {
        (Some(p), _) if n > p => exact(p),
        (_, Some(m)) if n < m => exact(m),
        _ => shortest(s),
    }
}

/// Zeros to pad the fraction to with `trim='k'`: the precision, or with `unique` only
/// `min_digits` (Dragon4 then never pads up to the precision).
fn wanted_frac(style: &FloatStyle) -> Option<usize> {
    if style.unique {
        style.min_digits
    } else {
        style.precision
    }
}

/// Applies NumPy's trim mode to a fraction; returns the fraction and whether a decimal point
/// is written.
///
/// `trim='-'` drops the point of a value that has no fractional digits; NumPy's scientific
/// format (`sci`) keeps it when the digits were there and only trimmed away (`1.e-01` for
/// 0.1 at precision 2), its positional format drops it then too.
fn trim_fraction(mut frac: String, style: &FloatStyle, sci: bool) -> (String, bool) {
    if style.trim == Trim::Keep {
        if let Some(w) = wanted_frac(style)
            && frac.len() < w
        {
            frac.extend(std::iter::repeat_n('0', w - frac.len()));
        }
        return (frac, true);
    }
    let had_digits = !frac.is_empty();
    frac.truncate(frac.trim_end_matches('0').len());
    match style.trim {
        Trim::Zero if frac.is_empty() => ("0".into(), true),
        Trim::Minus if frac.is_empty() => (frac, sci && had_digits),
        _ => (frac, true),
    }
}

pub(crate) fn positional(x: Fl, style: &FloatStyle) -> String {
    let (int, frac) = generate(
        x,
        style,
        CutoffMode::FractionLength,
        |s| s.positional(),
        Sci::frac_len,
        |p| digits::exact_positional(x, p),
    );
    let sign = sign_str(x, style.sign);
    let (frac, point) = trim_fraction(frac, style, false);
    let mut out = String::with_capacity(sign.len() + int.len() + frac.len() + 8);
    if let Some(left) = style.pad_left {
        let have = int.len() + sign.len();
        out.extend(std::iter::repeat_n(' ', left.saturating_sub(have)));
    }
    out.push_str(sign);
    out.push_str(&int);
    if point {
        out.push('.');
    }
    out.push_str(&frac);
    if let Some(right) = style.pad_right
        && right >= frac.len()
    {
        let mut pad = right - frac.len();
        if !point {
            pad += 1;
        }
        out.extend(std::iter::repeat_n(' ', pad));
    }
    out
}

pub(crate) fn scientific(x: Fl, style: &FloatStyle) -> String {
    let sci = generate(
        x,
        style,
        CutoffMode::TotalLength,
        |s| s,
        |s| s.digits.len() - 1,
        |p| digits::exact_sci(x, p),
    );
    let sign = sign_str(x, style.sign);
    let (first, rest) = sci.digits.split_at(1);
    let (frac, point) = trim_fraction(rest.to_string(), style, true);
    let mut out = String::with_capacity(frac.len() + 16);
    if let Some(left) = style.pad_left {
        out.extend(std::iter::repeat_n(
            ' ',
            left.saturating_sub(1 + sign.len()),
        ));
    }
    out.push_str(sign);
    out.push_str(first);
    if point {
        out.push('.');
    }
    out.push_str(&frac);
    let width = style.exp_digits.unwrap_or(2).min(5);
    let exp_sign = if sci.exp < 0 { '-' } else { '+' };
    out.push_str(&format!("e{exp_sign}{:0width$}", sci.exp.unsigned_abs()));
    out
}

/// `str()` of a NumPy float scalar (`str(np.float64(x))`), which is also `str()` of a 0-d
/// float array: the shortest digits, positional (`1.0`, `0.0001`) when the value is zero or
/// `1e-4 <= |x| <` 10¹⁶ (`float64`, `long double`), 10⁶ (`float32`) or 10³ (`float16`), scientific
/// (`1e+16`, `1.5e-05`) otherwise.
pub(crate) fn scalar_str(x: Fl) -> String {
    either(x, Trim::Zero, Trim::Minus, false)
}

/// NumPy's choice for a scalar's text (`floattype_str_either` in `scalartypes.c`):
/// positional with `trim_pos` for zero and `1e-4 <= |x| <` the type's bound, else
/// scientific with `trim_sci`; shortest digits; `+` before non-negative values with `sign`.
pub(crate) fn either(x: Fl, trim_pos: Trim, trim_sci: Trim, sign: bool) -> String {
    if let Some(s) = special(x, sign) {
        return s;
    }
    let abs = x.abs().to_f64();
    let upper = match x {
        Fl::F16(_) => 1e3,
        Fl::F32(_) => 1e6,
        Fl::F64(_) | Fl::F80(_) => 1e16,
    };
    let style = FloatStyle {
        sign,
        ..FloatStyle::default()
    };
    let use_positional = match x {
        // Compared in long double, with the long double nearest 1e-4.
        Fl::F80(v) => longdouble::str_is_positional(v),
        _ => abs == 0.0 || (1e-4..upper).contains(&abs),
    };
    if use_positional {
        positional(
            x,
            &FloatStyle {
                trim: trim_pos,
                ..style
            },
        )
    } else {
        scientific(
            x,
            &FloatStyle {
                trim: trim_sci,
                ..style
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(x: f64, style: FloatStyle) -> String {
        format_float_positional(x, &style).unwrap_or_default()
    }

    #[test]
    fn numpy_examples() {
        let d = FloatStyle::default();
        let p2 = FloatStyle {
            precision: Some(2),
            unique: false,
            ..d
        };
        let got: Vec<String> = [0.004, 0.005, 0.006, -0.001, 0.125, 0.375, 0.995]
            .iter()
            .map(|&x| pos(x, p2))
            .collect();
        assert_eq!(
            got,
            ["0.00", "0.01", "0.01", "-0.00", "0.12", "0.38", "0.99"]
        );
        assert_eq!(
            pos(
                0.96,
                FloatStyle {
                    precision: Some(1),
                    ..d
                }
            ),
            "1."
        );
        assert_eq!(
            pos(
                0.96,
                FloatStyle {
                    precision: Some(1),
                    unique: false,
                    ..d
                }
            ),
            "1.0"
        );
        assert_eq!(
            pos(
                0.3,
                FloatStyle {
                    min_digits: Some(5),
                    ..d
                }
            ),
            "0.30000"
        );
        assert_eq!(
            pos(
                -0.0,
                FloatStyle {
                    pad_right: Some(2),
                    ..d
                }
            ),
            "-0.  "
        );
        assert_eq!(
            pos(
                0.0,
                FloatStyle {
                    trim: Trim::Minus,
                    ..d
                }
            ),
            "0"
        );
    }

    #[test]
    fn errors_read_like_numpy() {
        let bad = FloatStyle {
            unique: false,
            ..FloatStyle::default()
        };
        assert_eq!(
            format_float_positional(1.0f64, &bad).map_err(|e| e.to_string()),
            Err("in non-unique mode `precision` must be supplied".to_string())
        );
        let bad = FloatStyle {
            precision: Some(2),
            min_digits: Some(5),
            ..FloatStyle::default()
        };
        assert!(format_float_scientific(1.0f64, &bad).is_err());
    }

    #[test]
    fn scalar_str_switches_like_numpy() {
        let s = |x: f64| scalar_str(Fl::F64(x));
        assert_eq!(s(1.0), "1.0");
        assert_eq!(s(-0.0), "-0.0");
        assert_eq!(s(1e15), "1000000000000000.0");
        assert_eq!(s(1e16), "1e+16");
        assert_eq!(s(1.5e-5), "1.5e-05");
        assert_eq!(s(f64::NEG_INFINITY), "-inf");
        assert_eq!(scalar_str(Fl::F32(1e6)), "1e+06");
        assert_eq!(scalar_str(Fl::F32(999_999.94)), "999999.94");
        assert_eq!(scalar_str(Fl::F32(1e-4)), "1e-04");
        assert_eq!(scalar_str(Fl::F16(0x63d0)), "1e+03");
        assert_eq!(scalar_str(Fl::F16(0x2e66)), "0.1");
        assert_eq!(scalar_str(Fl::F16(0x8000)), "-0.0");
        assert_eq!(either(Fl::F64(2.0), Trim::Minus, Trim::Minus, true), "+2");
    }
}
