//! Arrays seen by faer without copies: each matrix of a stack as a `MatRef` on the array's
//! own memory, with the array's element strides (negative and zero ones included).

use crate::linalg::batch::offsets;
use faer::MatRef;
use ndcore::{ArrayRef, Element, IxDyn};

/// The matrices `a[i..., :, :]` for every index of the batch shape `batch` (which `a`'s
/// leading axes broadcast to; the caller checks), in C order, as faer views of `a`.
pub(crate) fn matrices<'a, T: Element>(
    a: &'a ArrayRef<T, IxDyn>,
    batch: &[usize],
) -> Vec<MatRef<'a, T>> {
    let nd = a.ndim();
    debug_assert!(nd >= 2);
    let (shape, strides) = (a.shape(), a.strides());
    let (rows, cols) = (shape[nd - 2], shape[nd - 1]);
    let rs = elems::<T>(strides[nd - 2]);
    let cs = elems::<T>(strides[nd - 1]);
    let base = a.as_ptr();
    offsets(&shape[..nd - 2], &strides[..nd - 2], batch)
        .into_iter()
        .map(|off| {
            // SAFETY: `off` is the byte offset of an element index of `a` (its batch
            // index, or 0 along broadcast axes), so `base + off` and every element
            // `(i, j)` at `rs*i + cs*j` elements from it lie in `a`'s allocation, aligned
            // and initialized (ndcore checked `a`'s layout when it was made). The view
            // borrows `a` for `'a`, a shared borrow, so nothing writes these elements
            // while it lives; faer only reads through a `MatRef`, so zero (broadcast)
            // strides are allowed.
            unsafe { MatRef::from_raw_parts(base.byte_offset(off), rows, cols, rs, cs) }
        })
        .collect()
}

/// A byte stride in elements. An axis of length 0 or 1 may keep a stride that does not
/// divide (NumPy's rule); it is never multiplied by a nonzero index, so 0 stands for it.
fn elems<T>(byte_stride: isize) -> isize {
    let size = std::mem::size_of::<T>() as isize;
    if size != 0 && byte_stride % size == 0 {
        byte_stride / size
    } else {
        0
    }
}
