// A record field must be a number, a record or a fixed array of them (NumPy's U/S/O
// fields are not supported): a String is heap memory, not bytes in the record.
use ndcore::Record;

#[derive(Record, Clone, Copy, Debug, PartialEq)]
#[repr(C)]
struct Rec {
    time: u64,
    name: String,
}

fn main() {}
