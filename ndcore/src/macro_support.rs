//! Runtime support for `array![]` (the other macros' support lives in `slice` and `grid`).

use crate::array::Array;
use crate::dimension::{Dimension, IntoDimension, Ix1, Ix2, Ix3, Ix4, Ix5, Ix6};
use crate::element::Element;
use crate::slice::Axes;

/// A literal nested `Self` deep (`Axes<2>` for `array![[1, 2], [3, 4]]`) gives an array of
/// rank `D`.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "this `array!` literal has {Self}, which is not the rank expected here",
    label = "a literal with {Self}",
    note = "each level of brackets is one axis: `array![1, 2]` is an Array1, `array![[1, 2], [3, 4]]` an Array2"
)]
pub trait LiteralRank<D: Dimension> {
    /// The shape as the literal gives it.
    type Shape: IntoDimension<Dim = D>;
}

macro_rules! literal_rank {
    ($($n:literal => $d:ty),*) => {$(
        impl LiteralRank<$d> for Axes<$n> {
            type Shape = [usize; $n];
        }
    )*};
}
literal_rank!(1 => Ix1, 2 => Ix2, 3 => Ix3, 4 => Ix4, 5 => Ix5, 6 => Ix6);

/// The array of `shape` holding `v` in C order.
///
/// # Panics
/// If `v` does not have `shape`'s size, which `array!` rules out at compile time.
#[doc(hidden)]
pub fn array_literal<T: Element, L: LiteralRank<D>, D: Dimension>(
    shape: L::Shape,
    v: Vec<T>,
) -> Array<T, D> {
    Array::from_shape_vec(shape, v)
        .unwrap_or_else(|e| panic!("array!: literal does not match its shape: {e}"))
}
