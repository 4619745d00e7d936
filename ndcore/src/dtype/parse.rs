//! Reading NumPy's text forms: type strings (`'<f8'`, `'float64'`) and `descr` lists.

use std::str::FromStr;

use super::literal::{Lit, Parser, py_str};
use super::{ByteOrder, DType, DateUnit, Field, Kind, MAX_ITEMSIZE, TimeUnit, checked_scalar};
use crate::error::{Error, Result};

type Why<T> = std::result::Result<T, String>;

/// The size of a C `long double` in NumPy on this platform (`'g'`, `np.longdouble`).
const LONGDOUBLE_SIZE: usize = if cfg!(any(
    windows,
    all(target_vendor = "apple", target_arch = "aarch64"),
    target_pointer_width = "32"
)) {
    8
} else {
    16
};

/// NumPy's `intp` / `np.int_`: pointer-sized.
const INTP_SIZE: usize = size_of::<usize>();

/// A C `long`: 4 bytes on Windows and 32-bit targets, 8 elsewhere.
const LONG_SIZE: usize = if cfg!(windows) { 4 } else { size_of::<usize>() };

/// Longest input an error message quotes in full.
const QUOTE_MAX: usize = 120;

impl DType {
    /// Reads a type string as `np.dtype(text)` does: the array interface's `typestr`
    /// (`'<f8'`, `'|b1'`, `'<M8[ns]'`), NumPy's one-letter codes (`'d'`, `'?'`) and names
    /// (`'float64'`, `'int32'`, `'bool'`, `'datetime64[ns]'`).
    ///
    /// Without a byte-order character the order is native; `'='` is native too, and `'|'`
    /// on a multi-byte type means native, as in NumPy. `'U5'` is 5 characters, 20 bytes.
    /// Platform-dependent names (`'long'`, `'intp'`, `'g'`) follow this platform's C types.
    /// Object (`'O'`) and NumPy's variable-width string (`'T'`) are not supported, nor are
    /// the repeat-count and comma forms (`'3f8'`, `'i4,f8'`): write those as a descr.
    ///
    /// # Errors
    /// [`Error::DType`] for text NumPy would not understand either: `''`, `'<x9'`,
    /// `'<f3'` (no 3-byte float), `'S-1'`, sizes that do not fit into a C `int`, a bad
    /// datetime unit (`'<M8[xx]'`).
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::DType;
    /// assert_eq!(DType::from_typestr("f8")?, DType::float(8)?);
    /// assert_eq!(DType::from_typestr("=u2")?.typestr(), "<u2");
    /// assert_eq!(DType::from_typestr("?")?.typestr(), "|b1");
    /// assert_eq!(DType::from_typestr("uint8")?.typestr(), "|u1");
    /// assert_eq!(
    ///     DType::from_typestr("<x9").unwrap_err().to_string(),
    ///     "data type '<x9' not understood (unknown type code 'x')"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_typestr(text: &str) -> Result<DType> {
        typestr(text).map_err(|why| Error::DType {
            text: quote_text(text),
            why,
        })
    }

    /// Reads a `descr`, the form NumPy writes in `.npy` headers and
    /// `__array_interface__['descr']`: like `np.lib.format.descr_to_dtype(eval(text))`.
    ///
    /// Accepts a type string literal (`'<f8'`), a list of fields
    /// (`[('time', '<u8'), ('pos', [('x', '<f8'), ('y', '<f8')])]`) with 3-tuples for
    /// sub-array fields (`('m', '<f8', (2, 3))`), and a `(descr, shape)` tuple; single or
    /// double quotes, any whitespace, trailing commas, Python 2's `u'…'` and `3L`. A field
    /// with an empty name whose type is plain void (`('', '|V4')`) is padding: it is
    /// skipped but moves the next offset on, as in NumPy. A `(title, name)` pair as a name
    /// keeps the name and drops the title.
    ///
    /// # Errors
    /// [`Error::DType`], never a panic, for anything else: truncated or unbalanced text,
    /// unknown type strings, negative or overflowing numbers, repeated names, sizes that do
    /// not fit into a C `int`, text after the descr, nesting deeper than 64.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::DType;
    /// let dt = DType::from_descr("[('a', '|u1'), ('', '|V7'), ('b', '<f8')]")?;
    /// assert_eq!(dt.itemsize(), 16);
    /// assert_eq!(dt.field("b").map(|f| f.offset), Some(8));
    /// assert_eq!(DType::from_descr("'<f8'")?, DType::float(8)?);
    /// assert!(DType::from_descr("[('a', '<f8')").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_descr(text: &str) -> Result<DType> {
        let (dt, rest) = DType::from_descr_prefix(text)?;
        if rest.is_empty() {
            Ok(dt)
        } else {
            let at = text.len() - rest.len();
            Err(Error::DType {
                text: quote_text(text),
                why: format!("unexpected text after the descr at byte {at}"),
            })
        }
    }

    /// Reads a `descr` at the start of `text` and returns it with the text after it (and
    /// after the whitespace that follows it), for parsers of larger literals such as a
    /// `.npy` header's dict.
    ///
    /// # Errors
    /// As [`DType::from_descr`], except that text after the descr is left to the caller.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::DType;
    /// let (dt, rest) = DType::from_descr_prefix("'<i4', 'fortran_order': False}")?;
    /// assert_eq!(dt, DType::int(4)?);
    /// assert_eq!(rest, ", 'fortran_order': False}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_descr_prefix(text: &str) -> Result<(DType, &str)> {
        let err = |why| Error::DType {
            text: quote_text(text),
            why,
        };
        let mut parser = Parser::new(text);
        let lit = parser.value().map_err(err)?;
        let dt = descr_value(&lit).map_err(err)?;
        Ok((dt, parser.rest()))
    }
}

