"""Live checks of nd's memory sharing with NumPy itself (run by tests/share_numpy.rs).

Loads libnd_capi.so (ndio's C ABI, argv[1]) with ctypes and checks, with NumPy:
1. nd array -> NumPy through __array_interface__: np.asarray shares the memory; NumPy
   writes and nd reads the change, nd writes and NumPy reads it.
2. NumPy arrays (C order, transposed, negative steps, broadcast, empty, 0-d; every dtype;
   structured) -> their __array_interface__ -> nd arrays over the same memory: repr,
   shape, strides, typestr, descr and address equal; nd writes into NumPy's memory.
3. DLPack both ways: np.from_dlpack on an object whose __dlpack__ returns nd's capsule
   (versioned and legacy), and NumPy's own capsules imported by nd; every deleter runs
   exactly once (counted); read-only arrays keep their flag.
4. Bad interfaces and tensors give errors (never crashes), and a refused tensor stays its
   producer's.
Prints one line per group; any failure raises.
"""

import ast
import ctypes as c
import gc
import sys

import numpy as np

lib = c.CDLL(sys.argv[1])
api = c.pythonapi

VP = c.c_void_p
for name, res, args in [
    ("nd_last_error", c.c_char_p, []),
    ("nd_string_free", None, [VP]),
    ("nd_array_free", None, [VP]),
    ("nd_array_arange", VP, [c.c_char_p, c.POINTER(c.c_int64), c.c_int32, c.c_bool]),
    ("nd_array_repr", VP, [VP]),
    ("nd_array_interface", VP, [VP, c.c_bool]),
    ("nd_array_from_interface", VP, [c.c_char_p, VP, c.c_size_t]),
    ("nd_array_add", c.c_int32, [VP, c.c_double]),
    ("nd_array_to_dlpack_versioned", VP, [VP]),
    ("nd_array_to_dlpack", VP, [VP]),
    ("nd_array_from_dlpack_versioned", VP, [VP]),
    ("nd_array_from_dlpack", VP, [VP]),
    ("nd_dlpack_released", c.c_uint64, []),
]:
    f = getattr(lib, name)
    f.restype, f.argtypes = res, args

api.PyCapsule_New.restype = c.py_object
api.PyCapsule_New.argtypes = [VP, c.c_char_p, VP]
api.PyCapsule_GetPointer.restype = VP
api.PyCapsule_GetPointer.argtypes = [c.py_object, c.c_char_p]
api.PyCapsule_SetName.restype = c.c_int
api.PyCapsule_SetName.argtypes = [c.py_object, c.c_char_p]
api.PyCapsule_IsValid.restype = c.c_int
api.PyCapsule_IsValid.argtypes = [VP, c.c_char_p]
# For a capsule being destroyed: its address only, never a new reference to it.
capsule_pointer_raw = c.PYFUNCTYPE(VP, VP, c.c_char_p)(("PyCapsule_GetPointer", api))


class NdError(Exception):
    pass


def last_error():
    return lib.nd_last_error().decode()


def checked(ptr):
    if not ptr:
        raise NdError(last_error())
    return ptr


def take_str(ptr):
    s = c.string_at(checked(ptr)).decode()
    lib.nd_string_free(ptr)
    return s


def nd_repr(h):
    return take_str(lib.nd_array_repr(h))


def nd_interface(h, writable):
    return ast.literal_eval(take_str(lib.nd_array_interface(h, writable)))


def arange(typestr, shape, fortran=False):
    dims = (c.c_int64 * max(len(shape), 1))(*shape)
    return checked(lib.nd_array_arange(typestr.encode(), dims, len(shape), fortran))


def expect_error(ptr, *fragments):
    assert not ptr, "expected an error"
    e = last_error()
    for frag in fragments:
        assert frag in e, f"{frag!r} not in {e!r}"
    return e


class Exposed:
    """An object NumPy views through __array_interface__ (the paper's MutableString)."""

    def __init__(self, iface):
        self.__array_interface__ = iface


