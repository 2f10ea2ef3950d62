//! The denormalised claim cards (schema version 6): each card holds what
//! its claim and its document hold, through ingest, alignment, merges and
//! splits; a version 5 file is migrated with cards for every stored claim;
//! and the lists read from cards are those the joined base tables give.

use claimgraph_ledger::synth::{Generator, SynthConfig};
use claimgraph_ledger::{ClaimFilter, Ledger, LedgerWriter, RelationFilter};

fn ledger(docs: usize, seed: u64) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("ledger.db");
    let recs: Vec<_> = Generator::new(SynthConfig { docs, seed, ..Default::default() }).map(|a| a.record).collect();
    let mut w = LedgerWriter::open(&db).unwrap();
    w.write_records(recs).unwrap();
    drop(w);
    (dir, db)
}

/// Claims whose card differs from the claim and its document (none when in
/// step), and how many claims there are.
fn cards_out_of_step(l: &Ledger) -> (i64, i64) {
    let bad: i64 = l
        .connection()
        .query_row(
            "SELECT count(*) FROM claims c JOIN documents d ON d.rowid = c.doc
             LEFT JOIN claim_cards k ON k.claim = c.rowid
             WHERE k.claim IS NULL OR k.id IS NOT c.id OR k.doc_id IS NOT d.id OR k.source IS NOT d.source
                OR k.title IS NOT d.title OR k.published IS NOT c.published OR k.speaker_entity IS NOT c.speaker_entity
                OR k.prop IS NOT c.prop OR k.copy_of IS NOT c.copy_of OR k.speaker_text IS NOT c.speaker_text
                OR k.cue IS NOT c.cue OR k.content IS NOT c.content OR k.stance IS NOT c.stance OR k.kind IS NOT c.kind
                OR k.hedged IS NOT c.hedged OR k.confidence IS NOT c.confidence",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let orphans: i64 = l
        .connection()
        .query_row("SELECT count(*) FROM claim_cards WHERE claim NOT IN (SELECT rowid FROM claims)", [], |r| r.get(0))
        .unwrap();
    let claims: i64 = l.connection().query_row("SELECT count(*) FROM claims", [], |r| r.get(0)).unwrap();
    (bad + orphans, claims)
}

/// The two entities speaking most.
fn top_speakers(l: &Ledger) -> Vec<String> {
    let mut st = l
        .connection()
        .prepare(
            "SELECT e.id FROM claims c JOIN entities e ON e.rowid = c.speaker_entity
             GROUP BY e.rowid ORDER BY count(*) DESC, e.rowid LIMIT 2",
        )
        .unwrap();
    st.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
}

#[test]
fn cards_follow_ingest_alignment_merges_and_splits() {
    let (_dir, db) = ledger(150, 21);
    let mut l = Ledger::open(&db).unwrap();
    let (bad, claims) = cards_out_of_step(&l);
    assert!(claims > 100, "{claims} claims");
    assert_eq!(bad, 0);
    // Alignment set propositions and copies through updates of the claims.
    let aligned: i64 =
        l.connection().query_row("SELECT count(*) FROM claim_cards WHERE prop IS NOT NULL", [], |r| r.get(0)).unwrap();
    assert!(aligned > 0);
    let speakers = top_speakers(&l);
    l.merge_entities(&speakers[0], &speakers[1]).unwrap();
    assert_eq!(cards_out_of_step(&l).0, 0, "after a merge");
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
    assert_eq!(cards_out_of_step(&l).0, 0, "after a split");
    drop(l);
    // A later ingest into the same file.
    let more: Vec<_> =
        Generator::new(SynthConfig { docs: 40, seed: 22, ..Default::default() }).map(|a| a.record).collect();
    let mut w = LedgerWriter::open(&db).unwrap();
    w.write_records(more).unwrap();
    drop(w);
    let l = Ledger::open_read_only(&db).unwrap();
    assert_eq!(cards_out_of_step(&l).0, 0, "after a second ingest");
}

/// A listed claim as compared: id, document id, source, speaker entity's
/// name, proposition.
type Shown = (String, String, String, Option<String>, Option<String>);

/// Claims listed as before the cards: the base tables joined, newest first.
fn joined_claims(l: &Ledger, filter_sql: &str, arg: i64, limit: i64) -> Vec<Shown> {
    let sql = format!(
        "SELECT c.id, d.id, d.source, e.name, p.text FROM claims c JOIN documents d ON d.rowid = c.doc
         LEFT JOIN entities e ON e.rowid = c.speaker_entity LEFT JOIN propositions p ON p.rowid = c.prop
         WHERE {filter_sql} AND c.copy_of IS NULL ORDER BY c.published DESC, c.rowid DESC LIMIT ?2"
    );
    let mut st = l.connection().prepare(&sql).unwrap();
    st.query_map(rusqlite::params![arg, limit], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn lists_from_cards_match_the_joined_tables() {
    let (_dir, db) = ledger(150, 23);
    let l = Ledger::open_read_only(&db).unwrap();
    let mut checked = 0;
    for e in l.entities(None, Some(12)).unwrap() {
        let row: i64 =
            l.connection().query_row("SELECT rowid FROM entities WHERE id = ?1", [&e.id], |r| r.get(0)).unwrap();
        let page = l.entity_page(&e.id, 7).unwrap();
        let shown = |rows: &[claimgraph_ledger::ClaimRow]| -> Vec<Shown> {
            rows.iter()
                .map(|c| {
                    let name = c.speaker_entity.as_ref().map(|_| c.speaker.clone());
                    (c.id.clone(), c.doc_id.clone(), c.source.clone(), name, c.proposition.clone())
                })
                .collect()
        };
        assert_eq!(shown(&page.claims_by), joined_claims(&l, "c.speaker_entity = ?1", row, 7), "{} by", e.id);
        let about = joined_claims(&l, "c.rowid IN (SELECT claim FROM claim_about WHERE entity = ?1)", row, 7);
        assert_eq!(shown(&page.claims_about), about, "{} about", e.id);
        // The same lists through the public filter.
        let by = l.claims(&ClaimFilter { speaker: Some(e.id.clone()), limit: Some(7), ..Default::default() }).unwrap();
        assert_eq!(by, page.claims_by);
        let rel =
            l.relations(&RelationFilter { entity: Some(e.id.clone()), limit: Some(5), ..Default::default() }).unwrap();
        for r in &rel {
            for side in [&r.a, &r.b] {
                let (source, content): (String, String) = l
                    .connection()
                    .query_row(
                        "SELECT d.source, c.content FROM claims c JOIN documents d ON d.rowid = c.doc WHERE c.id = ?1",
                        [&side.claim],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .unwrap();
                assert_eq!((side.doc.clone(), side.content.clone()), (source, content));
            }
        }
        checked += page.claims_by.len() + page.claims_about.len() + rel.len();
    }
    assert!(checked > 30, "{checked} rows checked");
    // A search: the latest matches, newest first, copies left out.
    let word: String = l
        .connection()
        .query_row("SELECT content FROM claims ORDER BY rowid DESC LIMIT 1", [], |r| r.get::<_, String>(0))
        .unwrap()
        .split_whitespace()
        .max_by_key(|w| w.len())
        .unwrap()
        .to_string();
    let found = l.search(&word, 20).unwrap();
    assert!(!found.is_empty(), "{word:?}");
    assert!(found.iter().all(|c| c.copy_of.is_none()));
    assert!(found.windows(2).all(|w| w[0].published >= w[1].published));
}

#[test]
fn a_version_5_ledger_is_migrated_with_a_card_for_every_claim() {
    let (_dir, db) = ledger(120, 24);
    let before = {
        let l = Ledger::open_read_only(&db).unwrap();
        let speaker = top_speakers(&l).remove(0);
        (l.claims(&ClaimFilter { speaker: Some(speaker.clone()), ..Default::default() }).unwrap(), speaker)
    };
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "DROP TRIGGER IF EXISTS claim_cards_insert; DROP TRIGGER claim_cards_update; DROP TRIGGER claim_cards_delete;
             DROP TABLE claim_cards; PRAGMA user_version = 5;",
        )
        .unwrap();
    }
    assert!(Ledger::open_read_only(&db).is_err(), "a read-only open refuses the old file");
    let l = Ledger::open(&db).unwrap();
    assert_eq!(l.stats().unwrap().schema_version, claimgraph_ledger::schema::CURRENT_VERSION);
    let (bad, claims) = cards_out_of_step(&l);
    assert_eq!(bad, 0);
    assert!(claims > 50);
    let after = l.claims(&ClaimFilter { speaker: Some(before.1.clone()), ..Default::default() }).unwrap();
    assert!(!after.is_empty());
    assert_eq!(after, before.0);
}
