//! The array: a data pointer, a shape, byte strides, and a storage that says who owns the
//! memory and whether it may be written.

mod construct;
mod convert;
mod cow;
mod from_raw;
mod index;
mod like;
mod owned_views;
mod props;
mod reshape;
mod shape_views;
mod view_layout;
mod views;
mod writes;

pub(crate) use construct::uninit_buffer;
pub use construct::{
    ArangeElem, ArangeStop, LinspaceElem, arange, arange_with, linspace, linspace_with,
};
pub use index::{IndexInt, NdIndex};
pub use like::{empty_like, full_like, ones_like, uninit_like, zeros_like};
pub use props::Flags;
pub use reshape::{Reshape, reshape};
pub use shape_views::AxisList;

use crate::dimension::Dimension;
use crate::storage::{
    CowRepr, Data, DataMut, OwnedArcRepr, OwnedRepr, RawData, RawDataClone, ViewRepr,
};
use std::ptr::NonNull;

/// Pointer, shape and byte strides: the part every array kind shares.
pub(crate) struct Parts<T, D: Dimension> {
    pub(crate) ptr: NonNull<T>,
    pub(crate) dim: D,
    pub(crate) strides: D::Strides,
}

/// What every array derefs to: `&ArrayRef<T, D>` is to arrays what `&[T]` is to vectors.
///
/// Write a function once for owned arrays, views, shared arrays and memory maps:
/// `fn f(a: &ArrayRef<f64, Ix2>)`. It is unsized, so it only exists behind a reference and
/// cannot be swapped out of an array.
#[repr(C)]
pub struct ArrayRef<T, D: Dimension> {
    pub(crate) parts: Parts<T, D>,
    _unsized: [()],
}

/// An n-dimensional array with storage `S` and rank `D`.
///
/// Most methods live on [`ArrayRef`], which every `ArrayBase` derefs to.
#[repr(C)]
pub struct ArrayBase<S: RawData, D: Dimension> {
    pub(crate) parts: Parts<S::Elem, D>,
    pub(crate) data: S,
}

/// An array that owns its memory (NumPy's array with `OWNDATA`).
pub type Array<T, D> = ArrayBase<OwnedRepr<T>, D>;
/// A read-only view of another array's memory.
pub type ArrayView<'a, T, D> = ArrayBase<ViewRepr<&'a T>, D>;
/// A writable view of another array's memory.
pub type ArrayViewMut<'a, T, D> = ArrayBase<ViewRepr<&'a mut T>, D>;
/// A shared array: `clone` is cheap, writing copies first if the memory is shared.
pub type ArcArray<T, D> = ArrayBase<OwnedArcRepr<T>, D>;
/// A view or an owned copy, whichever was needed.
pub type CowArray<'a, T, D> = ArrayBase<CowRepr<'a, T>, D>;

macro_rules! rank_aliases {
    ($($a:ident $v:ident $vm:ident = $d:ident),*) => {$(
        #[doc = concat!("An owned array of rank `", stringify!($d), "`.")]
        pub type $a<T> = Array<T, crate::dimension::$d>;
        #[doc = concat!("A read-only view of rank `", stringify!($d), "`.")]
        pub type $v<'a, T> = ArrayView<'a, T, crate::dimension::$d>;
        #[doc = concat!("A writable view of rank `", stringify!($d), "`.")]
        pub type $vm<'a, T> = ArrayViewMut<'a, T, crate::dimension::$d>;
    )*};
}
rank_aliases!(
    Array0 ArrayView0 ArrayViewMut0 = Ix0,
    Array1 ArrayView1 ArrayViewMut1 = Ix1,
    Array2 ArrayView2 ArrayViewMut2 = Ix2,
    Array3 ArrayView3 ArrayViewMut3 = Ix3,
    Array4 ArrayView4 ArrayViewMut4 = Ix4,
    Array5 ArrayView5 ArrayViewMut5 = Ix5,
    Array6 ArrayView6 ArrayViewMut6 = Ix6,
    ArrayD ArrayViewD ArrayViewMutD = IxDyn
);

impl<T, D: Dimension> Parts<T, D> {
    fn as_ref(&self) -> &ArrayRef<T, D> {
        let fat = std::ptr::slice_from_raw_parts(self as *const Self as *const (), 0);
        // SAFETY: ArrayRef is repr(C) with `Parts` first and a zero-length tail of `()`, so a
        // pointer to `Parts` with length metadata 0 is a valid pointer to an ArrayRef that
        // covers exactly the `Parts` bytes, borrowed for self's lifetime.
        unsafe { &*(fat as *const ArrayRef<T, D>) }
    }

    fn as_mut(&mut self) -> &mut ArrayRef<T, D> {
        let fat = std::ptr::slice_from_raw_parts_mut(self as *mut Self as *mut (), 0);
        // SAFETY: as in `as_ref`, with the exclusive borrow of self.
        unsafe { &mut *(fat as *mut ArrayRef<T, D>) }
    }
}

