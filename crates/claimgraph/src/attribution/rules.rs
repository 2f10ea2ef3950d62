//! The attribution rules: from cues to draft claims (speaker words, cue,
//! content pieces, kind, stance).
//!
//! Patterns handled, for a reporting verb V and an "according to" cue:
//! * `SPEAKER V (that|:|“) CONTENT` — content on the right, after any
//!   adverbs, recipient ("told reporters") and adjunct phrases ("in an
//!   interview with The New York Times");
//! * `CONTENT, SPEAKER V.` and `“CONTENT,” SPEAKER V.` — content on the left;
//! * `CONTENT, V SPEAKER.` — inverted speaker;
//! * `PART1, SPEAKER V [adjunct], PART2.` — content interrupted by the
//!   attribution ("Since October, Budanov said in an interview, he has ...");
//! * `According to SOURCE, CONTENT` and `CONTENT, according to SOURCE`;
//! * `... and V`, `..., V-ing` — a coordinated or participial cue shares the
//!   sentence's speaker;
//! * `SPEAKER described X as Y` — an evaluation, denying when Y calls X false.
//!
//! Content introduced by a colon and not quoted continues over the following
//! sentences of its paragraph until another attribution starts; quoted
//! content runs to its closing mark, over paragraphs if the quote does.

use std::ops::Range;

use claimgraph_nlp::Upos;

use super::context::Ctx;
use super::lexicon::{cue_verb, is_claim_noun, CueClass, CueVerb};
use super::speaker::{is_pre_verb_filler, np_right, subject_left};
use super::stance;
use crate::document::{ClaimKind, EntityKind, Stance};

/// A cue found in a sentence.
#[derive(Debug, Clone)]
pub struct Cue {
    /// Token range of the cue words.
    pub tokens: Range<usize>,
    /// The reporting verb, or `None` for "according to".
    pub verb: Option<CueVerb>,
}

/// A claim before speaker resolution.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The cue.
    pub cue: Range<usize>,
    /// The speaker words, if any.
    pub speaker: Option<Range<usize>>,
    /// Take the speaker of the previous claim in the sentence (coordinated
    /// or participial cue).
    pub shares_speaker: bool,
    /// The content pieces, in order.
    pub content: Vec<Range<usize>>,
    /// Direct, indirect, mixed or according-to.
    pub kind: ClaimKind,
    /// Affirms or denies.
    pub stance: Stance,
    /// Hedged.
    pub hedged: bool,
    /// Confidence in [0, 1].
    pub confidence: f32,
    /// True when the content came after a colon without quotes, so that it
    /// may continue over the next sentences of the paragraph.
    pub colon_open: bool,
    /// True when the cue itself denies (or evaluates as false); kept so that
    /// the stance can be recomputed when the content is split.
    pub denial_cue: bool,
}

/// Finds the cues of one sentence, outside quotations.
pub fn find_cues(ctx: &Ctx, sent: &Range<usize>) -> Vec<Cue> {
    let mut out = Vec::new();
    let mut i = sent.start;
    while i < sent.end {
        // Words inside a quotation are the quoted speech, not attributions
        // of it — except a short quoted verb phrase: "categorically
        // rejected" the accusation.
        if let Some(q) = ctx.quote_of[i] {
            if ctx.quotes[q].len() > 4 {
                i += 1;
                continue;
            }
        }
        let w = ctx.lower(i);
        if w == "according" && ctx.lower(i + 1) == "to" && i + 2 < sent.end {
            out.push(Cue { tokens: i..i + 2, verb: None });
            i += 2;
            continue;
        }
        // "By his words, the concentration of methane reached 4.6 percent",
        // "In her words, ...": a sentence opened by a pronoun's words
        // reports that person's account, as "according to him" does
        // (common in translations from Russian and the Turkic languages).
        // "In his opinion, ...", "In her assessment the units are ...", and
        // set off by commas inside the sentence ("The capital, by her
        // words, fell below 6 percent"): the same for a pronoun's view.
        // (Inside a sentence only where no cue came before: "According to
        // X, the list ..., which, by his words, proves ..." is X's.)
        if words_of_pronoun(ctx, i, sent).is_some() && (out.is_empty() || i == content_start(ctx, sent)) {
            out.push(Cue { tokens: i..i + 3, verb: None });
            i += 3;
            continue;
        }
        // "In the opinion of Dr. X, ...", "By the estimation of the
        // commission, ...": a named party's view, read as "according to".
        if view_of_party(ctx, i, sent) {
            out.push(Cue { tokens: i..i + 4, verb: None });
            i += 4;
            continue;
        }
        // "For the leader Jandira Moreira, the rivers are dead": a sentence
        // opening "For PERSON," reports that person's view (common in
        // translations from Portuguese, Spanish and French).
        if (w == "for" || w == "in the opinion of") && i == content_start(ctx, sent) && for_person_opens(ctx, i, sent) {
            out.push(Cue { tokens: i..i + 1, verb: None });
            i += 1;
            continue;
        }
        // "The INGD speaks of 3,400 displaced", "The organisers speak about
        // 15,000 people", "speaks of "at least 19 dead"": speaking of a
        // figure or a quotation reports it (a topic, "spoke about the
        // economy", is none).
        if matches!(w.as_str(), "speak" | "speaks" | "spoke" | "speaking")
            && matches!(ctx.lower(i + 1).as_str(), "of" | "about")
            && i > sent.start
            && speaks_of_figure(ctx, i + 2, sent)
            // ('the "difference" which the ministry speaks about "cannot
            // explain ...": the relative pronoun is the object.)
            && !(i.saturating_sub(4).max(sent.start)..i).any(|k| matches!(ctx.lower(k).as_str(), "which" | "that" | "whom"))
        {
            if let Some(verb) = cue_verb("say") {
                out.push(Cue { tokens: i..i + 2, verb: Some(verb) });
                i += 2;
                continue;
            }
        }
        // "X quoted a military source as saying": the quoted party speaks.
        if matches!(w.as_str(), "quoted" | "cited")
            && ctx.lower(i.saturating_sub(1)) != "was"
            && ctx.lower(i.saturating_sub(1)) != "were"
        {
            if let Some(as_at) = (i + 2..(i + 10).min(sent.end))
                .find(|&k| ctx.lower(k) == "as" && matches!(ctx.lower(k + 1).as_str(), "saying" | "stating"))
            {
                if let Some(verb) = cue_verb("say") {
                    out.push(Cue { tokens: as_at..as_at + 2, verb: Some(verb) });
                    i = as_at + 2;
                    continue;
                }
            }
        }
        // "was quoted as saying": the cue is the whole phrase, its speaker
        // the subject of "was".
        if w == "quoted"
            && ctx.lower(i + 1) == "as"
            && matches!(ctx.lower(i + 2).as_str(), "saying" | "telling" | "stating" | "declaring")
        {
            if let Some(verb) = cue_verb("say") {
                out.push(Cue { tokens: i..i + 3, verb: Some(verb) });
                i += 3;
                continue;
            }
        }
        if let Some(verb) = cue_verb(&w) {
            if let Some(cue) = accept_verb(ctx, i, verb, sent) {
                i = cue.tokens.end;
                out.push(cue);
                continue;
            }
        } else if let Some(cue) = refused_claims(ctx, i, sent) {
            i = cue.tokens.end;
            out.push(cue);
            continue;
        } else if let Some(cue) = verb_before_colon_quote(ctx, i, sent) {
            i = cue.tokens.end;
            out.push(cue);
            continue;
        }
        i += 1;
    }
    out
}

/// Decides whether a reporting-verb form at `i` is used as a cue here, and
/// returns the cue with its extra words ("pointed out", "quoted as saying").
fn accept_verb(ctx: &Ctx, i: usize, verb: CueVerb, sent: &Range<usize>) -> Option<Cue> {
    let next = ctx.lower(i + 1);
    // "The Chamber, through its manager X, sustained that ...": a rare
    // reporting verb in the past tense that the tagger read as an adjective
    // is a verb when no article or auxiliary stands right before it and a
    // "that" clause follows ("aware that" and "sure that" are no cue words,
    // so no adjective of the lexicon is taken for one).
    let past_before_that = that_opens_clause(ctx, i + 1)
        && ctx.lower(i).ends_with("ed")
        && i > sent.start
        && !matches!(ctx.lower(i - 1).as_str(), "the" | "a" | "an" | "is" | "was" | "are" | "were" | "be" | "been");
    // "All the children recovered, the inspectorate wrote.": an irregular
    // past form that is never a noun ends its clause; the tagger may still
    // read it as one after an unfamiliar subject.
    let past_at_clause_end = matches!(ctx.lower(i).as_str(), "wrote" | "told" | "spoke")
        && i > sent.start
        && !matches!(ctx.lower(i - 1).as_str(), "the" | "a" | "an")
        && clause_final(ctx, i + 1, sent);
    // "..., were recovered, Coast Guard informed.": a regular past form that
    // ends the sentence after a clause, a comma and a short noun phrase is
    // the reporting verb of that phrase, however the tagger read it ("well
    // informed" has an adverb before it, "the informed" an article).
    let ed_after_content = ctx.tagged
        && ctx.lower(i).ends_with("ed")
        && clause_final(ctx, i + 1, sent)
        && (sent.start..i).rev().take(7).find(|&k| ctx.word(k) == ",").is_some_and(|comma| {
            comma + 1 < i
                && (comma + 1..i).all(|k| ctx.is_np_word(k) && ctx.tokens[k].upos != Upos::ADV)
                && (sent.start..comma).any(|k| ctx.is_finite_verb(k) && ctx.quote_of[k].is_none())
        });
    if !ctx.can_be_verb(i) && !past_before_that && !past_at_clause_end && !ed_after_content {
        return None;
    }
    // "received three written warnings": a participle between a number
    // and its noun describes the noun.
    if ctx.tagged && i > sent.start && ctx.tokens[i - 1].upos == Upos::NUM && ctx.is_prenominal_participle(i) {
        return None;
    }
    // Raising and control uses are not attributions: "continued to fight",
    // "is said to be", "called for talks", "called on Iran".
    if next == "to"
        && !matches!(
            verb.lemma,
            "say"
                | "tell"
                | "explain"
                | "report"
                | "announce"
                | "state"
                | "declare"
                | "admit"
                | "confirm"
                | "complain"
                | "write"
                | "respond"
                | "reply"
        )
    {
        return None;
    }
    if next == "to" && verb.lemma == "say" && ctx.lower(i + 2) == "be" || (next == "to" && ctx.lower(i + 2) == "have") {
        return None;
    }
    let mut end = i + 1;
    match verb.lemma {
        "point" => {
            if next != "out" {
                return None;
            }
            end = i + 2;
        }
        "call" => {
            if matches!(next.as_str(), "for" | "on" | "upon" | "off" | "up" | "in" | "back") {
                return None;
            }
            // The verdict may follow a long object ("called the reports
            // about the "expulsion" of the guards "nonsense""), but stays in
            // the clause.
            let limit = (i + 1..(i + 20).min(sent.end)).find(|&k| matches!(ctx.word(k), "," | ";")).unwrap_or((i + 20).min(sent.end));
            if !stance::evaluation_is_denial(ctx, &(i + 1..limit.max(i + 1))) {
                return None;
            }
        }
        "describe" | "characterize" | "characterise" | "term" | "label" | "brand" => {
            let has_as = (i + 1..(i + 16).min(sent.end)).any(|k| ctx.lower(k) == "as");
            if !has_as {
                return None;
            }
        }
        "continue" | "relate" | "analyze" | "analyse" | "sustain" | "hammer" | "counter" | "assess" | "lament"
        | "recount" | "answer" | "note" | "add" | "state" | "post" | "report" | "comment" | "charge" | "demand"
        | "promise" | "threaten" | "estimate" | "remark" | "observe" | "indicate" | "suggest" | "ask" | "repeat"
        | "reiterate" | "highlight" | "underline" | "underscore" | "maintain" | "recall" | "conclude" | "agree"
        | "respond" | "reply" | "convey" | "communicate" | "notify" | "narrate" | "opine" | "aver" | "attest"
        | "hint" | "signal" | "elaborate"
            // These verbs report speech only with speech-like content next to
            // them or a sentence-final position ("..., Budanov continued.").
            if !speech_follows(ctx, i + 1, sent)
                && !clause_final(ctx, i + 1, sent)
                && !inverted_speaker_position(ctx, i, sent)
                && !in_fronted_as_clause(ctx, i, sent) =>
        {
            return None;
        }
        // "who testified last month as a witness": testimony reports speech
        // only with a clause, a quotation or "that" after it ("Petraeus
        // testifies Benghazi attack was terrorism").
        "testify"
            if !speech_follows(ctx, i + 1, sent)
                && !clause_final(ctx, i + 1, sent)
                && !inverted_position(ctx, i, sent)
                && !finite_verb_ahead(ctx, skip_adjuncts(ctx, i + 1, sent, false), sent) =>
        {
            return None;
        }
        // "is claiming £750,000 in damages", "the crash claimed 40 lives":
        // claiming money or taking lives, not asserting ("claimed
        // responsibility", "claimed victory" do assert a deed).
        "claim" if claims_a_thing(ctx, i + 1, sent) => return None,
        // "reminded viewers that ...", "reminded the gallery that": a
        // reminder reports with a "that" clause or a quotation after its
        // addressee ("reminds us of the houseguest" reports nothing).
        "remind"
            if !(i + 1..(i + 8).min(sent.end))
                .take_while(|&k| !matches!(ctx.word(k), "," | ";" | ".") && ctx.lower(k) != "of")
                .any(|k| that_opens_clause(ctx, k) || ctx.opens_quote(k).is_some() || ctx.word(k) == ":")
                && !clause_final(ctx, i + 1, sent) =>
        {
            return None
        }
        // "The survey found that ...", "The authority recorded that ...": a
        // finding reports only with a "that" clause ("police found the
        // body", "found him guilty", "recorded a song" report none).
        "find" | "record" if !that_opens_clause(ctx, i + 1) => return None,
        // "The company recognized this Monday that a part of the wall
        // yielded": an admission reports only with its "that" clause, which
        // a time phrase may precede ("recognized the flag", "was
        // recognized" report none).
        "recognize" | "recognise"
            if !(i + 1..(i + 6).min(sent.end))
                .take_while(|&k| !matches!(ctx.word(k), "," | ";" | "." | ":"))
                .any(|k| that_opens_clause(ctx, k)) =>
        {
            return None
        }
        _ => {}
    }
    // "Those who reported eating late were 18% less likely to ...": a
    // relative clause that picks out a set of people reports no speech.
    if i > sent.start + 1
        && matches!(ctx.lower(i - 1).as_str(), "who" | "that")
        && matches!(
            ctx.lower(i - 2).as_str(),
            "those" | "anyone" | "everyone" | "people" | "participants" | "respondents" | "whoever" | "patients"
        )
    {
        return None;
    }
    // "told the staff to write "agricultural"": what someone was told to
    // say or write is no one's claim.
    if i > sent.start + 2 && ctx.lower(i - 1) == "to" {
        let instructed = (i.saturating_sub(7).max(sent.start)..i - 1).any(|k| {
            cue_verb(&ctx.lower(k)).is_some_and(|c| matches!(c.lemma, "tell" | "ask" | "urge" | "order" | "instruct"))
        });
        if instructed {
            return None;
        }
    }
    // "told the staff to write ...", "asked the police to present ...": an
    // instruction to someone, not a claim.
    if matches!(verb.lemma, "tell" | "ask" | "urge" | "order" | "instruct") && ctx.tagged {
        let to = (i + 2..(i + 8).min(sent.end)).find(|&k| !ctx.is_np_word(k) || ctx.lower(k) == "to");
        if to.is_some_and(|k| {
            ctx.lower(k) == "to" && ctx.tokens.get(k + 1).is_some_and(|t| matches!(t.upos, Upos::VERB | Upos::AUX))
        }) {
            return None;
        }
    }
    // "If the suspicion is confirmed, we will ...": a cue in a conditional
    // clause reports nothing.
    if (sent.start..i)
        .rev()
        .take_while(|&k| !matches!(ctx.word(k), "," | ";" | ":"))
        .any(|k| matches!(ctx.lower(k).as_str(), "if" | "unless" | "whether"))
    {
        return None;
    }
    // "it is absurd to suggest that", "it is fair to say": an infinitive
    // after an adjective is the speaker's own judgement of a saying.
    if i >= sent.start + 2 && ctx.lower(i - 1) == "to" && ctx.tagged {
        let judged = (sent.start..i - 1).rev().find(|&k| !stance::is_quote_mark(ctx.word(k)));
        if judged.is_some_and(|k| ctx.tokens[k].upos == Upos::ADJ) {
            return None;
        }
    }
    // "who asked not to be named", "asked for anonymity", "Asked about
    // the remark, she laughed": a request or a question, never a claim.
    if verb.lemma == "ask" && (matches!(next.as_str(), "not" | "for" | "about" | "whether" | "if") || i == sent.start) {
        return None;
    }
    // "neither confirmed nor denied it", "would not confirm or deny that
    // ...": a refusal to take a side asserts nothing either way.
    let prev = if i > sent.start { String::from(ctx.lower(i - 1)) } else { String::new() };
    let before_or = if i > sent.start + 1 { String::from(ctx.lower(i - 2)) } else { String::new() };
    if matches!(prev.as_str(), "neither" | "nor")
        || verb.lemma == "confirm" && matches!(next.as_str(), "or" | "nor") && ctx.lower(i + 2).starts_with("den")
        || verb.lemma == "deny" && prev == "or" && before_or.starts_with("confirm")
    {
        return None;
    }
    // "Let us remind that ...", "let me stress": the writer's own voice.
    if i > sent.start + 1 && matches!(prev.as_str(), "us" | "me") && ctx.lower(i - 2) == "let" {
        return None;
    }
    // "was quoted as saying"
    if verb.lemma == "quote" {
        return None;
    }
    if ctx.lower(i) == "quoted" && next == "as" && ctx.lower(i + 2) == "saying" {
        end = i + 3;
    }
    // Belief verbs need clausal content.
    if verb.class == CueClass::Belief && !speech_follows(ctx, i + 1, sent) {
        return None;
    }
    // A participle modifying a noun ("the said agreement", "a denied visa").
    if ctx.tagged && matches!(ctx.tokens[i].upos, Upos::ADJ) && !past_before_that && !ed_after_content {
        return None;
    }
    Some(Cue { tokens: i..end, verb: Some(verb) })
}

