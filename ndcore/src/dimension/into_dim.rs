use super::{Dimension, DynRank, Rank};
use crate::error::{Error, Result};
use generic_array::GenericArray;
use typenum::{U0, U1, U2, U3, U4, U5, U6};

/// Anything that names a shape: `[usize; N]` (a static rank), `usize` (1-d),
/// `&[usize]` / `Vec<usize>` (dynamic rank), or a rank value itself.
pub trait IntoDimension {
    /// The rank type this shape converts to.
    type Dim: Dimension;
    /// The shape.
    ///
    /// # Errors
    /// A dynamic shape of more than [`MAX_NDIM`](super::MAX_NDIM) axes (NumPy's
    /// `maximum supported dimension for an ndarray is currently 64, found 65`).
    fn into_dimension(self) -> Result<Self::Dim>;
}

impl<D: Dimension> IntoDimension for D {
    type Dim = D;
    #[inline]
    fn into_dimension(self) -> Result<D> {
        Ok(self)
    }
}

impl IntoDimension for usize {
    type Dim = Rank<U1>;
    #[inline]
    fn into_dimension(self) -> Result<Rank<U1>> {
        Ok(Rank(GenericArray::from_array([self])))
    }
}

impl IntoDimension for &[usize] {
    type Dim = DynRank;
    fn into_dimension(self) -> Result<DynRank> {
        DynRank::from_slice(self)
    }
}

impl IntoDimension for Vec<usize> {
    type Dim = DynRank;
    fn into_dimension(self) -> Result<DynRank> {
        DynRank::from_slice(&self)
    }
}

impl IntoDimension for &Vec<usize> {
    type Dim = DynRank;
    fn into_dimension(self) -> Result<DynRank> {
        DynRank::from_slice(self)
    }
}

macro_rules! array_into_dim {
    ($($k:literal => $n:ty),*) => {$(
        impl IntoDimension for [usize; $k] {
            type Dim = Rank<$n>;
            #[inline]
            fn into_dimension(self) -> Result<Rank<$n>> {
                Ok(Rank(GenericArray::from_array(self)))
            }
        }
        impl From<[usize; $k]> for Rank<$n> {
            fn from(a: [usize; $k]) -> Self {
                Rank(GenericArray::from_array(a))
            }
        }
        impl<D: Dimension> IntoStrides<D> for [isize; $k] {
            fn into_strides(self, ndim: usize) -> Result<D::Strides> {
                <&[isize] as IntoStrides<D>>::into_strides(self.as_slice(), ndim)
            }
        }
    )*};
}
array_into_dim!(0 => U0, 1 => U1, 2 => U2, 3 => U3, 4 => U4, 5 => U5, 6 => U6);

/// Byte strides for a rank `D`: `[isize; N]`, `&[isize]` or `Vec<isize>`.
pub trait IntoStrides<D: Dimension> {
    /// The strides, checked to have `ndim` entries.
    fn into_strides(self, ndim: usize) -> Result<D::Strides>;
}

impl<D: Dimension> IntoStrides<D> for &[isize] {
    fn into_strides(self, ndim: usize) -> Result<D::Strides> {
        if self.len() != ndim {
            return Err(Error::Value(format!(
                "strides must have as many entries as the shape has axes: {} vs {ndim}",
                self.len()
            )));
        }
        D::strides_from_slice(self)
    }
}

impl<D: Dimension> IntoStrides<D> for Vec<isize> {
    fn into_strides(self, ndim: usize) -> Result<D::Strides> {
        <&[isize] as IntoStrides<D>>::into_strides(self.as_slice(), ndim)
    }
}
