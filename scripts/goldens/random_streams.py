"""Goldens for ndops::random: NumPy's random streams (tests/goldens/random_streams/).

(Not named `random.py`: in this folder that file would shadow the standard library's
`random`, which NumPy and `tempfile` import, for every script here.)

`np.random.default_rng(seed)` streams for several seeds, every Generator method nd has,
mixed call sequences on one generator, edge ranges of `integers`, NumPy's error texts,
SeedSequence/PCG64 states, and the ziggurat tables of this NumPy build.

Files:
- `streams_<name>.txt`: one generator per file. Line 1 `seed <words>` (the seed as given
  to default_rng: one integer, or several for a list seed). Then, per call on that same
  generator, a line `call <method> <args...>` followed by a line with the result:
  `f64 <bits hex>...` / `f32 <bits hex>...` / `int <decimal>...` / `bool <0|1>...`, or
  for long results `fnv <type> <n> <hex>`: the FNV-1a 64 hash of the result's
  little-endian bytes. Shapes are written `3x4` (C order), `-` for a scalar (size=None).
  Floats are exact (bit patterns).
- `errors.txt`: pairs of lines `call <method> <args...>` / `error <NumPy's message>`, each
  call on a fresh `default_rng(0)`.
- `states.txt`: `seed <words>` / `seedseq <generate_state(4, np.uint64) words>` /
  `pcg64 <state> <inc>` (decimal), per seed.
- `tables.txt`: `<name> <256 hex bit patterns>` for each ziggurat table, read from the
  compiled `numpy.random._generator` extension (located by the table's first entries), so
  the Rust test checks nd's tables bit for bit against the NumPy that wrote the goldens.

The Rust side is tests/random_goldens.rs, which replays every call on nd's generator.
"""

import pathlib
import shutil
import struct

import numpy as np

OUT = pathlib.Path("tests/goldens/random_streams")
shutil.rmtree(OUT, ignore_errors=True)
OUT.mkdir(parents=True)

LONG = 64  # results longer than this are stored as a hash


def fnv1a64(data):
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def shape_arg(size):
    if size is None:
        return "-"
    if isinstance(size, int):
        return str(size)
    return "x".join(str(s) for s in size)


def fmt_result(r):
    a = np.asarray(r)
    flat = a.reshape(-1)
    kind = {"f": "f64" if a.dtype == np.float64 else "f32", "i": "int", "u": "int", "b": "bool"}[
        a.dtype.kind
    ]
    if flat.size > LONG:
        le = a.astype(a.dtype.newbyteorder("<")).tobytes()
        return f"fnv {kind} {flat.size} {fnv1a64(le):016x}"
    if kind == "f64":
        vals = [format(int(v), "016x") for v in flat.view(np.uint64)]
    elif kind == "f32":
        vals = [format(int(v), "08x") for v in flat.view(np.uint32)]
    elif kind == "bool":
        vals = [str(int(v)) for v in flat]
    else:
        vals = [str(int(v)) for v in flat]
    return " ".join([kind] + vals)


def fhex(x):
    return format(struct.unpack("<Q", struct.pack("<d", x))[0], "016x")


# Each call: (text for the Rust side, function of the generator).
def c_random(size, f32=False):
    dt = np.float32 if f32 else np.float64
    name = "random_f32" if f32 else "random"
    return f"{name} {shape_arg(size)}", lambda g: g.random(size, dtype=dt)


def c_integers(dtype, low, high, size, endpoint=False):
    name = "integers_endpoint" if endpoint else "integers"
    dt = np.dtype(dtype)
    return (
        f"{name} {dt.name} {int(low)} {int(high)} {shape_arg(size)}",
        lambda g: g.integers(low, high, size, dtype=dt, endpoint=endpoint),
    )


def c_uniform(low, high, size):
    return f"uniform {fhex(low)} {fhex(high)} {shape_arg(size)}", lambda g: g.uniform(low, high, size)


def c_standard_normal(size, f32=False):
    dt = np.float32 if f32 else np.float64
    name = "standard_normal_f32" if f32 else "standard_normal"
    return f"{name} {shape_arg(size)}", lambda g: g.standard_normal(size, dtype=dt)


