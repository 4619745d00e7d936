//! Element types: plain-old-data values with a NumPy dtype.

use crate::dtype::{ByteOrder, DType, Kind};
use bytemuck::{CheckedBitPattern, NoUninit, Zeroable};
use std::fmt::Debug;

/// A type an array can hold: plain bytes with a NumPy dtype.
///
/// Implemented for `bool`, `i8`…`i64`, `u8`…`u64`, `f32` and `f64`; `#[derive(Record)]`
/// implements it for structured records. Values are copied bit for bit, never dropped.
///
/// Which bit patterns are valid values is bytemuck's [`CheckedBitPattern`], an unsafe
/// trait: ndcore checks bytes it reinterprets (`view_as`) against it, unless the type is
/// bytemuck's `AnyBitPattern`.
///
/// # Safety
/// Unsafe code (reinterpreting views, files and foreign memory read by dtype) trusts
/// [`dtype`](Element::dtype): it must describe `Self`'s bytes exactly. Its item size is
/// `size_of::<Self>()`, every field it names lies inside those bytes at its offset, and
/// every value of `Self` read through the dtype's fields is a valid value of the field's
/// kind (a `bool` field holds 0 or 1). `#[derive(Record)]` writes impls that satisfy this
/// and checks the layout at compile time; a hand-written impl must ensure it itself.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be an array element",
    note = "elements are plain data with a NumPy dtype: bool, integers, floats, or a `#[derive(Record)]` struct"
)]
pub unsafe trait Element:
    Copy + Send + Sync + Debug + PartialEq + 'static + Zeroable + NoUninit + CheckedBitPattern
{
    /// The NumPy dtype of this type, in native byte order.
    fn dtype() -> DType;
}

/// Whether every bit pattern of `size_of::<T>()` bytes is a valid `T` (false for `bool`,
/// where only 0 and 1 are).
///
/// Derived, never declared: bytemuck implements `CheckedBitPattern` with `Bits = Self`
/// exactly for its `AnyBitPattern` types (a manual impl cannot name `Self` unless `Self`
/// is `AnyBitPattern`, which would conflict with the blanket impl).
#[inline]
pub fn accepts_any_bits<T: Element>() -> bool {
    std::any::TypeId::of::<T::Bits>() == std::any::TypeId::of::<T>()
}

macro_rules! scalar_element {
    ($($t:ty => $ctor:ident($size:expr)),*) => {$(
        // SAFETY: a primitive of `$size` bytes, every bit pattern valid, described by
        // NumPy's scalar dtype of that kind and size in native order.
        unsafe impl Element for $t {
            fn dtype() -> DType {
                let order = if $size == 1 { ByteOrder::NotApplicable } else { ByteOrder::native() };
                DType::Scalar { kind: Kind::$ctor, itemsize: $size, order, unit: None }
            }
        }
    )*};
}

scalar_element!(
    i8 => Int(1), i16 => Int(2), i32 => Int(4), i64 => Int(8),
    u8 => UInt(1), u16 => UInt(2), u32 => UInt(4), u64 => UInt(8),
    f32 => Float(4), f64 => Float(8)
);

// SAFETY: one byte, 0 or 1 (bytemuck's `CheckedBitPattern` for bool checks it), NumPy's `?`.
unsafe impl Element for bool {
    fn dtype() -> DType {
        DType::bool()
    }
}

/// A value conversion as NumPy's `astype` does it (C casts: floats truncate toward zero,
/// integers wrap, anything nonzero is `true`).
pub trait CastTo<U>: Copy {
    /// The converted value.
    fn cast_to(self) -> U;
}

macro_rules! cast_numeric {
    ($($from:ty),*) => {$(
        cast_numeric!(@to $from; i8, i16, i32, i64, u8, u16, u32, u64, f32, f64);
        impl CastTo<bool> for $from {
            #[inline]
            fn cast_to(self) -> bool {
                #[allow(clippy::float_cmp)]
                let zero = self == (0 as $from);
                !zero
            }
        }
        impl CastTo<$from> for bool {
            #[inline]
            fn cast_to(self) -> $from {
                (self as u8) as $from
            }
        }
    )*};
    (@to $from:ty; $($to:ty),*) => {$(
        impl CastTo<$to> for $from {
            #[inline]
            #[allow(clippy::unnecessary_cast, clippy::cast_lossless)]
            fn cast_to(self) -> $to {
                self as $to
            }
        }
    )*};
}

cast_numeric!(i8, i16, i32, i64, u8, u16, u32, u64, f32, f64);

impl CastTo<bool> for bool {
    #[inline]
    fn cast_to(self) -> bool {
        self
    }
}

// SAFETY: N elements of T side by side with no padding (arrays have none), described by
// NumPy's sub-array dtype of T's (nested arrays flatten into one shape, as NumPy's
// `('<f8', (2, 3))`); `T: Pod` makes every bit pattern of the array valid.
unsafe impl<T: Element + bytemuck::Pod, const N: usize> Element for [T; N] {
    fn dtype() -> DType {
        let (base, mut shape) = match T::dtype() {
            DType::SubArray { base, shape } => (*base, shape),
            other => (other, Vec::new()),
        };
        shape.insert(0, N);
        DType::SubArray {
            base: Box::new(base),
            shape,
        }
    }
}

/// Compile-time checks the `Record` derive emits. Not for use outside derived code.
#[doc(hidden)]
pub mod __record_checks {
    /// A record field: any bytes must be a valid value of it, so that records read from a
    /// file, a map or another library are always valid.
    #[diagnostic::on_unimplemented(
        message = "`{Self}` cannot be a field of a `#[derive(Record)]` struct",
        label = "not a number, a record or an array of them",
        note = "record fields are integers, floats, bools, other `#[derive(Record)]` structs and `[T; N]` of numbers; a record holding another record with a `bool` field needs `#[record(checked)]`"
    )]
    pub trait RecordField: crate::Element + bytemuck::Pod {}
    impl<T: crate::Element + bytemuck::Pod> RecordField for T {}

    /// The dtype of a record field, and the derive's check of each field's type: a wrong
    /// one is reported by `RecordField`'s message, not by `Element`'s.
    pub fn field_dtype<T: RecordField>() -> crate::DType {
        T::dtype()
    }

    /// A field of a record with checked fields (one with a `bool`): any element.
    #[diagnostic::on_unimplemented(
        message = "`{Self}` cannot be a field of a `#[derive(Record)]` struct",
        label = "not a number, a bool, a record or an array of them",
        note = "record fields are integers, floats, bools, other `#[derive(Record)]` structs and `[T; N]` of numbers"
    )]
    pub trait CheckedField: crate::Element {}
    impl<T: crate::Element> CheckedField for T {}

    /// As [`field_dtype`], for records with checked fields.
    pub fn checked_field_dtype<T: CheckedField>() -> crate::DType {
        T::dtype()
    }

    /// A padding field: bytes only.
    #[diagnostic::on_unimplemented(
        message = "a `#[record(pad)]` field must be `[u8; N]`, not `{Self}`",
        label = "padding is bytes"
    )]
    pub trait PadField {}
    impl<const N: usize> PadField for [u8; N] {}

    /// Fails to compile unless `T` is `[u8; N]`.
    pub const fn pad<T: PadField>() {}
}
