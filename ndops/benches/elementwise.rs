//! Criterion micro-benchmarks of the element-wise operations: contiguous binary operations
//! from cache-sized to memory-sized, broadcast and transposed operands, in-place forms,
//! a compute-bound ufunc (`sqrt`) at each SIMD level, comparisons, and the paper's `f(x)`.
//!
//! `cargo bench -p ndops --bench elementwise [-- FILTER]` (the paper's cases against NumPy:
//! `cargo xtask bench`).

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use ndcore::ops::{SimdLevel, detected_simd_level, set_simd_level};
use ndcore::prelude::*;
use std::hint::black_box;
use std::time::Duration;

fn contiguous(c: &mut Criterion) {
    let mut g = c.benchmark_group("add_f64");
    for n in [1usize, 1_000, 100_000, 1_000_000, 10_000_000] {
        let a = arange(n as f64);
        let b = arange(n as f64);
        let mut out = Array::<f64, _>::zeros(n);
        g.throughput(Throughput::Bytes(24 * n as u64));
        g.bench_with_input(BenchmarkId::new("new", n), &n, |bch, _| {
            bch.iter(|| black_box(black_box(&a) + black_box(&b)))
        });
        g.bench_with_input(BenchmarkId::new("into", n), &n, |bch, _| {
            bch.iter(|| ndops::add_into(black_box(&a), black_box(&b), &mut out).unwrap())
        });
        g.bench_with_input(BenchmarkId::new("assign", n), &n, |bch, _| {
            bch.iter(|| out += black_box(&b))
        });
    }
    g.finish();
}

fn layouts(c: &mut Criterion) {
    let mut g = c.benchmark_group("add_layout_1e6");
    let a = arange(1e6).into_shape([1000, 1000]).unwrap();
    let b = arange(1e6).into_shape([1000, 1000]).unwrap();
    let row = arange(1000.0);
    let col = arange(1000.0).into_shape([1000, 1]).unwrap();
    g.throughput(Throughput::Elements(1_000_000));
    g.bench_function("contiguous", |bch| bch.iter(|| black_box(&a + &b)));
    g.bench_function("bcast_row", |bch| bch.iter(|| black_box(&a + &row)));
    g.bench_function("bcast_col", |bch| bch.iter(|| black_box(&a + &col)));
    g.bench_function("transposed", |bch| bch.iter(|| black_box(&a + &b.t())));
    g.bench_function("both_transposed", |bch| {
        bch.iter(|| black_box(&a.t() + &b.t()))
    });
    let every_other = arange(2e6);
    let s = every_other.slice(&[Slice::new(None, None, 2).into()]);
    let s = s.into_shape([1000, 1000]).unwrap();
    g.bench_function("strided", |bch| bch.iter(|| black_box(&a + &s)));
    g.bench_function("scalar", |bch| bch.iter(|| black_box(&a * 3.0)));
    g.finish();
}

fn simd_levels(c: &mut Criterion) {
    let mut g = c.benchmark_group("simd_1e4");
    let x = arange(10_000.0f64);
    let y = arange(10_000.0f32);
    let best = detected_simd_level();
    for level in [SimdLevel::Baseline, SimdLevel::Avx2, SimdLevel::Avx512] {
        if level > best {
            continue;
        }
        let name = format!("{level:?}");
        g.bench_function(BenchmarkId::new("sqrt_f64", &name), |bch| {
            set_simd_level(level);
            bch.iter(|| black_box(ndops::sqrt(black_box(&x))))
        });
        g.bench_function(BenchmarkId::new("sqrt_f32", &name), |bch| {
            set_simd_level(level);
            bch.iter(|| black_box(ndops::sqrt(black_box(&y))))
        });
        g.bench_function(BenchmarkId::new("fx_f64", &name), |bch| {
            set_simd_level(level);
            bch.iter(|| {
                let x = black_box(&x);
                black_box(x * x - 3.0 * x + 4.0)
            })
        });
        g.bench_function(BenchmarkId::new("lt_f64", &name), |bch| {
            set_simd_level(level);
            bch.iter(|| black_box(black_box(&x).lt(5000.0).unwrap()))
        });
    }
    set_simd_level(best);
    g.finish();
}

fn paper(c: &mut Criterion) {
    let mut g = c.benchmark_group("paper");
    for n in [100_000usize, 10_000_000] {
        let x = arange(n as f64);
        g.bench_with_input(BenchmarkId::new("fx", n), &n, |bch, _| {
            bch.iter(|| {
                let x = black_box(&x);
                black_box(x * x - 3.0 * x + 4.0)
            })
        });
    }
    let v = arange_with(-100.0f64, 100.0, 1.0).unwrap();
    let i = v.clone().into_shape([200, 1, 1]).unwrap();
    let j = v.clone().into_shape([1, 200, 1]).unwrap();
    let k = v.into_shape([1, 1, 200]).unwrap();
    g.bench_function("grid_ogrid_200", |bch| {
        bch.iter(|| black_box(ndops::sqrt(&i * &i + &j * &j + &k * &k)))
    });
    let x = arange(1000.0f64);
    let y = &x * &x;
    g.bench_function("diff_1000", |bch| {
        bch.iter(|| {
            let (x, y) = black_box((&x, &y));
            let dy = &y.slice(s![1..]) - &y.slice(s![..-1]);
            black_box(dy / &(&x.slice(s![1..]) - &x.slice(s![..-1])))
        })
    });
    // The same with the four views made once: what the slicing itself costs.
    let (y1, y0) = (y.slice(s![1..]), y.slice(s![..-1]));
    let (x1, x0) = (x.slice(s![1..]), x.slice(s![..-1]));
    g.bench_function("diff_1000_views_made", |bch| {
        bch.iter(|| {
            let (x1, x0, y1, y0) = black_box((&x1, &x0, &y1, &y0));
            black_box((y1 - y0) / &(x1 - x0))
        })
    });
    // One fused loop over the four slices (`zip_map_n`): no temporaries.
    g.bench_function("diff_1000_fused", |bch| {
        bch.iter(|| {
            let (x, y) = black_box((&x, &y));
            let (y1, y0) = (y.slice(s![1..]), y.slice(s![..-1]));
            let (x1, x0) = (x.slice(s![1..]), x.slice(s![..-1]));
            black_box(ndops::zip_map_n([&y1, &y0, &x1, &x0], |[a, b, c, d]| {
                (a - b) / (c - d)
            }))
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    targets = contiguous, layouts, simd_levels, paper
}
criterion_main!(benches);
