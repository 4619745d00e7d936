//! `Generator`: NumPy's `np.random.Generator` on a [`Pcg64`], with its distributions'
//! names, arguments, algorithms and error messages.

use super::distributions::{
    standard_exponential, standard_exponential_f32, standard_normal, standard_normal_f32,
};
use super::integers::{RandomInt, fill_closed};
use super::pcg64::Pcg64;
use super::seed_sequence::IntoSeed;
use ndcore::error::{Error, Result};
use ndcore::{Array, Dimension, Element, IntoDimension};

/// A generator seeded as `np.random.default_rng(seed)`: a [`Generator`] on a [`Pcg64`]
/// seeded through a [`SeedSequence`](super::SeedSequence), so it draws NumPy's numbers.
///
/// `seed` is a `u64`, a list of `u64` (`[1, 2, 3]`, `&[..]`, `Vec`), `None` for fresh OS
/// entropy (`default_rng(None)`, NumPy's `default_rng()`), or a
/// `SeedSequence`; see [`IntoSeed`].
///
/// ```
/// use ndops::random::default_rng;
/// let mut rng = default_rng(12345); // rng = np.random.default_rng(12345)
/// assert_eq!(rng.random_scalar(), 0.22733602246716966); // rng.random()
/// let mut rng = default_rng(12345);
/// let r = rng.integers(0i64, 10, 3).unwrap(); // rng.integers(low=0, high=10, size=3)
/// assert_eq!(r.to_vec(), vec![6, 2, 7]);
/// ```
pub fn default_rng<S: IntoSeed>(seed: S) -> Generator {
    Generator::new(Pcg64::new(seed))
}

/// NumPy's random number generator, `np.random.Generator`, on the [`Pcg64`] bit generator.
///
/// Each method draws as NumPy's does: the same words of the bit generator and the same
/// arithmetic, so a sequence of calls gives NumPy's numbers, bit for bit. Shapes are
/// NumPy's `size`: `5`, `[2, 3]`, `(2, 3)`, a `Vec<usize>`; the `_scalar` methods are
/// `size=None`, one value.
///
/// ```
/// use ndops::random::default_rng;
/// // rng = np.random.default_rng(0); x = rng.standard_normal((2, 3))
/// let mut rng = default_rng(0);
/// let x = rng.standard_normal((2, 3)).unwrap();
/// assert_eq!(x.shape(), &[2, 3]);
/// assert_eq!(x[[0, 0]], 0.1257302210933933);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Generator {
    bit_generator: Pcg64,
}

/// A new C-order array of `shape` whose elements are `draw`n in order.
pub(crate) fn draw<Sh: IntoDimension, T: Element>(
    shape: Sh,
    mut draw: impl FnMut() -> T,
) -> Result<Array<T, Sh::Dim>> {
    let mut a = Array::<T, Sh::Dim>::try_zeros(shape)?;
    let Some(s) = a.as_slice_mut() else {
        unreachable!("a new array is C-contiguous")
    };
    s.iter_mut().for_each(|x| *x = draw());
    Ok(a)
}

/// NumPy's check of a non-negative parameter: `-0.0` fails too (it tests the sign bit),
/// NaN passes.
pub(crate) fn check_non_negative(v: f64, name: &str) -> Result<()> {
    if !v.is_nan() && v.is_sign_negative() {
        return Err(Error::Value(format!("{name} < 0")));
    }
    Ok(())
}

/// `high - low`, checked as `Generator.uniform` checks it.
fn uniform_range(low: f64, high: f64) -> Result<f64> {
    let range = high - low;
    if !range.is_finite() {
        return Err(Error::Value(
            "high - low range exceeds valid bounds".to_string(),
        ));
    }
    check_non_negative(range, "high - low")?;
    Ok(range)
}

impl Generator {
    /// A generator on a given bit generator (`np.random.Generator(bit_generator)`).
    ///
    /// ```
    /// use ndops::random::{Generator, Pcg64, default_rng};
    /// assert_eq!(Generator::new(Pcg64::new(1u64)), default_rng(1));
    /// ```
    pub fn new(bit_generator: Pcg64) -> Generator {
        Generator { bit_generator }
    }

    /// The bit generator (`rng.bit_generator`).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// let rng = default_rng(0);
    /// assert_eq!(rng.bit_generator().state().state, 35399562948360463058890781895381311971);
    /// ```
    pub fn bit_generator(&self) -> &Pcg64 {
        &self.bit_generator
    }

    /// The bit generator, to draw raw words, set its state or advance it.
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// let mut rng = default_rng(0);
    /// rng.bit_generator_mut().advance(2);
    /// let mut other = default_rng(0);
    /// other.random(2).unwrap();
    /// assert_eq!(rng.random_scalar(), other.random_scalar());
    /// ```
    pub fn bit_generator_mut(&mut self) -> &mut Pcg64 {
        &mut self.bit_generator
    }

