//! `norm`: NumPy's `np.linalg.norm`, vector and matrix norms of every `ord`.

use crate::linalg::LinalgFloat;
use crate::linalg::batch::array;
use crate::linalg::error::{LinAlgError, Result};
use crate::linalg::svd::svd_into;
use crate::linalg::view::matrices;
use faer::MatRef;
use ndcore::{ArrayD, ArrayRef, Axis, Dimension, Error};

/// The order of a norm, NumPy's `ord` argument.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NormOrd {
    /// `ord=None`: the 2-norm of vectors, the Frobenius norm of matrices.
    None,
    /// `'fro'`: the Frobenius norm (matrices only).
    Fro,
    /// `'nuc'`: the nuclear norm, the sum of the singular values (matrices only).
    Nuc,
    /// A number: `P(1.)`, `P(-1.)`, `P(2.)`, `P(-2.)`, `P(f64::INFINITY)`,
    /// `P(f64::NEG_INFINITY)` for matrices; any `p` for vectors (`P(0.)` counts nonzeros).
    P(f64),
}

/// The axes a norm reduces, NumPy's `axis` argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NormAxis {
    /// `axis=None`: the whole array (a vector norm of 1-d, a matrix norm of 2-d input;
    /// with `ord=None`, the 2-norm of the flattened array of any rank).
    None,
    /// One axis: vector norms along it (negative counts from the end).
    One(isize),
    /// Two axes (rows, columns): matrix norms of the matrices they span.
    Two(isize, isize),
}

/// The norm of `x`, NumPy's `np.linalg.norm(x, ord, axis, keepdims)`: a vector norm along
/// one axis, a matrix norm over two (`2`/`-2`/`'nuc'` through the SVD), with the reduced
/// axes removed (or kept with length 1). The result is `f32` for `f32` input.
///
/// # Errors
/// NumPy's `ValueError`s: "Invalid norm order 'fro' for vectors", "Invalid norm order for
/// matrices.", "Duplicate axes given.", "Improper number of dimensions to norm.", "zero-size
/// array to reduction operation maximum which has no identity" (`±inf` norms of empty
/// vectors); `AxisError` "axis 2 is out of bounds for array of dimension 2"; "SVD did not
/// converge" for `2`/`-2`/`'nuc'` of NaN input.
///
/// ```
/// use ndcore::prelude::*;
/// use ndlinalg::linalg::{NormAxis, NormOrd, norm};
/// let a = Array::from_shape_vec([2, 2], vec![3f64, -4., 0., 0.]).unwrap();
/// let all = norm(&a, NormOrd::None, NormAxis::None, false).unwrap();
/// assert_eq!(all.to_vec(), vec![5.]);
/// let rows = norm(&a, NormOrd::P(1.), NormAxis::One(1), false).unwrap();
/// assert_eq!(rows.to_vec(), vec![7f64, 0.]);
/// let inf = norm(&a, NormOrd::P(f64::INFINITY), NormAxis::None, false).unwrap();
/// assert_eq!(inf.to_vec(), vec![7.]);
/// let e = norm(&a, NormOrd::Fro, NormAxis::One(0), false).unwrap_err();
/// assert_eq!(e.to_string(), "Invalid norm order 'fro' for vectors");
/// ```
pub fn norm<T: LinalgFloat, D: Dimension>(
    x: &ArrayRef<T, D>,
    ord: NormOrd,
    axis: NormAxis,
    keepdims: bool,
) -> Result<ArrayD<T>> {
    let x = x.view().into_dyn();
    let nd = x.ndim();
    let flat = match axis {
        NormAxis::None => match ord {
            NormOrd::None => true,
            NormOrd::Fro => nd == 2,
            NormOrd::P(p) => p == 2. && nd == 1,
            NormOrd::Nuc => false,
        },
        _ => false,
    };
    if flat {
        let sq = x.iter().fold(T::zero(), |acc, &v| acc + v * v);
        let shape = if keepdims { vec![1; nd] } else { Vec::new() };
        return array(&shape, vec![sq.sqrt()]);
    }
    let axes: Vec<isize> = match axis {
        NormAxis::None => (0..nd as isize).collect(),
        NormAxis::One(a) => vec![a],
        NormAxis::Two(r, c) => vec![r, c],
    };
    match axes.len() {
        1 => vector_norm(&x, ord, normalize(axes[0], nd)?, keepdims),
        2 => {
            let (r, c) = (normalize(axes[0], nd)?, normalize(axes[1], nd)?);
            if r == c {
                return Err(LinAlgError::value("Duplicate axes given."));
            }
            matrix_norm(&x, ord, r, c, keepdims)
        }
        _ => Err(LinAlgError::value("Improper number of dimensions to norm.")),
    }
}

