//! Coordinate grids: NumPy's `meshgrid`, and what `mgrid!` / `ogrid!` expand to.
//!
//! `mgrid!` gives dense arrays (each the full grid's size); `ogrid!` gives open ones, each
//! with its values along one axis and length 1 along the others, so they broadcast to the
//! full grid while holding only `n` elements each. Values and element types follow NumPy's
//! `nd_grid`: integers give `i64` arrays, any float (or the count form `;5j`) `f64`.

use crate::array::{Array, Array1, ArrayRef, arange_with};
use crate::dimension::Dimension;
use crate::element::Element;
use crate::error::{Error, Result};
use crate::layout::{self, Order};
use crate::slice::{Axes, AxesRank};
use crate::storage::OwnedRepr;
use std::marker::PhantomData;

/// How `meshgrid` lays out its outputs (NumPy's `indexing=`).
///
/// ```
/// use ndcore::prelude::*;
/// use ndcore::grid::{Indexing, meshgrid};
/// let (x, y) = (arange(3i64), arange(2i64));
/// let [xy, _] = meshgrid([&x, &y], Indexing::Xy).unwrap();
/// let [ij, _] = meshgrid([&x, &y], Indexing::Ij).unwrap();
/// assert_eq!((xy.shape(), ij.shape()), (&[2, 3][..], &[3, 2][..]));
/// ```
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum Indexing {
    /// Cartesian (`'xy'`, NumPy's default): with two or more inputs the first two output
    /// axes are swapped, so `x` varies along columns and `y` along rows.
    #[default]
    Xy,
    /// Matrix (`'ij'`): input `k` varies along output axis `k`.
    Ij,
}

/// A bound or step of `mgrid!` / `ogrid!` as given: an integer or a float.
#[doc(hidden)]
#[derive(Copy, Clone, Debug, PartialEq)]
pub enum GridValue {
    /// An integer (any Rust integer type; `i128` holds them all).
    Int(i128),
    /// A float.
    Float(f64),
}

impl GridValue {
    fn to_f64(self) -> f64 {
        match self {
            GridValue::Int(i) => i as f64,
            GridValue::Float(f) => f,
        }
    }

    fn to_i64(self) -> Result<i64> {
        match self {
            GridValue::Int(i) => i64::try_from(i)
                .map_err(|_| Error::Value(format!("grid bound {i} does not fit in int64"))),
            // A float makes the grid's kind `FloatKind`, so an integer grid never has one.
            GridValue::Float(f) => Err(Error::Value(format!(
                "grid bound {f} is a float in an integer grid"
            ))),
        }
    }
}

/// The grid's element type while the entries are read: integers so far.
#[doc(hidden)]
#[derive(Copy, Clone, Debug)]
pub struct IntKind;
/// The grid's element type once a float (or a count `;Nj`) was seen.
#[doc(hidden)]
#[derive(Copy, Clone, Debug)]
pub struct FloatKind;

/// A number that can be a bound or step of `mgrid!` / `ogrid!`: any Rust integer (the
/// grid is then `i64` unless another bound is a float) or float (`f64` grid).
///
/// ```
/// use ndcore::prelude::*;
/// let (n, step) = (4usize, 0.5f32);
/// let (a, b) = ogrid![0..n, 0..1;step].unwrap();
/// assert_eq!((a.shape(), b.to_vec()), (&[4, 1][..], vec![0.0, 0.5]));
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a bound or step of `mgrid!`/`ogrid!`",
    label = "expected an integer or a float",
    note = "grid bounds and steps are integers (giving i64 arrays) or floats (giving f64 arrays)"
)]
pub trait GridNum: Copy {
    /// [`IntKind`] or [`FloatKind`].
    type Kind;
    /// The value.
    fn grid_value(self) -> GridValue;
}

macro_rules! grid_num {
    ($kind:ident, $variant:ident, $as:ty: $($t:ty),*) => {$(
        impl GridNum for $t {
            type Kind = $kind;
            #[inline]
            fn grid_value(self) -> GridValue {
                GridValue::$variant(self as $as)
            }
        }
    )*};
}
grid_num!(IntKind, Int, i128: i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);
grid_num!(FloatKind, Float, f64: f32, f64);

/// The kind of a grid with entries of kinds `Self` and `R`: float wins (NumPy's
/// `result_type`).
#[doc(hidden)]
pub trait Promote<R> {
    /// The joint kind.
    type Out;
}
impl Promote<IntKind> for IntKind {
    type Out = IntKind;
}
impl Promote<FloatKind> for IntKind {
    type Out = FloatKind;
}
impl<R> Promote<R> for FloatKind {
    type Out = FloatKind;
}

