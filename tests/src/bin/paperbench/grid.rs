//! The paper's grid constructors (In \[44\] and the `ogrid` short-hand): `mgrid!` builds three
//! dense 200³ int64 arrays (3 × 64 MB), `ogrid!` three vectors of 200.

use std::hint::black_box;

use ndcore::prelude::*;

use crate::harness::Bench;

/// `i, j, k = np.mgrid[-100:100, -100:100, -100:100]`.
pub fn mgrid_200() -> Bench {
    Box::new(|| {
        black_box(mgrid![-100..100, -100..100, -100..100].expect("a valid grid"));
    })
}

/// The same three dense arrays filled by hand.
pub fn mgrid_200_loop() -> Bench {
    Box::new(|| {
        const N: usize = 200;
        let mut i = Vec::with_capacity(N * N * N);
        let mut j = Vec::with_capacity(N * N * N);
        let mut k = Vec::with_capacity(N * N * N);
        for a in -100..100i64 {
            for b in -100..100i64 {
                for c in -100..100i64 {
                    i.push(a);
                    j.push(b);
                    k.push(c);
                }
            }
        }
        black_box((i, j, k));
    })
}

/// `i, j, k = np.ogrid[-100:100, -100:100, -100:100]`.
pub fn ogrid_200() -> Bench {
    Box::new(|| {
        black_box(ogrid![-100..100, -100..100, -100..100].expect("a valid grid"));
    })
}
