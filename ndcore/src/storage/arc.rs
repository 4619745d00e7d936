use super::{Data, DataMut, DataOwned, OwnedRepr, RawData, RawDataClone, Span};
use crate::array::ArrayBase;
use crate::dimension::Dimension;
use std::ptr::NonNull;
use std::sync::Arc;

/// Shared memory with copy-on-write: cloning the array is cheap, writing copies first if
/// the memory is shared.
pub struct OwnedArcRepr<T>(pub(crate) Arc<OwnedRepr<T>>);

impl<T> Clone for OwnedArcRepr<T> {
    fn clone(&self) -> Self {
        OwnedArcRepr(Arc::clone(&self.0))
    }
}

// SAFETY: the span is the shared buffer, kept alive by the Arc.
unsafe impl<T> RawData for OwnedArcRepr<T> {
    type Elem = T;
    const WRITEABLE: bool = true;
    const OWNS_DATA: bool = true;
    fn span(&self) -> Option<Span> {
        self.0.span()
    }
}
// SAFETY: the buffer's elements are initialized.
unsafe impl<T> Data for OwnedArcRepr<T> {
    fn into_owned_buffer(self) -> Result<OwnedRepr<T>, Self> {
        Arc::try_unwrap(self.0).map_err(OwnedArcRepr)
    }
}
// SAFETY: `ensure_unique` copies the buffer when the Arc is shared, so after it the array
// is the only owner.
unsafe impl<T: Copy> DataMut for OwnedArcRepr<T> {
    fn ensure_unique<D: Dimension>(array: &mut ArrayBase<Self, D>) {
        if Arc::get_mut(&mut array.data.0).is_some() {
            return;
        }
        let (copy, ptr) = array.data.0.clone_with_ptr(array.parts.ptr);
        array.data = OwnedArcRepr(Arc::new(copy));
        array.parts.ptr = ptr;
    }
}
// SAFETY: the span is exactly the vector's elements.
unsafe impl<T: Copy> DataOwned for OwnedArcRepr<T> {
    fn from_vec(v: Vec<T>) -> Self {
        OwnedArcRepr(Arc::new(OwnedRepr::from_vec(v)))
    }
    fn from_owned(o: OwnedRepr<T>) -> Self {
        OwnedArcRepr(Arc::new(o))
    }
}
// SAFETY: the clone shares the same buffer.
unsafe impl<T> RawDataClone for OwnedArcRepr<T> {
    fn clone_with_ptr(&self, ptr: NonNull<T>) -> (Self, NonNull<T>) {
        (OwnedArcRepr(Arc::clone(&self.0)), ptr)
    }
}
