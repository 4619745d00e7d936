//! Zarr chunked stores in a directory (`zarr.open_array` / `zarr.create_array` of
//! zarr-python, `dask.array.from_zarr`): arrays larger than memory, read and written region
//! by region or chunk by chunk, in the format Dask, xarray and zarr-python share. Zarr v3
//! arrays are read and written; Zarr v2 arrays (zarr-python 2, older Dask) are read and
//! written in place. Built on the [`zarrs`] crate; behind ndio's `zarr` feature.
//!
//! ```
//! # fn main() -> ndio::Result<()> {
//! use ndcore::prelude::*;
//! use ndio::zarr::{Compressor, ZarrArray};
//! let dir = std::env::temp_dir().join(format!("nd-zarr-doc-{}", std::process::id()));
//! // zarr.create_array(store=dir, name="grid", shape=(6, 4), chunks=(4, 4), dtype="f8")
//! let z = ZarrArray::create::<f64>(&dir, "grid", &[6, 4], &[4, 4])
//!     .fill_value(f64::NAN)
//!     .compressor(Compressor::Zstd(3))
//!     .build()?;
//! let x = arange(24.0).into_shape([6, 4]).unwrap();
//! z.write(&[0, 0], &x)?; // z[:] = x
//! let tail = z.read_slice::<f64, _>(&s![4.., ..;2])?; // z[4:, ::2]
//! assert_eq!(tail.to_vec(), vec![16.0, 18.0, 20.0, 22.0]);
//! // Chunk by chunk on nd's threads, one chunk per thread in memory at a time.
//! let sums = z.map_chunks(|_chunk, a: ArrayD<f64>| Ok(a.iter().sum::<f64>()))?;
//! assert_eq!(sums.iter().sum::<f64>(), 276.0);
//! # std::fs::remove_dir_all(&dir).ok();
//! # Ok(())
//! # }
//! ```
//!
//! What differs from zarr-python: element types are Rust's (`bool`, integers of 8 to 64
//! bits, `f32`, `f64`), checked against the store's on every read and write; a region is
//! given with `s![]` (steps and negative indices as NumPy's; the chunks spanning the
//! region's bounding box are read) or as ranges; a write covers one rectangular region.
//! Each chunk (and metadata document) is written whole under a temporary name and renamed
//! into place: a write interrupted by a crash or a full disk leaves every chunk either as
//! it was or as written, never torn.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ndcore::dimension::IxDyn;
use ndcore::slice::{Resolved, SliceArg, SliceInfoElem, resolve_selection};
use ndcore::{Array, ArrayD, ArrayRef, Dimension, Element};
use zarrs::array::{
    Array as Stored, ArrayBuilder, ArrayShardedExt, ArraySubset, ArrayToBytesCodecTraits, DataType,
    ElementOwned,
};
use zarrs::filesystem::FilesystemStore;

use self::decode::disjoint_view;
use self::store::AtomicStore;

use crate::error::{Error, Result};

mod decode;
mod store;

/// The element types a Zarr array holds, with the Zarr data type of each.
pub trait ZarrElement: Element + ElementOwned {
    /// The Zarr data type (`float64`, `int32`, `bool`, …).
    fn zarr_data_type() -> DataType;
    /// The elements' bytes, writable, where any bytes are a valid element (not `bool`):
    /// chunks are then decoded straight into an array's memory.
    fn bytes_mut(s: &mut [Self]) -> Option<&mut [u8]>;
}

macro_rules! zarr_element {
    ($($t:ty => $f:ident),* $(,)?) => {$(
        impl ZarrElement for $t {
            fn zarr_data_type() -> DataType {
                zarrs::array::data_type::$f()
            }
            fn bytes_mut(s: &mut [Self]) -> Option<&mut [u8]> {
                Some(bytemuck::cast_slice_mut(s))
            }
        }
    )*};
}
zarr_element!(
    i8 => int8, i16 => int16, i32 => int32, i64 => int64,
    u8 => uint8, u16 => uint16, u32 => uint32, u64 => uint64,
    f32 => float32, f64 => float64,
);

impl ZarrElement for bool {
    fn zarr_data_type() -> DataType {
        zarrs::array::data_type::bool()
    }
    fn bytes_mut(_: &mut [Self]) -> Option<&mut [u8]> {
        None
    }
}

/// How new arrays compress their chunks (zarr-python's `compressors=`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Compressor {
    /// Stored as raw bytes.
    None,
    /// `GzipCodec(level)`, level 0–9.
    Gzip(u32),
    /// `ZstdCodec(level)`, zarr-python's default (at level 0).
    Zstd(i32),
    /// `BloscCodec(cname="lz4"|"zstd", clevel, shuffle="shuffle")`, the byte shuffle on.
    Blosc {
        /// `lz4` when false, `zstd` when true.
        zstd: bool,
        /// Compression level 0–9.
        level: u8,
    },
}

/// Builds a new Zarr v3 array in a directory store: [`ZarrArray::create`].
#[must_use = "nothing is written until build()"]
pub struct ZarrArrayBuilder<T: ZarrElement> {
    dir: PathBuf,
    path: String,
    shape: Vec<u64>,
    chunks: Vec<u64>,
    fill: T,
    compressor: Compressor,
    shards: Option<Vec<u64>>,
    attributes: serde_json::Map<String, serde_json::Value>,
    names: Option<Vec<String>>,
}

impl<T: ZarrElement> ZarrArrayBuilder<T> {
    /// The value of elements never written (zarr-python's `fill_value`; default zero).
    pub fn fill_value(mut self, v: T) -> Self {
        self.fill = v;
        self
    }

