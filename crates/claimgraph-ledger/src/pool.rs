//! A small pool of read-only ledgers for multi-threaded readers (the web
//! server): each thread borrows a connection, and returns it on drop.

use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::Result;
use crate::read::Ledger;

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
        let first = Ledger::open_read_only(path)?;
        Ok(LedgerPool { path: path.to_path_buf(), idle: Mutex::new(vec![first]), max_idle: max_idle.max(1) })
    }

    /// Borrows a ledger, opening a new connection when none is idle.
    pub fn get(&self) -> Result<PooledLedger<'_>> {
        let idle = self.idle.lock().map(|mut v| v.pop()).unwrap_or(None);
        let ledger = match idle {
            Some(l) => l,
            None => Ledger::open_read_only(&self.path)?,
        };
        Ok(PooledLedger { pool: self, ledger: Some(ledger) })
    }
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
