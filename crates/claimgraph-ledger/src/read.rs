//! The ledger's read API: documents, claims, entity pages, relations and
//! search, as serde-serialisable values. The CLI queries and the web server
//! both use it.
//!
//! A [`Ledger`] owns one SQLite connection and is `Send` but not `Sync`:
//! use one per thread, or a [`crate::LedgerPool`] that hands out read-only
//! connections (the file is in WAL mode, so readers never block the
//! writer and see only committed batches).

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use claimgraph::output::DocRecord;
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use crate::error::{LedgerError, Result};
use crate::norm::{name_key, words};
use crate::schema;
use crate::store::{open_ro, open_rw, unpack_record};

/// One spelling of an entity and how often it was seen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AliasCount {
    /// The spelling.
    pub alias: String,
    /// Mentions seen with it.
    pub count: i64,
}

/// An entity with its spellings and counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntitySummary {
    /// Ledger-wide id ("e12").
    pub id: String,
    /// Display name.
    pub name: String,
    /// person | organization | location | other
    pub kind: String,
    /// Spellings, most frequent first.
    pub aliases: Vec<AliasCount>,
    /// Role descriptions, most frequent first.
    pub roles: Vec<String>,
    /// Documents mentioning it.
    pub documents: i64,
    /// Claims it makes.
    pub claims_by: i64,
    /// Claims about it.
    pub claims_about: i64,
}

/// A claim as listed by queries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimRow {
    /// Claim id.
    pub id: String,
    /// Document id.
    pub doc_id: String,
    /// The document's source path or URL, as ingested.
    pub source: String,
    /// The document's title.
    pub title: Option<String>,
    /// Publication date of the document.
    pub published: Option<String>,
    /// The speaker's entity id, when resolved.
    pub speaker_entity: Option<String>,
    /// The speaker's name (the entity's name, else the words in the text).
    pub speaker: String,
    /// The speaker words in the text.
    pub speaker_text: String,
    /// The attribution cue.
    pub cue: String,
    /// What is said.
    pub content: String,
    /// affirms | denies
    pub stance: String,
    /// direct | indirect | mixed | according_to
    pub kind: String,
    /// Hedged.
    pub hedged: bool,
    /// Confidence.
    pub confidence: f64,
    /// The proposition the claim was aligned to, as text.
    pub proposition: Option<String>,
    /// Id of the claim this one reprints, when it comes from a copy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_of: Option<String>,
}

/// Filters of [`Ledger::claims`]; names match aliases case-insensitively.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ClaimFilter {
    /// Claims made by this entity (name, alias or id).
    pub speaker: Option<String>,
    /// Claims about this entity.
    pub about: Option<String>,
    /// Only this stance ("affirms" | "denies").
    pub stance: Option<String>,
    /// Published on or after this date (ISO 8601 prefix).
    pub since: Option<String>,
    /// Published before this date.
    pub until: Option<String>,
    /// Full-text search over content and speaker words.
    pub search: Option<String>,
    /// Include claims reprinted in copies of another document.
    pub include_copies: bool,
    /// At most this many (all when `None`).
    pub limit: Option<usize>,
    /// Skip this many.
    pub offset: usize,
}

/// One side of a relation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelationSide {
    /// Claim id.
    pub claim: String,
    /// The document's source path or URL, as ingested.
    pub doc: String,
    /// Document id.
    pub doc_id: String,
    /// Publication date.
    pub published: Option<String>,
    /// The speaker's name (entity name, else the words in the text).
    pub speaker: String,
    /// The speaker's entity id.
    pub speaker_entity: Option<String>,
    /// What is said.
    pub content: String,
    /// affirms | denies
    pub stance: String,
}

/// Two claims that contradict or corroborate each other.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelationRow {
    /// contradicts | corroborates
    pub relation: String,
    /// The proposition both claims state, as text.
    pub proposition: String,
    /// Why they were related.
    pub reason: String,
    /// The earlier claim.
    pub a: RelationSide,
    /// The later claim.
    pub b: RelationSide,
}

/// Filters of [`Ledger::relations`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RelationFilter {
    /// Relations involving this entity as a speaker or a participant.
    pub entity: Option<String>,
    /// Only this kind ("contradicts" | "corroborates").
    pub kind: Option<String>,
    /// At most this many (all when `None`), newest first.
    pub limit: Option<usize>,
    /// Skip this many.
    pub offset: usize,
}

/// Activity of an entity on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelinePoint {
    /// The day (YYYY-MM-DD).
    pub date: String,
    /// Documents mentioning it.
    pub documents: i64,
    /// Claims it made.
    pub claims_by: i64,
    /// Claims about it.
    pub claims_about: i64,
}

/// Everything the ledger knows about one entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityPage {
    /// The entity.
    pub entity: EntitySummary,
    /// Its latest claims.
    pub claims_by: Vec<ClaimRow>,
    /// The latest claims about it.
    pub claims_about: Vec<ClaimRow>,
    /// Activity by day, oldest first.
    pub timeline: Vec<TimelinePoint>,
    /// The latest relations involving it.
    pub relations: Vec<RelationRow>,
}

/// A stored document, without its analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentSummary {
    /// Document id (clean-text hash).
    pub id: String,
    /// Source path or URL as ingested.
    pub source: String,
    /// Title.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Id of the document this one copies, when it is a near-duplicate.
    pub copy_of: Option<String>,
    /// Other sources where the same text was found word for word.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_at: Vec<String>,
    /// Claims stored for it.
    pub claims: i64,
}

/// Counts of what the ledger holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerStats {
    /// Documents.
    pub documents: i64,
    /// Documents that are copies of another.
    pub copies: i64,
    /// Other sources of stored texts (word-for-word reprints).
    pub reprint_sources: i64,
    /// Claims.
    pub claims: i64,
    /// Live entities.
    pub entities: i64,
    /// Propositions.
    pub propositions: i64,
    /// Contradicting pairs.
    pub contradicts: i64,
    /// Corroborating pairs.
    pub corroborates: i64,
    /// Schema version.
    pub schema_version: i64,
}

/// What a merge or split changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionReport {
    /// The surviving (merge) or new (split) entity id.
    pub entity: String,
    /// Claims whose speaker changed.
    pub claims_moved: usize,
    /// Document links that changed.
    pub documents_moved: usize,
}

/// A handle on a ledger file for reading (and for user decisions).
pub struct Ledger {
    conn: Connection,
    path: PathBuf,
    names: RefCell<Option<NameIndex>>,
}

/// Every live entity's spelling keys in memory, so that a substring search
/// over names is one scan of a few hundred KB of text instead of a
/// `LIKE '%…%'` over the aliases table on every search. The keys are
/// joined into one string (a key never holds a newline: [`name_key`]
/// collapses white space), so the scan is one substring search, not one
/// per key. Reloaded when another connection has committed
/// (`PRAGMA data_version`).
struct NameIndex {
    data_version: i64,
    /// The keys, each followed by a newline.
    text: String,
    /// Where each key starts in `text`.
    starts: Vec<usize>,
    /// (entity row, mentions with that spelling), one per key.
    entries: Vec<(i64, i64)>,
    /// The last needle and its entities, most mentioned first: a search
    /// lists the entities named like its words and then reads their claims
    /// first, with the same needle.
    last: Option<(String, Vec<i64>)>,
}

impl NameIndex {
    /// Calls `f` once for each key containing `needle`.
    fn each_containing(&self, needle: &str, mut f: impl FnMut(i64, i64)) {
        if needle.is_empty() {
            self.entries.iter().for_each(|&(e, n)| f(e, n));
            return;
        }
        let mut last = usize::MAX;
        for pos in memchr::memmem::find_iter(self.text.as_bytes(), needle.as_bytes()) {
            // The key holding this match: the last one starting at or before it.
            let i = self.starts.partition_point(|&s| s <= pos).saturating_sub(1);
            if i != last {
                last = i;
                if let Some(&(e, n)) = self.entries.get(i) {
                    f(e, n);
                }
            }
        }
    }
}