    /// The compressor of the chunks (default [`Compressor::Zstd`] at level 0, as
    /// zarr-python's).
    pub fn compressor(mut self, c: Compressor) -> Self {
        self.compressor = c;
        self
    }

    /// Stores the chunks grouped in shards of this shape, each a multiple of the chunk
    /// shape (zarr-python's `shards=`): one file per shard, chunks still read one by one.
    pub fn shards(mut self, shape: &[u64]) -> Self {
        self.shards = Some(shape.to_vec());
        self
    }

    /// The array's user attributes (`z.attrs`), a JSON object.
    pub fn attributes(mut self, attrs: serde_json::Map<String, serde_json::Value>) -> Self {
        self.attributes = attrs;
        self
    }

    /// The axes' names (`dimension_names=`, xarray's dimensions).
    pub fn dimension_names<S: AsRef<str>>(mut self, names: &[S]) -> Self {
        self.names = Some(names.iter().map(|s| s.as_ref().to_string()).collect());
        self
    }

    /// Writes the array's metadata (`zarr.json`), creating the directories; an existing
    /// array at the path is replaced by an empty one, as zarr-python's `mode="w"`.
    ///
    /// # Errors
    /// If the shapes do not fit (chunk or shard shape of another rank, a zero chunk
    /// length, shards not a multiple of the chunks) or the store cannot be written.
    pub fn build(self) -> Result<ZarrArray> {
        let name = describe(&self.dir, &self.path);
        let bad = |why: String| Error::mismatch(&name, why);
        if self.chunks.len() != self.shape.len() {
            return Err(bad(format!(
                "chunk shape {:?} does not match the array's shape {:?}",
                self.chunks, self.shape
            )));
        }
        if self.chunks.contains(&0) {
            return Err(bad(format!(
                "chunk shape {:?} has a zero length",
                self.chunks
            )));
        }
        let store = open_store(&self.dir)?;
        let path = node_path(&self.path);
        // The chunk grid of the file is the shards' when sharded, subchunks being the chunks.
        let (grid, inner) = match &self.shards {
            Some(s) => {
                let fits = s.len() == self.chunks.len()
                    && s.iter()
                        .zip(&self.chunks)
                        .all(|(&a, &c)| a > 0 && a % c == 0);
                if !fits {
                    return Err(bad(format!(
                        "shard shape {s:?} is not a multiple of the chunk shape {:?}",
                        self.chunks
                    )));
                }
                (s.clone(), Some(self.chunks.clone()))
            }
            None => (self.chunks.clone(), None),
        };
        let mut b = ArrayBuilder::new(
            self.shape.clone(),
            grid,
            T::zarr_data_type(),
            zarrs::array::FillValue::new(fill_bytes(self.fill)),
        );
        b.bytes_to_bytes_codecs(codecs(self.compressor, size_of::<T>()).map_err(&bad)?);
        b.subchunk_shape(inner);
        b.attributes(self.attributes);
        if let Some(names) = self.names {
            if names.len() != self.shape.len() {
                return Err(bad(format!(
                    "{} dimension names for an array of {} axes",
                    names.len(),
                    self.shape.len()
                )));
            }
            b.dimension_names(Some(names.into_iter().map(Some).collect::<Vec<_>>()));
        }
        let array = b
            .build(store, &path)
            .map_err(|e| bad(format!("cannot create the array: {e}")))?;
        // A new array at an old path: the old chunks must not show through.
        array
            .erase_metadata()
            .and_then(|()| {
                let prefix = zarrs::storage::StorePrefix::new(prefix_of(&path))?;
                zarrs::storage::WritableStorageTraits::erase_prefix(&*array.storage(), &prefix)
            })
            .map_err(|e| Error::format(&name, format!("cannot clear the old array: {e}")))?;
        array
            .store_metadata_opt(&metadata_options())
            .map_err(|e| Error::format(&name, format!("cannot write the metadata: {e}")))?;
        Ok(ZarrArray { array, name })
    }
}

/// A chunk of a stored array: its index in the chunk grid and the region of the array it
/// covers (clipped to the array at the edges).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chunk {
    /// The chunk's grid index (`(i, j, …)`, Dask's block index).
    pub index: Vec<u64>,
    /// The elements it covers, one range per axis.
    pub region: Vec<Range<u64>>,
}

/// A Zarr array in a directory store.
pub struct ZarrArray {
    array: Stored<AtomicStore>,
    name: PathBuf,
}

impl std::fmt::Debug for ZarrArray {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // zarr-python's repr: `<Array file:///tmp/x/grid shape=(6, 4) dtype=float64>`.
        let shape = ndcore::fmt::py_tuple(&self.shape());
        let path = std::path::absolute(&self.name).unwrap_or_else(|_| self.name.clone());
        write!(
            f,
            "<Array file://{} shape={shape} dtype={}>",
            path.display(),
            self.dtype()
        )
    }
}

impl ZarrArray {
    /// Starts a new array of `T` of `shape` in chunks of `chunk_shape`, at `path` (`""` for
    /// the store's root) in the directory store `dir`.
    pub fn create<T: ZarrElement>(
        dir: impl AsRef<Path>,
        path: &str,
        shape: &[u64],
        chunk_shape: &[u64],
    ) -> ZarrArrayBuilder<T> {
        ZarrArrayBuilder {
            dir: dir.as_ref().to_path_buf(),
            path: path.to_string(),
            shape: shape.to_vec(),
            chunks: chunk_shape.to_vec(),
            fill: T::zeroed(),
            compressor: Compressor::Zstd(0),
            shards: None,
            attributes: serde_json::Map::new(),
            names: None,
        }
    }

