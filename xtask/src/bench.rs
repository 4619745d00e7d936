//! `cargo xtask bench`: the same named cases timed in Rust (`paperbench`, impls `nd` and
//! `loop`) and in NumPy (`scripts/bench/numpy_compare.py`), merged into one table.

mod report;

use std::process::Command;

use crate::run::{self, Result, cargo, root};
use crate::{json, python};

use report::{Report, Sample};

pub struct Options {
    criterion: bool,
    /// Passed to both sides: only cases whose name contains it.
    filter: Option<String>,
    /// Passed to both sides: the least time spent timing each case, in seconds.
    min_time: Option<String>,
}

impl Options {
    pub fn parse(args: &[String]) -> Result<Options> {
        let mut options = Options {
            criterion: false,
            filter: None,
            min_time: None,
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let mut value = |name: &str| {
                args.next()
                    .cloned()
                    .ok_or_else(|| format!("`{name}` needs a value"))
            };
            match arg.as_str() {
                "--criterion" => options.criterion = true,
                "--filter" => options.filter = Some(value("--filter")?),
                "--min-time" => options.min_time = Some(value("--min-time")?),
                other => {
                    return Err(format!(
                        "unknown bench option `{other}` (see `cargo xtask help`)"
                    ));
                }
            }
        }
        Ok(options)
    }

    fn forward(&self, command: &mut Command) {
        if let Some(filter) = &self.filter {
            command.args(["--filter", filter]);
        }
        if let Some(min_time) = &self.min_time {
            command.args(["--min-time", min_time]);
        }
    }
}

pub fn bench(options: &Options) -> Result {
    let python = python::ensure_venv()?;

    // The two sides run one after the other, never at once: on 2 cores they would
    // steal each other's time.
    let mut rust = cargo();
    rust.args([
        "run",
        "--release",
        "--quiet",
        "-p",
        "nd-tests",
        "--bin",
        "paperbench",
        "--",
    ]);
    rust.arg("--json");
    options.forward(&mut rust);
    let mut samples = parse_lines(&run::stdout_of(&mut rust)?, "paperbench")?;

    let mut numpy = Command::new(&python);
    numpy
        .current_dir(root())
        .arg("scripts/bench/numpy_compare.py");
    // This machine's OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE tune OpenBLAS for an older
    // NumPy and slow the current one: NumPy runs without them (this child only).
    numpy
        .env_remove("OPENBLAS_CORETYPE")
        .env_remove("OPENBLAS_L2_SIZE");
    options.forward(&mut numpy);
    samples.extend(parse_lines(
        &run::stdout_of(&mut numpy)?,
        "numpy_compare.py",
    )?);

    let report = Report::new(samples);
    let table = report.markdown();
    println!("\n{table}");
    let dir = root().join("target/bench");
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for (name, text) in [("report.md", table), ("report.json", report.json())] {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }

    if options.criterion {
        run::run(cargo().args(["bench", "--workspace"]))?;
    }
    Ok(())
}

/// The JSON lines of a benchmark's stdout; other lines are passed on to the user.
fn parse_lines(stdout: &str, producer: &str) -> Result<Vec<Sample>> {
    let mut samples = Vec::new();
    for line in stdout.lines() {
        if !line.trim_start().starts_with('{') {
            eprintln!("{producer}: {line}");
            continue;
        }
        let object = json::parse_flat(line).map_err(|e| format!("{producer}: {e}"))?;
        let sample = Sample::from_json(&object).ok_or_else(|| {
            format!("{producer}: expected case, impl, median_ns, min_ns in {line}")
        })?;
        samples.push(sample);
    }
    Ok(samples)
}
