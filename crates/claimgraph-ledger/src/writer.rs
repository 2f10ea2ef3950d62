//! The ledger's writer: stores analysed documents in batches, one
//! transaction per batch, resolving entities against the whole ledger,
//! linking near-duplicates to their origin and aligning new claims with the
//! stored ones.
//!
//! Only one writer may be open on a file at a time (SQLite enforces it: a
//! second writer waits for the lock). Readers ([`crate::Ledger`]) may run
//! alongside.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use claimgraph::document::{Document, MentionForm};
use claimgraph::entities::registry::{Decision, KnownEntity, RegistryChanges};
use claimgraph::entities::EntityRegistry;
use claimgraph::output::{ClaimOut, DocRecord, PropositionOut};
use rayon::prelude::*;
use rusqlite::{params, Connection, OptionalExtension};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::align::{
    affiliation, has_own_content, number_fact, numbers_in_text, Aligner, ClaimFacts, ClaimInput, NumberFact,
    PropSignature, RelationKind, RuleAligner, TermStats,
};
use crate::convert::{entity_kind, record_to_document};
use crate::error::Result;
use crate::members::{Member, MemberCache};
use crate::minhash::{self, Signature};
use crate::norm::name_key;
use crate::schema;
use crate::sketch::Sketch;
use crate::store::{now, open_rw, pack_record, unpack_record};

/// Most candidate propositions read per index key: the newest are kept.
const CANDIDATES_PER_KEY: i64 = 64;

/// Most index keys whose propositions the writer keeps in memory: about
/// 100 MiB at most; past it the cache starts again.
const MAX_CACHED_KEYS: usize = 1_000_000;

/// Most propositions the writer keeps a sketch of (by rowid): 120 bytes
/// each, about 460 MiB at most.
const MAX_SKETCHES: usize = 4_000_000;

/// Pages the write-ahead log may hold before the writer's commit copies
/// them into the file (about 64 MiB; see where it is set).
const WRITER_CHECKPOINT_PAGES: i64 = 16_384;

/// The writer's SQLite page cache, in KiB (negative: SQLite's unit for a
/// size rather than a page count): 128 MiB, against 32 MiB for a reader.
const WRITER_CACHE_KIB: i64 = -131_072;

/// Most segments the full-text index may be left in at the end of an
/// ingest run (see [`LedgerWriter::merge_search_index`]).
const MAX_SEARCH_SEGMENTS: i64 = 8;

/// What one batch (or a whole ingest) did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct WriteReport {
    /// Documents added.
    pub added: usize,
    /// Documents skipped because the ledger already holds them.
    pub present: usize,
    /// Added documents recognised as copies of an earlier one.
    pub copies: usize,
    /// Claims added.
    pub claims: usize,
    /// Relations added.
    pub relations: usize,
}

impl WriteReport {
    /// Adds another report's counts to this one.
    pub fn absorb(&mut self, other: &WriteReport) {
        self.added += other.added;
        self.present += other.present;
        self.copies += other.copies;
        self.claims += other.claims;
        self.relations += other.relations;
    }
}

/// Writes documents into a ledger. See the module documentation.
pub struct LedgerWriter {
    conn: Connection,
    registry: EntityRegistry,
    registry_pos: FxHashMap<String, usize>,
    entity_rows: FxHashMap<String, i64>,
    redirects: FxHashMap<i64, i64>,
    aligner: Box<dyn Aligner>,
    stats: TermStats,
    signatures: FxHashMap<i64, Arc<PropSignature>>,
    /// The sketch of every proposition seen this session, by rowid
    /// ([`crate::sketch`]): kept when the signatures are dropped, so that a
    /// candidate set aside by its sketch is never read from the file again.
    sketches: Vec<Sketch>,
    /// Each index key's newest propositions, newest first, as the file's
    /// `prop_keys` gives them (at most [`CANDIDATES_PER_KEY`]): a claim's
    /// keys, its deed keys most of all, were read from the file again for
    /// every claim that shares them. This writer is the one that adds
    /// keys, so a new proposition is put in front of each of its keys.
    prop_keys: FxHashMap<i64, Vec<i64>>,
    /// Each proposition's latest members, so that aligning a claim does
    /// not read them from the file again.
    members: MemberCache,
    /// `(entity, relation)` links of the relations added in the open
    /// transaction, stored at its end in key order.
    relation_entities: Vec<(i64, i64)>,
    /// Relations stored in the open transaction, by kind, added to
    /// `relation_counts` at its end.
    relations_added: FxHashMap<&'static str, i64>,
    /// The full-text rows `(claim, content, speaker text)` of the claims
    /// stored in the open transaction, indexed at its end (see
    /// [`LedgerWriter::flush_search_rows`]).
    search_rows: Vec<(i64, String, String)>,
    /// The claims stored in the open transaction, whose cards are written
    /// at its end (see [`LedgerWriter::flush_cards`]).
    card_rows: Vec<i64>,
    /// The contents of the claims of the document being written, by claim
    /// rowid (see [`read_twice`]).
    doc_spans: FxHashMap<i64, DocSpan>,
    /// Counts the open transaction adds to entities' aliases, roles and
    /// days, stored at its end (see [`LedgerWriter::flush_entity_counts`]).
    entity_counts: EntityCounts,
    keep_ids: bool,
}

/// Counts added to rows of `aliases`, `roles` and `entity_days` in the open
/// transaction, by row key. Why not an upsert per document as it comes: a
/// document brings some 50 of them, mostly to rows that other documents
/// of the transaction add to too; summed here, each row is written once
/// per transaction, in key order.
#[derive(Default)]
struct EntityCounts {
    /// `(entity, alias)` → (the alias's [`name_key`], times written).
    aliases: FxHashMap<(i64, String), (String, i64)>,
    /// `(entity, role)` → documents giving it.
    roles: FxHashMap<(i64, String), i64>,
    /// `(entity, day)` → documents, claims by it, claims about it.
    days: FxHashMap<(i64, String), [i64; 3]>,
}

impl EntityCounts {
    fn alias(&mut self, entity: i64, alias: &str, n: i64) {
        match self.aliases.get_mut(&(entity, alias.to_string())) {
            Some(v) => v.1 += n,
            None => {
                self.aliases.insert((entity, alias.to_string()), (name_key(alias), n));
            }
        }
    }

    fn day(&mut self, entity: i64, day: &str, column: usize) {
        self.days.entry((entity, day.to_string())).or_default()[column] += 1;
    }

    fn clear(&mut self) {
        self.aliases.clear();
        self.roles.clear();
        self.days.clear();
    }
}

/// A document of a batch after pass 1 of [`LedgerWriter::write_batch`].
enum Staged {
    /// Already stored (or earlier in the batch): only its source is kept.
    Present(String, claimgraph::DocMeta),
    /// To store, entities resolved, with its record's sentences if any.
    New(Box<(Document, Option<Vec<claimgraph::output::SentenceOut>>)>),
}

/// A document of a batch after pass 2.
enum Prepared {
    /// Already stored.
    Present(String, claimgraph::DocMeta),
    /// Ready to store.
    Ready(Box<Ready>),
}

/// What pass 2 computes for a new document.
struct Ready {
    doc: Document,
    rec: DocRecord,
    /// The record, compressed for its column.
    packed: Vec<u8>,
    /// The text's near-duplicate signature.
    signature: Option<Signature>,
    /// What each claim of the record brings to alignment, in record order.
    claims: Vec<ClaimPrep>,
}

/// What alignment needs of one claim that depends on its document alone:
/// made in pass 2 of [`LedgerWriter::write_batch`], on the analysis
/// threads, because the writer thread sets the pace of an ingest.
struct ClaimPrep {
    ctx: ClaimContext,
    /// The side its speaker speaks for ([`affiliation`]).
    side: Vec<String>,
    sig: Option<PropSignature>,
    /// Whether it rejects allegations (rule 3).
    rejects: bool,
    /// Whether, rejecting, it restates the allegation
    /// ([`crate::align::restates_allegation`]).
    restated: bool,
    tolls: Vec<crate::toll::Toll>,
    /// The dates it states and rejects (rule 8 for dates).
    dates: crate::align::ClaimDates,
}

