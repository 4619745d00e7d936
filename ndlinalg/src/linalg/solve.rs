//! `solve`: NumPy's `np.linalg.solve(a, b)`, `A x = b` for square `A`.

use crate::errors::{Remapped, batch_broadcast, broadcast_shapes};
use crate::linalg::LinalgFloat;
use crate::linalg::batch::{Out, batch_of, check_square};
use crate::linalg::error::{LinAlgError, Result};
use crate::linalg::lu::Lu;
use crate::linalg::view::matrices;
use ndcore::{ArrayD, ArrayRef, Axis, Dimension};

/// The solution `x` of `a @ x = b`, NumPy's `np.linalg.solve(a, b)`.
///
/// `a` is a stack `(..., M, M)`; `b` is a vector `(M,)` when it is 1-d, else a stack of
/// matrices `(..., M, K)` (NumPy 2's rule: a `b` of shape `(..., M)` with more than one
/// axis is a stack of matrices, not of vectors). The leading axes broadcast. The result
/// has the broadcast batch shape and `b`'s core shape.
///
/// # Errors
/// NumPy's: `LinAlgError`s "Singular matrix" (an exactly zero pivot; NaN input gives NaN), "Last 2
/// dimensions of the array must be square", "1-dimensional array given. Array must be at
/// least two-dimensional"; `ValueError`s for a `b` that does not fit:
/// `solve1: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature
/// (m,m),(m)->(m) (size 4 is different from 3)`, and for batch axes that do not broadcast.
///
/// ```
/// use ndcore::prelude::*;
/// use ndlinalg::linalg::solve;
/// let a = Array::from_shape_vec([2, 2], vec![3f64, 1., 1., 2.]).unwrap();
/// let b = Array::from_vec(vec![9f64, 8.]);
/// let x = solve(&a, &b).unwrap();
/// assert_eq!(x.shape(), &[2]);
/// assert!((x[[0]] - 2.).abs() < 1e-12 && (x[[1]] - 3.).abs() < 1e-12);
/// let e = solve(&a, &Array::<f64, _>::zeros(3)).unwrap_err();
/// assert_eq!(e.to_string(), "solve1: Input operand 1 has a mismatch in its core dimension 0, \
///     with gufunc signature (m,m),(m)->(m) (size 3 is different from 2)");
/// ```
pub fn solve<T, DA, DB>(a: &ArrayRef<T, DA>, b: &ArrayRef<T, DB>) -> Result<ArrayD<T>>
where
    T: LinalgFloat,
    DA: Dimension,
    DB: Dimension,
{
    let a = a.view().into_dyn();
    let b = b.view().into_dyn();
    let n = check_square(&a)?;
    let vector = b.ndim() == 1;
    let (name, sig, core_b) = if vector {
        ("solve1", "(m,m),(m)->(m)", 1)
    } else {
        ("solve", "(m,m),(m,n)->(m,n)", 2)
    };
    if b.ndim() < core_b {
        return Err(LinAlgError::value(format!(
            "{name}: Input operand 1 does not have enough dimensions (has {}, gufunc core \
             with signature {sig} requires {core_b})",
            b.ndim()
        )));
    }
    let m = b.shape()[b.ndim() - core_b];
    if m != n {
        return Err(LinAlgError::value(format!(
            "{name}: Input operand 1 has a mismatch in its core dimension 0, with gufunc \
             signature {sig} (size {m} is different from {n})"
        )));
    }
    // b as a stack of (M, K) matrices.
    let b = if vector { b.expand_dims(Axis(1))? } else { b };
    let k = b.shape()[b.ndim() - 1];
    let (batch_a, batch_b) = (batch_of(&a, 2), batch_of(&b, 2));
    let Some(batch) = broadcast_shapes(&[&batch_a, &batch_b]) else {
        let core_out: &[usize] = if vector { &[n] } else { &[n, k] };
        let b_shape = if vector { &b.shape()[..1] } else { b.shape() };
        return Err(batch_broadcast(
            &[
                Remapped {
                    shape: a.shape(),
                    batch: Some(batch_a.len()),
                },
                Remapped {
                    shape: b_shape,
                    batch: Some(batch_b.len()),
                },
            ],
            core_out,
        )
        .into());
    };
    let (mats_a, mats_b) = (matrices(&a, &batch), matrices(&b, &batch));
    let mut out = Out::new(mats_a.len(), n, k);
    // A matrix broadcast over b's batch (the same view again) is factored once.
    let mut last: Option<(*const T, Lu<T>)> = None;
    for (i, (ma, mb)) in mats_a.iter().zip(&mats_b).enumerate() {
        let lu = match last.take() {
            Some((p, lu)) if p == ma.as_ptr() => lu,
            _ => {
                let lu = Lu::new(*ma);
                if lu.is_singular() {
                    return Err(LinAlgError::Singular);
                }
                lu
            }
        };
        let mut x = out.mat(i);
        x.copy_from(mb);
        lu.solve_in_place(x);
        last = Some((ma.as_ptr(), lu));
    }
    if vector {
        out.into_array(&batch, &[n])
    } else {
        out.into_array(&batch, &[n, k])
    }
}
