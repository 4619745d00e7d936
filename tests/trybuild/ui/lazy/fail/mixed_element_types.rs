// One element type per expression: an f32 array beside an f64 one must be cast first.
use ndops::lazy::LazyExt;
use ndops::prelude::*;

fn main() {
    let x = arange(5.0f64);
    let y = Array::from_vec(vec![1.0f32; 5]);
    let _ = x.lazy() + y.lazy();
}
