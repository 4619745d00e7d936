//! Method syntax for the products: `a.dot(&b)`, `a.matmul(&b)`, as NumPy's `a.dot(b)`.

use crate::rank::{DotRank, MatmulRank};
use crate::scalar::LinalgScalar;
use ndcore::{Array2, ArrayRef, Dimension, Result};

/// The products as methods of every array (`use ndlinalg::prelude::*`).
///
/// Each method is the free function of the same name with `self` as the left operand.
///
/// ```
/// use ndcore::prelude::*;
/// use ndlinalg::prelude::*;
/// let camera = Array::from_shape_vec([3, 3], vec![500., 0., 320., 0., 500., 240., 0., 0., 1.]).unwrap();
/// let points = Array::from_shape_vec([1, 3], vec![0.5, 0.25, 2.0]).unwrap();
/// // vecs = camera.dot(points.T).T
/// let vecs = camera.dot(&points.t()).unwrap().reversed_axes();
/// assert_eq!(vecs.to_vec(), vec![890., 605., 2.]);
/// ```
pub trait Products<T: LinalgScalar, D: Dimension> {
    /// [`crate::dot`]: NumPy's `a.dot(b)`.
    ///
    /// # Errors
    /// As [`crate::dot`].
    fn dot<E: Dimension>(&self, rhs: &ArrayRef<T, E>) -> Result<<D as DotRank<E>>::Output<T>>
    where
        D: DotRank<E>;

    /// [`crate::matmul`]: NumPy's `a @ b`.
    ///
    /// # Errors
    /// As [`crate::matmul`].
    fn matmul<E: Dimension>(&self, rhs: &ArrayRef<T, E>) -> Result<<D as MatmulRank<E>>::Output<T>>
    where
        D: MatmulRank<E>;

    /// [`crate::inner`]: NumPy's `np.inner(a, b)`.
    ///
    /// # Errors
    /// As [`crate::inner`].
    fn inner<E: Dimension>(&self, rhs: &ArrayRef<T, E>) -> Result<<D as DotRank<E>>::Output<T>>
    where
        D: DotRank<E>;

    /// [`crate::vdot`]: NumPy's `np.vdot(a, b)`.
    ///
    /// # Errors
    /// As [`crate::vdot`].
    fn vdot<E: Dimension>(&self, rhs: &ArrayRef<T, E>) -> Result<T>;

    /// [`crate::outer`]: NumPy's `np.outer(a, b)`.
    ///
    /// # Errors
    /// As [`crate::outer`].
    fn outer<E: Dimension>(&self, rhs: &ArrayRef<T, E>) -> Result<Array2<T>>;
}

impl<T: LinalgScalar, D: Dimension> Products<T, D> for ArrayRef<T, D> {
    fn dot<E: Dimension>(&self, rhs: &ArrayRef<T, E>) -> Result<<D as DotRank<E>>::Output<T>>
    where
        D: DotRank<E>,
    {
        crate::dot(self, rhs)
    }

    fn matmul<E: Dimension>(&self, rhs: &ArrayRef<T, E>) -> Result<<D as MatmulRank<E>>::Output<T>>
    where
        D: MatmulRank<E>,
    {
        crate::matmul(self, rhs)
    }

    fn inner<E: Dimension>(&self, rhs: &ArrayRef<T, E>) -> Result<<D as DotRank<E>>::Output<T>>
    where
        D: DotRank<E>,
    {
        crate::inner(self, rhs)
    }

    fn vdot<E: Dimension>(&self, rhs: &ArrayRef<T, E>) -> Result<T> {
        crate::vdot(self, rhs)
    }

    fn outer<E: Dimension>(&self, rhs: &ArrayRef<T, E>) -> Result<Array2<T>> {
        crate::outer(self, rhs)
    }
}
