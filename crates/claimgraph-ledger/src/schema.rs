//! The ledger's schema and its versioned migrations.
//!
//! The version lives in SQLite's `PRAGMA user_version`. Each migration is one
//! SQL script run in one transaction together with the version bump, so a
//! crash during a migration leaves the file at the old version, and opening it
//! again simply retries. A file written by a newer claimgraph is refused
//! rather than guessed at.

use rusqlite::Connection;

use crate::error::{LedgerError, Result};

/// Version 1: documents, entities with aliases and roles, claims, and user
/// decisions.
const V1: &str = r#"
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE documents (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    title TEXT,
    published TEXT,
    url TEXT,
    text TEXT NOT NULL,
    record BLOB NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published);
CREATE TABLE entities (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    merged_into INTEGER
);
CREATE TABLE aliases (
    entity INTEGER NOT NULL,
    alias TEXT NOT NULL,
    key TEXT NOT NULL,
    count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (entity, alias)
) WITHOUT ROWID;
CREATE INDEX aliases_key ON aliases(key);
CREATE TABLE roles (
    entity INTEGER NOT NULL,
    role TEXT NOT NULL,
    count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (entity, role)
) WITHOUT ROWID;
CREATE TABLE doc_entities (
    doc INTEGER NOT NULL,
    local INTEGER NOT NULL,
    entity INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    names TEXT NOT NULL,
    published TEXT,
    PRIMARY KEY (doc, local)
) WITHOUT ROWID;
CREATE INDEX doc_entities_entity ON doc_entities(entity, published);
CREATE TABLE claims (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    doc INTEGER NOT NULL,
    speaker_local INTEGER,
    speaker_entity INTEGER,
    speaker_text TEXT NOT NULL,
    cue TEXT NOT NULL,
    content TEXT NOT NULL,
    stance TEXT NOT NULL,
    kind TEXT NOT NULL,
    hedged INTEGER NOT NULL,
    confidence REAL NOT NULL,
    published TEXT
);
CREATE INDEX claims_doc ON claims(doc);
CREATE INDEX claims_speaker ON claims(speaker_entity, published);
CREATE TABLE claim_about (
    entity INTEGER NOT NULL,
    claim INTEGER NOT NULL,
    doc INTEGER NOT NULL,
    local INTEGER NOT NULL,
    published TEXT,
    PRIMARY KEY (entity, claim)
) WITHOUT ROWID;
CREATE INDEX claim_about_time ON claim_about(entity, published);
CREATE INDEX claim_about_local ON claim_about(doc, local);
CREATE TABLE decisions (
    rowid INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    made_at TEXT NOT NULL
);
"#;

