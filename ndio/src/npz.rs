//! `.npz` archives: NumPy's `np.savez`, `np.savez_compressed` and `np.load` of a zip of
//! `.npy` members.
//!
//! An archive is a zip file whose members are `.npy` files named `NAME.npy`; NumPy shows
//! them without the suffix (`np.load("f.npz").files == ["a", "b"]`), and so does
//! [`NpzReader::names`]. Members are stored (`savez`) or deflated (`savez_compressed`).
//!
//! Reading trusts nothing the archive says: a member's declared size must be one deflate
//! can produce from the compressed bytes the file really holds, and no read goes past it.

use std::fs::File;
use std::io::{BufReader, Read, Write};
use std::path::{Path, PathBuf};

use ndcore::any::AnyArray;
use ndcore::{Array, Dimension, Element, Order};
use zip::CompressionMethod;
use zip::ZipArchive;
use zip::write::SimpleFileOptions;

use crate::error::{Error, Result};
use crate::header::{self, Header};
use crate::npy::{LoadOptions, ToNpy, read_header_from};

/// The most bytes deflate can produce from one compressed byte (zlib's figure: 1032:1, a
/// long run of one byte). A member declaring more than this is a zip bomb or corrupt.
const MAX_DEFLATE_RATIO: u64 = 1032;

/// NumPy's suffix of array members.
const NPY: &str = ".npy";

/// Saves arrays into an uncompressed `.npz` archive (NumPy's `np.savez(path, a=a, b=b)`),
/// one member `NAME.npy` per array, in the order given.
///
/// NumPy names positional arrays `arr_0`, `arr_1`, … and stores them after the keyword
/// arrays (`np.savez(f, x, y=y)` holds `y`, `arr_0`): use those names, in that order, to
/// write the same archive. Like NumPy, every member is written with zip64 extensions so that it may pass
/// 4 GiB. The path is used as given (NumPy appends `.npz` when it is missing). Members
/// are stamped 1980-01-01 00:00 (the zip epoch), so the same arrays give the same bytes;
/// NumPy stamps the current time. The archive is written beside `path` under a temporary
/// name and renamed into place when complete.
///
/// # Errors
/// Two arrays with the same name; a header the `.npy` format cannot hold; the system's (a
/// missing directory, no permission, a full disk), naming `path`.
///
/// ```
/// # let dir = std::env::temp_dir().join(format!("ndio-doc-savez-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir)?;
/// use ndcore::prelude::*;
/// use ndio::ToNpy;
/// let path = dir.join("data.npz");
/// let x = arange(6i64).into_shape((2, 3))?;
/// let y = array![0.5, 1.5];
/// ndio::savez(&path, &[("x", &x as &dyn ToNpy), ("y", &y)])?;  // np.savez(path, x=x, y=y)
/// let mut npz = ndio::NpzReader::open(&path)?;
/// assert_eq!(npz.names(), ["x", "y"]);
/// assert_eq!(npz.load::<f64, Ix1>("y")?, y);
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn savez(path: impl AsRef<Path>, arrays: &[(&str, &dyn ToNpy)]) -> Result<()> {
    write_npz(path.as_ref(), arrays, CompressionMethod::Stored)
}

/// Saves arrays into a deflated `.npz` archive (NumPy's `np.savez_compressed`), at zlib's
/// default level as NumPy does.
///
/// # Errors
/// As [`savez`].
///
/// ```
/// # let dir = std::env::temp_dir().join(format!("ndio-doc-savezc-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir)?;
/// use ndcore::prelude::*;
/// use ndio::ToNpy;
/// let path = dir.join("zeros.npz");
/// let z = Array::<f64, _>::zeros((100, 100));
/// ndio::savez_compressed(&path, &[("z", &z as &dyn ToNpy)])?;
/// assert!(std::fs::metadata(&path)?.len() < 1000);        // 80 kB of zeros, deflated
/// assert_eq!(ndio::NpzReader::open(&path)?.load::<f64, Ix2>("z")?, z);
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn savez_compressed(path: impl AsRef<Path>, arrays: &[(&str, &dyn ToNpy)]) -> Result<()> {
    write_npz(path.as_ref(), arrays, CompressionMethod::Deflated)
}

