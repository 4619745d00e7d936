//! Every product against its naive definition, for every element type, every layout and
//! shapes from empty to large enough for the packing kernels (and BLAS, when the `blas`
//! feature is on: `cargo test -p ndlinalg --features blas,openblas`).

mod common;

use common::{Draw, LAYOUTS, Layout, Rng, dot_ref, matmul_ref, with_layout};
use ndcore::prelude::*;
use ndlinalg::{LinalgScalar, dot, inner, matmul, matmul_into, outer, vdot};
use proptest::prelude::*;

/// Sizes around every threshold: empty, 1, odd, the direct kernel's 16, the blocks of 64.
const DIMS: [usize; 12] = [0, 1, 2, 3, 5, 7, 16, 17, 31, 64, 65, 130];

fn check_matmul<T: Draw>(ash: &[usize], bsh: &[usize], la: Layout, lb: Layout, rng: &mut Rng) {
    with_layout::<T, _>(ash, la, rng, |a| {
        with_layout::<T, _>(bsh, lb, &mut Rng::new(ash.len() as u64 + 7), |b| {
            let (shape, want) = matmul_ref(&a, &b);
            let got = matmul(&a, &b).unwrap();
            assert_eq!(got.shape(), &shape[..], "{ash:?}@{bsh:?} {la:?} {lb:?}");
            assert!(
                got.to_vec() == want,
                "{ash:?}@{bsh:?} {la:?} {lb:?}: {:?} != {:?}",
                got.to_vec(),
                want
            );
        })
    })
}

fn check_dot<T: Draw>(ash: &[usize], bsh: &[usize], la: Layout, lb: Layout, rng: &mut Rng) {
    with_layout::<T, _>(ash, la, rng, |a| {
        with_layout::<T, _>(bsh, lb, &mut Rng::new(bsh.len() as u64 + 3), |b| {
            let (shape, want) = dot_ref(&a, &b);
            let got = dot(&a, &b).unwrap();
            assert_eq!(got.shape(), &shape[..], "dot {ash:?}·{bsh:?} {la:?} {lb:?}");
            assert!(got.to_vec() == want, "dot {ash:?}·{bsh:?} {la:?} {lb:?}");
        })
    })
}

fn all_types_matmul(ash: &[usize], bsh: &[usize], la: Layout, lb: Layout, seed: u64) {
    let rng = &mut Rng::new(seed);
    check_matmul::<f64>(ash, bsh, la, lb, rng);
    check_matmul::<f32>(ash, bsh, la, lb, rng);
    check_matmul::<i64>(ash, bsh, la, lb, rng);
    check_matmul::<i8>(ash, bsh, la, lb, rng);
    check_matmul::<u16>(ash, bsh, la, lb, rng);
    check_matmul::<bool>(ash, bsh, la, lb, rng);
}

#[test]
fn matrices_of_every_size_and_layout() {
    let mut seed = 1;
    for &(m, k, n) in &[
        (0, 3, 4),
        (3, 0, 4),
        (3, 4, 0),
        (1, 1, 1),
        (2, 3, 5),
        (3, 3, 7),
        (7, 5, 130),
        (130, 3, 3),
        (17, 17, 17),
        (31, 65, 33),
        (65, 70, 17),
    ] {
        for la in LAYOUTS {
            for lb in LAYOUTS {
                seed += 1;
                check_matmul::<f64>(&[m, k], &[k, n], la, lb, &mut Rng::new(seed));
                check_matmul::<f32>(&[m, k], &[k, n], la, lb, &mut Rng::new(seed));
            }
            check_matmul::<i32>(&[m, k], &[k, n], la, Layout::C, &mut Rng::new(seed));
            check_matmul::<bool>(&[m, k], &[k, n], Layout::C, la, &mut Rng::new(seed));
        }
    }
}

#[test]
fn integer_and_bool_types() {
    for (i, &(m, k, n)) in [(3, 4, 5), (17, 33, 9), (70, 70, 70), (1, 200, 1)]
        .iter()
        .enumerate()
    {
        for la in [Layout::C, Layout::Transposed, Layout::Negative] {
            all_types_matmul(&[m, k], &[k, n], la, Layout::Stepped, i as u64);
        }
    }
    let rng = &mut Rng::new(5);
    check_matmul::<u8>(&[9, 40], &[40, 3], Layout::C, Layout::C, rng);
    check_matmul::<i16>(&[9, 40], &[40, 3], Layout::C, Layout::C, rng);
    check_matmul::<u32>(&[9, 40], &[40, 3], Layout::C, Layout::C, rng);
    check_matmul::<u64>(&[9, 40], &[40, 3], Layout::C, Layout::C, rng);
}

