//! Closeness and equality of whole arrays: NumPy's `isclose`, `allclose`, `array_equal`
//! and `array_equiv`.
//!
//! NumPy's tolerances are keyword arguments with defaults; here, as in
//! [`stats`](crate::stats), `isclose(a, b)` uses the defaults and `isclose_with(a, b, tol)`
//! takes them as one [`Tol`] (`Tol { rtol: 1e-3, ..Tol::default() }`).
//!
//! ```
//! use ndcore::prelude::*;
//! use ndops::close::{allclose, isclose_with, Tol};
//! let a = array![1.0, 1e10, f64::NAN];
//! let b = array![1.0 + 1e-9, 1.00001e10, f64::NAN];
//! assert_eq!(ndops::close::isclose(&a, &b).unwrap().to_vec(), vec![true, true, false]);
//! let t = Tol { equal_nan: true, ..Tol::default() };
//! assert!(isclose_with(&a, &b, t).unwrap().iter().all(|&c| c));
//! assert!(!allclose(&a, &b).unwrap());
//! ```

use crate::reduce::MinMax;
use ndcore::ops::light::promoted;
use ndcore::ops::{PairDim, Promoted};
use ndcore::{Array, ArrayRef, Dimension, Element, Result};

/// NumPy's tolerances of `isclose`/`allclose`: `|a - b| <= atol + rtol * |b|`; with
/// `equal_nan`, two nans are close. Default: `rtol=1e-05, atol=1e-08, equal_nan=False`.
///
/// ```
/// use ndops::close::Tol;
/// let t = Tol::default();
/// assert_eq!((t.rtol, t.atol, t.equal_nan), (1e-5, 1e-8, false));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tol {
    /// Relative tolerance, scaled by `|b|`.
    pub rtol: f64,
    /// Absolute tolerance.
    pub atol: f64,
    /// Whether nan is close to nan.
    pub equal_nan: bool,
}

impl Default for Tol {
    fn default() -> Self {
        Tol {
            rtol: 1e-05,
            atol: 1e-08,
            equal_nan: false,
        }
    }
}

/// Element types `isclose` compares: numbers and booleans, in their float type (`f32` for
/// `f32`, else `f64`), as NumPy converts `b` to an inexact type first.
///
/// ```
/// use ndops::close::{Closeness, Tol};
/// assert!(f64::is_close(1.0, 1.0 + 1e-6, &Tol::default()));
/// assert!(!f64::is_close(f64::INFINITY, f64::NEG_INFINITY, &Tol::default()));
/// assert!(i64::is_close(100_000, 100_001, &Tol::default()));
/// ```
pub trait Closeness: Element {
    /// Whether `a` is close to `b` under `tol` (NumPy's formula; asymmetric in `b`).
    fn is_close(a: Self, b: Self, tol: &Tol) -> bool;
}

macro_rules! close_as {
    ($f:ty; $($t:ty),*) => {$(
        impl Closeness for $t {
            #[inline]
            #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss,
                clippy::cast_lossless, clippy::unnecessary_cast)]
            fn is_close(a: Self, b: Self, tol: &Tol) -> bool {
                let (x, y) = (a as $f, b as $f);
                // NumPy: (|x - y| <= atol + rtol * |y|) & isfinite(y) | (x == y), with the
                // Python-float tolerances taken in the array's float type.
                ((x - y).abs() <= tol.atol as $f + tol.rtol as $f * y.abs() && y.is_finite())
                    || x == y
                    || (tol.equal_nan && x.is_nan() && y.is_nan())
            }
        }
    )*};
}
close_as!(f64; i8, i16, i32, i64, u8, u16, u32, u64, f64);
close_as!(f32; f32);
impl Closeness for bool {
    #[inline]
    fn is_close(a: Self, b: Self, tol: &Tol) -> bool {
        f64::is_close(f64::from(u8::from(a)), f64::from(u8::from(b)), tol)
    }
}

/// Element-wise `|a - b| <= atol + rtol * |b|` (or equal, inf included) with NumPy's
/// default tolerances (NumPy's `np.isclose(a, b)`), broadcasting; a `bool` array.
///
/// The test is asymmetric: `b` is the reference. Infinities are close only to the same
/// infinity; nan to nothing (see [`isclose_with`] and [`Tol::equal_nan`]). Mixed element
/// types compare in their promoted type.
///
/// # Errors
/// If the shapes do not broadcast together (NumPy's message).
///
/// ```
/// use ndcore::prelude::*;
/// let a = array![1e-8, 1e-7, f64::INFINITY];
/// let c = ndops::close::isclose(&a, &array![0.0, 0.0, f64::INFINITY]).unwrap();
/// assert_eq!(c.to_vec(), vec![true, false, true]);
/// assert_eq!(ndops::close::isclose(&arange(3i64), 1.0).unwrap().to_vec(), vec![false, true, false]);
/// ```
pub fn isclose<L, R>(a: L, b: R) -> Result<Array<bool, PairDim<(L, R)>>>
where
    (L, R): Promoted,
    <(L, R) as Promoted>::Out: Closeness,
{
    isclose_with(a, b, Tol::default())
}

