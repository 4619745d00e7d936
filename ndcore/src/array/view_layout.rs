//! Layout rules of views, as NumPy states them: no-copy reshape, broadcasting, and
//! reinterpreting the element type.

use super::ArrayRef;
use crate::dimension::Dimension;
use crate::error::{Error, Result};
use crate::layout;

/// Strides for a no-copy reshape of (shape, strides) into `dim`, by NumPy's rule
/// (`_attempt_nocopy_reshape`): axes of length 1 are ignored, and each group of old axes
/// that multiplies to a group of new axes must be contiguous with itself.
pub(crate) fn reshape_strides<E: Dimension>(
    shape: &[usize],
    strides: &[isize],
    dim: &E,
    itemsize: usize,
) -> Result<E::Strides> {
    let new = dim.as_ref();
    let size: usize = shape.iter().product();
    let new_size = dim.size_checked().ok_or_else(|| Error::Overflow {
        shape: new.to_vec(),
    })?;
    if size != new_size {
        return Err(Error::ReshapeSize {
            size,
            shape: new.to_vec(),
        });
    }
    let mut out = E::zero_strides(new.len());
    if size == 0 || layout::is_c_contiguous(shape, strides, itemsize) {
        layout::contiguous_strides(new, itemsize, layout::Order::C, out.as_mut());
        return Ok(out);
    }
    let (od, os): (Vec<usize>, Vec<isize>) = shape
        .iter()
        .zip(strides)
        .filter(|(n, _)| **n != 1)
        .map(|(&n, &s)| (n, s))
        .unzip();
    let ns = out.as_mut();
    let fail = || Error::ReshapeCopy {
        from: shape.to_vec(),
        strides: strides.to_vec(),
        to: new.to_vec(),
    };
    let (mut oi, mut oj, mut ni, mut nj) = (0usize, 1usize, 0usize, 1usize);
    while ni < new.len() && oi < od.len() {
        let mut np = new[ni];
        let mut op = od[oi];
        while np != op {
            if np < op {
                np *= *new.get(nj).ok_or_else(fail)?;
                nj += 1;
            } else {
                op *= *od.get(oj).ok_or_else(fail)?;
                oj += 1;
            }
        }
        for ok in oi..oj - 1 {
            if os[ok] != od[ok + 1] as isize * os[ok + 1] {
                return Err(fail());
            }
        }
        ns[nj - 1] = os[oj - 1];
        for nk in (ni + 1..nj).rev() {
            ns[nk - 1] = ns[nk] * new[nk] as isize;
        }
        ni = nj;
        nj += 1;
        oi = oj;
        oj += 1;
    }
    let last = if ni >= 1 {
        ns[ni - 1]
    } else {
        itemsize as isize
    };
    for s in ns.iter_mut().skip(ni) {
        *s = last;
    }
    Ok(out)
}

/// Strides that broadcast (shape, strides) to `dim`, or NumPy's error.
pub(crate) fn broadcast_strides<E: Dimension>(
    shape: &[usize],
    strides: &[isize],
    dim: &E,
    itemsize: usize,
) -> Result<E::Strides> {
    let to = dim.as_ref();
    let err = || Error::BroadcastTo {
        from: shape.to_vec(),
        to: to.to_vec(),
    };
    if shape.len() > to.len() {
        return Err(err());
    }
    // A broadcast view copies nothing, but NumPy still requires of every array that its
    // size in bytes fits in `isize`: `size()`, walks, and a result of the view's shape
    // rely on it.
    layout::checked_size(to, itemsize)?;
    let mut out = E::zero_strides(to.len());
    let lead = to.len() - shape.len();
    for (i, (&n, &s)) in shape.iter().zip(strides).enumerate() {
        let m = to[lead + i];
        out.as_mut()[lead + i] = if n == m {
            if n == 1 { 0 } else { s }
        } else if n == 1 {
            0
        } else {
            return Err(err());
        };
    }
    Ok(out)
}

/// NumPy's `a.view(dtype)` layout rule for reinterpreting `T` as `U`.
pub(crate) fn view_as_layout<T, U, D: Dimension>(a: &ArrayRef<T, D>) -> Result<(D, D::Strides)> {
    let (old, new) = (std::mem::size_of::<T>(), std::mem::size_of::<U>());
    let mut dim = a.parts.dim.clone();
    let mut strides = a.parts.strides.clone();
    if old == new {
        return Ok((dim, strides));
    }
    if new == 0 || old == 0 {
        return Err(Error::Value("cannot view zero-sized elements".into()));
    }
    let nd = dim.ndim();
    if nd == 0 {
        return Err(Error::Value(
            "Changing the dtype of a 0d array is only supported if the itemsize is unchanged"
                .into(),
        ));
    }
    let last = nd - 1;
    let n = dim.as_ref()[last];
    // NumPy skips this check for empty arrays, whose strides reach nothing.
    if n != 1 && !a.is_empty() && strides.as_ref()[last] != old as isize {
        return Err(Error::Value(
            "To change to a dtype of a different size, the last axis must be contiguous".into(),
        ));
    }
    let bytes = n.checked_mul(old).ok_or_else(|| Error::Overflow {
        shape: a.shape().to_vec(),
    })?;
    if new < old && old % new != 0 {
        return Err(Error::Value("When changing to a smaller dtype, its size must be a divisor of the size of original dtype".into()));
    }
    if new > old && bytes % new != 0 {
        return Err(Error::Value("When changing to a larger dtype, its size must be a divisor of the total size in bytes of the last axis of the array.".into()));
    }
    dim.as_mut()[last] = bytes / new;
    strides.as_mut()[last] = new as isize;
    Ok((dim, strides))
}
