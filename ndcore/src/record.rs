//! Records: structs whose arrays are NumPy's structured arrays.
//!
//! `#[derive(Record)]` on a `#[repr(C)]` struct of elements, other records and fixed
//! arrays (`[T; N]`, NumPy's sub-array fields) implements [`Element`](crate::Element) with NumPy's
//! dtype — names, offsets, nesting, item size — and a trait of field accessors,
//! `<Name>Fields`, that gives each field of an array of records as a view: the same
//! memory, the field's byte offset, the record's strides, no copy. A misspelled field
//! does not compile.
//!
//! ```
//! use ndcore::prelude::*;
//! use ndcore::Record;
//!
//! // dt = np.dtype([('time', np.uint64), ('pos', [('x', float), ('y', float)])])
//! #[derive(Record, Clone, Copy, Debug, PartialEq)]
//! #[repr(C)]
//! struct Pos { x: f64, y: f64 }
//!
//! #[derive(Record, Clone, Copy, Debug, PartialEq)]
//! #[repr(C)]
//! struct Rec { time: u64, pos: Pos }
//!
//! assert_eq!(Rec::dtype().descr(), "[('time', '<u8'), ('pos', [('x', '<f8'), ('y', '<f8')])]");
//! let x = Array::from_vec(vec![
//!     Rec { time: 1, pos: Pos { x: 0.0, y: 0.0 } },
//!     Rec { time: 2, pos: Pos { x: 5.5, y: 1.0 } },
//! ]);
//! // x['time'], x['pos']['x']: views, strides of 24 bytes.
//! assert_eq!(x.time().to_vec(), vec![1, 2]);
//! assert_eq!(x.pos().x().strides(), &[24]);
//! assert_eq!(x.pos().x().to_vec(), vec![0.0, 5.5]);
//! assert_eq!(format!("{x:?}"), "array([(1, (0. , 0.)), (2, (5.5, 1.))],\n      dtype=[('time', '<u8'), ('pos', [('x', '<f8'), ('y', '<f8')])])");
//! # Ok::<(), ndcore::Error>(())
//! ```
//!
//! A record with a `bool` field is valid only for bytes 0 and 1 there: such records are
//! checked wherever their bytes come from outside (`view_as`, `ndio::load`, `downcast`),
//! and cannot be memory-mapped typed. A record holding one says `#[record(checked)]`.
//!
//! What the derive checks, at compile time: `#[repr(C)]`; no generic parameters; every
//! field an [`Element`](crate::Element) (numbers, records, `[T; N]` of them); no padding (NumPy describes
//! padding by offsets, but Rust may not read padding bytes: declare it as a field of
//! bytes marked `#[record(pad)]`, which the dtype leaves out, as NumPy's `align=True`
//! does). `#[record(name = "…")]` gives a field a NumPy name that is not a Rust
//! identifier.
//!
//! `<Name>FieldsMut` (`x.time_mut()`) works on writable arrays; on a read-only one (a map
//! opened `mode::R`, a `view()`) it does not compile and says the array is read-only. A
//! `#[repr(C, packed)]` record (NumPy's default `align=False` layout) may have misaligned
//! fields, so no view of them exists: `x.time()` gives a copy, `x.time_mut()` does not
//! compile and says so, and fields are written through whole records
//! (`for r in x.iter_mut() { r.time = … }`).

use crate::array::{ArrayBase, ArrayRef, ArrayView, ArrayViewMut};
use crate::dimension::Dimension;
use crate::storage::{DataMut, ViewRepr};

/// What the derive's field accessors are built on. Not for use outside derived code.
#[doc(hidden)]
pub mod __private {
    use super::*;
    use std::ptr::NonNull;

