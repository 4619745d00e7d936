//! The operator traits (`std::ops`) for arrays, generated from the tables below.
//!
//! Every operator is one call to [`binary`] / [`unary`] / [`zip_map_inplace`] with the
//! element function of [`super::elem`]; the tables only name the trait, its method, the
//! element trait that provides the function, and the function.

use super::api::{BroadcastDim, binary_with, unary_with, zip_map_inplace_with};
use super::elem::{Arith, Bitwise, Shift};
use super::operand::Operand;
use super::simd::Cost;
use crate::array::{Array, ArrayBase, ArrayRef};
use crate::dimension::{DimMax, Dimension, Ix0};
use crate::error::Result;
use crate::storage::{CowRepr, Data, DataMut, OwnedArcRepr, OwnedRepr, ViewRepr};
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

/// `array op operand` and `array op= operand` for every kind of array on the left; the
/// last column is the operation's [`Cost`] (which picks the SIMD width on huge arrays).
macro_rules! binary_ops {
    ($($Op:ident $op:ident $OpAssign:ident $op_assign:ident = $Elem:ident::$f:ident, $cost:ident;)*) => {$(
        impl<T, S, D, R> ops::$Op<R> for ArrayBase<S, D>
        where
            T: $Elem,
            S: Data<Elem = T>,
            D: Dimension + DimMax<R::Dim>,
            R: Operand<T>,
        {
            type Output = Array<T, BroadcastDim<D, R::Dim>>;
            #[track_caller]
            fn $op(self, rhs: R) -> Self::Output {
                expect_ok(binary_with(Cost::$cost, self, rhs, <T as $Elem>::$f))
            }
        }

        impl<'a, T, S, D, R> ops::$Op<R> for &'a ArrayBase<S, D>
        where
            T: $Elem,
            S: Data<Elem = T>,
            D: Dimension + DimMax<R::Dim>,
            R: Operand<T>,
        {
            type Output = Array<T, BroadcastDim<D, R::Dim>>;
            #[track_caller]
            fn $op(self, rhs: R) -> Self::Output {
                expect_ok(binary_with(Cost::$cost, self, rhs, <T as $Elem>::$f))
            }
        }

        impl<'a, T, D, R> ops::$Op<R> for &'a ArrayRef<T, D>
        where
            T: $Elem,
            D: Dimension + DimMax<R::Dim>,
            R: Operand<T>,
        {
            type Output = Array<T, BroadcastDim<D, R::Dim>>;
            #[track_caller]
            fn $op(self, rhs: R) -> Self::Output {
                expect_ok(binary_with(Cost::$cost, self, rhs, <T as $Elem>::$f))
            }
        }

        impl<T: $Elem, D: Dimension, R: Operand<T>> ops::$OpAssign<R> for ArrayRef<T, D> {
            #[track_caller]
            fn $op_assign(&mut self, rhs: R) {
                expect_ok(zip_map_inplace_with(Cost::$cost, self, rhs, <T as $Elem>::$f))
            }
        }

        impl<T, S, D, R> ops::$OpAssign<R> for ArrayBase<S, D>
        where
            T: $Elem,
            S: DataMut<Elem = T>,
            D: Dimension,
            R: Operand<T>,
        {
            #[track_caller]
            fn $op_assign(&mut self, rhs: R) {
                expect_ok(zip_map_inplace_with(Cost::$cost, &mut **self, rhs, <T as $Elem>::$f))
            }
        }
    )*};
}

binary_ops! {
    Add    add    AddAssign    add_assign    = Arith::add,   Light;
    Sub    sub    SubAssign    sub_assign    = Arith::sub,   Light;
    Mul    mul    MulAssign    mul_assign    = Arith::mul,   Light;
    Div    div    DivAssign    div_assign    = Arith::div,   Heavy;
    Rem    rem    RemAssign    rem_assign    = Arith::rem,   Heavy;
    BitAnd bitand BitAndAssign bitand_assign = Bitwise::and, Light;
    BitOr  bitor  BitOrAssign  bitor_assign  = Bitwise::or,  Light;
    BitXor bitxor BitXorAssign bitxor_assign = Bitwise::xor, Light;
    Shl    shl    ShlAssign    shl_assign    = Shift::shl,   Light;
    Shr    shr    ShrAssign    shr_assign    = Shift::shr,   Light;
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

/// `scalar op array`: one impl per operator, scalar type and kind of array. The array's
/// element type is spelled out in each impl, so that an unsuffixed literal (`2 * &x` for
/// an `i64` array) takes the array's element type.
macro_rules! scalar_lhs {
    ($Op:ident $op:ident = $Elem:ident::$f:ident, $cost:ident; $($t:ty)*) => {$(
        scalar_lhs!(@kinds $Op $op $Elem $f $cost $t;
            [D] ArrayBase<OwnedRepr<$t>, D>;
            ['a, D] &'a ArrayBase<OwnedRepr<$t>, D>;
            ['b, D] ArrayBase<ViewRepr<&'b $t>, D>;
            ['a, 'b, D] &'a ArrayBase<ViewRepr<&'b $t>, D>;
            ['b, D] ArrayBase<ViewRepr<&'b mut $t>, D>;
            ['a, 'b, D] &'a ArrayBase<ViewRepr<&'b mut $t>, D>;
            [D] ArrayBase<OwnedArcRepr<$t>, D>;
            ['a, D] &'a ArrayBase<OwnedArcRepr<$t>, D>;
            ['b, D] ArrayBase<CowRepr<'b, $t>, D>;
            ['a, 'b, D] &'a ArrayBase<CowRepr<'b, $t>, D>;
            ['a, D] &'a ArrayRef<$t, D>;
        );
    )*};
    (@kinds $Op:ident $op:ident $Elem:ident $f:ident $cost:ident $t:ty; $([$($g:tt)*] $rhs:ty;)*) => {$(
        impl<$($g)*> ops::$Op<$rhs> for $t
        where
            D: Dimension,
            Ix0: DimMax<D>,
        {
            type Output = Array<$t, D>;
            #[track_caller]
            fn $op(self, rhs: $rhs) -> Array<$t, D> {
                expect_ok(binary_with(Cost::$cost, self, rhs, <$t as $Elem>::$f).and_then(|a| a.into_rank()))
            }
        }
    )*};
}

scalar_lhs!(Add add = Arith::add, Light; i8 i16 i32 i64 u8 u16 u32 u64 f32 f64);
scalar_lhs!(Sub sub = Arith::sub, Light; i8 i16 i32 i64 u8 u16 u32 u64 f32 f64);
scalar_lhs!(Mul mul = Arith::mul, Light; i8 i16 i32 i64 u8 u16 u32 u64 f32 f64);
scalar_lhs!(Div div = Arith::div, Heavy; i8 i16 i32 i64 u8 u16 u32 u64 f32 f64);
scalar_lhs!(Rem rem = Arith::rem, Heavy; i8 i16 i32 i64 u8 u16 u32 u64 f32 f64);
scalar_lhs!(BitAnd bitand = Bitwise::and, Light; bool i8 i16 i32 i64 u8 u16 u32 u64);
scalar_lhs!(BitOr bitor = Bitwise::or, Light; bool i8 i16 i32 i64 u8 u16 u32 u64);
scalar_lhs!(BitXor bitxor = Bitwise::xor, Light; bool i8 i16 i32 i64 u8 u16 u32 u64);
scalar_lhs!(Shl shl = Shift::shl, Light; i8 i16 i32 i64 u8 u16 u32 u64);
scalar_lhs!(Shr shr = Shift::shr, Light; i8 i16 i32 i64 u8 u16 u32 u64);