    /// Opens the array at `path` in the directory store `dir` (`zarr.open_array(dir,
    /// path=path)`): Zarr v3 (`zarr.json`) or v2 (`.zarray`).
    ///
    /// # Errors
    /// If there is no array there, or its metadata cannot be read or is not valid.
    pub fn open(dir: impl AsRef<Path>, path: &str) -> Result<ZarrArray> {
        let name = describe(dir.as_ref(), path);
        if !dir.as_ref().is_dir() {
            return Err(Error::io(
                dir.as_ref(),
                "open the store",
                std::io::Error::from(std::io::ErrorKind::NotFound),
            ));
        }
        let store = open_store(dir.as_ref())?;
        let array = Stored::open(store, &node_path(path))
            .map_err(|e| Error::format(&name, format!("no readable Zarr array here: {e}")))?;
        Ok(ZarrArray { array, name })
    }

    /// The shape.
    pub fn shape(&self) -> Vec<usize> {
        self.array.shape().iter().map(|&n| n as usize).collect()
    }

    /// The number of axes.
    pub fn ndim(&self) -> usize {
        self.array.dimensionality()
    }

    /// The Zarr data type's name (`float64`, `int32`, `bool`, …).
    pub fn dtype(&self) -> String {
        dtype_name(self.array.data_type())
    }

    /// The chunk grid's shape: how many chunks along each axis (Dask's `numblocks`).
    pub fn grid_shape(&self) -> Vec<u64> {
        self.array.chunk_grid_shape().to_vec()
    }

    /// The user attributes (`z.attrs`).
    pub fn attributes(&self) -> &serde_json::Map<String, serde_json::Value> {
        self.array.attributes()
    }

    /// Replaces the user attributes and writes the metadata.
    ///
    /// # Errors
    /// If the metadata cannot be written.
    pub fn set_attributes(
        &mut self,
        attrs: serde_json::Map<String, serde_json::Value>,
    ) -> Result<()> {
        *self.array.attributes_mut() = attrs;
        self.array
            .store_metadata_opt(&metadata_options())
            .map_err(|e| Error::format(&self.name, format!("cannot write the metadata: {e}")))
    }

    /// Every chunk, in C order of the grid (of a sharded array, every shard: the unit
    /// stored as one file).
    pub fn chunks(&self) -> Vec<Chunk> {
        let grid = self.array.chunk_grid_shape().to_vec();
        // Grown as listed: a corrupt shape must not reserve an impossible list up front
        // (nor overflow counting it).
        let total = grid.iter().try_fold(1u64, |a, &n| a.checked_mul(n));
        let mut out = Vec::with_capacity(total.map_or(1 << 16, |t| t.min(1 << 16)) as usize);
        if total == Some(0) {
            return out;
        }
        let start = vec![0u64; grid.len()];
        let mut index = start.clone();
        loop {
            if let Ok(s) = self.array.chunk_subset_bounded(&index) {
                let region = s
                    .start()
                    .iter()
                    .zip(s.shape())
                    .map(|(&a, &n)| a..a + n)
                    .collect();
                out.push(Chunk {
                    index: index.clone(),
                    region,
                });
            }
            if !next_index(&mut index, &start, &grid) {
                return out;
            }
        }
    }

    /// Reads the whole array (`z[...]`).
    ///
    /// # Errors
    /// As [`read_region`](Self::read_region).
    pub fn read<T: ZarrElement>(&self) -> Result<ArrayD<T>> {
        self.read_region(&self.whole())
    }

    /// Reads the region `ranges` (one per axis, within the shape).
    ///
    /// # Errors
    /// If `T` is not the array's element type, a range lies outside the array, or a chunk
    /// cannot be read or decoded (the message names the chunk's file).
    pub fn read_region<T: ZarrElement>(&self, ranges: &[Range<u64>]) -> Result<ArrayD<T>> {
        self.check_type::<T>()?;
        self.check_region(ranges)?;
        let shape = extent(ranges);
        if shape.contains(&0) {
            return Ok(Array::from_shape_vec(
                IxDyn::from_slice(&shape)?,
                Vec::new(),
            )?);
        }
        let mut out = Array::<T, IxDyn>::try_zeros(IxDyn::from_slice(&shape)?)?;
        let in_place = T::bytes_mut(&mut []).is_some();
        let (true, Some(elems)) = (in_place, out.as_slice_mut()) else {
            // `bool`: zarrs checks each byte is 0 or 1 as it makes the elements.
            let subset = ArraySubset::new_with_ranges(ranges);
            let v: Vec<T> = self
                .array
                .retrieve_array_subset(&subset)
                .map_err(|e| self.chunk_error::<T>(ranges, &e))?;
            return Ok(Array::from_shape_vec(IxDyn::from_slice(&shape)?, v)?);
        };
        self.read_into(ranges, elems)?;
        Ok(out)
    }

    /// Reads the whole array whatever its element type (`z[...]` when the type is known
    /// only at run time): an [`AnyArray`](ndcore::any::AnyArray) of NumPy's dtype for the
    /// store's (`float64` is `<f8`), printed as NumPy prints it; `into_array::<T, D>()`
    /// makes it typed.
    ///
    /// # Errors
    /// As [`read_region_any`](Self::read_region_any).
    pub fn read_any(&self) -> Result<ndcore::any::AnyArray> {
        self.read_region_any(&self.whole())
    }

