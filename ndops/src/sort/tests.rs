//! Unit tests of the module's internals: axis and kth checks, lanes through buffers.

use super::partition::check_kth;
use super::*;
use ndcore::prelude::*;

/// `n` pseudo-random 53-bit words from `seed` (a 64-bit LCG's high bits): test inputs for
/// the sorts without a random-number dependency.
pub(super) fn lcg(n: usize, seed: u64) -> Vec<u64> {
    let mut s = seed;
    (0..n)
        .map(|_| {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            s >> 11
        })
        .collect()
}

#[test]
fn axes_and_kth_are_checked_with_numpy_texts() {
    assert_eq!(normalize_axis(-1, 3).unwrap(), 2);
    assert_eq!(
        normalize_axis(2, 2).unwrap_err().to_string(),
        "axis 2 is out of bounds for array of dimension 2"
    );
    assert_eq!(check_kth(&[3, -1, 3, 0], 5).unwrap(), vec![0, 3, 4]);
    assert_eq!(
        check_kth(&[5], 5).unwrap_err().to_string(),
        "kth(=5) out of bounds (5)"
    );
    assert_eq!(
        check_kth(&[-6], 5).unwrap_err().to_string(),
        "kth(=-1) out of bounds (5)"
    );
}

#[test]
fn strided_lanes_are_sorted_where_they_lie() {
    // Columns of a C array, and a reversed view: gathered, sorted, scattered back.
    let mut x = Array::from_shape_vec([3, 2], vec![5, 0, 1, 9, 3, 4]).unwrap();
    x.sort_inplace(0).unwrap();
    assert_eq!(x.to_vec(), vec![1, 0, 3, 4, 5, 9]);
    let mut y = Array::from_vec(vec![3.0, 1.0, 2.0]);
    y.slice_mut(s![..;-1]).sort_inplace(-1).unwrap();
    assert_eq!(y.to_vec(), vec![3.0, 2.0, 1.0]);
    // A long strided lane goes through the radix sort.
    let mut z = Array::from_shape_vec([1000, 2], (0..2000).rev().collect::<Vec<i64>>()).unwrap();
    z.sort_inplace(0).unwrap();
    assert!(z.column(0).to_vec().windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn zero_dimensional_and_empty_arrays() {
    let z = Array::from_shape_vec([0usize; 0], vec![2.0f64]).unwrap();
    assert_eq!(sort(&z, None).unwrap().to_vec(), vec![2.0]);
    assert!(z.sorted(-1).is_err());
    assert_eq!(argsort(&z, Some(-1)).unwrap().shape(), &[1]);
    let e = Array::<f64, _>::zeros([2, 0]);
    assert_eq!(e.sorted(0).unwrap().shape(), &[2, 0]);
    assert_eq!(e.partitioned(&[7], 1).unwrap().shape(), &[2, 0]);
    assert_eq!(e.argwhere().unwrap().shape(), &[0, 2]);
}
