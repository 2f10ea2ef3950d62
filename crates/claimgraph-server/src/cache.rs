//! A bounded cache of API answers, dropped whenever the ledger changes.
//!
//! An entity page or a search costs milliseconds of SQLite work; the same
//! answer served again costs microseconds. Answers are keyed by path and
//! query, kept gzip-compressed (JSON shrinks five- to tenfold, so the budget
//! holds that many more pages, and browsers, which ask for gzip, get the
//! stored bytes as they are), held up to a byte budget (second-chance
//! eviction), and belong to
//! a *generation*: a watcher thread polls SQLite's `PRAGMA data_version`
//! (which changes whenever another connection commits, e.g. an ingest in
//! another process) and the server's own writes bump it too, so a cached
//! answer is never served after the ledger has changed (for changes made by
//! other processes: at most [`POLL`] later).
//!
//! Concurrent misses on one key compute the answer once: the first request
//! runs the query, the others wait for it and take the cached answer, so a
//! page opened by many clients at once (or an expensive one such as
//! `/api/info` on a large ledger) costs one query, not one per client.

use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::io::Read;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use flate2::read::GzDecoder;
use flate2::Crc;
use zlib_rs::{Deflate, DeflateFlush, Status};

/// How often the watcher looks for commits by other processes.
pub const POLL: Duration = Duration::from_millis(250);

struct Entry {
    /// The answer, gzip-compressed.
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
    /// Keys being computed now, each with the lock its waiters queue on.
    inflight: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
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
            inflight: Mutex::new(HashMap::new()),
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

/// Removes a key from the in-flight map when its computation ends (also
/// when the request is dropped half-way).
struct Flight<'a> {
    cache: &'a ResponseCache,
    key: &'a str,
    lock: Arc<tokio::sync::Mutex<()>>,
}

impl Drop for Flight<'_> {
    fn drop(&mut self) {
        if let Ok(mut map) = self.cache.inflight.lock() {
            if map.get(self.key).is_some_and(|l| Arc::ptr_eq(l, &self.lock)) {
                map.remove(self.key);
            }
        }
    }
}

impl ResponseCache {
    /// The lock that concurrent misses on `key` queue on.
    fn flight(&self, key: &str) -> Option<Arc<tokio::sync::Mutex<()>>> {
        let mut map = self.inflight.lock().ok()?;
        Some(Arc::clone(map.entry(key.to_string()).or_default()))
    }
}

/// Middleware: serves GET `/api/...` answers from the cache, and caches
/// successful ones.
pub async fn layer(State(cache): State<Arc<ResponseCache>>, req: Request, next: Next) -> Response {
    let cacheable = req.method() == Method::GET && req.uri().path().starts_with("/api/") && cache.budget > 0;
    if !cacheable {
        return next.run(req).await;
    }
    let key = req.uri().path_and_query().map(|p| p.as_str().to_string()).unwrap_or_default();
    let gzip_ok = accepts_gzip(req.headers());
    if let Some(gz) = cache.get(&key) {
        cache.hits.fetch_add(1, Ordering::Relaxed);
        return cached(gz, gzip_ok);
    }
    // One computation per key: wait for a request computing the same answer
    // and take its result from the cache.
    let flight = cache.flight(&key);
    let _turn = match &flight {
        Some(lock) => Some(lock.lock().await),
        None => None,
    };
    let _leave = flight.as_ref().map(|lock| Flight { cache: &cache, key: &key, lock: Arc::clone(lock) });
    if let Some(gz) = cache.get(&key) {
        cache.hits.fetch_add(1, Ordering::Relaxed);
        return cached(gz, gzip_ok);
    }
    cache.misses.fetch_add(1, Ordering::Relaxed);
    let generation = cache.generation.load(Ordering::SeqCst);
    let res = next.run(req).await;
    if res.status() != StatusCode::OK {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let bytes = match axum::body::to_bytes(body, MAX_CACHED_BODY).await {
        Ok(bytes) => bytes,
        Err(_) => return crate::error::ApiError::internal("an answer could not be read back").into_response(),
    };
    let Some(gz) = gzip(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    cache.put(key.clone(), gz.clone(), generation);
    parts.headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if gzip_ok {
        parts.headers.remove(header::CONTENT_LENGTH);
        parts.headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
        Response::from_parts(parts, Body::from(gz))
    } else {
        Response::from_parts(parts, Body::from(bytes))
    }
}

/// Whether the client takes gzip (`Accept-Encoding: gzip`, not with q=0).
fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers.get_all(header::ACCEPT_ENCODING).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(',')).any(
        |item| {
            let mut it = item.split(';');
            let name = it.next().unwrap_or("").trim();
            let refused = it.any(|p| {
                let p = p.trim().replace(' ', "");
                p == "q=0" || p == "q=0.0" || p == "q=0.00" || p == "q=0.000"
            });
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
        },
    )
}

