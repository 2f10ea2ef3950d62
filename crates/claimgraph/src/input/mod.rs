//! Input readers: turn the paths, URLs and streams a user names into
//! [`RawDocument`]s, one bad input at a time never stopping the rest.
//!
//! This module is the single entry point for every command that reads
//! articles (`extract`, `ingest`, the server):
//!
//! ```no_run
//! use claimgraph::input::{expand_sources, read_input};
//! for input in expand_sources(&["articles/".to_string(), "-".to_string()]) {
//!     let input = match input {
//!         Ok(i) => i,
//!         Err(e) => { eprintln!("skipped {e}"); continue; }
//!     };
//!     for doc in read_input(&input) {
//!         match doc {
//!             Ok(raw) => { /* clean and analyse `raw` */ }
//!             Err(e) => eprintln!("skipped {e}"),
//!         }
//!     }
//! }
//! ```
//!
//! A source is a file (format by extension, else sniffed from its first
//! bytes), a directory (walked recursively, in sorted order), an `http(s)://`
//! URL (fetched once, with a timeout and a size limit), or `-` for standard
//! input (format sniffed). Gzip-compressed inputs (`.gz`, or the gzip magic
//! bytes) are decompressed on the fly.
//!
//! Container formats (JSON Lines, RSS/Atom/JSON feeds, WARC archives) yield
//! one document per record and are *streamed*: [`read_input`] returns an
//! iterator, so a WARC of hundreds of megabytes never sits in memory whole.
//! Limits are per document for containers ([`MAX_RECORD_BYTES`]) and per file
//! for single-document files ([`MAX_FILE_BYTES`]). Every error names the input,
//! and for a record inside a container also the record (`file#line`).

pub mod decode;
pub mod feed;
pub mod http;
pub mod jsonl;
mod limited;
pub mod warc;

use std::fs::{self, File};
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use crate::document::{DocMeta, RawBody, RawDocument};
use crate::error::{Error, Result};

pub use limited::read_limited;

/// A stream of documents read from one input. Errors about single records
/// come in their place; the stream goes on after them unless the container
/// itself is broken.
pub type DocStream = Box<dyn Iterator<Item = Result<RawDocument>> + Send>;

/// A readable byte stream an input is parsed from.
pub type ByteStream = Box<dyn BufRead + Send>;

/// Single-document files (text, HTML) larger than this are refused: a news
/// article is a few KB of text or a few hundred KB of HTML, so a 50 MB
/// "article" is a mistake or an attack.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// A single record inside a container (one JSON line, one WARC record, one
/// fetched page) larger than this is skipped with a message; the other
/// records of the container are still read.
pub const MAX_RECORD_BYTES: u64 = 16 * 1024 * 1024;

/// Feeds are parsed whole by `feed-rs`, so a feed file or a fetched URL is
/// limited to this size.
pub const MAX_FEED_BYTES: u64 = 64 * 1024 * 1024;

/// How many bytes are read ahead to guess the format of an input.
const SNIFF_BYTES: usize = 4096;

/// The format of one input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Text,
    /// An HTML page.
    Html,
    /// JSON Lines, one `{"text","title","url","published"}` per line.
    Jsonl,
    /// An RSS 2.0, Atom or JSON feed.
    Feed,
    /// A WARC archive.
    Warc,
}

impl Format {
    /// The format implied by a file name, if any. A trailing `.gz` is looked
    /// through (`news.jsonl.gz` is JSON Lines, `crawl.warc.gz` is WARC).
    pub fn from_path(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_string_lossy().to_lowercase();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        let ext = name.rsplit_once('.')?.1;
        match ext {
            "warc" | "arc" => Some(Format::Warc),
            "txt" | "text" | "md" => Some(Format::Text),
            "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "rss" | "atom" | "xml" => Some(Format::Feed),
            _ => None,
        }
    }

