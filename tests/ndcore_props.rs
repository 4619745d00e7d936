//! Property tests of ndcore's views against a naive reference model (`ndcore_model.rs`):
//! random shapes of 0–5 axes (with empty and length-1 axes), random layouts (permuted,
//! sliced with negative steps, arbitrary byte strides with repeats), and every view
//! operation checked element by element — by address, so a view that copied, or pointed
//! one element off, fails. Iteration, the loop engine and writes: `ndcore_walks.rs`.

#[path = "ndcore_layouts.rs"]
mod layouts;
#[path = "ndcore_model.rs"]
mod model;

use layouts::*;
use model::Model;
use ndcore::prelude::*;
use proptest::prelude::*;

// ---------------------------------------------------------------------------------------
// Views

proptest! {
    #![proptest_config(config())]

    #[test]
    fn layouts_match_the_model(s in src()) {
        s.with(|v, m, base| check(&v, m, base));
    }

    #[test]
    fn slicing_matches_numpy_basic_indexing(
        s in src(),
        elems in prop::collection::vec(any_elem(), 0..=6),
    ) {
        s.with(|v, m, base| match (v.try_slice(&elems[..]), m.slice(&elems)) {
            (Ok(view), Ok(want)) => {
                check(&view, &want, base);
                assert!(!view.flags().writeable);
            }
            (Err(e), Err(want)) => assert_eq!(e.to_string(), want),
            (got, want) => panic!("ndcore {:?} vs model {want:?}", got.map(|g| g.shape().to_vec())),
        });
    }

    #[test]
    fn slice_move_and_slice_mut_agree_with_slice(
        s in sliced(),
        elems in prop::collection::vec(any_elem(), 0..=6),
    ) {
        let want = s.model().slice(&elems);
        let ((), _) = with_mut(&s, |mut v, _, base| {
            match (v.try_slice_mut(&elems[..]), &want) {
                (Ok(view), Ok(w)) => check(&view, w, base),
                (Err(e), Err(w)) => assert_eq!(&e.to_string(), w),
                (got, w) => panic!("{:?} vs {w:?}", got.map(|g| g.shape().to_vec())),
            }
            match (v.slice_move(&elems[..]), &want) {
                (Ok(view), Ok(w)) => check(&view, w, base),
                (Err(e), Err(w)) => assert_eq!(&e.to_string(), w),
                (got, w) => panic!("{:?} vs {w:?}", got.map(|g| g.shape().to_vec())),
            }
        });
    }

    #[test]
    fn transposes_match(s in src(), seed in any::<u64>()) {
        s.with(|v, m, base| {
            let nd = v.ndim();
            let mut perm: Vec<usize> = (0..nd).collect();
            // A permutation from the seed (Fisher–Yates).
            let mut r = seed;
            for i in (1..nd).rev() {
                r = r.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                perm.swap(i, (r >> 33) as usize % (i + 1));
            }
            check(&v.permuted_axes(&perm).expect("a permutation"), &m.transpose(&perm), base);
            let rev: Vec<usize> = (0..nd).rev().collect();
            check(&v.t(), &m.transpose(&rev), base);
            check(&v.clone().reversed_axes(), &m.transpose(&rev), base);
            if nd >= 2 {
                let (a, b) = (perm[0], perm[nd - 1]);
                let mut sw: Vec<usize> = (0..nd).collect();
                sw.swap(a, b);
                check(&v.swapped_axes(a, b).expect("in bounds"), &m.transpose(&sw), base);
            }
        });
    }

    #[test]
    fn bad_transposes_are_numpy_errors(
        nd in 0usize..=4,
        axes in prop::collection::vec(0usize..=5, 0..=5),
    ) {
        let a = ArrayD::<u8>::zeros(vec![2; nd]);
        let want = if axes.len() != nd {
            Some("axes don't match array".to_string())
        } else {
            let mut seen = vec![false; nd];
            axes.iter().find_map(|&x| {
                if x >= nd {
                    Some(format!("axis {x} is out of bounds for array of dimension {nd}"))
                } else if std::mem::replace(&mut seen[x], true) {
                    Some("repeated axis in transpose".to_string())
                } else {
                    None
                }
            })
        };
        match want {
            Some(w) => assert_eq!(err_text(a.permuted_axes(&axes)), w),
            None => assert!(a.permuted_axes(&axes).is_ok()),
        }
    }

    #[test]
    fn reshape_is_a_view_exactly_when_numpy_can_avoid_a_copy(
        s in src(),
        seed in any::<u64>(),
        wrong in prop::bool::weighted(0.1),
    ) {
        s.with(|v, m, base| {
            let n = m.size();
            let target = shape_of_size(if wrong { n + 1 } else { n }, seed);
            if wrong {
                let want = format!(
                    "cannot reshape array of size {n} into shape {}",
                    ndcore::error::shape_str(&target)
                );
                assert_eq!(err_text(v.reshape(target.clone())), want);
                assert_eq!(err_text(v.to_shape(target)), want);
                return;
            }
            let want = m.reshaped(&target);
            match v.reshape(target.clone()) {
                Ok(r) => {
                    assert!(m.reshape_is_view(&target), "a view NumPy would not make");
                    check(&r, &want, base);
                }
                Err(e) => {
                    assert!(!m.reshape_is_view(&target), "needless copy: {e}");
                    assert!(e.to_string().contains("use `to_shape`"), "{e}");
                }
            }
            let c = v.to_shape(target.clone()).expect("to_shape copies when it must");
            assert_eq!(c.is_view(), m.reshape_is_view(&target));
            assert_eq!(c.shape(), &target[..]);
            assert_eq!(c.to_vec(), values(m));
            if c.is_view() {
                check(&c, &want, base);
            } else {
                assert!(c.is_c_contiguous());
            }
        });
    }

    #[test]
    fn broadcast_to_matches(
        s in src(),
        lead in prop::collection::vec(0usize..=3, 0..=2),
        grow in prop::collection::vec(0usize..=3, 5),
        bad in 0usize..8,
    ) {
        s.with(|v, m, base| {
            // Length-1 axes grow and new axes go in front; or the target is made wrong:
            // a mismatched length, too few axes, or a scalar.
            let mut to: Vec<usize> = lead.clone();
            for (i, &n) in m.shape.iter().enumerate() {
                to.push(if n == 1 { grow[i] } else { n });
            }
            match bad {
                0 => {
                    if let Some(i) = m.shape.iter().position(|&n| n != 1) {
                        to[lead.len() + i] = m.shape[i] + 1;
                    }
                }
                1 => {
                    to.drain(..(lead.len() + 1).min(to.len()));
                }
                2 => to.clear(),
                _ => {}
            }
            match (v.broadcast_to(to.clone()), m.broadcast_to(&to)) {
                (Ok(b), Some(want)) => {
                    check(&b, &want, base);
                    assert!(!b.flags().writeable);
                }
                (Err(e), None) => {
                    let want = if to.is_empty() {
                        "cannot broadcast a non-scalar to a scalar array".to_string()
                    } else if m.shape.len() > to.len() {
                        "input operand has more dimensions than allowed by the axis remapping"
                            .to_string()
                    } else {
                        format!(
                            "operands could not be broadcast together with remapped shapes \
                             [original->remapped]: {}  and requested shape {}",
                            ndcore::error::shape_str(&m.shape),
                            ndcore::error::shape_str(&to)
                        )
                    };
                    assert_eq!(e.to_string(), want);
                }
                (got, want) => panic!("{:?} vs {want:?}", got.map(|g| g.shape().to_vec())),
            }
        });
    }

    #[test]
    fn axis_surgery_matches(s in src(), axis in 0usize..6, index in -5isize..=5, at in 0usize..=5) {
        s.with(|v, m, base| {
            let nd = v.ndim();
            if axis >= nd {
                let want = format!("axis {axis} is out of bounds for array of dimension {nd}");
                assert_eq!(err_text(v.index_axis(Axis(axis), 0)), want);
                assert_eq!(err_text(v.split_at(Axis(axis), 0)), want);
                assert_eq!(err_text(v.clone().invert_axis(Axis(axis))), want);
                return;
            }
            let n = m.shape[axis];
            match (v.index_axis(Axis(axis), index), m.index_axis(axis, index)) {
                (Ok(r), Some(want)) => check(&r, &want, base),
                (Err(e), None) => assert_eq!(
                    e.to_string(),
                    format!("index {index} is out of bounds for axis {axis} with size {n}")
                ),
                (got, want) => panic!("{:?} vs {want:?}", got.map(|g| g.shape().to_vec())),
            }
            match v.split_at(Axis(axis), at) {
                Ok((a, b)) => {
                    assert!(at <= n);
                    check(&a, &m.take_range(axis, 0, at), base);
                    check(&b, &m.take_range(axis, at, n), base);
                }
                Err(e) => {
                    assert!(at > n);
                    assert_eq!(
                        e.to_string(),
                        format!("index {at} is out of bounds for axis {axis} with size {n}")
                    );
                }
            }
            let mut inv = v.clone();
            inv.invert_axis(Axis(axis)).expect("in bounds");
            check(&inv, &m.inverted(axis), base);
            let e = v.expand_dims(Axis(axis)).expect("in bounds");
            let mut shape = m.shape.clone();
            shape.insert(axis, 1);
            check(&e, &m.reshaped(&shape), base);
            let sq: Vec<usize> = m.shape.iter().copied().filter(|&d| d != 1).collect();
            check(&v.squeeze(), &m.reshaped(&sq), base);
        });
    }

    #[test]
    fn diagonals_match(s in src(), a1 in 0usize..5, a2 in 0usize..5, offset in -4isize..=4) {
        s.with(|v, m, base| {
            let nd = v.ndim();
            let got = v.diagonal(offset, a1, a2);
            if nd < 2 {
                assert_eq!(err_text(got), "diag requires an array of at least two dimensions");
            } else if a1 >= nd || a2 >= nd {
                assert!(err_text(got).contains("out of bounds for array of dimension"));
            } else if a1 == a2 {
                assert_eq!(err_text(got), "axis1 and axis2 cannot be the same");
            } else {
                check(&got.expect("valid axes"), &m.diagonal(offset, a1, a2), base);
            }
        });
    }

    #[test]
    fn view_as_reinterprets_bytes_like_numpy(s in src()) {
        s.with(|v, m, base| {
            let nd = m.shape.len();
            let last_contiguous = nd > 0 && {
                let n = m.shape[nd - 1];
                n <= 1 || m.size() == 0 || {
                    let mut e = vec![0; nd];
                    e[nd - 1] = 1;
                    m.at(&e) - m.offs[0] == ITEM as isize
                }
            };
            let bytes = v.view_as::<u8>();
            if nd == 0 {
                assert_eq!(
                    err_text(bytes),
                    "Changing the dtype of a 0d array is only supported if the itemsize is unchanged"
                );
                // Same item size: allowed for 0-d too.
                check(&v.view_as::<u64>().expect("same size"), m, base);
                return;
            }
            if !last_contiguous {
                assert_eq!(
                    err_text(bytes),
                    "To change to a dtype of a different size, the last axis must be contiguous"
                );
                assert!(v.view_as::<i32>().is_err());
                return;
            }
            let bytes = bytes.expect("NumPy allows this view");
            check(&bytes, &m.reinterpreted(ITEM, 1), base);
            let back = bytes.view_as::<i64>().expect("the bytes of whole i64s");
            check(&back, m, base);
            let halves = v.view_as::<u32>().expect("4 divides 8");
            check(&halves, &m.reinterpreted(ITEM, 4), base);
            check(&halves.view_as::<f64>().expect("pairs of u32"), m, base);
            check(&bytes.view_as::<u16>().expect("pairs of bytes"), &m.reinterpreted(ITEM, 2), base);
        });
    }
}

