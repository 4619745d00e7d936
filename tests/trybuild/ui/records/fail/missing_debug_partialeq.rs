// Elements print and compare, as NumPy's do: a record derives Debug and PartialEq too.
use ndcore::Record;

#[derive(Record, Clone, Copy)]
#[repr(C)]
struct Rec {
    time: u64,
    x: f64,
}

fn main() {}
