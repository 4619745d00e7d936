//! Broadcasting with NumPy's rules: shapes are aligned at their last axis, and two lengths
//! match when they are equal or one of them is 1 (which then repeats, with stride 0).

use crate::dimension::MAX_NDIM;
use crate::error::{Error, Result};

/// The shape that `shapes` broadcast to together (NumPy's `np.broadcast_shapes`).
///
/// # Errors
/// If two lengths on one axis differ and neither is 1, with NumPy's ufunc message, every
/// shape followed by a space: `operands could not be broadcast together with shapes (2,3) (4,) `.
/// Also if the result would have more than `MAX_NDIM` axes.
///
/// ```
/// use ndcore::ops::broadcast_shapes;
/// assert_eq!(broadcast_shapes(&[&[2, 4, 3], &[4, 1]]).unwrap(), vec![2, 4, 3]);
/// assert_eq!(broadcast_shapes(&[&[], &[5]]).unwrap(), vec![5]);
/// let e = broadcast_shapes(&[&[2, 3], &[4]]).unwrap_err();
/// assert_eq!(e.to_string(), "operands could not be broadcast together with shapes (2,3) (4,) ");
/// ```
pub fn broadcast_shapes(shapes: &[&[usize]]) -> Result<Vec<usize>> {
    let mut buf = ShapeBuf::new();
    for s in shapes {
        if !buf.merge(s) {
            return Err(broadcast_error(shapes));
        }
    }
    Ok(buf.as_slice().to_vec())
}

/// NumPy's error for operands that do not broadcast together.
pub(crate) fn broadcast_error(shapes: &[&[usize]]) -> Error {
    Error::Broadcast {
        shapes: shapes.iter().map(|s| s.to_vec()).collect(),
    }
}

/// A broadcast shape on the stack: element-wise operations compute one per call, and
/// a heap allocation there would cost as much as a short loop.
#[derive(Clone)]
pub(crate) struct ShapeBuf {
    len: usize,
    dims: [usize; MAX_NDIM],
}

impl ShapeBuf {
    /// The 0-d shape, which broadcasts with anything.
    pub(crate) fn new() -> Self {
        ShapeBuf {
            len: 0,
            dims: [0; MAX_NDIM],
        }
    }

    /// Broadcasts `shape` into this one; `false` (and this shape unchanged in length)
    /// if they don't match or the rank would exceed `MAX_NDIM`.
    pub(crate) fn merge(&mut self, shape: &[usize]) -> bool {
        if shape.len() > MAX_NDIM {
            return false;
        }
        let n = self.len.max(shape.len());
        // Check first, so a failed merge leaves the shape as it was.
        for k in 1..=shape.len().min(self.len) {
            let (a, b) = (self.dims[self.len - k], shape[shape.len() - k]);
            if a != b && a != 1 && b != 1 {
                return false;
            }
        }
        if shape.len() > self.len {
            // Shift right to make room for the new leading axes.
            let lead = shape.len() - self.len;
            self.dims.copy_within(0..self.len, lead);
            self.dims[..lead].copy_from_slice(&shape[..lead]);
            self.len = n;
        }
        for k in 1..=shape.len() {
            let (a, b) = (&mut self.dims[n - k], shape[shape.len() - k]);
            if *a == 1 {
                *a = b;
            }
        }
        true
    }

    /// The shape.
    pub(crate) fn as_slice(&self) -> &[usize] {
        &self.dims[..self.len]
    }
}

/// Byte strides that broadcast an operand of `shape`/`strides` to `to` (stride 0 on
/// repeated axes), written to `out[..to.len()]`. The caller has checked that `shape`
/// broadcasts to `to`.
pub(crate) fn broadcast_strides_into(
    shape: &[usize],
    strides: &[isize],
    to: &[usize],
    out: &mut [isize; MAX_NDIM],
) {
    debug_assert!(shape.len() <= to.len());
    let lead = to.len() - shape.len();
    out[..lead].fill(0);
    for (k, (&n, &s)) in shape.iter().zip(strides).enumerate() {
        // A length-1 axis repeats; a matching one keeps its stride.
        out[lead + k] = if n == 1 && to[lead + k] != 1 { 0 } else { s };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numpy_rules() {
        let b = |s: &[&[usize]]| broadcast_shapes(s);
        assert_eq!(b(&[&[2, 4, 3], &[4, 1]]).unwrap(), vec![2, 4, 3]);
        assert_eq!(b(&[&[1], &[0]]).unwrap(), vec![0]);
        assert_eq!(b(&[&[0, 1], &[1, 5]]).unwrap(), vec![0, 5]);
        assert_eq!(b(&[]).unwrap(), Vec::<usize>::new());
        assert_eq!(b(&[&[3, 1], &[1, 4], &[2, 1, 1]]).unwrap(), vec![2, 3, 4]);
        assert!(b(&[&[0], &[2]]).is_err());
        assert_eq!(
            b(&[&[3], &[3], &[2, 4]]).unwrap_err().to_string(),
            "operands could not be broadcast together with shapes (3,) (3,) (2,4) "
        );
    }

    #[test]
    fn failed_merge_leaves_shape() {
        let mut s = ShapeBuf::new();
        assert!(s.merge(&[2, 3]));
        assert!(!s.merge(&[5, 2, 4]));
        assert_eq!(s.as_slice(), &[2, 3]);
    }

    #[test]
    fn strides_repeat_broadcast_axes() {
        let mut out = [7isize; MAX_NDIM];
        broadcast_strides_into(&[3, 1], &[8, 8], &[2, 3, 4], &mut out);
        assert_eq!(&out[..3], &[0, 8, 0]);
        broadcast_strides_into(&[1], &[8], &[1], &mut out);
        assert_eq!(&out[..1], &[8]);
    }
}
