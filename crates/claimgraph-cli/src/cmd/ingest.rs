//! `claimgraph ingest`: analyse articles and store them in the ledger.
//!
//! Three stages overlap: this thread reads inputs and cleans documents,
//! the rayon pool analyses a batch at a time across all cores, and one
//! writer thread stores the analysed batches, each transaction holding the
//! batches that waited for it (one when the writer keeps up). A document
//! whose clean-text hash the ledger already holds is skipped before
//! analysis, so rerunning an interrupted ingest only analyses what is
//! missing.

use std::collections::HashSet;
use std::io::{BufRead, BufReader, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::sync_channel;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use claimgraph::input::{expand_sources, read_input, Input};
use claimgraph::{DocRecord, Document, Pipeline, RawDocument};
use claimgraph_ledger::{LedgerWriter, WriteReport};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

/// Arguments of `ingest`.
#[derive(clap::Args)]
pub struct Args {
    /// The ledger file (created when missing).
    #[arg(long, default_value = "claimgraph.db")]
    db: PathBuf,
    /// The inputs are analysed records (`extract --format jsonl` output or a
    /// ledger's `export --format jsonl`), stored without analysing again.
    #[arg(long)]
    records: bool,
    /// With --records: keep the records' entity ids instead of resolving
    /// them against the ledger (for re-importing an export).
    #[arg(long, requires = "records")]
    keep_ids: bool,
    /// Documents per batch: analysed together, and stored in one
    /// transaction (with the batches waiting behind it, when storing is
    /// the slower stage).
    #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u32).range(1..))]
    batch: u32,
    /// Files (.txt, .html, .jsonl, feeds, WARC), directories, URLs, or - for stdin.
    #[arg(required = true)]
    sources: Vec<String>,
}

/// A batch on its way to the writer.
enum Batch {
    Documents(Vec<Document>),
    Records(Vec<DocRecord>),
    /// Stored texts seen again at another source.
    Sources(Vec<(String, claimgraph::DocMeta)>),
}

/// Most batches the writer stores in one transaction, and the room in the
/// channel that brings them.
const RUN_BATCHES: usize = 4;

/// What the writer stores in one transaction: the batches waiting for it.
#[derive(Default)]
struct Run {
    documents: Vec<Document>,
    records: Vec<DocRecord>,
    sources: Vec<(String, claimgraph::DocMeta)>,
}

/// Waits for the next batch and takes with it those already waiting (up to
/// [`RUN_BATCHES`]); `None` when the channel is closed and empty. Batches
/// wait only when storing is slower than analysis, and then one
/// transaction for several of them saves most of a commit's cost (on a
/// large ledger a commit writes the pages each batch touched all over the
/// indexes, many of them the same pages). When analysis is the slower
/// stage, each batch is stored alone as soon as it arrives. Sources come
/// after the documents of the same run, as they came after theirs.
fn next_run(rx: &std::sync::mpsc::Receiver<Batch>) -> Option<Run> {
    let first = rx.recv().ok()?;
    let mut run = Run::default();
    let mut add = |b: Batch| match b {
        Batch::Documents(d) => run.documents.extend(d),
        Batch::Records(r) => run.records.extend(r),
        Batch::Sources(s) => run.sources.extend(s),
    };
    add(first);
    for _ in 1..RUN_BATCHES {
        match rx.try_recv() {
            Ok(b) => add(b),
            Err(_) => break,
        }
    }
    Some(run)
}

/// What the writer thread did: its report, the time it was busy, and when
/// it merged the search index, from how many segments and how long it took.
type Stored = (WriteReport, Duration, Option<(i64, Duration)>);

/// Lets the writer win the CPU over analysis. The writer is the pipeline's
/// one serial stage, and on a large ledger the slower one; the analysis
/// threads (rayon's pool) can run ahead only as far as the channel lets
/// them, so each moment they take from the writer is a moment the whole
/// ingest waits. They run five nice levels below the writer and reader; when the machine has cores to spare this changes nothing.
/// Does nothing when the pool is already built (ingest called twice in one
/// process).
fn analysis_yields_to_writer() {
    let _ =
        rayon::ThreadPoolBuilder::new().start_handler(|_| claimgraph::priority::lower_current_thread(5)).build_global();
}

/// Runs `ingest`. Bad inputs are reported one line each and skipped; the
/// exit code is non-zero only when no document could be read.
pub fn run(args: Args) -> Result<ExitCode> {
    let started = Instant::now();
    analysis_yields_to_writer();
    let mut writer =
        LedgerWriter::open(&args.db).with_context(|| format!("opening the ledger {}", args.db.display()))?;
    writer.keep_ids(args.keep_ids);
    let mut known: HashSet<String> = writer.known_ids()?.into_iter().collect();
    let inputs: Vec<_> = expand_sources(&args.sources).collect();
    let progress = progress_bar(&inputs);

    // The writer thread: one transaction per run of batches, in arrival
    // order (see `next_run`).
    let (tx, rx) = sync_channel::<Batch>(RUN_BATCHES);
    let db_name = args.db.display().to_string();
    let writer_thread = std::thread::spawn(move || -> Result<Stored> {
        let mut total = WriteReport::default();
        let mut busy = Duration::ZERO;
        while let Some(run) = next_run(&rx) {
            let t = Instant::now();
            let context = || format!("writing to the ledger {db_name}");
            if !run.documents.is_empty() {
                total.absorb(&writer.write_documents(run.documents).with_context(context)?);
            }
            if !run.records.is_empty() {
                total.absorb(&writer.write_records(run.records).with_context(context)?);
            }
            if !run.sources.is_empty() {
                writer.write_sources(run.sources).with_context(context)?;
            }
            busy += t.elapsed();
        }
        // The run's new segments of the full-text index, merged when
        // there are too many (see `merge_search_index`).
        let t = Instant::now();
        let merged = writer
            .merge_search_index()
            .with_context(|| format!("merging the search index of {db_name}"))?
            .map(|segments| (segments, t.elapsed()));
        busy += t.elapsed();
        Ok((total, busy, merged))
    });

    let batch_size = args.batch as usize;
    let analysis_nanos = AtomicU64::new(0);
    let mut read_ok = 0usize;
    let mut skipped = 0usize;
    let send = |batch: Batch| tx.send(batch).is_ok();
    let mut pipeline = None;
    let mut sent_all = true;

    'inputs: for input in inputs {
        let input = match input {
            Ok(i) => i,
            Err(e) => {
                progress.suspend(|| crate::report::bad_input(&e));
                continue;
            }
        };
        if args.records {
            let mut batch = Vec::with_capacity(batch_size);
            for rec in read_records(&input) {
                match rec {
                    Ok(rec) => {
                        read_ok += 1;
                        progress.inc(1);
                        batch.push(rec);
                        if batch.len() == batch_size && !send(Batch::Records(std::mem::take(&mut batch))) {
                            sent_all = false;
                            break 'inputs;
                        }
                    }
                    Err(e) => progress.suspend(|| crate::report::bad_input(&e)),
                }
            }
            if !batch.is_empty() && !send(Batch::Records(batch)) {
                sent_all = false;
                break 'inputs;
            }
            continue;
        }
        if pipeline.is_none() {
            pipeline = Some(Pipeline::new().context("loading the models")?);
        }
        let Some(pipeline) = pipeline.as_ref() else { continue };
        let mut docs = read_input(&input);
        loop {
            let raws: Vec<_> = docs.by_ref().take(batch_size).collect();
            if raws.is_empty() {
                break;
            }
            // Clean first (cheap) to learn each document's id, and skip the
            // ones the ledger already has before the costly analysis.
            let cleaned: Vec<claimgraph::Result<Document>> = raws
                .into_par_iter()
                .map(|r: claimgraph::Result<RawDocument>| r.and_then(claimgraph::clean::clean))
                .collect();
            let mut todo = Vec::with_capacity(cleaned.len());
            let mut seen_again = Vec::new();
            for c in cleaned {
                match c {
                    Ok(doc) => {
                        read_ok += 1;
                        if known.insert(doc.id.clone()) {
                            todo.push(doc);
                        } else {
                            skipped += 1;
                            progress.inc(1);
                            seen_again.push((doc.id, doc.meta));
                        }
                    }
                    Err(e) => progress.suspend(|| crate::report::bad_input(&e)),
                }
            }
            let analysed: Vec<Document> = todo
                .into_par_iter()
                .map(|mut doc| {
                    let t = Instant::now();
                    pipeline.analyse(&mut doc);
                    analysis_nanos.fetch_add(t.elapsed().as_nanos() as u64, Ordering::Relaxed);
                    progress.inc(1);
                    doc
                })
                .collect();
            if !analysed.is_empty() && !send(Batch::Documents(analysed)) {
                sent_all = false;
                break 'inputs;
            }
            // After the batch, so that a text repeated within it is stored
            // before its other sources are recorded.
            if !seen_again.is_empty() && !send(Batch::Sources(seen_again)) {
                sent_all = false;
                break 'inputs;
            }
        }
    }
    drop(tx);
    let outcome = writer_thread.join().map_err(|_| anyhow::anyhow!("the ledger writer thread panicked"))?;
    progress.finish_and_clear();
    let (report, storage, merged) = outcome?;
    if !sent_all {
        anyhow::bail!("the ledger writer stopped early");
    }
    let wall = started.elapsed().as_secs_f64();
    let analysis = Duration::from_nanos(analysis_nanos.load(Ordering::Relaxed)).as_secs_f64();
    eprintln!(
        "claimgraph: {} new documents ({} near-duplicates), {} already present, {} claims, {} relations; \
         {:.1} s ({:.0} documents/s; analysis {:.1} thread-seconds on {} threads, storage {:.1} s)",
        report.added,
        report.copies,
        report.present + skipped,
        report.claims,
        report.relations,
        wall,
        (report.added + report.present + skipped) as f64 / wall.max(1e-9),
        analysis,
        rayon::current_num_threads(),
        storage.as_secs_f64(),
    );
    if let Some((segments, took)) = merged {
        eprintln!(
            "claimgraph: search index merged from {segments} segments into one in {:.1} s (included in storage)",
            took.as_secs_f64()
        );
    }
    Ok(if read_ok > 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// A progress bar on standard error when it is a terminal, else nothing.
/// With a known total (plain article files, and JSON Lines files whose
/// lines are counted first) it shows an ETA; otherwise a counter and rate.
fn progress_bar(inputs: &[claimgraph::Result<Input>]) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let total = expected_documents(inputs);
    let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr());
    let template = if total.is_some() {
        "{bar:30} {human_pos}/{human_len} documents  {per_sec}  ETA {eta}"
    } else {
        "{spinner} {human_pos} documents  {per_sec}  elapsed {elapsed_precise}"
    };
    bar.set_style(ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_spinner()));
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// The number of documents the inputs hold, when it can be known cheaply:
/// one per article file, one per line of a JSON Lines file; `None` when a
/// feed, archive, URL or standard input is among them.
fn expected_documents(inputs: &[claimgraph::Result<Input>]) -> Option<u64> {
    use claimgraph::input::Format;
    let mut total = 0u64;
    for input in inputs.iter().flatten() {
        let Input::File(path) = input else { return None };
        match Format::from_path(path) {
            Some(Format::Jsonl) => {
                let mut f = std::fs::File::open(path).ok()?;
                let mut buf = vec![0u8; 1 << 20];
                loop {
                    let n = std::io::Read::read(&mut f, &mut buf).ok()?;
                    if n == 0 {
                        break;
                    }
                    total += buf[..n].iter().filter(|&&b| b == b'\n').count() as u64;
                }
            }
            Some(Format::Text | Format::Html) | None => total += 1,
            Some(_) => return None,
        }
    }
    Some(total)
}

