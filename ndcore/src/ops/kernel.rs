//! The loops element-wise operations run, one per kind of run the loop engine hands out.
//!
//! A run is `len` elements of an output and up to two inputs. Each input is a
//! contiguous slice ([`Slice`]), one value repeated (stride 0, [`Splat`]), or the output
//! itself ([`Same`]: an operator reused its operand's buffer, so each element is read
//! and then overwritten at the same index). When the output is contiguous and every
//! input is one of those three, the loop below is a plain indexed loop over slices the
//! compiler vectorizes, compiled per SIMD level ([`super::simd`]). Anything else (a
//! strided operand) takes [`strided2`] / [`strided1`], which step raw pointers.

use super::simd::{Kernel, SimdLevel, dispatch_at};
use std::marker::PhantomData;
use std::mem::{MaybeUninit, size_of};

/// Where a vectorized loop reads one input from.
pub(crate) trait Src<O>: Copy {
    /// The element type read.
    type Item: Copy;
    /// Whether [`get`](Self::get) reads the output run (only [`Same`] does).
    const READS_OUT: bool = false;
    /// Element `i`; `out` is the output run (read only by [`Same`]; others may get an
    /// empty slice).
    ///
    /// # Safety
    /// `i` is below the run's length, which the source holds; `i < out.len()` if the
    /// source [reads the output](Self::READS_OUT).
    unsafe fn get(self, out: &[MaybeUninit<O>], i: usize) -> Self::Item;
}

/// A contiguous input.
#[derive(Copy, Clone)]
pub(crate) struct Slice<'a, T>(pub(crate) &'a [T]);

/// One value, repeated.
#[derive(Copy, Clone)]
pub(crate) struct Splat<T>(pub(crate) T);

/// An input with any byte stride (the transposed operand of `a + b.t()`), read through a
/// raw pointer.
#[derive(Copy, Clone)]
pub(crate) struct Strided<T> {
    ptr: *const u8,
    stride: isize,
    _t: PhantomData<T>,
}

impl<T> Strided<T> {
    /// # Safety
    /// `ptr + i * stride` must be readable and aligned for `T` for every `i` the kernel
    /// reads (below the run's length).
    pub(crate) unsafe fn new(ptr: *const u8, stride: isize) -> Self {
        Strided {
            ptr,
            stride,
            _t: PhantomData,
        }
    }
}

impl<O, T: Copy> Src<O> for Strided<T> {
    type Item = T;
    #[inline(always)]
    unsafe fn get(self, _: &[MaybeUninit<O>], i: usize) -> T {
        // SAFETY: `i` is below the run's length (caller); the constructor's contract.
        unsafe { self.ptr.offset(i as isize * self.stride).cast::<T>().read() }
    }
}

/// The output's own (initialized) elements, read as `T`, which is the output's type.
pub(crate) struct Same<T>(PhantomData<T>);

impl<T> Same<T> {
    /// # Safety
    /// Only for outputs of element type `T` whose elements are initialized.
    pub(crate) unsafe fn new() -> Self {
        Same(PhantomData)
    }
}

impl<T> Clone for Same<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Same<T> {}

impl<O, T: Copy> Src<O> for Slice<'_, T> {
    type Item = T;
    #[inline(always)]
    unsafe fn get(self, _: &[MaybeUninit<O>], i: usize) -> T {
        // SAFETY: the caller keeps `i` below the slice's length.
        unsafe { *self.0.get_unchecked(i) }
    }
}

impl<O, T: Copy> Src<O> for Splat<T> {
    type Item = T;
    #[inline(always)]
    unsafe fn get(self, _: &[MaybeUninit<O>], _: usize) -> T {
        self.0
    }
}

impl<O, T: Copy> Src<O> for Same<T> {
    type Item = T;
    const READS_OUT: bool = true;
    #[inline(always)]
    unsafe fn get(self, out: &[MaybeUninit<O>], i: usize) -> T {
        // SAFETY: `i` is in bounds (caller); a `Same<T>` exists only for initialized
        // outputs of type `T` (its constructor's contract).
        unsafe { out.as_ptr().add(i).cast::<T>().read() }
    }
}

