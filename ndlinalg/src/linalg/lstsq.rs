//! `lstsq`: NumPy's `np.linalg.lstsq`, least squares through the SVD (as LAPACK's `gelsd`).

use crate::linalg::LinalgFloat;
use crate::linalg::batch::{PAR, array};
use crate::linalg::error::{LinAlgError, Result};
use crate::linalg::svd::svd_into;
use crate::linalg::view::matrices;
use faer::{Accum, Mat};
use ndcore::{ArrayD, ArrayRef, Axis, Dimension};

/// What [`lstsq`] returns, NumPy's `(x, residuals, rank, s)`.
#[derive(Debug, Clone)]
pub struct Lstsq<T: LinalgFloat> {
    /// The least-squares solution, `(N,)` or `(N, K)` as `b`.
    pub x: ArrayD<T>,
    /// The squared 2-norm of each column of `b - a @ x`: `(K,)` (or `(1,)` for a 1-d `b`)
    /// when `a` has full column rank and `M > N`, else empty `(0,)`.
    pub residuals: ArrayD<T>,
    /// The effective rank of `a`.
    pub rank: usize,
    /// The singular values of `a`, descending, `(min(M, N),)`.
    pub s: ArrayD<T>,
}

/// The least-squares solution of `a @ x = b`, NumPy's `np.linalg.lstsq(a, b, rcond)`:
/// `a` is `(M, N)`, `b` `(M,)` or `(M, K)`; singular values at most `rcond * max(s)` count
/// as zero, `rcond: None` meaning NumPy's default `eps * max(M, N)`.
///
/// # Errors
/// "%d-dimensional array given. Array must be two-dimensional" (for `a` or `b`),
/// "Incompatible dimensions" (`b`'s rows), "SVD did not converge in Linear Least
/// Squares" (also for NaN or infinite `a`).
///
/// ```
/// use ndcore::prelude::*;
/// use ndlinalg::linalg::lstsq;
/// // The line y = m x + c through (0, -1), (1, 0.2), (2, 0.9), (3, 2.1).
/// let a = Array::from_shape_vec([4, 2], vec![0f64, 1., 1., 1., 2., 1., 3., 1.]).unwrap();
/// let y = Array::from_vec(vec![-1f64, 0.2, 0.9, 2.1]);
/// let r = lstsq(&a, &y, None).unwrap();
/// assert!((r.x[[0]] - 1.0).abs() < 1e-12 && (r.x[[1]] + 0.95).abs() < 1e-12);
/// assert_eq!((r.rank, r.residuals.shape()), (2, &[1][..]));
/// ```
pub fn lstsq<T, DA, DB>(
    a: &ArrayRef<T, DA>,
    b: &ArrayRef<T, DB>,
    rcond: Option<f64>,
) -> Result<Lstsq<T>>
where
    T: LinalgFloat,
    DA: Dimension,
    DB: Dimension,
{
    let a = a.view().into_dyn();
    let b = b.view().into_dyn();
    let vector = b.ndim() == 1;
    let b = if vector { b.expand_dims(Axis(1))? } else { b };
    for nd in [a.ndim(), b.ndim()] {
        if nd != 2 {
            return Err(LinAlgError::NotTwoDims { ndim: nd });
        }
    }
    let (m, n) = (a.shape()[0], a.shape()[1]);
    let k = b.shape()[1];
    if b.shape()[0] != m {
        return Err(LinAlgError::IncompatibleDimensions);
    }
    let (ma, mb) = (matrices(&a, &[])[0], matrices(&b, &[])[0]);
    let p = m.min(n);
    let (mut u, mut v) = (Mat::<T>::zeros(m, p), Mat::<T>::zeros(n, p));
    let mut s = vec![T::zero(); p];
    svd_into(ma, &mut s, Some(u.as_mut()), Some(v.as_mut())).map_err(|e| match e {
        LinAlgError::SvdNoConvergence => LinAlgError::LstsqNoConvergence,
        e => e,
    })?;
    let rcond = rcond.map_or(T::epsilon() * T::from_f64(m.max(n) as f64), T::from_f64);
    let cutoff = rcond * s.first().copied().unwrap_or(T::zero());
    let rank = s.iter().filter(|&&x| x > cutoff).count();
    // x = V_r diag(1/s_r) U_rᵀ b.
    let (ur, vr) = (u.get(.., ..rank), v.get(.., ..rank));
    let mut c = Mat::<T>::zeros(rank, k);
    faer::linalg::matmul::matmul(
        c.as_mut(),
        Accum::Replace,
        ur.transpose(),
        mb,
        T::one(),
        PAR,
    );
    for (l, &sl) in s[..rank].iter().enumerate() {
        for j in 0..k {
            c[(l, j)] /= sl;
        }
    }
    let mut x = Mat::<T>::zeros(n, k);
    faer::linalg::matmul::matmul(x.as_mut(), Accum::Replace, vr, c.as_ref(), T::one(), PAR);
    let residuals = if rank == n && m > n {
        let mut r = mb.to_owned();
        faer::linalg::matmul::matmul(r.as_mut(), Accum::Add, ma, x.as_ref(), -T::one(), PAR);
        let sums: Vec<T> = (0..k)
            .map(|j| (0..m).fold(T::zero(), |acc, i| acc + r[(i, j)] * r[(i, j)]))
            .collect();
        array(&[k], sums)?
    } else {
        array(&[0], Vec::new())?
    };
    let xs: Vec<T> = (0..n)
        .flat_map(|i| (0..k).map(move |j| (i, j)))
        .map(|(i, j)| x[(i, j)])
        .collect();
    let x = if vector {
        array(&[n], xs)?
    } else {
        array(&[n, k], xs)?
    };
    Ok(Lstsq {
        x,
        residuals,
        rank,
        s: array(&[p], s)?,
    })
}
