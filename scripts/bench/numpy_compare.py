"""NumPy's side of `cargo xtask bench`: times the cases of paperbench
(tests/src/bin/paperbench/main.rs) with NumPy and prints one JSON line per case:

    {"case": "...", "impl": "numpy", "median_ns": ..., "min_ns": ...}

Adding a case: write a setup function that builds the inputs (not timed) from the same
recipe as the Rust side and returns the zero-argument callable to time, then add one line
to CASES with the same name as in paperbench.

The timing mirrors paperbench's harness: warm up for a fifth of --min-time, batch calls so
a sample lasts >= 1 ms, sample until both --min-time and 5 samples are reached, report
the median and minimum per call.

Each case runs in a fresh interpreter by default. NumPy's timings depend on the state of
glibc's malloc: once a large block has been freed, glibc raises its mmap threshold and
later temporaries of up to 32 MB stop page-faulting, so f(x) over 1e5 float64 takes 0.75 ms
in a fresh process and 0.07 ms after a few large cases have run. A fresh process per case
makes every figure independent of the cases before it (`--same-process` turns this off).

Usage: numpy_compare.py [--filter SUBSTR] [--only NAME] [--min-time SECS] [--list]
                        [--same-process]
"""

import os

# This machine sets OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE for an older NumPy; they slow
# the current one. OpenBLAS reads them when NumPy is imported, so drop them first (xtask
# also removes them from this process's environment).
for _var in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
    os.environ.pop(_var, None)
# One thread, as nd runs: matrix products compare kernels, not core counts.
os.environ["OPENBLAS_NUM_THREADS"] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import timeit  # noqa: E402

import numpy as np  # noqa: E402

import numpy_compare_ops  # noqa: E402  (element-wise cases)
import numpy_compare_grid  # noqa: E402  (grid constructors)
import numpy_compare_linalg  # noqa: E402  (matrix products)
import numpy_compare_io  # noqa: E402  (files and memory maps)
import numpy_compare_records  # noqa: E402  (structured arrays)


def sum_f64_1e7():
    """Sum of 1e7 float64 0, 1, 2, ... (paperbench: sum_f64_1e7)."""
    x = np.arange(10_000_000, dtype=np.float64)
    return lambda: np.sum(x)


def sum_axis0_1000x1000():
    """Column sums of a C-contiguous 1000x1000 float64 matrix (paperbench: same name)."""
    x = np.arange(1_000_000, dtype=np.float64).reshape(1000, 1000)
    return lambda: x.sum(axis=0)


def sum_axis1_1000x1000():
    """Row sums of a C-contiguous 1000x1000 float64 matrix (paperbench: same name)."""
    x = np.arange(1_000_000, dtype=np.float64).reshape(1000, 1000)
    return lambda: x.sum(axis=1)


def var_f64_1e6():
    """Variance of 1e6 float64 (paperbench: var_f64_1e6)."""
    x = np.arange(1_000_000, dtype=np.float64)
    return lambda: x.var()


def max_f64_1e6():
    """Maximum of 1e6 float64 (paperbench: max_f64_1e6)."""
    x = np.arange(1_000_000, dtype=np.float64)
    return lambda: x.max()


def masked_1e6():
    """x[mask] with a precomputed mask, 1e6 float64 (paperbench: masked_1e6)."""
    x = np.arange(1_000_000, dtype=np.float64)
    mask = x.astype(np.int64) % 3 == 0
    return lambda: x[mask]


def sum_axis1_1e6x4():
    """Row sums of a 1e6 x 4 float64 matrix (paperbench: sum_axis1_1e6x4)."""
    x = np.arange(4_000_000, dtype=np.float64).reshape(1_000_000, 4)
    return lambda: x.sum(axis=1)


def sum_axis0_1e6x4():
    """Column sums of a 1e6 x 4 float64 matrix (paperbench: sum_axis0_1e6x4)."""
    x = np.arange(4_000_000, dtype=np.float64).reshape(1_000_000, 4)
    return lambda: x.sum(axis=0)


def iter_sum_1e6():
    """Sum of a C-contiguous 1000x1000 float64 matrix (paperbench: iter_sum_1e6)."""
    x = np.arange(1_000_000, dtype=np.float64).reshape(1000, 1000)
    return lambda: x.sum()


