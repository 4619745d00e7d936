//! NumPy's closed-form continuous distributions (`distributions.c`): each a formula of
//! uniform, normal, exponential or gamma draws, with NumPy's parameter checks.

use super::distributions::{standard_exponential, standard_normal};
use super::gamma::standard_gamma;
use super::generator::{Generator, check_non_negative, draw};
use super::pcg64::Pcg64;
use ndcore::error::{Error, Result};
use ndcore::{Array, IntoDimension};

/// NumPy's check of a positive parameter (`CONS_POSITIVE`): NaN passes.
fn check_positive(v: f64, name: &str) -> Result<()> {
    if v <= 0.0 {
        return Err(Error::Value(format!("{name} <= 0")));
    }
    Ok(())
}

fn chisquare(bg: &mut Pcg64, df: f64) -> f64 {
    2.0 * standard_gamma(bg, df / 2.0)
}

/// Uniform draws above 0 (NumPy draws again on an exact 0).
fn positive_uniform(bg: &mut Pcg64) -> f64 {
    loop {
        let u = bg.next_f64();
        if u > 0.0 {
            return u;
        }
    }
}

/// One beta variate (`random_beta`): Jöhnk's algorithm when both shapes are at most 1
/// (with NumPy's log-space rescue when a power underflows), else a ratio of gammas.
fn beta(bg: &mut Pcg64, a: f64, b: f64) -> f64 {
    if a <= 1.0 && b <= 1.0 {
        const TINY: f64 = 3e-103;
        if a < TINY && b < TINY {
            // Below this only 0 or 1 come out: pick by the proportion a / (a + b).
            let u = bg.next_f64();
            return if (a + b) * u < a { 1.0 } else { 0.0 };
        }
        loop {
            let u = bg.next_f64();
            let v = bg.next_f64();
            let x = u.powf(1.0 / a);
            let y = v.powf(1.0 / b);
            let xpy = x + y;
            if xpy <= 1.0 && u + v > 0.0 {
                if x > 0.0 && y > 0.0 {
                    return x / xpy;
                }
                let delta = u.ln() / a - v.ln() / b;
                return if delta > 0.0 {
                    (-(-delta).exp().ln_1p()).exp()
                } else {
                    (delta - delta.exp().ln_1p()).exp()
                };
            }
        }
    }
    let ga = standard_gamma(bg, a);
    let gb = standard_gamma(bg, b);
    ga / (ga + gb)
}

impl Generator {
    /// Beta float64 numbers in `[0, 1]` of shapes `a` and `b`. Like `rng.beta(a, b, size)`.
    ///
    /// # Errors
    /// "a <= 0", "b <= 0"; and as [`random`](Self::random).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// let x = default_rng(0).beta(0.5, 0.5, 5).unwrap();
    /// assert!(x.iter().all(|&v| (0.0..=1.0).contains(&v)));
    /// ```
    pub fn beta<Sh: IntoDimension>(
        &mut self,
        a: f64,
        b: f64,
        size: Sh,
    ) -> Result<Array<f64, Sh::Dim>> {
        check_positive(a, "a")?;
        check_positive(b, "b")?;
        let bg = self.bit_generator_mut();
        draw(size, || beta(bg, a, b))
    }

    /// Chi-square float64 numbers with `df` degrees of freedom: `2 · standard_gamma(df /
    /// 2)`. Like `rng.chisquare(df, size)`.
    ///
    /// # Errors
    /// `df <= 0`: "df <= 0"; and as [`random`](Self::random).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// let x = default_rng(0).chisquare(3.0, 4).unwrap();
    /// assert!(x.iter().all(|&v| v > 0.0));
    /// ```
    pub fn chisquare<Sh: IntoDimension>(
        &mut self,
        df: f64,
        size: Sh,
    ) -> Result<Array<f64, Sh::Dim>> {
        check_positive(df, "df")?;
        let bg = self.bit_generator_mut();
        draw(size, || chisquare(bg, df))
    }

    /// F-distributed float64 numbers: `(χ²(dfnum) · dfden) / (χ²(dfden) · dfnum)`. Like
    /// `rng.f(dfnum, dfden, size)`.
    ///
    /// # Errors
    /// "dfnum <= 0", "dfden <= 0"; and as [`random`](Self::random).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// let x = default_rng(0).f(5.0, 2.0, 4).unwrap();
    /// assert!(x.iter().all(|&v| v > 0.0));
    /// ```
    pub fn f<Sh: IntoDimension>(
        &mut self,
        dfnum: f64,
        dfden: f64,
        size: Sh,
    ) -> Result<Array<f64, Sh::Dim>> {
        check_positive(dfnum, "dfnum")?;
        check_positive(dfden, "dfden")?;
        let bg = self.bit_generator_mut();
        draw(size, || {
            let num = chisquare(bg, dfnum) * dfden;
            let den = chisquare(bg, dfden) * dfnum;
            num / den
        })
    }

