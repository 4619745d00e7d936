"""Goldens for ufuncs (tests/goldens/ufuncs/): every ufunc nd implements, on edge values
(nan, ±inf, ±0.0, huge, tiny and subnormal, halves for rounding; integer MIN/MAX for
overflow wrap), for every element type it takes.

Inputs (rebuilt by tests/ops_ufunc_goldens.rs from the same lists, and written here too
so the test can check it rebuilt them): the edge values of each type below; binary ufuncs
run on every ordered pair of the (shorter) binary list, as two contiguous arrays, the way
arrays are used.

One file per (type, ufunc): `<type>/<ufunc>.txt`, one line per element:
    <input bits> [<second input bits>] => <output bits>
Values are written as the bits of the element in hex (floats: IEEE bits, so -0.0 and
subnormals are exact; integers: two's complement of their width) and bools as 0/1. A call
NumPy refuses is one line `ERR <message>` (integer power with a negative exponent: one
call per pair, as NumPy checks the whole array). MANIFEST.txt lists every (type, ufunc,
arity, exactness) so the Rust side can check it covers each one.
"""

import pathlib
import shutil

import numpy as np

OUT = pathlib.Path("tests/goldens/ufuncs")
shutil.rmtree(OUT, ignore_errors=True)
OUT.mkdir(parents=True)

FLOAT_UNARY = {
    "f64": [
        "nan", "inf", "-inf", "-0.0", "0.0", "1.0", "-1.0", "0.5", "-0.5", "1.5", "2.5",
        "-2.5", "3.0", "-7.0", "0.1", "1e-10", "-1e-300", "5e-324", "2.2250738585072014e-308",
        "1.7976931348623157e+308", "-1.7976931348623157e+308", "1e16", "4503599627370497.0",
        "3.141592653589793", "-3.141592653589793", "0.75", "-0.9999999", "10.0", "100.0",
        "709.0", "-745.0", "1e300",
    ],
    "f32": [
        "nan", "inf", "-inf", "-0.0", "0.0", "1.0", "-1.0", "0.5", "-0.5", "1.5", "2.5",
        "-2.5", "3.0", "-7.0", "0.1", "1e-10", "-1e-30", "1e-45", "1.1754944e-38",
        "3.4028235e+38", "-3.4028235e+38", "1e7", "8388609.0", "3.1415927", "-3.1415927",
        "0.75", "-0.9999999", "10.0", "100.0", "88.0", "-103.0", "1e30",
    ],
}
FLOAT_BINARY = {
    "f64": ["nan", "inf", "-inf", "-0.0", "0.0", "1.0", "-1.0", "0.5", "-2.5", "3.0", "-7.0",
            "5e-324", "1.7976931348623157e+308", "1e-300", "2.0", "0.1"],
    "f32": ["nan", "inf", "-inf", "-0.0", "0.0", "1.0", "-1.0", "0.5", "-2.5", "3.0", "-7.0",
            "1e-45", "3.4028235e+38", "1e-30", "2.0", "0.1"],
}
# Values where rounding to ±1 decimal is delicate (ties, ties that binary floats miss).
FLOAT_ROUNDING = ["0.05", "0.15", "0.25", "-0.35", "2.675", "15.0", "25.0", "-35.0", "1e20"]
INT_TYPES = ["i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64"]
DTYPE = {
    "f64": np.float64, "f32": np.float32, "i8": np.int8, "i16": np.int16, "i32": np.int32,
    "i64": np.int64, "u8": np.uint8, "u16": np.uint16, "u32": np.uint32, "u64": np.uint64,
    "bool": np.bool_,
}


def int_values(t):
    """MIN, MIN+1, a few small values of both signs, MAX-1, MAX (unsigned: no negatives)."""
    info = np.iinfo(DTYPE[t])
    small = [-7, -2, -1, 0, 1, 2, 3, 7] if info.min < 0 else [0, 1, 2, 3, 7]
    return [int(info.min), int(info.min) + 1] * (info.min < 0) + small + [int(info.max) - 1, int(info.max)]


def int_binary_values(t):
    info = np.iinfo(DTYPE[t])
    small = [-3, -1, 0, 1, 2, 7, 8, 63, 64] if info.min < 0 else [0, 1, 2, 7, 8, 63, 64]
    return [int(info.min)] * (info.min < 0) + small + [int(info.max)]


def values(t, binary):
    if t in FLOAT_UNARY:
        src = FLOAT_BINARY[t] if binary else FLOAT_UNARY[t] + FLOAT_ROUNDING
        return np.array([float(s) for s in src], dtype=DTYPE[t])
    return np.array(int_binary_values(t) if binary else int_values(t), dtype=DTYPE[t])


def bits(a):
    """Hex bits of every element."""
    a = np.ascontiguousarray(a)
    if a.dtype == np.bool_:
        return [str(int(v)) for v in a]
    width = a.dtype.itemsize
    u = a.view({1: np.uint8, 2: np.uint16, 4: np.uint32, 8: np.uint64}[width])
    return [format(int(v), f"0{2 * width}x") for v in u]


# Bounds of the `clip` golden, by dtype kind: floats, signed, unsigned integers.
CLIP = {"f": (-1.5, 2.5), "i": (-7, 7), "u": (1, 63)}

