"""Goldens for sorting and searching (tests/goldens/sorting/): np.sort and np.argsort
(kind='stable'), np.partition/np.argpartition (the elements at kth), np.unique with every
return option, np.searchsorted (both sides, NaN, with a sorter), np.argwhere,
np.flatnonzero and np.count_nonzero, on every axis of several inputs, with NumPy's errors.

Inputs (rebuilt by tests/sort_goldens.rs from the same recipes; k = arange(n)):
- f1:   float64 [3, -0.0, nan, 1, 0, -inf, 2, inf, -nan, 1, -2.5, 0]
- i3:   int64 (k*37 % 11 - 5) reshaped (3, 4, 5)                       (ties)
- f3:   float64 ((k*37 % 23) - 11) / 4 reshaped (3, 4, 5), flat 7 and 30 nan, flat 12 -0.0
- f3v:  the view f3[::-1, 1:, ::-2]                                      (negative strides)
- u2:   uint8 (k*7 % 13) reshaped (5, 6)
- i2:   int32 (k*7 % 13 - 6) reshaped (5, 6)
- f2:   float32 of f3[0]                                                 (4, 5)
- b2:   bool (k*7 % 3 == 0) reshaped (4, 5)
- big:  float64 ((k*7919 % 1009) - 500) / 8, n = 2000, k % 97 == 5 nan, k % 50 == 3 -0.0
- bigi: int64 (k*2654435761 % 1000003) - 500000, n = 3000
- z0:   float64 0-d 5.0
- e:    float64 zeros (2, 0, 3)

Each line is one call:
    <input> <op> <arg> | <dtype> <shape> | <values in C order>
or
    <input> <op> <arg> | ERR <NumPy's message>
Floats are written with repr (so -0.0 keeps its sign).
"""

import pathlib
import shutil

import numpy as np

OUT = pathlib.Path("tests/goldens/sorting")
shutil.rmtree(OUT, ignore_errors=True)
OUT.mkdir(parents=True)

nan, inf = np.nan, np.inf


def k(n):
    return np.arange(n, dtype=np.int64)


F1 = np.array([3, -0.0, nan, 1, 0, -inf, 2, inf, -nan, 1, -2.5, 0], dtype=np.float64)
I3 = (k(60) * 37 % 11 - 5).reshape(3, 4, 5)
F3 = (((k(60) * 37) % 23 - 11) / 4).reshape(3, 4, 5)
F3.flat[[7, 30]] = nan
F3.flat[12] = -0.0
F3V = F3[::-1, 1:, ::-2]
U2 = (k(30) * 7 % 13).astype(np.uint8).reshape(5, 6)
I2 = (k(30) * 7 % 13 - 6).astype(np.int32).reshape(5, 6)
F2 = F3[0].astype(np.float32)
B2 = (k(20) * 7 % 3 == 0).reshape(4, 5)
BIG = ((k(2000) * 7919 % 1009) - 500) / 8
BIG[k(2000) % 97 == 5] = nan
BIG[k(2000) % 50 == 3] = -0.0
BIGI = (k(3000) * 2654435761 % 1000003) - 500000
Z0 = np.array(5.0)
E = np.zeros((2, 0, 3))

INPUTS = {
    "f1": F1, "i3": I3, "f3": F3, "f3v": F3V, "u2": U2, "i2": I2, "f2": F2, "b2": B2,
    "big": BIG, "bigi": BIGI, "z0": Z0, "e": E,
}


def fmt_value(v):
    if isinstance(v, bool):
        return "True" if v else "False"
    if isinstance(v, float):
        return repr(v)
    return str(int(v))


def result(r):
    r = np.asarray(r)
    shape = "(" + ",".join(str(n) for n in r.shape) + ")"
    values = " ".join(fmt_value(v) for v in r.ravel().tolist())
    return f"{r.dtype} {shape} | {values}"


def call(f):
    try:
        return result(f())
    except Exception as e:  # NumPy's message is the golden
        return "ERR " + str(e)


def axes_of(a):
    nd = a.ndim
    return [None] + list(range(-nd - 1, nd + 1))


