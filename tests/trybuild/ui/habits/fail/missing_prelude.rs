// Without `use ndops::prelude::*`, a reduction is not found; rustc names the trait to
// import (once the code mentions ndops).
use ndcore::prelude::*;

fn main() {
    let a = arange(6.0);
    let r = ndops::sqrt(&a);
    let _ = r.mean();
}
