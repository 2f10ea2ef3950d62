//! `claimgraph eval plover`: event type, actor and recipient accuracy on the
//! PLOVER gold-standard records (see `claimgraph::events::eval` for the
//! protocol). Prints the figures for the dev half, the held-out half and
//! all records.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use claimgraph::events::eval::{gsr_figures, read_gsr, score_gsr, GsrOutcome};
use claimgraph::{DocMeta, Document, Pipeline};

use super::Format;

/// Arguments of `eval plover`.
#[derive(clap::Args)]
pub struct Args {
    /// The gold-standard file (PLOVER_GSR_CAMEO.json).
    #[arg(long)]
    file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// List up to N wrong sentences of the dev half (never the held-out
    /// half: it stays unseen).
    #[arg(long, default_value_t = 0)]
    errors: usize,
}

/// Runs `eval plover`.
pub fn run(a: Args) -> Result<ExitCode> {
    let text = std::fs::read_to_string(&a.file).with_context(|| format!("reading {}", a.file.display()))?;
    let records = read_gsr(&text).with_context(|| format!("parsing {}", a.file.display()))?;
    let pipeline = Pipeline::new().context("loading the pipeline")?;
    let started = Instant::now();
    let mut outcomes: Vec<GsrOutcome> = Vec::new();
    let mut no_event = [0usize; 2];
    for rec in &records {
        let meta = DocMeta { source: rec.id.clone(), ..Default::default() };
        let mut doc = Document::new(meta, rec.text.clone());
        pipeline.analyse(&mut doc);
        if doc.events.is_empty() {
            no_event[usize::from(!rec.is_dev())] += 1;
        }
        outcomes.push(score_gsr(rec, &doc));
    }
    let secs = started.elapsed().as_secs_f64();
    let dev = gsr_figures(outcomes.iter().filter(|o| o.dev), no_event[0]);
    let held = gsr_figures(outcomes.iter().filter(|o| !o.dev), no_event[1]);
    let all = gsr_figures(outcomes.iter(), no_event[0] + no_event[1]);
    let errors: Vec<&GsrOutcome> = outcomes
        .iter()
        .filter(|o| o.dev && !(o.type_ok && o.actor_ok && o.recipient_ok != Some(false)))
        .take(a.errors)
        .collect();
    match a.format {
        Format::Json => {
            let mut v = serde_json::json!({
                "file": a.file.display().to_string(),
                "protocol": "primary event per sentence; actor/recipient = first three letters of the code among the gold codes",
                "dev": dev, "heldout": held, "all": all,
                "sentences_per_sec": (records.len() as f64 / secs.max(1e-9)).round(),
            });
            if a.errors > 0 {
                v["errors"] = serde_json::to_value(&errors)?;
            }
            println!("{}", serde_json::to_string_pretty(&v)?);
        }
        Format::Text => {
            for (name, f) in [("dev", &dev), ("heldout", &held), ("all", &all)] {
                println!(
                    "{name:8} n={:3}  type {:.3}  actor {:.3}  recipient {:.3} (n={})  any-type {:.3}  no-event {}",
                    f.sentences,
                    f.type_accuracy,
                    f.actor_accuracy,
                    f.recipient_accuracy,
                    f.with_target,
                    f.any_event_type_recall,
                    f.no_event
                );
            }
            for e in errors {
                println!(
                    "  {} gold {} {:?}->{:?} | got {:?} {:?}->{:?}",
                    e.id,
                    e.gold_type,
                    e.gold_sources,
                    e.gold_targets,
                    e.predicted_type,
                    e.predicted_actor,
                    e.predicted_recipient
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
