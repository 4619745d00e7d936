use super::{Dimension, Ix, IxDyn};
use crate::error::{Error, Result};

/// Anything that names a shape, as NumPy takes one: `[2, 3]` or `(2, 3)` (a static rank),
/// `5` (1-d), `&[usize]` / `Vec<usize>` (a rank known at run time), or a rank value.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a shape",
    label = "a shape is expected here",
    note = "shapes are `[2, 3]` or `(2, 3)` (up to 6 axes), a length `5` for 1-d, or `vec![..]` / `&[..]` of `usize` for a number of axes known at run time"
)]
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
    type Dim = Ix<1>;
    #[inline]
    fn into_dimension(self) -> Result<Ix<1>> {
        Ok(Ix([self]))
    }
}

impl IntoDimension for &[usize] {
    type Dim = IxDyn;
    fn into_dimension(self) -> Result<IxDyn> {
        IxDyn::from_slice(self)
    }
}

impl IntoDimension for Vec<usize> {
    type Dim = IxDyn;
    fn into_dimension(self) -> Result<IxDyn> {
        IxDyn::from_slice(&self)
    }
}

impl IntoDimension for &Vec<usize> {
    type Dim = IxDyn;
    fn into_dimension(self) -> Result<IxDyn> {
        IxDyn::from_slice(self)
    }
}

impl<const N: usize> IntoDimension for [usize; N]
where
    Ix<N>: Dimension,
{
    type Dim = Ix<N>;
    #[inline]
    fn into_dimension(self) -> Result<Ix<N>> {
        Ok(Ix(self))
    }
}

macro_rules! usize_for {
    ($v:ident) => {
        usize
    };
}

/// Tuples are shapes, as in NumPy: `zeros((2, 3))`.
macro_rules! tuple_into_dim {
    ($($n:literal: ($($v:ident),*);)*) => {$(
        impl IntoDimension for ($(usize_for!($v),)*) {
            type Dim = Ix<$n>;
            #[inline]
            fn into_dimension(self) -> Result<Ix<$n>> {
                let ($($v,)*) = self;
                Ok(Ix([$($v),*]))
            }
        }
    )*};
}
tuple_into_dim! {
    0: ();
    1: (a);
    2: (a, b);
    3: (a, b, c);
    4: (a, b, c, d);
    5: (a, b, c, d, e);
    6: (a, b, c, d, e, f);
}

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

impl<D: Dimension, const N: usize> IntoStrides<D> for [isize; N] {
    fn into_strides(self, ndim: usize) -> Result<D::Strides> {
        <&[isize] as IntoStrides<D>>::into_strides(self.as_slice(), ndim)
    }
}
