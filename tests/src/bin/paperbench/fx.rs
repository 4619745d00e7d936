//! Figure 1, the paper's `f(x) = x**2 - 3*x + 4` over `x = np.arange(n)` (In \[31\]–\[35\]):
//! eagerly (`f(x)`: temporaries), the paper's `g(x)` (in place after `x**2`), every step
//! into buffers made once (NumPy's `out=`), and fused (lazy operands: one pass, one
//! output). The `Loop`
//! forms are the Rust a user would write without nd: collected into a new vector, and
//! into an existing one.

use std::hint::black_box;

use ndcore::prelude::*;
use ndops::lazy::LazyExt;

use crate::harness::Bench;

/// `f(x)`: `x * x - 3.0 * x + 4.0`, owned temporaries reused where they can be.
pub fn eager(n: usize) -> Bench {
    let x = arange(n as f64);
    Box::new(move || {
        let x = black_box(&x);
        black_box(x * x - 3.0 * x + 4.0);
    })
}

pub fn eager_loop(n: usize) -> Bench {
    let x: Vec<f64> = (0..n).map(|i| i as f64).collect();
    Box::new(move || {
        let y: Vec<f64> = black_box(&x)
            .iter()
            .map(|&v| v * v - 3.0 * v + 4.0)
            .collect();
        black_box(y);
    })
}

/// The paper's `g(x)`: `fx = x**2; fx -= 3*x; fx += 4`.
pub fn inplace(n: usize) -> Bench {
    let x = arange(n as f64);
    Box::new(move || {
        let x = black_box(&x);
        let mut fx = x * x;
        fx -= &(3.0 * x);
        fx += 4.0;
        black_box(fx);
    })
}

/// Every step into buffers made once: `np.multiply(x, x, out=y)`,
/// `np.multiply(x, 3, out=t)`, `y -= t`, `y += 4`. Nothing is allocated.
pub fn out(n: usize) -> Bench {
    let x = arange(n as f64);
    let mut y = Array1::<f64>::zeros(n);
    let mut t = Array1::<f64>::zeros(n);
    Box::new(move || {
        let x = black_box(&x);
        ndops::multiply_into(x, x, &mut y).expect("same shapes");
        ndops::multiply_into(x, 3.0, &mut t).expect("same shapes");
        y -= &t;
        y += 4.0;
        black_box(&mut y);
    })
}

/// The hand loop into an existing buffer: one pass, nothing allocated.
pub fn out_loop(n: usize) -> Bench {
    let x: Vec<f64> = (0..n).map(|i| i as f64).collect();
    let mut y = vec![0.0f64; n];
    Box::new(move || {
        for (y, &v) in y.iter_mut().zip(black_box(&x)) {
            *y = v * v - 3.0 * v + 4.0;
        }
        black_box(&mut y);
    })
}

/// One pass over `x` into a new array: the expression on lazy operands
/// (`ndops::lazy`), evaluated as one fused loop.
pub fn fused(n: usize) -> Bench {
    let x = arange(n as f64);
    Box::new(move || {
        let x = black_box(&x).lazy();
        black_box((x * x - 3.0 * x + 4.0).eval().expect("one operand"));
    })
}

/// `np.sum(f(x))` without building `f(x)`: the lazy expression reduced as it is computed
/// (pairwise, nothing allocated).
pub fn sum(n: usize) -> Bench {
    let x = arange(n as f64);
    Box::new(move || {
        let x = black_box(&x).lazy();
        black_box((x * x - 3.0 * x + 4.0).sum().expect("one operand"));
    })
}

/// The hand loop of the sum: eight accumulators (so that it vectorizes), one pass.
pub fn sum_loop(n: usize) -> Bench {
    let x: Vec<f64> = (0..n).map(|i| i as f64).collect();
    Box::new(move || {
        let x = black_box(&x);
        let mut acc = [0.0f64; 8];
        let chunks = x.chunks_exact(8);
        let rest = chunks.remainder();
        for c in chunks {
            for (a, &v) in acc.iter_mut().zip(c) {
                *a += v * v - 3.0 * v + 4.0;
            }
        }
        let tail: f64 = rest.iter().map(|&v| v * v - 3.0 * v + 4.0).sum();
        black_box(acc.iter().sum::<f64>() + tail);
    })
}
