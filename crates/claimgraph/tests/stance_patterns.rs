//! Stance on made-up paragraphs (written for this test): negations that
//! belong to something other than the claim's own clause, and predicates
//! that call their subject false.

use claimgraph::input::{single_document, Format};
use claimgraph::output::DocRecord;
use claimgraph::Pipeline;

fn record(name: &str, body: &str) -> DocRecord {
    let pipeline = Pipeline::new().expect("the shipped models load");
    let raw = single_document(name, Format::Text, body.as_bytes().to_vec()).expect("text reads");
    let doc = pipeline.analyse_raw(raw).expect("analysis runs");
    DocRecord::from_document(&doc)
}

/// The stance of the claim whose content holds `words`.
fn stance_of(rec: &DocRecord, words: &str) -> String {
    let claim = rec.claims.iter().find(|c| c.content.text.contains(words));
    let found: Vec<&str> = rec.claims.iter().map(|c| c.content.text.as_str()).collect();
    claim.map(|c| c.stance.as_str().to_string()).unwrap_or_else(|| format!("no claim with {words:?} in {found:?}"))
}

/// "were told not to speak": the negation is the order's, so the claim
/// that they were told affirms; a plain negated deed still denies.
#[test]
fn a_negated_infinitive_of_an_order_is_no_denial() {
    let body = "Test article\n\nThe head of the miners' union, Oskar Brandt, said that the families were told not to \
                speak to journalists.\n\n\
                The mayor of Velden, Ines Horn, said that the depot manager was asked not to publish the figures.\n\n\
                The spokesman of the port, Piet Laar, said that the crew did not speak to journalists.\n";
    let rec = record("directive.txt", body);
    assert_eq!(stance_of(&rec, "told not to"), "affirms");
    assert_eq!(stance_of(&rec, "asked not to"), "affirms");
    assert_eq!(stance_of(&rec, "did not speak"), "denies");
}

/// "Nobody can tell me that it is not negligence": a negated frame of
/// telling over a negated clause affirms it; over a plain one it denies.
#[test]
fn a_negated_frame_of_telling_cancels_a_negated_clause() {
    let body = "Test article\n\nThe lawyer of the families, Marta Olsen, said: \"Nobody can tell me that it is not \
                negligence to dig under houses for eleven days.\"\n\n\
                The builder, Jonas Weber, said: \"Nobody can tell me that the tunnel was safe.\"\n";
    let rec = record("tell.txt", body);
    assert_eq!(stance_of(&rec, "negligence"), "affirms");
    assert_eq!(stance_of(&rec, "tunnel was safe"), "denies");
}

/// A relative clause set off by commas on the subject does not end the
/// main clause: its negation is still read.
#[test]
fn a_relative_clause_between_commas_on_the_subject_is_skipped() {
    let body = "Test article\n\nThe prosecutor, Anna Berg, said that the driver, who is in the hospital with a broken \
                leg, has not been questioned yet.\n\n\
                The police chief, Lars Holm, said that the conductor, who has not been found, sold the tickets.\n";
    let rec = record("relative.txt", body);
    assert_eq!(stance_of(&rec, "has not been questioned"), "denies");
    assert_eq!(stance_of(&rec, "sold the tickets"), "affirms");
}

/// "the video is a fake", "any other number is invention": a predicate
/// that calls its subject false denies it; "the report is accurate" does
/// not.
#[test]
fn a_predicate_of_falsity_denies_its_subject() {
    let body = "Test article\n\nThe ministry spokesman, Karel Dvorak, said that the video of the shooting is a fake \
                made abroad.\n\n\
                The union leader, Eva Lind, said that the report of the inspectors is accurate.\n";
    let rec = record("fake.txt", body);
    assert_eq!(stance_of(&rec, "video of the shooting"), "denies");
    assert_eq!(stance_of(&rec, "report of the inspectors"), "affirms");
}

/// "until now" is a phrase of time, not a clause: the negation after it is
/// the claim's; "until the police came" still opens a clause.
#[test]
fn a_phrase_of_time_does_not_end_the_clause() {
    let body = "Test article\n\nThe chairman of the commission, Ivan Petrov, said that the commission received until \
                now no complaint about the count.\n\n\
                The mayor of Velden, Ines Horn, said that the crowd waited until the police came and nobody was \
                hurt.\n";
    let rec = record("until.txt", body);
    assert_eq!(stance_of(&rec, "no complaint"), "denies");
    assert_eq!(stance_of(&rec, "the crowd waited"), "affirms");
}

/// "9 people were treated, none of them in serious condition": a verbless
/// remark opened by a negation qualifies the clause without negating it.
#[test]
fn a_verbless_negative_remark_after_a_comma_is_no_denial() {
    let body = "Test article\n\nThe fire brigade spokesman, Tomas Rask, said that nine people were treated for smoke \
                inhalation, none of them in serious condition.\n";
    let rec = record("remark.txt", body);
    assert_eq!(stance_of(&rec, "smoke inhalation"), "affirms");
}