    /// [`read_region`](Self::read_region) of whatever element type the array holds.
    ///
    /// # Errors
    /// A data type nd has no element type for, and as [`read_region`](Self::read_region).
    pub fn read_region_any(&self, ranges: &[Range<u64>]) -> Result<ndcore::any::AnyArray> {
        match self.dtype().as_str() {
            "bool" => Ok(ndcore::any::AnyArray::from_array(
                &self.read_region::<bool>(ranges)?,
            )),
            "int8" => self.read_any_of::<i8>(ranges),
            "int16" => self.read_any_of::<i16>(ranges),
            "int32" => self.read_any_of::<i32>(ranges),
            "int64" => self.read_any_of::<i64>(ranges),
            "uint8" => self.read_any_of::<u8>(ranges),
            "uint16" => self.read_any_of::<u16>(ranges),
            "uint32" => self.read_any_of::<u32>(ranges),
            "uint64" => self.read_any_of::<u64>(ranges),
            "float32" => self.read_any_of::<f32>(ranges),
            "float64" => self.read_any_of::<f64>(ranges),
            other => Err(Error::mismatch(
                &self.name,
                format!("nd has no element type for the Zarr data type {other}"),
            )),
        }
    }

    /// The region into a new dtype-erased array of `T`'s dtype, decoded in place.
    fn read_any_of<T: ZarrElement + bytemuck::Pod>(
        &self,
        ranges: &[Range<u64>],
    ) -> Result<ndcore::any::AnyArray> {
        self.check_region(ranges)?;
        let shape = extent(ranges);
        let mut out = ndcore::any::AnyArray::zeros(T::dtype(), &shape, ndcore::Order::C)?;
        if shape.contains(&0) {
            return Ok(out);
        }
        let bytes = out.bytes_mut().ok_or_else(|| self.no_bytes())?;
        let elems: &mut [T] = bytemuck::try_cast_slice_mut(bytes)
            .map_err(|e| Error::mismatch(&self.name, format!("the new array's memory: {e}")))?;
        self.read_into(ranges, elems)?;
        Ok(out)
    }

    /// Reads `z[info]` for an `s![]` selection: integer indices (negative from the end),
    /// ranges with steps (negative too), `NewAxis`, `...`, as NumPy's indexing. The chunks
    /// spanning the selection's bounding box are read.
    ///
    /// # Errors
    /// NumPy's `IndexError`s for indices out of bounds or too many indices, a zero step, and
    /// as [`read_region`](Self::read_region).
    pub fn read_slice<T: ZarrElement, I: SliceArg<IxDyn> + ?Sized>(
        &self,
        info: &I,
    ) -> Result<ArrayD<T>> {
        let shape = self.shape();
        let (bbox, local) = bounding_box(&shape, info.elems())?;
        let block = self.read_region::<T>(&bbox)?;
        // A box (unit steps) is already the result; steps leave a strided selection of
        // it, copied out so that the result does not keep the whole box alive.
        let sel = block.slice_move(&local[..])?;
        Ok(if sel.as_slice().is_some() {
            sel
        } else {
            sel.to_owned()
        })
    }

    /// Writes `data` into the region that starts at `offset` (`z[o0:o0+n0, …] = data`);
    /// any layout of `data` (views, transposes, negative strides).
    ///
    /// A chunk the region covers only in part is read, updated and written whole: writes
    /// whose regions share a chunk must not run at the same time, from threads or processes
    /// (as with zarr-python), or one update can be lost. Each chunk file is replaced
    /// atomically, so a reader sees the old chunk or the new one.
    ///
    /// # Errors
    /// If `T` is not the array's element type, the rank differs, the region lies outside
    /// the array, or a chunk cannot be written.
    pub fn write<T: ZarrElement, D: Dimension>(
        &self,
        offset: &[u64],
        data: &ArrayRef<T, D>,
    ) -> Result<()> {
        self.check_type::<T>()?;
        if offset.len() != data.ndim() || offset.len() != self.ndim() {
            return Err(Error::mismatch(
                &self.name,
                format!(
                    "cannot write an array of {} axes at an offset of {} into an array of {} axes",
                    data.ndim(),
                    offset.len(),
                    self.ndim()
                ),
            ));
        }
        let ranges: Vec<Range<u64>> = offset
            .iter()
            .zip(data.shape())
            .map(|(&o, &n)| o..o.saturating_add(n as u64))
            .collect();
        self.check_region(&ranges)?;
        if data.is_empty() {
            return Ok(());
        }
        let subset = ArraySubset::new_with_ranges(&ranges);
        // A C-contiguous array is encoded from its own memory; any other layout is copied
        // to C order first.
        match data.as_slice() {
            Some(s) => self.array.store_array_subset(&subset, s),
            None => self.array.store_array_subset(&subset, data.to_vec()),
        }
        .map_err(|e| self.chunk_error::<T>(&ranges, &e))
    }

    /// Writes `data` into `z[info]` for an `s![]` selection, as NumPy's `z[info] = data`:
    /// integer indices (negative from the end), ranges with steps (negative too),
    /// `NewAxis`, `...`; `data` broadcasts to the selection's shape (a 0-d array fills it).
    /// A selection of unit steps is written directly; one with other steps reads the
    /// chunks of its bounding box first, sets the selected elements and writes the box back.
    ///
    /// # Errors
    /// NumPy's `IndexError`s, `data` that does not broadcast to the selection (NumPy's
    /// `could not broadcast` text), and as [`write`](Self::write).
    pub fn write_slice<T: ZarrElement, D: Dimension, I: SliceArg<IxDyn> + ?Sized>(
        &self,
        info: &I,
        data: &ArrayRef<T, D>,
    ) -> Result<()> {
        self.check_type::<T>()?;
        let (bbox, local) = bounding_box(&self.shape(), info.elems())?;
        let offset: Vec<u64> = bbox.iter().map(|r| r.start).collect();
        let dims = extent(&bbox);
        // The box itself, axis for axis: the data is the box.
        if local == vec![SliceInfoElem::FULL; dims.len()] && data.shape() == dims.as_slice() {
            return self.write(&offset, data);
        }
        let unit = local.iter().all(|e| match e {
            SliceInfoElem::Slice { step, .. } => *step == 1,
            _ => true,
        });
        let mut block = if unit {
            // The selection covers its box: nothing of the store is kept.
            Array::<T, IxDyn>::try_zeros(IxDyn::from_slice(&dims)?)?
        } else {
            self.read_region::<T>(&bbox)?
        };
        block.try_slice_mut(&local[..])?.assign(data)?;
        self.write(&offset, &block)
    }

