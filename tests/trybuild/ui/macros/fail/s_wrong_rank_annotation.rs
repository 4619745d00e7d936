// The result's rank is a type: an index removes an axis, so x[0] of a 2-d array is 1-d.
use ndcore::prelude::*;

fn main() {
    let x = arange(12i64).into_shape([3, 4]).unwrap();
    let _row: ArrayView2<i64> = x.slice(s![0]);
}
