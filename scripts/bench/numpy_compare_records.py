"""NumPy's side of paperbench's figure 6 (tests/src/bin/paperbench/records.rs), imported by
numpy_compare.py: the paper's In [63]-[69] at scale, n records of dt in a raw file written
once, then np.fromfile, the mask x['time'] >= 2, the x positions of the selected records
and their mean: in the paper's order (records_query), and in NumPy's fastest order, the
field first (records_fused), and that on the file mapped instead of read
(records_mmap), and the query alone on records already read (records_inmem)."""

import os
import tempfile

import numpy as np

DT = np.dtype([("time", np.uint64), ("pos", [("x", float), ("y", float)])])


def _written(name, n):
    path = os.path.join(tempfile.gettempdir(), f"numpybench-{os.getpid()}-{name}.dat")
    i = np.arange(n)
    x = np.zeros(n, DT)
    x["time"] = i % 4
    x["pos"]["x"] = i * 0.5
    x["pos"]["y"] = -i
    x.tofile(path)
    return path


def records_query(n):
    """In [69], [66], [68] as written: x[times]['pos']['x'].mean()."""
    path = _written("records", n)

    def run():
        x = np.fromfile(path, dtype=DT)
        times = x["time"] >= 2
        return x[times]["pos"]["x"].mean()

    return run


def records_fused(n):
    """The same mean, the field selected first."""
    path = _written("records-fused", n)

    def run():
        x = np.fromfile(path, dtype=DT)
        return x["pos"]["x"][x["time"] >= 2].mean()

    return run


def records_mmap(n):
    """The file mapped read-only, then the field-first query."""
    path = _written("records-mmap", n)

    def run():
        x = np.memmap(path, dtype=DT, mode="r")
        return x["pos"]["x"][x["time"] >= 2].mean()

    return run


def records_inmem(n):
    """The query alone, on records read before the timing starts."""
    x = np.fromfile(_written("records-inmem", n), dtype=DT)

    def run():
        return x["pos"]["x"][x["time"] >= 2].mean()

    return run


# (name shared with paperbench, setup taking n). One line each.
CASES = [
    ("records_query", records_query),
    ("records_fused", records_fused),
    ("records_mmap", records_mmap),
    ("records_inmem", records_inmem),
]
