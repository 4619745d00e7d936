//! NumPy's data-type descriptor: what one element of an array is.
//!
//! A [`DType`] holds an element's kind, its size in bytes and its byte order, and for records
//! its named fields at byte offsets, nested as deep as NumPy nests them. It reads and writes
//! NumPy's text forms, so a `DType` can be checked string for string against NumPy:
//!
//! | NumPy                                              | here                                   |
//! |----------------------------------------------------|----------------------------------------|
//! | `dtype.str`, the array interface's `typestr`       | [`DType::typestr`], [`DType::from_typestr`] |
//! | `.npy` header `descr`, `__array_interface__['descr']` | [`DType::descr`], [`DType::from_descr`] |
//! | `str(dtype)`                                       | `Display`                              |
//! | `repr(dtype)`                                      | [`DType::repr`]                        |
//! | `dtype.name`                                       | [`DType::name`]                        |
//! | the `dtype=` part of `repr(array)`                 | [`DType::repr_name`]                   |
//!
//! ```
//! use ndcore::dtype::DType;
//! // The paper's record: a timestamp and a nested position.
//! let dt = DType::from_descr("[('time', '<u8'), ('pos', [('x', '<f8'), ('y', '<f8')])]")?;
//! assert_eq!(dt.itemsize(), 24);
//! assert_eq!(dt.field("pos").map(|f| f.offset), Some(8));
//! assert_eq!(dt.typestr(), "|V24");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod access;
mod construct;
mod format;
mod literal;
mod parse;
mod time;

#[cfg(test)]
mod tests;

use std::hash::{Hash, Hasher};

use construct::{checked_scalar, round_up};
pub use time::{DateUnit, TimeUnit};

/// NumPy keeps item sizes, dimensions of sub-arrays and field offsets in a C `int`; so do we,
/// which also keeps sizes read from untrusted headers far from overflowing `usize`.
const MAX_ITEMSIZE: usize = i32::MAX as usize;

/// The order of the bytes of a multi-byte element: NumPy's `dtype.byteorder`.
///
/// NumPy writes it as the first character of a type string: `'<'` little, `'>'` big, `'|'`
/// not applicable (one-byte types, bool, bytes, void, records). Its `'='` means "native" and
/// is read as [`ByteOrder::native()`].
///
/// # Example
/// ```
/// use ndcore::dtype::ByteOrder;
/// assert_eq!(ByteOrder::from_char('>'), Some(ByteOrder::Big));
/// assert_eq!(ByteOrder::from_char('='), Some(ByteOrder::native()));
/// assert_eq!(ByteOrder::NotApplicable.as_char(), '|');
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ByteOrder {
    /// Least significant byte first: `'<'`.
    Little,
    /// Most significant byte first: `'>'`.
    Big,
    /// The type has no byte order (one byte, bool, bytes, void, records): `'|'`.
    NotApplicable,
}

impl ByteOrder {
    /// The byte order of this machine, NumPy's `'='`.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::ByteOrder;
    /// assert!(ByteOrder::native().is_native());
    /// ```
    pub const fn native() -> ByteOrder {
        if cfg!(target_endian = "big") {
            ByteOrder::Big
        } else {
            ByteOrder::Little
        }
    }

    /// The character NumPy writes for this order: `'<'`, `'>'` or `'|'`.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::ByteOrder;
    /// assert_eq!(ByteOrder::Little.as_char(), '<');
    /// ```
    pub const fn as_char(self) -> char {
        match self {
            ByteOrder::Little => '<',
            ByteOrder::Big => '>',
            ByteOrder::NotApplicable => '|',
        }
    }

    /// Reads NumPy's byte-order character; `'='` is the native order.
    ///
    /// Returns `None` for any other character.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::ByteOrder;
    /// assert_eq!(ByteOrder::from_char('|'), Some(ByteOrder::NotApplicable));
    /// assert_eq!(ByteOrder::from_char('x'), None);
    /// ```
    pub const fn from_char(c: char) -> Option<ByteOrder> {
        match c {
            '<' => Some(ByteOrder::Little),
            '>' => Some(ByteOrder::Big),
            '|' => Some(ByteOrder::NotApplicable),
            '=' => Some(ByteOrder::native()),
            _ => None,
        }
    }

