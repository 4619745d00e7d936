//! `svd` and `svdvals`: NumPy's `np.linalg.svd` and `np.linalg.svdvals`.

use crate::linalg::LinalgFloat;
use crate::linalg::batch::{Out, PAR, array, batch_of, check_2d};
use crate::linalg::error::{LinAlgError, Result};
use crate::linalg::view::matrices;
use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::svd::{ComputeSvdVectors, svd as faer_svd, svd_scratch};
use faer::{ColMut, MatMut, MatRef};
use ndcore::{ArrayD, ArrayRef, Dimension};

/// The singular value decomposition `a = u @ diag(s) @ vh` of each matrix of a stack.
#[derive(Debug, Clone)]
pub struct Svd<T: LinalgFloat> {
    /// Left singular vectors, `(..., M, M)` (full) or `(..., M, K)`, `K = min(M, N)`.
    pub u: ArrayD<T>,
    /// Singular values, `(..., K)`, non-negative and in descending order.
    pub s: ArrayD<T>,
    /// Right singular vectors as rows, `(..., N, N)` (full) or `(..., K, N)`.
    pub vh: ArrayD<T>,
}

/// The SVD of each matrix of `a` (`(..., M, N)`), NumPy's
/// `np.linalg.svd(a, full_matrices)` with `compute_uv=True` (for `compute_uv=False` call
/// [`svdvals`]). The signs of matching columns of `u` and rows of `vh` may differ from
/// NumPy's (both are SVDs).
///
/// # Errors
/// "%d-dimensional array given. Array must be at least two-dimensional"; "SVD did not
/// converge" when faer reports it and for input with NaN or infinity (where LAPACK fails
/// and NumPy says so).
///
/// ```
/// use ndcore::prelude::*;
/// use ndlinalg::linalg::svd;
/// let a = Array::from_shape_vec([2, 2], vec![3f64, 0., 0., -4.]).unwrap();
/// let r = svd(&a, true).unwrap();
/// assert_eq!(r.s.to_vec(), vec![4f64, 3.]);
/// assert_eq!((r.u.shape(), r.vh.shape()), (&[2, 2][..], &[2, 2][..]));
/// ```
pub fn svd<T: LinalgFloat, D: Dimension>(
    a: &ArrayRef<T, D>,
    full_matrices: bool,
) -> Result<Svd<T>> {
    let a = a.view().into_dyn();
    check_2d(&a)?;
    let nd = a.ndim();
    let (m, n) = (a.shape()[nd - 2], a.shape()[nd - 1]);
    let k = m.min(n);
    let (cu, cv) = if full_matrices { (m, n) } else { (k, k) };
    let batch = batch_of(&a, 2);
    let mats = matrices(&a, &batch);
    let (mut u, mut vh) = (Out::new(mats.len(), m, cu), Out::new(mats.len(), cv, n));
    let mut s = vec![T::zero(); mats.len() * k];
    for (i, mat) in mats.iter().enumerate() {
        let si = &mut s[i * k..(i + 1) * k];
        // vh's matrix seen transposed is V.
        svd_into(*mat, si, Some(u.mat(i)), Some(vh.mat(i).transpose_mut()))?;
    }
    let mut s_shape = batch.clone();
    s_shape.push(k);
    Ok(Svd {
        u: u.into_array(&batch, &[m, cu])?,
        s: array(&s_shape, s)?,
        vh: vh.into_array(&batch, &[cv, n])?,
    })
}

/// The singular values of each matrix of `a` (`(..., M, N)`), in descending order,
/// NumPy's `np.linalg.svdvals(a)` (= `svd(a, compute_uv=False)`): shape `(..., K)`.
///
/// # Errors
/// As [`svd`].
///
/// ```
/// use ndcore::prelude::*;
/// use ndlinalg::linalg::svdvals;
/// let a = Array::from_shape_vec([2, 3], vec![0f64, 0., 2., 0., -5., 0.]).unwrap();
/// assert_eq!(svdvals(&a).unwrap().to_vec(), vec![5f64, 2.]);
/// ```
pub fn svdvals<T: LinalgFloat, D: Dimension>(a: &ArrayRef<T, D>) -> Result<ArrayD<T>> {
    let a = a.view().into_dyn();
    check_2d(&a)?;
    let nd = a.ndim();
    let k = a.shape()[nd - 2].min(a.shape()[nd - 1]);
    let batch = batch_of(&a, 2);
    let mats = matrices(&a, &batch);
    let mut s = vec![T::zero(); mats.len() * k];
    for (i, mat) in mats.iter().enumerate() {
        svd_into(*mat, &mut s[i * k..(i + 1) * k], None, None)?;
    }
    let mut shape = batch;
    shape.push(k);
    array(&shape, s)
}

/// The SVD of one matrix: singular values into `s` (descending), `U` and `V` (full or
/// thin, by their shapes) into `u`/`v` when given.
pub(crate) fn svd_into<T: LinalgFloat>(
    a: MatRef<'_, T>,
    s: &mut [T],
    u: Option<MatMut<'_, T>>,
    v: Option<MatMut<'_, T>>,
) -> Result<()> {
    let (m, n) = a.shape();
    if (0..n).any(|j| (0..m).any(|i| !a[(i, j)].is_finite())) {
        return Err(LinAlgError::SvdNoConvergence);
    }
    let kind = |mat: &Option<MatMut<'_, T>>| match mat {
        None => ComputeSvdVectors::No,
        Some(x) if x.ncols() == x.nrows() => ComputeSvdVectors::Full,
        Some(_) => ComputeSvdVectors::Thin,
    };
    let req = svd_scratch::<T>(m, n, kind(&u), kind(&v), PAR, Default::default());
    let mut buf = MemBuffer::new(req);
    let s = ColMut::from_slice_mut(s).as_diagonal_mut();
    faer_svd(a, s, u, v, PAR, MemStack::new(&mut buf), Default::default())
        .map_err(|_| LinAlgError::SvdNoConvergence)
}
