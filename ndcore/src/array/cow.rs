//! Copies only where the layout needs them: `to_shape`, `ravel`, `as_standard_layout`,
//! and the `CowArray` they return.

use super::view_layout::reshape_strides;
use super::{ArrayBase, ArrayRef, ArrayView, CowArray};
use crate::dimension::{Dimension, IntoDimension};
use crate::element::Element;
use crate::error::{Error, Result};
use crate::storage::CowRepr;

impl<T: Element, D: Dimension> ArrayRef<T, D> {
    /// The elements in C order as a new shape: a view when the layout allows, else a copy
    /// (NumPy's `reshape`, which copies when it must).
    ///
    /// # Errors
    /// If the sizes differ.
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// let x = arange(6i64).into_shape([2, 3]).unwrap();
    /// let xt = x.t();
    /// let c = xt.to_shape(6).unwrap();
    /// assert!(!c.is_view());
    /// assert_eq!(c.to_vec(), vec![0, 3, 1, 4, 2, 5]);
    /// ```
    pub fn to_shape<Sh: IntoDimension>(&self, shape: Sh) -> Result<CowArray<'_, T, Sh::Dim>> {
        let dim = shape.into_dimension()?;
        let size = dim.size_checked().ok_or_else(|| Error::Overflow {
            shape: dim.as_ref().to_vec(),
        })?;
        if size != self.size() {
            return Err(Error::ReshapeSize {
                size: self.size(),
                shape: dim.as_ref().to_vec(),
            });
        }
        match reshape_strides::<Sh::Dim>(self.shape(), self.strides(), &dim, self.itemsize()) {
            Ok(strides) => {
                // SAFETY: a no-copy reshape reaches exactly the elements of self.
                let v = unsafe { self.view_with::<Sh::Dim>(0, dim, strides) };
                Ok(v.into_cow())
            }
            Err(_) => {
                let owned = super::Array::from_shape_vec(dim, self.to_vec())?;
                Ok(owned.into_cow())
            }
        }
    }

    /// The elements as a 1-d array in C order: a view when possible, else a copy
    /// (NumPy's `ravel`).
    pub fn ravel(&self) -> CowArray<'_, T, crate::dimension::Ix1> {
        match self.to_shape(self.size()) {
            Ok(c) => c,
            Err(_) => unreachable!("a 1-d shape of the same size always fits"),
        }
    }

    /// The array in C order: itself when already C-contiguous, else a copy.
    pub fn as_standard_layout(&self) -> CowArray<'_, T, D> {
        if self.is_c_contiguous() {
            self.view().into_cow()
        } else {
            self.to_owned().into_cow()
        }
    }
}

impl<'a, T: Element, D: Dimension> ArrayView<'a, T, D> {
    /// This view as a `CowArray` (borrowed).
    pub fn into_cow(self) -> CowArray<'a, T, D> {
        // SAFETY: the same layout over the same borrowed memory.
        unsafe {
            ArrayBase::from_parts_unchecked(
                CowRepr::View(self.data),
                self.parts.ptr,
                self.parts.dim,
                self.parts.strides,
            )
        }
    }
}

impl<T: Element, D: Dimension> super::Array<T, D> {
    /// This array as a `CowArray` (owned).
    pub fn into_cow<'a>(self) -> CowArray<'a, T, D> {
        // SAFETY: the same layout over the same owned memory.
        unsafe {
            ArrayBase::from_parts_unchecked(
                CowRepr::Owned(self.data),
                self.parts.ptr,
                self.parts.dim,
                self.parts.strides,
            )
        }
    }
}

impl<T: Element, D: Dimension> CowArray<'_, T, D> {
    /// Whether no copy was made.
    pub fn is_view(&self) -> bool {
        self.data.is_view()
    }

    /// An owned array: the owned data as is, or a copy of the view.
    pub fn into_owned(self) -> super::Array<T, D> {
        match self.data {
            CowRepr::Owned(o) => {
                // SAFETY: the same layout over the same owned memory.
                unsafe {
                    ArrayBase::from_parts_unchecked(
                        o,
                        self.parts.ptr,
                        self.parts.dim,
                        self.parts.strides,
                    )
                }
            }
            CowRepr::View(v) => {
                // SAFETY: the same layout over the same borrowed memory.
                let view: super::ArrayView<'_, T, D> = unsafe {
                    ArrayBase::from_parts_unchecked(
                        v,
                        self.parts.ptr,
                        self.parts.dim,
                        self.parts.strides,
                    )
                };
                view.to_owned()
            }
        }
    }
}
