//! numpy.linalg (`ndlinalg::linalg`, on faer, one thread): `solve` of an n×n system and the
//! `svd` of an n×n matrix, f64, against NumPy's LAPACK on single-threaded OpenBLAS.
//!
//! Recipes shared with `scripts/bench/numpy_compare_linalg.py`:
//! `g[i, j] = frac((i·n + j)·0.618034)` (a low-discrepancy filling, no special structure);
//! `solve`: `a = g + n·I` (diagonally dominant: well conditioned), `b[i] = (i % 5) / 5 + 1`;
//! `svd`: `a = g`, full matrices (NumPy's default `svd(a)`).

use std::hint::black_box;

use ndcore::prelude::*;
use ndlinalg::linalg;

use crate::harness::Bench;

fn golden(n: usize, shift: f64) -> Array2<f64> {
    Array::from_fn([n, n], |i| {
        ((i[0] * n + i[1]) as f64 * 0.618034).fract() + if i[0] == i[1] { shift } else { 0. }
    })
}

/// `np.linalg.solve(a, b)`, a n×n, b (n,).
pub fn solve(n: usize) -> Bench {
    let a = golden(n, n as f64);
    let b = Array::from_fn([n], |i| (i[0] % 5) as f64 / 5. + 1.);
    Box::new(move || {
        black_box(linalg::solve(black_box(&a), black_box(&b)).expect("nonsingular"));
    })
}

/// `np.linalg.svd(a)`: u, s, vh of a n×n matrix.
pub fn svd(n: usize) -> Bench {
    let a = golden(n, 0.);
    Box::new(move || {
        black_box(linalg::svd(black_box(&a), true).expect("finite input"));
    })
}
