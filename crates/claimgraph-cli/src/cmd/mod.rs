//! One module per subcommand.

pub mod demo;
pub mod eval;
pub mod extract;
pub mod ingest;
pub mod query;
pub mod serve;
pub mod train;
