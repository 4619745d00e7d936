//! nd's memory shared with NumPy itself, live: `scripts/check_share.py` loads ndio's C ABI
//! (`libnd_capi.so`, built from `tests/capi`) with `ctypes` and checks, with NumPy, both
//! directions of `__array_interface__` and DLPack, the deleters counted, and the errors
//! for bad interfaces and tensors (see the script's docstring).
//!
//! Needs the pinned NumPy and the library: `cargo xtask test` builds `nd-capi` and sets
//! `ND_PYTHON` and `ND_CAPI_LIB`; without them the test says so and passes.

use std::path::PathBuf;
use std::process::Command;

use nd_tests::nd_python;

/// The shared library: `ND_CAPI_LIB`, else `libnd_capi.so` in this build's target dir.
fn capi_lib() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("ND_CAPI_LIB") {
        return Some(PathBuf::from(p));
    }
    // target/<profile>/deps/share_numpy-<hash> → target/<profile>/libnd_capi.so
    let exe = std::env::current_exe().ok()?;
    let lib = exe.parent()?.parent()?.join("libnd_capi.so");
    lib.exists().then_some(lib)
}

#[test]
fn numpy_shares_memory_with_nd() {
    let Some(python) = nd_python() else {
        eprintln!("ND_PYTHON not set (run through `cargo xtask test`): live NumPy checks skipped");
        return;
    };
    let Some(lib) = capi_lib() else {
        panic!(
            "libnd_capi.so not found: `cargo xtask test` builds it (cargo build -p nd-capi) \
             and sets ND_CAPI_LIB"
        );
    };
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/check_share.py");
    let out = Command::new(python)
        .arg(script)
        .arg(&lib)
        .output()
        .expect("the venv's python runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "check_share.py failed ({}):\n{stdout}\n{stderr}",
        out.status
    );
    print!("{stdout}");
    assert!(stdout.contains("all sharing checks passed"), "{stdout}");
}
