//! Arrays whose element type is known only at run time: a [`DType`], a shape, byte strides
//! and the memory they describe (NumPy's `ndarray` as a `.npy` file or another library
//! hands it over).
//!
//! An [`AnyArray`] prints as NumPy prints it, whatever its dtype (records, big-endian
//! data), and gives typed arrays through a checked [`downcast`](AnyArray::downcast).
//!
//! ```
//! use ndcore::prelude::*;
//! use ndcore::any::AnyArray;
//! let a = AnyArray::from_array(&arange(6i64).into_shape([2, 3])?);
//! assert_eq!(a.dtype().descr(), "'<i8'");
//! assert_eq!(format!("{a:?}"), "array([[0, 1, 2],\n       [3, 4, 5]])");
//! let typed = a.downcast::<i64, Ix2>()?;
//! assert_eq!(typed[[1, 2]], 5);
//! assert!(a.downcast::<f64, Ix2>().is_err());
//! # Ok::<(), ndcore::Error>(())
//! ```

use std::fmt;
use std::sync::Arc;

use crate::array::{Array, ArrayBase, ArrayRef, ArrayView};
use crate::dimension::{Dimension, IxDyn};
use crate::dtype::DType;
use crate::element::Element;
use crate::error::{Error, Result};
use crate::fmt::{Elements, PrintOptions, render_elements};
use crate::layout::{self, Order};
use crate::storage::{OwnedRepr, Span, ViewRepr};

/// Memory an [`AnyArray`] points into: an owned buffer, a memory map, a foreign block.
///
/// # Safety
/// `span` must describe the same memory for as long as the value lives (moving the value
/// must not move it), every byte of it initialized, and readable while the value lives.
/// If `writeable` is true, the memory may be written through [`AnyArray::bytes_mut`] by
/// whoever holds the only reference to the storage.
pub unsafe trait AnyStorage: Send + Sync + 'static {
    /// The whole block of memory.
    fn span(&self) -> Span;
    /// Whether the memory may be written (NumPy's `WRITEABLE`).
    fn writeable(&self) -> bool;
}

/// The buffer an [`AnyArray`] allocates for itself: 8-byte words, so every element type
/// ndcore has is aligned in it.
struct Owned {
    words: OwnedRepr<u64>,
    len: usize,
}

// SAFETY: the span is the first `len` bytes of the owned buffer (len ≤ its size), which
// lives as long as `Owned` and does not move with it; it was zeroed when allocated.
unsafe impl AnyStorage for Owned {
    fn span(&self) -> Span {
        Span {
            start: self.words.as_nonnull().as_ptr().cast_const().cast(),
            len: self.len,
        }
    }
    fn writeable(&self) -> bool {
        true
    }
}

/// An array whose element type is a run-time [`DType`]: NumPy's `ndarray` as it comes from
/// a `.npy` file or from another library.
///
/// The layout is checked when the array is built: every element lies inside the storage.
/// Elements need not be aligned (a packed record, a foreign pointer); typed access checks
/// alignment where it needs it.
#[derive(Clone)]
pub struct AnyArray {
    dtype: DType,
    shape: Vec<usize>,
    strides: Vec<isize>,
    offset: usize,
    data: Store,
}

/// Who holds an [`AnyArray`]'s memory.
#[derive(Clone)]
enum Store {
    /// A buffer the array allocated (it can become a typed array's without a copy).
    Owned(Arc<Owned>),
    /// Memory from elsewhere.
    Other(Arc<dyn AnyStorage>),
}

impl Store {
    fn span(&self) -> Span {
        match self {
            Store::Owned(o) => o.span(),
            Store::Other(o) => o.span(),
        }
    }
    fn writeable(&self) -> bool {
        match self {
            Store::Owned(_) => true,
            Store::Other(o) => o.writeable(),
        }
    }
    fn is_unique(&mut self) -> bool {
        match self {
            Store::Owned(o) => Arc::get_mut(o).is_some(),
            Store::Other(o) => Arc::get_mut(o).is_some(),
        }
    }
}

