//! The JSON API over the ledger's read API (`/api/...`), described by
//! `assets/openapi.json`. Every list is paginated with `limit` (capped) and
//! `offset`; every failure is a JSON `{"error": ...}`.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::routing::{get, post};
use axum::{Json, Router};
use claimgraph::output::DocRecord;
use claimgraph_ledger::{
    ClaimFilter, ClaimRow, DecisionReport, DocumentSummary, EntityPage, EntitySummary, Ledger, LedgerStats,
    RelationFilter, RelationRow,
};
use serde::{Deserialize, Serialize};

use crate::error::ApiError;
use crate::extract::{ApiJson, ApiQuery};
use crate::json::{object, WriteJson};
use crate::state::{AppState, JsonBody};

/// Largest page of results any list returns.
pub const MAX_LIMIT: usize = 500;
/// Page size when none is asked for.
pub const DEFAULT_LIMIT: usize = 50;
/// Claims of each kind (by, about) and relations on an entity page, by default.
pub const ENTITY_PAGE_LIMIT: usize = 25;

/// Every API route as (method, path); `/openapi.json` describes exactly
/// these (a test checks both ways).
pub const API_PATHS: &[(&str, &str)] = &[
    ("GET", "/api/info"),
    ("GET", "/api/documents"),
    ("GET", "/api/documents/{id}"),
    ("GET", "/api/claims"),
    ("GET", "/api/entities"),
    ("GET", "/api/entities/{id}"),
    ("POST", "/api/merge"),
    ("POST", "/api/split"),
    ("GET", "/api/relations"),
    ("GET", "/api/search"),
    ("POST", "/api/analyse"),
];

/// The API's routes (listed in [`API_PATHS`]).
pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/api/info", get(info))
        .route("/api/documents", get(documents))
        .route("/api/documents/{id}", get(document))
        .route("/api/claims", get(claims))
        .route("/api/entities", get(entities))
        .route("/api/entities/{id}", get(entity_page))
        .route("/api/merge", post(merge))
        .route("/api/split", post(split))
        .route("/api/relations", get(relations))
        .route("/api/search", get(search))
        .route("/api/analyse", post(crate::analyse::analyse))
}

fn page(limit: Option<usize>, default: usize) -> Result<usize, ApiError> {
    match limit {
        None => Ok(default),
        Some(0) => Err(ApiError::bad_request("limit must be at least 1")),
        Some(l) if l > MAX_LIMIT => Err(ApiError::bad_request(format!("limit must be at most {MAX_LIMIT}"))),
        Some(l) => Ok(l),
    }
}

/// What the server serves and whether it accepts changes.
#[derive(Serialize)]
pub struct Info {
    /// claimgraph's version.
    pub version: &'static str,
    /// Whether write requests (analyse with `store`, merge, split) are accepted with the token.
    pub writable: bool,
    /// What the ledger holds.
    pub stats: LedgerStats,
}

async fn info(State(st): State<Arc<AppState>>) -> Result<Json<Info>, ApiError> {
    let writable = st.writable();
    let stats = st.read(|l| Ok(l.stats()?)).await?;
    Ok(Json(Info { version: env!("CARGO_PKG_VERSION"), writable, stats }))
}

/// Pagination parameters.
#[derive(Deserialize)]
pub struct PageQuery {
    limit: Option<usize>,
    #[serde(default)]
    offset: usize,
}

async fn documents(State(st): State<Arc<AppState>>, ApiQuery(q): ApiQuery<PageQuery>) -> Result<JsonBody, ApiError> {
    let limit = page(q.limit, DEFAULT_LIMIT)?;
    st.read_json(move |l| -> Result<Vec<DocumentSummary>, ApiError> { Ok(l.documents(Some(limit), q.offset)?) }).await
}

async fn document(State(st): State<Arc<AppState>>, Path(id): Path<String>) -> Result<JsonBody, ApiError> {
    st.read_json(move |l| -> Result<DocRecord, ApiError> {
        l.document(&id)?.ok_or_else(|| ApiError::not_found(format!("no document {id:?}")))
    })
    .await
}

