//! Broadcasting with NumPy's rules (the paper's "Broadcasting Rules"): shapes line up at
//! their last axis; two lengths match when they are equal or one is 1, which then repeats
//! with stride 0, so a broadcast operand is never copied.
//!
//! The rules themselves live in ndcore (its operators need them); this module gives them
//! NumPy's names.

pub use ndcore::ops::{BroadcastArray, BroadcastDim, broadcast_shapes};

use ndcore::{ArrayRef, ArrayView, DimMax, Dimension, Result};

/// Two arrays as read-only views of their common broadcast shape, with stride 0 on the
/// repeated axes (NumPy's `np.broadcast_arrays(a, b)`); the rank is computed at compile
/// time.
///
/// # Errors
/// If the shapes do not broadcast together (NumPy's message).
///
/// ```
/// use ndcore::prelude::*;
/// let x = arange(3i64);
/// let y = Array::<i64, _>::zeros([2, 1]);
/// let (bx, by) = ndops::broadcast_arrays(&x, &y).unwrap();
/// assert_eq!(bx.shape(), &[2, 3]);
/// assert_eq!(by.strides(), &[8, 0]);
/// assert!(ndops::broadcast_arrays(&x, &arange(4i64)).is_err());
/// ```
#[allow(clippy::type_complexity)]
pub fn broadcast_arrays<'a, 'b, A, B, DA, DB>(
    a: &'a ArrayRef<A, DA>,
    b: &'b ArrayRef<B, DB>,
) -> Result<(
    ArrayView<'a, A, BroadcastDim<DA, DB>>,
    ArrayView<'b, B, BroadcastDim<DA, DB>>,
)>
where
    DA: Dimension + DimMax<DB>,
    DB: Dimension,
{
    let shape = broadcast_shapes(&[a.shape(), b.shape()])?;
    let dim = BroadcastDim::<DA, DB>::from_slice(&shape)?;
    Ok((a.broadcast_to(dim.clone())?, b.broadcast_to(dim)?))
}
