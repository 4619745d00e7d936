//! `ndops`: broadcasting, operators, ufuncs, reductions and masks for ndcore arrays (to come).
