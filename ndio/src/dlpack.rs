//! DLPack: arrays shared with other libraries (PyTorch, JAX, CuPy, NumPy's `from_dlpack`)
//! without a copy, through the C structs of `dlpack.h`.
//!
//! - Export: [`to_dlpack_versioned`] (DLPack 1.x, the current protocol) and [`to_dlpack`]
//!   (the legacy unversioned struct) move a typed array into a `DLManagedTensor…` whose
//!   deleter drops it; [`any_to_dlpack_versioned`] and [`any_to_dlpack`] do the same for an
//!   [`AnyArray`].
//! - Import: [`from_dlpack_versioned`] and [`from_dlpack`] take a producer's tensor and give
//!   an [`Imported`] block that becomes an [`AnyArray`] or a typed [`ForeignArray`]; the
//!   producer's deleter runs once, when the last array over it is dropped.
//!
//! What crosses the border is what NumPy's `dlpack.c` lets cross: CPU memory (and the
//! host-visible CUDA/ROCm kinds on import), bool, integers, IEEE floats of 2 to 8 bytes and
//! complex numbers of 8 or 16, native byte order, one lane, strides in elements.
//!
//! ```
//! use ndcore::prelude::*;
//! use ndio::dlpack::{from_dlpack_versioned, to_dlpack_versioned};
//! let a = arange(6i64).into_shape([2, 3])?.reversed_axes();
//! let data = a.as_ptr();
//! let tensor = to_dlpack_versioned(a)?; // hand this to another library…
//! // SAFETY: the tensor comes from `to_dlpack_versioned` and is not used again.
//! let b = unsafe { from_dlpack_versioned(tensor) }?.into_array::<i64, Ix2>()?;
//! assert_eq!(b.shape(), &[3, 2]);
//! assert_eq!(b[[2, 1]], 5);
//! assert_eq!(b.as_ptr(), data); // the same memory, no copy
//! # Ok::<(), ndio::Error>(())
//! ```

mod export;
mod import;

use std::ffi::c_void;

use crate::error::Error;

pub use export::{any_to_dlpack, any_to_dlpack_versioned, to_dlpack, to_dlpack_versioned};
pub use import::{Imported, from_dlpack, from_dlpack_versioned};

#[cfg(doc)]
use {crate::foreign::ForeignArray, ndcore::any::AnyArray};

/// The major version of `dlpack.h` these structs follow (NumPy 2.x vendors 1.0).
pub const DLPACK_MAJOR_VERSION: u32 = 1;
/// The minor version of `dlpack.h` these structs follow.
pub const DLPACK_MINOR_VERSION: u32 = 0;
/// [`DLManagedTensorVersioned::flags`] bit: the consumer must not write the memory.
pub const DLPACK_FLAG_BITMASK_READ_ONLY: u64 = 1 << 0;
/// [`DLManagedTensorVersioned::flags`] bit: the producer made a copy, which the consumer
/// owns alone until it calls the deleter.
pub const DLPACK_FLAG_BITMASK_IS_COPIED: u64 = 1 << 1;

/// NumPy's `NPY_MAXDIMS`, nd's limit too.
const MAX_DIMS: i32 = 64;

fn err(why: impl Into<String>) -> Error {
    Error::exchange("DLPack", why)
}

/// `DLPackVersion`: the ABI version of a [`DLManagedTensorVersioned`].
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DLPackVersion {
    /// Changes when the layout of [`DLManagedTensorVersioned`] changes.
    pub major: u32,
    /// Changes when codes or device types are added.
    pub minor: u32,
}

/// `DLDeviceType`: where the memory lives. A C enum of `int32_t`; any value can arrive
/// from C, so it is a number with named constants rather than a Rust enum.
#[repr(transparent)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DLDeviceType(pub i32);

