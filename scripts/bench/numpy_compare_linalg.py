"""NumPy's side of paperbench's matrix-product cases (tests/src/bin/paperbench/linalg.rs),
imported by numpy_compare.py, which pins NumPy's OpenBLAS to one thread (as nd runs) by
setting OPENBLAS_NUM_THREADS=1 before NumPy is imported."""

import numpy as np


def _square(n, modulus):
    return (np.arange(n * n, dtype=np.float64) % modulus / modulus).reshape(n, n)


def _matmul(n):
    a, b = _square(n, 7), _square(n, 5)
    return lambda: a @ b


def matmul_f64_1000():
    """a @ b, 1000x1000 float64."""
    return _matmul(1000)


def matmul_f64_2000():
    """a @ b, 2000x2000 float64."""
    return _matmul(2000)


def paper_projection():
    """The paper's computer-vision example: project 100000 points with a 3x3 camera."""
    idx = np.arange(100_000 * 3, dtype=np.float64).reshape(100_000, 3)
    points = np.modf(idx * 0.618034)[0]
    camera = np.array([[500., 0., 320.], [0., 500., 240.], [0., 0., 1.]])

    def run():
        vecs = camera.dot(points.T).T
        return vecs / vecs[:, 2, np.newaxis]

    return run


# (name shared with paperbench, setup). One line each.
CASES = [
    ("matmul_f64_1000", matmul_f64_1000),
    ("matmul_f64_2000", matmul_f64_2000),
    ("paper_projection", paper_projection),
]
