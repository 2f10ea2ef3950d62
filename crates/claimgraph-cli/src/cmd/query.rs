//! Ledger queries: `claims`, `entities`, `entity` (with `merge` and
//! `split`), `conflicts` and `export`. Each reads the ledger through
//! `claimgraph_ledger::Ledger` and prints pretty text, JSON Lines or CSV.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use claimgraph_ledger::{ClaimFilter, ClaimRow, EntitySummary, Ledger, RelationFilter, RelationRow};
use clap::{Subcommand, ValueEnum};
use serde::Serialize;

/// Output formats of the queries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Readable text.
    Pretty,
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values with a header row.
    Csv,
}

/// Output formats of `export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One extract record per document, one per line.
    Jsonl,
    /// One row per claim (documents without claims get one row).
    Csv,
    /// Coded events as PLOVER JSON, one event per line (events module).
    Plover,
    /// Coded events as an ACLED-style CSV (events module).
    AcledCsv,
    /// Coded events as GDELT 2.0 event-table rows, tab-separated, no header
    /// (events module).
    GdeltTsv,
}

/// The ledger argument every query takes.
#[derive(clap::Args, Clone)]
pub struct DbArg {
    /// The ledger file.
    #[arg(long, default_value = "claimgraph.db", global = true)]
    db: PathBuf,
}

/// Arguments of `claims`.
#[derive(clap::Args)]
pub struct ClaimsArgs {
    #[command(flatten)]
    db: DbArg,
    /// Claims made by this entity (name, alias or id; case-insensitive).
    #[arg(long)]
    speaker: Option<String>,
    /// Claims about this entity.
    #[arg(long)]
    about: Option<String>,
    /// Only claims with this stance.
    #[arg(long, value_parser = ["affirms", "denies"])]
    stance: Option<String>,
    /// Only claims published on or after this date (YYYY-MM-DD).
    #[arg(long)]
    since: Option<String>,
    /// Only claims whose content or speaker contains all these words.
    #[arg(long)]
    search: Option<String>,
    /// Also list claims reprinted in near-duplicate documents.
    #[arg(long)]
    with_copies: bool,
    /// At most this many claims.
    #[arg(long)]
    limit: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Pretty)]
    format: Format,
}

/// Arguments of `entities`.
#[derive(clap::Args)]
pub struct EntitiesArgs {
    #[command(flatten)]
    db: DbArg,
    /// Only entities with a spelling containing this text.
    #[arg(long)]
    search: Option<String>,
    /// At most this many entities.
    #[arg(long)]
    limit: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Pretty)]
    format: Format,
}

/// Arguments of `entity`.
#[derive(clap::Args)]
#[command(subcommand_negates_reqs = true, subcommand_precedence_over_arg = true)]
pub struct EntityArgs {
    #[command(subcommand)]
    action: Option<EntityAction>,
    #[command(flatten)]
    db: DbArg,
    /// The entity: a name, an alias (case-insensitive) or an id.
    #[arg(required = true)]
    name: Option<String>,
    /// Claims and relations shown per section.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// Output format (jsonl prints the whole page as one object; csv lists
    /// its claims).
    #[arg(long, value_enum, default_value_t = Format::Pretty)]
    format: Format,
}

/// Decisions about entities.
#[derive(Subcommand)]
pub enum EntityAction {
    /// Merge entity B into entity A; the decision persists across ingests.
    Merge {
        /// The entity that stays.
        a: String,
        /// The entity merged into A.
        b: String,
    },
    /// Split a spelling off an entity into a new entity; the decision
    /// persists across ingests.
    Split {
        /// The entity.
        entity: String,
        /// The spelling that names someone else.
        alias: String,
    },
}

/// Arguments of `conflicts`.
#[derive(clap::Args)]
pub struct ConflictsArgs {
    #[command(flatten)]
    db: DbArg,
    /// Only relations involving this entity (as speaker or participant).
    #[arg(long)]
    entity: Option<String>,
    /// Only this relation.
    #[arg(long, value_parser = ["contradicts", "corroborates"])]
    relation: Option<String>,
    /// At most this many relations, newest first.
    #[arg(long)]
    limit: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Pretty)]
    format: Format,
}

/// Arguments of `export`.
#[derive(clap::Args)]
pub struct ExportArgs {
    #[command(flatten)]
    db: DbArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
    format: ExportFormat,
}

fn open(db: &DbArg) -> Result<Ledger> {
    if !db.db.exists() {
        anyhow::bail!(
            "{}: no such ledger (create one with `claimgraph ingest --db {} SOURCE...`)",
            db.db.display(),
            db.db.display()
        );
    }
    Ledger::open(&db.db).with_context(|| format!("opening the ledger {}", db.db.display()))
}

