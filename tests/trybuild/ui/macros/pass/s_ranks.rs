// The tricky successes of s![]: ranks computed with no annotation, through ellipses and new
// axes, past Ix6 into IxDyn, on IxDyn arrays, for slice/slice_mut/slice_move, with entries
// of every kind and a description kept in a variable.
use ndcore::prelude::*;
use ndcore::{ArrayView, ArrayView3, ArrayViewMut, Ix0, Ix1};

fn first_of(v: ArrayView1<'_, i64>) -> i64 {
    v[[0]]
}

fn main() {
    let mut x = arange(60i64).into_shape([3, 4, 5]).unwrap();
    // An Ix3 array and one index: an Ix2 view, inferred and then used as one.
    let row = x.slice(s![1, ..]);
    let _: ArrayView2<i64> = row;
    assert_eq!(first_of(x.slice(s![2, 1, ..;-1])), 49);
    // Indices only: 0-d.
    let _: ArrayView<'_, i64, Ix0> = x.slice(s![0, 0, 0]);
    // `...` takes what the other entries leave, NewAxis adds.
    let _: ArrayView2<i64> = x.slice(s![..., NewAxis, 0, 0]);
    let _: ArrayView2<i64> = x.slice(s![0, ..., 1..;2]);
    // Seven axes: IxDyn.
    let big: ArrayViewD<i64> = x.slice(s![NewAxis, NewAxis, NewAxis, NewAxis]);
    assert_eq!(big.ndim(), 7);
    // Writable slices of writable arrays.
    let m: ArrayViewMut<'_, i64, Ix1> = x.slice_mut(s![-1, -1, ..]);
    assert_eq!(m.len(), 5);
    x.view_mut().slice_mut(s![0, 0, 0]).fill(100);
    // Consuming: the rank of a view or an owned array changes the same way.
    let v = x.view().slice_move(s![1.., 0, NewAxis]).unwrap();
    let _: ArrayView3<i64> = v;
    let o = x.clone().slice_move(s![0]).unwrap();
    let _: Array2<i64> = o;
    // Dynamic rank in, dynamic rank out.
    let d = x.view().into_dyn();
    let _: ArrayViewD<i64> = d.slice(s![0, ..;-1]);
    // Entries from values: an index of any integer type, ranges, NewAxis, Slice.
    let (i, r, n) = (1u16, 0..2usize, NewAxis);
    let _: ArrayView3<i64> = x.slice(s![i, r, n, Slice::new(None, None, -1)]);
    // A description kept and reused.
    let every_other = s![..;2, ..;2];
    let a = x.slice(every_other);
    let b = x.slice(every_other);
    assert_eq!(a.shape(), b.shape());
    // An empty s![] keeps everything.
    let _: ArrayView3<i64> = x.slice(s![]);
}