/// [`isclose`] with NumPy's `rtol`, `atol` and `equal_nan` ([`Tol`]).
///
/// # Errors
/// If the shapes do not broadcast together.
///
/// ```
/// use ndcore::prelude::*;
/// use ndops::close::{isclose_with, Tol};
/// let t = Tol { rtol: 0.1, atol: 0.0, equal_nan: false };
/// let c = isclose_with(&array![1.0, 1.2], &array![1.1, 1.0], t).unwrap();
/// assert_eq!(c.to_vec(), vec![true, false]);
/// ```
pub fn isclose_with<L, R>(a: L, b: R, tol: Tol) -> Result<Array<bool, PairDim<(L, R)>>>
where
    (L, R): Promoted,
    <(L, R) as Promoted>::Out: Closeness,
{
    promoted((a, b), move |x, y| Closeness::is_close(x, y, &tol))
}

/// Whether every element of `a` is close to `b`'s (NumPy's `np.allclose(a, b)`), NumPy's
/// default tolerances; `true` for empty arrays.
///
/// # Errors
/// If the shapes do not broadcast together.
///
/// ```
/// use ndcore::prelude::*;
/// assert!(ndops::close::allclose(&array![1.0, 2.0], &array![1.0, 2.0 + 1e-9]).unwrap());
/// assert!(ndops::close::allclose(&array![1.0, 2.0], 1.5).is_ok());
/// assert!(ndops::close::allclose(&array![1.0, 2.0], &array![1.0, 2.0, 3.0]).is_err());
/// ```
pub fn allclose<L, R>(a: L, b: R) -> Result<bool>
where
    (L, R): Promoted,
    <(L, R) as Promoted>::Out: Closeness,
{
    allclose_with(a, b, Tol::default())
}

/// [`allclose`] with NumPy's `rtol`, `atol` and `equal_nan` ([`Tol`]).
///
/// # Errors
/// If the shapes do not broadcast together.
///
/// ```
/// use ndcore::prelude::*;
/// use ndops::close::{allclose_with, Tol};
/// let t = Tol { equal_nan: true, ..Tol::default() };
/// assert!(allclose_with(&array![f64::NAN], &array![f64::NAN], t).unwrap());
/// ```
pub fn allclose_with<L, R>(a: L, b: R, tol: Tol) -> Result<bool>
where
    (L, R): Promoted,
    <(L, R) as Promoted>::Out: Closeness,
{
    Ok(isclose_with(a, b, tol)?.iter().all(|&c| c))
}

/// Whether `a` and `b` have the same shape and equal elements (NumPy's
/// `np.array_equal(a, b)`); nan is not equal to nan (see [`array_equal_with`]).
///
/// ```
/// use ndcore::prelude::*;
/// let a = array![[1i64, 2], [3, 4]];
/// assert!(ndops::close::array_equal(&a, &a.to_owned()));
/// assert!(!ndops::close::array_equal(&a, &a.t()));
/// assert!(!ndops::close::array_equal(&a, &array![1i64, 2, 3, 4]));
/// ```
pub fn array_equal<T: MinMax, D: Dimension, E: Dimension>(
    a: &ArrayRef<T, D>,
    b: &ArrayRef<T, E>,
) -> bool {
    array_equal_with(a, b, false)
}

/// [`array_equal`] with NumPy's `equal_nan`: nans in the same places count as equal.
///
/// ```
/// use ndcore::prelude::*;
/// let a = array![1.0, f64::NAN];
/// assert!(!ndops::close::array_equal(&a, &a));
/// assert!(ndops::close::array_equal_with(&a, &a, true));
/// ```
pub fn array_equal_with<T: MinMax, D: Dimension, E: Dimension>(
    a: &ArrayRef<T, D>,
    b: &ArrayRef<T, E>,
    equal_nan: bool,
) -> bool {
    a.shape() == b.shape()
        && a.iter()
            .zip(b.iter())
            .all(|(&x, &y)| x == y || (equal_nan && x.is_nan() && y.is_nan()))
}

/// Whether `a` and `b` broadcast together and are equal element by element once broadcast
/// (NumPy's `np.array_equiv(a, b)`).
///
/// ```
/// use ndcore::prelude::*;
/// let a = array![[1i64, 2], [1, 2]];
/// assert!(ndops::close::array_equiv(&a, &array![1i64, 2]));
/// assert!(!ndops::close::array_equiv(&a, &array![1i64, 2, 3]));
/// ```
pub fn array_equiv<T: MinMax, D: ndcore::DimMax<E>, E: Dimension>(
    a: &ArrayRef<T, D>,
    b: &ArrayRef<T, E>,
) -> bool {
    match crate::broadcast_arrays(a, b) {
        Ok((x, y)) => x.iter().zip(y.iter()).all(|(&u, &v)| u == v),
        Err(_) => false,
    }
}
