//! NumPy's array interface (version 3): any block of memory described by an address, a
//! shape, byte strides and a type string is an array, without a copy, in both directions.
//!
//! - **Out**: [`ArrayInterface::of`] (read-only) and [`ArrayInterface::of_mut`] describe an
//!   nd array; `to_string()` is the dict NumPy shows for `a.__array_interface__`, so a
//!   Python object returning it lets `np.asarray` share nd's memory.
//! - **In**: [`ArrayInterface::parse`] reads such a dict (its `repr`), or build one by
//!   hand. [`view`](ArrayInterface::view) and [`view_mut`](ArrayInterface::view_mut) see it
//!   inside a Rust buffer you lend (the compiler checks the borrow);
//!   [`into_any`](ArrayInterface::into_any) and [`into_array`](ArrayInterface::into_array)
//!   take a raw address and an owner that keeps the memory alive (`unsafe`: only you know
//!   the address is good). [`asarray`] and [`asarray_mut`] are NumPy's `np.asarray(obj)`
//!   for types that expose memory through [`ArrayInterfaceSource`].
//!
//! Every import checks what it can: the type string against the element type (byte order
//! included), every reachable byte inside the buffer (negative and zero strides too), the
//! alignment, a null address with elements, a writable view of a read-only block.
//!
//! The paper's `MutableString` (In \[57\]–\[62\]):
//!
//! ```
//! use ndcore::prelude::*;
//! use ndio::interface::{ArrayInterface, ArrayInterfaceSource, asarray_mut};
//!
//! /// A foreign block of memory: bytes ndcore knows nothing about.
//! struct MutableString(Box<[u8]>);
//!
//! // SAFETY: the interface describes the boxed bytes, owned by self, writable.
//! unsafe impl ArrayInterfaceSource for MutableString {
//!     fn array_interface(&self) -> ArrayInterface {
//!         ArrayInterface::new(self.0.as_ptr() as usize, false, vec![self.0.len()], "|u1")
//!             .expect("a valid typestr")
//!     }
//! }
//!
//! let mut m = MutableString(b"abcde".to_vec().into_boxed_slice());   // In [57]
//! let mut am = asarray_mut::<u8, Ix1>(&mut m)?;                        // In [58]
//! assert_eq!(format!("{am:?}"), "array([ 97,  98,  99, 100, 101], dtype=uint8)");
//! am.iter_mut().for_each(|c| *c += 2);                                 // In [60]
//! assert_eq!(format!("{am:?}"), "array([ 99, 100, 101, 102, 103], dtype=uint8)");
//! assert_eq!(&*m.0, b"cdefg");                                         // In [62]
//! # Ok::<(), ndio::Error>(())
//! ```

use std::fmt;
use std::ptr::NonNull;
use std::sync::Arc;

use bytemuck::AnyBitPattern;
use ndcore::any::AnyArray;
use ndcore::dtype::{ByteOrder, DType};
use ndcore::layout;
use ndcore::{ArrayRef, ArrayView, ArrayViewMut, Dimension, Element};

use crate::error::{Error, Result};
use crate::foreign::{Foreign, ForeignArray, ForeignArrayMut};

const PROTOCOL: &str = "__array_interface__";

fn err(why: impl Into<String>) -> Error {
    Error::exchange(PROTOCOL, why)
}

/// NumPy's `__array_interface__` (version 3) for memory at an address: where the first
/// element is, whether it may be written, the shape, the byte strides (`None`: C order)
/// and the element type (its `typestr` and `descr`).
#[derive(Clone, Debug, PartialEq)]
pub struct ArrayInterface {
    /// The address of the first element (`data[0]`).
    pub data: usize,
    /// Whether the memory must not be written (`data[1]`).
    pub readonly: bool,
    /// The length of each axis.
    pub shape: Vec<usize>,
    /// The byte step along each axis, or `None` for C-contiguous memory.
    pub strides: Option<Vec<isize>>,
    /// The element type: `typestr`, or `descr` for records.
    pub dtype: DType,
}

impl ArrayInterface {
    /// An interface for `shape` elements of the type `typestr` names (`'<f8'`, `'|u1'`,
    /// NumPy's type strings), C-contiguous at address `data`.
    ///
    /// # Errors
    /// A type string NumPy would not understand.
    pub fn new(data: usize, readonly: bool, shape: Vec<usize>, typestr: &str) -> Result<Self> {
        let dtype = DType::from_typestr(typestr).map_err(|e| err(e.to_string()))?;
        Ok(ArrayInterface {
            data,
            readonly,
            shape,
            strides: None,
            dtype,
        })
    }

    /// The interface of an array, read-only: the array is borrowed shared, so the other
    /// side must not write it. The address is valid only while `a` is.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndio::interface::ArrayInterface;
    /// let a = arange(6.0).into_shape([2, 3])?;
    /// let t = ArrayInterface::of(&a.t());
    /// assert_eq!(
    ///     t.to_string(),
    ///     format!(
    ///         "{{'data': ({}, True), 'strides': (8, 24), 'descr': [('', '<f8')], \
    ///          'typestr': '<f8', 'shape': (3, 2), 'version': 3}}",
    ///         a.as_ptr() as usize
    ///     )
    /// );
    /// # Ok::<(), ndcore::Error>(())
    /// ```
    pub fn of<T: Element, D: Dimension>(a: &ArrayRef<T, D>) -> ArrayInterface {
        Self::describe(
            a.as_ptr() as usize,
            true,
            a.shape(),
            a.strides(),
            T::dtype(),
        )
    }

