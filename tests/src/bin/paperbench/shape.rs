//! Shape tools (issue 15): `vstack` of two 500×1000 `f64` halves into 1000×1000 (1e6
//! elements: one read and one write of each), on the recipe NumPy's twin rebuilds.

use std::hint::black_box;

use ndops::prelude::*;

use crate::harness::Bench;

/// The shared input recipe, as `n / 1000` rows of 1000.
fn half(n: usize, from: i64) -> Array2<f64> {
    let rows = n / 2000;
    (from..from + (rows * 1000) as i64)
        .map(|i| ((i * 2_654_435_761) % 1_000_003) as f64 / 1_000_003.0)
        .collect::<Array1<f64>>()
        .into_shape([rows, 1000])
        .expect("rows * 1000 elements")
}

pub fn vstack(n: usize) -> Bench {
    let (a, b) = (half(n, 0), half(n, (n / 2) as i64));
    Box::new(move || {
        black_box(ndops::vstack(&[black_box(&a), black_box(&b)]).expect("equal widths"));
    })
}
