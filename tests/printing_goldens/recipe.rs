//! Rebuilds the arrays of `scripts/goldens/printing.py` from their recipe lines: the same
//! generators (bit for bit), view operations and print options. See the script's docstring
//! for the recipe language.

use ndcore::fmt::{FloatMode, PrintOptions, Sign};
use ndcore::prelude::*;
use ndcore::{ArrayView, Element, IxDyn, SliceInfoElem};

const LCG_A: u64 = 6364136223846793005;
const LCG_C: u64 = 1442695040888963407;

/// `n` outputs of the script's LCG from `seed`.
pub fn lcg(seed: u64, n: usize) -> Vec<u64> {
    let mut x = seed;
    (0..n)
        .map(|_| {
            x = x.wrapping_mul(LCG_A).wrapping_add(LCG_C);
            x
        })
        .collect()
}

/// A generator's values: floats for float dtypes, integers otherwise (bools are `!= 0`),
/// or raw bits.
pub enum Values {
    F(Vec<f64>),
    I(Vec<i128>),
    Bits(Vec<u64>),
}

pub fn shape(text: &str) -> Vec<usize> {
    if text == "()" {
        return vec![];
    }
    text.split('x').map(|t| t.parse().expect("shape")).collect()
}

/// The values of generator `generator` for `n` elements of a float (`float`) or integer dtype.
pub fn values(float: bool, n: usize, generator: &str) -> Values {
    let parts: Vec<&str> = generator.split(':').collect();
    let f = |i: usize| parts[i].parse::<f64>().expect("float parameter");
    let int = |i: usize| parts[i].parse::<i128>().expect("int parameter");
    match parts[0] {
        "arange" if float => {
            let (s, d) = (f(1), f(2));
            Values::F((0..n).map(|i| s + i as f64 * d).collect())
        }
        "arange" => {
            let (s, d) = (int(1), int(2));
            Values::I((0..n).map(|i| s + i as i128 * d).collect())
        }
        "linspace" => {
            let (a, b) = (f(1), f(2));
            let d = if n > 1 { (b - a) / (n - 1) as f64 } else { 0.0 };
            Values::F((0..n).map(|i| a + i as f64 * d).collect())
        }
        "list" => {
            let items: Vec<&str> = parts[1].split(',').collect();
            if float {
                let v: Vec<f64> = items.iter().map(|t| t.parse().expect("float")).collect();
                Values::F((0..n).map(|i| v[i % v.len()]).collect())
            } else {
                let v: Vec<i128> = items.iter().map(|t| t.parse().expect("int")).collect();
                Values::I((0..n).map(|i| v[i % v.len()]).collect())
            }
        }
        "pow10" => {
            let (e0, e1, alt) = (int(1), int(2), parts[3] == "alt");
            let span = (e1 - e0 + 1) as usize;
            let k = |i: usize| e0 + (i % span) as i128;
            let neg = |i: usize| alt && i % 2 == 1;
            if float {
                Values::F(
                    (0..n)
                        .map(|i| {
                            let v: f64 = format!("1e{}", k(i)).parse().expect("power of ten");
                            if neg(i) { -v } else { v }
                        })
                        .collect(),
                )
            } else {
                Values::I(
                    (0..n)
                        .map(|i| {
                            let v = 10i128.pow(k(i) as u32);
                            if neg(i) { -v } else { v }
                        })
                        .collect(),
                )
            }
        }
        "lcg" => {
            let xs = lcg(parts[1].parse().expect("seed"), n);
            if float {
                let (lo, hi) = (f(2), f(3));
                let unit = 1.0 / (1u64 << 53) as f64;
                Values::F(
                    xs.iter()
                        .map(|&x| lo + (hi - lo) * ((x >> 11) as f64 * unit))
                        .collect(),
                )
            } else {
                let (lo, hi) = (int(2), int(3));
                Values::I(
                    xs.iter()
                        .map(|&x| lo + i128::from(x >> 33) % (hi - lo))
                        .collect(),
                )
            }
        }
        "bits" => Values::Bits(lcg(parts[1].parse().expect("seed"), n)),
        other => panic!("unknown generator {other}"),
    }
}

/// An element type the recipes can make, converting as NumPy's casts do.
pub trait Cell: Element {
    const FLOAT: bool;
    fn from_f64(v: f64) -> Self;
    fn from_i128(v: i128) -> Self;
    fn from_bits(x: u64) -> Self;
}

macro_rules! int_cell {
    ($($t:ty),*) => {$(
        impl Cell for $t {
            const FLOAT: bool = false;
            fn from_f64(v: f64) -> Self { v as $t }
            fn from_i128(v: i128) -> Self { v as $t }
            fn from_bits(x: u64) -> Self { x as $t }
        }
    )*};
}
int_cell!(i8, i16, i32, i64, u8, u16, u32, u64);

impl Cell for bool {
    const FLOAT: bool = false;
    fn from_f64(v: f64) -> Self {
        v != 0.0
    }
    fn from_i128(v: i128) -> Self {
        v != 0
    }
    fn from_bits(x: u64) -> Self {
        x != 0
    }
}

impl Cell for f32 {
    const FLOAT: bool = true;
    fn from_f64(v: f64) -> Self {
        v as f32
    }
    fn from_i128(v: i128) -> Self {
        v as f32
    }
    fn from_bits(x: u64) -> Self {
        let mut b = (x >> 32) as u32;
        if (b >> 23) & 0xff == 0xff {
            b ^= 1 << 30;
        }
        f32::from_bits(b)
    }
}