    /// The interface of a writable array: the other side may write it while `a` is
    /// borrowed.
    pub fn of_mut<T: Element, D: Dimension>(a: &mut ArrayRef<T, D>) -> ArrayInterface {
        Self::describe(
            a.as_mut_ptr() as usize,
            false,
            a.shape(),
            a.strides(),
            T::dtype(),
        )
    }

    /// The interface of an [`AnyArray`], read-only.
    pub fn of_any(a: &AnyArray) -> ArrayInterface {
        Self::describe(
            a.as_ptr() as usize,
            true,
            a.shape(),
            a.strides(),
            a.dtype().clone(),
        )
    }

    /// The interface of an [`AnyArray`] that the other side may write.
    ///
    /// # Errors
    /// If the array is read-only, or shares its memory with another array (write to a
    /// copy instead).
    pub fn of_any_mut(a: &mut AnyArray) -> Result<ArrayInterface> {
        let Some(data) = a.as_mut_ptr() else {
            return Err(err(if a.is_writeable() {
                "the array shares its memory with another array: export a copy to write it"
            } else {
                "the array is read-only"
            }));
        };
        Ok(Self::describe(
            data as usize,
            false,
            a.shape(),
            a.strides(),
            a.dtype().clone(),
        ))
    }

    fn describe(
        data: usize,
        readonly: bool,
        shape: &[usize],
        strides: &[isize],
        dtype: DType,
    ) -> ArrayInterface {
        let contiguous = layout::is_c_contiguous(shape, strides, dtype.itemsize());
        ArrayInterface {
            data,
            readonly,
            shape: shape.to_vec(),
            strides: (!contiguous).then(|| strides.to_vec()),
            dtype,
        }
    }

    /// NumPy's `typestr`: `'<f8'`, `'|b1'`; records are raw bytes, `'|V24'`.
    pub fn typestr(&self) -> String {
        self.dtype.typestr()
    }

    /// NumPy's `descr`: `[('', '<f8')]`, or a record's fields
    /// `[('time', '<u8'), ('pos', [('x', '<f8'), ('y', '<f8')])]`.
    pub fn descr(&self) -> String {
        if self.dtype.fields().is_some() {
            self.dtype.descr()
        } else {
            format!("[('', {})]", ndcore::fmt::py_str(&self.dtype.typestr()))
        }
    }

    /// The byte strides, computed for C order when [`strides`](Self::strides) is `None`.
    pub fn byte_strides(&self) -> Vec<isize> {
        match &self.strides {
            Some(s) => s.clone(),
            None => {
                let mut s = vec![0; self.shape.len()];
                layout::contiguous_strides(
                    &self.shape,
                    self.dtype.itemsize(),
                    ndcore::Order::C,
                    &mut s,
                );
                s
            }
        }
    }

