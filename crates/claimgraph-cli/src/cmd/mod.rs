//! One module per subcommand.

pub mod eval;
pub mod extract;
pub mod ingest;
pub mod query;
pub mod serve;
pub mod train;
