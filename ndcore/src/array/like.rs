//! `zeros_like`, `ones_like`, `full_like`, `empty_like`: new arrays with another array's
//! shape and, as NumPy's default `order='K'`, its memory order.

use super::construct::{uninit_buffer, zeroed_buffer};
use super::{Array, ArrayBase, ArrayRef};
use crate::dimension::Dimension;
use crate::element::Element;
use crate::error::Result;
use crate::layout::{self, Order};
use crate::storage::OwnedRepr;

/// Byte strides of a new contiguous array of `shape` that keeps the memory order of a
/// source with `strides` (NumPy's `order='K'`): C order when the source is C-contiguous
/// (or has at most one axis), Fortran order when it is F-contiguous, otherwise the axes
/// laid out by decreasing absolute source stride (ties in axis order), as NumPy's
/// `PyArray_NewLikeArray` does. Negative strides become positive; broadcast (stride 0)
/// axes become the innermost.
pub(crate) fn keep_order_strides(shape: &[usize], strides: &[isize], item: usize) -> Vec<isize> {
    let mut out = vec![0isize; shape.len()];
    if shape.len() <= 1 || layout::is_c_contiguous(shape, strides, item) {
        layout::contiguous_strides(shape, item, Order::C, &mut out);
    } else if layout::is_f_contiguous(shape, strides, item) {
        layout::contiguous_strides(shape, item, Order::F, &mut out);
    } else {
        let mut perm: Vec<usize> = (0..shape.len()).collect();
        // Stable: equal magnitudes keep axis order.
        perm.sort_by_key(|&a| std::cmp::Reverse(strides[a].unsigned_abs()));
        let mut s = item as isize;
        for &a in perm.iter().rev() {
            out[a] = s;
            // The total size fits isize (checked by the buffer allocation before use).
            s = s.wrapping_mul(shape[a] as isize);
        }
    }
    out
}

/// An owned array over `o` (exactly the size of `dim`) with the memory order of `like`.
fn with_order_of<T: Element, D: Dimension, U: Element>(
    o: OwnedRepr<U>,
    like: &ArrayRef<T, D>,
) -> Array<U, D> {
    let dim = like.parts.dim.clone();
    let st = keep_order_strides(dim.as_ref(), like.strides(), std::mem::size_of::<U>());
    let strides = D::strides_from_slice(&st)
        .unwrap_or_else(|_| unreachable!("one stride per axis of a valid rank"));
    let ptr = o.as_nonnull();
    // SAFETY: the strides are a permutation of a contiguous layout of `dim`, so every index
    // lands on a distinct element of `o`, which holds `dim.size()` aligned elements.
    unsafe { ArrayBase::from_parts_unchecked(o, ptr, dim, strides) }
}

fn try_full_like<T: Element, D: Dimension, U: Element>(
    a: &ArrayRef<T, D>,
    value: U,
) -> Result<Array<U, D>> {
    // SAFETY: every element is written by `fill` below before the array is returned.
    let o = unsafe { uninit_buffer::<U>(a.shape()) }?;
    let p = o.as_nonnull().as_ptr();
    // SAFETY: `o` holds `o.len()` element slots; writing all of them initializes it.
    unsafe { std::slice::from_raw_parts_mut(p, o.len()) }.fill(value);
    Ok(with_order_of(o, a))
}

