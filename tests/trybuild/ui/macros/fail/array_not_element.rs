// Elements must be plain data with a dtype.
use ndcore::prelude::*;

fn main() {
    let _ = array!["a", "b"];
}
