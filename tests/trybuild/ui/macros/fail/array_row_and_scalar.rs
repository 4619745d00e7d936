// Rows and scalars mixed at one depth.
use ndcore::prelude::*;

fn main() {
    let _ = array![[1, 2], 3];
}
