//! Lazy expressions: operators and ufuncs written as usual, run as one fused loop.
//!
//! The paper's closing point is that array expressions create temporaries: `x*x - 3*x + 4`
//! over 1e7 elements, eagerly, makes four passes and three temporary arrays. Here the same
//! expression is written on [`lazy`](LazyExt::lazy) operands and builds a value that
//! describes it (nothing is computed and nothing is allocated); evaluating it runs one
//! loop that reads each operand once per element and writes the result once:
//!
//! ```
//! use ndops::prelude::*;
//! use ndops::lazy::LazyExt;
//! let x = linspace(0.0, 1.0, 5);
//! let xl = x.lazy();                          // a leaf: borrows x
//! let f = xl * xl - 3.0 * xl + 4.0;            // the paper's f(x); computes nothing yet
//! let y = f.eval()?;                           // one pass, one allocation
//! assert_eq!(y, &(&x * &x) - &(3.0 * &x) + 4.0); // bit for bit the eager result
//! let mut out = Array1::<f64>::zeros(5);
//! f.eval_into(&mut out)?;                      // NumPy's out=: no allocation
//! assert_eq!(f.sum()?, y.sum());               // reduced without building y
//! # Ok::<(), ndcore::Error>(())
//! ```
//!
//! # Why expression templates, and why `.lazy()`
//!
//! Each operator on a [`Lazy`] value returns a new type that records the operation
//! (`Binary<Mul, Leaf, Leaf>`): the whole expression is one type, and evaluation is one
//! generic function the compiler inlines and vectorizes as it would a hand-written loop
//! (numexpr has to interpret its expression at run time; Eigen and xtensor do what is done
//! here, in C++). An explicit `.lazy()` keeps NumPy's eager semantics for the operators
//! on arrays unchanged, so ported code means what it meant, and makes the fused form a
//! visible choice. A macro (`expr!(x*x - 3*x + 4)`) would read like NumPy but hide which
//! names are arrays and which are scalars from the type checker.
//!
//! - **Operands**: arrays and views of any rank (`.lazy()`, or `&array` on the right of an
//!   operator or in a method), scalars, and other lazy expressions; they broadcast by
//!   NumPy's rules and the result's rank is the broadcast rank, known at compile time.
//!   All arrays of one expression have one element type (cast first if they differ:
//!   NumPy's type promotion is not repeated here); at most 7 array operands, each use of
//!   an array counted (`x * x` reads two).
//! - **Operations**: `+ - * / %` and unary `-` (`/` on floats: integers use
//!   [`floor_divide`](Lazy::floor_divide), as NumPy's `//`), every ndops ufunc as a method
//!   (`sin`, `exp`, `sqrt`, `abs`, `maximum`, …), comparisons (`gt`, `ge`, `lt`, `le`,
//!   `eq`, `ne`) giving `bool`, logical `&`, `|`, `^`, `!` on `bool`, and [`where_`].
//! - **Evaluation**: [`eval`](Lazy::eval) into a new array, [`eval_into`](Lazy::eval_into)
//!   into an existing one (`out=`), or a reduction of the values without storing them:
//!   [`sum`](Lazy::sum), [`mean`](Lazy::mean), [`min`](Lazy::min), [`max`](Lazy::max),
//!   [`any`](Lazy::any), [`all`](Lazy::all).
//! - **Aliasing**: `eval_into` writes through `&mut` while the expression borrows its
//!   operands, so writing into an array the expression reads does not compile; nothing can
//!   read a half-written result.
//!
//! Results are bit for bit those of the eager operators in the same order (each operation
//! rounds once, as NumPy's do). Sums are pairwise (NumPy's algorithm) over fixed blocks,
//! so they match NumPy's sum of the stored result to a few ulps, and do not depend on the
//! number of threads.

mod eval;
mod ops;

use std::marker::PhantomData;

use ndcore::dimension::{DimMax, IxDyn};
use ndcore::{ArrayRef, ArrayView, Dimension, Element, Ix0};

pub use eval::MAX_ARRAYS;
pub use ops::*;

/// An expression tree node. Implemented by [`Leaf`], [`Scalar`], [`Unary`], [`Binary`] and
/// [`Where`]; users build them with operators on [`Lazy`] values.
pub trait Expr: Copy + Send + Sync {
    /// The element type of the arrays the expression reads.
    type Elem: Element;
    /// The type of the node's values.
    type Out: Element;
    /// The broadcast rank of the node.
    type Dim: Dimension;
    /// How many array operands the subtree holds (each use counts).
    const LEAVES: usize;
    /// Appends the subtree's array operands, left to right.
    #[doc(hidden)]
    fn leaves<'s>(&'s self, list: &mut LeafList<'s, Self::Elem>);
    /// The node's value at one element, given the operands' values there (`v[base..]`
    /// belong to this subtree, in the order of [`leaves`](Expr::leaves)).
    #[doc(hidden)]
    fn at(&self, v: &[Self::Elem], base: usize) -> Self::Out;
}

