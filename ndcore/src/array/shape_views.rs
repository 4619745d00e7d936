//! NumPy's everyday shape views: `flip`, `fliplr`/`flipud`, `moveaxis`, `swapaxes`,
//! `squeeze(axis=)`, `atleast_1d/2d/3d`, and `.item()`. None of them copies.

use super::views::check_axis;
use super::{ArrayRef, ArrayView, ArrayViewMut};
use crate::dimension::{Axis, DimMax, Dimension, Ix1, Ix2, Ix3, IxDyn};
use crate::error::{Error, Result};

/// A NumPy axis argument (negative counts from the end) checked against `ndim`.
fn normalize_axis(axis: isize, ndim: usize) -> Result<usize> {
    let a = if axis < 0 {
        axis.checked_add(ndim as isize)
    } else {
        Some(axis)
    };
    match a {
        Some(a) if a >= 0 && (a as usize) < ndim => Ok(a as usize),
        _ => Err(Error::AxisOutOfBounds { axis, ndim }),
    }
}

/// One axis or several, as NumPy's `moveaxis`, `flip` and `squeeze` take them: `0`, `-1`,
/// `[0, 1]`, `&[2, -1][..]`, `vec![…]`; negative axes count from the end.
///
/// ```
/// use ndcore::AxisList;
/// assert_eq!((-1).axes(), vec![-1]);
/// assert_eq!([0, 2].axes(), vec![0, 2]);
/// ```
pub trait AxisList {
    /// The axes, as given (negative ones count from the end).
    fn axes(&self) -> Vec<isize>;
}

macro_rules! axis_list {
    ($($t:ty),*) => {$(
        impl AxisList for $t {
            fn axes(&self) -> Vec<isize> {
                vec![*self as isize]
            }
        }
        impl<const N: usize> AxisList for [$t; N] {
            fn axes(&self) -> Vec<isize> {
                self.iter().map(|&a| a as isize).collect()
            }
        }
        impl AxisList for &[$t] {
            fn axes(&self) -> Vec<isize> {
                self.iter().map(|&a| a as isize).collect()
            }
        }
        impl AxisList for Vec<$t> {
            fn axes(&self) -> Vec<isize> {
                self.iter().map(|&a| a as isize).collect()
            }
        }
    )*};
}
axis_list!(isize, i32, i64);

impl AxisList for usize {
    fn axes(&self) -> Vec<isize> {
        vec![isize::try_from(*self).unwrap_or(isize::MAX)]
    }
}

/// Normalizes a `moveaxis` argument: NumPy's messages, prefixed with the argument's name.
fn normalize_axes(axes: &[isize], ndim: usize, what: &str) -> Result<Vec<usize>> {
    let mut out = Vec::with_capacity(axes.len());
    for &a in axes {
        let n = normalize_axis(a, ndim).map_err(|e| Error::Value(format!("{what}: {e}")))?;
        if out.contains(&n) {
            return Err(Error::Value(format!("repeated axis in `{what}` argument")));
        }
        out.push(n);
    }
    Ok(out)
}

/// Normalizes an axis tuple (NumPy's `normalize_axis_tuple`): out of bounds is an
/// `AxisError`, a repeat is `repeated`.
fn unique_axes(axes: &[isize], ndim: usize, repeated: &str) -> Result<Vec<usize>> {
    let mut out = Vec::with_capacity(axes.len());
    for &a in axes {
        let n = normalize_axis(a, ndim)?;
        if out.contains(&n) {
            return Err(Error::Value(repeated.into()));
        }
        out.push(n);
    }
    Ok(out)
}