/// "He refused the claims that the pipe was rotten": "refuse" with a
/// claim for its object rejects it, as "rejected" does. It is no reporting
/// verb otherwise ("refused to comment", "refused entry"), so the lexicon
/// does not hold it and the learned layer's drafts do not read it as a
/// denial.
fn refused_claims(ctx: &Ctx, i: usize, sent: &Range<usize>) -> Option<Cue> {
    if !matches!(ctx.lower(i).as_str(), "refused" | "refuses" | "refuse" | "refusing") || !ctx.can_be_verb(i) {
        return None;
    }
    (i + 1..(i + 4).min(sent.end)).find(|&k| super::lexicon::is_claim_noun(ctx.word(k)))?;
    Some(Cue { tokens: i..i + 1, verb: cue_verb("reject") })
}

/// A verb the lexicon does not know that introduces a quotation after a
/// colon: "the Vice Chairwoman opened: "...", "the mayor summed up:
/// "..."". A colon and an opening quotation mark right after a finite verb
/// whose subject stands before it make the verb a saying whatever its
/// lemma, so it is read as "said". The verb (with a particle: "summed up")
/// must follow a noun or pronoun directly or after an apposition's comma,
/// so that "the statement reads as follows:" and headlines ("Verdict:")
/// stay what the other rules make of them.
fn verb_before_colon_quote(ctx: &Ctx, i: usize, sent: &Range<usize>) -> Option<Cue> {
    if !ctx.tagged || i == sent.start || !matches!(ctx.tokens[i].xpos.as_str(), "VBD" | "VBZ" | "VBP") {
        return None;
    }
    let particle = ctx.tokens.get(i + 1).is_some_and(|t| t.upos == Upos::ADP || t.xpos.as_str() == "RP");
    let colon = if particle { i + 2 } else { i + 1 };
    if ctx.word(colon) != ":" {
        return None;
    }
    ctx.opens_quote(colon + 1)?;
    let before = &ctx.tokens[i - 1];
    let subject_ends = matches!(before.upos, Upos::NOUN | Upos::PROPN | Upos::PRON) || ctx.word(i - 1) == ",";
    // "a statement, which we translate: "..."": a relative clause's verb
    // names how the quotation came, the statement is its source.
    let relative = i >= 2 && matches!(ctx.lower(i - 2).as_str(), "which" | "that" | "who" | "whom" | "as");
    if !subject_ends || relative {
        return None;
    }
    let verb = cue_verb("say")?;
    Some(Cue { tokens: i..colon, verb: Some(verb) })
}

/// True when "For" at `i` opens "For PERSON, CLAUSE": the noun phrase up to
/// the first comma names a person or holds a role noun, and a clause follows.
fn for_person_opens(ctx: &Ctx, i: usize, sent: &Range<usize>) -> bool {
    let Some(comma) = (i + 1..(i + 16).min(sent.end)).find(|&k| ctx.word(k) == ",") else { return false };
    let np = ctx.span(i + 1, comma);
    let person = ctx.mentions_in(np).any(|m| ctx.doc.mentions[m].kind == crate::document::EntityKind::Person)
        || (i + 1..comma).any(|k| crate::entities::gazetteer::role_class(ctx.word(k)).is_some());
    person && (comma + 1..sent.end).any(|k| ctx.tagged && ctx.is_finite_verb(k))
}

/// True when the cue at `v` stands after its content: right after a comma,
/// or after a closing quotation mark ("“…,” said the minister").
fn inverted_position(ctx: &Ctx, v: usize, sent: &Range<usize>) -> bool {
    v > sent.start && (ctx.word(v - 1) == "," || ctx.closes_quote(v - 1).is_some())
}

/// [`inverted_position`], where the words on the left can be content: a
/// clause or a quotation. "A representative of the agency, Dr. X,
/// confirmed the delivery of the vaccines" has only its subject there, so
/// the phrase after the cue is what is confirmed, not who confirms.
fn inverted_speaker_position(ctx: &Ctx, v: usize, sent: &Range<usize>) -> bool {
    if !inverted_position(ctx, v, sent) {
        return false;
    }
    if ctx.closes_quote(v - 1).is_some() || !ctx.tagged {
        return true;
    }
    // Inside a "that" clause only what follows "that" counts: "X said that
    // the sporting director, Y, promised him ..." has no clause of its own
    // before the cue.
    let from =
        (sent.start..v).rev().find(|&k| ctx.lower(k) == "that" && ctx.quote_of[k].is_none()).unwrap_or(sent.start);
    (from..v).any(|k| ctx.quote_of[k].is_some() || ctx.is_finite_verb(k) || ctx.tokens[k].upos == Upos::VERB)
}

/// True when a finite verb follows `from` before any relative pronoun,
/// participle or conjunction: "said a survey ship, the Havstjerne, had
/// switched off ..." — the noun phrase after the cue is then the subject of
/// the reported clause, not an inverted speaker (", said Budanov, who ...").
fn clause_continues(ctx: &Ctx, from: usize, sent: &Range<usize>) -> bool {
    for k in from..sent.end {
        let w = ctx.lower(k);
        if matches!(
            w.as_str(),
            "who" | "which" | "whose" | "whom" | "that" | "and" | "but" | "as" | "adding" | "saying"
        ) || w.ends_with("ing")
            || matches!(w.as_str(), "." | "!" | "?" | ";")
            || ctx.quote_of[k].is_some()
        {
            return false;
        }
        if ctx.tagged && ctx.is_finite_verb(k) {
            return true;
        }
    }
    false
}

/// True when speech-like content follows position `j`: "that", a colon, a
/// quotation, or a comma before one.
fn speech_follows(ctx: &Ctx, j: usize, sent: &Range<usize>) -> bool {
    let j = skip_adjuncts(ctx, j, sent, false);
    let w = ctx.word(j);
    matches!(w, ":" | "that") || ctx.opens_quote(j).is_some() || (w == "," && ctx.opens_quote(j + 1).is_some())
}

/// True when the cue ends its clause: a sentence end or comma follows.
fn clause_final(ctx: &Ctx, mut j: usize, sent: &Range<usize>) -> bool {
    while j < sent.end && is_pre_verb_filler(ctx.word(j)) {
        j += 1;
    }
    // "..., the directorate conveyed on Friday.", "..., she noted to the
    // press.": a time phrase or an audience before the end.
    j += audience_len(ctx, j);
    if degree_before_time(ctx, j) {
        j += 1;
    }
    // Only a dated phrase ("on Friday", "last week", "after midnight"), not a
    // span that completes a verb of ending ("will conclude one day before").
    let dated = matches!(
        ctx.lower(j).as_str(),
        "on" | "last" | "this" | "yesterday" | "today" | "earlier" | "at" | "after" | "before"
    ) || is_weekday(&ctx.lower(j));
    if let Some(n) = time_phrase_len(ctx, j, sent).filter(|_| dated) {
        // Only at the sentence's end: "the contract concluded this
        // summer, Russia purchased ..." is no saying.
        return j + n >= sent.end || matches!(ctx.word(j + n), "." | "!" | "?") || ctx.closes_quote(j + n).is_some();
    }
    j >= sent.end || matches!(ctx.word(j), "." | "," | "!" | "?" | ";") || ctx.closes_quote(j).is_some()
}

/// Weekdays (lower case).
pub(crate) fn is_weekday(w: &str) -> bool {
    matches!(w, "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")
}

/// Weekdays and months.
pub(crate) fn is_weekday_or_month(w: &str) -> bool {
    is_weekday(w)
        || matches!(
            w,
            "january"
                | "february"
                | "march"
                | "april"
                | "may"
                | "june"
                | "july"
                | "august"
                | "september"
                | "october"
                | "november"
                | "december"
        )
}

/// The length of a short time phrase starting at `j` ("on Monday", "on 5
/// March", "on Monday evening", "last week", "yesterday", "in the morning").
pub(crate) fn time_phrase_len(ctx: &Ctx, j: usize, sent: &Range<usize>) -> Option<usize> {
    let w = ctx.lower(j);
    if matches!(w.as_str(), "yesterday" | "today" | "earlier" | "later" | "tonight") {
        return Some(1);
    }
    let mut k = j + 1;
    if matches!(w.as_str(), "on" | "at" | "in" | "this" | "last" | "late" | "early" | "after" | "before") {
        if ctx.lower(k) == "the" {
            k += 1;
        }
        let mut took = 0;
        while k < sent.end && took < 4 {
            let t = ctx.lower(k);
            if is_weekday_or_month(&t)
                || is_time_noun(&t)
                || is_clock_time(&t)
                || matches!(t.as_str(), "of" | "night" | "day")
            {
                k += 1;
                took += 1;
            } else {
                break;
            }
        }
        if took > 0 && !matches!(ctx.lower(k - 1).as_str(), "of") {
            return Some(k - j);
        }
    }
    None
}

/// True when token `j` is a degree word before "after"/"before" ("said
/// shortly after midnight", "told them just before 2 a.m."): read past, it
/// leaves the time phrase that the cue's clause may end with.
fn degree_before_time(ctx: &Ctx, j: usize) -> bool {
    matches!(ctx.lower(j).as_str(), "shortly" | "just" | "soon" | "right" | "moments" | "minutes")
        && matches!(ctx.lower(j + 1).as_str(), "after" | "before")
}

