// A dtype is one fixed layout: a record cannot be generic.
use ndcore::Record;

#[derive(Record, Clone, Copy, Debug, PartialEq)]
#[repr(C)]
struct Rec<T> {
    time: u64,
    value: T,
}

fn main() {}
