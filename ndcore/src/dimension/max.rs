use super::{Dimension, Ix, IxDyn};

/// The rank of the result of broadcasting `Self` with `Other`, computed at compile time:
/// the larger of two static ranks, dynamic if either is dynamic.
#[diagnostic::on_unimplemented(
    message = "cannot broadcast a `{Self}` array with a `{Other}` array",
    note = "broadcasting two static ranks gives the larger one; use `IxDyn` for ranks above 6"
)]
pub trait DimMax<Other: Dimension>: Dimension {
    /// The broadcast rank.
    type Output: Dimension;
}

/// `DimMax` for every pair of static ranks: a row of the table per left rank.
macro_rules! max_table {
    ($($a:literal: $($b:literal => $o:literal),*;)*) => {$($(
        impl DimMax<Ix<$b>> for Ix<$a> {
            type Output = Ix<$o>;
        }
    )*)*};
}
max_table! {
    0: 0 => 0, 1 => 1, 2 => 2, 3 => 3, 4 => 4, 5 => 5, 6 => 6;
    1: 0 => 1, 1 => 1, 2 => 2, 3 => 3, 4 => 4, 5 => 5, 6 => 6;
    2: 0 => 2, 1 => 2, 2 => 2, 3 => 3, 4 => 4, 5 => 5, 6 => 6;
    3: 0 => 3, 1 => 3, 2 => 3, 3 => 3, 4 => 4, 5 => 5, 6 => 6;
    4: 0 => 4, 1 => 4, 2 => 4, 3 => 4, 4 => 4, 5 => 5, 6 => 6;
    5: 0 => 5, 1 => 5, 2 => 5, 3 => 5, 4 => 5, 5 => 5, 6 => 6;
    6: 0 => 6, 1 => 6, 2 => 6, 3 => 6, 4 => 6, 5 => 6, 6 => 6;
}

impl<const N: usize> DimMax<IxDyn> for Ix<N>
where
    Ix<N>: Dimension,
{
    type Output = IxDyn;
}

impl<const N: usize> DimMax<Ix<N>> for IxDyn
where
    Ix<N>: Dimension,
{
    type Output = IxDyn;
}

impl DimMax<IxDyn> for IxDyn {
    type Output = IxDyn;
}
