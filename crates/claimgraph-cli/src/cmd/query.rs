//! Ledger queries: `claims`, `entities`, `entity`, `conflicts`, `export`.

use std::process::ExitCode;

use anyhow::{bail, Result};

macro_rules! stub_args {
    ($($name:ident),*) => {$(
        /// Arguments (not yet defined).
        #[derive(clap::Args)]
        pub struct $name {
            /// Arguments, not yet defined.
            #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
            rest: Vec<String>,
        }
    )*};
}
stub_args!(ClaimsArgs, EntitiesArgs, EntityArgs, ConflictsArgs, ExportArgs);

/// Runs `claims`.
pub fn claims(_a: ClaimsArgs) -> Result<ExitCode> {
    bail!("not implemented yet")
}
/// Runs `entities`.
pub fn entities(_a: EntitiesArgs) -> Result<ExitCode> {
    bail!("not implemented yet")
}
/// Runs `entity`.
pub fn entity(_a: EntityArgs) -> Result<ExitCode> {
    bail!("not implemented yet")
}
/// Runs `conflicts`.
pub fn conflicts(_a: ConflictsArgs) -> Result<ExitCode> {
    bail!("not implemented yet")
}
/// Runs `export`.
pub fn export(_a: ExportArgs) -> Result<ExitCode> {
    bail!("not implemented yet")
}
