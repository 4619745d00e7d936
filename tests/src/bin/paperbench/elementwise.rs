//! Element-wise cases: the paper's `f(x)`, the `ogrid` distance grid, finite differences,
//! and large binary operations (contiguous, broadcast, transposed) against memory
//! bandwidth. Each has an `Nd` form (the nd crates, written as a NumPy user would) and a
//! `Loop` form (the plain Rust a user would write without them).

use std::hint::black_box;

use ndcore::prelude::*;
use ndops::sqrt;

use crate::harness::Bench;

/// `f(x) = x**2 - 3*x + 4` over `np.arange(n)`, eagerly: two buffers (the owned
/// temporaries are reused).
fn fx(n: usize) -> Bench {
    let x = arange(n as f64);
    Box::new(move || {
        let x = black_box(&x);
        black_box(x * x - 3.0 * x + 4.0);
    })
}

fn fx_loop(n: usize) -> Bench {
    let x: Vec<f64> = (0..n).map(|i| i as f64).collect();
    Box::new(move || {
        let y: Vec<f64> = black_box(&x)
            .iter()
            .map(|&v| v * v - 3.0 * v + 4.0)
            .collect();
        black_box(y);
    })
}

pub fn fx_1e5() -> Bench {
    fx(100_000)
}
pub fn fx_1e5_loop() -> Bench {
    fx_loop(100_000)
}
pub fn fx_1e7() -> Bench {
    fx(10_000_000)
}
pub fn fx_1e7_loop() -> Bench {
    fx_loop(10_000_000)
}

/// The paper's broadcast grid: `R = sqrt(i**2 + j**2 + k**2)` with `i`, `j`, `k` of
/// shapes (200,1,1), (1,200,1), (1,1,200) from `arange(-100, 100)`. One full-size
/// buffer: the sum is owned, so `sqrt` runs in place.
pub fn grid_ogrid_200() -> Bench {
    let v = arange_with(-100.0f64, 100.0, 1.0).expect("a valid range");
    let i = v.clone().into_shape([200, 1, 1]).expect("200 elements");
    let j = v.clone().into_shape([1, 200, 1]).expect("200 elements");
    let k = v.into_shape([1, 1, 200]).expect("200 elements");
    Box::new(move || {
        let (i, j, k) = black_box((&i, &j, &k));
        black_box(sqrt(i * i + j * j + k * k));
    })
}

pub fn grid_ogrid_200_loop() -> Bench {
    Box::new(|| {
        let mut r = vec![0.0f64; 200 * 200 * 200];
        let mut p = 0;
        for i in -100..100i64 {
            for j in -100..100i64 {
                for k in -100..100i64 {
                    r[p] = ((i * i + j * j + k * k) as f64).sqrt();
                    p += 1;
                }
            }
        }
        black_box(r);
    })
}

/// Forward divided differences of 1000 points: `(y[1:]-y[:-1])/(x[1:]-x[:-1])` with
/// `x = arange(1000.0)`, `y = x**2`.
pub fn diff_1000() -> Bench {
    let x = arange(1000.0f64);
    let y = &x * &x;
    Box::new(move || {
        let (x, y) = black_box((&x, &y));
        let dy = &y.slice(s![1..]) - &y.slice(s![..-1]);
        let dx = &x.slice(s![1..]) - &x.slice(s![..-1]);
        black_box(dy / &dx);
    })
}

/// The same differences as one fused loop (`ndcore::ops::zip_map_n`): the four slices
/// read together, one output written, no temporaries.
pub fn diff_1000_fused() -> Bench {
    let x = arange(1000.0f64);
    let y = &x * &x;
    Box::new(move || {
        let (x, y) = black_box((&x, &y));
        let (y1, y0) = (y.slice(s![1..]), y.slice(s![..-1]));
        let (x1, x0) = (x.slice(s![1..]), x.slice(s![..-1]));
        let d = ndcore::ops::zip_map_n([&y1, &y0, &x1, &x0], |[a, b, c, d]| (a - b) / (c - d));
        black_box(d.expect("same shapes"));
    })
}

pub fn diff_1000_loop() -> Bench {
    let x: Vec<f64> = (0..1000).map(|i| i as f64).collect();
    let y: Vec<f64> = x.iter().map(|v| v * v).collect();
    Box::new(move || {
        let (x, y) = black_box((&x, &y));
        let d: Vec<f64> = (0..999)
            .map(|i| (y[i + 1] - y[i]) / (x[i + 1] - x[i]))
            .collect();
        black_box(d);
    })
}

