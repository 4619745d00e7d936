//! NumPy goldens: `scripts/goldens/<name>.py` writes `tests/goldens/<name>/`, the Rust
//! tests compare against those files, and CI checks they are what the pinned NumPy
//! produces today (see `scripts/goldens/README.md`).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::run::{self, Result, root};

const DRIFT: &str = "goldens drifted from NumPy: regenerate with `cargo xtask goldens` and commit";

/// Runs every golden script; returns how many ran.
pub fn regenerate(python: &Path) -> Result<usize> {
    let scripts = scripts()?;
    if scripts.is_empty() {
        eprintln!("no scripts in scripts/goldens/ yet: no goldens to generate");
    }
    for script in &scripts {
        let mut command = Command::new(python);
        // Relative to the root, the cwd scripts rely on for their output paths.
        command
            .arg(script.strip_prefix(root()).unwrap_or(script))
            .current_dir(root());
        run::run(&mut command)
            .map_err(|e| format!("golden script {} failed: {e}", script.display()))?;
    }
    Ok(scripts.len())
}

/// Regenerates the goldens and fails if that changed anything under `tests/goldens`.
pub fn check(python: &Path) -> Result {
    if regenerate(python)? == 0 {
        return Ok(());
    }
    // `git status` sees new (untracked) and deleted files, which `git diff` does not.
    let mut status = git();
    status.args([
        "status",
        "--porcelain",
        "--untracked-files=all",
        "--",
        "tests/goldens",
    ]);
    let changed = run::stdout_of(&mut status)
        .map_err(|e| format!("{e}\nthe goldens check needs git and a git work tree"))?;
    let mut diff = git();
    diff.args(["diff", "--exit-code", "--stat", "--", "tests/goldens"]);
    let diff_clean = run::run(&mut diff).is_ok();
    if changed.trim().is_empty() && diff_clean {
        eprintln!("goldens match NumPy");
        return Ok(());
    }
    Err(format!("changed under tests/goldens:\n{changed}{DRIFT}"))
}

/// `scripts/goldens/*.py` in name order; `_`-prefixed files are helper modules, not scripts.
fn scripts() -> Result<Vec<PathBuf>> {
    let dir = root().join("scripts/goldens");
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(format!("cannot read {}: {e}", dir.display())),
    };
    let mut scripts = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
            .path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if path.extension().is_some_and(|e| e == "py") && !name.starts_with('_') {
            scripts.push(path);
        }
    }
    scripts.sort();
    Ok(scripts)
}

fn git() -> Command {
    let mut command = Command::new("git");
    command.current_dir(root());
    command
}
