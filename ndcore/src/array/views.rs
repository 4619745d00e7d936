//! Views that never copy: transposes, reshapes, broadcasts, axis surgery, reinterpretation.

use super::view_layout::{broadcast_strides, reshape_strides, view_as_layout};
use super::{ArrayBase, ArrayRef, ArrayView, ArrayViewMut};
use crate::dimension::{Axis, Dimension, IntoDimension, IntoStrides, IxDyn};
use crate::element::Element;
use crate::error::{Error, Result};
use crate::layout;
use crate::storage::ViewRepr;

/// The view's shape and strides as the rank `E`, built from slices.
#[inline]
fn dims<E: Dimension>(shape: &[usize], strides: &[isize]) -> Result<(E, E::Strides)> {
    Ok((E::from_slice(shape)?, E::strides_from_slice(strides)?))
}

pub(crate) fn check_axis(axis: usize, ndim: usize) -> Result<()> {
    if axis < ndim {
        Ok(())
    } else {
        Err(Error::AxisOutOfBounds {
            axis: isize::try_from(axis).unwrap_or(isize::MAX),
            ndim,
        })
    }
}

impl<T, D: Dimension> ArrayRef<T, D> {
    /// A read-only view of the whole array.
    pub fn view(&self) -> ArrayView<'_, T, D> {
        // SAFETY: the same layout as self.
        unsafe { self.view_with(0, self.parts.dim.clone(), self.parts.strides.clone()) }
    }

    /// A writable view of the whole array.
    pub fn view_mut(&mut self) -> ArrayViewMut<'_, T, D> {
        let (d, s) = (self.parts.dim.clone(), self.parts.strides.clone());
        // SAFETY: the same layout as self, which does not overlap (writable arrays never do).
        unsafe { self.view_mut_with(0, d, s) }
    }

    /// A view with a new layout built from slices, checked to stay among self's elements
    /// by the caller's construction.
    ///
    /// # Safety
    /// Every element of the new layout must be (part of) an element of self.
    #[inline]
    pub(crate) unsafe fn view_from<E: Dimension>(
        &self,
        offset: isize,
        shape: &[usize],
        strides: &[isize],
    ) -> Result<ArrayView<'_, T, E>> {
        let (d, s) = dims::<E>(shape, strides)?;
        // SAFETY: forwarded to the caller.
        Ok(unsafe { self.view_with(offset, d, s) })
    }

    /// Like `view_from`, writable.
    ///
    /// # Safety
    /// As `view_from`, and no two indices of the new layout may share an element.
    pub(crate) unsafe fn view_mut_from<E: Dimension>(
        &mut self,
        offset: isize,
        shape: &[usize],
        strides: &[isize],
    ) -> Result<ArrayViewMut<'_, T, E>> {
        let (d, s) = dims::<E>(shape, strides)?;
        // SAFETY: forwarded to the caller.
        Ok(unsafe { self.view_mut_with(offset, d, s) })
    }

    /// The transpose: axes reversed, no copy (NumPy's `a.T`).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let x = arange(9i64).into_shape([3, 3]).unwrap();
    /// assert_eq!(x.t().strides(), &[8, 24]);
    /// assert_eq!(x.t()[[0, 1]], 3);
    /// ```
    pub fn t(&self) -> ArrayView<'_, T, D> {
        let mut v = self.view();
        v.parts.dim.as_mut().reverse();
        v.parts.strides.as_mut().reverse();
        v
    }

    /// The axes in the order `axes` gives (NumPy's `a.transpose(axes)`), no copy.
    ///
    /// # Errors
    /// If `axes` is not a permutation of `0..ndim`.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let a = Array::<u8, _>::zeros([2, 3, 4]);
    /// assert_eq!(a.permuted_axes(&[2, 0, 1]).unwrap().shape(), &[4, 2, 3]);
    /// assert!(a.permuted_axes(&[0, 0, 1]).is_err());
    /// ```
    pub fn permuted_axes(&self, axes: &[usize]) -> Result<ArrayView<'_, T, D>> {
        let n = self.ndim();
        let mut seen = vec![false; n];
        if axes.len() != n {
            return Err(Error::Value("axes don't match array".into()));
        }
        for &a in axes {
            check_axis(a, n)?;
            if std::mem::replace(&mut seen[a], true) {
                return Err(Error::Value("repeated axis in transpose".into()));
            }
        }
        let mut v = self.view();
        for (i, &a) in axes.iter().enumerate() {
            v.parts.dim.as_mut()[i] = self.shape()[a];
            v.parts.strides.as_mut()[i] = self.strides()[a];
        }
        Ok(v)
    }

    /// A view with axes `a` and `b` exchanged (NumPy's `np.swapaxes`).
    ///
    /// # Errors
    /// If either axis is out of bounds.
    pub fn swapped_axes(&self, a: usize, b: usize) -> Result<ArrayView<'_, T, D>> {
        check_axis(a, self.ndim())?;
        check_axis(b, self.ndim())?;
        let mut v = self.view();
        v.parts.dim.as_mut().swap(a, b);
        v.parts.strides.as_mut().swap(a, b);
        Ok(v)
    }

    /// The same elements with a new shape, as a view (NumPy's `a.reshape(shape)` when it
    /// does not copy). C order. With the prelude's [`Reshape`](crate::Reshape), an owned
    /// array's `reshape` consumes it instead (so temporaries can be reshaped and kept);
    /// views and references come here.
    ///
    /// # Errors
    /// If the sizes differ (`cannot reshape array of size 9 into shape (4,2)`), or the
    /// layout needs a copy for this shape; `to_shape` copies in that case.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let x = arange(9i64).into_shape([3, 3]).unwrap();
    /// let z = x.view().reshape([1, 9]).unwrap();
    /// assert_eq!(z.strides(), &[72, 8]);
    /// assert!(x.t().reshape(9).is_err());
    /// ```
    pub fn reshape<Sh: IntoDimension>(&self, shape: Sh) -> Result<ArrayView<'_, T, Sh::Dim>> {
        let dim = shape.into_dimension()?;
        let strides =
            reshape_strides::<Sh::Dim>(self.shape(), self.strides(), &dim, self.itemsize())?;
        // SAFETY: a no-copy reshape reaches exactly the elements of self.
        Ok(unsafe { self.view_with(0, dim, strides) })
    }

    /// Like [`reshape`](Self::reshape), writable.
    ///
    /// # Errors
    /// As `reshape`.
    pub fn reshape_mut<Sh: IntoDimension>(
        &mut self,
        shape: Sh,
    ) -> Result<ArrayViewMut<'_, T, Sh::Dim>> {
        let dim = shape.into_dimension()?;
        let strides =
            reshape_strides::<Sh::Dim>(self.shape(), self.strides(), &dim, self.itemsize())?;
        // SAFETY: a no-copy reshape reaches exactly the elements of self, one index each.
        Ok(unsafe { self.view_mut_with(0, dim, strides) })
    }

    /// A view whose axes of length 1 are removed (NumPy's `np.squeeze`).
    pub fn squeeze(&self) -> ArrayView<'_, T, IxDyn> {
        let (shape, strides): (Vec<usize>, Vec<isize>) = self
            .shape()
            .iter()
            .zip(self.strides())
            .filter(|(n, _)| **n != 1)
            .map(|(&n, &s)| (n, s))
            .unzip();
        // SAFETY: the same elements as self; removing length-1 axes moves nothing.
        unsafe { self.view_from(0, &shape, &strides) }
            .unwrap_or_else(|_| unreachable!("squeezing never adds axes"))
    }

    /// A view with a new axis of length 1 at `axis` (NumPy's `np.expand_dims`).
    ///
    /// # Errors
    /// If `axis > ndim`.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let v = arange(3i64);
    /// assert_eq!(v.expand_dims(Axis(1)).unwrap().shape(), &[3, 1]);
    /// ```
    pub fn expand_dims(&self, axis: Axis) -> Result<ArrayView<'_, T, D::Larger>> {
        check_axis(axis.0, self.ndim() + 1)?;
        let mut shape = self.shape().to_vec();
        let mut strides = self.strides().to_vec();
        shape.insert(axis.0, 1);
        strides.insert(axis.0, 0);
        // SAFETY: an axis of length 1 adds no elements.
        unsafe { self.view_from(0, &shape, &strides) }
    }

    /// A view that repeats the array along axes of length 1 and new leading axes, with
    /// stride 0 (NumPy's `np.broadcast_to`). Read-only, as in NumPy.
    ///
    /// # Errors
    /// If the shapes are incompatible (NumPy's message).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let v = arange(3i64);
    /// let b = v.broadcast_to([2, 3]).unwrap();
    /// assert_eq!(b.strides(), &[0, 8]);
    /// assert!(v.broadcast_to([4]).is_err());
    /// ```
    pub fn broadcast_to<Sh: IntoDimension>(&self, shape: Sh) -> Result<ArrayView<'_, T, Sh::Dim>> {
        let dim = shape.into_dimension()?;
        let strides =
            broadcast_strides::<Sh::Dim>(self.shape(), self.strides(), &dim, self.itemsize())?;
        // SAFETY: every index of the broadcast maps to an element of self.
        Ok(unsafe { self.view_with(0, dim, strides) })
    }

    /// The element at `index` along `axis` removed: a view of rank one less
    /// (NumPy's `a[:, i]` and friends).
    ///
    /// # Errors
    /// If the axis or index is out of bounds; negative indices count from the end.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let x = arange(6i64).into_shape([2, 3]).unwrap();
    /// assert_eq!(x.index_axis(Axis(1), -1).unwrap().to_vec(), vec![2, 5]);
    /// ```
    pub fn index_axis(&self, axis: Axis, index: isize) -> Result<ArrayView<'_, T, D::Smaller>> {
        let (offset, shape, strides) = self.index_axis_layout(axis, index)?;
        // SAFETY: a sub-array of self.
        unsafe { self.view_from(offset, &shape, &strides) }
    }

    /// Like [`index_axis`](Self::index_axis), writable.
    ///
    /// # Errors
    /// As `index_axis`.
    pub fn index_axis_mut(
        &mut self,
        axis: Axis,
        index: isize,
    ) -> Result<ArrayViewMut<'_, T, D::Smaller>> {
        let (offset, shape, strides) = self.index_axis_layout(axis, index)?;
        // SAFETY: a sub-array of self, one index per element.
        unsafe { self.view_mut_from(offset, &shape, &strides) }
    }

    fn index_axis_layout(
        &self,
        axis: Axis,
        index: isize,
    ) -> Result<(isize, Vec<usize>, Vec<isize>)> {
        check_axis(axis.0, self.ndim())?;
        let n = self.shape()[axis.0];
        let i = crate::slice::normalize_index(index, n, axis.0)?;
        // Wraps only for an empty array, whose offset is dropped (`offset_unless_empty`).
        let offset = (i as isize).wrapping_mul(self.strides()[axis.0]);
        let mut shape = self.shape().to_vec();
        let mut strides = self.strides().to_vec();
        shape.remove(axis.0);
        strides.remove(axis.0);
        Ok((offset, shape, strides))
    }

    /// Two views: indices `..index` and `index..` along `axis`.
    ///
    /// # Errors
    /// If the axis is out of bounds or `index > len`.
    pub fn split_at(
        &self,
        axis: Axis,
        index: usize,
    ) -> Result<(ArrayView<'_, T, D>, ArrayView<'_, T, D>)> {
        let (a, b, off) = self.split_layout(axis, index)?;
        // SAFETY: both halves are sub-arrays of self.
        unsafe { Ok((self.view_with(0, a.0, a.1), self.view_with(off, b.0, b.1))) }
    }

    /// Two writable views: indices `..index` and `index..` along `axis`.
    ///
    /// # Errors
    /// As `split_at`.
    pub fn split_at_mut(
        &mut self,
        axis: Axis,
        index: usize,
    ) -> Result<(ArrayViewMut<'_, T, D>, ArrayViewMut<'_, T, D>)> {
        let (a, b, off) = self.split_layout(axis, index)?;
        let ptr = self.parts.ptr;
        // SAFETY: the two halves are disjoint sub-arrays of self, each index one element;
        // they borrow self exclusively for their lifetime.
        unsafe {
            let first = ArrayBase::from_parts_unchecked(ViewRepr::new(), ptr, a.0, a.1);
            let p2 = std::ptr::NonNull::new_unchecked(ptr.as_ptr().cast::<u8>().offset(off).cast());
            let second = ArrayBase::from_parts_unchecked(ViewRepr::new(), p2, b.0, b.1);
            Ok((first, second))
        }
    }

    #[allow(clippy::type_complexity)]
    fn split_layout(
        &self,
        axis: Axis,
        index: usize,
    ) -> Result<((D, D::Strides), (D, D::Strides), isize)> {
        check_axis(axis.0, self.ndim())?;
        let n = self.shape()[axis.0];
        if index > n {
            return Err(Error::IndexOutOfBounds {
                index: index as isize,
                axis: axis.0,
                size: n,
            });
        }
        let mut d1 = self.parts.dim.clone();
        let mut d2 = self.parts.dim.clone();
        d1.as_mut()[axis.0] = index;
        d2.as_mut()[axis.0] = n - index;
        let off = if index < n {
            (index as isize).wrapping_mul(self.strides()[axis.0])
        } else {
            0
        };
        let off = super::offset_unless_empty(off, d2.as_ref());
        Ok((
            (d1, self.parts.strides.clone()),
            (d2, self.parts.strides.clone()),
            off,
        ))
    }

    /// The diagonal of axes `axis1` and `axis2` at `offset` (NumPy's
    /// `a.diagonal(offset, axis1, axis2)`): those axes are removed and the diagonal
    /// appended as the last axis. A view, as NumPy's (read-only there too).
    ///
    /// # Errors
    /// If the axes are out of bounds or equal.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let x = arange(9i64).into_shape([3, 3]).unwrap();
    /// assert_eq!(x.diagonal(0, 0, 1).unwrap().to_vec(), vec![0, 4, 8]);
    /// assert_eq!(x.diagonal(1, 0, 1).unwrap().to_vec(), vec![1, 5]);
    /// ```
    pub fn diagonal(
        &self,
        offset: isize,
        axis1: usize,
        axis2: usize,
    ) -> Result<ArrayView<'_, T, IxDyn>> {
        let n = self.ndim();
        if n < 2 {
            return Err(Error::Value(
                "diag requires an array of at least two dimensions".into(),
            ));
        }
        check_axis(axis1, n)?;
        check_axis(axis2, n)?;
        if axis1 == axis2 {
            return Err(Error::Value("axis1 and axis2 cannot be the same".into()));
        }
        let (n1, n2) = (self.shape()[axis1], self.shape()[axis2]);
        let (s1, s2) = (self.strides()[axis1], self.strides()[axis2]);
        // Offsets are counted without sign so that isize::MIN and MAX give empty diagonals.
        let (start1, start2) = if offset >= 0 {
            (0, offset.unsigned_abs())
        } else {
            (offset.unsigned_abs(), 0)
        };
        let len = n1.saturating_sub(start1).min(n2.saturating_sub(start2));
        // A nonempty view starts at an element, so its offset fits; an empty one (another
        // axis of length 0) may wrap, and drops it (`offset_unless_empty`).
        let off = if len > 0 {
            (start1 as isize)
                .wrapping_mul(s1)
                .wrapping_add((start2 as isize).wrapping_mul(s2))
        } else {
            0
        };
        let mut shape = Vec::with_capacity(n - 1);
        let mut strides = Vec::with_capacity(n - 1);
        for ax in (0..n).filter(|&a| a != axis1 && a != axis2) {
            shape.push(self.shape()[ax]);
            strides.push(self.strides()[ax]);
        }
        shape.push(len);
        // With two or more diagonal elements the sum is a distance between elements of
        // self, so it fits; with fewer it is never used, and may wrap (axes of length 1
        // keep any stride).
        strides.push(s1.wrapping_add(s2));
        // SAFETY: every diagonal index is an element of self.
        unsafe { self.view_from(off, &shape, &strides) }
    }

    /// The same bytes seen as elements of type `U` (NumPy's `a.view(dtype)`): with another
    /// item size, the last axis is rescaled and must be contiguous.
    ///
    /// # Errors
    /// NumPy's rules: a 0-d array keeps its item size; the last axis must be contiguous;
    /// sizes must divide. Also an error where the result would be misaligned for `U`, or
    /// where bytes are not valid `U` values (`bool` from bytes other than 0 and 1).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let z = arange(9i64).into_shape([1, 9]).unwrap();
    /// let b = z.view_as::<u8>().unwrap();
    /// assert_eq!((b.shape(), b.strides()), (&[1, 72][..], &[72, 1][..]));
    /// ```
    pub fn view_as<U: Element>(&self) -> Result<ArrayView<'_, U, D>>
    where
        T: Element,
    {
        let (dim, strides) = view_as_layout::<T, U, D>(self)?;
        let ptr = self.as_ptr().cast::<u8>();
        layout::check_alignment(
            ptr,
            dim.as_ref(),
            strides.as_ref(),
            std::mem::align_of::<U>(),
        )?;
        if !crate::element::accepts_any_bits::<U>() {
            // SAFETY: the layout covers exactly the bytes of self's elements, initialized
            // and borrowed with self, and is aligned for U and so for U::Bits.
            unsafe { crate::iter::check_bit_patterns::<U>(ptr, dim.as_ref(), strides.as_ref())? };
        }
        // SAFETY: the new layout covers exactly the bytes of self's elements, aligned for
        // U (checked above), and every element's bytes are a valid U (checked above, or
        // any bytes are).
        Ok(unsafe {
            ArrayBase::from_parts_unchecked(ViewRepr::new(), self.parts.ptr.cast(), dim, strides)
        })
    }

    /// Like [`view_as`](Self::view_as), writable. Both types must accept any bit
    /// pattern, so that writes through either cannot make the other invalid.
    ///
    /// # Errors
    /// As `view_as`.
    pub fn view_as_mut<U: Element + bytemuck::AnyBitPattern>(
        &mut self,
    ) -> Result<ArrayViewMut<'_, U, D>>
    where
        T: Element + bytemuck::AnyBitPattern,
    {
        let (dim, strides) = view_as_layout::<T, U, D>(self)?;
        let ptr = self.as_ptr().cast::<u8>();
        layout::check_alignment(
            ptr,
            dim.as_ref(),
            strides.as_ref(),
            std::mem::align_of::<U>(),
        )?;
        // SAFETY: as `view_as`; the elements of self don't overlap, so neither do the
        // reinterpreted ones; the view borrows self exclusively.
        Ok(unsafe {
            ArrayBase::from_parts_unchecked(ViewRepr::new(), self.parts.ptr.cast(), dim, strides)
        })
    }

    /// A view with any shape and byte strides from this array's pointer, trusted.
    /// NumPy's `np.lib.stride_tricks.as_strided`; the checked form is
    /// [`ArrayBase::as_strided`].
    ///
    /// # Safety
    /// Every element the new layout reaches must lie inside memory that self's borrow
    /// keeps alive and readable, aligned for `T`, and not written by anyone while the view
    /// lives.
    pub unsafe fn as_strided_unchecked<Sh: IntoDimension>(
        &self,
        shape: Sh,
        strides: &[isize],
    ) -> Result<ArrayView<'_, T, Sh::Dim>> {
        let dim = shape.into_dimension()?;
        let s = <&[isize] as IntoStrides<Sh::Dim>>::into_strides(strides, dim.ndim())?;
        // SAFETY: forwarded to the caller.
        Ok(unsafe { self.view_with(0, dim, s) })
    }
}

