//! The rows both sides print and `report.json` lists: one timing (or figure, or limit) of
//! one case at one size in one implementation.

use serde_json::{Map, Value, json};

use crate::run::Result;

/// `{"figure", "case", "impl", "n", "median_s", "min_s", "max_s", "peak_bytes"}` and
/// whatever else the producer adds (`title`, NumPy's `state`, `bytes`, `flops`, …),
/// kept as it came.
#[derive(Clone, Debug)]
pub struct Row {
    pub figure: String,
    pub case: String,
    /// `nd`, `loop`, `numpy`, `paper` or `limit`.
    pub implementation: String,
    pub n: u64,
    pub median_s: f64,
    pub min_s: f64,
    pub max_s: f64,
    pub peak_bytes: Option<f64>,
    pub extra: Map<String, Value>,
}

impl Row {
    /// A row from one JSON object; `figure` may be missing (NumPy's side does not know
    /// the figures) and is then empty.
    pub fn from_json(value: Value) -> Result<Row> {
        let Value::Object(mut object) = value else {
            return Err(format!("expected a JSON object, got {value}"));
        };
        let mut text = |key: &str| match object.remove(key) {
            Some(Value::String(s)) => Ok(s),
            other => Err(format!("`{key}` should be a string, got {other:?}")),
        };
        let figure = text("figure").unwrap_or_default();
        let case = text("case")?;
        let implementation = text("impl")?;
        let mut number = |key: &str| object.remove(key).and_then(|v| v.as_f64());
        let n = number("n").ok_or("`n` should be a number")? as u64;
        let median_s = number("median_s").ok_or("`median_s` should be a number")?;
        let min_s = number("min_s").unwrap_or(median_s);
        let max_s = number("max_s").unwrap_or(median_s);
        let peak_bytes = number("peak_bytes");
        Ok(Row {
            figure,
            case,
            implementation,
            n,
            median_s,
            min_s,
            max_s,
            peak_bytes,
            extra: object,
        })
    }

    pub fn to_json(&self) -> Value {
        let mut object = Map::new();
        object.insert("figure".into(), json!(self.figure));
        object.insert("case".into(), json!(self.case));
        object.insert("impl".into(), json!(self.implementation));
        object.insert("n".into(), json!(self.n));
        object.insert("median_s".into(), json!(self.median_s));
        object.insert("min_s".into(), json!(self.min_s));
        object.insert("max_s".into(), json!(self.max_s));
        object.insert(
            "peak_bytes".into(),
            json!(self.peak_bytes.map(|b| b as u64)),
        );
        for (key, value) in &self.extra {
            object.insert(key.clone(), value.clone());
        }
        Value::Object(object)
    }

    pub fn text(&self, key: &str) -> Option<&str> {
        self.extra.get(key).and_then(Value::as_str)
    }

    pub fn number(&self, key: &str) -> Option<f64> {
        self.extra.get(key).and_then(Value::as_f64)
    }

    /// NumPy's state (`fresh` or `warm`); `None` for the other implementations.
    pub fn state(&self) -> Option<&str> {
        self.text("state")
    }
}

/// One (case, size) of paperbench's plan: what both sides run, with its figure and least
/// work.
#[derive(Clone, Debug)]
pub struct Planned {
    pub figure: String,
    pub title: String,
    pub case: String,
    pub n: u64,
    /// Bytes the case must move, if bandwidth bounds it.
    pub bytes: Option<f64>,
    /// Flops the case must do, if arithmetic bounds it.
    pub flops: Option<f64>,
}

impl Planned {
    pub fn from_json(value: &Value) -> Result<Planned> {
        let text = |key: &str| {
            value
                .get(key)
                .and_then(Value::as_str)
                .map(str::to_string)
                .ok_or_else(|| format!("`{key}` missing in plan line {value}"))
        };
        Ok(Planned {
            figure: text("figure")?,
            title: text("title")?,
            case: text("case")?,
            n: value
                .get("n")
                .and_then(Value::as_u64)
                .ok_or_else(|| format!("`n` missing in plan line {value}"))?,
            bytes: value.get("bytes").and_then(Value::as_f64),
            flops: value.get("flops").and_then(Value::as_f64),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_fields_it_does_not_know() {
        let line = r#"{"case": "fx_eager", "n": 100000, "impl": "numpy", "state": "warm",
                       "median_s": 1e-4, "min_s": 9e-5, "max_s": 2e-4, "peak_bytes": null}"#;
        let row = Row::from_json(serde_json::from_str(line).unwrap()).unwrap();
        assert_eq!((row.figure.as_str(), row.n), ("", 100_000));
        assert_eq!(row.state(), Some("warm"));
        assert_eq!(row.peak_bytes, None);
        let back = row.to_json();
        assert_eq!(back["state"], "warm");
        assert_eq!(back["median_s"], 1e-4);
        assert!(back["peak_bytes"].is_null());
        assert!(Row::from_json(json!({"case": "x"})).is_err());
    }
}
