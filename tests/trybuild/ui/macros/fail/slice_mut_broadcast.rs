// A broadcast view repeats elements (stride 0), so it is read-only, as in NumPy.
use ndcore::prelude::*;

fn main() {
    let x = arange(3i64);
    let mut b = x.broadcast_to([2, 3]).unwrap();
    b.slice_mut(s![0, ..]).fill(1);
}
