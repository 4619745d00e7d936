//! The case table's types, timing, and output for paperbench: warm up, then time batches
//! until both a minimum time and a minimum number of samples are reached; report the
//! median (robust to the odd interrupted run), the minimum (the machine's best) and the
//! maximum per call, and the peak bytes one call holds (measured on a separate call).

use std::time::{Duration, Instant};

use crate::alloc;
use crate::limits;

/// The timed work of a case, made by its setup function.
pub type Bench = Box<dyn FnMut()>;

/// The paper's figures (the numbering), plus products and the other cases.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Figure {
    /// 1: `f(x) = x**2 - 3*x + 4` (In \[31\]–\[35\] and `g(x)`).
    Fx,
    /// 2: forward divided differences (In \[36\]–\[41\]).
    Diff,
    /// 3: the distance grid `R` from `mgrid` and from `ogrid` (In \[44\]–\[49\], Fig. 1).
    Grid,
    /// 4: the camera projection (Computer Vision).
    Projection,
    /// 5: the memory-map sequence (In \[50\]–\[56\]).
    Memmap,
    /// 6: the records query (In \[63\]–\[69\]).
    Records,
    /// Matrix products, in GFLOP/s against the FP64 peak.
    Products,
    /// Reductions, selection, large binary operations, `.npy` files.
    More,
}

impl Figure {
    pub const ALL: [Figure; 8] = [
        Figure::Fx,
        Figure::Diff,
        Figure::Grid,
        Figure::Projection,
        Figure::Memmap,
        Figure::Records,
        Figure::Products,
        Figure::More,
    ];

    /// The id `--figure` takes and the reports carry.
    pub fn id(self) -> &'static str {
        match self {
            Figure::Fx => "1",
            Figure::Diff => "2",
            Figure::Grid => "3",
            Figure::Projection => "4",
            Figure::Memmap => "5",
            Figure::Records => "6",
            Figure::Products => "products",
            Figure::More => "more",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Figure::Fx => "f(x) = x**2 - 3*x + 4 over arange(n)",
            Figure::Diff => "finite differences (y[1:]-y[:-1])/(x[1:]-x[:-1])",
            Figure::Grid => "distance grid R = sqrt(i**2 + j**2 + k**2), n**3 points",
            Figure::Projection => "camera projection of n points (n x 3)",
            Figure::Memmap => "memory map n x n int64: create, fill, flush; reopen r+, row *= 2",
            Figure::Records => "records from a file: x[x['time'] >= 2]['pos']['x'].mean()",
            Figure::Products => "matrix product a @ b, n x n float64",
            Figure::More => "reductions, selection, binary operations, .npy files",
        }
    }
}

/// Which implementation a timing is of: a column of xtask's table.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Impl {
    /// Written with the nd crates.
    Nd,
    /// The plain Rust loop a user would write without them.
    Loop,
}

impl Impl {
    pub fn name(self) -> &'static str {
        match self {
            Impl::Nd => "nd",
            Impl::Loop => "loop",
        }
    }
}

/// The sizes a case runs at: the full run's and `--quick`'s (empty: not in a quick run).
#[derive(Clone, Copy)]
pub struct Sizes {
    pub full: &'static [usize],
    pub quick: &'static [usize],
}

/// The least work any implementation must do at size `n`, for xtask's machine-limit
/// column: `Bytes(b, d)` moves `b · n^d` bytes to or from memory (time ≥ bytes /
/// bandwidth), `Flops(f, d)` does `f · n^d` floating-point operations (time ≥ flops /
/// peak), `None` is bound by something else (the file system).
#[derive(Clone, Copy)]
pub enum Work {
    Bytes(f64, i32),
    Flops(f64, i32),
    None,
}

impl Work {
    fn json(self, n: usize) -> String {
        let amount = |per: f64, dims: i32| per * (n as f64).powi(dims);
        match self {
            Work::Bytes(per, dims) => format!(", \"bytes\": {}", amount(per, dims)),
            Work::Flops(per, dims) => format!(", \"flops\": {}", amount(per, dims)),
            Work::None => String::new(),
        }
    }
}

