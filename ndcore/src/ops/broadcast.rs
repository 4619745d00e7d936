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

/// Values kept on the stack up to this many (every static rank), on the heap beyond.
const INLINE: usize = 8;

/// A short vector of shape or stride entries: element-wise operations build a few per
/// call, and on small arrays a heap allocation, or zeroing `MAX_NDIM` entries, would cost
/// as much as the loop.
#[derive(Clone, Debug)]
pub(crate) enum Buf<T: Copy + Default> {
    Inline(usize, [T; INLINE]),
    Heap(Vec<T>),
}

impl<T: Copy + Default> Buf<T> {
    /// `n` default values.
    pub(crate) fn zeros(n: usize) -> Self {
        if n <= INLINE {
            Buf::Inline(n, [T::default(); INLINE])
        } else {
            Buf::Heap(vec![T::default(); n])
        }
    }

    /// A copy of `s`.
    pub(crate) fn from_slice(s: &[T]) -> Self {
        let mut b = Self::zeros(s.len());
        b.as_mut_slice().copy_from_slice(s);
        b
    }

    pub(crate) fn as_slice(&self) -> &[T] {
        match self {
            Buf::Inline(n, a) => &a[..*n],
            Buf::Heap(v) => v,
        }
    }

    pub(crate) fn as_mut_slice(&mut self) -> &mut [T] {
        match self {
            Buf::Inline(n, a) => &mut a[..*n],
            Buf::Heap(v) => v,
        }
    }
}

/// A broadcast shape being built.
#[derive(Clone, Debug)]
pub(crate) struct ShapeBuf(Buf<usize>);

impl ShapeBuf {
    /// The 0-d shape, which broadcasts with anything.
    pub(crate) fn new() -> Self {
        ShapeBuf(Buf::zeros(0))
    }

    /// A copy of `shape`.
    pub(crate) fn from_slice(shape: &[usize]) -> Self {
        ShapeBuf(Buf::from_slice(shape))
    }

    /// Broadcasts `shape` into this one; `false` (and this shape unchanged) if they don't
    /// match or the rank would exceed `MAX_NDIM`.
    pub(crate) fn merge(&mut self, shape: &[usize]) -> bool {
        let cur = self.0.as_slice();
        if shape.len() > MAX_NDIM {
            return false;
        }
        // Check first, so a failed merge leaves the shape as it was.
        for k in 1..=shape.len().min(cur.len()) {
            let (a, b) = (cur[cur.len() - k], shape[shape.len() - k]);
            if a != b && a != 1 && b != 1 {
                return false;
            }
        }
        if shape.len() > cur.len() {
            // The new leading axes come from `shape`.
            let lead = shape.len() - cur.len();
            let mut grown = Buf::zeros(shape.len());
            grown.as_mut_slice()[..lead].copy_from_slice(&shape[..lead]);
            grown.as_mut_slice()[lead..].copy_from_slice(cur);
            self.0 = grown;
        }
        let dims = self.0.as_mut_slice();
        let n = dims.len();
        for k in 1..=shape.len() {
            if dims[n - k] == 1 {
                dims[n - k] = shape[shape.len() - k];
            }
        }
        true
    }

    /// The shape.
    pub(crate) fn as_slice(&self) -> &[usize] {
        self.0.as_slice()
    }
}

/// Byte strides that broadcast an operand of `shape`/`strides` to `to` (stride 0 on
/// repeated axes). The caller has checked that `shape` broadcasts to `to`.
/// Whether two shapes are equal: an inline loop (shapes are a few elements, where the
/// `memcmp` call of slice equality costs more than the comparison).
#[inline(always)]
pub(crate) fn same_shape(a: &[usize], b: &[usize]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

pub(crate) fn broadcast_strides(shape: &[usize], strides: &[isize], to: &[usize]) -> Buf<isize> {
    debug_assert!(shape.len() <= to.len());
    let mut buf = Buf::zeros(to.len());
    let out = buf.as_mut_slice();
    let lead = to.len() - shape.len();
    out[..lead].fill(0);
    for (k, (&n, &s)) in shape.iter().zip(strides).enumerate() {
        // A length-1 axis repeats; a matching one keeps its stride.
        out[lead + k] = if n == 1 && to[lead + k] != 1 { 0 } else { s };
    }
    buf
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
        assert!(s.merge(&[1, 1, 1, 1, 1, 1, 1, 1, 1, 3]));
        assert_eq!(s.as_slice(), &[1, 1, 1, 1, 1, 1, 1, 1, 2, 3]);
    }

    #[test]
    fn strides_repeat_broadcast_axes() {
        let out = broadcast_strides(&[3, 1], &[8, 8], &[2, 3, 4]);
        assert_eq!(out.as_slice(), &[0, 8, 0]);
        assert_eq!(broadcast_strides(&[1], &[8], &[1]).as_slice(), &[8]);
        let long: Vec<usize> = (1..=10).collect();
        assert_eq!(broadcast_strides(&[10], &[8], &long).as_slice()[9], 8);
    }
}
