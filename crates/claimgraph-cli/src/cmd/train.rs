//! `claimgraph train <model>`: a small dispatcher. Each model's trainer lives
//! in its own file under `train/`; add a variant here to add a model.

use std::process::ExitCode;

use anyhow::Result;

mod attribution;
mod nlp;

/// Arguments of `train`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    target: Target,
}

/// The models `train` can build.
#[derive(clap::Subcommand)]
enum Target {
    /// Part-of-speech tagger (UPOS + Penn XPOS) and lemmatiser, from CoNLL-U.
    Tagger(nlp::TaggerArgs),
    /// Dependency parser (arc-hybrid, UD labels), from CoNLL-U.
    Parser(nlp::ParserArgs),
    /// Named-entity recogniser (PER/ORG/LOC), from UNER IOB2.
    Ner(nlp::NerArgs),
    /// Word classes from unlabelled text, used as features by the others.
    Clusters(nlp::ClustersArgs),
    /// Learned attribution (cue and source/content taggers), from PolNeAR.
    Attribution(attribution::Args),
}

/// Runs `train`.
pub fn run(args: Args) -> Result<ExitCode> {
    match args.target {
        Target::Tagger(a) => nlp::tagger(a),
        Target::Parser(a) => nlp::parser(a),
        Target::Ner(a) => nlp::ner(a),
        Target::Clusters(a) => nlp::clusters(a),
        Target::Attribution(a) => attribution::run(a),
    }
}