def c_normal(loc, scale, size):
    return f"normal {fhex(loc)} {fhex(scale)} {shape_arg(size)}", lambda g: g.normal(loc, scale, size)


def c_exponential(size, f32=False):
    dt = np.float32 if f32 else np.float64
    name = "standard_exponential_f32" if f32 else "standard_exponential"
    return f"{name} {shape_arg(size)}", lambda g: g.standard_exponential(size, dtype=dt)


def c_exp_scale(scale, size):
    return f"exponential {fhex(scale)} {shape_arg(size)}", lambda g: g.exponential(scale, size)


def c_gamma(shape, scale, size):
    """standard_gamma(shape, size) when scale is None, else gamma(shape, scale, size)."""
    if scale is None:
        return f"standard_gamma {fhex(shape)} {shape_arg(size)}", lambda g: g.standard_gamma(shape, size)
    return (
        f"gamma {fhex(shape)} {fhex(scale)} {shape_arg(size)}",
        lambda g: g.gamma(shape, scale, size),
    )


def c_poisson(lam, size):
    return f"poisson {fhex(lam)} {shape_arg(size)}", lambda g: g.poisson(lam, size)


def c_binomial(n, p, size):
    return f"binomial {n} {fhex(p)} {shape_arg(size)}", lambda g: g.binomial(n, p, size)


def c_dist(name, params, size):
    """rng.<name>(*params, size) for the closed-form continuous distributions."""
    text = " ".join(["dist", name] + [fhex(v) for v in params] + [shape_arg(size)])
    return text, lambda g: getattr(g, name)(*params, size)


def c_geometric(p, size):
    return f"geometric {fhex(p)} {shape_arg(size)}", lambda g: g.geometric(p, size)


def c_negbin(n, p, size):
    return (
        f"negative_binomial {fhex(n)} {fhex(p)} {shape_arg(size)}",
        lambda g: g.negative_binomial(n, p, size),
    )


def c_zipf(a, size):
    return f"zipf {fhex(a)} {shape_arg(size)}", lambda g: g.zipf(a, size)


def c_lognormal(mean, sigma, size):
    return (
        f"lognormal {fhex(mean)} {fhex(sigma)} {shape_arg(size)}",
        lambda g: g.lognormal(mean, sigma, size),
    )


def c_choice(n, size, replace=True, p=None):
    ptxt = "none" if p is None else ",".join(fhex(v) for v in p)
    return (
        f"choice {n} {shape_arg(size)} {int(replace)} {ptxt}",
        lambda g: g.choice(n, size, replace=replace, p=p),
    )


def c_choice_rows(rows, cols, size, replace=True):
    """choice from np.arange(rows * cols).reshape(rows, cols) (cols 0: a 1-d arange)."""
    def f(g):
        a = np.arange(rows * max(cols, 1))
        a = a.reshape(rows, cols) if cols else a
        return g.choice(a, size, replace=replace)

    return f"choice_rows {rows} {cols} {shape_arg(size)} {int(replace)}", f


def c_choice_opts(rows, cols, size, replace, axis, shuffle):
    """choice(np.arange(rows * cols).reshape(rows, cols), size, replace, axis=axis,
    shuffle=shuffle); cols 0: choice(rows, ...) from an integer population."""
    def f(g):
        a = rows if cols == 0 else np.arange(rows * cols).reshape(rows, cols)
        return g.choice(a, size, replace=replace, axis=axis, shuffle=shuffle)

    return f"choice_opts {rows} {cols} {shape_arg(size)} {int(replace)} {axis} {int(shuffle)}", f


def lin(spec):
    """`<shape>:<start>:<step>`: np.arange(prod(shape)) * step + start in that shape
    (shape `-` is 0-d), as float64; the Rust test builds the same."""
    shp, start, step = spec.split(":")
    shape = () if shp == "-" else tuple(int(d) for d in shp.split("x"))
    n = int(np.prod(shape))
    with np.errstate(invalid="ignore"):
        return (np.arange(n, dtype=np.float64) * float(step) + float(start)).reshape(shape)


def c_normal_array(loc, scale, size):
    return (
        f"normal_array {loc} {scale} {shape_arg(size)}",
        lambda g: g.normal(lin(loc), lin(scale), size),
    )


