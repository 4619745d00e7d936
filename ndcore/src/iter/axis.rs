//! Sub-arrays along an axis, and 1-d lanes.

use crate::array::{ArrayBase, ArrayRef, ArrayView, ArrayView1, ArrayViewMut, ArrayViewMut1};
use crate::dimension::{Axis, Dimension, Ix1};
use crate::storage::ViewRepr;
use std::marker::PhantomData;
use std::ptr::NonNull;

/// Layout of the sub-arrays along an axis: the rest of the shape, and the step.
struct AxisWalk<E: Dimension> {
    ptr: *mut u8,
    step: isize,
    index: usize,
    end: usize,
    dim: E,
    strides: E::Strides,
}

impl<E: Dimension> AxisWalk<E> {
    fn new<T, D: Dimension>(a: &ArrayRef<T, D>, axis: Axis) -> Self {
        let nd = a.ndim();
        assert!(
            axis.0 < nd,
            "axis {} is out of bounds for array of dimension {nd}",
            axis.0
        );
        let mut shape = a.shape().to_vec();
        let mut strides = a.strides().to_vec();
        let n = shape.remove(axis.0);
        let step = strides.remove(axis.0);
        // Empty sub-arrays keep the array's pointer, as `index_axis` does.
        let step = crate::array::offset_unless_empty(step, &shape);
        let dim = E::from_slice(&shape).unwrap_or_else(|e| panic!("{e}"));
        let strides = E::strides_from_slice(&strides).unwrap_or_else(|e| panic!("{e}"));
        AxisWalk {
            ptr: a.as_ptr() as *mut u8,
            step,
            index: 0,
            end: n,
            dim,
            strides,
        }
    }

    fn next(&mut self) -> Option<NonNull<u8>> {
        if self.index >= self.end {
            return None;
        }
        let p = self.ptr.wrapping_offset(self.index as isize * self.step);
        self.index += 1;
        NonNull::new(p)
    }
}

macro_rules! axis_iter {
    ($name:ident, $view:ident, $life:ty, $doc:literal) => {
        #[doc = $doc]
        pub struct $name<'a, T, E: Dimension> {
            walk: AxisWalk<E>,
            _life: PhantomData<$life>,
        }

        impl<'a, T, E: Dimension> Iterator for $name<'a, T, E> {
            type Item = $view<'a, T, E>;
            fn next(&mut self) -> Option<Self::Item> {
                let p = self.walk.next()?;
                // SAFETY: each sub-array along the axis is a distinct part of the array the
                // iterator borrows for 'a, with the array's own (checked) strides.
                Some(unsafe {
                    ArrayBase::from_parts_unchecked(
                        ViewRepr::new(),
                        p.cast(),
                        self.walk.dim.clone(),
                        self.walk.strides.clone(),
                    )
                })
            }
            fn size_hint(&self) -> (usize, Option<usize>) {
                let n = self.walk.end - self.walk.index;
                (n, Some(n))
            }
        }
        impl<T, E: Dimension> ExactSizeIterator for $name<'_, T, E> {}
    };
}

axis_iter!(
    AxisIter,
    ArrayView,
    &'a T,
    "Read-only sub-arrays along an axis."
);
axis_iter!(
    AxisIterMut,
    ArrayViewMut,
    &'a mut T,
    "Writable sub-arrays along an axis."
);

impl<'a, T, E: Dimension> AxisIter<'a, T, E> {
    pub(crate) fn new<D: Dimension>(a: &'a ArrayRef<T, D>, axis: Axis) -> Self {
        AxisIter {
            walk: AxisWalk::new(a, axis),
            _life: PhantomData,
        }
    }
}

impl<'a, T, E: Dimension> AxisIterMut<'a, T, E> {
    pub(crate) fn new<D: Dimension>(a: &'a mut ArrayRef<T, D>, axis: Axis) -> Self {
        AxisIterMut {
            walk: AxisWalk::new(a, axis),
            _life: PhantomData,
        }
    }
}

/// The 1-d lanes along an axis: one per index of the other axes, in C order.
struct LaneWalk {
    /// The lane starts, walked as raw addresses: when the axis is empty they are not
    /// elements, so no reference to them may be made.
    starts: super::elements::Walk,
    len: usize,
    stride: isize,
}

impl LaneWalk {
    fn new<T, D: Dimension>(a: &ArrayRef<T, D>, axis: Axis) -> Self {
        let nd = a.ndim();
        assert!(
            axis.0 < nd,
            "axis {} is out of bounds for array of dimension {nd}",
            axis.0
        );
        let mut shape = a.shape().to_vec();
        let mut strides = a.strides().to_vec();
        let len = shape[axis.0];
        let stride = strides[axis.0];
        // Walk the lane starts as the "elements" of the other axes. Empty lanes all keep
        // the array's pointer: stepping from a dangling pointer could even reach null.
        shape[axis.0] = 1;
        strides[axis.0] = 0;
        if len == 0 {
            strides.iter_mut().for_each(|s| *s = 0);
        }
        let starts = super::elements::Walk::new(a.as_ptr() as *mut u8, &shape, &strides);
        LaneWalk {
            starts,
            len,
            stride,
        }
    }
}

macro_rules! lanes {
    ($name:ident, $view:ident, $life:ty, $doc:literal) => {
        #[doc = $doc]
        pub struct $name<'a, T> {
            walk: LaneWalk,
            _life: PhantomData<$life>,
        }

        impl<'a, T> Iterator for $name<'a, T> {
            type Item = $view<'a, T>;
            fn next(&mut self) -> Option<Self::Item> {
                let p = self.walk.starts.next()?.cast::<T>();
                // SAFETY: a lane is `len` elements of the borrowed array from its start,
                // with the array's own stride along the axis; lanes are disjoint.
                Some(unsafe {
                    ArrayBase::<_, Ix1>::from_parts_unchecked(
                        ViewRepr::new(),
                        NonNull::new_unchecked(p),
                        crate::dimension::Ix1::from([self.walk.len]),
                        [self.walk.stride],
                    )
                })
            }
            fn size_hint(&self) -> (usize, Option<usize>) {
                (
                    self.walk.starts.remaining(),
                    Some(self.walk.starts.remaining()),
                )
            }
        }
        impl<T> ExactSizeIterator for $name<'_, T> {}
    };
}

lanes!(
    Lanes,
    ArrayView1,
    &'a T,
    "Read-only 1-d lanes along an axis."
);
lanes!(
    LanesMut,
    ArrayViewMut1,
    &'a mut T,
    "Writable 1-d lanes along an axis."
);

impl<'a, T> Lanes<'a, T> {
    pub(crate) fn new<D: Dimension>(a: &'a ArrayRef<T, D>, axis: Axis) -> Self {
        Lanes {
            walk: LaneWalk::new(a, axis),
            _life: PhantomData,
        }
    }
}

impl<'a, T> LanesMut<'a, T> {
    pub(crate) fn new<D: Dimension>(a: &'a mut ArrayRef<T, D>, axis: Axis) -> Self {
        LanesMut {
            walk: LaneWalk::new(a, axis),
            _life: PhantomData,
        }
    }
}
