//! Import: a producer's managed tensor checked and seen as a `Foreign` block.

use std::ptr::NonNull;
use std::sync::Arc;

use bytemuck::AnyBitPattern;
use ndcore::any::AnyArray;
use ndcore::dtype::DType;
use ndcore::fmt::py_tuple;
use ndcore::layout::{self, Order};
use ndcore::{Dimension, Element};

use super::{
    DLDataType, DLDataTypeCode, DLDevice, DLManagedTensor, DLManagedTensorVersioned,
    DLPACK_FLAG_BITMASK_READ_ONLY, DLPACK_MAJOR_VERSION, DLTensor, MAX_DIMS, err,
};
use crate::error::Result;
use crate::foreign::{Foreign, ForeignArray, ForeignArrayMut};

/// The producer's managed tensor and its deleter, called once when dropped.
enum Producer {
    Versioned(
        NonNull<DLManagedTensorVersioned>,
        Option<unsafe extern "C" fn(*mut DLManagedTensorVersioned)>,
    ),
    Legacy(
        NonNull<DLManagedTensor>,
        Option<unsafe extern "C" fn(*mut DLManagedTensor)>,
    ),
}

// SAFETY: the value only holds the pointer to hand back to the deleter; it reads nothing
// through it. DLPack deleters may be called from any thread (the import functions require
// it of the producer: NumPy's takes the GIL for that reason), so dropping it elsewhere is
// fine.
unsafe impl Send for Producer {}
// SAFETY: `&Producer` gives no access to anything.
unsafe impl Sync for Producer {}

impl Drop for Producer {
    fn drop(&mut self) {
        match *self {
            // SAFETY: the import functions took ownership of the tensor, whose deleter this
            // is; Drop runs once, so the deleter is called exactly once.
            Producer::Versioned(t, Some(deleter)) => unsafe { deleter(t.as_ptr()) },
            // SAFETY: as above.
            Producer::Legacy(t, Some(deleter)) => unsafe { deleter(t.as_ptr()) },
            _ => {}
        }
    }
}

/// Memory a DLPack producer shared: a [`Foreign`] block whose owner calls the producer's
/// deleter exactly once, when the last array made from it is dropped (or the `Imported`
/// itself, if none is made), and what the tensor says of its elements.
#[derive(Debug)]
pub struct Imported {
    block: Foreign,
    dtype: DType,
    shape: Vec<usize>,
    strides: Vec<isize>,
    offset: usize,
    device: DLDevice,
    legacy: bool,
}

impl Imported {
    /// The element type.
    pub fn dtype(&self) -> &DType {
        &self.dtype
    }

    /// The length of each axis.
    pub fn shape(&self) -> &[usize] {
        &self.shape
    }

    /// The byte step along each axis (the tensor's element strides times the item size).
    pub fn strides(&self) -> &[isize] {
        &self.strides
    }

    /// Whether arrays over it may be written: a versioned tensor without
    /// [`DLPACK_FLAG_BITMASK_READ_ONLY`]. A legacy tensor is read-only, as NumPy imports it:
    /// it cannot say whether its memory may be written.
    pub fn is_writeable(&self) -> bool {
        self.block.is_writeable()
    }

    /// The device the producer named (CPU, or pinned/managed host memory).
    pub fn device(&self) -> DLDevice {
        self.device
    }

    /// The first element's address (`data + byte_offset`); dangling for an empty tensor.
    pub fn as_ptr(&self) -> *const u8 {
        self.block.span().start.wrapping_add(self.offset)
    }

    /// The elements as a run-time-typed array over the producer's memory.
    ///
    /// # Errors
    /// None for what the import checked; the error of [`AnyArray::from_storage`] otherwise.
    pub fn into_any(self) -> Result<AnyArray> {
        Ok(AnyArray::from_storage(
            Arc::new(self.block),
            self.dtype,
            self.offset,
            &self.shape,
            &self.strides,
        )?)
    }