    /// The chunks one after another with their values (`for block in z.blocks` of
    /// zarr-python, with each block's place): one chunk in memory at a time.
    pub fn iter_chunks<T: ZarrElement>(
        &self,
    ) -> impl Iterator<Item = Result<(Chunk, ArrayD<T>)>> + '_ {
        self.chunks()
            .into_iter()
            .map(move |c| self.read_chunk::<T>(&c).map(|a| (c, a)))
    }

    /// Reads one chunk's region.
    ///
    /// # Errors
    /// As [`read_region`](Self::read_region).
    pub fn read_chunk<T: ZarrElement>(&self, chunk: &Chunk) -> Result<ArrayD<T>> {
        self.read_region(&chunk.region)
    }

    /// Calls `f(chunk, values)` for every chunk on nd's threads
    /// ([`ndcore::threads`]) and returns the results in chunk order (Dask's
    /// `map_blocks` followed by a compute). Each thread reads one chunk at a time, so at
    /// most one chunk per thread is in memory besides what `f` keeps.
    ///
    /// # Errors
    /// The first error of a read or of `f`, in chunk order.
    pub fn map_chunks<T, R, F>(&self, f: F) -> Result<Vec<R>>
    where
        T: ZarrElement,
        R: Send,
        F: Fn(&Chunk, ArrayD<T>) -> Result<R> + Sync,
    {
        self.check_type::<T>()?;
        let mut slots: Vec<(Chunk, Option<Result<R>>)> =
            self.chunks().into_iter().map(|c| (c, None)).collect();
        ndcore::threads::for_each_part(&mut slots, |_, (chunk, out)| {
            *out = Some(self.read_chunk::<T>(chunk).and_then(|a| f(chunk, a)));
        });
        slots
            .into_iter()
            .map(|(c, r)| {
                r.unwrap_or_else(|| {
                    Err(Error::format(
                        &self.name,
                        format!("chunk {:?} was not computed", c.index),
                    ))
                })
            })
            .collect()
    }

    /// Fills the array chunk by chunk on nd's threads: `f(chunk)` gives the values of the
    /// chunk's region, which are written at once, so an array larger than memory is made
    /// with one chunk per thread in memory. Chunks already written stay written if one
    /// fails.
    ///
    /// # Errors
    /// The first error of `f` or of a write, in chunk order; a result of the wrong shape.
    pub fn fill_chunks<T, D, F>(&self, f: F) -> Result<()>
    where
        T: ZarrElement,
        D: Dimension,
        F: Fn(&Chunk) -> Result<Array<T, D>> + Sync,
    {
        self.check_type::<T>()?;
        let mut slots: Vec<(Chunk, Result<()>)> =
            self.chunks().into_iter().map(|c| (c, Ok(()))).collect();
        ndcore::threads::for_each_part(&mut slots, |_, (chunk, out)| {
            *out = f(chunk).and_then(|a| {
                let want = extent(&chunk.region);
                if a.shape() != want.as_slice() {
                    return Err(Error::mismatch(
                        &self.name,
                        format!(
                            "chunk {:?} covers shape {want:?}, the function gave {:?}",
                            chunk.index,
                            a.shape()
                        ),
                    ));
                }
                let start: Vec<u64> = chunk.region.iter().map(|r| r.start).collect();
                self.write(&start, &a)
            });
        });
        slots.into_iter().try_for_each(|(_, r)| r)
    }

    fn check_type<T: ZarrElement>(&self) -> Result<()> {
        let want = T::zarr_data_type();
        let have = self.array.data_type();
        if T::validate_data_type(have).is_err() || dtype_name(&want) != dtype_name(have) {
            return Err(Error::mismatch(
                &self.name,
                format!(
                    "the array holds {}, not {} ({})",
                    dtype_name(have),
                    dtype_name(&want),
                    std::any::type_name::<T>()
                ),
            ));
        }
        Ok(())
    }

    /// The whole array as a region.
    fn whole(&self) -> Vec<Range<u64>> {
        self.array.shape().iter().map(|&n| 0..n).collect()
    }

    fn check_region(&self, ranges: &[Range<u64>]) -> Result<()> {
        let shape = self.array.shape();
        let fits = ranges.len() == shape.len()
            && ranges
                .iter()
                .zip(shape)
                .all(|(r, &n)| r.start <= r.end && r.end <= n);
        if fits {
            Ok(())
        } else {
            Err(Error::mismatch(
                &self.name,
                format!("region {ranges:?} is outside the array of shape {shape:?}"),
            ))
        }
    }

    /// Reads the region `ranges` (checked) into `out`, its elements in C order, of a type
    /// whose every byte pattern is an element (not `bool`).
    fn read_into<T: ZarrElement>(&self, ranges: &[Range<u64>], out: &mut [T]) -> Result<()> {
        if !self.array.is_sharded() {
            return self.read_chunks_into(ranges, out);
        }
        // A shard's inner chunks are read selectively by zarrs' partial decoder.
        let dims: Vec<u64> = ranges.iter().map(|r| r.end - r.start).collect();
        let whole = ArraySubset::new_with_shape(dims.clone());
        let bytes = T::bytes_mut(out).ok_or_else(|| self.no_bytes())?;
        let mut view = disjoint_view(bytes, size_of::<T>(), &dims, whole)
            .map_err(|e| Error::mismatch(&self.name, e))?;
        self.array
            .retrieve_array_subset_into(&ArraySubset::new_with_ranges(ranges), (&mut view).into())
            .map_err(|e| self.chunk_error::<T>(ranges, &e))
    }

    fn no_bytes(&self) -> Error {
        Error::mismatch(
            &self.name,
            "bool elements are not decoded in place".to_string(),
        )
    }

    /// Reads the region `ranges` of a non-sharded array into `out` (its elements in C
    /// order). The chunks wholly inside the region are decoded straight
    /// into `out` by zarrs; each chunk the region cuts (at its edges, or the array's) is
    /// decoded whole into a buffer of its thread and the part inside copied, as
    /// zarr-python does: zarrs' partial decoder took 6x as long for those.
    fn read_chunks_into<T: ZarrElement>(&self, ranges: &[Range<u64>], out: &mut [T]) -> Result<()> {
        let subset = ArraySubset::new_with_ranges(ranges);
        let outside = || {
            Error::mismatch(
                &self.name,
                format!("region {ranges:?} is outside the chunk grid"),
            )
        };
        let grid = self
            .array
            .chunks_in_array_subset(&subset)
            .map_err(|e| self.chunk_error::<T>(ranges, &e.into()))?
            .ok_or_else(outside)?;
        let (g0, g1): (Vec<u64>, Vec<u64>) = grid
            .start()
            .iter()
            .zip(grid.shape())
            .map(|(&a, &n)| (a, a + n))
            .unzip();
        // Per axis, the chunks inside both the region and the array: a box of chunks
        // (Zarr's grids are products of per-axis partitions).
        let shape = self.array.shape().to_vec();
        let mut inner = Vec::with_capacity(ranges.len());
        for d in 0..ranges.len() {
            let mut index = g0.clone();
            let mut inside = Vec::new();
            for k in g0[d]..g1[d] {
                index[d] = k;
                let c = self
                    .array
                    .chunk_subset(&index)
                    .map_err(|e| Error::mismatch(&self.name, format!("chunk {index:?}: {e}")))?;
                let (a, b) = (c.start()[d], c.start()[d] + c.shape()[d]);
                if a >= ranges[d].start && b <= ranges[d].end && b <= shape[d] {
                    inside.push((k, a, b));
                }
            }
            inner.push(match (inside.first(), inside.last()) {
                (Some(&(k0, a, _)), Some(&(k1, _, b))) => Some((k0..k1 + 1, a..b)),
                _ => None,
            });
        }
        let inner: Option<Vec<(Range<u64>, Range<u64>)>> = inner.into_iter().collect();
        if let Some(inner) = &inner {
            let dims: Vec<u64> = ranges.iter().map(|r| r.end - r.start).collect();
            let local: Vec<Range<u64>> = inner
                .iter()
                .zip(ranges)
                .map(|((_, r), whole)| r.start - whole.start..r.end - whole.start)
                .collect();
            let part = ArraySubset::new_with_ranges(&local);
            let bytes = T::bytes_mut(out).ok_or_else(|| self.no_bytes())?;
            let mut view = disjoint_view(bytes, size_of::<T>(), &dims, part)
                .map_err(|e| Error::mismatch(&self.name, e))?;
            let interior: Vec<Range<u64>> = inner.iter().map(|(_, r)| r.clone()).collect();
            self.array
                .retrieve_array_subset_into(
                    &ArraySubset::new_with_ranges(&interior),
                    (&mut view).into(),
                )
                .map_err(|e| self.chunk_error::<T>(&interior, &e))?;
        }
        // The other chunks of the grid box: those the region (or the array) cuts.
        let mut cut: Vec<(Vec<u64>, Result<()>)> = Vec::new();
        let mut index = g0.clone();
        if g0.iter().zip(&g1).all(|(a, b)| a < b) {
            loop {
                let interior = inner
                    .as_ref()
                    .is_some_and(|inner| inner.iter().zip(&index).all(|((k, _), i)| k.contains(i)));
                if !interior {
                    cut.push((index.clone(), Ok(())));
                }
                if !next_index(&mut index, &g0, &g1) {
                    break;
                }
            }
        }
        let shape = extent(ranges);
        let out = ndcore::ArrayViewMut::from_slice_shape(IxDyn::from_slice(&shape)?, out)?;
        let out = std::sync::Mutex::new(out);
        ndcore::threads::for_each_part_with(&mut cut, Vec::<T>::new, |buf, _, (index, res)| {
            *res = self.copy_cut_chunk(index, ranges, buf, &out);
        });
        cut.into_iter().try_for_each(|(_, r)| r)
    }

    /// Decodes the chunk at `index` whole into `buf` and copies its part inside `ranges`
    /// into `out` (which holds the region `ranges`).
    fn copy_cut_chunk<T: ZarrElement>(
        &self,
        index: &[u64],
        ranges: &[Range<u64>],
        buf: &mut Vec<T>,
        out: &std::sync::Mutex<ndcore::ArrayViewMut<'_, T, IxDyn>>,
    ) -> Result<()> {
        let named = |e: String| {
            Error::format(
                &self.name,
                format!(
                    "chunk {index:?} (key {}) cannot be read: {e}",
                    self.array.chunk_key(index)
                ),
            )
        };
        let chunk = self
            .array
            .chunk_subset(index)
            .map_err(|e| named(e.to_string()))?;
        let chunk_shape = self
            .array
            .chunk_shape(index)
            .map_err(|e| named(e.to_string()))?;
        let dims: Vec<u64> = chunk_shape.iter().map(|n| n.get()).collect();
        // A chunk shape from the metadata: its size is checked, and its memory asked for
        // without panicking.
        let n = dims
            .iter()
            .try_fold(1u64, |a, &d| a.checked_mul(d))
            .and_then(|n| usize::try_from(n).ok())
            .filter(|&n| {
                n.checked_mul(size_of::<T>())
                    .is_some_and(|b| b <= isize::MAX as usize)
            })
            .ok_or_else(|| named(format!("a chunk of shape {dims:?} is too large")))?;
        buf.clear();
        buf.try_reserve_exact(n).map_err(|_| {
            named(format!(
                "cannot allocate a chunk of shape {dims:?} ({} bytes)",
                n * size_of::<T>()
            ))
        })?;
        buf.resize(n, T::zeroed());
        let bytes = T::bytes_mut(buf).ok_or_else(|| named("no byte view".to_string()))?;
        match self
            .array
            .retrieve_encoded_chunk(index)
            .map_err(|e| named(e.to_string()))?
        {
            Some(encoded) => {
                let whole = ArraySubset::new_with_shape(dims.clone());
                let mut view = disjoint_view(bytes, size_of::<T>(), &dims, whole).map_err(named)?;
                self.array
                    .codecs()
                    .decode_into(
                        std::borrow::Cow::Owned(encoded),
                        &chunk_shape,
                        self.array.data_type(),
                        self.array.fill_value(),
                        (&mut view).into(),
                        &zarrs::array::CodecOptions::default(),
                    )
                    .map_err(|e| named(e.to_string()))?;
            }
            None => {
                let fill = self.array.fill_value().as_ne_bytes();
                if fill.len() != size_of::<T>() {
                    return Err(named(format!("a fill value of {} bytes", fill.len())));
                }
                bytes
                    .chunks_exact_mut(fill.len())
                    .for_each(|b| b.copy_from_slice(fill));
            }
        }
        // The chunk's part inside the region, in the chunk's and in the region's indices.
        let (mut from, mut to) = (Vec::new(), Vec::new());
        for (d, r) in ranges.iter().enumerate() {
            let (a, b) = (chunk.start()[d], chunk.start()[d] + chunk.shape()[d]);
            let (lo, hi) = (a.max(r.start), b.min(r.end));
            let elem = |s: u64, e: u64| SliceInfoElem::Slice {
                start: Some(s as isize),
                stop: Some(e as isize),
                step: 1,
            };
            from.push(elem(lo - a, hi - a));
            to.push(elem(lo - r.start, hi - r.start));
        }
        let shape: Vec<usize> = dims.iter().map(|&d| d as usize).collect();
        let src = ndcore::ArrayView::from_slice_shape(IxDyn::from_slice(&shape)?, &buf[..])?;
        let src = src.try_slice(&from[..])?;
        let mut out = out
            .lock()
            .map_err(|_| named("another thread failed".to_string()))?;
        out.try_slice_mut(&to[..])?.assign(&src)?;
        Ok(())
    }

    /// A read or write error of `ranges`, naming the first chunk of the region that does
    /// not decode (found by reading them one by one, only on this error path).
    fn chunk_error<T: ZarrElement>(
        &self,
        ranges: &[Range<u64>],
        e: &zarrs::array::ArrayError,
    ) -> Error {
        let overlaps = |c: &Chunk| {
            c.region
                .iter()
                .zip(ranges)
                .all(|(a, b)| a.start < b.end && b.start < a.end)
        };
        let bad = self.chunks().into_iter().filter(overlaps).find_map(|c| {
            self.array
                .retrieve_chunk::<Vec<T>>(&c.index)
                .err()
                .map(|err| (c, err))
        });
        match bad {
            Some((c, err)) => Error::format(
                &self.name,
                format!(
                    "chunk {:?} (key {}) cannot be read: {err}",
                    c.index,
                    self.array.chunk_key(&c.index)
                ),
            ),
            None => Error::format(&self.name, format!("region {ranges:?}: {e}")),
        }
    }
}