impl AnyArray {
    /// A zeroed, contiguous array of `dtype` and `shape` in `order` (NumPy's `np.zeros(shape,
    /// dtype, order)`).
    ///
    /// # Errors
    /// More than 64 axes; NumPy's `array is too big` if the byte size does not fit in
    /// `isize`; NumPy's `Unable to allocate` if the allocator refuses.
    ///
    /// ```
    /// use ndcore::any::AnyArray;
    /// use ndcore::{DType, Order};
    /// let a = AnyArray::zeros(DType::from_descr("'>i2'")?, &[2, 2], Order::F)?;
    /// assert_eq!(a.to_string(), "[[0 0]\n [0 0]]");
    /// assert_eq!(a.strides(), &[2, 4]);
    /// # Ok::<(), ndcore::Error>(())
    /// ```
    pub fn zeros(dtype: DType, shape: &[usize], order: Order) -> Result<AnyArray> {
        let dim = IxDyn::from_slice(shape)?;
        let itemsize = dtype.itemsize();
        let (_, nbytes) = layout::checked_size(shape, itemsize)?;
        let words = OwnedRepr::<u64>::zeroed(nbytes.div_ceil(8)).ok_or_else(|| Error::Alloc {
            shape: shape.to_vec(),
            dtype: dtype.name(),
            itemsize,
        })?;
        let mut strides = vec![0isize; dim.ndim()];
        layout::contiguous_strides(shape, itemsize, order, &mut strides);
        Ok(AnyArray {
            dtype,
            shape: shape.to_vec(),
            strides,
            offset: 0,
            data: Store::Owned(Arc::new(Owned { words, len: nbytes })),
        })
    }

    /// An array over `storage`: the first element `offset` bytes into it, with `shape` and
    /// byte `strides`, of `dtype`.
    ///
    /// # Errors
    /// More than 64 axes, a shape and strides of different lengths, NumPy's size rule, or
    /// an element outside the storage.
    pub fn from_storage(
        storage: Arc<dyn AnyStorage>,
        dtype: DType,
        offset: usize,
        shape: &[usize],
        strides: &[isize],
    ) -> Result<AnyArray> {
        let dim = IxDyn::from_slice(shape)?;
        if strides.len() != dim.ndim() {
            return Err(Error::Value(format!(
                "strides {strides:?} do not match a shape of {} axes",
                dim.ndim()
            )));
        }
        layout::checked_size(shape, dtype.itemsize())?;
        let span = storage.span();
        if offset > span.len {
            return Err(Error::OutOfAllocation {
                shape: shape.to_vec(),
                strides: strides.to_vec(),
                len: span.len,
            });
        }
        layout::check_layout(
            span.start.wrapping_add(offset),
            shape,
            strides,
            dtype.itemsize(),
            1,
            span,
        )?;
        Ok(AnyArray {
            dtype,
            shape: shape.to_vec(),
            strides: strides.to_vec(),
            offset,
            data: Store::Other(storage),
        })
    }

    /// A copy of a typed array, keeping its order when it is Fortran-contiguous (C order
    /// otherwise).
    pub fn from_array<T: Element, D: Dimension>(a: &ArrayRef<T, D>) -> AnyArray {
        let order = if a.is_f_contiguous() && !a.is_c_contiguous() {
            Order::F
        } else {
            Order::C
        };
        // The typed array exists, so its size obeys NumPy's rule; only the allocator can
        // refuse, and then we fail as `to_owned` of the typed array would.
        let mut out = match AnyArray::zeros(T::dtype(), a.shape(), order) {
            Ok(out) => out,
            Err(e) => panic!("{e}"),
        };
        out.fill_from(a);
        out
    }

    /// Copies `a`'s elements into self (same shape, fresh contiguous buffer).
    fn fill_from<T: Element, D: Dimension>(&mut self, a: &ArrayRef<T, D>) {
        let order = if self.is_c_contiguous() {
            Order::C
        } else {
            Order::F
        };
        let Some(bytes) = self.bytes_mut() else {
            return;
        };
        let size = std::mem::size_of::<T>();
        let mut write = |i: usize, v: &T| {
            bytes[i * size..(i + 1) * size].copy_from_slice(bytemuck::bytes_of(v));
        };
        match order {
            Order::C => a.iter().enumerate().for_each(|(i, v)| write(i, v)),
            Order::F => a.t().iter().enumerate().for_each(|(i, v)| write(i, v)),
        }
    }

    /// The element type.
    pub fn dtype(&self) -> &DType {
        &self.dtype
    }

