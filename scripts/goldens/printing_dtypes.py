"""Goldens for printing the dtypes nd has no element type for (tests/goldens/printing_dtypes/).

float16, complex64/complex128, str (`U`), datetime64 and timedelta64 in every unit, and
x86-64's `long double` (`float128` / `complex256`: the x87 80-bit extended float in 16
bytes), in both byte orders, 0-d, empty, summarized (more than 1000 elements), and as fields
and sub-array fields of records. The Rust test loads each array with `ndio::load_any`.

For each case NAME:

- `NAME.npy`: the array (`np.save`).
- `NAME.repr.txt`, `NAME.str.txt`: `repr(a)` and `str(a)`, UTF-8, with a final newline.

`INDEX.txt` lists the case names, one per line, sorted.

`options.txt`: every case printed again under four sets of print options (`OPTION_SETS`
below, numbered from 0), as blocks `### NAME | SET`, `--- str`, `str(a)`, `--- repr`,
`repr(a)`.

`float16_scalars.txt`: one line per float16 value, `<bits as 4 hex digits> <str(a)> <X>` for
the 0-d array `a` whose `repr(a)` is `array(X, dtype=float16)`, for every finite half whose
bits are a multiple of 11 (both signs): Dragon4's shortest digits of the half itself, and
str()'s switch to scientific at 1e3.

`longdouble_scalars.txt`: the same for long doubles, `<significand as 16 hex digits><sign and
exponent as 4 hex digits> <str(a)> <X>` with `repr(a)` = `array(X, dtype=float128)`, for
edge values and 600 values from `np.random.default_rng(20240601)` (random significands,
exponents in -70..70 and -16380..16380).

The 6 padding bytes of every long double are zeroed before saving: NumPy leaves whatever
was in memory there, which would make the files differ from run to run.

Every array is built from literal lists, `np.arange` or `np.array(..).view(..)` of fixed
integers; nothing is random.
"""

import pathlib
import shutil

import numpy as np

OUT = pathlib.Path("tests/goldens/printing_dtypes")
shutil.rmtree(OUT, ignore_errors=True)
OUT.mkdir(parents=True)

NAN, INF = float("nan"), float("inf")
NAT = np.iinfo(np.int64).min
I64_MAX = np.iinfo(np.int64).max

cases = {}


def case(name, a):
    assert name not in cases, name
    cases[name] = a


def both_orders(name, a):
    """`name_le` as given (little-endian) and `name_be` in big-endian order."""
    case(f"{name}_le", a)
    case(f"{name}_be", a.astype(a.dtype.newbyteorder(">")))


# --- float16 -------------------------------------------------------------------------------
F2 = np.float16
both_orders("f2_edges", np.array([65504, 6e-8, NAN, INF, -0.0], F2))
both_orders("f2_mixed", np.array([0.1, 1 / 3, -2.5, 1e-3, 100.25, -INF], F2))
case("f2_positional", np.array([0.5, 1.5, 100.25, -2.0, 999.5], F2))
case("f2_sci_at_1000", np.array([1000, 1], F2))
# 500.5 / 0.5005 is 1000.02, but 1000 when divided as float16: positional.
case("f2_ratio_in_half", np.array([500.5, 0.5005], F2))
case("f2_ratio_over", np.array([500.5, 0.5], F2))
case("f2_subnormals", np.arange(1, 9, dtype=np.uint16).view(F2))
case("f2_nan_inf_only", np.array([NAN, -INF], F2))
case("f2_2x3", np.array([[0.1, 0.2, 0.3], [-1.0, 2.0, 65504]], F2))
case("f2_summary", np.arange(2000, dtype=F2) / F2(8))
for name, v in [("0d", 0.1), ("0d_1000", 1000), ("0d_small", 6e-8), ("0d_negzero", -0.0),
                ("0d_nan", NAN), ("0d_neginf", -INF), ("0d_65504", 65504)]:
    case(f"f2_{name}", np.array(v, F2))
case("f2_0d_be", np.array(1.5, ">f2"))
case("f2_empty", np.zeros((0,), F2))
case("f2_empty_2x0", np.zeros((2, 0), F2))

