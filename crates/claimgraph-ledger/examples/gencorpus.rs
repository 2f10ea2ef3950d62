//! Writes a synthetic corpus with known answers (see
//! `claimgraph_ledger::synth`):
//!
//! ```text
//! cargo run --release -p claimgraph-ledger --example gencorpus -- --docs 1000 --seed 1 --out DIR [--no-propositions]
//! ```
//!
//! DIR/articles.jsonl  raw articles ({"text","title","url","published"}) for `claimgraph ingest`
//! DIR/records.jsonl   their perfect analyses, for `claimgraph ingest --records`
//! DIR/gold.jsonl      the true relations ({"relation","a":{"doc","content"},"b":{...}})
//! DIR/summary.json    counts

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use claimgraph_ledger::synth::{Generator, SynthConfig};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut cfg = SynthConfig::default();
    let mut out = PathBuf::from("corpus");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--docs" => cfg.docs = value()?.parse()?,
            "--seed" => cfg.seed = value()?.parse()?,
            "--reprints" => cfg.reprint_rate = value()?.parse()?,
            "--repeats" => cfg.repeat_rate = value()?.parse()?,
            "--out" => out = PathBuf::from(value()?),
            "--no-propositions" => cfg.propositions = false,
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    std::fs::create_dir_all(&out)?;
    let mut articles = BufWriter::new(File::create(out.join("articles.jsonl"))?);
    let mut records = BufWriter::new(File::create(out.join("records.jsonl"))?);
    let mut gen = Generator::new(cfg.clone());
    let (mut n, mut reprints, mut repeats, mut claims) = (0usize, 0usize, 0usize, 0usize);
    while let Some(a) = gen.next_article() {
        serde_json::to_writer(&mut articles, &a.raw)?;
        articles.write_all(b"\n")?;
        serde_json::to_writer(&mut records, &a.record)?;
        records.write_all(b"\n")?;
        n += 1;
        claims += a.record.claims.len();
        if a.repeat {
            repeats += 1;
        } else if a.copy_of.is_some() {
            reprints += 1;
        }
    }
    articles.flush()?;
    records.flush()?;
    let gold = gen.gold_relations();
    let mut g = BufWriter::new(File::create(out.join("gold.jsonl"))?);
    for r in &gold {
        serde_json::to_writer(&mut g, r)?;
        g.write_all(b"\n")?;
    }
    g.flush()?;
    let contradicts = gold.iter().filter(|r| r.relation == "contradicts").count();
    let summary = serde_json::json!({
        "config": cfg, "articles": n, "reprints": reprints, "repeats": repeats, "claims": claims,
        "gold_contradicts": contradicts, "gold_corroborates": gold.len() - contradicts,
    });
    std::fs::write(out.join("summary.json"), serde_json::to_string_pretty(&summary)?)?;
    println!("{summary}");
    Ok(())
}
