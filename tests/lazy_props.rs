//! Lazy expressions against the eager operators: random shapes that broadcast (or not),
//! random layouts (negative steps, steps of 2, transposes, stride-0 broadcasts, empty
//! axes, 0-d), every evaluation form. Element-wise results must be bit for bit the eager
//! ones; sums within a stated bound of the eager sum; min, max, any, all exact; shapes
//! that do not broadcast give the eager operators' error.

use ndops::lazy::{LazyExt, where_};
use ndops::prelude::*;
use proptest::prelude::*;

/// An owned array of distinct values (`seed + 0.25 * k`, some negative) large enough for
/// a view of `shape` through per-axis `steps`; its axes reversed when `flip`.
fn owner(shape: &[usize], steps: &[isize], flip: bool, seed: f64) -> ArrayD<f64> {
    let mut owner_shape: Vec<usize> = shape
        .iter()
        .zip(steps)
        .map(|(&n, &s)| n * s.unsigned_abs())
        .collect();
    if flip {
        owner_shape.reverse();
    }
    let n: usize = owner_shape.iter().product();
    Array::from_shape_vec(
        owner_shape,
        (0..n).map(|k| seed + 0.25 * k as f64).collect(),
    )
    .unwrap()
}

/// The operand: a view of `owner` (transposed when `flip`, so Fortran-ordered) through
/// the steps (negative ones walk backwards, 2 skips every other element).
fn operand<'a>(owner: &'a ArrayD<f64>, steps: &[isize], flip: bool) -> ArrayViewD<'a, f64> {
    let v = if flip {
        owner.view().reversed_axes()
    } else {
        owner.view()
    };
    let sl: Vec<SliceInfoElem> = steps
        .iter()
        .map(|&s| Slice::new(None, None, s).into())
        .collect();
    v.slice_move(&sl[..]).unwrap()
}

/// Three shapes that often (not always) broadcast together: suffixes of one shape with
/// some lengths replaced by 1, sometimes perturbed to fail.
fn shapes() -> impl Strategy<Value = (Vec<usize>, Vec<usize>, Vec<usize>)> {
    proptest::collection::vec(0usize..5, 0..=3).prop_flat_map(|full| {
        let n = full.len();
        let pick = move |full: Vec<usize>| {
            (0..=n, proptest::collection::vec(0u8..5, n)).prop_map(move |(k, r)| {
                full[n - k..]
                    .iter()
                    .zip(&r[n - k..])
                    .map(|(&d, &r)| match r {
                        0 => 1,
                        4 if d > 0 => d + 1,
                        _ => d,
                    })
                    .collect::<Vec<usize>>()
            })
        };
        (pick(full.clone()), pick(full.clone()), pick(full))
    })
}

fn steps(nd: usize) -> impl Strategy<Value = Vec<isize>> {
    proptest::collection::vec(prop_oneof![Just(1isize), Just(-1), Just(2), Just(-2)], nd)
}

type Case = (
    Vec<usize>,
    Vec<isize>,
    bool,
    Vec<usize>,
    Vec<isize>,
    bool,
    Vec<usize>,
    Vec<isize>,
);

fn case() -> impl Strategy<Value = Case> {
    shapes().prop_flat_map(|(a, b, c)| {
        (
            Just(a.clone()),
            steps(a.len()),
            any::<bool>(),
            Just(b.clone()),
            steps(b.len()),
            any::<bool>(),
            Just(c.clone()),
            steps(c.len()),
        )
    })
}

