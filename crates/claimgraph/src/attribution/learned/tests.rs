//! Training smoke tests on made-up sentences (written for these tests),
//! and the merge with the rules.

use std::ops::Range;

use super::gold::TokenAttribution;
use super::train::{train, Example, Options};
use super::view::{View, WordClasses};
use super::Model;
use crate::attribution::context::Ctx;
use crate::attribution::rules::Draft;
use crate::document::{ClaimKind, Stance};
use crate::eval::predict::analyse_text;
use crate::eval::spans::{Attribution, Extent};
use crate::Pipeline;

/// A made-up sentence with its source, cue and content given as substrings.
struct Case {
    text: &'static str,
    source: &'static str,
    cue: &'static str,
    content: &'static str,
}

const CASES: &[Case] = &[
    Case {
        text: "Maria Lopez said the bridge would reopen in May.",
        source: "Maria Lopez",
        cue: "said",
        content: "the bridge would reopen in May",
    },
    Case {
        text: "The council announced that local taxes will rise next year.",
        source: "The council",
        cue: "announced",
        content: "that local taxes will rise next year",
    },
    Case {
        text: "Tom Baker said the plan was far too expensive.",
        source: "Tom Baker",
        cue: "said",
        content: "the plan was far too expensive",
    },
    Case {
        text: "The minister has said that the port will stay open.",
        source: "The minister",
        cue: "has said",
        content: "that the port will stay open",
    },
    Case {
        text: "Police said the driver had fled the scene.",
        source: "Police",
        cue: "said",
        content: "the driver had fled the scene",
    },
    Case {
        text: "The company claimed that its profits had doubled.",
        source: "The company",
        cue: "claimed",
        content: "that its profits had doubled",
    },
    Case {
        text: "Sara Kim said the vote was fair and final.",
        source: "Sara Kim",
        cue: "said",
        content: "the vote was fair and final",
    },
    Case {
        text: "The union argued that wages must rise.",
        source: "The union",
        cue: "argued",
        content: "that wages must rise",
    },
    Case {
        text: "Officials said the fire started in the kitchen.",
        source: "Officials",
        cue: "said",
        content: "the fire started in the kitchen",
    },
    Case {
        text: "The mayor insisted that the budget was balanced.",
        source: "The mayor",
        cue: "insisted",
        content: "that the budget was balanced",
    },
];

fn extent(text: &str, part: &str) -> Extent {
    let b = text.find(part).expect("the part is in the text");
    let cp = |b: usize| text[..b].chars().count();
    Extent::new(cp(b), cp(b + part.len()))
}

fn examples(pipeline: &Pipeline, cases: &[Case], classes: &WordClasses) -> Vec<Example> {
    cases
        .iter()
        .map(|c| {
            let doc = analyse_text(pipeline, "test", c.text);
            let gold = Attribution {
                cue: extent(c.text, c.cue),
                sources: vec![extent(c.text, c.source)],
                contents: vec![extent(c.text, c.content)],
            };
            Example::new(&doc, &[gold], classes)
        })
        .collect()
}

fn words(pipeline: &Pipeline, text: &str, r: &Range<usize>) -> String {
    let doc = analyse_text(pipeline, "test", text);
    let t = &doc.analysis.tokens;
    text[t[r.start].start..t[r.end - 1].end].to_string()
}

#[test]
fn learns_cues_sources_and_contents_from_a_few_sentences() {
    let pipeline = Pipeline::new().expect("the shipped linguistic models load");
    let classes = WordClasses::default();
    let train_set = examples(&pipeline, CASES, &classes);
    let opts = Options { cue_epochs: 8, role_epochs: 8, seed: 3, ..Options::default() };
    let model = train(&train_set, &[], classes, &opts, &|_| {});
    assert!(!model.is_empty());

    // The model survives its file format.
    let model = Model::from_bytes(&model.to_bytes()).expect("the model reads back");

    // An unseen sentence of a seen pattern.
    let text = "Anna Smith said the school would close in June.";
    let doc = analyse_text(&pipeline, "test", text);
    let quotes = crate::attribution::quotes::find_quotes(&doc.text, &doc.analysis.tokens);
    let view = View::new(&doc, &quotes, &model.classes);
    let found = model.predict(&view);
    assert_eq!(found.len(), 1, "{found:?}");
    let a: &TokenAttribution = &found[0];
    assert_eq!(words(&pipeline, text, &a.cue), "said");
    assert_eq!(a.sources.len(), 1);
    assert_eq!(words(&pipeline, text, &a.sources[0]), "Anna Smith");
    assert_eq!(a.contents.len(), 1);
    assert_eq!(words(&pipeline, text, &a.contents[0]), "the school would close in June");
}