fn write_npz(path: &Path, arrays: &[(&str, &dyn ToNpy)], method: CompressionMethod) -> Result<()> {
    // Everything that can be refused is refused before the file is created.
    let mut members = Vec::with_capacity(arrays.len());
    for (i, &(name, a)) in arrays.iter().enumerate() {
        if arrays[..i].iter().any(|&(n, _)| n == name) {
            return Err(Error::mismatch(
                path,
                format!("two arrays are named '{name}': member names must differ"),
            ));
        }
        let header =
            header::write_header(&a.npy_dtype(), a.npy_fortran_order(), &a.npy_shape(), None)
                .map_err(|e| Error::format(path, format!("array '{name}': {e}")))?;
        members.push((format!("{name}{NPY}"), header, a));
    }
    let level = (method == CompressionMethod::Deflated).then_some(6);
    let options = SimpleFileOptions::default()
        .compression_method(method)
        .compression_level(level)
        // NumPy forces zip64 on every member (gh-10776) so that none is limited to 4 GiB.
        .large_file(true)
        .unix_permissions(0o600);
    crate::atomic::write_atomically(path, None, |w| {
        // The temporary file is written front to back: members carry their sizes in data
        // descriptors, which NumPy's zipfile reads as it reads any archive.
        let mut zip = zip::ZipWriter::new_stream(w);
        for (member, header, a) in &members {
            zip.start_file(member.as_str(), options)?;
            zip.write_all(header)?;
            a.write_npy_data(&mut zip)?;
        }
        zip.finish()?;
        Ok(())
    })
}

/// An open `.npz` archive, read member by member (NumPy's `NpzFile`, what `np.load`
/// returns for a `.npz`).
///
/// ```
/// # let dir = std::env::temp_dir().join(format!("ndio-doc-npzr-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir)?;
/// use ndcore::prelude::*;
/// use ndio::ToNpy;
/// let path = dir.join("f.npz");
/// ndio::savez(&path, &[("arr_0", &array![1i32, 2] as &dyn ToNpy)])?;
/// let mut npz = ndio::NpzReader::open(&path)?;   // npz = np.load(path)
/// assert_eq!(npz.names(), ["arr_0"]);            // npz.files
/// let a = npz.by_name("arr_0")?;                 // npz["arr_0"]
/// assert_eq!(format!("{a:?}"), "array([1, 2], dtype=int32)");
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct NpzReader {
    path: PathBuf,
    len: u64,
    zip: ZipArchive<BufReader<File>>,
    /// The members' names without `.npy`, in the archive's order.
    names: Vec<String>,
    /// The members' names as stored.
    members: Vec<String>,
}

impl std::fmt::Debug for NpzReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NpzReader")
            .field("path", &self.path)
            .field("names", &self.names)
            .finish()
    }
}

impl NpzReader {
    /// Opens an archive and reads its list of members (NumPy's `np.load` of a `.npz`).
    /// No member is read until asked for.
    ///
    /// # Errors
    /// A file that cannot be opened; NumPy's `File is not a zip file` for anything that is
    /// not a readable zip archive (a `.npy` file, a truncated archive, a corrupt central
    /// directory).
    ///
    /// ```
    /// # let dir = std::env::temp_dir().join(format!("ndio-doc-npzo-{}", std::process::id()));
    /// # std::fs::create_dir_all(&dir)?;
    /// let path = dir.join("a.npy");
    /// ndio::save(&path, &ndcore::prelude::array![1.0])?;
    /// let e = ndio::NpzReader::open(&path).unwrap_err();
    /// assert!(e.to_string().contains("File is not a zip file"));
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn open(path: impl AsRef<Path>) -> Result<NpzReader> {
        let path = path.as_ref();
        let file = File::open(path).map_err(|e| Error::io(path, "open", e))?;
        let len = file
            .metadata()
            .map_err(|e| Error::io(path, "stat", e))?
            .len();
        let zip = ZipArchive::new(BufReader::new(file))
            .map_err(|e| Error::format(path, format!("File is not a zip file ({e})")))?;
        let members = zip
            .file_names()
            .map(|n| n.map(|n| n.into_owned()))
            .collect::<Result<Vec<String>, _>>()
            .map_err(|e| Error::format(path, format!("a member's name cannot be read: {e}")))?;
        let names = members
            .iter()
            .map(|m| m.strip_suffix(NPY).unwrap_or(m).to_owned())
            .collect();
        Ok(NpzReader {
            path: path.to_path_buf(),
            len,
            zip,
            names,
            members,
        })
    }

