//! `claimgraph ingest`.

use std::process::ExitCode;

use anyhow::{bail, Result};

/// Arguments of `ingest`.
#[derive(clap::Args)]
pub struct Args {
    /// Arguments, not yet defined.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    rest: Vec<String>,
}

/// Runs `ingest`.
pub fn run(_args: Args) -> Result<ExitCode> {
    bail!("`ingest` is not implemented yet")
}
