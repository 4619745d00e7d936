//! NumPy 2's type promotion, checked against NumPy (`tests/goldens/promotion/`, written by
//! `scripts/goldens/promotion.py`): the result type of every pair of element types, of an
//! array with each kind of scalar, of true division, the `same_kind` casts in-place
//! operators allow, and the values of mixed-type operations.

use nd_tests::goldens::read_golden;
use ndcore::ops::{Promote, SameKind, TrueDivide, WeakScalar};
use ndcore::{CastTo, Element};
use ndops::prelude::*;
use std::any::type_name;
use std::collections::BTreeMap;
use std::marker::PhantomData;

/// nd's short name of an element type, as the goldens spell it.
fn short<T: 'static>() -> &'static str {
    type_name::<T>()
}

/// The golden file as a map from its key columns to its last column.
fn table(rel: &str, keys: usize) -> BTreeMap<String, String> {
    read_golden(rel)
        .lines()
        .map(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            (w[..keys].join(" "), w[keys].to_string())
        })
        .collect()
}

/// Runs `$m!(A)` for every element type.
macro_rules! each_type {
    ($m:ident $(, $arg:tt)*) => {
        $m!(bool $(, $arg)*); $m!(i8 $(, $arg)*); $m!(i16 $(, $arg)*); $m!(i32 $(, $arg)*);
        $m!(i64 $(, $arg)*); $m!(u8 $(, $arg)*); $m!(u16 $(, $arg)*); $m!(u32 $(, $arg)*);
        $m!(u64 $(, $arg)*); $m!(f32 $(, $arg)*); $m!(f64 $(, $arg)*);
    };
}

#[test]
fn result_types_are_numpys() {
    let want = table("promotion/result_type.txt", 2);
    let mut got = BTreeMap::new();
    macro_rules! row {
        ($a:ident) => {
            each_type!(cell, $a);
        };
    }
    macro_rules! cell {
        ($b:ident, $a:ident) => {
            got.insert(
                format!("{} {}", short::<$a>(), short::<$b>()),
                short::<<$a as Promote<$b>>::Output>().to_string(),
            );
        };
    }
    each_type!(row);
    assert_eq!(got.len(), 121);
    assert_eq!(got, want);
}

/// The scalar type nd takes for a Python scalar of each kind beside an array of `A`: the
/// array's own type within its kind, else the kind's default (i64, f64).
macro_rules! weak_types {
    ($a:ident, $got:ident; $int:ty, $float:ty) => {
        $got.insert(
            format!("{} bool", short::<$a>()),
            short::<<bool as WeakScalar<$a>>::Out>().to_string(),
        );
        $got.insert(
            format!("{} int", short::<$a>()),
            short::<<$int as WeakScalar<$a>>::Out>().to_string(),
        );
        $got.insert(
            format!("{} float", short::<$a>()),
            short::<<$float as WeakScalar<$a>>::Out>().to_string(),
        );
    };
}

#[test]
fn weak_scalars_are_numpys() {
    let want = table("promotion/weak.txt", 2);
    let mut got = BTreeMap::new();
    weak_types!(bool, got; i64, f64);
    macro_rules! int {
        ($t:ident, $got:ident) => { weak_types!($t, $got; $t, f64); };
    }
    int!(i8, got);
    int!(i16, got);
    int!(i32, got);
    int!(i64, got);
    int!(u8, got);
    int!(u16, got);
    int!(u32, got);
    int!(u64, got);
    weak_types!(f32, got; i64, f32);
    weak_types!(f64, got; i64, f64);
    assert_eq!(got, want);
}

#[test]
fn true_division_types_are_numpys() {
    let want = table("promotion/true_divide.txt", 1);
    let mut got = BTreeMap::new();
    macro_rules! one {
        ($a:ident) => {
            got.insert(
                short::<$a>().to_string(),
                short::<<$a as TrueDivide>::Output>().to_string(),
            );
        };
    }
    each_type!(one);
    assert_eq!(got, want);
}

/// Whether `SameKind<T>` is implemented for `F`, decided at compile time by which impl
/// method resolution finds on `&&Probe`: the one with the bound (on `&Probe`) when it
/// holds, else the fallback (on `Probe`) one autoderef further.
struct Probe<F, T>(PhantomData<(F, T)>);
trait Allowed {
    fn allowed(&self) -> bool {
        true
    }
}
impl<F: SameKind<T>, T: Element> Allowed for &Probe<F, T> {}
trait Refused {
    fn allowed(&self) -> bool {
        false
    }
}
impl<F, T> Refused for Probe<F, T> {}

#[test]
fn in_place_casts_are_numpys_same_kind() {
    let want = table("promotion/same_kind.txt", 2);
    let mut got = BTreeMap::new();
    macro_rules! row {
        ($a:ident) => {
            each_type!(cell, $a);
        };
    }
    macro_rules! cell {
        ($b:ident, $a:ident) => {
            let ok = (&&Probe::<$a, $b>(PhantomData)).allowed();
            got.insert(
                format!("{} {}", short::<$a>(), short::<$b>()),
                (ok as u8).to_string(),
            );
        };
    }
    each_type!(row);
    assert_eq!(got, want);
}

/// An element compared with NumPy's text of it: floats by value (nan equal to nan), ints
/// exactly, bools as 0/1.
trait Golden: Element {
    fn matches(self, text: &str) -> bool;
}
macro_rules! golden_int {
    ($($t:ty)*) => {$(impl Golden for $t {
        fn matches(self, text: &str) -> bool {
            text.parse::<i128>() == Ok(self as i128)
        }
    })*};
}
golden_int!(i8 i16 i32 i64 u8 u16 u32 u64);
impl Golden for bool {
    fn matches(self, text: &str) -> bool {
        text == if self { "1" } else { "0" }
    }
}
impl Golden for f32 {
    fn matches(self, text: &str) -> bool {
        (self as f64).matches(text)
    }
}
impl Golden for f64 {
    fn matches(self, text: &str) -> bool {
        let want: f64 = text.parse().expect("a float");
        self == want || (self.is_nan() && want.is_nan())
    }
}

