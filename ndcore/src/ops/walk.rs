//! Walking a loop-engine plan in blocks, for operands whose layouts disagree.
//!
//! When one operand is transposed relative to the others (`a + b.t()`), no axis order is
//! contiguous for all of them: the engine keeps the output's order, and the transposed
//! operand is read with a large stride along each run, one cache line per element. Walked
//! row by row, a line is fetched for one element and evicted before the next row, which
//! needs its neighbour, comes back to it. Walking the last two axes in blocks of [`BAND`]
//! rows by [`TILE`] columns keeps the block's lines of the transposed operand in cache
//! while the rows that share them (eight, for `f64`) go by, and keeps the other operands'
//! rows long enough to stream.
//!
//! Measured on `a + b.t()` of 2500×4000 f64 here: 37 ms row by row, 20 ms in column
//! blocks of all rows, 17 ms in 256×512 blocks, against 10 ms for contiguous operands;
//! software prefetching of the next lines gained 2–3% and was left out. With the output
//! streamed (non-temporal stores) and the strided operand read inside the vectorized
//! loop: 12.3 ms, against 6.0 ms contiguous (`paperbench --filter add_`); with the rows
//! of each block taken in pairs (the transposed operand's two elements of a column share
//! a line): 11.5 ms. Full rows in
//! bands of 8 (each line of the transposed operand used once) took 35 ms: a row of it
//! touches 4000 pages, more than the TLB holds.
//!
//! In cache (1000×1000, `cargo bench -p ndops --bench elementwise -- add_layout_1e6`), one
//! element per line of the transposed operand is what costs: 1.70 ms against 0.48 ms
//! contiguous. Four rows at a time with 4×4 blocks transposed in registers (8-byte
//! elements, AVX2 or above, cached outputs) read it a line at a time: 0.93 ms.

use crate::dimension::MAX_NDIM;
use crate::engine::{Plan, Run};

/// Width of a block, in elements (measured: 256 and 1024 were slower).
const TILE: usize = 512;

/// Height of a block, in rows (measured: 16 was slower, 128–512 the same).
const BAND: usize = 256;

/// Whether walking `plan` in tiles pays: at least two merged axes, long enough, and some
/// operand that steps further along the inner axis than along the next one.
pub(crate) fn wants_tiles<const K: usize>(plan: &Plan<K>) -> bool {
    let lens = plan.lens();
    let nd = lens.len();
    if nd < 2 || lens[nd - 1] <= TILE || lens[nd - 2] < 2 {
        return false;
    }
    let (sp, sq) = (plan.strides_of(nd - 2), plan.strides_of(nd - 1));
    (0..K).any(|k| sp[k] != 0 && sq[k].unsigned_abs() > sp[k].unsigned_abs())
}

/// Calls `kernel` for every run of `plan`, the last two axes walked in blocks.
/// Every element is visited exactly once, as `Plan::for_each_run` visits them, in another
/// order.
///
/// Before each row of a block, `rows` is offered that row's run, the byte step to the
/// next row of each operand, and the number of rows left in the block; it may process
/// several rows at once (a transposed operand read a few rows at a time) and returns how
/// many it did: 0 leaves the row to `kernel`.
///
/// # Safety
/// As `Plan::for_each_run`: every element of every operand must be valid for the accesses
/// the kernels make. `plan` must have at least two axes.
pub(crate) unsafe fn for_each_run_tiled<const K: usize>(
    plan: &Plan<K>,
    ptrs: [*mut u8; K],
    mut kernel: impl FnMut(Run<K>),
    mut rows: impl FnMut(Run<K>, [isize; K], usize) -> usize,
) {
    let lens = plan.lens();
    let nd = lens.len();
    debug_assert!((2..=MAX_NDIM).contains(&nd));
    let (p, q) = (lens[nd - 2], lens[nd - 1]);
    let (sp, sq) = (plan.strides_of(nd - 2), plan.strides_of(nd - 1));
    let outer = nd - 2;
    let mut idx = [0usize; MAX_NDIM];
    let mut base = ptrs;
    loop {
        let mut i0 = 0;
        while i0 < p {
            let h = BAND.min(p - i0);
            let mut j0 = 0;
            while j0 < q {
                let w = TILE.min(q - j0);
                let mut i = i0;
                while i < i0 + h {
                    let mut r = base;
                    for k in 0..K {
                        // Pointers stay inside the operands: (i, j0) is an index of the plan.
                        r[k] = r[k].wrapping_offset(i as isize * sp[k] + j0 as isize * sq[k]);
                    }
                    let run = Run {
                        ptrs: r,
                        strides: sq,
                        len: w,
                    };
                    let done = rows(run, sp, i0 + h - i).min(i0 + h - i);
                    if done == 0 {
                        kernel(run);
                        i += 1;
                    } else {
                        i += done;
                    }
                }
                j0 += w;
            }
            i0 += h;
        }
        if !plan.advance(outer, &mut idx, &mut base) {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::IterOrder;

    /// The byte offsets a walk visits, for one operand with byte strides `s`.
    fn visits(shape: &[usize], s: [&[isize]; 2], tiled: bool) -> Vec<(isize, isize)> {
        let plan = Plan::<2>::new(shape, s, IterOrder::Memory);
        let base = std::ptr::null_mut::<u8>().wrapping_add(1 << 20);
        let mut out = vec![];
        let rec = |r: Run<2>, out: &mut Vec<(isize, isize)>| {
            for e in 0..r.len as isize {
                out.push((
                    r.ptrs[0] as isize - (1 << 20) + e * r.strides[0],
                    r.ptrs[1] as isize - (1 << 20) + e * r.strides[1],
                ));
            }
        };
        // SAFETY: the kernels only compute addresses; nothing is dereferenced.
        unsafe {
            if tiled {
                for_each_run_tiled(&plan, [base, base], |r| rec(r, &mut out), |_, _, _| 0);
            } else {
                plan.for_each_run([base, base], |r| rec(r, &mut out));
            }
        }
        out.sort();
        out
    }

    #[test]
    fn tiles_visit_every_element_once() {
        // (3, 2, 700) C-ordered output, F-ordered input.
        let shape = [3, 2, 700];
        let c: [isize; 3] = [2 * 700 * 8, 700 * 8, 8];
        let f: [isize; 3] = [8, 3 * 8, 3 * 2 * 8];
        let plan = Plan::<2>::new(&shape, [&c, &f], IterOrder::Memory);
        assert!(wants_tiles(&plan));
        assert_eq!(
            visits(&shape, [&c, &f], true),
            visits(&shape, [&c, &f], false)
        );
        assert_eq!(visits(&shape, [&c, &f], true).len(), 3 * 2 * 700);
        let plain = Plan::<2>::new(&shape, [&c, &c], IterOrder::Memory);
        assert!(!wants_tiles(&plain));
    }
}
