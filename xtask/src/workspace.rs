//! Facts about the workspace that decide which checks apply.

use std::path::{Path, PathBuf};

use crate::run::{Result, root};

/// A member crate: its folder and its package name.
pub struct Member {
    pub dir: PathBuf,
    pub name: String,
    pub proc_macro: bool,
}

pub fn members() -> Result<Vec<Member>> {
    let workspace = manifest(&root().join("Cargo.toml"))?;
    let dirs = workspace
        .get("workspace")
        .and_then(|w| w.get("members"))
        .and_then(toml::Value::as_array)
        .ok_or("no [workspace] members in Cargo.toml")?;
    let mut members = Vec::new();
    for dir in dirs.iter().filter_map(toml::Value::as_str) {
        let dir = root().join(dir);
        let package = manifest(&dir.join("Cargo.toml"))?;
        let name = package
            .get("package")
            .and_then(|p| p.get("name"))
            .and_then(toml::Value::as_str)
            .ok_or_else(|| format!("no package name in {}/Cargo.toml", dir.display()))?
            .to_string();
        let proc_macro = package
            .get("lib")
            .and_then(|l| l.get("proc-macro"))
            .and_then(toml::Value::as_bool)
            .unwrap_or(false);
        members.push(Member {
            dir,
            name,
            proc_macro,
        });
    }
    Ok(members)
}

/// The first source file under `member/src` that uses the `unsafe` keyword, if any.
pub fn first_unsafe_file(member: &Member) -> Result<Option<PathBuf>> {
    let mut files = Vec::new();
    rust_files(&member.dir.join("src"), &mut files)?;
    files.sort();
    for file in files {
        if read(&file)?.lines().any(has_unsafe_token) {
            return Ok(Some(file));
        }
    }
    Ok(None)
}

/// The integration tests of `member` as cargo names them: the stems of `tests/*.rs`
/// (cargo's automatic test targets; nd-tests, which lists its own, is not asked).
pub fn integration_tests(member: &Member) -> Result<Vec<String>> {
    let dir = member.dir.join("tests");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(Vec::new());
    };
    // Tests declared with `required-features` (ndio's `zarr`) need a feature the default
    // build lacks: the step for that feature runs them.
    let manifest = manifest(&member.dir.join("Cargo.toml"))?;
    let gated: Vec<&str> = manifest
        .get("test")
        .and_then(toml::Value::as_array)
        .into_iter()
        .flatten()
        .filter(|t| {
            t.get("required-features")
                .and_then(toml::Value::as_array)
                .is_some_and(|f| !f.is_empty())
        })
        .filter_map(|t| t.get("name").and_then(toml::Value::as_str))
        .collect();
    let mut names = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
            .path();
        if path.extension().is_some_and(|x| x == "rs")
            && let Some(stem) = path.file_stem().and_then(|s| s.to_str())
            && !gated.contains(&stem)
        {
            names.push(stem.to_string());
        }
    }
    names.sort();
    Ok(names)
}

/// Whether `crate_dir/Cargo.toml` declares `feature`.
pub fn has_feature(crate_dir: &Path, feature: &str) -> Result<bool> {
    let manifest = manifest(&crate_dir.join("Cargo.toml"))?;
    Ok(manifest
        .get("features")
        .and_then(toml::Value::as_table)
        .is_some_and(|features| features.contains_key(feature)))
}

/// A `Cargo.toml`, parsed.
fn manifest(path: &Path) -> Result<toml::Table> {
    read(path)?
        .parse()
        .map_err(|e| format!("cannot parse {}: {e}", path.display()))
}

pub fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
            .path();
        if path.is_dir() {
            rust_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    Ok(())
}

/// `unsafe` as a whole word outside a `//` comment: `unsafe_code` and
/// `// SAFETY:` don't count, `unsafe {` and `unsafe fn` do.
fn has_unsafe_token(line: &str) -> bool {
    let code = line.split("//").next().unwrap_or_default();
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    code.match_indices("unsafe").any(|(i, _)| {
        let before = code[..i].chars().next_back();
        let after = code[i + "unsafe".len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}

#[cfg(test)]
mod tests {
    use super::has_unsafe_token;

    #[test]
    fn finds_the_keyword_only() {
        assert!(has_unsafe_token("    unsafe { ptr.read() }"));
        assert!(has_unsafe_token("pub unsafe fn f() {}"));
        assert!(has_unsafe_token("unsafe impl Send for X {}"));
        assert!(!has_unsafe_token("#![forbid(unsafe_code)]"));
        assert!(!has_unsafe_token("// this is unsafe because"));
        assert!(!has_unsafe_token("/// SAFETY: fine"));
        assert!(!has_unsafe_token("let not_unsafe = 1;"));
    }
}

#[cfg(test)]
mod manifest_tests {
    use super::*;

    #[test]
    fn reads_this_workspace() {
        let members = members().unwrap();
        let find = |name: &str| members.iter().find(|m| m.name == name);
        assert!(find("xtask").is_some_and(|m| !m.proc_macro));
        assert!(find("nd-derive").is_some_and(|m| m.proc_macro));
        assert!(has_feature(&root().join("ndlinalg"), "blas").unwrap());
        assert!(!has_feature(&root().join("ndlinalg"), "no-such-feature").unwrap());
    }
}
