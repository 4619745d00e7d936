"""Goldens for numpy.linalg (tests/goldens/linalg_np/): NumPy's results of solve, inv, det,
slogdet, norm, qr, svd, eigh, eigvalsh, eig, cholesky, lstsq, pinv, matrix_rank and
matrix_power on deterministic recipe matrices, and NumPy's error messages.

Inputs (rebuilt by tests/linalg_np.rs from the same recipes), for a shape s = (..., m, n)
of N elements, in float64 or float32:
- "gen":  ((arange(N) * 7) % 11 - 5) / 4, reshaped s, plus `shift` on the diagonal of
          every matrix (shift * eye(m, n)): well conditioned for shift = n + 2.
- "spd":  g @ swapaxes(g) + n * eye(n) for g = gen(s, 0): symmetric positive definite.
- "sing": arange(N) reshaped s (rank 2 for every matrix bigger than 2x2: singular).
A view is applied last: "c" (as built), "t" (the recipe of the swapped shape with its last
two axes swapped: a transposed, F-ordered view) or "neg" (rows reversed: a negative stride).

results.txt, one line per output array:
    <case id> | <op and args> | <dtype> | <recipe> | <shift> | <shape> | <view> | <b shape or -> | <output name> | <shape> | <values in C order, repr>
errors.txt, one line per call:
    <op and args> | <recipe> | <shape> | <b shape or -> | <exception class> | <NumPy's message>
Shapes are comma-separated lengths (empty for 0-d). The "b" operand of solve/lstsq is
gen(b shape, 0) with its values + 1.
"""

import pathlib
import shutil
import warnings

import numpy as np

OUT = pathlib.Path("tests/goldens/linalg_np")
shutil.rmtree(OUT, ignore_errors=True)
OUT.mkdir(parents=True)
L = np.linalg


def gen(shape, shift, dtype):
    n = int(np.prod(shape, dtype=np.int64))
    a = (((np.arange(n, dtype=np.int64) * 7) % 11 - 5) / 4).reshape(shape)
    if shift and len(shape) >= 2:
        a = a + shift * np.eye(shape[-2], shape[-1])
    return a.astype(dtype)


def build(recipe, shape, shift, view, dtype):
    shape = tuple(shape)
    if view == "t":
        shape = shape[:-2] + (shape[-1], shape[-2])
    if recipe == "gen":
        a = gen(shape, shift, dtype)
    elif recipe == "spd":
        g = gen(shape, 0, "float64")
        a = (g @ np.swapaxes(g, -1, -2) + shape[-1] * np.eye(shape[-1])).astype(dtype)
    elif recipe == "sing":
        a = np.arange(int(np.prod(shape)), dtype=dtype).reshape(shape)
    else:
        raise ValueError(recipe)
    if view == "t":
        a = np.swapaxes(a, -1, -2)
    elif view == "neg":
        a = a[..., ::-1, :]
    return a


def bvec(shape, dtype):
    return gen(shape, 0, dtype) + 1


def sh(shape):
    return ",".join(str(x) for x in shape)


def vals(a):
    a = np.asarray(a)
    return " ".join(repr(float(x)) for x in a.ravel())


