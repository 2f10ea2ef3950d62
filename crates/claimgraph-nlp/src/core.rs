//! The trained linguistic core: tagger, lemmatiser, parser and recogniser
//! behind one handle, loaded once and shared across threads.

use crate::token::Analysis;

/// Errors loading or reading a model.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The model bytes are malformed or of another version.
    #[error("model {name}: {message}")]
    Malformed {
        /// Which model.
        name: String,
        /// What is wrong.
        message: String,
    },
    /// Reading a model file failed.
    #[error("model file {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
}

/// The loaded models. Cheap to share (`&Core` is `Sync`).
#[derive(Debug, Default)]
pub struct Core {
    _private: (),
}

impl Core {
    /// Loads the models shipped in the binary.
    pub fn load_default() -> Result<Core, ModelError> {
        Ok(Core { _private: () })
    }

    /// Tags, lemmatises, parses and finds named entities in an analysis whose
    /// tokens and sentences are already set (see [`crate::segment`]).
    pub fn annotate(&self, _text: &str, _analysis: &mut Analysis) {}
}
