"""Cross-checks of ndio::zarr against zarr-python and Dask (run by ndio/tests/zarr.rs).

  python zarr_check.py write DIR    zarr-python writes stores into DIR (v3 and v2, several
                                    dtypes, chunkings and codecs), each with NAME.npy, the
                                    values nd must read.
  python zarr_check.py check DIR    reads every store nd wrote into DIR (listed in
                                    DIR/manifest.json) and compares it with the .npy nd
                                    saved beside it: dtype, shape, values, attributes.
  python zarr_check.py dask DIR NAME
                                    sums the store DIR/NAME with dask.array on a local
                                    distributed cluster (2 workers on 127.0.0.1) and prints
                                    the sum and the sum of sqrt(|x|) + 1 with repr().
"""

import json
import os
import sys

import numpy as np
import zarr
from zarr.codecs import BloscCodec, GzipCodec, ZstdCodec


def values(shape, dtype, seed):
    rng = np.random.default_rng(seed)
    if dtype == np.bool_:
        return rng.integers(0, 2, size=shape).astype(bool)
    if np.issubdtype(dtype, np.integer):
        info = np.iinfo(dtype)
        return rng.integers(info.min, info.max, size=shape, dtype=dtype, endpoint=True)
    return (rng.standard_normal(shape) * 1e3).astype(dtype)


def write(root):
    cases = []

    def v3(name, shape, chunks, dtype, seed, **kw):
        data = values(shape, np.dtype(dtype), seed)
        z = zarr.create_array(
            store=root, name=name, shape=shape, chunks=chunks, dtype=dtype, **kw
        )
        z[...] = data
        np.save(os.path.join(root, name + ".npy"), data)
        cases.append(name)

    v3("f8_zstd", (23, 17), (7, 5), "f8", 1)
    v3("i4_gzip", (6, 9, 4), (4, 4, 3), "i4", 2, compressors=[GzipCodec(level=6)])
    v3("u1_blosc", (1000,), (128,), "u1", 3,
       compressors=[BloscCodec(cname="lz4", clevel=5, shuffle="shuffle")])
    v3("b1_raw", (10, 10), (3, 4), "bool", 4, compressors=None)
    v3("f4_sharded", (40, 30), (5, 5), "f4", 5, shards=(20, 15))
    v3("i2_attrs", (5, 6), (5, 6), "i2", 6, attributes={"units": "m", "scale": 2.5},
       dimension_names=["y", "x"])
    v3("u8_blosc_zstd", (33,), (10,), "u8", 7,
       compressors=[BloscCodec(cname="zstd", clevel=3, shuffle="bitshuffle")])
    v3("i8_zero", (0, 4), (2, 2), "i8", 8)
    v3("grp/inner/f8", (8, 8), (3, 3), "f8", 9, compressors=[ZstdCodec(level=9)])

    # Partly written, with a fill value: unwritten chunks are the fill value.
    z = zarr.create_array(store=root, name="i8_fill", shape=(10, 10), chunks=(4, 4),
                          dtype="i8", fill_value=-7)
    z[:3, :5] = np.arange(15).reshape(3, 5)
    np.save(os.path.join(root, "i8_fill.npy"), z[...])
    cases.append("i8_fill")

    # Zarr v2 (zarr-python 2, older Dask): C and F order, blosc and no compressor.
    for name, dtype, order, seed in [("v2_f8", "f8", "C", 10), ("v2_i4_f", "i4", "F", 11)]:
        data = values((13, 7), np.dtype(dtype), seed)
        z = zarr.create_array(store=root, name=name, shape=data.shape, chunks=(5, 3),
                              dtype=dtype, zarr_format=2, order=order)
        z[...] = data
        np.save(os.path.join(root, name + ".npy"), data)
        cases.append(name)

    g = zarr.open_group(store=root, path="grp", mode="a")
    g.attrs["title"] = "nested"
    json.dump(cases, open(os.path.join(root, "manifest.json"), "w"))
    print(len(cases))


def check(root):
    names = json.load(open(os.path.join(root, "manifest.json")))
    for name in names:
        z = zarr.open_array(store=root, path=name, mode="r")
        want = np.load(os.path.join(root, name + ".npy"))
        got = z[...]
        assert got.dtype == want.dtype, (name, got.dtype, want.dtype)
        assert got.shape == want.shape, (name, got.shape, want.shape)
        assert np.array_equal(got, want, equal_nan=got.dtype.kind == "f"), name
        meta = os.path.join(root, name + ".attrs.json")
        if os.path.exists(meta):
            assert dict(z.attrs) == json.load(open(meta)), (name, dict(z.attrs))
    print("ok", len(names))


def dask_sum(root, name):
    import dask.array as da
    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1",
                      dashboard_address=None, processes=True) as cluster, Client(cluster):
        x = da.from_zarr(os.path.join(root, name))
        total, fused = da.compute(x.sum(), (da.sqrt(abs(x)) + 1.0).sum())
    print(repr(float(total)), repr(float(fused)))


if __name__ == "__main__":
    mode, root = sys.argv[1], sys.argv[2]
    if mode == "write":
        write(root)
    elif mode == "check":
        check(root)
    elif mode == "dask":
        dask_sum(root, sys.argv[3])
    else:
        sys.exit(f"unknown mode {mode}")
