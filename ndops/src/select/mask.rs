//! Boolean masks: `x[mask]` (a copy of the selected elements) and `x[mask] = values`.

use ndcore::error::{Result, shape_str};
use ndcore::{Array1, ArrayRef, ArrayView, Dimension, Element, Error, IxDyn};

/// NumPy's checks for a boolean index of the array's full shape.
pub(crate) fn check_mask(shape: &[usize], mask: &[usize]) -> Result<()> {
    if mask.len() > shape.len() {
        return Err(Error::TooManyIndices {
            ndim: shape.len(),
            got: mask.len(),
        });
    }
    for (k, (&n, &m)) in shape.iter().zip(mask).enumerate() {
        if n != m {
            return Err(Error::Value(format!(
                "boolean index did not match indexed array along axis {k}; size of axis is \
                 {n} but size of corresponding boolean axis is {m}"
            )));
        }
    }
    if mask.len() < shape.len() {
        return Err(Error::Value(format!(
            "a boolean mask of shape {} selects sub-arrays of an array of shape {}; nd's \
             masks select elements and need the array's full shape (for a 1-d mask of one \
             axis, use `compress`)",
            shape_str(mask),
            shape_str(shape)
        )));
    }
    Ok(())
}

/// The number of `true`s.
fn count<E: Dimension>(mask: &ArrayRef<bool, E>) -> usize {
    match mask.as_slice() {
        Some(s) => s.iter().filter(|&&m| m).count(),
        None => mask.iter().filter(|&&m| m).count(),
    }
}

pub(crate) fn masked<T: Element, D: Dimension, E: Dimension>(
    x: &ArrayRef<T, D>,
    mask: &ArrayRef<bool, E>,
) -> Result<Array1<T>> {
    check_mask(x.shape(), mask.shape())?;
    let n = count(mask);
    match (x.as_slice(), mask.as_slice()) {
        (Some(xs), Some(ms)) => {
            // An array's own buffer, not a Vec's: a large one comes from ndcore's pool
            // (no page faults of a fresh buffer on every call, huge pages).
            // SAFETY: `compact` writes all `n` elements before the array is read.
            let mut out = unsafe { Array1::<T>::try_uninit(n) }?;
            // SAFETY: `out` has room for the `n` elements of `xs` that `ms` selects, and
            // `xs` and `ms` have the same length (the same shape, both contiguous).
            unsafe { compact(xs.iter(), ms, out.as_mut_ptr(), n) };
            Ok(out)
        }
        // A strided source (a record's field, a slice with a step), a contiguous mask: the
        // same loop over the array's elements in C order (the filtered iterator below made
        // `x['pos']['x'][times].mean()` of 1e6 records from a file 3.9 ms, this 3.1 ms).
        (None, Some(ms)) => {
            // SAFETY: as above.
            let mut out = unsafe { Array1::<T>::try_uninit(n) }?;
            // SAFETY: as above; `x.iter()` has as many elements as the mask.
            unsafe { compact(x.iter(), ms, out.as_mut_ptr(), n) };
            Ok(out)
        }
        _ => {
            let mut v = Vec::with_capacity(n);
            v.extend(
                x.iter()
                    .zip(mask.iter())
                    .filter(|(_, m)| **m)
                    .map(|(&e, _)| e),
            );
            Ok(Array1::from_vec(v))
        }
    }
}