# --- complex -------------------------------------------------------------------------------
MIXED = [1 + 2j, 1e-10 - 1e10j, complex(NAN, INF), complex(-0.0, -0.0), complex(INF, NAN),
         complex(0.5, -0.25)]
both_orders("c16_mixed", np.array(MIXED, np.complex128))
both_orders("c8_mixed", np.array(MIXED, np.complex64))
case("c16_pad_imag", np.array([1 + 1j, 1 + 2.5j]))
case("c16_positional", np.array([0.5 + 0.25j, -1.5 - 3j, 100 + 0j]))
case("c16_thirds", np.array([1 / 3 + 2j / 3, -1 / 7 - 1j / 9]))
case("c8_thirds", np.array([1 / 3 + 2j / 3, -1 / 7 - 1j / 9], np.complex64))
case("c16_big_small", np.array([1e20 + 1j, 1e-20 - 1e5j]))
case("c16_nan_only", np.array([complex(NAN, NAN), complex(-INF, INF)]))
case("c16_2x2", np.array([[1 + 1j, 2 - 2j], [3.5j, -4]]))
case("c16_summary", np.arange(1001) * (1 - 0.5j))
case("c8_summary", (np.arange(1200) * (0.25 + 1j)).astype(np.complex64))
for name, v in [("0d", 1 + 2j), ("0d_imag", 2.5j), ("0d_zero", 0j),
                ("0d_negzero", complex(-0.0, -0.0)), ("0d_nan", complex(NAN, -INF)),
                ("0d_nan_imag", complex(0.0, NAN)), ("0d_big", 1e20 + 1e-10j),
                ("0d_neg_imag_only", complex(0.0, -1.5))]:
    case(f"c16_{name}", np.array(v, np.complex128))
case("c8_0d", np.array(1.5 + 0.1j, np.complex64))
case("c8_0d_big", np.array(1e7 - 1e-7j, np.complex64))
case("c16_0d_be", np.array(-1 - 1j, ">c16"))
case("c16_empty", np.zeros((0,), np.complex128))
case("c8_empty_2x0", np.zeros((2, 0), np.complex64))

# --- str -----------------------------------------------------------------------------------
STRS = ["a", "it's", 'q"', "both'\"", "back\\slash", "é中😀", "tab\tnl\nret\r", "\x00x",
        "", "\x7f\x80\xa0\xad", "\u2028\ue000\U000e0001", "\U0001f600!"]
both_orders("U_mix", np.array(STRS))
# Trailing NULs are padding and dropped; inner ones are kept.
case("U_trailing_nul", np.array([65, 0, 66, 0, 0, 0, 0, 0, 0, 0], np.uint32).view("<U5"))
case("U_wrap_non_ascii", np.array(["éééééééééé", "x" * 10] * 8))
case("U_2x2", np.array([["a", "bb"], ["", "ccc"]]))
case("U_summary", np.array([str(i) for i in range(1001)]))
case("U_0d", np.array("it's é"))
case("U_0d_empty", np.array("", "<U3"))
case("U_0d_be", np.array("ab\\c", ">U4"))
case("U_empty", np.zeros((0,), "<U3"))
case("U_empty_2x0", np.zeros((2, 0), ">U2"))

# --- datetime64 ----------------------------------------------------------------------------
both_orders("M8_D", np.array(["2011-01-01", "NaT", "1969-12-31", "-0001-01-01",
                              "10000-01-01", "1600-02-29"], "M8[D]"))
both_orders("M8_s", np.array(["2011-01-01T00:00:00", "NaT", "1969-12-31T23:59:59",
                              "1900-01-01T12:34:56"], "M8[s]"))
for unit, values in [
    ("Y", [0, -1971, 8030, 30, NAT, -1970]),
    ("M", [-1, 0, 500, NAT, -23641]),
    ("W", [0, 1, -1, NAT, 2000]),
    ("h", [0, -1, 24 * 365 * 40 + 5, NAT]),
    ("m", [0, -1, 60 * 24 * 366 + 59, NAT]),
    ("ms", [0, -1, 1234567890123, NAT]),
    ("us", [0, -1, 1234567890123456, NAT]),
    ("ns", [0, -1, 1234567890123456789, NAT]),
    ("ps", [0, -1, 1234567890123456789, NAT]),
    ("fs", [0, -1, I64_MAX, NAT + 1]),
    ("as", [0, -1, I64_MAX, NAT + 1]),
    ("2D", [0, 1, -3, NAT]),
    ("10ms", [0, 1, -3, NAT]),
]:
    case(f"M8_{unit}", np.array(values, np.int64).view(f"M8[{unit}]"))
