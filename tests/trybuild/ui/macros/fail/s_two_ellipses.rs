// At most one `...` per slice, as in NumPy.
use ndcore::prelude::*;

fn main() {
    let x = arange(24i64).into_shape([2, 3, 4]).unwrap();
    let _ = x.slice(s![..., 0, ...]);
}
