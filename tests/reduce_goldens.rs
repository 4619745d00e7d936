//! Every reduction of ndops over every axis set of a 4-D array, checked against NumPy's own
//! results (`scripts/goldens/reductions.py` → `tests/goldens/reductions/`).
//!
//! Integers and booleans must match exactly. Floats must match within 4 ulps of the larger
//! magnitude (or 1e-15 absolute near zero): the pairwise order along a run is NumPy's, but
//! where a reduction splits into several runs the two libraries may add partial sums in a
//! different order. The test also reports how many float results match to the bit.

use nd_tests::goldens::read_golden;
use ndcore::prelude::*;
use ndops::reduce::{Averageable, MeanOf, MinMax, Reduce, SumOf, Summable};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Val {
    F(f64),
    I(i64),
    B(bool),
}

trait ToVal: Copy {
    fn val(self) -> Val;
}
impl ToVal for f64 {
    fn val(self) -> Val {
        Val::F(self)
    }
}
impl ToVal for i64 {
    fn val(self) -> Val {
        Val::I(self)
    }
}
impl ToVal for u64 {
    fn val(self) -> Val {
        Val::I(self as i64)
    }
}
impl ToVal for usize {
    fn val(self) -> Val {
        Val::I(self as i64)
    }
}
impl ToVal for bool {
    fn val(self) -> Val {
        Val::B(self)
    }
}

type Out = Result<(Vec<usize>, Vec<Val>), String>;

fn arr<A: ToVal + Element, D: Dimension>(a: ndcore::Result<Array<A, D>>) -> Out {
    let a = a.map_err(|e| e.to_string())?;
    Ok((a.shape().to_vec(), a.iter().map(|&v| v.val()).collect()))
}

fn scalar<A: ToVal>(v: A) -> Out {
    Ok((vec![], vec![v.val()]))
}

/// 4-D inputs from the recipes of `scripts/goldens/reductions.py`.
fn k_of(i: &[usize]) -> usize {
    ((i[0] * 3 + i[1]) * 4 + i[2]) * 5 + i[3]
}
fn x_f64() -> ArrayD<f64> {
    Array::from_fn(vec![2, 3, 4, 5], |i| {
        (((k_of(i) * 37) % 101) as f64 - 50.5) / 16.0
    })
}
fn x_i64() -> ArrayD<i64> {
    Array::from_fn(vec![2, 3, 4, 5], |i| ((k_of(i) * 37) % 11) as i64 - 5)
}
fn x_bool() -> ArrayD<bool> {
    Array::from_fn(vec![2, 3, 4, 5], |i| k_of(i).is_multiple_of(3))
}
fn x_nan() -> ArrayD<f64> {
    let mut x = x_f64();
    for (i, v) in x.iter_mut().enumerate() {
        if [7, 50, 51, 99].contains(&i) {
            *v = f64::NAN;
        }
    }
    x
}
fn x_empty() -> ArrayD<f64> {
    Array::zeros(vec![2, 0, 3])
}