    /// Guesses the format of (decompressed) content whose name says nothing.
    pub fn sniff(bytes: &[u8]) -> Format {
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(SNIFF_BYTES)]).to_lowercase();
        let trimmed = head.trim_start_matches('\u{feff}').trim_start();
        if trimmed.starts_with("warc/") {
            Format::Warc
        } else if trimmed.starts_with('{') {
            // A JSON Feed is one (usually pretty-printed) object naming its
            // version; anything else starting with `{` is taken as JSON Lines.
            if head.contains("jsonfeed.org/version") {
                Format::Feed
            } else {
                Format::Jsonl
            }
        } else if trimmed.starts_with("<rss")
            || trimmed.starts_with("<feed")
            || trimmed.starts_with("<rdf:rdf")
            || (trimmed.starts_with("<?xml")
                && (head.contains("<rss") || head.contains("<feed") || head.contains("<rdf")))
        {
            Format::Feed
        } else if trimmed.starts_with("<!doctype html")
            || trimmed.starts_with("<html")
            || trimmed.starts_with("<?xml") && head.contains("<html")
            || (trimmed.starts_with('<')
                && ["<head", "<body", "<p>", "<p ", "<div", "<article", "<meta", "<title"]
                    .iter()
                    .any(|t| head.contains(t)))
        {
            Format::Html
        } else {
            Format::Text
        }
    }
}

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file on disk.
    File(PathBuf),
    /// Standard input.
    Stdin,
    /// An `http://` or `https://` URL (a feed, a page, or any other format).
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

/// True for the files that describe a collection rather than belong to it
/// (README, LICENSE, NOTICE, CHANGELOG...): a directory of articles often
/// carries one, and it is no article. Named explicitly, such a file is read.
fn is_project_file(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy().to_ascii_uppercase();
    let stem = name.split('.').next().unwrap_or("");
    matches!(stem, "README" | "LICENSE" | "LICENCE" | "COPYING" | "NOTICE" | "CHANGELOG" | "AUTHORS")
}

/// Expands user-given sources into the inputs to read, lazily: files as
/// given, directories walked recursively (sorted by name, hidden entries
/// and a collection's README or LICENSE skipped, symbolic links not followed), URLs and `-` kept as they are.
/// A source that does not exist, or a directory entry that cannot be listed,
/// comes back as an error naming it, in its place.
pub fn expand_sources(sources: &[String]) -> Sources {
    Sources { pending: sources.iter().cloned().collect(), walk: None }
}

type Walk = Box<dyn Iterator<Item = walkdir::Result<walkdir::DirEntry>> + Send>;

/// The iterator [`expand_sources`] returns.
pub struct Sources {
    pending: std::collections::VecDeque<String>,
    walk: Option<(String, Walk)>,
}

impl Iterator for Sources {
    type Item = Result<Input>;

    fn next(&mut self) -> Option<Result<Input>> {
        loop {
            if let Some((root, walk)) = &mut self.walk {
                match walk.next() {
                    Some(Ok(e)) if e.file_type().is_file() && !is_project_file(e.file_name()) => {
                        return Some(Ok(Input::File(e.into_path())))
                    }
                    Some(Ok(_)) => continue,
                    Some(Err(err)) => {
                        let p = err.path().map(|p| p.display().to_string()).unwrap_or_else(|| root.clone());
                        let io =
                            err.into_io_error().unwrap_or_else(|| std::io::Error::other("cannot walk the directory"));
                        return Some(Err(Error::Io { path: p, source: io }));
                    }
                    None => self.walk = None,
                }
            }
            let s = self.pending.pop_front()?;
            if s == "-" {
                return Some(Ok(Input::Stdin));
            }
            let lower = s.to_ascii_lowercase();
            if lower.starts_with("http://") || lower.starts_with("https://") {
                return Some(Ok(Input::Url(s)));
            }
            let path = PathBuf::from(&s);
            match fs::metadata(&path) {
                Ok(m) if m.is_dir() => {
                    let walk: Walk = Box::new(
                        walkdir::WalkDir::new(&path)
                            .sort_by_file_name()
                            .into_iter()
                            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')),
                    );
                    self.walk = Some((s, walk));
                }
                Ok(_) => return Some(Ok(Input::File(path))),
                Err(e) => return Some(Err(Error::io(path, e))),
            }
        }
    }
}

/// Reads one input into a stream of documents. A single-document file yields
/// one; a container yields one per record. Failures come as errors in the
/// stream (an unreadable input yields exactly one error); nothing panics on
/// bad data.
pub fn read_input(input: &Input) -> DocStream {
    let name = input.name();
    match input {
        Input::File(p) => match File::open(p) {
            Ok(f) => {
                let size = f.metadata().ok().filter(|m| m.is_file()).map(|m| m.len());
                let stream: ByteStream = Box::new(BufReader::with_capacity(64 * 1024, f));
                read_stream(name, Format::from_path(p), stream, size)
            }
            Err(e) => once(Err(Error::io(p, e))),
        },
        Input::Stdin => {
            let stream: ByteStream = Box::new(BufReader::with_capacity(64 * 1024, std::io::stdin()));
            read_stream(name, None, stream, None)
        }
        Input::Url(url) => match http::fetch(url) {
            Ok(page) => {
                let hint = page.format_hint().or_else(|| Format::from_path(Path::new(url_path(url))));
                let size = Some(page.body.len() as u64);
                let stream: ByteStream = Box::new(Cursor::new(page.body));
                read_stream(name, hint, stream, size)
            }
            Err(e) => once(Err(e)),
        },
    }
}

