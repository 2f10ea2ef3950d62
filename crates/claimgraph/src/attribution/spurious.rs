//! Drafts that have the shape of a claim but report none: a request for
//! anonymity ("asked that his name not be published"), a refusal to speak
//! ("declined to comment on ..."), a question put to the speaker ("Asked
//! whether ..."), a content that is itself a speech tag ("..., she
//! emphasized"), a passive's agent read as the content ("were announced by
//! the operator"), or a transcript turn that runs the meeting ("I open the
//! meeting", "We go to Jocelyne"). The rules, the learned layer and the
//! transcript pass all make them; they are dropped once all have spoken,
//! so that none needs the test of its own.

use claimgraph_nlp::Upos;

use super::context::Ctx;
use super::lexicon::{cue_verb, CueClass};
use super::rules::Draft;
use crate::document::ClaimKind;

/// Drops the drafts that report no claim (see the module comment).
pub fn drop_spurious(ctx: &Ctx, drafts: &mut Vec<Draft>) {
    drafts.retain(|d| {
        !(anonymity_request(ctx, d)
            || refusal(ctx, d)
            || question_put(ctx, d)
            || speech_tag_content(ctx, d)
            || agent_content(ctx, d)
            || procedural_turn(ctx, d))
    });
}

/// The content's tokens, in order, without punctuation.
fn words(ctx: &Ctx, d: &Draft) -> Vec<usize> {
    d.content.iter().flat_map(|r| r.clone()).filter(|&i| !ctx.is_punct(i)).collect()
}

/// "who asked not to be named", "asked that his name be withheld", "asked
/// that her name not be published": the source's request about its own
/// name is no statement about the story. The rules drop "asked not" at the
/// cue; this catches the "that"-clause and the model's drafts.
fn anonymity_request(ctx: &Ctx, d: &Draft) -> bool {
    let asking =
        d.cue.clone().any(|k| matches!(ctx.lower(k).as_str(), "asked" | "asks" | "ask" | "asking" | "requested"));
    if !asking {
        return false;
    }
    let w = words(ctx, d);
    // The request opens the content: "(that) his name not be ...".
    let head: Vec<String> = w.iter().take(8).map(|&i| ctx.lower(i).to_string()).collect();
    let about_name =
        head.iter().any(|x| matches!(x.as_str(), "name" | "named" | "identified" | "identity" | "anonymity"));
    let withheld = head.iter().any(|x| matches!(x.as_str(), "not" | "withheld" | "anonymity" | "anonymous"));
    about_name && withheld
}

/// "declined to comment on whether ...", "refused to give the names", "did
/// not want to take a stand": a refusal to speak reports nothing the
/// speaker holds true. "refused the claims" (a claim noun for object) is a
/// denial and stays: only a refusal followed by an infinitive of speaking
/// goes.
fn refusal(ctx: &Ctx, d: &Draft) -> bool {
    let refusing = |k: usize| {
        matches!(
            ctx.lower(k).as_str(),
            "refused" | "refuses" | "refuse" | "refusing" | "declined" | "declines" | "decline" | "declining"
        )
    };
    // "did not want", "does not wish": a negated wish to act.
    let unwilling = |k: usize| {
        matches!(ctx.lower(k).as_str(), "want" | "wanted" | "wish" | "wished")
            && k > 0
            && matches!(ctx.lower(k - 1).as_str(), "not" | "n't" | "never")
    };
    let Some(k) = d.cue.clone().find(|&k| refusing(k) || unwilling(k)) else {
        return false;
    };
    // The infinitive: in the cue ("declined to comment on") or opening the
    // content ("refused :: to comment").
    let first = d.content.first().map(|r| r.start);
    let next_to = (k + 1 < d.cue.end && ctx.lower(k + 1) == "to") || (first == Some(k + 1) && ctx.lower(k + 1) == "to");
    // Only a refusal to speak: "refused to do what every candidate has
    // done" reports what the speaker will not do, which may be a claim
    // about him, and PolNeAR annotates it.
    next_to && k + 2 < ctx.tokens.len() && SPEAKING.contains(&ctx.lower(k + 2).as_str())
}

/// Verbs of speaking or telling that a refusal takes ("declined to
/// comment", "refused to give the names", "did not want to take a stand").
const SPEAKING: &[&str] = &[
    "comment",
    "speak",
    "say",
    "talk",
    "answer",
    "respond",
    "reply",
    "confirm",
    "discuss",
    "disclose",
    "reveal",
    "share",
    "give",
    "specify",
    "elaborate",
    "speculate",
    "name",
    "identify",
    "take",
    "provide",
    "explain",
    "detail",
];

/// "Asked whether the sensors had worked, she ...", "Questioned about the
/// figures, ...": a question put to the speaker, not an answer.
fn question_put(ctx: &Ctx, d: &Draft) -> bool {
    let asking = d.cue.clone().any(|k| matches!(ctx.lower(k).as_str(), "asked" | "questioned"));
    if !asking || d.content.is_empty() {
        return false;
    }
    let sent_start = ctx.doc.analysis.sentence_of(d.cue.start).map(|s| ctx.doc.analysis.sentences[s].tokens.start);
    // A participle opening its sentence ("Questioned by our newspaper, the
    // direction ...", "Asked whether ..."): the speaker was asked. "X asked
    // whether ..." in a sentence is X's question, which PolNeAR annotates
    // as an attribution, and stays.
    Some(d.cue.start) == sent_start && d.cue.end - d.cue.start == 1
}

