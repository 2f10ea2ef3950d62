//! Typed errors of the library. Every error about an input names it, so a
//! command can print one line per bad input and go on with the rest.

use std::path::PathBuf;

/// Errors the pipeline and its readers report.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The input.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The input is not UTF-8 text.
    #[error("{path}: not valid UTF-8 text")]
    NotUtf8 {
        /// The input.
        path: String,
    },
    /// The input looks like a binary file.
    #[error("{path}: looks like a binary file, not text")]
    Binary {
        /// The input.
        path: String,
    },
    /// The input holds no text (or no article body).
    #[error("{path}: no article text")]
    Empty {
        /// The input.
        path: String,
    },
    /// The input is larger than the limit.
    #[error("{path}: too large ({size} bytes; the limit is {limit})")]
    TooLarge {
        /// The input.
        path: String,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The input is malformed for its format (bad JSON line, feed, WARC).
    #[error("{path}: {message}")]
    Format {
        /// The input (with `#line` for a record inside a file).
        path: String,
        /// What is wrong.
        message: String,
    },
    /// A model could not be loaded.
    #[error("model {name}: {message}")]
    Model {
        /// The model's name.
        name: String,
        /// What is wrong.
        message: String,
    },
}

impl Error {
    /// An I/O error about `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { path: path.into().display().to_string(), source }
    }
}

/// Result with the library's error.
pub type Result<T, E = Error> = std::result::Result<T, E>;
