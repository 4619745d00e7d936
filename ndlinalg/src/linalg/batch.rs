//! Leading (batch) axes: NumPy's linalg functions take stacks `(..., M, N)` of matrices and
//! broadcast the stacks of two operands together.

use crate::linalg::LinalgFloat;
use crate::linalg::error::{LinAlgError, Result};
use faer::MatMut;
use ndcore::{ArrayD, ArrayRef, IxDyn};

/// Checks that `a` is a stack of matrices (rank at least 2).
pub(crate) fn check_2d<T: LinalgFloat>(a: &ArrayRef<T, IxDyn>) -> Result<()> {
    if a.ndim() < 2 {
        return Err(LinAlgError::TooFewDims { ndim: a.ndim() });
    }
    Ok(())
}

/// Checks that `a` is a stack of square matrices; returns their order.
pub(crate) fn check_square<T: LinalgFloat>(a: &ArrayRef<T, IxDyn>) -> Result<usize> {
    check_2d(a)?;
    let nd = a.ndim();
    if a.shape()[nd - 1] != a.shape()[nd - 2] {
        return Err(LinAlgError::NotSquare);
    }
    Ok(a.shape()[nd - 1])
}

/// The batch shape of a stack: its shape without the last `core` axes.
pub(crate) fn batch_of<T: LinalgFloat>(a: &ArrayRef<T, IxDyn>, core: usize) -> Vec<usize> {
    a.shape()[..a.ndim() - core].to_vec()
}

/// The byte offsets of the batch elements of an operand whose batch axes are
/// `shape`/`strides`, broadcast to `batch` (right-aligned; length-1 and missing axes
/// repeat), in C order over `batch`.
pub(crate) fn offsets(shape: &[usize], strides: &[isize], batch: &[usize]) -> Vec<isize> {
    let lead = batch.len() - shape.len();
    let mut st = vec![0isize; batch.len()];
    for (i, (&n, &s)) in shape.iter().zip(strides).enumerate() {
        debug_assert!(n == batch[lead + i] || n == 1);
        st[lead + i] = if n == 1 { 0 } else { s };
    }
    let count: usize = batch.iter().product();
    let mut out = Vec::with_capacity(count);
    let mut idx = vec![0usize; batch.len()];
    let mut off = 0isize;
    for _ in 0..count {
        out.push(off);
        // Odometer step over `batch`, keeping `off` in sync.
        for ax in (0..batch.len()).rev() {
            idx[ax] += 1;
            off += st[ax];
            if idx[ax] < batch[ax] {
                break;
            }
            off -= st[ax] * batch[ax] as isize;
            idx[ax] = 0;
        }
    }
    out
}

/// A new stack of `count` matrices `rows × cols`, C-contiguous, zero-filled: the output of
/// a batched function. [`Out::mat`] gives each matrix to faer as a `MatMut`.
pub(crate) struct Out<T> {
    pub data: Vec<T>,
    rows: usize,
    cols: usize,
}

impl<T: LinalgFloat> Out<T> {
    /// A zeroed stack of `count` matrices `rows × cols`.
    pub fn new(count: usize, rows: usize, cols: usize) -> Self {
        Out {
            data: vec![T::zero(); count * rows * cols],
            rows,
            cols,
        }
    }

    /// Matrix `i` of the stack, row-major.
    pub fn mat(&mut self, i: usize) -> MatMut<'_, T> {
        let size = self.rows * self.cols;
        MatMut::from_row_major_slice_mut(
            &mut self.data[i * size..(i + 1) * size],
            self.rows,
            self.cols,
        )
    }

    /// The stack as an array of shape `batch + core`.
    pub fn into_array(self, batch: &[usize], core: &[usize]) -> Result<ArrayD<T>> {
        let mut shape = batch.to_vec();
        shape.extend_from_slice(core);
        Ok(ArrayD::from_shape_vec(shape, self.data)?)
    }
}

/// An array of shape `shape` from values in C order.
pub(crate) fn array<T: LinalgFloat>(shape: &[usize], v: Vec<T>) -> Result<ArrayD<T>> {
    Ok(ArrayD::from_shape_vec(shape.to_vec(), v)?)
}

/// The faer parallelism of every call: one thread, as NumPy's OpenBLAS in the benchmarks.
pub(crate) const PAR: faer::Par = faer::Par::Seq;

#[cfg(test)]
mod tests {
    use super::offsets;

    #[test]
    fn batch_offsets() {
        assert_eq!(
            offsets(&[2, 3], &[48, 16], &[2, 3]),
            vec![0, 16, 32, 48, 64, 80]
        );
        assert_eq!(offsets(&[3], &[16], &[2, 3]), vec![0, 16, 32, 0, 16, 32]);
        assert_eq!(offsets(&[2, 1], &[-8, 99], &[2, 2]), vec![0, 0, -8, -8]);
        assert_eq!(offsets(&[], &[], &[]), vec![0]);
        assert!(offsets(&[0], &[8], &[0]).is_empty());
    }
}
