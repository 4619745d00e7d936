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
    // Along axis 0 of a matrix, rows are combined pairwise too (NumPy adds them in
    // order): 1000 rows of 0.1 stay within a few ulps of 100.
    let m = Array::full([1000, 3], 0.1f64);
    for s in m.sum_axis(Axis(0)).unwrap().iter() {
        assert!((s - 100.0).abs() < 1e-13, "{s}");
    }
}

#[test]
fn rows_combined_pairwise_stay_exact_on_integers() {
    // Integer-valued floats: every partial sum is exact, so any order must give the naive
    // column sums; covers groups of 8 rows, odd tails and several merge levels.
    for (rows, cols) in [
        (9usize, 3usize),
        (17, 1),
        (64, 4),
        (100, 5),
        (1000, 7),
        (1025, 2),
    ] {
        let x = Array::from_fn([rows, cols], |i| ((i[0] * 31 + i[1] * 7) % 13) as f64 - 6.0);
        let want: Vec<f64> = (0..cols)
            .map(|j| (0..rows).map(|r| x[[r, j]]).sum())
            .collect();
        assert_eq!(x.sum_axis(Axis(0)).unwrap().to_vec(), want, "{rows}x{cols}");
        let means: Vec<f64> = want.iter().map(|s| s / rows as f64).collect();
        assert_eq!(x.mean_axes([0], true).unwrap().to_vec(), means);
        // Reversed rows and a strided view of the same data.
        let rev = x.slice(&[Slice::new(None, None, -1).into(), SliceInfoElem::FULL]);
        assert_eq!(rev.sum_axis(Axis(0)).unwrap().to_vec(), want);
        let y = Array::from_fn([rows, 2, cols], |i| x[[i[0], i[2]]] * (i[1] as f64 + 1.0));
        let s = y.sum_axes([0], false).unwrap();
        let w2: Vec<f64> = [1.0, 2.0]
            .iter()
            .flat_map(|k| want.iter().map(move |w| w * k))
            .collect();
        assert_eq!(s.to_vec(), w2);
    }
}

#[test]
fn axis0_sums_are_pairwise_not_sequential() {
    // 100_003 rows of 3 ill-conditioned columns: NumPy adds rows one after another; nd
    // combines them pairwise and stays within the pairwise bound of each column.
    let n = 100_003;
    let cols: Vec<Vec<f64>> = (0..3)
        .map(|k| ill_conditioned(n + k)[..n].to_vec())
        .collect();
    let x = Array::from_fn([n, 3], |i| cols[i[1]][i[0]]);
    let got = x.sum_axis(Axis(0)).unwrap();
    for (j, col) in cols.iter().enumerate() {
        let exact = neumaier(col.iter().copied());
        let abs_sum: f64 = col.iter().map(|v| v.abs()).sum();
        let err = (got[j] - exact).abs();
        assert!(err <= 32.0 * f64::EPSILON * abs_sum, "column {j}: {err:e}");
    }
    // Where a sequential sum drifts (a million tenths), rows combined pairwise do not.
    let t = Array::full([1_000_000, 3], 0.1f64);
    let seq = (0..1_000_000).fold(0.0f64, |s, _| s + 0.1);
    assert!((seq - 100_000.0).abs() > 1e-6);
    for v in t.sum_axis(Axis(0)).unwrap().iter() {
        assert!((v - 100_000.0).abs() < 1e-8, "{v}");
    }
}
