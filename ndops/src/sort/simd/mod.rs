//! A vectorized quicksort of `f64` for CPUs with AVX-512 (the approach of NumPy's
//! x86-simd-sort, written for nd: partitions a vector at a time, ranges of up to 128 values
//! sorted in registers by networks), used by [`sort_f64`] for long lanes of values.
//!
//! The sort itself is unstable and sees no NaN; [`sort_f64`] gives NumPy's stable result:
//! NaNs are replaced by `+inf` before and put back, in their input order, after the
//! infinities; if the input holds a `-0.0`, the run of zeros is rewritten in input order.

#[cfg(target_arch = "x86_64")]
mod network;
#[cfg(target_arch = "x86_64")]
mod partition;

#[cfg(target_arch = "x86_64")]
use network::{NETWORK_MAX, sort_registers, sort_small, sort8};
#[cfg(target_arch = "x86_64")]
use partition::partition;
#[cfg(target_arch = "x86_64")]
use std::arch::x86_64::*;

/// Sorts `v` as NumPy's stable sort orders it (NaN last, zeros in input order), with the
/// vectorized quicksort when the CPU has AVX-512; `false` (and `v` untouched) otherwise.
pub(crate) fn sort_f64(v: &mut [f64]) -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx512f")
            && std::arch::is_x86_feature_detected!("popcnt")
        {
            // SAFETY: the CPU has AVX-512F (checked above).
            let (any_nan, neg_zero) = unsafe { scan(v) };
            let (nans, zeros) = set_aside(v, any_nan, neg_zero);
            let n = v.len();
            // SAFETY: the CPU has AVX-512F and POPCNT (checked above); `v` holds no NaN.
            unsafe { qsort(v.as_mut_ptr(), n, 2 * (usize::BITS - n.leading_zeros())) };
            put_back(v, &nans, &zeros);
            return true;
        }
    }
    let _ = v;
    false
}

/// Replaces NaNs by `+inf`, returning them in order, and the zeros in order if any of them
/// is `-0.0` (else none: the sort then leaves identical `0.0`s). `any_nan` and `neg_zero`
/// say whether there are any ([`scan`]).
fn set_aside(v: &mut [f64], any_nan: bool, neg_zero: bool) -> (Vec<f64>, Vec<f64>) {
    let mut nans = Vec::new();
    if any_nan {
        for x in v.iter_mut() {
            if x.is_nan() {
                nans.push(*x);
                *x = f64::INFINITY;
            }
        }
    }
    let zeros = if neg_zero {
        v.iter().copied().filter(|&x| x == 0.0).collect()
    } else {
        Vec::new()
    };
    (nans, zeros)
}

/// Whether `v` holds a NaN, and whether it holds a `-0.0`, a vector at a time.
///
/// # Safety
/// AVX-512F.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,popcnt")]
unsafe fn scan(v: &[f64]) -> (bool, bool) {
    let neg_zero = _mm512_set1_epi64(i64::MIN);
    let (mut nan, mut nz) = (0u8, 0u8);
    let chunks = v.chunks_exact(32);
    let tail = chunks.remainder();
    for c in chunks {
        for k in 0..4 {
            // SAFETY: 8 of the 32 values of `c`.
            let x = unsafe { _mm512_loadu_pd(c.as_ptr().add(8 * k)) };
            nan |= _mm512_cmp_pd_mask::<_CMP_UNORD_Q>(x, x);
            nz |= _mm512_cmpeq_epi64_mask(_mm512_castpd_si512(x), neg_zero);
        }
    }
    let mut any_nan = nan != 0;
    let mut any_nz = nz != 0;
    for &x in tail {
        any_nan |= x.is_nan();
        any_nz |= x == 0.0 && x.is_sign_negative();
    }
    (any_nan, any_nz)
}

fn put_back(v: &mut [f64], nans: &[f64], zeros: &[f64]) {
    let n = v.len();
    // The placeholders are among the trailing +infs, all alike: the last ones become NaNs.
    v[n - nans.len()..].copy_from_slice(nans);
    if !zeros.is_empty() {
        let start = v.partition_point(|&x| x < 0.0);
        v[start..start + zeros.len()].copy_from_slice(zeros);
    }
}

/// The median of 8 values spread over `p[0..n]`, or of 64 for long ranges (fewer levels
/// of partitions for the cost of a few loads).
///
/// # Safety
/// AVX-512F; `n >= 64` readable values at `p`.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,popcnt")]
unsafe fn pivot_of(p: *const f64, n: usize) -> f64 {
    // Registers built from scalar loads (a store of single values then a vector load
    // would stall on store forwarding).
    let get = |step: usize, k: usize| {
        // SAFETY: sample `k < n / step` (8 or 64 samples), so `k * step + step / 2 < n`.
        unsafe { *p.add(k * step + step / 2) }
    };
    let reg = |step: usize, j: usize| {
        let g = |i| get(step, 8 * j + i);
        _mm512_setr_pd(g(0), g(1), g(2), g(3), g(4), g(5), g(6), g(7))
    };
    let mut mid = [0.0f64; 8];
    if n >= 4096 {
        let step = n / 64;
        let mut r: [__m512d; 8] = std::array::from_fn(|j| reg(step, j));
        sort_registers::<8, 8>(&mut r);
        // SAFETY: 8 values into `mid`.
        unsafe { _mm512_storeu_pd(mid.as_mut_ptr(), r[4]) };
        mid[0]
    } else {
        // SAFETY: 8 values into `mid`.
        unsafe { _mm512_storeu_pd(mid.as_mut_ptr(), sort8(reg(n / 8, 0))) };
        mid[4]
    }
}

