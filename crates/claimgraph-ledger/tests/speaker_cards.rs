//! The cards in speaker order (schema version 9, `claim_cards_speaker`): a
//! version 8 file opens, gets the index and answers the same entity pages
//! and searches; the claims listed by an entity come from the index, and
//! stay those the joined base tables give through merges, splits, a later
//! ingest and a re-ingest of the same records.

use claimgraph_ledger::synth::{Generator, SynthConfig};
use claimgraph_ledger::{ClaimFilter, ClaimRow, EntityPage, Ledger, LedgerWriter};

fn ledger(docs: usize, seed: u64) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("ledger.db");
    let recs: Vec<_> = Generator::new(SynthConfig { docs, seed, ..Default::default() }).map(|a| a.record).collect();
    let mut w = LedgerWriter::open(&db).unwrap();
    w.write_records(recs).unwrap();
    drop(w);
    (dir, db)
}

/// Entity pages of the most mentioned entities and of the most frequent
/// speakers, and searches for the longest words of a few claims and for
/// those entities' names.
fn answers(l: &Ledger) -> (Vec<EntityPage>, Vec<Vec<ClaimRow>>) {
    let mut st = l
        .connection()
        .prepare(
            "SELECT e.id, e.name FROM claims c JOIN entities e ON e.rowid = c.speaker_entity
             GROUP BY e.rowid ORDER BY count(*) DESC, e.rowid LIMIT 6",
        )
        .unwrap();
    let mut entities: Vec<(String, String)> =
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().collect::<Result<_, _>>().unwrap();
    entities.extend(l.entities(None, Some(4)).unwrap().into_iter().map(|e| (e.id, e.name)));
    let pages = entities.iter().map(|(id, _)| l.entity_page(id, 7).unwrap()).collect();
    let mut st = l.connection().prepare("SELECT content FROM claims WHERE rowid % 13 = 0 LIMIT 6").unwrap();
    let contents: Vec<String> = st.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap();
    let words = contents.iter().filter_map(|c| c.split_whitespace().max_by_key(|w| w.len()).map(str::to_string));
    let names = entities.iter().map(|(_, name)| name.clone());
    let searches = words.chain(names).map(|q| l.search(&q, 20).unwrap()).collect();
    (pages, searches)
}

/// Whether the speaker index is there and SQLite finds the file sound.
fn index_sound(l: &Ledger) -> bool {
    let has: i64 = l
        .connection()
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'claim_cards_speaker'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let check: String = l.connection().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    has == 1 && check == "ok"
}

/// Claim ids listed by entity row `row` as the base tables give them:
/// newest first, copies left out.
fn joined_by(l: &Ledger, row: i64, limit: i64) -> Vec<String> {
    let mut st = l
        .connection()
        .prepare(
            "SELECT c.id FROM claims c WHERE c.speaker_entity = ?1 AND c.copy_of IS NULL
             ORDER BY c.published DESC, c.rowid DESC LIMIT ?2",
        )
        .unwrap();
    st.query_map(rusqlite::params![row, limit], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
}

/// Every speaker's page lists the claims the base tables give.
fn by_lists_match(l: &Ledger) -> usize {
    let mut st = l.connection().prepare("SELECT rowid, id FROM entities WHERE merged_into IS NULL").unwrap();
    let entities: Vec<(i64, String)> =
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().collect::<Result<_, _>>().unwrap();
    let mut listed = 0;
    for (row, id) in entities {
        let page = l.entity_page(&id, 9).unwrap();
        let shown: Vec<String> = page.claims_by.iter().map(|c| c.id.clone()).collect();
        assert_eq!(shown, joined_by(l, row, 9), "{id}");
        listed += shown.len();
    }
    listed
}

#[test]
fn a_version_8_ledger_is_migrated_and_answers_the_same() {
    let (_dir, db) = ledger(120, 41);
    let before = answers(&Ledger::open_read_only(&db).unwrap());
    assert!(before.0.iter().filter(|p| !p.claims_by.is_empty()).count() >= 6);
    assert!(before.0.iter().any(|p| !p.relations.is_empty()));
    assert!(before.1.iter().any(|found| !found.is_empty()));
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch("DROP INDEX claim_cards_speaker; PRAGMA user_version = 8").unwrap();
    }
    assert!(Ledger::open_read_only(&db).is_err(), "a read-only open refuses the old file");
    let l = Ledger::open(&db).unwrap();
    assert_eq!(l.stats().unwrap().schema_version, claimgraph_ledger::schema::CURRENT_VERSION);
    assert!(index_sound(&l));
    assert_eq!(answers(&l), before);
}

