"""Goldens for the .npy / .npz formats (tests/goldens/npy/), read and written by `ndio`.

For each case NAME:

- `NAME.npy`: the file exactly as NumPy writes it (`np.save`, or
  `np.lib.format.write_array(f, a, version=...)` for the `_v2` / `_v3` cases), except the
  hand-built cases `align16_i8` and `dquote_f4` (see below).
- `NAME.txt`, UTF-8, these lines (values parsed back from the file itself):

      version <major>.<minor>
      descr <str() of the header's 'descr' value>
      shape <repr() of the header's 'shape' tuple>
      fortran_order <True|False>
      data_offset <byte offset of the first data byte>
      repr
      <repr(np.load(path)), possibly several lines, to the end of the file>

  For files NumPy wrote, `descr` equals `str(np.lib.format.dtype_to_descr(a.dtype))`.

`INDEX.txt` lists the .npy case names, one per line, sorted.

Recipes (the Rust test rebuilds the inputs from them):

- `<t>_le_2x3` / `<t>_be_2x3` (`b1`, `i1`, `u1` once, without `_le`/`_be`): shape (2, 3),
  C order, the 6 values of `SCALAR_VALUES[t]` below, dtype `<t` / `>t`.
- `f8_le_edges_2x3`: -0.0, -inf, 5e-324, 1.7976931348623157e308, 2.2250738585072014e-308, 0.1.
- orders / ranks / versions / structured: see `cases()` below; every array is built from
  `np.arange` (offset and scaled) or a short literal list.
- `align16_i8`: version 1.0, header
  `{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }` padded with spaces and a final
  '\\n' to a 16-byte (not 64-byte) boundary, data `np.arange(3)` int64 (old NumPy wrote 16).
- `dquote_f4`: version 1.0, header `{"shape": (2,), "fortran_order": False, "descr": "<f4"}`
  (other key order, double quotes), padded to 64 bytes; data [0.5, -1.25] float32.

npz: `plain.npz` (`np.savez`) and `compressed.npz` (`np.savez_compressed`) of
`a=np.arange(6).reshape(2, 3)`, `b=np.linspace(0, 1, 5)`, `c=np.array(True)`. `NAME.npz.txt`
has, for each member in `np.load` order, the lines `member <name>`, `repr`, the repr lines,
`end`. Python's zipfile stamps members with the current local time; to keep the bytes
deterministic the script pins that timestamp to 1980-01-01 00:00:00 (the zip epoch) while
saving. The deflate stream of compressed.npz comes from the venv's zlib.
"""

import ast
import io
import pathlib
import shutil
import types
import warnings
import zipfile

import numpy as np
from numpy.lib import _format_impl

fmt = np.lib.format

OUT = pathlib.Path("tests/goldens/npy")
shutil.rmtree(OUT, ignore_errors=True)
OUT.mkdir(parents=True)

NAN, INF = float("nan"), float("inf")
FLOAT_VALUES = [0.5, -1.25, 1e-7, 1e10, NAN, INF]


def int_values(t):
    info = np.iinfo(t)
    size = np.dtype(t).itemsize
    pattern = int.from_bytes(bytes(range(1, size + 1)), "big")  # 0x01, 0x0102, 0x01020304...
    if info.min < 0:
        return [int(info.min), -2, -1, 0, pattern, int(info.max)]
    return [0, 1, 2, pattern, int(info.max) - 1, int(info.max)]


SCALAR_VALUES = {
    "b1": [True, False, False, True, True, False],
    **{t: int_values(t) for t in ["i1", "u1", "i2", "u2", "i4", "u4", "i8", "u8"]},
    "f4": FLOAT_VALUES,
    "f8": FLOAT_VALUES,
}