lines = []


def emit(name, op, arg, f):
    lines.append(f"{name} {op} {arg} | {call(f)}")


for name, a in INPUTS.items():
    for ax in axes_of(a):
        emit(name, "sort", ax, lambda: np.sort(a, axis=ax, kind="stable"))
        emit(name, "argsort", ax, lambda: np.argsort(a, axis=ax, kind="stable"))
        n = a.size if ax is None else (a.shape[ax] if -a.ndim <= ax < a.ndim else 0)
        for kth in [0, -1, [1, 3], n, -n - 1]:
            kt = ",".join(str(x) for x in np.atleast_1d(kth))

            def part(f=np.partition, ax=ax, kth=kth):
                p = f(a, kth, axis=ax)
                if a.size == 0:  # NumPy checks no kth then: the (empty) result itself
                    return p
                # argpartition of a 0-d array works on it as one element, as axis=None.
                flat = ax is None or a.ndim == 0
                lane = -1 if flat else ax
                if f is np.argpartition:  # the kth elements the indices point at
                    p = np.take_along_axis(a.ravel() if flat else a, p, axis=lane)
                return np.take(p, np.atleast_1d(kth), axis=lane)

            emit(name, "partition", f"{ax}:{kt}", part)
            emit(name, "argpartition", f"{ax}:{kt}", lambda part=part: part(np.argpartition))
    for opts in ([0, 7] if a.size > 100 else range(8)):
        ri, rv, rc = bool(opts & 1), bool(opts & 2), bool(opts & 4)
        for eq in [True, False]:
            def uniq(ri=ri, rv=rv, rc=rc, eq=eq):
                return np.unique(a, return_index=ri, return_inverse=rv, return_counts=rc,
                                 equal_nan=eq)
            r = uniq()
            parts = r if isinstance(r, tuple) else (r,)
            names = ["values"] + [n for n, on in (("index", ri), ("inverse", rv),
                                                   ("counts", rc)) if on]
            if rv and not ri and not eq and a.dtype.kind == "f":
                # Without return_index NumPy's argsort is unstable: which of the uncollapsed
                # NaNs an element's inverse names is arbitrary. Name the first NaN.
                vals, inv = parts[0], parts[names.index("inverse")].copy()
                inv[np.isnan(vals[inv])] = np.argmax(np.isnan(vals)) if np.isnan(vals).any() else 0
                parts = tuple(inv if n == "inverse" else p for n, p in zip(names, parts))
            for pname, part in zip(names, parts):
                emit(name, "unique", f"{int(ri)}{int(rv)}{int(rc)}{int(eq)}.{pname}",
                     lambda part=part: part)
    emit(name, "argwhere", "-", lambda: np.argwhere(a))
    emit(name, "flatnonzero", "-", lambda: np.flatnonzero(a))
    for ax in axes_of(a):
        emit(name, "count_nonzero", ax, lambda: np.count_nonzero(a, axis=ax))
    # searchsorted into the sorted flattened input, and through a stable argsort sorter.
    V = np.array([nan, -inf, -2.5, -1.0, -0.0, 0.0, 0.25, 1.0, 2.0, 3.0, 4.5, inf, 1e9])
    s = np.sort(a.ravel())
    v = V.astype(a.dtype) if a.dtype.kind in "fb" else np.array(
        [-7, -6, -5, -1, 0, 1, 2, 3, 5, 12, 13, 500000, -500001]).astype(a.dtype)
    for side in ["left", "right"]:
        emit(name, "searchsorted", side, lambda: np.searchsorted(s, v, side=side))
        srt = np.argsort(a.ravel(), kind="stable")
        emit(name, "searchsorted_sorter", side,
             lambda: np.searchsorted(a.ravel(), v, side=side, sorter=srt))

# Errors of searchsorted.
a5 = np.arange(5.0)
emit("a5", "searchsorted_badsorter", "left", lambda: np.searchsorted(a5, [1.0], sorter=[0, 1]))

(OUT / "calls.txt").write_text("\n".join(lines) + "\n")
