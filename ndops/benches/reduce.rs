//! Criterion micro-benchmarks of the reductions: full sums near memory bandwidth, sums
//! along either axis of a matrix, variances, extremes, and the selection kernels.
//!
//! `cargo bench -p ndops --bench reduce` (NumPy's figures for the same cases:
//! `scripts/bench/numpy_compare.py`).

use criterion::{Criterion, criterion_group, criterion_main};
use ndcore::prelude::*;
use ndops::reduce::Reduce;
use ndops::select::Select;
use std::hint::black_box;

fn sums(c: &mut Criterion) {
    let x = arange(10_000_000.0f64);
    c.bench_function("sum_f64_1e7", |b| b.iter(|| black_box(black_box(&x).sum())));
    let y = arange(100_000.0f64);
    c.bench_function("sum_f64_1e5", |b| b.iter(|| black_box(black_box(&y).sum())));
    let m = arange(1_000_000.0f64).into_shape([1000, 1000]).unwrap();
    c.bench_function("sum_axis0_1000x1000", |b| {
        b.iter(|| black_box(black_box(&m).sum_axis(Axis(0)).unwrap()))
    });
    c.bench_function("sum_axis1_1000x1000", |b| {
        b.iter(|| black_box(black_box(&m).sum_axis(Axis(1)).unwrap()))
    });
    c.bench_function("sum_transposed_1000x1000", |b| {
        b.iter(|| black_box(black_box(&m).t().sum_axis(Axis(0)).unwrap()))
    });
    c.bench_function("var_f64_1e6", |b| {
        b.iter(|| black_box(black_box(&m).var(0.0)))
    });
    c.bench_function("max_f64_1e6", |b| {
        b.iter(|| black_box(black_box(&m).max().unwrap()))
    });
    c.bench_function("argmax_f64_1e6", |b| {
        b.iter(|| black_box(black_box(&m).argmax().unwrap()))
    });
    let i = arange_with(0i32, 1_000_000, 1).unwrap();
    c.bench_function("sum_i32_1e6", |b| b.iter(|| black_box(black_box(&i).sum())));
}

fn selection(c: &mut Criterion) {
    let y = arange(1000.0f64);
    c.bench_function("diff_1000", |b| {
        b.iter(|| black_box(black_box(&y).diff(1, Axis(0)).unwrap()))
    });
    let x = arange(1_000_000.0f64);
    let mask = x.map(|&v| (v as i64) % 3 == 0);
    c.bench_function("masked_1e6", |b| {
        b.iter(|| black_box(black_box(&x).masked(&mask).unwrap()))
    });
}

criterion_group!(benches, sums, selection);
criterion_main!(benches);
