//! Statistics (issue 15): `median` of 1e6 `f64` (a copy and an O(n) selection per call, as
//! NumPy's partition-based `np.median`), on the recipe NumPy's twin rebuilds:
//! `((i * 2654435761) % 1000003) / 1000003.0` in `i64` arithmetic.

use std::hint::black_box;

use ndcore::prelude::*;
use ndops::stats::median as nd_median;

use crate::harness::Bench;

/// The shared input recipe.
fn data(n: usize) -> Array1<f64> {
    (0..n as i64)
        .map(|i| ((i * 2_654_435_761) % 1_000_003) as f64 / 1_000_003.0)
        .collect()
}

pub fn median(n: usize) -> Bench {
    let x = data(n);
    Box::new(move || {
        black_box(nd_median(black_box(&x), None).expect("a median"));
    })
}
