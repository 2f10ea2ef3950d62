//! The clean stage: from a [`RawDocument`] to a [`Document`] holding the
//! article body alone, with title and publication date when the input
//! carries them.
//!
//! - HTML goes through [`html::extract`] (Readability, then a renderer that
//!   keeps paragraphs), plain text through [`normalise_text`]; both then lose
//!   their web debris ([`debris::strip`]).
//! - A scraped text's first line, when it looks like a headline, becomes the
//!   title but stays in the text.
//! - The publication date, from the container or the page, is normalised to
//!   ISO 8601 ([`date::normalise`]); one that does not parse is dropped.
//!   Without one, the date the article's text shows is taken
//!   ([`dateline::published`]).

pub mod date;
pub mod dateline;
pub mod debris;
pub mod html;
pub mod meta;

use crate::document::{DocMeta, Document, RawBody, RawDocument};
use crate::error::{Error, Result};

/// Cleans a raw document: HTML is reduced to its article body; scraped text
/// loses its web debris; white space is normalised. Fails with
/// [`Error::Empty`] when nothing of an article is left.
pub fn clean(raw: RawDocument) -> Result<Document> {
    let RawDocument { mut meta, body } = raw;
    let text = match body {
        RawBody::Text(t) => {
            let normal = normalise_text(&t);
            let text = debris::strip(&normal);
            if meta.title.is_none() {
                meta.title = headline(&text).map(str::to_string);
            }
            // Before debris removal: "Updated:" lines and dates under the
            // last paragraph are page furniture, but they tell the date.
            if meta.published.as_deref().and_then(date::normalise).is_none() {
                meta.published = dateline(&normal).or(meta.published);
            }
            text
        }
        RawBody::Html(h) => {
            if html::nesting_estimate(&h) > html::MAX_NESTING {
                let message = format!("HTML nested more than {} levels deep", html::MAX_NESTING);
                return Err(Error::Format { path: meta.source, message });
            }
            let page = html::extract(&h);
            let body = normalise_text(&page.body);
            // A page without date metadata may still show its date in the
            // text that was kept.
            let published = page.published.or_else(|| dateline(&body));
            merge_meta(&mut meta, page.title, published);
            debris::strip(&body)
        }
    };
    meta.published = meta.published.as_deref().and_then(date::normalise);
    meta.title = meta.title.map(|t| t.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|t| !t.is_empty());
    if text.trim().is_empty() {
        return Err(Error::Empty { path: meta.source.clone() });
    }
    Ok(Document::new(meta, text))
}

/// Container metadata wins over what the page says about itself (a feed or
/// crawl record is explicit); the page fills what the container lacks.
fn merge_meta(meta: &mut DocMeta, title: Option<String>, published: Option<String>) {
    if meta.title.is_none() {
        meta.title = title;
    }
    if meta.published.as_deref().and_then(date::normalise).is_none() {
        meta.published = published.or(meta.published.take());
    }
}

/// The first line of scraped text when it is a headline: a short line not
/// ending like a sentence, followed by a blank line and more text.
pub fn headline(text: &str) -> Option<&str> {
    let (first, rest) = text.split_once('\n')?;
    let first = first.trim();
    let words = first.split_whitespace().count();
    let is_headline = rest.starts_with('\n')
        && !rest.trim().is_empty()
        && (2..=30).contains(&words)
        && first.len() <= 300
        && !first.ends_with(['.', '!', ':', ';', ',', '"', '\u{201d}'])
        && !first.to_lowercase().starts_with("by ")
        && date::normalise(first).is_none()
        && !debris::is_debris(first);
    is_headline.then_some(first)
}

/// The publication date written in scraped text: a labelled date ("Published:
/// 14.03.2024"), a date on a line of its own near the top, or a wire
/// dateline ("MOSCOW, March 14, 2024 - ..."), normalised (see
/// [`dateline::published`]); the line stays in the text.
pub fn dateline(text: &str) -> Option<String> {
    dateline::published(text)
}

/// Normalises line endings and invisible characters, and trims each line,
/// keeping paragraph breaks: at most one blank line between paragraphs, none
/// at the start or end. Control, zero-width and bidirectional-override
/// characters are dropped; tabs and other spaces (no-break, em...) become spaces. Every
/// character of the output is a character of the input, a space or a
/// newline.
pub fn normalise_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0usize;
    let mut line = String::new();
    let push_line = |line: &str, out: &mut String, blank_run: &mut usize| {
        let t = line.trim_matches(|c: char| c.is_whitespace());
        if t.is_empty() {
            *blank_run += 1;
            return;
        }
        if !out.is_empty() {
            out.push_str(if *blank_run > 0 { "\n\n" } else { "\n" });
        }
        *blank_run = 0;
        out.push_str(t);
    };
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                push_line(&line, &mut out, &mut blank_run);
                line.clear();
            }
            // Line and paragraph separators, vertical tab and form feed end
            // a line too.
            '\n' | '\u{2028}' | '\u{2029}' | '\u{0b}' | '\u{0c}' | '\u{85}' => {
                push_line(&line, &mut out, &mut blank_run);
                line.clear();
            }
            // Tabs, no-break, en, em, thin and ideographic spaces.
            c if c.is_whitespace() => line.push(' '),
            c if is_invisible(c) => {}
            c => line.push(c),
        }
    }
    push_line(&line, &mut out, &mut blank_run);
    // Runs of spaces inside a line become one space.
    let mut collapsed = String::with_capacity(out.len());
    let mut prev_space = false;
    for c in out.chars() {
        if c == ' ' {
            if !prev_space {
                collapsed.push(c);
            }
            prev_space = true;
        } else {
            prev_space = false;
            collapsed.push(c);
        }
    }
    collapsed
}