/// Who a claim filter's speaker is: entity rows, or (no entity by that
/// name) the words written as the speaker.
enum SpeakerMatch {
    Rows(Vec<i64>),
    Text(String),
}

/// A listed claim's columns, from its card `k` and [`CARD_JOINS`]; read by
/// [`claim_row`] from column 1 on. (Macros, so that `concat!` puts
/// [`CARDS_SELECT`] together at compile time.)
macro_rules! card_columns {
    () => {
        "k.id, k.doc_id, k.source, k.title, k.published, e.id, e.name, k.speaker_text,
    k.cue, k.content, k.stance, k.kind, k.hedged, k.confidence, p.text, cc.id"
    };
}

/// What a listed claim shows besides its card `k`: the speaker's entity,
/// the proposition and the card of the claim it reprints.
macro_rules! card_joins {
    () => {
        " LEFT JOIN entities e ON e.rowid = k.speaker_entity
    LEFT JOIN propositions p ON p.rowid = k.prop
    LEFT JOIN claim_cards cc ON cc.claim = k.copy_of"
    };
}

/// Listed claims, read from their denormalised cards (schema version 6):
/// one row per claim, plus the speaker's entity and the proposition, both
/// small tables that stay in the page cache. `?1` is a JSON array of claim
/// row ids ([`id_list`]); column 0 is each id's place in it. One statement
/// for a whole list: a statement per claim cost a reset, a bind and a step
/// each (a page lists fifty), and the ids come sorted, so that neighbouring
/// cards are read from the same leaf page one after the other.
const CARDS_SELECT: &str = concat!(
    "SELECT j.key, ",
    card_columns!(),
    " FROM json_each(?1) j CROSS JOIN claim_cards k ON k.claim = j.value",
    card_joins!()
);

/// [`card_columns!`] as a constant.
const CARD_COLUMNS: &str = card_columns!();
/// [`card_joins!`] as a constant.
const CARD_JOINS: &str = card_joins!();

/// A row of [`CARDS_SELECT`], after its column 0.
fn claim_row(r: &Row<'_>) -> rusqlite::Result<ClaimRow> {
    let speaker_text: String = r.get(8)?;
    let name: Option<String> = r.get(7)?;
    Ok(ClaimRow {
        id: r.get(1)?,
        doc_id: r.get(2)?,
        source: r.get(3)?,
        title: r.get(4)?,
        published: r.get(5)?,
        speaker_entity: r.get(6)?,
        speaker: name.unwrap_or_else(|| speaker_text.clone()),
        speaker_text,
        cue: r.get(9)?,
        content: r.get(10)?,
        stance: r.get(11)?,
        kind: r.get(12)?,
        hedged: r.get(13)?,
        confidence: r.get(14)?,
        proposition: r.get(15)?,
        copy_of: r.get(16)?,
    })
}

/// Relations newest first, without their claims: the claims' sides are
/// read afterwards from their cards, all in one statement
/// ([`SIDES_SELECT`]), each claim once however many of the listed relations
/// it is in.
const RELATION_SELECT: &str = "SELECT r.kind, p.text, r.reason, r.a, r.b
    FROM relations r JOIN propositions p ON p.rowid = r.prop";

/// One side of a relation from a claim's card; `?1` as in [`CARDS_SELECT`],
/// column 0 the claim's row id.
const SIDES_SELECT: &str = "SELECT k.claim, k.id, k.source, k.doc_id, k.published, k.speaker_text, e.id, e.name,
    k.content, k.stance
    FROM json_each(?1) j CROSS JOIN claim_cards k ON k.claim = j.value
    LEFT JOIN entities e ON e.rowid = k.speaker_entity";

fn relation_side(r: &Row<'_>) -> rusqlite::Result<RelationSide> {
    let text: String = r.get(5)?;
    let name: Option<String> = r.get(7)?;
    Ok(RelationSide {
        claim: r.get(1)?,
        doc: r.get(2)?,
        doc_id: r.get(3)?,
        published: r.get(4)?,
        speaker: name.unwrap_or(text),
        speaker_entity: r.get(6)?,
        content: r.get(8)?,
        stance: r.get(9)?,
    })
}

/// A relation's side from a listed claim: what [`SIDES_SELECT`] reads from
/// the same card and speaker entity.
fn side_of(c: &ClaimRow) -> RelationSide {
    RelationSide {
        claim: c.id.clone(),
        doc: c.source.clone(),
        doc_id: c.doc_id.clone(),
        published: c.published.clone(),
        speaker: c.speaker.clone(),
        speaker_entity: c.speaker_entity.clone(),
        content: c.content.clone(),
        stance: c.stance.clone(),
    }
}

/// Row ids as the JSON array that [`CARDS_SELECT`] and [`SIDES_SELECT`]
/// take.
fn id_list(ids: impl IntoIterator<Item = i64>) -> String {
    let mut out = String::from("[");
    for (i, id) in ids.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&id.to_string());
    }
    out.push(']');
    out
}

/// A full-text query from user words: every word must occur (quoted, so
/// that FTS5 syntax characters in the input are taken literally).
/// Matches of a full-text search alone (no other filter) that are sorted by
/// date: the latest stored ones (see [`Ledger::claims`]).
pub const SEARCH_WINDOW: usize = 200;

/// A match of a search's window ([`Ledger::search_window`]): what orders
/// and filters it, and the speaker in whose range it was found.
struct WindowMatch {
    claim: i64,
    published: Option<String>,
    copy_of: Option<i64>,
    speaker: Option<i64>,
}

/// Entities named like a search's words whose claims a search reads from
/// the cards in speaker order first ([`Ledger::search_window`]), at most.
const SEARCH_SPEAKERS: i64 = 3;

fn fts_query(text: &str) -> Option<String> {
    let ws: Vec<String> = words(text).into_iter().map(|w| format!("\"{}\"", w.replace('"', ""))).collect();
    (!ws.is_empty()).then(|| ws.join(" "))
}

fn placeholders(n: usize) -> String {
    vec!["?"; n].join(", ")
}

impl Ledger {
    /// Opens a ledger for reading and user decisions, creating or migrating
    /// it as needed.
    pub fn open(path: &Path) -> Result<Ledger> {
        let mut conn = open_rw(path)?;
        schema::migrate(&mut conn)?;
        Ledger::with_connection(conn, path)
    }

    /// Opens an existing ledger read-only. Fails when the file does not
    /// exist or needs a migration (open it once with [`Ledger::open`]).
    pub fn open_read_only(path: &Path) -> Result<Ledger> {
        if !path.exists() {
            return Err(LedgerError::Invalid(format!("{}: no such ledger", path.display())));
        }
        let conn = open_ro(path)?;
        let v = schema::version(&conn)?;
        if v != schema::CURRENT_VERSION {
            return Err(LedgerError::Invalid(format!(
                "{}: schema version {v}, expected {}; open it once read-write to migrate",
                path.display(),
                schema::CURRENT_VERSION
            )));
        }
        Ledger::with_connection(conn, path)
    }

    fn with_connection(conn: Connection, path: &Path) -> Result<Ledger> {
        // The connection comes from `store::open_ro`/`open_rw`, which set
        // query planner stability.
        Ok(Ledger { conn, path: path.to_path_buf(), names: RefCell::new(None) })
    }

