//! The f32/f64 fast paths: the direct kernel for small inner dimensions, else the `gemm`
//! crate (pure Rust, AVX2/AVX-512 picked at run time), or CBLAS with the `blas` feature.

use crate::mat::{Mat, MatMut};
use crate::scalar::private::Sealed;

/// Whether the direct kernel beats a packing GEMM for an m×k·k×n product.
///
/// Measured on this machine (AMD Zen 4, one thread; `benches/matmul.rs`): with k ≤ 16 and
/// one side ≤ 16 the direct kernel is 1.5–3× faster than both the `gemm` crate and
/// OpenBLAS (3×3·3×100 000: ~45 µs against ~160 µs and ~200 µs), which pack both operands
/// and run a microkernel sized for large blocks. Tiny products of any k also go direct:
/// there the fixed cost of packing dominates.
#[inline]
pub(crate) fn use_direct(m: usize, n: usize, k: usize) -> bool {
    (k <= 16 && m.min(n) <= 16) || m.saturating_mul(n).saturating_mul(k) <= 4096
}

/// `c = alpha·a·b + beta·c` through the `gemm` crate, single-threaded.
///
/// # Safety
/// As [`crate::kernel::gemm`], with `T` f32 or f64.
unsafe fn rust_gemm<T: 'static + Copy + PartialEq + Default>(
    alpha: T,
    a: Mat<T>,
    b: Mat<T>,
    beta: T,
    c: MatMut<T>,
) {
    // The gemm crate computes dst = α·dst + β·lhs·rhs, reading dst only if asked: our
    // (alpha, beta) are its (beta, alpha).
    let read_dst = beta != T::default();
    // SAFETY: forwarded; the crate takes any element strides (negative and zero too).
    unsafe {
        gemm::gemm(
            c.rows,
            c.cols,
            a.cols,
            c.ptr,
            c.cs,
            c.rs,
            read_dst,
            a.ptr,
            a.cs,
            a.rs,
            b.ptr,
            b.cs,
            b.rs,
            beta,
            alpha,
            false,
            false,
            false,
            gemm::Parallelism::None,
        )
    }
}

macro_rules! float_fast_paths {
    ($($t:ty),*) => {$(
        impl Sealed for $t {
            #[inline]
            unsafe fn fast_gemm(alpha: $t, a: Mat<$t>, b: Mat<$t>, beta: $t, c: MatMut<$t>) -> bool {
                if use_direct(c.rows, c.cols, a.cols) {
                    return false;
                }
                #[cfg(feature = "blas")]
                {
                    // SAFETY: forwarded.
                    if unsafe { super::blas::gemm(alpha, a, b, beta, c) } {
                        return true;
                    }
                }
                // SAFETY: forwarded.
                unsafe { rust_gemm(alpha, a, b, beta, c) };
                true
            }

            #[inline]
            unsafe fn fast_dot(
                n: usize,
                x: *const $t,
                incx: isize,
                y: *const $t,
                incy: isize,
            ) -> Option<$t> {
                #[cfg(feature = "blas")]
                {
                    // SAFETY: forwarded.
                    unsafe { super::blas::dot(n, x, incx, y, incy) }
                }
                #[cfg(not(feature = "blas"))]
                {
                    // The generic kernel's contiguous loop is already a vectorized ddot.
                    let _ = (n, x, incx, y, incy);
                    None
                }
            }
        }
    )*};
}
float_fast_paths!(f32, f64);