impl ClaimPrep {
    /// Prepares claim `j` of `rec`; `story` and `cast` are the record's
    /// ([`crate::align::story_anchors`], [`crate::align::story_cast`]).
    fn new(aligner: &dyn Aligner, rec: &DocRecord, j: usize, story: &[String], cast: &[String]) -> ClaimPrep {
        let ctx = claim_context(rec, j);
        let c = &rec.claims[j];
        // Events hook (claimgraph::events::json::event_proposition): a
        // claim without a predicate of its own takes the proposition of
        // the event it reports or denies.
        let event_prop = event_proposition_unless_own(rec, c);
        let side = match ctx.speaker_local.and_then(|l| rec.entities.get(l)) {
            Some(e) => affiliation(&e.name, &e.kind, &e.roles),
            None => affiliation(&c.speaker.text, "other", &[]),
        };
        let input = ClaimInput {
            content: &c.content.text,
            speaker_entity: c.speaker.entity.as_deref(),
            speaker_text: &c.speaker.text,
            entities: ctx.about.iter().map(|&l| (rec.entities[l].id.clone(), rec.entities[l].name.clone())).collect(),
            mentions: ctx.mentions.clone(),
            proposition: c.proposition.as_ref().filter(|p| !p.predicate.is_empty()).or(event_prop.as_ref()),
            numbers: ctx.numbers.clone(),
            frames: c.proposition.as_ref().map(|p| p.frames.as_slice()).unwrap_or(&[]),
            speaker_side: side.clone(),
            story: story.to_vec(),
            cast: cast.to_vec(),
            denies: c.stance == "denies",
        };
        let sig = aligner.signature(&input);
        let analysed_rejection = c.proposition.as_ref().is_some_and(|p| p.rejection);
        let rejects = analysed_rejection || aligner.rejects_allegations(&input, c.stance != "denies");
        let tolls = crate::toll::tolls(c, &rec.quantities);
        let dates = crate::align::ClaimDates::of(&c.content.text);
        let restated = rejects && crate::align::restates_allegation(&c.content.text);
        ClaimPrep { ctx, side, sig, rejects, restated, tolls, dates }
    }
}

impl Prepared {
    /// Pass 2 for one document; pure, so it runs on any thread.
    fn new(staged: Staged, aligner: &dyn Aligner) -> Result<Prepared> {
        let (doc, sentences) = match staged {
            Staged::Present(id, meta) => return Ok(Prepared::Present(id, meta)),
            Staged::New(new) => *new,
        };
        let mut rec = DocRecord::from_document(&doc);
        if let Some(s) = sentences {
            if rec.sentences.is_empty() {
                rec.sentences = s;
            }
        }
        let packed = pack_record(&rec)?;
        let signature = Signature::of_text(&rec.doc.text);
        // What the article is about, for claims that name no participant
        // (rule 5 of `crate::align`).
        let story = crate::align::story_anchors(&rec.entities);
        let cast = crate::align::story_cast(&rec.entities);
        let claims = (0..rec.claims.len()).map(|j| ClaimPrep::new(aligner, &rec, j, &story, &cast)).collect();
        Ok(Prepared::Ready(Box::new(Ready { doc, rec, packed, signature, claims })))
    }
}

/// A claim of the document being written, kept for rule 3.
struct DocClaim {
    /// The claim's id in the record, for `answers`.
    id: String,
    facts: ClaimFacts,
    about: Vec<i64>,
    side: Vec<String>,
    rejects: bool,
    /// Whether it restates the allegation it rejects: the side rule does
    /// not stand for it.
    restated: bool,
    /// Ids of the claims the analysis says a rejection answers.
    answers: Vec<String>,
    /// The claim's signature, aligned or not (rule 4).
    sig: Option<PropSignature>,
    aligned: Option<(i64, PropSignature)>,
    /// Counts of people killed, wounded or taken that the claim states
    /// (rule 4, tolls).
    tolls: Vec<crate::toll::Toll>,
    /// The dates it states and rejects (rule 8 for dates).
    dates: crate::align::ClaimDates,
}

/// The content of a claim of the document being written.
struct DocSpan {
    /// First code point of the content in the document.
    start: usize,
    /// One past its last code point.
    end: usize,
    denies: bool,
    text: String,
}

/// Whether two claims of one article whose contents nest are one stretch
/// of text taken twice: a quote and a sentence inside it ("... landed on
/// an uninhabited terrain. There was no fire and no explosion" and "There
/// was no fire and no explosion"), or the same words under a second,
/// empty or wrong speaker. Such a pair never contradicts: the speaker
/// does not answer their own words. A denial that names an allegation
/// and quotes it ("the claim, repeated in the video, that Chinese
/// trawlers fish three nautical miles from the beach", with the
/// allegation taken as a claim of its own) does answer it, and so does a
/// denial whose words an affirmation read too far ("..., an accusation
/// Oduya rejected as ..."); contents that only overlap are two claims
/// whose bounds were read too wide.
fn read_twice(x: &DocSpan, y: &DocSpan) -> bool {
    let (outer, inner) = if x.start <= y.start && y.end <= x.end {
        (x, y)
    } else if y.start <= x.start && x.end <= y.end {
        (y, x)
    } else {
        return false;
    };
    if outer.denies == inner.denies {
        return true;
    }
    // The words of the outer claim before the inner one: where an
    // allegation is named, the two are an allegation and its answer.
    let lead: String = outer.text.chars().take(inner.start - outer.start).collect();
    let names_allegation = lead.split(|ch: char| !ch.is_alphanumeric()).any(|w| {
        let w = w.to_lowercase();
        crate::align::META_NOUNS.contains(&w.as_str())
    });
    let that = inner.text.split_whitespace().next().is_some_and(|w| w.eq_ignore_ascii_case("that"));
    // A denial quoting the allegation's clause ("the claim ... that X"),
    // or an affirmation read on over the answer to it ("..., an
    // accusation Oduya rejected as 'impossible'").
    !(names_allegation && (that || !outer.denies))
}

/// The claim-level facts the writer derives from a record.
struct ClaimContext {
    speaker_local: Option<usize>,
    about: Vec<usize>,
    mentions: Vec<(String, String)>,
    numbers: Vec<NumberFact>,
}

fn claim_context(rec: &DocRecord, j: usize) -> ClaimContext {
    let c = &rec.claims[j];
    let local = |id: &Option<String>| id.as_ref().and_then(|id| rec.entities.iter().position(|e| &e.id == id));
    let speaker_local = local(&c.speaker.entity);
    let (cs, ce) = (c.content.start, c.content.end);
    let mut about = BTreeSet::new();
    let mut mentions = Vec::new();
    for (i, e) in rec.entities.iter().enumerate() {
        for m in e.mentions.iter().filter(|m| m.start < ce && cs < m.end) {
            about.insert(i);
            mentions.push((m.text.clone(), e.name.clone()));
        }
    }
    if let Some(p) = &c.proposition {
        for a in [&p.actor, &p.object, &p.recipient].into_iter().flatten() {
            if let Some(i) = local(&a.entity) {
                about.insert(i);
            }
        }
    }
    if let Some(s) = speaker_local {
        about.remove(&s);
    }
    let mut numbers: Vec<NumberFact> = rec
        .quantities
        .iter()
        .filter(|q| q.claim.as_deref() == Some(c.id.as_str()) || (q.claim.is_none() && q.start >= cs && q.end <= ce))
        .filter_map(|q| number_fact(q, &c.content.text, cs))
        .collect();
    if numbers.is_empty() {
        if let Some(p) = &c.proposition {
            numbers = p.quantities.iter().map(|&value| NumberFact { value, ..Default::default() }).collect();
        }
    }
    if numbers.is_empty() {
        numbers = numbers_in_text(&c.content.text);
    }
    // Its tolls, as numbers of their own unit (`~dead`), so that two
    // sides' counts of one story's dead meet across articles (rule 7).
    numbers.extend(crate::toll::tolls(c, &rec.quantities).into_iter().map(|t| t.as_number()));
    ClaimContext { speaker_local, about: about.into_iter().collect(), mentions, numbers }
}

impl LedgerWriter {
    /// Opens (creating or migrating) the ledger at `path` for writing, with
    /// the rule-based aligner.
    pub fn open(path: &Path) -> Result<LedgerWriter> {
        Self::open_with(path, Box::new(RuleAligner::default()))
    }

