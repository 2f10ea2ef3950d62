//! Low-level storage helpers shared by the writer and the reader: opening
//! connections with the right pragmas, and the compressed record blob.

use std::io::{Read, Write};
use std::path::Path;
use std::time::Duration;

use claimgraph::output::DocRecord;
use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;
use flate2::Compression;
use rusqlite::{Connection, OpenFlags};

use crate::error::Result;

/// How long a connection waits for another writer's lock before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Opens a read-write connection: WAL journal (readers never block the
/// writer, and a killed writer loses only its open transaction), NORMAL
/// synchronisation (durable across a process crash; a power cut may lose
/// the last transactions but never corrupts the file), foreign keys off
/// (the ledger's own code keeps references consistent).
pub fn open_rw(path: &Path) -> Result<Connection> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.pragma_update(None, "cache_size", -65536)?;
    conn.set_prepared_statement_cache_capacity(64);
    stable_plans(&conn)?;
    Ok(conn)
}

/// Opens a read-only connection.
pub fn open_ro(path: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI,
    )?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "cache_size", -32768)?;
    conn.set_prepared_statement_cache_capacity(64);
    stable_plans(&conn)?;
    Ok(conn)
}

/// Query planner stability: without it, SQLite re-prepares a statement
/// whenever a new value is bound to its LIMIT or OFFSET (it plans with the
/// bound value), so every page of every list paid a parse and plan of its
/// query (13% of an uncached entity page's CPU), and the writer re-planned
/// its member and candidate lookups for each claim (3.6% of its time).
fn stable_plans(conn: &Connection) -> Result<()> {
    conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
    Ok(())
}

/// Compresses a record for storage. The document text is stored in its own
/// column and left out of the blob.
pub fn pack_record(rec: &DocRecord) -> Result<Vec<u8>> {
    let mut slim = rec.clone();
    slim.doc.text = String::new();
    let json = serde_json::to_vec(&slim)?;
    let mut enc = DeflateEncoder::new(Vec::with_capacity(json.len() / 3), Compression::fast());
    enc.write_all(&json)?;
    Ok(enc.finish()?)
}

/// Reads back a stored record, putting the text back in.
pub fn unpack_record(blob: &[u8], text: String) -> Result<DocRecord> {
    let mut json = Vec::with_capacity(blob.len() * 4);
    DeflateDecoder::new(blob).read_to_end(&mut json)?;
    let mut rec: DocRecord = serde_json::from_slice(&json)?;
    rec.doc.text = text;
    Ok(rec)
}

/// The current time as an RFC 3339 UTC timestamp.
pub fn now() -> String {
    jiff::Timestamp::now().to_string()
}
