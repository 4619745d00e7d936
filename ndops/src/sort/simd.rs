//! A vectorized quicksort of `f64` for CPUs with AVX-512 (the approach of NumPy's
//! x86-simd-sort, written for nd: partitions a vector at a time, ranges of up to 128 values
//! sorted in registers by networks), used by [`sort_f64`] for long lanes of values.
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

/// Ranges up to this long are sorted in registers (more would spill the 32 registers, and
/// measured slower); longer ones are partitioned, which needs at least `16 H` values.
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
    _mm512_mask_max_pd(_mm512_min_pd(v, o), hi, v, o)
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

/// [`clean8`] of two registers at once: their halves, quarters and pairs meet across
/// the two (two shuffles and a min and a max per layer for both, against three or four
/// operations for each in [`layer`]), then one shuffle each puts the lanes back.
#[cfg(target_arch = "x86_64")]
#[inline]
#[target_feature(enable = "avx512f,popcnt")]
fn clean8x2(a: __m512d, b: __m512d) -> (__m512d, __m512d) {
    // Distance 4: x = lanes 0-3 of a and b, y = lanes 4-7.
    let x = _mm512_shuffle_f64x2::<0b01_00_01_00>(a, b);
    let y = _mm512_shuffle_f64x2::<0b11_10_11_10>(a, b);
    let (lo, hi) = (_mm512_min_pd(x, y), _mm512_max_pd(x, y));
    // lo: a0-a3 b0-b3, hi: a4-a7 b4-b7. Distance 2: x = a0 a1 a4 a5 b0 b1 b4 b5.
    let x = _mm512_permutex2var_pd(lo, index([0, 1, 8, 9, 4, 5, 12, 13]), hi);
    let y = _mm512_permutex2var_pd(lo, index([2, 3, 10, 11, 6, 7, 14, 15]), hi);
    let (lo, hi) = (_mm512_min_pd(x, y), _mm512_max_pd(x, y));
    // lo: a0 a1 a4 a5 b0 b1 b4 b5, hi: a2 a3 a6 a7 b2 b3 b6 b7. Distance 1: the even
    // elements (a0 a2 a4 a6 b0 ...) against the odd.
    let x = _mm512_unpacklo_pd(lo, hi);
    let y = _mm512_unpackhi_pd(lo, hi);
    let (even, odd) = (_mm512_min_pd(x, y), _mm512_max_pd(x, y));
    (
        _mm512_permutex2var_pd(even, index([0, 8, 1, 9, 2, 10, 3, 11]), odd),
        _mm512_permutex2var_pd(even, index([4, 12, 5, 13, 6, 14, 7, 15]), odd),
    )
}

/// The comparator layers of [`sort8`] as lane pairs `(lo, hi)`: the smaller value goes to
/// `lo`.
#[cfg(target_arch = "x86_64")]
const SORT8_LAYERS: [[(usize, usize); 4]; 6] = [
    [(0, 1), (2, 3), (4, 5), (6, 7)],
    [(0, 3), (1, 2), (4, 7), (5, 6)],
    [(0, 1), (2, 3), (4, 5), (6, 7)],
    [(0, 7), (1, 6), (2, 5), (3, 4)],
    [(0, 2), (1, 3), (4, 6), (5, 7)],
    [(0, 1), (2, 3), (4, 5), (6, 7)],
];

