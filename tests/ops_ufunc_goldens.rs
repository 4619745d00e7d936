//! Every ufunc against NumPy's own results on edge values (tests/goldens/ufuncs/, written
//! by scripts/goldens/ufuncs.py): nan, ±inf, ±0.0, huge, tiny and subnormal values, halves,
//! integer MIN/MAX.
//!
//! Exact ufuncs (arithmetic, rounding, `sqrt`, comparisons, min/max, remainders, integer
//! everything) must match NumPy's bits. Transcendental ones (`exp`, `log`, `sin`, …,
//! `power`, `hypot`, `arctan2`, `cbrt`) may differ by [`ULP_TOLERANCE`] units in the last
//! place: nd calls the C library (correctly rounded or within 1 ulp), while NumPy on this
//! CPU uses its own AVX-512 implementations (SVML-derived, documented to within 4 ulp) for
//! most of them. Where NumPy's result is nan, ±inf or ±0.0, ours must be the same value
//! (any nan payload) in every case.
//!
//! Each ufunc is checked in all its forms (allocating, `_inplace`, `_into`), on a reversed
//! (strided) view as well, and at every SIMD level this CPU has; the operators that
//! compute the same thing (`+`, `/`, `%`, `<<`, `!`, `.lt()`, …) are checked against the
//! same goldens.

use nd_tests::goldens::read_golden;
use ndcore::ops::{SimdLevel, detected_simd_level, set_simd_level};
use ndcore::prelude::*;
use std::collections::BTreeSet;

/// Largest difference allowed for the transcendental ufuncs, in units in the last place.
const ULP_TOLERANCE: u64 = 4;

/// Element types as the goldens write them: their bits in hex.
trait Bits: Element {
    const FLOAT: bool;
    fn from_hex(s: &str) -> Self;
    fn hex(self) -> String;
}

macro_rules! bits_int {
    ($($t:ty => $u:ty),*) => {$(
        impl Bits for $t {
            const FLOAT: bool = false;
            fn from_hex(s: &str) -> Self {
                <$u>::from_str_radix(s, 16).unwrap() as $t
            }
            fn hex(self) -> String {
                format!("{:0w$x}", self as $u, w = 2 * std::mem::size_of::<$t>())
            }
        }
    )*};
}
bits_int!(i8 => u8, i16 => u16, i32 => u32, i64 => u64, u8 => u8, u16 => u16, u32 => u32, u64 => u64);

impl Bits for f64 {
    const FLOAT: bool = true;
    fn from_hex(s: &str) -> Self {
        f64::from_bits(u64::from_str_radix(s, 16).unwrap())
    }
    fn hex(self) -> String {
        format!("{:016x}", self.to_bits())
    }
}

impl Bits for f32 {
    const FLOAT: bool = true;
    fn from_hex(s: &str) -> Self {
        f32::from_bits(u32::from_str_radix(s, 16).unwrap())
    }
    fn hex(self) -> String {
        format!("{:08x}", self.to_bits())
    }
}

impl Bits for bool {
    const FLOAT: bool = false;
    fn from_hex(s: &str) -> Self {
        s == "1"
    }
    fn hex(self) -> String {
        (self as u8).to_string()
    }
}

/// One golden file: the inputs and NumPy's outputs (bits, or an error message).
struct Golden {
    inputs: Vec<Vec<String>>,
    outputs: Vec<String>,
}

fn golden(t: &str, name: &str) -> Golden {
    let text = read_golden(&format!("ufuncs/{t}/{name}.txt"));
    let mut g = Golden {
        inputs: vec![vec![], vec![]],
        outputs: vec![],
    };
    for line in text.lines() {
        let (ins, out) = line.split_once(" => ").unwrap();
        for (k, v) in ins.split(' ').enumerate() {
            g.inputs[k].push(v.to_string());
        }
        g.outputs.push(out.to_string());
    }
    g
}

/// ULP distance between two floats' bits (of width `w` bytes), on the ordered line where
/// -0.0 and 0.0 are one apart.
fn ulps(a: &str, b: &str) -> u64 {
    let (x, y) = (
        u64::from_str_radix(a, 16).unwrap(),
        u64::from_str_radix(b, 16).unwrap(),
    );
    let sign = if a.len() == 16 {
        1u64 << 63
    } else {
        1u64 << 31
    };
    let key = |v: u64| -> i128 {
        if v & sign != 0 {
            -((v & !sign) as i128) - 1
        } else {
            v as i128
        }
    };
    (key(x) - key(y)).unsigned_abs() as u64
}

