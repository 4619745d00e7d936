//! `dot`, `inner`, `vdot` and `outer`: NumPy's products that contract one axis (or none).

use crate::errors::not_aligned;
use crate::kernel;
use crate::layout::rows_by_last;
use crate::mat::{Mat, MatMut, elems};
use crate::rank::DotRank;
use crate::scalar::LinalgScalar;
use ndcore::engine::{IterOrder, Plan};
use ndcore::{Array, Array2, ArrayD, ArrayRef, Dimension, Error, IxDyn, Result};

/// The dot product, NumPy's `np.dot(a, b)`.
///
/// - 1-d·1-d: the inner product, a scalar `T`;
/// - 2-d·2-d: the matrix product; 2-d·1-d and 1-d·2-d: matrix-vector products;
/// - N-d: a sum over the last axis of `a` and the second-to-last of `b`
///   (`dot(a, b)[i,j,k,m] = Σ a[i,j,:]·b[k,:,m]`), shape `a[:-1] + b[:-2] + b[-1:]`;
/// - a 0-d operand multiplies the other.
///
/// The result's rank follows from the operands' ranks at compile time ([`DotRank`]);
/// `IxDyn` operands give an `ArrayD`. Any strides are accepted: transposed and sliced
/// views go to the kernel without a copy where it can take them.
///
/// # Errors
/// If the contracted axes differ, as NumPy says it:
/// `shapes (3,4) and (5,) not aligned: 4 (dim 1) != 5 (dim 0)`; if the result's size
/// overflows.
///
/// ```
/// use ndcore::prelude::*;
/// use ndlinalg::dot;
/// // camera.dot(points.T).T, the paper's projection, on two points
/// let camera = Array::from_shape_vec([3, 3], vec![500., 0., 320., 0., 500., 240., 0., 0., 1.]).unwrap();
/// let points = Array::from_shape_vec([2, 3], vec![0., 0., 1., 1., 2., 2.]).unwrap();
/// let vecs: Array2<f64> = dot(&camera, &points.t()).unwrap();
/// assert_eq!(vecs.t().to_vec(), vec![320., 240., 1., 1140., 1480., 2.]);
/// // 1-d·1-d is a scalar
/// assert_eq!(dot(&arange(3i64), &arange(3i64)).unwrap(), 5);
/// let e = dot(&Array::<f64, _>::zeros([3, 4]), &Array::<f64, _>::zeros(5)).unwrap_err();
/// assert_eq!(e.to_string(), "shapes (3,4) and (5,) not aligned: 4 (dim 1) != 5 (dim 0)");
/// ```
pub fn dot<T, DA, DB>(
    a: &ArrayRef<T, DA>,
    b: &ArrayRef<T, DB>,
) -> Result<<DA as DotRank<DB>>::Output<T>>
where
    T: LinalgScalar,
    DA: DotRank<DB>,
    DB: Dimension,
{
    DA::finish(dot_dyn(&a.view().into_dyn(), &b.view().into_dyn())?)
}

/// The inner product over the last axes, NumPy's `np.inner(a, b)`: shape
/// `a[:-1] + b[:-1]`, `inner(a, b)[i,j] = Σ a[i,:]·b[j,:]`. For 1-d operands it is `dot`.
///
/// # Errors
/// If the last axes differ. NumPy computes this as a `dot` with `b`'s last two axes
/// swapped, and its message shows that swapped shape: `inner` of (3,4) and (2,5) says
/// `shapes (3,4) and (5,2) not aligned: 4 (dim 1) != 5 (dim 0)`; so does this.
///
/// ```
/// use ndcore::prelude::*;
/// let a = arange(6i64).into_shape([2, 3]).unwrap();
/// let g: Array2<i64> = ndlinalg::inner(&a, &a).unwrap();
/// assert_eq!(g.to_vec(), vec![5, 14, 14, 50]);
/// ```
pub fn inner<T, DA, DB>(
    a: &ArrayRef<T, DA>,
    b: &ArrayRef<T, DB>,
) -> Result<<DA as DotRank<DB>>::Output<T>>
where
    T: LinalgScalar,
    DA: DotRank<DB>,
    DB: Dimension,
{
    let s = b.ndim();
    // A 0-d operand multiplies (NumPy's inner does not reorder the other's axes then).
    let b = if s >= 2 && a.ndim() > 0 {
        b.swapped_axes(s - 2, s - 1)?
    } else {
        b.view()
    };
    DA::finish(dot_dyn(&a.view().into_dyn(), &b.into_dyn())?)
}

/// The dot product of the flattened arrays, NumPy's `np.vdot(a, b)` (no conjugation:
/// there are no complex types here).
///
/// # Errors
/// If the sizes differ, with NumPy's message: `cannot reshape array of size 5 into shape (12,)`.
///
/// ```
/// use ndcore::prelude::*;
/// let a = arange(4i64).into_shape([2, 2]).unwrap();
/// assert_eq!(ndlinalg::vdot(&a, &a.t()).unwrap(), 0 * 0 + 1 * 2 + 2 * 1 + 3 * 3);
/// ```
pub fn vdot<T, DA, DB>(a: &ArrayRef<T, DA>, b: &ArrayRef<T, DB>) -> Result<T>
where
    T: LinalgScalar,
    DA: Dimension,
    DB: Dimension,
{
    if a.size() != b.size() {
        return Err(Error::ReshapeSize {
            size: b.size(),
            shape: vec![a.size()],
        });
    }
    let (x, y) = (a.ravel(), b.ravel());
    // SAFETY: x and y are 1-d arrays of the same length, borrowed for the call.
    Ok(unsafe {
        kernel::dot(
            x.size(),
            x.as_ptr(),
            elems::<T>(x.strides()[0]),
            y.as_ptr(),
            elems::<T>(y.strides()[0]),
        )
    })
}

