//! Element iteration: ndcore's `iter()` over contiguous, transposed and sliced arrays,
//! against a hand loop over the same memory (NumPy's twins, `x.sum()` on the same views,
//! are in `scripts/bench/numpy_compare.py`). NumPy's sum is pairwise and vectorized; an
//! iterator's `sum` is one sequential chain of additions, so these cases show the cost of
//! walking a layout, not of summing (ndops' `sum` is `sum_f64_1e7`).

use std::hint::black_box;

use ndcore::prelude::*;

use crate::harness::Bench;

const N: usize = 1000;

/// `np.arange(1e6).reshape(1000, 1000)`.
fn square() -> Array2<f64> {
    arange(1_000_000.0f64).into_shape([N, N]).unwrap()
}

/// Sum through `iter()` of a C-contiguous 1000×1000 f64 array (NumPy: `x.sum()`).
pub fn iter_sum_1e6(_: usize) -> Bench {
    let x = square();
    Box::new(move || {
        black_box(black_box(&x).iter().sum::<f64>());
    })
}

/// The hand loop: a slice fold over the same 1e6 values.
pub fn iter_sum_1e6_loop(_: usize) -> Bench {
    let x: Vec<f64> = (0..N * N).map(|i| i as f64).collect();
    Box::new(move || {
        black_box(black_box(&x).iter().fold(0.0, |s, &v| s + v));
    })
}

/// Sum through `iter()` of the transpose, in its logical C order: down the columns of the
/// stored matrix (NumPy: `x.T.sum()`).
pub fn iter_sum_transposed_1e6(_: usize) -> Bench {
    let x = square();
    Box::new(move || {
        black_box(black_box(&x).t().iter().sum::<f64>());
    })
}

/// The hand loop: column by column over the row-major buffer.
pub fn iter_sum_transposed_1e6_loop(_: usize) -> Bench {
    let x: Vec<f64> = (0..N * N).map(|i| i as f64).collect();
    Box::new(move || {
        let v = black_box(&x);
        let mut s = 0.0;
        for j in 0..N {
            for i in 0..N {
                s += v[i * N + j];
            }
        }
        black_box(s);
    })
}

/// Sum through `iter()` of `y = x[::2, ::2]`, `x = np.arange(4e6).reshape(2000, 2000)`
/// (NumPy: `y.sum()`).
pub fn iter_sum_sliced_1e6(_: usize) -> Bench {
    let x = arange(4_000_000.0f64).into_shape([2 * N, 2 * N]).unwrap();
    let every2 = SliceInfoElem::from(Slice::new(None, None, 2));
    Box::new(move || {
        let y = black_box(&x).slice(&[every2, every2]);
        black_box(y.iter().sum::<f64>());
    })
}

/// The hand loop: every second element of every second row.
pub fn iter_sum_sliced_1e6_loop(_: usize) -> Bench {
    let x: Vec<f64> = (0..4 * N * N).map(|i| i as f64).collect();
    Box::new(move || {
        let v = black_box(&x);
        let mut s = 0.0;
        for i in (0..2 * N).step_by(2) {
            for j in (0..2 * N).step_by(2) {
                s += v[i * 2 * N + j];
            }
        }
        black_box(s);
    })
}
