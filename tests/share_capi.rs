//! ndio's C ABI (`ndio::capi`) called in process, as C would call it: every error path
//! gives a null result and a reason, never a crash; DLPack round trips through both
//! structs release their memory exactly once. `cargo xtask test` runs this file under
//! AddressSanitizer too (the live NumPy checks of `share_numpy.rs` load the same functions
//! from `libnd_capi.so` into Python, which the sanitizer cannot instrument).

use std::ffi::{CStr, CString, c_char, c_void};
use std::sync::atomic::{AtomicUsize, Ordering};

use ndio::capi::*;
use ndio::dlpack::{
    DLDataType, DLDataTypeCode, DLDevice, DLDeviceType, DLManagedTensorVersioned, DLPackVersion,
    DLTensor,
};

fn last_error() -> String {
    // SAFETY: nd_last_error returns a valid NUL-terminated string.
    unsafe { CStr::from_ptr(nd_last_error()) }
        .to_string_lossy()
        .into_owned()
}

fn take(s: *mut c_char) -> String {
    assert!(!s.is_null(), "{}", last_error());
    // SAFETY: a string from the library, freed once here.
    let t = unsafe { CStr::from_ptr(s) }.to_string_lossy().into_owned();
    // SAFETY: as above.
    unsafe { nd_string_free(s) };
    t
}

fn arange(typestr: &str, shape: &[i64], fortran: bool) -> *mut NdArray {
    let t = CString::new(typestr).unwrap();
    // SAFETY: a NUL-terminated string and `shape.len()` values.
    let a = unsafe { nd_array_arange(t.as_ptr(), shape.as_ptr(), shape.len() as i32, fortran) };
    assert!(!a.is_null(), "{}", last_error());
    a
}

fn repr(a: *const NdArray) -> String {
    // SAFETY: a live handle.
    take(unsafe { nd_array_repr(a) })
}

fn interface(a: *mut NdArray, writable: bool) -> String {
    // SAFETY: a live handle.
    take(unsafe { nd_array_interface(a, writable) })
}

fn from_interface(dict: &str, base: &[u8]) -> *mut NdArray {
    let d = CString::new(dict).unwrap();
    // SAFETY: `base` is a live buffer the test keeps while the handle lives.
    unsafe { nd_array_from_interface(d.as_ptr(), base.as_ptr(), base.len()) }
}

#[test]
fn arrays_print_and_describe_themselves_as_numpy() {
    let a = arange("<f8", &[2, 3], true);
    assert_eq!(repr(a), "array([[0., 1., 2.],\n       [3., 4., 5.]])");
    let i = interface(a, true);
    assert!(
        i.contains("'strides': (8, 16)") && i.contains(", False)"),
        "{i}"
    );
    // SAFETY: a live handle.
    assert_eq!(unsafe { nd_array_add(a, 1.5) }, 0);
    assert_eq!(repr(a), "array([[1.5, 2.5, 3.5],\n       [4.5, 5.5, 6.5]])");
    let b = arange("|b1", &[4], false);
    assert_eq!(repr(b), "array([False,  True, False,  True])");
    // SAFETY: a live handle.
    assert_eq!(unsafe { nd_array_add(b, 1.0) }, -1);
    assert!(last_error().contains("not supported"), "{}", last_error());
    // SAFETY: live handles, freed once.
    unsafe {
        nd_array_free(a);
        nd_array_free(b);
    }
}

#[test]
fn bad_arguments_are_errors() {
    let t = CString::new("<x9").unwrap();
    // SAFETY: valid pointers (the shape is unread for ndim 0).
    assert!(unsafe { nd_array_arange(t.as_ptr(), std::ptr::null(), 0, false) }.is_null());
    assert!(last_error().contains("not understood"), "{}", last_error());
    let t = CString::new("<f8").unwrap();
    // SAFETY: as above.
    assert!(unsafe { nd_array_arange(t.as_ptr(), std::ptr::null(), 2, false) }.is_null());
    assert_eq!(last_error(), "null shape");
    let neg = [-1i64];
    // SAFETY: one shape value.
    assert!(unsafe { nd_array_arange(t.as_ptr(), neg.as_ptr(), 1, false) }.is_null());
    // SAFETY: null handles are refused, not dereferenced.
    unsafe {
        assert!(nd_array_repr(std::ptr::null()).is_null());
        assert!(nd_array_interface(std::ptr::null_mut(), false).is_null());
        assert_eq!(nd_array_add(std::ptr::null_mut(), 1.0), -1);
        assert!(nd_array_to_dlpack_versioned(std::ptr::null_mut()).is_null());
        assert!(nd_array_from_dlpack_versioned(std::ptr::null_mut()).is_null());
        assert!(nd_array_from_interface(std::ptr::null(), std::ptr::null(), 0).is_null());
        nd_array_free(std::ptr::null_mut());
        nd_string_free(std::ptr::null_mut());
    }
    assert_eq!(last_error(), "null string");
}

