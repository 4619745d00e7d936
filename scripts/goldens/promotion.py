"""Goldens for type promotion (tests/goldens/promotion/): NumPy 2's result types (NEP 50)
for the element types nd has, and the values of mixed-type operations.

Files, one entry per line, types in nd's spelling (bool, i8 … u64, f32, f64):
- result_type.txt: `A B OUT`, np.result_type(A, B) for every ordered pair.
- weak.txt: `A KIND OUT`, the type of `array of A <op> python scalar` for KIND in
  bool/int/float (NEP 50's weak scalars).
- true_divide.txt: `A OUT`, the type of `a / a` for an array of A.
- same_kind.txt: `FROM TO 0|1`, np.can_cast(FROM, TO, 'same_kind').
- values.txt: `OP A B => v0 v1 …`, the values of `a OP b` for every pair, a and b built
  from the fixed lists below (cast to A and B), OP in add/multiply/true_divide/less; and
  `OP A py:KIND => …` for an array of A with a Python scalar. Floats are written with
  repr of the float64 value (exact for float32 results too), integers in decimal, bools
  as 0/1.
"""

import pathlib
import shutil

import numpy as np

OUT = pathlib.Path("tests/goldens/promotion")
shutil.rmtree(OUT, ignore_errors=True)
OUT.mkdir(parents=True)

TYPES = ["bool", "i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "f32", "f64"]
DTYPE = {
    "bool": np.bool_, "i8": np.int8, "i16": np.int16, "i32": np.int32, "i64": np.int64,
    "u8": np.uint8, "u16": np.uint16, "u32": np.uint32, "u64": np.uint64,
    "f32": np.float32, "f64": np.float64,
}
NAME = {np.dtype(v).name: k for k, v in DTYPE.items()}

# Operands (the Rust test builds the same): values every type holds, the right one never 0.
A_VALUES = [0, 1, 2, 3, 5, 7, 100]
B_VALUES = [3, 1, 2, 7, 1, 2, 9]
SCALARS = {"bool": True, "int": 2, "float": 0.5}


def name(dt):
    return NAME[np.dtype(dt).name]


def text(v):
    if isinstance(v, (bool, np.bool_)):
        return "1" if v else "0"
    if isinstance(v, (np.floating, float)):
        return repr(float(v))
    return str(int(v))


def array(t, values):
    return np.array(values).astype(DTYPE[t])


with open(OUT / "result_type.txt", "w") as f:
    for a in TYPES:
        for b in TYPES:
            f.write(f"{a} {b} {name(np.result_type(DTYPE[a], DTYPE[b]))}\n")

with open(OUT / "weak.txt", "w") as f:
    for a in TYPES:
        for kind, s in SCALARS.items():
            f.write(f"{a} {kind} {name(np.result_type(np.ones(1, DTYPE[a]), s))}\n")

with open(OUT / "true_divide.txt", "w") as f:
    for a in TYPES:
        x = np.ones(2, DTYPE[a])
        f.write(f"{a} {name(np.true_divide(x, x).dtype)}\n")

with open(OUT / "same_kind.txt", "w") as f:
    for a in TYPES:
        for b in TYPES:
            f.write(f"{a} {b} {int(np.can_cast(DTYPE[a], DTYPE[b], 'same_kind'))}\n")

OPS = {"add": np.add, "multiply": np.multiply, "true_divide": np.true_divide, "less": np.less}
with open(OUT / "values.txt", "w") as f:
    for op, fn in OPS.items():
        for a in TYPES:
            for b in TYPES:
                if op in ("add", "multiply") and a == b == "bool":
                    continue  # logical or / and in NumPy; nd's + and * are arithmetic only
                r = fn(array(a, A_VALUES), array(b, B_VALUES))
                f.write(f"{op} {a} {b} => {' '.join(text(v) for v in r)}\n")
            for kind, s in SCALARS.items():
                if op in ("add", "multiply") and a == "bool" and kind == "bool":
                    continue
                r = fn(array(a, A_VALUES), s)
                f.write(f"{op} {a} py:{kind} => {' '.join(text(v) for v in r)}\n")
