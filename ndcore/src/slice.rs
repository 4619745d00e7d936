//! Slicing with NumPy's semantics: `start:stop:step` with negative indices and steps,
//! clamped bounds, integer indices, `newaxis` and `...`.
//!
//! The `s![]` macro builds a [`SliceInfo`] whose output rank is known at compile time;
//! a plain `&[SliceInfoElem]` slices with the rank known at run time.

use crate::array::{ArrayBase, ArrayRef, ArrayView, ArrayViewMut};
use crate::dimension::SmallVec;
use crate::dimension::{Dimension, IxDyn};
use crate::error::{Error, Result};
use crate::storage::RawData;
use std::marker::PhantomData;

mod static_rank;

pub use static_rank::{
    Axes, AxesRank, SliceBound, SliceEntry, SliceRank, SteppedEntry, inclusive_stop,
};
#[doc(hidden)]
pub use static_rank::{IndexesFit, SliceBuilder, ToAxes, bound};

/// One entry of a slice: what `x[...]` holds between commas.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum SliceInfoElem {
    /// An integer index: selects one position and removes the axis (`x[2]`, `x[-1]`).
    Index(isize),
    /// A range `start:stop:step`; `None` bounds take NumPy's defaults for the step's sign.
    Slice {
        /// First index (negative counts from the end).
        start: Option<isize>,
        /// One past the last index (negative counts from the end).
        stop: Option<isize>,
        /// Step; must not be 0.
        step: isize,
    },
    /// `np.newaxis`: inserts an axis of length 1.
    NewAxis,
    /// `...`: as many full slices as needed (at most one per slice).
    Ellipsis,
}

/// NumPy's `np.newaxis`, for `s![]`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct NewAxis;

impl SliceInfoElem {
    /// The full slice `:`.
    pub const FULL: SliceInfoElem = SliceInfoElem::Slice {
        start: None,
        stop: None,
        step: 1,
    };
}

/// A start/stop/step range for one axis.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Slice {
    /// First index.
    pub start: Option<isize>,
    /// One past the last index.
    pub stop: Option<isize>,
    /// Step; must not be 0.
    pub step: isize,
}

impl Slice {
    /// `start:stop:step`.
    pub fn new(start: Option<isize>, stop: Option<isize>, step: isize) -> Self {
        Slice { start, stop, step }
    }
}

impl From<Slice> for SliceInfoElem {
    fn from(s: Slice) -> Self {
        SliceInfoElem::Slice {
            start: s.start,
            stop: s.stop,
            step: s.step,
        }
    }
}

/// An index checked against an axis of length `n` (negative counts from the end).
pub(crate) fn normalize_index(index: isize, n: usize, axis: usize) -> Result<usize> {
    let i = if index < 0 { index + n as isize } else { index };
    if i < 0 || i as usize >= n {
        return Err(Error::IndexOutOfBounds {
            index,
            axis,
            size: n,
        });
    }
    Ok(i as usize)
}

/// The first index and length of `start:stop:step` on an axis of length `n`, by Python's
/// `slice.indices` rule.
#[inline]
pub fn slice_indices(
    n: usize,
    start: Option<isize>,
    stop: Option<isize>,
    step: isize,
) -> Result<(isize, usize)> {
    if step == 0 {
        return Err(Error::Value("slice step cannot be zero".into()));
    }
    // CPython's clamp, so that `-step` cannot overflow.
    let step = step.max(-isize::MAX);
    let n = n as isize;
    let clamp = |v: Option<isize>, default: isize, lo: isize, hi: isize| match v {
        None => default,
        Some(v) if v < 0 => (v + n).max(lo),
        Some(v) => v.min(hi),
    };
    let (start, stop) = if step > 0 {
        (clamp(start, 0, 0, n), clamp(stop, n, 0, n))
    } else {
        (clamp(start, n - 1, -1, n - 1), clamp(stop, -1, -1, n - 1))
    };
    let len = if step > 0 {
        if stop > start {
            (stop - start - 1) / step + 1
        } else {
            0
        }
    } else if start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    Ok((start, len as usize))
}

