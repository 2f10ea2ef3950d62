//! WARC and WARC.gz input (Common Crawl news style), streamed through the
//! `warc` crate: `response` records whose HTTP payload is an HTML or text
//! page (status 2xx), plus `resource` and `conversion` (WET) records holding
//! HTML or text. The HTTP headers are stripped (a gzip or chunked payload is
//! decoded) and `WARC-Target-URI` becomes the document's URL and source.
//! Requests, metadata, redirects, images and scripts are skipped silently:
//! they are not articles.
//!
//! `warc`'s streaming iterator borrows its reader, so the records are read on
//! a small thread of their own and handed over through a bounded channel:
//! the caller gets an ordinary iterator, and memory holds at most a few
//! records. (`WarcReader::from_path` is not used: it opens files for
//! writing and fails; see the crate notes.)

use std::io::{BufRead, Read};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::thread::JoinHandle;

use warc::{RecordType, WarcHeader, WarcReader};

use super::decode::{content_type_charset, decode_html, decode_text};
use super::{ByteStream, DocStream, Format, MAX_RECORD_BYTES};
use crate::document::{DocMeta, RawBody, RawDocument};
use crate::error::{Error, Result};

/// The header block of one record may not be longer than this (real ones
/// are well under 4 KB); without it a file of garbage would be buffered
/// whole while looking for the end of the headers.
const MAX_HEADER_BYTES: usize = 256 * 1024;

/// How many records may wait in the channel.
const QUEUE: usize = 8;

/// Streams the documents of a WARC archive (already decompressed when it was
/// gzipped). Record errors name `name#n` (n counts records from 1). A
/// structural error (truncated file, bad header block) ends the stream after
/// its message, since the next record cannot be found.
pub fn stream(name: String, stream: ByteStream) -> DocStream {
    let (tx, rx) = sync_channel(QUEUE);
    let thread_name = name.clone();
    // warc's skip_body keeps a 1 MB buffer on the stack: give it room.
    let spawned = std::thread::Builder::new()
        .name("warc-reader".into())
        .stack_size(8 * 1024 * 1024)
        .spawn(move || read_records(&thread_name, stream, &tx));
    match spawned {
        Ok(handle) => Box::new(WarcStream { name, rx, handle: Some(handle) }),
        Err(e) => Box::new(std::iter::once(Err(Error::Io { path: name, source: e }))),
    }
}

/// The receiving end of the reader thread.
struct WarcStream {
    name: String,
    rx: Receiver<Result<RawDocument>>,
    handle: Option<JoinHandle<()>>,
}

impl Iterator for WarcStream {
    type Item = Result<RawDocument>;

    fn next(&mut self) -> Option<Result<RawDocument>> {
        match self.rx.recv() {
            Ok(item) => Some(item),
            Err(_) => {
                let handle = self.handle.take()?;
                match handle.join() {
                    Ok(()) => None,
                    Err(_) => Some(Err(Error::Format {
                        path: self.name.clone(),
                        message: "the WARC reader failed; rest of the file skipped".into(),
                    })),
                }
            }
        }
    }
}

