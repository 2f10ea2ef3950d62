//! Shared by the API and browser tests: a temporary ledger holding the seed
//! article (the repository's copy in `examples/`) and the hostile fixtures,
//! and a server on an ephemeral loopback port.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use claimgraph::input::{expand_sources, read_input};
use claimgraph::Pipeline;
use claimgraph_ledger::LedgerWriter;
use claimgraph_server::Config;

/// The token of writable test servers.
pub const TOKEN: &str = "test-token-0123456789";

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The seed article (the repository's copy).
pub fn seed_path() -> PathBuf {
    repo_root().join("examples/000_942ec9199f9d840f.txt")
}

/// The hostile fixtures: articles whose text, titles and URLs carry markup.
pub fn hostile_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile.jsonl")
}

/// Analyses `sources` and stores them in a new ledger at `db`.
pub fn build_ledger(db: &Path, sources: &[PathBuf]) {
    let pipeline = Pipeline::new().expect("models load");
    let mut writer = LedgerWriter::open(db).expect("ledger opens");
    let names: Vec<String> = sources.iter().map(|p| p.display().to_string()).collect();
    let mut docs = Vec::new();
    for input in expand_sources(&names) {
        let input = input.expect("input exists");
        for raw in read_input(&input) {
            docs.push(pipeline.analyse_raw(raw.expect("input reads")).expect("input analyses"));
        }
    }
    writer.write_documents(docs).expect("documents are stored");
}

/// A server running on its own thread until dropped.
pub struct TestServer {
    /// Where it listens.
    pub addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl TestServer {
    /// Starts a server over `db` on 127.0.0.1 (port chosen by the system).
    pub fn start(db: &Path, token: Option<&str>) -> TestServer {
        Self::start_with(db, token, |_| {})
    }

    /// Starts a server after adjusting its configuration.
    pub fn start_with(db: &Path, token: Option<&str>, adjust: impl FnOnce(&mut Config)) -> TestServer {
        let mut config = Config::new(db.to_path_buf(), "127.0.0.1:0".parse().expect("address"));
        config.write_token = token.map(str::to_string);
        adjust(&mut config);
        let (ready_tx, ready_rx) = mpsc::channel();
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let rt =
                tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
            let fail = ready_tx.clone();
            let result = rt.block_on(claimgraph_server::serve_until(
                config,
                move |addr| {
                    let _ = ready_tx.send(Ok(addr));
                },
                async move {
                    let _ = stop_rx.await;
                },
            ));
            if let Err(e) = result {
                let _ = fail.send(Err(e.to_string()));
            }
        });
        let addr = ready_rx.recv_timeout(Duration::from_secs(60)).expect("server starts").expect("server starts");
        TestServer { addr, stop: Some(stop_tx), thread: Some(thread) }
    }

    /// The base URL.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Sends a raw HTTP/1.1 request (exactly as written: no path
/// normalisation by a client library) and returns status and body.
pub fn raw_request(
    addr: SocketAddr,
    request_line: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> (u16, String, String) {
    let mut s = TcpStream::connect(addr).expect("connects");
    s.set_read_timeout(Some(Duration::from_secs(30))).expect("timeout");
    let mut req = format!("{request_line}\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        req += &format!("{k}: {v}\r\n");
    }
    if !body.is_empty() {
        req += &format!("Content-Length: {}\r\n", body.len());
    }
    req += "\r\n";
    s.write_all(req.as_bytes()).expect("writes");
    // The server may answer (413) before reading a large body; a reset on
    // writing the rest is expected then.
    let _ = s.write_all(body);
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    let text = String::from_utf8_lossy(&out).to_string();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    (status, head.to_string(), body.to_string())
}
