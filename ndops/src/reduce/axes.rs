//! NumPy's `axis=` arguments, checked once: negative axes count from the end, an axis past
//! the rank or given twice is an error with NumPy's message.

use ndcore::Error;
use ndcore::error::Result;

/// Axis `axis` of an array of `ndim` axes as a non-negative index (NumPy's
/// `normalize_axis_index`).
///
/// # Errors
/// `axis 3 is out of bounds for array of dimension 2` (the axis printed as given).
pub(crate) fn normalize_axis(axis: isize, ndim: usize) -> Result<usize> {
    let n = ndim as isize;
    let a = if axis < 0 { axis + n } else { axis };
    if (0..n).contains(&a) {
        Ok(a as usize)
    } else {
        Err(Error::AxisOutOfBounds { axis, ndim })
    }
}

/// An axis given as [`Axis`](ndcore::Axis) (never negative), checked against `ndim`.
///
/// # Errors
/// NumPy's `axis 3 is out of bounds for array of dimension 2`.
pub(crate) fn check_axis(axis: usize, ndim: usize) -> Result<usize> {
    if axis < ndim {
        Ok(axis)
    } else {
        Err(Error::AxisOutOfBounds {
            axis: isize::try_from(axis).unwrap_or(isize::MAX),
            ndim,
        })
    }
}

/// Which axes of an array of `ndim` axes a reduction over `axes` removes.
///
/// # Errors
/// An axis out of bounds, or one named twice (`duplicate value in 'axis'`).
pub(crate) fn reduce_mask(axes: &[isize], ndim: usize) -> Result<Vec<bool>> {
    let mut mask = vec![false; ndim];
    for &a in axes {
        let k = normalize_axis(a, ndim)?;
        if std::mem::replace(&mut mask[k], true) {
            return Err(Error::Value("duplicate value in 'axis'".into()));
        }
    }
    Ok(mask)
}

/// The mask of one axis given as [`ndcore::Axis`].
pub(crate) fn single_mask(axis: usize, ndim: usize) -> Result<Vec<bool>> {
    reduce_mask(&[axis as isize], ndim)
}

/// The shape of a reduction's result: reduced axes dropped, or kept with length 1.
pub(crate) fn reduced_shape(shape: &[usize], mask: &[bool], keepdims: bool) -> Vec<usize> {
    shape
        .iter()
        .zip(mask)
        .filter_map(|(&n, &r)| match (r, keepdims) {
            (false, _) => Some(n),
            (true, true) => Some(1),
            (true, false) => None,
        })
        .collect()
}

/// How many elements fold into each result: the product of the reduced axes' lengths.
pub(crate) fn reduced_count(shape: &[usize], mask: &[bool]) -> usize {
    shape
        .iter()
        .zip(mask)
        .filter(|(_, r)| **r)
        .map(|(n, _)| n)
        .product()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negative_and_bad_axes() {
        assert_eq!(normalize_axis(-1, 3).unwrap(), 2);
        assert_eq!(
            normalize_axis(3, 2).unwrap_err().to_string(),
            "axis 3 is out of bounds for array of dimension 2"
        );
        assert_eq!(
            normalize_axis(-3, 2).unwrap_err().to_string(),
            "axis -3 is out of bounds for array of dimension 2"
        );
        assert_eq!(
            reduce_mask(&[0, -2], 2).unwrap_err().to_string(),
            "duplicate value in 'axis'"
        );
        assert_eq!(reduce_mask(&[-1], 3).unwrap(), vec![false, false, true]);
        assert!(normalize_axis(0, 0).is_err());
    }

    #[test]
    fn shapes_and_counts() {
        let m = [true, false, true];
        assert_eq!(reduced_shape(&[2, 3, 4], &m, false), vec![3]);
        assert_eq!(reduced_shape(&[2, 3, 4], &m, true), vec![1, 3, 1]);
        assert_eq!(reduced_count(&[2, 3, 4], &m), 8);
        assert_eq!(reduced_count(&[2, 3, 4], &[false; 3]), 1);
    }
}