    /// Float64 numbers uniform in `[0, 1)`, 53 random bits each. Like `rng.random(size)`.
    ///
    /// # Errors
    /// A shape whose size overflows, or memory the allocator refuses.
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// let x = default_rng(0).random([2, 2]).unwrap();
    /// assert!(x.iter().all(|&v| (0.0..1.0).contains(&v)));
    /// ```
    pub fn random<Sh: IntoDimension>(&mut self, shape: Sh) -> Result<Array<f64, Sh::Dim>> {
        let bg = &mut self.bit_generator;
        draw(shape, || bg.next_f64())
    }

    /// One float64 uniform in `[0, 1)`. Like `rng.random()`.
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// assert_eq!(default_rng(12345).random_scalar(), 0.22733602246716966);
    /// ```
    pub fn random_scalar(&mut self) -> f64 {
        self.bit_generator.next_f64()
    }

    /// Float32 numbers uniform in `[0, 1)`, 24 random bits each from 32-bit draws. Like
    /// `rng.random(size, dtype=np.float32)`.
    ///
    /// # Errors
    /// As [`random`](Self::random).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// let x = default_rng(0).random_f32(4).unwrap();
    /// assert!(x.iter().all(|&v| (0.0..1.0).contains(&v)));
    /// ```
    pub fn random_f32<Sh: IntoDimension>(&mut self, shape: Sh) -> Result<Array<f32, Sh::Dim>> {
        let bg = &mut self.bit_generator;
        draw(shape, || bg.next_f32())
    }

    /// Float64 numbers uniform in `[low, high)`: `low + (high - low) * u`. Like
    /// `rng.uniform(low, high, size)`.
    ///
    /// # Errors
    /// `high - low` infinite or NaN: "high - low range exceeds valid bounds" (NumPy's
    /// `OverflowError`); `high < low`: "high - low < 0"; and as [`random`](Self::random).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// let x = default_rng(0).uniform(-1.0, 1.0, 3).unwrap();
    /// assert!(x.iter().all(|&v| (-1.0..1.0).contains(&v)));
    /// let e = default_rng(0).uniform(1.0, 0.0, 3).unwrap_err();
    /// assert_eq!(e.to_string(), "high - low < 0");
    /// ```
    pub fn uniform<Sh: IntoDimension>(
        &mut self,
        low: f64,
        high: f64,
        shape: Sh,
    ) -> Result<Array<f64, Sh::Dim>> {
        let range = uniform_range(low, high)?;
        let bg = &mut self.bit_generator;
        draw(shape, || low + range * bg.next_f64())
    }

    /// One float64 uniform in `[low, high)`. Like `rng.uniform(low, high)`.
    ///
    /// # Errors
    /// As [`uniform`](Self::uniform).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// let x = default_rng(0).uniform_scalar(2.0, 3.0).unwrap();
    /// assert!((2.0..3.0).contains(&x));
    /// ```
    pub fn uniform_scalar(&mut self, low: f64, high: f64) -> Result<f64> {
        let range = uniform_range(low, high)?;
        Ok(low + range * self.bit_generator.next_f64())
    }

    /// Standard normal float64 numbers by NumPy's ziggurat. Like
    /// `rng.standard_normal(size)`.
    ///
    /// # Errors
    /// As [`random`](Self::random).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// let x = default_rng(0).standard_normal(3).unwrap();
    /// assert_eq!(x.to_vec(), vec![0.1257302210933933, -0.1321048632913019, 0.6404226504432821]);
    /// ```
    pub fn standard_normal<Sh: IntoDimension>(&mut self, shape: Sh) -> Result<Array<f64, Sh::Dim>> {
        let bg = &mut self.bit_generator;
        draw(shape, || standard_normal(bg))
    }

    /// One standard normal float64. Like `rng.standard_normal()`.
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// assert_eq!(default_rng(0).standard_normal_scalar(), 0.1257302210933933);
    /// ```
    pub fn standard_normal_scalar(&mut self) -> f64 {
        standard_normal(&mut self.bit_generator)
    }

    /// Standard normal float32 numbers by NumPy's float32 ziggurat (on 32-bit draws). Like
    /// `rng.standard_normal(size, dtype=np.float32)`.
    ///
    /// # Errors
    /// As [`random`](Self::random).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// let x = default_rng(0).standard_normal_f32(1000).unwrap();
    /// assert!(x.iter().all(|v| v.abs() < 10.0));
    /// ```
    pub fn standard_normal_f32<Sh: IntoDimension>(
        &mut self,
        shape: Sh,
    ) -> Result<Array<f32, Sh::Dim>> {
        let bg = &mut self.bit_generator;
        draw(shape, || standard_normal_f32(bg))
    }

