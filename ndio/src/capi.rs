//! A C ABI for sharing arrays with other languages (feature `capi`): arrays as opaque
//! handles, their `__array_interface__` as text, and DLPack's structs both ways.
//!
//! Build it into a shared library with a `cdylib` crate that depends on ndio with this
//! feature (the repository's `tests/capi` does, for the live NumPy checks); every function
//! here is exported from it under its own name.
//!
//! Conventions: a function that fails returns `NULL` (or `-1`) and leaves the reason in
//! [`nd_last_error`]; strings returned are freed with [`nd_string_free`], handles with
//! [`nd_array_free`]; no function unwinds into the caller (a panic becomes an error).
//!
//! ```c
//! typedef struct NdArray NdArray;
//! const char *nd_last_error(void);
//! void nd_string_free(char *s);
//! void nd_array_free(NdArray *a);
//! NdArray *nd_array_arange(const char *typestr, const int64_t *shape, int32_t ndim, bool fortran);
//! char *nd_array_repr(const NdArray *a);
//! char *nd_array_interface(NdArray *a, bool writable);
//! NdArray *nd_array_from_interface(const char *dict, const void *base, size_t len);
//! int32_t nd_array_add(NdArray *a, double value);
//! DLManagedTensorVersioned *nd_array_to_dlpack_versioned(NdArray *a);   /* consumes a */
//! DLManagedTensor *nd_array_to_dlpack(NdArray *a);                      /* consumes a */
//! NdArray *nd_array_from_dlpack_versioned(DLManagedTensorVersioned *t);  /* owns t on success */
//! NdArray *nd_array_from_dlpack(DLManagedTensor *t);                     /* owns t on success */
//! uint64_t nd_dlpack_released(void);
//! ```

use std::cell::RefCell;
use std::ffi::{CStr, CString, c_char};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicU64, Ordering};

use ndcore::any::AnyArray;
use ndcore::prelude::*;
use ndcore::{DType, Kind, layout};

use crate::dlpack::{self, DLManagedTensor, DLManagedTensorVersioned};
use crate::interface::ArrayInterface;

/// An array handed to C: any dtype, any layout, owned memory or memory it borrows.
pub struct NdArray(AnyArray);

thread_local! {
    static LAST_ERROR: RefCell<CString> = RefCell::new(CString::default());
}

/// Arrays exported through DLPack whose deleter has run.
static RELEASED: AtomicU64 = AtomicU64::new(0);

fn set_error(why: &str) {
    let text = CString::new(why.replace('\0', "\\0")).unwrap_or_default();
    LAST_ERROR.with(|e| *e.borrow_mut() = text);
}

/// Runs `f`, turning an error or a panic into `on_error` and the thread's last error.
fn guard<R>(on_error: R, f: impl FnOnce() -> Result<R, String>) -> R {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(r)) => r,
        Ok(Err(why)) => {
            set_error(&why);
            on_error
        }
        Err(payload) => {
            let why = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "panic".into());
            set_error(&format!("internal error: {why}"));
            on_error
        }
    }
}

fn handle(a: AnyArray) -> *mut NdArray {
    Box::into_raw(Box::new(NdArray(a)))
}

fn c_string(s: String) -> Result<*mut c_char, String> {
    CString::new(s)
        .map(CString::into_raw)
        .map_err(|_| "the text holds a NUL byte".to_string())
}

/// # Safety
/// `a` is null or a live handle.
unsafe fn array<'a>(a: *const NdArray) -> Result<&'a NdArray, String> {
    // SAFETY: the caller passes null or a handle from this library, not yet freed.
    unsafe { a.as_ref() }.ok_or_else(|| "null array handle".to_string())
}

/// # Safety
/// `a` is null or a live handle nobody else uses meanwhile.
unsafe fn array_mut<'a>(a: *mut NdArray) -> Result<&'a mut NdArray, String> {
    // SAFETY: as `array`, used by this call alone.
    unsafe { a.as_mut() }.ok_or_else(|| "null array handle".to_string())
}

/// # Safety
/// `s` is null or a NUL-terminated string.
unsafe fn text<'a>(s: *const c_char) -> Result<&'a str, String> {
    if s.is_null() {
        return Err("null string".into());
    }
    // SAFETY: a NUL-terminated string, by the caller's contract.
    unsafe { CStr::from_ptr(s) }
        .to_str()
        .map_err(|_| "the text is not UTF-8".to_string())
}

