"""Goldens for `power` with the scalar exponents NumPy special-cases (tests/goldens/power/).

NumPy's float power loop computes `x ** 2.0`, `x ** 0.5` and `x ** -1.0` with a scalar
exponent as `square`, `sqrt` and `reciprocal`, not with `pow`: its results differ from
C's `pow` in the last bit for some inputs, and from each other at -0.0 and -inf. nd must
give NumPy's bits.

Inputs (the Rust test, tests/power_goldens.rs, computes the same): 100000 values
`x[i] = (((i * 7919) % 100003) / 100003 * 20 - 10) * SCALES[i % 13]`, in float64, and the
same cast to float32; then the edge values below.

Files: `<type>_<exponent>.txt` with one line `fnv1a64 <hex>`: the FNV-1a hash of the
result's bytes (little-endian), a 1-bit difference anywhere changes it; then one line per
edge value, `<input bits> => <output bits>` in hex.
"""

import pathlib
import shutil

import numpy as np

OUT = pathlib.Path("tests/goldens/power")
shutil.rmtree(OUT, ignore_errors=True)
OUT.mkdir(parents=True)

N = 100000
SCALES = [1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1.0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6]
EDGES = ["nan", "inf", "-inf", "-0.0", "0.0", "1.0", "-1.0", "0.5", "-2.5", "3.0",
         "5e-324", "1e-310", "1.7976931348623157e+308", "1e154", "1e-200", "0.1"]
EXPONENTS = {"2": 2.0, "0.5": 0.5, "m1": -1.0}


def inputs():
    x = np.empty(N)
    for i in range(N):
        a = ((i * 7919) % 100003) / 100003 * 20 - 10
        x[i] = a * SCALES[i % 13]
    return x


def fnv1a64(data):
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def bits(v, dt):
    width = {np.float64: np.uint64, np.float32: np.uint32}[dt]
    return format(int(np.array([v], dtype=dt).view(width)[0]), "x")


X = inputs()
with np.errstate(all="ignore"):
    for tname, dt in [("f64", np.float64), ("f32", np.float32)]:
        x = X.astype(dt)
        edges = np.array([float(e) for e in EDGES]).astype(dt)
        for ename, e in EXPONENTS.items():
            r = np.power(x, dt(e))
            lines = [f"fnv1a64 {fnv1a64(r.astype(r.dtype.newbyteorder('<')).tobytes()):016x}"]
            re = np.power(edges, dt(e))
            for v, w in zip(edges, re):
                lines.append(f"{bits(v, dt)} => {bits(w, dt)}")
            (OUT / f"{tname}_{ename}.txt").write_text("\n".join(lines) + "\n")
