//! One formatter per dtype, read from the element's bytes: NumPy's `_get_format_function`
//! with `BoolFormat`, `IntegerFormat`, `FloatingFormat`, `ComplexFloatingFormat`,
//! `DatetimeFormat`, `TimedeltaFormat`, `repr_format` for strings, `StructuredVoidFormat`
//! and `SubArrayFormat`.
//!
//! A formatter is built from a column: the bytes of every element that will be printed (for a
//! record field, the field's bytes of every record), because NumPy sizes widths over all of
//! them. Records recurse into their fields, so any record dtype prints with no special path.

use super::complex::{self, ComplexFormat};
use super::digits::Fl;
use super::float::scalar_str;
use super::floating::FloatingFormat;
use super::longdouble::F80;
use super::options::{PrintOptions, Sign};
use super::text::{code_points, plain_str, write_py_bytes, write_py_str};
use super::time::{self, TimeFormat};
use crate::dtype::{DType, Kind, TimeUnit};

/// What the values being formatted are part of.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ctx<'a> {
    pub(crate) opts: &'a PrintOptions,
    /// The column is a 0-d array (NumPy: `data.shape == ()`): `True` gets no padding space.
    pub(crate) zero_d: bool,
    /// Floats print as `str()` of a scalar (NumPy's `float_kind=str`, used for `str()` of a
    /// 0-d record).
    pub(crate) float_str: bool,
}

/// How to read an integer: its size in bytes, signedness, and whether to swap bytes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct IntKind {
    size: usize,
    signed: bool,
    swap: bool,
}

/// How to read a float: 2, 4, 8 or 16 bytes (x87 `long double`), and whether to swap bytes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FloatKind {
    size: usize,
    swap: bool,
}

/// Formats elements of one dtype.
#[derive(Debug, Clone)]
pub(crate) enum ElemFormat {
    Bool {
        true_str: &'static str,
    },
    Int {
        kind: IntKind,
        width: usize,
        sign: Sign,
    },
    Float {
        kind: FloatKind,
        fmt: FloatingFormat,
    },
    FloatStr {
        kind: FloatKind,
    },
    /// A complex number: two floats of `part`'s size, real first, each in the byte order.
    Complex {
        part: FloatKind,
        fmt: ComplexFormat,
    },
    /// A UCS-4 string (`U`) as Python writes a `str` value, trailing NULs dropped: `'ab'`.
    Str {
        swap: bool,
    },
    /// A datetime or timedelta: an `i64` count of units.
    Time {
        swap: bool,
        fmt: TimeFormat,
    },
    Record(Vec<FieldFormat>),
    /// A fixed-size block of values: `[1, 2, 3]`.
    Block(Box<FieldFormat>),
    /// A byte string (`S`) as Python writes a `bytes` value, trailing NULs dropped:
    /// `b'ab'`, `b'\'"x'`.
    Bytes,
    /// Raw bytes (`V`) as NumPy writes a `np.void`: `b'\x00\x41'`. A dtype no formatter
    /// reads (a hand-built float or complex of another size) prints its raw bytes too.
    Void,
}

/// One field of a record: where its bytes are and how to format them.
#[derive(Debug, Clone)]
pub(crate) struct FieldFormat {
    offset: usize,
    size: usize,
    sub: Option<SubArray>,
    format: ElemFormat,
}

/// The layout of a sub-array field and whether it is summarized.
#[derive(Debug, Clone)]
struct SubArray {
    shape: Vec<usize>,
    /// Size of one base element in bytes.
    base_size: usize,
    /// The sub-array alone has more elements than the threshold.
    summarize: bool,
    edgeitems: usize,
}

/// `len` bytes of `b` from `offset`; empty if a hand-built dtype points outside.
fn part(b: &[u8], offset: usize, len: usize) -> &[u8] {
    offset
        .checked_add(len)
        .and_then(|end| b.get(offset..end))
        .unwrap_or(&[])
}

/// The first `N` bytes of `b` (zero-filled if short) in native order.
fn ordered<const N: usize>(b: &[u8], swap: bool) -> [u8; N] {
    let mut a = [0u8; N];
    let n = b.len().min(N);
    a[..n].copy_from_slice(&b[..n]);
    if swap {
        a.reverse();
    }
    a
}

