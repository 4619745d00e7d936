//! What `s![]` expands to: slice entries whose effect on the rank is known from their
//! types, counted with typenum so the rank of `x.slice(s![1, ..])` is computed by the
//! compiler from the rank of `x`.
//!
//! Three counts travel in the types while `s![]` builds its entries: `C`, the axes the
//! entries take from the array (indices and ranges); `X`, how many of those are integer
//! indices (each removes its axis); `A`, how many `NewAxis` entries (each adds one). For an
//! array of static rank `N` the result has `N − X + A` axes, and `C ≤ N` is checked by a
//! trait with a message; a dynamic-rank array gives a dynamic-rank result, checked when
//! slicing.

use super::{NewAxis, Slice, SliceInfo, SliceInfoElem};
use crate::dimension::{Dimension, Ix, IxDyn};
use std::marker::PhantomData;
use std::ops::{Add, Range, RangeFrom, RangeFull, RangeInclusive, RangeTo, RangeToInclusive, Sub};
use typenum::{Diff, Sum, U0, Unsigned};

/// A number of axes as a type: `Axes<3>` is three axes.
///
/// It turns counts known at compile time into ranks ([`AxesRank`]) and names the counts in
/// compile errors (`the array has Axes<2> but this s![] indexes Axes<3>`).
///
/// ```
/// use ndcore::slice::{Axes, AxesRank};
/// use ndcore::{Ix2, IxDyn};
/// let _: <Axes<2> as AxesRank>::Dim = Ix2::default();
/// let _: <Axes<7> as AxesRank>::Dim = IxDyn::default(); // static ranks stop at 6
/// ```
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Axes<const N: usize>;

/// The rank with as many axes as `Self` says: `Axes<0>`…`Axes<6>` give `Ix0`…`Ix6`, more
/// give `IxDyn` (static ranks stop at 6).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is more axes than an array may have",
    note = "arrays have at most 64 axes (NumPy's limit)"
)]
pub trait AxesRank {
    /// The rank.
    type Dim: Dimension;
}

/// Maps a typenum count to [`Axes`], so that errors print `Axes<3>` rather than typenum's
/// binary spelling.
#[doc(hidden)]
pub trait ToAxes {
    type Axes: AxesRank;
}

/// Checks that an array with `Self` axes has room for the axes `s![]` takes.
#[diagnostic::on_unimplemented(
    message = "too many indices for array: the array has {Self} but this `s![]` indexes {Taken}",
    label = "more indices and ranges than the array has axes",
    note = "each integer index and each range takes one axis; `NewAxis` and `...` take none"
)]
#[doc(hidden)]
pub trait IndexesFit<Taken> {
    /// The axes left over (typenum).
    type Left;
}

macro_rules! axes_table {
    (static: $($n:literal $u:ident),*; dynamic: $($m:literal $v:ident),*) => {
        $(
            impl AxesRank for Axes<$n> {
                type Dim = Ix<$n>;
            }
            impl AxesCount for Axes<$n> {
                type Count = typenum::$u;
            }
            impl ToAxes for typenum::$u {
                type Axes = Axes<$n>;
            }
        )*
        $(
            impl AxesRank for Axes<$m> {
                type Dim = IxDyn;
            }
            impl ToAxes for typenum::$v {
                type Axes = Axes<$m>;
            }
            impl AxesCount for Axes<$m> {
                type Count = typenum::$v;
            }
        )*
    };
}
axes_table!(
    static: 0 U0, 1 U1, 2 U2, 3 U3, 4 U4, 5 U5, 6 U6;
    dynamic: 7 U7, 8 U8, 9 U9, 10 U10, 11 U11, 12 U12, 13 U13, 14 U14, 15 U15, 16 U16,
    17 U17, 18 U18, 19 U19, 20 U20, 21 U21, 22 U22, 23 U23, 24 U24, 25 U25, 26 U26, 27 U27,
    28 U28, 29 U29, 30 U30, 31 U31, 32 U32, 33 U33, 34 U34, 35 U35, 36 U36, 37 U37, 38 U38,
    39 U39, 40 U40, 41 U41, 42 U42, 43 U43, 44 U44, 45 U45, 46 U46, 47 U47, 48 U48, 49 U49,
    50 U50, 51 U51, 52 U52, 53 U53, 54 U54, 55 U55, 56 U56, 57 U57, 58 U58, 59 U59, 60 U60,
    61 U61, 62 U62, 63 U63, 64 U64
);