/// Views of views that keep the original borrow: a read-only view `'a` of an array can be
/// broadcast, indexed or split into views that live as long as `'a`, not only as long as
/// the view value (what code that builds views in one place and uses them in another
/// needs, as lazy expressions do).
impl<'a, T, D: Dimension> ArrayView<'a, T, D> {
    /// A view derived from `self` (reaching only elements `self` reaches), with `self`'s
    /// lifetime.
    fn rebind<E: Dimension>(v: ArrayView<'_, T, E>) -> ArrayView<'a, T, E> {
        let (ptr, dim, strides) = (v.parts.ptr, v.parts.dim.clone(), v.parts.strides.clone());
        // SAFETY: `v` was made from `self`, a shared view of elements valid and unwritten
        // for 'a, and reaches only those elements.
        unsafe { ArrayBase::from_parts_unchecked(ViewRepr::new(), ptr, dim, strides) }
    }

    /// The elements as a slice, when they are C-contiguous, borrowed for `'a`.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let x = arange(4i64);
    /// let s: &[i64] = x.view().into_slice().unwrap();
    /// assert_eq!(s, &[0, 1, 2, 3]);
    /// assert!(x.slice(s![..;2]).into_slice().is_none());
    /// ```
    pub fn into_slice(self) -> Option<&'a [T]> {
        let s = self.as_slice()?;
        // SAFETY: the elements of a shared view, valid and unwritten for 'a.
        Some(unsafe { std::slice::from_raw_parts(s.as_ptr(), s.len()) })
    }