    fn check_type<T: Element, D: Dimension>(&self) -> Result<D> {
        let want = T::dtype();
        if want != self.dtype || std::mem::size_of::<T>() != self.dtype.itemsize() {
            return Err(err(format!(
                "cannot import a tensor of dtype {} ({}) as {} ({})",
                self.dtype.name(),
                self.dtype.descr(),
                want.name(),
                want.descr()
            )));
        }
        if let Some(n) = D::NDIM
            && n != self.shape.len()
        {
            return Err(err(format!(
                "cannot import a tensor of {} dimensions (shape {}) as one of {n}",
                self.shape.len(),
                py_tuple(&self.shape)
            )));
        }
        Ok(D::from_slice(&self.shape)?)
    }

    /// The elements as a read-only typed array over the producer's memory.
    ///
    /// # Errors
    /// A dtype other than `T`'s or a rank other than `D`'s (naming both); an element not
    /// aligned for `T` (DLPack does not promise alignment).
    pub fn into_array<T, D>(self) -> Result<ForeignArray<T, D>>
    where
        T: Element + AnyBitPattern,
        D: Dimension,
    {
        let dim = self.check_type::<T, D>()?;
        self.block.into_array(self.offset, dim, &self.strides[..])
    }

    /// The elements as a writable typed array over the producer's memory.
    ///
    /// # Errors
    /// A read-only tensor (NumPy's `assignment destination is read-only`); as
    /// [`into_array`](Self::into_array); elements that overlap (a stride of 0).
    pub fn into_array_mut<T, D>(self) -> Result<ForeignArrayMut<T, D>>
    where
        T: Element + AnyBitPattern,
        D: Dimension,
    {
        if !self.is_writeable() {
            return Err(err(if self.legacy {
                "assignment destination is read-only (a legacy DLManagedTensor is imported \
                 read-only, as NumPy does: it cannot say whether its memory may be written)"
            } else {
                "assignment destination is read-only (the producer flagged the tensor \
                 DLPACK_FLAG_BITMASK_READ_ONLY)"
            }));
        }
        let dim = self.check_type::<T, D>()?;
        self.block
            .into_array_mut(self.offset, dim, &self.strides[..])
    }
}

/// What a valid tensor describes, read before anything is taken.
struct Layout {
    dtype: DType,
    shape: Vec<usize>,
    strides: Vec<isize>,
    /// The lowest byte an element reaches, and how many bytes up to the highest.
    start: *const u8,
    len: usize,
    /// From `start` to the first element.
    offset: usize,
    device: DLDevice,
}

/// nd's dtype for a DLPack type: NumPy's table (no registry).
pub(super) fn nd_dtype(t: DLDataType) -> Result<DType> {
    let scalar = match (t.code, t.bits) {
        (DLDataTypeCode::BOOL, 8) => Ok(DType::bool()),
        (DLDataTypeCode::INT, 8 | 16 | 32 | 64) => DType::int(usize::from(t.bits / 8)),
        (DLDataTypeCode::UINT, 8 | 16 | 32 | 64) => DType::uint(usize::from(t.bits / 8)),
        (DLDataTypeCode::FLOAT, 16 | 32 | 64) => DType::float(usize::from(t.bits / 8)),
        (DLDataTypeCode::COMPLEX, 64 | 128) => DType::complex(usize::from(t.bits / 8)),
        _ => {
            let code = match t.code.name() {
                Some(name) => format!("{} {name}", t.code.0),
                None => format!("{}, unknown", t.code.0),
            };
            let hint = if t.code == DLDataTypeCode::BFLOAT {
                ": nd has no bfloat16"
            } else {
                ""
            };
            return Err(err(format!(
                "Unsupported dtype in DLTensor (code {code}, {} bits{hint}).",
                t.bits
            )));
        }
    };
    Ok(scalar?)
}

/// Reads `n` int64 values at `p`, which need not be aligned.
///
/// # Safety
/// `p` points to `n` readable `i64`s.
unsafe fn read_i64s(p: *const i64, n: usize) -> Vec<i64> {
    // SAFETY: the caller's: `p.add(i)` for i < n is readable.
    (0..n)
        .map(|i| unsafe { p.add(i).read_unaligned() })
        .collect()
}

