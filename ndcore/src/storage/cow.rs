use super::{Data, OwnedRepr, RawData, RawDataClone, Span, ViewRepr};
use std::ptr::NonNull;

/// Either a borrowed view or owned memory: what `as_standard_layout` returns, so that a
/// copy happens only when the layout needs one.
pub enum CowRepr<'a, T> {
    /// Borrowed, read-only.
    View(ViewRepr<&'a T>),
    /// Owned.
    Owned(OwnedRepr<T>),
}

impl<T> CowRepr<'_, T> {
    /// Whether this holds a view (no copy was made).
    pub fn is_view(&self) -> bool {
        matches!(self, CowRepr::View(_))
    }
}

// SAFETY: both variants uphold RawData.
unsafe impl<T> RawData for CowRepr<'_, T> {
    type Elem = T;
    const WRITEABLE: bool = false;
    const OWNS_DATA: bool = false;
    fn span(&self) -> Option<Span> {
        match self {
            CowRepr::View(_) => None,
            CowRepr::Owned(o) => o.span(),
        }
    }
}
// SAFETY: both variants hold readable, initialized elements.
unsafe impl<T> Data for CowRepr<'_, T> {
    fn into_owned_buffer(self) -> Result<OwnedRepr<T>, Self> {
        match self {
            CowRepr::Owned(o) => Ok(o),
            v => Err(v),
        }
    }
}
// SAFETY: delegates to the variants, which keep the offset.
unsafe impl<T: Copy> RawDataClone for CowRepr<'_, T> {
    fn clone_with_ptr(&self, ptr: NonNull<T>) -> (Self, NonNull<T>) {
        match self {
            CowRepr::View(v) => (CowRepr::View(*v), ptr),
            CowRepr::Owned(o) => {
                let (c, p) = o.clone_with_ptr(ptr);
                (CowRepr::Owned(c), p)
            }
        }
    }
}