/// One entry of a selection resolved against a shape by [`resolve_selection`].
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Resolved {
    /// Index `index` (in bounds, from the start) of axis `axis`: the axis is dropped.
    Index {
        /// The axis of the indexed array.
        axis: usize,
        /// The index, `0 <= index < shape[axis]`.
        index: usize,
    },
    /// `len` elements of axis `axis`, from `first`, `step` apart (CPython's clamp of the
    /// step applied: never `isize::MIN`).
    Range {
        /// The axis of the indexed array.
        axis: usize,
        /// The first index (meaningless when `len` is 0).
        first: isize,
        /// How many elements.
        len: usize,
        /// The step, not 0.
        step: isize,
    },
    /// A new axis of length 1.
    NewAxis,
}

/// Resolves the selection `info` against `shape` by NumPy's rules (one ellipsis at most,
/// no more indices than axes, indices in bounds, Python's slice rule), calling `f` with
/// every entry in order: the ellipsis, and the axes after the last entry, as full ranges.
/// `a[info]` is what these entries describe; for a selection that is to be applied to
/// something not in memory yet (a file's region), say.
///
/// # Errors
/// NumPy's `IndexError`s (`index 5 is out of bounds for axis 0 with size 3`, `too many
/// indices for array`), a second ellipsis, a zero step.
#[inline]
pub fn resolve_selection(
    shape: &[usize],
    info: &[SliceInfoElem],
    mut f: impl FnMut(Resolved),
) -> Result<()> {
    let consuming = info
        .iter()
        .filter(|e| matches!(e, SliceInfoElem::Index(_) | SliceInfoElem::Slice { .. }))
        .count();
    let ellipses = info
        .iter()
        .filter(|e| matches!(e, SliceInfoElem::Ellipsis))
        .count();
    if ellipses > 1 {
        return Err(Error::Value(
            "an index can only have a single ellipsis ('...')".into(),
        ));
    }
    if consuming > shape.len() {
        return Err(Error::TooManyIndices {
            ndim: shape.len(),
            got: consuming,
        });
    }
    let full = |axis: usize| Resolved::Range {
        axis,
        first: 0,
        len: shape[axis],
        step: 1,
    };
    let mut axis = 0usize;
    for &e in info {
        match e {
            SliceInfoElem::Index(i) => {
                let index = normalize_index(i, shape[axis], axis)?;
                f(Resolved::Index { axis, index });
                axis += 1;
            }
            SliceInfoElem::Slice { start, stop, step } => {
                let (first, len) = slice_indices(shape[axis], start, stop, step)?;
                f(Resolved::Range {
                    axis,
                    first,
                    len,
                    step: step.max(-isize::MAX),
                });
                axis += 1;
            }
            SliceInfoElem::NewAxis => f(Resolved::NewAxis),
            SliceInfoElem::Ellipsis => {
                for _ in 0..shape.len() - consuming {
                    f(full(axis));
                    axis += 1;
                }
            }
        }
    }
    while axis < shape.len() {
        f(full(axis));
        axis += 1;
    }
    Ok(())
}

/// The layout of `a[info]`: pointer offset in bytes, shape, strides.
pub(crate) fn slice_layout(
    shape: &[usize],
    strides: &[isize],
    info: &[SliceInfoElem],
) -> Result<(isize, SmallVec<usize>, SmallVec<isize>)> {
    let mut offset = 0isize;
    // Inline buffers: slicing is on the hot path of small expressions (`y[1:] - y[:-1]`),
    // where two heap allocations per slice cost more than the arithmetic.
    let mut out_shape = SmallVec::default();
    let mut out_strides = SmallVec::default();
    resolve_selection(shape, info, |r| match r {
        // Offsets wrap: in a nonempty result they are distances between elements, which
        // fit; an empty result (another axis of length 0) may have any strides, and
        // drops its offset (`offset_unless_empty`).
        Resolved::Index { axis, index } => {
            offset = offset.wrapping_add((index as isize).wrapping_mul(strides[axis]));
        }
        Resolved::Range {
            axis,
            first,
            len,
            step,
        } => {
            if len > 0 {
                offset = offset.wrapping_add(first.wrapping_mul(strides[axis]));
            }
            out_shape.push(len);
            // NumPy's strides: an empty slice keeps the axis' stride; otherwise stride ×
            // step, wrapping as NumPy's C does. It can only overflow for a single element,
            // whose stride is unused.
            out_strides.push(if len == 0 {
                strides[axis]
            } else {
                strides[axis].wrapping_mul(step)
            });
        }
        Resolved::NewAxis => {
            out_shape.push(1);
            out_strides.push(0);
        }
    })?;
    let offset = crate::array::offset_unless_empty(offset, &out_shape);
    Ok((offset, out_shape, out_strides))
}

