//! `claimgraph train tagger|parser|ner`: trains the linguistic core's models
//! from the shared treebanks. Runs are deterministic (fixed seeds), so the
//! same command reproduces the shipped model files.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use claimgraph_nlp::clusters::{ClusterOptions, Clusters};
use claimgraph_nlp::conllu::read_iob2;
use claimgraph_nlp::conllu::{read_conllu, UdSentence};
use claimgraph_nlp::gazetteer::Gazetteer;
use claimgraph_nlp::ner::{Ner, NerExample, NerOptions};
use claimgraph_nlp::parser::{Parser, ParserOptions};
use claimgraph_nlp::tagger::{Tagger, TaggerOptions};

/// Arguments of `train tagger`.
#[derive(clap::Args)]
pub struct TaggerArgs {
    /// Training CoNLL-U file.
    #[arg(long)]
    train: PathBuf,
    /// Development CoNLL-U file (picks the best epoch).
    #[arg(long)]
    dev: Option<PathBuf>,
    /// Where to write the model.
    #[arg(long)]
    out: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = TaggerOptions::default().epochs)]
    epochs: usize,
    /// Shuffling seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Word classes (from `train clusters`); empty string for none.
    #[arg(long, default_value = "models/clusters.bin")]
    clusters: String,
}

/// Arguments of `train parser`.
#[derive(clap::Args)]
pub struct ParserArgs {
    /// Training CoNLL-U file.
    #[arg(long)]
    train: PathBuf,
    /// Development CoNLL-U file (picks the best epoch).
    #[arg(long)]
    dev: Option<PathBuf>,
    /// Where to write the model.
    #[arg(long)]
    out: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = ParserOptions::default().epochs)]
    epochs: usize,
    /// Folds for jackknifed part-of-speech tags (0: gold tags).
    #[arg(long, default_value_t = ParserOptions::default().jackknife)]
    jackknife: usize,
    /// Shuffling and exploration seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Word classes (from `train clusters`); empty string for none.
    #[arg(long, default_value = "models/clusters.bin")]
    clusters: String,
}

/// Arguments of `train clusters`.
#[derive(clap::Args)]
pub struct ClustersArgs {
    /// CoNLL-U files whose word forms are used as text.
    #[arg(long)]
    conllu: Vec<PathBuf>,
    /// Directories of plain-text files (tokenised and split by claimgraph).
    #[arg(long)]
    text_dir: Vec<PathBuf>,
    /// Where to write the classes.
    #[arg(long)]
    out: PathBuf,
}

/// Arguments of `train ner`.
#[derive(clap::Args)]
pub struct NerArgs {
    /// Training IOB2 file (Universal NER; its train split is not available
    /// here, so the shipped model trains on the dev split).
    #[arg(long)]
    train: PathBuf,
    /// Optional IOB2 file scored after training, for information only.
    #[arg(long)]
    dev: Option<PathBuf>,
    /// Where to write the model.
    #[arg(long)]
    out: PathBuf,
    /// Tagger model giving the part-of-speech features.
    #[arg(long, default_value = "models/tagger.bin")]
    tagger: PathBuf,
    /// Gazetteer lists (`kind<TAB>phrase`).
    #[arg(long, default_value = "models/gazetteer/gazetteer.tsv")]
    gazetteer: PathBuf,
    /// Folds of the cross-validation that picks the number of epochs.
    #[arg(long, default_value_t = 5)]
    folds: usize,
    /// Largest number of epochs tried.
    #[arg(long, default_value_t = NerOptions::default().epochs)]
    epochs: usize,
    /// Shuffling seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Word classes (from `train clusters`); empty string for none.
    #[arg(long, default_value = "models/clusters.bin")]
    clusters: String,
    /// Unannotated sentences for self-training (only the words of this
    /// CoNLL-U file are read), e.g. the EWT training split.
    #[arg(long)]
    unlabeled_conllu: Option<PathBuf>,
}

fn load(path: &Path) -> Result<Vec<UdSentence>> {
    read_conllu(path).with_context(|| format!("reading {}", path.display()))
}

fn load_opt(path: Option<&Path>) -> Result<Vec<UdSentence>> {
    path.map_or(Ok(Vec::new()), load)
}

fn load_clusters(path: &str) -> Result<Clusters> {
    if path.is_empty() {
        return Ok(Clusters::default());
    }
    let bytes = std::fs::read(path).with_context(|| format!("reading {path}"))?;
    Clusters::from_bytes(&bytes).with_context(|| format!("loading {path}"))
}

fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::write(path, bytes).with_context(|| format!("writing {}", path.display()))?;
    eprintln!("wrote {} ({} bytes)", path.display(), bytes.len());
    Ok(())
}

/// Runs `train tagger`.
pub fn tagger(a: TaggerArgs) -> Result<ExitCode> {
    let t0 = Instant::now();
    let train = load(&a.train)?;
    let dev = load_opt(a.dev.as_deref())?;
    let opts = TaggerOptions { epochs: a.epochs, seed: a.seed, ..TaggerOptions::default() };
    let clusters = load_clusters(&a.clusters)?;
    let model = Tagger::train(&train, &dev, &clusters, &opts, &mut |l| eprintln!("{l}"));
    write(&a.out, &model.to_bytes())?;
    eprintln!("trained in {:.1}s", t0.elapsed().as_secs_f64());
    Ok(ExitCode::SUCCESS)
}

