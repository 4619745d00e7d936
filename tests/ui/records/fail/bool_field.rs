// A bool field would be invalid for any byte other than 0 or 1 read from a file.
use ndcore::Record;

#[derive(Record, Clone, Copy, Debug, PartialEq)]
#[repr(C)]
struct Rec {
    code: u8,
    valid: bool,
}

fn main() {}
