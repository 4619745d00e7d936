"""NumPy's side of `cargo xtask bench`: times the cases of paperbench
(tests/src/bin/paperbench/main.rs) with NumPy and prints one JSON line per case and size:

    {"case": "...", "n": ..., "impl": "numpy", "state": "fresh" | "warm",
     "median_s": ..., "min_s": ..., "max_s": ..., "peak_bytes": ... | null, "first_s": ...}

xtask gives the plan (CASE:N arguments, taken from paperbench's table) and runs this script
in two states, because NumPy's timings depend on the state of glibc's malloc:

- fresh (`--state fresh`, one new interpreter per case): import numpy, build the inputs,
  time the case, nothing else run before. Temporaries larger than glibc's mmap threshold
  (128 KB at start) are mmapped and page-fault on every call, and the heap is trimmed
  back to the OS: this is what a script that does one thing sees. The line also gives the
  first call alone (first_s) and the peak bytes of one call (tracemalloc, measured after
  the timing, which it would slow down).
- warm (`--state warm`, one process for every case in table order): first a few 8-28 MB
  arrays are made and freed, as a session that has run large cases has done. glibc then
  raises its mmap threshold to the largest freed block (up to 32 MB) and its trim
  threshold to twice that, so temporaries up to that size are reused without page faults:
  f(x) over 1e5 float64 takes ~0.47 ms fresh and ~0.11 ms warm on the machine this was
  written on.

xtask reports both and takes ratios against the faster ("NumPy at its best").

The timing mirrors paperbench's harness: warm up for a fifth of --min-time, batch calls so
a sample lasts >= 1 ms, sample until both --min-time and 5 samples are reached, report
the median, minimum and maximum per call.

Adding a case: write a setup function taking the size n that builds the inputs (not
timed) from the same recipe as the Rust side and returns the zero-argument callable to
time, then add one line to CASES with the same name as in paperbench.

Usage: numpy_compare.py --version | --list
       numpy_compare.py --state fresh|warm [--min-time SECS] CASE:N [CASE:N ...]
"""

import os

# This machine sets OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE for an older NumPy; they slow
# the current one. OpenBLAS reads them when NumPy is imported, so drop them first (xtask
# also removes them from this process's environment).
for _var in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
    os.environ.pop(_var, None)
