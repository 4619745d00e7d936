//! `LinAlgError`: what numpy.linalg raises, with NumPy's messages.

use std::fmt;

/// An error of a `numpy.linalg` function: NumPy's `LinAlgError` cases with NumPy's texts,
/// and the `ValueError`s/`AxisError`s of bad arguments as an [`ndcore::Error`].
///
/// `Display` prints NumPy's message; [`LinAlgError::is_linalg_error`] tells which Python
/// exception class NumPy raises.
///
/// ```
/// use ndlinalg::linalg::LinAlgError;
/// assert_eq!(LinAlgError::Singular.to_string(), "Singular matrix");
/// assert_eq!(
///     LinAlgError::TooFewDims { ndim: 1 }.to_string(),
///     "1-dimensional array given. Array must be at least two-dimensional"
/// );
/// assert!(LinAlgError::NotSquare.is_linalg_error());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum LinAlgError {
    /// `Singular matrix`: an exactly zero LU pivot in `solve`, `inv`, `matrix_power`.
    Singular,
    /// `Matrix is not positive definite` (`cholesky`).
    NotPositiveDefinite,
    /// `Last 2 dimensions of the array must be square`.
    NotSquare,
    /// `%d-dimensional array given. Array must be at least two-dimensional`.
    TooFewDims {
        /// The rank given.
        ndim: usize,
    },
    /// `%d-dimensional array given. Array must be two-dimensional` (`lstsq`).
    NotTwoDims {
        /// The rank given.
        ndim: usize,
    },
    /// `SVD did not converge` (also for NaN input, as LAPACK reports it).
    SvdNoConvergence,
    /// `SVD did not converge in Linear Least Squares` (`lstsq`, also for NaN or infinite
    /// `a`).
    LstsqNoConvergence,
    /// `Eigenvalues did not converge`.
    EigNoConvergence,
    /// `Array must not contain infs or NaNs` (`eig`, `eigvals`).
    NonFinite,
    /// `Incompatible dimensions` (`lstsq` with `b` of another row count).
    IncompatibleDimensions,
    /// A `ValueError`/`AxisError` of the arguments (shape mismatch, bad `ord`, bad axis).
    Array(ndcore::Error),
}

impl LinAlgError {
    /// Whether NumPy raises this as `numpy.linalg.LinAlgError` (else `ValueError` or
    /// `AxisError`, the [`LinAlgError::Array`] case).
    ///
    /// ```
    /// use ndlinalg::linalg::LinAlgError;
    /// let e: LinAlgError = ndcore::Error::Value("Duplicate axes given.".into()).into();
    /// assert!(!e.is_linalg_error());
    /// ```
    pub fn is_linalg_error(&self) -> bool {
        !matches!(self, LinAlgError::Array(_))
    }

    /// A `ValueError` with this message.
    pub(crate) fn value(msg: impl Into<String>) -> Self {
        LinAlgError::Array(ndcore::Error::Value(msg.into()))
    }
}

impl fmt::Display for LinAlgError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinAlgError::Singular => f.write_str("Singular matrix"),
            LinAlgError::NotPositiveDefinite => f.write_str("Matrix is not positive definite"),
            LinAlgError::NotSquare => f.write_str("Last 2 dimensions of the array must be square"),
            LinAlgError::TooFewDims { ndim } => write!(
                f,
                "{ndim}-dimensional array given. Array must be at least two-dimensional"
            ),
            LinAlgError::NotTwoDims { ndim } => {
                write!(
                    f,
                    "{ndim}-dimensional array given. Array must be two-dimensional"
                )
            }
            LinAlgError::SvdNoConvergence => f.write_str("SVD did not converge"),
            LinAlgError::LstsqNoConvergence => {
                f.write_str("SVD did not converge in Linear Least Squares")
            }
            LinAlgError::EigNoConvergence => f.write_str("Eigenvalues did not converge"),
            LinAlgError::NonFinite => f.write_str("Array must not contain infs or NaNs"),
            LinAlgError::IncompatibleDimensions => f.write_str("Incompatible dimensions"),
            LinAlgError::Array(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for LinAlgError {}

impl From<ndcore::Error> for LinAlgError {
    fn from(e: ndcore::Error) -> Self {
        LinAlgError::Array(e)
    }
}

/// The result of a `numpy.linalg` function.
pub type Result<T> = std::result::Result<T, LinAlgError>;
