//! `ptp` (the range of values) and the weighted `average`.

use super::Real;
use super::lanes::{map_lanes, norm_axis};
use crate::reduce::{Accumulator, MeanOf, Reduce};
use ndcore::error::Result;
use ndcore::{Array, ArrayD, ArrayRef, Dimension, Error};

/// The range `max - min` along `axis` (NumPy's `np.ptp`); `None` over all elements.
///
/// The difference is taken in the element type, so integers wrap as in NumPy
/// (`np.ptp(np.array([-128, 127], np.int8)) == -1`); a nan in a lane gives nan.
///
/// # Errors
/// An axis out of bounds; an empty lane:
/// `zero-size array to reduction operation maximum which has no identity`.
///
/// ```
/// use ndcore::prelude::*;
/// let x = array![[4i64, 9, 2], [3, 5, 7]];
/// assert_eq!(ndops::stats::ptp(&x, None).unwrap()[[]], 7);
/// assert_eq!(ndops::stats::ptp(&x, Some(1)).unwrap().to_vec(), vec![7, 4]);
/// assert_eq!(ndops::stats::ptp(&array![-128i8, 127], None).unwrap()[[]], -1);
/// ```
pub fn ptp<T: Real, D: Dimension>(a: &ArrayRef<T, D>, axis: Option<isize>) -> Result<ArrayD<T>> {
    let (shape, vals) = map_lanes(a, axis, false, |v| {
        let lane = ndcore::ArrayView1::from_slice_shape([v.len()], &v[..])?;
        let max = lane.max().map_err(|_| {
            Error::Value(
                "zero-size array to reduction operation maximum which has no identity".into(),
            )
        })?;
        Ok(T::sub_wrapping(max, lane.min()?))
    })?;
    Array::from_shape_vec(shape, vals)
}

/// The mean along `axis` (NumPy's `np.average(a, axis)` without weights: `np.mean`).
///
/// # Errors
/// An axis out of bounds.
///
/// ```
/// use ndcore::prelude::*;
/// let x = array![[1i64, 2], [3, 4]];
/// assert_eq!(ndops::stats::average(&x, Some(0)).unwrap().to_vec(), vec![2.0, 3.0]);
/// ```
pub fn average<T: Real, D: Dimension>(
    a: &ArrayRef<T, D>,
    axis: Option<isize>,
) -> Result<ArrayD<MeanOf<T>>> {
    match axis {
        None => Array::from_shape_vec(Vec::<usize>::new(), vec![a.mean()]),
        Some(k) => a.mean_axes([k], false),
    }
}

/// The weighted average along `axis`, `sum(a * w) / sum(w)` (NumPy's
/// `np.average(a, axis, weights=w)`).
///
/// `weights` has `a`'s shape, or is 1-d with the length of `axis` (then `axis` is
/// required). Weights are of the result type (`f64` for integer `a`); products and sums are
/// in that type, sums by the reductions' algorithm.
///
/// # Errors
/// `Weights sum to zero, can't be normalized` (NumPy's `ZeroDivisionError`);
/// `Axis must be specified when shapes of a and weights differ.`; `Shape of weights must be
/// consistent with shape of a along specified axis.`; an axis out of bounds.
///
/// ```
/// use ndcore::prelude::*;
/// let x = array![[1.0, 2.0], [3.0, 4.0]];
/// let w = array![3.0, 1.0];
/// assert_eq!(ndops::stats::average_with(&x, Some(1), &w).unwrap().to_vec(), vec![1.25, 3.25]);
/// let e = ndops::stats::average_with(&x, Some(1), &array![1.0, -1.0]).unwrap_err();
/// assert_eq!(e.to_string(), "Weights sum to zero, can't be normalized");
/// ```
pub fn average_with<T: Real, D: Dimension, E: Dimension>(
    a: &ArrayRef<T, D>,
    axis: Option<isize>,
    weights: &ArrayRef<MeanOf<T>, E>,
) -> Result<ArrayD<MeanOf<T>>> {
    let k = axis.map(|k| norm_axis(k, a.ndim())).transpose()?;
    let w: ArrayD<MeanOf<T>> = if weights.shape() == a.shape() {
        weights.to_owned().into_dyn()
    } else {
        let Some(k) = k else {
            return Err(Error::Value(
                "Axis must be specified when shapes of a and weights differ.".into(),
            ));
        };
        if weights.shape() != [a.shape()[k]] {
            return Err(Error::Value(
                "Shape of weights must be consistent with shape of a along specified axis.".into(),
            ));
        }
        let mut shape = vec![1; a.ndim()];
        shape[k] = a.shape()[k];
        let w1 = weights.to_owned().into_shape(shape)?;
        w1.broadcast_to(a.shape().to_vec())?.to_owned()
    };
    let af: ArrayD<MeanOf<T>> = a.map(|&x| x.cast_to()).into_dyn();
    let prod: ArrayD<MeanOf<T>> = ndcore::ops::zip_map(&af, &w, |x: MeanOf<T>, y| x.mul(y))?;
    let axes: Vec<isize> = match k {
        None => (0..a.ndim() as isize).collect(),
        Some(k) => vec![k as isize],
    };
    // NumPy sums the weights once (the 1-d weights, or w over the axis): the same values.
    let scl = w.sum_axes(&axes, false)?;
    if scl.iter().any(|&s| s == <MeanOf<T> as Accumulator>::ZERO) {
        return Err(Error::Value(
            "Weights sum to zero, can't be normalized".into(),
        ));
    }
    let num = prod.sum_axes(&axes, false)?;
    ndcore::ops::zip_map(&num, &scl, |n: MeanOf<T>, s| {
        crate::reduce::FloatAcc::div(n, s)
    })
}
