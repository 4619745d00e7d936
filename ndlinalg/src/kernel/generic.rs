//! The direct kernel: any element type, any strides, no allocation.
//!
//! `c` is computed a block of [`NB`] columns at a time. A block of `b` (at most [`KC`] rows
//! of `NB` columns) is read in place when its rows are contiguous, else copied once into a
//! stack buffer; each row of `c`'s block is then a sum of `k` scaled rows of that block,
//! kept in `NB` accumulators that the compiler holds in vector registers. The long side of
//! `c` is put along the columns (by transposing the problem), so a 3×100 000 product and a
//! 100 000×3 one both vectorize.
//!
//! This is what integers and `bool` always use, and what f32/f64 use for the paper's
//! projection shape (see [`crate::kernel::float::use_direct`]). It is compiled three times,
//! for AVX-512, AVX2+FMA and the baseline, and picks one by the CPU at run time.

use crate::mat::{Mat, MatMut};
use crate::scalar::LinalgScalar;
use ndcore::ops::Kernel;
use std::mem::MaybeUninit;

/// Columns of `c` per block: 8 AVX-512 registers of f64.
const NB: usize = 64;
/// Rows of `b` per block: a packed block is `KC·NB` elements (32 KiB of f64) on the stack.
const KC: usize = 64;

/// How a computed value meets the old one in `c`.
#[derive(Copy, Clone, PartialEq)]
enum Update<T> {
    /// `c = v` (c is not read).
    Overwrite,
    /// `c = v + c`.
    Accumulate,
    /// `c = v + beta·c`.
    Scale(T),
}

/// `c = alpha·a·b + beta·c` (see [`crate::kernel::gemm`]).
///
/// # Safety
/// As [`crate::kernel::gemm`], with `m, n, k > 0`.
pub(crate) unsafe fn gemm<T: LinalgScalar>(alpha: T, a: Mat<T>, b: Mat<T>, beta: T, c: MatMut<T>) {
    // Vectorize along the longer side of c: cᵀ = bᵀ·aᵀ swaps the sides.
    let (a, b, c) = if c.rows > c.cols {
        (b.t(), a.t(), c.t())
    } else {
        (a, b, c)
    };
    // ndcore's dispatch compiles the body once per SIMD level and picks the CPU's (its
    // cached level checks every feature the copies enable, and honours `ND_SIMD`).
    ndcore::ops::dispatch(Gemm {
        alpha,
        a,
        b,
        beta,
        c,
    })
}

/// [`gemm_body`] as a kernel for [`ndcore::ops::dispatch`]; built only by [`gemm`].
struct Gemm<T> {
    alpha: T,
    a: Mat<T>,
    b: Mat<T>,
    beta: T,
    c: MatMut<T>,
}

impl<T: LinalgScalar> Kernel for Gemm<T> {
    type Output = ();
    #[inline(always)]
    fn run(self) {
        let Gemm {
            alpha,
            a,
            b,
            beta,
            c,
        } = self;
        // SAFETY: `gemm` builds a `Gemm` only from the matrices its caller vouches for.
        unsafe { gemm_body(alpha, a, b, beta, c) }
    }
}

