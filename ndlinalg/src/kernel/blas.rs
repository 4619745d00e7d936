//! The CBLAS backend (feature `blas`): f32/f64 products through `cblas_?gemm`,
//! `cblas_?gemv` and `cblas_?dot` of whichever library `blas-src` links.
//!
//! CBLAS needs a unit stride on one axis of each matrix and a positive leading dimension;
//! a transposed view is passed with the transpose flag, a column-major output as the
//! row-major transpose of the product. Anything else (negative or zero strides, two
//! non-unit strides) is packed into a contiguous copy once. Sizes that do not fit CBLAS's
//! 32-bit integers go to the pure-Rust kernel.

use crate::mat::{Mat, MatMut, pack};
use crate::scalar::LinalgScalar;
use cblas_sys::CBLAS_LAYOUT::CblasRowMajor;
use cblas_sys::CBLAS_TRANSPOSE::{self, CblasNoTrans, CblasTrans};

/// The CBLAS routines of one element type.
pub(crate) trait Blas: LinalgScalar {
    /// `cblas_?gemm`, row-major.
    #[allow(clippy::too_many_arguments)]
    unsafe fn gemm_raw(
        ta: CBLAS_TRANSPOSE,
        tb: CBLAS_TRANSPOSE,
        m: i32,
        n: i32,
        k: i32,
        alpha: Self,
        a: (*const Self, i32),
        b: (*const Self, i32),
        beta: Self,
        c: (*mut Self, i32),
    );
    /// `cblas_?gemv`, row-major.
    #[allow(clippy::too_many_arguments)]
    unsafe fn gemv_raw(
        ta: CBLAS_TRANSPOSE,
        m: i32,
        n: i32,
        alpha: Self,
        a: (*const Self, i32),
        x: (*const Self, i32),
        beta: Self,
        y: (*mut Self, i32),
    );
    /// `cblas_?dot`.
    unsafe fn dot_raw(n: i32, x: (*const Self, i32), y: (*const Self, i32)) -> Self;
}

macro_rules! blas_impl {
    ($($t:ty: $gemm:ident $gemv:ident $dot:ident),*) => {$(
        impl Blas for $t {
            unsafe fn gemm_raw(
                ta: CBLAS_TRANSPOSE,
                tb: CBLAS_TRANSPOSE,
                m: i32,
                n: i32,
                k: i32,
                alpha: $t,
                a: (*const $t, i32),
                b: (*const $t, i32),
                beta: $t,
                c: (*mut $t, i32),
            ) {
                // SAFETY: the caller passes matrices valid for these sizes and strides.
                unsafe {
                    cblas_sys::$gemm(
                        CblasRowMajor, ta, tb, m, n, k, alpha, a.0, a.1, b.0, b.1, beta, c.0, c.1,
                    )
                }
            }
            unsafe fn gemv_raw(
                ta: CBLAS_TRANSPOSE,
                m: i32,
                n: i32,
                alpha: $t,
                a: (*const $t, i32),
                x: (*const $t, i32),
                beta: $t,
                y: (*mut $t, i32),
            ) {
                // SAFETY: as above.
                unsafe {
                    cblas_sys::$gemv(CblasRowMajor, ta, m, n, alpha, a.0, a.1, x.0, x.1, beta, y.0, y.1)
                }
            }
            unsafe fn dot_raw(n: i32, x: (*const $t, i32), y: (*const $t, i32)) -> $t {
                // SAFETY: as above.
                unsafe { cblas_sys::$dot(n, x.0, x.1, y.0, y.1) }
            }
        }
    )*};
}
blas_impl!(f32: cblas_sgemm cblas_sgemv cblas_sdot, f64: cblas_dgemm cblas_dgemv cblas_ddot);

fn int(n: impl TryInto<i32>) -> Option<i32> {
    n.try_into().ok()
}