# (name, numpy function, types, exact): `exact` ufuncs must match NumPy bit for bit;
# the others are compared within the tolerance stated in the Rust test.
FLOATS = ["f64", "f32"]
NUMS = FLOATS + INT_TYPES
UNARY = [
    ("negative", np.negative, NUMS, True),
    ("invert", np.invert, INT_TYPES + ["bool"], True),
    ("abs", np.absolute, NUMS, True),
    ("sign", np.sign, NUMS, True),
    ("square", np.square, NUMS, True),
    ("reciprocal", np.reciprocal, NUMS, True),
    ("floor", np.floor, NUMS, True),
    ("ceil", np.ceil, NUMS, True),
    ("trunc", np.trunc, NUMS, True),
    ("rint", np.rint, FLOATS, True),
    ("round", np.round, FLOATS, True),
    ("sqrt", np.sqrt, FLOATS, True),
    ("cbrt", np.cbrt, FLOATS, False),
    ("exp", np.exp, FLOATS, False),
    ("exp2", np.exp2, FLOATS, False),
    ("expm1", np.expm1, FLOATS, False),
    ("log", np.log, FLOATS, False),
    ("log2", np.log2, FLOATS, False),
    ("log10", np.log10, FLOATS, False),
    ("log1p", np.log1p, FLOATS, False),
    ("sin", np.sin, FLOATS, False),
    ("cos", np.cos, FLOATS, False),
    ("tan", np.tan, FLOATS, False),
    ("arcsin", np.arcsin, FLOATS, False),
    ("arccos", np.arccos, FLOATS, False),
    ("arctan", np.arctan, FLOATS, False),
    ("sinh", np.sinh, FLOATS, False),
    ("cosh", np.cosh, FLOATS, False),
    ("tanh", np.tanh, FLOATS, False),
    ("arcsinh", np.arcsinh, FLOATS, False),
    ("arccosh", np.arccosh, FLOATS, False),
    ("arctanh", np.arctanh, FLOATS, False),
    ("clip", lambda x: np.clip(x, *CLIP[x.dtype.kind]), NUMS, True),
    ("round_1", lambda x: np.round(x, 1), FLOATS, True),
    ("round_m1", lambda x: np.round(x, -1), FLOATS, True),
    ("isnan", np.isnan, NUMS, True),
    ("isinf", np.isinf, NUMS, True),
    ("isfinite", np.isfinite, NUMS, True),
]
BINARY = [
    ("add", np.add, NUMS, True),
    ("subtract", np.subtract, NUMS, True),
    ("multiply", np.multiply, NUMS, True),
    ("divide", np.divide, FLOATS, True),
    ("floor_divide", np.floor_divide, NUMS, True),
    ("remainder", np.remainder, NUMS, True),
    ("fmod", np.fmod, NUMS, True),
    ("maximum", np.maximum, NUMS, True),
    ("minimum", np.minimum, NUMS, True),
    ("fmax", np.fmax, NUMS, True),
    ("fmin", np.fmin, NUMS, True),
    ("copysign", np.copysign, FLOATS, True),
    ("hypot", np.hypot, FLOATS, False),
    ("arctan2", np.arctan2, FLOATS, False),
    ("power", np.power, NUMS, False),
    ("bitwise_and", np.bitwise_and, INT_TYPES + ["bool"], True),
    ("bitwise_or", np.bitwise_or, INT_TYPES + ["bool"], True),
    ("bitwise_xor", np.bitwise_xor, INT_TYPES + ["bool"], True),
    ("left_shift", np.left_shift, INT_TYPES, True),
    ("right_shift", np.right_shift, INT_TYPES, True),
    ("equal", np.equal, NUMS, True),
    ("not_equal", np.not_equal, NUMS, True),
    ("less", np.less, NUMS, True),
    ("less_equal", np.less_equal, NUMS, True),
    ("greater", np.greater, NUMS, True),
    ("greater_equal", np.greater_equal, NUMS, True),
]


def inputs(t, binary):
    if t == "bool":
        return np.array([False, True])
    return values(t, binary)


manifest = []
with np.errstate(all="ignore"):
    for name, fn, types, exact in UNARY:
        for t in types:
            x = inputs(t, False)
            y = fn(x)
            assert y.dtype in (x.dtype, np.bool_), (name, t, y.dtype)
            lines = [f"{a} => {b}" for a, b in zip(bits(x), bits(y))]
            (OUT / t).mkdir(exist_ok=True)
            (OUT / t / f"{name}.txt").write_text("\n".join(lines) + "\n")
            manifest.append(f"{t} {name} 1 {'exact' if exact else 'ulp'}")
    for name, fn, types, exact in BINARY:
        for t in types:
            v = inputs(t, True)
            a = np.repeat(v, len(v))
            b = np.tile(v, len(v))
            if name == "power" and t in INT_TYPES:
                lines = []
                for p, q in zip(a, b):
                    try:
                        r = fn(np.array([p]), np.array([q]))
                        lines.append(f"{bits([p])[0]} {bits([q])[0]} => {bits(r)[0]}")
                    except ValueError as e:
                        lines.append(f"{bits([p])[0]} {bits([q])[0]} => ERR {e}")
            else:
                y = fn(a, b)
                assert y.dtype in (a.dtype, np.bool_), (name, t, y.dtype)
                lines = [f"{p} {q} => {r}" for p, q, r in zip(bits(a), bits(b), bits(y))]
            (OUT / t).mkdir(exist_ok=True)
            (OUT / t / f"{name}.txt").write_text("\n".join(lines) + "\n")
            manifest.append(f"{t} {name} 2 {'exact' if exact else 'ulp'}")

(OUT / "MANIFEST.txt").write_text("\n".join(manifest) + "\n")