#[inline(always)]
unsafe fn gemm_body<T: LinalgScalar>(alpha: T, a: Mat<T>, b: Mat<T>, beta: T, c: MatMut<T>) {
    let (m, n, k) = (c.rows, c.cols, a.cols);
    let mut buf = [MaybeUninit::<T>::uninit(); KC * NB];
    let first_update = if beta == T::ZERO {
        Update::Overwrite
    } else if beta == T::ONE {
        Update::Accumulate
    } else {
        Update::Scale(beta)
    };
    let mut j0 = 0;
    while j0 < n {
        let nb = NB.min(n - j0);
        let mut p0 = 0;
        while p0 < k {
            let kc = KC.min(k - p0);
            let update = if p0 == 0 {
                first_update
            } else {
                Update::Accumulate
            };
            let (bp, brs) = if b.cs == 1 && nb == NB {
                (b.at(p0, j0), b.rs)
            } else {
                // SAFETY: the block's elements are elements of b.
                unsafe { pack_block(b, p0, kc, j0, nb, &mut buf) };
                (buf.as_ptr().cast::<T>(), NB as isize)
            };
            for i in 0..m {
                let mut acc = [T::ZERO; NB];
                let ap = a.at(i, p0);
                for p in 0..kc {
                    // SAFETY: (i, p0 + p) is an element of a; row p of the block holds NB
                    // initialized elements (b's own, or the packed and padded copy).
                    let (aip, row) = unsafe {
                        (
                            *ap.wrapping_offset(p as isize * a.cs),
                            &*bp.wrapping_offset(p as isize * brs).cast::<[T; NB]>(),
                        )
                    };
                    for (s, &r) in acc.iter_mut().zip(row) {
                        *s = s.plus(aip.times(r));
                    }
                }
                // SAFETY: row i, columns j0..j0+nb of c are its elements.
                unsafe { store(c, i, j0, nb, &acc, alpha, update) };
            }
            p0 += kc;
        }
        j0 += nb;
    }
}

/// Copies rows `p0..p0+kc`, columns `j0..j0+nb` of `b` into `buf` as `kc` rows of `NB`,
/// padding each row with zeros.
///
/// # Safety
/// The block must lie inside `b`, whose elements must be readable.
#[inline(always)]
unsafe fn pack_block<T: LinalgScalar>(
    b: Mat<T>,
    p0: usize,
    kc: usize,
    j0: usize,
    nb: usize,
    buf: &mut [MaybeUninit<T>; KC * NB],
) {
    let base = b.at(p0, j0);
    let slots = buf.as_mut_ptr();
    let dst = slots.cast::<T>();
    // The transpose of a C-contiguous n×k array (the paper's `points.T`): each block is
    // NB·k consecutive elements, interleaved. With k known at compile time the compiler
    // de-interleaves with vector shuffles; the general loop below is ~5× slower there.
    if nb == NB && b.rs == 1 && b.cs == kc as isize {
        macro_rules! interleaved {
            ($($k:literal)*) => {
                match kc {
                    // SAFETY: the block is NB·k consecutive elements of b from `base`.
                    $($k => return unsafe { deinterleave::<T, $k>(base, slots) },)*
                    _ => {}
                }
            };
        }
        interleaved!(1 2 3 4 5 6 7 8);
    }
    // Otherwise walk b in its memory order.
    if b.rs.unsigned_abs() < b.cs.unsigned_abs() {
        for jj in 0..nb {
            let col = base.wrapping_offset(jj as isize * b.cs);
            for p in 0..kc {
                // SAFETY: (p0 + p, j0 + jj) is an element of b; p·NB + jj < KC·NB.
                unsafe {
                    dst.add(p * NB + jj)
                        .write(*col.wrapping_offset(p as isize * b.rs))
                };
            }
        }
    } else {
        for p in 0..kc {
            let row = base.wrapping_offset(p as isize * b.rs);
            for jj in 0..nb {
                // SAFETY: as above.
                unsafe {
                    dst.add(p * NB + jj)
                        .write(*row.wrapping_offset(jj as isize * b.cs))
                };
            }
        }
    }
    for p in 0..kc {
        for jj in nb..NB {
            // SAFETY: p·NB + jj < KC·NB.
            unsafe { dst.add(p * NB + jj).write(T::ZERO) };
        }
    }
}

/// `dst[p·NB + j] = src[j·K + p]` for a full block: K rows of NB from NB interleaved groups.
///
/// # Safety
/// `src` must point to NB·K readable elements, `dst` to K·NB writable ones.
#[inline(always)]
unsafe fn deinterleave<T: LinalgScalar, const K: usize>(src: *const T, dst: *mut MaybeUninit<T>) {
    // SAFETY: the caller's contract, as arrays of the right lengths.
    let (src, dst) = unsafe {
        (
            &*src.cast::<[[T; K]; NB]>(),
            &mut *dst.cast::<[[MaybeUninit<T>; NB]; K]>(),
        )
    };
    for (j, group) in src.iter().enumerate() {
        for (p, &v) in group.iter().enumerate() {
            dst[p][j] = MaybeUninit::new(v);
        }
    }
}

