//! `claimgraph eval <benchmark>`: a small dispatcher. Each benchmark lives
//! in its own file under `eval/`; add a variant here to add one.

use std::process::ExitCode;

use anyhow::Result;

mod ner;
mod petrarch;
mod plover;
mod polnear;
mod ud;

/// Arguments of `eval`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    target: Target,
}

/// The benchmarks `eval` can run.
#[derive(clap::Subcommand)]
enum Target {
    /// Tagging, lemmas and dependency parsing against a CoNLL-U treebank.
    Ud(ud::Args),
    /// Named entities against a Universal NER IOB2 file.
    Ner(ner::Args),
    /// Attribution (cue, source, content) against a PolNeAR split.
    Polnear(polnear::Args),
    /// PLOVER event coding against the PLOVER gold-standard records.
    Plover(plover::Args),
    /// PLOVER event coding against the PETRARCH2 unit-test records.
    Petrarch(petrarch::Args),
}

/// Output formats of `eval`.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Format {
    /// One JSON object.
    Json,
    /// Readable lines.
    Text,
}

/// Runs `eval`.
pub fn run(args: Args) -> Result<ExitCode> {
    match args.target {
        Target::Ud(a) => ud::run(a),
        Target::Ner(a) => ner::run(a),
        Target::Polnear(a) => polnear::run(a),
        Target::Plover(a) => plover::run(a),
        Target::Petrarch(a) => petrarch::run(a),
    }
}

/// Loads the shipped core, or models from files when any path is given.
fn load_core(
    tagger: Option<&std::path::Path>,
    parser: Option<&std::path::Path>,
    ner: Option<&std::path::Path>,
) -> Result<claimgraph_nlp::Core> {
    use anyhow::Context;
    let core = claimgraph_nlp::Core::load_default().context("loading the shipped models")?;
    if tagger.is_none() && parser.is_none() && ner.is_none() {
        return Ok(core);
    }
    let read = |p: &std::path::Path| std::fs::read(p).with_context(|| format!("reading {}", p.display()));
    let t = match tagger {
        Some(p) => read(p)?,
        None => claimgraph_nlp::core::DEFAULT_TAGGER.to_vec(),
    };
    let pa = match parser {
        Some(p) => read(p)?,
        None => claimgraph_nlp::core::DEFAULT_PARSER.to_vec(),
    };
    let n = match ner {
        Some(p) => read(p)?,
        None => claimgraph_nlp::core::DEFAULT_NER.to_vec(),
    };
    claimgraph_nlp::Core::from_bytes(&t, &pa, &n).context("loading the given models")
}
