//! Shape tools against NumPy: every line of `tests/goldens/shapes/` (written by
//! `scripts/goldens/shapes.py`) is recomputed with nd from its key — the input's recipe and
//! the call's arguments — and must match NumPy's shape, dtype, values, error text, and for
//! views and `*_like` results the byte strides.
//!
//! The strides of empty results are not compared (see `without_empty_strides`).
//! Where nd's message knowingly differs from NumPy's (NumPy leaks a Python-level error),
//! the list `DIFFERENCES` gives nd's text instead, so it is checked too.

use nd_tests::goldens::read_golden;
use ndcore::error::shape_str;
use ndcore::prelude::*;
use ndcore::storage::Data;
use ndops::prelude::*;
use ndops::shape::{Sections, roll_axes};

/// Cases where nd's error text differs from NumPy's, with nd's text.
const DIFFERENCES: &[(&str, &str, &str)] = &[
    // NumPy's np.split divides by the count before checking it.
    (
        "split",
        "v7 split 0 0",
        "ERR number sections must be larger than 0.",
    ),
    // NumPy indexes the shape tuple with the axis.
    (
        "split",
        "c23 array_split 2 2",
        "ERR axis 2 is out of bounds for array of dimension 2",
    ),
    (
        "split",
        "c23 split 2 2",
        "ERR axis 2 is out of bounds for array of dimension 2",
    ),
];

/// An element as NumPy's golden writes it (`repr(float)`, `True`, integers).
trait Shown: Element {
    fn shown(self) -> String;
    /// 9 in this type (the scripts' fill value).
    fn nine() -> Self;
}
macro_rules! shown_int {
    ($($t:ty),*) => {$(impl Shown for $t {
        fn shown(self) -> String {
            self.to_string()
        }
        fn nine() -> Self {
            9
        }
    })*};
}
shown_int!(i32, i64, u8, u64);
impl Shown for f64 {
    fn shown(self) -> String {
        format!("{self:?}")
    }
    fn nine() -> Self {
        9.0
    }
}
impl Shown for f32 {
    fn shown(self) -> String {
        format!("{:?}", self as f64)
    }
    fn nine() -> Self {
        9.0
    }
}
impl Shown for bool {
    fn shown(self) -> String {
        if self { "True" } else { "False" }.to_string()
    }
    fn nine() -> Self {
        true
    }
}

fn tuple(xs: &[isize]) -> String {
    match xs {
        [x] => format!("({x},)"),
        _ => format!(
            "({})",
            xs.iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join(",")
        ),
    }
}

fn show<T: Shown, D: Dimension>(a: &ArrayRef<T, D>, strides: bool) -> String {
    let st = if strides {
        tuple(a.strides())
    } else {
        "-".into()
    };
    let values: Vec<String> = a.iter().map(|&v| v.shown()).collect();
    format!(
        "{} | {} | {} | {}",
        shape_str(a.shape()),
        T::dtype(),
        st,
        values.join(" ")
    )
}

fn res<S: Data, D: Dimension>(r: ndcore::Result<ArrayBase<S, D>>, strides: bool) -> String
where
    S::Elem: Shown,
{
    match r {
        Ok(a) => show(&a, strides),
        Err(e) => format!("ERR {e}"),
    }
}

fn scalar<T: Shown>(r: ndcore::Result<T>) -> String {
    match r {
        Ok(v) => format!("() | {} | - | {}", T::dtype(), v.shown()),
        Err(e) => format!("ERR {e}"),
    }
}

/// One piece of a list result: `sub` is the piece number or `len`.
fn piece<T: Shown, D: Dimension>(
    r: ndcore::Result<Vec<ArrayView<'_, T, D>>>,
    sub: Option<&str>,
) -> String {
    match (r, sub) {
        (Err(e), _) => format!("ERR {e}"),
        (Ok(v), Some("len")) => v.len().to_string(),
        (Ok(v), Some(k)) => show(&v[k.parse::<usize>().unwrap()], true),
        (Ok(_), None) => "a list, where NumPy raised".into(),
    }
}

/// The inputs of `scripts/goldens/shapes.py`, owned; `view` gives the named view.
struct Inputs {
    c23: ArrayD<i64>,
    a12: ArrayD<i64>,
    a24: ArrayD<i64>,
    e: ArrayD<i64>,
    z: ArrayD<i64>,
    v: ArrayD<i64>,
    v7: ArrayD<i64>,
    a10: ArrayD<i64>,
    sq: ArrayD<i64>,
    a213: ArrayD<i64>,
    a116: ArrayD<i64>,
    a3: ArrayD<i64>,
    x2131: ArrayD<i64>,
    f23: ArrayD<f64>,
    c23_i32: ArrayD<i32>,
    c23_u8: ArrayD<u8>,
    c23_bool: ArrayD<bool>,
    c23_f32: ArrayD<f32>,
}