fn bits(a: &ArrayRef<f64, IxDyn>) -> Vec<u64> {
    a.iter().map(|v| v.to_bits()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn lazy_equals_eager((sa, ta, fa, sb, tb, fb, sc, tc) in case()) {
        let (oa, ob, oc) = (owner(&sa, &ta, fa, -3.0), owner(&sb, &tb, fb, 0.5), owner(&sc, &tc, false, 1.25));
        let (a, b, c) = (operand(&oa, &ta, fa), operand(&ob, &tb, fb), operand(&oc, &tc, false));
        prop_assert_eq!((a.shape(), b.shape(), c.shape()), (&sa[..], &sb[..], &sc[..]));
        let (al, bl, cl) = (a.lazy(), b.lazy(), c.lazy());
        // (a*b - 3c + 4) / (|a| + 1), then sqrt of its max with 0, where c > 2 else a.
        let lazy = where_(
            cl.gt(2.0),
            ((al * bl - 3.0 * cl + 4.0) / (al.abs() + 1.0)).maximum(0.0).sqrt(),
            al,
        );
        if ndcore::ops::broadcast_shapes(&[a.shape(), b.shape(), c.shape()]).is_err() {
            // The operands' shapes, all of them, in NumPy's words.
            let e = lazy.eval().unwrap_err().to_string();
            prop_assert!(e.starts_with("operands could not be broadcast together with shapes"), "{}", e);
            prop_assert!(lazy.sum().is_err());
            return Ok(());
        }
        let eager = (|| -> ndcore::Result<ArrayD<f64>> {
            let num = &(&(&a * &b) - &(3.0 * &c)) + 4.0;
            let den = &ndops::abs(&a) + 1.0;
            let q = ndops::sqrt(&ndops::maximum(&(&num / &den), 0.0)?);
            ndops::where_(&c.gt(2.0)?, &q, &a)
        })();
        match (lazy.eval(), eager) {
            (Ok(l), Ok(e)) => {
                prop_assert_eq!(l.shape(), e.shape());
                prop_assert_eq!(bits(&l), bits(&e));
                // out=: the same values, into any layout of the right shape.
                let mut out = ArrayD::<f64>::zeros(e.shape());
                lazy.eval_into(&mut out).unwrap();
                prop_assert_eq!(bits(&out), bits(&e));
                let mut t = ArrayD::<f64>::zeros(e.shape()).reversed_axes();
                let mut tv = t.view_mut().reversed_axes();
                lazy.eval_into(&mut tv).unwrap();
                prop_assert_eq!(bits(&tv.to_owned()), bits(&e));
                // Reductions without the values stored.
                let s = lazy.sum().unwrap();
                let want = e.sum();
                let scale: f64 = e.iter().map(|v| v.abs()).sum::<f64>().max(1.0);
                prop_assert!((s - want).abs() <= 8.0 * f64::EPSILON * scale,
                    "sum {} vs {}", s, want);
                if !e.is_empty() {
                    prop_assert_eq!(lazy.max().unwrap().to_bits(), e.max().unwrap().to_bits());
                    prop_assert_eq!(lazy.min().unwrap().to_bits(), e.min().unwrap().to_bits());
                    let m = lazy.mean().unwrap();
                    prop_assert!((m - want / e.len() as f64).abs() <= 8.0 * f64::EPSILON * scale);
                } else {
                    prop_assert!(lazy.max().is_err());
                    prop_assert!(lazy.mean().unwrap().is_nan());
                }
                let big = cl.gt(2.0);
                prop_assert_eq!(big.any().unwrap(), c.iter().any(|&v| v > 2.0));
                prop_assert_eq!(big.all().unwrap(), c.iter().all(|&v| v > 2.0));
            }
            (Err(l), Err(e)) => prop_assert_eq!(l.to_string(), e.to_string()),
            (l, e) => prop_assert!(false, "lazy {:?} vs eager {:?}", l.map(|_| ()), e.map(|_| ())),
        }
    }
}

#[test]
fn integers_and_comparisons() {
    let x = Array::from_vec(vec![-7i64, -1, 0, 3, 8, i64::MAX]);
    let y = Array::from_vec(vec![2i64, 3, -4, 5, -3, 2]);
    let (xl, yl) = (x.lazy(), y.lazy());
    assert_eq!(
        xl.floor_divide(yl).eval().unwrap(),
        ndops::floor_divide(&x, &y).unwrap()
    );
    assert_eq!((xl % yl).eval().unwrap(), ndops::remainder(&x, &y).unwrap());
    assert_eq!((xl + 1).eval().unwrap(), &x + 1);
    assert_eq!((-xl).eval().unwrap(), -&x);
    assert_eq!(xl.ge(yl).eval().unwrap(), x.ge(&y).unwrap());
    assert_eq!(
        (xl.ge(0) & yl.lt(0)).eval().unwrap().to_vec(),
        vec![false, false, true, false, true, false]
    );
    assert!(!(!xl.eq(0)).all().unwrap());
    assert_eq!(xl.max().unwrap(), i64::MAX);
    assert_eq!((xl * yl).min().unwrap(), -24);
}

#[test]
fn too_many_arrays_and_a_wrong_output() {
    let x = arange(4.0);
    let xl = x.lazy();
    let e = xl + xl + xl + xl + xl + xl + xl + xl;
    assert_eq!(
        e.eval().unwrap_err().to_string(),
        "a lazy expression reads at most 7 arrays, this one 8: evaluate part of it first"
    );
    let seven = xl + xl + xl + xl + xl + xl + xl;
    assert_eq!(seven.eval().unwrap().to_vec(), vec![0.0, 7.0, 14.0, 21.0]);
    let mut out = Array1::<f64>::zeros(3);
    let e = xl.eval_into(&mut out).unwrap_err().to_string();
    assert!(e.contains("(4,)") && e.contains("(3,)"), "{e}");
}

#[test]
fn large_sums_are_pairwise_and_blocked() {
    // 1e6 values: the lazy sum equals NumPy's pairwise sum of the stored values to a few
    // ulps, far closer than a sequential sum would be.
    let x = linspace(0.0, 1.0, 1_000_003);
    let xl = x.lazy();
    let e = xl * xl - 3.0 * xl + 4.0;
    let stored = e.eval().unwrap();
    let (s, want): (f64, f64) = (e.sum().unwrap(), stored.sum());
    assert!(
        (s - want).abs() <= 4.0 * f64::EPSILON * want.abs(),
        "{s} vs {want}"
    );
    // A broadcast expression: the blocked path.
    let col = x
        .slice(s![..1000])
        .to_owned()
        .into_shape([1000, 1])
        .unwrap();
    let row = x.slice(s![..999]);
    let b = (col.lazy() * &row).sqrt();
    let stored = b.eval().unwrap();
    let (s, want): (f64, f64) = (b.sum().unwrap(), stored.sum());
    assert!(
        (s - want).abs() <= 4.0 * f64::EPSILON * want.abs(),
        "{s} vs {want}"
    );
    assert_eq!(b.max().unwrap(), stored.max().unwrap());
}

#[test]
fn thread_counts_give_identical_results() {
    let x = linspace(-2.0, 3.0, 1_000_003);
    let col = linspace(0.0f64, 1.0, 700).into_shape([700, 1]).unwrap();
    let row = linspace(1.0, 2.0, 1000);
    let run = |threads: usize| {
        ndcore::threads::set_num_threads(threads);
        let xl = x.lazy();
        let f = xl * xl - 3.0 * xl + 4.0;
        let g = (col.lazy() * &row + 1.0).sqrt();
        let mut out = Array1::<f64>::zeros(x.len());
        f.eval_into(&mut out).unwrap();
        (
            f.eval().unwrap(),
            out,
            g.eval().unwrap(),
            f.sum().unwrap().to_bits(),
            g.sum().unwrap().to_bits(),
            g.max().unwrap().to_bits(),
            f.gt(10.0).any().unwrap(),
        )
    };
    let one = run(1);
    for threads in [2, 3] {
        let many = run(threads);
        assert_eq!(one.0, many.0, "{threads} threads");
        assert_eq!(one.1, many.1);
        assert_eq!(one.2, many.2);
        assert_eq!(
            (one.3, one.4, one.5, one.6),
            (many.3, many.4, many.5, many.6)
        );
    }
    ndcore::threads::set_num_threads(0);
    // And the eager result, bit for bit.
    assert_eq!(one.0, &(&(&x * &x) - &(3.0 * &x)) + 4.0);
}

#[test]
fn deep_expressions_type_check_in_linear_time() {
    // Twenty-one operations deep. While `Expr` had a lifetime parameter, type-checking an
    // expression took time exponential in its depth (4-5 times longer per operation: one
    // of eleven took 53 s to build); this one would not finish.
    let x = linspace(-1.0, 1.0, 11);
    let l = x.lazy();
    let h = (l + 1.0).abs() * 0.5;
    let h = (h * l - 2.0).abs() * 0.5;
    let h = (h * l + 3.0).abs() * 0.5;
    let h = (h * l - 4.0).abs() * 0.5;
    let h = (h * l + 5.0).abs() * 0.5;
    let h = (h * l - 6.0).abs() * 0.5;
    let e = h.sqrt();
    let want: Vec<f64> = x
        .iter()
        .map(|&v: &f64| {
            // `a - b` is `a + (-b)` exactly, in IEEE arithmetic.
            let mut h = (v + 1.0).abs() * 0.5;
            for c in [-2.0, 3.0, -4.0, 5.0, -6.0] {
                h = (h * v + c).abs() * 0.5;
            }
            h.sqrt()
        })
        .collect();
    assert_eq!(e.eval().unwrap().to_vec(), want);
}