/// The layout of `a[info]` when every entry is a plain slice (`y[1:]`, `a[::2, :3]`, the
/// common case on the hot path of small expressions): shape and strides are changed in
/// place, as [`slice_layout`] would compute them. `None` for any other kind of entry.
#[inline]
fn slices_in_place(
    dim: &mut [usize],
    strides: &mut [isize],
    info: &[SliceInfoElem],
) -> Option<Result<isize>> {
    if info.len() > dim.len() {
        return None;
    }
    let mut off = 0isize;
    for (ax, e) in info.iter().enumerate() {
        let SliceInfoElem::Slice { start, stop, step } = *e else {
            return None;
        };
        let (first, len) = match slice_indices(dim[ax], start, stop, step) {
            Ok(v) => v,
            Err(e) => return Some(Err(e)),
        };
        if len > 0 {
            // Wrapping, as in `slice_layout`.
            off = off.wrapping_add(first.wrapping_mul(strides[ax]));
            strides[ax] = strides[ax].wrapping_mul(step.max(-isize::MAX));
        }
        dim[ax] = len;
    }
    Some(Ok(crate::array::offset_unless_empty(off, dim)))
}

/// A slice description for arrays of rank `D`, giving a view of rank `OutDim`.
pub trait SliceArg<D: Dimension> {
    /// The rank of the result.
    type OutDim: Dimension;
    /// The entries.
    fn elems(&self) -> &[SliceInfoElem];
}

impl<D: Dimension> SliceArg<D> for [SliceInfoElem] {
    type OutDim = IxDyn;
    fn elems(&self) -> &[SliceInfoElem] {
        self
    }
}

impl<D: Dimension, const K: usize> SliceArg<D> for [SliceInfoElem; K] {
    type OutDim = IxDyn;
    fn elems(&self) -> &[SliceInfoElem] {
        self
    }
}

impl<D: Dimension> SliceArg<D> for Vec<SliceInfoElem> {
    type OutDim = IxDyn;
    fn elems(&self) -> &[SliceInfoElem] {
        self
    }
}

impl<D: Dimension, A: SliceArg<D> + ?Sized> SliceArg<D> for &A {
    type OutDim = A::OutDim;
    fn elems(&self) -> &[SliceInfoElem] {
        (**self).elems()
    }
}

/// Slice entries with the input rank `Din` and output rank `Dout` fixed in the type
/// (what `s![]` makes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SliceInfo<E, Din, Dout> {
    elems: E,
    _dims: PhantomData<(Din, Dout)>,
}

impl<E: AsRef<[SliceInfoElem]>, Din: Dimension, Dout: Dimension> SliceInfo<E, Din, Dout> {
    /// Checks that the entries fit the ranks: without `...`, as many ranges and indices as
    /// `Din` has axes; with it, at most that many; and `Dout` axes left.
    ///
    /// # Errors
    /// If the entries do not fit the ranks.
    pub fn new(elems: E) -> Result<Self> {
        let e = elems.as_ref();
        let consuming = e
            .iter()
            .filter(|x| matches!(x, SliceInfoElem::Index(_) | SliceInfoElem::Slice { .. }))
            .count();
        let indices = e
            .iter()
            .filter(|x| matches!(x, SliceInfoElem::Index(_)))
            .count();
        let new = e
            .iter()
            .filter(|x| matches!(x, SliceInfoElem::NewAxis))
            .count();
        let ellipsis = e.iter().any(|x| matches!(x, SliceInfoElem::Ellipsis));
        if ellipsis
            && e.iter()
                .filter(|x| matches!(x, SliceInfoElem::Ellipsis))
                .count()
                > 1
        {
            return Err(Error::Value(
                "an index can only have a single ellipsis ('...')".into(),
            ));
        }
        if let Some(n) = Din::NDIM {
            if consuming > n {
                return Err(Error::TooManyIndices {
                    ndim: n,
                    got: consuming,
                });
            }
            if let Some(m) = Dout::NDIM
                && n + new - indices != m
            {
                return Err(Error::RankMismatch {
                    expected: m,
                    got: n + new - indices,
                });
            }
        }
        Ok(SliceInfo {
            elems,
            _dims: PhantomData,
        })
    }