    /// Reads the dict NumPy shows for `a.__array_interface__` (Python's `repr` of it):
    /// keys in any order, `strides` and `descr` optional, `version` and `mask` ignored
    /// (as NumPy ignores them). A void `typestr` with a `descr` of fields is a record.
    ///
    /// # Errors
    /// NumPy's texts for a missing or malformed key (`Missing __array_interface__
    /// typestr`, `shape must be a tuple`, `mismatch in length of strides and shape`, ...);
    /// a missing `data` (NumPy's buffer and scalar paths have no meaning here); text that
    /// is not such a dict.
    ///
    /// ```
    /// use ndio::interface::ArrayInterface;
    /// let i = ArrayInterface::parse(
    ///     "{'data': (4096, False), 'strides': (-24, 8), 'descr': [('', '<f8')], \
    ///      'typestr': '<f8', 'shape': (2, 3), 'version': 3}",
    /// )?;
    /// assert_eq!((i.data, i.readonly, &i.shape[..]), (4096, false, &[2, 3][..]));
    /// assert_eq!(i.strides, Some(vec![-24, 8]));
    /// let e = ArrayInterface::parse("{'data': (0, False), 'shape': (2,)}").unwrap_err();
    /// assert_eq!(e.to_string(), "__array_interface__: Missing __array_interface__ typestr");
    /// # Ok::<(), ndio::Error>(())
    /// ```
    pub fn parse(text: &str) -> Result<ArrayInterface> {
        let entries = literal::dict(text).map_err(err)?;
        let get = |key: &str| entries.iter().find(|(k, _)| k == key).map(|(_, v)| v);
        let typestr = match get("typestr") {
            None => return Err(err("Missing __array_interface__ typestr")),
            Some(v) => match &v.value {
                literal::Value::Str(s) => s.clone(),
                _ => return Err(err("__array_interface__ typestr must be a string")),
            },
        };
        let mut dtype = DType::from_typestr(&typestr).map_err(|e| err(e.to_string()))?;
        if dtype.kind() == ndcore::Kind::Void
            && dtype.fields().is_none()
            && let Some(d) = get("descr")
        {
            let text = &text[d.span.clone()];
            let default = format!("[('', {})]", ndcore::fmt::py_str(&typestr));
            let described = DType::from_descr(text).map_err(|e| err(e.to_string()))?;
            if DType::from_descr(&default).ok().as_ref() != Some(&described) {
                dtype = described;
            }
        }
        let ints = |v: &literal::Value, what: &str| -> Result<Vec<i128>> {
            let literal::Value::Tuple(items) = v else {
                return Err(err(format!("{what} must be a tuple")));
            };
            items
                .iter()
                .map(|i| match i {
                    literal::Value::Int(n) => Ok(*n),
                    _ => Err(err(format!("{what} must be a tuple of integers"))),
                })
                .collect()
        };
        let Some(data) = get("data") else {
            return Err(err(
                "data is missing: nd reads memory by address, (pointer, read-only flag)",
            ));
        };
        let Some(shape) = get("shape") else {
            return Err(err("Missing __array_interface__ shape"));
        };
        let shape = ints(&shape.value, "shape")?;
        if shape.len() > 64 {
            return Err(err(format!(
                "number of dimensions must be within [0, 64], got {}",
                shape.len()
            )));
        }
        let shape = shape
            .iter()
            .map(|&n| usize::try_from(n).map_err(|_| err("negative dimensions are not allowed")))
            .collect::<Result<Vec<usize>>>()?;
        let (data, readonly) = match &data.value {
            literal::Value::Tuple(t) if t.len() == 2 => {
                let literal::Value::Int(p) = t[0] else {
                    return Err(err(
                        "first element of __array_interface__ data tuple must be an integer.",
                    ));
                };
                let p = usize::try_from(p)
                    .map_err(|_| err(format!("data pointer {p} is not an address")))?;
                let readonly = match t[1] {
                    literal::Value::Bool(b) => b,
                    literal::Value::Int(n) => n != 0,
                    literal::Value::None => false,
                    _ => return Err(err("the read-only flag of data must be True or False")),
                };
                (p, readonly)
            }
            _ => {
                return Err(err(
                    "__array_interface__ data must be a 2-tuple with (data pointer integer, \
                     read-only flag)",
                ));
            }
        };
        let strides = match get("strides").map(|v| &v.value) {
            None | Some(literal::Value::None) => None,
            Some(v) => {
                let s = ints(v, "strides")?;
                if s.len() != shape.len() {
                    return Err(err("mismatch in length of strides and shape"));
                }
                Some(
                    s.iter()
                        .map(|&n| {
                            isize::try_from(n)
                                .map_err(|_| err(format!("stride {n} does not fit in isize")))
                        })
                        .collect::<Result<Vec<isize>>>()?,
                )
            }
        };
        Ok(ArrayInterface {
            data,
            readonly,
            shape,
            strides,
            dtype,
        })
    }

    /// Checks what needs no memory and no type: NumPy's size rule and a null address
    /// with elements. Returns the byte strides.
    fn check(&self) -> Result<Vec<isize>> {
        let (_, nbytes) = layout::checked_size(&self.shape, self.dtype.itemsize())
            .map_err(|e| err(e.to_string()))?;
        if self.data == 0 && nbytes != 0 {
            return Err(err(format!(
                "data is NULL but array contains data (shape {})",
                ndcore::fmt::py_tuple(&self.shape)
            )));
        }
        Ok(self.byte_strides())
    }

    /// [`check`](Self::check), then that the elements are `T`s (byte order included) on
    /// `D`'s number of axes. Returns the layout as `D`'s.
    fn check_typed<T: Element, D: Dimension>(&self) -> Result<(D, D::Strides)> {
        let strides = self.check()?;
        let want = T::dtype();
        if want != self.dtype || std::mem::size_of::<T>() != self.dtype.itemsize() {
            let mut why = format!(
                "typestr {} ({}) does not match the element type {} ({})",
                ndcore::fmt::py_str(&self.typestr()),
                self.dtype.name(),
                std::any::type_name::<T>(),
                want.descr()
            );
            let swapped = match want.byteorder() {
                ByteOrder::Little => ByteOrder::Big,
                ByteOrder::Big => ByteOrder::Little,
                ByteOrder::NotApplicable => ByteOrder::NotApplicable,
            };
            if swapped != want.byteorder() && want.newbyteorder(swapped) == self.dtype {
                why.push_str(
                    ": the bytes are in the other byte order \
                     (ndcore::endian's BigEndian/LittleEndian types read them)",
                );
            }
            return Err(err(why));
        }
        if let Some(n) = D::NDIM
            && n != self.shape.len()
        {
            return Err(err(format!(
                "shape {} has {} dimensions, not {n}",
                ndcore::fmt::py_tuple(&self.shape),
                self.shape.len()
            )));
        }
        let dim = D::from_slice(&self.shape).map_err(|e| err(e.to_string()))?;
        let st = D::strides_from_slice(&strides).map_err(|e| err(e.to_string()))?;
        Ok((dim, st))
    }

