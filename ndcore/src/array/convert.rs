//! Operations that copy or write every element: `to_owned`, `to_vec`, `assign`, `fill`,
//! `cast`, `map`.

use super::{Array, ArrayBase, ArrayRef};
use crate::dimension::Dimension;
use crate::element::{CastTo, Element};
use crate::engine::{IterOrder, Lane, Plan};
use crate::error::{Error, Result};
use crate::layout::Order;
use crate::storage::OwnedRepr;

impl<T: Element, D: Dimension> ArrayRef<T, D> {
    /// A new array with a copy of the elements, in C order (NumPy's `a.copy()`).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let x = arange(6i64).into_shape([2, 3]).unwrap();
    /// let c = x.t().to_owned();
    /// assert!(c.is_c_contiguous());
    /// assert_eq!(c.to_vec(), vec![0, 3, 1, 4, 2, 5]);
    /// ```
    pub fn to_owned(&self) -> Array<T, D> {
        let o = match self.as_slice() {
            Some(s) => OwnedRepr::from_slice(s),
            None => OwnedRepr::from_vec(self.to_vec()),
        };
        Array::from_owned(o, self.dim().clone(), Order::C)
    }

    /// The elements in C order as a `Vec` (NumPy's `a.ravel().tolist()`, typed).
    pub fn to_vec(&self) -> Vec<T> {
        match self.as_slice() {
            Some(s) => s.to_vec(),
            None => {
                let mut v = Vec::with_capacity(self.size());
                self.iter().for_each(|&x| v.push(x));
                v
            }
        }
    }

    /// A new array of `U` values converted from these (NumPy's `a.astype(U)`, C casts).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let x = Array::from_vec(vec![-1.5f64, 0.0, 2.7]);
    /// assert_eq!(x.cast::<i32>().to_vec(), vec![-1, 0, 2]);
    /// assert_eq!(x.cast::<bool>().to_vec(), vec![true, false, true]);
    /// ```
    pub fn cast<U: Element>(&self) -> Array<U, D>
    where
        T: CastTo<U>,
    {
        self.map(|&x| x.cast_to())
    }

    /// A new array of `f(x)` for every element, in C order.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// assert_eq!(arange(3i64).map(|&x| x * 10).to_vec(), vec![0, 10, 20]);
    /// ```
    pub fn map<U: Element, F: FnMut(&T) -> U>(&self, mut f: F) -> Array<U, D> {
        let v: Vec<U> = match self.as_slice() {
            Some(s) => s.iter().map(&mut f).collect(),
            None => self.iter().map(f).collect(),
        };
        Array::from_owned(OwnedRepr::from_vec(v), self.dim().clone(), Order::C)
    }

    /// Sets every element to `value` (NumPy's `a.fill(value)`, `a[...] = value`).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let mut x = Array::<f64, _>::zeros([2, 2]);
    /// x.fill(1.5);
    /// assert_eq!(x.to_vec(), vec![1.5; 4]);
    /// ```
    pub fn fill(&mut self, value: T) {
        let plan = Plan::<1>::new(self.shape(), [self.strides()], IterOrder::Memory);
        // SAFETY: the plan walks exactly this array's elements, which the exclusive borrow
        // lets us write; a unit-stride run is `len` consecutive aligned elements, so it is
        // a valid slice.
        unsafe {
            plan.for_each_run([self.as_mut_ptr().cast()], |r| match Lane::<T>::of(&r, 0) {
                // A unit-stride run is a slice: `fill` compiles to vector stores.
                Lane::Contiguous(p) => std::slice::from_raw_parts_mut(p, r.len).fill(value),
                _ => {
                    let mut p = r.ptrs[0];
                    for _ in 0..r.len {
                        *p.cast::<T>() = value;
                        p = p.wrapping_offset(r.strides[0]);
                    }
                }
            })
        }
    }

    /// Copies `src` into this array, broadcasting it to this shape (NumPy's `a[...] = src`).
    /// As in NumPy, `src` may have more axes than this array when the extra leading ones
    /// have length 1.
    ///
    /// # Errors
    /// If `src` does not broadcast to this array's shape (NumPy's message:
    /// `could not broadcast input array from shape (2,) into shape (2,3)`).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let mut x = Array::<i64, _>::zeros([2, 3]);
    /// x.assign(&arange(3i64)).unwrap();
    /// assert_eq!(x.to_vec(), vec![0, 1, 2, 0, 1, 2]);
    /// x.assign(&arange(6i64).into_shape([1, 2, 3]).unwrap()).unwrap();
    /// assert_eq!(x.to_vec(), vec![0, 1, 2, 3, 4, 5]);
    /// let e = x.assign(&arange(2i64)).unwrap_err();
    /// assert_eq!(e.to_string(), "could not broadcast input array from shape (2,) into shape (2,3)");
    /// ```
    pub fn assign<E: Dimension>(&mut self, src: &ArrayRef<T, E>) -> Result<()> {
        // NumPy strips leading length-1 axes of a source with more axes than the
        // destination (PyArray_AssignArray), then broadcasts.
        let extra = src.ndim().saturating_sub(self.ndim());
        let strip = src.shape()[..extra].iter().take_while(|&&n| n == 1).count();
        let src = src.drop_leading_ones(strip);
        if src.broadcast_to(self.dim().clone()).is_err() {
            return Err(Error::BroadcastInput {
                from: src.shape().to_vec(),
                into: self.shape().to_vec(),
            });
        }
        self.zip_mut_with(&src, |a, &b| *a = b)
    }