impl<T, D: Dimension> ArrayRef<T, D> {
    /// A view with the order of elements along `axis` reversed (NumPy's `np.flip(a, axis)`,
    /// `a[..., ::-1, ...]`): a negative stride, no copy.
    ///
    /// # Errors
    /// If the axis is out of bounds (`axis 2 is out of bounds for array of dimension 2`).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let x = arange(6i64).into_shape([2, 3])?;
    /// let f = x.flip(Axis(1))?;
    /// assert_eq!(f.to_vec(), vec![2, 1, 0, 5, 4, 3]);
    /// assert_eq!(f.strides(), &[24, -8]);
    /// assert!(x.flip(Axis(2)).is_err());
    /// # Ok::<(), ndcore::Error>(())
    /// ```
    pub fn flip(&self, axis: Axis) -> Result<ArrayView<'_, T, D>> {
        let mut v = self.view();
        v.invert_axis(axis)?;
        Ok(v)
    }

    /// Like [`flip`](Self::flip), writable: writes through it land in `self`.
    ///
    /// # Errors
    /// As `flip`.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let mut x = arange(3i64);
    /// x.flip_mut(Axis(0))?[[0]] = 9;
    /// assert_eq!(x.to_vec(), vec![0, 1, 9]);
    /// # Ok::<(), ndcore::Error>(())
    /// ```
    pub fn flip_mut(&mut self, axis: Axis) -> Result<ArrayViewMut<'_, T, D>> {
        let mut v = self.view_mut();
        v.invert_axis(axis)?;
        Ok(v)
    }

    /// A view with every axis reversed (NumPy's `np.flip(a)`, axis `None`); a 0-d array
    /// is its own flip.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let x = arange(6i64).into_shape([2, 3])?;
    /// assert_eq!(x.flip_all().to_vec(), vec![5, 4, 3, 2, 1, 0]);
    /// # Ok::<(), ndcore::Error>(())
    /// ```
    pub fn flip_all(&self) -> ArrayView<'_, T, D> {
        let mut v = self.view();
        for ax in 0..self.ndim() {
            v.invert_axis(Axis(ax))
                .unwrap_or_else(|_| unreachable!("every axis below ndim exists"));
        }
        v
    }

    /// A view with the order reversed along each of `axes` (NumPy's `np.flip(a, axis=(…))`;
    /// negative axes count from the end).
    ///
    /// # Errors
    /// An axis out of bounds; an axis named twice (`repeated axis`).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let x = arange(6i64).into_shape([2, 3])?;
    /// assert_eq!(x.flip_axes([0, -1])?.to_vec(), vec![5, 4, 3, 2, 1, 0]);
    /// assert!(x.flip_axes([1, 1]).is_err());
    /// # Ok::<(), ndcore::Error>(())
    /// ```
    pub fn flip_axes(&self, axes: impl AxisList) -> Result<ArrayView<'_, T, D>> {
        let axes = unique_axes(&axes.axes(), self.ndim(), "repeated axis")?;
        let mut v = self.view();
        for ax in axes {
            v.invert_axis(Axis(ax))?;
        }
        Ok(v)
    }

    /// A view without `axes`, each of length 1 (NumPy's `np.squeeze(a, axis=(…))`; negative
    /// axes count from the end). The rank depends on how many axes are given: `IxDyn`.
    ///
    /// # Errors
    /// An axis out of bounds or named twice (`duplicate value in 'axis'`), or of a length
    /// other than 1 (`cannot select an axis to squeeze out which has size not equal to one`).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let x = Array::<f64, _>::zeros([2, 1, 3, 1]);
    /// assert_eq!(x.squeeze_axes([1, -1])?.shape(), &[2, 3]);
    /// assert!(x.squeeze_axes([0]).is_err());
    /// # Ok::<(), ndcore::Error>(())
    /// ```
    pub fn squeeze_axes(&self, axes: impl AxisList) -> Result<ArrayView<'_, T, IxDyn>> {
        let axes = unique_axes(&axes.axes(), self.ndim(), "duplicate value in 'axis'")?;
        if axes.iter().any(|&a| self.shape()[a] != 1) {
            return Err(Error::Value(
                "cannot select an axis to squeeze out which has size not equal to one".into(),
            ));
        }
        let (shape, strides): (Vec<usize>, Vec<isize>) = (0..self.ndim())
            .filter(|a| !axes.contains(a))
            .map(|a| (self.shape()[a], self.strides()[a]))
            .unzip();
        // SAFETY: the same elements as self; removing length-1 axes moves nothing.
        unsafe { self.view_from(0, &shape, &strides) }
    }

    /// A view with the columns (axis 1) in reverse order (NumPy's `np.fliplr`).
    ///
    /// # Errors
    /// For fewer than 2 axes: `Input must be >= 2-d.`
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let x = arange(4i64).into_shape([2, 2])?;
    /// assert_eq!(x.fliplr()?.to_vec(), vec![1, 0, 3, 2]);
    /// assert_eq!(arange(3i64).fliplr().unwrap_err().to_string(), "Input must be >= 2-d.");
    /// # Ok::<(), ndcore::Error>(())
    /// ```
    pub fn fliplr(&self) -> Result<ArrayView<'_, T, D>> {
        if self.ndim() < 2 {
            return Err(Error::Value("Input must be >= 2-d.".into()));
        }
        self.flip(Axis(1))
    }

    /// A view with the rows (axis 0) in reverse order (NumPy's `np.flipud`).
    ///
    /// # Errors
    /// For a 0-d array: `Input must be >= 1-d.`
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let x = arange(4i64).into_shape([2, 2])?;
    /// assert_eq!(x.flipud()?.to_vec(), vec![2, 3, 0, 1]);
    /// # Ok::<(), ndcore::Error>(())
    /// ```
    pub fn flipud(&self) -> Result<ArrayView<'_, T, D>> {
        if self.ndim() < 1 {
            return Err(Error::Value("Input must be >= 1-d.".into()));
        }
        self.flip(Axis(0))
    }

    /// A view with axes moved from `source` to `destination`, the other axes keeping
    /// their order (NumPy's `np.moveaxis`): one axis (`0`, `-1`) or lists of them
    /// (`[0, 1]`, `&[-1, -2]`).
    ///
    /// # Errors
    /// NumPy's: `source: axis 3 is out of bounds for array of dimension 2` (and
    /// `destination: …`), ``repeated axis in `source` argument``, ``source`` and
    /// ``destination`` of different lengths.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let x = Array::<f64, _>::zeros([2, 3, 4]);
    /// let m = x.moveaxis(0, -1)?;
    /// assert_eq!((m.shape(), m.strides()), (&[3, 4, 2][..], &[32, 8, 96][..]));
    /// assert_eq!(x.moveaxis([0, 1], [-1, -2])?.shape(), &[4, 3, 2]);
    /// assert!(x.moveaxis(3, 0).is_err());
    /// # Ok::<(), ndcore::Error>(())
    /// ```
    pub fn moveaxis(
        &self,
        source: impl AxisList,
        destination: impl AxisList,
    ) -> Result<ArrayView<'_, T, D>> {
        let n = self.ndim();
        let src = normalize_axes(&source.axes(), n, "source")?;
        let dst = normalize_axes(&destination.axes(), n, "destination")?;
        if src.len() != dst.len() {
            return Err(Error::Value(
                "`source` and `destination` arguments must have the same number of elements".into(),
            ));
        }
        let mut order: Vec<usize> = (0..n).filter(|a| !src.contains(a)).collect();
        let mut moves: Vec<(usize, usize)> = dst.into_iter().zip(src).collect();
        moves.sort_unstable();
        for (d, s) in moves {
            order.insert(d, s);
        }
        self.permuted_axes(&order)
    }

    /// A view with axes `axis1` and `axis2` exchanged (NumPy's `np.swapaxes`; negative
    /// axes count from the end). [`swapped_axes`](Self::swapped_axes) takes `usize`s.
    ///
    /// # Errors
    /// NumPy's: `axis2: axis 2 is out of bounds for array of dimension 2`.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let x = arange(6i64).into_shape([2, 3])?;
    /// let s = x.swapaxes(0, -1)?;
    /// assert_eq!((s.shape(), s.strides()), (&[3, 2][..], &[8, 24][..]));
    /// # Ok::<(), ndcore::Error>(())
    /// ```
    pub fn swapaxes(&self, axis1: isize, axis2: isize) -> Result<ArrayView<'_, T, D>> {
        let n = self.ndim();
        let a = normalize_axis(axis1, n).map_err(|e| Error::Value(format!("axis1: {e}")))?;
        let b = normalize_axis(axis2, n).map_err(|e| Error::Value(format!("axis2: {e}")))?;
        self.swapped_axes(a, b)
    }

    /// A view without `axis`, which must have length 1 (NumPy's `np.squeeze(a, axis)`);
    /// the rank is known at compile time, unlike [`squeeze`](Self::squeeze)'s.
    ///
    /// # Errors
    /// An axis out of bounds, or one whose length is not 1: `cannot select an axis to
    /// squeeze out which has size not equal to one`.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let x = Array::<f64, _>::zeros([2, 1, 3]);
    /// let s: ArrayView2<f64> = x.squeeze_axis(Axis(1))?;
    /// assert_eq!(s.shape(), &[2, 3]);
    /// assert!(x.squeeze_axis(Axis(0)).is_err());
    /// # Ok::<(), ndcore::Error>(())
    /// ```
    pub fn squeeze_axis(&self, axis: Axis) -> Result<ArrayView<'_, T, D::Smaller>> {
        check_axis(axis.0, self.ndim())?;
        if self.shape()[axis.0] != 1 {
            return Err(Error::Value(
                "cannot select an axis to squeeze out which has size not equal to one".into(),
            ));
        }
        self.index_axis(axis, 0)
    }

    /// The one element of a 0-d or size-1 array (NumPy's `a.item()`).
    ///
    /// # Errors
    /// For any other size: `can only convert an array of size 1 to a Python scalar`.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// assert_eq!(Array0::full([], 2.5).item()?, 2.5);
    /// assert_eq!(arange(6i64).into_shape([1, 1, 6])?.slice(s![.., .., 4]).item()?, 4);
    /// assert!(arange(2i64).item().is_err());
    /// # Ok::<(), ndcore::Error>(())
    /// ```
    pub fn item(&self) -> Result<T>
    where
        T: Copy,
    {
        if self.size() != 1 {
            return Err(Error::Value(
                "can only convert an array of size 1 to a Python scalar".into(),
            ));
        }
        self.iter()
            .next()
            .copied()
            .ok_or_else(|| unreachable!("an array of size 1 has an element"))
    }

    /// The element at flat (C-order) position `index` (NumPy's `a.item(index)`); negative
    /// counts from the end. For a multi-index use [`get`](Self::get) or `try_get`.
    ///
    /// # Errors
    /// An index outside the size: `index 10 is out of bounds for size 6`.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let x = arange(6i64).into_shape([2, 3])?;
    /// assert_eq!(x.t().item_at(1)?, 3);
    /// assert_eq!(x.item_at(-1)?, 5);
    /// assert_eq!(x.item_at(10).unwrap_err().to_string(), "index 10 is out of bounds for size 6");
    /// # Ok::<(), ndcore::Error>(())
    /// ```
    pub fn item_at(&self, index: isize) -> Result<T>
    where
        T: Copy,
    {
        let size = self.size();
        let flat = if index < 0 {
            index.checked_add(size as isize)
        } else {
            Some(index)
        };
        let mut flat = match flat {
            Some(i) if i >= 0 && (i as usize) < size => i as usize,
            _ => {
                return Err(Error::Value(format!(
                    "index {index} is out of bounds for size {size}"
                )));
            }
        };
        let mut idx = vec![0usize; self.ndim()];
        for (ax, &n) in self.shape().iter().enumerate().rev() {
            idx[ax] = flat % n;
            flat /= n;
        }
        self.try_get(idx.as_slice()).copied()
    }

    /// The array as a view of at least one axis (NumPy's `np.atleast_1d`): a 0-d array
    /// becomes shape `(1,)`; others are viewed as they are.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let a = Array0::full([], 7i64);
    /// assert_eq!(a.atleast_1d().to_vec(), vec![7]);
    /// ```
    pub fn atleast_1d(&self) -> ArrayView<'_, T, <D as DimMax<Ix1>>::Output>
    where
        D: DimMax<Ix1>,
    {
        let item = std::mem::size_of::<T>() as isize;
        match self.ndim() {
            0 => self.new_axes_view(&[1], &[item]),
            _ => self.new_axes_view(self.shape(), self.strides()),
        }
    }

    /// The array as a view of at least two axes (NumPy's `np.atleast_2d`): `(n,)` becomes
    /// `(1, n)` (the new axis with stride 0, as NumPy's `a[np.newaxis, :]`), 0-d `(1, 1)`.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let v = arange(3i64);
    /// let m: ArrayView2<i64> = v.atleast_2d();
    /// assert_eq!((m.shape(), m.strides()), (&[1, 3][..], &[0, 8][..]));
    /// ```
    pub fn atleast_2d(&self) -> ArrayView<'_, T, <D as DimMax<Ix2>>::Output>
    where
        D: DimMax<Ix2>,
    {
        let item = std::mem::size_of::<T>() as isize;
        match self.ndim() {
            0 => self.new_axes_view(&[1, 1], &[item, item]),
            1 => self.new_axes_view(&[1, self.shape()[0]], &[0, self.strides()[0]]),
            _ => self.new_axes_view(self.shape(), self.strides()),
        }
    }

    /// The array as a view of at least three axes (NumPy's `np.atleast_3d`): `(n,)`
    /// becomes `(1, n, 1)`, `(m, n)` becomes `(m, n, 1)`, 0-d `(1, 1, 1)`.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let x = arange(6i64).into_shape([2, 3])?;
    /// let y: ArrayView3<i64> = x.atleast_3d();
    /// assert_eq!((y.shape(), y.strides()), (&[2, 3, 1][..], &[24, 8, 0][..]));
    /// # Ok::<(), ndcore::Error>(())
    /// ```
    pub fn atleast_3d(&self) -> ArrayView<'_, T, <D as DimMax<Ix3>>::Output>
    where
        D: DimMax<Ix3>,
    {
        let item = std::mem::size_of::<T>() as isize;
        let (sh, st) = (self.shape(), self.strides());
        match self.ndim() {
            0 => self.new_axes_view(&[1, 1, 1], &[item, item, item]),
            1 => self.new_axes_view(&[1, sh[0], 1], &[0, st[0], 0]),
            2 => self.new_axes_view(&[sh[0], sh[1], 1], &[st[0], st[1], 0]),
            _ => self.new_axes_view(sh, st),
        }
    }

    /// A view of `self` with axes of length 1 added (any strides on them).
    fn new_axes_view<E: Dimension>(
        &self,
        shape: &[usize],
        strides: &[isize],
    ) -> ArrayView<'_, T, E> {
        // SAFETY: `shape`/`strides` are self's with axes of length 1 inserted, which reach
        // no element beyond self's.
        unsafe { self.view_from(0, shape, strides) }
            .unwrap_or_else(|_| unreachable!("the rank is at least max(ndim, k) by DimMax"))
    }
}
