//! The arithmetic operators and comparisons as a user sees them: every pairing of owned
//! arrays, views, references and scalars; broadcasting and its errors; buffer reuse;
//! NumPy's integer semantics; odd layouts (negative and zero strides, empty, 0-d).

use ndcore::ops::{SimdLevel, detected_simd_level, set_simd_level};
use ndcore::prelude::*;
use ndcore::{ArcArray, Array3, CowArray};

fn f64s(v: &[f64]) -> Array1<f64> {
    Array::from_vec(v.to_vec())
}

#[test]
fn every_pairing_of_array_kinds_compiles_and_agrees() {
    let x = arange(4.0f64);
    let y = f64s(&[10.0, 20.0, 30.0, 40.0]);
    let want = vec![10.0, 21.0, 32.0, 43.0];
    let v = x.view();
    let r: &ArrayRef<f64, Ix1> = &y;
    assert_eq!((&x + &y).to_vec(), want);
    assert_eq!((x.clone() + y.clone()).to_vec(), want);
    assert_eq!((x.clone() + &y).to_vec(), want);
    assert_eq!((&x + y.clone()).to_vec(), want);
    assert_eq!((v.clone() + &y).to_vec(), want);
    assert_eq!((&v + &y).to_vec(), want);
    assert_eq!((&v + v.clone()).to_vec(), vec![0.0, 2.0, 4.0, 6.0]);
    assert_eq!((&x + r).to_vec(), want);
    assert_eq!((r + &x).to_vec(), want);
    assert_eq!((r + v.clone()).to_vec(), want);
    let a: ArcArray<f64, Ix1> = ArcArray::from_vec(x.to_vec());
    assert_eq!((&a + &y).to_vec(), want);
    assert_eq!((a.clone() + &y).to_vec(), want);
    let c: CowArray<'_, f64, Ix1> = x.view().into_cow();
    assert_eq!((&c + &y).to_vec(), want);
    assert_eq!((c + &y).to_vec(), want);
    let mut ym = y.clone();
    let vm = ym.view_mut();
    assert_eq!((&vm + &x).to_vec(), want);
    assert_eq!((vm + &x).to_vec(), want);
}

#[test]
fn scalars_on_either_side_take_the_array_type() {
    let x = arange(4.0f64);
    assert_eq!((3.0 * &x).to_vec(), vec![0.0, 3.0, 6.0, 9.0]);
    assert_eq!((&x * 3.0).to_vec(), vec![0.0, 3.0, 6.0, 9.0]);
    assert_eq!((1.0 - &x.view()).to_vec(), vec![1.0, 0.0, -1.0, -2.0]);
    assert_eq!((12.0 / x.clone()).to_vec()[1..], [12.0, 6.0, 4.0]);
    let n = arange(5i64);
    assert_eq!((2 * &n).to_vec(), vec![0, 2, 4, 6, 8]);
    assert_eq!((10 - n.clone()).to_vec(), vec![10, 9, 8, 7, 6]);
    assert_eq!((1 << &n).to_vec(), vec![1, 2, 4, 8, 16]);
    let u = Array::from_vec(vec![1u8, 2, 3]);
    assert_eq!((255u8 + &u).to_vec(), vec![0, 1, 2]);
    let b = Array::from_vec(vec![true, false]);
    assert_eq!((true ^ &b).to_vec(), vec![false, true]);
    let f = arange(3.0f32);
    assert_eq!((&f + 0.5).to_vec(), vec![0.5, 1.5, 2.5]);
    let r: &ArrayRef<f32, Ix1> = &f;
    assert_eq!((2.0 * r).to_vec(), vec![0.0, 2.0, 4.0]);
}

#[test]
fn the_result_rank_is_computed_at_compile_time() {
    let a = Array::<f64, _>::zeros([2, 4, 3]);
    let b = Array::<f64, _>::zeros([4, 1]);
    // The paper's example: (2, 4, 3) with (4, 1) gives (2, 4, 3), as an Array3.
    let z: Array3<f64> = &a + &b;
    assert_eq!(z.shape(), &[2, 4, 3]);
    let d = Array::<f64, _>::zeros(vec![4, 1]);
    let zd: ArrayD<f64> = &a + &d;
    assert_eq!(zd.shape(), &[2, 4, 3]);
    let s: Array3<f64> = &a * 2.0;
    assert_eq!(s.shape(), &[2, 4, 3]);
    let l: Array2<f64> = 2.0 * &b;
    assert_eq!(l.shape(), &[4, 1]);
}

