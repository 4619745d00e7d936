//! `diff`: NumPy's `np.diff`, the n-th forward difference along an axis (the paper's
//! finite differences, `y[1:] - y[:-1]`).

use crate::reduce::check_axis;
use ndcore::engine::{IterOrder, Plan};
use ndcore::error::Result;
use ndcore::{Array, ArrayRef, Axis, Dimension, Element, Error};
use std::mem::MaybeUninit;

/// Element types with a difference: `later - earlier`, wrapping for integers (as NumPy),
/// `!=` for booleans (NumPy's `diff` of a boolean array uses `not_equal`).
///
/// ```
/// use ndops::select::Difference;
/// assert_eq!(u8::difference(1, 5), 252);
/// assert!(bool::difference(true, false));
/// ```
pub trait Difference: Element {
    /// `later - earlier`.
    fn difference(later: Self, earlier: Self) -> Self;
}

macro_rules! diff_int {
    ($($t:ty),*) => {$(
        impl Difference for $t {
            #[inline(always)]
            fn difference(later: Self, earlier: Self) -> Self { later.wrapping_sub(earlier) }
        }
    )*};
}
diff_int!(i8, i16, i32, i64, u8, u16, u32, u64);
impl Difference for f32 {
    #[inline(always)]
    fn difference(later: Self, earlier: Self) -> Self {
        later - earlier
    }
}
impl Difference for f64 {
    #[inline(always)]
    fn difference(later: Self, earlier: Self) -> Self {
        later - earlier
    }
}
impl Difference for bool {
    #[inline(always)]
    fn difference(later: Self, earlier: Self) -> Self {
        later != earlier
    }
}

/// One forward difference along `axis` (checked by the caller).
fn step<T: Difference, D: Dimension>(x: &ArrayRef<T, D>, axis: usize) -> Result<Array<T, D>> {
    let n = x.shape()[axis];
    let mut dim = x.dim().clone();
    dim.as_mut()[axis] = n.saturating_sub(1);
    if dim.size() == 0 {
        return Ok(Array::<T, D>::zeros(dim));
    }
    // SAFETY: the loop below writes every element of `out` (the plan walks its whole
    // shape) before anything reads it.
    let mut out = unsafe { Array::<T, D>::uninit(dim) };
    let (_, hi) = x.split_at(Axis(axis), 1)?;
    let (lo, _) = x.split_at(Axis(axis), n - 1)?;
    let plan = Plan::<3>::new(
        out.shape(),
        [out.strides(), hi.strides(), lo.strides()],
        IterOrder::Memory,
    );
    let ptrs = [
        out.as_mut_ptr().cast::<u8>(),
        hi.as_ptr() as *mut u8,
        lo.as_ptr() as *mut u8,
    ];
    let sz = std::mem::size_of::<T>() as isize;
    // SAFETY: `out`, `hi` (x[1:]) and `lo` (x[:-1]) all have out's shape, each walked with
    // its own strides; `out` is fresh and only it is written.
    unsafe {
        plan.for_each_run(ptrs, |r| {
            let [o, h, l] = r.ptrs;
            if r.strides == [sz; 3] {
                // The result is uninitialized: see it as `MaybeUninit<T>`, never `&mut T`.
                let o = std::slice::from_raw_parts_mut(o.cast::<MaybeUninit<T>>(), r.len);
                let h = std::slice::from_raw_parts(h.cast::<T>(), r.len);
                let l = std::slice::from_raw_parts(l.cast::<T>(), r.len);
                for ((o, &h), &l) in o.iter_mut().zip(h).zip(l) {
                    o.write(T::difference(h, l));
                }
            } else {
                let [so, sh, sl] = r.strides;
                for k in 0..r.len as isize {
                    o.offset(k * so).cast::<T>().write(T::difference(
                        *h.offset(k * sh).cast(),
                        *l.offset(k * sl).cast(),
                    ));
                }
            }
        })
    };
    Ok(out)
}

pub(crate) fn diff<T: Difference, D: Dimension>(
    x: &ArrayRef<T, D>,
    n: usize,
    axis: Axis,
) -> Result<Array<T, D>> {
    if x.ndim() == 0 {
        return Err(Error::Value(
            "diff requires input that is at least one dimensional".into(),
        ));
    }
    check_axis(axis.0, x.ndim())?;
    if n == 0 {
        return Ok(x.to_owned());
    }
    let mut cur = step(x, axis.0)?;
    for _ in 1..n {
        cur = step(&cur, axis.0)?;
    }
    Ok(cur)
}
