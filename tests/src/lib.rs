//! Cross-crate tests of nd: the paper's transcript run end to end, results checked
//! against NumPy's own (goldens), and what must not compile (trybuild).
//!
//! The test files sit beside this crate's `Cargo.toml` and are listed there one by one
//! (`autotests = false`); this library holds what they share. The `paperbench` binary
//! (`cargo xtask bench`) times the paper's cases against NumPy.
//!
//! The repository's README is included below so that its tour runs as a doc test.
#![doc = include_str!("../../README.md")]

pub mod goldens;

/// ndcore's NumPy → nd cheat sheet, included here so that its examples, which use every
/// crate, run as doc tests.
#[doc = include_str!("../../ndcore/src/cheatsheet.md")]
pub mod cheatsheet {}

use std::path::PathBuf;

/// The message of a panic in `f` (which must panic: the test fails otherwise).
pub fn panic_text(f: impl FnOnce() + std::panic::UnwindSafe) -> String {
    let payload = std::panic::catch_unwind(f).expect_err("expected a panic");
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default()
}

/// The Python that has the pinned NumPy, as `cargo xtask test` exports it in `ND_PYTHON`;
/// `None` when the tests run outside xtask.
pub fn nd_python() -> Option<PathBuf> {
    std::env::var_os("ND_PYTHON").map(PathBuf::from)
}