/// The shuffles of [`sort8x2`]: for each layer, the two-register indices that gather the
/// smaller and the larger element of each pair (pairs of `a` in lanes 0-3, of `b` in
/// 4-7), and at the end the indices that put `a` and `b` back in order.
#[cfg(target_arch = "x86_64")]
const SORT8X2: ([[[i64; 8]; 2]; 6], [[i64; 8]; 2]) = {
    // `at[e]`: where element `e` (of `a`: 0-7, of `b`: 8-15) is, as a two-register index
    // (lanes of the first register 0-7, of the second 8-15).
    let mut at = [0i64; 16];
    let mut e = 0;
    while e < 16 {
        at[e] = e as i64;
        e += 1;
    }
    let mut gather = [[[0i64; 8]; 2]; 6];
    let mut l = 0;
    while l < 6 {
        let mut t = 0;
        while t < 8 {
            let (lo, hi) = SORT8_LAYERS[l][t % 4];
            let base = if t < 4 { 0 } else { 8 };
            gather[l][0][t] = at[base + lo];
            gather[l][1][t] = at[base + hi];
            t += 1;
        }
        // After the min and max, lane t of the first register holds the smaller element of
        // pair t, of the second the larger.
        let mut t = 0;
        while t < 8 {
            let (lo, hi) = SORT8_LAYERS[l][t % 4];
            let base = if t < 4 { 0 } else { 8 };
            at[base + lo] = t as i64;
            at[base + hi] = 8 + t as i64;
            t += 1;
        }
        l += 1;
    }
    let mut back = [[0i64; 8]; 2];
    let mut i = 0;
    while i < 8 {
        back[0][i] = at[i];
        back[1][i] = at[8 + i];
        i += 1;
    }
    (gather, back)
};

/// [`sort8`] of two registers at once: each layer gathers the smaller and the larger
/// element of its 8 pairs (4 of each register) into two registers by two shuffles, then a
/// min and a max serve all 8 (against a shuffle, a min, a max and a blend per register).
#[cfg(target_arch = "x86_64")]
#[inline]
#[target_feature(enable = "avx512f,popcnt")]
fn sort8x2(a: __m512d, b: __m512d) -> (__m512d, __m512d) {
    let (mut x, mut y) = (a, b);
    for g in SORT8X2.0 {
        let lo = _mm512_permutex2var_pd(x, index(g[0]), y);
        let hi = _mm512_permutex2var_pd(x, index(g[1]), y);
        (x, y) = (_mm512_min_pd(lo, hi), _mm512_max_pd(lo, hi));
    }
    let back = SORT8X2.1;
    (
        _mm512_permutex2var_pd(x, index(back[0]), y),
        _mm512_permutex2var_pd(x, index(back[1]), y),
    )
}

/// Sorts each of 8 registers: the columns by an optimal 19-comparator network (whole
/// registers, no shuffles), then an 8x8 transpose makes each sorted column a register.
#[cfg(target_arch = "x86_64")]
#[inline]
#[target_feature(enable = "avx512f,popcnt")]
fn sort8x8(r: &mut [__m512d]) {
    // Written out: LLVM keeps a loop over a table of pairs as a loop through memory.
    macro_rules! cmp {
        ($(($i:literal, $j:literal)),*) => {$(
            let (a, b) = (r[$i], r[$j]);
            r[$i] = _mm512_min_pd(a, b);
            r[$j] = _mm512_max_pd(a, b);
        )*};
    }
    cmp!((0, 2), (1, 3), (4, 6), (5, 7));
    cmp!((0, 4), (1, 5), (2, 6), (3, 7));
    cmp!((0, 1), (2, 3), (4, 5), (6, 7));
    cmp!((2, 4), (3, 5));
    cmp!((1, 4), (3, 6));
    cmp!((1, 2), (3, 4), (5, 6));
    let t: [__m512d; 8] = std::array::from_fn(|k| {
        let (a, b) = (r[k & !1], r[k | 1]);
        if k & 1 == 0 {
            _mm512_unpacklo_pd(a, b)
        } else {
            _mm512_unpackhi_pd(a, b)
        }
    });
    // t[2i] = rows 2i,2i+1 at even columns; t[2i+1] at odd columns.
    let lo = index([0, 1, 8, 9, 4, 5, 12, 13]);
    let hi = index([2, 3, 10, 11, 6, 7, 14, 15]);
    let u: [__m512d; 8] = std::array::from_fn(|k| {
        // u[4h + c] (c < 4): rows 4h..4h+4 at columns c and c + 4.
        let (h, c) = (k / 4, k % 4);
        let (a, b) = (t[4 * h + (c & 1)], t[4 * h + 2 + (c & 1)]);
        _mm512_permutex2var_pd(a, if c < 2 { lo } else { hi }, b)
    });
    for (c, x) in r.iter_mut().enumerate().take(8) {
        let (a, b) = (u[c % 4], u[4 + c % 4]);
        *x = if c < 4 {
            _mm512_shuffle_f64x2::<0b01_00_01_00>(a, b)
        } else {
            _mm512_shuffle_f64x2::<0b11_10_11_10>(a, b)
        };
    }
}

