//! Element iterators. The layout is reduced once (length-1 axes dropped, axes contiguous
//! with each other merged, C order kept), then elements come from an inner strided run and
//! an outer odometer. `fold` (behind `for_each`, `sum`, `collect` …) runs tight nested
//! loops.

use crate::dimension::Dimension;
use crate::engine::{IterOrder, Plan};
use std::marker::PhantomData;

/// The walk state shared by `Iter`, `IterMut` and the lane iterators: element addresses
/// in C order, never dereferenced here. The hot path of `next` is a pointer bump and a
/// count down within the current inner run; the odometer runs once per run.
pub(super) struct Walk {
    /// Merged outer axes: (length, byte stride), outermost first.
    outer: Vec<(usize, isize)>,
    outer_idx: Vec<usize>,
    /// Start of the current inner run.
    run_start: *mut u8,
    inner_len: usize,
    inner_stride: isize,
    /// The next element's address, in the current run.
    cur: *mut u8,
    /// Elements left in the current run, from `cur`.
    run_left: usize,
    /// Elements left after the current run.
    rest: usize,
}

impl Walk {
    pub(super) fn new(ptr: *mut u8, shape: &[usize], strides: &[isize]) -> Walk {
        let plan = Plan::<1>::new(shape, [strides], IterOrder::C);
        let lens = plan.lens();
        let remaining: usize = if shape.contains(&0) {
            0
        } else {
            shape.iter().product()
        };
        let (inner_len, inner_stride) = (plan.inner_len(), plan.inner_strides()[0]);
        let outer: Vec<(usize, isize)> = if lens.len() > 1 {
            lens[..lens.len() - 1]
                .iter()
                .enumerate()
                .map(|(i, &n)| (n, plan_stride(&plan, i)))
                .collect()
        } else {
            Vec::new()
        };
        let outer_idx = vec![0; outer.len()];
        let run_left = inner_len.min(remaining);
        Walk {
            outer,
            outer_idx,
            run_start: ptr,
            inner_len,
            inner_stride,
            cur: ptr,
            run_left,
            rest: remaining - run_left,
        }
    }

    /// Elements not yet walked.
    #[inline]
    pub(super) fn remaining(&self) -> usize {
        self.run_left + self.rest
    }

    /// The next element's address.
    #[inline]
    pub(super) fn next(&mut self) -> Option<*mut u8> {
        if self.run_left == 0 && !self.next_run() {
            return None;
        }
        let p = self.cur;
        self.cur = self.cur.wrapping_offset(self.inner_stride);
        self.run_left -= 1;
        Some(p)
    }

    /// Moves to the next inner run; false when none is left. Inlined so that a loop over
    /// `next` keeps the walk's state in registers (a call would make it live in memory,
    /// putting a store-to-load round trip on every element's critical path).
    #[inline(always)]
    fn next_run(&mut self) -> bool {
        if self.rest == 0 {
            return false;
        }
        for ax in (0..self.outer.len()).rev() {
            let (n, s) = self.outer[ax];
            self.outer_idx[ax] += 1;
            if self.outer_idx[ax] < n {
                self.run_start = self.run_start.wrapping_offset(s);
                break;
            }
            self.run_start = self.run_start.wrapping_offset(-s * (n as isize - 1));
            self.outer_idx[ax] = 0;
        }
        self.cur = self.run_start;
        self.run_left = self.inner_len.min(self.rest);
        self.rest -= self.run_left;
        true
    }

    /// Calls `f` on every remaining element address, in order.
    #[inline]
    fn fold<B>(mut self, mut acc: B, mut f: impl FnMut(B, *mut u8) -> B) -> B {
        loop {
            let mut p = self.cur;
            for _ in 0..self.run_left {
                acc = f(acc, p);
                p = p.wrapping_offset(self.inner_stride);
            }
            self.run_left = 0;
            if !self.next_run() {
                return acc;
            }
        }
    }
}

fn plan_stride(plan: &Plan<1>, axis: usize) -> isize {
    plan.strides_of(axis)[0]
}

