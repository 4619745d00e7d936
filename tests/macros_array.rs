//! `array![]`: nested literals of every depth to static-rank owned arrays, element types
//! inferred as for `vec![]`.

use ndcore::prelude::*;
use ndcore::{Array5, Array6};

#[test]
fn depths_one_to_six() {
    let a = array![1, 2, 3];
    let _: &Array1<i32> = &a; // an unsuffixed integer literal is i32, as in vec![1, 2, 3]
    assert_eq!(a.shape(), &[3]);
    let b = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];
    let _: &Array2<f64> = &b;
    assert_eq!(b.shape(), &[2, 3]);
    assert_eq!(b.strides(), &[24, 8]);
    assert_eq!(b[[1, 2]], 6.0);
    let c = array![[[1u8], [2]], [[3], [4]]];
    let _: &Array3<u8> = &c;
    assert_eq!((c.shape(), c.to_vec()), (&[2, 2, 1][..], vec![1, 2, 3, 4]));
    let d = array![[[[true, false]]]];
    let _: &Array4<bool> = &d;
    assert_eq!(d.shape(), &[1, 1, 1, 2]);
    let e: Array5<i64> = array![[[[[1, 2, 3]]], [[[4, 5, 6]]]]];
    assert_eq!(e.shape(), &[1, 2, 1, 1, 3]);
    assert_eq!(e.to_vec(), vec![1, 2, 3, 4, 5, 6]);
    let f: Array6<f32> = array![[[[[[0.5]]]]]];
    assert_eq!(
        (f.shape(), f.to_vec()),
        (&[1, 1, 1, 1, 1, 1][..], vec![0.5])
    );
}

#[test]
fn element_type_follows_its_context() {
    let a: Array2<u64> = array![[1, 2], [3, 4]];
    assert_eq!(a.dtype().to_string(), "uint64");
    let b = array![1i16, -2, 3];
    assert_eq!(b.dtype().to_string(), "int16");
    fn takes(a: Array1<f32>) -> f32 {
        a[[2]]
    }
    assert_eq!(takes(array![1.0, 2.0, 3.5]), 3.5);
}

#[test]
fn expressions_and_trailing_commas() {
    let (x, y) = (3i64, 4i64);
    let f = |a: i64, b: i64| a * 10 + b;
    let a = array![[x, y, f(x, y)], [x + y, -x, [1, 2][1]],];
    assert_eq!(a.to_vec(), vec![3, 4, 34, 7, -3, 2]);
    let b = array![[1, 2,], [3, 4,],];
    assert_eq!(b.shape(), &[2, 2]);
}

#[test]
fn empty_literals() {
    let a: Array1<f64> = array![];
    assert_eq!(a.shape(), &[0]);
    let b: Array2<i64> = array![[], [], []];
    assert_eq!(b.shape(), &[3, 0]);
    assert!(b.is_empty());
    let c: Array3<i64> = array![[[]]];
    assert_eq!(c.shape(), &[1, 1, 0]);
}

#[test]
fn equals_from_shape_vec() {
    let a = array![[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]];
    let b = Array::from_shape_vec([2, 2, 3], (1..=12).collect()).unwrap();
    assert_eq!(a, b);
    // C order, owned, contiguous: the flags of a fresh NumPy array.
    assert!(a.is_c_contiguous());
    assert!(a.flags().owndata);
    // Slicing it works like any array.
    assert_eq!(
        a.slice(s![.., -1, ..;-1]).to_vec(),
        vec![6, 5, 4, 12, 11, 10]
    );
}