    /// The length of each axis.
    pub fn shape(&self) -> &[usize] {
        &self.shape
    }

    /// The byte step along each axis.
    pub fn strides(&self) -> &[isize] {
        &self.strides
    }

    /// The number of axes.
    pub fn ndim(&self) -> usize {
        self.shape.len()
    }

    /// The number of elements.
    pub fn len(&self) -> usize {
        self.shape.iter().product()
    }

    /// Whether there are no elements.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bytes the elements take (NumPy's `nbytes`).
    pub fn nbytes(&self) -> usize {
        self.len() * self.dtype.itemsize()
    }

    /// Whether the elements are contiguous in C order.
    pub fn is_c_contiguous(&self) -> bool {
        layout::is_c_contiguous(&self.shape, &self.strides, self.dtype.itemsize())
    }

    /// Whether the elements are contiguous in Fortran order.
    pub fn is_f_contiguous(&self) -> bool {
        layout::is_f_contiguous(&self.shape, &self.strides, self.dtype.itemsize())
    }

    /// Whether the memory may be written (NumPy's `flags.writeable`).
    pub fn is_writeable(&self) -> bool {
        self.data.writeable()
    }

    /// Pointer to the first element.
    pub fn as_ptr(&self) -> *const u8 {
        self.data.span().start.wrapping_add(self.offset)
    }

    /// The bytes of the elements, in memory order, when they are contiguous (C or F).
    pub fn as_bytes(&self) -> Option<&[u8]> {
        if !(self.is_c_contiguous() || self.is_f_contiguous()) {
            return None;
        }
        // SAFETY: contiguous elements from the pointer fill exactly `nbytes` bytes, all
        // inside the storage (checked when the array was built), initialized and readable
        // while self (which keeps the storage) is borrowed.
        Some(unsafe { std::slice::from_raw_parts(self.as_ptr(), self.nbytes()) })
    }

    /// The bytes of the elements, writable, when the elements are contiguous, the memory
    /// writeable, and this array the only one holding it.
    pub fn bytes_mut(&mut self) -> Option<&mut [u8]> {
        if !(self.is_c_contiguous() || self.is_f_contiguous()) || !self.data.writeable() {
            return None;
        }
        let len = self.nbytes();
        let ptr = self.as_ptr().cast_mut();
        if !self.data.is_unique() {
            return None;
        }
        // SAFETY: as `as_bytes`; the storage is writeable (its contract allows writes by the
        // only holder) and `get_mut` proved no other AnyArray shares it; `&mut self` keeps
        // it so while the slice lives.
        Some(unsafe { std::slice::from_raw_parts_mut(ptr, len) })
    }

    /// Pointer to the first element for writing, when the memory is writeable and this
    /// array the only one holding it (`None` otherwise).
    pub fn as_mut_ptr(&mut self) -> Option<*mut u8> {
        if !self.data.writeable() || !self.data.is_unique() {
            return None;
        }
        Some(self.as_ptr().cast_mut())
    }

    /// The bytes of the element at `index`, or `None` out of bounds.
    pub fn get_bytes(&self, index: &[usize]) -> Option<&[u8]> {
        if index.len() != self.ndim() || index.iter().zip(&self.shape).any(|(&i, &n)| i >= n) {
            return None;
        }
        let off = index
            .iter()
            .zip(&self.strides)
            .fold(0isize, |acc, (&i, &s)| {
                acc.wrapping_add((i as isize).wrapping_mul(s))
            });
        // SAFETY: the index is in bounds, so the element lies inside the storage (checked
        // when the array was built), initialized and readable while self is borrowed.
        Some(unsafe {
            std::slice::from_raw_parts(self.as_ptr().wrapping_offset(off), self.dtype.itemsize())
        })
    }

