//! Scraped-text cleaning (normalisation, debris, headline) on any text:
//! output characters come from the input, and a title is the text's start.
#![no_main]

use claimgraph::clean::{clean, date, debris, normalise_text};
use claimgraph::{DocMeta, RawBody, RawDocument};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let n = normalise_text(&text);
    let _ = debris::strip(&n);
    let _ = date::normalise(&text);
    let raw = RawDocument { meta: DocMeta::default(), body: RawBody::Text(text.to_string()) };
    if let Ok(doc) = clean(raw) {
        assert!(doc.text.chars().all(|c| c == ' ' || c == '\n' || text.contains(c)));
        if let Some(t) = &doc.meta.title {
            assert!(doc.text.starts_with(t.as_str()));
        }
    }
});
