//! Reading and writing a 1 GiB Zarr store with ndio::zarr, beside zarr-python and Dask in
//! the same run:
//!
//! ```text
//! cargo run --release -p ndio --features zarr --example zarr_bench [-- DIR [GIB]]
//! ```
//!
//! A float64 store of 8192 x 16384 (1 GiB; `GIB` scales the rows) in chunks of 512 x 2048
//! (8 MiB) with zarr-python's default codec (zstd, level 0), values
//! `((i * 7919) % 10007) * 0.5`. nd writes the whole array at once and reads it back, on
//! one thread and on every core (`ND_NUM_THREADS` and zarrs' own rayon pool), and sums it
//! chunk by chunk with `map_chunks`. Then `scripts/bench/zarr_compare.py` (with the
//! Python in `ND_PYTHON`, or `target/nd-venv`, which `cargo xtask test` sets up) does the
//! same with zarr-python and Dask. Times are the best of 3.

use std::path::{Path, PathBuf};
use std::time::Instant;

use ndcore::prelude::*;
use ndio::zarr::{Compressor, ZarrArray};

fn best(mut f: impl FnMut()) -> f64 {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args
        .first()
        .map_or_else(|| std::env::temp_dir().join("nd-zarr-bench"), PathBuf::from);
    let gib: f64 = args.get(1).map_or(Ok(1.0), |s| s.parse())?;
    let (cols, crows, ccols) = (16384usize, 512usize, 2048usize);
    let rows = ((8192.0 * gib) as usize).div_ceil(crows) * crows;
    std::fs::create_dir_all(&dir)?;
    println!(
        "store: {rows} x {cols} float64 ({:.2} GiB) in chunks of {crows} x {ccols}, zstd level 0, in {}",
        (rows * cols * 8) as f64 / (1u64 << 30) as f64,
        dir.display()
    );
    let x = Array::from_vec(
        (0..rows * cols)
            .map(|i| ((i as u64 * 7919) % 10007) as f64 * 0.5)
            .collect::<Vec<_>>(),
    )
    .into_shape([rows, cols])?;
    let total: f64 = x.iter().sum();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut counts = vec![1];
    if cores > 1 {
        counts.push(cores);
    }
    for &t in &counts {
        ndcore::threads::set_num_threads(t);
        let pool = rayon::ThreadPoolBuilder::new().num_threads(t).build()?;
        pool.install(|| -> Result<(), ndio::Error> {
            let write = best(|| {
                let z = ZarrArray::create::<f64>(
                    &dir,
                    "nd",
                    &[rows as u64, cols as u64],
                    &[crows as u64, ccols as u64],
                )
                .compressor(Compressor::Zstd(0))
                .build()
                .expect("create");
                z.write(&[0, 0], &x).expect("write");
            });
            println!("nd_write_{t}t {write:?}");
            let z = ZarrArray::open(&dir, "nd")?;
            let back = z.read::<f64>()?;
            assert!(
                back.iter().zip(x.iter()).all(|(a, b)| a == b),
                "read back differs"
            );
            drop(back);
            let read = best(|| {
                std::hint::black_box(z.read::<f64>().expect("read"));
            });
            println!("nd_read_{t}t {read:?}");
            let sum = best(|| {
                let parts = z
                    .map_chunks(|_, a: ArrayD<f64>| Ok(a.iter().sum::<f64>()))
                    .expect("map_chunks");
                let s: f64 = parts.iter().sum();
                assert!((s - total).abs() <= 1e-9 * total, "{s} vs {total}");
            });
            println!("nd_map_chunks_sum_{t}t {sum:?}");
            Ok(())
        })?;
    }
    ndcore::threads::set_num_threads(0);
    std::fs::remove_dir_all(dir.join("nd")).ok();
    drop(x);

    let python = std::env::var_os("ND_PYTHON")
        .map(PathBuf::from)
        .or_else(|| {
            let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/nd-venv/bin/python");
            venv.exists().then_some(venv)
        });
    let Some(python) = python else {
        println!("no Python with zarr (set ND_PYTHON or run `cargo xtask test` once): nd alone");
        return Ok(());
    };
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/bench/zarr_compare.py");
    let status = std::process::Command::new(python)
        .arg(script)
        .arg(&dir)
        .args([rows, cols, crows, ccols].map(|n| n.to_string()))
        .status()?;
    if !status.success() {
        return Err("zarr_compare.py failed".into());
    }
    Ok(())
}
