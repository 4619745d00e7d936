//! Sorting (issue 15): `sort` and `argsort` of 1e6 `f64` (a sorted copy, as `np.sort`;
//! stable indices, as `np.argsort(kind='stable')`) on the recipe NumPy's twin rebuilds,
//! `((i * 2654435761) % 1000003) / 1000003.0` in `i64` arithmetic; `unique` of 1e6 `i64`
//! `(i * 2654435761) % 100003` (about ten copies of each value).

use std::hint::black_box;

use ndcore::prelude::*;
use ndops::sort::Sort;

use crate::harness::Bench;

fn data(n: usize) -> Array1<f64> {
    (0..n as i64)
        .map(|i| ((i * 2_654_435_761) % 1_000_003) as f64 / 1_000_003.0)
        .collect()
}

pub fn sort(n: usize) -> Bench {
    let x = data(n);
    Box::new(move || {
        black_box(black_box(&x).sorted(-1).expect("a sorted copy"));
    })
}

pub fn argsort(n: usize) -> Bench {
    let x = data(n);
    Box::new(move || {
        black_box(black_box(&x).argsort(-1).expect("indices"));
    })
}

pub fn unique(n: usize) -> Bench {
    let x: Array1<i64> = (0..n as i64)
        .map(|i| (i * 2_654_435_761) % 100_003)
        .collect();
    Box::new(move || {
        black_box(black_box(&x).unique().expect("the distinct values"));
    })
}
