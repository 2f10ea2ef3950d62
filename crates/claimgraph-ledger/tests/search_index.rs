//! The full-text index kept in few segments (schema version 8): a version 7
//! file left in many segments is merged into one when opened, and the
//! writer merges the index at the end of a run once it holds too many;
//! searches answer the same either way.

use claimgraph_ledger::synth::{Generator, SynthConfig};
use claimgraph_ledger::{ClaimRow, Ledger, LedgerWriter};

/// Segments of the full-text index, counted as the writer counts them.
fn segments(conn: &rusqlite::Connection) -> i64 {
    conn.query_row("SELECT count(DISTINCT segid) FROM claims_fts_idx", [], |r| r.get(0)).unwrap()
}

/// A ledger written one small transaction at a time with FTS5's automatic
/// merges off, so that its index holds one segment per transaction.
fn fragmented_ledger(docs: usize, seed: u64) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("ledger.db");
    let recs: Vec<_> = Generator::new(SynthConfig { docs, seed, ..Default::default() }).map(|a| a.record).collect();
    drop(LedgerWriter::open(&db).unwrap());
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch("INSERT INTO claims_fts(claims_fts, rank) VALUES ('automerge', 0)").unwrap();
    }
    let mut w = LedgerWriter::open(&db).unwrap();
    for chunk in recs.chunks(docs.div_ceil(12)) {
        w.write_records(chunk.to_vec()).unwrap();
    }
    drop(w);
    (dir, db)
}

/// The searches compared: the longest word of a few claims, spread over the
/// ledger (so that their matches lie in different segments).
fn searches(l: &Ledger) -> Vec<(String, Vec<ClaimRow>)> {
    let mut st = l.connection().prepare("SELECT content FROM claims WHERE rowid % 17 = 0 LIMIT 8").unwrap();
    let contents: Vec<String> = st.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap();
    contents
        .iter()
        .filter_map(|c| c.split_whitespace().max_by_key(|w| w.len()).map(str::to_string))
        .map(|word| {
            let found = l.search(&word, 20).unwrap();
            (word, found)
        })
        .collect()
}

#[test]
fn a_version_7_ledger_is_migrated_with_its_search_index_merged() {
    let (_dir, db) = fragmented_ledger(120, 31);
    let before = {
        let l = Ledger::open_read_only(&db).unwrap();
        assert!(segments(l.connection()) > 8, "{} segments", segments(l.connection()));
        searches(&l)
    };
    assert!(before.iter().any(|(_, found)| !found.is_empty()));
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch("PRAGMA user_version = 7").unwrap();
    }
    assert!(Ledger::open_read_only(&db).is_err(), "a read-only open refuses the old file");
    let l = Ledger::open(&db).unwrap();
    assert_eq!(l.stats().unwrap().schema_version, claimgraph_ledger::schema::CURRENT_VERSION);
    assert_eq!(segments(l.connection()), 1);
    assert_eq!(searches(&l), before);
}

#[test]
fn the_writer_merges_the_search_index_past_its_bound() {
    let (_dir, db) = fragmented_ledger(120, 32);
    let mut w = LedgerWriter::open(&db).unwrap();
    let many = w.search_segments().unwrap();
    assert!(many > 8, "{many} segments");
    let searched = || searches(&Ledger::open_read_only(&db).unwrap());
    let reference = searched();
    assert_eq!(w.merge_search_index().unwrap(), Some(many));
    assert_eq!(w.search_segments().unwrap(), 1);
    assert_eq!(searched(), reference, "merging changes no answer");
    // Small runs, one document each: each adds a segment; under the bound
    // the index is left alone, past it merged into one again.
    let recs = Generator::new(SynthConfig { docs: 40, seed: 33, repeat_rate: 0.0, ..Default::default() });
    let mut left_alone = 0;
    for a in recs {
        let had = w.search_segments().unwrap();
        let report = w.write_records(vec![a.record]).unwrap();
        // All of a transaction's claims go into one new segment.
        assert_eq!(w.search_segments().unwrap(), had + i64::from(report.claims > 0));
        if w.search_segments().unwrap() > 8 {
            break;
        }
        left_alone += 1;
        assert_eq!(w.merge_search_index().unwrap(), None);
    }
    assert!(left_alone >= 7, "{left_alone} runs left alone");
    let reference = searched();
    assert_eq!(w.merge_search_index().unwrap(), Some(9));
    assert_eq!(w.search_segments().unwrap(), 1);
    assert_eq!(searched(), reference, "merging changes no answer");
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch("INSERT INTO claims_fts(claims_fts) VALUES ('integrity-check')").unwrap();
}
