//! Property tests: every reduction of ndops on random shapes and layouts (negative,
//! zero and non-unit strides, transposes, empty and 0-d arrays) against a naive
//! reference that walks `indexed_iter`.

use ndcore::prelude::*;
use ndops::reduce::Reduce;
use proptest::prelude::*;

#[path = "ops_layouts.rs"]
mod layouts;

use layouts::{layout, with_view};

/// The naive reduction of `v` over the axes in `mask`: (result shape, values in C order).
fn naive<T: Copy, A: Copy>(
    v: &ArrayViewD<'_, T>,
    mask: &[bool],
    init: A,
    f: impl Fn(A, T) -> A,
) -> (Vec<usize>, Vec<A>) {
    let shape: Vec<usize> = v
        .shape()
        .iter()
        .zip(mask)
        .filter(|(_, r)| !**r)
        .map(|(&n, _)| n)
        .collect();
    let mut out = vec![init; shape.iter().product()];
    for (idx, &x) in v.indexed_iter() {
        let mut flat = 0;
        for ((&i, &n), &r) in idx.iter().zip(v.shape()).zip(mask) {
            if !r {
                flat = flat * n + i;
            }
        }
        out[flat] = f(out[flat], x);
    }
    (shape, out)
}

/// A random subset of axes as a mask and as (possibly negative) axis numbers.
fn axes_of(ndim: usize, bits: u8, neg: bool) -> (Vec<bool>, Vec<isize>) {
    let mask: Vec<bool> = (0..ndim).map(|k| bits >> k & 1 == 1).collect();
    let axes = (0..ndim)
        .filter(|&k| mask[k])
        .map(|k| {
            if neg {
                k as isize - ndim as isize
            } else {
                k as isize
            }
        })
        .collect();
    (mask, axes)
}

