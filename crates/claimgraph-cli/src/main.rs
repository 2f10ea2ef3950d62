//! `claimgraph`: the command-line front end. Each subcommand lives in its own
//! module under `cmd/`; all analysis is in the `claimgraph` library.

mod cmd;
mod report;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// The global allocator. The analysis allocates many small strings and
/// vectors per document (lemmas, lower-cased words, spans); the system
/// allocator's malloc and free were about 8% of `extract`'s CPU time, and
/// with mimalloc `extract` takes about 8% less CPU on 100 PolNeAR texts,
/// for about 45 MB more peak memory (BENCHMARKS.md, "Tenth session:
/// extract speed").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Who said what, about whom, and who denies it — from news articles.
#[derive(Parser)]
#[command(name = "claimgraph", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse articles and print their claims, entities and quantities.
    Extract(cmd::extract::Args),
    /// Analyse articles and store them in the ledger.
    Ingest(cmd::ingest::Args),
    /// List claims in the ledger.
    Claims(cmd::query::ClaimsArgs),
    /// List entities in the ledger.
    Entities(cmd::query::EntitiesArgs),
    /// Show one entity, or merge and split entities.
    Entity(cmd::query::EntityArgs),
    /// List contradicting and corroborating claims.
    Conflicts(cmd::query::ConflictsArgs),
    /// Export the whole ledger.
    Export(cmd::query::ExportArgs),
    /// Train a model from annotated data.
    Train(cmd::train::Args),
    /// Evaluate a model on annotated data.
    Eval(cmd::eval::Args),
    /// Serve the HTTP API and the analyst workbench.
    Serve(cmd::serve::Args),
    /// Analyse the seed article (or given ones) into a ledger and open the workbench on it.
    Demo(cmd::demo::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(a) => cmd::extract::run(a),
        Command::Ingest(a) => cmd::ingest::run(a),
        Command::Claims(a) => cmd::query::claims(a),
        Command::Entities(a) => cmd::query::entities(a),
        Command::Entity(a) => cmd::query::entity(a),
        Command::Conflicts(a) => cmd::query::conflicts(a),
        Command::Export(a) => cmd::query::export(a),
        Command::Train(a) => cmd::train::run(a),
        Command::Eval(a) => cmd::eval::run(a),
        Command::Serve(a) => cmd::serve::run(a),
        Command::Demo(a) => cmd::demo::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("claimgraph: {e:#}");
            ExitCode::FAILURE
        }
    }
}
