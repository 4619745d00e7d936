// A literal step of 0: NumPy raises "slice step cannot be zero" at run time; here the
// macro refuses it at compile time, pointing at the step.
use ndcore::prelude::*;

fn main() {
    let x = arange(10i64);
    let _ = x.slice(s![1..8;0]);
}
