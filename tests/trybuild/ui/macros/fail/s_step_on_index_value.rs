// The same mistake with an index held in a variable: its type says it is an index.
use ndcore::prelude::*;

fn main() {
    let x = arange(10i64);
    let i = 2usize;
    let _ = x.slice(s![i;3]);
}
