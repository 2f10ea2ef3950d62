//! Ledger behaviour on records built by hand or by the synthetic generator:
//! idempotent ingest, migration from version 1, merge and split decisions,
//! relations on small hand-made cases.

use claimgraph::document::doc_id;
use claimgraph::output::{ClaimOut, ContentOut, DocOut, DocRecord, EntityOut, SpanOut, SpeakerOut};
use claimgraph_ledger::synth::{Generator, SynthConfig};
use claimgraph_ledger::{ClaimFilter, Ledger, LedgerWriter, RelationFilter};

/// A record built from sentences "<speaker> <cue> <content>." with the
/// given stances; entities are the speakers plus the named countries.
struct Doc<'a> {
    url: &'a str,
    date: &'a str,
    claims: Vec<(&'a str, &'a str, &'a str, &'a str, &'a str)>, // (speaker id, speaker name, cue, content, stance)
    countries: Vec<(&'a str, &'a str)>,                         // (id, name)
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

fn record(d: &Doc<'_>) -> DocRecord {
    let mut text = String::new();
    let mut entities: Vec<EntityOut> = Vec::new();
    let mut claims = Vec::new();
    let add_mention = |entities: &mut Vec<EntityOut>, id: &str, name: &str, kind: &str, start: usize, surface: &str| {
        let span = SpanOut { start, end: start + chars(surface), text: surface.to_string() };
        match entities.iter_mut().find(|e| e.id == id) {
            Some(e) => {
                if !e.aliases.contains(&surface.to_string()) {
                    e.aliases.push(surface.to_string());
                }
                e.mentions.push(span);
            }
            None => entities.push(EntityOut {
                id: id.into(),
                name: name.into(),
                kind: kind.into(),
                aliases: vec![surface.to_string()],
                roles: vec![],
                mentions: vec![span],
            }),
        }
    };
    for (k, (sid, sname, cue, content, stance)) in d.claims.iter().enumerate() {
        let s0 = chars(&text);
        text.push_str(sname);
        add_mention(&mut entities, sid, sname, "person", s0, sname);
        text.push(' ');
        let c0 = chars(&text);
        text.push_str(cue);
        text.push(' ');
        let t0 = chars(&text);
        text.push_str(content);
        for (cid, cname) in &d.countries {
            if let Some(b) = content.find(cname) {
                add_mention(&mut entities, cid, cname, "location", t0 + chars(&content[..b]), cname);
            }
        }
        text.push_str(". ");
        claims.push(ClaimOut {
            id: format!("c{k}"),
            speaker: SpeakerOut {
                entity: Some(sid.to_string()),
                name: Some(sname.to_string()),
                text: sname.to_string(),
                start: Some(s0),
                end: Some(s0 + chars(sname)),
            },
            cue: SpanOut { start: c0, end: c0 + chars(cue), text: cue.to_string() },
            content: ContentOut { text: content.to_string(), start: t0, end: t0 + chars(content), parts: vec![] },
            stance: stance.to_string(),
            kind: "indirect".into(),
            hedged: false,
            confidence: 1.0,
            proposition: None,
        });
    }
    let text = text.trim_end().to_string();
    let id = doc_id(&text);
    for c in &mut claims {
        c.id = format!("{id}-{}", c.id);
    }
    DocRecord {
        doc: DocOut {
            id,
            source: d.url.into(),
            title: None,
            published: Some(d.date.into()),
            url: Some(d.url.into()),
            text,
        },
        sentences: vec![],
        entities,
        claims,
        quantities: vec![],
        events: vec![],
    }
}

fn shells_docs() -> Vec<DocRecord> {
    let countries = vec![("c1", "Valdoria"), ("c2", "Ostmark")];
    vec![
        record(&Doc {
            url: "https://a.example/1",
            date: "2024-03-01",
            claims: vec![
                (
                    "p1",
                    "Mira Talvik",
                    "said that",
                    "Valdoria had delivered 40,000 artillery shells to Ostmark",
                    "affirms",
                ),
                ("p2", "Oren Kask", "denied that", "Valdoria had supplied artillery shells to Ostmark", "denies"),
            ],
            countries: countries.clone(),
        }),
        record(&Doc {
            url: "https://b.example/2",
            date: "2024-03-02",
            claims: vec![(
                "p3",
                "Lena Varro",
                "told reporters that",
                "Valdoria had sent 10,000 artillery shells to Ostmark",
                "affirms",
            )],
            countries: countries.clone(),
        }),
        record(&Doc {
            url: "https://c.example/3",
            date: "2024-03-03",
            claims: vec![(
                "p4",
                "Ivo Sarn",
                "said that",
                "Valdoria had shipped 40,000 artillery shells to Ostmark",
                "affirms",
            )],
            countries,
        }),
    ]
}

fn temp_db() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("ledger.db");
    (dir, path)
}

