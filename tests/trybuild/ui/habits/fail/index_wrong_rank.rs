// One index for a 2-d array: the error names the index and the array's rank as `Ix<2>`.
use ndops::prelude::*;

fn main() {
    let a = arange(6).reshape((2, 3)).unwrap();
    let _ = a[[0]];
}
