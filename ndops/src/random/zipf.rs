//! Zipf variates as NumPy draws them (`random_zipf`): rejection from a continuous
//! power law, truncated at int64's maximum.

use super::generator::{Generator, draw};
use super::pcg64::Pcg64;
use ndcore::error::{Error, Result};
use ndcore::{Array, IntoDimension};

fn zipf(bg: &mut Pcg64, a: f64) -> i64 {
    // Past 1025, b overflows and the loop would not end; NumPy returns 1, which is all
    // but certain there (the chance of more is under 3e-309).
    if a >= 1025.0 {
        return 1;
    }
    let am1 = a - 1.0;
    let b = 2f64.powf(am1);
    let max = i64::MAX as f64;
    let umin = max.powf(-am1);
    loop {
        let u01 = bg.next_f64();
        let u = u01 * umin + (1.0 - u01);
        let v = bg.next_f64();
        let x = u.powf(-1.0 / am1).floor();
        if x > max || x < 1.0 {
            continue;
        }
        let t = (1.0 + 1.0 / x).powf(am1);
        if v * x * (t - 1.0) / (b - 1.0) <= t / b {
            return x as i64;
        }
    }
}

impl Generator {
    /// Zipf (zeta) int64 counts of exponent `a`. Like `rng.zipf(a, size)`.
    ///
    /// # Errors
    /// `a <= 1` or NaN: "a <= 1 or a is NaN"; and as [`random`](Self::random).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// let k = default_rng(0).zipf(2.0, 100).unwrap();
    /// assert!(k.iter().all(|&v| v >= 1));
    /// ```
    pub fn zipf<Sh: IntoDimension>(&mut self, a: f64, size: Sh) -> Result<Array<i64, Sh::Dim>> {
        if a.is_nan() || a <= 1.0 {
            return Err(Error::Value("a <= 1 or a is NaN".to_string()));
        }
        let bg = self.bit_generator_mut();
        draw(size, || zipf(bg, a))
    }
}
