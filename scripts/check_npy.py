"""Checks .npy files written by ndio against NumPy (run by tests/npy_numpy_roundtrip.rs).

Usage: python check_npy.py MANIFEST

MANIFEST is UTF-8, one file per line, tab-separated:

    <path>\\t<descr>\\t<shape>\\t<fortran>\\tvalues\\t<v0 v1 ...>
    <path>\\t<descr>\\t<shape>\\t<fortran>\\tlike\\t<path of a .npy NumPy wrote>

- descr: `np.dtype(descr)` must equal the loaded dtype exactly (byte order included); for
  `like` lines it is `-` and the dtype must equal the reference file's.
- shape: comma-separated lengths (empty for 0-d); fortran: 1 or 0, the header's
  `fortran_order`.
- values: the elements in C order: integers in decimal, bools 0/1, floats as Rust's `{:?}`
  (`NaN`, `inf`, `-0.0`, `1e-7`), which Python's float() reads exactly.
- like: the values, dtype and shape are those of np.load(<path>).

For each file: np.load it; check dtype, shape, the header's fortran_order (and
f_contiguous when it says so), the values bit for bit (NaN included), and that the file's
bytes equal what np.save writes for the same array (the expected values in the file's
order). Prints one line per mismatch and exits 1 if there is any.
"""

import io
import sys
import warnings

import numpy as np

fmt = np.lib.format


def header(path):
    with open(path, "rb") as f:
        version = fmt.read_magic(f)
        if version == (1, 0):
            return version, fmt.read_array_header_1_0(f)
        if version == (2, 0):
            return version, fmt.read_array_header_2_0(f)
        from numpy.lib import _format_impl
        return version, _format_impl._read_array_header(f, version)


def expected_array(descr, shape, text):
    dt = np.dtype(descr)
    words = text.split()
    if dt.kind == "b":
        vals = [w == "1" for w in words]
    elif dt.kind in "iu":
        vals = [int(w) for w in words]
    else:
        vals = [float(w) for w in words]
    return np.array(vals, dtype=dt).reshape(shape)


def check(line):
    path, descr, shape_text, fortran_text, kind, payload = line.split("\t")
    shape = tuple(int(n) for n in shape_text.split(",") if n)
    fortran = fortran_text == "1"
    problems = []
    try:
        a = np.load(path)
        _, (h_shape, h_fortran, h_dtype) = header(path)
    except Exception as e:  # noqa: BLE001 -- any failure to load is a mismatch
        return [f"{path}: np.load failed: {type(e).__name__}: {e}"]
    if kind == "like":
        want = np.load(payload)
    else:
        want = expected_array(descr, shape, payload)
    if a.dtype != want.dtype or a.dtype.descr != want.dtype.descr:
        problems.append(f"dtype {a.dtype!r}, want {want.dtype!r}")
    if a.shape != want.shape or h_shape != want.shape:
        problems.append(f"shape {a.shape} (header {h_shape}), want {want.shape}")
    if h_fortran != fortran:
        problems.append(f"fortran_order {h_fortran}, want {fortran}")
    if fortran and not a.flags.f_contiguous:
        problems.append("fortran_order but the loaded array is not F-contiguous")
    got_bytes = a.tobytes(order="C")
    want_bytes = want.tobytes(order="C")
    if got_bytes != want_bytes:
        problems.append(f"values differ:\n      got  {a!r}\n      want {want!r}")
    # np.save of the same array, in the file's order, must be these bytes exactly.
    # (np.array, not np.ascontiguousarray, which makes a 0-d array 1-d.)
    same = np.array(want, order="F" if fortran else "C", copy=True)
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "Stored array in format 3.0 ..."
        np.save(buf, same)
    with open(path, "rb") as f:
        raw = f.read()
    if buf.getvalue() != raw:
        ours, theirs = raw, buf.getvalue()
        at = next((i for i, (x, y) in enumerate(zip(ours, theirs)) if x != y),
                  min(len(ours), len(theirs)))
        problems.append(
            f"bytes differ from np.save's at byte {at} ({len(ours)} vs {len(theirs)} bytes)"
            f"\n      nd:    {ours[:at + 40]!r}\n      numpy: {theirs[:at + 40]!r}")
    return [f"{path}: {p}" for p in problems]


def main():
    lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
    problems = []
    for line in lines:
        if line:
            problems += check(line)
    for p in problems:
        print(p)
    print(f"checked {len(lines)} files with NumPy {np.__version__}: "
          f"{len(problems)} mismatches")
    sys.exit(1 if problems else 0)


main()
