//! DLPack: arrays exported and imported back through both managed structs with the same
//! memory, dtype and layout; the producer's deleter called exactly once, with the last
//! array, and never when an import fails; NumPy's errors for what cannot cross.

use std::ffi::c_void;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};

use ndcore::any::AnyArray;
use ndcore::prelude::*;
use ndio::dlpack::{
    DLDataType, DLDataTypeCode, DLDevice, DLDeviceType, DLManagedTensor, DLManagedTensorVersioned,
    DLPACK_FLAG_BITMASK_READ_ONLY, DLPackVersion, DLTensor, Imported, any_to_dlpack,
    any_to_dlpack_versioned, from_dlpack, from_dlpack_versioned, to_dlpack, to_dlpack_versioned,
};
use ndio::foreign::{Foreign, ForeignArray};

// --- exporting and importing back ---------------------------------------------------------

/// Exports through the versioned struct and imports back.
fn through_versioned<S, D>(a: ArrayBase<S, D>) -> Imported
where
    S: ndcore::storage::Data + Send + Sync + 'static,
    S::Elem: Element,
    D: Dimension,
{
    let t = to_dlpack_versioned(a).unwrap();
    // SAFETY: a live tensor nd just exported, given up here.
    unsafe { from_dlpack_versioned(t) }.unwrap()
}

/// Exports through the legacy struct and imports back.
fn through_legacy<S, D>(a: ArrayBase<S, D>) -> Imported
where
    S: ndcore::storage::Data + Send + Sync + 'static,
    S::Elem: Element,
    D: Dimension,
{
    let t = to_dlpack(a).unwrap();
    // SAFETY: a live tensor nd just exported, given up here.
    unsafe { from_dlpack(t) }.unwrap()
}

/// The flags of an exported versioned tensor; releases it.
fn flags_of(t: *mut DLManagedTensorVersioned) -> u64 {
    // SAFETY: a live tensor nd just exported; its deleter is called once, last.
    unsafe {
        let flags = (*t).flags;
        ((*t).deleter.unwrap())(t);
        flags
    }
}

fn grid() -> Array2<f64> {
    Array::from_shape_vec([3, 4], (0..12).map(f64::from).collect()).unwrap()
}

#[test]
fn round_trips_keep_the_memory_the_dtype_and_the_layout() {
    type Make = fn() -> Array2<f64>;
    let layouts: [(&str, Make); 5] = [
        ("C order", grid),
        ("transposed", || grid().reversed_axes()),
        ("rows reversed", || {
            grid().slice_move(s![..;-1, ..]).unwrap()
        }),
        ("both reversed, every other column", || {
            grid().slice_move(s![..;-1, ..;-2]).unwrap()
        }),
        ("a middle block", || {
            grid().slice_move(s![1..3, 1..3]).unwrap()
        }),
    ];
    for (what, make) in layouts {
        for legacy in [false, true] {
            let a = make();
            let (ptr, shape, strides, values) = (
                a.as_ptr(),
                a.shape().to_vec(),
                a.strides().to_vec(),
                a.to_owned(),
            );
            let imported = if legacy {
                through_legacy(a)
            } else {
                through_versioned(a)
            };
            assert_eq!(imported.dtype(), &DType::float(8).unwrap(), "{what}");
            assert_eq!(imported.shape(), &shape[..], "{what}");
            assert_eq!(imported.strides(), &strides[..], "{what}");
            assert_eq!(imported.as_ptr(), ptr.cast(), "{what}");
            assert_eq!(imported.device(), DLDevice::CPU);
            assert_eq!(imported.is_writeable(), !legacy, "{what}");
            let b = imported.into_array::<f64, Ix2>().unwrap();
            assert_eq!(b, values, "{what}, legacy {legacy}");
            assert_eq!(b.as_ptr(), ptr, "{what}: no copy");
        }
    }
}

