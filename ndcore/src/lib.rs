//! `ndcore`: NumPy's array model in Rust.
//!
//! An array is one block of memory seen through a data pointer, a shape, byte strides and
//! an element type, so slicing, transposing, reshaping and reinterpreting never copy.
//! Ownership and mutability live in the type: a read-only view cannot be written, and
//! that is checked by the compiler.
//!
//! ```
//! use ndcore::prelude::*;
//! // x = np.arange(9).reshape((3, 3))
//! let mut x = arange(9i64).into_shape([3, 3]).unwrap();
//! assert_eq!(x.strides(), &[24, 8]);
//! // y = x[::2, ::2]
//! let y = x.slice(&[Slice::new(None, None, 2).into(), Slice::new(None, None, 2).into()]);
//! assert_eq!(y.strides(), &[48, 16]);
//! // y[0, 0] = 100 shows in x
//! x.slice_mut(&[SliceInfoElem::FULL])[[0, 0]] = 100;
//! assert_eq!(x[[0, 0]], 100);
//! ```
//!
//! Crates: `ndcore` (this one) for arrays and views, `ndops` for math, `ndlinalg` for
//! products, `ndio` for files and sharing memory.

extern crate self as ndcore;

pub mod alloc;
pub mod any;
pub mod array;
// The page's examples use ndops and ndlinalg too, so they run as doc tests of nd-tests
// (which includes the same file), not here.
#[cfg_attr(not(doctest), doc = include_str!("cheatsheet.md"))]
pub mod cheatsheet {}
pub mod dimension;
pub mod dtype;
pub mod element;
pub mod endian;
pub mod engine;
pub mod error;
pub mod fmt;
pub mod grid;
pub mod iter;
pub mod layout;
pub mod macro_support;
pub mod ops;
pub mod record;
pub mod slice;
pub mod storage;
pub mod threads;

pub use array::{
    ArcArray, Array, Array0, Array1, Array2, Array3, Array4, Array5, Array6, ArrayBase, ArrayD,
    ArrayRef, ArrayView, ArrayView0, ArrayView1, ArrayView2, ArrayView3, ArrayView4, ArrayView5,
    ArrayView6, ArrayViewD, ArrayViewMut, ArrayViewMut0, ArrayViewMut1, ArrayViewMut2,
    ArrayViewMut3, ArrayViewMut4, ArrayViewMut5, ArrayViewMut6, ArrayViewMutD, CowArray, Flags,
    IndexInt, LinspaceElem, NdIndex, Reshape, arange, arange_with, linspace, linspace_with,
    reshape,
};
pub use array::{AxisList, empty_like, full_like, ones_like, zeros_like};
pub use dimension::{
    Axis, DimMax, Dimension, DynRank, IntoDimension, Ix, Ix0, Ix1, Ix2, Ix3, Ix4, Ix5, Ix6, IxDyn,
};
pub use dtype::{ByteOrder, DType, Field, Kind};
pub use element::{CastTo, Element};
pub use error::{Error, Result};
pub use fmt::PrintOptions;
pub use layout::Order;
pub use slice::{NewAxis, Slice, SliceArg, SliceInfo, SliceInfoElem};

#[doc(hidden)]
pub use bytemuck as __bytemuck;
pub use grid::{Indexing, meshgrid, meshgrid_sparse};
pub use nd_derive::Record;
pub use nd_macros::{array, mgrid, ogrid, s};

/// Everything a NumPy user reaches for first: `use ndcore::prelude::*;`. The preludes of
/// `ndops` and `ndlinalg` include this one, so one import per crate used is enough.
pub mod prelude {
    pub use crate::{
        ArcArray, Array, Array0, Array1, Array2, Array3, Array4, Array5, Array6, ArrayBase, ArrayD,
        ArrayRef, ArrayView, ArrayView0, ArrayView1, ArrayView2, ArrayView3, ArrayViewD,
        ArrayViewMut, ArrayViewMut1, ArrayViewMut2, ArrayViewMut3, ArrayViewMutD, Axis, CowArray,
        DType, Dimension, Element, Ix, Ix0, Ix1, Ix2, Ix3, Ix4, Ix5, Ix6, IxDyn, NewAxis, Order,
        Reshape, Slice, SliceInfoElem, arange, arange_with, linspace, linspace_with, meshgrid,
        reshape,
    };
    pub use crate::{Record, array, mgrid, ogrid, s};
    pub use crate::{empty_like, full_like, ones_like, zeros_like};
}
