"""Malformed and hostile .npy files, and what NumPy says about them (tests/goldens/npy_malformed/).

Every file is built by hand (struct.pack) by `cases()` below. Headers are padded like NumPy
pads them (spaces, then a final '\\n', so that the data starts on a 64-byte boundary) unless
the case is about the padding or the header length.

`EXPECTED.txt`: one line per file, sorted by name,

    <file name>\\t<exception type>: <first line of the exception message>

with what `np.load(path)` (allow_pickle=False, the default) raises, or `OK` when NumPy loads
the file. Hex object addresses in messages (`0x7f...`) are replaced by `0x?` so the text is
deterministic. The `OK` cases are kept on purpose (NumPy accepts them; a reader should too,
or reject them deliberately):

- `v1_high_byte_in_name.npy`: a 1.0 header is latin1, so every byte decodes (0xFF -> 'ÿ').
- `trailing_data.npy`: bytes after the data are ignored.
- `no_padding.npy`: the header is neither padded nor newline-terminated.

Not obvious from the header checks: `shape_bool_entry.npy` (`(True, 2)`) passes NumPy's
`isinstance(x, int)` check and only fails in the final `reshape`; negative shape entries
and an int64-overflowing product (`shape_product_overflow.npy` wraps to 0 elements) are not
checked either and fail later for other reasons.

Environment notes: messages raised by Python's own parser (`ast.literal_eval`, `tokenize`:
header_call, header_unterminated_string) are those of the venv's Python (3.11).
`v2_header_len_ffffffff.npy` makes Python's file reader allocate a 4 GiB buffer before
finding the end of file; that succeeds (untouched pages) on ordinary machines, which then
report the EOF error recorded here.

Rust readers: an error is expected wherever NumPy raises; the exact type/message need not
match, it documents NumPy's reason.
"""

import pathlib
import re
import shutil
import struct
import warnings

import numpy as np

OUT = pathlib.Path("tests/goldens/npy_malformed")
shutil.rmtree(OUT, ignore_errors=True)
OUT.mkdir(parents=True)

MAGIC = b"\x93NUMPY"
F8_6 = np.arange(6, dtype="<f8").tobytes()  # data for shape (2, 3) / (6,) float64


def npy(header, data=b"", version=(1, 0), pad=True, hlen=None, encoding=None):
    """A .npy file: magic, version, header length, header (str or bytes), data.

    pad: pad the header with spaces and a final '\\n' to 64 bytes. hlen: override the
    header length field.
    """
    hsize = 2 if version == (1, 0) else 4
    if isinstance(header, str):
        header = header.encode(encoding or ("utf8" if version == (3, 0) else "latin1"))
    if pad:
        header += b" " * (-(8 + hsize + len(header) + 1) % 64) + b"\n"
        assert (8 + hsize + len(header)) % 64 == 0
    if hlen is None:
        hlen = len(header)
    return (MAGIC + bytes(version) + struct.pack("<H" if hsize == 2 else "<I", hlen)
            + header + data)


def hdr(descr="'<f8'", fortran="False", shape="(2, 3)"):
    return f"{{'descr': {descr}, 'fortran_order': {fortran}, 'shape': {shape}, }}"


GOOD = npy(hdr(), F8_6)


