//! The element-wise drivers: broadcast the operands to one shape, walk them with the loop
//! engine, and run the kernel that fits each run ([`super::kernel`]).
//!
//! Everything element-wise in nd (operators, ufuncs, comparisons, `map`) ends here. The
//! public functions are the escape hatch for user closures and the building blocks for
//! other crates: they get the same broadcasting, run-kind specialization and SIMD
//! dispatch as the built-in operations.

use super::broadcast::{ShapeBuf, broadcast_error, broadcast_strides};
use super::kernel::{Same, Slice, Splat, map1_contiguous, strided1, strided2, zip2_contiguous};
use super::operand::{Operand, Source, SourceKind};
use super::walk::{for_each_run_tiled, wants_tiles};
use crate::array::{Array, ArrayRef};
use crate::dimension::{DimMax, Dimension};
use crate::element::Element;
use crate::engine::{IterOrder, Plan, Run};
use crate::error::{Error, Result};
use crate::layout::{self, Order};
use crate::storage::OwnedRepr;
use std::any::TypeId;
use std::mem::{MaybeUninit, size_of};

/// The broadcast rank of two operands' ranks `L` and `R`.
pub type BroadcastDim<L, R> = <L as DimMax<R>>::Output;

/// The array two operands of ranks `L` and `R` broadcast to, with elements `T`.
pub type BroadcastArray<T, L, R> = Array<T, BroadcastDim<L, R>>;

/// An input as the raw loops read it: first element and layout before broadcasting.
#[derive(Copy, Clone)]
struct In<'a> {
    ptr: *const u8,
    shape: &'a [usize],
    strides: &'a [isize],
}

/// The output of a raw loop: first element and layout (the loop's shape).
#[derive(Copy, Clone)]
struct Out<'a> {
    ptr: *mut u8,
    shape: &'a [usize],
    strides: &'a [isize],
}

impl<'a> Out<'a> {
    fn of<O, D: Dimension>(out: &'a mut ArrayRef<O, D>) -> Out<'a> {
        let ptr = out.as_mut_ptr().cast::<u8>();
        let out: &'a ArrayRef<O, D> = out;
        Out {
            ptr,
            shape: out.shape(),
            strides: out.strides(),
        }
    }

    /// The output read as an input (its buffer was reused).
    fn as_input(self) -> In<'a> {
        In {
            ptr: self.ptr,
            shape: self.shape,
            strides: self.strides,
        }
    }
}

fn input<'a, T>(s: &'a Source<'a, T>) -> In<'a> {
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
fn single_run(
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
        strides[k + 1] = if x.shape == shape {
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
unsafe fn zip2_raw<A, B, O, F>(out: Out<'_>, a: In<'_>, b: In<'_>, f: F)
where
    A: Copy + 'static,
    B: Copy + 'static,
    O: Copy + 'static,
    F: Fn(A, B) -> O,
{
    let shape = out.shape;
    if shape.contains(&0) {
        return;
    }
    let ptrs = [out.ptr, a.ptr.cast_mut(), b.ptr.cast_mut()];
    let mut strides = [0isize; 3];
    let ins = [(a, size_of::<A>()), (b, size_of::<B>())];
    if let Some(len) = single_run(out, size_of::<O>(), &ins, &mut strides) {
        let run = Run { ptrs, strides, len };
        // SAFETY: forwarded from the caller; the run covers exactly the output's elements.
        unsafe { zip2_run(run, &f) };
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
            for_each_run_tiled(&plan, ptrs, |r| zip2_run(r, &f))
        } else {
            plan.for_each_run(ptrs, |r| zip2_run(r, &f))
        }
    };
}

/// One run of `out = f(a, b)`.
///
/// # Safety
/// As [`zip2_raw`], for the run's elements.
#[inline]
unsafe fn zip2_run<A, B, O, F>(r: Run<3>, f: &F)
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
            (Lane::Slice, Lane::Slice) => zip2_contiguous(out, sa(), sb(), f),
            (Lane::Slice, Lane::Splat) => zip2_contiguous(out, sa(), Splat(pb.read()), f),
            (Lane::Slice, _) => zip2_contiguous(out, sa(), Same::<B>::new(), f),
            (Lane::Splat, Lane::Slice) => zip2_contiguous(out, Splat(pa.read()), sb(), f),
            (Lane::Splat, Lane::Splat) => {
                zip2_contiguous(out, Splat(pa.read()), Splat(pb.read()), f)
            }
            (Lane::Splat, _) => zip2_contiguous(out, Splat(pa.read()), Same::<B>::new(), f),
            (_, Lane::Slice) => zip2_contiguous(out, Same::<A>::new(), sb(), f),
            (_, Lane::Splat) => zip2_contiguous(out, Same::<A>::new(), Splat(pb.read()), f),
            (_, _) => zip2_contiguous(out, Same::<A>::new(), Same::<B>::new(), f),
        }
    }
}