    /// Whether data in this order can be read without swapping bytes; like NumPy's
    /// `dtype.isnative` for a scalar type. [`ByteOrder::NotApplicable`] is native.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::ByteOrder;
    /// assert!(ByteOrder::NotApplicable.is_native());
    /// assert_ne!(ByteOrder::Little.is_native(), ByteOrder::Big.is_native());
    /// ```
    pub const fn is_native(self) -> bool {
        match self {
            ByteOrder::NotApplicable => true,
            ByteOrder::Little => cfg!(target_endian = "little"),
            ByteOrder::Big => cfg!(target_endian = "big"),
        }
    }
}

/// The general kind of an element: NumPy's `dtype.kind`.
///
/// # Example
/// ```
/// use ndcore::dtype::Kind;
/// assert_eq!(Kind::Float.as_char(), 'f');
/// assert_eq!(Kind::from_char('M'), Some(Kind::Datetime));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `'b'`: `bool`, one byte holding 0 or 1.
    Bool,
    /// `'i'`: signed integer of 1, 2, 4 or 8 bytes.
    Int,
    /// `'u'`: unsigned integer of 1, 2, 4 or 8 bytes.
    UInt,
    /// `'f'`: IEEE float of 2, 4 or 8 bytes (16: the platform's `long double`).
    Float,
    /// `'c'`: complex, two floats (8, 16 or 32 bytes).
    Complex,
    /// `'S'`: fixed-size byte string.
    Bytes,
    /// `'U'`: fixed-size UCS-4 string, 4 bytes per character.
    Unicode,
    /// `'V'`: raw bytes; also the kind of records and sub-arrays.
    Void,
    /// `'M'`: `datetime64`, an 8-byte count of time units since 1970.
    Datetime,
    /// `'m'`: `timedelta64`, an 8-byte count of time units.
    Timedelta,
}

impl Kind {
    /// NumPy's one-letter kind code, as in `dtype.kind` and the middle of a type string.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::Kind;
    /// assert_eq!(Kind::Unicode.as_char(), 'U');
    /// ```
    pub const fn as_char(self) -> char {
        match self {
            Kind::Bool => 'b',
            Kind::Int => 'i',
            Kind::UInt => 'u',
            Kind::Float => 'f',
            Kind::Complex => 'c',
            Kind::Bytes => 'S',
            Kind::Unicode => 'U',
            Kind::Void => 'V',
            Kind::Datetime => 'M',
            Kind::Timedelta => 'm',
        }
    }

    /// Reads NumPy's kind code (`dtype.kind`); `None` for any other character.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::Kind;
    /// assert_eq!(Kind::from_char('u'), Some(Kind::UInt));
    /// assert_eq!(Kind::from_char('O'), None);
    /// ```
    pub const fn from_char(c: char) -> Option<Kind> {
        Some(match c {
            'b' => Kind::Bool,
            'i' => Kind::Int,
            'u' => Kind::UInt,
            'f' => Kind::Float,
            'c' => Kind::Complex,
            'S' => Kind::Bytes,
            'U' => Kind::Unicode,
            'V' => Kind::Void,
            'M' => Kind::Datetime,
            'm' => Kind::Timedelta,
            _ => return None,
        })
    }

    const fn is_time(self) -> bool {
        matches!(self, Kind::Datetime | Kind::Timedelta)
    }
}

/// One named field of a record: NumPy's `dtype.fields[name]`, `(dtype, offset)`.
///
/// # Example
/// ```
/// use ndcore::dtype::{DType, Field};
/// let f = Field::new("x", DType::float(8)?, 0);
/// assert_eq!(f.dtype.itemsize(), 8);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Field {
    /// The field's name (may be empty, as in NumPy).
    pub name: String,
    /// The field's type.
    pub dtype: DType,
    /// Where the field starts, in bytes from the start of the record.
    pub offset: usize,
}

