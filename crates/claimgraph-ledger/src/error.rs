//! Typed errors of the ledger.

/// Errors the ledger reports.
#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    /// SQLite failed.
    #[error("ledger database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A stored JSON value could not be read or written.
    #[error("ledger record: {0}")]
    Json(#[from] serde_json::Error),
    /// A stored record could not be (de)compressed.
    #[error("ledger record: {0}")]
    Io(#[from] std::io::Error),
    /// The database was written by a newer claimgraph.
    #[error(
        "the ledger has schema version {found}, newer than this claimgraph supports ({supported}); upgrade claimgraph"
    )]
    TooNew {
        /// Version found in the file.
        found: i64,
        /// Newest version this build knows.
        supported: i64,
    },
    /// A name or id matched no entity.
    #[error("no entity named {0:?} in the ledger")]
    NoSuchEntity(String),
    /// A name matched several entities where one is needed.
    #[error("{name:?} names {} entities ({}); give an entity id instead", .ids.len(), .ids.join(", "))]
    Ambiguous {
        /// The name given.
        name: String,
        /// The entities it matches.
        ids: Vec<String>,
    },
    /// The user asked for something that cannot be done.
    #[error("{0}")]
    Invalid(String),
}

/// Result with the ledger's error.
pub type Result<T, E = LedgerError> = std::result::Result<T, E>;
