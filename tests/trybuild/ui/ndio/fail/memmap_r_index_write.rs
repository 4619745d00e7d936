// Writing one element of a read-only map does not compile either.
use ndcore::prelude::*;
use ndio::mmap::{Memmap, mode};

fn main() -> Result<(), ndio::Error> {
    let mut a = Memmap::new("data.bin").open::<f64, Ix1, _>(mode::R)?;
    a[[0]] = 1.0;
    Ok(())
}
