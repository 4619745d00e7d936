//! NumPy 2's type promotion (NEP 50) for operators and binary ufuncs.
//!
//! - Two arrays give NumPy's `np.result_type` of their element types ([`Promote`]):
//!   `i64` with `f64` is `f64`, `u8` with `i8` is `i16`, `u64` with `i64` is `f64`.
//! - A Rust scalar beside an array is *weak*, as Python's scalars are in NumPy 2
//!   ([`WeakScalar`]): the array's type wins within a kind (`2.0 * &x` stays `f32` for an
//!   `f32` array, `&n + 1` stays `u8`), and a scalar of a higher kind gives that kind's
//!   default type (`&i + 0.5` is `f64` for an integer array, `&b + 1` is `i64` for a
//!   `bool` array).
//! - `/` is NumPy's true division: integers and `bool` divide to `f64` ([`TrueDivide`]);
//!   `ndops::floor_divide` keeps integers.
//! - In-place operators (`+=` …) compute in the promoted type and cast back under NumPy's
//!   `same_kind` rule ([`SameKind`]): `f32 += f64` works, `i64 += 0.5` does not compile
//!   (NumPy raises `UFuncTypeError` at run time).
//!
//! Which scalar types stand beside an array: its own element type, and one type per
//! higher kind — `f64` beside integer and `bool` arrays, `i64` beside float and `bool`
//! arrays, `bool` beside numeric ones. Exactly one per kind, so an unsuffixed literal
//! takes its type at once (`&x * 2.0` needs no annotation); another scalar type is a
//! compile error that names the conversion (`as f32`, or `.cast::<T>()` on the array).
//!
//! ```
//! use ndcore::prelude::*;
//! let i = arange(4i64);
//! let f = arange(4.0f32);
//! let a: Array1<f64> = &i + 0.5; // weak float scalar, integer array: float64
//! let b: Array1<f32> = &f * 2.0; // weak: the array's float32 wins
//! let c: Array1<f64> = &i + &f; // np.result_type(int64, float32) is float64
//! let d: Array1<f64> = &i / 2; // true division
//! assert_eq!((a[[1]], b[[1]], c[[1]], d[[1]]), (1.5, 2.0, 2.0, 0.5));
//! ```

use super::operand::Operand;
use crate::array::{ArrayBase, ArrayRef};
use crate::dimension::{DimMax, Dimension, Ix0};
use crate::element::{CastTo, Element};
use crate::storage::Data;

/// The element type NumPy gives to an operation between an array of `Self` and an array
/// of `Rhs` (`np.result_type`).
#[diagnostic::on_unimplemented(
    message = "no NumPy promotion of `{Self}` with `{Rhs}`",
    note = "the numeric element types (bool, integers, floats) promote as np.result_type does; convert one side with `.cast::<T>()` otherwise"
)]
pub trait Promote<Rhs: Element>: Element {
    /// `np.result_type(Self, Rhs)`.
    type Output: Element;
}

/// NumPy's `np.result_type` for the element types nd has, one row per left type (columns
/// in the order of the header), checked against NumPy by a golden
/// (`tests/goldens/promotion/`).
macro_rules! promote_table {
    (columns: $($b:ty),*; $($a:ty: $($o:ty),*;)*) => {
        promote_table!(@rows [$($b),*]; $($a: $($o),*;)*);
    };
    (@rows $cols:tt; $($a:ty: $($o:ty),*;)*) => {$(
        promote_table!(@row $a; $cols; $($o),*);
    )*};
    (@row $a:ty; [$($b:ty),*]; $($o:ty),*) => {$(
        impl Promote<$b> for $a {
            type Output = $o;
        }
    )*};
}

