//! SIMD run-time dispatch and the element-wise drivers, for code outside ndcore that wants
//! the same loops the operators use (reductions, user kernels).
//!
//! Every element-wise loop in nd is compiled for three instruction-set levels — the
//! target's baseline, AVX2+FMA, AVX-512 — and the level of the CPU it runs on is picked
//! once, at the first call ([`simd_level`]), as NumPy does. `ND_SIMD=scalar|avx2|avx512`
//! caps it. To get the same for your own loop, implement [`Kernel`] with an
//! `#[inline(always)]` `run` and call [`dispatch`]:
//!
//! ```
//! use ndops::kernels::{dispatch, Kernel};
//! struct Dot<'a>(&'a [f64], &'a [f64]);
//! impl Kernel for Dot<'_> {
//!     type Output = f64;
//!     #[inline(always)]
//!     fn run(self) -> f64 {
//!         // Four accumulators, so the compiler can use vector lanes without reordering
//!         // a single sum.
//!         let mut acc = [0.0; 4];
//!         for (x, y) in self.0.chunks_exact(4).zip(self.1.chunks_exact(4)) {
//!             for k in 0..4 {
//!                 acc[k] += x[k] * y[k];
//!             }
//!         }
//!         acc.iter().sum()
//!     }
//! }
//! let v = vec![1.0; 8];
//! assert_eq!(dispatch(Dot(&v, &v)), 8.0);
//! ```
//!
//! The element-wise drivers ([`binary`], [`unary`], [`zip_map`], [`map`] and their
//! `_into`/`_inplace` forms) take any closure and give it broadcasting, the loop engine's
//! run kinds (contiguous runs as slices, stride-0 operands as scalars, strided runs last)
//! and this dispatch; those in [`light`] are for closures that do little per element
//! ([`Cost`]: on arrays larger than the last-level cache they stream with narrower
//! vectors, which is faster on this machine).
//!
//! Hand-rolled rather than the `multiversion` or `pulp` crates: measured the same (a
//! `sqrt` loop over 16, 1000 and 10000 `f64`: 38/578/5490 ns with `multiversion` 0.8,
//! 39/578/5489 ns here), with no proc-macro dependency, AVX-512 on stable, and any
//! closure as the kernel (`zip_map(&a, &b, |x, y| …)` is compiled per level too).

pub use ndcore::ops::{
    Cost, Kernel, SimdLevel, binary, detected_simd_level, dispatch, light, map, map_inplace,
    map_into, set_simd_level, simd_level, unary, zip_map, zip_map_inplace, zip_map_into,
};