type Joined<A, B> = <A as Promote<B>>::Out;

/// The step of one axis.
#[derive(Copy, Clone, Debug, PartialEq)]
enum Step {
    /// `a..b;k`.
    Value(GridValue),
    /// `a..b;Nj`: `N` points, `b` included.
    Count(usize),
}

/// One entry `start..stop;step`.
#[derive(Copy, Clone, Debug, PartialEq)]
struct AxisSpec {
    start: GridValue,
    stop: GridValue,
    step: Step,
}

impl AxisSpec {
    /// `stop - start` as Python computes it: exact for two integers.
    fn span_f64(&self) -> f64 {
        match (self.start, self.stop) {
            (GridValue::Int(a), GridValue::Int(b)) => (b - a) as f64,
            (a, b) => b.to_f64() - a.to_f64(),
        }
    }

    /// NumPy's `ceil((stop - start) / step)` (or `N` for a count); may be negative.
    fn len(&self) -> Result<i128> {
        let step = match self.step {
            Step::Count(n) => return Ok(n as i128),
            Step::Value(s) => s,
        };
        if let (GridValue::Int(a), GridValue::Int(b), GridValue::Int(s)) =
            (self.start, self.stop, step)
        {
            if s == 0 {
                return Err(Error::Value(
                    "division by zero: a grid step cannot be 0".into(),
                ));
            }
            // Exact ceil of the quotient (Python divides the exact difference); i128 holds
            // the difference of any two Rust integers.
            let (q, r) = ((b - a) / s, (b - a) % s);
            let up = r != 0 && ((r > 0) == (s > 0));
            return Ok(if up { q + 1 } else { q });
        }
        let s = step.to_f64();
        if s == 0.0 {
            return Err(Error::Value(
                "float division by zero: a grid step cannot be 0".into(),
            ));
        }
        let c = (self.span_f64() / s).ceil();
        if c.is_nan() {
            return Err(Error::Value("cannot convert float NaN to integer".into()));
        }
        if c.is_infinite() {
            return Err(Error::Value(
                "cannot convert float infinity to integer".into(),
            ));
        }
        Ok(c as i128)
    }

    /// The `f64` step: `(stop - start) / (N - 1)` for a count (1 for a single point).
    fn step_f64(&self) -> f64 {
        match self.step {
            // NumPy: `(stop - start) / float(num - 1)`, also for num = 0 (no values then).
            Step::Count(n) if n != 1 => self.span_f64() / (n as i128 - 1) as f64,
            Step::Count(_) => 1.0,
            Step::Value(s) => s.to_f64(),
        }
    }
}

/// An element type of grids, with NumPy's arithmetic for it.
#[doc(hidden)]
pub trait GridKind {
    /// `i64` or `f64`.
    type Elem: Element;
    /// The `n` coordinates `start + i * step` of an axis.
    #[doc(hidden)]
    fn coords(spec: &AxisSpecRef<'_>, n: usize) -> Result<Vec<Self::Elem>>;
    /// The one-entry form, `np.mgrid[a:b:k]`: NumPy's `arange` (or the count form).
    #[doc(hidden)]
    fn single(spec: &AxisSpecRef<'_>) -> Result<Array1<Self::Elem>>;
}

/// A borrowed axis description (keeps `AxisSpec` private to this module).
#[doc(hidden)]
pub struct AxisSpecRef<'a>(&'a AxisSpec);

impl GridKind for IntKind {
    type Elem = i64;
    fn coords(spec: &AxisSpecRef<'_>, n: usize) -> Result<Vec<i64>> {
        let spec = spec.0;
        let start = spec.start.to_i64()?;
        let step = match spec.step {
            Step::Value(s) => s.to_i64()?,
            Step::Count(_) => return Err(Error::Value("a count makes a float grid".into())),
        };
        // int64 arithmetic wraps in NumPy too.
        let mut v = Vec::with_capacity(n);
        let mut x = start;
        for _ in 0..n {
            v.push(x);
            x = x.wrapping_add(step);
        }
        Ok(v)
    }
    fn single(spec: &AxisSpecRef<'_>) -> Result<Array1<i64>> {
        let s = spec.0;
        match s.step {
            Step::Value(step) => arange_with(s.start.to_i64()?, s.stop.to_i64()?, step.to_i64()?),
            Step::Count(_) => Err(Error::Value("a count makes a float grid".into())),
        }
    }
}

impl GridKind for FloatKind {
    type Elem = f64;
    fn coords(spec: &AxisSpecRef<'_>, n: usize) -> Result<Vec<f64>> {
        let (start, step) = (spec.0.start.to_f64(), spec.0.step_f64());
        // NumPy: `indices(...) * step + start`, two roundings, no fused multiply-add.
        Ok((0..n).map(|i| i as f64 * step + start).collect())
    }
    fn single(spec: &AxisSpecRef<'_>) -> Result<Array1<f64>> {
        let s = spec.0;
        match s.step {
            Step::Value(step) => arange_with(s.start.to_f64(), s.stop.to_f64(), step.to_f64()),
            Step::Count(n) => Ok(Array::from_vec(Self::coords(spec, n)?)),
        }
    }
}

/// What `mgrid!` / `ogrid!` build: `K` axis descriptions and, in the type, whether the
/// grid is integer or float.
#[doc(hidden)]
pub struct GridBuilder<const K: usize, Kind> {
    axes: [AxisSpec; K],
    pos: usize,
    _kind: PhantomData<Kind>,
}

impl<const K: usize> GridBuilder<K, IntKind> {
    /// No axes yet.
    pub fn start() -> Self {
        let empty = AxisSpec {
            start: GridValue::Int(0),
            stop: GridValue::Int(0),
            step: Step::Value(GridValue::Int(1)),
        };
        GridBuilder {
            axes: [empty; K],
            pos: 0,
            _kind: PhantomData,
        }
    }
}

impl<const K: usize, Kind> GridBuilder<K, Kind> {
    fn push<New>(mut self, spec: AxisSpec) -> GridBuilder<K, New> {
        // The macro pushes exactly K axes.
        if let Some(slot) = self.axes.get_mut(self.pos) {
            *slot = spec;
        }
        GridBuilder {
            axes: self.axes,
            pos: self.pos + 1,
            _kind: PhantomData,
        }
    }

