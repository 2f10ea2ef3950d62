//! Attribution: who says what. Finds cues, speakers and contents
//! ([`rules`]), resolves speakers through names, roles and pronouns
//! ([`speaker`]), decides stance ([`stance`]), reads transcripts' labelled
//! turns ([`turns`]) and normalises each content to a proposition
//! ([`proposition`]).

pub mod context;
pub mod learned;
pub mod lexicon;
pub mod proposition;
pub mod quotes;
pub mod rules;
pub mod speaker;
mod spurious;
pub mod stance;
mod turns;

use std::ops::Range;

use claimgraph_nlp::Upos;

use crate::document::{
    AttributionSpans, Claim, ClaimKind, DocEntity, Document, EntityKind, Mention, MentionForm, Speaker, Stance,
};
use crate::pipeline::Stage;
use context::Ctx;
use rules::{according_claim, find_cues, verb_claim, Draft};
use speaker::{organisation_phrase, resolve, Resolution};

/// True when token ranges `a` and `b` share a token: the one test of two
/// spans (contents, cues, sentences) meeting that the attribution rules ask.
pub(crate) fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Finds the attributed claims of a document.
pub struct ClaimStage;

impl ClaimStage {
    /// The stage with its built-in lexicons.
    pub fn new() -> Self {
        ClaimStage
    }
}

impl Default for ClaimStage {
    fn default() -> Self {
        Self::new()
    }
}

impl Stage for ClaimStage {
    fn name(&self) -> &'static str {
        "claims"
    }
    fn run(&self, doc: &mut Document) {
        let (resolved, new, layer) = {
            let ctx = Ctx::new(doc);
            let (drafts, layer) = find_drafts(&ctx);
            let (resolved, new) = resolve_speakers(&ctx, drafts);
            (resolved, new, layer)
        };
        apply(doc, resolved, new);
        doc.attributions = to_spans(doc, &layer);
    }
}

/// A draft with its speaker resolved.
struct Resolved {
    draft: Draft,
    /// The speaker entity: an index into the document's entities, or past
    /// their end into the new speaker entities.
    entity: Option<usize>,
}

/// An entity that exists only as a speaker description: an organisation
/// described by its country ("Ukraine's air force") or an anonymous source
/// ("a senior official who asked not to be named"), kept as its description.
struct NewSpeaker {
    name: String,
    kind: EntityKind,
    /// A plural description ("sources in the prefecture", "witnesses"):
    /// "they" may continue it, "he" and "she" may not.
    plural: bool,
    /// The description's head noun, lowercased ("official" of "an official
    /// of the ministry"): a later "the official" is the same speaker.
    head: String,
}

/// The attribution layer's token ranges as byte spans of the text.
fn to_spans(doc: &Document, layer: &[learned::gold::TokenAttribution]) -> Vec<AttributionSpans> {
    let tokens = &doc.analysis.tokens;
    let span_of = |r: &Range<usize>| {
        (!r.is_empty() && r.end <= tokens.len())
            .then(|| crate::document::Span::new(tokens[r.start].start, tokens[r.end - 1].end))
    };
    layer
        .iter()
        .filter_map(|a| {
            Some(AttributionSpans {
                cue: span_of(&a.cue)?,
                sources: a.sources.iter().filter_map(span_of).collect(),
                contents: a.contents.iter().filter_map(span_of).collect(),
            })
        })
        .collect()
}

/// Runs the rules over every sentence, then joins colon-introduced content
/// over its paragraph and drops nested "according to" claims; returns the
/// drafts of the claims and the attribution layer.
fn find_drafts(ctx: &Ctx) -> (Vec<Draft>, Vec<learned::gold::TokenAttribution>) {
    let mut drafts: Vec<Draft> = Vec::new();
    for s in &ctx.doc.analysis.sentences {
        let sent = s.tokens.clone();
        let cues = find_cues(ctx, &sent);
        for c in &cues {
            let d = if c.verb.is_some() { verb_claim(ctx, c, &sent, &cues) } else { according_claim(ctx, c, &sent) };
            if let Some(d) = d {
                drafts.extend(rules::split_coordinated(ctx, d));
            }
        }
        let as_clauses = rules::as_clause_drafts(ctx, &sent, &drafts);
        drafts.extend(as_clauses);
    }
    extend_colon_content(ctx, &mut drafts);
    drop_nested_according(ctx, &mut drafts);
    drop_repeated_content(&mut drafts);
    attribute_following_quotes(ctx, &mut drafts);
    quotation_remainders(ctx, &mut drafts);
    topic_colon_quotes(ctx, &mut drafts);
    listed_quotations(ctx, &mut drafts);
    reported_by_afterwards(ctx, &mut drafts);
    let (mut drafts, layer) = learned::drafts(ctx, drafts);
    // "According to" a phrase that cannot speak ("pays according to the
    // tonnage") attributes nothing; it goes before the transcript pass,
    // which reads a sentence with a claim as read already.
    drafts.retain(|d| {
        d.kind != ClaimKind::AccordingTo || d.speaker.as_ref().is_none_or(|sp| speaker::can_speak(ctx, sp))
    });
    announced_list(ctx, &mut drafts);
    resumptive_content(ctx, &mut drafts);
    turns::apply(ctx, &mut drafts);
    opposite_sentences(ctx, &mut drafts);
    spurious::drop_spurious(ctx, &mut drafts);
    sort_drafts(&mut drafts);
    tidy_speakers(ctx, &mut drafts);
    (drafts, layer)
}

/// A content that is only a pronoun standing for the clause before the
/// speaker in its sentence ("No truck was attacked this week, I can
/// confirm it."; "The ministry never sent a truck, the owners say it.")
/// is that clause.
fn resumptive_content(ctx: &Ctx, drafts: &mut [Draft]) {
    for d in drafts.iter_mut() {
        let [c] = d.content.as_slice() else { continue };
        // (A cue that denies, "denied it", answers something else.)
        if c.len() != 1
            || c.start < d.cue.start
            || d.denial_cue
            || !matches!(ctx.lower(c.start).as_str(), "it" | "this" | "so")
        {
            continue;
        }
        let Some(k) = ctx.doc.analysis.sentence_of(d.cue.start) else { continue };
        let sent = ctx.doc.analysis.sentences[k].tokens.clone();
        let first = d.speaker.as_ref().map_or(d.cue.start, |s| s.start.min(d.cue.start));
        if first <= sent.start + 1 || ctx.word(first - 1) != "," {
            continue;
        }
        let clause = rules::trim(ctx, sent.start..first - 1);
        // A clause of its own: a finite verb, and no fronted subordinate or
        // participial clause ("Asked about the memo, the spokesman
        // confirmed it": a clause that opens with its verb has no subject).
        let finite = ctx.tagged && clause.clone().any(|i| ctx.is_finite_verb(i));
        let fronted = clause.start < clause.end
            && (lexicon::is_subordinator(&ctx.lower(clause.start))
                || ctx.tagged && matches!(ctx.tokens[clause.start].upos, Upos::VERB | Upos::AUX));
        if clause.len() < turns::MIN_SENTENCE || !finite || fronted {
            continue;
        }
        d.stance = stance::own_stance(ctx, std::slice::from_ref(&clause));
        d.hedged = stance::hedged(ctx, &clause, d.cue.start);
        d.content = vec![clause];
    }
}

