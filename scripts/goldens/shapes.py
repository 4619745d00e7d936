"""Goldens for shape tools (tests/goldens/shapes/): views (flip, moveaxis, swapaxes, squeeze,
atleast_*d, split), like-constructors, joins (hstack/vstack/dstack/column_stack), roll, tile,
repeat, pad, tril/triu, trace and item, on C, transposed, negative-stride, empty and 0-d inputs.

Inputs (rebuilt by tests/shapes_goldens.rs from the same recipes), all int64 unless said:
- c23:   arange(6).reshape(2, 3)
- t:     arange(12).reshape(3, 4).T                      (F-contiguous view)
- neg:   arange(24).reshape(2, 3, 4)[:, ::-1, ::2]        (negative and step-2 strides)
- e:     zeros((2, 0, 3))                                 (empty)
- z:     array(7)                                         (0-d)
- v:     arange(5);  v7: arange(7);  vrev: arange(10)[::-2]
- sq:    arange(9).reshape(3, 3)
- x213:  arange(6).reshape(2, 1, 3)[:, :, ::-1]
- one16: arange(6).reshape(1, 1, 6)[:, :, 4:5]
- bc:    broadcast_to(arange(3), (4, 3))                  (stride 0)
- f23:   arange(6).reshape(2, 3) / 2                      (float64)
- c23_i32, c23_u8, c23_bool (c23 % 2 == 1), c23_f32:   c23 cast

One file per function. Each line is one call:
    <case> | <shape> | <dtype> | <strides or -> | <values in C order>
or
    <case> | ERR <NumPy's message>
Strides are written for results that are views (and for the *_like results, whose memory
order is the point); `-` for other copies. Floats are written with repr; the values of
np.empty_like, which are whatever the memory held, as `?`. A list result (split) is one line
per piece (`<case>/<k>`) and a line `<case>/len | <number of pieces>`.
"""

import pathlib
import shutil

import numpy as np

OUT = pathlib.Path("tests/goldens/shapes")
shutil.rmtree(OUT, ignore_errors=True)
OUT.mkdir(parents=True)

c23 = np.arange(6).reshape(2, 3)
INPUTS = {
    "c23": c23,
    "t": np.arange(12).reshape(3, 4).T,
    "neg": np.arange(24).reshape(2, 3, 4)[:, ::-1, ::2],
    "e": np.zeros((2, 0, 3), dtype=np.int64),
    "z": np.array(7),
    "v": np.arange(5),
    "v7": np.arange(7),
    "vrev": np.arange(10)[::-2],
    "sq": np.arange(9).reshape(3, 3),
    "x213": np.arange(6).reshape(2, 1, 3)[:, :, ::-1],
    "one16": np.arange(6).reshape(1, 1, 6)[:, :, 4:5],
    "bc": np.broadcast_to(np.arange(3), (4, 3)),
    "f23": np.arange(6).reshape(2, 3) / 2,
    "c23_i32": c23.astype(np.int32),
    "c23_u8": c23.astype(np.uint8),
    "c23_bool": c23 % 2 == 1,
    "c23_f32": c23.astype(np.float32),
}
I = INPUTS


def tup(xs):
    """A tuple as NumPy's error messages print one: (), (3,), (2,3)."""
    if len(xs) == 1:
        return f"({xs[0]},)"
    return "(" + ",".join(str(x) for x in xs) + ")"


def fmt_value(v):
    if isinstance(v, (bool, np.bool_)):
        return "True" if v else "False"
    if isinstance(v, (float, np.floating)):
        return repr(float(v))
    return str(int(v))


def fmt(r, strides, values=True):
    r = np.asarray(r)
    st = tup(r.strides) if strides else "-"
    # np.empty_like's values are whatever memory held: written as `?`.
    values = " ".join(fmt_value(x) for x in r.ravel().tolist()) if values else "?"
    return f"{tup(r.shape)} | {r.dtype.name} | {st} | {values}"


class File:
    def __init__(self, name):
        self.name = name
        self.lines = []

    def case(self, case, f, strides=False, values=True):
        try:
            r = f()
        except Exception as e:  # NumPy's message is the golden
            self.lines.append(f"{case} | ERR {e}")
            return
        if isinstance(r, list):
            for k, p in enumerate(r):
                self.lines.append(f"{case}/{k} | {fmt(p, strides, values)}")
            self.lines.append(f"{case}/len | {len(r)}")
        else:
            self.lines.append(f"{case} | {fmt(r, strides, values)}")

    def write(self):
        (OUT / f"{self.name}.txt").write_text("\n".join(self.lines) + "\n")


# Views.
f = File("flip")
for n in ["c23", "t", "neg", "e", "z", "vrev", "bc"]:
    x = I[n]
    for ax in range(x.ndim):
        f.case(f"{n} {ax}", lambda: np.flip(x, ax), True)
    f.case(f"{n} None", lambda: np.flip(x), True)
    f.case(f"{n} {x.ndim}", lambda: np.flip(x, x.ndim), True)
    f.case(f"{n} lr", lambda: np.fliplr(x), True)
    f.case(f"{n} ud", lambda: np.flipud(x), True)