    /// The bytes the elements reach: the address of the lowest and how many (the data
    /// address and 0 when they reach none).
    fn reach(&self, strides: &[isize]) -> Result<(usize, usize)> {
        let beyond = || {
            err(format!(
                "shape {} with strides {} from {:#x} reaches beyond the address space",
                ndcore::fmt::py_tuple(&self.shape),
                ndcore::fmt::py_tuple(strides),
                self.data
            ))
        };
        let (lo, hi) =
            layout::extent(&self.shape, strides, self.dtype.itemsize()).ok_or_else(beyond)?;
        if lo == hi {
            return Ok((self.data, 0));
        }
        let start = isize::try_from(self.data)
            .ok()
            .and_then(|d| d.checked_add(lo))
            .filter(|&s| s > 0 && s.checked_add(hi - lo).is_some())
            .ok_or_else(beyond)?;
        Ok((start as usize, (hi - lo) as usize))
    }

    /// The offset of the first element in a buffer starting at `buf`.
    fn offset_in(&self, buf: *const u8) -> Result<usize> {
        if self.shape.contains(&0) {
            return Ok(0);
        }
        self.data.checked_sub(buf as usize).ok_or_else(|| {
            err(format!(
                "the data address {:#x} lies before the buffer at {buf:p}",
                self.data
            ))
        })
    }

    /// A read-only view of the described elements inside `buf`, which must hold them all.
    ///
    /// # Errors
    /// A type string other than `T`'s (byte order included), another rank than `D`'s, an
    /// element outside `buf` (negative and zero strides included), a misaligned element,
    /// bytes that are not a valid `T`, a null address with elements.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndio::interface::ArrayInterface;
    /// let buf: Vec<u8> = (0..12).collect();
    /// let mut i = ArrayInterface::new(buf.as_ptr() as usize + 8, true, vec![3, 2], "|u1")?;
    /// i.strides = Some(vec![-4, 1]);
    /// let v = i.view::<u8, Ix2>(&buf)?;
    /// assert_eq!(v, array![[8, 9], [4, 5], [0, 1]]);
    /// i.strides = Some(vec![-5, 1]);
    /// assert!(i.view::<u8, Ix2>(&buf).is_err()); // would read before the buffer
    /// # Ok::<(), ndio::Error>(())
    /// ```
    pub fn view<'a, T: Element, D: Dimension>(&self, buf: &'a [u8]) -> Result<ArrayView<'a, T, D>> {
        let (dim, st) = self.check_typed::<T, D>()?;
        let offset = self.offset_in(buf.as_ptr())?;
        ArrayView::from_bytes(buf, offset, dim, st.as_ref()).map_err(|e| err(e.to_string()))
    }

    /// A writable view of the described elements inside `buf`.
    ///
    /// # Errors
    /// As [`view`](Self::view); also a read-only interface and elements that overlap.
    pub fn view_mut<'a, T: Element + AnyBitPattern, D: Dimension>(
        &self,
        buf: &'a mut [u8],
    ) -> Result<ArrayViewMut<'a, T, D>> {
        if self.readonly {
            return Err(err("the memory is read-only (data=(address, True))"));
        }
        let (dim, st) = self.check_typed::<T, D>()?;
        let offset = self.offset_in(buf.as_ptr())?;
        ArrayViewMut::from_bytes_mut(buf, offset, dim, st.as_ref()).map_err(|e| err(e.to_string()))
    }

    /// The block of memory the elements reach, kept alive by `owner`, and the first
    /// element's offset in it.
    ///
    /// # Safety
    /// As [`into_any`](Self::into_any).
    unsafe fn block(
        &self,
        strides: &[isize],
        owner: impl Send + Sync + 'static,
    ) -> Result<(Foreign, usize)> {
        let (start, len) = self.reach(strides)?;
        // An empty block keeps the given address (so that the array reports it back), or
        // takes a dangling well-aligned one for a null address.
        let start = if start == 0 {
            NonNull::<u128>::dangling().as_ptr().cast::<u8>()
        } else {
            start as *const u8
        };
        // SAFETY: the caller vouches that every element the interface describes is valid
        // memory (writable unless read-only) while `owner` lives; `reach` gives exactly
        // the bytes those elements cover (none for an empty block, which is never read).
        let block = unsafe { Foreign::new(start, len, !self.readonly, owner) };
        Ok((block, self.offset_in(start)?))
    }

    /// The described memory as an [`AnyArray`] of any dtype, kept alive by `owner` (dropped
    /// with the last array that reaches the memory).
    ///
    /// # Safety
    /// Every element the interface describes must be initialized memory at its address,
    /// readable (and writable, unless `readonly`) until `owner` is dropped, and not written
    /// by anyone else while an array made from it is read.
    ///
    /// # Errors
    /// NumPy's size rule, a null address with elements, a layout beyond the address space.
    pub unsafe fn into_any(self, owner: impl Send + Sync + 'static) -> Result<AnyArray> {
        let strides = self.check()?;
        // SAFETY: forwarded to the caller.
        let (block, offset) = unsafe { self.block(&strides, owner)? };
        AnyArray::from_storage(Arc::new(block), self.dtype, offset, &self.shape, &strides)
            .map_err(|e| err(e.to_string()))
    }

    /// The described memory as a read-only typed array, kept alive by `owner`.
    ///
    /// # Safety
    /// As [`into_any`](Self::into_any).
    ///
    /// # Errors
    /// As [`view`](Self::view), except that the memory is taken as it is described.
    pub unsafe fn into_array<T: Element + AnyBitPattern, D: Dimension>(
        self,
        owner: impl Send + Sync + 'static,
    ) -> Result<ForeignArray<T, D>> {
        let (dim, st) = self.check_typed::<T, D>()?;
        // SAFETY: forwarded to the caller.
        let (block, offset) = unsafe { self.block(st.as_ref(), owner)? };
        block
            .into_array(offset, dim, st.as_ref())
            .map_err(|e| err(e.to_string()))
    }

    /// The described memory as a writable typed array, kept alive by `owner`.
    ///
    /// # Safety
    /// As [`into_any`](Self::into_any).
    ///
    /// # Errors
    /// As [`view_mut`](Self::view_mut).
    pub unsafe fn into_array_mut<T: Element + AnyBitPattern, D: Dimension>(
        self,
        owner: impl Send + Sync + 'static,
    ) -> Result<ForeignArrayMut<T, D>> {
        if self.readonly {
            return Err(err("the memory is read-only (data=(address, True))"));
        }
        let (dim, st) = self.check_typed::<T, D>()?;
        // SAFETY: forwarded to the caller.
        let (block, offset) = unsafe { self.block(st.as_ref(), owner)? };
        block
            .into_array_mut(offset, dim, st.as_ref())
            .map_err(|e| err(e.to_string()))
    }
}

