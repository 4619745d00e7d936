//! Unit tests of the statistics: the quantile methods against hand-worked values and a
//! naive sort-based reference (property tests).

use super::quantile::{lane_quantiles, select_all};
use super::*;
use ndcore::prelude::*;
use proptest::prelude::*;

/// NumPy's quantile of sorted data, written directly from its definitions for the linear
/// method: `(n - 1) * q` split into floor and fraction.
fn naive_linear(sorted: &[f64], q: f64) -> f64 {
    let n = sorted.len();
    let vi = (n as f64 - 1.0) * q;
    if vi >= n as f64 - 1.0 {
        return sorted[n - 1];
    }
    let lo = vi.floor() as usize;
    let g = vi - lo as f64;
    let (a, b) = (sorted[lo], sorted[lo + 1]);
    if g >= 0.5 {
        b - (b - a) * (1.0 - g)
    } else {
        a + (b - a) * g
    }
}

fn naive_median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    }
}

#[test]
fn methods_by_hand() {
    // np.quantile(np.arange(10.), 0.33, method=m) for each method (NumPy 2.4).
    let x = arange(10.0);
    let want = [
        ("inverted_cdf", 3.0),
        ("averaged_inverted_cdf", 3.0),
        ("closest_observation", 2.0),
        ("interpolated_inverted_cdf", 2.3),
        ("hazen", 2.8),
        ("weibull", 2.63),
        ("linear", 2.97),
        ("median_unbiased", 2.7433333333333336),
        ("normal_unbiased", 2.7575),
        ("lower", 2.0),
        ("higher", 3.0),
        ("midpoint", 2.5),
        ("nearest", 3.0),
    ];
    for (name, v) in want {
        let m: QuantileMethod = name.parse().unwrap();
        let got: f64 = quantile_with(&x, 0.33, None, m).unwrap()[[]];
        assert!((got - v).abs() < 1e-12, "{name}: {got} vs {v}");
    }
}

#[test]
fn select_all_matches_sort() {
    let mut v: Vec<i64> = (0..100).map(|i| (i * 37) % 101).collect();
    let mut s = v.clone();
    s.sort();
    select_all(&mut v, &[3, 50, 99]);
    assert_eq!((v[3], v[50], v[99]), (s[3], s[50], s[99]));
}

#[test]
fn empty_and_nan_lanes() {
    let e = quantile(&Array1::<f64>::zeros(0), 0.5, None).unwrap_err();
    assert_eq!(
        e.to_string(),
        "index -1 is out of bounds for axis 0 with size 0"
    );
    assert!(median(&Array1::<f64>::zeros(0), None).unwrap()[[]].is_nan());
    let mut v = vec![1.0, f64::NAN];
    assert!(lane_quantiles(&mut v, &[0.0, 1.0], QuantileMethod::Lower).unwrap()[0].is_nan());
}

#[test]
fn huge_counts_are_errors_not_aborts() {
    let e = bincount(&array![i64::MAX], 0).unwrap_err();
    assert!(e.to_string().starts_with("array is too big"), "{e}");
    assert!(histogram(&array![1.0, 2.0], usize::MAX).is_err());
}

#[test]
fn zero_d_and_strided_inputs() {
    let z = Array::from_shape_vec(Vec::<usize>::new(), vec![4.0]).unwrap();
    assert_eq!(median(&z, None).unwrap()[[]], 4.0);
    assert!(median(&z, Some(0)).is_err());
    let x = arange(12.0).into_shape([3, 4]).unwrap();
    let v = x.slice(s![..;-1, ..;2]);
    assert_eq!(median(&v, Some(1)).unwrap().to_vec(), vec![9.0, 5.0, 1.0]);
    assert_eq!(nanargmax(&v, None).unwrap()[[]], 1);
    assert_eq!(nanargmin(&v.t(), None).unwrap()[[]], 2);
}