    /// Opens the ledger with another aligner.
    pub fn open_with(path: &Path, aligner: Box<dyn Aligner>) -> Result<LedgerWriter> {
        let mut conn = open_rw(path)?;
        schema::migrate(&mut conn)?;
        // Alignment reads and the index inserts of relations touch pages all
        // over a large ledger; a bigger page cache than a reader's keeps
        // them out of the file (the writer is the one serial stage of
        // ingest).
        conn.pragma_update(None, "cache_size", WRITER_CACHE_KIB)?;
        // A transaction of a few hundred documents writes more pages than
        // SQLite's default checkpoint threshold (1,000 pages), so every
        // commit was followed by a checkpoint copying its pages into the
        // file and an fsync. With a larger threshold one checkpoint copies
        // the pages of several commits, many of them the same index pages,
        // once. The log is checkpointed and emptied when the writer closes.
        conn.pragma_update(None, "wal_autocheckpoint", WRITER_CHECKPOINT_PAGES)?;
        let (registry, entity_rows, redirects) = load_registry(&conn)?;
        let claims: u32 = conn
            .query_row("SELECT value FROM meta WHERE key = 'claims_counted'", [], |r| r.get::<_, String>(0))
            .optional()?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let counts = {
            let mut st = conn.prepare("SELECT term, df FROM term_stats")?;
            let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))?;
            rows.collect::<std::result::Result<Vec<_>, _>>()?
        };
        let mut w = LedgerWriter {
            conn,
            registry,
            registry_pos: FxHashMap::default(),
            entity_rows,
            redirects,
            aligner,
            stats: TermStats::from_counts(counts, claims),
            signatures: FxHashMap::default(),
            sketches: Vec::new(),
            prop_keys: FxHashMap::default(),
            members: MemberCache::default(),
            relation_entities: Vec::new(),
            relations_added: FxHashMap::default(),
            search_rows: Vec::new(),
            card_rows: Vec::new(),
            doc_spans: FxHashMap::default(),
            entity_counts: EntityCounts::default(),
            keep_ids: false,
        };
        w.realign_if_needed()?;
        Ok(w)
    }

    /// Keeps the entity ids of ingested records instead of resolving them
    /// through the registry: for re-importing a ledger's own export, or a
    /// corpus whose entities are already resolved.
    pub fn keep_ids(&mut self, keep: bool) {
        self.keep_ids = keep;
    }

    /// The ids of all stored documents, to skip known articles before
    /// analysing them.
    pub fn known_ids(&self) -> Result<FxHashSet<String>> {
        let mut st = self.conn.prepare("SELECT id FROM documents")?;
        let rows = st.query_map([], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Stores a batch of analysed documents in one transaction.
    pub fn write_documents(&mut self, docs: Vec<Document>) -> Result<WriteReport> {
        self.in_transaction(|w| w.write_batch(docs.into_iter().map(|d| (d, None)).collect()))
    }

    /// Stores a batch of records (extract output, an export, the synthetic
    /// corpus) in one transaction. Their entities are resolved through the
    /// ledger's registry unless [`LedgerWriter::keep_ids`] is set.
    pub fn write_records(&mut self, recs: Vec<DocRecord>) -> Result<WriteReport> {
        self.in_transaction(|w| {
            let mut batch = Vec::with_capacity(recs.len());
            for rec in recs {
                let sentences = rec.sentences.clone();
                let mut doc = record_to_document(&rec);
                if w.keep_ids {
                    for (e, r) in doc.entities.iter_mut().zip(rec.entities.iter()) {
                        e.global_id = Some(r.id.clone());
                    }
                }
                batch.push((doc, Some(sentences)));
            }
            w.write_batch(batch)
        })
    }

    /// Stores documents (each with the sentences of its record, when it
    /// came as one) inside the open transaction, in three passes:
    ///
    /// 1. in order, on this thread: skip the documents already stored and
    ///    resolve the others' entities (the registry is shared state);
    /// 2. in parallel, on rayon's threads: build each record, compress it,
    ///    and compute the text's near-duplicate signature and each claim's
    ///    alignment inputs ([`ClaimPrep`]), which depend on the document
    ///    alone (the writer is ingest's one serial stage, and the analysis
    ///    threads wait for it);
    /// 3. in order, on this thread: store them and align their claims; the
    ///    spent documents are freed on rayon's threads.
    ///
    /// Resolving every document before storing the first gives the same
    /// ledger as resolving each just before storing it: storage reads
    /// nothing the registry writes but the entity rows, which pass 1 has
    /// already made.
    fn write_batch(
        &mut self,
        docs: Vec<(Document, Option<Vec<claimgraph::output::SentenceOut>>)>,
    ) -> Result<WriteReport> {
        let mut report = WriteReport::default();
        let mut in_batch: FxHashSet<String> = FxHashSet::default();
        let mut staged = Vec::with_capacity(docs.len());
        for (mut doc, sentences) in docs {
            if !in_batch.insert(doc.id.clone()) || self.exists(&doc.id)? {
                staged.push(Staged::Present(doc.id, doc.meta));
                continue;
            }
            if !self.keep_ids {
                let changes = self.registry.resolve(&mut doc);
                self.store_registry_changes(&changes)?;
            }
            staged.push(Staged::New(Box::new((doc, sentences))));
        }
        let aligner = &*self.aligner;
        let prepared: Vec<Result<Prepared>> = staged.into_par_iter().map(|s| Prepared::new(s, aligner)).collect();
        let mut spent = Vec::new();
        for p in prepared {
            match p? {
                Prepared::Present(id, meta) => {
                    report.present += 1;
                    self.add_source(&id, &meta)?;
                }
                Prepared::Ready(ready) => spent.push(self.store_document(*ready, &mut report)?),
            }
        }
        // The analysis threads made these and free them faster than this
        // thread, which sets the pace of an ingest.
        rayon::spawn(move || drop(spent));
        Ok(report)
    }

    /// The number of segments of the full-text index: FTS5 lists each
    /// segment's leaf pages in its `_idx` table (a few thousand rows for a
    /// 1M-claim ledger, so counting them takes milliseconds).
    pub fn search_segments(&self) -> Result<i64> {
        Ok(self.conn.query_row("SELECT count(DISTINCT segid) FROM claims_fts_idx", [], |r| r.get(0))?)
    }

    /// Merges the full-text index into one segment when it holds more than
    /// [`MAX_SEARCH_SEGMENTS`], and returns how many it held then (`None`
    /// when it was left alone). Call it at the end of an ingest run.
    ///
    /// Why: a search opens an iterator in every segment for each term, so
    /// its cost grows with their number (27 segments on a 1M-claim ledger
    /// cost 20-25% more CPU per search than one). Each transaction adds a
    /// segment and FTS5's automatic merges keep up to three per level, so
    /// the count grows with the log of the ledger. Why a bound rather than
    /// a merge after every run: a merge rewrites the whole index (35 MB for
    /// 1M claims), which a run of a few documents into a large ledger
    /// should not pay each time; with the bound it is paid once every
    /// several small runs, and at the end of a large one.
    pub fn merge_search_index(&mut self) -> Result<Option<i64>> {
        let segments = self.search_segments()?;
        if segments <= MAX_SEARCH_SEGMENTS {
            return Ok(None);
        }
        self.conn.execute_batch("INSERT INTO claims_fts(claims_fts) VALUES ('optimize')")?;
        Ok(Some(segments))
    }

    fn in_transaction<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        let flushed = f(self).and_then(|t| {
            self.flush_entity_counts()?;
            self.flush_relation_entities()?;
            self.flush_relation_counts()?;
            self.flush_stats()?;
            self.flush_cards()?;
            // Last: a later statement would flush it again (see there).
            self.flush_search_rows()?;
            Ok(t)
        });
        match flushed {
            Ok(t) => {
                self.conn.execute_batch("COMMIT")?;
                Ok(t)
            }
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                // The in-memory caches may hold rolled-back rows: reload.
                self.signatures.clear();
                self.sketches.clear();
                self.prop_keys.clear();
                self.members.clear();
                self.relation_entities.clear();
                self.relations_added.clear();
                self.search_rows.clear();
                self.card_rows.clear();
                self.entity_counts.clear();
                let (registry, rows, redirects) = load_registry(&self.conn)?;
                self.registry = registry;
                self.registry_pos.clear();
                self.entity_rows = rows;
                self.redirects = redirects;
                Err(e)
            }
        }
    }

    /// Writes the cards of the claims stored in this transaction (schema
    /// version 9), with their final proposition, copy link and speaker: a
    /// trigger wrote each card at its claim's insert, and the proposition
    /// set right after rewrote it, and its entry in the speaker-ordered
    /// index, once more. Later changes (merges, splits, realignment) still
    /// reach the cards through the update trigger. Nothing reads the cards
    /// before the commit.
    fn flush_cards(&mut self) -> Result<()> {
        let rows = std::mem::take(&mut self.card_rows);
        if rows.is_empty() {
            return Ok(());
        }
        let mut list = String::from("[");
        for (i, row) in rows.iter().enumerate() {
            if i > 0 {
                list.push(',');
            }
            list.push_str(&row.to_string());
        }
        list.push(']');
        self.conn
            .prepare_cached(
                "INSERT INTO claim_cards(claim, published, copy_of, speaker_entity, prop, stance, id, doc_id, source,
                    title, speaker_text, cue, content, kind, hedged, confidence)
                 SELECT c.rowid, c.published, c.copy_of, c.speaker_entity, c.prop, c.stance, c.id, d.id, d.source,
                    d.title, c.speaker_text, c.cue, c.content, c.kind, c.hedged, c.confidence
                 FROM json_each(?1) j CROSS JOIN claims c ON c.rowid = j.value JOIN documents d ON d.rowid = c.doc
                 ORDER BY c.rowid",
            )?
            .execute([list])?;
        Ok(())
    }

    /// Indexes the claims stored in this transaction for full-text search,
    /// all together at its end: FTS5 writes a new segment of its index
    /// whenever a statement that opens a statement savepoint (an insert
    /// into a table with triggers, among others)
    /// runs while it holds rows not yet written. Indexed one by one between
    /// those statements, each claim became a segment of its own, which
    /// FTS5's automatic merges then rewrote again and again (and which
    /// left 27 segments in a 1M-claim ledger's index); together they make
    /// one segment per transaction. Nothing reads the index before the
    /// commit.
    fn flush_search_rows(&mut self) -> Result<()> {
        let rows = std::mem::take(&mut self.search_rows);
        let mut st =
            self.conn.prepare_cached("INSERT INTO claims_fts(rowid, content, speaker_text) VALUES (?1, ?2, ?3)")?;
        for (claim, content, speaker) in &rows {
            st.execute(params![claim, content, speaker])?;
        }
        Ok(())
    }

    /// Stores the entity links of the relations added in this transaction,
    /// in key order: one after another they fall on the same few pages of
    /// the index, where one at a time, in the order relations were found,
    /// each fell on a page of its own entity's range (the links were a
    /// sixth of the writer's time). Nothing reads them before the commit.
    /// Adds the relations stored in this transaction to the per-kind
    /// counts (schema version 7: no trigger counts them one by one).
    fn flush_relation_counts(&mut self) -> Result<()> {
        let added = std::mem::take(&mut self.relations_added);
        let mut st = self.conn.prepare_cached(
            "INSERT INTO relation_counts(kind, n) VALUES (?1, ?2) ON CONFLICT(kind) DO UPDATE SET n = n + excluded.n",
        )?;
        for (kind, n) in added {
            st.execute(params![kind, n])?;
        }
        Ok(())
    }

    /// Writes the counts the open transaction added to entities' aliases,
    /// roles and days ([`EntityCounts`]), each row once, in key order.
    fn flush_entity_counts(&mut self) -> Result<()> {
        let counts = std::mem::take(&mut self.entity_counts);
        let mut aliases: Vec<_> = counts.aliases.into_iter().collect();
        aliases.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut st = self.conn.prepare_cached(
            "INSERT INTO aliases(entity, alias, key, count) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(entity, alias) DO UPDATE SET count = count + excluded.count",
        )?;
        for ((entity, alias), (key, n)) in aliases {
            st.execute(params![entity, alias, key, n])?;
        }
        let mut roles: Vec<_> = counts.roles.into_iter().collect();
        roles.sort_unstable();
        let mut st = self.conn.prepare_cached(
            "INSERT INTO roles(entity, role, count) VALUES (?1, ?2, ?3)
             ON CONFLICT(entity, role) DO UPDATE SET count = count + excluded.count",
        )?;
        for ((entity, role), n) in roles {
            st.execute(params![entity, role, n])?;
        }
        let mut days: Vec<_> = counts.days.into_iter().collect();
        days.sort_unstable();
        let mut st = self.conn.prepare_cached(
            "INSERT INTO entity_days(entity, day, documents, claims_by, claims_about) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(entity, day) DO UPDATE SET documents = documents + excluded.documents,
                 claims_by = claims_by + excluded.claims_by, claims_about = claims_about + excluded.claims_about",
        )?;
        for ((entity, day), [documents, by, about]) in days {
            st.execute(params![entity, day, documents, by, about])?;
        }
        Ok(())
    }

    fn flush_relation_entities(&mut self) -> Result<()> {
        let mut links = std::mem::take(&mut self.relation_entities);
        links.sort_unstable();
        links.dedup();
        let mut st =
            self.conn.prepare_cached("INSERT OR IGNORE INTO relation_entities(entity, relation) VALUES (?1, ?2)")?;
        for (e, rel) in links {
            st.execute(params![e, rel])?;
        }
        Ok(())
    }

    fn flush_stats(&mut self) -> Result<()> {
        let dirty = self.stats.take_dirty();
        if dirty.is_empty() {
            return Ok(());
        }
        let mut st = self.conn.prepare_cached(
            "INSERT INTO term_stats(term, df) VALUES (?1, ?2) ON CONFLICT(term) DO UPDATE SET df = excluded.df",
        )?;
        for (t, n) in dirty {
            st.execute(params![t, n])?;
        }
        self.conn.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES ('claims_counted', ?1)",
            [self.stats.claims().to_string()],
        )?;
        Ok(())
    }

    /// The registry's entity with this id. The registry appends new
    /// entities, so the position index is extended with the tail it has
    /// not seen; it is rebuilt only when positions moved (a merge).
    fn registry_get(&mut self, id: &str) -> Option<KnownEntity> {
        let ents = self.registry.entities();
        let valid = |pos: &usize| ents.get(*pos).is_some_and(|e| e.id == id);
        if !self.registry_pos.get(id).is_some_and(valid) {
            let seen = self.registry_pos.len();
            let tail_ok = seen <= ents.len()
                && ents[..seen].last().is_none_or(|e| self.registry_pos.get(&e.id) == Some(&(seen - 1)));
            if tail_ok {
                for (i, e) in ents.iter().enumerate().skip(seen) {
                    self.registry_pos.insert(e.id.clone(), i);
                }
            }
            if !self.registry_pos.get(id).is_some_and(valid) {
                self.registry_pos = ents.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
            }
        }
        self.registry_pos.get(id).and_then(|&i| self.registry.entities().get(i)).cloned()
    }

    fn entity_row(&mut self, id: &str, name: &str, kind: &str) -> Result<i64> {
        if let Some(&row) = self.entity_rows.get(id) {
            return Ok(self.redirects.get(&row).copied().unwrap_or(row));
        }
        self.conn
            .prepare_cached("INSERT INTO entities(id, name, kind) VALUES (?1, ?2, ?3)")?
            .execute(params![id, name, kind])?;
        let row = self.conn.last_insert_rowid();
        self.entity_rows.insert(id.to_string(), row);
        Ok(row)
    }

    fn store_registry_changes(&mut self, changes: &RegistryChanges) -> Result<()> {
        for id in &changes.created {
            // The registry numbers new entities after the highest live id;
            // an id merged away earlier may come back. The retired row keeps
            // its history under a new name, and the decision follows it.
            if let Some(&row) = self.entity_rows.get(id) {
                if self.redirects.contains_key(&row) {
                    let retired = format!("{id}~merged{row}");
                    self.conn.execute("UPDATE entities SET id = ?2 WHERE rowid = ?1", params![row, retired])?;
                    self.conn
                        .execute("UPDATE decisions SET b = ?2 WHERE kind = 'merge' AND b = ?1", params![id, retired])?;
                    self.entity_rows.remove(id);
                    self.entity_rows.insert(retired, row);
                }
            }
        }
        for id in changes.created.iter().chain(changes.updated.iter()) {
            let Some(known) = self.registry_get(id) else { continue };
            let kind = known.kind.as_str();
            let row = self.entity_row(&known.id, &known.name, kind)?;
            self.conn
                .prepare_cached("UPDATE entities SET name = ?2, kind = ?3 WHERE rowid = ?1")?
                .execute(params![row, known.name, kind])?;
            let mut st = self
                .conn
                .prepare_cached("INSERT OR IGNORE INTO aliases(entity, alias, key, count) VALUES (?1, ?2, ?3, 0)")?;
            for a in &known.aliases {
                st.execute(params![row, a, name_key(a)])?;
            }
        }
        Ok(())
    }

    /// Records that the stored document `id` was also found at another
    /// source (same clean text). The document's own source is not repeated.
    fn add_source(&self, id: &str, meta: &claimgraph::DocMeta) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT OR IGNORE INTO doc_sources(doc, source, title, published)
                 SELECT rowid, ?2, ?3, ?4 FROM documents WHERE id = ?1 AND source <> ?2",
            )?
            .execute(params![id, meta.source, meta.title, meta.published])?;
        Ok(())
    }

    /// Records, in one transaction, documents already stored that were
    /// seen again at other sources (the ingest skips them before analysis).
    pub fn write_sources(&mut self, seen: Vec<(String, claimgraph::DocMeta)>) -> Result<()> {
        self.in_transaction(|w| {
            for (id, meta) in &seen {
                w.add_source(id, meta)?;
            }
            Ok(())
        })
    }

    fn exists(&self, id: &str) -> Result<bool> {
        Ok(self.conn.prepare_cached("SELECT 1 FROM documents WHERE id = ?1")?.exists([id])?)
    }

    fn find_origin(&self, sig: &Signature) -> Result<Option<i64>> {
        let mut cands = BTreeSet::new();
        let mut st = self.conn.prepare_cached("SELECT doc FROM dup_bands WHERE key = ?1 LIMIT 32")?;
        for key in sig.band_keys() {
            for d in st.query_map([key], |r| r.get::<_, i64>(0))? {
                cands.insert(d?);
            }
        }
        let mut best: Option<(f64, i64)> = None;
        let mut get =
            self.conn.prepare_cached("SELECT minhash, coalesce(origin, rowid) FROM documents WHERE rowid = ?1")?;
        for d in cands {
            let row: Option<(Option<Vec<u8>>, i64)> = get.query_row([d], |r| Ok((r.get(0)?, r.get(1)?))).optional()?;
            let Some((Some(bytes), origin)) = row else { continue };
            let Some(other) = Signature::from_bytes(&bytes) else { continue };
            let s = sig.similarity(&other);
            if s >= minhash::DUPLICATE_THRESHOLD && best.is_none_or(|(b, _)| s > b) {
                best = Some((s, origin));
            }
        }
        Ok(best.map(|(_, o)| o))
    }

    /// Stores one prepared document and aligns its claims (pass 3 of
    /// [`LedgerWriter::write_batch`]); gives back the document and its
    /// record, for the caller to free.
    fn store_document(&mut self, ready: Ready, report: &mut WriteReport) -> Result<(Document, DocRecord)> {
        let Ready { doc, rec, packed, signature, claims } = ready;
        // Entity rows for every entity of the record (ids the registry did
        // not report as changed, or kept ids, may still be new here).
        let mut local_rows = Vec::with_capacity(rec.entities.len());
        for e in &rec.entities {
            local_rows.push(self.entity_row(&e.id, &e.name, &e.kind)?);
        }

        let origin = match &signature {
            Some(sig) => self.find_origin(sig)?,
            None => None,
        };
        let published = rec.doc.published.clone();
        self.conn
            .prepare_cached(
                "INSERT INTO documents(id, source, title, published, url, text, record, ingested_at, origin, minhash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(params![
                rec.doc.id,
                rec.doc.source,
                rec.doc.title,
                published,
                rec.doc.url,
                rec.doc.text,
                packed,
                now(),
                origin,
                signature.as_ref().map(Signature::to_bytes),
            ])?;
        let doc_row = self.conn.last_insert_rowid();
        report.added += 1;
        if origin.is_some() {
            report.copies += 1;
        } else if let Some(sig) = &signature {
            let mut st = self.conn.prepare_cached("INSERT OR IGNORE INTO dup_bands(key, doc) VALUES (?1, ?2)")?;
            for key in sig.band_keys() {
                st.execute(params![key, doc_row])?;
            }
        }

        // Entities of the document: aliases with counts, roles, links.
        for (i, e) in doc.entities.iter().enumerate() {
            let row = local_rows[i];
            let mut names: Vec<String> = Vec::new();
            let mut counts: FxHashMap<String, i64> = FxHashMap::default();
            for &m in &e.mentions {
                let Some(mention) = doc.mentions.get(m) else { continue };
                if mention.form == MentionForm::Name {
                    let t = doc.span_text(mention.span).to_string();
                    if !names.contains(&t) {
                        names.push(t.clone());
                    }
                    *counts.entry(t).or_insert(0) += 1;
                }
            }
            for (alias, n) in &counts {
                self.entity_counts.alias(row, alias, *n);
            }
            self.entity_counts.alias(row, &e.name, 0);
            for r in &e.roles {
                *self.entity_counts.roles.entry((row, r.clone())).or_default() += 1;
            }
            self.conn
                .prepare_cached(
                    "INSERT INTO doc_entities(doc, local, entity, mentions, names, published) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )?
                .execute(params![doc_row, i as i64, row, e.mentions.len() as i64, names.join("\n"), published])?;
            if let Some(day) = published.as_deref().map(day_of) {
                self.entity_counts.day(row, day, 0);
            }
        }

        let origin_row = origin.unwrap_or(doc_row);
        let mut in_doc: Vec<DocClaim> = Vec::new();
        self.doc_spans.clear();
        for (c, prep) in rec.claims.iter().zip(claims) {
            let ClaimPrep { ctx, side, sig, rejects, restated, tolls, dates } = prep;
            let speaker_row = ctx.speaker_local.map(|l| local_rows[l]);
            let facts_json = if ctx.numbers.is_empty() { None } else { Some(serde_json::to_string(&ctx.numbers)?) };
            self.conn
                .prepare_cached(
                    "INSERT INTO claims(id, doc, speaker_local, speaker_entity, speaker_text, cue, content, stance, kind,
                        hedged, confidence, published, facts)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                )?
                .execute(params![
                    c.id,
                    doc_row,
                    ctx.speaker_local.map(|l| l as i64),
                    speaker_row,
                    c.speaker.text,
                    c.cue.text,
                    c.content.text,
                    c.stance,
                    c.kind,
                    c.hedged,
                    f64::from(c.confidence),
                    published,
                    facts_json,
                ])?;
            let claim_row = self.conn.last_insert_rowid();
            report.claims += 1;
            self.doc_spans.insert(
                claim_row,
                DocSpan {
                    start: c.content.start,
                    end: c.content.end,
                    denies: c.stance == "denies",
                    text: c.content.text.clone(),
                },
            );
            if let (Some(day), Some(sp)) = (published.as_deref().map(day_of), speaker_row) {
                self.entity_counts.day(sp, day, 1);
            }
            self.search_rows.push((claim_row, c.content.text.clone(), c.speaker.text.clone()));
            self.card_rows.push(claim_row);
            let mut about_rows = Vec::new();
            {
                let mut st = self.conn.prepare_cached(
                    "INSERT OR IGNORE INTO claim_about(entity, claim, doc, local, published) VALUES (?1, ?2, ?3, ?4, ?5)",
                )?;
                for &l in &ctx.about {
                    if st.execute(params![local_rows[l], claim_row, doc_row, l as i64, published])? > 0 {
                        about_rows.push(local_rows[l]);
                    }
                }
            }

            if let Some(day) = published.as_deref().map(day_of) {
                for &e in &about_rows {
                    self.entity_counts.day(e, day, 2);
                }
            }

            // A claim of a copy that its origin already holds is the same
            // claim reprinted: linked, never aligned again.
            if let Some(o) = origin {
                let twin: Option<(i64, Option<i64>)> = self
                    .conn
                    .prepare_cached(
                        "SELECT rowid, prop FROM claims WHERE doc = ?1 AND content = ?2 AND speaker_text = ?3 LIMIT 1",
                    )?
                    .query_row(params![o, c.content.text, c.speaker.text], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()?;
                if let Some((twin, prop)) = twin {
                    self.conn
                        .prepare_cached("UPDATE claims SET copy_of = ?2, prop = ?3, aligned = 1 WHERE rowid = ?1")?
                        .execute(params![claim_row, twin, prop])?;
                    continue;
                }
            }
            let facts = ClaimFacts {
                claim: claim_row,
                doc: doc_row,
                origin: origin_row,
                speaker: speaker_row,
                speaker_key: name_key(&c.speaker.text),
                affirms: c.stance != "denies",
                numbers: ctx.numbers,
            };
            let answers = c.proposition.as_ref().map(|p| p.answers.clone()).unwrap_or_default();
            let own_sig = sig.clone();
            let aligned = if rejects && !sig.as_ref().is_some_and(has_own_content) {
                self.conn.prepare_cached("UPDATE claims SET aligned = 1 WHERE rowid = ?1")?.execute([claim_row])?;
                None
            } else {
                let (n, aligned) = self.align_claim(sig, &facts, &about_rows)?;
                report.relations += n;
                aligned
            };
            in_doc.push(DocClaim {
                id: c.id.clone(),
                facts,
                about: about_rows,
                side,
                rejects,
                restated,
                answers,
                sig: own_sig,
                aligned,
                tolls,
                dates,
            });
        }
        report.relations += self.answer_rejections(&in_doc)?;
        report.relations += self.relate_in_document(&in_doc)?;
        Ok((doc, rec))
    }

    /// Rule 3 of [`crate::align`]: a rejection of allegations contradicts the
    /// affirming claims of the same document that it answers.
    fn answer_rejections(&mut self, claims: &[DocClaim]) -> Result<usize> {
        let mut added = 0;
        for m in claims.iter().filter(|c| c.rejects) {
            if !m.answers.is_empty() {
                added += self.answer_linked(m, claims)?;
                continue;
            }
            // A rejection that restates its allegation says what it
            // rejects: when the analysis found no claim telling it, the
            // side rule would set it against every claim of another side
            // that merely names its side (the wounded border guards of its
            // own country, the other side's own accusations).
            if m.restated {
                continue;
            }
            for x in claims {
                let Some((prop, sig)) = &x.aligned else { continue };
                let same_speaker = match (m.facts.speaker, x.facts.speaker) {
                    (Some(a), Some(b)) => a == b,
                    _ => m.facts.speaker_key == x.facts.speaker_key,
                };
                if !x.facts.affirms || same_speaker || x.facts.claim == m.facts.claim {
                    continue;
                }
                let Some(reason) = self.aligner.answers(&m.side, sig, &x.side) else { continue };
                let (a, b) = if x.facts.claim < m.facts.claim { (x, m) } else { (m, x) };
                let mut involved: BTreeSet<i64> = a.about.iter().chain(b.about.iter()).copied().collect();
                involved.extend(a.facts.speaker);
                involved.extend(b.facts.speaker);
                if self.insert_relation(
                    RelationKind::Contradicts,
                    a.facts.claim,
                    b.facts.claim,
                    *prop,
                    &reason,
                    involved,
                )? {
                    added += 1;
                }
            }
        }
        Ok(added)
    }

    /// Rule 4 of [`crate::align`]: two claims of one document by different
    /// speakers that tell the same event with opposite polarity contradict,
    /// and so do two that count the dead, wounded or abducted of the
    /// story differently; and rule 8 inside the document: one that rejects
    /// a figure or a date the other states.
    fn relate_in_document(&mut self, claims: &[DocClaim]) -> Result<usize> {
        let mut added = 0;
        for (j, y) in claims.iter().enumerate() {
            for x in &claims[..j] {
                if same_speaker_loose(&x.facts, &y.facts) {
                    continue;
                }
                let Some(prop) = x.aligned.as_ref().or(y.aligned.as_ref()).map(|(p, _)| *p) else { continue };
                // Rule 8 first, whatever the polarities: a rejected figure
                // says which claims are answered.
                let rejected = match (&x.sig, &y.sig) {
                    (Some(sx), Some(sy)) => self.aligner.figure_rejected(sx, sy),
                    _ => None,
                };
                let rejected = rejected.or_else(|| self.aligner.date_rejected(&x.dates, &x.side, &y.dates, &y.side));
                let reason = if let Some(reason) = rejected {
                    reason
                } else if x.facts.affirms == y.facts.affirms {
                    if !x.facts.affirms {
                        continue;
                    }
                    let Some(reason) = self.aligner.tolls_disagree(&x.tolls, &y.tolls) else { continue };
                    reason
                } else {
                    let (Some(sx), Some(sy)) = (&x.sig, &y.sig) else { continue };
                    let (den, sd, aff, sa) = if x.facts.affirms { (y, sy, x, sx) } else { (x, sx, y, sy) };
                    let Some(reason) = self
                        .aligner
                        .same_event_in_document(sx, sy)
                        .or_else(|| self.aligner.accused_denies(&den.side, sd, sa, &aff.side))
                        .or_else(|| self.aligner.denial_answers(sd, sa, &self.stats))
                    else {
                        continue;
                    };
                    reason
                };
                let mut involved: BTreeSet<i64> = x.about.iter().chain(y.about.iter()).copied().collect();
                involved.extend(x.facts.speaker);
                involved.extend(y.facts.speaker);
                let (a, b) = if x.facts.claim < y.facts.claim { (x, y) } else { (y, x) };
                if self.insert_relation(
                    RelationKind::Contradicts,
                    a.facts.claim,
                    b.facts.claim,
                    prop,
                    &reason,
                    involved,
                )? {
                    added += 1;
                }
            }
        }
        Ok(added)
    }

    /// A rejection whose answered claims the analysis found: it contradicts
    /// each of them, and, when it states no proposition of its own, joins
    /// the proposition of the first answered claim that has one as a denial
    /// and is related to that proposition's other members (see rule 3 of
    /// [`crate::align`]).
    fn answer_linked(&mut self, m: &DocClaim, claims: &[DocClaim]) -> Result<usize> {
        let mut added = 0;
        let mut joined = m.aligned.is_some();
        for x in claims.iter().filter(|x| m.answers.contains(&x.id)) {
            // Rejecting a denial ("this claim" after "has not explained")
            // contradicts it too; only an affirmed proposition is joined.
            if same_speaker_loose(&m.facts, &x.facts) || x.facts.claim == m.facts.claim {
                continue;
            }
            let Some((prop, _)) = &x.aligned else { continue };
            let (a, b) = if x.facts.claim < m.facts.claim { (x, m) } else { (m, x) };
            let mut involved: BTreeSet<i64> = a.about.iter().chain(b.about.iter()).copied().collect();
            involved.extend(a.facts.speaker);
            involved.extend(b.facts.speaker);
            if self.insert_relation(
                RelationKind::Contradicts,
                a.facts.claim,
                b.facts.claim,
                *prop,
                "rejects the claims it answers in the same article",
                involved,
            )? {
                added += 1;
            }
            if !joined && x.facts.affirms {
                joined = true;
                self.conn
                    .prepare_cached("UPDATE claims SET prop = ?2 WHERE rowid = ?1")?
                    .execute(params![m.facts.claim, prop])?;
                self.conn
                    .prepare_cached("UPDATE propositions SET claims = claims + 1 WHERE rowid = ?1")?
                    .execute([prop])?;
                added += self.relate_members(&m.facts, *prop, &m.about)?;
            }
        }
        Ok(added)
    }

    fn insert_relation(
        &mut self,
        kind: RelationKind,
        a: i64,
        b: i64,
        prop: i64,
        reason: &str,
        involved: BTreeSet<i64>,
    ) -> Result<bool> {
        if kind == RelationKind::Contradicts && self.read_twice(a, b) {
            return Ok(false);
        }
        let n = self
            .conn
            .prepare_cached("INSERT OR IGNORE INTO relations(kind, a, b, prop, reason) VALUES (?1, ?2, ?3, ?4, ?5)")?
            .execute(params![kind.as_str(), a, b, prop, reason])?;
        if n == 0 {
            return Ok(false);
        }
        *self.relations_added.entry(kind.as_str()).or_insert(0) += 1;
        let rel = self.conn.last_insert_rowid();
        for e in involved {
            let e = self.redirects.get(&e).copied().unwrap_or(e);
            self.relation_entities.push((e, rel));
        }
        Ok(true)
    }

    /// Whether claims `a` and `b` are both of the document being written
    /// and one's content holds the other's (see [`read_twice`]).
    fn read_twice(&self, a: i64, b: i64) -> bool {
        match (self.doc_spans.get(&a), self.doc_spans.get(&b)) {
            (Some(x), Some(y)) => read_twice(x, y),
            _ => false,
        }
    }

    /// Keeps `sketch` as proposition `prop`'s (in the dense array indexed
    /// by rowid; propositions are never deleted nor their signatures
    /// changed) and returns it.
    fn remember_sketch(&mut self, prop: i64, sketch: Sketch) -> Sketch {
        // Past the cap a proposition's candidates take the slower path
        // through its signature: memory stays bounded whatever the file's
        // rowids say.
        match usize::try_from(prop) {
            Ok(i) if i < MAX_SKETCHES => {
                if i >= self.sketches.len() {
                    self.sketches.resize(i + 1, Sketch::default());
                }
                self.sketches[i] = sketch;
            }
            _ => {}
        }
        sketch
    }

    fn signature_of(&mut self, prop: i64) -> Result<Option<Arc<PropSignature>>> {
        if let Some(s) = self.signatures.get(&prop) {
            return Ok(Some(s.clone()));
        }
        let json: Option<String> = self
            .conn
            .prepare_cached("SELECT signature FROM propositions WHERE rowid = ?1")?
            .query_row([prop], |r| r.get(0))
            .optional()?;
        let Some(json) = json else { return Ok(None) };
        let sig = Arc::new(serde_json::from_str::<PropSignature>(&json)?);
        if self.signatures.len() > 400_000 {
            self.signatures.clear();
        }
        self.signatures.insert(prop, sig.clone());
        Ok(Some(sig))
    }

    /// Finds or creates the claim's proposition and relates the claim to
    /// the proposition's earlier members. Returns the relations added.
    #[allow(clippy::type_complexity)]
    fn align_claim(
        &mut self,
        sig: Option<PropSignature>,
        facts: &ClaimFacts,
        about_rows: &[i64],
    ) -> Result<(usize, Option<(i64, PropSignature)>)> {
        let Some(sig) = sig else {
            self.conn.prepare_cached("UPDATE claims SET aligned = 1 WHERE rowid = ?1")?.execute([facts.claim])?;
            return Ok((0, None));
        };
        let keys = self.aligner.index_keys(&sig);
        let mut cands = Vec::new();
        {
            let mut st =
                self.conn.prepare_cached("SELECT prop FROM prop_keys WHERE key = ?1 ORDER BY prop DESC LIMIT ?2")?;
            for &k in &keys {
                if let Some(props) = self.prop_keys.get(&k) {
                    cands.extend_from_slice(props);
                    continue;
                }
                let props = st
                    .query_map(params![k, CANDIDATES_PER_KEY], |r| r.get::<_, i64>(0))?
                    .collect::<std::result::Result<Vec<i64>, _>>()?;
                cands.extend_from_slice(&props);
                if self.prop_keys.len() >= MAX_CACHED_KEYS {
                    self.prop_keys.clear();
                }
                self.prop_keys.insert(k, props);
            }
        }
        // In ascending order, once each: ties go to the oldest.
        cands.sort_unstable();
        cands.dedup();
        let mut best: Option<(f64, i64)> = None;
        // Propositions whose claims the claim restates as a denial, or
        // that restate it (rule 6): related even when the claim joins
        // another.
        let mut restated: Vec<(i64, String)> = Vec::new();
        let own = Sketch::of(&sig);
        for p in cands {
            // Most candidates are set aside here, by the sketch alone.
            let known = self.sketches.get(p as usize).copied().filter(Sketch::is_made);
            let sketch = match known {
                Some(s) => s,
                None => match self.signature_of(p)? {
                    Some(psig) => self.remember_sketch(p, Sketch::of(&psig)),
                    None => continue,
                },
            };
            if !self.aligner.may_match(&own, &sketch) {
                continue;
            }
            let Some(psig) = self.signature_of(p)? else { continue };
            if let Some(reason) = self.aligner.restates(&sig, &psig, &self.stats) {
                restated.push((p, reason));
            }
            if let Some(score) = self.aligner.match_score(&sig, &psig, &self.stats) {
                if best.is_none_or(|(b, _)| score > b) {
                    best = Some((score, p));
                }
            }
        }
        let prop = match best {
            Some((_, p)) => {
                self.conn
                    .prepare_cached("UPDATE propositions SET claims = claims + 1 WHERE rowid = ?1")?
                    .execute([p])?;
                p
            }
            None => {
                self.conn
                    .prepare_cached("INSERT INTO propositions(text, signature, claims) VALUES (?1, ?2, 1)")?
                    .execute(params![sig.text, serde_json::to_string(&sig)?])?;
                let p = self.conn.last_insert_rowid();
                // The claim's own sketch is the new proposition's.
                self.remember_sketch(p, own);
                let mut st = self.conn.prepare_cached("INSERT OR IGNORE INTO prop_keys(key, prop) VALUES (?1, ?2)")?;
                for &k in &keys {
                    st.execute(params![k, p])?;
                    // The newest proposition: first of its keys' lists.
                    if let Some(props) = self.prop_keys.get_mut(&k) {
                        if props.first() != Some(&p) {
                            props.insert(0, p);
                            props.truncate(CANDIDATES_PER_KEY as usize);
                        }
                    }
                }
                self.signatures.insert(p, Arc::new(sig.clone()));
                p
            }
        };
        self.stats.add(&sig.topics);
        self.conn
            .prepare_cached("UPDATE claims SET prop = ?2, aligned = 1 WHERE rowid = ?1")?
            .execute(params![facts.claim, prop])?;
        let mut added = self.relate_members(facts, prop, about_rows)?;
        for (p, reason) in restated.into_iter().filter(|(p, _)| *p != prop) {
            added += self.contradict_members(facts, p, about_rows, &reason)?;
        }
        Ok((added, Some((prop, sig))))
    }

    /// Rule 6 for a proposition the claim does not join: the claim
    /// contradicts its members of the other stance (the most recent
    /// [`crate::align::MAX_MEMBERS`]), as it would had it joined; returns
    /// the relations added.
    fn contradict_members(&mut self, facts: &ClaimFacts, prop: i64, about_rows: &[i64], reason: &str) -> Result<usize> {
        if self.members.get(prop).is_none() {
            let loaded = self.load_members(prop, facts.claim)?;
            self.members.load(prop, loaded);
        }
        let list = self.members.take(prop).unwrap_or_default();
        let mut added = 0;
        for old in list.iter().filter(|m| m.facts.claim != facts.claim && m.facts.affirms != facts.affirms) {
            let speaker = old.facts.speaker.map(|s| self.redirects.get(&s).copied().unwrap_or(s));
            if speaker.is_some() && speaker == facts.speaker {
                continue;
            }
            let mut involved: BTreeSet<i64> = about_rows.iter().copied().collect();
            involved.extend(facts.speaker);
            involved.extend(speaker);
            involved.extend(old.about.iter().copied());
            if self.insert_relation(RelationKind::Contradicts, old.facts.claim, facts.claim, prop, reason, involved)? {
                added += 1;
            }
        }
        self.members.restore(prop, list);
        Ok(added)
    }

    /// Relates a claim to the earlier members of proposition `prop` (the
    /// most recent [`crate::align::MAX_MEMBERS`]); returns the relations
    /// added.
    fn relate_members(&mut self, facts: &ClaimFacts, prop: i64, about_rows: &[i64]) -> Result<usize> {
        if self.members.get(prop).is_none() {
            let loaded = self.load_members(prop, facts.claim)?;
            self.members.load(prop, loaded);
        }
        // The list is taken out of the cache while the relations are stored
        // (which needs the writer), not copied, and put back after.
        let list = self.members.take(prop).unwrap_or_default();
        let mut added = 0;
        // Newest first, as the cap keeps the newest.
        for old in list.iter().rev().filter(|m| m.facts.claim != facts.claim) {
            // A speaker merged away since the claim was stored answers to
            // the entity it now lives in.
            let redirected = old.facts.speaker.and_then(|s| self.redirects.get(&s).copied());
            let moved;
            let old_facts = match redirected {
                Some(r) => {
                    moved = ClaimFacts { speaker: Some(r), ..old.facts.clone() };
                    &moved
                }
                None => &old.facts,
            };
            let Some((kind, reason)) = self.aligner.relate(facts, old_facts) else { continue };
            let mut involved: BTreeSet<i64> = about_rows.iter().copied().collect();
            involved.extend(facts.speaker);
            involved.extend(old_facts.speaker);
            involved.extend(old.about.iter().copied());
            if self.insert_relation(kind, old_facts.claim, facts.claim, prop, &reason, involved)? {
                added += 1;
            }
        }
        self.members.restore(prop, list);
        self.members.push(prop, Member { facts: facts.clone(), about: about_rows.to_vec() });
        Ok(added)
    }

    /// Reads the latest members of `prop` from the file (all but `except`,
    /// the claim being related, which joins the list after its relations).
    fn load_members(&mut self, prop: i64, except: i64) -> Result<Vec<Member>> {
        let mut members: Vec<Member> = {
            let mut st = self.conn.prepare_cached(
                "SELECT c.rowid, c.doc, coalesce(d.origin, d.rowid), c.speaker_entity, c.speaker_text, c.stance, c.facts
                 FROM claims c JOIN documents d ON d.rowid = c.doc
                 WHERE c.prop = ?1 AND c.rowid <> ?2 AND c.copy_of IS NULL
                 ORDER BY c.rowid DESC LIMIT ?3",
            )?;
            let rows = st.query_map(params![prop, except, crate::align::MAX_MEMBERS as i64], |r| {
                let numbers: Option<String> = r.get(6)?;
                Ok(Member {
                    facts: ClaimFacts {
                        claim: r.get(0)?,
                        doc: r.get(1)?,
                        origin: r.get(2)?,
                        speaker: r.get(3)?,
                        speaker_key: name_key(&r.get::<_, String>(4)?),
                        affirms: r.get::<_, String>(5)? != "denies",
                        numbers: numbers.and_then(|n| serde_json::from_str(&n).ok()).unwrap_or_default(),
                    },
                    about: Vec::new(),
                })
            })?;
            rows.collect::<std::result::Result<_, _>>()?
        };
        let mut st = self.conn.prepare_cached("SELECT entity FROM claim_about WHERE claim = ?1")?;
        for m in &mut members {
            m.about = st.query_map([m.facts.claim], |r| r.get::<_, i64>(0))?.collect::<std::result::Result<_, _>>()?;
        }
        Ok(members)
    }

    /// Completes work that a migration left pending: documents without a
    /// near-duplicate signature get one (and an origin), and claims never
    /// aligned are aligned, oldest first, in transactions of 500 claims.
    fn realign_if_needed(&mut self) -> Result<()> {
        let pending: Option<String> =
            self.conn.query_row("SELECT value FROM meta WHERE key = 'realign'", [], |r| r.get(0)).optional()?;
        if pending.as_deref() != Some("1") {
            return Ok(());
        }
        let docs: Vec<i64> = {
            let mut st = self.conn.prepare("SELECT rowid FROM documents WHERE minhash IS NULL ORDER BY rowid")?;
            let rows = st.query_map([], |r| r.get(0))?;
            rows.collect::<std::result::Result<_, _>>()?
        };
        for chunk in docs.chunks(500) {
            self.in_transaction(|w| {
                for &d in chunk {
                    let text: String =
                        w.conn.query_row("SELECT text FROM documents WHERE rowid = ?1", [d], |r| r.get(0))?;
                    let Some(sig) = Signature::of_text(&text) else { continue };
                    let origin = w.find_origin(&sig)?;
                    w.conn.execute(
                        "UPDATE documents SET minhash = ?2, origin = ?3 WHERE rowid = ?1",
                        params![d, sig.to_bytes(), origin],
                    )?;
                    if origin.is_none() {
                        for key in sig.band_keys() {
                            w.conn.execute(
                                "INSERT OR IGNORE INTO dup_bands(key, doc) VALUES (?1, ?2)",
                                params![key, d],
                            )?;
                        }
                    }
                }
                Ok(())
            })?;
        }
        loop {
            let claims: Vec<(i64, i64, String)> = {
                let mut st = self
                    .conn
                    .prepare("SELECT rowid, doc, id FROM claims WHERE aligned = 0 ORDER BY rowid LIMIT 500")?;
                let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
                rows.collect::<std::result::Result<_, _>>()?
            };
            if claims.is_empty() {
                break;
            }
            self.in_transaction(|w| {
                let mut cached: Option<(i64, DocRecord, i64)> = None;
                for (claim_row, doc_row, claim_id) in claims {
                    if cached.as_ref().is_none_or(|(d, _, _)| *d != doc_row) {
                        let (blob, text, origin): (Vec<u8>, String, i64) = w.conn.query_row(
                            "SELECT record, text, coalesce(origin, rowid) FROM documents WHERE rowid = ?1",
                            [doc_row],
                            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                        )?;
                        cached = Some((doc_row, unpack_record(&blob, text)?, origin));
                    }
                    let Some((_, rec, origin)) = cached.as_ref() else { continue };
                    let Some(j) = rec.claims.iter().position(|c| c.id == claim_id) else {
                        w.conn.execute("UPDATE claims SET aligned = 1 WHERE rowid = ?1", [claim_row])?;
                        continue;
                    };
                    let c = &rec.claims[j];
                    let story = crate::align::story_anchors(&rec.entities);
                    let cast = crate::align::story_cast(&rec.entities);
                    let ClaimPrep { ctx, sig, .. } = ClaimPrep::new(&*w.aligner, rec, j, &story, &cast);
                    let (speaker_row, about_rows): (Option<i64>, Vec<i64>) = {
                        let sp: Option<i64> = w.conn.query_row(
                            "SELECT speaker_entity FROM claims WHERE rowid = ?1",
                            [claim_row],
                            |r| r.get(0),
                        )?;
                        let mut st = w.conn.prepare_cached("SELECT entity FROM claim_about WHERE claim = ?1")?;
                        let rows = st.query_map([claim_row], |r| r.get(0))?;
                        (sp, rows.collect::<std::result::Result<_, _>>()?)
                    };
                    if !ctx.numbers.is_empty() {
                        w.conn.execute(
                            "UPDATE claims SET facts = ?2 WHERE rowid = ?1",
                            params![claim_row, serde_json::to_string(&ctx.numbers)?],
                        )?;
                    }
                    let facts = ClaimFacts {
                        claim: claim_row,
                        doc: doc_row,
                        origin: *origin,
                        speaker: speaker_row,
                        speaker_key: name_key(&c.speaker.text),
                        affirms: c.stance != "denies",
                        numbers: ctx.numbers,
                    };
                    w.align_claim(sig, &facts, &about_rows)?;
                }
                Ok(())
            })?;
        }
        self.conn.execute("DELETE FROM meta WHERE key = 'realign'", [])?;
        Ok(())
    }
}