/// A number or a clock reading inside a time phrase ("at 2 a.m.", "at
/// 10:30", "at 14.00 GMT", "at 9pm"): without the clock words the phrase
/// stopped at "a.m.", which was then taken for the start of the content.
fn is_clock_time(w: &str) -> bool {
    let digits_and = |extra: &[char]| w.chars().all(|c| c.is_ascii_digit() || extra.contains(&c));
    matches!(w, "a.m." | "p.m." | "a.m" | "p.m" | "am" | "pm" | "gmt" | "utc" | "o'clock" | "noon" | "midnight")
        || w.starts_with(|c: char| c.is_ascii_digit())
            && (digits_and(&[':', '.'])
                || w.strip_suffix("am")
                    .or_else(|| w.strip_suffix("pm"))
                    .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit())))
}

/// Nouns of time that make "this"/"last" start an adjunct ("this week").
fn is_time_noun(w: &str) -> bool {
    matches!(
        w,
        "week"
            | "month"
            | "year"
            | "summer"
            | "winter"
            | "spring"
            | "autumn"
            | "fall"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "weekend"
            | "time"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
    )
}

/// Nouns of a means of contact after "by" ("by telephone", "by video
/// link"): an adjunct between a reporting verb and its content.
fn is_means_of_contact(w: &str) -> bool {
    matches!(
        w,
        "telephone"
            | "phone"
            | "email"
            | "e-mail"
            | "letter"
            | "text"
            | "radio"
            | "video"
            | "videoconference"
            | "videolink"
            | "satellite"
            | "fax"
            | "mail"
            | "messenger"
            | "whatsapp"
            | "telegram"
            | "zoom"
    )
}

/// Prepositions and time words that start an adjunct after a reporting verb.
fn starts_adjunct(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "to"
            | "outside"
            | "inside"
            | "near"
            | "during"
            | "with"
            | "after"
            | "before"
            | "via"
            | "through"
            | "from"
            | "over"
            | "last"
            | "this"
            | "earlier"
            | "yesterday"
            | "today"
            | "late"
            | "later"
            | "regarding"
            | "about"
            | "while"
            | "upon"
            | "amid"
            | "following"
            | "when"
            | "for"
    )
}

/// Skips adverbs and adjunct phrases after a reporting verb, returning the
/// position of the first content-introducing token. With `recipient`, also
/// skips an addressee noun phrase ("told reporters", "told The Times").
fn skip_adjuncts(ctx: &Ctx, mut j: usize, sent: &Range<usize>, recipient: bool) -> usize {
    // ("last" is a filler before a verb, "X last said", but after one it
    // opens a time phrase, "said last week that": the loop below reads it.)
    while j < sent.end
        && is_pre_verb_filler(ctx.word(j))
        && ctx.lower(j) != "that"
        && time_phrase_len(ctx, j, sent).is_none()
    {
        j += 1;
    }
    // "told to the press the minister X": an audience after "to" is no
    // object; the loop below skips it.
    if recipient && j < sent.end && ctx.lower(j) != "to" {
        // The addressee: a pronoun, a name, or a short noun phrase.
        let mut k = j;
        while k < sent.end && k < j + 6 {
            let w = ctx.lower(k);
            // "told this newspaper": "this" opens an adjunct only before a
            // time noun ("this week").
            let demonstrative = matches!(w.as_str(), "this" | "last") && !is_time_noun(&ctx.lower(k + 1));
            if matches!(w.as_str(), "that" | ":" | "," | "." | ";" | "!" | "?")
                || ctx.opens_quote(k).is_some()
                || starts_adjunct(&w) && !demonstrative
            {
                break;
            }
            // "told the workers who gathered outside the gate that ...": a
            // relative clause on the addressee runs to the "that" of the
            // content (within the clause: no comma, colon or quotation).
            if k > j && matches!(w.as_str(), "who" | "whom") {
                let that = (k + 1..(k + 14).min(sent.end))
                    .take_while(|&m| !matches!(ctx.word(m), "," | ":" | ";") && ctx.opens_quote(m).is_none())
                    .find(|&m| ctx.lower(m) == "that");
                if let Some(m) = that {
                    return m;
                }
            }
            if ctx.tagged && matches!(ctx.tokens[k].upos, Upos::VERB | Upos::AUX) {
                break;
            }
            // "told supporters outside the headquarters": a place adjunct
            // ends the addressee ("told The Times of London" keeps "of").
            if k > j && ctx.tagged && ctx.tokens[k].upos == Upos::ADP && w != "of" {
                break;
            }
            k += 1;
        }
        if k <= sent.end && k < j + 6 && k > j {
            j = k;
        }
    }
    for _ in 0..4 {
        // '"...," declared to the press X': the audience, before an inverted
        // speaker or the content.
        let skip = audience_len(ctx, j);
        if skip > 0 && j + skip < sent.end {
            j += skip;
            continue;
        }
        if degree_before_time(ctx, j) {
            j += 1;
            continue;
        }
        // "indicated by telephone that", "said by video link": the means.
        if j + 1 < sent.end && ctx.lower(j) == "by" && is_means_of_contact(&ctx.lower(j + 1)) {
            j += 2;
            if ctx.lower(j) == "link" || ctx.lower(j) == "call" {
                j += 1;
            }
            continue;
        }
        if j >= sent.end || !starts_adjunct(&ctx.lower(j)) || at_degree(ctx, j) {
            break;
        }
        if matches!(ctx.lower(j).as_str(), "this" | "last") && !is_time_noun(&ctx.lower(j + 1)) {
            break;
        }
        // A short time phrase: "on Monday", "on 5 March", "last week".
        if let Some(n) = time_phrase_len(ctx, j, sent) {
            j += n;
            if ctx.word(j) == "," && j + 1 < sent.end && starts_adjunct(&ctx.lower(j + 1)) {
                j += 1;
            }
            continue;
        }
        let mut k = j + 1;
        let mut verb_at = None;
        while k < sent.end && k < j + 14 {
            let w = ctx.word(k);
            if matches!(w, "," | ":" | ";" | ".") || w.eq_ignore_ascii_case("that") || ctx.opens_quote(k).is_some() {
                break;
            }
            if ctx.tagged && ctx.is_finite_verb(k) {
                verb_at = Some(k);
                break;
            }
            k += 1;
        }
        if let Some(v) = verb_at {
            // "said on Monday Iran had ...": the content clause starts at the
            // subject of that verb.
            let mut s0 = v;
            while s0 > j + 1
                && matches!(
                    ctx.tokens[s0 - 1].upos,
                    Upos::PROPN | Upos::NOUN | Upos::PRON | Upos::DET | Upos::ADJ | Upos::NUM
                )
                && !is_time_noun(&ctx.lower(s0 - 1))
                && !is_weekday_or_month(&ctx.lower(s0 - 1))
            {
                s0 -= 1;
            }
            if s0 < v {
                j = s0;
            }
            break;
        }
        if k >= j + 14 {
            break;
        }
        // An adjunct that runs to the sentence's end ("told supporters
        // outside the headquarters shortly after 2 a.m", whose last period
        // the abbreviation holds): the cue ends its clause.
        if k >= sent.end {
            j = sent.end;
            break;
        }
        j = k;
        // ", in a call with X," — an adjunct between commas.
        if ctx.word(j) == "," && j + 1 < sent.end && starts_adjunct(&ctx.lower(j + 1)) {
            j += 1;
        }
    }
    j
}

/// The length of an audience phrase at `j` ("to the press", "to
/// journalists"), which stands between a reporting verb and an inverted
/// speaker or the content; 0 when there is none.
pub(crate) fn audience_len(ctx: &Ctx, j: usize) -> usize {
    if ctx.lower(j) != "to" {
        return 0;
    }
    match (ctx.lower(j + 1).as_str(), ctx.lower(j + 2).as_str()) {
        ("the", "press" | "media" | "journalists" | "reporters") => 3,
        ("reporters" | "journalists", _) => 2,
        _ => 0,
    }
}

/// The first part of an interrupted content: from the sentence start (or
/// the last colon or semicolon before the speaker) to the comma before the
/// speaker.
fn interrupted_part1(ctx: &Ctx, speaker: &Option<Range<usize>>, sent: &Range<usize>) -> Option<Range<usize>> {
    let sp = speaker.as_ref()?;
    let before = sp.start;
    if before <= sent.start + 1 || ctx.word(before - 1) != "," {
        return None;
    }
    let mut start = content_start(ctx, sent);
    if let Some(colon) =
        (start..before - 1).rev().find(|&k| matches!(ctx.word(k), ":" | ";") && ctx.quote_of[k].is_none())
    {
        start = colon + 1;
    }
    let part1 = trim(ctx, start..before - 1);
    (!part1.is_empty()).then_some(part1)
}

/// True when the cue at `i` stands in an "as" clause that opens the
/// sentence ("As the minister noted, ..."): the clause reports the rest of
/// the sentence.
fn in_fronted_as_clause(ctx: &Ctx, i: usize, sent: &Range<usize>) -> bool {
    let first = content_start(ctx, sent);
    ctx.lower(first) == "as" && i > first && (first..i).all(|k| ctx.word(k) != ",")
}

/// True when what follows a cue's comma is an afterthought of the speaker
/// ("adding that", "citing", "according to") rather than more content.
fn is_trailing_participle(ctx: &Ctx, j: usize) -> bool {
    matches!(
        ctx.lower(j).as_str(),
        "adding"
            | "saying"
            | "noting"
            | "citing"
            | "according"
            | "stressing"
            | "warning"
            | "explaining"
            | "while"
            | "as"
            | "which"
            | "who"
            | "but"
            | "and"
            | "although"
            | "though"
    )
}

/// The start of a sentence's content, past a wire dateline ("Luanda, 15
/// May 2025 (Agency) - ...") and leading conjunctions.
fn content_start(ctx: &Ctx, sent: &Range<usize>) -> usize {
    let mut s = sent.start;
    // A dateline: a capitalised place, maybe a date and an agency, then a
    // loose dash, with no verb before it.
    if ctx.word(s).chars().next().is_some_and(char::is_uppercase) {
        let dash = (s + 1..(s + 16).min(sent.end)).find(|&k| super::speaker::is_loose_dash(ctx, k));
        if let Some(d) = dash {
            let verbless = (s..d).all(|k| !(ctx.tagged && ctx.is_finite_verb(k)));
            let has_number = (s..d).any(|k| ctx.word(k).chars().any(|c| c.is_ascii_digit()));
            if verbless && has_number && d + 1 < sent.end {
                s = d + 1;
            }
        }
    }
    while s < sent.end && matches!(ctx.lower(s).as_str(), "but" | "and" | "so" | "yet" | "however" | "meanwhile" | ",")
    {
        s += 1;
    }
    s
}

/// Trims sentence punctuation and quote marks from the ends of a range.
pub fn trim(ctx: &Ctx, r: Range<usize>) -> Range<usize> {
    let (mut s, mut e) = (r.start, r.end);
    // A quote mark at an edge goes only when its partner lies outside the
    // range: "as “baseless”" keeps both marks.
    let open_outside =
        |s: usize, e: usize| ctx.opens_quote(s).is_some_and(|q| ctx.quotes[q].close + 1 > e || !ctx.quotes[q].closed);
    let close_outside = |s: usize, e: usize| ctx.closes_quote(e - 1).is_some_and(|q| ctx.quotes[q].open < s);
    loop {
        let before = (s, e);
        while s < e && (matches!(ctx.word(s), "," | ":" | ";" | "—" | "–" | "-") || open_outside(s, e)) {
            s += 1;
        }
        while e > s
            && (matches!(ctx.word(e - 1), "," | ":" | ";" | "." | "—" | "–" | "-" | "!" | "?")
                || close_outside(s, e)
                || ctx.opens_quote(e - 1).is_some())
        {
            e -= 1;
        }
        if (s, e) == before {
            return s..e;
        }
    }
}

/// Where the right-hand content of a cue ends: the sentence end, or the
/// conjunction before a coordinated cue ("... as baseless and said ...").
fn right_end(ctx: &Ctx, from: usize, sent: &Range<usize>, cues: &[Cue]) -> usize {
    for c in cues {
        if c.tokens.start > from && c.tokens.start < sent.end {
            let mut k = c.tokens.start;
            while k > from && is_pre_verb_filler(ctx.word(k - 1)) {
                k -= 1;
            }
            if k > from && matches!(ctx.lower(k - 1).as_str(), "and" | "," | "but") {
                // ", but guaranteed that ...": cut before ", but" too.
                return if k > from + 1 && ctx.word(k - 2) == "," { k - 2 } else { k - 1 };
            }
            // "saying the rise affects 15%, while the union said 40%": a
            // contrasting clause with an attribution of its own ends this
            // one at its comma (no comma may stand between "while" and the
            // next cue's subject, so a "while" inside the content itself
            // — "while in office, he said" — is kept).
            if let Some(w) =
                (from..k).rev().take(12).take_while(|&j| ctx.word(j) != ",").find(|&j| {
                    matches!(ctx.lower(j).as_str(), "while" | "whereas") && j > from && ctx.word(j - 1) == ","
                })
            {
                if ctx.quote_of[w].is_none() {
                    return w - 1;
                }
            }
            // "X fired 40,000 shells; Karsk calls the toll a fabrication": a
            // semicolon before the next attribution ends this one.
            if let Some(semi) = (from..k).rev().find(|&j| ctx.word(j) == ";" && ctx.quote_of[j].is_none()) {
                return semi;
            }
        }
    }
    sent.end
}

/// The kind of a content made of `parts`: direct when every piece is one
/// quotation, mixed when a quotation is inside, indirect otherwise.
pub(crate) fn kind_of(ctx: &Ctx, parts: &[Range<usize>]) -> ClaimKind {
    let quoted = parts.iter().filter(|p| !p.is_empty() && (**p).clone().all(|i| ctx.quote_of[i].is_some())).count();
    let some_quoted = parts.iter().any(|p| (*p).clone().any(|i| ctx.quote_of[i].is_some()));
    if quoted == parts.len() && !parts.is_empty() {
        ClaimKind::Direct
    } else if some_quoted {
        ClaimKind::Mixed
    } else {
        ClaimKind::Indirect
    }
}

