// array!: element types inferred like vec!, ranks from the nesting, rows with expressions.
use ndcore::prelude::*;

fn total(a: &Array2<f64>) -> f64 {
    a.iter().sum()
}

fn main() {
    let a = array![[1.0, 2.0], [3.0, 4.0]];
    assert_eq!(total(&a), 10.0);
    let b: Array1<u8> = array![1, 2, 3];
    assert_eq!(b.len(), 3);
    let w = 2;
    let c = array![[[w, w * 2], [w * 3, (|| 7)()]]];
    let _: &Array3<i32> = &c;
    let e: Array2<i64> = array![[], []];
    assert!(e.is_empty());
}