    /// Without checks; a mismatch shows up as an error when slicing.
    pub fn new_unchecked(elems: E) -> Self {
        SliceInfo {
            elems,
            _dims: PhantomData,
        }
    }
}

impl<E: AsRef<[SliceInfoElem]>, Din: Dimension, Dout: Dimension> SliceArg<Din>
    for SliceInfo<E, Din, Dout>
{
    type OutDim = Dout;
    fn elems(&self) -> &[SliceInfoElem] {
        self.elems.as_ref()
    }
}

impl<T, D: Dimension> ArrayRef<T, D> {
    /// A view of `a[info]` (NumPy's basic slicing): never copies.
    ///
    /// # Errors
    /// An index out of bounds, too many indices, two ellipses, a zero step, or a result
    /// rank that doesn't match `I::OutDim`.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let x = arange(10i64);
    /// // x[5:1:-1]
    /// let y = x.try_slice(&[Slice::new(Some(5), Some(1), -1).into()]).unwrap();
    /// assert_eq!(y.to_vec(), vec![5, 4, 3, 2]);
    /// assert!(x.try_slice(&[SliceInfoElem::Index(10)]).is_err());
    /// ```
    pub fn try_slice<I: SliceArg<D> + ?Sized>(
        &self,
        info: &I,
    ) -> Result<ArrayView<'_, T, I::OutDim>> {
        let (mut d, mut st) = (self.parts.dim.clone(), self.parts.strides.clone());
        if let Some(off) = slices_in_place(d.as_mut(), st.as_mut(), info.elems()) {
            // SAFETY: every index of a basic slice is an element of self.
            return unsafe { self.view_from(off?, d.as_ref(), st.as_ref()) };
        }
        let (off, shape, strides) = slice_layout(self.shape(), self.strides(), info.elems())?;
        // SAFETY: every index of a basic slice is an element of self.
        unsafe { self.view_from(off, &shape, &strides) }
    }

    /// Like [`try_slice`](Self::try_slice), writable.
    ///
    /// # Errors
    /// As `try_slice`.
    pub fn try_slice_mut<I: SliceArg<D> + ?Sized>(
        &mut self,
        info: &I,
    ) -> Result<ArrayViewMut<'_, T, I::OutDim>> {
        let (mut d, mut st) = (self.parts.dim.clone(), self.parts.strides.clone());
        if let Some(off) = slices_in_place(d.as_mut(), st.as_mut(), info.elems()) {
            // SAFETY: every index of a basic slice is a distinct element of self (steps
            // are nonzero).
            return unsafe { self.view_mut_from(off?, d.as_ref(), st.as_ref()) };
        }
        let (off, shape, strides) = slice_layout(self.shape(), self.strides(), info.elems())?;
        // SAFETY: every index of a basic slice is a distinct element of self (steps are
        // nonzero; new axes have length 1).
        unsafe { self.view_mut_from(off, &shape, &strides) }
    }

    /// A view of `a[info]`, as [`try_slice`](Self::try_slice).
    ///
    /// # Panics
    /// Where `try_slice` errs (an index out of bounds, like NumPy's `IndexError`), with
    /// NumPy's message.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let x = arange(9i64).into_shape([3, 3]).unwrap();
    /// let every2 = SliceInfoElem::from(Slice::new(None, None, 2));
    /// let y = x.slice(&[every2, every2]);
    /// assert_eq!(y.strides(), &[48, 16]);
    /// ```
    pub fn slice<I: SliceArg<D> + ?Sized>(&self, info: &I) -> ArrayView<'_, T, I::OutDim> {
        self.try_slice(info).unwrap_or_else(|e| panic!("{e}"))
    }

    /// A writable view of `a[info]`.
    ///
    /// # Panics
    /// As [`slice`](Self::slice).
    pub fn slice_mut<I: SliceArg<D> + ?Sized>(
        &mut self,
        info: &I,
    ) -> ArrayViewMut<'_, T, I::OutDim> {
        self.try_slice_mut(info).unwrap_or_else(|e| panic!("{e}"))
    }
}

