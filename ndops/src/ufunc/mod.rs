//! Universal functions with NumPy's names, generated from the tables below.
//!
//! Every ufunc comes in three forms, as NumPy's do:
//! - `sqrt(x)`: a new array; or, when `x` is an owned array passed by value, `x`'s own
//!   buffer written in place (`sqrt(&i * &i + &j * &j)` allocates once);
//! - `sqrt_inplace(&mut x)`: overwrites `x`;
//! - `sqrt_into(x, &mut out)`: writes into `out` (NumPy's `out=`), `x` broadcast to it.
//!
//! Binary ufuncs (`maximum(a, b)`, …) broadcast their operands, return the
//! `operands could not be broadcast together …` error when they can't, and take arrays
//! (owned, views, references) or scalars of the element type on either side.
//!
//! Edge values follow NumPy: see [`elem`] for the rules that differ from Rust's own
//! methods (`maximum` vs `f64::max`, `sign(-0.0)`, rounding half to even, …).

pub mod elem;
mod extra;

pub use elem::{Float, IntPower, Num};
pub use extra::{
    Bound, IntOrFloatPower, PowerOf, clip, clip_inplace, clip_into, divide, divide_inplace,
    divide_into, power, power_inplace, power_into, round_to, round_to_inplace, round_to_into,
};

use ndcore::ops::{Arith, Bitwise, Operand, PairDim, Promoted, Promotes, SameKind, Shift};
use ndcore::{Array, ArrayRef, CastTo, Dimension, Element, Result};

/// The promoted element type of the operands `(L, R)`.
type Out<L, R> = <(L, R) as Promoted>::Out;

/// The drivers for functions that compute little per element (their loops stream large
/// arrays with the narrower vectors that are faster there, see `ndcore::ops::Cost`) and
/// for the others: the tables' last column names one.
mod light {
    pub(super) use ndcore::ops::light::{
        map, map_inplace, map_into, promoted, promoted_inplace, promoted_into, unary,
    };
}
mod heavy {
    pub(super) use ndcore::ops::{
        map_inplace, map_into, promoted, promoted_inplace, promoted_into, unary,
    };
}

/// Generates `name`, `name_inplace` and `name_into` for each row: the ufunc's name, the
/// element function (`Trait::function`), its cost (`light` or `heavy`: which drivers run
/// it), NumPy's name, what it computes, and an example (input => output, exact).
macro_rules! unary_ufuncs {
    ($($name:ident = $Elem:ident::$f:ident, $cost:ident, $np:literal, $what:literal,
        [$($x:expr),*] => [$($y:expr),*];)*) => {$(
        paste::paste! {
            #[doc = concat!("The ", $what, " of each element (NumPy's `np.", $np, "`).")]
            ///
            /// An owned array passed by value is written in place and returned.
            ///
            /// ```
            /// use ndcore::prelude::*;
            #[doc = concat!("let x = Array::from_vec(vec!", stringify!([$($x),*]), ");")]
            #[doc = concat!("let y = ndops::", stringify!($name), "(&x);")]
            #[doc = concat!("assert_eq!(y.to_vec(), vec!", stringify!([$($y),*]), ");")]
            /// ```
            pub fn $name<T: $Elem, X: Operand<T>>(x: X) -> Array<T, X::Dim> {
                $cost::unary(x, <T as $Elem>::$f)
            }

            #[doc = concat!("[`", stringify!($name), "`] of each element of `x`, in place.")]
            ///
            /// ```
            /// use ndcore::prelude::*;
            #[doc = concat!("let mut x = Array::from_vec(vec!", stringify!([$($x),*]), ");")]
            #[doc = concat!("ndops::", stringify!($name), "_inplace(&mut x);")]
            #[doc = concat!("assert_eq!(x.to_vec(), vec!", stringify!([$($y),*]), ");")]
            /// ```
            pub fn [<$name _inplace>]<T: $Elem, D: Dimension>(x: &mut ArrayRef<T, D>) {
                $cost::map_inplace(x, <T as $Elem>::$f)
            }

            #[doc = concat!("[`", stringify!($name), "`] of `x` written into `out` ",
                "(NumPy's `out=`), `x` broadcast to `out`'s shape.")]
            ///
            /// # Errors
            /// If `x` does not broadcast to `out`'s shape (NumPy's message).
            ///
            /// ```
            /// use ndcore::prelude::*;
            #[doc = concat!("let x = Array::from_vec(vec!", stringify!([$($x),*]), ");")]
            /// let mut out = x.to_owned();
            #[doc = concat!("ndops::", stringify!($name), "_into(&x, &mut out).unwrap();")]
            #[doc = concat!("assert_eq!(out.to_vec(), vec!", stringify!([$($y),*]), ");")]
            /// ```
            pub fn [<$name _into>]<T: $Elem, D: Dimension>(
                x: impl Operand<T>,
                out: &mut ArrayRef<T, D>,
            ) -> Result<()> {
                $cost::map_into(x, out, <T as $Elem>::$f)
            }
        }
    )*};
}