def c_uniform_array(low, high, size):
    return (
        f"uniform_array {low} {high} {shape_arg(size)}",
        lambda g: g.uniform(lin(low), lin(high), size),
    )


def ilin(spec, dtype):
    """`<shape>:<start>:<step>` as integers of `dtype` (shape `-` is 0-d)."""
    shp, start, step = spec.split(":")
    shape = () if shp == "-" else tuple(int(d) for d in shp.split("x"))
    n = int(np.prod(shape))
    vals = [int(start) + i * int(step) for i in range(n)]
    return np.array(vals, dtype=dtype).reshape(shape)


def c_integers_array(dtype, low, high, size, endpoint=False):
    dt = np.dtype(dtype)
    name = "integers_array_endpoint" if endpoint else "integers_array"
    return (
        f"{name} {dt.name} {low} {high} {shape_arg(size)}",
        lambda g: g.integers(ilin(low, dt), ilin(high, dt), size, dtype=dt, endpoint=endpoint),
    )


def c_shuffle(shape, axis=0):
    """shuffle np.arange(prod(shape)).reshape(shape) along axis; the result is the array."""
    def f(g):
        a = np.arange(int(np.prod(shape))).reshape(shape)
        g.shuffle(a, axis=axis)
        return a

    return f"shuffle {shape_arg(shape)} {axis}", f


def c_shuffle_view(view):
    """shuffle a view of np.arange(24).reshape(4, 6) (`rev2`: [::-1, ::2]; `t`: .T; `col`:
    [:, 1], a strided 1-d view); the result is the whole base array."""
    def f(g):
        a = np.arange(24).reshape(4, 6)
        v = {"rev2": a[::-1, ::2], "t": a.T, "col": a[:, 1]}[view]
        g.shuffle(v)
        return a

    return f"shuffle_view {view}", f


def c_permutation_of_view(view):
    """permutation of the same views (a copy; the base is untouched)."""
    def f(g):
        a = np.arange(24).reshape(4, 6)
        return g.permutation({"rev2": a[::-1, ::2], "t": a.T, "col": a[:, 1]}[view])

    return f"permutation_of_view {view}", f


def c_permutation(n):
    return f"permutation {n}", lambda g: g.permutation(n)


def c_permutation_of(shape, axis=0):
    def f(g):
        a = np.arange(int(np.prod(shape))).reshape(shape)
        return g.permutation(a, axis=axis)

    return f"permutation_of {shape_arg(shape)} {axis}", f


def c_raw(n):
    return f"raw {n}", lambda g: g.bit_generator.random_raw(n)


SEEDS = {
    "0": 0,
    "1": 1,
    "12345": 12345,
    "big": 0xFEDC_BA98_7654_3210,
    "list": [1, 2, 3, 0x10_DEAD_BEEF],
}


def seed_text(seed):
    return " ".join(str(s) for s in (seed if isinstance(seed, list) else [seed]))


