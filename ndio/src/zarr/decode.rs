//! The one `unsafe` of `ndio::zarr`: zarrs decodes chunks into a caller's memory through a
//! view that the caller promises overlaps no other view of the same bytes. Here the view is
//! made over bytes borrowed mutably for its whole life, which keeps that promise by
//! construction.

use zarrs::array::{ArrayBytesFixedDisjointView, ArraySubset};

/// A decode target over all of `bytes` (an array of `dims` elements of `size` bytes)
/// that receives the elements of `subset`.
pub(super) fn disjoint_view<'a>(
    bytes: &'a mut [u8],
    size: usize,
    dims: &'a [u64],
    subset: ArraySubset,
) -> std::result::Result<ArrayBytesFixedDisjointView<'a>, String> {
    // SAFETY: `bytes` is borrowed mutably for the view's whole life, so this view is the
    // only one over those bytes and overlaps no other.
    unsafe {
        ArrayBytesFixedDisjointView::new(
            unsafe_cell_slice::UnsafeCellSlice::new(bytes),
            size,
            dims,
            subset,
        )
    }
    .map_err(|e| e.to_string())
}
