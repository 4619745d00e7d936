//! `mgrid!`, `ogrid!` and `meshgrid` against NumPy 2.4's answers (each expected value was
//! printed by NumPy for the expression in the comment above it).

use ndcore::grid::{Indexing, meshgrid, meshgrid_sparse};
use ndcore::prelude::*;
use ndcore::{Array5, IxDyn};

#[test]
fn integer_grids_are_i64() {
    // np.mgrid[0:3, 0:2] -> int64 (2, 3, 2)
    let (i, j) = mgrid![0..3, 0..2].unwrap();
    let _: (&Array2<i64>, &Array2<i64>) = (&i, &j);
    assert_eq!(i.shape(), &[3, 2]);
    assert_eq!(i.to_vec(), vec![0, 0, 1, 1, 2, 2]);
    assert_eq!(j.to_vec(), vec![0, 1, 0, 1, 0, 1]);
    // np.mgrid[:3, :2][0] (start omitted)
    let (i, _) = mgrid![..3, ..2].unwrap();
    assert_eq!(i.to_vec(), vec![0, 0, 1, 1, 2, 2]);
    // np.mgrid[3:0:-1, 0:2][0]
    let (i, _) = mgrid![3..0;-1, 0..2].unwrap();
    assert_eq!(i.to_vec(), vec![3, 3, 2, 2, 1, 1]);
}

#[test]
fn float_grids_are_f64() {
    // np.mgrid[0:1:0.25, 2:0:-1]: one float makes every array float64.
    let (a, b) = mgrid![0.0..1.0;0.25, 2..0;-1].unwrap();
    let _: (&Array2<f64>, &Array2<f64>) = (&a, &b);
    assert_eq!(a.to_vec(), vec![0.0, 0.0, 0.25, 0.25, 0.5, 0.5, 0.75, 0.75]);
    assert_eq!(b.to_vec(), vec![2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0]);
    // np.mgrid[0.1:1:0.2, 0:1][0]: start + i * step.
    let (a, _) = mgrid![0.1..1.0;0.2, 0..1].unwrap();
    assert_eq!(
        a.to_vec(),
        vec![0.1, 0.30000000000000004, 0.5, 0.7000000000000001, 0.9]
    );
    // np.mgrid[0:3:0.7, 0:1][0]
    let (a, _) = mgrid![0..3;0.7, 0..1].unwrap();
    assert_eq!(a.to_vec(), vec![0.0, 0.7, 1.4, 2.0999999999999996, 2.8]);
    // np.mgrid[0:0.3:0.1, 0:1][0]: ceil(0.3 / 0.1) = ceil(2.9999999999999996) = 3.
    let (a, _) = mgrid![0..0.3;0.1, 0..1].unwrap();
    assert_eq!(a.to_vec(), vec![0.0, 0.1, 0.2]);
    // np.mgrid[1:2:0.1, 0:1][0]
    let (a, _) = mgrid![1..2;0.1, 0..1].unwrap();
    let want = [
        1.0,
        1.1,
        1.2,
        1.3,
        1.4,
        1.5,
        1.6,
        1.7000000000000002,
        1.8,
        1.9,
    ];
    assert_eq!(a.to_vec(), want);
}

