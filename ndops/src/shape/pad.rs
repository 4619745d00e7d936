//! `pad`: NumPy's `np.pad` with the constant, edge, reflect, symmetric and wrap modes.

use super::{along, axis_range};
use ndcore::error::{Result, shape_str};
use ndcore::{
    Array, ArrayRef, ArrayViewMut, Axis, Dimension, Element, Error, Slice, SliceInfoElem,
};

/// How to fill the padding (NumPy's `mode=`).
///
/// ```
/// use ndops::prelude::*;
/// let a = arange(3i64);
/// assert_eq!(pad(&a, 1, PadMode::Constant(-1))?.to_vec(), vec![-1, 0, 1, 2, -1]);
/// assert_eq!(pad(&a, 1, PadMode::Wrap)?.to_vec(), vec![2, 0, 1, 2, 0]);
/// # Ok::<(), ndcore::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PadMode<T> {
    /// One value everywhere (`'constant'` with `constant_values=value`; NumPy's default
    /// is 0).
    Constant(T),
    /// The edge value of each axis repeated (`'edge'`).
    Edge,
    /// Mirrored without repeating the edge: `[1, 2, 3]` → `3, 2 | 1, 2, 3 | 2, 1`
    /// (`'reflect'`).
    Reflect,
    /// Mirrored with the edge repeated: `2, 1 | 1, 2, 3 | 3, 2` (`'symmetric'`).
    Symmetric,
    /// Wrapped around: `2, 3 | 1, 2, 3 | 1, 2` (`'wrap'`).
    Wrap,
}

/// The `pad_width` of NumPy's `np.pad`: one width for every side (`2`), one
/// `(before, after)` pair for every axis (`(1, 2)`), or one pair per axis
/// (`[(1, 2), (0, 3)]`, `&[…]`, `vec![…]`; a list of one pair counts for every axis).
///
/// ```
/// use ndops::shape::PadWidth;
/// assert_eq!(2usize.widths(2)?, vec![(2, 2), (2, 2)]);
/// assert_eq!((1, 3).widths(1)?, vec![(1, 3)]);
/// assert!([(1, 1); 3].widths(2).is_err());
/// # Ok::<(), ndcore::Error>(())
/// ```
pub trait PadWidth {
    /// The `(before, after)` pairs for an array of `ndim` axes.
    ///
    /// # Errors
    /// A list of pairs whose length is neither 1 nor `ndim` (NumPy's broadcasting message).
    fn widths(&self, ndim: usize) -> Result<Vec<(usize, usize)>>;
}

impl PadWidth for usize {
    fn widths(&self, ndim: usize) -> Result<Vec<(usize, usize)>> {
        Ok(vec![(*self, *self); ndim])
    }
}
impl PadWidth for (usize, usize) {
    fn widths(&self, ndim: usize) -> Result<Vec<(usize, usize)>> {
        Ok(vec![*self; ndim])
    }
}
impl PadWidth for [(usize, usize)] {
    fn widths(&self, ndim: usize) -> Result<Vec<(usize, usize)>> {
        match self.len() {
            1 => Ok(vec![self[0]; ndim]),
            n if n == ndim => Ok(self.to_vec()),
            n => Err(Error::Value(format!(
                "operands could not be broadcast together with remapped shapes \
                 [original->remapped]: {}  and requested shape {}",
                shape_str(&[n, 2]),
                shape_str(&[ndim, 2])
            ))),
        }
    }
}
impl<const N: usize> PadWidth for [(usize, usize); N] {
    fn widths(&self, ndim: usize) -> Result<Vec<(usize, usize)>> {
        self.as_slice().widths(ndim)
    }
}
impl PadWidth for Vec<(usize, usize)> {
    fn widths(&self, ndim: usize) -> Result<Vec<(usize, usize)>> {
        self.as_slice().widths(ndim)
    }
}
impl<P: PadWidth + ?Sized> PadWidth for &P {
    fn widths(&self, ndim: usize) -> Result<Vec<(usize, usize)>> {
        (**self).widths(ndim)
    }
}

