//! `ndio`: arrays in files, the way NumPy writes them.
//!
//! - [`.npy` files](npy): [`load`] into a typed array, [`load_any`] whatever the dtype,
//!   [`save`], byte for byte what NumPy writes; [`read_header`] for what a file holds.
//! - [Memory maps](mmap): [`Memmap`] (NumPy's `np.memmap`, every mode), [`open_npy`] and
//!   [`create_npy`] (`np.lib.format.open_memmap`): arrays on disk, addressed in place.
//! - [`.npz` archives](npz): [`savez`], [`savez_compressed`], [`NpzReader`] member by
//!   member, [`load_npz`] all at once.
//! - [Raw binary files](raw): [`fromfile`], [`fromfile_any`] and [`tofile`], NumPy's
//!   `np.fromfile` and `a.tofile`.
//! - Zarr chunked stores (`zarr` module, feature `zarr`): arrays larger than memory, in
//!   the format zarr-python, Dask and xarray share, read and written chunk by chunk.
//!
//! ```
//! # let dir = std::env::temp_dir().join(format!("ndio-doc-{}", std::process::id()));
//! # std::fs::create_dir_all(&dir)?;
//! use ndcore::prelude::*;
//! let path = dir.join("grid.npy");
//! let a = arange(12i64).into_shape((3, 4))?;
//! ndio::save(&path, &a)?;                        // np.save("grid.npy", a)
//! let b = ndio::load::<i64, Ix2>(&path)?;        // np.load("grid.npy")
//! assert_eq!(a, b);
//! let any = ndio::load_any(&path)?;              // whatever the file holds
//! assert_eq!(format!("{any:?}"), format!("{b:?}"));
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod atomic;
#[cfg(feature = "capi")]
pub mod capi;
pub mod dlpack;
pub mod error;
pub mod foreign;
pub mod header;
pub mod interface;
pub mod mmap;
pub mod npy;
pub mod npz;
pub mod raw;
#[cfg(feature = "zarr")]
pub mod zarr;

pub use error::{Error, Result};
pub use header::{Header, Version};
pub use interface::{ArrayInterface, ArrayInterfaceSource, asarray, asarray_mut};
pub use mmap::{Flush, Memmap, MmapArray, MmapArrayMut, create_npy, open_npy};
pub use ndcore::any::AnyArray;
pub use npy::{
    LoadOptions, ToNpy, load, load_any, load_any_with, read_header, read_npy, save, save_version,
    write_npy,
};
pub use npz::{NpzReader, load_npz, savez, savez_compressed};
pub use raw::{fromfile, fromfile_any, tofile};
