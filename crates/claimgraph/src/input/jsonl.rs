//! JSON Lines input: one `{"text", "title", "url", "published"}` object per
//! line; `html` may stand in for `text`.

use serde::Deserialize;

use crate::document::{DocMeta, RawBody, RawDocument};
use crate::error::{Error, Result};

#[derive(Deserialize)]
struct Record {
    text: Option<String>,
    html: Option<String>,
    title: Option<String>,
    url: Option<String>,
    published: Option<String>,
    #[serde(alias = "date")]
    date_published: Option<String>,
}

/// Reads every line of a JSON Lines file; a bad line becomes an error naming
/// `name#line`, and the other lines still come.
pub fn read(name: &str, text: &str) -> Vec<Result<RawDocument>> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let here = format!("{name}#{}", n + 1);
        let rec: Record = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                out.push(Err(Error::Format { path: here, message: format!("not a JSON object: {e}") }));
                continue;
            }
        };
        let body = match (rec.text, rec.html) {
            (Some(t), _) if !t.trim().is_empty() => RawBody::Text(t),
            (_, Some(h)) if !h.trim().is_empty() => RawBody::Html(h),
            _ => {
                out.push(Err(Error::Empty { path: here }));
                continue;
            }
        };
        let source = rec.url.clone().unwrap_or(here);
        out.push(Ok(RawDocument {
            meta: DocMeta { source, title: rec.title, published: rec.published.or(rec.date_published), url: rec.url },
            body,
        }));
    }
    out
}