/// Filters of `/api/claims`.
#[derive(Deserialize)]
pub struct ClaimsQuery {
    speaker: Option<String>,
    about: Option<String>,
    stance: Option<String>,
    since: Option<String>,
    until: Option<String>,
    q: Option<String>,
    #[serde(default)]
    include_copies: bool,
    limit: Option<usize>,
    #[serde(default)]
    offset: usize,
}

fn nonempty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

async fn claims(State(st): State<Arc<AppState>>, ApiQuery(q): ApiQuery<ClaimsQuery>) -> Result<JsonBody, ApiError> {
    let stance = nonempty(q.stance);
    if let Some(s) = &stance {
        if s != "affirms" && s != "denies" {
            return Err(ApiError::bad_request("stance must be affirms or denies"));
        }
    }
    let filter = ClaimFilter {
        speaker: nonempty(q.speaker),
        about: nonempty(q.about),
        stance,
        since: nonempty(q.since),
        until: nonempty(q.until),
        search: nonempty(q.q),
        include_copies: q.include_copies,
        limit: Some(page(q.limit, DEFAULT_LIMIT)?),
        offset: q.offset,
    };
    st.read_json(move |l| -> Result<Vec<ClaimRow>, ApiError> { Ok(l.claims(&filter)?) }).await
}

/// Filters of `/api/entities`.
#[derive(Deserialize)]
pub struct EntitiesQuery {
    q: Option<String>,
    limit: Option<usize>,
}

async fn entities(State(st): State<Arc<AppState>>, ApiQuery(q): ApiQuery<EntitiesQuery>) -> Result<JsonBody, ApiError> {
    let limit = page(q.limit, DEFAULT_LIMIT)?;
    let search = nonempty(q.q);
    st.read_json(move |l| -> Result<Vec<EntitySummary>, ApiError> { Ok(l.entities(search.as_deref(), Some(limit))?) })
        .await
}

async fn entity_page(
    State(st): State<Arc<AppState>>,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<EntitiesQuery>,
) -> Result<JsonBody, ApiError> {
    let limit = page(q.limit, ENTITY_PAGE_LIMIT)?;
    st.read_answer(move |l| -> Result<EntityPage, ApiError> { Ok(l.entity_page(&id, limit)?) }).await
}

/// Filters of `/api/relations`.
#[derive(Deserialize)]
pub struct RelationsQuery {
    entity: Option<String>,
    kind: Option<String>,
    limit: Option<usize>,
    #[serde(default)]
    offset: usize,
}

async fn relations(
    State(st): State<Arc<AppState>>,
    ApiQuery(q): ApiQuery<RelationsQuery>,
) -> Result<JsonBody, ApiError> {
    let kind = nonempty(q.kind);
    if let Some(k) = &kind {
        if k != "contradicts" && k != "corroborates" {
            return Err(ApiError::bad_request("kind must be contradicts or corroborates"));
        }
    }
    let filter = RelationFilter {
        entity: nonempty(q.entity),
        kind,
        limit: Some(page(q.limit, DEFAULT_LIMIT)?),
        offset: q.offset,
    };
    st.read_json(move |l| -> Result<Vec<RelationRow>, ApiError> { Ok(l.relations(&filter)?) }).await
}

/// Parameters of `/api/search`.
#[derive(Deserialize)]
pub struct SearchQuery {
    q: Option<String>,
    limit: Option<usize>,
}

/// A document found by a search, with how many of the found claims are in it.
#[derive(Serialize)]
pub struct DocumentHit {
    /// Document id.
    pub id: String,
    /// Source path or URL as ingested.
    pub source: String,
    /// Title.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Claims of this document among the found claims.
    pub matching_claims: usize,
}

/// Results of a search across entities, claims and documents.
#[derive(Serialize)]
pub struct SearchResults {
    /// The query.
    pub query: String,
    /// Entities with a spelling containing the query, most mentioned first.
    pub entities: Vec<EntitySummary>,
    /// Claims whose content or speaker words contain every query word, newest first.
    pub claims: Vec<ClaimRow>,
    /// Documents: the one whose id is the query, then those of the found claims.
    pub documents: Vec<DocumentHit>,
}