    /// The members' names without `.npy`, in the archive's order (NumPy's `npz.files`).
    ///
    /// ```
    /// # let dir = std::env::temp_dir().join(format!("ndio-doc-npzn-{}", std::process::id()));
    /// # std::fs::create_dir_all(&dir)?;
    /// use ndcore::prelude::*;
    /// use ndio::ToNpy;
    /// let path = dir.join("f.npz");
    /// let (t, x) = (array![0.0, 0.1], array![[1i64]]);
    /// ndio::savez(&path, &[("t", &t as &dyn ToNpy), ("x", &x)])?;
    /// let npz = ndio::NpzReader::open(&path)?;
    /// assert_eq!(npz.names(), ["t", "x"]);
    /// assert_eq!((npz.len(), npz.is_empty()), (2, false));
    /// assert!(npz.contains("t") && npz.contains("t.npy") && !npz.contains("y"));
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// How many members the archive has.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether the archive has no members.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// Whether `name` (with or without `.npy`) is a member (NumPy's `name in npz`).
    pub fn contains(&self, name: &str) -> bool {
        self.member(name).is_some()
    }

    /// The stored name for `name`: itself when a member has it, else `name.npy` (NumPy's
    /// lookup, in which the full name wins).
    fn member(&self, name: &str) -> Option<String> {
        if self.members.iter().any(|m| m == name) {
            return Some(name.to_owned());
        }
        let full = format!("{name}{NPY}");
        self.members.contains(&full).then_some(full)
    }

    /// Reads a member whatever its dtype (NumPy's `npz[name]`), with or without `.npy`:
    /// its dtype, byte order and memory order are kept, as [`crate::load_any`] keeps a
    /// `.npy` file's.
    ///
    /// # Errors
    /// NumPy's `'x is not a file in the archive'` for a name that is not a member; a
    /// member that is not a `.npy` file (NumPy returns its bytes instead), or whose `.npy`
    /// header is malformed or data short (as [`crate::load_any`]); a corrupt member (bad
    /// deflate data, wrong checksum, more bytes than its declared size); a declared size
    /// deflate cannot produce from the member's compressed size (a zip bomb); a compression
    /// method other than stored or deflated; an encrypted member. Each names the archive
    /// and the member.
    ///
    /// ```
    /// # let dir = std::env::temp_dir().join(format!("ndio-doc-npzb-{}", std::process::id()));
    /// # std::fs::create_dir_all(&dir)?;
    /// use ndcore::prelude::*;
    /// use ndio::ToNpy;
    /// let path = dir.join("f.npz");
    /// ndio::savez_compressed(&path, &[("m", &array![[1u16, 2], [3, 4]] as &dyn ToNpy)])?;
    /// let mut npz = ndio::NpzReader::open(&path)?;
    /// let m = npz.by_name("m")?;                     // npz["m"], or npz["m.npy"]
    /// assert_eq!((m.dtype().typestr(), m.shape()), ("<u2".to_string(), &[2, 2][..]));
    /// assert_eq!(m.downcast::<u16, Ix2>()?, array![[1u16, 2], [3, 4]]);
    /// let e = npz.by_name("w").unwrap_err();
    /// assert!(e.to_string().ends_with("f.npz: 'w is not a file in the archive'"));
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn by_name(&mut self, name: &str) -> Result<AnyArray> {
        self.read_member(name, |_, _| Ok(()))
    }

