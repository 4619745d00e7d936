"""Goldens for records, NumPy's structured arrays (tests/goldens/records/).

The paper's In [63]-[69]: `paper_dt.repr.txt` (the dtype), `paper_x.repr.txt` (the three
records), `paper_time.repr.txt` (x['time']), `paper_times.str.txt` (print(times) for
times = x['time'] >= 2), `paper_selected_x.repr.txt` (x[times]['pos']['x']) and
`paper_foo.dat` (x.tofile('foo.dat'), the bytes np.fromfile reads in In [69]).
The Rust test tests/paper_records.rs builds the same records and compares.

Structured .npy files written by np.save, one per layout, with the repr np.load gives; the Rust test
tests/records_numpy.rs loads each into a derived type (the recipes are repeated there):
- `nested.npy`: the paper's x.
- `subarray.npy`: [('v', '<f4', (3,)), ('m', '<f8', (2, 2))], NumPy's default packed
  layout (itemsize 44: m at offset 12); `subarray_aligned.npy`: the same with align=True
  (4 pad bytes, itemsize 48).
- `bigendian.npy`: [('a', '>i4'), ('b', '>f8')] (packed, itemsize 12).
- `packed.npy`: [('a', 'u1'), ('b', '<i8')] (align=False: itemsize 9).
- `aligned.npy`: the same with align=True (7 pad bytes, itemsize 16).
"""

import pathlib
import shutil

import numpy as np

OUT = pathlib.Path("tests/goldens/records")
shutil.rmtree(OUT, ignore_errors=True)
OUT.mkdir(parents=True)


def write(name, text):
    (OUT / name).write_text(text + "\n")


# In [63]-[68]
dt = np.dtype([("time", np.uint64), ("pos", [("x", float), ("y", float)])])
x = np.array([(1, (0, 0.5)), (2, (0, 10.3)), (3, (5.5, 1.1))], dtype=dt)
times = x["time"] >= 2
write("paper_dt.repr.txt", repr(dt))
write("paper_x.repr.txt", repr(x))
write("paper_time.repr.txt", repr(x["time"]))
write("paper_times.str.txt", str(times))
write("paper_selected_x.repr.txt", repr(x[times]["pos"]["x"]))
# In [69] reads foo.dat
x.tofile(OUT / "paper_foo.dat")

N = 4
sub = np.dtype([("v", "<f4", (3,)), ("m", "<f8", (2, 2))])
sub_aligned = np.dtype([("v", "<f4", (3,)), ("m", "<f8", (2, 2))], align=True)
be = np.dtype([("a", ">i4"), ("b", ">f8")])
packed = np.dtype([("a", "u1"), ("b", "<i8")])
aligned = np.dtype([("a", "u1"), ("b", "<i8")], align=True)
assert (sub.itemsize, sub_aligned.itemsize) == (44, 48)
assert (be.itemsize, packed.itemsize, aligned.itemsize) == (12, 9, 16)


def subarrays(dtype):
    a = np.zeros(N, dtype)
    a["v"] = np.arange(N * 3).reshape(N, 3) * 0.5
    a["m"] = np.arange(N * 4).reshape(N, 2, 2) + 0.25
    return a


def pairs(dtype):
    a = np.zeros(N, dtype)
    if dtype["a"].kind == "u":
        a["a"] = 250 + np.arange(N)
        a["b"] = -(np.arange(N) * 2**40) - 1
    else:
        a["a"] = np.arange(N) * 100_000 - 7
        a["b"] = np.arange(N) / 4 - 0.5
    return a


files = {
    "nested": x,
    "subarray": subarrays(sub),
    "subarray_aligned": subarrays(sub_aligned),
    "bigendian": pairs(be),
    "packed": pairs(packed),
    "aligned": pairs(aligned),
}
for name, a in files.items():
    np.save(OUT / f"{name}.npy", a)
    # As np.load gives it back (an aligned dtype loses its 'aligned' flag on the way).
    write(f"{name}.repr.txt", repr(np.load(OUT / f"{name}.npy")))
