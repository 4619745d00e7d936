//! `median`, `quantile` and `percentile` with NumPy 2's methods, computed from O(n)
//! selections (`select_nth_unstable`) on a copy of each lane, with NumPy's formulas step by
//! step so results agree bit for bit.

use super::Real;
use super::lanes::map_lanes;
use crate::reduce::{Accumulator, FloatAcc, MeanOf, Reduce};
use ndcore::error::Result;
use ndcore::{Array, ArrayD, ArrayRef, Dimension, Error};
use std::cmp::Ordering;

/// How a quantile between two data points is chosen: NumPy's `method=` names (Hyndman and
/// Fan's nine sample quantiles, and NumPy's four older ones). `Linear` is NumPy's default.
///
/// ```
/// use ndops::stats::QuantileMethod;
/// assert_eq!(QuantileMethod::default(), QuantileMethod::Linear);
/// assert_eq!("median_unbiased".parse::<QuantileMethod>().unwrap(), QuantileMethod::MedianUnbiased);
/// assert!("foo".parse::<QuantileMethod>().unwrap_err().to_string().starts_with("'foo' is not a valid method"));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum QuantileMethod {
    /// H&F 1: the smallest value whose empirical CDF reaches `q` (`'inverted_cdf'`).
    InvertedCdf,
    /// H&F 2: as `InvertedCdf`, averaging at discontinuities (`'averaged_inverted_cdf'`).
    AveragedInvertedCdf,
    /// H&F 3: the nearest even order statistic at ties (`'closest_observation'`).
    ClosestObservation,
    /// H&F 4: linear interpolation of the empirical CDF (`'interpolated_inverted_cdf'`).
    InterpolatedInvertedCdf,
    /// H&F 5: piecewise linear, nodes at `(k - 0.5) / n` (`'hazen'`).
    Hazen,
    /// H&F 6: nodes at `k / (n + 1)` (`'weibull'`).
    Weibull,
    /// H&F 7: nodes at `(k - 1) / (n - 1)`, NumPy's default (`'linear'`).
    #[default]
    Linear,
    /// H&F 8: approximately median-unbiased (`'median_unbiased'`).
    MedianUnbiased,
    /// H&F 9: approximately unbiased for normal data (`'normal_unbiased'`).
    NormalUnbiased,
    /// The data point below (`'lower'`).
    Lower,
    /// The data point above (`'higher'`).
    Higher,
    /// The mean of the points below and above (`'midpoint'`).
    Midpoint,
    /// The nearest data point, ties to the even index (`'nearest'`).
    Nearest,
}

impl QuantileMethod {
    /// Every method, in NumPy's order.
    ///
    /// ```
    /// use ndops::stats::QuantileMethod;
    /// assert_eq!(QuantileMethod::ALL.len(), 13);
    /// assert_eq!(QuantileMethod::ALL[6], QuantileMethod::Linear);
    /// ```
    pub const ALL: [QuantileMethod; 13] = [
        Self::InvertedCdf,
        Self::AveragedInvertedCdf,
        Self::ClosestObservation,
        Self::InterpolatedInvertedCdf,
        Self::Hazen,
        Self::Weibull,
        Self::Linear,
        Self::MedianUnbiased,
        Self::NormalUnbiased,
        Self::Lower,
        Self::Higher,
        Self::Midpoint,
        Self::Nearest,
    ];

    /// NumPy's name of the method (`"linear"`).
    ///
    /// ```
    /// use ndops::stats::QuantileMethod;
    /// assert_eq!(QuantileMethod::InvertedCdf.name(), "inverted_cdf");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Self::InvertedCdf => "inverted_cdf",
            Self::AveragedInvertedCdf => "averaged_inverted_cdf",
            Self::ClosestObservation => "closest_observation",
            Self::InterpolatedInvertedCdf => "interpolated_inverted_cdf",
            Self::Hazen => "hazen",
            Self::Weibull => "weibull",
            Self::Linear => "linear",
            Self::MedianUnbiased => "median_unbiased",
            Self::NormalUnbiased => "normal_unbiased",
            Self::Lower => "lower",
            Self::Higher => "higher",
            Self::Midpoint => "midpoint",
            Self::Nearest => "nearest",
        }
    }
}

impl std::str::FromStr for QuantileMethod {
    type Err = Error;