const BIG: usize = 10_000_000;

/// `a + b` of two contiguous 1e7 f64 arrays into a new array.
pub fn add_f64_1e7() -> Bench {
    let a = arange(BIG as f64);
    let b = arange(BIG as f64);
    Box::new(move || {
        black_box(black_box(&a) + black_box(&b));
    })
}

/// The bandwidth reference: `c[i] = a[i] + b[i]` into an existing buffer (no allocation),
/// a plain loop over the same memory nd's arrays use (pool buffers, huge pages), so that
/// nd's figure can be read as a fraction of what the machine streams.
pub fn add_f64_1e7_loop() -> Bench {
    let a = arange(BIG as f64);
    let b = arange(BIG as f64);
    let mut c = Array::<f64, _>::zeros(BIG);
    Box::new(move || {
        let (a, b) = black_box((&a, &b));
        let (a, b) = (
            a.as_slice().expect("contiguous"),
            b.as_slice().expect("contiguous"),
        );
        let c = c.as_slice_mut().expect("contiguous");
        for ((c, &a), &b) in c.iter_mut().zip(a).zip(b) {
            *c = a + b;
        }
        black_box(c);
    })
}

/// `a + b` written into an existing array (NumPy's `np.add(a, b, out=c)`).
pub fn add_f64_1e7_out() -> Bench {
    let a = arange(BIG as f64);
    let b = arange(BIG as f64);
    let mut c = Array::<f64, _>::zeros(BIG);
    Box::new(move || {
        ndops::add_into(black_box(&a), black_box(&b), &mut c).expect("same shapes");
        black_box(&mut c);
    })
}

/// Machine memory bandwidth: copying 80 MB (`memcpy`) between buffers like nd's.
pub fn copy_f64_1e7_loop() -> Bench {
    let a = arange(BIG as f64);
    let mut c = Array::<f64, _>::zeros(BIG);
    Box::new(move || {
        let a = black_box(&a).as_slice().expect("contiguous");
        c.as_slice_mut().expect("contiguous").copy_from_slice(a);
        black_box(&mut c);
    })
}

/// `a + row` with `a` of shape (1000, 10000) and `row` of shape (10000,): the row repeats
/// with stride 0.
pub fn add_bcast() -> Bench {
    let a = arange(BIG as f64).into_shape([1000, 10_000]).expect("1e7");
    let row = arange(10_000.0f64);
    Box::new(move || {
        black_box(black_box(&a) + black_box(&row));
    })
}

pub fn add_bcast_loop() -> Bench {
    let a: Vec<f64> = (0..BIG).map(|i| i as f64).collect();
    let row: Vec<f64> = (0..10_000).map(|i| i as f64).collect();
    Box::new(move || {
        let mut c = vec![0.0f64; BIG];
        for (c, a) in c
            .chunks_exact_mut(10_000)
            .zip(black_box(&a).chunks_exact(10_000))
        {
            for ((c, &a), &r) in c.iter_mut().zip(a).zip(black_box(&row)) {
                *c = a + r;
            }
        }
        black_box(c);
    })
}

/// `a + col` with `col` of shape (1000, 1): one value per row.
pub fn add_bcast_col() -> Bench {
    let a = arange(BIG as f64).into_shape([1000, 10_000]).expect("1e7");
    let col = arange(1000.0f64).into_shape([1000, 1]).expect("1000");
    Box::new(move || {
        black_box(black_box(&a) + black_box(&col));
    })
}

/// `a + b.T` with `a` of shape (2500, 4000) and `b` of shape (4000, 2500): one operand
/// walks across its rows.
pub fn add_transposed() -> Bench {
    let a = arange(BIG as f64).into_shape([2500, 4000]).expect("1e7");
    let b = arange(BIG as f64).into_shape([4000, 2500]).expect("1e7");
    Box::new(move || {
        black_box(black_box(&a) + &black_box(&b).t());
    })
}

pub fn add_transposed_loop() -> Bench {
    let a: Vec<f64> = (0..BIG).map(|i| i as f64).collect();
    let b = a.clone();
    Box::new(move || {
        let (a, b) = black_box((&a, &b));
        let mut c = vec![0.0f64; BIG];
        for i in 0..2500 {
            for j in 0..4000 {
                c[i * 4000 + j] = a[i * 4000 + j] + b[j * 2500 + i];
            }
        }
        black_box(c);
    })
}
