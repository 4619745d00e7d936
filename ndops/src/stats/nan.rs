//! The reductions that skip nans: NumPy's `nansum`, `nanmean`, `nanmin`, `nanmax`,
//! `nanargmin`, `nanargmax`, `nanmedian`, `nanquantile` and `nanpercentile`. On integer
//! arrays (which hold no nan) each is its plain counterpart, as in NumPy.

use super::Real;
use super::lanes::map_lanes;
use super::quantile::{QuantileMethod, Quantiles, checked_q, lane_median, lane_quantiles, q_major};
use crate::reduce::{FloatAcc, MeanOf, Reduce, SumOf};
use ndcore::error::Result;
use ndcore::{Array, ArrayD, ArrayRef, ArrayView1, Dimension, Error};

/// Replaces each nan of `v` by `with`; returns how many values were not nan.
fn replace_nan<T: Real>(v: &mut [T], with: T) -> usize {
    let mut kept = v.len();
    for x in v.iter_mut() {
        if x.is_nan() {
            *x = with;
            kept -= 1;
        }
    }
    kept
}

/// The sum of a lane held in a buffer, by the reductions' (NumPy's pairwise) algorithm.
fn lane_sum<T: Real>(v: &[T]) -> Result<SumOf<T>> {
    Ok(ArrayView1::from_slice_shape([v.len()], v)?.sum())
}

/// The sum along `axis` treating nans as zero (NumPy's `np.nansum`); `None` sums all.
///
/// Sums use the reductions' types and pairwise algorithm ([`Reduce::sum`]): integers in
/// `i64`/`u64`. An all-nan or empty lane sums to 0.
///
/// # Errors
/// An axis out of bounds.
///
/// ```
/// use ndcore::prelude::*;
/// let x = array![[1.0, f64::NAN], [3.0, 4.0]];
/// assert_eq!(ndops::stats::nansum(&x, None).unwrap()[[]], 8.0);
/// assert_eq!(ndops::stats::nansum(&x, Some(0)).unwrap().to_vec(), vec![4.0, 4.0]);
/// ```
pub fn nansum<T: Real, D: Dimension>(
    a: &ArrayRef<T, D>,
    axis: Option<isize>,
) -> Result<ArrayD<SumOf<T>>> {
    let zero = T::zeroed();
    let (shape, vals) = map_lanes(a, axis, true, |v| {
        replace_nan(v, zero);
        lane_sum(v)
    })?;
    Array::from_shape_vec(shape, vals)
}

/// The mean along `axis` of the values that are not nan (NumPy's `np.nanmean`).
///
/// The nan-skipping sum divided by the count; an all-nan or empty lane gives nan (NumPy
/// also warns). Integers give `f64` (their plain mean).
///
/// # Errors
/// An axis out of bounds.
///
/// ```
/// use ndcore::prelude::*;
/// let x = array![[1.0, f64::NAN], [3.0, 5.0]];
/// assert_eq!(ndops::stats::nanmean(&x, Some(1)).unwrap().to_vec(), vec![1.0, 4.0]);
/// assert!(ndops::stats::nanmean(&array![f64::NAN], None).unwrap()[[]].is_nan());
/// ```
pub fn nanmean<T: Real, D: Dimension>(
    a: &ArrayRef<T, D>,
    axis: Option<isize>,
) -> Result<ArrayD<MeanOf<T>>> {
    let zero = T::zeroed();
    let (shape, vals) = map_lanes(a, axis, true, |v| {
        let kept = replace_nan(v, zero);
        if kept == v.len() {
            return Ok(ArrayView1::from_slice_shape([v.len()], &v[..])?.mean());
        }
        // NumPy divides the sum by the integer count in float64 (`_divide_by_count`).
        let tot = T::sum_f64(lane_sum(v)?);
        Ok(<MeanOf<T> as FloatAcc>::from_f64(tot / kept as f64))
    })?;
    Array::from_shape_vec(shape, vals)
}

/// The extreme of a lane ignoring nans (`max` picks the larger); nan if all are nan.
fn lane_extreme<T: Real>(v: &[T], max: bool, name: &str) -> Result<T> {
    if v.is_empty() {
        return Err(Error::Value(format!(
            "zero-size array to reduction operation {name} which has no identity"
        )));
    }
    let mut best: Option<T> = None;
    for &x in v {
        if x.is_nan() {
            continue;
        }
        best = Some(match best {
            None => x,
            Some(b) if (max && x > b) || (!max && x < b) => x,
            Some(b) => b,
        });
    }
    Ok(best.unwrap_or(v[0]))
}

