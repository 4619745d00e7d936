"""Goldens for statistics and closeness (tests/goldens/stats/): NumPy's median, quantile and
percentile (every method), the nan-reductions, ptp, average, histogram, bincount, cov,
corrcoef, isclose, allclose, array_equal and array_equiv, on several dtypes, axes (negative
and None), q arrays, views (transposed, reversed), nan/inf inputs, and their error texts.

Each file holds blocks separated by a blank line; each line of a block is `key: value`:
    name      a readable case name (function/input/view/axis/...)
    fn        the NumPy function
    dtype, shape, view, a   the input: C-order values of the base array, then the view taken
              of it (`C` as is, `T` all axes reversed (a.T), `rev` every axis reversed
              (a[::-1, ::-1, ...], negative strides), `Trev` both)
    b_dtype, b_shape, b     a second operand where there is one (isclose, ...)
    q, q_shape, axis, method, bins, range, minlength, weights, rowvar, ddof,
    rtol, atol, equal_nan   the arguments (`None` where NumPy's default)
    out_dtype, out_shape, out    NumPy's result (C order; floats with repr, round-trip)
    out2      a second result (histogram's edges)
    err       NumPy's error message instead of a result
    tol       0: bit for bit; n: within n ulps of the largest magnitude of the result
Inputs are written out, so the Rust test (tests/stats_goldens.rs) rebuilds them exactly.
"""

import pathlib
import shutil
import warnings

import numpy as np

OUT = pathlib.Path("tests/goldens/stats")
shutil.rmtree(OUT, ignore_errors=True)
OUT.mkdir(parents=True)
warnings.simplefilter("ignore")

METHODS = [
    "inverted_cdf", "averaged_inverted_cdf", "closest_observation",
    "interpolated_inverted_cdf", "hazen", "weibull", "linear", "median_unbiased",
    "normal_unbiased", "lower", "higher", "midpoint", "nearest",
]

k = np.arange(60)
SHAPE = (3, 4, 5)
BASE_F = (((k * 37) % 101 - 50.5) / 16).reshape(SHAPE)       # distinct values
DUPS_F = (((k * 37) % 23 - 11) / 4).reshape(SHAPE)            # many ties
INTS = ((k * 37) % 11 - 5).reshape(SHAPE)
NAN_F = BASE_F.copy()
NAN_F.flat[[7, 22, 23]] = np.nan
NAN_F[2, 3, :] = np.nan                                        # an all-nan lane along -1


def fv(v):
    if isinstance(v, (bool, np.bool_)):
        return "True" if v else "False"
    if isinstance(v, (float, np.floating)):
        return repr(float(v))
    return str(int(v))


def vals(a):
    a = np.asarray(a)
    return " ".join(fv(x) for x in a.ravel())


def shp(a):
    return ",".join(str(n) for n in np.shape(a))


def view(a, v):
    if v == "T":
        return a.T
    if v == "rev":
        return a[(slice(None, None, -1),) * a.ndim]
    if v == "Trev":
        return a[(slice(None, None, -1),) * a.ndim].T
    return a


class Writer:
    def __init__(self, name):
        self.path = OUT / f"{name}.txt"
        self.blocks = []

    def case(self, name, fn, a=None, v="C", b=None, call=None, tol=0, **args):
        lines = [f"name: {name}", f"fn: {fn}"]
        if a is not None:
            a = np.asarray(a)
            lines += [f"dtype: {a.dtype}", f"shape: {shp(a)}", f"view: {v}", f"a: {vals(a)}"]
        if b is not None:
            b = np.asarray(b)
            lines += [f"b_dtype: {b.dtype}", f"b_shape: {shp(b)}", f"b: {vals(b)}"]
        for key, val in args.items():
            if isinstance(val, np.ndarray):
                lines += [f"{key}: {vals(val)}", f"{key}_shape: {shp(val)}"]
            elif isinstance(val, (list, tuple)):
                lines.append(f"{key}: {' '.join(fv(x) for x in val)}")
            else:
                lines.append(f"{key}: {val}")
        try:
            r = call(view(a, v) if a is not None else None)
        except Exception as e:  # noqa: BLE001 - the message is the golden
            lines.append(f"err: {e}")
        else:
            if isinstance(r, tuple):
                r, r2 = r
                lines.append(f"out2: {vals(r2)}")
            r = np.asarray(r)
            lines += [f"out_dtype: {r.dtype}", f"out_shape: {shp(r)}", f"out: {vals(r)}"]
        lines.append(f"tol: {tol}")
        self.blocks.append("\n".join(lines))

    def save(self):
        self.path.write_text("\n\n".join(self.blocks) + "\n")