/// `out = f(a)` over `out.shape`, `a` broadcast to it.
///
/// # Safety
/// As [`zip2_raw`].
unsafe fn map1_raw<A, O, F>(out: Out<'_>, a: In<'_>, f: F)
where
    A: Copy + 'static,
    O: Copy + 'static,
    F: Fn(A) -> O,
{
    let shape = out.shape;
    if shape.contains(&0) {
        return;
    }
    let ptrs = [out.ptr, a.ptr.cast_mut()];
    let mut strides = [0isize; 2];
    if let Some(len) = single_run(out, size_of::<O>(), &[(a, size_of::<A>())], &mut strides) {
        let run = Run { ptrs, strides, len };
        // SAFETY: forwarded from the caller; the run covers exactly the output's elements.
        unsafe { map1_run(run, &f) };
        return;
    }
    let sa = broadcast_strides(a.shape, a.strides, shape);
    let sa = sa.as_slice();
    let plan = Plan::<2>::new(shape, [out.strides, sa], IterOrder::Memory);
    // SAFETY: as in `zip2_raw`.
    unsafe {
        if wants_tiles(&plan) {
            for_each_run_tiled(&plan, ptrs, |r| map1_run(r, &f))
        } else {
            plan.for_each_run(ptrs, |r| map1_run(r, &f))
        }
    };
}

/// One run of `out = f(a)`.
///
/// # Safety
/// As [`zip2_raw`], for the run's elements.
#[inline]
unsafe fn map1_run<A, O, F>(r: Run<2>, f: &F)
where
    A: Copy + 'static,
    O: Copy + 'static,
    F: Fn(A) -> O,
{
    let len = r.len;
    let la = lane::<A, O, 2>(&r, 1);
    if r.strides[0] != size_of::<O>() as isize || la == Lane::Strided {
        // SAFETY: forwarded from the caller.
        unsafe { strided1(len, (r.ptrs[0], r.strides[0]), (r.ptrs[1], r.strides[1]), f) };
        return;
    }
    let pa = r.ptrs[1].cast::<A>().cast_const();
    // SAFETY: as in `zip2_run`.
    unsafe {
        let out = std::slice::from_raw_parts_mut(r.ptrs[0].cast::<MaybeUninit<O>>(), len);
        match la {
            Lane::Slice => map1_contiguous(out, Slice(std::slice::from_raw_parts(pa, len)), f),
            Lane::Splat => map1_contiguous(out, Splat(pa.read()), f),
            _ => map1_contiguous(out, Same::<A>::new(), f),
        }
    }
}

/// Broadcasts two shapes into `sh`, or gives NumPy's error. (The shape goes to a caller's
/// buffer rather than out in a `Result`: on small arrays moving it costs measurably.)
#[inline]
fn broadcast2(a: &[usize], b: &[usize], sh: &mut ShapeBuf) -> Result<()> {
    if a == b {
        *sh = ShapeBuf::from_slice(a);
        return Ok(());
    }
    if sh.merge(a) && sh.merge(b) {
        Ok(())
    } else {
        Err(broadcast_error(&[a, b]))
    }
}

/// Checks that `inputs` can be written to an output of shape `out`, with NumPy's
/// messages: the inputs and the output must broadcast together, to the output's shape.
pub(crate) fn check_output(out: &[usize], inputs: &[&[usize]]) -> Result<()> {
    // The common case: inputs of the output's shape, or single values of no more axes.
    let fits = |s: &[usize]| s == out || (s.len() <= out.len() && s.iter().all(|&n| n == 1));
    if inputs.iter().all(|s| fits(s)) {
        return Ok(());
    }
    let mut sh = ShapeBuf::new();
    let ok = inputs.iter().all(|s| sh.merge(s)) && sh.merge(out);
    if !ok {
        let mut all = inputs.to_vec();
        all.push(out);
        return Err(broadcast_error(&all));
    }
    if sh.as_slice() != out {
        return Err(Error::OutputShape {
            out: out.to_vec(),
            broadcast: sh.as_slice().to_vec(),
        });
    }
    Ok(())
}