    /// The method NumPy calls `s`.
    ///
    /// # Errors
    /// NumPy's `'foo' is not a valid method. Use one of: dict_keys([...])`.
    fn from_str(s: &str) -> Result<Self> {
        Self::ALL
            .into_iter()
            .find(|m| m.name() == s)
            .ok_or_else(|| {
                let names: Vec<String> = Self::ALL
                    .iter()
                    .map(|m| format!("'{}'", m.name()))
                    .collect();
                Error::Value(format!(
                    "'{s}' is not a valid method. Use one of: dict_keys([{}])",
                    names.join(", ")
                ))
            })
    }
}

/// What can be passed as `q`: one number (`0.5`, a 0-d result per lane) or a 1-d or 2-d
/// collection (`[0.25, 0.75]`, `&[..]`, `Vec`, `&array` of `f64`), whose shape leads the
/// result's.
///
/// ```
/// use ndcore::prelude::*;
/// use ndops::stats::Quantiles;
/// assert_eq!(0.5.shape_values(), (vec![], vec![0.5]));
/// assert_eq!([0.1, 0.9].shape_values(), (vec![2], vec![0.1, 0.9]));
/// let q = array![[0.1, 0.2], [0.3, 0.4]];
/// assert_eq!((&q).shape_values().0, vec![2, 2]);
/// ```
pub trait Quantiles {
    /// The shape and the values (C order).
    fn shape_values(&self) -> (Vec<usize>, Vec<f64>);
}

impl Quantiles for f64 {
    fn shape_values(&self) -> (Vec<usize>, Vec<f64>) {
        (Vec::new(), vec![*self])
    }
}
impl Quantiles for &[f64] {
    fn shape_values(&self) -> (Vec<usize>, Vec<f64>) {
        (vec![self.len()], self.to_vec())
    }
}
impl Quantiles for Vec<f64> {
    fn shape_values(&self) -> (Vec<usize>, Vec<f64>) {
        (vec![self.len()], self.clone())
    }
}
impl<const N: usize> Quantiles for [f64; N] {
    fn shape_values(&self) -> (Vec<usize>, Vec<f64>) {
        (vec![N], self.to_vec())
    }
}
impl<const N: usize> Quantiles for &[f64; N] {
    fn shape_values(&self) -> (Vec<usize>, Vec<f64>) {
        (vec![N], self.to_vec())
    }
}
impl<D: Dimension> Quantiles for &ArrayRef<f64, D> {
    fn shape_values(&self) -> (Vec<usize>, Vec<f64>) {
        (self.shape().to_vec(), self.to_vec())
    }
}
impl<S: ndcore::storage::Data<Elem = f64>, D: Dimension> Quantiles for &ndcore::ArrayBase<S, D> {
    fn shape_values(&self) -> (Vec<usize>, Vec<f64>) {
        (self.shape().to_vec(), self.to_vec())
    }
}

/// Where one quantile is read: one data point, or two interpolated with weight `gamma`.
#[derive(Clone, Copy, Debug)]
enum Pick {
    At(usize),
    Lerp {
        prev: usize,
        next: usize,
        gamma: f64,
    },
}

/// The floored index as NumPy's `intp` conversion of a float that holds an integer, clipped
/// into `0..n` (NumPy clips below; above cannot happen for `q <= 1`).
fn index_of(x: f64, n: usize) -> usize {
    if x <= 0.0 { 0 } else { (x as usize).min(n - 1) }
}

/// NumPy's `_discrete_interpolation_to_boundaries`: `floor(index)` where `keep_prev`, else
/// the next index.
fn discrete(index: f64, n: usize, keep_prev: impl Fn(f64, f64) -> bool) -> usize {
    let prev = index.floor();
    let gamma = index - prev;
    index_of(
        if keep_prev(gamma, prev) {
            prev
        } else {
            prev + 1.0
        },
        n,
    )
}