promote_table! {
    columns: bool, i8, i16, i32, i64, u8, u16, u32, u64, f32, f64;
    bool: bool, i8,  i16, i32, i64, u8,  u16, u32, u64, f32, f64;
    i8:   i8,   i8,  i16, i32, i64, i16, i32, i64, f64, f32, f64;
    i16:  i16,  i16, i16, i32, i64, i16, i32, i64, f64, f32, f64;
    i32:  i32,  i32, i32, i32, i64, i32, i32, i64, f64, f64, f64;
    i64:  i64,  i64, i64, i64, i64, i64, i64, i64, f64, f64, f64;
    u8:   u8,   i16, i16, i32, i64, u8,  u16, u32, u64, f32, f64;
    u16:  u16,  i32, i32, i32, i64, u16, u16, u32, u64, f32, f64;
    u32:  u32,  i64, i64, i64, i64, u32, u32, u32, u64, f64, f64;
    u64:  u64,  f64, f64, f64, f64, u64, u64, u64, u64, f64, f64;
    f32:  f32,  f32, f32, f64, f64, f32, f32, f64, f64, f32, f64;
    f64:  f64,  f64, f64, f64, f64, f64, f64, f64, f64, f64, f64;
}

/// A Rust scalar of type `Self` beside an array of `T`, weak as Python's scalars are in
/// NumPy 2: `Out` is the result's element type.
#[diagnostic::on_unimplemented(
    message = "a `{Self}` scalar cannot stand beside a `{T}` array",
    note = "beside an array of T, a scalar is a T, or a higher kind's default (f64 beside integers and bool, i64 beside floats and bool, bool beside anything); convert it (`x as T`), or the array (`.cast::<U>()`)"
)]
pub trait WeakScalar<T: Element>: Element {
    /// The result's element type (NumPy 2's rule for a Python scalar of this kind).
    type Out: Element;
}

macro_rules! weak_table {
    ($($s:ty: $($t:ty => $o:ty),*;)*) => {$($(
        impl WeakScalar<$t> for $s {
            type Out = $o;
        }
    )*)*};
}

weak_table! {
    // A scalar of the array's own type: the array's type.
    bool: bool => bool, i8 => i8, i16 => i16, i32 => i32, i64 => i64, u8 => u8, u16 => u16,
          u32 => u32, u64 => u64, f32 => f32, f64 => f64;
    i8: i8 => i8;
    i16: i16 => i16;
    i32: i32 => i32;
    u8: u8 => u8;
    u16: u16 => u16;
    u32: u32 => u32;
    u64: u64 => u64;
    f32: f32 => f32;
    // Python's int beside bool (int64) and the floats (their own type); itself.
    i64: i64 => i64, bool => i64, f32 => f32, f64 => f64;
    // Python's float beside bool and the integers (float64); itself.
    f64: f64 => f64, bool => f64, i8 => f64, i16 => f64, i32 => f64, i64 => f64, u8 => f64,
         u16 => f64, u32 => f64, u64 => f64;
}

/// The element type of NumPy's true division (`/`, `np.divide`) of `Self` values:
/// integers and `bool` divide to `f64`, floats keep their type.
#[diagnostic::on_unimplemented(
    message = "`{Self}` arrays cannot be divided",
    note = "`/` divides numbers (integers give float64); use `ndops::floor_divide` for integer division"
)]
pub trait TrueDivide: Element {
    /// The quotient's type.
    type Output: Element;
}

macro_rules! true_divide {
    ($($t:ty => $o:ty),*) => {$(
        impl TrueDivide for $t {
            type Output = $o;
        }
    )*};
}
true_divide!(
    bool => f64, i8 => f64, i16 => f64, i32 => f64, i64 => f64, u8 => f64, u16 => f64,
    u32 => f64, u64 => f64, f32 => f32, f64 => f64
);

/// A cast NumPy's `same_kind` rule allows, from `Self` to `To`: what an in-place operator
/// (`a += b`) may write back into `a` after computing in the promoted type (`f64` into
/// `f32` yes, `f64` into `i64` no, signed into unsigned no).
#[diagnostic::on_unimplemented(
    message = "the result ({Self}) cannot be written back into a `{To}` array",
    note = "in-place operators compute in the promoted type and cast back only within a kind, as NumPy's same_kind rule (NumPy raises UFuncTypeError); write `a = &a op b` to get a new array of the promoted type, or `.cast::<T>()` one side"
)]
pub trait SameKind<To: Element>: Element + CastTo<To> {}

