// A reference to one field of a packed record may be misaligned: Rust refuses it.
use ndcore::prelude::*;

#[derive(Record, Clone, Copy, Debug, PartialEq)]
#[repr(C, packed)]
struct Packed {
    a: u8,
    b: i64,
}

fn main() {
    let x = Array1::from_vec(vec![Packed { a: 1, b: 2 }]);
    let b: &i64 = &x[[0]].b;
    println!("{b}");
}