#[test]
fn relations_on_hand_made_articles() {
    let (_dir, db) = temp_db();
    let mut w = LedgerWriter::open(&db).unwrap();
    w.keep_ids(true);
    w.write_records(shells_docs()).unwrap();
    drop(w);
    let ledger = Ledger::open(&db).unwrap();
    let rels = ledger.relations(&RelationFilter::default()).unwrap();
    let find = |a: &str, b: &str| {
        rels.iter()
            .find(|r| (r.a.speaker == a && r.b.speaker == b) || (r.a.speaker == b && r.b.speaker == a))
            .map(|r| (r.relation.as_str(), r.reason.as_str()))
    };
    // Denial inside one article, against its affirmation.
    assert_eq!(find("Mira Talvik", "Oren Kask").map(|r| r.0), Some("contradicts"));
    // 40,000 vs 10,000 shells: numbers disagree.
    let r = find("Mira Talvik", "Lena Varro").unwrap();
    assert_eq!(r.0, "contradicts");
    assert!(r.1.contains("40000 vs 10000 (shell)") || r.1.contains("10000 vs 40000 (shell)"), "{}", r.1);
    // Same number, independent outlets, different speakers.
    assert_eq!(find("Mira Talvik", "Ivo Sarn").map(|r| r.0), Some("corroborates"));
    // The denial contradicts every affirmation.
    assert_eq!(find("Oren Kask", "Ivo Sarn").map(|r| r.0), Some("contradicts"));
    assert_eq!(rels.len(), 6, "{rels:#?}");
    // Relations of one entity, by alias, case-insensitively.
    let by_entity =
        ledger.relations(&RelationFilter { entity: Some("oren kask".into()), ..Default::default() }).unwrap();
    assert_eq!(by_entity.len(), 3);
}

#[test]
fn a_reprint_never_corroborates_its_origin() {
    let (_dir, db) = temp_db();
    let mut docs = shells_docs();
    // Doc 3 reprinted by another outlet: same body, another footer.
    let long = "Ivo Sarn said that Valdoria had shipped 40,000 artillery shells to Ostmark. The shipment left \
        the northern port in early spring, according to port records seen by reporters, and was loaded onto \
        three cargo vessels over two nights while the harbour was closed to other traffic.";
    let mut origin = docs.remove(2);
    origin.doc.text = format!("{long}\n\nFirst published by C.");
    origin.doc.id = doc_id(&origin.doc.text);
    origin.claims[0].id = format!("{}-c0", origin.doc.id);
    let mut copy = origin.clone();
    copy.doc.text = format!("{long}\n\nReprinted with permission. D Daily.");
    copy.doc.id = doc_id(&copy.doc.text);
    copy.doc.source = "https://d.example/4".into();
    copy.claims[0].id = format!("{}-c0", copy.doc.id);
    docs.push(origin);
    docs.push(copy);
    let mut w = LedgerWriter::open(&db).unwrap();
    w.keep_ids(true);
    let report = w.write_records(docs).unwrap();
    assert_eq!(report.copies, 1);
    drop(w);
    let ledger = Ledger::open(&db).unwrap();
    let rels = ledger.relations(&RelationFilter::default()).unwrap();
    assert!(rels.iter().all(|r| r.a.doc != "https://d.example/4" && r.b.doc != "https://d.example/4"), "{rels:#?}");
    assert_eq!(ledger.stats().unwrap().copies, 1);
    let docs = ledger.documents(None, 0).unwrap();
    assert_eq!(docs.iter().filter(|d| d.copy_of.is_some()).count(), 1);
}

#[test]
fn ingest_twice_adds_nothing() {
    let (_dir, db) = temp_db();
    let recs: Vec<DocRecord> =
        Generator::new(SynthConfig { docs: 120, seed: 3, ..Default::default() }).map(|a| a.record).collect();
    let mut w = LedgerWriter::open(&db).unwrap();
    let first = w.write_records(recs.clone()).unwrap();
    let stats1 = Ledger::open(&db).unwrap().stats().unwrap();
    let second = w.write_records(recs.clone()).unwrap();
    drop(w);
    // Reopening (a new ingest run) adds nothing either.
    let mut w = LedgerWriter::open(&db).unwrap();
    let third = w.write_records(recs).unwrap();
    let stats2 = Ledger::open(&db).unwrap().stats().unwrap();
    assert!(first.added > 100 && first.claims > 0 && first.relations > 0, "{first:?}");
    assert_eq!(second.added, 0);
    assert_eq!(second.present, 120);
    assert_eq!(third.added, 0);
    assert_eq!(stats1, stats2);
}

