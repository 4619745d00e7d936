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


def _golden(n, shift):
    """frac((i*n + j) * 0.618034) + shift * I (paperbench's linalg_np.rs recipe)."""
    g = np.modf(np.arange(n * n, dtype=np.float64) * 0.618034)[0].reshape(n, n)
    return g + shift * np.eye(n)


def solve(n):
    """np.linalg.solve of a diagonally dominant n x n system, b of shape (n,)."""
    a = _golden(n, n)
    b = np.arange(n) % 5 / 5 + 1
    return lambda: np.linalg.solve(a, b)


def svd(n):
    """np.linalg.svd(a) of a n x n matrix: u, s, vh (full matrices, NumPy's default)."""
    a = _golden(n, 0)
    return lambda: np.linalg.svd(a)


# (name shared with paperbench, setup taking n). One line each.
CASES = [
    ("matmul", matmul),
    ("projection", projection),
    ("solve", solve),
    ("svd", svd),
]
