//! From the model's attributions to the claim stage's drafts, and the
//! merge with the rules' drafts.
//!
//! Stance, hedging and the claim kind of a learned attribution come from
//! the same logic the rules use ([`crate::attribution::stance`]): PolNeAR
//! has no stance labels, so the model only says where the cue, the source
//! and the content are.

use std::ops::Range;

use super::gold::TokenAttribution;
use crate::attribution::context::Ctx;
use crate::attribution::lexicon::{cue_verb, CueClass};
use crate::attribution::rules::Draft;
use crate::attribution::stance;
use crate::document::ClaimKind;

/// The confidence given to a learned claim (the rules give 0.6-0.9).
pub const LEARNED_CONFIDENCE: f32 = 0.7;

/// Turns the model's attributions into drafts. An attribution whose cue is
/// a negated assertion ("did not say") makes no claim and is dropped, as in
/// the rules.
pub fn to_drafts(ctx: &Ctx, atts: &[TokenAttribution]) -> Vec<Draft> {
    atts.iter().filter_map(|a| to_draft(ctx, a)).collect()
}

fn to_draft(ctx: &Ctx, a: &TokenAttribution) -> Option<Draft> {
    let first = a.contents.first()?.clone();
    let cue = a.cue.clone();
    let sent_start =
        ctx.doc.analysis.sentence_of(cue.start).map(|s| ctx.doc.analysis.sentences[s].tokens.start).unwrap_or(0);
    let sent_end =
        ctx.doc.analysis.sentence_of(cue.start).map(|s| ctx.doc.analysis.sentences[s].tokens.end).unwrap_or(cue.end);
    let according = ctx.lower(cue.start) == "according";
    let class = cue.clone().find_map(|k| cue_verb(ctx.word(k))).map(|v| v.class);
    // The cue's verb for negation: the first word the lexicon knows, else
    // the cue's first word.
    let verb_at = cue.clone().find(|&k| cue_verb(ctx.word(k)).is_some()).unwrap_or(cue.start);
    let cue_neg = stance::cue_negated(ctx, verb_at, sent_start);
    if cue_neg && matches!(class, Some(CueClass::Assert)) {
        return None;
    }
    let last_end = a.contents.last().map(|c| c.end).unwrap_or(cue.end).max(cue.end);
    let mut denial = match class {
        Some(CueClass::Deny) => !cue_neg,
        Some(CueClass::Evaluate) => stance::evaluation_is_denial(ctx, &(cue.end..last_end)),
        _ => false,
    };
    if !denial && class != Some(CueClass::Deny) {
        denial = stance::accompanying_denial(ctx, &(cue.end..sent_end));
    }
    let negated = stance::main_clause_negated(ctx, &first) && class != Some(CueClass::Evaluate);
    let kind = if according { ClaimKind::AccordingTo } else { kind_of(ctx, &a.contents) };
    Some(Draft {
        cue,
        speaker: a.sources.first().cloned(),
        shares_speaker: false,
        content: a.contents.clone(),
        kind,
        stance: stance::combine(denial, negated),
        hedged: stance::hedged(ctx, &first, verb_at),
        confidence: LEARNED_CONFIDENCE,
        colon_open: false,
        denial_cue: denial,
    })
}

/// Direct when every piece lies inside quotation marks, mixed when some
/// token does, indirect otherwise.
fn kind_of(ctx: &Ctx, parts: &[Range<usize>]) -> ClaimKind {
    let inside = |i: usize| ctx.quote_of.get(i).is_some_and(|q| q.is_some());
    let all = parts.iter().all(|p| p.clone().all(|i| inside(i) || ctx.is_punct(i)));
    let some = parts.iter().any(|p| p.clone().any(inside));
    if all && some {
        ClaimKind::Direct
    } else if some {
        ClaimKind::Mixed
    } else {
        ClaimKind::Indirect
    }
}

