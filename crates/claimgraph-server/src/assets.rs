//! The web page's files, embedded in the binary. Each has its own route, so
//! no request path is ever turned into a file path: nothing outside this
//! fixed set can be served.

use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

/// One embedded file.
pub struct Asset {
    /// The URL path it is served at.
    pub path: &'static str,
    /// Its media type.
    pub mime: &'static str,
    /// Its bytes.
    pub body: &'static [u8],
}

/// Every file the server serves besides the API.
pub const ASSETS: &[Asset] = &[
    Asset { path: "/", mime: "text/html; charset=utf-8", body: include_bytes!("../assets/index.html") },
    Asset { path: "/app.js", mime: "text/javascript; charset=utf-8", body: include_bytes!("../assets/app.js") },
    Asset { path: "/app.css", mime: "text/css; charset=utf-8", body: include_bytes!("../assets/app.css") },
    Asset { path: "/favicon.svg", mime: "image/svg+xml", body: include_bytes!("../assets/favicon.svg") },
    Asset { path: "/openapi.json", mime: "application/json", body: include_bytes!("../assets/openapi.json") },
];

/// FNV-1a: a short, stable fingerprint of an asset for its ETag (not a
/// security measure; the assets are our own).
fn fingerprint(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Routes serving the assets. Browsers revalidate each load with the ETag
/// (`no-cache`), so a new binary's page is never mixed with an old script.
pub fn routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
    let mut router = Router::new();
    for asset in ASSETS {
        let etag = format!("\"{:016x}\"", fingerprint(asset.body));
        let mime = asset.mime;
        let body = asset.body;
        router = router.route(
            asset.path,
            get(move |headers: HeaderMap| {
                let etag = etag.clone();
                async move { serve(&headers, &etag, mime, body) }
            }),
        );
    }
    router
}

fn serve(headers: &HeaderMap, etag: &str, mime: &'static str, body: &'static [u8]) -> Response {
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag));
    let etag_value = HeaderValue::from_str(etag).unwrap_or_else(|_| HeaderValue::from_static("\"0\""));
    let cache = HeaderValue::from_static("no-cache");
    if fresh {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, etag_value), (header::CACHE_CONTROL, cache)])
            .into_response();
    }
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(mime)),
            (header::ETAG, etag_value),
            (header::CACHE_CONTROL, cache),
        ],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assets_are_distinct_and_fingerprinted() {
        let mut paths: Vec<&str> = ASSETS.iter().map(|a| a.path).collect();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), ASSETS.len());
        assert_ne!(fingerprint(b"a"), fingerprint(b"b"));
        assert!(ASSETS.iter().all(|a| !a.body.is_empty()));
    }

    #[test]
    fn openapi_is_json() {
        let doc: serde_json::Value =
            serde_json::from_slice(include_bytes!("../assets/openapi.json")).expect("valid JSON");
        assert_eq!(doc["openapi"].as_str().map(|v| &v[..2]), Some("3."));
    }
}