/// A fresh output of `shape` whose elements the caller writes before reading; in
/// Fortran order when `f_order` (so `x.t() + y.t()` stays one contiguous run).
fn alloc_out<O: Element, D: Dimension>(shape: &[usize], f_order: bool) -> Result<Array<O, D>> {
    let dim = D::from_slice(shape)?;
    let (n, _) = layout::checked_size(shape, size_of::<O>())?;
    // SAFETY: every element is written by the caller's loop before anything reads it.
    let o = unsafe { OwnedRepr::uninit(n) }.ok_or_else(|| Error::Overflow {
        shape: shape.to_vec(),
    })?;
    let order = if f_order { Order::F } else { Order::C };
    Ok(Array::from_owned(o, dim, order))
}

/// Fortran order for a result when every array operand of the full shape is F- and not
/// C-contiguous (NumPy's `order='K'` for the common cases).
fn wants_f_order<A, B>(shape: &[usize], a: &Source<'_, A>, b: &Source<'_, B>) -> bool {
    if shape.iter().filter(|&&n| n > 1).count() < 2 {
        return false;
    }
    let (fa, fb) = (a.shape() == shape, b.shape() == shape);
    (fa || fb) && (!fa || a.is_f_only()) && (!fb || b.is_f_only())
}

/// `f(a, b)` into a new array of `shape` (the operands' broadcast shape).
fn zip_new<A, B, O, D, F>(
    sa: &Source<'_, A>,
    sb: &Source<'_, B>,
    shape: &[usize],
    f: F,
) -> Result<Array<O, D>>
where
    A: Element,
    B: Element,
    O: Element,
    D: Dimension,
    F: Fn(A, B) -> O,
{
    let mut out = alloc_out::<O, D>(shape, wants_f_order(shape, sa, sb))?;
    // SAFETY: a fresh output of the broadcast shape, distinct from the inputs, which
    // are valid arrays or scalars.
    unsafe { zip2_raw(Out::of(&mut out), input(sa), input(sb), f) };
    Ok(out)
}

/// `f(a, b)` for every pair of elements of `a` and `b` broadcast together: a new array
/// (NumPy's ufunc on two operands, with any Rust closure as the ufunc).
///
/// Runs through the same loops as the built-in operators: contiguous runs are vectorized
/// for the CPU's SIMD level when `f` is simple enough for the compiler.
///
/// # Errors
/// If the shapes do not broadcast together.
///
/// ```
/// use ndcore::prelude::*;
/// use ndcore::ops::zip_map;
/// let x = arange(3.0f64);
/// let y = Array::from_shape_vec([2, 1], vec![10.0, 20.0]).unwrap();
/// let z = zip_map(&x, &y, |a, b| a * b + 1.0).unwrap();
/// assert_eq!(z.to_vec(), vec![1.0, 11.0, 21.0, 1.0, 21.0, 41.0]);
/// assert!(zip_map(&x, &arange(2.0f64), |a, b| a + b).is_err());
/// ```
pub fn zip_map<A, B, O, L, R, F>(a: L, b: R, f: F) -> Result<BroadcastArray<O, L::Dim, R::Dim>>
where
    A: Element,
    B: Element,
    O: Element,
    L: Operand<A>,
    R: Operand<B>,
    L::Dim: DimMax<R::Dim>,
    F: Fn(A, B) -> O,
{
    let (sa, sb) = (a.source(), b.source());
    let mut sh = ShapeBuf::new();
    broadcast2(sa.shape(), sb.shape(), &mut sh)?;
    zip_new(&sa, &sb, sh.as_slice(), f)
}

