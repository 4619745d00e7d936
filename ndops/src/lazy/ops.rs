//! The operations of lazy expressions: one zero-sized type per element function (the same
//! functions the eager ufuncs run, so results agree bit for bit), the operators, and the
//! ufunc methods on [`Lazy`].

use std::marker::PhantomData;
use std::ops;

use ndcore::ops::{Arith, Bitwise};
use ndcore::{CastTo, Element};

use super::{Binary, BinaryOp, Expr, IntoExpr, Lazy, Unary, UnaryOp};
use crate::ufunc::{Float, Num};

macro_rules! unary_ops {
    ($($(#[$doc:meta])* $name:ident: $bound:ident => $out:ty, |$x:ident| $body:expr;)*) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Default, Debug)]
        pub struct $name;
        impl<T: $bound> UnaryOp<T> for $name {
            type Out = $out;
            #[inline(always)]
            fn apply($x: T) -> $out {
                $body
            }
        }
    )*};
}

macro_rules! binary_ops {
    ($($(#[$doc:meta])* $name:ident: $bound:ident => $out:ty, |$a:ident, $b:ident| $body:expr;)*) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Default, Debug)]
        pub struct $name;
        impl<T: $bound> BinaryOp<T> for $name {
            type Out = $out;
            #[inline(always)]
            fn apply($a: T, $b: T) -> $out {
                $body
            }
        }
    )*};
}

/// Element types with an order (`<` and friends): every numeric type and `bool`.
pub trait Ordered: Element + PartialOrd {}
impl<T: Element + PartialOrd> Ordered for T {}

unary_ops! {
    /// `-x` (integers wrap).
    Neg: Arith => T, |x| T::neg(x);
    /// `!x`: logical not of `bool`, bitwise not of integers.
    Not: Bitwise => T, |x| T::not(x);
    /// `|x|`.
    Abs: Num => T, |x| T::abs(x);
    /// -1, 0 or 1.
    Sign: Num => T, |x| T::sign(x);
    /// `x * x`.
    Square: Num => T, |x| T::square(x);
    /// `1 / x`.
    Reciprocal: Num => T, |x| T::reciprocal(x);
    /// Round down.
    Floor: Num => T, |x| T::floor(x);
    /// Round up.
    Ceil: Num => T, |x| T::ceil(x);
    /// Round toward zero.
    Trunc: Num => T, |x| T::trunc(x);
    /// Whether nan.
    IsNan: Num => bool, |x| T::isnan(x);
    /// Whether ±inf.
    IsInf: Num => bool, |x| T::isinf(x);
    /// Whether finite.
    IsFinite: Num => bool, |x| T::isfinite(x);
    /// Square root.
    Sqrt: Float => T, |x| T::sqrt(x);
    /// Cube root.
    Cbrt: Float => T, |x| T::cbrt(x);
    /// `e^x`.
    Exp: Float => T, |x| T::exp(x);
    /// `2^x`.
    Exp2: Float => T, |x| T::exp2(x);
    /// `e^x - 1`.
    Expm1: Float => T, |x| T::expm1(x);
    /// Natural logarithm.
    Log: Float => T, |x| T::log(x);
    /// Base-2 logarithm.
    Log2: Float => T, |x| T::log2(x);
    /// Base-10 logarithm.
    Log10: Float => T, |x| T::log10(x);
    /// `ln(1 + x)`.
    Log1p: Float => T, |x| T::log1p(x);
    /// Sine.
    Sin: Float => T, |x| T::sin(x);
    /// Cosine.
    Cos: Float => T, |x| T::cos(x);
    /// Tangent.
    Tan: Float => T, |x| T::tan(x);
    /// Inverse sine.
    Arcsin: Float => T, |x| T::arcsin(x);
    /// Inverse cosine.
    Arccos: Float => T, |x| T::arccos(x);
    /// Inverse tangent.
    Arctan: Float => T, |x| T::arctan(x);
    /// Hyperbolic sine.
    Sinh: Float => T, |x| T::sinh(x);
    /// Hyperbolic cosine.
    Cosh: Float => T, |x| T::cosh(x);
    /// Hyperbolic tangent.
    Tanh: Float => T, |x| T::tanh(x);
    /// Inverse hyperbolic sine.
    Arcsinh: Float => T, |x| T::arcsinh(x);
    /// Inverse hyperbolic cosine.
    Arccosh: Float => T, |x| T::arccosh(x);
    /// Inverse hyperbolic tangent.
    Arctanh: Float => T, |x| T::arctanh(x);
    /// Round half to even.
    Rint: Float => T, |x| T::rint(x);
}

binary_ops! {
    /// `a + b` (integers wrap).
    Add: Arith => T, |a, b| T::add(a, b);
    /// `a - b`.
    Sub: Arith => T, |a, b| T::sub(a, b);
    /// `a * b`.
    Mul: Arith => T, |a, b| T::mul(a, b);
    /// `a / b` for floats (NumPy's true division; integers: [`FloorDivide`]).
    Div: Float => T, |a, b| T::divide(a, b);
    /// NumPy's `remainder` (`%`): the sign of `b`.
    Rem: Arith => T, |a, b| T::rem(a, b);
    /// NumPy's `floor_divide` (`//`).
    FloorDivide: Arith => T, |a, b| T::floor_div(a, b);
    /// `a & b`.
    BitAnd: Bitwise => T, |a, b| T::and(a, b);
    /// `a | b`.
    BitOr: Bitwise => T, |a, b| T::or(a, b);
    /// `a ^ b`.
    BitXor: Bitwise => T, |a, b| T::xor(a, b);
    /// The larger, nan if either is.
    Maximum: Num => T, |a, b| T::maximum(a, b);
    /// The smaller, nan if either is.
    Minimum: Num => T, |a, b| T::minimum(a, b);
    /// The larger, ignoring a nan.
    Fmax: Num => T, |a, b| T::fmax(a, b);
    /// The smaller, ignoring a nan.
    Fmin: Num => T, |a, b| T::fmin(a, b);
    /// C's remainder (the sign of `a`).
    Fmod: Num => T, |a, b| T::fmod(a, b);
    /// `a ** b` for floats.
    Power: Float => T, |a, b| T::power(a, b);
    /// `sqrt(a² + b²)`.
    Hypot: Float => T, |a, b| T::hypot(a, b);
    /// The angle of `(b, a)`.
    Arctan2: Float => T, |a, b| T::arctan2(a, b);
    /// `|a|` with the sign of `b`.
    Copysign: Float => T, |a, b| T::copysign(a, b);
    /// `a > b`.
    Gt: Ordered => bool, |a, b| a > b;
    /// `a >= b`.
    Ge: Ordered => bool, |a, b| a >= b;
    /// `a < b`.
    Lt: Ordered => bool, |a, b| a < b;
    /// `a <= b`.
    Le: Ordered => bool, |a, b| a <= b;
    /// `a == b`.
    EqOp: Ordered => bool, |a, b| a == b;
    /// `a != b`.
    NeOp: Ordered => bool, |a, b| a != b;
}

/// Conversion to `U` as NumPy's `astype(U)` (C's conversions: floats to integers
/// truncate toward zero).
pub struct Cast<U>(PhantomData<fn() -> U>);

impl<U> Clone for Cast<U> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<U> Copy for Cast<U> {}
impl<U> Default for Cast<U> {
    fn default() -> Self {
        Cast(PhantomData)
    }
}
impl<U> std::fmt::Debug for Cast<U> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Cast")
    }
}

