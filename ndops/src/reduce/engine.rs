//! The reduction driver: folds an array's elements into one value, or into one value per
//! position of the axes that are kept, through ndcore's loop engine.
//!
//! The result is allocated with the reduced axes kept at length 1 and given stride 0
//! there, so input and result walk together as two operands of one shape. The engine
//! merges contiguous axes and puts the input's smallest stride innermost, which picks the
//! kernel per run:
//! - the result's stride is 0: the run is a stretch of one reduced axis, folded into one
//!   result element (pairwise for float sums);
//! - otherwise the run is a kept axis: `out[i] = out[i] ⊕ x[i]` element by element, which
//!   vectorizes across rows (reducing axis 0 of a C-contiguous matrix accumulates whole
//!   rows, never walks a column with a stride).
//!
//! This is the only module of the reductions with pointer arithmetic besides the
//! cumulative and arg-reduction kernels.

use super::axes::reduced_shape;
use super::blocks::{Block, for_each_block};
use super::pairwise::{BLOCK, Cascade, pairwise_half};
use crate::kernels::{Kernel, dispatch};
use ndcore::engine::{IterOrder, Plan};
use ndcore::{Array, ArrayRef, Axis, Dimension, Element, IxDyn, Result};
use std::marker::PhantomData;

/// One reduction: an identity, a one-element step, and how partial results combine.
///
/// Implementations must only ever call `load(i)` with `i < len` in `fold_run`: the
/// drivers hand loaders that read without bounds checks.
pub(crate) trait Fold<T: Copy>: Copy + Sync {
    /// The type of the result.
    type Acc: Element;
    /// The result of folding nothing.
    fn identity(&self) -> Self::Acc;
    /// `acc ⊕ x`.
    fn step(&self, acc: Self::Acc, x: T) -> Self::Acc;
    /// `a ⊕ b` for two partial results, `a` from the elements before `b`'s.
    fn combine(&self, a: Self::Acc, b: Self::Acc) -> Self::Acc;
    /// Whether rows accumulated into one result run should be combined pairwise rather
    /// than one after another (float sums: rounding depends on the order).
    const PAIRWISE_ROWS: bool = false;
    /// How [`fold_all`] may cut one long run among threads without changing the result.
    const SPLIT: Split = Split::No;
    /// For [`Split::Pairwise`] folds: the value `z` with `z ⊕ v == v` for every `v`, bit
    /// for bit (`-0.0` for float sums), from which a piece's own sum is folded.
    #[inline(always)]
    fn split_zero(&self) -> Self::Acc {
        self.identity()
    }
    /// `acc ⊕ load(0) ⊕ … ⊕ load(len-1)`, by default in 8 independent lanes (for
    /// operations where order does not matter: integers, extremes, counts).
    #[inline(always)]
    fn fold_run<L: Fn(usize) -> T + Copy>(&self, acc: Self::Acc, len: usize, load: L) -> Self::Acc {
        lanes_fold(self, acc, len, load)
    }
}

/// How a long run may be cut into pieces folded on different threads, each way giving the
/// same bits whatever the number of threads (and on one thread).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Split {
    /// Never: the order of the steps is the result (float products, which NumPy multiplies
    /// one after another).
    No,
    /// Where the pairwise summation halves the run anyway: `fold_run(acc, n)` is
    /// `acc ⊕ P(n)` with `P` [`pairwise_sum`](super::pairwise::pairwise_sum), and
    /// `P(n) = P(left) ⊕ P(right)` at its split points, so the halves can be summed apart
    /// and added as the algorithm adds them (float sums, means, variances: NumPy's bits).
    Pairwise,
    /// Into pieces of [`PIECE`] elements, each folded from the identity and combined in
    /// order; `combine` must be associative (integer sums, products and counts, which are
    /// exact, and the extremes, which keep the first nan or else the first of equal
    /// values). The pieces are the same on one thread, so the count does not matter.
    Pieces,
}

/// The length of a [`Split::Pieces`] piece (256 KiB of `f64`): runs longer than this are
/// folded piece by piece, on one thread or several.
pub(crate) const PIECE: usize = 1 << 15;

/// At most this many parts of a long run for threads (a pairwise split has up to twice as
/// many leaves, for balance).
const MAX_PARTS: usize = 8;

