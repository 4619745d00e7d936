//! `paperbench`: the Rust side of `cargo xtask bench`, organised by the paper's figures
//! (NumPy's side is `scripts/bench/numpy_compare.py`; xtask joins the two by case name
//! and size, and adds the machine's limits this binary measures first).
//!
//! # Adding a case
//!
//! 1. Write a setup function `fn my_case(n: usize) -> Bench`: it builds the inputs of size
//!    `n` (not timed) and returns the closure that is timed. Pass results through
//!    `black_box` so the work cannot be optimized away.
//! 2. Add one line to [`CASES`]: its figure, a name, [`Impl::Nd`](harness::Impl::Nd) for code using the nd
//!    crates or [`Impl::Loop`](harness::Impl::Loop) for the hand-written loop (both may exist for one name),
//!    its sizes (full run and `--quick`), the least work it must do (for the limit
//!    column) and the setup.
//! 3. Add the NumPy twin: one line with the same name in `CASES` of
//!    `scripts/bench/numpy_compare*.py`, a setup taking `n` built from the same recipe.
//!
//! Flags: `--json` (JSON lines for xtask), `--list` (the plan), `--quick`, `--figure ID`,
//! `--filter SUBSTR`, `--min-time SECS`, `--no-limits`.

mod alloc;
mod diff;
mod elementwise;
mod fx;
mod grid;
mod harness;
mod io;
mod iteration;
mod limits;
mod linalg;
mod linalg_np;
mod random;
mod records;
mod reduce;
mod shape;
mod sort;
mod stats;

use harness::Figure::{Diff, Fx, Grid, Memmap, More, Products, Projection, Records};
use harness::Impl::{Loop, Nd};
use harness::Work::{Bytes, Flops};
use harness::{Case, PaperFigure, Sizes, Work};

const F1: Sizes = Sizes {
    full: &[100_000, 10_000_000],
    quick: &[100_000],
};
const F2: Sizes = Sizes {
    full: &[1000, 1_000_000],
    quick: &[1000],
};
const F3: Sizes = Sizes {
    full: &[200],
    quick: &[100],
};
const F4: Sizes = Sizes {
    full: &[100_000],
    quick: &[10_000],
};
const F5: Sizes = Sizes {
    full: &[300],
    quick: &[300],
};
const F6: Sizes = Sizes {
    full: &[1_000_000],
    quick: &[100_000],
};
const MATMUL: Sizes = Sizes {
    full: &[1000, 2000],
    quick: &[200],
};
const SOLVE: Sizes = Sizes {
    full: &[1000],
    quick: &[200],
};
const SVD: Sizes = Sizes {
    full: &[500],
    quick: &[100],
};
const M1E7: Sizes = Sizes {
    full: &[10_000_000],
    quick: &[100_000],
};
const M1E6: Sizes = Sizes {
    full: &[1_000_000],
    quick: &[100_000],
};
const FIXED_1E6: Sizes = Sizes {
    full: &[1_000_000],
    quick: &[],
};
const FIXED_4E6: Sizes = Sizes {
    full: &[4_000_000],
    quick: &[],
};
const FIXED_1E7: Sizes = Sizes {
    full: &[10_000_000],
    quick: &[],
};
const IO_1E7: Sizes = Sizes {
    full: &[10_000_000],
    quick: &[],
};

/// A single pass reading and writing `b` bytes per element.
const fn per(b: f64) -> Work {
    Bytes(b, 1)
}

