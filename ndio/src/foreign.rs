//! Memory made by somebody else (another library, a C buffer, a DLPack producer), seen as
//! arrays without a copy and kept alive by its owner for as long as an array reaches it.
//!
//! [`Foreign`] is the block: a start, a length, whether it may be written, and an owner, a
//! value whose drop releases the memory (a `Vec`, a DLPack deleter, a Python reference).
//! Arrays over it are [`AnyArray`](ndcore::any::AnyArray)s (any dtype, through
//! [`AnyStorage`]) or typed [`ForeignArray`]s and [`ForeignArrayMut`]s; clones of a
//! read-only one share the block, and the owner is dropped once, with the last of them.
//!
//! ```
//! use ndcore::prelude::*;
//! use ndio::foreign::{Foreign, ForeignArray};
//! let buf: Box<[f64]> = vec![1.0, 2.0, 3.0, 4.0].into_boxed_slice();
//! let (ptr, len) = (buf.as_ptr().cast::<u8>(), std::mem::size_of_val(&*buf));
//! // SAFETY: `buf` owns the bytes, which do not move when the box does.
//! let block = unsafe { Foreign::new(ptr, len, false, buf) };
//! let a: ForeignArray<f64, Ix2> = block.into_array(0, [2, 2], [16, 8])?;
//! assert_eq!(a[[1, 0]], 3.0);
//! # Ok::<(), ndio::Error>(())
//! ```

use std::fmt;
use std::marker::PhantomData;
use std::ptr::NonNull;
use std::sync::Arc;

use bytemuck::AnyBitPattern;
use ndcore::any::AnyStorage;
use ndcore::dimension::IntoStrides;
use ndcore::storage::{Data, DataMut, RawData, RawDataClone, Span};
use ndcore::{ArrayBase, Dimension, IntoDimension};

use crate::error::Result;

/// A block of memory someone else made, and the owner that releases it when dropped.
pub struct Foreign {
    span: Span,
    writeable: bool,
    _owner: Box<dyn Send + Sync>,
}

impl Foreign {
    /// A block of `len` bytes at `start`, released by dropping `owner`.
    ///
    /// # Safety
    /// Until `owner` is dropped, the `len` bytes at `start` must stay allocated at that
    /// address, initialized, and readable; if `writeable`, writable too, and nobody else
    /// may write them while an array made from this block is read (nor read them while one
    /// is written). `start` may be dangling only if `len` is 0. Dropping `owner` may happen
    /// on any thread.
    pub unsafe fn new(
        start: *const u8,
        len: usize,
        writeable: bool,
        owner: impl Send + Sync + 'static,
    ) -> Foreign {
        Foreign {
            span: Span { start, len },
            writeable,
            _owner: Box::new(owner),
        }
    }

    /// The bytes the block spans.
    pub fn span(&self) -> Span {
        self.span
    }

    /// Whether the owner allows writes (NumPy's `WRITEABLE`).
    pub fn is_writeable(&self) -> bool {
        self.writeable
    }
}

impl fmt::Debug for Foreign {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Foreign")
            .field("start", &self.span.start)
            .field("len", &self.span.len)
            .field("writeable", &self.writeable)
            .finish_non_exhaustive()
    }
}

// SAFETY: `Foreign::new`'s contract: the span stays allocated, initialized and readable
// (writable when `writeable`) until the owner, a field of this value, is dropped; moving
// the value moves the owner's box, not the memory.
unsafe impl AnyStorage for Foreign {
    fn span(&self) -> Span {
        self.span
    }
    fn writeable(&self) -> bool {
        self.writeable
    }
}

/// Typed, read-only storage over a [`Foreign`] block; clones share it.
pub struct ForeignRepr<T> {
    block: Arc<Foreign>,
    _elem: PhantomData<T>,
}

/// Typed, writable storage over a [`Foreign`] block that allows writes; not clonable, so
/// the one array is the only way to the memory within this process.
pub struct ForeignMutRepr<T> {
    block: Foreign,
    _elem: PhantomData<T>,
}

/// A read-only array over foreign memory.
pub type ForeignArray<T, D> = ArrayBase<ForeignRepr<T>, D>;
/// A writable array over foreign memory.
pub type ForeignArrayMut<T, D> = ArrayBase<ForeignMutRepr<T>, D>;

// SAFETY: the span is the block's, alive while the Arc'd block (with its owner) lives.
unsafe impl<T> RawData for ForeignRepr<T> {
    type Elem = T;
    const WRITEABLE: bool = false;
    const OWNS_DATA: bool = false;
    fn span(&self) -> Option<Span> {
        Some(self.block.span)
    }
}
// SAFETY: the block's bytes are initialized (its contract) and `T` accepts any bytes, so
// whatever the owner wrote is a valid `T`. Never written through this storage.
unsafe impl<T: AnyBitPattern> Data for ForeignRepr<T> {}
// SAFETY: the clone shares the same block, so the pointer stays valid unchanged.
unsafe impl<T> RawDataClone for ForeignRepr<T> {
    fn clone_with_ptr(&self, ptr: NonNull<T>) -> (Self, NonNull<T>) {
        (
            ForeignRepr {
                block: Arc::clone(&self.block),
                _elem: PhantomData,
            },
            ptr,
        )
    }
}

