//! `where_(cond, a, b)`: NumPy's three-argument `np.where`, broadcasting all three.

use crate::broadcast::broadcast_shapes;
use ndcore::engine::{IterOrder, Plan};
use ndcore::error::Result;
use ndcore::ops::{Operand, Promoted};
use ndcore::{Array, ArrayRef, CastTo, DimMax, Dimension, Element, IxDyn};

/// The rank of `where_(cond, a, b)`: the largest of the three, known at compile time for
/// static ranks.
pub type WhereDim<Dc, Da, Db> = <<Dc as DimMax<Da>>::Output as DimMax<Db>>::Output;

/// The rank of `where_(cond, a, b)` for the operand pair `P = (a, b)`.
pub type WherePairDim<Dc, P> = WhereDim<Dc, <P as Promoted>::LeftDim, <P as Promoted>::RightDim>;

/// What `where_(cond, a, b)` returns for the operand pair `P = (a, b)`.
pub type WhereArray<Dc, P> = Array<<P as Promoted>::Out, WherePairDim<Dc, P>>;

/// `a` where `cond` is true, else `b`, all three broadcast together (NumPy's
/// `np.where(cond, a, b)`). `a` and `b` are arrays or scalars, and the result has NumPy's
/// type for the pair (`where_(&c, &x, 0)` keeps `x`'s type; two integer literals give
/// `i64`).
///
/// # Errors
/// If the shapes do not broadcast: `operands could not be broadcast together with shapes
/// (2,3) (4,) () `.
///
/// ```
/// use ndcore::prelude::*;
/// use ndops::select::where_;
/// let x = arange(6i64).into_shape([2, 3]).unwrap();
/// let cond = Array::from_vec(vec![true, false, true]);
/// let y = where_(&cond, &x, 0).unwrap(); // np.where(cond, x, 0)
/// assert_eq!(y.to_vec(), vec![0, 0, 2, 3, 0, 5]);
/// assert_eq!(y.shape(), &[2, 3]);
/// let z = where_(&cond, 1.5, &x).unwrap(); // float64, as NumPy
/// assert_eq!(z.to_vec(), vec![1.5, 1.0, 1.5, 1.5, 4.0, 1.5]);
/// ```
pub fn where_<Dc, A, B>(cond: &ArrayRef<bool, Dc>, a: A, b: B) -> Result<WhereArray<Dc, (A, B)>>
where
    (A, B): Promoted,
    Dc: DimMax<<(A, B) as Promoted>::LeftDim>,
    <Dc as DimMax<<(A, B) as Promoted>::LeftDim>>::Output: DimMax<<(A, B) as Promoted>::RightDim>,
{
    let (l, r) = (a, b).split();
    let (sl, sr) = (l.source(), r.source());
    let (va, vb) = (sl.to_array(), sr.to_array());
    select(cond, &va, &vb)
}

/// The loop of [`where_`]: picks from `a` or `b` and casts to `O`.
fn select<A, B, O, Dc, D>(
    cond: &ArrayRef<bool, Dc>,
    a: &ArrayRef<A, IxDyn>,
    b: &ArrayRef<B, IxDyn>,
) -> Result<Array<O, D>>
where
    A: Element + CastTo<O>,
    B: Element + CastTo<O>,
    O: Element,
    Dc: Dimension,
    D: Dimension,
{
    let shape = broadcast_shapes(&[cond.shape(), a.shape(), b.shape()])?;
    let dim = D::from_slice(&shape)?;
    let (c, av, bv) = (
        cond.broadcast_to(shape.as_slice())?,
        a.broadcast_to(shape.as_slice())?,
        b.broadcast_to(shape.as_slice())?,
    );
    // SAFETY: the loop below writes every element of `out` (the plan walks its whole
    // shape) before anything reads it.
    let mut out = unsafe { Array::<O, D>::try_uninit(dim) }?;
    let plan = Plan::<4>::new(
        &shape,
        [out.strides(), c.strides(), av.strides(), bv.strides()],
        IterOrder::Memory,
    );
    let ptrs = [
        out.as_mut_ptr().cast::<u8>(),
        c.as_ptr() as *mut u8,
        av.as_ptr() as *mut u8,
        bv.as_ptr() as *mut u8,
    ];
    // SAFETY: all four have `shape` with their own strides (the inputs broadcast, only
    // read); `out` is fresh, so no input aliases it.
    unsafe {
        plan.for_each_run(ptrs, |r| {
            let [o, c, a, b] = r.ptrs;
            let [so, sc, sa, sb] = r.strides;
            for k in 0..r.len as isize {
                let v: O = if *c.offset(k * sc).cast::<bool>() {
                    a.offset(k * sa).cast::<A>().read().cast_to()
                } else {
                    b.offset(k * sb).cast::<B>().read().cast_to()
                };
                o.offset(k * so).cast::<O>().write(v);
            }
        })
    };
    Ok(out)
}
