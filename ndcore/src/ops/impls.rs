//! The operator traits (`std::ops`) for arrays, generated from the tables below.
//!
//! Every binary operator is one call to [`promoted_with`] on the pair of operands
//! ([`Promoted`]: NumPy 2's result type), with the element function of [`super::elem`]
//! applied in that type; `/` computes in [`TrueDivide`]'s float type; `op=` computes in the
//! promoted type and casts back ([`SameKind`]). The tables only name the trait, its method,
//! the element trait that provides the function, and the function.

use super::api::{promoted_inplace_with, promoted_with, unary_with};
use super::elem::{Arith, Bitwise, Shift};
use super::operand::Operand;
use super::promote::{PairDim, Promoted, Promotes, SameKind, TrueDivide};
use super::simd::Cost;
use crate::array::{Array, ArrayBase, ArrayRef};
use crate::dimension::Dimension;
use crate::element::{CastTo, Element};
use crate::error::Result;
use crate::storage::{Data, DataMut};
use std::ops;

/// Operators cannot return `Result`; a shape mismatch panics with NumPy's message, as an
/// index out of bounds does.
#[track_caller]
fn expect_ok<T>(r: Result<T>) -> T {
    match r {
        Ok(v) => v,
        Err(e) => panic!("{e}"),
    }
}

/// The promoted element type of the pair `(L, R)`.
type Out<L, R> = <(L, R) as Promoted>::Out;
/// The quotient type of the pair `(L, R)` under `/`.
type Quot<L, R> = <Out<L, R> as TrueDivide>::Output;

/// `left op right` for one left-hand type: an array of any kind, or a scalar (whose impls
/// name it, as the orphan rule asks of a foreign `Self`).
macro_rules! binary_impl {
    ($Op:ident $op:ident = $Elem:ident::$f:ident, $cost:ident; [$($g:tt)*] $lhs:ty, $rhs:ty) => {
        impl<$($g)*> ops::$Op<$rhs> for $lhs
        where
            ($lhs, $rhs): Promoted,
            Out<$lhs, $rhs>: $Elem,
        {
            type Output = Array<Out<$lhs, $rhs>, PairDim<($lhs, $rhs)>>;
            #[track_caller]
            fn $op(self, rhs: $rhs) -> Self::Output {
                expect_ok(promoted_with(Cost::$cost, (self, rhs), <Out<$lhs, $rhs> as $Elem>::$f))
            }
        }
    };
}

/// `left / right`: NumPy's true division, in the quotient's float type.
macro_rules! div_impl {
    ([$($g:tt)*] $lhs:ty, $rhs:ty) => {
        impl<$($g)*> ops::Div<$rhs> for $lhs
        where
            ($lhs, $rhs): Promoted,
            Out<$lhs, $rhs>: TrueDivide + CastTo<Quot<$lhs, $rhs>>,
            Quot<$lhs, $rhs>: Arith,
        {
            type Output = Array<Quot<$lhs, $rhs>, PairDim<($lhs, $rhs)>>;
            #[track_caller]
            fn div(self, rhs: $rhs) -> Self::Output {
                let f = |a: Out<$lhs, $rhs>, b: Out<$lhs, $rhs>| {
                    <Quot<$lhs, $rhs> as Arith>::div(a.cast_to(), b.cast_to())
                };
                expect_ok(promoted_with(Cost::Heavy, (self, rhs), f))
            }
        }
    };
}

/// Every binary operator for one left-hand side, array or scalar.
macro_rules! left_side {
    ([$($g:tt)*] $lhs:ty, $rhs:ty) => {
        binary_impl!(Add add = Arith::add, Light; [$($g)*] $lhs, $rhs);
        binary_impl!(Sub sub = Arith::sub, Light; [$($g)*] $lhs, $rhs);
        binary_impl!(Mul mul = Arith::mul, Light; [$($g)*] $lhs, $rhs);
        div_impl!([$($g)*] $lhs, $rhs);
        binary_impl!(Rem rem = Arith::rem, Heavy; [$($g)*] $lhs, $rhs);
        binary_impl!(BitAnd bitand = Bitwise::and, Light; [$($g)*] $lhs, $rhs);
        binary_impl!(BitOr bitor = Bitwise::or, Light; [$($g)*] $lhs, $rhs);
        binary_impl!(BitXor bitxor = Bitwise::xor, Light; [$($g)*] $lhs, $rhs);
        binary_impl!(Shl shl = Shift::shl, Light; [$($g)*] $lhs, $rhs);
        binary_impl!(Shr shr = Shift::shr, Light; [$($g)*] $lhs, $rhs);
    };
}