/// Reads every record and sends the documents; returns when the input ends,
/// breaks, or nobody listens any more.
fn read_records(name: &str, stream: ByteStream, tx: &SyncSender<Result<RawDocument>>) {
    let mut reader = WarcReader::new(HeaderGuard { inner: stream, run: 0 });
    let mut records = reader.stream_records();
    let mut n = 0usize;
    while let Some(item) = records.next_item() {
        n += 1;
        let here = format!("{name}#{n}");
        let record = match item {
            Ok(r) => r,
            // The header block was read and the body will be skipped: the
            // stream is still in step.
            Err(e @ (warc::Error::MissingHeader(_) | warc::Error::MalformedHeader(..))) => {
                if tx.send(Err(Error::Format { path: here, message: format!("bad WARC record: {e}") })).is_err() {
                    return;
                }
                continue;
            }
            Err(e) => {
                let message =
                    if n == 1 { "not a WARC file".to_string() } else { "truncated or corrupt WARC data".to_string() };
                let message = match e {
                    warc::Error::ReadData(io) => format!("{message}: {io}; rest of the file skipped"),
                    other => format!("{message}: {other}; rest of the file skipped"),
                };
                let _ = tx.send(Err(Error::Format { path: here, message }));
                return;
            }
        };
        let kind = record.warc_type().clone();
        if !matches!(kind, RecordType::Response | RecordType::Resource | RecordType::Conversion) {
            continue;
        }
        let declared = record.content_length();
        if declared > MAX_RECORD_BYTES {
            // Not read: the streaming iterator skips the body.
            let e = Error::TooLarge { path: here, size: declared, limit: MAX_RECORD_BYTES };
            if tx.send(Err(e)).is_err() {
                return;
            }
            continue;
        }
        // `Record::header` unwraps non-UTF-8 header values (a panic on bad
        // input), so the headers are read from the raw parts instead. The
        // body is at most MAX_RECORD_BYTES, checked above.
        let (headers, body) = match record.into_buffered() {
            Ok(r) => r.into_raw_parts(),
            Err(io) => {
                let message = format!("truncated or corrupt WARC data: {io}; rest of the file skipped");
                let _ = tx.send(Err(Error::Format { path: here, message }));
                return;
            }
        };
        if (body.len() as u64) < declared {
            let message = "truncated WARC record; rest of the file skipped".to_string();
            let _ = tx.send(Err(Error::Format { path: here, message }));
            return;
        }
        let header = |h: WarcHeader| headers.headers.get(&h).map(|v| String::from_utf8_lossy(v).trim().to_string());
        let uri = header(WarcHeader::TargetURI)
            .map(|u| u.trim_start_matches('<').trim_end_matches('>').to_string())
            .filter(|u| !u.is_empty());
        let content_type = header(WarcHeader::ContentType);
        let doc = match kind {
            RecordType::Response => response_document(&here, uri, &body),
            _ => payload_document(&here, uri, content_type.as_deref(), body),
        };
        if let Some(doc) = doc {
            if tx.send(doc).is_err() {
                return;
            }
        }
    }
}

/// A document from an HTTP response record, or `None` when the response is
/// not an article (not 2xx, not HTML or text, empty).
fn response_document(here: &str, uri: Option<String>, body: &[u8]) -> Option<Result<RawDocument>> {
    let Some(http) = parse_http(body) else {
        return Some(Err(Error::Format {
            path: uri.unwrap_or_else(|| here.to_string()),
            message: "bad HTTP response".into(),
        }));
    };
    if !(200..300).contains(&http.status) {
        return None;
    }
    let mut payload = body[http.body_start..].to_vec();
    let name = uri.clone().unwrap_or_else(|| here.to_string());
    if http.header("transfer-encoding").is_some_and(|t| t.to_ascii_lowercase().contains("chunked")) {
        match dechunk(&payload) {
            Some(p) => payload = p,
            None => return Some(Err(Error::Format { path: name, message: "bad chunked HTTP body".into() })),
        }
    }
    if let Some(enc) = http.header("content-encoding").map(|e| e.trim().to_ascii_lowercase()) {
        let decoded = match enc.as_str() {
            "gzip" | "x-gzip" => inflate(flate2::read::MultiGzDecoder::new(&payload[..])),
            "deflate" => inflate(flate2::read::ZlibDecoder::new(&payload[..])),
            "" | "identity" => Some(payload.clone()),
            _ => None,
        };
        match decoded {
            Some(p) => payload = p,
            None => return Some(Err(Error::Format { path: name, message: format!("cannot decode {enc} HTTP body") })),
        }
    }
    let content_type = http.header("content-type").map(str::to_string);
    payload_document(here, uri, content_type.as_deref(), payload)
}

/// A document from a payload of the given MIME type, or `None` when it is
/// not an HTML or text page.
fn payload_document(
    here: &str,
    uri: Option<String>,
    content_type: Option<&str>,
    payload: Vec<u8>,
) -> Option<Result<RawDocument>> {
    if payload.iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    let mime = content_type.map(|c| c.split(';').next().unwrap_or("").trim().to_ascii_lowercase());
    let format = match mime.as_deref() {
        Some("text/html" | "application/xhtml+xml") => Format::Html,
        Some("text/plain") => Format::Text,
        Some(m) if m.is_empty() || m == "application/octet-stream" => match Format::sniff(&payload) {
            f @ (Format::Html | Format::Text) => f,
            _ => return None,
        },
        None => match Format::sniff(&payload) {
            f @ (Format::Html | Format::Text) => f,
            _ => return None,
        },
        Some(_) => return None,
    };
    let name = uri.clone().unwrap_or_else(|| here.to_string());
    let charset = content_type.and_then(content_type_charset);
    let body = match format {
        Format::Html => decode_html(&name, payload, charset.as_deref()).map(RawBody::Html),
        _ => decode_text(&name, payload).map(RawBody::Text),
    };
    Some(body.map(|body| RawDocument { meta: DocMeta { source: name, title: None, published: None, url: uri }, body }))
}