#[test]
fn count_form_includes_the_stop() {
    // np.mgrid[-1:1:5j, 0:3]
    let (a, b) = mgrid![-1..1;5j, 0..3].unwrap();
    assert_eq!(a.shape(), &[5, 3]);
    assert_eq!(a.slice(s![.., 0]).to_vec(), vec![-1.0, -0.5, 0.0, 0.5, 1.0]);
    assert_eq!(b.slice(s![0, ..]).to_vec(), vec![0.0, 1.0, 2.0]);
    // np.mgrid[0:1:7j] (one slice: 1-d)
    let a = mgrid![0..1;7j].unwrap();
    let _: &Array1<f64> = &a;
    let want = [
        0.0,
        0.16666666666666666,
        0.3333333333333333,
        0.5,
        0.6666666666666666,
    ];
    assert_eq!(a.slice(s![..5]).to_vec(), want);
    assert_eq!(a[[6]], 1.0);
    // np.mgrid[0.1:0.9:9j,] (a trailing comma: a grid of one axis)
    let (a,) = mgrid![0.1..0.9;9j,].unwrap();
    let want = [
        0.1,
        0.2,
        0.30000000000000004,
        0.4,
        0.5,
        0.6,
        0.7000000000000001,
        0.8,
        0.9,
    ];
    assert_eq!(a.to_vec(), want);
    // np.mgrid[0:1:1j, 5:6]: one point is the start.
    let (a, b) = mgrid![0..1;1j, 5..6].unwrap();
    assert_eq!((a.to_vec(), b.to_vec()), (vec![0.0], vec![5.0]));
    // np.mgrid[0:1:0j, 0:2].shape[1:] == (0, 2)
    let (a, _) = mgrid![0..1;0j, 0..2].unwrap();
    assert_eq!(a.shape(), &[0, 2]);
    // A count computed at run time.
    let n = 3;
    let x = mgrid![0.0..1.0;(n)j].unwrap();
    assert_eq!(x.to_vec(), vec![0.0, 0.5, 1.0]);
}

#[test]
fn one_range_is_numpys_arange() {
    // np.mgrid[0:5], np.mgrid[10:0:-3]
    assert_eq!(mgrid![0..5].unwrap().to_vec(), vec![0, 1, 2, 3, 4]);
    assert_eq!(ogrid![10..0;-3].unwrap().to_vec(), vec![10, 7, 4, 1]);
    // np.mgrid[0.1:1:0.2]: arange's rule, start + i * ((start + step) - start).
    let a = mgrid![0.1..1.0;0.2].unwrap();
    let want = [
        0.1,
        0.30000000000000004,
        0.5000000000000001,
        0.7000000000000001,
        0.9000000000000001,
    ];
    assert_eq!(a.to_vec(), want);
    // np.mgrid[5:0] is empty; np.mgrid[0:5,] has shape (1, 5)
    assert_eq!(mgrid![5..0].unwrap().shape(), &[0]);
    let (a,) = mgrid![0..5,].unwrap();
    assert_eq!(a.shape(), &[5]);
}

#[test]
fn open_grids_broadcast_and_stay_small() {
    // np.ogrid[0:1:4j, -2:2:2, 3:4]
    let (a, b, c) = ogrid![0..1;4j, -2..2;2, 3..4].unwrap();
    assert_eq!(a.shape(), &[4, 1, 1]);
    assert_eq!(
        a.to_vec(),
        vec![0.0, 0.3333333333333333, 0.6666666666666666, 1.0]
    );
    assert_eq!((b.shape(), b.to_vec()), (&[1, 2, 1][..], vec![-2.0, 0.0]));
    assert_eq!((c.shape(), c.to_vec()), (&[1, 1, 1][..], vec![3.0]));
    // np.ogrid[5:0, 0:2]: a negative length is an empty axis here (arange) ...
    let (a, b) = ogrid![5..0, 0..2].unwrap();
    assert_eq!((a.shape(), b.shape()), (&[0, 1][..], &[1, 2][..]));
    // ... and an error for the dense grid (np.indices refuses it).
    let e = mgrid![5..0, 0..2].unwrap_err();
    assert_eq!(e.to_string(), "negative dimensions are not allowed");
    // Each open array broadcasts to the full grid, equal to mgrid's.
    let (i, j) = ogrid![0..3, 0..4].unwrap();
    let (mi, mj) = mgrid![0..3, 0..4].unwrap();
    assert_eq!(i.broadcast_to([3, 4]).unwrap().to_vec(), mi.to_vec());
    assert_eq!(j.broadcast_to([3, 4]).unwrap().to_vec(), mj.to_vec());
}

