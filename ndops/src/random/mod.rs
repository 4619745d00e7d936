//! Random numbers that are NumPy's: `default_rng(seed)` gives the numbers
//! `np.random.default_rng(seed)` gives, bit for bit.
//!
//! The generator is NumPy's: a [`Pcg64`] bit generator (128-bit LCG, XSL-RR output)
//! seeded through a [`SeedSequence`] with NumPy's hashing, under a [`Generator`] whose
//! methods use NumPy's algorithms and take the same words of the stream — the 53-bit
//! doubles, Lemire's bounded integers (32-bit draws for ranges that fit, two per 64-bit
//! word, the spare half kept for the next call), the ziggurat for normals and exponentials
//! with NumPy's tables, Fisher–Yates shuffles and `choice`'s Floyd sampling. So a
//! sequence of calls, mixed as you like, gives NumPy's numbers in NumPy's order, and code
//! ported from NumPy can be checked number for number.
//!
//! | NumPy | nd |
//! |---|---|
//! | `rng = np.random.default_rng(42)` | `let mut rng = default_rng(42);` |
//! | `np.random.default_rng([1, 2, 3])` | `default_rng([1, 2, 3])` |
//! | `np.random.default_rng()` (OS entropy) | `default_rng(None)` |
//! | `rng.random((2, 3))` | `rng.random((2, 3))?` |
//! | `rng.random()` | `rng.random_scalar()` |
//! | `rng.random(5, dtype=np.float32)` | `rng.random_f32(5)?` |
//! | `rng.integers(0, 10, size=5)` | `rng.integers(0i64, 10, 5)?` (the bounds' type is the dtype) |
//! | `rng.integers(0, 256, 5, dtype=np.uint8)` | `rng.integers_endpoint(0u8, 255, 5)?` |
//! | `rng.integers(1, 6, 5, endpoint=True)` | `rng.integers_endpoint(1i64, 6, 5)?` |
//! | `rng.integers(0, 10)` | `rng.integers_scalar(0i64, 10)?` |
//! | `rng.uniform(-1, 1, 5)` | `rng.uniform(-1.0, 1.0, 5)?` |
//! | `rng.standard_normal(5)` | `rng.standard_normal(5)?` (`_f32`, `_scalar` variants) |
//! | `rng.normal(10, 2, (3, 3))` | `rng.normal(10.0, 2.0, (3, 3))?` |
//! | `rng.normal(mu, sigma)` (arrays) | `rng.normal_array(&mu, &sigma, None)?` (`Some(&[..])` for `size`) |
//! | `rng.uniform(low, high)` (arrays) | `rng.uniform_array(&low, &high, None)?` |
//! | `rng.integers(low, high)` (arrays) | `rng.integers_array(&low, &high, None)?` |
//! | `rng.standard_exponential(5)` | `rng.standard_exponential(5)?` |
//! | `rng.exponential(2.0, 5)` | `rng.exponential(2.0, 5)?` |
//! | `rng.lognormal(0, 1, 5)` | `rng.lognormal(0.0, 1.0, 5)?` |
//! | `rng.gamma(2, 1.5, 5)`, `rng.standard_gamma(2, 5)` | `rng.gamma(2.0, 1.5, 5)?`, `rng.standard_gamma(2.0, 5)?` |
//! | `rng.poisson(3, 5)` | `rng.poisson(3.0, 5)?` (int64) |
//! | `rng.binomial(10, 0.3, 5)` | `rng.binomial(10, 0.3, 5)?` (int64) |
//! | `rng.geometric(0.25, 5)` | `rng.geometric(0.25, 5)?` (int64) |
//! | `rng.negative_binomial(3, 0.4, 5)`, `rng.zipf(2, 5)` | `rng.negative_binomial(3.0, 0.4, 5)?`, `rng.zipf(2.0, 5)?` (int64) |
//! | `rng.beta`, `chisquare`, `f`, `standard_cauchy`, `standard_t`, `pareto`, `weibull`, `power`, `laplace`, `gumbel`, `logistic`, `rayleigh`, `triangular` | the same names, scalar parameters then the shape |
//! | `rng.choice(10, 3, replace=False)` | `rng.choice(10, 3, false, None)?` |
//! | `rng.choice(a, 3, p=[..])` | `rng.choice_from(&a, 3, true, Some(&[..]))?` |
//! | `rng.choice(a, 3, axis=1, shuffle=False)` | `rng.choice_from_with(&a, 3, &ChoiceOptions { axis: Axis(1), shuffle: false, ..Default::default() })?` |
//! | `rng.shuffle(x)` | `rng.shuffle(&mut x)?` |
//! | `rng.permutation(10)`, `rng.permutation(x)` | `rng.permutation(10)?`, `rng.permutation_of(&x)?` |
//! | `rng.bit_generator.state`, `.advance(n)` | `rng.bit_generator().state()`, `rng.bit_generator_mut().advance(n)` |
//! | `np.random.PCG64(1).jumped()` | `Pcg64::new(1u64).jumped(1)` |
//!
//! ```
//! use ndops::prelude::*;
//! use ndops::random::default_rng;
//! // rng = np.random.default_rng(0)
//! let mut rng = default_rng(0);
//! // rng.standard_normal(3)
//! let z = rng.standard_normal(3)?;
//! assert_eq!(z.to_vec(), vec![0.1257302210933933, -0.1321048632913019, 0.6404226504432821]);
//! // then rng.integers(0, 10, size=(2, 2)) and rng.random(): the stream continues
//! let k = rng.integers(0i64, 10, (2, 2))?;
//! assert_eq!(k.shape(), &[2, 2]);
//! let u = rng.random_scalar();
//! assert!((0.0..1.0).contains(&u));
//! // NumPy's errors
//! assert_eq!(rng.normal(0.0, -1.0, 3).unwrap_err().to_string(), "scale < 0");
//! assert_eq!(rng.integers(3i64, 3, 1).unwrap_err().to_string(), "low >= high");
//! # Ok::<(), ndcore::Error>(())
//! ```
//!
//! Not here yet: NumPy's other bit generators and distributions (`hypergeometric`,
//! `logseries`, `vonmises`, `wald`, `noncentral_*`, `multinomial`, `dirichlet`,
//! `multivariate_normal`, …).

mod binomial;
mod choice;
mod continuous;
mod distributions;
mod gamma;
mod generator;
mod geometric;
mod integers;
mod params;
mod pcg64;
mod poisson;
mod seed_sequence;
mod shuffle;
mod ziggurat;
mod zipf;

pub use choice::ChoiceOptions;
pub use generator::{Generator, default_rng};
pub use integers::RandomInt;
pub use pcg64::{Pcg64, Pcg64State};
pub use seed_sequence::{DEFAULT_POOL_SIZE, IntoSeed, SeedSequence};

/// The ziggurat tables, for the test that compares them with NumPy's build.
#[doc(hidden)]
pub mod tables {
    pub use super::ziggurat::{
        FE_DOUBLE, FE_FLOAT, FI_DOUBLE, FI_FLOAT, KE_DOUBLE, KE_FLOAT, KI_DOUBLE, KI_FLOAT,
        WE_DOUBLE, WE_FLOAT, WI_DOUBLE, WI_FLOAT,
    };
}
