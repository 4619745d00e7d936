//! Arrays over memory that already exists: slices, other storages (memory maps, foreign
//! buffers defined in other crates), raw pointers.

use super::{ArrayBase, ArrayView, ArrayViewMut};
use crate::dimension::{Dimension, IntoDimension, IntoStrides};
use crate::error::{Error, Result};
use crate::layout::{self, Order};
use crate::storage::{RawData, Span, ViewRepr};
use std::ptr::NonNull;

fn c_strides<D: Dimension>(dim: &D, item: usize) -> D::Strides {
    let mut s = D::zero_strides(dim.ndim());
    layout::contiguous_strides(dim.as_ref(), item, Order::C, s.as_mut());
    s
}

fn checked<T, D: Dimension>(
    span: Span,
    offset: usize,
    dim: &D,
    strides: &D::Strides,
) -> Result<NonNull<T>> {
    if offset > span.len {
        return Err(Error::OutOfAllocation {
            shape: dim.as_ref().to_vec(),
            strides: strides.as_ref().to_vec(),
            len: span.len,
        });
    }
    let ptr = span.start.wrapping_add(offset);
    layout::check_layout(
        ptr,
        dim.as_ref(),
        strides.as_ref(),
        std::mem::size_of::<T>(),
        std::mem::align_of::<T>(),
        span,
    )?;
    NonNull::new(ptr as *mut T).ok_or_else(|| Error::Value("null data pointer".into()))
}

impl<'a, T, D: Dimension> ArrayView<'a, T, D> {
    /// A read-only view of `data` with `shape`, C order (NumPy's `np.frombuffer(...)
    /// .reshape(shape)`, no copy).
    ///
    /// # Errors
    /// If the shape needs more elements than `data` has.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let v = [1, 2, 3, 4, 5, 6];
    /// let a = ArrayView::from_slice_shape([2, 3], &v).unwrap();
    /// assert_eq!(a[[1, 0]], 4);
    /// ```
    pub fn from_slice_shape<Sh: IntoDimension<Dim = D>>(shape: Sh, data: &'a [T]) -> Result<Self> {
        let dim = shape.into_dimension()?;
        let strides = c_strides(&dim, std::mem::size_of::<T>());
        Self::from_slice_strides_impl(dim, strides, data)
    }

    /// A read-only view of `data` with `shape` and byte `strides` from its first element
    /// (elements may repeat).
    ///
    /// # Errors
    /// If an element would fall outside `data` or be misaligned.
    pub fn from_slice_strides<Sh: IntoDimension<Dim = D>, St: IntoStrides<D>>(
        shape: Sh,
        strides: St,
        data: &'a [T],
    ) -> Result<Self> {
        let dim = shape.into_dimension()?;
        let strides = strides.into_strides(dim.ndim())?;
        Self::from_slice_strides_impl(dim, strides, data)
    }

    fn from_slice_strides_impl(dim: D, strides: D::Strides, data: &'a [T]) -> Result<Self> {
        let ptr = checked::<T, D>(Span::of_slice(data), 0, &dim, &strides)?;
        // SAFETY: every element lies inside `data`, aligned (checked), borrowed shared for 'a.
        Ok(unsafe { ArrayBase::from_parts_unchecked(ViewRepr::new(), ptr, dim, strides) })
    }