#[test]
fn empty_and_zero_dimensional_arrays() {
    let empty = Array::<f64, Ix2>::zeros([0, 3]);
    let t = to_dlpack_versioned(empty).unwrap();
    // SAFETY: a live tensor nd just exported, given up here.
    let b = unsafe { from_dlpack_versioned(t) }.unwrap();
    assert_eq!((b.shape(), b.strides()), (&[0, 3][..], &[24, 8][..]));
    let b = b.into_array::<f64, Ix2>().unwrap();
    assert_eq!(b.shape(), &[0, 3]);
    assert_eq!(b.iter().count(), 0);

    let scalar = Array::<i32, Ix0>::from_shape_vec([], vec![-7]).unwrap();
    let t = to_dlpack_versioned(scalar).unwrap();
    // SAFETY: a live tensor nd just exported; NumPy leaves shape and strides null at 0-d.
    unsafe {
        assert_eq!((*t).dl_tensor.ndim, 0);
        assert!((*t).dl_tensor.shape.is_null() && (*t).dl_tensor.strides.is_null());
    }
    // SAFETY: as above, given up here.
    let b = unsafe { from_dlpack_versioned(t) }.unwrap();
    assert_eq!(b.shape(), &[] as &[usize]);
    let b = b.into_any().unwrap();
    assert_eq!(format!("{b:?}"), "array(-7, dtype=int32)");

    let scalar = Array::<u8, Ix0>::from_shape_vec([], vec![9]).unwrap();
    let b = through_legacy(scalar).into_array::<u8, Ix0>().unwrap();
    assert_eq!(b[[]], 9);

    // An empty tensor with a null data pointer, as dlpack.h asks producers to send.
    let calls = Arc::new(AtomicUsize::new(0));
    let t = Made {
        null_data: true,
        ..Made::f64s(&[], &[2, 0])
    }
    .versioned(&calls);
    // SAFETY: a live hand-made tensor, given up here.
    let b = unsafe { from_dlpack_versioned(t) }.unwrap();
    let b = b.into_array::<f64, Ix2>().unwrap();
    assert_eq!(b.shape(), &[2, 0]);
    drop(b);
    assert_eq!(calls.load(SeqCst), 1);
}

/// Exports `values` through both structs and checks the DLPack type and the values.
fn check_element<T: Element>(values: Vec<T>, code: DLDataTypeCode, bits: u8) {
    let a = Array::from_vec(values.clone());
    let t = to_dlpack_versioned(a.clone()).unwrap();
    // SAFETY: a live tensor nd just exported.
    let dtype = unsafe { (*t).dl_tensor.dtype };
    assert_eq!(
        dtype,
        DLDataType {
            code,
            bits,
            lanes: 1
        },
        "{:?}",
        T::dtype()
    );
    // SAFETY: as above, given up here.
    let b = unsafe { from_dlpack_versioned(t) }.unwrap();
    assert_eq!(b.dtype(), &T::dtype());
    let b = b.into_any().unwrap();
    assert_eq!(b.downcast::<T, Ix1>().unwrap().to_vec(), values);

    let b = through_legacy(a).into_any().unwrap();
    assert_eq!(b.downcast::<T, Ix1>().unwrap().to_vec(), values);
}

#[test]
fn every_element_type_nd_has_round_trips() {
    use DLDataTypeCode as C;
    check_element(vec![true, false, true], C::BOOL, 8);
    check_element(vec![i8::MIN, -1, i8::MAX], C::INT, 8);
    check_element(vec![i16::MIN, -1, i16::MAX], C::INT, 16);
    check_element(vec![i32::MIN, -1, i32::MAX], C::INT, 32);
    check_element(vec![i64::MIN, -1, i64::MAX], C::INT, 64);
    check_element(vec![0u8, 1, u8::MAX], C::UINT, 8);
    check_element(vec![0u16, 1, u16::MAX], C::UINT, 16);
    check_element(vec![0u32, 1, u32::MAX], C::UINT, 32);
    check_element(vec![0u64, 1, u64::MAX], C::UINT, 64);
    check_element(vec![-0.5f32, f32::MAX, f32::INFINITY], C::FLOAT, 32);
    check_element(
        vec![-0.5f64, f64::MIN_POSITIVE, f64::NEG_INFINITY],
        C::FLOAT,
        64,
    );
    // The typed path too, for types that accept any bits.
    let b = through_versioned(Array::from_vec(vec![1u16, 2, 3]))
        .into_array::<u16, Ix1>()
        .unwrap();
    assert_eq!(b.to_vec(), vec![1, 2, 3]);
}

