//! The writing methods again on the array types themselves, with the storage's `DataMut`
//! as their bound: writing through a read-only array then fails on that bound, whose
//! message says the array is read-only and what to do, instead of rustc's "cannot borrow
//! data in dereference as mutable".

use super::{ArrayBase, ArrayRef, ArrayViewMut, NdIndex};
use crate::dimension::{Axis, Dimension};
use crate::error::Result;
use crate::iter::IterMut;
use crate::storage::{DataMut, RawData};
use std::ops::{Index, IndexMut};

impl<S: RawData, D: Dimension> ArrayBase<S, D> {
    /// Sets every element to `value` (NumPy's `a.fill(value)`); see [`ArrayRef::fill`].
    pub fn fill(&mut self, value: S::Elem)
    where
        S: DataMut,
        S::Elem: crate::element::Element,
    {
        (**self).fill(value)
    }

    /// Copies `src` into this array, broadcasting it (NumPy's `a[...] = src`); see
    /// [`ArrayRef::assign`].
    ///
    /// # Errors
    /// If `src` does not broadcast to this array's shape.
    pub fn assign<E: Dimension>(&mut self, src: &ArrayRef<S::Elem, E>) -> Result<()>
    where
        S: DataMut,
        S::Elem: crate::element::Element,
    {
        (**self).assign(src)
    }

    /// The elements in logical C order, writable; see [`ArrayRef::iter_mut`].
    pub fn iter_mut(&mut self) -> IterMut<'_, S::Elem>
    where
        S: DataMut,
    {
        (**self).iter_mut()
    }

    /// A writable view of the whole array; see [`ArrayRef::view_mut`].
    pub fn view_mut(&mut self) -> ArrayViewMut<'_, S::Elem, D>
    where
        S: DataMut,
    {
        (**self).view_mut()
    }

    /// The element at `index`, writable; see [`ArrayRef::get_mut`].
    pub fn get_mut<I: NdIndex<D>>(&mut self, index: I) -> Option<&mut S::Elem>
    where
        S: DataMut,
    {
        (**self).get_mut(index)
    }

    /// The elements as a mutable slice when C-contiguous; see [`ArrayRef::as_slice_mut`].
    pub fn as_slice_mut(&mut self) -> Option<&mut [S::Elem]>
    where
        S: DataMut,
    {
        (**self).as_slice_mut()
    }

    /// The sub-array at `index` along `axis`, writable; see [`ArrayRef::index_axis_mut`].
    ///
    /// # Errors
    /// If the axis or index is out of bounds.
    pub fn index_axis_mut(
        &mut self,
        axis: Axis,
        index: isize,
    ) -> Result<ArrayViewMut<'_, S::Elem, D::Smaller>>
    where
        S: DataMut,
    {
        (**self).index_axis_mut(axis, index)
    }
}

impl<S: crate::storage::Data, D: Dimension, I: NdIndex<D>> Index<I> for ArrayBase<S, D> {
    type Output = S::Elem;
    /// # Panics
    /// If the index is out of bounds, with NumPy's message.
    #[track_caller]
    fn index(&self, index: I) -> &S::Elem {
        &(**self)[index]
    }
}

impl<S: DataMut, D: Dimension, I: NdIndex<D>> IndexMut<I> for ArrayBase<S, D> {
    /// # Panics
    /// If the index is out of bounds, with NumPy's message.
    #[track_caller]
    fn index_mut(&mut self, index: I) -> &mut S::Elem {
        &mut (**self)[index]
    }
}
