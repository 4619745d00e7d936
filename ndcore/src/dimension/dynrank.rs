use super::{Dimension, MAX_NDIM};
use crate::error::{Error, Result};
use std::fmt;

/// A shape whose number of axes is known only at run time (NumPy's only kind).
///
/// Up to four axes live inline; more spill to the heap. Loops never index through it
/// per element: the loop engine copies shapes and strides into flat buffers first, so a
/// dynamic rank costs the same as a static one on large arrays.
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct IxDyn(pub(crate) SmallVec<usize>);

/// The dynamic rank under its descriptive name.
pub type DynRank = IxDyn;

impl IxDyn {
    /// The shape as a slice.
    pub fn as_slice(&self) -> &[usize] {
        self.0.as_slice()
    }
}

impl fmt::Debug for IxDyn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.as_slice())
    }
}
impl AsRef<[usize]> for IxDyn {
    fn as_ref(&self) -> &[usize] {
        self.0.as_slice()
    }
}
impl AsMut<[usize]> for IxDyn {
    fn as_mut(&mut self) -> &mut [usize] {
        self.0.as_mut_slice()
    }
}
impl std::ops::Deref for IxDyn {
    type Target = [usize];
    fn deref(&self) -> &[usize] {
        self.0.as_slice()
    }
}
impl TryFrom<&[usize]> for IxDyn {
    type Error = Error;
    /// The shape, or NumPy's error for more than [`MAX_NDIM`] axes.
    fn try_from(s: &[usize]) -> Result<Self> {
        Self::from_slice(s)
    }
}

impl Dimension for IxDyn {
    const NDIM: Option<usize> = None;
    type Strides = SmallVec<isize>;
    type Smaller = IxDyn;
    type Larger = IxDyn;

    fn zeros(ndim: usize) -> Result<Self> {
        if ndim > MAX_NDIM {
            return Err(Error::Value(format!(
                "maximum supported dimension for an ndarray is currently {MAX_NDIM}, found {ndim}"
            )));
        }
        Ok(IxDyn(SmallVec::zeros(ndim)))
    }

    fn zero_strides(ndim: usize) -> Self::Strides {
        SmallVec::zeros(ndim)
    }
}

/// A vector of `Copy + Default` values that keeps up to four inline.
#[derive(Clone)]
pub enum SmallVec<T: Copy + Default> {
    /// Up to four values inline.
    Inline(u8, [T; 4]),
    /// More, on the heap.
    Heap(Vec<T>),
}

impl<T: Copy + Default> SmallVec<T> {
    fn zeros(n: usize) -> Self {
        if n <= 4 {
            SmallVec::Inline(n as u8, [T::default(); 4])
        } else {
            SmallVec::Heap(vec![T::default(); n])
        }
    }
    pub(crate) fn from_slice(s: &[T]) -> Self {
        let mut v = Self::zeros(s.len());
        v.as_mut_slice().copy_from_slice(s);
        v
    }
    /// Appends a value (moving to the heap past four).
    pub fn push(&mut self, v: T) {
        match self {
            SmallVec::Inline(n, a) if (*n as usize) < a.len() => {
                a[*n as usize] = v;
                *n += 1;
            }
            SmallVec::Inline(_, a) => {
                let mut h = a.to_vec();
                h.push(v);
                *self = SmallVec::Heap(h);
            }
            SmallVec::Heap(h) => h.push(v),
        }
    }

    /// The values as a slice.
    pub fn as_slice(&self) -> &[T] {
        match self {
            SmallVec::Inline(n, a) => &a[..*n as usize],
            SmallVec::Heap(v) => v,
        }
    }
    /// The values as a mutable slice.
    pub fn as_mut_slice(&mut self) -> &mut [T] {
        match self {
            SmallVec::Inline(n, a) => &mut a[..*n as usize],
            SmallVec::Heap(v) => v,
        }
    }
}

impl<T: Copy + Default> Default for SmallVec<T> {
    fn default() -> Self {
        Self::zeros(0)
    }
}
impl<T: Copy + Default + PartialEq> PartialEq for SmallVec<T> {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}
impl<T: Copy + Default + Eq> Eq for SmallVec<T> {}
impl<T: Copy + Default + std::hash::Hash> std::hash::Hash for SmallVec<T> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_slice().hash(state)
    }
}
impl<T: Copy + Default + fmt::Debug> fmt::Debug for SmallVec<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.as_slice())
    }
}
impl<T: Copy + Default> std::ops::Deref for SmallVec<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        self.as_slice()
    }
}
impl<T: Copy + Default> AsRef<[T]> for SmallVec<T> {
    fn as_ref(&self) -> &[T] {
        self.as_slice()
    }
}
impl<T: Copy + Default> AsMut<[T]> for SmallVec<T> {
    fn as_mut(&mut self) -> &mut [T] {
        self.as_mut_slice()
    }
}

#[cfg(test)]
mod tests {
    use super::SmallVec;

    #[test]
    fn push_spills_to_the_heap_past_four() {
        let mut v = SmallVec::<isize>::default();
        for i in 0..7 {
            v.push(i * 10);
        }
        assert!(matches!(v, SmallVec::Heap(_)));
        assert_eq!(&*v, &[0, 10, 20, 30, 40, 50, 60]);
    }
}