    /// `start..stop;step`.
    #[allow(clippy::type_complexity)]
    pub fn axis<A: GridNum, B: GridNum, S: GridNum>(
        self,
        start: A,
        stop: B,
        step: S,
    ) -> GridBuilder<K, Joined<Joined<Joined<Kind, A::Kind>, B::Kind>, S::Kind>>
    where
        Kind: Promote<A::Kind>,
        Joined<Kind, A::Kind>: Promote<B::Kind>,
        Joined<Joined<Kind, A::Kind>, B::Kind>: Promote<S::Kind>,
    {
        self.push(AxisSpec {
            start: start.grid_value(),
            stop: stop.grid_value(),
            step: Step::Value(step.grid_value()),
        })
    }

    /// `start..stop;Nj`: `num` points from `start` to `stop`, both included.
    pub fn count_axis<A: GridNum, B: GridNum>(
        self,
        start: A,
        stop: B,
        num: usize,
    ) -> GridBuilder<K, FloatKind> {
        self.push(AxisSpec {
            start: start.grid_value(),
            stop: stop.grid_value(),
            step: Step::Count(num),
        })
    }
}

/// The length of each axis and its coordinates.
type LensAndCoords<T> = (Vec<usize>, Vec<Vec<T>>);

type GridArrays<Kind, const K: usize> =
    [Array<<Kind as GridKind>::Elem, <Axes<K> as AxesRank>::Dim>; K];

impl<const K: usize, Kind: GridKind> GridBuilder<K, Kind>
where
    Axes<K>: AxesRank,
{
    /// The lengths and coordinates of every axis; negative lengths are an error for dense
    /// grids (NumPy's `indices`) and empty for open ones (NumPy's `arange`).
    fn coords(&self, dense: bool) -> Result<LensAndCoords<Kind::Elem>> {
        let mut lens = Vec::with_capacity(K);
        for spec in &self.axes {
            let n = spec.len()?;
            if n < 0 && dense {
                return Err(Error::Value("negative dimensions are not allowed".into()));
            }
            lens.push(usize::try_from(n.max(0)).map_err(|_| Error::Overflow {
                shape: vec![usize::MAX],
            })?);
        }
        layout::checked_size(&lens, std::mem::size_of::<Kind::Elem>())?;
        let coords = self
            .axes
            .iter()
            .zip(&lens)
            .map(|(spec, &n)| Kind::coords(&AxisSpecRef(spec), n))
            .collect::<Result<Vec<_>>>()?;
        Ok((lens, coords))
    }

    /// The dense grid: `K` arrays of the full shape (`np.mgrid[...]`).
    ///
    /// # Errors
    /// See [`mgrid!`](crate::mgrid).
    pub fn mgrid(self) -> Result<GridArrays<Kind, K>> {
        let (lens, coords) = self.coords(true)?;
        dense(&lens, &coords, |k| k)
    }

    /// The open grid: array `k` has its values along axis `k` (`np.ogrid[...]`).
    ///
    /// # Errors
    /// See [`ogrid!`](crate::ogrid).
    pub fn ogrid(self) -> Result<GridArrays<Kind, K>> {
        let (lens, coords) = self.coords(false)?;
        sparse(&lens, coords, |k| k)
    }
}

impl<Kind: GridKind> GridBuilder<1, Kind> {
    /// The one-entry form without a trailing comma: a 1-d array, as `np.mgrid[a:b:k]`.
    ///
    /// # Errors
    /// A step of 0, a NaN or infinite length.
    pub fn single(self) -> Result<Array1<Kind::Elem>> {
        Kind::single(&AxisSpecRef(&self.axes[0]))
    }
}

/// Writes `coords` repeated along `axis` of `shape` into `out` (C order, `shape`'s size):
/// the first block (each coordinate repeated over the inner axes) is filled once, then
/// copied for each index of the outer axes, so the work is a fill and memcpys.
fn tile_into<T: Copy>(out: &mut [T], shape: &[usize], axis: usize, coords: &[T]) {
    let inner: usize = shape[axis + 1..].iter().product();
    let block = coords.len() * inner;
    if block == 0 || out.len() < block {
        return;
    }
    for (chunk, &c) in out[..block].chunks_exact_mut(inner).zip(coords) {
        chunk.fill(c);
    }
    for start in (block..out.len()).step_by(block) {
        out.copy_within(0..block, start);
    }
}

/// `K` dense arrays of shape `shape_of(lens, axis_of)`, array `k` holding `coords[k]` along
/// axis `axis_of(k)`.
fn dense<T: Element, D: Dimension, const K: usize>(
    lens: &[usize],
    coords: &[Vec<T>],
    axis_of: impl Fn(usize) -> usize,
) -> Result<[Array<T, D>; K]> {
    let mut shape = vec![0; K];
    for k in 0..K {
        shape[axis_of(k)] = lens[k];
    }
    layout::checked_size(&shape, std::mem::size_of::<T>())?;
    let dim = D::from_slice(&shape)?;
    // `zeros` takes its buffer from ndcore's large-buffer pool: no page faults when a grid
    // of the same size was freed before.
    Ok(std::array::from_fn(|k| {
        let mut a = Array::zeros(dim.clone());
        if let Some(out) = a.as_slice_mut() {
            tile_into(out, &shape, axis_of(k), &coords[k]);
        }
        a
    }))
}

/// `K` open arrays: array `k` has length `lens[k]` on axis `axis_of(k)` and 1 elsewhere.
fn sparse<T: Element, D: Dimension, const K: usize>(
    lens: &[usize],
    mut coords: Vec<Vec<T>>,
    axis_of: impl Fn(usize) -> usize,
) -> Result<[Array<T, D>; K]> {
    let dims = (0..K)
        .map(|k| {
            let mut shape = vec![1; K];
            shape[axis_of(k)] = lens[k];
            D::from_slice(&shape)
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(std::array::from_fn(|k| {
        let v = std::mem::take(&mut coords[k]);
        Array::from_owned(OwnedRepr::from_vec(v), dims[k].clone(), Order::C)
    }))
}

/// The output axis of input `k`: `xy` swaps the first two when there are two or more.
fn meshgrid_axis(indexing: Indexing, count: usize) -> impl Fn(usize) -> usize {
    move |k| match (indexing, count >= 2, k) {
        (Indexing::Xy, true, 0) => 1,
        (Indexing::Xy, true, 1) => 0,
        _ => k,
    }
}

/// Coordinate matrices from coordinate vectors (NumPy's `np.meshgrid(*xs, indexing=…)`):
/// `K` dense arrays of rank `K`. Inputs of any rank are flattened, as NumPy does.
///
/// With [`Indexing::Xy`] and two or more inputs the outputs have shape
/// `(len(y), len(x), len(z), …)`; with [`Indexing::Ij`], `(len(x), len(y), …)`.
///
/// # Errors
/// If the grid's size overflows.
///
/// ```
/// use ndcore::prelude::*;
/// use ndcore::grid::{Indexing, meshgrid};
/// let x = arange(3i64);
/// let y = array![10, 20];
/// let [xx, yy] = meshgrid([&x, &y], Indexing::Xy).unwrap();
/// assert_eq!(xx.shape(), &[2, 3]);
/// assert_eq!(xx.to_vec(), vec![0, 1, 2, 0, 1, 2]);
/// assert_eq!(yy.to_vec(), vec![10, 10, 10, 20, 20, 20]);
/// let [xi, _] = meshgrid([&x, &y], Indexing::Ij).unwrap();
/// assert_eq!(xi.shape(), &[3, 2]);
/// ```
pub fn meshgrid<T: Element, D: Dimension, const K: usize>(
    xs: [&ArrayRef<T, D>; K],
    indexing: Indexing,
) -> Result<[Array<T, <Axes<K> as AxesRank>::Dim>; K]>
where
    Axes<K>: AxesRank,
{
    let coords: Vec<Vec<T>> = xs.iter().map(|x| x.to_vec()).collect();
    let lens: Vec<usize> = coords.iter().map(Vec::len).collect();
    dense(&lens, &coords, meshgrid_axis(indexing, K))
}

/// Like [`meshgrid`] with NumPy's `sparse=True`: each output has its input's length on one
/// axis and 1 on the others, so the outputs broadcast to the full grid.
///
/// # Errors
/// If an output's shape overflows.
///
/// ```
/// use ndcore::prelude::*;
/// use ndcore::grid::{Indexing, meshgrid_sparse};
/// let (x, y) = (arange(3i64), arange(2i64));
/// let [xs, ys] = meshgrid_sparse([&x, &y], Indexing::Xy).unwrap();
/// assert_eq!((xs.shape(), ys.shape()), (&[1, 3][..], &[2, 1][..]));
/// ```
pub fn meshgrid_sparse<T: Element, D: Dimension, const K: usize>(
    xs: [&ArrayRef<T, D>; K],
    indexing: Indexing,
) -> Result<[Array<T, <Axes<K> as AxesRank>::Dim>; K]>
where
    Axes<K>: AxesRank,
{
    let coords: Vec<Vec<T>> = xs.iter().map(|x| x.to_vec()).collect();
    let lens: Vec<usize> = coords.iter().map(Vec::len).collect();
    sparse(&lens, coords, meshgrid_axis(indexing, K))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(start: GridValue, stop: GridValue, step: GridValue) -> AxisSpec {
        AxisSpec {
            start,
            stop,
            step: Step::Value(step),
        }
    }

    #[test]
    fn lengths_follow_pythons_ceil_of_the_quotient() {
        use GridValue::{Float as F, Int as I};
        // math.ceil((stop - start) / step) for a few signs and remainders.
        assert_eq!(spec(I(0), I(10), I(3)).len().unwrap(), 4);
        assert_eq!(spec(I(0), I(9), I(3)).len().unwrap(), 3);
        assert_eq!(spec(I(10), I(0), I(-3)).len().unwrap(), 4);
        assert_eq!(spec(I(0), I(10), I(-3)).len().unwrap(), -3);
        assert_eq!(spec(I(5), I(0), I(1)).len().unwrap(), -5);
        assert_eq!(spec(I(0), I(0), I(1)).len().unwrap(), 0);
        // Exact for integers far beyond f64's 2^53.
        assert_eq!(
            spec(I(0), I(1 << 60), I(3)).len().unwrap(),
            ((1i128 << 60) + 2) / 3
        );
        assert_eq!(spec(F(0.0), F(0.3), F(0.1)).len().unwrap(), 3);
        assert_eq!(spec(I(0), I(3), F(0.7)).len().unwrap(), 5);
        assert!(spec(I(0), I(3), I(0)).len().is_err());
        assert!(spec(F(0.0), F(3.0), F(0.0)).len().is_err());
        assert!(spec(F(0.0), F(f64::NAN), F(1.0)).len().is_err());
        assert!(spec(F(0.0), F(f64::INFINITY), F(1.0)).len().is_err());
        let count = AxisSpec {
            start: I(0),
            stop: I(1),
            step: Step::Count(5),
        };
        assert_eq!((count.len().unwrap(), count.step_f64()), (5, 0.25));
    }

    #[test]
    fn tiles_repeat_along_one_axis() {
        let mut out = vec![0; 12];
        tile_into(&mut out, &[2, 3, 2], 1, &[7, 8, 9]);
        assert_eq!(out, vec![7, 7, 8, 8, 9, 9, 7, 7, 8, 8, 9, 9]);
        tile_into(&mut out, &[2, 3, 2], 2, &[1, 2]);
        assert_eq!(out, vec![1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2]);
        tile_into(&mut out, &[2, 3, 2], 0, &[5, 6]);
        assert_eq!(out, vec![5, 5, 5, 5, 5, 5, 6, 6, 6, 6, 6, 6]);
        // Empty grids write nothing.
        let mut none: Vec<i32> = vec![];
        tile_into(&mut none, &[0, 3], 1, &[1, 2, 3]);
        assert!(none.is_empty());
    }
}
