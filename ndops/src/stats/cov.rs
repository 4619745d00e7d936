//! `cov` and `corrcoef`: NumPy's covariance and correlation matrices of the variables in
//! the rows (or columns) of a 1-d or 2-d array, in `f64`.

use super::Real;
use crate::reduce::Reduce;
use ndcore::error::Result;
use ndcore::{Array, ArrayD, ArrayRef, Dimension, Error};

/// NumPy's keyword arguments of [`cov_with`]: `rowvar` (each row is a variable; else each
/// column) and `ddof` (the divisor is `observations - ddof`). Default: `rowvar=True`,
/// `ddof=1` (NumPy's `bias=False`).
///
/// ```
/// use ndops::stats::CovOpts;
/// let o = CovOpts { ddof: 0, ..CovOpts::default() };
/// assert!(o.rowvar);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CovOpts {
    /// Each row is a variable, observations in the columns (NumPy's `rowvar`).
    pub rowvar: bool,
    /// Delta degrees of freedom (NumPy's `ddof`; `bias=True` is `ddof: 0`).
    pub ddof: i64,
}

impl Default for CovOpts {
    fn default() -> Self {
        CovOpts {
            rowvar: true,
            ddof: 1,
        }
    }
}

/// The variables as rows of `f64`: `(variables, observations, values)`.
fn variables<T: Real, D: Dimension>(
    m: &ArrayRef<T, D>,
    rowvar: bool,
) -> Result<(usize, usize, Vec<f64>)> {
    match m.ndim() {
        0 | 1 => {
            let v: Vec<f64> = m.iter().map(|x| x.to_f64()).collect();
            Ok((1, v.len(), v))
        }
        2 => {
            let (r, c) = (m.shape()[0], m.shape()[1]);
            let v: Vec<f64> = m.iter().map(|x| x.to_f64()).collect();
            if rowvar || r == 1 {
                Ok((r, c, v))
            } else {
                let mut t = vec![0.0; r * c];
                for i in 0..r {
                    for j in 0..c {
                        t[j * r + i] = v[i * c + j];
                    }
                }
                Ok((c, r, t))
            }
        }
        _ => Err(Error::Value("m has more than 2 dimensions".into())),
    }
}

/// The `p × p` covariance of `p` rows of `n` observations, NumPy's steps: subtract each
/// row's mean, multiply by the transpose, scale by `1 / (n - ddof)` (0 past it, so inf/nan).
fn covariance(p: usize, n: usize, mut x: Vec<f64>, ddof: i64) -> Result<Vec<f64>> {
    for row in x.chunks_mut(n.max(1)) {
        let mean = ndcore::ArrayView1::from_slice_shape([row.len()], &row[..])?.mean();
        for v in row.iter_mut() {
            *v -= mean;
        }
    }
    let fact = n as f64 - ddof as f64;
    let fact = if fact <= 0.0 { 0.0 } else { fact };
    let scale = 1.0 / fact;
    let mut c = vec![0.0; p * p];
    for i in 0..p {
        for j in i..p {
            let (a, b) = (&x[i * n..(i + 1) * n], &x[j * n..(j + 1) * n]);
            let s: f64 = a.iter().zip(b).map(|(u, v)| u * v).sum();
            c[i * p + j] = s * scale;
            c[j * p + i] = s * scale;
        }
    }
    Ok(c)
}

/// The result with NumPy's `squeeze`: `p × p`, or 0-d for one variable.
fn shaped(p: usize, c: Vec<f64>) -> Result<ArrayD<f64>> {
    let shape = if p == 1 { vec![] } else { vec![p, p] };
    Array::from_shape_vec(shape, c)
}

