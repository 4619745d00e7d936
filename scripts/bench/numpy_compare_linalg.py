"""NumPy's side of paperbench's products and figure 4 (tests/src/bin/paperbench/linalg.rs),
imported by numpy_compare.py, which pins NumPy's OpenBLAS to one thread (as nd runs) by
setting OPENBLAS_NUM_THREADS=1 before NumPy is imported."""

import numpy as np


def _square(n, modulus):
    return (np.arange(n * n, dtype=np.float64) % modulus / modulus).reshape(n, n)


def matmul(n):
    """a @ b, n x n float64."""
    a, b = _square(n, 7), _square(n, 5)
    return lambda: a @ b


def projection(n):
    """The paper's computer-vision example: project n points with a 3x3 camera."""
    idx = np.arange(n * 3, dtype=np.float64).reshape(n, 3)
    points = np.modf(idx * 0.618034)[0]
    camera = np.array([[500., 0., 320.], [0., 500., 240.], [0., 0., 1.]])

    def run():
        vecs = camera.dot(points.T).T
        return vecs / vecs[:, 2, np.newaxis]

    return run


# (name shared with paperbench, setup taking n). One line each.
CASES = [
    ("matmul", matmul),
    ("projection", projection),
]