#[test]
fn bounds_from_expressions() {
    let (lo, hi, step) = (-5i32, 5usize, 3u8);
    // np.mgrid[-5:5:3, 0:1.5:0.5]
    let (a, b) = mgrid![lo..hi;step, 0..1.5;0.5].unwrap();
    assert_eq!(a.shape(), &[4, 3]);
    assert_eq!(a.slice(s![.., 0]).to_vec(), vec![-5.0, -2.0, 1.0, 4.0]);
    assert_eq!(b.slice(s![0, ..]).to_vec(), vec![0.0, 0.5, 1.0]);
    // All integer expressions: i64.
    let (a, _) = mgrid![lo..hi;step, 0..2].unwrap();
    let _: &Array2<i64> = &a;
    // A float variable makes the grid f64.
    let x = 0.5f32;
    let (a, _) = ogrid![0..2;x, 0..1].unwrap();
    assert_eq!(a.to_vec(), vec![0.0, 0.5, 1.0, 1.5]);
}

#[test]
fn errors_at_run_time() {
    let zero = 0;
    let e = mgrid![0..3;zero, 0..2].unwrap_err();
    assert!(e.to_string().contains("division by zero"), "{e}");
    let zero = 0.0;
    assert!(ogrid![0..3;zero, 0..2].is_err());
    assert!(mgrid![0..3;zero].is_err());
    let nan = f64::NAN;
    let e = mgrid![0.0..nan, 0..2].unwrap_err();
    assert_eq!(e.to_string(), "cannot convert float NaN to integer");
    let e = ogrid![0.0..f64::INFINITY, 0..2].unwrap_err();
    assert_eq!(e.to_string(), "cannot convert float infinity to integer");
    // A grid whose size overflows is an error, not an abort.
    let big = i64::MAX;
    assert!(mgrid![0..big, 0..big].is_err());
    // Bounds beyond int64.
    let huge = u64::MAX;
    assert!(mgrid![0..huge, 0..1].is_err());
}

#[test]
fn many_axes() {
    // Five axes: static Ix5.
    let g = mgrid![0..1, 0..2, 0..1, 0..2, 0..3].unwrap();
    let _: &Array5<i64> = &g.4;
    assert_eq!(g.4.shape(), &[1, 2, 1, 2, 3]);
    // Seven: past Ix6, IxDyn.
    let g = ogrid![0..2, 0..1, 0..1, 0..1, 0..1, 0..1, 0..3].unwrap();
    let _: &Array<i64, IxDyn> = &g.6;
    assert_eq!(g.6.shape(), &[1, 1, 1, 1, 1, 1, 3]);
    assert_eq!(g.0.shape(), &[2, 1, 1, 1, 1, 1, 1]);
}