#[test]
fn run_time_dtypes_round_trip_float16_and_complex() {
    for (typestr, code, bits) in [
        ("=f2", DLDataTypeCode::FLOAT, 16),
        ("=c8", DLDataTypeCode::COMPLEX, 64),
        ("=c16", DLDataTypeCode::COMPLEX, 128),
    ] {
        let dtype = DType::from_typestr(typestr).unwrap();
        for legacy in [false, true] {
            let mut a = AnyArray::zeros(dtype.clone(), &[2, 3], Order::F).unwrap();
            for (i, byte) in a.bytes_mut().unwrap().iter_mut().enumerate() {
                *byte = i as u8;
            }
            let (ptr, bytes, strides) = (
                a.as_ptr(),
                a.as_bytes().unwrap().to_vec(),
                a.strides().to_vec(),
            );
            let imported = if legacy {
                let t = any_to_dlpack(a).unwrap();
                // SAFETY: a live tensor nd just exported.
                assert_eq!(unsafe { (*t).dl_tensor.dtype }.bits, bits);
                // SAFETY: as above, given up here.
                unsafe { from_dlpack(t) }.unwrap()
            } else {
                let t = any_to_dlpack_versioned(a).unwrap();
                // SAFETY: a live tensor nd just exported.
                let dl = unsafe { (*t).dl_tensor.dtype };
                assert_eq!((dl.code, dl.bits, dl.lanes), (code, bits, 1));
                // SAFETY: as above, given up here.
                unsafe { from_dlpack_versioned(t) }.unwrap()
            };
            let b = imported.into_any().unwrap();
            assert_eq!(b.dtype(), &dtype);
            assert_eq!(b.strides(), &strides[..]);
            assert_eq!(b.as_ptr(), ptr, "{typestr}: no copy");
            assert_eq!(b.as_bytes().unwrap(), &bytes[..]);
        }
    }
}

// --- read-only and writable -----------------------------------------------------------------

#[test]
fn only_arrays_that_alone_hold_writable_memory_export_writable() {
    assert_eq!(flags_of(to_dlpack_versioned(grid()).unwrap()), 0);
    // ArcArray clones share memory copy-on-write: a consumer's writes would show in them.
    let shared = ArcArray::<f64, Ix1>::from_vec(vec![1.0, 2.0]);
    let other = shared.clone();
    let flags = flags_of(to_dlpack_versioned(shared).unwrap());
    assert_eq!(flags, DLPACK_FLAG_BITMASK_READ_ONLY);
    assert_eq!(other.to_vec(), vec![1.0, 2.0]);
    let foreign = counted_foreign(&Arc::new(AtomicUsize::new(0)));
    assert_eq!(
        flags_of(to_dlpack_versioned(foreign).unwrap()),
        DLPACK_FLAG_BITMASK_READ_ONLY
    );

    let a = AnyArray::from_array(&grid());
    let b = a.clone();
    assert_eq!(
        flags_of(any_to_dlpack_versioned(a).unwrap()),
        DLPACK_FLAG_BITMASK_READ_ONLY
    );
    assert_eq!(flags_of(any_to_dlpack_versioned(b).unwrap()), 0);
    // Whatever the layout: a strided field of a record held alone.
    let dt = DType::from_descr("[('t', '<u8'), ('x', '<f8')]").unwrap();
    let x = AnyArray::zeros(dt, &[3], Order::C)
        .unwrap()
        .field("x")
        .unwrap();
    assert_eq!(x.strides(), &[16]);
    assert_eq!(flags_of(any_to_dlpack_versioned(x).unwrap()), 0);
}

#[test]
fn writes_through_an_imported_array_reach_the_exported_memory() {
    let a = grid();
    let ptr = a.as_ptr();
    let mut b = through_versioned(a).into_array_mut::<f64, Ix2>().unwrap();
    assert_eq!(b.as_ptr(), ptr);
    b[[2, 3]] = -1.0;
    b.slice_mut(s![0, ..]).fill(5.0);
    assert_eq!(b.slice(s![0, ..]).to_vec(), vec![5.0; 4]);
    assert_eq!(b[[2, 3]], -1.0);
}