    /// A record field as an array over the same memory (NumPy's `x['pos']`; `"pos.x"` for
    /// `x['pos']['x']`): the field's dtype, the record's strides, no copy. A sub-array
    /// field adds its axes, as in NumPy (`x['v']` of a `('<f4', (3,))` field has shape
    /// `x.shape + (3,)`).
    ///
    /// # Errors
    /// NumPy's `no field of name …`, listing the fields there are; a dtype without fields.
    ///
    /// ```
    /// use ndcore::any::AnyArray;
    /// use ndcore::{DType, Order};
    /// let dt = DType::from_descr("[('time', '<u8'), ('pos', [('x', '<f8'), ('y', '<f8')])]")?;
    /// let x = AnyArray::zeros(dt, &[3], Order::C)?;
    /// let px = x.field("pos.x")?;
    /// assert_eq!((px.shape(), px.strides()), (&[3][..], &[24][..]));
    /// assert_eq!(format!("{px:?}"), "array([0., 0., 0.])");
    /// let e = x.field("pos.z").unwrap_err();
    /// assert_eq!(e.to_string(), "no field of name z (the fields of pos are 'x', 'y')");
    /// # Ok::<(), ndcore::Error>(())
    /// ```
    pub fn field(&self, path: &str) -> Result<AnyArray> {
        let mut dtype = &self.dtype;
        let mut offset = 0usize;
        let mut rest = path;
        let mut within = String::new();
        while !rest.is_empty() {
            let Some(fields) = dtype.fields() else {
                return Err(Error::Value(format!(
                    "no field of name {rest} ({} is {}, not a record)",
                    if within.is_empty() {
                        "the array's dtype"
                    } else {
                        &within
                    },
                    dtype.name()
                )));
            };
            // A name may itself contain '.': the whole rest first, then the part before
            // each dot, longest first.
            let found = std::iter::once(rest)
                .chain(rest.rmatch_indices('.').map(|(i, _)| &rest[..i]))
                .find_map(|name| fields.iter().find(|f| f.name == name));
            let Some(f) = found else {
                let names: Vec<String> = fields.iter().map(|f| format!("'{}'", f.name)).collect();
                let name = rest.split('.').next().unwrap_or(rest);
                let whose = if within.is_empty() {
                    "the fields are".to_string()
                } else {
                    format!("the fields of {within} are")
                };
                return Err(Error::Value(format!(
                    "no field of name {name} ({whose} {})",
                    names.join(", ")
                )));
            };
            offset += f.offset;
            dtype = &f.dtype;
            rest = rest[f.name.len()..].strip_prefix('.').unwrap_or("");
            if !within.is_empty() {
                within.push('.');
            }
            within.push_str(&f.name);
        }
        let mut shape = self.shape.clone();
        let mut strides = self.strides.clone();
        let dtype = match dtype {
            DType::SubArray { base, shape: sub } => {
                let mut sub_strides = vec![0isize; sub.len()];
                layout::contiguous_strides(sub, base.itemsize(), Order::C, &mut sub_strides);
                shape.extend_from_slice(sub);
                strides.extend_from_slice(&sub_strides);
                (**base).clone()
            }
            other => other.clone(),
        };
        IxDyn::from_slice(&shape)?;
        Ok(AnyArray {
            dtype,
            shape,
            strides,
            offset: self.offset + offset,
            data: self.data.clone(),
        })
    }