/// Repairs speakers, whichever system proposed them:
/// * A day the speaker phrase took in front of the speaker ("denounced
///   this Thursday the Association ...") leaves it.
/// * An impersonal passive ("It should be recalled that ...", "it was
///   reported that ...") names no speaker, so "it" is not resolved to
///   whatever came before.
/// * A phrase that cannot speak (a span of time, "his part" of "for his
///   part") gives way to the subject of the cue's verb ("Abdou Karim Thiaw
///   has for his part indicated"), else the claim stands without speaker.
fn tidy_speakers(ctx: &Ctx, drafts: &mut [Draft]) {
    // A speaker of punctuation only (a quotation mark after a fact-check's
    // "Claim:" label, whose claimant the article names elsewhere) is none.
    let wordless = |sp: &Range<usize>| sp.clone().all(|k| !ctx.word(k).chars().any(char::is_alphanumeric));
    for d in drafts.iter_mut() {
        if d.speaker.as_ref().is_some_and(wordless) {
            d.speaker = None;
        }
    }
    let is_day = |i: usize| {
        let w = ctx.lower(i);
        rules::is_weekday(&w) || matches!(w.as_str(), "yesterday" | "today")
    };
    for d in drafts.iter_mut() {
        // "In the statement of X it was claimed that": an impersonal passive
        // whose "it" no system took as the speaker is read as one that did.
        if d.speaker.is_none()
            && d.cue.start > 1
            && ctx.lower(d.cue.start) == "was"
            && ctx.lower(d.cue.start - 1) == "it"
        {
            d.speaker = Some(d.cue.start - 1..d.cue.start);
        }
        let Some(sp) = d.speaker.as_mut() else { continue };
        while sp.len() > 1 && is_day(sp.start) {
            sp.start += 1;
        }
        // "On the other hand SP X said": the discourse phrase, unpunctuated,
        // is no part of the speaker.
        if sp.len() > 3
            && sp.start > 0
            && ctx.lower(sp.start - 1) == "on"
            && ctx.lower(sp.start) == "the"
            && ctx.lower(sp.start + 1) == "other"
            && ctx.lower(sp.start + 2) == "hand"
        {
            sp.start += 3;
            while sp.len() > 1 && ctx.word(sp.start) == "," {
                sp.start += 1;
            }
        }
        // "Contacted by Borneo Post, the head of the prison, X, denied":
        // the object of a fronted participle is no part of the speaker.
        if let Some(first) = ctx.doc.analysis.sentence_of(sp.start).map(|s| ctx.doc.analysis.sentences[s].tokens.start)
        {
            let fronted = ctx.tagged
                && sp.start > first
                && sp.start <= first + 3
                && matches!(ctx.tokens[first].xpos.as_str(), "VBN" | "VBG")
                && d.kind != ClaimKind::AccordingTo
                && ctx.lower(first) != "according"
                && matches!(ctx.lower(sp.start - 1).as_str(), "by" | "to" | "with" | "about" | "from");
            if fronted {
                if let Some(comma) = sp.clone().find(|&k| ctx.word(k) == ",").filter(|&c| c + 1 < sp.end) {
                    sp.start = comma + 1;
                }
            }
        }
        // "The company ..., in a short statement denied": the document a
        // speaker spoke in is no speaker; whoever issued it, named before
        // it, is.
        if sp.start > 0
            && matches!(ctx.lower(sp.start - 1).as_str(), "in" | "through" | "via")
            && speaker::is_document(&ctx.lower(speaker::np_head(ctx, sp)))
        {
            let sent = ctx.doc.analysis.sentence_of(sp.start).map(|s| ctx.doc.analysis.sentences[s].tokens.clone());
            // (The issuer may be set off by a comma: "The company, X, in a
            // statement denied".)
            let mut end = sp.start - 1;
            while end > 0 && ctx.word(end - 1) == "," {
                end -= 1;
            }
            if let Some(issuer) = sent.and_then(|sent| speaker::subject_left(ctx, end, &sent)) {
                *sp = issuer;
            }
        }
        // "A nurse who asked not to be named said": a speaker span cut at
        // its relative pronoun ends before it.
        while sp.len() > 1 && matches!(ctx.lower(sp.end - 1).as_str(), "who" | "which" | "that" | ",") {
            sp.end -= 1;
        }
        // "/Agency/ - The State Corporation said": the dash of a dateline
        // is no part of the speaker.
        while sp.len() > 1 && matches!(ctx.word(sp.start), "-" | "–" | "—" | "/" | "|" | ":") {
            sp.start += 1;
        }
        let passive_be = (sp.end..d.cue.end).any(|k| matches!(ctx.lower(k).as_str(), "be" | "is" | "was" | "been"));
        let participle = d.cue.clone().any(|k| ctx.tagged && ctx.tokens[k].xpos.as_str() == "VBN");
        // ("In the statement of the Directorate it was claimed": a phrase
        // the speaker search ran over ends in the impersonal "it".)
        if sp.start < sp.end && ctx.lower(sp.end - 1) == "it" && passive_be && participle {
            // "As it was reported in the message of the press service,":
            // the passive names its source after all.
            let sent = ctx.doc.analysis.sentence_of(d.cue.start).map(|s| ctx.doc.analysis.sentences[s].tokens.clone());
            let by = d.cue.end > 0 && matches!(ctx.lower(d.cue.end - 1).as_str(), "of" | "by");
            // "..., it is said in the statement", "It is stated in the
            // report that ...": the document it stands in speaks for its
            // organisation.
            d.speaker = sent.and_then(|sent| {
                by.then(|| speaker::np_right(ctx, d.cue.end, &sent))
                    .flatten()
                    .filter(|np| speaker::can_speak(ctx, np))
                    .or_else(|| rules::document_after(ctx, d.cue.start + 1, &sent))
                    // "In the statement of the ministry, ... it is said
                    // that": a document the sentence opens with.
                    .or_else(|| rules::document_after(ctx, sent.start, &sent).filter(|doc| doc.end < d.cue.start))
            });
        } else if !speaker::can_speak(ctx, sp) {
            let sent = ctx.doc.analysis.sentence_of(d.cue.start).map(|s| ctx.doc.analysis.sentences[s].tokens.clone());
            d.speaker = sent.and_then(|sent| speaker::subject_left(ctx, d.cue.start, &sent));
        }
    }
}

/// Drafts in cue order (then content order), as the later stages read
/// them.
fn sort_drafts(drafts: &mut [Draft]) {
    drafts.sort_by_key(|d| (d.cue.start, d.content.first().map(|c| c.start).unwrap_or(0)));
}