    /// A read-only view of the elements of type `T` that raw `bytes` hold, the first
    /// `offset` bytes in, with `shape` and byte `strides` (NumPy's
    /// `np.ndarray(shape, dtype, buffer=bytes, offset=offset, strides=strides)`, no copy).
    ///
    /// # Errors
    /// If an element would fall outside `bytes` or be misaligned for `T`, or its bytes are
    /// not a valid `T` (a `bool` byte other than 0 or 1).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let bytes = [1u8, 0, 0, 1, 1, 0];
    /// let a = ArrayView::<bool, Ix2>::from_bytes(&bytes, 5, [2, 2], [-2, -1])?;
    /// assert_eq!(a, array![[false, true], [true, false]]);
    /// # Ok::<(), ndcore::Error>(())
    /// ```
    pub fn from_bytes<Sh: IntoDimension<Dim = D>, St: IntoStrides<D>>(
        bytes: &'a [u8],
        offset: usize,
        shape: Sh,
        strides: St,
    ) -> Result<Self>
    where
        T: crate::Element,
    {
        let dim = shape.into_dimension()?;
        let strides = strides.into_strides(dim.ndim())?;
        let ptr = checked::<T, D>(Span::of_slice(bytes), offset, &dim, &strides)?;
        if !crate::element::accepts_any_bits::<T>() {
            // SAFETY: every element lies inside `bytes` (initialized, borrowed for 'a) and is
            // aligned for `T`, so for `T::Bits` (checked above).
            unsafe {
                crate::iter::check_bit_patterns::<T>(
                    ptr.as_ptr().cast(),
                    dim.as_ref(),
                    strides.as_ref(),
                )?;
            }
        }
        // SAFETY: every element lies inside `bytes`, aligned and a valid `T` (checked above);
        // `bytes` is borrowed shared for 'a.
        Ok(unsafe { ArrayBase::from_parts_unchecked(ViewRepr::new(), ptr, dim, strides) })
    }

    /// A read-only view from a raw pointer, shape and byte strides.
    ///
    /// # Safety
    /// Every element `ptr + Σ iₖ·strides[k]` must be a valid, aligned, initialized `T`,
    /// not written by anyone for `'a`.
    pub unsafe fn from_raw_parts(ptr: NonNull<T>, dim: D, strides: D::Strides) -> Self {
        // SAFETY: forwarded to the caller.
        unsafe { ArrayBase::from_parts_unchecked(ViewRepr::new(), ptr, dim, strides) }
    }
}

impl<'a, T, D: Dimension> ArrayViewMut<'a, T, D> {
    /// A writable view of `data` with `shape`, C order (no copy).
    ///
    /// # Errors
    /// If the shape needs more elements than `data` has.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let mut v = [0u8; 6];
    /// ArrayViewMut::from_slice_shape([2, 3], &mut v).unwrap()[[1, 2]] = 9;
    /// assert_eq!(v[5], 9);
    /// ```
    pub fn from_slice_shape<Sh: IntoDimension<Dim = D>>(
        shape: Sh,
        data: &'a mut [T],
    ) -> Result<Self> {
        let dim = shape.into_dimension()?;
        let strides = c_strides(&dim, std::mem::size_of::<T>());
        Self::from_slice_strides_impl(dim, strides, data)
    }

    /// A writable view of `data` with `shape` and byte `strides` from its first element.
    ///
    /// # Errors
    /// If an element would fall outside `data`, be misaligned, or overlap another.
    pub fn from_slice_strides<Sh: IntoDimension<Dim = D>, St: IntoStrides<D>>(
        shape: Sh,
        strides: St,
        data: &'a mut [T],
    ) -> Result<Self> {
        let dim = shape.into_dimension()?;
        let strides = strides.into_strides(dim.ndim())?;
        Self::from_slice_strides_impl(dim, strides, data)
    }

    fn from_slice_strides_impl(dim: D, strides: D::Strides, data: &'a mut [T]) -> Result<Self> {
        let ptr = checked::<T, D>(Span::of_slice(data), 0, &dim, &strides)?;
        if !layout::is_non_overlapping(dim.as_ref(), strides.as_ref(), std::mem::size_of::<T>()) {
            return Err(Error::Overlap {
                shape: dim.as_ref().to_vec(),
                strides: strides.as_ref().to_vec(),
            });
        }
        // SAFETY: every element lies inside `data`, aligned, distinct (checked), borrowed
        // exclusively for 'a.
        Ok(unsafe { ArrayBase::from_parts_unchecked(ViewRepr::new(), ptr, dim, strides) })
    }

