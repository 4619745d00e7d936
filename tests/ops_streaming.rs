//! Outputs written with non-temporal (streaming) stores: large fresh outputs of the
//! element-wise drivers. The stores write whole 64-byte lines between a head and a tail
//! written normally, so every element size, length and misalignment is checked here
//! against plain loops, with the threshold lowered to 0 so small arrays stream too.
//! One test function: the threshold is process-wide.

use ndcore::ops::{set_stream_threshold, zip_map_n};
use ndcore::prelude::*;

/// Operators, scalars, `map` and `zip_map_n` over every length and head misalignment,
/// for one element type (`$make` turns an index into an element).
macro_rules! check_sizes {
    ($make:expr) => {{
        let make = $make;
        for n in [0usize, 1, 7, 31, 63, 64, 65, 127, 200, 1000] {
            for off in 0..9 {
                let owner = Array::from_vec((0..n + off).map(make).collect::<Vec<_>>());
                let v = owner.slice(s![off..]);
                let want: Vec<_> = v.iter().map(|&x| x + x).collect();
                assert_eq!((&v + &v).to_vec(), want, "n={n} off={off}");
                let three = make(3);
                let want: Vec<_> = v.iter().map(|&x| x * three).collect();
                assert_eq!((&v * three).to_vec(), want, "n={n} off={off}");
                let want: Vec<_> = v.iter().map(|&x| x * x + x).collect();
                let got = zip_map_n([&v, &v], |[x, y]| x * y + x).unwrap();
                assert_eq!(got.to_vec(), want, "n={n} off={off}");
                let got = ndcore::ops::map(&v, |x| x + x);
                assert_eq!(got.to_vec(), v.iter().map(|&x| x + x).collect::<Vec<_>>());
            }
        }
    }};
}

#[test]
fn streamed_outputs_equal_cached_ones() {
    // Above the default threshold (32 MiB): a real streamed `a + b` and a transposed one.
    // The default, whatever the environment says.
    set_stream_threshold(32 << 20);
    let n = (33 << 20) / 8;
    let a = arange(n as f64);
    let s = &a + &a;
    assert!(s.iter().enumerate().all(|(i, &v)| v == 2.0 * i as f64));
    let (p, q) = (2048, n / 2048);
    let m = arange((p * q) as f64).into_shape([p, q]).unwrap();
    let mt = arange((p * q) as f64).into_shape([q, p]).unwrap();
    let t = &m + &mt.t();
    for &(i, j) in &[
        (0, 0),
        (1, 0),
        (0, 1),
        (p - 1, q - 1),
        (7, 513),
        (1000, q / 2),
    ] {
        assert_eq!(t[[i, j]], (i * q + j) as f64 + (j * p + i) as f64);
    }

    // Every path with small arrays: element sizes 1, 2, 4, 8, every head misalignment.
    set_stream_threshold(0);
    check_sizes!(|k: usize| (k % 11) as u8);
    check_sizes!(|k: usize| (k % 100) as i16 - 50);
    check_sizes!(|k: usize| k as f32 * 0.5);
    check_sizes!(|k: usize| k as f64 * 0.25);
    check_sizes!(|k: usize| k as i64 - 5);
    // A transposed operand walked in tiles (rows longer than a tile), a broadcast row,
    // and a stride-2 operand, into fresh outputs.
    let (p, q) = (5, 1300);
    let a = Array::from_shape_vec([p, q], (0..p * q).map(|k| k as f64).collect()).unwrap();
    let bt = Array::from_shape_vec([q, p], (0..p * q).map(|k| 0.5 * k as f64).collect()).unwrap();
    let b = bt.t();
    let row = arange(q as f64).into_shape([1, q]).unwrap();
    let wide = arange((p * 2 * q) as f64).into_shape([p, 2 * q]).unwrap();
    let odd = wide.slice(s![.., ..;2]);
    let sum = &a + &b;
    let bsum = &b + &row;
    let osum = &odd - &b;
    let doubled = ndcore::ops::map(&odd, |x| x * 2.0);
    let fused = zip_map_n([&a.view(), &b, &row.view(), &odd], |[w, x, y, z]| {
        w * x - y + z
    })
    .unwrap();
    for i in 0..p {
        for j in 0..q {
            let (av, bv, rv, ov) = (a[[i, j]], bt[[j, i]], j as f64, wide[[i, 2 * j]]);
            assert_eq!(sum[[i, j]], av + bv);
            assert_eq!(bsum[[i, j]], bv + rv);
            assert_eq!(osum[[i, j]], ov - bv);
            assert_eq!(fused[[i, j]], av * bv - rv + ov);
            assert_eq!(doubled[[i, j]], 2.0 * ov);
        }
    }
    // Output rows whole cache lines apart: rows of the transposed operand read in pairs,
    // every element size, both operand orders, an odd number of rows.
    macro_rules! pairs {
        ($t:ty, $q:expr) => {{
            let (p, q) = (5usize, $q);
            let a = Array::from_shape_vec([p, q], (0..p * q).map(|k| (k % 97) as $t).collect())
                .unwrap();
            let bt = Array::from_shape_vec([q, p], (0..p * q).map(|k| (k % 89) as $t).collect())
                .unwrap();
            let (x, y) = (&a - &bt.t(), &bt.t() - &a);
            for i in 0..p {
                for j in 0..q {
                    assert_eq!(x[[i, j]], a[[i, j]] - bt[[j, i]], "{i} {j}");
                    assert_eq!(y[[i, j]], bt[[j, i]] - a[[i, j]], "{i} {j}");
                }
            }
        }};
    }
    pairs!(f64, 1304);
    pairs!(f32, 1312);
    pairs!(i16, 1312);
    pairs!(i64, 1304);
    // In-place and reused operands never stream (their lines are read anyway).
    let mut c = a.clone();
    c += &b;
    assert_eq!(c, sum);
    let reused = a.clone() + &b;
    assert_eq!(reused, sum);
}
