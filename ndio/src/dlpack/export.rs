//! Export: arrays moved into DLPack managed tensors whose deleters drop them.

use std::any::TypeId;
use std::ffi::c_void;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::ptr;

use ndcore::any::AnyArray;
use ndcore::dtype::{DType, Kind};
use ndcore::fmt::py_tuple;
use ndcore::layout;
use ndcore::storage::{Data, OwnedRepr, RawData};
use ndcore::{ArrayBase, Dimension, Element};

use super::{
    DLDataType, DLDataTypeCode, DLDevice, DLManagedTensor, DLManagedTensorVersioned,
    DLPACK_FLAG_BITMASK_READ_ONLY, DLPACK_MAJOR_VERSION, DLPACK_MINOR_VERSION, DLPackVersion,
    DLTensor, err,
};
use crate::error::{Error, Result};
use crate::foreign::ForeignMutRepr;
use crate::mmap::MmapMutRepr;

/// What an exported tensor says, before it is placed next to the array it describes.
struct Description {
    data: *mut c_void,
    dtype: DLDataType,
    shape: Vec<i64>,
    strides: Vec<i64>,
}

/// The DLPack type of `dtype`, or NumPy's refusal.
pub(super) fn dl_dtype(dtype: &DType) -> Result<DLDataType> {
    let only = || {
        err(format!(
            "DLPack only supports signed/unsigned integers, float and complex dtypes (and \
             bool), not {} ({}).",
            dtype.name(),
            dtype.descr()
        ))
    };
    let DType::Scalar { kind, itemsize, .. } = dtype else {
        return Err(only());
    };
    if !dtype.is_native_order() {
        return Err(err(format!(
            "DLPack only supports native byte order (the dtype is {}).",
            dtype.typestr()
        )));
    }
    let ieee = |max: usize| {
        if *itemsize > max {
            Err(err(format!(
                "DLPack only supports IEEE floating point types without padding (longdouble \
                 typically is not IEEE; the dtype is {}).",
                dtype.name()
            )))
        } else {
            Ok(())
        }
    };
    let code = match kind {
        Kind::Bool => DLDataTypeCode::BOOL,
        Kind::Int => DLDataTypeCode::INT,
        Kind::UInt => DLDataTypeCode::UINT,
        Kind::Float => {
            ieee(8)?;
            DLDataTypeCode::FLOAT
        }
        Kind::Complex => {
            ieee(16)?;
            DLDataTypeCode::COMPLEX
        }
        _ => return Err(only()),
    };
    let bits = itemsize
        .checked_mul(8)
        .and_then(|b| u8::try_from(b).ok())
        .ok_or_else(only)?;
    Ok(DLDataType {
        code,
        bits,
        lanes: 1,
    })
}

impl Description {
    /// Describes the elements at `data` as NumPy's `__dlpack__` does: byte offset 0,
    /// strides in elements (refused where they do not divide by the item size, except on
    /// axes of length 1 and for C-contiguous arrays and single elements).
    fn new(dtype: &DType, shape: &[usize], strides: &[isize], data: *const u8) -> Result<Self> {
        let dl = dl_dtype(dtype)?;
        let itemsize = dtype.itemsize() as isize;
        let size: usize = shape.iter().product();
        if !layout::is_c_contiguous(shape, strides, dtype.itemsize()) && size != 1 {
            let bad = shape
                .iter()
                .zip(strides)
                .any(|(&n, &s)| n != 1 && s % itemsize != 0);
            if bad {
                return Err(err(format!(
                    "DLPack only supports strides which are a multiple of itemsize (strides \
                     {}, itemsize {itemsize}).",
                    ndcore::fmt::py_tuple(strides)
                )));
            }
        }
        let shape = shape
            .iter()
            .map(|&n| i64::try_from(n))
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|_| err(format!("shape {} does not fit in int64", py_tuple(shape))))?;
        // isize is at most 64 bits wide on every target Rust supports.
        let strides = strides.iter().map(|&s| (s / itemsize) as i64).collect();
        Ok(Description {
            data: data.cast_mut().cast(),
            dtype: dl,
            shape,
            strides,
        })
    }

    fn tensor(&self) -> DLTensor {
        DLTensor {
            data: self.data,
            device: DLDevice::CPU,
            // At most 64 axes (nd's limit).
            ndim: self.shape.len() as i32,
            dtype: self.dtype,
            shape: ptr::null_mut(),
            strides: ptr::null_mut(),
            byte_offset: 0,
        }
    }
}

/// One allocation holding the managed struct (first, so a pointer to it is a pointer to
/// the whole), the shape and strides it points to, and the array that owns the memory.
#[repr(C)]
struct Holder<M, A> {
    managed: M,
    shape: Vec<i64>,
    strides: Vec<i64>,
    _owner: A,
}

