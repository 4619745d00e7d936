//! The ufuncs that take more than the table's shape: `divide` (a result type of its own),
//! `power` (an error for negative integer exponents), `clip` (two bounds) and `round_to`
//! (a number of decimals).

use super::elem::{Float, IntPower, Num};
use ndcore::ops::{
    Operand, PairArray, Promoted, Promotes, SameKind, TrueDivide, map_inplace, unary,
};
use ndcore::{Array, ArrayRef, CastTo, Dimension, Element, Error, Result};
use std::sync::atomic::{AtomicBool, Ordering};

/// The quotient type of the operands `(L, R)`: NumPy's true division of their promoted
/// type (integers and `bool` give `f64`).
type Quotient<L, R> = <<(L, R) as Promoted>::Out as TrueDivide>::Output;

/// `a / b` element-wise, broadcasting: NumPy's true division (`np.divide`, `/`), so
/// integers divide to `f64`; [`floor_divide`](crate::floor_divide) keeps integers.
///
/// # Errors
/// If the shapes do not broadcast together (NumPy's message).
///
/// ```
/// use ndcore::prelude::*;
/// let y = ndops::divide(&arange(4i64), 2).unwrap();
/// assert_eq!(y.to_vec(), vec![0.0, 0.5, 1.0, 1.5]);
/// let z = ndops::divide(&Array::from_vec(vec![1.0f32, 3.0]), 4.0).unwrap();
/// assert_eq!(z.to_vec(), vec![0.25f32, 0.75]);
/// ```
pub fn divide<L, R>(a: L, b: R) -> Result<PairArray<(L, R), Quotient<L, R>>>
where
    (L, R): Promoted,
    <(L, R) as Promoted>::Out: TrueDivide + CastTo<Quotient<L, R>>,
    Quotient<L, R>: Float,
{
    ndcore::ops::promoted((a, b), |x, y| {
        <Quotient<L, R> as Float>::divide(x.cast_to(), y.cast_to())
    })
}

/// [`divide`] written into `a` (NumPy's `a /= b`): only float arrays, as NumPy's
/// `same_kind` rule refuses to write a float quotient into integers.
///
/// # Errors
/// If `b` does not broadcast to `a`'s shape.
///
/// ```
/// use ndcore::prelude::*;
/// let mut x = arange(3.0f64);
/// ndops::divide_inplace(&mut x, 2).unwrap();
/// assert_eq!(x.to_vec(), vec![0.0, 0.5, 1.0]);
/// ```
pub fn divide_inplace<T, D, R>(a: &mut ArrayRef<T, D>, b: R) -> Result<()>
where
    T: Element + CastTo<R::Out>,
    D: Dimension,
    R: Promotes<T> + Operand<R::Elem>,
    R::Out: TrueDivide + CastTo<<R::Out as TrueDivide>::Output>,
    <R::Out as TrueDivide>::Output: Float + SameKind<T>,
{
    ndcore::ops::promoted_inplace(a, b, |x: R::Out, y: R::Out| {
        <<R::Out as TrueDivide>::Output as Float>::divide(x.cast_to(), y.cast_to())
    })
}

/// [`divide`] written into `out` (NumPy's `out=`).
///
/// # Errors
/// If the operands and `out` do not broadcast together to `out`'s shape.
///
/// ```
/// use ndcore::prelude::*;
/// let mut out = Array::<f64, _>::zeros(3);
/// ndops::divide_into(&arange(3i64), 4, &mut out).unwrap();
/// assert_eq!(out.to_vec(), vec![0.0, 0.25, 0.5]);
/// ```
pub fn divide_into<L, R, O, D>(a: L, b: R, out: &mut ArrayRef<O, D>) -> Result<()>
where
    (L, R): Promoted,
    <(L, R) as Promoted>::Out: TrueDivide + CastTo<Quotient<L, R>>,
    Quotient<L, R>: Float + SameKind<O>,
    O: Element,
    D: Dimension,
{
    ndcore::ops::promoted_into((a, b), out, |x, y| {
        <Quotient<L, R> as Float>::divide(x.cast_to(), y.cast_to())
    })
}

/// Element types of [`power`]: floats (C's `pow`) and integers (exact, wrapping; a
/// negative exponent is an error).
pub trait IntOrFloatPower: Element {
    /// `a^b`, or `None` for an integer `b < 0`.
    fn try_power(a: Self, b: Self) -> Option<Self>;