def ax(a):
    return "None" if a is None else str(a)


# --- quantiles ---------------------------------------------------------------------------
w = Writer("quantile")
QS = [0.0, 0.1, 0.25, 0.33, 0.5, 2 / 3, 0.75, 0.9, 1.0]
# Every method at many q on small 1-d inputs: the index formulas at each n.
for n in [1, 2, 3, 4, 5, 6, 7, 10, 11]:
    a = ((np.arange(n) * 7) % 5 + np.arange(n) / 8).astype(np.float64)
    for m in METHODS:
        w.case(f"quantile/n{n}/{m}", "quantile", a, q=np.array(QS), axis="None", method=m,
               call=lambda x, m=m: np.quantile(x, QS, method=m))
# Methods x dtypes x axes x views with a scalar q (NumPy's weak q keeps float32).
for dt in ["float64", "float32", "int64", "int32", "int8", "uint8"]:
    src = BASE_F if dt.startswith("float") else (INTS + (5 if dt == "uint8" else 0))
    a = src.astype(dt)
    for v in (["C", "T", "rev"] if dt == "float64" else ["C", "T"]):
        for axis in [None, 0, -1, 1]:
            for m in METHODS:
                w.case(f"quantile/{dt}/{v}/{ax(axis)}/{m}", "quantile", a, v, q=0.37,
                       axis=ax(axis), method=m,
                       call=lambda x, axis=axis, m=m: np.quantile(x, 0.37, axis=axis, method=m))
# q arrays (1-d and 2-d), float64 and int64.
for dt in ["float64", "int64"]:
    a = (DUPS_F if dt == "float64" else INTS).astype(dt)
    for axis in [None, 2, -2]:
        for q in [np.array([0.0, 0.5, 1.0]), np.array([[0.1, 0.2], [0.8, 0.95]])]:
            for m in ["linear", "midpoint", "nearest", "inverted_cdf"]:
                w.case(f"quantile/{dt}/qarr{q.ndim}/{ax(axis)}/{m}", "quantile", a, "Trev",
                       q=q, axis=ax(axis), method=m,
                       call=lambda x, q=q, axis=axis, m=m: np.quantile(x, q, axis=axis, method=m))
# nan and inf; the int8 wrap in _lerp's b - a.
special = {
    "nan_lane": NAN_F,
    "inf_ends": np.array([1.0, np.inf]),
    "neg_inf": np.array([-np.inf, 1.0, 2.0, 3.0]),
    "inf_middle": np.array([1.0, 2.0, np.inf, np.inf, 5.0]),
    "both_inf": np.array([-np.inf, np.inf]),
}
for name, a in special.items():
    for axis in ([None, -1, 0] if a.ndim > 1 else [None]):
        for m in METHODS:
            w.case(f"quantile/{name}/{ax(axis)}/{m}", "quantile", a, q=np.array([0.0, 0.3, 0.5, 1.0]),
                   axis=ax(axis), method=m,
                   call=lambda x, axis=axis, m=m: np.quantile(x, [0.0, 0.3, 0.5, 1.0], axis=axis, method=m))
i8 = np.array([-100, 100, 50], dtype=np.int8)
for m in METHODS:
    w.case(f"quantile/int8_wrap/{m}", "quantile", i8, q=0.75, axis="None", method=m,
           call=lambda x, m=m: np.quantile(x, 0.75, method=m))
# percentile
for axis in [None, 1, -1]:
    for m in ["linear", "hazen", "lower"]:
        w.case(f"percentile/{ax(axis)}/{m}", "percentile", BASE_F, "rev",
               q=np.array([0.0, 12.5, 50.0, 99.0, 100.0]), axis=ax(axis), method=m,
               call=lambda x, axis=axis, m=m: np.percentile(x, [0.0, 12.5, 50.0, 99.0, 100.0], axis=axis, method=m))
# errors
w.case("quantile/err/q_high", "quantile", BASE_F, q=1.5, axis="None", method="linear",
       call=lambda x: np.quantile(x, 1.5))
w.case("quantile/err/q_neg", "quantile", BASE_F, q=np.array([0.5, -0.1]), axis="None",
       method="linear", call=lambda x: np.quantile(x, [0.5, -0.1]))
