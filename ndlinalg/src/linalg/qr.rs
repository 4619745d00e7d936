//! `qr`: NumPy's `np.linalg.qr`, Householder QR of each matrix of a stack.

use crate::linalg::LinalgFloat;
use crate::linalg::batch::{Out, batch_of, check_2d};
use crate::linalg::error::Result;
use crate::linalg::view::matrices;
use ndcore::{ArrayD, ArrayRef, Dimension};

/// What [`qr`] returns, NumPy's `mode` argument (`'raw'` is not offered: its Householder
/// reflectors are LAPACK's packing, which faer does not share).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum QrMode {
    /// `'reduced'` (NumPy's default): `q` `(..., M, K)`, `r` `(..., K, N)`, `K = min(M, N)`.
    #[default]
    Reduced,
    /// `'complete'`: `q` `(..., M, M)`, `r` `(..., M, N)`.
    Complete,
    /// `'r'`: `r` `(..., K, N)` only.
    R,
}

/// The factors of [`qr`]: `a = q @ r`, `q` with orthonormal columns, `r` upper triangular.
#[derive(Debug, Clone)]
pub struct Qr<T: LinalgFloat> {
    /// `Q`; `None` in [`QrMode::R`].
    pub q: Option<ArrayD<T>>,
    /// `R`.
    pub r: ArrayD<T>,
}

/// The QR factorization of each matrix of `a` (`(..., M, N)`), NumPy's
/// `np.linalg.qr(a, mode)`. A column of `q` and the matching row of `r` may both have the
/// opposite sign to NumPy's (Householder sign conventions differ between LAPACK and faer).
///
/// # Errors
/// "%d-dimensional array given. Array must be at least two-dimensional".
///
/// ```
/// use ndcore::prelude::*;
/// use ndlinalg::linalg::{QrMode, qr};
/// let a = Array::from_shape_vec([3, 2], vec![1f64, 2., 3., 4., 5., 6.]).unwrap();
/// let f = qr(&a, QrMode::Reduced).unwrap();
/// assert_eq!((f.q.unwrap().shape(), f.r.shape()), (&[3, 2][..], &[2, 2][..]));
/// assert_eq!(qr(&a, QrMode::Complete).unwrap().r.shape(), &[3, 2]);
/// ```
pub fn qr<T: LinalgFloat, D: Dimension>(a: &ArrayRef<T, D>, mode: QrMode) -> Result<Qr<T>> {
    let a = a.view().into_dyn();
    check_2d(&a)?;
    let nd = a.ndim();
    let (m, n) = (a.shape()[nd - 2], a.shape()[nd - 1]);
    let k = m.min(n);
    let (qc, rr) = if mode == QrMode::Complete {
        (m, m)
    } else {
        (k, k)
    };
    let batch = batch_of(&a, 2);
    let mats = matrices(&a, &batch);
    let mut q = Out::new(if mode == QrMode::R { 0 } else { mats.len() }, m, qc);
    let mut r = Out::new(mats.len(), rr, n);
    for (i, mat) in mats.iter().enumerate() {
        let f = faer::linalg::solvers::Qr::new(*mat);
        let fr = f.R();
        let mut ri = r.mat(i);
        for row in 0..k {
            for col in row..n {
                ri[(row, col)] = fr[(row, col)];
            }
        }
        match mode {
            QrMode::R => {}
            QrMode::Reduced => q.mat(i).copy_from(f.compute_thin_Q()),
            QrMode::Complete => q.mat(i).copy_from(f.compute_Q()),
        }
    }
    let q = if mode == QrMode::R {
        None
    } else {
        Some(q.into_array(&batch, &[m, qc])?)
    };
    Ok(Qr {
        q,
        r: r.into_array(&batch, &[rr, n])?,
    })
}