    /// Reads a member into a typed array (NumPy's `npz[name]` with the type checked):
    /// `npz.load::<f64, Ix2>("a")`. Big-endian members are swapped to this machine's order,
    /// as [`crate::load`] swaps a `.npy` file.
    ///
    /// # Errors
    /// As [`by_name`](Self::by_name); and, before the member's data is read, a dtype other
    /// than `T` (in either byte order) or a rank other than `D`'s, naming what the member
    /// holds.
    ///
    /// ```
    /// # let dir = std::env::temp_dir().join(format!("ndio-doc-npzl-{}", std::process::id()));
    /// # std::fs::create_dir_all(&dir)?;
    /// use ndcore::prelude::*;
    /// use ndio::ToNpy;
    /// let path = dir.join("f.npz");
    /// ndio::savez(&path, &[("m", &array![[1.0f32, 2.0]] as &dyn ToNpy)])?;
    /// let mut npz = ndio::NpzReader::open(&path)?;
    /// assert_eq!(npz.load::<f32, Ix2>("m")?, array![[1.0f32, 2.0]]);
    /// let e = npz.load::<f64, Ix2>("m").unwrap_err();
    /// assert!(e.to_string().ends_with("member 'm' holds float32 ('<f4'), not float64 ('<f8')"));
    /// let e = npz.load::<f32, Ix1>("m").unwrap_err();
    /// assert!(e.to_string().ends_with("member 'm' holds an array of 2 dimensions (shape (1, 2)), not 1"));
    /// let e = npz.load::<f32, Ix2>("x").unwrap_err();
    /// assert!(e.to_string().ends_with("'x is not a file in the archive'"));
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn load<T: Element, D: Dimension>(&mut self, name: &str) -> Result<Array<T, D>> {
        let a = self.read_member(name, check_typed::<T, D>)?;
        let a = if a.dtype() == &T::dtype() {
            a
        } else {
            a.to_native_byteorder()?
        };
        let path = self.path.clone();
        a.into_array::<T, D>()
            .map_err(|e| Error::format(&path, format!("member '{name}': {e}")))
    }