/// Decompresses a payload, refusing more than [`MAX_RECORD_BYTES`].
fn inflate(r: impl Read) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    r.take(MAX_RECORD_BYTES + 1).read_to_end(&mut out).ok()?;
    ((out.len() as u64) <= MAX_RECORD_BYTES).then_some(out)
}

/// The parts of an HTTP response this reader needs.
struct Http<'a> {
    status: u16,
    headers: Vec<(&'a str, &'a str)>,
    body_start: usize,
}

impl Http<'_> {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| *v)
    }
}

/// Splits an HTTP response into status, headers and the start of its body.
fn parse_http(bytes: &[u8]) -> Option<Http<'_>> {
    let end = find(bytes, b"\r\n\r\n").map(|i| (i, i + 4)).or_else(|| find(bytes, b"\n\n").map(|i| (i, i + 2)))?;
    let head = std::str::from_utf8(&bytes[..end.0]).ok()?;
    let mut lines = head.lines();
    let status_line = lines.next()?;
    if !status_line.starts_with("HTTP/") {
        return None;
    }
    let status = status_line.split_whitespace().nth(1)?.parse().ok()?;
    let headers = lines.filter_map(|l| l.split_once(':')).map(|(k, v)| (k.trim(), v.trim())).collect();
    Some(Http { status, headers, body_start: end.1 })
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Decodes an HTTP/1.1 chunked body.
fn dechunk(mut bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let eol = find(bytes, b"\n")?;
        let size_line = std::str::from_utf8(&bytes[..eol]).ok()?.trim();
        let size = usize::from_str_radix(size_line.split(';').next()?.trim(), 16).ok()?;
        bytes = &bytes[eol + 1..];
        if size == 0 {
            return Some(out);
        }
        if size > bytes.len() {
            return None;
        }
        out.extend_from_slice(&bytes[..size]);
        bytes = &bytes[size..];
        bytes = bytes.strip_prefix(b"\r\n").or_else(|| bytes.strip_prefix(b"\n")).unwrap_or(bytes);
    }
}

/// A reader that refuses to let one WARC header block run past
/// [`MAX_HEADER_BYTES`]. The `warc` crate reads header lines through
/// `BufRead` (`fill_buf`/`consume`) and bodies through `Read::read`, so the
/// bytes consumed since the last `read` are the current header block.
struct HeaderGuard<R> {
    inner: R,
    run: usize,
}

impl<R: BufRead> Read for HeaderGuard<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.run = 0;
        self.inner.read(buf)
    }
}

