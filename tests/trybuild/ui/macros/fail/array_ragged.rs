// A ragged literal: NumPy would make an object array (or refuse); here the row is named.
use ndcore::prelude::*;

fn main() {
    let _ = array![[1, 2, 3], [4, 5, 6], [7, 8]];
}
