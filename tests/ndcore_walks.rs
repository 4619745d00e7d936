//! Property tests of ndcore's walks against a naive reference model (`ndcore_model.rs`):
//! the iterators (C order, by address), the loop engine (every element once; C order
//! when asked), and the writes and copies built on them (`fill`, `assign`,
//! `zip_mut_with`, `to_owned`, `cast`, `map`, flags).

#[path = "ndcore_layouts.rs"]
mod layouts;
#[path = "ndcore_model.rs"]
mod model;

use layouts::*;
use model::{Model, c_indices, size};
use ndcore::engine::{IterOrder, Lane, Plan};
use ndcore::prelude::*;
use ndcore::{Ix2, Ix3};
use proptest::prelude::*;

// ---------------------------------------------------------------------------------------
// Iteration

proptest! {
    #![proptest_config(config())]

    #[test]
    fn iterators_walk_in_c_order(s in src(), stop in 0usize..40) {
        s.with(|v, m, base| {
            // next() for a while, then fold for the rest (fold resumes mid-run).
            let mut it = v.iter();
            let mut seen = Vec::new();
            for _ in 0..stop {
                match it.next() {
                    Some(e) => seen.push(offset_of(e, base)),
                    None => break,
                }
            }
            assert_eq!(it.len(), m.size() - seen.len());
            it.for_each(|e| seen.push(offset_of(e, base)));
            assert_eq!(seen, m.offs);

            let sum: i64 = v.iter().sum();
            assert_eq!(sum, values(m).iter().sum::<i64>());

            let indexed: Vec<(Vec<usize>, isize)> =
                v.indexed_iter().map(|(i, e)| (i.as_slice().to_vec(), offset_of(e, base))).collect();
            let want: Vec<(Vec<usize>, isize)> =
                c_indices(&m.shape).into_iter().zip(m.offs.iter().copied()).collect();
            assert_eq!(indexed, want);

            for axis in 0..m.shape.len() {
                let subs: Vec<_> = v.axis_iter(Axis(axis)).collect();
                assert_eq!(subs.len(), m.shape[axis]);
                for (i, sub) in subs.iter().enumerate() {
                    check(sub, &m.index_axis(axis, i as isize).expect("in range"), base);
                }
                let lanes: Vec<_> = v.lanes(Axis(axis)).collect();
                let want = m.lanes(axis);
                assert_eq!(lanes.len(), want.len());
                for (l, w) in lanes.iter().zip(&want) {
                    check(l, w, base);
                }
            }

            // The same walks with a static rank.
            match m.shape.len() {
                2 => {
                    let s2 = v.clone().into_rank::<Ix2>().expect("2 axes");
                    check(&s2, m, base);
                    check(&s2.t(), &m.transpose(&[1, 0]), base);
                    for (i, row) in s2.axis_iter(Axis(0)).enumerate() {
                        check(&row, &m.index_axis(0, i as isize).expect("in range"), base);
                    }
                }
                3 => {
                    let s3 = v.clone().into_rank::<Ix3>().expect("3 axes");
                    check(&s3, m, base);
                    check(&s3.permuted_axes(&[2, 0, 1]).expect("perm"), &m.transpose(&[2, 0, 1]), base);
                }
                nd => assert!(v.clone().into_rank::<Ix2>().is_err() && nd != 2),
            }
        });
    }

    #[test]
    fn mutable_iterators_reach_each_element_once(s in sliced()) {
        let m = s.model();
        let (_, data) = with_mut(&s, |mut v, m, base| {
            let walked: Vec<isize> = v.iter_mut().map(|e| offset_of(e, base)).collect();
            assert_eq!(walked, m.offs);
            for (k, e) in v.iter_mut().enumerate() {
                *e = -1 - k as i64;
            }
            for axis in 0..m.shape.len() {
                assert_eq!(v.axis_iter_mut(Axis(axis)).count(), m.shape[axis]);
                let lanes: Vec<Vec<isize>> = v
                    .lanes_mut(Axis(axis))
                    .map(|mut l| l.iter_mut().map(|e| offset_of(e, base)).collect())
                    .collect();
                let want: Vec<Vec<isize>> = m.lanes(axis).into_iter().map(|l| l.offs).collect();
                assert_eq!(lanes, want);
            }
        });
        let mut want: Vec<i64> = (0..data.len() as i64).collect();
        for (k, &o) in m.offs.iter().enumerate() {
            want[o as usize / ITEM] = -1 - k as i64;
        }
        assert_eq!(data, want);
    }
}