def call(op, a, b):
    name, *args = op.split()
    kw = dict(arg.split("=") for arg in args)
    if name == "solve":
        return {"x": L.solve(a, b)}
    if name == "inv":
        return {"inv": L.inv(a)}
    if name == "det":
        return {"det": L.det(a)}
    if name == "slogdet":
        s, l = L.slogdet(a)
        return {"sign": s, "logabsdet": l}
    if name == "norm":
        ord_ = kw.get("ord", "None")
        ord_ = None if ord_ == "None" else ord_ if ord_ in ("fro", "nuc") else float(ord_)
        axis = kw.get("axis", "None")
        axis = None if axis == "None" else tuple(int(x) for x in axis.split(",")) if "," in axis else int(axis)
        keep = kw.get("keepdims", "0") == "1"
        return {"norm": L.norm(a, ord=ord_, axis=axis, keepdims=keep)}
    if name == "qr":
        mode = kw.get("mode", "reduced")
        if mode == "r":
            return {"r": L.qr(a, mode="r")}
        q, r = L.qr(a, mode=mode)
        return {"q": q, "r": r}
    if name == "svd":
        full = kw.get("full", "1") == "1"
        u, s, vh = L.svd(a, full_matrices=full)
        return {"u": u, "s": s, "vh": vh}
    if name == "svdvals":
        return {"s": L.svd(a, compute_uv=False)}
    if name == "eigh":
        w, v = L.eigh(a, UPLO=kw.get("UPLO", "L"))
        return {"w": w, "v": v}
    if name == "eigvalsh":
        return {"w": L.eigvalsh(a, UPLO=kw.get("UPLO", "L"))}
    if name == "eig":
        w, v = L.eig(a)
        return {"w_re": w.real, "w_im": np.imag(w), "v_re": v.real, "v_im": np.imag(v)}
    if name == "cholesky":
        return {"l": L.cholesky(a, upper=kw.get("upper", "0") == "1")}
    if name == "lstsq":
        rc = kw.get("rcond", "None")
        x, res, rank, s = L.lstsq(a, b, rcond=None if rc == "None" else float(rc))
        return {"x": x, "residuals": res, "rank": np.array(rank, dtype=np.float64), "s": s}
    if name == "pinv":
        return {"pinv": L.pinv(a)}
    if name == "matrix_rank":
        return {"rank": np.asarray(L.matrix_rank(a), dtype=np.float64)}
    if name == "matrix_power":
        return {"p": L.matrix_power(a, int(kw["n"]))}
    raise ValueError(name)


