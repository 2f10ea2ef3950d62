//! Stance: does the speaker affirm or deny the content's core proposition?
//!
//! A claim denies when exactly one of these holds (two cancel out: "denied
//! that Iran had not sent" affirms):
//! * the cue is a denial ("denied", "rejected", "dismissed"), an evaluation
//!   that calls its object false ("described the claims as baseless"), or the
//!   speaker is said to be denying alongside the cue ("while categorically
//!   rejecting this allegation");
//! * the content's main clause is negated ("Iran had not transferred", "no
//!   troops were sent") — a negation inside a subordinate clause ("since
//!   Moscow does not have ...") does not count.
//!
//! Hedges ("allegedly", "reportedly", "may") mark the claim as hedged
//! without changing its stance.

use std::ops::Range;

use super::context::Ctx;
use super::lexicon::{is_falsity_word, is_hedge, is_negator, is_subordinator, CueClass};
use crate::document::Stance;

/// True when the main clause of the content (tokens `content`) is negated.
pub fn main_clause_negated(ctx: &Ctx, content: &Range<usize>) -> bool {
    let mut i = content.start;
    // Skip leading discourse words and a fronted subordinate clause
    // ("since X, MAIN", "because X, MAIN").
    while i < content.end
        && matches!(ctx.lower(i).as_str(), "but" | "and" | "so" | "yet" | "however" | "“" | "\"" | "‘")
    {
        i += 1;
    }
    // "If we go to a convention, where nobody has the majority, it will
    // be ...": a relative clause on the fronted clause goes with it.
    let mut fronted = 0;
    while fronted < 2
        && (i < content.end && is_subordinator(ctx.word(i)) && !matches!(ctx.lower(i).as_str(), "as" | "while")
            || ctx.lower(i) == "according"
            || fronted > 0 && matches!(ctx.lower(i).as_str(), "where" | "which" | "who" | "when"))
    {
        fronted += 1;
        let mut depth_comma = i;
        while depth_comma < content.end && ctx.word(depth_comma) != "," {
            depth_comma += 1;
        }
        if depth_comma >= content.end {
            break;
        }
        i = depth_comma + 1;
    }
    // "I want to be clear: at no time did ...": a frame that only
    // announces the statement gives way to it.
    if let Some(after) = announcing_frame_end(ctx, i, content) {
        i = after;
    }
    // Scan the main clause until it ends: a subordinator or relative word
    // after a comma, a semicolon, a sentence end, or a second coordinated
    // predicate ("would comply ... but would not dismiss", "only rents ...
    // and is not responsible"): the first conjunct carries the stance.
    // Two negations standing together ("cannot not know") cancel out.
    let mut j = i;
    let mut negations = 0;
    while j < content.end {
        let w = ctx.lower(j);
        // "The driver, who is in the hospital, has not been questioned": a
        // relative clause set off by commas on the subject, before the
        // main verb, is skipped to the main verb.
        if j > i && w == "," && matches!(ctx.lower(j + 1).as_str(), "who" | "which") && ctx.tagged {
            if let Some(after) = parenthetical_relative_end(ctx, i, j, content.end) {
                j = after;
                continue;
            }
        }
        // A colon opens an elaboration ("rejected this as a lie: there is
        // no military target"): the claim's own clause ends before it.
        if j > i
            && (matches!(w.as_str(), ";" | ":" | "." | "!" | "?") || (w == "," && is_clause_opener(&ctx.lower(j + 1))))
        {
            break;
        }
        // ", not at a real military action", ', "not 87 like ..."': a
        // contrastive negation of an added phrase, not of the clause.
        if w == "," {
            let after_marks = (j + 1..content.end).find(|&k| !is_quote_mark(ctx.word(k))).unwrap_or(j + 1);
            if matches!(ctx.lower(after_marks).as_str(), "not" | "rather") {
                break;
            }
            // "9 people were treated, none of them in serious condition",
            // "maybe eight hours a day, sometimes nothing": a verbless
            // remark after a comma, opened by a negation, qualifies the
            // clause without negating it, once that clause has its verb
            // ("Firstly, nobody questions ..." is the clause itself).
            if verbless_negative_remark(ctx, after_marks, content.end) && (i..j).any(|m| ctx.is_finite_verb(m)) {
                break;
            }
        }
        // "attacked the town and not the battery", "an artillery battery
        // and nothing else": the negation sets off a noun phrase.
        if matches!(w.as_str(), "and" | "but") && contrasts_phrase(ctx, j + 1) {
            j += 3;
            continue;
        }
        // "the accord text which the committee received does not mention
        // any phase": a relative clause inside the subject, before the
        // main verb, is skipped, and the main clause read on.
        if j > i && matches!(w.as_str(), "which" | "who") && ctx.tagged {
            if let Some(after) = subject_relative_end(ctx, i, j, content.end) {
                j = after;
                continue;
            }
        }
        // "received until now no complaint", "has since March not paid":
        // "until", "since", "after", "before" with no verb before the next
        // punctuation head a phrase of time, not a subordinate clause.
        if j > i
            && matches!(w.as_str(), "until" | "till" | "since" | "after" | "before")
            && time_phrase(ctx, j, content.end)
        {
            j += 1;
            continue;
        }
        if j > i && is_subordinator(&w) && !matches!(w.as_str(), "as" | "even") {
            break;
        }
        // "planned for the rainy months so that users would not suffer",
        // "in order not to": a purpose clause.
        if j > i
            && (w == "so" && matches!(ctx.lower(j + 1).as_str(), "that" | "as")
                || w == "in"
                    && ctx.lower(j + 1) == "order"
                    && matches!(ctx.lower(j + 2).as_str(), "to" | "that" | "not"))
        {
            break;
        }
        // "with the help of partners he did not name": a relative clause
        // without "that" (a noun, then a pronoun subject).
        if j > i + 1 && ctx.tagged && matches!(w.as_str(), "he" | "she" | "they" | "we" | "i" | "you") {
            let before = (i..j).rev().find(|&k| !is_quote_mark(ctx.word(k)));
            // The clause must have had its own verb by then: "at the time
            // of the export they were not" is a fronted phrase.
            let clause_start = (i..j)
                .rev()
                .find(|&k| matches!(ctx.lower(k).as_str(), "that" | "and" | "but" | "," | ";"))
                .map_or(i, |k| k + 1);
            let has_verb = (clause_start..j).any(|k| ctx.is_finite_verb(k));
            if has_verb
                && before.is_some_and(|k| matches!(ctx.tokens[k].upos, claimgraph_nlp::Upos::NOUN) && k + 2 >= j)
            {
                break;
            }
        }
        // "numbers that nobody can check": a relative clause on a noun.
        // The tagger tells the relative pronoun from the complementiser of
        // "the fear that X would not" (it errs on "reassured voters that X
        // had not", where the parser errs too).
        // "the club wants to pretend that the conversation did not exist":
        // a clause embedded under another verb of the content is what that
        // verb reports, not what the speaker negates.
        if j > i + 1
            && w == "that"
            && ctx.tagged
            && ctx.tokens[j].upos == claimgraph_nlp::Upos::SCONJ
            && ctx.tokens[j - 1].upos == claimgraph_nlp::Upos::VERB
            && !super::lexicon::cue_verb(&ctx.lower(j - 1)).is_some_and(|c| c.class == CueClass::Deny)
            // "I am saying that this paper is not mine": the speaker's own
            // saying passes the clause on as the speaker's.
            && !(ctx.tokens[j - 1].lemma == "say"
                && (i..j - 1).any(|k| matches!(ctx.lower(k).as_str(), "i" | "we")))
            // A factive verb ("officers understand that we don't have a
            // strategy") passes its clause on as true.
            && !matches!(
                ctx.tokens[j - 1].lemma.as_str(),
                "know"
                    | "understand"
                    | "realize"
                    | "realise"
                    | "recognize"
                    | "recognise"
                    | "acknowledge"
                    | "admit"
                    | "show"
                    | "prove"
                    | "confirm"
                    | "reveal"
                    | "find"
                    | "learn"
                    | "see"
                    | "note"
                    | "mean"
            )
        {
            break;
        }
        if j > i + 1
            && w == "that"
            && ctx.tagged
            && (matches!(ctx.tokens[j - 1].upos, claimgraph_nlp::Upos::NOUN | claimgraph_nlp::Upos::PROPN)
                // "two transfers of £240 each that he did not make"
                || ctx.lower(j - 1) == "each")
            && ctx.tokens[j].upos == claimgraph_nlp::Upos::PRON
        {
            break;
        }
        if j > i && matches!(w.as_str(), "but" | "and" | "yet") && starts_predicate(ctx, j + 1, content.end) {
            break;
        }
        // "had failed to inform": said plainly, the speaker asserts a
        // failure ("the airline had failed to repair the fault"), which a
        // side that denies the failure contradicts; denied, it is the
        // negation that the denial cancels ("denied that the police had
        // failed to inform the mission" affirms that they informed it).
        let implicit = matches!(w.as_str(), "failed" | "fails" | "fail" | "failing")
            && ctx.lower(j + 1) == "to"
            && denial_cue_before(ctx, content.start);
        if is_negator(&w) || implicit {
            // "not only ... but also" is not a negation.
            if w == "not" && ctx.lower(j + 1) == "only" {
                j += 2;
                continue;
            }
            // "Nobody can say that they were not warned", "It is not
            // possible that nobody knew", "I did not say that nobody is
            // guilty": a negated frame of saying or of truth over a clause
            // that is negated too affirms it; over a plain clause it denies.
            if let Some(embedded) = negated_frame_end(ctx, j, content.end) {
                return !main_clause_negated(ctx, &(embedded..content.end));
            }
            // "the families were told not to speak", "was asked not to
            // publish", "told her "to not register"": the negation belongs
            // to the directive's infinitive, which the clause reports as an
            // order given, not as a deed denied.
            if w == "not" && directed_infinitive(ctx, j, content.start) {
                j += 1;
                continue;
            }
            // "rejected the figure as "not real"": the "as" phrase is the
            // verdict of the cue on its object, not a negation of a clause.
            if w == "not"
                && (content.start..j).rev().find(|&k| !is_quote_mark(ctx.word(k))).is_some_and(|k| ctx.lower(k) == "as")
            {
                j += 1;
                continue;
            }
            // "the problem is not the number of boats but the size of the
            // nets": a negated phrase set against another affirms that one.
            if w == "not" && not_but_phrase(ctx, j, content.end) {
                j += 1;
                continue;
            }
            // "only one container was booked, not two": a trailing
            // correction after a comma sets a figure or a phrase against
            // the one the clause affirms.
            if w == "not"
                && j > content.start
                && ctx.word(j - 1) == ","
                && ctx.tagged
                && (j + 1..content.end)
                    .all(|k| !matches!(ctx.tokens[k].upos, claimgraph_nlp::Upos::VERB | claimgraph_nlp::Upos::AUX))
                && content.end - j <= 4
            {
                j += 1;
                continue;
            }
            // "not less than 6 km", "no more than 40 soldiers", "not far
            // from", "no later than Friday": a bound on a number or a
            // distance, not a negation of the clause.
            let next = ctx.lower(j + 1);
            if matches!(w.as_str(), "not" | "no")
                && (matches!(
                    next.as_str(),
                    "less"
                        | "more"
                        | "fewer"
                        | "later"
                        | "earlier"
                        | "sooner"
                        | "greater"
                        | "higher"
                        | "lower"
                        | "longer"
                        | "shorter"
                        | "bigger"
                        | "larger"
                        | "smaller"
                        | "older"
                        | "younger"
                ) && ctx.lower(j + 2) == "than"
                    || w == "not" && next == "far" && ctx.lower(j + 2) == "from")
            {
                j += 3;
                continue;
            }
            // "could not verify that the caller was a naval unit", "was
            // unable to confirm": what the speaker could not establish is
            // no denial of it.
            if matches!(w.as_str(), "not" | "n't" | "never")
                && (j + 1..(j + 3).min(content.end)).any(|k| {
                    matches!(
                        ctx.lower(k).as_str(),
                        "verify" | "confirm" | "establish" | "determine" | "ascertain" | "corroborate"
                    ) && matches!(ctx.lower(k + 1).as_str(), "that" | "whether" | "if")
                })
                && j > 0
                && matches!(
                    ctx.lower(j - 1).as_str(),
                    "could" | "can" | "ca" | "was" | "were" | "is" | "are" | "has" | "have" | "had"
                )
            {
                j += 1;
                continue;
            }
            // "has no doubt that", "there is no question that": certainty,
            // not a negation.
            if matches!(w.as_str(), "no" | "not" | "never")
                && matches!(next.as_str(), "doubt" | "doubts" | "question")
                && (j + 2..(j + 5).min(content.end)).any(|k| ctx.lower(k) == "that")
            {
                j += 2;
                continue;
            }
            // "does not doubt the figures", "did not dispute that the
            // count was right": a negated verb of doubt accepts its object.
            if matches!(w.as_str(), "not" | "n't" | "never")
                && matches!(
                    next.as_str(),
                    "doubt"
                        | "doubts"
                        | "doubted"
                        | "dispute"
                        | "disputes"
                        | "disputed"
                        | "contest"
                        | "contests"
                        | "contested"
                )
            {
                j += 2;
                continue;
            }
            // "violates the agreements "not for the first time"": a repeat,
            // not a negation.
            if w == "not"
                && next == "for"
                && ctx.lower(j + 2) == "the"
                && ctx.lower(j + 3) == "first"
                && ctx.lower(j + 4) == "time"
            {
                j += 5;
                continue;
            }
            // A double negation cancels out when the two stand together:
            // "cannot not know", "never did not"; so does a negated denial:
            // "did not deny that the stations had run out" affirms.
            // "did not rule out taking the case to court", "does not
            // exclude": the possibility is affirmed.
            if (j + 1..(j + 3).min(content.end)).any(|k| {
                is_negator(&ctx.lower(k))
                    || super::lexicon::cue_verb(&ctx.lower(k)).is_some_and(|c| c.class == CueClass::Deny)
                    || is_ruling_out(ctx, k)
            }) {
                j += 3;
                continue;
            }
            // "Both numbers are not wrong", "is not unaware of", "that is
            // not impossible": a negated word of falsity or a negative
            // adjective is an affirmation said twice over.
            if w == "not" && negative_adjective_after(ctx, j + 1, content.end) {
                j += 2;
                continue;
            }
            // "This is not a quiet switch-off, this is an explosion": a
            // negated predicate corrected by the same subject's next one.
            if corrected_after(ctx, j, content.end) {
                j += 1;
                continue;
            }
            negations += 1;
        }
        j += 1;
    }
    negations > 0
}

