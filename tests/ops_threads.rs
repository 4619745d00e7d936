//! Eager element-wise work on several threads: large outputs are cut into slabs, one per
//! thread. The result must not depend on the thread count (1, 2 or 3 threads give the
//! same bits as a plain loop), on any layout: transposed, broadcast, reversed, strided,
//! in place, with streamed stores or cached ones. Full reductions of long runs split
//! among the threads too, with the bits of one thread (float sums along NumPy's own
//! pairwise halving). One test function: the thread count and the streaming threshold are
//! process-wide.

use ndcore::ops::{map, map_inplace, set_stream_threshold, zip_map, zip_map_into};
use ndcore::prelude::*;
use ndcore::threads;
use ndops::reduce::Reduce;
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

/// NumPy's pairwise summation (`pairwise_sum` in its loops), written plainly: the bits
/// `np.add.reduce` gives for a contiguous run.
fn numpy_pairwise(a: &[f64]) -> f64 {
    let n = a.len();
    if n < 8 {
        a.iter().fold(-0.0, |s, &x| s + x)
    } else if n <= 128 {
        let mut r = [0.0; 8];
        r.copy_from_slice(&a[..8]);
        let mut i = 8;
        while i < n - n % 8 {
            for j in 0..8 {
                r[j] += a[i + j];
            }
            i += 8;
        }
        let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for &x in &a[i..] {
            res += x;
        }
        res
    } else {
        let n2 = n / 2 - (n / 2) % 8;
        numpy_pairwise(&a[..n2]) + numpy_pairwise(&a[n2..])
    }
}

