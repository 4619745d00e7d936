//! Files: `np.save`/`np.load` of 1e7 float64 (80 MB), a plain read of the same bytes
//! (`loop`: the floor any loader can reach), and the paper's memory-map sequence
//! (In \[50\]–\[56\]: a 300×300 int64 map created, filled, flushed; reopened `r+`, row 100
//! doubled, flushed).
//!
//! Recipes shared with `scripts/bench/numpy_compare_io.py`: `x = np.arange(1e7)`; files in
//! the system's temporary directory, under names with the process id, so both sides
//! measure the same page cache and file system.

use std::hint::black_box;
use std::path::PathBuf;

use ndcore::prelude::*;
use ndio::mmap::{Flush, Memmap, mode};

use crate::harness::Bench;

const N: usize = 10_000_000;

fn temp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("paperbench-{}-{name}", std::process::id()))
}

/// `np.save(path, x)`.
pub fn npy_save_1e7() -> Bench {
    let x = arange(N as f64);
    let path = temp("save.npy");
    Box::new(move || {
        ndio::save(&path, black_box(&x)).expect("temporary directory is writable");
    })
}

/// The file `np.load` reads in `npy_load_1e7`, written once.
fn saved() -> PathBuf {
    let path = temp("load.npy");
    ndio::save(&path, &arange(N as f64)).expect("temporary directory is writable");
    path
}

/// `np.load(path)`.
pub fn npy_load_1e7() -> Bench {
    let path = saved();
    Box::new(move || {
        black_box(ndio::load::<f64, Ix1>(&path).expect("the file was just written"));
    })
}

/// A plain read of the same file's bytes into a buffer kept from one call to the next:
/// the floor for any loader (nd's load also reuses its buffer, through ndcore's pool).
pub fn npy_load_1e7_loop() -> Bench {
    use std::io::Read;
    let path = saved();
    let mut buf = vec![0u8; std::fs::metadata(&path).expect("just written").len() as usize];
    Box::new(move || {
        let mut f = std::fs::File::open(&path).expect("the file was just written");
        f.read_exact(&mut buf).expect("the file has these bytes");
        black_box(&buf);
    })
}

/// The paper's In \[50\]–\[56\].
pub fn memmap_paper_300() -> Bench {
    let path = temp("myarray.memmap");
    let values = arange(300 * 300i64);
    Box::new(move || {
        let mut a = Memmap::new(&path)
            .shape((300, 300))
            .create::<i64, Ix2>()
            .expect("temporary directory is writable");
        a.as_slice_mut()
            .expect("a fresh map is contiguous")
            .copy_from_slice(values.as_slice().expect("contiguous"));
        a.flush().expect("flush");
        drop(a);
        let mut b = Memmap::new(&path)
            .shape((300, 300))
            .open::<i64, Ix2, _>(mode::RPlus)
            .expect("just written");
        let mut row = b.slice_mut(s![100, ..]);
        row *= 2;
        b.flush().expect("flush");
        black_box(&b);
    })
}
