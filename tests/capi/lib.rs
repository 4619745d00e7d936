//! ndio's C ABI as a shared library (`libnd_capi.so`): every `nd_*` function of
//! [`ndio::capi`], exported under its own name, for other languages to load (the live
//! NumPy checks load it with `ctypes`).

pub use ndio::capi::*;