def numpy_values(typestr, shape, fortran):
    n = int(np.prod(shape, dtype=np.int64))
    dt = np.dtype(typestr)
    v = (np.arange(n) % 2 == 1) if dt.kind == "b" else np.arange(n).astype(dt)
    v = v.reshape(shape)
    return np.asfortranarray(v) if fortran and v.ndim else v


NUMERIC = ["|i1", "<i2", "<i4", "<i8", "|u1", "<u2", "<u4", "<u8", "<f4", "<f8"]


def nd_to_numpy():
    checked_cases = 0
    for typestr in ["|b1"] + NUMERIC:
        for shape in [(2, 3), (5,), (), (0, 3), (2, 3, 4)]:
            for fortran in (False, True):
                h = arange(typestr, shape, fortran)
                iface = nd_interface(h, True)
                assert iface["version"] == 3 and iface["typestr"] == typestr, iface
                a = np.asarray(Exposed(iface))
                want = numpy_values(typestr, shape, fortran)
                assert a.dtype == want.dtype and a.shape == want.shape, (a, want)
                assert np.array_equal(a, want), (a, want)
                assert a.flags.writeable
                assert a.__array_interface__["data"][0] == iface["data"][0], "not shared"
                assert a.__array_interface__["strides"] == iface["strides"]
                if a.ndim > 1 and a.size > 1:
                    assert a.flags.f_contiguous == fortran
                assert nd_repr(h) == repr(a), (nd_repr(h), repr(a))
                if a.size and typestr != "|b1":
                    # NumPy writes, nd reads.
                    np.add(a, 1, out=a, casting="unsafe")
                    assert nd_repr(h) == repr(a)
                    # nd writes, NumPy reads.
                    assert lib.nd_array_add(h, 2) == 0, last_error()
                    assert np.array_equal(a, (want + 3).astype(want.dtype)), (a, want)
                elif a.size:
                    np.logical_not(a, out=a)
                    assert nd_repr(h) == repr(a)
                # Read-only export: NumPy's array is read-only too.
                ro = np.asarray(Exposed(nd_interface(h, False)))
                assert not ro.flags.writeable
                assert np.array_equal(ro, a)
                del a, ro
                lib.nd_array_free(h)
                checked_cases += 1
    print(f"nd -> NumPy (__array_interface__): {checked_cases} arrays shared, written both ways")


PAPER_DT = np.dtype([("time", np.uint64), ("pos", [("x", float), ("y", float)])])


def sample_arrays():
    """(label, array) for every layout and element type."""
    for typestr in ["|b1", "<f2", "<c8", "<c16", ">i4", ">f8", "<U3", "|S2", "<M8[ns]",
                    "<m8[s]"] + NUMERIC:
        dt = np.dtype(typestr)
        base = np.arange(24).reshape(2, 3, 4)
        if dt.kind == "b":
            base = base % 3 == 0
        elif dt.kind in "US":
            base = base.astype(str).astype(dt)
        elif dt.kind in "Mm":
            base = base.astype(np.int64).view(dt)
        else:
            base = (base * 3 - 20).astype(dt)
        yield f"{typestr} C", base
        yield f"{typestr} T", base.T
        yield f"{typestr} neg", base[::-1, :, ::-2]
        yield f"{typestr} column", base[:, 1]
        yield f"{typestr} empty", base[:, :0]
        yield f"{typestr} 0-d", base[1, 2, 3, ...]
    yield "broadcast", np.broadcast_to(np.arange(3.0), (4, 3))
    x = np.zeros(3, PAPER_DT)
    x[1] = (1, (0.5, 2.5))
    x[2] = (2, (5.5, -1.0))
    yield "paper records", x
    yield "paper records, reversed", x[::-1]
    aligned = np.dtype([("a", "u1"), ("b", "<f8")], align=True)
    yield "aligned record", np.array([(1, 2.5), (3, -4.0)], aligned)
    yield "subarray field", np.array([(1, [1.5, 2.5])], [("a", "u1"), ("b", "<f8", (2,))])


