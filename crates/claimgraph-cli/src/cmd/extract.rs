//! `claimgraph extract`: analyse articles and print one record per document.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use claimgraph::entities::EntityRegistry;
use claimgraph::input::{expand_sources, read_input};
use claimgraph::{DocRecord, Pipeline};
use clap::ValueEnum;
use rayon::prelude::*;

/// How many records of one input are analysed together.
const BATCH: usize = 64;

/// Output formats of `extract`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// One JSON object per document, one per line.
    Jsonl,
    /// A readable summary per article.
    Pretty,
    /// Tokens with tags, lemmas, heads and relations, in CoNLL-U.
    Conllu,
}

/// Arguments of `extract`.
#[derive(clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Pretty)]
    format: Format,
    /// Files (.txt, .html, .jsonl, feeds, WARC), directories, or - for stdin.
    #[arg(required = true)]
    paths: Vec<String>,
}

/// Runs `extract`. Bad inputs are reported one line each and skipped; the
/// exit code is non-zero only when no document could be read.
pub fn run(args: Args) -> Result<ExitCode> {
    let pipeline = Pipeline::new().context("loading the models")?;
    let mut registry = EntityRegistry::new();
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut ok = 0usize;

    for input in expand_sources(&args.paths) {
        let input = match input {
            Ok(i) => i,
            Err(e) => {
                crate::report::bad_input(&e);
                continue;
            }
        };
        // Containers are streamed: records are taken a batch at a time,
        // analysed in parallel, then resolved and printed in input order so
        // the output is deterministic and memory stays bounded.
        let mut docs = read_input(&input);
        loop {
            let batch: Vec<_> = docs.by_ref().take(BATCH).collect();
            if batch.is_empty() {
                break;
            }
            let results: Vec<_> = batch.into_par_iter().map(|raw| raw.and_then(|r| pipeline.analyse_raw(r))).collect();
            for result in results {
                match result {
                    Ok(mut doc) => {
                        registry.resolve(&mut doc);
                        let record = DocRecord::from_document(&doc);
                        match args.format {
                            Format::Jsonl => {
                                serde_json::to_writer(&mut out, &record)?;
                                writeln!(out)?;
                            }
                            Format::Pretty => writeln!(out, "{}", record.to_pretty())?,
                            Format::Conllu => write!(out, "{}", claimgraph::output::to_conllu(&doc))?,
                        }
                        ok += 1;
                    }
                    Err(e) => crate::report::bad_input(&e),
                }
            }
        }
    }
    out.flush()?;
    Ok(if ok > 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}