def cases():
    c = {}
    # Every scalar type in both byte orders (one-byte types once).
    for t, vals in SCALAR_VALUES.items():
        if np.dtype(t).itemsize == 1:
            c[f"{t}_2x3"] = np.array(vals, dtype=t).reshape(2, 3)
        else:
            for bo, tag in [("<", "le"), (">", "be")]:
                c[f"{t}_{tag}_2x3"] = np.array(vals, dtype=bo + t).reshape(2, 3)
    c["f8_le_edges_2x3"] = np.array(
        [-0.0, -INF, 5e-324, 1.7976931348623157e308, 2.2250738585072014e-308, 0.1],
        dtype="<f8").reshape(2, 3)

    # Orders and ranks.
    c["f8_fortran_3x4"] = np.asfortranarray(np.arange(12).reshape(3, 4) * 0.5 - 2.5)
    c["i4_fortran_2x3x4"] = np.asfortranarray(np.arange(24, dtype="<i4").reshape(2, 3, 4) - 12)
    c["f8_0d"] = np.array(1.5)
    c["i8_0d"] = np.array(-7, dtype="<i8")
    c["f8_empty_0"] = np.zeros((0,), dtype="<f8")
    c["f8_empty_2x0x3"] = np.zeros((2, 0, 3), dtype="<f8")
    c["i4_be_empty_0"] = np.zeros((0,), dtype=">i4")
    c["f8_len1"] = np.array([-2.5])
    c["i8_6d_1x2x1x2x1x2"] = np.arange(-4, 4, dtype="<i8").reshape(1, 2, 1, 2, 1, 2)
    c["i8_noncontig_2x2"] = np.arange(24, dtype="<i8").reshape(4, 6)[::2, ::3]
    c["b1_3x4"] = (np.arange(12).reshape(3, 4) % 3) == 0

    # Versions (2.0 and 3.0 via write_array; see VERSIONS).
    c["f8_v2_2x2"] = np.arange(4).reshape(2, 2) * 0.5 - 1.0
    c["f8_v3_2x2"] = np.arange(4).reshape(2, 2) * -0.25 + 1.0
    # np.save picks 3.0 itself: 'α' is not latin1.
    c["struct_utf8_name"] = np.array([(1, 0.5), (-2, -1.25)],
                                     dtype=[("α", "<i4"), ("é", "<f8")])
    # 'é' is latin1: np.save keeps 1.0 and writes byte 0xE9 in the header.
    c["struct_latin1_name"] = np.array([(3, 1e-7), (-4, 1e10)],
                                       dtype=[("é", "<i4"), ("b", "<f8")])

    # Structured dtypes.
    c["struct_paper_3"] = np.array(
        [(1000, (0.5, -1.25)), (2000, (1e-7, 1e10)), (3000, (NAN, INF))],
        dtype=[("time", "<u8"), ("pos", [("x", "<f8"), ("y", "<f8")])])
    c["struct_subarray_2"] = np.array(
        [(1, [0.5, -1.25, 2.0]), (-2, [1e-7, 1e10, -INF])],
        dtype=[("id", "<i4"), ("v", "<f4", (3,))])
    # Built from np.zeros so the 7 padding bytes are 0 (np.array leaves them uninitialised).
    a = np.zeros(2, dtype=np.dtype([("a", "u1"), ("b", "<i8")], align=True))
    a["a"] = [1, 255]
    a["b"] = [-1, 2**40]
    c["struct_aligned_2"] = a
    c["struct_be_2"] = np.array([(-1, 0.5), (0x01020304, -1.25)],
                                dtype=[("a", ">i4"), ("b", ">f8")])
    c["struct_subarray2d_2"] = np.array(
        [(1, [[0.5, -1.25], [1e-7, 1e10]]), (-2, [[NAN, INF], [-0.0, 3.0]])],
        dtype=[("id", "<i2"), ("m", "<f8", (2, 2))])
    c["struct_0d"] = np.array((7, -2.5), dtype=[("a", "<i4"), ("b", "<f8")])
    c["struct_bool_bytes_3"] = np.array(
        [(True, b"hello", 1), (False, b"ab", -2), (True, b"", 3)],
        dtype=[("flag", "?"), ("s", "S5"), ("n", "<i2")])
    # A long header: 200 fields f000..f199 alternating <i4 / <f8, 2 records with values
    # record r, field k: r * 200 + k - 100 (as the field's type).
    dt200 = np.dtype([(f"f{k:03d}", "<i4" if k % 2 == 0 else "<f8") for k in range(200)])
    a = np.zeros(2, dtype=dt200)
    for k in range(200):
        a[f"f{k:03d}"] = np.arange(2) * 200 + k - 100
    c["struct_200_fields_2"] = a
    return c


VERSIONS = {"f8_v2_2x2": (2, 0), "f8_v3_2x2": (3, 0)}
EXPECT_VERSION = {"struct_utf8_name": (3, 0), "struct_latin1_name": (1, 0),
                  "struct_200_fields_2": (1, 0)}


