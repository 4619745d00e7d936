//! Unit tests of the reduction kernels over odd layouts (negative, zero and non-unit
//! strides, transposes, empty and 0-d arrays), deterministic so that they also run under
//! AddressSanitizer (`cargo xtask test`), which watches the pointer arithmetic.

use super::Reduce;
use ndcore::prelude::*;

/// Views of `a` (a 3-d array) in many layouts, each with a label.
fn layouts(a: &ArrayD<f64>) -> Vec<(String, ArrayViewD<'_, f64>)> {
    let mut out = vec![("plain".to_string(), a.view())];
    let steps = [1isize, -1, 2, -2];
    for &s0 in &steps {
        for &s2 in &steps {
            let sl = [
                Slice::new(None, None, s0).into(),
                SliceInfoElem::FULL,
                Slice::new(None, None, s2).into(),
            ];
            let v = a.slice(&sl);
            out.push((format!("steps {s0},{s2}"), v.clone()));
            let mut t = v;
            t.swap_axes(0, 2).unwrap();
            out.push((format!("steps {s0},{s2} swapped"), t));
        }
    }
    out
}

/// The naive reduction over `mask` with `f`, in C order of the kept axes.
fn naive(
    v: &ArrayViewD<'_, f64>,
    mask: &[bool],
    init: f64,
    f: impl Fn(f64, f64) -> f64,
) -> Vec<f64> {
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
    out
}

#[test]
fn every_layout_and_axis_set_matches_the_naive_fold() {
    // Integer values: sums are exact in any order, so results must match exactly. The
    // middle axis is long enough for pairwise blocks and grouped rows to kick in.
    for shape in [[3usize, 70, 5], [40, 3, 2], [2, 300, 1], [0, 4, 3]] {
        let a = Array::from_fn(shape.to_vec(), |i| {
            ((i[0] * 7 + i[1] * 3 + i[2]) % 11) as f64 - 5.0
        });
        for (label, v) in layouts(&a) {
            for bits in 0u8..8 {
                let mask: Vec<bool> = (0..3).map(|k| bits >> k & 1 == 1).collect();
                let axes: Vec<isize> = (0..3).filter(|&k| mask[k]).map(|k| k as isize).collect();
                let s = v.sum_axes(&axes, false).unwrap();
                assert_eq!(
                    s.to_vec(),
                    naive(&v, &mask, 0.0, |a, b| a + b),
                    "{label} sum {axes:?}"
                );
                let count: usize = v
                    .shape()
                    .iter()
                    .zip(&mask)
                    .filter(|(_, r)| **r)
                    .map(|(n, _)| n)
                    .product();
                if count > 0 {
                    let m = v.max_axes(&axes, true).unwrap();
                    assert_eq!(
                        m.to_vec(),
                        naive(&v, &mask, f64::NEG_INFINITY, f64::max),
                        "{label} max"
                    );
                    let var = v.var_axes(&axes, 0.0, false).unwrap();
                    assert!(
                        var.iter().all(|x| x.is_finite() && *x >= 0.0),
                        "{label} var"
                    );
                }
                let c = v.count_nonzero_axes(&axes, false).unwrap();
                let want: Vec<i64> =
                    naive(&v, &mask, 0.0, |a, b| a + f64::from(u8::from(b != 0.0)))
                        .iter()
                        .map(|&x| x as i64)
                        .collect();
                assert_eq!(c.to_vec(), want, "{label} count");
            }
            for ax in 0..3 {
                let cs = v.cumsum_axis(Axis(ax)).unwrap();
                let got: Vec<Vec<f64>> = cs.lanes(Axis(ax)).map(|l| l.to_vec()).collect();
                let want: Vec<Vec<f64>> = v
                    .lanes(Axis(ax))
                    .map(|l| {
                        l.iter()
                            .scan(0.0, |s, &x| {
                                *s += x;
                                Some(*s)
                            })
                            .collect()
                    })
                    .collect();
                assert_eq!(got, want, "{label} cumsum {ax}");
                if v.shape()[ax] > 0 {
                    let am = v.argmax_axis(Axis(ax)).unwrap();
                    let want: Vec<i64> = v
                        .lanes(Axis(ax))
                        .map(|l| {
                            let m = l.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                            l.iter().position(|&x| x == m).unwrap() as i64
                        })
                        .collect();
                    assert_eq!(am.to_vec(), want, "{label} argmax {ax}");
                }
            }
            assert_eq!(v.sum(), v.iter().sum::<f64>(), "{label} full sum");
        }
    }
}

#[test]
fn broadcast_and_zero_d_inputs() {
    let row = arange(5.0f64);
    let b = row.broadcast_to([4, 5]).unwrap();
    assert_eq!(b.sum(), 40.0);
    assert_eq!(
        b.sum_axis(Axis(0)).unwrap().to_vec(),
        vec![0.0, 4.0, 8.0, 12.0, 16.0]
    );
    assert_eq!(b.sum_axis(Axis(1)).unwrap().to_vec(), vec![10.0; 4]);
    assert_eq!(b.mean_axes([0], true).unwrap().to_vec(), row.to_vec());
    assert_eq!(b.var_axis(Axis(0), 0.0).unwrap().to_vec(), vec![0.0; 5]);
    let z = Array::full([], 3.5f64);
    assert_eq!(z.sum(), 3.5);
    assert_eq!(z.sum_axes([], false).unwrap().to_vec(), vec![3.5]);
    assert_eq!(z.max().unwrap(), 3.5);
    assert_eq!(z.argmax().unwrap(), 0);
    assert_eq!(z.cumsum().to_vec(), vec![3.5]);
    assert!(z.sum_axis(Axis(0)).is_err());
}