/// Sorts the first `R` of `P` registers (`P` a power of two, `R <= P`; the others hold
/// `+inf`, and comparators that meet them are skipped) as one sequence of `8 * R` values.
/// Constants, so the loops unroll and the values stay in registers.
#[cfg(target_arch = "x86_64")]
#[inline]
#[target_feature(enable = "avx512f,popcnt")]
fn sort_registers<const R: usize, const P: usize>(r: &mut [__m512d; P]) {
    let mut g = 0;
    while g + 8 <= R {
        sort8x8(&mut r[g..g + 8]);
        g += 8;
    }
    while g + 1 < R {
        (r[g], r[g + 1]) = sort8x2(r[g], r[g + 1]);
        g += 2;
    }
    if g < R {
        r[g] = sort8(r[g]);
    }
    // One call per stage: a loop over the stages would keep `m` a variable, and the
    // registers indexed by it would live in memory.
    if P >= 2 {
        merge_stage::<R, P, 2>(r);
    }
    if P >= 4 {
        merge_stage::<R, P, 4>(r);
    }
    if P >= 8 {
        merge_stage::<R, P, 8>(r);
    }
    if P >= 16 {
        merge_stage::<R, P, 16>(r);
    }
    if P >= 32 {
        merge_stage::<R, P, 32>(r);
    }
}

/// Merges each block of `M` registers, whose halves are sorted, of the first `R` of `P`
/// (see [`sort_registers`]).
#[cfg(target_arch = "x86_64")]
#[inline]
#[target_feature(enable = "avx512f,popcnt")]
fn merge_stage<const R: usize, const P: usize, const M: usize>(r: &mut [__m512d; P]) {
    let rev = reverse();
    for blk in 0..P / M {
        let b = blk * M;
        if b + M / 2 >= R {
            // The upper half is padding: the lower, sorted, is already merged.
            break;
        }
        // The flip: element g meets g ^ (8M - 1), register j the reverse of M-1-j.
        for j in 0..M / 2 {
            let (lo, hi) = (b + j, b + M - 1 - j);
            if hi < R {
                let a = r[lo];
                let c = _mm512_permutexvar_pd(rev, r[hi]);
                r[lo] = _mm512_min_pd(a, c);
                r[hi] = _mm512_permutexvar_pd(rev, _mm512_max_pd(a, c));
            }
        }
        // Half-cleaners across registers, distances M/4 down to 1.
        for s in (0..M.trailing_zeros().saturating_sub(1)).rev() {
            let d = 1 << s;
            for j in b..b + M {
                if j & d == 0 && j + d < R {
                    let (x, y) = (r[j], r[j + d]);
                    r[j] = _mm512_min_pd(x, y);
                    r[j + d] = _mm512_max_pd(x, y);
                }
            }
        }
        let end = (b + M).min(R);
        let mut j = b;
        while j + 1 < end {
            (r[j], r[j + 1]) = clean8x2(r[j], r[j + 1]);
            j += 2;
        }
        if j < end {
            r[j] = clean8(r[j]);
        }
    }
}