/// Characters with no place in article text: controls, zero-width
/// characters, soft hyphens, byte order marks, bidirectional overrides.
fn is_invisible(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}' | '\u{00ad}' | '\u{fff9}'..='\u{fffb}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(body: RawBody) -> RawDocument {
        RawDocument { meta: DocMeta { source: "t".into(), ..Default::default() }, body }
    }

    #[test]
    fn normalise_text_keeps_paragraphs() {
        let t = "  Title\r\n\r\n\r\nFirst\u{a0}line\u{200b} here.\t \nSecond\u{202e} line.\n\n\n\nLast.  \n";
        assert_eq!(normalise_text(t), "Title\n\nFirst line here.\nSecond line.\n\nLast.");
        assert_eq!(normalise_text("\n \n"), "");
        assert_eq!(normalise_text("a  \u{0}b"), "a b");
    }

    #[test]
    fn scraped_text_gets_a_title_and_loses_its_trailer() {
        let doc = clean(raw(RawBody::Text(
            "Ukraine says X\n\nThe minister said on Monday that the talks had failed badly.\n\n\nRelated Articles\n\nBack to top button".into(),
        )))
        .unwrap();
        assert_eq!(doc.meta.title.as_deref(), Some("Ukraine says X"));
        assert_eq!(doc.text, "Ukraine says X\n\nThe minister said on Monday that the talks had failed badly.");
    }

    #[test]
    fn headline_rules() {
        assert_eq!(headline("Iran: no missiles sent\n\nBody text."), Some("Iran: no missiles sent"));
        assert_eq!(headline("Is Iran arming Russia?\n\nBody text."), Some("Is Iran arming Russia?"));
        assert_eq!(headline("A full sentence here.\n\nBody."), None);
        assert_eq!(headline("No blank line after\nBody."), None);
        assert_eq!(headline("Only a line"), None);
        assert_eq!(headline("By Jane Roe\n\nBody."), None);
        assert_eq!(headline("October 5, 2023\n\nBody."), None);
    }

    #[test]
    fn datelines_near_the_top_give_the_date() {
        assert_eq!(dateline("Headline\n\nPublished: 5 October 2023\n\nBody.").as_deref(), Some("2023-10-05"));
        assert_eq!(dateline("Headline\nOctober 5, 2023\nBody.").as_deref(), Some("2023-10-05"));
        assert_eq!(dateline("Headline\n\nThe talks began on October 5, 2023, in Lune.").as_deref(), None);
        assert_eq!(dateline("\u{130}stanbul\n\u{130}\u{130}\u{130}\nBody."), None);
        let doc = clean(raw(RawBody::Text("Headline here\n\nPosted on Oct. 5, 2023\n\nThe minister said so.".into())))
            .unwrap();
        assert_eq!(doc.meta.published.as_deref(), Some("2023-10-05"));
    }

    #[test]
    fn html_documents_and_dates() {
        let mut r = raw(RawBody::Html(
            "<html><head><meta name='date' content='5 October 2023'><title>T</title></head><body><p>The ministry said on Tuesday that it had rejected the claims.</p></body></html>".into(),
        ));
        let doc = clean(r.clone()).unwrap();
        assert_eq!(doc.meta.published.as_deref(), Some("2023-10-05"));
        assert_eq!(doc.meta.title.as_deref(), Some("T"));
        assert_eq!(doc.text, "The ministry said on Tuesday that it had rejected the claims.");
        r.meta.published = Some("Thu, 05 Oct 2023 14:30:00 +0200".into());
        assert_eq!(clean(r.clone()).unwrap().meta.published.as_deref(), Some("2023-10-05T14:30:00+02:00"));
        r.meta.published = Some("whenever".into());
        assert_eq!(clean(r).unwrap().meta.published.as_deref(), Some("2023-10-05"));
    }

    #[test]
    fn empty_results_are_errors() {
        assert!(matches!(
            clean(raw(RawBody::Html("<html><body><nav>Home</nav></body></html>".into()))),
            Err(Error::Empty { .. })
        ));
        assert!(matches!(
            clean(raw(RawBody::Text("Related Articles\n\nBack to top button".into()))),
            Err(Error::Empty { .. })
        ));
    }
}
