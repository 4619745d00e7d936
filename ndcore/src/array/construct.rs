//! Constructors with NumPy's names: `zeros`, `ones`, `full`, `arange`, `linspace`, `eye`,
//! `from_vec`, `from_shape_vec`, `from_fn`, `from_iter`.

use super::{Array, Array1, Array2, ArrayBase};
use crate::dimension::{Dimension, IntoDimension, Ix1};
use crate::element::Element;
use crate::error::{Error, Result};
use crate::layout::{self, Order};
use crate::storage::{DataOwned, OwnedRepr};

impl<S: DataOwned, D: Dimension> ArrayBase<S, D>
where
    S::Elem: Element,
{
    /// Wraps an owned buffer of exactly `dim.size()` elements in `order`.
    pub(crate) fn from_owned(o: OwnedRepr<S::Elem>, dim: D, order: Order) -> Self {
        debug_assert_eq!(o.len(), dim.size());
        let mut strides = D::zero_strides(dim.ndim());
        layout::contiguous_strides(
            dim.as_ref(),
            std::mem::size_of::<S::Elem>(),
            order,
            strides.as_mut(),
        );
        let ptr = o.as_nonnull();
        // SAFETY: a contiguous layout of `dim.size()` elements over a buffer of that many
        // elements, aligned by the allocator.
        unsafe { ArrayBase::from_parts_unchecked(S::from_owned(o), ptr, dim, strides) }
    }

    fn checked_len(dim: &D) -> usize {
        match layout::checked_size(dim.as_ref(), std::mem::size_of::<S::Elem>()) {
            Ok((n, _)) => n,
            Err(e) => panic!("{e}"),
        }
    }

    /// An array of `shape` filled with zeros (NumPy's `np.zeros`).
    ///
    /// # Panics
    /// If the shape's size in bytes overflows `isize` (as `Vec` panics on capacity
    /// overflow), or on out-of-memory.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let a = Array::<f64, _>::zeros([2, 3]);
    /// assert_eq!(a.shape(), &[2, 3]);
    /// assert!(a.iter().all(|&x| x == 0.0));
    /// ```
    pub fn zeros<Sh: IntoDimension<Dim = D>>(shape: Sh) -> Self {
        let dim = shape.into_dimension();
        let n = Self::checked_len(&dim);
        let o = OwnedRepr::zeroed(n).unwrap_or_else(|| {
            panic!(
                "{}",
                Error::Overflow {
                    shape: dim.as_ref().to_vec()
                }
            )
        });
        Self::from_owned(o, dim, Order::C)
    }

    /// An array of `shape` filled with ones (NumPy's `np.ones`).
    ///
    /// # Panics
    /// As [`zeros`](Self::zeros).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let a = Array::<i32, _>::ones(3);
    /// assert_eq!(a.to_vec(), vec![1, 1, 1]);
    /// ```
    pub fn ones<Sh: IntoDimension<Dim = D>>(shape: Sh) -> Self
    where
        S::Elem: num_traits::One,
    {
        Self::full(shape, num_traits::one())
    }

    /// An array of `shape` filled with `value` (NumPy's `np.full`).
    ///
    /// # Panics
    /// As [`zeros`](Self::zeros).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let a = Array::full([2, 2], 7u8);
    /// assert_eq!(a.to_vec(), vec![7; 4]);
    /// ```
    pub fn full<Sh: IntoDimension<Dim = D>>(shape: Sh, value: S::Elem) -> Self {
        let dim = shape.into_dimension();
        let n = Self::checked_len(&dim);
        // SAFETY: every element is written by `fill` below before the array is returned.
        let o = unsafe { OwnedRepr::uninit(n) }.unwrap_or_else(|| {
            panic!(
                "{}",
                Error::Overflow {
                    shape: dim.as_ref().to_vec()
                }
            )
        });
        let p = o.as_nonnull().as_ptr();
        // SAFETY: `o` holds `n` element slots; writing all of them initializes it.
        unsafe { std::slice::from_raw_parts_mut(p, n) }.fill(value);
        Self::from_owned(o, dim, Order::C)
    }

    /// An array of `shape` with every element unspecified: the caller fills it.
    ///
    /// # Safety
    /// Every element must be written before any is read.
    ///
    /// # Panics
    /// As [`zeros`](Self::zeros).
    pub unsafe fn uninit<Sh: IntoDimension<Dim = D>>(shape: Sh) -> Self {
        let dim = shape.into_dimension();
        let n = Self::checked_len(&dim);
        // SAFETY: forwarded to the caller.
        let o = unsafe { OwnedRepr::uninit(n) }.unwrap_or_else(|| {
            panic!(
                "{}",
                Error::Overflow {
                    shape: dim.as_ref().to_vec()
                }
            )
        });
        Self::from_owned(o, dim, Order::C)
    }

    /// An array of `shape` whose elements are `f(index)`, indices in C order (like NumPy's
    /// `np.fromfunction`, one index at a time).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let a = Array::from_fn([2, 3], |i| (10 * i[0] + i[1]) as i64);
    /// assert_eq!(a.to_vec(), vec![0, 1, 2, 10, 11, 12]);
    /// ```
    pub fn from_fn<Sh, F>(shape: Sh, mut f: F) -> Self
    where
        Sh: IntoDimension<Dim = D>,
        F: FnMut(&[usize]) -> S::Elem,
    {
        let dim = shape.into_dimension();
        let n = Self::checked_len(&dim);
        let mut v = Vec::with_capacity(n);
        let mut idx = vec![0usize; dim.ndim()];
        for _ in 0..n {
            v.push(f(&idx));
            for ax in (0..idx.len()).rev() {
                idx[ax] += 1;
                if idx[ax] < dim.as_ref()[ax] {
                    break;
                }
                idx[ax] = 0;
            }
        }
        Self::from_owned(OwnedRepr::from_vec(v), dim, Order::C)
    }

    /// An array of `shape` that takes `v`'s elements, in C order (NumPy's
    /// `np.array(v).reshape(shape)`), without copying.
    ///
    /// # Errors
    /// If `v.len()` is not the shape's size: `cannot reshape array of size 5 into shape (2,3)`.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let a = Array::from_shape_vec([2, 2], vec![1, 2, 3, 4]).unwrap();
    /// assert_eq!(a[[1, 0]], 3);
    /// assert!(Array::from_shape_vec([2, 3], vec![1, 2]).is_err());
    /// ```
    pub fn from_shape_vec<Sh: IntoDimension<Dim = D>>(shape: Sh, v: Vec<S::Elem>) -> Result<Self> {
        Self::from_shape_vec_order(shape, Order::C, v)
    }

    /// Like [`from_shape_vec`](Self::from_shape_vec), with the elements of `v` in C or
    /// Fortran `order` (NumPy's `reshape(..., order='F')`).
    ///
    /// # Errors
    /// If `v.len()` is not the shape's size, or the shape overflows.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let a = Array::from_shape_vec_order([2, 2], Order::F, vec![1, 2, 3, 4]).unwrap();
    /// assert_eq!(a[[0, 1]], 3);
    /// assert!(a.is_f_contiguous());
    /// ```
    pub fn from_shape_vec_order<Sh: IntoDimension<Dim = D>>(
        shape: Sh,
        order: Order,
        v: Vec<S::Elem>,
    ) -> Result<Self> {
        let dim = shape.into_dimension();
        let (n, _) = layout::checked_size(dim.as_ref(), std::mem::size_of::<S::Elem>())?;
        if n != v.len() {
            return Err(Error::ReshapeSize {
                size: v.len(),
                shape: dim.as_ref().to_vec(),
            });
        }
        Ok(Self::from_owned(OwnedRepr::from_vec(v), dim, order))
    }
}

