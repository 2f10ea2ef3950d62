//! Input readers: turn the paths, URLs and streams a user names into
//! [`RawDocument`]s, one bad input at a time never stopping the rest.
//!
//! A source is a file (format by extension, or sniffed), a directory (walked
//! recursively, in sorted order), or `-` for standard input. Container formats
//! (JSON Lines, RSS/Atom feeds, WARC archives) yield one document per record.

pub mod jsonl;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::document::{DocMeta, RawBody, RawDocument};
use crate::error::{Error, Result};

/// Files larger than this are refused (a news article is a few KB; a 50 MB
/// "article" is a mistake or an attack).
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// The format of one input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Text,
    /// An HTML page.
    Html,
    /// JSON Lines, one `{"text","title","url","published"}` per line.
    Jsonl,
    /// An RSS or Atom feed.
    Feed,
    /// A WARC archive (optionally gzip-compressed).
    Warc,
}

impl Format {
    /// The format implied by a file name, if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_string_lossy().to_lowercase();
        if name.ends_with(".warc") || name.ends_with(".warc.gz") {
            return Some(Format::Warc);
        }
        let ext = path.extension()?.to_string_lossy().to_lowercase();
        match ext.as_str() {
            "txt" | "text" | "md" => Some(Format::Text),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "rss" | "atom" | "xml" => Some(Format::Feed),
            _ => None,
        }
    }

    /// Guesses the format of content whose name says nothing.
    pub fn sniff(bytes: &[u8]) -> Format {
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_lowercase();
        let trimmed = head.trim_start_matches('\u{feff}').trim_start();
        if trimmed.starts_with("warc/") {
            Format::Warc
        } else if trimmed.starts_with('{') {
            Format::Jsonl
        } else if trimmed.starts_with("<?xml") && (head.contains("<rss") || head.contains("<feed"))
            || trimmed.starts_with("<rss")
            || trimmed.starts_with("<feed")
        {
            Format::Feed
        } else if trimmed.starts_with("<!doctype html")
            || trimmed.starts_with("<html")
            || (trimmed.starts_with('<') && (head.contains("<body") || head.contains("<p") || head.contains("<div")))
        {
            Format::Html
        } else {
            Format::Text
        }
    }
}

/// Expands user-given sources into the list of inputs to read: files as
/// given, directories walked recursively (sorted, hidden files skipped), `-`
/// kept as standard input. Unreadable directory entries come back as errors.
pub fn expand_sources(sources: &[String]) -> Vec<Result<Input>> {
    let mut out = Vec::new();
    for s in sources {
        if s == "-" {
            out.push(Ok(Input::Stdin));
            continue;
        }
        if s.starts_with("http://") || s.starts_with("https://") {
            out.push(Ok(Input::Url(s.clone())));
            continue;
        }
        let path = PathBuf::from(s);
        match fs::metadata(&path) {
            Ok(m) if m.is_dir() => {
                for entry in walkdir::WalkDir::new(&path)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
                {
                    match entry {
                        Ok(e) if e.file_type().is_file() => out.push(Ok(Input::File(e.into_path()))),
                        Ok(_) => {}
                        Err(err) => {
                            let p = err.path().map(|p| p.display().to_string()).unwrap_or_else(|| s.clone());
                            let io = err.into_io_error().unwrap_or_else(|| std::io::Error::other("cannot walk"));
                            out.push(Err(Error::Io { path: p, source: io }));
                        }
                    }
                }
            }
            Ok(_) => out.push(Ok(Input::File(path))),
            Err(e) => out.push(Err(Error::io(path, e))),
        }
    }
    out
}

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file on disk.
    File(PathBuf),
    /// Standard input.
    Stdin,
    /// A URL (only feeds are fetched; see `feed`).
    Url(String),
}

impl Input {
    /// The name used for the input in messages and `doc.source`.
    pub fn name(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "-".to_string(),
            Input::Url(u) => u.clone(),
        }
    }
}

/// Reads one input into its documents. A container yields several; a record
/// that fails yields an error in its place, and the others still come.
pub fn read_input(input: &Input) -> Vec<Result<RawDocument>> {
    let name = input.name();
    let bytes = match input {
        Input::File(p) => match read_limited_file(p) {
            Ok(b) => b,
            Err(e) => return vec![Err(e)],
        },
        Input::Stdin => {
            let mut buf = Vec::new();
            let stdin = std::io::stdin();
            match stdin.lock().take(MAX_FILE_BYTES + 1).read_to_end(&mut buf) {
                Ok(_) if buf.len() as u64 > MAX_FILE_BYTES => {
                    return vec![Err(Error::TooLarge { path: name, size: buf.len() as u64, limit: MAX_FILE_BYTES })]
                }
                Ok(_) => buf,
                Err(e) => return vec![Err(Error::Io { path: name, source: e })],
            }
        }
        Input::Url(u) => {
            return vec![Err(Error::Format {
                path: u.clone(),
                message: "fetching URLs is not supported; save the page or feed to a file".into(),
            })]
        }
    };
    let format = match input {
        Input::File(p) => Format::from_path(p).unwrap_or_else(|| Format::sniff(&bytes)),
        _ => Format::sniff(&bytes),
    };
    read_bytes(&name, format, bytes)
}

/// Parses the bytes of an input of a known format.
pub fn read_bytes(name: &str, format: Format, bytes: Vec<u8>) -> Vec<Result<RawDocument>> {
    match format {
        Format::Jsonl => match decode_text(name, bytes) {
            Ok(text) => jsonl::read(name, &text),
            Err(e) => vec![Err(e)],
        },
        Format::Text | Format::Html | Format::Feed | Format::Warc => {
            let is_html = format == Format::Html;
            match decode_text(name, bytes) {
                Ok(text) => {
                    let body = if is_html { RawBody::Html(text) } else { RawBody::Text(text) };
                    vec![Ok(RawDocument { meta: DocMeta { source: name.to_string(), ..Default::default() }, body })]
                }
                Err(e) => vec![Err(e)],
            }
        }
    }
}

/// Reads a file, refusing one over [`MAX_FILE_BYTES`].
pub fn read_limited_file(path: &Path) -> Result<Vec<u8>> {
    let meta = fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(Error::TooLarge { path: path.display().to_string(), size: meta.len(), limit: MAX_FILE_BYTES });
    }
    fs::read(path).map_err(|e| Error::io(path, e))
}

/// Decodes bytes as UTF-8 text, rejecting binary data and empty input.
pub fn decode_text(name: &str, bytes: Vec<u8>) -> Result<String> {
    let sample = &bytes[..bytes.len().min(8192)];
    // NUL bytes or a high share of control characters mean binary data.
    let controls =
        sample.iter().filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))).count();
    if sample.contains(&0) || controls * 20 > sample.len().max(1) {
        return Err(Error::Binary { path: name.to_string() });
    }
    let text = String::from_utf8(bytes).map_err(|_| Error::NotUtf8 { path: name.to_string() })?;
    let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Error::Empty { path: name.to_string() });
    }
    Ok(text)
}