w.case("percentile/err/q_high", "percentile", BASE_F, q=100.5, axis="None", method="linear",
       call=lambda x: np.percentile(x, 100.5))
w.case("quantile/err/q_3d", "quantile", BASE_F, q=np.full((1, 1, 2), 0.5), axis="None",
       method="linear", call=lambda x: np.quantile(x, np.full((1, 1, 2), 0.5)))
w.case("quantile/err/axis", "quantile", BASE_F, q=0.5, axis="3", method="linear",
       call=lambda x: np.quantile(x, 0.5, axis=3))
w.case("quantile/err/axis_neg", "quantile", BASE_F, q=0.5, axis="-4", method="linear",
       call=lambda x: np.quantile(x, 0.5, axis=-4))
w.case("quantile/err/empty", "quantile", np.zeros((2, 0)), q=0.5, axis="1", method="linear",
       call=lambda x: np.quantile(x, 0.5, axis=1))
w.save()

# --- median ------------------------------------------------------------------------------
w = Writer("median")
for dt in ["float64", "float32", "int64", "int8", "uint8"]:
    src = BASE_F if dt.startswith("float") else (INTS + (5 if dt == "uint8" else 0))
    for v in ["C", "T", "rev"]:
        for axis in [None, 0, 1, -1]:
            w.case(f"median/{dt}/{v}/{ax(axis)}", "median", src.astype(dt), v, axis=ax(axis),
                   call=lambda x, axis=axis: np.median(x, axis=axis))
for n in range(1, 9):
    a = np.array([(i * 5) % 7 - 3.5 for i in range(n)])
    w.case(f"median/n{n}", "median", a, axis="None", call=lambda x: np.median(x))
w.case("median/minus_zero", "median", np.array([-0.0, -0.0]), axis="None", call=lambda x: np.median(x))
w.case("median/big_ints", "median", np.array([2**62, 2**62 + 2], dtype=np.int64), axis="None",
       call=lambda x: np.median(x))
for axis in [None, 0, -1]:
    w.case(f"median/nan/{ax(axis)}", "median", NAN_F, axis=ax(axis), call=lambda x, axis=axis: np.median(x, axis=axis))
w.case("median/empty", "median", np.zeros(0), axis="None", call=lambda x: np.median(x))
w.case("median/empty_lane", "median", np.zeros((2, 0)), axis="1", call=lambda x: np.median(x, axis=1))
w.case("median/err/axis", "median", BASE_F, axis="5", call=lambda x: np.median(x, axis=5))
w.save()

# --- nan-reductions ----------------------------------------------------------------------
w = Writer("nan")
NANFNS = {
    "nansum": np.nansum, "nanmean": np.nanmean, "nanmin": np.nanmin, "nanmax": np.nanmax,
    "nanargmin": np.nanargmin, "nanargmax": np.nanargmax, "nanmedian": np.nanmedian,
}
NAN_NOLANE = BASE_F.copy()
NAN_NOLANE.flat[[3, 4, 17, 40, 41, 42]] = np.nan
for fname, f in NANFNS.items():
    for dt in ["float64", "float32", "int64", "uint8"]:
        src = NAN_NOLANE if dt.startswith("float") else (INTS + (5 if dt == "uint8" else 0))
        for v in ["C", "T", "rev"]:
            for axis in [None, 0, 1, -1]:
                tol = 0 if (axis is not None or v == "C" or fname not in ("nansum", "nanmean")) else 2
                w.case(f"{fname}/{dt}/{v}/{ax(axis)}", fname, src.astype(dt), v, axis=ax(axis),
                       tol=tol, call=lambda x, f=f, axis=axis: f(x, axis=axis))
    for axis in [None, -1, 0]:
        w.case(f"{fname}/all_nan_lane/{ax(axis)}", fname, NAN_F, axis=ax(axis),
               call=lambda x, f=f, axis=axis: f(x, axis=axis))
    w.case(f"{fname}/empty", fname, np.zeros(0), axis="None", call=lambda x, f=f: f(x))
    w.case(f"{fname}/inf", fname, np.array([np.nan, np.inf, -np.inf, np.nan]), axis="None",
           call=lambda x, f=f: f(x))
