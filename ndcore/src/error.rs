//! The one error type of nd, with messages that read like NumPy's.

use std::fmt;

/// Formats a shape as NumPy prints a tuple: `()`, `(3,)`, `(2,3)`.
///
/// NumPy's error messages print shapes without spaces (`(2,3)`), so this does too.
pub fn shape_str(shape: &[usize]) -> String {
    match shape {
        [] => "()".to_string(),
        [n] => format!("({n},)"),
        _ => {
            let parts: Vec<String> = shape.iter().map(|n| n.to_string()).collect();
            format!("({})", parts.join(","))
        }
    }
}

/// Everything that can go wrong with an array operation a user asked for.
///
/// Each variant carries the shapes and values involved; `Display` reads like NumPy's message
/// for the same mistake.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A reshape to a shape with another number of elements.
    ReshapeSize {
        /// Number of elements of the array.
        size: usize,
        /// The requested shape.
        shape: Vec<usize>,
    },
    /// A reshape that would need a copy of the data (the layout does not allow a view).
    ReshapeCopy {
        /// Shape of the array.
        from: Vec<usize>,
        /// Byte strides of the array.
        strides: Vec<isize>,
        /// The requested shape.
        to: Vec<usize>,
    },
    /// An integer index outside its axis.
    IndexOutOfBounds {
        /// The index as the user gave it (may be negative).
        index: isize,
        /// The axis it indexes.
        axis: usize,
        /// The length of that axis.
        size: usize,
    },
    /// More indices than the array has axes.
    TooManyIndices {
        /// Number of axes of the array.
        ndim: usize,
        /// Number of indices given.
        got: usize,
    },
    /// An axis number outside `0..ndim`.
    AxisOutOfBounds {
        /// The axis as given (may be negative).
        axis: isize,
        /// Number of axes of the array.
        ndim: usize,
    },
    /// A rank that does not match the rank the operation needs.
    RankMismatch {
        /// The rank required.
        expected: usize,
        /// The rank found.
        got: usize,
    },
    /// Operands whose shapes do not broadcast together.
    Broadcast {
        /// The shapes of the operands, in order.
        shapes: Vec<Vec<usize>>,
    },
    /// An array that cannot be broadcast to a requested shape.
    BroadcastTo {
        /// Shape of the array.
        from: Vec<usize>,
        /// The requested shape.
        to: Vec<usize>,
    },
    /// An output operand (NumPy's `out=`, or the left side of `+=`) whose shape is not
    /// the shape its inputs broadcast to.
    OutputShape {
        /// Shape of the output.
        out: Vec<usize>,
        /// The shape the operands broadcast to.
        broadcast: Vec<usize>,
    },
    /// A source that cannot be assigned into a destination because it does not broadcast
    /// to its shape (`a[...] = b`).
    BroadcastInput {
        /// Shape of the source, without the leading length-1 axes NumPy strips.
        from: Vec<usize>,
        /// Shape of the destination.
        into: Vec<usize>,
    },
    /// Shapes that must be equal and are not.
    ShapeMismatch {
        /// What was being done (`"assign"`, `"zip"`, …).
        op: &'static str,
        /// The left shape.
        lhs: Vec<usize>,
        /// The right shape.
        rhs: Vec<usize>,
    },
    /// A shape whose number of elements or bytes overflows `usize`/`isize`.
    Overflow {
        /// The shape involved.
        shape: Vec<usize>,
    },
    /// Memory the allocator refused for a new array (NumPy's `MemoryError`).
    Alloc {
        /// The shape of the array.
        shape: Vec<usize>,
        /// NumPy's name of its data type (`float64`).
        dtype: String,
        /// Bytes per element.
        itemsize: usize,
    },
    /// A shape and strides that reach memory outside the allocation.
    OutOfAllocation {
        /// The shape.
        shape: Vec<usize>,
        /// The byte strides.
        strides: Vec<isize>,
        /// Size of the allocation in bytes.
        len: usize,
    },
    /// Memory that is not aligned for the element type.
    Misaligned {
        /// The required alignment in bytes.
        align: usize,
        /// What was misaligned.
        what: String,
    },
    /// A strided view whose elements would overlap where a mutable view needs them apart.
    Overlap {
        /// The shape.
        shape: Vec<usize>,
        /// The byte strides.
        strides: Vec<isize>,
    },
    /// A data-type string that NumPy would not understand either.
    DType {
        /// The text that failed to parse.
        text: String,
        /// Why.
        why: String,
    },
    /// A value outside what the operation accepts (`step` of zero, bad bytes for `bool`, …).
    Value(String),
}

