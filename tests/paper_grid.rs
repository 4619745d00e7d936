//! The paper's "Creating a grid using broadcasting" section, In [44]–[49]: a dense grid
//! from `mgrid`, the same grid as three open vectors from `ogrid` that broadcast, and
//! `R = sqrt(i**2 + j**2 + k**2)` computed both ways with ndops' operators, then checked
//! element by element against the formula with plain index arithmetic.

use ndcore::prelude::*;
use ndcore::{Array3, ArrayView3};
use ndops::sqrt;

const N: usize = 200;

/// In [46] / In [48] element by element: `sqrt(i**2 + j**2 + k**2)` with int64 squares and
/// sums and a float64 square root, as NumPy computes it.
fn r_at(i: i64, j: i64, k: i64) -> f64 {
    ((i * i + j * j + k * k) as f64).sqrt()
}

/// Sample points: the eight corners, the centre and a coarse lattice.
fn samples() -> Vec<[usize; 3]> {
    let mut pts = Vec::new();
    for a in [0, N - 1] {
        for b in [0, N - 1] {
            for c in [0, N - 1] {
                pts.push([a, b, c]);
            }
        }
    }
    pts.push([100, 100, 100]);
    for a in (0..N).step_by(37) {
        for b in (3..N).step_by(41) {
            for c in (7..N).step_by(43) {
                pts.push([a, b, c]);
            }
        }
    }
    pts
}

#[test]
fn in44_45_mgrid_gives_three_dense_200_cubes() {
    // In [44]: i, j, k = np.mgrid[-100:100, -100:100, -100:100]
    let (i, j, k) = mgrid![-100..100, -100..100, -100..100].unwrap();
    // In [45]: print i.shape, j.shape, k.shape -> (200, 200, 200) ×3
    assert_eq!(i.shape(), &[200, 200, 200]);
    assert_eq!(j.shape(), &[200, 200, 200]);
    assert_eq!(k.shape(), &[200, 200, 200]);
    let _: (&Array3<i64>, &Array3<i64>, &Array3<i64>) = (&i, &j, &k);
    assert_eq!(i.dtype().to_string(), "int64");
    // Each is a full 200³ array: ~64 MB in the paper's count (8 bytes × 8 million).
    assert_eq!(i.len(), 8_000_000);
    assert_eq!(i.nbytes(), 64_000_000);
    // Values at the corners: i varies along axis 0, j along 1, k along 2.
    assert_eq!(
        (i[[0, 0, 0]], j[[0, 0, 0]], k[[0, 0, 0]]),
        (-100, -100, -100)
    );
    assert_eq!(
        (i[[199, 199, 199]], j[[199, 199, 199]], k[[199, 199, 199]]),
        (99, 99, 99)
    );
    assert_eq!(
        (i[[199, 0, 0]], j[[199, 0, 0]], k[[199, 0, 0]]),
        (99, -100, -100)
    );
    assert_eq!(
        (i[[0, 199, 0]], j[[0, 199, 0]], k[[0, 199, 0]]),
        (-100, 99, -100)
    );
    assert_eq!(
        (i[[0, 0, 199]], j[[0, 0, 199]], k[[0, 0, 199]]),
        (-100, -100, 99)
    );
    assert_eq!((i[[5, 7, 9]], j[[5, 7, 9]], k[[5, 7, 9]]), (-95, -93, -91));
    // Along its own axis each array counts -100..99; across the others it is constant.
    assert_eq!(
        i.slice(s![.., 3, 4]).to_vec(),
        (-100..100).collect::<Vec<i64>>()
    );
    assert_eq!(
        j.slice(s![3, .., 4]).to_vec(),
        (-100..100).collect::<Vec<i64>>()
    );
    assert_eq!(
        k.slice(s![3, 4, ..]).to_vec(),
        (-100..100).collect::<Vec<i64>>()
    );
    assert!(i.slice(s![17, .., ..]).iter().all(|&v| v == -83));
}

