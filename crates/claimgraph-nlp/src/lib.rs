//! The linguistic core of claimgraph: tokenisation, sentence segmentation,
//! part-of-speech tagging, lemmatisation, dependency parsing and named-entity
//! recognition, all trained here from openly licensed treebanks.
//!
//! The crate is independent of the rest of claimgraph: it takes text and
//! returns an [`Analysis`] (tokens with byte offsets, sentences, entity
//! spans). Models are compact binary files loaded once and shared.

#![warn(missing_docs)]

pub mod abbrev;
pub mod core;
pub mod labels;
pub mod segment;
pub mod token;
pub mod tokenize;

pub use core::{Core, ModelError};
pub use labels::{DepRel, NerLabel, Upos, Xpos};
pub use segment::segment;
pub use token::{Analysis, EntitySpan, Sentence, Token};
pub use tokenize::tokenize;
