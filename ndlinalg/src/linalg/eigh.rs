//! `eigh` and `eigvalsh`: NumPy's eigen-decompositions of symmetric matrices.

use crate::linalg::LinalgFloat;
use crate::linalg::batch::{Out, PAR, array, batch_of, check_square};
use crate::linalg::error::{LinAlgError, Result};
use crate::linalg::view::matrices;
use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::evd::{ComputeEigenvectors, self_adjoint_evd, self_adjoint_evd_scratch};
use faer::{ColMut, MatMut, MatRef};
use ndcore::{ArrayD, ArrayRef, Dimension};

/// Which triangle of a symmetric matrix is read, NumPy's `UPLO` argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Uplo {
    /// `'L'` (NumPy's default): the lower triangle.
    #[default]
    L,
    /// `'U'`: the upper triangle.
    U,
}

/// The eigenvalues (ascending) and eigenvectors (columns) of each symmetric matrix of `a`
/// (`(..., M, M)`), reading only the `uplo` triangle, NumPy's `np.linalg.eigh(a, UPLO)`:
/// `(w, v)` with `w` `(..., M)` and `v` `(..., M, M)`, `a @ v[:, i] = w[i] * v[:, i]`.
/// An eigenvector's sign may differ from NumPy's. NaN input gives NaN results (as NumPy).
///
/// # Errors
/// "Last 2 dimensions of the array must be square", "%d-dimensional array given. Array
/// must be at least two-dimensional", "Eigenvalues did not converge".
///
/// ```
/// use ndcore::prelude::*;
/// use ndlinalg::linalg::{Uplo, eigh};
/// let a = Array::from_shape_vec([2, 2], vec![2f64, 1., 1., 2.]).unwrap();
/// let (w, v) = eigh(&a, Uplo::L).unwrap();
/// assert!((w[[0]] - 1.).abs() < 1e-12 && (w[[1]] - 3.).abs() < 1e-12);
/// assert!((v[[0, 1]].abs() - 0.5f64.sqrt()).abs() < 1e-12);
/// ```
pub fn eigh<T: LinalgFloat, D: Dimension>(
    a: &ArrayRef<T, D>,
    uplo: Uplo,
) -> Result<(ArrayD<T>, ArrayD<T>)> {
    let (batch, n, w, v) = run(a, uplo, true)?;
    let mut w_shape = batch.clone();
    w_shape.push(n);
    Ok((array(&w_shape, w)?, v.into_array(&batch, &[n, n])?))
}

/// The eigenvalues (ascending) of each symmetric matrix of `a`, NumPy's
/// `np.linalg.eigvalsh(a, UPLO)`: shape `(..., M)`.
///
/// # Errors
/// As [`eigh`].
///
/// ```
/// use ndcore::prelude::*;
/// use ndlinalg::linalg::{Uplo, eigvalsh};
/// // Only the upper triangle is read: the 99 is ignored.
/// let a = Array::from_shape_vec([2, 2], vec![2f64, 0., 99., 5.]).unwrap();
/// assert_eq!(eigvalsh(&a, Uplo::U).unwrap().to_vec(), vec![2f64, 5.]);
/// ```
pub fn eigvalsh<T: LinalgFloat, D: Dimension>(a: &ArrayRef<T, D>, uplo: Uplo) -> Result<ArrayD<T>> {
    let (mut batch, n, w, _) = run(a, uplo, false)?;
    batch.push(n);
    array(&batch, w)
}

/// Batch shape, order, eigenvalues and eigenvectors (if asked) of a batched run.
type Parts<T> = (Vec<usize>, usize, Vec<T>, Out<T>);

/// The batched decomposition.
fn run<T: LinalgFloat, D: Dimension>(
    a: &ArrayRef<T, D>,
    uplo: Uplo,
    vectors: bool,
) -> Result<Parts<T>> {
    let a = a.view().into_dyn();
    let n = check_square(&a)?;
    let batch = batch_of(&a, 2);
    let mats = matrices(&a, &batch);
    let mut w = vec![T::zero(); mats.len() * n];
    let mut v = Out::new(if vectors { mats.len() } else { 0 }, n, n);
    for (i, mat) in mats.iter().enumerate() {
        // faer reads the lower triangle; the upper one is the transpose's lower one.
        let lower = if uplo == Uplo::U {
            mat.transpose()
        } else {
            *mat
        };
        let wi = &mut w[i * n..(i + 1) * n];
        let vi = if vectors { Some(v.mat(i)) } else { None };
        one(lower, wi, vi)?;
    }
    Ok((batch, n, w, v))
}

/// One symmetric eigen-decomposition from the lower triangle of `a`.
fn one<T: LinalgFloat>(a: MatRef<'_, T>, w: &mut [T], mut v: Option<MatMut<'_, T>>) -> Result<()> {
    let n = a.nrows();
    if (0..n).any(|j| (j..n).any(|i| a[(i, j)].is_nan())) {
        // LAPACK propagates NaN through every result; NumPy returns them.
        w.fill(T::nan());
        if let Some(v) = v.as_mut() {
            v.fill(T::nan());
        }
        return Ok(());
    }
    let compute = if v.is_some() {
        ComputeEigenvectors::Yes
    } else {
        ComputeEigenvectors::No
    };
    let req = self_adjoint_evd_scratch::<T>(n, compute, PAR, Default::default());
    let mut buf = MemBuffer::new(req);
    let s = ColMut::from_slice_mut(w).as_diagonal_mut();
    self_adjoint_evd(a, s, v, PAR, MemStack::new(&mut buf), Default::default())
        .map_err(|_| LinAlgError::EigNoConvergence)
}
