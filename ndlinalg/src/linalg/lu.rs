//! The LU factorization with partial pivoting that `solve`, `inv`, `det` and `slogdet`
//! share (LAPACK's `getrf`, which NumPy calls).

use crate::linalg::LinalgFloat;
use crate::linalg::batch::PAR;
use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::lu::partial_pivoting::{factor, solve};
use faer::perm::PermRef;
use faer::{Mat, MatMut, MatRef};

/// `P A = L U` of a square matrix, packed as LAPACK packs it (unit `L` below the diagonal).
pub(crate) struct Lu<T> {
    lu: Mat<T>,
    fwd: Vec<usize>,
    bwd: Vec<usize>,
    /// Row swaps done: the sign of `det P` is `(-1)^transpositions`.
    pub transpositions: usize,
}

impl<T: LinalgFloat> Lu<T> {
    /// Factors `a` (square; read in place, factored in a copy).
    pub fn new(a: MatRef<'_, T>) -> Self {
        let n = a.nrows();
        let mut lu = a.to_owned();
        let mut fwd = vec![0usize; n];
        let mut bwd = vec![0usize; n];
        let req = factor::lu_in_place_scratch::<usize, T>(n, n, PAR, Default::default());
        let mut buf = MemBuffer::new(req);
        let (info, _) = factor::lu_in_place(
            lu.as_mut(),
            &mut fwd,
            &mut bwd,
            PAR,
            MemStack::new(&mut buf),
            Default::default(),
        );
        Lu {
            lu,
            fwd,
            bwd,
            transpositions: info.transposition_count,
        }
    }

    /// The diagonal of `U`.
    pub fn pivots(&self) -> impl Iterator<Item = T> + '_ {
        (0..self.lu.nrows()).map(|i| self.lu[(i, i)])
    }

    /// Whether `U` has an exactly zero pivot: LAPACK's `info > 0`, NumPy's "Singular
    /// matrix". NaN pivots are not zero: NaN input gives NaN results, as it mostly does in
    /// NumPy (whose OpenBLAS calls a few NaN placements singular, e.g. `[[nan, 1], [1, 1]]`).
    pub fn is_singular(&self) -> bool {
        self.pivots().any(|p| p == T::zero())
    }

    /// Solves `A X = B` in place of `rhs` (which holds `B`).
    pub fn solve_in_place(&self, rhs: MatMut<'_, T>) {
        let n = self.lu.nrows();
        let perm = PermRef::new_checked(&self.fwd, &self.bwd, n);
        let req = solve::solve_in_place_scratch::<usize, T>(n, rhs.ncols(), PAR);
        let mut buf = MemBuffer::new(req);
        solve::solve_in_place(
            self.lu.as_ref(),
            self.lu.as_ref(),
            perm,
            rhs,
            PAR,
            MemStack::new(&mut buf),
        );
    }
}
