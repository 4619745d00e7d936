//! Property tests of the element-wise operations: random shapes, random layouts (negative
//! steps, steps of 2, transposes, stride-0 broadcasts, empty axes, 0-d) and random SIMD
//! levels, against a naive reference that reads every element by index arithmetic.

use ndcore::ops::{SimdLevel, detected_simd_level, set_simd_level};
use ndcore::prelude::*;
use proptest::prelude::*;

/// How to lay out an operand of a given shape: per axis a step (negative walks backwards,
/// 2 skips every other element of a larger owner), and a permutation of the owner's axes.
#[derive(Clone, Debug)]
struct Layout {
    steps: Vec<isize>,
    perm: Vec<usize>,
}

fn layout(ndim: usize) -> impl Strategy<Value = Layout> {
    (
        proptest::collection::vec(prop_oneof![Just(1isize), Just(-1), Just(2), Just(-2)], ndim),
        Just((0..ndim).collect::<Vec<_>>()).prop_shuffle(),
    )
        .prop_map(|(steps, perm)| Layout { steps, perm })
}

/// An owned array whose elements are distinct (`seed + 0.25 * k`), and the view of it
/// with `shape` and `layout`: `view[i] = owner[...]` through the steps and permutation.
fn build(shape: &[usize], lay: &Layout, seed: f64) -> ArrayD<f64> {
    let nd = shape.len();
    // Owner axis j becomes view axis perm[j].
    let owner_shape: Vec<usize> = (0..nd)
        .map(|j| shape[lay.perm[j]] * lay.steps[lay.perm[j]].unsigned_abs())
        .collect();
    let n: usize = owner_shape.iter().product();
    Array::from_shape_vec(
        owner_shape,
        (0..n).map(|k| seed + 0.25 * k as f64).collect(),
    )
    .unwrap()
}

fn steps(nd: usize, lay: &Layout) -> Vec<SliceInfoElem> {
    (0..nd)
        .map(|j| Slice::new(None, None, lay.steps[lay.perm[j]]).into())
        .collect()
}

/// Applies the inverse permutation with swaps: afterwards view axis i is owner axis inv[i].
fn permute<S: ndcore::storage::RawData>(v: &mut ArrayBase<S, IxDyn>, lay: &Layout) {
    let nd = lay.perm.len();
    let mut inv = vec![0; nd];
    for (j, &p) in lay.perm.iter().enumerate() {
        inv[p] = j;
    }
    let mut cur: Vec<usize> = (0..nd).collect();
    for (i, &want) in inv.iter().enumerate() {
        let k = cur.iter().position(|&c| c == want).unwrap();
        if k != i {
            v.swap_axes(i, k).unwrap();
            cur.swap(i, k);
        }
    }
}

fn view_of<'a>(owner: &'a ArrayD<f64>, lay: &Layout) -> ArrayViewD<'a, f64> {
    let mut v = owner
        .view()
        .slice_move(&steps(owner.ndim(), lay)[..])
        .unwrap();
    permute(&mut v, lay);
    v
}

/// The same view, writable.
fn view_mut_of<'a>(owner: &'a mut ArrayD<f64>, lay: &Layout) -> ArrayViewMut<'a, f64, IxDyn> {
    let nd = owner.ndim();
    let mut v = owner.view_mut().slice_move(&steps(nd, lay)[..]).unwrap();
    permute(&mut v, lay);
    v
}

/// Naive broadcasting: the result shape, or None.
fn naive_shape(a: &[usize], b: &[usize]) -> Option<Vec<usize>> {
    let n = a.len().max(b.len());
    let mut out = vec![0; n];
    for k in 0..n {
        let x = if k < n - a.len() {
            1
        } else {
            a[k - (n - a.len())]
        };
        let y = if k < n - b.len() {
            1
        } else {
            b[k - (n - b.len())]
        };
        out[k] = if x == y || y == 1 {
            x
        } else if x == 1 {
            y
        } else {
            return None;
        };
    }
    Some(out)
}

/// The element of `a` that broadcasts to index `idx` of a result of rank `idx.len()`.
fn at<T: Copy>(a: &ArrayRef<T, IxDyn>, idx: &[usize]) -> T {
    let lead = idx.len() - a.ndim();
    let i: Vec<usize> = a
        .shape()
        .iter()
        .enumerate()
        .map(|(k, &n)| if n == 1 { 0 } else { idx[lead + k] })
        .collect();
    a[&i[..]]
}

