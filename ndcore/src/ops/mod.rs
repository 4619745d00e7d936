//! Element-wise operations: broadcasting, the arithmetic operators, comparisons, and the
//! drivers every element-wise operation (here and in `ndops`) runs through.
//!
//! They live in ndcore because Rust's orphan rule lets only the crate that defines
//! `ArrayBase` implement `std::ops::Add` and friends for it; `ndops` builds its ufuncs on
//! the public drivers ([`binary`], [`unary`], [`zip_map`], …) and re-exports the rest.
//!
//! # Operators
//! `+ - * / % & | ^ << >>` and unary `-` `!` work between any two of: an owned array,
//! a view, `&` of either, `&ArrayRef`, and a scalar (on either side: `3.0 * &x`,
//! `&x * 3.0`). Element types promote as NumPy 2's ([`promote`]: `i64` with `f64` is
//! `f64`, a scalar is weak as Python's, `/` is true division). Shapes broadcast by NumPy's
//! rules; the result's rank is computed at compile time (`Ix1` with `Ix3` gives `Ix3`,
//! anything with `IxDyn` gives `IxDyn`). An owned operand passed by value whose shape and
//! type are the result's lends its buffer: `&x * &x - 3.0 * &x + 4.0` allocates two
//! arrays. Compound assignment (`+=` …) broadcasts the right side into the left and casts
//! back within a kind.
//!
//! Operators panic when shapes do not broadcast, with NumPy's message, as indexing out of
//! bounds panics; [`binary`] and the named functions of `ndops` (`ndops::add`, …) return
//! the error instead. Semantics of integer floor division, remainder and shifts: [`elem`].
//!
//! # Threads
//! A large operation (at least 2^17 elements per thread) is cut into slabs along the
//! output's slowest axis, one per thread of [`crate::threads`]; every element is computed
//! as on one thread, so results are the same bits for any thread count. Closures passed to
//! the drivers ([`zip_map`], [`map`], …) must therefore be `Sync` (a counter they update
//! is an atomic, not a `Cell`), and may run on several threads in any order.

mod api;
mod broadcast;
mod compare;
mod driver;
pub mod elem;
mod fused;
mod impls;
mod kernel;
mod operand;
mod parallel;
pub mod promote;
mod simd;
mod walk;

pub use api::{
    BroadcastArray, BroadcastDim, binary, light, map, map_inplace, map_into, promoted,
    promoted_inplace, promoted_into, unary, zip_map, zip_map_inplace, zip_map_into,
};
pub use broadcast::broadcast_shapes;
pub use elem::{Arith, Bitwise, Shift};
pub use fused::{MAX_OPERANDS, zip_map_n, zip_map_n_into};
pub use operand::{Operand, Source};
pub use promote::{
    PairArray, PairDim, Promote, Promoted, Promotes, SameKind, TrueDivide, WeakScalar,
};
pub use simd::{
    Cost, Kernel, SimdLevel, detected_simd_level, dispatch, set_simd_level, set_stream_threshold,
    simd_level, stream_threshold,
};