/// The dict NumPy shows: `{'data': (addr, False), 'strides': None, 'descr': [('', '<f8')],
/// 'typestr': '<f8', 'shape': (2, 3), 'version': 3}`.
impl fmt::Display for ArrayInterface {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let strides = match &self.strides {
            None => "None".to_string(),
            Some(s) => ndcore::fmt::py_tuple(s),
        };
        write!(
            f,
            "{{'data': ({}, {}), 'strides': {strides}, 'descr': {}, 'typestr': {}, \
             'shape': {}, 'version': 3}}",
            self.data,
            if self.readonly { "True" } else { "False" },
            self.descr(),
            ndcore::fmt::py_str(&self.typestr()),
            ndcore::fmt::py_tuple(&self.shape),
        )
    }
}

/// A type that exposes memory it holds through the array interface (Python's
/// `__array_interface__` attribute), for [`asarray`] and [`asarray_mut`].
///
/// # Safety
/// The interface must describe memory that `self` owns or borrows: every element
/// initialized, readable for as long as `self` is borrowed, not written by anyone else
/// meanwhile, and, unless `readonly`, writable through a `&mut self` borrow.
pub unsafe trait ArrayInterfaceSource {
    /// The interface of the memory.
    fn array_interface(&self) -> ArrayInterface;
}

/// NumPy's `np.asarray(obj)` for an object with an array interface: a read-only view of
/// its memory for as long as `obj` is borrowed.
///
/// # Errors
/// As [`ArrayInterface::view`], except that the memory is taken as it is described.
pub fn asarray<T: Element, D: Dimension>(
    obj: &(impl ArrayInterfaceSource + ?Sized),
) -> Result<ArrayView<'_, T, D>> {
    let i = obj.array_interface();
    let (start, len) = i.reach(&i.check()?)?;
    // SAFETY: ArrayInterfaceSource's contract: the bytes the elements reach are
    // initialized memory of obj, readable while it is borrowed.
    let bytes = unsafe { reached(start, len) };
    i.view(bytes)
}

/// NumPy's `np.asarray(obj)` with writes: a writable view of `obj`'s memory for as long
/// as it is borrowed exclusively.
///
/// # Errors
/// As [`ArrayInterface::view_mut`].
pub fn asarray_mut<T: Element + AnyBitPattern, D: Dimension>(
    obj: &mut (impl ArrayInterfaceSource + ?Sized),
) -> Result<ArrayViewMut<'_, T, D>> {
    let i = obj.array_interface();
    if i.readonly {
        return Err(err("the memory is read-only (data=(address, True))"));
    }
    let (start, len) = i.reach(&i.check()?)?;
    // SAFETY: ArrayInterfaceSource's contract: the bytes are obj's, writable through the
    // exclusive borrow held for the view's lifetime.
    let bytes = unsafe { reached_mut(start, len) };
    i.view_mut(bytes)
}

/// The `len` bytes at address `start` (an empty slice there, or anywhere for a null
/// address, when `len` is 0).
///
/// # Safety
/// If `len > 0`, the bytes must be initialized and readable for `'a`.
unsafe fn reached<'a>(start: usize, len: usize) -> &'a [u8] {
    let Some(p) = NonNull::new(start as *mut u8) else {
        return &[];
    };
    // SAFETY: forwarded to the caller; zero bytes at a non-null address are a valid slice.
    unsafe { std::slice::from_raw_parts(p.as_ptr(), len) }
}

/// As [`reached`], writable.
///
/// # Safety
/// If `len > 0`, the bytes must be initialized, writable and unaliased for `'a`.
unsafe fn reached_mut<'a>(start: usize, len: usize) -> &'a mut [u8] {
    let Some(p) = NonNull::new(start as *mut u8) else {
        return &mut [];
    };
    // SAFETY: forwarded to the caller.
    unsafe { std::slice::from_raw_parts_mut(p.as_ptr(), len) }
}

