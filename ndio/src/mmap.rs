//! Memory-mapped arrays (NumPy's `np.memmap` and `np.lib.format.open_memmap`): an array
//! on disk, addressed in place, with the interface of any other array.
//!
//! A mapped array is an ndcore [`ArrayBase`] whose storage is the map, so every view,
//! operator, ufunc, reduction and print works on it unchanged. The mode is in the type:
//!
//! | NumPy `mode=` | here                                  | array type            | writes go to        |
//! |---------------|---------------------------------------|-----------------------|---------------------|
//! | `'r'`         | [`Memmap::open`]`(`[`mode::R`]`)`     | [`MmapArray`]         | (does not compile)  |
//! | `'r+'`        | [`Memmap::open`]`(`[`mode::RPlus`]`)` | [`MmapArrayMut`]      | the file            |
//! | `'c'`         | [`Memmap::open`]`(`[`mode::C`]`)`     | [`MmapArrayMut`]      | memory only         |
//! | `'w+'`        | [`Memmap::create`]                    | [`MmapArrayMut`]      | the file (created)  |
//!
//! ```
//! # let dir = std::env::temp_dir().join(format!("ndio-doc-mm-{}", std::process::id()));
//! # std::fs::create_dir_all(&dir)?;
//! use ndcore::prelude::*;
//! use ndio::mmap::{Flush, Memmap, mode};
//! let path = dir.join("myarray.memmap");
//! // a = np.memmap(path, mode='w+', shape=(300, 300), dtype=np.int64)
//! let mut a = Memmap::new(&path).shape((300, 300)).create::<i64, Ix2>()?;
//! a.as_slice_mut().unwrap().iter_mut().enumerate().for_each(|(i, v)| *v = i as i64);
//! a.flush()?;
//! // b = np.memmap(path, mode='r', dtype=np.int64, shape=(300, 300))
//! let b = Memmap::new(&path).shape((300, 300)).open::<i64, Ix2, _>(mode::R)?;
//! assert_eq!(b[[299, 299]], 89_999);
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Files changed by others while mapped
//! A map shows the file as it is now. If another process truncates the file while it is
//! mapped, reading the lost pages raises `SIGBUS` and ends the process (NumPy crashes the
//! same way); if it rewrites bytes, the array's values change under it. memmap2 leaves this
//! to the caller, and so do we: the size is checked when the map is made, not after.
//! Map only files no one else truncates, or [`load`](crate::load) them into memory.
//! Typed maps are limited to element types that accept any bytes (not `bool`), so that
//! whatever another process writes is a valid value; map booleans as `u8` and
//! [`view_as::<bool>`](ndcore::ArrayRef::view_as), which checks them.

use std::fs::{File, OpenOptions};
use std::marker::PhantomData;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use bytemuck::AnyBitPattern;
use memmap2::{Mmap, MmapMut, MmapOptions};
use ndcore::storage::{Data, DataMut, RawData, RawDataClone, Span};
use ndcore::{ArrayBase, Dimension, Element, IntoDimension, Order};

use crate::error::{Error, Result};

/// A read-only map (mode `'r'`): arrays over it cannot be written, which the compiler
/// checks. Clones share the map.
pub struct MmapRepr<T> {
    map: Arc<Mmap>,
    _elem: PhantomData<T>,
}

/// A writable map: of the file (modes `'r+'` and `'w+'`), or private to this process (mode
/// `'c'`, copy-on-write: the file never changes).
pub struct MmapMutRepr<T> {
    map: MmapMut,
    path: PathBuf,
    copy_on_write: bool,
    _elem: PhantomData<T>,
}

/// A read-only memory-mapped array (NumPy's `np.memmap(..., mode='r')`).
pub type MmapArray<T, D> = ArrayBase<MmapRepr<T>, D>;

/// A writable memory-mapped array (modes `'r+'`, `'w+'` and `'c'`).
pub type MmapArrayMut<T, D> = ArrayBase<MmapMutRepr<T>, D>;

fn span_of(bytes: &[u8]) -> Span {
    Span {
        start: bytes.as_ptr(),
        len: bytes.len(),
    }
}