/// Where quantile `q` of `n` sorted values is read for `method` (NumPy's
/// `_QuantileMethods[method]`, `_get_indexes` and `_get_gamma`).
fn pick(method: QuantileMethod, n: usize, q: f64) -> Pick {
    use QuantileMethod as M;
    let nf = n as f64;
    // NumPy's `_compute_virtual_index`, in its order of operations.
    let virt = |alpha: f64, beta: f64| nf * q + (alpha + q * (1.0 - alpha - beta)) - 1.0;
    let vi = match method {
        M::InvertedCdf => return Pick::At(discrete(nf * q - 1.0, n, |g, _| g == 0.0)),
        M::ClosestObservation => {
            return Pick::At(discrete(nf * q - 1.0 - 0.5, n, |g, p| {
                g == 0.0 && p.rem_euclid(2.0) == 1.0
            }));
        }
        M::Lower => return Pick::At(index_of(((nf - 1.0) * q).floor(), n)),
        M::Higher => return Pick::At(index_of(((nf - 1.0) * q).ceil(), n)),
        M::Nearest => return Pick::At(index_of(((nf - 1.0) * q).round_ties_even(), n)),
        M::AveragedInvertedCdf => nf * q - 1.0,
        M::InterpolatedInvertedCdf => virt(0.0, 1.0),
        M::Hazen => virt(0.5, 0.5),
        M::Weibull => virt(0.0, 0.0),
        M::Linear => (nf - 1.0) * q,
        M::MedianUnbiased => virt(1.0 / 3.0, 1.0 / 3.0),
        M::NormalUnbiased => virt(3.0 / 8.0, 3.0 / 8.0),
        M::Midpoint => {
            let x = (nf - 1.0) * q;
            0.5 * (x.floor() + x.ceil())
        }
    };
    // `_get_indexes`: past the last index both neighbours are -1 (the last value), below 0
    // both are 0; gamma is computed from those adjusted indices (so -1 really counts).
    let (prev, prev_i, next_i) = if vi >= nf - 1.0 {
        (-1.0, n - 1, n - 1)
    } else if vi < 0.0 {
        (0.0, 0, 0)
    } else {
        let p = vi.floor();
        (p, p as usize, p as usize + 1)
    };
    let gamma = vi - prev;
    let gamma = match method {
        M::AveragedInvertedCdf => {
            if gamma == 0.0 {
                0.5
            } else {
                1.0
            }
        }
        M::Midpoint => {
            if vi.rem_euclid(1.0) == 0.0 {
                0.0
            } else {
                0.5
            }
        }
        _ => gamma,
    };
    Pick::Lerp {
        prev: prev_i,
        next: next_i,
        gamma,
    }
}

/// Orders floats without nans (the lanes are checked for nan first).
#[inline(always)]
fn cmp<T: PartialOrd>(a: &T, b: &T) -> Ordering {
    a.partial_cmp(b).unwrap_or(Ordering::Equal)
}

/// Rearranges `v` so each index of `ks` (sorted, distinct) holds the value a sort would put
/// there: successive selections on the remaining right part, or one sort for many indices.
pub(crate) fn select_all<T: PartialOrd + Copy>(v: &mut [T], ks: &[usize]) {
    if ks.len() > 16 {
        v.sort_unstable_by(cmp);
        return;
    }
    let mut lo = 0;
    for &k in ks {
        if k >= lo && k < v.len() {
            v[lo..].select_nth_unstable_by(k - lo, cmp);
            lo = k + 1;
        }
    }
}

/// NumPy's `_lerp(a, b, t)`: `a + (b - a) * t`, or `b - (b - a) * (1 - t)` where
/// `t >= 0.5`; `b - a` in the element type (wrapping for integers), the rest in `F`.
#[inline]
pub(crate) fn lerp<T: Real>(a: T, b: T, gamma: f64) -> MeanOf<T> {
    let d: MeanOf<T> = T::sub_wrapping(b, a).cast_to();
    let (af, bf): (MeanOf<T>, MeanOf<T>) = (a.cast_to(), b.cast_to());
    if gamma >= 0.5 {
        bf.sub(d.mul(FloatAcc::from_f64(1.0 - gamma)))
    } else {
        af.add(d.mul(FloatAcc::from_f64(gamma)))
    }
}

/// The quantiles `qs` of one lane (rearranged in place), for `method`.
///
/// # Errors
/// An empty lane: NumPy's `index -1 is out of bounds for axis 0 with size 0`.
pub(crate) fn lane_quantiles<T: Real>(
    v: &mut [T],
    qs: &[f64],
    method: QuantileMethod,
) -> Result<Vec<MeanOf<T>>> {
    let n = v.len();
    if n == 0 {
        return Err(Error::IndexOutOfBounds {
            index: -1,
            axis: 0,
            size: 0,
        });
    }
    if v.iter().any(|x| x.is_nan()) {
        return Ok(vec![<MeanOf<T> as FloatAcc>::NAN; qs.len()]);
    }
    let picks: Vec<Pick> = qs.iter().map(|&q| pick(method, n, q)).collect();
    let mut ks: Vec<usize> = picks
        .iter()
        .flat_map(|p| match *p {
            Pick::At(i) => [i, i],
            Pick::Lerp { prev, next, .. } => [prev, next],
        })
        .collect();
    ks.sort_unstable();
    ks.dedup();
    select_all(v, &ks);
    Ok(picks
        .iter()
        .map(|p| match *p {
            Pick::At(i) => v[i].cast_to(),
            Pick::Lerp { prev, next, gamma } => lerp(v[prev], v[next], gamma),
        })
        .collect())
}