impl<M, A> Holder<M, A> {
    /// Boxes the holder and points `tensor` at its shape and strides (null for 0-d arrays,
    /// as NumPy does).
    fn boxed(managed: M, d: Description, owner: A, tensor: fn(&mut M) -> &mut DLTensor) -> *mut M {
        let mut h = Box::new(Holder {
            managed,
            shape: d.shape,
            strides: d.strides,
            _owner: owner,
        });
        if !h.shape.is_empty() {
            let (shape, strides) = (h.shape.as_mut_ptr(), h.strides.as_mut_ptr());
            let t = tensor(&mut h.managed);
            t.shape = shape;
            t.strides = strides;
        }
        Box::into_raw(h).cast()
    }
}

/// Frees a holder made by [`Holder::boxed`]; never unwinds.
///
/// # Safety
/// `p` is null or a pointer [`Holder::boxed`] returned for `Holder<M, A>`, not freed yet.
unsafe fn free_holder<M, A>(p: *mut M) {
    if p.is_null() {
        return;
    }
    // SAFETY: the caller's contract: `p` came from `Box::into_raw` of a `Holder<M, A>`
    // (the managed struct is its first field of a repr(C) struct, so the addresses agree).
    let holder = unsafe { Box::from_raw(p.cast::<Holder<M, A>>()) };
    // A panic in a storage's drop must not unwind into the consumer's C frames.
    let _ = catch_unwind(AssertUnwindSafe(move || drop(holder)));
}

/// The deleter of versioned tensors that hold an `A`.
///
/// # Safety
/// DLPack's: `t` is a tensor this module exported with this deleter, released once.
unsafe extern "C" fn delete_versioned<A>(t: *mut DLManagedTensorVersioned) {
    // SAFETY: the tensor was made by `versioned::<A>`, which installs this deleter.
    unsafe { free_holder::<DLManagedTensorVersioned, A>(t) }
}

/// The deleter of legacy tensors that hold an `A`.
///
/// # Safety
/// As [`delete_versioned`].
unsafe extern "C" fn delete_legacy<A>(t: *mut DLManagedTensor) {
    // SAFETY: the tensor was made by `legacy::<A>`, which installs this deleter.
    unsafe { free_holder::<DLManagedTensor, A>(t) }
}

fn versioned<A: Send + Sync + 'static>(
    d: Description,
    read_only: bool,
    owner: A,
) -> *mut DLManagedTensorVersioned {
    let managed = DLManagedTensorVersioned {
        version: DLPackVersion {
            major: DLPACK_MAJOR_VERSION,
            minor: DLPACK_MINOR_VERSION,
        },
        manager_ctx: ptr::null_mut(),
        deleter: Some(delete_versioned::<A>),
        flags: if read_only {
            DLPACK_FLAG_BITMASK_READ_ONLY
        } else {
            0
        },
        dl_tensor: d.tensor(),
    };
    Holder::boxed(managed, d, owner, |m| &mut m.dl_tensor)
}

fn legacy<A: Send + Sync + 'static>(d: Description, owner: A) -> *mut DLManagedTensor {
    let managed = DLManagedTensor {
        dl_tensor: d.tensor(),
        manager_ctx: ptr::null_mut(),
        deleter: Some(delete_legacy::<A>),
    };
    Holder::boxed(managed, d, owner, |m| &mut m.dl_tensor)
}

/// Whether arrays of storage `S` are the only way to their memory and may write it: an
/// owned array, a writable memory map, a writable foreign array. Anything else (an
/// `ArcArray`, whose clones share memory copy-on-write; read-only storages; storages of
/// other crates) is exported read-only, since a consumer may write what is not.
pub(super) fn sole_writer<S: RawData + 'static>() -> bool
where
    S::Elem: 'static,
{
    let s = TypeId::of::<S>();
    S::WRITEABLE
        && [
            TypeId::of::<OwnedRepr<S::Elem>>(),
            TypeId::of::<ForeignMutRepr<S::Elem>>(),
            TypeId::of::<MmapMutRepr<S::Elem>>(),
        ]
        .contains(&s)
}

fn typed_description<S: Data, D: Dimension>(a: &ArrayBase<S, D>) -> Result<Description>
where
    S::Elem: Element,
{
    if a.storage().span().is_none() {
        return Err(err(
            "cannot export a view, which does not own its memory: export the array that owns \
             it, or a copy (to_owned())",
        ));
    }
    Description::new(&S::Elem::dtype(), a.shape(), a.strides(), a.as_ptr().cast())
}

fn readonly_refused(why: &str) -> Error {
    err(format!(
        "Cannot export readonly array since signalling readonly is unsupported by DLPack \
         (supported by newer DLPack version); {why}."
    ))
}

const TYPED_SHARED: &str = "the array's storage may share its memory with other arrays (an \
                            ArcArray), so it is exported read-only: export an owned Array";
const TYPED_READONLY: &str = "the array's storage is read-only";

