//! Shape and stride arithmetic: contiguity, extents, and the checks every array
//! constructor runs so that the unsafe code elsewhere can trust its pointers.

use crate::error::{Error, Result};
use crate::storage::Span;

/// Memory order for constructors and copies: C (row-major) or Fortran (column-major).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum Order {
    /// Row-major: the last axis varies fastest (NumPy's default, `order='C'`).
    #[default]
    C,
    /// Column-major: the first axis varies fastest (`order='F'`).
    F,
}

/// Byte strides of a contiguous array of `shape` in `order`.
pub fn contiguous_strides(shape: &[usize], itemsize: usize, order: Order, out: &mut [isize]) {
    let mut acc = itemsize as isize;
    let mut set = |i: usize| {
        out[i] = acc;
        acc = acc.wrapping_mul(shape[i].max(1) as isize);
    };
    match order {
        Order::C => (0..shape.len()).rev().for_each(&mut set),
        Order::F => (0..shape.len()).for_each(&mut set),
    }
}

/// The number of elements of `shape`, and its size in bytes, or NumPy's `array is too
/// big` error.
///
/// NumPy's rule, which every array here obeys: the product of the lengths, counting 0 as 1,
/// times the item size fits in `isize`. So an empty array may not have huge other axes
/// either (`np.empty((2**60, 0))` is refused), and no product of lengths, in any order,
/// overflows.
pub fn checked_size(shape: &[usize], itemsize: usize) -> Result<(usize, usize)> {
    let too_big = || Error::Overflow {
        shape: shape.to_vec(),
    };
    let span = shape
        .iter()
        .try_fold(itemsize.max(1), |a, &d| a.checked_mul(d.max(1)))
        .filter(|&b| b <= isize::MAX as usize)
        .ok_or_else(too_big)?;
    if shape.contains(&0) {
        return Ok((0, 0));
    }
    // A zero-size dtype (`V0`, `S0`, `[]`) takes no bytes, however many elements: the
    // span counted it as 1 byte each, which made AnyArray::zeros allocate one byte per
    // element (a 2**60-element `V0` array from a 130-byte .npy file).
    let bytes = if itemsize == 0 { 0 } else { span };
    Ok((span / itemsize.max(1), bytes))
}

/// The byte offsets `[lo, hi)` an array of `shape`/`strides` reaches from its pointer,
/// or `None` if they overflow. An empty array reaches nothing: `(0, 0)`.
pub fn extent(shape: &[usize], strides: &[isize], itemsize: usize) -> Option<(isize, isize)> {
    if shape.contains(&0) {
        return Some((0, 0));
    }
    let (mut lo, mut hi) = (0isize, 0isize);
    for (&n, &s) in shape.iter().zip(strides) {
        let reach = isize::try_from(n - 1).ok()?.checked_mul(s)?;
        if reach < 0 {
            lo = lo.checked_add(reach)?;
        } else {
            hi = hi.checked_add(reach)?;
        }
    }
    Some((lo, hi.checked_add(isize::try_from(itemsize).ok()?)?))
}

/// Checks that every element of an array at `ptr` with `shape`/`strides` lies inside
/// `span`, and is aligned to `align`.
pub fn check_layout(
    ptr: *const u8,
    shape: &[usize],
    strides: &[isize],
    itemsize: usize,
    align: usize,
    span: Span,
) -> Result<()> {
    let oob = || Error::OutOfAllocation {
        shape: shape.to_vec(),
        strides: strides.to_vec(),
        len: span.len,
    };
    checked_size(shape, itemsize)?;
    let (lo, hi) = extent(shape, strides, itemsize).ok_or_else(oob)?;
    if lo == hi {
        return Ok(());
    }
    let offset = (ptr as isize).wrapping_sub(span.start as isize);
    let first = offset.checked_add(lo).ok_or_else(oob)?;
    let end = offset.checked_add(hi).ok_or_else(oob)?;
    if first < 0 || end as usize > span.len {
        return Err(oob());
    }
    check_alignment(ptr, shape, strides, align)
}

/// Checks that the pointer and every stride that moves (axis length > 1) are multiples of
/// `align`, so every element is aligned.
pub fn check_alignment(
    ptr: *const u8,
    shape: &[usize],
    strides: &[isize],
    align: usize,
) -> Result<()> {
    if shape.contains(&0) {
        return Ok(());
    }
    if !(ptr as usize).is_multiple_of(align) {
        return Err(Error::Misaligned {
            align,
            what: format!("data pointer {ptr:p}"),
        });
    }
    for (axis, (&n, &s)) in shape.iter().zip(strides).enumerate() {
        if n > 1 && s.rem_euclid(align as isize) != 0 {
            return Err(Error::Misaligned {
                align,
                what: format!("stride {s} of axis {axis}"),
            });
        }
    }
    Ok(())
}