/// Checks `q`'s rank and range (`scale` 1 for quantiles, 100 for percentiles) and returns
/// its shape and the quantiles in `[0, 1]`.
pub(crate) fn checked_q(q: &impl Quantiles, percent: bool) -> Result<(Vec<usize>, Vec<f64>)> {
    let (shape, mut vals) = q.shape_values();
    if percent {
        for v in &mut vals {
            *v /= 100.0;
        }
    }
    if !vals.iter().all(|v| (0.0..=1.0).contains(v)) {
        return Err(Error::Value(if percent {
            "Percentiles must be in the range [0, 100]".into()
        } else {
            "Quantiles must be in the range [0, 1]".into()
        }));
    }
    if shape.len() > 2 {
        return Err(Error::Value("q must be a scalar or 1d".into()));
    }
    Ok((shape, vals))
}

/// Lays out per-lane answers (each `nq` long) as `q.shape + lanes shape`.
pub(crate) fn q_major<F: ndcore::Element>(
    qshape: Vec<usize>,
    shape: Vec<usize>,
    per_lane: Vec<Vec<F>>,
) -> Result<ArrayD<F>> {
    let nq: usize = qshape.iter().product();
    let mut out = Vec::with_capacity(nq * per_lane.len());
    for i in 0..nq {
        out.extend(per_lane.iter().map(|l| l[i]));
    }
    let mut full = qshape;
    full.extend(shape);
    Array::from_shape_vec(full, out)
}

fn quantile_impl<T: Real, D: Dimension>(
    a: &ArrayRef<T, D>,
    q: &impl Quantiles,
    axis: Option<isize>,
    method: QuantileMethod,
    percent: bool,
) -> Result<ArrayD<MeanOf<T>>> {
    let (qshape, qs) = checked_q(q, percent)?;
    let (shape, per_lane) = map_lanes(a, axis, false, |v| lane_quantiles(v, &qs, method))?;
    q_major(qshape, shape, per_lane)
}

/// The `q`-th quantiles of `a` along `axis` by NumPy's default linear interpolation
/// (NumPy's `np.quantile(a, q, axis)`); see [`quantile_with`] for the other methods.
///
/// `axis` `None` reads all elements. The result has shape `q`'s shape followed by `a`'s
/// shape without `axis`; a lane holding a nan gives nan. Integers give `f64`, `f32` gives
/// `f32`. Each lane is copied and partially ordered by selection (O(n) per distinct index
/// needed), not sorted; past 16 distinct indices (many `q`) the copy is sorted instead.
///
/// # Errors
/// `Quantiles must be in the range [0, 1]`; `q must be a scalar or 1d` for a `q` of more
/// than 2 axes; an axis out of bounds; an empty lane
/// (`index -1 is out of bounds for axis 0 with size 0`, NumPy's `IndexError`).
///
/// ```
/// use ndcore::prelude::*;
/// let x = array![[10.0, 7.0, 4.0], [3.0, 2.0, 1.0]];
/// assert_eq!(ndops::stats::quantile(&x, 0.5, None).unwrap()[[]], 3.5);
/// let r = ndops::stats::quantile(&x, [0.25, 0.75], Some(1)).unwrap();
/// assert_eq!(r.to_vec(), vec![5.5, 1.5, 8.5, 2.5]);
/// assert!(ndops::stats::quantile(&x, 1.5, None).is_err());
/// ```
pub fn quantile<T: Real, D: Dimension>(
    a: &ArrayRef<T, D>,
    q: impl Quantiles,
    axis: Option<isize>,
) -> Result<ArrayD<MeanOf<T>>> {
    quantile_impl(a, &q, axis, QuantileMethod::Linear, false)
}

/// [`quantile`] with NumPy's `method=` (NumPy's `np.quantile(a, q, axis, method=…)`).
///
/// # Errors
/// As [`quantile`].
///
/// ```
/// use ndcore::prelude::*;
/// use ndops::stats::{quantile_with, QuantileMethod as M};
/// let x = arange(5i64);
/// let at = |m| quantile_with(&x, 0.4, None, m).unwrap()[[]];
/// assert_eq!((at(M::Linear), at(M::Lower), at(M::Higher), at(M::Midpoint)), (1.6, 1.0, 2.0, 1.5));
/// ```
pub fn quantile_with<T: Real, D: Dimension>(
    a: &ArrayRef<T, D>,
    q: impl Quantiles,
    axis: Option<isize>,
    method: QuantileMethod,
) -> Result<ArrayD<MeanOf<T>>> {
    quantile_impl(a, &q, axis, method, false)
}

