//! Walks a loop-engine plan in 2-d blocks: the two innermost merged axes at a time, so that
//! a kernel dispatched once handles a whole block of runs. A reduction over many short
//! runs (the rows of a tall, narrow matrix) then costs a loop iteration per run, not a
//! call through the SIMD dispatch.

use ndcore::dimension::MAX_NDIM;
use ndcore::engine::Plan;

/// One block: `rows` runs of `len` elements; run `r` of operand `k` starts at
/// `ptrs[k] + r * row_strides[k]` and steps `strides[k]` bytes.
#[derive(Clone, Copy)]
pub(crate) struct Block<const K: usize> {
    pub(crate) ptrs: [*mut u8; K],
    pub(crate) rows: usize,
    pub(crate) row_strides: [isize; K],
    pub(crate) len: usize,
    pub(crate) strides: [isize; K],
}

impl<const K: usize> Block<K> {
    /// The first pointers of run `r` (`r < rows`).
    #[inline(always)]
    pub(crate) fn row(&self, r: usize) -> [*mut u8; K] {
        let mut p = self.ptrs;
        for (pk, &s) in p.iter_mut().zip(&self.row_strides) {
            *pk = pk.wrapping_offset(r as isize * s);
        }
        p
    }
}

/// Calls `block` for every block of `plan` started at `ptrs`, in the plan's order. Only
/// computes pointers (with wrapping arithmetic); whoever reads through them vouches for
/// the plan matching the arrays.
pub(crate) fn for_each_block<const K: usize>(
    plan: &Plan<K>,
    ptrs: [*mut u8; K],
    mut block: impl FnMut(Block<K>),
) {
    let lens = plan.lens();
    let nd = lens.len();
    if nd == 0 {
        // Every axis had length 1: one element.
        return block(Block {
            ptrs,
            rows: 1,
            row_strides: [0; K],
            len: 1,
            strides: [0; K],
        });
    }
    let len = lens[nd - 1];
    if len == 0 {
        return;
    }
    let strides = plan.strides_of(nd - 1);
    if nd == 1 {
        return block(Block {
            ptrs,
            rows: 1,
            row_strides: [0; K],
            len,
            strides,
        });
    }
    let (rows, row_strides) = (lens[nd - 2], plan.strides_of(nd - 2));
    let outer = nd - 2;
    let mut idx = [0usize; MAX_NDIM];
    let mut cur = ptrs;
    loop {
        block(Block {
            ptrs: cur,
            rows,
            row_strides,
            len,
            strides,
        });
        if !plan.advance(outer, &mut idx, &mut cur) {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndcore::engine::IterOrder;

    /// (offset, stride, len) of each run.
    type Runs = Vec<(isize, isize, usize)>;

    /// Every run's (offset, stride, len), through blocks and through the engine's runs.
    fn runs_both(shape: &[usize], s: &[isize]) -> (Runs, Runs) {
        let plan = Plan::<1>::new(shape, [s], IterOrder::Memory);
        let base = std::ptr::null_mut::<u8>().wrapping_add(1 << 20);
        let mut a = vec![];
        for_each_block(&plan, [base], |b| {
            for r in 0..b.rows {
                a.push((b.row(r)[0] as isize - (1 << 20), b.strides[0], b.len));
            }
        });
        let mut e = vec![];
        // SAFETY: the kernel only records pointer values; nothing is dereferenced.
        unsafe {
            plan.for_each_run([base], |r| {
                e.push((r.ptrs[0] as isize - (1 << 20), r.strides[0], r.len))
            })
        };
        (a, e)
    }

    #[test]
    fn blocks_visit_the_engines_runs_in_order() {
        for (shape, s) in [
            (vec![], vec![]),
            (vec![5], vec![-8]),
            (vec![3, 4], vec![64, 8]),
            (vec![2, 3, 4], vec![8, 200, 48]),
            (vec![2, 0, 4], vec![8, 8, 8]),
            (vec![2, 1, 3, 2, 2], vec![1000, 7, 96, -16, 8]),
        ] {
            let (a, e) = runs_both(&shape, &s);
            assert_eq!(a, e, "{shape:?} {s:?}");
        }
    }
}