// SAFETY: the span is the mapped bytes, which stay mapped at the same address while the
// Arc'd map lives (moving the storage moves only the Arc).
unsafe impl<T> RawData for MmapRepr<T> {
    type Elem = T;
    const WRITEABLE: bool = false;
    const OWNS_DATA: bool = false;
    const REPR_NAME: &'static str = "memmap";
    fn span(&self) -> Option<Span> {
        Some(span_of(&self.map))
    }
}
// SAFETY: mapped file bytes are initialized; `T` accepts any bit pattern, so every byte
// is a valid `T` whatever the file holds. The map is never written through this storage.
unsafe impl<T: AnyBitPattern> Data for MmapRepr<T> {}
// SAFETY: the clone shares the same map, so the pointer stays valid unchanged.
unsafe impl<T> RawDataClone for MmapRepr<T> {
    fn clone_with_ptr(&self, ptr: std::ptr::NonNull<T>) -> (Self, std::ptr::NonNull<T>) {
        (
            MmapRepr {
                map: Arc::clone(&self.map),
                _elem: PhantomData,
            },
            ptr,
        )
    }
}

// SAFETY: the span is the mapped bytes; moving `MmapMut` does not move the mapping.
unsafe impl<T> RawData for MmapMutRepr<T> {
    type Elem = T;
    const WRITEABLE: bool = true;
    const OWNS_DATA: bool = false;
    const REPR_NAME: &'static str = "memmap";
    fn span(&self) -> Option<Span> {
        Some(span_of(&self.map))
    }
}
// SAFETY: as for MmapRepr: initialized bytes, any of them a valid `T`.
unsafe impl<T: AnyBitPattern> Data for MmapMutRepr<T> {}
// SAFETY: the storage cannot be cloned (no RawDataClone), so the one array that owns it
// is the only way to its memory within this process.
unsafe impl<T: AnyBitPattern> DataMut for MmapMutRepr<T> {}

impl<T> MmapMutRepr<T> {
    /// Writes changes back to the file and waits for the write (NumPy's `flush()`); a
    /// copy-on-write map has nothing to write.
    ///
    /// # Errors
    /// The system's, naming the file.
    pub fn flush(&self) -> Result<()> {
        if self.copy_on_write {
            return Ok(());
        }
        self.map
            .flush()
            .map_err(|e| Error::io(&self.path, "flush", e))
    }

    /// Writes back the bytes `[offset, offset + len)` of the mapped data (from the first
    /// mapped byte, which is the map's `offset` in the file).
    ///
    /// # Errors
    /// The system's; a range past the end of the map.
    pub fn flush_range(&self, offset: usize, len: usize) -> Result<()> {
        if offset
            .checked_add(len)
            .is_none_or(|end| end > self.map.len())
        {
            return Err(Error::mismatch(
                &self.path,
                format!(
                    "flush range {offset}..{} is past the end of the map ({} bytes)",
                    offset.saturating_add(len),
                    self.map.len()
                ),
            ));
        }
        if self.copy_on_write {
            return Ok(());
        }
        self.map
            .flush_range(offset, len)
            .map_err(|e| Error::io(&self.path, "flush", e))
    }

    /// Whether this is a copy-on-write map (mode `'c'`).
    pub fn is_copy_on_write(&self) -> bool {
        self.copy_on_write
    }
}

/// `flush()` on a writable mapped array, as NumPy's `memmap.flush()`.
pub trait Flush {
    /// Writes changes back to the file (nothing to do for copy-on-write maps).
    ///
    /// # Errors
    /// The system's, naming the file.
    fn flush(&self) -> Result<()>;
    /// Writes back bytes `[offset, offset + len)` of the mapped data.
    ///
    /// # Errors
    /// The system's; a range past the end of the map.
    fn flush_range(&self, offset: usize, len: usize) -> Result<()>;
}

impl<T, D: Dimension> Flush for ArrayBase<MmapMutRepr<T>, D> {
    fn flush(&self) -> Result<()> {
        self.storage().flush()
    }
    fn flush_range(&self, offset: usize, len: usize) -> Result<()> {
        self.storage().flush_range(offset, len)
    }
}

/// The modes an existing file can be mapped in, as types: `R`, `RPlus`, `C`.
pub mod mode {
    /// `mode='r'`: read-only.
    #[derive(Debug, Clone, Copy)]
    pub struct R;
    /// `mode='r+'`: read and write the file.
    #[derive(Debug, Clone, Copy)]
    pub struct RPlus;
    /// `mode='c'`: copy-on-write; changes stay in memory, the file never changes.
    #[derive(Debug, Clone, Copy)]
    pub struct C;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::mode::R {}
    impl Sealed for super::mode::RPlus {}
    impl Sealed for super::mode::C {}
}

