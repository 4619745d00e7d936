//! The lanes a statistic folds: all elements (`axis=None`) or each 1-d lane along one axis,
//! copied into a reused buffer (order statistics rearrange their copy, never the input).

use ndcore::error::Result;
use ndcore::{ArrayRef, Axis, Dimension, Element, Error};

/// Axis `axis` of an array of `ndim` axes as an index; negative axes count from the end.
///
/// # Errors
/// NumPy's `axis 3 is out of bounds for array of dimension 2` (the axis as given).
pub(crate) fn norm_axis(axis: isize, ndim: usize) -> Result<usize> {
    let n = ndim as isize;
    let k = if axis < 0 { axis + n } else { axis };
    if (0..n).contains(&k) {
        Ok(k as usize)
    } else {
        Err(Error::AxisOutOfBounds { axis, ndim })
    }
}

/// The shape of a reduction of `shape` over `axis` (`None`: all axes, a 0-d result).
pub(crate) fn reduced_shape(shape: &[usize], axis: Option<usize>) -> Vec<usize> {
    match axis {
        None => Vec::new(),
        Some(k) => shape
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != k)
            .map(|(_, &n)| n)
            .collect(),
    }
}

/// Calls `f` on a copy of each lane of `a` along `axis` (`None`: one lane of all elements),
/// lanes in C order of the other axes; returns the result shape and `f`'s answers.
///
/// With `logical`, each lane holds its elements in index order (C order for `None`);
/// without, in memory order (faster, for statistics that ignore order).
///
/// # Errors
/// An axis out of bounds, or `f`'s error.
pub(crate) fn map_lanes<T: Element, D: Dimension, R>(
    a: &ArrayRef<T, D>,
    axis: Option<isize>,
    logical: bool,
    mut f: impl FnMut(&mut Vec<T>) -> Result<R>,
) -> Result<(Vec<usize>, Vec<R>)> {
    let mut buf: Vec<T> = Vec::new();
    match axis {
        None => {
            let s = if logical {
                a.as_slice()
            } else {
                a.as_slice_memory_order()
            };
            match s {
                Some(s) => buf.extend_from_slice(s),
                None => buf.extend(a.iter().copied()),
            }
            Ok((Vec::new(), vec![f(&mut buf)?]))
        }
        Some(ax) => {
            let k = norm_axis(ax, a.ndim())?;
            let shape = reduced_shape(a.shape(), Some(k));
            let count: usize = shape.iter().product();
            let mut out = Vec::with_capacity(count);
            if count > 0 {
                for lane in a.lanes(Axis(k)) {
                    buf.clear();
                    let s = if logical {
                        lane.as_slice()
                    } else {
                        lane.as_slice_memory_order()
                    };
                    match s {
                        Some(s) => buf.extend_from_slice(s),
                        None => buf.extend(lane.iter().copied()),
                    }
                    out.push(f(&mut buf)?);
                }
            }
            Ok((shape, out))
        }
    }
}
