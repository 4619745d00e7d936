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

/// Runs `script` with the pinned NumPy's Python (`python -c script args…`) and returns what
/// it printed; `None` when `ND_PYTHON` is not set. A failing script fails the test with
/// Python's error output.
pub fn run_python<A: AsRef<std::ffi::OsStr>>(script: &str, args: &[A]) -> Option<String> {
    let python = nd_python()?;
    let out = std::process::Command::new(python)
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .expect("the venv's python runs");
    assert!(
        out.status.success(),
        "python failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A fresh directory under the system's temporary one, named after the test and the
/// process, removed with everything in it when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    /// Creates (empty) `nd-<tag>-<pid>` in the temporary directory.
    pub fn new(tag: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("nd-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create a temporary directory");
        TempDir(dir)
    }

    /// The path of `file` inside the directory.
    pub fn path(&self, file: &str) -> PathBuf {
        self.0.join(file)
    }

    /// The directory itself.
    pub fn dir(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
