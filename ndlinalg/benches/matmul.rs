//! Criterion benches of the products, single-threaded. Throughput is in floating-point
//! operations (2·m·n·k per product), so criterion's "elem/s" reads as FLOP/s.
//!
//! `cargo bench -p ndlinalg` measures the default (pure-Rust) backend;
//! `OPENBLAS_NUM_THREADS=1 cargo bench -p ndlinalg --features blas,openblas` the same cases
//! through the system OpenBLAS. The machine is shared, so means wander; the figures below are
//! the best of several interleaved runs on the development machine (AMD Zen 4, one thread),
//! `gemm` 0.19 with its AVX-512 kernels against Debian's OpenBLAS 0.3.21 in one process:
//!
//! | case                              | pure Rust    | OpenBLAS     |
//! |-----------------------------------|--------------|--------------|
//! | matmul 1000² f64                  | 52.5 GFLOP/s | 51.8 GFLOP/s |
//! | matmul 2000² f64                  | 51.7 GFLOP/s | 53.3 GFLOP/s |
//! | matmul 1000² f32                  | 106 GFLOP/s  | 103 GFLOP/s  |
//! | matmul 2000² f32                  | 104 GFLOP/s  | 105 GFLOP/s  |
//! | camera·pointsᵀ (3×3 · 3×100 000)  | 139 µs       | 203 µs       |
//! | (1000,3,3) @ (1000,3,3)           | 27 µs        | 27 µs (same loop; NumPy 32 µs) |

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use ndcore::prelude::*;
use ndlinalg::prelude::*;
use std::hint::black_box;
use std::time::Duration;

fn filled(shape: [usize; 2], seed: usize) -> Array2<f64> {
    Array::from_fn(shape, |i| {
        ((i[0] * 31 + i[1] * 17 + seed) % 101) as f64 / 101.0
    })
}

fn square(c: &mut Criterion) {
    let mut g = c.benchmark_group("matmul_square");
    g.sample_size(10).measurement_time(Duration::from_secs(3));
    for n in [64usize, 256, 1000, 2000] {
        let (a, b) = (filled([n, n], 1), filled([n, n], 2));
        let mut out = Array::<f64, _>::zeros([n, n]);
        g.throughput(Throughput::Elements(2 * (n * n * n) as u64));
        g.bench_function(BenchmarkId::new("f64", n), |bch| {
            bch.iter(|| matmul_into(1.0, black_box(&a), black_box(&b), 0.0, &mut out).unwrap())
        });
        let (a32, b32) = (a.cast::<f32>(), b.cast::<f32>());
        let mut out32 = Array::<f32, _>::zeros([n, n]);
        g.bench_function(BenchmarkId::new("f32", n), |bch| {
            bch.iter(|| {
                matmul_into(1.0, black_box(&a32), black_box(&b32), 0.0, &mut out32).unwrap()
            })
        });
    }
    g.finish();
}

fn shapes(c: &mut Criterion) {
    let mut g = c.benchmark_group("matmul_shapes");
    g.sample_size(20).measurement_time(Duration::from_secs(2));
    // The paper's projection: camera (3×3) times pointsᵀ (a transposed 100 000×3 array).
    let points = filled([100_000, 3], 3);
    let camera = filled([3, 3], 4);
    g.throughput(Throughput::Elements(2 * 9 * 100_000));
    g.bench_function("camera_dot_points_t", |bch| {
        bch.iter(|| black_box(camera.dot(&black_box(&points).t()).unwrap()))
    });
    g.bench_function("points_matmul_camera_t", |bch| {
        bch.iter(|| black_box(points.matmul(&camera.t()).unwrap()))
    });
    // Tall-skinny and small-inner-dimension products, contiguous.
    for (m, k, n) in [
        (3usize, 3usize, 100_000usize),
        (16, 16, 10_000),
        (1000, 8, 1000),
        (1000, 1000, 1),
    ] {
        let (a, b) = (filled([m, k], 5), filled([k, n], 6));
        g.throughput(Throughput::Elements(2 * (m * n * k) as u64));
        g.bench_function(format!("{m}x{k}x{n}"), |bch| {
            bch.iter(|| black_box(matmul(black_box(&a), black_box(&b)).unwrap()))
        });
    }
    // A batch of small matrices times one matrix, and a batch times a batch.
    let stack = Array::from_fn([1000, 3, 3], |i| (i[0] + i[1] * 3 + i[2]) as f64);
    let one = filled([3, 3], 7);
    g.throughput(Throughput::Elements(2 * 27 * 1000));
    g.bench_function("batch_1000x3x3_by_3x3", |bch| {
        bch.iter(|| black_box(matmul(black_box(&stack), &one).unwrap()))
    });
    g.bench_function("batch_1000x3x3_by_itself", |bch| {
        bch.iter(|| black_box(matmul(black_box(&stack), &stack).unwrap()))
    });
    // Inner product of two 1e6 vectors, and an integer product (the generic kernel).
    let x = arange(1e6f64);
    g.throughput(Throughput::Elements(2_000_000));
    g.bench_function("dot_1e6", |bch| {
        bch.iter(|| black_box(dot(black_box(&x), &x).unwrap()))
    });
    let ai = Array::from_fn([200, 200], |i| (i[0] * 7 + i[1]) as i64 % 13);
    let bi = Array::from_fn([200, 200], |i| (i[0] + i[1] * 5) as i64 % 11);
    g.throughput(Throughput::Elements(2 * 200 * 200 * 200));
    g.bench_function("i64_200", |bch| {
        bch.iter(|| black_box(matmul(&ai, &bi).unwrap()))
    });
    g.finish();
}

criterion_group!(benches, square, shapes);
criterion_main!(benches);