/// True when a person's name stands among the words `r`.
fn names_a_person(ctx: &Ctx, r: &Range<usize>) -> bool {
    ctx.mentions_in(ctx.span(r.start, r.end)).any(|m| ctx.mention_kind(m) == crate::document::EntityKind::Person)
}

/// The start of a person's name that opens the sentence (after titles)
/// and is followed, through an apposition of noun phrases and commas only,
/// by the phrase starting at `phrase_start`: "Lieutenant Colonel X, Deputy
/// Head of the A, B and C Division, ..." (the apposition's own commas
/// cut the word-level subject short).
fn opening_person_name(ctx: &Ctx, sent: &Range<usize>, phrase_start: usize) -> Option<usize> {
    let first = (sent.start..phrase_start).find(|&k| !ctx.is_punct(k))?;
    let m = ctx.mentions_in(ctx.span(first, phrase_start)).find(|&m| {
        let mention = &ctx.doc.mentions[m];
        mention.kind == crate::document::EntityKind::Person && mention.form == crate::document::MentionForm::Name
    })?;
    let span = ctx.doc.mentions[m].span;
    let name_start = ctx.doc.analysis.token_at_or_after(span.start);
    let name_end = ctx.doc.analysis.token_at_or_after(span.end);
    let titles_only = (first..name_start).all(|k| super::speaker::is_title_token(ctx.word(k)));
    let apposition = name_end < phrase_start
        && ctx.word(name_end) == ","
        && phrase_start - name_end <= 25
        && (name_end..phrase_start).all(|k| ctx.quote_of[k].is_none() && !(ctx.tagged && ctx.is_finite_verb(k)));
    (titles_only && apposition).then_some(first)
}

/// "in the statement", "in its report" starting within three words of `from`: the
/// document phrase (without "in"), when its head names a document or unit
/// of an organisation.
pub(super) fn document_after(ctx: &Ctx, from: usize, sent: &Range<usize>) -> Option<Range<usize>> {
    let at = (from..sent.end.min(from + 3)).find(|&k| ctx.lower(k) == "in")?;
    let mut np = super::speaker::np_right(ctx, at + 1, sent)?;
    // "In the statement of the Directorate it was claimed": the clause's
    // own subject is no part of the document's phrase.
    while np.len() > 1 && matches!(ctx.lower(np.end - 1).as_str(), "it" | "they" | "we") {
        np.end -= 1;
    }
    let head = super::speaker::np_head(ctx, &np);
    (np.len() <= 8
        && matches!(ctx.lower(np.start).as_str(), "the" | "its" | "their" | "a" | "an" | "his" | "her")
        && super::speaker::is_unit_or_document(&ctx.lower(head)))
    .then_some(np)
}