def iter_sum_transposed_1e6():
    """Sum of the transpose x.T (paperbench: iter_sum_transposed_1e6); NumPy walks it in
    memory order."""
    x = np.arange(1_000_000, dtype=np.float64).reshape(1000, 1000)
    return lambda: x.T.sum()


def iter_sum_sliced_1e6():
    """Sum of x[::2, ::2] of a 2000x2000 float64 matrix (paperbench: iter_sum_sliced_1e6)."""
    x = np.arange(4_000_000, dtype=np.float64).reshape(2000, 2000)
    return lambda: x[::2, ::2].sum()


def argmax_f64_1e6():
    """argmax of 1e6 float64 (paperbench: argmax_f64_1e6)."""
    x = np.arange(1_000_000, dtype=np.float64)
    return lambda: x.argmax()


def cumsum_f64_1e6():
    """cumsum of 1e6 float64 (paperbench: cumsum_f64_1e6)."""
    x = np.arange(1_000_000, dtype=np.float64)
    return lambda: x.cumsum()


# (name shared with paperbench, setup). One line each.
CASES = [
    ("sum_f64_1e7", sum_f64_1e7),
    ("iter_sum_1e6", iter_sum_1e6),
    ("iter_sum_transposed_1e6", iter_sum_transposed_1e6),
    ("iter_sum_sliced_1e6", iter_sum_sliced_1e6),
    ("sum_axis0_1000x1000", sum_axis0_1000x1000),
    ("sum_axis1_1000x1000", sum_axis1_1000x1000),
    ("var_f64_1e6", var_f64_1e6),
    ("max_f64_1e6", max_f64_1e6),
    ("masked_1e6", masked_1e6),
    ("sum_axis1_1e6x4", sum_axis1_1e6x4),
    ("sum_axis0_1e6x4", sum_axis0_1e6x4),
    ("argmax_f64_1e6", argmax_f64_1e6),
    ("cumsum_f64_1e6", cumsum_f64_1e6),
    *numpy_compare_ops.CASES,
    *numpy_compare_grid.CASES,
    *numpy_compare_linalg.CASES,
    *numpy_compare_io.CASES,
    *numpy_compare_records.CASES,
]

MIN_SAMPLES = 5
MAX_SAMPLES = 1000
MIN_SAMPLE_NS = 1_000_000


def measure(fn, min_time_s):
    """Per-call (median_ns, min_ns) of fn."""
    start = time.perf_counter_ns()
    calls = 0
    while calls == 0 or time.perf_counter_ns() - start < min_time_s * 1e9 / 5:
        fn()
        calls += 1
    per_call = (time.perf_counter_ns() - start) / calls
    batch = max(1, int(MIN_SAMPLE_NS // max(per_call, 1)))

    # timeit turns off the garbage collector while timing, as a tight Rust loop has none.
    timer = timeit.Timer(fn, timer=time.perf_counter_ns)
    samples = []
    start = time.perf_counter_ns()
    while len(samples) < MAX_SAMPLES and (
        len(samples) < MIN_SAMPLES or time.perf_counter_ns() - start < min_time_s * 1e9
    ):
        samples.append(timer.timeit(number=batch) / batch)
    return statistics.median(samples), min(samples)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--filter", default="", help="only cases whose name contains this")
    parser.add_argument("--min-time", type=float, default=0.5, help="seconds of timing per case")
    parser.add_argument("--list", action="store_true", help="list the cases and exit")
    parser.add_argument("--only", default=None, help="run exactly this case, in this process")
    parser.add_argument("--same-process", action="store_true",
                        help="run all cases in this process (timings then depend on order)")
    args = parser.parse_args()

    if args.only is None:
        print(f"numpy {np.__version__}, python {sys.version.split()[0]}", file=sys.stderr)
    for name, setup in CASES:
        if args.filter not in name or (args.only is not None and name != args.only):
            continue
        if args.list:
            print(name, "numpy")
            continue
        if args.only is None and not args.same_process:
            child = [sys.executable, __file__, "--only", name, "--min-time", str(args.min_time)]
            subprocess.run(child, check=True)
            continue
        fn = setup()
        median_ns, min_ns = measure(fn, args.min_time)
        del fn  # free this case's inputs before the next one allocates
        record = {"case": name, "impl": "numpy", "median_ns": round(median_ns, 1),
                  "min_ns": round(min_ns, 1)}
        print(json.dumps(record), flush=True)


if __name__ == "__main__":
    main()
