//! Timing and output for paperbench: warm up, then time batches until both a minimum
//! time and a minimum number of samples are reached; report the median (robust to the
//! odd interrupted run) and the minimum (the machine's best) per call.

use std::time::{Duration, Instant};

/// The timed work of a case, made by its setup function.
pub type Bench = Box<dyn FnMut()>;

/// A row of `CASES`: (name shared with NumPy's side, implementation, setup).
pub type Case = (&'static str, Impl, fn() -> Bench);

/// Which implementation a timing is of: a column of xtask's table.
#[derive(Clone, Copy)]
pub enum Impl {
    /// Written with the nd crates.
    #[allow(dead_code, reason = "no case uses the nd crates until they exist")]
    Nd,
    /// The plain Rust loop a user would write without them.
    Loop,
}

impl Impl {
    fn name(self) -> &'static str {
        match self {
            Impl::Nd => "nd",
            Impl::Loop => "loop",
        }
    }
}

/// Per-call times of one case.
pub struct Timing {
    pub median_ns: f64,
    pub min_ns: f64,
    pub samples: usize,
    pub calls_per_sample: u64,
}

const MIN_SAMPLES: usize = 5;
const MAX_SAMPLES: usize = 1000;
/// A sample shorter than this is mostly timer noise, so fast calls are batched.
const MIN_SAMPLE_TIME: Duration = Duration::from_millis(1);

/// Times `f`: warm-up for a fifth of `min_time` (caches, page faults of fresh buffers,
/// CPU clock ramp-up), then samples until `min_time` and `MIN_SAMPLES` are both reached.
pub fn measure(f: &mut dyn FnMut(), min_time: Duration) -> Timing {
    let warm_up = Instant::now();
    let mut calls = 0u32;
    while calls == 0 || warm_up.elapsed() < min_time / 5 {
        f();
        calls += 1;
    }
    let per_call = warm_up.elapsed() / calls;
    let batch = (MIN_SAMPLE_TIME.as_nanos() / per_call.as_nanos().max(1)).max(1) as u64;

    let start = Instant::now();
    let mut samples = Vec::new();
    while samples.len() < MAX_SAMPLES && (samples.len() < MIN_SAMPLES || start.elapsed() < min_time)
    {
        let t = Instant::now();
        for _ in 0..batch {
            f();
        }
        samples.push(t.elapsed().as_nanos() as f64 / batch as f64);
    }
    samples.sort_by(f64::total_cmp);
    let n = samples.len();
    let median = (samples[(n - 1) / 2] + samples[n / 2]) / 2.0;
    Timing {
        median_ns: median,
        min_ns: samples[0],
        samples: n,
        calls_per_sample: batch,
    }
}

struct Args {
    json: bool,
    list: bool,
    filter: Option<String>,
    min_time: Duration,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        json: false,
        list: false,
        filter: None,
        min_time: Duration::from_millis(500),
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--json" => args.json = true,
            "--list" => args.list = true,
            "--filter" => args.filter = Some(it.next().ok_or("--filter needs a value")?),
            "--min-time" => {
                let secs: f64 = it
                    .next()
                    .and_then(|s| s.parse().ok())
                    .filter(|s: &f64| s.is_finite() && *s >= 0.0)
                    .ok_or("--min-time needs a number of seconds")?;
                args.min_time = Duration::from_secs_f64(secs);
            }
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(args)
}

/// Runs the selected cases, printing JSON lines (`--json`) or a readable line each.
pub fn main(cases: &[Case]) {
    let args = parse_args().unwrap_or_else(|e| {
        eprintln!("paperbench: {e}\nusage: paperbench [--json] [--list] [--filter SUBSTR] [--min-time SECS]");
        std::process::exit(2);
    });
    let selected = cases.iter().filter(|(name, ..)| {
        args.filter
            .as_ref()
            .is_none_or(|f| name.contains(f.as_str()))
    });
    for &(name, implementation, setup) in selected {
        if args.list {
            println!("{name} {}", implementation.name());
            continue;
        }
        let mut bench = setup();
        let t = measure(&mut bench, args.min_time);
        drop(bench); // free this case's inputs before the next one allocates
        if args.json {
            // Case names are identifiers (checked by the test below): no escaping needed.
            println!(
                "{{\"case\": \"{name}\", \"impl\": \"{}\", \"median_ns\": {:.1}, \"min_ns\": {:.1}}}",
                implementation.name(),
                t.median_ns,
                t.min_ns
            );
        } else {
            println!(
                "{name:<32} {:<5} median {:>14.1} ns  min {:>14.1} ns  ({} samples × {})",
                implementation.name(),
                t.median_ns,
                t.min_ns,
                t.samples,
                t.calls_per_sample
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_names_are_identifiers_and_unique_per_impl() {
        let mut seen = std::collections::HashSet::new();
        for &(name, implementation, _) in crate::CASES {
            assert!(
                !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
                "case name {name:?} must be [A-Za-z0-9_]+"
            );
            assert!(
                seen.insert((name, implementation.name())),
                "duplicate case {name}"
            );
        }
    }

    #[test]
    fn measure_reports_a_sane_median() {
        let mut spin = || {
            std::hint::black_box((0..1000u64).sum::<u64>());
        };
        let t = measure(&mut spin, Duration::from_millis(20));
        assert!(t.samples >= MIN_SAMPLES);
        assert!(t.min_ns > 0.0 && t.min_ns <= t.median_ns);
    }
}
