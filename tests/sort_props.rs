//! Property tests: ndops::sort against naive references on random shapes and layouts
//! (negative and non-unit strides, transposes, broadcast, empty and 0-d views) and on long
//! 1-d inputs that take the radix sort: sort and argsort (stability: ties keep their
//! order, `-0.0`/`0.0` included), sort_inplace through views, partition's property,
//! unique (counts, first indices, the inverse rebuilding the input), searchsorted.
//!
//! The reference order is written here from scratch: `partial_cmp` with NaNs last.

use ndcore::prelude::*;
use ndops::sort::{self, Side, Sort, UniqueOptions};
use proptest::prelude::*;
use std::cmp::Ordering;

#[path = "ops_layouts.rs"]
mod layouts;

use layouts::{Layout, build, layout, with_view};

fn ref_cmp(a: f64, b: f64) -> Ordering {
    match (a.is_nan(), b.is_nan()) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Greater,
        (false, true) => Ordering::Less,
        _ => a.partial_cmp(&b).unwrap_or(Ordering::Equal),
    }
}

/// The stable sorting permutation of `v` (std's merge sort is stable).
fn ref_argsort(v: &[f64]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..v.len()).collect();
    idx.sort_by(|&i, &j| ref_cmp(v[i], v[j]));
    idx
}

fn bits(v: &[f64]) -> Vec<u64> {
    v.iter()
        .map(|x| if x.is_nan() { u64::MAX } else { x.to_bits() })
        .collect()
}

/// Floats with many ties, both zeros, infinities and NaNs of both signs.
fn special() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => (-4i32..=4).prop_map(|i| f64::from(i) / 2.0),
        1 => Just(-0.0),
        1 => Just(f64::NAN),
        1 => Just(-f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(f64::NEG_INFINITY),
        2 => any::<f64>(),
    ]
}

fn small_vals() -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(special(), 1..40)
}

fn long_vals() -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(special(), 400..2500)
}