x4 = np.zeros((2, 1, 3, 1), dtype=np.int64)
INPUTS["x2131"] = x4
for axes in [(0, -1), (1, 2, 0), (-4,), (), (0, 0), (0, 4)]:
    f.case(f"neg {tup(axes)}", lambda: np.flip(I["neg"], axes), True)
    f.case(f"x2131 {tup(axes)}", lambda: np.flip(x4, axes), True)
f.write()

f = File("moveaxis")
for n in ["c23", "t", "neg", "e"]:
    x = I[n]
    for src, dst in [(0, -1), (-1, 0), (1, 0), ([0, 1], [-1, -2]), ([0, -1], [-1, 0])]:
        f.case(f"{n} {src} {dst}", lambda: np.moveaxis(x, src, dst), True)
for src, dst in [(3, 0), (0, 3), (-3, 0), ([0, 0], [1, 0]), ([0, 1], [1]), ([0, 1], [1, 1])]:
    f.case(f"c23 {src} {dst}", lambda: np.moveaxis(c23, src, dst), True)
f.write()

f = File("swapaxes")
for n in ["c23", "t", "neg", "e"]:
    x = I[n]
    for a, b in [(0, -1), (-1, 0), (0, 0), (1, -2)]:
        f.case(f"{n} {a} {b}", lambda: np.swapaxes(x, a, b), True)
f.case("c23 0 2", lambda: np.swapaxes(c23, 0, 2), True)
f.case("c23 -3 0", lambda: np.swapaxes(c23, -3, 0), True)
f.write()

f = File("squeeze")
for n, ax in [("x213", 1), ("x213", 0), ("x213", 5), ("one16", 0), ("one16", 1), ("one16", 2),
              ("e", 1), ("c23", 0)]:
    f.case(f"{n} {ax}", lambda: np.squeeze(I[n], ax), True)
for axes in [(1, 3), (-1,), (3, 1), (), (1, 1), (0, 1), (5,)]:
    f.case(f"x2131 {tup(axes)}", lambda: np.squeeze(I["x2131"], axes), True)
f.write()

f = File("atleast")
for n in ["z", "v", "vrev", "c23", "t", "neg", "e", "bc"]:
    x = I[n]
    f.case(f"{n} 1", lambda: np.atleast_1d(x), True)
    f.case(f"{n} 2", lambda: np.atleast_2d(x), True)
    f.case(f"{n} 3", lambda: np.atleast_3d(x), True)
f.write()

f = File("split")
for n, sec, ax in [("v7", 3, 0), ("v7", 7, 0), ("v7", 1, 0), ("v7", 9, 0), ("v7", [2, 5], 0),
                   ("v7", [2, 10, 1], 0), ("v7", [-2], 0), ("v7", [], 0), ("v7", 0, 0),
                   ("neg", 3, 1), ("neg", 2, 2), ("neg", [1], 1), ("t", 2, 0), ("t", 2, 1),
                   ("e", 2, 1), ("e", 3, 2), ("c23", 2, 2)]:
    x = I[n]
    f.case(f"{n} array_split {sec} {ax}", lambda: np.array_split(x, sec, ax), True)
    f.case(f"{n} split {sec} {ax}", lambda: np.split(x, sec, ax), True)
f.write()

# Constructors that keep the memory order (strides written).
f = File("like")
for n in ["c23", "t", "neg", "e", "z", "vrev", "bc", "f23", "x213"]:
    x = I[n]
    f.case(f"{n} zeros", lambda: np.zeros_like(x), True)
    f.case(f"{n} ones", lambda: np.ones_like(x), True)
    f.case(f"{n} full", lambda: np.full_like(x, 9), True)
    f.case(f"{n} empty", lambda: np.empty_like(x), True, values=False)
f.write()

# Copies.
f = File("stack")
J = {
    "v v": ["v", "v"],
    "vrev v": ["vrev", "v"],
    "z z": ["z", "z"],
    "c23 c23": ["c23", "c23"],
    "c23 neg0": ["c23", None],
    "t t": ["t", "t"],
    "c23 v": ["c23", "v"],
    "neg neg": ["neg", "neg"],
    "e e": ["e", "e"],
}


def arrays(names):
    return [I[k] if k is not None else I["neg"][0] for k in names]


J["bc t"] = ["bc", "t"]
for fn in ["hstack", "vstack", "dstack", "column_stack"]:
    g = getattr(np, fn)
    for case, names in J.items():
        f.case(f"{fn} {case}", lambda: g(arrays(names)))
    f.case(f"{fn} none", lambda: g([]))
f.write()

f = File("roll")
for n, shift, ax in [("c23", 1, None), ("c23", -7, None), ("c23", 1, 0), ("c23", -1, 1),
                     ("c23", 4, 1), ("t", 2, 0), ("t", 5, None), ("neg", 5, 2), ("neg", -1, 1),
                     ("e", 1, 1), ("e", 2, 2), ("z", 3, None), ("vrev", 2, 0), ("bc", 1, 0),
                     ("bc", 2, 1), ("bc", 4, None), ("c23", 1, 3)]:
    f.case(f"{n} {shift} {ax}", lambda: np.roll(I[n], shift, ax))
