//! The float formatter of an array: NumPy's `FloatingFormat`.
//!
//! It looks at every value it will print once, to choose between positional and scientific
//! notation and to find the widths that line the values up (`array([0. , 0.5])`), then
//! formats each value with those widths.

use super::digits::Fl;
use super::float::{FloatStyle, Trim, positional, scientific};
use super::half;
use super::longdouble;
use super::options::{FloatMode, PrintOptions, Sign};

/// Formats the floats of one array (or one record field) alike.
#[derive(Debug, Clone)]
pub(crate) struct FloatingFormat {
    sign: Sign,
    exp_format: bool,
    style: FloatStyle,
    /// Width of `nan` and `inf`: the width of a finite value.
    special_width: usize,
}

impl FloatingFormat {
    /// The formatter for `values` (all of one width), as NumPy's `FloatingFormat(data, …)`.
    pub(crate) fn new(values: &[Fl], opts: &PrintOptions) -> FloatingFormat {
        let precision = match opts.floatmode {
            FloatMode::Unique => None,
            _ => Some(opts.precision),
        };
        let plus = opts.sign == Sign::Plus;
        let finite: Vec<Fl> = values.iter().copied().filter(|v| v.is_finite()).collect();
        let exp_format = wants_exp(&finite, opts.suppress);

        let mut style = FloatStyle {
            precision,
            sign: plus,
            ..FloatStyle::default()
        };
        let (mut pad_left, pad_right);
        if finite.is_empty() {
            (pad_left, pad_right) = (0, 0);
        } else if exp_format {
            let first = first_pass(style, opts.floatmode);
            let (mut int_w, mut frac_w, mut exp_w) = (0, 0, 0);
            for &x in &finite {
                let s = scientific(x, &first);
                let (mantissa, exp) = s.split_once('e').unwrap_or((&s, ""));
                let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
                int_w = int_w.max(int.len());
                frac_w = frac_w.max(frac.len());
                exp_w = exp_w.max(exp.len());
            }
            let exp_size = exp_w.saturating_sub(1);
            style = FloatStyle {
                trim: Trim::Keep,
                precision: Some(frac_w),
                min_digits: Some(frac_w),
                unique: first.unique,
                exp_digits: Some(exp_size),
                ..style
            };
            (pad_left, pad_right) = (int_w, exp_size + 2 + frac_w);
        } else {
            let first = first_pass(style, opts.floatmode);
            let (mut int_w, mut frac_w) = (0, 0);
            for &x in &finite {
                let s = positional(x, &first);
                let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
                int_w = int_w.max(int.len());
                frac_w = frac_w.max(frac.len());
            }
            style.unique = first.unique;
            if matches!(opts.floatmode, FloatMode::Fixed | FloatMode::MaxPrecEqual) {
                style.precision = Some(frac_w);
                style.min_digits = Some(frac_w);
                style.trim = Trim::Keep;
            } else {
                style.min_digits = Some(0);
                style.trim = Trim::Point;
            }
            (pad_left, pad_right) = (int_w, frac_w);
        }
        if opts.sign == Sign::Space && !finite.iter().any(|v| v.is_sign_negative()) {
            pad_left += 1;
        }
        if finite.len() != values.len() {
            // `nan` and `inf` must fit the width of the finite values, or widen them.
            let neginf = opts.sign != Sign::Minus
                || values
                    .iter()
                    .any(|v| !v.is_finite() && !v.is_nan() && v.is_sign_negative());
            let offset = pad_right + 1;
            pad_left = pad_left
                .max(3usize.saturating_sub(offset))
                .max((3 + usize::from(neginf)).saturating_sub(offset));
        }
        style.pad_left = Some(pad_left);
        if !exp_format {
            style.pad_right = Some(pad_right);
        }
        FloatingFormat {
            sign: opts.sign,
            exp_format,
            style,
            special_width: pad_left + pad_right + 1,
        }
    }

    /// Appends `x` formatted.
    pub(crate) fn write(&self, x: Fl, out: &mut String) {
        if !x.is_finite() {
            let text = if x.is_nan() {
                if self.sign == Sign::Plus {
                    "+nan"
                } else {
                    "nan"
                }
            } else if x.is_sign_negative() {
                "-inf"
            } else if self.sign == Sign::Plus {
                "+inf"
            } else {
                "inf"
            };
            out.extend(std::iter::repeat_n(
                ' ',
                self.special_width.saturating_sub(text.len()),
            ));
            out.push_str(text);
        } else if self.exp_format {
            out.push_str(&scientific(x, &self.style));
        } else {
            out.push_str(&positional(x, &self.style));
        }
    }
}

