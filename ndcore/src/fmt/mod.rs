//! Printing arrays exactly as NumPy does: `Display` is `str(a)`, `Debug` is `repr(a)`.
//!
//! ```
//! use ndcore::prelude::*;
//! let x = arange(9i64).into_shape([3, 3])?;
//! assert_eq!(format!("{x:?}"), "array([[0, 1, 2],\n       [3, 4, 5],\n       [6, 7, 8]])");
//! assert_eq!(x.t().to_string(), "[[0 3 6]\n [1 4 7]\n [2 5 8]]");
//! let f = Array::from_vec(vec![0.0f32, 0.5, 1e-5]);
//! assert_eq!(format!("{f:?}"), "array([0.e+00, 5.e-01, 1.e-05], dtype=float32)");
//! # Ok::<(), ndcore::Error>(())
//! ```
//!
//! The formatter is driven by the element's [`DType`]: it reads each element's bytes as the
//! dtype describes them (byte order included), so records print like NumPy's structured
//! arrays with no special path. Large arrays are summarized from their corners only, so
//! printing a 10⁷-element array costs what printing a 1000-element one does.
//!
//! Data types with no Rust element type (float16, complex, strings, datetimes, timedeltas,
//! x86-64's long double) print the same way, through [`AnyArray`](crate::any::AnyArray):
//!
//! ```
//! use ndcore::{DType, Order};
//! use ndcore::any::AnyArray;
//! let mut t = AnyArray::zeros(DType::from_typestr("<M8[s]")?, &[2], Order::C)?;
//! t.bytes_mut().unwrap()[8..].copy_from_slice(&(-1i64).to_le_bytes());
//! assert_eq!(t.to_string(), "['1970-01-01T00:00:00' '1969-12-31T23:59:59']");
//! assert_eq!(format!("{t:?}"), "array(['1970-01-01T00:00:00', '1969-12-31T23:59:59'],\n      dtype='datetime64[s]')");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Options are a [`PrintOptions`] value passed per call ([`ArrayRef::display_with`],
//! [`ArrayRef::repr_with`]); there is no global state. `{:.3}` sets the precision.
//! [`format_float_positional`] and [`format_float_scientific`] are NumPy's functions of
//! those names.

mod bignum;
mod complex;
mod digits;
mod dragon4;
mod element;
mod float;
mod floating;
mod half;
mod layout;
mod longdouble;
mod options;
mod printable;
mod text;
mod time;

pub use float::{FloatStyle, PrintFloat, Trim, format_float_positional, format_float_scientific};
pub use options::{FloatMode, PrintOptions, Sign};

use crate::array::{ArrayBase, ArrayRef};
use crate::dimension::Dimension;
use crate::dtype::{ByteOrder, DType, Kind};
use crate::element::Element;
use crate::storage::Data;
use element::{Ctx, ElemFormat, flatten_subarray};

use layout::{Layout, data_indices, printed_indices};
use std::fmt;

/// Python's `repr()` of a `str`, as NumPy's texts quote names: `'x'`, `"it's"`, `'a\\nb'`,
/// with CPython's escapes for characters it does not print.
///
/// ```
/// assert_eq!(ndcore::fmt::py_str("it's"), "\"it's\"");
/// assert_eq!(ndcore::fmt::py_str("a\u{200b}"), "'a\\u200b'");
/// ```
pub fn py_str(s: &str) -> String {
    let cps: Vec<u32> = s.chars().map(u32::from).collect();
    let mut out = String::with_capacity(s.len() + 2);
    text::write_py_str(&cps, &mut out);
    out
}

/// A shape (or strides) as Python prints a tuple, as NumPy's texts write them: `()`,
/// `(3,)`, `(2, 3)`, `(-24, 8)`.
///
/// ```
/// assert_eq!(ndcore::fmt::py_tuple(&[3]), "(3,)");
/// assert_eq!(ndcore::fmt::py_tuple::<usize>(&[]), "()");
/// assert_eq!(ndcore::fmt::py_tuple(&[-24isize, 8]), "(-24, 8)");
/// ```
pub fn py_tuple<T: fmt::Display>(shape: &[T]) -> String {
    layout::py_tuple(shape)
}

/// An array with print options, ready to print as NumPy's `str(a)` or `repr(a)`
/// (`np.array_str`, `np.array_repr` with options).
///
/// Made by [`ArrayRef::display_with`] and [`ArrayRef::repr_with`]; `{:.N}` overrides the
/// precision.
///
/// # Example
/// ```
/// use ndcore::prelude::*;
/// use ndcore::fmt::{PrintOptions, Sign};
/// let a = Array::from_vec(vec![0.25f32, -1.0]);
/// let opts = PrintOptions { sign: Sign::Space, ..PrintOptions::default() };
/// assert_eq!(a.repr_with(&opts).to_string(), "array([ 0.25, -1.  ], dtype=float32)");
/// assert_eq!(format!("{:.1}", a.display_with(&opts)), "[ 0.2 -1. ]");
/// ```
pub struct ArrayPrint<'a, T, D: Dimension> {
    array: &'a ArrayRef<T, D>,
    opts: PrintOptions,
    /// `Some(name)` for `repr` (`array`, or `memmap` for a memory map), `None` for `str`.
    repr: Option<&'static str>,
}

