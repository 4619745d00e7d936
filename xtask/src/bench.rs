//! `cargo xtask bench`: the paper's figures timed in Rust (`paperbench`: nd, the hand loop,
//! the paper's own figures and this machine's limits) and in NumPy
//! (`scripts/bench/numpy_compare.py`, fresh and warm), joined by case and size into
//! `target/bench/report.{md,json,svg}`.

mod plot;
mod report;
mod row;
mod zarr;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use serde_json::Value;

use crate::python;
use crate::run::{self, Result, cargo, root};

use report::{Meta, Report, human_bytes, human_count, human_time};
use row::{Planned, Row};

#[derive(Default)]
pub struct Options {
    /// Run the dev build of paperbench (the smoke test: the test step has built it
    /// already, and it checks the pipeline, not the speed); built only if missing.
    dev_build: bool,
    criterion: bool,
    quick: bool,
    no_numpy: bool,
    /// Leave out the Zarr figures (`zarr_bench`, zarr-python and Dask).
    no_zarr: bool,
    /// Passed to both sides: only cases whose name contains it.
    filter: Option<String>,
    /// Passed to paperbench: only this figure (`1`–`6`, `products`, `more`).
    figure: Option<String>,
    /// Passed to both sides: the least time spent timing each case, in seconds.
    min_time: Option<String>,
    /// Threads for nd and for NumPy's OpenBLAS (one when not given).
    threads: Option<String>,
}

impl Options {
    pub fn parse(args: &[String]) -> Result<Options> {
        let mut options = Options::default();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let mut value = |name: &str| {
                args.next()
                    .cloned()
                    .ok_or_else(|| format!("`{name}` needs a value"))
            };
            match arg.as_str() {
                "--criterion" => options.criterion = true,
                "--quick" => options.quick = true,
                "--no-numpy" => options.no_numpy = true,
                "--no-zarr" => options.no_zarr = true,
                "--filter" => options.filter = Some(value("--filter")?),
                "--figure" => options.figure = Some(value("--figure")?),
                "--min-time" => options.min_time = Some(value("--min-time")?),
                "--threads" => options.threads = Some(value("--threads")?),
                other => {
                    return Err(format!(
                        "unknown bench option `{other}` (see `cargo xtask help`)"
                    ));
                }
            }
        }
        Ok(options)
    }

    /// The selection flags paperbench takes.
    fn selection(&self) -> Vec<String> {
        let mut args = Vec::new();
        if self.quick {
            args.push("--quick".into());
        }
        for (flag, value) in [
            ("--filter", &self.filter),
            ("--figure", &self.figure),
            ("--threads", &self.threads),
        ] {
            if let Some(value) = value {
                args.extend([flag.to_string(), value.clone()]);
            }
        }
        args
    }

    /// Whether only the Zarr figures run (`--figure zarr`).
    fn zarr_only(&self) -> bool {
        self.figure.as_deref() == Some("zarr")
    }

    /// Whether the Zarr figures run: not with `--no-zarr`, a filter or another figure.
    fn zarr(&self) -> bool {
        !self.no_zarr && self.filter.is_none() && (self.figure.is_none() || self.zarr_only())
    }

    /// The Zarr run's size: the smoke test's tiny one, `--quick`'s, or the full 1 GiB store
    /// and 1000³ grid.
    fn zarr_size(&self) -> zarr::Size {
        match (self.dev_build, self.quick) {
            (true, _) => zarr::Size {
                gib: 0.002,
                grid: 24,
            },
            (false, true) => zarr::Size {
                gib: 0.125,
                grid: 200,
            },
            (false, false) => zarr::Size {
                gib: 1.0,
                grid: 1000,
            },
        }
    }

    /// Seconds of timing per case for NumPy's side, as paperbench's default.
    fn numpy_min_time(&self) -> String {
        match (&self.min_time, self.quick) {
            (Some(t), _) => t.clone(),
            (None, true) => "0.05".into(),
            (None, false) => "0.5".into(),
        }
    }

    /// The command line, for the report's header.
    fn command(&self) -> String {
        let mut parts = vec![
            if self.dev_build {
                "cargo xtask test (its bench smoke step: a dev build, timings not meaningful)"
            } else {
                "cargo xtask bench"
            }
            .to_string(),
        ];
        parts.extend(self.selection());
        if self.no_numpy {
            parts.push("--no-numpy".into());
        }
        if self.no_zarr {
            parts.push("--no-zarr".into());
        }
        if let Some(t) = &self.min_time {
            parts.extend(["--min-time".into(), t.clone()]);
        }
        parts.join(" ")
    }
}