/// A quotation that follows an attributed one in the same paragraph, with
/// no attribution of its own ("“…,” said X. “…”"), continues the same
/// speaker's words; it becomes a claim with the same cue and speaker and its
/// own stance.
fn attribute_following_quotes(ctx: &Ctx, drafts: &mut Vec<Draft>) {
    let covered = |drafts: &[Draft], r: &Range<usize>| {
        drafts.iter().any(|d| d.content.iter().any(|c| overlaps(c, r)) || overlaps(&d.cue, r))
    };
    let mut added = Vec::new();
    for q in &ctx.quotes {
        let inner = q.inner();
        if inner.len() < 3 || covered(drafts, &inner) {
            continue;
        }
        let mut para = ctx.paragraph(inner.start);
        // A quotation opening a paragraph may continue the quotation that
        // ended the previous one.
        if q.open == para.start && para.start > 0 {
            para = ctx.paragraph(para.start - 1).start..para.end;
        }
        // The nearest claim before it in the paragraph, with nothing but
        // its own words in between.
        let Some(prev) = drafts
            .iter()
            .filter(|d| d.cue.start >= para.start && d.cue.start < inner.start)
            .max_by_key(|d| d.content.iter().map(|c| c.end).max().unwrap_or(d.cue.end).max(d.cue.end))
        else {
            continue;
        };
        if prev.kind == ClaimKind::AccordingTo || prev.speaker.is_none() && !prev.shares_speaker {
            continue;
        }
        let prev_end = prev.content.iter().map(|c| c.end).max().unwrap_or(prev.cue.end).max(prev.cue.end);
        let gap = prev_end..q.open;
        // Another attribution in between ends the continuation; a participle
        // ("in a video posted on Telegram") does not.
        if gap
            .clone()
            .any(|k| ctx.quote_of[k].is_none() && rules::is_cue_word(ctx, k) && (!ctx.tagged || ctx.is_finite_verb(k)))
        {
            continue;
        }
        let negated = stance::content_negated(ctx, std::slice::from_ref(&inner));
        added.push(Draft {
            content: vec![inner.clone()],
            kind: ClaimKind::Direct,
            stance: stance::combine(false, negated),
            hedged: stance::hedged(ctx, &inner, prev.cue.start),
            colon_open: false,
            confidence: prev.confidence * 0.9,
            ..prev.clone()
        });
    }
    drafts.extend(added);
    sort_drafts(drafts);
}

/// A quotation of several sentences whose first sentences are a claim's
/// content, while the claim's content stops at a sentence end inside the
/// quotation ("X disputed this: "The port signs the contracts. Saying they
/// do not employ them is a way of washing their hands.""; a cue's content
/// runs to its own sentence's end), goes on in the same speaker's words:
/// the rest of the quotation becomes a claim with the same cue and speaker
/// and its own stance, as a quotation that follows an attributed one does
/// ([`attribute_following_quotes`]).
fn quotation_remainders(ctx: &Ctx, drafts: &mut Vec<Draft>) {
    let analysis = &ctx.doc.analysis;
    let mut added = Vec::new();
    for q in &ctx.quotes {
        let inner = q.inner();
        if inner.len() < 3 {
            continue;
        }
        // The draft whose content reaches furthest into the quotation, from
        // its opening on.
        let Some((d, end)) = drafts
            .iter()
            .filter_map(|d| {
                let last = d.content.last()?;
                (last.start <= inner.start + 1 && last.end > inner.start && last.end < inner.end)
                    .then_some((d, last.end))
            })
            .max_by_key(|(_, end)| *end)
        else {
            continue;
        };
        if d.speaker.is_none() && !d.shares_speaker {
            continue;
        }
        // The content ends its sentence, and the quotation goes on over at
        // least one sentence more.
        let (Some(si), Some(sl)) = (analysis.sentence_of(end - 1), analysis.sentence_of(inner.end - 1)) else {
            continue;
        };
        if si == sl || analysis.sentences[si].tokens.end > end + 1 {
            continue;
        }
        let rest = rules::trim(ctx, analysis.sentences[si + 1].tokens.start.max(end)..inner.end);
        if rest.len() < turns::MIN_SENTENCE
            || drafts.iter().any(|o| o.content.iter().any(|c| overlaps(c, &rest)) || overlaps(&o.cue, &rest))
        {
            continue;
        }
        let negated = stance::content_negated(ctx, std::slice::from_ref(&rest));
        added.push(Draft {
            content: vec![rest.clone()],
            kind: ClaimKind::Direct,
            stance: stance::combine(false, negated),
            hedged: stance::hedged(ctx, &rest, d.cue.start),
            colon_open: false,
            denial_cue: false,
            confidence: d.confidence * 0.9,
            ..d.clone()
        });
    }
    drafts.extend(added);
    sort_drafts(drafts);
}

/// Longest speaker part of a "NAME on TOPIC:" label, in tokens.
const TOPIC_LABEL_SPEAKER: usize = 6;

/// Longest topic part of a "NAME on TOPIC:" label, in tokens.
const TOPIC_LABEL_TOPIC: usize = 24;

/// A quotation after a "NAME on TOPIC:" label, as live blogs and headlines
/// write them ("Colonel Dembele on the statements of the rebels: "This
/// individual says what serves his masters."", "Minister Karlsson on the
/// strike: "..."): the named person's words, though no reporting verb
/// stands there. The label holds no verb; the name ends right before "on"
/// or "about".
fn topic_colon_quotes(ctx: &Ctx, drafts: &mut Vec<Draft>) {
    let covered = |drafts: &[Draft], r: &Range<usize>| drafts.iter().any(|d| d.content.iter().any(|c| overlaps(c, r)));
    let mut added = Vec::new();
    for q in &ctx.quotes {
        let inner = q.inner();
        if inner.len() < 3 || q.open == 0 || ctx.word(q.open - 1) != ":" || covered(drafts, &inner) {
            continue;
        }
        let colon = q.open - 1;
        let Some(si) = ctx.doc.analysis.sentence_of(colon) else { continue };
        let sent = ctx.doc.analysis.sentences[si].tokens.clone();
        // A live blog's time stamp or a dash may lead the line.
        let Some(from) = (sent.start..colon).find(|&k| ctx.word(k).chars().next().is_some_and(char::is_alphabetic))
        else {
            continue;
        };
        let Some(on) = (from + 1..colon).find(|&k| matches!(ctx.lower(k).as_str(), "on" | "about")) else { continue };
        if on - from > TOPIC_LABEL_SPEAKER || colon - on > TOPIC_LABEL_TOPIC + 1 || colon <= on + 1 {
            continue;
        }
        let speaker_caps = (from..on).all(|k| {
            let w = ctx.word(k);
            w == "." || w == "-" || w.chars().next().is_some_and(char::is_uppercase)
        });
        let verbless = (from..colon).all(|k| !(ctx.tagged && ctx.is_finite_verb(k)));
        let span = ctx.span(from, on);
        let named = ctx
            .mentions_in(span)
            .any(|m| ctx.mention_kind(m) == EntityKind::Person && ctx.doc.mentions[m].span.end == span.end);
        if !(speaker_caps && verbless && named) {
            continue;
        }
        let negated = stance::content_negated(ctx, std::slice::from_ref(&inner));
        added.push(Draft {
            cue: colon..colon + 1,
            speaker: Some(from..on),
            shares_speaker: false,
            content: vec![inner.clone()],
            kind: ClaimKind::Direct,
            stance: stance::combine(false, negated),
            hedged: stance::hedged(ctx, &inner, colon),
            confidence: 0.7,
            colon_open: false,
            denial_cue: false,
        });
    }
    drafts.extend(added);
    sort_drafts(drafts);
}