/// Checks a tensor as NumPy's `from_dlpack` does, and more (null pointers, sizes,
/// overflows), and works out the block of memory its elements reach.
///
/// # Safety
/// `t.shape` (if not null) points to `t.ndim` readable int64s, and so does `t.strides`.
unsafe fn read_tensor(t: &DLTensor) -> Result<Layout> {
    if t.ndim < 0 {
        return Err(err(format!("DLTensor has a negative ndim ({}).", t.ndim)));
    }
    if t.ndim > MAX_DIMS {
        return Err(err(format!(
            "maxdims of DLPack tensor is higher than the supported maxdims (ndim {}, at most \
             {MAX_DIMS}).",
            t.ndim
        )));
    }
    if !t.device.device_type.is_host_accessible() {
        return Err(err(format!(
            "Unsupported device in DLTensor (device_type {}, device_id {}).",
            t.device.device_type.0, t.device.device_id
        )));
    }
    if t.dtype.lanes != 1 {
        return Err(err(format!(
            "Unsupported lanes in DLTensor dtype (lanes {}).",
            t.dtype.lanes
        )));
    }
    let dtype = nd_dtype(t.dtype)?;
    let itemsize = dtype.itemsize();
    let ndim = t.ndim as usize;
    if ndim > 0 && t.shape.is_null() {
        return Err(err(format!("DLTensor shape is null for ndim {ndim}.")));
    }
    let dl_shape = if ndim > 0 {
        // SAFETY: not null (checked) and, by the caller's contract, `ndim` readable int64s.
        unsafe { read_i64s(t.shape, ndim) }
    } else {
        Vec::new()
    };
    let shape = dl_shape
        .iter()
        .map(|&n| usize::try_from(n))
        .collect::<std::result::Result<Vec<usize>, _>>()
        .map_err(|_| {
            err(format!(
                "DLTensor shape {dl_shape:?} has a negative length."
            ))
        })?;
    let (size, _) = layout::checked_size(&shape, itemsize)?;
    let strides = if t.strides.is_null() || ndim == 0 {
        let mut s = vec![0isize; ndim];
        layout::contiguous_strides(&shape, itemsize, Order::C, &mut s);
        s
    } else {
        // SAFETY: not null (checked) and, by the caller's contract, `ndim` readable int64s.
        let dl_strides = unsafe { read_i64s(t.strides, ndim) };
        dl_strides
            .iter()
            .map(|&s| isize::try_from(s).ok()?.checked_mul(itemsize as isize))
            .collect::<Option<Vec<isize>>>()
            .ok_or_else(|| {
                err(format!(
                    "DLTensor strides {dl_strides:?} times the itemsize {itemsize} overflow."
                ))
            })?
    };
    let device = t.device;
    if size == 0 {
        // Nothing is read: no pointer to trust (it may be null).
        return Ok(Layout {
            dtype,
            shape,
            strides,
            start: NonNull::<u64>::dangling().as_ptr().cast(),
            len: 0,
            offset: 0,
            device,
        });
    }
    if t.data.is_null() {
        return Err(err(format!(
            "DLTensor data is null but the tensor holds {size} elements (shape {}).",
            py_tuple(&shape)
        )));
    }
    let beyond = || {
        err(format!(
            "DLTensor elements reach beyond the address space (data {:p}, byte_offset {}, \
             shape {}, strides {} bytes).",
            t.data,
            t.byte_offset,
            py_tuple(&shape),
            ndcore::fmt::py_tuple(&strides)
        ))
    };
    let (lo, hi) = layout::extent(&shape, &strides, itemsize).ok_or_else(beyond)?;
    let len = usize::try_from(hi.checked_sub(lo).ok_or_else(beyond)?).map_err(|_| beyond())?;
    let byte_offset = usize::try_from(t.byte_offset).map_err(|_| beyond())?;
    let first = (t.data as usize)
        .checked_add(byte_offset)
        .ok_or_else(beyond)?;
    first
        .checked_add_signed(lo)
        .and_then(|low| low.checked_add(len))
        .ok_or_else(beyond)?;
    Ok(Layout {
        dtype,
        shape,
        strides,
        // Address arithmetic only: the bytes are the producer's, inside one allocation by
        // its promise, and the sums were checked not to wrap.
        start: t
            .data
            .cast::<u8>()
            .cast_const()
            .wrapping_add(byte_offset)
            .wrapping_offset(lo),
        len,
        offset: lo.unsigned_abs(),
        device,
    })
}

