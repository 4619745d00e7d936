// NumPy's colon syntax, with a hint at the Rust spelling.
use ndcore::prelude::*;

fn main() {
    let x = arange(10i64);
    let _ = x.slice(s![::2]);
}
