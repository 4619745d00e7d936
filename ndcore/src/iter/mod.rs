//! Iteration in logical (C) order: elements, indexed elements, sub-arrays along an axis,
//! and 1-d lanes.

mod axis;
mod elements;

pub use axis::{AxisIter, AxisIterMut, Lanes, LanesMut};
pub use elements::{IndexedIter, Iter, IterMut};

use crate::array::ArrayRef;
use crate::dimension::{Axis, Dimension};
use crate::element::Element;
use crate::error::{Error, Result};

impl<T, D: Dimension> ArrayRef<T, D> {
    /// The elements in logical C order (NumPy's `a.flat`).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let x = arange(6i64).into_shape([2, 3]).unwrap();
    /// assert_eq!(x.t().iter().copied().collect::<Vec<_>>(), vec![0, 3, 1, 4, 2, 5]);
    /// ```
    pub fn iter(&self) -> Iter<'_, T> {
        // SAFETY: the layout is the array's own, valid while self is borrowed.
        unsafe { Iter::new(self.as_ptr(), self.shape(), self.strides()) }
    }

    /// The elements in logical C order, writable.
    pub fn iter_mut(&mut self) -> IterMut<'_, T> {
        let (shape, strides) = (self.shape().to_vec(), self.strides().to_vec());
        // SAFETY: the layout is the array's own and non-overlapping (writable arrays never
        // overlap), borrowed exclusively.
        unsafe { IterMut::new(self.as_mut_ptr(), &shape, &strides) }
    }

    /// `(index, &element)` pairs in C order (NumPy's `np.ndenumerate`).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let x = arange(4i64).into_shape([2, 2]).unwrap();
    /// let v: Vec<_> = x.indexed_iter().map(|(i, &e)| (i.to_vec(), e)).collect();
    /// assert_eq!(v[3], (vec![1, 1], 3));
    /// ```
    pub fn indexed_iter(&self) -> IndexedIter<'_, T, D> {
        IndexedIter::new(self)
    }

    /// The sub-arrays along `axis`, in order (NumPy's iteration over `np.moveaxis(a, axis, 0)`).
    ///
    /// # Panics
    /// If `axis` is out of bounds.
    pub fn axis_iter(&self, axis: Axis) -> AxisIter<'_, T, D::Smaller> {
        AxisIter::new(self, axis)
    }

    /// The sub-arrays along `axis`, writable.
    ///
    /// # Panics
    /// If `axis` is out of bounds.
    pub fn axis_iter_mut(&mut self, axis: Axis) -> AxisIterMut<'_, T, D::Smaller> {
        AxisIterMut::new(self, axis)
    }

    /// The 1-d lanes along `axis`, one per index of the other axes, in C order.
    ///
    /// # Panics
    /// If `axis` is out of bounds.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let x = arange(6i64).into_shape([2, 3]).unwrap();
    /// let cols: Vec<Vec<i64>> = x.lanes(Axis(0)).map(|l| l.to_vec()).collect();
    /// assert_eq!(cols, vec![vec![0, 3], vec![1, 4], vec![2, 5]]);
    /// ```
    pub fn lanes(&self, axis: Axis) -> Lanes<'_, T> {
        Lanes::new(self, axis)
    }

    /// The 1-d lanes along `axis`, writable.
    ///
    /// # Panics
    /// If `axis` is out of bounds.
    pub fn lanes_mut(&mut self, axis: Axis) -> LanesMut<'_, T> {
        LanesMut::new(self, axis)
    }
}

impl<'a, T, D: Dimension> IntoIterator for &'a ArrayRef<T, D> {
    type Item = &'a T;
    type IntoIter = Iter<'a, T>;
    fn into_iter(self) -> Iter<'a, T> {
        self.iter()
    }
}

impl<'a, T, D: Dimension> IntoIterator for &'a mut ArrayRef<T, D> {
    type Item = &'a mut T;
    type IntoIter = IterMut<'a, T>;
    fn into_iter(self) -> IterMut<'a, T> {
        self.iter_mut()
    }
}

/// Checks that the bytes of every element of a layout are a valid `U` (for `bool`: 0 or
/// 1), reading them as `U::Bits`, which accepts any bytes: no `&U` to an invalid value is
/// ever made.
///
/// # Safety
/// Every element `ptr + Σ iₖ·strides[k]` must be `size_of::<U>()` initialized bytes,
/// aligned for `U`, not written while this runs.
pub(crate) unsafe fn check_bit_patterns<U: Element>(
    ptr: *const u8,
    shape: &[usize],
    strides: &[isize],
) -> Result<()> {
    // A repeated element (stride 0: a broadcast) needs checking once, so a broadcast view
    // of any size is checked in the time of the memory it covers.
    let (shape, strides): (Vec<usize>, Vec<isize>) = shape
        .iter()
        .zip(strides)
        .filter(|&(&n, &s)| s != 0 || n == 0)
        .map(|(&n, &s)| (n, s))
        .unzip();
    // SAFETY: `U::Bits` has U's size and alignment (bytemuck's contract for
    // CheckedBitPattern), so the caller's layout is one of valid `U::Bits` values; dropping
    // axes keeps a subset of its elements.
    let bits = unsafe { Iter::new(ptr.cast::<U::Bits>(), &shape, &strides) };
    for (i, b) in bits.enumerate() {
        if !<U as bytemuck::CheckedBitPattern>::is_valid_bit_pattern(b) {
            return Err(Error::Value(format!(
                "element {i} holds bytes that are not a valid {}",
                std::any::type_name::<U>()
            )));
        }
    }
    Ok(())
}