    /// Reads member `name`, calling `check` on its header before any of its data is read.
    fn read_member(
        &mut self,
        name: &str,
        check: impl FnOnce(&Header, &str) -> Result<(), String>,
    ) -> Result<AnyArray> {
        let path = self.path.clone();
        let Some(member) = self.member(name) else {
            return Err(Error::mismatch(
                &path,
                format!("'{name} is not a file in the archive'"),
            ));
        };
        let shown = member.strip_suffix(NPY).unwrap_or(&member).to_owned();
        let fail = |why: String| Error::format(&path, format!("member '{shown}': {why}"));
        let mut f = self.zip.by_name(&member).map_err(|e| fail(e.to_string()))?;
        if f.encrypted() {
            return Err(fail("the member is encrypted".into()));
        }
        let declared = f.size();
        let compressed = f.compressed_size();
        match f.compression() {
            CompressionMethod::Stored if declared != compressed => {
                return Err(fail(format!(
                    "a stored member of {compressed} bytes declares {declared} bytes: the \
                     archive is corrupt"
                )));
            }
            CompressionMethod::Stored => {}
            CompressionMethod::Deflated => {
                if declared > compressed.saturating_mul(MAX_DEFLATE_RATIO) {
                    return Err(fail(format!(
                        "declares {declared} bytes from {compressed} compressed bytes, more \
                         than deflate can produce (a zip bomb or a corrupt archive)"
                    )));
                }
            }
            other => {
                return Err(fail(format!(
                    "compression method {other} is not supported (NumPy writes stored or \
                     deflated members)"
                )));
            }
        }
        let start = f.data_start().unwrap_or(0);
        if start.saturating_add(compressed) > self.len {
            return Err(fail(format!(
                "{compressed} compressed bytes from offset {start} run past the end of the \
                 {}-byte file",
                self.len
            )));
        }
        // The declared size bounds every read; the header's data size is checked against it
        // before the array is allocated.
        let mut r = (&mut f).take(declared);
        let mut magic = [0u8; 6];
        let head = read_up_to(&mut r, &mut magic).map_err(|e| fail(e.to_string()))?;
        if magic[..head] != header::MAGIC[..] {
            return Err(fail(
                "not a .npy file (NumPy returns such a member's bytes)".into(),
            ));
        }
        let mut r = (&magic[..head]).chain(r);
        let h = read_header_from(&mut r, declared, &LoadOptions::default()).map_err(fail)?;
        check(&h, &shown).map_err(|why| Error::mismatch(&path, why))?;
        let order = if h.fortran_order { Order::F } else { Order::C };
        let mut a = AnyArray::zeros(h.dtype.clone(), &h.shape, order)?;
        if let Some(bytes) = a.bytes_mut() {
            r.read_exact(bytes)
                .map_err(|e| fail(format!("reading array data: {e}")))?;
        }
        // What follows the data (nothing, in what NumPy writes) is read and counted.
        let rest = std::io::copy(&mut r, &mut std::io::sink()).map_err(|e| fail(e.to_string()))?;
        let got = (h.data_offset as u64 + h.data_len() as u64).saturating_add(rest);
        if got != declared {
            return Err(fail(format!(
                "the member holds {got} bytes, not the declared {declared}: the archive is \
                 corrupt"
            )));
        }
        // Reading past the declared size ends the member: the zip reader verifies its
        // checksum there, and refuses more data than declared.
        let mut probe = [0u8; 1];
        if f.read(&mut probe).map_err(|e| fail(e.to_string()))? != 0 {
            return Err(fail(format!(
                "more data than the declared {declared} bytes: the archive is corrupt"
            )));
        }
        Ok(a)
    }
}