impl<T: Element, D: Dimension> ArrayRef<T, D> {
    /// NumPy's `str(a)` (`np.array_str`) with the given options, as a value to print.
    ///
    /// # Example
    /// ```
    /// use ndcore::prelude::*;
    /// use ndcore::fmt::PrintOptions;
    /// let a = arange(2000i64);
    /// let opts = PrintOptions { edgeitems: 2, ..PrintOptions::default() };
    /// assert_eq!(a.display_with(&opts).to_string(), "[   0    1 ... 1998 1999]");
    /// ```
    pub fn display_with(&self, opts: &PrintOptions) -> ArrayPrint<'_, T, D> {
        ArrayPrint {
            array: self,
            opts: *opts,
            repr: None,
        }
    }

    /// NumPy's `repr(a)` (`np.array_repr`) with the given options, as a value to print.
    ///
    /// # Example
    /// ```
    /// use ndcore::prelude::*;
    /// use ndcore::fmt::PrintOptions;
    /// let a = linspace(0.0, 1.0, 3);
    /// let opts = PrintOptions { threshold: 2, ..PrintOptions::default() };
    /// assert_eq!(a.repr_with(&opts).to_string(), "array([0. , 0.5, 1. ], shape=(3,))");
    /// ```
    pub fn repr_with(&self, opts: &PrintOptions) -> ArrayPrint<'_, T, D> {
        ArrayPrint {
            array: self,
            opts: *opts,
            repr: Some("array"),
        }
    }
}

impl<T: Element, D: Dimension> fmt::Display for ArrayPrint<'_, T, D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut opts = self.opts;
        if let Some(p) = f.precision() {
            opts.precision = p;
        }
        f.write_str(&render(self.array, &opts, self.repr))
    }
}

impl<T: Element, D: Dimension> fmt::Debug for ArrayPrint<'_, T, D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// NumPy's `str(a)`: `[[0 1 2]\n [3 4 5]]`; `{:.N}` sets the precision.
impl<T: Element, D: Dimension> fmt::Display for ArrayRef<T, D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.display_with(&PrintOptions::default()), f)
    }
}

/// NumPy's `repr(a)`: `array([[0, 1, 2],\n       [3, 4, 5]])`; `{:.N?}` sets the precision.
impl<T: Element, D: Dimension> fmt::Debug for ArrayRef<T, D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.repr_with(&PrintOptions::default()), f)
    }
}

/// NumPy's `str(a)`, as for [`ArrayRef`].
impl<S: Data, D: Dimension> fmt::Display for ArrayBase<S, D>
where
    S::Elem: Element,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&**self, f)
    }
}

/// NumPy's `repr(a)`, as for [`ArrayRef`], named as the storage says NumPy names it
/// (`memmap([...])` for a memory map).
impl<S: Data, D: Dimension> fmt::Debug for ArrayBase<S, D>
where
    S::Elem: Element,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let print = ArrayPrint {
            array: &**self,
            opts: PrintOptions::default(),
            repr: Some(S::REPR_NAME),
        };
        fmt::Display::fmt(&print, f)
    }
}

/// The dtype the formatter reads `T`'s bytes with: `T::dtype()`, or raw bytes if a
/// hand-written `Element` gives a dtype of another size (never read past an element).
fn element_dtype<T: Element>() -> DType {
    let dtype = T::dtype();
    let size = std::mem::size_of::<T>();
    if dtype.itemsize() == size {
        dtype
    } else {
        DType::Scalar {
            kind: Kind::Void,
            itemsize: size,
            order: ByteOrder::NotApplicable,
            unit: None,
        }
    }
}

/// The bytes of the elements at the given per-axis index lists, in C order. The first
/// `a.ndim()` axes index the array; the rest index inside a sub-array dtype
/// (`base_size` bytes per base element).
fn gather<'a>(
    a: &Elements<'a>,
    indices: &[Vec<usize>],
    sub_shape: &[usize],
    base_size: usize,
) -> Vec<&'a [u8]> {
    let ndim = a.ndim;
    let count: usize = indices.iter().map(Vec::len).product();
    let mut out = Vec::with_capacity(count);
    if count == 0 {
        return out;
    }
    let mut pos = vec![0usize; indices.len()];
    let mut idx: Vec<usize> = indices.iter().map(|v| v[0]).collect();
    loop {
        if let Some(bytes) = (a.get)(&idx[..ndim]) {
            let mut flat = 0;
            for (k, &n) in sub_shape.iter().enumerate() {
                flat = flat * n + idx[ndim + k];
            }
            let start = flat * base_size;
            out.push(bytes.get(start..start + base_size).unwrap_or(&[]));
        }
        // Odometer over the index lists, last axis fastest.
        let mut axis = indices.len();
        loop {
            if axis == 0 {
                return out;
            }
            axis -= 1;
            pos[axis] += 1;
            if pos[axis] < indices[axis].len() {
                idx[axis] = indices[axis][pos[axis]];
                break;
            }
            pos[axis] = 0;
            idx[axis] = indices[axis][0];
        }
    }
}

