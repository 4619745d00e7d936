//! The paper's "Computer Vision" section: 100 000 random 3-d points projected by a 3×3
//! camera matrix into pixel coordinates,
//!
//! ```python
//! points = np.random.random((100000, 3))
//! camera = np.array([[500., 0., 320.], [0., 500., 240.], [0., 0., 1.]])
//! vecs = camera.dot(points.T).T
//! pixel_coords = vecs/vecs[:, 2, np.newaxis]
//! ```
//!
//! written with nd (`ndlinalg`'s `dot`, ndcore's transposes, ndops' broadcasting `/`), and
//! checked point by point against the same arithmetic written out, and against what the
//! paper says about layouts: `points.T` and the final `.T` are views, and the division
//! broadcasts a column over the rows.

use ndcore::prelude::*;
use ndcore::s;
use ndlinalg::prelude::*;

const N: usize = 100_000;

/// `np.random.random((N, 3))`: uniform in [0, 1), from a fixed-seed xorshift generator.
fn random_points() -> Array2<f64> {
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    Array::from_fn([N, 3], |_| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1u64 << 53) as f64
    })
}

fn camera() -> Array2<f64> {
    Array::from_shape_vec([3, 3], vec![500., 0., 320., 0., 500., 240., 0., 0., 1.]).unwrap()
}

/// One point through the camera, with the arithmetic spelled out.
fn project(c: &Array2<f64>, p: [f64; 3]) -> [f64; 3] {
    let v: [f64; 3] =
        std::array::from_fn(|i| c[[i, 0]] * p[0] + c[[i, 1]] * p[1] + c[[i, 2]] * p[2]);
    v.map(|x| x / v[2])
}

#[test]
fn camera_dot_points_t_t_is_a_transposed_view_of_the_product() {
    let (points, camera) = (random_points(), camera());
    // points.T: a view with the strides swapped, no copy.
    let pt = points.t();
    assert_eq!((pt.shape(), pt.strides()), (&[3, N][..], &[8, 24][..]));
    assert_eq!(pt.as_ptr(), points.as_ptr());
    // camera.dot(points.T) is (3, N), C order; its .T is (N, 3), F order — as in NumPy.
    let prod = camera.dot(&pt).unwrap();
    assert_eq!(prod.shape(), &[3, N]);
    let vecs = prod.reversed_axes();
    assert_eq!(vecs.shape(), &[N, 3]);
    assert!(vecs.flags().f_contiguous && !vecs.flags().c_contiguous);
}

#[test]
fn pixel_coordinates_match_the_formula() {
    let (points, camera) = (random_points(), camera());
    // vecs = camera.dot(points.T).T
    let vecs: Array2<f64> = camera.dot(&points.t()).unwrap().reversed_axes();
    // pixel_coords = vecs / vecs[:, 2, np.newaxis]
    let z = vecs.slice(s![.., 2, NewAxis]);
    assert_eq!(z.shape(), &[N, 1]);
    let pixel_coords = &vecs / &z;
    assert_eq!(pixel_coords.shape(), &[N, 3]);
    for i in 0..N {
        let p = [points[[i, 0]], points[[i, 1]], points[[i, 2]]];
        let want = project(&camera, p);
        for (k, &w) in want.iter().enumerate() {
            let got = pixel_coords[[i, k]];
            assert!(
                (got - w).abs() <= 1e-12 * w.abs().max(1.0),
                "point {i} coord {k}: {got} != {w}"
            );
        }
        assert_eq!(pixel_coords[[i, 2]], 1.0);
    }
}

#[test]
fn known_points_land_where_the_camera_puts_them() {
    let camera = camera();
    // A point on the optical axis lands on the principal point (320, 240); (1, 2, 2) at
    // ((500 + 640) / 2, (1000 + 480) / 2).
    let points = Array::from_shape_vec([2, 3], vec![0., 0., 1., 1., 2., 2.]).unwrap();
    let vecs = camera.dot(&points.t()).unwrap().reversed_axes();
    let pixel_coords = &vecs / &vecs.slice(s![.., 2, NewAxis]);
    assert_eq!(pixel_coords.to_vec(), vec![320., 240., 1., 570., 740., 1.]);
    // The same projection as matmul, and with the points on the left
    // (points @ camera.T), gives the same numbers.
    let v2 = points.matmul(&camera.t()).unwrap();
    assert_eq!(v2, vecs);
}

#[test]
fn points_from_a_strided_view_project_the_same() {
    let (points, camera) = (random_points(), camera());
    // Every other point, seen through a strided view (no copy): same result as a copy.
    let every2 = points.slice(s![..;2, ..]);
    let copy = every2.to_owned();
    let a = camera.dot(&every2.t()).unwrap();
    let b = camera.dot(&copy.t()).unwrap();
    assert_eq!(a.shape(), &[3, N / 2]);
    // Different kernels may round differently (fused multiply-add or not).
    for (x, y) in a.iter().zip(b.iter()) {
        assert!((x - y).abs() <= 1e-12 * y.abs().max(1.0));
    }
}
