//! `histogram` (NumPy's bin edges and bin assignment) and `bincount`.

use super::Real;
use crate::reduce::Reduce;
use ndcore::error::Result;
use ndcore::{Array1, ArrayRef, Dimension, Element, Error, Ix1};

/// The `bins` argument of [`histogram`]: a number of equal-width bins, or the bin edges
/// (increasing; every bin is half-open `[e[i], e[i+1])` except the last, which is closed).
///
/// ```
/// use ndops::stats::Bins;
/// assert_eq!(Bins::from(4), Bins::Count(4));
/// assert_eq!(Bins::from([0.0, 1.0, 3.0]), Bins::Edges(vec![0.0, 1.0, 3.0]));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum Bins {
    /// `n` bins of equal width over the range (NumPy's `bins=n`).
    Count(usize),
    /// The bin edges (NumPy's `bins=[…]`).
    Edges(Vec<f64>),
}

impl From<usize> for Bins {
    fn from(n: usize) -> Self {
        Bins::Count(n)
    }
}
impl From<Vec<f64>> for Bins {
    fn from(e: Vec<f64>) -> Self {
        Bins::Edges(e)
    }
}
impl From<&[f64]> for Bins {
    fn from(e: &[f64]) -> Self {
        Bins::Edges(e.to_vec())
    }
}
impl<const N: usize> From<[f64; N]> for Bins {
    fn from(e: [f64; N]) -> Self {
        Bins::Edges(e.to_vec())
    }
}
impl<D: Dimension> From<&ArrayRef<f64, D>> for Bins {
    fn from(e: &ArrayRef<f64, D>) -> Self {
        Bins::Edges(e.to_vec())
    }
}

/// A float as Python prints it in NumPy's messages (`1.0`, `inf`, `nan`).
fn py_float(x: f64) -> String {
    if x.is_nan() {
        "nan".into()
    } else if x.is_infinite() {
        if x > 0.0 { "inf".into() } else { "-inf".into() }
    } else {
        format!("{x:?}")
    }
}

/// NumPy's `_get_outer_edges`: the range, checked, widened by 0.5 each way when empty.
fn outer_edges<T: Real>(data: &[f64], a: &[T], range: Option<(f64, f64)>) -> Result<(f64, f64)> {
    let (first, last) = match range {
        Some((lo, hi)) => {
            if lo > hi {
                return Err(Error::Value(
                    "max must be larger than min in range parameter.".into(),
                ));
            }
            if !(lo.is_finite() && hi.is_finite()) {
                return Err(Error::Value(format!(
                    "supplied range of [{}, {}] is not finite",
                    py_float(lo),
                    py_float(hi)
                )));
            }
            (lo, hi)
        }
        None if data.is_empty() => (0.0, 1.0),
        None => {
            let v = ndcore::ArrayView1::from_slice_shape([a.len()], a)?;
            let (lo, hi) = (v.min()?.to_f64(), v.max()?.to_f64());
            if !(lo.is_finite() && hi.is_finite()) {
                return Err(Error::Value(format!(
                    "autodetected range of [{}, {}] is not finite",
                    py_float(lo),
                    py_float(hi)
                )));
            }
            (lo, hi)
        }
    };
    Ok(if first == last {
        (first - 0.5, last + 0.5)
    } else {
        (first, last)
    })
}

/// Counts per equal-width bin, NumPy's way: an estimate from the scaled offset, then
/// corrected against the linspace edges so each value lands where the edges say.
fn uniform_counts(data: &[f64], edges: &[f64], first: f64, last: f64, n: usize) -> Vec<i64> {
    let mut counts = vec![0i64; n];
    let denom = last - first;
    let nf = n as f64;
    for &x in data {
        if !(x >= first && x <= last) {
            continue;
        }
        let f = ((x - first) / denom) * nf;
        let mut i = (f as usize).min(n);
        if i == n {
            i -= 1;
        }
        if x < edges[i] && i > 0 {
            i -= 1;
        }
        if x >= edges[i + 1] && i != n - 1 {
            i += 1;
        }
        counts[i] += 1;
    }
    counts
}

