//! Raw binary files: NumPy's `np.fromfile` and `a.tofile`, the elements' bytes and nothing
//! else (no dtype, no shape, no byte order: the reader must know them).

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

use ndcore::any::AnyArray;
use ndcore::{Array1, DType, Element, Ix1, Order};

use crate::error::{Error, Result};
use crate::npy::ToNpy;

/// Reads `count` elements of `T` (all of them for `None`, NumPy's `count=-1`) starting
/// `offset` bytes into a raw binary file, in this machine's byte order (NumPy's
/// `np.fromfile(path, dtype=T, count, offset=offset)`).
///
/// As in NumPy, a trailing partial element is ignored and a `count` larger than the file
/// holds gives the elements it does hold (NumPy allocates `count` elements first; here the
/// allocation never exceeds what the file holds). [`fromfile_any`] reads other byte
/// orders, records and sub-arrays.
///
/// # Errors
/// A missing or unreadable file; an `offset` past the end of the file (NumPy returns an
/// empty array when the offset is less than one element past the end, and fails with
/// `negative dimensions are not allowed` beyond); each naming the file.
///
/// ```
/// # let dir = std::env::temp_dir().join(format!("ndio-doc-ff-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir)?;
/// use ndcore::prelude::*;
/// let path = dir.join("x.bin");
/// ndio::tofile(&path, &arange_with(0i32, 5, 1)?)?;          // arange(5, dtype=int32).tofile(path)
/// assert_eq!(ndio::fromfile::<i32>(&path, None, 0)?, array![0, 1, 2, 3, 4]);
/// assert_eq!(ndio::fromfile::<i32>(&path, Some(2), 4)?, array![1, 2]); // count=2, offset=4
/// assert_eq!(ndio::fromfile::<i64>(&path, None, 0)?.len(), 2);  // 20 bytes: 2 whole int64
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn fromfile<T: Element>(
    path: impl AsRef<Path>,
    count: Option<usize>,
    offset: u64,
) -> Result<Array1<T>> {
    let path = path.as_ref();
    #[cfg(unix)]
    if ndcore::element::accepts_any_bits::<T>() && std::mem::size_of::<T>() > 0 {
        return fromfile_direct(path, count, offset);
    }
    let a = fromfile_any(path, T::dtype(), count, offset)?;
    // A fresh array of T's own dtype: the conversion takes its buffer without a copy.
    a.into_array::<T, Ix1>()
        .map_err(|e| Error::format(path, e.to_string()))
}

/// Reads `count` elements of `dtype` (all of them for `None`) starting `offset` bytes into
/// a raw binary file (NumPy's `np.fromfile(path, dtype, count, offset=offset)`).
///
/// The dtype is kept as given: `>i4` reads big-endian integers and the array keeps the
/// `>i4` dtype, as NumPy's does (convert with [`AnyArray::to_native_byteorder`]). Records
/// read whole; a sub-array dtype such as `(2,)<f8` adds its shape to the array's, as in
/// NumPy (`n` elements of `(2,)<f8` give shape `(n, 2)` of `<f8`). A trailing partial
/// element is ignored and a `count` past the end gives what the file holds, as in NumPy.
///
/// # Errors
/// As [`fromfile`]; a dtype of size 0 (NumPy: `negative dimensions are not allowed`).
///
/// ```
/// # let dir = std::env::temp_dir().join(format!("ndio-doc-ffa-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir)?;
/// use ndcore::DType;
/// let path = dir.join("be.bin");
/// std::fs::write(&path, [0, 0, 1, 0, 0, 0, 0, 2])?;
/// let a = ndio::fromfile_any(&path, DType::from_typestr(">i4")?, None, 0)?;
/// assert_eq!(format!("{a:?}"), "array([256,   2], dtype='>i4')");
/// let r = ndio::fromfile_any(&path, DType::from_descr("[('a', 'u1'), ('b', '>i2')]")?, Some(1), 2)?;
/// assert_eq!(format!("{r:?}"), "array([(1, 0)], dtype=[('a', 'u1'), ('b', '>i2')])");
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn fromfile_any(
    path: impl AsRef<Path>,
    dtype: DType,
    count: Option<usize>,
    offset: u64,
) -> Result<AnyArray> {
    let path = path.as_ref();
    let itemsize = dtype.itemsize();
    if itemsize == 0 {
        return Err(Error::mismatch(
            path,
            format!(
                "a dtype of size 0 ({}) cannot be read from a file",
                dtype.name()
            ),
        ));
    }
    let (mut file, n) = open_elements(path, itemsize, count, offset)?;
    // NumPy moves a sub-array dtype's shape to the array.
    let mut shape = vec![n];
    shape.extend_from_slice(dtype.shape());
    let mut a = AnyArray::zeros(dtype.base().clone(), &shape, Order::C)?;
    file.seek(SeekFrom::Start(offset))
        .map_err(|e| Error::io(path, "seek", e))?;
    if let Some(bytes) = a.bytes_mut() {
        file.read_exact(bytes).map_err(|e| read_error(path, n, e))?;
    }
    Ok(a)
}

