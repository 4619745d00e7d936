//! Building a `DType`: NumPy's constructors and the checks they make.

use super::{ByteOrder, DType, Field, Kind, MAX_ITEMSIZE, TimeUnit};
use crate::error::{Error, Result};

impl DType {
    /// A scalar type of `kind`, `itemsize` bytes and byte `order`, checked like NumPy's
    /// `np.dtype(order + kind + str(itemsize))`.
    ///
    /// The order is normalized as NumPy does: `'|'` for bool, bytes, void and one-byte
    /// integers; the native order where [`ByteOrder::NotApplicable`] is given for a multi-byte
    /// type. Datetimes and timedeltas get the generic unit (see [`DType::datetime`]).
    ///
    /// # Errors
    /// [`Error::DType`] for a size NumPy does not have: a bool of other than 1 byte, an
    /// integer not of 1, 2, 4 or 8 bytes, a float not of 2, 4, 8 or 16, a complex not of
    /// 8, 16 or 32, a datetime not of 8, a `U` size not a multiple of 4, or a size that does
    /// not fit into a C `int`.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::{ByteOrder, DType, Kind};
    /// let dt = DType::scalar(Kind::UInt, 2, ByteOrder::Big)?;
    /// assert_eq!(dt.typestr(), ">u2");
    /// assert_eq!(DType::scalar(Kind::Int, 1, ByteOrder::Big)?.typestr(), "|i1");
    /// assert!(DType::scalar(Kind::Float, 3, ByteOrder::Little).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn scalar(kind: Kind, itemsize: usize, order: ByteOrder) -> Result<DType> {
        checked_scalar(kind, itemsize, order).map_err(|why| Error::DType {
            text: format!("{}{}{}", order.as_char(), kind.as_char(), itemsize),
            why,
        })
    }

    /// NumPy's `bool`: one byte, `'|b1'`.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::DType;
    /// assert_eq!(DType::bool().typestr(), "|b1");
    /// ```
    pub fn bool() -> DType {
        DType::Scalar {
            kind: Kind::Bool,
            itemsize: 1,
            order: ByteOrder::NotApplicable,
            unit: None,
        }
    }

    /// A signed integer of `itemsize` bytes in native order: `int8` … `int64`.
    ///
    /// # Errors
    /// [`Error::DType`] unless `itemsize` is 1, 2, 4 or 8.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::DType;
    /// assert_eq!(DType::int(1)?.typestr(), "|i1");
    /// assert_eq!(DType::int(8)?.name(), "int64");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn int(itemsize: usize) -> Result<DType> {
        DType::scalar(Kind::Int, itemsize, ByteOrder::native())
    }

    /// An unsigned integer of `itemsize` bytes in native order: `uint8` … `uint64`.
    ///
    /// # Errors
    /// [`Error::DType`] unless `itemsize` is 1, 2, 4 or 8.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::DType;
    /// assert_eq!(DType::uint(1)?.typestr(), "|u1");
    /// assert_eq!(DType::uint(2)?.name(), "uint16");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn uint(itemsize: usize) -> Result<DType> {
        DType::scalar(Kind::UInt, itemsize, ByteOrder::native())
    }

    /// A float of `itemsize` bytes in native order: `float16`, `float32`, `float64`
    /// (16: NumPy's `longdouble` where it is 16 bytes).
    ///
    /// # Errors
    /// [`Error::DType`] unless `itemsize` is 2, 4, 8 or 16.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::DType;
    /// assert_eq!(DType::float(8)?.name(), "float64");
    /// assert!(DType::float(3).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn float(itemsize: usize) -> Result<DType> {
        DType::scalar(Kind::Float, itemsize, ByteOrder::native())
    }

    /// A complex number of `itemsize` bytes (two floats) in native order: `complex64`,
    /// `complex128`.
    ///
    /// # Errors
    /// [`Error::DType`] unless `itemsize` is 8, 16 or 32.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::DType;
    /// assert_eq!(DType::complex(16)?.name(), "complex128");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn complex(itemsize: usize) -> Result<DType> {
        DType::scalar(Kind::Complex, itemsize, ByteOrder::native())
    }

    /// A byte string of `len` bytes: NumPy's `'S10'`.
    ///
    /// # Errors
    /// [`Error::DType`] if `len` does not fit into a C `int`.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::DType;
    /// assert_eq!(DType::bytes(10)?.typestr(), "|S10");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn bytes(len: usize) -> Result<DType> {
        DType::scalar(Kind::Bytes, len, ByteOrder::NotApplicable)
    }

    /// A UCS-4 string of `chars` characters (4 bytes each) in native order: NumPy's `'U5'`.
    ///
    /// # Errors
    /// [`Error::DType`] if `4 * chars` does not fit into a C `int`.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::DType;
    /// let dt = DType::unicode(5)?;
    /// assert_eq!(dt.itemsize(), 20);
    /// assert_eq!(dt.name(), "str160");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn unicode(chars: usize) -> Result<DType> {
        let itemsize = chars.saturating_mul(4);
        DType::scalar(Kind::Unicode, itemsize, ByteOrder::native()).map_err(|e| match e {
            Error::DType { why, .. } => Error::DType {
                text: format!("U{chars}"),
                why,
            },
            other => other,
        })
    }

    /// `len` raw bytes: NumPy's `'V24'`.
    ///
    /// # Errors
    /// [`Error::DType`] if `len` does not fit into a C `int`.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::DType;
    /// assert_eq!(DType::void(24)?.name(), "void192");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn void(len: usize) -> Result<DType> {
        DType::scalar(Kind::Void, len, ByteOrder::NotApplicable)
    }

    /// NumPy's `datetime64[unit]` in native order; `None` is the generic unit (`'<M8'`).
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::{DType, DateUnit, TimeUnit};
    /// let dt = DType::datetime(Some(TimeUnit::new(DateUnit::Nanosecond)));
    /// assert_eq!(dt.name(), "datetime64[ns]");
    /// ```
    pub fn datetime(unit: Option<TimeUnit>) -> DType {
        DType::Scalar {
            kind: Kind::Datetime,
            itemsize: 8,
            order: ByteOrder::native(),
            unit,
        }
    }

    /// NumPy's `timedelta64[unit]` in native order; `None` is the generic unit (`'<m8'`).
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::{DType, DateUnit, TimeUnit};
    /// let dt = DType::timedelta(Some(TimeUnit::new(DateUnit::Second)));
    /// assert_eq!(dt.name(), "timedelta64[s]");
    /// ```
    pub fn timedelta(unit: Option<TimeUnit>) -> DType {
        DType::Scalar {
            kind: Kind::Timedelta,
            itemsize: 8,
            order: ByteOrder::native(),
            unit,
        }
    }

    /// A record of `fields` at their offsets inside `itemsize` bytes: NumPy's
    /// `np.dtype({'names': …, 'formats': …, 'offsets': …, 'itemsize': …})`.
    ///
    /// Fields may come in any order of offsets; bytes no field covers are padding.
    ///
    /// # Errors
    /// [`Error::Value`] if a field reaches past `itemsize`, two fields overlap (NumPy allows
    /// that; we do not, so a field is always a plain value), a name occurs twice, or
    /// `itemsize` does not fit into a C `int`.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::{DType, Field};
    /// let pos = DType::record(
    ///     vec![Field::new("x", DType::float(8)?, 0), Field::new("y", DType::float(8)?, 8)],
    ///     16,
    /// )?;
    /// let dt = DType::record(
    ///     vec![Field::new("time", DType::uint(8)?, 0), Field::new("pos", pos, 8)],
    ///     24,
    /// )?;
    /// assert_eq!(dt.descr(), "[('time', '<u8'), ('pos', [('x', '<f8'), ('y', '<f8')])]");
    /// assert!(DType::record(vec![Field::new("a", DType::float(8)?, 4)], 8).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn record(fields: Vec<Field>, itemsize: usize) -> Result<DType> {
        check_record(&fields, itemsize, false)?;
        Ok(DType::Record {
            fields,
            itemsize,
            aligned: false,
        })
    }

    /// A record laid out like a C struct: NumPy's dict form with `'aligned': True`, what
    /// `#[repr(C)]` gives.
    ///
    /// Like [`DType::record`], and each field's offset must be a multiple of its
    /// alignment and `itemsize` a multiple of the largest one.
    ///
    /// # Errors
    /// [`Error::Value`] as for [`DType::record`], or for a misaligned offset or size.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::{DType, Field};
    /// let fields = vec![Field::new("a", DType::uint(1)?, 0), Field::new("b", DType::float(8)?, 8)];
    /// let dt = DType::aligned_record(fields, 16)?;
    /// assert_eq!(dt.descr(), "[('a', '|u1'), ('', '|V7'), ('b', '<f8')]");
    /// assert!(dt.is_aligned_struct());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn aligned_record(fields: Vec<Field>, itemsize: usize) -> Result<DType> {
        check_record(&fields, itemsize, true)?;
        Ok(DType::Record {
            fields,
            itemsize,
            aligned: true,
        })
    }

    /// A record of fields placed one after the other: NumPy's
    /// `np.dtype([(name, dtype), …], align=align)`.
    ///
    /// Without `align` the fields are packed; with it each field starts at a multiple of its
    /// alignment and the size is rounded up to the largest alignment, as in a C struct. An
    /// empty name becomes `f0`, `f1`, … by position, as in NumPy.
    ///
    /// # Errors
    /// [`Error::Value`] if a name occurs twice or the size does not fit into a C `int`.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::DType;
    /// let dt = DType::structured([("a", DType::uint(1)?), ("b", DType::float(8)?)], true)?;
    /// assert_eq!(dt.itemsize(), 16);
    /// assert_eq!(dt.field("b").map(|f| f.offset), Some(8));
    /// let packed = DType::structured([("a", DType::uint(1)?), ("b", DType::float(8)?)], false)?;
    /// assert_eq!(packed.itemsize(), 9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn structured<N: Into<String>>(
        fields: impl IntoIterator<Item = (N, DType)>,
        align: bool,
    ) -> Result<DType> {
        let too_big = || Error::Value("dtype size in bytes must fit into a C int".into());
        let mut out = Vec::new();
        let mut offset = 0usize;
        let mut max_align = 1usize;
        for (i, (name, dtype)) in fields.into_iter().enumerate() {
            let mut name = name.into();
            if name.is_empty() {
                name = format!("f{i}");
            }
            if align {
                let a = dtype.numpy_alignment();
                max_align = max_align.max(a);
                offset = round_up(offset, a).ok_or_else(too_big)?;
            }
            let size = dtype.itemsize();
            out.push(Field {
                name,
                dtype,
                offset,
            });
            offset = offset.checked_add(size).ok_or_else(too_big)?;
        }
        let itemsize = if align {
            round_up(offset, max_align).ok_or_else(too_big)?
        } else {
            offset
        };
        check_record(&out, itemsize, align)?;
        Ok(DType::Record {
            fields: out,
            itemsize,
            aligned: align,
        })
    }

    /// A fixed-shape block of `base` elements: NumPy's `np.dtype((base, shape))`.
    ///
    /// An empty shape gives `base` itself, as in NumPy. A sub-array of a sub-array stays
    /// nested, as NumPy keeps it (`(('<f8', (2,)), (3,))`).
    ///
    /// # Errors
    /// [`Error::Value`] if a dimension or the total size does not fit into a C `int`.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::DType;
    /// let dt = DType::subarray(DType::float(8)?, [2, 3])?;
    /// assert_eq!(dt.itemsize(), 48);
    /// assert_eq!(dt.shape(), &[2, 3]);
    /// assert_eq!(dt.to_string(), "('<f8', (2, 3))");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn subarray(base: DType, shape: impl Into<Vec<usize>>) -> Result<DType> {
        let shape = shape.into();
        if shape.is_empty() {
            return Ok(base);
        }
        if shape.iter().any(|&n| n > MAX_ITEMSIZE) {
            return Err(Error::Value(
                "invalid shape in fixed-type tuple: dimension does not fit into a C int.".into(),
            ));
        }
        let size = shape
            .iter()
            .try_fold(base.itemsize(), |acc, &n| acc.checked_mul(n));
        if size.is_none_or(|s| s > MAX_ITEMSIZE) {
            return Err(Error::Value(
                "invalid shape in fixed-type tuple: dtype size in bytes must fit into a C int."
                    .into(),
            ));
        }
        Ok(DType::SubArray {
            base: Box::new(base),
            shape,
        })
    }
}