/// `f(x)` for every element of `a`: a new array of the same shape (NumPy's unary ufunc
/// with a Rust closure). Unlike `ArrayRef::map`, which visits elements in C order one at
/// a time, this runs through the vectorized loops and keeps a Fortran-ordered input's
/// order.
///
/// ```
/// use ndcore::prelude::*;
/// let x = arange(4.0f64);
/// assert_eq!(ndcore::ops::map(&x, |v| v * v).to_vec(), vec![0.0, 1.0, 4.0, 9.0]);
/// ```
pub fn map<A, O, X, F>(a: X, f: F) -> Array<O, X::Dim>
where
    A: Element,
    O: Element,
    X: Operand<A>,
    F: Fn(A) -> O,
{
    let s = a.source();
    let shape = s.shape();
    let f_order = s.is_f_only();
    let mut out = match alloc_out::<O, X::Dim>(shape, f_order) {
        Ok(o) => o,
        // The input exists, so an output of its shape has a valid size.
        Err(e) => unreachable!("an array's shape fits in memory: {e}"),
    };
    // SAFETY: a fresh output of the input's shape.
    unsafe { map1_raw(Out::of(&mut out), input(&s), f) };
    out
}

/// Writes `f(a, b)` into `out`, with `a` and `b` broadcast to `out`'s shape (NumPy's
/// `out=` argument).
///
/// # Errors
/// If the operands and `out` do not broadcast together, or broadcast to a shape other
/// than `out`'s (NumPy's messages).
///
/// ```
/// use ndcore::prelude::*;
/// use ndcore::ops::zip_map_into;
/// let mut out = Array::<f64, _>::zeros([2, 3]);
/// zip_map_into(&arange(3.0f64), 1.0, &mut out, |a, b| a + b).unwrap();
/// assert_eq!(out.to_vec(), vec![1.0, 2.0, 3.0, 1.0, 2.0, 3.0]);
/// let e = zip_map_into(&arange(3.0f64), 1.0, &mut Array::zeros(4), |a, b| a + b);
/// assert!(e.is_err());
/// ```
pub fn zip_map_into<A, B, O, D, F>(
    a: impl Operand<A>,
    b: impl Operand<B>,
    out: &mut ArrayRef<O, D>,
    f: F,
) -> Result<()>
where
    A: Element,
    B: Element,
    O: Element,
    D: Dimension,
    F: Fn(A, B) -> O,
{
    let (sa, sb) = (a.source(), b.source());
    check_output(out.shape(), &[sa.shape(), sb.shape()])?;
    // SAFETY: `out` is borrowed exclusively, so it overlaps neither input; the shapes
    // were checked to broadcast to it.
    unsafe { zip2_raw(Out::of(out), input(&sa), input(&sb), f) };
    Ok(())
}

/// Writes `f(a)` into `out`, with `a` broadcast to `out`'s shape (NumPy's `out=`).
///
/// # Errors
/// As [`zip_map_into`].
///
/// ```
/// use ndcore::prelude::*;
/// let mut out = Array::<f64, _>::zeros([2, 2]);
/// ndcore::ops::map_into(&arange(2.0f64), &mut out, |v| v + 0.5).unwrap();
/// assert_eq!(out.to_vec(), vec![0.5, 1.5, 0.5, 1.5]);
/// ```
pub fn map_into<A, O, D, F>(a: impl Operand<A>, out: &mut ArrayRef<O, D>, f: F) -> Result<()>
where
    A: Element,
    O: Element,
    D: Dimension,
    F: Fn(A) -> O,
{
    let sa = a.source();
    check_output(out.shape(), &[sa.shape()])?;
    // SAFETY: as in `zip_map_into`.
    unsafe { map1_raw(Out::of(out), input(&sa), f) };
    Ok(())
}

/// Replaces every element `x` of `a` by `f(x)` (an in-place ufunc).
///
/// ```
/// use ndcore::prelude::*;
/// let mut x = arange(3i64);
/// ndcore::ops::map_inplace(&mut x, |v| v * 10);
/// assert_eq!(x.to_vec(), vec![0, 10, 20]);
/// ```
pub fn map_inplace<T: Element, D: Dimension, F: Fn(T) -> T>(a: &mut ArrayRef<T, D>, f: F) {
    let o = Out::of(a);
    // SAFETY: the array is its own input, exactly aliased and initialized.
    unsafe { map1_raw(o, o.as_input(), f) };
}

