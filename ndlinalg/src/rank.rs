//! The rank of a product, computed at compile time from the ranks of its operands.
//!
//! `dot` of an `Ix2` and an `Ix1` is an `Ix1`; `matmul` of an `Ix3` and an `Ix2` is an `Ix3`;
//! a 1-d·1-d product is a plain scalar `T`. Any `IxDyn` operand makes an `ArrayD` result
//! (even when it holds one element), as its rank is only known at run time. Results with
//! more than six axes are `IxDyn` too.

use crate::scalar::LinalgScalar;
use ndcore::{Array, Dimension, Ix0, Ix1, Ix2, Ix3, Ix4, Ix5, Ix6, IxDyn, Result};

/// The result of `dot` / `inner` of a `Self` array with an `Rhs` array (NumPy's rank rule:
/// `a.ndim + b.ndim - 2`, a 0-d operand keeps the other's rank).
///
/// ```
/// use ndcore::prelude::*;
/// let m = Array::<f64, _>::ones([2, 3]);
/// let v = Array::<f64, _>::ones(3);
/// let y: Array1<f64> = ndlinalg::dot(&m, &v).unwrap(); // Ix2 · Ix1 → Ix1
/// let s: f64 = ndlinalg::dot(&v, &v).unwrap(); // Ix1 · Ix1 → a scalar
/// let d: ArrayD<f64> = ndlinalg::dot(&m.view().into_dyn(), &v).unwrap(); // IxDyn → IxDyn
/// assert_eq!((y.shape(), s, d.shape()), (&[2][..], 3.0, &[2][..]));
/// ```
#[diagnostic::on_unimplemented(
    message = "no `dot` of a `{Self}` array with a `{Rhs}` array",
    note = "static ranks up to Ix6 combine; use `into_dyn()` for anything else"
)]
pub trait DotRank<Rhs: Dimension>: Dimension {
    /// The rank of the product as an array (`Ix0` when it is a scalar).
    type Dim: Dimension;
    /// What the product returns: `T` for 1-d·1-d, else `Array<T, Self::Dim>`.
    type Output<T: LinalgScalar>;
    /// Turns the computed array into the output type.
    #[doc(hidden)]
    fn finish<T: LinalgScalar>(a: Array<T, IxDyn>) -> Result<Self::Output<T>>;
}

/// The result of `matmul` of a `Self` array with an `Rhs` array (NumPy's rule: the
/// broadcast batch rank plus the core axes left after 1-d promotion and removal). 0-d
/// operands are not matrices: for static ranks they do not compile.
///
/// ```
/// use ndcore::prelude::*;
/// let stack = Array::<f64, _>::ones([4, 2, 3]);
/// let m = Array::<f64, _>::ones([3, 5]);
/// let c: Array3<f64> = ndlinalg::matmul(&stack, &m).unwrap(); // Ix3 @ Ix2 → Ix3
/// let v: Array2<f64> = ndlinalg::matmul(&stack, &Array::<f64, _>::ones(3)).unwrap(); // Ix3 @ Ix1 → Ix2
/// assert_eq!((c.shape(), v.shape()), (&[4, 2, 5][..], &[4, 2][..]));
/// ```
#[diagnostic::on_unimplemented(
    message = "no `matmul` of a `{Self}` array with a `{Rhs}` array",
    note = "matmul needs at least one axis on each side (use `dot` to multiply by a 0-d array)"
)]
pub trait MatmulRank<Rhs: Dimension>: Dimension {
    /// The rank of the product as an array (`Ix0` when it is a scalar).
    type Dim: Dimension;
    /// What the product returns: `T` for 1-d·1-d, else `Array<T, Self::Dim>`.
    type Output<T: LinalgScalar>;
    /// Turns the computed array into the output type.
    #[doc(hidden)]
    fn finish<T: LinalgScalar>(a: Array<T, IxDyn>) -> Result<Self::Output<T>>;
}

/// The one element of a 0-d result.
fn scalar<T: LinalgScalar>(a: Array<T, IxDyn>) -> T {
    a.iter().next().copied().unwrap_or(T::ZERO)
}

macro_rules! rank_table {
    ($tr:ident; $($a:ident: $($b:ident => $o:ident),*;)*) => {$($(
        impl $tr<$b> for $a {
            type Dim = $o;
            type Output<T: LinalgScalar> = Array<T, $o>;
            fn finish<T: LinalgScalar>(a: Array<T, IxDyn>) -> Result<Array<T, $o>> {
                a.into_rank()
            }
        }
    )*)*};
}