/// Where a relative clause on the subject ends, when the relative word at
/// `rel` follows a noun of the clause opened at `from` before that clause
/// has a finite verb, and two finite verbs follow: the relative clause's
/// own, then the main clause's. The relative clause's verb group (with its
/// negation: "which was not published") is skipped.
fn subject_relative_end(ctx: &Ctx, from: usize, rel: usize, end: usize) -> Option<usize> {
    use claimgraph_nlp::Upos;
    if !matches!(ctx.tokens[rel - 1].upos, Upos::NOUN | Upos::PROPN) || (from..rel).any(|k| ctx.is_finite_verb(k)) {
        return None;
    }
    let v1 = (rel + 1..end).find(|&k| ctx.is_finite_verb(k))?;
    // "a surrogate who said voters shouldn't ...": a relative clause that
    // reports or thinks takes a clause of its own, whose verb is no main
    // verb.
    if super::lexicon::cue_verb(&ctx.lower(v1)).is_some() || ctx.lower(v1 + 1) == "that" {
        return None;
    }
    let mut k = v1 + 1;
    // "which was not published": an auxiliary's negation and participle.
    if ctx.tokens[v1].upos == Upos::AUX {
        while k < end && (is_negator(&ctx.lower(k)) || matches!(ctx.tokens[k].upos, Upos::VERB | Upos::AUX)) {
            k += 1;
        }
    }
    // The main clause's finite verb must follow before any punctuation
    // ("which it received, and ..." is no subject).
    (k..end).take_while(|&m| !matches!(ctx.word(m), "," | ";" | ":" | ".")).any(|m| ctx.is_finite_verb(m)).then_some(k)
}