#[test]
fn read_only_tensors_give_read_only_arrays() {
    let foreign = counted_foreign(&Arc::new(AtomicUsize::new(0)));
    let e = through_versioned(foreign)
        .into_array_mut::<f64, Ix1>()
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "DLPack: assignment destination is read-only (the producer flagged the tensor \
         DLPACK_FLAG_BITMASK_READ_ONLY)"
    );
    let e = through_legacy(grid())
        .into_array_mut::<f64, Ix2>()
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "DLPack: assignment destination is read-only (a legacy DLManagedTensor is imported \
         read-only, as NumPy does: it cannot say whether its memory may be written)"
    );
    let any = through_versioned(counted_foreign(&Arc::new(AtomicUsize::new(0))))
        .into_any()
        .unwrap();
    assert!(!any.is_writeable());
}

// --- the deleter, exactly once ---------------------------------------------------------------

struct Counted(Vec<f64>, Arc<AtomicUsize>);

impl Drop for Counted {
    fn drop(&mut self) {
        self.1.fetch_add(1, SeqCst);
    }
}

/// `[1, 2, 3, 4]` over foreign memory whose owner counts its drops.
fn counted_foreign(drops: &Arc<AtomicUsize>) -> ForeignArray<f64, Ix1> {
    let owner = Counted(vec![1.0, 2.0, 3.0, 4.0], Arc::clone(drops));
    let (ptr, len) = (owner.0.as_ptr().cast::<u8>(), owner.0.len() * 8);
    // SAFETY: the Vec in the owner holds the bytes; moving the owner does not move them.
    let block = unsafe { Foreign::new(ptr, len, false, owner) };
    block.into_array(0, [4], [8]).unwrap()
}

#[test]
fn the_exported_array_is_dropped_once_with_the_last_imported_one() {
    let drops = Arc::new(AtomicUsize::new(0));
    let a = through_versioned(counted_foreign(&drops))
        .into_any()
        .unwrap();
    let b = a.clone();
    drop(a);
    assert_eq!(drops.load(SeqCst), 0);
    assert_eq!(format!("{b:?}"), "array([1., 2., 3., 4.])");
    // Dropped on another thread: the deleter may run anywhere.
    std::thread::spawn(move || drop(b)).join().unwrap();
    assert_eq!(drops.load(SeqCst), 1);

    // Released by a consumer that never imports it.
    let drops = Arc::new(AtomicUsize::new(0));
    let t = to_dlpack(Array::from_vec(vec![1u8])).unwrap();
    // SAFETY: a live tensor nd just exported; its deleter is called once.
    unsafe { ((*t).deleter.unwrap())(t) };
    let _ = flags_of(to_dlpack_versioned(counted_foreign(&drops)).unwrap());
    assert_eq!(drops.load(SeqCst), 1);
}

/// A tensor made by hand, as a C producer would: one allocation holding the managed struct,
/// the data, shape and strides, and a counter the deleter bumps.
#[repr(C)]
struct Holder<M> {
    managed: M,
    data: Vec<u64>,
    shape: Vec<i64>,
    strides: Vec<i64>,
    calls: Arc<AtomicUsize>,
}

unsafe extern "C" fn release_versioned(t: *mut DLManagedTensorVersioned) {
    // SAFETY: `t` is the first field of a boxed Holder made by `Made::versioned`.
    let holder = unsafe { Box::from_raw(t.cast::<Holder<DLManagedTensorVersioned>>()) };
    holder.calls.fetch_add(1, SeqCst);
}

unsafe extern "C" fn release_legacy(t: *mut DLManagedTensor) {
    // SAFETY: `t` is the first field of a boxed Holder made by `Made::legacy`.
    let holder = unsafe { Box::from_raw(t.cast::<Holder<DLManagedTensor>>()) };
    holder.calls.fetch_add(1, SeqCst);
}