impl Cell for f64 {
    const FLOAT: bool = true;
    fn from_f64(v: f64) -> Self {
        v
    }
    fn from_i128(v: i128) -> Self {
        v as f64
    }
    fn from_bits(x: u64) -> Self {
        let b = if (x >> 52) & 0x7ff == 0x7ff {
            x ^ 1 << 62
        } else {
            x
        };
        f64::from_bits(b)
    }
}

/// `n` elements of `T` from generator `generator`.
pub fn make_vec<T: Cell>(n: usize, generator: &str) -> Vec<T> {
    match values(T::FLOAT, n, generator) {
        Values::F(v) => v.into_iter().map(T::from_f64).collect(),
        Values::I(v) => v.into_iter().map(T::from_i128).collect(),
        Values::Bits(v) => v.into_iter().map(T::from_bits).collect(),
    }
}

fn index_item(text: &str) -> SliceInfoElem {
    if !text.contains(':') {
        return SliceInfoElem::Index(text.parse().expect("index"));
    }
    let p: Vec<Option<isize>> = text
        .split(':')
        .map(|t| (!t.is_empty()).then(|| t.parse().expect("slice bound")))
        .collect();
    SliceInfoElem::Slice {
        start: p[0],
        stop: p.get(1).copied().flatten(),
        step: p.get(2).copied().flatten().unwrap_or(1),
    }
}

/// Applies the view operations `ops` to `a` and hands the result to `f`. Views borrow
/// the view they come from, so each step recurses while its source is alive.
pub fn with_view<T: Element, R>(
    a: ArrayView<'_, T, IxDyn>,
    ops: &[&str],
    f: &mut dyn FnMut(ArrayView<'_, T, IxDyn>) -> R,
) -> R {
    let Some((op, rest)) = ops.split_first() else {
        return f(a);
    };
    let inner = |op: &str| op[2..op.len() - 1].to_string();
    match *op {
        "-" => with_view(a, rest, f),
        "T" => with_view(a.reversed_axes(), rest, f),
        _ if op.starts_with("s[") => {
            let elems: Vec<SliceInfoElem> = inner(op).split(',').map(index_item).collect();
            let v = a.try_slice(&elems[..]).expect("recipe slice");
            with_view(v, rest, f)
        }
        _ if op.starts_with("b[") => {
            let v = a.broadcast_to(shape(&inner(op))).expect("recipe broadcast");
            with_view(v, rest, f)
        }
        _ if op.starts_with("p[") => {
            let axes: Vec<usize> = inner(op)
                .split('.')
                .map(|t| t.parse().expect("axis"))
                .collect();
            let v = a.permuted_axes(&axes).expect("recipe permutation");
            with_view(v, rest, f)
        }
        other => panic!("unknown view op {other}"),
    }
}

/// The print options of a recipe (`-` or `p=3,t=10,…`).
pub fn options(text: &str) -> PrintOptions {
    let mut o = PrintOptions::default();
    if text == "-" {
        return o;
    }
    for pair in text.split(',') {
        let (k, v) = pair.split_once('=').expect("key=value");
        let num = || v.parse::<usize>().expect("option value");
        match k {
            "p" => o.precision = num(),
            "t" => o.threshold = num(),
            "e" => o.edgeitems = num(),
            "w" => o.linewidth = num(),
            "s" => o.suppress = v == "1",
            "sign" => {
                o.sign = match v {
                    "+" => Sign::Plus,
                    "sp" => Sign::Space,
                    _ => Sign::Minus,
                }
            }
            "fm" => {
                o.floatmode = match v {
                    "fixed" => FloatMode::Fixed,
                    "unique" => FloatMode::Unique,
                    "maxprec_equal" => FloatMode::MaxPrecEqual,
                    _ => FloatMode::MaxPrec,
                }
            }
            other => panic!("unknown option {other}"),
        }
    }
    o
}

/// `str` and `repr` of the recipe's array with its options.
pub fn print<T: Cell>(
    shape_text: &str,
    generator: &str,
    view: &str,
    opts: &PrintOptions,
) -> (String, String) {
    let sh = shape(shape_text);
    let n = sh.iter().product();
    print_with(sh, make_vec::<T>(n, generator), view, opts)
}

/// `str` and `repr` of the elements `v` shaped `sh`, after the view operations `view`.
pub fn print_with<T: Element>(
    sh: Vec<usize>,
    v: Vec<T>,
    view: &str,
    opts: &PrintOptions,
) -> (String, String) {
    let a = Array::from_shape_vec(sh, v).expect("recipe shape");
    let ops: Vec<&str> = view.split(' ').collect();
    with_view(a.view(), &ops, &mut |v| {
        (
            v.display_with(opts).to_string(),
            v.repr_with(opts).to_string(),
        )
    })
}

/// `print` for the dtype named as NumPy names it.
pub fn print_dtype(
    dtype: &str,
    shape_text: &str,
    generator: &str,
    view: &str,
    opts: &PrintOptions,
) -> (String, String) {
    match dtype {
        "bool" => print::<bool>(shape_text, generator, view, opts),
        "int8" => print::<i8>(shape_text, generator, view, opts),
        "int16" => print::<i16>(shape_text, generator, view, opts),
        "int32" => print::<i32>(shape_text, generator, view, opts),
        "int64" => print::<i64>(shape_text, generator, view, opts),
        "uint8" => print::<u8>(shape_text, generator, view, opts),
        "uint16" => print::<u16>(shape_text, generator, view, opts),
        "uint32" => print::<u32>(shape_text, generator, view, opts),
        "uint64" => print::<u64>(shape_text, generator, view, opts),
        "float32" => print::<f32>(shape_text, generator, view, opts),
        "float64" => print::<f64>(shape_text, generator, view, opts),
        other => panic!("unknown dtype {other}"),
    }
}
