//! Broadcasting against NumPy (tests/goldens/broadcasting/, written by
//! scripts/goldens/broadcasting.py): every ordered pair of a table of 20 shapes (400
//! pairs, empty and 0-d ones included) — the result's shape and values, or NumPy's exact
//! message — through the named function, the operator (whose panic carries the same
//! message), and the in-place forms (`a -= b`), whose output-shape rule is NumPy's `out=`.

use nd_tests::goldens::read_golden;
use ndcore::error::shape_str;
use ndcore::prelude::*;
use std::panic::{AssertUnwindSafe, catch_unwind};

fn parse_shape(s: &str) -> Vec<usize> {
    let inner = s.trim().trim_start_matches('(').trim_end_matches(')');
    inner
        .split(',')
        .filter(|p| !p.is_empty())
        .map(|p| p.parse().unwrap())
        .collect()
}

/// The script's recipe: `a = arange(n) * 1.0`, `b = arange(n) * 10.0 + 0.5`, reshaped.
fn make(s1: &[usize], s2: &[usize]) -> (ArrayD<f64>, ArrayD<f64>) {
    let n1: usize = s1.iter().product();
    let n2: usize = s2.iter().product();
    let a = Array::from_shape_vec(s1, (0..n1).map(|i| i as f64).collect()).unwrap();
    let b = Array::from_shape_vec(s2, (0..n2).map(|i| i as f64 * 10.0 + 0.5).collect()).unwrap();
    (a, b)
}

fn panic_message<R>(f: impl FnOnce() -> R) -> Option<String> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let r = catch_unwind(AssertUnwindSafe(f));
    std::panic::set_hook(hook);
    match r {
        Ok(_) => None,
        Err(p) => Some(
            p.downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default(),
        ),
    }
}

#[test]
fn every_pair_of_shapes_matches_numpy() {
    let text = read_golden("broadcasting/pairs.txt");
    let (mut ok, mut failing) = (0, 0);
    for line in text.lines() {
        let parts: Vec<&str> = line.split(" | ").collect();
        let (shapes, inplace) = (parts[0], parts[parts.len() - 1]);
        let (s1, s2) = shapes.split_once(' ').unwrap();
        let (s1, s2) = (parse_shape(s1), parse_shape(s2));
        let (a, b) = make(&s1, &s2);
        let named = ndops::subtract(&a, &b);
        let operator = panic_message(|| &a - &b);
        if let Some(msg) = parts[1].strip_prefix("ERR ") {
            failing += 1;
            assert_eq!(named.unwrap_err().to_string(), msg, "{line}");
            assert_eq!(operator.as_deref(), Some(msg), "{line}");
            assert!(ndops::broadcast_shapes(&[&s1, &s2]).is_err());
        } else {
            ok += 1;
            let want_shape = parse_shape(parts[1]);
            let want: Vec<f64> = parts[2]
                .split(' ')
                .filter(|v| !v.is_empty())
                .map(|v| v.parse().unwrap())
                .collect();
            let r = named.unwrap();
            assert_eq!(r.shape(), &want_shape[..], "{line}");
            assert_eq!(r.to_vec(), want, "{line}");
            assert_eq!(operator, None, "{line}");
            assert_eq!(ndops::broadcast_shapes(&[&s1, &s2]).unwrap(), want_shape);
            // The same through read-only broadcast views, and an owned left operand.
            let (va, vb) = ndops::broadcast_arrays(&a, &b).unwrap();
            assert_eq!((&va - &vb).to_vec(), want, "{line}");
            assert_eq!((a.clone() - &b).to_vec(), want, "{line}");
        }
        // a -= b: b must broadcast to a's own shape.
        let mut a2 = a.clone();
        let r = ndops::subtract_inplace(&mut a2, &b);
        let mut a3 = a.clone();
        let op = panic_message(|| a3 -= &b);
        match inplace.strip_prefix("ERR ") {
            Some(msg) => {
                assert_eq!(r.unwrap_err().to_string(), msg, "{line}");
                assert_eq!(op.as_deref(), Some(msg), "{line}");
            }
            None => {
                r.unwrap();
                assert_eq!(op, None);
                assert_eq!(a2, a3);
                assert_eq!(a2.to_vec(), (&a - &b).to_vec(), "{line}");
            }
        }
    }
    assert_eq!(ok + failing, 400);
    assert!(
        ok >= 100 && failing >= 100,
        "{ok} broadcast, {failing} fail"
    );
}

#[test]
fn three_operands_and_out_follow_numpy() {
    let text = read_golden("broadcasting/triples.txt");
    for line in text.lines() {
        let parts: Vec<&str> = line.split(" | ").collect();
        let shapes: Vec<Vec<usize>> = parts[0].split(' ').map(parse_shape).collect();
        let refs: Vec<&[usize]> = shapes.iter().map(|s| &s[..]).collect();
        let b = ndops::broadcast_shapes(&refs);
        match parts[1] {
            "ERR" => {
                let e = b.unwrap_err().to_string();
                let want: String = shapes.iter().map(|s| shape_str(s) + " ").collect();
                assert_eq!(
                    e,
                    format!("operands could not be broadcast together with shapes {want}")
                );
            }
            s => assert_eq!(b.unwrap(), parse_shape(s), "{line}"),
        }
        let x = ArrayD::<f64>::zeros(&shapes[0][..]);
        let y = ArrayD::<f64>::zeros(&shapes[1][..]);
        let mut out = ArrayD::<f64>::zeros(&shapes[2][..]);
        let r = ndops::add_into(&x, &y, &mut out);
        match parts[2].strip_prefix("ERR ") {
            Some(msg) => assert_eq!(r.unwrap_err().to_string(), msg, "{line}"),
            None => r.unwrap(),
        }
    }
}