/// Longest speaker label or attribution line of a listed quotation, in tokens.
const LISTED_SPEAKER: usize = 10;

/// Quotations listed one to a paragraph, as fact checks and pull quotes
/// print them, with no reporting verb: `1. Minister X Y: "..."` (a numbered
/// item, a label ending in a person's name, a colon) and `Claim 2: "..." –
/// X Y, spokesperson of the Ministry.` or `Claim: "..." (Councillor X Y, in
/// a video ...)` (the speaker after the quotation, behind a loose dash or in
/// brackets). The quotation opens its paragraph, after item marks and the
/// label, and ends its sentence; it is the named speaker's own words.
fn listed_quotations(ctx: &Ctx, drafts: &mut Vec<Draft>) {
    let mut added = Vec::new();
    let mut dropped_cues = Vec::new();
    for q in &ctx.quotes {
        let inner = q.inner();
        if !q.closed || inner.len() < 3 {
            continue;
        }
        let para = ctx.paragraph(q.open);
        // Item marks and time stamps: "1.", "2)", "•", "20:30 –".
        let mut from = para.start;
        while from < q.open
            && (ctx.is_punct(from) || ctx.word(from).chars().all(|c| c.is_ascii_digit() || c == ':' || c == '.'))
        {
            from += 1;
        }
        // The quotation ends its sentence: nothing but punctuation after it
        // before the paragraph's end, a loose dash, a bracket or a new
        // sentence.
        let after =
            (q.close + 1..para.end).find(|&k| !matches!(ctx.word(k), "." | "," | "!" | "?")).unwrap_or(para.end);
        let ends_sentence = after == para.end
            || ctx.doc.analysis.sentence_of(after) != ctx.doc.analysis.sentence_of(q.close)
            || speaker::is_loose_dash(ctx, after)
            || ctx.word(after) == "(";
        if !ends_sentence {
            continue;
        }
        let verbless = |r: &Range<usize>| r.clone().all(|k| !(ctx.tagged && ctx.is_finite_verb(k)));
        let (speaker, cue) = if from == q.open {
            (None, None)
        } else if q.open >= from + 2 && ctx.word(q.open - 1) == ":" {
            let label = from..q.open - 1;
            let span = ctx.span(label.start, label.end);
            let named = ctx
                .mentions_in(span)
                .any(|m| ctx.mention_kind(m) == EntityKind::Person && ctx.doc.mentions[m].span.end == span.end);
            if label.len() > LISTED_SPEAKER || !verbless(&label) || label.clone().any(|k| ctx.quote_of[k].is_some()) {
                continue;
            }
            // Before the name only capitalised words, person nouns, titles,
            // connectors and possessives ("Applicants' representative X",
            // "Director of X"): a thing named ("The ship Mare Aperto:")
            // speaks no words, and a bar is page furniture ("INTERVIEW |
            // X:").
            let person_label = label.clone().all(|k| {
                let w = ctx.word(k);
                w.chars().next().is_some_and(char::is_uppercase)
                    || matches!(w, "." | "-" | "'" | "’" | "'s" | "’s" | "of" | "for" | "the")
                    || crate::entities::gazetteer::is_person_noun(w)
                    || crate::entities::names::is_title_word(w)
            });
            if named && person_label {
                (Some(label), Some(q.open - 1..q.open))
            } else if label.clone().all(|k| {
                // A label that names no one ("Claim 2:", "Statement:"):
                // one capitalised word and a number at most.
                let w = ctx.word(k);
                k == label.start && w.chars().next().is_some_and(char::is_uppercase)
                    || w.chars().all(|c| c.is_ascii_digit())
            }) && label.len() <= 2
            {
                (None, None)
            } else {
                continue;
            }
        } else {
            continue;
        };
        let (speaker, cue) = match (speaker, cue) {
            (Some(s), Some(c)) => (s, c),
            _ => {
                // The speaker after the quotation: "– X Y, role." or "(X Y, ...)".
                if after >= para.end || !(speaker::is_loose_dash(ctx, after) || ctx.word(after) == "(") {
                    continue;
                }
                let start = after + 1;
                let end = (start..para.end)
                    .find(|&k| matches!(ctx.word(k), "," | "." | ")" | ";" | "!" | "?"))
                    .unwrap_or(para.end);
                let np = start..end;
                let span = ctx.span(np.start, np.end);
                let capital = ctx.word(start).chars().next().is_some_and(char::is_uppercase);
                // A name the recogniser missed is still a name when the
                // line is two to four capitalised words ("– Laxmi Prasad
                // Adhikari.").
                let name_shape = (2..=4).contains(&np.len())
                    && np.clone().all(|k| ctx.word(k).chars().next().is_some_and(char::is_uppercase));
                let named_or_role = name_shape
                    || ctx.mentions_in(span).next().is_some()
                    || np.clone().any(|k| crate::entities::gazetteer::role_class(ctx.word(k)).is_some());
                if np.is_empty()
                    || np.len() > LISTED_SPEAKER
                    || !capital
                    || !named_or_role
                    || !verbless(&np)
                    || !np.clone().all(|k| ctx.is_np_word(k) || ctx.word(k) == ".")
                    || !speaker::can_speak(ctx, &np)
                {
                    continue;
                }
                (np, after..after + 1)
            }
        };
        // A cue read inside the label ("Claim" taken for a verb) gives way.
        dropped_cues.push(para.start..q.open);
        let inner = rules::trim(ctx, inner);
        let negated = stance::content_negated(ctx, std::slice::from_ref(&inner));
        added.push(Draft {
            cue: cue.clone(),
            speaker: Some(speaker),
            shares_speaker: false,
            content: vec![inner.clone()],
            kind: ClaimKind::Direct,
            stance: stance::combine(false, negated),
            hedged: stance::hedged(ctx, &inner, cue.start),
            confidence: 0.7,
            colon_open: false,
            denial_cue: false,
        });
    }
    if added.is_empty() {
        return;
    }
    // The listed quotation replaces a draft of the same words whose cue
    // stands in the label or after the quotation, and is dropped when
    // another cue claims the quotation.
    drafts.retain(|d| {
        let same = |a: &Draft| a.content.iter().any(|c| d.content.iter().any(|e| overlaps(c, e)));
        !added.iter().zip(&dropped_cues).any(|(a, r)| same(a) && r.contains(&d.cue.start))
    });
    added.retain(|a| !drafts.iter().any(|d| d.content.iter().any(|e| a.content.iter().any(|c| overlaps(c, e)))));
    drafts.extend(added);
    sort_drafts(drafts);
}

/// Longest stretch between a passive reporting verb and its "by", in tokens
/// ("was reported to Caspian Wire by").
const REPORTED_BY_GAP: usize = 6;

