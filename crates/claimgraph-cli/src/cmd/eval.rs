//! `claimgraph eval`.

use std::process::ExitCode;

use anyhow::{bail, Result};

/// Arguments of `eval`.
#[derive(clap::Args)]
pub struct Args {
    /// Arguments, not yet defined.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    rest: Vec<String>,
}

/// Runs `eval`.
pub fn run(_args: Args) -> Result<ExitCode> {
    bail!("`eval` is not implemented yet")
}
