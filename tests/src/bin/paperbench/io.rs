//! Files: figure 5, the paper's memory-map sequence (In \[50\]–\[56\]: an n×n int64 map
//! created, filled, flushed; reopened `r+`, row 100 doubled, flushed), and, among the
//! more cases, `np.save`/`np.load` of n float64 with a plain read of the same bytes
//! (`loop`: the floor any loader can reach).
//!
//! Recipes shared with `scripts/bench/numpy_compare_io.py`: `x = np.arange(n)`; files in
//! the system's temporary directory, under names with the process id, so both sides
//! measure the same page cache and file system.

use std::hint::black_box;
use std::path::PathBuf;

use ndcore::prelude::*;
use ndio::mmap::{Flush, Memmap, mode};

use crate::harness::Bench;

fn temp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("paperbench-{}-{name}", std::process::id()))
}

/// `np.save(path, x)`.
pub fn npy_save(n: usize) -> Bench {
    let x = arange(n as f64);
    let path = temp("save.npy");
    Box::new(move || {
        ndio::save(&path, black_box(&x)).expect("temporary directory is writable");
    })
}

/// The file `np.load` reads in `npy_load`, written once.
fn saved(n: usize) -> PathBuf {
    let path = temp("load.npy");
    ndio::save(&path, &arange(n as f64)).expect("temporary directory is writable");
    path
}

/// `np.load(path)`.
pub fn npy_load(n: usize) -> Bench {
    let path = saved(n);
    Box::new(move || {
        black_box(ndio::load::<f64, Ix1>(&path).expect("the file was just written"));
    })
}

/// A plain read of the same file's bytes into a buffer kept from one call to the next:
/// the floor for any loader (nd's load also reuses its buffer, through ndcore's pool).
pub fn npy_load_loop(n: usize) -> Bench {
    use std::io::Read;
    let path = saved(n);
    let mut buf = vec![0u8; std::fs::metadata(&path).expect("just written").len() as usize];
    Box::new(move || {
        let mut f = std::fs::File::open(&path).expect("the file was just written");
        f.read_exact(&mut buf).expect("the file has these bytes");
        black_box(&buf);
    })
}

/// The paper's In \[50\]–\[56\] (n = 300 there).
pub fn memmap(n: usize) -> Bench {
    let path = temp("myarray.memmap");
    let values = arange((n * n) as i64);
    Box::new(move || {
        let mut a = Memmap::new(&path)
            .shape((n, n))
            .create::<i64, Ix2>()
            .expect("temporary directory is writable");
        a.as_slice_mut()
            .expect("a fresh map is contiguous")
            .copy_from_slice(values.as_slice().expect("contiguous"));
        a.flush().expect("flush");
        drop(a);
        let mut b = Memmap::new(&path)
            .shape((n, n))
            .open::<i64, Ix2, _>(mode::RPlus)
            .expect("just written");
        let mut row = b.slice_mut(s![100, ..]);
        row *= 2;
        b.flush().expect("flush");
        black_box(&b);
    })
}