fn small_ints() -> impl Strategy<Value = Vec<i64>> {
    prop::collection::vec(-3i64..=3, 1..40)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn sums_products_counts_match_naive(l in layout(), vals in small_ints(), bits: u8, neg: bool) {
        with_view(&l, &vals, |v| -> Result<(), TestCaseError> {
        let (mask, axes) = axes_of(v.ndim(), bits, neg);
        let all = vec![true; v.ndim()];

        // i64: exact in any order.
        let (shape, want) = naive(&v, &mask, 0i64, |s, x| s.wrapping_add(x));
        let got = v.sum_axes(&axes, false).unwrap();
        prop_assert_eq!(got.shape(), shape.as_slice());
        prop_assert_eq!(got.to_vec(), want);
        prop_assert_eq!(v.sum(), naive(&v, &all, 0i64, |s, x| s + x).1[0]);

        let (_, want) = naive(&v, &mask, 1i64, |s, x| s.wrapping_mul(x));
        prop_assert_eq!(v.prod_axes(&axes, false).unwrap().to_vec(), want);
        let (_, want) = naive(&v, &mask, 0i64, |s, x| s + i64::from(x != 0));
        prop_assert_eq!(v.count_nonzero_axes(&axes, false).unwrap().to_vec(), want);
        prop_assert_eq!(v.count_nonzero() as i64, naive(&v, &all, 0i64, |s, x| s + i64::from(x != 0)).1[0]);

        // f64 of small integers: every partial sum is exact, so the order cannot show.
        let f = v.map(|&x| x as f64);
        let fv = f.view();
        let (_, want) = naive(&fv, &mask, 0.0, |s, x| s + x);
        prop_assert_eq!(fv.sum_axes(&axes, true).unwrap().to_vec(), want.clone());
        let count: usize = v.shape().iter().zip(&mask).filter(|(_, r)| **r).map(|(n, _)| n).product();
        let means: Vec<f64> = want.iter().map(|s| s / count as f64).collect();
        let got = v.mean_axes(&axes, false).unwrap().to_vec();
        prop_assert_eq!(format!("{got:?}"), format!("{means:?}"));
        Ok(())
        })?;
    }

    #[test]
    fn variances_match_naive(l in layout(), vals in small_ints(), bits: u8, ddof in 0usize..3) {
        with_view(&l, &vals, |v| -> Result<(), TestCaseError> {
        let (mask, axes) = axes_of(v.ndim(), bits, false);
        let (_, sums) = naive(&v, &mask, 0.0, |s, x| s + x as f64);
        let count: usize = v.shape().iter().zip(&mask).filter(|(_, r)| **r).map(|(n, _)| n).product();
        // Two passes, as the definition: Σ (x - mean)² / max(n - ddof, 0).
        let got = v.var_axes(&axes, ddof as f64, false).unwrap();
        let mut dev = vec![0.0; sums.len()];
        for (idx, &x) in v.indexed_iter() {
            let mut flat = 0;
            for ((&i, &n), &r) in idx.iter().zip(v.shape()).zip(&mask) {
                if !r { flat = flat * n + i; }
            }
            let d = x as f64 - sums[flat] / count as f64;
            dev[flat] += d * d;
        }
        let dof = (count as f64 - ddof as f64).max(0.0);
        for (g, d) in got.iter().zip(&dev) {
            let w = d / dof;
            prop_assert!(
                (g.is_nan() && w.is_nan()) || g == &w || (g - w).abs() <= 1e-12 * w.abs().max(1.0),
                "{} vs {}", g, w
            );
        }
        let sd = v.std_axes(&axes, ddof as f64, false).unwrap();
        for (s, g) in sd.iter().zip(got.iter()) {
            prop_assert!(s.to_bits() == g.sqrt().to_bits());
        }
        Ok(())
        })?;
    }

    #[test]
    fn extremes_match_naive(l in layout(), vals in small_ints(), bits: u8, nan_at in 0usize..60) {
        with_view(&l, &vals, |v| -> Result<(), TestCaseError> {
        let (mask, axes) = axes_of(v.ndim(), bits, true);
        let count: usize = v.shape().iter().zip(&mask).filter(|(_, r)| **r).map(|(n, _)| n).product();
        let got = v.max_axes(&axes, false);
        if count == 0 {
            prop_assert_eq!(
                got.unwrap_err().to_string(),
                "zero-size array to reduction operation maximum which has no identity"
            );
        } else {
            prop_assert_eq!(got.unwrap().to_vec(), naive(&v, &mask, i64::MIN, i64::max).1);
            prop_assert_eq!(v.min_axes(&axes, true).unwrap().to_vec(), naive(&v, &mask, i64::MAX, i64::min).1);
        }
        // Floats with one nan: it wins every max/min it takes part in.
        let mut f = v.map(|&x| x as f64);
        if let Some(e) = f.iter_mut().nth(nan_at) { *e = f64::NAN; }
        if count > 0 {
            let nanmax = |s: f64, x: f64| if s.is_nan() || x.is_nan() { f64::NAN } else { s.max(x) };
            let want = naive(&f.view(), &mask, f64::NEG_INFINITY, nanmax).1;
            let got = f.max_axes(&axes, false).unwrap().to_vec();
            prop_assert_eq!(format!("{got:?}"), format!("{want:?}"));
        }
        // Arg-reductions over everything: the first extreme, or the first nan, in C order.
        let flat: Vec<f64> = f.iter().copied().collect();
        match f.argmax() {
            Err(e) => prop_assert!(flat.is_empty() && e.to_string() == "attempt to get argmax of an empty sequence"),
            Ok(i) => {
                let want = flat.iter().position(|x| x.is_nan()).unwrap_or_else(|| {
                    let m = flat.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                    flat.iter().position(|&x| x == m).unwrap()
                });
                prop_assert_eq!(i, want);
            }
        }
        Ok(())
        })?;
    }

    #[test]
    fn arg_and_cumulative_along_each_axis(l in layout(), vals in small_ints(), axis in 0usize..5) {
        with_view(&l, &vals, |v| -> Result<(), TestCaseError> {
        if v.ndim() == 0 {
            prop_assert!(v.argmax_axis(Axis(0)).is_err());
            prop_assert_eq!(v.cumsum().to_vec(), v.iter().copied().collect::<Vec<_>>());
            return Ok(());
        }
        let ax = axis % v.ndim();
        let lanes: Vec<Vec<i64>> = v.lanes(Axis(ax)).map(|l| l.to_vec()).collect();
        // argmin/argmax: one per lane, in the lanes' (C) order.
        match v.argmin_axis(Axis(ax)) {
            Err(_) => prop_assert_eq!(v.shape()[ax], 0),
            Ok(got) => {
                let want: Vec<i64> = lanes.iter().map(|l| {
                    let m = l.iter().min().unwrap();
                    l.iter().position(|x| x == m).unwrap() as i64
                }).collect();
                prop_assert_eq!(got.to_vec(), want);
            }
        }
        // cumsum along the axis: each lane's running sum, written back along the axis.
        let got = v.cumsum_axis(Axis(ax)).unwrap();
        prop_assert_eq!(got.shape(), v.shape());
        let got_lanes: Vec<Vec<i64>> = got.lanes(Axis(ax)).map(|l| l.to_vec()).collect();
        let want_lanes: Vec<Vec<i64>> = lanes.iter().map(|l| {
            l.iter().scan(0i64, |s, &x| { *s += x; Some(*s) }).collect()
        }).collect();
        prop_assert_eq!(got_lanes, want_lanes);
        let got = v.cumprod_axis(Axis(ax)).unwrap();
        let got_lanes: Vec<Vec<i64>> = got.lanes(Axis(ax)).map(|l| l.to_vec()).collect();
        let want_lanes: Vec<Vec<i64>> = lanes.iter().map(|l| {
            l.iter().scan(1i64, |s, &x| { *s = s.wrapping_mul(x); Some(*s) }).collect()
        }).collect();
        prop_assert_eq!(got_lanes, want_lanes);
        // Flattened: C order.
        let flat: Vec<i64> = v.iter().scan(0i64, |s, &x| { *s += x; Some(*s) }).collect();
        prop_assert_eq!(v.cumsum().to_vec(), flat);
        Ok(())
        })?;
    }
}
