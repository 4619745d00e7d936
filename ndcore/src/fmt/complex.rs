//! Complex numbers: NumPy's `ComplexFloatingFormat` for arrays and `str()` of a complex
//! scalar.

use super::digits::Fl;
use super::float::{Trim, either};
use super::floating::FloatingFormat;
use super::options::{PrintOptions, Sign};

/// Formats the complex values of one array (or record field) alike: the real parts as one
/// float array, the imaginary parts as another with their sign always shown
/// (`1.+2.j`, `-0.5-1.j`), each padded to its own width.
#[derive(Debug, Clone)]
pub(crate) struct ComplexFormat {
    real: FloatingFormat,
    imag: FloatingFormat,
}

impl ComplexFormat {
    /// The formatter for `values`, `(real, imaginary)` pairs.
    pub(crate) fn new(values: &[(Fl, Fl)], opts: &PrintOptions) -> ComplexFormat {
        let re: Vec<Fl> = values.iter().map(|v| v.0).collect();
        let im: Vec<Fl> = values.iter().map(|v| v.1).collect();
        let plus = PrintOptions {
            sign: Sign::Plus,
            ..*opts
        };
        ComplexFormat {
            real: FloatingFormat::new(&re, opts),
            imag: FloatingFormat::new(&im, &plus),
        }
    }

    /// Appends `re + im·j`; the `j` goes before the imaginary part's right padding
    /// (`1.+2.5j`, `1.+1.j `).
    pub(crate) fn write(&self, re: Fl, im: Fl, out: &mut String) {
        self.real.write(re, out);
        let start = out.len();
        self.imag.write(im, out);
        let end = start + out[start..].trim_end_matches(' ').len();
        out.insert(end, 'j');
    }
}

/// `str()` of a NumPy complex scalar (`str(np.complex128(z))`), which is also `str()` of a
/// 0-d complex array: `(1+2j)`, `(-0-1.5e-10j)`, `(nan+infj)`; a real part of `+0` is left
/// out with the parentheses (`2j`). Each part has its shortest digits and no trailing point.
pub(crate) fn scalar_str(re: Fl, im: Fl) -> String {
    let part = |x: Fl, sign: bool| either(x, Trim::Minus, Trim::Minus, sign);
    if re.is_zero() && !re.is_sign_negative() {
        return format!("{}j", part(im, false));
    }
    let r = if re.is_finite() {
        part(re, false)
    } else if re.is_nan() {
        "nan".into()
    } else if re.is_sign_negative() {
        "-inf".into()
    } else {
        "inf".into()
    };
    let i = if im.is_finite() {
        part(im, true)
    } else if im.is_nan() {
        "+nan".into()
    } else if im.is_sign_negative() {
        "-inf".into()
    } else {
        "+inf".into()
    };
    format!("({r}{i}j)")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(values: &[(f64, f64)]) -> Vec<String> {
        let v: Vec<(Fl, Fl)> = values
            .iter()
            .map(|&(a, b)| (Fl::F64(a), Fl::F64(b)))
            .collect();
        let f = ComplexFormat::new(&v, &PrintOptions::default());
        v.iter()
            .map(|&(a, b)| {
                let mut s = String::new();
                f.write(a, b, &mut s);
                s
            })
            .collect()
    }

    #[test]
    fn parts_are_padded_apart() {
        assert_eq!(fmt(&[(1.0, 1.0), (1.0, 2.5)]), ["1.+1.j ", "1.+2.5j"]);
        assert_eq!(
            fmt(&[(1.0, 2.0), (f64::NAN, f64::INFINITY)]),
            [" 1. +2.j", "nan+infj"]
        );
    }

    #[test]
    fn scalars_read_like_numpy() {
        let s = |a: f64, b: f64| scalar_str(Fl::F64(a), Fl::F64(b));
        assert_eq!(s(1.0, 2.0), "(1+2j)");
        assert_eq!(s(0.0, 2.5), "2.5j");
        assert_eq!(s(-0.0, -0.0), "(-0-0j)");
        assert_eq!(s(f64::NAN, f64::NEG_INFINITY), "(nan-infj)");
        assert_eq!(s(1e20, 1e-10), "(1e+20+1e-10j)");
        assert_eq!(s(0.0, f64::NAN), "nanj");
    }
}
