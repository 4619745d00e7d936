//! One element-wise loop shared among nd's threads: the output's shape cut into slabs
//! along one axis, each slab a smaller loop of the same kind run by one thread.
//!
//! The cut axis is the one the output steps over slowest in memory among those long enough
//! to give every thread a slab, so each thread writes one block of the output (or a few
//! long runs of it). When that axis is the contiguous one, the cuts fall on cache-line
//! boundaries of the output, so no two threads write the same line (their streamed stores
//! would otherwise be split between cores). Every element is computed exactly as the
//! one-thread loop computes it, so the result does not depend on the thread count.

use crate::dimension::MAX_NDIM;
use crate::threads;

/// A cache line, the unit two threads should not both write.
const LINE: usize = 64;

/// One slab: where each operand's part starts, and its extent along the cut axis.
pub(crate) struct Slab<const K: usize> {
    /// First element of each operand's part (output first).
    pub(crate) ptrs: [*mut u8; K],
    /// Length of the cut axis in this slab.
    pub(crate) len: usize,
}

// SAFETY: a slab only names memory of the operands of one loop; the driver hands each slab
// to one thread, the output parts of different slabs are disjoint (they are different index
// ranges of one axis of an output that has no overlapping elements), and inputs are only
// read. The element types are `Send + Sync` at every call site (`Element`).
unsafe impl<const K: usize> Send for Slab<K> {}

/// A loop over `shape`, operand `k` starting at `ptrs[k]` with (broadcast) byte strides
/// `strides[k]`, operand 0 the output.
#[derive(Copy, Clone)]
pub(crate) struct Whole<'a, const K: usize> {
    pub(crate) shape: &'a [usize],
    pub(crate) strides: [&'a [isize]; K],
    pub(crate) ptrs: [*mut u8; K],
}

/// How many slabs to cut a loop over `shape` into: nd's thread count, or fewer so each has
/// at least [`threads::PARALLEL_MIN_ELEMENTS`]; 1 means run it on the calling thread.
pub(crate) fn parts(shape: &[usize]) -> usize {
    let n = shape
        .iter()
        .try_fold(1usize, |acc, &n| acc.checked_mul(n))
        .unwrap_or(usize::MAX);
    threads::parts_for(n)
}

/// The axis to cut into `parts` slabs: the longest-strided output axis (in bytes) among
/// those with at least `parts` elements.
fn cut_axis(shape: &[usize], out_strides: &[isize], parts: usize) -> Option<usize> {
    (0..shape.len())
        .filter(|&ax| shape[ax] >= parts)
        .max_by_key(|&ax| (out_strides[ax].unsigned_abs(), usize::MAX - ax))
}

/// The slabs' boundaries along the cut axis: `parts` near-equal pieces, moved onto
/// cache-line starts of the output when the axis steps less than a line and evenly
/// divides one. Empty slabs are dropped.
fn cuts(len: usize, parts: usize, base: *mut u8, stride: isize, out: &mut [usize]) -> usize {
    let step = stride.unsigned_abs();
    // Elements per line, and the first index at which a line boundary separates it from
    // the previous element (its start for a rising axis, its end for a falling one).
    let grid = (step > 0 && step < LINE && LINE.is_multiple_of(step)).then(|| {
        let per = LINE / step;
        let after = if stride < 0 { step } else { 0 };
        let first = (0..per).find(|&i| {
            let addr = (base as usize).wrapping_add_signed(stride.wrapping_mul(i as isize));
            addr.wrapping_add(after).is_multiple_of(LINE)
        });
        (per, first)
    });
    let mut count = 0;
    let mut prev = 0;
    for p in 1..=parts {
        let mut end = (len as u128 * p as u128 / parts as u128) as usize;
        if let Some((per, Some(first))) = grid
            && p < parts
            && end > first
        {
            end = first + (end - first + per / 2) / per * per;
        }
        let end = end.clamp(prev, len);
        if end > prev {
            out[count] = end;
            count += 1;
            prev = end;
        }
    }
    count
}

