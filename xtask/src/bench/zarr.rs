//! The Zarr figures of `cargo xtask bench`: ndio's `zarr_bench` example (a 1 GiB store
//! written, read and summed; the paper's grid R written to a 1000³ store chunk by chunk and
//! summed) and, in the same run, `scripts/bench/zarr_compare.py` (zarr-python and Dask).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::{Value, json};

use super::report::{human_bytes, human_time};
use super::target_dir;
use crate::python;
use crate::run::{self, Result, cargo};

/// The figures the example and the script printed, `name value`, in order.
pub struct Figures {
    values: Vec<(String, f64)>,
}

/// How big the run is: the store in GiB and the grid's side.
pub struct Size {
    pub gib: f64,
    pub grid: u64,
}

/// Runs the example (`dev`: the debug build `cargo test` made, else a release build) with
/// zarr-python and Dask beside it when `python` is given.
pub fn run(dev: bool, size: &Size, python: Option<&Path>) -> Result<Figures> {
    let profile = if dev { "debug" } else { "release" };
    let example = target_dir().join(profile).join("examples/zarr_bench");
    if !(dev && example.exists()) {
        let mut build = cargo();
        build.args(["build", "--quiet", "-p", "ndio", "--features", "zarr"]);
        build.args(["--example", "zarr_bench"]);
        if !dev {
            build.arg("--release");
        }
        run::run(&mut build)?;
    }
    // zarr-python and Dask in the venv; without them nd runs alone.
    let python = python.and_then(|p| match python::ensure_zarr(p) {
        Ok(()) => Some(p.to_path_buf()),
        Err(e) => {
            eprintln!("zarr-python and Dask side skipped: {e}");
            None
        }
    });
    let dir: PathBuf = target_dir().join("bench/zarr-store");
    let mut command = Command::new(&example);
    command.arg("--dir").arg(&dir);
    command.args([
        "--gib",
        &size.gib.to_string(),
        "--grid",
        &size.grid.to_string(),
    ]);
    match &python {
        Some(p) => command.env("ND_PYTHON", p),
        None => command.arg("--no-python"),
    };
    eprintln!("$ {}", run::show(&command));
    let mut child = command
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", example.display()))?;
    let mut values = Vec::new();
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines() {
            let line = line.map_err(|e| format!("zarr_bench output: {e}"))?;
            eprintln!("zarr: {line}");
            if line.starts_with('#') {
                continue;
            }
            if let Some((name, value)) = line.split_once(' ')
                && let Ok(v) = value.trim().parse::<f64>()
            {
                values.push((name.to_string(), v));
            }
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("zarr_bench did not finish: {e}"))?;
    let _ = std::fs::remove_dir_all(&dir);
    if !status.success() {
        return Err(format!("zarr_bench failed ({status})"));
    }
    let figures = Figures { values };
    figures.check()?;
    Ok(figures)
}

/// The cases of the table: name in the report, and the stem of the figures' names in the
/// example's and the script's output (`nd_{stem}_1t`, `dask_{stem}_2t`, …).
const CASES: [(&str, &str); 5] = [
    ("write the store", "write"),
    ("read the store", "read"),
    ("read and sum, chunk by chunk", "read_sum"),
    ("grid R: compute and write", "grid_write"),
    ("grid R: read and sum", "grid_sum"),
];

/// The three sides, with the prefix of their figures' names.
const SIDES: [(&str, &str); 3] = [
    ("nd", "nd"),
    ("zarr-python", "zarr_python"),
    ("Dask", "dask"),
];

impl Figures {
    fn get(&self, name: &str) -> Option<f64> {
        self.values.iter().find(|(n, _)| n == name).map(|&(_, v)| v)
    }

    /// The thread counts the figures were taken at (1, and every core).
    fn threads(&self) -> Vec<u64> {
        let mut t: Vec<u64> = self
            .values
            .iter()
            .filter_map(|(n, _)| n.strip_suffix('t')?.rsplit('_').next()?.parse().ok())
            .collect();
        t.sort_unstable();
        t.dedup();
        t
    }

