//! Selection against NumPy's behaviour: masks, where_, nonzero, take/put, diff,
//! concatenate and stack, with NumPy's error messages (taken from NumPy 2.4).

use ndcore::prelude::*;
use ndops::select::{Select, concatenate, stack, where_};

fn err<T: std::fmt::Debug>(r: ndcore::Result<T>) -> String {
    r.expect_err("expected an error").to_string()
}

#[test]
fn masks_select_and_assign_like_numpy() {
    let x = arange(6i64).into_shape([2, 3]).unwrap();
    let m = x.map(|&v| v % 2 == 1);
    assert_eq!(x.masked(&m).unwrap().to_vec(), vec![1, 3, 5]);
    // Transposed array and mask: C order of the transposed view.
    let xt = x.t();
    let mt = m.t();
    assert_eq!(xt.masked(&mt).unwrap().to_vec(), vec![3, 1, 5]);
    assert_eq!(
        err(arange(3i64).masked(&Array::from_vec(vec![true, false, true, true]))),
        "boolean index did not match indexed array along axis 0; size of axis is 3 but size \
         of corresponding boolean axis is 4"
    );
    assert_eq!(
        err(x.masked(&Array::full([2, 2], true))),
        "boolean index did not match indexed array along axis 1; size of axis is 3 but size \
         of corresponding boolean axis is 2"
    );
    assert_eq!(
        err(arange(3i64).masked(&Array::full([3, 3], true))),
        "too many indices for array: array is 1-dimensional, but 2 were indexed"
    );
    // Empty and 0-d.
    let e = Array::<f64, _>::zeros([0, 3]);
    assert_eq!(e.masked(&Array::<bool, _>::zeros([0, 3])).unwrap().len(), 0);
    let z = Array::full([], 5i32);
    assert_eq!(z.masked(&Array::full([], true)).unwrap().to_vec(), vec![5]);

    let mut y = Array::<f64, _>::zeros(4);
    let m = Array::from_vec(vec![true, false, true, false]);
    y.masked_assign(&m, 1.5).unwrap();
    assert_eq!(y.to_vec(), vec![1.5, 0.0, 1.5, 0.0]);
    y.masked_assign(&m, &Array::from_vec(vec![7.0, 8.0]))
        .unwrap();
    assert_eq!(y.to_vec(), vec![7.0, 0.0, 8.0, 0.0]);
    y.masked_assign(&m, &Array::from_vec(vec![2.0])).unwrap();
    assert_eq!(y.to_vec(), vec![2.0, 0.0, 2.0, 0.0]);
    assert_eq!(
        err(y.masked_assign(&m, &Array::from_vec(vec![1.0, 2.0, 3.0]))),
        "NumPy boolean array indexing assignment cannot assign 3 input values to the 2 output \
         values where the mask is true"
    );
    assert_eq!(
        err(y.masked_assign(&m, &Array::<f64, _>::ones([1, 2]))),
        "NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input \
         has 2 dimensions"
    );
    assert_eq!(
        y.to_vec(),
        vec![2.0, 0.0, 2.0, 0.0],
        "nothing written on error"
    );
    // Through a strided, reversed view.
    let mut w = arange(8i64);
    {
        let mut v = w.slice_mut(&[Slice::new(None, None, -2).into()]);
        let mv = Array::from_vec(vec![true, true, false, false]);
        v.masked_assign(&mv, -1).unwrap();
    }
    assert_eq!(w.to_vec(), vec![0, 1, 2, 3, 4, -1, 6, -1]);
}

#[test]
fn where_broadcasts_three_ways() {
    let x = arange(6i64).into_shape([2, 3]).unwrap();
    let c = Array::from_vec(vec![true, false, true]);
    let zero = Array::full([], 0i64);
    let r = where_(&c, &x, &zero).unwrap();
    assert_eq!(r.shape(), &[2, 3]);
    assert_eq!(r.to_vec(), vec![0, 0, 2, 3, 0, 5]);
    // Column condition against a row: (2,1) with (3,) -> (2,3).
    let col = Array::from_shape_vec([2, 1], vec![true, false]).unwrap();
    let row = arange(3i64);
    let neg = row.map(|&v| -v);
    let r = where_(&col, &row, &neg).unwrap();
    assert_eq!(r.to_vec(), vec![0, 1, 2, 0, -1, -2]);
    let bad = Array::<f64, _>::zeros(4);
    let c2 = Array::full([2, 3], true);
    assert_eq!(
        err(where_(&c2, &bad, &Array::full([], 1.0))),
        "operands could not be broadcast together with shapes (2,3) (4,) () "
    );
    // Transposed, negative-stride operands.
    let xt = x.t();
    let rev = x.slice(&[Slice::new(None, None, -1).into(), SliceInfoElem::FULL]);
    let ct = Array::full([3, 2], true);
    let r = where_(&ct, &xt, &rev.t()).unwrap();
    assert_eq!(r.to_vec(), xt.to_vec());
}