fn read_int(b: &[u8], k: IntKind) -> i128 {
    let s = k.swap;
    match (k.size, k.signed) {
        (1, true) => i128::from(i8::from_ne_bytes(ordered(b, s))),
        (2, true) => i128::from(i16::from_ne_bytes(ordered(b, s))),
        (4, true) => i128::from(i32::from_ne_bytes(ordered(b, s))),
        (_, true) => i128::from(i64::from_ne_bytes(ordered(b, s))),
        (1, false) => i128::from(u8::from_ne_bytes(ordered(b, s))),
        (2, false) => i128::from(u16::from_ne_bytes(ordered(b, s))),
        (4, false) => i128::from(u32::from_ne_bytes(ordered(b, s))),
        (_, false) => i128::from(u64::from_ne_bytes(ordered(b, s))),
    }
}

fn read_float(b: &[u8], k: FloatKind) -> Fl {
    match k.size {
        2 => Fl::F16(u16::from_ne_bytes(ordered(b, k.swap))),
        4 => Fl::F32(f32::from_ne_bytes(ordered(b, k.swap))),
        16 => Fl::F80(F80::from_bytes(ordered(b, k.swap))),
        _ => Fl::F64(f64::from_ne_bytes(ordered(b, k.swap))),
    }
}

/// The real and imaginary parts of a complex element, each `part.size` bytes.
fn read_complex(b: &[u8], part: FloatKind) -> (Fl, Fl) {
    let n = part.size;
    (
        read_float(b, part),
        read_float(b.get(n..).unwrap_or(&[]), part),
    )
}

fn read_i64(b: &[u8], swap: bool) -> i64 {
    i64::from_ne_bytes(ordered(b, swap))
}

/// `str()` of a 0-d array of a scalar kind whose `str()` is not its array element's text:
/// complex (`(1+2j)`), strings (the text itself), datetimes (`2011-01-01`, unquoted),
/// timedeltas (`5 seconds`). `None` for the other kinds.
pub(crate) fn scalar_text(dtype: &DType, b: &[u8]) -> Option<String> {
    let DType::Scalar {
        kind,
        itemsize,
        order,
        unit,
    } = dtype
    else {
        return None;
    };
    let swap = !order.is_native();
    match (kind, itemsize) {
        (Kind::Complex, 8 | 16 | 32) => {
            let part = FloatKind {
                size: itemsize / 2,
                swap,
            };
            let (re, im) = read_complex(b, part);
            Some(complex::scalar_str(re, im))
        }
        (Kind::Unicode, _) => Some(plain_str(&code_points(b, swap))),
        (Kind::Datetime, 8) => Some(time::iso(read_i64(b, swap), *unit)),
        (Kind::Timedelta, 8) => Some(time::timedelta_str(read_i64(b, swap), *unit)),
        _ => None,
    }
}

/// The shape and base type of a sub-array, nested sub-arrays merged (as NumPy merges them).
pub(crate) fn flatten_subarray(dtype: &DType) -> (Vec<usize>, &DType) {
    let mut shape = Vec::new();
    let mut dt = dtype;
    while let DType::SubArray { base, shape: s } = dt {
        shape.extend_from_slice(s);
        dt = base;
    }
    (shape, dt)
}

/// The integer, or with `sign` the signed, text of `v`, right-aligned to `width`.
fn write_int(v: i128, sign: Sign, width: usize, out: &mut String) {
    let text = match sign {
        Sign::Plus if v >= 0 => format!("+{v}"),
        Sign::Space if v >= 0 => format!(" {v}"),
        _ => v.to_string(),
    };
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(text.len())));
    out.push_str(&text);
}

