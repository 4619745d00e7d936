// Bounds are numbers.
use ndcore::prelude::*;

fn main() {
    let stop = "10";
    let _ = mgrid![0..stop, 0..2];
}