/// How a kernel writes its output.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Store {
    /// Ordinary stores: the output's lines are read into the cache first, then written.
    Cached,
    /// Whole 64-byte lines with non-temporal stores, bypassing the cache: for fresh
    /// outputs larger than the last-level cache, whose lines would only be fetched to be
    /// overwritten (a quarter less memory traffic for `a + b`). Never for an output that
    /// is also an input ([`Same`]). 16-byte stores (SSE2).
    Stream,
    /// As `Stream`, with 32-byte stores (AVX): only in kernels run at
    /// [`SimdLevel::Avx2`] or above.
    StreamWide,
}

impl Store {
    /// Whether the output is written with non-temporal stores.
    pub(crate) fn streams(self) -> bool {
        self != Store::Cached
    }
}

/// The store mode for an output of `bytes` bytes that `aliased` says overlaps an input,
/// written by a kernel running at `level`.
#[inline]
pub(crate) fn store_for(bytes: usize, aliased: bool, level: SimdLevel) -> Store {
    if aliased || bytes < super::simd::stream_threshold() || !cfg!(target_arch = "x86_64") {
        Store::Cached
    } else if level >= SimdLevel::Avx2 {
        Store::StreamWide
    } else {
        Store::Stream
    }
}

/// Makes non-temporal stores visible to other threads before the output array is
/// handed on (they are weakly ordered); call once after an operation that streamed.
#[inline]
pub(crate) fn stream_fence(store: Store) {
    #[cfg(target_arch = "x86_64")]
    if store.streams() {
        // SAFETY: SSE is part of every x86-64 target.
        unsafe { std::arch::x86_64::_mm_sfence() };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = store;
}

/// Streams one 64-byte line from `src` to `dst` with 16-byte non-temporal stores.
///
/// # Safety
/// Both 64-byte aligned and valid for 64 bytes.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
unsafe fn stream_line(dst: *mut u8, src: *const u8) {
    use std::arch::x86_64::{__m128i, _mm_load_si128, _mm_stream_si128};
    let (d, s) = (dst.cast::<__m128i>(), src.cast::<__m128i>());
    for q in 0..LINE / 16 {
        // SAFETY: the caller's guarantee; SSE2 is part of every x86-64 target.
        unsafe { _mm_stream_si128(d.add(q), _mm_load_si128(s.add(q))) };
    }
}

/// As [`stream_line`], with 32-byte stores.
///
/// # Safety
/// As [`stream_line`], and the CPU must have AVX (the caller runs at
/// [`SimdLevel::Avx2`] or above, into whose kernels this is inlined).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx")]
#[inline]
unsafe fn stream_line_wide(dst: *mut u8, src: *const u8) {
    use std::arch::x86_64::{__m256i, _mm256_load_si256, _mm256_stream_si256};
    let (d, s) = (dst.cast::<__m256i>(), src.cast::<__m256i>());
    for q in 0..LINE / 32 {
        // SAFETY: the caller's guarantee.
        unsafe { _mm256_stream_si256(d.add(q), _mm256_load_si256(s.add(q))) };
    }
}

/// Writes `out[i] = g(i)` for every `i`. With a streaming [`Store`] the aligned middle
/// of `out` is written a 64-byte line at a time: the line's elements are computed into
/// an aligned block (registers, after vectorization) and streamed out.
#[inline(always)]
pub(crate) fn fill<O>(out: &mut [MaybeUninit<O>], store: Store, mut g: impl FnMut(usize) -> O) {
    let size = std::mem::size_of::<O>();
    let n = out.len();
    #[cfg(target_arch = "x86_64")]
    if store.streams() && size != 0 && LINE.is_multiple_of(size) {
        let per = LINE / size;
        let head = out.as_ptr().align_offset(LINE).min(n);
        for (i, o) in out[..head].iter_mut().enumerate() {
            *o = MaybeUninit::new(g(i));
        }
        let mut i = head;
        let mut line = Line([MaybeUninit::uninit(); LINE]);
        while i + per <= n {
            let t = line.0.as_mut_ptr().cast::<O>();
            for k in 0..per {
                // SAFETY: `k < per` elements of `O` fit the 64-byte, 64-aligned block.
                unsafe { t.add(k).write(g(i + k)) };
            }
            // SAFETY: `out[i..i + per]` is in bounds and starts on a 64-byte boundary
            // (`head` aligned it, and `per` elements are 64 bytes); the block holds the
            // line's 64 initialized bytes; `StreamWide` is only chosen for kernels that
            // run with AVX.
            unsafe { stream_out(store, out.as_mut_ptr().add(i).cast::<u8>(), &line) };
            i += per;
        }
        for (k, o) in out[i..].iter_mut().enumerate() {
            *o = MaybeUninit::new(g(i + k));
        }
        return;
    }
    let _ = (store, size);
    for (i, o) in out.iter_mut().enumerate() {
        *o = MaybeUninit::new(g(i));
    }
}

/// A cache line, in bytes.
const LINE: usize = 64;

/// One cache line's worth of bytes, aligned: where a line is assembled before it is
/// streamed out.
#[repr(C, align(64))]
struct Line([MaybeUninit<u8>; LINE]);

/// Streams the 64-byte `line` to `dst` with the stores `store` names.
///
/// # Safety
/// `dst` 64-byte aligned and writable for 64 bytes; `line` initialized; `store` streams,
/// and `StreamWide` only where the CPU has AVX.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
unsafe fn stream_out(store: Store, dst: *mut u8, line: &Line) {
    let src = line.0.as_ptr().cast::<u8>();
    // SAFETY: the caller's guarantee.
    unsafe {
        if store == Store::StreamWide {
            stream_line_wide(dst, src);
        } else {
            stream_line(dst, src);
        }
    }
}

/// `out[i] = f(a[i], b[i])` over contiguous runs.
struct Zip2<'o, O, A, B, F> {
    out: &'o mut [MaybeUninit<O>],
    a: A,
    b: B,
    f: F,
    store: Store,
}