/// A row of `CASES`: figure, name shared with NumPy's side, implementation, sizes, least
/// work, and the setup that builds the inputs (not timed) and returns the timed closure.
pub type Case = (Figure, &'static str, Impl, Sizes, Work, fn(usize) -> Bench);

/// A figure the paper gives for a case at one size: seconds and, where it says, bytes.
pub type PaperFigure = (&'static str, usize, f64, Option<f64>);

/// Per-call times of one case, in seconds.
pub struct Timing {
    pub median: f64,
    pub min: f64,
    pub max: f64,
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
        samples.push(t.elapsed().as_secs_f64() / batch as f64);
    }
    samples.sort_by(f64::total_cmp);
    let n = samples.len();
    Timing {
        median: (samples[(n - 1) / 2] + samples[n / 2]) / 2.0,
        min: samples[0],
        max: samples[n - 1],
        samples: n,
        calls_per_sample: batch,
    }
}

struct Args {
    json: bool,
    list: bool,
    quick: bool,
    limits: bool,
    filter: Option<String>,
    figure: Option<String>,
    min_time: Option<Duration>,
    threads: usize,
}

const USAGE: &str = "usage: paperbench [--json] [--list] [--quick] [--no-limits] \
                     [--figure ID] [--filter SUBSTR] [--min-time SECS] [--threads N]";

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        json: false,
        list: false,
        quick: false,
        limits: true,
        filter: None,
        figure: None,
        min_time: None,
        threads: 1,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--json" => args.json = true,
            "--list" => args.list = true,
            "--quick" => args.quick = true,
            "--no-limits" => args.limits = false,
            "--filter" => args.filter = Some(it.next().ok_or("--filter needs a value")?),
            "--figure" => {
                let id = it.next().ok_or("--figure needs a value")?;
                if !Figure::ALL.iter().any(|f| f.id() == id) {
                    return Err(format!("no figure `{id}` (1-6, products, more)"));
                }
                args.figure = Some(id);
            }
            "--threads" => {
                args.threads = it
                    .next()
                    .and_then(|s| s.parse().ok())
                    .filter(|&n| n > 0)
                    .ok_or("--threads needs a count of at least 1")?;
            }
            "--min-time" => {
                let secs: f64 = it
                    .next()
                    .and_then(|s| s.parse().ok())
                    .filter(|s: &f64| s.is_finite() && *s >= 0.0)
                    .ok_or("--min-time needs a number of seconds")?;
                args.min_time = Some(Duration::from_secs_f64(secs));
            }
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(args)
}

/// The selected (case, size) runs, in table order.
fn selected<'a>(cases: &'a [Case], args: &'a Args) -> impl Iterator<Item = (&'a Case, usize)> + 'a {
    cases
        .iter()
        .filter(|(figure, name, ..)| {
            args.figure.as_ref().is_none_or(|id| figure.id() == id)
                && args
                    .filter
                    .as_ref()
                    .is_none_or(|f| name.contains(f.as_str()))
        })
        .flat_map(|case| {
            let sizes = if args.quick {
                case.3.quick
            } else {
                case.3.full
            };
            sizes.iter().map(move |&n| (case, n))
        })
}

