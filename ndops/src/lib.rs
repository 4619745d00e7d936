//! `ndops`: broadcasting, operators, ufuncs, reductions and masks for ndcore arrays.
//!
//! Everything element-wise runs through ndcore's loop engine: the operands are broadcast to
//! one shape (never materialized: stride 0), the engine merges contiguous axes, and the
//! kernels in [`kernels`] get contiguous slices (vectorized, with the best SIMD level the CPU
//! has, picked at run time), stride-0 scalars, or strided runs.

pub mod broadcast;
pub mod compare;
pub mod kernels;
pub mod ops;
pub mod reduce;
pub mod select;
pub mod ufunc;

pub use broadcast::{broadcast_arrays, broadcast_shapes};
pub use compare::{
    all, any, equal, greater, greater_equal, less, less_equal, logical_and, logical_not,
    logical_or, logical_xor, not_equal,
};
pub use ndcore::ops::{map, map_inplace, map_into, zip_map, zip_map_inplace, zip_map_into};
pub use reduce::Reduce;
pub use select::{Select, concatenate, stack, where_};
pub use ufunc::*;

/// The traits and functions a NumPy user reaches for first: `use ndops::prelude::*;` gives
/// every array the reduction and selection methods (`x.sum()`, `x.masked(&m)`, …).
///
/// ```
/// use ndcore::prelude::*;
/// use ndops::prelude::*;
/// let x = arange(6i64).into_shape([2, 3]).unwrap();
/// assert_eq!(x.sum_axis(Axis(0)).unwrap().to_vec(), vec![3, 5, 7]);
/// assert_eq!(x.diff(1, Axis(1)).unwrap().to_vec(), vec![1, 1, 1, 1]);
/// ```
pub mod prelude {
    pub use crate::reduce::Reduce;
    pub use crate::select::{Select, concatenate, stack, where_};
}
