//! `.npy` files: NumPy's `np.load` and `np.save`, byte for byte.

use std::fs::File;
use std::io::{Read, Write};
use std::path::Path;

use ndcore::any::AnyArray;
use ndcore::{Array, ArrayBase, ArrayRef, DType, Dimension, Element, Order};

use crate::error::{Error, Result};
use crate::header::{self, Header, MAX_HEADER_SIZE, Version};

/// How to read a `.npy` file.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    /// The longest header text accepted, in characters (NumPy's `max_header_size`,
    /// default 10000).
    pub max_header_size: usize,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_header_size: MAX_HEADER_SIZE,
        }
    }
}

/// Reads `len` bytes, or says how many there were (NumPy's `EOF: reading …` error).
fn read_exact_or_eof<R: Read>(r: &mut R, buf: &mut [u8], what: &str) -> Result<(), String> {
    let mut got = 0;
    while got < buf.len() {
        match r.read(&mut buf[got..]) {
            Ok(0) => {
                return Err(format!(
                    "EOF: reading {what}, expected {} bytes got {got}",
                    buf.len()
                ));
            }
            Ok(n) => got += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(format!("cannot read {what}: {e}")),
        }
    }
    Ok(())
}

/// Reads and checks the header from `r`, positioned at the start of the file; `total` is
/// the file's length, so that no buffer is sized from the header before the file is known
/// to hold it.
pub(crate) fn read_header_from<R: Read>(
    r: &mut R,
    total: u64,
    opts: &LoadOptions,
) -> Result<Header, String> {
    let mut magic = [0u8; 8];
    let have = usize::try_from(total.min(8)).unwrap_or(8);
    read_exact_or_eof(r, &mut magic[..have], "magic string")?;
    if have < 8 {
        return Err(format!(
            "EOF: reading magic string, expected 8 bytes got {have}"
        ));
    }
    // The length field follows the version; read_prefix tells how wide it is.
    let width = match header::read_prefix(&magic) {
        Err(e) if e.starts_with("EOF") => {
            if magic[6] == 1 {
                2
            } else {
                4
            }
        }
        Err(e) => return Err(e),
        Ok(_) => 0,
    };
    let mut prefix = magic.to_vec();
    prefix.resize(8 + width, 0);
    read_exact_or_eof(r, &mut prefix[8..], "array header length")?;
    let (version, len, start) = header::read_prefix(&prefix)?;
    let end = start as u64 + len as u64;
    if end > total {
        return Err(format!(
            "EOF: reading array header, expected {len} bytes got {}",
            total - start as u64
        ));
    }
    // The cap is on characters, at most 4 bytes each: a longer header is refused before
    // its bytes are read.
    if len > opts.max_header_size.saturating_mul(4) {
        return Err(format!(
            "Header info length ({len}) is large and may not be safe to load securely \
             (the limit is {} characters)",
            opts.max_header_size
        ));
    }
    let mut text = vec![0u8; len];
    read_exact_or_eof(r, &mut text, "array header")?;
    let h = header::parse_header(version, &text, start + len, opts.max_header_size)?;
    let available = total - end;
    if (h.data_len() as u64) > available {
        let itemsize = h.dtype.itemsize() as u64;
        let could = available.checked_div(itemsize).unwrap_or(0);
        return Err(format!(
            "Failed to read all data for array. Expected {} = {} elements, could only read \
             {could} elements. (file seems not fully written?)",
            ndcore::fmt::py_tuple(&h.shape),
            h.len()
        ));
    }
    Ok(h)
}

/// Reads the data the header describes into a fresh array (the file's dtype and order).
fn read_data<R: Read>(r: &mut R, h: &Header) -> Result<AnyArray, String> {
    let order = if h.fortran_order { Order::F } else { Order::C };
    let mut a = AnyArray::zeros(h.dtype.clone(), &h.shape, order).map_err(|e| e.to_string())?;
    let Some(bytes) = a.bytes_mut() else {
        return Err("internal: a fresh array has no writable bytes".into());
    };
    read_exact_or_eof(r, bytes, "array data")?;
    Ok(a)
}

