//! `matrix_rank`: NumPy's `np.linalg.matrix_rank`, the number of singular values above a
//! tolerance.

use crate::linalg::LinalgFloat;
use crate::linalg::batch::batch_of;
use crate::linalg::error::Result;
use crate::linalg::svd::svd_into;
use crate::linalg::view::matrices;
use ndcore::{ArrayD, ArrayRef, Dimension};

/// The rank of each matrix of `a` (`(..., M, N)`), NumPy's
/// `np.linalg.matrix_rank(a, tol, rtol=rtol)`: the count of singular values above `tol`,
/// or when `tol` is `None` above `rtol * max(s)` with `rtol` defaulting to
/// `max(M, N) * eps`. The result has the batch shape (0-d for one matrix). An array of
/// fewer than 2 axes has rank 1 unless all its elements are zero (NumPy's rule).
///
/// # Errors
/// "SVD did not converge" (also for NaN or infinite input).
///
/// ```
/// use ndcore::prelude::*;
/// use ndlinalg::linalg::matrix_rank;
/// let a = Array::from_shape_vec([3, 3], vec![1f64, 2., 3., 2., 4., 6., 0., 0., 1.]).unwrap();
/// assert_eq!(matrix_rank(&a, None, None).unwrap().to_vec(), vec![2]);
/// assert_eq!(matrix_rank(&Array::<f64, _>::eye(4), None, None).unwrap().to_vec(), vec![4]);
/// ```
pub fn matrix_rank<T: LinalgFloat, D: Dimension>(
    a: &ArrayRef<T, D>,
    tol: Option<f64>,
    rtol: Option<f64>,
) -> Result<ArrayD<i64>> {
    let a = a.view().into_dyn();
    if a.ndim() < 2 {
        let nonzero = a.iter().any(|&x| x != T::zero());
        return Ok(ArrayD::from_shape_vec(
            Vec::<usize>::new(),
            vec![i64::from(nonzero)],
        )?);
    }
    let nd = a.ndim();
    let (m, n) = (a.shape()[nd - 2], a.shape()[nd - 1]);
    let batch = batch_of(&a, 2);
    let mut s = vec![T::zero(); m.min(n)];
    let mut ranks = Vec::new();
    for mat in matrices(&a, &batch) {
        svd_into(mat, &mut s, None, None)?;
        let tol = match tol {
            Some(t) => T::from_f64(t),
            None => {
                let rtol = rtol.map_or(T::from_f64(m.max(n) as f64) * T::epsilon(), T::from_f64);
                s.first().copied().unwrap_or(T::zero()) * rtol
            }
        };
        ranks.push(s.iter().filter(|&&x| x > tol).count() as i64);
    }
    Ok(ArrayD::from_shape_vec(batch, ranks)?)
}