#[test]
fn bad_interfaces_are_errors() {
    let words = [0.5f64, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5];
    let buf: &[u8] = bytemuck::cast_slice(&words);
    let addr = buf.as_ptr() as usize;
    let dict = |data: usize, shape: &str, strides: &str, typestr: &str| {
        format!(
            "{{'data': ({data}, False), 'strides': {strides}, 'typestr': '{typestr}', \
             'shape': {shape}, 'version': 3}}"
        )
    };
    let cases = [
        (dict(addr, "(8,)", "None", "<x9"), "not understood"),
        (
            dict(addr, "(9,)", "None", "<f8"),
            "outside the allocation of 64 bytes",
        ),
        (dict(addr + 8, "(2,)", "(-16,)", "<f8"), "outside"),
        (dict(addr + 1, "(7,)", "None", "<f8"), "align"),
        (
            dict(0, "(2,)", "None", "<f8"),
            "data is NULL but array contains data",
        ),
        (
            dict(addr, "(8,)", "(8, 8)", "<f8"),
            "mismatch in length of strides and shape",
        ),
        ("{'data': (1, False)".to_string(), "expected"),
    ];
    for (text, want) in cases {
        assert!(from_interface(&text, buf).is_null(), "{text}");
        let e = last_error();
        assert!(e.contains(want), "{text}: {e}");
    }
    // Inside the buffer with negative and zero strides: accepted, the same values.
    let rev = from_interface(&dict(addr + 56, "(8,)", "(-8,)", "<f8"), buf);
    assert!(!rev.is_null(), "{}", last_error());
    assert_eq!(repr(rev), "array([7.5, 6.5, 5.5, 4.5, 3.5, 2.5, 1.5, 0.5])");
    let zero = from_interface(&dict(addr + 8, "(3,)", "(0,)", "<f8"), buf);
    assert_eq!(repr(zero), "array([1.5, 1.5, 1.5])");
    // SAFETY: live handles, freed once; `words` outlives them.
    unsafe {
        nd_array_free(rev);
        nd_array_free(zero);
    }
}

#[test]
fn dlpack_round_trips_release_once() {
    for fortran in [false, true] {
        let a = arange("<i4", &[3, 4], fortran);
        let text = repr(a);
        let before = nd_dlpack_released();
        // SAFETY: a live handle, consumed.
        let t = unsafe { nd_array_to_dlpack_versioned(a) };
        assert!(!t.is_null(), "{}", last_error());
        // SAFETY: a tensor we own, handed over.
        let b = unsafe { nd_array_from_dlpack_versioned(t) };
        assert!(!b.is_null(), "{}", last_error());
        assert_eq!(repr(b), text);
        assert_eq!(nd_dlpack_released(), before);
        // SAFETY: a live handle, freed once.
        unsafe { nd_array_free(b) };
        assert_eq!(nd_dlpack_released(), before + 1);

        let a = arange("<f4", &[5], false);
        // SAFETY: as above, the legacy struct.
        let t = unsafe { nd_array_to_dlpack(a) };
        assert!(!t.is_null(), "{}", last_error());
        // SAFETY: as above.
        let b = unsafe { nd_array_from_dlpack(t) };
        assert_eq!(repr(b), "array([0., 1., 2., 3., 4.], dtype=float32)");
        // SAFETY: as above.
        unsafe { nd_array_free(b) };
        assert_eq!(nd_dlpack_released(), before + 2);
    }
}

static DELETED: AtomicUsize = AtomicUsize::new(0);

unsafe extern "C" fn count_deleter(_: *mut DLManagedTensorVersioned) {
    DELETED.fetch_add(1, Ordering::SeqCst);
}

#[test]
fn tensors_nd_cannot_take_stay_their_producers() {
    let mut data = [1.0f64, 2.0, 3.0];
    let mut shape = [3i64];
    let mut tensor = |device: i32, code: u8, bits: u8, lanes: u16, ndim: i32, major: u32| {
        DLManagedTensorVersioned {
            version: DLPackVersion { major, minor: 0 },
            manager_ctx: std::ptr::null_mut(),
            deleter: Some(count_deleter),
            flags: 0,
            dl_tensor: DLTensor {
                data: data.as_mut_ptr().cast::<c_void>(),
                device: DLDevice {
                    device_type: DLDeviceType(device),
                    device_id: 0,
                },
                ndim,
                dtype: DLDataType {
                    code: DLDataTypeCode(code),
                    bits,
                    lanes,
                },
                shape: shape.as_mut_ptr(),
                strides: std::ptr::null_mut(),
                byte_offset: 0,
            },
        }
    };
    let bad = [
        (tensor(2, 2, 64, 1, 1, 1), "device"),
        (tensor(1, 2, 64, 2, 1, 1), "lanes"),
        (tensor(1, 4, 16, 1, 1, 1), "dtype"),
        (tensor(1, 9, 64, 1, 1, 1), "dtype"),
        (tensor(1, 2, 64, 1, 65, 1), "64"),
        (tensor(1, 2, 64, 1, 1, 2), "version"),
    ];
    for (mut t, want) in bad {
        // SAFETY: a valid tensor the test owns; refused, so still the test's.
        assert!(unsafe { nd_array_from_dlpack_versioned(&mut t) }.is_null());
        let e = last_error();
        assert!(e.to_lowercase().contains(want), "{want}: {e}");
    }
    assert_eq!(
        DELETED.load(Ordering::SeqCst),
        0,
        "a refused tensor was released"
    );
    let mut good = tensor(1, 2, 64, 1, 1, 1);
    // SAFETY: a valid tensor over `data`, which outlives the handle.
    let h = unsafe { nd_array_from_dlpack_versioned(&mut good) };
    assert!(!h.is_null(), "{}", last_error());
    assert_eq!(repr(h), "array([1., 2., 3.])");
    // SAFETY: a live handle, freed once.
    unsafe { nd_array_free(h) };
    assert_eq!(DELETED.load(Ordering::SeqCst), 1);
}