macro_rules! same_kind {
    ($($to:ty: $($from:ty),*;)*) => {$($(
        impl SameKind<$to> for $from {}
    )*)*};
}
same_kind! {
    bool: bool;
    i8: bool, i8, i16, i32, i64, u8, u16, u32, u64;
    i16: bool, i8, i16, i32, i64, u8, u16, u32, u64;
    i32: bool, i8, i16, i32, i64, u8, u16, u32, u64;
    i64: bool, i8, i16, i32, i64, u8, u16, u32, u64;
    u8: bool, u8, u16, u32, u64;
    u16: bool, u8, u16, u32, u64;
    u32: bool, u8, u16, u32, u64;
    u64: bool, u8, u16, u32, u64;
    f32: bool, i8, i16, i32, i64, u8, u16, u32, u64, f32, f64;
    f64: bool, i8, i16, i32, i64, u8, u16, u32, u64, f32, f64;
}

/// An operand (an array, or a weak scalar) beside an array of `T`, and the element type
/// of their result.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be an operand beside a `{T}` array",
    note = "operands are arrays (owned, views, `&` of either, `&ArrayRef`) of a numeric type, or a scalar: a T, or f64 beside integers and bool, i64 beside floats and bool; convert others (`x as T`)"
)]
pub trait Promotes<T: Element> {
    /// The operand's own element type.
    type Elem: Element + CastTo<Self::Out>;
    /// The result's element type.
    type Out: Element;
}

macro_rules! array_promotes {
    ($([$($g:tt)*] $ty:ty;)*) => {$(
        impl<$($g)*, T: Promote<U>, U: Element> Promotes<T> for $ty
        where
            U: CastTo<T::Output>,
        {
            type Elem = U;
            type Out = T::Output;
        }
    )*};
}
array_promotes! {
    [S: Data<Elem = U>, D: Dimension] ArrayBase<S, D>;
    ['a, S: Data<Elem = U>, D: Dimension] &'a ArrayBase<S, D>;
    ['a, D: Dimension] &'a ArrayRef<U, D>;
}

macro_rules! scalar_promotes {
    ($($s:ty)*) => {$(
        impl<T: Element> Promotes<T> for $s
        where
            $s: WeakScalar<T> + CastTo<<$s as WeakScalar<T>>::Out>,
        {
            type Elem = $s;
            type Out = <$s as WeakScalar<T>>::Out;
        }
    )*};
}
scalar_promotes!(bool i8 i16 i32 i64 u8 u16 u32 u64 f32 f64);

/// The rank of the result of an operation on the pair `P`: its operands' ranks broadcast.
pub type PairDim<P> = <<P as Promoted>::LeftDim as DimMax<<P as Promoted>::RightDim>>::Output;

/// The array of `O` an operation on the pair `P` returns.
pub type PairArray<P, O> = crate::array::Array<O, PairDim<P>>;

/// The two operands of a binary operator or ufunc, as the tuple `(left, right)`: an array
/// and any operand, or a scalar and an array. Gives their element types, NumPy's result
/// type and the broadcast rank.
///
/// Written as a trait on the pair so that a scalar on the left takes its type from the
/// array on the right (`maximum(0.0, &x)` for an `f32` array makes `0.0` an `f32`).
#[diagnostic::on_unimplemented(
    message = "`{Self}` are not the operands of an element-wise operation",
    note = "one side must be an array (owned, a view, `&` of either, `&ArrayRef`); the other an array or a scalar: of the array's type, or f64 beside integers and bool, i64 beside floats and bool"
)]
pub trait Promoted: Sized {
    /// The left operand's element type.
    type A: Element + CastTo<Self::Out>;
    /// The right operand's element type.
    type B: Element + CastTo<Self::Out>;
    /// `np.result_type` of the pair (weak scalars as NumPy 2).
    type Out: Element;
    /// The left operand's rank.
    type LeftDim: Dimension + DimMax<Self::RightDim>;
    /// The right operand's rank.
    type RightDim: Dimension;
    /// The left operand.
    type Left: Operand<Self::A, Dim = Self::LeftDim>;
    /// The right operand.
    type Right: Operand<Self::B, Dim = Self::RightDim>;
    /// The two operands.
    fn split(self) -> (Self::Left, Self::Right);
    /// The right operand (to look at before computing: a scalar exponent, say).
    fn right(&self) -> &Self::Right;
}