    /// Runs `f` in one read transaction: its queries see one snapshot of
    /// the ledger, and take the file's read lock once instead of once per
    /// statement (an entity page runs some sixty). Within a transaction
    /// already open, simply runs `f`.
    pub fn snapshot<T, E: From<LedgerError>>(
        &self,
        f: impl FnOnce(&Ledger) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        if !self.conn.is_autocommit() {
            return f(self);
        }
        self.conn.execute_batch("BEGIN").map_err(|e| E::from(e.into()))?;
        let out = f(self);
        // A read transaction has nothing to keep: ending it cannot lose work.
        let end = self.conn.execute_batch(if out.is_ok() { "COMMIT" } else { "ROLLBACK" });
        match (out, end) {
            (Ok(v), Ok(())) => Ok(v),
            (Ok(_), Err(e)) => Err(E::from(e.into())),
            (Err(e), _) => Err(e),
        }
    }

    /// The file this ledger reads.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The underlying connection, for ad-hoc queries (tests, benchmarks).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Counts of what the ledger holds.
    pub fn stats(&self) -> Result<LedgerStats> {
        let count = |sql: &str| -> Result<i64> { Ok(self.conn.query_row(sql, [], |r| r.get(0))?) };
        Ok(LedgerStats {
            documents: count("SELECT count(*) FROM documents")?,
            copies: count("SELECT count(*) FROM documents WHERE origin IS NOT NULL")?,
            reprint_sources: count("SELECT count(*) FROM doc_sources")?,
            claims: count("SELECT count(*) FROM claims")?,
            entities: count("SELECT count(*) FROM entities WHERE merged_into IS NULL")?,
            propositions: count("SELECT count(*) FROM propositions")?,
            // Kept by triggers (schema version 5): counting the relations
            // themselves reads millions of rows.
            contradicts: count("SELECT coalesce(sum(n), 0) FROM relation_counts WHERE kind = 'contradicts'")?,
            corroborates: count("SELECT coalesce(sum(n), 0) FROM relation_counts WHERE kind = 'corroborates'")?,
            schema_version: schema::version(&self.conn)?,
        })
    }

