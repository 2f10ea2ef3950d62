//! `claimgraph eval polnear`: claimgraph's claims (or another system's
//! predictions) scored against a PolNeAR split with Citron's and CofeNet's
//! metrics (see `claimgraph::eval`).
//!
//! Articles are analysed as they are on disk (no cleaning), so that every
//! offset points into the original `.txt`. The throughput is the wall time
//! of the analysis alone (model loading and scoring excluded) over the
//! threads rayon uses: set `RAYON_NUM_THREADS=1` for a one-core figure.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use claimgraph::eval::polnear::{read_split, GoldArticle};
use claimgraph::eval::predict::{analyse_text, scored, Scored};
use claimgraph::eval::spans::Attribution;
use claimgraph::eval::{Evaluation, Report};
use claimgraph::Pipeline;
use rayon::prelude::*;
use serde::Deserialize;

/// Output formats of `eval polnear`.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Format {
    /// One JSON object.
    Json,
    /// A readable table.
    Pretty,
}

/// Arguments of `eval polnear`.
#[derive(clap::Args)]
pub struct Args {
    /// The split directory (holding `text/` and `attributions/`).
    #[arg(long)]
    dir: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Print this many examples of each error type (article text: for the
    /// terminal only).
    #[arg(long, default_value_t = 0)]
    errors: usize,
    /// Score another system's predictions from this JSON file instead of
    /// running claimgraph: {"articles": {"<id>": [{"cue": [s, e],
    /// "sources": [[s, e]], "contents": [[s, e], ...]}]}, "seconds": <time
    /// the system took, optional>}, offsets in code points.
    #[arg(long)]
    predictions: Option<PathBuf>,
    /// Score only the first N articles (in id order).
    #[arg(long)]
    limit: Option<usize>,
    /// Which attribution system claimgraph runs: the rules, the learned
    /// model, or both combined (the default, as in `extract`).
    #[arg(long, value_enum)]
    system: Option<System>,
    /// Use this attribution model file instead of the shipped one.
    #[arg(long)]
    attribution_model: Option<PathBuf>,
    /// What to score: `extract`'s public claims (the default, as issue 5
    /// defines the evaluation) or the wider attribution layer (every
    /// attribution in PolNeAR's sense).
    #[arg(long, value_enum, default_value_t = Score::Claims)]
    score: Score,
}

/// What `--score` chooses from.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum Score {
    /// The attribution layer (`Document::attributions`).
    Attributions,
    /// The public claims (`Document::claims`).
    Claims,
}

/// The attribution systems `--system` chooses from.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum System {
    /// The rules alone.
    Rules,
    /// The learned model alone.
    Learned,
    /// Both, merged.
    Combined,
}

/// Another system's predictions.
#[derive(Deserialize)]
struct Predictions {
    articles: HashMap<String, Vec<Attribution>>,
    #[serde(default)]
    seconds: Option<f64>,
    #[serde(default)]
    cpu_seconds: Option<f64>,
    #[serde(default)]
    system: Option<String>,
}

