//! What an array is: shape, strides, sizes, flags, pointers.

use super::{ArrayBase, ArrayRef};
use crate::dimension::Dimension;
use crate::dtype::DType;
use crate::element::Element;
use crate::layout;
use crate::storage::RawData;
use std::fmt;

/// NumPy's `ndarray.flags`, derived from shape, strides and storage (never stored).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Flags {
    /// Row-major contiguous.
    pub c_contiguous: bool,
    /// Column-major contiguous.
    pub f_contiguous: bool,
    /// The array owns its memory.
    pub owndata: bool,
    /// The array may be written.
    pub writeable: bool,
    /// Every element is aligned for its type (always true for typed arrays).
    pub aligned: bool,
}

impl fmt::Display for Flags {
    /// Prints like NumPy's `print(a.flags)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let b = |v: bool| if v { "True" } else { "False" };
        writeln!(f, "  C_CONTIGUOUS : {}", b(self.c_contiguous))?;
        writeln!(f, "  F_CONTIGUOUS : {}", b(self.f_contiguous))?;
        writeln!(f, "  OWNDATA : {}", b(self.owndata))?;
        writeln!(f, "  WRITEABLE : {}", b(self.writeable))?;
        writeln!(f, "  ALIGNED : {}", b(self.aligned))?;
        write!(f, "  WRITEBACKIFCOPY : False")
    }
}

impl<T, D: Dimension> ArrayRef<T, D> {
    /// The shape: the length of each axis (NumPy's `a.shape`).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let a = Array::<f64, _>::zeros([2, 3]);
    /// assert_eq!(a.shape(), &[2, 3]);
    /// ```
    pub fn shape(&self) -> &[usize] {
        self.parts.dim.as_ref()
    }

    /// The shape as its rank type.
    pub fn dim(&self) -> &D {
        &self.parts.dim
    }

    /// The byte strides: how many bytes to step for the next index along each axis
    /// (NumPy's `a.strides`).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let x = arange(9i64).into_shape([3, 3]).unwrap();
    /// assert_eq!(x.strides(), &[24, 8]);
    /// ```
    pub fn strides(&self) -> &[isize] {
        self.parts.strides.as_ref()
    }

    /// The byte strides as the rank's stride type.
    pub fn raw_strides(&self) -> &D::Strides {
        &self.parts.strides
    }

    /// Strides in elements rather than bytes, when every stride is a multiple of the
    /// element size (always, for a typed array).
    pub fn elem_strides(&self) -> Vec<isize> {
        let size = std::mem::size_of::<T>().max(1) as isize;
        self.strides().iter().map(|s| s / size).collect()
    }

    /// Number of axes (NumPy's `a.ndim`).
    pub fn ndim(&self) -> usize {
        self.parts.dim.ndim()
    }

    /// Number of elements (NumPy's `a.size`; Python's `len(a)` is `a.shape()[0]`).
    pub fn len(&self) -> usize {
        self.parts.dim.size()
    }

    /// Number of elements (NumPy's `a.size`).
    pub fn size(&self) -> usize {
        self.parts.dim.size()
    }

    /// Whether the array has no elements (some axis has length 0).
    pub fn is_empty(&self) -> bool {
        self.shape().contains(&0)
    }

    /// Length of one axis.
    ///
    /// # Panics
    /// If the axis is out of bounds.
    pub fn len_of(&self, axis: crate::dimension::Axis) -> usize {
        self.shape()[axis.0]
    }

    /// Bytes per element (NumPy's `a.itemsize`).
    pub fn itemsize(&self) -> usize {
        std::mem::size_of::<T>()
    }

    /// Bytes of all elements (NumPy's `a.nbytes`).
    pub fn nbytes(&self) -> usize {
        self.size() * self.itemsize()
    }

    /// Whether the elements lie in memory in row-major order with no gaps.
    pub fn is_c_contiguous(&self) -> bool {
        layout::is_c_contiguous(self.shape(), self.strides(), self.itemsize())
    }

    /// Whether the elements lie in memory in column-major order with no gaps.
    pub fn is_f_contiguous(&self) -> bool {
        layout::is_f_contiguous(self.shape(), self.strides(), self.itemsize())
    }

