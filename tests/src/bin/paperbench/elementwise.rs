//! More: large binary operations against memory bandwidth (contiguous, into an existing
//! array, broadcast, transposed), each with an `Nd` form (the nd crates, written as a
//! NumPy user would) and, where it teaches something, a `Loop` form.

use std::hint::black_box;

use ndcore::prelude::*;

use crate::harness::Bench;

/// `a + b` of two contiguous arrays of `n` f64 into a new array.
pub fn add(n: usize) -> Bench {
    let a = arange(n as f64);
    let b = arange(n as f64);
    Box::new(move || {
        black_box(black_box(&a) + black_box(&b));
    })
}

/// The bandwidth reference: `c[i] = a[i] + b[i]` into an existing buffer (no allocation),
/// a plain loop over the same memory nd's arrays use (pool buffers, huge pages).
pub fn add_loop(n: usize) -> Bench {
    let a = arange(n as f64);
    let b = arange(n as f64);
    let mut c = Array::<f64, _>::zeros(n);
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
pub fn add_out(n: usize) -> Bench {
    let a = arange(n as f64);
    let b = arange(n as f64);
    let mut c = Array::<f64, _>::zeros(n);
    Box::new(move || {
        ndops::add_into(black_box(&a), black_box(&b), &mut c).expect("same shapes");
        black_box(&mut c);
    })
}

/// Copying `n` f64 (`memcpy`) between buffers like nd's (NumPy: `np.copyto(c, a)`).
pub fn copy_loop(n: usize) -> Bench {
    let a = arange(n as f64);
    let mut c = Array::<f64, _>::zeros(n);
    Box::new(move || {
        let a = black_box(&a).as_slice().expect("contiguous");
        c.as_slice_mut().expect("contiguous").copy_from_slice(a);
        black_box(&mut c);
    })
}

const BIG: usize = 10_000_000;

/// `a + row` with `a` of shape (1000, 10000) and `row` of shape (10000,): the row repeats
/// with stride 0.
pub fn add_bcast(_: usize) -> Bench {
    let a = arange(BIG as f64).into_shape([1000, 10_000]).expect("1e7");
    let row = arange(10_000.0f64);
    Box::new(move || {
        black_box(black_box(&a) + black_box(&row));
    })
}

pub fn add_bcast_loop(_: usize) -> Bench {
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
pub fn add_bcast_col(_: usize) -> Bench {
    let a = arange(BIG as f64).into_shape([1000, 10_000]).expect("1e7");
    let col = arange(1000.0f64).into_shape([1000, 1]).expect("1000");
    Box::new(move || {
        black_box(black_box(&a) + black_box(&col));
    })
}

/// `a + b.T` with `a` of shape (2500, 4000) and `b` of shape (4000, 2500): one operand
/// walks across its rows.
pub fn add_transposed(_: usize) -> Bench {
    let a = arange(BIG as f64).into_shape([2500, 4000]).expect("1e7");
    let b = arange(BIG as f64).into_shape([4000, 2500]).expect("1e7");
    Box::new(move || {
        black_box(black_box(&a) + &black_box(&b).t());
    })
}

pub fn add_transposed_loop(_: usize) -> Bench {
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