/// Parses a type string, as [`DType::from_typestr`] does.
impl FromStr for DType {
    type Err = Error;

    fn from_str(s: &str) -> Result<DType> {
        DType::from_typestr(s)
    }
}

/// The input as an error message quotes it: cut short if it is long.
fn quote_text(text: &str) -> String {
    match text.char_indices().nth(QUOTE_MAX) {
        Some((cut, _)) => format!("{}...", &text[..cut]),
        None => text.to_string(),
    }
}

/// The reason inside an error from a constructor.
fn why(e: Error) -> String {
    match e {
        Error::DType { why, .. } => why,
        Error::Value(msg) => msg,
        other => other.to_string(),
    }
}

/// A type string, as `np.dtype(str)` reads it.
fn typestr(s: &str) -> Why<DType> {
    if s.is_empty() {
        return Err("empty type string".into());
    }
    if let Some(dt) = by_name(s) {
        return Ok(dt);
    }
    let (order, rest) = match s.chars().next().and_then(ByteOrder::from_char) {
        Some(order) => (order, &s[1..]),
        None => (ByteOrder::native(), s),
    };
    // NumPy takes a byte order before these two names, not before any other.
    for (name, kind) in [
        ("datetime64", Kind::Datetime),
        ("timedelta64", Kind::Timedelta),
    ] {
        if let Some(meta) = rest.strip_prefix(name) {
            return time(kind, order, meta);
        }
    }
    let mut chars = rest.chars();
    let code = chars.next().ok_or("no type code after the byte order")?;
    let after = chars.as_str();
    let ndigits = after.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, tail) = after.split_at(ndigits);
    if digits.is_empty() {
        if !tail.is_empty() {
            return Err(format!("unknown type code {:?}", rest));
        }
        let (kind, size) = char_code(code).ok_or_else(|| unknown_code(code))?;
        return checked_scalar(kind, size, order);
    }
    let n: usize = digits
        .parse()
        .map_err(|_| format!("item size {digits} is too large"))?;
    let kind = match code {
        // With a size, 'b' is bool ('b1'); alone it is int8.
        'b' => Kind::Bool,
        'U' => {
            if !tail.is_empty() {
                return Err(format!("unexpected {tail:?} after the item size"));
            }
            let bytes = n
                .checked_mul(4)
                .ok_or("the item size does not fit into a C int")?;
            return checked_scalar(Kind::Unicode, bytes, order);
        }
        c => Kind::from_char(c).ok_or_else(|| unknown_code(c))?,
    };
    if kind.is_time() {
        if n != 8 {
            return Err("datetime64 and timedelta64 are 8 bytes".into());
        }
        return time(kind, order, tail);
    }
    if !tail.is_empty() {
        return Err(format!("unexpected {tail:?} after the item size"));
    }
    checked_scalar(kind, n, order)
}