#[test]
fn meshgrid_matches_numpy() {
    let x = arange(3i64);
    let y = array![10i64, 20];
    // np.meshgrid(x, y)
    let [xx, yy] = meshgrid([&x, &y], Indexing::Xy).unwrap();
    assert_eq!(xx.shape(), &[2, 3]);
    assert_eq!(xx.to_vec(), vec![0, 1, 2, 0, 1, 2]);
    assert_eq!(yy.to_vec(), vec![10, 10, 10, 20, 20, 20]);
    // np.meshgrid(x, y, indexing='ij')
    let [xx, yy] = meshgrid([&x, &y], Indexing::Ij).unwrap();
    assert_eq!(xx.shape(), &[3, 2]);
    assert_eq!(xx.to_vec(), vec![0, 0, 1, 1, 2, 2]);
    assert_eq!(yy.to_vec(), vec![10, 20, 10, 20, 10, 20]);
    // np.meshgrid(x, y, np.arange(2))
    let z = arange(2i64);
    let [a, b, c] = meshgrid([&x, &y, &z], Indexing::default()).unwrap();
    assert_eq!(a.shape(), &[2, 3, 2]);
    assert_eq!(a.to_vec(), vec![0, 0, 1, 1, 2, 2, 0, 0, 1, 1, 2, 2]);
    assert_eq!(
        b.to_vec(),
        vec![10, 10, 10, 10, 10, 10, 20, 20, 20, 20, 20, 20]
    );
    assert_eq!(c.to_vec(), vec![0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
    // np.meshgrid(x, y, np.arange(2), sparse=True)
    let [a, b, c] = meshgrid_sparse([&x, &y, &z], Indexing::Xy).unwrap();
    assert_eq!((a.shape(), a.to_vec()), (&[1, 3, 1][..], vec![0, 1, 2]));
    assert_eq!((b.shape(), b.to_vec()), (&[2, 1, 1][..], vec![10, 20]));
    assert_eq!((c.shape(), c.to_vec()), (&[1, 1, 2][..], vec![0, 1]));
    // np.meshgrid(x): one input, nothing to swap.
    let [a] = meshgrid([&x], Indexing::Xy).unwrap();
    assert_eq!(a.to_vec(), vec![0, 1, 2]);
    // Inputs of any rank and layout are flattened in C order (a reversed, a 2-d input).
    let m = arange(4.0f64).into_shape([2, 2]).unwrap();
    let r = x.slice(s![..;-1]).to_owned().cast::<f64>();
    let [p, q] = meshgrid([&m.view().into_dyn(), &r.into_dyn()], Indexing::Ij).unwrap();
    assert_eq!(p.shape(), &[4, 3]);
    assert_eq!(q.slice(s![0, ..]).to_vec(), vec![2.0, 1.0, 0.0]);
    // mgrid![a..b, c..d] equals meshgrid(arange, arange, 'ij').
    let (mi, mj) = mgrid![0..3, 10..12].unwrap();
    let (u, v) = (arange(3i64), arange_with(10i64, 12, 1).unwrap());
    let [gi, gj] = meshgrid([&u, &v], Indexing::Ij).unwrap();
    assert_eq!((mi, mj), (gi, gj));
}

/// `a, a+k, …` while short of `b`, by counting: the reference for integer grid axes.
fn counted(a: i64, b: i64, k: i64) -> Vec<i64> {
    let mut v = Vec::new();
    let mut x = a;
    while (k > 0 && x < b) || (k < 0 && x > b) {
        v.push(x);
        x += k;
    }
    v
}

proptest::proptest! {
    #[test]
    fn integer_grids_match_a_counting_loop(
        a in -20i64..20, b in -20i64..20,
        k in proptest::prop_oneof![-7i64..0, 1i64..7],
        c in -6i64..6, d in -6i64..6,
    ) {
        let (xs, ys) = (counted(a, b, k), counted(c, d, 1));
        // NumPy's dense grid refuses a negative length, ceil((stop - start) / step) < 0.
        let negative = |lo: i64, hi: i64, s: i64| (hi - lo) * s.signum() <= -s.abs();
        match mgrid![a..b;k, c..d] {
            Ok((i, j)) => {
                proptest::prop_assert!(!negative(a, b, k) && !negative(c, d, 1));
                proptest::prop_assert_eq!(i.shape(), &[xs.len(), ys.len()][..]);
                for p in 0..xs.len() {
                    for q in 0..ys.len() {
                        proptest::prop_assert_eq!((i[[p, q]], j[[p, q]]), (xs[p], ys[q]));
                    }
                }
                let (u, v) = (Array::from_vec(xs.clone()), Array::from_vec(ys.clone()));
                let [gi, gj] = meshgrid([&u, &v], Indexing::Ij).unwrap();
                proptest::prop_assert_eq!((gi, gj), (i, j));
            }
            Err(e) => {
                proptest::prop_assert!(negative(a, b, k) || negative(c, d, 1));
                proptest::prop_assert_eq!(e.to_string(), "negative dimensions are not allowed");
            }
        }
        // The open grid never fails, and holds exactly the counted values.
        let (i, j) = ogrid![a..b;k, c..d].unwrap();
        proptest::prop_assert_eq!(i.to_vec(), xs.clone());
        proptest::prop_assert_eq!(j.to_vec(), ys.clone());
        proptest::prop_assert_eq!(i.shape(), &[xs.len(), 1][..]);
        // One range: NumPy's arange.
        proptest::prop_assert_eq!(mgrid![a..b;k].unwrap().to_vec(), xs);
    }
}