#[test]
fn export_reproduces_the_records() {
    let (_dir, db) = temp_db();
    let recs: Vec<DocRecord> =
        Generator::new(SynthConfig { docs: 30, seed: 5, repeat_rate: 0.0, ..Default::default() })
            .map(|a| a.record)
            .collect();
    let mut w = LedgerWriter::open(&db).unwrap();
    w.keep_ids(true);
    w.write_records(recs.clone()).unwrap();
    drop(w);
    let ledger = Ledger::open(&db).unwrap();
    let mut out = Vec::new();
    ledger
        .export(|r| {
            out.push(r);
            Ok(())
        })
        .unwrap();
    assert_eq!(out.len(), recs.len());
    for (a, b) in out.iter().zip(recs.iter()) {
        assert_eq!(a.doc, b.doc);
        assert_eq!(a.claims.len(), b.claims.len());
        for (x, y) in a.claims.iter().zip(b.claims.iter()) {
            assert_eq!(
                (&x.id, &x.content, &x.stance, &x.speaker.entity),
                (&y.id, &y.content, &y.stance, &y.speaker.entity)
            );
        }
        assert_eq!(a.quantities, b.quantities);
        let ids = |r: &DocRecord| r.entities.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(a), ids(b));
    }
}

#[test]
fn merge_and_split_persist_across_reingest() {
    let (_dir, db) = temp_db();
    let d1 = record(&Doc {
        url: "u1",
        date: "2024-01-01",
        claims: vec![("p1", "Nasser Kanani", "said that", "Valdoria had sent drones to Ostmark", "affirms")],
        countries: vec![("c1", "Valdoria"), ("c2", "Ostmark")],
    });
    let d2 = record(&Doc {
        url: "u2",
        date: "2024-01-02",
        claims: vec![("p2", "Nasser Kanaani", "said that", "Valdoria had sold drones to Ostmark", "affirms")],
        countries: vec![("c1", "Valdoria"), ("c2", "Ostmark")],
    });
    let mut w = LedgerWriter::open(&db).unwrap();
    w.keep_ids(true);
    w.write_records(vec![d1.clone(), d2.clone()]).unwrap();
    drop(w);
    {
        let ledger = Ledger::open(&db).unwrap();
        // Two speakers: their agreement is a corroboration.
        let rels = ledger.relations(&RelationFilter::default()).unwrap();
        assert_eq!(rels.len(), 1);
        assert_eq!(rels[0].relation, "corroborates");
    }
    let mut ledger = Ledger::open(&db).unwrap();
    let r = ledger.merge_entities("Nasser Kanani", "NASSER KANAANI").unwrap();
    assert_eq!(r.entity, "p1");
    assert_eq!(r.claims_moved, 1);
    // One speaker now: repeating oneself is not corroboration.
    assert!(ledger.relations(&RelationFilter::default()).unwrap().is_empty());
    let page = ledger.entity_page("nasser kanaani", 10).unwrap();
    assert_eq!(page.entity.id, "p1");
    assert_eq!(page.claims_by.len(), 2);
    let spellings: Vec<&str> = page.entity.aliases.iter().map(|a| a.alias.as_str()).collect();
    assert!(spellings.contains(&"Nasser Kanani") && spellings.contains(&"Nasser Kanaani"), "{spellings:?}");
    assert_eq!(page.timeline.len(), 2);
    drop(ledger);

    // Re-ingest the same articles in a new run: nothing changes back.
    let mut w = LedgerWriter::open(&db).unwrap();
    w.keep_ids(true);
    let again = w.write_records(vec![d1.clone(), d2.clone()]).unwrap();
    assert_eq!(again.added, 0);
    drop(w);
    let mut ledger = Ledger::open(&db).unwrap();
    assert_eq!(ledger.find_entities("Nasser Kanaani").unwrap().len(), 1);
    assert_eq!(ledger.find_entities("p2").unwrap()[0].id, "p1");
    let decisions = claimgraph_ledger::writer::load_decisions(ledger.connection()).unwrap();
    assert_eq!(decisions.len(), 1);

    // Split the spelling off again: the document naming him so moves.
    let r = ledger.split_entity("p1", "Nasser Kanaani").unwrap();
    assert_eq!(r.documents_moved, 1);
    assert_eq!(r.claims_moved, 1);
    let page = ledger.entity_page("Nasser Kanaani", 10).unwrap();
    assert_ne!(page.entity.id, "p1");
    assert_eq!(page.claims_by.len(), 1);
    assert_eq!(ledger.entity_page("Nasser Kanani", 10).unwrap().claims_by.len(), 1);
    drop(ledger);
    let mut w = LedgerWriter::open(&db).unwrap();
    w.keep_ids(true);
    assert_eq!(w.write_records(vec![d1, d2]).unwrap().added, 0);
    drop(w);
    let ledger = Ledger::open(&db).unwrap();
    assert_eq!(claimgraph_ledger::writer::load_decisions(ledger.connection()).unwrap().len(), 2);
    assert_ne!(ledger.entity_page("Nasser Kanaani", 10).unwrap().entity.id, "p1");
}