/// Words a speech tag read as content has at most ("the company said in a
/// statement").
const TAG_WORDS: usize = 6;

/// "..., he said", "Söderholm wrote in an email", "the release mentions":
/// a content that is only a noun phrase and a reporting verb (with a short
/// phrase after it) is the tag of another saying, not what was said.
fn speech_tag_content(ctx: &Ctx, d: &Draft) -> bool {
    let w = words(ctx, d);
    if w.is_empty() || w.len() > TAG_WORDS || d.kind == ClaimKind::Direct {
        return false;
    }
    // A gerund cue ("continuing, he said") is often a real cue whose
    // content was cut; PolNeAR annotates it.
    if ctx.tagged && d.cue.clone().any(|k| ctx.tokens[k].xpos.as_str() == "VBG") {
        return false;
    }
    // The finite reporting verb after one to three words of a noun phrase
    // ("people accused of rape" is a noun phrase).
    let Some(pos) = w.iter().position(|&i| {
        // "asked for money" is a request of its own, not a tag.
        cue_verb(ctx.word(i)).is_some_and(|v| v.class == CueClass::Assert && v.lemma != "ask")
            && (!ctx.tagged || ctx.is_finite_verb(i))
    }) else {
        return false;
    };
    if !(1..=3).contains(&pos) || !w[..pos].iter().all(|&i| ctx.is_np_word(i)) {
        return false;
    }
    // Nothing after the verb but a prepositional phrase ("in an email",
    // "to reporters"): a clause after it would be the content itself.
    w.get(pos + 1).is_none_or(|&i| ctx.tagged && ctx.tokens[i].upos == Upos::ADP)
        && !w.iter().any(|&i| matches!(ctx.lower(i).as_str(), "that" | "who" | "which"))
}

/// "were announced by the operator of the pipeline", "contradicted by two
/// other witnesses": after a passive cue the agent is the speaker, and
/// the content is what stands before the cue; an agent read as content
/// reports nothing. An agent with a relative clause of saying ("by the
/// mayor, who said that ...") holds a content of its own and stays.
fn agent_content(ctx: &Ctx, d: &Draft) -> bool {
    let Some(first) = d.content.first().map(|r| r.start) else {
        return false;
    };
    // The cue is a passive participle ("were announced", "disputed by"),
    // and the content holds no clause of its own ("By only requiring ...,
    // this allows ..." after "says" is a claim).
    let passive = ctx.tagged && d.cue.clone().any(|k| ctx.tokens[k].xpos.as_str() == "VBN");
    passive
        && ctx.lower(first) == "by"
        && d.kind != ClaimKind::Direct
        && d.kind != ClaimKind::AccordingTo
        && !words(ctx, d)
            .iter()
            .any(|&i| ctx.is_finite_verb(i) || matches!(ctx.lower(i).as_str(), "who" | "which" | "that"))
}

/// Verbs with which a speaker in a transcript runs the talk itself: opens
/// or closes it, announces what he will say or ask next, hands over.
const DISCOURSE_VERBS: &[&str] = &[
    "open", "close", "start", "begin", "add", "ask", "say", "talk", "speak", "go", "move", "turn", "continue", "pass",
];

/// Words that may stand between the first-person subject and the discourse
/// verb: "I want to add", "we will talk", "I would like to ask", "I now
/// open".
const BEFORE_DISCOURSE_VERB: &[&str] =
    &["will", "would", "'ll", "’ll", "want", "wish", "like", "to", "now", "also", "first", "then", "just", "shall"];

/// "I open the meeting", "I close this interpellation", "I want to add
/// something", "I will start with the facts", "We go to Jocelyne, in
/// Pétion-Ville", "After the pause, we will talk about the school fees": a
/// labelled turn's sentence in which the speaker runs the talk states
/// nothing about the world. Only a turn's own sentence (the label's colon
/// for cue) with a first-person subject and a discourse verb that takes no
/// clause ("I want to say that the figures are false" has one and stays);
/// "open" and "close" only with "I" ("we close the plant" is news).
fn procedural_turn(ctx: &Ctx, d: &Draft) -> bool {
    if !ctx.tagged || d.cue.len() != 1 || ctx.word(d.cue.start) != ":" || d.content.len() != 1 {
        return false;
    }
    let p = d.content[0].clone();
    // The subject within the first words, after an adverbial at most ("After
    // the pause, we ...").
    let Some(subj) = p.clone().take(6).find(|&i| matches!(ctx.lower(i).as_str(), "i" | "we")) else {
        return false;
    };
    if (p.start..subj).any(|i| matches!(ctx.tokens[i].upos, Upos::VERB | Upos::AUX)) {
        return false;
    }
    let Some(v) = (subj + 1..p.end).find(|&i| !BEFORE_DISCOURSE_VERB.contains(&ctx.lower(i).as_str())) else {
        return false;
    };
    let lemma = ctx.tokens[v].lemma.to_lowercase();
    if !DISCOURSE_VERBS.contains(&lemma.as_str()) || matches!(ctx.tokens[v].upos, Upos::NOUN | Upos::PROPN) {
        return false;
    }
    if matches!(lemma.as_str(), "open" | "close") && ctx.lower(subj) != "i" {
        return false;
    }
    // No clause after the verb: no complementiser, no finite verb.
    !(v + 1..p.end).any(|i| ctx.is_finite_verb(i) || matches!(ctx.lower(i).as_str(), "that" | "whether" | "if"))
}
