//! The rows of both sides joined by figure, case and size: the Markdown table (printed and
//! written to `report.md`), `report.json`, and the groups `plot.rs` draws.

use serde_json::{Value, json};

use super::row::{Planned, Row};

/// A column of the table, in display order.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Column {
    Paper,
    NumpyFresh,
    NumpyWarm,
    Nd,
    Loop,
    Limit,
}

impl Column {
    pub const ALL: [Column; 6] = [
        Column::Paper,
        Column::NumpyFresh,
        Column::NumpyWarm,
        Column::Nd,
        Column::Loop,
        Column::Limit,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Column::Paper => "paper 2011",
            Column::NumpyFresh => "NumPy fresh",
            Column::NumpyWarm => "NumPy warm",
            Column::Nd => "nd",
            Column::Loop => "hand loop",
            Column::Limit => "limit",
        }
    }

    fn of(row: &Row) -> Option<Column> {
        Some(match (row.implementation.as_str(), row.state()) {
            ("paper", _) => Column::Paper,
            ("numpy", Some("fresh")) => Column::NumpyFresh,
            ("numpy", _) => Column::NumpyWarm,
            ("nd", _) => Column::Nd,
            ("loop", _) => Column::Loop,
            ("limit", _) => Column::Limit,
            _ => return None,
        })
    }
}

/// One line of a figure's table: a case at a size, with a row per column it has.
pub struct Group {
    pub case: String,
    pub n: u64,
    pub flops: Option<f64>,
    pub cells: Vec<(Column, Row)>,
}

impl Group {
    pub fn get(&self, column: Column) -> Option<&Row> {
        self.cells
            .iter()
            .find(|(c, _)| *c == column)
            .map(|(_, r)| r)
    }

    /// NumPy's faster state.
    pub fn numpy_best(&self) -> Option<&Row> {
        [Column::NumpyFresh, Column::NumpyWarm]
            .into_iter()
            .filter_map(|c| self.get(c))
            .min_by(|a, b| a.median_s.total_cmp(&b.median_s))
    }

    /// How many times faster nd is than NumPy at its best (> 1: nd is faster).
    pub fn nd_speedup(&self) -> Option<f64> {
        Some(self.numpy_best()?.median_s / self.get(Column::Nd)?.median_s)
    }

    /// The share of the machine's limit nd reaches: the floor's time over nd's.
    pub fn nd_of_limit(&self) -> Option<f64> {
        Some(self.get(Column::Limit)?.median_s / self.get(Column::Nd)?.median_s)
    }
}

/// What the report says about where it was measured.
pub struct Meta {
    pub machine: String,
    pub numpy: Option<String>,
    pub command: String,
    pub commit: String,
}

pub struct Report {
    pub rows: Vec<Row>,
    plan: Vec<Planned>,
    meta: Meta,
}

impl Report {
    /// The measured rows, plus a `limit` row per planned case whose least work is known:
    /// its bytes over the one-thread triad bandwidth at the largest measured working set
    /// no larger than those bytes (or the smallest: bandwidth only falls as the working
    /// set grows, so this floor stays below the truth), or its flops over the one-thread
    /// FP64 peak.
    pub fn new(mut rows: Vec<Row>, plan: Vec<Planned>, meta: Meta) -> Report {
        let mut triads: Vec<(u64, f64)> = rows
            .iter()
            .filter(|r| r.case == "triad_1_thread")
            .filter_map(|r| Some((r.n, r.number("bytes_per_s")?)))
            .collect();
        triads.sort_by_key(|t| t.0);
        let peak = rows
            .iter()
            .find(|r| r.case == "fp64_peak_1_thread")
            .and_then(|r| r.number("flops_per_s"));
        let mut floors = Vec::new();
        for p in unique(&plan) {
            let (floor, basis) = if let Some(bytes) = p.bytes {
                let Some(&(set, rate)) = triads
                    .iter()
                    .rev()
                    .find(|t| t.0 as f64 <= bytes)
                    .or(triads.first())
                else {
                    continue;
                };
                let basis = format!(
                    "{} / triad 1 thread at {} ({}/s)",
                    human_bytes(bytes),
                    human_bytes(set as f64),
                    human_bytes(rate)
                );
                (bytes / rate, basis)
            } else if let (Some(flops), Some(rate)) = (p.flops, peak) {
                let basis = format!(
                    "{:.3} Gflop / FP64 peak 1 thread ({:.1} GFLOP/s)",
                    flops / 1e9,
                    rate / 1e9
                );
                (flops / rate, basis)
            } else {
                continue;
            };
            let mut extra = serde_json::Map::new();
            extra.insert("title".into(), json!(p.title));
            extra.insert("basis".into(), json!(basis));
            floors.push(Row {
                figure: p.figure.clone(),
                case: p.case.clone(),
                implementation: "limit".into(),
                n: p.n,
                median_s: floor,
                min_s: floor,
                max_s: floor,
                peak_bytes: None,
                extra,
            });
        }
        rows.extend(floors);
        // NumPy's rows come without figures: give them their case's.
        for row in &mut rows {
            if row.figure.is_empty()
                && let Some(p) = plan.iter().find(|p| p.case == row.case)
            {
                row.figure = p.figure.clone();
                row.extra.insert("title".into(), json!(p.title));
            }
        }
        Report { rows, plan, meta }
    }