impl<O, A: Src<O>, B: Src<O>, F: Fn(A::Item, B::Item) -> O> Kernel for Zip2<'_, O, A, B, F> {
    type Output = ();
    #[inline(always)]
    fn run(self) {
        let Zip2 {
            out,
            a,
            b,
            f,
            store,
        } = self;
        if store.streams() && !A::READS_OUT && !B::READS_OUT {
            fill(out, store, |i| {
                // SAFETY: `i` is below the output's length, which the sources hold
                // (caller); neither source reads the output, so it gets none.
                let (x, y) = unsafe { (a.get(&[], i), b.get(&[], i)) };
                f(x, y)
            });
            return;
        }
        for i in 0..out.len() {
            // SAFETY: `i < out.len()`, and the sources hold `out.len()` elements
            // (checked by `zip2_contiguous`'s caller).
            let (x, y) = unsafe { (a.get(out, i), b.get(out, i)) };
            out[i] = MaybeUninit::new(f(x, y));
        }
    }
}

/// `out[i] = f(a[i])` over contiguous runs.
struct Map1<'o, O, A, F> {
    out: &'o mut [MaybeUninit<O>],
    a: A,
    f: F,
    store: Store,
}

impl<O, A: Src<O>, F: Fn(A::Item) -> O> Kernel for Map1<'_, O, A, F> {
    type Output = ();
    #[inline(always)]
    fn run(self) {
        let Map1 { out, a, f, store } = self;
        if store.streams() && !A::READS_OUT {
            // SAFETY: as in `Zip2::run`.
            fill(out, store, |i| f(unsafe { a.get(&[], i) }));
            return;
        }
        for i in 0..out.len() {
            // SAFETY: as in `Zip2::run`.
            let x = unsafe { a.get(out, i) };
            out[i] = MaybeUninit::new(f(x));
        }
    }
}

/// Runs `out[i] = f(a[i], b[i])` vectorized for `level` (at most [`super::simd_level`]).
///
/// # Safety
/// Each [`Slice`] source holds at least `out.len()` elements; [`Same`] is used only when
/// `out` is initialized.
#[inline]
pub(crate) unsafe fn zip2_contiguous<O, A: Src<O>, B: Src<O>, F>(
    level: SimdLevel,
    store: Store,
    out: &mut [MaybeUninit<O>],
    a: A,
    b: B,
    f: F,
) where
    F: Fn(A::Item, B::Item) -> O,
{
    dispatch_at(
        level,
        Zip2 {
            out,
            a,
            b,
            f,
            store,
        },
    )
}

