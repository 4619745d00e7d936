"""NumPy's side of paperbench's statistics rows (tests/src/bin/paperbench/stats.rs),
imported by numpy_compare.py."""

import numpy as np


def data(n):
    """The shared recipe: ((i * 2654435761) % 1000003) / 1000003.0 in int64 arithmetic."""
    i = np.arange(n, dtype=np.int64)
    return ((i * 2654435761) % 1000003) / 1000003.0


def median(n):
    """np.median of n float64 (NumPy copies and partitions; so does nd)."""
    x = data(n)
    return lambda: np.median(x)


# (name shared with paperbench, setup taking n). One line each.
CASES = [
    ("median", median),
]