    /// The function NumPy uses instead of `pow` for one exponent `e` shared by every
    /// element (a scalar exponent): `square` for 2, `sqrt` for 0.5, `reciprocal` for -1,
    /// on floats. These give NumPy's results to the bit, and `x * x` for `x ** 2`.
    fn scalar_power(e: Self) -> Option<fn(Self) -> Self> {
        let _ = e;
        None
    }
}

macro_rules! float_power {
    ($($t:ident)*) => {$(
        impl IntOrFloatPower for $t {
            #[inline(always)]
            fn try_power(a: $t, b: $t) -> Option<$t> {
                Some(<$t as Float>::power(a, b))
            }

            fn scalar_power(e: $t) -> Option<fn($t) -> $t> {
                // NumPy's float power loop for a scalar exponent (stride 0).
                if e == 2.0 {
                    Some(|x| x * x)
                } else if e == 0.5 {
                    Some(<$t as Float>::sqrt)
                } else if e == -1.0 {
                    Some(|x| 1.0 / x)
                } else {
                    None
                }
            }
        }
    )*};
}
float_power!(f32 f64);

macro_rules! int_power {
    ($($t:ty)*) => {$(
        impl IntOrFloatPower for $t {
            #[inline(always)]
            fn try_power(a: $t, b: $t) -> Option<$t> {
                <$t as IntPower>::checked_power(a, b)
            }
        }
    )*};
}
int_power!(i8 i16 i32 i64 u8 u16 u32 u64);

fn negative_power() -> Error {
    Error::Value("Integers to negative integer powers are not allowed.".into())
}

/// The one value of an operand that has exactly one element (a scalar, or a 0-d or
/// size-1 array), cast to `T`.
fn single_value<B: Element + CastTo<T>, T: Element>(b: &impl Operand<B>) -> Option<T> {
    let source = b.source();
    if source.shape().iter().product::<usize>() != 1 {
        return None;
    }
    source.to_array().iter().next().map(|&v| v.cast_to())
}

/// `a` to the power `b` element-wise, broadcasting (NumPy's `np.power`, `a ** b`), in the
/// operands' promoted type. Integers wrap on overflow, as in NumPy. A scalar exponent of
/// 2, 0.5 or -1 on floats is computed as NumPy does, by `x * x`, `sqrt` and `1 / x`, so
/// `power(&x, 2.0)` equals `&x * &x` to the bit.
///
/// # Errors
/// If the shapes do not broadcast together, or an integer exponent is negative
/// ("Integers to negative integer powers are not allowed.", NumPy's message).
///
/// ```
/// use ndcore::prelude::*;
/// let x = arange(4i64);
/// assert_eq!(ndops::power(&x, 2).unwrap().to_vec(), vec![0, 1, 4, 9]);
/// assert!(ndops::power(&x, -1).is_err());
/// assert_eq!(ndops::power(&x, 0.5).unwrap()[[3]], 3f64.sqrt()); // int64 ** float: float64
/// assert_eq!(ndops::power(2.0f64, &arange(3.0f64)).unwrap().to_vec(), vec![1.0, 2.0, 4.0]);
/// let f = Array::from_vec(vec![0.1f64, 1.7, 3.3]);
/// assert_eq!(ndops::power(&f, 2.0).unwrap(), &f * &f);
/// ```
pub fn power<L, R>(a: L, b: R) -> Result<PairArray<(L, R), PowerOf<L, R>>>
where
    (L, R): Promoted,
    PowerOf<L, R>: IntOrFloatPower,
{
    let pair = (a, b);
    if let Some(fast) = single_value(pair.right()).and_then(PowerOf::<L, R>::scalar_power) {
        return ndcore::ops::promoted(pair, move |x, _| fast(x));
    }
    let negative = AtomicBool::new(false);
    let r = ndcore::ops::promoted(pair, |x, y| power_or_flag(x, y, &negative))?;
    if negative.load(Ordering::Relaxed) {
        return Err(negative_power());
    }
    Ok(r)
}

/// The element type of `power(a, b)`: the operands' promoted type.
pub type PowerOf<L, R> = <(L, R) as Promoted>::Out;

/// `x ** y`, or `x` with `negative` raised when an integer power is negative. The flag
/// is atomic because a large power runs on several threads; `Relaxed` suffices as the
/// threads are joined before it is read.
#[inline(always)]
fn power_or_flag<T: IntOrFloatPower>(x: T, y: T, negative: &AtomicBool) -> T {
    match T::try_power(x, y) {
        Some(v) => v,
        None => {
            negative.store(true, Ordering::Relaxed);
            x
        }
    }
}