/// Runs `eval polnear`.
pub fn run(a: Args) -> Result<ExitCode> {
    let split = read_split(&a.dir, a.limit).with_context(|| format!("reading the split {}", a.dir.display()))?;
    for e in &split.errors {
        eprintln!("claimgraph: {e}");
    }
    anyhow::ensure!(!split.articles.is_empty(), "no article could be read from {}", a.dir.display());
    let articles = &split.articles;

    // `cpu`: CPU seconds of the analysis; on a shared machine the wall
    // clock also counts time spent waiting for a core.
    let (predicted, seconds, cpu, system, threads) = match &a.predictions {
        Some(path) => {
            let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
            let p: Predictions = serde_json::from_reader(std::io::BufReader::new(file))
                .with_context(|| format!("reading predictions from {}", path.display()))?;
            let mut missing = 0;
            let predicted: Vec<Vec<Attribution>> = articles
                .iter()
                .map(|g| {
                    p.articles.get(&g.id).cloned().unwrap_or_else(|| {
                        missing += 1;
                        Vec::new()
                    })
                })
                .collect();
            if missing > 0 {
                eprintln!("claimgraph: {}: no predictions for {missing} articles (scored as empty)", path.display());
            }
            (predicted, p.seconds, p.cpu_seconds, p.system.unwrap_or_else(|| path.display().to_string()), None)
        }
        None => {
            if let Some(s) = a.system {
                use claimgraph::attribution::learned::{set_system, System as S};
                set_system(match s {
                    System::Rules => S::Rules,
                    System::Learned => S::Learned,
                    System::Combined => S::Combined,
                });
            }
            if let Some(p) = &a.attribution_model {
                let bytes = std::fs::read(p).with_context(|| format!("reading {}", p.display()))?;
                let m = claimgraph::attribution::learned::Model::from_bytes(&bytes)
                    .with_context(|| format!("loading {}", p.display()))?;
                claimgraph::attribution::learned::model::use_model(m);
            }
            let pipeline = Pipeline::new().context("loading the models")?;
            let cpu_start = process_cpu_seconds();
            let start = Instant::now();
            let what = match a.score {
                Score::Attributions => Scored::Attributions,
                Score::Claims => Scored::Claims,
            };
            let predicted = run_claimgraph(&pipeline, articles, what);
            let seconds = start.elapsed().as_secs_f64();
            let cpu = cpu_start.zip(process_cpu_seconds()).map(|(a, b)| b - a);
            (predicted, Some(seconds), cpu, "claimgraph".to_string(), Some(rayon::current_num_threads()))
        }
    };

    let mut eval = Evaluation::new(a.errors);
    for (gold, pred) in articles.iter().zip(&predicted) {
        eval.add(gold, pred);
    }
    let per_sec = seconds.filter(|s| *s > 0.0).map(|s| articles.len() as f64 / s);
    let report = eval.report(per_sec);

    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match a.format {
        Format::Json => {
            let mut v = serde_json::to_value(&report)?;
            if let Some(obj) = v.as_object_mut() {
                obj.insert("system".into(), system.into());
                obj.insert("threads".into(), threads.into());
                obj.insert("seconds".into(), seconds.map(|s| (s * 1000.0).round() / 1000.0).into());
                obj.insert("cpu_seconds".into(), cpu.map(|s| (s * 1000.0).round() / 1000.0).into());
                let per_cpu_sec = cpu.filter(|s| *s > 0.0).map(|s| (10.0 * articles.len() as f64 / s).round() / 10.0);
                obj.insert("articles_per_cpu_sec".into(), per_cpu_sec.into());
                if a.errors == 0 {
                    if let Some(errors) = obj.get_mut("errors").and_then(|e| e.as_object_mut()) {
                        errors.remove("examples");
                    }
                }
            }
            writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
        }
        Format::Pretty => write_pretty(&mut out, &report, &system, threads, cpu)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// claimgraph's attributions for each article, in article order.
fn run_claimgraph(pipeline: &Pipeline, articles: &[GoldArticle], what: Scored) -> Vec<Vec<Attribution>> {
    articles.par_iter().map(|g| scored(&analyse_text(pipeline, &g.path.display().to_string(), &g.text), what)).collect()
}

/// CPU time (user + system) used so far by this process, from
/// `/proc/self/stat`; `None` where that is not available. Counted in
/// USER_HZ ticks of 1/100 s, the value on every Linux platform.
fn process_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name (field 2) may hold spaces: count after its ')'.
    let rest = stat.get(stat.rfind(')')? + 1..)?;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the whole line.
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// The report as a readable table.
fn write_pretty(
    out: &mut impl Write,
    r: &Report,
    system: &str,
    threads: Option<usize>,
    cpu: Option<f64>,
) -> Result<()> {
    let mut speed = match (r.articles_per_sec, threads) {
        (Some(s), Some(t)) => format!("{s:.1} articles/s on {t} thread(s)"),
        (Some(s), None) => format!("{s:.1} articles/s (as the system reported)"),
        _ => "speed not measured".to_string(),
    };
    if let Some(c) = cpu.filter(|c| *c > 0.0) {
        speed.push_str(&format!(", {:.1} articles per CPU second", r.articles as f64 / c));
    }
    writeln!(
        out,
        "{system} on PolNeAR: {} articles, {} gold and {} predicted attributions; {speed}",
        r.articles, r.counts.gold_attributions, r.counts.predicted_attributions
    )?;
    writeln!(out, "\nCitron (spans in tokens, edge punctuation trimmed)      P      R     F1 | strict F1")?;
    let c = &r.citron;
    let s = &r.strict.citron;
    for (name, x, y) in [
        ("cue exact", &c.cue, &s.cue),
        ("source exact (cue-matched)", &c.source, &s.source),
        ("content exact (cue-matched)", &c.content, &s.content),
        ("all spans exact", &c.all, &s.all),
        ("cue overlap", &c.overlap.cue, &s.overlap.cue),
        ("source overlap", &c.overlap.source, &s.overlap.source),
        ("content overlap", &c.overlap.content, &s.overlap.content),
    ] {
        writeln!(out, "  {name:<51}{:>6.1} {:>6.1} {:>6.1} | {:>6.1}", x.p, x.r, x.f1, y.f1)?;
    }
    writeln!(out, "\nCofeNet (role spans per paragraph, in tokens)             P      R     F1 | strict F1")?;
    let (c, s) = (&r.cofenet, &r.strict.cofenet);
    for (name, x, y) in [("source", &c.source, &s.source), ("cue", &c.cue, &s.cue), ("content", &c.content, &s.content)]
    {
        writeln!(out, "  {name:<51}{:>6.1} {:>6.1} {:>6.1} | {:>6.1}", x.p, x.r, x.f1, y.f1)?;
    }
    writeln!(out, "\nError types (tokens)")?;
    for (role, kinds) in &r.errors.counts {
        let list: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
        writeln!(out, "  {role:<8} {}", list.join(", "))?;
    }
    if !r.errors.examples.is_empty() {
        writeln!(out, "\nExamples")?;
        for x in &r.errors.examples {
            writeln!(out, "  [{} {}] {}@{} cue «{}»", x.role, x.kind, x.article, x.offset, x.cue)?;
            writeln!(out, "      gold: «{}»", x.gold)?;
            writeln!(out, "      pred: «{}»", x.pred)?;
        }
    }
    Ok(())
}