fn stdout() -> BufWriter<std::io::StdoutLock<'static>> {
    BufWriter::new(std::io::stdout().lock())
}

fn jsonl<T: Serialize>(out: &mut impl Write, items: &[T]) -> Result<()> {
    for item in items {
        serde_json::to_writer(&mut *out, item)?;
        writeln!(out)?;
    }
    Ok(())
}

/// Collapses white space and shortens to `max` characters for display.
fn line(text: &str, max: usize) -> String {
    claimgraph_ledger::align::shorten(text, max)
}

fn date(d: &Option<String>) -> &str {
    d.as_deref().map(|d| d.get(..10).unwrap_or(d)).unwrap_or("undated")
}

fn pretty_claim(out: &mut impl Write, c: &ClaimRow) -> Result<()> {
    writeln!(out, "• {}  {} — {} — {}", date(&c.published), c.speaker, c.stance, line(&c.content, 200))?;
    writeln!(out, "    [{}; {}]", c.id, c.source)?;
    Ok(())
}

#[derive(Serialize)]
struct ClaimCsv<'a> {
    id: &'a str,
    doc_id: &'a str,
    source: &'a str,
    published: &'a str,
    speaker_entity: &'a str,
    speaker: &'a str,
    cue: &'a str,
    content: &'a str,
    stance: &'a str,
    kind: &'a str,
    hedged: bool,
    confidence: f64,
    proposition: &'a str,
}

fn claims_csv(out: impl Write, claims: &[ClaimRow]) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    for c in claims {
        w.serialize(ClaimCsv {
            id: &c.id,
            doc_id: &c.doc_id,
            source: &c.source,
            published: c.published.as_deref().unwrap_or(""),
            speaker_entity: c.speaker_entity.as_deref().unwrap_or(""),
            speaker: &c.speaker,
            cue: &c.cue,
            content: &c.content,
            stance: &c.stance,
            kind: &c.kind,
            hedged: c.hedged,
            confidence: c.confidence,
            proposition: c.proposition.as_deref().unwrap_or(""),
        })?;
    }
    w.flush()?;
    Ok(())
}

