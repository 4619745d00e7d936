// The same check through slice_move, with an ellipsis (which takes no axis itself).
use ndcore::prelude::*;

fn main() {
    let x = arange(12i64);
    let _ = x.slice_move(s![..;2, ..., -1]);
}
