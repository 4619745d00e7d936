"""Goldens for memory maps (tests/goldens/memmap/): the paper's In [50]-[56].

`paper_52.repr.txt` is `repr(a)` of the paper's 300x300 int64 memmap after
`a.flat = np.arange(300 * 300)` (In [52], as NumPy 2 prints it); `paper_56.repr.txt` is
`repr(b)` after `b[100, :] *= 2` on the file reopened with mode='r+' (In [55]).
The Rust test (tests/paper_memmap.rs) does the same with ndio and compares.
"""

import pathlib
import shutil
import tempfile

import numpy as np

OUT = pathlib.Path("tests/goldens/memmap")
shutil.rmtree(OUT, ignore_errors=True)
OUT.mkdir(parents=True)

with tempfile.TemporaryDirectory() as tmp:
    path = pathlib.Path(tmp) / "myarray.memmap"
    a = np.memmap(path, mode="w+", shape=(300, 300), dtype=np.int64)
    a.flat = np.arange(300 * 300)
    (OUT / "paper_52.repr.txt").write_text(repr(a) + "\n")
    a.flush()
    del a
    b = np.memmap(path, mode="r+", shape=(300, 300), dtype=np.int64)
    b[100, :] *= 2
    b.flush()
    (OUT / "paper_56.repr.txt").write_text(repr(b) + "\n")
    (OUT / "paper_56.row100.txt").write_text(repr(b[100, :5]) + "\n")
