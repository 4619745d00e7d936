//! `matmul` and `matmul_into`: NumPy's `@`, a generalized ufunc with signature
//! `(n?,k),(k,m?)->(n?,m?)` that broadcasts the leading (batch) axes.

use crate::errors::{
    Remapped, batch_broadcast, broadcast_shapes, core_mismatch, output_not_broadcastable,
    too_few_dims,
};
use crate::kernel;
use crate::layout::{batch_strides, merged_stride};
use crate::mat::{Mat, MatMut, elems};
use crate::product::uninit_output;
use crate::rank::MatmulRank;
use crate::scalar::LinalgScalar;
use ndcore::engine::{IterOrder, Plan};
use ndcore::{Array, ArrayD, ArrayRef, Dimension, IxDyn, Result};

/// The matrix product with broadcasting, NumPy's `np.matmul(a, b)` (`a @ b`).
///
/// The last two axes of each operand are the matrices; the axes before them are a batch
/// that broadcasts (`(2,1,3,4) @ (5,4,6)` is `(2,5,3,6)`). A 1-d `a` is a row vector and a
/// 1-d `b` a column vector, and that axis is removed from the result; 1-d·1-d is a scalar.
/// 0-d operands are not matrices: with static ranks that does not compile.
///
/// # Errors
/// With NumPy's messages: a 0-d operand (`matmul: Input operand 0 does not have enough
/// dimensions …`), inner dimensions that differ (`matmul: Input operand 1 has a mismatch
/// in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 5 is
/// different from 4)`), batch axes that do not broadcast; or a result size that overflows.
///
/// ```
/// use ndcore::prelude::*;
/// use ndlinalg::matmul;
/// let a = arange(12.0f64).into_shape([2, 2, 3]).unwrap();
/// let b = arange(6.0f64).into_shape([3, 2]).unwrap();
/// let c: Array3<f64> = matmul(&a, &b).unwrap(); // (2,2,3) @ (3,2): a batch of two
/// assert_eq!(c.shape(), &[2, 2, 2]);
/// assert_eq!(c.to_vec(), vec![10., 13., 28., 40., 46., 67., 64., 94.]);
/// let v: Array1<f64> = matmul(&b, &arange(2.0f64)).unwrap(); // matrix @ vector
/// assert_eq!(v.to_vec(), vec![1., 3., 5.]);
/// ```
pub fn matmul<T, DA, DB>(
    a: &ArrayRef<T, DA>,
    b: &ArrayRef<T, DB>,
) -> Result<<DA as MatmulRank<DB>>::Output<T>>
where
    T: LinalgScalar,
    DA: MatmulRank<DB>,
    DB: Dimension,
{
    DA::finish(matmul_dyn(&a.view().into_dyn(), &b.view().into_dyn())?)
}

/// `c = alpha·(a @ b) + beta·c` into an existing array, never allocating for the result
/// (like BLAS's `gemm` and faer's `matmul`, with NumPy's `matmul` semantics for `a` and `b`).
///
/// `c` must have the shape `matmul(a, b)` would return; as with NumPy's `out=`, it may
/// have extra leading batch axes that the inputs broadcast to. When `beta` is zero, `c`'s
/// old values are not read (a NaN there does not propagate), as BLAS specifies.
///
/// # Errors
/// The errors of [`matmul`], and with NumPy's messages an output whose core axes differ
/// (`matmul: Output operand 0 has a mismatch in its core dimension 1, …`) or whose batch
/// axes do not take the inputs' broadcast. Where NumPy's own message for a too-small output
/// is an iterator's (about a reduction), this one says the output has too few dimensions.
///
/// ```
/// use ndcore::prelude::*;
/// let a = arange(4.0f64).into_shape([2, 2]).unwrap();
/// let mut c = Array::<f64, _>::ones([2, 2]);
/// ndlinalg::matmul_into(2.0, &a, &a.t(), 1.0, &mut c).unwrap(); // c = 2·a·aᵀ + c
/// assert_eq!(c.to_vec(), vec![3., 7., 7., 27.]);
/// ```
pub fn matmul_into<T, DA, DB, DC>(
    alpha: T,
    a: &ArrayRef<T, DA>,
    b: &ArrayRef<T, DB>,
    beta: T,
    c: &mut ArrayRef<T, DC>,
) -> Result<()>
where
    T: LinalgScalar,
    DA: Dimension,
    DB: Dimension,
    DC: Dimension,
{
    let (a, b) = (a.view().into_dyn(), b.view().into_dyn());
    let core = Core::of(&a, &b)?;
    let nc = c.ndim();
    let ncore = core.out.len();
    if nc < ncore {
        return Err(too_few_dims("Output", 0, nc, ncore));
    }
    for (i, (&got, &want)) in c.shape()[nc - ncore..].iter().zip(&core.out).enumerate() {
        if got != want {
            return Err(core_mismatch("Output", 0, i, got, want));
        }
    }
    let c_batch = c.shape()[..nc - ncore].to_vec();
    let full =
        broadcast_shapes(&[core.a_batch(&a), core.b_batch(&b), &c_batch]).ok_or_else(|| {
            batch_broadcast(
                &[
                    core.remapped_a(&a),
                    core.remapped_b(&b),
                    Remapped {
                        shape: c.shape(),
                        batch: None,
                    },
                ],
                &core.out,
            )
        })?;
    if full != c_batch {
        let mut shape = full.clone();
        shape.extend_from_slice(&core.out);
        return Err(output_not_broadcastable(c.shape(), &shape));
    }
    if c.is_empty() {
        return Ok(());
    }
    let c_strides = c.strides().to_vec();
    let c_ptr = c.as_mut_ptr();
    // SAFETY: c is exclusively borrowed, its shape is the product's, and its elements
    // (distinct, as in any writable array) cannot alias a or b, which are shared borrows.
    unsafe { core.run(alpha, &a, &b, beta, &full, c_ptr, &c_strides) };
    Ok(())
}

