//! claimgraph's HTTP API and analyst workbench.
//!
//! One binary serves both: a JSON API over the ledger's read API (described
//! by `/openapi.json`) and a small web page (hand-written HTML, CSS and
//! JavaScript embedded in the binary; no external requests) with search,
//! entity pages, a conflicts view, an article view with highlighted spans
//! and an analyse box.
//!
//! - [`api`]: the JSON routes; [`analyse`]: analyse-this-text.
//! - [`state`]: the read pool, bounds on concurrent work, the write token.
//! - [`assets`]: the embedded page; [`security`]: headers, JSON errors,
//!   Host check.
//!
//! Security model: article text is hostile. The page builds its DOM with
//! `textContent` only and a strict Content-Security-Policy forbids inline
//! script; the server is read-only unless started with a write token,
//! which write requests carry as `Authorization: Bearer <token>`; request
//! bodies are size-limited; no request path maps to a file; every error is
//! JSON with a message.

#![warn(missing_docs)]

pub mod analyse;
pub mod api;
pub mod assets;
pub mod cache;
pub mod error;
pub mod extract;
pub mod json;
pub mod security;
pub mod state;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::middleware;
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;

pub use error::{ApiError, ServerError};
pub use state::AppState;

/// Largest request body accepted by default (an article as text or HTML).
pub const DEFAULT_MAX_BODY: usize = 2 * 1024 * 1024;

/// Answer cache size by default.
pub const DEFAULT_CACHE_BYTES: usize = 64 * 1024 * 1024;

/// How to run the server.
#[derive(Debug, Clone)]
pub struct Config {
    /// The ledger file.
    pub db: PathBuf,
    /// Where to listen.
    pub addr: SocketAddr,
    /// When set, write requests carrying this token are accepted.
    pub write_token: Option<String>,
    /// Most database queries run at once (the rest wait).
    pub db_workers: usize,
    /// Most analyses run at once.
    pub analysers: usize,
    /// Largest request body, in bytes.
    pub max_body: usize,
    /// Bytes of API answers kept in the answer cache (0: no cache).
    pub cache_bytes: usize,
}

impl Config {
    /// Defaults for a ledger and an address: read-only, one database
    /// worker per core (at least 4), one analysis at a time.
    pub fn new(db: PathBuf, addr: SocketAddr) -> Config {
        let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
        Config {
            db,
            addr,
            write_token: None,
            db_workers: cores.max(4),
            analysers: 1,
            max_body: DEFAULT_MAX_BODY,
            cache_bytes: DEFAULT_CACHE_BYTES,
        }
    }
}

/// Shortest write token accepted: a guessable token is no protection.
pub const MIN_TOKEN_LEN: usize = 12;

/// The shared state for a configuration: opens the ledger (creating it
/// when writes are allowed).
pub fn state(config: &Config) -> Result<Arc<AppState>, ServerError> {
    if let Some(t) = &config.write_token {
        if t.chars().count() < MIN_TOKEN_LEN {
            return Err(ServerError::Config(format!("the write token must have at least {MIN_TOKEN_LEN} characters")));
        }
        // Creates or migrates the file, so that a writable server may start
        // on a new ledger.
        claimgraph_ledger::Ledger::open(&config.db)
            .map_err(|source| ServerError::Ledger { path: config.db.display().to_string(), source })?;
    } else if schema_is_older(&config.db) {
        // A ledger written by an older build: its schema is brought up to
        // date once (migrations are additive, one transaction each), as any
        // other command would; the API itself stays read-only. When the file
        // cannot be written, opening it below reports the version.
        let _ = claimgraph_ledger::Ledger::open(&config.db);
    }
    let st = AppState::new(
        config.db.clone(),
        config.db_workers,
        config.analysers,
        config.cache_bytes,
        config.write_token.clone(),
    )
    .map_err(|source| ServerError::Ledger { path: config.db.display().to_string(), source })?;
    Ok(Arc::new(st))
}

