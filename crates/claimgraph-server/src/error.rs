//! Errors: [`ApiError`] is what a request gets back (a status and a JSON
//! `{"error": message}`, never a stack trace); [`ServerError`] is what
//! starting the server can fail with.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use claimgraph_ledger::LedgerError;
use serde::Serialize;

/// An error answered to a client as `{"error": "..."}` with a status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// A one-line message for the user.
    pub message: String,
}

/// The JSON body of every error response.
#[derive(Serialize)]
struct ErrorBody<'a> {
    error: &'a str,
    status: u16,
}

impl ApiError {
    /// An error with this status and message.
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError { status, message: message.into() }
    }

    /// 400: the request is malformed.
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    /// 404: nothing by that name.
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }

    /// 500: our fault. The detail goes to the server's log, not the client.
    pub fn internal(detail: impl std::fmt::Display) -> ApiError {
        eprintln!("claimgraph serve: internal error: {detail}");
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal error; see the server log")
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.status.as_u16(), self.message)
    }
}

impl std::error::Error for ApiError {}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        json_error(self.status, &self.message)
    }
}

/// A JSON error response.
pub fn json_error(status: StatusCode, message: &str) -> Response {
    let body = serde_json::to_vec(&ErrorBody { error: message, status: status.as_u16() })
        .unwrap_or_else(|_| br#"{"error":"error"}"#.to_vec());
    (status, [(axum::http::header::CONTENT_TYPE, "application/json")], body).into_response()
}

impl From<LedgerError> for ApiError {
    fn from(e: LedgerError) -> ApiError {
        match e {
            LedgerError::NoSuchEntity(_) => ApiError::not_found(e.to_string()),
            LedgerError::Ambiguous { .. } => ApiError::new(StatusCode::CONFLICT, e.to_string()),
            LedgerError::Invalid(_) => ApiError::bad_request(e.to_string()),
            // A busy database is a temporary condition the client may retry.
            LedgerError::Sqlite(rusqlite_err) if is_busy(&rusqlite_err) => {
                ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "the ledger is busy; retry")
            }
            other => ApiError::internal(other),
        }
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    e.sqlite_error_code()
        .is_some_and(|c| matches!(c, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked))
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The ledger could not be opened.
    #[error("opening the ledger {path}: {source}")]
    Ledger {
        /// The ledger file.
        path: String,
        /// What went wrong.
        source: LedgerError,
    },
    /// The address could not be bound.
    #[error("listening on {addr}: {source}")]
    Bind {
        /// The address asked for.
        addr: String,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The server stopped with an I/O error.
    #[error("serving: {0}")]
    Serve(#[from] std::io::Error),
    /// The configuration is unusable.
    #[error("{0}")]
    Config(String),
}