#[test]
fn claim_queries_filter_and_search() {
    let (_dir, db) = temp_db();
    let mut w = LedgerWriter::open(&db).unwrap();
    w.keep_ids(true);
    w.write_records(shells_docs()).unwrap();
    drop(w);
    let ledger = Ledger::open(&db).unwrap();
    let all = ledger.claims(&ClaimFilter::default()).unwrap();
    assert_eq!(all.len(), 4);
    let denies = ledger.claims(&ClaimFilter { stance: Some("denies".into()), ..Default::default() }).unwrap();
    assert_eq!(denies.len(), 1);
    assert_eq!(denies[0].speaker, "Oren Kask");
    let about = ledger.claims(&ClaimFilter { about: Some("valdoria".into()), ..Default::default() }).unwrap();
    assert_eq!(about.len(), 4);
    let since = ledger.claims(&ClaimFilter { since: Some("2024-03-02".into()), ..Default::default() }).unwrap();
    assert_eq!(since.len(), 2);
    let hits = ledger.search("shipped shells", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].speaker, "Ivo Sarn");
    // FTS5 syntax in user input is taken literally.
    assert!(ledger.search("\"AND OR (", 10).unwrap().is_empty());
    let by = ledger.claims(&ClaimFilter { speaker: Some("LENA VARRO".into()), ..Default::default() }).unwrap();
    assert_eq!(by.len(), 1);
    assert!(ledger.entity_page("nobody at all", 5).is_err());
}

/// The version-1 schema exactly as version 1 of claimgraph wrote it.
const V1_SQL: &str = r#"
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE documents (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, source TEXT NOT NULL, title TEXT,
    published TEXT, url TEXT, text TEXT NOT NULL, record BLOB NOT NULL, ingested_at TEXT NOT NULL);
CREATE INDEX documents_published ON documents(published);
CREATE TABLE entities (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, kind TEXT NOT NULL,
    merged_into INTEGER);
CREATE TABLE aliases (entity INTEGER NOT NULL, alias TEXT NOT NULL, key TEXT NOT NULL, count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (entity, alias)) WITHOUT ROWID;
CREATE INDEX aliases_key ON aliases(key);
CREATE TABLE roles (entity INTEGER NOT NULL, role TEXT NOT NULL, count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (entity, role)) WITHOUT ROWID;
CREATE TABLE doc_entities (doc INTEGER NOT NULL, local INTEGER NOT NULL, entity INTEGER NOT NULL,
    mentions INTEGER NOT NULL, names TEXT NOT NULL, published TEXT, PRIMARY KEY (doc, local)) WITHOUT ROWID;
CREATE INDEX doc_entities_entity ON doc_entities(entity, published);
CREATE TABLE claims (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, doc INTEGER NOT NULL, speaker_local INTEGER,
    speaker_entity INTEGER, speaker_text TEXT NOT NULL, cue TEXT NOT NULL, content TEXT NOT NULL, stance TEXT NOT NULL,
    kind TEXT NOT NULL, hedged INTEGER NOT NULL, confidence REAL NOT NULL, published TEXT);
CREATE INDEX claims_doc ON claims(doc);
CREATE INDEX claims_speaker ON claims(speaker_entity, published);
CREATE TABLE claim_about (entity INTEGER NOT NULL, claim INTEGER NOT NULL, doc INTEGER NOT NULL, local INTEGER NOT NULL,
    published TEXT, PRIMARY KEY (entity, claim)) WITHOUT ROWID;
CREATE INDEX claim_about_time ON claim_about(entity, published);
CREATE INDEX claim_about_local ON claim_about(doc, local);
CREATE TABLE decisions (rowid INTEGER PRIMARY KEY, kind TEXT NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL,
    made_at TEXT NOT NULL);
PRAGMA user_version = 1;
"#;