fn float_class(bits: &str) -> Option<&'static str> {
    let v = u64::from_str_radix(bits, 16).unwrap();
    let (exp_mask, man_mask, sign) = if bits.len() == 16 {
        (
            0x7ff0_0000_0000_0000u64,
            0x000f_ffff_ffff_ffffu64,
            1u64 << 63,
        )
    } else {
        (0x7f80_0000u64, 0x007f_ffffu64, 1u64 << 31)
    };
    let (e, m) = (v & exp_mask, v & man_mask);
    match (e == exp_mask, m == 0, e == 0, v & sign != 0) {
        (true, false, ..) => Some("nan"),
        (true, true, _, false) => Some("inf"),
        (true, true, _, true) => Some("-inf"),
        (false, true, true, false) => Some("0"),
        (false, true, true, true) => Some("-0"),
        _ => None,
    }
}

/// Compares our outputs with NumPy's; `exact` or within [`ULP_TOLERANCE`].
fn compare(what: &str, g: &Golden, ours: &[String], float_out: bool, exact: bool) -> u64 {
    assert_eq!(ours.len(), g.outputs.len(), "{what}: length");
    let mut worst = 0;
    for (i, (o, e)) in ours.iter().zip(&g.outputs).enumerate() {
        let at = || {
            format!(
                "{what}[{i}] inputs {:?}",
                g.inputs.iter().map(|v| v.get(i)).collect::<Vec<_>>()
            )
        };
        if !float_out {
            assert_eq!(o, e, "{}", at());
            continue;
        }
        match float_class(e) {
            Some("nan") => assert_eq!(float_class(o), Some("nan"), "{}: NumPy nan, ours {o}", at()),
            Some(_) => assert_eq!(o, e, "{}: special value", at()),
            None if exact => assert_eq!(o, e, "{}", at()),
            None => {
                let d = ulps(o, e);
                assert!(d <= ULP_TOLERANCE, "{}: {d} ulp apart ({o} vs {e})", at());
                worst = worst.max(d);
            }
        }
    }
    worst
}

fn hex<U: Bits>(a: &ArrayRef<U, Ix1>) -> Vec<String> {
    a.iter().map(|&v| v.hex()).collect()
}

fn parse<T: Bits>(v: &[String]) -> Array1<T> {
    Array::from_vec(v.iter().map(|s| T::from_hex(s)).collect())
}

/// The same computation on a reversed view (a strided operand and output), put back in
/// order.
fn reversed<T: Element>(a: &Array1<T>) -> Array1<T> {
    a.slice(s![..;-1]).to_owned()
}

type Unary<T> = fn(&Array1<T>, Form) -> Vec<String>;
type Binary<T> = fn(&Array1<T>, &Array1<T>, Form) -> Result<Vec<String>, String>;
/// A table: the nd function for a NumPy ufunc name, if it has one.
type Table<'a, F> = &'a dyn Fn(&str) -> Option<F>;

/// Which form of a ufunc to call.
#[derive(Copy, Clone, Debug)]
enum Form {
    Alloc,
    InPlace,
    Into,
    Reversed,
    Operator,
}

const FORMS: [Form; 5] = [
    Form::Alloc,
    Form::InPlace,
    Form::Into,
    Form::Reversed,
    Form::Operator,
];

/// `name => unary ufunc` (same type out), with its operator if one computes it.
macro_rules! unary_same {
    ($t:ty; $($name:ident $(op $op:expr)?),* $(,)?) => {
        |name: &str| -> Option<Unary<$t>> {
            paste::paste! {
                match name {$(
                    stringify!($name) => Some(|x: &Array1<$t>, form: Form| -> Vec<String> {
                        match form {
                            Form::Alloc => hex(&ndops::$name(x)),
                            Form::InPlace => {
                                let mut y = x.clone();
                                ndops::[<$name _inplace>](&mut y);
                                hex(&y)
                            }
                            Form::Into => {
                                let mut y = x.clone();
                                y.fill(<$t as Default>::default());
                                ndops::[<$name _into>](x, &mut y).unwrap();
                                hex(&y)
                            }
                            Form::Reversed => hex(&reversed(&ndops::$name(&x.slice(s![..;-1])))),
                            Form::Operator => {
                                $(return hex(&($op)(x));)?
                                #[allow(unreachable_code)]
                                hex(&ndops::$name(x.clone()))
                            }
                        }
                    }),
                )* _ => None }
            }
        }
    };
}