    /// Standard Cauchy float64 numbers: the ratio of two standard normals. Like
    /// `rng.standard_cauchy(size)`.
    ///
    /// # Errors
    /// As [`random`](Self::random).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// let x = default_rng(0).standard_cauchy(2).unwrap();
    /// let z = default_rng(0).standard_normal(4).unwrap();
    /// assert_eq!(x[[1]], z[[2]] / z[[3]]);
    /// ```
    pub fn standard_cauchy<Sh: IntoDimension>(&mut self, size: Sh) -> Result<Array<f64, Sh::Dim>> {
        let bg = self.bit_generator_mut();
        draw(size, || {
            let num = standard_normal(bg);
            num / standard_normal(bg)
        })
    }

    /// Student's t float64 numbers with `df` degrees of freedom. Like
    /// `rng.standard_t(df, size)`.
    ///
    /// # Errors
    /// `df <= 0`: "df <= 0"; and as [`random`](Self::random).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// assert_eq!(default_rng(0).standard_t(4.0, (2, 2)).unwrap().shape(), &[2, 2]);
    /// ```
    pub fn standard_t<Sh: IntoDimension>(
        &mut self,
        df: f64,
        size: Sh,
    ) -> Result<Array<f64, Sh::Dim>> {
        check_positive(df, "df")?;
        let bg = self.bit_generator_mut();
        draw(size, || {
            let num = standard_normal(bg);
            let den = standard_gamma(bg, df / 2.0);
            (df / 2.0).sqrt() * num / den.sqrt()
        })
    }

    /// Pareto II (Lomax) float64 numbers of shape `a`: `expm1(e / a)`. Like
    /// `rng.pareto(a, size)`.
    ///
    /// # Errors
    /// `a <= 0`: "a <= 0"; and as [`random`](Self::random).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// assert!(default_rng(0).pareto(3.0, 5).unwrap().iter().all(|&v| v >= 0.0));
    /// ```
    pub fn pareto<Sh: IntoDimension>(&mut self, a: f64, size: Sh) -> Result<Array<f64, Sh::Dim>> {
        check_positive(a, "a")?;
        let bg = self.bit_generator_mut();
        draw(size, || (standard_exponential(bg) / a).exp_m1())
    }

    /// Weibull float64 numbers of shape `a`: `e^(1/a)` (0 for `a == 0`). Like
    /// `rng.weibull(a, size)`.
    ///
    /// # Errors
    /// A negative `a`: "a < 0"; and as [`random`](Self::random).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// assert!(default_rng(0).weibull(1.5, 5).unwrap().iter().all(|&v| v >= 0.0));
    /// ```
    pub fn weibull<Sh: IntoDimension>(&mut self, a: f64, size: Sh) -> Result<Array<f64, Sh::Dim>> {
        check_non_negative(a, "a")?;
        let bg = self.bit_generator_mut();
        draw(size, || {
            if a == 0.0 {
                0.0
            } else {
                standard_exponential(bg).powf(1.0 / a)
            }
        })
    }

    /// Power-function float64 numbers in `[0, 1]` of exponent `a - 1`. Like
    /// `rng.power(a, size)`.
    ///
    /// # Errors
    /// `a <= 0`: "a <= 0"; and as [`random`](Self::random).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// let x = default_rng(0).power(5.0, 5).unwrap();
    /// assert!(x.iter().all(|&v| (0.0..=1.0).contains(&v)));
    /// ```
    pub fn power<Sh: IntoDimension>(&mut self, a: f64, size: Sh) -> Result<Array<f64, Sh::Dim>> {
        check_positive(a, "a")?;
        let bg = self.bit_generator_mut();
        draw(size, || {
            (-(-standard_exponential(bg)).exp_m1()).powf(1.0 / a)
        })
    }

