//! `claimgraph eval ner`: exact-match precision / recall / F1 of the
//! recogniser on a Universal NER IOB2 file (gold tokenisation).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use claimgraph_nlp::conllu::read_iob2;

use super::Format;

/// Arguments of `eval ner`.
#[derive(clap::Args)]
pub struct Args {
    /// The IOB2 file.
    #[arg(long)]
    iob2: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Use this NER model instead of the shipped one.
    #[arg(long)]
    ner: Option<PathBuf>,
    /// Use this tagger model instead of the shipped one.
    #[arg(long)]
    tagger: Option<PathBuf>,
}

/// Runs `eval ner`.
pub fn run(a: Args) -> Result<ExitCode> {
    let sents = read_iob2(&a.iob2).with_context(|| format!("reading {}", a.iob2.display()))?;
    let core = super::load_core(a.tagger.as_deref(), None, a.ner.as_deref())?;
    let (p, r, f) = claimgraph_nlp::eval::ner(&core, &sents).context("no models loaded")?;
    match a.format {
        Format::Json => println!("{}", serde_json::json!({"precision": p, "recall": r, "f1": f})),
        Format::Text => println!("P {p:.2}  R {r:.2}  F1 {f:.2}"),
    }
    Ok(ExitCode::SUCCESS)
}
