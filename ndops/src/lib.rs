//! `ndops`: broadcasting, operators, ufuncs, reductions and masks for ndcore arrays.
//!
//! Element-wise work — the operators (implemented in `ndcore::ops`, the only crate Rust
//! lets implement `std::ops` for ndcore's arrays; see [`ops`]), the ufuncs of [`ufunc`]
//! with NumPy's names, the comparisons and logic of [`compare`], and [`map`] / [`zip_map`]
//! for any closure — runs through one driver: operands are broadcast to one shape (never
//! materialized: stride 0), the loop engine merges contiguous axes, and the kernels get
//! contiguous slices (vectorized at the SIMD level the CPU has, picked at run time: see
//! [`kernels`]), stride-0 scalars, or strided runs. Owned operands passed by value lend
//! their buffers to the result.
//!
//! ```
//! use ndcore::prelude::*;
//! // The paper's broadcast grid: one full-size buffer, the square root taken in place.
//! let v = arange_with(-2.0f64, 2.0, 1.0).unwrap();
//! let (i, j) = (v.clone().into_shape([4, 1]).unwrap(), v.into_shape([1, 4]).unwrap());
//! let r = ndops::sqrt(&i * &i + &j * &j);
//! assert_eq!(r.shape(), &[4, 4]);
//! assert_eq!(r[[0, 0]], 8f64.sqrt());
//! // Comparisons give bool arrays; `&`, `|`, `!` combine them.
//! let m = &r.lt(2.0).unwrap() & &r.gt(0.0).unwrap();
//! assert!(ndops::any(&m) && !ndops::all(&m));
//! // Errors read like NumPy's.
//! let e = ndops::add(&j, &arange(3.0f64)).unwrap_err();
//! assert_eq!(e.to_string(), "operands could not be broadcast together with shapes (1,4) (3,) ");
//! ```

pub mod broadcast;
pub mod close;
pub mod compare;
pub mod kernels;
pub mod lazy;
pub mod ops;
pub mod random;
pub mod reduce;
pub mod select;
pub mod shape;
pub mod sort;
pub mod stats;
pub mod ufunc;

pub use broadcast::{broadcast_arrays, broadcast_shapes};
pub use compare::{
    all, any, equal, greater, greater_equal, less, less_equal, logical_and, logical_not,
    logical_or, logical_xor, not_equal,
};
pub use ndcore::ops::{
    map, map_inplace, map_into, zip_map, zip_map_inplace, zip_map_into, zip_map_n, zip_map_n_into,
};
pub use reduce::Reduce;
pub use select::{Select, concatenate, stack, where_};
pub use shape::{
    PadMode, array_split, column_stack, dstack, hstack, pad, repeat, repeat_flat, roll, split,
    tile, trace, trace_axes, tril, triu, vstack,
};
pub use sort::Sort;
pub use ufunc::*;

/// The traits and functions a NumPy user reaches for first: `use ndops::prelude::*;` gives
/// every array the reduction and selection methods (`x.sum()`, `x.masked(&m)`, …).
///
/// ```
/// use ndops::prelude::*; // ndcore's prelude too
/// let x = arange(6i64).reshape((2, 3)).unwrap();
/// assert_eq!(x.sum_axis(Axis(0)).unwrap().to_vec(), vec![3, 5, 7]);
/// assert_eq!(x.diff(1, Axis(1)).unwrap().to_vec(), vec![1, 1, 1, 1]);
/// ```
pub mod prelude {
    pub use crate::reduce::Reduce;
    pub use crate::select::{Select, concatenate, stack, where_};
    pub use crate::shape::{
        PadMode, array_split, column_stack, dstack, hstack, pad, repeat, repeat_flat, roll, split,
        tile, trace, trace_axes, tril, triu, vstack,
    };
    pub use crate::sort::Sort;
    pub use ndcore::prelude::*;
}
