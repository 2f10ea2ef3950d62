//! Scraped article text: web debris goes, every article line stays, and a
//! first-line headline becomes the title. Each `fixtures/input/scraped/X.txt`
//! (made-up articles in the style of scraped news pages) has its expected
//! clean text in `X.clean.txt`.

use std::fs;
use std::path::Path;

use claimgraph::clean::clean;
use claimgraph::{DocMeta, RawBody, RawDocument};

fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/input/scraped")
}

fn clean_text(text: &str) -> claimgraph::Document {
    let raw = RawDocument {
        meta: DocMeta { source: "t.txt".into(), ..Default::default() },
        body: RawBody::Text(text.into()),
    };
    clean(raw).expect("an article")
}

#[test]
fn every_scraped_fixture_cleans_to_its_expected_text() {
    let mut seen = 0;
    let mut entries: Vec<_> = fs::read_dir(fixtures()).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.ends_with(".txt") || name.ends_with(".clean.txt") {
            continue;
        }
        let expected = fs::read_to_string(path.with_extension("clean.txt")).unwrap();
        let doc = clean_text(&fs::read_to_string(&path).unwrap());
        assert_eq!(doc.text, expected, "{name}");
        seen += 1;
    }
    assert!(seen >= 12, "only {seen} fixtures");
}

#[test]
fn headlines_become_titles_and_stay_in_the_text() {
    for (file, title) in [
        ("theme_trailer.txt", Some("Valdoria: no attack helicopters were sold to Kessel")),
        ("tags_comments_footer.txt", Some("Minister rejects claims of secret grain exports")),
        ("agency_credit.txt", Some("Talks on border crossing to resume next week")),
        ("no_headline_follow.txt", None),
        ("theme_full_chrome.txt", Some("Kessel accuses Valdoria of shelling border villages")),
    ] {
        let doc = clean_text(&fs::read_to_string(fixtures().join(file)).unwrap());
        assert_eq!(doc.meta.title.as_deref(), title, "{file}");
        if let Some(t) = title {
            assert!(doc.text.starts_with(t), "{file}");
        }
    }
}

#[test]
fn publication_dates_come_from_datelines_and_labels_not_from_the_story() {
    for (file, published) in [
        ("headerless_list.txt", Some("2024-03-14")),
        ("copyright_sources_credits.txt", Some("2024-05-19T09:40:00")),
        // The dateline's date, not the story's "On 11 March 2024".
        ("own_lists_stay.txt", Some("2024-03-12")),
        ("agency_credit.txt", None),
        ("app_social_prompts.txt", None),
        // Dates of other stories in the related list are not the article's.
        ("blog_share_related.txt", None),
    ] {
        let doc = clean_text(&fs::read_to_string(fixtures().join(file)).unwrap());
        assert_eq!(doc.meta.published.as_deref(), published, "{file}");
    }
}

/// The seed article (from ../shared, skipped when absent): its trailer goes,
/// its headline is the title, and its last paragraph stays.
#[test]
fn seed_article_trailer() {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/examples/000_942ec9199f9d840f.txt"));
    let Ok(text) = fs::read_to_string(path) else {
        eprintln!("skipped: {} not found (needs /work/shared)", path.display());
        return;
    };
    let doc = clean_text(&text);
    assert!(!doc.text.contains("Related Articles"));
    assert!(!doc.text.contains("Back to top button"));
    assert!(doc.text.trim_end().ends_with("cease-fire.\u{201d}"), "{}", &doc.text[doc.text.len() - 80..]);
    assert!(doc.meta.title.as_deref().is_some_and(|t| text.starts_with(t)));
    // Nothing but the trailer went: every other line is still there.
    let lines =
        text.lines().filter(|l| !l.trim().is_empty() && !l.contains("Related Articles") && !l.contains("Back to top"));
    for l in lines {
        assert!(doc.text.contains(l.trim()), "lost: {l}");
    }
}
