//! Array-valued parameters (`rng.normal(loc_array, scale_array)`): the parameters broadcast
//! together (or to `size`) and one value drawn per element in C order, with NumPy's checks
//! and messages (`_common.pyx`'s `cont` broadcast path).

use super::distributions::standard_normal;
use super::generator::Generator;
use super::integers::RandomInt;
use super::pcg64::Pcg64;
use ndcore::error::{Error, Result};
use ndcore::fmt::py_tuple;
use ndcore::{ArrayD, ArrayRef, Dimension};

/// The shape NumPy's multi-iterator gives `shapes` (`PyArray_Broadcast`), or its error,
/// which names the first two arguments (from 0) whose lengths clash.
fn multi_iter_shape(shapes: &[&[usize]]) -> Result<Vec<usize>> {
    let nd = shapes.iter().map(|s| s.len()).max().unwrap_or(0);
    let mut out = vec![1; nd];
    for (i, o) in out.iter_mut().enumerate() {
        let mut src = 0;
        for (j, s) in shapes.iter().enumerate() {
            let Some(k) = (i + s.len()).checked_sub(nd) else {
                continue;
            };
            let d = s[k];
            if d == 1 {
                continue;
            }
            if *o == 1 {
                *o = d;
                src = j;
            } else if *o != d {
                return Err(Error::Value(format!(
                    "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch \
                     is between arg {src} with shape {} and arg {j} with shape {}.",
                    py_tuple(shapes[src]),
                    py_tuple(s)
                )));
            }
        }
    }
    Ok(out)
}

/// The output shape of a draw with parameters of `shapes`: their broadcast, or `size`,
/// which they must broadcast to.
fn output_shape(shapes: &[&[usize]], size: Option<&[usize]>) -> Result<Vec<usize>> {
    let Some(size) = size else {
        return multi_iter_shape(shapes);
    };
    let mut all = vec![size];
    all.extend_from_slice(shapes);
    let b = multi_iter_shape(&all)?;
    if b != size {
        return Err(Error::Value(format!(
            "Output size {} is not compatible with broadcast dimensions of inputs {}.",
            py_tuple(size),
            py_tuple(&b)
        )));
    }
    Ok(b)
}

/// One draw `f(bg, a, b)` per element of `shape`, in C order, `a` and `b` broadcast to it.
fn draw2<D1: Dimension, D2: Dimension>(
    bg: &mut Pcg64,
    a: &ArrayRef<f64, D1>,
    b: &ArrayRef<f64, D2>,
    shape: Vec<usize>,
    mut f: impl FnMut(&mut Pcg64, f64, f64) -> f64,
) -> Result<ArrayD<f64>> {
    let av = a.broadcast_to(shape.as_slice())?;
    let bv = b.broadcast_to(shape.as_slice())?;
    let mut out = ArrayD::<f64>::try_zeros(shape)?;
    let Some(s) = out.as_slice_mut() else {
        unreachable!("a new array is C-contiguous")
    };
    for ((o, &x), &y) in s.iter_mut().zip(av.iter()).zip(bv.iter()) {
        *o = f(bg, x, y);
    }
    Ok(out)
}

impl Generator {
    /// Normal float64 numbers with a mean and standard deviation per element: `loc` and
    /// `scale` broadcast together, or to `size`. Like `rng.normal(loc, scale, size)` with
    /// array arguments (a scalar is a 0-d array: `Array::full([], 1.0)`).
    ///
    /// # Errors
    /// NumPy's: a negative (or `-0.0`) scale anywhere: "scale < 0"; shapes that do not
    /// broadcast: "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch
    /// is between arg 0 with shape (3,) and arg 1 with shape (2,)." (with `size`, it is
    /// arg 0 and the parameters follow); parameters that broadcast past `size`: "Output
    /// size (3,) is not compatible with broadcast dimensions of inputs (2, 3).".
    ///
    /// ```
    /// use ndops::prelude::*;
    /// use ndops::random::default_rng;
    /// // rng.normal([0, 10, 100], 1)
    /// let loc = array![0.0, 10.0, 100.0];
    /// let x = default_rng(0).normal_array(&loc, &Array::full([], 1.0), None).unwrap();
    /// let z = default_rng(0).standard_normal(3).unwrap();
    /// assert_eq!(x[[2]], 100.0 + z[[2]]);
    /// // rng.normal([0, 10, 100], 1, size=(2, 3))
    /// let y = default_rng(0).normal_array(&loc, &array![1.0], Some(&[2, 3])).unwrap();
    /// assert_eq!(y.shape(), &[2, 3]);
    /// ```
    pub fn normal_array<D1: Dimension, D2: Dimension>(
        &mut self,
        loc: &ArrayRef<f64, D1>,
        scale: &ArrayRef<f64, D2>,
        size: Option<&[usize]>,
    ) -> Result<ArrayD<f64>> {
        if scale.iter().any(|v| !v.is_nan() && v.is_sign_negative()) {
            return Err(Error::Value("scale < 0".to_string()));
        }
        let shape = output_shape(&[loc.shape(), scale.shape()], size)?;
        draw2(self.bit_generator_mut(), loc, scale, shape, |bg, l, s| {
            l + s * standard_normal(bg)
        })
    }