def every_method():
    """One of each, mixed, so each call starts where the last left the stream."""
    return [
        c_raw(3),
        c_random(5),
        c_random(None),
        c_random((2, 3)),
        c_random(7, f32=True),
        c_integers(np.int64, 0, 10, 8),
        c_integers(np.int64, 0, 10, None),
        c_integers(np.int32, -5, 5, 9),
        c_integers(np.int64, -(2**40), 2**40, 5),
        c_integers(np.uint8, 0, 200, 11),
        c_integers(np.int16, -300, 300, 7),
        c_integers(np.uint32, 0, 2**32 - 1, 5, endpoint=True),
        c_integers(np.bool_, 0, 1, 40, endpoint=True),
        c_uniform(-2.0, 3.0, 6),
        c_uniform(0.0, 1e-300, None),
        c_standard_normal(9),
        c_standard_normal(None),
        c_standard_normal(5, f32=True),
        c_normal(10.0, 2.5, (2, 2)),
        c_normal(0.0, 0.0, 3),
        c_exponential(6),
        c_exponential(6, f32=True),
        c_exp_scale(3.5, 4),
        c_gamma(0.3, None, 5),
        c_gamma(1.0, None, 3),
        c_gamma(0.0, None, 2),
        c_gamma(2.5, 0.5, 5),
        c_poisson(0.0, 3),
        c_poisson(0.5, 6),
        c_poisson(3.0, 6),
        c_poisson(10.0, 6),
        c_poisson(1e6, 4),
        c_lognormal(1.0, 0.5, 4),
        c_binomial(10, 0.3, 8),
        c_binomial(0, 0.5, 2),
        c_binomial(5, 0.0, 2),
        c_binomial(10, 0.9, 6),
        c_binomial(1000, 0.4, 6),
        c_binomial(1000, 0.7, 6),
        c_binomial(7, 1.0, 2),
        c_dist("beta", [0.5, 0.5], 4),
        c_dist("beta", [2.0, 3.0], 4),
        c_dist("beta", [1e-200, 1e-200], 4),
        c_dist("beta", [1e-4, 1e-3], 4),
        c_geometric(0.25, 6),
        c_geometric(0.5, 6),
        c_geometric(1.0, 2),
        c_geometric(1e-300, 2),
        c_negbin(3.0, 0.4, 6),
        c_negbin(0.5, 0.9, 6),
        c_zipf(2.0, 6),
        c_zipf(1.1, 6),
        c_zipf(2000.0, 2),
        c_dist("chisquare", [3.0], 4),
        c_dist("f", [5.0, 2.0], 4),
        c_dist("standard_cauchy", [], 4),
        c_dist("standard_t", [4.0], 4),
        c_dist("pareto", [3.0], 4),
        c_dist("weibull", [1.5], 4),
        c_dist("weibull", [0.0], 2),
        c_dist("power", [5.0], 4),
        c_dist("laplace", [1.0, 2.0], 4),
        c_dist("gumbel", [1.0, 2.0], 4),
        c_dist("logistic", [1.0, 2.0], 4),
        c_dist("rayleigh", [2.0], 4),
        c_dist("triangular", [-1.0, 0.5, 2.0], 6),
        c_normal_array("3:0:10", "-:1:0", None),
        c_normal_array("2x1:5:1", "3:0.5:0.5", None),
        c_normal_array("3:0:10", "-:2:0", (2, 3)),
        c_uniform_array("-:0:0", "4:1:10", None),
        c_uniform_array("3x1:-1:-1", "3:0:1", (2, 3, 3)),
        c_choice(10, 4),
        c_choice(10, 4, replace=False),
        c_choice(5, 6, p=[0.1, 0.2, 0.3, 0.0, 0.4]),
        c_choice(5, 3, replace=False, p=[0.1, 0.2, 0.3, 0.0, 0.4]),
        c_choice(20000, 5, replace=False),
        c_choice(20000, 1000, replace=False),
        c_choice_rows(6, 0, 4),
        c_choice_rows(6, 3, (2, 2), replace=False),
        c_integers_array(np.int64, "-:0:0", "3:10:90", None),
        c_integers_array(np.uint8, "3:0:50", "-:255:0", (4, 3), endpoint=True),
        c_integers_array(np.uint8, "2:0:0", "-:200:0", None),
        c_integers_array(np.int16, "2x1:-100:50", "3:1000:7", None),
        c_integers_array(np.int32, "-:-5:0", "4:0:1000000", (2, 4)),
        c_integers_array(np.uint16, "3:0:0", "3:65535:0", None, endpoint=True),
        c_integers_array(np.int8, "-:-128:0", "5:-100:50", None),
        c_integers_array(np.bool_, "-:0:0", "7:1:0", None, endpoint=True),
        c_integers_array(np.uint64, "-:0:0", "2:18446744073709551614:1", None, endpoint=True),
        c_integers_array(np.int64, "2:-9223372036854775808:0", "2:9223372036854775806:1", None, endpoint=True),
        c_integers_array(np.int64, "3:0:0", "3:5:0", 0),
        c_integers(np.uint8, 0, 7, 3),
        c_choice_opts(20000, 0, 800, False, 0, True),
        c_choice_opts(20000, 0, 800, False, 0, False),
        c_choice_opts(20000, 0, 1500, False, 0, False),
        c_choice_opts(10, 0, 6, False, 0, False),
        c_choice_opts(3, 4, 5, True, 1, True),
        c_choice_opts(3, 4, (2, 2), False, 1, False),
        c_choice_opts(3, 4, 2, False, 0, True),
        c_shuffle(10),
        c_shuffle((4, 3)),
        c_shuffle((3, 4), axis=1),
        c_permutation(12),
        c_permutation_of(7),
        c_permutation_of((5, 2)),
        c_permutation_of((2, 5), axis=1),
        c_shuffle_view("rev2"),
        c_shuffle_view("t"),
        c_shuffle_view("col"),
        c_permutation_of_view("rev2"),
        c_permutation_of_view("t"),
        c_shuffle((3, 0)),
        c_permutation_of((3, 0)),
        c_shuffle(0),
        c_permutation(0),
        c_random(3),
    ]


