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

/// Properties against naive references: what the goldens cannot cover value by value.
mod props {
    use ndcore::fmt::{FloatStyle, Trim, format_float_positional, format_float_scientific};
    use ndcore::prelude::*;
    use proptest::prelude::*;

    /// Significant digits of a `format_float_*` or `{:e}` text.
    fn sig_digits(s: &str) -> usize {
        let mantissa = s.split(['e', 'E']).next().unwrap_or(s);
        let d: String = mantissa.chars().filter(char::is_ascii_digit).collect();
        let d = d.trim_start_matches('0').trim_end_matches('0');
        d.len().max(1)
    }

    /// The element texts of `str(a)`: brackets and `...` dropped.
    fn tokens(s: &str) -> Vec<String> {
        s.replace(['[', ']'], " ")
            .split_whitespace()
            .map(str::to_string)
            .collect()
    }

    proptest! {
        #[test]
        fn unique_digits_read_back_and_are_shortest(bits in any::<u64>()) {
            let x = f64::from_bits(bits);
            prop_assume!(x.is_finite());
            let d = FloatStyle::default();
            let sci = format_float_scientific(x, &d).unwrap();
            prop_assert_eq!(sci.parse::<f64>().unwrap(), x);
            // Rust's `{:e}` is shortest too; only ties may change the last digit.
            prop_assert_eq!(sig_digits(&sci), sig_digits(&format!("{x:e}")));
            if x.abs() < 1e30 {
                let pos = format_float_positional(x, &d).unwrap();
                prop_assert_eq!(pos.parse::<f64>().unwrap(), x);
            }
        }

        #[test]
        fn float32_digits_are_float32_digits(bits in any::<u32>()) {
            let x = f32::from_bits(bits);
            prop_assume!(x.is_finite());
            let sci = format_float_scientific(x, &FloatStyle::default()).unwrap();
            prop_assert_eq!(sci.parse::<f32>().unwrap(), x);
            prop_assert_eq!(sig_digits(&sci), sig_digits(&format!("{x:e}")));
        }

        #[test]
        fn fixed_precision_is_the_exact_value_rounded(bits in any::<u64>(), p in 0usize..20) {
            let x = f64::from_bits(bits);
            prop_assume!(x.is_finite() && x.abs() < 1e25);
            let style = FloatStyle { precision: Some(p), unique: false, ..FloatStyle::default() };
            let mut want = format!("{x:.p$}");
            if p == 0 {
                want.push('.');
            }
            prop_assert_eq!(format_float_positional(x, &style).unwrap(), want);
            let style = FloatStyle { trim: Trim::Keep, ..style };
            let want = format!("{x:.p$e}");
            let got = format_float_scientific(x, &style).unwrap();
            prop_assert_eq!(got.parse::<f64>().unwrap(), want.parse::<f64>().unwrap());
        }

        #[test]
        fn int_arrays_print_their_values_in_order_with_one_width(
            dims in proptest::collection::vec(0usize..5, 0..5),
            seed in any::<u64>(),
            transpose in any::<bool>(),
            flip in any::<bool>(),
        ) {
            let n: usize = dims.iter().product();
            let vals: Vec<i64> = (0..n as u64)
                .map(|i| (seed.wrapping_mul(i + 1) >> (i % 50)) as i64)
                .collect();
            let a = Array::from_shape_vec(dims.clone(), vals).unwrap();
            let mut v = if transpose { a.view().reversed_axes() } else { a.view() };
            if flip && v.ndim() > 0 {
                v.invert_axis(Axis(0)).unwrap();
            }
            let s = v.to_string();
            let want: Vec<String> = v.iter().map(|x| x.to_string()).collect();
            if n == 0 {
                prop_assert_eq!(s, "[]");
            } else {
                prop_assert_eq!(tokens(&s), want);
                prop_assert_eq!(s.matches('[').count(), s.matches(']').count());
                // repr on unbounded lines: one row per line, every cell padded to one width.
                let wide = ndcore::fmt::PrintOptions {
                    linewidth: usize::MAX,
                    ..Default::default()
                };
                let r = v.repr_with(&wide).to_string();
                let body = r.strip_prefix("array(").unwrap_or(&r);
                let mut widths = std::collections::BTreeSet::new();
                for line in body.lines().filter(|l| !l.is_empty()) {
                    let row = line.trim_start_matches(' ').trim_start_matches('[');
                    let row = row.split(']').next().unwrap_or(row);
                    widths.extend(row.split(", ").map(str::len));
                }
                prop_assert!(v.ndim() == 0 || widths.len() == 1, "{}", r);
            }
        }

        #[test]
        fn summarized_rows_show_their_corners(n in 1001usize..5000, start in -1000i64..1000) {
            let a = arange_with(start, start + n as i64, 1).unwrap();
            let t = tokens(&a.to_string());
            let s = |k: i64| (start + k).to_string();
            let last = n as i64;
            let want = [s(0), s(1), s(2), "...".into(), s(last - 3), s(last - 2), s(last - 1)];
            prop_assert_eq!(t, want);
            let repr = format!("{a:?}");
            let tail = format!("shape=({n},))");
            prop_assert!(repr.ends_with(&tail), "{}", repr);
        }
    }
}
