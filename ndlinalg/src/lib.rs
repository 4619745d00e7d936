//! `ndlinalg`: `dot` and `matmul` with a pure-Rust kernel and optional BLAS backends (to come).