/// A mode an existing file can be opened in ([`mode::R`], [`mode::RPlus`], [`mode::C`]),
/// and the storage it gives.
pub trait OpenMode: sealed::Sealed {
    /// The storage of arrays mapped in this mode.
    type Repr<T: Element + AnyBitPattern>: RawData<Elem = T>;
    /// Whether the file is opened for writing.
    const WRITE: bool;
    /// Maps `len` bytes of `file` from `offset`.
    #[doc(hidden)]
    fn map<T: Element + AnyBitPattern>(
        file: &File,
        path: &Path,
        offset: u64,
        len: usize,
    ) -> std::io::Result<Self::Repr<T>>;
}

impl OpenMode for mode::R {
    type Repr<T: Element + AnyBitPattern> = MmapRepr<T>;
    const WRITE: bool = false;
    fn map<T: Element + AnyBitPattern>(
        file: &File,
        _path: &Path,
        offset: u64,
        len: usize,
    ) -> std::io::Result<MmapRepr<T>> {
        // SAFETY: memmap2's contract: the file must not be truncated or changed underneath
        // the map; see the module's documentation for what that means for users. Any bytes
        // are valid `T`s, so changed contents cannot make invalid values.
        let map = unsafe { MmapOptions::new().offset(offset).len(len).map(file)? };
        Ok(MmapRepr {
            map: Arc::new(map),
            _elem: PhantomData,
        })
    }
}

impl OpenMode for mode::RPlus {
    type Repr<T: Element + AnyBitPattern> = MmapMutRepr<T>;
    const WRITE: bool = true;
    fn map<T: Element + AnyBitPattern>(
        file: &File,
        path: &Path,
        offset: u64,
        len: usize,
    ) -> std::io::Result<MmapMutRepr<T>> {
        // SAFETY: as for mode R.
        let map = unsafe { MmapOptions::new().offset(offset).len(len).map_mut(file)? };
        Ok(MmapMutRepr {
            map,
            path: path.to_path_buf(),
            copy_on_write: false,
            _elem: PhantomData,
        })
    }
}

impl OpenMode for mode::C {
    type Repr<T: Element + AnyBitPattern> = MmapMutRepr<T>;
    const WRITE: bool = false;
    fn map<T: Element + AnyBitPattern>(
        file: &File,
        path: &Path,
        offset: u64,
        len: usize,
    ) -> std::io::Result<MmapMutRepr<T>> {
        // SAFETY: as for mode R; the private map's pages are copied on first write, so
        // writes never reach the file.
        let map = unsafe { MmapOptions::new().offset(offset).len(len).map_copy(file)? };
        Ok(MmapMutRepr {
            map,
            path: path.to_path_buf(),
            copy_on_write: true,
            _elem: PhantomData,
        })
    }
}

/// Where and how to map a file: NumPy's `np.memmap(filename, dtype, mode, offset, shape,
/// order)`, with the dtype and mode given when the map is made.
#[derive(Debug, Clone)]
pub struct Memmap {
    path: PathBuf,
    offset: u64,
    shape: Option<std::result::Result<Vec<usize>, String>>,
    order: Order,
}

impl Memmap {
    /// A map of the file at `path`, from its first byte, 1-D over the whole file, C order.
    pub fn new(path: impl AsRef<Path>) -> Memmap {
        Memmap {
            path: path.as_ref().to_path_buf(),
            offset: 0,
            shape: None,
            order: Order::C,
        }
    }

    /// The byte in the file where the array starts (any multiple of the element's
    /// alignment; the map starts at the page before it).
    pub fn offset(mut self, bytes: u64) -> Memmap {
        self.offset = bytes;
        self
    }

    /// The array's shape (omitted: 1-D over what the file holds from the offset).
    pub fn shape<Sh: IntoDimension>(mut self, shape: Sh) -> Memmap {
        self.shape = Some(
            shape
                .into_dimension()
                .map(|d| d.as_ref().to_vec())
                .map_err(|e| e.to_string()),
        );
        self
    }

    /// C (row-major, the default) or Fortran (column-major) order of the data in the file.
    pub fn order(mut self, order: Order) -> Memmap {
        self.order = order;
        self
    }