macro_rules! element_iter {
    ($name:ident, $ref:ty, $ptr:ty, $deref:ident, $doc:literal) => {
        #[doc = $doc]
        pub struct $name<'a, T> {
            walk: Walk,
            _life: PhantomData<$ref>,
        }

        impl<'a, T> $name<'a, T> {
            /// # Safety
            /// The layout from `ptr` must be valid for the access and lifetime `'a` grants
            /// (for writing, with no element reached twice).
            pub(crate) unsafe fn new(ptr: $ptr, shape: &[usize], strides: &[isize]) -> Self {
                $name {
                    walk: Walk::new(ptr as *mut u8, shape, strides),
                    _life: PhantomData,
                }
            }
        }

        impl<'a, T> Iterator for $name<'a, T> {
            type Item = $ref;
            #[inline]
            fn next(&mut self) -> Option<$ref> {
                // SAFETY: the walk yields addresses of elements of the layout `new` was
                // given, each once, valid for 'a.
                self.walk.next().map(|p| unsafe { $deref(p.cast::<T>()) })
            }
            fn size_hint(&self) -> (usize, Option<usize>) {
                (self.walk.remaining(), Some(self.walk.remaining()))
            }
            #[inline]
            fn fold<B, F: FnMut(B, $ref) -> B>(self, init: B, mut f: F) -> B {
                self.walk.fold(init, |acc, p| {
                    // SAFETY: as in `next`.
                    f(acc, unsafe { $deref(p.cast::<T>()) })
                })
            }
        }

        impl<T> ExactSizeIterator for $name<'_, T> {}
        impl<T> std::iter::FusedIterator for $name<'_, T> {}
    };
}

/// # Safety
/// `p` must point to a valid `T` for `'a`.
#[inline(always)]
unsafe fn as_ref<'a, T>(p: *mut T) -> &'a T {
    // SAFETY: forwarded to the caller.
    unsafe { &*p }
}

/// # Safety
/// `p` must point to a valid `T` for `'a`, reached by no one else.
#[inline(always)]
unsafe fn as_mut<'a, T>(p: *mut T) -> &'a mut T {
    // SAFETY: forwarded to the caller.
    unsafe { &mut *p }
}

element_iter!(
    Iter,
    &'a T,
    *const T,
    as_ref,
    "Elements in logical C order."
);
element_iter!(
    IterMut,
    &'a mut T,
    *mut T,
    as_mut,
    "Writable elements in logical C order."
);

// SAFETY: Iter hands out shared references, like `slice::Iter`.
unsafe impl<T: Sync> Send for Iter<'_, T> {}
// SAFETY: as above.
unsafe impl<T: Sync> Sync for Iter<'_, T> {}
// SAFETY: IterMut hands out exclusive references, like `slice::IterMut`.
unsafe impl<T: Send> Send for IterMut<'_, T> {}
// SAFETY: as above.
unsafe impl<T: Sync> Sync for IterMut<'_, T> {}

/// `(index, &element)` pairs in C order.
pub struct IndexedIter<'a, T, D: Dimension> {
    inner: Iter<'a, T>,
    shape: D,
    index: D,
    started: bool,
}

impl<'a, T, D: Dimension> IndexedIter<'a, T, D> {
    pub(crate) fn new(a: &'a crate::array::ArrayRef<T, D>) -> Self {
        let mut index = a.dim().clone();
        index.as_mut().iter_mut().for_each(|i| *i = 0);
        IndexedIter {
            inner: a.iter(),
            shape: a.dim().clone(),
            index,
            started: false,
        }
    }
}

impl<'a, T, D: Dimension> Iterator for IndexedIter<'a, T, D> {
    type Item = (D, &'a T);
    fn next(&mut self) -> Option<(D, &'a T)> {
        let e = self.inner.next()?;
        if self.started {
            let (idx, shape) = (self.index.as_mut(), self.shape.as_ref());
            for ax in (0..idx.len()).rev() {
                idx[ax] += 1;
                if idx[ax] < shape[ax] {
                    break;
                }
                idx[ax] = 0;
            }
        }
        self.started = true;
        Some((self.index.clone(), e))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<T, D: Dimension> ExactSizeIterator for IndexedIter<'_, T, D> {}