/// How CBLAS (row-major) can read a rows×cols matrix with these element strides in place:
/// the transpose flag and the leading dimension.
fn layout(rows: usize, cols: usize, rs: isize, cs: isize) -> Option<(CBLAS_TRANSPOSE, i32)> {
    let (r1, c1) = (rows.max(1) as isize, cols.max(1) as isize);
    if (cols <= 1 || cs == 1) && (rows <= 1 || rs >= c1) {
        return Some((CblasNoTrans, int(if rows <= 1 { c1 } else { rs })?));
    }
    if (rows <= 1 || rs == 1) && (cols <= 1 || cs >= r1) {
        return Some((CblasTrans, int(if cols <= 1 { r1 } else { cs })?));
    }
    None
}

/// An input matrix as CBLAS takes it: in place, or packed.
struct Operand<T> {
    ptr: *const T,
    trans: CBLAS_TRANSPOSE,
    ld: i32,
    _packed: Option<Vec<T>>,
}

/// # Safety
/// Every element of `a` must be readable.
unsafe fn operand<T: Copy>(a: Mat<T>) -> Option<Operand<T>> {
    if let Some((trans, ld)) = layout(a.rows, a.cols, a.rs, a.cs) {
        return Some(Operand {
            ptr: a.ptr,
            trans,
            ld,
            _packed: None,
        });
    }
    // SAFETY: forwarded.
    let (v, ld) = unsafe { pack(a) };
    Some(Operand {
        ptr: v.as_ptr(),
        trans: CblasNoTrans,
        ld: int(ld)?,
        _packed: Some(v),
    })
}

/// A vector of `n` elements `inc` apart as CBLAS takes it (a negative increment starts from
/// the lowest address), or a packed copy when the increment is 0.
///
/// # Safety
/// The elements must be readable.
unsafe fn vector<T: Copy>(
    n: usize,
    p: *const T,
    inc: isize,
) -> Option<(*const T, i32, Option<Vec<T>>)> {
    if inc == 0 || int(inc).is_none() {
        // SAFETY: forwarded.
        let v: Vec<T> = (0..n)
            .map(|i| unsafe { *p.wrapping_offset(i as isize * inc) })
            .collect();
        return Some((v.as_ptr(), 1, Some(v)));
    }
    let base = if inc < 0 {
        p.wrapping_offset((n as isize - 1) * inc)
    } else {
        p
    };
    Some((base, int(inc)?, None))
}

/// `c = alpha·a·b + beta·c` through CBLAS; `false` if the sizes do not fit its integers.
///
/// # Safety
/// As [`crate::kernel::gemm`], with `m, n, k > 0`.
pub(crate) unsafe fn gemm<T: Blas>(alpha: T, a: Mat<T>, b: Mat<T>, beta: T, c: MatMut<T>) -> bool {
    if int(c.rows).is_none() || int(c.cols).is_none() || int(a.cols).is_none() {
        return false;
    }
    if let Some((CblasNoTrans, ldc)) = layout(c.rows, c.cols, c.rs, c.cs) {
        // SAFETY: forwarded.
        return unsafe { row_major(alpha, a, b, beta, c, ldc) };
    }
    let ct = c.t();
    if let Some((CblasNoTrans, ldc)) = layout(ct.rows, ct.cols, ct.rs, ct.cs) {
        // A column-major c is the row-major cᵀ = bᵀ·aᵀ.
        // SAFETY: forwarded (the same elements, transposed).
        return unsafe { row_major(alpha, b.t(), a.t(), beta, ct, ldc) };
    }
    // Neither: compute into a contiguous buffer, then combine.
    let (m, n) = (c.rows, c.cols);
    let mut tmp = vec![T::ZERO; m * n];
    let t = MatMut {
        ptr: tmp.as_mut_ptr(),
        rows: m,
        cols: n,
        rs: n as isize,
        cs: 1,
    };
    // SAFETY: tmp is a fresh m×n row-major buffer; the rest is forwarded.
    if !unsafe { row_major(T::ONE, a, b, T::ZERO, t, n as i32) } {
        return false;
    }
    for i in 0..m {
        for j in 0..n {
            let p = c.at(i, j);
            let v = alpha.times(tmp[i * n + j]);
            // SAFETY: (i, j) is an element of c, read only when beta is nonzero.
            unsafe {
                *p = if beta == T::ZERO {
                    v
                } else {
                    v.plus(beta.times(*p))
                }
            };
        }
    }
    true
}

