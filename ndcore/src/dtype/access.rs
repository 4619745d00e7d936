//! What a `DType` says about its elements: NumPy's `dtype` attributes.

use super::{ByteOrder, DType, Field, Kind, TimeUnit};

impl DType {
    /// Size of one element in bytes: NumPy's `dtype.itemsize`.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::DType;
    /// assert_eq!(DType::from_typestr("<c16")?.itemsize(), 16);
    /// assert_eq!(DType::from_typestr("U5")?.itemsize(), 20);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn itemsize(&self) -> usize {
        match self {
            DType::Scalar { itemsize, .. } | DType::Record { itemsize, .. } => *itemsize,
            DType::SubArray { base, shape } => shape
                .iter()
                .fold(base.itemsize(), |acc, &n| acc.saturating_mul(n)),
        }
    }

    /// The kind of element: NumPy's `dtype.kind`; records and sub-arrays are [`Kind::Void`].
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::{DType, Kind};
    /// assert_eq!(DType::bool().kind(), Kind::Bool);
    /// assert_eq!(DType::from_descr("[('a', '<f8')]")?.kind(), Kind::Void);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn kind(&self) -> Kind {
        match self {
            DType::Scalar { kind, .. } => *kind,
            DType::Record { .. } | DType::SubArray { .. } => Kind::Void,
        }
    }

    /// The byte order: NumPy's `dtype.byteorder`, with `'='` resolved to `'<'` or `'>'`;
    /// records and sub-arrays are [`ByteOrder::NotApplicable`], as in NumPy.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::{ByteOrder, DType};
    /// assert_eq!(DType::from_typestr(">f8")?.byteorder(), ByteOrder::Big);
    /// assert_eq!(DType::from_typestr("u1")?.byteorder(), ByteOrder::NotApplicable);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn byteorder(&self) -> ByteOrder {
        match self {
            DType::Scalar { order, .. } => *order,
            DType::Record { .. } | DType::SubArray { .. } => ByteOrder::NotApplicable,
        }
    }

    /// Whether every value in it can be read without swapping bytes: NumPy's
    /// `dtype.isnative`.
    ///
    /// Records are native when all their fields are. A sub-array is native when its base is
    /// (NumPy reports every sub-array as native, since it only looks at the `'|'`).
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::DType;
    /// assert!(DType::float(8)?.is_native_order());
    /// assert!(!DType::from_descr("[('a', '>i4'), ('b', '<f8')]")?.is_native_order());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_native_order(&self) -> bool {
        match self {
            DType::Scalar { order, .. } => order.is_native(),
            DType::Record { fields, .. } => fields.iter().all(|f| f.dtype.is_native_order()),
            DType::SubArray { base, .. } => base.is_native_order(),
        }
    }

    /// The alignment in bytes an element needs to be read in place: NumPy's
    /// `dtype.alignment` of the type built with `align=True`.
    ///
    /// Numbers: their size (a complex: half, one float); bool, bytes, void: 1; `U`: 4;
    /// datetimes: 8; a sub-array: its base's. A record: the largest alignment of its fields,
    /// as a C compiler (and `#[repr(C)]`) gives it. NumPy itself reports 1 for a record not
    /// built with `align=True`, whatever its fields.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::DType;
    /// assert_eq!(DType::complex(16)?.alignment(), 8);
    /// let dt = DType::from_descr("[('time', '<u8'), ('pos', [('x', '<f8'), ('y', '<f8')])]")?;
    /// assert_eq!(dt.alignment(), 8);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn alignment(&self) -> usize {
        match self {
            DType::Scalar { .. } => self.scalar_alignment(),
            DType::Record { fields, .. } => fields
                .iter()
                .map(|f| f.dtype.alignment())
                .max()
                .unwrap_or(1),
            DType::SubArray { base, .. } => base.alignment(),
        }
    }

    /// NumPy's own `dtype.alignment`: 1 for a record unless it is an aligned struct.
    pub(super) fn numpy_alignment(&self) -> usize {
        match self {
            DType::Scalar { .. } => self.scalar_alignment(),
            DType::Record {
                fields,
                aligned: true,
                ..
            } => fields
                .iter()
                .map(|f| f.dtype.numpy_alignment())
                .max()
                .unwrap_or(1),
            DType::Record { aligned: false, .. } => 1,
            DType::SubArray { base, .. } => base.numpy_alignment(),
        }
    }

    fn scalar_alignment(&self) -> usize {
        let DType::Scalar { kind, itemsize, .. } = self else {
            return 1;
        };
        let a = match kind {
            Kind::Bool | Kind::Bytes | Kind::Void => 1,
            Kind::Unicode => 4,
            Kind::Int | Kind::UInt | Kind::Float | Kind::Datetime | Kind::Timedelta => *itemsize,
            Kind::Complex => *itemsize / 2,
        };
        a.max(1)
    }

    /// The fields of a record in order, NumPy's `dtype.fields`; `None` for other types.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::DType;
    /// let dt = DType::from_descr("[('a', '<i4'), ('b', '<f8')]")?;
    /// let names: Vec<&str> = dt.fields().unwrap_or(&[]).iter().map(|f| f.name.as_str()).collect();
    /// assert_eq!(names, ["a", "b"]);
    /// assert!(DType::bool().fields().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn fields(&self) -> Option<&[Field]> {
        match self {
            DType::Record { fields, .. } => Some(fields),
            _ => None,
        }
    }

    /// The field called `name`: NumPy's `dtype.fields[name]`; `None` if there is none.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::DType;
    /// let dt = DType::from_descr("[('a', '<i4'), ('b', '<f8')]")?;
    /// assert_eq!(dt.field("b").map(|f| f.offset), Some(4));
    /// assert!(dt.field("c").is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields()?.iter().find(|f| f.name == name)
    }

    /// The shape of a sub-array type, NumPy's `dtype.shape`; empty for every other type.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::DType;
    /// assert_eq!(DType::subarray(DType::int(4)?, [2])?.shape(), &[2]);
    /// assert!(DType::bool().shape().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn shape(&self) -> &[usize] {
        match self {
            DType::SubArray { shape, .. } => shape,
            _ => &[],
        }
    }

    /// The element type of a sub-array, itself for every other type: NumPy's `dtype.base`.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::DType;
    /// let f8 = DType::float(8)?;
    /// assert_eq!(DType::subarray(f8.clone(), [2, 3])?.base(), &f8);
    /// assert_eq!(f8.base(), &f8);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn base(&self) -> &DType {
        match self {
            DType::SubArray { base, .. } => base,
            _ => self,
        }
    }

    /// The time unit of a datetime or timedelta (`[ns]`); `None` for the generic unit and
    /// other kinds. Like `np.datetime_data`.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::{DType, DateUnit};
    /// let unit = DType::from_typestr("<M8[ns]")?.time_unit();
    /// assert_eq!(unit.map(|u| u.unit), Some(DateUnit::Nanosecond));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn time_unit(&self) -> Option<TimeUnit> {
        match self {
            DType::Scalar { unit, .. } => *unit,
            _ => None,
        }
    }

    /// Whether this is a record built `align=True`: NumPy's `dtype.isalignedstruct`.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::DType;
    /// let dt = DType::structured([("a", DType::uint(1)?), ("b", DType::float(8)?)], true)?;
    /// assert!(dt.is_aligned_struct());
    /// assert!(!DType::float(8)?.is_aligned_struct());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_aligned_struct(&self) -> bool {
        matches!(self, DType::Record { aligned: true, .. })
    }

    /// The same type with every multi-byte value in byte `order`: NumPy's
    /// `dtype.newbyteorder(order)`.
    ///
    /// Goes into fields and sub-arrays; types without a byte order (`'|'`) stay as they are,
    /// and `ByteOrder::NotApplicable` leaves everything as it is (NumPy's `'|'`, "ignore").
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::{ByteOrder, DType};
    /// let dt = DType::from_descr("[('a', '<i4'), ('b', '|u1')]")?;
    /// assert_eq!(dt.newbyteorder(ByteOrder::Big).descr(), "[('a', '>i4'), ('b', '|u1')]");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn newbyteorder(&self, order: ByteOrder) -> DType {
        if order == ByteOrder::NotApplicable {
            return self.clone();
        }
        match self {
            DType::Scalar {
                kind,
                itemsize,
                order: old,
                unit,
            } => DType::Scalar {
                kind: *kind,
                itemsize: *itemsize,
                order: if *old == ByteOrder::NotApplicable {
                    *old
                } else {
                    order
                },
                unit: *unit,
            },
            DType::Record {
                fields,
                itemsize,
                aligned,
            } => DType::Record {
                fields: fields
                    .iter()
                    .map(|f| Field {
                        name: f.name.clone(),
                        dtype: f.dtype.newbyteorder(order),
                        offset: f.offset,
                    })
                    .collect(),
                itemsize: *itemsize,
                aligned: *aligned,
            },
            DType::SubArray { base, shape } => DType::SubArray {
                base: Box::new(base.newbyteorder(order)),
                shape: shape.clone(),
            },
        }
    }
}
