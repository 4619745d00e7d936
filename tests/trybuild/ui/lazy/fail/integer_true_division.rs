// `/` is NumPy's true division, defined on floats here: integers use floor_divide (`//`).
use ndops::lazy::LazyExt;
use ndops::prelude::*;

fn main() {
    let x = arange(5i64);
    let _ = x.lazy() / 2i64;
}