/// Writes to `out` the `n` elements of `xs` whose entry in `ms` is true, with no branch per
/// element (a mask's pattern is data, which a branch predicts badly): each element up to
/// the last selected one is written at the slot counting the selected ones before it,
/// and the slot advances by its mask. 1e6 `f64` with a third selected: 0.60–0.87 ms with a
/// filter (it moved with code placement), 0.48 ms here (`paperbench --filter masked`).
///
/// # Safety
/// `out` is valid for writes of `n` elements, `n` is the number of trues in `ms`, and `xs`
/// has at least as many elements as `ms`.
unsafe fn compact<'a, T: Copy + 'a>(
    xs: impl Iterator<Item = &'a T>,
    ms: &[bool],
    out: *mut T,
    n: usize,
) {
    let Some(last) = ms.iter().rposition(|&m| m) else {
        return;
    };
    let mut k = 0;
    for (&x, &m) in xs.zip(&ms[..=last]) {
        // SAFETY: `k` counts the trues before this element, which is at or before the last
        // true: at most `n - 1`, inside `out`.
        unsafe { out.add(k).write(x) };
        k += usize::from(m);
    }
    debug_assert_eq!(k, n);
}

/// Where masked assignment takes its values from: one value, or a 0-d or 1-d array.
///
/// ```
/// use ndcore::prelude::*;
/// use ndops::select::Select;
/// let mut x = arange(3i64);
/// let m = Array::from_vec(vec![true, false, true]);
/// x.masked_assign(&m, 9).unwrap(); // a scalar
/// x.masked_assign(&m, &Array::from_vec(vec![4, 5])).unwrap(); // an array
/// assert_eq!(x.to_vec(), vec![4, 1, 5]);
/// ```
pub trait MaskValues<T> {
    /// The values as NumPy reads them: a scalar, or an array (C order).
    #[doc(hidden)]
    fn source(&self) -> Source<'_, T>;
}

/// The values of a masked assignment (see [`MaskValues`]).
#[doc(hidden)]
pub enum Source<'a, T> {
    /// One value for every selected element.
    Scalar(T),
    /// An array whose elements go to the selected elements in order.
    Array(ArrayView<'a, T, IxDyn>),
}

macro_rules! scalar_values {
    ($($t:ty),*) => {$(
        impl MaskValues<$t> for $t {
            fn source(&self) -> Source<'_, $t> {
                Source::Scalar(*self)
            }
        }
    )*};
}
scalar_values!(bool, i8, i16, i32, i64, u8, u16, u32, u64, f32, f64);

impl<T: Element, E: Dimension> MaskValues<T> for &ArrayRef<T, E> {
    fn source(&self) -> Source<'_, T> {
        Source::Array(self.view().into_dyn())
    }
}

impl<T: Element, E: Dimension, S: ndcore::storage::Data<Elem = T>> MaskValues<T>
    for &ndcore::ArrayBase<S, E>
{
    fn source(&self) -> Source<'_, T> {
        Source::Array(self.view().into_dyn())
    }
}

pub(crate) fn masked_assign<T: Element, D: Dimension, E: Dimension>(
    x: &mut ArrayRef<T, D>,
    mask: &ArrayRef<bool, E>,
    values: Source<'_, T>,
) -> Result<()> {
    check_mask(x.shape(), mask.shape())?;
    match values {
        Source::Scalar(v) => {
            x.iter_mut()
                .zip(mask.iter())
                .filter(|(_, m)| **m)
                .for_each(|(e, _)| *e = v);
        }
        Source::Array(a) => {
            if a.ndim() > 1 {
                return Err(Error::Value(format!(
                    "NumPy boolean array indexing assignment requires a 0 or 1-dimensional \
                     input, input has {} dimensions",
                    a.ndim()
                )));
            }
            let n = count(mask);
            if a.size() == 1 {
                let v = a
                    .iter()
                    .copied()
                    .next()
                    .unwrap_or_else(|| unreachable!("size 1"));
                return masked_assign(x, mask, Source::Scalar(v));
            }
            if a.size() != n {
                return Err(Error::Value(format!(
                    "NumPy boolean array indexing assignment cannot assign {} input values to \
                     the {n} output values where the mask is true",
                    a.size()
                )));
            }
            x.iter_mut()
                .zip(mask.iter())
                .filter(|(_, m)| **m)
                .zip(a.iter())
                .for_each(|((e, _), &v)| *e = v);
        }
    }
    Ok(())
}
