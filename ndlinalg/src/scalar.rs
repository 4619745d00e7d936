//! The element types products accept, and how each one adds and multiplies.

use crate::mat::{Mat, MatMut};
use ndcore::Element;

/// An element type `dot` and `matmul` accept: `f32` and `f64` (through the fast kernels),
/// the integers and `bool` (through the generic kernel).
///
/// Arithmetic is NumPy's: integers wrap on overflow (`int8` 100·100 + 100·100 is 32),
/// and for `bool` the sum is a logical or and the product a logical and.
///
/// ```
/// use ndlinalg::LinalgScalar;
/// assert_eq!(100i8.times(100).plus(100i8.times(100)), 32);
/// assert!(true.times(true).plus(false));
/// ```
pub trait LinalgScalar: Element + private::Sealed {
    /// The additive identity (0, or `false`).
    const ZERO: Self;
    /// The multiplicative identity (1, or `true`).
    const ONE: Self;
    /// `self + rhs` as NumPy's product loops add: wrapping for integers, `or` for `bool`.
    fn plus(self, rhs: Self) -> Self;
    /// `self * rhs`: wrapping for integers, `and` for `bool`.
    fn times(self, rhs: Self) -> Self;
}

pub(crate) mod private {
    use super::{Mat, MatMut};

    /// Keeps `LinalgScalar` to the types the kernels know, and carries their fast paths.
    pub trait Sealed: Sized {
        /// `c = alpha·a·b + beta·c` through a fast kernel, or `false` if this type or
        /// shape has none (the generic kernel runs instead).
        ///
        /// # Safety
        /// As [`crate::kernel::gemm`], with `m, n, k > 0`.
        #[inline]
        unsafe fn fast_gemm(
            _alpha: Self,
            _a: Mat<Self>,
            _b: Mat<Self>,
            _beta: Self,
            _c: MatMut<Self>,
        ) -> bool {
            false
        }

        /// `Σ x[i]·y[i]` through a fast kernel, or `None`.
        ///
        /// # Safety
        /// As [`crate::kernel::dot`].
        #[inline]
        unsafe fn fast_dot(
            _n: usize,
            _x: *const Self,
            _incx: isize,
            _y: *const Self,
            _incy: isize,
        ) -> Option<Self> {
            None
        }
    }
}

macro_rules! int_scalar {
    ($($t:ty),*) => {$(
        // Kernels convert byte strides to element strides by dividing by the size; that
        // is exact because an aligned element's size is its alignment here.
        const _: () = assert!(std::mem::size_of::<$t>() == std::mem::align_of::<$t>());
        impl LinalgScalar for $t {
            const ZERO: $t = 0;
            const ONE: $t = 1;
            #[inline(always)]
            fn plus(self, rhs: $t) -> $t {
                self.wrapping_add(rhs)
            }
            #[inline(always)]
            fn times(self, rhs: $t) -> $t {
                self.wrapping_mul(rhs)
            }
        }
        impl private::Sealed for $t {}
    )*};
}
int_scalar!(i8, i16, i32, i64, u8, u16, u32, u64);

impl LinalgScalar for bool {
    const ZERO: bool = false;
    const ONE: bool = true;
    #[inline(always)]
    fn plus(self, rhs: bool) -> bool {
        self | rhs
    }
    #[inline(always)]
    fn times(self, rhs: bool) -> bool {
        self & rhs
    }
}
impl private::Sealed for bool {}

macro_rules! float_scalar {
    ($($t:ty),*) => {$(
        const _: () = assert!(std::mem::size_of::<$t>() == std::mem::align_of::<$t>());
        impl LinalgScalar for $t {
            const ZERO: $t = 0.0;
            const ONE: $t = 1.0;
            #[inline(always)]
            fn plus(self, rhs: $t) -> $t {
                self + rhs
            }
            #[inline(always)]
            fn times(self, rhs: $t) -> $t {
                self * rhs
            }
        }
    )*};
}
float_scalar!(f32, f64);