/// Where a relative clause set off by commas on the subject ends (the
/// token after its closing comma), when the comma at `comma` follows a
/// subject without a finite verb of its own (from `from`), the clause
/// closes within twenty words and a finite verb follows its closing comma
/// at once (after an adverb or a negation): "The driver Asanaliev, who is in
/// the hospital with a broken spine, has not been questioned yet".
fn parenthetical_relative_end(ctx: &Ctx, from: usize, comma: usize, end: usize) -> Option<usize> {
    use claimgraph_nlp::Upos;
    if (from..comma).any(|k| ctx.is_finite_verb(k)) || !matches!(ctx.tokens[comma - 1].upos, Upos::NOUN | Upos::PROPN) {
        return None;
    }
    let close = (comma + 2..end.min(comma + 22)).find(|&k| matches!(ctx.word(k), "," | ";" | ":" | "." | "!" | "?"))?;
    if ctx.word(close) != "," || !(comma + 2..close).any(|k| ctx.is_finite_verb(k)) {
        return None;
    }
    let mut v = close + 1;
    while v < end && (is_negator(&ctx.lower(v)) || ctx.tokens[v].upos == Upos::ADV) {
        v += 1;
    }
    (v < end && ctx.is_finite_verb(v)).then_some(close + 1)
}

/// True when the preposition-like word at `k` ("until", "since") heads a
/// phrase without a verb of its own up to the next punctuation or the end
/// of the content ("until now", "since March"): a phrase of time.
fn time_phrase(ctx: &Ctx, k: usize, end: usize) -> bool {
    use claimgraph_nlp::Upos;
    ctx.tagged
        && k + 1 < end
        && !matches!(ctx.word(k + 1), "," | ";" | ":" | "." | "!" | "?")
        && (k + 1..end)
            .take_while(|&m| !matches!(ctx.word(m), "," | ";" | ":" | "." | "!" | "?"))
            .all(|m| !matches!(ctx.tokens[m].upos, Upos::VERB | Upos::AUX) && !is_quote_mark(ctx.word(m)))
}

/// True when the words from `k` to the next punctuation (or `end`) are a
/// remark without a verb opened by a negation other than "not" (after an
/// optional adverb: "sometimes nothing", "none of them in serious
/// condition").
fn verbless_negative_remark(ctx: &Ctx, k: usize, end: usize) -> bool {
    use claimgraph_nlp::Upos;
    if !ctx.tagged || k >= end {
        return false;
    }
    let neg = if ctx.tokens[k].upos == Upos::ADV && !is_negator(ctx.word(k)) { k + 1 } else { k };
    let w = ctx.lower(neg);
    neg < end
        && is_negator(&w)
        && !matches!(w.as_str(), "not" | "n't" | "n’t" | "nt" | "cannot" | "nor" | "neither")
        && (neg..end)
            .take_while(|&m| !matches!(ctx.word(m), "," | ";" | ":" | "." | "!" | "?"))
            .all(|m| !matches!(ctx.tokens[m].upos, Upos::VERB | Upos::AUX))
}

