//! Figure 3, the paper's distance grid (In \[44\]–\[49\], its Figure 1):
//! `R = sqrt(i**2 + j**2 + k**2)` over `n**3` points from `-n/2` to `n/2 - 1`, with the
//! coordinates from `mgrid` (three dense int64 cubes; the paper counts 576 MB allocated)
//! or `ogrid` (three vectors that broadcast; 128 MB), against the paper's C loop. Both
//! take time and peak bytes: the grids are made inside the timed call, as in the paper.

use std::hint::black_box;

use ndcore::prelude::*;
use ndops::lazy::LazyExt;
use ndops::sqrt;

use crate::harness::Bench;

fn half(n: usize) -> i64 {
    (n / 2) as i64
}

/// In \[44\] and \[46\]: `i, j, k = np.mgrid[-h:h, -h:h, -h:h]`, then `R`.
pub fn mgrid_r(n: usize) -> Bench {
    let h = half(n);
    Box::new(move || {
        let (i, j, k) = mgrid![-h..h, -h..h, -h..h].expect("a valid grid");
        black_box(sqrt((&i * &i + &j * &j + &k * &k).cast::<f64>()));
    })
}

/// `i, j, k = np.ogrid[-h:h, -h:h, -h:h]` and In \[48\]: the same `R` by broadcasting.
pub fn ogrid_r(n: usize) -> Bench {
    let h = half(n);
    Box::new(move || {
        let (i, j, k) = ogrid![-h..h, -h..h, -h..h].expect("a valid grid");
        black_box(sqrt((&i * &i + &j * &j + &k * &k).cast::<f64>()));
    })
}

/// The `ogrid` coordinates and `R` as one lazy expression (`ndops::lazy`): one pass,
/// the output its only large allocation.
pub fn fused_r(n: usize) -> Bench {
    let h = half(n);
    Box::new(move || {
        let (i, j, k) = ogrid![-h..h, -h..h, -h..h].expect("a valid grid");
        let (il, jl, kl) = (i.lazy(), j.lazy(), k.lazy());
        let r = (il * il + jl * jl + kl * kl).cast::<f64>().sqrt();
        black_box(r.eval().expect("the grid broadcasts"));
    })
}

/// The paper's C loop: `R[i][j][k] = sqrt(i*i + j*j + k*k)`, no temporaries.
pub fn r_loop(n: usize) -> Bench {
    let h = half(n);
    Box::new(move || {
        let mut r = Vec::with_capacity(n * n * n);
        for i in -h..h {
            for j in -h..h {
                for k in -h..h {
                    r.push(((i * i + j * j + k * k) as f64).sqrt());
                }
            }
        }
        black_box(r);
    })
}
