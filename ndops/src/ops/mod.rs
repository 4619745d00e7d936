//! The arithmetic operators, and NumPy's semantics for them.
//!
//! `+ - * / % & | ^ << >>`, unary `-` and `!`, and the compound forms (`+=` …) work on
//! every pairing of owned arrays, views, references to either, `&ArrayRef`, and scalars of
//! the element type on either side:
//!
//! ```
//! use ndcore::prelude::*;
//! let x = arange(4.0f64);
//! let v = x.view();
//! let y = &v + &x;          // view + reference
//! let z = 3.0 * &x - y;     // scalar on the left; `y` is owned: its buffer is reused
//! assert_eq!(z.to_vec(), vec![0.0, 1.0, 2.0, 3.0]);
//! let m = arange(6.0f64).into_shape([2, 3]).unwrap();
//! let b = &m + &arange(3.0f64);   // broadcasting: (2,3) with (3,)
//! assert_eq!(b.shape(), &[2, 3]);
//! let mut w = m.clone();
//! w += &arange(3.0f64);         // the right side broadcasts into the left
//! assert_eq!(w, b);
//! ```
//!
//! They are implemented in ndcore (`ndcore::ops`), because Rust lets only the crate that
//! defines `ArrayBase` implement `std::ops` for it; this module holds the documentation,
//! the element traits and the fallible named forms (`ndops::add`, `ndops::remainder`, …,
//! generated with the other ufuncs in [`crate::ufunc`]).
//!
//! # Temporaries
//! An owned array passed by value whose shape is the result's lends its buffer to the
//! result, so `&x * &x - 3.0 * &x + 4.0` allocates two arrays, not four (NumPy elides
//! temporaries by checking reference counts at run time; here the type system knows).
//!
//! # Where NumPy's semantics differ from Rust's
//! - Integers wrap on overflow (Rust panics in debug builds).
//! - Integer `/` is floor division (NumPy's `//`, [`crate::floor_divide`]): `-7 / 2 ==
//!   -4`, where Rust's `i64` division gives -3. NumPy's `/` on integers returns floats;
//!   cast first (`x.cast::<f64>()`) for that.
//! - `%` is NumPy's `remainder`: it has the divisor's sign (`-7 % 2 == 1`, also for floats:
//!   `-7.0 % 2.0 == 1.0`), where Rust's `%` has the dividend's sign (NumPy's
//!   [`crate::fmod`]).
//! - Integer `/` and `%` by zero give 0 (NumPy warns; Rust panics); `MIN / -1 == MIN`.
//! - Shifts by the bit width or more, or by a negative amount, give 0 (or -1 for `>>` of a
//!   negative value), as NumPy defines them; Rust panics in debug builds.
//! - `-` is not defined on `bool` arrays (NumPy raises the same way); use `!`.
//! - Both operands have one element type (no mixed-type promotion); a scalar has the
//!   array's type, which Rust infers for literals (`2 * &n` for an `i64` array).
//! - Operators panic when shapes do not broadcast (with NumPy's message), as indexing out
//!   of bounds panics; the named functions return the error.

pub use ndcore::ops::{Arith, Bitwise, Operand, Shift, elem};
