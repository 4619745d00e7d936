//! The raw element-wise loops: broadcast strides, the one-run fast path, the loop
//! engine's plan (or its blocked walk), and the kernel that fits each run
//! ([`super::kernel`]), at the SIMD level chosen for the call ([`super::simd`]).

use super::broadcast::{broadcast_strides, same_shape};
use super::kernel::{
    Same, Slice, Splat, Store, Strided, map1_contiguous, rows_transposed, store_for, stream_fence,
    strided1, strided2, zip2_contiguous,
};
use super::operand::{Source, SourceKind};
use super::parallel::{self, Whole};
use super::simd::{Cost, SimdLevel, level_for};
use super::walk::{for_each_run_tiled, wants_tiles};
use crate::array::ArrayRef;
use crate::dimension::Dimension;
use crate::engine::{IterOrder, Plan, Run};
use crate::layout;
use std::any::TypeId;
use std::mem::{MaybeUninit, size_of};

/// An input as the raw loops read it: first element and layout before broadcasting.
#[derive(Copy, Clone)]
pub(crate) struct In<'a> {
    ptr: *const u8,
    shape: &'a [usize],
    strides: &'a [isize],
}

/// The output of a raw loop: first element and layout (the loop's shape).
#[derive(Copy, Clone)]
pub(crate) struct Out<'a> {
    ptr: *mut u8,
    shape: &'a [usize],
    strides: &'a [isize],
}

impl<'a> In<'a> {
    /// The operands of a (sliced) loop, each with the loop's shape.
    fn of_loop<const K: usize>(w: &Whole<'a, K>) -> [In<'a>; K] {
        std::array::from_fn(|k| In {
            ptr: w.ptrs[k].cast_const(),
            shape: w.shape,
            strides: w.strides[k],
        })
    }

    /// This layout as the output's: operand 0 of a loop, cut by [`In::of_loop`].
    fn output(self) -> Out<'a> {
        Out {
            ptr: self.ptr.cast_mut(),
            shape: self.shape,
            strides: self.strides,
        }
    }

    pub(crate) fn ptr(&self) -> *const u8 {
        self.ptr
    }
    pub(crate) fn shape(&self) -> &'a [usize] {
        self.shape
    }
    pub(crate) fn strides(&self) -> &'a [isize] {
        self.strides
    }
}

impl<'a> Out<'a> {
    pub(crate) fn ptr(&self) -> *mut u8 {
        self.ptr
    }
    pub(crate) fn shape(&self) -> &'a [usize] {
        self.shape
    }
    pub(crate) fn strides(&self) -> &'a [isize] {
        self.strides
    }

    pub(crate) fn of<O, D: Dimension>(out: &'a mut ArrayRef<O, D>) -> Out<'a> {
        let ptr = out.as_mut_ptr().cast::<u8>();
        let out: &'a ArrayRef<O, D> = out;
        Out {
            ptr,
            shape: out.shape(),
            strides: out.strides(),
        }
    }

    /// The output read as an input (its buffer was reused).
    pub(crate) fn as_input(self) -> In<'a> {
        In {
            ptr: self.ptr,
            shape: self.shape,
            strides: self.strides,
        }
    }
}

pub(crate) fn input<'a, T>(s: &'a Source<'a, T>) -> In<'a> {
    match s.kind() {
        SourceKind::Array {
            ptr,
            shape,
            strides,
        } => In {
            ptr: ptr.cast(),
            shape,
            strides,
        },
        // A scalar is read in place, through a 0-d layout that broadcasts to anything.
        SourceKind::Scalar(v) => In {
            ptr: (v as *const T).cast(),
            shape: &[],
            strides: &[],
        },
    }
}

