"""Goldens for printing: NumPy's str() and repr() of arrays, and its float formatting.

Writes tests/goldens/printing/:

- basic.txt, floats.txt, summarized.txt, views.txt, options.txt, records.txt: one entry per
  array. An entry is a recipe line the Rust test (tests/printing_goldens.rs) rebuilds the
  array from, then str(a) and repr(a):

      ### <name> | <dtype> | <shape> | <generator> | <view ops> | <print options>
      --- str
      <str(a)>
      --- repr
      <repr(a)>

- format_float.txt: np.format_float_positional / np.format_float_scientific of single
  values, one per line (tab separated: function, dtype, bits in hex, style, result).

Generators (n = prod(shape) values, C order, then reshaped):
  arange:S:D        S + i*D (Python floats for float dtypes, ints otherwise)
  linspace:A:B      A + i*((B - A)/(n - 1))
  list:v1,v2,...    the values cycled (float() / int() of each text)
  pow10:E0:E1:M     float('1e%d' % k), k = E0 + i % (E1 - E0 + 1); M = alt flips odd i's sign
  lcg:SEED:LO:HI    x <- x*6364136223846793005 + 1442695040888963407 mod 2**64, starting
                    from SEED; floats LO + (HI - LO)*((x >> 11) * 2**-53),
                    ints LO + (x >> 33) % (HI - LO)
  bits:SEED         the same LCG's raw bits reinterpreted (floats: exponent of inf/nan
                    patterns has its top bit cleared so every value is finite)
Float values are made as float64 then cast (float32 rounds to nearest); integer values wrap
modulo 2**bits; bool is `value != 0` of the integer generator.

View ops, applied in order: T (transpose), s[<index>] (basic indexing, e.g. s[::-1,1:3]),
b[<shape>] (np.broadcast_to), p[<axes>] (transpose with axes, e.g. p[2.0.1]).
Print options: - (defaults) or key=value pairs joined by ',' (p precision, t threshold,
e edgeitems, w linewidth, s suppress 0/1, sign -/+/space as 'sp', fm floatmode).

Deterministic: no randomness beyond the LCG above, no timestamps.
"""

import pathlib
import shutil
import struct

import numpy as np

OUT = pathlib.Path("tests/goldens/printing")
shutil.rmtree(OUT, ignore_errors=True)
OUT.mkdir(parents=True)

MASK64 = (1 << 64) - 1
LCG_A = 6364136223846793005
LCG_C = 1442695040888963407

INTS = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]
FLOATS = ["float32", "float64"]
DTYPES = ["bool"] + INTS + FLOATS


def lcg(seed, n):
    x = seed & MASK64
    out = []
    for _ in range(n):
        x = (x * LCG_A + LCG_C) & MASK64
        out.append(x)
    return out


def parse_shape(text):
    if text == "()":
        return ()
    return tuple(int(p) for p in text.split("x"))


def shape_text(shape):
    return "()" if shape == () else "x".join(str(n) for n in shape)


def values(dtype, n, gen):
    kind, *p = gen.split(":")
    is_float = dtype in FLOATS
    if kind == "arange":
        if is_float:
            s, d = float(p[0]), float(p[1])
            return [s + i * d for i in range(n)]
        s, d = int(p[0]), int(p[1])
        return [s + i * d for i in range(n)]
    if kind == "linspace":
        a, b = float(p[0]), float(p[1])
        d = (b - a) / (n - 1) if n > 1 else 0.0
        return [a + i * d for i in range(n)]
    if kind == "list":
        items = p[0].split(",")
        conv = float if is_float else int
        return [conv(items[i % len(items)]) for i in range(n)]
    if kind == "pow10":
        e0, e1, mode = int(p[0]), int(p[1]), p[2]
        out = []
        for i in range(n):
            k = e0 + i % (e1 - e0 + 1)
            v = float("1e%d" % k) if is_float else 10**k
            out.append(-v if mode == "alt" and i % 2 else v)
        return out
    if kind == "lcg":
        xs = lcg(int(p[0]), n)
        if is_float:
            lo, hi = float(p[1]), float(p[2])
            return [lo + (hi - lo) * ((x >> 11) * 2.0**-53) for x in xs]
        lo, hi = int(p[1]), int(p[2])
        return [lo + (x >> 33) % (hi - lo) for x in xs]
    if kind == "bits":
        return lcg(int(p[0]), n)
    raise ValueError(gen)