/// The style of NumPy's first pass over the values, which measures them: trailing zeros
/// trimmed and unique digits, or with `floatmode='fixed'` all `precision` digits.
fn first_pass(style: FloatStyle, mode: FloatMode) -> FloatStyle {
    let fixed = mode == FloatMode::Fixed;
    FloatStyle {
        trim: if fixed { Trim::Keep } else { Trim::Point },
        unique: !fixed,
        ..style
    }
}

/// NumPy's rule for scientific notation: the largest magnitude reaches 10⁸ (`float64`,
/// `long double`), 10⁶ (`float32`) or 10³ (`float16`: `10**min(8, finfo.precision)`), or,
/// unless `suppress`, the smallest non-zero magnitude is below 1e-4 or the largest is over
/// 1000 times the smallest. The comparisons are made in the values' own type, as NumPy
/// makes them: a `float16` quotient is rounded to half (NumPy divides halves in `f32` and
/// rounds), so 500.5 / 0.5005 is 1000 and not over it.
fn wants_exp(finite: &[Fl], suppress: bool) -> bool {
    let mut nonzero = finite.iter().map(|v| v.abs()).filter(|v| !v.is_zero());
    let Some(first) = nonzero.next() else {
        return false;
    };
    let (mut max, mut min) = (first, first);
    for v in nonzero {
        if v.cmp_abs(max).is_gt() {
            max = v;
        }
        if v.cmp_abs(min).is_lt() {
            min = v;
        }
    }
    match (max, min) {
        (Fl::F80(max), Fl::F80(min)) => longdouble::wants_exp(max, min, suppress),
        (Fl::F16(max), Fl::F16(min)) => {
            let (max, min) = (half::to_f32(max), half::to_f32(min));
            // 1e-4 as a half is the least half above 1e-4, so comparing with 1e-4 itself
            // decides the same.
            let ratio = half::to_f32(half::from_f32(max / min));
            max >= 1000.0 || (!suppress && (f64::from(min) < 1e-4 || ratio > 1000.0))
        }
        (Fl::F32(max), Fl::F32(min)) => {
            max >= 1e6 || (!suppress && (min < 1e-4 || max / min > 1000.0))
        }
        _ => {
            let (max, min) = (max.to_f64(), min.to_f64());
            max >= 1e8 || (!suppress && (min < 1e-4 || max / min > 1000.0))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(values: &[f64], opts: &PrintOptions) -> Vec<String> {
        let v: Vec<Fl> = values.iter().map(|&x| Fl::F64(x)).collect();
        let f = FloatingFormat::new(&v, opts);
        v.iter()
            .map(|&x| {
                let mut s = String::new();
                f.write(x, &mut s);
                s
            })
            .collect()
    }

    #[test]
    fn shared_padding_and_notation() {
        let d = PrintOptions::default();
        assert_eq!(fmt(&[0.0, 0.5], &d), ["0. ", "0.5"]);
        assert_eq!(fmt(&[1e-10, 0.0], &d), ["1.e-10", "0.e+00"]);
        assert_eq!(fmt(&[f64::NAN, f64::NEG_INFINITY], &d), [" nan", "-inf"]);
        assert_eq!(fmt(&[1.0, 2.0, 3.0, 1000.1], &d)[3], "1.0001e+03");
        let space = PrintOptions {
            sign: Sign::Space,
            ..d
        };
        assert_eq!(fmt(&[f64::NAN, 1.0], &space), [" nan", "  1."]);
    }

    #[test]
    fn float32_compares_in_float32() {
        let d = PrintOptions::default();
        let f = FloatingFormat::new(&[Fl::F32(1e-4)], &d);
        let mut s = String::new();
        f.write(Fl::F32(1e-4), &mut s);
        assert_eq!(s, "0.0001");
        assert!(wants_exp(&[Fl::F32(1e6)], false));
        assert!(!wants_exp(&[Fl::F32(999_999.94)], false));
        let h = |x: f32| Fl::F16(half::from_f32(x));
        assert!(wants_exp(&[h(1000.0)], false));
        assert!(!wants_exp(&[h(999.5)], false));
        // 500.5 / 0.5005 is 1000.02, but 1000 as a half: NumPy prints these positionally.
        assert!(!wants_exp(&[h(500.5), h(0.5005)], false));
        assert!(wants_exp(&[h(500.5), h(0.5)], false));
    }
}
