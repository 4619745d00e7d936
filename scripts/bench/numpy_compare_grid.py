"""NumPy's side of paperbench's figure 3 (tests/src/bin/paperbench/grid.rs), imported by
numpy_compare.py: the paper's distance grid R over n**3 points, the coordinates made
inside the timed call from mgrid (In [44], [46]) or ogrid (In [48])."""

import numpy as np


def grid_mgrid(n):
    h = n // 2

    def run():
        i, j, k = np.mgrid[-h:h, -h:h, -h:h]
        return np.sqrt(i**2 + j**2 + k**2)

    return run


def grid_ogrid(n):
    h = n // 2

    def run():
        i, j, k = np.ogrid[-h:h, -h:h, -h:h]
        return np.sqrt(i**2 + j**2 + k**2)

    return run


# (name shared with paperbench, setup taking n). One line each.
CASES = [
    ("grid_mgrid", grid_mgrid),
    ("grid_ogrid", grid_ogrid),
    # NumPy has no fused form: the twin of nd's lazy grid is the ogrid expression.
    ("grid_fused", grid_ogrid),
]
