"""NumPy's side of paperbench's records cases (tests/src/bin/paperbench/records.rs),
imported by numpy_compare.py: the paper's In [63]-[69] at scale, 1e6 records of dt in a raw
file written once, then np.fromfile, the mask x['time'] >= 2, the x positions of the
selected records and their mean: in the paper's order (records_1e6), and in NumPy's fastest
order, the field first (records_fused_1e6)."""

import os
import tempfile

import numpy as np

N = 1_000_000

DT = np.dtype([("time", np.uint64), ("pos", [("x", float), ("y", float)])])


def _written(name):
    path = os.path.join(tempfile.gettempdir(), f"numpybench-{os.getpid()}-{name}.dat")
    i = np.arange(N)
    x = np.zeros(N, DT)
    x["time"] = i % 4
    x["pos"]["x"] = i * 0.5
    x["pos"]["y"] = -i
    x.tofile(path)
    return path


def records_1e6():
    """In [69], [66], [68] as written: x[times]['pos']['x'].mean() (paperbench: records_1e6)."""
    path = _written("records")

    def run():
        x = np.fromfile(path, dtype=DT)
        times = x["time"] >= 2
        return x[times]["pos"]["x"].mean()

    return run


def records_fused_1e6():
    """The same mean, the field selected first (paperbench: records_fused_1e6)."""
    path = _written("records-fused")

    def run():
        x = np.fromfile(path, dtype=DT)
        return x["pos"]["x"][x["time"] >= 2].mean()

    return run


# (name shared with paperbench, setup). One line each.
CASES = [
    ("records_1e6", records_1e6),
    ("records_fused_1e6", records_fused_1e6),
]