/// True when the word at `k` (after an optional degree adverb: "not
/// entirely wrong", "not at all wrong") says "false" or is an adjective
/// negated by its prefix ("unaware", "unable", "impossible", "incorrect").
fn negative_adjective_after(ctx: &Ctx, k: usize, end: usize) -> bool {
    let k = match ctx.lower(k).as_str() {
        "entirely" | "completely" | "totally" | "so" | "that" => k + 1,
        // "at" alone is no degree adverb: only "at all" is skipped, so
        // that the adjective after it is the one tested.
        "at" if ctx.lower(k + 1) == "all" => k + 2,
        _ => k,
    };
    if k >= end {
        return false;
    }
    let w = ctx.lower(k);
    if matches!(
        w.as_str(),
        "wrong"
            | "false"
            | "untrue"
            | "baseless"
            | "groundless"
            | "unfounded"
            | "mistaken"
            | "impossible"
            | "incorrect"
            | "inaccurate"
            | "improbable"
            | "inconceivable"
    ) {
        return true;
    }
    let adjective = !ctx.tagged || ctx.tokens[k].upos == claimgraph_nlp::Upos::ADJ;
    adjective && w.len() > 5 && w.starts_with("un") && !un_is_no_prefix(&w)
}

/// True for a word whose "un" is no negating prefix: "under-" ("not
/// underway", "not understood"), "uni-" words of one ("not unanimous",
/// "not unilateral", "not united", "not unified"), so that negating them
/// stays a negation. Words in "uni-" that do negate ("uninformed",
/// "unintended") keep their prefix reading.
fn un_is_no_prefix(w: &str) -> bool {
    ["under", "unanim", "unilateral", "unif", "union", "unit", "univers", "uniq", "uniform", "unison"]
        .iter()
        .any(|p| w.starts_with(p))
}

/// True when the clause negated at `k` is corrected after a comma by an
/// affirmative copula of a pronoun subject: "is not A, it is B", "was not
/// an accident, but it was a crime".
fn corrected_after(ctx: &Ctx, k: usize, end: usize) -> bool {
    // Only a negated copula is corrected so: "the army did not fire, it
    // was the rebels" still denies that the army fired.
    if k == 0 || !matches!(ctx.lower(k - 1).as_str(), "is" | "was" | "'s" | "’s") {
        return false;
    }
    let Some(comma) = (k + 1..end.min(k + 14)).find(|&c| matches!(ctx.word(c), "," | ";" | ":" | "." | "!" | "?"))
    else {
        return false;
    };
    if ctx.word(comma) != "," {
        return false;
    }
    let mut a = comma + 1;
    if ctx.lower(a) == "but" {
        a += 1;
    }
    // "That is not an exaggeration, it is an invention": the correction
    // calls it false, so the claim still denies.
    let falsity = (a + 2..end.min(a + 6)).any(|c| is_falsity_word(ctx.word(c)));
    matches!(ctx.lower(a).as_str(), "it" | "this" | "that")
        && matches!(ctx.lower(a + 1).as_str(), "is" | "was" | "'s" | "’s")
        && !is_negator(&ctx.lower(a + 2))
        && ctx.lower(a + 2) != "also"
        && !falsity
}

/// A verb that tells or holds a claim, as in "absurd to suggest that X",
/// "wrong to believe that X": the one list for [`truth_frame_end`] and
/// [`content_denies`], so that a frame read as a denial is also the frame
/// whose negated claim cancels it.
fn is_telling_verb(v: &str) -> bool {
    matches!(v, "suggest" | "say" | "claim" | "allege" | "think" | "believe" | "assert" | "argue" | "imply")
}

/// True for a verb that directs someone to act ("told them to", "asked
/// him to", "ordered", "urged"): a negation of its infinitive ("told not
/// to speak") is part of the order.
fn is_directive_verb(w: &str) -> bool {
    matches!(
        w,
        "told"
            | "tell"
            | "tells"
            | "telling"
            | "asked"
            | "ask"
            | "asks"
            | "asking"
            | "ordered"
            | "order"
            | "orders"
            | "instructed"
            | "instruct"
            | "urged"
            | "urge"
            | "urges"
            | "advised"
            | "advise"
            | "warned"
            | "warn"
            | "warns"
            | "requested"
            | "request"
            | "forced"
            | "pressured"
            | "pressed"
            | "begged"
            | "called"
    )
}

/// True when the "not" at `k` negates the infinitive of a directive verb
/// standing at most two words before it (an object between: "told her not
/// to", "were told not to"; "told her "to not register""), not the clause
/// the directive stands in.
fn directed_infinitive(ctx: &Ctx, k: usize, start: usize) -> bool {
    // "not to VERB" or "to not VERB".
    let to = if ctx.lower(k + 1) == "to" {
        k
    } else if k > start && ctx.lower(k - 1) == "to" {
        k - 1
    } else {
        return false;
    };
    let before: Vec<usize> = (start..to).rev().filter(|&m| !is_quote_mark(ctx.word(m))).take(3).collect();
    before.iter().enumerate().any(|(n, &m)| {
        let w = ctx.lower(m);
        // "called on them not to": the directive's particle.
        let verb = if w == "on" && m > start { ctx.lower(m - 1) } else { w.clone() };
        is_directive_verb(&verb)
            && (verb != "called" || w == "on")
            // Only object words may stand between the verb and "to".
            && before[..n].iter().all(|&o| {
                matches!(
                    ctx.lower(o).as_str(),
                    "me" | "us" | "him" | "her" | "them" | "you" | "people" | "everyone" | "everybody" | "on"
                ) || ctx.tagged && matches!(ctx.tokens[o].upos, claimgraph_nlp::Upos::NOUN | claimgraph_nlp::Upos::PROPN)
            })
    })
}

/// Where the claim inside a truth frame starts: "It is not true that X",
/// "It is false that X" (the token after "that"), when the content opens
/// with one; the frame rejects X, so X's own negation reverses the stance
/// ("It is not true that no ransom was paid" affirms a payment).
pub fn truth_frame_end(ctx: &Ctx, content: &Range<usize>) -> Option<usize> {
    let mut i = content.start;
    while i < content.end
        && (is_quote_mark(ctx.word(i))
            || matches!(ctx.lower(i).as_str(), "but" | "and" | "so")
            || i == content.start && ctx.lower(i) == "that")
    {
        i += 1;
    }
    // Quotation marks around the verdict ("it was "absurd" to suggest")
    // are skipped, keeping each word's position.
    let at: Vec<usize> = (i..content.end.min(i + 12)).filter(|&k| !is_quote_mark(ctx.word(k))).collect();
    let words: Vec<String> = at.iter().map(|&k| String::from(ctx.lower(k))).collect();
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    let told = is_telling_verb;
    let that = match w.as_slice() {
        ["it", "is" | "was" | "'s" | "’s", "not", "true" | "correct" | "right", "that", ..] => 4,
        ["it", "is" | "was" | "'s" | "’s", "false" | "untrue" | "wrong", "that", ..] => 3,
        ["it", "is" | "was" | "'s" | "’s", "a", "lie", "that", ..] => 4,
        ["it", "is" | "was" | "'s" | "’s", "not", "the", "case", "that", ..] => 5,
        // "It is not that we do not care": a clause follows the frame.
        ["it", "is" | "'s" | "’s", "not", "that", subject, ..] if opens_clause(subject) => 3,
        // "it was absurd to suggest that X": X called false.
        ["it", "is" | "was" | "'s" | "’s", verdict, "to", v, "that", ..] if is_falsity_word(verdict) && told(v) => 5,
        _ => return None,
    };
    let start = at[that] + 1;
    (start < content.end).then_some(start)
}

