//! ndlinalg against NumPy's own answers (`scripts/goldens/linalg.py` →
//! `tests/goldens/linalg/`): results of `dot`, `matmul`, `inner`, `outer` and `vdot` for
//! every rank pairing in int64, wrapping int8, float64 and bool, and the exact text of
//! NumPy's shape errors.

use nd_tests::goldens::read_golden;
use ndcore::prelude::*;
use ndlinalg::{LinalgScalar, dot, inner, matmul, matmul_into, outer, vdot};

fn shape(s: &str) -> Vec<usize> {
    let s = s.trim();
    if s.is_empty() {
        vec![]
    } else {
        s.split(',').map(|n| n.parse().unwrap()).collect()
    }
}

/// `(arange(n) * mult) % modulus - off`, reshaped, as the script builds it.
fn recipe<T: LinalgScalar>(
    sh: &[usize],
    mult: i64,
    modulus: i64,
    off: i64,
    f: fn(i64) -> T,
) -> ArrayD<T> {
    let n: usize = sh.iter().product();
    let v = (0..n as i64)
        .map(|i| f((i * mult) % modulus - off))
        .collect();
    Array::from_shape_vec(sh.to_vec(), v).unwrap()
}

/// Runs `op` on the recipe operands; the result's shape and values as i64 or f64 text-free
/// numbers (bool as 0/1).
fn run<T: LinalgScalar>(
    op: &str,
    sa: &[usize],
    sb: &[usize],
    f: fn(i64) -> T,
    num: fn(T) -> f64,
) -> (Vec<usize>, Vec<f64>) {
    let a = recipe(sa, 7, 11, 5, f);
    let b = recipe(sb, 5, 13, 6, f);
    let r: ArrayD<T> = match op {
        "dot" => dot(&a, &b).unwrap(),
        "matmul" => matmul(&a, &b).unwrap(),
        "inner" => inner(&a, &b).unwrap(),
        "outer" => outer(&a, &b).unwrap().into_dyn(),
        "vdot" => Array::from_shape_vec(vec![], vec![vdot(&a, &b).unwrap()]).unwrap(),
        _ => panic!("unknown op {op}"),
    };
    (r.shape().to_vec(), r.iter().map(|&x| num(x)).collect())
}

#[test]
fn results_match_numpy() {
    let text = read_golden("linalg/results.txt");
    let mut count = 0;
    for line in text.lines() {
        let parts: Vec<&str> = line.split(" | ").collect();
        let (head, sa, sb, sr, vals) = (
            parts[0],
            shape(parts[1]),
            shape(parts[2]),
            shape(parts[3]),
            parts[4],
        );
        let (op, dtype) = head.split_once(' ').unwrap();
        let want: Vec<f64> = vals
            .split_whitespace()
            .map(|v| v.parse().unwrap())
            .collect();
        let (got_shape, got) = match dtype {
            "int64" => run(op, &sa, &sb, |v| v, |x: i64| x as f64),
            "int8" => run(op, &sa, &sb, |v| (v * 23) as i8, |x: i8| x as f64),
            "float64" => run(op, &sa, &sb, |v| v as f64, |x: f64| x),
            "bool" => run(op, &sa, &sb, |v| v > 0, |x: bool| x as u8 as f64),
            _ => panic!("unknown dtype {dtype}"),
        };
        assert_eq!(got_shape, sr, "{line}");
        assert_eq!(got, want, "{line}");
        count += 1;
    }
    assert_eq!(count, 128);
}

#[test]
fn errors_match_numpy() {
    let text = read_golden("linalg/errors.txt");
    for line in text.lines() {
        let parts: Vec<&str> = line.splitn(5, " | ").collect();
        let (op, sa, sb, so, want) = (
            parts[0],
            shape(parts[1]),
            shape(parts[2]),
            parts[3],
            parts[4],
        );
        let a = Array::<f64, _>::zeros(sa);
        let b = Array::<f64, _>::zeros(sb);
        let got = match (op, so) {
            ("dot", "-") => dot(&a, &b).map(drop),
            ("inner", "-") => inner(&a, &b).map(drop),
            ("vdot", "-") => vdot(&a, &b).map(drop),
            ("matmul", "-") => matmul(&a, &b).map(drop),
            ("matmul", out) => matmul_into(1.0, &a, &b, 0.0, &mut Array::zeros(shape(out))),
            _ => panic!("unknown case {line}"),
        };
        assert_eq!(got.unwrap_err().to_string(), want, "{line}");
    }
}