/// Reads analysed records, one JSON object per line; a bad line is an error
/// naming `input#line`, and the other lines still come.
fn read_records(input: &Input) -> Box<dyn Iterator<Item = claimgraph::Result<DocRecord>>> {
    let name = input.name();
    let reader: Box<dyn BufRead> = match input {
        Input::File(p) => match std::fs::File::open(p) {
            Ok(f) => Box::new(BufReader::with_capacity(1 << 16, f)),
            Err(e) => return Box::new(std::iter::once(Err(claimgraph::Error::io(p, e)))),
        },
        Input::Stdin => Box::new(BufReader::new(std::io::stdin())),
        Input::Url(u) => {
            return Box::new(std::iter::once(Err(claimgraph::Error::Format {
                path: u.clone(),
                message: "records are read from files or standard input".into(),
            })))
        }
    };
    Box::new(reader.lines().enumerate().filter_map(move |(n, line)| {
        let here = format!("{name}#{}", n + 1);
        match line {
            Err(e) => Some(Err(claimgraph::Error::Io { path: here, source: e })),
            Ok(l) if l.trim().is_empty() => None,
            Ok(l) => Some(serde_json::from_str::<DocRecord>(&l).map_err(|e| claimgraph::Error::Format {
                path: here,
                message: format!("not an analysed record: {e}"),
            })),
        }
    }))
}
