// A grid needs to know where to stop.
use ndcore::prelude::*;

fn main() {
    let _ = ogrid![0.., 0..2];
}