// `IndexesFit` for every static rank n ≤ 6 and every count c ≤ n, without where-clauses, so
// that a failure is reported on this trait (with its message) and not on typenum's.
macro_rules! fits {
    ($n:literal: $($c:literal => $left:ident),*) => {$(
        impl IndexesFit<Axes<$c>> for Axes<$n> {
            type Left = typenum::$left;
        }
    )*};
}
fits!(0: 0 => U0);
fits!(1: 0 => U1, 1 => U0);
fits!(2: 0 => U2, 1 => U1, 2 => U0);
fits!(3: 0 => U3, 1 => U2, 2 => U1, 3 => U0);
fits!(4: 0 => U4, 1 => U3, 2 => U2, 3 => U1, 4 => U0);
fits!(5: 0 => U5, 1 => U4, 2 => U3, 3 => U2, 4 => U1, 5 => U0);
fits!(6: 0 => U6, 1 => U5, 2 => U4, 3 => U3, 4 => U2, 5 => U1, 6 => U0);

/// The rank of `a[s]` for an array of rank `Self` and a slice that takes `C` axes, `X` of
/// them by integer indices, and adds `A` new axes (all [`Axes`] counts).
///
/// For `IxDyn` the result is `IxDyn`. Code generic over the rank `D` cannot name this
/// bound easily: slice there with a runtime `&[SliceInfoElem]` (the result is `IxDyn`).
///
/// ```
/// use ndcore::prelude::*;
/// let x = Array::<f64, _>::zeros([2, 3, 4]);
/// let y: ArrayView2<f64> = x.slice(s![1, .., NewAxis, 0]); // 3 − 2 + 1 axes
/// assert_eq!(y.shape(), &[3, 1]);
/// ```
#[diagnostic::on_unimplemented(
    message = "`s![]` cannot find the rank of its result for an array of rank `{Self}`",
    note = "static ranks are Ix0…Ix6 and IxDyn; in code generic over the rank, slice with `&[SliceInfoElem]` (the result is IxDyn)"
)]
pub trait SliceRank<C, X, A>: Dimension {
    /// The rank of the result.
    type Out: Dimension;
}

impl<C, X, A> SliceRank<C, X, A> for IxDyn {
    type Out = IxDyn;
}

/// The typenum count behind an [`Axes`] (`Axes<3>` is `U3`), for the arithmetic below.
#[doc(hidden)]
pub trait AxesCount {
    type Count;
}

type CountOf<N> = <N as AxesCount>::Count;
type AxesOf<N> = <N as ToAxes>::Axes;
type LeftOf<N, C> = <N as IndexesFit<C>>::Left;
type OutCount<N, C, X, A> = Sum<Sum<LeftOf<N, C>, Diff<CountOf<C>, CountOf<X>>>, CountOf<A>>;

// The counts travel as typenum numbers while `s![]` builds its entries (so they can be
// added) and arrive here as `Axes<n>`, so that compile errors name `SliceRank<Axes<3>, …>`.
impl<const R: usize, C, X, A> SliceRank<C, X, A> for Ix<R>
where
    Ix<R>: Dimension,
    C: AxesCount,
    X: AxesCount,
    A: AxesCount,
    Axes<R>: IndexesFit<C>,
    CountOf<C>: Sub<CountOf<X>>,
    LeftOf<Axes<R>, C>: Add<Diff<CountOf<C>, CountOf<X>>>,
    Sum<LeftOf<Axes<R>, C>, Diff<CountOf<C>, CountOf<X>>>: Add<CountOf<A>>,
    OutCount<Axes<R>, C, X, A>: ToAxes,
{
    type Out = <<OutCount<Axes<R>, C, X, A> as ToAxes>::Axes as AxesRank>::Dim;
}

/// An integer that can be an index, a bound or a step in `s![]` (any Rust integer type).
///
/// Values beyond `isize` saturate: they are out of bounds for every array anyway.
///
/// ```
/// use ndcore::prelude::*;
/// let x = arange(10i64);
/// let (a, b, k) = (8u8, 2usize, -3i32);
/// assert_eq!(x.slice(s![a..b;k]).to_vec(), vec![8, 5]);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be an index, bound or step of `s![]`",
    label = "expected an integer",
    note = "indices, range bounds and steps are integers (negative ones count from the end)"
)]
pub trait SliceBound: Copy {
    /// The value as `isize`, saturating.
    fn to_isize(self) -> isize;
}

macro_rules! bound_int {
    ($($t:ty),*) => {$(
        impl SliceBound for $t {
            #[inline]
            fn to_isize(self) -> isize {
                // Saturating: a value beyond isize is out of bounds for any array.
                isize::try_from(self).unwrap_or(if self > 0 as $t { isize::MAX } else { isize::MIN })
            }
        }
    )*};
}
bound_int!(
    i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize
);

impl<T: SliceBound> SliceBound for &T {
    fn to_isize(self) -> isize {
        (*self).to_isize()
    }
}