    /// The bytes of each element, in C order (the last index fastest), whatever the
    /// layout.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndcore::any::AnyArray;
    /// let a = AnyArray::from_array(&array![[1u8, 2], [3, 4]].t());
    /// let bytes: Vec<u8> = a.iter_bytes().flatten().copied().collect();
    /// assert_eq!(bytes, [1, 3, 2, 4]);
    /// ```
    pub fn iter_bytes(&self) -> impl Iterator<Item = &[u8]> + '_ {
        let mut index = vec![0usize; self.ndim()];
        (0..self.len()).filter_map(move |_| {
            let e = self.get_bytes(&index);
            for k in (0..index.len()).rev() {
                index[k] += 1;
                if index[k] < self.shape[k] {
                    break;
                }
                index[k] = 0;
            }
            e
        })
    }

    /// The same elements as a typed array view, if `T` is exactly this dtype and `D` can
    /// hold this many axes.
    ///
    /// # Errors
    /// Names both dtypes when they differ (a big-endian `>f8` is not `f64`: see
    /// [`DType::is_native_order`]); names both ranks when they differ; an error when an
    /// element is not aligned for `T` or its bytes are not a valid `T` (a `bool` byte other
    /// than 0 or 1).
    pub fn downcast<T: Element, D: Dimension>(&self) -> Result<ArrayView<'_, T, D>> {
        let want = T::dtype();
        if want != self.dtype || std::mem::size_of::<T>() != self.dtype.itemsize() {
            // descr, not typestr: records show their fields, not only `'|V24'`.
            return Err(Error::Value(format!(
                "cannot view an array of dtype {} ({}) as {} ({})",
                self.dtype.name(),
                self.dtype.descr(),
                want.name(),
                want.descr(),
            )));
        }
        if let Some(n) = D::NDIM
            && n != self.ndim()
        {
            return Err(Error::Value(format!(
                "cannot view an array of {} dimensions (shape {}) as one of {n}",
                self.ndim(),
                crate::fmt::py_tuple(&self.shape)
            )));
        }
        let dim = D::from_slice(&self.shape)?;
        let strides = D::strides_from_slice(&self.strides)?;
        let ptr = self.as_ptr();
        layout::check_alignment(ptr, &self.shape, &self.strides, std::mem::align_of::<T>())?;
        if !crate::element::accepts_any_bits::<T>() {
            // SAFETY: every element lies inside the storage (checked at construction),
            // initialized, aligned for T (checked above) and so for T::Bits.
            unsafe { crate::iter::check_bit_patterns::<T>(ptr, &self.shape, &self.strides)? };
        }
        let ptr = std::ptr::NonNull::new(ptr.cast_mut().cast::<T>())
            .ok_or_else(|| Error::Value("null data pointer".into()))?;
        // SAFETY: every element lies inside the storage, which self keeps alive and
        // unwritten while the view borrows self; aligned and valid T values (checked above).
        Ok(unsafe { ArrayBase::from_parts_unchecked(ViewRepr::new(), ptr, dim, strides) })
    }

    /// The same elements as a writable typed array view, if `T` is exactly this dtype, `D`
    /// can hold this many axes, the memory is writeable, and this array is the only one
    /// holding it. `T` must accept any bytes, so that nothing written makes another
    /// reader's elements invalid.
    ///
    /// # Errors
    /// As [`downcast`](Self::downcast); also read-only memory, memory shared with another
    /// `AnyArray` (copy it first), and elements that overlap (a stride of 0).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndcore::any::AnyArray;
    /// let mut a = AnyArray::from_array(&Array::from_vec(vec![0u8, 1, 2, 3]));
    /// a.downcast_mut::<u8, Ix1>()?.iter_mut().for_each(|v| *v += 2);
    /// assert_eq!(a.to_string(), "[2 3 4 5]");
    /// # Ok::<(), ndcore::Error>(())
    /// ```
    pub fn downcast_mut<T: Element + bytemuck::AnyBitPattern, D: Dimension>(
        &mut self,
    ) -> Result<crate::array::ArrayViewMut<'_, T, D>> {
        let (dim, strides) = {
            let v = self.downcast::<T, D>()?;
            (v.dim().clone(), v.raw_strides().clone())
        };
        if !self.data.writeable() {
            return Err(Error::Value("assignment destination is read-only".into()));
        }
        if !self.data.is_unique() {
            return Err(Error::Value(
                "the array shares its memory with another array: write to a copy".into(),
            ));
        }
        if !layout::is_non_overlapping(&self.shape, &self.strides, std::mem::size_of::<T>()) {
            return Err(Error::Overlap {
                shape: self.shape.clone(),
                strides: self.strides.clone(),
            });
        }
        let ptr = std::ptr::NonNull::new(self.as_ptr().cast_mut().cast::<T>())
            .ok_or_else(|| Error::Value("null data pointer".into()))?;
        // SAFETY: `downcast` checked the dtype, rank, alignment and that every element lies
        // inside the storage; the storage is writeable and held by this array alone (its
        // contract allows writes then), the elements are distinct, any bytes are a valid
        // `T`, and `&mut self` keeps all that while the view lives.
        Ok(unsafe {
            ArrayBase::from_parts_unchecked(crate::storage::ViewRepr::new(), ptr, dim, strides)
        })
    }

    /// The same elements as an owned typed array: without a copy when this array holds its
    /// own contiguous buffer alone (as [`zeros`](Self::zeros) and `.npy` loading make it),
    /// with one otherwise.
    ///
    /// # Errors
    /// As [`downcast`](Self::downcast).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndcore::any::AnyArray;
    /// let a = AnyArray::from_array(&array![[1.0, 2.0], [3.0, 4.0]].t());
    /// let b = a.into_array::<f64, Ix2>()?;
    /// assert_eq!(b, array![[1.0, 3.0], [2.0, 4.0]]);
    /// assert!(b.is_f_contiguous());
    /// # Ok::<(), ndcore::Error>(())
    /// ```
    pub fn into_array<T: Element, D: Dimension>(mut self) -> Result<Array<T, D>> {
        let order = if self.is_c_contiguous() {
            Some(Order::C)
        } else if self.is_f_contiguous() {
            Some(Order::F)
        } else {
            None
        };
        // Checks dtype, rank, alignment and bit patterns.
        let copy = |a: &AnyArray| a.downcast::<T, D>().map(|v| v.to_owned());
        let (Some(order), true, true) = (order, self.offset == 0, self.data.is_unique()) else {
            return copy(&self);
        };
        drop(self.downcast::<T, D>()?);
        let len = self.len();
        let dim = D::from_slice(&self.shape)?;
        let Store::Owned(arc) = self.data else {
            return Err(Error::Value("unreachable: checked to be owned".into()));
        };
        let owned = match Arc::try_unwrap(arc) {
            Ok(owned) => owned,
            Err(arc) => {
                self.data = Store::Owned(arc);
                return copy(&self);
            }
        };
        // SAFETY: the buffer's first `len` elements are T values: `downcast` above checked
        // the dtype, alignment and every element's bit pattern, and a contiguous layout from
        // offset 0 covers exactly the first `len` elements.
        match unsafe { owned.words.reinterpret::<T>(len) } {
            Ok(o) => Ok(Array::from_owned(o, dim, order)),
            Err(words) => {
                self.data = Store::Owned(Arc::new(Owned {
                    words,
                    len: owned.len,
                }));
                copy(&self)
            }
        }
    }

    /// The same values with every element in this machine's byte order (NumPy's
    /// `a.astype(a.dtype.newbyteorder('='))`): big-endian data from a file becomes data
    /// typed arrays can read. Records swap each field.
    ///
    /// ```
    /// use ndcore::any::AnyArray;
    /// use ndcore::{DType, Order};
    /// let mut a = AnyArray::zeros(DType::from_descr("'>i4'")?, &[2], Order::C)?;
    /// a.bytes_mut().unwrap()[3] = 7; // big-endian 7
    /// let n = a.to_native_byteorder()?;
    /// assert_eq!(n.downcast::<i32, ndcore::Ix1>()?.to_vec(), vec![7, 0]);
    /// # Ok::<(), ndcore::Error>(())
    /// ```
    ///
    /// # Errors
    /// NumPy's `Unable to allocate` if the copy cannot be allocated.
    pub fn to_native_byteorder(&self) -> Result<AnyArray> {
        let native = self.dtype.newbyteorder(crate::dtype::ByteOrder::native());
        let mut out = AnyArray::zeros(native, &self.shape, Order::C)?;
        let mut swaps = Vec::new();
        swap_plan(&self.dtype, 0, &mut swaps);
        let itemsize = self.dtype.itemsize();
        let Some(bytes) = out.bytes_mut() else {
            return Err(Error::Value(
                "unreachable: a fresh array is writable".into(),
            ));
        };
        for (chunk, src) in bytes
            .chunks_exact_mut(itemsize.max(1))
            .zip(self.iter_bytes())
        {
            chunk.copy_from_slice(src);
            for &(off, size) in &swaps {
                chunk[off..off + size].reverse();
            }
        }
        Ok(out)
    }

    /// `str(a)` with options, as a `String` (NumPy's `np.array_str`).
    pub fn to_string_with(&self, opts: &PrintOptions) -> String {
        self.render(opts, None)
    }

    /// `repr(a)` with options, as a `String` (NumPy's `np.array_repr`).
    pub fn repr_with(&self, opts: &PrintOptions) -> String {
        self.render(opts, Some("array"))
    }

    fn render(&self, opts: &PrintOptions, repr: Option<&str>) -> String {
        let get = |idx: &[usize]| self.get_bytes(idx);
        let elements = Elements {
            ndim: self.ndim(),
            shape: &self.shape,
            get: &get,
        };
        render_elements(&self.dtype, &elements, opts, repr)
    }
}