/// Counts per bin for given edges: the differences of `#(x < e[k])` (and `#(x <= e[last])`),
/// NumPy's `searchsorted` formulation; nans fall in no bin.
fn edge_counts(data: &[f64], edges: &[f64]) -> Vec<i64> {
    let m = edges.len();
    if m < 2 {
        return Vec::new();
    }
    let last = edges[m - 1];
    // below[k] counts values with x < e[k], built from where each value starts counting.
    let mut start = vec![0i64; m];
    let mut upto_last = 0i64;
    for &x in data {
        if x.is_nan() {
            continue;
        }
        let j = edges[..m - 1].partition_point(|&e| e <= x);
        start[j] += 1;
        if x <= last {
            upto_last += 1;
        }
    }
    let mut cum = Vec::with_capacity(m);
    let mut run = 0i64;
    for s in &start[..m - 1] {
        run += s;
        cum.push(run);
    }
    cum.push(upto_last);
    cum.windows(2).map(|w| w[1] - w[0]).collect()
}

fn histogram_impl<T: Real, D: Dimension>(
    a: &ArrayRef<T, D>,
    bins: Bins,
    range: Option<(f64, f64)>,
) -> Result<(Array1<i64>, Array1<f64>)> {
    let raw: Vec<T> = a.iter().copied().collect();
    let data: Vec<f64> = raw.iter().map(|x| x.to_f64()).collect();
    match bins {
        Bins::Count(n) => {
            if n < 1 {
                return Err(Error::Value(
                    "`bins` must be positive, when an integer".into(),
                ));
            }
            let (first, last) = outer_edges(&data, &raw, range)?;
            // The counts first: a bin count past memory is NumPy's MemoryError, not an abort.
            Array1::<i64>::try_zeros(n.saturating_add(1))?;
            let edges = ndcore::linspace(first, last, n + 1).to_vec();
            if edges.windows(2).any(|w| w[0] >= w[1]) {
                return Err(Error::Value(format!(
                    "Too many bins for data range. Cannot create {n} finite-sized bins."
                )));
            }
            let counts = uniform_counts(&data, &edges, first, last, n);
            Ok((Array1::from_vec(counts), Array1::from_vec(edges)))
        }
        Bins::Edges(edges) => {
            if edges.windows(2).any(|w| w[0] > w[1]) {
                return Err(Error::Value(
                    "`bins` must increase monotonically, when an array".into(),
                ));
            }
            let counts = edge_counts(&data, &edges);
            Ok((Array1::from_vec(counts), Array1::from_vec(edges)))
        }
    }
}

/// The histogram of all elements of `a`: counts per bin and the bin edges (NumPy's
/// `np.histogram(a, bins)`), the range from the data's minimum and maximum.
///
/// With a bin count, the edges are NumPy's `linspace(min, max, bins + 1)` and each value is
/// assigned exactly as NumPy assigns it; values equal to the last edge count in the last
/// bin. With edges, each bin is `[e[i], e[i+1])`, the last closed; values outside and nans
/// are not counted. Data and edges are compared as `f64` (NumPy keeps `float32` data and
/// edges in `float32`).
///
/// # Errors
/// `` `bins` must be positive, when an integer ``; `` `bins` must increase monotonically,
/// when an array ``; `autodetected range of [1.0, inf] is not finite` (a nan or inf in
/// `a`); `Too many bins for data range. Cannot create 3 finite-sized bins.`.
///
/// ```
/// use ndcore::prelude::*;
/// let (counts, edges) = ndops::stats::histogram(&array![1.0, 2.0, 1.0, 4.0], 3).unwrap();
/// assert_eq!(counts.to_vec(), vec![2, 1, 1]);
/// assert_eq!(edges.to_vec(), vec![1.0, 2.0, 3.0, 4.0]);
/// let (c, _) = ndops::stats::histogram(&array![0i64, 1, 1, 2, 3], [0.0, 1.0, 2.0, 3.0]).unwrap();
/// assert_eq!(c.to_vec(), vec![1, 2, 2]); // the last bin [2, 3] is closed
/// ```
pub fn histogram<T: Real, D: Dimension>(
    a: &ArrayRef<T, D>,
    bins: impl Into<Bins>,
) -> Result<(Array1<i64>, Array1<f64>)> {
    histogram_impl(a, bins.into(), None)
}

