//! Products: `a @ b` of n×n f64 (NumPy runs OpenBLAS: single-threaded here, as NumPy's
//! side pins it), and figure 4, the paper's computer-vision projection of n points
//! ("Computer Vision"): `camera.dot(points.T).T / vecs[:, 2, np.newaxis]`.
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

/// `a @ b`, n×n f64.
pub fn matmul_f64(n: usize) -> Bench {
    let (a, b) = (square(n, 7), square(n, 5));
    Box::new(move || {
        black_box(matmul(black_box(&a), black_box(&b)).expect("square matrices"));
    })
}

fn points(n: usize) -> Array2<f64> {
    Array::from_fn([n, 3], |i| ((3 * i[0] + i[1]) as f64 * 0.618034).fract())
}

fn camera() -> Array2<f64> {
    Array::from_shape_vec([3, 3], vec![500., 0., 320., 0., 500., 240., 0., 0., 1.])
        .expect("nine values")
}

/// `vecs = camera.dot(points.T).T; pixel_coords = vecs / vecs[:, 2, np.newaxis]`.
pub fn projection(n: usize) -> Bench {
    let (points, camera) = (points(n), camera());
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
pub fn projection_loop(n: usize) -> Bench {
    let (points, camera) = (points(n).to_vec(), camera().to_vec());
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
