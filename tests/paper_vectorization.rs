//! The paper's vectorization, broadcasting and finite-differencing sections, In [21]–[43],
//! with outputs checked against NumPy's `repr` (which `Debug` prints).
//!
//! Two of the paper's printed outputs cannot be what NumPy prints: In [41] and In [43]
//! show five and four differences of a five-element `x`, where there are four and three
//! (`[2, 6, 10, 14]`, `[4, 8, 12]`); they were printed by Python 2's integer division,
//! which nd's integer `/` reproduces (floor division), while NumPy 2's `/` gives floats.

use ndcore::prelude::*;
use ndops::{power, square};

fn repr<T: std::fmt::Debug>(a: &T) -> String {
    format!("{a:?}")
}

#[test]
fn in_21_to_23_a_python_loop() {
    // In [21]: a = [1, 3, 5]; In [22]: b = [3*x for x in a]
    let a = [1i64, 3, 5];
    let b: Vec<i64> = a.iter().map(|x| 3 * x).collect();
    // In [23]: b -> [3, 9, 15]
    assert_eq!(b, vec![3, 9, 15]);
}

#[test]
fn in_24_to_27_vectorized_scalar_and_array_operations() {
    // In [24]: a = np.array([1, 3, 5])
    let a = Array::from_vec(vec![1i64, 3, 5]);
    // In [25]: b = 3 * a
    let b = 3 * &a;
    // In [26]: b
    assert_eq!(repr(&b), "array([ 3,  9, 15])");
    // In [27]: b - a
    assert_eq!(repr(&(&b - &a)), "array([ 2,  6, 10])");
}

#[test]
fn in_28_to_30_broadcasting_a_row_over_a_matrix() {
    let b = 3 * Array::from_vec(vec![1i64, 3, 5]);
    // In [28]: m = np.arange(6).reshape((2,3))
    let m = arange(6i64).into_shape([2, 3]).unwrap();
    // In [29]: m
    assert_eq!(repr(&m), "array([[0, 1, 2],\n       [3, 4, 5]])");
    // In [30]: b + m
    let s = &b + &m;
    assert_eq!(repr(&s), "array([[ 3, 10, 17],\n       [ 6, 13, 20]])");
    // The broadcast row is never built: it is read with stride 0 (footnote 2).
    assert_eq!(b.broadcast_to([2, 3]).unwrap().strides(), &[0, 8]);
}

#[test]
fn broadcasting_rules_2_4_3_with_4_1() {
    // x (2, 4, 3) and y (4, 1) give z (2, 4, 3).
    let x = arange(24.0f64).into_shape([2, 4, 3]).unwrap();
    let y = arange(4.0f64).into_shape([4, 1]).unwrap();
    let z: Array3<f64> = &x + &y;
    assert_eq!(z.shape(), &[2, 4, 3]);
    for ((i, j, k), v) in (0..2)
        .flat_map(|i| (0..4).flat_map(move |j| (0..3).map(move |k| (i, j, k))))
        .zip(z.iter())
    {
        assert_eq!(*v, x[[i, j, k]] + y[[j, 0]]);
    }
    assert_eq!(
        ndops::broadcast_shapes(&[&[2, 4, 3], &[4, 1]]).unwrap(),
        vec![2, 4, 3]
    );
    // Dimensions that neither match nor are 1 do not broadcast.
    let e = ndops::add(&x, &arange(5.0f64)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "operands could not be broadcast together with shapes (2,4,3) (5,) "
    );
}

/// The paper's `f`, as written: `x**2 - 3*x + 4`.
fn f(x: &Array1<f64>) -> Array1<f64> {
    square(x) - 3.0 * x + 4.0
}

/// The paper's `g`: `x**2` allocated once, then updated in place.
fn g(x: &Array1<f64>) -> Array1<f64> {
    let mut fx = square(x);
    fx -= &(3.0 * x);
    fx += 4.0;
    fx
}

#[test]
fn in_31_to_35_evaluating_a_function() {
    // In [32]: x = np.arange(1e5)
    let x = arange(1e5);
    // In [33]: y = [f(i) for i in x]
    let looped: Vec<f64> = x.iter().map(|&i| i * i - 3.0 * i + 4.0).collect();
    // In [34]: y = f(x)
    let y = f(&x);
    assert_eq!(y.to_vec(), looped);
    // In [35]: y (NumPy 2's repr; the paper printed NumPy 1.5's)
    assert_eq!(
        repr(&y),
        "array([4.00000000e+00, 2.00000000e+00, 2.00000000e+00, ...,\n       \
         9.99910002e+09, 9.99930001e+09, 9.99950001e+09], shape=(100000,))"
    );
    // The operators written out also agree, as does `power`.
    let written = &x * &x - 3.0 * &x + 4.0;
    assert_eq!(written, y);
    assert_eq!(power(&x, 2.0).unwrap() - 3.0 * &x + 4.0, y);
    // g(x): the in-place form, one buffer for the result.
    let gy = g(&x);
    assert_eq!(gy, y);
}

