//! NumPy's shape tools that build new arrays (or lists of views): `hstack`, `vstack`,
//! `dstack`, `column_stack`, `split`/`array_split`, `roll`, `tile`, `repeat`, `pad`,
//! `tril`/`triu` and `trace`.
//!
//! The views (`flip`, `moveaxis`, `swapaxes`, `squeeze_axis`, `atleast_2d`, …) and the
//! `*_like` constructors live in ndcore, on every array.
//!
//! Ranks: where NumPy's result rank follows from the input ranks, it is computed at
//! compile time (`vstack` of 1-d arrays is an `Array2`, of 3-d an `Array3`, through
//! [`DimMax`](ndcore::DimMax)); `tile`, whose rank depends on the length of `reps`,
//! gives an `ArrayD`. Copies are made by contiguous runs (whole rows, blocks, broadcast
//! assignments), not element by element through indices.
//!
//! ```
//! use ndops::prelude::*;
//! let a = arange(3i64);
//! let m: Array2<i64> = vstack(&[&a, &a])?;
//! assert_eq!(m.shape(), &[2, 3]);
//! let seven = arange(7i64);
//! let parts = array_split(&seven, 3, Axis(0))?;
//! assert_eq!(parts[2].to_vec(), vec![5, 6]);
//! assert_eq!(roll(&a, 1, None)?.to_vec(), vec![2, 0, 1]);
//! # Ok::<(), ndcore::Error>(())
//! ```

mod pad;
mod repeat;
mod roll;
mod split;
mod stacking;
mod tri;

pub use pad::{PadMode, PadWidth, pad};
pub use repeat::{Repeats, repeat, repeat_flat, tile};
pub use roll::{roll, roll_axes};
pub use split::{Sections, array_split, array_split_mut, split, split_mut};
pub use stacking::{column_stack, dstack, hstack, vstack};
pub use tri::{trace, trace_axes, tril, triu};

use ndcore::error::Result;
use ndcore::{ArrayRef, ArrayView, ArrayViewMut, Dimension, Slice, SliceInfoElem};

/// The selection `start:stop:step` along `axis`, full on the other axes.
fn along(
    ndim: usize,
    axis: usize,
    start: Option<isize>,
    stop: Option<isize>,
    step: isize,
) -> Vec<SliceInfoElem> {
    let mut sel = vec![SliceInfoElem::FULL; ndim];
    sel[axis] = Slice::new(start, stop, step).into();
    sel
}

/// A view of `a[..., start:stop, ...]` (Python's slice rules) on `axis`, keeping the rank.
fn axis_range<T, D: Dimension>(
    a: &ArrayRef<T, D>,
    axis: usize,
    start: isize,
    stop: isize,
) -> Result<ArrayView<'_, T, D>> {
    a.try_slice(along(a.ndim(), axis, Some(start), Some(stop), 1).as_slice())?
        .into_rank()
}

/// Like [`axis_range`], writable.
fn axis_range_mut<T, D: Dimension>(
    a: &mut ArrayRef<T, D>,
    axis: usize,
    start: isize,
    stop: isize,
) -> Result<ArrayViewMut<'_, T, D>> {
    let sel = along(a.ndim(), axis, Some(start), Some(stop), 1);
    a.try_slice_mut(sel.as_slice())?.into_rank()
}
