//! Writing a file so that a failure never leaves a half-written file where a good one was:
//! write beside it under a temporary name, rename into place when complete.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::{Error, Result};

/// A name beside `path` that no other writer of this process uses at the same time.
fn temp_name(path: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.{n}.tmp", std::process::id()))
}

/// Removes the temporary file unless it was renamed into place.
struct Cleanup<'a>(Option<&'a Path>);

impl Drop for Cleanup<'_> {
    fn drop(&mut self) {
        if let Some(p) = self.0 {
            let _ = std::fs::remove_file(p);
        }
    }
}

/// Writes a file through `fill`, then renames it to `path`.
///
/// # Errors
/// The system's, naming `path`; the old file at `path`, if any, is left as it was.
pub(crate) fn write_atomically(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let tmp = temp_name(path);
    let file = File::create(&tmp).map_err(|e| Error::io(path, "create", e))?;
    let mut cleanup = Cleanup(Some(&tmp));
    let mut w = BufWriter::with_capacity(1 << 20, file);
    fill(&mut w).map_err(|e| Error::io(path, "write", e))?;
    let file = w
        .into_inner()
        .map_err(|e| Error::io(path, "write", e.into_error()))?;
    drop(file);
    std::fs::rename(&tmp, path).map_err(|e| Error::io(path, "rename into place", e))?;
    cleanup.0 = None;
    Ok(())
}
