//! Memory maps in every mode: offsets that are not page-aligned, copy-on-write leaving the
//! file byte for byte as it was, flushes seen by a second map, Fortran-order files, the
//! errors for files that do not fit, and np.memmap and nd seeing each other's writes.

use std::path::Path;

use nd_tests::TempDir;

use ndcore::prelude::*;
use ndio::mmap::{Flush, Memmap, mode};

/// `n` bytes 0, 1, 2, … (mod 251), a pattern no offset error can hide.
fn pattern(n: usize) -> Vec<u8> {
    (0..n).map(|i| (i % 251) as u8).collect()
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn offsets_that_are_not_page_aligned() -> Result<(), ndio::Error> {
    let dir = TempDir::new("mmap-offsets");
    let path = dir.path("data.bin");
    let bytes = pattern(3 * 4096 + 123);
    write(&path, &bytes);
    for offset in [0u64, 8, 24, 4088, 4096, 4104, 8192 + 64] {
        let a = Memmap::new(&path)
            .offset(offset)
            .shape((3, 5))
            .open::<u64, Ix2, _>(mode::R)?;
        for i in 0..3 {
            for j in 0..5 {
                let at = offset as usize + 8 * (5 * i + j);
                let want = u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap());
                assert_eq!(a[[i, j]], want, "offset {offset}, [{i}, {j}]");
            }
        }
    }
    // Any byte offset for one-byte elements, shape from the file size.
    for offset in [1u64, 3, 4095, 4097] {
        let a = Memmap::new(&path)
            .offset(offset)
            .open::<u8, Ix1, _>(mode::R)?;
        assert_eq!(a.len(), bytes.len() - offset as usize);
        assert_eq!(a.to_vec(), bytes[offset as usize..].to_vec());
    }
    Ok(())
}

#[test]
fn copy_on_write_leaves_the_file_as_it_was() -> Result<(), ndio::Error> {
    let dir = TempDir::new("mmap-cow");
    let path = dir.path("data.bin");
    let bytes = pattern(8 * 1000 + 16);
    write(&path, &bytes);
    let mut c = Memmap::new(&path)
        .offset(16)
        .shape(1000)
        .open::<f64, Ix1, _>(mode::C)?;
    assert!(c.storage().is_copy_on_write());
    c.fill(1.5);
    c.flush()?;
    assert!(c.iter().all(|&v| v == 1.5));
    // A second map, and the file itself, still hold the old bytes.
    let r = Memmap::new(&path).open::<u8, Ix1, _>(mode::R)?;
    assert_eq!(r.to_vec(), bytes);
    drop(c);
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    Ok(())
}

#[test]
fn flush_is_seen_by_a_second_map() -> Result<(), ndio::Error> {
    let dir = TempDir::new("mmap-flush");
    let path = dir.path("data.bin");
    let mut w = Memmap::new(&path)
        .offset(40)
        .shape((4, 6))
        .create::<i32, Ix2>()?;
    assert_eq!(std::fs::metadata(&path).unwrap().len(), 40 + 4 * 6 * 4);
    w.slice_mut(s![1, ..]).fill(7);
    w.flush_range(6 * 4, 6 * 4)?;
    let r = Memmap::new(&path)
        .offset(40)
        .shape((4, 6))
        .open::<i32, Ix2, _>(mode::R)?;
    assert_eq!(r.slice(s![1, ..]).to_vec(), vec![7; 6]);
    assert_eq!(r.slice(s![0, ..]).to_vec(), vec![0; 6]);
    w[[3, 5]] = -1;
    w.flush()?;
    assert_eq!(r[[3, 5]], -1);
    // A range past the end is an error, not a crash.
    assert!(w.flush_range(90, 10).is_err());
    // The header bytes before the offset stay zero: w+ writes only the array.
    let file = std::fs::read(&path).unwrap();
    assert!(file[..40].iter().all(|&b| b == 0));
    // r+ writes reach the file.
    let mut rw = Memmap::new(&path)
        .offset(40)
        .shape((4, 6))
        .open::<i32, Ix2, _>(mode::RPlus)?;
    rw[[0, 0]] = 99;
    rw.flush()?;
    drop(rw);
    let file = std::fs::read(&path).unwrap();
    assert_eq!(i32::from_le_bytes(file[40..44].try_into().unwrap()), 99);
    Ok(())
}