/// Version 2: near-duplicate links, propositions, relations, term
/// statistics and full-text search over claims. Claims stored by version 1
/// are aligned by the next writer that opens the file (`meta.realign`).
const V2: &str = r#"
ALTER TABLE documents ADD COLUMN origin INTEGER;
ALTER TABLE documents ADD COLUMN minhash BLOB;
CREATE INDEX documents_origin ON documents(origin) WHERE origin IS NOT NULL;
CREATE TABLE dup_bands (
    key INTEGER NOT NULL,
    doc INTEGER NOT NULL,
    PRIMARY KEY (key, doc)
) WITHOUT ROWID;
CREATE TABLE propositions (
    rowid INTEGER PRIMARY KEY,
    text TEXT NOT NULL,
    signature TEXT NOT NULL,
    claims INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE prop_keys (
    key INTEGER NOT NULL,
    prop INTEGER NOT NULL,
    PRIMARY KEY (key, prop)
) WITHOUT ROWID;
ALTER TABLE claims ADD COLUMN prop INTEGER;
ALTER TABLE claims ADD COLUMN copy_of INTEGER;
ALTER TABLE claims ADD COLUMN aligned INTEGER NOT NULL DEFAULT 0;
ALTER TABLE claims ADD COLUMN facts TEXT;
CREATE INDEX claims_prop ON claims(prop);
CREATE TABLE relations (
    rowid INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    a INTEGER NOT NULL,
    b INTEGER NOT NULL,
    prop INTEGER NOT NULL,
    reason TEXT NOT NULL,
    UNIQUE (a, b)
);
CREATE INDEX relations_b ON relations(b);
CREATE INDEX claim_about_claim ON claim_about(claim);
CREATE TABLE relation_entities (
    entity INTEGER NOT NULL,
    relation INTEGER NOT NULL,
    PRIMARY KEY (entity, relation)
) WITHOUT ROWID;
CREATE TABLE term_stats (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE VIRTUAL TABLE claims_fts USING fts5(
    content, speaker_text, content='claims', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO claims_fts(claims_fts) VALUES ('rebuild');
INSERT OR REPLACE INTO meta(key, value) VALUES ('realign', '1');
"#;

/// Version 3: per-entity daily counts, so that an entity page's timeline
/// costs one index range however many documents name the entity.
const V3: &str = r#"
CREATE TABLE entity_days (
    entity INTEGER NOT NULL,
    day TEXT NOT NULL,
    documents INTEGER NOT NULL DEFAULT 0,
    claims_by INTEGER NOT NULL DEFAULT 0,
    claims_about INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (entity, day)
) WITHOUT ROWID;
"#;

/// Version 4: other places where a stored text was seen again word for
/// word (a wire story reprinted by several outlets whose footers the cleaner
/// removed): each keeps its source, title and date.
const V4: &str = r#"
CREATE TABLE doc_sources (
    doc INTEGER NOT NULL,
    source TEXT NOT NULL,
    title TEXT,
    published TEXT,
    PRIMARY KEY (doc, source)
) WITHOUT ROWID;
"#;

/// Version 5: relations counted by kind as they are stored and removed
/// (triggers), so that the ledger's figures cost a lookup: counting 18M
/// relations took 4.7 s. An `INSERT OR IGNORE` that stores nothing fires
/// no trigger.
const V5: &str = r#"
CREATE TABLE relation_counts (kind TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO relation_counts(kind, n) SELECT kind, count(*) FROM relations GROUP BY kind;
CREATE TRIGGER relation_counts_insert AFTER INSERT ON relations BEGIN
    INSERT INTO relation_counts(kind, n) VALUES (new.kind, 1) ON CONFLICT(kind) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER relation_counts_delete AFTER DELETE ON relations BEGIN
    UPDATE relation_counts SET n = n - 1 WHERE kind = old.kind;
END;
CREATE TRIGGER relation_counts_update AFTER UPDATE OF kind ON relations WHEN old.kind IS NOT new.kind BEGIN
    UPDATE relation_counts SET n = n - 1 WHERE kind = old.kind;
    INSERT INTO relation_counts(kind, n) VALUES (new.kind, 1) ON CONFLICT(kind) DO UPDATE SET n = n + 1;
END;
"#;

/// Version 6: one denormalised row per claim (`claim_cards`) holding
/// everything a listed claim shows: its own fields and its document's id,
/// source and title. An uncached entity page or search read one document
/// row and one claim row per listed claim (two scattered page reads each
/// on a large ledger); now they read one card. Triggers keep the cards in
/// step with `claims`: a card is written with its claim, and the columns
/// that change after the insert (speaker entity on merges and splits,
/// proposition and copy on alignment) follow their claim. Document ids,
/// sources and titles never change once stored.
const V6: &str = r#"
CREATE TABLE claim_cards (
    claim INTEGER PRIMARY KEY,
    published TEXT,
    copy_of INTEGER,
    speaker_entity INTEGER,
    prop INTEGER,
    stance TEXT NOT NULL,
    id TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    source TEXT NOT NULL,
    title TEXT,
    speaker_text TEXT NOT NULL,
    cue TEXT NOT NULL,
    content TEXT NOT NULL,
    kind TEXT NOT NULL,
    hedged INTEGER NOT NULL,
    confidence REAL NOT NULL
);
INSERT INTO claim_cards(claim, published, copy_of, speaker_entity, prop, stance, id, doc_id, source, title,
    speaker_text, cue, content, kind, hedged, confidence)
SELECT c.rowid, c.published, c.copy_of, c.speaker_entity, c.prop, c.stance, c.id, d.id, d.source, d.title,
    c.speaker_text, c.cue, c.content, c.kind, c.hedged, c.confidence
FROM claims c JOIN documents d ON d.rowid = c.doc ORDER BY c.rowid;
CREATE TRIGGER claim_cards_insert AFTER INSERT ON claims BEGIN
    INSERT INTO claim_cards(claim, published, copy_of, speaker_entity, prop, stance, id, doc_id, source, title,
        speaker_text, cue, content, kind, hedged, confidence)
    SELECT new.rowid, new.published, new.copy_of, new.speaker_entity, new.prop, new.stance, new.id, d.id, d.source,
        d.title, new.speaker_text, new.cue, new.content, new.kind, new.hedged, new.confidence
    FROM documents d WHERE d.rowid = new.doc;
END;
CREATE TRIGGER claim_cards_update AFTER UPDATE OF speaker_entity, prop, copy_of ON claims BEGIN
    UPDATE claim_cards SET speaker_entity = new.speaker_entity, prop = new.prop, copy_of = new.copy_of
    WHERE claim = new.rowid;
END;
CREATE TRIGGER claim_cards_delete AFTER DELETE ON claims BEGIN
    DELETE FROM claim_cards WHERE claim = old.rowid;
END;
"#;

/// Version 7: the writer counts the relations it stores and adds the
/// counts once per transaction, instead of a trigger updating the count
/// row once per relation (8% of the ingest writer's CPU on a 70,000-article
/// ledger, where each new article brings some forty relations). Relations
/// are only ever stored by the writer; removals and changes of kind (merges
/// and splits) keep their triggers.
const V7: &str = r#"
DROP TRIGGER IF EXISTS relation_counts_insert;
"#;

/// Version 8: the full-text index merged into one segment, once. FTS5
/// opens an iterator in every segment of its index for each search term;
/// earlier writers left one segment per claim for FTS5's automatic merges
/// (4 segments a level) to fold, and a 1M-claim ledger's index in 27
/// segments. Merged, an uncached search took 20-25% less CPU. The writer
/// now adds one segment per transaction and merges past a bound
/// ([`crate::LedgerWriter::merge_search_index`]). Rewrites the index
/// (35 MB for 1M claims): about a second.
const V8: &str = r#"
INSERT INTO claims_fts(claims_fts) VALUES ('optimize');
"#;

/// Version 9: the cards again, in speaker order (`claim_cards_speaker`, a
/// covering index: every column of a card, keyed by speaker entity, date
/// and claim). The claims an entity page lists "by" it were read through
/// `claims_speaker` and then one card each, scattered one per page over
/// the card table (on a 1M-claim ledger, 25 cards from 25 pages out of
/// 60,000); now they are one index range, a few neighbouring pages, and a
/// search for a speaker's name reads that speaker's matches from there too.
/// SQLite keeps the index in step with the cards through alignment, merges
/// and splits. The writer now writes a transaction's new cards itself, at
/// its end ([`crate::LedgerWriter`]), instead of a trigger at each claim's
/// insert: the claim's proposition is set right after its insert, so each
/// card (and now its index entry) was written twice. Adds about as much as
/// the cards take (~250 MB for 1M claims).
const V9: &str = r#"
DROP TRIGGER IF EXISTS claim_cards_insert;
CREATE INDEX IF NOT EXISTS claim_cards_speaker ON claim_cards(speaker_entity, published, claim, copy_of, prop, stance, id,
    doc_id, source, title, speaker_text, cue, content, kind, hedged, confidence);
"#;

/// The migrations in order; `MIGRATIONS[i]` brings a file from version `i`
/// to version `i + 1`.
pub const MIGRATIONS: &[&str] = &[V1, V2, V3, V4, V5, V6, V7, V8, V9];

/// The schema version this build writes.
pub const CURRENT_VERSION: i64 = MIGRATIONS.len() as i64;

/// The file's schema version (0 for a new, empty file).
pub fn version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Brings the file up to [`CURRENT_VERSION`], one migration per transaction.
/// Returns the version found before migrating.
pub fn migrate(conn: &mut Connection) -> Result<i64> {
    let found = version(conn)?;
    if found > CURRENT_VERSION {
        return Err(LedgerError::TooNew { found, supported: CURRENT_VERSION });
    }
    for (i, script) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(script)?;
        if i + 1 == 3 {
            rebuild_entity_days(&tx, None)?;
        }
        // PRAGMA takes no bound parameters; the value is our own integer.
        tx.execute_batch(&format!("PRAGMA user_version = {}", i + 1))?;
        tx.commit()?;
    }
    Ok(found)
}

/// Recomputes the daily counts of one entity (or of all) from the base
/// tables: after a migration, a merge or a split.
pub fn rebuild_entity_days(conn: &Connection, entity: Option<i64>) -> Result<()> {
    let (filter, arg) = match entity {
        Some(e) => (" AND entity = ?1", e),
        None => (" AND ?1 = ?1", 0),
    };
    let speaker_filter = filter.replace("entity", "speaker_entity");
    conn.execute(&format!("DELETE FROM entity_days WHERE 1 = 1{filter}"), [arg])?;
    conn.execute(
        &format!(
            "INSERT INTO entity_days(entity, day, documents)
             SELECT entity, substr(published, 1, 10), count(*) FROM doc_entities
             WHERE published IS NOT NULL{filter} GROUP BY 1, 2"
        ),
        [arg],
    )?;
    conn.execute(
        &format!(
            "INSERT INTO entity_days(entity, day, claims_by)
             SELECT speaker_entity, substr(published, 1, 10), count(*) FROM claims
             WHERE speaker_entity IS NOT NULL AND published IS NOT NULL{speaker_filter} GROUP BY 1, 2
             ON CONFLICT(entity, day) DO UPDATE SET claims_by = excluded.claims_by"
        ),
        [arg],
    )?;
    conn.execute(
        &format!(
            "INSERT INTO entity_days(entity, day, claims_about)
             SELECT entity, substr(published, 1, 10), count(*) FROM claim_about
             WHERE published IS NOT NULL{filter} GROUP BY 1, 2
             ON CONFLICT(entity, day) DO UPDATE SET claims_about = excluded.claims_about"
        ),
        [arg],
    )?;
    Ok(())
}
