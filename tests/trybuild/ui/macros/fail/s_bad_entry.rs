// A float is not an index.
use ndcore::prelude::*;

fn main() {
    let x = arange(10i64);
    let half = 0.5f64;
    let _ = x.slice(s![half]);
}