/// The error of a read of `n` elements that failed: the file shrank under us, or the
/// system refused.
fn read_error(path: &Path, n: usize, e: std::io::Error) -> Error {
    if e.kind() == std::io::ErrorKind::UnexpectedEof {
        Error::format(
            path,
            format!("the file became shorter while {n} elements were read"),
        )
    } else {
        Error::io(path, "read", e)
    }
}

/// Opens `path` and counts the elements of `itemsize` bytes to read from `offset`: `count`
/// of them, or all there are (a trailing partial element is left out).
fn open_elements(
    path: &Path,
    itemsize: usize,
    count: Option<usize>,
    offset: u64,
) -> Result<(File, usize)> {
    let file = File::open(path).map_err(|e| Error::io(path, "open", e))?;
    let len = file
        .metadata()
        .map_err(|e| Error::io(path, "stat", e))?
        .len();
    if offset > len {
        return Err(Error::mismatch(
            path,
            format!("offset {offset} is past the end of the file ({len} bytes)"),
        ));
    }
    // Bounded by the file's size, whatever `count` asks.
    let available = usize::try_from((len - offset) / itemsize as u64).unwrap_or(usize::MAX);
    Ok((file, count.map_or(available, |c| c.min(available))))
}

/// [`fromfile`] for a `T` that any bytes are a valid value of: the file is read straight
/// into the array's buffer, which is not zeroed first (a large buffer comes from ndcore's
/// pool, where zeroing it cost a write of every byte: 0.25 ms of the 1.1 ms that 1e6
/// 24-byte records took to read, `paperbench --filter records`).
#[cfg(unix)]
fn fromfile_direct<T: Element>(
    path: &Path,
    count: Option<usize>,
    offset: u64,
) -> Result<Array1<T>> {
    let (file, n) = open_elements(path, std::mem::size_of::<T>(), count, offset)?;
    // SAFETY: the read below writes all `n` elements before the array is returned; on an
    // error the array is dropped unread (its elements are `Copy`, never dropped).
    let mut a = unsafe { Array1::<T>::try_uninit(n) }?;
    let nbytes = n * std::mem::size_of::<T>();
    // SAFETY: a fresh contiguous array of `n` elements: `nbytes` writable bytes.
    unsafe { read_exact_at(&file, a.as_mut_ptr().cast::<u8>(), nbytes, offset) }
        .map_err(|e| read_error(path, n, e))?;
    Ok(a)
}

/// Reads `len` bytes at `offset` of `file` into `buf` (`pread`, into memory that need not
/// be initialized: no `&mut [u8]` of it is made).
///
/// # Safety
/// `buf` must be valid for writes of `len` bytes.
#[cfg(unix)]
unsafe fn read_exact_at(
    file: &File,
    mut buf: *mut u8,
    mut len: usize,
    mut offset: u64,
) -> std::io::Result<()> {
    use std::os::fd::AsRawFd;
    while len > 0 {
        let at = libc::off_t::try_from(offset)
            .map_err(|_| std::io::Error::from(std::io::ErrorKind::InvalidInput))?;
        // Linux reads at most 0x7ffff000 bytes per call.
        let chunk = len.min(1 << 30);
        // SAFETY: `buf` is valid for `len >= chunk` bytes (the caller's contract, advanced
        // below by what was read); `file` stays open across the call.
        let r = unsafe { libc::pread(file.as_raw_fd(), buf.cast(), chunk, at) };
        if r < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        if r == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let r = r as usize;
        buf = buf.wrapping_add(r);
        len -= r;
        offset += r as u64;
    }
    Ok(())
}

/// Writes an array's elements to a raw binary file in C order, whatever the array's own
/// order, with no header (NumPy's `a.tofile(path)`): typed arrays of any storage and
/// [`AnyArray`] (in its dtype's byte order).
///
/// The file is written beside `path` under a temporary name and renamed into place when
/// complete (NumPy writes in place). A Fortran-order array is reordered through a buffer
/// of its size.
///
/// # Errors
/// The system's (a missing directory, no permission, a full disk), naming `path`.
///
/// ```
/// # let dir = std::env::temp_dir().join(format!("ndio-doc-tf-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir)?;
/// use ndcore::prelude::*;
/// let path = dir.join("t.bin");
/// let a = array![[1u8, 2, 3], [4, 5, 6]];
/// ndio::tofile(&path, &a.t())?;                   // a.T.tofile(path): C order of a.T
/// assert_eq!(std::fs::read(&path)?, [1, 4, 2, 5, 3, 6]);
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn tofile<A: ToNpy + ?Sized>(path: impl AsRef<Path>, a: &A) -> Result<()> {
    let path = path.as_ref();
    let nbytes = a.npy_shape().iter().product::<usize>() * a.npy_dtype().itemsize();
    crate::atomic::write_atomically(path, Some(nbytes as u64), |w| {
        if !a.npy_fortran_order() {
            return a.write_npy_data(w);
        }
        // ToNpy writes a Fortran-order array in Fortran order: reorder to C order.
        let mut f = Vec::new();
        a.write_npy_data(&mut f)?;
        write_f_as_c(w, &f, &a.npy_shape(), a.npy_dtype().itemsize())
    })
}