impl<S: DataOwned> ArrayBase<S, Ix1>
where
    S::Elem: Element,
{
    /// A 1-d array that takes `v`'s elements without copying (NumPy's `np.array(list)`).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let a = Array::from_vec(vec![1, 3, 5]);
    /// assert_eq!(a.shape(), &[3]);
    /// ```
    pub fn from_vec(v: Vec<S::Elem>) -> Self {
        let n = v.len();
        Self::from_owned(OwnedRepr::from_vec(v), n.into_dimension(), Order::C)
    }
}

impl<T: Element> FromIterator<T> for Array1<T> {
    /// Collects into a 1-d array (NumPy's `np.fromiter`).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let a = Array1::from_iter((0..4).map(|i| i * i));
    /// assert_eq!(a.to_vec(), vec![0, 1, 4, 9]);
    /// ```
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Array::from_vec(iter.into_iter().collect())
    }
}

impl<T: Element + num_traits::Zero + num_traits::One> Array2<T> {
    /// The `n`×`n` identity matrix (NumPy's `np.eye(n)`).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let e = Array2::<f64>::eye(3);
    /// assert_eq!(e[[1, 1]], 1.0);
    /// assert_eq!(e[[0, 1]], 0.0);
    /// ```
    pub fn eye(n: usize) -> Self {
        let mut a = Array::zeros([n, n]);
        if let Some(s) = a.as_slice_mut() {
            s.iter_mut().step_by(n + 1).for_each(|x| *x = T::one());
        }
        a
    }
}