#[test]
fn fortran_order_files() -> Result<(), ndio::Error> {
    let dir = TempDir::new("mmap-forder");
    let path = dir.path("data.bin");
    // Column-major 2x3: columns [0, 1], [2, 3], [4, 5].
    let values: Vec<u8> = (0..6i16).flat_map(|v| v.to_le_bytes()).collect();
    write(&path, &values);
    let a = Memmap::new(&path)
        .shape((2, 3))
        .order(Order::F)
        .open::<i16, Ix2, _>(mode::R)?;
    assert!(a.is_f_contiguous());
    assert_eq!(a, array![[0i16, 2, 4], [1, 3, 5]]);
    // A Fortran-order .npy maps as NumPy's open_memmap does.
    let npy = dir.path("f.npy");
    ndio::save(&npy, &array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]].t())?;
    assert!(ndio::read_header(&npy)?.fortran_order);
    let m = ndio::open_npy::<f64, Ix2, _>(&npy, mode::R)?;
    assert_eq!(m, array![[1.0, 4.0], [2.0, 5.0], [3.0, 6.0]]);
    let mut f = ndio::create_npy::<f32, Ix2, _>(dir.path("g.npy"), (2, 2), true)?;
    f[[0, 1]] = 3.0;
    f.flush()?;
    drop(f);
    let g = ndio::load::<f32, Ix2>(dir.path("g.npy"))?;
    assert!(g.is_f_contiguous());
    assert_eq!(g, array![[0.0f32, 3.0], [0.0, 0.0]]);
    Ok(())
}

#[test]
fn files_that_do_not_fit_are_errors() {
    let dir = TempDir::new("mmap-errors");
    let path = dir.path("data.bin");
    write(&path, &pattern(100));
    let text =
        |r: Result<ndio::MmapArray<f64, Ix2>, ndio::Error>| r.map(|_| ()).unwrap_err().to_string();
    let e = text(Memmap::new(&path).shape((4, 4)).open(mode::R));
    assert!(e.contains("mmap length is greater than file size"), "{e}");
    assert!(e.contains("needs 128 bytes, the file has 100"), "{e}");
    let e = text(Memmap::new(&path).offset(4).shape((2, 2)).open(mode::R));
    assert!(
        e.contains("offset 4 is not a multiple of 8, the alignment of float64"),
        "{e}"
    );
    let e = text(Memmap::new(&path).shape((0, 3)).open(mode::R));
    assert!(e.contains("cannot map an empty array"), "{e}");
    let e = text(Memmap::new(&path).open(mode::R));
    assert!(
        e.contains("Size of available data is not a multiple of the data-type size"),
        "{e}"
    );
    let e = text(
        Memmap::new(dir.path("missing.bin"))
            .shape((1, 1))
            .open(mode::R),
    );
    assert!(e.contains("missing.bin: cannot open"), "{e}");
    // Shape omitted gives 1-D: asking for 2-D is a rank error.
    write(&path, &pattern(96));
    let e = text(Memmap::new(&path).open(mode::R));
    assert!(e.contains("(12,)"), "{e}");
    let e = Memmap::new(&path)
        .offset(200)
        .open::<u8, Ix1, _>(mode::R)
        .map(|_| ())
        .unwrap_err();
    assert!(
        e.to_string()
            .contains("offset 200 is past the end of the file (96 bytes)"),
        "{e}"
    );
    // w+ needs a shape; r+ does not grow a short file (NumPy's would).
    let e = Memmap::new(dir.path("new.bin"))
        .create::<f64, Ix1>()
        .map(|_| ())
        .unwrap_err();
    assert!(e.to_string().contains("shape must be given"), "{e}");
    let e = Memmap::new(&path)
        .shape(13)
        .open::<f64, Ix1, _>(mode::RPlus)
        .map(|_| ())
        .unwrap_err();
    assert!(
        e.to_string()
            .contains("mmap length is greater than file size"),
        "{e}"
    );
    assert_eq!(std::fs::metadata(&path).unwrap().len(), 96);
    // A big-endian .npy cannot be mapped as native values.
    let be = dir.path("be.npy");
    let mut any =
        ndio::AnyArray::zeros(ndcore::DType::from_descr("'>f8'").unwrap(), &[2], Order::C).unwrap();
    any.bytes_mut().unwrap()[..2].copy_from_slice(&[0x3f, 0xf0]);
    ndio::save(&be, &any).unwrap();
    let e = ndio::open_npy::<f64, Ix1, _>(&be, mode::R)
        .map(|_| ())
        .unwrap_err();
    assert!(
        e.to_string()
            .contains("a memory map cannot convert byte order"),
        "{e}"
    );
    assert_eq!(
        ndio::load::<f64, Ix1>(&be).unwrap().to_vec(),
        vec![f64::from_bits(0x3ff0_0000_0000_0000), 0.0]
    );
    let e = ndio::open_npy::<i64, Ix1, _>(&be, mode::R)
        .map(|_| ())
        .unwrap_err();
    assert!(
        e.to_string()
            .contains("the file holds float64 ('>f8'), not int64"),
        "{e}"
    );
}