#[test]
fn in_36_to_41_forward_differences() {
    // In [36]: x = np.arange(0, 10, 2)
    let x = arange_with(0i64, 10, 2).unwrap();
    // In [37]: x
    assert_eq!(repr(&x), "array([0, 2, 4, 6, 8])");
    // In [38]: y = x**2
    let y = power(&x, 2).unwrap();
    // In [39]: y
    assert_eq!(repr(&y), "array([ 0,  4, 16, 36, 64])");
    // In [40]: dy_dx = (y[1:]-y[:-1])/(x[1:]-x[:-1])
    let dy_dx = (&y.slice(s![1..]) - &y.slice(s![..-1])) / (&x.slice(s![1..]) - &x.slice(s![..-1]));
    // In [41]: dy_dx, as NumPy 2 prints it: `/` is true division, to float64.
    assert_eq!(repr(&dy_dx), "array([ 2.,  6., 10., 14.])");
    // The paper's Python 2 printed integer quotients: NumPy's `//`, `floor_divide`.
    let dy_dx_int = ndops::floor_divide(
        &y.slice(s![1..]) - &y.slice(s![..-1]),
        &x.slice(s![1..]) - &x.slice(s![..-1]),
    )
    .unwrap();
    assert_eq!(repr(&dy_dx_int), "array([ 2,  6, 10, 14])");
}

#[test]
fn in_42_43_central_differences() {
    let x = arange_with(0i64, 10, 2).unwrap();
    let y = &x * &x;
    // In [42]: dy_dx_c = (y[2:]-y[:-2])/(x[2:]-x[:-2])
    let dy_dx_c =
        (&y.slice(s![2..]) - &y.slice(s![..-2])) / (&x.slice(s![2..]) - &x.slice(s![..-2]));
    // In [43]: dy_dx_c (NumPy 2: true division; the paper's Python 2 showed `[ 4,  8, 12]`,
    // which `floor_divide` gives)
    assert_eq!(repr(&dy_dx_c), "array([ 4.,  8., 12.])");
    let c = ndops::floor_divide(
        &y.slice(s![2..]) - &y.slice(s![..-2]),
        &x.slice(s![2..]) - &x.slice(s![..-2]),
    )
    .unwrap();
    assert_eq!(repr(&c), "array([ 4,  8, 12])");
}

#[test]
fn differences_of_1000_points_match_a_loop() {
    // "For x containing 1000 elements, the NumPy implementation is 100 times faster":
    // here, the same result as the loop (the timing is paperbench's diff_1000).
    let x = arange(1000.0f64);
    let y = &x * &x;
    let d = (&y.slice(s![1..]) - &y.slice(s![..-1])) / (&x.slice(s![1..]) - &x.slice(s![..-1]));
    let looped: Vec<f64> = (0..999).map(|i| (y[[i + 1]] - y[[i]]) / 1.0).collect();
    assert_eq!(d.to_vec(), looped);
    assert!(d.iter().enumerate().all(|(i, &v)| v == (2 * i + 1) as f64));
    // The same as one fused loop (paperbench's diff_1000_fused): bit for bit.
    let (y1, y0, x1, x0) = (
        y.slice(s![1..]),
        y.slice(s![..-1]),
        x.slice(s![1..]),
        x.slice(s![..-1]),
    );
    let fused = ndops::zip_map_n([&y1, &y0, &x1, &x0], |[a, b, c, d]| (a - b) / (c - d)).unwrap();
    assert_eq!(fused.to_vec(), looped);
    // Central differences, In [42], fused.
    let (y2, y_2, x2, x_2) = (
        y.slice(s![2..]),
        y.slice(s![..-2]),
        x.slice(s![2..]),
        x.slice(s![..-2]),
    );
    let c = ndops::zip_map_n([&y2, &y_2, &x2, &x_2], |[a, b, c, d]| (a - b) / (c - d)).unwrap();
    assert!(c.iter().enumerate().all(|(i, &v)| v == (2 * i + 2) as f64));
}