#[test]
fn owned_operands_lend_their_buffers() {
    let x = arange(1000.0f64);
    let t = &x * &x;
    let p = t.as_ptr();
    let u = t - 3.0 * &x; // left reused; the right temporary is freed
    assert_eq!(u.as_ptr(), p);
    let w = u + 4.0;
    assert_eq!(w.as_ptr(), p);
    assert_eq!(w[[10]], 100.0 - 30.0 + 4.0);
    // The right operand lends its buffer when the left cannot.
    let t = &x + 1.0;
    let p = t.as_ptr();
    let v = &x - t;
    assert_eq!(v.as_ptr(), p);
    assert!(v.iter().all(|&e| e == -1.0));
    // A shape that grows is a new buffer.
    let row = arange(3.0f64);
    let p = row.as_ptr();
    let g = row + &Array::<f64, _>::zeros([2, 3]);
    assert_ne!(g.as_ptr(), p);
    assert_eq!(g.to_vec(), vec![0.0, 1.0, 2.0, 0.0, 1.0, 2.0]);
    // Unary operators too.
    let t = &x * 1.0;
    let p = t.as_ptr();
    assert_eq!((-t).as_ptr(), p);
}

#[test]
fn shared_buffers_are_not_overwritten() {
    let a: ArcArray<f64, Ix1> = ArcArray::from_vec(vec![1.0, 2.0]);
    let keep = a.clone();
    let b = a + 1.0;
    assert_eq!(b.to_vec(), vec![2.0, 3.0]);
    assert_eq!(keep.to_vec(), vec![1.0, 2.0]);
    let unique: ArcArray<f64, Ix1> = ArcArray::from_vec(vec![1.0, 2.0]);
    let p = unique.as_ptr();
    assert_eq!((unique + 1.0).as_ptr(), p);
}

#[test]
fn broadcasting_follows_numpy() {
    let b = arange(3i64) * 3;
    let m = arange(6i64).into_shape([2, 3]).unwrap();
    assert_eq!((&b + &m).to_vec(), vec![0, 4, 8, 3, 7, 11]);
    let col = Array::from_shape_vec([2, 1], vec![100i64, 200]).unwrap();
    assert_eq!((&col + &b).to_vec(), vec![100, 103, 106, 200, 203, 206]);
    let zero_d = Array::from_shape_vec([], vec![5i64]).unwrap();
    assert_eq!((&m * &zero_d).to_vec(), vec![0, 5, 10, 15, 20, 25]);
    assert_eq!((&zero_d + &zero_d).shape(), &[] as &[usize]);
    let empty = Array::<i64, _>::zeros([0, 3]);
    assert_eq!((&empty + &b).shape(), &[0, 3]);
    let e1 = Array::<i64, _>::zeros([1, 0]);
    assert_eq!((&e1 + &Array::<i64, _>::zeros([4, 1])).shape(), &[4, 0]);
}

#[test]
#[should_panic(expected = "operands could not be broadcast together with shapes (2,3) (4,) ")]
fn operators_panic_with_numpys_message() {
    let _ = Array::<f64, _>::zeros([2, 3]) + &Array::<f64, _>::zeros(4);
}

#[test]
fn compound_assignment_broadcasts_the_right_side() {
    let mut m = Array::<f64, _>::zeros([2, 3]);
    m += &arange(3.0f64);
    m *= 2.0;
    m -= &Array::from_shape_vec([2, 1], vec![1.0, 2.0]).unwrap();
    assert_eq!(m.to_vec(), vec![-1.0, 1.0, 3.0, -2.0, 0.0, 2.0]);
    let mut v = m.view_mut();
    v /= 2.0;
    assert_eq!(m[[0, 2]], 1.5);
    let r: &mut ArrayRef<f64, Ix2> = &mut m;
    *r %= 1.0;
    assert_eq!(m[[0, 2]], 0.5);
    let mut n = arange(4i64);
    n <<= 2;
    n >>= &Array::from_vec(vec![0i64, 1, 2, 3]);
    assert_eq!(n.to_vec(), vec![0, 2, 2, 1]);
    let mut b = Array::from_vec(vec![true, false]);
    b |= true;
    b &= &Array::from_vec(vec![false, true]);
    b ^= true;
    assert_eq!(b.to_vec(), vec![true, false]);
}