for fname, f in [("nanquantile", np.nanquantile), ("nanpercentile", np.nanpercentile)]:
    qs = np.array([0.0, 0.3, 0.5, 1.0]) * (100 if fname == "nanpercentile" else 1)
    for axis in [None, -1, 0]:
        for m in METHODS:
            w.case(f"{fname}/{ax(axis)}/{m}", fname, NAN_F, "T", q=qs, axis=ax(axis), method=m,
                   call=lambda x, f=f, axis=axis, m=m, qs=qs: f(x, qs, axis=axis, method=m))
    w.case(f"{fname}/empty", fname, np.zeros(0), q=qs, axis="None", method="linear",
           call=lambda x, f=f, qs=qs: f(x, qs))
w.save()

# --- ptp, average ------------------------------------------------------------------------
w = Writer("spread")
for dt in ["float64", "float32", "int64", "int8"]:
    src = BASE_F if dt.startswith("float") else INTS
    for v in ["C", "T", "rev"]:
        for axis in [None, 0, -1]:
            w.case(f"ptp/{dt}/{v}/{ax(axis)}", "ptp", src.astype(dt), v, axis=ax(axis),
                   call=lambda x, axis=axis: np.ptp(x, axis=axis))
w.case("ptp/int8_wrap", "ptp", np.array([-128, 127], dtype=np.int8), axis="None", call=lambda x: np.ptp(x))
w.case("ptp/nan", "ptp", NAN_F, axis="-1", call=lambda x: np.ptp(x, axis=-1))
w.case("ptp/err/empty", "ptp", np.zeros(0), axis="None", call=lambda x: np.ptp(x))
WTS = np.array([1.0, 0.5, 2.0, 0.25, 3.0])
for dt in ["float64", "int64"]:
    src = (BASE_F if dt == "float64" else INTS).astype(dt)
    for v in ["C", "rev"]:
        for axis in [None, 0, -1]:
            w.case(f"average/{dt}/{v}/{ax(axis)}", "average", src, v, axis=ax(axis), tol=2,
                   call=lambda x, axis=axis: np.average(x, axis=axis))
        w.case(f"average/{dt}/{v}/w1d", "average", src, v, axis="-1", weights=WTS, tol=2,
               call=lambda x: np.average(x, axis=-1, weights=WTS))
        full = (np.arange(60) % 7 + 0.5).reshape(SHAPE)
        for axis in [None, 1]:
            w.case(f"average/{dt}/{v}/wfull/{ax(axis)}", "average", src, v, axis=ax(axis),
                   weights=full, tol=2, call=lambda x, axis=axis: np.average(x, axis=axis, weights=full))
w.case("average/err/zero", "average", np.array([1.0, 2.0]), axis="None", weights=np.array([1.0, -1.0]),
       call=lambda x: np.average(x, weights=[1.0, -1.0]))
w.case("average/err/noaxis", "average", np.ones((2, 3)), axis="None", weights=np.array([1.0, 2.0, 3.0]),
       call=lambda x: np.average(x, weights=[1.0, 2.0, 3.0]))
w.case("average/err/shape", "average", np.ones((2, 3)), axis="1", weights=np.array([1.0, 2.0]),
       call=lambda x: np.average(x, axis=1, weights=[1.0, 2.0]))
w.save()

# --- histogram, bincount -----------------------------------------------------------------
w = Writer("histogram")
H = ((np.arange(200) * 7919) % 1009) / 1009.0 * 6 - 3            # in [-3, 3)
HI = (np.arange(100) * 37) % 23 - 4
for bins in [1, 3, 7, 10, 64]:
    w.case(f"histogram/f64/{bins}", "histogram", H, bins=bins, range="None",
           call=lambda x, bins=bins: np.histogram(x, bins=bins))
    w.case(f"histogram/i64/{bins}", "histogram", HI, bins=bins, range="None",
           call=lambda x, bins=bins: np.histogram(x, bins=bins))
    for rng in [(-1.0, 2.5), (0.1, 0.7), (-10.0, 10.0)]:
        w.case(f"histogram/f64/{bins}/{rng}", "histogram", H, bins=bins, range=rng,
               call=lambda x, bins=bins, rng=rng: np.histogram(x, bins=bins, range=rng))
w.case("histogram/thirds", "histogram", np.linspace(0, 1, 31), bins=3, range="None",
       call=lambda x: np.histogram(x, bins=3))
w.case("histogram/tenths", "histogram", np.arange(11) / 10, bins=10, range="None",
       call=lambda x: np.histogram(x, bins=10))
w.case("histogram/const", "histogram", np.full(4, 2.5), bins=4, range="None",
       call=lambda x: np.histogram(x, bins=4))
