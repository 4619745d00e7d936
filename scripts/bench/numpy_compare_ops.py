"""NumPy's side of paperbench's element-wise cases (tests/src/bin/paperbench/elementwise.rs),
imported by numpy_compare.py. Each function builds the inputs from the same recipe as the
Rust side and returns the callable to time, written as the paper writes it."""

import numpy as np

BIG = 10_000_000


def _f(x):
    return x**2 - 3 * x + 4


def fx_1e5():
    """The paper's In [34]: f(x) over np.arange(1e5)."""
    x = np.arange(1e5)
    return lambda: _f(x)


def fx_1e7():
    x = np.arange(1e7)
    return lambda: _f(x)


def grid_ogrid_200():
    """The paper's broadcast grid, with its integer coordinate vectors."""
    i = np.arange(-100, 100).reshape(200, 1, 1)
    j = np.reshape(i, (1, 200, 1))
    k = np.reshape(i, (1, 1, 200))
    return lambda: np.sqrt(i**2 + j**2 + k**2)


def diff_1000():
    """The paper's In [40], forward divided differences, over 1000 points."""
    x = np.arange(1000.0)
    y = x**2
    return lambda: (y[1:] - y[:-1]) / (x[1:] - x[:-1])


def add_f64_1e7():
    a = np.arange(float(BIG))
    b = np.arange(float(BIG))
    return lambda: a + b


def add_f64_1e7_out():
    a = np.arange(float(BIG))
    b = np.arange(float(BIG))
    c = np.zeros(BIG)
    return lambda: np.add(a, b, out=c)


def add_bcast():
    a = np.arange(float(BIG)).reshape(1000, 10_000)
    row = np.arange(10_000.0)
    return lambda: a + row


def add_bcast_col():
    a = np.arange(float(BIG)).reshape(1000, 10_000)
    col = np.arange(1000.0).reshape(1000, 1)
    return lambda: a + col


def add_transposed():
    a = np.arange(float(BIG)).reshape(2500, 4000)
    b = np.arange(float(BIG)).reshape(4000, 2500)
    return lambda: a + b.T


def copy_f64_1e7():
    a = np.arange(float(BIG))
    c = np.zeros(BIG)
    return lambda: np.copyto(c, a)


CASES = [
    ("fx_1e5", fx_1e5),
    ("fx_1e7", fx_1e7),
    ("grid_ogrid_200", grid_ogrid_200),
    ("diff_1000", diff_1000),
    # NumPy has no fused form: the twin of nd's zip_map_n is the same expression.
    ("diff_1000_fused", diff_1000),
    ("add_f64_1e7", add_f64_1e7),
    ("add_f64_1e7_out", add_f64_1e7_out),
    ("copy_f64_1e7", copy_f64_1e7),
    ("add_bcast", add_bcast),
    ("add_bcast_col", add_bcast_col),
    ("add_transposed", add_transposed),
]
