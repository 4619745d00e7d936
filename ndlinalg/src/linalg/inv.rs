//! `inv`: NumPy's `np.linalg.inv`, the inverse of each square matrix of a stack.

use crate::linalg::LinalgFloat;
use crate::linalg::batch::{Out, batch_of, check_square};
use crate::linalg::error::{LinAlgError, Result};
use crate::linalg::lu::Lu;
use crate::linalg::view::matrices;
use ndcore::{ArrayD, ArrayRef, Dimension};

/// The inverse of each matrix of `a` (`(..., M, M)`), NumPy's `np.linalg.inv(a)`: LU with
/// partial pivoting, then `A X = I` as LAPACK's `gesv` (what NumPy calls).
///
/// # Errors
/// "Singular matrix" (an exactly zero pivot; NaN input gives NaN), "Last 2 dimensions of the array must
/// be square", "%d-dimensional array given. Array must be at least two-dimensional".
///
/// ```
/// use ndcore::prelude::*;
/// use ndlinalg::linalg::inv;
/// let a = Array::from_shape_vec([2, 2], vec![4f64, 7., 2., 6.]).unwrap();
/// let ai = inv(&a).unwrap();
/// let want = [0.6, -0.7, -0.2, 0.4];
/// assert!(ai.to_vec().iter().zip(want).all(|(x, w)| (x - w).abs() < 1e-12));
/// let e = inv(&Array::<f64, _>::ones([2, 2])).unwrap_err();
/// assert_eq!(e.to_string(), "Singular matrix");
/// ```
pub fn inv<T: LinalgFloat, D: Dimension>(a: &ArrayRef<T, D>) -> Result<ArrayD<T>> {
    let a = a.view().into_dyn();
    let n = check_square(&a)?;
    let batch = batch_of(&a, 2);
    let mats = matrices(&a, &batch);
    let mut out = Out::new(mats.len(), n, n);
    for (i, m) in mats.iter().enumerate() {
        let lu = Lu::new(*m);
        if lu.is_singular() {
            return Err(LinAlgError::Singular);
        }
        let mut x = out.mat(i);
        for j in 0..n {
            x[(j, j)] = T::one();
        }
        lu.solve_in_place(x);
    }
    out.into_array(&batch, &[n, n])
}
