//! Broadcasting with NumPy's rules (in progress).
