//! Random numbers (issue 15): `default_rng(0).standard_normal(n)`, NumPy's stream by its
//! ziggurat, seeding included, against `np.random.default_rng(0).standard_normal(n)`.

use std::hint::black_box;

use ndops::random::default_rng;

use crate::harness::Bench;

pub fn standard_normal(n: usize) -> Bench {
    Box::new(move || {
        let z = default_rng(black_box(0)).standard_normal(n);
        black_box(z.expect("allocates"));
    })
}
