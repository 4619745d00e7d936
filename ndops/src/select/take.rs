//! `take` and `put`: elements picked by integer index arrays (NumPy's `np.take`,
//! `np.put`), negative indices counting from the end, out-of-bounds indices an error.

use crate::reduce::check_axis;
use ndcore::error::Result;
use ndcore::{Array, Array1, ArrayD, ArrayRef, Axis, Dimension, Element, Error, Ix1};

/// Index `i` into an axis of length `n`, negative counting from the end, or NumPy's error
/// (`index 5 is out of bounds for axis 0 with size 3`).
fn wrap(i: i64, n: usize, axis: usize) -> Result<usize> {
    let j = if i < 0 { i + n as i64 } else { i };
    if j >= 0 && (j as u64) < n as u64 {
        Ok(j as usize)
    } else {
        Err(Error::IndexOutOfBounds {
            index: i as isize,
            axis,
            size: n,
        })
    }
}

/// Every index checked and made non-negative, in C order.
fn wrap_all<E: Dimension>(idx: &ArrayRef<i64, E>, n: usize, axis: usize) -> Result<Vec<usize>> {
    idx.iter().map(|&i| wrap(i, n, axis)).collect()
}

pub(crate) fn take<T: Element, D: Dimension, E: Dimension>(
    x: &ArrayRef<T, D>,
    indices: &ArrayRef<i64, E>,
    axis: Option<Axis>,
) -> Result<ArrayD<T>> {
    let xs = x.as_standard_layout();
    let Some(s) = xs.as_slice() else {
        unreachable!("a standard-layout array is C-contiguous")
    };
    let Some(Axis(axis)) = axis else {
        let idx = wrap_all(indices, s.len(), 0)?;
        let v = idx.iter().map(|&i| s[i]).collect();
        return ArrayD::from_shape_vec(indices.shape().to_vec(), v);
    };
    check_axis(axis, x.ndim())?;
    let n = x.shape()[axis];
    let idx = wrap_all(indices, n, axis)?;
    let outer: usize = x.shape()[..axis].iter().product();
    let inner: usize = x.shape()[axis + 1..].iter().product();
    let mut v = Vec::with_capacity(outer * idx.len() * inner);
    for o in 0..outer {
        for &i in &idx {
            let start = (o * n + i) * inner;
            v.extend_from_slice(&s[start..start + inner]);
        }
    }
    let mut shape = x.shape()[..axis].to_vec();
    shape.extend_from_slice(indices.shape());
    shape.extend_from_slice(&x.shape()[axis + 1..]);
    ArrayD::from_shape_vec(shape, v)
}

pub(crate) fn compress<T: Element, D: Dimension>(
    x: &ArrayRef<T, D>,
    condition: &ArrayRef<bool, Ix1>,
    axis: Axis,
) -> Result<Array<T, D>> {
    check_axis(axis.0, x.ndim())?;
    let n = x.shape()[axis.0];
    let picked: Vec<i64> = condition
        .iter()
        .enumerate()
        .filter(|(_, c)| **c)
        .map(|(i, _)| i as i64)
        .collect();
    if let Some(&i) = picked.iter().find(|&&i| i as usize >= n) {
        return Err(Error::IndexOutOfBounds {
            index: i as isize,
            axis: axis.0,
            size: n,
        });
    }
    take(x, &Array1::from_vec(picked), Some(axis))?.into_rank()
}

pub(crate) fn put<T: Element, D: Dimension, E: Dimension, F: Dimension>(
    x: &mut ArrayRef<T, D>,
    indices: &ArrayRef<i64, E>,
    values: &ArrayRef<T, F>,
) -> Result<()> {
    let idx = wrap_all(indices, x.size(), 0)?;
    let vals = values.to_vec();
    if vals.is_empty() {
        return Ok(());
    }
    let cycle = idx.iter().zip(vals.iter().cycle());
    if let Some(s) = x.as_slice_mut() {
        for (&i, &v) in cycle {
            s[i] = v;
        }
        return Ok(());
    }
    // Not contiguous: turn each flat (C-order) index into an element index.
    let shape = x.shape().to_vec();
    let mut at = vec![0usize; shape.len()];
    for (&i, &v) in cycle {
        let mut rest = i;
        for (a, &n) in at.iter_mut().zip(&shape).rev() {
            *a = rest % n;
            rest /= n;
        }
        if let Some(e) = x.get_mut(at.as_slice()) {
            *e = v;
        }
    }
    Ok(())
}
