//! Running child processes and timed steps, with errors that say what to do.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// An error is the message shown to the user; xtask has nothing to recover from.
pub type Result<T = ()> = std::result::Result<T, String>;

/// The repository root: xtask always sits one level below it.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask has a parent directory")
}

/// `cargo` at the repository root, the same binary (and toolchain) that launched xtask.
pub fn cargo() -> Command {
    let program = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(program);
    command.current_dir(root());
    command
}

/// `cargo test`-like commands get the venv's python so tests can call NumPy.
pub fn with_python(mut command: Command, python: &Path) -> Command {
    command.env("ND_PYTHON", python);
    command
}

/// Runs `command` with inherited stdio; fails unless it exits 0.
pub fn run(command: &mut Command) -> Result {
    let shown = show(command);
    eprintln!("$ {shown}");
    let status = command
        .status()
        .map_err(|e| format!("could not start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// Runs `command` and returns its stdout (stderr still reaches the terminal).
pub fn stdout_of(command: &mut Command) -> Result<String> {
    let shown = show(command);
    eprintln!("$ {shown}");
    let output = command
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("could not start `{shown}`: {e}"))?;
    if !output.status.success() {
        return Err(format!("`{shown}` failed ({})", output.status));
    }
    String::from_utf8(output.stdout).map_err(|_| format!("`{shown}` printed non-UTF-8 output"))
}

/// Whether `command` exits 0, with its output hidden: for probes, not for checks.
pub fn succeeds(command: &mut Command) -> bool {
    command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The command as a shell line, with the environment it sets, so a failure can be
/// rerun by pasting it.
pub fn show(command: &Command) -> String {
    let mut parts: Vec<String> = command
        .get_envs()
        .filter_map(|(k, v)| Some(format!("{}={}", k.to_string_lossy(), v?.to_string_lossy())))
        .collect();
    let program = PathBuf::from(command.get_program());
    // `$CARGO` is an absolute toolchain path; `cargo` is what a user would type.
    let program = match program.file_name() {
        Some(name) if name == "cargo" => "cargo".into(),
        _ => program.to_string_lossy().into_owned(),
    };
    parts.push(program);
    parts.extend(command.get_args().map(|a| a.to_string_lossy().into_owned()));
    parts.join(" ")
}

/// Named, timed steps: prints each one's name and duration, and names the one that failed.
#[derive(Default)]
pub struct Steps {
    done: Vec<(&'static str, Duration)>,
    start: Option<Instant>,
}

impl Steps {
    pub fn run<T>(&mut self, name: &'static str, step: impl FnOnce() -> Result<T>) -> Result<T> {
        self.start.get_or_insert_with(Instant::now);
        eprintln!("\n==> [{name}]");
        let start = Instant::now();
        let result = step();
        let took = start.elapsed();
        match result {
            Ok(value) => {
                eprintln!("<== [{name}] ok ({})", secs(took));
                self.done.push((name, took));
                Ok(value)
            }
            Err(message) => Err(format!(
                "step `{name}` FAILED after {}:\n{message}",
                secs(took)
            )),
        }
    }

    pub fn summary(&self) {
        eprintln!("\nall {} steps passed:", self.done.len());
        for (name, took) in &self.done {
            eprintln!("  {name:<8} {:>8}", secs(*took));
        }
        if let Some(start) = self.start {
            eprintln!("  {:<8} {:>8}", "total", secs(start.elapsed()));
        }
    }
}

fn secs(d: Duration) -> String {
    format!("{:.1}s", d.as_secs_f64())
}