macro_rules! array_left {
    ($([$($g:tt)*] $ty:ty, $elem:ty;)*) => {$(
        impl<$($g)*, R> Promoted for ($ty, R)
        where
            $elem: Element,
            R: Promotes<$elem> + Operand<<R as Promotes<$elem>>::Elem>,
            D: DimMax<<R as Operand<<R as Promotes<$elem>>::Elem>>::Dim>,
            $elem: CastTo<<R as Promotes<$elem>>::Out>,
        {
            type A = $elem;
            type B = <R as Promotes<$elem>>::Elem;
            type Out = <R as Promotes<$elem>>::Out;
            type LeftDim = D;
            type RightDim = <R as Operand<Self::B>>::Dim;
            type Left = $ty;
            type Right = R;
            #[inline]
            fn split(self) -> ($ty, R) {
                self
            }
            #[inline]
            fn right(&self) -> &R {
                &self.1
            }
        }
    )*};
}
array_left! {
    [S: Data, D: Dimension] ArrayBase<S, D>, S::Elem;
    ['a, S: Data, D: Dimension] &'a ArrayBase<S, D>, S::Elem;
    ['a, T, D: Dimension] &'a ArrayRef<T, D>, T;
}

macro_rules! scalar_left {
    ($($s:ty)*) => {$(
        scalar_left!(@kinds $s;
            [S: Data, D: Dimension] ArrayBase<S, D>, S::Elem;
            ['a, S: Data, D: Dimension] &'a ArrayBase<S, D>, S::Elem;
            ['a, T, D: Dimension] &'a ArrayRef<T, D>, T;
        );
    )*};
    (@kinds $s:ty; $([$($g:tt)*] $ty:ty, $elem:ty;)*) => {$(
        impl<$($g)*> Promoted for ($s, $ty)
        where
            $elem: Element + CastTo<<$s as WeakScalar<$elem>>::Out>,
            $s: WeakScalar<$elem> + CastTo<<$s as WeakScalar<$elem>>::Out>,
            Ix0: DimMax<D>,
        {
            type A = $s;
            type B = $elem;
            type Out = <$s as WeakScalar<$elem>>::Out;
            type LeftDim = Ix0;
            type RightDim = D;
            type Left = $s;
            type Right = $ty;
            #[inline]
            fn split(self) -> ($s, $ty) {
                self
            }
            #[inline]
            fn right(&self) -> &$ty {
                &self.1
            }
        }
    )*};
}
scalar_left!(bool i8 i16 i32 i64 u8 u16 u32 u64 f32 f64);

/// Two scalars: the kinds Python has, as NumPy 2 combines two Python scalars (the default
/// type of the higher kind). Only `bool`, `i64` and `f64` take part, so unsuffixed literals
/// take NumPy's default types: `where_(&c, 1, 0)` is `int64`, as `np.where(c, 1, 0)`.
macro_rules! scalar_pair {
    ($($a:ty, $b:ty => $o:ty;)*) => {$(
        impl Promoted for ($a, $b) {
            type A = $a;
            type B = $b;
            type Out = $o;
            type LeftDim = Ix0;
            type RightDim = Ix0;
            type Left = $a;
            type Right = $b;
            #[inline]
            fn split(self) -> ($a, $b) {
                self
            }
            #[inline]
            fn right(&self) -> &$b {
                &self.1
            }
        }
    )*};
}
scalar_pair! {
    bool, bool => bool; bool, i64 => i64; bool, f64 => f64;
    i64, bool => i64; i64, i64 => i64; i64, f64 => f64;
    f64, bool => f64; f64, i64 => f64; f64, f64 => f64;
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::any::TypeId;

    fn out<A: Promote<B>, B: Element>() -> TypeId {
        TypeId::of::<A::Output>()
    }

    #[test]
    fn the_table_is_symmetric() {
        macro_rules! sym {
            ($($a:ty),*) => { sym!(@ [$($a),*] [$($a),*]); };
            (@ [$($a:ty),*] $bs:tt) => { $( sym!(@row $a $bs); )* };
            (@row $a:ty [$($b:ty),*]) => { $( assert_eq!(out::<$a, $b>(), out::<$b, $a>()); )* };
        }
        sym!(bool, i8, i16, i32, i64, u8, u16, u32, u64, f32, f64);
    }
}
