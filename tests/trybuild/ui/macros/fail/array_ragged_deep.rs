// Raggedness deeper down is named by its full index.
use ndcore::prelude::*;

fn main() {
    let _ = array![[[1, 2], [3, 4]], [[5, 6], [7, 8, 9]]];
}