/// Where the three report files go.
pub fn report_dir() -> PathBuf {
    target_dir().join("bench")
}

pub fn bench(options: &Options) -> Result {
    let start = Instant::now();
    // The NumPy side is optional: without Python or the registry, nd runs alone.
    let python = if options.no_numpy {
        None
    } else {
        match python::ensure_venv() {
            Ok(python) => Some(python),
            Err(e) => {
                let why = e.lines().last().unwrap_or("no reason given");
                eprintln!("NumPy side skipped: {why}");
                None
            }
        }
    };

    if options.zarr_only() {
        let figures = zarr::run(options.dev_build, &options.zarr_size(), python.as_deref())?;
        let table = format!(
            "# nd vs zarr-python and Dask\n\nMeasured on {} with `{}` (nd at {}).\n\n{}",
            machine(),
            options.command(),
            commit(),
            figures.markdown()
        );
        let json = serde_json::to_string_pretty(&figures.rows())
            .map_err(|e| format!("report.json: {e}"))?;
        return write_reports(&table, &(json + "\n"), &start);
    }

    let profile = if options.dev_build {
        "debug"
    } else {
        "release"
    };
    let paperbench = target_dir().join(profile).join("paperbench");
    // The smoke test runs the binary `cargo test --workspace` built moments before (for
    // nd-tests' integration tests): building it again as `-p nd-tests` alone resolves other
    // features for the shared crates and recompiles most of the workspace (two minutes on
    // CI's two cores).
    if !(options.dev_build && paperbench.exists()) {
        let mut build = cargo();
        build.args(["build", "--quiet", "-p", "nd-tests", "--bin", "paperbench"]);
        if !options.dev_build {
            build.arg("--release");
        }
        run::run(&mut build)?;
    }
    let plan = plan(&paperbench, options)?;
    if plan.is_empty() {
        return Err("no case matches the --figure / --filter given".into());
    }

    // The two sides run one after the other, never at once: on 2 cores they would
    // steal each other's time.
    let mut rust = Command::new(&paperbench);
    rust.arg("--json").args(options.selection());
    if let Some(t) = &options.min_time {
        rust.args(["--min-time", t]);
    }
    let mut rows = stream(&mut rust, "paperbench", &start, &plan)?;

    let mut numpy_version = None;
    if let Some(python) = &python {
        let (version, numpy_rows) = numpy(python, options, &plan, &start)?;
        numpy_version = Some(version);
        rows.extend(numpy_rows);
    }

    let meta = Meta {
        machine: machine(),
        numpy: numpy_version,
        command: options.command(),
        commit: commit(),
    };
    let report = Report::new(rows, plan, meta);
    let mut table = report.markdown();
    let mut json = report.json();
    // The Zarr figures last, after both sides of the paper's: never at the same time.
    if options.zarr() {
        let figures = zarr::run(options.dev_build, &options.zarr_size(), python.as_deref())?;
        table.push_str(&figures.markdown());
        let mut rows: Vec<Value> =
            serde_json::from_str(&json).map_err(|e| format!("report.json: {e}"))?;
        rows.extend(figures.rows());
        json = serde_json::to_string_pretty(&rows).map_err(|e| format!("report.json: {e}"))? + "\n";
    }
    let svg = report_dir().join("report.svg");
    write_reports(&table, &json, &start)?;
    plot::svg(&report, &svg)?;
    eprintln!("wrote {}", svg.display());

    if options.criterion {
        run::run(cargo().args(["bench", "--workspace"]))?;
    }
    Ok(())
}