// SAFETY: arrays are Send/Sync exactly when their storage (which owns or borrows the
// elements) is; the pointer in `Parts` only points into that storage's memory.
unsafe impl<S: RawData + Send, D: Dimension> Send for ArrayBase<S, D> where S::Elem: Send {}
// SAFETY: as above.
unsafe impl<S: RawData + Sync, D: Dimension> Sync for ArrayBase<S, D> where S::Elem: Sync {}
// SAFETY: an ArrayRef is a shared or exclusive window on elements, like a slice `[T]`.
unsafe impl<T: Send, D: Dimension> Send for ArrayRef<T, D> {}
// SAFETY: as above.
unsafe impl<T: Sync, D: Dimension> Sync for ArrayRef<T, D> {}

impl<T, D: Dimension> Clone for Parts<T, D> {
    fn clone(&self) -> Self {
        Parts {
            ptr: self.ptr,
            dim: self.dim.clone(),
            strides: self.strides.clone(),
        }
    }
}

impl<S: Data, D: Dimension> std::ops::Deref for ArrayBase<S, D> {
    type Target = ArrayRef<S::Elem, D>;
    fn deref(&self) -> &Self::Target {
        self.parts.as_ref()
    }
}

impl<S: DataMut, D: Dimension> std::ops::DerefMut for ArrayBase<S, D> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        S::ensure_unique(self);
        self.parts.as_mut()
    }
}

impl<T, D: Dimension> AsRef<ArrayRef<T, D>> for ArrayRef<T, D> {
    fn as_ref(&self) -> &ArrayRef<T, D> {
        self
    }
}

impl<S: Data, D: Dimension> AsRef<ArrayRef<S::Elem, D>> for ArrayBase<S, D> {
    fn as_ref(&self) -> &ArrayRef<S::Elem, D> {
        self
    }
}

impl<S: RawDataClone, D: Dimension> Clone for ArrayBase<S, D> {
    /// Copies owned arrays; shares memory for views and `ArcArray` (cheap).
    fn clone(&self) -> Self {
        let (data, ptr) = self.data.clone_with_ptr(self.parts.ptr);
        ArrayBase {
            parts: Parts {
                ptr,
                dim: self.parts.dim.clone(),
                strides: self.parts.strides.clone(),
            },
            data,
        }
    }
}

impl<S: RawData, D: Dimension> ArrayBase<S, D> {
    /// Builds an array from parts the caller has checked.
    ///
    /// # Safety
    /// Every element `ptr + Σ iₖ·strides[k]` for indices inside `dim` must lie inside
    /// `data.span()`, be aligned for `S::Elem`, and be valid to access as `data` allows.
    pub(crate) unsafe fn from_parts_unchecked(
        data: S,
        ptr: NonNull<S::Elem>,
        dim: D,
        strides: D::Strides,
    ) -> Self {
        ArrayBase {
            parts: Parts { ptr, dim, strides },
            data,
        }
    }

    /// The storage.
    pub fn storage(&self) -> &S {
        &self.data
    }
}

impl<T, D: Dimension> ArrayRef<T, D> {
    /// Makes a view with another shape/strides from this array's pointer moved by
    /// `offset` bytes (not moved when the view is empty).
    ///
    /// # Safety
    /// Every element of the new layout must be an element this array reaches, so the
    /// view reads nothing the borrow of `self` does not cover; for a nonempty view,
    /// `offset` must lead to its first element.
    pub(crate) unsafe fn view_with<E: Dimension>(
        &self,
        offset: isize,
        dim: E,
        strides: E::Strides,
    ) -> ArrayView<'_, T, E> {
        let offset = offset_unless_empty(offset, dim.as_ref());
        // SAFETY: a nonempty view's first element is an element of self (the caller's
        // guarantee); an empty view keeps self's pointer.
        let ptr = unsafe {
            NonNull::new_unchecked(self.parts.ptr.as_ptr().cast::<u8>().offset(offset).cast())
        };
        // SAFETY: the caller checked the layout; the view borrows self.
        unsafe { ArrayBase::from_parts_unchecked(ViewRepr::new(), ptr, dim, strides) }
    }

    /// Like `view_with`, writable.
    ///
    /// # Safety
    /// As `view_with`, and the new layout must not make two indices share an element.
    pub(crate) unsafe fn view_mut_with<E: Dimension>(
        &mut self,
        offset: isize,
        dim: E,
        strides: E::Strides,
    ) -> ArrayViewMut<'_, T, E> {
        let offset = offset_unless_empty(offset, dim.as_ref());
        // SAFETY: as in `view_with`.
        let ptr = unsafe {
            NonNull::new_unchecked(self.parts.ptr.as_ptr().cast::<u8>().offset(offset).cast())
        };
        // SAFETY: the caller checked the layout; the view borrows self exclusively.
        unsafe { ArrayBase::from_parts_unchecked(ViewRepr::new(), ptr, dim, strides) }
    }
}

/// The byte offset to a view's first element, or 0 for an empty view.
///
/// An empty view of a nonempty array may name a "first element" that does not exist (a
/// slice `[3:]` of an axis when another axis is empty), and moving a pointer past its
/// allocation is undefined behaviour; NumPy moves it anyway. An empty view reads nothing,
/// so keeping the old pointer is safe and invisible except through `as_ptr`.
#[inline]
pub(crate) fn offset_unless_empty(offset: isize, shape: &[usize]) -> isize {
    if shape.contains(&0) { 0 } else { offset }
}