/// [`Fold::fold_run`] in 8 independent lanes, combined at the end: the loop the compiler
/// vectorizes.
#[inline(always)]
pub(crate) fn lanes_fold<T: Copy, F: Fold<T>, L: Fn(usize) -> T + Copy>(
    f: &F,
    acc: F::Acc,
    len: usize,
    load: L,
) -> F::Acc {
    let mut r = [f.identity(); 8];
    let body = len - len % 8;
    let mut i = 0;
    while i < body {
        for (j, rj) in r.iter_mut().enumerate() {
            *rj = f.step(*rj, load(i + j));
        }
        i += 8;
    }
    let mut a = acc;
    for rj in r {
        a = f.combine(a, rj);
    }
    while i < len {
        a = f.step(a, load(i));
        i += 1;
    }
    a
}

/// Folds one run of `len` elements of `T` starting at `p`, `stride` bytes apart.
///
/// # Safety
/// The run's elements must be readable `T`s.
#[inline(always)]
unsafe fn fold_one<T: Copy, F: Fold<T>>(
    f: &F,
    acc: F::Acc,
    p: *const u8,
    stride: isize,
    len: usize,
) -> F::Acc {
    let p = p.cast::<T>();
    if stride == std::mem::size_of::<T>() as isize {
        // SAFETY: a unit-stride run is `len` consecutive readable elements; folds call
        // `load` only with `i < len` (the `Fold` contract).
        f.fold_run(acc, len, |i| unsafe { *p.add(i) })
    } else {
        // Volatile: one scalar load per element. Plain loads of the 8 accumulators' values
        // let LLVM gather them (AVX2/AVX-512 `vgatherqpd`), which on this machine (AMD EPYC)
        // sums a stride-24 f64 run 2x slower from cache and 3x slower from memory than
        // scalar loads (1e6 elements: 2.9 -> 0.93 ms cold; `x[times]['pos']['x'].mean()` of
        // `paperbench --filter records`). The values and their order are unchanged.
        // SAFETY: element `i < len` of the run is `i * stride` bytes from `p`, readable.
        f.fold_run(acc, len, |i| unsafe {
            std::ptr::read_volatile(p.cast::<u8>().offset(i as isize * stride).cast::<T>())
        })
    }
}

/// `out[i] = out[i] ⊕ x[i]` for a run of kept-axis positions.
///
/// # Safety
/// `out` must be `len` writable accumulators `os` bytes apart, `x` `len` readable
/// elements `xs` bytes apart, and the two must not overlap.
#[inline(always)]
unsafe fn fold_lanes<T: Copy, F: Fold<T>>(
    f: &F,
    out: *mut u8,
    os: isize,
    x: *const u8,
    xs: isize,
    len: usize,
) {
    let (o, p) = (out.cast::<F::Acc>(), x.cast::<T>());
    if os == std::mem::size_of::<F::Acc>() as isize && xs == std::mem::size_of::<T>() as isize {
        // SAFETY: both runs are contiguous and disjoint (the caller's contract).
        let (o, p) = unsafe {
            (
                std::slice::from_raw_parts_mut(o, len),
                std::slice::from_raw_parts(p, len),
            )
        };
        for (oi, &xi) in o.iter_mut().zip(p) {
            *oi = f.step(*oi, xi);
        }
    } else {
        for i in 0..len as isize {
            // SAFETY: position `i < len` of each run, as the caller guarantees.
            unsafe {
                let oi = out.offset(i * os).cast::<F::Acc>();
                *oi = f.step(*oi, *x.offset(i * xs).cast::<T>());
            }
        }
    }
}

/// A block of runs of a full reduction, each folded and pushed onto the cascade, as a
/// [`Kernel`] so that [`dispatch`] compiles the fold for the CPU's SIMD level (the fold,
/// its loads and the pairwise sum all inline into `run`).
struct AllKernel<'a, T: Copy, F: Fold<T>, C> {
    f: &'a F,
    cascade: &'a mut Cascade<F::Acc, C>,
    block: Block<1>,
    _t: PhantomData<T>,
}

impl<T: Copy, F: Fold<T>, C: Fn(F::Acc, F::Acc) -> F::Acc> Kernel for AllKernel<'_, T, F, C> {
    type Output = ();
    #[inline(always)]
    fn run(self) {
        let b = self.block;
        for r in 0..b.rows {
            // SAFETY: an AllKernel is only built by `fold_all`, from a block of the plan
            // of an array of `T`s that stays borrowed meanwhile.
            let v =
                unsafe { fold_one(self.f, self.f.identity(), b.row(r)[0], b.strides[0], b.len) };
            self.cascade.push(v);
        }
    }
}

