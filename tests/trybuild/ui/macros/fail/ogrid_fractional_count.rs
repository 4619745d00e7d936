// The count form takes a whole number of points.
use ndcore::prelude::*;

fn main() {
    let _ = ogrid![0.0..1.0;2.5j, 0..2];
}