/// The result of fallible array operations.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::ReshapeSize { size, shape } => {
                write!(
                    f,
                    "cannot reshape array of size {size} into shape {}",
                    shape_str(shape)
                )
            }
            Error::ReshapeCopy { from, strides, to } => write!(
                f,
                "cannot reshape array of shape {} with strides {} into shape {} without copying; \
                 use `to_shape`, which copies",
                shape_str(from),
                strides_str(strides),
                shape_str(to)
            ),
            Error::IndexOutOfBounds { index, axis, size } => {
                write!(
                    f,
                    "index {index} is out of bounds for axis {axis} with size {size}"
                )
            }
            Error::TooManyIndices { ndim, got } => write!(
                f,
                "too many indices for array: array is {ndim}-dimensional, but {got} were indexed"
            ),
            Error::AxisOutOfBounds { axis, ndim } => {
                write!(
                    f,
                    "axis {axis} is out of bounds for array of dimension {ndim}"
                )
            }
            Error::RankMismatch { expected, got } => write!(
                f,
                "array has {got} dimension(s) where {expected} were expected"
            ),
            Error::Broadcast { shapes } => {
                // NumPy leaves a space after every shape, the last one too.
                write!(f, "operands could not be broadcast together with shapes ")?;
                for s in shapes {
                    write!(f, "{} ", shape_str(s))?;
                }
                Ok(())
            }
            Error::BroadcastTo { from, to } => {
                if to.is_empty() && !from.is_empty() {
                    write!(f, "cannot broadcast a non-scalar to a scalar array")
                } else if from.len() > to.len() {
                    write!(
                        f,
                        "input operand has more dimensions than allowed by the axis remapping"
                    )
                } else {
                    write!(
                        f,
                        "operands could not be broadcast together with remapped shapes \
                         [original->remapped]: {}  and requested shape {}",
                        shape_str(from),
                        shape_str(to)
                    )
                }
            }
            Error::OutputShape { out, broadcast } => write!(
                f,
                "non-broadcastable output operand with shape {} doesn't match the broadcast \
                 shape {}",
                shape_str(out),
                shape_str(broadcast)
            ),
            Error::BroadcastInput { from, into } => write!(
                f,
                "could not broadcast input array from shape {} into shape {}",
                shape_str(from),
                shape_str(into)
            ),
            Error::ShapeMismatch { op, lhs, rhs } => write!(
                f,
                "{op}: shapes {} and {} do not match",
                shape_str(lhs),
                shape_str(rhs)
            ),
            // NumPy's text; the shape is in the variant for callers that want it.
            Error::Overflow { .. } => f.write_str(
                "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum \
                 possible size.",
            ),
            Error::Alloc {
                shape,
                dtype,
                itemsize,
            } => {
                let bytes = shape.iter().fold(*itemsize as u128, |b, &n| b * n as u128);
                write!(
                    f,
                    "Unable to allocate {} for an array with shape {} and data type {dtype}",
                    size_to_string(bytes),
                    tuple_str(shape)
                )
            }
            Error::OutOfAllocation {
                shape,
                strides,
                len,
            } => write!(
                f,
                "shape {} with strides {} reaches memory outside the allocation of {len} bytes",
                shape_str(shape),
                strides_str(strides)
            ),
            Error::Misaligned { align, what } => {
                write!(f, "{what} is not aligned to {align} bytes")
            }
            Error::Overlap { shape, strides } => write!(
                f,
                "shape {} with strides {} makes elements overlap; a mutable view needs them apart",
                shape_str(shape),
                strides_str(strides)
            ),
            Error::DType { text, why } => {
                write!(f, "data type '{text}' not understood")?;
                if !why.is_empty() {
                    write!(f, " ({why})")?;
                }
                Ok(())
            }
            Error::Value(msg) => f.write_str(msg),
        }
    }
}

