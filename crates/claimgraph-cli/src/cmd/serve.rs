//! `claimgraph serve`.

use std::process::ExitCode;

use anyhow::{bail, Result};

/// Arguments of `serve`.
#[derive(clap::Args)]
pub struct Args {
    /// Arguments, not yet defined.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    rest: Vec<String>,
}

/// Runs `serve`.
pub fn run(_args: Args) -> Result<ExitCode> {
    bail!("`serve` is not implemented yet")
}
