//! RSS 2.0, RSS 1.0, Atom and JSON Feed input through `feed-rs`: one document
//! per entry, with the entry's content (or else its summary) as the body,
//! its link as URL and source, its published (or else updated) date and its
//! title. `feed-rs` converts dates to UTC, so a feed's dates come out with a
//! `+00:00` offset (the instant is right; the publisher's local date may
//! differ near midnight).

use feed_rs::model::{Entry, Text};

use super::DocStream;
use crate::document::{DocMeta, RawBody, RawDocument};
use crate::error::{Error, Result};

/// Parses a whole feed and streams its entries as documents. A feed that
/// does not parse yields one error naming `name`; an entry without any
/// content or summary yields an error naming `name#n`.
pub fn read(name: String, bytes: &[u8]) -> DocStream {
    let parser = feed_rs::parser::Builder::new().sanitize_content(false).build();
    match parser.parse(bytes) {
        Ok(feed) => Box::new(
            feed.entries
                .into_iter()
                .enumerate()
                .map(move |(i, entry)| entry_document(&format!("{name}#{}", i + 1), entry)),
        ),
        Err(e) => {
            Box::new(std::iter::once(Err(Error::Format { path: name, message: format!("not a valid feed: {e}") })))
        }
    }
}

/// Turns one feed entry into a document; `here` names it when it has no link.
pub fn entry_document(here: &str, entry: Entry) -> Result<RawDocument> {
    let url = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first())
        .map(|l| l.href.trim().to_string())
        .filter(|h| !h.is_empty());
    let content = entry.content.as_ref().and_then(|c| {
        let body = c.body.as_deref().filter(|b| !b.trim().is_empty())?;
        Some(if is_plain(c.content_type.essence().to_string().as_str()) {
            RawBody::Text(body.to_string())
        } else {
            RawBody::Html(body.to_string())
        })
    });
    let body = content.or_else(|| entry.summary.as_ref().and_then(text_body));
    let Some(body) = body else {
        return Err(Error::Empty { path: url.unwrap_or_else(|| here.to_string()) });
    };
    let title = entry.title.as_ref().map(title_text).filter(|t| !t.is_empty());
    Ok(RawDocument {
        meta: DocMeta {
            source: url.clone().unwrap_or_else(|| here.to_string()),
            title,
            published: entry
                .published
                .or(entry.updated)
                .and_then(|d| jiff::Timestamp::from_second(d.timestamp()).ok())
                .map(|t| t.to_string()),
            url,
        },
        body,
    })
}

fn is_plain(mime: &str) -> bool {
    mime == "text/plain"
}

/// A feed text element as a body: HTML unless it says it is plain text.
fn text_body(t: &Text) -> Option<RawBody> {
    let s = t.content.trim();
    if s.is_empty() {
        return None;
    }
    Some(if is_plain(t.content_type.essence().to_string().as_str()) && !s.contains('<') {
        RawBody::Text(s.to_string())
    } else {
        RawBody::Html(s.to_string())
    })
}

/// A title as one line of plain text (some feeds put markup in titles).
fn title_text(t: &Text) -> String {
    let s = if t.content.contains('<') || t.content.contains('&') {
        scraper::Html::parse_fragment(&t.content).root_element().text().collect::<String>()
    } else {
        t.content.clone()
    };
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs(feed: &str) -> Vec<Result<RawDocument>> {
        read("feed.xml".into(), feed.as_bytes()).collect()
    }

    #[test]
    fn rss_items_become_documents() {
        let d = docs(
            r#"<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>
            <item><title>First &amp; foremost</title><link>https://news.example/a</link>
              <description>&lt;p&gt;Summary one.&lt;/p&gt;</description>
              <pubDate>Thu, 05 Oct 2023 14:30:00 +0200</pubDate></item>
            <item><title>Empty</title></item>
            </channel></rss>"#,
        );
        assert_eq!(d.len(), 2);
        let a = d[0].as_ref().unwrap();
        assert_eq!(a.meta.source, "https://news.example/a");
        assert_eq!(a.meta.title.as_deref(), Some("First & foremost"));
        assert_eq!(a.meta.published.as_deref(), Some("2023-10-05T12:30:00Z"));
        assert!(matches!(&a.body, RawBody::Html(h) if h.contains("<p>Summary one.</p>")));
        assert!(matches!(&d[1], Err(Error::Empty { path }) if path == "feed.xml#2"));
    }

    #[test]
    fn atom_content_wins_over_summary() {
        let d = docs(
            r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>W</title><id>x</id><updated>2023-01-01T00:00:00Z</updated>
            <entry><title>T</title><id>1</id><link rel="alternate" href="https://news.example/t"/>
              <updated>2023-02-03T04:05:06Z</updated><summary>Short.</summary>
              <content type="html">&lt;p&gt;Full text.&lt;/p&gt;</content></entry></feed>"#,
        );
        let a = d[0].as_ref().unwrap();
        assert!(matches!(&a.body, RawBody::Html(h) if h.contains("Full text.")));
        assert_eq!(a.meta.published.as_deref(), Some("2023-02-03T04:05:06Z"));
    }

    #[test]
    fn json_feed_and_garbage() {
        let d = docs(
            r#"{"version":"https://jsonfeed.org/version/1.1","title":"W","items":[
            {"id":"1","url":"https://news.example/j","content_text":"Plain body.","date_published":"2023-03-04T05:06:07Z"}]}"#,
        );
        let a = d[0].as_ref().unwrap();
        assert_eq!(a.body, RawBody::Text("Plain body.".into()));
        let d = docs("<rss><channel><item><title>broken");
        assert!(matches!(&d[..], [Err(Error::Format { .. })]) || d.iter().all(|x| x.is_err()));
    }
}
