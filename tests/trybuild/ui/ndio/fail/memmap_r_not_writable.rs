// A map opened with mode 'r' is read-only: writing it does not compile (NumPy raises
// "ValueError: assignment destination is read-only" at run time).
use ndcore::prelude::*;
use ndio::mmap::{Memmap, mode};

fn main() -> Result<(), ndio::Error> {
    let mut a = Memmap::new("data.bin").open::<f64, Ix1, _>(mode::R)?;
    a[[0]] = 1.0;
    a.fill(0.0);
    Ok(())
}
