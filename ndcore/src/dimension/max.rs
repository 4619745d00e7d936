use super::{Dimension, DynRank, Rank};
use generic_array::ArrayLength;
use typenum::{Max, Maximum};

/// The rank of the result of broadcasting `Self` with `Other`, computed at compile time:
/// the larger of two static ranks (typenum's `Maximum`), dynamic if either is dynamic.
#[diagnostic::on_unimplemented(
    message = "cannot broadcast a `{Self}` array with a `{Other}` array",
    note = "broadcasting two static ranks gives the larger one; use `IxDyn` for ranks above 6"
)]
pub trait DimMax<Other: Dimension>: Dimension {
    /// The broadcast rank.
    type Output: Dimension;
}

impl<N, M> DimMax<Rank<M>> for Rank<N>
where
    N: ArrayLength + Max<M>,
    M: ArrayLength,
    Rank<N>: Dimension,
    Rank<M>: Dimension,
    Maximum<N, M>: ArrayLength,
    Rank<Maximum<N, M>>: Dimension,
{
    type Output = Rank<Maximum<N, M>>;
}

impl<N: ArrayLength> DimMax<DynRank> for Rank<N>
where
    Rank<N>: Dimension,
{
    type Output = DynRank;
}

impl<N: ArrayLength> DimMax<Rank<N>> for DynRank
where
    Rank<N>: Dimension,
{
    type Output = DynRank;
}

impl DimMax<DynRank> for DynRank {
    type Output = DynRank;
}