/// Builds the draft claim of a reporting-verb cue.
pub fn verb_claim(ctx: &Ctx, cue: &Cue, sent: &Range<usize>, cues: &[Cue]) -> Option<Draft> {
    let verb = cue.verb?;
    let v = cue.tokens.start;
    // "..., informed Choque.": after its content, the phrase that ends the
    // sentence is who speaks, not whom it is told.
    // (Not after a speaker set off by commas: '"...," the director,
    // Meron Alemayehu, told Horn Ledger.')
    let name_before = v >= sent.start + 2 && ctx.word(v - 1) == "," && {
        let end = ctx.tokens[v - 2].end;
        ctx.mentions_in(ctx.span(v.saturating_sub(8).max(sent.start), v - 1)).any(|m| {
            ctx.doc.mentions[m].span.end == end
                && matches!(ctx.mention_kind(m), EntityKind::Person | EntityKind::Organization)
        })
    };
    // Only "informed" reads so ('"...," the farmer, 45, told Reuters.':
    // whom one tells ends such sentences in English news), and only when
    // no speaking subject stands left of the cue.
    let inverted_to_end = verb.lemma == "inform"
        && inverted_speaker_position(ctx, v, sent)
        && !name_before
        && subject_left(ctx, v, sent).is_none_or(|sp| !super::speaker::can_speak(ctx, &sp) || sp.start == sent.start)
        && np_right(ctx, cue.tokens.end, sent).is_some_and(|np| {
            let after = np.end + time_phrase_len(ctx, np.end, sent).unwrap_or(0);
            after >= sent.end || matches!(ctx.word(after), "." | "!" | "?")
        });
    let recipient = matches!(verb.lemma, "tell" | "inform" | "assure" | "warn" | "remind" | "ask" | "urge" | "brief")
        && !inverted_to_end;
    let j = skip_adjuncts(ctx, cue.tokens.end, sent, recipient);
    let rend = right_end(ctx, j, sent, cues);

    // Who speaks: a coordinated or participial cue shares the sentence's
    // speaker; otherwise the subject on the left.
    let prev_word = if v > sent.start { String::from(ctx.lower(v - 1)) } else { String::new() };
    let participle = ctx.lower(v).ends_with("ing") && v > sent.start;
    let coordinated = prev_word == "and"
        || prev_word == "but"
        || (participle
            && matches!(
                prev_word.as_str(),
                "," | "while" | "by" | "categorically" | "flatly" | "firmly" | "strongly" | "and"
            ));
    let mut speaker = if coordinated || participle { None } else { subject_left(ctx, v, sent) };
    // The parser's subject when the word-level search found none ("An
    // engineer who works on a project nearby told ...") or a phrase inside
    // a relative clause on the subject ("The centre, which asked 2,000
    // people face to face, found ...": not "2,000 people ...").
    if !(coordinated || participle) {
        if let Some(parsed) = super::speaker::parsed_subject_of(ctx, v, sent) {
            let inside_relative = speaker
                .as_ref()
                .is_some_and(|sp| sp.start > parsed.end && super::speaker::relative_clause_opens(ctx, parsed.end));
            // "A nurse who asked not to be named said": a phrase cut at its
            // relative pronoun.
            let dangling = speaker
                .as_ref()
                .is_some_and(|sp| sp.len() > 1 && matches!(ctx.lower(sp.end - 1).as_str(), "who" | "which" | "that"));
            // "Lieutenant Colonel X, Deputy Head of the Fire Prevention,
            // Fighting and Rescue Division, informed": an apposition with
            // commas of its own cuts the word-level subject short of the
            // name it describes (the parser's subject holds every word up
            // to the verb, so the phrase found is part of it).
            let short_of_name = speaker
                .as_ref()
                .is_some_and(|sp| sp.start >= parsed.end && names_a_person(ctx, &parsed) && !names_a_person(ctx, sp));
            if short_of_name {
                speaker = speaker.map(|sp| parsed.start..sp.end);
            } else if (speaker.is_none() || inside_relative || dangling) && super::speaker::can_speak(ctx, &parsed) {
                speaker = Some(parsed);
            }
        }
    }
    // "Lieutenant Colonel X, Deputy Head of the Fire Prevention, Fighting
    // and Rescue Division, informed": when the parse gives no subject, a
    // person named at the head of the sentence whose apposition runs to the
    // phrase found (no verb or quotation between) is the speaker.
    if let Some(sp) = speaker.clone().filter(|sp| !(coordinated || participle || names_a_person(ctx, sp))) {
        if let Some(name_start) = opening_person_name(ctx, sent, sp.start) {
            speaker = Some(name_start..sp.end);
        }
    }
    // "Tbilisi Ledger, a small outlet, which said ...", "said Guled, who
    // added": the speaker is the noun phrase the relative pronoun stands
    // for — the one right before its comma, with the name it is an
    // apposition of.
    let relative_at = (sent.start + 1..v)
        .rev()
        .take_while(|&k| {
            k + 3 > v || is_pre_verb_filler(ctx.word(k)) || matches!(ctx.lower(k).as_str(), "who" | "which")
        })
        .find(|&k| matches!(ctx.lower(k).as_str(), "which" | "who") && ctx.word(k - 1) == ",");
    if let Some(r) = relative_at {
        let comma = r - 1;
        if let Some(np) = super::speaker::noun_phrase_before(ctx, comma, sent) {
            let mut start = np.start;
            // "Tbilisi Ledger, a small investigative outlet, which": the
            // apposition's name before it.
            if np.start > sent.start + 1 && ctx.word(np.start - 1) == "," {
                if let Some(name) = super::speaker::noun_phrase_before(ctx, np.start - 1, sent) {
                    if ctx.mentions_in(ctx.span(name.start, name.end)).next().is_some() {
                        start = name.start;
                    }
                }
            }
            speaker = Some(start..np.end);
        }
    }
    // "In the Kremlin they stated that ...", "At the ministry, they said":
    // the impersonal "they" stands for the institution named before it.
    if let Some(sp) = &speaker {
        if sp.len() == 1 && ctx.lower(sp.start) == "they" && sp.start > sent.start + 1 {
            let first = content_start(ctx, sent);
            if matches!(ctx.lower(first).as_str(), "in" | "at") && first + 1 < sp.start {
                let mut end = sp.start;
                if ctx.word(end - 1) == "," {
                    end -= 1;
                }
                let np = first + 1..end;
                if np.len() <= 8
                    && np.clone().all(|k| ctx.is_np_word(k))
                    && ctx.mentions_in(ctx.span(np.start, np.end)).next().is_some()
                {
                    speaker = Some(np);
                }
            }
        }
    }
    // "..., stated the director of the Office, Dragan X.": after a comma or a
    // closing quote, a noun phrase running to the sentence end is the
    // speaker, whatever stands on the left.
    if inverted_speaker_position(ctx, v, sent) {
        let j0 = skip_adjuncts(ctx, cue.tokens.end, sent, false);
        if let Some(np) = np_right(ctx, j0, sent) {
            let mut after = np.end;
            // ", Dragan Milovanovic." — an appositive name after the role.
            if ctx.word(after) == "," {
                if let Some(app) = np_right(ctx, after + 1, sent) {
                    if app.end >= sent.end || matches!(ctx.word(app.end), "." | "!" | "?") {
                        after = app.end;
                    }
                }
            }
            if let Some(n) = time_phrase_len(ctx, after, sent) {
                after += n;
            }
            if after >= sent.end || matches!(ctx.word(after), "." | "!" | "?" | ";") {
                speaker = Some(np.start..after.min(sent.end));
            }
        }
    }
    // "In the statement of the ministry, the document is called "a rough
    // falsification"": the subject of a passive verdict is what is judged,
    // not who judges; the judge is the agent of "by", else the document the
    // sentence opens with, else unnamed.
    let passive = v > sent.start
        && matches!(ctx.lower(v - 1).as_str(), "is" | "was" | "are" | "were" | "been" | "be")
        && ctx.lower(v).ends_with("ed");
    // "214 reactions were reported", "The claims were rejected by the
    // ministry": the subject of another passive cue is what is reported,
    // so the agent speaks and the subject is the content; without an agent
    // nobody is named and the draft is dropped, as is one whose subject is
    // no reported thing ("X was accused of"): a claim needs its speaker, and
    // the subject was taken for one ("it was reported that" keeps its own
    // reading, "was quoted as saying" is the subject's own speech, and the
    // subject of "was told that" is an addressee).
    let passive_subject = passive
        && !(coordinated || participle)
        && verb.class != CueClass::Evaluate
        && cue.tokens.len() == 1
        && !matches!(
            verb.lemma,
            "quote"
                | "tell"
                | "inform"
                | "assure"
                | "warn"
                | "remind"
                | "ask"
                | "brief"
                | "urge"
                | "notify"
                | "promise"
        )
        && speaker.as_ref().is_some_and(|sp| {
            !(sp.len() == 1 && matches!(ctx.lower(sp.start).as_str(), "it" | "this" | "that"))
                && sp.end <= v
                && ctx.quote_of[sp.start].is_none()
        });
    if passive_subject {
        // ("the difference is explained by the grain", "X is accused of":
        // only verbs that take a reported thing as their object turn the
        // agent into a speaker.)
        if !(verb.np_content || verb.class == CueClass::Deny) {
            return None;
        }
        let agent = passive_agent(ctx, cue.tokens.end, sent, 6)?;
        let subject = speaker.clone()?;
        let cue_neg = stance::cue_negated(ctx, v, sent.start);
        let denial = verb.class == CueClass::Deny && !cue_neg;
        let content = vec![subject];
        let negated = stance::content_negated(ctx, &content);
        return Some(Draft {
            cue: cue.tokens.clone(),
            speaker: Some(agent),
            shares_speaker: false,
            kind: kind_of(ctx, &content),
            content,
            stance: stance::combine(denial, negated),
            hedged: false,
            confidence: 0.7,
            colon_open: false,
            denial_cue: denial,
        });
    }
    if passive && verb.class == CueClass::Evaluate && !(coordinated || participle) {
        // (The verdict may stand between: "is called "a fabrication" by".)
        let agent = passive_agent(ctx, cue.tokens.end, sent, 12);
        speaker = agent.or_else(|| document_after(ctx, sent.start, sent).filter(|d| d.end < v));
    }
    // A participle or coordinated cue shares the sentence's subject; when no
    // earlier claim of the sentence holds it (see `resolve_speakers`), the
    // subject that opens the sentence.
    if coordinated || participle {
        speaker = sentence_subject(ctx, sent, v);
    }
    let shares_speaker = (coordinated || participle) && v > sent.start;

    let mut content: Vec<Range<usize>> = Vec::new();
    let mut colon_open = false;
    let mut confidence = 0.9f32;

    let w = ctx.word(j);
    if w == ":" {
        if let Some(q) = ctx.opens_quote(j + 1) {
            content.push(ctx.quotes[q].inner());
        } else {
            content.push(j + 1..rend);
            colon_open = true;
        }
    } else if w.eq_ignore_ascii_case("that") && j < sent.end {
        content.push(j + 1..rend);
    } else if let Some(q) = (j < sent.end)
        .then(|| ctx.opens_quote(j).or_else(|| if w == "," { ctx.opens_quote(j + 1) } else { None }))
        .flatten()
    {
        // (A quotation opening the next sentence is no content of this cue.)
        // '"...," Petrov said in an interview with the newspaper "Daily
        // Courier"': a quotation past the cue's adjuncts right after a noun
        // is a name; the quotation closed right before the speaker is what
        // was said.
        let named = ctx.tagged
            && j > cue.tokens.end
            && ctx.quotes[q].open > 0
            && matches!(ctx.tokens[ctx.quotes[q].open - 1].upos, Upos::NOUN | Upos::PROPN);
        let leading = speaker.as_ref().and_then(|sp| {
            (sp.start.saturating_sub(2).max(sent.start)..sp.start).rev().find_map(|k| ctx.closes_quote(k))
        });
        // '"We were shouting," the man said, "but nobody came."': a
        // quotation interrupted by its attribution is two claims; the cue's
        // own is the part before it, and the part after follows it as the
        // same speaker's next quotation (`attribute_following_quotes`).
        let interrupted = w == "," && j == cue.tokens.end && ctx.quotes[q].open == j + 1;
        // ('"The shippers," she said, "are diverting cargo"': a part before
        // without a verb of its own is the subject of the part after, and
        // the two are one claim.)
        match leading.filter(|_| named || interrupted) {
            Some(lq) if interrupted && !named && !ctx.quotes[lq].inner().any(|k| ctx.can_be_verb(k)) => {
                content.push(ctx.quotes[lq].inner());
                content.push(ctx.quotes[q].inner());
            }
            Some(lq) => content.push(ctx.quotes[lq].inner()),
            None => content.push(ctx.quotes[q].inner()),
        }
        // A quote introduced by "said," may be followed by more quoted text
        // in the same sentence only through another cue; nothing to add.
    } else if w == "," && interrupted_part1(ctx, &speaker, sent).is_some() && !is_trailing_participle(ctx, j + 1) {
        // "PART1, SPEAKER V [adjunct], PART2": the content is interrupted by
        // its attribution; PART2 may be a clause ("he has bombed ...") or
        // the rest of PART1's clause ("... have been handed over").
        let mut part2 = j + 1..rend;
        if let Some(part1) = interrupted_part1(ctx, &speaker, sent) {
            // A predicate whose own verb is a cue ("The syndicate, he said,
            // warned in 2023 ...") ends `rend` at once.
            if part2.len() < 2 {
                part2 = predicate_after_cue(ctx, std::slice::from_ref(&part1), j + 1, sent, cues).unwrap_or(part2);
            }
            content.push(part1);
        }
        content.push(part2);
    } else if w == "," && ctx.lower(j + 1) == "according" && in_fronted_as_clause(ctx, v, sent) {
        // "As the minister noted, according to the data of the ministry,
        // the plant was not hit": the fronted "as" clause reports the main
        // clause, which opens with the minister's own source (so past the
        // "according to" cue, where `rend` stops).
        content.push(trim(ctx, j + 1..sent.end));
    } else if j >= sent.end
        || matches!(w, "." | "!" | "?" | ";")
        || ctx.closes_quote(j).is_some()
        || (w == "," && (!clause_follows(ctx, j + 1, sent) || is_trailing_participle(ctx, j + 1)))
    {
        // The cue ends its clause (possibly before an afterthought: ", a
        // journalist reported, although ..."): content on the left.
        let left = left_content(ctx, sent, &speaker)?;
        // "The hull was breached, she added, and the boat had to be towed
        // back to port": reported speech that goes on past its attribution
        // in a clause of its own is the same claim's second piece, when the
        // two clauses have one polarity (the claim has one stance: "No
        // victim is to deplore, he specified, but 14 firemen were wounded"
        // stays as it was).
        let unquoted = left.iter().all(|p| ctx.closes_quote(p.end).is_none() && ctx.quote_of[p.start].is_none());
        let rest = (w == "," && unquoted)
            .then(|| continued_after_cue(ctx, j + 1, rend, cues))
            .flatten()
            .filter(|r| stance::content_negated(ctx, std::slice::from_ref(r)) == stance::content_negated(ctx, &left));
        content.extend(left);
        content.extend(rest);
        confidence = 0.85;
    } else if w == "," {
        content.push(j + 1..rend);
    } else {
        // "..., said Budanov." — an inverted speaker after the cue.
        // A participle or coordinated cue has its speaker already: ",
        // calling it "pure fantasy"" names no one after the cue.
        if inverted_speaker_position(ctx, v, sent)
            && !(coordinated || participle)
            && speaker.as_ref().is_none_or(|s| s.end + 2 < v || s.start > v)
        {
            if let Some(np) = np_right(ctx, j, sent) {
                let mut after = np.end;
                // A time phrase may follow: ", informed the police this Friday".
                if let Some(n) = time_phrase_len(ctx, after, sent) {
                    after += n;
                }
                // "said a pensioner at the weir who did not want to be
                // named": a relative clause on the speaker.
                // "said the judge in the reading of the judgment, which
                // lasted three hours": an adjunct, then the sentence end or a
                // relative clause on it.
                // ("declared the candidate X in front of thousands of
                // followers in the Plaza of the Constitution", "states the
                // company "Chiatura Ore" which operates the mine": a longer
                // adjunct, a quoted name.)
                let mut rel = after;
                while rel < sent.end
                    && rel < after + 14
                    && (matches!(ctx.lower(rel).as_str(), "at" | "in" | "from" | "of" | "near" | "on" | "during")
                        || ctx.quote_of[rel].is_some_and(|q| ctx.quotes[q].len() <= 4)
                        || ctx.is_np_word(rel) && !matches!(ctx.lower(rel).as_str(), "who" | "which"))
                {
                    rel += 1;
                }
                let ends = rel >= sent.end
                    || matches!(ctx.word(rel), "." | "!" | "?")
                    || ctx.word(rel) == "," && matches!(ctx.lower(rel + 1).as_str(), "which" | "who" | "whose");
                // "..., states the company "Chiatura Ore" which operates
                // the mine.": a relative clause right on the speaker, after
                // a clause before the cue (its verb is the reported one).
                let bare_relative = rel == after
                    && rel > np.start
                    && matches!(ctx.lower(rel).as_str(), "who" | "which")
                    && ctx.word(v - 1) == ","
                    && (sent.start..v - 1).any(|k| ctx.tagged && ctx.is_finite_verb(k));
                let relative = (matches!(ctx.lower(rel).as_str(), "who" | "whose") || ends && rel > after)
                    && ctx.closes_quote(v.saturating_sub(1)).is_some()
                    || bare_relative;
                // The speaker is the phrase up to a relative clause, without
                // an adjunct ("the judge", not "the judge in the reading").
                let np = if matches!(ctx.lower(rel).as_str(), "who" | "whose" | "which") && relative {
                    np.start..rel
                } else {
                    np
                };
                // "..., told to the press the minister X on Saturday in
                // Keszvar.": a place adjunct running to the sentence end.
                let place_to_end = ends
                    && rel > after
                    && matches!(ctx.lower(after).as_str(), "in" | "at" | "near" | "during" | "from");
                if after >= sent.end
                    || matches!(ctx.word(after), "." | "!" | "?" | ";")
                    || relative
                    || place_to_end
                    || (ctx.word(after) == "," && !clause_continues(ctx, after + 1, sent))
                {
                    // Keep the fuller phrase found above (with its
                    // appositive name: "the director of the Office, X").
                    if !speaker.as_ref().is_some_and(|s| s.start == np.start && s.end > np.end) {
                        speaker = Some(np);
                    }
                    // The content: the quotation closed right before the cue,
                    // else the sentence up to the comma.
                    let close = (v.saturating_sub(2)..v).rev().find_map(|k| ctx.closes_quote(k));
                    let piece = match close {
                        Some(q) => ctx.quotes[q].inner(),
                        None => trim(ctx, content_start(ctx, sent)..v),
                    };
                    content.push(piece);
                    confidence = 0.8;
                }
            }
        }
        if content.is_empty() {
            // Bare content: "said Iran had ...", "rejected the allegations".
            if verb.class == CueClass::Belief && !clause_like(ctx, j) {
                return None;
            }
            if !verb.np_content && verb.class != CueClass::Evaluate && !clause_like(ctx, j) {
                return None;
            }
            content.push(j..rend);
            confidence = if clause_like(ctx, j) { 0.75 } else { 0.6 };
        }
    }

    // ", calling it "pure fantasy"": the pronoun stands for the object of
    // the clause before the participle ("rebuffed the accusation of X").
    if verb.class == CueClass::Evaluate && participle && v > sent.start + 1 && ctx.word(v - 1) == "," {
        if let Some(first) = content.first().cloned() {
            if matches!(ctx.lower(first.start).as_str(), "it" | "them" | "this" | "that") {
                if let Some(k) = (sent.start..v - 1).rev().find(|&k| ctx.tagged && ctx.is_finite_verb(k)) {
                    if k + 1 < v - 1 {
                        content.clear();
                        content.push(k + 1..v - 1);
                    }
                }
            }
        }
    }
    // Anaphoric content of a denial: "rejecting this allegation" stands for
    // an earlier "the allegation of ...".
    if verb.class == CueClass::Deny {
        if let Some(first) = content.first().cloned() {
            if let Some(ante) = anaphor_antecedent(ctx, &first, sent) {
                content = vec![ante];
            }
        }
    }

    let content: Vec<Range<usize>> = content.into_iter().map(|r| trim(ctx, r)).filter(|r| !r.is_empty()).collect();
    if content.is_empty() {
        return None;
    }
    // A claim needs someone to say it, or a participle/coordination that
    // shares the sentence's speaker.
    if speaker.is_none() && !shares_speaker {
        confidence *= 0.6;
    }

    // Stance.
    let cue_neg = stance::cue_negated(ctx, v, sent.start);
    if cue_neg && verb.class == CueClass::Assert {
        // "did not say", "has not confirmed": no claim is made.
        return None;
    }
    // What the cue says of its content; for content before the cue (",
    // calling it "pure fantasy""), the words after the cue.
    let content_end = content.last().map(|r| r.end).unwrap_or(rend);
    let after_cue =
        if content_end <= v { cue.tokens.end..rend } else { cue.tokens.end..content_end.max(cue.tokens.end) };
    let mut denial = match verb.class {
        CueClass::Deny => !cue_neg,
        CueClass::Evaluate => stance::evaluation_is_denial(ctx, &after_cue),
        _ => false,
    };
    if !denial && verb.class != CueClass::Deny {
        denial = stance::accompanying_denial(ctx, &(cue.tokens.end..sent.end));
    }
    // "There is no truth to the story", "It is not true that ...": the
    // content's own negation is what rejects, so it is not counted twice.
    let content_rejects = !denial && stance::content_rejects_claims(ctx, &content);
    if content_rejects {
        denial = true;
    }
    // "It is not true that no ransom was paid": the frame rejects, and
    // the claim it frames is negated too, so the two cancel out.
    let negated = if content_rejects {
        stance::framed_claim_negated(ctx, &content)
    } else {
        stance::content_negated(ctx, &content) && verb.class != CueClass::Evaluate
    };
    let stance = stance::combine(denial, negated);
    let hedged = content.first().is_some_and(|c| stance::hedged(ctx, c, v));
    let kind = kind_of(ctx, &content);

    Some(Draft {
        cue: cue.tokens.clone(),
        speaker,
        shares_speaker,
        content,
        kind,
        stance,
        hedged,
        confidence,
        colon_open,
        denial_cue: denial,
    })
}

/// The agent of a passive cue: the phrase after a "by" (outside quotations)
/// within `reach` words of `from` in the cue's clause, when it can speak.
fn passive_agent(ctx: &Ctx, from: usize, sent: &Range<usize>, reach: usize) -> Option<Range<usize>> {
    (from..sent.end.min(from + reach))
        .take_while(|&k| !matches!(ctx.word(k), "," | ";" | "." | ":"))
        .find(|&k| ctx.lower(k) == "by" && ctx.quote_of[k].is_none())
        .and_then(|k| np_right(ctx, k + 1, sent))
        .filter(|np| super::speaker::can_speak(ctx, np))
}

/// The subject opening a sentence: a pronoun, name or role description at
/// its start (past conjunctions and a fronted adverbial).
fn sentence_subject(ctx: &Ctx, sent: &Range<usize>, before: usize) -> Option<Range<usize>> {
    // The subject of the sentence's first finite verb ("The spokesman ...
    // reacted to the report and said ..."), past a fronted participle or
    // subordinate clause ("Asked whether observers had been kept out,
    // Villamil declined ..., saying only ...": not "observers").
    let mut from = content_start(ctx, sent);
    // (A verb opening the sentence has no subject before it: "Asked" is a
    // participle even when tagged as a past tense. `get`: a sentence of
    // conjunctions and commas alone starts its content at its end, which
    // may be the end of the text.)
    let fronted = ctx.tagged
        && ctx
            .tokens
            .get(from)
            .is_some_and(|t| matches!(t.xpos.as_str(), "VBN" | "VBG" | "VBD") || t.upos == Upos::SCONJ);
    if fronted {
        if let Some(comma) = (from + 1..before).find(|&k| ctx.word(k) == "," && ctx.quote_of[k].is_none()) {
            from = comma + 1;
        }
    }
    if let Some(first_verb) = (from..before).find(|&k| ctx.tagged && ctx.is_finite_verb(k) && ctx.quote_of[k].is_none())
    {
        if let Some(s) = subject_left(ctx, first_verb, sent) {
            return Some(s);
        }
    }
    let s = content_start(ctx, sent);
    if crate::entities::gazetteer::pronoun_kind(ctx.word(s)).is_some() {
        return Some(s..s + 1);
    }
    let span = ctx.span(s, sent.end);
    let named = ctx.mentions_in(span).find(|&m| ctx.doc.mentions[m].span.start == ctx.tokens[s].start).map(|m| {
        let end_byte = ctx.doc.mentions[m].span.end;
        s..ctx.tokens.partition_point(|t| t.end <= end_byte)
    });
    named.or_else(|| opening_noun_phrase(ctx, from, before))
}