/// Exports `a` as a DLPack 1.x tensor without a copy (NumPy's `a.__dlpack__(max_version=(1,
/// 0))`): the array moves into the tensor and is dropped by its deleter, on whichever
/// thread the consumer calls it.
///
/// The tensor is flagged [`DLPACK_FLAG_BITMASK_READ_ONLY`] unless the array is the only way
/// to its memory and may write it (an owned [`Array`](ndcore::Array), a writable memory map
/// or foreign array): a shared `ArcArray` is exported read-only, since its clones would see
/// the consumer's writes.
///
/// # Errors
/// A view (it does not own its memory); a dtype DLPack cannot carry (records, sub-arrays,
/// `[T; N]` elements). The array is dropped with the error.
///
/// ```
/// use ndcore::prelude::*;
/// use ndio::dlpack::{DLDataTypeCode, DLPACK_FLAG_BITMASK_READ_ONLY, to_dlpack_versioned};
/// let t = to_dlpack_versioned(array![[1.0f32, 2.0], [3.0, 4.0]])?;
/// // SAFETY: `t` is the live tensor just exported; its deleter is called once below.
/// unsafe {
///     let m = &*t;
///     assert_eq!((m.dl_tensor.dtype.code, m.dl_tensor.dtype.bits), (DLDataTypeCode::FLOAT, 32));
///     assert_eq!(*m.dl_tensor.strides.add(0), 2); // in elements
///     assert_eq!(m.flags & DLPACK_FLAG_BITMASK_READ_ONLY, 0);
///     (m.deleter.unwrap())(t); // what the consumer does when done
/// }
/// # Ok::<(), ndio::Error>(())
/// ```
pub fn to_dlpack_versioned<S, D>(a: ArrayBase<S, D>) -> Result<*mut DLManagedTensorVersioned>
where
    S: Data + Send + Sync + 'static,
    S::Elem: Element,
    D: Dimension,
{
    let d = typed_description(&a)?;
    Ok(versioned(d, !sole_writer::<S>(), a))
}

/// Exports `a` as a legacy, unversioned DLPack tensor (NumPy's `a.__dlpack__()` for a
/// consumer that does not ask for version 1), as [`to_dlpack_versioned`] does.
///
/// # Errors
/// As [`to_dlpack_versioned`]; and NumPy's `Cannot export readonly array since signalling
/// readonly is unsupported by DLPack …` for an array the versioned export would flag
/// read-only (the legacy struct has no flag for it).
pub fn to_dlpack<S, D>(a: ArrayBase<S, D>) -> Result<*mut DLManagedTensor>
where
    S: Data + Send + Sync + 'static,
    S::Elem: Element,
    D: Dimension,
{
    if !sole_writer::<S>() {
        return Err(readonly_refused(if S::WRITEABLE {
            TYPED_SHARED
        } else {
            TYPED_READONLY
        }));
    }
    let d = typed_description(&a)?;
    Ok(legacy(d, a))
}

/// Describes `a`, with the pointer to write through when the consumer may write: when
/// the memory is writeable and this array holds it alone ([`AnyArray::as_mut_ptr`]).
fn any_description(a: &mut AnyArray) -> Result<(Description, bool)> {
    let writer = a.as_mut_ptr();
    let data = writer.map_or(a.as_ptr(), |p| p.cast_const());
    let d = Description::new(a.dtype(), a.shape(), a.strides(), data)?;
    Ok((d, writer.is_some()))
}

/// Exports a run-time-typed array as a DLPack 1.x tensor without a copy, as
/// [`to_dlpack_versioned`] does for typed arrays.
///
/// The tensor is flagged [`DLPACK_FLAG_BITMASK_READ_ONLY`] unless the memory is writeable
/// and this array holds it alone (no clone of it is alive).
///
/// # Errors
/// NumPy's: a dtype DLPack cannot carry (records, strings, datetimes, `longdouble`),
/// non-native byte order, strides that are not a multiple of the item size (a field of a
/// packed record). The array is dropped with the error.
///
/// ```
/// use ndcore::{DType, Order};
/// use ndcore::any::AnyArray;
/// use ndio::dlpack::{any_to_dlpack_versioned, from_dlpack_versioned};
/// let a = AnyArray::zeros(DType::from_typestr("<f2")?, &[2, 3], Order::F)?;
/// let t = any_to_dlpack_versioned(a)?;
/// // SAFETY: the tensor comes from nd's export and is not used again.
/// let b = unsafe { from_dlpack_versioned(t) }?;
/// assert_eq!((b.dtype().name(), b.strides()), ("float16".to_string(), &[2, 4][..]));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn any_to_dlpack_versioned(mut a: AnyArray) -> Result<*mut DLManagedTensorVersioned> {
    let (d, writer) = any_description(&mut a)?;
    Ok(versioned(d, !writer, a))
}

/// Exports a run-time-typed array as a legacy, unversioned DLPack tensor.
///
/// # Errors
/// As [`any_to_dlpack_versioned`]; and NumPy's `Cannot export readonly array …` for an
/// array the versioned export would flag read-only.
pub fn any_to_dlpack(mut a: AnyArray) -> Result<*mut DLManagedTensor> {
    if a.as_mut_ptr().is_none() {
        return Err(readonly_refused(if a.is_writeable() {
            "the array's memory is shared with another AnyArray, so it is exported read-only"
        } else {
            "the array's memory is read-only"
        }));
    }
    let (d, _) = any_description(&mut a)?;
    Ok(legacy(d, a))
}
