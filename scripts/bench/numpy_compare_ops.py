"""NumPy's side of paperbench's element-wise cases, imported by numpy_compare.py: figure 1
(tests/src/bin/paperbench/fx.rs), figure 2 (diff.rs) and the large binary operations
among the more cases (elementwise.rs). Each setup takes the size n, builds the inputs from
the same recipe as the Rust side and returns the callable to time, written as the paper
writes it."""

import numpy as np


def _f(x):
    return x**2 - 3 * x + 4


def fx_eager(n):
    """The paper's In [34]: y = f(x) over np.arange(n)."""
    x = np.arange(float(n))
    return lambda: _f(x)


def fx_inplace(n):
    """The paper's g(x): fx = x**2; fx -= 3*x; fx += 4."""
    x = np.arange(float(n))

    def g():
        fx = x**2
        fx -= 3 * x
        fx += 4
        return fx

    return g


def fx_out(n):
    """Every step into buffers made once (out=): nothing allocated."""
    x = np.arange(float(n))
    y, t = np.empty(n), np.empty(n)

    def run():
        np.multiply(x, x, out=y)
        np.multiply(x, 3, out=t)
        np.subtract(y, t, out=y)
        np.add(y, 4, out=y)
        return y

    return run


def fx_sum(n):
    """np.sum(f(x)): NumPy builds f(x) (its fastest spelling, as fx_fused) and sums it."""
    x = np.arange(float(n))

    def run():
        y = x - 3
        y *= x
        y += 4
        return y.sum()

    return run


def fx_fused(n):
    """NumPy cannot fuse; its fastest spelling is Horner's form in place: two passes and
    one new array, y = x - 3; y *= x; y += 4."""
    x = np.arange(float(n))

    def run():
        y = x - 3
        y *= x
        y += 4
        return y

    return run


def diff(n):
    """The paper's In [40], forward divided differences, over n points."""
    x = np.arange(float(n))
    y = x**2
    return lambda: (y[1:] - y[:-1]) / (x[1:] - x[:-1])


def add(n):
    a = np.arange(float(n))
    b = np.arange(float(n))
    return lambda: a + b


def add_out(n):
    a = np.arange(float(n))
    b = np.arange(float(n))
    c = np.zeros(n)
    return lambda: np.add(a, b, out=c)


def copy(n):
    a = np.arange(float(n))
    c = np.zeros(n)
    return lambda: np.copyto(c, a)


BIG = 10_000_000


def add_bcast(_n):
    a = np.arange(float(BIG)).reshape(1000, 10_000)
    row = np.arange(10_000.0)
    return lambda: a + row


def add_bcast_col(_n):
    a = np.arange(float(BIG)).reshape(1000, 10_000)
    col = np.arange(1000.0).reshape(1000, 1)
    return lambda: a + col


def add_transposed(_n):
    a = np.arange(float(BIG)).reshape(2500, 4000)
    b = np.arange(float(BIG)).reshape(4000, 2500)
    return lambda: a + b.T


# (name shared with paperbench, setup taking n). One line each.
CASES = [
    ("fx_eager", fx_eager),
    ("fx_inplace", fx_inplace),
    ("fx_out", fx_out),
    ("fx_fused", fx_fused),
    ("fx_sum", fx_sum),
    ("diff", diff),
    # NumPy has no fused form: the twin of nd's zip_map_n is the same expression.
    ("diff_fused", diff),
    ("add", add),
    ("add_out", add_out),
    ("copy", copy),
    ("add_bcast", add_bcast),
    ("add_bcast_col", add_bcast_col),
    ("add_transposed", add_transposed),
]