#[test]
fn vectors_and_batches() {
    let cases: &[(&[usize], &[usize])] = &[
        (&[5], &[5]),
        (&[0], &[0]),
        (&[300], &[300]),
        (&[5], &[5, 3]),
        (&[40], &[40, 70]),
        (&[3, 5], &[5]),
        (&[70, 40], &[40]),
        (&[2, 3, 4], &[4, 5]),
        (&[2, 3, 4], &[4]),
        (&[4], &[2, 4, 3]),
        (&[2, 1, 3, 4], &[5, 4, 6]),
        (&[1, 3, 4], &[6, 4, 2]),
        (&[0, 3, 4], &[4, 2]),
        (&[3, 20, 30], &[3, 30, 20]),
        (&[100, 3, 3], &[3, 3]),
        (&[4, 33, 20], &[20, 17]),
    ];
    for (i, (a, b)) in cases.iter().enumerate() {
        for la in LAYOUTS {
            for lb in [
                Layout::C,
                Layout::Transposed,
                Layout::Broadcast,
                Layout::Negative,
            ] {
                all_types_matmul(a, b, la, lb, i as u64);
            }
        }
    }
}

#[test]
fn dot_of_every_rank() {
    let cases: &[(&[usize], &[usize])] = &[
        (&[], &[]),
        (&[], &[2, 3]),
        (&[4, 2], &[]),
        (&[7], &[7]),
        (&[3, 7], &[7]),
        (&[7], &[7, 3]),
        (&[3, 7], &[7, 2]),
        (&[2, 3, 4], &[4]),
        (&[2, 3, 4], &[4, 5]),
        (&[2, 3, 4], &[3, 4, 2]),
        (&[2, 0, 4], &[3, 4, 2]),
        (&[40, 20], &[5, 20, 30]),
    ];
    for (i, (a, b)) in cases.iter().enumerate() {
        for la in LAYOUTS {
            for lb in LAYOUTS {
                check_dot::<f64>(a, b, la, lb, &mut Rng::new(i as u64));
            }
            check_dot::<i8>(a, b, la, Layout::C, &mut Rng::new(i as u64));
            check_dot::<bool>(a, b, Layout::C, la, &mut Rng::new(i as u64));
        }
    }
}

#[test]
fn inner_vdot_outer_by_definition() {
    let rng = &mut Rng::new(11);
    for la in LAYOUTS {
        with_layout::<i64, _>(&[3, 4, 5], la, rng, |a| {
            with_layout::<i64, _>(&[2, 5], Layout::Stepped, &mut Rng::new(2), |b| {
                let got = inner(&a, &b).unwrap();
                assert_eq!(got.shape(), &[3, 4, 2]);
                for idx in common::indices(&[3, 4, 2]) {
                    let want = (0..5).fold(0i64, |s, p| {
                        s.wrapping_add(
                            a[&[idx[0], idx[1], p][..]].wrapping_mul(b[&[idx[2], p][..]]),
                        )
                    });
                    assert_eq!(got[&idx[..]], want);
                }
            })
        });
        with_layout::<f64, _>(&[3, 4], la, rng, |a| {
            with_layout::<f64, _>(&[2, 6], Layout::Negative, &mut Rng::new(3), |b| {
                let want: f64 = a.iter().zip(b.iter()).map(|(x, y)| x * y).sum();
                assert_eq!(vdot(&a, &b).unwrap(), want);
                let o = outer(&a, &b).unwrap();
                assert_eq!(o.shape(), &[12, 12]);
                let (x, y) = (a.to_vec(), b.to_vec());
                for i in 0..12 {
                    for j in 0..12 {
                        assert_eq!(o[[i, j]], x[i] * y[j]);
                    }
                }
            })
        });
    }
    assert_eq!(
        outer(&Array::<f64, _>::zeros(0), &arange(3.0))
            .unwrap()
            .shape(),
        &[0, 3]
    );
}

/// Real-valued (not integer-valued) data through the fast kernels: equal to the naive
/// sums within rounding.
#[test]
fn rounding_stays_close() {
    let mut rng = Rng::new(99);
    let mut unit = || (rng.next() >> 11) as f64 / (1u64 << 53) as f64 - 0.5;
    for &(m, k, n) in &[(3, 3, 1000), (200, 150, 170), (1, 500, 1), (40, 1000, 1)] {
        let a = Array::from_fn([m, k], |_| unit());
        let b = Array::from_fn([k, n], |_| unit());
        let c = matmul(&a, &b).unwrap();
        for i in 0..m {
            for j in 0..n {
                let want: f64 = (0..k).map(|p| a[[i, p]] * b[[p, j]]).sum();
                assert!(
                    (c[[i, j]] - want).abs() <= 1e-12 * k as f64,
                    "{m}x{k}x{n} at {i},{j}"
                );
            }
        }
        let (a32, b32) = (a.cast::<f32>(), b.cast::<f32>());
        let c32 = matmul(&a32, &b32).unwrap();
        for (x, y) in c32.iter().zip(c.iter()) {
            assert!((*x as f64 - y).abs() <= 1e-5 * k as f64);
        }
    }
}