/// A block of runs of an axis reduction (operands: result, input), as a [`Kernel`].
struct AxesKernel<'a, T: Copy, F: Fold<T>> {
    f: &'a F,
    block: Block<2>,
    _t: PhantomData<T>,
}

impl<T: Copy, F: Fold<T>> Kernel for AxesKernel<'_, T, F> {
    type Output = ();
    #[inline(always)]
    fn run(self) {
        let (f, b) = (self.f, self.block);
        let [so, sx] = b.strides;
        if F::PAIRWISE_ROWS && so != 0 && b.row_strides[0] == 0 && b.rows > ROW_GROUP {
            return pairwise_rows(f, b);
        }
        for r in 0..b.rows {
            let [o, x] = b.row(r);
            // SAFETY: an AxesKernel is only built by `fold_axes`, from a block of the plan
            // of its fresh result (stride 0 on reduced axes) and the borrowed input.
            unsafe {
                if so == 0 {
                    let o = o.cast::<F::Acc>();
                    *o = fold_one(f, *o, x, sx, b.len);
                } else {
                    fold_lanes(f, o, so, x, sx, b.len);
                }
            }
        }
    }
}

/// Rows summed into one scratch run before it joins the pairwise combination (NumPy's
/// pairwise blocks likewise add 16 values in order per accumulator).
const ROW_GROUP: usize = 32;

/// A block whose rows all accumulate into the same result run (a reduced outer axis, as in
/// `x.sum(axis=0)` of a C-contiguous matrix), combined pairwise: groups of
/// [`ROW_GROUP`] rows are summed element-wise into scratch runs, which merge like a binary
/// counter (one pending run per level). The rounding error then grows like
/// `ROW_GROUP + log2(rows)` instead of `rows` (NumPy adds the rows one after another), for
/// about two extra passes over a run (in cache) per 32 rows.
#[inline(always)]
fn pairwise_rows<T: Copy, F: Fold<T>>(f: &F, b: Block<2>) {
    let [so, sx] = b.strides;
    let len = b.len;
    let asz = std::mem::size_of::<F::Acc>() as isize;
    // levels[k]: the sum of 2^k groups, pending its right-hand partner.
    let mut levels: Vec<Option<Vec<F::Acc>>> = Vec::new();
    let mut spare: Vec<Vec<F::Acc>> = Vec::new();
    let mut r = 0;
    while r < b.rows {
        let mut cur = spare.pop().unwrap_or_else(|| Vec::with_capacity(len));
        cur.clear();
        cur.resize(len, f.identity());
        for row in r..(r + ROW_GROUP).min(b.rows) {
            let x = b.row(row)[1];
            // SAFETY: `cur` is `len` contiguous accumulators, disjoint from the input run
            // `row` of the block, which `fold_axes`'s plan vouches for.
            unsafe { fold_lanes(f, cur.as_mut_ptr().cast(), asz, x, sx, len) };
        }
        r += ROW_GROUP;
        let mut k = 0;
        while let Some(mut older) = levels.get_mut(k).and_then(Option::take) {
            for (o, &c) in older.iter_mut().zip(&cur) {
                *o = f.combine(*o, c);
            }
            spare.push(std::mem::replace(&mut cur, older));
            k += 1;
        }
        if levels.len() <= k {
            levels.resize_with(k + 1, || None);
        }
        levels[k] = Some(cur);
    }
    // Oldest (highest) level first: it holds the earliest rows.
    let mut total: Option<Vec<F::Acc>> = None;
    for lvl in levels.into_iter().rev().flatten() {
        total = Some(match total {
            None => lvl,
            Some(mut t) => {
                for (o, &c) in t.iter_mut().zip(&lvl) {
                    *o = f.combine(*o, c);
                }
                t
            }
        });
    }
    let Some(total) = total else { return };
    let o = b.ptrs[0];
    for (i, &v) in total.iter().enumerate() {
        // SAFETY: element `i < len` of the block's result run, a fresh array.
        unsafe {
            let oi = o.offset(i as isize * so).cast::<F::Acc>();
            *oi = f.combine(*oi, v);
        }
    }
}