/// The (offset, size) of every multi-byte scalar in a non-native byte order inside an
/// element of `dtype` at `base`.
fn swap_plan(dtype: &DType, base: usize, out: &mut Vec<(usize, usize)>) {
    match dtype {
        DType::Scalar {
            kind,
            itemsize,
            order,
            ..
        } => {
            if *itemsize > 1 && !order.is_native() {
                // A complex number is two floats, each swapped on its own.
                if *kind == crate::dtype::Kind::Complex {
                    out.push((base, itemsize / 2));
                    out.push((base + itemsize / 2, itemsize / 2));
                } else if *kind != crate::dtype::Kind::Unicode {
                    out.push((base, *itemsize));
                } else {
                    (0..itemsize / 4).for_each(|i| out.push((base + 4 * i, 4)));
                }
            }
        }
        DType::Record { fields, .. } => {
            for f in fields {
                swap_plan(&f.dtype, base + f.offset, out);
            }
        }
        DType::SubArray { base: b, shape } => {
            let n: usize = shape.iter().product();
            for i in 0..n {
                swap_plan(b, base + i * b.itemsize(), out);
            }
        }
    }
}

/// NumPy's `str(a)`.
impl fmt::Display for AnyArray {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut opts = PrintOptions::default();
        if let Some(p) = f.precision() {
            opts.precision = p;
        }
        f.write_str(&self.render(&opts, None))
    }
}

