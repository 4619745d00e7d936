use super::{Dimension, IxDyn, MAX_NDIM};
use crate::error::{Error, Result};
use std::fmt;

/// A shape with `N` axes, `N` known at compile time: `Ix<2>` is NumPy's 2-d shape.
///
/// The aliases `Ix0`…`Ix6` name the ranks nd knows statically (compile errors print
/// `Ix<2>`); any other number of axes is [`IxDyn`](super::IxDyn).
///
/// ```
/// use ndcore::prelude::*;
/// let a: Array<f64, Ix<2>> = Array::zeros([2, 3]);
/// let b: Array2<f64> = a.clone(); // the same type
/// assert_eq!(b.ndim(), 2);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ix<const N: usize>(pub(crate) [usize; N]);

/// A 0-d (scalar) shape.
pub type Ix0 = Ix<0>;
/// A 1-d shape.
pub type Ix1 = Ix<1>;
/// A 2-d shape.
pub type Ix2 = Ix<2>;
/// A 3-d shape.
pub type Ix3 = Ix<3>;
/// A 4-d shape.
pub type Ix4 = Ix<4>;
/// A 5-d shape.
pub type Ix5 = Ix<5>;
/// A 6-d shape.
pub type Ix6 = Ix<6>;

impl<const N: usize> Ix<N> {
    /// The shape as a slice.
    pub fn as_slice(&self) -> &[usize] {
        &self.0
    }
}

impl<const N: usize> Default for Ix<N> {
    fn default() -> Self {
        Ix([0; N])
    }
}
impl<const N: usize> fmt::Debug for Ix<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", &self.0[..])
    }
}
impl<const N: usize> AsRef<[usize]> for Ix<N> {
    fn as_ref(&self) -> &[usize] {
        &self.0
    }
}
impl<const N: usize> AsMut<[usize]> for Ix<N> {
    fn as_mut(&mut self) -> &mut [usize] {
        &mut self.0
    }
}
impl<const N: usize> std::ops::Deref for Ix<N> {
    type Target = [usize];
    fn deref(&self) -> &[usize] {
        &self.0
    }
}
impl<const N: usize> From<[usize; N]> for Ix<N> {
    fn from(a: [usize; N]) -> Self {
        Ix(a)
    }
}

macro_rules! impl_rank {
    ($($n:literal, $smaller:ty, $larger:ty;)*) => {$(
        impl Dimension for Ix<$n> {
            const NDIM: Option<usize> = Some($n);
            type Strides = [isize; $n];
            type Smaller = $smaller;
            type Larger = $larger;

            #[inline]
            fn zeros(ndim: usize) -> Result<Self> {
                if ndim == $n {
                    Ok(Self::default())
                } else {
                    Err(Error::RankMismatch { expected: $n, got: ndim })
                }
            }

            #[inline]
            fn zero_strides(_ndim: usize) -> Self::Strides {
                [0; $n]
            }
        }
    )*};
}

impl_rank! {
    0, Ix0, Ix1;
    1, Ix0, Ix2;
    2, Ix1, Ix3;
    3, Ix2, Ix4;
    4, Ix3, Ix5;
    5, Ix4, Ix6;
    6, Ix5, IxDyn;
}

const _: () = assert!(MAX_NDIM >= 6);