/// The reason the last failing call on this thread failed (empty if none did). Valid
/// until the next call on this thread.
#[unsafe(no_mangle)]
pub extern "C" fn nd_last_error() -> *const c_char {
    LAST_ERROR.with(|e| e.borrow().as_ptr())
}

/// Frees a string this library returned. Null is ignored.
///
/// # Safety
/// `s` is null or a string from this library, not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nd_string_free(s: *mut c_char) {
    if !s.is_null() {
        // SAFETY: made by CString::into_raw here, freed once by the caller's contract.
        drop(unsafe { CString::from_raw(s) });
    }
}

/// Frees a handle (the memory it borrows is released by its owner). Null is ignored.
///
/// # Safety
/// `a` is null or a handle from this library, not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nd_array_free(a: *mut NdArray) {
    if !a.is_null() {
        let _ = catch_unwind(AssertUnwindSafe(|| {
            // SAFETY: made by Box::into_raw here, freed once by the caller's contract.
            drop(unsafe { Box::from_raw(a) });
        }));
    }
}

/// A new array of `ndim` axes with `shape`, of the type `typestr` names (`"<f8"`,
/// `"|b1"`), holding 0, 1, 2, … in C order (booleans: alternating), laid out in C or
/// Fortran order.
///
/// # Safety
/// `typestr` is a NUL-terminated string; `shape` points to `ndim` values (or `ndim` is 0).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nd_array_arange(
    typestr: *const c_char,
    shape: *const i64,
    ndim: i32,
    fortran: bool,
) -> *mut NdArray {
    guard(std::ptr::null_mut(), || {
        // SAFETY: the caller's contract.
        let dtype = DType::from_typestr(unsafe { text(typestr)? }).map_err(|e| e.to_string())?;
        let ndim = usize::try_from(ndim).map_err(|_| format!("ndim {ndim} is negative"))?;
        if ndim > 0 && shape.is_null() {
            return Err("null shape".into());
        }
        let shape: Vec<usize> = (0..ndim)
            // SAFETY: `shape` holds `ndim` values.
            .map(|k| unsafe { *shape.add(k) })
            .map(|n| usize::try_from(n).map_err(|_| "negative dimensions are not allowed".into()))
            .collect::<Result<_, String>>()?;
        Ok(handle(arange_any(&dtype, &shape, fortran)?))
    })
}

fn arange_any(dtype: &DType, shape: &[usize], fortran: bool) -> Result<AnyArray, String> {
    fn make<T: Element>(
        shape: &[usize],
        fortran: bool,
        value: impl Fn(usize) -> T,
    ) -> Result<AnyArray, String> {
        let n = layout::checked_size(shape, std::mem::size_of::<T>())
            .map_err(|e| e.to_string())?
            .0;
        let values: Vec<T> = (0..n).map(value).collect();
        let a = Array::from_vec(values)
            .into_shape(IxDyn::try_from(shape).map_err(|e| e.to_string())?)
            .map_err(|e| e.to_string())?;
        if fortran {
            // The same values, stored column-major: F order of `a` is C order of `a.t()`.
            let f = Array::from_shape_vec_order(a.dim().clone(), Order::F, a.t().to_vec())
                .map_err(|e| e.to_string())?;
            return Ok(AnyArray::from_array(&f));
        }
        Ok(AnyArray::from_array(&a))
    }
    if !dtype.is_native_order() {
        return Err(format!(
            "dtype {} is not in native byte order",
            dtype.descr()
        ));
    }
    match (dtype.kind(), dtype.itemsize()) {
        (Kind::Bool, 1) => make(shape, fortran, |i| i % 2 == 1),
        (Kind::Int, 1) => make(shape, fortran, |i| i as i8),
        (Kind::Int, 2) => make(shape, fortran, |i| i as i16),
        (Kind::Int, 4) => make(shape, fortran, |i| i as i32),
        (Kind::Int, 8) => make(shape, fortran, |i| i as i64),
        (Kind::UInt, 1) => make(shape, fortran, |i| i as u8),
        (Kind::UInt, 2) => make(shape, fortran, |i| i as u16),
        (Kind::UInt, 4) => make(shape, fortran, |i| i as u32),
        (Kind::UInt, 8) => make(shape, fortran, |i| i as u64),
        (Kind::Float, 4) => make(shape, fortran, |i| i as f32),
        (Kind::Float, 8) => make(shape, fortran, |i| i as f64),
        _ => Err(format!(
            "nd_array_arange: dtype {} is not supported",
            dtype.descr()
        )),
    }
}

