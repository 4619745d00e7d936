// u8 then f64: Rust puts 7 padding bytes between them, which may not be read; they must
// be declared (`#[record(pad)] _pad: [u8; 7]`, NumPy's align=True) or the struct packed.
use ndcore::Record;

#[derive(Record, Clone, Copy, Debug, PartialEq)]
#[repr(C)]
struct Rec {
    flag: u8,
    value: f64,
}

fn main() {}