# (op, recipe, shift, shape, views, b shape)
CASES = [
    ("solve", "gen", 6, (4, 4), ("c", "t", "neg"), (4,)),
    ("solve", "gen", 6, (4, 4), ("c", "t"), (4, 3)),
    ("solve", "gen", 5, (2, 3, 3), ("c", "neg"), (3,)),
    ("solve", "gen", 5, (2, 3, 3), ("c",), (2, 3, 2)),
    ("solve", "gen", 5, (2, 3, 3), ("c",), (3, 1)),
    ("solve", "gen", 5, (3, 3), ("c",), (2, 3, 2)),
    ("inv", "gen", 7, (5, 5), ("c", "t", "neg"), None),
    ("inv", "gen", 5, (2, 2, 3, 3), ("c",), None),
    ("inv", "gen", 0, (0, 0), ("c",), None),
    ("det", "gen", 7, (5, 5), ("c", "t", "neg"), None),
    ("det", "gen", 4, (3, 2, 2), ("c",), None),
    ("det", "sing", 0, (3, 3), ("c",), None),
    ("det", "gen", 0, (0, 0), ("c",), None),
    ("slogdet", "gen", 7, (5, 5), ("c", "neg"), None),
    ("slogdet", "gen", -3, (2, 4, 4), ("c",), None),
    ("slogdet", "sing", 0, (3, 3), ("c",), None),
    ("norm", "gen", 0, (3, 4), ("c", "t"), None),
    ("norm ord=fro", "gen", 0, (3, 4), ("c",), None),
    ("norm ord=nuc", "gen", 0, (3, 4), ("c", "t"), None),
    ("norm ord=inf", "gen", 0, (3, 4), ("c",), None),
    ("norm ord=-inf", "gen", 0, (3, 4), ("c",), None),
    ("norm ord=1", "gen", 0, (3, 4), ("c", "neg"), None),
    ("norm ord=-1", "gen", 0, (3, 4), ("c",), None),
    ("norm ord=2", "gen", 0, (3, 4), ("c",), None),
    ("norm ord=-2", "gen", 0, (3, 4), ("c",), None),
    ("norm ord=2", "gen", 0, (7,), ("c",), None),
    ("norm ord=inf", "gen", 0, (7,), ("c",), None),
    ("norm ord=1", "gen", 0, (7,), ("c",), None),
    ("norm", "gen", 0, (2, 3, 4), ("c",), None),
    ("norm ord=0 axis=1", "gen", 0, (2, 3, 4), ("c",), None),
    ("norm ord=3 axis=-1", "gen", 0, (2, 3, 4), ("c",), None),
    ("norm ord=-1.5 axis=0", "gen", 0, (2, 3, 4), ("c",), None),
    ("norm ord=-inf axis=2", "gen", 0, (2, 3, 4), ("c",), None),
    ("norm ord=1 axis=2,0", "gen", 0, (2, 3, 4), ("c",), None),
    ("norm ord=inf axis=2,0 keepdims=1", "gen", 0, (2, 3, 4), ("c",), None),
    ("norm ord=2 axis=0,2", "gen", 0, (2, 3, 4), ("c",), None),
    ("norm ord=nuc axis=-1,-2", "gen", 0, (2, 3, 4), ("c",), None),
    ("norm ord=fro axis=1,2 keepdims=1", "gen", 0, (2, 3, 4), ("c",), None),
    ("norm keepdims=1", "gen", 0, (2, 3, 4), ("c",), None),
    ("qr", "gen", 3, (5, 3), ("c", "t", "neg"), None),
    ("qr", "gen", 3, (3, 5), ("c",), None),
    ("qr mode=complete", "gen", 3, (5, 3), ("c",), None),
    ("qr mode=complete", "gen", 3, (3, 5), ("c",), None),
    ("qr mode=r", "gen", 3, (5, 3), ("c",), None),
    ("qr", "gen", 3, (2, 4, 4), ("c",), None),
    ("svd", "gen", 3, (5, 3), ("c", "t", "neg"), None),
    ("svd full=0", "gen", 3, (5, 3), ("c",), None),
    ("svd", "gen", 3, (3, 5), ("c",), None),
    ("svd full=0", "gen", 3, (2, 3, 4), ("c",), None),
    ("svdvals", "gen", 3, (2, 4, 3), ("c",), None),
    ("eigh", "spd", 0, (5, 5), ("c", "neg"), None),
    ("eigh UPLO=U", "gen", 2, (4, 4), ("c",), None),
    ("eigh", "gen", 2, (4, 4), ("c", "t"), None),
    ("eigh", "spd", 0, (2, 3, 3), ("c",), None),
    ("eigvalsh", "spd", 0, (4, 4), ("c",), None),
    ("eigvalsh UPLO=U", "gen", 1, (2, 3, 3), ("c",), None),
    ("eig", "gen", 0, (4, 4), ("c", "t", "neg"), None),
    ("eig", "spd", 0, (4, 4), ("c",), None),
    ("eig", "gen", 1, (2, 3, 3), ("c",), None),
    ("cholesky", "spd", 0, (5, 5), ("c", "t"), None),
    ("cholesky upper=1", "spd", 0, (4, 4), ("c",), None),
    ("cholesky", "spd", 0, (2, 3, 3), ("c",), None),
    ("lstsq", "gen", 2, (6, 3), ("c", "t"), (6,)),
    ("lstsq", "gen", 2, (6, 3), ("c",), (6, 2)),
    ("lstsq", "gen", 2, (3, 5), ("c",), (3,)),
    ("lstsq", "sing", 0, (5, 4), ("c",), (5, 2)),
    ("lstsq rcond=0.1", "gen", 0, (6, 3), ("c",), (6,)),
    ("pinv", "gen", 2, (5, 3), ("c", "t"), None),
    ("pinv", "sing", 0, (4, 4), ("c",), None),
    ("pinv", "gen", 2, (2, 3, 4), ("c",), None),
    ("matrix_rank", "sing", 0, (5, 4), ("c",), None),
    ("matrix_rank", "gen", 3, (2, 4, 4), ("c",), None),
    ("matrix_rank", "gen", 0, (6,), ("c",), None),
    ("matrix_power n=5", "gen", 1, (3, 3), ("c", "t"), None),
    ("matrix_power n=0", "gen", 1, (2, 3, 3), ("c",), None),
    ("matrix_power n=-3", "gen", 4, (3, 3), ("c",), None),
]