fn check_into<T: Draw>(m: usize, k: usize, n: usize, lc: Layout, alpha: T, beta: T, seed: u64) {
    let rng = &mut Rng::new(seed);
    let a = common::random::<T>(&[m, k], rng);
    let b = common::random::<T>(&[k, n], rng);
    let (_, ab) = matmul_ref(&a.view(), &b.view());
    let old = common::random::<T>(&[m, n], rng);
    // c in the requested layout, holding `old`.
    let mut base = match lc {
        Layout::Transposed => old.t().to_owned(),
        Layout::Stepped => Array::zeros(vec![2 * m + 1, 2 * n + 1]),
        _ => old.clone(),
    };
    let mut c = match lc {
        Layout::Transposed => base.view_mut().reversed_axes(),
        Layout::Stepped => {
            let s = SliceInfoElem::from(Slice::new(Some(1), None, 2));
            base.slice_mut(&[s, s])
        }
        _ => base.view_mut(),
    };
    c.assign(&old).unwrap();
    matmul_into(alpha, &a, &b, beta, &mut c).unwrap();
    let want: Vec<T> = ab
        .iter()
        .zip(old.iter())
        .map(|(&p, &o)| {
            let v = alpha.times(p);
            if beta == T::ZERO {
                v
            } else {
                v.plus(beta.times(o))
            }
        })
        .collect();
    assert!(c.to_vec() == want, "{m}x{k}x{n} {lc:?}");
}

#[test]
fn matmul_into_scales_and_accumulates() {
    let mut seed = 0;
    for &(m, k, n) in &[
        (3, 4, 5),
        (1, 40, 30),
        (30, 40, 1),
        (20, 3, 90),
        (70, 80, 90),
        (0, 3, 3),
        (3, 0, 3),
    ] {
        for lc in [Layout::C, Layout::Transposed, Layout::Stepped] {
            seed += 1;
            check_into::<f64>(m, k, n, lc, 1.0, 0.0, seed);
            check_into::<f64>(m, k, n, lc, 2.0, -1.0, seed);
            check_into::<f64>(m, k, n, lc, 0.0, 3.0, seed);
            check_into::<f32>(m, k, n, lc, -1.0, 1.0, seed);
            check_into::<i32>(m, k, n, lc, 3, 2, seed);
            check_into::<bool>(m, k, n, lc, true, true, seed);
        }
    }
}

/// With beta = 0 the old values of c are not read: NaN there does not propagate, on
/// every kernel path (direct, packing GEMM, matrix-vector).
#[test]
fn beta_zero_ignores_nan() {
    for &(m, k, n) in &[
        (3, 3, 3),
        (100, 100, 100),
        (100, 100, 1),
        (1, 100, 100),
        (2, 3, 500),
    ] {
        let a = Array::from_fn([m, k], |i| (i[0] + i[1]) as f64);
        let b = Array::from_fn([k, n], |i| (i[0] * 2 + i[1]) as f64);
        let mut c = Array::full([m, n], f64::NAN);
        matmul_into(1.0, &a, &b, 0.0, &mut c).unwrap();
        assert_eq!(c, matmul(&a, &b).unwrap());
        let mut ct = Array::full([n, m], f64::NAN);
        matmul_into(1.0, &a, &b, 0.0, &mut ct.view_mut().reversed_axes()).unwrap();
        assert_eq!(ct.t(), matmul(&a, &b).unwrap().view());
    }
}

#[test]
fn batched_matmul_into_with_extra_output_axes() {
    let a = Array::from_fn([2, 3, 4], |i| (i[0] * 12 + i[1] * 4 + i[2]) as i64);
    let b = Array::from_fn([4, 5], |i| (i[0] as i64) - (i[1] as i64));
    let mut c = Array::<i64, _>::zeros([3, 2, 3, 5]);
    matmul_into(1, &a, &b, 0, &mut c).unwrap();
    let one = matmul(&a, &b).unwrap();
    for t in 0..3 {
        assert_eq!(c.index_axis(Axis(0), t as isize).unwrap(), one.view());
    }
}