/// Checks a scalar type as NumPy does and normalizes its byte order.
pub(super) fn checked_scalar(
    kind: Kind,
    itemsize: usize,
    order: ByteOrder,
) -> std::result::Result<DType, String> {
    let ok = match kind {
        Kind::Bool => itemsize == 1,
        Kind::Int | Kind::UInt => matches!(itemsize, 1 | 2 | 4 | 8),
        Kind::Float => matches!(itemsize, 2 | 4 | 8 | 16),
        Kind::Complex => matches!(itemsize, 8 | 16 | 32),
        Kind::Datetime | Kind::Timedelta => itemsize == 8,
        Kind::Bytes | Kind::Void => true,
        Kind::Unicode => itemsize.is_multiple_of(4),
    };
    if !ok {
        return Err(match kind {
            Kind::Bool => "a bool is 1 byte".to_string(),
            Kind::Int | Kind::UInt => format!("no {itemsize}-byte integer"),
            Kind::Float => format!("no {itemsize}-byte float"),
            Kind::Complex => format!("no {itemsize}-byte complex"),
            Kind::Datetime | Kind::Timedelta => "datetime64 and timedelta64 are 8 bytes".into(),
            _ => "a str type has 4 bytes per character".into(),
        });
    }
    if itemsize > MAX_ITEMSIZE {
        return Err("the item size does not fit into a C int".into());
    }
    let no_order = matches!(kind, Kind::Bool | Kind::Bytes | Kind::Void)
        || (matches!(kind, Kind::Int | Kind::UInt) && itemsize == 1);
    let order = match order {
        _ if no_order => ByteOrder::NotApplicable,
        ByteOrder::NotApplicable => ByteOrder::native(),
        o => o,
    };
    Ok(DType::Scalar {
        kind,
        itemsize,
        order,
        unit: None,
    })
}