impl<T: CastTo<U>, U: Element> UnaryOp<T> for Cast<U> {
    type Out = U;
    #[inline(always)]
    fn apply(x: T) -> U {
        x.cast_to()
    }
}

impl<'a, E: Expr> Lazy<'a, E> {
    /// The values converted to `U` (NumPy's `astype`), inside the expression: the
    /// paper's integer grid `(i*i + j*j + k*k).cast::<f64>().sqrt()` in one loop.
    ///
    /// ```
    /// use ndops::prelude::*;
    /// use ndops::lazy::LazyExt;
    /// let i = arange(4i64);
    /// let r = (i.lazy() * &i).cast::<f64>().sqrt().eval()?;
    /// assert_eq!(r.to_vec(), vec![0.0, 1.0, 2.0, 3.0]);
    /// # Ok::<(), ndcore::Error>(())
    /// ```
    pub fn cast<U: Element>(self) -> Lazy<'a, Unary<Cast<U>, E>>
    where
        E::Out: CastTo<U>,
    {
        self.unary::<Cast<U>>()
    }
}

impl<'a, E: Expr> Lazy<'a, E> {
    fn unary<F: UnaryOp<E::Out>>(self) -> Lazy<'a, Unary<F, E>> {
        Lazy::new(Unary(self.e, PhantomData))
    }

    fn binary<F, R>(self, rhs: R) -> Lazy<'a, Binary<F, E, R::Expr>>
    where
        F: BinaryOp<E::Out>,
        R: IntoExpr<'a, E::Elem, E::Out>,
        Binary<F, E, R::Expr>: Expr,
    {
        Lazy::new(Binary(self.e, rhs.into_expr(), PhantomData))
    }
}