def long_draws():
    """Long runs: every ziggurat layer and tail is hit many times."""
    return [
        c_standard_normal(200_000),
        c_exponential(200_000),
        c_standard_normal(200_000, f32=True),
        c_exponential(200_000, f32=True),
        c_random(1000),
        c_integers(np.int64, 0, 1000, 5000),
        c_gamma(0.7, None, 20000),
        c_gamma(4.0, 2.0, 20000),
        c_poisson(2.5, 20000),
        c_poisson(37.5, 20000),
        c_poisson(12345.6, 20000),
        c_binomial(50, 0.2, 20000),
        c_binomial(100, 0.5, 20000),
        c_binomial(1_000_000, 0.3, 20000),
        c_binomial(300, 0.95, 20000),
        c_dist("standard_t", [2.5], 20000),
        c_dist("f", [3.0, 7.0], 20000),
        c_dist("laplace", [0.0, 1.0], 20000),
        c_dist("weibull", [0.5], 20000),
        c_dist("beta", [0.3, 0.8], 20000),
        c_geometric(0.05, 20000),
        c_geometric(0.6, 20000),
        c_negbin(7.5, 0.3, 20000),
        c_zipf(1.5, 20000),
    ]


def integer_edges():
    """Tiny and huge ranges, every dtype, both endpoints, and the 32-bit half words."""
    i64 = np.iinfo(np.int64)
    u64 = np.iinfo(np.uint64)
    calls = [
        c_integers(np.int64, 0, 1, 5),
        c_integers(np.int64, 7, 7, 5, endpoint=True),
        c_integers(np.int64, i64.min, i64.max, 9, endpoint=True),
        c_integers(np.int64, i64.min, i64.max, 9),
        c_integers(np.uint64, 0, u64.max, 9, endpoint=True),
        c_integers(np.uint64, 0, u64.max, 9),
        c_integers(np.uint64, 2**63, u64.max, 5, endpoint=True),
        c_integers(np.int64, 0, 2**32 - 1, 6, endpoint=True),
        c_integers(np.int64, 0, 2**32 - 1, 6),
        c_integers(np.int64, 0, 2**32, 6),
        c_integers(np.int64, -(2**31), 2**31, 5),
        c_integers(np.int32, np.iinfo(np.int32).min, np.iinfo(np.int32).max, 7, endpoint=True),
        c_integers(np.int32, 0, 3, 7),
        c_integers(np.uint32, 0, 5, None),
        c_integers(np.uint16, 0, 65535, 9, endpoint=True),
        c_integers(np.uint16, 10, 1000, 9),
        c_integers(np.int16, -32768, 32767, 5, endpoint=True),
        c_integers(np.uint8, 0, 255, 13, endpoint=True),
        c_integers(np.uint8, 0, 255, 13),
        c_integers(np.uint8, 250, 255, 13, endpoint=True),
        c_integers(np.uint8, 3, 4, 5),
        c_integers(np.int8, -128, 127, 13, endpoint=True),
        c_integers(np.int8, -10, 10, 13),
        c_integers(np.int8, -10, 10, None),
        c_integers(np.bool_, 0, 1, 5),
        c_integers(np.bool_, 0, 1, 70, endpoint=True),
        c_integers(np.int64, 0, 10, 0),
        c_integers(np.int64, 0, 10, (2, 0)),
        c_integers(np.int64, 0, 5, 4),
        c_integers(np.uint8, 0, 100, 1),
        c_integers(np.int32, 0, 100, 1),
        c_integers(np.int64, 0, 100, 1),
    ]
    return calls