/// The proposition of the event a claim reports or denies, looked up only
/// when the claim has no predicate of its own (the only case that uses it:
/// the lookup reads every event of the record, for each claim).
fn event_proposition_unless_own(rec: &DocRecord, c: &ClaimOut) -> Option<PropositionOut> {
    if c.proposition.as_ref().is_some_and(|p| !p.predicate.is_empty()) {
        return None;
    }
    claimgraph::events::json::event_proposition(rec, &c.id)
}

/// True when two claims are by one speaker: the same entity, or, where
/// either is unresolved, speaker words of which one ends with a word of the
/// other ("The company" and "the Greek company Aegeus Maritime").
fn same_speaker_loose(a: &ClaimFacts, b: &ClaimFacts) -> bool {
    if let (Some(x), Some(y)) = (a.speaker, b.speaker) {
        return x == y;
    }
    if a.speaker_key.is_empty() || b.speaker_key.is_empty() {
        return false;
    }
    let last = |k: &str| k.split_whitespace().last().map(str::to_string);
    let has = |k: &str, w: &Option<String>| w.as_ref().is_some_and(|w| k.split_whitespace().any(|x| x == w));
    a.speaker_key == b.speaker_key
        || has(&a.speaker_key, &last(&b.speaker_key))
        || has(&b.speaker_key, &last(&a.speaker_key))
}

