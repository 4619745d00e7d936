//! Property tests: every selection op of ndops (masks, masked assignment, nonzero,
//! take/put, diff, concatenate, stack, where_) on random shapes and layouts (negative,
//! zero and non-unit strides, transposes, empty and 0-d arrays) against a naive reference.

use ndcore::prelude::*;
use ndops::select::{Select, concatenate, stack, where_};
use proptest::prelude::*;

#[path = "ops_layouts.rs"]
mod layouts;

use layouts::{Layout, build, layout, with_view};

/// Applies the layout's steps and permutation to a writable view of `a`.
fn with_view_mut<R>(
    l: &Layout,
    a: &mut ArrayD<i64>,
    f: impl FnOnce(ndcore::ArrayViewMutD<'_, i64>) -> R,
) -> R {
    let sl: Vec<SliceInfoElem> = l
        .steps
        .iter()
        .map(|&s| Slice::new(None, None, s).into())
        .collect();
    let mut v = a.slice_mut(sl.as_slice());
    let mut order: Vec<usize> = (0..l.perm.len()).collect();
    for i in 0..l.perm.len() {
        let j = order.iter().position(|&o| o == l.perm[i]).expect("perm");
        v.swap_axes(i, j).expect("swap");
        order.swap(i, j);
    }
    f(v)
}

fn small_ints() -> impl Strategy<Value = Vec<i64>> {
    prop::collection::vec(-3i64..=3, 1..40)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn masks_nonzero_and_where(l in layout(), vals in small_ints()) {
        with_view(&l, &vals, |v| -> Result<(), TestCaseError> {
            let mask = v.map(|&x| x > 0);
            let want: Vec<i64> = v.iter().copied().filter(|&x| x > 0).collect();
            prop_assert_eq!(v.masked(&mask).unwrap().to_vec(), want);
            if v.ndim() == 0 {
                prop_assert!(v.nonzero().is_err());
            } else {
                let nz = v.nonzero().unwrap();
                let want: Vec<Vec<usize>> = v.indexed_iter().filter(|(_, x)| **x != 0).map(|(i, _)| i.to_vec()).collect();
                prop_assert_eq!(nz.len(), v.ndim());
                for (k, w) in want.iter().enumerate() {
                    for (ax, &i) in w.iter().enumerate() {
                        prop_assert_eq!(nz[ax][k], i as i64);
                    }
                }
                prop_assert!(nz.iter().all(|a| a.len() == want.len()));
            }
            let zero = Array::full([], 0i64);
            let got = where_(&mask, &v, &zero).unwrap();
            let want: Vec<i64> = v.iter().map(|&x| if x > 0 { x } else { 0 }).collect();
            prop_assert_eq!(got.shape(), v.shape());
            prop_assert_eq!(got.to_vec(), want);
            Ok(())
        })?;
    }

    #[test]
    fn masked_assign_and_put_write_the_right_elements(
        l in layout(), vals in small_ints(), picks in prop::collection::vec(any::<u16>(), 0..6)
    ) {
        let (mut a, _) = build(&l, &vals);
        with_view_mut(&l, &mut a, |mut v| -> Result<(), TestCaseError> {
            let before: Vec<i64> = v.iter().copied().collect();
            let mask = v.map(|&x| x < 0);
            v.masked_assign(&mask, 9).unwrap();
            let want: Vec<i64> = before.iter().map(|&x| if x < 0 { 9 } else { x }).collect();
            prop_assert_eq!(v.iter().copied().collect::<Vec<_>>(), want.clone());
            // put at flat (C-order) indices, half of them negative, values cycled.
            let n = v.len();
            if n > 0 {
                let idx: Vec<i64> = picks.iter().enumerate().map(|(k, &p)| {
                    let i = (p as usize % n) as i64;
                    if k % 2 == 1 { i - n as i64 } else { i }
                }).collect();
                let values = Array::from_vec(vec![-7i64, -8]);
                v.put(&Array::from_vec(idx.clone()), &values).unwrap();
                let mut w = want;
                for (k, &i) in idx.iter().enumerate() {
                    let i = if i < 0 { i + n as i64 } else { i } as usize;
                    w[i] = if k % 2 == 0 { -7 } else { -8 };
                }
                prop_assert_eq!(v.iter().copied().collect::<Vec<_>>(), w);
                let bad = Array::from_vec(vec![n as i64]);
                prop_assert!(v.put(&bad, &values).is_err());
            }
            Ok(())
        })?;
    }

    #[test]
    fn take_diff_and_joins_along_each_axis(l in layout(), vals in small_ints(), axis in 0usize..5, picks in prop::collection::vec(any::<u16>(), 0..5), n in 0usize..4) {
        with_view(&l, &vals, |v| -> Result<(), TestCaseError> {
            if v.ndim() == 0 {
                prop_assert!(v.diff(1, Axis(0)).is_err());
                prop_assert!(concatenate(&[v.view()], Axis(0)).is_err());
                prop_assert_eq!(stack(&[v.view(), v.view()], Axis(0)).unwrap().to_vec(), vec![v[[]]; 2]);
                return Ok(());
            }
            let ax = axis % v.ndim();
            let len = v.shape()[ax];
            // take: sub-array j of the result along `ax` is sub-array idx[j] of v.
            if len > 0 {
                let idx: Vec<i64> = picks.iter().map(|&p| p as i64 % len as i64 - (p % 2) as i64 * len as i64).collect();
                let got = v.take(&Array::from_vec(idx.clone()), Some(Axis(ax))).unwrap();
                for (j, &i) in idx.iter().enumerate() {
                    let i = if i < 0 { i + len as i64 } else { i };
                    prop_assert_eq!(
                        got.index_axis(Axis(ax), j as isize).unwrap().to_vec(),
                        v.index_axis(Axis(ax), i as isize).unwrap().to_vec()
                    );
                }
            }
            prop_assert!(v.take(&Array::from_vec(vec![len as i64]), Some(Axis(ax))).is_err());
            // compress: the sub-arrays where the condition holds, in order.
            let cond: Vec<bool> = (0..len).map(|i| picks.iter().any(|&p| p as usize % len.max(1) == i)).collect();
            let got = v.compress(&Array::from_vec(cond.clone()), Axis(ax)).unwrap();
            let kept: Vec<usize> = (0..len).filter(|&i| cond[i]).collect();
            prop_assert_eq!(got.shape()[ax], kept.len());
            for (j, &i) in kept.iter().enumerate() {
                prop_assert_eq!(
                    got.index_axis(Axis(ax), j as isize).unwrap().to_vec(),
                    v.index_axis(Axis(ax), i as isize).unwrap().to_vec()
                );
            }
            // diff: n-th differences of every lane.
            let got = v.diff(n, Axis(ax)).unwrap();
            let got_lanes: Vec<Vec<i64>> = got.lanes(Axis(ax)).map(|l| l.to_vec()).collect();
            let want: Vec<Vec<i64>> = v.lanes(Axis(ax)).map(|l| {
                let mut d = l.to_vec();
                for _ in 0..n {
                    d = d.windows(2).map(|w| w[1] - w[0]).collect();
                }
                d
            }).collect();
            if !got.is_empty() {
                prop_assert_eq!(got_lanes, want);
            }
            prop_assert_eq!(got.shape()[ax], len.saturating_sub(n));
            // concatenate with itself, and stack two copies.
            let c = concatenate(&[v.view(), v.view()], Axis(ax)).unwrap();
            prop_assert_eq!(c.shape()[ax], 2 * len);
            for j in 0..2 * len {
                prop_assert_eq!(
                    c.index_axis(Axis(ax), j as isize).unwrap().to_vec(),
                    v.index_axis(Axis(ax), (j % len) as isize).unwrap().to_vec()
                );
            }
            let s = stack(&[v.view(), v.view()], Axis(ax)).unwrap();
            for k in 0..2 {
                prop_assert_eq!(s.index_axis(Axis(ax), k).unwrap().to_vec(), v.to_vec());
            }
            Ok(())
        })?;
    }
}