/// Folds every element of `x` (NumPy's `axis=None`). Runs that the engine cannot merge
/// are combined pairwise ([`Cascade`]), not one after another.
pub(crate) fn fold_all<T: Element, D: Dimension, F: Fold<T>>(x: &ArrayRef<T, D>, f: F) -> F::Acc {
    let plan = Plan::<1>::new(x.shape(), [x.strides()], IterOrder::Memory);
    if let [len] = *plan.lens()
        && len > PIECE
        && F::SPLIT != Split::No
    {
        // One long run (a contiguous array, or one strided axis): cut for threads.
        return fold_long_run::<T, F>(&f, x.as_ptr().cast(), plan.strides_of(0)[0], len);
    }
    let mut cascade = Cascade::new(f.identity(), |a, b| f.combine(a, b));
    for_each_block(&plan, [x.as_ptr() as *mut u8], |block| {
        dispatch(AllKernel {
            f: &f,
            cascade: &mut cascade,
            block,
            _t: PhantomData::<T>,
        })
    });
    cascade.finish().unwrap_or_else(|| f.identity())
}

/// One run's fold as a [`Kernel`], compiled for the CPU's SIMD level.
struct RunKernel<'a, T: Copy, F: Fold<T>> {
    f: &'a F,
    acc: F::Acc,
    run: RunPtr,
    start: usize,
    len: usize,
    _t: PhantomData<T>,
}

impl<T: Copy, F: Fold<T>> Kernel for RunKernel<'_, T, F> {
    type Output = F::Acc;
    #[inline(always)]
    fn run(self) -> F::Acc {
        let p = self
            .run
            .p
            .wrapping_offset(self.start as isize * self.run.stride);
        // SAFETY: a RunKernel is only built by `fold_long_run`, for elements
        // `start..start + len` of the run it was given, all within that run.
        unsafe { fold_one(self.f, self.acc, p, self.run.stride, self.len) }
    }
}

/// The start and stride of a run of readable elements, shared by the threads that fold it.
#[derive(Clone, Copy)]
struct RunPtr {
    p: *const u8,
    stride: isize,
}

// SAFETY: the threads only read through the pointer, while the caller of `fold_long_run`
// keeps the array borrowed; element types are `Sync` (`Element: Sync`).
unsafe impl Send for RunPtr {}
// SAFETY: as for `Send`: shared reads of a borrowed array.
unsafe impl Sync for RunPtr {}

/// Folds one run of `len > PIECE` elements of `T` at `p`, `stride` bytes apart, on nd's
/// threads when it is long enough, with the bits of one thread (see [`Split`]).
fn fold_long_run<T: Copy, F: Fold<T>>(f: &F, p: *const u8, stride: isize, len: usize) -> F::Acc {
    let run = RunPtr { p, stride };
    let piece = |start: usize, len: usize, acc: F::Acc| {
        dispatch(RunKernel {
            f,
            acc,
            run,
            start,
            len,
            _t: PhantomData::<T>,
        })
    };
    let parts = ndcore::threads::parts_for(len).min(MAX_PARTS);
    match F::SPLIT {
        Split::No => piece(0, len, f.identity()),
        Split::Pairwise => {
            if parts == 1 {
                return piece(0, len, f.identity());
            }
            // Leaves of the pairwise halving, twice as many as threads (a power of two).
            let depth = (2 * parts).next_power_of_two().trailing_zeros() as usize;
            let mut leaves = [(0usize, 0usize, f.identity()); 2 * MAX_PARTS];
            let mut k = 0;
            pairwise_leaves(0, len, depth, &mut leaves, &mut k);
            let zero = f.split_zero();
            ndcore::threads::for_each_part(&mut leaves[..k], |_, (start, n, v)| {
                *v = piece(*start, *n, zero);
            });
            let mut next = 0;
            let total = pairwise_join(f, len, depth, &leaves[..k], &mut next);
            f.combine(f.identity(), total)
        }
        Split::Pieces => {
            let pieces = len.div_ceil(PIECE);
            let parts = parts.min(pieces);
            let per = pieces.div_ceil(parts);
            let mut slots = [f.identity(); MAX_PARTS];
            ndcore::threads::for_each_part(&mut slots[..parts], |t, v| {
                for q in t * per..((t + 1) * per).min(pieces) {
                    let start = q * PIECE;
                    let n = PIECE.min(len - start);
                    *v = f.combine(*v, piece(start, n, f.identity()));
                }
            });
            slots[..parts]
                .iter()
                .fold(f.identity(), |a, &v| f.combine(a, v))
        }
    }
}

