// `slice` gives a read-only view; writing needs `slice_mut`.
use ndcore::prelude::*;

fn main() {
    let x = arange(10i64);
    x.slice(s![..5]).fill(0);
}