def numpy_to_nd():
    n = 0
    for label, a in sample_arrays():
        iface = a.__array_interface__
        text = repr(iface).encode()
        h = checked(lib.nd_array_from_interface(text, None, 0))
        # The interface's descr cannot say `align=True`: nd reads the padding as padding,
        # the same record without the flag (NumPy's own np.asarray of this interface does
        # worse: the padding becomes a void field 'f1').
        want = repr(a).replace(", 'aligned': True", "")
        assert nd_repr(h) == want, (label, nd_repr(h), want)
        back = nd_interface(h, False)
        for key in ("shape", "strides", "typestr", "descr"):
            assert back[key] == iface[key], (label, key, back[key], iface[key])
        assert back["data"][0] == iface["data"][0], label
        # nd writes into NumPy's memory.
        if a.dtype.str in NUMERIC and a.flags.writeable and a.size:
            before = a.copy()
            assert lib.nd_array_add(h, 2) == 0, (label, last_error())
            assert np.array_equal(a, (before + 2).astype(a.dtype)), label
        lib.nd_array_free(h)
        n += 1
    # A read-only NumPy array stays read-only on nd's side.
    a = np.arange(6.0)
    a.flags.writeable = False
    h = checked(lib.nd_array_from_interface(repr(a.__array_interface__).encode(), None, 0))
    assert lib.nd_array_add(h, 1) == -1 and "read-only" in last_error(), last_error()
    assert nd_interface(h, False)["data"][1] is True
    lib.nd_array_free(h)
    print(f"NumPy -> nd (__array_interface__): {n} arrays seen in place, every dtype and layout")


# DLPack: DLManagedTensorVersioned has its deleter 16 bytes in, DLManagedTensor 56.
DELETER = c.CFUNCTYPE(None, VP)
NAMES = {b"dltensor_versioned": 16, b"dltensor": 56}


@c.CFUNCTYPE(None, VP)
def capsule_destructor(capsule):
    """Releases a capsule nobody consumed (its name still unused), as producers must."""
    for name, offset in NAMES.items():
        if api.PyCapsule_IsValid(capsule, name):
            ptr = capsule_pointer_raw(capsule, name)
            deleter = c.cast(ptr + offset, c.POINTER(VP))[0]
            if deleter:
                DELETER(deleter)(ptr)
            return


class NdTensor:
    """An object exposing an nd array through __dlpack__, as producers do."""

    def __init__(self, handle):
        self.handle = handle

    def __dlpack_device__(self):
        return (1, 0)

    def __dlpack__(self, *, stream=None, max_version=None, dl_device=None, copy=None):
        h, self.handle = self.handle, None
        if max_version is not None and max_version[0] >= 1:
            ptr, name = lib.nd_array_to_dlpack_versioned(h), b"dltensor_versioned"
        else:
            ptr, name = lib.nd_array_to_dlpack(h), b"dltensor"
        if not ptr:
            raise BufferError(last_error())
        return api.PyCapsule_New(ptr, name, c.cast(capsule_destructor, VP))


def released():
    gc.collect()
    return lib.nd_dlpack_released()