/// Sorts `p[0..n]` (no NaN), unstable; `depth` partitions at most before falling back to
/// std's sort.
///
/// # Safety
/// AVX-512F; `p[0..n]` readable and writable, no NaN.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,popcnt")]
unsafe fn qsort(p: *mut f64, n: usize, depth: u32) {
    if n <= NETWORK_MAX {
        // SAFETY: the caller's range.
        unsafe { sort_small(p, n) };
        return;
    }
    if depth == 0 {
        // SAFETY: the caller's range, borrowed for the fallback only.
        let s = unsafe { std::slice::from_raw_parts_mut(p, n) };
        s.sort_unstable_by(f64::total_cmp);
        return;
    }
    // SAFETY: AVX-512F; the caller's range, n > NETWORK_MAX >= 8.
    let pivot = unsafe { pivot_of(p, n) };
    // SAFETY: AVX-512F (the caller's); a sub-range of the caller's range, NaN-free.
    let mid = unsafe { partition::<false>(p, 0, n, pivot) };
    if mid == 0 {
        // Nothing below the pivot, so it is the minimum: split off the values equal to it
        // instead (they need no sorting), so copies of the minimum cannot stall.
        // SAFETY: AVX-512F; the caller's range, NaN-free.
        let eq = unsafe { partition::<true>(p, 0, n, pivot) };
        // SAFETY: AVX-512F (the caller's); a sub-range of the caller's range, NaN-free.
        unsafe { qsort(p.add(eq), n - eq, depth - 1) };
        return;
    }
    // SAFETY: AVX-512F (the caller's); a sub-range of the caller's range, NaN-free.
    unsafe { qsort(p, mid, depth - 1) };
    // SAFETY: AVX-512F (the caller's); a sub-range of the caller's range, NaN-free.
    unsafe { qsort(p.add(mid), n - mid, depth - 1) };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sort::tests::lcg;

    #[test]
    fn matches_a_stable_sort_on_every_small_length_and_hard_patterns() {
        let mut cases: Vec<Vec<f64>> = Vec::new();
        for n in 0..300 {
            cases.push(
                lcg(n, n as u64)
                    .iter()
                    .map(|&r| (r % 17) as f64 - 8.0)
                    .collect(),
            );
        }
        let r = lcg(20000, 9);
        cases.push(r.iter().map(|&x| x as f64).collect());
        cases.push(r.iter().map(|&x| (x % 3) as f64).collect()); // many ties
        cases.push(vec![1.0; 5000]); // all equal
        cases.push((0..5000).map(f64::from).collect()); // sorted
        cases.push((0..5000).rev().map(f64::from).collect()); // reversed
        cases.push(
            r.iter()
                .map(|&x| match x % 7 {
                    0 => f64::NAN,
                    1 => -0.0,
                    2 => 0.0,
                    3 => -f64::NAN,
                    4 => f64::INFINITY,
                    5 => f64::NEG_INFINITY,
                    _ => (x % 100) as f64 - 50.0,
                })
                .collect(),
        );
        // Every length of distinct values up to 5 partitions deep, and lengths around the
        // register classes, the partition's remainders and the pivot's sample sizes.
        let mut lengths: Vec<usize> = (0..=700).collect();
        lengths.extend([1023, 1024, 1025, 4095, 4096, 4097, 9001]);
        for &n in &lengths {
            let r = lcg(n, 1000 + n as u64);
            cases.push(r.iter().map(|&x| (x as f64) / 3.0 - 1e15).collect());
        }
        for c in cases {
            let mut want = c.clone();
            want.sort_by(|a, b| match (a.is_nan(), b.is_nan()) {
                (true, true) => std::cmp::Ordering::Equal,
                (true, false) => std::cmp::Ordering::Greater,
                (false, true) => std::cmp::Ordering::Less,
                _ => a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal),
            });
            let mut got = c.clone();
            if !sort_f64(&mut got) {
                return; // no AVX-512 here: nothing to test
            }
            let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&got), bits(&want), "n = {}", c.len());
        }
    }
}

#[cfg(test)]
mod timing {
    /// `cargo test -p ndops --release --lib sort::simd::timing -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn time_sort_f64() {
        let n = 1_000_000i64;
        let x: Vec<f64> = (0..n)
            .map(|i| ((i * 2654435761) % 1000003) as f64 / 1000003.0)
            .collect();
        let mut y = x.clone();
        let mut best = std::time::Duration::MAX;
        for _ in 0..60 {
            y.copy_from_slice(&x);
            let t = std::time::Instant::now();
            super::sort_f64(&mut y);
            best = best.min(t.elapsed());
        }
        eprintln!("sort_f64 of 1e6: best {best:?}");
        let n = n as usize;
        let patterns: [(&str, Vec<f64>); 6] = [
            ("all equal", vec![1.0; n]),
            ("sorted", (0..n).map(|i| i as f64).collect()),
            ("reversed", (0..n).rev().map(|i| i as f64).collect()),
            (
                "three values",
                x.iter().map(|v| (v * 3.0).floor()).collect(),
            ),
            ("sawtooth", (0..n).map(|i| (i % 1000) as f64).collect()),
            ("organ pipe", (0..n).map(|i| i.min(n - i) as f64).collect()),
        ];
        for (name, v) in patterns {
            let mut y = v.clone();
            let t = std::time::Instant::now();
            super::sort_f64(&mut y);
            let e = t.elapsed();
            assert!(y.windows(2).all(|w| w[0] <= w[1]));
            eprintln!("{name}: {e:?}");
        }
    }
}
