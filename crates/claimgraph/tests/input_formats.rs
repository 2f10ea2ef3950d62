//! Every input format through `read_input` and `clean`, on made-up fixtures
//! in `fixtures/input/`.

use std::path::{Path, PathBuf};

use claimgraph::clean::clean;
use claimgraph::input::{expand_sources, read_input, Input};
use claimgraph::{Document, Error, RawBody, Result};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/input").join(name)
}

/// Reads and cleans every document of a fixture.
fn read(name: &str) -> Vec<Result<Document>> {
    read_input(&Input::File(fixture(name))).map(|r| r.and_then(clean)).collect()
}

fn ok(docs: &[Result<Document>]) -> Vec<&Document> {
    docs.iter().filter_map(|d| d.as_ref().ok()).collect()
}

#[test]
fn html_article_page() {
    let docs = read("page_article.html");
    let [Ok(doc)] = &docs[..] else { panic!("{docs:?}") };
    assert_eq!(doc.meta.title.as_deref(), Some("Valdoria denies selling drones to Kessel"));
    assert_eq!(doc.meta.published.as_deref(), Some("2024-03-14T08:30:00+01:00"));
    assert!(doc.meta.source.ends_with("page_article.html"));
    let t = &doc.text;
    for kept in [
        "calling the allegations \u{201c}baseless and politically motivated\u{201d}.",
        "\"Valdoria has never sent a single drone across that border,\" foreign ministry spokeswoman Ilse Marr told reporters in Orsk. \"We have nothing to hide.\"",
        "parts of at least 14 Valdorian-made aircraft",
        "an account the Valdorian side rejected.",
        "Talks planned",
        "although neither side has confirmed the date.",
    ] {
        assert!(t.contains(kept), "lost {kept:?} in:\n{t}");
    }
    for gone in [
        "World",
        "Politics",
        "Share on",
        "Advertisement",
        "Wreckage shown",
        "Kessel closes",
        "Drone wars explained",
        "obviously a lie",
        "Most read",
        "Storm hits",
        "All rights reserved",
        "Privacy",
        "tracking",
        "dataLayer",
        "By Mira Holt",
    ] {
        assert!(!t.contains(gone), "kept {gone:?} in:\n{t}");
    }
    // Paragraphs are blank-line separated, one per <p>.
    assert!(t.contains("motivated\u{201d}.\n\n\"Valdoria has never"), "{t}");
}

#[test]
fn html_without_paragraph_tags_and_legacy_charset() {
    let docs = read("page_divs.html");
    let [Ok(doc)] = &docs[..] else { panic!("{docs:?}") };
    assert_eq!(doc.meta.title.as_deref(), Some("Harbour fire contained after two days"));
    assert_eq!(doc.meta.published.as_deref(), Some("2023-11-02"));
    assert!(doc.text.contains("sent smoke across the town.\n\nFire chief Ruth Adeyemi"), "{}", doc.text);
    assert!(doc.text.contains("not yet known & that"), "{}", doc.text);
    assert!(!doc.text.contains("Sport"), "{}", doc.text);

    let docs = read("page_cp1252.html");
    let [Ok(doc)] = &docs[..] else { panic!("{docs:?}") };
    assert_eq!(doc.meta.title.as_deref(), Some("Caf\u{e9} owners protest new tax"));
    assert!(doc.text.contains("\u{201c}about \u{20ac}2 million\u{201d}"), "{}", doc.text);
    assert!(doc.text.contains("Jos\u{e9} Ferreira"), "{}", doc.text);
}

#[test]
fn html_without_body_text_is_empty() {
    let docs = read("page_no_body.html");
    assert!(matches!(&docs[..], [Err(Error::Empty { path })] if path.ends_with("page_no_body.html")), "{docs:?}");
}

#[test]
fn rss_atom_and_json_feeds() {
    let docs = read("feed.rss");
    assert_eq!(docs.len(), 3);
    let good = ok(&docs);
    assert_eq!(good.len(), 2);
    assert_eq!(good[0].meta.source, "https://herald.example/world/talks");
    assert_eq!(good[0].meta.title.as_deref(), Some("Kessel & Valdoria agree to talks"));
    assert_eq!(good[0].meta.published.as_deref(), Some("2024-03-15T10:00:00+00:00"));
    assert!(good[0].text.contains("joint statement.\n\n\"This is a first step,\""), "{}", good[0].text);
    assert!(good[1].text.starts_with("Forecasters warned on Thursday"), "{}", good[1].text);
    assert!(matches!(&docs[2], Err(Error::Empty { path }) if path == "https://herald.example/world/empty"));

    let docs = read("feed.atom");
    let [Ok(doc)] = &docs[..] else { panic!("{docs:?}") };
    assert_eq!(doc.meta.url.as_deref(), Some("https://gazette.example/harbour-reopens"));
    assert_eq!(doc.meta.published.as_deref(), Some("2024-02-01T09:15:00+00:00"));
    assert!(doc.text.contains("three months after a fire"));

    let docs = read("feed.json");
    let [Ok(doc)] = &docs[..] else { panic!("{docs:?}") };
    assert_eq!(doc.meta.title.as_deref(), Some("City delays cafe tax"));
    assert_eq!(doc.meta.published.as_deref(), Some("2024-04-02T14:45:00+00:00"));
}