/// Full reductions of long runs (contiguous, strided, reversed), as bits, each checked
/// against a plain computation.
fn reductions() -> Vec<(String, Vec<u64>)> {
    let mut out = Vec::new();
    let mut push = |name: &str, v: u64| out.push((name.to_string(), vec![v]));
    let n = (1 << 19) + 13;
    let a = Array::from_vec((0..n).map(|i| val(i) * 1e-3 + 1e3).collect::<Vec<_>>());
    let plain = |v: &[f64]| 0.0 + numpy_pairwise(v);
    let sum = a.sum();
    assert_eq!(sum.to_bits(), plain(a.as_slice().unwrap()).to_bits());
    push("sum", sum.to_bits());
    let rev = a.slice(s![..;-1]);
    let rv: Vec<f64> = rev.iter().copied().collect();
    assert_eq!(rev.sum().to_bits(), plain(&rv).to_bits());
    push("sum_reversed", rev.sum().to_bits());
    let st = a.slice(s![1..;3]);
    let sv: Vec<f64> = st.iter().copied().collect();
    assert_eq!(st.sum().to_bits(), plain(&sv).to_bits());
    push("sum_strided", st.sum().to_bits());
    let mean = a.mean();
    assert_eq!(
        mean.to_bits(),
        (plain(a.as_slice().unwrap()) / n as f64).to_bits()
    );
    push("mean", mean.to_bits());
    push("var", a.var(1.0).to_bits());
    let f: Array1<f32> = a.map(|&x| x as f32);
    push("sum_f32", u64::from(f.sum().to_bits()));
    // NumPy adds the sum of -0.0s to its identity, 0.0: `np.full(n, -0.0).sum()` is 0.0.
    let z = Array::from_vec(vec![-0.0f64; n]);
    assert_eq!(z.sum().to_bits(), 0.0f64.to_bits());
    push("sum_neg_zero", z.sum().to_bits());

    // Integers wrap, in any order; counts.
    let k = Array::from_vec(
        (0..n as i64)
            .map(|i| i * 7_919 - 1_000_000)
            .collect::<Vec<_>>(),
    );
    let ks = (0..n as i64).fold(0i64, |s, i| s.wrapping_add(i * 7_919 - 1_000_000));
    assert_eq!(k.sum(), ks);
    push("sum_i64", k.sum() as u64);
    // Odd factors, so that the wrapping product never becomes 0.
    let odd = k.map(|&x| x | 1);
    let kp = odd.slice(s![..;-5]).prod();
    let kpv = odd
        .slice(s![..;-5])
        .iter()
        .fold(1i64, |p, &x| p.wrapping_mul(x));
    assert_eq!(kp, kpv);
    push("prod_i64", kp as u64);
    let u = Array::from_vec((0..n).map(|i| (i % 251) as u8).collect::<Vec<_>>());
    assert_eq!(u.sum(), (0..n).map(|i| (i % 251) as u64).sum::<u64>());
    push("sum_u8", u.sum());
    assert_eq!(u.count_nonzero(), (0..n).filter(|i| i % 251 != 0).count());

    // Extremes: the value, the first nan, and which zero when the extreme is a zero.
    let mut e: Vec<f64> = (0..n).map(|i| -(val(i).abs()) - 1.0).collect();
    for i in (0..n).step_by(40_001) {
        e[i] = if (i / 40_001) % 2 == 0 { 0.0 } else { -0.0 };
    }
    let e = Array::from_vec(e);
    let emax = e.max().unwrap();
    assert_eq!(emax, 0.0);
    push("max_zero", emax.to_bits());
    push("min", e.min().unwrap().to_bits());
    let mut w = e.clone();
    w[[n - 100]] = f64::NAN;
    w[[n - 50]] = -f64::NAN;
    let wmax = w.max().unwrap();
    assert!(wmax.is_nan());
    assert_eq!(
        wmax.to_bits(),
        f64::NAN.to_bits(),
        "the first nan is the result"
    );
    push("max_nan", wmax.to_bits());
    push("min_nan", w.min().unwrap().to_bits());

    // Axis reductions: the result cut into slabs along a kept axis, each element folded as
    // on one thread (rows accumulated pairwise, runs summed pairwise, in NumPy's order).
    let mut push_all = |name: &str, r: ArrayD<f64>| {
        out.push((name.to_string(), r.iter().map(|x| x.to_bits()).collect()))
    };
    let (p, q) = (601, 703);
    let m = Array::from_vec((0..p * q).map(|i| val(i) + 10.0).collect::<Vec<_>>())
        .into_shape([p, q])
        .unwrap();
    let rows = m.sum_axis(Axis(1)).unwrap();
    for i in [0, 17, p - 1] {
        let row: Vec<f64> = m.slice(s![i, ..]).iter().copied().collect();
        assert_eq!(rows[[i]].to_bits(), plain(&row).to_bits(), "row {i}");
    }
    push_all("sum_axis1", rows.into_dyn());
    push_all("sum_axis0", m.sum_axis(Axis(0)).unwrap().into_dyn());
    push_all("sum_axis0_t", m.t().sum_axis(Axis(0)).unwrap().into_dyn());
    push_all("mean_axis0", m.mean_axis(Axis(0)).unwrap().into_dyn());
    push_all("max_axis1", m.max_axis(Axis(1)).unwrap().into_dyn());
    let c = m.clone().into_shape([p, 19, 37]).unwrap();
    push_all("sum_middle", c.sum_axis(Axis(1)).unwrap().into_dyn());
    push_all(
        "sum_outer_inner",
        c.slice(s![..;-1, .., ..]).sum_axes([0, 2], false).unwrap(),
    );
    let strided = m.slice(s![.., ..;2]);
    push_all(
        "sum_strided_axis0",
        strided.sum_axis(Axis(0)).unwrap().into_dyn(),
    );
    push_all("var_axis1", m.var_axis(Axis(1), 0.0).unwrap().into_dyn());
    out
}

#[test]
fn any_thread_count_gives_the_same_bits() {
    threads::set_num_threads(1);
    let one = reductions();
    for n in [2, 3] {
        threads::set_num_threads(n);
        for ((name, x), (_, y)) in one.iter().zip(&reductions()) {
            assert!(x == y, "{name}: {n} threads differ from one");
        }
    }

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
