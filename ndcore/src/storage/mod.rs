//! Storage kinds: who owns an array's memory and whether it may be written, in the type.
//!
//! `RawData` → `Data` (readable) → `DataMut` (writable) → `DataOwned` (constructible).
//! Other crates implement these traits for their own memory (ndio's memory maps and
//! foreign buffers) without ndcore knowing them.

mod arc;
mod cow;
mod owned;
mod view;

pub use arc::OwnedArcRepr;
pub use cow::CowRepr;
pub use owned::OwnedRepr;
pub use view::ViewRepr;

use crate::array::ArrayBase;
use crate::dimension::Dimension;

/// The bytes an allocation spans: every element an array reaches lies inside.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Span {
    /// First byte.
    pub start: *const u8,
    /// Length in bytes.
    pub len: usize,
}

// SAFETY: a span is an address range; it grants no access by itself.
unsafe impl Send for Span {}
// SAFETY: as above.
unsafe impl Sync for Span {}

impl Span {
    /// The span of a slice.
    pub fn of_slice<T>(s: &[T]) -> Span {
        Span {
            start: s.as_ptr().cast(),
            len: std::mem::size_of_val(s),
        }
    }
}

/// Memory an array points into.
///
/// # Safety
/// If `span` returns `Some`, it must describe memory that stays allocated, at the same
/// address, for as long as the storage value lives (moving the storage must not move the
/// memory), and that arrays of this storage may access in full (as `Data`/`DataMut` say).
/// Views return `None`: they may reach only the elements they were made with.
pub unsafe trait RawData: Sized {
    /// The element type.
    type Elem;
    /// Whether arrays of this storage may be written (NumPy's `WRITEABLE` flag).
    const WRITEABLE: bool;
    /// Whether the storage owns its memory (NumPy's `OWNDATA` flag).
    const OWNS_DATA: bool;
    /// The name `repr` gives arrays of this storage: NumPy's class name (`array`, `memmap`).
    const REPR_NAME: &'static str = "array";
    /// The whole allocation, when the storage holds all of it.
    fn span(&self) -> Option<Span>;
}

/// Storage whose elements may be read.
///
/// # Safety
/// Every byte of `span()` must be initialized and readable as `Elem` values (wherever an
/// array's layout places them) while no `&mut` to it exists elsewhere.
///
/// If [`into_owned_buffer`](Data::into_owned_buffer) returns `Ok(o)`, `o` must be the
/// allocation `span()` described (same start, same length), owned by `o` alone from then
/// on: element-wise operators write their result through the array's pointer into it.
/// The default, `Err(self)`, is always sound.
pub unsafe trait Data: RawData {
    /// The storage's whole buffer as an owned, unshared [`OwnedRepr`], if it is one (an
    /// owned array, a uniquely held shared one); the storage back otherwise. Element-wise
    /// operators use it to write their result into an operand they were given by value.
    fn into_owned_buffer(self) -> Result<OwnedRepr<Self::Elem>, Self> {
        Err(self)
    }
}

/// Storage whose elements may be written through `&mut` of the array.
///
/// # Safety
/// After `ensure_unique`, no other live array or reference may read or write the elements
/// the array reaches.
#[diagnostic::on_unimplemented(
    message = "this array is read-only: its storage `{Self}` cannot be written",
    note = "`view()`, `slice(..)`, `t()`, `broadcast_to` and read-only memory maps give read-only arrays (NumPy's view would be writable); write through `slice_mut(s![..])`, `view_mut()` or `index_axis_mut` of an owned array, or make a copy with `to_owned()`"
)]
pub unsafe trait DataMut: Data {
    /// Makes the memory the array reaches exclusively its own (copy-on-write storages
    /// copy here). A no-op for storages that are always unique.
    fn ensure_unique<D: Dimension>(_array: &mut ArrayBase<Self, D>) {}
}

/// Storage that can be made from a vector (owned and shared arrays), so constructors
/// work for both.
///
/// # Safety
/// `from_vec` must produce storage whose span is exactly the vector's elements.
pub unsafe trait DataOwned: Data {
    /// Takes ownership of the elements.
    fn from_vec(v: Vec<Self::Elem>) -> Self;
    /// Wraps an owned buffer.
    fn from_owned(o: OwnedRepr<Self::Elem>) -> Self;
}

/// Storage whose array can be cloned cheaply or by copy (`Clone` for `ArrayBase`).
///
/// # Safety
/// The clone's span must contain the same elements at the offsets returned for `ptr`.
pub unsafe trait RawDataClone: RawData {
    /// Clones the storage and returns the pointer in the clone that corresponds to `ptr`.
    fn clone_with_ptr(
        &self,
        ptr: std::ptr::NonNull<Self::Elem>,
    ) -> (Self, std::ptr::NonNull<Self::Elem>);
}
