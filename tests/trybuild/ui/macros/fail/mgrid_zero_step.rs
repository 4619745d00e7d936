// A literal step of 0 (NumPy: ZeroDivisionError).
use ndcore::prelude::*;

fn main() {
    let _ = mgrid![0..10;0, 0..2];
}
