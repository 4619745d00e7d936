//! Accuracy of float sums: ndops sums a run with NumPy's pairwise algorithm (the same bits
//! as NumPy on long arrays), and its error on ill-conditioned data stays within the
//! pairwise bound, measured against a compensated (Neumaier) sum.

use nd_tests::goldens::read_golden;
use ndcore::prelude::*;
use ndops::reduce::Reduce;

/// Neumaier's compensated sum: error about one rounding of the result, whatever the order.
fn neumaier(xs: impl Iterator<Item = f64>) -> f64 {
    let (mut s, mut c) = (0.0f64, 0.0f64);
    for x in xs {
        let t = s + x;
        c += if s.abs() >= x.abs() {
            (s - t) + x
        } else {
            (x - t) + s
        };
        s = t;
    }
    s + c
}

/// The recipe of `long_sums.txt` in `scripts/goldens/reductions.py`.
fn long_input() -> Array1<f64> {
    let scales = [1e-4, 1e-3, 1e-2, 1e-1, 1.0, 1e1, 1e2, 1e3, 1e4];
    let v = (0..100_003usize)
        .map(|i| ((i * 7919) % 1000) as f64 - 500.0)
        .enumerate()
        .map(|(i, m)| m / 7.0 * scales[i % 9])
        .collect();
    Array1::from_vec(v)
}

#[test]
fn long_sums_have_numpys_bits() {
    let v = long_input();
    let golden = read_golden("reductions/long_sums.txt");
    let want = |name: &str| -> Vec<f64> {
        let line = golden
            .lines()
            .find(|l| l.starts_with(&format!("{name} |")))
            .unwrap_or_else(|| panic!("no {name}"));
        line.split(" | ")
            .nth(1)
            .unwrap()
            .split(' ')
            .map(|s| s.parse().unwrap())
            .collect()
    };
    let step3 = v.slice(&[Slice::new(None, None, 3).into()]);
    let rev = v.slice(&[Slice::new(None, None, -1).into()]);
    let rows = v.slice(&[Slice::new(None, Some(100_002), 1).into()]);
    let rows = rows.reshape([2, 50_001]).unwrap();
    let f32s = v.map(|&x| x as f32);
    let same = |got: f64, name: &str| {
        let w = want(name)[0];
        assert_eq!(got.to_bits(), w.to_bits(), "{name}: {got:?} vs NumPy {w:?}");
    };
    same(v.sum(), "contiguous");
    same(step3.sum(), "step3");
    same(rev.sum(), "reversed");
    same(f64::from(f32s.sum()), "f32");
    same(v.mean(), "mean");
    let r = rows.sum_axis(Axis(1)).unwrap().to_vec();
    assert_eq!(r, want("axis1_rows"));
    // var: NumPy's two passes; within an ulp (the mean's division order is the same,
    // the squares' sum is pairwise in both).
    let (g, w) = (v.var(0.0), want("var")[0]);
    assert!((g - w).abs() <= 2.0 * f64::EPSILON * w, "{g} vs {w}");
}

/// Ill-conditioned data: terms of magnitudes 1e-8…1e8 whose sum nearly cancels.
fn ill_conditioned(n: usize) -> Vec<f64> {
    let mut v: Vec<f64> = (0..n)
        .map(|i| {
            let m = ((i * 7919) % 2001) as f64 - 1000.0;
            m / 3.0 * 10f64.powi((i % 17) as i32 - 8)
        })
        .collect();
    // Cancel most of the sum: the result is tiny next to Σ|x|.
    let s = neumaier(v.iter().copied());
    v[n / 2] -= s;
    v
}

#[test]
fn pairwise_error_within_its_bound_on_ill_conditioned_data() {
    for n in [1_000usize, 100_003, 1_000_000] {
        let v = ill_conditioned(n);
        let exact = neumaier(v.iter().copied());
        let abs_sum: f64 = v.iter().map(|x| x.abs()).sum();
        let x = Array1::from_vec(v.clone());
        // Pairwise: error ≤ (log2(n / 128) + 1 + 128/8 … ) ε Σ|x|; 32 ε Σ|x| covers it.
        let bound = 32.0 * f64::EPSILON * abs_sum;
        let err = (x.sum() - exact).abs();
        assert!(err <= bound, "n = {n}: error {err:e} > {bound:e}");
        // A sequential loop is much worse on the same data, so the test can tell.
        let seq_err = (v.iter().fold(0.0, |s, &x| s + x) - exact).abs();
        // Strided, reversed and 2-d layouts keep the bound.
        let strided = x.slice(&[Slice::new(None, None, -2).into()]);
        let want = neumaier(strided.iter().copied());
        let abs2: f64 = strided.iter().map(|x| x.abs()).sum();
        assert!((strided.sum() - want).abs() <= 32.0 * f64::EPSILON * abs2);
        if n == 1_000_000 {
            assert!(
                seq_err > 4.0 * err,
                "sequential {seq_err:e} vs pairwise {err:e}"
            );
            let m = x.reshape([1000, 1000]).unwrap();
            let t = m.t();
            assert!((t.sum() - exact).abs() <= bound, "transposed");
            // Non-mergeable runs (a column slice) are combined pairwise too.
            let half = m.slice(&[SliceInfoElem::FULL, Slice::new(None, Some(500), 1).into()]);
            let want = neumaier(half.iter().copied());
            let abs_h: f64 = half.iter().map(|x| x.abs()).sum();
            assert!((half.sum() - want).abs() <= 32.0 * f64::EPSILON * abs_h);
        }
    }
}

#[test]
fn tenths_sum_like_numpy_not_like_a_loop() {
    // Σ 0.1 × 1e6: a sequential loop is off by ~1e-6 relative; pairwise by a few ulps.
    let x = Array::full(1_000_000, 0.1f64);
    let exact = 100_000.0;
    assert!((x.sum() - exact).abs() <= 1e-9, "{}", x.sum());
    let looped = x.iter().fold(0.0, |s, &v| s + v);
    assert!((looped - exact).abs() > 1e-6);
    // Float32: pairwise keeps ~1e-6 relative where a loop drifts by percent.
    let y = Array::full(1_000_000, 0.1f32);
    assert!(
        (f64::from(y.sum()) - exact).abs() / exact < 1e-5,
        "{}",
        y.sum()
    );
    // Along axis 0 of a matrix (rows accumulated), the result is NumPy's too: sequential
    // over rows, pairwise within none; 1000 rows of 0.1 stay within 1000 ulps.
    let m = Array::full([1000, 3], 0.1f64);
    for s in m.sum_axis(Axis(0)).unwrap().iter() {
        assert!((s - 100.0).abs() < 1e-11);
    }
}
