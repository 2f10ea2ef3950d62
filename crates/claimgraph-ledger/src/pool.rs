//! A small pool of read-only ledgers for multi-threaded readers (the web
//! server): each thread borrows a connection, and returns it on drop.
//!
//! Pooled connections read the file through a memory map
//! ([`MMAP_BYTES`]): a page not yet read by this connection is then a
//! pointer into the OS page cache, not a `pread` copied into the
//! connection's own page cache. With several connections, each one's cache
//! would otherwise fill with its own copy of the same pages (fresh memory
//! the kernel zeroes first) and look them up on every row: with 200
//! clients asking for 5,000 new entity pages of a 111k-claim ledger, the
//! server spent 0.49-0.50 ms of CPU on each without the map and 0.26-0.30
//! ms with it (BENCHMARKS.md, Workbench, "Eleventh session").

use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::Result;
use crate::read::Ledger;

/// Bytes of the file each pooled connection maps: all of it (SQLite maps
/// the file's size, up to this and to its compile-time cap,
/// `SQLITE_MAX_MMAP_SIZE`, which `.cargo/config.toml` raises from 2 GB).
/// The mapped pages are the OS page cache's own, shared and clean, so they
/// count in the server's resident size (RSS) without being memory of its
/// own. A read error on a mapped page ends the process (SIGBUS) where a
/// `pread` would have returned an error; the file is a local ledger that
/// only SQLite writes.
pub const MMAP_BYTES: i64 = 1 << 40;

/// Read-only ledgers shared by threads. `LedgerPool` is `Send + Sync`.
pub struct LedgerPool {
    path: PathBuf,
    idle: Mutex<Vec<Ledger>>,
    max_idle: usize,
}

/// A ledger borrowed from a [`LedgerPool`]; goes back on drop.
pub struct PooledLedger<'p> {
    pool: &'p LedgerPool,
    ledger: Option<Ledger>,
}

impl LedgerPool {
    /// A pool over the ledger at `path`, keeping at most `max_idle`
    /// connections open between uses. Opens one connection now, so that a
    /// missing or unmigrated file is reported at once.
    pub fn new(path: &Path, max_idle: usize) -> Result<LedgerPool> {
        let first = open_mapped(path)?;
        Ok(LedgerPool { path: path.to_path_buf(), idle: Mutex::new(vec![first]), max_idle: max_idle.max(1) })
    }

    /// Borrows a ledger, opening a new connection when none is idle.
    pub fn get(&self) -> Result<PooledLedger<'_>> {
        let idle = self.idle.lock().map(|mut v| v.pop()).unwrap_or(None);
        let ledger = match idle {
            Some(l) => l,
            None => open_mapped(&self.path)?,
        };
        Ok(PooledLedger { pool: self, ledger: Some(ledger) })
    }
}

/// A read-only ledger reading its file through a memory map.
fn open_mapped(path: &Path) -> Result<Ledger> {
    let ledger = Ledger::open_read_only(path)?;
    ledger.connection().pragma_update(None, "mmap_size", MMAP_BYTES)?;
    Ok(ledger)
}

impl Deref for PooledLedger<'_> {
    type Target = Ledger;
    fn deref(&self) -> &Ledger {
        // Always Some until drop.
        self.ledger.as_ref().unwrap_or_else(|| unreachable!("pooled ledger used after drop"))
    }
}

impl Drop for PooledLedger<'_> {
    fn drop(&mut self) {
        if let (Some(l), Ok(mut idle)) = (self.ledger.take(), self.pool.idle.lock()) {
            if idle.len() < self.pool.max_idle {
                idle.push(l);
            }
        }
    }
}