impl<S: RawData, D: Dimension> ArrayBase<S, D> {
    /// `a[info]` consuming the array (a view stays a view, an owned array keeps its memory).
    ///
    /// # Errors
    /// As [`ArrayRef::try_slice`].
    pub fn slice_move<I: SliceArg<D> + ?Sized>(self, info: &I) -> Result<ArrayBase<S, I::OutDim>> {
        let (off, shape, strides) = slice_layout(
            self.parts.dim.as_ref(),
            self.parts.strides.as_ref(),
            info.elems(),
        )?;
        let dim = <I::OutDim as Dimension>::from_slice(&shape)?;
        let st = <I::OutDim as Dimension>::strides_from_slice(&strides)?;
        // SAFETY: the slice's first element is an element of self (or, for an empty result,
        // the offset is 0), so the pointer stays inside the allocation.
        let ptr = unsafe {
            std::ptr::NonNull::new_unchecked(
                self.parts.ptr.as_ptr().cast::<u8>().offset(off).cast(),
            )
        };
        // SAFETY: every index of the slice is an element of self.
        Ok(unsafe { ArrayBase::from_parts_unchecked(self.data, ptr, dim, st) })
    }
}

impl<S: RawData, D: Dimension> ArrayBase<S, D> {
    /// A writable view of `a[info]`; a read-only array (a view from `view()`, a broadcast)
    /// does not compile here.
    ///
    /// # Panics
    /// As [`ArrayRef::slice`].
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let mut x = arange(6i64).into_shape([2, 3]).unwrap();
    /// x.slice_mut(s![.., -1]).fill(0);
    /// assert_eq!(x.to_vec(), vec![0, 1, 0, 3, 4, 0]);
    /// ```
    ///
    /// ```compile_fail
    /// use ndcore::prelude::*;
    /// let x = arange(6i64);
    /// x.view().slice_mut(s![..]).fill(0); // a read-only view cannot be written
    /// ```
    pub fn slice_mut<I: SliceArg<D> + ?Sized>(
        &mut self,
        info: &I,
    ) -> ArrayViewMut<'_, S::Elem, I::OutDim>
    where
        S: crate::storage::DataMut,
    {
        ArrayRef::slice_mut(self, info)
    }

    /// Like [`ArrayRef::try_slice_mut`], for writable arrays only.
    ///
    /// # Errors
    /// As [`ArrayRef::try_slice`].
    pub fn try_slice_mut<I: SliceArg<D> + ?Sized>(
        &mut self,
        info: &I,
    ) -> Result<ArrayViewMut<'_, S::Elem, I::OutDim>>
    where
        S: crate::storage::DataMut,
    {
        ArrayRef::try_slice_mut(self, info)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_slice_indices() {
        // (n, start, stop, step) -> list(range(n))[start:stop:step]
        let r = |n: usize, a: Option<isize>, b: Option<isize>, s: isize| {
            let (first, len) = slice_indices(n, a, b, s).unwrap();
            (0..len as isize).map(|k| first + k * s).collect::<Vec<_>>()
        };
        assert_eq!(r(10, Some(5), Some(1), -1), vec![5, 4, 3, 2]);
        assert_eq!(r(10, None, None, -1), (0..10).rev().collect::<Vec<_>>());
        assert_eq!(r(10, None, None, -3), vec![9, 6, 3, 0]);
        assert_eq!(r(10, Some(-2), None, 1), vec![8, 9]);
        assert_eq!(r(10, Some(-100), Some(100), 4), vec![0, 4, 8]);
        assert_eq!(r(10, Some(100), Some(-100), -4), vec![9, 5, 1]);
        assert_eq!(r(0, None, None, -1), Vec::<isize>::new());
        assert_eq!(r(3, Some(1), Some(1), 1), Vec::<isize>::new());
        assert!(slice_indices(3, None, None, 0).is_err());
    }
}