fn open(path: &Path) -> Result<(File, u64)> {
    let file = File::open(path).map_err(|e| Error::io(path, "open", e))?;
    let len = file
        .metadata()
        .map_err(|e| Error::io(path, "stat", e))?
        .len();
    Ok((file, len))
}

/// The header of a `.npy` file: version, dtype, shape, order and where the data starts,
/// checked against the file's size.
///
/// # Errors
/// Anything wrong with the header or a file too short for its data, as [`load_any`].
///
/// ```
/// # let dir = std::env::temp_dir().join(format!("ndio-doc-h-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir)?;
/// use ndcore::prelude::*;
/// let path = dir.join("a.npy");
/// ndio::save(&path, &arange(6i64).into_shape((2, 3))?)?;
/// let h = ndio::read_header(&path)?;
/// assert_eq!((h.shape.as_slice(), h.fortran_order, h.data_offset), (&[2, 3][..], false, 128));
/// assert_eq!(h.dtype.descr(), "'<i8'");
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_header(path: impl AsRef<Path>) -> Result<Header> {
    let path = path.as_ref();
    let (file, len) = open(path)?;
    let mut r = std::io::BufReader::new(file);
    read_header_from(&mut r, len, &LoadOptions::default()).map_err(|e| Error::format(path, e))
}

/// Loads a `.npy` file whatever its dtype (NumPy's `np.load`): the dtype, byte order and
/// memory order of the file are kept, so it prints as NumPy prints it and saves back byte
/// for byte.
///
/// # Errors
/// A file that cannot be read; a malformed header (bad magic, unknown version, header past
/// the end, not a dict, missing or extra keys, a bad `descr`, `fortran_order` not a bool,
/// a shape that is not a tuple of non-negative integers or whose byte size overflows, an
/// object dtype); data shorter than the shape. Nothing is allocated from the header
/// before the file is known to hold the data.
pub fn load_any(path: impl AsRef<Path>) -> Result<AnyArray> {
    load_any_with(path, &LoadOptions::default())
}

/// [`load_any`] with options.
///
/// # Errors
/// As [`load_any`].
pub fn load_any_with(path: impl AsRef<Path>, opts: &LoadOptions) -> Result<AnyArray> {
    let path = path.as_ref();
    let (mut file, len) = open(path)?;
    let h = read_header_from(&mut std::io::BufReader::new(&mut file), len, opts)
        .map_err(|e| Error::format(path, e))?;
    // The BufReader may have read past the header: the data is read from its offset.
    read_at(&mut file, &h, path)
}

fn read_at(file: &mut File, h: &Header, path: &Path) -> Result<AnyArray> {
    use std::io::{Seek, SeekFrom};
    file.seek(SeekFrom::Start(h.data_offset as u64))
        .map_err(|e| Error::io(path, "seek", e))?;
    read_data(file, h).map_err(|e| Error::format(path, e))
}

/// Reads a whole `.npy` file held in memory (a member of an `.npz`, a network buffer).
///
/// # Errors
/// As [`load_any`].
pub fn read_npy(bytes: &[u8]) -> Result<AnyArray> {
    let mut r = bytes;
    let h = read_header_from(&mut r, bytes.len() as u64, &LoadOptions::default())
        .map_err(|e| Error::format(Path::new(""), e))?;
    let mut data = &bytes[h.data_offset..];
    read_data(&mut data, &h).map_err(|e| Error::format(Path::new(""), e))
}

/// Whether the file's dtype can be read as `T` and its rank as `D`: `Ok(true)` when the
/// bytes must be swapped to this machine's order first.
pub(crate) fn check_typed<T: Element, D: Dimension>(h: &Header, path: &Path) -> Result<bool> {
    typed_as::<T, D>(h).map_err(|m| {
        let why = match m {
            Mismatch::DType(why) => {
                format!("the file {why}: load it as its own type, or with load_any")
            }
            Mismatch::Rank(why) => format!("the file {why}"),
        };
        Error::mismatch(path, why)
    })
}

/// What an array holds instead of what was asked (`holds float32 ('<f4'), not …`), for
/// the caller to name the file or the member.
pub(crate) enum Mismatch {
    /// Another dtype.
    DType(String),
    /// Another number of dimensions.
    Rank(String),
}