/// Runs `body` on every slab of `whole` cut into `parts` pieces, the slabs shared among
/// nd's threads; `body(w)` gets a loop of the same operands restricted to one slab.
/// Returns `false`, having done nothing, when there is no axis to cut (the caller then
/// runs the loop itself).
///
/// # Safety
/// `whole` must describe a loop the caller may run: valid, aligned elements (readable
/// inputs, writable output), the output's elements distinct and not overlapping any input
/// other than one that is exactly it. `body` must be safe to call on any sub-loop of it.
pub(crate) unsafe fn run<const K: usize>(
    whole: Whole<'_, K>,
    parts: usize,
    body: impl Fn(Whole<'_, K>) + Sync,
) -> bool {
    let shape = whole.shape;
    if shape.len() > MAX_NDIM {
        return false;
    }
    let Some(ax) = cut_axis(shape, whole.strides[0], parts) else {
        return false;
    };
    let mut ends = [0usize; 64];
    let parts = parts.min(ends.len());
    let count = cuts(
        shape[ax],
        parts,
        whole.ptrs[0],
        whole.strides[0][ax],
        &mut ends,
    );
    if count < 2 {
        return false;
    }
    let mut slabs = Vec::with_capacity(count);
    let mut start = 0usize;
    for &end in &ends[..count] {
        let mut ptrs = whole.ptrs;
        for (k, p) in ptrs.iter_mut().enumerate() {
            // SAFETY: `start < shape[ax]`, so the offset lands on an element of operand `k`
            // (or, for a broadcast axis of stride 0, on its first): within its allocation.
            *p = unsafe { p.offset(whole.strides[k][ax] * start as isize) };
        }
        slabs.push(Slab {
            ptrs,
            len: end - start,
        });
        start = end;
    }
    threads::for_each_part(&mut slabs, |_, slab| {
        let mut sub = [0usize; MAX_NDIM];
        sub[..shape.len()].copy_from_slice(shape);
        sub[ax] = slab.len;
        body(Whole {
            shape: &sub[..shape.len()],
            strides: whole.strides,
            ptrs: slab.ptrs,
        });
    });
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ends(len: usize, parts: usize, base: usize, stride: isize) -> Vec<usize> {
        let mut out = [0usize; 64];
        let n = cuts(len, parts, base as *mut u8, stride, &mut out);
        out[..n].to_vec()
    }

    #[test]
    fn cuts_are_even_and_cover_the_axis() {
        assert_eq!(ends(10, 2, 0, 100), vec![5, 10]);
        assert_eq!(ends(10, 3, 0, 100), vec![3, 6, 10]);
        assert_eq!(ends(2, 2, 0, 100), vec![1, 2]);
    }

    #[test]
    fn cuts_fall_on_cache_lines_of_the_output() {
        // f64 elements, the array starting 16 bytes into a line: index 6 starts a line.
        let e = ends(1000, 2, 64 * 100 + 16, 8);
        assert_eq!(e.len(), 2);
        assert_eq!((64 * 100 + 16 + 8 * e[0]) % 64, 0);
        assert_eq!(e[1], 1000);
        // Three parts of a short axis: still increasing and covering it.
        let e = ends(20, 3, 8, 8);
        assert!(e.windows(2).all(|w| w[0] < w[1]) && *e.last().unwrap() == 20);
        // A stride that does not divide a line: plain even cuts.
        assert_eq!(ends(10, 2, 0, 24), vec![5, 10]);
        // Negative strides: the line grid of the decreasing addresses.
        // Element `e[0] - 1` (the first thread's last) starts a line; the second thread's
        // first element ends just below it.
        let e = ends(1000, 2, 64 * 100 + 8, -8);
        assert_eq!((64 * 100 + 8 - 8 * (e[0] as isize - 1)) % 64, 0);
    }

    #[test]
    fn the_cut_axis_is_the_slowest_long_enough() {
        assert_eq!(cut_axis(&[4, 1000], &[8000, 8], 2), Some(0));
        assert_eq!(cut_axis(&[1, 1000], &[8000, 8], 2), Some(1));
        assert_eq!(cut_axis(&[1000, 4], &[8, 8000], 2), Some(1));
        assert_eq!(cut_axis(&[1, 1], &[8, 8], 2), None);
    }
}
