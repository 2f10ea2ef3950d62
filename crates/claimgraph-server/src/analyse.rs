//! `POST /api/analyse`: analyse a pasted text or HTML page and return its
//! record at once; with `"store": true` (and the write token) add it to the
//! ledger and return the stored record, with the ledger's entity ids.

use std::sync::Arc;
use std::time::Instant;

use axum::extract::State;
use axum::http::HeaderMap;
use axum::Json;
use claimgraph::output::DocRecord;
use claimgraph::{DocMeta, RawBody, RawDocument};
use claimgraph_ledger::{LedgerWriter, WriteReport};
use serde::{Deserialize, Serialize};

use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::state::AppState;

/// Body of `/api/analyse`: exactly one of `text` and `html`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnalyseRequest {
    /// Plain text of an article.
    text: Option<String>,
    /// An HTML page (nothing is fetched: links and images are ignored).
    html: Option<String>,
    /// A title, when the text has none.
    title: Option<String>,
    /// Where the article comes from.
    url: Option<String>,
    /// Publication date (ISO 8601).
    published: Option<String>,
    /// Add the document to the ledger (needs the write token).
    #[serde(default)]
    store: bool,
}

/// What an analysis returns.
#[derive(Serialize)]
pub struct AnalyseResponse {
    /// The analysed document, in the extract record shape.
    pub record: DocRecord,
    /// When stored: what the ledger did.
    pub stored: Option<WriteReport>,
    /// Time spent analysing, in milliseconds.
    pub analysis_ms: f64,
}

/// The handler.
pub async fn analyse(
    State(st): State<Arc<AppState>>,
    headers: HeaderMap,
    ApiJson(req): ApiJson<AnalyseRequest>,
) -> Result<Json<AnalyseResponse>, ApiError> {
    if req.store {
        st.check_write(&headers)?;
    }
    let body = match (req.text, req.html) {
        (Some(t), None) => RawBody::Text(t),
        (None, Some(h)) => RawBody::Html(h),
        _ => return Err(ApiError::bad_request("give exactly one of \"text\" and \"html\"")),
    };
    let clean_url = req.url.map(|u| u.trim().to_string()).filter(|u| !u.is_empty());
    let meta = DocMeta {
        source: clean_url.clone().unwrap_or_else(|| "workbench".to_string()),
        title: req.title.filter(|t| !t.trim().is_empty()),
        published: req.published.filter(|p| !p.trim().is_empty()),
        url: clean_url,
    };
    let raw = RawDocument { meta, body };
    let store = req.store;
    let (doc, analysis_ms) = st
        .analyse(move |_, pipeline| {
            let t = Instant::now();
            let doc = pipeline.analyse_raw(raw).map_err(|e| ApiError::bad_request(e.to_string()))?;
            Ok((doc, t.elapsed().as_secs_f64() * 1e3))
        })
        .await?;
    if !store {
        return Ok(Json(AnalyseResponse { record: DocRecord::from_document(&doc), stored: None, analysis_ms }));
    }
    let id = doc.id.clone();
    let (record, report) = st
        .write(move |s| {
            let mut writer = LedgerWriter::open(s.db_path())?;
            let report = writer.write_documents(vec![doc])?;
            // Each stored document adds a segment to the full-text index;
            // past a bound they are merged (seconds on a 1M-claim ledger,
            // once every several stores), so that searches stay cheap.
            writer.merge_search_index()?;
            drop(writer);
            let record = s
                .reader()?
                .document(&id)?
                .ok_or_else(|| ApiError::internal(format!("stored document {id} not found")))?;
            Ok((record, report))
        })
        .await?;
    Ok(Json(AnalyseResponse { record, stored: Some(report), analysis_ms }))
}
