//! Merging benchmark samples into one row per case, as Markdown and JSON.

use std::collections::BTreeMap;

use crate::json::{self, Value};

/// One timing of one case in one implementation.
pub struct Sample {
    pub case: String,
    pub implementation: String,
    pub median_ns: f64,
    pub min_ns: f64,
}

impl Sample {
    pub fn from_json(object: &BTreeMap<String, Value>) -> Option<Sample> {
        let text = |key: &str| match object.get(key)? {
            Value::Str(s) => Some(s.clone()),
            _ => None,
        };
        let number = |key: &str| match object.get(key)? {
            Value::Num(x) => Some(*x),
            _ => None,
        };
        Some(Sample {
            case: text("case")?,
            implementation: text("impl")?,
            median_ns: number("median_ns")?,
            min_ns: number("min_ns")?,
        })
    }
}

/// The implementations the table has columns for, in column order.
const IMPLS: [&str; 3] = ["nd", "loop", "numpy"];

#[derive(Clone, Copy)]
struct Timing {
    median_ns: f64,
    min_ns: f64,
}

struct Row {
    case: String,
    /// Indexed like `IMPLS`.
    timings: [Option<Timing>; 3],
}

impl Row {
    fn get(&self, implementation: &str) -> Option<Timing> {
        IMPLS
            .iter()
            .position(|i| *i == implementation)
            .and_then(|i| self.timings[i])
    }

    /// How many times faster `implementation` is than NumPy (> 1: NumPy is slower).
    fn numpy_over(&self, implementation: &str) -> Option<f64> {
        Some(self.get("numpy")?.median_ns / self.get(implementation)?.median_ns)
    }
}

pub struct Report {
    rows: Vec<Row>,
}

impl Report {
    /// One row per case, in the order cases first appear (Rust side first).
    pub fn new(samples: Vec<Sample>) -> Report {
        let mut rows: Vec<Row> = Vec::new();
        for sample in samples {
            let Some(column) = IMPLS.iter().position(|i| *i == sample.implementation) else {
                eprintln!(
                    "ignoring {}: unknown impl {:?}",
                    sample.case, sample.implementation
                );
                continue;
            };
            let index = match rows.iter().position(|r| r.case == sample.case) {
                Some(index) => index,
                None => {
                    rows.push(Row {
                        case: sample.case.clone(),
                        timings: [None; 3],
                    });
                    rows.len() - 1
                }
            };
            let timing = Timing {
                median_ns: sample.median_ns,
                min_ns: sample.min_ns,
            };
            rows[index].timings[column] = Some(timing);
        }
        Report { rows }
    }

    /// Medians; ratios are NumPy's median over ours, so > 1 means we are faster.
    pub fn markdown(&self) -> String {
        let mut out = String::from(
            "| case | nd | hand loop | numpy | numpy/nd | numpy/loop |\n\
             |---|---:|---:|---:|---:|---:|\n",
        );
        for row in &self.rows {
            let time = |i: &str| row.get(i).map_or(DASH.into(), |t| human(t.median_ns));
            let ratio = |i: &str| {
                row.numpy_over(i)
                    .map_or(DASH.into(), |r| format!("{r:.2}×"))
            };
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} |\n",
                row.case,
                time("nd"),
                time("loop"),
                time("numpy"),
                ratio("nd"),
                ratio("loop"),
            ));
        }
        out.push_str(
            "\nmedian time per run; ratio = numpy median / ours (> 1: faster than NumPy)\n",
        );
        out
    }

    /// `[{"case": …, "nd": {"median_ns": …, "min_ns": …} | null, …, "numpy_over_nd": …}]`
    pub fn json(&self) -> String {
        let mut rows = Vec::new();
        for row in &self.rows {
            let mut fields = vec![format!("\"case\": {}", json::quote(&row.case))];
            for implementation in IMPLS {
                let timing = row.get(implementation).map_or("null".into(), |t| {
                    format!(
                        "{{\"median_ns\": {}, \"min_ns\": {}}}",
                        json::number(t.median_ns),
                        json::number(t.min_ns)
                    )
                });
                fields.push(format!("\"{implementation}\": {timing}"));
            }
            for implementation in ["nd", "loop"] {
                let ratio = row
                    .numpy_over(implementation)
                    .map_or("null".into(), json::number);
                fields.push(format!("\"numpy_over_{implementation}\": {ratio}"));
            }
            rows.push(format!("  {{{}}}", fields.join(", ")));
        }
        format!("[\n{}\n]\n", rows.join(",\n"))
    }
}

const DASH: &str = "—";

/// A duration in the unit that keeps 3–4 significant digits readable.
fn human(ns: f64) -> String {
    match ns {
        ns if ns < 1e3 => format!("{ns:.1} ns"),
        ns if ns < 1e6 => format!("{:.2} µs", ns / 1e3),
        ns if ns < 1e9 => format!("{:.2} ms", ns / 1e6),
        ns => format!("{:.2} s", ns / 1e9),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(case: &str, implementation: &str, median_ns: f64) -> Sample {
        let (case, implementation) = (case.into(), implementation.into());
        Sample {
            case,
            implementation,
            median_ns,
            min_ns: median_ns * 0.9,
        }
    }

    #[test]
    fn merges_by_case_and_dashes_the_missing() {
        let report = Report::new(vec![
            sample("sum", "loop", 8e6),
            sample("sum", "numpy", 4e6),
            sample("only_numpy", "numpy", 1500.0),
        ]);
        let table = report.markdown();
        assert!(
            table.contains("| sum | — | 8.00 ms | 4.00 ms | — | 0.50× |"),
            "{table}"
        );
        assert!(
            table.contains("| only_numpy | — | — | 1.50 µs | — | — |"),
            "{table}"
        );
        let json = report.json();
        assert!(json.contains("\"nd\": null"), "{json}");
        assert!(json.contains("\"numpy_over_loop\": 0.5"), "{json}");
    }
}