impl Layout {
    fn into_imported(self, writeable: bool, legacy: bool, producer: Producer) -> Imported {
        // SAFETY: the import functions' contracts: the producer keeps the bytes every
        // element reaches (the span just computed) allocated, initialized and readable
        // (writable, and touched by nobody else, unless flagged read-only) until its
        // deleter is called, which `producer` does when the block drops; the deleter may
        // run on any thread.
        let block = unsafe { Foreign::new(self.start, self.len, writeable, producer) };
        Imported {
            block,
            dtype: self.dtype,
            shape: self.shape,
            strides: self.strides,
            offset: self.offset,
            device: self.device,
            legacy,
        }
    }
}

/// Imports a DLPack 1.x tensor without a copy (NumPy's `np.from_dlpack`): on success the
/// producer's deleter is called exactly once, when the [`Imported`] and every array made
/// from it are dropped.
///
/// # Errors
/// NumPy's, with the values involved: a null pointer; a major version above 1
/// (`the exported DLPack major version is too high …`); a device whose memory this process
/// cannot read (`Unsupported device in DLTensor`); more than one lane; a type nd lacks
/// (`Unsupported dtype in DLTensor`: bfloat16, a bool of 16 bits, unknown codes); more than
/// 64 axes; a negative length or ndim; a null shape with axes; null data with elements;
/// NumPy's size rule; strides whose bytes overflow.
///
/// **On error nothing is taken**: the deleter has not been called, and the caller still
/// owns the tensor (for a version it cannot read, DLPack says the caller must call the
/// deleter itself). Python's capsule protocol relies on this.
///
/// # Safety
/// `t` is null or points to a `DLManagedTensorVersioned` whose ownership the caller gives
/// up if this returns `Ok` (it must not use it or call its deleter afterwards). If its major
/// version is at most 1, its fields are as declared here: `shape` and `strides` (unless
/// null) point to `ndim` int64s, and the memory every element reaches from
/// `data + byte_offset` stays allocated, initialized and readable until the deleter is
/// called; unless flagged read-only, it is also writable, and nobody else reads or writes
/// it while an array imported from it is written. The deleter, if any, may be called from
/// any thread.
pub unsafe fn from_dlpack_versioned(t: *mut DLManagedTensorVersioned) -> Result<Imported> {
    let Some(managed) = NonNull::new(t) else {
        return Err(err("the DLManagedTensorVersioned pointer is null."));
    };
    // SAFETY: the caller's contract: `t` points to a managed tensor; the version comes
    // first in every version of the struct.
    let version = unsafe { (*t).version };
    if version.major > DLPACK_MAJOR_VERSION {
        return Err(err(format!(
            "the exported DLPack major version is too high to be imported by this version of \
             nd (version {}.{}, nd reads {DLPACK_MAJOR_VERSION}.x).",
            version.major, version.minor
        )));
    }
    // SAFETY: a version this module reads, so the struct is laid out as declared.
    let (tensor, flags, deleter) = unsafe { ((*t).dl_tensor, (*t).flags, (*t).deleter) };
    // SAFETY: the caller's contract on shape and strides.
    let layout = unsafe { read_tensor(&tensor) }?;
    let writeable = flags & DLPACK_FLAG_BITMASK_READ_ONLY == 0;
    Ok(layout.into_imported(writeable, false, Producer::Versioned(managed, deleter)))
}

/// Imports a legacy, unversioned DLPack tensor without a copy, as
/// [`from_dlpack_versioned`] does. The arrays are read-only, as NumPy makes them: the
/// legacy struct cannot say whether its memory may be written.
///
/// # Errors
/// As [`from_dlpack_versioned`] (there is no version to check). **On error nothing is
/// taken**: the caller still owns the tensor.
///
/// # Safety
/// As [`from_dlpack_versioned`], for a `DLManagedTensor`, whose memory need only be
/// readable.
pub unsafe fn from_dlpack(t: *mut DLManagedTensor) -> Result<Imported> {
    let Some(managed) = NonNull::new(t) else {
        return Err(err("the DLManagedTensor pointer is null."));
    };
    // SAFETY: the caller's contract: `t` points to a legacy managed tensor.
    let (tensor, deleter) = unsafe { ((*t).dl_tensor, (*t).deleter) };
    // SAFETY: the caller's contract on shape and strides.
    let layout = unsafe { read_tensor(&tensor) }?;
    Ok(layout.into_imported(false, true, Producer::Legacy(managed, deleter)))
}