impl ElemFormat {
    /// The formatter for elements of `dtype` whose bytes are `column`.
    pub(crate) fn build(dtype: &DType, column: &[&[u8]], ctx: &Ctx<'_>) -> ElemFormat {
        match dtype {
            DType::Record { fields, .. } => ElemFormat::Record(
                fields
                    .iter()
                    .map(|f| FieldFormat::build(&f.dtype, f.offset, column, ctx))
                    .collect(),
            ),
            // Callers expand sub-arrays into axes first; if one gets here it prints as the
            // nested list NumPy prints for a sub-array field.
            DType::SubArray { .. } => {
                ElemFormat::Block(Box::new(FieldFormat::build(dtype, 0, column, ctx)))
            }
            DType::Scalar {
                kind,
                itemsize,
                order,
                unit,
            } => {
                let swap = !order.is_native();
                match (kind, itemsize) {
                    (Kind::Bool, 1) => ElemFormat::Bool {
                        true_str: if ctx.zero_d { "True" } else { " True" },
                    },
                    (Kind::Int | Kind::UInt, 1 | 2 | 4 | 8) => {
                        let kind = IntKind {
                            size: *itemsize,
                            signed: *kind == Kind::Int,
                            swap,
                        };
                        int_format(kind, column, ctx.opts)
                    }
                    (Kind::Float, 2 | 4 | 8 | 16) => {
                        let kind = FloatKind {
                            size: *itemsize,
                            swap,
                        };
                        if ctx.float_str {
                            ElemFormat::FloatStr { kind }
                        } else {
                            let values: Vec<Fl> =
                                column.iter().map(|b| read_float(b, kind)).collect();
                            ElemFormat::Float {
                                kind,
                                fmt: FloatingFormat::new(&values, ctx.opts),
                            }
                        }
                    }
                    (Kind::Complex, 8 | 16 | 32) => {
                        let part = FloatKind {
                            size: itemsize / 2,
                            swap,
                        };
                        let values: Vec<(Fl, Fl)> =
                            column.iter().map(|b| read_complex(b, part)).collect();
                        ElemFormat::Complex {
                            part,
                            fmt: ComplexFormat::new(&values, ctx.opts),
                        }
                    }
                    (Kind::Datetime | Kind::Timedelta, 8) => {
                        let values: Vec<i64> = column.iter().map(|b| read_i64(b, swap)).collect();
                        let datetime: Option<Option<TimeUnit>> =
                            (*kind == Kind::Datetime).then_some(*unit);
                        ElemFormat::Time {
                            swap,
                            fmt: TimeFormat::new(&values, datetime),
                        }
                    }
                    (Kind::Bytes, _) => ElemFormat::Bytes,
                    (Kind::Unicode, _) => ElemFormat::Str { swap },
                    _ => ElemFormat::Void,
                }
            }
        }
    }

    /// Appends the element whose bytes are `b`.
    pub(crate) fn write(&self, b: &[u8], out: &mut String) {
        match self {
            ElemFormat::Bool { true_str } => {
                out.push_str(if b.first().is_some_and(|&v| v != 0) {
                    true_str
                } else {
                    "False"
                });
            }
            ElemFormat::Int { kind, width, sign } => {
                write_int(read_int(b, *kind), *sign, *width, out)
            }
            ElemFormat::Float { kind, fmt } => fmt.write(read_float(b, *kind), out),
            ElemFormat::FloatStr { kind } => out.push_str(&scalar_str(read_float(b, *kind))),
            ElemFormat::Complex { part, fmt } => {
                let (re, im) = read_complex(b, *part);
                fmt.write(re, im, out);
            }
            ElemFormat::Str { swap } => write_py_str(&code_points(b, *swap), out),
            ElemFormat::Time { swap, fmt } => fmt.write(read_i64(b, *swap), out),
            ElemFormat::Record(fields) => {
                out.push('(');
                for (i, f) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    f.write(b, out);
                }
                if fields.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            ElemFormat::Block(field) => field.write(b, out),
            ElemFormat::Bytes => write_py_bytes(b, out),
            ElemFormat::Void => {
                out.push_str("b'");
                for &c in b {
                    out.push_str(&format!("\\x{c:02X}"));
                }
                out.push('\'');
            }
        }
    }
}

/// NumPy's `IntegerFormat`: every value right-aligned to the width of the widest of the
/// largest and the smallest.
fn int_format(kind: IntKind, column: &[&[u8]], opts: &PrintOptions) -> ElemFormat {
    let mut values = column.iter().map(|b| read_int(b, kind));
    let mut sign = opts.sign;
    let width = match values.next() {
        None => 0,
        Some(first) => {
            let (min, max) = values.fold((first, first), |(lo, hi), v| (lo.min(v), hi.max(v)));
            if sign == Sign::Space && min < 0 {
                sign = Sign::Minus;
            }
            let mut max_len = max.to_string().len();
            if max >= 0 && sign != Sign::Minus {
                max_len += 1;
            }
            max_len.max(min.to_string().len())
        }
    };
    ElemFormat::Int { kind, width, sign }
}