    /// [`broadcast_to`](ArrayRef::broadcast_to), keeping the lifetime `'a`.
    ///
    /// # Errors
    /// As `broadcast_to`.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let x = arange(3i64);
    /// let b: ArrayView<'_, i64, Ix2> = x.view().into_broadcast([2, 3])?;
    /// assert_eq!(b.strides(), &[0, 8]);
    /// # Ok::<(), ndcore::Error>(())
    /// ```
    pub fn into_broadcast<Sh: IntoDimension>(self, shape: Sh) -> Result<ArrayView<'a, T, Sh::Dim>> {
        Ok(Self::rebind(self.broadcast_to(shape)?))
    }

    /// [`index_axis`](ArrayRef::index_axis), keeping the lifetime `'a`.
    ///
    /// # Errors
    /// As `index_axis`.
    pub fn into_index_axis(self, axis: Axis, index: isize) -> Result<ArrayView<'a, T, D::Smaller>> {
        Ok(Self::rebind(self.index_axis(axis, index)?))
    }

    /// [`split_at`](ArrayRef::split_at), keeping the lifetime `'a`.
    ///
    /// # Errors
    /// As `split_at`.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let x = arange(5i64);
    /// let (a, b) = x.view().into_split_at(Axis(0), 2)?;
    /// assert_eq!((a.to_vec(), b.to_vec()), (vec![0, 1], vec![2, 3, 4]));
    /// # Ok::<(), ndcore::Error>(())
    /// ```
    pub fn into_split_at(
        self,
        axis: Axis,
        index: usize,
    ) -> Result<(ArrayView<'a, T, D>, ArrayView<'a, T, D>)> {
        let (a, b) = self.split_at(axis, index)?;
        Ok((Self::rebind(a), Self::rebind(b)))
    }
}