def dlpack_nd_to_numpy():
    n = 0
    for typestr in ["|b1"] + NUMERIC:
        for shape, fortran in [((2, 3), False), ((2, 3), True), ((4,), False), ((), False),
                               ((0, 2), False)]:
            h = arange(typestr, shape, fortran)
            address = nd_interface(h, False)["data"][0]
            before = released()
            b = np.from_dlpack(NdTensor(h))
            want = numpy_values(typestr, shape, fortran)
            assert b.dtype == want.dtype and np.array_equal(b, want), (b, want)
            assert b.flags.writeable
            if b.size:
                assert b.__array_interface__["data"][0] == address, "not shared"
            assert released() == before, "released while NumPy holds it"
            del b
            assert released() == before + 1, "the deleter did not run exactly once"
            n += 1
    # The legacy struct: a consumer asking for no version.
    h = arange("<f8", (3,))
    before = released()
    cap = NdTensor(h).__dlpack__()
    b = np.from_dlpack(type("Legacy", (), {"__dlpack__": lambda self, **kw: cap,
                                           "__dlpack_device__": lambda self: (1, 0)})())
    assert np.array_equal(b, [0.0, 1.0, 2.0])
    del b, cap
    assert released() == before + 1
    # A capsule nobody consumes is released by its destructor, once.
    cap = NdTensor(arange("<i8", (2,))).__dlpack__(max_version=(1, 0))
    del cap
    assert released() == before + 2
    # Read-only: NumPy memory made read-only, seen by nd, handed back through DLPack.
    a = np.arange(4.0)
    a.flags.writeable = False
    h = checked(lib.nd_array_from_interface(repr(a.__array_interface__).encode(), None, 0))
    b = np.from_dlpack(NdTensor(h))
    assert not b.flags.writeable and np.array_equal(a, b)
    assert b.__array_interface__["data"][0] == a.__array_interface__["data"][0]
    del b
    h = checked(lib.nd_array_from_interface(repr(a.__array_interface__).encode(), None, 0))
    try:
        np.from_dlpack(type("Legacy", (), {
            "__dlpack__": lambda self, **kw: NdTensor(h).__dlpack__(),
            "__dlpack_device__": lambda self: (1, 0)})())
        raise AssertionError("a read-only legacy export must fail")
    except BufferError as e:
        assert "readonly" in str(e) or "read-only" in str(e), e
    # Non-native byte order cannot travel through DLPack.
    big = np.arange(3, dtype=">f8")
    h = checked(lib.nd_array_from_interface(repr(big.__array_interface__).encode(), None, 0))
    try:
        NdTensor(h).__dlpack__(max_version=(1, 0))
        raise AssertionError("a big-endian export must fail")
    except BufferError as e:
        assert "byte order" in str(e), e
    print(f"nd -> NumPy (DLPack): {n + 1} tensors, deleters counted, read-only kept, "
          "legacy and unconsumed capsules released once")


def dlpack_numpy_to_nd():
    n = 0
    for label, a in sample_arrays():
        if a.dtype.kind not in "biufc" or not a.dtype.isnative:
            continue
        if not a.flags.writeable:
            continue
        for versioned in (True, False):
            cap = a.__dlpack__(max_version=(1, 0)) if versioned else a.__dlpack__()
            name = b"dltensor_versioned" if versioned else b"dltensor"
            ptr = api.PyCapsule_GetPointer(cap, name)
            refs = sys.getrefcount(a)
            importer = lib.nd_array_from_dlpack_versioned if versioned else lib.nd_array_from_dlpack
            h = checked(importer(ptr))
            api.PyCapsule_SetName(cap, b"used_" + name)
            del cap
            assert nd_repr(h) == repr(a), (label, nd_repr(h), repr(a))
            back = nd_interface(h, False)
            if a.size:
                assert back["data"][0] == a.__array_interface__["data"][0], label
            assert back["shape"] == a.shape and back["typestr"] == a.dtype.str, label
            if a.size > 1:
                want = a.__array_interface__["strides"]
                assert back["strides"] == want, (label, back["strides"], want)
            assert sys.getrefcount(a) == refs, "nd must hold NumPy's reference"
            lib.nd_array_free(h)
            assert sys.getrefcount(a) == refs - 1, "the deleter did not run exactly once"
            n += 1
    # Read-only NumPy arrays arrive read-only (the versioned flag).
    a = np.arange(5, dtype=np.int32)
    a.flags.writeable = False
    cap = a.__dlpack__(max_version=(1, 0))
    h = checked(lib.nd_array_from_dlpack_versioned(
        api.PyCapsule_GetPointer(cap, b"dltensor_versioned")))
    api.PyCapsule_SetName(cap, b"used_dltensor_versioned")
    assert lib.nd_array_add(h, 1) == -1 and "read-only" in last_error(), last_error()
    assert nd_interface(h, False)["data"][1] is True
    lib.nd_array_free(h)
    print(f"NumPy -> nd (DLPack): {n} capsules, versioned and legacy, deleters once")


class DLDevice(c.Structure):
    _fields_ = [("device_type", c.c_int32), ("device_id", c.c_int32)]


class DLDataType(c.Structure):
    _fields_ = [("code", c.c_uint8), ("bits", c.c_uint8), ("lanes", c.c_uint16)]


class DLTensor(c.Structure):
    _fields_ = [("data", VP), ("device", DLDevice), ("ndim", c.c_int32),
                ("dtype", DLDataType), ("shape", c.POINTER(c.c_int64)),
                ("strides", c.POINTER(c.c_int64)), ("byte_offset", c.c_uint64)]


