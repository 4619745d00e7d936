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
use std::mem::MaybeUninit;

/// Where a vectorized loop reads one input from.
pub(crate) trait Src<O>: Copy {
    /// The element type read.
    type Item: Copy;
    /// Element `i`; `out` is the output run (read only by [`Same`]).
    ///
    /// # Safety
    /// `i < out.len()`, and the source holds at least `out.len()` elements.
    unsafe fn get(self, out: &[MaybeUninit<O>], i: usize) -> Self::Item;
}

/// A contiguous input.
#[derive(Copy, Clone)]
pub(crate) struct Slice<'a, T>(pub(crate) &'a [T]);

/// One value, repeated.
#[derive(Copy, Clone)]
pub(crate) struct Splat<T>(pub(crate) T);

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
    #[inline(always)]
    unsafe fn get(self, out: &[MaybeUninit<O>], i: usize) -> T {
        // SAFETY: `i` is in bounds (caller); a `Same<T>` exists only for initialized
        // outputs of type `T` (its constructor's contract).
        unsafe { out.as_ptr().add(i).cast::<T>().read() }
    }
}

/// `out[i] = f(a[i], b[i])` over contiguous runs.
struct Zip2<'o, O, A, B, F> {
    out: &'o mut [MaybeUninit<O>],
    a: A,
    b: B,
    f: F,
}

impl<O, A: Src<O>, B: Src<O>, F: Fn(A::Item, B::Item) -> O> Kernel for Zip2<'_, O, A, B, F> {
    type Output = ();
    #[inline(always)]
    fn run(self) {
        let Zip2 { out, a, b, f } = self;
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
}

impl<O, A: Src<O>, F: Fn(A::Item) -> O> Kernel for Map1<'_, O, A, F> {
    type Output = ();
    #[inline(always)]
    fn run(self) {
        let Map1 { out, a, f } = self;
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
    out: &mut [MaybeUninit<O>],
    a: A,
    b: B,
    f: F,
) where
    F: Fn(A::Item, B::Item) -> O,
{
    dispatch_at(level, Zip2 { out, a, b, f })
}

/// Runs `out[i] = f(a[i])` vectorized for `level` (at most [`super::simd_level`]).
///
/// # Safety
/// As [`zip2_contiguous`].
#[inline]
pub(crate) unsafe fn map1_contiguous<O, A: Src<O>, F: Fn(A::Item) -> O>(
    level: SimdLevel,
    out: &mut [MaybeUninit<O>],
    a: A,
    f: F,
) {
    dispatch_at(level, Map1 { out, a, f })
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
