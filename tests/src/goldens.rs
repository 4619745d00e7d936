//! Golden files: NumPy's answers, written by `scripts/goldens/<name>.py` under
//! `tests/goldens/<name>/` and committed, so the tests need no Python to run.

use std::path::{Path, PathBuf};

/// The path of `tests/goldens/<rel>`, e.g. `golden_path("printing/arange_3x3.txt")`.
pub fn golden_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("goldens")
        .join(rel)
}

/// The text of `tests/goldens/<rel>`.
///
/// # Panics
///
/// If the file is missing or unreadable; the message names the script that writes it.
pub fn read_golden(rel: &str) -> String {
    let path = golden_path(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read golden {} ({e}): it is written by scripts/goldens/{}.py; \
             run `cargo xtask goldens` and commit tests/goldens/",
            path.display(),
            golden_set(rel),
        )
    })
}

/// The golden set (and so the script name) of a path: its first component.
fn golden_set(rel: &str) -> &str {
    rel.split(['/', '\\']).next().unwrap_or(rel)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_resolve_under_tests_goldens() {
        let path = golden_path("printing/a.txt");
        assert!(
            path.ends_with("tests/goldens/printing/a.txt"),
            "{}",
            path.display()
        );
        assert_eq!(golden_set("printing/a.txt"), "printing");
    }

    #[test]
    #[should_panic(expected = "scripts/goldens/no_such_set.py")]
    fn a_missing_golden_names_its_script() {
        read_golden("no_such_set/missing.txt");
    }
}
