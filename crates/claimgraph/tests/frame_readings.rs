//! Event frames on made-up sentences (written for this test): the readings
//! of `attribution::proposition` that repair tagger and parser slips must
//! give each event its predicate and what it acts on. Needs the shipped
//! models (models/).

use claimgraph::input::{single_document, Format};
use claimgraph::output::{DocRecord, FrameOut};
use claimgraph::Pipeline;

/// Every frame of every claim of a one-paragraph article.
fn frames(pipeline: &Pipeline, text: &str) -> Vec<FrameOut> {
    let body = format!("Test article\n\n{text}\n");
    let raw = single_document("case.txt", Format::Text, body.into_bytes()).expect("text reads");
    let doc = pipeline.analyse_raw(raw).expect("analysis runs");
    let rec = DocRecord::from_document(&doc);
    rec.claims.iter().filter_map(|c| c.proposition.as_ref()).flat_map(|p| p.frames.clone()).collect()
}

fn has(frames: &[FrameOut], pred: &str, object_head: &str) -> bool {
    frames.iter().any(|f| {
        f.predicate.starts_with(pred) && f.object.as_ref().is_some_and(|o| o.head.eq_ignore_ascii_case(object_head))
    })
}

#[test]
fn frames_read_particles_copular_event_nouns_and_participles() {
    let pipeline = Pipeline::new().expect("the shipped models load");
    let cases: &[(&str, &str, &str)] = &[
        // A phrasal verb: the object after its particle.
        (
            "Port officials said the freighter Marisol had switched off its radar for five hours near the harbour.",
            "switch",
            "radar",
        ),
        // An event noun as the predicate of a copula: an event of its
        // subject.
        ("\"We assess that the test was a failure,\" said Colonel Ana Ruiz of the Brenland navy.", "failure", "test"),
    ];
    let mut failures = Vec::new();
    for (text, pred, head) in cases {
        let fs = frames(&pipeline, text);
        if !has(&fs, pred, head) {
            failures.push(format!("{text}\n  want {pred}({head}), got {fs:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_passive_participle_has_what_it_acts_on() {
    let pipeline = Pipeline::new().expect("the shipped models load");
    // Whatever the tagger makes of "beaten" (verb or adjective), the frame
    // must say who was beaten.
    let text = "\"The prisoners were beaten with sticks,\" said Marta Velez, a lawyer for the families.";
    let fs = frames(&pipeline, text);
    assert!(has(&fs, "beat", "prisoner"), "{fs:?}");
}
