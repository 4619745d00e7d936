//! Sorting networks in registers: ranges of up to [`NETWORK_MAX`] values, loaded into
//! AVX-512 registers padded with `+inf`, sorted by column networks, transposes and bitonic
//! merges, and stored back.

use std::arch::x86_64::*;

/// Ranges up to this long are sorted in registers (more would spill the 32 registers, and
/// measured slower); longer ones are partitioned, which needs at least `16 H` values.
pub(super) const NETWORK_MAX: usize = 128;

#[inline]
#[target_feature(enable = "avx512f,popcnt")]
fn index(p: [i64; 8]) -> __m512i {
    // SAFETY: reads the 8 `i64` of `p` (unaligned load).
    unsafe { _mm512_loadu_epi64(p.as_ptr()) }
}

/// One comparator layer inside a register: lane `i` meets lane `perm[i]`; the lanes in
/// `hi` (those whose partner has the lower index) keep the larger value.
#[inline]
#[target_feature(enable = "avx512f,popcnt")]
fn layer(v: __m512d, perm: __m512i, hi: __mmask8) -> __m512d {
    let o = _mm512_permutexvar_pd(perm, v);
    _mm512_mask_max_pd(_mm512_min_pd(v, o), hi, v, o)
}

#[inline]
#[target_feature(enable = "avx512f,popcnt")]
fn xor1() -> __m512i {
    index([1, 0, 3, 2, 5, 4, 7, 6])
}

#[inline]
#[target_feature(enable = "avx512f,popcnt")]
fn xor2() -> __m512i {
    index([2, 3, 0, 1, 6, 7, 4, 5])
}

#[inline]
#[target_feature(enable = "avx512f,popcnt")]
fn reverse() -> __m512i {
    index([7, 6, 5, 4, 3, 2, 1, 0])
}

/// Sorts the 8 lanes of a register (bitonic: merges of 2, 4, 8, each opened by a flip).
#[inline]
#[target_feature(enable = "avx512f,popcnt")]
pub(super) fn sort8(v: __m512d) -> __m512d {
    let v = layer(v, xor1(), 0xAA);
    let v = layer(v, index([3, 2, 1, 0, 7, 6, 5, 4]), 0xCC);
    let v = layer(v, xor1(), 0xAA);
    let v = layer(v, reverse(), 0xF0);
    let v = layer(v, xor2(), 0xCC);
    layer(v, xor1(), 0xAA)
}

/// The half-cleaners inside a register (distances 4, 2, 1) that end a bitonic merge.
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
#[inline]
#[target_feature(enable = "avx512f,popcnt")]
pub(super) fn sort_registers<const R: usize, const P: usize>(r: &mut [__m512d; P]) {
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
            // SAFETY: the lanes of the mask lie in `p..p+n`; the register's start may lie
            // past them (a mask of none), so it is computed by wrapping.
            unsafe { _mm512_mask_loadu_pd(inf, mask(j), p.wrapping_add(8 * j)) }
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
                _mm512_mask_storeu_pd(p.wrapping_add(8 * j), mask(j), *x);
            }
        }
    }
}

/// Sorts `n <= NETWORK_MAX` values at `p` in few registers (sizes past 4 registers in
/// even counts: fewer copies of the code).
///
/// # Safety
/// AVX-512F; `p..p+n` readable and writable.
#[target_feature(enable = "avx512f,popcnt")]
pub(super) unsafe fn sort_small(p: *mut f64, n: usize) {
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