/// Writes `report.md` (and prints it) and `report.json`.
fn write_reports(table: &str, json: &str, start: &Instant) -> Result {
    println!("\n{table}");
    let dir = report_dir();
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for (name, text) in [("report.md", table), ("report.json", json)] {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    eprintln!("bench took {:.1}s", start.elapsed().as_secs_f64());
    Ok(())
}

/// `cargo xtask test`'s smoke step: a quick run without NumPy writes the three files,
/// and every figure has nd rows in `report.json`. It runs the dev build of paperbench
/// that the test step has built: this checks the pipeline, not the speed (a release build
/// from scratch would add over a minute to CI).
pub fn smoke() -> Result {
    let options = Options {
        dev_build: true,
        quick: true,
        no_numpy: true,
        ..Options::default()
    };
    let dir = report_dir();
    for name in ["report.md", "report.json", "report.svg"] {
        let _ = std::fs::remove_file(dir.join(name));
    }
    bench(&options)?;
    let json = std::fs::read_to_string(dir.join("report.json"))
        .map_err(|e| format!("no report.json after the bench: {e}"))?;
    let rows: Vec<Value> =
        serde_json::from_str(&json).map_err(|e| format!("report.json is not JSON: {e}"))?;
    for figure in ["1", "2", "3", "4", "5", "6", "products", "more"] {
        if !rows
            .iter()
            .any(|r| r["figure"] == figure && r["impl"] == "nd")
        {
            return Err(format!("report.json has no nd row for figure {figure}"));
        }
    }
    for name in ["report.md", "report.svg"] {
        let text = std::fs::read_to_string(dir.join(name))
            .map_err(|e| format!("no {name} after the bench: {e}"))?;
        if !text.contains("Figure 6") {
            return Err(format!("{name} does not show figure 6"));
        }
    }
    if !rows
        .iter()
        .any(|r| r["figure"] == "zarr" && r["impl"] == "nd" && r["case"] == "grid_sum")
    {
        return Err("report.json has no nd row for the Zarr figures".into());
    }
    Ok(())
}

/// What paperbench will run, from `paperbench --list --json`.
fn plan(paperbench: &Path, options: &Options) -> Result<Vec<Planned>> {
    let mut list = Command::new(paperbench);
    list.args(["--list", "--json"]).args(options.selection());
    let stdout = run::stdout_of(&mut list)?;
    stdout
        .lines()
        .map(|line| {
            let value: Value = serde_json::from_str(line)
                .map_err(|e| format!("paperbench --list: {e} in {line}"))?;
            Planned::from_json(&value)
        })
        .collect()
}

/// Runs `command`, reading its JSON lines as they come and printing a progress line for
/// each; other lines are passed on.
fn stream(
    command: &mut Command,
    producer: &str,
    start: &Instant,
    plan: &[Planned],
) -> Result<Vec<Row>> {
    let mut child = command
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("could not start {producer}: {e}"))?;
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut rows = Vec::new();
    for line in BufReader::new(stdout).lines() {
        let line = line.map_err(|e| format!("{producer}: {e}"))?;
        if !line.trim_start().starts_with('{') {
            eprintln!("{producer}: {line}");
            continue;
        }
        let value: Value =
            serde_json::from_str(&line).map_err(|e| format!("{producer}: {e} in {line}"))?;
        let row = Row::from_json(value).map_err(|e| format!("{producer}: {e} in {line}"))?;
        progress(start, &row, plan);
        rows.push(row);
    }
    let status = child
        .wait()
        .map_err(|e| format!("{producer} did not finish: {e}"))?;
    if !status.success() {
        return Err(format!("{producer} failed ({status})"));
    }
    Ok(rows)
}

