//! The element-wise drivers everything element-wise in nd runs through (operators,
//! ufuncs, comparisons, `map`): broadcast the operands, reuse an owned operand's buffer
//! or allocate the result, and run the raw loops ([`super::driver`]).
//!
//! The public functions are the escape hatch for user closures and the building blocks
//! for other crates: they get the same broadcasting, run-kind specialization and SIMD
//! dispatch as the built-in operations. They assume `f` is [`Cost::Heavy`]; the same
//! functions in [`light`] are for functions that do little arithmetic per element.

use super::broadcast::{ShapeBuf, broadcast_error, same_shape};
use super::driver::{Out, input, map1_raw, zip2_raw};
use super::operand::{Operand, Source};
use super::promote::{PairDim, Promoted, Promotes, SameKind};
use super::simd::Cost;
use crate::array::{Array, ArrayRef, uninit_buffer};
use crate::dimension::{DimMax, Dimension};
use crate::element::{CastTo, Element};
use crate::error::{Error, Result};
use crate::layout::Order;
use std::any::{Any, TypeId};

/// The broadcast rank of two operands' ranks `L` and `R`.
pub type BroadcastDim<L, R> = <L as DimMax<R>>::Output;

/// The array two operands of ranks `L` and `R` broadcast to, with elements `T`.
pub type BroadcastArray<T, L, R> = Array<T, BroadcastDim<L, R>>;

