//! `claimgraph eval petrarch`: the PETRARCH2 unit-test records, coded from
//! their sentence text (not their parses) with the `PETR.Validate.*`
//! dictionaries found next to the file (`../dictionaries/`, or
//! `--dictionaries`). Prints the dev half (even records), the held-out
//! half and all records. See `claimgraph::events::eval` for the protocol.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, Result};
use claimgraph::events::eval::{read_petrarch, score_petrarch, PetrFigures, PetrOutcome};
use claimgraph::events::{code_document, lexicon_from_texts};
use claimgraph::{DocMeta, Document, Pipeline};

use super::Format;

/// Arguments of `eval petrarch`.
#[derive(clap::Args)]
pub struct Args {
    /// The unit-test file (PETR.UnitTest.records.xml).
    #[arg(long)]
    file: PathBuf,
    /// The folder holding PETR.Validate.{verbs,actors,agents}.txt
    /// (default: ../dictionaries next to the file).
    #[arg(long)]
    dictionaries: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// List up to N codings that were not reproduced.
    #[arg(long, default_value_t = 0)]
    errors: usize,
}

fn read(dir: &Path, name: &str) -> Result<String> {
    let p = dir.join(name);
    std::fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))
}

/// Runs `eval petrarch`.
pub fn run(a: Args) -> Result<ExitCode> {
    let xml = std::fs::read_to_string(&a.file).with_context(|| format!("reading {}", a.file.display()))?;
    let dir = match &a.dictionaries {
        Some(d) => d.clone(),
        None => a.file.parent().unwrap_or(Path::new(".")).join("../dictionaries"),
    };
    let lexicon = lexicon_from_texts(
        &read(&dir, "PETR.Validate.verbs.txt")?,
        &read(&dir, "PETR.Validate.actors.txt")?,
        &read(&dir, "PETR.Validate.agents.txt")?,
        None,
    );
    let records = read_petrarch(&xml);
    let pipeline = Pipeline::new().context("loading the pipeline")?;
    // [dev, held out, all]
    let mut figs: [PetrFigures; 3] = Default::default();
    let mut outcomes: Vec<PetrOutcome> = Vec::new();
    let mut lex = Arc::new(lexicon);
    for rec in records.iter().filter(|r| !r.error) {
        Arc::make_mut(&mut lex).actors.date = rec.date;
        let mut doc = Document::new(DocMeta { source: rec.id.clone(), ..Default::default() }, rec.text.clone());
        pipeline.analyse(&mut doc);
        let events = code_document(&doc, &lex);
        let half = usize::from(!rec.is_dev());
        let out = score_petrarch(rec, &events, &mut figs[half]);
        score_petrarch(rec, &events, &mut figs[2]);
        if half == 0 {
            outcomes.extend(out);
        }
    }
    for f in &mut figs {
        f.finish();
    }
    // Misses are listed from the dev half only: the held-out half stays unseen.
    let misses: Vec<&PetrOutcome> = outcomes.iter().filter(|o| !o.reproduced).take(a.errors).collect();
    match a.format {
        Format::Json => {
            let mut v = serde_json::json!({
                "file": a.file.display().to_string(),
                "protocol": "records split by position (even = dev, odd = held out); a coding is reproduced when some event has its PLOVER type, source and target codes",
                "dev": figs[0], "heldout": figs[1], "all": figs[2],
                "skipped_error_records": records.iter().filter(|r| r.error).count(),
            });
            if a.errors > 0 {
                v["misses"] = serde_json::to_value(&misses)?;
            }
            println!("{}", serde_json::to_string_pretty(&v)?);
        }
        Format::Text => {
            for (name, f) in [("dev", &figs[0]), ("heldout", &figs[1]), ("all", &figs[2])] {
                println!(
                    "{name:8} codings {} (mappable {}, excluded {})  reproduced {:.3}  type+source {:.3}  type {:.3}  no-event {}/{}",
                    f.codings,
                    f.mappable,
                    f.excluded_unmappable,
                    f.reproduced_rate,
                    f.type_and_source_rate,
                    f.type_rate,
                    f.no_event_correct,
                    f.no_event_records
                );
            }
            for m in misses {
                println!(
                    "  {} want {} {}->{} ({}) got {:?}",
                    m.id, m.plover, m.expected.source, m.expected.target, m.expected.cameo, m.predicted
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
