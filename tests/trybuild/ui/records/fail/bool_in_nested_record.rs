// A record holding another record that has a bool: the outer one must say it is checked
// too (#[record(checked)]); without it the message says what record fields can be.
use ndcore::prelude::*;

#[derive(Record, Clone, Copy, Debug, PartialEq)]
#[repr(C)]
struct Inner {
    ok: bool,
    n: [u8; 3],
}

#[derive(Record, Clone, Copy, Debug, PartialEq)]
#[repr(C)]
struct Outer {
    inner: Inner,
    x: f32,
}

fn main() {}
