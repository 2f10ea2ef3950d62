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
        speaker: a.sources.first().cloned().map(|s| crate::attribution::speaker::reduced_relative_subject(ctx, s)),
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

/// True when a learned cue holds a verb ("declared on", "goes further",
/// "found") or a word the lexicon knows as a cue ("According to"):
/// PolNeAR's attributions also take nouns and bare prepositions for cues
/// ("a very violent attack against", "in", "catch phrase"), which report no
/// statement of the speaker's.
fn speech_cue(ctx: &Ctx, d: &Draft) -> bool {
    d.kind == ClaimKind::AccordingTo
        || d.cue.clone().any(|k| cue_verb(ctx.word(k)).is_some() || ctx.tokens[k].upos == claimgraph_nlp::Upos::VERB)
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
///   something (a clause of [`MIN_CONTENT_WORDS`] words or more) is added
///   when no rules draft touches any sentence it spans, its speaker tidied
///   ([`tidy_speaker`], then [`with_apposition`]), unless that speaker
///   holds a full name the entity stage did not recognise (the claim would
///   split the person's entity), or its content is a topic rather than a
///   proposition ([`topic_content`]).
///
/// Merging more freely (learned drafts in sentences the rules also claim,
/// learned spans replacing the rules') scores higher on PolNeAR but lowers
/// claim precision on the seed and the project's test articles, which
/// count only checkable claims (see `models/README.md`).
///
/// The result is in cue order.
pub fn combine(ctx: &Ctx, rules: Vec<Draft>, learned: Vec<Draft>) -> Vec<Draft> {
    let taken: Vec<(usize, usize)> = rules.iter().map(|d| sentences(ctx, d)).collect();
    // A cue shared by several rules drafts has had its content split into
    // propositions of their own stance: widening each to the model's whole
    // content would undo the split.
    let shared: Vec<bool> = rules
        .iter()
        .map(|d| rules.iter().filter(|e| e.cue.start < d.cue.end && d.cue.start < e.cue.end).count() > 1)
        .collect();
    let mut out = rules;
    for (d, shared) in out.iter_mut().zip(shared) {
        widen(ctx, d, &learned, !shared);
    }
    for mut d in learned {
        d.speaker = d.speaker.map(|s| with_apposition(ctx, tidy_speaker(ctx, s)));
        // A colon or a dash as the cue ("Poll: ...", "“...” ― Name") is an
        // attribution of the layer, not a claim of its own: the rules
        // decide those.
        let punct_cue = d.cue.clone().all(|i| ctx.is_punct(i));
        if punct_cue
            || !speech_cue(ctx, &d)
            || !claim_like(ctx, &d)
            || unknown_name(ctx, &d)
            || passive_subject_speaker(ctx, &d)
            || topic_content(ctx, &d)
        {
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
/// names a speaker and its content is a clause of a few words (PolNeAR also
/// annotates "voted for the law", "denies the ..." in headlines, which are
/// not claims one could check), or a shorter clause with its own subject
/// ("it was false"; not "to react").
fn claim_like(ctx: &Ctx, d: &Draft) -> bool {
    use claimgraph_nlp::Upos;
    let words = d.content.iter().flat_map(|r| r.clone()).filter(|&i| !ctx.is_punct(i)).count();
    // A claim is a proposition: its content has a verb ("a very different
    // story", "1.4 million people at risk" are not).
    let clause = !ctx.tagged
        || d.content.iter().flat_map(|r| r.clone()).any(|i| matches!(ctx.tokens[i].upos, Upos::VERB | Upos::AUX));
    let long_enough = words >= MIN_CONTENT_WORDS || (words >= 2 && has_subject(ctx, &d.content));
    d.speaker.as_ref().is_some_and(|s| !s.is_empty()) && long_enough && clause
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
/// and its stance stays as the rules decided. `content` false keeps the
/// draft's content as it is.
pub fn widen(ctx: &Ctx, d: &mut Draft, learned: &[Draft], content: bool) {
    let ov = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    let Some(l) = learned.iter().find(|l| ov(&l.cue, &d.cue)) else { return };
    if covers(&l.cue, &d.cue) && !l.content.iter().any(|c| ov(c, &l.cue)) {
        d.cue = l.cue.clone();
    }
    if content
        && !d.content.is_empty()
        && covers(&outer(&l.content), &outer(&d.content))
        && !ov(&outer(&l.content), &d.cue)
        && !past_quote(ctx, &outer(&d.content), &outer(&l.content))
        && !crosses_complementiser(ctx, outer(&l.content).start..outer(&d.content).start)
        // "According to the act, to which X had access, 41 delegates ...":
        // what stands between "according to" and the rules' content is the
        // source's.
        && !(d.kind == ClaimKind::AccordingTo
            && (d.cue.end..outer(&d.content).start).contains(&outer(&l.content).start))
    {
        d.content = l.content.clone();
    }
    // A title or apposition has no verb: a speaker that gains one has run
    // into the next clause ("eyewitnesses, lasted more than ..."). A
    // capitalised "verb" is a name the tagger misread ("... Monitor for
    // Human Rights").
    let tidy = l.speaker.clone().map(|s| with_apposition(ctx, tidy_speaker(ctx, s))).filter(|s| {
        !s.clone().any(|i| {
            d.speaker.as_ref().is_none_or(|ds| !ds.contains(&i))
                && ctx.tagged
                && matches!(ctx.tokens[i].upos, claimgraph_nlp::Upos::VERB | claimgraph_nlp::Upos::AUX)
                && ctx.word(i).starts_with(|c: char| c.is_lowercase())
        })
    });
    let l = Draft { speaker: tidy, ..l.clone() };
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

/// A speaker span cut where it stops being the speaker: before a clause set
/// off by a comma or a bracket, before an adjunct set off by a comma (", in
/// a telephone conversation with ..."), whose names would otherwise be
/// taken for the speaker's, and after its last noun, name or pronoun ("it
/// is"). An empty result keeps the span as it was.
pub fn tidy_speaker(ctx: &Ctx, s: Range<usize>) -> Range<usize> {
    use claimgraph_nlp::Upos;
    if !ctx.tagged {
        return s;
    }
    let mut s = s;
    // "said to journalists the minister": the audience is no part of the
    // speaker after it.
    let audience = crate::attribution::rules::audience_len(ctx, s.start);
    let after_to =
        if s.start > 0 { crate::attribution::rules::audience_len(ctx, s.start - 1).saturating_sub(1) } else { 0 };
    if audience > 0 && s.start + audience < s.end {
        s.start += audience;
    } else if after_to > 0 && s.start + after_to < s.end {
        s.start += after_to;
    }
    let mut end = s.end;
    // A clause inside the span ("..., lasted more than", "(he is not a
    // relative of ...)") is cut off at the comma or bracket before it.
    let verb = |i: usize| {
        matches!(ctx.tokens[i].upos, Upos::VERB | Upos::AUX) && ctx.word(i).starts_with(|c: char| c.is_lowercase())
    };
    if let Some(v) = s.clone().skip(1).find(|&i| verb(i)) {
        if let Some(p) = (s.start + 1..v).rev().find(|&i| matches!(ctx.word(i), "," | "(" | "—" | "–")) {
            end = p;
        }
    }
    for i in s.start..end {
        if i > s.start && ctx.is_punct(i) && ctx.word(i) == "," && i + 1 < s.end && ctx.tokens[i + 1].upos == Upos::ADP
        {
            end = i;
            break;
        }
    }
    // "Lithuania on Tuesday", "The minister yesterday": a time adjunct
    // after the speaker is no part of it.
    // Weekdays only, not months, which are also given names ("UN relief
    // chief Jan Egeland", "June Ross").
    let day = |k: usize| {
        let w = ctx.lower(k);
        k < end
            && (crate::attribution::rules::is_weekday(&w) || matches!(w.as_str(), "today" | "yesterday" | "tonight"))
    };
    if let Some(t) = (s.start + 1..end).find(|&i| {
        day(i) && ctx.tokens[i - 1].upos != Upos::ADP
            || matches!(ctx.lower(i).as_str(), "on" | "late" | "early" | "last" | "this" | "earlier") && day(i + 1)
    }) {
        end = t;
    }
    // A speaker ends in a noun, a name, a pronoun, a number or a closing
    // bracket ("(D-S.C.)"), never in a verb, an article or a preposition.
    while end > s.start + 1 {
        let t = &ctx.tokens[end - 1];
        let ok = matches!(t.upos, Upos::NOUN | Upos::PROPN | Upos::PRON | Upos::NUM) || ctx.word(end - 1) == ")";
        if ok {
            break;
        }
        end -= 1;
    }
    // A dateline before the speaker ("Isfahan - The head of the justice
    // department"): capitalised words, then a dash with spaces around it,
    // open the sentence but not the speaker.
    let mut start = s.start;
    if let Some(d) = (s.start + 1..end.min(s.start + 5)).find(|&i| crate::attribution::speaker::is_loose_dash(ctx, i)) {
        if (s.start..d).all(|i| ctx.word(i).starts_with(char::is_uppercase) || ctx.word(i) == ",") && d + 1 < end {
            start = d + 1;
        }
    }
    if end > start {
        start..end
    } else {
        s
    }
}

/// True when a learned draft's speaker holds a proper name the entity stage
/// did not find: the claim stage would make the whole phrase a new speaker,
/// splitting the person it names from their other mentions.
fn unknown_name(ctx: &Ctx, d: &Draft) -> bool {
    let Some(s) = &d.speaker else { return false };
    if !ctx.tagged || s.is_empty() {
        return false;
    }
    // The last proper noun is the name's head ("... of Kesh Nargiz Sultanli").
    let Some(last) = s.clone().rev().find(|&i| ctx.tokens[i].upos == claimgraph_nlp::Upos::PROPN) else {
        return false;
    };
    // Only a full name (two proper nouns or more: "Nargiz Sultanli") makes
    // a person the entity stage would split; a plural proper noun names a
    // group ("Republicans"), and a single word ("Obama", "PolitiFact", a
    // title-case headline word) is linked, if at all, by the entity stage's
    // own surname and alias passes.
    let plural = ctx.tokens[last].xpos.as_str() == "NNPS";
    let single = last == s.start || ctx.tokens[last - 1].upos != claimgraph_nlp::Upos::PROPN;
    if plural || single {
        return false;
    }
    let at = ctx.tokens[last].start;
    // A mention of a kind that cannot speak ("Other") does not count: it
    // is a name the entity stage did not make sense of.
    !ctx.mentions_in(ctx.span(s.start, s.end)).any(|m| {
        let sp = &ctx.doc.mentions[m].span;
        sp.start <= at && at < sp.end && ctx.mention_kind(m) != crate::document::EntityKind::Other
    })
}

/// True when a learned draft's cue is a passive ("was reported", "is said")
/// and its speaker comes before it: the subject of a passive report is what
/// was reported, not who reported it.
fn passive_subject_speaker(ctx: &Ctx, d: &Draft) -> bool {
    let Some(s) = &d.speaker else { return false };
    if !ctx.tagged || s.start >= d.cue.start {
        return false;
    }
    let be = d.cue.clone().any(|i| ctx.tokens[i].upos == claimgraph_nlp::Upos::AUX && ctx.tokens[i].lemma == "be");
    be && d.cue.clone().any(|i| ctx.tokens[i].xpos.as_str() == "VBN")
}

/// A speaker followed by its name in apposition ("the director of the
/// regional power company, Oleksiy Kovalenko (...)"), widened over the name:
/// a run of proper nouns after a comma that the parse attaches to the
/// speaker (the model's span may stop at the comma, and the acceptance of a
/// claim is by its speaker's name).
pub fn with_apposition(ctx: &Ctx, s: Range<usize>) -> Range<usize> {
    use claimgraph_nlp::Upos;
    if !ctx.parsed || s.is_empty() || s.end + 1 >= ctx.tokens.len() || ctx.word(s.end) != "," {
        return s;
    }
    let a = &ctx.doc.analysis;
    let sent_end = a.sentence_of(s.start).map(|x| a.sentences[x].tokens.end).unwrap_or(s.end);
    let first = s.end + 1;
    let mut end = first;
    while end < sent_end && ctx.tokens[end].upos == Upos::PROPN {
        end += 1;
    }
    // Attached to the speaker by any relation but a conjunction ("X, Y and
    // Z" lists other people); the parser often calls an apposition nmod.
    let parsed_as_apposition =
        (first..end).any(|k| !ctx.tokens[k].deprel.is("conj") && ctx.tokens[k].head.is_some_and(|h| s.contains(&h)));
    if end > first && parsed_as_apposition {
        s.start..end
    } else {
        s
    }
}

/// True when the model's content `l` runs on past the closing mark of a
/// quotation that the rules' content `d` is in: the quote's end is the
/// content's end, and what follows the mark is another sentence or page
/// debris.
fn past_quote(ctx: &Ctx, d: &Range<usize>, l: &Range<usize>) -> bool {
    (d.end..l.end).any(|i| {
        ctx.closes_quote(i).is_some_and(|q| ctx.quotes[q].open < d.end) && (i + 1..l.end).any(|k| !ctx.is_punct(k))
    })
}

/// True when the words `r` the model adds before the rules' content hold a
/// complementiser past their first word ("a daily bulletin that ..."): the
/// content starts at the complementiser, what precedes it belongs to the cue.
fn crosses_complementiser(ctx: &Ctx, r: Range<usize>) -> bool {
    r.clone().skip(1).any(|i| ctx.lower(i) == "that" && ctx.tokens[i].deprel.is("mark"))
}

/// True when `content` holds a subject of one of its own words.
fn has_subject(ctx: &Ctx, content: &[Range<usize>]) -> bool {
    let inside = |i: usize| content.iter().any(|r| r.contains(&i));
    ctx.parsed
        && content.iter().flat_map(|r| r.clone()).any(|i| {
            let t = &ctx.tokens[i];
            (t.deprel.is("nsubj") || t.deprel.is("csubj") || t.deprel.is("expl")) && t.head.is_some_and(inside)
        })
}

/// True when a learned draft's content is what was talked about, not what
/// was said: a prepositional object ("hints at sabotage, ..."), or a noun
/// phrase after a speech event named by a noun and a preposition ("made
/// statements regarding the agenda").
fn topic_content(ctx: &Ctx, d: &Draft) -> bool {
    use claimgraph_nlp::Upos;
    if !ctx.tagged {
        return false;
    }
    let first = d.content.iter().flat_map(|r| r.clone()).find(|&i| !ctx.is_punct(i));
    let prepositional = first.is_some_and(|i| ctx.tokens[i].upos == Upos::ADP && ctx.lower(i) != "that");
    let last = d.cue.end.saturating_sub(1);
    let topic_cue = !d.cue.is_empty()
        && (ctx.tokens[last].upos == Upos::ADP || ctx.tokens[last].deprel.is("case"))
        && d.cue.clone().any(|i| ctx.tokens[i].upos == Upos::NOUN);
    prepositional || (topic_cue && noun_phrase(ctx, &d.content))
}

/// True when no word of `content` that heads it (its head lies outside) is
/// a verb or has a subject, copula or auxiliary: a noun phrase, not a clause.
fn noun_phrase(ctx: &Ctx, content: &[Range<usize>]) -> bool {
    use claimgraph_nlp::Upos;
    if !ctx.parsed {
        return false;
    }
    let inside = |i: usize| content.iter().any(|r| r.contains(&i));
    let mut heads = content
        .iter()
        .flat_map(|r| r.clone())
        .filter(|&i| !ctx.is_punct(i) && ctx.tokens[i].head.is_none_or(|h| !inside(h)));
    !heads.any(|r| {
        matches!(ctx.tokens[r].upos, Upos::VERB | Upos::AUX)
            || ctx.doc.analysis.children(r).any(|k| {
                let dr = ctx.tokens[k].deprel;
                inside(k) && (dr.is("nsubj") || dr.is("cop") || dr.is("aux") || dr.is("csubj"))
            })
    })
}