/// Every index of `shape` in C order.
fn indices(shape: &[usize]) -> Vec<Vec<usize>> {
    let n: usize = shape.iter().product();
    let mut out = Vec::with_capacity(n);
    let mut idx = vec![0; shape.len()];
    for _ in 0..n {
        out.push(idx.clone());
        for ax in (0..shape.len()).rev() {
            idx[ax] += 1;
            if idx[ax] < shape[ax] {
                break;
            }
            idx[ax] = 0;
        }
    }
    out
}

fn naive<T: Copy, U>(
    a: &ArrayRef<T, IxDyn>,
    b: &ArrayRef<T, IxDyn>,
    f: impl Fn(T, T) -> U,
) -> Option<(Vec<usize>, Vec<U>)> {
    let shape = naive_shape(a.shape(), b.shape())?;
    let v = indices(&shape)
        .iter()
        .map(|i| f(at(a, i), at(b, i)))
        .collect();
    Some((shape, v))
}

/// A result shape and two operand shapes that often (not always) broadcast to it: each a
/// suffix of it with some lengths replaced by 1, sometimes perturbed to fail.
fn shapes() -> impl Strategy<Value = (Vec<usize>, Vec<usize>)> {
    proptest::collection::vec(0usize..5, 0..=4).prop_flat_map(|full| {
        let n = full.len();
        let pick = move |full: Vec<usize>| {
            (0..=n, proptest::collection::vec(0u8..4, n)).prop_map(move |(k, r)| {
                full[n - k..]
                    .iter()
                    .zip(&r[n - k..])
                    .map(|(&d, &r)| match r {
                        0 => 1,
                        3 if d > 0 => d + 1,
                        _ => d,
                    })
                    .collect::<Vec<usize>>()
            })
        };
        (pick(full.clone()), pick(full))
    })
}

fn level() -> impl Strategy<Value = SimdLevel> {
    prop_oneof![
        Just(SimdLevel::Baseline),
        Just(SimdLevel::Avx2),
        Just(SimdLevel::Avx512)
    ]
}

/// Two operands with their layouts.
fn operands() -> impl Strategy<Value = (Vec<usize>, Layout, Vec<usize>, Layout, SimdLevel)> {
    shapes().prop_flat_map(|(sa, sb)| {
        (
            Just(sa.clone()),
            layout(sa.len()),
            Just(sb.clone()),
            layout(sb.len()),
            level(),
        )
    })
}

/// Half the cases write fresh outputs with streaming stores (threshold 0), the others
/// with ordinary ones: results must not differ. (Process-wide, like the SIMD level.)
fn stream_half(shape: &[usize]) {
    ndcore::ops::set_stream_threshold(if shape.len().is_multiple_of(2) {
        0
    } else {
        32 << 20
    });
}

