//! The loop engine: walks up to a few operands of one shape together and hands a kernel
//! runs of (pointers, byte strides, length).
//!
//! Before walking, it drops axes of length 1, (optionally) orders axes so the smallest
//! strides are innermost, and merges axes that are contiguous with each other in every
//! operand — so a C- or F-contiguous operation, or a transposed one, becomes one long run
//! and the kernel sees a plain slice (stride = element size), a scalar (stride 0) or a
//! strided run. Shapes and strides are copied into flat stack buffers first, so the rank
//! type (static or dynamic) costs nothing per element.

use crate::dimension::MAX_NDIM;

/// Whether the engine may reorder axes.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum IterOrder {
    /// Logical C order: runs come in row-major index order (for iterators, and
    /// operations whose result depends on order).
    C,
    /// Any order that is fastest in memory (element-wise operations).
    Memory,
}

/// One run: `len` elements of each operand, operand `k` starting at `ptrs[k]` and
/// stepping `strides[k]` bytes.
#[derive(Copy, Clone, Debug)]
pub struct Run<const K: usize> {
    /// First element of each operand.
    pub ptrs: [*mut u8; K],
    /// Byte step of each operand.
    pub strides: [isize; K],
    /// Number of elements.
    pub len: usize,
}

/// The walk plan for `K` operands: merged outer axes plus the inner run.
pub struct Plan<const K: usize> {
    ndim: usize,
    lens: [usize; MAX_NDIM],
    strides: [[isize; K]; MAX_NDIM],
}

impl<const K: usize> Plan<K> {
    /// Plans a walk over `shape`, operand `k` with byte strides `strides[k]`.
    ///
    /// # Panics
    /// If a stride slice's length differs from the shape's, or the rank exceeds
    /// `MAX_NDIM` (callers pass shapes of arrays, which never do).
    pub fn new(shape: &[usize], strides: [&[isize]; K], order: IterOrder) -> Self {
        assert!(shape.len() <= MAX_NDIM && strides.iter().all(|s| s.len() == shape.len()));
        let mut p = Plan {
            ndim: 0,
            lens: [0; MAX_NDIM],
            strides: [[0; K]; MAX_NDIM],
        };
        if shape.contains(&0) {
            p.ndim = 1;
            p.lens[0] = 0;
            return p;
        }
        for (ax, &n) in shape.iter().enumerate() {
            if n != 1 {
                p.lens[p.ndim] = n;
                for (k, s) in strides.iter().enumerate() {
                    p.strides[p.ndim][k] = s[ax];
                }
                p.ndim += 1;
            }
        }
        if order == IterOrder::Memory {
            p.sort_axes();
        }
        p.merge_axes();
        p
    }

    /// Insertion sort of axes, outermost first, so that an axis goes inside another when
    /// no operand disagrees: NumPy's rule, which keeps C order on ties and conflicts.
    fn sort_axes(&mut self) {
        for i in 1..self.ndim {
            let mut j = i;
            while j > 0 && Self::should_be_outer(&self.strides[j], &self.strides[j - 1]) {
                self.lens.swap(j, j - 1);
                self.strides.swap(j, j - 1);
                j -= 1;
            }
        }
    }

    /// Whether axis `a` (currently inside `b`) belongs outside it.
    fn should_be_outer(a: &[isize; K], b: &[isize; K]) -> bool {
        let mut outer = false;
        for k in 0..K {
            let (sa, sb) = (a[k].unsigned_abs(), b[k].unsigned_abs());
            if sa == 0 || sb == 0 {
                continue;
            }
            if sa < sb {
                return false;
            }
            if sa > sb {
                outer = true;
            }
        }
        outer
    }

    /// Merges neighbours where the outer axis steps exactly over the inner one in every
    /// operand.
    fn merge_axes(&mut self) {
        if self.ndim == 0 {
            return;
        }
        let mut out = 0;
        for i in 1..self.ndim {
            let (n_in, s_in) = (self.lens[i], self.strides[i]);
            let s_out = self.strides[out];
            let mergeable = (0..K).all(|k| s_out[k] == s_in[k] * n_in as isize);
            if mergeable {
                self.lens[out] *= n_in;
                self.strides[out] = s_in;
            } else {
                out += 1;
                self.lens[out] = n_in;
                self.strides[out] = s_in;
            }
        }
        self.ndim = out + 1;
    }

    /// Number of elements in the inner run (the whole walk's last axis).
    pub fn inner_len(&self) -> usize {
        if self.ndim == 0 {
            1
        } else {
            self.lens[self.ndim - 1]
        }
    }

    /// The inner run's strides.
    pub fn inner_strides(&self) -> [isize; K] {
        if self.ndim == 0 {
            [0; K]
        } else {
            self.strides[self.ndim - 1]
        }
    }