# Several axes at once (nd's roll_axes).
for n, shift, ax in [("c23", (1,), (0, 1)), ("c23", (1, 2), (0, 0)), ("c23", (1, -4), (0, 1)),
                     ("neg", (1, 2, 3), (2, 0, 1)), ("t", (5, -1), (1, 0)), ("e", (1, 1), (0, 2)),
                     ("c23", (1, 2, 3), (0, 1)), ("c23", (1,), (0, 2))]:
    f.case(f"{n} {shift} {ax}", lambda: np.roll(I[n], shift, ax))
f.write()

f = File("tile")
for n, reps in [("v", (2,)), ("v", (2, 1)), ("v", (2, 0)), ("c23", (2, 2)), ("t", (1, 2, 1)),
                ("neg", (2,)), ("neg", (2, 1, 1, 3)), ("z", (3,)), ("z", ()), ("z", (2, 2)),
                ("e", (2, 2, 2)), ("vrev", (3,)), ("bc", (2, 3)), ("c23", ())]:
    f.case(f"{n} {tup(reps)}", lambda: np.tile(I[n], reps))
f.write()

f = File("repeat")
for n, reps, ax in [("c23", 2, 1), ("c23", 2, 0), ("c23", [1, 2], 0), ("c23", [1, 0, 3], 1),
                    ("c23", [3], 1), ("c23", [1, 2], 1), ("c23", 0, 0), ("t", 2, 0),
                    ("t", [2, 0, 1], 1), ("neg", 3, 2), ("neg", [0, 2], 2), ("e", 2, 1),
                    ("e", 2, 2), ("vrev", 2, 0), ("bc", 2, 0), ("bc", [1, 0, 2], 1), ("c23", 2, 2),
                    ("c23", 2, None), ("t", 2, None), ("z", 3, None), ("v", [0, 1, 2, 3, 4], None),
                    ("v", [1, 2], None), ("c23", -1, 0), ("c23", [1, -1], 0)]:
    f.case(f"{n} {reps} {ax}", lambda: np.repeat(I[n], reps, ax))
f.write()

f = File("pad")
MODES = ["constant", "edge", "reflect", "symmetric", "wrap"]
for n, width in [("v", (2, 3)), ("v", 7), ("v", 0), ("vrev", 4), ("c23", ((1, 2), (2, 1))),
                 ("c23", 5), ("t", 2), ("t", ((0, 3), (1, 0))), ("neg", 1), ("neg", ((1,),)),
                 ("sq", ((4, 1), (2, 5))), ("bc", ((1, 5), (4, 2))), ("f23", 2)]:
    for mode in MODES:
        kw = {"constant_values": 9} if mode == "constant" else {}
        f.case(f"{n} {width} {mode}", lambda: np.pad(I[n], width, mode, **kw))
one = np.arange(1)
for mode in MODES:
    f.case(f"one 3 {mode}", lambda: np.pad(one, 3, mode))
    f.case(f"z 3 {mode}", lambda: np.pad(I["z"], 3, mode))
    f.case(f"e ((0,0),(1,1),(0,0)) {mode}", lambda: np.pad(I["e"], ((0, 0), (1, 1), (0, 0)), mode))
    f.case(f"e ((1,1),(0,0),(1,1)) {mode}", lambda: np.pad(I["e"], ((1, 1), (0, 0), (1, 1)), mode))
f.case("c23 ((1,1),(1,1),(1,1)) edge", lambda: np.pad(c23, ((1, 1), (1, 1), (1, 1)), "edge"))
f.write()

f = File("tri")
for n in ["c23", "sq", "t", "neg", "v", "e", "bc", "f23", "c23_bool"]:
    for k in [-2, -1, 0, 1, 3]:
        f.case(f"{n} tril {k}", lambda: np.tril(I[n], k))
        f.case(f"{n} triu {k}", lambda: np.triu(I[n], k))
f.write()

f = File("trace")
for n in ["c23", "sq", "t", "neg", "e", "f23", "c23_i32", "c23_u8", "c23_bool", "c23_f32", "v"]:
    for off in [0, 1, -1, 5]:
        f.case(f"{n} {off}", lambda: np.trace(I[n], off))
f.case("neg 0 1 2", lambda: np.trace(I["neg"], 0, 1, 2))
f.case("neg 1 2 0", lambda: np.trace(I["neg"], 1, 2, 0))
f.write()

f = File("item")
for n in ["z", "one16", "c23", "e"]:
    f.case(f"{n}", lambda: np.array(I[n].item()))
for n, i in [("t", 1), ("t", -1), ("t", 11), ("t", 12), ("t", -13), ("neg", 5), ("z", 0),
             ("z", 1), ("e", 0)]:
    f.case(f"{n} {i}", lambda: np.array(I[n].item(i)))
f.write()