// ---------------------------------------------------------------------------------------
// The loop engine

fn engine_visits<const K: usize>(
    shape: &[usize],
    strides: &[Vec<isize>],
    order: IterOrder,
) -> (Vec<[isize; K]>, Plan<K>) {
    let refs: [&[isize]; K] = std::array::from_fn(|k| strides[k].as_slice());
    let plan = Plan::<K>::new(shape, refs, order);
    // Fake, never dereferenced pointers: the kernel only records addresses.
    let base = std::ptr::null_mut::<u8>().wrapping_add(1 << 40);
    let mut out = Vec::new();
    // SAFETY: the kernel dereferences nothing.
    unsafe {
        plan.for_each_run([base; K], |r| {
            for k in 0..K {
                let lane = Lane::<i64>::of(&r, k);
                match lane {
                    Lane::Contiguous(_) => assert_eq!(r.strides[k], ITEM as isize),
                    Lane::Scalar(_) => assert_eq!(r.strides[k], 0),
                    Lane::Strided(_, s) => assert!(s != 0 && s != ITEM as isize),
                }
            }
            assert!(r.len > 0);
            for i in 0..r.len as isize {
                out.push(std::array::from_fn(|k| {
                    (r.ptrs[k] as isize - base as isize) + i * r.strides[k]
                }));
            }
        })
    };
    (out, plan)
}

fn engine_matches<const K: usize>(shape: &[usize], strides: &[Vec<isize>]) {
    let want: Vec<[isize; K]> = c_indices(shape)
        .iter()
        .map(|idx| {
            std::array::from_fn(|k| {
                idx.iter()
                    .zip(&strides[k])
                    .map(|(&i, &s)| i as isize * s)
                    .sum()
            })
        })
        .collect();
    let (c, _) = engine_visits::<K>(shape, strides, IterOrder::C);
    assert_eq!(c, want, "IterOrder::C visits in C order");
    let (mut mem, plan) = engine_visits::<K>(shape, strides, IterOrder::Memory);
    let mut sorted = want.clone();
    sorted.sort_unstable();
    mem.sort_unstable();
    assert_eq!(mem, sorted, "IterOrder::Memory visits each element once");
    // One operand without repeats: the innermost run has the smallest stride.
    if K == 1 && plan.lens().len() > 1 && strides[0].iter().all(|&s| s != 0) {
        let inner = plan.inner_strides()[0].unsigned_abs();
        for ax in 0..plan.lens().len() {
            assert!(
                plan.strides_of(ax)[0].unsigned_abs() >= inner,
                "{plan_lens:?}",
                plan_lens = plan.lens()
            );
        }
    }
}