class DLManagedTensorVersioned(c.Structure):
    _fields_ = [("major", c.c_uint32), ("minor", c.c_uint32), ("manager_ctx", VP),
                ("deleter", VP), ("flags", c.c_uint64), ("dl_tensor", DLTensor)]


DELETED = []


@c.CFUNCTYPE(None, VP)
def counting_deleter(ptr):
    DELETED.append(ptr)


def bad_inputs():
    buf = np.arange(8, dtype=np.float64)
    addr, nbytes = buf.__array_interface__["data"][0], buf.nbytes

    def iface(**kw):
        d = {"data": (addr, False), "strides": None, "typestr": "<f8", "shape": (8,),
             "version": 3}
        d.update(kw)
        return repr(d).encode()

    cases = [
        (iface(typestr="<x9"), ["not understood"]),
        (iface(typestr=3), ["typestr must be a string"]),
        (iface(shape=[8]), ["shape must be a tuple"]),
        (iface(shape=(-1,)), ["negative dimensions"]),
        (iface(strides=(8, 8)), ["mismatch in length of strides and shape"]),
        (iface(data=(0, False)), ["data is NULL but array contains data"]),
        (iface(data=(addr + 1, False), shape=(7,)), ["align"]),
        (iface(shape=(9,)), ["outside"]),
        (iface(strides=(-8,)), ["outside"]),
        (iface(data=(addr + 56, False), shape=(2, 4), strides=(-32, 8)), ["outside"]),
        (b"{'data': (1, False)", ["expected"]),
        (b"not a dict", ["must be a dict"]),
    ]
    for text, fragments in cases:
        expect_error(lib.nd_array_from_interface(text, addr, nbytes), *fragments)
    # What fits the buffer, negative and zero strides included, is accepted.
    for text in [iface(data=(addr + 56, False), strides=(-8,)),
                 iface(shape=(100,), strides=(0,)),
                 iface(data=(0, False), shape=(0,))]:
        lib.nd_array_free(checked(lib.nd_array_from_interface(text, addr, nbytes)))

    # Tensors nd cannot take: a clear error, and the producer keeps ownership.
    shape = (c.c_int64 * 1)(8)

    def tensor(device=1, code=2, bits=64, lanes=1, ndim=1, data=addr, major=1, flags=0):
        t = DLManagedTensorVersioned(major, 0, None, c.cast(counting_deleter, VP), flags,
                                     DLTensor(data, DLDevice(device, 0), ndim,
                                              DLDataType(code, bits, lanes), shape, None, 0))
        return t

    bad = [
        (dict(device=2), "device"),
        (dict(lanes=2), "lanes"),
        (dict(code=6, bits=16), "bool"),
        (dict(code=4, bits=16), "dtype"),
        (dict(code=9), "dtype"),
        (dict(ndim=65), "64"),
        (dict(ndim=-1), ""),
        (dict(data=None), "NULL"),
        (dict(major=2), "version"),
    ]
    for kw, frag in bad:
        t = tensor(**kw)
        e = expect_error(lib.nd_array_from_dlpack_versioned(c.addressof(t)))
        assert frag.lower() in e.lower(), (kw, e)
    assert not DELETED, "a refused tensor's deleter must not run"
    expect_error(lib.nd_array_from_dlpack_versioned(None), "null")
    # A good hand-made tensor: its deleter runs once, when nd lets go.
    t = tensor()
    h = checked(lib.nd_array_from_dlpack_versioned(c.addressof(t)))
    assert nd_repr(h) == repr(buf)
    assert not DELETED
    lib.nd_array_free(h)
    assert DELETED == [c.addressof(t)], DELETED
    print(f"bad input: {len(cases)} interfaces and {len(bad) + 1} tensors refused with "
          "errors, producers' deleters untouched")


nd_to_numpy()
numpy_to_nd()
dlpack_nd_to_numpy()
dlpack_numpy_to_nd()
bad_inputs()
print(f"numpy {np.__version__}: all sharing checks passed")