/// Runs `out[i] = f(a[i])` vectorized for `level` (at most [`super::simd_level`]).
///
/// # Safety
/// As [`zip2_contiguous`].
#[inline]
pub(crate) unsafe fn map1_contiguous<O, A: Src<O>, F: Fn(A::Item) -> O>(
    level: SimdLevel,
    store: Store,
    out: &mut [MaybeUninit<O>],
    a: A,
    f: F,
) {
    dispatch_at(level, Map1 { out, a, f, store })
}

/// `len` elements of `out = f(a, b)` through raw pointers with any byte strides (zero,
/// negative, or the output's own: each element is read before it is written).
///
/// # Safety
/// Every `p + i * stride` for `i < len` must be valid: readable for `a` and `b`, writable
/// for `out`, aligned; `out` must not overlap an input except at exactly the same
/// elements.
#[inline]
pub(crate) unsafe fn strided2<A: Copy, B: Copy, O>(
    len: usize,
    out: (*mut u8, isize),
    a: (*const u8, isize),
    b: (*const u8, isize),
    f: impl Fn(A, B) -> O,
) {
    let (mut po, mut pa, mut pb) = (out.0, a.0, b.0);
    for _ in 0..len {
        // SAFETY: the caller guarantees each pointer is valid and aligned for its type.
        unsafe {
            let v = f(pa.cast::<A>().read(), pb.cast::<B>().read());
            po.cast::<O>().write(v);
        }
        po = po.wrapping_offset(out.1);
        pa = pa.wrapping_offset(a.1);
        pb = pb.wrapping_offset(b.1);
    }
}

/// Rows of `out[k][j] = f(c[k][j], t[k][j])`, `k < 4`, `j < len`: `out` and `c`
/// contiguous along `j` (rows `step` bytes apart), `t` an 8-byte type stored the other
/// way (its four rows' elements adjacent, `tstride` bytes between columns). Each 4×4
/// block of `t` is loaded as four 32-byte rows and transposed in registers, so `t` is
/// read a cache line at a time instead of one element per line (`a + b.t()` in cache,
/// 1000×1000 `f64`: 1.70 → 0.93 ms against 0.48 ms contiguous;
/// `cargo bench -p ndops --bench elementwise -- add_layout_1e6`).
///
/// With a streaming `store` the kernel is `RowsStreamed` instead (below).
struct Rows<'a, C, T, O, H> {
    store: Store,
    len: usize,
    out: (*mut u8, isize),
    c: (*mut u8, isize),
    t: *const u8,
    tstride: isize,
    h: &'a H,
    _types: PhantomData<(C, T, O)>,
}

impl<C: Copy, T: Copy, O, H: Fn(C, T) -> O> Kernel for Rows<'_, C, T, O, H> {
    type Output = ();
    #[inline(always)]
    fn run(self) {
        if self.store.streams() {
            self.run_streamed()
        } else {
            self.run_blocks()
        }
    }
}

impl<C: Copy, T: Copy, O, H: Fn(C, T) -> O> Rows<'_, C, T, O, H> {
    /// The rows' first elements: of `c` and of the output.
    #[inline(always)]
    fn row_ptrs<const G: usize>(&self) -> ([*const C; G], [*mut O; G]) {
        let row = |base: (*mut u8, isize), k: usize| base.0.wrapping_offset(k as isize * base.1);
        (
            std::array::from_fn(|k| row(self.c, k).cast_const().cast::<C>()),
            std::array::from_fn(|k| row(self.out, k).cast::<O>()),
        )
    }

    /// Four rows, 4×4 blocks of `t` transposed in registers.
    #[inline(always)]
    fn run_blocks(self) {
        let (cs, os) = self.row_ptrs::<4>();
        let Rows {
            len, t, tstride, h, ..
        } = self;
        let mut j = 0;
        while j + 4 <= len {
            let mut blk = [[MaybeUninit::<T>::uninit(); 4]; 4];
            // SAFETY: `rows_transposed`'s caller guarantees the 4×4 block of `t` at
            // columns `j..j + 4` is readable (each column's four elements adjacent);
            // `blk` holds 16 elements of `T`, which is 8 bytes; the kernel runs at AVX2
            // or above (its dispatch level).
            unsafe {
                transpose4x4_u64(
                    t.wrapping_offset(j as isize * tstride),
                    tstride,
                    blk.as_mut_ptr().cast(),
                );
            }
            for ((row, &ck), &ok) in blk.iter().zip(&cs).zip(&os) {
                for (l, v) in row.iter().enumerate() {
                    // SAFETY: element `(k, j + l)` of `c` and `out` is valid (caller); the
                    // block was written above; `c` is read before `out` is written.
                    unsafe {
                        let y = h(ck.add(j + l).read(), v.assume_init());
                        ok.add(j + l).write(y);
                    }
                }
            }
            j += 4;
        }
        for jj in j..len {
            let col = t.wrapping_offset(jj as isize * tstride).cast::<T>();
            for k in 0..4 {
                // SAFETY: as above, one element at a time.
                unsafe {
                    os[k]
                        .add(jj)
                        .write(h(cs[k].add(jj).read(), col.add(k).read()))
                };
            }
        }
    }
}

