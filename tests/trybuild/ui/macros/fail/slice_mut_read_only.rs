// Slicing a read-only view mutably: NumPy finds out at run time ("assignment destination
// is read-only"); here it does not compile.
use ndcore::prelude::*;

fn main() {
    let x = arange(10i64);
    x.view().slice_mut(s![..;2]).fill(0);
}
