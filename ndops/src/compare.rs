//! Comparisons and logic: `eq ne lt le gt ge` (methods on every array, from ndcore) give
//! `bool` arrays; `& | ^ !` combine them; [`any`] and [`all`] reduce them.
//!
//! ```
//! use ndcore::prelude::*;
//! use ndops::{all, any};
//! let x = arange(6i64);
//! let m = &x.gt(1).unwrap() & &x.lt(4).unwrap();
//! assert_eq!(m.to_vec(), vec![false, false, true, true, false, false]);
//! assert!(any(&m) && !all(&m));
//! assert!(all(&!&x.eq(-1).unwrap()));
//! ```

use ndcore::ops::light::{binary, promoted, unary};
use ndcore::ops::{BroadcastArray, Operand, PairDim, Promoted};
use ndcore::{Array, ArrayRef, DimMax, Dimension, Element, Result};

macro_rules! comparison_fns {
    ($($name:ident $method:ident $Bound:ident $np:literal [$($y:expr),*];)*) => {$(
        #[doc = concat!("`a ", stringify!($method), " b` element-wise to a `bool` array, ",
            "broadcasting (NumPy's `np.", $np, "`); also `a.", stringify!($method), "(b)`. ",
            "Mixed types compare in their promoted type.")]
        ///
        /// # Errors
        /// If the shapes do not broadcast together (NumPy's message).
        ///
        /// ```
        /// use ndcore::prelude::*;
        #[doc = concat!("let m = ndops::", $np, "(&arange(3i64), 1).unwrap();")]
        #[doc = concat!("assert_eq!(m.to_vec(), vec!", stringify!([$($y),*]), ");")]
        /// ```
        pub fn $name<L, R>(a: L, b: R) -> Result<Array<bool, PairDim<(L, R)>>>
        where
            (L, R): Promoted,
            <(L, R) as Promoted>::Out: $Bound,
        {
            promoted((a, b), |x, y| x.$method(&y))
        }
    )*};
}

comparison_fns! {
    equal         eq PartialEq  "equal"         [false, true, false];
    not_equal     ne PartialEq  "not_equal"     [true, false, true];
    less          lt PartialOrd "less"          [true, false, false];
    less_equal    le PartialOrd "less_equal"    [true, true, false];
    greater       gt PartialOrd "greater"       [false, false, true];
    greater_equal ge PartialOrd "greater_equal" [false, true, true];
}

macro_rules! logical_fns {
    ($($name:ident $op:tt $np:literal [$($y:expr),*];)*) => {$(
        #[doc = concat!("`a ", stringify!($op), " b` on `bool` arrays, broadcasting ",
            "(NumPy's `np.", $np, "`; the `", stringify!($op), "` operator).")]
        ///
        /// An owned operand passed by value with the result's shape is reused.
        ///
        /// # Errors
        /// If the shapes do not broadcast together.
        ///
        /// ```
        /// use ndcore::prelude::*;
        /// let a = Array::from_vec(vec![false, false, true, true]);
        /// let b = Array::from_vec(vec![false, true, false, true]);
        #[doc = concat!("assert_eq!(ndops::", $np, "(&a, &b).unwrap().to_vec(), vec!",
            stringify!([$($y),*]), ");")]
        /// ```
        pub fn $name<L, R>(a: L, b: R) -> Result<BroadcastArray<bool, L::Dim, R::Dim>>
        where
            L: Operand<bool>,
            R: Operand<bool>,
            L::Dim: DimMax<R::Dim>,
        {
            binary(a, b, |x: bool, y: bool| x $op y)
        }
    )*};
}

logical_fns! {
    logical_and & "logical_and" [false, false, false, true];
    logical_or  | "logical_or"  [false, true, true, true];
    logical_xor ^ "logical_xor" [false, true, true, false];
}

/// `!x` on a `bool` array (NumPy's `np.logical_not`; the `!` operator).
///
/// ```
/// use ndcore::prelude::*;
/// let a = Array::from_vec(vec![true, false]);
/// assert_eq!(ndops::logical_not(&a).to_vec(), vec![false, true]);
/// ```
pub fn logical_not<X: Operand<bool>>(x: X) -> ndcore::Array<bool, X::Dim> {
    unary(x, |v: bool| !v)
}

/// Whether any element is nonzero (`true` for `bool`; NumPy's `np.any`); `false` for an
/// empty array. Stops at the first one.
///
/// ```
/// use ndcore::prelude::*;
/// assert!(ndops::any(&arange(3i64)));
/// assert!(!ndops::any(&Array::<f64, _>::zeros(4)));
/// assert!(ndops::any(&Array::from_vec(vec![0.0, f64::NAN])));
/// ```
pub fn any<T: Element, D: Dimension>(x: &ArrayRef<T, D>) -> bool {
    let zero = T::zeroed();
    match x.as_slice_memory_order() {
        Some(s) => s.iter().any(|&v| v != zero),
        None => x.iter().any(|&v| v != zero),
    }
}

/// Whether every element is nonzero (NumPy's `np.all`); `true` for an empty array. Stops
/// at the first zero.
///
/// ```
/// use ndcore::prelude::*;
/// assert!(!ndops::all(&arange(3i64)));
/// assert!(ndops::all(&Array::<bool, _>::zeros(0)));
/// ```
pub fn all<T: Element, D: Dimension>(x: &ArrayRef<T, D>) -> bool {
    let zero = T::zeroed();
    match x.as_slice_memory_order() {
        Some(s) => s.iter().all(|&v| v != zero),
        None => x.iter().all(|&v| v != zero),
    }
}