/// `RowsStreamed`, for outputs written with streaming stores: [`SG`] rows of
/// `out[k][j] = h(c[k][j], t[k][j])` advance together a cache line of output at a time,
/// so the elements of `t` each column step reads (adjacent: `t` is stored the other way)
/// come from one line, and each output row's line is assembled and streamed whole. Any
/// element sizes; the output's rows must be a multiple of 64 bytes apart. Measured on
/// `a + b.t()`, 2500×4000 `f64`: 12.3 ms a row at a time, 11.5 ms two rows, 13.3 ms four
/// (`paperbench --filter add_transposed`).
impl<C: Copy, T: Copy, O, H: Fn(C, T) -> O> Rows<'_, C, T, O, H> {
    /// [`SG`] rows advancing a line of output at a time, lines streamed.
    #[inline(always)]
    fn run_streamed(self) {
        let (cs, os) = self.row_ptrs::<SG>();
        let Rows {
            store,
            len,
            t,
            tstride,
            h,
            ..
        } = self;
        let tcol = |j: usize| t.wrapping_offset(j as isize * tstride).cast::<T>();
        let one = |k: usize, j: usize| {
            // SAFETY: element `(k, j)` of `c`, `out` and `t` is valid for `k < SG`,
            // `j < len` (`rows_transposed`'s caller); `c` is never the output here.
            unsafe {
                os[k]
                    .add(j)
                    .write(h(cs[k].add(j).read(), tcol(j).add(k).read()))
            };
        };
        let per = LINE / size_of::<O>().max(1);
        // Every row starts at the same offset within a line (rows are whole lines apart).
        let head = os[0].align_offset(LINE).min(len);
        for j in 0..head {
            (0..SG).for_each(|k| one(k, j));
        }
        let mut j = head;
        #[cfg(target_arch = "x86_64")]
        {
            let mut line = Line([MaybeUninit::uninit(); LINE]);
            while j + per <= len {
                for (k, (&ck, &ok)) in cs.iter().zip(&os).enumerate() {
                    let lp = line.0.as_mut_ptr().cast::<O>();
                    for l in 0..per {
                        // SAFETY: as above; `l < per` elements of `O` fill the line.
                        unsafe {
                            lp.add(l)
                                .write(h(ck.add(j + l).read(), tcol(j + l).add(k).read()))
                        };
                    }
                    // SAFETY: `ok + j` is 64-byte aligned (`head`, whole-line row steps)
                    // and the line's `per` elements are in the row; the line is written.
                    unsafe { stream_out(store, ok.add(j).cast::<u8>(), &line) };
                }
                j += per;
            }
        }
        for jj in j..len {
            (0..SG).for_each(|k| one(k, jj));
        }
    }
}

/// Rows the streamed kernel advances together (measured: 2 beats 1, 3 and 4).
pub(crate) const SG: usize = 2;