/// [`histogram`] over NumPy's `range=(lo, hi)`: values outside are not counted.
///
/// # Errors
/// As [`histogram`], and `max must be larger than min in range parameter.`,
/// `supplied range of [0.0, inf] is not finite`.
///
/// ```
/// use ndcore::prelude::*;
/// let x = array![0.5, 1.5, 2.5, 9.0];
/// let (c, e) = ndops::stats::histogram_with(&x, 2, (0.0, 3.0)).unwrap();
/// assert_eq!((c.to_vec(), e.to_vec()), (vec![1, 2], vec![0.0, 1.5, 3.0]));
/// ```
pub fn histogram_with<T: Real, D: Dimension>(
    a: &ArrayRef<T, D>,
    bins: impl Into<Bins>,
    range: (f64, f64),
) -> Result<(Array1<i64>, Array1<f64>)> {
    histogram_impl(a, bins.into(), Some(range))
}

/// Element types [`bincount`] counts: integers and booleans (NumPy casts them to `intp`).
///
/// ```
/// use ndops::stats::BinIndex;
/// assert_eq!(3u8.bin(), Some(3));
/// assert_eq!((-1i64).bin(), None);
/// ```
pub trait BinIndex: Element {
    /// The value as a bin index; `None` if negative.
    fn bin(self) -> Option<usize>;
}

macro_rules! bin_index {
    ($($t:ty),*) => {$(
        impl BinIndex for $t {
            #[inline(always)]
            fn bin(self) -> Option<usize> { usize::try_from(self).ok() }
        }
    )*};
}
bin_index!(i8, i16, i32, i64, u8, u16, u32, u64);
impl BinIndex for bool {
    #[inline(always)]
    fn bin(self) -> Option<usize> {
        Some(usize::from(self))
    }
}

/// The bins of each value of `x`, and the result length `max(x) + 1` or `minlength`.
fn bins_of<T: BinIndex>(x: &ArrayRef<T, Ix1>, minlength: usize) -> Result<(Vec<usize>, usize)> {
    let idx = x
        .iter()
        .map(|&v| v.bin())
        .collect::<Option<Vec<usize>>>()
        .ok_or_else(|| Error::Value("'list' argument must have no negative elements".into()))?;
    let len = idx
        .iter()
        .max()
        .map_or(0, |&m| m.saturating_add(1))
        .max(minlength);
    Ok((idx, len))
}

/// How many times each value `0..=max(x)` occurs in `x` (NumPy's `np.bincount(x,
/// minlength=…)`); the result has at least `minlength` entries.
///
/// # Errors
/// `'list' argument must have no negative elements`.
///
/// ```
/// use ndcore::prelude::*;
/// let x = array![0i64, 1, 1, 3];
/// assert_eq!(ndops::stats::bincount(&x, 0).unwrap().to_vec(), vec![1, 2, 0, 1]);
/// assert_eq!(ndops::stats::bincount(&x, 6).unwrap().len(), 6);
/// assert!(ndops::stats::bincount(&array![-1i32], 0).is_err());
/// ```
pub fn bincount<T: BinIndex>(x: &ArrayRef<T, Ix1>, minlength: usize) -> Result<Array1<i64>> {
    let (idx, len) = bins_of(x, minlength)?;
    // NumPy's MemoryError for a huge maximum is an error here too, not an abort.
    let mut out = Array1::<i64>::try_zeros(len)?;
    if let Some(o) = out.as_slice_mut() {
        for i in idx {
            o[i] += 1;
        }
    }
    Ok(out)
}

/// The sum of the weights of each value `0..=max(x)` in `x` (NumPy's
/// `np.bincount(x, weights=w, minlength=…)`), added in order as NumPy adds them.
///
/// # Errors
/// `'list' argument must have no negative elements`; `The weights and list don't have the
/// same length.`.
///
/// ```
/// use ndcore::prelude::*;
/// let x = array![0i64, 1, 1];
/// let w = array![0.5, 1.0, 2.0];
/// assert_eq!(ndops::stats::bincount_weights(&x, &w, 0).unwrap().to_vec(), vec![0.5, 3.0]);
/// ```
pub fn bincount_weights<T: BinIndex>(
    x: &ArrayRef<T, Ix1>,
    weights: &ArrayRef<f64, Ix1>,
    minlength: usize,
) -> Result<Array1<f64>> {
    let (idx, len) = bins_of(x, minlength)?;
    if weights.len() != idx.len() {
        return Err(Error::Value(
            "The weights and list don't have the same length.".into(),
        ));
    }
    let mut out = Array1::<f64>::try_zeros(len)?;
    if let Some(o) = out.as_slice_mut() {
        for (i, &w) in idx.into_iter().zip(weights.iter()) {
            o[i] += w;
        }
    }
    Ok(out)
}