#[test]
#[should_panic(
    expected = "non-broadcastable output operand with shape (3,) doesn't match the broadcast shape (2,3)"
)]
fn compound_assignment_cannot_grow_the_left_side() {
    let mut a = Array::<f64, _>::zeros(3);
    a += &Array::<f64, _>::zeros([2, 3]);
}

#[test]
#[should_panic(expected = "operands could not be broadcast together with shapes (3,) (4,) (3,) ")]
fn compound_assignment_names_the_output_like_numpy() {
    let mut a = Array::<f64, _>::zeros(3);
    a += &Array::<f64, _>::zeros(4);
}

#[test]
fn shared_arrays_copy_before_compound_assignment() {
    let mut a: ArcArray<f64, Ix1> = ArcArray::from_vec(vec![1.0, 2.0]);
    let keep = a.clone();
    a += 1.0;
    assert_eq!(a.to_vec(), vec![2.0, 3.0]);
    assert_eq!(keep.to_vec(), vec![1.0, 2.0]);
}

#[test]
fn integer_semantics_are_numpys() {
    let a = Array::from_vec(vec![7i64, -7, 7, -7, i64::MIN, 5]);
    let b = Array::from_vec(vec![2i64, 2, -2, -2, -1, 0]);
    // `/` is NumPy's true division (float64); `//` is floor_divide.
    let q = ndops::floor_divide(&a, &b).unwrap();
    assert_eq!(q.to_vec(), vec![3, -4, -4, 3, i64::MIN, 0]);
    let t: Array1<f64> = &a / &b;
    assert_eq!(t.to_vec()[..4], [3.5, -3.5, -3.5, 3.5]);
    assert_eq!((t[[4]], t[[5]]), (i64::MIN as f64 / -1.0, f64::INFINITY));
    assert_eq!((&a % &b).to_vec(), vec![1, 1, -1, -1, 0, 0]);
    let u = Array::from_vec(vec![250u8, 3]);
    assert_eq!((&u + 10).to_vec(), vec![4, 13]);
    assert_eq!((-&u).to_vec(), vec![6, 253]);
    assert_eq!((!&u).to_vec(), vec![5, 252]);
    let i = Array::from_vec(vec![1i8, 1, -1, -128]);
    let s = Array::from_vec(vec![7i8, 8, -1, 9]);
    assert_eq!((&i << &s).to_vec(), vec![-128, 0, 0, 0]);
    assert_eq!((&i >> &s).to_vec(), vec![0, 0, -1, -1]);
    assert_eq!((-Array::from_vec(vec![i32::MIN])).to_vec(), vec![i32::MIN]);
}

#[test]
fn float_remainder_has_the_divisor_sign() {
    let a = f64s(&[-7.0, 7.0, 1.0, -0.0, 0.0]);
    let b = f64s(&[2.0, -2.0, f64::NEG_INFINITY, 3.0, -3.0]);
    let r = &a % &b;
    assert_eq!(r.to_vec()[..3], [1.0, -1.0, f64::NEG_INFINITY]);
    assert!(r[[3]] == 0.0 && r[[3]].is_sign_positive());
    assert!(r[[4]] == 0.0 && r[[4]].is_sign_negative());
    assert!((&a % 0.0).iter().all(|v| v.is_nan()));
    let q = &a / &b;
    assert_eq!(q[[0]], -3.5);
}

