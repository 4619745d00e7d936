"""NumPy's side of paperbench's file cases (tests/src/bin/paperbench/io.rs), imported by
numpy_compare.py: figure 5, the paper's memmap sequence (In [50]-[56]) over n x n int64,
and np.save / np.load of n float64, with files in the system's temporary directory as on
the Rust side."""

import os
import tempfile

import numpy as np


def _temp(name):
    return os.path.join(tempfile.gettempdir(), f"numpybench-{os.getpid()}-{name}")


def npy_save(n):
    x = np.arange(n, dtype=np.float64)
    path = _temp("save.npy")
    return lambda: np.save(path, x)


def npy_load(n):
    path = _temp("load.npy")
    np.save(path, np.arange(n, dtype=np.float64))
    return lambda: np.load(path)


def memmap(n):
    """The paper's In [50]-[56] (n = 300 there)."""
    path = _temp("myarray.memmap")
    values = np.arange(n * n)

    def run():
        a = np.memmap(path, mode="w+", shape=(n, n), dtype=np.int64)
        a.flat = values
        a.flush()
        del a
        b = np.memmap(path, mode="r+", shape=(n, n), dtype=np.int64)
        b[100, :] *= 2
        b.flush()
        del b

    return run


# (name shared with paperbench, setup taking n). One line each.
CASES = [
    ("npy_save", npy_save),
    ("npy_load", npy_load),
    ("memmap", memmap),
]
