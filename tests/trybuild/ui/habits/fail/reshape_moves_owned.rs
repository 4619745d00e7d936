// `x.reshape(..)` on an owned array consumes it (so temporaries can be reshaped and kept);
// to keep `x`, reshape a view: `x.view().reshape(..)`, or `reshape(&x, ..)`.
use ndops::prelude::*;

fn main() {
    let x = arange(9);
    let y = x.reshape((3, 3)).unwrap();
    println!("{x} {y}");
}