proptest! {
    #[test]
    fn median_matches_sorting(v in prop::collection::vec(-1e6f64..1e6, 1..200)) {
        let mut s = v.clone();
        s.sort_by(f64::total_cmp);
        let got = median(&Array1::from_vec(v), None).unwrap()[[]];
        prop_assert_eq!(got.to_bits(), naive_median(&s).to_bits());
    }

    #[test]
    fn linear_quantile_matches_sorting(
        v in prop::collection::vec(-1e6f64..1e6, 1..200),
        q in prop::collection::vec(0.0f64..=1.0, 1..6),
    ) {
        let mut s = v.clone();
        s.sort_by(f64::total_cmp);
        let got = quantile(&Array1::from_vec(v), q.clone(), None).unwrap();
        for (g, &qq) in got.iter().zip(&q) {
            prop_assert_eq!(g.to_bits(), naive_linear(&s, qq).to_bits());
        }
    }

    #[test]
    fn discrete_methods_pick_sorted_values(
        v in prop::collection::vec(-1000i64..1000, 1..100),
        q in 0.0f64..=1.0,
    ) {
        let mut s = v.clone();
        s.sort();
        let n = s.len();
        let x = Array1::from_vec(v);
        let lower = quantile_with(&x, q, None, QuantileMethod::Lower).unwrap()[[]];
        let higher = quantile_with(&x, q, None, QuantileMethod::Higher).unwrap()[[]];
        let vi = (n as f64 - 1.0) * q;
        prop_assert_eq!(lower, s[vi.floor() as usize] as f64);
        prop_assert_eq!(higher, s[vi.ceil() as usize] as f64);
    }

    /// Selection answers as a full sort does, for every method and several q at once
    /// (the multi-index select_all path and the single-index one).
    #[test]
    fn selection_equals_sorting_for_every_method(
        v in prop::collection::vec(-50i64..50, 1..120),
        q in prop::collection::vec(0.0f64..=1.0, 1..24),
    ) {
        let mut sorted = v.clone();
        sorted.sort();
        for m in QuantileMethod::ALL {
            let want = lane_quantiles(&mut sorted.clone(), &q, m).unwrap();
            let got = lane_quantiles(&mut v.clone(), &q, m).unwrap();
            prop_assert_eq!(&got, &want, "{:?}", m);
            let (lo, hi) = (sorted[0] as f64, sorted[sorted.len() - 1] as f64);
            prop_assert!(got.iter().all(|&g| g >= lo && g <= hi), "{:?}", m);
            for &qq in &q {
                let one = lane_quantiles(&mut v.clone(), &[qq], m).unwrap();
                let k = q.iter().position(|&x| x == qq).unwrap();
                prop_assert_eq!(one[0], got[k]);
            }
        }
    }

    /// The nan-skipping statistics are the plain ones of the values that are not nan.
    #[test]
    fn nan_statistics_skip_nans(
        v in prop::collection::vec(prop_oneof![3 => -100f64..100.0, 1 => Just(f64::NAN)], 1..60),
    ) {
        let kept: Vec<f64> = v.iter().copied().filter(|x| !x.is_nan()).collect();
        let x = Array1::from_vec(v.clone());
        let med = nanmedian(&x, None).unwrap()[[]];
        let q = nanquantile(&x, [0.2, 0.7], None).unwrap();
        if kept.is_empty() {
            prop_assert!(med.is_nan() && q.iter().all(|v| v.is_nan()));
            prop_assert!(nanargmin(&x, None).is_err());
        } else {
            let k = Array1::from_vec(kept.clone());
            prop_assert_eq!(med.to_bits(), median(&k, None).unwrap()[[]].to_bits());
            prop_assert_eq!(q.to_vec(), quantile(&k, [0.2, 0.7], None).unwrap().to_vec());
            let mn = kept.iter().copied().fold(f64::INFINITY, f64::min);
            prop_assert_eq!(nanmin(&x, None).unwrap()[[]], mn);
            let i = nanargmin(&x, None).unwrap()[[]] as usize;
            prop_assert_eq!(v[i], mn);
            prop_assert!(v[..i].iter().all(|&y| y.is_nan() || y > mn));
        }
    }

    /// isclose is NumPy's formula element by element, asymmetric in b.
    #[test]
    fn isclose_is_numpys_formula(
        a in prop::collection::vec(-2f64..2.0, 8),
        b in prop::collection::vec(-2f64..2.0, 8),
        rtol in 0f64..0.5,
        atol in 0f64..0.5,
    ) {
        let t = crate::close::Tol { rtol, atol, equal_nan: false };
        let (x, y) = (Array1::from_vec(a.clone()), Array1::from_vec(b.clone()));
        let c = crate::close::isclose_with(&x, &y, t).unwrap();
        for ((&u, &v), &got) in a.iter().zip(&b).zip(c.iter()) {
            prop_assert_eq!(got, (u - v).abs() <= atol + rtol * v.abs());
        }
        prop_assert_eq!(crate::close::allclose_with(&x, &y, t).unwrap(), c.iter().all(|&g| g));
    }

    #[test]
    fn quantile_along_axis_is_per_lane(v in prop::collection::vec(-10f64..10.0, 12)) {
        let x = Array::from_shape_vec([3, 4], v).unwrap();
        let r = quantile(&x, [0.1, 0.9], Some(-2)).unwrap();
        prop_assert_eq!(r.shape(), &[2, 4]);
        for j in 0..4 {
            let col = x.column(j as isize).to_owned();
            let c = quantile(&col, [0.1, 0.9], None).unwrap();
            prop_assert_eq!(r[[0, j]], c[[0]]);
            prop_assert_eq!(r[[1, j]], c[[1]]);
        }
    }
}