/// Runs `claims`.
pub fn claims(a: ClaimsArgs) -> Result<ExitCode> {
    let ledger = open(&a.db)?;
    let filter = ClaimFilter {
        speaker: a.speaker,
        about: a.about,
        stance: a.stance,
        since: a.since,
        search: a.search,
        include_copies: a.with_copies,
        limit: a.limit,
        ..Default::default()
    };
    let claims = ledger.claims(&filter)?;
    let mut out = stdout();
    match a.format {
        Format::Jsonl => jsonl(&mut out, &claims)?,
        Format::Csv => claims_csv(&mut out, &claims)?,
        Format::Pretty => {
            for c in &claims {
                pretty_claim(&mut out, c)?;
            }
            writeln!(out, "{} claims", claims.len())?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn aliases_line(e: &EntitySummary) -> String {
    e.aliases.iter().map(|a| format!("{} ({})", a.alias, a.count)).collect::<Vec<_>>().join("; ")
}

#[derive(Serialize)]
struct EntityCsv<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'a str,
    aliases: String,
    roles: String,
    documents: i64,
    claims_by: i64,
    claims_about: i64,
}

/// Runs `entities`.
pub fn entities(a: EntitiesArgs) -> Result<ExitCode> {
    let ledger = open(&a.db)?;
    let ents = ledger.entities(a.search.as_deref(), a.limit)?;
    let mut out = stdout();
    match a.format {
        Format::Jsonl => jsonl(&mut out, &ents)?,
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            for e in &ents {
                w.serialize(EntityCsv {
                    id: &e.id,
                    name: &e.name,
                    kind: &e.kind,
                    aliases: aliases_line(e),
                    roles: e.roles.join("; "),
                    documents: e.documents,
                    claims_by: e.claims_by,
                    claims_about: e.claims_about,
                })?;
            }
            w.flush()?;
        }
        Format::Pretty => {
            for e in &ents {
                writeln!(
                    out,
                    "• {} [{}, {}] — {} documents, {} claims by, {} about",
                    e.name, e.id, e.kind, e.documents, e.claims_by, e.claims_about
                )?;
                writeln!(out, "    spellings: {}", aliases_line(e))?;
            }
            writeln!(out, "{} entities", ents.len())?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Runs `entity` (a page, or `merge` / `split`).
pub fn entity(a: EntityArgs) -> Result<ExitCode> {
    let mut ledger = open(&a.db)?;
    match a.action {
        Some(EntityAction::Merge { a: into, b: from }) => {
            let r = ledger.merge_entities(&into, &from)?;
            eprintln!(
                "claimgraph: merged {from:?} into {} ({} claims and {} document links moved)",
                r.entity, r.claims_moved, r.documents_moved
            );
            return Ok(ExitCode::SUCCESS);
        }
        Some(EntityAction::Split { entity, alias }) => {
            let r = ledger.split_entity(&entity, &alias)?;
            eprintln!(
                "claimgraph: split {alias:?} off {entity:?} as {} ({} claims and {} document links moved)",
                r.entity, r.claims_moved, r.documents_moved
            );
            return Ok(ExitCode::SUCCESS);
        }
        None => {}
    }
    let Some(name) = a.name else { anyhow::bail!("name an entity") };
    let page = match ledger.entity_page(&name, a.limit) {
        Err(claimgraph_ledger::LedgerError::Ambiguous { .. }) => {
            // Several entities carry the name: show the most documented one
            // and say which others exist.
            let mut all = ledger.find_entities(&name)?;
            all.sort_by(|x, y| y.documents.cmp(&x.documents).then_with(|| x.id.cmp(&y.id)));
            let others: Vec<String> = all.iter().skip(1).map(|e| format!("{} ({})", e.id, e.name)).collect();
            eprintln!("claimgraph: {name:?} also names {}; showing {}", others.join(", "), all[0].id);
            ledger.entity_page(&all[0].id, a.limit)?
        }
        other => other?,
    };
    let mut out = stdout();
    match a.format {
        Format::Jsonl => jsonl(&mut out, std::slice::from_ref(&page))?,
        Format::Csv => {
            let mut all = page.claims_by.clone();
            all.extend(page.claims_about.iter().cloned());
            claims_csv(&mut out, &all)?;
        }
        Format::Pretty => {
            let e = &page.entity;
            writeln!(out, "══ {} [{}, {}]", e.name, e.id, e.kind)?;
            writeln!(out, "   spellings: {}", aliases_line(e))?;
            if !e.roles.is_empty() {
                writeln!(out, "   roles: {}", e.roles.join("; "))?;
            }
            writeln!(
                out,
                "   {} documents, {} claims by it, {} claims about it",
                e.documents, e.claims_by, e.claims_about
            )?;
            writeln!(out, "\nClaims by {} (latest {}):", e.name, page.claims_by.len())?;
            for c in &page.claims_by {
                pretty_claim(&mut out, c)?;
            }
            writeln!(out, "\nClaims about {} (latest {}):", e.name, page.claims_about.len())?;
            for c in &page.claims_about {
                pretty_claim(&mut out, c)?;
            }
            writeln!(out, "\nTimeline (documents / claims by / claims about):")?;
            for p in &page.timeline {
                writeln!(out, "  {}  {:>4} {:>4} {:>4}", p.date, p.documents, p.claims_by, p.claims_about)?;
            }
            writeln!(out, "\nRelations (latest {}):", page.relations.len())?;
            for r in &page.relations {
                pretty_relation(&mut out, r)?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Writes one relation as the `conflicts --format pretty` block.
pub(crate) fn pretty_relation(out: &mut impl Write, r: &RelationRow) -> Result<()> {
    writeln!(out, "{}  {}", r.relation.to_uppercase(), line(&r.proposition, 120))?;
    for (tag, s) in [("A", &r.a), ("B", &r.b)] {
        writeln!(
            out,
            "  {tag}: {} ({}, {}) {}: {}",
            s.speaker,
            date(&s.published),
            s.doc,
            s.stance,
            line(&s.content, 160)
        )?;
    }
    writeln!(out, "  why: {}", r.reason)?;
    Ok(())
}

#[derive(Serialize)]
struct RelationCsv<'a> {
    relation: &'a str,
    proposition: &'a str,
    reason: &'a str,
    a_claim: &'a str,
    a_doc: &'a str,
    a_speaker: &'a str,
    a_stance: &'a str,
    a_content: &'a str,
    b_claim: &'a str,
    b_doc: &'a str,
    b_speaker: &'a str,
    b_stance: &'a str,
    b_content: &'a str,
}

/// Runs `conflicts`.
pub fn conflicts(a: ConflictsArgs) -> Result<ExitCode> {
    let ledger = open(&a.db)?;
    let rels = ledger.relations(&RelationFilter { entity: a.entity, kind: a.relation, limit: a.limit, offset: 0 })?;
    let mut out = stdout();
    match a.format {
        Format::Jsonl => jsonl(&mut out, &rels)?,
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            for r in &rels {
                w.serialize(RelationCsv {
                    relation: &r.relation,
                    proposition: &r.proposition,
                    reason: &r.reason,
                    a_claim: &r.a.claim,
                    a_doc: &r.a.doc,
                    a_speaker: &r.a.speaker,
                    a_stance: &r.a.stance,
                    a_content: &r.a.content,
                    b_claim: &r.b.claim,
                    b_doc: &r.b.doc,
                    b_speaker: &r.b.speaker,
                    b_stance: &r.b.stance,
                    b_content: &r.b.content,
                })?;
            }
            w.flush()?;
        }
        Format::Pretty => {
            for r in &rels {
                pretty_relation(&mut out, r)?;
                writeln!(out)?;
            }
            writeln!(out, "{} relations", rels.len())?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct ExportCsv<'a> {
    doc_id: &'a str,
    source: &'a str,
    title: &'a str,
    published: &'a str,
    claim_id: &'a str,
    speaker_entity: &'a str,
    speaker_name: &'a str,
    speaker_text: &'a str,
    cue: &'a str,
    content: &'a str,
    content_start: Option<usize>,
    content_end: Option<usize>,
    stance: &'a str,
    kind: &'a str,
    hedged: Option<bool>,
    confidence: Option<f32>,
}

/// Runs `export`.
pub fn export(a: ExportArgs) -> Result<ExitCode> {
    let ledger = open(&a.db)?;
    let mut out = stdout();
    match a.format {
        ExportFormat::Jsonl => {
            ledger.export(|rec| {
                serde_json::to_writer(&mut out, &rec)?;
                writeln!(out)?;
                Ok(())
            })?;
        }
        ExportFormat::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            let mut failed: Option<csv::Error> = None;
            ledger.export(|rec| {
                let d = &rec.doc;
                fn row<'r>(
                    d: &'r claimgraph::output::DocOut,
                    c: Option<&'r claimgraph::output::ClaimOut>,
                ) -> ExportCsv<'r> {
                    ExportCsv {
                        doc_id: &d.id,
                        source: &d.source,
                        title: d.title.as_deref().unwrap_or(""),
                        published: d.published.as_deref().unwrap_or(""),
                        claim_id: c.map(|c| c.id.as_str()).unwrap_or(""),
                        speaker_entity: c.and_then(|c| c.speaker.entity.as_deref()).unwrap_or(""),
                        speaker_name: c.and_then(|c| c.speaker.name.as_deref()).unwrap_or(""),
                        speaker_text: c.map(|c| c.speaker.text.as_str()).unwrap_or(""),
                        cue: c.map(|c| c.cue.text.as_str()).unwrap_or(""),
                        content: c.map(|c| c.content.text.as_str()).unwrap_or(""),
                        content_start: c.map(|c| c.content.start),
                        content_end: c.map(|c| c.content.end),
                        stance: c.map(|c| c.stance.as_str()).unwrap_or(""),
                        kind: c.map(|c| c.kind.as_str()).unwrap_or(""),
                        hedged: c.map(|c| c.hedged),
                        confidence: c.map(|c| c.confidence),
                    }
                }
                let base = |c| row(d, c);
                let rows: Vec<ExportCsv<'_>> = if rec.claims.is_empty() {
                    vec![base(None)]
                } else {
                    rec.claims.iter().map(|c| base(Some(c))).collect()
                };
                for row in rows {
                    if let Err(e) = w.serialize(row) {
                        failed.get_or_insert(e);
                    }
                }
                Ok(())
            })?;
            if let Some(e) = failed {
                return Err(e.into());
            }
            w.flush()?;
        }
        ExportFormat::Plover => {
            ledger.export(|rec| {
                claimgraph::events::export::write_plover(&mut out, &rec)?;
                Ok(())
            })?;
        }
        ExportFormat::AcledCsv | ExportFormat::GdeltTsv => {
            use claimgraph::events::export;
            let acled = a.format == ExportFormat::AcledCsv;
            let mut w = if acled { export::acled_writer(&mut out) } else { export::gdelt_writer(&mut out) };
            let (mut failed, mut id): (Option<csv::Error>, u64) = (None, 1);
            ledger.export(|rec| {
                let r = if acled {
                    export::write_acled_csv(&mut w, &rec)
                } else {
                    export::write_gdelt_tsv(&mut w, &rec, &mut id)
                };
                if let Err(e) = r {
                    failed.get_or_insert(e);
                }
                Ok(())
            })?;
            if let Some(e) = failed {
                return Err(e.into());
            }
            w.flush()?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
