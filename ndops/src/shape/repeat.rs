//! `tile` and `repeat`: copies by contiguous runs — `tile` as one broadcast assignment,
//! `repeat` as block copies (a block being the elements after the axis) — not element by
//! element through indices.

use crate::reduce::check_axis;
use ndcore::error::{Result, shape_str};
use ndcore::{Array, Array1, ArrayD, ArrayRef, Axis, Dimension, Element, Error, IxDyn};

/// The array repeated `reps[k]` times along each axis (NumPy's `np.tile(a, reps)`). The
/// rank is the larger of `a`'s and `reps.len()`: shorter `reps` are padded with leading
/// 1s, a lower-rank `a` gets leading axes of length 1, so the rank is an `ArrayD`'s.
///
/// # Errors
/// A shape whose size overflows.
///
/// ```
/// use ndops::prelude::*;
/// let a = arange(3i64);
/// assert_eq!(tile(&a, &[2])?.to_vec(), vec![0, 1, 2, 0, 1, 2]);
/// let t = tile(&a, &[2, 1])?;
/// assert_eq!(t.shape(), &[2, 3]);
/// # Ok::<(), ndcore::Error>(())
/// ```
pub fn tile<T: Element, D: Dimension>(a: &ArrayRef<T, D>, reps: &[usize]) -> Result<ArrayD<T>> {
    let d = a.ndim().max(reps.len());
    let mut shape = vec![1usize; d - a.ndim()];
    shape.extend_from_slice(a.shape());
    let mut r = vec![1usize; d - reps.len()];
    r.extend_from_slice(reps);
    let out_shape = shape
        .iter()
        .zip(&r)
        .map(|(&n, &k)| n.checked_mul(k))
        .collect::<Option<Vec<usize>>>()
        .ok_or_else(|| Error::Overflow {
            shape: shape.clone(),
        })?;
    // SAFETY: the broadcast assignment below writes every element (none when empty).
    let mut out = unsafe { Array::<T, IxDyn>::try_uninit(out_shape) }?;
    if out.is_empty() {
        return Ok(out);
    }
    // out seen as (r0, n0, r1, n1, …) receives a seen as (1, n0, 1, n1, …) broadcast.
    let inter: Vec<usize> = r.iter().zip(&shape).flat_map(|(&k, &n)| [k, n]).collect();
    let src_shape: Vec<usize> = shape.iter().flat_map(|&n| [1, n]).collect();
    let src = a.view().into_dyn();
    let src = src.reshape(src_shape)?;
    out.reshape_mut(inter)?.assign(&src)?;
    Ok(out)
}

/// How many times `repeat` repeats each element: one count for all (`2`), or one per
/// element along the axis (`[1, 0, 3]`, `&[…]`, `vec![…]`; a list of length 1 counts for
/// all, as NumPy broadcasts it). Negative counts are NumPy's error.
///
/// ```
/// use ndops::shape::Repeats;
/// assert_eq!(Repeats::from(2), Repeats::All(2));
/// assert_eq!(Repeats::from(vec![1usize, 0]), Repeats::Each(vec![1, 0]));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Repeats {
    /// The same count for every element.
    All(i64),
    /// One count per element.
    Each(Vec<i64>),
}

