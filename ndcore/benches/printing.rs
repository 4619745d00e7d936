//! Criterion benchmarks of printing: `repr` of 1000-element arrays (printed in full) against
//! 10⁷-element ones (summarized from their corners), and NumPy's float formatting of one
//! value.
//!
//! `cargo bench -p ndcore --bench printing [-- FILTER]`. Summarization must not walk the
//! array: `repr_1e7` should cost about what `repr_1e3` costs, or less (it prints 6 values).

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ndcore::fmt::{FloatStyle, format_float_positional};
use ndcore::prelude::*;
use std::hint::black_box;
use std::time::Duration;

fn repr_sizes(c: &mut Criterion) {
    let mut g = c.benchmark_group("repr");
    for n in [1_000usize, 10_000_000] {
        let f = linspace(0.0, 1.0, n);
        let i = arange(n as i64);
        g.bench_with_input(BenchmarkId::new("f64_linspace", n), &n, |b, _| {
            b.iter(|| black_box(format!("{:?}", black_box(&f))))
        });
        g.bench_with_input(BenchmarkId::new("i64_arange", n), &n, |b, _| {
            b.iter(|| black_box(format!("{:?}", black_box(&i))))
        });
    }
    // 10^6 elements as a 1000×1000 matrix and its transpose (strided corners).
    let m = linspace(-1.0, 1.0, 1_000_000)
        .into_shape([1000, 1000])
        .unwrap();
    g.bench_function("f64_1000x1000", |b| {
        b.iter(|| black_box(format!("{:?}", black_box(&m))))
    });
    g.bench_function("f64_1000x1000_T", |b| {
        b.iter(|| black_box(format!("{:?}", black_box(&m).t())))
    });
    // 10^12 elements that are one value seen through stride 0: only a walk-free printer can.
    let one = Array::from_vec(vec![2.5f64]);
    let huge = one.broadcast_to([1_000_000, 1_000_000]).unwrap();
    g.bench_function("f64_bcast_1e12", |b| {
        b.iter(|| black_box(format!("{:?}", black_box(&huge))))
    });
    g.finish();
}

fn float_digits(c: &mut Criterion) {
    let mut g = c.benchmark_group("format_float_positional");
    let style = FloatStyle::default();
    g.bench_function("shortest", |b| {
        b.iter(|| format_float_positional(black_box(0.1f64 / 3.0), &style))
    });
    let rounded = FloatStyle {
        precision: Some(8),
        ..style
    };
    g.bench_function("precision_8", |b| {
        b.iter(|| format_float_positional(black_box(0.1f64 / 3.0), &rounded))
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2))
        .sample_size(20);
    targets = repr_sizes, float_digits
}
criterion_main!(benches);
