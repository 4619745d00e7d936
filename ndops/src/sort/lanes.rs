//! Work along one axis: each 1-d lane handed to a kernel as a contiguous slice, borrowed
//! when the lane is contiguous and gathered into (and scattered back from) a buffer when
//! it is strided (another axis than the last, a reversed view, a transposed one).

use ndcore::error::Result;
use ndcore::{ArrayRef, Axis, Dimension, Element};

/// Calls `f` on every lane of `a` along `axis`, writable, in C order of the other axes.
pub(crate) fn for_each_lane_mut<T: Element, D: Dimension>(
    a: &mut ArrayRef<T, D>,
    axis: usize,
    mut f: impl FnMut(&mut [T]) -> Result<()>,
) -> Result<()> {
    let mut buf: Vec<T> = Vec::new();
    for mut lane in a.lanes_mut(Axis(axis)) {
        if let Some(s) = lane.as_slice_mut() {
            f(s)?;
            continue;
        }
        buf.clear();
        buf.extend(lane.iter().copied());
        f(&mut buf)?;
        for (d, s) in lane.iter_mut().zip(&buf) {
            *d = *s;
        }
    }
    Ok(())
}

/// Calls `f(src_lane, out_lane)` for the matching lanes of `src` and `out` (same shape)
/// along `axis`.
pub(crate) fn for_each_lane_pair<T: Element, U: Element, D: Dimension>(
    src: &ArrayRef<T, D>,
    out: &mut ArrayRef<U, D>,
    axis: usize,
    mut f: impl FnMut(&[T], &mut [U]) -> Result<()>,
) -> Result<()> {
    debug_assert_eq!(src.shape(), out.shape());
    let (mut sbuf, mut obuf): (Vec<T>, Vec<U>) = (Vec::new(), Vec::new());
    for (s, mut o) in src.lanes(Axis(axis)).zip(out.lanes_mut(Axis(axis))) {
        let s: &[T] = match s.as_slice() {
            Some(s) => s,
            None => {
                sbuf.clear();
                sbuf.extend(s.iter().copied());
                &sbuf
            }
        };
        if let Some(os) = o.as_slice_mut() {
            f(s, os)?;
            continue;
        }
        obuf.clear();
        obuf.extend(o.iter().copied());
        f(s, &mut obuf)?;
        for (d, v) in o.iter_mut().zip(&obuf) {
            *d = *v;
        }
    }
    Ok(())
}