/// Whether an array of header `h` can be read as `T` of rank `D`: `Ok(true)` when its bytes
/// must be swapped to this machine's order first.
pub(crate) fn typed_as<T: Element, D: Dimension>(h: &Header) -> Result<bool, Mismatch> {
    let want = T::dtype();
    let swap = if h.dtype == want {
        false
    } else if h.dtype.newbyteorder(ndcore::ByteOrder::native()) == want {
        true
    } else {
        // The full descr, so that a record shows its fields, not only `void96 ('|V12')`.
        return Err(Mismatch::DType(format!(
            "holds {} ({}), not {} ({})",
            h.dtype.name(),
            h.dtype.descr(),
            want.name(),
            want.descr()
        )));
    };
    if let Some(n) = D::NDIM
        && n != h.shape.len()
    {
        return Err(Mismatch::Rank(format!(
            "holds an array of {} dimensions (shape {}), not {n}",
            h.shape.len(),
            ndcore::fmt::py_tuple(&h.shape)
        )));
    }
    Ok(swap)
}

/// Loads a `.npy` file into a typed array (NumPy's `np.load`, with the type checked):
/// `load::<f64, Ix2>("a.npy")`.
///
/// Big-endian files load with their values intact: the bytes are swapped to this
/// machine's order as they are read (NumPy keeps a `>f8` dtype instead; [`load_any`] does
/// too). A Fortran-order file gives a Fortran-order array, without a copy.
///
/// # Errors
/// As [`load_any`]; and, before any data is read, a dtype other than `T` (in either byte
/// order) or a rank other than `D`'s, naming the file's.
///
/// ```
/// # let dir = std::env::temp_dir().join(format!("ndio-doc-l-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir)?;
/// use ndcore::prelude::*;
/// let path = dir.join("x.npy");
/// ndio::save(&path, &array![[1.0, 2.0], [3.0, 4.0]])?;
/// let x = ndio::load::<f64, Ix2>(&path)?;
/// assert_eq!(x, array![[1.0, 2.0], [3.0, 4.0]]);
/// let e = ndio::load::<i32, Ix2>(&path).unwrap_err();
/// assert!(e.to_string().ends_with("the file holds float64 ('<f8'), not int32 ('<i4'): load it as its own type, or with load_any"));
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn load<T: Element, D: Dimension>(path: impl AsRef<Path>) -> Result<Array<T, D>> {
    let path = path.as_ref();
    let (mut file, len) = open(path)?;
    let h = read_header_from(
        &mut std::io::BufReader::new(&mut file),
        len,
        &LoadOptions::default(),
    )
    .map_err(|e| Error::format(path, e))?;
    let swap = check_typed::<T, D>(&h, path)?;
    let mut a = read_at(&mut file, &h, path)?;
    if swap {
        a = a.to_native_byteorder()?;
    }
    a.into_array::<T, D>()
        .map_err(|e| Error::format(path, e.to_string()))
}

/// What can be saved as a `.npy` file: typed arrays of any storage, and [`AnyArray`].
pub trait ToNpy {
    /// The dtype written to the header.
    fn npy_dtype(&self) -> DType;
    /// The shape written to the header.
    fn npy_shape(&self) -> Vec<usize>;
    /// NumPy's rule: Fortran order when the data is F-contiguous and not C-contiguous.
    fn npy_fortran_order(&self) -> bool;
    /// Writes the elements in the header's order.
    ///
    /// # Errors
    /// The writer's.
    fn write_npy_data(&self, w: &mut dyn Write) -> std::io::Result<()>;
}

/// Writes `len` elements produced by `next` through a 64 KiB buffer.
fn write_elements<'a>(
    w: &mut dyn Write,
    elements: impl Iterator<Item = &'a [u8]>,
) -> std::io::Result<()> {
    let mut buf = Vec::with_capacity(1 << 16);
    for e in elements {
        buf.extend_from_slice(e);
        if buf.len() >= 1 << 16 {
            w.write_all(&buf)?;
            buf.clear();
        }
    }
    w.write_all(&buf)
}

