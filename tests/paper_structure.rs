//! The paper's structure section, In [1]–[20]: one block of memory seen through shape,
//! strides and dtype, so slicing, transposing, reshaping and reinterpreting never copy.
//!
//! Python's `x[::2, ::2]` is written here with runtime slice entries; the `s![]` macro
//! form is covered by the macro tests. (The paper's text prints In [4] as
//! `x[:, :2, ::2]`, an extraction error: its output and strides are those of `x[::2, ::2]`.)

use ndcore::prelude::*;

fn every(step: isize) -> SliceInfoElem {
    Slice::new(None, None, step).into()
}

fn arr2(rows: &[[i64; 3]]) -> Array2<i64> {
    Array::from_shape_vec([rows.len(), 3], rows.iter().flatten().copied().collect()).unwrap()
}

#[test]
fn in_1_to_3_arange_reshape_and_strides() {
    // In [1]: x = np.arange(9).reshape((3, 3))
    let x = arange(9i64).into_shape([3, 3]).unwrap();
    // In [2]: x
    assert_eq!(x, arr2(&[[0, 1, 2], [3, 4, 5], [6, 7, 8]]));
    // In [3]: x.strides -> (24, 8)
    assert_eq!(x.strides(), &[24, 8]);
    assert_eq!(x.itemsize(), 8);
    let f = x.flags();
    assert!(f.c_contiguous && !f.f_contiguous && f.owndata && f.writeable && f.aligned);
}

#[test]
fn in_4_to_8_a_strided_view_shares_memory() {
    let mut x = arange(9i64).into_shape([3, 3]).unwrap();
    let base = x.as_ptr();
    {
        // In [4]: y = x[::2, ::2]
        let y = x.slice(&[every(2), every(2)]);
        // In [5]: y -> [[0, 2], [6, 8]]
        assert_eq!(y.shape(), &[2, 2]);
        assert_eq!(y.to_vec(), vec![0, 2, 6, 8]);
        // In [6]: y.strides -> (48, 16)
        assert_eq!(y.strides(), &[48, 16]);
        assert_eq!(y.as_ptr(), base, "a view points into the same memory");
        assert!(!y.flags().owndata && !y.flags().writeable);
    }
    // In [7]: y[0, 0] = 100
    {
        let mut y = x.slice_mut(&[every(2), every(2)]);
        y[[0, 0]] = 100;
        assert_eq!(y[[1, 1]], 8);
    }
    // In [8]: x -> [[100, 1, 2], [3, 4, 5], [6, 7, 8]]
    assert_eq!(x, arr2(&[[100, 1, 2], [3, 4, 5], [6, 7, 8]]));
    assert_eq!(x.as_ptr(), base);
}

#[test]
fn in_9_to_20_transpose_reshape_and_reinterpret_never_copy() {
    let mut x = arange(9i64).into_shape([3, 3]).unwrap();
    x[[0, 0]] = 100;
    let base = x.as_ptr();

    // In [9]: xT = x.T
    let xt = x.t();
    // In [10]: xT -> [[100, 3, 6], [1, 4, 7], [2, 5, 8]]
    assert_eq!(xt.to_vec(), vec![100, 3, 6, 1, 4, 7, 2, 5, 8]);
    // In [11]: xT.strides -> (8, 24)
    assert_eq!(xt.strides(), &[8, 24]);
    assert_eq!(xt.as_ptr(), base);
    assert!(xt.flags().f_contiguous && !xt.flags().c_contiguous);

    // In [12]: z = x.reshape((1, 9))
    let z = x.reshape([1, 9]).unwrap();
    // In [13]: z -> [[100, 1, 2, 3, 4, 5, 6, 7, 8]]
    assert_eq!(z.to_vec(), vec![100, 1, 2, 3, 4, 5, 6, 7, 8]);
    // In [14]: z.strides -> (72, 8)
    assert_eq!(z.strides(), &[72, 8]);
    assert_eq!(z.as_ptr(), base);

    // In [15]: z.dtype = np.dtype('uint8')
    let zb = z.view_as::<u8>().unwrap();
    // In [18]: z.shape -> (1, 72); In [20]: z.strides -> (72, 1)
    assert_eq!(zb.shape(), &[1, 72]);
    assert_eq!(zb.strides(), &[72, 1]);
    assert_eq!(zb.as_ptr().cast::<i64>(), base);
    assert_eq!(zb.dtype().to_string(), "uint8");
    // In [16]: z -> [[100, 0, 0, ..., 0, 0, 0]]: the bytes of little-endian int64s.
    let bytes = zb.to_vec();
    assert_eq!(bytes.len(), 72);
    let expected: Vec<u8> = [100i64, 1, 2, 3, 4, 5, 6, 7, 8]
        .iter()
        .flat_map(|v| v.to_le_bytes())
        .collect();
    assert_eq!(bytes, expected);
    assert_eq!((bytes[0], bytes[8], bytes[71]), (100, 1, 0));
}

#[test]
fn writes_through_a_reinterpreted_view_reach_the_original() {
    let mut x = arange(9i64).into_shape([3, 3]).unwrap();
    let base = x.as_ptr();
    {
        let mut z = x.reshape_mut([1, 9]).unwrap();
        let mut b = z.view_as_mut::<u8>().unwrap();
        assert_eq!(b.as_ptr().cast::<i64>(), base);
        // Byte 9 is the second byte of x[0, 1] (little-endian): 1 + 2 * 256.
        b[[0, 9]] = 2;
    }
    assert_eq!(x[[0, 1]], 1 + 2 * 256);
}

#[test]
fn views_of_views_and_errors_read_like_numpy() {
    let x = arange(9i64).into_shape([3, 3]).unwrap();
    // x.T.reshape(9) must copy in NumPy; here the view form refuses and names to_shape.
    let xt = x.t();
    let err = xt.reshape(9).unwrap_err().to_string();
    assert!(err.contains("to_shape"), "{err}");
    assert_eq!(
        xt.to_shape(9).unwrap().to_vec(),
        vec![0, 3, 6, 1, 4, 7, 2, 5, 8]
    );
    assert_eq!(
        reshape(&x, [4, 2]).unwrap_err().to_string(),
        "cannot reshape array of size 9 into shape (4,2)"
    );
    assert_eq!(
        x.try_get([3, 0]).unwrap_err().to_string(),
        "index 3 is out of bounds for axis 0 with size 3"
    );
    // x.T.view(np.uint8): the last axis is not contiguous.
    assert_eq!(
        xt.view_as::<u8>().unwrap_err().to_string(),
        "To change to a dtype of a different size, the last axis must be contiguous"
    );
}
