//! Numbers stored in a fixed byte order: the fields of records from files written on
//! another machine (NumPy's `'>u8'`, `'<f8'`).
//!
//! [`BigEndian<T>`] holds a `T` as big-endian bytes and [`LittleEndian<T>`] as
//! little-endian ones, whatever this machine's order; `get()` gives the value. Their dtypes
//! say so, so a record of them reads a big-endian file with the right values, prints as
//! NumPy prints it, and saves back the same bytes.
//!
//! ```
//! use ndcore::prelude::*;
//! use ndcore::endian::BigEndian;
//! let a = Array::from_vec(vec![BigEndian::new(1u32), BigEndian::new(258)]);
//! assert_eq!(a.dtype().typestr(), ">u4");
//! assert_eq!(a.view_as::<u8>()?.to_vec(), vec![0, 0, 0, 1, 0, 0, 1, 2]);
//! assert_eq!(a[[1]].get(), 258);
//! assert_eq!(format!("{a:?}"), "array([  1, 258], dtype='>u4')");
//! # Ok::<(), ndcore::Error>(())
//! ```

use crate::dtype::{ByteOrder, DType};
use crate::element::Element;

/// Numbers that can be stored in a chosen byte order.
pub trait Endian: Element + bytemuck::Pod {
    /// The value with its bytes reversed.
    fn swap_bytes(self) -> Self;
}

macro_rules! endian_int {
    ($($t:ty),*) => {$(
        impl Endian for $t {
            fn swap_bytes(self) -> Self {
                <$t>::swap_bytes(self)
            }
        }
    )*};
}
endian_int!(i8, i16, i32, i64, u8, u16, u32, u64);

impl Endian for f32 {
    fn swap_bytes(self) -> Self {
        f32::from_bits(self.to_bits().swap_bytes())
    }
}

impl Endian for f64 {
    fn swap_bytes(self) -> Self {
        f64::from_bits(self.to_bits().swap_bytes())
    }
}

macro_rules! stored_in {
    ($name:ident, $order:expr, $native:expr, $np:literal) => {
        #[doc = concat!("A `T` stored in ", $np, " byte order (NumPy's `'", $np, "'` types).")]
        #[repr(transparent)]
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
        pub struct $name<T>(T);

        impl<T: Endian> $name<T> {
            /// Stores `value`.
            pub fn new(value: T) -> Self {
                $name(if $native { value } else { value.swap_bytes() })
            }
            /// The value, in this machine's order.
            pub fn get(self) -> T {
                if $native { self.0 } else { self.0.swap_bytes() }
            }
        }

        impl<T: Endian> From<T> for $name<T> {
            fn from(value: T) -> Self {
                $name::new(value)
            }
        }

        impl<T: Endian> std::fmt::Debug for $name<T> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                std::fmt::Debug::fmt(&self.get(), f)
            }
        }

        // SAFETY: `repr(transparent)` over a `Pod` T: the same bytes, all valid.
        unsafe impl<T: bytemuck::Pod> bytemuck::Zeroable for $name<T> {}
        // SAFETY: as above.
        unsafe impl<T: bytemuck::Pod> bytemuck::Pod for $name<T> {}

        // SAFETY: the bytes of a T in the named order, which is T's dtype in that order.
        unsafe impl<T: Endian> Element for $name<T> {
            fn dtype() -> DType {
                T::dtype().newbyteorder($order)
            }
        }
    };
}

stored_in!(BigEndian, ByteOrder::Big, cfg!(target_endian = "big"), ">");
stored_in!(
    LittleEndian,
    ByteOrder::Little,
    cfg!(target_endian = "little"),
    "<"
);
