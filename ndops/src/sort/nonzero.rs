//! `argwhere` and `flatnonzero`: the places of the nonzero elements (NumPy's
//! `np.argwhere`, `np.flatnonzero`). An element is nonzero when it differs from its
//! all-zero value: `-0.0` is zero, NaN is not, `false` is.

use ndcore::error::Result;
use ndcore::{Array1, Array2, ArrayRef, Dimension, Element};

#[inline]
fn is_nonzero<T: Element>(x: &T) -> bool {
    *x != T::zeroed()
}

pub(crate) fn argwhere<T: Element, D: Dimension>(a: &ArrayRef<T, D>) -> Result<Array2<i64>> {
    let nd = a.ndim();
    let shape = a.shape().to_vec();
    let mut out: Vec<i64> = Vec::new();
    let mut rows = 0;
    let mut idx = vec![0usize; nd];
    for x in a.iter() {
        if is_nonzero(x) {
            out.extend(idx.iter().map(|&i| i as i64));
            rows += 1;
        }
        // Odometer in C order, matching `iter()`.
        for ax in (0..nd).rev() {
            idx[ax] += 1;
            if idx[ax] < shape[ax] {
                break;
            }
            idx[ax] = 0;
        }
    }
    Array2::from_shape_vec([rows, nd], out)
}

pub(crate) fn flatnonzero<T: Element, D: Dimension>(a: &ArrayRef<T, D>) -> Array1<i64> {
    let v: Vec<i64> = a
        .iter()
        .zip(0i64..)
        .filter(|(x, _)| is_nonzero(*x))
        .map(|(_, i)| i)
        .collect();
    Array1::from_vec(v)
}
