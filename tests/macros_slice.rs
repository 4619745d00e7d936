//! `s![]` as a user sees it: static ranks with no annotation, `slice_mut`/`slice_move`,
//! dynamic ranks, odd strides (negative, zero, non-contiguous, empty, 0-d), and a property
//! test of multi-axis slicing against an element-by-element reference.

use ndcore::prelude::*;
use ndcore::slice::slice_indices;
use ndcore::{ArrayView3, Ix0, Ix3};
use proptest::prelude::*;

/// Asserts the rank type of a value without running anything.
fn rank_of<T, D: Dimension>(_: &ArrayRef<T, D>) -> Option<usize> {
    D::NDIM
}

#[test]
fn static_rank_without_annotations() {
    let x = arange(60i64).into_shape([3, 4, 5]).unwrap();
    // x[1, :] -> Ix2 ; x[1, 2, 3] -> Ix0 ; x[None, ..., None] -> Ix5
    assert_eq!(rank_of(&x.slice(s![1, ..])), Some(2));
    assert_eq!(rank_of(&x.slice(s![1, 2, 3])), Some(0));
    assert_eq!(rank_of(&x.slice(s![NewAxis, ..., NewAxis])), Some(5));
    assert_eq!(rank_of(&x.slice(s![])), Some(3));
    assert_eq!(rank_of(&x.slice(s![..;2])), Some(3));
    // Seven axes: past Ix6, the result is IxDyn.
    let seven = x.slice(s![NewAxis, NewAxis, NewAxis, NewAxis, ...]);
    assert_eq!(rank_of(&seven), None);
    assert_eq!(seven.shape(), &[1, 1, 1, 1, 3, 4, 5]);
    // The rank is a type: the result of an index goes where an Ix2 view is expected.
    fn takes_2d(v: ArrayView2<'_, i64>) -> i64 {
        v[[0, 0]]
    }
    assert_eq!(takes_2d(x.slice(s![2, 1..])), 45);
    let scalar: ndcore::ArrayView<'_, i64, Ix0> = x.slice(s![-1, -1, -1]);
    assert_eq!(scalar.to_vec(), vec![59]);
}

#[test]
fn dynamic_rank_is_checked_at_run_time() {
    let x = arange(24i64).into_shape(vec![2, 3, 4]).unwrap();
    let y: ArrayViewD<i64> = x.slice(s![1, ..;-1]);
    assert_eq!(y.shape(), &[3, 4]);
    assert_eq!(y[&[0usize, 0][..]], 20);
    let e = x.try_slice(s![0, 0, 0, 0]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "too many indices for array: array is 3-dimensional, but 4 were indexed"
    );
    let e = x.try_slice(s![5]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "index 5 is out of bounds for axis 0 with size 2"
    );
}

#[test]
fn slice_mut_writes_through() {
    let mut x = Array::<i64, _>::zeros([3, 4]);
    x.slice_mut(s![.., ..;-2]).fill(1);
    x.slice_mut(s![-1, ..]).fill(7);
    assert_eq!(x.to_vec(), vec![0, 1, 0, 1, 0, 1, 0, 1, 7, 7, 7, 7]);
    // Through a mutable view, and with the ArrayRef method.
    let mut v = x.view_mut();
    v.slice_mut(s![0, 0]).fill(9);
    assert_eq!(x[[0, 0]], 9);
    let r: &mut ArrayRef<i64, ndcore::Ix2> = &mut x;
    r.slice_mut(s![NewAxis, 1, 2..]).fill(5);
    assert_eq!(x.slice(s![1, ..]).to_vec(), vec![0, 1, 5, 5]);
    assert!(x.try_slice_mut(s![3, ..]).is_err());
}

#[test]
fn slice_move_keeps_the_storage() {
    let x = arange(12i64).into_shape([3, 4]).unwrap();
    let p = x.as_ptr();
    let y = x.slice_move(s![..;-1, 1]).unwrap();
    assert_eq!(y.to_vec(), vec![9, 5, 1]);
    assert_eq!(y.strides(), &[-32]);
    // Still the same allocation: the first element moved, nothing was copied.
    assert_eq!(y.as_ptr(), p.wrapping_add(9));
    let x = arange(12i64).into_shape([3, 4]).unwrap();
    let v = x.view().slice_move(s![1.., NewAxis, ..;3]).unwrap();
    let v: ArrayView3<i64> = v;
    assert_eq!(v.shape(), &[2, 1, 2]);
    assert!(x.view().slice_move(s![.., 4]).is_err());
}

