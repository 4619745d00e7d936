//! Element types: plain-old-data values with a NumPy dtype.

use crate::dtype::{ByteOrder, DType, Kind};
use bytemuck::{CheckedBitPattern, NoUninit, Zeroable};
use std::fmt::Debug;

/// A type an array can hold: plain bytes with a NumPy dtype.
///
/// Implemented for `bool`, `i8`…`i64`, `u8`…`u64`, `f32` and `f64`; `#[derive(Record)]`
/// implements it for structured records. Values are copied bit for bit, never dropped.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be an array element",
    note = "elements are plain data with a NumPy dtype: bool, integers, floats, or a `#[derive(Record)]` struct"
)]
pub trait Element:
    Copy + Send + Sync + Debug + PartialEq + 'static + Zeroable + NoUninit + CheckedBitPattern
{
    /// Whether every bit pattern of `size_of::<Self>()` bytes is a valid value
    /// (false for `bool`, where only 0 and 1 are).
    const ANY_BIT_PATTERN: bool;

    /// The NumPy dtype of this type, in native byte order.
    fn dtype() -> DType;
}

macro_rules! scalar_element {
    ($($t:ty => $ctor:ident($size:expr)),*) => {$(
        impl Element for $t {
            const ANY_BIT_PATTERN: bool = true;
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

impl Element for bool {
    const ANY_BIT_PATTERN: bool = false;
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
