// `arange(stop)` counts in i64 (NumPy's default), f64 or f32; other types say how.
use ndops::prelude::*;

fn main() {
    let _ = arange(5u8);
}