#[test]
fn odd_strides_in_and_out() {
    // Negative strides in the input: slicing a reversed view.
    let x = arange(10i64);
    let r = x.slice(s![..;-1]);
    assert_eq!(r.slice(s![1..8;3]).to_vec(), vec![8, 5, 2]);
    assert_eq!(r.slice(s![..;-4]).to_vec(), vec![0, 4, 8]);
    // Zero strides: slicing a broadcast.
    let b = x.broadcast_to([4, 10]).unwrap();
    let s = b.slice(s![1..;2, ..;5]);
    assert_eq!(s.strides(), &[0, 40]);
    assert_eq!(s.to_vec(), vec![0, 5, 0, 5]);
    // Non-contiguous (transposed) input.
    let m = arange(12i64).into_shape([3, 4]).unwrap();
    let t = m.t();
    assert_eq!(t.slice(s![-1, ..]).to_vec(), vec![3, 7, 11]);
    // Empty results keep NumPy's shapes; empty inputs slice to empty.
    assert_eq!(x.slice(s![5..5]).shape(), &[0]);
    assert_eq!(x.slice(s![2..8;-1]).shape(), &[0]);
    let e = Array::<f64, _>::zeros([0, 3]);
    assert_eq!(e.slice(s![..;-1, 1]).shape(), &[0]);
    assert!(e.try_slice(s![0]).is_err());
    // 0-d input: only `...` and NewAxis apply.
    let z: Array<f64, Ix0> = Array::from_shape_vec([], vec![4.5]).unwrap();
    assert_eq!(z.slice(s![...]).to_vec(), vec![4.5]);
    assert_eq!(z.slice(s![NewAxis]).shape(), &[1]);
}

#[test]
fn entries_from_values_of_every_kind() {
    let x = arange(20i64).into_shape([4, 5]).unwrap();
    let (a, b) = (1u8, 3i16);
    let full = ..;
    let from = 2usize..;
    let to = ..-1i64;
    let incl = 0..=2;
    let to_incl = ..=1u32;
    let sl = Slice::new(Some(-1), None, -1);
    assert_eq!(x.slice(s![a..b, full]).shape(), &[2, 5]);
    assert_eq!(
        x.slice(s![from, to]).to_vec(),
        vec![10, 11, 12, 13, 15, 16, 17, 18]
    );
    assert_eq!(x.slice(s![incl;2, to_incl]).to_vec(), vec![0, 1, 10, 11]);
    assert_eq!(x.slice(s![sl, 0]).to_vec(), vec![15, 10, 5, 0]);
    let idx = [3usize, 1];
    assert_eq!(x.slice(s![idx[0], idx[1]]).to_vec(), vec![16]);
    assert_eq!(x.slice(s![&idx[0]]).to_vec(), vec![15, 16, 17, 18, 19]);
    // Bounds beyond isize saturate, and are clamped like any out-of-range bound.
    assert_eq!(x.slice(s![0, ..u64::MAX]).len(), 5);
    assert!(x.try_slice(s![u64::MAX]).is_err());
    // Parenthesized ranges are values too, and take a step.
    assert_eq!(x.slice(s![0, (1..5);2]).to_vec(), vec![1, 3]);
    // Inclusive ranges with a step computed at run time.
    let k = -2;
    assert_eq!(x.slice(s![0, 4..=0;k]).to_vec(), vec![4, 2, 0]);
}

#[test]
fn a_slice_info_can_be_kept_and_reused() {
    let x = arange(8i64).into_shape([2, 4]).unwrap();
    let y = linspace(0.0, 7.0, 8).into_shape([2, 4]).unwrap();
    let info = s![.., ..;-1];
    assert_eq!(x.slice(info).to_vec(), vec![3, 2, 1, 0, 7, 6, 5, 4]);
    assert_eq!(x.slice(info).to_vec(), x.slice(info).to_vec());
    // The same description on another element type of the same rank.
    let _: ArrayView2<f64> = y.slice(s![.., ..;-1]);
}

/// A shape and a layout: 0 contiguous, 1 reversed axes (negative strides), 2 transposed
/// (non-contiguous), 3 broadcast (zero strides).
fn layout() -> impl Strategy<Value = ([usize; 3], u8)> {
    ([0usize..5, 0usize..5, 0usize..5], 0u8..4)
}

fn build(shape: [usize; 3], kind: u8, base: &mut Option<Array3<i64>>) -> ArrayView3<'_, i64> {
    let [a, b, c] = shape;
    match kind {
        0 | 1 => {
            *base = Some(arange((a * b * c) as i64).into_shape([a, b, c]).unwrap());
        }
        2 => {
            *base = Some(arange((a * b * c) as i64).into_shape([c, b, a]).unwrap());
        }
        _ => {
            *base = Some(arange(c as i64).into_shape([1, 1, c]).unwrap());
        }
    }
    let base = base.as_ref().unwrap();
    match kind {
        0 => base.view(),
        1 => base.slice(s![..;-1, .., ..;-1]),
        2 => base.t(),
        _ => base.broadcast_to([a, b, c]).unwrap(),
    }
}