    /// A writable view of the elements of type `T` that raw `bytes` hold, the first
    /// `offset` bytes in, with `shape` and byte `strides`. `T` must accept any bytes, so
    /// that whatever `bytes` held, and whatever is written, stays valid on both sides.
    ///
    /// # Errors
    /// If an element would fall outside `bytes`, be misaligned for `T` or overlap another.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let mut bytes = *b"abcde";
    /// let mut a = ArrayViewMut::<u8, Ix1>::from_bytes_mut(&mut bytes, 0, [5], [1])?;
    /// a.iter_mut().for_each(|c| *c += 2);
    /// assert_eq!(&bytes, b"cdefg");
    /// # Ok::<(), ndcore::Error>(())
    /// ```
    pub fn from_bytes_mut<Sh: IntoDimension<Dim = D>, St: IntoStrides<D>>(
        bytes: &'a mut [u8],
        offset: usize,
        shape: Sh,
        strides: St,
    ) -> Result<Self>
    where
        T: crate::Element + bytemuck::AnyBitPattern,
    {
        let dim = shape.into_dimension()?;
        let strides = strides.into_strides(dim.ndim())?;
        let ptr = checked::<T, D>(Span::of_slice(bytes), offset, &dim, &strides)?;
        if !layout::is_non_overlapping(dim.as_ref(), strides.as_ref(), std::mem::size_of::<T>()) {
            return Err(Error::Overlap {
                shape: dim.as_ref().to_vec(),
                strides: strides.as_ref().to_vec(),
            });
        }
        // SAFETY: every element lies inside `bytes`, aligned, distinct (checked above), and
        // any bytes are a valid `T`; `bytes` is borrowed exclusively for 'a.
        Ok(unsafe { ArrayBase::from_parts_unchecked(ViewRepr::new(), ptr, dim, strides) })
    }

    /// A writable view from a raw pointer, shape and byte strides.
    ///
    /// # Safety
    /// Every element must be a valid, aligned, initialized `T`, reached by exactly one
    /// index, and accessed by nobody else for `'a`.
    pub unsafe fn from_raw_parts(ptr: NonNull<T>, dim: D, strides: D::Strides) -> Self {
        // SAFETY: forwarded to the caller.
        unsafe { ArrayBase::from_parts_unchecked(ViewRepr::new(), ptr, dim, strides) }
    }
}

impl<S: RawData, D: Dimension> ArrayBase<S, D> {
    /// An array over a storage that holds a whole allocation (a memory map, a foreign
    /// buffer): the first element `offset` bytes into it, with `shape` and byte `strides`.
    /// This is how crates above ndcore build arrays over their own memory.
    ///
    /// # Errors
    /// If the storage cannot vouch for its allocation (`span()` is `None`), an element
    /// would fall outside it or be misaligned, or (for writable storages) elements
    /// would overlap.
    pub fn from_storage<Sh: IntoDimension<Dim = D>, St: IntoStrides<D>>(
        data: S,
        offset: usize,
        shape: Sh,
        strides: St,
    ) -> Result<Self> {
        let dim = shape.into_dimension()?;
        let strides = strides.into_strides(dim.ndim())?;
        let span = data.span().ok_or_else(|| {
            Error::Value("from_storage: the storage does not describe its allocation".into())
        })?;
        let ptr = checked::<S::Elem, D>(span, offset, &dim, &strides)?;
        if S::WRITEABLE
            && !layout::is_non_overlapping(
                dim.as_ref(),
                strides.as_ref(),
                std::mem::size_of::<S::Elem>(),
            )
        {
            return Err(Error::Overlap {
                shape: dim.as_ref().to_vec(),
                strides: strides.as_ref().to_vec(),
            });
        }
        // SAFETY: the layout lies inside the allocation the storage holds in full, aligned,
        // and (when writable) without overlap; RawData's contract keeps it alive.
        Ok(unsafe { ArrayBase::from_parts_unchecked(data, ptr, dim, strides) })
    }

    /// Like [`from_storage`](Self::from_storage), C-contiguous from `offset`.
    ///
    /// # Errors
    /// As `from_storage`.
    pub fn from_storage_shape<Sh: IntoDimension<Dim = D>>(
        data: S,
        offset: usize,
        shape: Sh,
    ) -> Result<Self> {
        let dim = shape.into_dimension()?;
        let strides = c_strides(&dim, std::mem::size_of::<S::Elem>());
        Self::from_storage(data, offset, dim, strides.as_ref())
    }
}
