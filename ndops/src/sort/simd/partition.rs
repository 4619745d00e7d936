//! The partition step of the vectorized quicksort: a range split around a pivot a
//! vector at a time, in place.

use super::network::NETWORK_MAX;
use std::arch::x86_64::*;

/// For each mask of the lanes that go right: the lane order that puts the others first
/// and then them, each in input order (lane `i`'s source in bits `4 i .. 4 i + 3`).
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
struct Ends {
    p: *mut f64,
    l_store: usize,
    r_store: usize,
    pv: __m512d,
    shifts: __m512i,
}

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
const H: usize = 8;

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
#[target_feature(enable = "avx512f,popcnt")]
pub(super) unsafe fn partition<const GT: bool>(
    p: *mut f64,
    left: usize,
    right: usize,
    pivot: f64,
) -> usize {
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
const PREFETCH: isize = 768;
