// Without #[repr(C)], Rust may reorder the fields: the bytes would not be where the
// dtype says. The derive refuses it.
use ndcore::Record;

#[derive(Record, Clone, Copy, Debug, PartialEq)]
struct Rec {
    time: u64,
    x: f64,
}

fn main() {}
