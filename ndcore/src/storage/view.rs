use super::{Data, DataMut, RawData, RawDataClone, Span};
use std::marker::PhantomData;
use std::ptr::NonNull;

/// Borrowed memory: `ViewRepr<&'a T>` reads, `ViewRepr<&'a mut T>` writes.
pub struct ViewRepr<R> {
    _life: PhantomData<R>,
}

impl<R> ViewRepr<R> {
    pub(crate) fn new() -> Self {
        ViewRepr { _life: PhantomData }
    }
}

impl<T> Clone for ViewRepr<&T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for ViewRepr<&T> {}

// SAFETY: a view claims no span; its elements are kept alive by the borrow 'a.
unsafe impl<T> RawData for ViewRepr<&T> {
    type Elem = T;
    const WRITEABLE: bool = false;
    const OWNS_DATA: bool = false;
    fn span(&self) -> Option<Span> {
        None
    }
}
// SAFETY: the view was made from readable, initialized elements borrowed for 'a.
unsafe impl<T> Data for ViewRepr<&T> {}
// SAFETY: a shared view can be duplicated freely.
unsafe impl<T> RawDataClone for ViewRepr<&T> {
    fn clone_with_ptr(&self, ptr: NonNull<T>) -> (Self, NonNull<T>) {
        (*self, ptr)
    }
}

// SAFETY: as for the shared view; the borrow is exclusive.
unsafe impl<T> RawData for ViewRepr<&mut T> {
    type Elem = T;
    const WRITEABLE: bool = true;
    const OWNS_DATA: bool = false;
    fn span(&self) -> Option<Span> {
        None
    }
}
// SAFETY: the view was made from initialized elements borrowed mutably for 'a.
unsafe impl<T> Data for ViewRepr<&mut T> {}
// SAFETY: the exclusive borrow means no one else reaches these elements.
unsafe impl<T> DataMut for ViewRepr<&mut T> {}
