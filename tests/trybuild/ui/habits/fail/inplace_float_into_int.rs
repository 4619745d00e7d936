// NumPy raises UFuncTypeError for `a += 0.5` on an int64 array (same_kind casting); here
// it does not compile, and says why.
use ndops::prelude::*;

fn main() {
    let mut a = arange(3);
    a += 0.5;
}