fn draft(cue: Range<usize>, speaker: Option<Range<usize>>, content: Range<usize>) -> Draft {
    Draft {
        cue,
        speaker,
        shares_speaker: false,
        content: vec![content],
        kind: ClaimKind::Indirect,
        stance: Stance::Affirms,
        hedged: false,
        confidence: 0.9,
        colon_open: false,
        denial_cue: false,
    }
}

#[test]
fn combine_keeps_rules_widens_them_and_fills_free_sentences() {
    let pipeline = Pipeline::new().expect("the shipped linguistic models load");
    // Tokens: 0 The 1 minister 2 has 3 said 4 that 5 the 6 port 7 will 8 stay
    // 9 open 10 . | 11 Critics 12 argued 13 the 14 plan 15 would 16 fail 17 .
    let text = "The minister has said that the port will stay open. Critics argued the plan would fail.";
    let doc = analyse_text(&pipeline, "test", text);
    assert_eq!(doc.analysis.tokens.len(), 18);
    let ctx = Ctx::new(&doc);
    let rules = vec![draft(3..4, Some(1..2), 5..10)];
    let learned = vec![draft(2..4, Some(0..2), 4..10), draft(12..13, Some(11..12), 13..17), draft(3..4, None, 4..6)];
    let out = super::combine(&ctx, rules, learned);
    assert_eq!(out.len(), 2, "{out:?}");
    // The rules' draft, widened to the model's cue, source and content.
    assert_eq!((out[0].cue.clone(), out[0].speaker.clone()), (2..4, Some(0..2)));
    assert_eq!(out[0].content.len(), 1);
    assert_eq!(out[0].content[0], 4..10);
    assert_eq!(out[0].confidence, 0.9);
    // The model's draft in the free second sentence.
    assert_eq!(out[1].cue, 12..13);
}

#[test]
fn learned_speakers_are_tidied_and_need_a_clause_to_stand_alone() {
    let pipeline = Pipeline::new().expect("the shipped linguistic models load");
    // 0 Officials 1 , 2 in 3 a 4 call 5 with 6 reporters 7 , 8 said 9 the 10 dam
    // 11 would 12 hold 13 . | 14 Critics 15 told 16 a 17 very 18 different 19 story 20 .
    let text = "Officials, in a call with reporters, said the dam would hold. Critics told a very different story.";
    let doc = analyse_text(&pipeline, "test", text);
    assert_eq!(doc.analysis.tokens.len(), 21);
    let ctx = Ctx::new(&doc);
    // The adjunct after the comma is not part of the speaker.
    assert_eq!(super::combine::tidy_speaker(&ctx, 0..7), 0..1);
    let learned = vec![draft(8..9, Some(0..7), 9..13), draft(15..16, Some(14..15), 16..20)];
    let out = super::combine(&ctx, Vec::new(), learned);
    // The second content has no verb: not a claim on its own.
    assert_eq!(out.len(), 1, "{out:?}");
    assert_eq!((out[0].cue.clone(), out[0].speaker.clone()), (8..9, Some(0..1)));
}

#[test]
fn the_shipped_model_is_trained() {
    let model = Model::from_bytes(super::model::DEFAULT_MODEL).expect("models/attribution.bin reads");
    assert!(!model.is_empty(), "models/attribution.bin is an untrained placeholder");
    assert!(model.note.contains("training articles"), "{}", model.note);
}

#[test]
fn a_colon_cue_survives_the_conversion_to_tokens() {
    let pipeline = Pipeline::new().expect("the shipped linguistic models load");
    let text = "Survey: most riders want later buses.";
    let doc = analyse_text(&pipeline, "test", text);
    let gold = Attribution {
        cue: extent(text, ":"),
        sources: vec![extent(text, "Survey")],
        contents: vec![extent(text, "most riders want later buses.")],
    };
    let t = super::gold::to_tokens(&doc, &[gold]);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(words(&pipeline, text, &t[0].cue), ":");
    // Edge punctuation of a span with words is still trimmed.
    assert_eq!(words(&pipeline, text, &t[0].contents[0]), "most riders want later buses");
}

