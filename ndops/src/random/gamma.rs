//! Gamma variates as NumPy draws them (`random_standard_gamma`): Marsaglia and Tsang's
//! squeeze on normals for shape ≥ 1, Ahrens–Dieter style rejection on uniforms and
//! exponentials below 1.

use super::distributions::{standard_exponential, standard_normal};
use super::generator::{Generator, check_non_negative, draw};
use super::pcg64::Pcg64;
use ndcore::error::Result;
use ndcore::{Array, IntoDimension};

/// One standard gamma variate of `shape` (`random_standard_gamma`).
pub(crate) fn standard_gamma(bg: &mut Pcg64, shape: f64) -> f64 {
    if shape == 1.0 {
        return standard_exponential(bg);
    }
    if shape == 0.0 {
        return 0.0;
    }
    if shape < 1.0 {
        loop {
            let u = bg.next_f64();
            let v = standard_exponential(bg);
            if u <= 1.0 - shape {
                let x = u.powf(1.0 / shape);
                if x <= v {
                    return x;
                }
            } else {
                let y = -((1.0 - u) / shape).ln();
                let x = (1.0 - shape + shape * y).powf(1.0 / shape);
                if x <= v + y {
                    return x;
                }
            }
        }
    }
    let b = shape - 1.0 / 3.0;
    let c = 1.0 / (9.0 * b).sqrt();
    loop {
        let (x, mut v) = loop {
            let x = standard_normal(bg);
            let v = 1.0 + c * x;
            if v > 0.0 {
                break (x, v);
            }
        };
        v = v * v * v;
        let u = bg.next_f64();
        if u < 1.0 - 0.0331 * (x * x) * (x * x) {
            return b * v;
        }
        if u.ln() < 0.5 * x * x + b * (1.0 - v + v.ln()) {
            return b * v;
        }
    }
}

impl Generator {
    /// Standard gamma float64 numbers of a shape `k` (mean `k`). Like
    /// `rng.standard_gamma(shape, size)`.
    ///
    /// # Errors
    /// A negative shape: "shape < 0"; and as [`random`](Self::random).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// let x = default_rng(0).standard_gamma(2.5, 4).unwrap();
    /// assert!(x.iter().all(|&v| v > 0.0));
    /// // shape 1 is the exponential distribution, drawn the same way
    /// let e = default_rng(0).standard_exponential(4).unwrap();
    /// assert_eq!(default_rng(0).standard_gamma(1.0, 4).unwrap(), e);
    /// ```
    pub fn standard_gamma<Sh: IntoDimension>(
        &mut self,
        shape: f64,
        size: Sh,
    ) -> Result<Array<f64, Sh::Dim>> {
        check_non_negative(shape, "shape")?;
        let bg = self.bit_generator_mut();
        draw(size, || standard_gamma(bg, shape))
    }

    /// Gamma float64 numbers of a shape `k` and a scale θ: `θ · standard_gamma(k)`. Like
    /// `rng.gamma(shape, scale, size)`.
    ///
    /// # Errors
    /// A negative shape: "shape < 0"; a negative scale: "scale < 0"; and as
    /// [`random`](Self::random).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// let x = default_rng(0).gamma(0.5, 2.0, 3).unwrap();
    /// let g = default_rng(0).standard_gamma(0.5, 3).unwrap();
    /// assert_eq!(x[[2]], 2.0 * g[[2]]);
    /// ```
    pub fn gamma<Sh: IntoDimension>(
        &mut self,
        shape: f64,
        scale: f64,
        size: Sh,
    ) -> Result<Array<f64, Sh::Dim>> {
        check_non_negative(shape, "shape")?;
        check_non_negative(scale, "scale")?;
        let bg = self.bit_generator_mut();
        draw(size, || scale * standard_gamma(bg, shape))
    }
}
