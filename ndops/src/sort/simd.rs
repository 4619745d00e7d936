//! A vectorized quicksort of `f64` for CPUs with AVX-512 (the approach of NumPy's
//! x86-simd-sort: partitions with compress-stores, small ranges by bitonic networks in
//! registers), written for nd; used by [`sort_f64`] for long lanes of values.
//!
//! The sort itself is unstable and sees no NaN; [`sort_f64`] gives NumPy's stable result:
//! NaNs are replaced by `+inf` before and put back, in their input order, after the
//! infinities; if the input holds a `-0.0`, the run of zeros is rewritten in input order.

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
            let (nans, zeros) = set_aside(v);
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
/// is `-0.0` (else none: the sort then leaves identical `0.0`s).
fn set_aside(v: &mut [f64]) -> (Vec<f64>, Vec<f64>) {
    let (mut any_nan, mut neg_zero) = (false, false);
    for &x in v.iter() {
        any_nan |= x.is_nan();
        neg_zero |= x == 0.0 && x.is_sign_negative();
    }
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

fn put_back(v: &mut [f64], nans: &[f64], zeros: &[f64]) {
    let n = v.len();
    // The placeholders are among the trailing +infs, all alike: the last ones become NaNs.
    v[n - nans.len()..].copy_from_slice(nans);
    if !zeros.is_empty() {
        let start = v.partition_point(|&x| x < 0.0);
        v[start..start + zeros.len()].copy_from_slice(zeros);
    }
}

/// Vectors a partition step reads at once (more loads and compares in flight, fewer
/// unpredictable branches).
#[cfg(target_arch = "x86_64")]
const U: usize = 8;

/// Below this many elements a range is sorted by the bitonic network in registers.
#[cfg(target_arch = "x86_64")]
const NETWORK_MAX: usize = 128;

#[cfg(target_arch = "x86_64")]
#[inline]
#[target_feature(enable = "avx512f,popcnt")]
fn index(p: [i64; 8]) -> __m512i {
    // SAFETY: reads the 8 `i64` of `p` (unaligned load).
    unsafe { _mm512_loadu_epi64(p.as_ptr()) }
}

/// One comparator layer inside a register: lane `i` meets lane `perm[i]`; the lanes in
/// `hi` (those whose partner has the lower index) keep the larger value.
#[cfg(target_arch = "x86_64")]
#[inline]
#[target_feature(enable = "avx512f,popcnt")]
fn layer(v: __m512d, perm: __m512i, hi: __mmask8) -> __m512d {
    let o = _mm512_permutexvar_pd(perm, v);
    _mm512_mask_blend_pd(hi, _mm512_min_pd(v, o), _mm512_max_pd(v, o))
}

#[cfg(target_arch = "x86_64")]
#[inline]
#[target_feature(enable = "avx512f,popcnt")]
fn xor1() -> __m512i {
    index([1, 0, 3, 2, 5, 4, 7, 6])
}

#[cfg(target_arch = "x86_64")]
#[inline]
#[target_feature(enable = "avx512f,popcnt")]
fn xor2() -> __m512i {
    index([2, 3, 0, 1, 6, 7, 4, 5])
}

#[cfg(target_arch = "x86_64")]
#[inline]
#[target_feature(enable = "avx512f,popcnt")]
fn reverse() -> __m512i {
    index([7, 6, 5, 4, 3, 2, 1, 0])
}

/// Sorts the 8 lanes of a register (bitonic: merges of 2, 4, 8, each opened by a flip).
#[cfg(target_arch = "x86_64")]
#[inline]
#[target_feature(enable = "avx512f,popcnt")]
fn sort8(v: __m512d) -> __m512d {
    let v = layer(v, xor1(), 0xAA);
    let v = layer(v, index([3, 2, 1, 0, 7, 6, 5, 4]), 0xCC);
    let v = layer(v, xor1(), 0xAA);
    let v = layer(v, reverse(), 0xF0);
    let v = layer(v, xor2(), 0xCC);
    layer(v, xor1(), 0xAA)
}

/// The half-cleaners inside a register (distances 4, 2, 1) that end a bitonic merge.
#[cfg(target_arch = "x86_64")]
#[inline]
#[target_feature(enable = "avx512f,popcnt")]
fn clean8(v: __m512d) -> __m512d {
    let v = layer(v, index([4, 5, 6, 7, 0, 1, 2, 3]), 0xF0);
    let v = layer(v, xor2(), 0xCC);
    layer(v, xor1(), 0xAA)
}

/// Sorts `R` registers (a power of two) as one sequence of `8 * R` values. `R` is a
/// constant so the loops unroll and the values stay in registers.
#[cfg(target_arch = "x86_64")]
#[inline]
#[target_feature(enable = "avx512f,popcnt")]
fn sort_registers<const R: usize>(r: &mut [__m512d; R]) {
    for x in r.iter_mut() {
        *x = sort8(*x);
    }
    let rev = reverse();
    let mut m = 2;
    while m <= R {
        for block in r.chunks_exact_mut(m) {
            // The flip: element g meets g ^ (8m - 1), register j the reverse of m-1-j.
            for j in 0..m / 2 {
                let a = block[j];
                let b = _mm512_permutexvar_pd(rev, block[m - 1 - j]);
                block[j] = _mm512_min_pd(a, b);
                block[m - 1 - j] = _mm512_permutexvar_pd(rev, _mm512_max_pd(a, b));
            }
            let mut d = m / 4;
            while d >= 1 {
                for j in 0..m {
                    if j & d == 0 {
                        let (a, b) = (block[j], block[j + d]);
                        block[j] = _mm512_min_pd(a, b);
                        block[j + d] = _mm512_max_pd(a, b);
                    }
                }
                d /= 2;
            }
            for x in block.iter_mut() {
                *x = clean8(*x);
            }
        }
        m *= 2;
    }
}

/// Sorts `n <= 8 R` values at `p` in `R` registers, padded with `+inf`.
///
/// # Safety
/// AVX-512F; `p..p+n` readable and writable.
#[cfg(target_arch = "x86_64")]
#[inline]
#[target_feature(enable = "avx512f,popcnt")]
unsafe fn sort_small_in<const R: usize>(p: *mut f64, n: usize) {
    let mut r = [_mm512_set1_pd(f64::INFINITY); R];
    for (j, x) in r.iter_mut().enumerate() {
        let have = n.saturating_sub(8 * j).min(8);
        let m = ((1u32 << have) - 1) as __mmask8;
        // SAFETY: the `have` lanes of the mask lie in `p..p+n` (none when `have` is 0).
        *x = unsafe { _mm512_mask_loadu_pd(*x, m, p.add(8 * j)) };
    }
    sort_registers::<R>(&mut r);
    for (j, x) in r.iter().enumerate() {
        let have = n.saturating_sub(8 * j).min(8);
        let m = ((1u32 << have) - 1) as __mmask8;
        // SAFETY: as the loads.
        unsafe { _mm512_mask_storeu_pd(p.add(8 * j), m, *x) };
    }
}

/// Sorts `n <= NETWORK_MAX` values at `p` in the fewest registers (a power of two).
///
/// # Safety
/// AVX-512F; `p..p+n` readable and writable.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,popcnt")]
unsafe fn sort_small(p: *mut f64, n: usize) {
    // SAFETY: AVX-512F; each arm gets the caller's range with `n <= 8 R`.
    unsafe {
        match n.div_ceil(8) {
            0..=1 => sort_small_in::<1>(p, n),
            2 => sort_small_in::<2>(p, n),
            3..=4 => sort_small_in::<4>(p, n),
            5..=8 => sort_small_in::<8>(p, n),
            _ => sort_small_in::<16>(p, n),
        }
    }
}

/// Stores the lanes of `v` below the pivot at `left` and the others ending at `right`,
/// returning how many went right.
///
/// # Safety
/// AVX-512F; the stores stay inside the range being partitioned (the caller's invariant:
/// `right - left >= 8` free slots between its store points).
#[cfg(target_arch = "x86_64")]
#[inline]
#[target_feature(enable = "avx512f,popcnt")]
unsafe fn partition_vec<const GT: bool>(
    p: *mut f64,
    left: usize,
    right: usize,
    v: __m512d,
    pivot: __m512d,
) -> usize {
    let right_mask = if GT {
        _mm512_cmp_pd_mask::<_CMP_GT_OQ>(v, pivot)
    } else {
        _mm512_cmp_pd_mask::<_CMP_GE_OQ>(v, pivot)
    };
    let n_right = right_mask.count_ones() as usize;
    // SAFETY: `8 - n_right` lanes at `left` and `n_right` lanes ending at `right`, both in
    // the free slots the caller keeps between its store points.
    unsafe {
        _mm512_mask_compressstoreu_pd(p.add(left), !right_mask, v);
        _mm512_mask_compressstoreu_pd(p.add(right - n_right), right_mask, v);
    }
    n_right
}

/// Partitions `p[left..right]` in place: values below `pivot` (with `GT`: not above it)
/// first. Returns the split.
///
/// # Safety
/// AVX-512F; `p[left..right]` readable and writable, no NaN.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,popcnt")]
unsafe fn partition<const GT: bool>(
    p: *mut f64,
    mut left: usize,
    mut right: usize,
    pivot: f64,
) -> usize {
    let goes_right = |x: f64| if GT { x > pivot } else { x >= pivot };
    // Scalar steps until the length is a multiple of 8.
    // SAFETY (all raw accesses below): indices stay in the caller's `left..right`.
    for _ in 0..(right - left) % 8 {
        // SAFETY: AVX-512F; indices in the caller's range; stores into free slots.
        let x = unsafe { *p.add(left) };
        if goes_right(x) {
            right -= 1;
            // SAFETY: AVX-512F; indices in the caller's range; stores into free slots.
            unsafe { std::ptr::swap(p.add(left), p.add(right)) };
        } else {
            left += 1;
        }
    }
    if left == right {
        return left;
    }
    let pv = _mm512_set1_pd(pivot);
    // `held` vectors from each end wait in registers, so every store has room: the slots
    // read but not yet written always number 16 `held` at the start of a step, which
    // reads at most `held` vectors from the side with the smaller gap (the other keeps at
    // least 8 `held` free slots for them).
    let total = (right - left) / 8;
    if total == 1 {
        // SAFETY: AVX-512F; the one vector of the range, stored back into its own slots.
        let r = unsafe {
            let v = _mm512_loadu_pd(p.add(left));
            partition_vec::<GT>(p, left, right, v, pv)
        };
        return right - r;
    }
    // SAFETY: AVX-512F; the caller's range (now a multiple of 8 long, at least 16).
    unsafe {
        if total >= 2 * U {
            partition_held::<GT, U>(p, left, right, pv)
        } else {
            partition_held::<GT, 1>(p, left, right, pv)
        }
    }
}

/// The vector part of [`partition`]: `H` vectors from each end wait in registers, so
/// every store has room. The slots read but not yet written number 16 `H` at the start
/// of a step, which reads `H` vectors (or one) from the side with the smaller gap: the
/// other side keeps at least 8 `H` free slots for them. `H` is a constant so the vectors
/// of a step stay in registers.
///
/// # Safety
/// AVX-512F; `p[left..right]` readable and writable, `right - left` a multiple of 8 and at
/// least `16 H`.
#[cfg(target_arch = "x86_64")]
#[inline]
#[target_feature(enable = "avx512f,popcnt")]
unsafe fn partition_held<const GT: bool, const H: usize>(
    p: *mut f64,
    mut left: usize,
    mut right: usize,
    pv: __m512d,
) -> usize {
    let mut v_left = [pv; H];
    let mut v_right = [pv; H];
    for k in 0..H {
        // SAFETY: the first and last `H` vectors of the caller's range.
        unsafe {
            v_left[k] = _mm512_loadu_pd(p.add(left + 8 * k));
            v_right[k] = _mm512_loadu_pd(p.add(right - 8 * (H - k)));
        }
    }
    let (mut l_store, mut r_end) = (left, right);
    left += 8 * H;
    right -= 8 * H;
    while left != right {
        let step = if (right - left) / 8 >= H { H } else { 1 };
        let from = if r_end - right < left - l_store {
            right -= 8 * step;
            right
        } else {
            left += 8 * step;
            left - 8 * step
        };
        if step == H {
            let mut cur = [pv; H];
            for (k, c) in cur.iter_mut().enumerate() {
                // SAFETY: `H` unread vectors of the caller's range.
                *c = unsafe { _mm512_loadu_pd(p.add(from + 8 * k)) };
            }
            for c in cur {
                // SAFETY: stores into free slots (the invariant above).
                let r = unsafe { partition_vec::<GT>(p, l_store, r_end, c, pv) };
                r_end -= r;
                l_store += 8 - r;
            }
        } else {
            // SAFETY: one unread vector, then stores into free slots.
            let r = unsafe {
                let c = _mm512_loadu_pd(p.add(from));
                partition_vec::<GT>(p, l_store, r_end, c, pv)
            };
            r_end -= r;
            l_store += 8 - r;
        }
    }
    for c in v_left.into_iter().chain(v_right) {
        // SAFETY: the last 16 `H` free slots are filled exactly.
        let r = unsafe { partition_vec::<GT>(p, l_store, r_end, c, pv) };
        r_end -= r;
        l_store += 8 - r;
    }
    l_store
}

/// The median of 8 values spread over `p[0..n]`, or of 64 for long ranges (fewer levels
/// of partitions for the cost of a few loads).
///
/// # Safety
/// AVX-512F; `n >= 64` readable values at `p`.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,popcnt")]
unsafe fn pivot_of(p: *const f64, n: usize) -> f64 {
    let samples = if n >= 4096 { 64 } else { 8 };
    let step = n / samples;
    let mut s = [0.0f64; 64];
    for (k, x) in s[..samples].iter_mut().enumerate() {
        // SAFETY: `k * step + step / 2 < samples * step <= n`.
        *x = unsafe { *p.add(k * step + step / 2) };
    }
    if samples == 8 {
        // SAFETY: reads and writes the first 8 values of `s`.
        unsafe {
            let v = sort8(_mm512_loadu_pd(s.as_ptr()));
            _mm512_storeu_pd(s.as_mut_ptr(), v);
        }
    } else {
        // SAFETY: the 64 values of `s`, sorted in registers.
        unsafe { sort_small_in::<8>(s.as_mut_ptr(), 64) };
    }
    s[samples / 2]
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

    fn lcg(n: usize, seed: u64) -> Vec<u64> {
        let mut s = seed;
        (0..n)
            .map(|_| {
                s = s
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                s >> 11
            })
            .collect()
    }

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