#[test]
fn mapped_arrays_are_arrays() -> Result<(), ndio::Error> {
    let dir = TempDir::new("mmap-arrays");
    let path = dir.path("data.bin");
    let values: Vec<u8> = (0..12).flat_map(|v: i64| v.to_le_bytes()).collect();
    write(&path, &values);
    let a = Memmap::new(&path)
        .shape((3, 4))
        .open::<i64, Ix2, _>(mode::R)?;
    // Views, operators, reductions and printing work unchanged; clones share the map.
    let b = a.clone();
    assert_eq!(a.t().slice(s![1, ..]).to_vec(), vec![1, 5, 9]);
    assert_eq!((&a + &b).iter().sum::<i64>(), 132);
    assert_eq!(
        format!("{a}"),
        "[[ 0  1  2  3]\n [ 4  5  6  7]\n [ 8  9 10 11]]"
    );
    assert_eq!(
        format!("{:?}", a.view()),
        "array([[ 0,  1,  2,  3],\n       [ 4,  5,  6,  7],\n       [ 8,  9, 10, 11]])"
    );
    assert!(!a.flags().writeable && !a.flags().owndata);
    // Booleans: map bytes and view them checked.
    write(&path, &[0, 1, 1, 0]);
    let bytes = Memmap::new(&path).open::<u8, Ix1, _>(mode::R)?;
    assert_eq!(
        bytes.view_as::<bool>()?.to_vec(),
        vec![false, true, true, false]
    );
    write(&path, &[0, 2]);
    let bytes = Memmap::new(&path).open::<u8, Ix1, _>(mode::R)?;
    assert!(bytes.view_as::<bool>().is_err());
    Ok(())
}

#[test]
fn numpy_memmap_and_nd_see_each_others_writes() -> Result<(), Box<dyn std::error::Error>> {
    let Some(_python) = nd_tests::nd_python() else {
        eprintln!("ND_PYTHON not set (cargo xtask test sets it): NumPy cross-check skipped");
        return Ok(());
    };
    let dir = TempDir::new("mmap-numpy");
    let path = dir.path("shared.bin");
    // nd creates (offset 24, F order, float32), NumPy reads and writes back.
    let mut a = Memmap::new(&path)
        .offset(24)
        .shape((3, 5))
        .order(Order::F)
        .create::<f32, Ix2>()?;
    for i in 0..3 {
        for j in 0..5 {
            a[[i, j]] = (10 * i + j) as f32;
        }
    }
    a.flush()?;
    let script = format!(
        "import numpy as np\n\
         m = np.memmap({p:?}, dtype=np.float32, mode='r+', offset=24, shape=(3, 5), order='F')\n\
         e = (10 * np.arange(3)[:, None] + np.arange(5)).astype(np.float32)\n\
         assert (m == e).all(), repr(m)\n\
         m[2, 4] = -7.5\n\
         m.flush()\n",
        p = path.to_string_lossy()
    );
    nd_tests::run_python(&script, &[] as &[&str]);
    // Our shared map sees NumPy's write.
    assert_eq!(a[[2, 4]], -7.5);
    let b = Memmap::new(&path)
        .offset(24)
        .shape((3, 5))
        .order(Order::F)
        .open::<f32, Ix2, _>(mode::R)?;
    assert_eq!(b[[2, 4]], -7.5);
    assert_eq!(b[[1, 3]], 13.0);
    Ok(())
}