/// A new array of zeros with `a`'s shape, element type and memory order (NumPy's
/// `np.zeros_like(a)`, `order='K'`: the transpose of a C array gives a Fortran array; a
/// strided, flipped or broadcast view gives a contiguous array whose axes are laid out
/// in the order of the view's stride magnitudes).
///
/// # Panics
/// As [`Array::zeros`]: when the allocator refuses the memory (possible for a broadcast
/// view, whose size may far exceed its memory), with NumPy's `MemoryError` text.
///
/// ```
/// use ndcore::prelude::*;
/// use ndcore::array::zeros_like;
/// let x = arange(6i64).into_shape([2, 3])?;
/// let z = zeros_like(&x.t());
/// assert_eq!((z.shape(), z.strides()), (&[3, 2][..], &[8, 24][..]));
/// assert!(z.iter().all(|&v| v == 0));
/// # Ok::<(), ndcore::Error>(())
/// ```
pub fn zeros_like<T: Element, D: Dimension>(a: &ArrayRef<T, D>) -> Array<T, D> {
    let o = zeroed_buffer::<T>(a.shape()).unwrap_or_else(|e| panic!("{e}"));
    with_order_of(o, a)
}

/// A new array of ones with `a`'s shape, element type and memory order (NumPy's
/// `np.ones_like(a)`; layout as [`zeros_like`]).
///
/// # Panics
/// As [`zeros_like`].
///
/// ```
/// use ndcore::prelude::*;
/// use ndcore::array::ones_like;
/// let x = Array::<f32, _>::zeros([2, 2]);
/// assert_eq!(ones_like(&x).to_vec(), vec![1.0; 4]);
/// ```
pub fn ones_like<T: Element + num_traits::One, D: Dimension>(a: &ArrayRef<T, D>) -> Array<T, D> {
    full_like(a, T::one())
}

/// A new array filled with `value`, with `a`'s shape and memory order (NumPy's
/// `np.full_like(a, value)`; layout as [`zeros_like`]). The element type is `value`'s,
/// as NumPy's `np.full_like(a, value, dtype=type(value))`: pass a value of `a`'s type for
/// NumPy's default.
///
/// # Panics
/// As [`zeros_like`].
///
/// ```
/// use ndcore::prelude::*;
/// use ndcore::array::full_like;
/// let x = arange(3i64);
/// assert_eq!(full_like(&x, 7i64).to_vec(), vec![7, 7, 7]);
/// assert_eq!(full_like(&x, 0.5).to_vec(), vec![0.5; 3]);
/// ```
pub fn full_like<T: Element, D: Dimension, U: Element>(
    a: &ArrayRef<T, D>,
    value: U,
) -> Array<U, D> {
    try_full_like(a, value).unwrap_or_else(|e| panic!("{e}"))
}

/// A new array with `a`'s shape, element type and memory order whose contents NumPy
/// leaves unspecified (NumPy's `np.empty_like(a)`). Here it is zeroed: reading
/// uninitialized memory is undefined behaviour in Rust, and zeroed pages cost no more than
/// fresh ones.
///
/// # Panics
/// As [`zeros_like`].
///
/// ```
/// use ndcore::prelude::*;
/// use ndcore::array::empty_like;
/// let x = Array::<f64, _>::zeros([2, 3]);
/// assert_eq!(empty_like(&x.t()).strides(), &[8, 24]);
/// ```
pub fn empty_like<T: Element, D: Dimension>(a: &ArrayRef<T, D>) -> Array<T, D> {
    zeros_like(a)
}

/// Like [`empty_like`], with the contents truly unspecified (NumPy's `np.empty_like`
/// without the zeroing): for code that writes every element next.
///
/// # Safety
/// Every element must be written before it is read.
///
/// # Panics
/// As [`zeros_like`].
///
/// ```
/// use ndcore::prelude::*;
/// use ndcore::array::uninit_like;
/// let x = arange(3i64);
/// // SAFETY: `fill` writes every element before any is read.
/// let mut y = unsafe { uninit_like(&x) };
/// y.fill(4);
/// assert_eq!(y.to_vec(), vec![4, 4, 4]);
/// ```
pub unsafe fn uninit_like<T: Element, D: Dimension>(a: &ArrayRef<T, D>) -> Array<T, D> {
    // SAFETY: forwarded to the caller.
    let o = unsafe { uninit_buffer::<T>(a.shape()) }.unwrap_or_else(|e| panic!("{e}"));
    with_order_of(o, a)
}
