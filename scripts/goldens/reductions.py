"""Goldens for reductions (tests/goldens/reductions/): every reduction of NumPy over every
axis set of a 4-D array, with and without keepdims, plus nan, empty and error cases.

Inputs (rebuilt by tests/reduce_goldens.rs from the same recipes):
- f64:  ((arange(120) * 37) % 101 - 50.5) / 16, reshaped (2, 3, 4, 5)  (no zeros; exact)
- i64:  (arange(120) * 37) % 11 - 5, reshaped (2, 3, 4, 5)
- bool: arange(120) % 3 == 0, reshaped (2, 3, 4, 5)
- nan:  the f64 array with flat positions 7, 50, 51, 99 set to nan
- empty: zeros((2, 0, 3)) of float64

One file per (input, operation). Each line is one call:
    <axis> <keepdims> | <result shape> | <values in C order>
or
    <axis> <keepdims> | ERR <NumPy's message>
where <axis> is `None`, a tuple such as `(0,2)`, `(1,)` or `()`, or an integer for the one-axis
operations (argmin/argmax/cumsum/cumprod). Floats are written with repr (round-trip).
"""

import itertools
import pathlib
import shutil
import warnings

import numpy as np

OUT = pathlib.Path("tests/goldens/reductions")
shutil.rmtree(OUT, ignore_errors=True)
OUT.mkdir(parents=True)

SHAPE = (2, 3, 4, 5)
k = np.arange(120)
X_F64 = (((k * 37) % 101 - 50.5) / 16).reshape(SHAPE)
X_I64 = ((k * 37) % 11 - 5).reshape(SHAPE)
X_BOOL = (k % 3 == 0).reshape(SHAPE)
X_NAN = X_F64.copy()
X_NAN.flat[[7, 50, 51, 99]] = np.nan
X_EMPTY = np.zeros((2, 0, 3))


def fmt_value(v):
    if isinstance(v, (bool, np.bool_)):
        return "True" if v else "False"
    if isinstance(v, (float, np.floating)):
        return repr(float(v))
    return str(int(v))


def fmt_axis(axis):
    if axis is None:
        return "None"
    if isinstance(axis, int):
        return str(axis)
    if len(axis) == 1:
        return f"({axis[0]},)"
    return "(" + ",".join(str(a) for a in axis) + ")"


def line(axis, keepdims, f):
    head = f"{fmt_axis(axis)} {int(keepdims)} | "
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            r = np.asarray(f())
    except Exception as e:  # NumPy's message is the golden
        return head + "ERR " + str(e)
    shape = "(" + ",".join(str(n) for n in r.shape) + ")"
    values = " ".join(fmt_value(v) for v in r.ravel().tolist())
    return head + shape + " | " + values


def axis_sets(ndim):
    sets = [None]
    for r in range(ndim + 1):
        sets.extend(itertools.combinations(range(ndim), r))
    return sets


# Axis sets that NumPy rejects, and negative ones it accepts.
EXTRA_AXES = [(-1,), (0, -1), (-4, 3), (4,), (-5,), (0, -4), (1, 1)]

SET_OPS = {
    "sum": lambda x, a, kd: np.sum(x, axis=a, keepdims=kd),
    "prod": lambda x, a, kd: np.prod(x, axis=a, keepdims=kd),
    "mean": lambda x, a, kd: np.mean(x, axis=a, keepdims=kd),
    "var0": lambda x, a, kd: np.var(x, axis=a, ddof=0, keepdims=kd),
    "var1": lambda x, a, kd: np.var(x, axis=a, ddof=1, keepdims=kd),
    "std0": lambda x, a, kd: np.std(x, axis=a, ddof=0, keepdims=kd),
    "std1": lambda x, a, kd: np.std(x, axis=a, ddof=1, keepdims=kd),
    "min": lambda x, a, kd: np.min(x, axis=a, keepdims=kd),
    "max": lambda x, a, kd: np.max(x, axis=a, keepdims=kd),
    "count_nonzero": lambda x, a, kd: np.count_nonzero(x, axis=a, keepdims=kd),
}
AXIS_OPS = {
    "argmin": lambda x, a: np.argmin(x, axis=a),
    "argmax": lambda x, a: np.argmax(x, axis=a),
    "cumsum": lambda x, a: np.cumsum(x, axis=a),
    "cumprod": lambda x, a: np.cumprod(x, axis=a),
}

INPUTS = {
    "f64": (X_F64, list(SET_OPS), list(AXIS_OPS)),
    "i64": (X_I64, list(SET_OPS), list(AXIS_OPS)),
    "bool": (X_BOOL, ["sum", "prod", "mean", "var0", "min", "max", "count_nonzero"],
             ["argmin", "argmax", "cumsum"]),
    "nan": (X_NAN, ["sum", "mean", "var0", "min", "max"], ["argmin", "argmax", "cumsum"]),
    "empty": (X_EMPTY, ["sum", "prod", "mean", "var0", "min", "max", "count_nonzero"],
              ["argmin", "argmax", "cumsum"]),
}

for name, (x, set_ops, axis_ops) in INPUTS.items():
    for op in set_ops:
        f = SET_OPS[op]
        lines = []
        for axis in axis_sets(x.ndim) + EXTRA_AXES:
            for kd in (False, True):
                lines.append(line(axis, kd, lambda: f(x, axis, kd)))
        (OUT / f"{name}_{op}.txt").write_text("\n".join(lines) + "\n")
    for op in axis_ops:
        f = AXIS_OPS[op]
        lines = []
        for axis in [None, *range(x.ndim), -1, x.ndim]:
            lines.append(line(axis, False, lambda: f(x, axis)))
        (OUT / f"{name}_{op}.txt").write_text("\n".join(lines) + "\n")

# Long float sums, to check that a run is summed with NumPy's pairwise algorithm bit for
# bit: n = 100003 values m / 7 * 10**e (each step one IEEE rounding, so Rust rebuilds the
# same bits), contiguous, strided, reversed, and along axis 1.
n = 100_003
i = np.arange(n)
scales = np.array([1e-4, 1e-3, 1e-2, 1e-1, 1.0, 1e1, 1e2, 1e3, 1e4])
v = ((i * 7919) % 1000 - 500) / 7.0 * scales[i % 9]
long_cases = {
    "contiguous": v.sum(),
    "step3": v[::3].sum(),
    "reversed": v[::-1].sum(),
    "f32": v.astype(np.float32).sum(),
    "axis1_rows": v[:100002].reshape(2, 50001).sum(axis=1),
    "mean": v.mean(),
    "var": v.var(),
}
with open(OUT / "long_sums.txt", "w") as f:
    for name, r in long_cases.items():
        vals = " ".join(repr(float(x)) for x in np.asarray(r).ravel())
        f.write(f"{name} | {vals}\n")