/// The outer product of the flattened arrays, NumPy's `np.outer(a, b)`:
/// `outer(a, b)[i, j] = a.flat[i]·b.flat[j]`.
///
/// # Errors
/// If the result's size overflows.
///
/// ```
/// use ndcore::prelude::*;
/// let o = ndlinalg::outer(&arange(3i64), &arange(2i64)).unwrap();
/// assert_eq!(o.shape(), &[3, 2]);
/// assert_eq!(o.to_vec(), vec![0, 0, 0, 1, 0, 2]);
/// ```
pub fn outer<T, DA, DB>(a: &ArrayRef<T, DA>, b: &ArrayRef<T, DB>) -> Result<Array2<T>>
where
    T: LinalgScalar,
    DA: Dimension,
    DB: Dimension,
{
    let (x, y) = (a.ravel(), b.ravel());
    let (m, n) = (x.size(), y.size());
    let mut out = uninit_output::<T, _>([m, n])?;
    let c = MatMut {
        ptr: out.as_mut_ptr(),
        rows: m,
        cols: n,
        rs: n as isize,
        cs: 1,
    };
    let xm = Mat {
        ptr: x.as_ptr(),
        rows: m,
        cols: 1,
        rs: elems::<T>(x.strides()[0]),
        cs: 0,
    };
    let ym = Mat {
        ptr: y.as_ptr(),
        rows: 1,
        cols: n,
        rs: 0,
        cs: elems::<T>(y.strides()[0]),
    };
    // SAFETY: an m×1 times 1×n product into the fresh m×n array `out`, all of which it
    // writes (beta is zero).
    unsafe { kernel::gemm(T::ONE, xm, ym, T::ZERO, c) };
    Ok(out)
}

/// A C-order array of `shape` for a product to fill completely.
pub(crate) fn uninit_output<T: LinalgScalar, Sh: ndcore::IntoDimension>(
    shape: Sh,
) -> Result<Array<T, Sh::Dim>> {
    let dim = shape.into_dimension()?;
    ndcore::layout::checked_size(dim.as_ref(), std::mem::size_of::<T>())?;
    // SAFETY: every caller writes every element before the array is read.
    Ok(unsafe { Array::uninit(dim) })
}

/// The single element of a 0-d array.
fn only<T: LinalgScalar>(a: &ArrayRef<T, IxDyn>) -> T {
    a.iter().next().copied().unwrap_or(T::ZERO)
}

/// `np.dot` on dynamic-rank views.
pub(crate) fn dot_dyn<T: LinalgScalar>(
    a: &ArrayRef<T, IxDyn>,
    b: &ArrayRef<T, IxDyn>,
) -> Result<ArrayD<T>> {
    let (r, s) = (a.ndim(), b.ndim());
    if r == 0 {
        let x = only(a);
        return Ok(b.map(|&y| x.times(y)));
    }
    if s == 0 {
        let y = only(b);
        return Ok(a.map(|&x| x.times(y)));
    }
    let bk = if s == 1 { 0 } else { s - 2 };
    let k = a.shape()[r - 1];
    if k != b.shape()[bk] {
        return Err(not_aligned(a.shape(), b.shape(), r - 1, bk));
    }
    if r == 1 && s == 1 {
        // SAFETY: two 1-d arrays of k elements, borrowed for the call.
        let v = unsafe {
            kernel::dot(
                k,
                a.as_ptr(),
                elems::<T>(a.strides()[0]),
                b.as_ptr(),
                elems::<T>(b.strides()[0]),
            )
        };
        return Array::from_shape_vec(IxDyn::default(), vec![v]);
    }
    let cols = if s >= 2 { b.shape()[s - 1] } else { 1 };
    let mut shape = a.shape()[..r - 1].to_vec();
    shape.extend_from_slice(&b.shape()[..bk]);
    if s >= 2 {
        shape.push(cols);
    }
    let mut out = uninit_output::<T, _>(shape)?;
    if out.is_empty() {
        return Ok(out);
    }
    let (am, _packed) = rows_by_last(a);
    let batch: usize = b.shape()[..bk].iter().product();
    let (brs, bcs) = (
        elems::<T>(b.strides()[bk]),
        if s >= 2 {
            elems::<T>(b.strides()[s - 1])
        } else {
            0
        },
    );
    let out_ptr = out.as_mut_ptr();
    // The output is C-order (rows, batch, cols): product j fills out[:, j, :].
    let plan = Plan::<1>::new(&b.shape()[..bk], [&b.strides()[..bk]], IterOrder::C);
    let mut j = 0usize;
    // SAFETY: the plan walks b's batch indices in C order from b's own pointer; each
    // product reads a (or its copy) and one k×cols matrix of b, and writes the disjoint
    // rows×cols slab j of `out`, every element of which is written once.
    unsafe {
        plan.for_each_run([b.as_ptr().cast_mut().cast()], |run| {
            let mut p = run.ptrs[0];
            for _ in 0..run.len {
                let bm = Mat {
                    ptr: p.cast::<T>().cast_const(),
                    rows: k,
                    cols,
                    rs: brs,
                    cs: bcs,
                };
                let cm = MatMut {
                    ptr: out_ptr.wrapping_add(j * cols),
                    rows: am.rows,
                    cols,
                    rs: (batch * cols) as isize,
                    cs: 1,
                };
                kernel::gemm(T::ONE, am, bm, T::ZERO, cm);
                p = p.wrapping_offset(run.strides[0]);
                j += 1;
            }
        })
    };
    Ok(out)
}
