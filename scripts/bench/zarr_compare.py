"""zarr-python's and Dask's side of ndio's Zarr benchmark (ndio/examples/zarr_bench.rs).

  python zarr_compare.py DIR ROWS COLS CHUNK_ROWS CHUNK_COLS GRID

1. The paper's grid R = sqrt(i**2 + j**2 + k**2), i, j, k = -GRID/2 ... GRID/2-1, computed
   by dask.array in chunks of 100**3 and written to a store (`to_zarr`), then summed from
   the store (`from_zarr(..).sum()`); once each, with the process's peak memory after.
2. A float64 store of ROWS x COLS (values ((i * 7919) % 10007) * 0.5, the same as nd's
   side) in chunks of CHUNK_ROWS x CHUNK_COLS with zarr-python's default codec (zstd level
   0), written and read by zarr-python, summed and written by Dask; the best of 3.

Both on one thread and on every core. Prints one line per figure: `name value` (seconds,
bytes or a sum), as nd's side (ndio/examples/zarr_bench.rs) does.
"""

import os
import shutil
import sys
import time
import warnings

import numpy as np
import zarr


def best(f, repeat=3):
    t = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        f()
        t = min(t, time.perf_counter() - t0)
    return t


def grid(root, n, cores):
    import dask
    import dask.array as da

    # Broadcasting i, j and k multiplies their chunks: what the grid is, not a mistake.
    warnings.filterwarnings("ignore", message="Increasing number of chunks")
    path = os.path.join(root, "py_grid")
    chunk = min(n, 100)
    half = n // 2
    total = None

    def write():
        shutil.rmtree(path, ignore_errors=True)
        i = da.arange(-half, n - half, chunks=chunk, dtype=np.int64)
        r = da.sqrt(i[:, None, None] ** 2 + i[None, :, None] ** 2 + i[None, None, :] ** 2)
        r.to_zarr(path)

    def summed():
        nonlocal total
        total = float(da.from_zarr(path).sum().compute())

    for threads in sorted({1, cores}):
        with dask.config.set(scheduler="threads", num_workers=threads):
            print(f"dask_grid_write_{threads}t {best(write, 1)!r}", flush=True)
            print(f"dask_grid_sum_{threads}t {best(summed, 1)!r}", flush=True)
    print(f"dask_grid_sum_value {total!r}")
    # VmHWM, this process's own peak: ru_maxrss would carry the peak of the process that
    # started this one (Linux keeps it across fork and exec).
    with open("/proc/self/status") as f:
        hwm = [line.split()[1] for line in f if line.startswith("VmHWM:")]
    if hwm:
        print(f"dask_grid_peak_bytes {int(hwm[0]) * 1024}")
    shutil.rmtree(path, ignore_errors=True)


def main():
    root = sys.argv[1]
    rows, cols, crows, ccols, n = map(int, sys.argv[2:7])
    cores = os.cpu_count() or 1
    # The grid first, before the 1 GiB array below raises the process's peak memory.
    grid(root, n, cores)
    x = ((np.arange(rows * cols, dtype=np.int64) * 7919) % 10007).astype(np.float64) * 0.5
    x = x.reshape(rows, cols)
    path = os.path.join(root, "py")

    def write():
        shutil.rmtree(path, ignore_errors=True)
        z = zarr.create_array(store=path, shape=x.shape, chunks=(crows, ccols), dtype="f8")
        z[...] = x

    def read():
        z = zarr.open_array(store=path, mode="r")
        return z[...]

    import dask
    import dask.array as da

    def dask_sum():
        return da.from_zarr(path).sum().compute()

    def dask_write():
        shutil.rmtree(path + "_dask", ignore_errors=True)
        da.from_array(x, chunks=(crows, ccols)).to_zarr(path + "_dask")

    for threads in sorted({1, cores}):
        zarr.config.set({"threading.max_workers": threads, "async.concurrency": threads})
        print(f"zarr_python_write_{threads}t {best(write)!r}", flush=True)
        got = read()
        assert np.array_equal(got, x)
        print(f"zarr_python_read_{threads}t {best(read)!r}", flush=True)
        with dask.config.set(scheduler="threads", num_workers=threads):
            total = dask_sum()
            assert total == x.sum(dtype=np.float64) or abs(total - x.sum()) < 1e-6 * abs(total)
            print(f"dask_read_sum_{threads}t {best(dask_sum)!r}", flush=True)
            print(f"dask_write_{threads}t {best(dask_write)!r}", flush=True)
    shutil.rmtree(path, ignore_errors=True)
    shutil.rmtree(path + "_dask", ignore_errors=True)


if __name__ == "__main__":
    main()