fn engine_strides() -> impl Strategy<Value = isize> {
    prop_oneof![
        2 => Just(0isize),
        6 => (-4isize..=4).prop_map(|k| k * ITEM as isize),
        1 => prop_oneof![Just(4isize), Just(-12isize), Just(1000isize)],
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn engine_walks_every_element(
        shape in shape(5),
        strides in prop::collection::vec(prop::collection::vec(engine_strides(), 5), 3),
    ) {
        let s: Vec<Vec<isize>> = strides.iter().map(|v| v[..shape.len()].to_vec()).collect();
        engine_matches::<1>(&shape, &s[..1]);
        engine_matches::<2>(&shape, &s[..2]);
        engine_matches::<3>(&shape, &s);
    }

    #[test]
    fn engine_walks_array_layouts(a in src(), b in src()) {
        // Two real layouts of one shape: b's model reshaped when sizes allow.
        let (ma, mb) = (a.model(), b.model());
        let shape = ma.shape.clone();
        let sa = strides_of(&ma);
        let sb = if mb.shape == shape { strides_of(&mb) } else { sa.iter().map(|s| -s).collect() };
        engine_matches::<2>(&shape, &[sa, sb]);
    }
}

/// Byte strides read off a model (0 for axes of length < 2).
fn strides_of(m: &Model) -> Vec<isize> {
    (0..m.shape.len())
        .map(|ax| {
            if m.shape[ax] < 2 || m.size() == 0 {
                return 0;
            }
            let mut e = vec![0; m.shape.len()];
            e[ax] = 1;
            m.at(&e) - m.offs[0]
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Copies and writes

/// A shape `src` that broadcasts to `dst` (axes dropped from the front or set to 1, or
/// leading 1s added, which assignment strips), or, when `bad`, one that does not.
fn broadcast_source(dst: &[usize], drop: usize, ones: &[bool], bad: bool) -> Vec<usize> {
    let drop = drop.min(dst.len());
    let mut s: Vec<usize> = dst[drop..]
        .iter()
        .zip(ones)
        .map(|(&n, &one)| if one { 1 } else { n })
        .collect();
    if drop == 0 && ones.first() == Some(&true) {
        s.insert(0, 1);
    }
    if bad {
        match s.iter_mut().find(|n| **n != 1) {
            Some(n) => *n += 1,
            None => s.insert(0, 2),
        }
    }
    s
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn fill_writes_exactly_the_view(s in sliced(), value in any::<i64>()) {
        let m = s.model();
        let (_, data) = with_mut(&s, |mut v, _, _| v.fill(value));
        let mut want: Vec<i64> = (0..data.len() as i64).collect();
        for &o in &m.offs {
            want[o as usize / ITEM] = value;
        }
        assert_eq!(data, want);
    }

    #[test]
    fn assign_broadcasts_like_numpy(
        s in sliced(),
        drop in 0usize..=3,
        ones in prop::collection::vec(prop::bool::weighted(0.3), 6),
        flip in prop::bool::ANY,
        bad in prop::bool::weighted(0.15),
    ) {
        let m = s.model();
        let src_shape = broadcast_source(&m.shape, drop, &ones, bad);
        // The source: F-ordered (a transposed C array), values 1000 + position,
        // maybe reversed along its first axis.
        let rev: Vec<usize> = src_shape.iter().rev().copied().collect();
        let n = size(&src_shape);
        let src_base = ArrayD::from_shape_vec(rev.clone(), (1000..1000 + n as i64).collect()).unwrap();
        let mut src = src_base.t();
        let mut src_model = Model::contiguous(&rev, ITEM)
            .transpose(&(0..rev.len()).rev().collect::<Vec<_>>());
        if flip && !src_shape.is_empty() {
            src.invert_axis(Axis(0)).unwrap();
            src_model = src_model.inverted(0);
        }
        // NumPy strips leading length-1 axes of the source beyond the destination's rank,
        // then broadcasts (and names the stripped shape when it cannot).
        let lead = src_shape.iter().take_while(|&&d| d == 1).count();
        let strip = lead.min(src_shape.len().saturating_sub(m.shape.len()));
        let stripped = src_model
            .slice(&vec![SliceInfoElem::Index(0); strip])
            .expect("leading ones");
        let target = stripped.broadcast_to(&m.shape);
        let (res, data) = with_mut(&s, |mut v, _, _| v.assign(&src));
        match target {
            Some(t) => {
                res.expect("broadcastable");
                let mut want: Vec<i64> = (0..data.len() as i64).collect();
                for (k, &o) in m.offs.iter().enumerate() {
                    want[o as usize / ITEM] = 1000 + t.offs[k] as i64 / ITEM as i64;
                }
                assert_eq!(data, want);
            }
            None => {
                assert_eq!(
                    err_text(res),
                    format!(
                        "could not broadcast input array from shape {} into shape {}",
                        ndcore::error::shape_str(&stripped.shape),
                        ndcore::error::shape_str(&m.shape)
                    )
                );
                assert_eq!(data, (0..data.len() as i64).collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn zip_mut_with_pairs_elements(s in sliced(), flip in prop::bool::ANY) {
        let m = s.model();
        // The other operand: the transpose of a C array of the reversed shape (F order).
        let rev: Vec<usize> = m.shape.iter().rev().copied().collect();
        let n = m.size();
        let other_base = ArrayD::from_shape_vec(rev.clone(), (0..n as i64).collect()).unwrap();
        let mut other = other_base.t();
        let mut om = Model::contiguous(&rev, ITEM).transpose(&(0..rev.len()).rev().collect::<Vec<_>>());
        if flip && !m.shape.is_empty() {
            other.invert_axis(Axis(0)).unwrap();
            om = om.inverted(0);
        }
        let (_, data) = with_mut(&s, |mut v, _, _| {
            v.zip_mut_with(&other, |a, &b| *a = *a * 10_000 + b).unwrap()
        });
        let mut want: Vec<i64> = (0..data.len() as i64).collect();
        for (k, &o) in m.offs.iter().enumerate() {
            let i = o as usize / ITEM;
            want[i] = want[i] * 10_000 + om.offs[k] as i64 / ITEM as i64;
        }
        assert_eq!(data, want);
    }

    #[test]
    fn copies_casts_and_flags_match(s in src()) {
        s.with(|v, m, base| {
            let vals = values(m);
            assert_eq!(v.to_vec(), vals);
            let o = v.to_owned();
            assert_eq!(o.shape(), &m.shape[..]);
            assert_eq!(o.as_slice().expect("C order"), &vals[..]);
            assert!(o.flags().owndata && o.is_c_contiguous());
            assert_eq!(o.cast::<f64>().to_vec(), vals.iter().map(|&x| x as f64).collect::<Vec<_>>());
            assert_eq!(o.cast::<u8>().to_vec(), vals.iter().map(|&x| x as u8).collect::<Vec<_>>());
            assert_eq!(v.cast::<i32>().to_vec(), vals.iter().map(|&x| x as i32).collect::<Vec<_>>());
            assert_eq!(v.cast::<bool>().to_vec(), vals.iter().map(|&x| x != 0).collect::<Vec<_>>());
            let mapped = v.map(|&x| x * 3 + 1);
            assert_eq!(mapped.to_vec(), vals.iter().map(|&x| x * 3 + 1).collect::<Vec<_>>());
            assert_eq!(mapped.shape(), &m.shape[..]);

            let c = m.is_contiguous(ITEM, false);
            let f = m.is_contiguous(ITEM, true);
            assert_eq!(v.flags().c_contiguous, c, "C contiguity");
            assert_eq!(v.flags().f_contiguous, f, "F contiguity");
            assert_eq!(v.is_c_contiguous(), c);
            assert_eq!(v.as_slice().is_some(), c);
            if let Some(sl) = v.as_slice() {
                assert_eq!(sl, &vals[..]);
            }
            match (v.as_slice_memory_order(), m.memory_block(ITEM)) {
                (Some(sl), Some(first)) => {
                    assert_eq!(sl.len(), m.size());
                    assert_eq!(offset_of(&sl[0], base), first);
                }
                (Some(sl), None) => assert!(sl.is_empty() && m.size() == 0),
                (None, want) => assert!(want.is_none(), "a gapless block was missed"),
            }
            let std = v.as_standard_layout();
            assert_eq!(std.to_vec(), vals);
            assert!(std.is_c_contiguous());
            if m.size() > 0 {
                check(&std.view(), &(if c { m.clone() } else { Model::contiguous(&m.shape, ITEM) }),
                      if c { base } else { std.as_ptr().cast() });
            }
        });
    }
}