/// The array padded with `pad_width` elements before and after each axis (NumPy's
/// `np.pad(a, pad_width, mode)`). Axes are padded in order, each over the already padded
/// earlier axes, so corners come out as NumPy's. Wide pads repeat the pattern (reflect
/// and symmetric bounce back and forth, as NumPy's). Copies go by blocks: a whole run of
/// positions along the axis at once.
///
/// # Errors
/// A malformed `pad_width`; a mode other than constant on an empty axis that gets
/// padding (`can't extend empty axis 0 using modes other than 'constant' or 'empty'`); a
/// size that overflows.
///
/// ```
/// use ndops::prelude::*;
/// let a = arange_with(1i64, 4, 1)?;
/// assert_eq!(pad(&a, (2, 1), PadMode::Constant(0))?.to_vec(), vec![0, 0, 1, 2, 3, 0]);
/// assert_eq!(pad(&a, 2, PadMode::Edge)?.to_vec(), vec![1, 1, 1, 2, 3, 3, 3]);
/// assert_eq!(pad(&a, 2, PadMode::Reflect)?.to_vec(), vec![3, 2, 1, 2, 3, 2, 1]);
/// assert_eq!(pad(&a, 2, PadMode::Symmetric)?.to_vec(), vec![2, 1, 1, 2, 3, 3, 2]);
/// assert_eq!(pad(&a, 2, PadMode::Wrap)?.to_vec(), vec![2, 3, 1, 2, 3, 1, 2]);
/// let m = arange(4i64).into_shape([2, 2])?;
/// assert_eq!(pad(&m, [(1, 0), (0, 1)], PadMode::Edge)?.shape(), &[3, 3]);
/// # Ok::<(), ndcore::Error>(())
/// ```
pub fn pad<T: Element, D: Dimension>(
    a: &ArrayRef<T, D>,
    pad_width: impl PadWidth,
    mode: PadMode<T>,
) -> Result<Array<T, D>> {
    let nd = a.ndim();
    let widths = pad_width.widths(nd)?;
    let shape = a
        .shape()
        .iter()
        .zip(&widths)
        .map(|(&n, &(b, e))| n.checked_add(b)?.checked_add(e))
        .collect::<Option<Vec<usize>>>()
        .ok_or_else(|| Error::Overflow {
            shape: a.shape().to_vec(),
        })?;
    let dim = D::from_slice(&shape)?;
    if !matches!(mode, PadMode::Constant(_)) {
        for (ax, (&n, &(b, e))) in a.shape().iter().zip(&widths).enumerate() {
            if n == 0 && (b > 0 || e > 0) {
                return Err(Error::Value(format!(
                    "can't extend empty axis {ax} using modes other than 'constant' or 'empty'"
                )));
            }
        }
    }
    if a.is_empty() {
        // Nothing to copy: all padding (only constant mode gets here with elements).
        return match mode {
            PadMode::Constant(v) => Array::try_full(dim, v),
            _ => Array::try_zeros(dim),
        };
    }
    // SAFETY: the original area is assigned below, and every other element lies in the
    // padding of some axis, which the loop over axes writes (the whole slab of that axis'
    // padding, other axes in full).
    let mut out = unsafe { Array::<T, D>::try_uninit(dim) }?;
    let original: Vec<SliceInfoElem> = (0..nd)
        .map(|ax| {
            let (b, n) = (widths[ax].0 as isize, a.shape()[ax] as isize);
            Slice::new(Some(b), Some(b + n), 1).into()
        })
        .collect();
    out.try_slice_mut(original.as_slice())?.assign(a)?;
    for (ax, &(before, after)) in widths.iter().enumerate() {
        if before == 0 && after == 0 {
            continue;
        }
        let n = a.shape()[ax];
        let (mut left, rest) = out.split_at_mut(Axis(ax), before)?;
        let (center, mut right) = rest.into_split_at(Axis(ax), n)?;
        if let PadMode::Constant(v) = mode {
            left.fill(v);
            right.fill(v);
            continue;
        }
        let source = |p: isize| source_index(mode, p, n);
        // Positions before the data are p = -before..0, after it n..n+after.
        fill_runs(
            &mut left,
            &center,
            ax,
            (0..before).map(|j| source(j as isize - before as isize)),
        )?;
        fill_runs(
            &mut right,
            &center,
            ax,
            (0..after).map(|j| source((n + j) as isize)),
        )?;
    }
    Ok(out)
}

/// The index in `0..n` whose value a padded position `p` (relative to the data's start)
/// takes.
fn source_index<T>(mode: PadMode<T>, p: isize, n: usize) -> isize {
    let n = n as isize;
    match mode {
        PadMode::Constant(_) | PadMode::Edge => p.clamp(0, n - 1),
        // NumPy pads a length-1 axis in reflect mode as edge.
        PadMode::Reflect if n == 1 => 0,
        PadMode::Reflect => {
            let m = p.rem_euclid(2 * (n - 1));
            if m < n { m } else { 2 * (n - 1) - m }
        }
        PadMode::Symmetric => {
            let m = p.rem_euclid(2 * n);
            if m < n { m } else { 2 * n - 1 - m }
        }
        PadMode::Wrap => p.rem_euclid(n),
    }
}

/// Writes `dst[.., j, ..] = center[.., src(j), ..]` along `axis`, grouping positions whose
/// sources run by +1, -1 or 0 into one block copy.
fn fill_runs<T: Element, D: Dimension>(
    dst: &mut ArrayViewMut<'_, T, D>,
    center: &ArrayRef<T, D>,
    axis: usize,
    sources: impl Iterator<Item = isize>,
) -> Result<()> {
    let src: Vec<isize> = sources.collect();
    let nd = dst.ndim();
    let mut j = 0usize;
    while j < src.len() {
        let s0 = src[j];
        let step = if j + 1 < src.len() {
            src[j + 1] - s0
        } else {
            1
        };
        let step = if step.abs() <= 1 { step } else { 1 };
        let mut len = 1usize;
        while j + len < src.len() && src[j + len] == s0 + step * len as isize {
            len += 1;
        }
        let (j0, l) = (j as isize, len as isize);
        let mut d = dst.try_slice_mut(along(nd, axis, Some(j0), Some(j0 + l), 1).as_slice())?;
        match step {
            0 => d.assign(&axis_range(center, axis, s0, s0 + 1)?)?,
            1 => d.assign(&axis_range(center, axis, s0, s0 + l)?)?,
            _ => {
                // s0, s0-1, …, s0-l+1; a stop below 0 is spelled `None` (Python's -1
                // would count from the end).
                let stop = s0 - l;
                let stop = (stop >= 0).then_some(stop);
                let sel = along(nd, axis, Some(s0), stop, -1);
                d.assign(&center.try_slice(sel.as_slice())?)?
            }
        }
        j += len;
    }
    Ok(())
}