/// A value that can stand as one entry of `s![]`: an integer index (removes its axis), a
/// Rust range or [`Slice`] (keeps it) or [`NewAxis`] (adds one). The effect on the rank is
/// in the associated types.
///
/// ```
/// use ndcore::prelude::*;
/// let x = arange(12i64).into_shape([3, 4]).unwrap();
/// let (row, cols, flip) = (2usize, 1..3, Slice::new(None, None, -1));
/// assert_eq!(x.slice(s![row, cols]).to_vec(), vec![9, 10]);
/// assert_eq!(x.slice(s![flip, 0]).to_vec(), vec![8, 4, 0]);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be an entry of `s![]`",
    label = "not an index, a range, a `Slice` or `NewAxis`",
    note = "an entry of s![] is an integer index (`2`, `-1`), a range with an optional step (`1..`, `..;2`, `5..1;-1`), `NewAxis` or `...`"
)]
pub trait SliceEntry {
    /// Axes of the array this entry takes (0 or 1).
    type Takes: Unsigned;
    /// Axes it removes (1 for an integer index).
    type Removes: Unsigned;
    /// Axes it adds (1 for `NewAxis`).
    type Adds: Unsigned;
    /// The runtime entry.
    fn into_elem(self) -> SliceInfoElem;
}

macro_rules! entry_int {
    ($($t:ty),*) => {$(
        impl SliceEntry for $t {
            type Takes = typenum::U1;
            type Removes = typenum::U1;
            type Adds = U0;
            fn into_elem(self) -> SliceInfoElem {
                SliceInfoElem::Index(self.to_isize())
            }
        }
        impl SliceEntry for &$t {
            type Takes = typenum::U1;
            type Removes = typenum::U1;
            type Adds = U0;
            fn into_elem(self) -> SliceInfoElem {
                SliceInfoElem::Index(self.to_isize())
            }
        }
    )*};
}
entry_int!(
    i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize
);

impl SliceEntry for NewAxis {
    type Takes = U0;
    type Removes = U0;
    type Adds = typenum::U1;
    fn into_elem(self) -> SliceInfoElem {
        SliceInfoElem::NewAxis
    }
}

impl SliceEntry for Slice {
    type Takes = typenum::U1;
    type Removes = U0;
    type Adds = U0;
    fn into_elem(self) -> SliceInfoElem {
        self.into()
    }
}

/// A Rust range that can take a step in `s![]` (`r;k`), and what it means as NumPy's
/// `start:stop:step`.
///
/// ```
/// use ndcore::prelude::*;
/// let x = arange(10i64);
/// let r = 1..;
/// assert_eq!(x.slice(s![r;4]).to_vec(), vec![1, 5, 9]);
/// ```
#[diagnostic::on_unimplemented(
    message = "a step `;k` in `s![]` needs a range, not `{Self}`",
    label = "this entry is not a range",
    note = "write the step after a range: `1..;2`, `..;-1`; an integer index has no step"
)]
pub trait SteppedEntry: Sized {
    /// `self` as `start:stop:step`.
    fn with_step(self, step: isize) -> SliceInfoElem;
}

/// The exclusive stop of an inclusive range ending at index `last`, for the sign of
/// `step`: `..=-1` runs to the end, `..=0;-1` down to the beginning (NumPy has no stop
/// that means either, so `None`).
///
/// ```
/// use ndcore::slice::inclusive_stop;
/// assert_eq!(inclusive_stop(4, 1), Some(5)); // 0..=4 is 0:5
/// assert_eq!(inclusive_stop(-1, 2), None); // ..=-1 is the whole axis
/// assert_eq!(inclusive_stop(1, -1), Some(0)); // 5..=1;-1 is 5:0:-1
/// assert_eq!(inclusive_stop(0, -1), None); // 5..=0;-1 is 5::-1
/// ```
pub fn inclusive_stop(last: isize, step: isize) -> Option<isize> {
    if step >= 0 {
        if last == -1 {
            None
        } else {
            Some(last.saturating_add(1))
        }
    } else if last == 0 {
        None
    } else {
        Some(last.saturating_sub(1))
    }
}

fn elem(start: Option<isize>, stop: Option<isize>, step: isize) -> SliceInfoElem {
    SliceInfoElem::Slice { start, stop, step }
}

macro_rules! entry_range {
    ($($r:ty, |$v:ident, $s:ident| $e:expr;)*) => {$(
        impl<B: SliceBound> SteppedEntry for $r {
            fn with_step(self, $s: isize) -> SliceInfoElem {
                let $v = self;
                $e
            }
        }
        impl<B: SliceBound> SliceEntry for $r {
            type Takes = typenum::U1;
            type Removes = U0;
            type Adds = U0;
            fn into_elem(self) -> SliceInfoElem {
                self.with_step(1)
            }
        }
    )*};
}
entry_range! {
    Range<B>, |r, s| elem(Some(r.start.to_isize()), Some(r.end.to_isize()), s);
    RangeFrom<B>, |r, s| elem(Some(r.start.to_isize()), None, s);
    RangeTo<B>, |r, s| elem(None, Some(r.end.to_isize()), s);
    RangeToInclusive<B>, |r, s| elem(None, inclusive_stop(r.end.to_isize(), s), s);
    RangeInclusive<B>, |r, s| {
        let (a, b) = r.into_inner();
        elem(Some(a.to_isize()), inclusive_stop(b.to_isize(), s), s)
    };
}