/// Whether the file is a ledger of an older schema version than this build's.
fn schema_is_older(db: &std::path::Path) -> bool {
    db.exists()
        && claimgraph_ledger::store::open_ro(db)
            .and_then(|c| claimgraph_ledger::schema::version(&c))
            .is_ok_and(|v| v < claimgraph_ledger::schema::CURRENT_VERSION)
}

/// The whole application: API, assets and the security layers. With
/// `loopback_only`, requests must name a loopback host.
pub fn app(state: Arc<AppState>, max_body: usize, loopback_only: bool) -> Router {
    let cache = state.cache();
    let mut router = Router::new()
        .merge(api::routes())
        .merge(assets::routes())
        .fallback(security::not_found)
        .with_state(state)
        .layer(middleware::from_fn_with_state(cache, cache::layer))
        .layer(DefaultBodyLimit::max(max_body))
        .layer(middleware::from_fn(security::json_errors))
        .layer(CatchPanicLayer::custom(security::panic_response))
        .layer(middleware::from_fn(security::headers))
        // gzip when the client asks for it (browsers do; load generators
        // usually do not).
        .layer(CompressionLayer::new());
    if loopback_only {
        router = router.layer(middleware::from_fn(security::loopback_host_only));
    }
    router
}

/// Binds the address and serves until Ctrl-C (or SIGTERM). `ready` is
/// called with the bound address once the server accepts connections.
pub async fn serve(config: Config, ready: impl FnOnce(SocketAddr)) -> Result<(), ServerError> {
    serve_until(config, ready, shutdown_signal()).await
}

/// Binds the address and serves until `shutdown` completes (tests and
/// embedders stop the server this way).
pub async fn serve_until(
    config: Config,
    ready: impl FnOnce(SocketAddr),
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
    let state = state(&config)?;
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|source| ServerError::Bind { addr: config.addr.to_string(), source })?;
    let addr = listener.local_addr()?;
    let app = app(state, config.max_body, config.addr.ip().is_loopback());
    ready(addr);
    use axum::serve::ListenerExt;
    let listener = listener.tap_io(|tcp| {
        // Small JSON answers should leave at once, not wait for Nagle.
        let _ = tcp.set_nodelay(true);
    });
    axum::serve(listener, app).with_graceful_shutdown(shutdown).await?;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimgraph_ledger::synth::{Generator, SynthConfig};

    #[test]
    fn a_read_only_server_migrates_an_older_ledger() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("old.db");
        let recs: Vec<_> =
            Generator::new(SynthConfig { docs: 40, seed: 2, ..Default::default() }).map(|a| a.record).collect();
        let mut w = claimgraph_ledger::LedgerWriter::open(&db).expect("writer");
        w.write_records(recs).expect("ingest");
        drop(w);
        // Back to version 4, as the previous build left it.
        let old = claimgraph_ledger::Ledger::open(&db).expect("open");
        old.connection()
            .execute_batch(
                "DROP TRIGGER IF EXISTS claim_cards_insert; DROP TRIGGER claim_cards_update; DROP TRIGGER claim_cards_delete;
                 DROP TABLE claim_cards;
                 DROP TRIGGER IF EXISTS relation_counts_insert; DROP TRIGGER relation_counts_delete;
                 DROP TRIGGER relation_counts_update; DROP TABLE relation_counts; PRAGMA user_version = 4;",
            )
            .expect("downgrade");
        drop(old);
        assert!(schema_is_older(&db));
        let st = state(&Config::new(db.clone(), "127.0.0.1:0".parse().expect("addr"))).expect("server state");
        assert!(!st.writable());
        assert!(!schema_is_older(&db));
        let stats = st.reader().expect("reader").stats().expect("stats");
        assert_eq!(stats.schema_version, claimgraph_ledger::schema::CURRENT_VERSION);
        assert!(stats.contradicts + stats.corroborates > 0);
    }
}
