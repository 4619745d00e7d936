//! Statistics with NumPy's names, values and errors: order statistics ([`median`],
//! [`quantile`], [`percentile`]), the nan-ignoring reductions ([`nansum`], [`nanmean`],
//! [`nanmin`], [`nanmax`], [`nanargmin`], [`nanargmax`], [`nanmedian`], [`nanquantile`],
//! [`nanpercentile`]), [`ptp`], weighted [`average`], [`histogram`] and [`bincount`], and
//! [`cov`] / [`corrcoef`].
//!
//! # Arguments as NumPy's keywords
//! NumPy's keyword arguments with defaults map to one pattern throughout `stats` and
//! [`close`](crate::close): `f(a, …)` uses NumPy's defaults, `f_with(a, …, opts)` takes the
//! keywords as one value — an enum or a struct with [`Default`] (`quantile_with(&x, 0.5,
//! None, QuantileMethod::Lower)`, `isclose_with(&a, &b, Tol { rtol: 1e-3, ..Tol::default()
//! })`). NumPy's `axis` is an `Option<isize>`: `None` reduces all elements (the result is
//! then 0-d: read it with `r[[]]`), a negative axis counts from the end.
//!
//! # Result types
//! Averages and order statistics of integers are `f64`, of `f32` are `f32` (the
//! [`MeanOf`](crate::reduce::MeanOf) of the element type), as NumPy's with a scalar `q`.
//!
//! # Differences from NumPy
//! - `axis` is one axis or all (no tuples); no `keepdims`, `out` or `overwrite_input`.
//! - Quantiles are always floats: NumPy keeps an integer type for the methods that pick a
//!   data point (`lower`, `higher`, `nearest`, `inverted_cdf`, `closest_observation`); the
//!   values are the same (exact below 2^53). For `f32` data with an array `q` NumPy
//!   computes in `float64`; nd stays in `f32` (with a scalar `q` both use `float32`).
//! - No `weights` for quantiles; `histogram` has no `weights`/`density` and compares
//!   `f32` data as `f64` (NumPy uses `float32` edges there); `bins` as a string estimator
//!   (`'auto'`, …) is not supported.
//! - No warnings: an all-nan slice gives nan (and `nanargmin`/`nanargmax` the error
//!   `All-NaN slice encountered`, as NumPy); an empty `median` gives nan.
//! - `cov`/`corrcoef` sum products in order where NumPy calls BLAS: equal within rounding.
//!
//! ```
//! use ndcore::prelude::*;
//! use ndops::stats::{median, quantile_with, QuantileMethod};
//! let x = array![[10.0, 7.0, 4.0], [3.0, 2.0, 1.0]];
//! assert_eq!(median(&x, None).unwrap()[[]], 3.5);
//! assert_eq!(median(&x, Some(-1)).unwrap().to_vec(), vec![7.0, 2.0]);
//! let q = quantile_with(&x, [0.0, 0.5, 1.0], Some(0), QuantileMethod::Lower).unwrap();
//! assert_eq!(q.shape(), &[3, 3]); // q.shape + the reduced shape
//! assert_eq!(q.to_vec(), vec![3.0, 2.0, 1.0, 3.0, 2.0, 1.0, 10.0, 7.0, 4.0]);
//! ```

mod average;
mod cov;
mod histogram;
mod lanes;
mod nan;
mod quantile;
#[cfg(test)]
mod tests;

pub use average::{average, average_with, ptp};
pub use cov::{CovOpts, corrcoef, corrcoef_with, cov, cov_with};
pub use histogram::{BinIndex, Bins, bincount, bincount_weights, histogram, histogram_with};
pub use nan::{
    nanargmax, nanargmin, nanmax, nanmean, nanmedian, nanmin, nanpercentile, nanpercentile_with,
    nanquantile, nanquantile_with, nansum,
};
pub use quantile::{
    QuantileMethod, Quantiles, median, percentile, percentile_with, quantile, quantile_with,
};

use crate::reduce::{Averageable, MinMax, Summable};

/// The real number element types of the statistics (integers and floats; not `bool`,
/// which NumPy's subtraction refuses).
///
/// ```
/// use ndops::stats::Real;
/// assert_eq!(i8::sub_wrapping(100, -100), -56); // int8 arithmetic wraps, as in NumPy
/// assert_eq!(3u8.to_f64(), 3.0);
/// ```
pub trait Real:
    Averageable<Mean: Summable<Sum = <Self as Averageable>::Mean>> + Summable + MinMax
{
    /// `b - a` in this type, wrapping for integers (NumPy's `subtract`).
    fn sub_wrapping(b: Self, a: Self) -> Self;
    /// The value as `f64` (rounded for integers past 2^53).
    fn to_f64(self) -> f64;
    /// A sum of such values (`i64`, `u64` or the float type) as `f64`.
    fn sum_f64(s: <Self as Summable>::Sum) -> f64;
}

macro_rules! real_int {
    ($($t:ty),*) => {$(
        impl Real for $t {
            #[inline(always)]
            fn sub_wrapping(b: Self, a: Self) -> Self { b.wrapping_sub(a) }
            #[inline(always)]
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn to_f64(self) -> f64 { self as f64 }
            #[inline(always)]
            #[allow(clippy::cast_precision_loss)]
            fn sum_f64(s: <Self as Summable>::Sum) -> f64 { s as f64 }
        }
    )*};
}
real_int!(i8, i16, i32, i64, u8, u16, u32, u64);

macro_rules! real_float {
    ($($t:ty),*) => {$(
        impl Real for $t {
            #[inline(always)]
            fn sub_wrapping(b: Self, a: Self) -> Self { b - a }
            #[inline(always)]
            #[allow(clippy::cast_lossless)]
            fn to_f64(self) -> f64 { self as f64 }
            #[inline(always)]
            #[allow(clippy::cast_lossless)]
            fn sum_f64(s: <Self as Summable>::Sum) -> f64 { s as f64 }
        }
    )*};
}
real_float!(f32, f64);