/// NumPy's `repr` of the array (`array([1., 2.])`).
///
/// # Safety
/// `a` is a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nd_array_repr(a: *const NdArray) -> *mut c_char {
    guard(std::ptr::null_mut(), || {
        // SAFETY: the caller's contract.
        let a = unsafe { array(a)? };
        c_string(format!("{:?}", a.0))
    })
}

/// The array's `__array_interface__` as the dict text NumPy shows. With `writable`, the
/// other side may write the memory (refused if it is read-only or shared); without it,
/// the dict says read-only.
///
/// # Safety
/// `a` is a live handle; the address in the text is valid while it is.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nd_array_interface(a: *mut NdArray, writable: bool) -> *mut c_char {
    guard(std::ptr::null_mut(), || {
        // SAFETY: the caller's contract.
        let a = unsafe { array_mut(a)? };
        let i = if writable {
            ArrayInterface::of_any_mut(&mut a.0).map_err(|e| e.to_string())?
        } else {
            ArrayInterface::of_any(&a.0)
        };
        c_string(i.to_string())
    })
}

/// An array over the memory an `__array_interface__` dict (its text) describes, without a
/// copy. If `base` is not null, every byte the array reaches must lie in the `len` bytes
/// at `base` (the buffer the caller knows the memory to be). Elements must be aligned for
/// their type (NumPy would accept them unaligned; nd's typed access needs them aligned).
///
/// # Safety
/// `dict` is a NUL-terminated string. The memory it describes must stay valid (and
/// unwritten by others while the array is read) until the handle is freed; if `base` is
/// not null, the `len` bytes at `base` are such memory.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nd_array_from_interface(
    dict: *const c_char,
    base: *const u8,
    len: usize,
) -> *mut NdArray {
    guard(std::ptr::null_mut(), || {
        // SAFETY: the caller's contract.
        let i = ArrayInterface::parse(unsafe { text(dict)? }).map_err(|e| e.to_string())?;
        let strides = i.byte_strides();
        let what = |e: ndcore::Error| format!("__array_interface__: {e}");
        // A null address is into_any's to refuse (with NumPy's text).
        if !base.is_null() && i.data != 0 {
            let span = ndcore::storage::Span { start: base, len };
            layout::check_layout(
                i.data as *const u8,
                &i.shape,
                &strides,
                i.dtype.itemsize(),
                1,
                span,
            )
            .map_err(what)?;
        }
        if i.data != 0 {
            layout::check_alignment(i.data as *const u8, &i.shape, &strides, i.dtype.alignment())
                .map_err(what)?;
        }
        // SAFETY: the caller keeps the memory alive and valid until the handle is freed.
        let a = unsafe { i.into_any(()) }.map_err(|e| e.to_string())?;
        Ok(handle(a))
    })
}

/// Adds `value` to every element in place (integers: `value` truncated, wrapping as
/// NumPy's `+=` with a Python int of that type). Returns 0, or -1 on error (a read-only
/// or shared array, a dtype other than bool, integers and floats in native order).
///
/// # Safety
/// `a` is a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nd_array_add(a: *mut NdArray, value: f64) -> i32 {
    guard(-1, || {
        // SAFETY: the caller's contract.
        let a = unsafe { array_mut(a)? };
        let dtype = a.0.dtype().clone();
        macro_rules! add {
            ($t:ty, $v:expr) => {{
                let mut v = a.0.downcast_mut::<$t, IxDyn>().map_err(|e| e.to_string())?;
                let x: $t = $v;
                v.iter_mut().for_each(|e| *e = e.wrapping_add(x));
            }};
        }
        match (dtype.kind(), dtype.itemsize(), dtype.is_native_order()) {
            (Kind::Int, 1, _) => add!(i8, value as i64 as i8),
            (Kind::Int, 2, true) => add!(i16, value as i64 as i16),
            (Kind::Int, 4, true) => add!(i32, value as i64 as i32),
            (Kind::Int, 8, true) => add!(i64, value as i64),
            (Kind::UInt, 1, _) => add!(u8, value as i64 as u8),
            (Kind::UInt, 2, true) => add!(u16, value as i64 as u16),
            (Kind::UInt, 4, true) => add!(u32, value as i64 as u32),
            (Kind::UInt, 8, true) => add!(u64, value as i64 as u64),
            (Kind::Float, 4, true) => {
                let mut v =
                    a.0.downcast_mut::<f32, IxDyn>()
                        .map_err(|e| e.to_string())?;
                v.iter_mut().for_each(|e| *e += value as f32);
            }
            (Kind::Float, 8, true) => {
                let mut v =
                    a.0.downcast_mut::<f64, IxDyn>()
                        .map_err(|e| e.to_string())?;
                v.iter_mut().for_each(|e| *e += value);
            }
            _ => {
                return Err(format!(
                    "nd_array_add: dtype {} is not supported",
                    dtype.descr()
                ));
            }
        }
        Ok(0)
    })
}