/// Writes the elements of `f`, Fortran-order bytes of `shape`, in C order.
fn write_f_as_c(
    w: &mut dyn Write,
    f: &[u8],
    shape: &[usize],
    itemsize: usize,
) -> std::io::Result<()> {
    let n: usize = shape.iter().product();
    if n == 0 || itemsize == 0 {
        return Ok(());
    }
    // Fortran strides in bytes: the first axis is the fastest.
    let mut strides = vec![0usize; shape.len()];
    let mut s = itemsize;
    for (k, &d) in shape.iter().enumerate() {
        strides[k] = s;
        s *= d;
    }
    let last = shape.len() - 1;
    let mut index = vec![0usize; shape.len()];
    let mut buf = Vec::with_capacity(1 << 16);
    let mut base = 0usize;
    loop {
        // One C-order row: the last axis, the slowest in Fortran order.
        for i in 0..shape[last] {
            let at = base + i * strides[last];
            buf.extend_from_slice(&f[at..at + itemsize]);
        }
        if buf.len() >= 1 << 16 {
            w.write_all(&buf)?;
            buf.clear();
        }
        // Next row: advance the other axes, the one before last fastest.
        let mut k = last;
        loop {
            if k == 0 {
                return w.write_all(&buf);
            }
            k -= 1;
            index[k] += 1;
            base += strides[k];
            if index[k] < shape[k] {
                break;
            }
            base -= strides[k] * shape[k];
            index[k] = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndcore::prelude::*;

    fn dir(name: &str) -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!("ndio-raw-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn f_order_is_written_in_c_order() {
        let d = dir("forder");
        let a = arange_with(0i16, 24, 1)
            .unwrap()
            .into_shape((2, 3, 4))
            .unwrap();
        let f = a.t();
        assert!(f.is_f_contiguous() && !f.is_c_contiguous());
        tofile(d.join("f.bin"), &f).unwrap();
        tofile(d.join("c.bin"), &f.to_owned()).unwrap();
        assert_eq!(
            std::fs::read(d.join("f.bin")).unwrap(),
            std::fs::read(d.join("c.bin")).unwrap()
        );
        let back = fromfile::<i16>(d.join("f.bin"), None, 0).unwrap();
        assert_eq!(back.into_shape((4, 3, 2)).unwrap(), f);
        // The same through AnyArray, which keeps the Fortran order.
        let any = AnyArray::from_array(&f);
        assert!(any.is_f_contiguous() && !any.is_c_contiguous());
        tofile(d.join("any.bin"), &any).unwrap();
        assert_eq!(
            std::fs::read(d.join("any.bin")).unwrap(),
            std::fs::read(d.join("c.bin")).unwrap()
        );
        std::fs::remove_dir_all(d).unwrap();
    }

    #[test]
    fn counts_offsets_and_partial_items() {
        let d = dir("counts");
        let p = d.join("b.bin");
        std::fs::write(&p, (0u8..20).collect::<Vec<_>>()).unwrap();
        assert_eq!(fromfile::<u8>(&p, None, 0).unwrap().len(), 20);
        assert_eq!(fromfile::<u32>(&p, None, 2).unwrap().len(), 4);
        assert_eq!(fromfile::<u64>(&p, Some(5), 0).unwrap().len(), 2);
        assert_eq!(fromfile::<u64>(&p, Some(0), 0).unwrap().len(), 0);
        assert_eq!(fromfile::<u64>(&p, None, 20).unwrap().len(), 0);
        assert_eq!(fromfile::<u64>(&p, Some(usize::MAX), 0).unwrap().len(), 2);
        assert_eq!(
            fromfile::<u16>(&p, Some(2), 3).unwrap(),
            array![u16::from_ne_bytes([3, 4]), u16::from_ne_bytes([5, 6])]
        );
        let e = fromfile::<u8>(&p, None, 21).unwrap_err().to_string();
        assert!(
            e.ends_with("offset 21 is past the end of the file (20 bytes)"),
            "{e}"
        );
        assert!(e.contains("b.bin"), "{e}");
        let e = fromfile::<u8>(d.join("missing.bin"), None, 0)
            .unwrap_err()
            .to_string();
        assert!(e.contains("missing.bin: cannot open"), "{e}");
        let e = fromfile_any(&p, DType::void(0).unwrap(), None, 0).unwrap_err();
        assert!(e.to_string().contains("size 0"), "{e}");
        std::fs::remove_dir_all(d).unwrap();
    }

    #[test]
    fn subarray_dtype_extends_the_shape() {
        let d = dir("sub");
        let p = d.join("s.bin");
        tofile(&p, &arange_with(0i16, 6, 1).unwrap()).unwrap();
        let dt = DType::from_descr("('<i2', (2,))").unwrap();
        let a = fromfile_any(&p, dt, None, 0).unwrap();
        assert_eq!(a.shape(), &[3, 2]);
        assert_eq!(
            format!("{a:?}"),
            "array([[0, 1],\n       [2, 3],\n       [4, 5]], dtype=int16)"
        );
        std::fs::remove_dir_all(d).unwrap();
    }
}
