//! `ndlinalg`: NumPy's matrix products for ndcore arrays — [`dot`], [`matmul`],
//! [`inner`], [`outer`], [`vdot`] and the out-parameter form [`matmul_into`] — at BLAS
//! speed, in pure Rust by default.
//!
//! ```
//! use ndcore::prelude::*;
//! use ndlinalg::prelude::*;
//! // The paper's projection: vecs = camera.dot(points.T).T
//! let camera = Array::from_shape_vec([3, 3], vec![500., 0., 320., 0., 500., 240., 0., 0., 1.]).unwrap();
//! let points = Array::from_shape_vec([2, 3], vec![0., 0., 1., 1., 2., 2.]).unwrap();
//! let vecs = camera.dot(&points.t()).unwrap().reversed_axes();
//! assert_eq!(vecs.shape(), &[2, 3]);
//! assert_eq!(vecs.to_vec(), vec![320., 240., 1., 1140., 1480., 2.]);
//! ```
//!
//! numpy.linalg — `solve`, `inv`, `det`, `norm`, `qr`, `svd`, `eigh`, `eig`, `cholesky`,
//! `lstsq`, `pinv`, `matrix_rank`, … — is the [`linalg`] module, on faer.
//!
//! # Semantics
//! NumPy's, checked against NumPy 2.4: the same result shapes, 1-d promotion, batch
//! broadcasting in `matmul`, wrapping integer arithmetic and logical `bool` products, and
//! the same error messages (`shapes (3,4) and (5,) not aligned: 4 (dim 1) != 5 (dim 0)`).
//! Static ranks give static result ranks ([`DotRank`], [`MatmulRank`]); a 1-d·1-d product
//! is a scalar; `IxDyn` operands give `ArrayD`.
//!
//! Operands may have any strides. Transposed and sliced views whose rows or columns are
//! unit-stride go to the kernels as they are (no copy); negative and zero (broadcast)
//! strides are taken by the pure-Rust kernels directly and packed once for BLAS.
//!
//! # Backends
//! `f32`/`f64` products run on:
//! - **the pure-Rust kernels (default)**: the [`gemm`](https://docs.rs/gemm) crate, built
//!   with its AVX-512 kernels and choosing AVX-512, AVX2+FMA or SSE at run time (no
//!   `target-cpu` flag needed), single-threaded; and a direct kernel of this crate for
//!   the paper's projection shape (a tiny matrix times the transpose of a long n×3 array),
//!   where packing GEMMs lose (139 µs for the 3×3 camera times 100 000 points, against
//!   154 µs through `gemm` and 203 µs through OpenBLAS).
//! - **CBLAS (feature `blas`)**: `cblas_?gemm`/`?gemv`/`?dot` of the library `blas-src`
//!   links. Choose it with one more feature:
//!   - `openblas`: the system OpenBLAS (`apt-get install libopenblas-dev`; never built from
//!     source, which would need the network);
//!   - `netlib`: the reference BLAS;
//!   - `intel-mkl`: Intel MKL, sequential, LP64;
//!   - `accelerate`: Apple's Accelerate.
//!
//!   `cargo test -p ndlinalg --features blas,openblas` runs every test on that backend.
//!   With `blas` alone, link a CBLAS yourself.
//!
//! Integers and `bool` always use this crate's generic kernel (vectorized the same way).
//!
//! Measured on the development machine (AMD Zen 4, one thread, f64): 1000×1000 and
//! 2000×2000 `matmul` run at the speed of OpenBLAS through the `gemm` crate (about 52
//! GFLOP/s, of a 58.6 peak; `benches/matmul.rs`, and `cargo xtask bench` next to NumPy).

mod errors;
mod ext;
mod kernel;
mod layout;
pub mod linalg;
mod mat;
mod matmul;
mod product;
mod rank;
mod scalar;

#[cfg(feature = "blas")]
extern crate blas_src;

pub use ext::Products;
pub use matmul::{matmul, matmul_into};
pub use product::{dot, inner, outer, vdot};
pub use rank::{DotRank, MatmulRank};
pub use scalar::LinalgScalar;

/// The products as functions and as methods, and ndcore's prelude:
/// `use ndlinalg::prelude::*;`.
pub mod prelude {
    pub use crate::{
        DotRank, LinalgScalar, MatmulRank, Products, dot, inner, matmul, matmul_into, outer, vdot,
    };
    pub use ndcore::prelude::*;
}

/// Which backend f32/f64 products use in this build: `"blas"` or `"rust"`.
///
/// ```
/// assert!(["blas", "rust"].contains(&ndlinalg::backend()));
/// ```
pub fn backend() -> &'static str {
    if cfg!(feature = "blas") {
        "blas"
    } else {
        "rust"
    }
}
