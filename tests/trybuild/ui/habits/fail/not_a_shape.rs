// A float where a shape goes: the error lists what shapes are.
use ndops::prelude::*;

fn main() {
    let _ = Array::<f64, _>::zeros(2.5);
}