const A_VALUES: [i64; 7] = [0, 1, 2, 3, 5, 7, 100];
const B_VALUES: [i64; 7] = [3, 1, 2, 7, 1, 2, 9];

fn arr<T: Element>(v: &[i64]) -> Array1<T>
where
    i64: CastTo<T>,
{
    v.iter().map(|&x| x.cast_to()).collect()
}

/// Checks one result against the golden line with `key`.
fn check<T: Golden>(want: &BTreeMap<String, String>, key: &str, got: &ArrayRef<T, Ix1>) {
    let line = want
        .get(key)
        .unwrap_or_else(|| panic!("no golden for {key}"));
    let texts: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(texts.len(), got.len(), "{key}");
    for (&v, t) in got.iter().zip(&texts) {
        assert!(v.matches(t), "{key}: nd {v:?}, NumPy {t} (all: {line})");
    }
}

#[test]
fn mixed_values_are_numpys() {
    let want: BTreeMap<String, String> = read_golden("promotion/values.txt")
        .lines()
        .map(|l| {
            let (k, v) = l.split_once(" => ").expect("key => values");
            (k.to_string(), v.to_string())
        })
        .collect();
    let mut n = 0;
    // `add` on every pair: each pair's casts into its result type.
    macro_rules! row {
        ($a:ident) => {
            each_type!(cell, $a);
        };
    }
    macro_rules! cell {
        // `+` on two bool arrays is NumPy's logical or; nd has it as `|`.
        (bool, bool) => {};
        ($b:ident, $a:ident) => {{
            let (x, y) = (arr::<$a>(&A_VALUES), arr::<$b>(&B_VALUES));
            let key = format!("add {} {}", short::<$a>(), short::<$b>());
            check(&want, &key, &ndops::add(&x, &y).unwrap());
            n += 1;
        }};
    }
    each_type!(row);
    // The other operations on pairs of a few types of each kind (each instantiation
    // compiles its loops, so not all 121 pairs).
    macro_rules! some {
        ($m:ident $(, $arg:tt)*) => {
            $m!(bool $(, $arg)*); $m!(i8 $(, $arg)*); $m!(u8 $(, $arg)*); $m!(i64 $(, $arg)*);
            $m!(u64 $(, $arg)*); $m!(f32 $(, $arg)*); $m!(f64 $(, $arg)*);
        };
    }
    macro_rules! row2 {
        ($a:ident) => {
            some!(cell2, $a);
        };
    }
    macro_rules! cell2 {
        // Multiply on two bools is logical and (`&` in nd), as `add` above.
        (bool, bool) => {{
            let (x, y) = (arr::<bool>(&A_VALUES), arr::<bool>(&B_VALUES));
            check(&want, "true_divide bool bool", &(&x / &y));
            check(&want, "less bool bool", &ndops::less(&x, &y).unwrap());
            n += 2;
        }};
        ($b:ident, $a:ident) => {{
            let (x, y) = (arr::<$a>(&A_VALUES), arr::<$b>(&B_VALUES));
            let (ta, tb) = (short::<$a>(), short::<$b>());
            check(
                &want,
                &format!("multiply {ta} {tb}"),
                &ndops::multiply(&x, &y).unwrap(),
            );
            check(&want, &format!("true_divide {ta} {tb}"), &(&x / &y));
            check(
                &want,
                &format!("less {ta} {tb}"),
                &ndops::less(&x, &y).unwrap(),
            );
            n += 3;
        }};
    }
    some!(row2);
    // Python scalars: nd's weak scalars of each kind beside each array type.
    macro_rules! scalars {
        ($a:ident; $int:expr, $float:expr) => {{
            let x = arr::<$a>(&A_VALUES);
            let t = short::<$a>();
            for (kind, int) in [("int", true), ("float", false)] {
                let _ = kind;
                if int {
                    check(&want, &format!("add {t} py:int"), &(&x + $int));
                    check(&want, &format!("multiply {t} py:int"), &(&x * $int));
                    check(&want, &format!("true_divide {t} py:int"), &(&x / $int));
                    check(&want, &format!("less {t} py:int"), &x.lt($int).unwrap());
                } else {
                    check(&want, &format!("add {t} py:float"), &(&x + $float));
                    check(&want, &format!("multiply {t} py:float"), &(&x * $float));
                    check(&want, &format!("true_divide {t} py:float"), &(&x / $float));
                    check(&want, &format!("less {t} py:float"), &x.lt($float).unwrap());
                }
            }
            n += 8;
        }};
    }
    scalars!(bool; 2i64, 0.5f64);
    scalars!(i8; 2i8, 0.5f64);
    scalars!(i16; 2i16, 0.5f64);
    scalars!(i32; 2i32, 0.5f64);
    scalars!(i64; 2i64, 0.5f64);
    scalars!(u8; 2u8, 0.5f64);
    scalars!(u16; 2u16, 0.5f64);
    scalars!(u32; 2u32, 0.5f64);
    scalars!(u64; 2u64, 0.5f64);
    scalars!(f32; 2i64, 0.5f32);
    scalars!(f64; 2i64, 0.5f64);
    assert_eq!(n, 120 + 48 * 3 + 2 + 11 * 8);
}