/// `axis` in `0..ndim`, or NumPy's `AxisError`.
fn normalize(axis: isize, ndim: usize) -> Result<usize> {
    let a = if axis < 0 { axis + ndim as isize } else { axis };
    if a < 0 || a >= ndim as isize {
        return Err(Error::AxisOutOfBounds { axis, ndim }.into());
    }
    Ok(a as usize)
}

/// The shape of a reduction over `reduced` axes: without them, or with them as 1.
fn reduced_shape(shape: &[usize], reduced: &[usize], keepdims: bool) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, &n) in shape.iter().enumerate() {
        if !reduced.contains(&i) {
            out.push(n);
        } else if keepdims {
            out.push(1);
        }
    }
    out
}

/// `x`'s axes with `last` moved to the end, in that order (others keep theirs).
fn move_last(nd: usize, last: &[usize]) -> Vec<usize> {
    let mut perm: Vec<usize> = (0..nd).filter(|a| !last.contains(a)).collect();
    perm.extend_from_slice(last);
    perm
}

fn vector_norm<T: LinalgFloat>(
    x: &ArrayRef<T, ndcore::IxDyn>,
    ord: NormOrd,
    axis: usize,
    keepdims: bool,
) -> Result<ArrayD<T>> {
    let p = match ord {
        NormOrd::None => 2.,
        NormOrd::P(p) => p,
        NormOrd::Fro => return Err(LinAlgError::value("Invalid norm order 'fro' for vectors")),
        NormOrd::Nuc => return Err(LinAlgError::value("Invalid norm order 'nuc' for vectors")),
    };
    let nd = x.ndim();
    // Each lane as a 1 × L matrix: the axis last, a length-1 axis before it.
    let moved = x.permuted_axes(&move_last(nd, &[axis]))?;
    let lanes = moved.expand_dims(Axis(nd - 1))?;
    let batch = moved.shape()[..nd - 1].to_vec();
    let len = x.shape()[axis];
    // NumPy's max here starts from 0 (`initial=0`); its min has no identity.
    if len == 0 && p == f64::NEG_INFINITY && batch.iter().product::<usize>() > 0 {
        return Err(LinAlgError::value(
            "zero-size array to reduction operation minimum which has no identity",
        ));
    }
    let mut out = Vec::new();
    for m in matrices(&lanes, &batch) {
        let vals = (0..len).map(|j| m[(0, j)].abs());
        let pt = T::from_f64(p);
        let v = if p == f64::INFINITY {
            vals.fold(T::zero(), |a, b| {
                if b > a || b.is_nan() || a.is_nan() {
                    if a.is_nan() { a } else { b }
                } else {
                    a
                }
            })
        } else if p == f64::NEG_INFINITY {
            vals.fold(T::infinity(), |a, b| {
                if b < a || b.is_nan() || a.is_nan() {
                    if a.is_nan() { a } else { b }
                } else {
                    a
                }
            })
        } else if p == 0. {
            vals.fold(
                T::zero(),
                |a, b| if b != T::zero() { a + T::one() } else { a },
            )
        } else if p == 1. {
            vals.fold(T::zero(), |a, b| a + b)
        } else if p == 2. {
            vals.fold(T::zero(), |a, b| a + b * b).sqrt()
        } else {
            vals.fold(T::zero(), |a, b| a + b.powf(pt)).powf(pt.recip())
        };
        out.push(v);
    }
    array(&reduced_shape(x.shape(), &[axis], keepdims), out)
}