case("M8_D_extremes", np.array([I64_MAX, NAT + 1], np.int64).view("M8[D]"))
case("M8_all_nat", np.array([NAT, NAT], np.int64).view("M8[s]"))
case("M8_summary", np.arange(1001, dtype=np.int64).view("M8[D]"))
case("M8_2x2", np.array([[0, NAT], [86400 * 365, -86400]], np.int64).view("M8[s]"))
case("M8_0d", np.array(np.datetime64("2011-01-01T00:00:00")))
case("M8_0d_nat", np.array(np.datetime64("NaT", "D")))
case("M8_0d_ns", np.array(np.datetime64(-1, "ns")))
case("M8_0d_be", np.array(np.datetime64("1900-03-01", "D")).astype(">M8[D]"))
case("M8_empty", np.zeros((0,), "M8[s]"))
case("M8_empty_2x0", np.zeros((2, 0), ">M8[D]"))

# --- timedelta64 ---------------------------------------------------------------------------
both_orders("m8_s", np.array([1, -100, NAT, 0], np.int64).view("m8[s]"))
for unit, values in [
    ("ns", [1234567890123456789, -1, NAT]),
    ("D", [0, 36500, -5]),
    ("Y", [1, NAT]),
    ("generic", [1, 2, -30]),
    ("2s", [3, -4, NAT]),
]:
    dt = "m8" if unit == "generic" else f"m8[{unit}]"
    case(f"m8_{unit}", np.array(values, np.int64).view(dt))
case("m8_all_nat", np.array([NAT], np.int64).view("m8[ms]"))
case("m8_extremes", np.array([I64_MAX, NAT + 1], np.int64).view("m8[us]"))
case("m8_summary", np.arange(-500, 501, dtype=np.int64).view("m8[h]"))
case("m8_2x2", np.array([[1, NAT], [-10, 1000]], np.int64).view("m8[m]"))
for name, v, unit in [("0d", 5, "s"), ("0d_nat", NAT, "s"), ("0d_neg", -1, "ms"),
                      ("0d_2s", 5, "2s"), ("0d_generic", 7, ""), ("0d_W", 3, "W")]:
    dt = f"m8[{unit}]" if unit else "m8"
    case(f"m8_{name}", np.array(v, np.int64).view(dt))
case("m8_0d_be", np.array(-42, ">i8").view(">m8[D]"))
case("m8_empty", np.zeros((0,), "m8[s]"))
case("m8_empty_2x0", np.zeros((2, 0), "m8"))

# --- long double (x86-64: 80-bit extended in 16 bytes) ----------------------------------------
G = np.longdouble
assert np.finfo(G).nmant == 63 and G().itemsize == 16, "these goldens describe x86-64's long double"
THIRD = G(1) / 3
both_orders("g_mixed", np.array([1.5, THIRD, -0.0, NAN, INF, G("0.1")], G))
both_orders("g_exp", np.array([1e-5, THIRD, 2 * THIRD], G))
case("g_huge_tiny", np.array([G("1e4000"), G("-1e-4000"), np.nextafter(G(0), G(1))], G))
case("g_ratio_at_1000", np.array([np.nextafter(G(1000), G(2000)), G(1)], G))
case("g_ratio_over_1000", np.array([np.nextafter(np.nextafter(G(1000), G(2000)), G(2000)),
                                    np.nextafter(G(1), G(0))], G))