/// What a hand-made tensor says; fields a test changes to break it.
#[derive(Clone)]
struct Made {
    data: Vec<u64>,
    dtype: DLDataType,
    shape: Vec<i64>,
    strides: Option<Vec<i64>>,
    byte_offset: u64,
    flags: u64,
    version: DLPackVersion,
    device: DLDevice,
    ndim: Option<i32>,
    null_data: bool,
    null_shape: bool,
}

impl Made {
    /// float64 `values` with `shape`, C order (null strides).
    fn f64s(values: &[f64], shape: &[i64]) -> Made {
        Made {
            data: values.iter().map(|v| v.to_bits()).collect(),
            dtype: DLDataType {
                code: DLDataTypeCode::FLOAT,
                bits: 64,
                lanes: 1,
            },
            shape: shape.to_vec(),
            strides: None,
            byte_offset: 0,
            flags: 0,
            version: DLPackVersion { major: 1, minor: 0 },
            device: DLDevice::CPU,
            ndim: None,
            null_data: false,
            null_shape: false,
        }
    }

    fn holder<M>(
        self,
        calls: &Arc<AtomicUsize>,
        managed: M,
        tensor: fn(&mut M) -> &mut DLTensor,
    ) -> *mut M {
        let mut h = Box::new(Holder {
            managed,
            data: self.data,
            shape: self.shape,
            strides: self.strides.clone().unwrap_or_default(),
            calls: Arc::clone(calls),
        });
        let data = if self.null_data {
            std::ptr::null_mut()
        } else {
            h.data.as_mut_ptr().cast::<c_void>()
        };
        let shape = if self.null_shape {
            std::ptr::null_mut()
        } else {
            h.shape.as_mut_ptr()
        };
        let strides = if self.strides.is_some() {
            h.strides.as_mut_ptr()
        } else {
            std::ptr::null_mut()
        };
        let ndim = self.ndim.unwrap_or(h.shape.len() as i32);
        *tensor(&mut h.managed) = DLTensor {
            data,
            device: self.device,
            ndim,
            dtype: self.dtype,
            shape,
            strides,
            byte_offset: self.byte_offset,
        };
        Box::into_raw(h).cast()
    }

    fn versioned(self, calls: &Arc<AtomicUsize>) -> *mut DLManagedTensorVersioned {
        let managed = DLManagedTensorVersioned {
            version: self.version,
            manager_ctx: std::ptr::null_mut(),
            deleter: Some(release_versioned),
            flags: self.flags,
            dl_tensor: empty_tensor(),
        };
        self.holder(calls, managed, |m| &mut m.dl_tensor)
    }

    fn legacy(self, calls: &Arc<AtomicUsize>) -> *mut DLManagedTensor {
        let managed = DLManagedTensor {
            dl_tensor: empty_tensor(),
            manager_ctx: std::ptr::null_mut(),
            deleter: Some(release_legacy),
        };
        self.holder(calls, managed, |m| &mut m.dl_tensor)
    }
}

fn empty_tensor() -> DLTensor {
    DLTensor {
        data: std::ptr::null_mut(),
        device: DLDevice::CPU,
        ndim: 0,
        dtype: DLDataType {
            code: DLDataTypeCode::UINT,
            bits: 8,
            lanes: 1,
        },
        shape: std::ptr::null_mut(),
        strides: std::ptr::null_mut(),
        byte_offset: 0,
    }
}

