use super::{Data, DataMut, DataOwned, RawData, RawDataClone, Span};
use crate::alloc;
use std::alloc::Layout;
use std::marker::PhantomData;
use std::ptr::NonNull;

/// Memory an array owns: a buffer of `len` elements (NumPy's `OWNDATA`).
///
/// Large buffers come from, and go back to, the large-buffer pool ([`crate::alloc`]).
pub struct OwnedRepr<T> {
    ptr: NonNull<T>,
    len: usize,
    layout: Layout,
    _owns: PhantomData<T>,
}

// SAFETY: OwnedRepr owns its elements like a Vec<T> does.
unsafe impl<T: Send> Send for OwnedRepr<T> {}
// SAFETY: as above.
unsafe impl<T: Sync> Sync for OwnedRepr<T> {}

impl<T: Copy> OwnedRepr<T> {
    /// Takes a vector's buffer without copying.
    pub fn from_vec(v: Vec<T>) -> Self {
        let mut v = std::mem::ManuallyDrop::new(v);
        let (len, cap) = (v.len(), v.capacity());
        // Vec's buffer is allocated with `Layout::array::<T>(cap)` (zero-sized: nothing).
        let layout = Layout::array::<T>(cap).unwrap_or_else(|_| Layout::new::<()>());
        let layout = if std::mem::size_of::<T>() == 0 || cap == 0 {
            Layout::from_size_align(0, std::mem::align_of::<T>()).unwrap_or(layout)
        } else {
            layout
        };
        // SAFETY: a Vec's pointer is never null.
        let ptr = unsafe { NonNull::new_unchecked(v.as_mut_ptr()) };
        OwnedRepr {
            ptr,
            len,
            layout,
            _owns: PhantomData,
        }
    }

    fn alloc(len: usize, zeroed: bool) -> Option<Self> {
        let bytes = len.checked_mul(std::mem::size_of::<T>())?;
        if bytes > isize::MAX as usize {
            return None;
        }
        let (p, layout) = alloc::allocate(bytes, std::mem::align_of::<T>(), zeroed)?;
        Some(OwnedRepr {
            ptr: p.cast(),
            len,
            layout,
            _owns: PhantomData,
        })
    }

    /// A zeroed buffer of `len` elements, or `None` if its size overflows.
    pub fn zeroed(len: usize) -> Option<Self>
    where
        T: bytemuck::Zeroable,
    {
        Self::alloc(len, true)
    }

    /// A buffer of `len` elements whose contents are unspecified.
    ///
    /// # Safety
    /// Every element must be written before it is read.
    pub unsafe fn uninit(len: usize) -> Option<Self> {
        Self::alloc(len, false)
    }

    /// A buffer holding a copy of `s`.
    pub fn from_slice(s: &[T]) -> Self {
        let len = s.len();
        // SAFETY: all `len` elements are written by the copy below before any read.
        let Some(o) = (unsafe { Self::uninit(len) }) else {
            // A slice's byte size always fits in isize, so only the allocator can refuse:
            // what `Vec`'s clone does then.
            std::alloc::handle_alloc_error(
                Layout::array::<T>(len).unwrap_or_else(|_| Layout::new::<T>()),
            )
        };
        // SAFETY: `o` has room for `len` elements and does not overlap `s`.
        unsafe { std::ptr::copy_nonoverlapping(s.as_ptr(), o.ptr.as_ptr(), len) };
        o
    }

    /// The elements.
    pub fn as_slice(&self) -> &[T] {
        // SAFETY: `ptr` points to `len` initialized elements owned by self.
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }

    /// The number of elements.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no elements.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Pointer to the first element.
    pub fn as_nonnull(&self) -> NonNull<T> {
        self.ptr
    }