    /// Entity rows named by `name`: an entity id, or an alias matched
    /// case-insensitively. Merged-away entities lead to their survivor.
    fn entity_rows(&self, name: &str) -> Result<Vec<i64>> {
        let mut rows = BTreeSet::new();
        let by_id: Option<(i64, Option<i64>)> = self
            .conn
            .prepare_cached("SELECT rowid, merged_into FROM entities WHERE id = ?1")?
            .query_row([name.trim()], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        if let Some((row, merged)) = by_id {
            rows.insert(self.survivor(merged.unwrap_or(row))?);
        }
        let mut st = self.conn.prepare_cached("SELECT DISTINCT entity FROM aliases WHERE key = ?1")?;
        for r in st.query_map([name_key(name)], |r| r.get::<_, i64>(0))? {
            rows.insert(self.survivor(r?)?);
        }
        Ok(rows.into_iter().collect())
    }

    fn survivor(&self, mut row: i64) -> Result<i64> {
        for _ in 0..64 {
            let next: Option<i64> = self
                .conn
                .prepare_cached("SELECT merged_into FROM entities WHERE rowid = ?1")?
                .query_row([row], |r| r.get(0))
                .optional()?
                .flatten();
            match next {
                Some(n) => row = n,
                None => break,
            }
        }
        Ok(row)
    }

    fn one_entity(&self, name: &str) -> Result<i64> {
        let rows = self.entity_rows(name)?;
        match rows.len() {
            0 => Err(LedgerError::NoSuchEntity(name.to_string())),
            1 => Ok(rows[0]),
            _ => {
                // Prefer an exact id; otherwise the name is ambiguous.
                let ids = rows.iter().map(|&r| self.entity_id(r)).collect::<Result<Vec<_>>>()?;
                Err(LedgerError::Ambiguous { name: name.to_string(), ids })
            }
        }
    }

    fn entity_id(&self, row: i64) -> Result<String> {
        Ok(self.conn.prepare_cached("SELECT id FROM entities WHERE rowid = ?1")?.query_row([row], |r| r.get(0))?)
    }

    /// Summaries of entities `rows` (each once), in that order: three
    /// statements however many there are (a search lists up to ten; seven
    /// statements each cost a reset, a bind and a step apiece).
    fn summaries(&self, rows: &[i64]) -> Result<Vec<EntitySummary>> {
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let list = id_list(rows.iter().copied());
        // The dated part of each count is the sum of the entity's daily
        // counts (one row a day); only the undated rows are counted, through
        // the (entity, published) indexes: counting every row of an entity
        // named in 60,000 claims read all of them for each page. A speaker's
        // claims are counted in the cards in speaker order (schema version
        // 9), where its page and a search for its name read its claims: the
        // same leaf, where `claims_speaker` was a page of its own.
        // Correlated subqueries and a join driven by the list: no temporary
        // tables (a grouped subquery joined to the entities was materialised
        // with an automatic index on every call, which cost more than the
        // statements it saved).
        let mut st = self.conn.prepare_cached(
            "SELECT j.key, e.id, e.name, e.kind,
                (SELECT count(*) FROM doc_entities WHERE entity = e.rowid AND published IS NULL),
                (SELECT count(*) FROM claim_cards WHERE speaker_entity = e.rowid AND published IS NULL),
                (SELECT count(*) FROM claim_about WHERE entity = e.rowid AND published IS NULL),
                (SELECT coalesce(sum(documents), 0) FROM entity_days WHERE entity = e.rowid),
                (SELECT coalesce(sum(claims_by), 0) FROM entity_days WHERE entity = e.rowid),
                (SELECT coalesce(sum(claims_about), 0) FROM entity_days WHERE entity = e.rowid)
             FROM json_each(?1) j CROSS JOIN entities e ON e.rowid = j.value",
        )?;
        let mut out: Vec<Option<(i64, EntitySummary)>> = vec![None; rows.len()];
        let mut q = st.query([&list])?;
        while let Some(r) = q.next()? {
            let key: usize = r.get::<_, i64>(0)?.try_into().unwrap_or(usize::MAX);
            if let (Some(slot), Some(&row)) = (out.get_mut(key), rows.get(key)) {
                let summary = EntitySummary {
                    id: r.get(1)?,
                    name: r.get(2)?,
                    kind: r.get(3)?,
                    aliases: Vec::new(),
                    roles: Vec::new(),
                    documents: r.get::<_, i64>(4)? + r.get::<_, i64>(7)?,
                    claims_by: r.get::<_, i64>(5)? + r.get::<_, i64>(8)?,
                    claims_about: r.get::<_, i64>(6)? + r.get::<_, i64>(9)?,
                };
                *slot = Some((row, summary));
            }
        }
        let (rows, mut out): (Vec<i64>, Vec<EntitySummary>) = out.into_iter().flatten().unzip();
        self.spellings_and_roles(&rows, &mut out)?;
        Ok(out)
    }

    /// Fills in the spellings and roles of `summaries`, whose row ids are
    /// `rows`: one statement for each kind.
    fn spellings_and_roles(&self, rows: &[i64], summaries: &mut [EntitySummary]) -> Result<()> {
        let place: FxHashMap<i64, usize> = rows.iter().enumerate().map(|(i, &r)| (r, i)).collect();
        let list = id_list(rows.iter().copied());
        let mut st = self.conn.prepare_cached(
            "SELECT a.entity, a.alias, a.count FROM json_each(?1) j CROSS JOIN aliases a ON a.entity = j.value",
        )?;
        let mut q = st.query([&list])?;
        while let Some(r) = q.next()? {
            if let Some(s) = place.get(&r.get::<_, i64>(0)?).and_then(|&i| summaries.get_mut(i)) {
                s.aliases.push(AliasCount { alias: r.get(1)?, count: r.get(2)? });
            }
        }
        let mut st = self.conn.prepare_cached(
            "SELECT o.entity, o.role, o.count FROM json_each(?1) j CROSS JOIN roles o ON o.entity = j.value",
        )?;
        let mut q = st.query([&list])?;
        let mut roles: Vec<Vec<(i64, String)>> = vec![Vec::new(); summaries.len()];
        while let Some(r) = q.next()? {
            if let Some(v) = place.get(&r.get::<_, i64>(0)?).and_then(|&i| roles.get_mut(i)) {
                v.push((r.get(2)?, r.get(1)?));
            }
        }
        // Most frequent first, then by text (SQLite's BINARY collation
        // compares bytes, as `str`'s order does), sorted here rather than
        // by a sorter per statement.
        for (s, mut rs) in summaries.iter_mut().zip(roles) {
            s.aliases.sort_unstable_by(|a, b| b.count.cmp(&a.count).then_with(|| a.alias.cmp(&b.alias)));
            rs.sort_unstable_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
            s.roles = rs.into_iter().map(|(_, role)| role).collect();
        }
        Ok(())
    }

    /// An entity's summary and its activity by day, which the summary's
    /// counts are sums of: a page reads the entity's days once.
    fn summary_and_days(&self, row: i64) -> Result<(EntitySummary, Vec<TimelinePoint>)> {
        // Only the undated rows are counted (see [`Ledger::summaries`]).
        let mut summary = self
            .conn
            .prepare_cached(
                "SELECT id, name, kind,
                    (SELECT count(*) FROM doc_entities WHERE entity = ?1 AND published IS NULL),
                    (SELECT count(*) FROM claim_cards WHERE speaker_entity = ?1 AND published IS NULL),
                    (SELECT count(*) FROM claim_about WHERE entity = ?1 AND published IS NULL)
                 FROM entities WHERE rowid = ?1",
            )?
            .query_row([row], |r| {
                Ok(EntitySummary {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    kind: r.get(2)?,
                    aliases: Vec::new(),
                    roles: Vec::new(),
                    documents: r.get(3)?,
                    claims_by: r.get(4)?,
                    claims_about: r.get(5)?,
                })
            })?;
        let days = {
            let mut st = self.conn.prepare_cached(
                "SELECT day, documents, claims_by, claims_about FROM entity_days WHERE entity = ?1 ORDER BY day",
            )?;
            let rows = st.query_map([row], |r| {
                Ok(TimelinePoint {
                    date: r.get(0)?,
                    documents: r.get(1)?,
                    claims_by: r.get(2)?,
                    claims_about: r.get(3)?,
                })
            })?;
            rows.collect::<std::result::Result<Vec<_>, _>>()?
        };
        for d in &days {
            summary.documents += d.documents;
            summary.claims_by += d.claims_by;
            summary.claims_about += d.claims_about;
        }
        self.spellings_and_roles(&[row], std::slice::from_mut(&mut summary))?;
        Ok((summary, days))
    }

    /// Entities named `name` (an id, or an alias, case-insensitively).
    pub fn find_entities(&self, name: &str) -> Result<Vec<EntitySummary>> {
        self.summaries(&self.entity_rows(name)?)
    }

    /// Entities, most mentioned first; with `search`, those with an alias
    /// containing it (case-insensitively).
    pub fn entities(&self, search: Option<&str>, limit: Option<usize>) -> Result<Vec<EntitySummary>> {
        let limit = limit.map(|l| l as i64).unwrap_or(-1);
        let rows: Vec<i64> = match search {
            Some(s) => self.entities_named_like(&name_key(s), limit)?,
            None => {
                let mut st = self.conn.prepare(
                    "SELECT e.rowid FROM entities e LEFT JOIN aliases a ON a.entity = e.rowid
                     WHERE e.merged_into IS NULL GROUP BY e.rowid ORDER BY coalesce(sum(a.count), 0) DESC, e.rowid
                     LIMIT ?1",
                )?;
                let rows = st.query_map([limit], |r| r.get(0))?;
                rows.collect::<std::result::Result<_, _>>()?
            }
        };
        self.summaries(&rows)
    }

    /// Live entities with a spelling key containing `key`, most mentioned
    /// (with the matching spellings) first, through the in-memory
    /// [`NameIndex`].
    fn entities_named_like(&self, key: &str, limit: i64) -> Result<Vec<i64>> {
        let version: i64 = self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?;
        let mut names = self.names.borrow_mut();
        if names.as_ref().is_none_or(|n| n.data_version != version) {
            let mut st = self.conn.prepare(
                "SELECT a.key, a.entity, a.count FROM aliases a JOIN entities e ON e.rowid = a.entity
                 WHERE e.merged_into IS NULL",
            )?;
            let mut index = NameIndex {
                data_version: version,
                text: String::new(),
                starts: Vec::new(),
                entries: Vec::new(),
                last: None,
            };
            let mut rows = st.query([])?;
            while let Some(r) = rows.next()? {
                index.starts.push(index.text.len());
                index.text.push_str(&r.get::<_, String>(0)?);
                index.text.push('\n');
                index.entries.push((r.get(1)?, r.get(2)?));
            }
            *names = Some(index);
        }
        let Some(index) = names.as_mut() else { return Ok(Vec::new()) };
        let limit = usize::try_from(limit).unwrap_or(usize::MAX);
        if let Some((needle, found)) = &index.last {
            if needle == key {
                return Ok(found.iter().take(limit).copied().collect());
            }
        }
        let mut sums: FxHashMap<i64, i64> = FxHashMap::default();
        index.each_containing(key, |entity, count| *sums.entry(entity).or_default() += count);
        let mut found: Vec<(i64, i64)> = sums.into_iter().collect();
        found.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let found: Vec<i64> = found.into_iter().map(|(e, _)| e).collect();
        let out = found.iter().take(limit).copied().collect();
        index.last = Some((key.to_string(), found));
        Ok(out)
    }

    /// Claims matching the filter, newest first. A full-text search with
    /// no other filter and a limit sorts only the latest matches stored
    /// ([`SEARCH_WINDOW`], or four times limit + offset when more).
    pub fn claims(&self, f: &ClaimFilter) -> Result<Vec<ClaimRow>> {
        let about = match &f.about {
            Some(name) => Some(self.entity_rows(name)?),
            None => None,
        };
        let speaker = match &f.speaker {
            Some(name) => Some(self.speaker_match(name)?),
            None => None,
        };
        Ok(self.claims_matching(f, speaker, about)?.into_iter().map(|(_, c)| c).collect())
    }

    fn speaker_match(&self, name: &str) -> Result<SpeakerMatch> {
        let rows = self.entity_rows(name)?;
        Ok(if rows.is_empty() { SpeakerMatch::Text(name.trim().to_string()) } else { SpeakerMatch::Rows(rows) })
    }

    /// [`Ledger::claims`] with the speaker and the entities talked about
    /// already resolved (`f.speaker` and `f.about` only say whether there
    /// is such a filter). When one entity's index gives the order (claims
    /// about it, or by it, and no full-text search), one statement walks
    /// the index and reads each listed claim's card as it goes: the card
    /// is read anyway to leave out copies, and a second statement read it
    /// again. Otherwise two steps: the claims' row ids, filtered, ordered
    /// (sorted, for a search or an unresolved speaker) and cut to the page
    /// through the indexes and the cards, then one card per listed claim, so
    /// that only the listed ones are read in full. Each claim comes with its
    /// row id.
    fn claims_matching(
        &self,
        f: &ClaimFilter,
        speaker: Option<SpeakerMatch>,
        about: Option<Vec<i64>>,
    ) -> Result<Vec<(i64, ClaimRow)>> {
        if let (Some(text), Some(limit), None, None, None, None, None) =
            (&f.search, f.limit, &f.speaker, &f.about, &f.stance, &f.since, &f.until)
        {
            return self.search_window(text, limit, f.offset, f.include_copies);
        }
        let mut args: Vec<Value> = Vec::new();
        // The driving index, so that a limit stops the scan early: claims
        // about one entity walk its (entity, date) index newest first and
        // read the cards, claims by an entity the cards' (speaker, date)
        // index, which holds the cards' columns.
        let single_about = about.as_ref().filter(|r| r.len() == 1).map(|r| r[0]);
        // The index gives the order, so no sort: the page's rows are the
        // first ones the walk finds, and their cards can be read with them.
        let index_ordered = f.search.is_none()
            && (single_about.is_some() || matches!(&speaker, Some(SpeakerMatch::Rows(rows)) if rows.len() == 1));
        // (listed column, tables, first condition): the statement is put
        // together below, with the card's columns when `index_ordered`.
        let (column, from, mut sql, order) = match (single_about, &speaker) {
            (Some(e), _) => {
                args.push(Value::Integer(e));
                (
                    "a.claim",
                    " FROM claim_about a JOIN claim_cards k ON k.claim = a.claim",
                    " WHERE a.entity = ?".to_string(),
                    " ORDER BY a.published DESC, a.claim DESC",
                )
            }
            // Otherwise the cards alone. Claims by one entity walk the cards
            // in speaker order (`claim_cards_speaker`, schema version 9), a
            // covering index: the list is one range of it, not a card per
            // page.
            (None, _) => (
                "k.claim",
                " FROM claim_cards k",
                " WHERE 1 = 1".to_string(),
                " ORDER BY k.published DESC, k.claim DESC",
            ),
        };
        match speaker {
            // No entity by that name: unresolved speakers written so.
            Some(SpeakerMatch::Text(text)) => {
                sql += " AND k.speaker_entity IS NULL AND k.speaker_text = ? COLLATE NOCASE";
                args.push(Value::Text(text));
            }
            Some(SpeakerMatch::Rows(rows)) if rows.len() == 1 => {
                sql += " AND k.speaker_entity = ?";
                args.push(Value::Integer(rows[0]));
            }
            Some(SpeakerMatch::Rows(rows)) => {
                sql += &format!(" AND k.speaker_entity IN ({})", placeholders(rows.len()));
                args.extend(rows.into_iter().map(Value::Integer));
            }
            None => {}
        }
        if let (Some(rows), None) = (&about, single_about) {
            sql += &format!(
                " AND k.claim IN (SELECT claim FROM claim_about WHERE entity IN ({}))",
                placeholders(rows.len())
            );
            args.extend(rows.iter().copied().map(Value::Integer));
        }
        if let Some(s) = &f.stance {
            sql += " AND k.stance = ?";
            args.push(Value::Text(s.clone()));
        }
        if let Some(s) = &f.since {
            sql += " AND k.published >= ?";
            args.push(Value::Text(s.clone()));
        }
        if let Some(s) = &f.until {
            sql += " AND k.published < ?";
            args.push(Value::Text(s.clone()));
        }
        if let Some(q) = &f.search {
            match fts_query(q) {
                Some(q) => {
                    sql += " AND k.claim IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?";
                    args.push(Value::Text(q));
                    // A search alone reads only the latest matches (the
                    // index walks them newest-stored first and stops): a
                    // common word matches a large share of a big ledger, and
                    // sorting all of its matches by date costs a read of each.
                    let alone = f.speaker.is_none()
                        && f.about.is_none()
                        && f.stance.is_none()
                        && f.since.is_none()
                        && f.until.is_none();
                    match f.limit {
                        Some(limit) if alone => {
                            sql += " ORDER BY rowid DESC LIMIT ?)";
                            let window = SEARCH_WINDOW.max(4 * (limit + f.offset));
                            args.push(Value::Integer(window as i64));
                        }
                        _ => sql += ")",
                    }
                }
                None => return Ok(Vec::new()),
            }
        }
        if !f.include_copies {
            sql += " AND k.copy_of IS NULL";
        }
        sql += order;
        sql += " LIMIT ? OFFSET ?";
        args.push(Value::Integer(f.limit.map(|l| l as i64).unwrap_or(-1)));
        args.push(Value::Integer(f.offset as i64));
        if index_ordered {
            // The list's own statement reads the cards, with the joins of
            // [`CARDS_SELECT`] (the claim's row id where it has the list
            // place).
            let sql = format!("SELECT k.claim, {CARD_COLUMNS}{from}{CARD_JOINS}{sql}");
            let mut st = self.conn.prepare_cached(&sql)?;
            let rows = st.query_map(params_from_iter(args), |r| Ok((r.get(0)?, claim_row(r)?)))?;
            return Ok(rows.collect::<std::result::Result<_, _>>()?);
        }
        let ids: Vec<i64> = {
            let mut st = self.conn.prepare_cached(&format!("SELECT {column}{from}{sql}"))?;
            let rows = st.query_map(params_from_iter(args), |r| r.get(0))?;
            rows.collect::<std::result::Result<_, _>>()?
        };
        self.cards(&ids)
    }

    /// A full-text search alone, with a limit: among the latest matches
    /// stored ([`SEARCH_WINDOW`], or four times limit + offset when more),
    /// the newest by date, copies left out unless `include_copies`; what
    /// the general statement of [`Ledger::claims_matching`] lists for it.
    /// A search for a name matches that speaker's claims, and a card per
    /// match is a page per match on a large ledger; so the matches are
    /// first looked for among the claims of the entities named like the
    /// words ([`SEARCH_SPEAKERS`]), in the cards in speaker order
    /// (`claim_cards_speaker`, a few neighbouring pages per speaker), and
    /// only the others are read card by card.
    fn search_window(
        &self,
        text: &str,
        limit: usize,
        offset: usize,
        include_copies: bool,
    ) -> Result<Vec<(i64, ClaimRow)>> {
        let Some(q) = fts_query(text) else { return Ok(Vec::new()) };
        let window = SEARCH_WINDOW.max(4 * (limit + offset)) as i64;
        let ids: Vec<i64> = {
            let mut st = self.conn.prepare_cached(
                "SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
            )?;
            let rows = st.query_map(params![q, window], |r| r.get(0))?;
            rows.collect::<std::result::Result<_, _>>()?
        };
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut wanted: FxHashSet<i64> = ids.iter().copied().collect();
        let mut matches: Vec<WindowMatch> = Vec::with_capacity(ids.len());
        let speakers = self.entities_named_like(&name_key(text), SEARCH_SPEAKERS)?;
        if !speakers.is_empty() {
            // Each speaker's latest claims, as many as the window: a
            // bounded read however many claims the speaker has.
            let mut st = self.conn.prepare_cached(
                "SELECT claim, published, copy_of FROM claim_cards INDEXED BY claim_cards_speaker
                 WHERE speaker_entity = ?1 ORDER BY published DESC, claim DESC LIMIT ?2",
            )?;
            for s in speakers {
                if wanted.is_empty() {
                    break;
                }
                let mut rows = st.query(params![s, window])?;
                while let Some(r) = rows.next()? {
                    let claim: i64 = r.get(0)?;
                    if wanted.remove(&claim) {
                        matches.push(WindowMatch { claim, published: r.get(1)?, copy_of: r.get(2)?, speaker: Some(s) });
                    }
                }
            }
        }
        if !wanted.is_empty() {
            let mut rest: Vec<i64> = wanted.into_iter().collect();
            rest.sort_unstable();
            let mut st = self.conn.prepare_cached(
                "SELECT k.claim, k.published, k.copy_of FROM json_each(?1) j CROSS JOIN claim_cards k ON k.claim = j.value",
            )?;
            let mut rows = st.query([id_list(rest)])?;
            while let Some(r) = rows.next()? {
                matches.push(WindowMatch { claim: r.get(0)?, published: r.get(1)?, copy_of: r.get(2)?, speaker: None });
            }
        }
        if !include_copies {
            matches.retain(|m| m.copy_of.is_none());
        }
        // ORDER BY published DESC, claim DESC: dates compare bytewise (as
        // SQLite's BINARY collation does), and a missing date sorts last
        // (SQLite's NULL is the smallest value).
        matches.sort_unstable_by(|a, b| b.published.cmp(&a.published).then(b.claim.cmp(&a.claim)));
        let listed: Vec<_> = matches.into_iter().skip(offset).take(limit).collect();
        let mut out: Vec<Option<ClaimRow>> = vec![None; listed.len()];
        // The rows found in a speaker's range, read again from it (its
        // pages are in the cache now) with the listed columns.
        let in_ranges: Vec<(usize, &WindowMatch)> =
            listed.iter().enumerate().filter(|(_, m)| m.speaker.is_some()).collect();
        if !in_ranges.is_empty() {
            // [speaker, date, claim] of each, the index's key.
            let keys: Vec<_> = in_ranges.iter().map(|(_, m)| (m.speaker, &m.published, m.claim)).collect();
            let json = serde_json::to_string(&keys).map_err(|e| LedgerError::Invalid(e.to_string()))?;
            let mut st = self.conn.prepare_cached(&format!(
                "SELECT j.key, {CARD_COLUMNS} FROM json_each(?1) j CROSS JOIN claim_cards k INDEXED BY claim_cards_speaker
                 ON k.speaker_entity = j.value ->> 0 AND k.published IS j.value ->> 1 AND k.claim = j.value ->> 2
                 {CARD_JOINS}"
            ))?;
            let mut rows = st.query([json])?;
            while let Some(r) = rows.next()? {
                let key: usize = r.get::<_, i64>(0)?.try_into().unwrap_or(usize::MAX);
                if let Some(&(place, _)) = in_ranges.get(key) {
                    out[place] = Some(claim_row(r)?);
                }
            }
        }
        let others: FxHashMap<i64, usize> =
            listed.iter().enumerate().filter(|(_, m)| m.speaker.is_none()).map(|(i, m)| (m.claim, i)).collect();
        if !others.is_empty() {
            let ids: Vec<i64> = others.keys().copied().collect();
            for (id, row) in self.cards(&ids)? {
                if let Some(&place) = others.get(&id) {
                    out[place] = Some(row);
                }
            }
        }
        Ok(listed.iter().zip(out).filter_map(|(m, c)| Some((m.claim, c?))).collect())
    }

    /// The cards of claims `ids` (row ids), in that order, each with its id.
    fn cards(&self, ids: &[i64]) -> Result<Vec<(i64, ClaimRow)>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        // Read in row id order (neighbouring cards share leaf pages), then
        // put back in the list's order.
        let mut sorted: Vec<(i64, usize)> = ids.iter().copied().zip(0..).collect();
        sorted.sort_unstable();
        let mut st = self.conn.prepare_cached(CARDS_SELECT)?;
        let mut rows = st.query([id_list(sorted.iter().map(|&(id, _)| id))])?;
        let mut out: Vec<Option<ClaimRow>> = vec![None; ids.len()];
        while let Some(r) = rows.next()? {
            let key: usize = r.get::<_, i64>(0)?.try_into().unwrap_or(usize::MAX);
            if let Some(&(_, place)) = sorted.get(key) {
                out[place] = Some(claim_row(r)?);
            }
        }
        // Every listed claim has its card (the list query joins it).
        Ok(ids.iter().zip(out).filter_map(|(&id, c)| Some((id, c?))).collect())
    }