    /// Normal float64 numbers with mean `loc` and standard deviation `scale`:
    /// `loc + scale * z`. Like `rng.normal(loc, scale, size)`.
    ///
    /// # Errors
    /// A negative `scale` (`-0.0` too, as NumPy): "scale < 0"; and as
    /// [`random`](Self::random).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// let x = default_rng(0).normal(10.0, 2.0, 2).unwrap();
    /// assert_eq!(x[[0]], 10.0 + 2.0 * 0.1257302210933933);
    /// let e = default_rng(0).normal(0.0, -1.0, 2).unwrap_err();
    /// assert_eq!(e.to_string(), "scale < 0");
    /// ```
    pub fn normal<Sh: IntoDimension>(
        &mut self,
        loc: f64,
        scale: f64,
        shape: Sh,
    ) -> Result<Array<f64, Sh::Dim>> {
        check_non_negative(scale, "scale")?;
        let bg = &mut self.bit_generator;
        draw(shape, || loc + scale * standard_normal(bg))
    }

    /// One normal float64. Like `rng.normal(loc, scale)`.
    ///
    /// # Errors
    /// As [`normal`](Self::normal).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// assert_eq!(default_rng(0).normal_scalar(1.0, 0.0).unwrap(), 1.0);
    /// ```
    pub fn normal_scalar(&mut self, loc: f64, scale: f64) -> Result<f64> {
        check_non_negative(scale, "scale")?;
        Ok(loc + scale * standard_normal(&mut self.bit_generator))
    }

    /// Log-normal float64 numbers: `exp` of normals with mean `mean` and standard
    /// deviation `sigma`. Like `rng.lognormal(mean, sigma, size)`.
    ///
    /// # Errors
    /// A negative `sigma`: "sigma < 0"; and as [`random`](Self::random).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// let x = default_rng(0).lognormal(0.0, 1.0, 2).unwrap();
    /// let z = default_rng(0).standard_normal(2).unwrap();
    /// assert_eq!(x[[1]], z[[1]].exp());
    /// ```
    pub fn lognormal<Sh: IntoDimension>(
        &mut self,
        mean: f64,
        sigma: f64,
        shape: Sh,
    ) -> Result<Array<f64, Sh::Dim>> {
        check_non_negative(sigma, "sigma")?;
        let bg = &mut self.bit_generator;
        draw(shape, || (mean + sigma * standard_normal(bg)).exp())
    }

    /// Standard exponential float64 numbers by NumPy's ziggurat. Like
    /// `rng.standard_exponential(size)` (its default `method='zig'`).
    ///
    /// # Errors
    /// As [`random`](Self::random).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// let x = default_rng(0).standard_exponential(5).unwrap();
    /// assert!(x.iter().all(|&v| v >= 0.0));
    /// ```
    pub fn standard_exponential<Sh: IntoDimension>(
        &mut self,
        shape: Sh,
    ) -> Result<Array<f64, Sh::Dim>> {
        let bg = &mut self.bit_generator;
        draw(shape, || standard_exponential(bg))
    }

    /// Exponential float64 numbers with mean `scale`: `scale * e`, `e` standard
    /// exponential. Like `rng.exponential(scale, size)`.
    ///
    /// # Errors
    /// A negative `scale` (`-0.0` too): "scale < 0"; and as [`random`](Self::random).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// let x = default_rng(0).exponential(2.0, 3).unwrap();
    /// let e = default_rng(0).standard_exponential(3).unwrap();
    /// assert_eq!(x[[1]], 2.0 * e[[1]]);
    /// ```
    pub fn exponential<Sh: IntoDimension>(
        &mut self,
        scale: f64,
        shape: Sh,
    ) -> Result<Array<f64, Sh::Dim>> {
        check_non_negative(scale, "scale")?;
        let bg = &mut self.bit_generator;
        draw(shape, || scale * standard_exponential(bg))
    }

    /// One standard exponential float64. Like `rng.standard_exponential()`.
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// assert!(default_rng(0).standard_exponential_scalar() >= 0.0);
    /// ```
    pub fn standard_exponential_scalar(&mut self) -> f64 {
        standard_exponential(&mut self.bit_generator)
    }

    /// Standard exponential float32 numbers (NumPy's float32 ziggurat). Like
    /// `rng.standard_exponential(size, dtype=np.float32)`.
    ///
    /// # Errors
    /// As [`random`](Self::random).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// let x = default_rng(0).standard_exponential_f32(5).unwrap();
    /// assert!(x.iter().all(|&v| v >= 0.0));
    /// ```
    pub fn standard_exponential_f32<Sh: IntoDimension>(
        &mut self,
        shape: Sh,
    ) -> Result<Array<f32, Sh::Dim>> {
        let bg = &mut self.bit_generator;
        draw(shape, || standard_exponential_f32(bg))
    }

