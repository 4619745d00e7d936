//! `tril`, `triu` and `trace`: the lower/upper triangles and the diagonal sums of the last
//! two axes (or two chosen ones), batched over the others.

use crate::reduce::{Reduce, SumOf, Summable};
use ndcore::error::Result;
use ndcore::{Array, ArrayRef, Axis, DimMax, Dimension, Element, Error, Ix2};

/// Copies `a` (a 1-d `a` broadcast to rows `(n, n)`, as NumPy does) and zeroes, in each
/// row `i` of the last two axes, the columns `j` where `zero(i, j)` says so — given as a
/// column range per row.
fn triangle<T, D>(
    a: &ArrayRef<T, D>,
    name: &str,
    zeroed: impl Fn(isize, usize) -> std::ops::Range<usize>,
) -> Result<Array<T, <D as DimMax<Ix2>>::Output>>
where
    T: Element,
    D: DimMax<Ix2>,
{
    if a.ndim() == 0 {
        return Err(Error::Value(format!(
            "{name} requires an array of at least one dimension"
        )));
    }
    let mut shape = a.shape().to_vec();
    if shape.len() == 1 {
        shape.insert(0, shape[0]);
    }
    let (m, n) = (shape[shape.len() - 2], shape[shape.len() - 1]);
    let dim = <D as DimMax<Ix2>>::Output::from_slice(&shape)?;
    // SAFETY: `assign` writes every element (it broadcasts `a` to the whole shape).
    let mut out = unsafe { Array::try_uninit(dim) }?;
    out.assign(a)?;
    if n == 0 {
        return Ok(out);
    }
    let data = out
        .as_slice_mut()
        .ok_or_else(|| unreachable!("a new array is C-contiguous"))?;
    for (r, row) in data.chunks_exact_mut(n).enumerate() {
        let i = (r % m) as isize;
        row[zeroed(i, n)].fill(T::zeroed());
    }
    Ok(out)
}

/// The lower triangle: elements above the `k`-th diagonal of the last two axes set to
/// zero (NumPy's `np.tril(a, k)`; `k > 0` keeps diagonals above the main one). A 1-d
/// array is first repeated into rows `(n, n)`, as NumPy's.
///
/// # Errors
/// For a 0-d array.
///
/// ```
/// use ndops::prelude::*;
/// let x = arange_with(1i64, 10, 1)?.into_shape([3, 3])?;
/// assert_eq!(tril(&x, 0)?.to_vec(), vec![1, 0, 0, 4, 5, 0, 7, 8, 9]);
/// assert_eq!(tril(&x, -1)?.to_vec(), vec![0, 0, 0, 4, 0, 0, 7, 8, 0]);
/// # Ok::<(), ndcore::Error>(())
/// ```
pub fn tril<T, D>(a: &ArrayRef<T, D>, k: isize) -> Result<Array<T, <D as DimMax<Ix2>>::Output>>
where
    T: Element,
    D: DimMax<Ix2>,
{
    // Keep j <= i + k: zero j in (i + k + 1).clamp(0, n)..n.
    triangle(a, "tril", |i, n| {
        let start = i.saturating_add(k).saturating_add(1).clamp(0, n as isize) as usize;
        start..n
    })
}

/// The upper triangle: elements below the `k`-th diagonal of the last two axes set to
/// zero (NumPy's `np.triu(a, k)`). A 1-d array is first repeated into rows `(n, n)`.
///
/// # Errors
/// For a 0-d array.
///
/// ```
/// use ndops::prelude::*;
/// let x = arange_with(1i64, 10, 1)?.into_shape([3, 3])?;
/// assert_eq!(triu(&x, 1)?.to_vec(), vec![0, 2, 3, 0, 0, 6, 0, 0, 0]);
/// # Ok::<(), ndcore::Error>(())
/// ```
pub fn triu<T, D>(a: &ArrayRef<T, D>, k: isize) -> Result<Array<T, <D as DimMax<Ix2>>::Output>>
where
    T: Element,
    D: DimMax<Ix2>,
{
    // Keep j >= i + k: zero j in 0..(i + k).clamp(0, n).
    triangle(a, "triu", |i, n| {
        0..i.saturating_add(k).clamp(0, n as isize) as usize
    })
}

/// The sums along the diagonal at `offset` of axes 0 and 1 (NumPy's `np.trace(a, offset)`):
/// a 0-d array for a 2-d `a` (`.item()` gives the number), one sum per remaining index
/// otherwise. The type is NumPy's sum type: integers and booleans sum in `i64` (`u64` for
/// unsigned), floats in their own type.
///
/// # Errors
/// Fewer than 2 axes (`diag requires an array of at least two dimensions`).
///
/// ```
/// use ndops::prelude::*;
/// let x = Array::from_shape_vec([3, 3], (0..9i32).collect())?;
/// assert_eq!(trace(&x, 0)?.item()?, 12i64);
/// assert_eq!(trace(&x, 1)?.item()?, 6);
/// # Ok::<(), ndcore::Error>(())
/// ```
pub fn trace<T, D>(
    a: &ArrayRef<T, D>,
    offset: isize,
) -> Result<Array<SumOf<T>, <D::Smaller as Dimension>::Smaller>>
where
    T: Element + Summable,
    D: Dimension,
{
    trace_axes(a, offset, 0, 1)
}

/// [`trace`] over the diagonals of `axis1` and `axis2` (NumPy's
/// `np.trace(a, offset, axis1, axis2)`).
///
/// # Errors
/// As [`trace`], and axes out of bounds or equal.
///
/// ```
/// use ndops::prelude::*;
/// let x = arange(8i64).into_shape([2, 2, 2])?;
/// assert_eq!(trace_axes(&x, 0, 1, 2)?.to_vec(), vec![3, 11]);
/// # Ok::<(), ndcore::Error>(())
/// ```
pub fn trace_axes<T, D>(
    a: &ArrayRef<T, D>,
    offset: isize,
    axis1: usize,
    axis2: usize,
) -> Result<Array<SumOf<T>, <D::Smaller as Dimension>::Smaller>>
where
    T: Element + Summable,
    D: Dimension,
{
    let d = a.diagonal(offset, axis1, axis2)?;
    let last = d.ndim() - 1;
    d.sum_axis(Axis(last))?.into_rank()
}
