// A map opened with mode 'r' is read-only: its fields cannot be written either (NumPy:
// ValueError: assignment destination is read-only, at run time).
use ndcore::prelude::*;
use ndio::mmap::{Memmap, mode};

#[derive(Record, Clone, Copy, Debug, PartialEq)]
#[repr(C)]
struct Rec {
    time: u64,
    x: f64,
}

fn main() -> Result<(), ndio::Error> {
    let mut x = Memmap::new("records.bin").open::<Rec, Ix1, _>(mode::R)?;
    let mut time = x.time_mut();
    time += 1;
    Ok(())
}