    /// Random integers in `[low, high)` of `low`'s type. Like
    /// `rng.integers(low, high, size, dtype=...)`; the type is NumPy's `dtype` (`i64` for
    /// its default `int64`, `u8` for `np.uint8`, …) and is drawn as NumPy draws it.
    ///
    /// For `high` one past the type's maximum (`integers(0, 256, dtype=np.uint8)`, the full
    /// `int64` range), use [`integers_endpoint`](Self::integers_endpoint) with the maximum.
    ///
    /// # Errors
    /// `high <= low`: "low >= high" ("high <= 0" when `low` is 0), as NumPy; and as
    /// [`random`](Self::random). An empty shape draws nothing and checks nothing, as NumPy.
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// let mut rng = default_rng(12345);
    /// assert_eq!(rng.integers(0i64, 10, 3).unwrap().to_vec(), vec![6, 2, 7]);
    /// let b = default_rng(0).integers(0u8, 255, [2, 2]).unwrap(); // dtype=np.uint8
    /// assert_eq!(b.shape(), &[2, 2]);
    /// assert_eq!(default_rng(0).integers(5, 5, 1).unwrap_err().to_string(), "low >= high");
    /// ```
    pub fn integers<T: RandomInt, Sh: IntoDimension>(
        &mut self,
        low: T,
        high: T,
        shape: Sh,
    ) -> Result<Array<T, Sh::Dim>> {
        self.integers_with(low, high, shape, false)
    }

    /// Random integers in the closed range `[low, high]`. Like
    /// `rng.integers(low, high, size, endpoint=True)`.
    ///
    /// # Errors
    /// `high < low`: "low > high" ("high < 0" when `low` is 0); and as
    /// [`random`](Self::random).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// // rng.integers(np.iinfo(np.int64).min, np.iinfo(np.int64).max, 4, endpoint=True)
    /// let x = default_rng(0).integers_endpoint(i64::MIN, i64::MAX, 4).unwrap();
    /// assert_eq!(x.len(), 4);
    /// let d = default_rng(0).integers_endpoint(1u8, 6, 10).unwrap(); // dice
    /// assert!(d.iter().all(|&v| (1..=6).contains(&v)));
    /// ```
    pub fn integers_endpoint<T: RandomInt, Sh: IntoDimension>(
        &mut self,
        low: T,
        high: T,
        shape: Sh,
    ) -> Result<Array<T, Sh::Dim>> {
        self.integers_with(low, high, shape, true)
    }

    fn integers_with<T: RandomInt, Sh: IntoDimension>(
        &mut self,
        low: T,
        high: T,
        shape: Sh,
        endpoint: bool,
    ) -> Result<Array<T, Sh::Dim>> {
        let dim = shape.into_dimension()?;
        if dim.size_checked() == Some(0) {
            return Array::try_zeros(dim);
        }
        let rng = closed_range(low, high, endpoint)?;
        let mut a = Array::<T, Sh::Dim>::try_zeros(dim)?;
        let Some(s) = a.as_slice_mut() else {
            unreachable!("a new array is C-contiguous")
        };
        fill_closed(&mut self.bit_generator, low, rng, s);
        Ok(a)
    }

    /// One random integer in `[low, high)`. Like `rng.integers(low, high, dtype=...)`.
    ///
    /// # Errors
    /// As [`integers`](Self::integers).
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// let k = default_rng(0).integers_scalar(-3i32, 3).unwrap();
    /// assert!((-3..3).contains(&k));
    /// ```
    pub fn integers_scalar<T: RandomInt>(&mut self, low: T, high: T) -> Result<T> {
        let rng = closed_range(low, high, false)?;
        let mut out = [low];
        fill_closed(&mut self.bit_generator, low, rng, &mut out);
        Ok(out[0])
    }
}

/// `high - low` of the closed range the draw is made on (`high - 1` when `high` is
/// excluded), or NumPy's error for an empty range.
fn closed_range<T: RandomInt>(low: T, high: T, endpoint: bool) -> Result<u64> {
    let lo = low.to_i128();
    let hi = high.to_i128() - i128::from(!endpoint);
    if lo > hi {
        let msg = match (lo == 0, endpoint) {
            (true, false) => "high <= 0",
            (true, true) => "high < 0",
            (false, false) => "low >= high",
            (false, true) => "low > high",
        };
        return Err(Error::Value(msg.to_string()));
    }
    // Both ends are values of T, so the width fits T's unsigned twin, hence u64.
    Ok((hi - lo) as u64)
}