/// Reads documents from a byte stream: `hint` is the format its name or
/// content type implies (else the content is sniffed); `size` is the total
/// size when known (to refuse an oversized single-document file without
/// reading it). This is what [`read_input`] does after opening the input;
/// call it directly for bytes from elsewhere.
pub fn read_stream(name: String, hint: Option<Format>, stream: ByteStream, size: Option<u64>) -> DocStream {
    let (head, stream) = match peek(stream) {
        Ok(x) => x,
        Err(e) => return once(Err(Error::Io { path: name, source: e })),
    };
    if head.starts_with(&[0x1f, 0x8b]) {
        // Gzip: decompress on the fly, then sniff the content again. The
        // compressed size says nothing about the content's.
        let gz: ByteStream =
            Box::new(BufReader::with_capacity(64 * 1024, flate2::bufread::MultiGzDecoder::new(stream)));
        let (head, stream) = match peek(gz) {
            Ok(x) => x,
            Err(e) => return once(Err(Error::Format { path: name, message: format!("bad gzip data: {e}") })),
        };
        let format = hint.unwrap_or_else(|| Format::sniff(&head));
        return dispatch(name, format, &head, stream, None);
    }
    let format = hint.unwrap_or_else(|| Format::sniff(&head));
    dispatch(name, format, &head, stream, size)
}

fn dispatch(name: String, format: Format, head: &[u8], stream: ByteStream, size: Option<u64>) -> DocStream {
    if head.is_empty() {
        return once(Err(Error::Empty { path: name }));
    }
    // WARC payloads may legitimately hold binary data; every other format is
    // text, and a binary file is best reported once rather than parsed.
    if format != Format::Warc && decode::looks_binary(head) {
        return once(Err(Error::Binary { path: name }));
    }
    match format {
        Format::Text | Format::Html => {
            if let Some(size) = size.filter(|&s| s > MAX_FILE_BYTES) {
                return once(Err(Error::TooLarge { path: name, size, limit: MAX_FILE_BYTES }));
            }
            let bytes = match read_limited(&name, stream, MAX_FILE_BYTES) {
                Ok(b) => b,
                Err(e) => return once(Err(e)),
            };
            once(single_document(&name, format, bytes))
        }
        Format::Jsonl => Box::new(jsonl::JsonlReader::new(name, stream)),
        Format::Feed => {
            if let Some(size) = size.filter(|&s| s > MAX_FEED_BYTES) {
                return once(Err(Error::TooLarge { path: name, size, limit: MAX_FEED_BYTES }));
            }
            match read_limited(&name, stream, MAX_FEED_BYTES) {
                Ok(bytes) => feed::read(name, &bytes),
                Err(e) => once(Err(e)),
            }
        }
        Format::Warc => warc::stream(name, stream),
    }
}

/// Builds the one document of a text or HTML file from its bytes.
pub fn single_document(name: &str, format: Format, bytes: Vec<u8>) -> Result<RawDocument> {
    let body = match format {
        Format::Html => RawBody::Html(decode::decode_html(name, bytes, None)?),
        _ => RawBody::Text(decode::decode_text(name, bytes)?),
    };
    Ok(RawDocument { meta: DocMeta { source: name.to_string(), ..Default::default() }, body })
}

/// Parses the complete bytes of an input of a known format (a convenience
/// over [`read_stream`] for bytes already in memory).
pub fn read_bytes(name: &str, format: Format, bytes: Vec<u8>) -> DocStream {
    let size = Some(bytes.len() as u64);
    read_stream(name.to_string(), Some(format), Box::new(Cursor::new(bytes)), size)
}

/// Reads up to [`SNIFF_BYTES`] from the stream without losing them: returns
/// them and a stream that yields them again, followed by the rest.
fn peek(mut stream: ByteStream) -> std::io::Result<(Vec<u8>, ByteStream)> {
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    (&mut stream).take(SNIFF_BYTES as u64).read_to_end(&mut head)?;
    let rest: ByteStream = Box::new(BufReader::new(Cursor::new(head.clone()).chain(stream)));
    Ok((head, rest))
}

/// The path part of a URL (for a format hint from its extension).
fn url_path(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let path = rest.find('/').map_or("", |i| &rest[i..]);
    path.split(['?', '#']).next().unwrap_or("")
}