/// The SIMD level for a loop over `shape` with these operands: bytes touched are the
/// output's plus each array input's (a scalar or broadcast input is read from cache).
pub(crate) fn level(
    cost: Cost,
    shape: &[usize],
    osize: usize,
    ins: &[(In<'_>, usize)],
) -> SimdLevel {
    let n: usize = shape.iter().product();
    let per = osize
        + ins
            .iter()
            .map(|(x, size)| if same_shape(x.shape, shape) { *size } else { 0 })
            .sum::<usize>();
    level_for(cost, n.saturating_mul(per))
}

/// How a run reads one input.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Lane {
    Slice,
    Splat,
    Same,
    Strided,
}

#[inline(always)]
fn lane<T: 'static, O: 'static, const K: usize>(r: &Run<K>, k: usize) -> Lane {
    if r.ptrs[k] == r.ptrs[0] && r.strides[k] == r.strides[0] {
        // Only a reused operand aliases the output, and it has the output's type; any
        // other alias would be a bug, and the strided loop is safe for it.
        if TypeId::of::<T>() == TypeId::of::<O>() {
            return Lane::Same;
        }
        return Lane::Strided;
    }
    if r.strides[k] == 0 {
        Lane::Splat
    } else if r.strides[k] == size_of::<T>() as isize {
        Lane::Slice
    } else {
        Lane::Strided
    }
}

/// Whether every axis longer than 1 has stride 0 (one value repeated).
fn is_repeat(shape: &[usize], strides: &[isize]) -> bool {
    shape.iter().zip(strides).all(|(&n, &s)| n <= 1 || s == 0)
}

/// The whole walk as one run, when the output is contiguous and every input either has
/// the output's shape and is contiguous in the same order, or holds a single value: the
/// common case, which then needs neither broadcast strides nor the loop engine's plan.
/// `ins` are the inputs before broadcasting, with their item sizes; on success `strides`
/// holds the run's byte step of the output and of each input, and the run's length is
/// returned.
pub(crate) fn single_run(
    out: Out<'_>,
    osize: usize,
    ins: &[(In<'_>, usize)],
    strides: &mut [isize],
) -> Option<usize> {
    let shape = out.shape;
    let c = layout::is_c_contiguous(shape, out.strides, osize);
    let f = !c && layout::is_f_contiguous(shape, out.strides, osize);
    if !c && !f {
        return None;
    }
    strides[0] = osize as isize;
    for (k, &(x, size)) in ins.iter().enumerate() {
        strides[k + 1] = if same_shape(x.shape, shape) {
            if (c && layout::is_c_contiguous(shape, x.strides, size))
                || (f && layout::is_f_contiguous(shape, x.strides, size))
            {
                size as isize
            } else if is_repeat(shape, x.strides) {
                0
            } else {
                return None;
            }
        } else if x.shape.len() <= shape.len() && x.shape.iter().all(|&n| n == 1) {
            0
        } else {
            return None;
        };
    }
    Some(shape.iter().product())
}

/// `out = f(a, b)` over `out.shape`, `a` and `b` broadcast to it.
///
/// # Safety
/// The layouts must describe valid, aligned elements of their types: readable for the
/// inputs, writable for `out`; `a` and `b` must broadcast to `out.shape`; `out` may
/// overlap an input only by being exactly it (same pointer, shape and strides), and only
/// if it is initialized.
pub(crate) unsafe fn zip2_raw<A, B, O, F>(cost: Cost, out: Out<'_>, a: In<'_>, b: In<'_>, f: F)
where
    A: Copy + Sync + 'static,
    B: Copy + Sync + 'static,
    O: Copy + Send + 'static,
    F: Fn(A, B) -> O + Sync,
{
    let shape = out.shape;
    if shape.contains(&0) {
        return;
    }
    let ins = [(a, size_of::<A>()), (b, size_of::<B>())];
    let aliased = a.ptr == out.ptr.cast_const() || b.ptr == out.ptr.cast_const();
    let (lv, st) = level_and_store::<O>(cost, shape, &ins, aliased);
    let parts = parallel::parts(shape);
    if parts > 1 {
        let sa = broadcast_strides(a.shape, a.strides, shape);
        let sb = broadcast_strides(b.shape, b.strides, shape);
        let whole = Whole {
            shape,
            strides: [out.strides, sa.as_slice(), sb.as_slice()],
            ptrs: [out.ptr, a.ptr.cast_mut(), b.ptr.cast_mut()],
        };
        let body = |w: Whole<'_, 3>| {
            let [o, a, b] = In::of_loop(&w);
            // SAFETY: a slab of the caller's loop (`parallel::run`), its inputs already
            // broadcast to its shape: the caller's guarantees hold for it.
            unsafe { zip2_whole(lv, st, o.output(), a, b, &f) }
        };
        // SAFETY: forwarded from the caller; `body` runs any sub-loop safely.
        if unsafe { parallel::run(whole, parts, body) } {
            return;
        }
    }
    // SAFETY: forwarded from the caller.
    unsafe { zip2_whole(lv, st, out, a, b, &f) }
}

/// [`zip2_raw`] on the calling thread, at the SIMD level and store mode chosen for the
/// whole loop.
///
/// # Safety
/// As [`zip2_raw`].
unsafe fn zip2_whole<A, B, O, F>(
    lv: SimdLevel,
    st: Store,
    out: Out<'_>,
    a: In<'_>,
    b: In<'_>,
    f: &F,
) where
    A: Copy + 'static,
    B: Copy + 'static,
    O: Copy + 'static,
    F: Fn(A, B) -> O,
{
    let shape = out.shape;
    let ptrs = [out.ptr, a.ptr.cast_mut(), b.ptr.cast_mut()];
    let mut strides = [0isize; 3];
    let ins = [(a, size_of::<A>()), (b, size_of::<B>())];
    if let Some(len) = single_run(out, size_of::<O>(), &ins, &mut strides) {
        let run = Run { ptrs, strides, len };
        // SAFETY: forwarded from the caller; the run covers exactly the output's elements.
        unsafe { zip2_run(lv, st, run, f) };
        stream_fence(st);
        return;
    }
    let sa = broadcast_strides(a.shape, a.strides, shape);
    let sb = broadcast_strides(b.shape, b.strides, shape);
    let (sa, sb) = (sa.as_slice(), sb.as_slice());
    let plan = Plan::<3>::new(shape, [out.strides, sa, sb], IterOrder::Memory);
    // SAFETY: the plan walks the three layouts in step over `shape` (in tiles or not, each
    // element once); validity of each element is the caller's guarantee.
    unsafe {
        if wants_tiles(&plan) {
            for_each_run_tiled(
                &plan,
                ptrs,
                |r| zip2_run(lv, st, r, f),
                |r, step, left| zip2_rows(lv, st, r, step, left, f),
            )
        } else {
            plan.for_each_run(ptrs, |r| zip2_run(lv, st, r, f))
        }
    };
    stream_fence(st);
}

/// The SIMD level and store mode for a loop writing a fresh output (or one of the inputs,
/// when `aliased`) of `shape`: a large output not aliased streams its stores, at the
/// best level (the narrow-vector rule of [`Cost::Light`] is for cached stores).
fn level_and_store<O>(
    cost: Cost,
    shape: &[usize],
    ins: &[(In<'_>, usize)],
    aliased: bool,
) -> (SimdLevel, Store) {
    let bytes = shape
        .iter()
        .product::<usize>()
        .saturating_mul(size_of::<O>());
    let best = super::simd::simd_level();
    match store_for(bytes, aliased, best) {
        Store::Cached => (level(cost, shape, size_of::<O>(), ins), Store::Cached),
        st => (best, st),
    }
}

/// One run of `out = f(a, b)`.
///
/// # Safety
/// As [`zip2_raw`], for the run's elements.
#[inline]
unsafe fn zip2_run<A, B, O, F>(lv: SimdLevel, st: Store, r: Run<3>, f: &F)
where
    A: Copy + 'static,
    B: Copy + 'static,
    O: Copy + 'static,
    F: Fn(A, B) -> O,
{
    let len = r.len;
    let (la, lb) = (lane::<A, O, 3>(&r, 1), lane::<B, O, 3>(&r, 2));
    let out_contiguous = r.strides[0] == size_of::<O>() as isize;
    if !out_contiguous || la == Lane::Strided || lb == Lane::Strided {
        let s = r.strides;
        let apart = r.ptrs[1] != r.ptrs[0] && r.ptrs[2] != r.ptrs[0];
        if out_contiguous && apart && la != Lane::Same && lb != Lane::Same {
            // A strided input into a contiguous output: the vectorized loop, reading the
            // strided operand element by element (never above AVX2: its 512-bit gathers
            // are slower here than scalar loads).
            let lv = lv.min(SimdLevel::Avx2);
            // SAFETY: forwarded from the caller; the output run is `len` contiguous
            // elements overlapping no input (neither lane is `Same`); each input is read
            // at its run's elements only.
            unsafe {
                let out = std::slice::from_raw_parts_mut(r.ptrs[0].cast::<MaybeUninit<O>>(), len);
                let (pa, pb) = (r.ptrs[1].cast_const(), r.ptrs[2].cast_const());
                let (ga, gb) = (Strided::<A>::new(pa, s[1]), Strided::<B>::new(pb, s[2]));
                let sa = || Slice(std::slice::from_raw_parts(pa.cast::<A>(), len));
                let sb = || Slice(std::slice::from_raw_parts(pb.cast::<B>(), len));
                match (la, lb) {
                    (Lane::Slice, _) => zip2_contiguous(lv, st, out, sa(), gb, f),
                    (Lane::Splat, _) => {
                        zip2_contiguous(lv, st, out, Splat(pa.cast::<A>().read()), gb, f)
                    }
                    (_, Lane::Slice) => zip2_contiguous(lv, st, out, ga, sb(), f),
                    (_, Lane::Splat) => {
                        zip2_contiguous(lv, st, out, ga, Splat(pb.cast::<B>().read()), f)
                    }
                    _ => zip2_contiguous(lv, st, out, ga, gb, f),
                }
            }
            return;
        }
        // SAFETY: forwarded from the caller.
        unsafe {
            strided2(
                len,
                (r.ptrs[0], s[0]),
                (r.ptrs[1], s[1]),
                (r.ptrs[2], s[2]),
                f,
            )
        };
        return;
    }
    let (pa, pb) = (
        r.ptrs[1].cast::<A>().cast_const(),
        r.ptrs[2].cast::<B>().cast_const(),
    );
    // SAFETY: the output run is `len` contiguous elements we may write; a `Slice` input
    // is `len` contiguous readable elements that do not overlap the output (an
    // overlapping one was classified `Same`); a `Splat` input is one readable element;
    // `Same` reads the initialized output (the caller's guarantee) and has the output's
    // type (checked by `lane`).
    unsafe {
        let out = std::slice::from_raw_parts_mut(r.ptrs[0].cast::<MaybeUninit<O>>(), len);
        let sa = || Slice(std::slice::from_raw_parts(pa, len));
        let sb = || Slice(std::slice::from_raw_parts(pb, len));
        match (la, lb) {
            (Lane::Slice, Lane::Slice) => zip2_contiguous(lv, st, out, sa(), sb(), f),
            (Lane::Slice, Lane::Splat) => zip2_contiguous(lv, st, out, sa(), Splat(pb.read()), f),
            (Lane::Slice, _) => zip2_contiguous(lv, st, out, sa(), Same::<B>::new(), f),
            (Lane::Splat, Lane::Slice) => zip2_contiguous(lv, st, out, Splat(pa.read()), sb(), f),
            (Lane::Splat, Lane::Splat) => {
                zip2_contiguous(lv, st, out, Splat(pa.read()), Splat(pb.read()), f)
            }
            (Lane::Splat, _) => zip2_contiguous(lv, st, out, Splat(pa.read()), Same::<B>::new(), f),
            (_, Lane::Slice) => zip2_contiguous(lv, st, out, Same::<A>::new(), sb(), f),
            (_, Lane::Splat) => zip2_contiguous(lv, st, out, Same::<A>::new(), Splat(pb.read()), f),
            (_, _) => zip2_contiguous(lv, st, out, Same::<A>::new(), Same::<B>::new(), f),
        }
    }
}

/// Several rows of `out = f(a, b)` at once when one input is transposed relative to the
/// output (`a + b.t()`, `b.t() + a`): for a cached output and 8-byte elements four rows
/// with 4×4 blocks transposed in registers ([`super::kernel::rows_transposed`]); for a
/// streamed output with rows whole lines apart, rows in pairs
/// ([`super::kernel::rows_transposed`]). Returns the rows done (0 when neither applies).
///
/// # Safety
/// As [`zip2_run`], for `left` rows of the run, `step` bytes apart per operand.
unsafe fn zip2_rows<A, B, O, F>(
    lv: SimdLevel,
    st: Store,
    r: Run<3>,
    step: [isize; 3],
    left: usize,
    f: &F,
) -> usize
where
    A: Copy + 'static,
    B: Copy + 'static,
    O: Copy + 'static,
    F: Fn(A, B) -> O,
{
    let s = r.strides;
    let flat = |k: usize, size: usize| s[k] == size as isize;
    if st.streams() {
        if left < super::kernel::SG || r.len < 4 {
            return 0;
        }
        // Any element sizes: the transposed operand's rows adjacent, the output's rows
        // whole cache lines apart, the other operand contiguous (never the output: a
        // streamed output is fresh).
        let across =
            |k: usize, size: usize| step[k] == size as isize && s[k].unsigned_abs() >= 4 * size;
        let lines = step[0] % 64 == 0 && 64 % size_of::<O>().max(1) == 0 && size_of::<O>() > 0;
        if !flat(0, size_of::<O>()) || !lines {
            return 0;
        }
        let lv = lv.min(SimdLevel::Avx2);
        let (o, pa, pb) = (
            (r.ptrs[0], step[0]),
            (r.ptrs[1], step[1]),
            (r.ptrs[2], step[2]),
        );
        // SAFETY: forwarded from the caller: four rows of `r.len` elements of each operand,
        // `step` apart; the output overlaps no input (it streams, so it is fresh).
        unsafe {
            if flat(1, size_of::<A>()) && across(2, size_of::<B>()) {
                rows_transposed(lv, st, r.len, o, pa, pb.0, s[2], f);
                return super::kernel::SG;
            } else if flat(2, size_of::<B>()) && across(1, size_of::<A>()) {
                let g = |y: B, x: A| f(x, y);
                rows_transposed(lv, st, r.len, o, pb, pa.0, s[1], &g);
                return super::kernel::SG;
            }
        }
        return 0;
    }
    if left < 4 || r.len < 4 || lv < SimdLevel::Avx2 {
        return 0;
    }
    let across = |k: usize, size: usize| {
        size == 8 && step[k] == 8 && s[k].unsigned_abs() >= 32 && r.ptrs[k] != r.ptrs[0]
    };
    if !flat(0, size_of::<O>()) {
        return 0;
    }
    // SAFETY: forwarded from the caller: four rows of `r.len` elements of each operand,
    // `step` apart; the transposed operand is not the output, so only the contiguous one
    // (if reused) is read where the output is written, element by element in step.
    unsafe {
        if flat(1, size_of::<A>()) && across(2, size_of::<B>()) {
            rows_transposed(
                lv,
                Store::Cached,
                r.len,
                (r.ptrs[0], step[0]),
                (r.ptrs[1], step[1]),
                r.ptrs[2],
                s[2],
                f,
            );
            4
        } else if flat(2, size_of::<B>()) && across(1, size_of::<A>()) {
            let g = |y: B, x: A| f(x, y);
            rows_transposed(
                lv,
                Store::Cached,
                r.len,
                (r.ptrs[0], step[0]),
                (r.ptrs[2], step[2]),
                r.ptrs[1],
                s[1],
                &g,
            );
            4
        } else {
            0
        }
    }
}

/// `out = f(a)` over `out.shape`, `a` broadcast to it.
///
/// # Safety
/// As [`zip2_raw`].
pub(crate) unsafe fn map1_raw<A, O, F>(cost: Cost, out: Out<'_>, a: In<'_>, f: F)
where
    A: Copy + Sync + 'static,
    O: Copy + Send + 'static,
    F: Fn(A) -> O + Sync,
{
    let shape = out.shape;
    if shape.contains(&0) {
        return;
    }
    let ins = [(a, size_of::<A>())];
    let (lv, st) = level_and_store::<O>(cost, shape, &ins, a.ptr == out.ptr.cast_const());
    let parts = parallel::parts(shape);
    if parts > 1 {
        let sa = broadcast_strides(a.shape, a.strides, shape);
        let whole = Whole {
            shape,
            strides: [out.strides, sa.as_slice()],
            ptrs: [out.ptr, a.ptr.cast_mut()],
        };
        let body = |w: Whole<'_, 2>| {
            let [o, a] = In::of_loop(&w);
            // SAFETY: as in `zip2_raw`.
            unsafe { map1_whole(lv, st, o.output(), a, &f) }
        };
        // SAFETY: forwarded from the caller; `body` runs any sub-loop safely.
        if unsafe { parallel::run(whole, parts, body) } {
            return;
        }
    }
    // SAFETY: forwarded from the caller.
    unsafe { map1_whole(lv, st, out, a, &f) }
}

/// [`map1_raw`] on the calling thread, at the SIMD level and store mode chosen for the
/// whole loop.
///
/// # Safety
/// As [`zip2_raw`].
unsafe fn map1_whole<A, O, F>(lv: SimdLevel, st: Store, out: Out<'_>, a: In<'_>, f: &F)
where
    A: Copy + 'static,
    O: Copy + 'static,
    F: Fn(A) -> O,
{
    let shape = out.shape;
    let ptrs = [out.ptr, a.ptr.cast_mut()];
    let mut strides = [0isize; 2];
    let ins = [(a, size_of::<A>())];
    if let Some(len) = single_run(out, size_of::<O>(), &ins, &mut strides) {
        let run = Run { ptrs, strides, len };
        // SAFETY: forwarded from the caller; the run covers exactly the output's elements.
        unsafe { map1_run(lv, st, run, f) };
        stream_fence(st);
        return;
    }
    let sa = broadcast_strides(a.shape, a.strides, shape);
    let sa = sa.as_slice();
    let plan = Plan::<2>::new(shape, [out.strides, sa], IterOrder::Memory);
    // SAFETY: as in `zip2_whole`.
    unsafe {
        if wants_tiles(&plan) {
            for_each_run_tiled(&plan, ptrs, |r| map1_run(lv, st, r, f), |_, _, _| 0)
        } else {
            plan.for_each_run(ptrs, |r| map1_run(lv, st, r, f))
        }
    };
    stream_fence(st);
}

/// One run of `out = f(a)`.
///
/// # Safety
/// As [`zip2_raw`], for the run's elements.
#[inline]
unsafe fn map1_run<A, O, F>(lv: SimdLevel, st: Store, r: Run<2>, f: &F)
where
    A: Copy + 'static,
    O: Copy + 'static,
    F: Fn(A) -> O,
{
    let len = r.len;
    let la = lane::<A, O, 2>(&r, 1);
    let out_contiguous = r.strides[0] == size_of::<O>() as isize;
    if out_contiguous && la == Lane::Strided && r.ptrs[1] != r.ptrs[0] {
        // As in `zip2_run`: the vectorized loop, reading the strided input.
        let lv = lv.min(SimdLevel::Avx2);
        // SAFETY: forwarded from the caller; the output run is `len` contiguous elements
        // and the input starts elsewhere (only a reused operand, `Same`, aliases it).
        unsafe {
            let out = std::slice::from_raw_parts_mut(r.ptrs[0].cast::<MaybeUninit<O>>(), len);
            let src = Strided::<A>::new(r.ptrs[1].cast_const(), r.strides[1]);
            map1_contiguous(lv, st, out, src, f);
        }
        return;
    }
    if !out_contiguous || la == Lane::Strided {
        // SAFETY: forwarded from the caller.
        unsafe { strided1(len, (r.ptrs[0], r.strides[0]), (r.ptrs[1], r.strides[1]), f) };
        return;
    }
    let pa = r.ptrs[1].cast::<A>().cast_const();
    // SAFETY: as in `zip2_run`.
    unsafe {
        let out = std::slice::from_raw_parts_mut(r.ptrs[0].cast::<MaybeUninit<O>>(), len);
        match la {
            Lane::Slice => {
                map1_contiguous(lv, st, out, Slice(std::slice::from_raw_parts(pa, len)), f)
            }
            Lane::Splat => map1_contiguous(lv, st, out, Splat(pa.read()), f),
            _ => map1_contiguous(lv, st, out, Same::<A>::new(), f),
        }
    }
}
