//! Geometric variates as NumPy draws them (`random_geometric`): a sequential search for
//! `p >= 1/3`, inversion of an exponential below.

use super::distributions::standard_exponential;
use super::generator::{Generator, draw};
use super::pcg64::Pcg64;
use ndcore::error::{Error, Result};
use ndcore::{Array, IntoDimension};

/// One geometric variate, trials up to the first success (`random_geometric`).
fn geometric(bg: &mut Pcg64, p: f64) -> i64 {
    if p >= 0.333_333_333_333_333_3 {
        let u = bg.next_f64();
        let (mut x, mut sum, mut prod) = (1i64, p, p);
        let q = 1.0 - p;
        while u > sum {
            prod *= q;
            sum += prod;
            x += 1;
        }
        return x;
    }
    let z = (-standard_exponential(bg) / (-p).ln_1p()).ceil();
    // 2^63, the first float64 past int64's maximum.
    if z >= 9.223_372_036_854_776e18 {
        i64::MAX
    } else {
        z as i64
    }
}

impl Generator {
    /// Geometric int64 counts: trials up to and including the first success of
    /// probability `p`. Like `rng.geometric(p, size)`.
    ///
    /// # Errors
    /// `p` outside `(0, 1]` or NaN: "p <= 0, p > 1 or p contains NaNs"; and as
    /// [`random`](Self::random).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// let k = default_rng(0).geometric(0.25, 100).unwrap();
    /// assert!(k.iter().all(|&v| v >= 1));
    /// assert_eq!(default_rng(0).geometric(1.0, 3).unwrap().to_vec(), vec![1, 1, 1]);
    /// ```
    pub fn geometric<Sh: IntoDimension>(
        &mut self,
        p: f64,
        size: Sh,
    ) -> Result<Array<i64, Sh::Dim>> {
        if p.is_nan() || p <= 0.0 || p > 1.0 {
            return Err(Error::Value("p <= 0, p > 1 or p contains NaNs".to_string()));
        }
        let bg = self.bit_generator_mut();
        draw(size, || geometric(bg, p))
    }
}
