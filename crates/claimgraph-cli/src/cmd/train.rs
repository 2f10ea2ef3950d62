//! `claimgraph train`.

use std::process::ExitCode;

use anyhow::{bail, Result};

/// Arguments of `train`.
#[derive(clap::Args)]
pub struct Args {
    /// Arguments, not yet defined.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    rest: Vec<String>,
}

/// Runs `train`.
pub fn run(_args: Args) -> Result<ExitCode> {
    bail!("`train` is not implemented yet")
}
