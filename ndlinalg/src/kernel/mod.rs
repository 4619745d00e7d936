//! The kernels: `c = alpha·a·b + beta·c` on strided matrices, and the inner product.
//!
//! Which one runs:
//! - products of at most 8×8×8 multiply-adds: a plain triple loop (no per-call costs);
//! - f32/f64 products whose `b` is the transpose of a C-contiguous array with a tiny inner
//!   dimension and a tiny other side (the paper's `camera.dot(points.T)`) go to the direct
//!   kernel in [`generic`], which de-interleaves such blocks with vector shuffles where
//!   packing GEMMs lose (measured: see [`float::use_direct`]);
//! - other f32/f64 products go to the `gemm` crate, or to CBLAS with the `blas` feature
//!   ([`float`], [`blas`]);
//! - integers and `bool` always take the generic kernel.

#[cfg(feature = "blas")]
pub(crate) mod blas;
pub(crate) mod float;
pub(crate) mod generic;

use crate::mat::{Mat, MatMut};
use crate::scalar::LinalgScalar;

/// `c = alpha·a·b + beta·c`, where `a` is m×k, `b` k×n and `c` m×n. When `beta` is zero,
/// `c` is not read (it may be uninitialized), as BLAS specifies.
///
/// # Safety
/// Every element of `a` and `b` must be readable, every element of `c` writable, the
/// elements of `c` distinct from each other and from those of `a` and `b`, and the
/// shapes must agree (`a.cols == b.rows`, `c` is `a.rows × b.cols`).
pub(crate) unsafe fn gemm<T: LinalgScalar>(alpha: T, a: Mat<T>, b: Mat<T>, beta: T, c: MatMut<T>) {
    debug_assert!(a.cols == b.rows && c.rows == a.rows && c.cols == b.cols);
    if c.rows == 0 || c.cols == 0 {
        return;
    }
    if a.cols == 0 || alpha == T::ZERO {
        // SAFETY: forwarded.
        unsafe { scale(beta, c) };
        return;
    }
    if c.rows.saturating_mul(c.cols).saturating_mul(a.cols) <= TINY {
        // SAFETY: forwarded; m, n, k > 0.
        unsafe { tiny(alpha, a, b, beta, c) };
        return;
    }
    // SAFETY: forwarded; m, n, k > 0.
    unsafe {
        if !T::fast_gemm(alpha, a, b, beta, c) {
            generic::gemm(alpha, a, b, beta, c);
        }
    }
}

/// Products with at most this many multiply-adds (8×8×8) take the plain triple loop: a
/// batch of 3×3 matrices is dominated by per-call costs, and the loop has none (measured:
/// `(1000,3,3) @ (1000,3,3)` 240 µs through the `gemm` crate, NumPy 32 µs).
const TINY: usize = 512;

/// `c = alpha·a·b + beta·c` as three nested loops.
///
/// # Safety
/// As [`gemm`], with `m, n, k > 0`.
unsafe fn tiny<T: LinalgScalar>(alpha: T, a: Mat<T>, b: Mat<T>, beta: T, c: MatMut<T>) {
    for i in 0..c.rows {
        for j in 0..c.cols {
            let mut acc = T::ZERO;
            for p in 0..a.cols {
                // SAFETY: (i, p) is an element of a and (p, j) of b.
                acc = acc.plus(unsafe { (*a.at(i, p)).times(*b.at(p, j)) });
            }
            let v = if alpha == T::ONE {
                acc
            } else {
                alpha.times(acc)
            };
            let q = c.at(i, j);
            // SAFETY: (i, j) is an element of c, read only when beta is nonzero.
            unsafe {
                *q = if beta == T::ZERO {
                    v
                } else {
                    v.plus(beta.times(*q))
                }
            };
        }
    }
}

/// `c = beta·c` (zeros when `beta` is zero, without reading `c`).
///
/// # Safety
/// Every element of `c` must be writable (and readable unless `beta` is zero).
pub(crate) unsafe fn scale<T: LinalgScalar>(beta: T, c: MatMut<T>) {
    if beta == T::ONE {
        return;
    }
    for i in 0..c.rows {
        for j in 0..c.cols {
            let p = c.at(i, j);
            // SAFETY: (i, j) is an element of c.
            unsafe {
                *p = if beta == T::ZERO {
                    T::ZERO
                } else {
                    beta.times(*p)
                }
            };
        }
    }
}

/// `Σ x[i]·y[i]` over `n` elements `inc` apart (in elements; any sign, or zero).
///
/// # Safety
/// `x + i·incx` and `y + i·incy` must be readable for every `i < n`.
pub(crate) unsafe fn dot<T: LinalgScalar>(
    n: usize,
    x: *const T,
    incx: isize,
    y: *const T,
    incy: isize,
) -> T {
    if n == 0 {
        return T::ZERO;
    }
    // SAFETY: forwarded.
    unsafe { T::fast_dot(n, x, incx, y, incy).unwrap_or_else(|| generic::dot(n, x, incx, y, incy)) }
}