#[test]
fn json_lines_with_a_bad_line() {
    let docs = read("news.jsonl");
    assert_eq!(docs.len(), 4);
    let first = docs[0].as_ref().unwrap();
    assert_eq!(first.meta.source, "https://wire.example/1");
    assert_eq!(first.meta.published.as_deref(), Some("2024-05-06"));
    let second = docs[1].as_ref().unwrap();
    assert!(second.meta.source.ends_with("news.jsonl#2"));
    assert_eq!(second.meta.published.as_deref(), Some("2024-05-06"));
    assert_eq!(second.text, "The minister denied the report.\n\nShe said no such contract existed.");
    let bad = docs[2].as_ref().unwrap_err().to_string();
    assert!(bad.contains("news.jsonl#3: not valid JSON"), "{bad}");
    let html = docs[3].as_ref().unwrap();
    assert_eq!(html.meta.published.as_deref(), Some("2024-05-07T08:00:00+00:00"));
    assert!(html.text.starts_with("Lune's mayor said"));
}

#[test]
fn warc_and_warc_gz() {
    for name in ["crawl.warc", "crawl.warc.gz"] {
        let docs = read(name);
        assert_eq!(docs.len(), 2, "{name}: {docs:?}");
        let a = docs[0].as_ref().unwrap();
        assert_eq!(a.meta.source, "https://herald.example/world/drones");
        assert_eq!(a.meta.title.as_deref(), Some("Valdoria denies selling drones to Kessel"));
        assert_eq!(a.meta.published.as_deref(), Some("2024-03-14T08:30:00+01:00"));
        assert!(a.text.contains("We have nothing to hide."));
        let b = docs[1].as_ref().unwrap();
        assert_eq!(b.meta.source, "https://post.example/tram");
        assert_eq!(b.meta.published.as_deref(), Some("2024-05-07"));
        assert!(b.text.contains("two years later than planned."), "{}", b.text);
    }
}

#[test]
fn truncated_warc_gz_reports_once_and_keeps_what_came_before() {
    let bytes = std::fs::read(fixture("crawl.warc.gz")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let cut = dir.path().join("cut.warc.gz");
    std::fs::write(&cut, &bytes[..bytes.len() - 200]).unwrap();
    let docs: Vec<_> = read_input(&Input::File(cut)).collect();
    let errors: Vec<String> = docs.iter().filter_map(|d| d.as_ref().err()).map(|e| e.to_string()).collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("cut.warc.gz#") && errors[0].contains("truncated"), "{errors:?}");
    assert!(docs.iter().any(|d| d.as_ref().is_ok_and(|r| r.meta.source == "https://herald.example/world/drones")));
}

#[test]
fn a_directory_is_read_in_sorted_order() {
    let root = fixture("").display().to_string();
    let names: Vec<String> = expand_sources(&[root])
        .map(|i| match i.unwrap() {
            Input::File(p) => p.file_name().unwrap().to_string_lossy().to_string(),
            other => panic!("{other:?}"),
        })
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names.iter().filter(|n| !n.starts_with('.')).count(), names.len(), "hidden files are skipped");
    assert!(names.contains(&"crawl.warc.gz".to_string()) && names.iter().any(|n| n.ends_with(".clean.txt")));
    // Files of the top directory, then the `scraped` subdirectory's.
    let top: Vec<_> =
        names.iter().take_while(|n| !n.ends_with(".clean.txt") && !n.starts_with("agency")).cloned().collect();
    let mut top_sorted = top.clone();
    top_sorted.sort();
    assert_eq!(top, top_sorted);
}

#[test]
fn stdin_like_streams_are_sniffed() {
    use claimgraph::input::read_stream;
    let feed = std::fs::read(fixture("feed.atom")).unwrap();
    let docs: Vec<_> = read_stream("-".into(), None, Box::new(std::io::Cursor::new(feed)), None).collect();
    assert!(matches!(&docs[..], [Ok(d)] if matches!(d.body, RawBody::Html(_))));
    let warc = std::fs::read(fixture("crawl.warc.gz")).unwrap();
    let docs: Vec<_> = read_stream("-".into(), None, Box::new(std::io::Cursor::new(warc)), None).collect();
    assert_eq!(docs.len(), 2);
}

/// A collection's README and LICENSE are skipped in a directory walk, and
/// read when named explicitly.
#[test]
fn a_directory_walk_skips_the_collections_readme() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["README.md", "LICENSE", "a.txt", "readme-notes.txt"] {
        std::fs::write(dir.path().join(name), "Title\n\nThe minister said the talks would resume.\n").unwrap();
    }
    let names = |sources: Vec<String>| -> Vec<String> {
        expand_sources(&sources)
            .map(|i| match i.unwrap() {
                Input::File(p) => p.file_name().unwrap().to_string_lossy().to_string(),
                other => panic!("{other:?}"),
            })
            .collect()
    };
    assert_eq!(names(vec![dir.path().display().to_string()]), vec!["a.txt", "readme-notes.txt"]);
    let readme = dir.path().join("README.md").display().to_string();
    assert_eq!(names(vec![readme]), vec!["README.md"]);
}