    /// The field at `offset` of every element of `a`, as a view.
    ///
    /// # Safety
    /// Every `T` must hold a valid, aligned `U` at byte `offset` (a field of a `#[repr(C)]`
    /// struct that is not packed).
    pub unsafe fn field<'a, T, U, D: Dimension>(
        a: &'a ArrayRef<T, D>,
        offset: usize,
    ) -> ArrayView<'a, U, D> {
        // SAFETY: the caller's contract; the view borrows `a` for 'a.
        unsafe { project(a.as_ptr(), offset, a.dim().clone(), a.raw_strides().clone()) }
    }

    /// As [`field`], for a view: the result keeps the view's lifetime, not the borrow's,
    /// so `x.pos().x()` outlives the temporary `x.pos()` and `x.time()` leaves `x` usable.
    ///
    /// # Safety
    /// As [`field`].
    pub unsafe fn field_of_view<'a, T, U, D: Dimension>(
        a: &ArrayView<'a, T, D>,
        offset: usize,
    ) -> ArrayView<'a, U, D> {
        // SAFETY: as `field`; the data lives for 'a, as the view said.
        unsafe { project(a.as_ptr(), offset, a.dim().clone(), a.raw_strides().clone()) }
    }

    /// The field at `offset` of every element of `a`, writable; consumes the view, so the
    /// result keeps its lifetime (`x.pos_mut().x_mut()`).
    ///
    /// # Safety
    /// As [`field`].
    pub unsafe fn field_of_view_mut<'a, T, U, D: Dimension>(
        mut a: ArrayViewMut<'a, T, D>,
        offset: usize,
    ) -> ArrayViewMut<'a, U, D> {
        let (dim, strides) = (a.dim().clone(), a.raw_strides().clone());
        // SAFETY: as `field`; the view was the only access for 'a and is consumed, and the
        // elements do not overlap, so neither do their fields.
        unsafe { project(a.as_mut_ptr().cast_const(), offset, dim, strides) }
    }

    /// The arrays of records whose fields can be written: what `<Name>FieldsMut`'s methods
    /// need of their receiver. A bound of the methods rather than of the impls, so that on
    /// a read-only array (a map opened `mode::R`, a `view()`) the method is still found and
    /// `DataMut` says the array is read-only, instead of rustc's `DerefMut is required`.
    pub trait RecordsMut<'a, T, D: Dimension> {
        /// All the records, writable.
        fn records_mut(self) -> ArrayViewMut<'a, T, D>;
    }

    impl<'a, T, D: Dimension> RecordsMut<'a, T, D> for &'a mut ArrayRef<T, D> {
        fn records_mut(self) -> ArrayViewMut<'a, T, D> {
            self.view_mut()
        }
    }

    impl<'a, T, D: Dimension> RecordsMut<'a, T, D> for ArrayViewMut<'a, T, D> {
        fn records_mut(self) -> ArrayViewMut<'a, T, D> {
            self
        }
    }

    impl<'a, S: DataMut, D: Dimension> RecordsMut<'a, S::Elem, D> for &'a mut ArrayBase<S, D> {
        fn records_mut(self) -> ArrayViewMut<'a, S::Elem, D> {
            self.view_mut()
        }
    }

    /// Never implemented (sealed): the bound of a packed record's `<Name>FieldsMut`
    /// methods, which exist only to say why a packed field has no view.
    #[diagnostic::on_unimplemented(
        message = "`{R}` is a packed record (`#[repr(C, packed)]`): its fields may be misaligned, so no view of a field can be borrowed",
        label = "no view of a packed field",
        note = "read a field as a copy: `x.b()` gives an owned array of the field `b`; write whole records: `for r in x.iter_mut() {{ r.b = … }}`; for views, make the record `#[repr(C)]` with its padding declared as `#[record(pad)] _pad: [u8; N]` (NumPy's align=True)"
    )]
    pub trait PackedFieldView<R>: sealed::Sealed {}

    mod sealed {
        /// Implemented by nothing.
        pub trait Sealed {}
    }

    /// A view with `ptr + offset`, the same shape and strides.
    ///
    /// # Safety
    /// As [`field`], for the memory behind `ptr`, valid for the view's lifetime and
    /// access.
    unsafe fn project<R, U, D: Dimension>(
        ptr: *const impl Sized,
        offset: usize,
        dim: D,
        strides: D::Strides,
    ) -> ArrayBase<ViewRepr<R>, D>
    where
        ViewRepr<R>: crate::storage::RawData<Elem = U>,
    {
        // An empty array's pointer may dangle: wrapping arithmetic, never dereferenced.
        let p = ptr.cast::<u8>().wrapping_add(offset).cast::<U>().cast_mut();
        // SAFETY: a pointer into (or, for an empty array, just like) the array's, which is
        // never null; an offset within an element keeps it non-null.
        let p = unsafe { NonNull::new_unchecked(p) };
        // SAFETY: every field lies inside its element, aligned and valid (the caller's
        // contract), so the view's layout reaches only memory the source reaches.
        unsafe { ArrayBase::from_parts_unchecked(ViewRepr::new(), p, dim, strides) }
    }
}
