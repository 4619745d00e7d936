//! Binomial variates as NumPy draws them (`random_binomial`): inversion while the mean of
//! the smaller tail is at most 30, Kachitvichyanukul and Schmeiser's BTPE above, with
//! NumPy's correction of the paper's final bound.

use super::generator::{Generator, draw};
use super::pcg64::Pcg64;
use ndcore::error::{Error, Result};
use ndcore::{Array, IntoDimension};

/// Inversion from 0 upwards, restarting past a bound (`random_binomial_inversion`).
fn inversion(bg: &mut Pcg64, n: i64, p: f64) -> i64 {
    let q = 1.0 - p;
    let qn = (n as f64 * (-p).ln_1p()).exp();
    let np = n as f64 * p;
    let bound = (n as f64).min(np + 10.0 * (np * q + 1.0).sqrt()) as i64;
    let mut x = 0i64;
    let mut px = qn;
    let mut u = bg.next_f64();
    while u > px {
        x += 1;
        if x > bound {
            x = 0;
            px = qn;
            u = bg.next_f64();
        } else {
            u -= px;
            px = ((n - x).wrapping_add(1) as f64 * p * px) / (x as f64 * q);
        }
    }
    x
}

/// The squeeze of BTPE's step 5.2 (Stirling's series at four points), true to reject.
fn btpe_rejects(a: f64, xm: f64, n: i64, m: i64, y: i64, r: f64, q: f64) -> bool {
    let x1 = y as f64 + 1.0;
    let f1 = m as f64 + 1.0;
    let z = n as f64 + 1.0 - m as f64;
    let w = n as f64 - y as f64 + 1.0;
    let (x2, f2, z2, w2) = (x1 * x1, f1 * f1, z * z, w * w);
    let corr = |v: f64, v2: f64| {
        (13860. - (462. - (132. - (99. - 140. / v2) / v2) / v2) / v2) / v / 166320.
    };
    // The third and fourth terms are subtracted (NumPy's fix of the 1988 paper).
    a > xm * (f1 / x1).ln()
        + ((n - m) as f64 + 0.5) * (z / w).ln()
        + (y - m) as f64 * (w * r / (x1 * q)).ln()
        + corr(f1, f2)
        + corr(z, z2)
        - corr(x1, x2)
        - corr(w, w2)
}