lines = []
cid = 0
for op, recipe, shift, shape, views, bshape in CASES:
    for dtype in ("float64", "float32"):
        # pinv's default rcond (1e-15) keeps float32 rounding noise of a singular matrix:
        # an ill-posed result that differs between any two SVDs; float64 only there.
        if op == "pinv" and recipe == "sing" and dtype == "float32":
            continue
        for view in views:
            if view != "c" and len(shape) < 2:
                continue
            a = build(recipe, shape, shift, view, dtype)
            b = None if bshape is None else bvec(bshape, dtype)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                out = call(op, a, b)
            for name, r in out.items():
                r = np.asarray(r)
                if name not in ("rank",):
                    assert r.dtype == np.dtype(dtype), (op, name, r.dtype)
                lines.append(
                    f"{cid} | {op} | {dtype} | {recipe} | {shift} | {sh(shape)} | {view} | "
                    f"{'-' if bshape is None else sh(bshape)} | {name} | {sh(r.shape)} | {vals(r)}"
                )
            cid += 1
(OUT / "results.txt").write_text("\n".join(lines) + "\n")

# (op, recipe, shape, b shape); recipe "nan" is gen with a[..., 0, 0] = nan.
ERRORS = [
    ("solve", "sing", (3, 3), (3,)),
    ("solve", "gen", (3, 4), (3,)),
    ("solve", "gen", (3,), (3,)),
    ("solve", "gen", (3, 3), (4,)),
    ("solve", "gen", (3, 3), (4, 2)),
    ("solve", "gen", (2, 3, 3), (2, 3)),
    ("solve", "gen", (2, 3, 3), (4, 3, 1)),
    ("inv", "sing", (3, 3), None),
    ("inv", "gen", (2, 3), None),
    ("inv", "gen", (4,), None),
    ("det", "gen", (2, 3), None),
    ("det", "gen", (), None),
    ("cholesky", "sing", (3, 3), None),
    ("cholesky", "gen", (3, 2), None),
    ("eig", "nan", (3, 3), None),
    ("eig", "gen", (3, 2), None),
    ("eigh", "gen", (1,), None),
    ("svd", "nan", (3, 3), None),
    ("svd", "gen", (3,), None),
    ("norm ord=3", "gen", (2, 3), None),
    ("norm ord=fro axis=0", "gen", (2, 3), None),
    ("norm ord=nuc axis=1", "gen", (2, 3), None),
    ("norm axis=0,0", "gen", (2, 3), None),
    ("norm axis=2", "gen", (2, 3), None),
    ("norm axis=1,-3", "gen", (2, 3), None),
    ("norm ord=1", "gen", (2, 3, 4), None),
    ("norm ord=-inf axis=1", "gen", (2, 0), None),
    ("norm ord=-1", "gen", (3, 0), None),
    ("lstsq", "gen", (3, 2), (4,)),
    ("lstsq", "gen", (2, 3, 2), (3,)),
    ("lstsq", "gen", (3, 2), (3, 1, 1)),
    ("lstsq", "nan", (3, 2), (3,)),
    ("pinv", "gen", (3,), None),
    ("matrix_power n=2", "gen", (2, 3), None),
    ("matrix_power n=-1", "sing", (3, 3), None),
]
elines = []
for op, recipe, shape, bshape in ERRORS:
    if recipe == "nan":
        a = gen(shape, 5, "float64")
        a[..., 0, 0] = np.nan
    else:
        a = build(recipe, shape, 5 if len(shape) >= 2 else 0, "c", "float64")
    b = None if bshape is None else bvec(bshape, "float64")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            call(op, a, b)
    except Exception as e:  # noqa: BLE001 - the message is the golden
        kind = "LinAlgError" if isinstance(e, L.LinAlgError) else type(e).__name__
        elines.append(f"{op} | {recipe} | {sh(shape)} | {'-' if bshape is None else sh(bshape)} | {kind} | {e}")
    else:
        raise AssertionError(f"{op} {recipe} {shape} did not fail")
(OUT / "errors.txt").write_text("\n".join(elines) + "\n")
