//! `nd-macros`: the `s![]`, `array![]`, `mgrid!` and `ogrid!` macros of nd.
//!
//! Use them through `ndcore`, which re-exports them (`ndcore::s!`, or
//! `use ndcore::prelude::*`); they expand to `::ndcore::…` paths. What can be checked from
//! the tokens alone (a literal step of 0, two `...`, a ragged literal) is a compile error
//! here, with its span; what depends on types (the rank of the array sliced, a read-only
//! array) is checked by ndcore's traits, whose messages say what went wrong.

mod array;
mod grid;
mod lit;
mod slice;

use proc_macro::TokenStream;

/// NumPy's basic slicing, `a[1:, ::-1, 0, np.newaxis, ...]`, in Rust tokens; the rank of
/// the result is computed by the compiler.
///
/// Entries, separated by commas, as in NumPy:
/// - a range with an optional step: `a..b`, `a..`, `..b`, `..`, `..;2`, `5..1;-1`
///   (= `5:1:-1`: the step's sign decides the direction, as in NumPy, and bounds are
///   clamped). Negative bounds count from the end. `a..=b` includes index `b` (for either
///   sign of step), so `..=-1` is the whole axis and `3..=0;-1` is `3, 2, 1, 0`;
/// - an integer index (removes the axis; negative counts from the end);
/// - `NewAxis` (adds an axis of length 1);
/// - `...` (as many full slices as needed; at most one).
///
/// Any expression may stand for a bound, an index or a step; an expression entry counts as
/// what its type is (an integer is an index, a `Range` value a range, `NewAxis` a new
/// axis). Axes not named at the end are kept whole.
///
/// Pass it to `slice`, `slice_mut`, `slice_move` (or `try_slice`): for an array of static
/// rank `N` the result has rank `N − indices + new axes`, known at compile time; for
/// `IxDyn` the result is `IxDyn`, checked at run time.
///
/// Compile errors: a literal step of 0, two `...`, a step after an integer index, more
/// indices and ranges than a static rank has, an entry of another type.
///
/// ```
/// use ndcore::prelude::*;
/// // x = np.arange(60).reshape(3, 4, 5)
/// let x = arange(60i64).into_shape([3, 4, 5]).unwrap();
/// // x[1, ::-1, 4:0:-2] -> shape (4, 2), a static Ix2 view
/// let y: ArrayView2<i64> = x.slice(s![1, ..;-1, 4..0;-2]);
/// assert_eq!(y.shape(), &[4, 2]);
/// assert_eq!(y[[0, 0]], 39);
/// // x[..., np.newaxis] -> (3, 4, 5, 1)
/// assert_eq!(x.slice(s![..., NewAxis]).shape(), &[3, 4, 5, 1]);
/// ```
#[proc_macro]
pub fn s(input: TokenStream) -> TokenStream {
    slice::expand(input.into()).into()
}

/// An owned array from a nested literal, like `np.array([[1, 2], [3, 4]])`.
///
/// One level of brackets per axis (up to 6); the element type is inferred as for `vec![]`.
/// A ragged literal is a compile error that names the row.
///
/// ```
/// use ndcore::prelude::*;
/// let a = array![[1, 2, 3], [4, 5, 6]];
/// assert_eq!(a.shape(), &[2, 3]);
/// assert_eq!(a[[1, 0]], 4);
/// let b: Array3<f64> = array![[[1.0], [2.0]]];
/// assert_eq!(b.shape(), &[1, 2, 1]);
/// ```
#[proc_macro]
pub fn array(input: TokenStream) -> TokenStream {
    array::expand(input.into()).into()
}

/// Dense coordinate grids, like `np.mgrid[-100:100, 0:1:5j]`.
///
/// Entries are `start..stop` with an optional step `;k` or NumPy's count form `;5j` (5
/// points from `start` to `stop`, both included). With `n` entries it gives
/// `Result<(Array<T, Ixn>, …)>`, `n` arrays of the full grid's shape; with a single entry
/// (no trailing comma) one 1-d array, as NumPy does. `T` is `i64` when every bound and step
/// is an integer, `f64` when one is a float or the count form is used. The values are
/// NumPy's: `start + i * step`, the count form with `step = (stop - start) / (num - 1)`.
///
/// # Errors
/// A step of 0 (a literal 0 does not compile), a length that is NaN or infinite, a grid
/// too large, a negative length (NumPy's "negative dimensions are not allowed").
///
/// ```
/// use ndcore::prelude::*;
/// let (i, j) = mgrid![0..3, 0.0..1.0;5j].unwrap();
/// assert_eq!(i.shape(), &[3, 5]);
/// assert_eq!(j.slice(s![0, ..]).to_vec(), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
/// assert_eq!(i[[2, 4]], 2.0); // one float entry makes every array f64, as in NumPy
/// ```
#[proc_macro]
pub fn mgrid(input: TokenStream) -> TokenStream {
    grid::expand(input.into(), grid::Kind::Dense).into()
}

/// Open coordinate grids, like `np.ogrid[-100:100, -100:100]`: the same entries as
/// [`mgrid!`], but array `k` has length `n_k` on axis `k` and 1 elsewhere, so the arrays
/// broadcast against each other and hold only `n_k` elements each.
///
/// # Errors
/// As [`mgrid!`], except that a negative length gives an empty axis (as NumPy's).
///
/// ```
/// use ndcore::prelude::*;
/// let (i, j, k) = ogrid![-100..100, -100..100, -100..100].unwrap();
/// assert_eq!((i.shape(), j.shape(), k.shape()), (&[200, 1, 1][..], &[1, 200, 1][..], &[1, 1, 200][..]));
/// assert_eq!(i.len() + j.len() + k.len(), 600);
/// ```
#[proc_macro]
pub fn ogrid(input: TokenStream) -> TokenStream {
    grid::expand(input.into(), grid::Kind::Open).into()
}