/// Element types `arange` can count in.
pub trait ArangeElem: Element + PartialOrd {
    /// The number of values in `[start, stop)` by `step`, by NumPy's length rule.
    fn arange_len(start: Self, stop: Self, step: Self) -> Result<usize>;
    /// Fills `out` with `start + i * step` as NumPy computes it.
    fn arange_fill(start: Self, step: Self, out: &mut [Self]);
    /// Zero.
    fn zero() -> Self;
    /// One.
    fn one() -> Self;
}

macro_rules! arange_int {
    ($($t:ty),*) => {$(
        impl ArangeElem for $t {
            fn arange_len(start: $t, stop: $t, step: $t) -> Result<usize> {
                if step == 0 {
                    return Err(Error::Value("arange: step must not be zero (Maximum allowed size exceeded)".into()));
                }
                let (start, stop, step) = (start as i128, stop as i128, step as i128);
                let n = (stop - start + step - step.signum()) / step;
                usize::try_from(n.max(0)).map_err(|_| Error::Value("Maximum allowed size exceeded".into()))
            }
            fn arange_fill(start: $t, step: $t, out: &mut [$t]) {
                let mut v = start;
                for x in out {
                    *x = v;
                    v = v.wrapping_add(step);
                }
            }
            fn zero() -> $t { 0 }
            fn one() -> $t { 1 }
        }
    )*};
}
arange_int!(i8, i16, i32, i64, u8, u16, u32, u64);

macro_rules! arange_float {
    ($($t:ty),*) => {$(
        impl ArangeElem for $t {
            fn arange_len(start: $t, stop: $t, step: $t) -> Result<usize> {
                if step == 0.0 || step.is_nan() {
                    return Err(Error::Value("arange: step must be nonzero and not nan (Maximum allowed size exceeded)".into()));
                }
                let delta = stop - start;
                let len = delta / step;
                if !len.is_finite() {
                    return Err(Error::Value("arange: cannot compute length".into()));
                }
                // NumPy: a zero quotient of a nonzero delta still gives one value when the
                // quotient is +0.
                let n = if len == 0.0 && delta != 0.0 {
                    if len.is_sign_negative() { 0.0 } else { 1.0 }
                } else {
                    len.ceil()
                };
                if n <= 0.0 {
                    return Ok(0);
                }
                if n >= isize::MAX as $t {
                    return Err(Error::Value("Maximum allowed size exceeded".into()));
                }
                Ok(n as usize)
            }
            fn arange_fill(start: $t, step: $t, out: &mut [$t]) {
                // NumPy writes start and start + step, then fills with their difference.
                let delta = (start + step) - start;
                for (i, x) in out.iter_mut().enumerate() {
                    *x = start + (i as $t) * delta;
                }
            }
            fn zero() -> $t { 0.0 }
            fn one() -> $t { 1.0 }
        }
    )*};
}
arange_float!(f32, f64);