unary_ufuncs! {
    negative     = Arith::neg,        light, "negative",     "negation",                              [1i64, -2] => [-1, 2];
    invert       = Bitwise::not,      light, "invert",       "bitwise (or logical) not",              [0u8, 255] => [255, 0];
    abs          = Num::abs,          light, "absolute",     "absolute value",                        [-1.5f64, 2.0] => [1.5, 2.0];
    sign         = Num::sign,         light, "sign",         "sign (-1, 0 or 1)",                     [-3i64, 0, 5] => [-1, 0, 1];
    square       = Num::square,       light, "square",       "square",                                [3i32, -4] => [9, 16];
    reciprocal   = Num::reciprocal,   heavy, "reciprocal",   "reciprocal",                            [2.0f64, -0.5] => [0.5, -2.0];
    floor        = Num::floor,        light, "floor",        "floor",                                 [-1.5f64, 1.5] => [-2.0, 1.0];
    ceil         = Num::ceil,         light, "ceil",         "ceiling",                               [-1.5f64, 1.5] => [-1.0, 2.0];
    trunc        = Num::trunc,        light, "trunc",        "integer part",                          [-1.5f64, 1.5] => [-1.0, 1.0];
    rint         = Float::rint,       light, "rint",         "nearest integer, half to even",         [0.5f64, 1.5, 2.5] => [0.0, 2.0, 2.0];
    round        = Float::rint,       light, "round",        "rounding to 0 decimals, half to even",  [-0.5f64, 1.5] => [-0.0, 2.0];
    sqrt         = Float::sqrt,       heavy, "sqrt",         "square root",                           [4.0f64, 9.0] => [2.0, 3.0];
    cbrt         = Float::cbrt,       heavy, "cbrt",         "cube root",                             [8.0f64, -27.0] => [2.0, -3.0];
    exp          = Float::exp,        heavy, "exp",          "exponential",                           [0.0f64] => [1.0];
    exp2         = Float::exp2,       heavy, "exp2",         "power of two",                          [3.0f64, -1.0] => [8.0, 0.5];
    expm1        = Float::expm1,      heavy, "expm1",        "`exp(x) - 1`",                          [0.0f64] => [0.0];
    log          = Float::log,        heavy, "log",          "natural logarithm",                     [1.0f64] => [0.0];
    log2         = Float::log2,       heavy, "log2",         "base-2 logarithm",                      [8.0f64, 0.5] => [3.0, -1.0];
    log10        = Float::log10,      heavy, "log10",        "base-10 logarithm",                     [1000.0f64] => [3.0];
    log1p        = Float::log1p,      heavy, "log1p",        "`log(1 + x)`",                          [0.0f64] => [0.0];
    sin          = Float::sin,        heavy, "sin",          "sine",                                  [0.0f64] => [0.0];
    cos          = Float::cos,        heavy, "cos",          "cosine",                                [0.0f64] => [1.0];
    tan          = Float::tan,        heavy, "tan",          "tangent",                               [0.0f64] => [0.0];
    arcsin       = Float::arcsin,     heavy, "arcsin",       "inverse sine",                          [0.0f64] => [0.0];
    arccos       = Float::arccos,     heavy, "arccos",       "inverse cosine",                        [1.0f64] => [0.0];
    arctan       = Float::arctan,     heavy, "arctan",       "inverse tangent",                       [0.0f64] => [0.0];
    sinh         = Float::sinh,       heavy, "sinh",         "hyperbolic sine",                       [0.0f64] => [0.0];
    cosh         = Float::cosh,       heavy, "cosh",         "hyperbolic cosine",                     [0.0f64] => [1.0];
    tanh         = Float::tanh,       heavy, "tanh",         "hyperbolic tangent",                    [0.0f64] => [0.0];
    arcsinh      = Float::arcsinh,    heavy, "arcsinh",      "inverse hyperbolic sine",               [0.0f64] => [0.0];
    arccosh      = Float::arccosh,    heavy, "arccosh",      "inverse hyperbolic cosine",             [1.0f64] => [0.0];
    arctanh      = Float::arctanh,    heavy, "arctanh",      "inverse hyperbolic tangent",            [0.0f64] => [0.0];
}