    /// Into a `Vec` (copies unless the buffer is a `Vec`'s own).
    pub fn into_vec(self) -> Vec<T> {
        let vec_layout = Layout::array::<T>(self.layout.size() / std::mem::size_of::<T>().max(1));
        if std::mem::size_of::<T>() > 0
            && self.layout.size() > 0
            && vec_layout.ok() == Some(self.layout)
            && self.layout.size().is_multiple_of(std::mem::size_of::<T>())
        {
            let me = std::mem::ManuallyDrop::new(self);
            let cap = me.layout.size() / std::mem::size_of::<T>();
            // SAFETY: the buffer was allocated with the layout a Vec<T> of `cap` uses, and
            // holds `len <= cap` initialized elements; ownership moves to the Vec.
            unsafe { Vec::from_raw_parts(me.ptr.as_ptr(), me.len, cap) }
        } else {
            self.as_slice().to_vec()
        }
    }
}

impl<T: Copy> OwnedRepr<T> {
    /// The same allocation seen as `len` elements of `U`, if it holds that many bytes and
    /// is aligned for `U`; self back otherwise.
    ///
    /// # Safety
    /// The first `len * size_of::<U>()` bytes must be valid `U` values.
    pub(crate) unsafe fn reinterpret<U: Copy>(self, len: usize) -> Result<OwnedRepr<U>, Self> {
        let fits = len
            .checked_mul(std::mem::size_of::<U>())
            .is_some_and(|b| b <= self.layout.size());
        if !fits || self.layout.align() < std::mem::align_of::<U>() || std::mem::size_of::<U>() == 0
        {
            return Err(self);
        }
        let me = std::mem::ManuallyDrop::new(self);
        Ok(OwnedRepr {
            ptr: me.ptr.cast(),
            len,
            layout: me.layout,
            _owns: PhantomData,
        })
    }
}

impl<T> Drop for OwnedRepr<T> {
    fn drop(&mut self) {
        // SAFETY: the buffer was allocated with `layout` (by `alloc::allocate` or a Vec)
        // and is owned by self; elements are `Copy`, so nothing needs dropping.
        unsafe { alloc::release(self.ptr.cast(), self.layout) };
    }
}

impl<T: Copy> Clone for OwnedRepr<T> {
    fn clone(&self) -> Self {
        Self::from_slice(self.as_slice())
    }
}

// SAFETY: the span is the owned buffer, which does not move when the value moves.
unsafe impl<T> RawData for OwnedRepr<T> {
    type Elem = T;
    const WRITEABLE: bool = true;
    const OWNS_DATA: bool = true;
    fn span(&self) -> Option<Span> {
        Some(Span {
            start: self.ptr.as_ptr().cast(),
            len: self.len * std::mem::size_of::<T>(),
        })
    }
}
// SAFETY: all `len` elements are initialized.
unsafe impl<T> Data for OwnedRepr<T> {
    fn into_owned_buffer(self) -> Result<OwnedRepr<T>, Self> {
        Ok(self)
    }
}
// SAFETY: the buffer is owned by exactly one array.
unsafe impl<T> DataMut for OwnedRepr<T> {}
// SAFETY: the span is exactly the vector's elements.
unsafe impl<T: Copy> DataOwned for OwnedRepr<T> {
    fn from_vec(v: Vec<T>) -> Self {
        OwnedRepr::from_vec(v)
    }
    fn from_owned(o: OwnedRepr<T>) -> Self {
        o
    }
}
// SAFETY: the clone holds the same elements; the pointer keeps its offset.
unsafe impl<T: Copy> RawDataClone for OwnedRepr<T> {
    fn clone_with_ptr(&self, ptr: NonNull<T>) -> (Self, NonNull<T>) {
        let c = self.clone();
        let off = (ptr.as_ptr() as usize).wrapping_sub(self.ptr.as_ptr() as usize);
        // SAFETY: `ptr` lies inside self's buffer, so the same byte offset lies inside the
        // clone's buffer of equal size.
        let p = unsafe { NonNull::new_unchecked(c.ptr.as_ptr().cast::<u8>().add(off).cast()) };
        (c, p)
    }
}