fn unknown_code(c: char) -> String {
    match c {
        'O' => "object arrays are not supported".into(),
        'T' => "variable-width strings (StringDType) are not supported".into(),
        c => format!("unknown type code {c:?}"),
    }
}

/// NumPy's one-letter type codes (`np.dtype('d')`), as (kind, itemsize).
fn char_code(c: char) -> Option<(Kind, usize)> {
    Some(match c {
        '?' => (Kind::Bool, 1),
        'b' => (Kind::Int, 1),
        'B' => (Kind::UInt, 1),
        'h' => (Kind::Int, 2),
        'H' => (Kind::UInt, 2),
        'i' => (Kind::Int, 4),
        'I' => (Kind::UInt, 4),
        'l' => (Kind::Int, LONG_SIZE),
        'L' => (Kind::UInt, LONG_SIZE),
        'q' => (Kind::Int, 8),
        'Q' => (Kind::UInt, 8),
        'p' | 'n' => (Kind::Int, INTP_SIZE),
        'P' | 'N' => (Kind::UInt, INTP_SIZE),
        'e' => (Kind::Float, 2),
        'f' => (Kind::Float, 4),
        'd' => (Kind::Float, 8),
        'g' => (Kind::Float, LONGDOUBLE_SIZE),
        'F' => (Kind::Complex, 8),
        'D' => (Kind::Complex, 16),
        'G' => (Kind::Complex, 2 * LONGDOUBLE_SIZE),
        'S' => (Kind::Bytes, 0),
        'U' => (Kind::Unicode, 0),
        'V' => (Kind::Void, 0),
        'c' => (Kind::Bytes, 1),
        'M' => (Kind::Datetime, 8),
        'm' => (Kind::Timedelta, 8),
        _ => return None,
    })
}

/// NumPy's type names (`np.dtype('float64')`); they take no byte order.
fn by_name(s: &str) -> Option<DType> {
    let (kind, size) = match s {
        "bool" | "bool_" => (Kind::Bool, 1),
        "int8" | "byte" => (Kind::Int, 1),
        "int16" | "short" => (Kind::Int, 2),
        "int32" | "intc" => (Kind::Int, 4),
        "int64" | "longlong" => (Kind::Int, 8),
        "long" => (Kind::Int, LONG_SIZE),
        "int" | "int_" | "intp" => (Kind::Int, INTP_SIZE),
        "uint8" | "ubyte" => (Kind::UInt, 1),
        "uint16" | "ushort" => (Kind::UInt, 2),
        "uint32" | "uintc" => (Kind::UInt, 4),
        "uint64" | "ulonglong" => (Kind::UInt, 8),
        "ulong" => (Kind::UInt, LONG_SIZE),
        "uint" | "uintp" => (Kind::UInt, INTP_SIZE),
        "float16" | "half" => (Kind::Float, 2),
        "float32" | "single" => (Kind::Float, 4),
        "float64" | "double" | "float" => (Kind::Float, 8),
        "float128" => (Kind::Float, 16),
        "longdouble" => (Kind::Float, LONGDOUBLE_SIZE),
        "complex64" | "csingle" => (Kind::Complex, 8),
        "complex128" | "cdouble" | "complex" => (Kind::Complex, 16),
        "complex256" => (Kind::Complex, 32),
        "clongdouble" => (Kind::Complex, 2 * LONGDOUBLE_SIZE),
        "bytes" | "bytes_" => (Kind::Bytes, 0),
        "str" | "str_" | "unicode" => (Kind::Unicode, 0),
        "void" => (Kind::Void, 0),
        _ => return None,
    };
    checked_scalar(kind, size, ByteOrder::native()).ok()
}