#[test]
fn comparisons_give_bool_arrays() {
    let x = arange(5i64);
    assert_eq!(
        x.lt(2).unwrap().to_vec(),
        vec![true, true, false, false, false]
    );
    assert_eq!(x.view().ge(&x.view()).unwrap().to_vec(), vec![true; 5]);
    let m = arange(6i64).into_shape([2, 3]).unwrap();
    let e = m.eq(&arange(3i64)).unwrap();
    assert_eq!(e.shape(), &[2, 3]);
    assert_eq!(e.to_vec(), vec![true, true, true, false, false, false]);
    assert!(x.ne(&arange(4i64)).is_err());
    let f = f64s(&[f64::NAN, 1.0]);
    assert_eq!(f.eq(&f).unwrap().to_vec(), vec![false, true]);
    assert_eq!(f.ne(&f).unwrap().to_vec(), vec![true, false]);
    assert_eq!(f.gt(f64::NAN).unwrap().to_vec(), vec![false, false]);
    // `==` stays whole-array equality.
    assert!(x == arange(5i64));
    let r: &ArrayRef<i64, Ix1> = &x;
    assert!(r.le(0).unwrap().to_vec()[0]);
    let both = &x.gt(0).unwrap() & &x.lt(3).unwrap();
    assert_eq!(both.to_vec(), vec![false, true, true, false, false]);
    assert_eq!((!both).to_vec(), vec![true, false, false, true, true]);
}

#[test]
fn odd_layouts_negative_zero_strides_empty_and_0d() {
    let x = arange(12.0f64).into_shape([3, 4]).unwrap();
    // x[::-1, ::-2] + x[:, 1::2].T-like views and a stride-0 broadcast view.
    let rev = x.slice(&[
        Slice::new(None, None, -1).into(),
        Slice::new(None, None, -2).into(),
    ]);
    assert_eq!(rev.strides(), &[-32, -16]);
    let two = arange(2.0f64);
    let bc = two.broadcast_to([3, 2]).unwrap();
    let s = &rev + &bc;
    let want: Vec<f64> = rev.iter().zip(bc.iter()).map(|(a, b)| a + b).collect();
    assert_eq!(s.to_vec(), want);
    let t = &x.t() * &x.t();
    assert!(t.is_f_contiguous() && !t.is_c_contiguous());
    assert_eq!(t.to_vec(), x.t().iter().map(|v| v * v).collect::<Vec<_>>());
    let mixed = &x.t() + &x.t().to_owned();
    assert_eq!(
        mixed.to_vec(),
        x.t().iter().map(|v| 2.0 * v).collect::<Vec<_>>()
    );
    let mut y = x.clone();
    let mut yv = y.slice_mut(&[Slice::new(None, None, -1).into()]);
    yv += &rev.slice(&[
        Slice::new(None, None, 1).into(),
        Slice::new(Some(0), Some(1), 1).into(),
    ]);
    // yv is y upside down; rev[:, :1] is the column [11, 7, 3].
    assert_eq!(y[[0, 0]], 0.0 + 3.0);
    assert_eq!(y[[2, 3]], 11.0 + 11.0);
    let empty = Array::<f64, _>::zeros([0, 4]);
    assert_eq!((-&empty).shape(), &[0, 4]);
    let z = Array::from_shape_vec([], vec![2.0f64]).unwrap();
    assert_eq!((&z * &z)[[]], 4.0);
}

#[test]
fn every_simd_level_gives_the_same_bits() {
    let x = Array::from_iter((0..1003).map(|i| (i as f64 - 500.0) * 0.37));
    let y = Array::from_iter((0..1003).map(|i| 1.0 / (i as f64 + 0.5)));
    let best = detected_simd_level();
    let mut results = vec![];
    for level in [SimdLevel::Baseline, SimdLevel::Avx2, SimdLevel::Avx512] {
        if level > best {
            continue;
        }
        set_simd_level(level);
        let r = (&x * &y - 3.0 * &x + 4.0) / &y % 7.0;
        let c = x.lt(&y).unwrap();
        results.push((
            r.to_vec().iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
            c,
        ));
    }
    set_simd_level(best);
    for w in results.windows(2) {
        assert_eq!(w[0], w[1]);
    }
}