fn matrix_norm<T: LinalgFloat>(
    x: &ArrayRef<T, ndcore::IxDyn>,
    ord: NormOrd,
    row: usize,
    col: usize,
    keepdims: bool,
) -> Result<ArrayD<T>> {
    let nd = x.ndim();
    let moved = x.permuted_axes(&move_last(nd, &[row, col]))?;
    let batch = moved.shape()[..nd - 2].to_vec();
    let (m, n) = (x.shape()[row], x.shape()[col]);
    enum Kind {
        Svd(bool, bool),
        ColSums(bool),
        RowSums(bool),
        Fro,
    }
    let kind = match ord {
        NormOrd::None | NormOrd::Fro => Kind::Fro,
        NormOrd::Nuc => Kind::Svd(false, true),
        NormOrd::P(2.) => Kind::Svd(true, false),
        NormOrd::P(-2.) => Kind::Svd(false, false),
        NormOrd::P(1.) => Kind::ColSums(true),
        NormOrd::P(-1.) => Kind::ColSums(false),
        NormOrd::P(p) if p == f64::INFINITY => Kind::RowSums(true),
        NormOrd::P(p) if p == f64::NEG_INFINITY => Kind::RowSums(false),
        NormOrd::P(_) => return Err(LinAlgError::value("Invalid norm order for matrices.")),
    };
    let empty_extreme = |max: bool| {
        let what = if max { "maximum" } else { "minimum" };
        LinAlgError::value(format!(
            "zero-size array to reduction operation {what} which has no identity"
        ))
    };
    let pick = |vals: &mut dyn Iterator<Item = T>, max: bool| -> Option<T> {
        vals.reduce(|a, b| {
            if a.is_nan() || b.is_nan() {
                T::nan()
            } else if (b > a) == max {
                b
            } else {
                a
            }
        })
    };
    // NumPy's max of the sums starts from 0 (`initial=0`); its min has no identity.
    let pick_or_zero = |vals: &mut dyn Iterator<Item = T>, max: bool| -> Result<T> {
        match pick(vals, max) {
            Some(v) => Ok(v),
            None if max => Ok(T::zero()),
            None => Err(empty_extreme(max)),
        }
    };
    let mut s = vec![T::zero(); m.min(n)];
    let mut out = Vec::new();
    for mat in matrices(&moved, &batch) {
        let v = match kind {
            Kind::Fro => sum_abs(mat, |v| v * v).sqrt(),
            Kind::ColSums(max) => {
                let mut sums = (0..n).map(|j| (0..m).fold(T::zero(), |a, i| a + mat[(i, j)].abs()));
                pick_or_zero(&mut sums, max)?
            }
            Kind::RowSums(max) => {
                let mut sums = (0..m).map(|i| (0..n).fold(T::zero(), |a, j| a + mat[(i, j)].abs()));
                pick_or_zero(&mut sums, max)?
            }
            Kind::Svd(max, sum) => {
                svd_into(mat, &mut s, None, None)?;
                if sum {
                    s.iter().fold(T::zero(), |a, &b| a + b)
                } else {
                    let v = if max { s.first() } else { s.last() };
                    *v.ok_or_else(|| empty_extreme(max))?
                }
            }
        };
        out.push(v);
    }
    array(&reduced_shape(x.shape(), &[row, col], keepdims), out)
}

/// `Σ f(|a_ij|)` over a matrix.
fn sum_abs<T: LinalgFloat>(a: MatRef<'_, T>, f: impl Fn(T) -> T) -> T {
    (0..a.ncols()).fold(T::zero(), |acc, j| {
        (0..a.nrows()).fold(acc, |acc, i| acc + f(a[(i, j)].abs()))
    })
}
