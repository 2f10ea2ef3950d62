//! `claimgraph demo`: analyse articles (by default the seed example), store
//! them in a ledger, print what was found, and open the workbench on it.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use claimgraph::input::{expand_sources, read_input};
use claimgraph::{DocRecord, Pipeline};
use claimgraph_ledger::{Ledger, LedgerWriter, RelationFilter};
use claimgraph_server::Config;

/// The article analysed when none is given.
const SEED: &str = "examples/000_942ec9199f9d840f.txt";

/// Arguments of `demo`.
#[derive(clap::Args)]
pub struct Args {
    /// The ledger file (created when missing; articles already in it are
    /// not stored twice).
    #[arg(long, default_value = "claimgraph-demo.db")]
    pub db: PathBuf,
    /// Address of the workbench. When the port is taken, another free port
    /// is used.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Only analyse and store; do not start the workbench.
    #[arg(long)]
    pub no_serve: bool,
    /// Articles to analyse (default: the seed example).
    pub sources: Vec<String>,
}

/// Runs `demo`.
pub fn run(args: Args) -> Result<ExitCode> {
    let sources = if args.sources.is_empty() { vec![SEED.to_string()] } else { args.sources.clone() };
    let pipeline = Pipeline::new().context("loading the models")?;
    let mut docs = Vec::new();
    for input in expand_sources(&sources) {
        let input = match input {
            Ok(i) => i,
            Err(e) => {
                crate::report::bad_input(&e);
                continue;
            }
        };
        for raw in read_input(&input) {
            match raw.and_then(|r| pipeline.analyse_raw(r)) {
                Ok(doc) => docs.push(doc),
                Err(e) => crate::report::bad_input(&e),
            }
        }
    }
    if docs.is_empty() {
        bail!("no article could be read from {}", sources.join(", "));
    }
    for doc in &docs {
        println!("{}", DocRecord::from_document(doc).to_pretty());
    }
    let mut writer =
        LedgerWriter::open(&args.db).with_context(|| format!("opening the ledger {}", args.db.display()))?;
    let report =
        writer.write_documents(docs).with_context(|| format!("writing to the ledger {}", args.db.display()))?;
    drop(writer);
    eprintln!(
        "claimgraph: {} new documents, {} already present, {} claims, {} relations in {}",
        report.added,
        report.present,
        report.claims,
        report.relations,
        args.db.display()
    );
    print_relations(&args.db)?;
    if args.no_serve {
        return Ok(ExitCode::SUCCESS);
    }
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().context("starting the runtime")?;
    // A taken port should not end the demo: fall back to any free port.
    let addr = match std::net::TcpListener::bind(args.addr) {
        Ok(l) => {
            drop(l);
            args.addr
        }
        Err(_) => SocketAddr::new(args.addr.ip(), 0),
    };
    let config = Config::new(args.db.clone(), addr);
    runtime.block_on(claimgraph_server::serve(config, |addr| {
        super::serve::announce(addr);
        let base = format!("http://{}:{}", addr.ip(), addr.port());
        println!("  conflicts: {base}/#/conflicts    analyse a text: {base}/#/analyse");
    }))?;
    Ok(ExitCode::SUCCESS)
}

/// Prints the contradictions (then corroborations) the ledger holds, so the
/// demo shows at once where the sources disagree.
fn print_relations(db: &std::path::Path) -> Result<()> {
    let ledger = Ledger::open(db).with_context(|| format!("opening the ledger {}", db.display()))?;
    let mut out = std::io::stdout().lock();
    for kind in ["contradicts", "corroborates"] {
        let filter = RelationFilter { entity: None, kind: Some(kind.into()), limit: Some(20), offset: 0 };
        let rels = ledger.relations(&filter).with_context(|| format!("reading relations from {}", db.display()))?;
        for r in &rels {
            super::query::pretty_relation(&mut out, r)?;
            writeln!(out)?;
        }
    }
    Ok(())
}