/// The noun phrase that opens the main clause, past adjuncts set off by
/// commas ("Two days after the rupture, in Sussundenga, the survivors ...
/// contest ... and accuse ..."), when the tagger found no finite verb
/// before the cue (it took "contest" and "estimates" for nouns). Short
/// phrases that can speak only.
fn opening_noun_phrase(ctx: &Ctx, mut from: usize, before: usize) -> Option<Range<usize>> {
    // `from` may be the sentence's end (a sentence of conjunctions only),
    // which can be the text's end: no phrase opens there.
    if from >= before {
        return None;
    }
    for _ in 0..3 {
        let w = ctx.lower(from);
        let adjunct = starts_adjunct(&w)
            || ctx.tagged && matches!(ctx.tokens[from].upos, Upos::ADP | Upos::NUM | Upos::ADV | Upos::SCONJ);
        if !adjunct {
            break;
        }
        let comma = (from + 1..before.min(from + 14)).find(|&k| ctx.word(k) == ",")?;
        from = comma + 1;
    }
    if !(ctx.tagged && matches!(ctx.tokens[from].upos, Upos::DET | Upos::NOUN | Upos::PROPN)) {
        return None;
    }
    // The head noun and its "of" phrases, up to the first word that may be
    // the mis-tagged verb: "the survivors of the village of Muoco".
    let mut end = from + 1;
    while end < before && end < from + 8 {
        let (t, prev) = (&ctx.tokens[end], &ctx.tokens[end - 1]);
        // A noun joins after a determiner, an adjective, "of" or a singular
        // noun ("the party spokesman"); after a name or a plural noun it is
        // the verb ("Muoco contest", "the professor estimates").
        // A name that opens the phrase or follows its determiner is a
        // modifier ("The Vermont senator", "Band member Flea").
        let modifier_name =
            prev.upos == Upos::PROPN && (end - 1 == from || matches!(ctx.tokens[end - 2].upos, Upos::DET | Upos::ADJ));
        let noun_may_join = matches!(prev.upos, Upos::DET | Upos::ADJ)
            || ctx.lower(end - 1) == "of"
            || prev.upos == Upos::NOUN && prev.xpos.as_str() == "NN"
            || modifier_name;
        let np_word = match t.upos {
            Upos::DET | Upos::ADJ => true,
            Upos::PROPN => prev.upos != Upos::NOUN || noun_may_join,
            Upos::NOUN => noun_may_join,
            _ => ctx.lower(end) == "of",
        };
        if !np_word {
            break;
        }
        end += 1;
    }
    // A noun right before a determiner or "that" is the verb the tagger
    // missed ("Muoco contest the official balance", "estimates that").
    if end > from + 1
        && matches!(ctx.tokens[end - 1].upos, Upos::NOUN | Upos::PROPN | Upos::ADJ)
        && ctx.word(end - 1).starts_with(|c: char| c.is_lowercase())
        && (ctx.tokens.get(end).is_some_and(|t| t.upos == Upos::DET) || ctx.lower(end) == "that")
    {
        end -= 1;
    }
    while end > from + 1 && matches!(ctx.lower(end - 1).as_str(), "of" | "the") {
        end -= 1;
    }
    let np = from..end;
    super::speaker::can_speak(ctx, &np).then_some(np)
}

/// True when the object after "claim" at `j` is money, damages or lives
/// rather than something asserted.
fn claims_a_thing(ctx: &Ctx, j: usize, sent: &Range<usize>) -> bool {
    if speech_follows(ctx, j, sent) || finite_verb_ahead(ctx, j, sent) {
        return false;
    }
    (j..(j + 8).min(sent.end)).take_while(|&k| !matches!(ctx.word(k), "," | "." | ";" | ":")).any(|k| {
        let w = ctx.lower(k);
        w.starts_with(['£', '$', '€'])
            || matches!(
                w.as_str(),
                "£" | "$"
                    | "€"
                    | "euros"
                    | "dollars"
                    | "pounds"
                    | "damages"
                    | "compensation"
                    | "asylum"
                    | "lives"
                    | "life"
                    | "victims"
                    | "refund"
                    | "benefits"
                    | "expenses"
            )
    })
}

/// True when a finite verb comes within ten words of `j`, before any comma
/// or sentence end: a clause follows rather than an adjunct.
fn finite_verb_ahead(ctx: &Ctx, j: usize, sent: &Range<usize>) -> bool {
    ctx.tagged
        && (j..(j + 10).min(sent.end))
            .take_while(|&k| !matches!(ctx.word(k), "," | "." | ";" | ":" | "!" | "?"))
            .any(|k| ctx.is_finite_verb(k))
}

/// True when a clause seems to start at `j`: a pronoun, name, determiner or
/// number (tagged: a subject-like word followed by a verb within a few words).
fn clause_like(ctx: &Ctx, j: usize) -> bool {
    let w = ctx.word(j);
    // "said at least 40% of consumers would pay more": a degree phrase
    // opens the clause's subject when a verb of its own follows ("assure
    // her of at least 318 delegates" has none).
    if at_degree(ctx, j) {
        return ctx
            .doc
            .analysis
            .sentence_of(j)
            .is_some_and(|s| finite_verb_ahead(ctx, j + 2, &ctx.doc.analysis.sentences[s].tokens));
    }
    if ctx.tagged {
        let u = ctx.tokens.get(j).map(|t| t.upos);
        return matches!(
            u,
            Some(Upos::PRON | Upos::PROPN | Upos::DET | Upos::NUM | Upos::NOUN | Upos::ADJ | Upos::SCONJ | Upos::ADV)
        );
    }
    w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || matches!(
            w.to_lowercase().as_str(),
            "he" | "she"
                | "it"
                | "they"
                | "we"
                | "i"
                | "there"
                | "the"
                | "this"
                | "these"
                | "those"
                | "no"
                | "some"
                | "many"
                | "its"
                | "his"
                | "her"
                | "their"
                | "our"
        )
}

/// True when "that" at `k` opens a clause, not a determiner before its noun
/// or a degree word ("find that hard to believe", "reminds us of that
/// winter"): the next word is no adjective or adverb standing alone, and
/// no noun the sentence ends or a preposition follows.
fn that_opens_clause(ctx: &Ctx, k: usize) -> bool {
    if ctx.lower(k) != "that" {
        return false;
    }
    if !ctx.tagged || k + 2 >= ctx.tokens.len() {
        return true;
    }
    let (next, after) = (&ctx.tokens[k + 1], &ctx.tokens[k + 2]);
    let degree =
        matches!(next.upos, Upos::ADJ | Upos::ADV) && !matches!(after.upos, Upos::NOUN | Upos::PROPN | Upos::NUM);
    let determiner = next.upos == Upos::NOUN && matches!(after.upos, Upos::ADP | Upos::PUNCT);
    !(degree || determiner)
}

/// "at least", "at most": a degree phrase before a number, not a place
/// or time adjunct.
fn at_degree(ctx: &Ctx, j: usize) -> bool {
    ctx.lower(j) == "at" && matches!(ctx.lower(j + 1).as_str(), "least" | "most")
}

/// True when a clause follows a comma at `j` ("said, he has ...").
fn clause_follows(ctx: &Ctx, j: usize, sent: &Range<usize>) -> bool {
    if j >= sent.end {
        return false;
    }
    let w = ctx.lower(j);
    if matches!(
        w.as_str(),
        "adding" | "saying" | "noting" | "citing" | "according" | "but" | "and" | "while" | "as" | "which" | "who"
    ) {
        return false;
    }
    clause_like(ctx, j) && (j..sent.end).len() > 2
}

/// The clause that reported speech goes on with after its attribution
/// ("X, she added, and the boat had to be towed back to port"; "X, he
/// said, but a group of young people began throwing bottles"): at `k` an
/// "and" or "but", then a new subject (a noun phrase, name, number or
/// pronoun) with a finite verb of its own, and no other cue before `end`
/// ("..., he said, and the minister added that ..." starts an attribution
/// of its own). A bare predicate ("and added that ...") is the speaker's,
/// not the content's.
fn continued_after_cue(ctx: &Ctx, k: usize, end: usize, cues: &[Cue]) -> Option<Range<usize>> {
    if !ctx.tagged || !matches!(ctx.lower(k).as_str(), "and" | "but") || k + 3 >= end {
        return None;
    }
    let subject = k + 1;
    let verb = stance::new_clause_verb(ctx, subject, end)?;
    if cues.iter().any(|c| c.tokens.start > k && c.tokens.start < end) || is_cue_word(ctx, verb) {
        return None;
    }
    let piece = trim(ctx, subject..end);
    (!piece.is_empty()).then_some(piece)
}

/// Words the subject before a parenthetical cue has at most ("The
/// syndicate, he said, warned ...").
const CUT_SUBJECT_WORDS: usize = 6;

/// "The syndicate, he said, warned in 2023 of the cracks": the cue cuts the
/// reported clause between its subject and its predicate, so the first
/// piece is a noun phrase alone and the predicate follows the cue's comma,
/// opening with a finite verb. The predicate at `k` is the claim's second
/// piece, to the next cue after it or the sentence end: its own verb may
/// be a cue ("warned", "was told"), reported by the speaker with its
/// subject. A first piece with a verb of its own is a clause, not a
/// subject.
fn predicate_after_cue(
    ctx: &Ctx,
    left: &[Range<usize>],
    k: usize,
    sent: &Range<usize>,
    cues: &[Cue],
) -> Option<Range<usize>> {
    let [subject] = left else {
        return None;
    };
    let end = cues.iter().map(|c| c.tokens.start).filter(|&c| c > k + 1).min().unwrap_or(sent.end).min(sent.end);
    if !ctx.tagged || subject.is_empty() || subject.len() > CUT_SUBJECT_WORDS || k + 2 >= end {
        return None;
    }
    if !subject.clone().all(|i| ctx.is_np_word(i) && !matches!(ctx.tokens[i].upos, Upos::VERB | Upos::AUX)) {
        return None;
    }
    if !ctx.is_finite_verb(k) {
        return None;
    }
    let piece = trim(ctx, k..end);
    (!piece.is_empty()).then_some(piece)
}

/// Content on the left of a clause-final cue ("CONTENT, SPEAKER V." or
/// "“CONTENT,” SPEAKER V."): returns the content pieces. The speaker found
/// on the left must be preceded by a comma (or a closing quote).
fn left_content(ctx: &Ctx, sent: &Range<usize>, speaker: &Option<Range<usize>>) -> Option<Vec<Range<usize>>> {
    let sp = speaker.clone()?;
    let mut k = sp.start;
    if k == sent.start {
        return None;
    }
    // Skip back over the comma and any closing quote before the speaker.
    let mut closing = None;
    while k > sent.start && (matches!(ctx.word(k - 1), "," | "—" | "–") || ctx.closes_quote(k - 1).is_some()) {
        if let Some(q) = ctx.closes_quote(k - 1) {
            closing = Some(q);
        }
        k -= 1;
    }
    if k == sp.start {
        return None;
    }
    let start = match closing {
        Some(q) => ctx.quotes[q].inner().start,
        None => content_start(ctx, sent),
    };
    let piece = start..k;
    (!piece.is_empty()).then(|| vec![piece])
}

/// For a denial whose object is an anaphor ("this allegation", "these
/// claims"), finds the antecedent noun phrase headed by the same kind of
/// noun earlier in the sentence or the previous one ("the recent allegation
/// of the use of Iranian drones in the war in Ukraine").
fn anaphor_antecedent(ctx: &Ctx, content: &Range<usize>, sent: &Range<usize>) -> Option<Range<usize>> {
    let first = content.start;
    if !matches!(ctx.lower(first).as_str(), "this" | "that" | "these" | "those" | "such" | "the")
        || !is_claim_noun(ctx.word(first + 1))
    {
        return None;
    }
    if ctx.lower(first) == "the" && matches!(ctx.lower(first + 2).as_str(), "of" | "that" | "about" | "by") {
        return None; // "the claims of X" is itself the content.
    }
    let noun_stem = ctx.lower(first + 1).trim_end_matches('s').to_string();
    let search_from = ctx
        .doc
        .analysis
        .sentence_of(sent.start)
        .and_then(|s| s.checked_sub(1))
        .map(|s| ctx.doc.analysis.sentences[s].tokens.start)
        .unwrap_or(sent.start);
    let mut best = None;
    for i in search_from..first {
        if ctx.lower(i).trim_end_matches('s') == noun_stem
            && matches!(ctx.lower(i + 1).as_str(), "of" | "that" | "about" | "by" | "against")
        {
            // From the determiner before the noun to the next comma.
            let s = if i > 0 && matches!(ctx.lower(i - 1).as_str(), "the" | "a" | "an" | "recent" | "latest" | "new") {
                (i - 1..i).start
            } else {
                i
            };
            let s = if s > 0 && matches!(ctx.lower(s - 1).as_str(), "the" | "a" | "an") { s - 1 } else { s };
            let mut e = i + 2;
            while e < first && !matches!(ctx.word(e), "," | ";" | ":" | ".") {
                e += 1;
            }
            best = Some(s..e);
        }
    }
    best
}

/// The source of "according to" without the subject of the clause that
/// follows it unpunctuated: "according to the data of the gas control
/// system no sensor was switched off" (a determiner right after the
/// source's last noun opens a new noun phrase, the clause's subject, when a
/// finite verb follows it in the sentence).
fn source_before_clause(ctx: &Ctx, source: Range<usize>, sent: &Range<usize>) -> Range<usize> {
    if !ctx.tagged {
        return source;
    }
    let opens_np = |k: usize| {
        matches!(ctx.lower(k).as_str(), "no" | "the" | "a" | "an" | "this" | "these" | "those" | "every" | "all")
            && matches!(ctx.tokens[k - 1].upos, Upos::NOUN | Upos::PROPN)
    };
    let verb_follows = |k: usize| (k + 1..sent.end).any(|v| ctx.is_finite_verb(v) && ctx.quote_of[v].is_none());
    match (source.start + 1..source.end).find(|&k| opens_np(k) && verb_follows(k)) {
        Some(k) => source.start..k,
        None => source,
    }
}

