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

    /// An array of `shape` filled with zeros (NumPy's `np.zeros`).
    ///
    /// # Panics
    /// With NumPy's message, where NumPy raises: a dynamic shape of more than 64 axes, a
    /// size in bytes past `isize::MAX` (`array is too big; …`), or memory the allocator
    /// refuses (`Unable to allocate …`), as `Vec` panics on capacity overflow.
    /// [`try_zeros`](Self::try_zeros) returns these as errors.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let a = Array::<f64, _>::zeros([2, 3]);
    /// assert_eq!(a.shape(), &[2, 3]);
    /// assert!(a.iter().all(|&x| x == 0.0));
    /// ```
    pub fn zeros<Sh: IntoDimension<Dim = D>>(shape: Sh) -> Self {
        Self::try_zeros(shape).unwrap_or_else(|e| panic!("{e}"))
    }

    /// Like [`zeros`](Self::zeros), with an error where `zeros` panics.
    ///
    /// # Errors
    /// NumPy's: more than 64 axes, `array is too big; …`, `Unable to allocate …`.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// assert_eq!(Array::<u8, _>::try_zeros([2, 2]).unwrap().to_vec(), vec![0; 4]);
    /// let e = Array::<f64, _>::try_zeros([1usize << 61]).unwrap_err();
    /// assert!(e.to_string().starts_with("array is too big"));
    /// ```
    pub fn try_zeros<Sh: IntoDimension<Dim = D>>(shape: Sh) -> Result<Self> {
        let dim = shape.into_dimension()?;
        let o = zeroed_buffer(dim.as_ref())?;
        Ok(Self::from_owned(o, dim, Order::C))
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
        Self::try_full(shape, value).unwrap_or_else(|e| panic!("{e}"))
    }

    /// Like [`full`](Self::full), with an error where `full` panics.
    ///
    /// # Errors
    /// As [`try_zeros`](Self::try_zeros).
    pub fn try_full<Sh: IntoDimension<Dim = D>>(shape: Sh, value: S::Elem) -> Result<Self> {
        let dim = shape.into_dimension()?;
        // SAFETY: every element is written by `fill` below before the array is returned.
        let o = unsafe { uninit_buffer(dim.as_ref()) }?;
        let p = o.as_nonnull().as_ptr();
        // SAFETY: `o` holds `o.len()` element slots; writing all of them initializes it.
        unsafe { std::slice::from_raw_parts_mut(p, o.len()) }.fill(value);
        Ok(Self::from_owned(o, dim, Order::C))
    }

    /// An array of `shape` with every element unspecified: the caller fills it.
    ///
    /// # Safety
    /// Every element must be written before any is read.
    ///
    /// # Panics
    /// As [`zeros`](Self::zeros).
    pub unsafe fn uninit<Sh: IntoDimension<Dim = D>>(shape: Sh) -> Self {
        // SAFETY: forwarded to the caller.
        unsafe { Self::try_uninit(shape) }.unwrap_or_else(|e| panic!("{e}"))
    }

    /// Like [`uninit`](Self::uninit), with an error where `uninit` panics.
    ///
    /// # Safety
    /// Every element must be written before any is read.
    ///
    /// # Errors
    /// As [`try_zeros`](Self::try_zeros).
    pub unsafe fn try_uninit<Sh: IntoDimension<Dim = D>>(shape: Sh) -> Result<Self> {
        let dim = shape.into_dimension()?;
        // SAFETY: forwarded to the caller.
        let o = unsafe { uninit_buffer(dim.as_ref()) }?;
        Ok(Self::from_owned(o, dim, Order::C))
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
        let dim = shape.into_dimension().unwrap_or_else(|e| panic!("{e}"));
        let n = layout::checked_size(dim.as_ref(), std::mem::size_of::<S::Elem>())
            .unwrap_or_else(|e| panic!("{e}"))
            .0;
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
        let dim = shape.into_dimension()?;
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

/// NumPy's `MemoryError` for an array of `shape` of `T` the allocator refused.
pub(crate) fn alloc_error<T: Element>(shape: &[usize]) -> Error {
    Error::Alloc {
        shape: shape.to_vec(),
        dtype: T::dtype().to_string(),
        itemsize: std::mem::size_of::<T>(),
    }
}

/// A zeroed buffer for an array of `shape`, or NumPy's error (`array is too big; …` when
/// its bytes overflow `isize`, `Unable to allocate …` when the allocator refuses).
pub(crate) fn zeroed_buffer<T: Element>(shape: &[usize]) -> Result<OwnedRepr<T>> {
    let (n, _) = layout::checked_size(shape, std::mem::size_of::<T>())?;
    OwnedRepr::zeroed(n).ok_or_else(|| alloc_error::<T>(shape))
}

/// Like [`zeroed_buffer`], with contents unspecified.
///
/// # Safety
/// Every element must be written before it is read.
pub(crate) unsafe fn uninit_buffer<T: Element>(shape: &[usize]) -> Result<OwnedRepr<T>> {
    let (n, _) = layout::checked_size(shape, std::mem::size_of::<T>())?;
    // SAFETY: forwarded to the caller.
    unsafe { OwnedRepr::uninit(n) }.ok_or_else(|| alloc_error::<T>(shape))
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
        Self::from_owned(OwnedRepr::from_vec(v), Ix1::from([n]), Order::C)
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
    /// The number of values in `[start, stop)` by `step`, by NumPy's length rule, or
    /// NumPy's error (a zero step, a length that is not a number or past `isize::MAX`).
    fn arange_len(start: Self, stop: Self, step: Self) -> Result<usize>;
    /// Fills `out` with `start + i * step` as NumPy computes it.
    fn arange_fill(start: Self, step: Self, out: &mut [Self]);
    /// Zero.
    fn zero() -> Self;
    /// One.
    fn one() -> Self;
}

fn too_long() -> Error {
    Error::Value("Maximum allowed size exceeded".into())
}

macro_rules! arange_int {
    ($($t:ty),*) => {$(
        impl ArangeElem for $t {
            fn arange_len(start: $t, stop: $t, step: $t) -> Result<usize> {
                if step == 0 {
                    // NumPy's ZeroDivisionError.
                    return Err(Error::Value("division by zero".into()));
                }
                let (start, stop, step) = (start as i128, stop as i128, step as i128);
                let n = (stop - start + step - step.signum()) / step;
                let n = usize::try_from(n.max(0)).map_err(|_| too_long())?;
                if n > isize::MAX as usize {
                    return Err(too_long());
                }
                Ok(n)
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
                if step == 0.0 {
                    // NumPy's ZeroDivisionError.
                    return Err(Error::Value("float division by zero".into()));
                }
                let delta = stop - start;
                let len = delta / step;
                if len.is_nan() {
                    return Err(Error::Value("arange: cannot compute length".into()));
                }
                // NumPy: a zero quotient of a nonzero delta still gives one value when the
                // quotient is +0.
                let n = if len == 0.0 && delta != 0.0 {
                    if len.is_sign_negative() { 0.0 } else { 1.0 }
                } else {
                    len.ceil()
                };
                // NumPy converts the length to intp first: past its range either way
                // (infinities included) is too long, even a negative one.
                if !(n > -(isize::MAX as $t) && n < isize::MAX as $t) {
                    return Err(too_long());
                }
                Ok(if n <= 0.0 { 0 } else { n as usize })
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

/// What `arange(stop)` counts in: `i64` (so `arange(9)` is int64, NumPy's default
/// integer), `f64` and `f32`. Other element types go through [`arange_with`]
/// (`arange_with(0u8, 9, 1)`, NumPy's `np.arange(9, dtype=np.uint8)`).
#[diagnostic::on_unimplemented(
    message = "`arange({Self})` is not supported: `arange` counts in i64, f64 or f32",
    note = "for another element type write `arange_with(0, stop, 1)` with a typed bound (`arange_with(0u8, 9, 1)`), or `arange(n as i64)` for a length"
)]
pub trait ArangeStop: ArangeElem {}
impl ArangeStop for i64 {}
impl ArangeStop for f64 {}
impl ArangeStop for f32 {}

/// `0, 1, …, stop-1`: NumPy's `np.arange(stop)`; the element type is `stop`'s, and an
/// integer literal is `i64` as in NumPy.
///
/// # Panics
/// Where NumPy raises: `stop` NaN or infinite, or a range too large for memory
/// ([`arange_with`] returns these as errors).
///
/// ```
/// use ndcore::prelude::*;
/// let a = arange(5);
/// assert_eq!(a.to_vec(), vec![0i64, 1, 2, 3, 4]);
/// assert_eq!(arange(2.5).to_vec(), vec![0.0f64, 1.0, 2.0]);
/// assert_eq!(arange(-3).len(), 0);
/// ```
pub fn arange<T: ArangeStop>(stop: T) -> Array1<T> {
    arange_with(T::zero(), stop, T::one()).unwrap_or_else(|e| panic!("{e}"))
}

/// `start, start+step, …` up to but excluding `stop`: NumPy's `np.arange(start, stop, step)`
/// with its length rule, `ceil((stop - start) / step)`.
///
/// # Errors
/// NumPy's: a zero `step` (`division by zero`), a NaN length (`arange: cannot compute
/// length`), a length past `isize::MAX` (`Maximum allowed size exceeded`), more bytes than
/// `isize::MAX` (`array is too big; …`), or memory the allocator refuses.
///
/// ```
/// use ndcore::prelude::*;
/// assert_eq!(arange_with(0, 10, 2).unwrap().to_vec(), vec![0, 2, 4, 6, 8]);
/// assert_eq!(arange_with(5, 1, -1).unwrap().to_vec(), vec![5, 4, 3, 2]);
/// assert_eq!(arange_with(0.0, 1.0, 0.25).unwrap().to_vec(), vec![0.0, 0.25, 0.5, 0.75]);
/// assert_eq!(arange_with(0, 1, 0).unwrap_err().to_string(), "division by zero");
/// ```
pub fn arange_with<T: ArangeElem>(start: T, stop: T, step: T) -> Result<Array1<T>> {
    let n = T::arange_len(start, stop, step)?;
    // Through `try_zeros` (not a `Vec`) so that large ranges come from the buffer pool and
    // get huge pages, as every other large array does.
    let mut a = Array1::<T>::try_zeros(n)?;
    match a.as_slice_mut() {
        Some(v) => T::arange_fill(start, step, v),
        None => unreachable!("a fresh 1-d array is contiguous"),
    }
    Ok(a)
}

/// Element types `linspace` starts from, and the float type of the values it gives:
/// integers give `f64` (NumPy's default), floats keep their type.
pub trait LinspaceElem: Element {
    /// The type of the values.
    type Out: Element + num_traits::Float;
    /// The bound as that type.
    fn to_out(self) -> Self::Out;
}

macro_rules! linspace_elem {
    ($($t:ty => $o:ty),*) => {$(
        impl LinspaceElem for $t {
            type Out = $o;
            #[inline]
            fn to_out(self) -> $o {
                self as $o
            }
        }
    )*};
}
linspace_elem!(
    i8 => f64, i16 => f64, i32 => f64, i64 => f64, u8 => f64, u16 => f64, u32 => f64,
    u64 => f64, f32 => f32, f64 => f64
);

/// `num` evenly spaced values from `start` to `stop`, both included (NumPy's
/// `np.linspace(start, stop, num)`); integer bounds give `f64`, as in NumPy.
/// [`linspace_with`] takes NumPy's `endpoint` argument.
///
/// ```
/// use ndcore::prelude::*;
/// assert_eq!(linspace(0.0, 1.0, 5).to_vec(), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
/// assert_eq!(linspace(0, 10, 3).to_vec(), vec![0.0, 5.0, 10.0]);
/// ```
pub fn linspace<T: LinspaceElem>(start: T, stop: T, num: usize) -> Array1<T::Out> {
    linspace_with(start, stop, num, true)
}

/// `num` evenly spaced values from `start` to `stop`, `stop` included when `endpoint`
/// (NumPy's `np.linspace(start, stop, num, endpoint)`), computed as NumPy does it.
///
/// ```
/// use ndcore::prelude::*;
/// assert_eq!(linspace_with(0.0, 1.0, 5, true).to_vec(), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
/// assert_eq!(linspace_with(0.0, 1.0, 4, false).to_vec(), vec![0.0, 0.25, 0.5, 0.75]);
/// ```
pub fn linspace_with<T: LinspaceElem>(
    start: T,
    stop: T,
    num: usize,
    endpoint: bool,
) -> Array1<T::Out> {
    use num_traits::Float;
    let (start, stop) = (start.to_out(), stop.to_out());
    let div = if endpoint { num.saturating_sub(1) } else { num };
    let delta = stop - start;
    let mut v: Vec<T::Out> = (0..num)
        .map(|i| <T::Out as num_traits::NumCast>::from(i).unwrap_or_else(T::Out::nan))
        .collect();
    let divf = <T::Out as num_traits::NumCast>::from(div).unwrap_or_else(T::Out::nan);
    if div > 0 {
        let step = delta / divf;
        if step == <T::Out as num_traits::Zero>::zero() {
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
