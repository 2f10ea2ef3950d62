//! JSON Lines input, streamed: one `{"text", "title", "url", "published"}`
//! object per line; `html` may stand in for `text`. Common aliases of
//! news-crawl dumps are accepted too (`body`/`maintext`/`content` for the
//! text, `headline` for the title, `link` for the URL, `date`/
//! `date_publish`/`datePublished` for the date). Unknown fields are ignored.

use serde_json::{Map, Value};

use super::limited::{read_line, Line};
use super::{ByteStream, MAX_RECORD_BYTES};
use crate::document::{DocMeta, RawBody, RawDocument};
use crate::error::{Error, Result};

/// After this many bad lines in a row, with not one good line before them,
/// the file is not JSON Lines at all: one message instead of thousands.
const MAX_BAD_LINES_IN_A_ROW: usize = 50;

/// Field names, in order of preference.
const TEXT_FIELDS: &[&str] = &["text", "body", "maintext", "article", "content_text"];
const HTML_FIELDS: &[&str] = &["html", "content_html", "content", "raw_html"];
const TITLE_FIELDS: &[&str] = &["title", "headline"];
const URL_FIELDS: &[&str] = &["url", "link", "uri"];
const DATE_FIELDS: &[&str] = &["published", "date_published", "datePublished", "date_publish", "date", "pubdate"];

/// Streams the records of a JSON Lines input. A bad line yields an error
/// naming `name#line` in its place, and the next lines still come; a line
/// over [`MAX_RECORD_BYTES`] is skipped the same way without being held in
/// memory.
pub struct JsonlReader {
    name: String,
    stream: ByteStream,
    line_no: usize,
    good: usize,
    bad_in_a_row: usize,
    done: bool,
    buf: Vec<u8>,
}

impl JsonlReader {
    /// A reader over `stream`, naming records `name#line`.
    pub fn new(name: String, stream: ByteStream) -> JsonlReader {
        JsonlReader { name, stream, line_no: 0, good: 0, bad_in_a_row: 0, done: false, buf: Vec::new() }
    }

    fn here(&self) -> String {
        format!("{}#{}", self.name, self.line_no)
    }
}

impl Iterator for JsonlReader {
    type Item = Result<RawDocument>;

    fn next(&mut self) -> Option<Result<RawDocument>> {
        while !self.done {
            self.line_no += 1;
            let read = read_line(&mut self.stream, &mut self.buf, MAX_RECORD_BYTES as usize);
            let item = match read {
                Err(e) => {
                    self.done = true;
                    Err(Error::Io { path: self.here(), source: e })
                }
                Ok(Line::Eof) => {
                    self.done = true;
                    return None;
                }
                Ok(Line::TooLong(size)) => Err(Error::TooLarge { path: self.here(), size, limit: MAX_RECORD_BYTES }),
                Ok(Line::Complete) => {
                    if self.buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    match std::str::from_utf8(&self.buf) {
                        Ok(line) => parse_record(&self.here(), line),
                        Err(_) => Err(Error::NotUtf8 { path: self.here() }),
                    }
                }
            };
            match &item {
                Ok(_) | Err(Error::Empty { .. }) => {
                    self.good += 1;
                    self.bad_in_a_row = 0;
                }
                Err(_) => {
                    self.bad_in_a_row += 1;
                    if self.good == 0 && self.bad_in_a_row >= MAX_BAD_LINES_IN_A_ROW {
                        self.done = true;
                        return Some(Err(Error::Format {
                            path: self.name.clone(),
                            message: format!(
                                "{MAX_BAD_LINES_IN_A_ROW} bad lines in a row: not JSON Lines; rest skipped"
                            ),
                        }));
                    }
                }
            }
            return Some(item);
        }
        None
    }
}

