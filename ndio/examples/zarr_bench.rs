//! Zarr stores written, read and reduced by ndio::zarr, beside zarr-python and Dask in the
//! same run (`cargo xtask bench` runs it and puts its figures in its report):
//!
//! ```text
//! cargo run --release -p ndio --features zarr --example zarr_bench -- \
//!     [--dir DIR] [--gib G] [--grid N] [--no-python]
//! ```
//!
//! 1. A float64 store of 8192 x 16384 (1 GiB; `--gib` scales the rows) in chunks of
//!    512 x 2048 (8 MiB) with zarr-python's default codec (zstd, level 0), values
//!    `((i * 7919) % 10007) * 0.5`: nd writes the whole array at once, reads it back and
//!    sums it chunk by chunk with `map_chunks`. Best of 3.
//! 2. (run first) The paper's grid `R = sqrt(i**2 + j**2 + k**2)`, `i, j, k = -N/2 … N/2-1` (`--grid`,
//!    1000 by default: 8 GB of float64), written to a store in 100³ chunks by `fill_chunks`
//!    and summed by `map_chunks`, never holding the whole array (the peak resident memory
//!    of this part is printed too). Once each.
//!
//! Both on one thread and on every core (`ND_NUM_THREADS` and zarrs' own rayon pool).
//! Then `scripts/bench/zarr_compare.py` (with the Python in `ND_PYTHON`, or
//! `target/nd-venv`, which `cargo xtask test` sets up) does the same with zarr-python and
//! Dask. Every figure is printed as a line `name value` (seconds, bytes or a sum).

use std::path::{Path, PathBuf};
use std::time::Instant;

use ndcore::prelude::*;
use ndio::zarr::{Chunk, Compressor, ZarrArray};

type Error = Box<dyn std::error::Error + Send + Sync>;

fn best(repeat: usize, mut f: impl FnMut() -> Result<(), Error>) -> Result<f64, Error> {
    let mut t = f64::INFINITY;
    for _ in 0..repeat {
        let start = Instant::now();
        f()?;
        t = t.min(start.elapsed().as_secs_f64());
    }
    Ok(t)
}

struct Args {
    dir: PathBuf,
    gib: f64,
    grid: u64,
    python: bool,
}

fn args() -> Result<Args, Error> {
    let mut args = Args {
        dir: std::env::temp_dir().join("nd-zarr-bench"),
        gib: 1.0,
        grid: 1000,
        python: true,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--dir" => args.dir = PathBuf::from(value()?),
            "--gib" => args.gib = value()?.parse()?,
            "--grid" => args.grid = value()?.parse()?,
            "--no-python" => args.python = false,
            _ => return Err(format!("unknown argument {a} (see the example's doc)").into()),
        }
    }
    if args.gib.is_nan() || args.gib <= 0.0 || args.grid < 2 {
        return Err("--gib must be positive and --grid at least 2".into());
    }
    Ok(args)
}

/// Peak resident memory of this process so far (Linux's `VmHWM`).
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// One chunk of the paper's grid R with `i, j, k` from `-half`: NumPy's
/// `np.sqrt(i**2 + j**2 + k**2)` on the int64 grid (the sum of squares is exact, so its
/// float64 square root is the same number).
fn grid_chunk(c: &Chunk, half: i64) -> ndio::Result<ArrayD<f64>> {
    let at = |d: usize| (c.region[d].start as i64 - half)..(c.region[d].end as i64 - half);
    let shape: Vec<usize> = c
        .region
        .iter()
        .map(|r| (r.end - r.start) as usize)
        .collect();
    let mut v = Vec::with_capacity(shape.iter().product());
    for i in at(0) {
        for j in at(1) {
            let ij = i * i + j * j;
            v.extend(at(2).map(|k| ((ij + k * k) as f64).sqrt()));
        }
    }
    Ok(Array::from_vec(v).into_shape(IxDyn::from_slice(&shape)?)?)
}

