//! What every request shares: the ledger's read pool, the slots that bound
//! concurrent database work, the write token, and the analysis pipeline
//! (loaded on first use).

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use axum::body::Bytes;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use claimgraph::Pipeline;
use claimgraph_ledger::{Ledger, LedgerError, LedgerPool};
use serde::Serialize;
use tokio::sync::{Mutex, Semaphore};

use crate::cache::ResponseCache;
use crate::error::ApiError;
use crate::json::WriteJson;

/// How long a request may wait for a database slot before it is refused
/// with 503: under overload the server sheds load instead of queueing
/// without bound.
const SLOT_WAIT: Duration = Duration::from_secs(10);

/// Room reserved for an answer's JSON: an entity page or a search of
/// fifty claims takes 5-32 KB, so most answers are written without the
/// buffer growing (and being copied) on the way.
const JSON_CAPACITY: usize = 32 * 1024;

/// An answer already serialised to JSON (see [`AppState::read_json`]);
/// served as `application/json`, as `axum::Json` serves it.
pub struct JsonBody(Bytes);

impl IntoResponse for JsonBody {
    fn into_response(self) -> Response {
        ([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], self.0).into_response()
    }
}

/// Shared state of the server. See the module documentation.
pub struct AppState {
    pool: LedgerPool,
    db_path: PathBuf,
    db_slots: Semaphore,
    analyse_slots: Semaphore,
    write_token: Option<String>,
    write_lock: Mutex<()>,
    pipeline: OnceLock<Result<Arc<Pipeline>, String>>,
    cache: Arc<ResponseCache>,
}

impl AppState {
    /// State over the ledger at `db_path`, running at most `db_workers`
    /// queries and `analysers` analyses at once, caching up to
    /// `cache_bytes` of answers. Writes are allowed when a token is given.
    pub fn new(
        db_path: PathBuf,
        db_workers: usize,
        analysers: usize,
        cache_bytes: usize,
        write_token: Option<String>,
    ) -> Result<AppState, LedgerError> {
        let db_workers = db_workers.max(1);
        let pool = LedgerPool::new(&db_path, db_workers)?;
        let cache = ResponseCache::new(cache_bytes);
        cache.watch(&db_path);
        Ok(AppState {
            cache,
            pool,
            db_path,
            db_slots: Semaphore::new(db_workers),
            analyse_slots: Semaphore::new(analysers.max(1)),
            write_token,
            write_lock: Mutex::new(()),
            pipeline: OnceLock::new(),
        })
    }

    /// Whether write requests are accepted (with the token).
    pub fn writable(&self) -> bool {
        self.write_token.is_some()
    }

