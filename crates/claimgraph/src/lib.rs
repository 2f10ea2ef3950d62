//! claimgraph: read news and answer, with evidence, who said what, about
//! whom, and who denies it.
//!
//! The crate holds the whole analysis pipeline ([`pipeline::Pipeline`]): input
//! readers ([`input`]), cleaning ([`clean`]), the linguistic core (the
//! `claimgraph-nlp` crate), entity recognition and resolution ([`entities`]),
//! attributed claims with speaker and stance ([`attribution`]), quantities
//! ([`quantities`]) and political events ([`events`]). One [`Document`]
//! flows through the stages; [`output`] writes it in the public JSON shape.

#![warn(missing_docs)]

pub mod attribution;
pub mod clean;
pub mod document;
pub mod entities;
pub mod error;
pub mod eval;
pub mod events;
pub mod input;
pub mod lower;
pub mod offsets;
pub mod output;
pub mod pipeline;
pub mod priority;
pub mod quantities;

pub use document::{Claim, ClaimKind, DocMeta, Document, EntityKind, RawBody, RawDocument, Span, Stance};
pub use error::{Error, Result};
pub use output::DocRecord;
pub use pipeline::Pipeline;
