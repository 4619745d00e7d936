//! Writing NumPy's text forms of a data type, following `numpy/_core/_dtype.py` step by step
//! so each string matches NumPy's byte for byte.

use std::fmt::{self, Write};

use super::literal::py_str;
use super::{ByteOrder, DType, Field, Kind, round_up};

impl DType {
    /// NumPy's `dtype.str`, the array interface's `typestr`: `<f8`, `|b1`, `>i4`, `<U5`,
    /// `<M8[ns]`; records and sub-arrays are raw bytes, `|V24`. Without quotes.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::DType;
    /// assert_eq!(DType::float(8)?.typestr(), "<f8");
    /// assert_eq!(DType::bool().typestr(), "|b1");
    /// assert_eq!(DType::from_typestr("<M8[ns]")?.typestr(), "<M8[ns]");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn typestr(&self) -> String {
        match self {
            DType::Scalar {
                kind,
                itemsize,
                order,
                unit,
            } => {
                let size = if *kind == Kind::Unicode {
                    itemsize / 4
                } else {
                    *itemsize
                };
                let mut s = format!("{}{}{}", order.as_char(), kind.as_char(), size);
                if let (true, Some(unit)) = (kind.is_time(), unit) {
                    let _ = write!(s, "{unit}");
                }
                s
            }
            DType::Record { .. } | DType::SubArray { .. } => format!("|V{}", self.itemsize()),
        }
    }

    /// The `descr` NumPy writes in a `.npy` header (`repr(np.lib.format.dtype_to_descr(dt))`)
    /// and, for records, in `__array_interface__['descr']` (`repr(dt.descr)`).
    ///
    /// A scalar is its quoted type string (`'<f8'`); a record is a list of `(name, descr)`
    /// and `(name, descr, shape)` tuples, with `('', '|V4')` entries for padding:
    /// `[('a', '|u1'), ('', '|V7'), ('b', '<f8')]`. A sub-array, which NumPy never has as an
    /// array's type, is written as the `(descr, shape)` tuple NumPy's `descr_to_dtype` reads.
    /// Fields out of offset order, which NumPy refuses to describe, are written in offset
    /// order: the same bytes with the same names. As in NumPy, a void field named `''`
    /// reads back as padding.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::DType;
    /// assert_eq!(DType::float(8)?.descr(), "'<f8'");
    /// let dt = DType::structured([("a", DType::uint(1)?), ("b", DType::float(8)?)], true)?;
    /// assert_eq!(dt.descr(), "[('a', '|u1'), ('', '|V7'), ('b', '<f8')]");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn descr(&self) -> String {
        let mut s = String::new();
        write_descr(&mut s, self);
        s
    }

    /// NumPy's `dtype.name`: `float64`, `int8`, `bool`, `bytes80` (`S10`), `str160` (`U5`),
    /// `void192` (a 24-byte record), `datetime64[ns]`.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::DType;
    /// assert_eq!(DType::from_typestr(">f4")?.name(), "float32");
    /// assert_eq!(DType::from_typestr("S10")?.name(), "bytes80");
    /// assert_eq!(DType::from_typestr("<M8[ns]")?.name(), "datetime64[ns]");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> String {
        let (stem, sized) = match self {
            DType::Scalar {
                kind: Kind::Bool, ..
            } => return "bool".into(),
            DType::Scalar { kind, itemsize, .. } => {
                let flexible = matches!(kind, Kind::Bytes | Kind::Unicode | Kind::Void);
                (stem(*kind), !(flexible && *itemsize == 0))
            }
            _ => ("void", self.itemsize() != 0),
        };
        let mut name = stem.to_string();
        if sized {
            let _ = write!(name, "{}", self.itemsize() as u128 * 8);
        }
        if let DType::Scalar {
            kind: Kind::Datetime | Kind::Timedelta,
            unit: Some(unit),
            ..
        } = self
        {
            let _ = write!(name, "{unit}");
        }
        name
    }

    /// What NumPy's `repr(array)` prints after `dtype=`: `uint8`, `float32`, `'>i4'`,
    /// `'<U5'`, `'datetime64[ns]'`, a record's list `[('time', '<u8'), …]`.
    ///
    /// NumPy leaves `dtype=` out for the types in [`DType::repr_implied`]; this still gives
    /// their text (`float64`).
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::DType;
    /// assert_eq!(DType::uint(1)?.repr_name(), "uint8");
    /// assert_eq!(DType::from_typestr(">i4")?.repr_name(), "'>i4'");
    /// assert_eq!(DType::from_typestr("<M8[ns]")?.repr_name(), "'datetime64[ns]'");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn repr_name(&self) -> String {
        match self {
            DType::Record { .. } => self.to_string(),
            _ if matches!(self.kind(), Kind::Void | Kind::Bytes | Kind::Unicode)
                || !self.is_native_order() =>
            {
                format!("'{self}'")
            }
            _ => {
                let name = self.name();
                let mut chars = name.chars();
                let identifier = chars.next().is_some_and(|c| c.is_alphabetic())
                    && name.chars().all(char::is_alphanumeric);
                if identifier { name } else { py_str(&name) }
            }
        }
    }

    /// Whether NumPy's `repr(array)` leaves out `dtype=` for this type (its
    /// `dtype_is_implied`): native `int64` (`intp`), `float64`, `complex128` and `bool`.
    ///
    /// NumPy still prints it for an array with no elements. NumPy decides by the C type, so
    /// it prints `dtype=int64` for `np.longlong` (`'q'`), which is `int64` too; a `DType` has
    /// no C type and leaves it out.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::DType;
    /// assert!(DType::float(8)?.repr_implied());
    /// assert!(!DType::float(4)?.repr_implied());
    /// assert!(!DType::from_typestr(">f8")?.repr_implied());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn repr_implied(&self) -> bool {
        match self {
            DType::Scalar {
                kind,
                itemsize,
                order,
                ..
            } if order.is_native() => match kind {
                Kind::Bool => true,
                Kind::Int => *itemsize == size_of::<isize>(),
                Kind::Float => *itemsize == 8,
                Kind::Complex => *itemsize == 16,
                _ => false,
            },
            _ => false,
        }
    }

    /// NumPy's `repr(dtype)`: `dtype('float64')`, `dtype('>i4')`,
    /// `dtype([('a', 'u1'), ('b', '<f8')])`, `dtype({…}, align=True)`.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::DType;
    /// assert_eq!(DType::float(8)?.repr(), "dtype('float64')");
    /// assert_eq!(DType::from_typestr("S10")?.repr(), "dtype('S10')");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn repr(&self) -> String {
        let mut s = String::from("dtype(");
        construction_repr(&mut s, self, false, false);
        if self.is_aligned_struct() {
            s.push_str(", align=True");
        }
        s.push(')');
        s
    }
}