    /// The figures in plan order, each with its groups in plan order.
    pub fn figures(&self) -> Vec<(String, String, Vec<Group>)> {
        let mut figures: Vec<(String, String, Vec<Group>)> = Vec::new();
        for p in unique(&self.plan) {
            let cells = Column::ALL
                .iter()
                .flat_map(|&column| {
                    self.rows
                        .iter()
                        .filter(move |r| {
                            r.case == p.case && r.n == p.n && Column::of(r) == Some(column)
                        })
                        .map(move |r| (column, r.clone()))
                })
                .collect();
            let group = Group {
                case: p.case.clone(),
                n: p.n,
                flops: p.flops,
                cells,
            };
            match figures.iter_mut().find(|f| f.0 == p.figure) {
                Some(f) => f.2.push(group),
                None => figures.push((p.figure.clone(), p.title.clone(), vec![group])),
            }
        }
        figures
    }

    /// The machine's limits as measured: triad ladder and FP64 peaks.
    fn limits(&self) -> impl Iterator<Item = &Row> {
        self.rows.iter().filter(|r| r.figure == "limits")
    }

    pub fn json(&self) -> String {
        let rows: Vec<Value> = self.rows.iter().map(Row::to_json).collect();
        serde_json::to_string_pretty(&rows).expect("rows are plain JSON") + "\n"
    }

    pub fn markdown(&self) -> String {
        let meta = &self.meta;
        let mut out = format!(
            "# nd vs NumPy, by the paper's figures\n\n\
             Measured on {} with `{}` (nd at {}); NumPy: {}.\n\n",
            meta.machine,
            meta.command,
            meta.commit,
            meta.numpy.as_deref().unwrap_or("not run"),
        );
        for (figure, title, groups) in self.figures() {
            out.push_str(&format!("## {}: {title}\n\n", figure_name(&figure)));
            out.push_str(
                "| case | n | paper 2011 | NumPy fresh | NumPy warm | nd | hand loop \
                 | NumPy best / nd | limit | nd at limit | peak nd | peak NumPy |\n\
                 |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
            );
            for g in &groups {
                let time = |c: Column| {
                    g.get(c).map_or(DASH.to_string(), |r| {
                        let t = human_time(r.median_s);
                        match g.flops {
                            Some(f) => format!("{t} ({:.1} GF/s)", f / r.median_s / 1e9),
                            None => t,
                        }
                    })
                };
                let peak = |c: Column| {
                    g.get(c)
                        .and_then(|r| r.peak_bytes)
                        .map_or(DASH.to_string(), human_bytes)
                };
                let paper = match g.get(Column::Paper) {
                    Some(r) => match r.peak_bytes {
                        Some(b) => format!("{}, {} total", time(Column::Paper), human_bytes(b)),
                        None => time(Column::Paper),
                    },
                    None => DASH.into(),
                };
                out.push_str(&format!(
                    "| {} | {} | {} | {} | {} | **{}** | {} | {} | {} | {} | {} | {} |\n",
                    g.case,
                    human_count(g.n),
                    paper,
                    time(Column::NumpyFresh),
                    time(Column::NumpyWarm),
                    time(Column::Nd),
                    time(Column::Loop),
                    g.nd_speedup().map_or(DASH.into(), |r| format!("{r:.2}×")),
                    time(Column::Limit),
                    g.nd_of_limit()
                        .map_or(DASH.into(), |r| format!("{:.0}%", r * 100.0)),
                    peak(Column::Nd),
                    peak(Column::NumpyFresh),
                ));
            }
            out.push('\n');
        }
        out.push_str("## Limits of this machine, measured in the same run\n\n");
        out.push_str("| limit | n | threads | best time | rate |\n|---|---:|---:|---:|---:|\n");
        for r in self.limits() {
            let (n, rate) = match (r.number("bytes_per_s"), r.number("flops_per_s")) {
                (Some(b), _) => (human_bytes(r.n as f64), format!("{}/s", human_bytes(b))),
                (_, Some(f)) => (
                    format!("{:.1} Mflop", r.n as f64 / 1e6),
                    format!("{:.1} GFLOP/s", f / 1e9),
                ),
                _ => (human_count(r.n), DASH.into()),
            };
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} |\n",
                r.case,
                n,
                r.number("threads").unwrap_or(1.0),
                human_time(r.min_s),
                rate
            ));
        }
        out.push_str(NOTES);
        out
    }
}

