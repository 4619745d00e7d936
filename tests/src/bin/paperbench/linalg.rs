//! Matrix products: `a @ b` at 1000² and 2000² f64 (NumPy runs OpenBLAS: single-threaded
//! here, as NumPy's side pins it), and the paper's computer-vision projection (In the
//! "Computer Vision" section): `camera.dot(points.T).T / vecs[:, 2, np.newaxis]`.
//!
//! Recipes shared with `scripts/bench/numpy_compare_linalg.py`: `a[i, j] = (i·n + j) % 7 / 7`,
//! `b[i, j] = (i·n + j) % 5 / 5`; `points[i, j] = frac((3·i + j)·0.618034)`.

use std::hint::black_box;

use ndcore::prelude::*;
use ndcore::s;
use ndlinalg::prelude::*;

use crate::harness::Bench;

fn square(n: usize, modulus: usize) -> Array2<f64> {
    Array::from_fn([n, n], |i| {
        ((i[0] * n + i[1]) % modulus) as f64 / modulus as f64
    })
}

fn matmul_f64(n: usize) -> Bench {
    let (a, b) = (square(n, 7), square(n, 5));
    Box::new(move || {
        black_box(matmul(black_box(&a), black_box(&b)).expect("square matrices"));
    })
}

/// `a @ b`, 1000×1000 f64.
pub fn matmul_f64_1000() -> Bench {
    matmul_f64(1000)
}

/// `a @ b`, 2000×2000 f64.
pub fn matmul_f64_2000() -> Bench {
    matmul_f64(2000)
}

const POINTS: usize = 100_000;

fn points() -> Array2<f64> {
    Array::from_fn([POINTS, 3], |i| {
        ((3 * i[0] + i[1]) as f64 * 0.618034).fract()
    })
}

fn camera() -> Array2<f64> {
    Array::from_shape_vec([3, 3], vec![500., 0., 320., 0., 500., 240., 0., 0., 1.])
        .expect("nine values")
}

/// `vecs = camera.dot(points.T).T; pixel_coords = vecs / vecs[:, 2, np.newaxis]`.
pub fn paper_projection() -> Bench {
    let (points, camera) = (points(), camera());
    Box::new(move || {
        let vecs = camera
            .dot(&black_box(&points).t())
            .expect("3x3 by 3xN")
            .reversed_axes();
        let pixel_coords = &vecs / &vecs.slice(s![.., 2, NewAxis]);
        black_box(pixel_coords);
    })
}

/// The same projection as a loop over the points, into a new (N, 3) buffer.
pub fn paper_projection_loop() -> Bench {
    let (points, camera) = (points().to_vec(), camera().to_vec());
    Box::new(move || {
        let p = black_box(&points);
        let mut out = Vec::with_capacity(p.len());
        for q in p.chunks_exact(3) {
            let v: [f64; 3] = std::array::from_fn(|i| {
                camera[3 * i] * q[0] + camera[3 * i + 1] * q[1] + camera[3 * i + 2] * q[2]
            });
            out.extend([v[0] / v[2], v[1] / v[2], 1.0]);
        }
        black_box(out);
    })
}