/// "X happened. This is reported by the Ministry of Defence.": a short
/// passive sentence whose subject is "This" or "It" and whose agent is named
/// after "by" attributes the sentence before it in the same paragraph, as
/// wire copy writes it. The earlier sentence must hold no cue of its own.
fn reported_by_afterwards(ctx: &Ctx, drafts: &mut Vec<Draft>) {
    let sentences = &ctx.doc.analysis.sentences;
    let mut added = Vec::new();
    for si in 1..sentences.len() {
        let sent = sentences[si].tokens.clone();
        let prev = sentences[si - 1].tokens.clone();
        let s = sent.start;
        if sent.len() < 5
            || !matches!(ctx.lower(s).as_str(), "this" | "it")
            || ctx.paragraph(s).start > prev.start
            || prev.len() < 5
        {
            continue;
        }
        // "is/was reported", "has been reported".
        let mut v = s + 1;
        if matches!(ctx.lower(v).as_str(), "has" | "had") && ctx.lower(v + 1) == "been" {
            v += 2;
        } else if matches!(ctx.lower(v).as_str(), "is" | "was") {
            v += 1;
        } else {
            continue;
        }
        if v >= sent.end
            || !matches!(
                ctx.lower(v).as_str(),
                "reported" | "stated" | "announced" | "said" | "informed" | "confirmed" | "communicated" | "declared"
            )
        {
            continue;
        }
        let Some(by) = (v + 1..(v + 1 + REPORTED_BY_GAP).min(sent.end)).find(|&k| ctx.lower(k) == "by") else {
            continue;
        };
        if (v + 1..by).any(|k| ctx.tagged && ctx.is_finite_verb(k)) {
            continue;
        }
        let Some(np) = speaker::np_right(ctx, by + 1, &sent) else { continue };
        let rest = (np.end..sent.end).all(|k| ctx.is_punct(k));
        if !rest || !speaker::can_speak(ctx, &np) {
            continue;
        }
        // The earlier sentence is the content, unless a cue claims it, a
        // claim already holds it as content (a colon or a quotation running
        // on), or the report's own verb is a claim's cue already.
        let held = |d: &Draft| d.content.iter().any(|c| overlaps(c, &prev));
        if drafts.iter().any(|d| prev.contains(&d.cue.start) || held(d) || d.cue.contains(&v)) {
            continue;
        }
        let content = rules::trim(ctx, prev.clone());
        if content.len() < 4 {
            continue;
        }
        let negated = stance::content_negated(ctx, std::slice::from_ref(&content));
        added.push(Draft {
            cue: v..v + 1,
            speaker: Some(np),
            shares_speaker: false,
            content: vec![content.clone()],
            kind: ClaimKind::Indirect,
            stance: stance::combine(false, negated),
            hedged: stance::hedged(ctx, &content, v),
            confidence: 0.7,
            colon_open: false,
            denial_cue: false,
        });
    }
    if added.is_empty() {
        return;
    }
    drafts.extend(added);
    sort_drafts(drafts);
}

/// Unquoted content after a colon continues over the following sentences
/// of its paragraph until one of them starts a new attribution: an
/// "according to", or a cue whose speaker is named, described or "he/she"
/// (a cue under "it"/"we"/"they" inside the speech is part of it, and its
/// own claim is dropped as nested).
fn extend_colon_content(ctx: &Ctx, drafts: &mut Vec<Draft>) {
    let starts_new: Vec<bool> = drafts.iter().map(|d| new_attribution(ctx, d)).collect();
    let cue_starts: Vec<usize> = drafts.iter().map(|d| d.cue.start).collect();
    let mut swallowed = vec![false; drafts.len()];
    for di in 0..drafts.len() {
        if !drafts[di].colon_open {
            continue;
        }
        let Some(last) = drafts[di].content.last().cloned() else { continue };
        let para = ctx.paragraph(last.start);
        let Some(si) = ctx.doc.analysis.sentence_of(last.start) else { continue };
        let mut end = last.end;
        for s in &ctx.doc.analysis.sentences[si + 1..] {
            if s.tokens.start >= para.end {
                break;
            }
            let inner: Vec<usize> = (0..drafts.len()).filter(|&k| s.tokens.contains(&cue_starts[k])).collect();
            if inner.iter().any(|&k| starts_new[k]) {
                break;
            }
            for k in inner {
                swallowed[k] = true;
            }
            end = rules::trim(ctx, s.tokens.clone()).end.max(end);
        }
        if let Some(l) = drafts[di].content.last_mut() {
            l.end = end;
        }
    }
    let mut k = 0;
    drafts.retain(|_| {
        k += 1;
        !swallowed[k - 1]
    });
}

/// A content of several sentences or clauses is one claim, whose stance its
/// first clause gives; a later sentence or clause ([`stance::clause_pieces`])
/// of the opposite polarity ("The messages I deleted were private. I did not
/// hide anything."; "No arrest was made so far, but three agents have been
/// called") is a proposition the speaker states the other way, so it becomes
/// a claim of its own as well, with its own stance, for the ledger to align.
/// Whatever the draft's kind: reported speech and a statement's paragraph
/// carry their sentences' polarity just as a quotation does. Under a cue
/// that denies ("denied that A; B"), the later clauses of the denied
/// sentence may be denied with it, so only later sentences (the speaker's
/// own words) are split off there.
fn opposite_sentences(ctx: &Ctx, drafts: &mut Vec<Draft>) {
    let mut added = Vec::new();
    for d in drafts.iter() {
        let [c] = d.content.as_slice() else { continue };
        for (si, sentence) in stance::sentence_pieces(ctx, c).into_iter().enumerate() {
            let clauses = if d.denial_cue && si == 0 { vec![sentence] } else { stance::clause_pieces(ctx, &sentence) };
            // Clauses next to each other with the same polarity stay one
            // claim ("The vote was secret, and it remains secret"); the
            // first sentence's first run is the draft itself.
            let mut runs: Vec<(Range<usize>, Stance)> = Vec::new();
            for (ci, p) in clauses.into_iter().enumerate() {
                let p = rules::trim(ctx, p);
                if p.is_empty() {
                    continue;
                }
                let stance =
                    if si == 0 && ci == 0 { d.stance } else { stance::own_stance(ctx, std::slice::from_ref(&p)) };
                match runs.last_mut() {
                    Some((r, s)) if *s == stance => r.end = p.end,
                    _ => runs.push((p, stance)),
                }
            }
            for (ri, (p, stance)) in runs.into_iter().enumerate() {
                if si == 0 && ri == 0 || stance == d.stance || p.len() < turns::MIN_SENTENCE {
                    continue;
                }
                added.push(Draft {
                    stance,
                    hedged: stance::hedged(ctx, &p, d.cue.start),
                    kind: rules::kind_of(ctx, std::slice::from_ref(&p)),
                    content: vec![p],
                    confidence: d.confidence * 0.9,
                    ..d.clone()
                });
            }
        }
    }
    drafts.extend(added);
}

/// The most numbered items a statement announced with "the following:" is
/// read over.
const MAX_LIST_ITEMS: usize = 12;