#[test]
fn transposed_operands_walked_in_blocks_agree() {
    // Long enough rows that the engine walks them in blocks (more than 512 columns).
    let a = Array::from_iter((0..600 * 700).map(|i| i as f64))
        .into_shape([600, 700])
        .unwrap();
    let b = Array::from_iter((0..700 * 600).map(|i| (i as f64) * 0.5))
        .into_shape([700, 600])
        .unwrap();
    let s = &a + &b.t();
    let want: Vec<f64> = (0..600)
        .flat_map(|i| (0..700).map(move |j| (i * 700 + j) as f64 + ((j * 600 + i) as f64) * 0.5))
        .collect();
    assert_eq!(s.to_vec(), want);
    let mut out = Array::<f64, _>::zeros([600, 700]);
    ndops::sqrt_into(b.t(), &mut out).unwrap();
    assert_eq!(out[[599, 1]], b[[1, 599]].sqrt());
    // Three axes: an outer axis around the blocked pair, the transposed operand reversed.
    let c = Array::from_iter((0..3 * 520 * 530).map(|i| i as i64))
        .into_shape([3, 520, 530])
        .unwrap();
    let d = c.permuted_axes(&[0, 2, 1]).unwrap().to_owned();
    let dt = d.permuted_axes(&[0, 2, 1]).unwrap();
    let rev = dt.slice(s![.., ..;-1, ..]);
    let r = &c - &rev;
    for (k, i, j) in [(0, 0, 0), (2, 519, 529), (1, 7, 513), (2, 300, 3)] {
        assert_eq!(r[[k, i, j]], c[[k, i, j]] - c[[k, 519 - i, j]]);
    }
}

#[test]
fn transposed_operands_read_four_rows_at_a_time_agree() {
    // Rows and columns that leave remainders everywhere: bands of 256 rows end with 3
    // rows, tiles of 512 columns with 2 columns. 8-byte elements take the 4×4 transposing
    // kernel (at AVX2 or above), from either side and into a reused buffer.
    let (p, q) = (603usize, 702usize);
    let a = Array::from_iter((0..p * q).map(|i| i as i64))
        .into_shape([p, q])
        .unwrap();
    let b = Array::from_iter((0..q * p).map(|i| 3 * i as i64 + 1))
        .into_shape([q, p])
        .unwrap();
    let want = |i: usize, j: usize, x: i64, y: i64| {
        assert_eq!(x, (i * q + j) as i64);
        y - x
    };
    let d1 = &b.t() - &a;
    let d2 = ndops::subtract(&b.t(), &a).unwrap();
    let d3 = b.t().to_owned() - &a;
    let d4 = -(a.clone() - &b.t());
    for (i, j) in (0..p).flat_map(|i| (0..q).map(move |j| (i, j))) {
        let w = want(i, j, a[[i, j]], b[[j, i]]);
        assert_eq!(
            (d1[[i, j]], d2[[i, j]], d3[[i, j]], d4[[i, j]]),
            (w, w, w, w),
            "{i} {j}"
        );
    }
    // f64 with a closure, and u64 bit patterns passed through unchanged.
    let af = a.cast::<f64>();
    let bf = b.cast::<f64>();
    let z = ndops::zip_map(&af, &bf.t(), |x, y| x * 0.5 - y).unwrap();
    assert!(
        z.indexed_iter()
            .all(|(ix, &v)| v == af[[ix[0], ix[1]]] * 0.5 - bf[[ix[1], ix[0]]])
    );
    let bu = b.map(|&v| (v as u64).rotate_left(40));
    let au = a.map(|&v| v as u64);
    let x = &au ^ &bu.t();
    assert!(
        x.indexed_iter()
            .all(|(ix, &v)| v == au[[ix[0], ix[1]]] ^ bu[[ix[1], ix[0]]])
    );
}

/// An operand from outside ndcore whose `into_reusable` hands back an array of another
/// shape: the drivers must read it, never write through a shape they did not check.
struct Liar(Array1<f64>);

impl ndcore::ops::Operand<f64> for Liar {
    type Dim = Ix1;
    fn source(&self) -> ndcore::ops::Source<'_, f64> {
        ndcore::ops::Source::array(&self.0)
    }
    fn into_reusable(self, _shape: &[usize]) -> Result<Array1<f64>, Self> {
        Ok(arange(2.0f64))
    }
}

#[test]
fn a_wrong_reusable_buffer_is_read_not_trusted() {
    let y = arange(2.0f64);
    let r = ndcore::ops::binary(Liar(arange(5.0)), &y.slice(s![..1]), |a, b| a + b).unwrap();
    assert_eq!(r.to_vec(), vec![0.0, 1.0]);
    let u = ndcore::ops::unary(Liar(arange(5.0)), |a| a * 2.0);
    assert_eq!(u.to_vec(), vec![0.0, 2.0]);
}