/// Generates `name` (→ `bool`) and `name_into` for each row.
macro_rules! predicate_ufuncs {
    ($($name:ident = $Elem:ident::$f:ident, $cost:ident, $np:literal, $what:literal,
        [$($x:expr),*] => [$($y:expr),*];)*) => {$(
        paste::paste! {
            #[doc = concat!("Whether each element ", $what, " (NumPy's `np.", $np, "`).")]
            ///
            /// ```
            /// use ndcore::prelude::*;
            #[doc = concat!("let x = Array::from_vec(vec!", stringify!([$($x),*]), ");")]
            #[doc = concat!("assert_eq!(ndops::", stringify!($name), "(&x).to_vec(), vec!",
                stringify!([$($y),*]), ");")]
            /// ```
            pub fn $name<T: $Elem, X: Operand<T>>(x: X) -> Array<bool, X::Dim> {
                $cost::map(x, <T as $Elem>::$f)
            }

            #[doc = concat!("[`", stringify!($name), "`] written into the `bool` array `out` ",
                "(NumPy's `out=`), `x` broadcast to its shape.")]
            ///
            /// # Errors
            /// If `x` does not broadcast to `out`'s shape.
            ///
            /// ```
            /// use ndcore::prelude::*;
            #[doc = concat!("let x = Array::from_vec(vec!", stringify!([$($x),*]), ");")]
            /// let mut out = Array::<bool, _>::zeros(x.len());
            #[doc = concat!("ndops::", stringify!($name), "_into(&x, &mut out).unwrap();")]
            #[doc = concat!("assert_eq!(out.to_vec(), vec!", stringify!([$($y),*]), ");")]
            /// ```
            pub fn [<$name _into>]<T: $Elem, D: Dimension>(
                x: impl Operand<T>,
                out: &mut ArrayRef<bool, D>,
            ) -> Result<()> {
                $cost::map_into(x, out, <T as $Elem>::$f)
            }
        }
    )*};
}

predicate_ufuncs! {
    isnan        = Num::isnan,        light, "isnan",        "is nan",                                [1.0f64, f64::NAN] => [false, true];
    isinf        = Num::isinf,        light, "isinf",        "is ±inf",                               [1.0f64, f64::NEG_INFINITY] => [false, true];
    isfinite     = Num::isfinite,     light, "isfinite",     "is neither nan nor ±inf",               [1.0f64, f64::INFINITY] => [true, false];
}

/// Generates `name`, `name_inplace` and `name_into` for each row of binary ufuncs:
/// name, element function, NumPy's name, what it computes, example `a, b => a op b`.
macro_rules! binary_ufuncs {
    ($($name:ident = $Elem:ident::$f:ident, $cost:ident, $np:literal, $what:literal,
        [$($a:expr),*], [$($b:expr),*] => [$($y:expr),*];)*) => {$(
        paste::paste! {
            #[doc = concat!("The ", $what, " of `a` and `b` element-wise, broadcasting ",
                "(NumPy's `np.", $np, "`).")]
            ///
            /// An owned operand passed by value whose shape is the result's is written in
            /// place and returned (the left one first).
            ///
            /// # Errors
            /// If the shapes do not broadcast together (NumPy's message).
            ///
            /// ```
            /// use ndcore::prelude::*;
            #[doc = concat!("let a = Array::from_vec(vec!", stringify!([$($a),*]), ");")]
            #[doc = concat!("let b = Array::from_vec(vec!", stringify!([$($b),*]), ");")]
            #[doc = concat!("let y = ndops::", stringify!($name), "(&a, &b).unwrap();")]
            #[doc = concat!("assert_eq!(y.to_vec(), vec!", stringify!([$($y),*]), ");")]
            /// ```
            pub fn $name<L, R>(a: L, b: R) -> Result<Array<Out<L, R>, PairDim<(L, R)>>>
            where
                (L, R): Promoted,
                Out<L, R>: $Elem,
            {
                $cost::promoted((a, b), <Out<L, R> as $Elem>::$f)
            }

            #[doc = concat!("[`", stringify!($name), "`] of `a` and `b` written into `a` ",
                "(NumPy's `out=a`), `b` broadcast to `a`'s shape; computed in the promoted ",
                "type and cast back within its kind.")]
            ///
            /// # Errors
            /// If `b` does not broadcast to `a`'s shape (NumPy's message).
            ///
            /// ```
            /// use ndcore::prelude::*;
            #[doc = concat!("let mut a = Array::from_vec(vec!", stringify!([$($a),*]), ");")]
            #[doc = concat!("let b = Array::from_vec(vec!", stringify!([$($b),*]), ");")]
            #[doc = concat!("ndops::", stringify!($name), "_inplace(&mut a, &b).unwrap();")]
            #[doc = concat!("assert_eq!(a.to_vec(), vec!", stringify!([$($y),*]), ");")]
            /// ```
            pub fn [<$name _inplace>]<T, D, R>(a: &mut ArrayRef<T, D>, b: R) -> Result<()>
            where
                T: Element + CastTo<R::Out>,
                D: Dimension,
                R: Promotes<T> + Operand<R::Elem>,
                R::Out: $Elem + SameKind<T>,
            {
                $cost::promoted_inplace(a, b, <R::Out as $Elem>::$f)
            }

            #[doc = concat!("[`", stringify!($name), "`] of `a` and `b` written into `out` ",
                "(NumPy's `out=`), both broadcast to `out`'s shape.")]
            ///
            /// # Errors
            /// If the operands and `out` do not broadcast together to `out`'s shape.
            ///
            /// ```
            /// use ndcore::prelude::*;
            #[doc = concat!("let a = Array::from_vec(vec!", stringify!([$($a),*]), ");")]
            #[doc = concat!("let b = Array::from_vec(vec!", stringify!([$($b),*]), ");")]
            /// let mut out = a.to_owned();
            #[doc = concat!("ndops::", stringify!($name), "_into(&a, &b, &mut out).unwrap();")]
            #[doc = concat!("assert_eq!(out.to_vec(), vec!", stringify!([$($y),*]), ");")]
            /// ```
            pub fn [<$name _into>]<L, R, O, D>(a: L, b: R, out: &mut ArrayRef<O, D>) -> Result<()>
            where
                (L, R): Promoted,
                Out<L, R>: $Elem + SameKind<O>,
                O: Element,
                D: Dimension,
            {
                $cost::promoted_into((a, b), out, <Out<L, R> as $Elem>::$f)
            }
        }
    )*};
}