/// Runs the machine limits and the selected cases, printing JSON lines (`--json`) or a
/// readable line each; `--list` prints the plan instead.
pub fn main(cases: &[Case], paper: &[PaperFigure]) {
    let args = parse_args().unwrap_or_else(|e| {
        eprintln!("paperbench: {e}\n{USAGE}");
        std::process::exit(2);
    });
    let min_time = args.min_time.unwrap_or(if args.quick {
        Duration::from_millis(50)
    } else {
        Duration::from_millis(500)
    });
    // One thread unless asked: NumPy's side pins OpenBLAS to the same count, and the
    // limit column is the one-thread limit.
    ndcore::threads::set_num_threads(args.threads);
    if args.list {
        for (&(figure, name, implementation, _, work, _), n) in selected(cases, &args) {
            println!(
                "{{\"figure\": \"{}\", \"title\": \"{}\", \"case\": \"{name}\", \"impl\": \"{}\", \"n\": {n}{}}}",
                figure.id(),
                figure.title(),
                implementation.name(),
                work.json(n)
            );
        }
        return;
    }
    if args.limits {
        for limit in limits::measure_all(args.quick) {
            println!("{}", limit.json());
        }
    }
    for (&(figure, name, implementation, _, work, setup), n) in selected(cases, &args) {
        let mut bench = setup(n);
        let peak = alloc::peak_of_call(&mut bench);
        let t = measure(&mut bench, min_time);
        drop(bench); // free this case's inputs before the next one allocates
        if args.json {
            // Names and titles are plain ASCII without quotes (checked by the tests below).
            println!(
                "{{\"figure\": \"{}\", \"title\": \"{}\", \"case\": \"{name}\", \"impl\": \"{}\", \"n\": {n}, \"median_s\": {:e}, \"min_s\": {:e}, \"max_s\": {:e}, \"peak_bytes\": {peak}, \"samples\": {}{}}}",
                figure.id(),
                figure.title(),
                implementation.name(),
                t.median,
                t.min,
                t.max,
                t.samples,
                work.json(n)
            );
        } else {
            println!(
                "{:<8} {name:<24} {n:>10} {:<5} median {:>12.3e} s  min {:>12.3e} s  peak {peak:>12} B  ({} samples × {})",
                figure.id(),
                implementation.name(),
                t.median,
                t.min,
                t.samples,
                t.calls_per_sample
            );
        }
    }
    if args.json {
        // The paper's own figures for the cases it times, as rows of their own.
        for &(name, n, seconds, bytes) in paper {
            let Some((figure, ..)) = cases.iter().find(|c| c.1 == name) else {
                continue;
            };
            let listed = selected(cases, &args).any(|(c, m)| c.1 == name && m == n);
            if !listed {
                continue;
            }
            let peak = bytes.map_or("null".to_string(), |b| format!("{b}"));
            println!(
                "{{\"figure\": \"{}\", \"title\": \"{}\", \"case\": \"{name}\", \"impl\": \"paper\", \"n\": {n}, \"median_s\": {seconds:e}, \"min_s\": {seconds:e}, \"max_s\": {seconds:e}, \"peak_bytes\": {peak}}}",
                figure.id(),
                figure.title(),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(s: &str) -> bool {
        s.chars().all(|c| c.is_ascii() && c != '"' && c != '\\')
    }

    #[test]
    fn case_names_are_identifiers_and_unique_per_impl() {
        let mut seen = std::collections::HashSet::new();
        for &(figure, name, implementation, ..) in crate::CASES {
            assert!(
                !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
                "case name {name:?} must be [A-Za-z0-9_]+"
            );
            assert!(
                seen.insert((name, implementation.name())),
                "duplicate case {name}"
            );
            assert!(plain(figure.title()));
        }
    }

    #[test]
    fn every_figure_has_cases_in_a_quick_run() {
        for figure in Figure::ALL {
            assert!(
                crate::CASES
                    .iter()
                    .any(|c| c.0 == figure && !c.3.quick.is_empty()),
                "figure {} has no quick case",
                figure.id()
            );
        }
    }

    #[test]
    fn paper_figures_name_listed_sizes() {
        for &(name, n, ..) in crate::PAPER {
            assert!(
                crate::CASES
                    .iter()
                    .any(|c| c.1 == name && c.3.full.contains(&n)),
                "paper figure for {name} at {n}: no such case"
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
        assert!(t.min > 0.0 && t.min <= t.median && t.median <= t.max);
    }
}