#[test]
fn nonzero_gives_one_index_array_per_axis() {
    let x = Array::from_shape_vec([2, 3], vec![0.0, 1.5, 0.0, -0.0, f64::NAN, 2.0]).unwrap();
    let nz = x.nonzero().unwrap();
    assert_eq!(nz[0].to_vec(), vec![0, 1, 1]);
    assert_eq!(nz[1].to_vec(), vec![1, 1, 2]);
    let t = x.t().nonzero().unwrap();
    assert_eq!(
        (t[0].to_vec(), t[1].to_vec()),
        (vec![1, 1, 2], vec![0, 1, 1])
    );
    assert_eq!(
        err(Array::full([], 1i64).nonzero()),
        "Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() \
         instead."
    );
    let e = Array::<u8, _>::zeros([0, 2]).nonzero().unwrap();
    assert_eq!(e.len(), 2);
    assert!(e[0].is_empty());
}

#[test]
fn take_and_put_with_negative_and_bad_indices() {
    let x = arange(12i64).into_shape([3, 4]).unwrap();
    let i = Array::from_shape_vec([2, 2], vec![0i64, -1, 2, 1]).unwrap();
    let r = x.take(&i, Some(Axis(1))).unwrap();
    assert_eq!(r.shape(), &[3, 2, 2]);
    assert_eq!(r.to_vec(), vec![0, 3, 2, 1, 4, 7, 6, 5, 8, 11, 10, 9]);
    let r = x.take(&i, Some(Axis(0))).unwrap();
    assert_eq!(r.shape(), &[2, 2, 4]);
    assert_eq!(&r.to_vec()[..8], &[0, 1, 2, 3, 8, 9, 10, 11]);
    assert_eq!(x.take(&i, None).unwrap().to_vec(), vec![0, 11, 2, 1]);
    assert_eq!(
        err(arange(3i64).take(&Array::from_vec(vec![5i64]), None)),
        "index 5 is out of bounds for axis 0 with size 3"
    );
    assert_eq!(
        err(arange(3i64).take(&Array::from_vec(vec![-4i64]), None)),
        "index -4 is out of bounds for axis 0 with size 3"
    );
    assert_eq!(
        err(x.take(&Array::from_vec(vec![4i64]), Some(Axis(1)))),
        "index 4 is out of bounds for axis 1 with size 4"
    );
    assert_eq!(
        err(x.take(&Array::from_vec(vec![0i64]), Some(Axis(2)))),
        "axis 2 is out of bounds for array of dimension 2"
    );
    // take from a transposed view equals take from its copy.
    let xt = x.t();
    assert_eq!(
        xt.take(&i, Some(Axis(1))).unwrap().to_vec(),
        xt.to_owned().take(&i, Some(Axis(1))).unwrap().to_vec()
    );

    let mut a = arange(5i64);
    a.put(&Array::from_vec(vec![0i64, -1]), &Array::from_vec(vec![9]))
        .unwrap();
    assert_eq!(a.to_vec(), vec![9, 1, 2, 3, 9]);
    a.put(
        &Array::from_vec(vec![1i64, 2, 3]),
        &Array::from_vec(vec![7, 8]),
    )
    .unwrap();
    assert_eq!(a.to_vec(), vec![9, 7, 8, 7, 9]);
    assert_eq!(
        err(a.put(&Array::from_vec(vec![0i64, 7]), &Array::from_vec(vec![1]))),
        "index 7 is out of bounds for axis 0 with size 5"
    );
    assert_eq!(a.to_vec(), vec![9, 7, 8, 7, 9], "nothing written on error");
    // put into a transposed view: flat indices in the view's C order.
    let mut m = Array::<i64, _>::zeros([2, 3]);
    {
        let mut v = m.view_mut();
        v.swap_axes(0, 1).unwrap();
        v.put(&Array::from_vec(vec![1i64]), &Array::from_vec(vec![5]))
            .unwrap();
    }
    assert_eq!(m.to_vec(), vec![0, 0, 0, 5, 0, 0]);
}

#[test]
fn diff_like_numpy() {
    // The paper's forward differences: y[1:] - y[:-1].
    let y = Array::from_vec(vec![1.0, 4.0, 9.0, 16.0, 25.0]);
    assert_eq!(
        y.diff(1, Axis(0)).unwrap().to_vec(),
        vec![3.0, 5.0, 7.0, 9.0]
    );
    assert_eq!(y.diff(3, Axis(0)).unwrap().to_vec(), vec![0.0, 0.0]);
    assert_eq!(y.diff(0, Axis(0)).unwrap().to_vec(), y.to_vec());
    assert_eq!(y.diff(9, Axis(0)).unwrap().shape(), &[0]);
    let m = arange(6i64).into_shape([2, 3]).unwrap().map(|&v| v * v);
    assert_eq!(m.diff(1, Axis(1)).unwrap().to_vec(), vec![1, 3, 7, 9]);
    assert_eq!(m.diff(1, Axis(0)).unwrap().to_vec(), vec![9, 15, 21]);
    assert_eq!(m.t().diff(1, Axis(0)).unwrap().to_vec(), vec![1, 7, 3, 9]);
    let b = Array::from_vec(vec![true, false, false]);
    assert_eq!(b.diff(1, Axis(0)).unwrap().to_vec(), vec![true, false]);
    let u = Array::from_vec(vec![5u8, 1]);
    assert_eq!(u.diff(1, Axis(0)).unwrap().to_vec(), vec![252]);
    assert_eq!(
        err(Array::full([], 1.0).diff(1, Axis(0))),
        "diff requires input that is at least one dimensional"
    );
    assert_eq!(
        err(arange(3i64).diff(1, Axis(1))),
        "axis 1 is out of bounds for array of dimension 1"
    );
}

