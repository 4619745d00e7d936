//! `unique` and the array API's `unique_values`/`unique_counts`/`unique_inverse`/
//! `unique_all`: the sorted distinct elements of the flattened array, with the first
//! index, the inverse and the count of each.

use super::key::Sortable;
use super::radix::{Scratch, argsort_into, sort_into};
use ndcore::error::Result;
use ndcore::{Array1, ArrayD, ArrayRef, Dimension};

/// What [`unique_with`](super::unique_with) returns besides the values (NumPy's
/// `return_index`, `return_inverse`, `return_counts`, `equal_nan`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UniqueOptions {
    /// The index of each value's first occurrence in the flattened array.
    pub return_index: bool,
    /// For each element, the index of its value in the result (shaped as the input, as
    /// NumPy 2 does for `axis=None`): `values.take(inverse)` rebuilds the array.
    pub return_inverse: bool,
    /// How many times each value occurs.
    pub return_counts: bool,
    /// Whether all NaNs count as one value (NumPy's default `equal_nan=True`).
    pub equal_nan: bool,
}

impl Default for UniqueOptions {
    /// NumPy's defaults: nothing but the values, NaNs collapsed.
    fn default() -> Self {
        UniqueOptions {
            return_index: false,
            return_inverse: false,
            return_counts: false,
            equal_nan: true,
        }
    }
}

/// The result of [`unique_with`](super::unique_with): the fields asked for are `Some`.
#[derive(Clone, Debug, PartialEq)]
pub struct Unique<T: ndcore::Element> {
    /// The sorted distinct values (1-d).
    pub values: Array1<T>,
    /// First occurrences (`return_index`), `int64`.
    pub indices: Option<Array1<i64>>,
    /// The inverse (`return_inverse`), shaped as the input, `int64`.
    pub inverse: Option<ArrayD<i64>>,
    /// The counts (`return_counts`), `int64`.
    pub counts: Option<Array1<i64>>,
}

/// Whether sorted neighbours `prev` and `x` are different values.
#[inline]
fn starts_group<T: Sortable>(prev: T, x: T, equal_nan: bool) -> bool {
    x.key() != prev.key() || (!equal_nan && x.is_nan_value())
}

pub(crate) fn unique_impl<T: Sortable, D: Dimension>(
    a: &ArrayRef<T, D>,
    opts: UniqueOptions,
) -> Result<Unique<T>> {
    // The elements in C order: borrowed when contiguous, else copied (a 1-d `ravel` of
    // a broadcast or strided view can be a strided view).
    let copy;
    let x: &[T] = match a.as_slice() {
        Some(s) => s,
        None => {
            copy = a.to_vec();
            &copy
        }
    };
    let n = x.len();
    if !(opts.return_index || opts.return_inverse) {
        // Values (and counts) need only the sorted values.
        let mut sorted = Array1::<T>::try_zeros(n)?;
        let Some(s) = sorted.as_slice_mut() else {
            unreachable!("a fresh 1-d array is contiguous")
        };
        sort_into(x, s, &mut Scratch::new())?;
        let mut values = Vec::new();
        let mut counts: Vec<i64> = Vec::new();
        for (i, &v) in s.iter().enumerate() {
            if i == 0 || starts_group(s[i - 1], v, opts.equal_nan) {
                values.push(v);
                counts.push(0);
            }
            if let Some(c) = counts.last_mut() {
                *c += 1;
            }
        }
        return Ok(Unique {
            values: Array1::from_vec(values),
            indices: None,
            inverse: None,
            counts: opts.return_counts.then(|| Array1::from_vec(counts)),
        });
    }
    // The stable permutation: the first element of each group is its first occurrence.
    let mut perm = vec![0i64; n];
    argsort_into(x, &mut perm);
    let mut values = Vec::new();
    let mut first = Vec::new();
    let mut counts: Vec<i64> = Vec::new();
    let mut inverse = vec![0i64; n];
    let mut prev: Option<T> = None;
    for &p in &perm {
        let v = x[p as usize];
        if prev.is_none_or(|q| starts_group(q, v, opts.equal_nan)) {
            values.push(v);
            first.push(p);
            counts.push(0);
        }
        prev = Some(v);
        if let Some(c) = counts.last_mut() {
            *c += 1;
        }
        inverse[p as usize] = values.len() as i64 - 1;
    }
    let inverse = if opts.return_inverse {
        Some(ArrayD::from_shape_vec(a.shape().to_vec(), inverse)?)
    } else {
        None
    };
    Ok(Unique {
        values: Array1::from_vec(values),
        indices: opts.return_index.then(|| Array1::from_vec(first)),
        inverse,
        counts: opts.return_counts.then(|| Array1::from_vec(counts)),
    })
}
