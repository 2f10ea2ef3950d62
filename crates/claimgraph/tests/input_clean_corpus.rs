//! How often the scraped-text cleaner drops lines of *clean* news articles
//! (which have no web debris, so every dropped line is a loss). Uses the
//! PolNeAR training texts in ../shared (skipped when absent); ignored by
//! default because it reads a few thousand files:
//! `cargo test --release -p claimgraph --test input_clean_corpus -- --ignored --nocapture`.

use std::path::Path;

use claimgraph::clean::{clean, normalise_text};
use claimgraph::{DocMeta, RawBody, RawDocument};

#[test]
#[ignore]
fn clean_articles_lose_no_lines() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/polnear/train/text"));
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("skipped: {} not found (needs /work/shared)", dir.display());
        return;
    };
    let (mut docs, mut lines, mut dropped, mut dropped_prose) = (0usize, 0usize, 0usize, 0usize);
    for e in entries.flatten() {
        let Ok(text) = std::fs::read_to_string(e.path()) else { continue };
        let raw = RawDocument { meta: DocMeta::default(), body: RawBody::Text(text.clone()) };
        let Ok(doc) = clean(raw) else { continue };
        docs += 1;
        let kept: std::collections::HashSet<&str> = doc.text.lines().collect();
        for l in normalise_text(&text).lines().filter(|l| !l.is_empty()) {
            lines += 1;
            if !kept.contains(l) {
                dropped += 1;
                dropped_prose += usize::from(claimgraph::clean::debris::is_prose(l));
                // Only the length and the first words, to judge the rule.
                let head: String = l.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
                println!("dropped ({} chars): {head} ... [{}]", l.len(), e.file_name().to_string_lossy());
            }
        }
    }
    println!(
        "{docs} documents, {lines} lines, {dropped} dropped ({:.3}%), {dropped_prose} of them prose",
        100.0 * dropped as f64 / lines.max(1) as f64
    );
    // What goes from clean articles is their own web debris ("Follow X on
    // Twitter @x.", "FACEBOOK.", date lines), never a sentence of prose.
    assert_eq!(dropped_prose, 0);
    assert!(dropped * 200 <= lines, "more than 0.5% of lines dropped");
}
