//! `where_(cond, a, b)`: NumPy's three-argument `np.where`, broadcasting all three.

use crate::broadcast::broadcast_shapes;
use ndcore::engine::{IterOrder, Plan};
use ndcore::error::Result;
use ndcore::{Array, ArrayRef, DimMax, Dimension, Element};

/// The rank of `where_(cond, a, b)`: the largest of the three, known at compile time for
/// static ranks.
pub type WhereDim<Dc, Da, Db> = <<Dc as DimMax<Da>>::Output as DimMax<Db>>::Output;

/// `a` where `cond` is true, else `b`, all three broadcast together (NumPy's
/// `np.where(cond, a, b)`).
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
/// let zero = Array::full([], 0i64); // a 0-d array: np.where(cond, x, 0)
/// let y = where_(&cond, &x, &zero).unwrap();
/// assert_eq!(y.to_vec(), vec![0, 0, 2, 3, 0, 5]);
/// assert_eq!(y.shape(), &[2, 3]);
/// ```
pub fn where_<T, Dc, Da, Db>(
    cond: &ArrayRef<bool, Dc>,
    a: &ArrayRef<T, Da>,
    b: &ArrayRef<T, Db>,
) -> Result<Array<T, WhereDim<Dc, Da, Db>>>
where
    T: Element,
    Dc: DimMax<Da>,
    Da: Dimension,
    Db: Dimension,
    <Dc as DimMax<Da>>::Output: DimMax<Db>,
{
    let shape = broadcast_shapes(&[cond.shape(), a.shape(), b.shape()])?;
    let dim = WhereDim::<Dc, Da, Db>::from_slice(&shape)?;
    let (c, av, bv) = (
        cond.broadcast_to(shape.as_slice())?,
        a.broadcast_to(shape.as_slice())?,
        b.broadcast_to(shape.as_slice())?,
    );
    // SAFETY: the loop below writes every element of `out` (the plan walks its whole
    // shape) before anything reads it.
    let mut out = unsafe { Array::<T, _>::uninit(dim) };
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
                let pick = if *c.offset(k * sc).cast::<bool>() {
                    a.offset(k * sa)
                } else {
                    b.offset(k * sb)
                };
                o.offset(k * so).cast::<T>().write(*pick.cast::<T>());
            }
        })
    };
    Ok(out)
}