// An array of every kind on the left, anything on the right.
left_side!([S: Data, D: Dimension, R] ArrayBase<S, D>, R);
left_side!(['a, S: Data, D: Dimension, R] &'a ArrayBase<S, D>, R);
left_side!(['a, T: Element, D: Dimension, R] &'a ArrayRef<T, D>, R);

/// A scalar of each type on the left, an array of every kind on the right.
macro_rules! scalar_left {
    ($($s:ty)*) => {$(
        left_side!([S: Data, D: Dimension] $s, ArrayBase<S, D>);
        left_side!(['a, S: Data, D: Dimension] $s, &'a ArrayBase<S, D>);
        left_side!(['a, T: Element, D: Dimension] $s, &'a ArrayRef<T, D>);
    )*};
}
scalar_left!(bool i8 i16 i32 i64 u8 u16 u32 u64 f32 f64);

/// `array op= operand`: computed in the promoted type, cast back into the array's.
macro_rules! assign_ops {
    ($($OpAssign:ident $op_assign:ident = $Elem:ident::$f:ident, $cost:ident;)*) => {$(
        impl<T, D, R> ops::$OpAssign<R> for ArrayRef<T, D>
        where
            T: Element + CastTo<R::Out>,
            D: Dimension,
            R: Promotes<T> + Operand<R::Elem>,
            R::Out: $Elem + SameKind<T>,
        {
            #[track_caller]
            fn $op_assign(&mut self, rhs: R) {
                expect_ok(promoted_inplace_with(Cost::$cost, self, rhs, <R::Out as $Elem>::$f))
            }
        }

        impl<T, S, D, R> ops::$OpAssign<R> for ArrayBase<S, D>
        where
            T: Element + CastTo<R::Out>,
            S: DataMut<Elem = T>,
            D: Dimension,
            R: Promotes<T> + Operand<R::Elem>,
            R::Out: $Elem + SameKind<T>,
        {
            #[track_caller]
            fn $op_assign(&mut self, rhs: R) {
                ops::$OpAssign::$op_assign(&mut **self, rhs)
            }
        }
    )*};
}

assign_ops! {
    AddAssign    add_assign    = Arith::add,   Light;
    SubAssign    sub_assign    = Arith::sub,   Light;
    MulAssign    mul_assign    = Arith::mul,   Light;
    RemAssign    rem_assign    = Arith::rem,   Heavy;
    BitAndAssign bitand_assign = Bitwise::and, Light;
    BitOrAssign  bitor_assign  = Bitwise::or,  Light;
    BitXorAssign bitxor_assign = Bitwise::xor, Light;
    ShlAssign    shl_assign    = Shift::shl,   Light;
    ShrAssign    shr_assign    = Shift::shr,   Light;
}

impl<T, D, R> ops::DivAssign<R> for ArrayRef<T, D>
where
    T: Element + CastTo<R::Out>,
    D: Dimension,
    R: Promotes<T> + Operand<R::Elem>,
    R::Out: TrueDivide + CastTo<<R::Out as TrueDivide>::Output>,
    <R::Out as TrueDivide>::Output: Arith + SameKind<T>,
{
    /// NumPy's `a /= b`: true division, so only float arrays may be divided in place.
    #[track_caller]
    fn div_assign(&mut self, rhs: R) {
        let f = |x: R::Out, y: R::Out| {
            <<R::Out as TrueDivide>::Output as Arith>::div(x.cast_to(), y.cast_to())
        };
        expect_ok(promoted_inplace_with(Cost::Heavy, self, rhs, f))
    }
}

impl<T, S, D, R> ops::DivAssign<R> for ArrayBase<S, D>
where
    T: Element + CastTo<R::Out>,
    S: DataMut<Elem = T>,
    D: Dimension,
    R: Promotes<T> + Operand<R::Elem>,
    R::Out: TrueDivide + CastTo<<R::Out as TrueDivide>::Output>,
    <R::Out as TrueDivide>::Output: Arith + SameKind<T>,
{
    #[track_caller]
    fn div_assign(&mut self, rhs: R) {
        ops::DivAssign::div_assign(&mut **self, rhs)
    }
}

/// `-array` and `!array` for every kind of array.
macro_rules! unary_ops {
    ($($Op:ident $op:ident = $Elem:ident::$f:ident, $cost:ident;)*) => {$(
        impl<T: $Elem, S: Data<Elem = T>, D: Dimension> ops::$Op for ArrayBase<S, D> {
            type Output = Array<T, D>;
            fn $op(self) -> Array<T, D> {
                unary_with(Cost::$cost, self, <T as $Elem>::$f)
            }
        }
        impl<'a, T: $Elem, S: Data<Elem = T>, D: Dimension> ops::$Op for &'a ArrayBase<S, D> {
            type Output = Array<T, D>;
            fn $op(self) -> Array<T, D> {
                unary_with(Cost::$cost, self, <T as $Elem>::$f)
            }
        }
        impl<'a, T: $Elem, D: Dimension> ops::$Op for &'a ArrayRef<T, D> {
            type Output = Array<T, D>;
            fn $op(self) -> Array<T, D> {
                unary_with(Cost::$cost, self, <T as $Elem>::$f)
            }
        }
    )*};
}

unary_ops! {
    Neg neg = Arith::neg,   Light;
    Not not = Bitwise::not, Light;
}
