//! `claimgraph serve`: the HTTP API and the analyst workbench over a ledger.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use claimgraph_server::Config;

/// Arguments of `serve`.
#[derive(clap::Args)]
pub struct Args {
    /// The ledger file.
    #[arg(long, default_value = "claimgraph.db")]
    pub db: PathBuf,
    /// Address to listen on. A loopback address answers only requests
    /// naming localhost; give 0.0.0.0:PORT to serve a network.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Accept changes (analysed articles added to the ledger, entity merges
    /// and splits) from requests carrying the token.
    #[arg(long)]
    pub allow_write: bool,
    /// The write token (at least 12 characters); also read from
    /// CLAIMGRAPH_TOKEN, which keeps it out of the process list.
    #[arg(long)]
    pub token: Option<String>,
    /// Database queries run at once (default: one per core, at least 4).
    #[arg(long)]
    pub workers: Option<usize>,
    /// Largest request body in bytes.
    #[arg(long, default_value_t = claimgraph_server::DEFAULT_MAX_BODY)]
    pub max_body: usize,
}

/// Runs `serve` until Ctrl-C.
pub fn run(args: Args) -> Result<ExitCode> {
    let config = config(args)?;
    no_huge_pages();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().context("starting the runtime")?;
    runtime.block_on(claimgraph_server::serve(config, announce))?;
    Ok(ExitCode::SUCCESS)
}

/// Turns off transparent huge pages for this process. The allocator asks
/// for them (mimalloc advises its regions MADV_HUGEPAGE), and then the first
/// touch of each new 2 MB region has the kernel zero all 2 MB at once. A
/// fresh server allocates and frees many small, short-lived values per
/// uncached answer (rows, strings, JSON), and mimalloc returns regions left
/// unused for a second to the kernel; the kernel zeroing huge pages took a
/// tenth of the server's CPU samples while it computed new entity pages,
/// and without huge pages each new page cost about 15% less CPU
/// (BENCHMARKS.md, Workbench, "Eleventh session"). Only the server:
/// `extract` and `ingest` keep large, long-lived model tables, which huge
/// pages suit. Linux only; a failure leaves the process as it was.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes integer arguments only and changes a
    // flag of the calling process.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// The server configuration for these arguments.
pub fn config(mut args: Args) -> Result<Config> {
    if args.token.is_none() {
        args.token = std::env::var("CLAIMGRAPH_TOKEN").ok().filter(|t| !t.is_empty());
    }
    if args.allow_write && args.token.is_none() {
        bail!("--allow-write needs a token: --token T or the environment variable CLAIMGRAPH_TOKEN");
    }
    if args.token.is_some() && !args.allow_write {
        // A token alone would silently do nothing: say so.
        eprintln!("claimgraph serve: a token was given without --allow-write; the server is read-only");
    }
    if !args.allow_write && !args.db.exists() {
        bail!(
            "{}: no such ledger; create it with `claimgraph ingest --db {} ARTICLES`",
            args.db.display(),
            args.db.display()
        );
    }
    let mut config = Config::new(args.db, args.addr);
    config.write_token = if args.allow_write { args.token } else { None };
    if let Some(w) = args.workers {
        config.db_workers = w.max(1);
    }
    config.max_body = args.max_body;
    Ok(config)
}

/// Prints the workbench's URL once the server listens.
pub fn announce(addr: SocketAddr) {
    let host = if addr.ip().is_unspecified() { "127.0.0.1".to_string() } else { addr.ip().to_string() };
    let host = if addr.is_ipv6() && !addr.ip().is_unspecified() { format!("[{host}]") } else { host };
    println!("claimgraph workbench: http://{host}:{}/", addr.port());
    println!("(Ctrl-C stops it)");
}
