//! `matrix_power`: NumPy's `np.linalg.matrix_power`, by repeated squaring.

use crate::linalg::LinalgFloat;
use crate::linalg::batch::check_square;
use crate::linalg::error::Result;
use crate::linalg::inv::inv;
use ndcore::{ArrayD, ArrayRef, Dimension};

/// Each matrix of `a` (`(..., M, M)`) to the integer power `n`, NumPy's
/// `np.linalg.matrix_power(a, n)`: the identity for `n = 0`, the inverse's power for
/// `n < 0`, else binary powering with `matmul`.
///
/// # Errors
/// "Singular matrix" (for `n < 0`), "Last 2 dimensions of the array must be square",
/// "%d-dimensional array given. Array must be at least two-dimensional".
///
/// ```
/// use ndcore::prelude::*;
/// use ndlinalg::linalg::matrix_power;
/// let a = Array::from_shape_vec([2, 2], vec![1f64, 1., 1., 0.]).unwrap();
/// assert_eq!(matrix_power(&a, 10).unwrap().to_vec(), vec![89f64, 55., 55., 34.]);
/// assert_eq!(matrix_power(&a, -1).unwrap().to_vec(), vec![0f64, 1., 1., -1.]);
/// ```
pub fn matrix_power<T: LinalgFloat, D: Dimension>(a: &ArrayRef<T, D>, n: i64) -> Result<ArrayD<T>> {
    let a = a.view().into_dyn();
    let m = check_square(&a)?;
    let mut base = if n < 0 { inv(&a)? } else { a.to_owned() };
    let mut e = n.unsigned_abs();
    if e == 0 {
        let mut id = ArrayD::<T>::zeros(a.shape().to_vec());
        if let Some(s) = id.as_slice_mut() {
            for (i, x) in s.iter_mut().enumerate() {
                if i % (m * m) % (m + 1) == 0 {
                    *x = T::one();
                }
            }
        }
        return Ok(id);
    }
    let mut result: Option<ArrayD<T>> = None;
    loop {
        if e & 1 == 1 {
            result = Some(match result {
                None => base.clone(),
                Some(r) => crate::matmul(&r, &base)?,
            });
        }
        e >>= 1;
        if e == 0 {
            break;
        }
        base = crate::matmul(&base, &base)?;
    }
    Ok(result.unwrap_or(base))
}