impl WriteJson for DocumentHit {
    fn write_json(&self, out: &mut Vec<u8>) {
        object!(out,
            "id" => self.id,
            "source" => self.source,
            "title" => self.title,
            "published" => self.published,
            "matching_claims" => self.matching_claims,
        );
    }
}

impl WriteJson for SearchResults {
    fn write_json(&self, out: &mut Vec<u8>) {
        object!(out,
            "query" => self.query,
            "entities" => self.entities,
            "claims" => self.claims,
            "documents" => self.documents,
        );
    }
}

/// Entities listed by a search, at most.
const SEARCH_ENTITIES: usize = 10;

async fn search(State(st): State<Arc<AppState>>, ApiQuery(q): ApiQuery<SearchQuery>) -> Result<JsonBody, ApiError> {
    let query = nonempty(q.q).ok_or_else(|| ApiError::bad_request("give a query: ?q=words"))?;
    if query.chars().count() > 200 {
        return Err(ApiError::bad_request("the query is longer than 200 characters"));
    }
    let limit = page(q.limit, DEFAULT_LIMIT)?;
    st.read_answer(move |l| l.snapshot(|l| search_ledger(l, query, limit))).await
}

fn search_ledger(l: &Ledger, query: String, limit: usize) -> Result<SearchResults, ApiError> {
    let entities = l.entities(Some(&query), Some(SEARCH_ENTITIES.min(limit)))?;
    let claims = l.search(&query, limit)?;
    let mut documents: Vec<DocumentHit> = Vec::new();
    if query.len() == 16 && query.bytes().all(|b| b.is_ascii_hexdigit()) {
        if let Some(rec) = l.document(&query.to_ascii_lowercase())? {
            documents.push(DocumentHit {
                id: rec.doc.id,
                source: rec.doc.source,
                title: rec.doc.title,
                published: rec.doc.published,
                matching_claims: 0,
            });
        }
    }
    for c in &claims {
        match documents.iter_mut().find(|d| d.id == c.doc_id) {
            Some(d) => d.matching_claims += 1,
            None => documents.push(DocumentHit {
                id: c.doc_id.clone(),
                source: c.source.clone(),
                title: c.title.clone(),
                published: c.published.clone(),
                matching_claims: 1,
            }),
        }
    }
    Ok(SearchResults { query, entities, claims, documents })
}

/// Body of `/api/merge`.
#[derive(Deserialize)]
pub struct MergeRequest {
    into: String,
    from: String,
}

async fn merge(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    ApiJson(req): ApiJson<MergeRequest>,
) -> Result<Json<DecisionReport>, ApiError> {
    st.check_write(&headers)?;
    let report = st
        .write(move |s| {
            let mut ledger = Ledger::open(s.db_path())?;
            Ok(ledger.merge_entities(&req.into, &req.from)?)
        })
        .await?;
    Ok(Json(report))
}

/// Body of `/api/split`.
#[derive(Deserialize)]
pub struct SplitRequest {
    entity: String,
    alias: String,
}

async fn split(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    ApiJson(req): ApiJson<SplitRequest>,
) -> Result<Json<DecisionReport>, ApiError> {
    st.check_write(&headers)?;
    let report = st
        .write(move |s| {
            let mut ledger = Ledger::open(s.db_path())?;
            Ok(ledger.split_entity(&req.entity, &req.alias)?)
        })
        .await?;
    Ok(Json(report))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::WriteJson;

    #[test]
    fn search_answers_as_serde_json_writes_them() {
        let s = "Quote \" back\\slash \n\u{1} ünï";
        let results = SearchResults {
            query: s.into(),
            entities: Vec::new(),
            claims: Vec::new(),
            documents: vec![
                DocumentHit {
                    id: "d1".into(),
                    source: s.into(),
                    title: None,
                    published: Some(s.into()),
                    matching_claims: 0,
                },
                DocumentHit {
                    id: s.into(),
                    source: "x".into(),
                    title: Some(s.into()),
                    published: None,
                    matching_claims: 7,
                },
            ],
        };
        let mut out = Vec::new();
        results.write_json(&mut out);
        assert_eq!(String::from_utf8(out).expect("utf-8"), serde_json::to_string(&results).expect("json"));
    }
}