/// NumPy's `str(dtype)`: the name of a native number (`float64`, `bool`), the type string of
/// a flexible or non-native type (`|S10`, `>i4`), a record's list (or dict when it has
/// gaps), a sub-array's `('<f8', (2, 3))`.
///
/// # Example
/// ```
/// use ndcore::dtype::DType;
/// assert_eq!(DType::int(8)?.to_string(), "int64");
/// assert_eq!(DType::from_typestr(">i4")?.to_string(), ">i4");
/// let dt = DType::from_descr("[('a', '|u1'), ('b', '<f8')]")?;
/// assert_eq!(dt.to_string(), "[('a', 'u1'), ('b', '<f8')]");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl fmt::Display for DType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::new();
        match self {
            DType::Record { .. } => struct_str(&mut s, self, true),
            DType::SubArray { .. } => construction_repr(&mut s, self, false, true),
            DType::Scalar {
                kind: Kind::Bytes | Kind::Unicode | Kind::Void,
                ..
            } => {
                s = self.typestr();
            }
            _ if !self.is_native_order() => s = self.typestr(),
            _ => s = self.name(),
        }
        f.write_str(&s)
    }
}

/// NumPy's `_kind_to_stem`.
fn stem(kind: Kind) -> &'static str {
    match kind {
        Kind::UInt => "uint",
        Kind::Int => "int",
        Kind::Complex => "complex",
        Kind::Float => "float",
        Kind::Bool => "bool",
        Kind::Void => "void",
        Kind::Datetime => "datetime",
        Kind::Timedelta => "timedelta",
        Kind::Bytes => "bytes",
        Kind::Unicode => "str",
    }
}

/// A shape as Python prints a tuple: `()`, `(2,)`, `(2, 3)`.
fn shape_tuple(s: &mut String, shape: &[usize]) {
    match shape {
        [n] => {
            let _ = write!(s, "({n},)");
        }
        _ => {
            s.push('(');
            for (i, n) in shape.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                let _ = write!(s, "{n}");
            }
            s.push(')');
        }
    }
}

