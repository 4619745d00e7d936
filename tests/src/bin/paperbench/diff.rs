//! Figure 2, forward divided differences (In \[36\]–\[41\]) over `n` points:
//! `(y[1:] - y[:-1]) / (x[1:] - x[:-1])` with `x = np.arange(n)`, `y = x**2`, as slices
//! and operators (three temporaries), fused into one pass over the four slices (lazy
//! operands, or `zip_map_n` with a closure), and as the hand loop.

use std::hint::black_box;

use ndcore::prelude::*;
use ndops::lazy::LazyExt;

use crate::harness::Bench;

fn inputs(n: usize) -> (Array1<f64>, Array1<f64>) {
    let x = arange(n as f64);
    let y = &x * &x;
    (x, y)
}

pub fn eager(n: usize) -> Bench {
    let (x, y) = inputs(n);
    Box::new(move || {
        let (x, y) = black_box((&x, &y));
        let dy = &y.slice(s![1..]) - &y.slice(s![..-1]);
        let dx = &x.slice(s![1..]) - &x.slice(s![..-1]);
        black_box(dy / &dx);
    })
}

/// The same differences as one fused loop (the slices as lazy operands): the four slices
/// read together, one output written, no temporaries.
pub fn fused(n: usize) -> Bench {
    let (x, y) = inputs(n);
    Box::new(move || {
        let (x, y) = black_box((&x, &y));
        let (y1, y0) = (y.slice(s![1..]), y.slice(s![..-1]));
        let (x1, x0) = (x.slice(s![1..]), x.slice(s![..-1]));
        let d = (y1.lazy() - y0.lazy()) / (x1.lazy() - x0.lazy());
        black_box(d.eval().expect("same shapes"));
    })
}

/// The same fused loop spelled with `ndops::zip_map_n` and a closure over the four slices.
pub fn zip_map(n: usize) -> Bench {
    let (x, y) = inputs(n);
    Box::new(move || {
        let (x, y) = black_box((&x, &y));
        let (y1, y0) = (y.slice(s![1..]), y.slice(s![..-1]));
        let (x1, x0) = (x.slice(s![1..]), x.slice(s![..-1]));
        let d = ndops::zip_map_n([&y1, &y0, &x1, &x0], |[a, b, c, d]| (a - b) / (c - d));
        black_box(d.expect("same shapes"));
    })
}

pub fn eager_loop(n: usize) -> Bench {
    let x: Vec<f64> = (0..n).map(|i| i as f64).collect();
    let y: Vec<f64> = x.iter().map(|v| v * v).collect();
    Box::new(move || {
        let (x, y) = black_box((&x, &y));
        let d: Vec<f64> = (0..n - 1)
            .map(|i| (y[i + 1] - y[i]) / (x[i + 1] - x[i]))
            .collect();
        black_box(d);
    })
}