/// A stream of exactly one item.
fn once(item: Result<RawDocument>) -> DocStream {
    Box::new(std::iter::once(item))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_from_extension_looks_through_gz() {
        assert_eq!(Format::from_path(Path::new("a/crawl.warc.gz")), Some(Format::Warc));
        assert_eq!(Format::from_path(Path::new("news.JSONL")), Some(Format::Jsonl));
        assert_eq!(Format::from_path(Path::new("news.jsonl.gz")), Some(Format::Jsonl));
        assert_eq!(Format::from_path(Path::new("page.htm")), Some(Format::Html));
        assert_eq!(Format::from_path(Path::new("feed.xml")), Some(Format::Feed));
        assert_eq!(Format::from_path(Path::new("README")), None);
        assert_eq!(Format::from_path(Path::new("x.gz")), None);
    }

    #[test]
    fn sniffing_recognises_each_format() {
        assert_eq!(Format::sniff(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n"), Format::Warc);
        assert_eq!(Format::sniff(b"{\"text\": \"a\"}\n"), Format::Jsonl);
        assert_eq!(Format::sniff(b"{\n \"version\": \"https://jsonfeed.org/version/1.1\"}"), Format::Feed);
        assert_eq!(Format::sniff(b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"), Format::Feed);
        assert_eq!(Format::sniff(b"  <feed xmlns=\"http://www.w3.org/2005/Atom\">"), Format::Feed);
        assert_eq!(Format::sniff(b"<!DOCTYPE html><html><body>"), Format::Html);
        assert_eq!(Format::sniff(b"<div><p>Hello</p></div>"), Format::Html);
        assert_eq!(Format::sniff(b"Headline\n\nA <b>bold</b> claim."), Format::Text);
        assert_eq!(Format::sniff(b""), Format::Text);
    }

    #[test]
    fn url_path_drops_host_query_and_fragment() {
        assert_eq!(url_path("https://example.org/feeds/world.rss?x=1#top"), "/feeds/world.rss");
        assert_eq!(url_path("http://example.org"), "");
    }

    #[test]
    fn read_bytes_handles_text_html_and_errors() {
        let docs: Vec<_> = read_bytes("a.txt", Format::Text, b"Hello world.\n".to_vec()).collect();
        assert!(matches!(&docs[..], [Ok(RawDocument { body: RawBody::Text(t), .. })] if t == "Hello world.\n"));
        let docs: Vec<_> = read_bytes("a.html", Format::Html, b"<p>Hi</p>".to_vec()).collect();
        assert!(matches!(&docs[..], [Ok(RawDocument { body: RawBody::Html(_), .. })]));
        let docs: Vec<_> = read_bytes("e.txt", Format::Text, Vec::new()).collect();
        assert!(matches!(&docs[..], [Err(Error::Empty { path })] if path == "e.txt"));
        let docs: Vec<_> = read_bytes("b.txt", Format::Text, vec![0, 1, 2, 3, 0, 0, 7]).collect();
        assert!(matches!(&docs[..], [Err(Error::Binary { .. })]));
        let docs: Vec<_> = read_bytes("u.txt", Format::Text, b"caf\xe9 au lait".to_vec()).collect();
        assert!(matches!(&docs[..], [Err(Error::NotUtf8 { .. })]));
    }

    #[test]
    fn gzip_content_is_decompressed_and_sniffed() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"{\"text\":\"One.\"}\n{\"text\":\"Two.\"}\n").unwrap();
        let bytes = gz.finish().unwrap();
        let docs: Vec<_> = read_stream("x".into(), None, Box::new(Cursor::new(bytes)), None).collect();
        assert_eq!(docs.len(), 2);
        assert!(docs.iter().all(|d| d.is_ok()));
    }

    #[test]
    fn expand_sources_walks_sorted_and_skips_hidden() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        fs::create_dir(dir.path().join(".git")).unwrap();
        for f in ["b.txt", "a.txt", "sub/c.txt", ".hidden.txt", ".git/x.txt"] {
            fs::write(dir.path().join(f), "x").unwrap();
        }
        let root = dir.path().display().to_string();
        let got: Vec<_> =
            expand_sources(&[root.clone(), "-".into(), "https://x.org/f.rss".into(), root.clone() + "/nope"])
                .map(|r| match r {
                    Ok(Input::File(p)) => p.strip_prefix(dir.path()).unwrap().display().to_string(),
                    Ok(other) => other.name(),
                    Err(e) => format!("error {}", e.to_string().contains("nope")),
                })
                .collect();
        assert_eq!(got, ["a.txt", "b.txt", "sub/c.txt", "-", "https://x.org/f.rss", "error true"]);
    }
}
