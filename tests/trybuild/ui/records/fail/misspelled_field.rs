// NumPy finds a wrong field name at run time (ValueError: no field of name tme); here
// it does not compile.
use ndcore::prelude::*;

#[derive(Record, Clone, Copy, Debug, PartialEq)]
#[repr(C)]
struct Rec {
    time: u64,
    x: f64,
}

fn main() {
    let a = Array1::from_vec(vec![Rec { time: 1, x: 0.5 }]);
    let t = a.tme();
}