/// Sorts `n` values at `p` in `R` registers (`8 (R - T) <= n <= 8 R`: the last `T` may be
/// partly or wholly padding), padded with `+inf`.
///
/// # Safety
/// AVX-512F; `p..p+n` readable and writable.
#[cfg(target_arch = "x86_64")]
#[inline]
#[target_feature(enable = "avx512f,popcnt")]
unsafe fn sort_small_in<const R: usize, const P: usize, const T: usize>(p: *mut f64, n: usize) {
    debug_assert!(8 * (R - T) <= n && n <= 8 * R);
    let inf = _mm512_set1_pd(f64::INFINITY);
    let mask = |j: usize| ((1u32 << n.saturating_sub(8 * j).min(8)) - 1) as __mmask8;
    // Full registers, then the last ones as far as `n` goes. (Built by value: a loop of
    // loads into the array becomes a memcpy, and the array then lives in memory.)
    let mut r: [__m512d; P] = std::array::from_fn(|j| {
        if j + T < R {
            // SAFETY: `8 j + 8 <= 8 (R - T) <= n`.
            unsafe { _mm512_loadu_pd(p.add(8 * j)) }
        } else if j < R {
            // SAFETY: the lanes of the mask lie in `p..p+n`.
            unsafe { _mm512_mask_loadu_pd(inf, mask(j), p.add(8 * j)) }
        } else {
            inf
        }
    });
    sort_registers::<R, P>(&mut r);
    for (j, x) in r.iter().enumerate().take(R) {
        // SAFETY: as the loads.
        unsafe {
            if j + T < R {
                _mm512_storeu_pd(p.add(8 * j), *x);
            } else {
                _mm512_mask_storeu_pd(p.add(8 * j), mask(j), *x);
            }
        }
    }
}

/// Sorts `n <= NETWORK_MAX` values at `p` in few registers (sizes past 4 registers in
/// even counts: fewer copies of the code).
///
/// # Safety
/// AVX-512F; `p..p+n` readable and writable.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,popcnt")]
unsafe fn sort_small(p: *mut f64, n: usize) {
    // SAFETY: AVX-512F; each arm gets the caller's range with `n <= 8 R`.
    unsafe {
        match n.div_ceil(8) {
            0..=1 => sort_small_in::<1, 1, 1>(p, n),
            2 => sort_small_in::<2, 2, 1>(p, n),
            3 => sort_small_in::<3, 4, 1>(p, n),
            4 => sort_small_in::<4, 4, 1>(p, n),
            5..=6 => sort_small_in::<6, 8, 2>(p, n),
            7..=8 => sort_small_in::<8, 8, 2>(p, n),
            9..=10 => sort_small_in::<10, 16, 2>(p, n),
            11..=12 => sort_small_in::<12, 16, 2>(p, n),
            13..=14 => sort_small_in::<14, 16, 2>(p, n),
            _ => sort_small_in::<16, 16, 2>(p, n),
        }
    }
}

/// For each mask of the lanes that go right: the lane order that puts the others first
/// and then them, each in input order (lane `i`'s source in bits `4 i .. 4 i + 3`).
#[cfg(target_arch = "x86_64")]
const SPLIT: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut m = 0;
    while m < 256 {
        let (mut k, mut side) = (0, 0);
        while side < 2 {
            let mut i = 0;
            while i < 8 {
                if (m >> i) & 1 == side {
                    t[m] |= (i as u64) << (4 * k);
                    k += 1;
                }
                i += 1;
            }
            side += 1;
        }
        m += 1;
    }
    t
};

/// The lanes of `v` that go right of the pivot (`GT`: above it; else not below it).
#[cfg(target_arch = "x86_64")]
#[inline]
#[target_feature(enable = "avx512f,popcnt")]
fn goes_right<const GT: bool>(v: __m512d, pv: __m512d) -> __mmask8 {
    if GT {
        _mm512_cmp_pd_mask::<_CMP_GT_OQ>(v, pv)
    } else {
        _mm512_cmp_pd_mask::<_CMP_GE_OQ>(v, pv)
    }
}

/// The free slots `l_store..r_store` of a partition (read but not yet written) and how
/// it fills them: the lanes of a vector below the pivot at the left end, the others at
/// the right end.
#[cfg(target_arch = "x86_64")]
struct Ends {
    p: *mut f64,
    l_store: usize,
    r_store: usize,
    pv: __m512d,
    shifts: __m512i,
}