    /// Runs a read on a pooled ledger on the blocking thread pool, within
    /// the bound on concurrent database work.
    pub async fn read<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Ledger) -> Result<T, ApiError> + Send + 'static,
    {
        let _slot = acquire(&self.db_slots).await?;
        let state = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let ledger = state.pool.get()?;
            f(&ledger)
        })
        .await
        .map_err(ApiError::internal)?
    }

    /// [`AppState::read`] whose answer is serialised to JSON on the thread
    /// that computed it. The value (an entity page holds some two hundred
    /// strings) is then dropped by the thread that allocated it: handed back
    /// to the async runtime, every one of its strings was freed by another
    /// thread, which the allocator handles on a slower path, and its JSON
    /// was written on the threads that serve cached answers.
    pub async fn read_json<T, F>(self: &Arc<Self>, f: F) -> Result<JsonBody, ApiError>
    where
        T: Serialize,
        F: FnOnce(&Ledger) -> Result<T, ApiError> + Send + 'static,
    {
        self.read(move |l| {
            let value = f(l)?;
            let mut json = Vec::with_capacity(JSON_CAPACITY);
            serde_json::to_writer(&mut json, &value).map_err(ApiError::internal)?;
            Ok(JsonBody(Bytes::from(json)))
        })
        .await
    }

    /// [`AppState::read_json`] for the answers computed on every cache miss
    /// (entity pages, searches), whose JSON is written by
    /// [`crate::json::WriteJson`]: the same bytes as `serde_json`'s, in a
    /// third of the instructions.
    pub async fn read_answer<T, F>(self: &Arc<Self>, f: F) -> Result<JsonBody, ApiError>
    where
        T: WriteJson,
        F: FnOnce(&Ledger) -> Result<T, ApiError> + Send + 'static,
    {
        self.read(move |l| {
            let value = f(l)?;
            let mut json = Vec::with_capacity(JSON_CAPACITY);
            value.write_json(&mut json);
            Ok(JsonBody(Bytes::from(json)))
        })
        .await
    }

    /// Checks that writes are enabled and that the request carries the
    /// token (`Authorization: Bearer <token>`).
    pub fn check_write(&self, headers: &HeaderMap) -> Result<(), ApiError> {
        let Some(token) = &self.write_token else {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "the server is read-only; start it with --allow-write --token T to allow changes",
            ));
        };
        let given = headers
            .get(axum::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim);
        match given {
            Some(g) if constant_time_eq(g.as_bytes(), token.as_bytes()) => Ok(()),
            Some(_) => Err(ApiError::new(StatusCode::UNAUTHORIZED, "wrong write token")),
            None => Err(ApiError::new(
                StatusCode::UNAUTHORIZED,
                "write requests need the header Authorization: Bearer <token>",
            )),
        }
    }

    /// Runs a change to the ledger (one at a time) on the blocking pool.
    /// The caller has checked the token.
    pub async fn write<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&AppState) -> Result<T, ApiError> + Send + 'static,
    {
        let _one_writer = self.write_lock.lock().await;
        let state = Arc::clone(self);
        let result = tokio::task::spawn_blocking(move || f(&state)).await.map_err(ApiError::internal);
        // Whatever happened, cached answers may be stale now.
        self.cache.invalidate();
        result?
    }

    /// The answer cache.
    pub fn cache(&self) -> Arc<ResponseCache> {
        Arc::clone(&self.cache)
    }

    /// Runs an analysis on the blocking pool, within the bound on
    /// concurrent analyses (they are CPU-bound).
    pub async fn analyse<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&AppState, &Pipeline) -> Result<T, ApiError> + Send + 'static,
    {
        let _slot = acquire(&self.analyse_slots).await?;
        let state = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let pipeline = state.pipeline()?;
            f(&state, &pipeline)
        })
        .await
        .map_err(ApiError::internal)?
    }

    /// The ledger file.
    pub fn db_path(&self) -> &std::path::Path {
        &self.db_path
    }

    /// A read-only ledger from the pool (blocking; for use inside
    /// [`AppState::write`] or [`AppState::analyse`] closures).
    pub fn reader(&self) -> Result<claimgraph_ledger::PooledLedger<'_>, ApiError> {
        Ok(self.pool.get()?)
    }

    /// The analysis pipeline, loaded on first use (blocking).
    fn pipeline(&self) -> Result<Arc<Pipeline>, ApiError> {
        self.pipeline
            .get_or_init(|| Pipeline::new().map(Arc::new).map_err(|e| e.to_string()))
            .clone()
            .map_err(|e| ApiError::internal(format!("loading the models: {e}")))
    }
}

async fn acquire(slots: &Semaphore) -> Result<tokio::sync::SemaphorePermit<'_>, ApiError> {
    match tokio::time::timeout(SLOT_WAIT, slots.acquire()).await {
        Ok(Ok(permit)) => Ok(permit),
        Ok(Err(_)) => Err(ApiError::internal("semaphore closed")),
        Err(_) => Err(ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "the server is overloaded; retry")),
    }
}

/// Compares two byte strings in time that depends only on their lengths,
/// so that a wrong token leaks nothing about the right one through timing.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::constant_time_eq;

    #[test]
    fn token_comparison() {
        assert!(constant_time_eq(b"secret-token", b"secret-token"));
        assert!(!constant_time_eq(b"secret-token", b"secret-tokeN"));
        assert!(!constant_time_eq(b"secret", b"secret-token"));
    }
}
