//! `cargo xtask`: the project's checks and benchmarks as code you can run locally.
//!
//! CI runs exactly `cargo xtask test` (see `.ci/run`), so what passes here passes there.

mod bench;
mod checks;
mod goldens;
mod python;
mod run;
mod workspace;

use std::process::ExitCode;

use run::Steps;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  test                 every check CI runs, in order, stopping at the first failure:
                       python, goldens, fmt, clippy, doc, test, asan, blas, bench
                       (bench: `bench --quick --no-numpy` as a smoke test)
  goldens              regenerate tests/goldens/ from scripts/goldens/*.py (NumPy)
  bench [--quick] [--figure ID] [--no-numpy] [--no-zarr] [--filter SUBSTR]
        [--min-time SECS] [--threads N] [--criterion]
                       the paper's figures (1-6, products, more) in nd, a hand loop and
                       NumPy (fresh and warm), beside the paper's 2011 figures and this
                       machine's limits; writes target/bench/report.{md,json,svg}.
                       Then the Zarr figures (figure `zarr`): a 1 GiB store written,
                       read and summed, and the paper's grid R written to a 1000³
                       store and summed, by nd, zarr-python and Dask (--no-zarr: not).
                       --quick: small sizes, a few minutes; --figure: one figure;
                       --no-numpy: nd alone; --threads: nd's and OpenBLAS's threads
                       (1 by default); --criterion then runs `cargo bench`
  help                 this text";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("test") if args.len() == 1 => test(),
        Some("goldens") if args.len() == 1 => regenerate_goldens(),
        Some("bench") => bench::Options::parse(&args[1..]).and_then(|o| bench::bench(&o)),
        None | Some("help" | "-h" | "--help") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(_) => Err(format!("unknown arguments `{}`\n\n{USAGE}", args.join(" "))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nerror: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Every check, in the order that fails fastest for the commonest mistakes after the
/// environment is known to be sound.
fn test() -> run::Result {
    let mut steps = Steps::default();
    let python = steps.run("python", || {
        let python = python::ensure_venv()?;
        python::ensure_zarr(&python)?;
        Ok(python)
    })?;
    steps.run("goldens", || goldens::check(&python))?;
    steps.run("fmt", checks::fmt)?;
    steps.run("clippy", checks::clippy)?;
    steps.run("doc", checks::doc)?;
    steps.run("test", || checks::test(&python))?;
    steps.run("asan", || checks::asan(&python))?;
    steps.run("blas", || checks::blas(&python))?;
    steps.run("bench", bench::smoke)?;
    steps.summary();
    Ok(())
}

fn regenerate_goldens() -> run::Result {
    let python = python::ensure_venv()?;
    if goldens::regenerate(&python)? > 0 {
        eprintln!("goldens regenerated: review `git status -- tests/goldens` and commit");
    }
    Ok(())
}
