"""NumPy's side of paperbench's random-number rows (tests/src/bin/paperbench/random.rs),
imported by numpy_compare.py."""

import numpy as np


def standard_normal(n):
    """np.random.default_rng(0).standard_normal(n): seeding and n float64 normals."""
    return lambda: np.random.default_rng(0).standard_normal(n)


# (name shared with paperbench, setup taking n). One line each.
CASES = [
    ("standard_normal", standard_normal),
]
