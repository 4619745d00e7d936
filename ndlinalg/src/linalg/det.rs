//! `det` and `slogdet`: NumPy's `np.linalg.det` and `np.linalg.slogdet`, from the LU
//! factorization as NumPy computes them.

use crate::linalg::LinalgFloat;
use crate::linalg::batch::{array, batch_of, check_square};
use crate::linalg::error::Result;
use crate::linalg::lu::Lu;
use crate::linalg::view::matrices;
use ndcore::{ArrayD, ArrayRef, Dimension};

/// The determinant of each matrix of `a` (`(..., M, M)`), NumPy's `np.linalg.det(a)`: the
/// product of the LU pivots with the sign of the row permutation. The result has the
/// batch shape (0-d for one matrix). A singular matrix gives 0, NaN input NaN (as NumPy;
/// no error); the determinant of a 0×0 matrix is 1.
///
/// # Errors
/// "Last 2 dimensions of the array must be square", "%d-dimensional array given. Array
/// must be at least two-dimensional".
///
/// ```
/// use ndcore::prelude::*;
/// use ndlinalg::linalg::det;
/// let a = Array::from_shape_vec([2, 2], vec![1f64, 2., 3., 4.]).unwrap();
/// let d = det(&a).unwrap();
/// assert_eq!(d.shape(), &[] as &[usize]);
/// assert!((d.to_vec()[0] + 2.).abs() < 1e-12);
/// ```
pub fn det<T: LinalgFloat, D: Dimension>(a: &ArrayRef<T, D>) -> Result<ArrayD<T>> {
    let a = a.view().into_dyn();
    check_square(&a)?;
    let batch = batch_of(&a, 2);
    let v = matrices(&a, &batch)
        .into_iter()
        .map(|m| {
            let lu = Lu::new(m);
            let d = lu.pivots().fold(T::one(), |acc, p| acc * p);
            if lu.transpositions % 2 == 1 { -d } else { d }
        })
        .collect();
    array(&batch, v)
}

/// The sign and the natural log of the absolute value of the determinant of each matrix of
/// `a`, NumPy's `np.linalg.slogdet(a)` (its `sign` and `logabsdet`): no overflow where
/// `det` would. A singular matrix gives sign 0 and log −∞.
///
/// # Errors
/// As [`det`].
///
/// ```
/// use ndcore::prelude::*;
/// use ndlinalg::linalg::slogdet;
/// let a = Array::from_shape_vec([2, 2], vec![1f64, 2., 3., 4.]).unwrap();
/// let (sign, logabsdet) = slogdet(&a).unwrap();
/// assert_eq!(sign.to_vec(), vec![-1.]);
/// assert!((logabsdet.to_vec()[0] - 2f64.ln()).abs() < 1e-12);
/// ```
pub fn slogdet<T: LinalgFloat, D: Dimension>(a: &ArrayRef<T, D>) -> Result<(ArrayD<T>, ArrayD<T>)> {
    let a = a.view().into_dyn();
    check_square(&a)?;
    let batch = batch_of(&a, 2);
    let (mut signs, mut logs) = (Vec::new(), Vec::new());
    for m in matrices(&a, &batch) {
        let lu = Lu::new(m);
        let mut sign = if lu.transpositions % 2 == 1 {
            -T::one()
        } else {
            T::one()
        };
        let mut log = T::zero();
        for p in lu.pivots() {
            if p == T::zero() {
                // LAPACK's zero pivot: NumPy returns (0, -inf) without adding the rest.
                sign = T::zero();
                log = T::neg_infinity();
                break;
            }
            if p < T::zero() {
                sign = -sign;
            }
            log += p.abs().ln();
        }
        if log.is_nan() {
            sign = T::nan();
        }
        signs.push(sign);
        logs.push(log);
    }
    Ok((array(&batch, signs)?, array(&batch, logs)?))
}
