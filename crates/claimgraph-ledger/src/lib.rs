//! The claimgraph ledger: an embedded SQLite store of analysed documents.
//!
//! - [`LedgerWriter`] stores documents in batches (one transaction each,
//!   WAL journal, so a killed ingest loses nothing committed and a rerun
//!   completes the rest), resolves their entities against the whole ledger
//!   through the pipeline's [`claimgraph::entities::EntityRegistry`] (whose
//!   state, with the user's merge and split decisions, lives in the ledger),
//!   links near-duplicate documents to one origin ([`minhash`]), and aligns
//!   each new claim with the stored ones into `contradicts` and
//!   `corroborates` relations ([`align`]).
//! - [`Ledger`] reads: documents, claims with filters, entity pages,
//!   relations, full-text search, and export in the extract record shape.
//!   [`LedgerPool`] shares read-only connections between threads.
//! - [`schema`] holds the versioned migrations.
//! - [`synth`] generates synthetic corpora with known answers for tests and
//!   benchmarks.
//!
//! Data layout: each document keeps its clean text and its full record
//! (compressed JSON); claims, entities, aliases, links and relations are
//! tables for querying. Entity references inside stored records are mapped
//! to the ledger's current entities on the way out, so merges and splits
//! never rewrite stored records.

#![warn(missing_docs)]

pub mod align;
pub mod convert;
pub mod error;
pub mod members;
pub mod minhash;
pub mod norm;
pub mod pool;
pub mod read;
pub mod schema;
pub mod sketch;
pub mod store;
pub mod synth;
pub mod toll;
pub mod writer;

pub use align::{Aligner, RelationKind, RuleAligner};
pub use error::{LedgerError, Result};
pub use pool::{LedgerPool, PooledLedger};
pub use read::{
    AliasCount, ClaimFilter, ClaimRow, DecisionReport, DocumentSummary, EntityPage, EntitySummary, Ledger, LedgerStats,
    RelationFilter, RelationRow, RelationSide, TimelinePoint,
};
pub use writer::{LedgerWriter, WriteReport};
