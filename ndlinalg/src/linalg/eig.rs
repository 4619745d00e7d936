//! `eig` and `eigvals`: NumPy's eigen-decompositions of general square matrices.

use crate::linalg::LinalgFloat;
use crate::linalg::batch::{Out, PAR, array, batch_of, check_square};
use crate::linalg::error::{LinAlgError, Result};
use crate::linalg::view::matrices;
use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::evd::{ComputeEigenvectors, evd_real, evd_scratch};
use faer::{ColMut, Mat, MatRef};
use ndcore::{ArrayD, ArrayRef, Dimension};

/// The eigenvalues and right eigenvectors of [`eig`], complex numbers as real and
/// imaginary parts (ndcore has no complex element type): eigenvalue `i` is
/// `w_re[i] + j·w_im[i]`, its eigenvector the column `v_re[:, i] + j·v_im[:, i]`.
#[derive(Debug, Clone)]
pub struct Eig<T: LinalgFloat> {
    /// Real parts of the eigenvalues, `(..., M)`.
    pub w_re: ArrayD<T>,
    /// Imaginary parts of the eigenvalues, `(..., M)` (all zero when every eigenvalue is
    /// real, where NumPy returns a real array).
    pub w_im: ArrayD<T>,
    /// Real parts of the eigenvectors, `(..., M, M)`, one per column.
    pub v_re: ArrayD<T>,
    /// Imaginary parts of the eigenvectors.
    pub v_im: ArrayD<T>,
}

/// The eigenvalues and right eigenvectors of each matrix of `a` (`(..., M, M)`), NumPy's
/// `np.linalg.eig(a)`. Complex-conjugate pairs come together, positive imaginary part
/// first (LAPACK's `geev` order); each eigenvector has unit norm and its largest
/// component real (LAPACK's normalization), so it matches NumPy's up to sign. The order of
/// the eigenvalues may differ from NumPy's (it comes from the Schur form each library
/// computes).
///
/// # Errors
/// "Array must not contain infs or NaNs", "Eigenvalues did not converge", "Last 2
/// dimensions of the array must be square", "%d-dimensional array given. Array must be at
/// least two-dimensional".
///
/// ```
/// use ndcore::prelude::*;
/// use ndlinalg::linalg::eig;
/// // A rotation by 90°: eigenvalues ±i.
/// let a = Array::from_shape_vec([2, 2], vec![0f64, -1., 1., 0.]).unwrap();
/// let e = eig(&a).unwrap();
/// assert_eq!(e.w_re.to_vec(), vec![0f64, 0.]);
/// assert_eq!(e.w_im.to_vec(), vec![1f64, -1.]);
/// ```
pub fn eig<T: LinalgFloat, D: Dimension>(a: &ArrayRef<T, D>) -> Result<Eig<T>> {
    let (batch, n, w_re, w_im, v) = run(a, true)?;
    let (v_re, v_im) = v.unwrap_or_else(|| (Out::new(0, n, n), Out::new(0, n, n)));
    let mut w_shape = batch.clone();
    w_shape.push(n);
    Ok(Eig {
        w_re: array(&w_shape, w_re)?,
        w_im: array(&w_shape, w_im)?,
        v_re: v_re.into_array(&batch, &[n, n])?,
        v_im: v_im.into_array(&batch, &[n, n])?,
    })
}

/// The eigenvalues of each matrix of `a`, NumPy's `np.linalg.eigvals(a)`: real and
/// imaginary parts, each `(..., M)`.
///
/// # Errors
/// As [`eig`].
///
/// ```
/// use ndcore::prelude::*;
/// use ndlinalg::linalg::eigvals;
/// let a = Array::from_shape_vec([2, 2], vec![2f64, 0., 0., 3.]).unwrap();
/// let (re, im) = eigvals(&a).unwrap();
/// assert_eq!((re.to_vec(), im.to_vec()), (vec![2f64, 3.], vec![0., 0.]));
/// ```
pub fn eigvals<T: LinalgFloat, D: Dimension>(a: &ArrayRef<T, D>) -> Result<(ArrayD<T>, ArrayD<T>)> {
    let (mut batch, n, w_re, w_im, _) = run(a, false)?;
    batch.push(n);
    Ok((array(&batch, w_re)?, array(&batch, w_im)?))
}

/// Batch shape, order, eigenvalue parts and (if asked) eigenvector parts.
type Parts<T> = (Vec<usize>, usize, Vec<T>, Vec<T>, Option<(Out<T>, Out<T>)>);