    /// Full-text search over claims (content and speaker words), newest
    /// first among the latest [`SEARCH_WINDOW`] matches stored.
    pub fn search(&self, text: &str, limit: usize) -> Result<Vec<ClaimRow>> {
        self.claims(&ClaimFilter { search: Some(text.to_string()), limit: Some(limit), ..Default::default() })
    }

    /// Relations matching the filter, newest first.
    pub fn relations(&self, f: &RelationFilter) -> Result<Vec<RelationRow>> {
        let entity_rows = match &f.entity {
            Some(name) => {
                let rows = self.entity_rows(name)?;
                if rows.is_empty() {
                    return Err(LedgerError::NoSuchEntity(name.clone()));
                }
                Some(rows)
            }
            None => None,
        };
        self.relations_of(f, entity_rows, &FxHashMap::default())
    }

    /// [`Ledger::relations`] with the entity already resolved. A side whose
    /// claim is in `known` (claims already read, by row id) is made from it
    /// instead of read again: on an entity page a third of the sides are
    /// claims its lists hold, and each read is a page of its own.
    fn relations_of(
        &self,
        f: &RelationFilter,
        entity_rows: Option<Vec<i64>>,
        known: &FxHashMap<i64, &ClaimRow>,
    ) -> Result<Vec<RelationRow>> {
        let mut args: Vec<Value> = Vec::new();
        let mut sql = String::from(RELATION_SELECT);
        let kind_clause = |args: &mut Vec<Value>| {
            f.kind.as_ref().map(|k| {
                args.push(Value::Text(k.clone()));
                " AND r.kind = ?".to_string()
            })
        };
        match entity_rows {
            Some(rows) => {
                if rows.len() == 1 {
                    // One entity: walk its index newest first and stop at
                    // the limit, however many relations it has.
                    sql = sql.replacen(
                        "FROM relations r",
                        "FROM relation_entities re JOIN relations r ON r.rowid = re.relation",
                        1,
                    );
                    sql += " WHERE re.entity = ?";
                    args.push(Value::Integer(rows[0]));
                    sql += &kind_clause(&mut args).unwrap_or_default();
                    sql += " ORDER BY re.relation DESC";
                } else {
                    sql += &format!(
                        " WHERE r.rowid IN (SELECT relation FROM relation_entities WHERE entity IN ({}))",
                        placeholders(rows.len())
                    );
                    args.extend(rows.into_iter().map(Value::Integer));
                    sql += &kind_clause(&mut args).unwrap_or_default();
                    sql += " ORDER BY r.rowid DESC";
                }
            }
            None => {
                sql += " WHERE 1 = 1";
                sql += &kind_clause(&mut args).unwrap_or_default();
                sql += " ORDER BY r.rowid DESC";
            }
        }
        sql += " LIMIT ? OFFSET ?";
        args.push(Value::Integer(f.limit.map(|l| l as i64).unwrap_or(-1)));
        args.push(Value::Integer(f.offset as i64));
        type Bare = (String, String, String, i64, i64);
        let bare: Vec<Bare> = {
            let mut st = self.conn.prepare_cached(&sql)?;
            let rows =
                st.query_map(params_from_iter(args), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?;
            rows.collect::<std::result::Result<_, _>>()?
        };
        if bare.is_empty() {
            return Ok(Vec::new());
        }
        let mut sides: FxHashMap<i64, RelationSide> = FxHashMap::default();
        let mut unread: BTreeSet<i64> = BTreeSet::new();
        for claim in bare.iter().flat_map(|b| [b.3, b.4]) {
            match known.get(&claim) {
                Some(c) => {
                    sides.entry(claim).or_insert_with(|| side_of(c));
                }
                None => {
                    unread.insert(claim);
                }
            }
        }
        if !unread.is_empty() {
            let mut st = self.conn.prepare_cached(SIDES_SELECT)?;
            let mut rows = st.query([id_list(unread)])?;
            while let Some(r) = rows.next()? {
                sides.insert(r.get(0)?, relation_side(r)?);
            }
        }
        // A side is moved into its last relation and cloned only for the
        // earlier ones (a claim in several listed relations): an entity
        // page's fifty sides hold some three hundred strings.
        let mut uses: FxHashMap<i64, usize> = FxHashMap::default();
        for b in &bare {
            *uses.entry(b.3).or_default() += 1;
            *uses.entry(b.4).or_default() += 1;
        }
        let mut side = |claim: i64| -> Option<RelationSide> {
            let left = uses.get_mut(&claim)?;
            *left -= 1;
            if *left == 0 {
                sides.remove(&claim)
            } else {
                sides.get(&claim).cloned()
            }
        };
        // Every claim has its card (triggers write it with the claim).
        Ok(bare
            .into_iter()
            .filter_map(|(relation, proposition, reason, a, b)| {
                Some(RelationRow { relation, proposition, reason, a: side(a)?, b: side(b)? })
            })
            .collect())
    }

    /// The page of one entity (name, alias or id): its spellings, latest
    /// claims by and about it (at most `limit` each), its timeline and its
    /// latest relations.
    pub fn entity_page(&self, name: &str, limit: usize) -> Result<EntityPage> {
        self.snapshot(|l| l.entity_page_now(name, limit))
    }

    fn entity_page_now(&self, name: &str, limit: usize) -> Result<EntityPage> {
        let row = self.one_entity(name)?;
        let (entity, timeline) = self.summary_and_days(row)?;
        let id = entity.id.clone();
        // The entity is resolved once; the lists take its row.
        let claims_by = self.claims_matching(
            &ClaimFilter { speaker: Some(id.clone()), limit: Some(limit), ..Default::default() },
            Some(SpeakerMatch::Rows(vec![row])),
            None,
        )?;
        let claims_about = self.claims_matching(
            &ClaimFilter { about: Some(id.clone()), limit: Some(limit), ..Default::default() },
            None,
            Some(vec![row]),
        )?;
        // The lists' claims, for the relations' sides that are among them.
        let known: FxHashMap<i64, &ClaimRow> = claims_by.iter().chain(&claims_about).map(|(k, c)| (*k, c)).collect();
        let relations = self.relations_of(
            &RelationFilter { entity: Some(id), limit: Some(limit), ..Default::default() },
            Some(vec![row]),
            &known,
        )?;
        let claims_by = claims_by.into_iter().map(|(_, c)| c).collect();
        let claims_about = claims_about.into_iter().map(|(_, c)| c).collect();
        Ok(EntityPage { entity, claims_by, claims_about, timeline, relations })
    }

    /// Documents, in ingest order.
    pub fn documents(&self, limit: Option<usize>, offset: usize) -> Result<Vec<DocumentSummary>> {
        let mut st = self.conn.prepare_cached(
            "SELECT d.id, d.source, d.title, d.published, d.url, o.id,
                (SELECT count(*) FROM claims c WHERE c.doc = d.rowid),
                (SELECT group_concat(source, char(10)) FROM doc_sources s WHERE s.doc = d.rowid)
             FROM documents d LEFT JOIN documents o ON o.rowid = d.origin
             ORDER BY d.rowid LIMIT ?1 OFFSET ?2",
        )?;
        let rows = st.query_map(params![limit.map(|l| l as i64).unwrap_or(-1), offset as i64], |r| {
            Ok(DocumentSummary {
                id: r.get(0)?,
                source: r.get(1)?,
                title: r.get(2)?,
                published: r.get(3)?,
                url: r.get(4)?,
                copy_of: r.get(5)?,
                also_at: r
                    .get::<_, Option<String>>(7)?
                    .map(|s| s.split('\n').map(str::to_string).collect())
                    .unwrap_or_default(),
                claims: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// One document's full record, with the ledger's current entity ids,
    /// names and spellings.
    pub fn document(&self, id: &str) -> Result<Option<DocRecord>> {
        let row: Option<(i64, Vec<u8>, String)> = self
            .conn
            .prepare_cached("SELECT rowid, record, text FROM documents WHERE id = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        let Some((row, blob, text)) = row else { return Ok(None) };
        let mut cache = FxHashMap::default();
        Ok(Some(self.current_record(row, &blob, text, &mut cache)?))
    }

    /// Rewrites a stored record's entity references to the ledger's current
    /// state (after merges and splits).
    fn current_record(
        &self,
        doc_row: i64,
        blob: &[u8],
        text: String,
        cache: &mut FxHashMap<i64, (String, String, Vec<String>)>,
    ) -> Result<DocRecord> {
        let mut rec = unpack_record(blob, text)?;
        let mut st = self.conn.prepare_cached("SELECT local, entity FROM doc_entities WHERE doc = ?1")?;
        let links: Vec<(usize, i64)> = st
            .query_map([doc_row], |r| Ok((r.get::<_, i64>(0)? as usize, r.get(1)?)))?
            .collect::<std::result::Result<_, _>>()?;
        let mut renamed: FxHashMap<String, (String, String)> = FxHashMap::default();
        for (local, ent) in links {
            if !cache.contains_key(&ent) {
                let info: (String, String) = self
                    .conn
                    .prepare_cached("SELECT id, name FROM entities WHERE rowid = ?1")?
                    .query_row([ent], |r| Ok((r.get(0)?, r.get(1)?)))?;
                let mut st = self
                    .conn
                    .prepare_cached("SELECT alias FROM aliases WHERE entity = ?1 ORDER BY count DESC, alias")?;
                let aliases = st.query_map([ent], |r| r.get(0))?.collect::<std::result::Result<Vec<String>, _>>()?;
                if cache.len() > 100_000 {
                    cache.clear();
                }
                cache.insert(ent, (info.0, info.1, aliases));
            }
            let Some((id, name, aliases)) = cache.get(&ent) else { continue };
            if let Some(e) = rec.entities.get_mut(local) {
                renamed.insert(e.id.clone(), (id.clone(), name.clone()));
                e.id = id.clone();
                e.name = name.clone();
                e.aliases = aliases.clone();
            }
        }
        for c in &mut rec.claims {
            if let Some((id, name)) = c.speaker.entity.as_ref().and_then(|e| renamed.get(e)) {
                c.speaker.entity = Some(id.clone());
                c.speaker.name = Some(name.clone());
            }
            if let Some(p) = &mut c.proposition {
                for a in [&mut p.actor, &mut p.object, &mut p.recipient].into_iter().flatten() {
                    if let Some((id, _)) = a.entity.as_ref().and_then(|e| renamed.get(e)) {
                        a.entity = Some(id.clone());
                    }
                }
            }
        }
        Ok(rec)
    }

    /// Calls `f` with every document's record, in ingest order; returns how
    /// many there were.
    pub fn export(&self, mut f: impl FnMut(DocRecord) -> Result<()>) -> Result<usize> {
        let mut st = self.conn.prepare("SELECT rowid, record, text FROM documents ORDER BY rowid")?;
        let mut q = st.query([])?;
        let mut cache = FxHashMap::default();
        let mut n = 0;
        while let Some(r) = q.next()? {
            let rec = self.current_record(r.get(0)?, &r.get::<_, Vec<u8>>(1)?, r.get(2)?, &mut cache)?;
            f(rec)?;
            n += 1;
        }
        Ok(n)
    }

    /// Merges entity `from` into `into` (names, aliases or ids): claims,
    /// mentions, spellings and relations move to `into`, and the decision is
    /// stored so that later ingests respect it. Corroborations that now
    /// pair a speaker with themselves are removed.
    pub fn merge_entities(&mut self, into: &str, from: &str) -> Result<DecisionReport> {
        let a = self.one_entity(into)?;
        let b = self.one_entity(from)?;
        if a == b {
            return Err(LedgerError::Invalid(format!("{into:?} and {from:?} are already one entity")));
        }
        let (a_id, b_id) = (self.entity_id(a)?, self.entity_id(b)?);
        let tx = self.conn.transaction()?;
        let claims_moved =
            tx.execute("UPDATE claims SET speaker_entity = ?1 WHERE speaker_entity = ?2", params![a, b])?;
        tx.execute(
            "INSERT OR IGNORE INTO claim_about(entity, claim, doc, local, published)
             SELECT ?1, claim, doc, local, published FROM claim_about WHERE entity = ?2",
            params![a, b],
        )?;
        tx.execute("DELETE FROM claim_about WHERE entity = ?1", [b])?;
        let documents_moved = tx.execute("UPDATE doc_entities SET entity = ?1 WHERE entity = ?2", params![a, b])?;
        tx.execute(
            "INSERT INTO aliases(entity, alias, key, count) SELECT ?1, alias, key, count FROM aliases WHERE entity = ?2 AND true
             ON CONFLICT(entity, alias) DO UPDATE SET count = count + excluded.count",
            params![a, b],
        )?;
        tx.execute("DELETE FROM aliases WHERE entity = ?1", [b])?;
        tx.execute(
            "INSERT INTO roles(entity, role, count) SELECT ?1, role, count FROM roles WHERE entity = ?2 AND true
             ON CONFLICT(entity, role) DO UPDATE SET count = count + excluded.count",
            params![a, b],
        )?;
        tx.execute("DELETE FROM roles WHERE entity = ?1", [b])?;
        tx.execute(
            "INSERT OR IGNORE INTO relation_entities(entity, relation) SELECT ?1, relation FROM relation_entities WHERE entity = ?2",
            params![a, b],
        )?;
        tx.execute("DELETE FROM relation_entities WHERE entity = ?1", [b])?;
        // A speaker does not corroborate themselves, nor contradict
        // themselves within one article.
        let stale = "SELECT r.rowid FROM relations r JOIN claims x ON x.rowid = r.a JOIN claims y ON y.rowid = r.b
            WHERE x.speaker_entity = ?1 AND y.speaker_entity = ?1 AND (r.kind = 'corroborates' OR x.doc = y.doc)";
        tx.execute(&format!("DELETE FROM relation_entities WHERE relation IN ({stale})"), [a])?;
        tx.execute(&format!("DELETE FROM relations WHERE rowid IN ({stale})"), [a])?;
        tx.execute("UPDATE entities SET merged_into = ?1 WHERE rowid = ?2 OR merged_into = ?2", params![a, b])?;
        tx.execute(
            "INSERT INTO decisions(kind, a, b, made_at) VALUES ('merge', ?1, ?2, ?3)",
            params![a_id, b_id, crate::store::now()],
        )?;
        schema::rebuild_entity_days(&tx, Some(a))?;
        schema::rebuild_entity_days(&tx, Some(b))?;
        tx.commit()?;
        Ok(DecisionReport { entity: a_id, claims_moved, documents_moved })
    }

    /// Splits spelling `alias` off entity `entity` into a new entity: the
    /// documents that name the entity only by that spelling, and the claims
    /// whose speaker is written that way, move to it; the decision is stored
    /// so that later ingests never join the spelling back.
    pub fn split_entity(&mut self, entity: &str, alias: &str) -> Result<DecisionReport> {
        let e = self.one_entity(entity)?;
        let key = name_key(alias);
        let has: bool =
            self.conn.prepare("SELECT 1 FROM aliases WHERE entity = ?1 AND key = ?2")?.exists(params![e, key])?;
        if !has {
            return Err(LedgerError::Invalid(format!("{entity:?} has no spelling {alias:?}")));
        }
        let (e_id, kind): (String, String) =
            self.conn
                .query_row("SELECT id, kind FROM entities WHERE rowid = ?1", [e], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let next: i64 = {
            let mut st = self.conn.prepare("SELECT id FROM entities")?;
            let ids = st.query_map([], |r| r.get::<_, String>(0))?.collect::<std::result::Result<Vec<_>, _>>()?;
            ids.iter().filter_map(|i| i.strip_prefix('e').and_then(|n| n.parse::<i64>().ok())).max().unwrap_or(0) + 1
        };
        let new_id = format!("e{next}");
        let links: Vec<(i64, i64, String)> = {
            let mut st = self.conn.prepare("SELECT doc, local, names FROM doc_entities WHERE entity = ?1")?;
            let rows = st.query_map([e], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            rows.collect::<std::result::Result<_, _>>()?
        };
        let tx = self.conn.transaction()?;
        tx.execute("INSERT INTO entities(id, name, kind) VALUES (?1, ?2, ?3)", params![new_id, alias.trim(), kind])?;
        let n = tx.last_insert_rowid();
        tx.execute("UPDATE aliases SET entity = ?1 WHERE entity = ?2 AND key = ?3", params![n, e, key])?;
        let mut documents_moved = 0;
        let mut claims_moved = 0;
        let mut touched: BTreeSet<i64> = BTreeSet::new();
        for (doc, local, names) in links {
            let only_alias = !names.is_empty() && names.split('\n').all(|x| name_key(x) == key);
            if !only_alias {
                continue;
            }
            documents_moved += tx
                .execute("UPDATE doc_entities SET entity = ?1 WHERE doc = ?2 AND local = ?3", params![n, doc, local])?;
            {
                let mut st = tx.prepare("SELECT rowid FROM claims WHERE doc = ?1 AND speaker_local = ?2")?;
                for c in st.query_map(params![doc, local], |r| r.get::<_, i64>(0))? {
                    touched.insert(c?);
                }
                let mut st =
                    tx.prepare("SELECT claim FROM claim_about WHERE doc = ?1 AND local = ?2 AND entity = ?3")?;
                for c in st.query_map(params![doc, local, e], |r| r.get::<_, i64>(0))? {
                    touched.insert(c?);
                }
            }
            claims_moved += tx.execute(
                "UPDATE claims SET speaker_entity = ?1 WHERE doc = ?2 AND speaker_local = ?3",
                params![n, doc, local],
            )?;
            tx.execute(
                "UPDATE claim_about SET entity = ?1 WHERE doc = ?2 AND local = ?3 AND entity = ?4",
                params![n, doc, local, e],
            )?;
        }
        // Claims whose speaker is written with the split spelling, in
        // documents that also used other spellings for the entity.
        {
            let mut st = tx.prepare("SELECT rowid, speaker_text FROM claims WHERE speaker_entity = ?1")?;
            let rows: Vec<(i64, String)> =
                st.query_map([e], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<std::result::Result<_, _>>()?;
            for (c, text) in rows {
                if name_key(&text) == key {
                    claims_moved +=
                        tx.execute("UPDATE claims SET speaker_entity = ?1 WHERE rowid = ?2", params![n, c])?;
                    touched.insert(c);
                }
            }
        }
        // Relations of the moved claims now involve the new entity; the old
        // one keeps them only if still involved through the other claim.
        for &c in &touched {
            let rels: Vec<(i64, i64, i64)> = {
                let mut st = tx.prepare("SELECT rowid, a, b FROM relations WHERE a = ?1 OR b = ?1")?;
                let rows = st.query_map([c], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
                rows.collect::<std::result::Result<_, _>>()?
            };
            for (rel, a, b) in rels {
                tx.execute(
                    "INSERT OR IGNORE INTO relation_entities(entity, relation) VALUES (?1, ?2)",
                    params![n, rel],
                )?;
                let still: bool = tx
                    .prepare(
                        "SELECT 1 FROM claims WHERE rowid IN (?1, ?2) AND speaker_entity = ?3
                         UNION SELECT 1 FROM claim_about WHERE entity = ?3 AND claim IN (?1, ?2)",
                    )?
                    .exists(params![a, b, e])?;
                if !still {
                    tx.execute("DELETE FROM relation_entities WHERE entity = ?1 AND relation = ?2", params![e, rel])?;
                }
            }
        }
        tx.execute(
            "INSERT INTO decisions(kind, a, b, made_at) VALUES ('split', ?1, ?2, ?3)",
            params![e_id, alias.trim(), crate::store::now()],
        )?;
        schema::rebuild_entity_days(&tx, Some(e))?;
        schema::rebuild_entity_days(&tx, Some(n))?;
        tx.commit()?;
        Ok(DecisionReport { entity: new_id, claims_moved, documents_moved })
    }
}
