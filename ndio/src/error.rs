//! The one error type of ndio: what went wrong, and with which file.

use std::fmt;
use std::path::{Path, PathBuf};

/// What can go wrong reading or writing arrays to files.
///
/// Every message names the file and what is wrong with it, in NumPy's words where NumPy
/// has words for it.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The operating system refused: a missing file, no permission, a full disk.
    Io {
        /// The file.
        path: PathBuf,
        /// What was being done (`open`, `read`, `map`).
        action: &'static str,
        /// The system's error.
        source: std::io::Error,
    },
    /// The file's bytes are not what the format says they must be (a bad `.npy` header,
    /// data shorter than the header's shape).
    Format {
        /// The file (empty for data that came from memory).
        path: PathBuf,
        /// What is wrong.
        why: String,
    },
    /// The file is fine but does not hold what was asked for (another dtype, rank or
    /// shape) or the request itself is not possible (a misaligned offset).
    Mismatch {
        /// The file.
        path: PathBuf,
        /// What differs.
        why: String,
    },
    /// An error of the array layer (NumPy's size rule, an allocation refused).
    Array(ndcore::Error),
    /// Memory offered by or to another library cannot be shared as described: a bad
    /// `__array_interface__`, a DLPack tensor on another device or of a type nd lacks.
    Exchange {
        /// The protocol: `__array_interface__` or `DLPack`.
        protocol: &'static str,
        /// What is wrong, with the values involved.
        why: String,
    },
}

/// `Result` with ndio's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub(crate) fn io(path: &Path, action: &'static str, source: std::io::Error) -> Error {
        Error::Io {
            path: path.to_path_buf(),
            action,
            source,
        }
    }

    pub(crate) fn format(path: &Path, why: impl Into<String>) -> Error {
        Error::Format {
            path: path.to_path_buf(),
            why: why.into(),
        }
    }

    pub(crate) fn exchange(protocol: &'static str, why: impl Into<String>) -> Error {
        Error::Exchange {
            protocol,
            why: why.into(),
        }
    }

    pub(crate) fn mismatch(path: &Path, why: impl Into<String>) -> Error {
        Error::Mismatch {
            path: path.to_path_buf(),
            why: why.into(),
        }
    }
}

fn with_path(f: &mut fmt::Formatter<'_>, path: &Path, why: &dyn fmt::Display) -> fmt::Result {
    if path.as_os_str().is_empty() {
        write!(f, "{why}")
    } else {
        write!(f, "{}: {why}", path.display())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io {
                path,
                action,
                source,
            } => write!(f, "{}: cannot {action}: {source}", path.display()),
            Error::Format { path, why } | Error::Mismatch { path, why } => with_path(f, path, why),
            Error::Array(e) => write!(f, "{e}"),
            Error::Exchange { protocol, why } => write!(f, "{protocol}: {why}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            Error::Array(e) => Some(e),
            _ => None,
        }
    }
}

impl From<ndcore::Error> for Error {
    fn from(e: ndcore::Error) -> Error {
        Error::Array(e)
    }
}