def pad_header(text, align):
    """Header text padded with spaces and a final newline to `align` (version 1.0)."""
    pad = -(10 + len(text) + 1) % align
    return text + " " * pad + "\n"


def hand_built():
    h = pad_header("{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }", 16)
    align16 = (b"\x93NUMPY\x01\x00" + len(h).to_bytes(2, "little") + h.encode("latin1")
               + np.arange(3, dtype="<i8").tobytes())
    assert (10 + len(h)) % 16 == 0 and (10 + len(h)) % 64 != 0
    h = pad_header('{"shape": (2,), "fortran_order": False, "descr": "<f4"}', 64)
    dquote = (b"\x93NUMPY\x01\x00" + len(h).to_bytes(2, "little") + h.encode("latin1")
              + np.array([0.5, -1.25], dtype="<f4").tobytes())
    return {"align16_i8": align16, "dquote_f4": dquote}


def parse(path):
    """(version, header dict, data offset), read from the file."""
    with open(path, "rb") as f:
        version = fmt.read_magic(f)
        hlen_size = 2 if version == (1, 0) else 4
        hlen = int.from_bytes(f.read(hlen_size), "little")
        text = f.read(hlen).decode("latin1" if version != (3, 0) else "utf8")
        offset = f.tell()
        # Cross-check with NumPy's own header reader.
        f.seek(0)
        fmt.read_magic(f)
        if version == (1, 0):
            shape, fortran, dtype = fmt.read_array_header_1_0(f)
        elif version == (2, 0):
            shape, fortran, dtype = fmt.read_array_header_2_0(f)
        else:  # no public reader for 3.0
            shape, fortran, dtype = _format_impl._read_array_header(f, version)
        assert f.tell() == offset
    d = ast.literal_eval(text)
    assert (d["shape"], d["fortran_order"]) == (shape, fortran)
    assert fmt.descr_to_dtype(d["descr"]) == dtype
    return version, d, offset


def describe(path):
    version, d, offset = parse(path)
    a = np.load(path)
    lines = [
        f"version {version[0]}.{version[1]}",
        f"descr {d['descr']}",
        f"shape {d['shape']!r}",
        f"fortran_order {d['fortran_order']}",
        f"data_offset {offset}",
        "repr",
        repr(a),
    ]
    return version, d, a, "\n".join(lines) + "\n"


names = []
with warnings.catch_warnings():
    warnings.simplefilter("ignore", UserWarning)  # "Stored array in format 3.0 ..."
    for name, a in cases().items():
        path = OUT / f"{name}.npy"
        if name in VERSIONS:
            with open(path, "wb") as f:
                fmt.write_array(f, a, version=VERSIONS[name])
        else:
            np.save(path, a)
        version, d, b, text = describe(path)
        assert d["descr"] == fmt.dtype_to_descr(a.dtype), name
        assert version == VERSIONS.get(name, EXPECT_VERSION.get(name, (1, 0))), (name, version)
        assert d["fortran_order"] == (a.ndim > 1 and a.flags.f_contiguous
                                      and not a.flags.c_contiguous), name
        assert b.shape == a.shape and b.tobytes() == np.ascontiguousarray(a).tobytes(), name
        (OUT / f"{name}.txt").write_text(text, encoding="utf-8")
        names.append(name)

for name, raw in hand_built().items():
    path = OUT / f"{name}.npy"
    path.write_bytes(raw)
    version, d, b, text = describe(path)
    (OUT / f"{name}.txt").write_text(text, encoding="utf-8")
    names.append(name)

(OUT / "INDEX.txt").write_text("".join(n + "\n" for n in sorted(names)))

# npz, with zipfile's member timestamp pinned (see module docstring).
members = dict(a=np.arange(6).reshape(2, 3), b=np.linspace(0, 1, 5), c=np.array(True))
_real_time = zipfile.time
zipfile.time = types.SimpleNamespace(time=lambda: 0.0,
                                     localtime=lambda t=None: (1980, 1, 1, 0, 0, 0, 1, 1, -1))
try:
    np.savez(OUT / "plain.npz", **members)
    np.savez_compressed(OUT / "compressed.npz", **members)
finally:
    zipfile.time = _real_time

for name in ["plain.npz", "compressed.npz"]:
    lines = []
    with np.load(OUT / name) as z:
        for m in z.files:
            lines += [f"member {m}", "repr", repr(z[m]), "end"]
    (OUT / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
