//! Element indexing: `a[[i, j]]` (panics like a slice does), `get`/`get_mut` (`Option`).

use super::{ArrayRef, ArrayView1, ArrayViewMut1};
use crate::dimension::{Axis, Dimension, Ix1, Ix2, Rank};
use crate::error::{Error, Result};
use std::ops::{Index, IndexMut};

/// An element index for arrays of rank `D`: `[usize; N]` for a static rank `N`, `usize`
/// for 1-d, `&[usize]` for any rank (checked at run time).
pub trait NdIndex<D: Dimension> {
    /// The byte offset of the element, or NumPy's error.
    fn offset(&self, shape: &[usize], strides: &[isize]) -> Result<isize>;
}

fn offset_of(idx: &[usize], shape: &[usize], strides: &[isize]) -> Result<isize> {
    if idx.len() > shape.len() {
        return Err(Error::TooManyIndices {
            ndim: shape.len(),
            got: idx.len(),
        });
    }
    if idx.len() < shape.len() {
        return Err(Error::Value(format!(
            "an element index needs {} indices, got {}; use index_axis or slice for sub-arrays",
            shape.len(),
            idx.len()
        )));
    }
    for (axis, (&i, &n)) in idx.iter().zip(shape).enumerate() {
        if i >= n {
            return Err(Error::IndexOutOfBounds {
                index: i as isize,
                axis,
                size: n,
            });
        }
    }
    // Every index is inside its axis, so the offset is an element's and fits.
    Ok(idx.iter().zip(strides).map(|(&i, &s)| i as isize * s).sum())
}

impl<D: Dimension> NdIndex<D> for &[usize] {
    fn offset(&self, shape: &[usize], strides: &[isize]) -> Result<isize> {
        offset_of(self, shape, strides)
    }
}

impl NdIndex<Ix1> for usize {
    fn offset(&self, shape: &[usize], strides: &[isize]) -> Result<isize> {
        offset_of(&[*self], shape, strides)
    }
}

macro_rules! array_index {
    ($($k:literal => $n:ty),*) => {$(
        impl NdIndex<Rank<$n>> for [usize; $k] {
            fn offset(&self, shape: &[usize], strides: &[isize]) -> Result<isize> {
                offset_of(self, shape, strides)
            }
        }
        impl NdIndex<crate::dimension::IxDyn> for [usize; $k] {
            fn offset(&self, shape: &[usize], strides: &[isize]) -> Result<isize> {
                offset_of(self, shape, strides)
            }
        }
    )*};
}
use typenum::{U0, U1, U2, U3, U4, U5, U6};
array_index!(0 => U0, 1 => U1, 2 => U2, 3 => U3, 4 => U4, 5 => U5, 6 => U6);

impl<T, D: Dimension> ArrayRef<T, D> {
    /// The element at `index`, or `None` if it is out of bounds.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let x = arange(9i64).into_shape([3, 3]).unwrap();
    /// assert_eq!(x.get([1, 2]), Some(&5));
    /// assert_eq!(x.get([3, 0]), None);
    /// ```
    pub fn get<I: NdIndex<D>>(&self, index: I) -> Option<&T> {
        let off = index.offset(self.shape(), self.strides()).ok()?;
        // SAFETY: `offset` checked the index against the shape, so it is an element.
        Some(unsafe { &*self.as_ptr().cast::<u8>().offset(off).cast::<T>() })
    }

    /// The element at `index`, writable, or `None` if it is out of bounds.
    pub fn get_mut<I: NdIndex<D>>(&mut self, index: I) -> Option<&mut T> {
        let off = index.offset(self.shape(), self.strides()).ok()?;
        // SAFETY: as `get`, with the exclusive borrow of self.
        Some(unsafe { &mut *self.as_mut_ptr().cast::<u8>().offset(off).cast::<T>() })
    }

    /// The element at `index`, or NumPy's error (`index 3 is out of bounds for axis 0 with
    /// size 3`).
    ///
    /// # Errors
    /// If the index is out of bounds or has the wrong length.
    pub fn try_get<I: NdIndex<D>>(&self, index: I) -> Result<&T> {
        let off = index.offset(self.shape(), self.strides())?;
        // SAFETY: `offset` checked the index against the shape.
        Ok(unsafe { &*self.as_ptr().cast::<u8>().offset(off).cast::<T>() })
    }
}

impl<T, D: Dimension, I: NdIndex<D>> Index<I> for ArrayRef<T, D> {
    type Output = T;
    /// # Panics
    /// If the index is out of bounds, with NumPy's message.
    fn index(&self, index: I) -> &T {
        match index.offset(self.shape(), self.strides()) {
            // SAFETY: `offset` checked the index against the shape.
            Ok(off) => unsafe { &*self.as_ptr().cast::<u8>().offset(off).cast::<T>() },
            Err(e) => panic!("{e}"),
        }
    }
}

impl<T, D: Dimension, I: NdIndex<D>> IndexMut<I> for ArrayRef<T, D> {
    /// # Panics
    /// If the index is out of bounds, with NumPy's message.
    fn index_mut(&mut self, index: I) -> &mut T {
        match index.offset(self.shape(), self.strides()) {
            // SAFETY: `offset` checked the index; the borrow of self is exclusive.
            Ok(off) => unsafe { &mut *self.as_mut_ptr().cast::<u8>().offset(off).cast::<T>() },
            Err(e) => panic!("{e}"),
        }
    }
}

impl<T> ArrayRef<T, Ix2> {
    /// Row `i` (NumPy's `a[i]`, `a[i, :]`); negative counts from the end.
    ///
    /// # Panics
    /// If `i` is out of bounds, with NumPy's message.
    pub fn row(&self, i: isize) -> ArrayView1<'_, T> {
        self.index_axis(Axis(0), i)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// Column `j` (NumPy's `a[:, j]`); negative counts from the end.
    ///
    /// # Panics
    /// If `j` is out of bounds, with NumPy's message.
    pub fn column(&self, j: isize) -> ArrayView1<'_, T> {
        self.index_axis(Axis(1), j)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// Row `i`, writable.
    ///
    /// # Panics
    /// If `i` is out of bounds.
    pub fn row_mut(&mut self, i: isize) -> ArrayViewMut1<'_, T> {
        self.index_axis_mut(Axis(0), i)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// Column `j`, writable.
    ///
    /// # Panics
    /// If `j` is out of bounds.
    pub fn column_mut(&mut self, j: isize) -> ArrayViewMut1<'_, T> {
        self.index_axis_mut(Axis(1), j)
            .unwrap_or_else(|e| panic!("{e}"))
    }
}