/// `name => unary predicate` (bool out).
macro_rules! unary_bool {
    ($t:ty; $($name:ident),* $(,)?) => {
        |name: &str| -> Option<Unary<$t>> {
            paste::paste! {
                match name {$(
                    stringify!($name) => Some(|x: &Array1<$t>, form: Form| -> Vec<String> {
                        match form {
                            Form::Into | Form::InPlace => {
                                let mut y = Array::<bool, _>::zeros(x.len());
                                ndops::[<$name _into>](x, &mut y).unwrap();
                                hex(&y)
                            }
                            Form::Reversed => hex(&reversed(&ndops::$name(&x.slice(s![..;-1])))),
                            _ => hex(&ndops::$name(x)),
                        }
                    }),
                )* _ => None }
            }
        }
    };
}

/// `name => binary ufunc` (same type out), with its operator if one computes it.
macro_rules! binary_same {
    ($t:ty; $($name:ident $(op $op:expr)?),* $(,)?) => {
        |name: &str| -> Option<Binary<$t>> {
            paste::paste! {
                match name {$(
                    stringify!($name) => Some(|a: &Array1<$t>, b: &Array1<$t>, form: Form| {
                        let r: ndcore::Result<Vec<String>> = (|| Ok(match form {
                            Form::Alloc => hex(&ndops::$name(a, b)?),
                            Form::InPlace => {
                                let mut y = a.clone();
                                ndops::[<$name _inplace>](&mut y, b)?;
                                hex(&y)
                            }
                            Form::Into => {
                                let mut y = a.clone();
                                y.fill(<$t as Default>::default());
                                ndops::[<$name _into>](a, b, &mut y)?;
                                hex(&y)
                            }
                            Form::Reversed => hex(&reversed(&ndops::$name(
                                &a.slice(s![..;-1]),
                                b.slice(s![..;-1]),
                            )?)),
                            Form::Operator => {
                                $(return Ok(hex(&($op)(a, b)));)?
                                #[allow(unreachable_code)]
                                hex(&ndops::$name(a.clone(), b.clone())?)
                            }
                        }))();
                        r.map_err(|e| e.to_string())
                    }),
                )* _ => None }
            }
        }
    };
}

/// `name => comparison` (bool out); the method form is the operator.
macro_rules! binary_bool {
    ($t:ty; $($name:ident $method:ident),* $(,)?) => {
        |name: &str| -> Option<Binary<$t>> {
            match name {$(
                stringify!($name) => Some(|a: &Array1<$t>, b: &Array1<$t>, form: Form| {
                    let r = match form {
                        Form::Operator => a.$method(b),
                        Form::Reversed => ndops::$name(&a.slice(s![..;-1]), &b.slice(s![..;-1]))
                            .map(|r| reversed(&r)),
                        _ => ndops::$name(a, b),
                    };
                    r.map(|r| hex(&r)).map_err(|e| e.to_string())
                }),
            )* _ => None }
        }
    };
}

/// `clip(x, lo, hi)` and `round_to(x, d)` with the script's fixed parameters.
macro_rules! with_params {
    ($t:ty; $($name:literal => $f:ident($($arg:expr),*), $inplace:ident, $into:ident;)*) => {
        |name: &str| -> Option<Unary<$t>> {
            match name {$(
                $name => Some(|x: &Array1<$t>, form: Form| -> Vec<String> {
                    match form {
                        Form::Alloc => hex(&ndops::$f(x, $($arg),*)),
                        Form::InPlace => {
                            let mut y = x.clone();
                            ndops::$inplace(&mut y, $($arg),*);
                            hex(&y)
                        }
                        Form::Into => {
                            let mut y = x.clone();
                            y.fill(<$t as Default>::default());
                            ndops::$into(x, $($arg,)* &mut y).unwrap();
                            hex(&y)
                        }
                        Form::Reversed => hex(&reversed(&ndops::$f(&x.slice(s![..;-1]), $($arg),*))),
                        Form::Operator => hex(&ndops::$f(x.clone(), $($arg),*)),
                    }
                }),
            )* _ => None }
        }
    };
}

fn levels() -> Vec<SimdLevel> {
    let best = detected_simd_level();
    [SimdLevel::Baseline, SimdLevel::Avx2, SimdLevel::Avx512]
        .into_iter()
        .filter(|&l| l <= best)
        .collect()
}

