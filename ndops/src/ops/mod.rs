//! Arithmetic operators on arrays, views and scalars (in progress).
