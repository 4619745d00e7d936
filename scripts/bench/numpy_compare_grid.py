"""NumPy's side of paperbench's grid-constructor cases (tests/src/bin/paperbench/grid.rs),
imported by numpy_compare.py."""

import numpy as np


def mgrid_200():
    """The paper's In [44]: three dense 200**3 int64 coordinate arrays."""
    return lambda: np.mgrid[-100:100, -100:100, -100:100]


def ogrid_200():
    """The ogrid short-hand: three open coordinate vectors of 200."""
    return lambda: np.ogrid[-100:100, -100:100, -100:100]


# (name shared with paperbench, setup). One line each.
CASES = [
    ("mgrid_200", mgrid_200),
    ("ogrid_200", ogrid_200),
]