impl DLDeviceType {
    /// `kDLCPU`: ordinary host memory.
    pub const CPU: DLDeviceType = DLDeviceType(1);
    /// `kDLCUDA`: CUDA GPU memory.
    pub const CUDA: DLDeviceType = DLDeviceType(2);
    /// `kDLCUDAHost`: pinned host memory from `cudaMallocHost`.
    pub const CUDA_HOST: DLDeviceType = DLDeviceType(3);
    /// `kDLOpenCL`.
    pub const OPENCL: DLDeviceType = DLDeviceType(4);
    /// `kDLVulkan`.
    pub const VULKAN: DLDeviceType = DLDeviceType(7);
    /// `kDLMetal`.
    pub const METAL: DLDeviceType = DLDeviceType(8);
    /// `kDLVPI`: Verilog simulator buffer.
    pub const VPI: DLDeviceType = DLDeviceType(9);
    /// `kDLROCM`: AMD GPU memory.
    pub const ROCM: DLDeviceType = DLDeviceType(10);
    /// `kDLROCMHost`: pinned host memory from `hipMallocHost`.
    pub const ROCM_HOST: DLDeviceType = DLDeviceType(11);
    /// `kDLExtDev`: reserved for tests of extension devices.
    pub const EXT_DEV: DLDeviceType = DLDeviceType(12);
    /// `kDLCUDAManaged`: unified memory from `cudaMallocManaged`.
    pub const CUDA_MANAGED: DLDeviceType = DLDeviceType(13);
    /// `kDLOneAPI`.
    pub const ONE_API: DLDeviceType = DLDeviceType(14);
    /// `kDLWebGPU`.
    pub const WEB_GPU: DLDeviceType = DLDeviceType(15);
    /// `kDLHexagon`: Qualcomm Hexagon DSP.
    pub const HEXAGON: DLDeviceType = DLDeviceType(16);
    /// `kDLMAIA`: Microsoft MAIA.
    pub const MAIA: DLDeviceType = DLDeviceType(17);

    /// Whether this process can read the memory as it is: CPU memory and the pinned or
    /// managed host memory of CUDA and ROCm (the device types NumPy's `from_dlpack`
    /// accepts).
    pub fn is_host_accessible(self) -> bool {
        [
            Self::CPU,
            Self::CUDA_HOST,
            Self::ROCM_HOST,
            Self::CUDA_MANAGED,
        ]
        .contains(&self)
    }
}

/// `DLDevice`: a device type and its index.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DLDevice {
    /// The kind of device.
    pub device_type: DLDeviceType,
    /// Which one of them (0 for CPU memory).
    pub device_id: i32,
}

impl DLDevice {
    /// `{kDLCPU, 0}`, where every array nd exports lives.
    pub const CPU: DLDevice = DLDevice {
        device_type: DLDeviceType::CPU,
        device_id: 0,
    };
}

/// `DLDataTypeCode`: the family of an element type. The header stores it in a `uint8_t`.
#[repr(transparent)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DLDataTypeCode(pub u8);

impl DLDataTypeCode {
    /// `kDLInt`: signed integer.
    pub const INT: DLDataTypeCode = DLDataTypeCode(0);
    /// `kDLUInt`: unsigned integer.
    pub const UINT: DLDataTypeCode = DLDataTypeCode(1);
    /// `kDLFloat`: IEEE floating point.
    pub const FLOAT: DLDataTypeCode = DLDataTypeCode(2);
    /// `kDLOpaqueHandle`: reserved for tests.
    pub const OPAQUE_HANDLE: DLDataTypeCode = DLDataTypeCode(3);
    /// `kDLBfloat`: bfloat16 (nd has no such type).
    pub const BFLOAT: DLDataTypeCode = DLDataTypeCode(4);
    /// `kDLComplex`: two IEEE floats side by side.
    pub const COMPLEX: DLDataTypeCode = DLDataTypeCode(5);
    /// `kDLBool`: one byte holding 0 or 1.
    pub const BOOL: DLDataTypeCode = DLDataTypeCode(6);

    /// The header's name for the code (`kDLFloat`), if it has one.
    fn name(self) -> Option<&'static str> {
        Some(match self.0 {
            0 => "kDLInt",
            1 => "kDLUInt",
            2 => "kDLFloat",
            3 => "kDLOpaqueHandle",
            4 => "kDLBfloat",
            5 => "kDLComplex",
            6 => "kDLBool",
            _ => return None,
        })
    }
}

/// `DLDataType`: an element type as a code, a size in bits and a number of lanes.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DLDataType {
    /// The family.
    pub code: DLDataTypeCode,
    /// Bits per lane (`float64`: 64, `complex64`: 64, `bool`: 8).
    pub bits: u8,
    /// Lanes of a vector type; 1 for everything nd knows.
    pub lanes: u16,
}

/// `DLTensor`: memory described by a pointer, a device, a shape, element strides and a
/// type. It manages nothing.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct DLTensor {
    /// The memory; the first element is `byte_offset` bytes further.
    pub data: *mut c_void,
    /// Where the memory lives.
    pub device: DLDevice,
    /// The number of axes.
    pub ndim: i32,
    /// The element type.
    pub dtype: DLDataType,
    /// `ndim` axis lengths (may be null when `ndim` is 0).
    pub shape: *mut i64,
    /// `ndim` strides in elements, not bytes; null for a C-contiguous tensor.
    pub strides: *mut i64,
    /// Bytes from `data` to the first element.
    pub byte_offset: u64,
}