#[test]
fn the_papers_reshapes_equal_ogrid() {
    // i = np.arange(-100, 100).reshape(200, 1, 1)
    let i = arange_with(-100i64, 100, 1)
        .unwrap()
        .reshape((N, 1, 1))
        .unwrap();
    // j = np.reshape(i, (1, 200, 1)); k = np.reshape(i, (1, 1, 200))
    let j = reshape(&i, (1, N, 1)).unwrap();
    let k = reshape(&i, (1, 1, N)).unwrap();
    // i, j, k = np.ogrid[-100:100, -100:100, -100:100]
    let (oi, oj, ok) = ogrid![-100..100, -100..100, -100..100].unwrap();
    assert_eq!(oi, i);
    assert_eq!(oj, j);
    assert_eq!(ok, k);
    // "the arrays contain the same number of elements, but ... different orientations"
    assert_eq!(
        (oi.shape(), oj.shape(), ok.shape()),
        (&[200, 1, 1][..], &[1, 200, 1][..], &[1, 1, 200][..])
    );
}

#[test]
fn ogrid_allocates_3_x_200_elements_not_3_x_200_cubed() {
    let (i, j, k) = ogrid![-100..100, -100..100, -100..100].unwrap();
    for a in [&i, &j, &k] {
        assert_eq!(a.len(), 200);
        // What the array owns is its 200 elements: 1.6 KB each, as the paper counts.
        assert_eq!(a.storage().len(), 200);
        assert_eq!(a.nbytes(), 1600);
    }
    assert_eq!(i.len() + j.len() + k.len(), 3 * 200);
    let (mi, mj, mk) = mgrid![-100..100, -100..100, -100..100].unwrap();
    assert_eq!(
        mi.storage().len() + mj.storage().len() + mk.storage().len(),
        3 * 200 * 200 * 200
    );
    // Broadcasting them to the full grid is a view: stride 0 on the other axes, no copy.
    let ib = i.broadcast_to([N, N, N]).unwrap();
    assert_eq!(ib.strides(), &[8, 0, 0]);
    assert_eq!(ib.as_ptr(), i.as_ptr());
    assert_eq!(k.broadcast_to([N, N, N]).unwrap().strides(), &[0, 0, 8]);
}

/// `np.sqrt(i**2 + j**2 + k**2)` as NumPy computes it for int64 grids: int64 squares and
/// sums (broadcast when the shapes differ), a float64 square root.
fn r_of(i: &Array3<i64>, j: &Array3<i64>, k: &Array3<i64>) -> Array3<f64> {
    sqrt((i * i + j * j + k * k).cast::<f64>())
}

#[test]
fn in46_to_49_r_by_broadcasting_equals_r_from_mgrid() {
    // In [46]: R from the dense mgrid arrays; In [47]: R.shape -> (200, 200, 200)
    let (mi, mj, mk) = mgrid![-100..100, -100..100, -100..100].unwrap();
    let r_dense = r_of(&mi, &mj, &mk);
    assert_eq!(r_dense.shape(), &[200, 200, 200]);
    // In [48]: the same from the open ogrid vectors, broadcast; In [49]: (200, 200, 200)
    let (i, j, k) = ogrid![-100..100, -100..100, -100..100].unwrap();
    let r = r_of(&i, &j, &k);
    assert_eq!(r.shape(), &[200, 200, 200]);
    assert_eq!(r, r_dense);
    // Both against the formula with plain arithmetic, reading the open vectors through
    // broadcast views (stride 0), at sample points.
    let (ib, jb, kb): (ArrayView3<i64>, ArrayView3<i64>, ArrayView3<i64>) = (
        i.broadcast_to([N, N, N]).unwrap(),
        j.broadcast_to([N, N, N]).unwrap(),
        k.broadcast_to([N, N, N]).unwrap(),
    );
    for p in samples() {
        assert_eq!(r[p], r_at(ib[p], jb[p], kb[p]), "R at {p:?}");
        assert_eq!(r[p], r_at(mi[p], mj[p], mk[p]), "R at {p:?}");
    }
    // Known values: the corner (-100, -100, -100) and the origin at index 100.
    assert_eq!(r[[0, 0, 0]], (30000f64).sqrt());
    assert_eq!(r[[100, 100, 100]], 0.0);
    assert_eq!(r[[100, 100, 103]], 3.0);
    assert_eq!(r[[103, 104, 100]], 5.0);
}
