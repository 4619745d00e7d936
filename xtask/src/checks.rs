//! The cargo-driven checks of `cargo xtask test`.

use std::path::Path;
use std::process::Command;

use crate::run::{self, Result, cargo, root, with_python};
use crate::workspace;

pub fn fmt() -> Result {
    run::run(cargo().args(["fmt", "--all", "--", "--check"]))
        .map_err(|e| format!("{e}\nformatting differs: run `cargo fmt --all`"))
}

/// Every crate and target, with ndio's `zarr` feature on (the default build leaves it off).
pub fn clippy() -> Result {
    run::run(cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--features",
        "ndio/zarr",
        "--",
        "-D",
        "warnings",
    ]))
}

/// The documentation of every crate, with warnings (a broken intra-doc link, say) as
/// errors.
pub fn doc() -> Result {
    run::run(
        cargo()
            .env("RUSTDOCFLAGS", "-D warnings")
            .args(["doc", "--workspace", "--no-deps"]),
    )
}

/// Unit, integration and doc tests of every crate, with ndio's `zarr` feature on (its
/// tests cross-check zarr-python and a local Dask cluster in the venv). ndio's C ABI is
/// built first as the shared library the live NumPy sharing checks load
/// (`tests/share_numpy.rs`), and its path exported in `ND_CAPI_LIB`.
pub fn test(python: &Path) -> Result {
    run::run(cargo().args(["build", "-p", "nd-capi"]))?;
    let lib = root().join("target/debug/libnd_capi.so");
    run::run(with_python(cargo(), python).env("ND_CAPI_LIB", &lib).args([
        "test",
        "--workspace",
        "--features",
        "ndio/zarr",
    ]))
}

/// The tests of every crate with `unsafe` code, again under AddressSanitizer: it catches
/// out-of-bounds pointer arithmetic that passes plain tests silently. Leak detection
/// stays on: it has no false positives here, and a leak in an owning array is a bug.
pub fn asan(python: &Path) -> Result {
    if !cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        eprintln!("AddressSanitizer runs only on x86_64 Linux: skipped");
        return Ok(());
    }
    let mut crates = Vec::new();
    let mut tests = Vec::new();
    for member in workspace::members()? {
        // xtask is tooling; proc-macro crates run inside rustc, not under the sanitizer;
        // nd-tests is sanitized below, by its chosen tests (its `unsafe` is paperbench's
        // counting allocator and limit kernels).
        if member.name == "xtask" || member.name == "nd-tests" || member.proc_macro {
            continue;
        }
        if let Some(file) = workspace::first_unsafe_file(&member)? {
            let file = file.strip_prefix(root()).unwrap_or(&file);
            eprintln!("{}: has `unsafe` ({})", member.name, file.display());
            tests.extend(workspace::integration_tests(&member)?);
            crates.push(member.name);
        }
    }
    if crates.is_empty() {
        eprintln!("no crate has `unsafe` code yet: nothing to sanitize");
        return Ok(());
    }
    // One cargo invocation for everything, so that each crate is built once with one set of
    // features (separate runs for the crates and for nd-tests built most of them twice:
    // nd-tests turns on ndio's `capi`). Per crate: its unit tests and its own integration
    // tests. The cross-crate tests that drive the kernels' unsafe paths hardest (odd
    // layouts, streamed stores, transposed blocks, fused loops, threads) live in nd-tests,
    // which has no `unsafe` of their own: they run too, with paperbench's unit tests (its
    // counting allocator).
    let mut command = sanitized_test(python);
    for name in crates.iter().map(String::as_str).chain(["nd-tests"]) {
        command.args(["-p", name]);
    }
    command.args(["--lib", "--bin", "paperbench"]);
    for test in tests
        .iter()
        .map(String::as_str)
        .chain(SANITIZED_TESTS.iter().copied())
    {
        command.args(["--test", test]);
    }
    // trybuild's compile-fail cases compare rustc's output, which the sanitizer's
    // RUSTFLAGS change; they run no code of ours, and the `test` step already ran them.
    command.args(["--", "--skip", "macros_ui"]);
    run::run(&mut command)
}

/// `cargo test` built with AddressSanitizer.
fn sanitized_test(python: &Path) -> std::process::Command {
    let mut command = with_python(cargo(), python);
    // `--target` keeps RUSTFLAGS off build scripts and proc macros (they run in rustc,
    // which is not sanitized); a separate target dir keeps the normal build cache warm.
    // RUSTC_BOOTSTRAP: -Zsanitizer is unstable, and the stable toolchain is what we have.
    // allocator_may_return_null: tests ask for impossible sizes (4 EiB) and expect NumPy's
    // MemoryError text; ASan's allocator would otherwise abort the process on them.
    command
        .env("RUSTC_BOOTSTRAP", "1")
        .env("RUSTFLAGS", "-Zsanitizer=address")
        .env("ASAN_OPTIONS", "allocator_may_return_null=1")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .args([
            "test",
            "--target",
            "x86_64-unknown-linux-gnu",
            "--target-dir",
            "target/asan",
        ]);
    command
}

/// nd-tests targets run under AddressSanitizer: the ones exercising unsafe kernels.
const SANITIZED_TESTS: &[&str] = &[
    "ops_props",
    "ops_streaming",
    "ops_operators",
    "ops_alloc",
    "ops_threads",
    "ndcore_walks",
    "ndcore_strides",
    "ndcore_props",
    "reduce_props",
    "select_props",
    "hardening",
    "hardening_props",
    "ndio_mmap",
    "paper_memmap",
    "npy_goldens",
    "dlpack",
    "share_capi",
    "paper_array_interface",
    "lazy_props",
];

const NO_OPENBLAS: &str =
    "libopenblas-dev not installed: BLAS backend not tested (apt-get install -y libopenblas-dev)";

/// ndlinalg's BLAS backend against the system OpenBLAS, once both exist.
pub fn blas(python: &Path) -> Result {
    let ndlinalg = root().join("ndlinalg");
    if !workspace::has_feature(&ndlinalg, "blas")? {
        eprintln!("ndlinalg has no `blas` feature yet: nothing to test");
        return Ok(());
    }
    if !workspace::has_feature(&ndlinalg, "openblas")? {
        return Err(
            "ndlinalg declares `blas` but not `openblas`: add `openblas` \
                    (blas-src/openblas with the system library) to test the backend"
                .into(),
        );
    }
    if !has_libopenblas() {
        // Locally a missing system library is the developer's choice; CI must test it.
        if std::env::var_os("CI").is_some() {
            return Err(format!("{NO_OPENBLAS}; CI is set, so this is a failure"));
        }
        eprintln!("{NO_OPENBLAS}");
        return Ok(());
    }
    run::run(with_python(cargo(), python).args([
        "test",
        "-p",
        "ndlinalg",
        "--features",
        "blas,openblas",
    ]))
}

/// The linkable `libopenblas.so` (from libopenblas-dev), not just the runtime `.so.0`.
fn has_libopenblas() -> bool {
    if Path::new("/usr/lib/x86_64-linux-gnu/libopenblas.so").exists() {
        return true;
    }
    let Ok(output) = Command::new("ldconfig").arg("-p").output() else {
        return false;
    };
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .any(|line| line.trim_start().starts_with("libopenblas.so "))
}
