"""Goldens for broadcasting (tests/goldens/broadcasting/): NumPy's result for every ordered
pair of a table of shapes, the failing pairs with their exact messages.

Inputs (rebuilt by tests/ops_broadcast_goldens.rs from the same recipe): for shapes s1, s2,
    a = arange(prod(s1)).reshape(s1) * 1.0
    b = arange(prod(s2)).reshape(s2) * 10.0 + 0.5
pairs.txt has one line per (s1, s2):
    <s1> <s2> | <shape of a - b> | <values of a - b in C order> | <a -= b: OK or ERR message>
or, when they don't broadcast,
    <s1> <s2> | ERR <np.subtract's message> | <a -= b: ERR message>
Shapes are written as NumPy prints them without spaces: (), (3,), (2,3).
triples.txt: np.broadcast_shapes of three shapes, or the ufunc message for three operands
(np.add(a, b, c) with c as out=).
"""

import itertools
import pathlib
import shutil

import numpy as np

OUT = pathlib.Path("tests/goldens/broadcasting")
shutil.rmtree(OUT, ignore_errors=True)
OUT.mkdir(parents=True)

SHAPES = [
    (), (1,), (3,), (4,), (0,), (1, 1), (1, 3), (3, 1), (2, 3), (4, 3), (2, 1),
    (0, 3), (1, 0), (2, 4, 3), (4, 1), (2, 1, 3), (1, 4, 1), (3, 1, 1), (2, 0, 1),
    (5, 1, 4, 1),
]


def shape_str(s):
    if len(s) == 0:
        return "()"
    if len(s) == 1:
        return f"({s[0]},)"
    return "(" + ",".join(str(n) for n in s) + ")"


def make(s1, s2):
    a = (np.arange(int(np.prod(s1))) * 1.0).reshape(s1)
    b = (np.arange(int(np.prod(s2))) * 10.0 + 0.5).reshape(s2)
    return a, b


lines = []
for s1, s2 in itertools.product(SHAPES, SHAPES):
    a, b = make(s1, s2)
    head = f"{shape_str(s1)} {shape_str(s2)}"
    try:
        r = np.subtract(a, b)
        body = f"{shape_str(r.shape)} | {' '.join(repr(float(v)) for v in r.ravel())}"
    except ValueError as e:
        body = f"ERR {e}"
    try:
        a2 = a.copy()
        np.subtract(a2, b, out=a2)
        inplace = "OK"
    except ValueError as e:
        inplace = f"ERR {e}"
    lines.append(f"{head} | {body} | {inplace}")
(OUT / "pairs.txt").write_text("\n".join(lines) + "\n")

TRIPLES = [
    ((2, 1, 3), (4, 1), (1,)),
    ((3,), (2, 3), (4, 2, 1)),
    ((3,), (3,), (2, 4)),
    ((0,), (1,), ()),
    ((2, 3), (3, 2), (1,)),
    ((5, 1), (1, 6), (5, 6)),
    ((5, 1), (1, 6), (6,)),
    ((5, 1), (1, 6), (5, 1)),
]
lines = []
for s1, s2, s3 in TRIPLES:
    head = f"{shape_str(s1)} {shape_str(s2)} {shape_str(s3)}"
    try:
        body = shape_str(np.broadcast_shapes(s1, s2, s3))
    except ValueError:
        body = "ERR"
    try:
        np.add(np.zeros(s1), np.zeros(s2), out=np.zeros(s3))
        out = "OK"
    except ValueError as e:
        out = f"ERR {e}"
    lines.append(f"{head} | {body} | {out}")
(OUT / "triples.txt").write_text("\n".join(lines) + "\n")