rank_table! { DotRank;
    Ix0: Ix0 => Ix0, Ix1 => Ix1, Ix2 => Ix2, Ix3 => Ix3, Ix4 => Ix4, Ix5 => Ix5, Ix6 => Ix6;
    Ix1: Ix0 => Ix1, Ix2 => Ix1, Ix3 => Ix2, Ix4 => Ix3, Ix5 => Ix4, Ix6 => Ix5;
    Ix2: Ix0 => Ix2, Ix1 => Ix1, Ix2 => Ix2, Ix3 => Ix3, Ix4 => Ix4, Ix5 => Ix5, Ix6 => Ix6;
    Ix3: Ix0 => Ix3, Ix1 => Ix2, Ix2 => Ix3, Ix3 => Ix4, Ix4 => Ix5, Ix5 => Ix6, Ix6 => IxDyn;
    Ix4: Ix0 => Ix4, Ix1 => Ix3, Ix2 => Ix4, Ix3 => Ix5, Ix4 => Ix6, Ix5 => IxDyn, Ix6 => IxDyn;
    Ix5: Ix0 => Ix5, Ix1 => Ix4, Ix2 => Ix5, Ix3 => Ix6, Ix4 => IxDyn, Ix5 => IxDyn, Ix6 => IxDyn;
    Ix6: Ix0 => Ix6, Ix1 => Ix5, Ix2 => Ix6, Ix3 => IxDyn, Ix4 => IxDyn, Ix5 => IxDyn, Ix6 => IxDyn;
}

rank_table! { MatmulRank;
    Ix1: Ix2 => Ix1, Ix3 => Ix2, Ix4 => Ix3, Ix5 => Ix4, Ix6 => Ix5;
    Ix2: Ix1 => Ix1, Ix2 => Ix2, Ix3 => Ix3, Ix4 => Ix4, Ix5 => Ix5, Ix6 => Ix6;
    Ix3: Ix1 => Ix2, Ix2 => Ix3, Ix3 => Ix3, Ix4 => Ix4, Ix5 => Ix5, Ix6 => Ix6;
    Ix4: Ix1 => Ix3, Ix2 => Ix4, Ix3 => Ix4, Ix4 => Ix4, Ix5 => Ix5, Ix6 => Ix6;
    Ix5: Ix1 => Ix4, Ix2 => Ix5, Ix3 => Ix5, Ix4 => Ix5, Ix5 => Ix5, Ix6 => Ix6;
    Ix6: Ix1 => Ix5, Ix2 => Ix6, Ix3 => Ix6, Ix4 => Ix6, Ix5 => Ix6, Ix6 => Ix6;
}

macro_rules! scalar_result {
    ($($tr:ident),*) => {$(
        impl $tr<Ix1> for Ix1 {
            type Dim = Ix0;
            type Output<T: LinalgScalar> = T;
            fn finish<T: LinalgScalar>(a: Array<T, IxDyn>) -> Result<T> {
                Ok(scalar(a))
            }
        }
    )*};
}
scalar_result!(DotRank, MatmulRank);

macro_rules! dynamic_result {
    ($tr:ident; $($d:ident),*) => {
        $(
            impl $tr<IxDyn> for $d {
                type Dim = IxDyn;
                type Output<T: LinalgScalar> = Array<T, IxDyn>;
                fn finish<T: LinalgScalar>(a: Array<T, IxDyn>) -> Result<Array<T, IxDyn>> {
                    Ok(a)
                }
            }
            impl $tr<$d> for IxDyn {
                type Dim = IxDyn;
                type Output<T: LinalgScalar> = Array<T, IxDyn>;
                fn finish<T: LinalgScalar>(a: Array<T, IxDyn>) -> Result<Array<T, IxDyn>> {
                    Ok(a)
                }
            }
        )*
        impl $tr<IxDyn> for IxDyn {
            type Dim = IxDyn;
            type Output<T: LinalgScalar> = Array<T, IxDyn>;
            fn finish<T: LinalgScalar>(a: Array<T, IxDyn>) -> Result<Array<T, IxDyn>> {
                Ok(a)
            }
        }
    };
}
dynamic_result!(DotRank; Ix0, Ix1, Ix2, Ix3, Ix4, Ix5, Ix6);
dynamic_result!(MatmulRank; Ix0, Ix1, Ix2, Ix3, Ix4, Ix5, Ix6);