/// The array operands of an expression, as views of run-time rank (kept inline: listing
/// them allocates nothing).
#[doc(hidden)]
pub struct LeafList<'a, A> {
    items: [Option<ArrayView<'a, A, IxDyn>>; eval::MAX_ARRAYS],
    len: usize,
}

impl<'a, A> LeafList<'a, A> {
    pub(crate) fn new() -> Self {
        LeafList {
            items: std::array::from_fn(|_| None),
            len: 0,
        }
    }

    fn push(&mut self, v: ArrayView<'a, A, IxDyn>) {
        if let Some(slot) = self.items.get_mut(self.len) {
            *slot = Some(v);
        }
        // Counted past the end too, so that too many operands are reported.
        self.len += 1;
    }

    /// How many operands were listed.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Operand `k`, if `k` is below both the count and the capacity.
    pub(crate) fn get(&self, k: usize) -> Option<&ArrayView<'a, A, IxDyn>> {
        self.items.get(k).and_then(Option::as_ref)
    }
}

/// An array operand.
pub struct Leaf<'a, A, D: Dimension>(&'a ArrayRef<A, D>);

impl<A, D: Dimension> Clone for Leaf<'_, A, D> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<A, D: Dimension> Copy for Leaf<'_, A, D> {}

impl<'a, A: Element, D: Dimension> Expr for Leaf<'a, A, D> {
    type Elem = A;
    type Out = A;
    type Dim = D;
    const LEAVES: usize = 1;
    fn leaves<'s>(&'s self, list: &mut LeafList<'s, A>) {
        list.push(self.0.view().into_dyn());
    }
    #[inline(always)]
    fn at(&self, v: &[A], base: usize) -> A {
        v[base]
    }
}

/// A scalar operand of type `T` in an expression over arrays of `A`.
pub struct Scalar<T, A>(T, PhantomData<fn() -> A>);

impl<T: Copy, A> Clone for Scalar<T, A> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Copy, A> Copy for Scalar<T, A> {}

impl<T: Element, A: Element> Expr for Scalar<T, A> {
    type Elem = A;
    type Out = T;
    type Dim = Ix0;
    const LEAVES: usize = 0;
    fn leaves<'s>(&'s self, _: &mut LeafList<'s, A>) {}
    #[inline(always)]
    fn at(&self, _: &[A], _: usize) -> T {
        self.0
    }
}

/// An operation on one element, as a type: `F::apply(x)`.
pub trait UnaryOp<T>: Copy + Send + Sync + Default {
    /// The result type.
    type Out: Element;
    /// The value for one element.
    fn apply(x: T) -> Self::Out;
}

/// An operation on two elements, as a type: `F::apply(a, b)`.
pub trait BinaryOp<T>: Copy + Send + Sync + Default {
    /// The result type.
    type Out: Element;
    /// The value for one pair of elements.
    fn apply(a: T, b: T) -> Self::Out;
}

/// `F(e)` element-wise.
#[derive(Clone, Copy)]
pub struct Unary<F, E>(E, PhantomData<F>);

impl<F: UnaryOp<E::Out>, E: Expr> Expr for Unary<F, E> {
    type Elem = E::Elem;
    type Out = F::Out;
    type Dim = E::Dim;
    const LEAVES: usize = E::LEAVES;
    fn leaves<'s>(&'s self, list: &mut LeafList<'s, Self::Elem>) {
        self.0.leaves(list);
    }
    #[inline(always)]
    fn at(&self, v: &[Self::Elem], base: usize) -> F::Out {
        F::apply(self.0.at(v, base))
    }
}

/// `F(l, r)` element-wise, `l` and `r` broadcast together.
#[derive(Clone, Copy)]
pub struct Binary<F, L, R>(L, R, PhantomData<F>);

impl<F, L, R> Expr for Binary<F, L, R>
where
    L: Expr,
    R: Expr<Elem = L::Elem, Out = L::Out>,
    F: BinaryOp<L::Out>,
    L::Dim: DimMax<R::Dim>,
{
    type Elem = L::Elem;
    type Out = F::Out;
    type Dim = <L::Dim as DimMax<R::Dim>>::Output;
    const LEAVES: usize = L::LEAVES + R::LEAVES;
    fn leaves<'s>(&'s self, list: &mut LeafList<'s, Self::Elem>) {
        self.0.leaves(list);
        self.1.leaves(list);
    }
    #[inline(always)]
    fn at(&self, v: &[Self::Elem], base: usize) -> F::Out {
        F::apply(self.0.at(v, base), self.1.at(v, base + L::LEAVES))
    }
}

/// `where(c, a, b)` element-wise: `a` where `c` is true, `b` elsewhere.
#[derive(Clone, Copy)]
pub struct Where<C, L, R>(C, L, R);

type Dim3<C, L, R> = <<C as DimMax<L>>::Output as DimMax<R>>::Output;

