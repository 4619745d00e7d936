//! Poisson variates as NumPy draws them (`random_poisson`): multiplying uniforms for
//! `lam < 10`, Hörmann's transformed rejection (PTRS) above; and the negative binomial,
//! a Poisson of a gamma-distributed mean.

use super::gamma::standard_gamma;
use super::generator::{Generator, draw};
use super::pcg64::Pcg64;
use ndcore::error::{Error, Result};
use ndcore::{Array, IntoDimension};

/// The largest `lam` NumPy accepts: `int64 max - 10 · sqrt(int64 max)`, in float64.
fn lam_max() -> f64 {
    let m = i64::MAX as f64;
    m - m.sqrt() * 10.0
}

/// `log Γ(x)` by NumPy's series (`random_loggam`), which PTRS's test uses: its own digits,
/// not libm's `lgamma`.
fn loggam(x: f64) -> f64 {
    const A: [f64; 10] = [
        8.333333333333333e-02,
        -2.777777777777778e-03,
        7.936507936507937e-04,
        -5.952380952380952e-04,
        8.417508417508418e-04,
        -1.917526917526918e-03,
        6.41025641025641e-03,
        -2.955065359477124e-02,
        1.796443723688307e-01,
        -1.39243221690590e+00,
    ];
    if x == 1.0 || x == 2.0 {
        return 0.0;
    }
    let n = if x < 7.0 { (7.0 - x) as i64 } else { 0 };
    let mut x0 = x + n as f64;
    let x2 = (1.0 / x0) * (1.0 / x0);
    let lg2pi = 1.837_877_066_409_345_3;
    let mut gl0 = A[9];
    for &a in A[..9].iter().rev() {
        gl0 *= x2;
        gl0 += a;
    }
    let mut gl = gl0 / x0 + 0.5 * lg2pi + (x0 - 0.5) * x0.ln() - x0;
    if x < 7.0 {
        for _ in 1..=n {
            gl -= (x0 - 1.0).ln();
            x0 -= 1.0;
        }
    }
    gl
}

/// Multiplying uniforms until the product drops under `e^-lam` (`random_poisson_mult`).
fn poisson_mult(bg: &mut Pcg64, lam: f64) -> i64 {
    let enlam = (-lam).exp();
    let mut x = 0;
    let mut prod = 1.0;
    loop {
        prod *= bg.next_f64();
        if prod > enlam {
            x += 1;
        } else {
            return x;
        }
    }
}

/// Hörmann's PTRS (`random_poisson_ptrs`).
fn poisson_ptrs(bg: &mut Pcg64, lam: f64) -> i64 {
    let slam = lam.sqrt();
    let loglam = lam.ln();
    let b = 0.931 + 2.53 * slam;
    let a = -0.059 + 0.02483 * b;
    let invalpha = 1.1239 + 1.1328 / (b - 3.4);
    let vr = 0.9277 - 3.6224 / (b - 2.0);
    loop {
        let u = bg.next_f64() - 0.5;
        let v = bg.next_f64();
        let us = 0.5 - u.abs();
        let k = ((2.0 * a / us + b) * u + lam + 0.43).floor() as i64;
        if us >= 0.07 && v <= vr {
            return k;
        }
        if k < 0 || (us < 0.013 && v > us) {
            continue;
        }
        if v.ln() + invalpha.ln() - (a / (us * us) + b).ln()
            <= -lam + k as f64 * loglam - loggam(k as f64 + 1.0)
        {
            return k;
        }
    }
}

/// One Poisson variate (`random_poisson`).
pub(crate) fn poisson(bg: &mut Pcg64, lam: f64) -> i64 {
    if lam >= 10.0 {
        poisson_ptrs(bg, lam)
    } else if lam == 0.0 {
        0
    } else {
        poisson_mult(bg, lam)
    }
}

impl Generator {
    /// Poisson int64 counts with mean `lam`. Like `rng.poisson(lam, size)`.
    ///
    /// # Errors
    /// NumPy's: a negative or NaN `lam`: "lam < 0 or lam is NaN"; one past
    /// `int64 max - 10 sqrt(int64 max)`: "lam value too large"; and as
    /// [`random`](Self::random).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// let k = default_rng(0).poisson(3.0, 1000).unwrap();
    /// assert!(k.iter().all(|&v| v >= 0));
    /// assert_eq!(default_rng(0).poisson(-1.0, 1).unwrap_err().to_string(), "lam < 0 or lam is NaN");
    /// ```
    pub fn poisson<Sh: IntoDimension>(
        &mut self,
        lam: f64,
        size: Sh,
    ) -> Result<Array<i64, Sh::Dim>> {
        if lam.is_nan() || lam < 0.0 {
            return Err(Error::Value("lam < 0 or lam is NaN".to_string()));
        }
        if lam > lam_max() {
            return Err(Error::Value("lam value too large".to_string()));
        }
        let bg = self.bit_generator_mut();
        draw(size, || poisson(bg, lam))
    }
}

impl Generator {
    /// Negative binomial int64 counts: failures before the `n`-th success of probability
    /// `p` (`n` may be fractional). Like `rng.negative_binomial(n, p, size)`.
    ///
    /// # Errors
    /// NumPy's: "n must not be NaN", "n <= 0", "p <= 0, p > 1 or p contains NaNs", and "n
    /// too large or p too small, see Generator.negative_binomial Notes" when the gamma mean
    /// could pass Poisson's limit; and as [`random`](Self::random).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// let k = default_rng(0).negative_binomial(3.0, 0.4, 100).unwrap();
    /// assert!(k.iter().all(|&v| v >= 0));
    /// ```
    pub fn negative_binomial<Sh: IntoDimension>(
        &mut self,
        n: f64,
        p: f64,
        size: Sh,
    ) -> Result<Array<i64, Sh::Dim>> {
        let err = |m: &str| Err(Error::Value(m.to_string()));
        if n.is_nan() {
            return err("n must not be NaN");
        }
        if n <= 0.0 {
            return err("n <= 0");
        }
        if p.is_nan() || p <= 0.0 || p > 1.0 {
            return err("p <= 0, p > 1 or p contains NaNs");
        }
        if (1.0 - p) / p * (n + 10.0 * n.sqrt()) > lam_max() {
            return err("n too large or p too small, see Generator.negative_binomial Notes");
        }
        let scale = (1.0 - p) / p;
        let bg = self.bit_generator_mut();
        draw(size, || {
            let y = scale * standard_gamma(bg, n);
            poisson(bg, y)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extreme_means_return() {
        let mut bg = Pcg64::new(5u64);
        for lam in [lam_max(), 1e15, 1e-300, 9.999_999] {
            for _ in 0..20 {
                assert!(poisson(&mut bg, lam) >= 0, "lam {lam}");
            }
        }
    }

    #[test]
    fn loggam_is_log_gamma() {
        // Γ(5) = 24, Γ(0.5) = √π, Γ(10.5) = 1133278.3889487855…
        assert!((loggam(5.0) - 24f64.ln()).abs() < 1e-14);
        assert!((loggam(0.5) - std::f64::consts::PI.sqrt().ln()).abs() < 1e-14);
        assert!((loggam(10.5) - 1_133_278.388_948_785_5f64.ln()).abs() < 1e-13);
        assert_eq!(loggam(1.0), 0.0);
    }
}