case("g_ratio_f64_over", np.array([G(1000) + G(2) ** -40, G(1)], G))
# The quotient is 1000 + 8 * 2**-63 exactly, but rounds to 1000 in long double: positional.
case("g_ratio_rounds_to_1000", np.array([G(1000) + 84 * G(2) ** -54, 1 + 43 * G(2) ** -63], G))
case("g_below_1e8", np.array([np.nextafter(G(1e8), G(0)), G(1e5)], G))
case("g_tiny_nonzero", np.array([G(1), np.nextafter(G("1e-4"), G(0))], G))
case("g_1e-4_f64", np.array([G(1), G(1e-4)], G))
case("g_summary", np.arange(1001, dtype=G) / 7)
for name, v in [("0d", THIRD), ("0d_1e16", G(10) ** 16), ("0d_below_1e16", np.nextafter(G(10) ** 16, G(0))),
                ("0d_1e-4", G("1e-4")), ("0d_below_1e-4", np.nextafter(G("1e-4"), G(0))),
                ("0d_f64_1e-4", G(1e-4)), ("0d_huge", G("1e4000")), ("0d_nan", G(NAN)),
                ("0d_negzero", G(-0.0)), ("0d_max", np.finfo(G).max)]:
    case(f"g_{name}", np.array(v, G))
case("g_0d_be", np.array(-THIRD, ">f16"))
case("g_empty", np.zeros((0,), G))
both_orders("c32_mixed", np.array([1 + 1j / THIRD, complex(NAN, -INF), -0.5j, THIRD * (1 - 1j)],
                                  np.clongdouble))
case("c32_0d", np.array(1 + THIRD * 1j, np.clongdouble))
case("c32_0d_imag", np.array(THIRD * 1j, np.clongdouble))
case("c32_empty", np.zeros((2, 0), np.clongdouble))
case("rec_long_double", np.array([(THIRD, 1 + 2j, [0.5, 1e20]), (-0.0, -THIRD * 1j, [NAN, 1])],
                                 [("g", "<f16"), ("z", ">c32"), ("s", "<f16", (2,))]))
case("rec_long_double_0d", np.array((THIRD, 1 + 2j, [0.5, 1e20]),
                                    [("g", "<f16"), ("z", ">c32"), ("s", "<f16", (2,))]))

# --- records -------------------------------------------------------------------------------
REC = [("c", "<c16"), ("h", "<f2"), ("u", "<U3"), ("t", "<M8[s]"), ("d", "<m8[ms]"),
       ("f", "<c8")]
ROWS = [
    (1 + 2j, 0.5, "ab", "2011-01-01T00:00:00", 1500, 1j),
    (complex(NAN, -1), 65504, "it's", "NaT", NAT, -2.5),
    (-0.25j, -0.0, "", "1969-12-31T23:59:59", -1, complex(INF, 0)),
]
rec = np.array(ROWS, REC)
case("rec_mixed", rec)
case("rec_mixed_be", rec.astype([(n, ">" + t[1:]) for n, t in REC]))
case("rec_0d", np.array(ROWS[0], REC))
case("rec_0d_nan", np.array(ROWS[1], REC))
case("rec_0d_h_sci", np.array((1000, 1e-5), [("a", "<f2"), ("b", "<f2")]))
case("rec_one_field", np.array([(1 + 1j,), (2.5j,)], [("z", "<c16")]))
SUB = [("c", "<c8", (2,)), ("u", ">U2", (2, 2)), ("t", "<M8[D]", (3,)), ("h", ">f2", (2,)),
       ("d", "<m8[s]", (2,))]
sub = np.zeros(2, SUB)
sub["c"] = [[1 + 1j, -0.5j], [NAN, 2]]
sub["u"] = [[["a", "b'"], ["", "é"]], [["x", "y"], ["zz", "\t"]]]
sub["t"] = np.array([[0, NAT, 15000], [-1, 1, 2]], np.int64).view("M8[D]")
sub["h"] = [[0.1, 1000], [6e-8, -INF]]
sub["d"] = np.array([[NAT, 5], [-7, 0]], np.int64).view("m8[s]")
case("rec_subarrays", sub)
case("rec_subarrays_0d", sub[:1].reshape(()))
big = np.zeros(2, [("h", "<f2", (1001,)), ("t", "<M8[D]", (1001,))])
big["h"] = np.arange(1001, dtype=F2)
big["t"] = np.arange(2002, dtype=np.int64).reshape(2, 1001).view("M8[D]")
case("rec_subarray_summary", big)
many = np.zeros(1001, [("c", "<c8"), ("u", "<U4"), ("t", ">M8[ms]")])
many["c"] = np.arange(1001) * 1j
many["u"] = [str(i) for i in range(1001)]
many["t"] = np.arange(1001, dtype=np.int64).view("M8[ms]")
case("rec_summary", many)
case("rec_empty", np.zeros((0,), REC))