w.case("histogram/empty", "histogram", np.zeros(0), bins=5, range="None",
       call=lambda x: np.histogram(x, bins=5))
w.case("histogram/nan_in_range", "histogram", np.array([np.nan, 1.0, 2.0]), bins=2, range=(0.0, 2.0),
       call=lambda x: np.histogram(x, bins=2, range=(0.0, 2.0)))
w.case("histogram/2d_T", "histogram", H.reshape(10, 20), "T", bins=5, range="None",
       call=lambda x: np.histogram(x, bins=5))
EDGES = [np.array([-3.0, -1.0, 0.0, 0.5, 2.9]), np.array([0.0, 0.0, 1.0, 1.0, 3.0]),
         np.array([-0.5, 0.5]), np.array([1.0])]
for i, e in enumerate(EDGES):
    w.case(f"histogram/edges{i}/f64", "histogram", H, bins=e, range="None",
           call=lambda x, e=e: np.histogram(x, bins=e))
    w.case(f"histogram/edges{i}/i64", "histogram", HI, bins=e, range="None",
           call=lambda x, e=e: np.histogram(x, bins=e))
w.case("histogram/err/monotonic", "histogram", H, bins=np.array([0.0, 2.0, 1.0]), range="None",
       call=lambda x: np.histogram(x, bins=[0.0, 2.0, 1.0]))
w.case("histogram/err/bins0", "histogram", H, bins=0, range="None", call=lambda x: np.histogram(x, bins=0))
w.case("histogram/err/inf", "histogram", np.array([1.0, np.inf]), bins=3, range="None",
       call=lambda x: np.histogram(x, bins=3))
w.case("histogram/err/nan", "histogram", np.array([1.0, np.nan]), bins=3, range="None",
       call=lambda x: np.histogram(x, bins=3))
w.case("histogram/err/range_order", "histogram", H, bins=3, range=(2.0, 1.0),
       call=lambda x: np.histogram(x, bins=3, range=(2.0, 1.0)))
w.case("histogram/err/range_inf", "histogram", H, bins=3, range=(0.0, np.inf),
       call=lambda x: np.histogram(x, bins=3, range=(0.0, np.inf)))
w.case("histogram/err/too_many", "histogram", np.array([1.0, 1.0 + 2e-16 * 4]), bins=10, range="None",
       call=lambda x: np.histogram(x, bins=10))
B = (np.arange(30) * 7) % 9
BW = np.linspace(-1, 2, 30)
for dt in ["int64", "int32", "uint8"]:
    for ml in [0, 5, 12]:
        w.case(f"bincount/{dt}/{ml}", "bincount", B.astype(dt), minlength=ml,
               call=lambda x, ml=ml: np.bincount(x, minlength=ml))
        w.case(f"bincount/{dt}/{ml}/w", "bincount", B.astype(dt), minlength=ml, weights=BW,
               call=lambda x, ml=ml: np.bincount(x, weights=BW, minlength=ml))
w.case("bincount/empty", "bincount", np.zeros(0, dtype=np.int64), minlength=3,
       call=lambda x: np.bincount(x, minlength=3))
w.case("bincount/err/neg", "bincount", np.array([1, -1, 2]), minlength=0, call=lambda x: np.bincount(x))
w.case("bincount/err/wlen", "bincount", np.array([1, 2]), minlength=0, weights=np.array([1.0]),
       call=lambda x: np.bincount(x, weights=np.array([1.0])))
w.save()

# --- cov, corrcoef -----------------------------------------------------------------------
w = Writer("cov")
M = ((np.arange(18) * 13) % 17 / 4.0 - 2).reshape(3, 6)
MI = ((np.arange(18) * 13) % 17 - 8).reshape(3, 6)
for dt, src in [("float64", M), ("int64", MI), ("float32", M.astype(np.float32))]:
    for v in ["C", "T", "rev"]:
        for rowvar in [True, False]:
            for ddof in [1, 0, 2]:
                w.case(f"cov/{dt}/{v}/{rowvar}/{ddof}", "cov", src, v, rowvar=rowvar, ddof=ddof, tol=8,
                       call=lambda x, rowvar=rowvar, ddof=ddof: np.cov(x, rowvar=rowvar, ddof=ddof))
            w.case(f"corrcoef/{dt}/{v}/{rowvar}", "corrcoef", src, v, rowvar=rowvar, tol=8,
                   call=lambda x, rowvar=rowvar: np.corrcoef(x, rowvar=rowvar))