def cases():
    c = {}
    # Magic / version / header length.
    c["empty"] = b""
    c["five_bytes"] = MAGIC[:5]
    c["bad_magic"] = b"\x93NUMPZ" + GOOD[6:]
    c["magic_only"] = MAGIC + b"\x01\x00"
    c["version_4_0"] = GOOD[:6] + b"\x04\x00" + GOOD[8:]
    c["version_1_1"] = GOOD[:6] + b"\x01\x01" + GOOD[8:]
    c["version_0_0"] = GOOD[:6] + b"\x00\x00" + GOOD[8:]
    c["truncated_header_len"] = MAGIC + b"\x01\x00" + b"\x76"
    c["header_len_past_eof"] = npy(hdr(), b"", hlen=0x1000)
    c["header_len_zero"] = npy("", F8_6, pad=False)
    c["v2_header_len_ffffffff"] = npy(hdr(), F8_6, version=(2, 0), hlen=0xFFFFFFFF)
    c["header_too_long"] = npy(hdr() + " " * 10050, F8_6)  # > 10000 chars

    # Header text.
    c["header_not_dict"] = npy("[1, 2]", F8_6)
    c["header_missing_shape"] = npy("{'descr': '<f8', 'fortran_order': False, }", F8_6)
    c["header_extra_key"] = npy(
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), 'extra': 1, }", F8_6)
    c["header_call"] = npy(hdr(descr="__import__('os').system('true')"), F8_6)
    c["header_unterminated_string"] = npy("{'descr': '<f8", F8_6)
    c["header_trailing_junk"] = npy(hdr() + " xyz", F8_6)
    c["header_deep_nesting"] = npy(hdr(descr="[" * 1000 + "]" * 1000), F8_6)
    c["v1_high_byte_in_name"] = npy(
        hdr(descr="[('\xff', '<f8')]", shape="(6,)").encode("latin1"), F8_6)
    c["v1_high_byte_outside_string"] = npy(hdr().encode("latin1") + b"\xff", F8_6)
    c["v3_invalid_utf8"] = npy(
        hdr(descr="[('a\xff', '<f8')]", shape="(6,)").encode("latin1"), F8_6, version=(3, 0))

    # fortran_order.
    c["fortran_order_int"] = npy(hdr(fortran="1"), F8_6)
    c["fortran_order_str"] = npy(hdr(fortran="'yes'"), F8_6)

    # shape.
    c["shape_negative"] = npy(hdr(shape="(-2, 3)"), F8_6)
    c["shape_negative_pair"] = npy(hdr(shape="(-2, -3)"), F8_6)
    c["shape_list"] = npy(hdr(shape="[2, 3]"), F8_6)
    c["shape_float"] = npy(hdr(shape="(2.0, 3)"), F8_6)
    c["shape_bool_entry"] = npy(hdr(shape="(True, 2)"), F8_6[:16])
    c["shape_not_tuple_int"] = npy(hdr(shape="6"), F8_6)
    c["shape_product_overflow"] = npy(hdr(shape=f"({2**40}, {2**40})"), F8_6)
    c["shape_entry_over_int64"] = npy(hdr(shape=f"({2**64},)"), F8_6)
    # Shape far larger than the file (only 6 values present). NumPy allocates the whole
    # array before reading: 2**59 float64 (4 EiB) fails to allocate on every machine, 10**6
    # (8 MB) always allocates; 10**12 (7.28 TiB) is left out because whether its allocation
    # fails depends on the kernel's overcommit setting.
    c["shape_huge_data_small"] = npy(hdr(shape=f"({2**59},)"), F8_6)
    c["shape_large_data_small"] = npy(hdr(shape=f"({10**6},)"), F8_6)
    c["shape_nbytes_overflow"] = npy(hdr(shape=f"({2**61},)"), F8_6)  # 2**64 bytes

    # data.
    c["data_truncated_1"] = npy(hdr(), F8_6[:-1])
    c["data_missing"] = npy(hdr(), b"")
    c["trailing_data"] = npy(hdr(), F8_6 + b"\x00" * 8)
    c["no_padding"] = npy(hdr(), F8_6, pad=False)

    # descr.
    c["descr_f9"] = npy(hdr(descr="'<f9'"), F8_6)
    c["descr_xyz"] = npy(hdr(descr="'xyz'"), F8_6)
    c["descr_int"] = npy(hdr(descr="5"), F8_6)
    c["descr_object"] = npy(hdr(descr="'|O'", shape="(1,)"), b"\x80\x04N.")
    c["descr_object_field"] = npy(hdr(descr="[('a', '<i4'), ('o', '|O')]", shape="(1,)"),
                                  b"\x00" * 16)
    c["struct_negative_subarray"] = npy(hdr(descr="[('a', '<f8', (-1,))]", shape="(6,)"), F8_6)
    c["struct_huge_subarray"] = npy(
        hdr(descr=f"[('a', '<f8', ({2**40}, {2**40}))]", shape="(1,)"), F8_6)
    c["struct_duplicate_names"] = npy(
        hdr(descr="[('a', '<i4'), ('a', '<f8')]", shape="(1,)"), F8_6[:12])
    c["struct_field_bad_type"] = npy(hdr(descr="[('a', '<q9')]", shape="(1,)"), F8_6[:8])
    c["struct_field_not_tuple"] = npy(hdr(descr="['a']", shape="(1,)"), F8_6[:8])
    return c


def outcome(path):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            a = np.load(path)
        del a
        return "OK"
    except Exception as e:  # noqa: BLE001 -- recording whatever NumPy raises
        lines = str(e).splitlines()
        first = re.sub(r"0x[0-9a-fA-F]{6,}", "0x?", lines[0] if lines else "")
        return f"{type(e).__name__}: {first}"


ACCEPTED = {"v1_high_byte_in_name", "trailing_data", "no_padding"}

results = []
for name, raw in cases().items():
    path = OUT / f"{name}.npy"
    path.write_bytes(raw)
    res = outcome(path)
    if res == "OK" and name not in ACCEPTED:
        raise SystemExit(f"{name}: NumPy loads it; drop the case or mark it accepted")
    if res != "OK" and name in ACCEPTED:
        raise SystemExit(f"{name}: expected NumPy to accept it, got {res}")
    results.append(f"{path.name}\t{res}")

(OUT / "EXPECTED.txt").write_text("".join(r + "\n" for r in sorted(results)), encoding="utf-8")