/// Whether the layout is C-contiguous by NumPy's rule (axes of length 1 are ignored; an
/// empty array is contiguous).
pub fn is_c_contiguous(shape: &[usize], strides: &[isize], itemsize: usize) -> bool {
    contiguous_in(shape.iter().zip(strides).rev(), itemsize, shape)
}

/// Whether the layout is Fortran-contiguous by NumPy's rule.
pub fn is_f_contiguous(shape: &[usize], strides: &[isize], itemsize: usize) -> bool {
    contiguous_in(shape.iter().zip(strides), itemsize, shape)
}

fn contiguous_in<'a>(
    axes: impl Iterator<Item = (&'a usize, &'a isize)>,
    itemsize: usize,
    shape: &[usize],
) -> bool {
    if shape.contains(&0) {
        return true;
    }
    let mut expect = itemsize as isize;
    for (&n, &s) in axes {
        if n != 1 {
            if s != expect {
                return false;
            }
            expect = expect.wrapping_mul(n as isize);
        }
    }
    true
}

/// Whether no two elements of the layout share a byte (needed for mutable views).
///
/// Sufficient test: sorted by stride magnitude, each stride steps over everything the
/// smaller axes reach.
pub fn is_non_overlapping(shape: &[usize], strides: &[isize], itemsize: usize) -> bool {
    if shape.contains(&0) {
        return true;
    }
    let mut axes: Vec<(usize, usize)> = shape
        .iter()
        .zip(strides)
        .filter(|(n, _)| **n > 1)
        .map(|(&n, &s)| (n, s.unsigned_abs()))
        .collect();
    axes.sort_by_key(|&(_, s)| s);
    let mut reach = itemsize;
    for (n, s) in axes {
        if s < reach {
            return false;
        }
        reach = match (n - 1).checked_mul(s).and_then(|r| r.checked_add(reach)) {
            Some(r) => r,
            None => return false,
        };
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strides_and_contiguity() {
        let mut s = [0isize; 3];
        contiguous_strides(&[2, 3, 4], 8, Order::C, &mut s);
        assert_eq!(s, [96, 32, 8]);
        contiguous_strides(&[2, 3, 4], 8, Order::F, &mut s);
        assert_eq!(s, [8, 16, 48]);
        assert!(is_c_contiguous(&[3, 1, 2], &[16, 999, 8], 8));
        assert!(!is_c_contiguous(&[3, 3], &[8, 24], 8));
        assert!(is_f_contiguous(&[3, 3], &[8, 24], 8));
        assert!(is_c_contiguous(&[0, 3], &[1, 1], 8));
    }

    #[test]
    fn extents_and_overlap() {
        assert_eq!(extent(&[3, 3], &[24, 8], 8), Some((0, 72)));
        assert_eq!(extent(&[3], &[-8], 8), Some((-16, 8)));
        assert_eq!(extent(&[0, 3], &[24, 8], 8), Some((0, 0)));
        assert!(extent(&[usize::MAX, 2], &[8, 8], 8).is_none());
        assert!(is_non_overlapping(&[3, 3], &[24, 8], 8));
        assert!(!is_non_overlapping(&[3, 3], &[8, 8], 8));
        assert!(!is_non_overlapping(&[3], &[0], 8));
        assert!(is_non_overlapping(&[1], &[0], 8));
    }

    #[test]
    fn layout_checks_reject_escapes() {
        let buf = [0u64; 9];
        let span = Span::of_slice(&buf);
        let p = buf.as_ptr().cast::<u8>();
        assert!(check_layout(p, &[3, 3], &[24, 8], 8, 8, span).is_ok());
        assert!(check_layout(p, &[3, 4], &[24, 8], 8, 8, span).is_err());
        assert!(check_layout(p, &[3], &[-8], 8, 8, span).is_err());
        // SAFETY: in bounds of `buf`.
        let last = unsafe { p.add(64) };
        assert!(check_layout(last, &[9], &[-8], 8, 8, span).is_ok());
        assert!(check_layout(p, &[2], &[4], 8, 8, span).is_err());
    }
}
