//! numpy.linalg: [`solve`], [`inv`], [`det`]/[`slogdet`], [`norm`], [`qr`], [`svd`],
//! [`eigh`]/[`eigvalsh`], [`eig`]/[`eigvals`], [`cholesky`], [`lstsq`], [`pinv`],
//! [`matrix_rank`] and [`matrix_power`] for `f64` and `f32` arrays, on
//! [faer](https://docs.rs/faer)'s decompositions.
//!
//! ```
//! use ndcore::prelude::*;
//! use ndlinalg::linalg;
//! let a = Array::from_shape_vec([2, 2], vec![2f64, 1., 1., 3.]).unwrap();
//! let x = linalg::solve(&a, &Array::from_vec(vec![3f64, 5.])).unwrap();
//! assert!((x[[0]] - 0.8).abs() < 1e-12 && (x[[1]] - 1.4).abs() < 1e-12);
//! let (w, _v) = linalg::eigh(&a, linalg::Uplo::L).unwrap();
//! assert!((w[[0]] - (2.5 - 1.25f64.sqrt())).abs() < 1e-12);
//! ```
//!
//! # Semantics
//! NumPy 2.4's: the same names, argument meanings, result shapes and dtypes (`f32` in, `f32`
//! out, computed in `f32` as LAPACK's `s` routines are), stacks of matrices `(..., M, N)`
//! batched over the leading axes (broadcast between `solve`'s operands), and NumPy's error
//! texts ([`LinAlgError`]). Results are `ArrayD`.
//!
//! Where NumPy's LAPACK and faer legitimately differ: the signs of eigenvectors, singular
//! vectors and of `Q`'s columns (`R`'s rows) may be flipped against NumPy's (both are valid
//! factorizations; the tests compare up to sign), `eig`'s eigenvalues may come in another
//! order, and values agree to rounding (a few ulps times the condition number).
//!
//! Complex numbers: ndcore has no complex element type, so complex input is not accepted
//! and [`eig`]/[`eigvals`] return the real and imaginary parts as separate arrays.
//!
//! NaN and infinity never panic. Where NumPy's LAPACK gives NaN results here, so does this
//! (`solve`, `inv`, `det`, `slogdet`, `qr`, `eigh`, `cholesky`; which elements are NaN may
//! differ: `eigh` and `cholesky` fill every result with NaN). The SVD-based functions
//! (`svd`, `pinv`, `lstsq`, `matrix_rank`, `norm` with `2`/`-2`/`'nuc'`) check their input
//! first and report "SVD did not converge" for NaN *and* infinity; NumPy does for NaN but,
//! for infinity, hangs in LAPACK (`svd`, `pinv`, `lstsq`) or returns rank 0 / NaN
//! (`matrix_rank`, `norm`). `solve`/`inv` call only an exactly zero pivot singular, so a
//! NaN input is NaN out, where NumPy's OpenBLAS says "Singular matrix" for a few NaN
//! placements (`[[nan, 1], [1, 1]]`).
//!
//! Not offered: `qr(mode='raw')`, the `hermitian=True` paths of `svd`/`pinv`/`matrix_rank`
//! (the general path gives the same values), and static result ranks (results are `ArrayD`).
//!
//! # Layout and threads
//! Every operand is read in place: each matrix of a stack goes to faer as a view with the
//! array's strides (transposed, sliced, negative-step and broadcast views included) — only
//! the factorizations that work in place copy (as LAPACK does). faer runs on one thread
//! (`Par::Seq`).

mod batch;
mod cholesky;
mod det;
mod eig;
mod eigh;
mod error;
mod inv;
mod lstsq;
mod lu;
mod norm;
mod pinv;
mod power;
mod qr;
mod rank;
mod solve;
mod svd;
mod view;

pub use cholesky::cholesky;
pub use det::{det, slogdet};
pub use eig::{Eig, eig, eigvals};
pub use eigh::{Uplo, eigh, eigvalsh};
pub use error::{LinAlgError, Result};
pub use inv::inv;
pub use lstsq::{Lstsq, lstsq};
pub use norm::{NormAxis, NormOrd, norm};
pub use pinv::pinv;
pub use power::matrix_power;
pub use qr::{Qr, QrMode, qr};
pub use rank::matrix_rank;
pub use solve::solve;
pub use svd::{Svd, svd, svdvals};

/// The element types numpy.linalg accepts here: `f64` and `f32` (NumPy's `d` and `f`
/// LAPACK loops).
///
/// ```
/// use ndlinalg::linalg::LinalgFloat;
/// assert_eq!(<f32 as LinalgFloat>::from_f64(0.5), 0.5f32);
/// ```
pub trait LinalgFloat:
    crate::LinalgScalar + faer::traits::RealField + num_traits::Float + private::Sealed
{
    /// `v` rounded to this type.
    fn from_f64(v: f64) -> Self;
    /// `self` as an `f64`.
    fn as_f64(self) -> f64;
}

impl LinalgFloat for f64 {
    fn from_f64(v: f64) -> Self {
        v
    }
    fn as_f64(self) -> f64 {
        self
    }
}

impl LinalgFloat for f32 {
    fn from_f64(v: f64) -> Self {
        v as f32
    }
    fn as_f64(self) -> f64 {
        self as f64
    }
}

mod private {
    /// Keeps [`super::LinalgFloat`] to `f32` and `f64`.
    pub trait Sealed {}
    impl Sealed for f32 {}
    impl Sealed for f64 {}
}
