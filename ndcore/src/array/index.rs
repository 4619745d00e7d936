//! Element indexing: `a[[i, j]]` (panics like a slice does), `get`/`get_mut` (`Option`).

use super::{ArrayRef, ArrayView1, ArrayViewMut1};
use crate::dimension::{Axis, Dimension, Ix, Ix2, IxDyn};
use crate::error::{Error, Result};
use std::ops::{Index, IndexMut};

/// An element index for arrays of rank `D`, as NumPy takes one: `[i, j]` with one integer
/// per axis (negative counts from the end: `a[[-1, -1]]`), a single integer for 1-d, or
/// `&[usize]` for any rank (checked at run time).
///
/// The integers may be `usize`, `isize`, `i32` or `i64`, so unsuffixed literals work
/// (`a[[0, 1]]`) and so do negative ones.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot index a `{D}` array",
    label = "not an element index for this array",
    note = "an element index has one integer per axis: `a[[i, j]]` for a 2-d array (negative counts from the end); use `slice(s![..])` or `index_axis` for sub-arrays"
)]
pub trait NdIndex<D: Dimension> {
    /// The byte offset of the element, or NumPy's error.
    fn offset(&self, shape: &[usize], strides: &[isize]) -> Result<isize>;
}

/// An integer type an element index may use.
pub trait IndexInt: Copy {
    /// The index on an axis of length `n` (negative counts from the end), or NumPy's
    /// error.
    fn normalize(self, n: usize, axis: usize) -> Result<usize>;
}

macro_rules! index_int {
    (signed: $($s:ty),*; unsigned: $($u:ty),*) => {
        $(impl IndexInt for $s {
            #[inline]
            fn normalize(self, n: usize, axis: usize) -> Result<usize> {
                crate::slice::normalize_index(self as isize, n, axis)
            }
        })*
        $(impl IndexInt for $u {
            #[inline]
            fn normalize(self, n: usize, axis: usize) -> Result<usize> {
                let i = self as usize;
                if i < n {
                    Ok(i)
                } else {
                    Err(Error::IndexOutOfBounds {
                        index: isize::try_from(i).unwrap_or(isize::MAX),
                        axis,
                        size: n,
                    })
                }
            }
        })*
    };
}
index_int!(signed: isize, i64, i32; unsigned: usize);

fn offset_of<I: IndexInt>(idx: &[I], shape: &[usize], strides: &[isize]) -> Result<isize> {
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
    let mut off = 0isize;
    for (axis, ((&i, &n), &s)) in idx.iter().zip(shape).zip(strides).enumerate() {
        // Every index is checked before its offset is added, so the sum is an element's
        // offset and fits (an empty array fails on its empty axis, whatever comes first).
        off = off.wrapping_add((i.normalize(n, axis)? as isize).wrapping_mul(s));
    }
    Ok(off)
}

impl<I: IndexInt, D: Dimension> NdIndex<D> for &[I] {
    fn offset(&self, shape: &[usize], strides: &[isize]) -> Result<isize> {
        offset_of(self, shape, strides)
    }
}

/// `[i, j, …]` for the static rank of that many axes and for `IxDyn`.
macro_rules! array_index {
    ($($n:literal)*) => {$(
        impl<I: IndexInt> NdIndex<Ix<$n>> for [I; $n] {
            #[inline]
            fn offset(&self, shape: &[usize], strides: &[isize]) -> Result<isize> {
                offset_of(self, shape, strides)
            }
        }
        impl<I: IndexInt> NdIndex<IxDyn> for [I; $n] {
            #[inline]
            fn offset(&self, shape: &[usize], strides: &[isize]) -> Result<isize> {
                offset_of(self, shape, strides)
            }
        }
    )*};
}
array_index!(1 2 3 4 5 6);

// The empty index of a 0-d array (`a[[]]`) names no integer type: it is `[usize; 0]`.
impl NdIndex<Ix<0>> for [usize; 0] {
    #[inline]
    fn offset(&self, _: &[usize], _: &[isize]) -> Result<isize> {
        Ok(0)
    }
}
impl NdIndex<IxDyn> for [usize; 0] {
    #[inline]
    fn offset(&self, shape: &[usize], strides: &[isize]) -> Result<isize> {
        offset_of(self, shape, strides)
    }
}

macro_rules! scalar_index {
    ($($t:ty),*) => {$(
        impl NdIndex<Ix<1>> for $t {
            #[inline]
            fn offset(&self, shape: &[usize], strides: &[isize]) -> Result<isize> {
                offset_of(&[*self], shape, strides)
            }
        }
    )*};
}
scalar_index!(usize, isize, i64, i32);

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