// SAFETY: as for ForeignRepr; the block is owned by this storage alone.
unsafe impl<T> RawData for ForeignMutRepr<T> {
    type Elem = T;
    const WRITEABLE: bool = true;
    const OWNS_DATA: bool = false;
    fn span(&self) -> Option<Span> {
        Some(self.block.span)
    }
}
// SAFETY: initialized bytes, any of them a valid `T`.
unsafe impl<T: AnyBitPattern> Data for ForeignMutRepr<T> {}
// SAFETY: the block allows writes (checked when the storage is made) and the storage is
// not clonable: the array holding it is the only way to the memory in this process, and
// `Foreign::new`'s contract keeps others from touching it meanwhile.
unsafe impl<T: AnyBitPattern> DataMut for ForeignMutRepr<T> {}

impl Foreign {
    /// A read-only typed array of `shape` and byte `strides` whose first element is
    /// `offset` bytes into the block (which it keeps alive).
    ///
    /// # Errors
    /// An element outside the block or misaligned for `T`, more than 64 axes.
    pub fn into_array<T: AnyBitPattern, D: Dimension>(
        self,
        offset: usize,
        shape: impl IntoDimension<Dim = D>,
        strides: impl IntoStrides<D>,
    ) -> Result<ForeignArray<T, D>> {
        let repr = ForeignRepr {
            block: Arc::new(self),
            _elem: PhantomData,
        };
        Ok(ArrayBase::from_storage(repr, offset, shape, strides)?)
    }

    /// A writable typed array of `shape` and byte `strides` whose first element is
    /// `offset` bytes into the block (which it keeps alive).
    ///
    /// # Errors
    /// A read-only block, an element outside the block or misaligned for `T`, elements
    /// that overlap, more than 64 axes.
    pub fn into_array_mut<T: AnyBitPattern, D: Dimension>(
        self,
        offset: usize,
        shape: impl IntoDimension<Dim = D>,
        strides: impl IntoStrides<D>,
    ) -> Result<ForeignArrayMut<T, D>> {
        if !self.writeable {
            return Err(ndcore::Error::Value("assignment destination is read-only".into()).into());
        }
        let repr = ForeignMutRepr {
            block: self,
            _elem: PhantomData,
        };
        Ok(ArrayBase::from_storage(repr, offset, shape, strides)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndcore::prelude::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    struct Counted(Vec<u8>, Arc<AtomicUsize>);
    impl Drop for Counted {
        fn drop(&mut self) {
            self.1.fetch_add(1, Ordering::SeqCst);
        }
    }

    fn block(bytes: Vec<u8>, writeable: bool, drops: &Arc<AtomicUsize>) -> Foreign {
        let owner = Counted(bytes, Arc::clone(drops));
        let (p, n) = (owner.0.as_ptr(), owner.0.len());
        // SAFETY: the Vec inside the owner holds the bytes; moving it does not move them.
        unsafe { Foreign::new(p, n, writeable, owner) }
    }

    #[test]
    fn the_owner_is_dropped_once_with_the_last_clone() {
        let drops = Arc::new(AtomicUsize::new(0));
        let a: ForeignArray<u8, Ix1> = block(b"abcde".to_vec(), false, &drops)
            .into_array(1, [2], [2])
            .unwrap();
        let b = a.clone();
        assert_eq!(a.to_vec(), b"bd");
        drop(a);
        assert_eq!(drops.load(Ordering::SeqCst), 0);
        assert_eq!(b[[1]], b'd');
        drop(b);
        assert_eq!(drops.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn writable_arrays_need_a_writable_block_and_distinct_elements() {
        let drops = Arc::new(AtomicUsize::new(0));
        let e = block(vec![0; 4], false, &drops)
            .into_array_mut::<u8, Ix1>(0, [4], [1])
            .unwrap_err();
        assert_eq!(e.to_string(), "assignment destination is read-only");
        let e = block(vec![0; 4], true, &drops).into_array_mut::<u8, Ix1>(0, [4], [0]);
        assert!(e.is_err());
        let mut a = block(b"abcde".to_vec(), true, &drops)
            .into_array_mut::<u8, Ix1>(0, [5], [1])
            .unwrap();
        a.iter_mut().for_each(|v| *v += 2);
        assert_eq!(a.to_vec(), b"cdefg");
        // Every block dropped once, the refused ones included.
        drop(a);
        assert_eq!(drops.load(Ordering::SeqCst), 3);
    }

    #[test]
    fn elements_outside_the_block_or_misaligned_are_refused() {
        let drops = Arc::new(AtomicUsize::new(0));
        let r = block(vec![0; 4], false, &drops).into_array::<u8, Ix1>(0, [3], [2]);
        assert!(r.is_err());
        let r = block(vec![0; 4], false, &drops).into_array::<u8, Ix1>(0, [2], [-1]);
        assert!(r.is_err());
        let words = vec![0u64; 2];
        let p = words.as_ptr().cast::<u8>();
        // SAFETY: the Vec owns the 16 bytes.
        let b = unsafe { Foreign::new(p, 16, false, words) };
        assert!(b.into_array::<u32, Ix1>(1, [2], [4]).is_err());
        assert_eq!(drops.load(Ordering::SeqCst), 2);
    }
}
