//! Just enough TOML to read our own `Cargo.toml`s (members, package names, features),
//! so xtask needs no dependencies and compiles in seconds.

/// The `key = value` pairs of `[section]`, values as raw text (multi-line arrays joined).
pub fn entries(toml: &str, section: &str) -> Vec<(String, String)> {
    let mut entries: Vec<(String, String)> = Vec::new();
    let mut current = String::new();
    let mut open = 0i32; // unclosed `[`/`{` of the value being read
    for line in toml.lines() {
        let line = strip_comment(line).trim();
        if open > 0 {
            if let Some((_, value)) = entries.last_mut().filter(|_| current == section) {
                value.push(' ');
                value.push_str(line);
            }
            open += depth(line);
            continue;
        }
        if line.starts_with('[') {
            current = line
                .trim_matches(|c| c == '[' || c == ']')
                .trim()
                .to_string();
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        open = depth(value);
        if current == section {
            let key = key.trim().trim_matches('"').to_string();
            entries.push((key, value.trim().to_string()));
        }
    }
    entries
}

/// The value of `key` in `[section]`, as raw text.
pub fn get(toml: &str, section: &str, key: &str) -> Option<String> {
    entries(toml, section)
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
}

/// The double-quoted strings in a raw value: `["a", "b"]` gives `a`, `b`.
pub fn strings(value: &str) -> Vec<String> {
    value
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

fn depth(text: &str) -> i32 {
    let mut depth = 0;
    let mut in_string = false;
    for c in text.chars() {
        match c {
            '"' => in_string = !in_string,
            '[' | '{' if !in_string => depth += 1,
            ']' | '}' if !in_string => depth -= 1,
            _ => {}
        }
    }
    depth
}

fn strip_comment(line: &str) -> &str {
    let mut in_string = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => in_string = !in_string,
            '#' if !in_string => return &line[..i],
            _ => {}
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    const MANIFEST: &str = r#"
[workspace]
members = ["a", # the core
    "b"]
resolver = "3"

[package]
name = "pkg"

[features]
default = []
blas = ["dep:blas-src",
  "dep:cblas-sys"]
"openblas" = ["blas"] # quoted key
[lib]
proc-macro = true
"#;

    #[test]
    fn reads_sections_keys_and_multiline_arrays() {
        assert_eq!(
            strings(&get(MANIFEST, "workspace", "members").unwrap()),
            ["a", "b"]
        );
        assert_eq!(strings(&get(MANIFEST, "package", "name").unwrap()), ["pkg"]);
        let features: Vec<_> = entries(MANIFEST, "features")
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        assert_eq!(features, ["default", "blas", "openblas"]);
        assert_eq!(get(MANIFEST, "lib", "proc-macro").as_deref(), Some("true"));
        assert_eq!(get(MANIFEST, "package", "members"), None);
    }
}