def long_double_offsets(dt, base=0):
    """(offset, byte order) of every long double inside an element of `dt`."""
    if dt.names is not None:
        for name in dt.names:
            fdt, off = dt.fields[name][:2]
            yield from long_double_offsets(fdt, base + off)
    elif dt.subdtype is not None:
        sub, shape = dt.subdtype
        for i in range(int(np.prod(shape))):
            yield from long_double_offsets(sub, base + i * sub.itemsize)
    elif dt.kind == "f" and dt.itemsize == 16:
        yield base, dt.byteorder
    elif dt.kind == "c" and dt.itemsize == 32:
        yield base, dt.byteorder
        yield base + 16, dt.byteorder


def clean_padding(a):
    """`a` with the padding bytes of its long doubles zeroed."""
    spots = list(long_double_offsets(a.dtype))
    if not spots or a.size == 0:
        return a
    a = np.array(a, order="C", copy=True)
    raw = a.reshape(-1).view(np.uint8).reshape(a.size, a.dtype.itemsize)
    for off, order in spots:
        pad = slice(off, off + 6) if order == ">" else slice(off + 10, off + 16)
        raw[:, pad] = 0
    return a


for name, a in sorted(cases.items()):
    a = clean_padding(a)
    np.save(OUT / f"{name}.npy", a)
    (OUT / f"{name}.repr.txt").write_text(repr(a) + "\n", encoding="utf-8")
    (OUT / f"{name}.str.txt").write_text(str(a) + "\n", encoding="utf-8")
(OUT / "INDEX.txt").write_text("".join(f"{n}\n" for n in sorted(cases)))

OPTION_SETS = [
    dict(precision=3),
    dict(sign=" ", floatmode="fixed", precision=4),
    dict(sign="+", suppress=True, floatmode="unique", linewidth=60, threshold=10, edgeitems=2),
    dict(floatmode="maxprec_equal", precision=2, sign=" "),
]
blocks = []
for name, a in sorted(cases.items()):
    for i, opts in enumerate(OPTION_SETS):
        with np.printoptions(**opts):
            blocks.append(f"### {name} | {i}\n--- str\n{a!s}\n--- repr\n{a!r}\n")
(OUT / "options.txt").write_text("".join(blocks), encoding="utf-8")

lines = []
for bits in range(0, 0x10000, 11):
    if bits & 0x7C00 == 0x7C00:
        continue
    h = np.array(bits, np.uint16).view(F2)
    inner = repr(h).removeprefix("array(").removesuffix(", dtype=float16)")
    lines.append(f"{bits:04x} {str(h)} {inner}\n")
(OUT / "float16_scalars.txt").write_text("".join(lines))

rng = np.random.default_rng(20240601)
values = [THIRD, 2 * THIRD, G("0.1"), G(1e-4), G("1e-4"), np.nextafter(G("1e-4"), G(0)),
          G(10) ** 16, np.nextafter(G(10) ** 16, G(0)), G(1000), G(65504), np.finfo(G).max,
          np.finfo(G).smallest_normal, np.nextafter(G(0), G(1)), G(-0.0), G(0), G(2) ** -25,
          G(1) / 7, G("9.999999999999999999e15"), G("123456789.123456789")]
mant = rng.integers(2**62, 2**63, size=600, dtype=np.uint64)
exps = np.concatenate([rng.integers(-70, 70, size=300), rng.integers(-16380, 16380, size=300)])
for m, e in zip(mant, exps):
    # An odd or even 64-bit significand (2**63 + m), scaled by 2**(e - 63).
    values.append(np.ldexp(G(int(m)) + G(2) ** 63, int(e) - 63))
lines = []
for v in values:
    a = clean_padding(np.array(v, G))
    raw = a.reshape(1).view(np.uint8)
    lo = int.from_bytes(bytes(raw[:8]), "little")
    hi = int.from_bytes(bytes(raw[8:10]), "little")
    inner = repr(a).removeprefix("array(").removesuffix(", dtype=float128)")
    lines.append(f"{lo:016x}{hi:04x} {str(a)} {inner}\n")
(OUT / "longdouble_scalars.txt").write_text("".join(lines))
