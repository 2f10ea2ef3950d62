//! `claimgraph train attribution`: trains the learned attribution model
//! (cue tagger and role tagger, see `claimgraph::attribution::learned`) on
//! a PolNeAR split, picking each tagger's best epoch on a development
//! split. Deterministic: the same command over the same data and code
//! rebuilds the same file.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use claimgraph::attribution::learned::view::{hash_lower, WordClasses};
use claimgraph::attribution::learned::{self, train::Example, train::Options};
use claimgraph::eval::polnear::{read_split, GoldArticle};
use claimgraph::eval::predict::analyse_text;
use claimgraph::Document;
use claimgraph::Pipeline;
use claimgraph_nlp::clusters::Clusters;
use claimgraph_nlp::lex::normalize;
use rayon::prelude::*;

/// Arguments of `train attribution`.
#[derive(clap::Args)]
pub struct Args {
    /// The training split (a PolNeAR directory holding `text/` and `attributions/`).
    #[arg(long)]
    dir: PathBuf,
    /// The development split (picks the best epoch of each tagger).
    #[arg(long)]
    dev: Option<PathBuf>,
    /// Where to write the model.
    #[arg(long)]
    out: PathBuf,
    /// Passes of the cue tagger.
    #[arg(long, default_value_t = Options::default().cue_epochs)]
    cue_epochs: usize,
    /// Passes of the role tagger.
    #[arg(long, default_value_t = Options::default().role_epochs)]
    role_epochs: usize,
    /// Shuffling seed.
    #[arg(long, default_value_t = Options::default().seed)]
    seed: u64,
    /// Shuffles (seeds SEED, SEED+1, ...) trained and averaged into one model.
    #[arg(long, default_value_t = Options::default().shuffles)]
    shuffles: usize,
    /// Cue tagger training margin over taggings that miss a gold cue token.
    #[arg(long, default_value_t = Options::default().miss_cost)]
    miss_cost: f32,
    /// Cue tagger training margin over taggings with a spurious cue token.
    #[arg(long, default_value_t = Options::default().false_cost)]
    false_cost: f32,
    /// Train on the first N articles only (for quick experiments).
    #[arg(long)]
    limit: Option<usize>,
    /// Threads for analysing the articles (training itself uses two).
    #[arg(long, default_value_t = 2)]
    threads: usize,
    /// Word classes of the linguistic core (`train clusters`), copied into
    /// the model for the words of the training and development articles;
    /// empty string for none.
    #[arg(long, default_value = "models/clusters.bin")]
    clusters: String,
    /// Drop features whose weights all stay below this many 16-bit
    /// quantisation steps (of the largest weight / 32767).
    #[arg(long, default_value_t = 0)]
    prune: i16,
}

/// Runs `train attribution`.
pub fn run(a: Args) -> Result<ExitCode> {
    let start = Instant::now();
    // The articles are analysed by the rules' pipeline only: the model being
    // replaced must not shape its own training data.
    learned::set_system(learned::System::Rules);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(a.threads.max(1)).build().context("thread pool")?;
    let pipeline = Pipeline::new().context("loading the linguistic models")?;
    let load = |dir: &PathBuf, limit: Option<usize>| -> Result<Vec<(Document, GoldArticle)>> {
        let split = read_split(dir, limit).with_context(|| format!("reading the split {}", dir.display()))?;
        for e in &split.errors {
            eprintln!("claimgraph: {e}");
        }
        anyhow::ensure!(!split.articles.is_empty(), "no article could be read from {}", dir.display());
        Ok(pool.install(|| {
            split
                .articles
                .into_par_iter()
                .map(|g| (analyse_text(&pipeline, &g.path.display().to_string(), &g.text), g))
                .collect()
        }))
    };
    let train_docs = load(&a.dir, a.limit)?;
    let dev_docs = match &a.dev {
        Some(d) => load(d, None)?,
        None => Vec::new(),
    };
    let classes = word_classes(&a.clusters, train_docs.iter().chain(&dev_docs).map(|d| &d.0))?;
    let examples = |docs: &[(Document, GoldArticle)]| -> Vec<Example> {
        pool.install(|| docs.par_iter().map(|(d, g)| Example::new(d, &g.attributions, &classes)).collect())
    };
    let train = examples(&train_docs);
    let dev = examples(&dev_docs);
    drop((train_docs, dev_docs));
    let gold: usize = train.iter().map(|e| e.gold.len()).sum();
    eprintln!(
        "analysed {} training articles ({gold} attributions) and {} development articles in {:.1}s",
        train.len(),
        dev.len(),
        start.elapsed().as_secs_f64()
    );
    let opts = Options {
        cue_epochs: a.cue_epochs,
        role_epochs: a.role_epochs,
        seed: a.seed,
        shuffles: a.shuffles,
        miss_cost: a.miss_cost,
        false_cost: a.false_cost,
    };
    let log = |m: &str| eprintln!("[{:>6.1}s] {m}", start.elapsed().as_secs_f64());
    let mut model = learned::train::train(&train, &dev, classes, &opts, &log);
    if a.prune > 0 {
        model.cue = model.cue.pruned(a.prune);
        model.roles = model.roles.pruned(a.prune);
        model.note.push_str(&format!("; pruned below {} steps", a.prune));
    }
    if std::env::var_os("CLAIMGRAPH_PRUNE_SWEEP").is_some() {
        for p in [128i16, 256, 512, 1024, 2048, 4096] {
            let m = learned::Model { cue: model.cue.pruned(p), roles: model.roles.pruned(p), ..model.clone() };
            let path = format!("{}.p{p}", a.out.display());
            std::fs::write(&path, m.to_bytes())?;
            eprintln!("{path}: cue {} roles {} features", m.cue.len(), m.roles.len());
        }
    }
    let bytes = model.to_bytes();
    std::fs::write(&a.out, &bytes).with_context(|| format!("writing {}", a.out.display()))?;
    eprintln!(
        "wrote {} ({:.1} MB; {}) in {:.1}s",
        a.out.display(),
        bytes.len() as f64 / 1e6,
        model.note,
        start.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

/// The word classes of every word of `docs`, from the clusters file at
/// `path` (none for an empty path), keyed as the model's view keys words.
fn word_classes<'d>(path: &str, docs: impl Iterator<Item = &'d Document>) -> Result<WordClasses> {
    let mut out = WordClasses::default();
    if path.is_empty() {
        return Ok(out);
    }
    let bytes = std::fs::read(path).with_context(|| format!("reading {path}"))?;
    let clusters = Clusters::from_bytes(&bytes).with_context(|| format!("loading {path}"))?;
    let (mut norm, mut lower) = (String::new(), String::new());
    for doc in docs {
        for t in &doc.analysis.tokens {
            let w = t.text(&doc.text);
            let key = hash_lower(w, &mut lower);
            if out.contains_key(&key) {
                continue;
            }
            normalize(w, &mut norm);
            let c = clusters.get(claimgraph_nlp::hash::str(&norm));
            if c != (0, 0) {
                out.insert(key, c);
            }
        }
    }
    Ok(out)
}