fn main() -> Result<(), Error> {
    let args = args()?;
    let dir = &args.dir;
    std::fs::create_dir_all(dir)?;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut counts = vec![1];
    if cores > 1 {
        counts.push(cores);
    }
    // The grid first, so that the peak memory read after it is the grid's alone.
    let n = args.grid;
    let half = (n / 2) as i64;
    let chunk = n.min(100);
    println!(
        "# grid R: {n}³ float64 ({:.2} GB) in chunks of {chunk}³",
        (n * n * n * 8) as f64 / 1e9
    );
    println!("grid_n {n}");
    let mut grid_sum = 0.0;
    for &t in &counts {
        ndcore::threads::set_num_threads(t);
        let pool = rayon::ThreadPoolBuilder::new().num_threads(t).build()?;
        pool.install(|| -> Result<(), Error> {
            let write = best(1, || {
                ZarrArray::create::<f64>(dir, "nd_grid", &[n; 3], &[chunk; 3])
                    .compressor(Compressor::Zstd(0))
                    .build()?
                    .fill_chunks(|c| grid_chunk(c, half))?;
                Ok(())
            })?;
            println!("nd_grid_write_{t}t {write:?}");
            let z = ZarrArray::open(dir, "nd_grid")?;
            let sum = best(1, || {
                let parts = z.map_chunks(|_, a: ArrayD<f64>| Ok(a.iter().sum::<f64>()))?;
                grid_sum = parts.iter().sum();
                Ok(())
            })?;
            println!("nd_grid_sum_{t}t {sum:?}");
            Ok(())
        })?;
    }
    println!("nd_grid_sum_value {grid_sum:?}");
    if let Some(peak) = peak_rss() {
        println!("nd_grid_peak_bytes {peak}");
    }
    std::fs::remove_dir_all(dir.join("nd_grid")).ok();

    let (cols, crows, ccols) = (16384usize, 512usize, 2048usize);
    let rows = ((8192.0 * args.gib).ceil() as usize).max(1);
    println!(
        "# store: {rows} x {cols} float64 ({:.2} GiB) in chunks of {crows} x {ccols}, zstd level 0, in {}",
        (rows * cols * 8) as f64 / (1u64 << 30) as f64,
        dir.display()
    );
    println!("store_bytes {}", rows * cols * 8);
    let x = Array::from_vec(
        (0..rows * cols)
            .map(|i| ((i as u64 * 7919) % 10007) as f64 * 0.5)
            .collect::<Vec<_>>(),
    )
    .into_shape([rows, cols])?;
    let total: f64 = x.iter().sum();
    for &t in &counts {
        ndcore::threads::set_num_threads(t);
        let pool = rayon::ThreadPoolBuilder::new().num_threads(t).build()?;
        pool.install(|| -> Result<(), Error> {
            let shape = [rows as u64, cols as u64];
            let write = best(3, || {
                let z = ZarrArray::create::<f64>(dir, "nd", &shape, &[crows as u64, ccols as u64])
                    .compressor(Compressor::Zstd(0))
                    .build()?;
                z.write(&[0, 0], &x)?;
                Ok(())
            })?;
            println!("nd_write_{t}t {write:?}");
            let z = ZarrArray::open(dir, "nd")?;
            if z.read::<f64>()? != x.view().into_dyn() {
                return Err("the store read back differs from what was written".into());
            }
            let read = best(3, || {
                std::hint::black_box(z.read::<f64>()?);
                Ok(())
            })?;
            println!("nd_read_{t}t {read:?}");
            let sum = best(3, || {
                let parts = z.map_chunks(|_, a: ArrayD<f64>| Ok(a.iter().sum::<f64>()))?;
                let s: f64 = parts.iter().sum();
                if (s - total).abs() > 1e-9 * total {
                    return Err(format!("map_chunks sum {s}, expected {total}").into());
                }
                Ok(())
            })?;
            println!("nd_read_sum_{t}t {sum:?}");
            Ok(())
        })?;
    }
    ndcore::threads::set_num_threads(0);
    std::fs::remove_dir_all(dir.join("nd")).ok();
    drop(x);

    if !args.python {
        return Ok(());
    }
    let python = std::env::var_os("ND_PYTHON")
        .map(PathBuf::from)
        .or_else(|| {
            let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/nd-venv/bin/python");
            venv.exists().then_some(venv)
        });
    let Some(python) = python else {
        println!("# no Python with zarr (set ND_PYTHON or run `cargo xtask test` once): nd alone");
        return Ok(());
    };
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/bench/zarr_compare.py");
    let status = std::process::Command::new(python)
        .arg(script)
        .arg(dir)
        .args([rows, cols, crows, ccols].map(|n| n.to_string()))
        .arg(n.to_string())
        .status()?;
    if !status.success() {
        return Err("zarr_compare.py failed".into());
    }
    Ok(())
}
