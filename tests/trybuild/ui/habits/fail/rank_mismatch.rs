// A 1-d result where a 2-d array is declared: the ranks read `Ix<2>` and `Ix<1>`.
use ndops::prelude::*;

fn main() {
    let _m: Array2<f64> = &arange(3.0) * 2.0;
}