/// The pieces of `start..start + len` after `depth` halvings of the pairwise summation (a
/// piece of at most [`BLOCK`] values is not halved), in order, into `out[*k..]`.
fn pairwise_leaves<A: Copy>(
    start: usize,
    len: usize,
    depth: usize,
    out: &mut [(usize, usize, A)],
    k: &mut usize,
) {
    if depth == 0 || len <= BLOCK {
        out[*k].0 = start;
        out[*k].1 = len;
        *k += 1;
        return;
    }
    let n2 = pairwise_half(len);
    pairwise_leaves(start, n2, depth - 1, out, k);
    pairwise_leaves(start + n2, len - n2, depth - 1, out, k);
}

/// The leaves' sums added up the halving they came from: `left ⊕ right` at every level.
fn pairwise_join<T: Copy, F: Fold<T>>(
    f: &F,
    len: usize,
    depth: usize,
    leaves: &[(usize, usize, F::Acc)],
    next: &mut usize,
) -> F::Acc {
    if depth == 0 || len <= BLOCK {
        *next += 1;
        return leaves[*next - 1].2;
    }
    let n2 = pairwise_half(len);
    let left = pairwise_join(f, n2, depth - 1, leaves, next);
    let right = pairwise_join(f, len - n2, depth - 1, leaves, next);
    f.combine(left, right)
}

/// Folds `x` over the axes where `mask` is true; the result keeps them with length 1
/// (NumPy's `keepdims=True`).
pub(crate) fn fold_axes<T: Element, D: Dimension, F: Fold<T>>(
    x: &ArrayRef<T, D>,
    mask: &[bool],
    f: F,
) -> Result<Array<F::Acc, IxDyn>> {
    let keep = reduced_shape(x.shape(), mask, true);
    if mask.iter().all(|&r| r) {
        return Array::try_full(keep, fold_all(x, f));
    }
    // The result of an empty reduced axis can be larger than the input (zero elements):
    // NumPy's MemoryError when it cannot be had.
    let mut out = Array::try_full(keep, f.identity())?;
    if x.is_empty() {
        return Ok(out);
    }
    let fold_slab = |out: &mut ArrayRef<F::Acc, IxDyn>, x: &ArrayRef<T, D>| {
        let os = out_strides(out.strides(), mask);
        let plan = Plan::<2>::new(x.shape(), [&os, x.strides()], IterOrder::Memory);
        let ptrs = [out.as_mut_ptr().cast::<u8>(), x.as_ptr() as *mut u8];
        for_each_block(&plan, ptrs, |block| {
            dispatch(AxesKernel {
                f: &f,
                block,
                _t: PhantomData::<T>,
            })
        });
    };
    // Large work: the result cut into slabs along its outermost kept axis, one per thread.
    // Each result element is then folded exactly as on one thread: the slabs keep every
    // reduced axis whole, and at least 2 positions of the cut axis, so that the loop
    // engine orders and merges the axes of a slab as those of the whole.
    let parts = ndcore::threads::parts_for(x.size());
    let cut = (0..x.ndim())
        .filter(|&a| !mask[a] && x.shape()[a] >= 4)
        .max_by_key(|&a| x.strides()[a].unsigned_abs());
    let Some(ax) = cut.filter(|_| parts > 1) else {
        fold_slab(&mut out, x);
        return Ok(out);
    };
    let len = x.shape()[ax];
    let parts = parts.min(len / 2);
    let (mut o, mut v) = (out.view_mut(), x.view());
    let mut slabs = Vec::with_capacity(parts);
    let mut done = 0;
    for t in 1..parts {
        let end = len * t / parts;
        let (o1, o2) = o.into_split_at(Axis(ax), end - done)?;
        let (v1, v2) = v.into_split_at(Axis(ax), end - done)?;
        slabs.push((o1, v1));
        (o, v, done) = (o2, v2, end);
    }
    slabs.push((o, v));
    ndcore::threads::for_each_part(&mut slabs, |_, (o, v)| fold_slab(o, v));
    Ok(out)
}

/// The result's strides seen from the input's shape: 0 on the reduced axes.
pub(crate) fn out_strides(strides: &[isize], mask: &[bool]) -> Vec<isize> {
    strides
        .iter()
        .zip(mask)
        .map(|(&s, &r)| if r { 0 } else { s })
        .collect()
}