fn check_f64(got: &ArrayRef<f64, IxDyn>, want: &(Vec<usize>, Vec<f64>)) {
    assert_eq!(got.shape(), &want.0[..]);
    let g: Vec<u64> = got.iter().map(|v| v.to_bits()).collect();
    let w: Vec<u64> = want.1.iter().map(|v| v.to_bits()).collect();
    assert_eq!(g, w);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn binary_operations_match_index_arithmetic((sa, la, sb, lb, lev) in operands()) {
        set_simd_level(lev.min(detected_simd_level()));
        stream_half(&sa);
        let (oa, ob) = (build(&sa, &la, 1.0), build(&sb, &lb, -3.0));
        let (a, b) = (view_of(&oa, &la), view_of(&ob, &lb));
        prop_assert_eq!(a.shape(), &sa[..]);
        let want = naive(&a, &b, |x, y| x - y);
        match &want {
            None => {
                prop_assert!(ndops::subtract(&a, &b).is_err());
                prop_assert!(a.lt(&b).is_err());
            }
            Some(w) => {
                check_f64(&(&a - &b), w);
                check_f64(&(a.to_owned() - &b), w);
                check_f64(&(&a - b.to_owned()), w);
                check_f64(&ndops::subtract(&a, &b).unwrap(), w);
                let m = naive(&a, &b, |x: f64, y: f64| if x > y { x } else { y }).unwrap();
                check_f64(&ndops::maximum(&a, &b).unwrap(), &m);
                let z = ndcore::ops::zip_map(&a, &b, |x: f64, y: f64| x * 2.0 + y).unwrap();
                check_f64(&z, &naive(&a, &b, |x: f64, y: f64| x * 2.0 + y).unwrap());
                let lt = a.lt(&b).unwrap();
                let wl = naive(&a, &b, |x: f64, y: f64| x < y).unwrap();
                prop_assert_eq!(lt.shape(), &wl.0[..]);
                prop_assert_eq!(lt.to_vec(), wl.1);
            }
        }
    }

    #[test]
    fn scalars_unary_and_explicit_broadcast_views((sa, la, _sb, _lb, lev) in operands()) {
        set_simd_level(lev.min(detected_simd_level()));
        stream_half(&sa);
        let oa = build(&sa, &la, 0.5);
        let a = view_of(&oa, &la);
        let want: Vec<f64> = a.iter().map(|&x| 3.0 * x + 1.0).collect();
        prop_assert_eq!((3.0 * &a + 1.0).to_vec(), want);
        let neg: Vec<f64> = a.iter().map(|&x| -x).collect();
        prop_assert_eq!((-&a).to_vec(), neg.clone());
        prop_assert_eq!((-a.to_owned()).to_vec(), neg);
        let sq: Vec<f64> = a.iter().map(|&x| x.sqrt()).collect();
        prop_assert_eq!(ndops::sqrt(&a).to_vec(), sq);
        // A stride-0 view as an operand: a prepended axis of 2.
        let mut big = vec![2];
        big.extend_from_slice(&sa);
        let bv = a.broadcast_to(&big[..]).unwrap();
        let twice: Vec<f64> = a.iter().chain(a.iter()).map(|&x| x + x).collect();
        prop_assert_eq!((&bv + &bv).to_vec(), twice);
    }

    #[test]
    fn in_place_and_into_forms_write_odd_layouts((sa, la, sb, lb, lev) in operands()) {
        set_simd_level(lev.min(detected_simd_level()));
        stream_half(&sa);
        let ob = build(&sb, &lb, 7.0);
        let b = view_of(&ob, &lb);
        let mut oa = build(&sa, &la, 1.0);
        let before = view_of(&oa, &la).to_owned();
        let want = naive(&before, &b, |x, y| x * y);
        let mut out = view_mut_of(&mut oa, &la);
        prop_assert_eq!(out.shape(), &sa[..]);
        let fits = want.as_ref().is_some_and(|w| w.0 == sa);
        let r = ndops::multiply_inplace(&mut out, &b);
        prop_assert_eq!(r.is_ok(), fits);
        if fits {
            check_f64(&out, want.as_ref().unwrap());
            // Again through `_into` from the saved input, and through `*=`.
            ndops::multiply_into(&before, &b, &mut out).unwrap();
            check_f64(&out, want.as_ref().unwrap());
            out.assign(&before).unwrap();
            out *= &b;
            check_f64(&out, want.as_ref().unwrap());
        }
    }

    #[test]
    fn fused_expressions_match_index_arithmetic((sa, la, sb, lb, lev) in operands()) {
        set_simd_level(lev.min(detected_simd_level()));
        stream_half(&sa);
        let (oa, ob, oc) = (build(&sa, &la, 1.0), build(&sb, &lb, -3.0), build(&sb, &lb, 0.5));
        let (a, b, c) = (view_of(&oa, &la), view_of(&ob, &lb), view_of(&oc, &lb));
        let f = |x: f64, y: f64, z: f64| (x - y) / (z + 0.25) * x;
        let got = ndcore::ops::zip_map_n([&a, &b, &c], |[x, y, z]| f(x, y, z));
        match naive_shape(a.shape(), b.shape()) {
            None => prop_assert!(got.is_err()),
            Some(shape) => {
                let want: Vec<f64> = indices(&shape)
                    .iter()
                    .map(|i| f(at(&a, i), at(&b, i), at(&c, i)))
                    .collect();
                let want = (shape, want);
                check_f64(&got.unwrap(), &want);
                // Into an output with `a`'s odd layout, when it has the result's shape.
                let mut oo = build(&sa, &la, 0.0);
                let mut out = view_mut_of(&mut oo, &la);
                let r = ndcore::ops::zip_map_n_into([&a, &b, &c], &mut out, |[x, y, z]| f(x, y, z));
                prop_assert_eq!(r.is_ok(), want.0 == sa);
                if want.0 == sa {
                    check_f64(&out, &want);
                }
            }
        }
    }

    #[test]
    fn integer_division_and_remainder_are_floored(
        a in proptest::collection::vec(any::<i32>(), 1..40),
        b in proptest::collection::vec(prop_oneof![any::<i32>(), -3i32..=3], 1..40),
    ) {
        let n = a.len().min(b.len());
        let (x, y) = (Array::from_vec(a[..n].to_vec()), Array::from_vec(b[..n].to_vec()));
        let q = ndops::floor_divide(&x, &y).unwrap();
        let r = &x % &y;
        // `/` is true division, in float64 as NumPy's.
        let t = &x / &y;
        for i in 0..n {
            let (p, d) = (a[i] as i64, b[i] as i64);
            let want = p as f64 / d as f64;
            prop_assert!(t[[i]] == want || (t[[i]].is_nan() && want.is_nan()));
            if d == 0 {
                prop_assert_eq!((q[[i]], r[[i]]), (0, 0));
            } else {
                // Floor of the f64 quotient is exact for i32 operands; MIN / -1 wraps.
                let fq = want.floor() as i64;
                prop_assert_eq!(q[[i]], fq as i32);
                prop_assert_eq!(r[[i]] as i64, p - fq * d);
            }
        }
    }
}