# As many threads as nd is given (xtask's --threads, one by default): matrix products
# compare kernels, not core counts. OpenBLAS reads this when NumPy is imported.
os.environ["OPENBLAS_NUM_THREADS"] = os.environ.get("ND_BENCH_THREADS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import timeit  # noqa: E402
import tracemalloc  # noqa: E402

import numpy as np  # noqa: E402

import numpy_compare_ops  # noqa: E402  (figures 1, 2; binary operations)
import numpy_compare_grid  # noqa: E402  (figure 3)
import numpy_compare_linalg  # noqa: E402  (figure 4; products)
import numpy_compare_io  # noqa: E402  (figure 5; .npy files)
import numpy_compare_records  # noqa: E402  (figure 6)
import numpy_compare_stats  # noqa: E402  (statistics)
import numpy_compare_sort  # noqa: E402  (sorting)
import numpy_compare_random  # noqa: E402  (random numbers)


def sum_(n):
    x = np.arange(n, dtype=np.float64)
    return lambda: np.sum(x)


def sum_axis0_1000x1000(_n):
    x = np.arange(1_000_000, dtype=np.float64).reshape(1000, 1000)
    return lambda: x.sum(axis=0)


def sum_axis1_1000x1000(_n):
    x = np.arange(1_000_000, dtype=np.float64).reshape(1000, 1000)
    return lambda: x.sum(axis=1)


def var(n):
    x = np.arange(n, dtype=np.float64)
    return lambda: x.var()


def max_(n):
    x = np.arange(n, dtype=np.float64)
    return lambda: x.max()


def masked(n):
    """x[mask] with a precomputed mask."""
    x = np.arange(n, dtype=np.float64)
    mask = x.astype(np.int64) % 3 == 0
    return lambda: x[mask]


def sum_axis1_1e6x4(_n):
    x = np.arange(4_000_000, dtype=np.float64).reshape(1_000_000, 4)
    return lambda: x.sum(axis=1)


def sum_axis0_1e6x4(_n):
    x = np.arange(4_000_000, dtype=np.float64).reshape(1_000_000, 4)
    return lambda: x.sum(axis=0)


def iter_sum(_n):
    x = np.arange(1_000_000, dtype=np.float64).reshape(1000, 1000)
    return lambda: x.sum()


def iter_sum_transposed(_n):
    """Sum of the transpose x.T; NumPy walks it in memory order."""
    x = np.arange(1_000_000, dtype=np.float64).reshape(1000, 1000)
    return lambda: x.T.sum()


def iter_sum_sliced(_n):
    """Sum of x[::2, ::2] of a 2000x2000 float64 matrix."""
    x = np.arange(4_000_000, dtype=np.float64).reshape(2000, 2000)
    return lambda: x[::2, ::2].sum()


def argmax(n):
    x = np.arange(n, dtype=np.float64)
    return lambda: x.argmax()


def cumsum(n):
    x = np.arange(n, dtype=np.float64)
    return lambda: x.cumsum()


# (name shared with paperbench, setup taking n). One line each.
CASES = dict([
    *numpy_compare_ops.CASES,
    *numpy_compare_grid.CASES,
    *numpy_compare_linalg.CASES,
    *numpy_compare_io.CASES,
    *numpy_compare_records.CASES,
    *numpy_compare_stats.CASES,
    *numpy_compare_sort.CASES,
    *numpy_compare_random.CASES,
    ("sum", sum_),
    ("var", var),
    ("max", max_),
    ("argmax", argmax),
    ("cumsum", cumsum),
    ("masked", masked),
    ("sum_axis0_1000x1000", sum_axis0_1000x1000),
    ("sum_axis1_1000x1000", sum_axis1_1000x1000),
    ("sum_axis1_1e6x4", sum_axis1_1e6x4),
    ("sum_axis0_1e6x4", sum_axis0_1e6x4),
    ("iter_sum", iter_sum),
    ("iter_sum_transposed", iter_sum_transposed),
    ("iter_sum_sliced", iter_sum_sliced),
])

MIN_SAMPLES = 5
MAX_SAMPLES = 1000
MIN_SAMPLE_NS = 1_000_000


def measure(fn, min_time_s):
    """Per-call (median, min, max, first) of fn, in seconds."""
    start = time.perf_counter_ns()
    fn()
    first = time.perf_counter_ns() - start
    calls = 1
    while time.perf_counter_ns() - start < min_time_s * 1e9 / 5:
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
    return (statistics.median(samples) / 1e9, min(samples) / 1e9, max(samples) / 1e9,
            first / 1e9)


def peak_bytes(fn):
    """The most bytes one call of fn holds at once, inputs excluded (tracemalloc)."""
    tracemalloc.start()
    try:
        result = fn()
        del result
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def warm_up_malloc():
    """Make and free arrays of 8-28 MB, as a session that has run large cases has."""
    for n in (1_000_000, 2_000_000, 3_500_000):
        a = np.ones(n)
        b = a * 2
        del a, b


def plan(args):
    """The CASE:N arguments as (name, n)."""
    runs = []
    for arg in args:
        name, _, n = arg.rpartition(":")
        if name not in CASES or not n.isdigit():
            sys.exit(f"numpy_compare.py: unknown case or size {arg!r} (see --list)")
        runs.append((name, int(n)))
    return runs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="store_true", help="NumPy's and Python's versions")
    parser.add_argument("--list", action="store_true", help="the case names, one a line")
    parser.add_argument("--state", choices=["fresh", "warm"], help="see the module's docs")
    parser.add_argument("--min-time", type=float, default=0.5, help="seconds of timing per case")
    parser.add_argument("runs", nargs="*", metavar="CASE:N")
    args = parser.parse_args()

    if args.version:
        print(json.dumps({"numpy": np.__version__, "python": sys.version.split()[0]}))
        return
    if args.list:
        for name in CASES:
            print(name)
        return
    if args.state is None:
        parser.error("--state fresh|warm is needed to time cases")
    if args.state == "warm":
        warm_up_malloc()
    for name, n in plan(args.runs):
        fn = CASES[name](n)
        median, low, high, first = measure(fn, args.min_time)
        peak = peak_bytes(fn) if args.state == "fresh" else None
        del fn  # free this case's inputs before the next one allocates
        record = {"case": name, "n": n, "impl": "numpy", "state": args.state,
                  "median_s": median, "min_s": low, "max_s": high, "peak_bytes": peak}
        if args.state == "fresh":
            record["first_s"] = first
        print(json.dumps(record), flush=True)


if __name__ == "__main__":
    main()