fn full() -> SliceInfoElem {
    SliceInfoElem::FULL
}
fn step(s: isize) -> SliceInfoElem {
    Slice::new(None, None, s).into()
}

impl Inputs {
    fn new() -> Self {
        let ar = |n: i64, shape: &[usize]| arange(n).into_shape(shape.to_vec()).unwrap();
        let c23 = ar(6, &[2, 3]);
        Inputs {
            a12: ar(12, &[3, 4]),
            a24: ar(24, &[2, 3, 4]),
            e: Array::zeros(vec![2, 0, 3]),
            z: Array::full(vec![], 7),
            v: ar(5, &[5]),
            v7: ar(7, &[7]),
            a10: ar(10, &[10]),
            sq: ar(9, &[3, 3]),
            a213: ar(6, &[2, 1, 3]),
            a116: ar(6, &[1, 1, 6]),
            a3: ar(3, &[3]),
            x2131: Array::zeros(vec![2, 1, 3, 1]),
            f23: c23.map(|&x| x as f64 / 2.0),
            c23_i32: c23.map(|&x| x as i32),
            c23_u8: c23.map(|&x| x as u8),
            c23_bool: c23.map(|&x| x % 2 == 1),
            c23_f32: c23.map(|&x| x as f32),
            c23,
        }
    }

    /// The int64 input named `name`, as the recipe's view.
    fn view(&self, name: &str) -> ArrayViewD<'_, i64> {
        match name {
            "c23" => self.c23.view(),
            "t" => self.a12.t(),
            "neg" => self.a24.slice(&[full(), step(-1), step(2)]),
            "neg0" => self.view("neg").into_index_axis(Axis(0), 0).unwrap(),
            "e" => self.e.view(),
            "z" => self.z.view(),
            "v" => self.v.view(),
            "v7" => self.v7.view(),
            "vrev" => self.a10.slice(&[step(-2)]),
            "sq" => self.sq.view(),
            "x213" => self.a213.slice(&[full(), full(), step(-1)]),
            "one16" => self
                .a116
                .slice(&[full(), full(), Slice::new(Some(4), Some(5), 1).into()]),
            "bc" => self.a3.broadcast_to(vec![4, 3]).unwrap(),
            "x2131" => self.x2131.view(),
            other => panic!("no input {other}"),
        }
    }
}

/// Calls `$body` with `$x` bound to the named input, whatever its element type.
macro_rules! typed {
    ($inp:expr, $name:expr, |$x:ident| $body:expr) => {
        match $name {
            "f23" => {
                let $x = $inp.f23.view();
                $body
            }
            "c23_i32" => {
                let $x = $inp.c23_i32.view();
                $body
            }
            "c23_u8" => {
                let $x = $inp.c23_u8.view();
                $body
            }
            "c23_bool" => {
                let $x = $inp.c23_bool.view();
                $body
            }
            "c23_f32" => {
                let $x = $inp.c23_f32.view();
                $body
            }
            n => {
                let $x = $inp.view(n);
                $body
            }
        }
    };
}

