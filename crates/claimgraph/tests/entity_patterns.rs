//! Entity clustering patterns on made-up sentences (written for this test):
//! each text must put the listed spellings into one entity.

use claimgraph::input::{single_document, Format};
use claimgraph::output::DocRecord;
use claimgraph::Pipeline;

/// (paragraph, spellings that must name one entity)
const CASES: &[(&str, &[&str])] = &[
    (
        "The spokesman of the provincial council, Karimullah Haqqani, said on Monday that the road was closed. \
         Haqany wrote later that the council would meet again.",
        &["Karimullah Haqqani", "Haqany"],
    ),
    (
        "The defence minister Chou Ming-hsien (Zhou Mingxian) told lawmakers that the drills had ended. \
     Zhou Mingxian also said the navy stayed on alert.",
        &["Chou Ming-hsien", "Zhou Mingxian"],
    ),
];

#[test]
fn spellings_join_one_entity() {
    let pipeline = Pipeline::new().expect("the shipped models load");
    for (i, (text, spellings)) in CASES.iter().enumerate() {
        let body = format!("Test article {i}\n\n{text}\n");
        let raw = single_document(&format!("case{i}.txt"), Format::Text, body.into_bytes()).expect("text reads");
        let doc = pipeline.analyse_raw(raw).expect("analysis runs");
        let rec = DocRecord::from_document(&doc);
        let holder = |s: &str| {
            rec.entities
                .iter()
                .position(|e| e.name == s || e.aliases.iter().any(|a| a == s))
                .map(|p| &rec.entities[p].id)
        };
        let ids: Vec<_> = spellings.iter().map(|s| holder(s)).collect();
        assert!(ids.iter().all(|id| id.is_some() && *id == ids[0]), "{text}\n  spellings {spellings:?} -> {ids:?}");
    }
}