    /// The shape to map and its byte size, checked against the file's length.
    fn layout<T: Element, D: Dimension>(&self, file_len: Option<u64>) -> Result<(D, usize)> {
        let path = &self.path;
        let itemsize = std::mem::size_of::<T>();
        let dtype = T::dtype().name();
        if !self.offset.is_multiple_of(std::mem::align_of::<T>() as u64) {
            return Err(Error::mismatch(
                path,
                format!(
                    "offset {} is not a multiple of {}, the alignment of {dtype}: the \
                     elements would be misaligned (map it as uint8, or read it with fromfile)",
                    self.offset,
                    std::mem::align_of::<T>()
                ),
            ));
        }
        let shape = match &self.shape {
            Some(Ok(shape)) => shape.clone(),
            Some(Err(e)) => return Err(Error::mismatch(path, e.clone())),
            None => {
                let Some(len) = file_len else {
                    return Err(Error::mismatch(
                        path,
                        "shape must be given to create a file",
                    ));
                };
                let bytes = len.checked_sub(self.offset).ok_or_else(|| {
                    Error::mismatch(
                        path,
                        format!(
                            "offset {} is past the end of the file ({len} bytes)",
                            self.offset
                        ),
                    )
                })?;
                if bytes % itemsize as u64 != 0 {
                    return Err(Error::mismatch(
                        path,
                        format!(
                            "Size of available data is not a multiple of the data-type size: \
                             {bytes} bytes from offset {} of {dtype} ({itemsize} bytes)",
                            self.offset
                        ),
                    ));
                }
                vec![usize::try_from(bytes / itemsize as u64).unwrap_or(usize::MAX)]
            }
        };
        let dim = D::from_slice(&shape).map_err(|e| {
            Error::mismatch(
                path,
                format!("{e} (shape {} for the map)", ndcore::fmt::py_tuple(&shape)),
            )
        })?;
        let (_, nbytes) = ndcore::layout::checked_size(&shape, itemsize)?;
        if nbytes == 0 {
            return Err(Error::mismatch(
                path,
                format!(
                    "cannot map an empty array (shape {}): a map needs at least one byte",
                    ndcore::fmt::py_tuple(&shape)
                ),
            ));
        }
        if let Some(len) = file_len {
            let need = self.offset.saturating_add(nbytes as u64);
            if need > len {
                return Err(Error::mismatch(
                    path,
                    format!(
                        "mmap length is greater than file size: offset {} + shape {} of {dtype} \
                         needs {need} bytes, the file has {len}",
                        self.offset,
                        ndcore::fmt::py_tuple(&shape)
                    ),
                ));
            }
        }
        Ok((dim, nbytes))
    }

    fn strides<T, D: Dimension>(&self, dim: &D) -> Vec<isize> {
        let mut strides = vec![0isize; dim.ndim()];
        ndcore::layout::contiguous_strides(
            dim.as_ref(),
            std::mem::size_of::<T>(),
            self.order,
            &mut strides,
        );
        strides
    }

    /// Maps an existing file in mode `'r'`, `'r+'` or `'c'` ([`mode::R`], [`mode::RPlus`],
    /// [`mode::C`]).
    ///
    /// # Errors
    /// The file cannot be opened or mapped; the file is shorter than offset + shape
    /// (NumPy's `mmap length is greater than file size`); no shape and a size that is not
    /// a whole number of elements; an offset that would misalign the elements; an empty
    /// shape; a shape of another rank than `D`.
    pub fn open<T, D, M>(&self, _mode: M) -> Result<ArrayBase<M::Repr<T>, D>>
    where
        T: Element + AnyBitPattern,
        D: Dimension,
        M: OpenMode,
    {
        let path = &self.path;
        let file = OpenOptions::new()
            .read(true)
            .write(M::WRITE)
            .open(path)
            .map_err(|e| Error::io(path, "open", e))?;
        let len = file
            .metadata()
            .map_err(|e| Error::io(path, "stat", e))?
            .len();
        let (dim, nbytes) = self.layout::<T, D>(Some(len))?;
        let repr =
            M::map::<T>(&file, path, self.offset, nbytes).map_err(|e| Error::io(path, "map", e))?;
        let strides = self.strides::<T, D>(&dim);
        Ok(ArrayBase::from_storage(repr, 0, dim, strides.as_slice())?)
    }