impl<C, L, R> Expr for Where<C, L, R>
where
    C: Expr<Out = bool>,
    L: Expr<Elem = C::Elem>,
    R: Expr<Elem = C::Elem, Out = L::Out>,
    C::Dim: DimMax<L::Dim>,
    <C::Dim as DimMax<L::Dim>>::Output: DimMax<R::Dim>,
{
    type Elem = C::Elem;
    type Out = L::Out;
    type Dim = Dim3<C::Dim, L::Dim, R::Dim>;
    const LEAVES: usize = C::LEAVES + L::LEAVES + R::LEAVES;
    fn leaves<'s>(&'s self, list: &mut LeafList<'s, Self::Elem>) {
        self.0.leaves(list);
        self.1.leaves(list);
        self.2.leaves(list);
    }
    #[inline(always)]
    fn at(&self, v: &[Self::Elem], base: usize) -> L::Out {
        // Both branches are computed, as NumPy's `where` has both arrays: no branch per
        // element, so the loop vectorizes.
        let (a, b) = (
            self.1.at(v, base + C::LEAVES),
            self.2.at(v, base + C::LEAVES + L::LEAVES),
        );
        if self.0.at(v, base) { a } else { b }
    }
}

/// A lazy expression: build it with operators and methods, then evaluate or reduce it.
/// Copying one copies the description, not the data.
pub struct Lazy<'a, E> {
    pub(crate) e: E,
    _borrow: PhantomData<&'a ()>,
}

impl<E: Copy> Clone for Lazy<'_, E> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<E: Copy> Copy for Lazy<'_, E> {}

impl<'a, E: Expr> Lazy<'a, E> {
    pub(crate) fn new(e: E) -> Self {
        Lazy {
            e,
            _borrow: PhantomData,
        }
    }

    /// The expression tree.
    pub fn expr(&self) -> E {
        self.e
    }
}

/// `.lazy()` on arrays and views: the array as an operand of a [`Lazy`] expression.
pub trait LazyExt<A, D: Dimension> {
    /// The array as a lazy operand (borrowed; nothing is copied).
    fn lazy(&self) -> Lazy<'_, Leaf<'_, A, D>>;
}

impl<A: Element, D: Dimension> LazyExt<A, D> for ArrayRef<A, D> {
    fn lazy(&self) -> Lazy<'_, Leaf<'_, A, D>> {
        Lazy::new(Leaf(self))
    }
}

/// What can stand for an operand of an expression over arrays of `A` whose values are
/// `T`: another [`Lazy`] expression, an array (`&x`), or a scalar of type `T`.
pub trait IntoExpr<'a, A, T> {
    /// The node it becomes.
    type Expr: Expr<Elem = A, Out = T>;
    /// The node.
    fn into_expr(self) -> Self::Expr;
}

impl<'a, E: Expr> IntoExpr<'a, E::Elem, E::Out> for Lazy<'a, E> {
    type Expr = E;
    fn into_expr(self) -> E {
        self.e
    }
}

impl<'a, A: Element, D: Dimension> IntoExpr<'a, A, A> for &'a ArrayRef<A, D> {
    type Expr = Leaf<'a, A, D>;
    fn into_expr(self) -> Leaf<'a, A, D> {
        Leaf(self)
    }
}

impl<'a, A: Element, S: ndcore::storage::Data<Elem = A>, D: Dimension> IntoExpr<'a, A, A>
    for &'a ndcore::ArrayBase<S, D>
{
    type Expr = Leaf<'a, A, D>;
    fn into_expr(self) -> Leaf<'a, A, D> {
        Leaf(self)
    }
}

macro_rules! scalar_operands {
    ($($t:ty),*) => {$(
        impl<'a, A: Element> IntoExpr<'a, A, $t> for $t {
            type Expr = Scalar<$t, A>;
            fn into_expr(self) -> Scalar<$t, A> {
                Scalar(self, PhantomData)
            }
        }
    )*};
}
scalar_operands!(bool, i8, i16, i32, i64, u8, u16, u32, u64, f32, f64);

/// NumPy's `np.where(cond, a, b)` as a lazy expression: `a` where `cond` is true, `b`
/// elsewhere (each an expression, an array or a scalar).
///
/// ```
/// use ndops::prelude::*;
/// use ndops::lazy::{LazyExt, where_};
/// let x = array![-2.0, 0.5, 3.0];
/// let clipped = where_(x.lazy().gt(1.0), 1.0, x.lazy());
/// assert_eq!(clipped.eval()?.to_vec(), vec![-2.0, 0.5, 1.0]);
/// # Ok::<(), ndcore::Error>(())
/// ```
pub fn where_<'a, A, T, C, L, R>(cond: C, a: L, b: R) -> Lazy<'a, Where<C::Expr, L::Expr, R::Expr>>
where
    A: Element,
    T: Element,
    C: IntoExpr<'a, A, bool>,
    L: IntoExpr<'a, A, T>,
    R: IntoExpr<'a, A, T>,
    Where<C::Expr, L::Expr, R::Expr>: Expr,
{
    Lazy::new(Where(cond.into_expr(), a.into_expr(), b.into_expr()))
}
