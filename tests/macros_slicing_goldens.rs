//! Basic slicing against NumPy: every case of `tests/goldens/slicing/` (written by
//! `scripts/goldens/slicing.py`) rebuilt from its text with the runtime `SliceInfoElem`
//! API, on static- and dynamic-rank arrays; then a hand-written list of `s![]` invocations
//! checked against the same cases, so the macro's meaning is NumPy's too.

use nd_tests::goldens::read_golden;
use ndcore::prelude::*;
use ndcore::{ArrayView, Ix3};

/// What NumPy answered for one key.
#[derive(Debug)]
enum Expect {
    View {
        shape: Vec<usize>,
        strides: Vec<isize>,
        values: Vec<i64>,
    },
    Error(String),
}

struct Case {
    key: String,
    expect: Expect,
}

fn ints<T: std::str::FromStr>(text: &str, sep: char) -> Vec<T>
where
    T::Err: std::fmt::Debug,
{
    text.split(sep)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect()
}

fn cases(file: &str) -> Vec<Case> {
    read_golden(&format!("slicing/{file}"))
        .lines()
        .map(|line| {
            let parts: Vec<&str> = line.split(" | ").collect();
            let key = parts[0].to_string();
            let expect = if parts[1] == "error" {
                // "IndexError: message" -> "message"
                let msg = parts[2].split_once(": ").unwrap().1;
                Expect::Error(msg.to_string())
            } else {
                Expect::View {
                    shape: ints(parts[1], ','),
                    strides: ints(parts[2], ','),
                    values: ints(parts.get(3).copied().unwrap_or(""), ' '),
                }
            };
            Case { key, expect }
        })
        .collect()
}

/// A key in Python syntax (`5:1:-1, None, ...`) as runtime entries.
fn parse_key(key: &str) -> Vec<SliceInfoElem> {
    let bound = |s: &str| -> Option<isize> { (!s.is_empty()).then(|| s.parse().unwrap()) };
    key.split(',')
        .map(str::trim)
        .map(|e| match e {
            "..." => SliceInfoElem::Ellipsis,
            "None" => SliceInfoElem::NewAxis,
            _ if e.contains(':') => {
                let p: Vec<&str> = e.split(':').collect();
                let step = p.get(2).and_then(|s| bound(s)).unwrap_or(1);
                Slice::new(bound(p[0]), bound(p[1]), step).into()
            }
            _ => SliceInfoElem::Index(e.parse().unwrap()),
        })
        .collect()
}

fn check<D: Dimension>(got: ndcore::Result<ArrayView<'_, i64, D>>, case: &Case) {
    match (&case.expect, got) {
        (
            Expect::View {
                shape,
                strides,
                values,
            },
            Ok(v),
        ) => {
            assert_eq!(v.shape(), &shape[..], "shape of a[{}]", case.key);
            assert_eq!(v.strides(), &strides[..], "strides of a[{}]", case.key);
            assert_eq!(&v.to_vec(), values, "values of a[{}]", case.key);
        }
        (Expect::Error(msg), Err(e)) => assert_eq!(&e.to_string(), msg, "error of a[{}]", case.key),
        (want, got) => panic!(
            "a[{}]: NumPy gives {want:?}, nd gives {:?}",
            case.key,
            got.map(|v| v.shape().to_vec())
        ),
    }
}

fn a1() -> Array1<i64> {
    // np.arange(10)
    arange(10i64)
}

fn a3() -> Array3<i64> {
    // np.arange(60).reshape(3, 4, 5)
    arange(60i64).into_shape([3, 4, 5]).unwrap()
}

#[test]
fn runtime_slices_match_numpy_1d() {
    let a = a1();
    let d = a.view().into_dyn();
    let cases = cases("arange_10.txt");
    assert!(cases.len() > 3000);
    for case in &cases {
        let info = parse_key(&case.key);
        check(a.try_slice(&info[..]), case);
        check(d.try_slice(&info[..]), case);
    }
}

#[test]
fn runtime_slices_match_numpy_3d() {
    let a = a3();
    let d = a.view().into_dyn();
    let cases = cases("arange_60_3x4x5.txt");
    assert!(cases.len() > 1800);
    for case in &cases {
        let info = parse_key(&case.key);
        check(a.try_slice(&info[..]), case);
        check(d.try_slice(&info[..]), case);
    }
}

/// The case for `key` in `file`.
fn case(file: &str, key: &str) -> Case {
    cases(file)
        .into_iter()
        .find(|c| c.key == key)
        .unwrap_or_else(|| panic!("no golden case `{key}` in slicing/{file}"))
}

