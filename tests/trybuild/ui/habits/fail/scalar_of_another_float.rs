// An f64 variable beside an f32 array: NumPy's float64 scalar would make the result f64;
// nd asks which one is meant (`x as f32`, or `.cast::<f64>()` on the array).
use ndops::prelude::*;

fn main() {
    let f = arange(3.0f32);
    let scale: f64 = 2.0;
    let _ = &f * scale;
}