/// A preposition that may open a relative clause ("to which", "of whom").
fn is_relative_preposition(w: &str) -> bool {
    matches!(w, "to" | "of" | "in" | "with" | "for" | "from" | "by" | "on" | "at")
}

/// True when "according to" at `a` says how something was done, not who
/// says so: right after a verb or its adverb, with a rule or plan for its
/// object ("the plant operated exactly according to the procedure", "was
/// built according to the standards"). "According to the plan, troops will
/// ..." at the head of a sentence still names the plan as its source.
fn manner_not_source(ctx: &Ctx, a: usize, source: &Range<usize>) -> bool {
    if a == 0 || source.is_empty() || !ctx.tagged {
        return false;
    }
    let prev = &ctx.tokens[a - 1];
    let after_verb = matches!(prev.upos, Upos::VERB | Upos::ADV) && ctx.word(a - 1) != ",";
    let head = ctx.lower(source.end - 1);
    after_verb
        && matches!(
            head.as_str(),
            "procedure"
                | "procedures"
                | "plan"
                | "plans"
                | "schedule"
                | "rules"
                | "regulations"
                | "law"
                | "laws"
                | "protocol"
                | "protocols"
                | "instructions"
                | "standards"
                | "standard"
                | "requirements"
                | "norms"
                | "guidelines"
                | "timetable"
                | "programme"
                | "program"
                | "constitution"
        )
}

/// Builds the draft claim of an "according to" cue.
pub fn according_claim(ctx: &Ctx, cue: &Cue, sent: &Range<usize>) -> Option<Draft> {
    let a = cue.tokens.start;
    if let Some(from) = words_of_pronoun(ctx, a, sent) {
        // "By his words, CONTENT": the pronoun speaks, the rest of the
        // sentence after the comma is what it says; set off by commas
        // inside the sentence, the words around it are.
        let content = trim(ctx, from..sent.end);
        if content.is_empty() {
            return None;
        }
        let start = content_start(ctx, sent);
        let before = if a > start + 1 { trim(ctx, start..a - 1) } else { start..start };
        let pieces = if before.is_empty() { vec![content] } else { vec![before, content] };
        let negated = stance::content_negated(ctx, &pieces);
        return Some(Draft {
            cue: cue.tokens.clone(),
            speaker: Some(a + 1..a + 2),
            shares_speaker: false,
            kind: ClaimKind::AccordingTo,
            stance: stance::combine(false, negated),
            hedged: stance::hedged(ctx, &pieces[0], a),
            confidence: 0.8,
            colon_open: false,
            content: pieces,
            denial_cue: false,
        });
    }
    let src_start = cue.tokens.end;
    let mut source = source_before_clause(ctx, np_right(ctx, src_start, sent)?, sent);
    if manner_not_source(ctx, a, &source) {
        return None;
    }
    // "According to him at least 40 people drowned": a personal pronoun is
    // the whole source, with or without a comma after it.
    let pronoun_source = matches!(ctx.lower(src_start).as_str(), "him" | "her" | "them" | "us" | "me");
    if pronoun_source {
        source = src_start..src_start + 1;
    }
    // A live blog's time stamp ("20:22:15 - According to ...") leads the
    // line without being part of the sentence; so does a label ended by a
    // colon or a loose dash ("8:30 AM — According to", "Question (Radio
    // X): According to"), and a clause the colon closes ("The manager
    // questioned the number: according to the company, only 12 ...").
    let after_label = a > sent.start && (ctx.word(a - 1) == ":" || super::speaker::is_loose_dash(ctx, a - 1));
    let at_start = after_label
        || (sent.start..a).all(|i| {
            let w = ctx.lower(i);
            matches!(w.as_str(), "but" | "and" | "so" | "yet" | "however" | "," | "also" | "-" | "–" | "—" | "|")
                || w.chars().all(|c| c.is_ascii_digit() || c == ':' || c == '.')
                    && w.chars().any(|c| c.is_ascii_digit())
        });
    let content = if at_start {
        // "According to SOURCE, CONTENT." The source may run over
        // appositions and a participle phrase ("figures compiled by Open
        // Trade Watch, a research group, UK exports rose ..."): the content
        // starts after the last comma before the first finite verb.
        // The verb of a relative clause on the source ("a source who asked
        // not to be named, ...") is the source's, not the content's.
        let mut relative = false;
        let first_verb = (src_start..sent.end).find(|&k| {
            match ctx.lower(k).as_str() {
                "who" | "whom" | "whose" | "which" => relative = true,
                "," => relative = false,
                _ => {}
            }
            // A quotation that opens right after its clause's subject
            // ("the forces "controlled the fire ..."") holds that clause's
            // verb; one that stands alone holds none of the sentence's.
            let embedded = ctx.quote_of[k].is_some_and(|q| {
                let open = ctx.quotes[q].open;
                open > src_start && matches!(ctx.tokens[open - 1].upos, Upos::NOUN | Upos::PROPN | Upos::PRON)
            });
            !relative && ctx.tagged && ctx.is_finite_verb(k) && (ctx.quote_of[k].is_none() || embedded)
        });
        let limit = first_verb.unwrap_or(sent.end);
        // Commas inside a quotation belong to the content.
        let unquoted_comma = |k: &usize| ctx.word(*k) == "," && ctx.quote_of[*k].is_none();
        let mut comma = (src_start..limit).rev().find(unquoted_comma);
        let first_comma = (src_start..limit).find(unquoted_comma);
        // "According to him, the operation mobilised ...": a pronoun is the
        // whole source.
        if source.len() == 1
            && matches!(ctx.lower(source.start).as_str(), "him" | "her" | "them" | "us" | "me")
            && ctx.word(source.end) == ","
        {
            comma = Some(source.end);
        }
        // "According to the minister, only three districts, A, B and C,
        // are touched": a content that would open with its verb has lost
        // its subject to the source; the source ends at the first comma.
        if comma.is_some_and(|c| Some(c + 1) == first_verb) {
            comma = first_comma;
        }
        // "According to the minister, the planes penetrated 11 kilometres
        // deep ..., and in two cases they flew ...": a verb the tagger took
        // for a participle is still the verb of a clause that follows the
        // first comma, so the source ends there when no verb stands
        // before it.
        if let Some(first) = first_comma {
            let verbless =
                |r: Range<usize>| r.into_iter().all(|k| !matches!(ctx.tokens[k].upos, Upos::VERB | Upos::AUX));
            let next = (first + 1..sent.end).find(|&k| ctx.word(k) == ",").unwrap_or(sent.end);
            let clause_after = (first + 2..next).any(|k| {
                ctx.tokens[k].upos == Upos::VERB
                    && matches!(ctx.tokens[k].xpos.as_str(), "VBN" | "VBD")
                    && matches!(ctx.tokens[k - 1].upos, Upos::NOUN | Upos::PROPN | Upos::PRON)
            });
            let relative = matches!(ctx.lower(first + 1).as_str(), "who" | "whom" | "whose" | "which")
                || is_relative_preposition(&ctx.lower(first + 1));
            if ctx.tagged && comma.is_some_and(|c| c > first) && verbless(src_start..first) && clause_after && !relative
            {
                comma = Some(first);
            }
        }
        // "According to Rahmonov, the rescuers advance in the drift ...,
        // and ...": the source ends at the first comma whose stretch up to
        // the next comma is neither an apposition (no verb) nor a modifier
        // of the source (a relative clause, a participle phrase: "cited by
        // the report"); a stretch with a verb of its own opens the content,
        // whichever verb the search above took for the first.
        if let Some(c) = comma {
            if let Some(k) = (src_start..c).filter(unquoted_comma).find(|&k| {
                let next = (k + 1..sent.end).find(unquoted_comma).unwrap_or(sent.end);
                opens_content(ctx, k + 1..next)
            }) {
                comma = Some(k);
            }
        }
        if pronoun_source && ctx.word(source.end) != "," {
            comma = None;
        }
        match comma {
            Some(c) if c > src_start => {
                // "the act of the committee, to which the site had access,":
                // a relative clause set off by commas is no part of the
                // source's name (nor the name it holds).
                let relative_at = (src_start..c).find(|&k| {
                    ctx.word(k) == ","
                        && (matches!(ctx.lower(k + 1).as_str(), "who" | "which" | "whom" | "whose")
                            || is_relative_preposition(&ctx.lower(k + 1))
                                && matches!(ctx.lower(k + 2).as_str(), "which" | "whom"))
                });
                source = src_start..relative_at.unwrap_or(c);
                trim(ctx, c + 1..sent.end)
            }
            // "According to him at least 40 people drowned", ": according
            // to Häkkinen only four pilots have resigned": no comma after
            // the source, whose clause follows at once.
            _ if ctx.word(source.end) != ","
                && source.end < sent.end
                && (pronoun_source || clause_like(ctx, source.end)) =>
            {
                trim(ctx, source.end..sent.end)
            }
            _ => {
                if ctx.word(source.end) != "," {
                    return None;
                }
                trim(ctx, source.end + 1..sent.end)
            }
        }
    } else if relative_before(ctx, a) && source.end < sent.end {
        // "documents which, according to it, show that officers took
        // bribes", "a firm which according to her received 3.5 billion":
        // the relative clause's predicate after the source is what the
        // source says.
        let from = if ctx.word(source.end) == "," { source.end + 1 } else { source.end };
        trim(ctx, from..sent.end)
    } else if a > sent.start
        && matches!(ctx.lower(a - 1).as_str(), "but" | "and" | "while" | "whereas" | "yet" | ";")
        && ctx.word(source.end) == ","
        && clause_with_verb(ctx, source.end + 1..sent.end)
    {
        // "..., but according to the report of the newspaper, a ransom of
        // 150 million pesos was given": a clause of its own opened by the
        // cue; the content follows the source.
        trim(ctx, source.end + 1..sent.end)
    } else if source.end < sent.end
        && !matches!(ctx.word(source.end), "." | "!" | "?" | "," | ";")
        && !matches!(ctx.lower(source.end).as_str(), "which" | "who" | "whom" | "whose" | "that")
        && clause_like(ctx, source.end)
    {
        // "..., but according to the farmers this promise has not been
        // fulfilled": the content follows the source.
        trim(ctx, source.end..sent.end)
    } else {
        // "CONTENT, according to SOURCE." or "CONTENT according to SOURCE".
        trim(ctx, content_start(ctx, sent)..a)
    };
    if content.is_empty() {
        return None;
    }
    // "The doctors of the Order, according to him, "are not on the
    // ground"": the source set off by commas inside the content, whose
    // predicate follows it.
    let mut rest = None;
    if !at_start && source.end + 1 < sent.end && ctx.word(source.end) == "," && ctx.word(a.saturating_sub(1)) == "," {
        let after = trim(ctx, source.end + 1..sent.end);
        let has_verb = after.clone().any(|k| ctx.tagged && ctx.is_finite_verb(k));
        let content_verb = content.clone().any(|k| ctx.tagged && ctx.is_finite_verb(k) && ctx.quote_of[k].is_none());
        // "The traffic was interrupted for 95 minutes, according to the
        // operator, and 11 trains accumulated delays": a clause joined to
        // the content goes on with it.
        // (Not a clause with a cue of its own: "watched the videos, according
        // to their attorneys, and said they came away with questions".)
        let joined = ctx.lower(source.end + 1) == "and"
            && clause_with_verb(ctx, after.clone())
            && !after.clone().any(|k| is_cue_word(ctx, k));
        if !after.is_empty() && (has_verb && !content_verb || joined) {
            rest = Some(after);
        }
    }
    let pieces: Vec<Range<usize>> = std::iter::once(content.clone()).chain(rest.clone()).collect();
    let negated = stance::content_negated(ctx, &pieces);
    let hedged = stance::hedged(ctx, &content, a);
    Some(Draft {
        cue: cue.tokens.clone(),
        speaker: Some(informant_of(ctx, source, sent)),
        shares_speaker: false,
        kind: ClaimKind::AccordingTo,
        stance: stance::combine(false, negated),
        hedged,
        confidence: 0.8,
        colon_open: false,
        content: pieces,
        denial_cue: false,
    })
}

/// True when a figure (a digit, after at most three words: "less than 40
/// minutes", "at least 19 dead") or a quotation of two words or more
/// ("speaks of "campaign"" names a view, not a statement) opens at `j`.
fn speaks_of_figure(ctx: &Ctx, j: usize, sent: &Range<usize>) -> bool {
    j < sent.end
        && (ctx.opens_quote(j).is_some_and(|q| ctx.quotes[q].len() >= 2)
            || (j..(j + 4).min(sent.end))
                .take_while(|&k| !matches!(ctx.word(k), "," | "." | ";" | ":"))
                .any(|k| ctx.word(k).starts_with(|c: char| c.is_ascii_digit())))
}

/// True when a relative pronoun stands right before "according to" at `a`,
/// maybe with a comma between ("which, according to it, show").
fn relative_before(ctx: &Ctx, a: usize) -> bool {
    let is_rel = |k: usize| matches!(ctx.lower(k).as_str(), "which" | "who" | "that");
    a > 0 && is_rel(a - 1) || a > 1 && ctx.word(a - 1) == "," && is_rel(a - 2)
}

/// True when `r` holds at least three words and a verb outside quotations:
/// a clause of its own.
fn clause_with_verb(ctx: &Ctx, r: Range<usize>) -> bool {
    ctx.tagged
        && r.len() >= 3
        && r.clone().any(|k| ctx.quote_of[k].is_none() && matches!(ctx.tokens[k].upos, Upos::VERB | Upos::AUX))
}

