//! `pinv`: NumPy's `np.linalg.pinv`, the Moore–Penrose pseudo-inverse through the SVD.

use crate::linalg::LinalgFloat;
use crate::linalg::batch::{Out, batch_of, check_2d};
use crate::linalg::error::Result;
use crate::linalg::svd::svd_into;
use crate::linalg::view::matrices;
use ndcore::{ArrayD, ArrayRef, Dimension};

/// The pseudo-inverse of each matrix of `a` (`(..., M, N)` gives `(..., N, M)`), NumPy's
/// `np.linalg.pinv(a, rcond)`: singular values at most `rcond * max(s)` count as zero.
/// `rcond: None` is NumPy's default `1e-15`; pass `Some(max(M, N) * eps)` for NumPy's
/// `rtol=None`.
///
/// # Errors
/// "%d-dimensional array given. Array must be at least two-dimensional", "SVD did not
/// converge" (also for NaN or infinite input).
///
/// ```
/// use ndcore::prelude::*;
/// use ndlinalg::linalg::pinv;
/// let a = Array::from_shape_vec([2, 1], vec![3f64, 4.]).unwrap();
/// let p = pinv(&a, None).unwrap();
/// assert_eq!(p.shape(), &[1, 2]);
/// assert!((p[[0, 0]] - 0.12).abs() < 1e-15 && (p[[0, 1]] - 0.16).abs() < 1e-15);
/// ```
pub fn pinv<T: LinalgFloat, D: Dimension>(
    a: &ArrayRef<T, D>,
    rcond: Option<f64>,
) -> Result<ArrayD<T>> {
    let a = a.view().into_dyn();
    check_2d(&a)?;
    let nd = a.ndim();
    let (m, n) = (a.shape()[nd - 2], a.shape()[nd - 1]);
    let k = m.min(n);
    let rcond = T::from_f64(rcond.unwrap_or(1e-15));
    let batch = batch_of(&a, 2);
    let mats = matrices(&a, &batch);
    let mut out = Out::new(mats.len(), n, m);
    let (mut u, mut v) = (faer::Mat::<T>::zeros(m, k), faer::Mat::<T>::zeros(n, k));
    let mut s = vec![T::zero(); k];
    for (i, mat) in mats.iter().enumerate() {
        svd_into(*mat, &mut s, Some(u.as_mut()), Some(v.as_mut()))?;
        let cutoff = rcond * s.first().copied().unwrap_or(T::zero());
        // pinv = V diag(1/s) Uᵀ over the kept singular values.
        for (l, &sl) in s.iter().enumerate() {
            if sl > cutoff {
                let inv = sl.recip();
                for r in 0..m {
                    u[(r, l)] *= inv;
                }
            } else {
                for r in 0..m {
                    u[(r, l)] = T::zero();
                }
            }
        }
        let dst = out.mat(i);
        faer::linalg::matmul::matmul(
            dst,
            faer::Accum::Replace,
            v.as_ref(),
            u.as_ref().transpose(),
            T::one(),
            crate::linalg::batch::PAR,
        );
    }
    out.into_array(&batch, &[n, m])
}