/// NumPy's `_array_descr`, with a scalar at the top written bare as `dtype_to_descr` does.
fn write_descr(s: &mut String, dt: &DType) {
    match dt {
        DType::Scalar { .. } => s.push_str(&py_str(&dt.typestr())),
        DType::SubArray { base, shape } => {
            s.push('(');
            write_descr(s, base);
            s.push_str(", ");
            shape_tuple(s, shape);
            s.push(')');
        }
        DType::Record {
            fields, itemsize, ..
        } => {
            let mut sorted: Vec<&Field> = fields.iter().collect();
            sorted.sort_by_key(|f| (f.offset, f.dtype.itemsize()));
            s.push('[');
            let mut offset = 0usize;
            let mut first = true;
            let mut sep = |s: &mut String| {
                if !std::mem::take(&mut first) {
                    s.push_str(", ");
                }
            };
            for f in sorted {
                if f.offset > offset {
                    sep(s);
                    let _ = write!(s, "('', '|V{}')", f.offset - offset);
                    offset = f.offset;
                }
                sep(s);
                s.push('(');
                s.push_str(&py_str(&f.name));
                s.push_str(", ");
                match &f.dtype {
                    DType::SubArray { base, shape } => {
                        write_descr(s, base);
                        s.push_str(", ");
                        shape_tuple(s, shape);
                    }
                    other => write_descr(s, other),
                }
                s.push(')');
                offset = offset.saturating_add(f.dtype.itemsize());
            }
            if *itemsize > offset {
                sep(s);
                let _ = write!(s, "('', '|V{}')", itemsize - offset);
            }
            s.push(']');
        }
    }
}

/// NumPy's `_construction_repr`.
fn construction_repr(s: &mut String, dt: &DType, include_align: bool, short: bool) {
    match dt {
        DType::Record { .. } => struct_str(s, dt, include_align),
        DType::SubArray { base, shape } => {
            s.push('(');
            construction_repr(s, base, false, true);
            s.push_str(", ");
            shape_tuple(s, shape);
            s.push(')');
        }
        DType::Scalar { .. } => scalar_str(s, dt, short),
    }
}

/// NumPy's `_scalar_str`.
fn scalar_str(s: &mut String, dt: &DType, short: bool) {
    let DType::Scalar {
        kind,
        itemsize,
        order,
        unit,
    } = dt
    else {
        return;
    };
    let bo = match order {
        ByteOrder::Little => "<",
        ByteOrder::Big => ">",
        ByteOrder::NotApplicable => "",
    };
    let _ = match kind {
        Kind::Bool => write!(s, "{}", if short { "'?'" } else { "'bool'" }),
        Kind::Bytes if *itemsize == 0 => write!(s, "'S'"),
        Kind::Bytes => write!(s, "'S{itemsize}'"),
        Kind::Unicode if *itemsize == 0 => write!(s, "'{bo}U'"),
        Kind::Unicode => write!(s, "'{bo}U{}'", itemsize / 4),
        Kind::Void if *itemsize == 0 => write!(s, "'V'"),
        Kind::Void => write!(s, "'V{itemsize}'"),
        Kind::Datetime | Kind::Timedelta => {
            let meta = unit.map(|u| u.to_string()).unwrap_or_default();
            write!(s, "'{bo}{}8{meta}'", kind.as_char())
        }
        _ if short || !order.is_native() => write!(s, "'{bo}{}{itemsize}'", kind.as_char()),
        _ => write!(s, "'{}{}'", stem(*kind), *itemsize as u128 * 8),
    };
}

/// NumPy's `_struct_str`: the list form when the fields follow each other as the
/// constructor would place them, the dict form otherwise.
fn struct_str(s: &mut String, dt: &DType, include_align: bool) {
    let DType::Record {
        fields,
        itemsize,
        aligned,
    } = dt
    else {
        return;
    };
    if !(include_align && *aligned) && is_packed(fields, *itemsize, *aligned) {
        s.push('[');
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            s.push('(');
            s.push_str(&py_str(&f.name));
            s.push_str(", ");
            match &f.dtype {
                DType::SubArray { base, shape } => {
                    construction_repr(s, base, false, true);
                    s.push_str(", ");
                    shape_tuple(s, shape);
                }
                other => construction_repr(s, other, false, true),
            }
            s.push(')');
        }
        s.push(']');
        return;
    }
    s.push_str("{'names': [");
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&py_str(&f.name));
    }
    s.push_str("], 'formats': [");
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        construction_repr(s, &f.dtype, false, true);
    }
    s.push_str("], 'offsets': [");
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        let _ = write!(s, "{}", f.offset);
    }
    let _ = write!(s, "], 'itemsize': {itemsize}");
    if include_align && *aligned {
        s.push_str(", 'aligned': True");
    }
    s.push('}');
}

/// NumPy's `_is_packed`: each field sits where the list constructor would put it.
fn is_packed(fields: &[Field], itemsize: usize, aligned: bool) -> bool {
    let mut total = 0usize;
    let mut max_align = 1;
    for f in fields {
        if aligned {
            let a = f.dtype.numpy_alignment();
            max_align = max_align.max(a);
            match round_up(total, a) {
                Some(t) => total = t,
                None => return false,
            }
        }
        if f.offset != total {
            return false;
        }
        total = total.saturating_add(f.dtype.itemsize());
    }
    if aligned {
        total = round_up(total, max_align).unwrap_or(usize::MAX);
    }
    total == itemsize
}