/// A statement that announces a list ("The police command informs the
/// public the following:", "the ministry stated as follows:") attributes
/// each numbered paragraph that follows it to its speaker: communiqués set
/// out their points that way. Each item is a claim of its own, with its
/// own stance; the announcement itself ("the public the following") is
/// none.
fn announced_list(ctx: &Ctx, drafts: &mut Vec<Draft>) {
    let mut added = Vec::new();
    let mut announcement = vec![false; drafts.len()];
    for (di, d) in drafts.iter().enumerate() {
        let Some(last) = d.content.last() else { continue };
        if last.len() < 2 {
            continue;
        }
        let (before_last, end) = (ctx.lower(last.end - 2), ctx.lower(last.end - 1));
        let announces = before_last == "the" && end == "following" || before_last == "as" && end == "follows";
        // The colon ends the content or stands right after it, and ends
        // its paragraph.
        let colon = (last.end - 1..(last.end + 2).min(ctx.tokens.len())).find(|&k| ctx.word(k) == ":");
        let Some(colon) = colon.filter(|&c| announces && ctx.paragraph(c).end == c + 1) else { continue };
        let mut at = colon + 1;
        let mut items = 0;
        while at < ctx.tokens.len() && items < MAX_LIST_ITEMS {
            let para = ctx.paragraph(at);
            let marker = list_marker_len(ctx, para.start);
            if marker == 0 || para.start + marker >= para.end {
                break;
            }
            let content = rules::trim(ctx, para.start + marker..para.end);
            let negated = stance::content_negated(ctx, std::slice::from_ref(&content));
            added.push(Draft {
                cue: d.cue.clone(),
                speaker: d.speaker.clone(),
                shares_speaker: d.shares_speaker,
                kind: ClaimKind::Indirect,
                stance: stance::combine(false, negated),
                hedged: stance::hedged(ctx, &content, d.cue.start),
                confidence: 0.7,
                colon_open: false,
                content: vec![content],
                denial_cue: false,
            });
            items += 1;
            at = para.end;
        }
        announcement[di] = items > 0;
    }
    let mut k = 0;
    drafts.retain(|_| {
        k += 1;
        !announcement[k - 1]
    });
    drafts.extend(added);
    sort_drafts(drafts);
}

/// The length in tokens of a list marker opening a paragraph ("1.", "2)",
/// "-", "•"), or 0.
fn list_marker_len(ctx: &Ctx, i: usize) -> usize {
    let w = ctx.word(i);
    if matches!(w, "-" | "•" | "*" | "–" | "—") {
        return 1;
    }
    let numbered = w.len() <= 3
        && (w.chars().all(|c| c.is_ascii_digit()) || w.len() == 1 && w.chars().all(|c| c.is_ascii_lowercase()));
    if numbered && matches!(ctx.word(i + 1), "." | ")") {
        return 2;
    }
    // "1." may be one token.
    if w.len() <= 4 && w.ends_with(['.', ')']) && w[..w.len() - 1].chars().all(|c| c.is_ascii_digit()) && w.len() > 1 {
        return 1;
    }
    0
}

/// True when a draft opens a new attribution (see [`extend_colon_content`]).
fn new_attribution(ctx: &Ctx, d: &Draft) -> bool {
    if d.kind == ClaimKind::AccordingTo {
        return true;
    }
    let Some(sp) = &d.speaker else { return false };
    if sp.len() == 1 {
        if let Some(kind) = crate::entities::gazetteer::pronoun_kind(ctx.word(sp.start)) {
            use crate::entities::gazetteer::PronounKind;
            return matches!(kind, PronounKind::Masculine | PronounKind::Feminine);
        }
    }
    true
}

/// "According to X" inside another claim's content ("according to the
/// contract, Russia bought ..., Budanov continued"), or wrapping another
/// claim ("According to informants, this came when X said: ..."), is not a
/// separate claim. A claim in a relative clause on the content ("According
/// to the police, most of them left by the rivers, which may indicate that
/// ...") is the writer's comment on it: the "according to" content ends
/// before it instead.
fn drop_nested_according(ctx: &Ctx, drafts: &mut Vec<Draft>) {
    let spans: Vec<(Range<usize>, Range<usize>)> = drafts
        .iter()
        .map(|d| {
            (
                d.cue.clone(),
                d.content.first().map(|c| c.start).unwrap_or(0)..d.content.last().map(|c| c.end).unwrap_or(0),
            )
        })
        .collect();
    let mut keep = vec![true; drafts.len()];
    let mut cut: Vec<Option<usize>> = vec![None; drafts.len()];
    for (i, d) in drafts.iter().enumerate() {
        if d.kind != ClaimKind::AccordingTo {
            continue;
        }
        let (cue, content) = &spans[i];
        for (j, (other_cue, other_content)) in spans.iter().enumerate() {
            if i == j {
                continue;
            }
            let inside_other = other_content.contains(&cue.start);
            let wraps_other = content.contains(&other_cue.start);
            // The comma of ", which [may] indicate" inside the content.
            let relative_comma = (other_cue.start.saturating_sub(3)..other_cue.start).find(|&k| {
                k > content.start + 1
                    && matches!(ctx.lower(k).as_str(), "which" | "who")
                    && ctx.word(k - 1) == ","
                    && ctx.quote_of[k].is_none()
            });
            if wraps_other && !inside_other {
                if let Some(k) = relative_comma {
                    cut[i] = Some(cut[i].map_or(k - 1, |c| c.min(k - 1)));
                    continue;
                }
            }
            if inside_other || wraps_other {
                keep[i] = false;
            }
        }
    }
    for (d, c) in drafts.iter_mut().zip(&cut) {
        if let (Some(c), Some(last)) = (c, d.content.last_mut()) {
            if last.start < *c {
                last.end = last.end.min(*c);
            }
        }
    }
    let mut k = 0;
    drafts.retain(|_| {
        k += 1;
        keep[k - 1]
    });
}

/// Two cues of one sentence may report the same content ("rebuffed the
/// accusation ..., calling it "pure fantasy""): the content is one claim, so
/// only the first cue's draft stays.
fn drop_repeated_content(drafts: &mut Vec<Draft>) {
    let mut seen: Vec<Vec<Range<usize>>> = Vec::new();
    drafts.retain(|d| {
        if seen.contains(&d.content) {
            return false;
        }
        seen.push(d.content.clone());
        true
    });
}