fn run<T: LinalgFloat, D: Dimension>(a: &ArrayRef<T, D>, vectors: bool) -> Result<Parts<T>> {
    let a = a.view().into_dyn();
    let n = check_square(&a)?;
    if a.iter().any(|x| !x.is_finite()) {
        return Err(LinAlgError::NonFinite);
    }
    let batch = batch_of(&a, 2);
    let mats = matrices(&a, &batch);
    let count = mats.len();
    let (mut w_re, mut w_im) = (vec![T::zero(); count * n], vec![T::zero(); count * n]);
    let mut v = vectors.then(|| (Out::new(count, n, n), Out::new(count, n, n)));
    for (i, mat) in mats.iter().enumerate() {
        let (re, im) = (&mut w_re[i * n..(i + 1) * n], &mut w_im[i * n..(i + 1) * n]);
        let packed = one(*mat, re, im, vectors)?;
        if let (Some((v_re, v_im)), Some(u)) = (v.as_mut(), packed) {
            unpack(
                u.as_ref(),
                im,
                &mut v_re.data[i * n * n..(i + 1) * n * n],
                &mut v_im.data[i * n * n..(i + 1) * n * n],
            );
        }
    }
    Ok((batch, n, w_re, w_im, v))
}

/// One real eigen-decomposition: eigenvalue parts into `re`/`im`, the eigenvectors packed
/// as LAPACK packs them (a conjugate pair `j, j+1` as the columns `x`, `y` of `x ± i·y`).
fn one<T: LinalgFloat>(
    a: MatRef<'_, T>,
    re: &mut [T],
    im: &mut [T],
    vectors: bool,
) -> Result<Option<Mat<T>>> {
    let n = a.nrows();
    let compute = if vectors {
        ComputeEigenvectors::Yes
    } else {
        ComputeEigenvectors::No
    };
    let req = evd_scratch::<T>(n, ComputeEigenvectors::No, compute, PAR, Default::default());
    let mut buf = MemBuffer::new(req);
    let mut u = vectors.then(|| Mat::<T>::zeros(n, n));
    evd_real(
        a,
        ColMut::from_slice_mut(re).as_diagonal_mut(),
        ColMut::from_slice_mut(im).as_diagonal_mut(),
        None,
        u.as_mut().map(|u| u.as_mut()),
        PAR,
        MemStack::new(&mut buf),
        Default::default(),
    )
    .map_err(|_| LinAlgError::EigNoConvergence)?;
    Ok(u)
}

/// Unpacks LAPACK-style packed eigenvectors into row-major real and imaginary parts,
/// each column of unit norm with its largest component real.
fn unpack<T: LinalgFloat>(u: MatRef<'_, T>, im: &[T], v_re: &mut [T], v_im: &mut [T]) {
    let n = u.nrows();
    let mut j = 0;
    while j < n {
        if im[j] == T::zero() || j + 1 == n {
            let norm = (0..n)
                .fold(T::zero(), |s, i| s + u[(i, j)] * u[(i, j)])
                .sqrt();
            let scale = if norm > T::zero() {
                norm.recip()
            } else {
                T::one()
            };
            for i in 0..n {
                v_re[i * n + j] = u[(i, j)] * scale;
            }
            j += 1;
            continue;
        }
        // x + i·y, then its conjugate in column j + 1.
        let (x, y) = (|i| u[(i, j)], |i| u[(i, j + 1)]);
        let norm = (0..n)
            .fold(T::zero(), |s, i| s + x(i) * x(i) + y(i) * y(i))
            .sqrt();
        let big = (0..n)
            .max_by(|&p, &q| {
                let (mp, mq) = (x(p) * x(p) + y(p) * y(p), x(q) * x(q) + y(q) * y(q));
                mp.partial_cmp(&mq).unwrap_or(std::cmp::Ordering::Equal)
            })
            .unwrap_or(0);
        // Multiply by conj(z_big)/|z_big|/norm so component `big` becomes real, positive.
        let mag = (x(big) * x(big) + y(big) * y(big)).sqrt();
        let (c, s) = if mag > T::zero() && norm > T::zero() {
            (x(big) / mag / norm, -y(big) / mag / norm)
        } else {
            (T::one(), T::zero())
        };
        for i in 0..n {
            let (a, b) = (x(i), y(i));
            let (r, m) = (a * c - b * s, a * s + b * c);
            v_re[i * n + j] = r;
            v_im[i * n + j] = m;
            v_re[i * n + j + 1] = r;
            v_im[i * n + j + 1] = -m;
        }
        j += 2;
    }
}