const NOTES: &str = "
Times are medians per call; nd and NumPy's OpenBLAS run on one thread unless `--threads N` \
is given (the limit column stays the one-thread limit). **NumPy fresh**: a new interpreter runs only that case (its \
temporaries page-fault as a one-off script's do); **NumPy warm**: one process runs every \
case after making and freeing large arrays, so glibc reuses freed memory (as a long \
session does). **NumPy best / nd** compares nd with the faster of the two (> 1: nd is \
faster). **limit**: the least time the machine allows, the bytes the case must move over \
the STREAM triad bandwidth (one thread) at the largest measured working set no larger, or \
its flops over the FP64 peak (one thread); **nd at limit** is that floor over nd's time. **peak**: the most \
bytes one call holds at once, inputs excluded (nd: a counting allocator with nd's buffer \
pool off; NumPy: tracemalloc). The paper's 576 MB and 128 MB are totals allocated over \
the computation, not peaks.
";

const DASH: &str = "—";

/// (figure, case, n) once each, in plan order.
fn unique(plan: &[Planned]) -> Vec<&Planned> {
    let mut seen: Vec<&Planned> = Vec::new();
    for p in plan {
        if !seen
            .iter()
            .any(|s| s.figure == p.figure && s.case == p.case && s.n == p.n)
        {
            seen.push(p);
        }
    }
    seen
}