impl FieldFormat {
    fn build(dtype: &DType, offset: usize, column: &[&[u8]], ctx: &Ctx<'_>) -> FieldFormat {
        let size = dtype.itemsize();
        let bytes: Vec<&[u8]> = column.iter().map(|b| part(b, offset, size)).collect();
        if let DType::SubArray { .. } = dtype {
            let (shape, base) = flatten_subarray(dtype);
            let base_size = base.itemsize();
            let count: usize = shape.iter().product();
            let elems: Vec<&[u8]> = bytes
                .iter()
                .flat_map(|b| (0..count).map(move |i| part(b, i * base_size, base_size)))
                .collect();
            // `data[field]` of a sub-array field has the sub-array's axes: never 0-d.
            let inner = Ctx {
                zero_d: false,
                ..*ctx
            };
            FieldFormat {
                offset,
                size,
                sub: Some(SubArray {
                    summarize: count > ctx.opts.threshold,
                    edgeitems: ctx.opts.edgeitems,
                    shape,
                    base_size,
                }),
                format: ElemFormat::build(base, &elems, &inner),
            }
        } else {
            FieldFormat {
                offset,
                size,
                sub: None,
                format: ElemFormat::build(dtype, &bytes, ctx),
            }
        }
    }

    fn write(&self, record: &[u8], out: &mut String) {
        let b = part(record, self.offset, self.size);
        match &self.sub {
            None => self.format.write(b, out),
            Some(sub) => self.write_sub(sub, b, &sub.shape, 0, out),
        }
    }

    /// NumPy's `SubArrayFormat.format_array`: nested lists joined by `, `, with `...` past
    /// the threshold.
    fn write_sub(&self, sub: &SubArray, b: &[u8], shape: &[usize], start: usize, out: &mut String) {
        let Some((&n, rest)) = shape.split_first() else {
            let size = sub.base_size;
            self.format.write(part(b, start * size, size), out);
            return;
        };
        let step: usize = rest.iter().product();
        let edge = sub.edgeitems;
        let shown: Vec<Option<usize>> = if sub.summarize && n > edge.saturating_mul(2) {
            (0..edge)
                .map(Some)
                .chain(std::iter::once(None))
                .chain((n - edge..n).map(Some))
                .collect()
        } else {
            (0..n).map(Some).collect()
        };
        out.push('[');
        for (k, i) in shown.into_iter().enumerate() {
            if k > 0 {
                out.push_str(", ");
            }
            match i {
                Some(i) => self.write_sub(sub, b, rest, start + i * step, out),
                None => out.push_str("..."),
            }
        }
        out.push(']');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dtype::ByteOrder;

    fn render(dtype: &DType, column: &[&[u8]]) -> Vec<String> {
        let opts = PrintOptions::default();
        let ctx = Ctx {
            opts: &opts,
            zero_d: false,
            float_str: false,
        };
        let f = ElemFormat::build(dtype, column, &ctx);
        column
            .iter()
            .map(|b| {
                let mut s = String::new();
                f.write(b, &mut s);
                s
            })
            .collect()
    }

    #[test]
    fn integers_read_in_their_byte_order() {
        let be = DType::scalar(Kind::Int, 2, ByteOrder::Big).unwrap();
        let le = DType::scalar(Kind::Int, 2, ByteOrder::Little).unwrap();
        let col: [&[u8]; 2] = [&[0x01, 0x02], &[0xff, 0xfe]];
        assert_eq!(render(&be, &col), ["258", " -2"]);
        assert_eq!(render(&le, &col), [" 513", "-257"]);
    }

    #[test]
    fn bytes_void_and_blocks() {
        let s3 = DType::Scalar {
            kind: Kind::Bytes,
            itemsize: 3,
            order: ByteOrder::NotApplicable,
            unit: None,
        };
        let col: [&[u8]; 3] = [b"a\0\0", b"'\"\\", b"\n\x7f'"];
        assert_eq!(
            render(&s3, &col),
            ["b'a'", "b'\\'\"\\\\'", "b\"\\n\\x7f'\""]
        );
        let v2 = DType::Scalar {
            kind: Kind::Void,
            itemsize: 2,
            order: ByteOrder::NotApplicable,
            unit: None,
        };
        assert_eq!(render(&v2, &[b"A\x0a"]), ["b'\\x41\\x0A'"]);
        let block = DType::subarray(DType::uint(1).unwrap(), [2, 2]).unwrap();
        assert_eq!(render(&block, &[&[1, 2, 3, 40]]), ["[[ 1,  2], [ 3, 40]]"]);
    }

    #[test]
    fn short_or_missing_bytes_never_panic() {
        // A hand-built record whose field lies outside the element reads as zero.
        let f8 = DType::float(8).unwrap();
        let rec = DType::Record {
            fields: vec![crate::dtype::Field::new("x", f8, 4)],
            itemsize: 8,
            aligned: false,
        };
        assert_eq!(render(&rec, &[&[0; 8]]), ["(0.,)"]);
    }
}
