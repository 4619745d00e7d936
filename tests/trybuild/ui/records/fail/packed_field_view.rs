// The fields of a packed record may be misaligned: no view of them can be borrowed.
// x.a() gives a copy; writing goes through whole records.
use ndcore::prelude::*;

#[derive(Record, Clone, Copy, Debug, PartialEq)]
#[repr(C, packed)]
struct Packed {
    a: u8,
    b: i64,
}

fn main() {
    let mut x = Array1::from_vec(vec![Packed { a: 1, b: 2 }]);
    let mut b = x.b_mut();
    b += 1;
}