/// True when the stretch `seg` after a comma behind an "according to"
/// source opens the content: it is no relative clause or participle phrase
/// on the source ("who asked not to be named", "cited by the report",
/// "speaking on television"), and has a verb of its own or is no apposition
/// either. An apposition is a bare noun phrase ("a research group", "the
/// head of the office, Dr. X (58)"); a stretch that opens with a preposition
/// or holds an adverb or a verb is a clause, whatever the tagger made of its
/// verb ("the rescuers advance/NN in the drift", "the company counts/NNS
/// only the workers", "through the pass go up to 300 trucks").
fn opens_content(ctx: &Ctx, seg: Range<usize>) -> bool {
    if !ctx.tagged || seg.len() < 2 {
        return false;
    }
    let first = seg.start;
    let w = ctx.lower(first);
    // "an election statistician at the University who has reviewed the
    // sheets": a relative clause inside the apposition is the apposition's.
    let seg = first
        ..(first + 1..seg.end)
            .find(|&k| matches!(ctx.lower(k).as_str(), "who" | "whom" | "whose" | "which" | "that"))
            .unwrap_or(seg.end);
    if matches!(w.as_str(), "who" | "whom" | "whose" | "which" | "where" | "when")
        || is_relative_preposition(&w) && matches!(ctx.lower(first + 1).as_str(), "which" | "whom")
        || matches!(ctx.tokens[first].xpos.as_str(), "VBN" | "VBG")
    {
        return false;
    }
    if seg.clone().any(|k| ctx.quote_of[k].is_none() && ctx.is_finite_verb(k)) {
        return true;
    }
    let np_word = |k: usize| {
        let t = &ctx.tokens[k];
        match t.upos {
            Upos::DET
            | Upos::ADJ
            | Upos::NOUN
            | Upos::PROPN
            | Upos::NUM
            | Upos::PUNCT
            | Upos::PART
            | Upos::SYM
            | Upos::X => true,
            Upos::ADP => k > first && matches!(ctx.lower(k).as_str(), "of" | "for" | "at" | "in" | "from" | "on"),
            Upos::CCONJ => matches!(ctx.lower(k).as_str(), "and" | "&"),
            _ => ctx.quote_of[k].is_some() || ctx.is_prenominal_participle(k),
        }
    };
    !seg.clone().all(np_word)
}

/// Nouns of a person's account or view in "by his words", "in her
/// opinion", "in the assessment of X".
fn is_view_noun(w: &str) -> bool {
    matches!(
        w,
        "words" | "opinion" | "view" | "assessment" | "estimation" | "estimate" | "calculation" | "calculations"
    )
}

/// Where the content starts when "by/in his (her, their) words|opinion|
/// view|assessment|...," stands at `i`: opening the sentence `sent` (the
/// comma may be missing: "In his assessment the units are ..."), or set off
/// by commas inside it ("The capital, by her words, fell below 6 percent").
fn words_of_pronoun(ctx: &Ctx, i: usize, sent: &Range<usize>) -> Option<usize> {
    if i + 4 >= sent.end
        || !matches!(ctx.lower(i).as_str(), "by" | "in")
        || !matches!(ctx.lower(i + 1).as_str(), "his" | "her" | "their")
        || !is_view_noun(&ctx.lower(i + 2))
        || ctx.quote_of[i].is_some()
    {
        return None;
    }
    let opens = i == content_start(ctx, sent);
    let inside = !opens && i > sent.start + 1 && ctx.word(i - 1) == ",";
    if ctx.word(i + 3) == "," && (opens || inside) {
        return Some(i + 4);
    }
    // Without a comma only at the sentence's head, before a clause (a
    // "words" read so is "in his words the ..." quoting, which is the same).
    (opens && clause_like(ctx, i + 3) && finite_verb_ahead(ctx, i + 3, sent)).then_some(i + 3)
}

/// True when "in the opinion (view, assessment) of" or "by the estimation
/// (calculation) of" at `i` opens the sentence `sent` or follows a comma,
/// with a noun phrase that can speak and a comma after it.
fn view_of_party(ctx: &Ctx, i: usize, sent: &Range<usize>) -> bool {
    if i + 5 >= sent.end
        || !matches!(ctx.lower(i).as_str(), "by" | "in")
        || ctx.lower(i + 1) != "the"
        || !is_view_noun(&ctx.lower(i + 2))
        || ctx.lower(i + 2) == "words"
        || ctx.lower(i + 3) != "of"
        || ctx.quote_of[i].is_some()
    {
        return false;
    }
    if !(i == content_start(ctx, sent) || i > sent.start && ctx.word(i - 1) == ",") {
        return false;
    }
    np_right(ctx, i + 4, sent).is_some_and(|np| super::speaker::can_speak(ctx, &np))
}

/// "According to information obtained from judicial sources", "according
/// to data of the inspectorate", "figures released by the ministry": the
/// information stands for whoever gave it, who is the source (a report or
/// a statement is a source of its own and stays).
fn informant_of(ctx: &Ctx, source: Range<usize>, sent: &Range<usize>) -> Range<usize> {
    let mut k = source.start;
    if ctx.lower(k) == "the" {
        k += 1;
    }
    if ctx.tagged && k < source.end && ctx.tokens[k].upos == Upos::ADJ {
        k += 1;
    }
    if k >= source.end
        || !matches!(
            ctx.lower(k).as_str(),
            "information"
                | "data"
                | "figures"
                | "statistics"
                | "estimates"
                | "estimate"
                | "numbers"
                | "toll"
                | "tally"
                | "count"
                | "balance"
                | "assessment"
                | "calculation"
                | "calculations"
        )
    {
        return source;
    }
    k += 1;
    // "obtained from", "released by", "provided by", "compiled by", "the
    // provisional toll given by the police". The source phrase may have
    // stopped at the participle: its agent is read on to the sentence's
    // end.
    if ctx.tagged && k < sent.end && ctx.tokens[k].xpos.as_str() == "VBN" {
        k += 1;
    }
    if k + 1 < sent.end && matches!(ctx.lower(k).as_str(), "of" | "from" | "by") {
        let rest =
            if k + 1 < source.end { Some(k + 1..source.end) } else { super::speaker::np_right(ctx, k + 1, sent) };
        // ("the count of votes" is counted, not counting: the agent must
        // name a person or body.)
        let names_agent = |r: &Range<usize>| {
            ctx.mentions_in(ctx.span(r.start, r.end))
                .any(|m| matches!(ctx.mention_kind(m), EntityKind::Person | EntityKind::Organization))
                || crate::entities::gazetteer::is_org_word(&ctx.lower(super::speaker::np_head(ctx, r)))
        };
        if let Some(rest) = rest.filter(|r| super::speaker::can_speak(ctx, r) && names_agent(r)) {
            return rest;
        }
    }
    source
}

/// Splits a claim whose content is two coordinated complement clauses ("said
/// that A, and that B") into one claim per clause, each with its own stance:
/// they are separate propositions, and one may be negated while the other
/// is not.
pub fn split_coordinated(ctx: &Ctx, d: Draft) -> Vec<Draft> {
    if d.content.len() != 1 || d.kind == ClaimKind::Direct || d.colon_open {
        return vec![d];
    }
    let c = d.content[0].clone();
    let mut cuts = Vec::new();
    for i in c.clone() {
        if ctx.quote_of[i].is_some() {
            continue;
        }
        if matches!(ctx.lower(i).as_str(), "and" | "but") && ctx.lower(i + 1) == "that" && i + 2 < c.end {
            let start = if i > c.start && ctx.word(i - 1) == "," { i - 1 } else { i };
            cuts.push((start, i + 2));
        } else if ctx.lower(i) == "and" && i > c.start && ctx.word(i - 1) == "," && ctx.opens_quote(i + 1).is_some() {
            // ", and “no ships were damaged”": a second quoted clause.
            cuts.push((i - 1, i + 1));
        } else if matches!(ctx.lower(i).as_str(), "and" | "but")
            && i >= c.start + 3
            && i + 3 < c.end
            && stance::starts_predicate(ctx, i + 1, c.end)
            && !inside_subordinate(ctx, c.start, i)
        {
            // "the Emirate has no problem with aid and the women can continue
            // work", "would comply with any instruction but would not dismiss
            // its staff": two coordinated predications.
            let start = if ctx.word(i - 1) == "," { i - 1 } else { i };
            cuts.push((start, i + 1));
        }
    }
    if cuts.is_empty() {
        return vec![d];
    }
    let mut pieces = Vec::new();
    let mut from = c.start;
    for (end, next) in cuts {
        pieces.push(from..end);
        from = next;
    }
    pieces.push(from..c.end);
    let drafts: Vec<Draft> = pieces
        .into_iter()
        .map(|p| trim(ctx, p))
        .filter(|p| !p.is_empty())
        .map(|p| {
            // As for a whole content: a rejecting frame's own negation is
            // not read a second time ("It is not true that no ransom was
            // paid" affirms).
            let rejects = !d.denial_cue && stance::content_rejects_claims(ctx, std::slice::from_ref(&p));
            let negated = if rejects {
                stance::framed_claim_negated(ctx, std::slice::from_ref(&p))
            } else {
                stance::content_negated(ctx, std::slice::from_ref(&p))
            };
            let denial = d.denial_cue || rejects;
            let kind = kind_of(ctx, std::slice::from_ref(&p));
            Draft {
                content: vec![p.clone()],
                stance: stance::combine(denial, negated),
                hedged: stance::hedged(ctx, &p, d.cue.start),
                kind,
                ..d.clone()
            }
        })
        .collect();
    // Split only when the propositions differ in polarity: the split exists
    // to give each its own stance, and one claim reads better otherwise.
    if drafts.iter().all(|p| p.stance == d.stance) {
        vec![d]
    } else {
        drafts
    }
}

/// True when position `at` lies inside a subordinate clause that opened
/// after `from` and has not closed with a comma ("if Velgrad asks for it and
/// ...").
fn inside_subordinate(ctx: &Ctx, from: usize, at: usize) -> bool {
    let mut open = false;
    for k in from..at {
        let w = ctx.lower(k);
        if super::lexicon::is_subordinator(&w) && !matches!(w.as_str(), "as" | "even") {
            open = true;
        } else if w == "," {
            open = false;
        }
    }
    open
}

/// True when token `k` is a reporting verb that could start an attribution
/// of its own.
pub fn is_cue_word(ctx: &Ctx, k: usize) -> bool {
    cue_verb(&ctx.lower(k)).is_some() && ctx.can_be_verb(k)
}

/// A verb that reports in an "as" clause: a reporting verb, or one of
/// finding and counting, which report a finding there ("as the commission
/// calculates", "as the court established").
fn as_clause_verb(ctx: &Ctx, k: usize) -> Option<CueVerb> {
    if let Some(v) = cue_verb(&ctx.lower(k)) {
        return Some(v);
    }
    // (Word forms, not tags: "As the Commission calculates/NNS, ...".)
    let finding = matches!(
        ctx.lower(k).as_str(),
        "calculates"
            | "calculated"
            | "establishes"
            | "established"
            | "counts"
            | "counted"
            | "finds"
            | "found"
            | "computes"
            | "computed"
            | "determined"
    );
    if finding {
        cue_verb("say")
    } else {
        None
    }
}

/// "..., as the association announced.", "As the commission calculates,
/// the cartel raised ...", "The damage, as the court established, is 2.4
/// billion": an "as" clause of a speaker and a reporting (or finding) verb,
/// closed by a comma or the sentence's end, attributes the rest of the
/// sentence to that speaker. `drafts` holds the drafts found so far; a verb
/// that has one already (a fronted "As the minister noted," reads so in
/// [`verb_claim`]) is left to it.
pub fn as_clause_drafts(ctx: &Ctx, sent: &Range<usize>, drafts: &[Draft]) -> Vec<Draft> {
    let mut out = Vec::new();
    let start = content_start(ctx, sent);
    for a in sent.clone() {
        if ctx.lower(a) != "as" || ctx.quote_of[a].is_some() {
            continue;
        }
        let opens = a == start;
        if !(opens || a > sent.start && ctx.word(a - 1) == ",") {
            continue;
        }
        let Some(mut np) = np_right(ctx, a + 1, sent) else { continue };
        // The verb read into the phrase: "the Commission calculates".
        if np.len() > 1 && as_clause_verb(ctx, np.end - 1).is_some() {
            np.end -= 1;
        }
        let v = np.end;
        if np.len() > 8 || v + 1 > sent.end || !super::speaker::can_speak(ctx, &np) {
            continue;
        }
        let Some(verb) = as_clause_verb(ctx, v) else { continue };
        if drafts.iter().chain(&out).any(|d: &Draft| d.cue.contains(&v)) {
            continue;
        }
        let after = v + 1;
        let w = if after < sent.end { ctx.word(after) } else { "." };
        if !matches!(w, "," | "." | "!" | "?" | ";") {
            continue;
        }
        let pieces: Vec<Range<usize>> = if opens {
            if w != "," {
                continue;
            }
            vec![trim(ctx, after + 1..sent.end)]
        } else if w == "," {
            // Set off by commas inside the sentence: the words around it.
            vec![trim(ctx, start..a - 1), trim(ctx, after + 1..sent.end)]
        } else {
            vec![trim(ctx, start..a - 1)]
        };
        let pieces: Vec<Range<usize>> = pieces.into_iter().filter(|p| !p.is_empty()).collect();
        // What is reported is a clause.
        let clause = pieces
            .iter()
            .any(|p| p.clone().any(|k| ctx.tagged && matches!(ctx.tokens[k].upos, Upos::VERB | Upos::AUX)));
        let Some(first) = pieces.first().cloned().filter(|_| clause) else { continue };
        let denial = verb.class == CueClass::Deny;
        let negated = stance::content_negated(ctx, &pieces);
        out.push(Draft {
            cue: v..v + 1,
            speaker: Some(np),
            shares_speaker: false,
            kind: kind_of(ctx, &pieces),
            stance: stance::combine(denial, negated),
            hedged: stance::hedged(ctx, &first, v),
            confidence: 0.8,
            colon_open: false,
            content: pieces,
            denial_cue: denial,
        });
    }
    out
}
