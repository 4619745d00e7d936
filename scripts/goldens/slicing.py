"""Goldens for basic slicing (tests/goldens/slicing/): NumPy's `a[...]` for a table of
slices, every negative-step corner included, on `np.arange(10)` and
`np.arange(60).reshape(3, 4, 5)` (int64).

Each line of a `.txt` file is one case:

    <key> | <shape> | <byte strides> | <values in C order>

or, when NumPy refuses the key,

    <key> | error | <ExceptionType>: <message>

`<key>` is what goes between the brackets, in Python syntax (`5:1:-1, None, ...`);
`nd-tests/slicing_goldens.rs` parses it back into `SliceInfoElem`s. Shapes and strides are
written as comma-separated integers (empty for a 0-d result).
"""

import itertools
import pathlib
import shutil

import numpy as np

OUT = pathlib.Path("tests/goldens/slicing")
shutil.rmtree(OUT, ignore_errors=True)
OUT.mkdir(parents=True)


def fmt_bound(v):
    return "" if v is None else str(v)


def fmt_slice(start, stop, step):
    text = f"{fmt_bound(start)}:{fmt_bound(stop)}"
    if step is not None:
        text += f":{step}"
    return text


def parse_entry(text):
    text = text.strip()
    if text == "...":
        return Ellipsis
    if text == "None":
        return None
    if ":" in text:
        parts = [int(p) if p else None for p in text.split(":")]
        return slice(*parts)
    return int(text)


def line(a, key):
    index = tuple(parse_entry(e) for e in key.split(","))
    try:
        r = a[index]
    except (IndexError, ValueError, TypeError) as e:
        return f"{key} | error | {type(e).__name__}: {e}"
    r = np.asarray(r)
    shape = ",".join(str(n) for n in r.shape)
    strides = ",".join(str(s) for s in r.strides)
    values = " ".join(str(v) for v in r.ravel(order="C"))
    return f"{key} | {shape} | {strides} | {values}"


def write(name, a, keys):
    seen = set()
    lines = []
    for k in keys:
        if k not in seen:
            seen.add(k)
            lines.append(line(a, k))
    (OUT / f"{name}.txt").write_text("\n".join(lines) + "\n")


# ---- 1-d: np.arange(10), every start × stop × step ----
a1 = np.arange(10, dtype=np.int64)
bounds = [None, -15, -11, -10, -9, -4, -1, 0, 1, 3, 5, 9, 10, 11, 15]
steps = [None, 1, -1, 2, -2, 3, -3, 4, -4, 9, -9, 10, -10, 100, -100]
keys1 = [fmt_slice(a, b, s) for a, b, s in itertools.product(bounds, bounds, steps)]
keys1 += ["::0", "1:5:0"]
keys1 += [str(i) for i in range(-11, 11)]
keys1 += ["None", "...", "None, 3", "3, None", "..., 2", "2, ...", "None, ::-1, None",
          "::-2, None", "..., ...", "1, 2", "-1, ..."]
write("arange_10", a1, keys1)

# ---- 3-d: np.arange(60).reshape(3, 4, 5), per-axis entries combined ----
a3 = np.arange(60, dtype=np.int64).reshape(3, 4, 5)
per_axis = [":", "::-1", "1:", "::2", "-1::-2", "5:0:-2", "-2", "0", "10:-10:-1", "2:2",
            ":-100:-1", "-100:100:3"]
keys3 = [", ".join(t) for t in itertools.product(per_axis, repeat=3)]
keys3 += [", ".join(t) for t in itertools.product(per_axis, repeat=2)]
keys3 += per_axis
keys3 += ["...", "..., -1", "..., ::-1", "-1, ...", "1, ..., ::-2", "::-1, ..., 0",
          "None, ...", "..., None", "None, ::-1, None, 0, None, 1:3, None",
          "0, None, 1, None, 2", "1, 2, 3, ...", "..., 1, 2, 3", "None, None, None",
          "3", "-4", "0, 4", "0, 0, 5", "0, 0, -6", "0, 0, 0, 0", ":, :, :, :",
          "..., ...", "::0", "0, ::0", "1, 2, 3"]
write("arange_60_3x4x5", a3, keys3)