/// Runs longer than the fused loop's chunk, with every kind of operand at once: contiguous,
/// transposed (walked in tiles), a broadcast row and column, and outputs that are strided
/// or Fortran-ordered.
#[test]
fn fused_expressions_over_long_odd_runs() {
    use ndcore::ops::{zip_map_n, zip_map_n_into};
    let (p, q) = (3usize, 1300usize);
    let a = Array::from_shape_vec([p, q], (0..p * q).map(|k| k as f64 * 0.5).collect()).unwrap();
    let bt = Array::from_shape_vec([q, p], (0..p * q).map(|k| 1.0 + k as f64).collect()).unwrap();
    let b = bt.t();
    let row = Array::from_shape_vec([1, q], (0..q).map(|k| k as f64 - 7.0).collect()).unwrap();
    let col = Array::from_shape_vec([p, 1], vec![2.0, -1.0, 0.25]).unwrap();
    let rev = a.slice(s![..;-1, ..;-1]);
    let f = |[w, x, y, z, v]: [f64; 5]| (w - x) * y / z + v;
    let want: Vec<f64> = (0..p)
        .flat_map(|i| (0..q).map(move |j| (i, j)))
        .map(|(i, j)| f([a[[i, j]], b[[i, j]], row[[0, j]], col[[i, 0]], rev[[i, j]]]))
        .collect();
    let got = zip_map_n([&a.view(), &b, &row.view(), &col.view(), &rev], f).unwrap();
    assert_eq!(got.shape(), &[p, q]);
    assert_eq!(got.to_vec(), want);
    // A strided output: every other column of a wider array.
    let mut wide = Array::<f64, _>::zeros([p, 2 * q]);
    let mut out = wide.slice_mut(s![.., ..;2]);
    zip_map_n_into([&a.view(), &b, &row.view(), &col.view(), &rev], &mut out, f).unwrap();
    assert_eq!(out.to_vec(), want);
    assert!(wide.slice(s![.., 1..;2]).iter().all(|&v| v == 0.0));
    // A Fortran-ordered output, and F-ordered inputs give an F-ordered result.
    let mut ft = Array::<f64, _>::zeros([q, p]);
    let mut out = ft.view_mut().reversed_axes();
    zip_map_n_into([&a.view(), &b, &row.view(), &col.view(), &rev], &mut out, f).unwrap();
    assert_eq!(out.to_vec(), want);
    let g = zip_map_n([&b, &b], |[x, y]| x * y).unwrap();
    assert!(g.is_f_contiguous() && !g.is_c_contiguous());
    assert_eq!(g.to_vec(), b.iter().map(|v| v * v).collect::<Vec<_>>());
    // Empty and 0-d operands.
    let e = Array::<f64, _>::zeros([0, 4]);
    assert_eq!(
        zip_map_n([&e, &e], |[x, y]| x + y).unwrap().shape(),
        &[0, 4]
    );
    let s0 = Array::full([], 3.0f64);
    assert_eq!(
        zip_map_n([&s0, &s0], |[x, y]| x * y).unwrap().to_vec(),
        vec![9.0]
    );
    // An output that does not take the broadcast shape: NumPy's message.
    let mut small = Array::<f64, _>::zeros([p, 1]);
    let err = zip_map_n_into([&a.view(), &row.view()], &mut small, |[x, y]| x + y).unwrap_err();
    assert_eq!(
        err.to_string(),
        "non-broadcastable output operand with shape (3,1) doesn't match the broadcast shape (3,1300)"
    );
}