/// Runs every manifest entry of type `t` through the tables; returns the names covered.
fn check_type<T: Bits>(
    t: &str,
    unary: &[Table<'_, Unary<T>>],
    binary: &[Table<'_, Binary<T>>],
) -> BTreeSet<String> {
    let manifest = read_golden("ufuncs/MANIFEST.txt");
    let mut covered = BTreeSet::new();
    let mut worst = vec![];
    for line in manifest.lines() {
        let f: Vec<&str> = line.split(' ').collect();
        let (ty, name, arity, exact) = (f[0], f[1], f[2], f[3] == "exact");
        if ty != t {
            continue;
        }
        let g = golden(t, name);
        let float_out = T::FLOAT && !g.outputs[0].starts_with("ERR") && g.outputs[0].len() > 1;
        let mut max_ulp = 0;
        for level in levels() {
            set_simd_level(level);
            if arity == "1" {
                let f = unary
                    .iter()
                    .find_map(|tab| tab(name))
                    .unwrap_or_else(|| panic!("no nd function for NumPy's {name} on {t}"));
                let x = parse::<T>(&g.inputs[0]);
                for form in FORMS {
                    let what = format!("{t} {name} {form:?} {level:?}");
                    max_ulp = max_ulp.max(compare(&what, &g, &f(&x, form), float_out, exact));
                }
            } else {
                let f = binary
                    .iter()
                    .find_map(|tab| tab(name))
                    .unwrap_or_else(|| panic!("no nd function for NumPy's {name} on {t}"));
                if g.outputs.iter().any(|o| o.starts_with("ERR")) {
                    // NumPy refuses the whole call when one pair is refused: check each
                    // pair alone, as the script computed them.
                    for (i, out) in g.outputs.iter().enumerate() {
                        let a = parse::<T>(&g.inputs[0][i..=i]);
                        let b = parse::<T>(&g.inputs[1][i..=i]);
                        for form in FORMS {
                            let r = f(&a, &b, form);
                            match out.strip_prefix("ERR ") {
                                Some(msg) => assert_eq!(r, Err(msg.to_string()), "{t} {name} {i}"),
                                None => assert_eq!(r, Ok(vec![out.clone()]), "{t} {name} {i}"),
                            }
                        }
                    }
                    continue;
                }
                let (a, b) = (parse::<T>(&g.inputs[0]), parse::<T>(&g.inputs[1]));
                for form in FORMS {
                    let what = format!("{t} {name} {form:?} {level:?}");
                    let ours = f(&a, &b, form).unwrap_or_else(|e| panic!("{what}: {e}"));
                    max_ulp = max_ulp.max(compare(&what, &g, &ours, float_out, exact));
                }
            }
        }
        if max_ulp > 0 {
            worst.push(format!("{name} {max_ulp}"));
        }
        covered.insert(name.to_string());
    }
    set_simd_level(detected_simd_level());
    eprintln!("{t}: largest ulp differences from NumPy: {worst:?}");
    covered
}

macro_rules! float_test {
    ($test:ident $t:ident) => {
        #[test]
        fn $test() {
            let same = unary_same!($t;
                negative op |x: &Array1<$t>| -x, abs, sign, square, reciprocal, floor, ceil,
                trunc, rint, round, sqrt, cbrt, exp, exp2, expm1, log, log2, log10, log1p, sin,
                cos, tan, arcsin, arccos, arctan, sinh, cosh, tanh, arcsinh, arccosh, arctanh);
            let preds = unary_bool!($t; isnan, isinf, isfinite);
            let params = with_params!($t;
                "clip" => clip(-1.5, 2.5), clip_inplace, clip_into;
                "round_1" => round_to(1), round_to_inplace, round_to_into;
                "round_m1" => round_to(-1), round_to_inplace, round_to_into;
            );
            let bin = binary_same!($t;
                add op |a: &Array1<$t>, b: &Array1<$t>| a + b,
                subtract op |a: &Array1<$t>, b: &Array1<$t>| a - b,
                multiply op |a: &Array1<$t>, b: &Array1<$t>| a * b,
                divide op |a: &Array1<$t>, b: &Array1<$t>| a / b,
                floor_divide,
                remainder op |a: &Array1<$t>, b: &Array1<$t>| a % b,
                fmod, maximum, minimum, fmax, fmin, copysign, hypot, arctan2);
            let pow = |name: &str| -> Option<Binary<$t>> {
                (name == "power").then_some(|a: &Array1<$t>, b: &Array1<$t>, form: Form| {
                    let r = match form {
                        Form::InPlace => {
                            let mut y = a.clone();
                            ndops::power_inplace(&mut y, b).map(|_| y)
                        }
                        Form::Into => {
                            let mut y = a.clone();
                            ndops::power_into(a, b, &mut y).map(|_| y)
                        }
                        _ => ndops::power(a, b),
                    };
                    r.map(|r| hex(&r)).map_err(|e| e.to_string())
                })
            };
            let cmp = binary_bool!($t; equal eq, not_equal ne, less lt, less_equal le,
                greater gt, greater_equal ge);
            let covered =
                check_type::<$t>(stringify!($t), &[&same, &preds, &params], &[&bin, &pow, &cmp]);
            assert!(covered.len() >= 50, "{covered:?}");
        }
    };
}

float_test!(f64_ufuncs_match_numpy f64);
float_test!(f32_ufuncs_match_numpy f32);

macro_rules! int_test {
    ($test:ident $t:ident, $lo:expr, $hi:expr) => {
        #[test]
        fn $test() {
            let same = unary_same!($t;
                negative op |x: &Array1<$t>| -x, invert op |x: &Array1<$t>| !x, abs, sign, square,
                reciprocal, floor, ceil, trunc);
            let preds = unary_bool!($t; isnan, isinf, isfinite);
            let params = with_params!($t; "clip" => clip($lo, $hi), clip_inplace, clip_into;);
            let bin = binary_same!($t;
                add op |a: &Array1<$t>, b: &Array1<$t>| a + b,
                subtract op |a: &Array1<$t>, b: &Array1<$t>| a - b,
                multiply op |a: &Array1<$t>, b: &Array1<$t>| a * b,
                floor_divide,
                remainder op |a: &Array1<$t>, b: &Array1<$t>| a % b,
                fmod, maximum, minimum, fmax, fmin,
                bitwise_and op |a: &Array1<$t>, b: &Array1<$t>| a & b,
                bitwise_or op |a: &Array1<$t>, b: &Array1<$t>| a | b,
                bitwise_xor op |a: &Array1<$t>, b: &Array1<$t>| a ^ b,
                left_shift op |a: &Array1<$t>, b: &Array1<$t>| a << b,
                right_shift op |a: &Array1<$t>, b: &Array1<$t>| a >> b);
            let pow = |name: &str| -> Option<Binary<$t>> {
                (name == "power").then_some(|a: &Array1<$t>, b: &Array1<$t>, form: Form| {
                    let r = match form {
                        Form::InPlace => {
                            let mut y = a.clone();
                            ndops::power_inplace(&mut y, b).map(|_| y)
                        }
                        Form::Into => {
                            let mut y = a.clone();
                            ndops::power_into(a, b, &mut y).map(|_| y)
                        }
                        _ => ndops::power(a, b),
                    };
                    r.map(|r| hex(&r)).map_err(|e| e.to_string())
                })
            };
            let cmp = binary_bool!($t; equal eq, not_equal ne, less lt, less_equal le,
                greater gt, greater_equal ge);
            let covered =
                check_type::<$t>(stringify!($t), &[&same, &preds, &params], &[&bin, &pow, &cmp]);
            assert!(covered.len() >= 30, "{covered:?}");
        }
    };
}

int_test!(i8_ufuncs_match_numpy i8, -7, 7);
int_test!(i16_ufuncs_match_numpy i16, -7, 7);
int_test!(i32_ufuncs_match_numpy i32, -7, 7);
int_test!(i64_ufuncs_match_numpy i64, -7, 7);
int_test!(u8_ufuncs_match_numpy u8, 1, 63);
int_test!(u16_ufuncs_match_numpy u16, 1, 63);
int_test!(u32_ufuncs_match_numpy u32, 1, 63);
int_test!(u64_ufuncs_match_numpy u64, 1, 63);

#[test]
fn bool_ufuncs_match_numpy() {
    let same = unary_same!(bool; invert op |x: &Array1<bool>| !x);
    let bin = binary_same!(bool;
        bitwise_and op |a: &Array1<bool>, b: &Array1<bool>| a & b,
        bitwise_or op |a: &Array1<bool>, b: &Array1<bool>| a | b,
        bitwise_xor op |a: &Array1<bool>, b: &Array1<bool>| a ^ b);
    let covered = check_type::<bool>("bool", &[&same], &[&bin]);
    assert_eq!(covered.len(), 4);
}

#[test]
fn the_goldens_were_built_from_these_inputs() {
    // The script's edge values, rebuilt here: spot checks that the recipe has not drifted.
    let g = golden("f64", "sqrt");
    let x = parse::<f64>(&g.inputs[0]);
    assert!(x[[0]].is_nan());
    assert_eq!(x[[1]], f64::INFINITY);
    assert_eq!(x[[3]].to_bits(), (-0.0f64).to_bits());
    assert_eq!(x[[17]], 5e-324);
    assert_eq!(x[[19]], f64::MAX);
    let g = golden("i64", "abs");
    let i = parse::<i64>(&g.inputs[0]);
    assert_eq!((i[[0]], i[[i.len() - 1]]), (i64::MIN, i64::MAX));
    let g = golden("u8", "add");
    assert_eq!(g.inputs[0].len(), 64);
}
