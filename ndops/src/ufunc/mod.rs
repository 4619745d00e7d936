//! Universal functions with NumPy's names (in progress).
