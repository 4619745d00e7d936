//! Unit tests of the selection kernels with unsafe loops (`where_`, `diff`) and the copying
//! ones, over odd layouts, so that they also run under AddressSanitizer.

use super::{Select, concatenate, stack, where_};
use ndcore::prelude::*;

#[test]
fn where_and_diff_over_odd_layouts() {
    let a = Array::from_fn([4, 6], |i| (i[0] * 6 + i[1]) as i64);
    for s0 in [1isize, -1, 2, -2] {
        for s1 in [1isize, -1, 3, -3] {
            let v = a.slice(&[
                Slice::new(None, None, s0).into(),
                Slice::new(None, None, s1).into(),
            ]);
            for t in [false, true] {
                let v = if t { v.t() } else { v.view() };
                let cond = v.map(|&x| x % 3 == 0);
                let neg = v.map(|&x| -x);
                let got = where_(&cond, &v, &neg).unwrap();
                let want: Vec<i64> = v.iter().map(|&x| if x % 3 == 0 { x } else { -x }).collect();
                assert_eq!(got.to_vec(), want);
                // A broadcast row against the full array.
                let row = v.index_axis(Axis(0), 0).unwrap();
                let got = where_(&cond, &row, &v).unwrap();
                assert_eq!(got.shape(), v.shape());
                for ax in 0..2 {
                    let d = v.diff(1, Axis(ax)).unwrap();
                    let lanes: Vec<Vec<i64>> = v.lanes(Axis(ax)).map(|l| l.to_vec()).collect();
                    let want: Vec<Vec<i64>> = lanes
                        .iter()
                        .map(|l| l.windows(2).map(|w| w[1] - w[0]).collect())
                        .collect();
                    let got: Vec<Vec<i64>> = d.lanes(Axis(ax)).map(|l| l.to_vec()).collect();
                    assert_eq!(got, want);
                }
                let m = v.map(|&x| x % 2 == 0);
                let sel = v.masked(&m).unwrap();
                assert_eq!(
                    sel.to_vec(),
                    v.iter().copied().filter(|x| x % 2 == 0).collect::<Vec<_>>()
                );
            }
        }
    }
}

#[test]
fn joins_and_takes_of_views() {
    let a = Array::from_fn([3, 4], |i| (i[0] * 4 + i[1]) as f64);
    let t = a.t();
    let c = concatenate(&[t.view(), t.view()], Axis(1)).unwrap();
    assert_eq!(c.shape(), &[4, 6]);
    assert_eq!(c.row(1).to_vec(), vec![1.0, 5.0, 9.0, 1.0, 5.0, 9.0]);
    let s = stack(&[t.view(), t.view()], Axis(1)).unwrap();
    assert_eq!(s.shape(), &[4, 2, 3]);
    let idx = Array::from_vec(vec![-1i64, 0]);
    assert_eq!(
        t.take(&idx, Some(Axis(0))).unwrap().to_vec(),
        vec![3.0, 7.0, 11.0, 0.0, 4.0, 8.0]
    );
    let e = Array::<f64, _>::zeros([0, 3]);
    assert_eq!(e.diff(1, Axis(0)).unwrap().shape(), &[0, 3]);
    assert_eq!(e.diff(2, Axis(1)).unwrap().shape(), &[0, 1]);
}