/// Fills `buf` as far as the reader goes; how many bytes were read.
fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut got = 0;
    while got < buf.len() {
        match r.read(&mut buf[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(got)
}

/// Whether member `name`, of header `h`, can be read as `T` (in either byte order) of
/// rank `D`.
fn check_typed<T: Element, D: Dimension>(h: &Header, name: &str) -> Result<(), String> {
    match crate::npy::typed_as::<T, D>(h) {
        Ok(_) => Ok(()),
        Err(crate::npy::Mismatch::DType(why) | crate::npy::Mismatch::Rank(why)) => {
            Err(format!("member '{name}' {why}"))
        }
    }
}

/// Loads every member of a `.npz` archive, in the archive's order: `(name, array)` with
/// names without `.npy` (NumPy's `dict(np.load(path))`).
///
/// # Errors
/// As [`NpzReader::open`] and [`NpzReader::by_name`] for each member.
///
/// ```
/// # let dir = std::env::temp_dir().join(format!("ndio-doc-loadnpz-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir)?;
/// use ndcore::prelude::*;
/// use ndio::ToNpy;
/// let path = dir.join("f.npz");
/// ndio::savez_compressed(&path, &[("a", &array![1u8, 2] as &dyn ToNpy), ("b", &array![true])])?;
/// let all = ndio::load_npz(&path)?;
/// let shown: Vec<String> = all.iter().map(|(n, a)| format!("{n}={a:?}")).collect();
/// assert_eq!(shown, ["a=array([1, 2], dtype=uint8)", "b=array([ True])"]);
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn load_npz(path: impl AsRef<Path>) -> Result<Vec<(String, AnyArray)>> {
    let mut npz = NpzReader::open(path)?;
    let members = npz.members.clone();
    members
        .iter()
        .zip(npz.names.clone())
        .map(|(member, name)| Ok((name, npz.by_name(member)?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndcore::prelude::*;
    use std::io::Cursor;

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("ndio-npz-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    fn golden(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/goldens/npy")
            .join(name)
    }

    /// A zip written by the zip crate into memory, members as given, sizes in the central
    /// directory as plain 32-bit fields (easy to patch).
    fn zip_bytes(members: &[(&str, &[u8])], method: CompressionMethod) -> Vec<u8> {
        let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let o = SimpleFileOptions::default().compression_method(method);
        for (name, bytes) in members {
            z.start_file(*name, o).unwrap();
            z.write_all(bytes).unwrap();
        }
        z.finish().unwrap().into_inner()
    }

    fn npy_bytes(a: &dyn ToNpy) -> Vec<u8> {
        let mut v = Vec::new();
        crate::write_npy(&mut v, a, None).unwrap();
        v
    }

    /// Where the first record with `signature` starts.
    fn find(bytes: &[u8], signature: &[u8; 4]) -> usize {
        bytes.windows(4).position(|w| w == signature).unwrap()
    }

    fn read_err(bytes: &[u8], name: &str, member: &str) -> String {
        let d = dir(name);
        let p = d.join("bad.npz");
        std::fs::write(&p, bytes).unwrap();
        let e = NpzReader::open(&p)
            .and_then(|mut r| r.by_name(member))
            .unwrap_err()
            .to_string();
        std::fs::remove_dir_all(d).unwrap();
        e
    }

    #[test]
    fn reads_numpy_archives() {
        for file in ["plain.npz", "compressed.npz"] {
            let mut r = NpzReader::open(golden(file)).unwrap();
            assert_eq!(r.names(), ["a", "b", "c"]);
            assert_eq!(
                r.load::<i64, Ix2>("a").unwrap(),
                arange(6i64).into_shape((2, 3)).unwrap()
            );
            assert_eq!(
                r.load::<f64, Ix1>("b.npy").unwrap(),
                array![0.0, 0.25, 0.5, 0.75, 1.0]
            );
            assert_eq!(format!("{:?}", r.by_name("c").unwrap()), "array(True)");
        }
    }

    #[test]
    fn round_trip_keeps_dtype_order_and_names() {
        let d = dir("rt");
        let a = arange_with(0i32, 12, 1)
            .unwrap()
            .into_shape((3, 4))
            .unwrap();
        let f = a.t();
        let be = AnyArray::from_array(&array![1.5f64, -2.0])
            .to_native_byteorder()
            .unwrap();
        let be_bytes = {
            let mut v = be.as_bytes().unwrap().to_vec();
            v.chunks_mut(8).for_each(|c| c.reverse());
            v
        };
        let mut big = AnyArray::zeros(DType::from_typestr(">f8").unwrap(), &[2], Order::C).unwrap();
        big.bytes_mut().unwrap().copy_from_slice(&be_bytes);
        let empty = Array::<u8, _>::zeros((0, 3));
        for compressed in [false, true] {
            let p = d.join(format!("rt{compressed}.npz"));
            let arrays: &[(&str, &dyn ToNpy)] = &[
                ("z", &a),
                ("f", &f),
                ("big", &big),
                ("empty", &empty),
                ("s", &array![7u16]),
            ];
            if compressed {
                savez_compressed(&p, arrays).unwrap();
            } else {
                savez(&p, arrays).unwrap();
            }
            let mut r = NpzReader::open(&p).unwrap();
            assert_eq!(r.names(), ["z", "f", "big", "empty", "s"]);
            assert_eq!(r.load::<i32, Ix2>("z").unwrap(), a);
            let f2 = r.load::<i32, Ix2>("f").unwrap();
            assert_eq!(f2, f);
            assert!(f2.is_f_contiguous() && !f2.is_c_contiguous());
            assert_eq!(r.by_name("big").unwrap().dtype().typestr(), ">f8");
            assert_eq!(r.load::<f64, Ix1>("big").unwrap(), array![1.5, -2.0]);
            assert_eq!(r.load::<u8, Ix2>("empty").unwrap(), empty);
            assert!(r.contains("s") && r.contains("s.npy") && !r.contains("t"));
            let all = load_npz(&p).unwrap();
            assert_eq!(all.len(), 5);
            assert_eq!(format!("{:?}", all[4].1), "array([7], dtype=uint16)");
        }
        // Deflate shrinks, stored does not.
        let plain = std::fs::metadata(d.join("rtfalse.npz")).unwrap().len();
        let deflated = std::fs::metadata(d.join("rttrue.npz")).unwrap().len();
        assert!(deflated < plain, "{deflated} < {plain}");
        std::fs::remove_dir_all(d).unwrap();
    }

    #[test]
    fn refuses_duplicate_names_and_keeps_the_old_file() {
        let d = dir("dup");
        let p = d.join("d.npz");
        savez(&p, &[("a", &array![1i8] as &dyn ToNpy)]).unwrap();
        let e = savez(
            &p,
            &[("a", &array![1i8] as &dyn ToNpy), ("a", &array![2i8])],
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .ends_with("two arrays are named 'a': member names must differ")
        );
        assert_eq!(load_npz(&p).unwrap().len(), 1);
        std::fs::remove_dir_all(d).unwrap();
    }

    #[test]
    fn missing_and_wrong_members() {
        let npy = npy_bytes(&array![1.0f64, 2.0]);
        let z = zip_bytes(
            &[("x.npy", &npy), ("notes.txt", b"hello")],
            CompressionMethod::Stored,
        );
        assert!(read_err(&z, "miss", "y").ends_with("'y is not a file in the archive'"));
        let e = read_err(&z, "txt", "notes.txt");
        assert!(
            e.ends_with(
                "member 'notes.txt': not a .npy file (NumPy returns such a member's bytes)"
            ),
            "{e}"
        );
        let d = dir("typed");
        std::fs::write(d.join("z.npz"), &z).unwrap();
        let mut r = NpzReader::open(d.join("z.npz")).unwrap();
        assert_eq!(r.names(), ["x", "notes.txt"]);
        let e = r.load::<i64, Ix1>("x").unwrap_err().to_string();
        assert!(
            e.ends_with("member 'x' holds float64 ('<f8'), not int64 ('<i8')"),
            "{e}"
        );
        assert!(matches!(
            r.load::<f64, Ix2>("x"),
            Err(Error::Mismatch { .. })
        ));
        assert_eq!(r.load::<f64, Ix1>("x").unwrap(), array![1.0, 2.0]);
        std::fs::remove_dir_all(d).unwrap();
    }

    #[test]
    fn not_a_zip() {
        let d = dir("notzip");
        for (i, bytes) in [&b""[..], b"PK", b"hello world", &npy_bytes(&array![1u8])]
            .into_iter()
            .enumerate()
        {
            let p = d.join(format!("{i}.npz"));
            std::fs::write(&p, bytes).unwrap();
            let e = NpzReader::open(&p).unwrap_err().to_string();
            assert!(e.contains("File is not a zip file"), "{e}");
        }
        let e = NpzReader::open(d.join("none.npz")).unwrap_err().to_string();
        assert!(e.contains("none.npz: cannot open"), "{e}");
        std::fs::remove_dir_all(d).unwrap();
    }

    #[test]
    fn truncated_archives_are_errors() {
        let npy = npy_bytes(&arange(100i64));
        for method in [CompressionMethod::Stored, CompressionMethod::Deflated] {
            let z = zip_bytes(&[("a.npy", &npy)], method);
            let d = dir("trunc");
            for cut in (0..z.len()).step_by(7) {
                let p = d.join("t.npz");
                std::fs::write(&p, &z[..cut]).unwrap();
                let r = NpzReader::open(&p).and_then(|mut r| r.by_name("a"));
                assert!(r.is_err(), "cut at {cut}");
            }
            std::fs::remove_dir_all(d).unwrap();
        }
    }

    #[test]
    fn corrupt_data_and_checksums() {
        let npy = npy_bytes(&arange(100i64));
        // A flipped data byte in a stored member: the checksum catches it.
        let mut z = zip_bytes(&[("a.npy", &npy)], CompressionMethod::Stored);
        let at = find(&z, b"PK\x03\x04") + 30 + "a.npy".len() + 200;
        z[at] ^= 0xFF;
        let e = read_err(&z, "crc", "a");
        assert!(e.contains("member 'a'") && e.contains("checksum"), "{e}");
        // Garbage in a deflated stream.
        let mut z = zip_bytes(&[("a.npy", &npy)], CompressionMethod::Deflated);
        let start = find(&z, b"PK\x03\x04") + 30 + "a.npy".len();
        for b in &mut z[start..start + 40] {
            *b = 0xFF;
        }
        let e = read_err(&z, "deflate", "a");
        assert!(e.contains("member 'a'"), "{e}");
    }

    /// Patches the central directory's sizes of the first member.
    fn patch_cd(z: &mut [u8], compressed: Option<u32>, size: u32) {
        let cd = find(z, b"PK\x01\x02");
        if let Some(c) = compressed {
            z[cd + 20..cd + 24].copy_from_slice(&c.to_le_bytes());
        }
        z[cd + 24..cd + 28].copy_from_slice(&size.to_le_bytes());
    }

    #[test]
    fn declared_sizes_are_not_trusted() {
        let npy = npy_bytes(&Array::<f64, _>::zeros(10_000));
        // Deflated 80 kB of zeros declaring 4 GB: beyond deflate's 1032:1.
        let mut z = zip_bytes(&[("a.npy", &npy)], CompressionMethod::Deflated);
        patch_cd(&mut z, None, 0xFFFF_FFF0);
        let e = read_err(&z, "bomb", "a");
        assert!(e.contains("more than deflate can produce"), "{e}");
        // Declaring fewer bytes than the stream holds: refused, never read past.
        let mut z = zip_bytes(&[("a.npy", &npy)], CompressionMethod::Deflated);
        patch_cd(&mut z, None, 1000);
        let e = read_err(&z, "short", "a");
        assert!(e.contains("Failed to read all data"), "{e}");
        let mut z = zip_bytes(&[("a.npy", &npy)], CompressionMethod::Deflated);
        patch_cd(&mut z, None, npy.len() as u32 - 8);
        let e = read_err(&z, "short8", "a");
        assert!(e.contains("member 'a'"), "{e}");
        // Declaring more than the stream holds (within the ratio): the data runs out.
        let mut z = zip_bytes(&[("a.npy", &npy)], CompressionMethod::Deflated);
        patch_cd(&mut z, None, npy.len() as u32 + 8);
        let e = read_err(&z, "long", "a");
        assert!(e.ends_with(&format!("member 'a': the member holds {} bytes, not the declared {}: the archive is corrupt", npy.len(), npy.len() + 8)), "{e}");
        // A stored member whose sizes disagree, or that runs past the end of the file.
        let mut z = zip_bytes(&[("a.npy", &npy)], CompressionMethod::Stored);
        patch_cd(&mut z, None, 0x7FFF_FFFF);
        let e = read_err(&z, "stored", "a");
        assert!(e.contains("member 'a'"), "{e}");
        let mut z = zip_bytes(&[("a.npy", &npy)], CompressionMethod::Stored);
        patch_cd(&mut z, Some(0x7FFF_FFFF), 0x7FFF_FFFF);
        let e = read_err(&z, "past", "a");
        assert!(e.contains("member 'a'"), "{e}");
    }

    #[test]
    fn a_header_larger_than_the_member_is_refused_before_allocating() {
        // A valid .npy header for 2**40 float64 with no data: refused from the sizes alone.
        let mut npy = Vec::new();
        let h = header::write_header(
            &DType::from_typestr("<f8").unwrap(),
            false,
            &[1 << 40],
            None,
        )
        .unwrap();
        npy.extend_from_slice(&h);
        let z = zip_bytes(&[("a.npy", &npy)], CompressionMethod::Deflated);
        let e = read_err(&z, "hdr", "a");
        assert!(e.contains("Failed to read all data for array"), "{e}");
    }
}
