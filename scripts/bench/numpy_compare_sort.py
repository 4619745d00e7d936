"""NumPy's side of paperbench's sorting rows (tests/src/bin/paperbench/sort.rs),
imported by numpy_compare.py."""

import numpy as np


def data(n):
    """The shared recipe: ((i * 2654435761) % 1000003) / 1000003.0 in int64 arithmetic."""
    i = np.arange(n, dtype=np.int64)
    return ((i * 2654435761) % 1000003) / 1000003.0


def sort(n):
    """np.sort of n float64: a sorted copy (NumPy's vectorized quicksort on AVX-512)."""
    x = data(n)
    return lambda: np.sort(x)


def argsort(n):
    """np.argsort(kind='stable') of n float64: nd's argsort is stable."""
    x = data(n)
    return lambda: np.argsort(x, kind="stable")


def unique(n):
    """np.unique of n int64 (i * 2654435761) % 100003: about ten copies of each value."""
    x = (np.arange(n, dtype=np.int64) * 2654435761) % 100003
    return lambda: np.unique(x)


# (name shared with paperbench, setup taking n). One line each.
CASES = [
    ("sort", sort),
    ("argsort", argsort),
    ("unique", unique),
]