    /// Laplace (double exponential) float64 numbers. Like `rng.laplace(loc, scale, size)`.
    ///
    /// # Errors
    /// A negative `scale`: "scale < 0"; and as [`random`](Self::random).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// assert_eq!(default_rng(0).laplace(1.0, 0.0, 3).unwrap().to_vec(), vec![1.0; 3]);
    /// ```
    pub fn laplace<Sh: IntoDimension>(
        &mut self,
        loc: f64,
        scale: f64,
        size: Sh,
    ) -> Result<Array<f64, Sh::Dim>> {
        check_non_negative(scale, "scale")?;
        let bg = self.bit_generator_mut();
        draw(size, || {
            let u = positive_uniform(bg);
            if u >= 0.5 {
                loc - scale * (2.0 - u - u).ln()
            } else {
                loc + scale * (u + u).ln()
            }
        })
    }

    /// Gumbel float64 numbers. Like `rng.gumbel(loc, scale, size)`.
    ///
    /// # Errors
    /// A negative `scale`: "scale < 0"; and as [`random`](Self::random).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// assert!(default_rng(0).gumbel(0.0, 1.0, 5).unwrap().iter().all(|v| v.is_finite()));
    /// ```
    pub fn gumbel<Sh: IntoDimension>(
        &mut self,
        loc: f64,
        scale: f64,
        size: Sh,
    ) -> Result<Array<f64, Sh::Dim>> {
        check_non_negative(scale, "scale")?;
        let bg = self.bit_generator_mut();
        draw(size, || {
            loop {
                // 1 - U in (0, 1]; NumPy draws again on exactly 1.
                let u = 1.0 - bg.next_f64();
                if u < 1.0 {
                    return loc - scale * (-u.ln()).ln();
                }
            }
        })
    }

    /// Logistic float64 numbers. Like `rng.logistic(loc, scale, size)`.
    ///
    /// # Errors
    /// A negative `scale`: "scale < 0"; and as [`random`](Self::random).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// assert!(default_rng(0).logistic(0.0, 1.0, 5).unwrap().iter().all(|v| v.is_finite()));
    /// ```
    pub fn logistic<Sh: IntoDimension>(
        &mut self,
        loc: f64,
        scale: f64,
        size: Sh,
    ) -> Result<Array<f64, Sh::Dim>> {
        check_non_negative(scale, "scale")?;
        let bg = self.bit_generator_mut();
        draw(size, || {
            let u = positive_uniform(bg);
            loc + scale * (u / (1.0 - u)).ln()
        })
    }

    /// Rayleigh float64 numbers: `scale · sqrt(2 e)`. Like `rng.rayleigh(scale, size)`.
    ///
    /// # Errors
    /// A negative `scale`: "scale < 0"; and as [`random`](Self::random).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// assert!(default_rng(0).rayleigh(2.0, 5).unwrap().iter().all(|&v| v >= 0.0));
    /// ```
    pub fn rayleigh<Sh: IntoDimension>(
        &mut self,
        scale: f64,
        size: Sh,
    ) -> Result<Array<f64, Sh::Dim>> {
        check_non_negative(scale, "scale")?;
        let bg = self.bit_generator_mut();
        draw(size, || scale * (2.0 * standard_exponential(bg)).sqrt())
    }

    /// Triangular float64 numbers on `[left, right]` peaking at `mode`. Like
    /// `rng.triangular(left, mode, right, size)`.
    ///
    /// # Errors
    /// NumPy's: "left > mode", "mode > right", "left == right"; and as
    /// [`random`](Self::random).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// let x = default_rng(0).triangular(-1.0, 0.0, 2.0, 5).unwrap();
    /// assert!(x.iter().all(|&v| (-1.0..=2.0).contains(&v)));
    /// ```
    pub fn triangular<Sh: IntoDimension>(
        &mut self,
        left: f64,
        mode: f64,
        right: f64,
        size: Sh,
    ) -> Result<Array<f64, Sh::Dim>> {
        let bad = if left > mode {
            Some("left > mode")
        } else if mode > right {
            Some("mode > right")
        } else if left == right {
            Some("left == right")
        } else {
            None
        };
        if let Some(msg) = bad {
            return Err(Error::Value(msg.to_string()));
        }
        let base = right - left;
        let leftbase = mode - left;
        let ratio = leftbase / base;
        let leftprod = leftbase * base;
        let rightprod = (right - mode) * base;
        let bg = self.bit_generator_mut();
        draw(size, || {
            let u = bg.next_f64();
            if u <= ratio {
                left + (u * leftprod).sqrt()
            } else {
                right - ((1.0 - u) * rightprod).sqrt()
            }
        })
    }
}