/// Creates a group (a directory with `zarr.json`) at `path` with `attributes`, and the
/// store's directories as needed (`zarr.create_group`).
///
/// # Errors
/// If the store cannot be written.
pub fn create_group(
    dir: impl AsRef<Path>,
    path: &str,
    attributes: serde_json::Map<String, serde_json::Value>,
) -> Result<()> {
    let name = describe(dir.as_ref(), path);
    let store = open_store(dir.as_ref())?;
    let group = zarrs::group::GroupBuilder::new()
        .attributes(attributes)
        .build(store, &node_path(path))
        .map_err(|e| Error::mismatch(&name, format!("cannot create the group: {e}")))?;
    group
        .store_metadata()
        .map_err(|e| Error::format(&name, format!("cannot write the metadata: {e}")))
}

/// A group's attributes and the paths of its arrays and groups, sorted (`zarr.open_group`,
/// `group.attrs`, `group.array_keys()`, `group.group_keys()`).
///
/// # Errors
/// If there is no readable group at `path`.
pub fn open_group(dir: impl AsRef<Path>, path: &str) -> Result<GroupInfo> {
    let name = describe(dir.as_ref(), path);
    let store = open_store(dir.as_ref())?;
    let g = zarrs::group::Group::open(store, &node_path(path))
        .map_err(|e| Error::format(&name, format!("no readable Zarr group here: {e}")))?;
    let listed = |e: zarrs::node::NodeCreateError| {
        Error::format(&name, format!("cannot list the group: {e}"))
    };
    let children = g.children(false).map_err(listed)?;
    let mut arrays = Vec::new();
    let mut groups = Vec::new();
    for c in children {
        let p = c.path().as_str().trim_start_matches('/').to_string();
        match c.metadata() {
            zarrs::node::NodeMetadata::Array(_) => arrays.push(p),
            zarrs::node::NodeMetadata::Group(_) => groups.push(p),
        }
    }
    arrays.sort();
    groups.sort();
    Ok(GroupInfo {
        attributes: g.attributes().clone(),
        arrays,
        groups,
    })
}

