//! The one JSON shape the benchmarks speak: flat objects of strings and numbers, one per
//! line. A full JSON crate would double xtask's build time for this.

use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Str(String),
    Num(f64),
    /// `true`, `false`, `null`: accepted so producers may add them, never read.
    Other,
}

/// Parses `{"key": value, ...}` whose values are strings, numbers, booleans or null.
pub fn parse_flat(line: &str) -> Result<BTreeMap<String, Value>, String> {
    let mut p = Parser { rest: line.trim() };
    p.eat('{')?;
    let mut object = BTreeMap::new();
    if p.peek() == Some('}') {
        p.eat('}')?;
    } else {
        loop {
            let key = p.string()?;
            p.eat(':')?;
            let value = p.value()?;
            object.insert(key, value);
            if p.peek() == Some(',') {
                p.eat(',')?;
            } else {
                p.eat('}')?;
                break;
            }
        }
    }
    if p.rest.trim().is_empty() {
        Ok(object)
    } else {
        Err(format!("trailing text in {line:?}"))
    }
}

/// `s` as a JSON string literal.
pub fn quote(s: &str) -> String {
    let mut out = String::from('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A number as JSON (which has no NaN or infinity: those become null).
pub fn number(x: f64) -> String {
    if x.is_finite() {
        format!("{x}")
    } else {
        "null".into()
    }
}

struct Parser<'a> {
    rest: &'a str,
}

impl Parser<'_> {
    fn peek(&mut self) -> Option<char> {
        self.rest = self.rest.trim_start();
        self.rest.chars().next()
    }

    fn eat(&mut self, c: char) -> Result<(), String> {
        if self.peek() == Some(c) {
            self.rest = &self.rest[1..];
            Ok(())
        } else {
            Err(format!("expected `{c}` at {:?}", self.rest))
        }
    }

    fn value(&mut self) -> Result<Value, String> {
        match self.peek() {
            Some('"') => self.string().map(Value::Str),
            Some(_) => {
                let end = self.rest.find([',', '}']).unwrap_or(self.rest.len());
                let (token, rest) = self.rest.split_at(end);
                self.rest = rest;
                match token.trim() {
                    "true" | "false" | "null" => Ok(Value::Other),
                    t => t
                        .parse()
                        .map(Value::Num)
                        .map_err(|_| format!("bad JSON value {t:?}")),
                }
            }
            None => Err("unexpected end of JSON".into()),
        }
    }

    fn string(&mut self) -> Result<String, String> {
        self.eat('"')?;
        let mut out = String::new();
        let mut chars = self.rest.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => {
                    self.rest = &self.rest[i + 1..];
                    return Ok(out);
                }
                '\\' => match chars.next().map(|(_, c)| c) {
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some('r') => out.push('\r'),
                    Some('u') => {
                        let hex: String = (0..4)
                            .filter_map(|_| chars.next())
                            .map(|(_, c)| c)
                            .collect();
                        let code = u32::from_str_radix(&hex, 16).map_err(|_| "bad \\u escape")?;
                        out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                    }
                    Some(c) => out.push(c), // \" \\ \/
                    None => break,
                },
                c => out.push(c),
            }
        }
        Err("unterminated JSON string".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_a_bench_line() {
        let line = r#"{"case": "sum \"x\"\u00e9", "impl": "numpy", "median_ns": 3.5e6, "min_ns": 12, "ok": true}"#;
        let object = parse_flat(line).unwrap();
        assert_eq!(object["case"], Value::Str("sum \"x\"é".into()));
        assert_eq!(object["median_ns"], Value::Num(3.5e6));
        assert_eq!(object["min_ns"], Value::Num(12.0));
        assert_eq!(quote("a\"b\\"), r#""a\"b\\""#);
        assert!(parse_flat("{\"a\": 1} x").is_err());
        assert!(parse_flat("{}").unwrap().is_empty());
    }
}
