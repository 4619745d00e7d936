//! `paperbench`: the Rust side of `cargo xtask bench` (NumPy's side is
//! `scripts/bench/numpy_compare.py`; xtask joins the two by case name).
//!
//! # Adding a case
//!
//! 1. Write a setup function `fn my_case() -> Bench`: it builds the inputs (not timed)
//!    and returns the closure that is timed. Pass results through `black_box` so the
//!    work cannot be optimized away.
//! 2. Add one line to [`CASES`]: `("my_case", Impl::Nd, my_case),`. Use [`Impl::Nd`] for
//!    code using the nd crates and [`Impl::Loop`] for the hand-written loop a user would
//!    write without them; both may exist for one case name.
//! 3. Add the NumPy twin: one line with the same name in `CASES` of
//!    `scripts/bench/numpy_compare.py`, built from the same data recipe.
//!
//! Flags: `--json` (JSON lines for xtask), `--filter SUBSTR`, `--min-time SECS`, `--list`.

mod elementwise;
mod grid;
mod harness;
mod io;
mod iteration;
mod linalg;
mod records;
mod reduce;

use std::hint::black_box;

use harness::{Bench, Case, Impl};

/// Every case: (name shared with NumPy's side, implementation, setup). One line each.
#[rustfmt::skip]
const CASES: &[Case] = &[
    ("sum_f64_1e7", Impl::Loop, sum_f64_1e7_loop),
    ("iter_sum_1e6", Impl::Nd, iteration::iter_sum_1e6),
    ("iter_sum_1e6", Impl::Loop, iteration::iter_sum_1e6_loop),
    ("iter_sum_transposed_1e6", Impl::Nd, iteration::iter_sum_transposed_1e6),
    ("iter_sum_transposed_1e6", Impl::Loop, iteration::iter_sum_transposed_1e6_loop),
    ("iter_sum_sliced_1e6", Impl::Nd, iteration::iter_sum_sliced_1e6),
    ("iter_sum_sliced_1e6", Impl::Loop, iteration::iter_sum_sliced_1e6_loop),
    ("sum_f64_1e7", Impl::Nd, reduce::sum_f64_1e7),
    ("sum_axis0_1000x1000", Impl::Nd, reduce::sum_axis0_1000x1000),
    ("sum_axis0_1000x1000", Impl::Loop, reduce::sum_axis0_1000x1000_loop),
    ("sum_axis1_1000x1000", Impl::Nd, reduce::sum_axis1_1000x1000),
    ("var_f64_1e6", Impl::Nd, reduce::var_f64_1e6),
    ("max_f64_1e6", Impl::Nd, reduce::max_f64_1e6),
    ("masked_1e6", Impl::Nd, reduce::masked_1e6),
    ("sum_axis1_1e6x4", Impl::Nd, reduce::sum_axis1_1e6x4),
    ("sum_axis0_1e6x4", Impl::Nd, reduce::sum_axis0_1e6x4),
    ("argmax_f64_1e6", Impl::Nd, reduce::argmax_f64_1e6),
    ("cumsum_f64_1e6", Impl::Nd, reduce::cumsum_f64_1e6),
    ("fx_1e5", Impl::Nd, elementwise::fx_1e5),
    ("fx_1e5", Impl::Loop, elementwise::fx_1e5_loop),
    ("fx_1e7", Impl::Nd, elementwise::fx_1e7),
    ("fx_1e7", Impl::Loop, elementwise::fx_1e7_loop),
    ("grid_ogrid_200", Impl::Nd, elementwise::grid_ogrid_200),
    ("grid_ogrid_200", Impl::Loop, elementwise::grid_ogrid_200_loop),
    ("diff_1000", Impl::Nd, elementwise::diff_1000),
    ("diff_1000", Impl::Loop, elementwise::diff_1000_loop),
    ("diff_1000_fused", Impl::Nd, elementwise::diff_1000_fused),
    ("add_f64_1e7", Impl::Nd, elementwise::add_f64_1e7),
    ("add_f64_1e7", Impl::Loop, elementwise::add_f64_1e7_loop),
    ("add_f64_1e7_out", Impl::Nd, elementwise::add_f64_1e7_out),
    ("copy_f64_1e7", Impl::Loop, elementwise::copy_f64_1e7_loop),
    ("add_bcast", Impl::Nd, elementwise::add_bcast),
    ("add_bcast", Impl::Loop, elementwise::add_bcast_loop),
    ("add_bcast_col", Impl::Nd, elementwise::add_bcast_col),
    ("add_transposed", Impl::Nd, elementwise::add_transposed),
    ("add_transposed", Impl::Loop, elementwise::add_transposed_loop),
    ("mgrid_200", Impl::Nd, grid::mgrid_200),
    ("mgrid_200", Impl::Loop, grid::mgrid_200_loop),
    ("ogrid_200", Impl::Nd, grid::ogrid_200),
    ("matmul_f64_1000", Impl::Nd, linalg::matmul_f64_1000),
    ("matmul_f64_2000", Impl::Nd, linalg::matmul_f64_2000),
    ("paper_projection", Impl::Nd, linalg::paper_projection),
    ("paper_projection", Impl::Loop, linalg::paper_projection_loop),
    ("npy_save_1e7", Impl::Nd, io::npy_save_1e7),
    ("npy_load_1e7", Impl::Nd, io::npy_load_1e7),
    ("npy_load_1e7", Impl::Loop, io::npy_load_1e7_loop),
    ("memmap_paper_300", Impl::Nd, io::memmap_paper_300),
    ("records_1e6", Impl::Nd, records::records_1e6),
    ("records_1e6", Impl::Loop, records::records_1e6_loop),
    ("records_fused_1e6", Impl::Nd, records::records_fused_1e6),
];

/// Sum of 1e7 f64 `0, 1, 2, …` (NumPy: `np.arange(1e7).sum()`), as a plain loop: one
/// sequential chain of additions, which the compiler may not reorder into SIMD lanes.
fn sum_f64_1e7_loop() -> Bench {
    let x: Vec<f64> = (0..10_000_000).map(|i| i as f64).collect();
    Box::new(move || {
        let mut sum = 0.0;
        for &v in black_box(&x) {
            sum += v;
        }
        black_box(sum);
    })
}

fn main() {
    harness::main(CASES);
}