/// [`power`] written into `a`, `b` broadcast to `a`'s shape; computed in the promoted
/// type and cast back within its kind.
///
/// # Errors
/// As [`power`]; on a negative integer exponent `a` is left partly written (as NumPy
/// leaves `out`).
///
/// ```
/// use ndcore::prelude::*;
/// let mut x = arange(3i64);
/// ndops::power_inplace(&mut x, 3).unwrap();
/// assert_eq!(x.to_vec(), vec![0, 1, 8]);
/// ```
pub fn power_inplace<T, D, R>(a: &mut ArrayRef<T, D>, b: R) -> Result<()>
where
    T: Element + CastTo<R::Out>,
    D: Dimension,
    R: Promotes<T> + Operand<R::Elem>,
    R::Out: IntOrFloatPower + SameKind<T>,
{
    if let Some(fast) = single_value(&b).and_then(R::Out::scalar_power) {
        return ndcore::ops::promoted_inplace(a, b, move |x, _| fast(x));
    }
    let negative = AtomicBool::new(false);
    ndcore::ops::promoted_inplace(a, b, |x, y| power_or_flag(x, y, &negative))?;
    if negative.load(Ordering::Relaxed) {
        return Err(negative_power());
    }
    Ok(())
}

/// [`power`] written into `out` (NumPy's `out=`).
///
/// # Errors
/// As [`power`], and if the operands do not broadcast to `out`'s shape.
///
/// ```
/// use ndcore::prelude::*;
/// let mut out = Array::<f64, _>::zeros(3);
/// ndops::power_into(&arange(3.0f64), 0.5, &mut out).unwrap();
/// assert_eq!(out[[2]], 2f64.sqrt());
/// ```
pub fn power_into<L, R, O, D>(a: L, b: R, out: &mut ArrayRef<O, D>) -> Result<()>
where
    (L, R): Promoted,
    PowerOf<L, R>: IntOrFloatPower + SameKind<O>,
    O: Element,
    D: Dimension,
{
    let pair = (a, b);
    if let Some(fast) = single_value(pair.right()).and_then(PowerOf::<L, R>::scalar_power) {
        return ndcore::ops::promoted_into(pair, out, move |x, _| fast(x));
    }
    let negative = AtomicBool::new(false);
    ndcore::ops::promoted_into(pair, out, |x, y| power_or_flag(x, y, &negative))?;
    if negative.load(Ordering::Relaxed) {
        return Err(negative_power());
    }
    Ok(())
}

#[inline(always)]
fn clip1<T: Num>(x: T, lo: T, hi: T) -> T {
    // NumPy's order: the lower bound first, so `lo > hi` gives `hi` everywhere, and a nan
    // anywhere comes through.
    T::minimum(T::maximum(x, lo), hi)
}

/// Each element limited to `[lo, hi]` (NumPy's `np.clip` with scalar bounds): `hi` where
/// `lo > hi`, nan where the element or a bound is nan.
///
/// ```
/// use ndcore::prelude::*;
/// let x = arange(5i64);
/// assert_eq!(ndops::clip(&x, 1, 3).to_vec(), vec![1, 1, 2, 3, 3]);
/// // Integer bounds on a float array, as in NumPy.
/// assert_eq!(ndops::clip(&arange(3.0f64), 0, 1).to_vec(), vec![0.0, 1.0, 1.0]);
/// ```
pub fn clip<T, X, Lo, Hi>(x: X, lo: Lo, hi: Hi) -> Array<T, X::Dim>
where
    T: Num,
    X: Operand<T>,
    Lo: Bound<T>,
    Hi: Bound<T>,
{
    let (lo, hi) = (lo.cast_to(), hi.cast_to());
    ndcore::ops::light::unary(x, |v| clip1(v, lo, hi))
}

/// A bound of [`clip`] beside an array of `T`, as NumPy's weak Python scalars: for an
/// integer array, a `T` (so a literal takes the array's type, and one out of its range
/// does not compile); for a float array, any integer or float (`clip(&x, 0, 1)`), cast to
/// `T`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot bound a `{T}` array",
    note = "bounds of an integer array are of its type (`clip(&a, 0, 9)` infers it); a float array takes integer or float bounds"
)]
pub trait Bound<T: Element>: CastTo<T> {}

macro_rules! bounds {
    (same: $($t:ty),*; float: $($f:ty),*) => {
        $(impl Bound<$t> for $t {})*
        $(bounds!(@float $f; i8, i16, i32, i64, u8, u16, u32, u64, f32, f64);)*
    };
    (@float $f:ty; $($s:ty),*) => {
        $(impl Bound<$f> for $s {})*
    };
}
bounds!(same: i8, i16, i32, i64, u8, u16, u32, u64; float: f32, f64);

