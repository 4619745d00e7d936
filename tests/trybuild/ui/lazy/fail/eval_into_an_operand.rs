// A lazy expression borrows its operands: evaluating it into one of them, which could
// read elements already overwritten, does not compile.
use ndops::lazy::LazyExt;
use ndops::prelude::*;

fn main() {
    let mut x = arange(5.0);
    let xl = x.lazy();
    let f = xl * xl + 1.0;
    f.eval_into(&mut x).unwrap();
}