/// Resolves every draft's speaker in text order, so that pronouns find the
/// most recent speaker (named or not).
fn resolve_speakers(ctx: &Ctx, drafts: Vec<Draft>) -> (Vec<Resolved>, Vec<NewSpeaker>) {
    let mut out: Vec<Resolved> = Vec::new();
    let mut new: Vec<NewSpeaker> = Vec::new();
    let base = ctx.doc.entities.len();
    // (entity, token position, kind) of each resolved speaker so far.
    let mut recent: Vec<(usize, usize, EntityKind)> = Vec::new();
    for d in drafts {
        let mut entity = None;
        if d.shares_speaker {
            // The previous claim of the same sentence.
            let sent = ctx.doc.analysis.sentence_of(d.cue.start);
            if let Some(prev) = out.iter().rev().find(|r| ctx.doc.analysis.sentence_of(r.draft.cue.start) == sent) {
                entity = prev.entity;
                let mut d = d;
                d.speaker = prev.draft.speaker.clone();
                if let Some(e) = entity {
                    let kind = kind_of(ctx, &new, base, e);
                    recent.push((e, d.cue.start, kind));
                }
                out.push(Resolved { draft: d, entity });
                continue;
            }
        }
        // "A nurse at the hospital, who spoke on condition of anonymity,
        // described similar shortages. "We ran out ...," she said": he or
        // she opening the next sentence's attribution is the person just
        // described, not a named speaker further back.
        let described_before = d.speaker.as_ref().and_then(|np| described_person_before(ctx, np, &recent));
        if let Some(desc) = described_before {
            let name = ctx.doc.span_text(ctx.span(desc.start, desc.end)).trim().to_string();
            let head = ctx.lower(speaker::np_head(ctx, &desc)).to_string();
            let idx = base + new_speaker(&mut new, NewSpeaker { name, kind: EntityKind::Person, plural: false, head });
            recent.push((idx, d.cue.start, EntityKind::Person));
            out.push(Resolved { draft: d, entity: Some(idx) });
            continue;
        }
        if let Some(np) = &d.speaker {
            match resolve(ctx, np, &recent) {
                Resolution::Entity(e) => entity = Some(e),
                Resolution::None => {
                    let described = organisation_phrase(ctx, np)
                        .map(|name| (name, EntityKind::Organization))
                        .or_else(|| anonymous_description(ctx, np));
                    if let Some((name, kind)) = described {
                        let head_at = speaker::np_head(ctx, np);
                        let plural = ctx.tagged && matches!(ctx.tokens[head_at].xpos.as_str(), "NNS" | "NNPS");
                        let head = ctx.lower(head_at).to_string();
                        // "An official of the ministry, who ..., told our
                        // newspaper ... The official said": a short definite
                        // description takes up the speaker described before
                        // with the same head noun.
                        let earlier = short_definite(ctx, np)
                            .then(|| new.iter().rposition(|n| n.head == head && n.kind == kind && n.plural == plural))
                            .flatten();
                        let idx = base
                            + match earlier {
                                Some(k) => k,
                                None => new_speaker(&mut new, NewSpeaker { name, kind, plural, head }),
                            };
                        entity = Some(idx);
                    }
                }
            }
        }
        if let Some(e) = entity {
            let mut kind = kind_of(ctx, &new, base, e);
            // A name of no known kind that a person's noun described ("the
            // prefect" of "the prefect Jean-Baptiste Moreau-Lacaze") is a
            // person to the pronouns that follow.
            // One person: a singular noun ("the workers" stay a group).
            let described_person = d.speaker.as_ref().is_some_and(|np| {
                let head = speaker::np_head(ctx, np);
                np.len() > 1
                    && describes_one_person(ctx.word(head))
                    && !(ctx.tagged && matches!(ctx.tokens[head].xpos.as_str(), "NNS" | "NNPS"))
            });
            // So is an organisation reached through its spokesman ("A
            // spokesman for the company said ... . He said"): the pronoun
            // continues the spokesman, whose words are the organisation's.
            if matches!(kind, EntityKind::Other | EntityKind::Organization) && described_person {
                kind = EntityKind::Person;
            }
            recent.push((e, d.cue.start, kind));
        }
        out.push(Resolved { draft: d, entity });
    }
    headline_role_holders(ctx, &mut out, &mut new, base);
    (out, new)
}

/// "Central bank holds rate, governor says", "Breach larger than
/// disclosed, researcher says": a singular role noun with no article is
/// headline English for the story's person of that role, named only
/// further down. Such a speaker, left a description of its own, is the one
/// person of the document that the story's other speakers of that noun
/// ("The governor said", "A security researcher ... Dr. X") resolved to,
/// or that holds a role of that class ("Governor X"), when there is exactly
/// one. New speakers no claim keeps any more are dropped.
fn headline_role_holders(ctx: &Ctx, out: &mut [Resolved], new: &mut Vec<NewSpeaker>, base: usize) {
    let person = |e: usize| ctx.doc.entities.get(e).is_some_and(|x| x.kind == EntityKind::Person);
    let mut changed = false;
    for i in 0..out.len() {
        let (Some(e), Some(np)) = (out[i].entity, out[i].draft.speaker.clone()) else { continue };
        if e < base || np.len() != 1 {
            continue;
        }
        let word = ctx.word(np.start);
        let noun = ctx.lower(np.start).to_string();
        let singular = !(ctx.tagged && matches!(ctx.tokens[np.start].xpos.as_str(), "NNS" | "NNPS"));
        let Some(class) = crate::entities::gazetteer::role_class(word) else { continue };
        if !word.chars().next().is_some_and(char::is_lowercase) || !singular {
            continue;
        }
        let mut holders: Vec<usize> = out
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != i)
            .filter_map(|(_, r)| {
                let other = r.draft.speaker.as_ref()?;
                let e2 = r.entity.filter(|&e2| e2 < base && person(e2))?;
                (ctx.lower(speaker::np_head(ctx, other)) == noun).then_some(e2)
            })
            .collect();
        holders.extend(
            ctx.entity_roles
                .iter()
                .enumerate()
                .filter(|&(e2, keys)| person(e2) && keys.iter().any(|k| k.class == class && !k.plural))
                .map(|(e2, _)| e2),
        );
        holders.sort_unstable();
        holders.dedup();
        if let [h] = holders.as_slice() {
            out[i].entity = Some(*h);
            changed = true;
        }
    }
    if !changed {
        return;
    }
    let used: Vec<bool> = (0..new.len()).map(|k| out.iter().any(|r| r.entity == Some(base + k))).collect();
    let mut remap = vec![None; new.len()];
    let mut next = 0;
    for (k, &u) in used.iter().enumerate() {
        if u {
            remap[k] = Some(next);
            next += 1;
        }
    }
    let mut k = 0;
    new.retain(|_| {
        k += 1;
        used[k - 1]
    });
    for r in out.iter_mut() {
        if let Some(e) = r.entity.filter(|&e| e >= base) {
            r.entity = remap[e - base].map(|n| base + n);
        }
    }
}

/// True for a short definite description ("the official", "The press
/// service", "the senior engineer"): "the" and at most three more words,
/// none of them a preposition, a name or a quotation.
fn short_definite(ctx: &Ctx, np: &Range<usize>) -> bool {
    ctx.tagged
        && np.len() >= 2
        && np.len() <= 4
        && ctx.lower(np.start) == "the"
        && (np.start + 1..np.end)
            .all(|k| matches!(ctx.tokens[k].upos, Upos::NOUN | Upos::ADJ) && ctx.quote_of[k].is_none())
}

/// The index among `new` of the speaker named `speaker.name` (any case),
/// added when absent: one description is one speaker within a document.
fn new_speaker(new: &mut Vec<NewSpeaker>, speaker: NewSpeaker) -> usize {
    match new.iter().position(|n| n.name.eq_ignore_ascii_case(&speaker.name)) {
        Some(k) => k,
        None => {
            new.push(speaker);
            new.len() - 1
        }
    }
}

/// The kind a resolved speaker has for the pronouns that may continue it:
/// its entity's kind, except that a plural description of people counts
/// as a group ("they", never "he").
fn kind_of(ctx: &Ctx, new: &[NewSpeaker], base: usize, e: usize) -> EntityKind {
    if e < base {
        ctx.doc.entities[e].kind
    } else {
        new.get(e - base).map(|n| if n.plural { EntityKind::Other } else { n.kind }).unwrap_or(EntityKind::Other)
    }
}