/// True for a word that opens a clause after "it is not that" ("we",
/// "the"), unlike a degree adverb's complement ("that simple").
fn opens_clause(w: &str) -> bool {
    matches!(w, "we" | "i" | "they" | "he" | "she" | "you" | "the" | "there" | "this" | "our" | "my")
}

/// Whether the claim inside a truth frame (see [`truth_frame_end`]) is
/// itself negated: the frame's rejection and this negation cancel out.
pub fn framed_claim_negated(ctx: &Ctx, parts: &[Range<usize>]) -> bool {
    let Some(first) = parts.first() else { return false };
    let Some(start) = truth_frame_end(ctx, first) else { return false };
    let sentence = sentence_pieces(ctx, &(start..first.end)).into_iter().next().unwrap_or(start..first.end);
    main_clause_negated(ctx, &sentence)
}

/// True when a denial cue stands right before the content ("denied that
/// ...", "rejected claims that ...").
fn denial_cue_before(ctx: &Ctx, start: usize) -> bool {
    (start.saturating_sub(3)..start)
        .any(|k| super::lexicon::cue_verb(&ctx.lower(k)).is_some_and(|c| c.class == CueClass::Deny))
}

/// True when the word at `k` excludes a possibility or a deed: "rule out",
/// "ruled out", "exclude", "refused to".
fn is_ruling_out(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.lower(k);
    matches!(w.as_str(), "rule" | "rules" | "ruled" | "ruling") && ctx.lower(k + 1) == "out"
        || matches!(w.as_str(), "exclude" | "excludes" | "excluded" | "excluding")
        // "We did not refuse to accept any complaint": the refusal negated.
        || matches!(w.as_str(), "refuse" | "refuses" | "refused" | "refusing") && ctx.lower(k + 1) == "to"
}

/// Where the statement starts after a frame that only announces it ("I
/// want to be clear:", "let me say this clearly:", "I repeat:"): the token
/// after the frame's colon, if the content opens with such a frame.
fn announcing_frame_end(ctx: &Ctx, i: usize, content: &Range<usize>) -> Option<usize> {
    // A discourse opener may come first: "At the same time, I want to be
    // clear:".
    let colon = (i..content.end.min(i + 14)).find(|&k| ctx.word(k) == ":")?;
    let words: Vec<String> = (i..colon).map(|k| String::from(ctx.lower(k))).collect();
    let has = |w: &str| words.iter().any(|x| x == w);
    let announces = has("clear")
        || has("clearly")
        || has("repeat")
        || (has("want") || has("like") || has("wish"))
            && ["say", "stress", "emphasise", "emphasize", "underline"].iter().any(|w| has(w));
    (announces && colon + 1 < content.end).then_some(colon + 1)
}

/// Where the clause starts that a negated frame at the negator `k` holds:
/// "nobody can say that X", "I am not saying that X", "it is not possible /
/// correct / true that X" (the token after "that"). The frame's words stand
/// within five words of the negator (an adjective within two), with no
/// punctuation between.
fn negated_frame_end(ctx: &Ctx, k: usize, end: usize) -> Option<usize> {
    let mut i = k + 1;
    while i < end.min(k + 6) {
        let w = ctx.lower(i);
        if matches!(w.as_str(), "," | ";" | ":" | "." | "!" | "?") || is_quote_mark(&w) {
            return None;
        }
        // Only the speaker's own refusal to say it ("I will not say", "we
        // did not say") or everyone's ("nobody can say") is a frame: "the
        // province does not say that X" only reports what it leaves open.
        let own = matches!(ctx.lower(k).as_str(), "nobody" | "none")
            || ctx.lower(k) == "no" && ctx.lower(k + 1) == "one"
            || (k.saturating_sub(3)..k).any(|m| matches!(ctx.lower(m).as_str(), "i" | "we"));
        let frame = own && matches!(w.as_str(), "say" | "says" | "saying" | "said" | "claim" | "claiming" | "pretend")
            || matches!(w.as_str(), "true" | "correct" | "right" | "accurate" | "possible") && i <= k + 2;
        if frame {
            return (ctx.lower(i + 1) == "that" && i + 2 < end).then_some(i + 2);
        }
        // "Nobody can tell me that it is not negligence": telling takes
        // its hearer before "that".
        if own && matches!(w.as_str(), "tell" | "tells" | "telling" | "told") {
            let that = if matches!(ctx.lower(i + 1).as_str(), "me" | "us" | "you" | "anyone" | "anybody") {
                i + 2
            } else {
                i + 1
            };
            return (ctx.lower(that) == "that" && that + 1 < end).then_some(that + 1);
        }
        i += 1;
    }
    None
}

/// True when "not" at `k` negates a noun phrase that a "but" phrase
/// replaces within the clause ("is not the number of boats but the size
/// of the nets"), rather than the predicate.
fn not_but_phrase(ctx: &Ctx, k: usize, end: usize) -> bool {
    use claimgraph_nlp::Upos;
    let phrase = |i: usize| {
        ctx.tagged
            && i < ctx.tokens.len()
            && matches!(ctx.tokens[i].upos, Upos::DET | Upos::NOUN | Upos::PROPN | Upos::NUM | Upos::ADJ)
    };
    // "not on 2 October but on 29 October": a prepositional phrase too.
    let opens = |i: usize| phrase(i) || ctx.tagged && i < ctx.tokens.len() && ctx.tokens[i].upos == Upos::ADP;
    if !opens(k + 1) {
        return false;
    }
    for i in k + 2..end.min(k + 16) {
        let w = ctx.word(i);
        // "not 14, but 19 people": a comma may stand right before "but".
        if w == "," && ctx.lower(i + 1) == "but" {
            continue;
        }
        if matches!(w, "," | ";" | ":" | "." | "!" | "?") || ctx.is_finite_verb(i) {
            return false;
        }
        if w.eq_ignore_ascii_case("but") {
            // 'but "between R28,000 and ..."', "but almost 19,000 doses":
            // quotation marks and a degree adverb may open the phrase.
            let mut a = i + 1;
            while a < end && is_quote_mark(ctx.word(a)) {
                a += 1;
            }
            if ctx.tagged && a < ctx.tokens.len() && ctx.tokens[a].upos == Upos::ADV && !is_negator(ctx.word(a)) {
                a += 1;
            }
            return opens(a);
        }
    }
    false
}