def write_stream(name, seed, calls):
    g = np.random.default_rng(seed)
    lines = [f"seed {seed_text(seed)}"]
    for text, f in calls:
        lines.append(f"call {text}")
        lines.append(fmt_result(f(g)))
    (OUT / f"streams_{name}.txt").write_text("\n".join(lines) + "\n")


for name, seed in SEEDS.items():
    write_stream(f"every_{name}", seed, every_method())
write_stream("long_0", 0, long_draws())
write_stream("long_list", [5, 6], long_draws())
write_stream("integers_0", 0, integer_edges())
write_stream("integers_big", SEEDS["big"], integer_edges())
write_stream("scalars_7", 7, [c_random(None), c_integers(np.int64, 0, 3, None)] * 3
             + [c_standard_normal(None), c_exponential(None), c_uniform(1.0, 2.0, None)])

# Errors, each on a fresh default_rng(0).
ERRORS = [
    c_integers(np.int64, 5, 5, 3),
    c_integers(np.int64, 0, 0, 3),
    c_integers(np.int64, 5, 4, 3, endpoint=True),
    c_integers(np.int64, 0, -1, 3, endpoint=True),
    c_integers(np.uint8, 9, 9, None),
    c_uniform(1.0, 0.0, 3),
    c_uniform(0.0, float("inf"), 3),
    c_uniform(float("nan"), 1.0, 3),
    c_normal(0.0, -1.0, 3),
    c_normal(0.0, -0.0, 3),
    c_exp_scale(-1.0, 3),
    c_gamma(-1.0, None, 3),
    c_gamma(1.0, -2.0, 3),
    c_gamma(-1.0, -2.0, 3),
    c_poisson(-1.0, 3),
    c_poisson(float("nan"), 3),
    c_poisson(1e19, 3),
    c_lognormal(0.0, -1.0, 3),
    c_dist("beta", [0.0, 1.0], 3),
    c_dist("beta", [1.0, -1.0], 3),
    c_negbin(float("nan"), 0.5, 3),
    c_negbin(0.0, 0.5, 3),
    c_negbin(1.0, 0.0, 3),
    c_negbin(1e18, 1e-5, 3),
    c_zipf(1.0, 3),
    c_zipf(float("nan"), 3),
    c_geometric(0.0, 3),
    c_geometric(1.5, 3),
    c_geometric(float("nan"), 3),
    c_dist("chisquare", [0.0], 3),
    c_dist("f", [1.0, -1.0], 3),
    c_dist("standard_t", [-2.0], 3),
    c_dist("pareto", [0.0], 3),
    c_dist("weibull", [-1.0], 3),
    c_dist("power", [-1.0], 3),
    c_dist("laplace", [0.0, -1.0], 3),
    c_dist("gumbel", [0.0, -1.0], 3),
    c_dist("logistic", [0.0, -1.0], 3),
    c_dist("rayleigh", [-1.0], 3),
    c_dist("triangular", [1.0, 0.0, 2.0], 3),
    c_dist("triangular", [0.0, 3.0, 2.0], 3),
    c_dist("triangular", [1.0, 1.0, 1.0], 3),
    c_binomial(10, 1.5, 3),
    c_binomial(10, float("nan"), 3),
    c_binomial(-1, 0.5, 3),
    c_binomial(-1, 2.0, 3),
    c_choice(0, 3),
    c_choice(3, 5, replace=False),
    c_choice(3, 2, p=[0.5, 0.5]),
    c_choice(3, 2, p=[0.5, 0.6, 0.1]),
    c_choice(3, 2, p=[0.5, -0.5, 1.0]),
    c_choice(3, 2, p=[0.5, float("nan"), 0.5]),
    c_choice(3, 2, replace=False, p=[1.0, 0.0, 0.0]),
    c_choice_rows(0, 0, 2),
    c_permutation_of((3, 2), axis=2),
    c_choice_opts(0, 3, 2, True, 0, True),
    c_integers_array(np.int64, "2:0:0", "3:5:1", None),
    c_integers_array(np.int64, "2:1:1", "2:1:4", None),
    c_integers_array(np.int64, "2:0:0", "2:0:5", None),
    c_integers_array(np.int64, "2:0:0", "2:-1:6", None, endpoint=True),
    c_integers_array(np.uint8, "2:3:0", "2:3:0", None, endpoint=False),
    c_integers_array(np.int64, "3:0:0", "-:5:0", (3, 2)),
    c_normal_array("3:0:1", "2:1:1", None),
    c_normal_array("2x3:0:1", "-:1:0", 3),
    c_normal_array("3:0:1", "-:1:0", (3, 2)),
    c_normal_array("3:0:1", "3:1:-1", None),
    c_uniform_array("3:0:1", "2:1:1", None),
    c_uniform_array("3:0:1", "3:1:-1", None),
    c_uniform_array("3:0:1", "3:1:inf", None),
    c_uniform_array("-:0:0", "-:inf:0", None),
    c_choice_opts(3, 2, 3, False, 1, True),
]
lines = []
for text, f in ERRORS:
    try:
        f(np.random.default_rng(0))
    except (ValueError, OverflowError, np.exceptions.AxisError) as e:
        lines += [f"call {text}", f"error {e}"]
    else:
        raise SystemExit(f"expected an error from {text}")