/// Parses one JSON line into a document; `here` names it in errors and is
/// its source when it has no URL.
pub fn parse_record(here: &str, line: &str) -> Result<RawDocument> {
    let value: Value = serde_json::from_str(line.trim().trim_start_matches('\u{feff}'))
        .map_err(|e| Error::Format { path: here.to_string(), message: format!("not valid JSON: {e}") })?;
    let Value::Object(obj) = value else {
        return Err(Error::Format { path: here.to_string(), message: "not a JSON object".into() });
    };
    let body = if let Some(t) = field(&obj, TEXT_FIELDS) {
        // Some dumps put the page's markup in the text field.
        if t.trim_start().starts_with('<') && super::Format::sniff(t.as_bytes()) == super::Format::Html {
            RawBody::Html(t)
        } else {
            RawBody::Text(t)
        }
    } else if let Some(h) = field(&obj, HTML_FIELDS) {
        RawBody::Html(h)
    } else {
        return Err(Error::Empty { path: here.to_string() });
    };
    let url = field(&obj, URL_FIELDS);
    Ok(RawDocument {
        meta: DocMeta {
            source: url.clone().unwrap_or_else(|| here.to_string()),
            title: field(&obj, TITLE_FIELDS).map(|t| t.split_whitespace().collect::<Vec<_>>().join(" ")),
            published: field(&obj, DATE_FIELDS),
            url,
        },
        body,
    })
}

/// The first of `names` holding a non-blank string.
fn field(obj: &Map<String, Value>, names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| match obj.get(*n) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn read(text: &str) -> Vec<Result<RawDocument>> {
        JsonlReader::new("f.jsonl".into(), Box::new(Cursor::new(text.as_bytes().to_vec()))).collect()
    }

    #[test]
    fn records_bad_lines_and_blank_lines() {
        let docs = read(concat!(
            "{\"text\":\"A said B.\",\"title\":\"T\",\"url\":\"https://x.org/a\",\"published\":\"2023-10-05\"}\n",
            "\n",
            "{not json\n",
            "[1,2]\n",
            "{\"html\":\"<p>Hi</p>\"}\n",
            "{\"title\":\"no body\"}\n",
            "{\"maintext\":\"Crawl text.\",\"date_publish\":\"2023-01-02 10:00:00\"}",
        ));
        assert_eq!(docs.len(), 6);
        let a = docs[0].as_ref().unwrap();
        assert_eq!(a.meta.source, "https://x.org/a");
        assert_eq!(a.meta.title.as_deref(), Some("T"));
        assert_eq!(a.meta.published.as_deref(), Some("2023-10-05"));
        assert_eq!(docs[1].as_ref().unwrap_err().to_string().split(':').next(), Some("f.jsonl#3"));
        assert!(matches!(&docs[2], Err(Error::Format { path, .. }) if path == "f.jsonl#4"));
        let h = docs[3].as_ref().unwrap();
        assert_eq!(h.body, RawBody::Html("<p>Hi</p>".into()));
        assert_eq!(h.meta.source, "f.jsonl#5");
        assert!(matches!(&docs[4], Err(Error::Empty { path }) if path == "f.jsonl#6"));
        let c = docs[5].as_ref().unwrap();
        assert_eq!(c.body, RawBody::Text("Crawl text.".into()));
        assert_eq!(c.meta.published.as_deref(), Some("2023-01-02 10:00:00"));
        let d = read("{\"text\":\"<div><p>Markup in the text field.</p></div>\"}");
        assert!(matches!(&d[0], Ok(RawDocument { body: RawBody::Html(_), .. })));
    }

    #[test]
    fn invalid_utf8_line_is_reported_and_the_rest_read() {
        let mut bytes = b"{\"text\":\"caf".to_vec();
        bytes.extend_from_slice(b"\xe9\"}\n{\"text\":\"ok\"}\n");
        let docs: Vec<_> = JsonlReader::new("f".into(), Box::new(Cursor::new(bytes))).collect();
        assert!(matches!(&docs[0], Err(Error::NotUtf8 { path }) if path == "f#1"));
        assert!(docs[1].is_ok());
    }

    #[test]
    fn a_file_of_garbage_gives_few_messages() {
        let garbage = "this is not json\n".repeat(10_000);
        let docs = read(&garbage);
        assert_eq!(docs.len(), MAX_BAD_LINES_IN_A_ROW);
        assert!(docs.last().unwrap().as_ref().unwrap_err().to_string().contains("not JSON Lines"));
    }
}