    /// Uniform float64 numbers in `[low, high)` per element: `low` and `high` broadcast
    /// together, or to `size`. Like `rng.uniform(low, high, size)` with array arguments.
    ///
    /// # Errors
    /// NumPy's: shapes that do not broadcast ("operands could not be broadcast together
    /// with shapes (2,) (3,) ", from `high - low`); a range not finite: "Range exceeds
    /// valid bounds" (NumPy's `OverflowError`); `high < low` anywhere: "high - low < 0";
    /// and the `size` errors of [`normal_array`](Self::normal_array).
    ///
    /// ```
    /// use ndops::prelude::*;
    /// use ndops::random::default_rng;
    /// // rng.uniform(0, [1, 10, 100])
    /// let high = array![1.0, 10.0, 100.0];
    /// let x = default_rng(0).uniform_array(&Array::full([], 0.0), &high, None).unwrap();
    /// assert!(x.iter().zip(high.iter()).all(|(v, h)| (0.0..*h).contains(v)));
    /// ```
    pub fn uniform_array<D1: Dimension, D2: Dimension>(
        &mut self,
        low: &ArrayRef<f64, D1>,
        high: &ArrayRef<f64, D2>,
        size: Option<&[usize]>,
    ) -> Result<ArrayD<f64>> {
        // NumPy computes `high - low` first: its broadcast error names high's shape first.
        let range_shape = ndcore::ops::broadcast_shapes(&[high.shape(), low.shape()])?;
        let (hv, lv) = (
            high.broadcast_to(range_shape.as_slice())?,
            low.broadcast_to(range_shape.as_slice())?,
        );
        let mut range = ArrayD::<f64>::try_zeros(range_shape)?;
        let Some(rs) = range.as_slice_mut() else {
            unreachable!("a new array is C-contiguous")
        };
        for ((r, &h), &l) in rs.iter_mut().zip(hv.iter()).zip(lv.iter()) {
            *r = h - l;
        }
        if !range.iter().all(|r| r.is_finite()) {
            // Two 0-d arrays take NumPy's scalar path, whose message differs.
            let msg = if low.ndim() == 0 && high.ndim() == 0 {
                "high - low range exceeds valid bounds"
            } else {
                "Range exceeds valid bounds"
            };
            return Err(Error::Value(msg.to_string()));
        }
        if range.iter().any(|r| r.is_sign_negative()) {
            return Err(Error::Value("high - low < 0".to_string()));
        }
        let shape = output_shape(&[low.shape(), range.shape()], size)?;
        draw2(self.bit_generator_mut(), low, &range, shape, |bg, l, r| {
            l + r * bg.next_f64()
        })
    }
}

impl Generator {
    /// Random integers in `[low, high)` per element: `low` and `high` broadcast together,
    /// or to `size`. Like `rng.integers(low, high, size, dtype=...)` with array bounds; the
    /// draws are NumPy's (its shared 16/8-bit buffer across elements included).
    ///
    /// # Errors
    /// NumPy's: bounds that do not broadcast ("operands could not be broadcast together
    /// with shapes (2,) (3,) "); `high <= low` anywhere: "low >= high" ("high <= 0" when
    /// every `low` is 0); `size` the parameters do not broadcast to: the "shape mismatch"
    /// message of [`normal_array`](Self::normal_array). Where NumPy fills a `size` smaller
    /// than the bounds' broadcast from their first elements, this is an error ("Output
    /// size (3,) is not compatible with broadcast dimensions of inputs (2, 3).").
    ///
    /// ```
    /// use ndops::prelude::*;
    /// use ndops::random::default_rng;
    /// // rng.integers(0, [10, 100, 1000])
    /// let high = array![10i64, 100, 1000];
    /// let x = default_rng(0).integers_array(&Array::full([], 0i64), &high, None).unwrap();
    /// assert!(x.iter().zip(high.iter()).all(|(v, h)| (0..*h).contains(v)));
    /// ```
    pub fn integers_array<T: RandomInt, D1: Dimension, D2: Dimension>(
        &mut self,
        low: &ArrayRef<T, D1>,
        high: &ArrayRef<T, D2>,
        size: Option<&[usize]>,
    ) -> Result<ArrayD<T>> {
        self.integers_array_with(low, high, size, false)
    }