#[test]
fn a_hand_made_tensor_is_released_once_with_the_last_array() {
    let calls = Arc::new(AtomicUsize::new(0));
    // Rows reversed: strides in elements, the first element 3 elements in.
    let t = Made {
        strides: Some(vec![-3, 1]),
        byte_offset: 3 * 8,
        ..Made::f64s(&[0.0, 1.0, 2.0, 3.0, 4.0, 5.0], &[2, 3])
    }
    .versioned(&calls);
    // SAFETY: a live hand-made tensor, given up here.
    let imported = unsafe { from_dlpack_versioned(t) }.unwrap();
    assert_eq!(imported.strides(), &[-24, 8]);
    let a = imported.into_array::<f64, Ix2>().unwrap();
    let b = a.clone();
    assert_eq!(a, array![[3.0, 4.0, 5.0], [0.0, 1.0, 2.0]]);
    drop(a);
    assert_eq!(calls.load(SeqCst), 0);
    assert_eq!(b[[1, 2]], 2.0);
    drop(b);
    assert_eq!(calls.load(SeqCst), 1);

    // Legacy, null strides: C order.
    let calls = Arc::new(AtomicUsize::new(0));
    let t = Made::f64s(&[0.0, 1.0, 2.0, 3.0, 4.0, 5.0], &[3, 2]).legacy(&calls);
    // SAFETY: a live hand-made tensor, given up here.
    let imported = unsafe { from_dlpack(t) }.unwrap();
    assert!(!imported.is_writeable());
    let a = imported.into_any().unwrap();
    assert_eq!(a.strides(), &[16, 8]);
    assert_eq!(calls.load(SeqCst), 0);
    drop(a);
    assert_eq!(calls.load(SeqCst), 1);

    // Never turned into an array.
    let calls = Arc::new(AtomicUsize::new(0));
    let t = Made::f64s(&[1.0], &[1]).versioned(&calls);
    // SAFETY: a live hand-made tensor, given up here.
    drop(unsafe { from_dlpack_versioned(t) }.unwrap());
    assert_eq!(calls.load(SeqCst), 1);
}

#[test]
fn typed_imports_check_the_dtype_the_rank_and_the_alignment() {
    let calls = Arc::new(AtomicUsize::new(0));
    let made = Made::f64s(&[1.0, 2.0, 3.0, 4.0], &[2, 2]);
    let import = |m: Made| {
        let t = m.versioned(&calls);
        // SAFETY: a live hand-made tensor, given up here.
        unsafe { from_dlpack_versioned(t) }.unwrap()
    };
    let e = import(made.clone()).into_array::<i32, Ix2>().unwrap_err();
    assert_eq!(
        e.to_string(),
        "DLPack: cannot import a tensor of dtype float64 ('<f8') as int32 ('<i4')"
    );
    let e = import(made.clone()).into_array::<f64, Ix3>().unwrap_err();
    assert_eq!(
        e.to_string(),
        "DLPack: cannot import a tensor of 2 dimensions (shape (2, 2)) as one of 3"
    );
    // Four bytes in: fine for an AnyArray, misaligned for a typed one.
    let shifted = Made {
        byte_offset: 4,
        shape: vec![3],
        ..made
    };
    let a = import(shifted.clone()).into_any().unwrap();
    assert_eq!(a.shape(), &[3]);
    drop(a);
    let e = import(shifted).into_array::<f64, Ix1>().unwrap_err();
    assert!(e.to_string().contains("is not aligned to 8 bytes"), "{e}");
    assert_eq!(calls.load(SeqCst), 4);
}

// --- what cannot cross ---------------------------------------------------------------------

/// Imports `made` through the versioned struct, expecting an error; checks that the
/// failed import took nothing, then releases the tensor as its owner must.
fn refused(made: Made) -> String {
    let calls = Arc::new(AtomicUsize::new(0));
    let t = made.versioned(&calls);
    // SAFETY: a live hand-made tensor.
    let e = unsafe { from_dlpack_versioned(t) }.expect_err("the import must fail");
    assert_eq!(calls.load(SeqCst), 0, "a failed import called the deleter");
    // SAFETY: the failed import left the tensor with us; released once.
    unsafe { ((*t).deleter.unwrap())(t) };
    assert_eq!(calls.load(SeqCst), 1);
    e.to_string()
}

/// As [`refused`], through the legacy struct.
fn refused_legacy(made: Made) -> String {
    let calls = Arc::new(AtomicUsize::new(0));
    let t = made.legacy(&calls);
    // SAFETY: a live hand-made tensor.
    let e = unsafe { from_dlpack(t) }.expect_err("the import must fail");
    assert_eq!(calls.load(SeqCst), 0, "a failed import called the deleter");
    // SAFETY: the failed import left the tensor with us; released once.
    unsafe { ((*t).deleter.unwrap())(t) };
    e.to_string()
}