def make(dtype, shape, gen):
    n = int(np.prod(shape, dtype=np.int64)) if shape != () else 1
    vals = values(dtype, n, gen)
    if gen.startswith("bits:"):
        if dtype == "float32":
            bits = []
            for x in vals:
                b = x >> 32
                if (b >> 23) & 0xFF == 0xFF:
                    b ^= 1 << 30
                bits.append(b)
            arr = np.array(bits, dtype=np.uint32).view(np.float32)
        elif dtype == "float64":
            bits = []
            for x in vals:
                if (x >> 52) & 0x7FF == 0x7FF:
                    x ^= 1 << 62
                bits.append(x)
            arr = np.array(bits, dtype=np.uint64).view(np.float64)
        else:
            width = np.dtype(dtype).itemsize * 8
            arr = np.array([x & ((1 << width) - 1) for x in vals], dtype="u%d" % (width // 8))
            arr = arr.view(dtype)
    elif dtype in FLOATS:
        with np.errstate(over="ignore"):  # 1e300 as float32 is inf, as in Rust's `as`
            arr = np.array(vals, dtype=np.float64).astype(dtype)
    elif dtype == "bool":
        arr = np.array([v != 0 for v in vals], dtype=bool)
    else:
        width = np.dtype(dtype).itemsize * 8
        arr = np.array([v & ((1 << width) - 1) for v in vals], dtype="u%d" % (width // 8))
        arr = arr.view(dtype)
    return arr.reshape(shape)


def index_item(text):
    if ":" not in text:
        return int(text)
    parts = [int(t) if t else None for t in text.split(":")]
    return slice(*parts)


def apply_view(a, ops):
    for op in ops.split():
        if op == "-":
            continue
        if op == "T":
            a = a.T
        elif op.startswith("s["):
            # The trailing Ellipsis keeps a full index a 0-d array (a view), not a scalar.
            a = a[tuple(index_item(t) for t in op[2:-1].split(",")) + (Ellipsis,)]
        elif op.startswith("b["):
            a = np.broadcast_to(a, parse_shape(op[2:-1]))
        elif op.startswith("p["):
            a = a.transpose([int(t) for t in op[2:-1].split(".")])
        else:
            raise ValueError(op)
    return a


OPTION_KEYS = {
    "p": ("precision", int),
    "t": ("threshold", int),
    "e": ("edgeitems", int),
    "w": ("linewidth", int),
    "s": ("suppress", lambda v: v == "1"),
    "sign": ("sign", lambda v: " " if v == "sp" else v),
    "fm": ("floatmode", str),
}


def print_options(text):
    if text == "-":
        return {}
    out = {}
    for pair in text.split(","):
        k, v = pair.split("=")
        name, conv = OPTION_KEYS[k]
        out[name] = conv(v)
    return out


class Corpus:
    def __init__(self, filename):
        self.filename = filename
        self.entries = []
        self.names = set()

    def add(self, name, a, recipe, opts="-"):
        assert name not in self.names, name
        self.names.add(name)
        with np.printoptions(**print_options(opts)):
            s, r = str(a), repr(a)
        self.entries.append(f"### {name} | {recipe} | {opts}\n--- str\n{s}\n--- repr\n{r}\n")

    def array(self, name, dtype, shape, gen, view="-", opts="-"):
        a = apply_view(make(dtype, parse_shape(shape), gen), view)
        self.add(name, a, f"{dtype} | {shape} | {gen} | {view}", opts)

    def write(self):
        (OUT / self.filename).write_text("".join(self.entries))
        return len(self.entries)


def int_range(dtype):
    info = np.iinfo(dtype)
    return int(info.min), int(info.max)


def basic():
    c = Corpus("basic.txt")
    for dt in DTYPES:
        fl = dt in FLOATS
        step = "0.5" if fl else "1"
        c.array(f"{dt}_0d", dt, "()", "list:5")
        c.array(f"{dt}_0d_neg", dt, "()", "list:-3")
        c.array(f"{dt}_1d_5", dt, "5", f"arange:0:{step}")
        c.array(f"{dt}_1d_neg", dt, "7", f"arange:-3:{step}")
        c.array(f"{dt}_2d", dt, "3x4", f"arange:0:{step}")
        c.array(f"{dt}_2d_neg", dt, "3x4", f"arange:-6:{step}")
        c.array(f"{dt}_3d", dt, "2x3x4", f"arange:0:{step}")
        c.array(f"{dt}_4d", dt, "2x2x2x3", f"arange:-12:{step}")
        c.array(f"{dt}_4d_ones", dt, "1x1x1x1", "list:7")
        c.array(f"{dt}_empty", dt, "0", "list:0")
        c.array(f"{dt}_empty_0x3", dt, "0x3", "list:0")
        c.array(f"{dt}_empty_2x0", dt, "2x0", "list:0")
        c.array(f"{dt}_empty_2x0x3", dt, "2x0x3", "list:0")
        c.array(f"{dt}_wrap_1x40", dt, "1x40", "lcg:7:-1000:1000" if not fl else "lcg:7:-1000:1000")
        c.array(f"{dt}_lcg_6x7", dt, "6x7", "lcg:11:-50:50")
        if dt in INTS:
            lo, hi = int_range(dt)
            c.array(f"{dt}_extremes", dt, "4", f"list:{lo},{hi},0,-1")
            c.array(f"{dt}_bits", dt, "5x6", "bits:3")
            c.array(f"{dt}_0d_max", dt, "()", f"list:{hi}")
            c.array(f"{dt}_0d_min", dt, "()", f"list:{lo}")
    c.array("bool_0d_false", "bool", "()", "list:0")
    c.array("bool_all_false", "bool", "2x3", "list:0")
    c.array("bool_lcg_wrap", "bool", "50", "lcg:5:0:2")
    c.array("int64_one_row", "int64", "1x9", "arange:0:1")
    c.array("int64_column", "int64", "5x1", "arange:0:1")
    c.array("int64_ones_axes", "int64", "1x3x1x2", "arange:0:1")
    c.array("int64_long_wrap", "int64", "100", "arange:0:1")
    c.array("int64_wide_values", "int64", "3x5", "pow10:0:14:alt")
    c.array("int64_5d", "int64", "2x2x1x2x3", "arange:-10:1")
    c.array("float64_6d", "float64", "1x2x1x2x1x2", "linspace:-1:1")
    c.array("int16_5d_summarized", "int16", "3x3x3x3x50", "arange:0:1")
    return c.write()


def floats():
    c = Corpus("floats.txt")
    for dt in FLOATS:
        f = lambda name: f"{dt}_{name}"  # noqa: E731
        c.array(f("linspace7"), dt, "7", "linspace:0:1")
        c.array(f("linspace10"), dt, "10", "linspace:0:1")
        c.array(f("half_steps"), dt, "2", "list:0,0.5")
        c.array(f("thirds"), dt, "3x3", "arange:0:0.3333333333333333")
        c.array(f("tiny_linspace"), dt, "5", "linspace:0:1e-05")
        c.array(f("large_linspace"), dt, "5", "linspace:10000000:1000000000")
        c.array(f("mixed_signs"), dt, "2x4", "list:-1.5,2.25,-0.001,1000,0,-0.0,3.125,-7")
        c.array(f("nan_inf"), dt, "6", "list:nan,inf,-inf,1.5,-2.0,0")
        c.array(f("only_nan"), dt, "3", "list:nan")
        c.array(f("nan_and_neg_inf"), dt, "2", "list:nan,-inf")
        c.array(f("only_inf"), dt, "2", "list:inf,inf")
        c.array(f("neg_zero"), dt, "3", "list:-0.0,0.0,-0.0")
        c.array(f("neg_zero_0d"), dt, "()", "list:-0.0")
        c.array(f("pow10_pos"), dt, "21", "pow10:-10:10:pos")
        c.array(f("pow10_alt"), dt, "4x5", "pow10:-6:13:alt")
        c.array(f("pow10_small"), dt, "5", "pow10:-4:0:pos")
        c.array(f("pow10_just_below"), dt, "3", "list:0.0001,0.00009999,1")
        c.array(f("ratio_1000"), dt, "4", "list:1,2,3,1000")
        c.array(f("ratio_over_1000"), dt, "4", "list:1,2,3,1000.1")
        c.array(f("cutoff_1e6"), dt, "2", "list:999999,1")
        c.array(f("cutoff_1e6_hit"), dt, "2", "list:1000000,1")
        c.array(f("cutoff_1e8"), dt, "2", "list:99999999,1")
        c.array(f("cutoff_1e8_hit"), dt, "2", "list:100000000,1")
        c.array(f("lcg_unit"), dt, "4x6", "lcg:1:0:1")
        c.array(f("lcg_signed"), dt, "30", "lcg:2:-100:100")
        c.array(f("lcg_tiny"), dt, "8", "lcg:3:-1e-07:1e-07")
        c.array(f("lcg_huge"), dt, "8", "lcg:4:-1e30:1e30")
        c.array(f("lcg_wide_3d"), dt, "2x3x5", "lcg:5:-1000000:1000000")
        c.array(f("bits"), dt, "4x5", "bits:9")
        c.array(f("bits_more"), dt, "40", "bits:10")
        c.array(f("rounding"), dt, "6", "list:0.123456785,0.999999999,9.9999999999,1.000000005,2.5e-9,0.5")
        c.array(f("round_to_zero"), dt, "3", "list:1e-09,1,2")
        c.array(f("ties"), dt, "4", "list:2.9802322387695312e-08,1826679.25,0.125,0.375")
        c.array(f("int_valued"), dt, "5", "list:1,10,100,1000,10000")
        c.array(f("exp_3digit"), dt, "3", "list:1e-100,1e100,1")
        for k, v in enumerate(["0.0", "1.0", "0.1", "1e-05", "0.0001", "9.999e-05", "1e15",
                               "1e16", "999999.9", "1000000", "123456789.125", "1e300",
                               "5e-324", "-2.5", "inf", "-inf", "nan", "3.4e38", "1e-45",
                               "0.3", "100", "2.9802322387695312e-08"]):
            c.array(f(f"scalar_{k}"), dt, "()", f"list:{v}")
    c.array("float64_subnormal", "float64", "3", "list:5e-324,1e-310,2.2250738585072014e-308")
    c.array("float64_max", "float64", "2", "list:1.7976931348623157e308,-1.7976931348623157e308")
    c.array("float32_max", "float32", "2", "list:3.4028234663852886e38,1.401298464324817e-45")
    c.array("float64_huge_exp_sign", "float64", "3", "list:1e-300,-1e300,1")
    return c.write()


def summarized():
    c = Corpus("summarized.txt")
    c.array("int64_1001", "int64", "1001", "arange:0:1")
    c.array("int64_1000_not", "int64", "1000", "arange:0:1")
    c.array("float64_1001", "float64", "1001", "linspace:0:1")
    c.array("float32_1001", "float32", "1001", "lcg:1:-1:1")
    c.array("bool_1001", "bool", "1001", "lcg:2:0:2")
    c.array("uint8_2000", "uint8", "2000", "arange:0:1")
    c.array("int64_2000x3", "int64", "2000x3", "arange:0:1")
    c.array("float64_2000x3", "float64", "2000x3", "lcg:3:-5:5")
    c.array("int64_3x2000", "int64", "3x2000", "arange:0:1")
    c.array("int16_10x200x3", "int16", "10x200x3", "arange:0:1")
    c.array("float64_10x200x3", "float64", "10x200x3", "lcg:4:0:1000")
    c.array("int32_2x3x200x2", "int32", "2x3x200x2", "arange:-600:1")
    c.array("float64_1001_sci", "float64", "1001", "pow10:-20:20:alt")
    c.array("float64_1001_nan", "float64", "1001", "list:1.5,nan,-inf,2.25")
    c.array("float64_100x100", "float64", "100x100", "lcg:5:-1:1")
    c.array("int64_100x100_big", "int64", "100x100", "lcg:6:-1000000000:1000000000")
    c.array("int64_1x1001", "int64", "1x1001", "arange:0:1")
    c.array("int64_1001x1", "int64", "1001x1", "arange:0:1")
    c.array("int64_7x7x7x7", "int64", "7x7x7x7", "arange:0:1")
    c.array("uint64_4x300", "uint64", "4x300", "bits:7")
    c.array("float32_50x50", "float32", "50x50", "bits:8")
    c.array("int64_1001_T", "int64", "1001x2", "arange:0:1", "T")
    c.array("float64_edge_small", "float64", "1001", "list:0.5,1e-10,3")
    c.array("int64_middle_hidden", "int64", "1001", "list:1,1,1,1,99999")
    return c.write()


def views():
    c = Corpus("views.txt")
    for dt in ["int64", "float64", "bool", "uint8", "float32", "int16"]:
        c.array(f"{dt}_T", dt, "3x4", "arange:-5:1", "T")
        c.array(f"{dt}_rev", dt, "7", "arange:-3:1", "s[::-1]")
        c.array(f"{dt}_rev_rows", dt, "3x4", "arange:0:1", "s[::-1,:]")
        c.array(f"{dt}_rev_both", dt, "3x4", "arange:0:1", "s[::-1,::-2]")
        c.array(f"{dt}_step", dt, "4x6", "arange:0:1", "s[::2,1::3]")
        c.array(f"{dt}_bcast_row", dt, "4", "arange:1:1", "b[3x4]")
        c.array(f"{dt}_bcast_0d", dt, "()", "list:9", "b[2x3]")
        c.array(f"{dt}_perm", dt, "2x3x4", "arange:0:1", "p[2.0.1]")
        c.array(f"{dt}_index", dt, "3x4x2", "arange:0:1", "s[1,:,::-1]")
    c.array("paper_y", "int64", "3x3", "arange:0:1", "s[::2,::2]")
    c.array("paper_xT", "int64", "3x3", "arange:0:1", "T")
    c.array("float64_T_3d", "float64", "2x3x4", "linspace:0:1", "T")
    c.array("int64_T_of_slice", "int64", "4x5", "arange:0:1", "s[1:3,::2] T")
    c.array("float64_bcast_col", "float64", "3x1", "list:0.5,-1,1e-5", "b[3x4]")
    c.array("int64_bcast_big", "int64", "2", "list:1,2", "b[1000x2]")
    c.array("int64_bcast_summarized", "int64", "3", "list:7,-8,9", "b[500x3]")
    c.array("float64_bcast_summarized_3d", "float64", "4", "linspace:-1:1", "b[300x2x4]")
    # 10^12 elements through stride 0: printing must only touch the corners.
    c.array("float64_bcast_1e12", "float64", "1", "list:2.5", "b[1000000x1000000]")
    c.array("int8_bcast_1e12_3d", "int8", "2x1x1", "list:-7,100", "b[2x1000000x1000000]")
    c.array("int64_empty_slice", "int64", "5", "arange:0:1", "s[3:1]")
    c.array("int64_empty_slice_2d", "int64", "3x4", "arange:0:1", "s[:,2:2]")
    c.array("int64_0d_index", "int64", "3x4", "arange:0:1", "s[1,2]")
    c.array("float64_0d_index", "float64", "4", "linspace:0:1", "s[1]")
    c.array("int64_summarized_T", "int64", "3x2000", "arange:0:1", "T")
    c.array("int64_summarized_rev", "int64", "2000", "arange:0:1", "s[::-1]")
    c.array("float32_step_summarized", "float32", "3000", "linspace:0:1", "s[::2]")
    c.array("int64_perm_4d", "int64", "2x3x4x5", "arange:0:1", "p[3.1.0.2]")
    c.array("uint16_rev_4d", "uint16", "2x2x3x4", "arange:0:1", "s[::-1,:,::-1,1:]")
    return c.write()


def options():
    c = Corpus("options.txt")
    cases = [
        ("p3", "p=3"), ("p0", "p=0"), ("p1", "p=1"), ("t10", "t=10"), ("e2", "e=2"),
        ("w40", "w=40"), ("sup", "s=1"), ("plus", "sign=+"), ("space", "sign=sp"),
        ("fixed", "fm=fixed"), ("unique", "fm=unique"), ("maxeq", "fm=maxprec_equal"),
        ("combo", "p=3,t=10,e=2,w=40,s=1"), ("combo_fixed", "p=2,fm=fixed,sign=+,w=30"),
        ("e0", "t=5,e=0"), ("t0", "t=0"), ("e1_w20", "t=10,e=1,w=20"),
    ]
    arrays = [
        ("f64_lin", "float64", "7", "linspace:0:1", "-"),
        ("f64_mixed", "float64", "2x4", "list:-1.5,2.25,-0.001,1000,0,-0.0,3.125,-7", "-"),
        ("f64_small", "float64", "5", "list:1e-06,4e-07,2,3,-1e-10", "-"),
        ("f64_nan", "float64", "4", "list:nan,1.5,-inf,0.25", "-"),
        ("f32_lcg", "float32", "3x5", "lcg:3:-10:10", "-"),
        ("i64_neg", "int64", "4x5", "arange:-7:3", "-"),
        ("u8_row", "uint8", "30", "arange:0:7", "-"),
        ("bool_3d", "bool", "3x2x4", "lcg:4:0:2", "-"),
        ("i32_big", "int32", "3x4x5", "arange:0:1", "-"),
        ("f64_sci", "float64", "6", "pow10:-8:8:alt", "-"),
        ("f64_0d", "float64", "()", "list:0.123456789", "-"),
        ("i64_0d", "int64", "()", "list:42", "-"),
        ("f64_T", "float64", "3x5", "lcg:5:-1:1", "T"),
    ]
    for oname, opts in cases:
        for aname, dt, shape, gen, view in arrays:
            if oname in ("p0", "p1", "unique", "maxeq", "fixed") and not dt.startswith("f"):
                continue
            c.array(f"{oname}_{aname}", dt, shape, gen, view, opts)
    c.array("t10_summ_3d", "int64", "4x5x6", "arange:0:1", "-", "t=10")
    c.array("e2_summ_2000", "float64", "2000", "linspace:0:1", "-", "e=2")
    c.array("w200_long", "int64", "60", "arange:0:1", "-", "w=200")
    c.array("w10_narrow", "float64", "2x3x4", "lcg:9:-1:1", "-", "w=10")
    return c.write()


def records():
    # Record recipes: the generator column lists one generator per field, joined by '&'.
    # The Rust test knows each record kind's struct; the dtypes here must match it.
    c = Corpus("records.txt")
    kinds = {
        "paper": np.dtype([("time", "<u8"), ("pos", [("x", "<f8"), ("y", "<f8")])]),
        "mixed": np.dtype([("a", "?"), ("b", "<i4", (3,)), ("c", "<f4", (2,))], align=True),
        "single": np.dtype([("v", "<i2")]),
        "big": np.dtype([("a", ">i4"), ("b", "<f4")]),
        "grid": np.dtype([("m", "<f8", (2, 3)), ("k", "u1")], align=True),
        # Not records, but elements whose dtype is not a plain number: a fixed-size block
        # (NumPy makes its axes the array's), raw bytes, and a byte string.
        "vec3": np.dtype(("<f8", (3,))),
        "raw3": np.dtype("V3"),
        "s4": np.dtype("S4"),
    }
    field_dtypes = {
        "paper": ["uint64", "float64", "float64"],
        "mixed": ["bool", "int32", "float32"],
        "single": ["int16"],
        "big": ["int32", "float32"],
        "grid": ["float64", "uint8"],
        "vec3": ["float64"],
        "raw3": ["uint8"],
        "s4": ["uint8"],
    }
    field_counts = {"paper": [1, 1, 1], "mixed": [1, 3, 2], "single": [1], "big": [1, 1],
                    "grid": [6, 1], "vec3": [3], "raw3": [3], "s4": [4]}

    def rec(name, kind, shape, gens, view="-", opts="-"):
        sh = parse_shape(shape)
        n = int(np.prod(sh, dtype=np.int64)) if sh != () else 1
        a = np.zeros(n, dtype=kinds[kind])
        cols = []
        for fdt, cnt, gen in zip(field_dtypes[kind], field_counts[kind], gens.split("&")):
            cols.append(make(fdt, (n * cnt,), gen).reshape((n, cnt) if cnt > 1 else (n,)))
        if kind == "paper":
            a["time"], a["pos"]["x"], a["pos"]["y"] = cols
        elif kind == "grid":
            a["m"] = cols[0].reshape(n, 2, 3)
            a["k"] = cols[1]
        elif kind == "vec3":
            a[...] = cols[0]
            sh = sh + (3,)
        elif kind in ("raw3", "s4"):
            a.view(np.uint8).reshape(cols[0].shape)[...] = cols[0]
        else:
            for fname, col in zip(kinds[kind].names, cols):
                a[fname] = col
        a = apply_view(a.reshape(sh), view)
        c.add(name, a, f"{kind} | {shape} | {gens} | {view}", opts)

    rec("paper_two", "paper", "2", "arange:1:1&list:0,0.001&list:0.5,2")
    rec("paper_0d", "paper", "()", "list:1&list:0&list:0.5")
    rec("paper_2x3", "paper", "2x3", "arange:0:1000&linspace:-1:1&pow10:-2:3:alt")
    rec("paper_T", "paper", "2x3", "arange:0:1&lcg:1:-5:5&lcg:2:0:1", "T")
    rec("paper_rev", "paper", "5", "arange:0:1&list:nan,1,inf&list:-0.0,2", "s[::-1]")
    rec("paper_summarized", "paper", "1200", "arange:0:1&linspace:0:1&lcg:3:-1:1")
    rec("paper_empty", "paper", "0", "list:0&list:0&list:0")
    rec("paper_bcast", "paper", "2", "arange:7:1&list:1.5,2&list:3,4", "b[3x2]")
    rec("paper_wrap", "paper", "9", "arange:1000000:1&lcg:4:-100:100&lcg:5:-100:100")
    rec("mixed_two", "mixed", "2", "list:0,1&list:1,20,3,4,5,6&list:0.5,1e-07,1,2")
    rec("mixed_0d", "mixed", "()", "list:1&list:1,20,3&list:0.5,1e-07")
    rec("mixed_3x2", "mixed", "3x2", "lcg:1:0:2&arange:-9:1&linspace:0:1")
    rec("mixed_opts", "mixed", "4", "list:1&arange:0:1&lcg:6:-1:1", "-", "p=3,sign=+")
    rec("mixed_sub_summarized", "mixed", "3", "list:0&arange:0:1&arange:0:0.25", "-", "t=2,e=1")
    rec("single_four", "single", "4", "arange:-2:1")
    rec("single_0d", "single", "()", "list:-5")
    rec("big_three", "big", "3", "list:1,-70000,305419896&list:0.5,-2,1e10")
    rec("big_0d", "big", "()", "list:258&list:1.25")
    rec("grid_two", "grid", "2", "linspace:0:1&list:1,255")
    rec("grid_0d", "grid", "()", "arange:0:0.5&list:7")
    rec("grid_sub_summarized", "grid", "2", "arange:0:1&list:3", "-", "t=4,e=1")
    rec("vec3_four", "vec3", "4", "linspace:0:1")
    rec("vec3_summarized", "vec3", "400", "arange:0:0.5")
    rec("vec3_0d", "vec3", "()", "list:1,-2.5,1e-09")
    rec("raw3_three", "raw3", "3", "list:0,1,2,65,39,92,10,9,255")
    rec("raw3_0d", "raw3", "()", "list:13,34,39")
    rec("s4_three", "s4", "3", "list:104,105,0,0,0,0,0,0,39,34,120,0")
    rec("s4_0d", "s4", "()", "list:97,98,99,100")
    return c.write()


# np.format_float_positional / np.format_float_scientific of single values.
def float_values():
    vals = []
    specials64 = [0.0, -0.0, 1.0, 0.1, 0.3, -2.5, 0.5, 1.5, 0.125, 0.375, 0.96, 9.96, 9.995,
                  123.456, 0.004, 0.005, 0.006, 1e16, 1e15, 1e-4, 9.999e-5, 1e23, 1e22,
                  5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 2.0**-25,
                  2.0**-26, 18014398509481992.0, 9007199254740993.0, 0.1 + 0.2,
                  123456789.0, 1.0 / 3.0, 2.0 / 3.0, 1e-7, 4.35, 2.675]
    for v in specials64:
        vals.append(("f8", struct.unpack("<Q", struct.pack("<d", v))[0]))
    specials32 = [0.1, 0.3, 1826679.25, 16777216.0, 1e-45, 3.4028234663852886e38, 999999.94,
                  1e6, 1e-4, 0.5, 2.5, 123.456, 1.0 / 3.0]
    for v in specials32:
        vals.append(("f4", int(np.array([v], np.float32).view(np.uint32)[0])))
    for k, x in enumerate(lcg(101, 36)):
        scale = 10.0 ** (k % 24 - 12)
        v = ((x >> 11) * 2.0**-53 - 0.5) * scale
        vals.append(("f8", struct.unpack("<Q", struct.pack("<d", v))[0]))
        vals.append(("f4", int(np.array([v], np.float32).view(np.uint32)[0])))
    for x in lcg(202, 24):
        b = x if (x >> 52) & 0x7FF != 0x7FF else x ^ (1 << 62)
        vals.append(("f8", b))
        b32 = x >> 32
        if (b32 >> 23) & 0xFF == 0xFF:
            b32 ^= 1 << 30
        vals.append(("f4", b32))
    for bits in [0x7FF8000000000000, 0x7FF0000000000000, 0xFFF0000000000000]:
        vals.append(("f8", bits))
    return vals


STYLES = [
    {},
    {"precision": 3},
    {"precision": 3, "unique": False},
    {"precision": 0, "unique": False},
    {"precision": 8, "trim": "."},
    {"trim": "-"},
    {"trim": "0"},
    {"precision": 2, "trim": "-", "unique": False},
    {"sign": True, "pad_left": 4},
    {"min_digits": 5},
    {"min_digits": 12, "trim": "."},
    {"precision": 10, "min_digits": 6, "trim": "k"},
]
POS_ONLY = [{"pad_right": 6}, {"pad_left": 3, "pad_right": 2, "trim": "-"}]
SCI_ONLY = [{"exp_digits": 3}, {"exp_digits": 1, "precision": 1}]


def style_text(style):
    if not style:
        return "-"
    parts = []
    for k, v in style.items():
        if isinstance(v, bool):
            v = int(v)
        parts.append(f"{k}={v}")
    return ",".join(parts)


def format_float():
    lines = []
    for code, bits in float_values():
        if code == "f8":
            x = np.array([bits], np.uint64).view(np.float64)[0]
            hexbits = "%016x" % bits
        else:
            x = np.array([bits], np.uint32).view(np.float32)[0]
            hexbits = "%08x" % bits
        moderate = not np.isfinite(x) or x == 0 or 1e-30 < abs(float(x)) < 1e30
        for fn, extra in (("pos", POS_ONLY), ("sci", SCI_ONLY)):
            if fn == "pos" and not moderate:
                continue
            func = np.format_float_positional if fn == "pos" else np.format_float_scientific
            for style in STYLES + extra:
                out = func(x, **style)
                lines.append(f"{fn}\t{code}\t{hexbits}\t{style_text(style)}\t{out}\n")
    (OUT / "format_float.txt").write_text("".join(lines))
    return len(lines)


counts = {
    "basic": basic(),
    "floats": floats(),
    "summarized": summarized(),
    "views": views(),
    "options": options(),
    "records": records(),
}
n_float = format_float()
print(f"printing goldens: {sum(counts.values())} arrays {counts}, {n_float} float formats")