fn ok<D: Dimension>(v: ArrayView<'_, i64, D>) -> ndcore::Result<ArrayView<'_, i64, D>> {
    Ok(v)
}

#[test]
fn s_macro_matches_numpy_1d() {
    let a = a1();
    let g = |key: &str| case("arange_10.txt", key);
    // Each s![] next to the NumPy key it must equal; the annotations pin the static rank.
    let v: ArrayView1<i64> = a.slice(s![5..1;-1]);
    check(ok(v), &g("5:1:-1"));
    check(ok(a.slice(s![..;-1])), &g("::-1"));
    check(ok(a.slice(s![..;-3])), &g("::-3"));
    check(ok(a.slice(s![-1..;-1])), &g("-1::-1"));
    check(ok(a.slice(s![..-11;-1])), &g(":-11:-1"));
    check(ok(a.slice(s![15..-15;-4])), &g("15:-15:-4"));
    check(ok(a.slice(s![-9..9;3])), &g("-9:9:3"));
    check(ok(a.slice(s![1..;2])), &g("1::2"));
    check(ok(a.slice(s![..5])), &g(":5"));
    check(ok(a.slice(s![3..3])), &g("3:3"));
    check(ok(a.slice(s![10..;-1])), &g("10::-1"));
    check(ok(a.slice(s![..0;-1])), &g(":0:-1"));
    check(ok(a.slice(s![-100..;100])), &g("-11::100"));
    // Inclusive ranges: through index b, for either sign of step.
    check(ok(a.slice(s![1..=9;4])), &g("1:10:4"));
    check(ok(a.slice(s![5..=0;-1])), &g("5::-1"));
    check(ok(a.slice(s![9..=-10;-3])), &g("9:-11:-3"));
    check(ok(a.slice(s![..=-1])), &g(":"));
    // Indices remove the axis (0-d), NewAxis adds one.
    let v: ArrayView0<i64> = a.slice(s![-1]);
    check(ok(v), &g("-1"));
    let v: ArrayView2<i64> = a.slice(s![NewAxis, 3..]);
    assert_eq!(v.shape(), &[1, 7]);
    check(ok(a.slice(s![..;-2, NewAxis])), &g("::-2, None"));
    check(ok(a.slice(s![..., 2])), &g("..., 2"));
    check(
        ok(a.slice(s![NewAxis, ..;-1, NewAxis])),
        &g("None, ::-1, None"),
    );
    // Bounds, steps and indices from expressions.
    let (start, stop, step) = (5usize, 1i32, -1i64);
    check(ok(a.slice(s![start..stop;step])), &g("5:1:-1"));
    let r = 1..10;
    check(ok(a.slice(s![r;4])), &g("1:10:4"));
    let i: isize = 3;
    check(ok(a.slice(s![NewAxis, i])), &g("None, 3"));
    // A dynamic-rank array: the same answer, rank checked at run time.
    let d = a.view().into_dyn();
    let v: ArrayViewD<i64> = d.slice(s![15..-15;-4]);
    check(ok(v), &g("15:-15:-4"));
}

type ArrayView0<'a, T> = ArrayView<'a, T, ndcore::Ix0>;
type ArrayView3<'a, T> = ArrayView<'a, T, Ix3>;

#[test]
fn s_macro_matches_numpy_3d() {
    let a = a3();
    let g = |key: &str| case("arange_60_3x4x5.txt", key);
    let v: ArrayView2<i64> = a.slice(s![0, ..;-1, 5..0;-2]);
    check(ok(v), &g("0, ::-1, 5:0:-2"));
    check(ok(a.slice(s![-2, 1.., ..;2])), &g("-2, 1:, ::2"));
    let v: ArrayView2<i64> = a.slice(s![..., -1]);
    check(ok(v), &g("..., -1"));
    check(ok(a.slice(s![1, ..., ..;-2])), &g("1, ..., ::-2"));
    let v = a.slice(s![NewAxis, ..;-1, NewAxis, 0, NewAxis, 1..3, NewAxis]);
    let _: ndcore::ArrayView6<i64> = v.view(); // 3 axes − 1 index + 4 new axes
    check(ok(v), &g("None, ::-1, None, 0, None, 1:3, None"));
    let v: ArrayView3<i64> = a.slice(s![10..-10;-1, 2..2, -100..100;3]);
    check(ok(v), &g("10:-10:-1, 2:2, -100:100:3"));
    check(ok(a.slice(s![..-100;-1])), &g(":-100:-1"));
    check(ok(a.slice(s![-1..;-2, -2])), &g("-1::-2, -2"));
    check(ok(a.slice(s![..;2, ..;-1, 0])), &g("::2, ::-1, 0"));
    check(
        ok(a.slice(s![0, NewAxis, 1, NewAxis, 2])),
        &g("0, None, 1, None, 2"),
    );
    // Errors at run time read like NumPy's.
    check(a.try_slice(s![0, 0, 5]), &g("0, 0, 5"));
    check(a.try_slice(s![0, 0, -6]), &g("0, 0, -6"));
    let zero = 0;
    check(a.try_slice(s![0, ..;zero]), &g("0, ::0"));
    check(
        a.view().into_dyn().try_slice(s![0, 0, 0, 0]),
        &g("0, 0, 0, 0"),
    );
}
