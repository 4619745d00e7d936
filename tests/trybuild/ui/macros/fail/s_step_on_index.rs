// A step after an integer index: an index selects one element, only a range has a step.
use ndcore::prelude::*;

fn main() {
    let x = arange(10i64);
    let _ = x.slice(s![2;3]);
}
