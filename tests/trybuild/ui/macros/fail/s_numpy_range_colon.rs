// NumPy's `x[1:3, :]` typed as is: the error names the Rust spelling of the range.
use ndcore::prelude::*;

fn main() {
    let x = arange(12i64).reshape((3, 4)).unwrap();
    let _ = x.slice(s![1:3, ..]);
}