#[test]
fn concatenate_and_stack_like_numpy() {
    let a = arange(6i64).into_shape([2, 3]).unwrap();
    let b = arange(4i64).into_shape([2, 2]).unwrap();
    let c = concatenate(&[&a, &b], Axis(1)).unwrap();
    assert_eq!(c.to_vec(), vec![0, 1, 2, 0, 1, 3, 4, 5, 2, 3]);
    assert_eq!(
        err(concatenate(&[&a, &b], Axis(0))),
        "all the input array dimensions except for the concatenation axis must match exactly, \
         but along dimension 1, the array at index 0 has size 3 and the array at index 1 has \
         size 2"
    );
    let none: [&Array2<i64>; 0] = [];
    assert_eq!(
        err(concatenate(&none, Axis(0))),
        "need at least one array to concatenate"
    );
    assert_eq!(
        err(concatenate(&[&a], Axis(2))),
        "axis 2 is out of bounds for array of dimension 2"
    );
    let d1 = arange(2i64).into_dyn();
    let d2 = a.clone().into_dyn();
    assert_eq!(
        err(concatenate(&[&d1, &d2], Axis(0))),
        "all the input arrays must have same number of dimensions, but the array at index 0 \
         has 1 dimension(s) and the array at index 1 has 2 dimension(s)"
    );
    let z = Array::full([], 1i64);
    assert_eq!(
        err(concatenate(&[&z, &z], Axis(0))),
        "zero-dimensional arrays cannot be concatenated"
    );
    // Views of any layout, and empty pieces.
    let at = a.t();
    let e = Array::<i64, _>::zeros([0, 2]);
    let r = concatenate(&[at.view(), e.view(), at.view()], Axis(0)).unwrap();
    assert_eq!(r.shape(), &[6, 2]);
    assert_eq!(r.to_vec(), vec![0, 3, 1, 4, 2, 5, 0, 3, 1, 4, 2, 5]);

    let s = stack(&[&a, &a], Axis(0)).unwrap();
    assert_eq!(s.shape(), &[2, 2, 3]);
    let s = stack(&[&a, &a], Axis(2)).unwrap();
    assert_eq!(s.shape(), &[2, 3, 2]);
    assert_eq!(&s.to_vec()[..4], &[0, 0, 1, 1]);
    assert_eq!(
        err(stack(&[&a, &a], Axis(3))),
        "axis 3 is out of bounds for array of dimension 3"
    );
    assert_eq!(
        err(stack(&[arange(2i64), arange(3i64)], Axis(0))),
        "all input arrays must have the same shape"
    );
    let none: [Array1<i64>; 0] = [];
    assert_eq!(
        err(stack(&none, Axis(0))),
        "need at least one array to stack"
    );
    let zs = stack(&[Array::full([], 1i64), Array::full([], 2i64)], Axis(0)).unwrap();
    assert_eq!(zs.to_vec(), vec![1, 2]);
}

#[test]
fn compress_like_numpy() {
    let a = arange(6i64).into_shape([2, 3]).unwrap();
    let c = Array::from_vec(vec![true, false]);
    assert_eq!(a.compress(&c, Axis(1)).unwrap().to_vec(), vec![0, 3]);
    let c = Array::from_vec(vec![false, true, true, false]);
    assert_eq!(a.compress(&c, Axis(1)).unwrap().to_vec(), vec![1, 2, 4, 5]);
    let c = Array::from_vec(vec![true, false, true, true]);
    assert_eq!(
        err(a.compress(&c, Axis(1))),
        "index 3 is out of bounds for axis 1 with size 3"
    );
    assert_eq!(
        err(a.compress(&c, Axis(2))),
        "axis 2 is out of bounds for array of dimension 2"
    );
    // Rows of a transposed view; an all-false condition gives an empty axis.
    let t = a.t();
    let r = t
        .compress(&Array::from_vec(vec![true, false, true]), Axis(0))
        .unwrap();
    assert_eq!(r.to_vec(), vec![0, 3, 2, 5]);
    let none = t
        .compress(&Array::from_vec(vec![false; 3]), Axis(0))
        .unwrap();
    assert_eq!(none.shape(), &[0, 2]);
}
