//! Element-wise comparisons to `bool` arrays: `eq ne lt le gt ge` (NumPy's `==`, `!=`,
//! `<`, `<=`, `>`, `>=`). Mixed types compare in their promoted type, as NumPy's do
//! (`i.gt(0.5)` compares an integer array as `f64`).
//!
//! They are inherent methods because `==` must stay array equality (`PartialEq`, a
//! `bool`), and an inherent `eq` is what `x.eq(&y)` finds before `PartialEq::eq`. Floats
//! compare as IEEE and NumPy do: nan is unequal to everything, itself included.

use super::api::{BroadcastDim, zip_map_with};
use super::operand::Operand;
use super::promote::Promotes;
use super::simd::Cost;
use crate::array::{Array, ArrayBase, ArrayRef};
use crate::dimension::{DimMax, Dimension};
use crate::element::{CastTo, Element};
use crate::error::Result;
use crate::storage::Data;

macro_rules! cmp_fn {
    ($name:ident, $Bound:ident, $op:tt, $sym:literal, $np:literal) => {
        #[doc = concat!("`self ", $sym, " rhs` element-wise, broadcasting (NumPy's `",
            $np, "`, the `", $sym, "` operator).")]
        ///
        /// # Errors
        /// If the shapes do not broadcast together (NumPy's message).
        ///
        /// ```
        /// use ndcore::prelude::*;
        /// let x = arange(4i64);
        #[doc = concat!("let m = x.", stringify!($name), "(2).unwrap();")]
        #[doc = concat!("let expect: Vec<bool> = (0..4i64).map(|v| v ", $sym, " 2).collect();")]
        /// assert_eq!(m.to_vec(), expect);
        #[doc = concat!("assert!(x.", stringify!($name), "(&arange(3i64)).is_err());")]
        /// ```
        #[allow(clippy::should_implement_trait)]
        pub fn $name<R>(&self, rhs: R) -> Result<Array<bool, BroadcastDim<D, R::Dim>>>
        where
            T: CastTo<R::Out>,
            R: Promotes<T> + Operand<<R as Promotes<T>>::Elem>,
            R::Out: $Bound,
            D: DimMax<R::Dim>,
        {
            zip_map_with(Cost::Light, self, rhs, |a: T, b: R::Elem| {
                let (x, y): (R::Out, R::Out) = (a.cast_to(), b.cast_to());
                x $op y
            })
        }
    };
}

impl<T: Element, D: Dimension> ArrayRef<T, D> {
    cmp_fn!(eq, PartialEq, ==, "==", "np.equal");
    cmp_fn!(ne, PartialEq, !=, "!=", "np.not_equal");
    cmp_fn!(lt, PartialOrd, <, "<", "np.less");
    cmp_fn!(le, PartialOrd, <=, "<=", "np.less_equal");
    cmp_fn!(gt, PartialOrd, >, ">", "np.greater");
    cmp_fn!(ge, PartialOrd, >=, ">=", "np.greater_equal");
}

/// `eq` and `ne` again on arrays themselves, so that `x.eq(..)` on an owned array or a
/// view finds these before `PartialEq::eq` (which compares whole arrays).
impl<T: Element, S: Data<Elem = T>, D: Dimension> ArrayBase<S, D> {
    /// `self == rhs` element-wise, broadcasting (NumPy's `np.equal`); see
    /// [`ArrayRef::eq`]. Whole-array equality is `==` (`PartialEq`).
    ///
    /// # Errors
    /// If the shapes do not broadcast together.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let x = arange(3i64);
    /// assert_eq!(x.eq(1).unwrap().to_vec(), vec![false, true, false]);
    /// assert!(x == arange(3i64));
    /// ```
    #[allow(clippy::should_implement_trait)]
    pub fn eq<R>(&self, rhs: R) -> Result<Array<bool, BroadcastDim<D, R::Dim>>>
    where
        T: CastTo<R::Out>,
        R: Promotes<T> + Operand<<R as Promotes<T>>::Elem>,
        R::Out: PartialEq,
        D: DimMax<R::Dim>,
    {
        ArrayRef::eq(self, rhs)
    }

    /// `self != rhs` element-wise, broadcasting (NumPy's `np.not_equal`); see
    /// [`ArrayRef::ne`].
    ///
    /// # Errors
    /// If the shapes do not broadcast together.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let x = arange(3i64);
    /// assert_eq!(x.ne(1).unwrap().to_vec(), vec![true, false, true]);
    /// ```
    #[allow(clippy::should_implement_trait)]
    pub fn ne<R>(&self, rhs: R) -> Result<Array<bool, BroadcastDim<D, R::Dim>>>
    where
        T: CastTo<R::Out>,
        R: Promotes<T> + Operand<<R as Promotes<T>>::Elem>,
        R::Out: PartialEq,
        D: DimMax<R::Dim>,
    {
        ArrayRef::ne(self, rhs)
    }
}