fn shape_strategy() -> impl Strategy<Value = (Vec<usize>, Vec<usize>)> {
    let dim = prop::sample::select(&DIMS[..]);
    let small = 0usize..4;
    (
        prop::collection::vec(small.clone(), 0..3),
        prop::collection::vec(small, 0..3),
        dim.clone(),
        dim.clone(),
        dim,
        0usize..4,
    )
        .prop_map(|(ba, bb, n, k, m, ones)| {
            let mut a = ba;
            let mut b = bb;
            // Keep batches broadcastable: where both have an axis, one of them is 1 or equal.
            let (la, lb) = (a.len(), b.len());
            for i in 0..la.min(lb) {
                let (ia, ib) = (la - 1 - i, lb - 1 - i);
                if a[ia] != b[ib] && a[ia] != 1 {
                    b[ib] = 1;
                }
            }
            match ones {
                0 => {
                    a.extend([n, k]);
                    b.extend([k, m]);
                }
                1 => {
                    a = vec![k];
                    b.extend([k, m]);
                }
                2 => {
                    a.extend([n, k]);
                    b = vec![k];
                }
                _ => {
                    a = vec![k];
                    b = vec![k];
                }
            }
            (a, b)
        })
        .prop_filter("keep the naive reference quick", |(a, b)| {
            a.iter().product::<usize>().max(1) * b.iter().product::<usize>().max(1) < 600_000
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn matmul_matches_naive((ash, bsh) in shape_strategy(), la in 0..7usize, lb in 0..7usize, seed in 0u64..1000) {
        let rng = &mut Rng::new(seed);
        check_matmul::<f64>(&ash, &bsh, LAYOUTS[la], LAYOUTS[lb], rng);
        check_matmul::<f32>(&ash, &bsh, LAYOUTS[la], LAYOUTS[lb], rng);
        check_matmul::<i16>(&ash, &bsh, LAYOUTS[la], LAYOUTS[lb], rng);
    }

    #[test]
    fn dot_matches_naive(ra in 0usize..4, rb in 0usize..4, k in prop::sample::select(&DIMS[..7]), la in 0..7usize, lb in 0..7usize, seed in 0u64..1000) {
        let rng = &mut Rng::new(seed);
        let mut ash: Vec<usize> = (0..ra).map(|_| 1 + rng.below(4)).collect();
        let mut bsh: Vec<usize> = (0..rb).map(|_| 1 + rng.below(4)).collect();
        if ra > 0 { ash[ra - 1] = k; }
        if rb == 1 { bsh[0] = k; } else if rb > 1 { bsh[rb - 2] = k; }
        check_dot::<f64>(&ash, &bsh, LAYOUTS[la], LAYOUTS[lb], rng);
        check_dot::<u8>(&ash, &bsh, LAYOUTS[la], LAYOUTS[lb], rng);
    }
}

#[test]
fn static_ranks_are_inferred() {
    let a = arange(6.0f64).into_shape([2, 3]).unwrap();
    let v = arange(3.0f64);
    let m: Array2<f64> = dot(&a, &a.t()).unwrap();
    let y: Array1<f64> = dot(&a, &v).unwrap();
    let s: f64 = dot(&v, &v).unwrap();
    let s2: f64 = matmul(&v, &v).unwrap();
    let z: Array1<f64> = matmul(&a.t(), &arange(2.0f64)).unwrap();
    let d: ArrayD<f64> = dot(&a.view().into_dyn(), &v).unwrap();
    let big: ArrayD<f64> = dot(
        &Array::<f64, _>::zeros([1, 1, 1, 2]),
        &Array::<f64, _>::zeros([1, 1, 1, 2, 1]),
    )
    .unwrap();
    assert_eq!(
        (m.shape(), y.shape(), s, s2, z.shape()),
        (&[2, 2][..], &[2][..], 5.0, 5.0, &[3][..])
    );
    assert_eq!((d.shape(), big.ndim()), (&[2][..], 7));
    let zero_d = Array::from_shape_vec([], vec![2.0f64]).unwrap();
    let scaled: Array2<f64> = dot(&zero_d, &a).unwrap();
    assert_eq!(scaled.to_vec(), vec![0., 2., 4., 6., 8., 10.]);
    // inner with a 0-d operand multiplies, keeping the other's axes in order.
    let scaled: Array2<f64> = inner(&zero_d, &a).unwrap();
    assert_eq!(
        (scaled.shape(), scaled.to_vec()),
        (&[2, 3][..], vec![0., 2., 4., 6., 8., 10.])
    );
}

#[test]
fn generic_over_element_type() {
    fn gram<T: LinalgScalar>(a: &ArrayRef<T, Ix2>) -> Array2<T> {
        matmul(a, &a.t()).unwrap()
    }
    assert_eq!(
        gram(&arange_with(0i8, 4, 1).unwrap().into_shape([2, 2]).unwrap()).to_vec(),
        vec![1, 3, 3, 13]
    );
    let b = Array::from_shape_vec([2, 2], vec![true, false, false, false]).unwrap();
    assert_eq!(gram(&b).to_vec(), vec![true, false, false, false]);
}
