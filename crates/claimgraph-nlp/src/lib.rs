//! The linguistic core of claimgraph: tokenisation, sentence segmentation,
//! part-of-speech tagging, lemmatisation, dependency parsing and named-entity
//! recognition, all trained here from openly licensed treebanks.
//!
//! The crate is independent of the rest of claimgraph: it takes text and
//! returns an [`Analysis`] (tokens with byte offsets, sentences, entity
//! spans). Models are compact binary files loaded once and shared.

#![warn(missing_docs)]

pub mod abbrev;
pub mod clusters;
pub mod conllu;
pub mod core;
pub mod eval;
pub mod format;
pub mod gazetteer;
pub mod hash;
pub mod labels;
pub mod lemma;
pub mod lex;
pub mod ner;
pub mod parser;
pub mod perceptron;
pub mod segment;
pub mod tagger;
pub mod token;
pub mod tokenize;
pub mod transition;
pub mod truecase;

pub use core::{Core, ModelError};
pub use labels::{DepRel, NerLabel, Upos, Xpos};
pub use segment::segment;
pub use token::{Analysis, EntitySpan, Sentence, Token};
pub use tokenize::tokenize;
