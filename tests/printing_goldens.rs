//! `str(a)` and `repr(a)` of every array in NumPy's printing goldens, and its float
//! formatting functions, compared character for character.
//!
//! The goldens are written by `scripts/goldens/printing.py` (`cargo xtask goldens`): each
//! entry carries the recipe this test rebuilds the array from. A failure prints the recipe,
//! what NumPy printed and what nd printed, line by line.

#[path = "printing_goldens/recipe.rs"]
mod recipe;
#[path = "printing_goldens/records.rs"]
mod records;

use nd_tests::goldens::read_golden;
use ndcore::fmt::{FloatStyle, Trim, format_float_positional, format_float_scientific};

/// One golden entry: recipe and NumPy's texts.
struct Entry {
    name: String,
    recipe: Vec<String>,
    str_: String,
    repr: String,
}

fn parse_entries(text: &str) -> Vec<Entry> {
    let mut out = Vec::new();
    for block in text.split("### ").filter(|b| !b.is_empty()) {
        let (head, body) = block.split_once("\n--- str\n").expect("--- str");
        let (s, r) = body.split_once("\n--- repr\n").expect("--- repr");
        let mut fields = head.split(" | ").map(str::to_string);
        let name = fields.next().expect("name");
        out.push(Entry {
            name,
            recipe: fields.collect(),
            str_: s.to_string(),
            repr: r.strip_suffix('\n').unwrap_or(r).to_string(),
        });
    }
    out
}

/// A readable account of where `got` departs from `want`.
fn diff(want: &str, got: &str) -> String {
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let mut out = String::new();
    for i in 0..w.len().max(g.len()) {
        let (a, b) = (w.get(i).copied(), g.get(i).copied());
        if a != b {
            out += &format!(
                "      line {}:\n        numpy: {:?}\n        nd:    {:?}\n",
                i + 1,
                a,
                b
            );
        }
    }
    if out.is_empty() {
        out = format!(
            "      (differ in line endings)\n        numpy: {want:?}\n        nd:    {got:?}\n"
        );
    }
    out
}

/// Checks every entry of a golden file; `build` gives nd's `(str, repr)` for a recipe.
fn check_file(file: &str, build: impl Fn(&[String]) -> (String, String)) {
    let entries = parse_entries(&read_golden(&format!("printing/{file}")));
    assert!(!entries.is_empty(), "no entries in {file}");
    let mut failures = Vec::new();
    for e in &entries {
        let (s, r) = build(&e.recipe);
        for (what, want, got) in [("str", &e.str_, &s), ("repr", &e.repr, &r)] {
            if want != got {
                failures.push(format!(
                    "  {} [{}] ({}):\n{}",
                    e.name,
                    what,
                    e.recipe.join(" | "),
                    diff(want, got)
                ));
            }
        }
    }
    if !failures.is_empty() {
        let shown: Vec<&String> = failures.iter().take(12).collect();
        panic!(
            "{file}: {} of {} texts differ from NumPy; first ones:\n{}",
            failures.len(),
            2 * entries.len(),
            shown
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
    eprintln!("{file}: {} arrays match NumPy", entries.len());
}

fn array_recipe(r: &[String]) -> (String, String) {
    let opts = recipe::options(&r[4]);
    recipe::print_dtype(&r[0], &r[1], &r[2], &r[3], &opts)
}

#[test]
fn basic_dtypes_ranks_and_empty_arrays() {
    check_file("basic.txt", array_recipe);
}

#[test]
fn floats_like_numpy() {
    check_file("floats.txt", array_recipe);
}

#[test]
fn summarized_arrays() {
    check_file("summarized.txt", array_recipe);
}

#[test]
fn views_with_any_strides() {
    check_file("views.txt", array_recipe);
}

#[test]
fn print_options() {
    check_file("options.txt", array_recipe);
}

#[test]
fn records_print_through_their_dtype() {
    check_file("records.txt", |r| {
        let opts = recipe::options(&r[4]);
        records::print_record(&r[0], &r[1], &r[2], &r[3], &opts)
    });
}

fn style(text: &str) -> FloatStyle {
    let mut s = FloatStyle::default();
    if text == "-" {
        return s;
    }
    for pair in text.split(',') {
        let (k, v) = pair.split_once('=').expect("key=value");
        let num = || Some(v.parse::<usize>().expect("number"));
        match k {
            "precision" => s.precision = num(),
            "unique" => s.unique = v == "1",
            "sign" => s.sign = v == "1",
            "pad_left" => s.pad_left = num(),
            "pad_right" => s.pad_right = num(),
            "exp_digits" => s.exp_digits = num(),
            "min_digits" => s.min_digits = num(),
            "trim" => {
                s.trim = match v {
                    "." => Trim::Point,
                    "0" => Trim::Zero,
                    "-" => Trim::Minus,
                    _ => Trim::Keep,
                }
            }
            other => panic!("unknown style key {other}"),
        }
    }
    s
}

#[test]
fn format_float_functions() {
    let text = read_golden("printing/format_float.txt");
    let mut failures = Vec::new();
    let mut n = 0;
    for line in text.lines() {
        let f: Vec<&str> = line.splitn(5, '\t').collect();
        let (func, code, bits, st, want) = (f[0], f[1], f[2], style(f[3]), f[4]);
        let got = match (func, code) {
            ("pos", "f8") => format_float_positional(
                f64::from_bits(u64::from_str_radix(bits, 16).expect("hex")),
                &st,
            ),
            ("sci", "f8") => format_float_scientific(
                f64::from_bits(u64::from_str_radix(bits, 16).expect("hex")),
                &st,
            ),
            ("pos", _) => format_float_positional(
                f32::from_bits(u32::from_str_radix(bits, 16).expect("hex")),
                &st,
            ),
            _ => format_float_scientific(
                f32::from_bits(u32::from_str_radix(bits, 16).expect("hex")),
                &st,
            ),
        }
        .expect("valid style");
        n += 1;
        if got != want {
            failures.push(format!(
                "  {func} {code} {bits} {}: numpy {want:?}, nd {got:?}",
                f[3]
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {n} float formats differ from NumPy:\n{}",
        failures.len(),
        failures
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    eprintln!("format_float.txt: {n} formats match NumPy");
}