    /// Random integers in the closed range `[low, high]` per element. Like
    /// `rng.integers(low, high, size, endpoint=True)` with array bounds.
    ///
    /// # Errors
    /// As [`integers_array`](Self::integers_array), with "low > high" ("high < 0").
    ///
    /// ```
    /// use ndops::prelude::*;
    /// use ndops::random::default_rng;
    /// let sides = array![4u8, 6, 20]; // a d4, a d6 and a d20, five throws each
    /// let t = default_rng(0).integers_array_endpoint(&array![1u8], &sides, Some(&[5, 3])).unwrap();
    /// assert!(t.iter().all(|&v| (1..=20).contains(&v)));
    /// ```
    pub fn integers_array_endpoint<T: RandomInt, D1: Dimension, D2: Dimension>(
        &mut self,
        low: &ArrayRef<T, D1>,
        high: &ArrayRef<T, D2>,
        size: Option<&[usize]>,
    ) -> Result<ArrayD<T>> {
        self.integers_array_with(low, high, size, true)
    }

    fn integers_array_with<T: RandomInt, D1: Dimension, D2: Dimension>(
        &mut self,
        low: &ArrayRef<T, D1>,
        high: &ArrayRef<T, D2>,
        size: Option<&[usize]>,
        endpoint: bool,
    ) -> Result<ArrayD<T>> {
        if let Some(size) = size
            && size.contains(&0)
        {
            return ArrayD::try_zeros(size);
        }
        let pair = ndcore::ops::broadcast_shapes(&[low.shape(), high.shape()])?;
        let (lv, hv) = (
            low.broadcast_to(pair.as_slice())?,
            high.broadcast_to(pair.as_slice())?,
        );
        let open = i128::from(!endpoint);
        if lv
            .iter()
            .zip(hv.iter())
            .any(|(l, h)| l.to_i128() > h.to_i128() - open)
        {
            let zero = low.iter().all(|l| l.to_i128() == 0);
            let msg = match (zero, endpoint) {
                (true, false) => "high <= 0",
                (true, true) => "high < 0",
                (false, false) => "low >= high",
                (false, true) => "low > high",
            };
            return Err(Error::Value(msg.to_string()));
        }
        let shape = match size {
            None => pair,
            Some(size) => {
                let b = multi_iter_shape(&[low.shape(), high.shape(), size])?;
                if b != size {
                    return Err(Error::Value(format!(
                        "Output size {} is not compatible with broadcast dimensions of \
                         inputs {}.",
                        py_tuple(size),
                        py_tuple(&b)
                    )));
                }
                b
            }
        };
        let (lv, hv) = (
            low.broadcast_to(shape.as_slice())?,
            high.broadcast_to(shape.as_slice())?,
        );
        let mut out = ArrayD::<T>::try_zeros(shape)?;
        let Some(s) = out.as_slice_mut() else {
            unreachable!("a new array is C-contiguous")
        };
        let bg = self.bit_generator_mut();
        let mut buf = T::Buffer::default();
        for ((o, &l), &h) in s.iter_mut().zip(lv.iter()).zip(hv.iter()) {
            let rng = (h.to_i128() - open - l.to_i128()) as u64;
            *o = T::draw_closed(bg, &mut buf, l, rng);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multi_iter_names_the_argument_that_set_the_length() {
        let e = multi_iter_shape(&[&[3], &[2]]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is \
             between arg 0 with shape (3,) and arg 1 with shape (2,)."
        );
        let e = multi_iter_shape(&[&[1], &[4, 3], &[2]]).unwrap_err();
        assert!(
            e.to_string().contains("arg 1 with shape (4, 3) and arg 2"),
            "{e}"
        );
        assert_eq!(multi_iter_shape(&[&[], &[2, 1], &[3]]).unwrap(), vec![2, 3]);
    }

    #[test]
    fn size_must_be_the_broadcast_shape() {
        assert_eq!(output_shape(&[&[3]], Some(&[2, 3])).unwrap(), vec![2, 3]);
        let e = output_shape(&[&[2, 3]], Some(&[3])).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Output size (3,) is not compatible with broadcast dimensions of inputs (2, 3)."
        );
    }
}