#[test]
fn imports_refuse_what_nd_cannot_read() {
    let ok = Made::f64s(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0], &[2, 3]);
    let dtype = |code: DLDataTypeCode, bits: u8, lanes: u16| Made {
        dtype: DLDataType { code, bits, lanes },
        ..ok.clone()
    };
    let cases: Vec<(Made, &str)> = vec![
        (
            Made {
                device: DLDevice {
                    device_type: DLDeviceType::CUDA,
                    device_id: 1,
                },
                ..ok.clone()
            },
            "Unsupported device in DLTensor (device_type 2, device_id 1).",
        ),
        (
            dtype(DLDataTypeCode::FLOAT, 32, 2),
            "Unsupported lanes in DLTensor dtype (lanes 2).",
        ),
        (
            dtype(DLDataTypeCode::BOOL, 16, 1),
            "Unsupported dtype in DLTensor (code 6 kDLBool, 16 bits).",
        ),
        (
            dtype(DLDataTypeCode(9), 32, 1),
            "Unsupported dtype in DLTensor (code 9, unknown, 32 bits).",
        ),
        (
            dtype(DLDataTypeCode::BFLOAT, 16, 1),
            "Unsupported dtype in DLTensor (code 4 kDLBfloat, 16 bits: nd has no bfloat16).",
        ),
        (
            dtype(DLDataTypeCode::FLOAT, 128, 1),
            "Unsupported dtype in DLTensor (code 2 kDLFloat, 128 bits).",
        ),
        (
            Made::f64s(&[1.0], &[1; 65]),
            "maxdims of DLPack tensor is higher than the supported maxdims (ndim 65, at most \
             64).",
        ),
        (
            Made {
                ndim: Some(-1),
                ..ok.clone()
            },
            "DLTensor has a negative ndim (-1).",
        ),
        (
            Made::f64s(&[1.0], &[2, -3]),
            "DLTensor shape [2, -3] has a negative length.",
        ),
        (
            Made {
                null_data: true,
                ..ok.clone()
            },
            "DLTensor data is null but the tensor holds 6 elements (shape (2, 3)).",
        ),
        (
            Made {
                null_shape: true,
                ..ok.clone()
            },
            "DLTensor shape is null for ndim 2.",
        ),
        (
            Made {
                version: DLPackVersion { major: 2, minor: 0 },
                ..ok.clone()
            },
            "the exported DLPack major version is too high to be imported by this version of \
             nd (version 2.0, nd reads 1.x).",
        ),
        (
            Made {
                strides: Some(vec![i64::MAX / 4, 1]),
                ..ok.clone()
            },
            "DLTensor strides [2305843009213693951, 1] times the itemsize 8 overflow.",
        ),
        (
            Made::f64s(&[1.0], &[i64::MAX, 2]),
            "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum \
             possible size.",
        ),
    ];
    for (made, want) in cases {
        let want = if want.starts_with("array is too big") {
            want.to_string()
        } else {
            format!("DLPack: {want}")
        };
        assert_eq!(refused(made.clone()), want);
        if made.version.major == 1 {
            assert_eq!(refused_legacy(made), want);
        }
    }

    // Elements past the end of the address space.
    let e = refused(Made {
        byte_offset: u64::MAX - 8,
        ..ok.clone()
    });
    assert!(
        e.starts_with("DLPack: DLTensor elements reach beyond the address space"),
        "{e}"
    );

    // A null pointer: nothing to take, nothing to release.
    // SAFETY: null is allowed.
    let e = unsafe { from_dlpack_versioned(std::ptr::null_mut()) }.unwrap_err();
    assert_eq!(
        e.to_string(),
        "DLPack: the DLManagedTensorVersioned pointer is null."
    );
    // SAFETY: null is allowed.
    let e = unsafe { from_dlpack(std::ptr::null_mut()) }.unwrap_err();
    assert_eq!(
        e.to_string(),
        "DLPack: the DLManagedTensor pointer is null."
    );

    // Host-visible device memory is read as NumPy reads it.
    let calls = Arc::new(AtomicUsize::new(0));
    let t = Made {
        device: DLDevice {
            device_type: DLDeviceType::CUDA_HOST,
            device_id: 0,
        },
        ..ok
    }
    .versioned(&calls);
    // SAFETY: a live hand-made tensor, given up here.
    let imported = unsafe { from_dlpack_versioned(t) }.unwrap();
    assert_eq!(imported.device().device_type, DLDeviceType::CUDA_HOST);
    drop(imported);
    assert_eq!(calls.load(SeqCst), 1);
}

