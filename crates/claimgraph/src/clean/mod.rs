//! The clean stage: from a [`RawDocument`] to a [`Document`] holding the
//! article body alone, with title and publication date when the input
//! carries them.

pub mod debris;
pub mod html;

use crate::document::{DocMeta, Document, RawBody, RawDocument};
use crate::error::{Error, Result};

/// Cleans a raw document: HTML is reduced to its article body; scraped text
/// loses its web debris; white space is normalised. Fails when nothing of an
/// article is left.
pub fn clean(raw: RawDocument) -> Result<Document> {
    let RawDocument { mut meta, body } = raw;
    let text = match body {
        RawBody::Text(t) => debris::strip(&normalise_text(&t)),
        RawBody::Html(h) => {
            let page = html::extract(&h);
            merge_meta(&mut meta, page.title, page.published);
            debris::strip(&normalise_text(&page.body))
        }
    };
    if text.trim().is_empty() {
        return Err(Error::Empty { path: meta.source.clone() });
    }
    Ok(Document::new(meta, text))
}

fn merge_meta(meta: &mut DocMeta, title: Option<String>, published: Option<String>) {
    if meta.title.is_none() {
        meta.title = title;
    }
    if meta.published.is_none() {
        meta.published = published;
    }
}

/// Normalises line endings and invisible characters, and trims each line's
/// trailing white space, keeping paragraph breaks.
pub fn normalise_text(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(text.len());
    for line in text.split('\n') {
        let line: String = line
            .chars()
            .filter(|&c| !matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{00ad}'))
            .map(|c| if c == '\u{a0}' || c == '\t' { ' ' } else { c })
            .collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    // At most one blank line between paragraphs; no leading/trailing blanks.
    let mut collapsed = String::with_capacity(out.len());
    let mut blank_run = 0;
    for line in out.lines() {
        if line.trim().is_empty() {
            blank_run += 1;
            continue;
        }
        if !collapsed.is_empty() {
            collapsed.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        collapsed.push_str(line);
    }
    collapsed
}