/// The day of an ISO 8601 date or time (its first ten characters).
fn day_of(published: &str) -> &str {
    published.get(..10).unwrap_or(published)
}

/// Loads the registry state: live entities with their aliases and roles,
/// then the user's decisions on top. Returns the registry, the row of every
/// entity id (merged ones included) and the merge redirects.
#[allow(clippy::type_complexity)]
fn load_registry(conn: &Connection) -> Result<(EntityRegistry, FxHashMap<String, i64>, FxHashMap<i64, i64>)> {
    let mut rows = FxHashMap::default();
    let mut redirects = FxHashMap::default();
    let mut live: Vec<(i64, KnownEntity)> = Vec::new();
    {
        let mut st = conn.prepare("SELECT rowid, id, name, kind, merged_into FROM entities ORDER BY rowid")?;
        let mut q = st.query([])?;
        while let Some(r) = q.next()? {
            let row: i64 = r.get(0)?;
            let id: String = r.get(1)?;
            rows.insert(id.clone(), row);
            match r.get::<_, Option<i64>>(4)? {
                Some(into) => {
                    redirects.insert(row, into);
                }
                None => live.push((
                    row,
                    KnownEntity {
                        id,
                        name: r.get(2)?,
                        kind: entity_kind(&r.get::<_, String>(3)?),
                        aliases: Vec::new(),
                        roles: Vec::new(),
                    },
                )),
            }
        }
    }
    let pos: FxHashMap<i64, usize> = live.iter().enumerate().map(|(i, (row, _))| (*row, i)).collect();
    {
        let mut st = conn.prepare("SELECT entity, alias FROM aliases ORDER BY entity, count DESC, alias")?;
        let mut q = st.query([])?;
        while let Some(r) = q.next()? {
            if let Some(&i) = pos.get(&r.get::<_, i64>(0)?) {
                live[i].1.aliases.push(r.get(1)?);
            }
        }
        let mut st = conn.prepare("SELECT entity, role FROM roles ORDER BY entity, count DESC, role")?;
        let mut q = st.query([])?;
        while let Some(r) = q.next()? {
            if let Some(&i) = pos.get(&r.get::<_, i64>(0)?) {
                live[i].1.roles.push(r.get(1)?);
            }
        }
    }
    // Chains of merges (a into b into c) collapse to the survivor.
    let snapshot = redirects.clone();
    for target in redirects.values_mut() {
        let mut hops = 0;
        while let Some(&next) = snapshot.get(target) {
            *target = next;
            hops += 1;
            if hops > 64 {
                break;
            }
        }
    }
    let mut registry = EntityRegistry::with_entities(live.into_iter().map(|(_, e)| e).collect());
    registry.apply_decisions(&load_decisions(conn)?);
    Ok((registry, rows, redirects))
}