/// [`clip`] in place.
///
/// ```
/// use ndcore::prelude::*;
/// let mut x = arange(5.0f64);
/// ndops::clip_inplace(&mut x, 0.5, 2.5);
/// assert_eq!(x.to_vec(), vec![0.5, 1.0, 2.0, 2.5, 2.5]);
/// ```
pub fn clip_inplace<T: Num, D: Dimension>(
    x: &mut ArrayRef<T, D>,
    lo: impl Bound<T>,
    hi: impl Bound<T>,
) {
    let (lo, hi) = (lo.cast_to(), hi.cast_to());
    ndcore::ops::light::map_inplace(x, |v| clip1(v, lo, hi))
}

/// [`clip`] written into `out` (NumPy's `out=`), `x` broadcast to its shape.
///
/// # Errors
/// If `x` does not broadcast to `out`'s shape.
///
/// ```
/// use ndcore::prelude::*;
/// let mut out = Array::<i64, _>::zeros([2, 3]);
/// ndops::clip_into(&arange(3i64), 1, 1, &mut out).unwrap();
/// assert_eq!(out.to_vec(), vec![1; 6]);
/// ```
pub fn clip_into<T: Num, D: Dimension>(
    x: impl Operand<T>,
    lo: impl Bound<T>,
    hi: impl Bound<T>,
    out: &mut ArrayRef<T, D>,
) -> Result<()> {
    let (lo, hi) = (lo.cast_to(), hi.cast_to());
    ndcore::ops::light::map_into(x, out, |v| clip1(v, lo, hi))
}

#[inline(always)]
fn round1<T: Float>(x: T, scale: T, up: bool) -> T {
    if up {
        T::divide(T::rint(<T as ndcore::ops::Arith>::mul(x, scale)), scale)
    } else {
        <T as ndcore::ops::Arith>::mul(T::rint(T::divide(x, scale)), scale)
    }
}

/// Each element rounded to `decimals` decimal places, half to even (NumPy's
/// `np.round(x, decimals)`, computed as NumPy does: `rint(x * 10^d) / 10^d`, or
/// `rint(x / 10^-d) * 10^-d` for negative `d`, so the results are NumPy's to the bit).
///
/// ```
/// use ndcore::prelude::*;
/// let x = Array::from_vec(vec![1.25f64, 1.35, 150.0]);
/// assert_eq!(ndops::round_to(&x, 1).to_vec(), vec![1.2, 1.4, 150.0]);
/// assert_eq!(ndops::round_to(&x, -2).to_vec(), vec![0.0, 0.0, 200.0]);
/// ```
pub fn round_to<T: Float, X: Operand<T>>(x: X, decimals: i32) -> Array<T, X::Dim> {
    let (scale, up) = (T::pow10(decimals.saturating_abs()), decimals >= 0);
    unary(x, move |v| round1(v, scale, up))
}

/// [`round_to`] in place.
///
/// ```
/// use ndcore::prelude::*;
/// let mut x = Array::from_vec(vec![2.675f64, -0.5]);
/// ndops::round_to_inplace(&mut x, 0);
/// assert_eq!(x.to_vec(), vec![3.0, -0.0]);
/// ```
pub fn round_to_inplace<T: Float, D: Dimension>(x: &mut ArrayRef<T, D>, decimals: i32) {
    let (scale, up) = (T::pow10(decimals.saturating_abs()), decimals >= 0);
    map_inplace(x, move |v| round1(v, scale, up))
}

/// [`round_to`] written into `out` (NumPy's `out=`), `x` broadcast to its shape.
///
/// # Errors
/// If `x` does not broadcast to `out`'s shape.
///
/// ```
/// use ndcore::prelude::*;
/// let mut out = Array::<f64, _>::zeros(2);
/// // As NumPy: 0.25 * 10 = 2.5 rounds to even (2); 0.35 * 10 is 3.5 in binary, giving 4.
/// ndops::round_to_into(&Array::from_vec(vec![0.25f64, 0.35]), 1, &mut out).unwrap();
/// assert_eq!(out.to_vec(), vec![0.2, 0.4]);
/// ```
pub fn round_to_into<T: Float, D: Dimension>(
    x: impl Operand<T>,
    decimals: i32,
    out: &mut ArrayRef<T, D>,
) -> Result<()> {
    let (scale, up) = (T::pow10(decimals.saturating_abs()), decimals >= 0);
    ndcore::ops::map_into(x, out, move |v| round1(v, scale, up))
}
