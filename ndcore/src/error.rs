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
            Error::Overflow { shape } => write!(
                f,
                "array is too big; the size of shape {} overflows the address space",
                shape_str(shape)
            ),
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
}