/// `x` rounded up to a multiple of `to` (at least 1); `None` on overflow.
pub(super) fn round_up(x: usize, to: usize) -> Option<usize> {
    let to = to.max(1);
    x.checked_next_multiple_of(to)
}

/// The checks NumPy's dict-form constructor makes, plus: no two fields overlap.
fn check_record(fields: &[Field], itemsize: usize, aligned: bool) -> Result<()> {
    let too_big = || Error::Value("dtype size in bytes must fit into a C int".into());
    if itemsize > MAX_ITEMSIZE {
        return Err(too_big());
    }
    let mut needed = 0usize;
    for f in fields {
        let end = f
            .offset
            .checked_add(f.dtype.itemsize())
            .ok_or_else(too_big)?;
        needed = needed.max(end);
    }
    if needed > itemsize {
        return Err(Error::Value(format!(
            "NumPy dtype descriptor requires {needed} bytes, cannot override to smaller \
             itemsize of {itemsize}"
        )));
    }
    let mut names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    names.sort_unstable();
    if let Some(w) = names.windows(2).find(|w| w[0] == w[1]) {
        return Err(Error::Value(format!(
            "field '{}' occurs more than once",
            w[0]
        )));
    }
    // Sorted so a zero-size field at a field's start comes first: it overlaps nothing there,
    // and `descr` lists it first.
    let mut by_offset: Vec<&Field> = fields.iter().collect();
    by_offset.sort_by_key(|f| (f.offset, f.dtype.itemsize()));
    for w in by_offset.windows(2) {
        if w[1].offset < w[0].offset + w[0].dtype.itemsize() {
            return Err(Error::Value(format!(
                "fields '{}' and '{}' overlap; a field must have bytes of its own",
                w[0].name, w[1].name
            )));
        }
    }
    if aligned {
        let mut max_align = 1;
        for f in fields {
            let a = f.dtype.numpy_alignment();
            max_align = max_align.max(a);
            if !f.offset.is_multiple_of(a) {
                return Err(Error::Value(format!(
                    "offset {} for NumPy dtype with fields is not divisible by the field \
                     alignment {a} with align=True",
                    f.offset
                )));
            }
        }
        if !itemsize.is_multiple_of(max_align) {
            return Err(Error::Value(format!(
                "NumPy dtype descriptor requires alignment of {max_align} bytes, which is not \
                 divisible into the specified itemsize {itemsize}"
            )));
        }
    }
    Ok(())
}