/// Writes `alpha·acc[..nb]` into row `i`, columns `j0..j0+nb` of `c`, per `update`.
///
/// # Safety
/// Those elements must be writable (and readable unless `update` is `Overwrite`).
#[inline(always)]
unsafe fn store<T: LinalgScalar>(
    c: MatMut<T>,
    i: usize,
    j0: usize,
    nb: usize,
    acc: &[T; NB],
    alpha: T,
    update: Update<T>,
) {
    let cp = c.at(i, j0);
    let one = alpha == T::ONE;
    let value = |jj: usize, p: *mut T| {
        let v = if one { acc[jj] } else { alpha.times(acc[jj]) };
        match update {
            Update::Overwrite => v,
            // SAFETY: p is an element of c, readable when the update reads it.
            Update::Accumulate => v.plus(unsafe { *p }),
            // SAFETY: as above.
            Update::Scale(beta) => v.plus(beta.times(unsafe { *p })),
        }
    };
    // A separate unit-stride loop, so that the compiler vectorizes the common case.
    if c.cs == 1 {
        for jj in 0..nb {
            let p = cp.wrapping_add(jj);
            // SAFETY: an element of c, writable.
            unsafe { p.write(value(jj, p)) };
        }
    } else {
        for jj in 0..nb {
            let p = cp.wrapping_offset(jj as isize * c.cs);
            // SAFETY: an element of c, writable.
            unsafe { p.write(value(jj, p)) };
        }
    }
}

/// Accumulators of the contiguous inner product: 4 AVX-512 registers of f64.
const LANES: usize = 32;

/// `Σ x[i]·y[i]` (see [`crate::kernel::dot`]).
///
/// # Safety
/// As [`crate::kernel::dot`].
pub(crate) unsafe fn dot<T: LinalgScalar>(
    n: usize,
    x: *const T,
    incx: isize,
    y: *const T,
    incy: isize,
) -> T {
    ndcore::ops::dispatch(Dot {
        n,
        x,
        incx,
        y,
        incy,
    })
}

/// [`dot_body`] as a kernel for [`ndcore::ops::dispatch`]; built only by [`dot`].
struct Dot<T> {
    n: usize,
    x: *const T,
    incx: isize,
    y: *const T,
    incy: isize,
}

impl<T: LinalgScalar> Kernel for Dot<T> {
    type Output = T;
    #[inline(always)]
    fn run(self) -> T {
        let Dot {
            n,
            x,
            incx,
            y,
            incy,
        } = self;
        // SAFETY: `dot` builds a `Dot` only from the vectors its caller vouches for.
        unsafe { dot_body(n, x, incx, y, incy) }
    }
}

#[inline(always)]
unsafe fn dot_body<T: LinalgScalar>(
    n: usize,
    x: *const T,
    incx: isize,
    y: *const T,
    incy: isize,
) -> T {
    let mut acc = [T::ZERO; LANES];
    let mut done = 0;
    if incx == 1 && incy == 1 {
        while done + LANES <= n {
            // SAFETY: elements done..done+LANES of x and y are readable.
            let (xs, ys) = unsafe {
                (
                    &*x.add(done).cast::<[T; LANES]>(),
                    &*y.add(done).cast::<[T; LANES]>(),
                )
            };
            for ((s, &u), &v) in acc.iter_mut().zip(xs).zip(ys) {
                *s = s.plus(u.times(v));
            }
            done += LANES;
        }
    }
    // The rest (or all of a strided product), spread over four accumulators.
    for i in done..n {
        // SAFETY: element i of x and of y is readable.
        let (u, v) = unsafe {
            (
                *x.wrapping_offset(i as isize * incx),
                *y.wrapping_offset(i as isize * incy),
            )
        };
        acc[i % 4] = acc[i % 4].plus(u.times(v));
    }
    // Pairwise reduction of the lanes, which also keeps float rounding balanced.
    let mut width = LANES;
    while width > 1 {
        width /= 2;
        for l in 0..width {
            acc[l] = acc[l].plus(acc[l + width]);
        }
    }
    acc[0]
}
