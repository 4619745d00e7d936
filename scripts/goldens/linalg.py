"""Goldens for the matrix products (tests/goldens/linalg/): NumPy's results of dot, matmul,
inner, outer and vdot on every rank pairing, and NumPy's messages for mismatched shapes.

Inputs (rebuilt by tests/linalg_goldens.rs from the same recipes), for a shape s of size n:
- a: (arange(n) * 7) % 11 - 5, reshaped s   (the left operand)
- b: (arange(n) * 5) % 13 - 6, reshaped s   (the right operand)
in each dtype: int64, int8 (values * 23, which wraps in the products), float64 (exact:
small integers) and bool (value > 0).

results.txt, one line per call:
    <op> <dtype> | <shape a> | <shape b> | <result shape> | <values in C order>
errors.txt, one line per call:
    <op> | <shape a> | <shape b> | <shape out or -> | <NumPy's message>
Shapes are comma-separated lengths (empty for 0-d); bools are written 0/1.
"""

import pathlib
import shutil

import numpy as np

OUT = pathlib.Path("tests/goldens/linalg")
shutil.rmtree(OUT, ignore_errors=True)
OUT.mkdir(parents=True)


def recipe(shape, mult, mod, off, dtype):
    n = int(np.prod(shape, dtype=np.int64))
    v = (np.arange(n, dtype=np.int64) * mult) % mod - off
    if dtype == "int8":
        return (v * 23).astype(np.int8).reshape(shape)
    if dtype == "bool":
        return (v > 0).reshape(shape)
    return v.astype(dtype).reshape(shape)


def operands(sa, sb, dtype):
    return recipe(sa, 7, 11, 5, dtype), recipe(sb, 5, 13, 6, dtype)


def txt(shape):
    return ",".join(str(n) for n in shape)


def values(r):
    r = np.asarray(r)
    if r.dtype == np.bool_:
        r = r.astype(np.int64)
    if r.dtype.kind == "f":
        return " ".join(repr(float(x)) for x in r.ravel())
    return " ".join(str(int(x)) for x in r.ravel())


OPS = {
    "dot": np.dot,
    "matmul": np.matmul,
    "inner": np.inner,
    "outer": np.outer,
    "vdot": np.vdot,
}

RESULT_CASES = [
    ("dot", (), ()), ("dot", (), (2, 3)), ("dot", (3, 2), ()), ("dot", (5,), (5,)),
    ("dot", (3, 5), (5,)), ("dot", (5,), (5, 3)), ("dot", (4, 5), (5, 3)),
    ("dot", (2, 3, 4), (4,)), ("dot", (2, 3, 4), (4, 2)), ("dot", (2, 3, 4), (3, 4, 2)),
    ("dot", (2, 0), (0, 3)), ("dot", (0, 3), (3, 2)),
    ("matmul", (5,), (5,)), ("matmul", (3, 5), (5,)), ("matmul", (5,), (5, 3)),
    ("matmul", (4, 5), (5, 3)), ("matmul", (2, 3, 4), (4, 2)), ("matmul", (2, 3, 4), (4,)),
    ("matmul", (4,), (2, 4, 3)), ("matmul", (2, 1, 3, 4), (5, 4, 2)),
    ("matmul", (1, 3, 4), (2, 4, 3)), ("matmul", (2, 3, 0), (0, 2)), ("matmul", (20, 30), (30, 25)),
    ("inner", (5,), (5,)), ("inner", (3, 4), (2, 4)), ("inner", (2, 3, 4), (5, 4)),
    ("inner", (), (2, 3)), ("outer", (3,), (2, 2)), ("outer", (), (4,)), ("outer", (2, 3), (0,)),
    ("vdot", (3, 4), (12,)), ("vdot", (2, 6), (3, 4)),
]

lines = []
for dtype in ("int64", "int8", "float64", "bool"):
    for op, sa, sb in RESULT_CASES:
        a, b = operands(sa, sb, dtype)
        r = np.asarray(OPS[op](a, b))
        lines.append(f"{op} {dtype} | {txt(sa)} | {txt(sb)} | {txt(r.shape)} | {values(r)}")
(OUT / "results.txt").write_text("\n".join(lines) + "\n")

ERROR_CASES = [
    ("dot", (3, 4), (5,), None), ("dot", (4,), (5, 3), None), ("dot", (4,), (5,), None),
    ("dot", (2, 3), (4, 5), None), ("dot", (2, 3, 4), (5, 6), None),
    ("dot", (2, 3, 4), (3, 5, 6), None), ("dot", (3,), (2, 5, 6), None),
    ("inner", (3, 4), (2, 5), None), ("inner", (3, 4), (2, 3, 5), None),
    ("inner", (4,), (2, 3, 5, 6), None),
    ("vdot", (3, 4), (5,), None), ("vdot", (5,), (4,), None),
    ("matmul", (3, 4), (5,), None), ("matmul", (4,), (5, 2), None),
    ("matmul", (5,), (2, 3, 4), None), ("matmul", (2, 3, 4), (3, 5, 6), None),
    ("matmul", (), (2, 2), None), ("matmul", (2, 2), (), None),
    ("matmul", (2, 3, 4), (3, 4, 5), None), ("matmul", (2, 2, 3, 4), (3, 1, 4, 5), None),
    ("matmul", (3, 4), (4, 5), (3, 4)), ("matmul", (3, 4), (4, 5), (1, 5)),
    ("matmul", (4,), (4, 5), (6,)), ("matmul", (3, 4), (4,), (4,)),
    ("matmul", (2, 3, 4), (3, 4, 5), (2, 3, 5)), ("matmul", (2, 3, 4), (4,), (5, 3)),
    ("matmul", (4,), (2, 4, 3), (5, 3)),
]

lines = []
for op, sa, sb, so in ERROR_CASES:
    a, b = np.zeros(sa), np.zeros(sb)
    try:
        if so is None:
            OPS[op](a, b)
        else:
            np.matmul(a, b, out=np.zeros(so))
    except ValueError as e:
        lines.append(f"{op} | {txt(sa)} | {txt(sb)} | {'-' if so is None else txt(so)} | {e}")
    else:
        raise SystemExit(f"{op} {sa} {sb} {so}: NumPy raised no error")
(OUT / "errors.txt").write_text("\n".join(lines) + "\n")
