/// An axis index, as NumPy's `axis=` argument (non-negative here).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Axis(pub usize);

impl Axis {
    /// The axis number.
    pub fn index(self) -> usize {
        self.0
    }
}