/// The user's stored decisions, oldest first.
pub fn load_decisions(conn: &Connection) -> Result<Vec<Decision>> {
    let mut st = conn.prepare("SELECT kind, a, b FROM decisions ORDER BY rowid")?;
    let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (kind, a, b) = row?;
        match kind.as_str() {
            "merge" => out.push(Decision::Merge { into: a, from: b }),
            "split" => out.push(Decision::Split { entity: a, alias: b }),
            _ => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::{read_twice, DocSpan};

    /// A claim whose content is `text` found at `start` of its article.
    fn span(text: &str, start: usize, denies: bool) -> DocSpan {
        DocSpan { start, end: start + text.chars().count(), denies, text: text.to_string() }
    }

    #[test]
    fn a_sentence_inside_a_quote_is_read_twice() {
        let quote = "the helicopter landed on an uninhabited terrain. There was no fire and no explosion";
        let inner = "There was no fire and no explosion";
        let at = quote.find(inner).unwrap_or(0);
        assert!(read_twice(&span(quote, 100, false), &span(inner, 100 + at, true)));
        // The same words under a second speaker.
        assert!(read_twice(&span(inner, 100, true), &span(inner, 100, false)));
    }

    #[test]
    fn claims_apart_or_only_overlapping_are_not_read_twice() {
        assert!(!read_twice(&span("the ship was hit", 10, false), &span("the ship was hit", 200, true)));
        assert!(!read_twice(&span("abcdef", 10, false), &span("defghi", 13, true)));
    }

    #[test]
    fn a_denial_quoting_the_allegation_it_names_answers_it() {
        let outer = "the claim, repeated in the video, that trawlers fish three miles from the beach";
        let inner = "that trawlers fish three miles from the beach";
        let at = outer.find(inner).unwrap_or(0);
        assert!(!read_twice(&span(outer, 0, true), &span(inner, at, false)));
        // Without an allegation named, the inner words are the denier's own.
        let outer = "no letter was received, this time declared that the letter was about the program";
        let inner = "the letter was about the program";
        let at = outer.find(inner).unwrap_or(0);
        assert!(read_twice(&span(outer, 0, true), &span(inner, at, false)));
    }

    #[test]
    fn an_affirmation_read_over_the_answer_to_it_keeps_the_answer() {
        let outer = "only ballot stuffing explains it, an accusation Oduya rejected as impossible";
        let inner = "as impossible";
        let at = outer.find(inner).unwrap_or(0);
        assert!(!read_twice(&span(outer, 0, false), &span(inner, at, true)));
    }
}
