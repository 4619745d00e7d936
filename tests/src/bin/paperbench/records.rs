//! Figure 6, the paper's records (In \[63\]–\[69\]) at scale: n records of `dt` (time,
//! pos.x, pos.y) in a raw file written once; timed: `np.fromfile`, the mask
//! `x['time'] >= 2`, the x positions of the selected records, their mean.
//!
//! - `records_query`: the paper's order, `x[times]['pos']['x'].mean()` (the selected records
//!   are copied whole, then their field read); `loop`: the manual reading the paper calls
//!   cumbersome, each record's bytes converted field by field, in one pass.
//! - `records_fused`: one pass over the typed records (`r.time`, `r.pos.x` of each `&Rec`),
//!   no mask array and no copy; NumPy's twin is its fastest spelling, the field first:
//!   `x['pos']['x'][x['time'] >= 2].mean()`.
//! - `records_mmap`: the same pass over the file mapped read-only (`ndio::Memmap`, the
//!   paper's figure 5 way) instead of read: no copy of the file at all. NumPy's twin maps
//!   it too (`np.memmap(path, dtype=dt, mode='r')`), then the field-first query.
//! - `records_inmem`: the query alone, on records read before the timing starts (the
//!   paper's In \[66\]–\[68\] without In \[69\]'s read): nd's one pass against NumPy's
//!   field-first query. `records_views`: the same query through the field views, a zip
//!   of `x.time().iter()` and `x.pos().x().iter()` (no NumPy twin: `records_inmem`'s is
//!   the same query).
//!
//! Recipe shared with `scripts/bench/numpy_compare_records.py`: `time = i % 4`,
//! `x = i * 0.5`, `y = -i`; the file in the system's temporary directory under a name with
//! the process id.

use std::hint::black_box;
use std::io::Read;
use std::path::PathBuf;

use ndops::prelude::*;

use crate::harness::Bench;

// dt = np.dtype([('time', np.uint64), ('pos', [('x', float), ('y', float)])])
#[derive(Record, Clone, Copy, Debug, PartialEq)]
#[repr(C)]
struct Pos {
    x: f64,
    y: f64,
}

#[derive(Record, Clone, Copy, Debug, PartialEq)]
#[repr(C)]
struct Rec {
    time: u64,
    pos: Pos,
}

/// The file of the recipe's records, written once per case.
fn written(name: &str, n: usize) -> PathBuf {
    let path = std::env::temp_dir().join(format!("paperbench-{}-{name}.dat", std::process::id()));
    let x: Array1<Rec> = (0..n)
        .map(|i| Rec {
            time: i as u64 % 4,
            pos: Pos {
                x: i as f64 * 0.5,
                y: -(i as f64),
            },
        })
        .collect();
    ndio::tofile(&path, &x).expect("temporary directory is writable");
    path
}

/// In \[69\], \[66\], \[68\] as written: `x = np.fromfile(path, dtype=dt)`,
/// `times = x['time'] >= 2`, `x[times]['pos']['x'].mean()`.
pub fn query(n: usize) -> Bench {
    let path = written("records", n);
    Box::new(move || {
        let x = ndio::fromfile::<Rec>(&path, None, 0).expect("the file was just written");
        let times = x.time().ge(2).expect("same shape");
        let selected = x.masked(&times).expect("the mask has x's shape");
        black_box(selected.pos().x().mean());
    })
}

/// The same by hand: the file's bytes read into a buffer kept from call to call, each
/// record's time and x converted from little-endian bytes, one pass.
pub fn query_loop(n: usize) -> Bench {
    let path = written("records-loop", n);
    let mut bytes = vec![0u8; n * 24];
    Box::new(move || {
        let mut f = std::fs::File::open(&path).expect("the file was just written");
        f.read_exact(&mut bytes).expect("the file has N records");
        let (mut sum, mut n) = (0.0, 0usize);
        for r in bytes.chunks_exact(24) {
            let time = u64::from_le_bytes(r[0..8].try_into().expect("8 bytes"));
            if time >= 2 {
                sum += f64::from_le_bytes(r[8..16].try_into().expect("8 bytes"));
                n += 1;
            }
        }
        black_box(sum / n as f64);
    })
}

/// The mean of `pos.x` over the records with `time >= 2`, in one pass over the records.
fn selected_mean(x: &ArrayRef<Rec, Ix1>) -> f64 {
    let (sum, n) = x
        .iter()
        .filter(|r| r.time >= 2)
        .fold((0.0, 0usize), |(sum, n), r| (sum + r.pos.x, n + 1));
    sum / n as f64
}

/// `fromfile`, then one pass over the records: no mask array, no copy of the selected
/// records.
pub fn fused(n: usize) -> Bench {
    let path = written("records-fused", n);
    Box::new(move || {
        let x = ndio::fromfile::<Rec>(&path, None, 0).expect("the file was just written");
        black_box(selected_mean(&x));
    })
}

/// The file mapped read-only instead of read, then the same pass: the records are read
/// where the page cache holds them.
pub fn mmap(n: usize) -> Bench {
    let path = written("records-mmap", n);
    Box::new(move || {
        let x = ndio::Memmap::new(&path)
            .open::<Rec, Ix1, _>(ndio::mmap::mode::R)
            .expect("the file was just written");
        black_box(selected_mean(&x));
    })
}

/// The records read once, before the timing; timed: the query alone.
pub fn inmem(n: usize) -> Bench {
    let path = written("records-inmem", n);
    let x = ndio::fromfile::<Rec>(&path, None, 0).expect("the file was just written");
    Box::new(move || {
        black_box(selected_mean(&x));
    })
}

/// As [`inmem`], through the field views `x.time()` and `x.pos().x()` walked together.
pub fn views(n: usize) -> Bench {
    let path = written("records-views", n);
    let x = ndio::fromfile::<Rec>(&path, None, 0).expect("the file was just written");
    Box::new(move || {
        let (mut sum, mut n) = (0.0, 0usize);
        for (&time, &px) in x.time().iter().zip(x.pos().x().iter()) {
            if time >= 2 {
                sum += px;
                n += 1;
            }
        }
        black_box(sum / n as f64);
    })
}