/// Runs [`Rows`] at `level`: rows of `out = h(c, t)` with `t` stored the other way. With
/// `Store::Cached`, four rows in 4×4 blocks transposed in registers; with a streaming
/// store, [`SG`] rows a line at a time.
///
/// # Safety
/// For `k` below the rows done (4, or [`SG`] when streaming) and `j < len`:
/// `out.0 + k * out.1 + j * size_of::<O>()` writable, `c.0 + k * c.1 + j * size_of::<C>()`
/// readable (it may be the output itself, read before written, only when cached),
/// `t + j * tstride + k * size_of::<T>()` readable, all aligned; `t` overlaps no output
/// element; `level` at most [`super::simd_level`]. Cached: `T` is 8 bytes and `level` is
/// AVX2 or above. Streaming: `StreamWide` only at AVX2 or above, `size_of::<O>()` divides
/// 64, and the output rows are a multiple of 64 bytes apart.
#[allow(clippy::too_many_arguments)]
#[inline]
pub(crate) unsafe fn rows_transposed<C: Copy, T: Copy, O, H: Fn(C, T) -> O>(
    level: SimdLevel,
    store: Store,
    len: usize,
    out: (*mut u8, isize),
    c: (*mut u8, isize),
    t: *mut u8,
    tstride: isize,
    h: &H,
) {
    debug_assert!(if store.streams() {
        out.1 % LINE as isize == 0
    } else {
        size_of::<T>() == 8 && level >= SimdLevel::Avx2
    });
    dispatch_at(
        level,
        Rows::<C, T, O, H> {
            store,
            len,
            out,
            c,
            t: t.cast_const(),
            tstride,
            h,
            _types: PhantomData,
        },
    )
}

/// Transposes the 4×4 block of 8-byte elements whose column `l` is the four adjacent
/// elements at `src + l * stride`, into `dst` row by row (`dst[k * 4 + l]`).
///
/// # Safety
/// The block must be readable, `dst` writable for 16 elements; the CPU must have AVX.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx")]
#[inline]
unsafe fn transpose4x4_u64(src: *const u8, stride: isize, dst: *mut u64) {
    use std::arch::x86_64::{
        _mm256_loadu_pd, _mm256_permute2f128_pd, _mm256_storeu_pd, _mm256_unpackhi_pd,
        _mm256_unpacklo_pd,
    };
    // The shuffles move bits without arithmetic: any 8-byte value goes through unchanged.
    // SAFETY: the caller's guarantee.
    unsafe {
        let ld = |l: isize| _mm256_loadu_pd(src.wrapping_offset(l * stride).cast());
        let (r0, r1, r2, r3) = (ld(0), ld(1), ld(2), ld(3));
        let (t0, t1) = (_mm256_unpacklo_pd(r0, r1), _mm256_unpackhi_pd(r0, r1));
        let (t2, t3) = (_mm256_unpacklo_pd(r2, r3), _mm256_unpackhi_pd(r2, r3));
        let d = dst.cast::<f64>();
        _mm256_storeu_pd(d, _mm256_permute2f128_pd(t0, t2, 0x20));
        _mm256_storeu_pd(d.add(4), _mm256_permute2f128_pd(t1, t3, 0x20));
        _mm256_storeu_pd(d.add(8), _mm256_permute2f128_pd(t0, t2, 0x31));
        _mm256_storeu_pd(d.add(12), _mm256_permute2f128_pd(t1, t3, 0x31));
    }
}

/// Elsewhere: the same transposition, element by element.
///
/// # Safety
/// As the x86-64 version, without the AVX requirement.
#[cfg(not(target_arch = "x86_64"))]
#[inline]
unsafe fn transpose4x4_u64(src: *const u8, stride: isize, dst: *mut u64) {
    for l in 0..4 {
        for k in 0..4 {
            // SAFETY: the caller's guarantee.
            unsafe {
                let v = src
                    .wrapping_offset(l as isize * stride)
                    .cast::<u64>()
                    .add(k)
                    .read_unaligned();
                dst.add(k * 4 + l).write(v);
            }
        }
    }
}

/// `len` elements of `out = f(a)` through raw pointers with any byte strides.
///
/// # Safety
/// As [`strided2`].
#[inline]
pub(crate) unsafe fn strided1<A: Copy, O>(
    len: usize,
    out: (*mut u8, isize),
    a: (*const u8, isize),
    f: impl Fn(A) -> O,
) {
    let (mut po, mut pa) = (out.0, a.0);
    for _ in 0..len {
        // SAFETY: the caller guarantees each pointer is valid and aligned for its type.
        unsafe { po.cast::<O>().write(f(pa.cast::<A>().read())) };
        po = po.wrapping_offset(out.1);
        pa = pa.wrapping_offset(a.1);
    }
}