/// What [`open_group`] found.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupInfo {
    /// The group's attributes.
    pub attributes: serde_json::Map<String, serde_json::Value>,
    /// Paths of the arrays directly in it, from the store's root.
    pub arrays: Vec<String>,
    /// Paths of the groups directly in it.
    pub groups: Vec<String>,
}

/// The bounding box of a selection on `shape`, and the selection relative to the box.
fn bounding_box(
    shape: &[usize],
    elems: &[SliceInfoElem],
) -> Result<(Vec<Range<u64>>, Vec<SliceInfoElem>)> {
    let mut bbox = Vec::with_capacity(shape.len());
    let mut local = Vec::with_capacity(elems.len() + shape.len());
    resolve_selection(shape, elems, |r| match r {
        Resolved::Index { index, .. } => {
            bbox.push(index as u64..index as u64 + 1);
            local.push(SliceInfoElem::Index(0));
        }
        Resolved::Range { len: 0, .. } => {
            bbox.push(0..0);
            local.push(SliceInfoElem::FULL);
        }
        Resolved::Range {
            first, len, step, ..
        } => {
            let last = first + (len as isize - 1) * step;
            let (lo, hi) = (first.min(last), first.max(last));
            bbox.push(lo as u64..hi as u64 + 1);
            // A unit step covers the box's axis: all of it.
            local.push(if step == 1 {
                SliceInfoElem::FULL
            } else {
                SliceInfoElem::Slice {
                    start: Some(first - lo),
                    stop: None,
                    step,
                }
            });
        }
        Resolved::NewAxis => local.push(SliceInfoElem::NewAxis),
    })?;
    Ok((bbox, local))
}