/// The token range from the first token `from` to the first token `to` (inclusive) after it.
fn toks(doc: &crate::Document, from: &str, to: &str) -> Range<usize> {
    toks_from(doc, 0, from, to)
}

/// As [`toks`], looking for `from` at token `start` or later.
fn toks_from(doc: &crate::Document, start: usize, from: &str, to: &str) -> Range<usize> {
    let t = &doc.analysis.tokens;
    let a = (start..t.len()).find(|&i| t[i].text(&doc.text) == from).expect("first word present");
    let b = (a..t.len()).find(|&i| t[i].text(&doc.text) == to).expect("last word present");
    a..b + 1
}

#[test]
fn a_learned_speaker_gains_its_name_in_apposition() {
    let pipeline = Pipeline::new().expect("the shipped linguistic models load");
    let text = "The head of the regional health service, Maria Kowalska, said that two hospitals were running on \
                generators.";
    let doc = analyse_text(&pipeline, "test", text);
    let ctx = Ctx::new(&doc);
    let speaker = toks(&doc, "The", "service");
    let widened = super::combine::with_apposition(&ctx, speaker.clone());
    assert_eq!(words(&pipeline, text, &widened), "The head of the regional health service, Maria Kowalska");
    // A list of other people is not an apposition.
    let text = "The mayor, Anna Berg and Tom Lind met on Monday.";
    let doc = analyse_text(&pipeline, "test", text);
    let ctx = Ctx::new(&doc);
    let s = toks(&doc, "The", "mayor");
    let w = super::combine::with_apposition(&ctx, s.clone());
    assert!(w == s || words(&pipeline, text, &w) == "The mayor, Anna Berg", "{w:?}");
}

#[test]
fn topics_and_names_of_learned_claims() {
    let pipeline = Pipeline::new().expect("the shipped linguistic models load");
    let text = "The adviser made statements regarding the agenda at the weekly briefing held at the ministry. \
                Valdoria hinted at sabotage by a neighbouring state. Republicans argued the plan would fail. \
                Critics said it was false.";
    let doc = analyse_text(&pipeline, "test", text);
    let ctx = Ctx::new(&doc);
    let topic =
        draft(toks(&doc, "made", "regarding"), Some(toks(&doc, "The", "adviser")), toks(&doc, "the", "ministry"));
    // One content span, as the model drafts them (a list of spans).
    #[allow(clippy::single_range_in_vec_init)]
    let topic = Draft { content: vec![topic.cue.end..topic.content[0].end], ..topic };
    let hinted = toks(&doc, "hinted", "hinted");
    let prep =
        draft(hinted.clone(), Some(toks(&doc, "Valdoria", "Valdoria")), toks_from(&doc, hinted.end, "at", "state"));
    let group = draft(
        toks(&doc, "argued", "argued"),
        Some(toks(&doc, "Republicans", "Republicans")),
        toks(&doc, "plan", "fail"),
    );
    #[allow(clippy::single_range_in_vec_init)]
    let group = Draft { content: vec![group.content[0].start - 1..group.content[0].end], ..group };
    let short = draft(toks(&doc, "said", "said"), Some(toks(&doc, "Critics", "Critics")), toks(&doc, "it", "false"));
    let out = super::combine(&ctx, Vec::new(), vec![topic, prep, group, short]);
    let cues: Vec<String> = out.iter().map(|d| words(&pipeline, text, &d.cue)).collect();
    // What was talked about is not what was said; a plural proper noun is a
    // group, not an unrecognised person; a short clause with its own
    // subject is a claim.
    assert_eq!(cues, ["argued", "said"], "{out:?}");
}

#[test]
fn widened_content_stops_at_the_end_of_its_quotation() {
    let pipeline = Pipeline::new().expect("the shipped linguistic models load");
    let text = "The minister said: \u{201c}We will end the displacement.\u{201d} of people. from the public.";
    let doc = analyse_text(&pipeline, "test", text);
    let ctx = Ctx::new(&doc);
    let cue = toks(&doc, "said", "said");
    let inner = toks(&doc, "We", "displacement");
    let mut rules = draft(cue.clone(), Some(toks(&doc, "The", "minister")), inner.clone());
    let learned =
        vec![draft(cue.clone(), Some(toks(&doc, "The", "minister")), inner.start..doc.analysis.tokens.len() - 1)];
    super::combine::widen(&ctx, &mut rules, &learned, true);
    assert_eq!(rules.content, vec![inner]);
}
