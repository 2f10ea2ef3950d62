//! Fetching an `http(s)://` source (a feed, a page, a JSON Lines or WARC
//! file) once, with a timeout and a size limit, through the small blocking
//! `ureq` client. Nothing else in claimgraph touches the network.

use std::time::Duration;

use super::{Format, MAX_FEED_BYTES};
use crate::error::{Error, Result};

/// The whole exchange (connect, redirects, body) must finish within this.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// A fetched body may not be larger than this.
pub const MAX_BYTES: u64 = MAX_FEED_BYTES;

/// A fetched resource.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// The body (decompressed when the server sent it gzipped).
    pub body: Vec<u8>,
}

impl Fetched {
    /// The format the content type names, when it names one clearly.
    pub fn format_hint(&self) -> Option<Format> {
        let ct = self.content_type.as_deref()?.split(';').next()?.trim().to_ascii_lowercase();
        match ct.as_str() {
            "application/rss+xml" | "application/atom+xml" | "application/rdf+xml" | "application/feed+json" => {
                Some(Format::Feed)
            }
            "text/html" | "application/xhtml+xml" => Some(Format::Html),
            "text/plain" => Some(Format::Text),
            "application/x-ndjson" | "application/jsonl" | "application/x-jsonlines" => Some(Format::Jsonl),
            "application/warc" => Some(Format::Warc),
            // text/xml, application/json and the like: sniff the content.
            _ => None,
        }
    }
}

/// Fetches `url` with a GET request: at most [`TIMEOUT`], at most
/// [`MAX_BYTES`], up to 5 redirects. A non-2xx status is an error naming the
/// URL.
pub fn fetch(url: &str) -> Result<Fetched> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(TIMEOUT))
        .max_redirects(5)
        .user_agent(concat!("claimgraph/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let fail = |message: String| Error::Format { path: url.to_string(), message };
    let mut response = agent.get(url).call().map_err(|e| fail(format!("cannot fetch: {e}")))?;
    let content_type = response.headers().get("content-type").and_then(|v| v.to_str().ok()).map(str::to_string);
    let body = response.body_mut().with_config().limit(MAX_BYTES).read_to_vec().map_err(|e| match e {
        ureq::Error::BodyExceedsLimit(_) => super::limited::too_large(url, MAX_BYTES),
        other => fail(format!("cannot fetch: {other}")),
    })?;
    Ok(Fetched { content_type, body })
}