fn entry() -> impl Strategy<Value = SliceInfoElem> {
    let bound = prop::option::of(-7isize..7);
    prop_oneof![
        (bound.clone(), bound, prop_oneof![-4isize..0, 1isize..5])
            .prop_map(|(a, b, k)| SliceInfoElem::from(Slice::new(a, b, k))),
        (-5isize..5).prop_map(SliceInfoElem::Index),
        Just(SliceInfoElem::NewAxis),
    ]
}

/// `a[info]` element by element: the index lists of each axis (Python's slice rule, checked
/// against NumPy by the goldens), their product, and `a[[i, j, k]]` for each.
fn reference(a: &ArrayRef<i64, Ix3>, info: &[SliceInfoElem]) -> Option<(Vec<usize>, Vec<i64>)> {
    let mut axis = 0;
    let mut lists: Vec<Option<Vec<usize>>> = Vec::new(); // None: a fixed index
    let mut fixed = vec![0usize; 3];
    let mut shape = Vec::new();
    for e in info {
        match *e {
            SliceInfoElem::Index(i) => {
                let n = *a.shape().get(axis)? as isize;
                let j = if i < 0 { i + n } else { i };
                if j < 0 || j >= n {
                    return None;
                }
                fixed[axis] = j as usize;
                lists.push(None);
                axis += 1;
            }
            SliceInfoElem::Slice { start, stop, step } => {
                let n = *a.shape().get(axis)?;
                let (first, len) = slice_indices(n, start, stop, step).ok()?;
                let l: Vec<usize> = (0..len as isize)
                    .map(|k| (first + k * step) as usize)
                    .collect();
                shape.push(l.len());
                lists.push(Some(l));
                axis += 1;
            }
            SliceInfoElem::NewAxis => shape.push(1),
            SliceInfoElem::Ellipsis => unreachable!(),
        }
    }
    while axis < 3 {
        let n = a.shape()[axis];
        shape.push(n);
        lists.push(Some((0..n).collect()));
        axis += 1;
    }
    // Enumerate the product of the per-axis lists in C order.
    let mut out = vec![fixed];
    for (ax, l) in lists.iter().enumerate() {
        if let Some(l) = l {
            out = out
                .into_iter()
                .flat_map(|idx| {
                    l.iter().map(move |&i| {
                        let mut idx = idx.clone();
                        idx[ax] = i;
                        idx
                    })
                })
                .collect();
        }
    }
    let n: usize = shape.iter().product();
    let values = if n == 0 {
        vec![]
    } else {
        out.iter().map(|i| a[[i[0], i[1], i[2]]]).collect()
    };
    Some((shape, values))
}

proptest! {
    #[test]
    fn multi_axis_slicing_matches_element_reference(
        (shape, kind) in layout(),
        info in prop::collection::vec(entry(), 0..5),
    ) {
        let mut base = None;
        let a = build(shape, kind, &mut base);
        let got = a.try_slice(&info[..]);
        match reference(&a, &info) {
            Some((shape, values)) => {
                let v = got.unwrap();
                prop_assert_eq!(v.shape(), &shape[..]);
                prop_assert_eq!(v.to_vec(), values);
            }
            None => prop_assert!(got.is_err()),
        }
    }
}

// `s![]` built from values and the runtime API agree on arbitrary bounds and steps.
proptest! {
    #[test]
    fn macro_equals_runtime_api(
        a in -12isize..12, b in -12isize..12, k in prop_oneof![-5isize..0, 1isize..5],
        i in -3isize..3,
    ) {
        let x = arange(60i64).into_shape([3, 4, 5]).unwrap();
        let rt = x.try_slice(&[SliceInfoElem::Index(i), Slice::new(Some(a), Some(b), k).into()][..]);
        let m: ndcore::Result<ArrayView2<i64>> = x.try_slice(s![i, a..b;k]);
        match (rt, m) {
            (Ok(r), Ok(m)) => {
                prop_assert_eq!(r.shape(), m.shape());
                prop_assert_eq!(r.strides(), m.strides());
                prop_assert_eq!(r.to_vec(), m.to_vec());
            }
            (Err(r), Err(m)) => prop_assert_eq!(r, m),
            (r, m) => prop_assert!(false, "{:?} vs {:?}", r.map(|v| v.to_vec()), m.map(|v| v.to_vec())),
        }
    }
}