/// `DLManagedTensor`: the legacy (pre-1.0, unversioned) managed tensor. It cannot say that
/// its memory is read-only.
#[repr(C)]
#[derive(Debug)]
pub struct DLManagedTensor {
    /// The tensor.
    pub dl_tensor: DLTensor,
    /// The producer's context (may be null).
    pub manager_ctx: *mut c_void,
    /// Releases the tensor and this struct; null if there is nothing to release.
    pub deleter: Option<unsafe extern "C" fn(*mut DLManagedTensor)>,
}

/// `DLManagedTensorVersioned`: the DLPack 1.x managed tensor, with a version and flags.
#[repr(C)]
#[derive(Debug)]
pub struct DLManagedTensorVersioned {
    /// The ABI version; a consumer reads nothing but this (and the deleter) when the major
    /// version is not its own.
    pub version: DLPackVersion,
    /// The producer's context (may be null).
    pub manager_ctx: *mut c_void,
    /// Releases the tensor and this struct; null if there is nothing to release.
    pub deleter: Option<unsafe extern "C" fn(*mut DLManagedTensorVersioned)>,
    /// [`DLPACK_FLAG_BITMASK_READ_ONLY`], [`DLPACK_FLAG_BITMASK_IS_COPIED`].
    pub flags: u64,
    /// The tensor.
    pub dl_tensor: DLTensor,
}

// The layouts of dlpack.h on 64-bit targets: a mistake here fails to compile.
#[cfg(target_pointer_width = "64")]
const _: () = {
    use std::mem::{offset_of, size_of};
    assert!(size_of::<DLDevice>() == 8 && size_of::<DLDataType>() == 4);
    assert!(offset_of!(DLTensor, device) == 8 && offset_of!(DLTensor, ndim) == 16);
    assert!(offset_of!(DLTensor, dtype) == 20 && offset_of!(DLTensor, shape) == 24);
    assert!(offset_of!(DLTensor, strides) == 32 && offset_of!(DLTensor, byte_offset) == 40);
    assert!(size_of::<DLTensor>() == 48);
    assert!(offset_of!(DLManagedTensor, manager_ctx) == 48);
    assert!(offset_of!(DLManagedTensor, deleter) == 56 && size_of::<DLManagedTensor>() == 64);
    assert!(offset_of!(DLManagedTensorVersioned, manager_ctx) == 8);
    assert!(offset_of!(DLManagedTensorVersioned, deleter) == 16);
    assert!(offset_of!(DLManagedTensorVersioned, flags) == 24);
    assert!(offset_of!(DLManagedTensorVersioned, dl_tensor) == 32);
    assert!(size_of::<DLManagedTensorVersioned>() == 80);
};

#[cfg(test)]
mod tests {
    use super::export::{dl_dtype, sole_writer};
    use super::import::nd_dtype;
    use super::*;
    use crate::foreign::{ForeignMutRepr, ForeignRepr};
    use crate::mmap::MmapMutRepr;
    use ndcore::dtype::DType;
    use ndcore::storage::{OwnedArcRepr, OwnedRepr, ViewRepr};

    #[test]
    fn nd_dtypes_and_dlpack_types_map_both_ways() {
        for descr in [
            "|b1", "|i1", "=i2", "=i4", "=i8", "|u1", "=u2", "=u4", "=u8",
        ] {
            let dt = DType::from_typestr(descr).unwrap();
            assert_eq!(nd_dtype(dl_dtype(&dt).unwrap()).unwrap(), dt, "{descr}");
        }
        for descr in ["=f2", "=f4", "=f8", "=c8", "=c16"] {
            let dt = DType::from_typestr(descr).unwrap();
            assert_eq!(nd_dtype(dl_dtype(&dt).unwrap()).unwrap(), dt, "{descr}");
        }
        let c = dl_dtype(&DType::complex(8).unwrap()).unwrap();
        assert_eq!((c.code, c.bits, c.lanes), (DLDataTypeCode::COMPLEX, 64, 1));
        for descr in ["<f16", "<c32", "<M8[ns]", "|S3", "<U2", "|V4"] {
            assert!(
                dl_dtype(&DType::from_typestr(descr).unwrap()).is_err(),
                "{descr}"
            );
        }
    }

    #[test]
    fn only_unshared_writable_storages_export_writable() {
        assert!(sole_writer::<OwnedRepr<f64>>());
        assert!(sole_writer::<ForeignMutRepr<u8>>());
        assert!(sole_writer::<MmapMutRepr<i32>>());
        assert!(!sole_writer::<OwnedArcRepr<f64>>());
        assert!(!sole_writer::<ForeignRepr<f64>>());
        assert!(!sole_writer::<ViewRepr<&'static mut f64>>());
    }
}