/// Metadata as zarr-python writes it: the user's attributes only (zarrs would add its own
/// `_zarrs` entry).
fn metadata_options() -> zarrs::array::ArrayMetadataOptions {
    zarrs::array::ArrayMetadataOptions::default().with_include_zarrs_metadata(false)
}

/// The Zarr v3 name of a data type (`float64`).
fn dtype_name(t: &DataType) -> String {
    let s = t.to_string();
    s.split(" / ").next().unwrap_or(&s).to_string()
}

/// The lengths of a region's ranges (its shape).
fn extent(ranges: &[Range<u64>]) -> Vec<usize> {
    ranges.iter().map(|r| (r.end - r.start) as usize).collect()
}

/// Steps `index` to the next index of the box `lo..hi` in C order (last axis fastest);
/// false, with `index` back at `lo`, after the last.
fn next_index(index: &mut [u64], lo: &[u64], hi: &[u64]) -> bool {
    for d in (0..index.len()).rev() {
        index[d] += 1;
        if index[d] < hi[d] {
            return true;
        }
        index[d] = lo[d];
    }
    false
}

/// The directory store at `dir`, created if missing.
fn open_store(dir: &Path) -> Result<Arc<AtomicStore>> {
    FilesystemStore::new(dir)
        .map(|fs| Arc::new(AtomicStore::new(fs)))
        .map_err(|e| Error::io(dir, "open the store", std::io::Error::other(e.to_string())))
}

/// Zarr's node path: `/` for the root, `/a/b` otherwise.
fn node_path(path: &str) -> String {
    format!("/{}", path.trim_matches('/'))
}

/// The store prefix of a node's keys (`a/b/`; empty for the root).
fn prefix_of(node: &str) -> String {
    match node.trim_matches('/') {
        "" => String::new(),
        p => format!("{p}/"),
    }
}

/// `dir/path`, for messages.
fn describe(dir: &Path, path: &str) -> PathBuf {
    match path.trim_matches('/') {
        "" => dir.to_path_buf(),
        p => dir.join(p),
    }
}

/// A fill value's bytes, as Zarr stores them in memory (native order).
fn fill_bytes<T: ZarrElement>(v: T) -> Vec<u8> {
    bytemuck::bytes_of(&v).to_vec()
}

/// The bytes-to-bytes codecs of a compressor.
fn codecs(
    c: Compressor,
    typesize: usize,
) -> std::result::Result<Vec<Arc<dyn zarrs::array::BytesToBytesCodecTraits>>, String> {
    use zarrs::array::codec::bytes_to_bytes::blosc::{
        BloscCompressionLevel, BloscCompressor, BloscShuffleMode,
    };
    use zarrs::array::codec::{BloscCodec, GzipCodec, ZstdCodec};
    Ok(match c {
        Compressor::None => vec![],
        Compressor::Gzip(level) => vec![Arc::new(
            GzipCodec::new(level).map_err(|e| format!("gzip level {level}: {e}"))?,
        )],
        Compressor::Zstd(level) => vec![Arc::new(ZstdCodec::new(level, false))],
        Compressor::Blosc { zstd, level } => {
            let cname = if zstd {
                BloscCompressor::Zstd
            } else {
                BloscCompressor::LZ4
            };
            let clevel = BloscCompressionLevel::try_from(level)
                .map_err(|e| format!("blosc level {level}: {e}"))?;
            vec![Arc::new(
                BloscCodec::new(
                    cname,
                    clevel,
                    None,
                    BloscShuffleMode::Shuffle,
                    Some(typesize),
                )
                .map_err(|e| format!("blosc: {e}"))?,
            )]
        }
    })
}
