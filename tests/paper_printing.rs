//! The paper's printed arrays, In [2], [5], [8], [10], [13] and [16], as `{:?}` (NumPy's
//! `repr`) prints them, character for character as NumPy 2.4 prints them.
//!
//! Where NumPy 2 differs from the 2011 paper's transcript:
//! - In [10] and [13]: NumPy pads every element of an integer array to the widest one
//!   (`[  1,   4,   7]`, `[[100,   1,   2, …`); the paper's typesetting dropped most of that
//!   padding (`[  1, 4, 7]`, `[[100, 1, 2, …`), though In [8] shows it.
//! - In [16]: the paper abbreviates the 72 bytes as `array([[100, 0, 0, ..., 0, 0, 0, 0, 0,
//!   0]], dtype=uint8)`. NumPy (then and now) summarizes only arrays of more than 1000
//!   elements, so it prints all 72, wrapped at 75 columns with the continuation indent.

use ndcore::prelude::*;

fn every(step: isize) -> SliceInfoElem {
    Slice::new(None, None, step).into()
}

/// In [1]: x = np.arange(9).reshape((3, 3)), and In [7]'s write through y = x[::2, ::2].
fn x_after_in_7() -> Array2<i64> {
    let mut x = arange(9i64).into_shape([3, 3]).unwrap();
    x.slice_mut(&[every(2), every(2)])[[0, 0]] = 100;
    x
}

#[test]
fn in_2_x() {
    let x = arange(9i64).into_shape([3, 3]).unwrap();
    assert_eq!(
        format!("{x:?}"),
        "array([[0, 1, 2],\n       [3, 4, 5],\n       [6, 7, 8]])"
    );
    // print(x)
    assert_eq!(x.to_string(), "[[0 1 2]\n [3 4 5]\n [6 7 8]]");
}

#[test]
fn in_5_y_every_second_element() {
    let x = arange(9i64).into_shape([3, 3]).unwrap();
    let y = x.slice(&[every(2), every(2)]);
    assert_eq!(format!("{y:?}"), "array([[0, 2],\n       [6, 8]])");
}

#[test]
fn in_8_x_after_writing_through_the_view() {
    let x = x_after_in_7();
    assert_eq!(
        format!("{x:?}"),
        "array([[100,   1,   2],\n       [  3,   4,   5],\n       [  6,   7,   8]])"
    );
}

#[test]
fn in_10_the_transpose() {
    let x = x_after_in_7();
    let xt = x.t();
    assert_eq!(
        format!("{xt:?}"),
        "array([[100,   3,   6],\n       [  1,   4,   7],\n       [  2,   5,   8]])"
    );
}

#[test]
fn in_13_reshaped_to_one_row() {
    let x = x_after_in_7();
    let z = x.reshape([1, 9]).unwrap();
    assert_eq!(
        format!("{z:?}"),
        "array([[100,   1,   2,   3,   4,   5,   6,   7,   8]])"
    );
}

#[test]
#[cfg(target_endian = "little")] // the bytes of an i64 as NumPy shows them on x86
fn in_16_the_same_bytes_as_uint8() {
    let x = x_after_in_7();
    let z = x.reshape([1, 9]).unwrap();
    // In [15]: z.dtype = np.dtype('uint8')
    let bytes = z.view_as::<u8>().unwrap();
    assert_eq!(bytes.shape(), &[1, 72]);
    let expected = "\
array([[100,   0,   0,   0,   0,   0,   0,   0,   1,   0,   0,   0,   0,
          0,   0,   0,   2,   0,   0,   0,   0,   0,   0,   0,   3,   0,
          0,   0,   0,   0,   0,   0,   4,   0,   0,   0,   0,   0,   0,
          0,   5,   0,   0,   0,   0,   0,   0,   0,   6,   0,   0,   0,
          0,   0,   0,   0,   7,   0,   0,   0,   0,   0,   0,   0,   8,
          0,   0,   0,   0,   0,   0,   0]], dtype=uint8)";
    assert_eq!(format!("{bytes:?}"), expected);
}