    /// This array without its first `k` axes, which must have length 1.
    fn drop_leading_ones(&self, k: usize) -> super::ArrayView<'_, T, crate::dimension::IxDyn> {
        debug_assert!(self.shape()[..k].iter().all(|&d| d == 1));
        let shape = self.shape()[k..].to_vec();
        let strides = self.strides()[k..].to_vec();
        // SAFETY: dropping axes of length 1 keeps exactly the same elements.
        unsafe { self.view_from(0, &shape, &strides) }
            .unwrap_or_else(|_| unreachable!("a dynamic rank takes any number of axes"))
    }

    /// Calls `f(&mut a, &b)` for each element of this array and the matching element of
    /// `other` broadcast to this shape, in any order.
    ///
    /// # Errors
    /// If `other` does not broadcast to this array's shape.
    pub fn zip_mut_with<U, E: Dimension, F: FnMut(&mut T, &U)>(
        &mut self,
        other: &ArrayRef<U, E>,
        mut f: F,
    ) -> Result<()> {
        let b = other
            .broadcast_to(self.dim().clone())
            .map_err(|_| Error::Broadcast {
                shapes: vec![self.shape().to_vec(), other.shape().to_vec()],
            })?;
        let plan = Plan::<2>::new(
            self.shape(),
            [self.strides(), b.strides()],
            IterOrder::Memory,
        );
        let bp = b.as_ptr() as *mut u8;
        // SAFETY: the plan walks this array's elements (exclusively borrowed, written) and
        // the broadcast view's (read) in step; a `&mut self` cannot alias `other`. A
        // unit-stride run is `len` consecutive aligned elements: a valid slice.
        unsafe {
            plan.for_each_run([self.as_mut_ptr().cast(), bp], |r| {
                // Unit-stride runs as slices, so simple kernels vectorize.
                match (Lane::<T>::of(&r, 0), Lane::<U>::of(&r, 1)) {
                    (Lane::Contiguous(p), Lane::Contiguous(q)) => {
                        let a = std::slice::from_raw_parts_mut(p, r.len);
                        let b = std::slice::from_raw_parts(q.cast_const(), r.len);
                        a.iter_mut().zip(b).for_each(|(x, y)| f(x, y));
                    }
                    (Lane::Contiguous(p), Lane::Scalar(q)) => {
                        let y = &*q.cast_const();
                        std::slice::from_raw_parts_mut(p, r.len)
                            .iter_mut()
                            .for_each(|x| f(x, y));
                    }
                    _ => {
                        let (mut p, mut q) = (r.ptrs[0], r.ptrs[1]);
                        for _ in 0..r.len {
                            f(&mut *p.cast::<T>(), &*q.cast::<U>());
                            p = p.wrapping_offset(r.strides[0]);
                            q = q.wrapping_offset(r.strides[1]);
                        }
                    }
                }
            })
        }
        Ok(())
    }
}

impl<S: crate::storage::Data, D: Dimension> ArrayBase<S, D>
where
    S::Elem: Element,
{
    /// A new array with a copy of the elements, in C order (NumPy's `a.copy()`).
    ///
    /// Defined here as well as on [`ArrayRef`] so that `view.to_owned()` copies instead of
    /// resolving to `Clone`'s `ToOwned`, which would clone the view.
    pub fn to_owned(&self) -> Array<S::Elem, D> {
        ArrayRef::to_owned(self)
    }
}

impl<S: crate::storage::Data, D: Dimension> PartialEq<ArrayRef<S::Elem, D>> for ArrayBase<S, D>
where
    S::Elem: Element,
{
    fn eq(&self, other: &ArrayRef<S::Elem, D>) -> bool {
        self.shape() == other.shape() && self.iter().eq(other.iter())
    }
}

impl<S: crate::storage::Data, S2: crate::storage::Data<Elem = S::Elem>, D: Dimension>
    PartialEq<ArrayBase<S2, D>> for ArrayBase<S, D>
where
    S::Elem: Element,
{
    /// Same shape and equal elements (NumPy's `np.array_equal`).
    fn eq(&self, other: &ArrayBase<S2, D>) -> bool {
        self.shape() == other.shape() && self.iter().eq(other.iter())
    }
}