/// `Figure 1` for the paper's figures, `Products` and `More` for the others.
pub fn figure_name(figure: &str) -> String {
    if figure.parse::<u32>().is_ok() {
        return format!("Figure {figure}");
    }
    let mut chars = figure.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

/// A duration in the unit that keeps 3–4 significant digits readable.
pub fn human_time(s: f64) -> String {
    match s {
        s if s < 1e-6 => format!("{:.1} ns", s * 1e9),
        s if s < 1e-3 => format!("{:.2} µs", s * 1e6),
        s if s < 1.0 => format!("{:.2} ms", s * 1e3),
        s => format!("{s:.2} s"),
    }
}

/// Bytes in decimal units, as the paper counts them (64 MB = 8e6 × 8 bytes).
pub fn human_bytes(b: f64) -> String {
    match b {
        b if b < 1e3 => format!("{b:.0} B"),
        b if b < 1e6 => format!("{:.1} kB", b / 1e3),
        b if b < 1e9 => format!("{:.1} MB", b / 1e6),
        b => format!("{:.1} GB", b / 1e9),
    }
}

/// `100000` as `1e5`, `4000000` as `4e6`; counts under 10 000 or with more than one
/// significant digit as they are.
pub fn human_count(n: u64) -> String {
    let (mut m, mut e) = (n, 0);
    while m >= 10 && m.is_multiple_of(10) {
        m /= 10;
        e += 1;
    }
    match (n >= 10_000 && m < 10, m) {
        (true, 1) => format!("1e{e}"),
        (true, m) => format!("{m}e{e}"),
        (false, _) => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(line: serde_json::Value) -> Row {
        Row::from_json(line).unwrap()
    }

    fn planned(case: &str, n: u64, bytes: Option<f64>, flops: Option<f64>) -> Planned {
        Planned {
            figure: "1".into(),
            title: "f(x)".into(),
            case: case.into(),
            n,
            bytes,
            flops,
        }
    }

    fn report() -> Report {
        let t = |case: &str, imp: &str, median: f64| {
            json!({"figure": "1", "case": case, "impl": imp, "n": 100000,
                   "median_s": median, "peak_bytes": 1600000})
        };
        let rows = vec![
            row(t("fx_eager", "nd", 1e-4)),
            row(t("fx_eager", "loop", 2e-5)),
            row(t("fx_eager", "paper", 1e-3)),
            row(
                json!({"case": "fx_eager", "impl": "numpy", "state": "fresh", "n": 100000,
                       "median_s": 4e-4, "peak_bytes": 1600296}),
            ),
            row(
                json!({"case": "fx_eager", "impl": "numpy", "state": "warm", "n": 100000,
                       "median_s": 2e-4, "peak_bytes": null}),
            ),
            row(
                json!({"figure": "limits", "case": "triad_1_thread", "impl": "limit",
                       "n": 1000000, "median_s": 1e-5, "bytes_per_s": 1e11, "threads": 1}),
            ),
            row(
                json!({"figure": "limits", "case": "triad_1_thread", "impl": "limit",
                       "n": 100000000, "median_s": 1e-2, "bytes_per_s": 1e10, "threads": 1}),
            ),
        ];
        let plan = vec![
            planned("fx_eager", 100_000, Some(1.6e6), None),
            planned("fx_eager", 100_000, Some(1.6e6), None),
        ];
        let meta = Meta {
            machine: "a test".into(),
            numpy: Some("numpy 2".into()),
            command: "cargo xtask bench".into(),
            commit: "abc".into(),
        };
        Report::new(rows, plan, meta)
    }

    #[test]
    fn joins_states_and_floors_by_working_set() {
        let report = report();
        let figures = report.figures();
        assert_eq!(figures.len(), 1);
        let g = &figures[0].2[0];
        // 1.6 MB lies between the rungs: the 1 MB rung's 100 GB/s gives 16 µs.
        let limit = g.get(Column::Limit).unwrap();
        assert!((limit.median_s - 1.6e-5).abs() < 1e-12, "{limit:?}");
        assert_eq!(g.numpy_best().unwrap().state(), Some("warm"));
        assert!((g.nd_speedup().unwrap() - 2.0).abs() < 1e-12);
        let table = report.markdown();
        assert!(
            table.contains(
                "| fx_eager | 1e5 | 1.00 ms, 1.6 MB total | 400.00 µs | 200.00 µs | **100.00 µs** | 20.00 µs \
                 | 2.00× | 16.00 µs | 16% | 1.6 MB | 1.6 MB |"
            ),
            "{table}"
        );
        let json: Vec<Value> = serde_json::from_str(&report.json()).unwrap();
        let numpy = json.iter().find(|r| r["impl"] == "numpy").unwrap();
        assert_eq!(numpy["figure"], "1");
        for key in ["figure", "case", "impl", "n", "median_s", "min_s", "max_s"] {
            assert!(json.iter().all(|r| !r[key].is_null()), "{key}");
        }
        assert!(
            json.iter()
                .any(|r| r["impl"] == "limit" && r["case"] == "fx_eager")
        );
    }

    #[test]
    fn counts_read_as_the_paper_writes_them() {
        assert_eq!(human_count(100_000), "1e5");
        assert_eq!(human_count(4_000_000), "4e6");
        assert_eq!(human_count(1000), "1000");
        assert_eq!(human_count(123_456), "123456");
        assert_eq!(human_bytes(576e6), "576.0 MB");
    }
}
