//! Views that consume or live on the array itself: `into_shape`, `into_dyn`, axis
//! surgery in place, and the checked `as_strided`.

use super::view_layout::reshape_strides;
use super::views::check_axis;
use super::{ArrayBase, ArrayView, ArrayViewMut};
use crate::dimension::{Axis, Dimension, IntoDimension, IntoStrides, IxDyn};
use crate::error::{Error, Result};
use crate::layout;
use crate::storage::{Data, DataMut, RawData};

impl<S: RawData, D: Dimension> ArrayBase<S, D> {
    /// The same array with a new shape, consuming it (no copy): `arange(9).into_shape([3, 3])`.
    ///
    /// # Errors
    /// As [`ArrayRef::reshape`](super::ArrayRef::reshape).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let x = arange(9i64).into_shape([3, 3]).unwrap();
    /// assert_eq!(x.strides(), &[24, 8]);
    /// ```
    pub fn into_shape<Sh: IntoDimension>(self, shape: Sh) -> Result<ArrayBase<S, Sh::Dim>> {
        let dim = shape.into_dimension()?;
        let item = std::mem::size_of::<S::Elem>();
        let strides = reshape_strides::<Sh::Dim>(
            self.parts.dim.as_ref(),
            self.parts.strides.as_ref(),
            &dim,
            item,
        )?;
        // SAFETY: a no-copy reshape reaches the same elements.
        Ok(unsafe { ArrayBase::from_parts_unchecked(self.data, self.parts.ptr, dim, strides) })
    }

    /// The same array with its rank known only at run time.
    pub fn into_dyn(self) -> ArrayBase<S, IxDyn> {
        let strides = IxDyn::strides_from_slice(self.parts.strides.as_ref())
            .unwrap_or_else(|_| unreachable!("a static rank is within the dynamic limit"));
        // SAFETY: the same layout.
        unsafe {
            ArrayBase::from_parts_unchecked(
                self.data,
                self.parts.ptr,
                self.parts.dim.into_dyn(),
                strides,
            )
        }
    }

    /// The same array with rank `E` (checked: `IxDyn` → `Ix2` when it has 2 axes).
    ///
    /// # Errors
    /// If the number of axes differs.
    pub fn into_rank<E: Dimension>(self) -> Result<ArrayBase<S, E>> {
        let dim: E = crate::dimension::convert_dim(&self.parts.dim)?;
        let strides = E::strides_from_slice(self.parts.strides.as_ref())?;
        // SAFETY: the same layout.
        Ok(unsafe { ArrayBase::from_parts_unchecked(self.data, self.parts.ptr, dim, strides) })
    }

    /// The array with its axes reversed, consuming it (no copy).
    pub fn reversed_axes(mut self) -> Self {
        self.parts.dim.as_mut().reverse();
        self.parts.strides.as_mut().reverse();
        self
    }

    /// Exchanges axes `a` and `b` in place (no copy).
    ///
    /// # Errors
    /// If either axis is out of bounds.
    pub fn swap_axes(&mut self, a: usize, b: usize) -> Result<()> {
        let n = self.parts.dim.ndim();
        check_axis(a, n)?;
        check_axis(b, n)?;
        self.parts.dim.as_mut().swap(a, b);
        self.parts.strides.as_mut().swap(a, b);
        Ok(())
    }

    /// Reverses the order of indices along `axis` in place (`a[::-1]` on that axis).
    ///
    /// # Errors
    /// If the axis is out of bounds.
    pub fn invert_axis(&mut self, axis: Axis) -> Result<()> {
        check_axis(axis.0, self.parts.dim.ndim())?;
        let n = self.parts.dim.as_ref()[axis.0];
        let s = self.parts.strides.as_ref()[axis.0];
        // An empty array keeps its pointer (see `offset_unless_empty`).
        if n > 1 && !self.parts.dim.as_ref().contains(&0) {
            // SAFETY: the last index along the axis is an element of the array.
            self.parts.ptr = unsafe {
                std::ptr::NonNull::new_unchecked(
                    self.parts
                        .ptr
                        .as_ptr()
                        .cast::<u8>()
                        .offset((n as isize - 1) * s)
                        .cast(),
                )
            };
        }
        // Only an axis of length 0 or 1 can have isize::MIN, and its stride is never used.
        self.parts.strides.as_mut()[axis.0] = s.wrapping_neg();
        Ok(())
    }
}

impl<S: Data, D: Dimension> ArrayBase<S, D> {
    /// A view with any shape and byte strides from this array's pointer, checked: every
    /// reachable byte must lie inside the array's allocation and be aligned (NumPy's
    /// `as_strided`, made safe). Elements may repeat (stride 0), so the view is read-only.
    ///
    /// # Errors
    /// If a byte would fall outside the allocation, an element would be misaligned, or the
    /// storage cannot vouch for its allocation (a view: use `as_strided_unchecked`).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let a = arange(6i64);
    /// // Sliding windows of 3: shape (4, 3), strides (8, 8).
    /// let w = a.as_strided([4, 3], &[8, 8]).unwrap();
    /// assert_eq!(w.row(1).to_vec(), vec![1, 2, 3]);
    /// assert!(a.as_strided([5, 3], &[8, 8]).is_err());
    /// ```
    pub fn as_strided<Sh: IntoDimension>(
        &self,
        shape: Sh,
        strides: &[isize],
    ) -> Result<ArrayView<'_, S::Elem, Sh::Dim>> {
        let dim = shape.into_dimension()?;
        let s = <&[isize] as IntoStrides<Sh::Dim>>::into_strides(strides, dim.ndim())?;
        self.check_strided(dim.as_ref(), s.as_ref())?;
        // SAFETY: checked inside the allocation, which the storage holds in full and which
        // the borrow of self keeps alive and unwritten.
        Ok(unsafe { self.view_with(0, dim, s) })
    }

    fn check_strided(&self, shape: &[usize], strides: &[isize]) -> Result<()> {
        let span = self.data.span().ok_or_else(|| {
            Error::Value("as_strided: a view cannot vouch for the memory around it; call it on the owning array, or use as_strided_unchecked".into())
        })?;
        let item = std::mem::size_of::<S::Elem>();
        layout::check_layout(
            self.as_ptr().cast(),
            shape,
            strides,
            item,
            std::mem::align_of::<S::Elem>(),
            span,
        )
    }
}

impl<S: DataMut, D: Dimension> ArrayBase<S, D> {
    /// Like [`as_strided`](Self::as_strided), writable; the layout must also not make two
    /// indices share a byte.
    ///
    /// # Errors
    /// As `as_strided`, and if elements would overlap.
    pub fn as_strided_mut<Sh: IntoDimension>(
        &mut self,
        shape: Sh,
        strides: &[isize],
    ) -> Result<ArrayViewMut<'_, S::Elem, Sh::Dim>> {
        S::ensure_unique(self);
        let dim = shape.into_dimension()?;
        let s = <&[isize] as IntoStrides<Sh::Dim>>::into_strides(strides, dim.ndim())?;
        self.check_strided(dim.as_ref(), s.as_ref())?;
        if !layout::is_non_overlapping(dim.as_ref(), s.as_ref(), std::mem::size_of::<S::Elem>()) {
            return Err(Error::Overlap {
                shape: dim.as_ref().to_vec(),
                strides: s.as_ref().to_vec(),
            });
        }
        // SAFETY: checked inside the allocation the storage holds uniquely, non-overlapping.
        Ok(unsafe { self.parts.as_mut().view_mut_with(0, dim, s) })
    }
}