/// The product into a row-major `c` with leading dimension `ldc`.
///
/// # Safety
/// As [`gemm`].
unsafe fn row_major<T: Blas>(
    alpha: T,
    a: Mat<T>,
    b: Mat<T>,
    beta: T,
    c: MatMut<T>,
    ldc: i32,
) -> bool {
    let (m, n, k) = (c.rows, c.cols, a.cols);
    let Some(((mi, ni), ki)) = int(m).zip(int(n)).zip(int(k)) else {
        return false;
    };
    if (n == 1) != (m == 1) {
        // A matrix-vector product: gemv, as NumPy does. Some BLAS compute beta·y even
        // when beta is 0 (0·NaN is NaN), so an unread output is zeroed first.
        let (mat, vec, len, y, incy) = if n == 1 {
            (a, (b.ptr, b.rs), m, c.ptr, ldc)
        } else {
            (b.t(), (a.ptr, a.cs), n, c.ptr, 1)
        };
        if beta == T::ZERO {
            for i in 0..len {
                // SAFETY: element i of the output vector.
                unsafe { *y.wrapping_offset(i as isize * incy as isize) = T::ZERO };
            }
        }
        // SAFETY: forwarded.
        let (Some(op), Some((x, incx, _keep))) =
            (unsafe { operand(mat) }, unsafe { vector(k, vec.0, vec.1) })
        else {
            return false;
        };
        let (rows, cols) = match op.trans {
            CblasNoTrans => (mat.rows, mat.cols),
            _ => (mat.cols, mat.rows),
        };
        let (Some(rows), Some(cols)) = (int(rows), int(cols)) else {
            return false;
        };
        // SAFETY: op/x/y describe valid matrices and vectors of these sizes.
        unsafe {
            T::gemv_raw(
                op.trans,
                rows,
                cols,
                alpha,
                (op.ptr, op.ld),
                (x, incx),
                beta,
                (y, incy),
            )
        };
        return true;
    }
    // SAFETY: forwarded.
    let (Some(oa), Some(ob)) = (unsafe { operand(a) }, unsafe { operand(b) }) else {
        return false;
    };
    // SAFETY: the operands and c are valid for m×k, k×n and m×n with these layouts.
    unsafe {
        T::gemm_raw(
            oa.trans,
            ob.trans,
            mi,
            ni,
            ki,
            alpha,
            (oa.ptr, oa.ld),
            (ob.ptr, ob.ld),
            beta,
            (c.ptr, ldc),
        )
    };
    true
}

/// `Σ x[i]·y[i]` through `cblas_?dot`, or `None` for a stride CBLAS cannot take.
///
/// # Safety
/// As [`crate::kernel::dot`].
pub(crate) unsafe fn dot<T: Blas>(
    n: usize,
    x: *const T,
    incx: isize,
    y: *const T,
    incy: isize,
) -> Option<T> {
    if incx == 0 || incy == 0 {
        return None;
    }
    let (ni, ix, iy) = (int(n)?, int(incx)?, int(incy)?);
    let base = |p: *const T, inc: isize| {
        if inc < 0 {
            p.wrapping_offset((n as isize - 1) * inc)
        } else {
            p
        }
    };
    // SAFETY: n elements inc apart from the lowest address, as CBLAS reads them.
    Some(unsafe { T::dot_raw(ni, (base(x, incx), ix), (base(y, incy), iy)) })
}