(OUT / "errors.txt").write_text("\n".join(lines) + "\n")

# SeedSequence words and the PCG64 state they give.
lines = []
for seed in list(SEEDS.values()) + [2**64 - 1, 2**100 + 5, [0], [], [0, 0]]:
    ss = np.random.SeedSequence(seed)
    st = np.random.PCG64(seed).state["state"]
    lines.append(f"seed {seed_text(seed) if seed != [] else ''}".rstrip())
    lines.append("seedseq " + " ".join(str(int(w)) for w in ss.generate_state(4, np.uint64)))
    lines.append(f"pcg64 {st['state']} {st['inc']}")
(OUT / "states.txt").write_text("\n".join(lines) + "\n")

# The ziggurat tables as compiled into numpy.random._generator, each found by the bit
# patterns of its first three entries (checked to occur once); all 256 are then read.
FIRST = {
    "ki_double": ("<Q", [0x000EF33D8025EF6A, 0x0000000000000000, 0x000C08BE98FBC6A8]),
    "wi_double": ("<Q", [0x3CCF493B7815D979, 0x3C8B8D0BE3FDF6C6, 0x3C9250AF3C2C5BB4]),
    "fi_double": ("<Q", [0x3FF0000000000000, 0x3FEF446AC979F087, 0x3FEEB7545B6CA915]),
    "ki_float": ("<I", [0x007799EC, 0x00000000, 0x006045F5]),
    "wi_float": ("<I", [0x34FA49DC, 0x32DC685F, 0x3312857A]),
    "fi_float": ("<I", [0x3F800000, 0x3F7A2356, 0x3F75BAA3]),
    "ke_double": ("<Q", [0x001C5214272497C6, 0x0000000000000000, 0x00137D5BD79C317E]),
    "we_double": ("<Q", [0x3CD164EC94BF5DC1, 0x3C60589D8B5D4119, 0x3C6AD6B2495B4D2B]),
    "fe_double": ("<Q", [0x3FF0000000000000, 0x3FEE0545E5881137, 0x3FECD0A65081FFF1]),
    "ke_float": ("<I", [0x00714851, 0x00000000, 0x004DF56F]),
    "we_float": ("<I", [0x358B2765, 0x3202C4EC, 0x3256B592]),
    "fe_float": ("<I", [0x3F800000, 0x3F702A2F, 0x3F668533]),
}
so = np.random._generator.__file__
blob = pathlib.Path(so).read_bytes()
lines = []
for name, (fmt, first) in FIRST.items():
    size = struct.calcsize(fmt)
    pat = b"".join(struct.pack(fmt, v) for v in first)
    at = blob.find(pat)
    if at < 0 or blob.find(pat, at + 1) >= 0:
        raise SystemExit(f"{name}: table not found exactly once in {so}")
    words = struct.unpack(f"<256{'Q' if size == 8 else 'I'}", blob[at : at + 256 * size])
    width = 2 * size
    lines.append(name + " " + " ".join(format(w, f"0{width}x") for w in words))
(OUT / "tables.txt").write_text("\n".join(lines) + "\n")