w.case("cov/1d", "cov", M[0], rowvar=True, ddof=1, tol=8, call=lambda x: np.cov(x))
w.case("cov/one_obs", "cov", np.ones((2, 1)), rowvar=True, ddof=1, tol=0, call=lambda x: np.cov(x))
w.case("corrcoef/1d", "corrcoef", M[0], rowvar=True, tol=0, call=lambda x: np.corrcoef(x))
w.case("corrcoef/const_row", "corrcoef", np.array([[1.0, 1.0, 1.0], [1.0, 2.0, 4.0]]), rowvar=True,
       tol=8, call=lambda x: np.corrcoef(x))
w.case("corrcoef/perfect", "corrcoef", np.array([[0.1, 0.2, 0.3, 0.4], [0.3, 0.6, 0.9, 1.2], [4.0, 3.0, 2.0, 1.0]]),
       rowvar=True, tol=8, call=lambda x: np.corrcoef(x))
w.case("cov/err/3d", "cov", np.ones((2, 2, 2)), rowvar=True, ddof=1, call=lambda x: np.cov(x))
w.save()

# --- closeness ---------------------------------------------------------------------------
w = Writer("close")
A = np.array([0.0, 1e-8, 1.0, 1.0 + 1e-5, 1e10, np.inf, -np.inf, np.nan, -0.0, 100.0])
Bv = np.array([1e-9, 0.0, 1.0 + 1e-6, 1.0, 1.00001e10, np.inf, np.inf, np.nan, 0.0, 100.002])
TOLS = [(1e-05, 1e-08, False), (1e-05, 1e-08, True), (1e-3, 0.0, False), (0.0, 1e-3, True)]
for rtol, atol, eq in TOLS:
    for fn, f in [("isclose", np.isclose), ("allclose", np.allclose)]:
        for x, y, nm in [(A, Bv, "ab"), (Bv, A, "ba")]:
            w.case(f"{fn}/{nm}/{rtol}/{atol}/{eq}", fn, x, b=y, rtol=rtol, atol=atol, equal_nan=eq,
                   call=lambda x, y=y, f=f, rtol=rtol, atol=atol, eq=eq: f(x, y, rtol=rtol, atol=atol, equal_nan=eq))
C = np.linspace(0, 1, 3).reshape(3, 1)
D = np.array([0.0, 0.5, 1.0 + 1e-6, 1.0 - 1e-3])
w.case("isclose/broadcast", "isclose", C, b=D, rtol=1e-05, atol=1e-08, equal_nan=False,
       call=lambda x: np.isclose(x, D))
w.case("isclose/broadcast_err", "isclose", C.reshape(3), b=D, rtol=1e-05, atol=1e-08, equal_nan=False,
       call=lambda x: np.isclose(x, D))
I = np.array([0, 1, 2, 3, -9223372036854775808, 9223372036854775807], dtype=np.int64)
J = np.array([0, 1, 3, 2, -9223372036854775808, 9223372036854775806], dtype=np.int64)
w.case("isclose/int64", "isclose", I, b=J, rtol=1e-05, atol=1e-08, equal_nan=False, call=lambda x: np.isclose(x, J))
F32A = np.array([1.0, 1.0001, 1e-7, np.nan], dtype=np.float32)
F32B = np.array([1.00001, 1.0, 0.0, np.nan], dtype=np.float32)
w.case("isclose/f32", "isclose", F32A, b=F32B, rtol=1e-05, atol=1e-08, equal_nan=True,
       call=lambda x: np.isclose(x, F32B, equal_nan=True))
for eq in [False, True]:
    for nm, x, y in [("same", A, A.copy()), ("shape", A, A[:5]), ("diff", A, Bv),
                     ("nan_pos", np.array([1.0, np.nan]), np.array([np.nan, 1.0]))]:
        w.case(f"array_equal/{nm}/{eq}", "array_equal", x, b=y, equal_nan=eq,
               call=lambda x, y=y, eq=eq: np.array_equal(x, y, equal_nan=eq))
for nm, x, y in [("bcast", np.tile(D, (3, 1)), D), ("bcast_ne", np.tile(D, (3, 1)), D[::-1]),
                 ("no_bcast", np.tile(D, (3, 1)), D[:3]), ("same", D, D.copy())]:
    w.case(f"array_equiv/{nm}", "array_equiv", x, b=y, call=lambda x, y=y: np.array_equiv(x, y))
w.save()