fn progress(start: &Instant, row: &Row, plan: &[Planned]) {
    let figure = match row.figure.as_str() {
        "" => plan
            .iter()
            .find(|p| p.case == row.case)
            .map_or("?", |p| p.figure.as_str()),
        f => f,
    };
    let side = match row.state() {
        Some(state) => format!("numpy {state}"),
        None => row.implementation.clone(),
    };
    let rate = match (row.number("bytes_per_s"), row.number("flops_per_s")) {
        (Some(b), _) => format!("  {}/s", human_bytes(b)),
        (_, Some(f)) => format!("  {:.1} GFLOP/s", f / 1e9),
        _ => String::new(),
    };
    let peak = row
        .peak_bytes
        .map_or(String::new(), |b| format!("  peak {}", human_bytes(b)));
    let n = match row.number("bytes_per_s") {
        Some(_) => human_bytes(row.n as f64),
        None => human_count(row.n),
    };
    eprintln!(
        "[{:>6.1}s] figure {figure:<8} {side:<11} {:<22} n={n:<8} {:>10}{rate}{peak}",
        start.elapsed().as_secs_f64(),
        row.case,
        human_time(row.median_s),
    );
}

/// NumPy's side: each planned case in a fresh interpreter of its own, then all of them in
/// one warm process. Returns NumPy's version line and the rows.
fn numpy(
    python: &Path,
    options: &Options,
    plan: &[Planned],
    start: &Instant,
) -> Result<(String, Vec<Row>)> {
    let script = |args: &[&str]| {
        let mut command = Command::new(python);
        command
            .current_dir(root())
            .arg("scripts/bench/numpy_compare.py")
            .args(args)
            // This machine's OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE tune OpenBLAS for an
            // older NumPy and slow the current one: NumPy runs without them.
            .env_remove("OPENBLAS_CORETYPE")
            .env_remove("OPENBLAS_L2_SIZE")
            .env(
                "ND_BENCH_THREADS",
                options.threads.as_deref().unwrap_or("1"),
            );
        command
    };
    let version: Value = serde_json::from_str(&run::stdout_of(&mut script(&["--version"]))?)
        .map_err(|e| format!("numpy_compare.py --version: {e}"))?;
    let version = format!(
        "numpy {} (Python {})",
        version["numpy"].as_str().unwrap_or("?"),
        version["python"].as_str().unwrap_or("?")
    );
    let known = run::stdout_of(&mut script(&["--list"]))?;
    let known: Vec<&str> = known.lines().collect();
    let mut runs: Vec<String> = Vec::new();
    for p in plan {
        let run = format!("{}:{}", p.case, p.n);
        if known.contains(&p.case.as_str()) && !runs.contains(&run) {
            runs.push(run);
        }
    }
    let min_time = options.numpy_min_time();
    let mut rows = Vec::new();
    for run in &runs {
        let mut fresh = script(&["--state", "fresh", "--min-time", &min_time, run]);
        rows.extend(stream(&mut fresh, "numpy fresh", start, plan)?);
    }
    let mut warm = script(&["--state", "warm", "--min-time", &min_time]);
    warm.args(&runs);
    rows.extend(stream(&mut warm, "numpy warm", start, plan)?);
    Ok((version, rows))
}

fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root().join(dir),
        None => root().join("target"),
    }
}

/// The CPU's model name and count, from `lscpu`.
fn machine() -> String {
    let output = Command::new("lscpu")
        .env("LC_ALL", "C")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    let field = |name: &str| {
        output
            .lines()
            .find_map(|l| l.strip_prefix(name)?.trim().strip_prefix(':'))
            .map(|v| v.trim().to_string())
    };
    match (field("Model name"), field("CPU(s)")) {
        (Some(model), Some(cpus)) => format!("{model}, {cpus} CPUs"),
        (Some(model), None) => model,
        _ => format!("an unnamed {} machine", std::env::consts::ARCH),
    }
}

/// The short commit hash of HEAD, with `+changes` when the work tree differs.
fn commit() -> String {
    let git = |args: &[&str]| {
        Command::new("git")
            .current_dir(root())
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    let hash = git(&["rev-parse", "--short", "HEAD"]).unwrap_or_else(|| "an unknown commit".into());
    match git(&["status", "--porcelain", "--untracked-files=no"]) {
        Some(changes) if !changes.is_empty() => format!("{hash}+changes"),
        _ => hash,
    }
}