/// Merges the rules' drafts with the model's. The rules were written for
/// the project's own notion of a claim (speech acts with a speaker, nested
/// "according to" dropped, colon content extended), so every rules draft is
/// kept, with its stance, and the model
/// * widens it where the model's spans hold the rules' (see [`widen`]);
/// * fills the gaps: a learned draft that names a speaker and says
///   something ([`MIN_CONTENT_WORDS`]) is added when no rules draft touches
///   any sentence it spans.
///
/// The result is in cue order.
pub fn combine(ctx: &Ctx, rules: Vec<Draft>, learned: Vec<Draft>) -> Vec<Draft> {
    let taken: Vec<(usize, usize)> = rules.iter().map(|d| sentences(ctx, d)).collect();
    let mut out = rules;
    for d in out.iter_mut() {
        widen(d, &learned);
    }
    for d in learned {
        if !claim_like(ctx, &d) {
            continue;
        }
        let (lo, hi) = sentences(ctx, &d);
        if !taken.iter().any(|&(a, b)| a <= hi && lo <= b) {
            out.push(d);
        }
    }
    out.sort_by_key(|d| d.cue.start);
    out
}

/// The first and last sentence a draft touches.
fn sentences(ctx: &Ctx, d: &Draft) -> (usize, usize) {
    let a = &ctx.doc.analysis;
    let spans = std::iter::once(&d.cue).chain(d.speaker.iter()).chain(d.content.iter()).filter(|r| !r.is_empty());
    let (mut lo, mut hi) = (usize::MAX, 0);
    for r in spans {
        if let Some(s) = a.sentence_of(r.start) {
            lo = lo.min(s);
            hi = hi.max(s);
        }
        if let Some(s) = a.sentence_of(r.end - 1) {
            lo = lo.min(s);
            hi = hi.max(s);
        }
    }
    (lo, hi)
}

/// Words a learned claim's content needs to stand as a claim on its own.
pub const MIN_CONTENT_WORDS: usize = 4;

/// True when a learned draft can stand as a claim next to the rules': it
/// names a speaker and its content has a few words (PolNeAR also annotates
/// "voted for the law", "denies the ..." in headlines, which are not
/// claims one could check).
fn claim_like(ctx: &Ctx, d: &Draft) -> bool {
    let words = d.content.iter().flat_map(|r| r.clone()).filter(|&i| !ctx.is_punct(i)).count();
    d.speaker.as_ref().is_some_and(|s| !s.is_empty()) && words >= MIN_CONTENT_WORDS
}

fn covers(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

fn outer(parts: &[Range<usize>]) -> Range<usize> {
    parts.first().map(|p| p.start).unwrap_or(0)..parts.last().map(|p| p.end).unwrap_or(0)
}

/// Widens a rules draft to the spans of the learned draft whose cue
/// overlaps its cue, where those hold the draft's: a cue with its auxiliary
/// ("has said"), content with its complementiser or the rest of its clause,
/// a speaker with its title or apposition. Nothing the draft said is lost,
/// and its stance stays as the rules decided.
pub fn widen(d: &mut Draft, learned: &[Draft]) {
    let ov = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    let Some(l) = learned.iter().find(|l| ov(&l.cue, &d.cue)) else { return };
    if covers(&l.cue, &d.cue) && !l.content.iter().any(|c| ov(c, &l.cue)) {
        d.cue = l.cue.clone();
    }
    if !d.content.is_empty() && covers(&outer(&l.content), &outer(&d.content)) && !ov(&outer(&l.content), &d.cue) {
        d.content = l.content.clone();
    }
    // A missing speaker is taken from the model; a found one is widened to
    // the model's when that holds it ("Rep. Jim Clyburn (D-S.C.), the
    // assistant leader"). A draft sharing its sentence's speaker keeps it.
    if let (false, Some(ls)) = (d.shares_speaker, &l.speaker) {
        let take = d.speaker.as_ref().is_none_or(|sp| covers(ls, sp));
        if take && !d.content.iter().any(|c| ov(c, ls)) && !ov(ls, &d.cue) {
            d.speaker = Some(ls.clone());
        }
    }
}
