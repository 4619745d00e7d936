//! SIMD kernels with run-time dispatch (in progress).