/// For a "he"/"she" speaker: the indefinite description of a person that
/// is the subject of the previous sentence of the same paragraph ("A nurse
/// at the hospital, who ..., described similar shortages."), when that
/// sentence names no person and quotes no speaker.
fn described_person_before(
    ctx: &Ctx,
    np: &Range<usize>,
    recent: &[(usize, usize, EntityKind)],
) -> Option<Range<usize>> {
    use crate::entities::gazetteer::{pronoun_kind, PronounKind};
    if np.len() != 1
        || !matches!(pronoun_kind(ctx.word(np.start)), Some(PronounKind::Masculine | PronounKind::Feminine))
    {
        return None;
    }
    let si = ctx.doc.analysis.sentence_of(np.start)?;
    // The sentence before the quotation the pronoun closes: sentences
    // wholly inside it ("\"We worked with paper and pen. At least 60 were
    // cancelled,\" she said") are the person's words, not the text's.
    let quoted = |k: usize| {
        let r = &ctx.doc.analysis.sentences[k].tokens;
        r.clone().all(|i| ctx.is_punct(i) || ctx.quote_of.get(i).is_some_and(Option::is_some))
    };
    let mut p = si.checked_sub(1)?;
    while quoted(p) && p > 0 && ctx.paragraph(ctx.doc.analysis.sentences[p - 1].tokens.start) == ctx.paragraph(np.start)
    {
        p -= 1;
    }
    let prev = ctx.doc.analysis.sentences.get(p)?.tokens.clone();
    if ctx.paragraph(prev.start) != ctx.paragraph(np.start) || recent.iter().any(|&(_, pos, _)| prev.contains(&pos)) {
        return None;
    }
    let (from, to) = (ctx.tokens[prev.start].start, ctx.tokens[prev.end - 1].end);
    let named = speaker::people_named_in(ctx, from, to).next().is_some();
    if named || !ctx.tagged {
        return None;
    }
    // The main verb's subject opens the sentence: the verbs of a relative
    // clause ("who spoke on condition of anonymity because staff have been
    // told ...") have subjects of their own further in.
    let opening = (prev.start..prev.end).find(|&k| !ctx.is_punct(k))?;
    let subject = prev
        .clone()
        .filter(|&k| ctx.is_finite_verb(k) && ctx.quote_of[k].is_none())
        .take(6)
        .find_map(|k| speaker::subject_left(ctx, k, &prev).filter(|s| s.start == opening))
        .or_else(|| speaker::parsed_main_subject(ctx, &prev).filter(|s| s.start == opening))?;
    if !matches!(ctx.lower(subject.start).as_str(), "a" | "an" | "one" | "another") {
        return None;
    }
    let head = speaker::np_head(ctx, &subject);
    let human = describes_one_person(ctx.word(head));
    human.then_some(subject)
}

/// True for the head noun of a description of one unnamed person: a
/// person's noun ("a nurse", "a spokesman"), or a noun of belonging that
/// news uses for anonymous sources ("a member of the rescue team",
/// "another family member", "a shipping agent").
fn describes_one_person(word: &str) -> bool {
    crate::entities::gazetteer::is_person_noun(word) || matches!(word.to_lowercase().as_str(), "member" | "agent")
}

/// Speaker words that describe an unnamed source ("a senior official", "an
/// informed source in the delegation", "witnesses") become an entity of
/// their own, named by the description; the registry never joins such
/// descriptions across documents.
fn anonymous_description(ctx: &Ctx, np: &Range<usize>) -> Option<(String, EntityKind)> {
    if np.len() == 1 && crate::entities::gazetteer::pronoun_kind(ctx.word(np.start)).is_some() {
        return None;
    }
    let head = speaker::np_head(ctx, np);
    let head_word = ctx.word(head);
    let human = crate::entities::gazetteer::role_class(head_word).is_some();
    if !(human || ctx.tagged && ctx.tokens[head].upos == claimgraph_nlp::Upos::NOUN) {
        return None;
    }
    let text = ctx.doc.span_text(ctx.span(np.start, np.end)).trim().to_string();
    (!text.is_empty()).then_some((text, if human { EntityKind::Person } else { EntityKind::Other }))
}

/// Writes the resolved drafts into the document as claims, adding the new
/// speaker entities, and pronoun, role and description mentions to the
/// entities speakers resolved to.
fn apply(doc: &mut Document, resolved: Vec<Resolved>, new: Vec<NewSpeaker>) {
    for n in new {
        doc.entities.push(DocEntity {
            name: n.name.clone(),
            kind: n.kind,
            aliases: vec![n.name],
            roles: Vec::new(),
            mentions: Vec::new(),
            global_id: None,
        });
    }
    let tokens = &doc.analysis.tokens;
    let span_of = |r: &Range<usize>| crate::document::Span::new(tokens[r.start].start, tokens[r.end - 1].end);
    let mut claims = Vec::with_capacity(resolved.len());
    let mut new_mentions: Vec<Mention> = Vec::new();
    for r in resolved {
        let d = r.draft;
        let speaker_span = d.speaker.as_ref().filter(|s| !s.is_empty()).map(&span_of);
        let entity = r.entity;
        if let (Some(e), Some(sp)) = (entity, speaker_span) {
            // Record the speaker words as a mention of the entity unless a
            // mention of it already lies inside them.
            let covered = doc.entities[e].mentions.iter().any(|&m| sp.contains(doc.mentions[m].span));
            if !covered && !new_mentions.iter().any(|m| m.span == sp) {
                let words = sp.text(&doc.text);
                let form = if crate::entities::gazetteer::pronoun_kind(words).is_some() {
                    MentionForm::Pronoun
                } else if doc.entities[e].aliases.iter().any(|a| a == words) {
                    MentionForm::Name
                } else {
                    MentionForm::Role
                };
                new_mentions.push(Mention { span: sp, kind: doc.entities[e].kind, form, entity: Some(e) });
            }
        }
        let content_parts: Vec<crate::document::Span> = d.content.iter().map(&span_of).collect();
        let content = crate::document::Span::new(content_parts[0].start, content_parts[content_parts.len() - 1].end);
        claims.push(Claim {
            speaker: Speaker { span: speaker_span, entity },
            cue: span_of(&d.cue),
            content,
            content_parts: if content_parts.len() > 1 { content_parts } else { Vec::new() },
            stance: d.stance,
            kind: d.kind,
            hedged: d.hedged,
            confidence: d.confidence,
            proposition: None,
        });
    }
    // Merge the new mentions in text order and re-index entity mentions.
    doc.mentions.extend(new_mentions);
    let mut order: Vec<usize> = (0..doc.mentions.len()).collect();
    order.sort_by_key(|&m| doc.mentions[m].span);
    let mentions: Vec<Mention> = order.iter().map(|&m| doc.mentions[m].clone()).collect();
    doc.mentions = mentions;
    for e in doc.entities.iter_mut() {
        e.mentions.clear();
    }
    for (i, m) in doc.mentions.iter().enumerate() {
        if let Some(e) = m.entity {
            if let Some(ent) = doc.entities.get_mut(e) {
                ent.mentions.push(i);
            }
        }
    }
    claims.sort_by_key(|c| c.cue.start);
    doc.claims = claims;
}