/// The covariance matrix of the variables in the rows of `m` (NumPy's `np.cov(m)`): `f64`,
/// divisor `n - 1`; a 1-d `m` is one variable and gives a 0-d result.
///
/// Products are summed in order, not by BLAS as NumPy does: values agree with NumPy's to
/// within rounding (a few ulps for well-conditioned data).
///
/// # Errors
/// `m has more than 2 dimensions`.
///
/// ```
/// use ndcore::prelude::*;
/// let m = array![[0.0, 1.0, 2.0], [2.0, 1.0, 0.0]];
/// assert_eq!(ndops::stats::cov(&m).unwrap().to_vec(), vec![1.0, -1.0, -1.0, 1.0]);
/// // NumPy scales by the reciprocal: 5 * (1 / 3), not 5 / 3.
/// assert_eq!(ndops::stats::cov(&array![1i64, 2, 3, 4]).unwrap()[[]], 1.6666666666666665);
/// ```
pub fn cov<T: Real, D: Dimension>(m: &ArrayRef<T, D>) -> Result<ArrayD<f64>> {
    cov_with(m, CovOpts::default())
}

/// [`cov`] with NumPy's `rowvar` and `ddof` ([`CovOpts`]).
///
/// # Errors
/// As [`cov`].
///
/// ```
/// use ndcore::prelude::*;
/// use ndops::stats::CovOpts;
/// let m = array![[0.0, 2.0], [1.0, 1.0], [2.0, 0.0]]; // variables in columns
/// let c = ndops::stats::cov_with(&m, CovOpts { rowvar: false, ddof: 0 }).unwrap();
/// assert_eq!(c.to_vec(), vec![2.0 / 3.0, -2.0 / 3.0, -2.0 / 3.0, 2.0 / 3.0]);
/// ```
pub fn cov_with<T: Real, D: Dimension>(m: &ArrayRef<T, D>, opts: CovOpts) -> Result<ArrayD<f64>> {
    let (p, n, x) = variables(m, opts.rowvar)?;
    if p == 0 {
        return Array::from_shape_vec(vec![0, 0], Vec::new());
    }
    let c = covariance(p, n, x, opts.ddof)?;
    shaped(p, c)
}

/// The correlation coefficients of the variables in the rows of `m` (NumPy's
/// `np.corrcoef(m)`): the covariance divided by the standard deviations, clipped to
/// `[-1, 1]` as NumPy clips it.
///
/// # Errors
/// `m has more than 2 dimensions`.
///
/// ```
/// use ndcore::prelude::*;
/// let m = array![[0.0, 1.0, 2.0], [4.0, 2.0, 0.0]];
/// assert_eq!(ndops::stats::corrcoef(&m).unwrap().to_vec(), vec![1.0, -1.0, -1.0, 1.0]);
/// ```
pub fn corrcoef<T: Real, D: Dimension>(m: &ArrayRef<T, D>) -> Result<ArrayD<f64>> {
    corrcoef_with(m, true)
}

/// [`corrcoef`] with NumPy's `rowvar` (`false`: the variables are the columns).
///
/// # Errors
/// As [`corrcoef`].
///
/// ```
/// use ndcore::prelude::*;
/// let m = array![[0.0, 3.0], [1.0, 2.0], [2.0, 1.0]];
/// let r = ndops::stats::corrcoef_with(&m, false).unwrap();
/// assert_eq!(r.to_vec(), vec![1.0, -1.0, -1.0, 1.0]);
/// ```
pub fn corrcoef_with<T: Real, D: Dimension>(
    m: &ArrayRef<T, D>,
    rowvar: bool,
) -> Result<ArrayD<f64>> {
    let (p, n, x) = variables(m, rowvar)?;
    if p == 0 {
        return Array::from_shape_vec(vec![0, 0], Vec::new());
    }
    let mut c = covariance(p, n, x, 1)?;
    if p == 1 {
        // NumPy: a scalar covariance gives c / c (1, or nan for 0, inf or nan).
        let v = c[0];
        let r = if v.is_finite() && v != 0.0 {
            1.0
        } else {
            f64::NAN
        };
        return shaped(1, vec![r]);
    }
    let sd: Vec<f64> = (0..p).map(|i| c[i * p + i].sqrt()).collect();
    for i in 0..p {
        for j in 0..p {
            let v = c[i * p + j] / sd[i] / sd[j];
            // np.clip keeps nan.
            c[i * p + j] = if v.is_nan() { v } else { v.clamp(-1.0, 1.0) };
        }
    }
    shaped(p, c)
}
