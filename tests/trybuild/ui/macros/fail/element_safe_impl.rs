// A hand-written `Element` impl must be `unsafe`: unsafe code trusts its dtype, so a safe
// impl cannot promise it (issue 10: a safe impl could make `view_as` produce invalid bools).
use bytemuck::{CheckedBitPattern, NoUninit, Zeroable};
use ndcore::{DType, Element};

#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Flag(pub bool);

// SAFETY: zero is `false`.
unsafe impl Zeroable for Flag {}
// SAFETY: one bool, no padding.
unsafe impl NoUninit for Flag {}
// SAFETY: u8 has Flag's layout; only 0 and 1 are valid.
unsafe impl CheckedBitPattern for Flag {
    type Bits = u8;
    fn is_valid_bit_pattern(bits: &u8) -> bool {
        *bits <= 1
    }
}

impl Element for Flag {
    fn dtype() -> DType {
        DType::bool()
    }
}

fn main() {}
