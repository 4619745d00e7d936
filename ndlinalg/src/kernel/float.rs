//! The f32/f64 fast paths: the direct kernel for small inner dimensions, else the `gemm`
//! crate (pure Rust, AVX2/AVX-512 picked at run time), or CBLAS with the `blas` feature.

use crate::mat::{Mat, MatMut};
use crate::scalar::private::Sealed;

/// Whether the direct kernel beats a packing GEMM for this product.
///
/// Measured on the development machine (AMD Zen 4, one thread, best of many runs, f64):
/// the `gemm` crate is faster than the direct kernel for every shape with contiguous rows
/// of `b` (3×3·3×100 000: 71 µs against 125 µs; 16×16·16×10 000: 105 against 144; it has
/// its own small-size and matrix-vector paths). Where `b` is the transpose of a
/// C-contiguous n×k array with a tiny k and a tiny other side — the paper's
/// `camera.dot(points.T)` — the direct kernel de-interleaves each block with vector
/// shuffles and wins: 139 µs against 154 µs (`gemm`) and 203 µs (OpenBLAS 0.3.21).
#[inline]
pub(crate) fn use_direct<T>(a: &Mat<T>, b: &Mat<T>, c: &MatMut<T>) -> bool {
    let k = a.cols;
    // The direct kernel puts the long side of c along its columns; judge b as it sees it.
    let (short, b) = if c.rows > c.cols {
        (c.cols, a.t())
    } else {
        (c.rows, *b)
    };
    k <= 8 && short <= 8 && b.rs == 1 && b.cs == k as isize
}

/// `c = alpha·a·b + beta·c` through the `gemm` crate, single-threaded.
///
/// Products of at least this many multiply-adds use nd's threads (`ndcore::threads`);
/// smaller ones stay on the calling thread, where starting threads would cost more.
const PARALLEL_MIN_MADDS: usize = 1 << 21;

/// How the gemm crate may split an `m×k · k×n` product: over nd's thread count (on
/// rayon's pool) when it is large enough.
fn parallelism(m: usize, n: usize, k: usize) -> gemm::Parallelism {
    let threads = ndcore::threads::num_threads();
    let madds = m.saturating_mul(n).saturating_mul(k);
    if threads > 1 && madds >= PARALLEL_MIN_MADDS {
        gemm::Parallelism::Rayon(threads)
    } else {
        gemm::Parallelism::None
    }
}

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
            parallelism(c.rows, c.cols, a.cols),
        )
    }
}

macro_rules! float_fast_paths {
    ($($t:ty),*) => {$(
        impl Sealed for $t {
            #[inline]
            unsafe fn fast_gemm(alpha: $t, a: Mat<$t>, b: Mat<$t>, beta: $t, c: MatMut<$t>) -> bool {
                if use_direct(&a, &b, &c) {
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