/// BTPE (`random_binomial_btpe`) for `p <= 0.5` and `n p > 30`.
fn btpe(bg: &mut Pcg64, n: i64, p: f64) -> i64 {
    let r = p.min(1.0 - p);
    let q = 1.0 - r;
    let fm = n as f64 * r + r;
    let m = fm.floor() as i64;
    let p1 = (2.195 * (n as f64 * r * q).sqrt() - 4.6 * q).floor() + 0.5;
    let xm = m as f64 + 0.5;
    let xl = xm - p1;
    let xr = xm + p1;
    let c = 0.134 + 20.5 / (15.3 + m as f64);
    let a = (fm - xl) / (fm - xl * r);
    let laml = a * (1.0 + a / 2.0);
    let a = (xr - fm) / (xr * q);
    let lamr = a * (1.0 + a / 2.0);
    let p2 = p1 * (1.0 + 2.0 * c);
    let p3 = p2 + c / laml;
    let p4 = p3 + c / lamr;
    let nrq = n as f64 * r * q;
    let y = 'draw: loop {
        let u = bg.next_f64() * p4;
        let mut v = bg.next_f64();
        let y;
        if u <= p1 {
            // Step 1: the triangle, accepted outright.
            break 'draw (xm - p1 * v + u).floor() as i64;
        } else if u <= p2 {
            // Step 2: the parallelograms.
            let x = xl + (u - p1) / c;
            v = v * c + 1.0 - (m as f64 - x + 0.5).abs() / p1;
            if v > 1.0 {
                continue;
            }
            y = x.floor() as i64;
        } else if u <= p3 {
            // Step 3: the left exponential tail.
            let t = (xl + v.ln() / laml).floor();
            if t < 0.0 || v == 0.0 {
                continue;
            }
            y = t as i64;
            v = v * (u - p2) * laml;
        } else {
            // Step 4: the right exponential tail.
            let t = (xr - v.ln() / lamr).floor();
            if t > n as f64 || v == 0.0 {
                continue;
            }
            y = t as i64;
            v = v * (u - p3) * lamr;
        }
        // Step 5: the acceptance test, exact near the mode, squeezed far from it.
        let k = (y - m).abs();
        if k > 20 && (k as f64) < nrq / 2.0 - 1.0 {
            let kf = k as f64;
            let rho = (kf / nrq) * ((kf * (kf / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
            let t = (-k).wrapping_mul(k) as f64 / (2.0 * nrq);
            let big_a = v.ln();
            if big_a < t - rho {
                break 'draw y;
            }
            if big_a > t + rho || btpe_rejects(big_a, xm, n, m, y, r, q) {
                continue;
            }
            break 'draw y;
        }
        let s = r / q;
        let a = s * n.wrapping_add(1) as f64;
        let mut f = 1.0;
        if m < y {
            for i in m + 1..=y {
                f *= a / i as f64 - s;
            }
        } else if m > y {
            for i in y + 1..=m {
                f /= a / i as f64 - s;
            }
        }
        if v <= f {
            break 'draw y;
        }
    };
    if p > 0.5 { n - y } else { y }
}

/// One binomial variate (`random_binomial`).
pub(crate) fn binomial(bg: &mut Pcg64, p: f64, n: i64) -> i64 {
    if n == 0 || p == 0.0 {
        return 0;
    }
    if p <= 0.5 {
        if p * n as f64 <= 30.0 {
            inversion(bg, n, p)
        } else {
            btpe(bg, n, p)
        }
    } else {
        let q = 1.0 - p;
        if q * n as f64 <= 30.0 {
            n - inversion(bg, n, q)
        } else {
            n - btpe(bg, n, q)
        }
    }
}

impl Generator {
    /// Binomial int64 counts: successes in `n` trials of probability `p`. Like
    /// `rng.binomial(n, p, size)`.
    ///
    /// # Errors
    /// NumPy's: `p` outside `[0, 1]` or NaN: "p < 0, p > 1 or p is NaN"; a negative `n`:
    /// "n < 0"; and as [`random`](Self::random).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// let k = default_rng(0).binomial(10, 0.3, 1000).unwrap(); // rng.binomial(10, 0.3, 1000)
    /// assert!(k.iter().all(|&v| (0..=10).contains(&v)));
    /// assert_eq!(default_rng(0).binomial(-1, 0.5, 1).unwrap_err().to_string(), "n < 0");
    /// ```
    pub fn binomial<Sh: IntoDimension>(
        &mut self,
        n: i64,
        p: f64,
        size: Sh,
    ) -> Result<Array<i64, Sh::Dim>> {
        if p.is_nan() || !(0.0..=1.0).contains(&p) {
            return Err(Error::Value("p < 0, p > 1 or p is NaN".to_string()));
        }
        if n < 0 {
            return Err(Error::Value("n < 0".to_string()));
        }
        let bg = self.bit_generator_mut();
        draw(size, || binomial(bg, p, n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extreme_counts_stay_in_range_without_overflow() {
        let mut bg = Pcg64::new(3u64);
        for (p, n) in [
            (1e-18, i64::MAX),
            (0.5, i64::MAX),
            (0.999, i64::MAX),
            (0.3, 1 << 40),
        ] {
            for _ in 0..50 {
                let k = binomial(&mut bg, p, n);
                assert!((0..=n).contains(&k), "binomial({n}, {p}) gave {k}");
            }
        }
        assert_eq!(binomial(&mut bg, 1.0, 12), 12);
    }
}
