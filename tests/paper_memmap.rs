//! The paper's "Efficient I/O with memory mapping", In [50]–[56], with ndio: a 300×300
//! int64 array created on disk, filled and flushed; reopened `r+`, row 100 doubled and
//! flushed; the change seen through a fresh map, through `ndio::load` of the `.npy` form,
//! and, when the venv's NumPy is there, through `np.memmap` and `np.load` themselves.

use nd_tests::goldens::read_golden;
use ndcore::prelude::*;
use ndio::mmap::{Flush, Memmap, mode};

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("nd-paper-memmap-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn in_50_to_56_raw_memmap() -> Result<(), Box<dyn std::error::Error>> {
    let dir = temp_dir("raw");
    let path = dir.join("myarray.memmap");
    // In [50]: a = np.memmap('/tmp/myarray.memmap', mode='write', shape=(300, 300), dtype=np.int)
    let mut a = Memmap::new(&path).shape((300, 300)).create::<i64, Ix2>()?;
    // In [51]: a.flat = np.arange(300 * 300)
    a.as_slice_mut()
        .ok_or("a fresh map is contiguous")?
        .copy_from_slice(arange(300 * 300i64).as_slice().ok_or("contiguous")?);
    // In [52]: a
    assert_eq!(format!("{a:?}\n"), read_golden("memmap/paper_52.repr.txt"));
    // In [53]: a.flush()
    a.flush()?;
    drop(a);
    assert_eq!(std::fs::metadata(&path)?.len(), 300 * 300 * 8);

    // In [54]: b = np.memmap('/tmp/myarray.memmap', mode='r+', shape=(300, 300), dtype=np.int)
    let mut b = Memmap::new(&path)
        .shape((300, 300))
        .open::<i64, Ix2, _>(mode::RPlus)?;
    // In [55]: b[100, :] *= 2
    let mut row = b.slice_mut(s![100, ..]);
    row *= 2;
    assert_eq!(format!("{b:?}\n"), read_golden("memmap/paper_56.repr.txt"));
    // In [56]: b.flush()
    b.flush()?;

    // A fresh read-only map sees the change; so does a plain read of the file.
    let c = Memmap::new(&path).open::<i64, Ix1, _>(mode::R)?;
    assert_eq!(c.len(), 90_000);
    let c = c.into_shape((300, 300))?;
    assert_eq!(
        c.slice(s![100, ..5]).to_vec(),
        vec![60000, 60002, 60004, 60006, 60008]
    );
    assert_eq!(c[[99, 299]], 29_999);
    assert_eq!(c[[101, 0]], 30_300);
    let bytes = std::fs::read(&path)?;
    let at = (100 * 300 + 7) * 8;
    assert_eq!(
        i64::from_le_bytes(bytes[at..at + 8].try_into()?),
        2 * 30_007
    );

    if nd_tests::nd_python().is_some() {
        let script = format!(
            "import numpy as np\n\
             b = np.memmap({p:?}, mode='r', shape=(300, 300), dtype=np.int64)\n\
             e = np.arange(300 * 300).reshape(300, 300); e[100, :] *= 2\n\
             assert (b == e).all(), 'np.memmap sees other values'\n",
            p = path.to_string_lossy()
        );
        nd_tests::run_python(&script, &[] as &[&str]);
    }
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

#[test]
fn in_50_to_56_as_npy() -> Result<(), Box<dyn std::error::Error>> {
    let dir = temp_dir("npy");
    let path = dir.join("myarray.npy");
    let mut a = ndio::create_npy::<i64, Ix2, _>(&path, (300, 300), false)?;
    a.as_slice_mut()
        .ok_or("contiguous")?
        .iter_mut()
        .enumerate()
        .for_each(|(i, v)| *v = i as i64);
    a.flush()?;
    drop(a);
    let mut b = ndio::open_npy::<i64, Ix2, _>(&path, mode::RPlus)?;
    let mut row = b.slice_mut(s![100, ..]);
    row *= 2;
    b.flush()?;
    drop(b);
    let loaded = ndio::load::<i64, Ix2>(&path)?;
    let mut expected = arange(300 * 300i64).into_shape((300, 300))?;
    let mut row = expected.slice_mut(s![100, ..]);
    row *= 2;
    assert_eq!(loaded, expected);
    if nd_tests::nd_python().is_some() {
        let script = format!(
            "import numpy as np\n\
             b = np.load({p:?})\n\
             e = np.arange(300 * 300).reshape(300, 300); e[100, :] *= 2\n\
             assert b.dtype == np.int64 and (b == e).all(), 'np.load sees other values'\n\
             m = np.load({p:?}, mmap_mode='r+')\n\
             m[0, 0] = -5; m.flush()\n",
            p = path.to_string_lossy()
        );
        nd_tests::run_python(&script, &[] as &[&str]);
        // NumPy's write through its own map is seen by ours.
        let c = ndio::open_npy::<i64, Ix2, _>(&path, mode::R)?;
        assert_eq!(c[[0, 0]], -5);
    }
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
