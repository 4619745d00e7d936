//! Printing. (NumPy-exact `Display`/`Debug` come with the printing work; this is the
//! plain form until then.)

use crate::array::ArrayBase;
use crate::dimension::Dimension;
use crate::storage::Data;
use std::fmt;

impl<S: Data, D: Dimension> fmt::Debug for ArrayBase<S, D>
where
    S::Elem: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v: Vec<&S::Elem> = self.iter().collect();
        write!(
            f,
            "array({v:?}, shape={:?}, strides={:?})",
            self.shape(),
            self.strides()
        )
    }
}