/// `0, 1, …, stop-1`: NumPy's `np.arange(stop)`; the element type is `stop`'s.
///
/// ```
/// use ndcore::prelude::*;
/// assert_eq!(arange(5i64).to_vec(), vec![0, 1, 2, 3, 4]);
/// assert_eq!(arange(2.5f64).to_vec(), vec![0.0, 1.0, 2.0]);
/// ```
pub fn arange<T: ArangeElem>(stop: T) -> Array1<T> {
    let zero = T::zero();
    let n = if stop > zero {
        T::arange_len(zero, stop, T::one()).unwrap_or(0)
    } else {
        0
    };
    fill_arange(zero, T::one(), n)
}

fn fill_arange<T: ArangeElem>(start: T, step: T, n: usize) -> Array1<T> {
    // Through `zeros` (not a `Vec`) so that large ranges come from the buffer pool and get
    // huge pages, as every other large array does.
    let mut a = Array1::<T>::zeros(n);
    match a.as_slice_mut() {
        Some(v) => T::arange_fill(start, step, v),
        None => unreachable!("a fresh 1-d array is contiguous"),
    }
    a
}

/// `start, start+step, …` up to but excluding `stop`: NumPy's `np.arange(start, stop, step)`
/// with its length rule, `ceil((stop - start) / step)`.
///
/// # Errors
/// If `step` is zero (or nan), or the length is too large.
///
/// ```
/// use ndcore::prelude::*;
/// assert_eq!(arange_with(0, 10, 2).unwrap().to_vec(), vec![0, 2, 4, 6, 8]);
/// assert_eq!(arange_with(5, 1, -1).unwrap().to_vec(), vec![5, 4, 3, 2]);
/// assert_eq!(arange_with(0.0, 1.0, 0.25).unwrap().to_vec(), vec![0.0, 0.25, 0.5, 0.75]);
/// assert!(arange_with(0, 1, 0).is_err());
/// ```
pub fn arange_with<T: ArangeElem>(start: T, stop: T, step: T) -> Result<Array1<T>> {
    let n = T::arange_len(start, stop, step)?;
    Ok(fill_arange(start, step, n))
}

/// `num` evenly spaced values from `start` to `stop` (NumPy's `np.linspace`, `stop`
/// included when `endpoint`).
///
/// ```
/// use ndcore::prelude::*;
/// assert_eq!(linspace(0.0, 1.0, 5, true).to_vec(), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
/// assert_eq!(linspace(0.0, 1.0, 4, false).to_vec(), vec![0.0, 0.25, 0.5, 0.75]);
/// ```
pub fn linspace<T: Element + num_traits::Float>(
    start: T,
    stop: T,
    num: usize,
    endpoint: bool,
) -> Array1<T> {
    let div = if endpoint { num.saturating_sub(1) } else { num };
    let delta = stop - start;
    let mut v: Vec<T> = (0..num)
        .map(|i| T::from(i).unwrap_or_else(T::nan))
        .collect();
    let divf = T::from(div).unwrap_or_else(T::nan);
    if div > 0 {
        let step = delta / divf;
        if step == T::zero() {
            v.iter_mut().for_each(|y| *y = *y / divf * delta);
        } else {
            v.iter_mut().for_each(|y| *y = *y * step);
        }
    } else {
        v.iter_mut().for_each(|y| *y = *y * delta);
    }
    v.iter_mut().for_each(|y| *y = *y + start);
    if endpoint && num > 1 {
        v[num - 1] = stop;
    }
    Array::from_vec(v)
}

impl<T: Element, D: Dimension> Array<T, D> {
    /// Gives back the elements as a `Vec` in C order, and the shape (no copy when the array
    /// is C-contiguous over its whole buffer and the buffer came from a `Vec`).
    pub fn into_raw_vec_and_shape(self) -> (Vec<T>, D) {
        let dim = self.parts.dim.clone();
        if self.is_c_contiguous()
            && self.data.len() == self.size()
            && self.as_ptr() == self.data.as_nonnull().as_ptr()
        {
            (self.data.into_vec(), dim)
        } else {
            (self.to_vec(), dim)
        }
    }
}
