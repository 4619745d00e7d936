// A 1-d literal where a 2-d array is expected.
use ndcore::prelude::*;

fn main() {
    let _m: Array2<i32> = array![1, 2, 3];
}