/// The minimum along `axis` ignoring nans (NumPy's `np.nanmin`, an `fmin` reduction); an
/// all-nan lane gives nan (NumPy also warns).
///
/// # Errors
/// An axis out of bounds; an empty lane:
/// `zero-size array to reduction operation fmin which has no identity`.
///
/// ```
/// use ndcore::prelude::*;
/// let x = array![[f64::NAN, 2.0], [f64::NAN, -1.0]];
/// assert_eq!(ndops::stats::nanmin(&x, None).unwrap()[[]], -1.0);
/// let m = ndops::stats::nanmin(&x, Some(0)).unwrap();
/// assert!(m[[0]].is_nan() && m[[1]] == -1.0);
/// ```
pub fn nanmin<T: Real, D: Dimension>(a: &ArrayRef<T, D>, axis: Option<isize>) -> Result<ArrayD<T>> {
    let (shape, vals) = map_lanes(a, axis, false, |v| lane_extreme(v, false, "fmin"))?;
    Array::from_shape_vec(shape, vals)
}

/// The maximum along `axis` ignoring nans (NumPy's `np.nanmax`, an `fmax` reduction); an
/// all-nan lane gives nan.
///
/// # Errors
/// An axis out of bounds; an empty lane:
/// `zero-size array to reduction operation fmax which has no identity`.
///
/// ```
/// use ndcore::prelude::*;
/// let x = array![1.0, f64::NAN, 3.0];
/// assert_eq!(ndops::stats::nanmax(&x, None).unwrap()[[]], 3.0);
/// ```
pub fn nanmax<T: Real, D: Dimension>(a: &ArrayRef<T, D>, axis: Option<isize>) -> Result<ArrayD<T>> {
    let (shape, vals) = map_lanes(a, axis, false, |v| lane_extreme(v, true, "fmax"))?;
    Array::from_shape_vec(shape, vals)
}

/// NumPy's `nanargmin`/`nanargmax` of a lane in logical order: nans replaced by the
/// identity (`+inf` / `-inf`), then the first index of the extreme.
fn lane_arg<T: Real>(v: &[T], max: bool) -> Result<i64> {
    let name = if max { "argmax" } else { "argmin" };
    if v.is_empty() {
        return Err(Error::Value(format!(
            "attempt to get {name} of an empty sequence"
        )));
    }
    if v.iter().all(|x| x.is_nan()) {
        return Err(Error::Value("All-NaN slice encountered".into()));
    }
    let fill = if max { T::LOWEST } else { T::HIGHEST };
    let mut best = 0;
    let mut bv = if v[0].is_nan() { fill } else { v[0] };
    for (i, &x) in v.iter().enumerate().skip(1) {
        let x = if x.is_nan() { fill } else { x };
        if (max && x > bv) || (!max && x < bv) {
            best = i;
            bv = x;
        }
    }
    Ok(best as i64)
}

/// `lane_arg` of each lane in index order (`None`: the flat C-order index).
fn arg_lanes<T: Real, D: Dimension>(
    a: &ArrayRef<T, D>,
    axis: Option<isize>,
    max: bool,
) -> Result<ArrayD<i64>> {
    let (shape, vals) = map_lanes(a, axis, true, |v| lane_arg(v, max))?;
    Array::from_shape_vec(shape, vals)
}

/// The index of the minimum along `axis` ignoring nans (NumPy's `np.nanargmin`); `None`
/// gives the flat C-order index. Ties give the first.
///
/// # Errors
/// `All-NaN slice encountered` for a lane of nans; `attempt to get argmin of an empty
/// sequence`; an axis out of bounds.
///
/// ```
/// use ndcore::prelude::*;
/// let x = array![[f64::NAN, 2.0], [0.5, f64::NAN]];
/// assert_eq!(ndops::stats::nanargmin(&x, None).unwrap()[[]], 2);
/// assert_eq!(ndops::stats::nanargmin(&x, Some(1)).unwrap().to_vec(), vec![1, 0]);
/// let e = ndops::stats::nanargmin(&array![f64::NAN], None).unwrap_err();
/// assert_eq!(e.to_string(), "All-NaN slice encountered");
/// ```
pub fn nanargmin<T: Real, D: Dimension>(
    a: &ArrayRef<T, D>,
    axis: Option<isize>,
) -> Result<ArrayD<i64>> {
    arg_lanes(a, axis, false)
}

/// The index of the maximum along `axis` ignoring nans (NumPy's `np.nanargmax`).
///
/// # Errors
/// `All-NaN slice encountered`; `attempt to get argmax of an empty sequence`; an axis out
/// of bounds.
///
/// ```
/// use ndcore::prelude::*;
/// let x = array![1.0, f64::NAN, 3.0];
/// assert_eq!(ndops::stats::nanargmax(&x, None).unwrap()[[]], 2);
/// ```
pub fn nanargmax<T: Real, D: Dimension>(
    a: &ArrayRef<T, D>,
    axis: Option<isize>,
) -> Result<ArrayD<i64>> {
    arg_lanes(a, axis, true)
}

/// Drops a lane's nans in place.
fn drop_nans<T: Real>(v: &mut Vec<T>) {
    v.retain(|x| !x.is_nan());
}

