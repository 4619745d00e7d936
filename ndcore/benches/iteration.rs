//! Iteration over 1e6-element f64 arrays in every layout — contiguous, transposed, sliced
//! (`[::2, ::2]` of 2000×2000), negative strides — with static (`Ix2`/`Ix3`) and dynamic
//! (`IxDyn`) rank, each against a plain slice loop: element sums through `iter()` (whose
//! `fold` runs nested loops), and `fill` / `zip_mut_with` through the loop engine.
//!
//! Dynamic rank must cost what static rank costs on large arrays (ndarray users measured
//! 10× there, ndarray#1340): compare each `*_dyn` with its `*_ix2` / `*_ix3` twin.
//!
//! `cargo bench -p ndcore --bench iteration`; the figures are per 1e6 elements.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use ndcore::prelude::*;
use std::hint::black_box;
use std::time::Duration;

const N: usize = 1000;
const ELEMS: usize = N * N;

fn every(step: isize) -> SliceInfoElem {
    Slice::new(None, None, step).into()
}

/// `0, 1, 2, …` as f64 in a C-ordered array of `shape`.
fn ramp(shape: &[usize]) -> ArrayD<f64> {
    let n: usize = shape.iter().product();
    ArrayD::from_shape_vec(shape.to_vec(), (0..n).map(|i| i as f64).collect()).unwrap()
}

fn configure<'a>(
    c: &'a mut Criterion,
    name: &str,
) -> criterion::BenchmarkGroup<'a, criterion::measurement::WallTime> {
    let mut g = c.benchmark_group(name);
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2))
        .throughput(Throughput::Elements(ELEMS as u64));
    g
}

/// The layouts, each as (name, view of 1e6 elements); the owners live in `owners`.
struct Layouts {
    square: ArrayD<f64>,
    big: ArrayD<f64>,
    cube: ArrayD<f64>,
}

impl Layouts {
    fn new() -> Self {
        Layouts {
            square: ramp(&[N, N]),
            big: ramp(&[2 * N, 2 * N]),
            cube: ramp(&[100, 100, 100]),
        }
    }

    fn views(&self) -> Vec<(&'static str, ArrayViewD<'_, f64>)> {
        vec![
            ("contiguous", self.square.view()),
            ("transposed", self.square.t()),
            ("sliced", self.big.slice(&[every(2), every(2)])),
            ("negative", self.square.slice(&[every(-1), every(-1)])),
        ]
    }
}

fn sum(c: &mut Criterion) {
    let l = Layouts::new();
    let plain: Vec<f64> = (0..ELEMS).map(|i| i as f64).collect();
    let mut g = configure(c, "sum");
    g.bench_function("slice_loop", |b| {
        b.iter(|| black_box(&plain).iter().fold(0.0, |s, &x| s + x))
    });
    // The same walks written by hand over the flat buffer: what `iter` competes with.
    let sq = l.square.as_slice().unwrap();
    g.bench_function("transposed_index_loop", |b| {
        b.iter(|| {
            let v = black_box(sq);
            let mut s = 0.0;
            for j in 0..N {
                for i in 0..N {
                    s += v[i * N + j];
                }
            }
            s
        })
    });
    let big = l.big.as_slice().unwrap();
    g.bench_function("sliced_index_loop", |b| {
        b.iter(|| {
            let v = black_box(big);
            let mut s = 0.0;
            for i in (0..2 * N).step_by(2) {
                for j in (0..2 * N).step_by(2) {
                    s += v[i * 2 * N + j];
                }
            }
            s
        })
    });
    for (name, v) in l.views() {
        let s2 = v.clone().into_rank::<Ix2>().unwrap();
        g.bench_function(BenchmarkId::new(name, "ix2"), |b| {
            b.iter(|| black_box(&s2).iter().fold(0.0, |s, &x| s + x))
        });
        g.bench_function(BenchmarkId::new(name, "dyn"), |b| {
            b.iter(|| black_box(&v).iter().fold(0.0, |s, &x| s + x))
        });
    }
    let cube = l.cube.view();
    let cube_t = l.cube.permuted_axes(&[2, 0, 1]).unwrap();
    for (name, v) in [("cube", cube), ("cube_permuted", cube_t)] {
        let s3 = v.clone().into_rank::<Ix3>().unwrap();
        g.bench_function(BenchmarkId::new(name, "ix3"), |b| {
            b.iter(|| black_box(&s3).iter().sum::<f64>())
        });
        g.bench_function(BenchmarkId::new(name, "dyn"), |b| {
            b.iter(|| black_box(&v).iter().sum::<f64>())
        });
    }
    g.finish();
}

fn fill(c: &mut Criterion) {
    let mut square = ramp(&[N, N]);
    let mut big = ramp(&[2 * N, 2 * N]);
    let mut plain = vec![0.0f64; ELEMS];
    let mut g = configure(c, "fill");
    g.bench_function("slice_loop", |b| {
        b.iter(|| black_box(&mut plain[..]).fill(black_box(1.5)))
    });
    macro_rules! both_ranks {
        ($name:expr, $view:expr) => {{
            let mut v = $view;
            g.bench_function(BenchmarkId::new($name, "dyn"), |b| {
                b.iter(|| black_box(&mut v).fill(black_box(1.5)))
            });
            let mut s = v.into_rank::<Ix2>().unwrap();
            g.bench_function(BenchmarkId::new($name, "ix2"), |b| {
                b.iter(|| black_box(&mut s).fill(black_box(1.5)))
            });
        }};
    }
    both_ranks!("contiguous", square.view_mut());
    both_ranks!("transposed", square.view_mut().reversed_axes());
    both_ranks!("sliced", big.slice_mut(&[every(2), every(2)]));
    both_ranks!("negative", square.slice_mut(&[every(-1), every(-1)]));
    g.finish();
}

fn zip(c: &mut Criterion) {
    let mut square = ramp(&[N, N]);
    let mut big = ramp(&[2 * N, 2 * N]);
    let other = ramp(&[N, N]);
    let mut plain: Vec<f64> = (0..ELEMS).map(|i| i as f64).collect();
    let plain_other = plain.clone();
    let mut g = configure(c, "zip_mut_with");
    g.bench_function("slice_loop", |b| {
        b.iter(|| {
            for (x, y) in black_box(&mut plain[..]).iter_mut().zip(&plain_other) {
                *x += y;
            }
        })
    });
    let o2 = other.view().into_rank::<Ix2>().unwrap();
    macro_rules! both_ranks {
        ($name:expr, $view:expr) => {{
            let mut v = $view;
            g.bench_function(BenchmarkId::new($name, "dyn"), |b| {
                b.iter(|| {
                    black_box(&mut v)
                        .zip_mut_with(&other, |x, &y| *x += y)
                        .unwrap()
                })
            });
            let mut s = v.into_rank::<Ix2>().unwrap();
            g.bench_function(BenchmarkId::new($name, "ix2"), |b| {
                b.iter(|| {
                    black_box(&mut s)
                        .zip_mut_with(&o2, |x, &y| *x += y)
                        .unwrap()
                })
            });
        }};
    }
    both_ranks!("contiguous", square.view_mut());
    both_ranks!("transposed", square.view_mut().reversed_axes());
    both_ranks!("sliced", big.slice_mut(&[every(2), every(2)]));
    both_ranks!("negative", square.slice_mut(&[every(-1), every(-1)]));
    g.finish();
}

criterion_group!(benches, sum, fill, zip);
criterion_main!(benches);