/// `np.matmul` on dynamic-rank views.
pub(crate) fn matmul_dyn<T: LinalgScalar>(
    a: &ArrayRef<T, IxDyn>,
    b: &ArrayRef<T, IxDyn>,
) -> Result<ArrayD<T>> {
    let core = Core::of(a, b)?;
    let batch = broadcast_shapes(&[core.a_batch(a), core.b_batch(b)])
        .ok_or_else(|| batch_broadcast(&[core.remapped_a(a), core.remapped_b(b)], &core.out))?;
    if a.ndim() == 1 && b.ndim() == 1 {
        // SAFETY: two 1-d arrays of k elements, borrowed for the call.
        let v = unsafe {
            kernel::dot(
                core.k,
                a.as_ptr(),
                elems::<T>(a.strides()[0]),
                b.as_ptr(),
                elems::<T>(b.strides()[0]),
            )
        };
        return Array::from_shape_vec(IxDyn::default(), vec![v]);
    }
    let mut shape = batch.clone();
    shape.extend_from_slice(&core.out);
    let mut out = uninit_output::<T, _>(shape)?;
    if !out.is_empty() {
        let strides = out.strides().to_vec();
        let ptr = out.as_mut_ptr();
        // SAFETY: `out` is a fresh array of the product's shape; beta = 0 writes all of it.
        unsafe { core.run(T::ONE, a, b, T::ZERO, &batch, ptr, &strides) };
    }
    Ok(out)
}

/// The core (matrix) part of a matmul: sizes, and the output's core shape.
struct Core {
    n: usize,
    k: usize,
    m: usize,
    /// The output's core axes: `[n, m]`, `[n]`, `[m]` or `[]`.
    out: Vec<usize>,
}

impl Core {
    /// Checks the operands' ranks and inner dimensions, in NumPy's order.
    fn of<T>(a: &ArrayRef<T, IxDyn>, b: &ArrayRef<T, IxDyn>) -> Result<Core> {
        let (r, s) = (a.ndim(), b.ndim());
        if r == 0 {
            return Err(too_few_dims("Input", 0, 0, 1));
        }
        if s == 0 {
            return Err(too_few_dims("Input", 1, 0, 1));
        }
        let (n, k) = if r == 1 {
            (1, a.shape()[0])
        } else {
            (a.shape()[r - 2], a.shape()[r - 1])
        };
        let (kb, m) = if s == 1 {
            (b.shape()[0], 1)
        } else {
            (b.shape()[s - 2], b.shape()[s - 1])
        };
        if kb != k {
            return Err(core_mismatch("Input", 1, 0, kb, k));
        }
        let mut out = Vec::with_capacity(2);
        if r >= 2 {
            out.push(n);
        }
        if s >= 2 {
            out.push(m);
        }
        Ok(Core { n, k, m, out })
    }