fn with_view_mut<R>(
    l: &Layout,
    a: &mut ArrayD<f64>,
    f: impl FnOnce(ndcore::ArrayViewMutD<'_, f64>) -> R,
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

/// Checks sort/argsort/partition of `v` along `axis` lane by lane against the reference.
fn check_lanes(v: &ArrayRef<f64, IxDyn>, axis: isize) -> Result<(), TestCaseError> {
    let ax = axis.rem_euclid(v.ndim() as isize) as usize;
    let s = v.sorted(axis).unwrap();
    let i = v.argsort(axis).unwrap();
    prop_assert_eq!(s.shape(), v.shape());
    prop_assert_eq!(i.shape(), v.shape());
    for ((lane, sl), il) in v
        .lanes(Axis(ax))
        .zip(s.lanes(Axis(ax)))
        .zip(i.lanes(Axis(ax)))
    {
        let x = lane.to_vec();
        let perm = ref_argsort(&x);
        let want: Vec<f64> = perm.iter().map(|&p| x[p]).collect();
        prop_assert_eq!(bits(&sl.to_vec()), bits(&want));
        prop_assert_eq!(
            il.to_vec(),
            perm.iter().map(|&p| p as i64).collect::<Vec<_>>()
        );
    }
    let n = v.shape()[ax];
    if n > 0 {
        let kth = [(n / 3) as isize, -1];
        let p = v.partitioned(&kth, axis).unwrap();
        let ip = v.argpartition(&kth, axis).unwrap();
        for ((pl, il), sl) in p
            .lanes(Axis(ax))
            .zip(ip.lanes(Axis(ax)))
            .zip(s.lanes(Axis(ax)))
        {
            let (pv, sv) = (pl.to_vec(), sl.to_vec());
            for k in [n / 3, n - 1] {
                prop_assert_eq!(ref_cmp(pv[k], sv[k]), Ordering::Equal);
                prop_assert!(
                    pv[..k]
                        .iter()
                        .all(|&y| ref_cmp(y, pv[k]) != Ordering::Greater)
                );
                prop_assert!(
                    pv[k + 1..]
                        .iter()
                        .all(|&y| ref_cmp(y, pv[k]) != Ordering::Less)
                );
            }
            // argpartition is a permutation.
            let mut seen: Vec<i64> = il.to_vec();
            seen.sort_unstable();
            prop_assert_eq!(seen, (0..n as i64).collect::<Vec<_>>());
        }
    }
    Ok(())
}

fn check_unique(x: &ArrayRef<f64, IxDyn>, equal_nan: bool) -> Result<(), TestCaseError> {
    let flat = x.iter().copied().collect::<Vec<_>>();
    let opts = UniqueOptions {
        return_index: true,
        return_inverse: true,
        return_counts: true,
        equal_nan,
    };
    let u = sort::unique_with(x, opts).unwrap();
    let vals = u.values.to_vec();
    // Reference: the stable sort's first of each run of equal values.
    let perm = ref_argsort(&flat);
    let mut want_first: Vec<usize> = Vec::new();
    for (j, &p) in perm.iter().enumerate() {
        let new = j == 0 || {
            let q = perm[j - 1];
            ref_cmp(flat[q], flat[p]) != Ordering::Equal || (!equal_nan && flat[p].is_nan())
        };
        if new {
            want_first.push(p);
        }
    }
    let want_vals: Vec<f64> = want_first.iter().map(|&p| flat[p]).collect();
    prop_assert_eq!(bits(&vals), bits(&want_vals));
    prop_assert_eq!(
        u.indices.unwrap().to_vec(),
        want_first.iter().map(|&p| p as i64).collect::<Vec<_>>()
    );
    let inv = u.inverse.unwrap();
    prop_assert_eq!(inv.shape(), x.shape());
    for (&k, &y) in inv.iter().zip(&flat) {
        prop_assert_eq!(ref_cmp(vals[k as usize], y), Ordering::Equal);
    }
    let counts = u.counts.unwrap().to_vec();
    prop_assert_eq!(counts.iter().sum::<i64>(), flat.len() as i64);
    for (k, &c) in counts.iter().enumerate() {
        let m = inv.iter().filter(|&&i| i == k as i64).count() as i64;
        prop_assert_eq!(c, m);
    }
    prop_assert_eq!(bits(&sort::unique(x).unwrap().to_vec()).len(), {
        let o = UniqueOptions::default();
        sort::unique_with(x, o).unwrap().values.len()
    });
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn sort_argsort_partition_on_views(l in layout(), vals in small_vals(), ax in -4isize..4) {
        with_view(&l, &vals, |v| -> Result<(), TestCaseError> {
            let nd = v.ndim() as isize;
            if ax < -nd || ax >= nd {
                let e = v.sorted(ax).unwrap_err().to_string();
                prop_assert_eq!(e, format!("axis {ax} is out of bounds for array of dimension {nd}"));
                return Ok(());
            }
            check_lanes(&v, ax)?;
            // axis=None sorts the flattened array.
            let flat: Vec<f64> = v.iter().copied().collect();
            let perm = ref_argsort(&flat);
            let want: Vec<f64> = perm.iter().map(|&p| flat[p]).collect();
            prop_assert_eq!(bits(&sort::sort(&v, None).unwrap().to_vec()), bits(&want));
            let ia = sort::argsort(&v, None).unwrap().to_vec();
            prop_assert_eq!(ia, perm.iter().map(|&p| p as i64).collect::<Vec<_>>());
            Ok(())
        })?;
    }

    #[test]
    fn sort_inplace_through_views(l in layout(), vals in small_vals(), ax in 0isize..4) {
        prop_assume!(!l.broadcast);
        let (mut a, _) = build(&l, &vals);
        let want = with_view_mut(&l, &mut a, |v| {
            let nd = v.ndim() as isize;
            (ax < nd).then(|| v.sorted(ax).unwrap())
        });
        let Some(want) = want else { return Ok(()) };
        let before = a.to_vec();
        with_view_mut(&l, &mut a, |mut v| v.sort_inplace(ax).unwrap());
        let got = with_view_mut(&l, &mut a, |v| v.to_owned());
        prop_assert_eq!(bits(&got.to_vec()), bits(&want.to_vec()));
        // Elements outside the view are untouched; the multiset is the same.
        let mut b1 = bits(&before);
        let mut b2 = bits(&a.to_vec());
        b1.sort_unstable();
        b2.sort_unstable();
        prop_assert_eq!(b1, b2);
    }

    #[test]
    fn long_lanes_take_the_radix_sort(vals in long_vals(), rows in 1usize..3) {
        let n = vals.len() / rows;
        let a = ArrayD::from_shape_vec(vec![rows, n], vals[..rows * n].to_vec()).unwrap();
        check_lanes(&a, -1)?;
        check_lanes(&a.t().to_owned().into_dyn(), 0)?;
        check_lanes(&a.slice(s![.., ..;-1]).into_dyn(), 1)?;
        check_unique(&a, true)?;
        check_unique(&a, false)?;
    }

    #[test]
    fn long_integer_lanes(vals in prop::collection::vec(any::<i64>().prop_map(|x| x >> (x & 63)), 500..3000)) {
        let a = Array1::from_vec(vals.clone());
        let mut want = vals.clone();
        want.sort();
        prop_assert_eq!(a.sorted(-1).unwrap().to_vec(), want.clone());
        let mut perm: Vec<usize> = (0..vals.len()).collect();
        perm.sort_by_key(|&i| vals[i]);
        prop_assert_eq!(a.argsort(-1).unwrap().to_vec(), perm.iter().map(|&p| p as i64).collect::<Vec<_>>());
        want.dedup();
        prop_assert_eq!(a.unique().unwrap().to_vec(), want);
    }

    #[test]
    fn unique_on_views(l in layout(), vals in small_vals(), equal_nan in any::<bool>()) {
        with_view(&l, &vals, |v| check_unique(&v, equal_nan))?;
    }

    #[test]
    fn searchsorted_counts(a in small_vals(), v in small_vals()) {
        let s = Array1::from_vec(a.clone()).sorted(-1).unwrap();
        let sv = s.to_vec();
        let vv = Array1::from_vec(v.clone());
        let left = sort::searchsorted(&s, &vv, Side::Left, None).unwrap().to_vec();
        let right = sort::searchsorted(&s, &vv, Side::Right, None).unwrap().to_vec();
        for ((&x, &l), &r) in v.iter().zip(&left).zip(&right) {
            let lt = sv.iter().filter(|&&y| ref_cmp(y, x) == Ordering::Less).count();
            let le = sv.iter().filter(|&&y| ref_cmp(y, x) != Ordering::Greater).count();
            prop_assert_eq!((l as usize, r as usize), (lt, le));
        }
        // Through a sorter on the unsorted array: the same answers.
        let ua = Array1::from_vec(a);
        let srt = ua.argsort(-1).unwrap();
        prop_assert_eq!(sort::searchsorted(&ua, &vv, Side::Left, Some(&srt)).unwrap().to_vec(), left);
        prop_assert_eq!(sort::searchsorted(&ua, &vv, Side::Right, Some(&srt)).unwrap().to_vec(), right);
    }
}