static STATIC_DATA: [f64; 3] = [1.0, 2.0, 3.0];

#[test]
fn exports_refuse_what_dlpack_cannot_carry() {
    let message = |r: ndio::Result<*mut DLManagedTensorVersioned>| r.unwrap_err().to_string();

    // A packed record's field: strides of 5 bytes for 4-byte elements.
    let packed = DType::from_descr("[('a', '|u1'), ('b', '<i4')]").unwrap();
    let field = AnyArray::zeros(packed.clone(), &[3], Order::C)
        .unwrap()
        .field("b")
        .unwrap();
    assert_eq!(
        message(any_to_dlpack_versioned(field)),
        "DLPack: DLPack only supports strides which are a multiple of itemsize (strides (5,), \
         itemsize 4)."
    );
    // A single element may have any stride, as in NumPy.
    let one = AnyArray::zeros(packed.clone(), &[1], Order::C)
        .unwrap()
        .field("b")
        .unwrap();
    let _ = flags_of(any_to_dlpack_versioned(one).unwrap());

    let record = AnyArray::zeros(packed, &[2], Order::C).unwrap();
    assert_eq!(
        message(any_to_dlpack_versioned(record)),
        "DLPack: DLPack only supports signed/unsigned integers, float and complex dtypes (and \
         bool), not void40 ([('a', '|u1'), ('b', '<i4')])."
    );
    let swapped = if cfg!(target_endian = "little") {
        ">f8"
    } else {
        "<f8"
    };
    let big = AnyArray::zeros(DType::from_typestr(swapped).unwrap(), &[2], Order::C).unwrap();
    assert_eq!(
        message(any_to_dlpack_versioned(big)),
        format!("DLPack: DLPack only supports native byte order (the dtype is {swapped}).")
    );
    let long = AnyArray::zeros(DType::from_typestr("=f16").unwrap(), &[2], Order::C).unwrap();
    assert_eq!(
        message(any_to_dlpack_versioned(long)),
        "DLPack: DLPack only supports IEEE floating point types without padding (longdouble \
         typically is not IEEE; the dtype is float128)."
    );
    let dates = AnyArray::zeros(DType::from_typestr("=M8[s]").unwrap(), &[2], Order::C).unwrap();
    assert!(message(any_to_dlpack_versioned(dates)).contains("not datetime64[s]"));
    let arrays = Array::from_vec(vec![[1u8, 2], [3, 4]]);
    assert!(message(to_dlpack_versioned(arrays)).contains("only supports signed/unsigned"));

    let view = ArrayView::from_slice_shape([3], &STATIC_DATA[..]).unwrap();
    assert_eq!(
        message(to_dlpack_versioned(view)),
        "DLPack: cannot export a view, which does not own its memory: export the array that \
         owns it, or a copy (to_owned())"
    );

    // The legacy struct cannot say read-only: NumPy's refusal.
    let numpy = "DLPack: Cannot export readonly array since signalling readonly is unsupported \
                 by DLPack (supported by newer DLPack version)";
    let drops = Arc::new(AtomicUsize::new(0));
    let e = to_dlpack(counted_foreign(&drops)).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!("{numpy}; the array's storage is read-only.")
    );
    assert_eq!(drops.load(SeqCst), 1, "a refused export drops the array");
    let e = to_dlpack(ArcArray::<f64, Ix1>::from_vec(vec![1.0])).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "{numpy}; the array's storage may share its memory with other arrays (an ArcArray), \
             so it is exported read-only: export an owned Array."
        )
    );
    let a = AnyArray::from_array(&grid());
    let b = a.clone();
    let e = any_to_dlpack(a).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "{numpy}; the array's memory is shared with another AnyArray, so it is exported \
             read-only."
        )
    );
    let t = any_to_dlpack(b).unwrap();
    // SAFETY: a live tensor nd just exported; released once.
    unsafe { ((*t).deleter.unwrap())(t) };
}
