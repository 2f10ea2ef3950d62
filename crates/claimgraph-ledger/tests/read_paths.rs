//! The read paths kept cheap for the web server: stored relation counts
//! (schema version 5, and the migration of a version 4 file), entity counts
//! from the daily table, and the in-memory name search. Each is checked
//! against a direct count over the base tables.

use claimgraph_ledger::synth::{Generator, SynthConfig};
use claimgraph_ledger::{Ledger, LedgerWriter};

fn ledger_with_relations() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("ledger.db");
    let recs: Vec<_> =
        Generator::new(SynthConfig { docs: 150, seed: 11, ..Default::default() }).map(|a| a.record).collect();
    let mut w = LedgerWriter::open(&db).unwrap();
    w.write_records(recs).unwrap();
    drop(w);
    (dir, db)
}

fn direct_relation_counts(l: &Ledger) -> (i64, i64) {
    let count = |kind: &str| -> i64 {
        l.connection().query_row("SELECT count(*) FROM relations WHERE kind = ?1", [kind], |r| r.get(0)).unwrap()
    };
    (count("contradicts"), count("corroborates"))
}

#[test]
fn stored_relation_counts_follow_ingest_and_merges() {
    let (_dir, db) = ledger_with_relations();
    let mut l = Ledger::open(&db).unwrap();
    let stats = l.stats().unwrap();
    let (contradicts, corroborates) = direct_relation_counts(&l);
    assert!(contradicts > 0 && corroborates > 0, "{contradicts} {corroborates}");
    assert_eq!((stats.contradicts, stats.corroborates), (contradicts, corroborates));
    // A merge deletes the corroborations a speaker would make with
    // themselves: the stored counts follow the deletions.
    let speakers: Vec<String> = {
        let mut st = l
            .connection()
            .prepare(
                "SELECT e.id FROM claims c JOIN entities e ON e.rowid = c.speaker_entity
                 GROUP BY e.rowid ORDER BY count(*) DESC LIMIT 2",
            )
            .unwrap();
        st.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
    };
    assert_eq!(speakers.len(), 2);
    l.merge_entities(&speakers[0], &speakers[1]).unwrap();
    let stats = l.stats().unwrap();
    assert_eq!((stats.contradicts, stats.corroborates), direct_relation_counts(&l));
}

#[test]
fn a_version_4_ledger_is_migrated_with_its_relation_counts() {
    let (_dir, db) = ledger_with_relations();
    let expected = direct_relation_counts(&Ledger::open(&db).unwrap());
    {
        // Take the file back to version 4 as that build wrote it.
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "DROP TRIGGER IF EXISTS claim_cards_insert; DROP TRIGGER claim_cards_update; DROP TRIGGER claim_cards_delete;
             DROP TABLE claim_cards;
             DROP TRIGGER IF EXISTS relation_counts_insert; DROP TRIGGER relation_counts_delete;
             DROP TRIGGER relation_counts_update; DROP TABLE relation_counts; PRAGMA user_version = 4;",
        )
        .unwrap();
    }
    // A read-only open refuses the old file; a read-write open migrates it.
    assert!(Ledger::open_read_only(&db).is_err());
    let l = Ledger::open(&db).unwrap();
    let stats = l.stats().unwrap();
    assert_eq!(stats.schema_version, claimgraph_ledger::schema::CURRENT_VERSION);
    assert_eq!((stats.contradicts, stats.corroborates), expected);
    drop(l);
    // Later ingests keep counting.
    let more: Vec<_> =
        Generator::new(SynthConfig { docs: 60, seed: 12, ..Default::default() }).map(|a| a.record).collect();
    let mut w = LedgerWriter::open(&db).unwrap();
    w.write_records(more).unwrap();
    drop(w);
    let l = Ledger::open_read_only(&db).unwrap();
    let stats = l.stats().unwrap();
    assert_eq!((stats.contradicts, stats.corroborates), direct_relation_counts(&l));
}

#[test]
fn entity_counts_and_name_search_match_the_base_tables() {
    let (_dir, db) = ledger_with_relations();
    let l = Ledger::open_read_only(&db).unwrap();
    let all = l.entities(None, None).unwrap();
    assert!(all.len() > 10);
    for e in &all {
        let row: i64 =
            l.connection().query_row("SELECT rowid FROM entities WHERE id = ?1", [&e.id], |r| r.get(0)).unwrap();
        let count = |sql: &str| -> i64 { l.connection().query_row(sql, [row], |r| r.get(0)).unwrap() };
        assert_eq!(e.documents, count("SELECT count(*) FROM doc_entities WHERE entity = ?1"), "{}", e.id);
        assert_eq!(e.claims_by, count("SELECT count(*) FROM claims WHERE speaker_entity = ?1"), "{}", e.id);
        assert_eq!(e.claims_about, count("SELECT count(*) FROM claim_about WHERE entity = ?1"), "{}", e.id);
    }
    // Name search: a spelling's inner part, any case, finds the entity; the
    // order is that of the matching spellings' mentions, as the SQL gives it.
    let name = &all[0].aliases[0].alias;
    let chars: Vec<char> = name.chars().collect();
    let inner: String = chars[1..chars.len().saturating_sub(1).max(2)].iter().collect::<String>().to_uppercase();
    let found = l.entities(Some(&inner), Some(50)).unwrap();
    assert!(found.iter().any(|f| f.id == all[0].id), "{inner:?} did not find {name:?}");
    let key = claimgraph_ledger::norm::name_key(&inner);
    let expected: Vec<String> = {
        let mut st = l
            .connection()
            .prepare(
                "SELECT e.id FROM aliases a JOIN entities e ON e.rowid = a.entity
                 WHERE instr(a.key, ?1) > 0 AND e.merged_into IS NULL
                 GROUP BY a.entity ORDER BY sum(a.count) DESC, a.entity LIMIT 50",
            )
            .unwrap();
        st.query_map([key], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
    };
    assert_eq!(found.iter().map(|f| f.id.clone()).collect::<Vec<_>>(), expected);
    assert!(l.entities(Some("zzqqxxnotaname"), Some(5)).unwrap().is_empty());
}