/// A shape as Python prints a tuple: `()`, `(3,)`, `(2, 3)` (NumPy's `MemoryError` shows
/// the shape this way).
fn tuple_str(shape: &[usize]) -> String {
    match shape {
        [n] => format!("({n},)"),
        _ => {
            let parts: Vec<String> = shape.iter().map(|n| n.to_string()).collect();
            format!("({})", parts.join(", "))
        }
    }
}

/// A byte count as NumPy's `MemoryError` gives it: binary units, three significant
/// digits (`4.00 EiB`, `24.0 TiB`, `256. PiB`), whole bytes below 1 KiB.
fn size_to_string(bytes: u128) -> String {
    const UNITS: [&str; 7] = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    let bits = 128 - bytes.leading_zeros() as usize;
    let mut unit = bits.saturating_sub(1).max(1) / 10;
    let mut n = bytes as f64 / (1u128 << (10 * unit)) as f64;
    if round_half_even(n) == 1024.0 {
        unit += 1;
        n /= 1024.0;
    }
    if unit >= UNITS.len() {
        n *= (1u128 << (10 * (unit - (UNITS.len() - 1)))) as f64;
        unit = UNITS.len() - 1;
    }
    let name = UNITS[unit];
    if unit == 0 {
        return format!("{n:.0} {name}");
    }
    if round_half_even(n) >= 1000.0 {
        return format!("{n:.0}. {name}");
    }
    // Python's `{:#.3g}`: three significant digits, trailing zeros and the point kept.
    for decimals in [2usize, 1, 0] {
        let text = format!("{n:.decimals$}");
        let whole = text.split('.').next().map_or(0, str::len);
        if whole + decimals == 3 {
            return if decimals == 0 {
                format!("{text}. {name}")
            } else {
                format!("{text} {name}")
            };
        }
    }
    format!("{n:.0}. {name}")
}

fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (r - x).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        r
    }
}

fn strides_str(strides: &[isize]) -> String {
    match strides {
        [] => "()".to_string(),
        [n] => format!("({n},)"),
        _ => {
            let parts: Vec<String> = strides.iter().map(|n| n.to_string()).collect();
            format!("({})", parts.join(","))
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_read_like_numpy() {
        let e = Error::ReshapeSize {
            size: 9,
            shape: vec![4, 2],
        };
        assert_eq!(
            e.to_string(),
            "cannot reshape array of size 9 into shape (4,2)"
        );
        let e = Error::Broadcast {
            shapes: vec![vec![2, 3], vec![4]],
        };
        assert_eq!(
            e.to_string(),
            "operands could not be broadcast together with shapes (2,3) (4,) "
        );
        let e = Error::IndexOutOfBounds {
            index: 3,
            axis: 0,
            size: 3,
        };
        assert_eq!(
            e.to_string(),
            "index 3 is out of bounds for axis 0 with size 3"
        );
        assert_eq!(shape_str(&[]), "()");
    }

    #[test]
    fn memory_errors_read_like_numpy() {
        let e = |shape: &[usize], itemsize| {
            Error::Alloc {
                shape: shape.to_vec(),
                dtype: "float64".into(),
                itemsize,
            }
            .to_string()
        };
        // Each text is what NumPy 2.4 printed for `np.empty(shape)`.
        assert_eq!(
            e(&[1 << 59], 8),
            "Unable to allocate 4.00 EiB for an array with shape (576460752303423488,) and data type float64"
        );
        assert_eq!(
            e(&[1 << 40, 3], 8),
            "Unable to allocate 24.0 TiB for an array with shape (1099511627776, 3) and data type float64"
        );
        assert_eq!(
            e(&[1 << 55], 8),
            "Unable to allocate 256. PiB for an array with shape (36028797018963968,) and data type float64"
        );
        assert_eq!(size_to_string(1000), "1000 bytes");
        assert_eq!(size_to_string(1023 * 1024 + 1000), "1.00 MiB");
        assert_eq!(size_to_string(1 << 70), "1024. EiB");
        assert_eq!(size_to_string(99_990), "97.6 KiB");
        assert_eq!(size_to_string(1024 * 1023), "1023. KiB");
        assert_eq!(size_to_string(10230), "9.99 KiB");
        assert_eq!(size_to_string(10235), "10.0 KiB");
    }
}