#[cfg(target_arch = "x86_64")]
impl Ends {
    /// Stores `v` split: permuted once (lanes below the pivot first), then written whole at
    /// both ends, each keeping its part. Two plain stores are cheaper than compress-stores.
    ///
    /// # Safety
    /// AVX-512F; 8 free slots at each end (`l_store..l_store+8` and `r_store-8..r_store`
    /// free), or the two ranges disjoint, or exactly 8 free slots in all (then both stores
    /// write the same vector to the same place).
    #[inline]
    #[target_feature(enable = "avx512f,popcnt")]
    unsafe fn split<const GT: bool>(&mut self, v: __m512d) {
        let m = goes_right::<GT>(v, self.pv);
        let n_right = m.count_ones() as usize;
        let idx = _mm512_srlv_epi64(_mm512_set1_epi64(SPLIT[m as usize] as i64), self.shifts);
        let w = _mm512_permutexvar_pd(idx, v);
        // SAFETY: the caller's free slots.
        unsafe {
            _mm512_storeu_pd(self.p.add(self.l_store), w);
            _mm512_storeu_pd(self.p.add(self.r_store - 8), w);
        }
        // Each end's count from its own popcount: `8 - n_right` would chain a subtraction
        // into the next store's address.
        self.l_store += (!m).count_ones() as usize;
        self.r_store -= n_right;
    }

    /// Stores the lanes of `v` in `valid` split, by compress-stores that write only them.
    ///
    /// # Safety
    /// AVX-512F; at least `valid.count_ones()` free slots.
    #[inline]
    #[target_feature(enable = "avx512f,popcnt")]
    unsafe fn compress<const GT: bool>(&mut self, v: __m512d, valid: __mmask8) {
        let m = goes_right::<GT>(v, self.pv) & valid;
        let n_right = m.count_ones() as usize;
        // SAFETY: the lanes below the pivot at `l_store`, the others ending at
        // `r_store`, together `valid.count_ones()` slots, all free.
        unsafe {
            _mm512_mask_compressstoreu_pd(self.p.add(self.l_store), valid & !m, v);
            _mm512_mask_compressstoreu_pd(self.p.add(self.r_store - n_right), m, v);
        }
        self.l_store += (valid & !m).count_ones() as usize;
        self.r_store -= n_right;
    }
}

/// Vectors a partition step reads at once and holds from each end.
#[cfg(target_arch = "x86_64")]
const H: usize = 8;

#[cfg(target_arch = "x86_64")]
const _: () = assert!(NETWORK_MAX + 1 >= 16 * H, "partition needs 16 H values");

