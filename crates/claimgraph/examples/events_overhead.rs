//! What the events stage adds to `extract`'s time: for each article, the
//! whole extract path (cleaning, every stage, the JSON record) is timed,
//! then the event coder is re-run alone on the analysed document. Prints,
//! per pass, the totals and the ratio events / (extract without events).
//! Driven by `bench/events_overhead.sh`.
//!
//! `cargo run --release -p claimgraph --example events_overhead -- [--passes N] FILE...`

use std::time::{Duration, Instant};

use claimgraph::events::{builtin, code_document};
use claimgraph::input::{single_document, Format};
use claimgraph::output::DocRecord;
use claimgraph::pipeline::Pipeline;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut passes = 3usize;
    if let Some(i) = args.iter().position(|a| a == "--passes") {
        passes = args.get(i + 1).and_then(|n| n.parse().ok()).unwrap_or(3);
        args.drain(i..(i + 2).min(args.len()));
    }
    let files: Vec<(String, Vec<u8>)> = args
        .into_iter()
        .filter_map(|p| match std::fs::read(&p) {
            Ok(b) => Some((p, b)),
            Err(e) => {
                eprintln!("skipped {p}: {e}");
                None
            }
        })
        .collect();
    if files.is_empty() {
        return Err("no readable input files".into());
    }
    let pipeline = Pipeline::new()?;
    let lexicon = builtin();
    let mut ratios = Vec::new();
    for pass in 1..=passes {
        let (mut full, mut events) = (Duration::ZERO, Duration::ZERO);
        let (mut bytes, mut n_events) = (0usize, 0usize);
        for (path, b) in &files {
            let format = if path.ends_with(".html") || path.ends_with(".htm") { Format::Html } else { Format::Text };
            let t = Instant::now();
            let raw = single_document(path, format, b.clone())?;
            let doc = pipeline.analyse_raw(raw)?;
            let json = serde_json::to_string(&DocRecord::from_document(&doc))?;
            full += t.elapsed();
            bytes += json.len();
            let t = Instant::now();
            let ev = code_document(&doc, &lexicon);
            events += t.elapsed();
            n_events += ev.len();
        }
        let without = full.saturating_sub(events).as_secs_f64().max(1e-9);
        let ratio = events.as_secs_f64() / without;
        println!(
            "pass {pass}: {} articles, {n_events} events, {bytes} JSON bytes; extract {:.3} s, events stage {:.3} s; events add {:.1}%",
            files.len(),
            full.as_secs_f64(),
            events.as_secs_f64(),
            100.0 * ratio
        );
        ratios.push(ratio);
    }
    ratios.sort_by(f64::total_cmp);
    println!("events_overhead_ratio {:.4}", ratios[ratios.len() / 2]);
    Ok(())
}