#[test]
fn lists_by_an_entity_follow_merges_splits_and_ingest() {
    let (_dir, db) = ledger(150, 42);
    let mut l = Ledger::open(&db).unwrap();
    assert!(by_lists_match(&l) > 50);
    let mut st = l
        .connection()
        .prepare(
            "SELECT e.id FROM claims c JOIN entities e ON e.rowid = c.speaker_entity
             GROUP BY e.rowid ORDER BY count(*) DESC, e.rowid LIMIT 2",
        )
        .unwrap();
    let speakers: Vec<String> = st.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap();
    drop(st);
    l.merge_entities(&speakers[0], &speakers[1]).unwrap();
    by_lists_match(&l);
    assert!(index_sound(&l), "after a merge");
    let alias: String = l
        .connection()
        .query_row(
            "SELECT a.alias FROM aliases a JOIN entities e ON e.rowid = a.entity WHERE e.id = ?1
             ORDER BY a.count, a.alias LIMIT 1",
            [&speakers[0]],
            |r| r.get(0),
        )
        .unwrap();
    l.split_entity(&speakers[0], &alias).unwrap();
    by_lists_match(&l);
    assert!(index_sound(&l), "after a split");
    drop(l);
    let more: Vec<_> =
        Generator::new(SynthConfig { docs: 40, seed: 43, ..Default::default() }).map(|a| a.record).collect();
    let mut w = LedgerWriter::open(&db).unwrap();
    w.write_records(more.clone()).unwrap();
    drop(w);
    let l = Ledger::open_read_only(&db).unwrap();
    by_lists_match(&l);
    assert!(index_sound(&l), "after a second ingest");
    let cards =
        |l: &Ledger| -> i64 { l.connection().query_row("SELECT count(*) FROM claim_cards", [], |r| r.get(0)).unwrap() };
    let before = (cards(&l), answers(&l));
    drop(l);
    // The same records again: all already stored, nothing changes.
    let mut w = LedgerWriter::open(&db).unwrap();
    w.write_records(more).unwrap();
    drop(w);
    let l = Ledger::open_read_only(&db).unwrap();
    assert_eq!((cards(&l), answers(&l)), before, "after a re-ingest");
    assert!(index_sound(&l), "after a re-ingest");
}

/// Claim ids the general statement lists for a search alone: the latest
/// 200 matches stored, newest first by date (what [`Ledger::search`] gave
/// before it read a speaker's matches from the speaker-ordered cards).
fn searched_by_sql(l: &Ledger, text: &str, limit: i64, offset: i64, copies: bool) -> Vec<String> {
    let q: Vec<String> = text.split_whitespace().map(|w| format!("\"{w}\"")).collect();
    let sql = format!(
        "SELECT k.id FROM claim_cards k WHERE k.claim IN
            (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?1 ORDER BY rowid DESC LIMIT 200){}
         ORDER BY k.published DESC, k.claim DESC LIMIT ?2 OFFSET ?3",
        if copies { "" } else { " AND k.copy_of IS NULL" }
    );
    let mut st = l.connection().prepare(&sql).unwrap();
    st.query_map(rusqlite::params![q.join(" "), limit, offset], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn searches_list_what_the_general_statement_lists() {
    let (_dir, db) = ledger(150, 44);
    let l = Ledger::open_read_only(&db).unwrap();
    let mut st = l
        .connection()
        .prepare(
            "SELECT e.name FROM claims c JOIN entities e ON e.rowid = c.speaker_entity
             GROUP BY e.rowid ORDER BY count(*) DESC, e.rowid LIMIT 8",
        )
        .unwrap();
    let mut queries: Vec<String> = st.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap();
    // Single words of names (several speakers may match) and of contents.
    let first_words: Vec<String> =
        queries.iter().filter_map(|n| n.split_whitespace().next().map(str::to_string)).collect();
    queries.extend(first_words);
    let mut st = l.connection().prepare("SELECT content FROM claims WHERE rowid % 11 = 0 LIMIT 8").unwrap();
    let contents: Vec<String> = st.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap();
    queries.extend(contents.iter().filter_map(|c| c.split_whitespace().max_by_key(|w| w.len()).map(str::to_string)));
    queries.retain(|q| q.split_whitespace().all(|w| w.chars().all(char::is_alphanumeric)));
    assert!(queries.len() >= 12, "{queries:?}");
    let mut listed = 0;
    for q in &queries {
        let ids = |rows: Vec<ClaimRow>| rows.into_iter().map(|c| c.id).collect::<Vec<_>>();
        let found = ids(l.search(q, 20).unwrap());
        assert_eq!(found, searched_by_sql(&l, q, 20, 0, false), "{q}");
        listed += found.len();
        let filter = |offset, include_copies| ClaimFilter {
            search: Some(q.clone()),
            limit: Some(6),
            offset,
            include_copies,
            ..Default::default()
        };
        assert_eq!(ids(l.claims(&filter(4, false)).unwrap()), searched_by_sql(&l, q, 6, 4, false), "{q} offset");
        assert_eq!(ids(l.claims(&filter(0, true)).unwrap()), searched_by_sql(&l, q, 6, 0, true), "{q} copies");
    }
    assert!(listed > 100, "{listed} claims listed");
}
