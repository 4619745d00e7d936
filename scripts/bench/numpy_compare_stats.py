"""NumPy's side of paperbench's statistics and shape rows (paperbench's stats.rs, shape.rs),
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


def vstack(n):
    """np.vstack of two (n/2000, 1000) float64 halves of the recipe."""
    x = data(n).reshape(n // 1000, 1000)
    a, b = x[: n // 2000].copy(), x[n // 2000:].copy()
    return lambda: np.vstack([a, b])


# (name shared with paperbench, setup taking n). One line each.
CASES = [
    ("median", median),
    ("vstack", vstack),
]