/// A binary fold over `x` and an auxiliary array laid out like the result (a mean, for
/// variances): `step(acc, aux, x)`, with a run kernel for reduced runs.
pub(crate) trait Fold2<T: Copy>: Copy {
    /// The type of the result and of the auxiliary values.
    type Acc: Element;
    /// `acc ⊕ g(x, aux)`.
    fn step(&self, acc: Self::Acc, aux: Self::Acc, x: T) -> Self::Acc;
    /// `acc ⊕ g(load(0), aux) ⊕ …` over a run that shares one auxiliary value; must only
    /// call `load(i)` with `i < len`.
    fn fold_run<L: Fn(usize) -> T + Copy>(
        &self,
        acc: Self::Acc,
        aux: Self::Acc,
        len: usize,
        load: L,
    ) -> Self::Acc;
}

/// Like [`fold_axes`] for a [`Fold2`]: `out` starts as `init`, `aux` has the result's
/// (keepdims) shape.
pub(crate) fn fold2_axes<T: Element, D: Dimension, F: Fold2<T>>(
    x: &ArrayRef<T, D>,
    mask: &[bool],
    aux: &ArrayRef<F::Acc, IxDyn>,
    init: F::Acc,
    f: F,
) -> Result<Array<F::Acc, IxDyn>> {
    let keep = reduced_shape(x.shape(), mask, true);
    let mut out = Array::try_full(keep, init)?;
    debug_assert_eq!(out.shape(), aux.shape());
    if x.is_empty() {
        return Ok(out);
    }
    let os = out_strides(out.strides(), mask);
    let aus = out_strides(aux.strides(), mask);
    let plan = Plan::<3>::new(x.shape(), [&os, &aus, x.strides()], IterOrder::Memory);
    let ptrs = [
        out.as_mut_ptr().cast::<u8>(),
        aux.as_ptr() as *mut u8,
        x.as_ptr() as *mut u8,
    ];
    for_each_block(&plan, ptrs, |block| {
        dispatch(Fold2Kernel {
            f: &f,
            block,
            _t: PhantomData::<T>,
        })
    });
    Ok(out)
}

/// A block of runs of a [`Fold2`] over (result, auxiliary, input), as a [`Kernel`].
struct Fold2Kernel<'a, T: Copy, F: Fold2<T>> {
    f: &'a F,
    block: Block<3>,
    _t: PhantomData<T>,
}

impl<T: Copy, F: Fold2<T>> Kernel for Fold2Kernel<'_, T, F> {
    type Output = ();
    #[inline(always)]
    fn run(self) {
        let (f, b) = (self.f, self.block);
        let [so, sa, sp] = b.strides;
        let (asz, tsz) = (
            std::mem::size_of::<F::Acc>() as isize,
            std::mem::size_of::<T>() as isize,
        );
        let len = b.len;
        for r in 0..b.rows {
            let [o, a, p] = b.row(r);
            // SAFETY: a Fold2Kernel is only built by `fold2_axes`, from a block of the plan
            // of its fresh result, the auxiliary array laid out like it, and the input;
            // loaders are called with `i < len`.
            unsafe {
                if so == 0 {
                    let o = o.cast::<F::Acc>();
                    let m = *a.cast::<F::Acc>();
                    *o = if sp == tsz {
                        let p = p.cast::<T>();
                        f.fold_run(*o, m, len, |i| *p.add(i))
                    } else {
                        f.fold_run(*o, m, len, |i| *p.offset(i as isize * sp).cast::<T>())
                    };
                } else if so == asz && sa == asz && sp == tsz {
                    let o = std::slice::from_raw_parts_mut(o.cast::<F::Acc>(), len);
                    let a = std::slice::from_raw_parts(a.cast::<F::Acc>(), len);
                    let p = std::slice::from_raw_parts(p.cast::<T>(), len);
                    for ((oi, &ai), &xi) in o.iter_mut().zip(a).zip(p) {
                        *oi = f.step(*oi, ai, xi);
                    }
                } else {
                    for i in 0..len as isize {
                        let oi = o.offset(i * so).cast::<F::Acc>();
                        *oi = f.step(*oi, *a.offset(i * sa).cast(), *p.offset(i * sp).cast());
                    }
                }
            }
        }
    }
}
