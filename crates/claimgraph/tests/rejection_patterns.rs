//! Rejections on made-up paragraphs (written for this test): the claim that
//! rejects what others said must be marked as a rejection and answer the
//! right claim — never one by the rejecter's own side.

use claimgraph::input::{single_document, Format};
use claimgraph::output::{ClaimOut, DocRecord};
use claimgraph::Pipeline;

/// (paragraph, words of the rejecting content, words of the answered claim's
/// content or "" for none answered in the article)
const CASES: &[(&str, &str, &str)] = &[
    (
        "Activists said police officers had beaten 12 detainees in the Norvik jail. \
         The interior ministry described the video as a crude forgery.",
        "a crude forgery",
        "had beaten 12 detainees",
    ),
    (
        "The Talmar army said that its strike hit the facilities of the arms industry. \
         The mayor of Oskel, Petra Lind, rejected this as a lie: in Oskel, she said, there is no military target near the school.",
        "this as a lie",
        "its strike hit the facilities",
    ),
    (
        "Azerbaijan's defence ministry said that the strike destroyed all designated targets. \
         Statements of the Armenian government about a hit on the refinery, an Azerbaijani general said, are \"another staged provocation\".",
        "staged provocation",
        "",
    ),
    // The rejecter's own name in the rejected claim names no accuser: the
    // spokesman of that body is not answered.
    (
        "The spokesman of the Coast Guard, Commander Petros Lindos, said that the patrol boat reached the boat in 35 minutes. \
         The Orsk Coast Guard said: \"The claim that the Coast Guard arrived after two hours is not true.\"",
        "is not true",
        "",
    ),
];

fn content_has(c: &ClaimOut, words: &str) -> bool {
    c.content.text.contains(words)
}

#[test]
fn rejections_answer_the_accusers() {
    let pipeline = Pipeline::new().expect("the shipped models load");
    let mut failures = Vec::new();
    for (i, (text, rejecting, answered)) in CASES.iter().enumerate() {
        let body = format!("Test article {i}\n\n{text}\n");
        let raw = single_document(&format!("case{i}.txt"), Format::Text, body.into_bytes()).expect("text reads");
        let doc = pipeline.analyse_raw(raw).expect("analysis runs");
        let rec = DocRecord::from_document(&doc);
        let Some(rej) = rec.claims.iter().find(|c| content_has(c, rejecting)) else {
            failures.push(format!("{text}\n  no claim with content …{rejecting}…"));
            continue;
        };
        let prop = rej.proposition.as_ref();
        let ids: Vec<&String> = prop.map(|p| p.answers.iter().collect()).unwrap_or_default();
        let answered_contents: Vec<&str> =
            rec.claims.iter().filter(|c| ids.contains(&&c.id)).map(|c| c.content.text.as_str()).collect();
        let ok = rej.stance == "denies"
            && prop.is_some_and(|p| p.rejection)
            && if answered.is_empty() {
                answered_contents.is_empty()
            } else {
                answered_contents.iter().any(|c| c.contains(answered))
            };
        if !ok {
            failures.push(format!(
                "{text}\n  rejection: {} ({}) rejection={:?}\n  answers: {answered_contents:?}, want …{answered}…",
                rej.content.text,
                rej.stance,
                prop.map(|p| p.rejection)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