/// True for a quotation mark token.
pub(super) fn is_quote_mark(w: &str) -> bool {
    matches!(w, "\"" | "“" | "”" | "‘" | "’" | "«" | "»" | "'")
}

/// True when a negation at `k` sets off a noun phrase rather than a
/// predicate: "not the battery", "nothing else", "no one else".
fn contrasts_phrase(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.lower(k);
    let next = ctx.lower(k + 1);
    match w.as_str() {
        "nothing" | "nobody" => next == "else",
        "not" => {
            ctx.tagged
                && k + 1 < ctx.tokens.len()
                && matches!(
                    ctx.tokens[k + 1].upos,
                    claimgraph_nlp::Upos::DET
                        | claimgraph_nlp::Upos::NOUN
                        | claimgraph_nlp::Upos::PROPN
                        | claimgraph_nlp::Upos::NUM
                        // "inside the waters of Kenya and not in the waters
                        // of Tanzania": a place or agent set against another.
                        | claimgraph_nlp::Upos::ADP
                )
        }
        _ => false,
    }
}

fn is_clause_opener(w: &str) -> bool {
    is_subordinator(w) || matches!(w, "which" | "who" | "but" | "and" | "using" | "including" | "adding" | "saying")
}

/// True when a coordinated predicate or clause starts at `k`: a finite verb,
/// an auxiliary or participle (possibly after an adverb or "that"), or a new
/// subject followed by a finite verb.
pub fn starts_predicate(ctx: &Ctx, k: usize, end: usize) -> bool {
    if !ctx.tagged || k >= end {
        return false;
    }
    let mut k = k;
    while k < end
        && matches!(
            ctx.lower(k).as_str(),
            "that" | "also" | "then" | "still" | "even" | "therefore" | "thus" | "hence" | "“" | "\"" | "‘"
        )
    {
        k += 1;
    }
    if k >= end {
        return false;
    }
    let t = &ctx.tokens[k];
    // "and for this reason the company did not count them": a clause
    // after a fronted phrase, whose subject opens after the phrase's noun
    // (not "and of the National Force will be installed", a second "of"
    // phrase of the same subject).
    if t.upos == claimgraph_nlp::Upos::ADP && ctx.lower(k) != "of" {
        use claimgraph_nlp::Upos;
        let verb = (k + 3..(k + 9).min(end))
            .take_while(|&m| !matches!(ctx.word(m), "," | ";" | "."))
            .find(|&m| ctx.is_finite_verb(m));
        let subject_after_phrase = verb.is_some_and(|v| {
            (k + 2..v).any(|j| {
                matches!(ctx.tokens[j].upos, Upos::DET | Upos::PRON | Upos::PROPN)
                    && ctx.tokens[j - 1].upos == Upos::NOUN
            })
        });
        if subject_after_phrase {
            return true;
        }
    }
    if ctx.is_finite_verb(k) || matches!(t.xpos.as_str(), "VBN" | "VBD") && t.upos == claimgraph_nlp::Upos::VERB {
        return true;
    }
    // A new subject: a short noun phrase, then a finite verb.
    (k + 1..(k + 6).min(end)).take_while(|&m| !matches!(ctx.word(m), "," | ";" | ".")).any(|m| ctx.is_finite_verb(m))
        && matches!(
            t.upos,
            claimgraph_nlp::Upos::DET
                | claimgraph_nlp::Upos::PROPN
                | claimgraph_nlp::Upos::PRON
                | claimgraph_nlp::Upos::NOUN
        )
}

/// True when the content's own words deny something: "it is false that
/// ...", "there is no truth to ...", or a predicate of fabrication ("the
/// military fabricated a story about the failure").
pub fn content_denies(ctx: &Ctx, content: &Range<usize>) -> bool {
    let words: Vec<String> = content.clone().take(12).map(|i| String::from(ctx.lower(i))).collect();
    let joined = words.join(" ");
    if [
        "it is false that",
        "it is untrue that",
        "it is not true that",
        "it is not the case that",
        "it is a lie that",
        "there is no truth",
        "is not true that",
        "what we deny is",
        "what i deny is",
        "what we reject is",
        "what i reject is",
    ]
    .iter()
    .any(|p| joined.contains(p))
    {
        return true;
    }
    // "It is not that we do not care": the frame rejects the clause after
    // it (a clause, not "it is not that simple").
    let plain_start: Vec<&str> =
        words.iter().map(String::as_str).filter(|w| !is_quote_mark(w)).skip_while(|w| *w == "that").take(5).collect();
    if let ["it", "is" | "'s" | "’s", "not", "that", subject] = plain_start.as_slice() {
        if opens_clause(subject) {
            return true;
        }
    }
    // "it was "absurd" to suggest that the aid was political": a claim
    // called false before it is told.
    let plain: Vec<&str> = words.iter().map(String::as_str).filter(|w| !is_quote_mark(w)).collect();
    if plain.windows(3).take(8).any(|w| is_falsity_word(w[0]) && w[1] == "to" && is_telling_verb(w[2])) {
        return true;
    }
    // "It is a lie from beginning to end", "This is pure fabrication": a
    // pronoun standing for what was said, called false by its predicate.
    if let [subject, copula, rest @ ..] = plain.as_slice() {
        if matches!(*subject, "it" | "this" | "that" | "these" | "those" | "everything")
            && matches!(*copula, "is" | "are" | "was" | "were" | "'s" | "’s")
            && !rest.iter().take(3).any(|w| is_negator(w))
            // "it is wrong to cut pensions" judges a deed, not a claim.
            && rest.iter().take(4).enumerate().any(|(k, w)| is_falsity_word(w) && rest.get(k + 1) != Some(&"to"))
        {
            return true;
        }
    }
    // "the video of the shooting is a fake", "they are fake", "any other
    // number is invention of the media", "To speak about a secret sale is
    // simply incorrect": a predicate that calls its subject false, whatever
    // the subject.
    if false_predicate(ctx, content) {
        return true;
    }
    content.clone().take(12).any(|i| {
        let lemma = if ctx.tokens[i].lemma.is_empty() {
            String::from(ctx.lower(i))
        } else {
            ctx.tokens[i].lemma.to_lowercase()
        };
        matches!(lemma.as_str(), "fabricate" | "falsify" | "concoct" | "invent")
            && ctx.tokens[i].upos == claimgraph_nlp::Upos::VERB
    })
}