/// Counts one release when dropped: the owner of an exported array's memory.
struct Released;

impl Drop for Released {
    fn drop(&mut self) {
        RELEASED.fetch_add(1, Ordering::SeqCst);
    }
}

/// How many arrays exported through DLPack have been released by their consumer (the
/// deleter ran).
#[unsafe(no_mangle)]
pub extern "C" fn nd_dlpack_released() -> u64 {
    RELEASED.load(Ordering::SeqCst)
}

/// The handle's array, moved over memory whose owner also counts its release. Writable if
/// the array was writable and held by the handle alone.
fn counted(a: *mut NdArray) -> Result<AnyArray, String> {
    if a.is_null() {
        return Err("null array handle".into());
    }
    // SAFETY: a live handle, consumed here (the caller's contract).
    let mut any = unsafe { Box::from_raw(a) }.0;
    let mut i = ArrayInterface::of_any(&any);
    i.readonly = any.as_mut_ptr().is_none();
    // SAFETY: the interface describes the array's own elements, inside its storage, which
    // the owner (the array itself, moved in) keeps alive; writable only if the array was
    // the only holder of writeable memory.
    unsafe { i.into_any((any, Released)) }.map_err(|e| e.to_string())
}

/// Exports the array as a DLPack 1.x tensor, consuming the handle (also on error). The
/// consumer calls the tensor's deleter once to release it.
///
/// # Safety
/// `a` is a live handle, not used again.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nd_array_to_dlpack_versioned(
    a: *mut NdArray,
) -> *mut DLManagedTensorVersioned {
    guard(std::ptr::null_mut(), || {
        dlpack::any_to_dlpack_versioned(counted(a)?).map_err(|e| e.to_string())
    })
}

/// Exports the array as a legacy (unversioned) DLPack tensor, consuming the handle (also
/// on error). Read-only arrays are refused: the legacy struct cannot say so.
///
/// # Safety
/// `a` is a live handle, not used again.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nd_array_to_dlpack(a: *mut NdArray) -> *mut DLManagedTensor {
    guard(std::ptr::null_mut(), || {
        dlpack::any_to_dlpack(counted(a)?).map_err(|e| e.to_string())
    })
}

/// An array over a DLPack 1.x tensor's memory. On success the array owns the tensor and
/// calls its deleter once, when the handle (and every array sharing it) is freed; on
/// error the caller still owns it.
///
/// # Safety
/// `t` is null or a valid tensor the caller owns.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nd_array_from_dlpack_versioned(
    t: *mut DLManagedTensorVersioned,
) -> *mut NdArray {
    guard(std::ptr::null_mut(), || {
        // SAFETY: the caller's contract.
        let imported = unsafe { dlpack::from_dlpack_versioned(t) }.map_err(|e| e.to_string())?;
        Ok(handle(imported.into_any().map_err(|e| e.to_string())?))
    })
}

/// An array over a legacy DLPack tensor's memory; ownership as
/// [`nd_array_from_dlpack_versioned`].
///
/// # Safety
/// `t` is null or a valid tensor the caller owns.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nd_array_from_dlpack(t: *mut DLManagedTensor) -> *mut NdArray {
    guard(std::ptr::null_mut(), || {
        // SAFETY: the caller's contract.
        let imported = unsafe { dlpack::from_dlpack(t) }.map_err(|e| e.to_string())?;
        Ok(handle(imported.into_any().map_err(|e| e.to_string())?))
    })
}
