//! The Python side: a venv under `target/` with the pinned NumPy, so goldens and the
//! NumPy benchmark are the same everywhere and nothing is installed outside the repo.

use std::path::PathBuf;
use std::process::Command;

use crate::run::{self, Result, root};

/// The NumPy every golden and benchmark is measured against.
pub const NUMPY: &str = "2.4.6";

/// Makes sure `target/nd-venv` exists with `numpy==NUMPY`; returns its python.
pub fn ensure_venv() -> Result<PathBuf> {
    let venv = root().join("target/nd-venv");
    let python = venv.join("bin/python");
    if has_numpy(&python) {
        eprintln!("numpy {NUMPY} ready in {}", venv.display());
        return Ok(python);
    }
    // A venv whose python no longer runs (its base interpreter moved or was upgraded)
    // cannot be repaired by pip: start over.
    if !run::succeeds(Command::new(&python).arg("-c").arg("import sys")) {
        if venv.exists() {
            std::fs::remove_dir_all(&venv)
                .map_err(|e| format!("could not remove broken venv {}: {e}", venv.display()))?;
        }
        let base = std::env::var_os("PYTHON3").unwrap_or_else(|| "python3".into());
        if !run::succeeds(Command::new(&base).arg("--version")) {
            return Err(format!(
                "`{}` not found: install Python >= 3.11 with its venv module \
                 (apt-get install -y python3 python3-venv), or set PYTHON3=/path/to/python3",
                base.to_string_lossy()
            ));
        }
        run::run(Command::new(&base).args(["-m", "venv"]).arg(&venv)).map_err(|e| {
            format!("{e}\ncould not create the venv: install python3-venv (apt-get install -y python3-venv)")
        })?;
    }
    let pin = format!("numpy=={NUMPY}");
    pip_install(&python, &[])?;
    if !has_numpy(&python) {
        return Err(format!(
            "{pin} installed but `import numpy` still fails in {}",
            venv.display()
        ));
    }
    Ok(python)
}

fn has_numpy(python: &std::path::Path) -> bool {
    let check = format!("import numpy; assert numpy.__version__ == {NUMPY:?}");
    run::succeeds(Command::new(python).arg("-c").arg(check))
}

/// What `ndio::zarr`'s cross-checks run beside NumPy: zarr-python (v3), Dask's arrays and
/// its distributed scheduler, the newest that install on Python 3.11 here.
pub const ZARR_PACKAGES: [&str; 3] = [
    "zarr==3.1.6",
    "dask[array]==2026.8.0",
    "distributed==2026.8.0",
];

/// Makes sure the venv of `python` has [`ZARR_PACKAGES`] (NumPy stays pinned).
pub fn ensure_zarr(python: &std::path::Path) -> Result<()> {
    let check = "import zarr, dask.array, distributed; print(zarr.__version__, dask.__version__)";
    let want = ZARR_PACKAGES.map(|p| p.rsplit("==").next().unwrap_or(p).to_string());
    let have = Command::new(python).arg("-c").arg(check).output();
    if let Ok(out) = &have
        && out.status.success()
        && String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .eq(want[..2].iter().map(String::as_str))
    {
        eprintln!("zarr {} and dask {} ready", want[0], want[1]);
        return Ok(());
    }
    pip_install(python, &ZARR_PACKAGES)
}

/// `pip install numpy==NUMPY PACKAGES…` in the venv of `python` (NumPy named each time, so
/// that no package moves it off the pin).
fn pip_install(python: &std::path::Path, packages: &[&str]) -> Result<()> {
    let pin = format!("numpy=={NUMPY}");
    let mut pip = Command::new(python);
    pip.args([
        "-m",
        "pip",
        "install",
        "--disable-pip-version-check",
        "--progress-bar=off",
        &pin,
    ])
    .args(packages);
    run::run(&mut pip).map_err(|e| {
        format!(
            "{e}\npip could not install {pin} {}: it needs Python >= 3.11 and access to PyPI",
            packages.join(" ")
        )
    })
}
