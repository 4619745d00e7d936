//! `ndio`: memory maps, `.npy`, `fromfile`/`tofile`, the array interface and DLPack (to come).
