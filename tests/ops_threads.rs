//! Eager element-wise work on several threads: large outputs are cut into slabs, one per
//! thread. The result must not depend on the thread count (1, 2 or 3 threads give the
//! same bits as a plain loop), on any layout: transposed, broadcast, reversed, strided,
//! in place, with streamed stores or cached ones. One test function: the thread count
//! and the streaming threshold are process-wide.

use ndcore::ops::{map, map_inplace, set_stream_threshold, zip_map, zip_map_into};
use ndcore::prelude::*;
use ndcore::threads;
use std::sync::atomic::{AtomicBool, Ordering};

/// A value for index `i` whose sums and products are exact in no simple pattern.
fn val(i: usize) -> f64 {
    ((i * 2_654_435_761) % 1_000_003) as f64 / 7.0 - 3.5
}

fn bits<D: Dimension>(a: &ArrayRef<f64, D>) -> Vec<u64> {
    a.iter().map(|x| x.to_bits()).collect()
}

/// Every result of one pass, as bits, for comparing across thread counts.
fn results() -> Vec<(String, Vec<u64>)> {
    let mut out = Vec::new();
    let mut push = |name: &str, v: Vec<u64>| out.push((name.to_string(), v));

    // 1-D, contiguous, odd length (cuts land mid-line unless aligned).
    let n = 300_001;
    let a = Array::from_vec((0..n).map(val).collect::<Vec<_>>());
    let b = Array::from_vec((0..n).map(|i| val(i + 17)).collect::<Vec<_>>());
    let s = &a + &b;
    assert!(
        s.iter()
            .enumerate()
            .all(|(i, &x)| x == val(i) + val(i + 17))
    );
    push("add", bits(&s));
    // Offset by one element: the output is fresh, the inputs misaligned.
    let v = a.slice(s![1..]);
    push("add_offset", bits(&(&v * &b.slice(s![..n - 1]))));
    // Reversed and strided inputs.
    let r = &a.slice(s![..;-1]) - &b;
    assert!(
        r.iter()
            .enumerate()
            .all(|(i, &x)| x == val(n - 1 - i) - val(i + 17))
    );
    push("reversed", bits(&r));
    let big = Array::from_vec((0..3 * n).map(val).collect::<Vec<_>>());
    push("strided", bits(&(&big.slice(s![..;3]) * 2.0)));
    // Scalars on either side, and a unary map.
    push("scalar", bits(&(1.5 - &a)));
    push("map", bits(&map(&a, |x| x * x + 1.0)));

    // 2-D: C order, transposed input, F-order result, broadcasting rows and columns.
    let (p, q) = (601, 703);
    let m = Array::from_vec((0..p * q).map(val).collect::<Vec<_>>())
        .into_shape([p, q])
        .unwrap();
    let mt = Array::from_vec((0..p * q).map(|i| val(i + 5)).collect::<Vec<_>>())
        .into_shape([q, p])
        .unwrap();
    let t = &m + &mt.t();
    for &(i, j) in &[(0, 0), (p - 1, q - 1), (300, 1), (17, 650)] {
        assert_eq!(t[[i, j]], val(i * q + j) + val(j * p + i + 5));
    }
    push("transposed", bits(&t));
    push("f_order", bits(&(&m.t() * &mt)));
    let row = Array::from_vec((0..q).map(val).collect::<Vec<_>>());
    let col = Array::from_vec((0..p).map(val).collect::<Vec<_>>())
        .into_shape([p, 1])
        .unwrap();
    let rc = &row + &col;
    assert_eq!(rc[[p - 1, q - 1]], val(q - 1) + val(p - 1));
    push("row_col", bits(&rc));
    push("bcast_row", bits(&(&m - &row)));
    // The first axis shorter than the thread count: the cut goes along the second.
    let w = Array::from_vec((0..2 * 200_003).map(val).collect::<Vec<_>>())
        .into_shape([2, 200_003])
        .unwrap();
    push("two_rows", bits(&(&w * &w)));
    // 3-D with a length-1 axis first, a reversed middle axis.
    let c = Array::from_vec((0..400 * 700).map(val).collect::<Vec<_>>())
        .into_shape([1, 400, 700])
        .unwrap();
    push("three_d", bits(&(&c.slice(s![.., ..;-1, ..]) + &c)));

    // Promotion (i32 with f64), integer results, an into form and in-place forms.
    let k = Array::from_vec((0..n as i32).collect::<Vec<_>>());
    push("promoted", bits(&(&k + &a)));
    let ik = zip_map(&k, &k, |x, y| x.wrapping_mul(y) ^ x).unwrap();
    assert!(
        ik.iter()
            .enumerate()
            .all(|(i, &x)| x == (i as i32).wrapping_mul(i as i32) ^ i as i32)
    );
    let mut o = Array::<f64, _>::zeros([p, q]);
    zip_map_into(&m, &row, &mut o, |x, y| x * y - 1.0).unwrap();
    push("into", bits(&o));
    let mut ot = Array::<f64, _>::zeros([q, p]);
    zip_map_into(m.t(), &mt, &mut ot, |x, y| x + y).unwrap();
    push("into_same", bits(&ot));
    let mut inplace = m.clone();
    inplace += &row;
    push("iadd_bcast", bits(&inplace));
    let mut tin = m.clone();
    {
        let mut tv = tin.view_mut().reversed_axes();
        tv *= &mt;
    }
    push("imul_transposed", bits(&tin));
    let mut mi = a.clone();
    map_inplace(&mut mi, |x| x / 3.0);
    push("map_inplace", bits(&mi));
    out
}

#[test]
fn any_thread_count_gives_the_same_bits() {
    for threshold in [32 << 20, 0] {
        set_stream_threshold(threshold);
        threads::set_num_threads(1);
        let one = results();
        for n in [2, 3] {
            threads::set_num_threads(n);
            let many = results();
            for ((name, x), (_, y)) in one.iter().zip(&many) {
                assert!(
                    x == y,
                    "{name}: {n} threads differ from one (threshold {threshold})"
                );
            }
        }
    }
    set_stream_threshold(32 << 20);

    // The work really is shared: a large loop runs (partly) on nd's pool threads, a small
    // one only on the calling thread.
    let on_pool = |len: usize| {
        let seen = AtomicBool::new(false);
        let a = Array::from_vec(vec![1.0f64; len]);
        let r = map(&a, |x| {
            if std::thread::current()
                .name()
                .is_some_and(|s| s.starts_with("nd-"))
            {
                seen.store(true, Ordering::Relaxed);
            }
            x + 1.0
        });
        assert!(r.iter().all(|&x| x == 2.0));
        seen.load(Ordering::Relaxed)
    };
    threads::set_num_threads(2);
    assert!(on_pool(400_000));
    assert!(!on_pool(1000));
    threads::set_num_threads(1);
    assert!(!on_pool(400_000));
    threads::set_num_threads(0);
}
