//! Drafts that have the shape of a claim but report none (made-up
//! paragraphs, written for this test): a request for anonymity, a refusal
//! to speak, a passive's agent read as the content, a speech tag read as
//! the content, a subject cut from its predicate by the cue. Each must be
//! gone, and the paragraph's real claim must stay (or be whole).

use claimgraph::input::{single_document, Format};
use claimgraph::output::DocRecord;
use claimgraph::Pipeline;

/// (paragraph, content words no claim may have, content words a claim must
/// have or "" for none)
const CASES: &[(&str, &str, &str)] = &[
    (
        "The strike at the Norvik plant entered its third day on Tuesday. A worker at the plant, who asked that \
         his name not be published for fear of losing his job, said the managers had cut the night shift without notice.",
        "his name not be published",
        "had cut the night shift",
    ),
    (
        "The company said on Monday that the leak had been stopped. Its spokesperson declined to comment on \
         whether the company had paid the fishermen.",
        "whether the company had paid",
        "the leak had been stopped",
    ),
    (
        "The company said on Monday that the leak had been stopped. The mayor refused to give the names of the families.",
        "to give the names",
        "the leak had been stopped",
    ),
    (
        "The environment agency has said that the spill near Varnok was about 2,100 barrels, seven times more than \
         the 300 barrels which were announced by the operator of the pipeline last week.",
        "by the operator",
        "2,100 barrels",
    ),
    (
        "Varga informed the partners only about 1,500 soldiers, she emphasized.",
        "she emphasized",
        "1,500 soldiers",
    ),
    // The cue cuts its clause between subject and predicate: the subject
    // alone is no claim; subject and predicate together are one.
    (
        "The bridge in Marsa collapsed on Sunday, killing four people. The union, he said, warned in 2023 of the \
         cracks in the pillars and sent a report to the governorate.",
        "The union",
        "warned in 2023 of the cracks",
    ),
];

/// A transcript whose speakers open and close the meeting and announce what
/// they will say: those sentences are no claims, the others are.
const TRANSCRIPT: &str = "The committee on water met in Varnok on Monday. Here is the record of the hearing.\n\n\
    HANNA LIND: I open the meeting. The water level of the reservoir fell by two metres in October.\n\n\
    PETER VOSS: I want to add something. The dam was inspected in May and no cracks were found.\n\n\
    HANNA LIND: We go to the next point. I close the meeting.";

#[test]
fn a_turn_that_runs_the_meeting_is_no_claim() {
    let pipeline = Pipeline::new().expect("the shipped models load");
    let body = format!("Test article\n\n{TRANSCRIPT}\n");
    let raw = single_document("transcript.txt", Format::Text, body.into_bytes()).expect("text reads");
    let doc = pipeline.analyse_raw(raw).expect("analysis runs");
    let rec = DocRecord::from_document(&doc);
    let contents: Vec<&str> = rec.claims.iter().map(|c| c.content.text.as_str()).collect();
    for procedural in
        ["I open the meeting", "I want to add something", "We go to the next point", "I close the meeting"]
    {
        assert!(!contents.contains(&procedural), "{procedural:?} kept: {contents:?}");
    }
    for real in ["fell by two metres", "no cracks were found"] {
        assert!(contents.iter().any(|c| c.contains(real)), "{real:?} lost: {contents:?}");
    }
}

#[test]
fn spurious_claims_are_dropped_and_real_ones_stay() {
    let pipeline = Pipeline::new().expect("the shipped models load");
    let mut failures = Vec::new();
    for (i, (text, spurious, real)) in CASES.iter().enumerate() {
        let body = format!("Test article {i}\n\n{text}\n");
        let raw = single_document(&format!("case{i}.txt"), Format::Text, body.into_bytes()).expect("text reads");
        let doc = pipeline.analyse_raw(raw).expect("analysis runs");
        let rec = DocRecord::from_document(&doc);
        let contents: Vec<&str> = rec.claims.iter().map(|c| c.content.text.as_str()).collect();
        // The spurious words may stand inside a real claim's content; only
        // a claim that is (nearly) nothing else is spurious.
        if contents.iter().any(|c| c.contains(spurious) && c.len() < spurious.len() + 40) {
            failures.push(format!("{text}\n  spurious claim kept: {contents:?}"));
        }
        if !real.is_empty() && !contents.iter().any(|c| c.contains(real)) {
            failures.push(format!("{text}\n  real claim lost (…{real}…): {contents:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
