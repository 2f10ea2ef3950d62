//! `claimgraph eval ud`: UPOS / XPOS / lemma / UAS / LAS and speed on a
//! CoNLL-U file, with gold tokenisation or (`--raw`) from the raw text.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use claimgraph_nlp::conllu::read_conllu;

use super::Format;

/// Arguments of `eval ud`.
#[derive(clap::Args)]
pub struct Args {
    /// The treebank file.
    #[arg(long)]
    conllu: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Tokenise and split sentences from the `# text` lines with
    /// claimgraph's own tokeniser, and score by aligning words.
    #[arg(long)]
    raw: bool,
    /// Use this tagger model instead of the shipped one.
    #[arg(long)]
    tagger: Option<PathBuf>,
    /// Use this parser model instead of the shipped one.
    #[arg(long)]
    parser: Option<PathBuf>,
}

/// Runs `eval ud`.
pub fn run(a: Args) -> Result<ExitCode> {
    let sents = read_conllu(&a.conllu).with_context(|| format!("reading {}", a.conllu.display()))?;
    let core = super::load_core(a.tagger.as_deref(), a.parser.as_deref(), None)?;
    let scores =
        if a.raw { claimgraph_nlp::eval::ud_raw(&core, &sents) } else { claimgraph_nlp::eval::ud_gold(&core, &sents) }
            .context("no models loaded")?;
    match a.format {
        Format::Json => println!("{}", serde_json::to_string(&scores)?),
        Format::Text => {
            println!(
                "words {}  UPOS {:.2}  XPOS {:.2}  lemma {:.2}",
                scores.words, scores.upos, scores.xpos, scores.lemma
            );
            println!("UAS {:.2}  LAS {:.2}  (full labels {:.2})", scores.uas, scores.las, scores.las_full);
            if let (Some(t), Some(s)) = (scores.tokens, scores.sentences) {
                println!("tokens F1 {t:.2}  sentences F1 {s:.2}");
            }
            println!("{:.0} words/s", scores.words_per_sec);
        }
    }
    Ok(ExitCode::SUCCESS)
}