/// Partitions `p[left..right]` in place: values below `pivot` (with `GT`: not above it)
/// first. Returns the split.
///
/// The first `(right - left) % 8` values wait in a register (stored by compress-stores
/// at the end), then `H` vectors from each end. Each step reads `H` vectors from the end
/// with fewer free slots (read but not yet written) and stores the `H` that the step
/// before read (the room this leaves is counted in the loop); the last fewer than `H`
/// vectors are read at once.
///
/// # Safety
/// AVX-512F; `p[left..right]` readable and writable, `right - left >= 16 H`, no NaN.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,popcnt")]
unsafe fn partition<const GT: bool>(p: *mut f64, left: usize, right: usize, pivot: f64) -> usize {
    debug_assert!(right - left >= 16 * H);
    let pv = _mm512_set1_pd(pivot);
    let rem = (right - left) % 8;
    let rem_mask = ((1u32 << rem) - 1) as __mmask8;
    // SAFETY: the first `rem` values of the caller's range.
    let v_rem = unsafe { _mm512_mask_loadu_pd(pv, rem_mask, p.add(left)) };
    let (mut l_read, mut r_read) = (left + rem, right);
    let mut v_left = [pv; H];
    let mut v_right = [pv; H];
    for k in 0..H {
        // SAFETY: the next `H` vectors from each end, inside the range (`16 H` fit).
        unsafe {
            v_left[k] = _mm512_loadu_pd(p.add(l_read + 8 * k));
            v_right[k] = _mm512_loadu_pd(p.add(r_read - 8 * (H - k)));
        }
    }
    l_read += 8 * H;
    r_read -= 8 * H;
    let mut e = Ends {
        p,
        l_store: left,
        r_store: right,
        pv,
        shifts: _mm512_setr_epi64(0, 4, 8, 12, 16, 20, 24, 28),
    };
    // Software-pipelined: the next batch is read before the current one is stored, so
    // the choice of the end to read (which waits for the last store positions) is a
    // batch ahead of the stores that need it. `H` more vectors held: the free slots
    // number `24 H + rem` at the start of each step, and the end read from (the one with
    // fewer) then has room for the 8 `H` values a step stores, the other at least 12 `H`.
    let mut cur: Option<[__m512d; H]> = None;
    while r_read - l_read >= 8 * H {
        // Which end is read depends on the data: chosen by masks, not a branch that
        // would mispredict every other step.
        let left = 0usize.wrapping_sub((l_read - e.l_store <= e.r_store - r_read) as usize);
        let from = (l_read & left) | ((r_read - 8 * H) & !left);
        l_read += (8 * H) & left;
        r_read -= (8 * H) & !left;
        // Hardware prefetchers lag on the descending end: fetch the next reads ahead.
        let ahead = (PREFETCH & left as isize) - (PREFETCH & !left as isize);
        let next: [__m512d; H] = std::array::from_fn(|k| {
            // SAFETY: `H` unread vectors of the range; a prefetch never faults.
            unsafe {
                let f = p.add(from + 8 * k).wrapping_offset(ahead);
                _mm_prefetch::<_MM_HINT_T0>(f as *const i8);
                _mm512_loadu_pd(p.add(from + 8 * k))
            }
        });
        if let Some(c) = cur {
            for v in c {
                // SAFETY: room at each end (above).
                unsafe { e.split::<GT>(v) };
            }
        }
        cur = Some(next);
    }
    // Fewer than `H` vectors are left unread: read them all, so the free slots are one
    // run in the middle, `8 u + 16 H + rem` long (and `8 H` more with a batch held) for
    // the vectors now held. Each but the last leaves at least `16 + rem`, so the two
    // stores of `split` cannot meet; the last goes by compress-stores.
    let u = (r_read - l_read) / 8;
    let rest: [__m512d; H] = std::array::from_fn(|k| {
        if k < u {
            // SAFETY: one of the `u` unread vectors.
            unsafe { _mm512_loadu_pd(p.add(l_read + 8 * k)) }
        } else {
            pv
        }
    });
    if let Some(c) = cur {
        for v in c {
            // SAFETY: the free slots counted above.
            unsafe { e.split::<GT>(v) };
        }
    }
    for (k, &c) in rest.iter().enumerate() {
        if k < u {
            // SAFETY: the free slots counted above.
            unsafe { e.split::<GT>(c) };
        }
    }
    for c in v_left {
        // SAFETY: the free slots counted above.
        unsafe { e.split::<GT>(c) };
    }
    for &c in &v_right[..H - 1] {
        // SAFETY: the free slots counted above.
        unsafe { e.split::<GT>(c) };
    }
    // SAFETY: `8 + rem` free slots.
    unsafe { e.compress::<GT>(v_right[H - 1], 0xFF) };
    // SAFETY: exactly `rem` free slots left, for the `rem` values held.
    unsafe { e.compress::<GT>(v_rem, rem_mask) };
    debug_assert_eq!(e.l_store, e.r_store);
    e.l_store
}

/// How far ahead (in values) a partition step prefetches.
#[cfg(target_arch = "x86_64")]
const PREFETCH: isize = 768;

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
