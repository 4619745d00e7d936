"""NumPy's side of paperbench's file cases (tests/src/bin/paperbench/io.rs), imported by
numpy_compare.py: np.save / np.load of 1e7 float64 and the paper's memmap sequence
(In [50]-[56]), with files in the system's temporary directory as on the Rust side."""

import os
import tempfile

import numpy as np

N = 10_000_000


def _temp(name):
    return os.path.join(tempfile.gettempdir(), f"numpybench-{os.getpid()}-{name}")


def npy_save_1e7():
    """np.save of 1e7 float64 (paperbench: npy_save_1e7)."""
    x = np.arange(N, dtype=np.float64)
    path = _temp("save.npy")
    return lambda: np.save(path, x)


def npy_load_1e7():
    """np.load of 1e7 float64 (paperbench: npy_load_1e7)."""
    path = _temp("load.npy")
    np.save(path, np.arange(N, dtype=np.float64))
    return lambda: np.load(path)


def memmap_paper_300():
    """The paper's In [50]-[56] (paperbench: memmap_paper_300)."""
    path = _temp("myarray.memmap")
    values = np.arange(300 * 300)

    def run():
        a = np.memmap(path, mode="w+", shape=(300, 300), dtype=np.int64)
        a.flat = values
        a.flush()
        del a
        b = np.memmap(path, mode="r+", shape=(300, 300), dtype=np.int64)
        b[100, :] *= 2
        b.flush()
        del b

    return run


# (name shared with paperbench, setup). One line each.
CASES = [
    ("npy_save_1e7", npy_save_1e7),
    ("npy_load_1e7", npy_load_1e7),
    ("memmap_paper_300", memmap_paper_300),
]