/// Runs one axis-set reduction: the full form for `None`, the set form otherwise; a
/// single non-negative axis is also run through the one-axis form and must agree.
fn set_op<T>(x: &ArrayD<T>, op: &str, axes: Option<&[isize]>, kd: bool) -> Out
where
    T: Summable + Averageable + MinMax + ToVal,
    SumOf<T>: ToVal,
    MeanOf<T>: ToVal,
    MeanOf<T>: Into<f64>,
{
    let all: Vec<isize> = (0..x.ndim() as isize).collect();
    let (full, set) = (axes.is_none() && !kd, axes.unwrap_or(&all));
    let r = match op {
        "sum" if full => scalar(x.sum()),
        "sum" => arr(x.sum_axes(set, kd)),
        "prod" if full => scalar(x.prod()),
        "prod" => arr(x.prod_axes(set, kd)),
        "mean" if full => scalar(x.mean().into()),
        "mean" => arr(x.mean_axes(set, kd)),
        "var0" if full => scalar(x.var(0.0).into()),
        "var0" => arr(x.var_axes(set, 0.0, kd)),
        "var1" if full => scalar(x.var(1.0).into()),
        "var1" => arr(x.var_axes(set, 1.0, kd)),
        "std0" if full => scalar(x.std(0.0).into()),
        "std0" => arr(x.std_axes(set, 0.0, kd)),
        "std1" if full => scalar(x.std(1.0).into()),
        "std1" => arr(x.std_axes(set, 1.0, kd)),
        "min" if full => x.min().map_err(|e| e.to_string()).and_then(scalar),
        "min" => arr(x.min_axes(set, kd)),
        "max" if full => x.max().map_err(|e| e.to_string()).and_then(scalar),
        "max" => arr(x.max_axes(set, kd)),
        "count_nonzero" if full => scalar(x.count_nonzero()),
        "count_nonzero" => arr(x.count_nonzero_axes(set, kd)),
        _ => panic!("unknown op {op}"),
    };
    if let (Some(&[a]), false) = (axes, kd)
        && a >= 0
    {
        {
            let ax = Axis(a as usize);
            let one = match op {
                "sum" => arr(x.sum_axis(ax)),
                "prod" => arr(x.prod_axis(ax)),
                "mean" => arr(x.mean_axis(ax)),
                "var0" => arr(x.var_axis(ax, 0.0)),
                "var1" => arr(x.var_axis(ax, 1.0)),
                "std0" => arr(x.std_axis(ax, 0.0)),
                "std1" => arr(x.std_axis(ax, 1.0)),
                "min" => arr(x.min_axis(ax)),
                "max" => arr(x.max_axis(ax)),
                _ => arr(x.count_nonzero_axis(ax)),
            };
            assert_eq!(
                format!("{one:?}"),
                format!("{r:?}"),
                "{op} axis {a}: one-axis form"
            );
        }
    }
    r
}

/// Runs one one-axis operation (`argmin`, `argmax`, `cumsum`, `cumprod`).
fn axis_op<T>(x: &ArrayD<T>, op: &str, axis: Option<isize>) -> Out
where
    T: Summable + MinMax,
    SumOf<T>: ToVal,
{
    // A negative axis as NumPy resolves it; `Axis` itself is non-negative.
    let ax = axis.map(|a| {
        Axis(if a < 0 {
            (a + x.ndim() as isize) as usize
        } else {
            a as usize
        })
    });
    match (op, ax) {
        ("argmin", None) => x.argmin().map_err(|e| e.to_string()).and_then(scalar),
        ("argmin", Some(a)) => arr(x.argmin_axis(a)),
        ("argmax", None) => x.argmax().map_err(|e| e.to_string()).and_then(scalar),
        ("argmax", Some(a)) => arr(x.argmax_axis(a)),
        ("cumsum", None) => arr(Ok(x.cumsum())),
        ("cumsum", Some(a)) => arr(x.cumsum_axis(a)),
        ("cumprod", None) => arr(Ok(x.cumprod())),
        ("cumprod", Some(a)) => arr(x.cumprod_axis(a)),
        _ => panic!("unknown op {op}"),
    }
}

fn parse_axes(s: &str) -> Option<Vec<isize>> {
    if s == "None" {
        return None;
    }
    let inner = s.trim_start_matches('(').trim_end_matches(')');
    Some(
        inner
            .split(',')
            .filter(|p| !p.is_empty())
            .map(|p| p.parse().expect("axis"))
            .collect(),
    )
}

fn parse_val(s: &str) -> Val {
    match s {
        "True" => Val::B(true),
        "False" => Val::B(false),
        _ if s.contains(['.', 'n', 'e']) => Val::F(s.parse().expect("float")),
        _ => Val::I(s.parse().expect("int")),
    }
}

#[derive(Default)]
struct Stats {
    floats: usize,
    exact: usize,
    max_ulps: f64,
}

fn close(got: Val, want: Val, stats: &mut Stats) -> bool {
    match (got, want) {
        (Val::F(g), Val::F(w)) => {
            stats.floats += 1;
            if g.to_bits() == w.to_bits() || (g.is_nan() && w.is_nan()) {
                stats.exact += 1;
                return true;
            }
            let scale = g.abs().max(w.abs());
            let ulps = (g - w).abs() / (scale * f64::EPSILON).max(f64::MIN_POSITIVE);
            stats.max_ulps = stats.max_ulps.max(ulps);
            (g - w).abs() <= (4.0 * f64::EPSILON * scale).max(1e-15)
        }
        // A float result NumPy printed without a fraction (`2.0` always has one) never
        // reaches here; integers and booleans must be equal.
        (g, w) => g == w,
    }
}