/// The elements of an array as the printer reads them: the bytes of the element at an
/// index, whatever the array's element type.
pub(crate) struct Elements<'a> {
    /// How many axes the array has.
    pub(crate) ndim: usize,
    /// The array's shape.
    pub(crate) shape: &'a [usize],
    /// The bytes of the element at an index (`None` out of bounds).
    pub(crate) get: &'a dyn Fn(&[usize]) -> Option<&'a [u8]>,
}

/// `str(a)` or `repr(a)` of a typed array with `opts`.
fn render<T: Element, D: Dimension>(
    a: &ArrayRef<T, D>,
    opts: &PrintOptions,
    repr: Option<&str>,
) -> String {
    let dtype = element_dtype::<T>();
    let get = |idx: &[usize]| a.get(idx).map(bytemuck::bytes_of);
    let elements = Elements {
        ndim: a.ndim(),
        shape: a.shape(),
        get: &get,
    };
    render_elements(&dtype, &elements, opts, repr)
}

/// `str(a)` or `repr(a)` of elements described by `dtype`, with `opts`.
pub(crate) fn render_elements(
    dtype: &DType,
    a: &Elements<'_>,
    opts: &PrintOptions,
    repr: Option<&str>,
) -> String {
    // An element that is itself a fixed-size block prints as NumPy prints such arrays: the
    // block's axes join the array's, and the dtype is the block's base.
    let (sub_shape, base) = flatten_subarray(dtype);
    let mut shape = a.shape.to_vec();
    shape.extend_from_slice(&sub_shape);
    let size = shape.iter().fold(1usize, |acc, &n| acc.saturating_mul(n));
    let summarize = size > opts.threshold;
    let prefix = repr.map(|name| format!("{name}(")).unwrap_or_default();

    let body = if size == 0 {
        "[]".to_string()
    } else {
        let edge = opts.edgeitems;
        let printed: Vec<Vec<usize>> = shape
            .iter()
            .map(|&n| printed_indices(n, summarize, edge))
            .collect();
        let data: Vec<Vec<usize>> = shape
            .iter()
            .map(|&n| data_indices(n, summarize, edge))
            .collect();
        let words_bytes = gather(a, &printed, &sub_shape, base.itemsize());
        let zero_d = shape.is_empty();
        if zero_d && repr.is_none() {
            // `str()` of a 0-d array is `str()` of its scalar (floats unrounded).
            if let Some(s) = words_bytes
                .first()
                .and_then(|b| element::scalar_text(base, b))
            {
                return s;
            }
            let is_record = matches!(base, DType::Record { .. });
            let scalar_opts = PrintOptions {
                sign: if is_record { opts.sign } else { Sign::Minus },
                ..*opts
            };
            let ctx = Ctx {
                opts: &scalar_opts,
                zero_d: true,
                float_str: true,
            };
            let format = ElemFormat::build(base, &words_bytes, &ctx);
            let mut s = String::new();
            for b in &words_bytes {
                format.write(b, &mut s);
            }
            // NumPy's str() of a 0-d byte string is the repr of its `np.bytes_` scalar.
            if base.kind() == Kind::Bytes {
                s = format!("np.bytes_({s})");
            }
            return s;
        }
        let data_bytes = if data == printed {
            words_bytes.clone()
        } else {
            gather(a, &data, &sub_shape, base.itemsize())
        };
        let ctx = Ctx {
            opts,
            zero_d,
            float_str: false,
        };
        let format = ElemFormat::build(base, &data_bytes, &ctx);
        let words: Vec<String> = words_bytes
            .iter()
            .map(|b| {
                let mut s = String::new();
                format.write(b, &mut s);
                s
            })
            .collect();
        if zero_d {
            words.into_iter().next().unwrap_or_default()
        } else {
            let layout = Layout {
                line_width: isize::try_from(opts.linewidth).unwrap_or(isize::MAX)
                    - isize::from(repr.is_some()),
                next_line_prefix: " ".repeat(1 + prefix.len()),
                separator: if repr.is_some() { ", " } else { " " },
                edgeitems: edge,
                summarize,
            };
            layout.format(&shape, &words)
        }
    };
    if repr.is_none() {
        return body;
    }
    // NumPy's `_array_repr_implementation`: add what the text cannot show.
    let mut extras = Vec::new();
    if (size == 0 && shape != [0]) || summarize {
        extras.push(format!("shape={}", py_tuple(&shape)));
    }
    if !base.repr_implied() || size == 0 {
        extras.push(format!("dtype={}", base.repr_name()));
    }
    if extras.is_empty() {
        return format!("{prefix}{body})");
    }
    let arr_str = format!("{prefix}{body},");
    let extra_str = format!("{})", extras.join(", "));
    let last_line = arr_str.rsplit('\n').next().unwrap_or("");
    let fits = last_line.chars().count() + extra_str.chars().count() < opts.linewidth;
    let spacer = if fits {
        " ".to_string()
    } else {
        format!("\n{}", " ".repeat(prefix.len()))
    };
    format!("{arr_str}{spacer}{extra_str}")
}