/// True when a copula among the content's first twenty words is followed
/// (after at most three words of degree or article: "is simply
/// incorrect", "is a fake", "are all fabricated") by a word that plainly
/// says false, not negated, in the content's first clause.
fn false_predicate(ctx: &Ctx, content: &Range<usize>) -> bool {
    // The first clause only: "will release 210 and receive 210, and any
    // other number is invention" affirms its own clause.
    let kept: Vec<usize> = content
        .clone()
        .take(20)
        .filter(|&i| !is_quote_mark(ctx.word(i)))
        .take_while(|&i| !matches!(&*ctx.lower(i), "and" | "but" | ";" | ":" | "." | "!" | "?"))
        .collect();
    let words: Vec<String> = kept.iter().map(|&i| String::from(ctx.lower(i))).collect();
    // A thing called false is one already told or shown ("the video", "they",
    // "any other number"); an indefinite subject ("a sex tape are lies", a
    // piece cut from "accusing her of having a record and a sex tape are
    // lies") introduces no such thing.
    if words.iter().find(|w| *w != "that").is_some_and(|w| matches!(w.as_str(), "a" | "an")) {
        return false;
    }
    words.iter().enumerate().any(|(c, w)| {
        if !matches!(w.as_str(), "is" | "are" | "was" | "were" | "'s" | "’s") || c == 0 {
            return false;
        }
        let mut k = c + 1;
        while k < words.len()
            && k <= c + 3
            && matches!(
                words[k].as_str(),
                "a" | "an"
                    | "simply"
                    | "completely"
                    | "totally"
                    | "categorically"
                    | "absolutely"
                    | "all"
                    | "just"
                    | "pure"
                    | "outright"
                    | "also"
                    | "clearly"
                    | "entirely"
            )
        {
            k += 1;
        }
        k < words.len()
            && matches!(
                words[k].as_str(),
                "fake"
                    | "false"
                    | "untrue"
                    | "incorrect"
                    | "inaccurate"
                    | "fabricated"
                    | "fabrication"
                    | "invention"
                    | "lie"
                    | "lies"
                    | "forged"
                    | "forgery"
                    | "baseless"
                    | "unfounded"
                    | "groundless"
                    | "hoax"
            )
            // "were forged by the third party" tells a deed, and "false to
            // say" is read by the frames above.
            && words.get(k + 1).is_none_or(|n| n != "to" && n != "by")
            // "is false information", "are fake accounts": an adjective
            // before its noun calls the noun false, not the subject.
            && kept.get(k + 1).is_none_or(|&n| !matches!(ctx.tokens[n].upos, claimgraph_nlp::Upos::NOUN | claimgraph_nlp::Upos::PROPN))
            && !words[c.saturating_sub(2)..k].iter().any(|x| is_negator(x))
    })
}

/// True when the evaluation complement (the tokens after the cue) calls its
/// object false: "described the claims as baseless".
pub fn evaluation_is_denial(ctx: &Ctx, after_cue: &Range<usize>) -> bool {
    after_cue.clone().take(25).any(|i| {
        is_falsity_word(ctx.word(i))
            && !(ctx.lower(i) == "motivated" && ctx.lower(i.saturating_sub(1)) != "politically")
    })
}

/// True when a denial participle accompanies the cue in its clause: "while
/// categorically rejecting this allegation", "by denying ...".
pub fn accompanying_denial(ctx: &Ctx, region: &Range<usize>) -> bool {
    region.clone().any(|i| {
        let w = ctx.lower(i);
        w.ends_with("ing")
            && super::lexicon::cue_verb(&w).is_some_and(|c| c.class == CueClass::Deny)
            // "said that 301 people were aboard, rejecting the coast
            // guard's count of 312": after a comma, a participle with an
            // object of its own names another side's claim, which the
            // content answers.
            && !(ctx.lower(i.saturating_sub(1)) == "," && ctx.lower(i + 1) == "the")
            && (i > region.start
                && matches!(
                    ctx.lower(i - 1).as_str(),
                    "while" | "by" | "categorically" | "flatly" | "firmly" | "strongly" | "," | "and"
                ))
    })
}

/// True when the cue itself is negated ("did not deny", "has not confirmed").
pub fn cue_negated(ctx: &Ctx, cue: usize, sent_start: usize) -> bool {
    let mut i = cue;
    let mut steps = 0;
    while i > sent_start && steps < 3 {
        i -= 1;
        steps += 1;
        let w = ctx.lower(i);
        if matches!(w.as_str(), "not" | "n't" | "never") {
            return true;
        }
        if !super::speaker::is_pre_verb_filler(&w) {
            break;
        }
    }
    false
}

/// True when the content or the words around the cue carry a hedge.
pub fn hedged(ctx: &Ctx, content: &Range<usize>, cue: usize) -> bool {
    let near_cue = cue.saturating_sub(3)..(cue + 1);
    content.clone().take(12).chain(near_cue).any(|i| is_hedge(ctx.word(i)))
}

/// Combines the two sources of denial (see the module docs).
pub fn combine(denial_cue: bool, negated_content: bool) -> Stance {
    if denial_cue ^ negated_content {
        Stance::Denies
    } else {
        Stance::Affirms
    }
}

/// Whether a content is negated, over its pieces: an interrupted content is
/// one clause cut in two ("in Bila Tserkva, he said, there is no military
/// target"), so a negation in any piece counts; in a content of several
/// sentences the first one states the claim.
pub fn content_negated(ctx: &Ctx, parts: &[Range<usize>]) -> bool {
    if parts.len() > 1 {
        return parts.iter().any(|p| main_clause_negated(ctx, p));
    }
    let Some(p) = parts.first() else { return false };
    // A content of several sentences: the first states the claim.
    let sentences = sentence_pieces(ctx, p);
    main_clause_negated(ctx, sentences.first().unwrap_or(p))
}

/// The stance of a content that no cue colours (a transcript's answer, a
/// later sentence of a quotation): a content that rejects claims ("It is
/// not true that ...") denies, unless the claim it frames is negated too
/// ("It is not true that we do not pay"); otherwise its own negation
/// decides.
pub fn own_stance(ctx: &Ctx, parts: &[Range<usize>]) -> Stance {
    let rejects = content_rejects_claims(ctx, parts);
    let negated = if rejects { framed_claim_negated(ctx, parts) } else { content_negated(ctx, parts) };
    combine(rejects, negated)
}

/// The pieces of `r` that lie in different sentences.
pub(crate) fn sentence_pieces(ctx: &Ctx, r: &Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = r.start;
    let sentences = &ctx.doc.analysis.sentences;
    // Sentences are in text order: start at the first that ends after `r`
    // starts, stop at the first that starts after it ends.
    let first = sentences.partition_point(|s| s.tokens.end <= r.start);
    for s in sentences[first..].iter().take_while(|s| s.tokens.start < r.end) {
        let to = s.tokens.end.min(r.end);
        if to > from {
            out.push(from..to);
        }
        from = to;
    }
    out
}