impl<R: BufRead> BufRead for HeaderGuard<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.run > MAX_HEADER_BYTES {
            return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, "WARC header block too long"));
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.run += amt;
        self.inner.consume(amt);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    /// Builds one WARC record.
    pub(crate) fn record(kind: &str, uri: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{n}>\r\nWARC-Date: 2023-10-05T12:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            body.len(),
            n = uri.len() * 7 + body.len()
        )
        .into_bytes();
        r.extend_from_slice(body);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn response(status: &str, headers: &str, body: &str) -> Vec<u8> {
        format!("HTTP/1.1 {status}\r\n{headers}\r\n{body}").into_bytes()
    }

    fn read(bytes: Vec<u8>) -> Vec<Result<RawDocument>> {
        stream("c.warc".into(), Box::new(Cursor::new(bytes))).collect()
    }

    #[test]
    fn takes_html_responses_and_skips_the_rest() {
        let mut w = record("warcinfo", "", "application/warc-fields", b"software: test\r\n");
        w.extend(record(
            "request",
            "https://a.example/1",
            "application/http; msgtype=request",
            b"GET /1 HTTP/1.1\r\n\r\n",
        ));
        let page = response(
            "200 OK",
            "Content-Type: text/html; charset=utf-8\r\n",
            "<html><body><p>Body one.</p></body></html>",
        );
        w.extend(record("response", "https://a.example/1", "application/http; msgtype=response", &page));
        let redirect = response("301 Moved", "Location: /x\r\n", "");
        w.extend(record("response", "https://a.example/2", "application/http; msgtype=response", &redirect));
        let image = response("200 OK", "Content-Type: image/png\r\n", "\u{1}PNG");
        w.extend(record("response", "https://a.example/3.png", "application/http; msgtype=response", &image));
        w.extend(record("conversion", "https://a.example/4", "text/plain", b"Plain converted text."));
        let docs = read(w);
        assert_eq!(docs.len(), 2, "{docs:?}");
        let a = docs[0].as_ref().unwrap();
        assert_eq!(a.meta.source, "https://a.example/1");
        assert_eq!(a.meta.url.as_deref(), Some("https://a.example/1"));
        assert!(matches!(&a.body, RawBody::Html(h) if h.starts_with("<html>")));
        let b = docs[1].as_ref().unwrap();
        assert_eq!(b.body, RawBody::Text("Plain converted text.".into()));
    }

    #[test]
    fn chunked_and_gzip_payloads_are_decoded() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"<p>Zipped body.</p>").unwrap();
        let zipped = gz.finish().unwrap();
        let mut page = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        page.extend(zipped);
        let mut w = record("response", "https://a.example/z", "application/http; msgtype=response", &page);
        let chunked = response(
            "200 OK",
            "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
            "5\r\n<p>Ch\r\na\r\nunked.</p>\r\n0\r\n\r\n",
        );
        w.extend(record("response", "https://a.example/c", "application/http; msgtype=response", &chunked));
        let docs = read(w);
        assert!(matches!(&docs[0], Ok(RawDocument { body: RawBody::Html(h), .. }) if h == "<p>Zipped body.</p>"));
        assert!(matches!(&docs[1], Ok(RawDocument { body: RawBody::Html(h), .. }) if h == "<p>Chunked.</p>"));
    }

    #[test]
    fn truncation_and_garbage_end_the_stream_with_one_message() {
        let page = response("200 OK", "Content-Type: text/html\r\n", "<p>Body one.</p>");
        let mut w = record("response", "https://a.example/1", "application/http; msgtype=response", &page);
        let second = record("response", "https://a.example/2", "application/http; msgtype=response", &page);
        w.extend_from_slice(&second[..second.len() - 12]);
        let docs = read(w);
        assert_eq!(docs.len(), 2);
        assert!(docs[0].is_ok());
        let e = docs[1].as_ref().unwrap_err().to_string();
        assert!(e.starts_with("c.warc#2: truncated"), "{e}");

        let docs = read(b"this is not a warc file\nat all\n".repeat(20_000));
        assert_eq!(docs.len(), 1);
        assert!(docs[0].as_ref().unwrap_err().to_string().contains("not a WARC file"));
    }

    #[test]
    fn an_oversized_record_is_skipped_and_the_next_read() {
        let mut w = b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: 2023-10-05T12:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n".to_vec();
        let big = (MAX_RECORD_BYTES + 10) as usize;
        w.extend(format!("Content-Length: {big}\r\n\r\n").into_bytes());
        w.extend(std::iter::repeat_n(b'a', big));
        w.extend(b"\r\n\r\n");
        let page = response("200 OK", "Content-Type: text/html\r\n", "<p>After.</p>");
        w.extend(record("response", "https://a.example/2", "application/http; msgtype=response", &page));
        let docs = read(w);
        assert_eq!(docs.len(), 2);
        assert!(matches!(&docs[0], Err(Error::TooLarge { .. })));
        assert!(docs[1].is_ok());
    }

    #[test]
    fn dechunk_rejects_bad_sizes() {
        assert_eq!(dechunk(b"3\r\nabc\r\n0\r\n\r\n").as_deref(), Some(&b"abc"[..]));
        assert_eq!(dechunk(b"ff\r\nabc\r\n"), None);
        assert_eq!(dechunk(b"zz\r\n"), None);
    }
}