    /// nd's and Dask's sums of the grid agree (both sum a billion numbers, in other orders).
    fn check(&self) -> Result {
        if self.get("nd_write_1t").is_none() || self.get("nd_grid_sum_1t").is_none() {
            return Err("zarr_bench printed no nd figures".into());
        }
        if let (Some(nd), Some(dask)) = (
            self.get("nd_grid_sum_value"),
            self.get("dask_grid_sum_value"),
        ) && (nd - dask).abs() > 1e-9 * dask.abs()
        {
            return Err(format!("the grid's sums differ: nd {nd}, Dask {dask}"));
        }
        Ok(())
    }

    /// The report's section.
    pub fn markdown(&self) -> String {
        let threads = self.threads();
        let store = self.get("store_bytes").unwrap_or(f64::NAN);
        let n = self.get("grid_n").unwrap_or(f64::NAN);
        let mut out = format!(
            "\n## Zarr stores (`ndio::zarr`): nd against zarr-python and Dask\n\n\
             A {} float64 store in 8 MiB zstd chunks (best of 3), and the paper's grid R \
             of {n}³ ({}) in {}³ chunks, computed and written chunk by chunk, then summed \
             (once each). `cargo run --release -p ndio --features zarr --example zarr_bench` \
             runs the same.\n\n| case |",
            human_bytes(store),
            human_bytes(n * n * n * 8.0),
            n.min(100.0),
        );
        for (side, _) in SIDES {
            for t in &threads {
                out.push_str(&format!(" {side} {t} thr. |"));
            }
        }
        out.push_str(" other best / nd, 1 thread |\n|---|");
        out.push_str(&"---:|".repeat(SIDES.len() * threads.len() + 1));
        out.push('\n');
        for (title, stem) in CASES {
            out.push_str(&format!("| {title} |"));
            for (_, prefix) in SIDES {
                for t in &threads {
                    let cell = self
                        .get(&format!("{prefix}_{stem}_{t}t"))
                        .map_or("—".to_string(), human_time);
                    out.push_str(&format!(" {cell} |"));
                }
            }
            let nd = self.get(&format!("nd_{stem}_1t"));
            let other = SIDES[1..]
                .iter()
                .filter_map(|(_, p)| self.get(&format!("{p}_{stem}_1t")))
                .reduce(f64::min);
            let ratio = match (nd, other) {
                (Some(nd), Some(o)) => format!("{:.2}×", o / nd),
                _ => "—".into(),
            };
            out.push_str(&format!(" {ratio} |\n"));
        }
        let peak = |name: &str| self.get(name).map_or("—".into(), human_bytes);
        out.push_str(&format!(
            "\nPeak resident memory of the process in the grid part: nd {}, Dask {} (the \
             grid is {}). Sums of R: nd {}, Dask {}.\n",
            peak("nd_grid_peak_bytes"),
            peak("dask_grid_peak_bytes"),
            human_bytes(n * n * n * 8.0),
            self.get("nd_grid_sum_value")
                .map_or("—".into(), |v| format!("{v:.6e}")),
            self.get("dask_grid_sum_value")
                .map_or("—".into(), |v| format!("{v:.6e}")),
        ));
        out
    }

    /// The figures as `report.json` rows (figure `zarr`, `n` the bytes of the array).
    pub fn rows(&self) -> Vec<Value> {
        let store = self.get("store_bytes").unwrap_or(0.0);
        let n = self.get("grid_n").unwrap_or(0.0);
        let mut rows = Vec::new();
        for (_, stem) in CASES {
            let bytes = if stem.starts_with("grid") {
                n * n * n * 8.0
            } else {
                store
            };
            for (side, prefix) in SIDES {
                for t in self.threads() {
                    if let Some(v) = self.get(&format!("{prefix}_{stem}_{t}t")) {
                        rows.push(json!({
                            "figure": "zarr", "case": stem, "impl": side, "n": bytes as u64,
                            "threads": t, "median_s": v, "min_s": v, "max_s": v,
                            "peak_bytes": null,
                        }));
                    }
                }
            }
        }
        rows
    }
}