// ---------------------------------------------------------------------------------------
// as_strided: every reachable byte inside the allocation, aligned

proptest! {
    #![proptest_config(config())]

    #[test]
    fn as_strided_is_checked_against_the_allocation(
        len in 1usize..=12,
        skip in 0usize..=4,
        shape in shape(3),
        steps in prop::collection::vec(prop_oneof![6 => -4isize..=4, 1 => Just(3isize)], 3),
        half in prop::bool::weighted(0.1),
    ) {
        // An owned array whose pointer is `skip` elements into its buffer.
        let skip = skip.min(len - 1);
        let base = Array::from_vec((0..len as i64).collect());
        let start = base.as_ptr().cast::<u8>();
        let a = base.slice_move(&[Slice::new(Some(skip as isize), None, 1).into()]).unwrap();
        // Byte strides; a 3 read as 4 bytes (half an element) when `half`.
        let bytes: Vec<isize> = steps[..shape.len()]
            .iter()
            .map(|&k| if half && k == 3 { 4 } else { k * ITEM as isize })
            .collect();
        let m = Model::build(&shape, |idx| {
            let o: isize = idx.iter().zip(&bytes).map(|(&i, &s)| i as isize * s).sum();
            o + (skip * ITEM) as isize
        });
        let inside = m.offs.iter().all(|&o| o >= 0 && o as usize + ITEM <= len * ITEM);
        let aligned = m.offs.iter().all(|&o| o % ITEM as isize == 0);
        match a.as_strided(shape.clone(), &bytes) {
            Ok(v) => {
                assert!(inside && aligned, "accepted {shape:?} {bytes:?}");
                check(&v, &m, start);
            }
            Err(e) => {
                assert!(!inside || !aligned, "rejected a valid layout: {e}");
                let t = e.to_string();
                if !inside {
                    assert!(t.contains("outside the allocation"), "{t}");
                } else {
                    assert!(t.contains("is not aligned to 8 bytes"), "{t}");
                }
            }
        }
        // A view cannot vouch for the memory around it.
        assert!(a.view().as_strided(shape.clone(), &bytes).is_err());
        // Writable: also no two elements may share a byte (the check may be conservative,
        // never unsound).
        let mut a = a;
        let overlapping = {
            let mut o = m.offs.clone();
            o.sort_unstable();
            o.windows(2).any(|w| w[1] - w[0] < ITEM as isize)
        };
        if let Ok(v) = a.as_strided_mut(shape, &bytes) {
            assert!(inside && aligned && !overlapping);
            check(&v, &m, start);
        } else {
            assert!(!inside || !aligned || overlapping || m.size() > 1);
        }
    }
}