    fn a_batch<'a, T>(&self, a: &'a ArrayRef<T, IxDyn>) -> &'a [usize] {
        &a.shape()[..a.ndim().saturating_sub(2)]
    }

    fn b_batch<'a, T>(&self, b: &'a ArrayRef<T, IxDyn>) -> &'a [usize] {
        &b.shape()[..b.ndim().saturating_sub(2)]
    }

    fn remapped_a<'a, T>(&self, a: &'a ArrayRef<T, IxDyn>) -> Remapped<'a> {
        Remapped {
            shape: a.shape(),
            batch: Some(self.a_batch(a).len()),
        }
    }

    fn remapped_b<'a, T>(&self, b: &'a ArrayRef<T, IxDyn>) -> Remapped<'a> {
        Remapped {
            shape: b.shape(),
            batch: Some(self.b_batch(b).len()),
        }
    }

    /// `c = alpha·(a @ b) + beta·c` for an output at `c_ptr` with byte strides `c_strides`
    /// over the shape `batch + self.out`.
    ///
    /// # Safety
    /// `c_ptr`/`c_strides` must describe a writable array of that shape whose elements are
    /// distinct and not elements of `a` or `b` (readable unless `beta` is 0); `batch` must
    /// be what the operands' batch axes broadcast to.
    #[allow(clippy::too_many_arguments)]
    unsafe fn run<T: LinalgScalar>(
        &self,
        alpha: T,
        a: &ArrayRef<T, IxDyn>,
        b: &ArrayRef<T, IxDyn>,
        beta: T,
        batch: &[usize],
        c_ptr: *mut T,
        c_strides: &[isize],
    ) {
        let (r, s, nb) = (a.ndim(), b.ndim(), batch.len());
        // Core strides in bytes; a removed (1-d) axis has length 1 and any stride.
        let (ars, acs) = if r >= 2 {
            (a.strides()[r - 2], a.strides()[r - 1])
        } else {
            (0, a.strides()[0])
        };
        let (brs, bcs) = if s >= 2 {
            (b.strides()[s - 2], b.strides()[s - 1])
        } else {
            (b.strides()[0], 0)
        };
        let cc = &c_strides[nb..];
        let (crs, ccs) = match (r >= 2, s >= 2) {
            (true, true) => (cc[0], cc[1]),
            (true, false) => (cc[0], 0),
            (false, true) => (0, cc[0]),
            (false, false) => (0, 0),
        };
        let a_bs = batch_strides(self.a_batch(a), &a.strides()[..self.a_batch(a).len()], nb);
        let b_bs = batch_strides(self.b_batch(b), &b.strides()[..self.b_batch(b).len()], nb);
        let c_bs = &c_strides[..nb];
        let am = |p: *const T, rows: usize, rs: isize| Mat {
            ptr: p,
            rows,
            cols: self.k,
            rs: elems::<T>(rs),
            cs: elems::<T>(acs),
        };
        let bm = |p: *const T| Mat {
            ptr: p,
            rows: self.k,
            cols: self.m,
            rs: elems::<T>(brs),
            cs: elems::<T>(bcs),
        };
        let cm = |p: *mut T, rows: usize, rs: isize| MatMut {
            ptr: p,
            rows,
            cols: self.m,
            rs: elems::<T>(rs),
            cs: elems::<T>(ccs),
        };

        // A stack of matrices times one shared matrix, where the stack's rows merge into
        // one axis in both a and c (C-order data does): one tall product, not many small.
        if r >= 2 && b_bs.iter().all(|&x| x == 0) {
            let mut shape = batch.to_vec();
            shape.push(self.n);
            let mut sa = a_bs.clone();
            sa.push(ars);
            let mut sc = c_bs.to_vec();
            sc.push(crs);
            if let (Some(ra), Some(rc)) = (merged_stride(&shape, &sa), merged_stride(&shape, &sc)) {
                let rows = shape.iter().product();
                // SAFETY: the merged rows are exactly the elements of a and c (the caller's
                // contract), b is shared by every batch index.
                unsafe {
                    kernel::gemm(
                        alpha,
                        am(a.as_ptr(), rows, ra),
                        bm(b.as_ptr()),
                        beta,
                        cm(c_ptr, rows, rc),
                    )
                };
                return;
            }
        }

        let plan = Plan::<3>::new(batch, [&a_bs, &b_bs, c_bs], IterOrder::C);
        let ptrs = [
            a.as_ptr().cast_mut().cast::<u8>(),
            b.as_ptr().cast_mut().cast::<u8>(),
            c_ptr.cast::<u8>(),
        ];
        // SAFETY: the plan walks the batch with each operand's own (broadcast) strides from
        // its own pointer, so every matrix lies in its operand; distinct batch indices of c
        // are distinct matrices (the caller's contract), each written once.
        unsafe {
            plan.for_each_run(ptrs, |run| {
                let [mut pa, mut pb, mut pc] = run.ptrs;
                for _ in 0..run.len {
                    kernel::gemm(
                        alpha,
                        am(pa.cast::<T>().cast_const(), self.n, ars),
                        bm(pb.cast::<T>().cast_const()),
                        beta,
                        cm(pc.cast::<T>(), self.n, crs),
                    );
                    pa = pa.wrapping_offset(run.strides[0]);
                    pb = pb.wrapping_offset(run.strides[1]);
                    pc = pc.wrapping_offset(run.strides[2]);
                }
            })
        };
    }
}
