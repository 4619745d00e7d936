//! From arrays to kernel matrices: merging axes without copying where the strides allow,
//! packing once where they don't.

use crate::mat::{Mat, elems};
use crate::scalar::LinalgScalar;
use ndcore::{ArrayRef, IxDyn};

/// The byte stride that steps over the merged axes `shape`/`strides` as one axis, if they
/// can be merged (each axis steps exactly over the next; axes of length 1 don't count).
pub(crate) fn merged_stride(shape: &[usize], strides: &[isize]) -> Option<isize> {
    let mut inner: Option<(usize, isize)> = None;
    for (&n, &s) in shape.iter().zip(strides).rev() {
        if n == 1 {
            continue;
        }
        inner = match inner {
            // The merged axis so far: `ni` elements `si` apart.
            Some((ni, si)) if s == si.wrapping_mul(ni as isize) => Some((ni * n, si)),
            Some(_) => return None,
            None => Some((n, s)),
        };
    }
    Some(inner.map_or(0, |(_, s)| s))
}

/// `a` seen as a matrix: every axis but the last merged into rows, the last as columns.
/// A view when the leading axes merge, else a C-order copy (kept alive in the `Vec`).
pub(crate) fn rows_by_last<T: LinalgScalar>(a: &ArrayRef<T, IxDyn>) -> (Mat<T>, Option<Vec<T>>) {
    let (shape, strides) = (a.shape(), a.strides());
    let r = shape.len();
    debug_assert!(r >= 1);
    let rows: usize = shape[..r - 1].iter().product();
    let cols = shape[r - 1];
    if let Some(rs) = merged_stride(&shape[..r - 1], &strides[..r - 1]) {
        let m = Mat {
            ptr: a.as_ptr(),
            rows,
            cols,
            rs: elems::<T>(rs),
            cs: elems::<T>(strides[r - 1]),
        };
        return (m, None);
    }
    let v = a.to_vec();
    let m = Mat {
        ptr: v.as_ptr(),
        rows,
        cols,
        rs: cols as isize,
        cs: 1,
    };
    (m, Some(v))
}

/// The byte strides of an operand's batch axes `op_shape`/`op_strides` lined up with the
/// broadcast batch shape of `ndim` axes: 0 for axes it lacks or repeats (length 1).
pub(crate) fn batch_strides(op_shape: &[usize], op_strides: &[isize], ndim: usize) -> Vec<isize> {
    let lead = ndim - op_shape.len();
    let mut out = vec![0isize; ndim];
    for (i, (&n, &s)) in op_shape.iter().zip(op_strides).enumerate() {
        out[lead + i] = if n == 1 { 0 } else { s };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merging() {
        assert_eq!(merged_stride(&[2, 3], &[24, 8]), Some(8));
        assert_eq!(merged_stride(&[2, 1, 3], &[24, 999, 8]), Some(8));
        assert_eq!(merged_stride(&[2, 3], &[8, 16]), None);
        assert_eq!(merged_stride(&[], &[]), Some(0));
        assert_eq!(merged_stride(&[1, 1], &[5, 7]), Some(0));
        assert_eq!(merged_stride(&[4], &[-8]), Some(-8));
        assert_eq!(batch_strides(&[3, 1], &[40, 8], 3), vec![0, 40, 0]);
    }
}