    /// The strides of merged axis `axis` (outermost first).
    pub fn strides_of(&self, axis: usize) -> [isize; K] {
        self.strides[axis]
    }

    /// The merged axes' lengths, outermost first.
    pub fn lens(&self) -> &[usize] {
        &self.lens[..self.ndim]
    }

    /// Calls `kernel` once per run, starting from `ptrs`.
    ///
    /// # Safety
    /// Every element of every operand (`ptrs[k]` plus any in-bounds index times the
    /// strides) must be valid for the accesses the kernel makes.
    pub unsafe fn for_each_run(&self, ptrs: [*mut u8; K], mut kernel: impl FnMut(Run<K>)) {
        let len = self.inner_len();
        if len == 0 {
            return;
        }
        let strides = self.inner_strides();
        let outer = self.ndim.saturating_sub(1);
        if outer == 0 {
            kernel(Run { ptrs, strides, len });
            return;
        }
        let mut idx = [0usize; MAX_NDIM];
        let mut cur = ptrs;
        loop {
            kernel(Run {
                ptrs: cur,
                strides,
                len,
            });
            if !self.advance(outer, &mut idx, &mut cur) {
                return;
            }
        }
    }

    /// Steps `ptrs` to the next index of the first `outer` merged axes: an odometer, the
    /// innermost of them fastest, `idx` holding the current index (start at zeros).
    /// Returns false, with `ptrs` back at the start, after the last index.
    ///
    /// Pointers move with `wrapping_offset`: stepping computes addresses only, and every
    /// index it lands on is an index of the plan.
    ///
    /// # Panics
    /// If `idx` is shorter than `outer`, or `outer` exceeds the plan's axes.
    #[inline]
    pub fn advance(&self, outer: usize, idx: &mut [usize], ptrs: &mut [*mut u8; K]) -> bool {
        let mut ax = outer;
        loop {
            if ax == 0 {
                return false;
            }
            ax -= 1;
            idx[ax] += 1;
            let s = self.strides[ax];
            if idx[ax] < self.lens[ax] {
                for (p, &sk) in ptrs.iter_mut().zip(&s) {
                    *p = p.wrapping_offset(sk);
                }
                return true;
            }
            let back = (self.lens[ax] - 1) as isize;
            for (p, &sk) in ptrs.iter_mut().zip(&s) {
                *p = p.wrapping_offset(-sk * back);
            }
            idx[ax] = 0;
        }
    }
}

/// A typed view of one operand's run: what kernels specialize on.
#[derive(Copy, Clone, Debug)]
pub enum Lane<T> {
    /// Unit stride: `len` consecutive elements.
    Contiguous(*mut T),
    /// Stride 0: one element repeated.
    Scalar(*mut T),
    /// Any other byte stride.
    Strided(*mut T, isize),
}

impl<T> Lane<T> {
    /// Classifies operand `k` of a run.
    #[inline]
    pub fn of<const K: usize>(run: &Run<K>, k: usize) -> Lane<T> {
        let p = run.ptrs[k].cast::<T>();
        let s = run.strides[k];
        if s == std::mem::size_of::<T>() as isize {
            Lane::Contiguous(p)
        } else if s == 0 {
            Lane::Scalar(p)
        } else {
            Lane::Strided(p, s)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(shape: &[usize], s: &[isize], order: IterOrder) -> Vec<(isize, isize, usize)> {
        let plan = Plan::<1>::new(shape, [s], order);
        let mut out = vec![];
        // SAFETY: the kernel only records pointer values; nothing is dereferenced.
        unsafe {
            plan.for_each_run([std::ptr::null_mut::<u8>().wrapping_add(1000)], |r| {
                out.push((r.ptrs[0] as isize - 1000, r.strides[0], r.len))
            })
        };
        out
    }

    #[test]
    fn merges_contiguous_and_reorders_transposed() {
        assert_eq!(runs(&[3, 3], &[24, 8], IterOrder::C), vec![(0, 8, 9)]);
        assert_eq!(runs(&[3, 3], &[8, 24], IterOrder::Memory), vec![(0, 8, 9)]);
        assert_eq!(
            runs(&[3, 3], &[8, 24], IterOrder::C),
            vec![(0, 24, 3), (8, 24, 3), (16, 24, 3)]
        );
        assert_eq!(
            runs(&[2, 2], &[48, 16], IterOrder::C),
            vec![(0, 16, 2), (48, 16, 2)]
        );
        assert_eq!(runs(&[], &[], IterOrder::C), vec![(0, 0, 1)]);
        assert_eq!(runs(&[2, 0], &[8, 8], IterOrder::C), vec![]);
        assert_eq!(
            runs(&[1, 4, 1], &[99, -8, 5], IterOrder::C),
            vec![(0, -8, 4)]
        );
    }
}
