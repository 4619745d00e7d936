//! `cholesky`: NumPy's `np.linalg.cholesky`, `a = L Lᵀ` of symmetric positive-definite
//! matrices.

use crate::linalg::LinalgFloat;
use crate::linalg::batch::{Out, PAR, batch_of, check_square};
use crate::linalg::error::{LinAlgError, Result};
use crate::linalg::view::matrices;
use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::cholesky::llt::factor::{cholesky_in_place, cholesky_in_place_scratch};
use ndcore::{ArrayD, ArrayRef, Dimension};

/// The Cholesky factor of each matrix of `a` (`(..., M, M)`), NumPy's
/// `np.linalg.cholesky(a, upper=upper)`: lower-triangular `L` with `a = L @ Lᵀ` (only
/// `a`'s lower triangle is read), or with `upper` the upper-triangular `Lᵀ` (only the
/// upper triangle is read). NaN in the read triangle gives a NaN triangle, as NumPy.
///
/// # Errors
/// "Matrix is not positive definite", "Last 2 dimensions of the array must be square",
/// "%d-dimensional array given. Array must be at least two-dimensional".
///
/// ```
/// use ndcore::prelude::*;
/// use ndlinalg::linalg::cholesky;
/// let a = Array::from_shape_vec([2, 2], vec![4f64, 2., 2., 5.]).unwrap();
/// assert_eq!(cholesky(&a, false).unwrap().to_vec(), vec![2f64, 0., 1., 2.]);
/// assert_eq!(cholesky(&a, true).unwrap().to_vec(), vec![2f64, 1., 0., 2.]);
/// let e = cholesky(&(-&a), false).unwrap_err();
/// assert_eq!(e.to_string(), "Matrix is not positive definite");
/// ```
pub fn cholesky<T: LinalgFloat, D: Dimension>(
    a: &ArrayRef<T, D>,
    upper: bool,
) -> Result<ArrayD<T>> {
    let a = a.view().into_dyn();
    let n = check_square(&a)?;
    let batch = batch_of(&a, 2);
    let mats = matrices(&a, &batch);
    let mut out = Out::new(mats.len(), n, n);
    for (i, mat) in mats.iter().enumerate() {
        // The upper factor is the transpose of the lower factor of the transpose.
        let src = if upper { mat.transpose() } else { *mat };
        let mut l = if upper {
            out.mat(i).transpose_mut()
        } else {
            out.mat(i)
        };
        let mut nan = false;
        for j in 0..n {
            for r in j..n {
                l[(r, j)] = src[(r, j)];
                nan |= src[(r, j)].is_nan();
            }
        }
        let req = cholesky_in_place_scratch::<T>(n, PAR, Default::default());
        let mut buf = MemBuffer::new(req);
        let res = cholesky_in_place(
            l.as_mut(),
            Default::default(),
            PAR,
            MemStack::new(&mut buf),
            Default::default(),
        );
        // faer works on the lower triangle; the strict upper one must stay zero.
        for j in 0..n {
            for r in 0..j {
                l[(r, j)] = T::zero();
            }
        }
        if nan {
            for j in 0..n {
                for r in j..n {
                    l[(r, j)] = T::nan();
                }
            }
        } else if res.is_err() {
            return Err(LinAlgError::NotPositiveDefinite);
        }
    }
    out.into_array(&batch, &[n, n])
}