impl<T: Element, D: Dimension> ToNpy for ArrayRef<T, D> {
    fn npy_dtype(&self) -> DType {
        T::dtype()
    }
    fn npy_shape(&self) -> Vec<usize> {
        self.shape().to_vec()
    }
    fn npy_fortran_order(&self) -> bool {
        self.is_f_contiguous() && !self.is_c_contiguous()
    }
    fn write_npy_data(&self, w: &mut dyn Write) -> std::io::Result<()> {
        let fortran = self.npy_fortran_order();
        if (fortran || self.is_c_contiguous())
            && let Some(s) = self.as_slice_memory_order()
        {
            return w.write_all(bytemuck::cast_slice(s));
        }
        if fortran {
            write_elements(w, self.t().iter().map(bytemuck::bytes_of))
        } else {
            write_elements(w, self.iter().map(bytemuck::bytes_of))
        }
    }
}

impl<S: ndcore::storage::Data, D: Dimension> ToNpy for ArrayBase<S, D>
where
    S::Elem: Element,
{
    fn npy_dtype(&self) -> DType {
        (**self).npy_dtype()
    }
    fn npy_shape(&self) -> Vec<usize> {
        (**self).npy_shape()
    }
    fn npy_fortran_order(&self) -> bool {
        (**self).npy_fortran_order()
    }
    fn write_npy_data(&self, w: &mut dyn Write) -> std::io::Result<()> {
        (**self).write_npy_data(w)
    }
}

impl ToNpy for AnyArray {
    fn npy_dtype(&self) -> DType {
        self.dtype().clone()
    }
    fn npy_shape(&self) -> Vec<usize> {
        self.shape().to_vec()
    }
    fn npy_fortran_order(&self) -> bool {
        self.is_f_contiguous() && !self.is_c_contiguous()
    }
    fn write_npy_data(&self, w: &mut dyn Write) -> std::io::Result<()> {
        if let Some(bytes) = self.as_bytes() {
            return w.write_all(bytes);
        }
        // Neither order: C order, element by element.
        let elements = self.iter_bytes();
        write_elements(w, elements)
    }
}

/// Writes a whole `.npy` file (header and data) to `w`, in the version NumPy would choose
/// (`None`) or the one asked for.
///
/// # Errors
/// The writer's, or a header the asked version cannot hold.
pub fn write_npy<A: ToNpy + ?Sized>(
    w: &mut dyn Write,
    a: &A,
    version: Option<Version>,
) -> Result<()> {
    let header = header::write_header(
        &a.npy_dtype(),
        a.npy_fortran_order(),
        &a.npy_shape(),
        version,
    )
    .map_err(|e| Error::format(Path::new(""), e))?;
    let io = |e| Error::io(Path::new("<writer>"), "write", e);
    w.write_all(&header).map_err(io)?;
    a.write_npy_data(w).map_err(io)
}

/// Saves an array as a `.npy` file (NumPy's `np.save`): the same bytes NumPy writes for
/// the same array, in the oldest version that can hold its header.
///
/// The file is written beside `path` under a temporary name and renamed into place only
/// when complete, so a failed save never leaves a half-written file where a good one was.
///
/// # Errors
/// The system's (a missing directory, no permission, a full disk).
pub fn save<A: ToNpy + ?Sized>(path: impl AsRef<Path>, a: &A) -> Result<()> {
    save_version(path, a, None)
}

/// [`save`] in a chosen format version (NumPy's `format.write_array(…, version=…)`).
///
/// # Errors
/// As [`save`]; a header the version cannot hold (NumPy's `Header length … too big`).
pub fn save_version<A: ToNpy + ?Sized>(
    path: impl AsRef<Path>,
    a: &A,
    version: Option<Version>,
) -> Result<()> {
    let path = path.as_ref();
    let header = header::write_header(
        &a.npy_dtype(),
        a.npy_fortran_order(),
        &a.npy_shape(),
        version,
    )
    .map_err(|e| Error::format(path, e))?;
    let nbytes = a.npy_shape().iter().product::<usize>() * a.npy_dtype().itemsize();
    let size = (header.len() + nbytes) as u64;
    crate::atomic::write_atomically(path, Some(size), |w| {
        w.write_all(&header)?;
        a.write_npy_data(w)
    })
}
