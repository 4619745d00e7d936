//! NumPy habits, written the NumPy way: each line of issue 14 compiles with no more
//! annotations than Rust itself needs, and gives NumPy's values (the comment above each
//! is the NumPy line; the value is what NumPy 2.4 prints).

use ndlinalg::prelude::*;
use ndops::prelude::*;

type Res = Result<(), Box<dyn std::error::Error>>;

#[test]
fn float_literals_flow_through_operators_to_an_index() {
    // x = np.array([1.0, 2.0]); y = (x + 1.0) * 2.0; y[0]
    let x = array![1.0, 2.0];
    let y = (&x + 1.0) * 2.0;
    assert_eq!(y[[0]], 4.0);
    // The same from linspace and arange: np.linspace(0, 10, 5)[0], np.arange(100.0)[99]
    assert_eq!(((&linspace(0.0, 10.0, 5) + 1.0) * 2.0)[[1]], 7.0);
    assert_eq!(((&arange(100.0) + 1.0) * 2.0)[[99]], 200.0);
}

#[test]
fn negative_and_literal_indices() {
    // a = np.arange(6).reshape((2, 3)); a[-1, -1], a[0, 1], a[1, -3]
    let a = arange(6).reshape((2, 3)).unwrap();
    assert_eq!(a[[-1, -1]], 5);
    assert_eq!(a[[0, 1]], 1);
    assert_eq!(a[[1, -3]], 3);
    let (i, j) = (1usize, 2usize);
    assert_eq!(a[[i, j]], 5);
    // a.get on an index out of bounds: None, where NumPy raises IndexError.
    assert_eq!(a.get([-3, 0]), None);
}

#[test]
fn mixed_types_promote_as_numpy_2() {
    // a = np.arange(4); a + 0.5 -> float64
    let a = arange(4i64);
    let b: Array1<f64> = &a + 0.5;
    assert_eq!(b.to_vec(), vec![0.5, 1.5, 2.5, 3.5]);
    // ai + af -> float64
    let af = arange(4.0f64);
    assert_eq!((&a + &af).to_vec(), vec![0.0, 2.0, 4.0, 6.0]);
    // float32 array with a Python float stays float32: f * 2.0
    let f = arange(3.0f32);
    let g: Array1<f32> = &f * 2.0;
    assert_eq!(g.to_vec(), vec![0.0, 2.0, 4.0]);
    // int array / int -> float64 (true division); // is floor_divide
    assert_eq!((&a / 2).to_vec(), vec![0.0, 0.5, 1.0, 1.5]);
    assert_eq!(
        ndops::floor_divide(&a, 2).unwrap().to_vec(),
        vec![0, 0, 1, 1]
    );
    // uint8 + int8 -> int16
    let u = Array::from_vec(vec![200u8, 1]);
    let s = Array::from_vec(vec![-1i8, 1]);
    let r: Array1<i16> = &u + &s;
    assert_eq!(r.to_vec(), vec![199, 2]);
    // Comparisons promote too: a > 1.5
    assert_eq!(a.gt(1.5).unwrap().to_vec(), vec![false, false, true, true]);
    // In place within a kind: f32 += f64 array
    let mut h = arange(3.0f32);
    h += &arange(3.0f64);
    assert_eq!(h.to_vec(), vec![0.0f32, 2.0, 4.0]);
}

#[test]
fn the_papers_one_liners() -> Res {
    // x = np.arange(9).reshape((3, 3))
    let x = arange(9).reshape((3, 3))?;
    assert_eq!(x.strides(), &[24, 8]);
    // m = np.arange(6).reshape((2,3))
    let m = arange(6).reshape((2, 3))?;
    assert_eq!(m.shape(), &[2, 3]);
    // i = np.arange(-100, 100).reshape(200, 1, 1); j = np.reshape(i, (1, 200, 1))
    let i = arange_with(-100, 100, 1)?.reshape((200, 1, 1))?;
    let j = reshape(&i, (1, 200, 1))?;
    assert_eq!((i.shape(), j.shape()), (&[200, 1, 1][..], &[1, 200, 1][..]));
    // vecs = camera.dot(points.T).T, used in an expression
    let camera = array![[1.0, 0.0, 0.0], [0.0, 2.0, 0.0], [0.0, 0.0, 1.0]];
    let points = array![[1.0, 2.0, 1.0], [3.0, 4.0, 2.0]];
    assert_eq!(camera.dot(&points.t())?.t().shape(), &[2, 3]);
    // ... and kept: the transpose of a temporary, consumed (no copy)
    let vecs = camera.dot(&points.t())?.reversed_axes();
    assert_eq!(vecs.row(1).to_vec(), vec![3.0, 8.0, 2.0]);
    // x.T.reshape(...) of a view does not borrow the temporary x.T
    let flat = x.t().reshape((1, 9));
    assert!(flat.is_err()); // needs a copy, as NumPy's: to_shape copies
    assert_eq!(x.t().to_shape(9)?.to_vec(), vec![0, 3, 6, 1, 4, 7, 2, 5, 8]);
    Ok(())
}

#[test]
fn one_import_per_crate_reaches_the_methods() -> Res {
    // ndops::prelude (with ndcore's) gives the reductions; ndlinalg::prelude the products.
    let a = arange(6.0).reshape((2, 3))?;
    assert_eq!(a.sum(), 15.0);
    assert_eq!(a.mean(), 2.5);
    assert_eq!(a.max()?, 5.0);
    assert_eq!(a.dot(&a.t())?, array![[5.0, 14.0], [14.0, 50.0]]);
    Ok(())
}

#[test]
fn numpys_defaults_and_scalars() -> Res {
    // np.linspace(0, 1, 5)
    assert_eq!(
        linspace(0.0, 1.0, 5).to_vec(),
        vec![0.0, 0.25, 0.5, 0.75, 1.0]
    );
    assert_eq!(linspace(0, 10, 3).to_vec(), vec![0.0, 5.0, 10.0]);
    // np.zeros((2, 3))
    let z = Array::<f64, _>::zeros((2, 3));
    assert_eq!(z.shape(), &[2, 3]);
    // np.where(c, x, 0)
    let x = arange(4.0);
    let c = x.gt(1.0)?;
    assert_eq!(where_(&c, &x, 0.0)?.to_vec(), vec![0.0, 0.0, 2.0, 3.0]);
    assert_eq!(where_(&c, 1, 0)?.to_vec(), vec![0i64, 0, 1, 1]); // int64, as NumPy
    // np.clip(x, 0, 2) with integer bounds on a float array
    assert_eq!(ndops::clip(&x, 0, 2).to_vec(), vec![0.0, 1.0, 2.0, 2.0]);
    // x[1:3, :]
    let m = arange(12).reshape((3, 4))?;
    assert_eq!(m.slice(s![1..3, ..]).shape(), &[2, 4]);
    // np.arange(0, 10, 0): NumPy's ZeroDivisionError text
    assert_eq!(
        arange_with(0, 10, 0).unwrap_err().to_string(),
        "division by zero"
    );
    Ok(())
}

#[test]
fn power_of_two_is_x_times_x() {
    // np.power(x, 2.0) == x * x and x ** 2 == x * x, bit for bit
    let x: Array1<f64> = (0..100_000).map(|i| (i as f64) * 0.001 + 0.1).collect();
    assert_eq!(ndops::power(&x, 2.0).unwrap(), &x * &x);
    assert_eq!(ndops::power(&x, 2).unwrap(), &x * &x);
    assert_eq!(ndops::power(&x, 0.5).unwrap(), ndops::sqrt(&x));
}