/// A reader for the Python literals an `__array_interface__` dict holds: ints, `True`,
/// `False`, `None`, strings, tuples, lists and the dict itself; values keep their text
/// span (a `descr` is handed to [`DType::from_descr`] as text).
mod literal {
    use std::ops::Range;

    #[derive(Debug, Clone, PartialEq)]
    pub(super) enum Value {
        Int(i128),
        Bool(bool),
        None,
        Str(String),
        Tuple(Vec<Value>),
        List(Vec<Value>),
    }

    pub(super) struct Spanned {
        pub(super) value: Value,
        pub(super) span: Range<usize>,
    }

    const MAX_DEPTH: usize = 64;

    struct Reader<'a> {
        text: &'a str,
        at: usize,
    }

    /// The `(key, value)` pairs of a dict literal whose keys are strings.
    pub(super) fn dict(text: &str) -> Result<Vec<(String, Spanned)>, String> {
        let mut r = Reader { text, at: 0 };
        r.ws();
        if !r.eat('{') {
            return Err("Invalid __array_interface__ value, must be a dict".into());
        }
        let mut entries: Vec<(String, Spanned)> = Vec::new();
        loop {
            r.ws();
            if r.eat('}') {
                break;
            }
            let key = match r.value(0)?.value {
                Value::Str(s) => s,
                _ => return Err(r.error("a string key")),
            };
            r.ws();
            if !r.eat(':') {
                return Err(r.error("':'"));
            }
            r.ws();
            let value = r.value(0)?;
            if entries.iter().any(|(k, _)| *k == key) {
                return Err(format!("key {key:?} appears twice"));
            }
            entries.push((key, value));
            r.ws();
            if r.eat('}') {
                break;
            }
            if !r.eat(',') {
                return Err(r.error("',' or '}'"));
            }
        }
        r.ws();
        if r.at != text.len() {
            return Err(r.error("the end of the text"));
        }
        Ok(entries)
    }

    impl Reader<'_> {
        fn rest(&self) -> &str {
            &self.text[self.at..]
        }
        fn ws(&mut self) {
            let n = self.rest().len() - self.rest().trim_start().len();
            self.at += n;
        }
        fn eat(&mut self, c: char) -> bool {
            if self.rest().starts_with(c) {
                self.at += c.len_utf8();
                true
            } else {
                false
            }
        }
        fn error(&self, wanted: &str) -> String {
            let near: String = self.rest().chars().take(20).collect();
            format!(
                "not a valid array interface dict: expected {wanted} at byte {}, found {near:?}",
                self.at
            )
        }

        fn value(&mut self, depth: usize) -> Result<Spanned, String> {
            if depth > MAX_DEPTH {
                return Err("not a valid array interface dict: nested too deeply".into());
            }
            let start = self.at;
            let value = match self.rest().chars().next() {
                Some('(') | Some('[') => {
                    let list = self.eat('[');
                    if !list {
                        self.eat('(');
                    }
                    let close = if list { ']' } else { ')' };
                    let mut items = Vec::new();
                    let mut trailing_comma = false;
                    loop {
                        self.ws();
                        if self.eat(close) {
                            break;
                        }
                        items.push(self.value(depth + 1)?.value);
                        self.ws();
                        trailing_comma = self.eat(',');
                        if !trailing_comma {
                            self.ws();
                            if self.eat(close) {
                                break;
                            }
                            return Err(self.error(&format!("',' or '{close}'")));
                        }
                    }
                    if list {
                        Value::List(items)
                    } else if items.len() == 1 && !trailing_comma {
                        // `(x)` is x in Python, not a tuple.
                        items.remove(0)
                    } else {
                        Value::Tuple(items)
                    }
                }
                Some(q @ ('\'' | '"')) => {
                    self.at += 1;
                    let mut s = String::new();
                    loop {
                        let Some(c) = self.rest().chars().next() else {
                            return Err(self.error("the end of the string"));
                        };
                        self.at += c.len_utf8();
                        match c {
                            '\\' => {
                                let Some(e) = self.rest().chars().next() else {
                                    return Err(self.error("an escape"));
                                };
                                self.at += e.len_utf8();
                                s.push(match e {
                                    'n' => '\n',
                                    't' => '\t',
                                    '0' => '\0',
                                    other => other,
                                });
                            }
                            c if c == q => break,
                            c => s.push(c),
                        }
                    }
                    Value::Str(s)
                }
                Some(c) if c == '-' || c == '+' || c.is_ascii_digit() => {
                    let digits = self.rest()[1..]
                        .find(|c: char| !c.is_ascii_digit())
                        .map_or(self.rest().len(), |n| n + 1);
                    let word = &self.rest()[..digits];
                    let n = word.parse::<i128>().map_err(|_| self.error("an integer"))?;
                    self.at += digits;
                    Value::Int(n)
                }
                _ => {
                    let word_len = self
                        .rest()
                        .find(|c: char| !c.is_ascii_alphanumeric() && c != '_')
                        .unwrap_or(self.rest().len());
                    let value = match &self.rest()[..word_len] {
                        "True" => Value::Bool(true),
                        "False" => Value::Bool(false),
                        "None" => Value::None,
                        _ => return Err(self.error("a value")),
                    };
                    self.at += word_len;
                    value
                }
            };
            Ok(Spanned {
                value,
                span: start..self.at,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndcore::prelude::*;

    #[test]
    fn numpy_dicts_round_trip() {
        for text in [
            "{'data': (93909782205872, False), 'strides': None, 'descr': [('', '<f8')], \
             'typestr': '<f8', 'shape': (2, 3), 'version': 3}",
            "{'data': (93909782205896, True), 'strides': (-24, 8), 'descr': [('', '<f8')], \
             'typestr': '<f8', 'shape': (2, 3), 'version': 3}",
            "{'data': (1, False), 'strides': None, 'descr': [('t', '<u8'), ('p', [('x', \
             '<f8'), ('y', '<f8')])], 'typestr': '|V24', 'shape': (3,), 'version': 3}",
            "{'data': (1, False), 'strides': None, 'descr': [('a', '|u1'), ('', '|V7'), \
             ('b', '<f8')], 'typestr': '|V16', 'shape': (3,), 'version': 3}",
            "{'data': (1, False), 'strides': None, 'descr': [('', '<M8[ns]')], 'typestr': \
             '<M8[ns]', 'shape': (), 'version': 3}",
            "{'data': (1, True), 'strides': (0, 8), 'descr': [('', '<i8')], 'typestr': \
             '<i8', 'shape': (2, 3), 'version': 3}",
            "{'data': (1, False), 'strides': (3,), 'descr': [('', '|V3')], 'typestr': \
             '|V3', 'shape': (4,), 'version': 3}",
        ] {
            let i = ArrayInterface::parse(text).unwrap();
            assert_eq!(i.to_string(), text);
        }
    }

    #[test]
    fn malformed_dicts_are_errors() {
        let cases = [
            ("[]", "Invalid __array_interface__ value, must be a dict"),
            (
                "{'shape': (1,), 'data': (8, False)}",
                "Missing __array_interface__ typestr",
            ),
            (
                "{'typestr': 3}",
                "__array_interface__ typestr must be a string",
            ),
            (
                "{'typestr': '<x9', 'shape': (), 'data': (8, False)}",
                "data type '<x9' not understood",
            ),
            (
                "{'typestr': '<f8', 'data': (8, False)}",
                "Missing __array_interface__ shape",
            ),
            (
                "{'typestr': '<f8', 'shape': [2], 'data': (8, False)}",
                "shape must be a tuple",
            ),
            (
                "{'typestr': '<f8', 'shape': (-2,), 'data': (8, False)}",
                "negative dimensions",
            ),
            (
                "{'typestr': '<f8', 'shape': (2,), 'data': (8,)}",
                "data must be a 2-tuple",
            ),
            (
                "{'typestr': '<f8', 'shape': (2,), 'data': ('x', 1)}",
                "must be an integer.",
            ),
            (
                "{'typestr': '<f8', 'shape': (2,), 'data': (-8, False)}",
                "not an address",
            ),
            (
                "{'typestr': '<f8', 'shape': (2,), 'data': (8, False), 'strides': (8, 8)}",
                "mismatch in length of strides and shape",
            ),
            ("{'typestr': '<f8', 'shape': (2,)}", "data is missing"),
            ("{'typestr': '<f8', 'typestr': '<f8'}", "appears twice"),
            ("{'typestr': '<f8'", "expected"),
            ("{'typestr': '<f8'} x", "the end of the text"),
            (
                &format!("{{'shape': {}1{}}}", "(".repeat(100), ")".repeat(100)),
                "nested too deeply",
            ),
        ];
        for (text, want) in cases {
            let e = ArrayInterface::parse(text).unwrap_err().to_string();
            assert!(e.contains(want), "{text}: {e}");
        }
        let many = format!(
            "{{'typestr': '<f8', 'data': (8, False), 'shape': ({})}}",
            "1, ".repeat(65)
        );
        assert!(
            ArrayInterface::parse(&many)
                .unwrap_err()
                .to_string()
                .contains("[0, 64], got 65")
        );
    }

    #[test]
    fn views_check_type_order_bounds_alignment_and_null() {
        let words = [1.5f64, 2.5, 3.5, 4.5];
        let buf: &[u8] = bytemuck::cast_slice(&words);
        let base = buf.as_ptr() as usize;
        let i = ArrayInterface::new(base, true, vec![4], "<f8").unwrap();
        assert_eq!(i.view::<f64, Ix1>(buf).unwrap().to_vec(), words);
        let e = i.view::<f32, Ix1>(buf).unwrap_err().to_string();
        assert!(
            e.contains("typestr '<f8' (float64) does not match the element type f32"),
            "{e}"
        );
        let e = i.view::<f64, Ix2>(buf).unwrap_err().to_string();
        assert!(e.contains("has 1 dimensions, not 2"), "{e}");
        let be = ArrayInterface::new(base, true, vec![4], ">f8").unwrap();
        let e = be.view::<f64, Ix1>(buf).unwrap_err().to_string();
        assert!(e.contains("other byte order"), "{e}");
        let v = be.view::<ndcore::endian::BigEndian<f64>, Ix1>(buf).unwrap();
        assert_eq!(v.len(), 4);
        // Negative strides that stay inside, then one element too far.
        let mut r = ArrayInterface::new(base + 24, true, vec![4], "<f8").unwrap();
        r.strides = Some(vec![-8]);
        assert_eq!(
            r.view::<f64, Ix1>(buf).unwrap().to_vec(),
            [4.5, 3.5, 2.5, 1.5]
        );
        r.shape = vec![5];
        assert!(
            r.view::<f64, Ix1>(buf)
                .unwrap_err()
                .to_string()
                .contains("outside")
        );
        // Zero strides: every element the same one.
        r.shape = vec![1000];
        r.strides = Some(vec![0]);
        assert!(r.view::<f64, Ix1>(buf).unwrap().iter().all(|&v| v == 4.5));
        // Before the buffer, misaligned, null.
        let before = ArrayInterface::new(base - 8, true, vec![1], "<f8").unwrap();
        assert!(
            before
                .view::<f64, Ix1>(buf)
                .unwrap_err()
                .to_string()
                .contains("before the buffer")
        );
        let odd = ArrayInterface::new(base + 1, true, vec![1], "<f8").unwrap();
        assert!(
            odd.view::<f64, Ix1>(buf)
                .unwrap_err()
                .to_string()
                .contains("align")
        );
        let null = ArrayInterface::new(0, true, vec![2], "<f8").unwrap();
        let e = null.view::<f64, Ix1>(buf).unwrap_err().to_string();
        assert_eq!(
            e,
            "__array_interface__: data is NULL but array contains data (shape (2,))"
        );
        let empty = ArrayInterface::new(0, true, vec![0, 3], "<f8").unwrap();
        assert_eq!(empty.view::<f64, Ix2>(buf).unwrap().shape(), &[0, 3]);
        // Bools must hold 0 or 1.
        let bytes = [0u8, 1, 2];
        let b = ArrayInterface::new(bytes.as_ptr() as usize, true, vec![3], "|b1").unwrap();
        assert!(b.view::<bool, Ix1>(&bytes).is_err());
        let b2 = ArrayInterface::new(bytes.as_ptr() as usize, true, vec![2], "|b1").unwrap();
        assert_eq!(
            b2.view::<bool, Ix1>(&bytes).unwrap().to_vec(),
            [false, true]
        );
    }

    #[test]
    fn writable_views_refuse_read_only_and_overlap() {
        let mut buf = vec![0u8; 8];
        let base = buf.as_ptr() as usize;
        let mut i = ArrayInterface::new(base, true, vec![8], "|u1").unwrap();
        assert!(
            i.view_mut::<u8, Ix1>(&mut buf)
                .unwrap_err()
                .to_string()
                .contains("read-only")
        );
        i.readonly = false;
        i.view_mut::<u8, Ix1>(&mut buf).unwrap().fill(7);
        assert_eq!(buf, [7; 8]);
        i.strides = Some(vec![0]);
        assert!(i.view_mut::<u8, Ix1>(&mut buf).is_err());
    }

    #[test]
    fn exports_say_what_numpy_says() {
        let a = arange(6i64).into_shape([2, 3]).unwrap();
        let i = ArrayInterface::of(&a);
        assert_eq!((i.readonly, i.strides.clone()), (true, None));
        assert_eq!(i.descr(), "[('', '<i8')]");
        let r = ArrayInterface::of(&a.slice(s![..;-1, ..]));
        assert_eq!(r.strides, Some(vec![-24, 8]));
        assert_eq!(r.data, a.as_ptr() as usize + 24);
        let mut b = a.clone();
        assert!(!ArrayInterface::of_mut(&mut b).readonly);
        let any = AnyArray::from_array(&a);
        assert_eq!(ArrayInterface::of_any(&any).typestr(), "<i8");
        let mut any2 = any.clone();
        assert!(
            ArrayInterface::of_any_mut(&mut any2).is_err(),
            "shared with `any`"
        );
        drop(any);
        assert!(!ArrayInterface::of_any_mut(&mut any2).unwrap().readonly);
    }

    #[test]
    fn owned_imports_keep_the_owner_and_cover_the_reached_bytes() {
        let words: Vec<u32> = (0..12).collect();
        let base = words.as_ptr() as usize;
        let mut i = ArrayInterface::new(base + 44, true, vec![3, 4], "<u4").unwrap();
        i.strides = Some(vec![-16, -4]);
        // SAFETY: `words` is moved into the owner; its heap buffer does not move.
        let a = unsafe { i.clone().into_array::<u32, Ix2>(words) }.unwrap();
        assert_eq!(a[[0, 0]], 11);
        assert_eq!(a[[2, 3]], 0);
        // SAFETY: as above.
        let any = unsafe { i.into_any(vec![0u32; 12]) };
        assert!(any.is_ok());
        let null = ArrayInterface::new(0, true, vec![1], "<u4").unwrap();
        // SAFETY: refused before the memory is touched.
        assert!(unsafe { null.into_any(()) }.is_err());
        let ro = ArrayInterface::new(base, true, vec![1], "<u4").unwrap();
        // SAFETY: refused before the memory is touched.
        assert!(unsafe { ro.into_array_mut::<u32, Ix1>(()) }.is_err());
    }
}
