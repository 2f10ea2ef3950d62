//! A bounded cache of API answers, dropped whenever the ledger changes.
//!
//! An entity page or a search costs milliseconds of SQLite work; the same
//! answer served again costs microseconds. Answers are keyed by path and
//! query, held up to a byte budget (second-chance eviction), and belong to
//! a *generation*: a watcher thread polls SQLite's `PRAGMA data_version`
//! (which changes whenever another connection commits, e.g. an ingest in
//! another process) and the server's own writes bump it too, so a cached
//! answer is never served after the ledger has changed (for changes made by
//! other processes: at most [`POLL`] later).

use std::collections::{HashMap, VecDeque};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// How often the watcher looks for commits by other processes.
pub const POLL: Duration = Duration::from_millis(250);

struct Entry {
    body: Bytes,
    generation: u64,
    used: bool,
}

#[derive(Default)]
struct Inner {
    map: HashMap<String, Entry>,
    order: VecDeque<String>,
    bytes: usize,
}

/// The cache. Cheap to share (`Arc`).
pub struct ResponseCache {
    inner: Mutex<Inner>,
    generation: AtomicU64,
    budget: usize,
    hits: AtomicU64,
    misses: AtomicU64,
}

impl ResponseCache {
    /// A cache holding at most `budget` bytes of answers (0 disables it).
    pub fn new(budget: usize) -> Arc<ResponseCache> {
        Arc::new(ResponseCache {
            inner: Mutex::new(Inner::default()),
            generation: AtomicU64::new(0),
            budget,
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
        })
    }

    /// Starts the thread that drops the cache when the ledger at `db`
    /// changes. It ends when the cache is dropped.
    pub fn watch(self: &Arc<Self>, db: &Path) {
        if self.budget == 0 {
            return;
        }
        let weak: Weak<ResponseCache> = Arc::downgrade(self);
        let db = db.to_path_buf();
        let spawned = std::thread::Builder::new().name("cache-watch".into()).spawn(move || {
            let conn = match claimgraph_ledger::Ledger::open_read_only(&db) {
                Ok(l) => l,
                Err(e) => {
                    eprintln!("claimgraph serve: the answer cache cannot watch {}: {e}", db.display());
                    return;
                }
            };
            let version = |l: &claimgraph_ledger::Ledger| -> Option<i64> {
                l.connection().query_row("PRAGMA data_version", [], |r| r.get(0)).ok()
            };
            let mut last = version(&conn);
            loop {
                std::thread::sleep(POLL);
                let Some(cache) = weak.upgrade() else { return };
                let now = version(&conn);
                if now != last {
                    cache.invalidate();
                    last = now;
                }
            }
        });
        if let Err(e) = spawned {
            eprintln!("claimgraph serve: the answer cache cannot watch the ledger ({e}); it is off");
        }
    }

    /// Drops every cached answer (after a change to the ledger).
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        if let Ok(mut inner) = self.inner.lock() {
            *inner = Inner::default();
        }
    }

    /// (hits, misses) so far.
    pub fn counts(&self) -> (u64, u64) {
        (self.hits.load(Ordering::Relaxed), self.misses.load(Ordering::Relaxed))
    }

    fn get(&self, key: &str) -> Option<Bytes> {
        if self.budget == 0 {
            return None;
        }
        let generation = self.generation.load(Ordering::SeqCst);
        let mut inner = self.inner.lock().ok()?;
        let e = inner.map.get_mut(key)?;
        if e.generation != generation {
            return None;
        }
        e.used = true;
        Some(e.body.clone())
    }

    fn put(&self, key: String, body: Bytes, generation: u64) {
        // One answer may take at most a sixteenth of the budget, so that a
        // few large documents cannot flush everything else.
        if self.budget == 0 || body.len() > self.budget / 16 || generation != self.generation.load(Ordering::SeqCst) {
            return;
        }
        let Ok(mut inner) = self.inner.lock() else { return };
        let cost = body.len() + key.len();
        if let Some(old) = inner.map.insert(key.clone(), Entry { body, generation, used: false }) {
            inner.bytes -= old.body.len() + key.len();
        } else {
            inner.order.push_back(key);
        }
        inner.bytes += cost;
        // Second chance: an answer used since it was last looked at goes
        // round again; the first unused one is evicted.
        let mut turns = inner.order.len() * 2;
        while inner.bytes > self.budget && turns > 0 {
            turns -= 1;
            let Some(k) = inner.order.pop_front() else { break };
            let used = inner.map.get_mut(&k).map(|e| std::mem::replace(&mut e.used, false));
            match used {
                Some(true) => inner.order.push_back(k),
                Some(false) => {
                    if let Some(e) = inner.map.remove(&k) {
                        inner.bytes -= e.body.len() + k.len();
                    }
                }
                None => {}
            }
        }
    }
}

/// Largest answer read back into the cache.
const MAX_CACHED_BODY: usize = 8 * 1024 * 1024;

/// Middleware: serves GET `/api/...` answers from the cache, and caches
/// successful ones.
pub async fn layer(State(cache): State<Arc<ResponseCache>>, req: Request, next: Next) -> Response {
    let cacheable = req.method() == Method::GET && req.uri().path().starts_with("/api/") && cache.budget > 0;
    if !cacheable {
        return next.run(req).await;
    }
    let key = req.uri().path_and_query().map(|p| p.as_str().to_string()).unwrap_or_default();
    if let Some(body) = cache.get(&key) {
        cache.hits.fetch_add(1, Ordering::Relaxed);
        return json(body);
    }
    cache.misses.fetch_add(1, Ordering::Relaxed);
    let generation = cache.generation.load(Ordering::SeqCst);
    let res = next.run(req).await;
    if res.status() != StatusCode::OK {
        return res;
    }
    let (parts, body) = res.into_parts();
    match axum::body::to_bytes(body, MAX_CACHED_BODY).await {
        Ok(bytes) => {
            cache.put(key, bytes.clone(), generation);
            Response::from_parts(parts, Body::from(bytes))
        }
        Err(_) => crate::error::ApiError::internal("an answer could not be read back").into_response(),
    }
}

fn json(body: Bytes) -> Response {
    let mut res = Response::new(Body::from(body));
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_and_invalidated() {
        let cache = ResponseCache::new(16 * 100);
        for i in 0..100 {
            cache.put(format!("/k{i}"), Bytes::from(vec![b'x'; 90]), 0);
        }
        let inner = cache.inner.lock().expect("lock");
        assert!(inner.bytes <= 1600, "{}", inner.bytes);
        assert!(inner.map.len() < 100 && !inner.map.is_empty());
        drop(inner);
        cache.put("/a".into(), Bytes::from_static(b"{}"), 0);
        assert_eq!(cache.get("/a").as_deref(), Some(&b"{}"[..]));
        cache.invalidate();
        assert_eq!(cache.get("/a"), None);
        // An answer computed before a change is not stored after it.
        cache.put("/b".into(), Bytes::from_static(b"{}"), 0);
        assert_eq!(cache.get("/b"), None);
    }

    #[test]
    fn used_entries_survive_eviction() {
        let cache = ResponseCache::new(16 * 100);
        cache.put("/hot".into(), Bytes::from(vec![b'x'; 90]), 0);
        for i in 0..200 {
            assert!(cache.get("/hot").is_some(), "evicted after {i} inserts");
            cache.put(format!("/k{i}"), Bytes::from(vec![b'x'; 90]), 0);
        }
    }
}