/// Broadcasts two shapes into `sh`, or gives NumPy's error. (The shape goes to a caller's
/// buffer rather than out in a `Result`: on small arrays moving it costs measurably.)
#[inline]
fn broadcast2(a: &[usize], b: &[usize], sh: &mut ShapeBuf) -> Result<()> {
    if same_shape(a, b) {
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
    let fits =
        |s: &[usize]| same_shape(s, out) || (s.len() <= out.len() && s.iter().all(|&n| n == 1));
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
pub(crate) fn alloc_out<O: Element, D: Dimension>(
    shape: &[usize],
    f_order: bool,
) -> Result<Array<O, D>> {
    let dim = D::from_slice(shape)?;
    // SAFETY: every element is written by the caller's loop before anything reads it.
    let o = unsafe { uninit_buffer::<O>(shape) }?;
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
    cost: Cost,
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
    F: Fn(A, B) -> O + Sync,
{
    let mut out = alloc_out::<O, D>(shape, wants_f_order(shape, sa, sb))?;
    // SAFETY: a fresh output of the broadcast shape, distinct from the inputs, which
    // are valid arrays or scalars.
    unsafe { zip2_raw(cost, Out::of(&mut out), input(sa), input(sb), f) };
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
    F: Fn(A, B) -> O + Sync,
{
    zip_map_with(Cost::Heavy, a, b, f)
}

pub(crate) fn zip_map_with<A, B, O, L, R, F>(
    cost: Cost,
    a: L,
    b: R,
    f: F,
) -> Result<BroadcastArray<O, L::Dim, R::Dim>>
where
    A: Element,
    B: Element,
    O: Element,
    L: Operand<A>,
    R: Operand<B>,
    L::Dim: DimMax<R::Dim>,
    F: Fn(A, B) -> O + Sync,
{
    let (sa, sb) = (a.source(), b.source());
    let mut sh = ShapeBuf::new();
    broadcast2(sa.shape(), sb.shape(), &mut sh)?;
    zip_new(cost, &sa, &sb, sh.as_slice(), f)
}

/// `f(x)` for every element of `a`: a new array of the same shape (NumPy's unary ufunc
/// with a Rust closure). Unlike `ArrayRef::map`, which visits elements in C order one at
/// a time, this runs through the vectorized loops and keeps a Fortran-ordered input's
/// order.
///
/// # Panics
/// If the result cannot be allocated (NumPy's `MemoryError` text), as `Vec` does: only
/// reachable when `O` is larger than `A` on a huge broadcast input, or out of memory.
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
    F: Fn(A) -> O + Sync,
{
    map_with(Cost::Heavy, a, f)
}

pub(crate) fn map_with<A, O, X, F>(cost: Cost, a: X, f: F) -> Array<O, X::Dim>
where
    A: Element,
    O: Element,
    X: Operand<A>,
    F: Fn(A) -> O + Sync,
{
    let s = a.source();
    let shape = s.shape();
    // An output of a larger element type may not fit, or not be granted: a panic with
    // NumPy's message, as `Vec` panics on capacity overflow.
    let mut out = alloc_out::<O, X::Dim>(shape, s.is_f_only()).unwrap_or_else(|e| panic!("{e}"));
    // SAFETY: a fresh output of the input's shape.
    unsafe { map1_raw(cost, Out::of(&mut out), input(&s), f) };
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
    F: Fn(A, B) -> O + Sync,
{
    zip_map_into_with(Cost::Heavy, a, b, out, f)
}

pub(crate) fn zip_map_into_with<A, B, O, D, F>(
    cost: Cost,
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
    F: Fn(A, B) -> O + Sync,
{
    let (sa, sb) = (a.source(), b.source());
    check_output(out.shape(), &[sa.shape(), sb.shape()])?;
    // SAFETY: `out` is borrowed exclusively, so it overlaps neither input; the shapes
    // were checked to broadcast to it.
    unsafe { zip2_raw(cost, Out::of(out), input(&sa), input(&sb), f) };
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
    F: Fn(A) -> O + Sync,
{
    map_into_with(Cost::Heavy, a, out, f)
}

pub(crate) fn map_into_with<A, O, D, F>(
    cost: Cost,
    a: impl Operand<A>,
    out: &mut ArrayRef<O, D>,
    f: F,
) -> Result<()>
where
    A: Element,
    O: Element,
    D: Dimension,
    F: Fn(A) -> O + Sync,
{
    let sa = a.source();
    check_output(out.shape(), &[sa.shape()])?;
    // SAFETY: as in `zip_map_into`.
    unsafe { map1_raw(cost, Out::of(out), input(&sa), f) };
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
pub fn map_inplace<T: Element, D: Dimension, F: Fn(T) -> T + Sync>(a: &mut ArrayRef<T, D>, f: F) {
    map_inplace_with(Cost::Heavy, a, f)
}

pub(crate) fn map_inplace_with<T: Element, D: Dimension, F: Fn(T) -> T + Sync>(
    cost: Cost,
    a: &mut ArrayRef<T, D>,
    f: F,
) {
    let o = Out::of(a);
    // SAFETY: the array is its own input, exactly aliased and initialized.
    unsafe { map1_raw(cost, o, o.as_input(), f) };
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
    F: Fn(T, B) -> T + Sync,
{
    zip_map_inplace_with(Cost::Heavy, a, b, f)
}

pub(crate) fn zip_map_inplace_with<T, B, D, F>(
    cost: Cost,
    a: &mut ArrayRef<T, D>,
    b: impl Operand<B>,
    f: F,
) -> Result<()>
where
    T: Element,
    B: Element,
    D: Dimension,
    F: Fn(T, B) -> T + Sync,
{
    let sb = b.source();
    check_output(a.shape(), &[a.shape(), sb.shape()])?;
    let o = Out::of(a);
    // SAFETY: `a` is its own first input (exact alias, initialized); `b` is borrowed
    // shared while `a` is exclusive, so they do not overlap.
    unsafe { zip2_raw(cost, o, o.as_input(), input(&sb), f) };
    Ok(())
}

/// `f(a, b)` element-wise, writing into an owned operand's buffer when one has the
/// result's shape and element type (left first), else into a new array: the driver of the
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
    F: Fn(T, T) -> T + Sync,
{
    binary_with(Cost::Heavy, a, b, f)
}

/// `array` as an array of `O`, when `A` is `O`; the array back otherwise.
fn retype<A: Element, O: Element, D: Dimension>(
    array: Array<A, D>,
) -> Result<Array<O, D>, Array<A, D>> {
    let mut slot = Some(array);
    let taken = (&mut slot as &mut dyn Any)
        .downcast_mut::<Option<Array<O, D>>>()
        .and_then(Option::take);
    match (taken, slot) {
        (Some(o), _) => Ok(o),
        (None, Some(a)) => Err(a),
        (None, None) => unreachable!("the value is taken only by a successful downcast"),
    }
}

/// [`binary`] for operands of any element types `A`, `B` and a result of `O`: an owned
/// operand's buffer is reused only when its type is `O`.
pub(crate) fn binary_with<A, B, O, L, R, F>(
    cost: Cost,
    a: L,
    b: R,
    f: F,
) -> Result<BroadcastArray<O, L::Dim, R::Dim>>
where
    A: Element,
    B: Element,
    O: Element,
    L: Operand<A>,
    R: Operand<B>,
    L::Dim: DimMax<R::Dim>,
    F: Fn(A, B) -> O + Sync,
{
    let mut sh = ShapeBuf::new();
    broadcast2(a.source().shape(), b.source().shape(), &mut sh)?;
    let shape = sh.as_slice();
    // `into_reusable` is a safe trait method: an array of another shape (from an impl
    // outside ndcore) is read as the operand, not written.
    let a = if TypeId::of::<A>() == TypeId::of::<O>() {
        match a.into_reusable(shape) {
            Ok(arr) if arr.shape() != shape => return binary_with(cost, &arr, b, f),
            Ok(arr) => match retype::<A, O, L::Dim>(arr) {
                Ok(mut out) => {
                    let sb = b.source();
                    let o = Out::of(&mut out);
                    // SAFETY: the output is the left operand's own initialized buffer of
                    // elements of `A` = `O` (an exact alias); `b` is a different value, so it
                    // does not overlap it.
                    unsafe { zip2_raw(cost, o, o.as_input(), input(&sb), f) };
                    return out.into_rank();
                }
                Err(arr) => return binary_with(cost, &arr, b, f),
            },
            Err(a) => a,
        }
    } else {
        a
    };
    if TypeId::of::<B>() == TypeId::of::<O>() {
        match b.into_reusable(shape) {
            Ok(arr) if arr.shape() != shape => binary_with(cost, a, &arr, f),
            Ok(arr) => match retype::<B, O, R::Dim>(arr) {
                Ok(mut out) => {
                    let sa = a.source();
                    let o = Out::of(&mut out);
                    // SAFETY: as above, with the right operand's buffer.
                    unsafe { zip2_raw(cost, o, input(&sa), o.as_input(), f) };
                    out.into_rank()
                }
                Err(arr) => binary_with(cost, a, &arr, f),
            },
            Err(b) => zip_new(cost, &a.source(), &b.source(), shape, f),
        }
    } else {
        zip_new(cost, &a.source(), &b.source(), shape, f)
    }
}

/// `f(a, b)` for the pair `(a, b)` computed in NumPy's result type ([`Promoted`]): each
/// operand's elements are cast to `P::Out` and `f` applied, writing into an owned operand's
/// buffer when its type is the result's (the driver of the operators; for binary ufuncs of
/// other crates).
///
/// # Errors
/// If the shapes do not broadcast together.
///
/// ```
/// use ndcore::prelude::*;
/// use ndcore::ops::promoted;
/// let i = arange(3i64);
/// let y = promoted((&i, 0.5), |a, b| a * b).unwrap(); // int64 with a float: float64
/// assert_eq!(y.to_vec(), vec![0.0, 0.5, 1.0]);
/// let m = promoted((&i, &arange(3.0f32)), |a, b| a.max(b)).unwrap();
/// assert_eq!(m.to_vec(), vec![0.0f64, 1.0, 2.0]);
/// ```
pub fn promoted<P, O, F>(pair: P, f: F) -> Result<Array<O, PairDim<P>>>
where
    P: Promoted,
    O: Element,
    F: Fn(P::Out, P::Out) -> O + Sync,
{
    promoted_with(Cost::Heavy, pair, f)
}

#[inline]
pub(crate) fn promoted_with<P, O, F>(cost: Cost, pair: P, f: F) -> Result<Array<O, PairDim<P>>>
where
    P: Promoted,
    O: Element,
    F: Fn(P::Out, P::Out) -> O + Sync,
{
    let (a, b) = pair.split();
    binary_with(cost, a, b, move |x: P::A, y: P::B| {
        f(x.cast_to(), y.cast_to())
    })
}

/// `a = f(a, b)` computed in NumPy's result type of `a`'s elements and `b`, cast back
/// into `a` under the `same_kind` rule (NumPy's in-place ufunc, `a += b`).
///
/// # Errors
/// If `b` does not broadcast to `a`'s shape.
///
/// ```
/// use ndcore::prelude::*;
/// let mut x = arange(3.0f32);
/// ndcore::ops::promoted_inplace(&mut x, &arange(3.0f64), |a, b| a + b).unwrap();
/// assert_eq!(x.to_vec(), vec![0.0f32, 2.0, 4.0]);
/// ```
pub fn promoted_inplace<T, D, R, Q, F>(a: &mut ArrayRef<T, D>, b: R, f: F) -> Result<()>
where
    T: Element + CastTo<R::Out>,
    D: Dimension,
    R: Promotes<T> + Operand<R::Elem>,
    Q: SameKind<T>,
    F: Fn(R::Out, R::Out) -> Q + Sync,
{
    promoted_inplace_with(Cost::Heavy, a, b, f)
}

pub(crate) fn promoted_inplace_with<T, D, R, Q, F>(
    cost: Cost,
    a: &mut ArrayRef<T, D>,
    b: R,
    f: F,
) -> Result<()>
where
    T: Element + CastTo<R::Out>,
    D: Dimension,
    R: Promotes<T> + Operand<R::Elem>,
    Q: SameKind<T>,
    F: Fn(R::Out, R::Out) -> Q + Sync,
{
    zip_map_inplace_with(cost, a, b, move |x: T, y: R::Elem| {
        f(x.cast_to(), y.cast_to()).cast_to()
    })
}

/// `f(a, b)` for the pair `(a, b)` computed in NumPy's result type, written into `out`
/// (NumPy's `out=`) under the `same_kind` rule, both operands broadcast to its shape.
///
/// # Errors
/// If the operands and `out` do not broadcast together to `out`'s shape.
///
/// ```
/// use ndcore::prelude::*;
/// let mut out = Array::<f64, _>::zeros([2, 3]);
/// ndcore::ops::promoted_into((&arange(3i64), 0.5), &mut out, |a, b| a + b).unwrap();
/// assert_eq!(out.row(1).to_vec(), vec![0.5, 1.5, 2.5]);
/// ```
pub fn promoted_into<P, O, D, Q, F>(pair: P, out: &mut ArrayRef<O, D>, f: F) -> Result<()>
where
    P: Promoted,
    O: Element,
    D: Dimension,
    Q: SameKind<O>,
    F: Fn(P::Out, P::Out) -> Q + Sync,
{
    promoted_into_with(Cost::Heavy, pair, out, f)
}

pub(crate) fn promoted_into_with<P, O, D, Q, F>(
    cost: Cost,
    pair: P,
    out: &mut ArrayRef<O, D>,
    f: F,
) -> Result<()>
where
    P: Promoted,
    O: Element,
    D: Dimension,
    Q: SameKind<O>,
    F: Fn(P::Out, P::Out) -> Q + Sync,
{
    let (a, b) = pair.split();
    let g = move |x: P::A, y: P::B| f(x.cast_to(), y.cast_to()).cast_to();
    zip_map_into_with(cost, a, b, out, g)
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
    F: Fn(T) -> T + Sync,
{
    unary_with(Cost::Heavy, a, f)
}

pub(crate) fn unary_with<T, X, F>(cost: Cost, a: X, f: F) -> Array<T, X::Dim>
where
    T: Element,
    X: Operand<T>,
    F: Fn(T) -> T + Sync,
{
    let sh = ShapeBuf::from_slice(a.source().shape());
    match a.into_reusable(sh.as_slice()) {
        Ok(mut out) if out.shape() == sh.as_slice() => {
            map_inplace_with(cost, &mut out, f);
            out
        }
        // An array of another shape (a safe impl outside ndcore got it wrong) is read.
        Ok(out) => map_with(cost, &out, f),
        Err(a) => map_with(cost, a, f),
    }
}

/// The same drivers for functions that do little arithmetic per element (an add, a
/// compare, a bitwise operation: [`Cost::Light`]). On arrays larger than the last-level
/// cache, where such a loop waits on memory, they run with the vector width that streams
/// memory fastest (measured in [`Cost`]); elsewhere they are the functions above.
///
/// ```
/// use ndcore::prelude::*;
/// use ndcore::ops::light;
/// let x = arange(4.0f64);
/// assert_eq!(light::binary(&x, 1.0, |a, b| a + b).unwrap().to_vec(), vec![1.0, 2.0, 3.0, 4.0]);
/// ```
pub mod light {
    use super::*;

    /// [`zip_map`](super::zip_map) for a light `f`.
    ///
    /// # Errors
    /// If the shapes do not broadcast together.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let m = ndcore::ops::light::zip_map(&arange(3i64), 1, |a, b| a < b).unwrap();
    /// assert_eq!(m.to_vec(), vec![true, false, false]);
    /// ```
    pub fn zip_map<A, B, O, L, R, F>(a: L, b: R, f: F) -> Result<BroadcastArray<O, L::Dim, R::Dim>>
    where
        A: Element,
        B: Element,
        O: Element,
        L: Operand<A>,
        R: Operand<B>,
        L::Dim: DimMax<R::Dim>,
        F: Fn(A, B) -> O + Sync,
    {
        zip_map_with(Cost::Light, a, b, f)
    }

    /// [`map`](super::map) for a light `f`.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let m = ndcore::ops::light::map(&arange(3i64), |v| v == 1);
    /// assert_eq!(m.to_vec(), vec![false, true, false]);
    /// ```
    pub fn map<A, O, X, F>(a: X, f: F) -> Array<O, X::Dim>
    where
        A: Element,
        O: Element,
        X: Operand<A>,
        F: Fn(A) -> O + Sync,
    {
        map_with(Cost::Light, a, f)
    }

    /// [`zip_map_into`](super::zip_map_into) for a light `f`.
    ///
    /// # Errors
    /// As [`zip_map_into`](super::zip_map_into).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let mut out = Array::<i64, _>::zeros(3);
    /// ndcore::ops::light::zip_map_into(&arange(3i64), 1i64, &mut out, |a, b| a + b).unwrap();
    /// assert_eq!(out.to_vec(), vec![1, 2, 3]);
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
        F: Fn(A, B) -> O + Sync,
    {
        zip_map_into_with(Cost::Light, a, b, out, f)
    }

    /// [`map_into`](super::map_into) for a light `f`.
    ///
    /// # Errors
    /// As [`map_into`](super::map_into).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let mut out = Array::<i64, _>::zeros(3);
    /// ndcore::ops::light::map_into(&arange(3i64), &mut out, |v| -v).unwrap();
    /// assert_eq!(out.to_vec(), vec![0, -1, -2]);
    /// ```
    pub fn map_into<A, O, D, F>(a: impl Operand<A>, out: &mut ArrayRef<O, D>, f: F) -> Result<()>
    where
        A: Element,
        O: Element,
        D: Dimension,
        F: Fn(A) -> O + Sync,
    {
        map_into_with(Cost::Light, a, out, f)
    }

    /// [`map_inplace`](super::map_inplace) for a light `f`.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let mut x = arange(3i64);
    /// ndcore::ops::light::map_inplace(&mut x, |v| v + 1);
    /// assert_eq!(x.to_vec(), vec![1, 2, 3]);
    /// ```
    pub fn map_inplace<T: Element, D: Dimension, F: Fn(T) -> T + Sync>(
        a: &mut ArrayRef<T, D>,
        f: F,
    ) {
        map_inplace_with(Cost::Light, a, f)
    }

    /// [`zip_map_inplace`](super::zip_map_inplace) for a light `f`.
    ///
    /// # Errors
    /// As [`zip_map_inplace`](super::zip_map_inplace).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let mut x = arange(3i64);
    /// ndcore::ops::light::zip_map_inplace(&mut x, 10i64, |a, b| a + b).unwrap();
    /// assert_eq!(x.to_vec(), vec![10, 11, 12]);
    /// ```
    pub fn zip_map_inplace<T, B, D, F>(
        a: &mut ArrayRef<T, D>,
        b: impl Operand<B>,
        f: F,
    ) -> Result<()>
    where
        T: Element,
        B: Element,
        D: Dimension,
        F: Fn(T, B) -> T + Sync,
    {
        zip_map_inplace_with(Cost::Light, a, b, f)
    }

    /// [`binary`](super::binary) for a light `f`.
    ///
    /// # Errors
    /// If the shapes do not broadcast together.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let t = ndcore::ops::light::binary(&arange(3i64), 2, |a, b| a * b).unwrap();
    /// assert_eq!(t.to_vec(), vec![0, 2, 4]);
    /// ```
    pub fn binary<T, L, R, F>(a: L, b: R, f: F) -> Result<BroadcastArray<T, L::Dim, R::Dim>>
    where
        T: Element,
        L: Operand<T>,
        R: Operand<T>,
        L::Dim: DimMax<R::Dim>,
        F: Fn(T, T) -> T + Sync,
    {
        binary_with(Cost::Light, a, b, f)
    }

    /// [`promoted`](super::promoted) for a light `f`.
    ///
    /// # Errors
    /// If the shapes do not broadcast together.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let y = ndcore::ops::light::promoted((&arange(3i64), 0.5), |a, b| a + b).unwrap();
    /// assert_eq!(y.to_vec(), vec![0.5, 1.5, 2.5]);
    /// ```
    pub fn promoted<P, O, F>(pair: P, f: F) -> Result<Array<O, PairDim<P>>>
    where
        P: Promoted,
        O: Element,
        F: Fn(P::Out, P::Out) -> O + Sync,
    {
        promoted_with(Cost::Light, pair, f)
    }

    /// [`promoted_inplace`](super::promoted_inplace) for a light `f`.
    ///
    /// # Errors
    /// If `b` does not broadcast to `a`'s shape.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let mut x = arange(3i64);
    /// ndcore::ops::light::promoted_inplace(&mut x, 2, |a, b| a * b).unwrap();
    /// assert_eq!(x.to_vec(), vec![0, 2, 4]);
    /// ```
    pub fn promoted_inplace<T, D, R, Q, F>(a: &mut ArrayRef<T, D>, b: R, f: F) -> Result<()>
    where
        T: Element + CastTo<R::Out>,
        D: Dimension,
        R: Promotes<T> + Operand<R::Elem>,
        Q: SameKind<T>,
        F: Fn(R::Out, R::Out) -> Q + Sync,
    {
        promoted_inplace_with(Cost::Light, a, b, f)
    }

    /// [`promoted_into`](super::promoted_into) for a light `f`.
    ///
    /// # Errors
    /// If the operands and `out` do not broadcast together to `out`'s shape.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let mut out = Array::<bool, _>::from_vec(vec![false; 3]);
    /// ndcore::ops::light::promoted_into((&arange(3i64), 0.5), &mut out, |a, b| a > b).unwrap();
    /// assert_eq!(out.to_vec(), vec![false, true, true]);
    /// ```
    pub fn promoted_into<P, O, D, Q, F>(pair: P, out: &mut ArrayRef<O, D>, f: F) -> Result<()>
    where
        P: Promoted,
        O: Element,
        D: Dimension,
        Q: SameKind<O>,
        F: Fn(P::Out, P::Out) -> Q + Sync,
    {
        promoted_into_with(Cost::Light, pair, out, f)
    }

    /// [`unary`](super::unary) for a light `f`.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// assert_eq!(ndcore::ops::light::unary(arange(3i64), |v| -v).to_vec(), vec![0, -1, -2]);
    /// ```
    pub fn unary<T, X, F>(a: X, f: F) -> Array<T, X::Dim>
    where
        T: Element,
        X: Operand<T>,
        F: Fn(T) -> T + Sync,
    {
        unary_with(Cost::Light, a, f)
    }
}
