// Three entries for a 2-d array: NumPy's "too many indices for array" is a compile error
// for a static rank.
use ndcore::prelude::*;

fn main() {
    let x = arange(12i64).into_shape([3, 4]).unwrap();
    let _ = x.slice(s![0, 1.., 2]);
}