/// Deflate level of the cached answers: the fastest (the cost is paid on
/// every miss).
const LEVEL: i32 = 1;

thread_local! {
    /// One deflate state per thread, reset for each answer: a new one
    /// allocates and zeroes some 300 KB of tables, which took the kernel's
    /// page faults on every cache miss. zlib-rs rather than flate2's default
    /// backend (miniz_oxide): at the fastest level it compresses a 30 KB
    /// entity page in 25 µs instead of 48 µs, for 6% more bytes
    /// (`examples/cold_profile.rs`; BENCHMARKS.md, Workbench). Only the server uses it; flate2's
    /// backend, which the other crates share, stays as it is.
    static DEFLATE: RefCell<Deflate> = RefCell::new(Deflate::new(LEVEL, false, 15));
}

/// The answer compressed for the cache, as a gzip member: header, raw
/// deflate, CRC-32 and length.
fn gzip(bytes: &[u8]) -> Option<Bytes> {
    DEFLATE.with(|cell| {
        let mut deflate = cell.try_borrow_mut().ok()?;
        deflate.reset();
        // ID1 ID2, deflate, no flags, no time, no extra flags, unknown OS.
        const HEADER: [u8; 10] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
        let mut out = vec![0u8; HEADER.len() + bytes.len() / 4 + 1024];
        out[..HEADER.len()].copy_from_slice(&HEADER);
        loop {
            let done = usize::try_from(deflate.total_in()).ok()?;
            let written = HEADER.len() + usize::try_from(deflate.total_out()).ok()?;
            if out.len() - written < 1024 {
                out.resize(out.len() * 2, 0);
            }
            let status = deflate.compress(bytes.get(done..)?, out.get_mut(written..)?, DeflateFlush::Finish).ok()?;
            if status == Status::StreamEnd {
                break;
            }
        }
        out.truncate(HEADER.len() + usize::try_from(deflate.total_out()).ok()?);
        let mut crc = Crc::new();
        crc.update(bytes);
        out.extend_from_slice(&crc.sum().to_le_bytes());
        // ISIZE: the length modulo 2^32, as the format says.
        out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
        Some(Bytes::from(out))
    })
}

/// A cached answer: as stored for a client taking gzip, else decompressed.
fn cached(gz: Bytes, gzip_ok: bool) -> Response {
    let body = if gzip_ok {
        gz
    } else {
        let mut out = Vec::with_capacity(gz.len() * 6);
        if GzDecoder::new(&gz[..]).read_to_end(&mut out).is_err() {
            return crate::error::ApiError::internal("a cached answer could not be read").into_response();
        }
        Bytes::from(out)
    };
    let mut res = Response::new(Body::from(body));
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if gzip_ok {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
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
    fn gzip_negotiation_and_round_trip() {
        let h = |v: &str| {
            let mut m = HeaderMap::new();
            m.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(v).expect("header"));
            m
        };
        assert!(accepts_gzip(&h("gzip, deflate, br, zstd")));
        assert!(accepts_gzip(&h("br;q=1.0, gzip;q=0.8")));
        assert!(!accepts_gzip(&h("gzip;q=0, br")));
        assert!(!accepts_gzip(&h("identity")));
        assert!(!accepts_gzip(&HeaderMap::new()));
        let json = br#"{"claims":[{"content":"Iran had not transferred cruise missiles to Russia"}]}"#.repeat(50);
        let gz = gzip(&json).expect("compressed");
        assert!(gz.len() * 5 < json.len(), "{} bytes from {}", gz.len(), json.len());
        let mut back = Vec::new();
        GzDecoder::new(&gz[..]).read_to_end(&mut back).expect("decompressed");
        assert_eq!(back, json);
    }

    #[test]
    fn concurrent_misses_share_one_lock_and_leave_no_trace() {
        let cache = ResponseCache::new(1 << 20);
        let a = cache.flight("/api/info").expect("lock");
        let b = cache.flight("/api/info").expect("lock");
        assert!(Arc::ptr_eq(&a, &b));
        assert!(!Arc::ptr_eq(&a, &cache.flight("/api/search?q=x").expect("lock")));
        drop(Flight { cache: &cache, key: "/api/info", lock: a });
        drop(Flight { cache: &cache, key: "/api/search?q=x", lock: b });
        // The first flight removed its key; the second's lock was not the
        // one in the map for its key, which stays.
        let map = cache.inflight.lock().expect("lock");
        assert!(!map.contains_key("/api/info"));
        assert!(map.contains_key("/api/search?q=x"));
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
