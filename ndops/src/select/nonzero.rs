//! `nonzero`: the indices of the nonzero elements, one index array per axis.

use crate::reduce::{Accumulator, Summable};
use ndcore::error::Result;
use ndcore::{Array1, ArrayRef, CastTo, Dimension, Error};

pub(crate) fn nonzero<T: Summable, D: Dimension>(x: &ArrayRef<T, D>) -> Result<Vec<Array1<i64>>> {
    let nd = x.ndim();
    if nd == 0 {
        return Err(Error::Value(
            "Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() \
             instead."
                .into(),
        ));
    }
    let is_nz = |v: T| CastTo::<T::Sum>::cast_to(v) != T::Sum::ZERO;
    let n = match x.as_slice() {
        Some(s) => s.iter().filter(|&&v| is_nz(v)).count(),
        None => x.iter().filter(|&&v| is_nz(v)).count(),
    };
    let mut out: Vec<Vec<i64>> = (0..nd).map(|_| Vec::with_capacity(n)).collect();
    let shape = x.shape();
    let mut idx = vec![0usize; nd];
    for &v in x.iter() {
        if is_nz(v) {
            for (o, &i) in out.iter_mut().zip(&idx) {
                o.push(i as i64);
            }
        }
        // Odometer in C order, matching `iter()`.
        for ax in (0..nd).rev() {
            idx[ax] += 1;
            if idx[ax] < shape[ax] {
                break;
            }
            idx[ax] = 0;
        }
    }
    Ok(out.into_iter().map(Array1::from_vec).collect())
}
