//! Ranks: static (`Ix<N>`, aliases `Ix0`…`Ix6`) and dynamic (`IxDyn`).
//!
//! A rank type holds a shape; its associated `Strides` type holds byte strides of the same
//! length. Static ranks keep both in arrays on the stack, so the compiler knows the rank of
//! every view; `IxDyn` keeps them in small vectors.

mod axis;
mod dynrank;
mod into_dim;
mod max;
mod rank;

pub use axis::Axis;
pub use dynrank::{DynRank, IxDyn, SmallVec};
pub use into_dim::{IntoDimension, IntoStrides};
pub use max::DimMax;
pub use rank::{Ix, Ix0, Ix1, Ix2, Ix3, Ix4, Ix5, Ix6};

use crate::error::{Error, Result};
use std::fmt::Debug;
use std::hash::Hash;

/// The most axes an array may have (NumPy 2's `NPY_MAXDIMS`).
pub const MAX_NDIM: usize = 64;

/// A rank: the number of axes of an array, known at compile time or at run time.
///
/// Implemented by `Ix<0>`…`Ix<6>` (`Ix0`…`Ix6`) and `IxDyn`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a rank nd knows",
    note = "use `Ix0`…`Ix6` for a rank known at compile time, or `IxDyn` for any rank"
)]
pub trait Dimension:
    Clone + Eq + Hash + Debug + Send + Sync + Default + 'static + AsRef<[usize]> + AsMut<[usize]>
{
    /// The number of axes, when known at compile time.
    const NDIM: Option<usize>;
    /// Byte strides, one per axis.
    type Strides: Clone + Eq + Debug + Send + Sync + AsRef<[isize]> + AsMut<[isize]>;
    /// The rank with one axis fewer (`Ix0` stays `Ix0`; checked at run time).
    type Smaller: Dimension;
    /// The rank with one axis more (`Ix6` grows to `IxDyn`).
    type Larger: Dimension;

    /// Number of axes.
    fn ndim(&self) -> usize {
        self.as_ref().len()
    }

    /// A shape of `ndim` zeros, or an error if this rank cannot have `ndim` axes.
    fn zeros(ndim: usize) -> Result<Self>;

    /// Strides of `ndim` zeros (`ndim` must be valid for this rank).
    fn zero_strides(ndim: usize) -> Self::Strides;

    /// The shape from a slice, or an error if its length is not a valid rank here.
    #[inline]
    fn from_slice(shape: &[usize]) -> Result<Self> {
        let mut d = Self::zeros(shape.len())?;
        d.as_mut().copy_from_slice(shape);
        Ok(d)
    }

    /// Strides from a slice of the right length (checked by the caller's shape).
    #[inline]
    fn strides_from_slice(strides: &[isize]) -> Result<Self::Strides> {
        let d = Self::zeros(strides.len())?;
        let mut s = Self::zero_strides(d.ndim());
        s.as_mut().copy_from_slice(strides);
        Ok(s)
    }

    /// The number of elements (the product of the shape); 1 for a 0-d shape.
    fn size(&self) -> usize {
        self.as_ref().iter().product()
    }

    /// The number of elements, or `None` if the product overflows `usize`.
    fn size_checked(&self) -> Option<usize> {
        self.as_ref()
            .iter()
            .try_fold(1usize, |acc, &n| acc.checked_mul(n))
    }

    /// This shape as a dynamic-rank shape.
    fn into_dyn(self) -> IxDyn {
        // Every rank value holds at most MAX_NDIM axes: static ranks by type, dynamic ones
        // because they are only made through `zeros`, which checks.
        IxDyn(dynrank::SmallVec::from_slice(self.as_ref()))
    }
}

/// Converts a shape of one rank type to another, checking the number of axes.
pub(crate) fn convert_dim<D: Dimension, E: Dimension>(d: &D) -> Result<E> {
    E::from_slice(d.as_ref()).map_err(|_| Error::RankMismatch {
        expected: E::NDIM.unwrap_or(d.ndim()),
        got: d.ndim(),
    })
}