/// The clauses of one sentence's part `r` of a content, each a proposition
/// of its own: cut at a semicolon, and at ", but" or ", yet" before a new
/// subject with a finite verb of its own, when the words before hold a
/// finite verb too ("No arrest was made so far, but three agents have been
/// called"; "the fishermen ask a compensation; the company has not offered
/// anything concrete"). [`main_clause_negated`] stops its reading at these
/// places too, so the first clause is the one a whole content's stance
/// comes from. (A bare comma, ", and" and "because" join clauses too, but
/// what follows them is more often a remark on the claim than a claim: cut
/// there, the blind sets lose more precision than they gain in stance.)
pub(crate) fn clause_pieces(ctx: &Ctx, r: &Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = r.start;
    let mut k = r.start;
    while ctx.tagged && k < r.end {
        let w = ctx.word(k);
        let mut next = None;
        if k > from && w == ";" {
            next = Some(k + 1);
        } else if k > from && w == "," {
            let conj = (k + 1..r.end).find(|&m| !is_quote_mark(ctx.word(m))).unwrap_or(r.end);
            let subject = conj + 1;
            if matches!(ctx.lower(conj).as_str(), "but" | "yet")
                && new_clause_verb(ctx, subject, r.end).is_some()
                && (from..k).any(|m| ctx.is_finite_verb(m))
            {
                next = Some(subject);
            }
        }
        match next {
            Some(n) => {
                out.push(from..k);
                from = n;
                k = n;
            }
            None => k += 1,
        }
    }
    out.push(from..r.end);
    // A later piece without a verb of its own ("; not two") is no clause.
    out.into_iter()
        .enumerate()
        .filter(|(n, p)| !p.is_empty() && (*n == 0 || p.clone().any(|m| ctx.is_finite_verb(m))))
        .map(|(_, p)| p)
        .collect()
}

/// The finite verb of a new clause whose subject opens at `k` (before
/// `end`): a noun phrase, name, number or pronoun (no relative word), then
/// a finite verb within five words, before any comma or sentence mark.
/// Used where a conjunction may open a clause of its own (", but three
/// agents have been called"; ", she added, and the boat had to be towed").
pub(crate) fn new_clause_verb(ctx: &Ctx, k: usize, end: usize) -> Option<usize> {
    use claimgraph_nlp::Upos;
    if k >= end
        || !matches!(ctx.tokens[k].upos, Upos::DET | Upos::PRON | Upos::PROPN | Upos::NOUN | Upos::NUM)
        || matches!(ctx.lower(k).as_str(), "which" | "who" | "that" | "what")
    {
        return None;
    }
    (k + 1..(k + 6).min(end))
        .take_while(|&m| !matches!(ctx.word(m), "," | ";" | "." | ":"))
        .find(|&m| ctx.is_finite_verb(m))
}

/// True when the words say that what they are about departs from the
/// facts: "(the report) completely ignores the facts", "distorts the
/// truth", "has nothing to do with reality", "does not correspond to the
/// facts", "is far from the truth".
fn misstates_facts(ctx: &Ctx, words: &[usize]) -> bool {
    const FACTS: &[&str] = &["facts", "fact", "truth", "reality", "realities"];
    let lower: Vec<String> = words.iter().map(|&i| String::from(ctx.lower(i))).collect();
    let distorts = words.iter().enumerate().any(|(k, &i)| {
        let lemma = if ctx.tokens[i].lemma.is_empty() {
            String::from(ctx.lower(i))
        } else {
            ctx.tokens[i].lemma.to_lowercase()
        };
        matches!(lemma.as_str(), "ignore" | "distort" | "twist" | "misrepresent" | "contradict" | "falsify")
            && lower[k + 1..].iter().take(4).any(|w| FACTS.contains(&w.as_str()))
    });
    let joined = lower.join(" ");
    distorts
        || ["nothing to do with", "not correspond to", "far from the truth", "far from reality"]
            .iter()
            .any(|p| joined.contains(p))
            && FACTS.iter().any(|f| lower.iter().any(|w| w == f))
}

/// Nouns for what others tell, besides claims proper: "The information
/// about 23 dead civilians is categorically false", "The number of 40
/// thousand ... has nothing to do with the reality".
fn is_told_noun(w: &str) -> bool {
    matches!(
        w,
        "information"
            | "number"
            | "numbers"
            | "figure"
            | "figures"
            | "version"
            | "versions"
            | "narrative"
            | "news"
            // "Your sources are wrong": the sources stand for what they said.
            | "source"
            | "sources"
            | "data"
            | "statistics"
    )
}

/// True when the content itself calls claims false: "The claims of
/// Pakistan are baseless", "these reports are lies", "Statements of the
/// regime about a hit on the plant, he said, are another staged
/// provocation". The claim noun opens the content (its first pieces'
/// first six words); the falsity word follows the first copula after it,
/// however long the subject, and the pieces of an interrupted content are
/// read as one clause.
pub fn content_rejects_claims(ctx: &Ctx, parts: &[Range<usize>]) -> bool {
    let Some(first) = parts.first() else { return false };
    if content_denies(ctx, first) {
        return true;
    }
    if !first.clone().take(6).any(|i| super::lexicon::is_claim_noun(ctx.word(i)) || is_told_noun(&ctx.lower(i))) {
        return false;
    }
    let words: Vec<usize> = parts.iter().flat_map(|p| p.clone()).take(40).collect();
    if misstates_facts(ctx, &words[..words.len().min(30)]) {
        return true;
    }
    let Some(copula) = words
        .iter()
        .position(|&i| matches!(ctx.lower(i).as_str(), "is" | "are" | "was" | "were" | "be" | "remain" | "remains"))
    else {
        return false;
    };
    let false_word = |i: usize| is_falsity_word(ctx.word(i)) && ctx.lower(i) != "motivated";
    // "The claim that the ship arrived late is not true".
    let not_true = |k: usize| {
        ctx.lower(k) == "not" && matches!(ctx.lower(k + 1).as_str(), "true" | "correct" | "accurate" | "right")
    };
    // "These baseless claims are ...": the falsity may also qualify the
    // claim noun itself.
    words[..copula].iter().take(14).any(|&i| false_word(i))
        // "Both numbers are not wrong" calls them right.
        || words[copula + 1..].iter().take(8).any(|&i| false_word(i) && !matches!(ctx.lower(i.saturating_sub(1)).as_str(), "not" | "never"))
        || words.get(copula + 1).is_some_and(|&i| not_true(i))
}