macro_rules! unary_methods {
    ($bound:ident: $($(#[$doc:meta])* $method:ident => $op:ident;)*) => {
        impl<'a, E: Expr> Lazy<'a, E> where E::Out: $bound {$(
            $(#[$doc])*
            pub fn $method(self) -> Lazy<'a, Unary<$op, E>> {
                self.unary::<$op>()
            }
        )*}
    };
}

unary_methods! { Num:
    /// NumPy's `absolute`.
    abs => Abs;
    /// NumPy's `sign`.
    sign => Sign;
    /// NumPy's `square`.
    square => Square;
    /// NumPy's `reciprocal`.
    reciprocal => Reciprocal;
    /// NumPy's `floor`.
    floor => Floor;
    /// NumPy's `ceil`.
    ceil => Ceil;
    /// NumPy's `trunc`.
    trunc => Trunc;
    /// NumPy's `isnan`.
    isnan => IsNan;
    /// NumPy's `isinf`.
    isinf => IsInf;
    /// NumPy's `isfinite`.
    isfinite => IsFinite;
}

unary_methods! { Float:
    /// NumPy's `sqrt`.
    sqrt => Sqrt;
    /// NumPy's `cbrt`.
    cbrt => Cbrt;
    /// NumPy's `exp`.
    exp => Exp;
    /// NumPy's `exp2`.
    exp2 => Exp2;
    /// NumPy's `expm1`.
    expm1 => Expm1;
    /// NumPy's `log`.
    log => Log;
    /// NumPy's `log2`.
    log2 => Log2;
    /// NumPy's `log10`.
    log10 => Log10;
    /// NumPy's `log1p`.
    log1p => Log1p;
    /// NumPy's `sin`.
    sin => Sin;
    /// NumPy's `cos`.
    cos => Cos;
    /// NumPy's `tan`.
    tan => Tan;
    /// NumPy's `arcsin`.
    arcsin => Arcsin;
    /// NumPy's `arccos`.
    arccos => Arccos;
    /// NumPy's `arctan`.
    arctan => Arctan;
    /// NumPy's `sinh`.
    sinh => Sinh;
    /// NumPy's `cosh`.
    cosh => Cosh;
    /// NumPy's `tanh`.
    tanh => Tanh;
    /// NumPy's `arcsinh`.
    arcsinh => Arcsinh;
    /// NumPy's `arccosh`.
    arccosh => Arccosh;
    /// NumPy's `arctanh`.
    arctanh => Arctanh;
    /// NumPy's `rint`.
    rint => Rint;
}

macro_rules! binary_methods {
    ($bound:ident: $($(#[$doc:meta])* $method:ident => $op:ident;)*) => {
        impl<'a, E: Expr> Lazy<'a, E> where E::Out: $bound {$(
            $(#[$doc])*
            pub fn $method<R>(self, rhs: R) -> Lazy<'a, Binary<$op, E, R::Expr>>
            where
                R: IntoExpr<'a, E::Elem, E::Out>,
                Binary<$op, E, R::Expr>: Expr,
            {
                self.binary::<$op, R>(rhs)
            }
        )*}
    };
}

binary_methods! { Arith:
    /// NumPy's `floor_divide` (`//`).
    floor_divide => FloorDivide;
}

binary_methods! { Num:
    /// NumPy's `maximum`.
    maximum => Maximum;
    /// NumPy's `minimum`.
    minimum => Minimum;
    /// NumPy's `fmax`.
    fmax => Fmax;
    /// NumPy's `fmin`.
    fmin => Fmin;
    /// NumPy's `fmod`.
    fmod => Fmod;
}

binary_methods! { Float:
    /// NumPy's `power` (`**`) for floats.
    powf => Power;
    /// NumPy's `hypot`.
    hypot => Hypot;
    /// NumPy's `arctan2`.
    arctan2 => Arctan2;
    /// NumPy's `copysign`.
    copysign => Copysign;
}

binary_methods! { Ordered:
    /// `self > rhs` (NumPy's `greater`).
    gt => Gt;
    /// `self >= rhs` (NumPy's `greater_equal`).
    ge => Ge;
    /// `self < rhs` (NumPy's `less`).
    lt => Lt;
    /// `self <= rhs` (NumPy's `less_equal`).
    le => Le;
    /// `self == rhs` (NumPy's `equal`).
    eq => EqOp;
    /// `self != rhs` (NumPy's `not_equal`).
    ne => NeOp;
}

macro_rules! operator {
    ($Trait:ident, $method:ident, $op:ident, $bound:ident) => {
        impl<'a, E, R> ops::$Trait<R> for Lazy<'a, E>
        where
            E: Expr,
            E::Out: $bound,
            R: IntoExpr<'a, E::Elem, E::Out>,
            Binary<$op, E, R::Expr>: Expr,
        {
            type Output = Lazy<'a, Binary<$op, E, R::Expr>>;
            fn $method(self, rhs: R) -> Self::Output {
                self.binary::<$op, R>(rhs)
            }
        }
    };
}

operator!(Add, add, Add, Arith);
operator!(Sub, sub, Sub, Arith);
operator!(Mul, mul, Mul, Arith);
operator!(Div, div, Div, Float);
operator!(Rem, rem, Rem, Arith);
operator!(BitAnd, bitand, BitAnd, Bitwise);
operator!(BitOr, bitor, BitOr, Bitwise);
operator!(BitXor, bitxor, BitXor, Bitwise);

impl<'a, E: Expr> ops::Neg for Lazy<'a, E>
where
    E::Out: Arith,
{
    type Output = Lazy<'a, Unary<Neg, E>>;
    fn neg(self) -> Self::Output {
        self.unary::<Neg>()
    }
}

impl<'a, E: Expr> ops::Not for Lazy<'a, E>
where
    E::Out: Bitwise,
{
    type Output = Lazy<'a, Unary<Not, E>>;
    fn not(self) -> Self::Output {
        self.unary::<Not>()
    }
}

/// `scalar op expression`, for each scalar type: `3.0 * x.lazy()`.
macro_rules! scalar_lhs {
    ($($t:ty),*) => {$(
        scalar_lhs!(@op $t, Add, add, Add, Arith);
        scalar_lhs!(@op $t, Sub, sub, Sub, Arith);
        scalar_lhs!(@op $t, Mul, mul, Mul, Arith);
        scalar_lhs!(@op $t, Rem, rem, Rem, Arith);
    )*};
    (@op $t:ty, $Trait:ident, $method:ident, $op:ident, $bound:ident) => {
        impl<'a, E> ops::$Trait<Lazy<'a, E>> for $t
        where
            E: Expr<Out = $t>,
            Binary<$op, super::Scalar<$t, E::Elem>, E>: Expr,
        {
            type Output = Lazy<'a, Binary<$op, super::Scalar<$t, E::Elem>, E>>;
            fn $method(self, rhs: Lazy<'a, E>) -> Self::Output {
                Lazy::new(Binary(
                    <$t as IntoExpr<'a, E::Elem, $t>>::into_expr(self),
                    rhs.e,
                    PhantomData,
                ))
            }
        }
    };
}
scalar_lhs!(i8, i16, i32, i64, u8, u16, u32, u64, f32, f64);

macro_rules! scalar_div_lhs {
    ($($t:ty),*) => {$(
        impl<'a, E> ops::Div<Lazy<'a, E>> for $t
        where
            E: Expr<Out = $t>,
            Binary<Div, super::Scalar<$t, E::Elem>, E>: Expr,
        {
            type Output = Lazy<'a, Binary<Div, super::Scalar<$t, E::Elem>, E>>;
            fn div(self, rhs: Lazy<'a, E>) -> Self::Output {
                Lazy::new(Binary(
                    <$t as IntoExpr<'a, E::Elem, $t>>::into_expr(self),
                    rhs.e,
                    PhantomData,
                ))
            }
        }
    )*};
}
scalar_div_lhs!(f32, f64);
