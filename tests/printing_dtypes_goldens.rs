//! `repr(a)` and `str(a)` of arrays of the dtypes nd has no element type for (float16,
//! complex64/128, `U` strings, datetime64, timedelta64, x86-64's long double
//! `float128`/`complex256`, records holding them), compared character for character with
//! NumPy's.
//!
//! The goldens are written by `scripts/goldens/printing_dtypes.py` (`cargo xtask goldens`):
//! each case is an `.npy` file, loaded here with `ndio::load_any`, and NumPy's two texts,
//! with the default print options and with four other sets. A failure prints, for every case
//! that differs, what NumPy printed and what nd printed, line by line.

use nd_tests::goldens::{golden_path, read_golden};
use ndcore::DType;
use ndcore::Order;
use ndcore::any::AnyArray;
use ndcore::fmt::{FloatMode, PrintOptions, Sign};

/// A readable account of where `got` departs from `want`.
fn diff(want: &str, got: &str) -> String {
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let mut out = String::new();
    for i in 0..w.len().max(g.len()) {
        let (a, b) = (w.get(i).copied(), g.get(i).copied());
        if a != b {
            out += &format!(
                "      line {}:\n        numpy: {a:?}\n        nd:    {b:?}\n",
                i + 1
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

/// NumPy's text in `printing_dtypes/<file>`, without the final newline the script adds.
fn golden_text(file: &str) -> String {
    let text = read_golden(&format!("printing_dtypes/{file}"));
    text.strip_suffix('\n').unwrap_or(&text).to_string()
}

#[test]
fn every_case_prints_as_numpy() {
    let names = read_golden("printing_dtypes/INDEX.txt");
    let names: Vec<&str> = names.lines().filter(|l| !l.is_empty()).collect();
    assert!(names.len() > 100, "only {} cases", names.len());
    let mut failures = Vec::new();
    for name in &names {
        let path = golden_path(&format!("printing_dtypes/{name}.npy"));
        let a = ndio::load_any(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let got_repr = format!("{a:?}");
        let got_str = a.to_string();
        for (what, want, got) in [
            ("repr", golden_text(&format!("{name}.repr.txt")), got_repr),
            ("str", golden_text(&format!("{name}.str.txt")), got_str),
        ] {
            if want != got {
                failures.push(format!("  {name} [{what}]:\n{}", diff(&want, &got)));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} texts differ from NumPy's:\n{}",
        failures.len(),
        2 * names.len(),
        failures.join("")
    );
}

/// Checks `str(a)` and `repr(a)` of the 0-d arrays in a scalars golden: lines
/// `<hex> <str> <X>` where `repr(a)` is `array(X, dtype=<name>)`; `bytes` turns the hex
/// into the element's bytes.
fn check_scalars(file: &str, typestr: &str, name: &str, bytes: impl Fn(&str) -> Vec<u8>) {
    let text = read_golden(&format!("printing_dtypes/{file}"));
    let dtype = DType::from_typestr(typestr).expect(typestr);
    let mut failures = Vec::new();
    let mut count = 0;
    for line in text.lines().filter(|l| !l.is_empty()) {
        let mut parts = line.split(' ');
        let (Some(hex), Some(want_str), Some(want_inner)) =
            (parts.next(), parts.next(), parts.next())
        else {
            panic!("{file}: bad line {line:?}");
        };
        let mut a = AnyArray::zeros(dtype.clone(), &[], Order::C).expect("0-d array");
        a.bytes_mut().expect("owned").copy_from_slice(&bytes(hex));
        let want_repr = format!("array({want_inner}, dtype={name})");
        let (got_str, got_repr) = (a.to_string(), format!("{a:?}"));
        if (got_str.as_str(), got_repr.as_str()) != (want_str, want_repr.as_str()) {
            failures.push(format!(
                "  {hex}: numpy {want_str} / {want_repr}, nd {got_str} / {got_repr}"
            ));
        }
        count += 1;
    }
    assert!(count > 500, "{file}: only {count} values");
    assert!(
        failures.is_empty(),
        "{file}: {} of {count} values differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn float16_scalars_print_their_own_shortest_digits() {
    check_scalars("float16_scalars.txt", "<f2", "float16", |hex| {
        let bits = u16::from_str_radix(hex, 16).expect("hex bits");
        bits.to_le_bytes().to_vec()
    });
}

#[test]
fn long_double_scalars_print_as_numpy_on_x86_64() {
    check_scalars("longdouble_scalars.txt", "<f16", "float128", |hex| {
        let lo = u64::from_str_radix(&hex[..16], 16).expect("significand");
        let hi = u16::from_str_radix(&hex[16..], 16).expect("exponent");
        let mut b = lo.to_le_bytes().to_vec();
        b.extend_from_slice(&hi.to_le_bytes());
        b.resize(16, 0);
        b
    });
}

/// The print option sets of `options.txt`, numbered as the script numbers them.
fn option_sets() -> [PrintOptions; 4] {
    let d = PrintOptions::default();
    [
        PrintOptions { precision: 3, ..d },
        PrintOptions {
            sign: Sign::Space,
            floatmode: FloatMode::Fixed,
            precision: 4,
            ..d
        },
        PrintOptions {
            sign: Sign::Plus,
            suppress: true,
            floatmode: FloatMode::Unique,
            linewidth: 60,
            threshold: 10,
            edgeitems: 2,
            ..d
        },
        PrintOptions {
            floatmode: FloatMode::MaxPrecEqual,
            precision: 2,
            sign: Sign::Space,
            ..d
        },
    ]
}

#[test]
fn every_case_prints_as_numpy_with_print_options() {
    let text = read_golden("printing_dtypes/options.txt");
    let text = text.strip_prefix("### ").expect("starts with a block");
    let sets = option_sets();
    let mut failures = Vec::new();
    let mut count = 0;
    for block in text.split("\n### ") {
        let (head, body) = block.split_once("\n--- str\n").expect("--- str");
        let (want_str, want_repr) = body.split_once("\n--- repr\n").expect("--- repr");
        let want_repr = want_repr.strip_suffix('\n').unwrap_or(want_repr);
        let (name, set) = head.split_once(" | ").expect("NAME | SET");
        let opts = &sets[set.parse::<usize>().expect("set number")];
        let path = golden_path(&format!("printing_dtypes/{name}.npy"));
        let a = ndio::load_any(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        for (what, want, got) in [
            ("str", want_str, a.to_string_with(opts)),
            ("repr", want_repr, a.repr_with(opts)),
        ] {
            if want != got {
                failures.push(format!(
                    "  {name} [{what}, options {set}]:\n{}",
                    diff(want, &got)
                ));
            }
        }
        count += 1;
    }
    assert!(count > 400, "only {count} blocks");
    assert!(
        failures.is_empty(),
        "{} of {} texts differ from NumPy's:\n{}",
        failures.len(),
        2 * count,
        failures.join("")
    );
}