/// A datetime or timedelta with the unit text after `M8` / `datetime64`: `""` or `[10ms]`.
fn time(kind: Kind, order: ByteOrder, meta: &str) -> Why<DType> {
    let unit = if meta.is_empty() {
        None
    } else {
        let bad = || format!("invalid datetime metadata {meta:?}");
        let inner = meta
            .strip_prefix('[')
            .and_then(|m| m.strip_suffix(']'))
            .ok_or_else(bad)?;
        let ndigits = inner.bytes().take_while(u8::is_ascii_digit).count();
        let (digits, code) = inner.split_at(ndigits);
        let count = match digits {
            "" => 1,
            d => d
                .parse::<u32>()
                .ok()
                .filter(|&c| c <= i32::MAX as u32)
                .ok_or_else(|| format!("time unit count {d} does not fit into a C int"))?,
        };
        // NumPy reads `[2generic]` too, and forgets the count.
        if code == "generic" {
            None
        } else {
            let unit = DateUnit::parse(code)
                .ok_or_else(|| format!("invalid datetime unit {code:?} in {meta:?}"))?;
            Some(TimeUnit { unit, count })
        }
    };
    let DType::Scalar { order, .. } = checked_scalar(kind, 8, order)? else {
        return Err("internal error: a datetime is a scalar".into());
    };
    Ok(DType::Scalar {
        kind,
        itemsize: 8,
        order,
        unit,
    })
}

/// One descr value: a type string, a list of fields or a `(descr, shape)` tuple.
fn descr_value(v: &Lit) -> Why<DType> {
    match v {
        Lit::Str(s) => typestr(s).map_err(|e| format!("type {}: {e}", py_str(s))),
        Lit::Tuple(items) => match items.as_slice() {
            [base, shape] => DType::subarray(descr_value(base)?, dims(shape)?).map_err(why),
            _ => Err(format!(
                "a (type, shape) tuple has 2 items, not {}",
                items.len()
            )),
        },
        Lit::List(items) => record(items),
        Lit::Int(_) => Err(
            "expected a type string, a list of fields or a (type, shape) \
                            tuple, found an integer"
                .into(),
        ),
    }
}

/// A sub-array shape: an integer or a tuple of them.
fn dims(v: &Lit) -> Why<Vec<usize>> {
    let dim = |v: &Lit| match v {
        Lit::Int(n) if *n < 0 => Err(format!("negative dimension {n} in a shape")),
        Lit::Int(n) => usize::try_from(*n)
            .ok()
            .filter(|&n| n <= MAX_ITEMSIZE)
            .ok_or_else(|| format!("dimension {n} does not fit into a C int")),
        other => Err(format!(
            "a dimension must be an integer, not {}",
            other.describe()
        )),
    };
    match v {
        Lit::Int(_) => Ok(vec![dim(v)?]),
        Lit::Tuple(items) => items.iter().map(dim).collect(),
        other => Err(format!(
            "a shape must be a tuple of integers, not {}",
            other.describe()
        )),
    }
}

/// A list of fields, laid out one after the other as NumPy's `descr_to_dtype` does.
fn record(items: &[Lit]) -> Why<DType> {
    let mut fields = Vec::new();
    let mut offset = 0usize;
    for item in items {
        let Lit::Tuple(parts) = item else {
            return Err(format!("a field must be a tuple, not {}", item.describe()));
        };
        let (name, ty, shape) = match parts.as_slice() {
            [name, ty] => (name, ty, None),
            [name, ty, shape] => (name, ty, Some(shape)),
            _ => return Err(format!("a field has 2 or 3 items, not {}", parts.len())),
        };
        let (name, plain) = match name {
            Lit::Str(n) => (n, true),
            Lit::Tuple(pair) => match pair.as_slice() {
                [Lit::Str(_title), Lit::Str(n)] => (n, false),
                _ => return Err("a field name must be a string or a (title, name) pair".into()),
            },
            other => {
                return Err(format!(
                    "a field name must be a string, not {}",
                    other.describe()
                ));
            }
        };
        let in_field = |e: String| format!("field {}: {e}", py_str(name));
        let mut dtype = descr_value(ty).map_err(in_field)?;
        if let Some(shape) = shape {
            dtype = DType::subarray(dtype, dims(shape).map_err(in_field)?)
                .map_err(|e| in_field(why(e)))?;
        }
        let size = dtype.itemsize();
        // NumPy's test: an unnamed field of type void (a sub-array's type is void too).
        let padding =
            plain && name.is_empty() && dtype.kind() == Kind::Void && dtype.fields().is_none();
        if !padding {
            fields.push(Field {
                name: name.clone(),
                dtype,
                offset,
            });
        }
        offset = offset
            .checked_add(size)
            .filter(|&o| o <= MAX_ITEMSIZE)
            .ok_or("dtype size in bytes must fit into a C int")?;
    }
    DType::record(fields, offset).map_err(why)
}