#[test]
fn a_version_1_ledger_is_migrated_and_aligned() {
    let (_dir, db) = temp_db();
    let docs = shells_docs();
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(V1_SQL).unwrap();
        // Store the documents the way version 1 did: rows, no relations.
        let mut entity_rows = std::collections::HashMap::new();
        for (d, rec) in docs.iter().enumerate() {
            let doc_row = d as i64 + 1;
            conn.execute(
                "INSERT INTO documents(rowid, id, source, published, text, record, ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'then')",
                rusqlite::params![doc_row, rec.doc.id, rec.doc.source, rec.doc.published, rec.doc.text,
                    claimgraph_ledger::store::pack_record(rec).unwrap()],
            )
            .unwrap();
            for (i, e) in rec.entities.iter().enumerate() {
                let n = entity_rows.len() as i64 + 1;
                let row = *entity_rows.entry(e.id.clone()).or_insert_with(|| {
                    conn.execute(
                        "INSERT INTO entities(rowid, id, name, kind) VALUES (?1, ?2, ?3, ?4)",
                        rusqlite::params![n, e.id, e.name, e.kind],
                    )
                    .unwrap();
                    conn.execute(
                        "INSERT INTO aliases(entity, alias, key, count) VALUES (?1, ?2, lower(?2), 1)",
                        rusqlite::params![n, e.name],
                    )
                    .unwrap();
                    n
                });
                conn.execute(
                    "INSERT INTO doc_entities(doc, local, entity, mentions, names, published) VALUES (?1, ?2, ?3, 1, ?4, ?5)",
                    rusqlite::params![doc_row, i as i64, row, e.name, rec.doc.published],
                )
                .unwrap();
            }
            for c in &rec.claims {
                let local =
                    rec.entities.iter().position(|e| Some(&e.id) == c.speaker.entity.as_ref()).map(|l| l as i64);
                conn.execute(
                    "INSERT INTO claims(id, doc, speaker_local, speaker_entity, speaker_text, cue, content, stance, kind, hedged, confidence, published)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'indirect', 0, 1.0, ?9)",
                    rusqlite::params![c.id, doc_row, local, c.speaker.entity.as_ref().map(|e| entity_rows[e]),
                        c.speaker.text, c.cue.text, c.content.text, c.stance, rec.doc.published],
                )
                .unwrap();
            }
        }
    }
    // Opening with this build migrates and aligns the stored claims.
    let w = LedgerWriter::open(&db).unwrap();
    drop(w);
    let ledger = Ledger::open(&db).unwrap();
    let stats = ledger.stats().unwrap();
    assert_eq!(stats.schema_version, claimgraph_ledger::schema::CURRENT_VERSION);
    assert_eq!(stats.documents, 3);
    assert_eq!(stats.claims, 4);
    assert_eq!(stats.contradicts, 5);
    assert_eq!(stats.corroborates, 1);
    // Full-text search covers the migrated claims.
    assert_eq!(ledger.search("shipped", 5).unwrap().len(), 1);
    // A newer file is refused rather than misread.
    ledger.connection().execute_batch("PRAGMA user_version = 99").unwrap();
    drop(ledger);
    assert!(matches!(Ledger::open(&db), Err(claimgraph_ledger::LedgerError::TooNew { found: 99, .. })));
}

#[test]
fn pooled_readers_work_across_threads() {
    let (_dir, db) = temp_db();
    let mut w = LedgerWriter::open(&db).unwrap();
    w.keep_ids(true);
    w.write_records(shells_docs()).unwrap();
    drop(w);
    let pool = std::sync::Arc::new(claimgraph_ledger::LedgerPool::new(&db, 4).unwrap());
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let pool = pool.clone();
            std::thread::spawn(move || pool.get().unwrap().claims(&ClaimFilter::default()).unwrap().len())
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), 4);
    }
}

#[test]
fn word_for_word_reprints_keep_their_sources() {
    let (_dir, db) = temp_db();
    let docs = shells_docs();
    let mut again = docs[1].clone();
    again.doc.source = "https://reprints.example/9".into();
    let mut w = LedgerWriter::open(&db).unwrap();
    w.keep_ids(true);
    w.write_records(docs.clone()).unwrap();
    let r = w.write_records(vec![again, docs[1].clone()]).unwrap();
    assert_eq!((r.added, r.present), (0, 2));
    drop(w);
    let ledger = Ledger::open(&db).unwrap();
    let listed = ledger.documents(None, 0).unwrap();
    assert_eq!(listed[1].also_at, vec!["https://reprints.example/9".to_string()]);
    assert!(listed[0].also_at.is_empty());
    assert_eq!(ledger.stats().unwrap().reprint_sources, 1);
}