/// Runs `train parser`.
pub fn parser(a: ParserArgs) -> Result<ExitCode> {
    let t0 = Instant::now();
    let train = load(&a.train)?;
    let dev = load_opt(a.dev.as_deref())?;
    let opts = ParserOptions { epochs: a.epochs, jackknife: a.jackknife, seed: a.seed, ..ParserOptions::default() };
    let clusters = load_clusters(&a.clusters)?;
    let model =
        Parser::train(&train, &dev, &clusters, &opts, &mut |l| eprintln!("{l} [{:.0}s]", t0.elapsed().as_secs_f64()));
    write(&a.out, &model.to_bytes())?;
    eprintln!("trained in {:.1}s", t0.elapsed().as_secs_f64());
    Ok(ExitCode::SUCCESS)
}

/// Runs `train ner`: cross-validates on the training file to choose the
/// number of epochs, then trains on all of it.
pub fn ner(a: NerArgs) -> Result<ExitCode> {
    let t0 = Instant::now();
    let tagger_bytes = std::fs::read(&a.tagger).with_context(|| format!("reading {}", a.tagger.display()))?;
    let tagger = Tagger::from_bytes(&tagger_bytes).with_context(|| format!("loading {}", a.tagger.display()))?;
    let gaz_text =
        std::fs::read_to_string(&a.gazetteer).with_context(|| format!("reading {}", a.gazetteer.display()))?;
    let gazetteer = Gazetteer::from_tsv(&gaz_text);
    let clusters = load_clusters(&a.clusters)?;
    eprintln!("gazetteer: {} phrases in {} lists", gazetteer.len(), gazetteer.kinds().len());
    let tag = |f: &[&str]| tagger.tag(f).into_iter().map(|t| t.1).collect::<Vec<_>>();
    let read = |p: &Path| -> Result<Vec<NerExample>> {
        let sents = read_iob2(p).with_context(|| format!("reading {}", p.display()))?;
        Ok(sents.iter().map(|s| NerExample::from_sentence(s, tag)).collect())
    };
    let train = read(&a.train)?;
    let mut opts = NerOptions { epochs: a.epochs, seed: a.seed, ..NerOptions::default() };
    if a.folds >= 2 {
        let rows = Ner::cross_validate(&train, &gazetteer, &clusters, &opts, a.folds);
        for (e, p, r, f) in &rows {
            eprintln!("{}-fold CV, {e} epochs: P {p:.2} R {r:.2} F1 {f:.2}", a.folds);
        }
        // The first epoch count within 0.1 of the best F1 (fewer epochs
        // generalise as well and train faster).
        let best = rows.iter().map(|r| r.3).fold(0.0, f64::max);
        if let Some(row) = rows.iter().find(|r| r.3 >= best - 0.1) {
            opts.epochs = row.0;
        }
        eprintln!("training on all data for {} epochs", opts.epochs);
    }
    let unlabeled: Vec<NerExample> = match &a.unlabeled_conllu {
        Some(p) => load(p)?
            .iter()
            .map(|s| {
                let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
                NerExample { xpos: tag(&forms), forms: forms.iter().map(|f| f.to_string()).collect(), tags: Vec::new() }
            })
            .collect(),
        None => Vec::new(),
    };
    let model = if unlabeled.is_empty() {
        Ner::train(&train, &gazetteer, &clusters, &opts)
    } else {
        if a.folds >= 2 {
            let (plain, selft) =
                Ner::cross_validate_self_training(&train, &unlabeled, &gazetteer, &clusters, &opts, a.folds);
            eprintln!(
                "{}-fold CV: plain F1 {:.2} (P {:.2} R {:.2}), self-trained F1 {:.2} (P {:.2} R {:.2})",
                a.folds, plain.2, plain.0, plain.1, selft.2, selft.0, selft.1
            );
        }
        eprintln!("self-training with {} unlabelled sentences", unlabeled.len());
        Ner::self_train(&train, &unlabeled, &gazetteer, &clusters, &opts)
    };
    if let Some(dev) = &a.dev {
        let (p, r, f) = model.evaluate(&read(dev)?);
        eprintln!("{}: P {p:.2} R {r:.2} F1 {f:.2}", dev.display());
    }
    write(&a.out, &model.to_bytes())?;
    eprintln!("trained in {:.1}s", t0.elapsed().as_secs_f64());
    Ok(ExitCode::SUCCESS)
}

/// Runs `train clusters`: word classes from unlabelled text.
pub fn clusters(a: ClustersArgs) -> Result<ExitCode> {
    let t0 = Instant::now();
    let mut sents: Vec<Vec<String>> = Vec::new();
    for p in &a.conllu {
        for s in load(p)? {
            sents.push(s.words.into_iter().map(|w| w.form).collect());
        }
    }
    for dir in &a.text_dir {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .with_context(|| format!("reading {}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect();
        // Sorted, so the result does not depend on directory order.
        files.sort();
        for f in files {
            let text = match std::fs::read_to_string(&f) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("claimgraph: skipping {}: {e}", f.display());
                    continue;
                }
            };
            let an = claimgraph_nlp::segment(&text);
            for s in &an.sentences {
                sents.push(an.tokens[s.tokens.clone()].iter().map(|t| t.text(&text).to_string()).collect());
            }
        }
    }
    let c = Clusters::train(&sents, &ClusterOptions::default(), &mut |l| eprintln!("{l}"));
    write(&a.out, &c.to_bytes())?;
    eprintln!("trained in {:.1}s", t0.elapsed().as_secs_f64());
    Ok(ExitCode::SUCCESS)
}