fn check_file<F: Fn(&str, bool) -> Out>(file: &str, run: F, stats: &mut Stats) {
    let text = read_golden(&format!("reductions/{file}"));
    let mut n = 0;
    for line in text.lines() {
        let mut parts = line.splitn(3, " | ");
        let head = parts.next().expect("head");
        let (axis, kd) = head.split_once(' ').expect("axis keepdims");
        let got = run(axis, kd == "1");
        let rest = parts.next().expect("result");
        if let Some(msg) = rest.strip_prefix("ERR ") {
            assert_eq!(got, Err(msg.to_string()), "{file}: {line}");
        } else {
            let (shape, vals) = got.unwrap_or_else(|e| panic!("{file}: {line}: {e}"));
            let want_shape: Vec<usize> = rest
                .trim_matches(|c| c == '(' || c == ')')
                .split(',')
                .filter(|p| !p.is_empty())
                .map(|p| p.parse().expect("shape"))
                .collect();
            assert_eq!(shape, want_shape, "{file}: {head}");
            let want: Vec<Val> = parts
                .next()
                .unwrap_or("")
                .split(' ')
                .filter(|p| !p.is_empty())
                .map(parse_val)
                .collect();
            assert_eq!(vals.len(), want.len(), "{file}: {head}");
            for (i, (&g, &w)) in vals.iter().zip(&want).enumerate() {
                assert!(
                    close(g, w, stats),
                    "{file}: {head}: element {i}: {g:?} vs NumPy {w:?}"
                );
            }
        }
        n += 1;
    }
    assert!(n > 0, "{file} is empty");
}

const SET_OPS: &[&str] = &[
    "sum",
    "prod",
    "mean",
    "var0",
    "var1",
    "std0",
    "std1",
    "min",
    "max",
    "count_nonzero",
];

fn check_input<T>(name: &str, x: &ArrayD<T>, set_ops: &[&str], axis_ops: &[&str], stats: &mut Stats)
where
    T: Summable + Averageable + MinMax + ToVal,
    SumOf<T>: ToVal,
    MeanOf<T>: ToVal + Into<f64>,
{
    for op in set_ops {
        check_file(
            &format!("{name}_{op}.txt"),
            |axis, kd| set_op(x, op, parse_axes(axis).as_deref(), kd),
            stats,
        );
    }
    for op in axis_ops {
        check_file(
            &format!("{name}_{op}.txt"),
            |axis, _| axis_op(x, op, (axis != "None").then(|| axis.parse().expect("axis"))),
            stats,
        );
    }
}

#[test]
fn every_reduction_over_every_axis_set_matches_numpy() {
    let mut stats = Stats::default();
    let axis_ops = ["argmin", "argmax", "cumsum", "cumprod"];
    check_input("f64", &x_f64(), SET_OPS, &axis_ops, &mut stats);
    check_input("i64", &x_i64(), SET_OPS, &axis_ops, &mut stats);
    check_input(
        "bool",
        &x_bool(),
        &["sum", "prod", "mean", "var0", "min", "max", "count_nonzero"],
        &["argmin", "argmax", "cumsum"],
        &mut stats,
    );
    check_input(
        "nan",
        &x_nan(),
        &["sum", "mean", "var0", "min", "max"],
        &["argmin", "argmax", "cumsum"],
        &mut stats,
    );
    check_input(
        "empty",
        &x_empty(),
        &["sum", "prod", "mean", "var0", "min", "max", "count_nonzero"],
        &["argmin", "argmax", "cumsum"],
        &mut stats,
    );
    eprintln!(
        "float results: {} of {} identical to NumPy's bits, worst {:.2} ulps",
        stats.exact, stats.floats, stats.max_ulps
    );
    assert!(stats.floats > 10_000);
}
