//! The HTML extractor (Readability, renderer, metadata, dates) on any input.
#![no_main]

use claimgraph::clean::{clean, html};
use claimgraph::{DocMeta, RawBody, RawDocument};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let page = String::from_utf8_lossy(data);
    let extracted = html::extract(&page);
    assert!(!extracted.body.contains("\n\n\n"));
    let raw = RawDocument { meta: DocMeta::default(), body: RawBody::Html(page.into_owned()) };
    if let Ok(doc) = clean(raw) {
        assert!(!doc.text.trim().is_empty());
    }
});
