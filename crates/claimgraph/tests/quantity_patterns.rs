//! Quantity patterns on made-up sentences (written for this test), read
//! through the whole pipeline: the tagger decides what a number counts.

use claimgraph::input::{single_document, Format};
use claimgraph::output::DocRecord;
use claimgraph::Pipeline;

fn quantities(text: &str) -> Vec<(f64, String)> {
    let pipeline = Pipeline::new().expect("the shipped models load");
    let body = format!("Test article\n\n{text}\n");
    let raw = single_document("q.txt", Format::Text, body.into_bytes()).expect("text reads");
    let doc = pipeline.analyse_raw(raw).expect("analysis runs");
    DocRecord::from_document(&doc).quantities.iter().map(|q| (q.value, q.unit.clone())).collect()
}

/// "three of the 27 injured workers" states both counts; "of the 23
/// wounded, seven are policemen" counts policemen.
#[test]
fn partitives_and_counts_after_are() {
    let q = quantities(
        "The doctor said that of the 23 wounded, seven are policemen and 16 are civilians. \
         She added that three of the 27 injured workers had bullet wounds.",
    );
    for (value, unit) in
        [(23.0, "wounded"), (7.0, "policemen"), (16.0, "civilians"), (3.0, "workers"), (27.0, "workers")]
    {
        assert!(q.iter().any(|(v, u)| *v == value && u == unit), "{value} {unit} not in {q:?}");
    }
}