/// Replaces every element `x` of `a` by `f(x, y)`, `y` the matching element of `b`
/// broadcast to `a`'s shape (NumPy's in-place binary ufunc, `a += b`).
///
/// # Errors
/// As [`zip_map_into`] with `a` as the output.
///
/// ```
/// use ndcore::prelude::*;
/// let mut x = Array::<i64, _>::zeros([2, 2]);
/// ndcore::ops::zip_map_inplace(&mut x, &arange(2i64), |a, b| a + b).unwrap();
/// assert_eq!(x.to_vec(), vec![0, 1, 0, 1]);
/// ```
pub fn zip_map_inplace<T, B, D, F>(a: &mut ArrayRef<T, D>, b: impl Operand<B>, f: F) -> Result<()>
where
    T: Element,
    B: Element,
    D: Dimension,
    F: Fn(T, B) -> T,
{
    let sb = b.source();
    check_output(a.shape(), &[a.shape(), sb.shape()])?;
    let o = Out::of(a);
    // SAFETY: `a` is its own first input (exact alias, initialized); `b` is borrowed
    // shared while `a` is exclusive, so they do not overlap.
    unsafe { zip2_raw(o, o.as_input(), input(&sb), f) };
    Ok(())
}

/// `f(a, b)` element-wise for one element type, writing into an owned operand's buffer
/// when one has the result's shape (left first), else into a new array: the driver of the
/// arithmetic operators, for binary ufuncs of other crates.
///
/// # Errors
/// If the shapes do not broadcast together.
///
/// ```
/// use ndcore::prelude::*;
/// use ndcore::ops::binary;
/// let x = arange(3.0f64);
/// let t = binary(&x, &x, |a, b| a * b).unwrap();
/// let p = t.as_ptr();
/// let u = binary(t, 1.0, |a, b| a + b).unwrap(); // reuses t's buffer
/// assert_eq!(u.as_ptr(), p);
/// assert_eq!(u.to_vec(), vec![1.0, 2.0, 5.0]);
/// ```
pub fn binary<T, L, R, F>(a: L, b: R, f: F) -> Result<BroadcastArray<T, L::Dim, R::Dim>>
where
    T: Element,
    L: Operand<T>,
    R: Operand<T>,
    L::Dim: DimMax<R::Dim>,
    F: Fn(T, T) -> T,
{
    let mut sh = ShapeBuf::new();
    broadcast2(a.source().shape(), b.source().shape(), &mut sh)?;
    let shape = sh.as_slice();
    let a = match a.into_reusable(shape) {
        Ok(mut out) => {
            let sb = b.source();
            let o = Out::of(&mut out);
            // SAFETY: the output is the left operand's own initialized buffer (an exact
            // alias); `b` is a different value, so it does not overlap it.
            unsafe { zip2_raw(o, o.as_input(), input(&sb), f) };
            return out.into_rank();
        }
        Err(a) => a,
    };
    match b.into_reusable(shape) {
        Ok(mut out) => {
            let sa = a.source();
            let o = Out::of(&mut out);
            // SAFETY: as above, with the right operand's buffer.
            unsafe { zip2_raw(o, input(&sa), o.as_input(), f) };
            out.into_rank()
        }
        Err(b) => zip_new(&a.source(), &b.source(), shape, f),
    }
}

/// `f(x)` element-wise for one element type, in an owned operand's own buffer when it is
/// given by value, else into a new array: the driver of `-x` and `!x`, and of unary ufuncs
/// (`sqrt(&i * &i + &j * &j)` takes the square root in place).
///
/// ```
/// use ndcore::prelude::*;
/// let x = arange(4.0f64);
/// let p = x.as_ptr();
/// let r = ndcore::ops::unary(x, f64::sqrt);
/// assert_eq!(r.as_ptr(), p);
/// assert_eq!(r[[3]], 3f64.sqrt());
/// ```
pub fn unary<T, X, F>(a: X, f: F) -> Array<T, X::Dim>
where
    T: Element,
    X: Operand<T>,
    F: Fn(T) -> T,
{
    let sh = ShapeBuf::from_slice(a.source().shape());
    match a.into_reusable(sh.as_slice()) {
        Ok(mut out) => {
            map_inplace(&mut out, f);
            out
        }
        Err(a) => map(a, f),
    }
}
