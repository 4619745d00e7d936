use super::{Dimension, DynRank, MAX_NDIM};
use crate::error::{Error, Result};
use generic_array::{ArrayLength, GenericArray};
use std::fmt;
use std::hash::{Hash, Hasher};
use typenum::{U0, U1, U2, U3, U4, U5, U6, Unsigned};

/// A shape whose number of axes `N` (a typenum unsigned) is known at compile time.
pub struct Rank<N: ArrayLength>(pub(crate) GenericArray<usize, N>);

/// A 0-d (scalar) shape.
pub type Ix0 = Rank<U0>;
/// A 1-d shape.
pub type Ix1 = Rank<U1>;
/// A 2-d shape.
pub type Ix2 = Rank<U2>;
/// A 3-d shape.
pub type Ix3 = Rank<U3>;
/// A 4-d shape.
pub type Ix4 = Rank<U4>;
/// A 5-d shape.
pub type Ix5 = Rank<U5>;
/// A 6-d shape.
pub type Ix6 = Rank<U6>;

impl<N: ArrayLength> Rank<N> {
    /// The shape as a slice.
    pub fn as_slice(&self) -> &[usize] {
        &self.0
    }
}

impl<N: ArrayLength> Clone for Rank<N> {
    fn clone(&self) -> Self {
        Rank(self.0.clone())
    }
}
impl<N: ArrayLength> PartialEq for Rank<N> {
    fn eq(&self, other: &Self) -> bool {
        self.0[..] == other.0[..]
    }
}
impl<N: ArrayLength> Eq for Rank<N> {}
impl<N: ArrayLength> Hash for Rank<N> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0[..].hash(state)
    }
}
impl<N: ArrayLength> Default for Rank<N> {
    fn default() -> Self {
        Rank(GenericArray::default())
    }
}
impl<N: ArrayLength> fmt::Debug for Rank<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", &self.0[..])
    }
}
impl<N: ArrayLength> AsRef<[usize]> for Rank<N> {
    fn as_ref(&self) -> &[usize] {
        &self.0
    }
}
impl<N: ArrayLength> AsMut<[usize]> for Rank<N> {
    fn as_mut(&mut self) -> &mut [usize] {
        &mut self.0
    }
}
impl<N: ArrayLength> std::ops::Deref for Rank<N> {
    type Target = [usize];
    fn deref(&self) -> &[usize] {
        &self.0
    }
}

macro_rules! impl_rank {
    ($($n:ty, $smaller:ty, $larger:ty;)*) => {$(
        impl Dimension for Rank<$n> {
            const NDIM: Option<usize> = Some(<$n as Unsigned>::USIZE);
            type Strides = GenericArray<isize, $n>;
            type Smaller = $smaller;
            type Larger = $larger;

            #[inline]
            fn zeros(ndim: usize) -> Result<Self> {
                if ndim == <$n as Unsigned>::USIZE {
                    Ok(Self::default())
                } else {
                    Err(Error::RankMismatch { expected: <$n as Unsigned>::USIZE, got: ndim })
                }
            }

            #[inline]
            fn zero_strides(_ndim: usize) -> Self::Strides {
                GenericArray::default()
            }
        }
    )*};
}

impl_rank! {
    U0, Ix0, Ix1;
    U1, Ix0, Ix2;
    U2, Ix1, Ix3;
    U3, Ix2, Ix4;
    U4, Ix3, Ix5;
    U5, Ix4, Ix6;
    U6, Ix5, DynRank;
}

const _: () = assert!(MAX_NDIM >= 6);