macro_rules! repeats_from {
    ($($t:ty),*) => {$(
        impl From<$t> for Repeats {
            fn from(n: $t) -> Self {
                Repeats::All(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
        impl<const N: usize> From<[$t; N]> for Repeats {
            fn from(v: [$t; N]) -> Self {
                Repeats::from(v.as_slice())
            }
        }
        impl From<&[$t]> for Repeats {
            fn from(v: &[$t]) -> Self {
                Repeats::Each(v.iter().map(|&n| i64::try_from(n).unwrap_or(i64::MAX)).collect())
            }
        }
        impl From<Vec<$t>> for Repeats {
            fn from(v: Vec<$t>) -> Self {
                Repeats::from(v.as_slice())
            }
        }
    )*};
}
repeats_from!(i32, i64, isize, usize);

/// Checked counts.
enum Counts {
    All(usize),
    Each(Vec<usize>),
}

impl Repeats {
    /// The counts as sizes, or NumPy's error for a negative one; a list of one is `All`.
    fn counts(self) -> Result<Counts> {
        let size = |k: i64, what: &str| usize::try_from(k).map_err(|_| Error::Value(what.into()));
        let all = "negative dimensions are not allowed";
        Ok(match self {
            Repeats::All(k) => Counts::All(size(k, all)?),
            Repeats::Each(v) if v.len() == 1 => Counts::All(size(v[0], all)?),
            Repeats::Each(v) => Counts::Each(
                v.into_iter()
                    .map(|k| size(k, "repeats may not contain negative values."))
                    .collect::<Result<_>>()?,
            ),
        })
    }
}

/// Each element repeated along `axis` (NumPy's `np.repeat(a, repeats, axis)`): `[a, b]`
/// repeated 2 times is `[a, a, b, b]`; with one count per element, element `i` appears
/// `repeats[i]` times. The rank is kept; [`repeat_flat`] is NumPy's `axis=None`.
///
/// # Errors
/// An axis out of bounds; a negative count (`negative dimensions are not allowed`, or
/// `repeats may not contain negative values.` in a list);
/// per-element counts whose number is neither 1 nor the axis' length (NumPy's `operands
/// could not be broadcast together with shape (3,) (2,)`); a size that overflows.
///
/// ```
/// use ndops::prelude::*;
/// let x = arange(4i64).into_shape([2, 2])?;
/// assert_eq!(repeat(&x, 2, Axis(1))?.to_vec(), vec![0, 0, 1, 1, 2, 2, 3, 3]);
/// assert_eq!(repeat(&x, [1, 2], Axis(0))?.to_vec(), vec![0, 1, 2, 3, 2, 3]);
/// assert!(repeat(&x, -1, Axis(0)).is_err());
/// # Ok::<(), ndcore::Error>(())
/// ```
pub fn repeat<T: Element, D: Dimension>(
    a: &ArrayRef<T, D>,
    repeats: impl Into<Repeats>,
    axis: Axis,
) -> Result<Array<T, D>> {
    let ax = check_axis(axis.0, a.ndim())?;
    let n = a.shape()[ax];
    let repeats = repeats.into().counts()?;
    if let Counts::Each(v) = &repeats
        && v.len() != n
    {
        return Err(Error::Value(format!(
            "operands could not be broadcast together with shape {} {}",
            shape_str(&[n]),
            shape_str(&[v.len()])
        )));
    }
    let total = match &repeats {
        Counts::All(k) => n.checked_mul(*k),
        Counts::Each(v) => v.iter().try_fold(0usize, |s, &k| s.checked_add(k)),
    };
    let mut shape = a.shape().to_vec();
    shape[ax] = total.ok_or_else(|| Error::Overflow {
        shape: shape.clone(),
    })?;
    // SAFETY: `repeat_blocks` writes every element: the counts add up to the new length.
    let mut out = unsafe { Array::<T, D>::try_uninit(D::from_slice(&shape)?) }?;
    if out.is_empty() {
        return Ok(out);
    }
    let src = a.as_standard_layout();
    let src = src
        .as_slice()
        .ok_or_else(|| unreachable!("a standard layout is C-contiguous"))?;
    let dst = out
        .as_slice_mut()
        .ok_or_else(|| unreachable!("a new array is C-contiguous"))?;
    // In C order, the source is blocks of the axes after `ax`, one per (outer index, i);
    // the result is each block written count(i) times in a row.
    let block: usize = a.shape()[ax + 1..].iter().product();
    match repeats {
        Counts::All(k) => repeat_blocks(src, dst, block, |_| k),
        Counts::Each(v) => repeat_blocks(src, dst, block, |j| v[j % n]),
    }
    Ok(out)
}

/// Writes each `block`-long run `j` of `src` `count(j)` times into `dst`, in order.
fn repeat_blocks<T: Copy>(src: &[T], dst: &mut [T], block: usize, count: impl Fn(usize) -> usize) {
    let mut at = 0;
    for (j, b) in src.chunks_exact(block).enumerate() {
        let c = count(j);
        if block == 1 {
            dst[at..at + c].fill(b[0]);
            at += c;
        } else {
            for d in dst[at..at + c * block].chunks_exact_mut(block) {
                d.copy_from_slice(b);
            }
            at += c * block;
        }
    }
}

/// Each element of the flattened array (C order) repeated (NumPy's
/// `np.repeat(a, repeats)`, `axis=None`): a 1-d result.
///
/// # Errors
/// As [`repeat`], the counts matching the array's size.
///
/// ```
/// use ndops::prelude::*;
/// let x = arange(4i64).into_shape([2, 2])?;
/// assert_eq!(repeat_flat(&x, 2)?.to_vec(), vec![0, 0, 1, 1, 2, 2, 3, 3]);
/// # Ok::<(), ndcore::Error>(())
/// ```
pub fn repeat_flat<T: Element, D: Dimension>(
    a: &ArrayRef<T, D>,
    repeats: impl Into<Repeats>,
) -> Result<Array1<T>> {
    repeat(&a.ravel(), repeats, Axis(0))
}
