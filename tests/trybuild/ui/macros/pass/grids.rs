// mgrid!/ogrid!: element types from the bounds, tuples of static-rank arrays, the one-entry
// and count forms, and meshgrid's rank from the number of inputs.
use ndcore::grid::{Indexing, meshgrid};
use ndcore::prelude::*;

fn main() {
    let (i, j, k): (Array3<i64>, Array3<i64>, Array3<i64>) =
        mgrid![-100..100, -100..100, -100..100].unwrap();
    assert_eq!(i.shape(), j.shape());
    assert_eq!(k.shape(), &[200, 200, 200]);
    let (x, y): (Array2<f64>, Array2<f64>) = ogrid![0..1;0.25, 0.0..1.0;5j].unwrap();
    assert_eq!((x.shape(), y.shape()), (&[4, 1][..], &[1, 5][..]));
    let r: Array1<i64> = mgrid![0..10;2].unwrap();
    assert_eq!(r.len(), 5);
    let (one,): (Array1<f64>,) = ogrid![0..1;3j,].unwrap();
    assert_eq!(one.len(), 3);
    let n = 4usize;
    let (a, b) = mgrid![0..n, 0..n;2].unwrap();
    let _: (&Array2<i64>, &Array2<i64>) = (&a, &b);
    let [gx, gy, gz] =
        meshgrid([&arange(2.0f64), &arange(3.0), &arange(4.0)], Indexing::Xy).unwrap();
    let _: &Array3<f64> = &gx;
    assert_eq!((gy.shape(), gz.shape()), (&[3, 2, 4][..], &[3, 2, 4][..]));
}
