//! Middleware that hardens every response: a strict Content-Security-Policy
//! and related headers, JSON bodies for every error (including the ones the
//! router and layers make), a JSON 500 for a panic, and a Host check that
//! keeps a loopback server from being read by other sites through DNS
//! rebinding.

use std::any::Any;

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

use crate::error::json_error;

/// The page may load only its own script, style, images and API: no inline
/// script or style, no plugins, no frames, no external hosts.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
img-src 'self' data:; connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; \
form-action 'none'; frame-ancestors 'none'";

/// Adds the security headers to every response; API answers are not cached.
pub async fn headers(req: Request, next: Next) -> Response {
    let is_api = req.uri().path().starts_with("/api/");
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    let set = |h: &mut axum::http::HeaderMap, name: HeaderName, value: &'static str| {
        h.insert(name, HeaderValue::from_static(value));
    };
    set(h, header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY);
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(h, header::REFERRER_POLICY, "no-referrer");
    set(h, header::X_FRAME_OPTIONS, "DENY");
    set(h, HeaderName::from_static("cross-origin-opener-policy"), "same-origin");
    set(h, HeaderName::from_static("cross-origin-resource-policy"), "same-origin");
    set(h, HeaderName::from_static("permissions-policy"), "camera=(), microphone=(), geolocation=(), payment=()");
    if is_api {
        set(h, header::CACHE_CONTROL, "no-store");
    }
    res
}

/// Replaces the body of any error response that is not already JSON (405
/// from the router, 413 from the body limit, ...) with `{"error": ...}`.
pub async fn json_errors(req: Request, next: Next) -> Response {
    let res = next.run(req).await;
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return res;
    }
    let is_json = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if is_json {
        return res;
    }
    let message = match status {
        StatusCode::METHOD_NOT_ALLOWED => "method not allowed on this path",
        StatusCode::NOT_FOUND => "no such path",
        StatusCode::PAYLOAD_TOO_LARGE => "the request body is too large",
        s => s.canonical_reason().unwrap_or("error"),
    };
    let mut out = json_error(status, message);
    if let Some(allow) = res.headers().get(header::ALLOW) {
        out.headers_mut().insert(header::ALLOW, allow.clone());
    }
    out
}

/// The 404 for every path that is neither an asset nor an API route.
pub async fn not_found() -> Response {
    json_error(StatusCode::NOT_FOUND, "no such path")
}

/// A panic in a handler becomes a JSON 500; the detail goes to the log.
pub fn panic_response(err: Box<dyn Any + Send + 'static>) -> Response<Body> {
    let detail = err
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| err.downcast_ref::<&str>().copied())
        .unwrap_or("unknown panic");
    eprintln!("claimgraph serve: handler panicked: {detail}");
    json_error(StatusCode::INTERNAL_SERVER_ERROR, "internal error; see the server log")
}

/// Whether a Host header names this machine's loopback interface.
pub fn is_loopback_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        // [::1]:8080
        Some(rest) => rest.split(']').next().unwrap_or(""),
        None => host
            .rsplit_once(':')
            .map_or(host, |(h, port)| if port.bytes().all(|b| b.is_ascii_digit()) { h } else { host }),
    };
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    name == "localhost"
        || name.ends_with(".localhost")
        || name.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// For a server bound to loopback: refuses requests whose Host is not a
/// loopback name, so that a web page on another site cannot rebind its
/// DNS name to 127.0.0.1 and read the ledger through the user's browser.
pub async fn loopback_host_only(req: Request, next: Next) -> Response {
    let ok = req.headers().get(header::HOST).and_then(|v| v.to_str().ok()).is_some_and(is_loopback_host);
    if !ok {
        return json_error(StatusCode::MISDIRECTED_REQUEST, "this server answers only to localhost addresses");
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::is_loopback_host;

    #[test]
    fn loopback_hosts() {
        for h in ["localhost", "localhost:8080", "127.0.0.1:8080", "127.0.0.2", "[::1]:80", "app.localhost:1"] {
            assert!(is_loopback_host(h), "{h}");
        }
        for h in ["evil.example:8080", "10.0.0.1", "localhost.evil.com", "", "[::2]:80"] {
            assert!(!is_loopback_host(h), "{h}");
        }
    }
}