/// The key's arguments: split at spaces outside brackets and parentheses.
fn args(key: &str) -> Vec<String> {
    let (mut out, mut cur, mut depth) = (Vec::new(), String::new(), 0);
    for c in key.chars() {
        match c {
            '[' | '(' => depth += 1,
            ']' | ')' => depth -= 1,
            _ => {}
        }
        if c == ' ' && depth == 0 {
            out.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    out.push(cur);
    out
}

/// Every integer in a Python literal, in order.
fn ints(text: &str) -> Vec<isize> {
    text.split(|c: char| !(c.is_ascii_digit() || c == '-'))
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect()
}

fn usizes(text: &str) -> Vec<usize> {
    ints(text).into_iter().map(|i| i as usize).collect()
}

fn axis(text: &str) -> Option<Axis> {
    (text != "None").then(|| Axis(text.parse().unwrap()))
}

/// A Python `pad_width`: an int, a pair, or pairs (`(1,)` meaning `(1, 1)`).
fn pad_widths(text: &str) -> Vec<(usize, usize)> {
    let inner: Vec<&str> = text
        .trim_start_matches('(')
        .split('(')
        .filter(|s| !s.trim().is_empty())
        .collect();
    if !text.starts_with("((") {
        let n = usizes(text);
        return match n.as_slice() {
            [w] => vec![(*w, *w)],
            [b, a] => vec![(*b, *a)],
            _ => panic!("bad pad width {text}"),
        };
    }
    inner
        .iter()
        .map(|p| match usizes(p).as_slice() {
            [w] => (*w, *w),
            [b, a] => (*b, *a),
            _ => panic!("bad pad width {text}"),
        })
        .collect()
}

fn eval(inp: &Inputs, file: &str, key: &str) -> String {
    let (key, sub) = match key.split_once('/') {
        Some((k, s)) => (k, Some(s)),
        None => (key, None),
    };
    let a = args(key);
    let name = a[0].as_str();
    match file {
        "flip" => typed!(inp, name, |x| match a[1].as_str() {
            t if t.starts_with('(') => res(x.flip_axes(ints(t)), true),
            "None" => res(Ok(x.flip_all()), true),
            "lr" => res(x.fliplr(), true),
            "ud" => res(x.flipud(), true),
            ax => res(x.flip(Axis(ax.parse().unwrap())), true),
        }),
        "moveaxis" => {
            let x = inp.view(name);
            res(x.moveaxis(ints(&a[1]), ints(&a[2])), true)
        }
        "swapaxes" => {
            let x = inp.view(name);
            res(
                x.swapaxes(a[1].parse().unwrap(), a[2].parse().unwrap()),
                true,
            )
        }
        "squeeze" if a[1].starts_with('(') => res(inp.view(name).squeeze_axes(ints(&a[1])), true),
        "squeeze" => res(
            inp.view(name).squeeze_axis(Axis(a[1].parse().unwrap())),
            true,
        ),
        "atleast" => {
            let x = inp.view(name);
            match a[1].as_str() {
                "1" => res(Ok(x.atleast_1d()), true),
                "2" => res(Ok(x.atleast_2d()), true),
                _ => res(Ok(x.atleast_3d()), true),
            }
        }
        "split" => {
            let x = inp.view(name);
            let sec: Sections = if a[2].starts_with('[') {
                ints(&a[2]).into()
            } else {
                a[2].parse::<isize>().unwrap().into()
            };
            let ax = Axis(a[3].parse().unwrap());
            match a[1].as_str() {
                "split" => piece(split(&x, sec, ax), sub),
                _ => piece(array_split(&x, sec, ax), sub),
            }
        }
        "like" => match name {
            "f23" => like_case(&inp.f23, &a[1]),
            n => like_case(&inp.view(n), &a[1]),
        },
        "stack" => {
            let views: Vec<ArrayViewD<'_, i64>> = a[1..]
                .iter()
                .filter(|n| *n != "none")
                .map(|n| inp.view(n))
                .collect();
            match name {
                "hstack" => res(hstack(&views), false),
                "vstack" => res(vstack(&views), false),
                "dstack" => res(dstack(&views), false),
                _ => res(column_stack(&views), false),
            }
        }
        "roll" if a[1].starts_with('(') => res(
            roll_axes(&inp.view(name), &ints(&a[1]), &usizes(&a[2])),
            false,
        ),
        "roll" => res(
            roll(&inp.view(name), a[1].parse().unwrap(), axis(&a[2])),
            false,
        ),
        "tile" => res(tile(&inp.view(name), &usizes(&a[1])), false),
        "repeat" => {
            let x = inp.view(name);
            let reps: ndops::shape::Repeats = if a[1].starts_with('[') {
                ints(&a[1]).into()
            } else {
                a[1].parse::<isize>().unwrap().into()
            };
            match axis(&a[2]) {
                Some(ax) => res(repeat(&x, reps, ax), false),
                None => res(repeat_flat(&x, reps), false),
            }
        }
        "pad" => {
            let (w, mode) = (pad_widths(&a[1]), a[2].as_str());
            let x = if name == "one" {
                inp.v.slice(&[Slice::new(None, Some(1), 1).into()])
            } else if name == "f23" {
                return pad_f23(inp, &w, mode);
            } else {
                inp.view(name)
            };
            let mode = match mode {
                // The script pads "one", "z" and "e" with NumPy's default constant, 0.
                "constant" => PadMode::Constant(if matches!(name, "one" | "z" | "e") {
                    0
                } else {
                    9
                }),
                "edge" => PadMode::Edge,
                "reflect" => PadMode::Reflect,
                "symmetric" => PadMode::Symmetric,
                _ => PadMode::Wrap,
            };
            res(pad(&x, w.as_slice(), mode), false)
        }
        "tri" => typed!(inp, name, |x| {
            let k: isize = a[2].parse().unwrap();
            match a[1].as_str() {
                "tril" => res(tril(&x, k), false),
                _ => res(triu(&x, k), false),
            }
        }),
        "trace" => typed!(inp, name, |x| {
            let off: isize = a[1].parse().unwrap();
            if a.len() == 4 {
                let (a1, a2) = (a[2].parse().unwrap(), a[3].parse().unwrap());
                res(trace_axes(&x, off, a1, a2), false)
            } else {
                res(trace(&x, off), false)
            }
        }),
        "item" => {
            let x = inp.view(name);
            match a.get(1) {
                None => scalar(x.item()),
                Some(i) => scalar(x.item_at(i.parse().unwrap())),
            }
        }
        other => panic!("no golden file {other}"),
    }
}

/// `ones_like` for the element types of the `like` cases (its bound, `One`, is num-traits').
trait Ones: Shown {
    fn ones(x: &ArrayRef<Self, IxDyn>) -> ArrayD<Self>;
}
impl Ones for i64 {
    fn ones(x: &ArrayRef<Self, IxDyn>) -> ArrayD<Self> {
        ones_like(x)
    }
}
impl Ones for f64 {
    fn ones(x: &ArrayRef<Self, IxDyn>) -> ArrayD<Self> {
        ones_like(x)
    }
}

/// `np.zeros_like` and friends: values and the strides of the new array.
fn like_case<T: Ones>(x: &ArrayRef<T, IxDyn>, op: &str) -> String {
    match op {
        "zeros" => show(&zeros_like(x), true),
        "ones" => show(&T::ones(x), true),
        "full" => show(&full_like(x, T::nine()), true),
        _ => {
            // np.empty_like's values are unspecified: compare the layout only.
            let s = show(&empty_like(x), true);
            let cut = s.rfind(" | ").unwrap();
            format!("{} | ?", &s[..cut])
        }
    }
}

/// `pad` of the float input: the constant is 9.0.
fn pad_f23(inp: &Inputs, w: &[(usize, usize)], mode: &str) -> String {
    let mode = match mode {
        "constant" => PadMode::Constant(9.0),
        "edge" => PadMode::Edge,
        "reflect" => PadMode::Reflect,
        "symmetric" => PadMode::Symmetric,
        _ => PadMode::Wrap,
    };
    res(pad(&inp.f23, w, mode), false)
}

/// A result line with the strides of an empty result blanked. NumPy 2 gives new empty
/// arrays strides of 0 (`np.zeros((2, 0, 3)).strides == (0, 0, 0)`) and views keep them;
/// nd's constructors give empty arrays contiguous strides, as for any shape. No element is
/// ever reached through them, so they are not compared.
fn without_empty_strides(line: &str) -> String {
    let parts: Vec<&str> = line.split(" | ").collect();
    if parts.len() == 4 && parts[0].contains('0') && ints(parts[0]).contains(&0) {
        return format!("{} | {} | * | {}", parts[0], parts[1], parts[3]);
    }
    line.to_string()
}

fn check(file: &str) {
    let inp = Inputs::new();
    let text = read_golden(&format!("shapes/{file}.txt"));
    let mut failures = Vec::new();
    let mut n = 0;
    for line in text.lines() {
        let (key, want) = line.split_once(" | ").unwrap();
        let want = DIFFERENCES
            .iter()
            .find(|(f, k, _)| *f == file && *k == key)
            .map_or(want, |d| d.2);
        let got = eval(&inp, file, key);
        if without_empty_strides(&got) != without_empty_strides(want) {
            failures.push(format!("{key}\n   numpy: {want}\n      nd: {got}"));
        }
        n += 1;
    }
    assert!(n > 0, "no cases in {file}");
    assert!(
        failures.is_empty(),
        "{} of {n} cases of {file} differ from NumPy:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

macro_rules! golden_tests {
    ($($test:ident $file:literal),*) => {$(
        #[test]
        fn $test() {
            check($file);
        }
    )*};
}
golden_tests!(
    flip_views "flip", moveaxis_views "moveaxis", swapaxes_views "swapaxes",
    squeeze_views "squeeze", atleast_views "atleast", split_views "split",
    like_constructors "like", stacking "stack", roll_copies "roll", tile_copies "tile",
    repeat_copies "repeat", pad_modes "pad", tril_triu "tri", trace_sums "trace",
    item_scalars "item"
);