impl SteppedEntry for RangeFull {
    fn with_step(self, step: isize) -> SliceInfoElem {
        elem(None, None, step)
    }
}
impl SliceEntry for RangeFull {
    type Takes = typenum::U1;
    type Removes = U0;
    type Adds = U0;
    fn into_elem(self) -> SliceInfoElem {
        SliceInfoElem::FULL
    }
}

/// What `s![]` builds: entries written one by one into an array of `K`, with the counts
/// `C`, `X`, `A` (see the module docs) in the type.
#[doc(hidden)]
pub struct SliceBuilder<const K: usize, C, X, A> {
    elems: [SliceInfoElem; K],
    pos: usize,
    _counts: PhantomData<(C, X, A)>,
}

/// Typenum's `n + 1`.
type Next<N> = Sum<N, typenum::U1>;

impl<const K: usize> SliceBuilder<K, U0, U0, U0> {
    /// An empty builder for `K` entries.
    #[inline]
    pub fn start() -> Self {
        SliceBuilder {
            elems: [SliceInfoElem::FULL; K],
            pos: 0,
            _counts: PhantomData,
        }
    }
}

impl<const K: usize, C, X, A> SliceBuilder<K, C, X, A> {
    #[inline]
    fn push<C2, X2, A2>(mut self, e: SliceInfoElem) -> SliceBuilder<K, C2, X2, A2> {
        // The macro pushes exactly K entries; a slot past the end cannot happen.
        if let Some(slot) = self.elems.get_mut(self.pos) {
            *slot = e;
        }
        SliceBuilder {
            elems: self.elems,
            pos: self.pos + 1,
            _counts: PhantomData,
        }
    }

    /// An integer index.
    #[inline]
    pub fn index(self, i: isize) -> SliceBuilder<K, Next<C>, Next<X>, A>
    where
        C: Add<typenum::U1>,
        X: Add<typenum::U1>,
    {
        self.push(SliceInfoElem::Index(i))
    }

    /// `start:stop:step`.
    #[inline]
    pub fn range(
        self,
        start: Option<isize>,
        stop: Option<isize>,
        step: isize,
    ) -> SliceBuilder<K, Next<C>, X, A>
    where
        C: Add<typenum::U1>,
    {
        self.push(elem(start, stop, step))
    }

    /// `start..=last;step`: through index `last`.
    #[inline]
    pub fn range_inclusive(
        self,
        start: Option<isize>,
        last: isize,
        step: isize,
    ) -> SliceBuilder<K, Next<C>, X, A>
    where
        C: Add<typenum::U1>,
    {
        self.push(elem(start, inclusive_stop(last, step), step))
    }

    /// `...`.
    #[inline]
    pub fn ellipsis(self) -> SliceBuilder<K, C, X, A> {
        self.push(SliceInfoElem::Ellipsis)
    }

    /// An entry whose kind its type says (an index, a range value, `NewAxis`, a `Slice`).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn entry<E: SliceEntry>(
        self,
        e: E,
    ) -> SliceBuilder<K, Sum<C, E::Takes>, Sum<X, E::Removes>, Sum<A, E::Adds>>
    where
        C: Add<E::Takes>,
        X: Add<E::Removes>,
        A: Add<E::Adds>,
    {
        self.push(e.into_elem())
    }

    /// A range value with a step: `r;k`.
    #[inline]
    pub fn stepped<E: SteppedEntry>(self, e: E, step: isize) -> SliceBuilder<K, Next<C>, X, A>
    where
        C: Add<typenum::U1>,
    {
        self.push(e.with_step(step))
    }

    /// The slice description for an array of rank `Din` (inferred from the array sliced).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn finish<Din>(
        self,
    ) -> SliceInfo<[SliceInfoElem; K], Din, <Din as SliceRank<AxesOf<C>, AxesOf<X>, AxesOf<A>>>::Out>
    where
        C: ToAxes,
        X: ToAxes,
        A: ToAxes,
        Din: SliceRank<AxesOf<C>, AxesOf<X>, AxesOf<A>>,
    {
        SliceInfo::new_unchecked(self.elems)
    }
}

/// A bound, index or step expression of `s![]` as `isize`.
#[doc(hidden)]
#[inline]
pub fn bound<B: SliceBound>(b: B) -> isize {
    b.to_isize()
}