impl<'a, T, D: Dimension> ArrayViewMut<'a, T, D> {
    /// [`split_at_mut`](ArrayRef::split_at_mut), consuming the view: two disjoint writable
    /// views that keep its lifetime `'a` (to hand to two threads, say).
    ///
    /// # Errors
    /// As `split_at`.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let mut x = Array::<i64, _>::zeros(5);
    /// let (mut a, mut b) = x.view_mut().into_split_at(Axis(0), 2)?;
    /// a.fill(1);
    /// b.fill(2);
    /// assert_eq!(x.to_vec(), vec![1, 1, 2, 2, 2]);
    /// # Ok::<(), ndcore::Error>(())
    /// ```
    pub fn into_split_at(
        mut self,
        axis: Axis,
        index: usize,
    ) -> Result<(ArrayViewMut<'a, T, D>, ArrayViewMut<'a, T, D>)> {
        let (a, b) = self.split_at_mut(axis, index)?;
        let rebind = |v: ArrayViewMut<'_, T, D>| {
            let (ptr, dim, strides) = (v.parts.ptr, v.parts.dim.clone(), v.parts.strides.clone());
            // SAFETY: `v` is one of two disjoint halves of `self`, an exclusive view valid
            // for 'a, which is consumed here: each half is the only way to its elements.
            unsafe {
                ArrayBase::<ViewRepr<&'a mut T>, D>::from_parts_unchecked(
                    ViewRepr::new(),
                    ptr,
                    dim,
                    strides,
                )
            }
        };
        Ok((rebind(a), rebind(b)))
    }
}