    /// Pointer to the first element (NumPy's data pointer, `a.ctypes.data`).
    pub fn as_ptr(&self) -> *const T {
        self.parts.ptr.as_ptr()
    }

    /// Mutable pointer to the first element.
    pub fn as_mut_ptr(&mut self) -> *mut T {
        self.parts.ptr.as_ptr()
    }

    /// The elements as a slice in logical (C) order, if the array is C-contiguous.
    pub fn as_slice(&self) -> Option<&[T]> {
        if self.is_empty() {
            // An empty array's pointer need not be aligned (its strides are never checked),
            // and a slice's must be, even for no elements.
            return Some(&[]);
        }
        if self.is_c_contiguous() {
            // SAFETY: a C-contiguous array reaches exactly `size` consecutive elements from
            // its pointer, all readable while `self` is borrowed.
            Some(unsafe { std::slice::from_raw_parts(self.as_ptr(), self.size()) })
        } else {
            None
        }
    }

    /// The elements as a mutable slice in logical order, if the array is C-contiguous.
    pub fn as_slice_mut(&mut self) -> Option<&mut [T]> {
        if self.is_empty() {
            return Some(&mut []);
        }
        if self.is_c_contiguous() {
            let n = self.size();
            // SAFETY: as `as_slice`, with the exclusive borrow.
            Some(unsafe { std::slice::from_raw_parts_mut(self.as_mut_ptr(), n) })
        } else {
            None
        }
    }

    /// The elements as a slice in memory order, if they fill a block with no gaps or
    /// repeats (C or F contiguous, or any permutation of axes of such a block).
    pub fn as_slice_memory_order(&self) -> Option<&[T]> {
        if self.is_empty() {
            return Some(&[]);
        }
        let (ptr, n) = self.memory_block()?;
        // SAFETY: `memory_block` found the elements fill exactly `n` consecutive slots
        // starting at `ptr`.
        Some(unsafe { std::slice::from_raw_parts(ptr, n) })
    }

    /// Mutable variant of [`as_slice_memory_order`](Self::as_slice_memory_order).
    pub fn as_slice_memory_order_mut(&mut self) -> Option<&mut [T]> {
        if self.is_empty() {
            return Some(&mut []);
        }
        let (ptr, n) = self.memory_block()?;
        // SAFETY: as above, with the exclusive borrow.
        Some(unsafe { std::slice::from_raw_parts_mut(ptr as *mut T, n) })
    }

    /// The lowest address and element count when the elements of a nonempty array fill
    /// a gapless block.
    fn memory_block(&self) -> Option<(*const T, usize)> {
        let n = self.size();
        let item = self.itemsize();
        let (lo, hi) = layout::extent(self.shape(), self.strides(), item)?;
        let contiguous_len = item.checked_mul(n)?;
        if (hi - lo) as usize == contiguous_len
            && layout::is_non_overlapping(self.shape(), self.strides(), item)
        {
            // SAFETY: `lo` is the offset of the lowest element, inside the allocation.
            let p = unsafe { self.as_ptr().cast::<u8>().offset(lo) }.cast::<T>();
            Some((p, n))
        } else {
            None
        }
    }
}

impl<T: Element, D: Dimension> ArrayRef<T, D> {
    /// The element's NumPy dtype (NumPy's `a.dtype`).
    pub fn dtype(&self) -> DType {
        T::dtype()
    }
}

impl<S: RawData, D: Dimension> ArrayBase<S, D> {
    /// NumPy's `a.flags`: contiguity, ownership, writeability, alignment.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let x = arange(9i64).into_shape([3, 3]).unwrap();
    /// let f = x.flags();
    /// assert!(f.c_contiguous && !f.f_contiguous && f.writeable);
    /// assert!(!x.t().flags().writeable);
    /// ```
    pub fn flags(&self) -> Flags {
        let shape = self.parts.dim.as_ref();
        let strides = self.parts.strides.as_ref();
        let item = std::mem::size_of::<S::Elem>();
        Flags {
            c_contiguous: layout::is_c_contiguous(shape, strides, item),
            f_contiguous: layout::is_f_contiguous(shape, strides, item),
            owndata: S::OWNS_DATA,
            writeable: S::WRITEABLE,
            aligned: true,
        }
    }
}