/// The median along `axis` of the values that are not nan (NumPy's `np.nanmedian`); an
/// all-nan or empty lane gives nan (NumPy also warns).
///
/// # Errors
/// An axis out of bounds.
///
/// ```
/// use ndcore::prelude::*;
/// let x = array![[1.0, f64::NAN, 3.0], [f64::NAN, f64::NAN, 2.0]];
/// assert_eq!(ndops::stats::nanmedian(&x, Some(1)).unwrap().to_vec(), vec![2.0, 2.0]);
/// ```
pub fn nanmedian<T: Real, D: Dimension>(
    a: &ArrayRef<T, D>,
    axis: Option<isize>,
) -> Result<ArrayD<MeanOf<T>>> {
    let (shape, vals) = map_lanes(a, axis, false, |v| {
        drop_nans(v);
        Ok(lane_median(v))
    })?;
    Array::from_shape_vec(shape, vals)
}

fn nanquantile_impl<T: Real, D: Dimension>(
    a: &ArrayRef<T, D>,
    q: &impl Quantiles,
    axis: Option<isize>,
    method: QuantileMethod,
    percent: bool,
) -> Result<ArrayD<MeanOf<T>>> {
    let (qshape, qs) = checked_q(q, percent)?;
    if a.is_empty() {
        // NumPy answers an empty array with `nanmean(a, axis)`: nan, without q's axes.
        return nanmean(a, axis);
    }
    let (shape, per_lane) = map_lanes(a, axis, false, |v| {
        drop_nans(v);
        if v.is_empty() {
            Ok(vec![<MeanOf<T> as FloatAcc>::NAN; qs.len()])
        } else {
            lane_quantiles(v, &qs, method)
        }
    })?;
    q_major(qshape, shape, per_lane)
}

/// The `q`-th quantiles along `axis` of the values that are not nan, linear
/// interpolation (NumPy's `np.nanquantile`); an all-nan lane gives nan. An empty
/// array gives nan without `q`'s axes, as NumPy (its `nanmean`).
///
/// # Errors
/// As [`quantile`](super::quantile), except that an empty lane gives nan.
///
/// ```
/// use ndcore::prelude::*;
/// let x = array![f64::NAN, 1.0, 2.0, 3.0];
/// assert_eq!(ndops::stats::nanquantile(&x, 0.5, None).unwrap()[[]], 2.0);
/// ```
pub fn nanquantile<T: Real, D: Dimension>(
    a: &ArrayRef<T, D>,
    q: impl Quantiles,
    axis: Option<isize>,
) -> Result<ArrayD<MeanOf<T>>> {
    nanquantile_impl(a, &q, axis, QuantileMethod::Linear, false)
}

/// [`nanquantile`] with NumPy's `method=`.
///
/// # Errors
/// As [`nanquantile`].
///
/// ```
/// use ndcore::prelude::*;
/// use ndops::stats::QuantileMethod;
/// let x = array![f64::NAN, 1.0, 2.0, 3.0, 4.0];
/// let r = ndops::stats::nanquantile_with(&x, 0.5, None, QuantileMethod::Higher).unwrap();
/// assert_eq!(r[[]], 3.0);
/// ```
pub fn nanquantile_with<T: Real, D: Dimension>(
    a: &ArrayRef<T, D>,
    q: impl Quantiles,
    axis: Option<isize>,
    method: QuantileMethod,
) -> Result<ArrayD<MeanOf<T>>> {
    nanquantile_impl(a, &q, axis, method, false)
}

/// The `q`-th percentiles along `axis` of the values that are not nan (NumPy's
/// `np.nanpercentile`).
///
/// # Errors
/// `Percentiles must be in the range [0, 100]`, and as [`nanquantile`].
///
/// ```
/// use ndcore::prelude::*;
/// let x = array![f64::NAN, 1.0, 2.0, 3.0];
/// assert_eq!(ndops::stats::nanpercentile(&x, 25.0, None).unwrap()[[]], 1.5);
/// ```
pub fn nanpercentile<T: Real, D: Dimension>(
    a: &ArrayRef<T, D>,
    q: impl Quantiles,
    axis: Option<isize>,
) -> Result<ArrayD<MeanOf<T>>> {
    nanquantile_impl(a, &q, axis, QuantileMethod::Linear, true)
}

/// [`nanpercentile`] with NumPy's `method=`.
///
/// # Errors
/// As [`nanpercentile`].
///
/// ```
/// use ndcore::prelude::*;
/// use ndops::stats::QuantileMethod;
/// let x = array![f64::NAN, 1.0, 2.0, 3.0];
/// let r = ndops::stats::nanpercentile_with(&x, 25.0, None, QuantileMethod::Lower).unwrap();
/// assert_eq!(r[[]], 1.0);
/// ```
pub fn nanpercentile_with<T: Real, D: Dimension>(
    a: &ArrayRef<T, D>,
    q: impl Quantiles,
    axis: Option<isize>,
    method: QuantileMethod,
) -> Result<ArrayD<MeanOf<T>>> {
    nanquantile_impl(a, &q, axis, method, true)
}
