//! Reduction and selection cases (NumPy's twins in `scripts/bench/numpy_compare.py`).

use std::hint::black_box;

use ndcore::prelude::*;
use ndops::reduce::Reduce;
use ndops::select::Select;

use crate::harness::Bench;

/// `np.arange(n).sum()` with ndops: pairwise, 8 accumulators per block.
pub fn sum_f64(n: usize) -> Bench {
    let x = arange(n as f64);
    Box::new(move || {
        black_box(black_box(&x).sum());
    })
}

/// `x.sum(axis=0)` of a C-contiguous 1000×1000 f64 matrix (NumPy:
/// `np.arange(1e6).reshape(1000, 1000).sum(axis=0)`): whole rows accumulated.
pub fn sum_axis0_1000x1000(_: usize) -> Bench {
    let x = arange(1_000_000.0f64).into_shape([1000, 1000]).unwrap();
    Box::new(move || {
        black_box(black_box(&x).sum_axis(Axis(0)).unwrap());
    })
}

/// The same as a hand loop a user would write: accumulate each row into a result row.
pub fn sum_axis0_1000x1000_loop(_: usize) -> Bench {
    let x: Vec<f64> = (0..1_000_000).map(|i| i as f64).collect();
    Box::new(move || {
        let x = black_box(&x);
        let mut out = vec![0.0; 1000];
        for row in x.chunks_exact(1000) {
            for (o, &v) in out.iter_mut().zip(row) {
                *o += v;
            }
        }
        black_box(out);
    })
}

/// `x.sum(axis=1)` of the same matrix: one pairwise sum per row.
pub fn sum_axis1_1000x1000(_: usize) -> Bench {
    let x = arange(1_000_000.0f64).into_shape([1000, 1000]).unwrap();
    Box::new(move || {
        black_box(black_box(&x).sum_axis(Axis(1)).unwrap());
    })
}

/// `x.var()` of `n` f64: two passes (mean, then squared deviations).
pub fn var_f64(n: usize) -> Bench {
    let x = arange(n as f64);
    Box::new(move || {
        black_box(black_box(&x).var(0.0));
    })
}

/// `x.max()` of `n` f64 (nan-propagating).
pub fn max_f64(n: usize) -> Bench {
    let x = arange(n as f64);
    Box::new(move || {
        black_box(black_box(&x).max().unwrap());
    })
}

/// `x[x % 3 == 0]` of `n` f64: the masked copy alone (mask built once).
pub fn masked(n: usize) -> Bench {
    let x = arange(n as f64);
    let mask = x.map(|&v| (v as i64) % 3 == 0);
    Box::new(move || {
        black_box(black_box(&x).masked(&mask).unwrap());
    })
}

/// Row sums of a tall, narrow (1e6 × 4) matrix: a million reduced runs of 4 elements,
/// where per-run overhead would dominate (NumPy: `x.sum(axis=1)`).
pub fn sum_axis1_1e6x4(_: usize) -> Bench {
    let x = arange(4_000_000.0f64).into_shape([1_000_000, 4]).unwrap();
    Box::new(move || {
        black_box(black_box(&x).sum_axis(Axis(1)).unwrap());
    })
}

/// Column sums of the same matrix: a million kept runs of 4 accumulated.
pub fn sum_axis0_1e6x4(_: usize) -> Bench {
    let x = arange(4_000_000.0f64).into_shape([1_000_000, 4]).unwrap();
    Box::new(move || {
        black_box(black_box(&x).sum_axis(Axis(0)).unwrap());
    })
}

/// `x.argmax()` of `n` f64 (first maximum, or first nan).
pub fn argmax_f64(n: usize) -> Bench {
    let x = arange(n as f64);
    Box::new(move || {
        black_box(black_box(&x).argmax().unwrap());
    })
}

/// `x.cumsum()` of `n` f64.
pub fn cumsum_f64(n: usize) -> Bench {
    let x = arange(n as f64);
    Box::new(move || {
        black_box(black_box(&x).cumsum());
    })
}

/// Sum of `n` f64 `0, 1, 2, …` as a plain loop: one sequential chain of additions, which
/// the compiler may not reorder into SIMD lanes.
pub fn sum_f64_loop(n: usize) -> Bench {
    let x: Vec<f64> = (0..n).map(|i| i as f64).collect();
    Box::new(move || {
        let mut sum = 0.0;
        for &v in black_box(&x) {
            sum += v;
        }
        black_box(sum);
    })
}