    /// Creates (or overwrites) the file and maps it for reading and writing (NumPy's mode
    /// `'w+'`): the file is sized to offset + shape, zero-filled.
    ///
    /// # Errors
    /// No shape given; the file cannot be created, sized or mapped; as [`open`](Self::open)
    /// for the layout.
    pub fn create<T, D>(&self) -> Result<MmapArrayMut<T, D>>
    where
        T: Element + AnyBitPattern,
        D: Dimension,
    {
        let path = &self.path;
        let (dim, nbytes) = self.layout::<T, D>(None)?;
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(path)
            .map_err(|e| Error::io(path, "create", e))?;
        file.set_len(self.offset + nbytes as u64)
            .map_err(|e| Error::io(path, "size", e))?;
        let repr = <mode::RPlus as OpenMode>::map::<T>(&file, path, self.offset, nbytes)
            .map_err(|e| Error::io(path, "map", e))?;
        let strides = self.strides::<T, D>(&dim);
        Ok(ArrayBase::from_storage(repr, 0, dim, strides.as_slice())?)
    }
}

/// Maps a `.npy` file (NumPy's `np.load(path, mmap_mode=...)` and
/// `np.lib.format.open_memmap(path, mode)` for an existing file).
///
/// # Errors
/// As [`load`](crate::load) for the header and the dtype and rank; a big-endian file (a map
/// cannot convert byte order: [`load`](crate::load) it instead); an empty array; as
/// [`Memmap::open`].
///
/// ```
/// # let dir = std::env::temp_dir().join(format!("ndio-doc-on-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir)?;
/// use ndcore::prelude::*;
/// use ndio::mmap::{Flush, mode, open_npy};
/// let path = dir.join("a.npy");
/// ndio::save(&path, &arange(6.0).into_shape((2, 3))?)?;
/// let mut a = open_npy::<f64, Ix2, _>(&path, mode::RPlus)?;
/// a[[1, 2]] = -1.0;
/// a.flush()?;
/// assert_eq!(ndio::load::<f64, Ix2>(&path)?[[1, 2]], -1.0);
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn open_npy<T, D, M>(path: impl AsRef<Path>, mode: M) -> Result<ArrayBase<M::Repr<T>, D>>
where
    T: Element + AnyBitPattern,
    D: Dimension,
    M: OpenMode,
{
    let path = path.as_ref();
    let h = crate::npy::read_header(path)?;
    if crate::npy::check_typed::<T, D>(&h, path)? {
        return Err(Error::mismatch(
            path,
            format!(
                "the file holds {} in {} byte order ('{}'): a memory map cannot convert \
                 byte order; load it into memory with ndio::load",
                h.dtype.name(),
                if cfg!(target_endian = "little") {
                    "big-endian"
                } else {
                    "little-endian"
                },
                h.dtype.typestr()
            ),
        ));
    }
    let order = if h.fortran_order { Order::F } else { Order::C };
    Memmap::new(path)
        .offset(h.data_offset as u64)
        .shape(h.shape.as_slice())
        .order(order)
        .open::<T, D, M>(mode)
}

/// Creates a `.npy` file of `shape` and maps it for writing (NumPy's
/// `np.lib.format.open_memmap(path, mode='w+', dtype, shape, fortran_order)`): the header
/// NumPy writes, then zeros.
///
/// # Errors
/// As [`Memmap::create`].
pub fn create_npy<T, D, Sh>(
    path: impl AsRef<Path>,
    shape: Sh,
    fortran_order: bool,
) -> Result<MmapArrayMut<T, D>>
where
    T: Element + AnyBitPattern,
    D: Dimension,
    Sh: IntoDimension<Dim = D>,
{
    use std::io::Write;
    let path = path.as_ref();
    let dim = shape.into_dimension()?;
    let header = crate::header::write_header(&T::dtype(), fortran_order, dim.as_ref(), None)
        .map_err(|e| Error::format(path, e))?;
    let (_, nbytes) = ndcore::layout::checked_size(dim.as_ref(), std::mem::size_of::<T>())?;
    {
        let mut file = File::create(path).map_err(|e| Error::io(path, "create", e))?;
        file.write_all(&header)
            .map_err(|e| Error::io(path, "write", e))?;
        file.set_len((header.len() + nbytes) as u64)
            .map_err(|e| Error::io(path, "size", e))?;
    }
    let order = if fortran_order { Order::F } else { Order::C };
    Memmap::new(path)
        .offset(header.len() as u64)
        .shape(dim)
        .order(order)
        .open::<T, D, _>(mode::RPlus)
}
