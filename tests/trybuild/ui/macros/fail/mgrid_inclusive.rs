// Grid ranges exclude their stop, as NumPy's do; `..=` would read as including it.
use ndcore::prelude::*;

fn main() {
    let _ = mgrid![0..=10, 0..2];
}