binary_ufuncs! {
    add          = Arith::add,        light, "add",          "sum",                                   [1i64, 2], [10i64, 20] => [11, 22];
    subtract     = Arith::sub,        light, "subtract",     "difference",                            [1i64, 2], [10i64, 20] => [-9, -18];
    multiply     = Arith::mul,        light, "multiply",     "product",                               [3i64, 2], [10i64, 20] => [30, 40];
    floor_divide = Arith::floor_div,  heavy, "floor_divide", "floored quotient",                      [-7i64, 7], [2i64, 2] => [-4, 3];
    remainder    = Arith::rem,        heavy, "remainder",    "remainder with the sign of `b`",        [-7i64, 7], [2i64, -2] => [1, -1];
    fmod         = Num::fmod,         heavy, "fmod",         "remainder with the sign of `a`",        [-7i64, 7], [2i64, -2] => [-1, 1];
    maximum      = Num::maximum,      light, "maximum",      "larger (nan if either is nan)",         [1.0f64, 5.0], [2.0f64, 0.0] => [2.0, 5.0];
    minimum      = Num::minimum,      light, "minimum",      "smaller (nan if either is nan)",        [1.0f64, 5.0], [2.0f64, 0.0] => [1.0, 0.0];
    fmax         = Num::fmax,         light, "fmax",         "larger, ignoring nan",                  [1.0f64, f64::NAN], [2.0f64, 0.0] => [2.0, 0.0];
    fmin         = Num::fmin,         light, "fmin",         "smaller, ignoring nan",                 [1.0f64, f64::NAN], [2.0f64, 0.0] => [1.0, 0.0];
    hypot        = Float::hypot,      heavy, "hypot",        "hypotenuse",                            [3.0f64, 5.0], [4.0f64, 12.0] => [5.0, 13.0];
    arctan2      = Float::arctan2,    heavy, "arctan2",      "angle of the point (b, a)",             [0.0f64, -0.0], [1.0, 1.0] => [0.0, -0.0];
    copysign     = Float::copysign,   light, "copysign",     "magnitude of `a` with the sign of `b`", [1.0f64, -2.0], [-0.0f64, 3.0] => [-1.0, 2.0];
    bitwise_and  = Bitwise::and,      light, "bitwise_and",  "bitwise (or logical) and",              [12u8, 7], [10u8, 1] => [8, 1];
    bitwise_or   = Bitwise::or,       light, "bitwise_or",   "bitwise (or logical) or",               [12u8, 7], [10u8, 1] => [14, 7];
    bitwise_xor  = Bitwise::xor,      light, "bitwise_xor",  "bitwise (or logical) xor",              [12u8, 7], [10u8, 1] => [6, 6];
    left_shift   = Shift::shl,        light, "left_shift",   "left shift",                            [1i8, 1], [7i8, 8] => [-128, 0];
    right_shift  = Shift::shr,        light, "right_shift",  "right shift",                           [-128i8, 64], [9i8, 9] => [-1, 0];
}