/// Every case: figure, name shared with NumPy, implementation, sizes, least work
/// (bytes or flops as a function of `n`), setup. One line each.
#[rustfmt::skip]
const CASES: &[Case] = &[
    (Fx, "fx_eager", Nd, F1, per(16.0), fx::eager),
    (Fx, "fx_eager", Loop, F1, per(16.0), fx::eager_loop),
    (Fx, "fx_inplace", Nd, F1, per(16.0), fx::inplace),
    (Fx, "fx_out", Nd, F1, per(16.0), fx::out),
    (Fx, "fx_out", Loop, F1, per(16.0), fx::out_loop),
    (Fx, "fx_fused", Nd, F1, per(16.0), fx::fused),
    (Fx, "fx_sum", Nd, F1, per(8.0), fx::sum),
    (Fx, "fx_sum", Loop, F1, per(8.0), fx::sum_loop),
    (Diff, "diff", Nd, F2, per(24.0), diff::eager),
    (Diff, "diff", Loop, F2, per(24.0), diff::eager_loop),
    (Diff, "diff_fused", Nd, F2, per(24.0), diff::fused),
    (Diff, "diff_zip_map", Nd, F2, per(24.0), diff::zip_map),
    (Grid, "grid_mgrid", Nd, F3, Bytes(8.0, 3), grid::mgrid_r),
    (Grid, "grid_mgrid", Loop, F3, Bytes(8.0, 3), grid::r_loop),
    (Grid, "grid_ogrid", Nd, F3, Bytes(8.0, 3), grid::ogrid_r),
    (Grid, "grid_ogrid", Loop, F3, Bytes(8.0, 3), grid::r_loop),
    (Grid, "grid_fused", Nd, F3, Bytes(8.0, 3), grid::fused_r),
    (Grid, "grid_fused", Loop, F3, Bytes(8.0, 3), grid::r_loop),
    (Projection, "projection", Nd, F4, per(48.0), linalg::projection),
    (Projection, "projection", Loop, F4, per(48.0), linalg::projection_loop),
    (Memmap, "memmap", Nd, F5, Work::None, io::memmap),
    (Records, "records_query", Nd, F6, per(24.0), records::query),
    (Records, "records_query", Loop, F6, per(24.0), records::query_loop),
    (Records, "records_fused", Nd, F6, per(24.0), records::fused),
    (Records, "records_mmap", Nd, F6, per(24.0), records::mmap),
    (Records, "records_inmem", Nd, F6, per(24.0), records::inmem),
    (Records, "records_views", Nd, F6, per(24.0), records::views),
    (Products, "matmul", Nd, MATMUL, Flops(2.0, 3), linalg::matmul_f64),
    (Products, "solve", Nd, SOLVE, Flops(0.667, 3), linalg_np::solve),
    (Products, "svd", Nd, SVD, Flops(2.667, 3), linalg_np::svd),
    (More, "sum", Nd, M1E7, per(8.0), reduce::sum_f64),
    (More, "sum", Loop, M1E7, per(8.0), reduce::sum_f64_loop),
    (More, "var", Nd, M1E6, per(8.0), reduce::var_f64),
    (More, "max", Nd, FIXED_1E6, per(8.0), reduce::max_f64),
    (More, "argmax", Nd, FIXED_1E6, per(8.0), reduce::argmax_f64),
    (More, "median", Nd, FIXED_1E6, per(8.0), stats::median),
    (More, "vstack", Nd, FIXED_1E6, per(16.0), shape::vstack),
    (More, "sort", Nd, FIXED_1E6, per(16.0), sort::sort),
    (More, "argsort", Nd, FIXED_1E6, per(16.0), sort::argsort),
    (More, "unique", Nd, FIXED_1E6, per(8.0), sort::unique),
    (More, "cumsum", Nd, FIXED_1E6, per(16.0), reduce::cumsum_f64),
    (More, "masked", Nd, M1E6, per(11.7), reduce::masked),
    (More, "sum_axis0_1000x1000", Nd, FIXED_1E6, per(8.0), reduce::sum_axis0_1000x1000),
    (More, "sum_axis0_1000x1000", Loop, FIXED_1E6, per(8.0), reduce::sum_axis0_1000x1000_loop),
    (More, "sum_axis1_1000x1000", Nd, FIXED_1E6, per(8.0), reduce::sum_axis1_1000x1000),
    (More, "sum_axis1_1e6x4", Nd, FIXED_4E6, per(8.0), reduce::sum_axis1_1e6x4),
    (More, "sum_axis0_1e6x4", Nd, FIXED_4E6, per(8.0), reduce::sum_axis0_1e6x4),
    (More, "iter_sum", Nd, FIXED_1E6, per(8.0), iteration::iter_sum_1e6),
    (More, "iter_sum", Loop, FIXED_1E6, per(8.0), iteration::iter_sum_1e6_loop),
    (More, "iter_sum_transposed", Nd, FIXED_1E6, per(8.0), iteration::iter_sum_transposed_1e6),
    (More, "iter_sum_transposed", Loop, FIXED_1E6, per(8.0), iteration::iter_sum_transposed_1e6_loop),
    (More, "iter_sum_sliced", Nd, FIXED_1E6, per(16.0), iteration::iter_sum_sliced_1e6),
    (More, "iter_sum_sliced", Loop, FIXED_1E6, per(16.0), iteration::iter_sum_sliced_1e6_loop),
    (More, "add", Nd, M1E7, per(24.0), elementwise::add),
    (More, "add_out", Nd, M1E7, per(24.0), elementwise::add_out),
    (More, "add_out", Loop, M1E7, per(24.0), elementwise::add_loop),
    (More, "copy", Loop, FIXED_1E7, per(16.0), elementwise::copy_loop),
    (More, "add_bcast", Nd, FIXED_1E7, per(16.0), elementwise::add_bcast),
    (More, "add_bcast", Loop, FIXED_1E7, per(16.0), elementwise::add_bcast_loop),
    (More, "add_bcast_col", Nd, FIXED_1E7, per(16.0), elementwise::add_bcast_col),
    (More, "add_transposed", Nd, FIXED_1E7, per(24.0), elementwise::add_transposed),
    (More, "add_transposed", Loop, FIXED_1E7, per(24.0), elementwise::add_transposed_loop),
    (More, "npy_save", Nd, IO_1E7, Work::None, io::npy_save),
    (More, "npy_load", Nd, IO_1E7, Work::None, io::npy_load),
    (More, "npy_load", Loop, IO_1E7, Work::None, io::npy_load_loop),
    (More, "standard_normal", Nd, FIXED_1E7, per(8.0), random::standard_normal),
];

/// The paper's own timings (2011, its authors' machine): case, size, seconds, and the
/// bytes it says were allocated (Figure 1's 576 MB and 128 MB are totals over the
/// computation, not peaks).
const PAPER: &[PaperFigure] = &[
    ("fx_eager", 100_000, 1e-3, None),
    ("fx_inplace", 100_000, 600e-6, None),
    ("grid_mgrid", 200, 0.410, Some(576e6)),
    ("grid_ogrid", 200, 0.182, Some(128e6)),
    ("projection", 100_000, 9e-3, None),
];

fn main() {
    harness::main(CASES, PAPER);
}