/// The `q`-th percentiles (`q` in `[0, 100]`) of `a` along `axis`, linear interpolation
/// (NumPy's `np.percentile(a, q, axis)`): [`quantile`] of `q / 100`.
///
/// # Errors
/// `Percentiles must be in the range [0, 100]`, and those of [`quantile`].
///
/// ```
/// use ndcore::prelude::*;
/// let x = arange(11.0);
/// assert_eq!(ndops::stats::percentile(&x, [10.0, 95.0], None).unwrap().to_vec(), vec![1.0, 9.5]);
/// ```
pub fn percentile<T: Real, D: Dimension>(
    a: &ArrayRef<T, D>,
    q: impl Quantiles,
    axis: Option<isize>,
) -> Result<ArrayD<MeanOf<T>>> {
    quantile_impl(a, &q, axis, QuantileMethod::Linear, true)
}

/// [`percentile`] with NumPy's `method=`.
///
/// # Errors
/// As [`percentile`].
///
/// ```
/// use ndcore::prelude::*;
/// use ndops::stats::QuantileMethod;
/// let x = arange(4i64);
/// let r = ndops::stats::percentile_with(&x, 50.0, None, QuantileMethod::Nearest).unwrap();
/// assert_eq!(r[[]], 2.0); // index 1.5 rounds half to even
/// ```
pub fn percentile_with<T: Real, D: Dimension>(
    a: &ArrayRef<T, D>,
    q: impl Quantiles,
    axis: Option<isize>,
    method: QuantileMethod,
) -> Result<ArrayD<MeanOf<T>>> {
    quantile_impl(a, &q, axis, method, true)
}

/// The median of one lane (rearranged): NumPy's mean of the middle one or two values, nan
/// for a lane holding a nan or an empty one.
pub(crate) fn lane_median<T: Real>(v: &mut [T]) -> MeanOf<T> {
    let n = v.len();
    if n == 0 || v.iter().any(|x| x.is_nan()) {
        return <MeanOf<T> as FloatAcc>::NAN;
    }
    let h = n / 2;
    let (left, mid, _) = v.select_nth_unstable_by(h, cmp);
    let mid = *mid;
    let lo = if n % 2 == 1 {
        mid
    } else {
        left.iter()
            .copied()
            .reduce(|a, b| {
                if cmp(&b, &a) == Ordering::Greater {
                    b
                } else {
                    a
                }
            })
            .unwrap_or(mid)
    };
    // NumPy takes `mean` of the middle values (its sum starts from +0.0: the median of
    // [-0.0, -0.0] is 0.0); the reductions' mean does the same, here on a stack view.
    let middle = [lo, mid];
    let k = 2 - n % 2;
    match ndcore::ArrayView1::from_slice_shape([k], &middle[2 - k..]) {
        Ok(view) => view.mean(),
        Err(_) => <MeanOf<T> as FloatAcc>::NAN,
    }
}

/// The median along `axis` (NumPy's `np.median(a, axis)`); `None` for all elements.
///
/// The mean of the middle value or two, found by selection (O(n)) in a copy of each lane.
/// A lane with a nan gives nan, an empty lane nan (NumPy also warns). Integers give
/// `f64`.
///
/// # Errors
/// An axis out of bounds.
///
/// ```
/// use ndcore::prelude::*;
/// let x = array![[1i64, 9, 3], [4, 5, 6]];
/// assert_eq!(ndops::stats::median(&x, None).unwrap()[[]], 4.5);
/// assert_eq!(ndops::stats::median(&x, Some(0)).unwrap().to_vec(), vec![2.5, 7.0, 4.5]);
/// let y = array![1.0, f64::NAN, 3.0];
/// assert!(ndops::stats::median(&y, None).unwrap()[[]].is_nan());
/// ```
pub fn median<T: Real, D: Dimension>(
    a: &ArrayRef<T, D>,
    axis: Option<isize>,
) -> Result<ArrayD<MeanOf<T>>> {
    let (shape, vals) = map_lanes(a, axis, false, |v| Ok(lane_median(v)))?;
    Array::from_shape_vec(shape, vals)
}