impl Field {
    /// A field `name` of type `dtype` at byte `offset`.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::{DType, Field};
    /// let f = Field::new("time", DType::uint(8)?, 0);
    /// assert_eq!(f.name, "time");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(name: impl Into<String>, dtype: DType, offset: usize) -> Field {
        Field {
            name: name.into(),
            dtype,
            offset,
        }
    }
}

/// NumPy's data-type descriptor, `np.dtype`: what one element of an array is.
///
/// Build one with the constructors ([`DType::float`], [`DType::record`], …) or by parsing
/// NumPy's text ([`DType::from_typestr`], [`DType::from_descr`]); they check what NumPy
/// checks and normalize the byte order as NumPy does (`'|'` for one-byte types, bool, bytes
/// and void). The variants are public so code can `match` on them; a value built by hand
/// that breaks those rules is printed as it is and never makes a method panic.
///
/// Equality is NumPy's `==`: it compares kinds, sizes, byte orders, units, fields, offsets
/// and shapes, and ignores whether a record was built `align=True`.
///
/// # Example
/// ```
/// use ndcore::dtype::{DType, Kind};
/// let dt = DType::from_typestr(">i4")?;
/// assert_eq!(dt.kind(), Kind::Int);
/// assert_eq!(dt.to_string(), ">i4");
/// assert_eq!(DType::from_typestr("int32")?.to_string(), "int32");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub enum DType {
    /// A single value: number, bool, string, raw bytes, datetime or timedelta.
    Scalar {
        /// The kind of value.
        kind: Kind,
        /// Size in bytes (for [`Kind::Unicode`]: 4 per character).
        itemsize: usize,
        /// Byte order; [`ByteOrder::NotApplicable`] for one-byte types, bool, bytes, void.
        order: ByteOrder,
        /// The time unit of a datetime or timedelta (`[ns]`); `None` for NumPy's generic
        /// unit and for every other kind.
        unit: Option<TimeUnit>,
    },
    /// A structured type: named fields at byte offsets inside `itemsize` bytes.
    Record {
        /// The fields in NumPy's `dtype.names` order (offsets need not increase).
        fields: Vec<Field>,
        /// Size of the whole record in bytes, padding included.
        itemsize: usize,
        /// NumPy's `dtype.isalignedstruct`: built with `align=True` (a C struct's layout).
        aligned: bool,
    },
    /// A fixed-shape block of `base` elements, C order: NumPy's `np.dtype((base, shape))`.
    SubArray {
        /// The element type.
        base: Box<DType>,
        /// The block's shape (never empty: `(base, ())` is just `base`).
        shape: Vec<usize>,
    },
}

/// NumPy's `==`: everything but the `align=True` flag of records.
impl PartialEq for DType {
    fn eq(&self, other: &DType) -> bool {
        match (self, other) {
            (
                DType::Scalar {
                    kind,
                    itemsize,
                    order,
                    unit,
                },
                DType::Scalar {
                    kind: k2,
                    itemsize: i2,
                    order: o2,
                    unit: u2,
                },
            ) => kind == k2 && itemsize == i2 && order == o2 && unit == u2,
            (
                DType::Record {
                    fields, itemsize, ..
                },
                DType::Record {
                    fields: f2,
                    itemsize: i2,
                    ..
                },
            ) => itemsize == i2 && fields == f2,
            (
                DType::SubArray { base, shape },
                DType::SubArray {
                    base: b2,
                    shape: s2,
                },
            ) => shape == s2 && base == b2,
            _ => false,
        }
    }
}

impl Eq for DType {}

/// Hashes what [`PartialEq`] compares, so equal types hash equal.
impl Hash for DType {
    fn hash<H: Hasher>(&self, state: &mut H) {
        std::mem::discriminant(self).hash(state);
        match self {
            DType::Scalar {
                kind,
                itemsize,
                order,
                unit,
            } => (kind, itemsize, order, unit).hash(state),
            DType::Record {
                fields, itemsize, ..
            } => (fields, itemsize).hash(state),
            DType::SubArray { base, shape } => (base, shape).hash(state),
        }
    }
}