/// NumPy's `repr(a)`.
impl fmt::Debug for AnyArray {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut opts = PrintOptions::default();
        if let Some(p) = f.precision() {
            opts.precision = p;
        }
        f.write_str(&self.render(&opts, Some("array")))
    }
}

impl<T: Element, D: Dimension> From<&ArrayRef<T, D>> for AnyArray {
    fn from(a: &ArrayRef<T, D>) -> AnyArray {
        AnyArray::from_array(a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;

    /// Foreign memory: 8-byte words, read-only or not.
    struct Words(Vec<u64>, bool);

    // SAFETY: the span is the vector's buffer, which does not move while the value lives
    // (the vector is never resized), initialized.
    unsafe impl AnyStorage for Words {
        fn span(&self) -> Span {
            Span {
                start: self.0.as_ptr().cast(),
                len: self.0.len() * 8,
            }
        }
        fn writeable(&self) -> bool {
            self.1
        }
    }

    fn words(n: u64, writeable: bool) -> Arc<dyn AnyStorage> {
        Arc::new(Words((0..n).collect(), writeable))
    }

    #[test]
    fn odd_strides_read_the_right_elements() -> Result<()> {
        let dt = DType::uint(8)?;
        // 4x3 over 12 words, walked backwards on both axes.
        let a = AnyArray::from_storage(words(12, false), dt.clone(), 88, &[4, 3], &[-24, -8])?;
        let v = a.downcast::<u64, Ix2>()?;
        assert_eq!(v.to_vec(), (0..12).rev().collect::<Vec<u64>>());
        assert_eq!(a.get_bytes(&[0, 0]), Some(&11u64.to_le_bytes()[..]));
        assert!(a.as_bytes().is_none());
        // A broadcast (stride 0) row, a step of 2, 0-d, empty.
        let b = AnyArray::from_storage(words(12, false), dt.clone(), 8, &[3, 2], &[0, 16])?;
        assert_eq!(b.downcast::<u64, Ix2>()?.to_vec(), vec![1, 3, 1, 3, 1, 3]);
        assert_eq!(
            format!("{b:?}"),
            "array([[1, 3],\n       [1, 3],\n       [1, 3]], dtype=uint64)"
        );
        let z = AnyArray::from_storage(words(12, false), dt.clone(), 40, &[], &[])?;
        assert_eq!(z.downcast::<u64, Ix0>()?[[]], 5);
        assert_eq!(z.to_string(), "5");
        let e = AnyArray::from_storage(words(12, false), dt.clone(), 96, &[0, 7], &[8, 8])?;
        assert!(e.is_empty());
        assert_eq!(format!("{e:?}"), "array([], shape=(0, 7), dtype=uint64)");
        assert_eq!(e.clone().into_array::<u64, IxDyn>()?.shape(), &[0, 7]);
        // Outside the storage, misaligned for the type, other dtypes and ranks.
        assert!(AnyArray::from_storage(words(12, false), dt.clone(), 0, &[13], &[8]).is_err());
        assert!(AnyArray::from_storage(words(12, false), dt.clone(), 8, &[2], &[-16]).is_err());
        assert!(AnyArray::from_storage(words(12, false), dt.clone(), 97, &[1], &[8]).is_err());
        let m = AnyArray::from_storage(words(12, false), dt.clone(), 4, &[2], &[8])?;
        assert!(m.downcast::<u64, Ix1>().is_err());
        assert!(a.downcast::<i64, Ix2>().is_err());
        assert!(a.downcast::<u64, Ix1>().is_err());
        assert!(a.downcast::<u64, IxDyn>().is_ok());
        Ok(())
    }

    #[test]
    fn bools_are_checked_and_foreign_memory_is_not_written() -> Result<()> {
        let a = AnyArray::from_storage(words(2, true), DType::bool(), 0, &[16], &[1])?;
        // Word 1 is the byte 1 then zeros: valid bools; word 0 all zeros.
        assert_eq!(a.downcast::<bool, Ix1>()?.iter().filter(|&&b| b).count(), 1);
        let bad =
            AnyArray::from_storage(Arc::new(Words(vec![2], true)), DType::bool(), 0, &[8], &[1])?;
        assert!(bad.downcast::<bool, Ix1>().is_err());
        assert!(bad.clone().into_array::<bool, Ix1>().is_err());
        let mut ro = AnyArray::from_storage(words(2, false), DType::uint(1)?, 0, &[16], &[1])?;
        assert!(ro.bytes_mut().is_none());
        let mut shared = AnyArray::zeros(DType::uint(1)?, &[4], Order::C)?;
        let other = shared.clone();
        assert!(shared.bytes_mut().is_none());
        drop(other);
        assert!(shared.bytes_mut().is_some());
        Ok(())
    }

    #[test]
    fn fields_are_views_of_the_same_memory() -> Result<()> {
        let dt = DType::from_descr("[('id', '<i4'), ('v', '<f4', (3,)), ('w', [('a.b', '|u1')])]")?;
        let mut x = AnyArray::zeros(dt, &[2], Order::C)?;
        let bytes = x.bytes_mut().ok_or(Error::Value("fresh".into()))?;
        bytes[4..8].copy_from_slice(&1.5f32.to_le_bytes());
        bytes[16] = 7;
        let v = x.field("v")?;
        assert_eq!((v.shape(), v.strides()), (&[2, 3][..], &[17, 4][..]));
        assert_eq!(v.get_bytes(&[0, 0]), Some(&1.5f32.to_le_bytes()[..]));
        assert!(
            v.downcast::<f32, Ix2>().is_err(),
            "17-byte records misalign the floats"
        );
        let ab = x.field("w.a.b")?;
        assert_eq!(ab.to_string(), "[7 0]");
        assert_eq!(
            x.field("id.x").unwrap_err().to_string(),
            "no field of name x (id is int32, not a record)"
        );
        assert_eq!(
            x.field("nope").unwrap_err().to_string(),
            "no field of name nope (the fields are 'id', 'v', 'w')"
        );
        Ok(())
    }

    #[test]
    fn into_array_keeps_the_buffer_and_the_order() -> Result<()> {
        let f = AnyArray::from_array(&arange_with(0i16, 6, 1)?.into_shape([2, 3])?.t());
        assert!(f.is_f_contiguous());
        let ptr = f.as_ptr();
        let t = f.into_array::<i16, Ix2>()?;
        assert_eq!(t.as_ptr().cast::<u8>(), ptr);
        assert_eq!(t, array![[0i16, 3], [1, 4], [2, 5]]);
        // Big-endian bytes become native values.
        let mut be = AnyArray::zeros(DType::from_descr("'>i2'")?, &[3], Order::C)?;
        be.bytes_mut().ok_or(Error::Value("fresh".into()))?[..4].copy_from_slice(&[0, 1, 1, 2]);
        assert_eq!(be.to_string(), "[  1 258   0]");
        assert!(be.downcast::<i16, Ix1>().is_err());
        let native = be.to_native_byteorder()?;
        assert_eq!(native.into_array::<i16, Ix1>()?.to_vec(), vec![1, 258, 0]);
        Ok(())
    }
}
