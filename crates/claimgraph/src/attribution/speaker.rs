//! Finding the speaker's words next to a cue, and resolving them to an
//! entity: a name, a role description, an organisation described by its
//! country ("Ukraine's air force"), or a pronoun resolved to the most recent
//! compatible speaker.

use std::ops::Range;

use claimgraph_nlp::Upos;

use super::context::Ctx;
use crate::document::{EntityKind, MentionForm};
use crate::entities::gazetteer::{is_org_word, pronoun_kind, Countries, PronounKind};
use crate::entities::roles::find_roles;

/// Words between a subject and its reporting verb that belong to neither:
/// auxiliaries, negation and adverbs ("has also said", "would not deny").
pub fn is_pre_verb_filler(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "has"
            | "have"
            | "had"
            | "was"
            | "were"
            | "is"
            | "are"
            | "be"
            | "been"
            | "will"
            | "would"
            | "shall"
            | "should"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "did"
            | "does"
            | "do"
            | "also"
            | "again"
            | "later"
            | "then"
            | "further"
            | "repeatedly"
            | "previously"
            | "earlier"
            | "recently"
            | "once"
            | "already"
            | "publicly"
            | "reportedly"
            | "allegedly"
            | "categorically"
            | "firmly"
            | "strongly"
            | "flatly"
            | "explicitly"
            | "openly"
            | "privately"
            | "clearly"
            | "simply"
            | "just"
            | "not"
            | "n't"
            | "never"
            | "always"
            | "often"
            | "even"
            | "still"
            | "yet"
            | "immediately"
            | "quickly"
            | "angrily"
            | "bluntly"
            | "emphatically"
            | "vehemently"
            | "frankly"
            | "separately"
            | "officially"
            | "formally"
            | "only"
            | "first"
            | "last"
            | "finally"
            | "however"
            | "nevertheless"
            | "nonetheless"
            | "moreover"
            | "meanwhile"
            | "subsequently"
            | "likewise"
    )
}

/// Words that end a subject noun phrase on its left.
fn is_np_boundary(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "that"
            | "when"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "where"
            | "but"
            | "and"
            | "or"
            | "because"
            | "as"
            | "if"
            | "while"
            | "since"
            | "after"
            | "before"
            | "although"
            | "though"
            | "so"
            | "yet"
            | "then"
            | "until"
            | "unless"
            | "whereas"
            | "than"
            | "said"
            | "says"
            | "told"
            | ":"
            | ";"
            | "“"
            | "”"
            | "\""
            | "("
            | ")"
            | "."
            | "?"
            | "!"
            | "—"
            | "–"
    )
}

/// Finds the subject noun phrase ending just before token `end` (exclusive),
/// within `sent`. Appositions set off by commas ("Krylo Budanov, head of
/// Ukraine's intelligence, said") are included.
/// A phrase that cannot speak is no subject of a speech verb: see
/// [`can_speak`].
pub fn subject_left(ctx: &Ctx, end: usize, sent: &Range<usize>) -> Option<Range<usize>> {
    let np = subject_phrase_left(ctx, end, sent)?;
    // "The official who leads the inquiry said": the phrase before the
    // verb belongs to a relative clause; the subject is what it qualifies,
    // with the clause (its head is found before "who").
    let np = match relative_pronoun_before(ctx, np.start, sent).and_then(|k| np_left(ctx, k, sent)) {
        Some(mut head) => {
            // "voters in Florida who were voting": the head noun may stand
            // before a prepositional phrase.
            while head.start > sent.start + 1
                && matches!(ctx.lower(head.start - 1).as_str(), "in" | "of" | "from" | "at")
            {
                match np_left(ctx, head.start - 1, sent) {
                    Some(before) => head = before.start..head.end,
                    None => break,
                }
            }
            head.start..np.end
        }
        None => np,
    };
    let mut np = reduced_relative_subject(ctx, np);
    // "Japaridze himself, however, said": a discourse word set off by
    // commas after the subject is no part of it.
    while np.len() > 1
        && (ctx.word(np.end - 1) == ","
            || matches!(ctx.lower(np.end - 1).as_str(), "however" | "though" | "meanwhile" | "instead" | "therefore")
                && ctx.word(np.end - 2) == ",")
    {
        np.end -= 1;
    }
    // "The convicted himself ... said", "the bank itself forecasts": an
    // intensifying reflexive stands after the subject it repeats; alone it
    // would be resolved like a pronoun, to whoever was named last.
    let np = match (np.len(), ctx.lower(np.start).as_str()) {
        (1, "himself" | "herself" | "itself" | "themselves") => {
            np_left(ctx, np.start, sent).map_or(np.clone(), |h| h.start..np.end)
        }
        _ => np,
    };
    Some(np).filter(|np| can_speak(ctx, np))
}

/// "who", "whose", "which", "whom": a pronoun that opens a relative clause.
fn is_relative_pronoun(w: &str) -> bool {
    matches!(w, "who" | "whose" | "which" | "whom")
}

/// True when a relative clause opens at token `k`, right after a noun
/// phrase: "who", "which", ", which", or "that" without a comma ("that"
/// after a comma opens a noun's complement, "the accusation by the
/// minister, X, that ...", not a relative clause).
pub(crate) fn relative_clause_opens(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.lower(k);
    is_relative_pronoun(&w) || w == "that" || w == "," && is_relative_pronoun(&ctx.lower(k + 1))
}

/// The subject of the sentence's root verb as the parser attached it (see
/// [`parsed_subject_of`]): "A military official who spoke on condition of
/// anonymity gave ..." gives "A military official". The word-level subject
/// search needs the verb right after a noun phrase, which a relative clause
/// without commas hides.
pub fn parsed_main_subject(ctx: &Ctx, sent: &Range<usize>) -> Option<Range<usize>> {
    if !ctx.parsed {
        return None;
    }
    let inside = |h: Option<usize>| h.filter(|h| sent.contains(h));
    let root = sent.clone().find(|&k| inside(ctx.tokens[k].head).is_none() && !ctx.is_punct(k))?;
    parsed_subject_of(ctx, root, sent)
}

/// The active subject of verb `verb` as the parser attached it: its head
/// noun with the words before it and the prepositional phrases after it,
/// but not a relative clause or participle hanging from it ("Siam Research
/// Centre, which asked 2,000 people, found ..." gives "Siam Research
/// Centre"). `None` without a parse, for a passive subject, or when the
/// subject's words are not one unbroken run.
pub fn parsed_subject_of(ctx: &Ctx, verb: usize, sent: &Range<usize>) -> Option<Range<usize>> {
    if !ctx.parsed {
        return None;
    }
    let inside = |h: Option<usize>| h.filter(|h| sent.contains(h));
    // Only a subject before its verb: an inverted one ("..., relates
    // Andrade Salinas, who ...") is read by the rules for inverted speakers.
    let subj =
        (sent.start..verb).find(|&k| ctx.tokens[k].head == Some(verb) && ctx.tokens[k].deprel.as_str() == "nsubj")?;
    // Only a noun or a name: a pronoun the word-level search reads itself
    // ("who", "I" inside a quotation), and anything else is a misparse
    // ("settles it", "any of the shootings"); a verb inside a quotation
    // is the quoted speaker's, not the sentence's.
    if !matches!(ctx.tokens[subj].upos, Upos::NOUN | Upos::PROPN) || ctx.quote_of[verb].is_some() {
        return None;
    }
    // A "noun" with an object pronoun after it is a verb the tagger missed
    // ("I guess that settles it, said ...").
    if ctx.tokens.get(subj + 1).is_some_and(|t| t.upos == Upos::PRON)
        && matches!(ctx.lower(subj + 1).as_str(), "it" | "him" | "her" | "them" | "us" | "me" | "you")
    {
        return None;
    }
    // The words under the subject, up to the first that hangs from a
    // clause (a relative clause, a participle) or leaves the subject. The
    // walk is bounded by the sentence's length, so a cycle in a malformed
    // tree ends it.
    let under_subject = |mut k: usize| {
        for _ in 0..sent.len() {
            if k == subj {
                return true;
            }
            match inside(ctx.tokens[k].head) {
                Some(h) if !ctx.tokens[k].deprel.is("acl") => k = h,
                _ => return false,
            }
        }
        false
    };
    let start = (sent.start..=subj).find(|&k| under_subject(k))?;
    // Punctuation opening the phrase is no part of it; a preposition or
    // subordinator opening it means the parser took an adjunct ("after the
    // interview") for the subject.
    let start = (start..=subj).find(|&k| !ctx.is_punct(k)).unwrap_or(subj);
    if matches!(ctx.tokens[start].upos, Upos::ADP | Upos::SCONJ | Upos::CCONJ) {
        return None;
    }
    let end = (subj + 1..verb.max(subj + 1)).take_while(|&k| under_subject(k)).last().map_or(subj + 1, |k| k + 1);
    // A comma, dash, preposition or conjunction closing the phrase ("Many
    // speakers at the service — including") is no part of it.
    let end = (start + 1..=end)
        .rev()
        .find(|&e| {
            !ctx.is_punct(e - 1)
                && !matches!(ctx.tokens[e - 1].upos, Upos::ADP | Upos::CCONJ | Upos::SCONJ)
                && ctx.lower(e - 1) != "including"
        })
        .unwrap_or(end);
    // Between the subject and its verb stand only the subject's own clauses
    // and the verb's punctuation, auxiliaries and adverbs: anything else (a
    // clause of its own, "The group ... affirms it received X, and documents
    // indicate") means the parser tied the verb to a subject further back.
    let descends = |mut k: usize| {
        for _ in 0..sent.len() {
            if k == subj {
                return true;
            }
            match inside(ctx.tokens[k].head) {
                Some(h) => k = h,
                None => return false,
            }
        }
        false
    };
    let verbs_own = |k: usize| {
        ctx.tokens[k].head == Some(verb)
            && (ctx.is_punct(k) || ["advmod", "aux", "neg", "punct"].iter().any(|r| ctx.tokens[k].deprel.is(r)))
    };
    // The parser often misattaches the inside of a relative clause ("A
    // father whose two children study in a school said"): one that opens
    // right after the subject may stand between, provided no second
    // statement does (a semicolon, a reporting verb of its own).
    let relative = |k: usize| is_relative_pronoun(&ctx.lower(k));
    let opens_relative = relative_clause_opens(ctx, end);
    let statement_between = (end..verb).any(|k| {
        ctx.word(k) == ";"
            || ctx.word(k) == "," && matches!(ctx.lower(k + 1).as_str(), "and" | "but")
            // A reporting verb of the relative clause itself ("which asked
            // 2,000 people") is no second statement.
            || ctx.is_finite_verb(k) && super::lexicon::cue_verb(&ctx.lower(k)).is_some() && !(k > 0 && relative(k - 1))
    });
    let clear = (end..verb).all(|k| descends(k) || verbs_own(k)) || opens_relative && !statement_between;
    // Words quoted apart from the verb ("... I know nothing of him,"
    // relates X) are someone's speech, not the verb's subject.
    let same_quote = (start..end).all(|k| ctx.quote_of[k] == ctx.quote_of[verb]);
    (clear && same_quote && (start..end).all(under_subject)).then_some(start..end)
}

/// "names a man it describes as": in a relative clause without "that",
/// the verb's own subject is the pronoun right before it, not the noun it
/// qualifies; `np`, a noun then a pronoun with a finite verb right after
/// it, is cut down to that pronoun.
pub fn reduced_relative_subject(ctx: &Ctx, np: Range<usize>) -> Range<usize> {
    match np.end.checked_sub(1) {
        Some(last)
            if np.len() > 1
                && ctx.tagged
                && matches!(ctx.lower(last).as_str(), "it" | "he" | "she" | "they" | "we")
                // ("In the statement of the Directorate it was claimed": a
                // name before the pronoun too.)
                && matches!(ctx.tokens[last - 1].upos, Upos::NOUN | Upos::PROPN)
                && np.end < ctx.tokens.len()
                && ctx.is_finite_verb(np.end) =>
        {
            last..np.end
        }
        _ => np,
    }
}

/// The relative pronoun ("who", "which") that opens a relative clause
/// without commas ending at `np_start`, when its own finite verb stands
/// between them: "The commission which investigates the causes of the
/// accident announced".
fn relative_pronoun_before(ctx: &Ctx, np_start: usize, sent: &Range<usize>) -> Option<usize> {
    if !ctx.tagged {
        return None;
    }
    let lowest = np_start.saturating_sub(15).max(sent.start + 1);
    // Asked for every subject: words are compared in place, not lowered.
    for k in (lowest..np_start).rev() {
        let w = ctx.word(k);
        if matches!(w, "," | ";" | ":" | "(" | ")") || ctx.quote_of[k].is_some() {
            return None;
        }
        if w.eq_ignore_ascii_case("who") || w.eq_ignore_ascii_case("which") {
            let own_verb = (k + 1..np_start).any(|i| ctx.is_finite_verb(i));
            let head_noun = matches!(ctx.tokens[k - 1].upos, Upos::NOUN | Upos::PROPN);
            return (own_verb && head_noun).then_some(k);
        }
        // "A property developer suing a newspaper for libel told", "officials
        // investigating the crash said": a participle clause on the noun.
        if ctx.tokens[k].upos == Upos::VERB
            && w.ends_with("ing")
            && ctx.tokens[k - 1].upos == Upos::NOUN
            && !(k + 1..np_start).any(|i| ctx.is_finite_verb(i))
        {
            return Some(k);
        }
    }
    None
}

/// False for a noun phrase that can be a verb's subject but never a source:
/// a span of time ("seven hours later announced", "a few minutes said",
/// misread when the real subject sits elsewhere in a garbled sentence), or
/// one of [`NEVER_SOURCES`]. A capitalised head is a name part ("Eva
/// Resnick-Day"), not a time.
pub fn can_speak(ctx: &Ctx, np: &Range<usize>) -> bool {
    if np.is_empty() {
        return false;
    }
    let head = ctx.word(np_head(ctx, np));
    if head.chars().next().is_some_and(char::is_uppercase) {
        return true;
    }
    !matches!(
        singular_lower(head).as_str(),
        "second" | "minute" | "hour" | "day" | "week" | "month" | "year" | "decade" | "moment" | "while"
    ) && !NEVER_SOURCES.contains(&head.to_lowercase().as_str())
}

/// Heads of noun phrases that stand where a source would but never are
/// one: "for his part indicated" (a discourse phrase), "pays according to
/// the tonnage", "according to the law" (a measure or a rule), "rejected
/// the accusations" (what was said, not who said it).
const NEVER_SOURCES: &[&str] = &[
    "part",
    "tonnage",
    "weight",
    "size",
    "volume",
    "rule",
    "rules",
    "regulation",
    "regulations",
    "law",
    "laws",
    "legislation",
    "schedule",
    "timetable",
    "procedure",
    "procedures",
    "tradition",
    "custom",
    "norm",
    "norms",
    "standard",
    "standards",
    "criteria",
    "terms",
    "conditions",
    "price",
    "prices",
    "tariff",
    "tariffs",
    "accusation",
    "accusations",
    "allegation",
    "allegations",
    "charge",
    "charges",
    "version",
    "versions",
    "case",
    "cases",
];

fn subject_phrase_left(ctx: &Ctx, end: usize, sent: &Range<usize>) -> Option<Range<usize>> {
    let mut j = end;
    // Peel off, right to left, what stands between the subject and its verb:
    // auxiliaries and adverbs, a parenthesis ("Mike Pence (R-IN) said"),
    // adjunct phrases ("on Saturday in the meeting of the council"), and a
    // relative clause or adjunct set off by commas (", who asked not to be
    // named,", ", in an interview,").
    loop {
        let before = j;
        // ("neither" only here: "Villamil neither confirmed nor denied";
        // as a filler it would hide the negation of "neither government
        // had published".)
        while j > sent.start && (is_pre_verb_filler(ctx.word(j - 1)) || ctx.lower(j - 1) == "neither") {
            j -= 1;
        }
        // "for his part", "in her turn", "on their part": a discourse
        // phrase between the subject and its verb, commas around it or not
        // ("The representative, for his part, denied").
        let mut j_part = j;
        if j_part > sent.start + 4
            && ctx.word(j_part - 1) == ","
            && matches!(ctx.lower(j_part - 2).as_str(), "part" | "turn")
        {
            j_part -= 1;
        }
        if j_part >= sent.start + 4
            && matches!(ctx.lower(j_part - 3).as_str(), "for" | "in" | "on")
            && matches!(ctx.lower(j_part - 2).as_str(), "his" | "her" | "their" | "its" | "our" | "my")
            && matches!(ctx.lower(j_part - 1).as_str(), "part" | "turn")
        {
            j = j_part - 3;
            while j > sent.start && ctx.word(j - 1) == "," {
                j -= 1;
            }
            continue;
        }
        if j >= sent.start + 4
            && matches!(ctx.lower(j - 3).as_str(), "for" | "in" | "on")
            && matches!(ctx.lower(j - 2).as_str(), "his" | "her" | "their" | "its" | "our" | "my")
            && matches!(ctx.lower(j - 1).as_str(), "part" | "turn")
        {
            j -= 3;
            while j > sent.start && ctx.word(j - 1) == "," {
                j -= 1;
            }
            continue;
        }
        if j > sent.start + 1 && ctx.word(j - 1) == ")" {
            let mut k = j - 1;
            while k > sent.start && ctx.word(k - 1) != "(" && j - k < 16 {
                k -= 1;
            }
            if k > sent.start + 1 && ctx.word(k - 1) == "(" {
                j = k - 1;
                continue;
            }
        }
        if j > sent.start && ctx.word(j - 1) != "," {
            if let Some(np) = np_left(ctx, j, sent) {
                let p = np.start;
                // "a source close to the ministry", "officials loyal to the
                // general": the phrase completes an adjective of the subject.
                if p > sent.start + 2
                    && ctx.lower(p - 1) == "to"
                    && matches!(
                        ctx.lower(p - 2).as_str(),
                        "close" | "closer" | "near" | "loyal" | "affiliated" | "linked"
                    )
                {
                    // The tagger may read "Sources close to" as a verb: the
                    // phrase then ends before the adjective.
                    if let Some(head) = np_left(ctx, p - 1, sent).or_else(|| np_left(ctx, p - 2, sent)) {
                        return Some(head.start..np.end);
                    }
                }
                // "..., while the country's main union said": "while" (as
                // "whereas") opens a clause whose subject is this phrase; it
                // is an adjunct only before a phrase without a verb ("X,
                // while in Moscow, said").
                let opens_clause =
                    j == end && p > sent.start && matches!(ctx.lower(p - 1).as_str(), "while" | "whereas");
                if opens_clause {
                    return Some(np);
                }
                // "The office in its report published last week found": a
                // time phrase, then the participle of a reduced relative
                // clause, stand between the subject and its verb.
                let time_phrase = super::rules::time_phrase_len(ctx, p, sent) == Some(np.len());
                if time_phrase && p > sent.start + 1 && ctx.tagged && ctx.tokens[p - 1].xpos.as_str() == "VBN" {
                    j = p - 1;
                    continue;
                }
                if p > sent.start + 1 && (is_adjunct_preposition(&ctx.lower(p - 1)) || ctx.lower(p - 1) == "by") {
                    j = p - 1;
                    // "two residents contacted by telephone": the participle
                    // of a reduced relative clause goes with its phrase.
                    if j > sent.start + 1
                        && ctx.tagged
                        && matches!(ctx.tokens[j - 1].xpos.as_str(), "VBN" | "VBG")
                        && !ctx.is_finite_verb(j - 1)
                    {
                        j -= 1;
                    }
                    continue;
                }
            }
        }
        if j > sent.start && ctx.word(j - 1) == "," {
            if let Some(k) = previous_comma(ctx, j - 1, sent) {
                let first = ctx.lower(k + 1);
                // ", speaking on condition of anonymity," — a participle clause.
                // ", asked about the reports," — a past participle clause.
                let participle = first.ends_with("ing")
                    && (!ctx.tagged || ctx.tokens[k + 1].upos == claimgraph_nlp::Upos::VERB)
                    || ctx.tagged
                        && k > sent.start
                        && (ctx.tokens[k + 1].xpos.as_str() == "VBN"
                            || ctx.tokens[k + 1].xpos.as_str() == "VBD" && first.ends_with("ed"));
                // ", as the minister's name is written in Somali," — an
                // aside about the subject.
                let aside = first == "as" && ctx.lower(k + 2) != "as";
                if is_relative(&first) || is_adjunct_preposition(&first) || participle || aside {
                    j = k;
                    continue;
                }
            }
        }
        if j == before {
            break;
        }
    }
    if j <= sent.start {
        return None;
    }
    // Appositions closed by a comma right before the verb: "Krylo Budanov,
    // head of Ukraine's intelligence, said", "Ms. Tran Thi Lan, 24 years
    // old, from Nghe An, one of the rescued persons, told". The chain of
    // comma-separated segments is walked leftwards while each segment reads
    // as an apposition; the subject starts at the leftmost head found.
    if ctx.word(j - 1) == "," {
        let close = j - 1;
        let mut commas = vec![close];
        let mut cur = close;
        while let Some(k) = previous_comma(ctx, cur, sent) {
            commas.push(k);
            cur = k;
            if commas.len() > 6 {
                break;
            }
        }
        let mut best: Option<usize> = None;
        for idx in 1..commas.len() {
            let c = commas[idx];
            let seg = c + 1..commas[idx - 1];
            if !is_apposition_segment(ctx, &seg) {
                break;
            }
            match np_left(ctx, c, sent) {
                // "For his part, the representative ..., X, asked": the
                // discourse phrase opens the sentence; the subject follows.
                Some(head) if is_discourse_part(ctx, &head) => break,
                Some(head) => best = Some(over_reduced_relative(ctx, head.start, sent)),
                None => break,
            }
        }
        // A single apposition whose comma opens the sentence part: "The
        // spokesman, Colonel X, said" where nothing stands before.
        return best.map(|s| s..close);
    }
    let np = np_left(ctx, j, sent)?;
    // "The head of the authority that runs the dam told": the phrase is the
    // object of a relative clause on the subject, which starts before it.
    let p = np.start;
    if ctx.tagged
        && p >= sent.start + 3
        && matches!(ctx.tokens[p - 1].upos, claimgraph_nlp::Upos::VERB)
        && matches!(ctx.lower(p - 2).as_str(), "that" | "who" | "which")
    {
        if let Some(antecedent) = np_left(ctx, p - 2, sent).filter(|a| can_speak(ctx, a)) {
            return Some(antecedent.start..np.end);
        }
    }
    Some(np)
}

/// Where a noun phrase starts when the phrase at `start` is the object of a
/// reduced relative clause on it: "The businessman named in the allegation"
/// (from "the allegation" back to "The businessman").
fn over_reduced_relative(ctx: &Ctx, start: usize, sent: &Range<usize>) -> usize {
    let mut s = start;
    if !ctx.tagged {
        return s;
    }
    for _ in 0..2 {
        if s < sent.start + 3 {
            break;
        }
        let prep = s - 1;
        let participle = prep - 1;
        let is_prep = is_adjunct_preposition(&ctx.lower(prep)) || ctx.lower(prep) == "by";
        let is_participle =
            matches!(ctx.tokens[participle].xpos.as_str(), "VBN" | "VBG") && !ctx.is_finite_verb(participle);
        if !(is_prep && is_participle) {
            break;
        }
        match np_left(ctx, participle, sent) {
            Some(np) if np.end == participle && can_speak(ctx, &np) => s = np.start,
            _ => break,
        }
    }
    s
}

/// True for "his part" of "for his part" (also "her turn", "their part"):
/// a discourse phrase, not a noun phrase that can speak.
fn is_discourse_part(ctx: &Ctx, np: &Range<usize>) -> bool {
    np.len() == 2
        && np.start > 0
        && matches!(ctx.lower(np.start - 1).as_str(), "for" | "in" | "on")
        && matches!(ctx.lower(np.start).as_str(), "his" | "her" | "their" | "its" | "our" | "my")
        && matches!(ctx.lower(np.start + 1).as_str(), "part" | "turn")
}

/// True when a comma-separated segment reads as an apposition or modifier
/// of a noun phrase: no finite verb outside a relative clause, not opened by
/// a conjunction, not too long.
fn is_apposition_segment(ctx: &Ctx, seg: &Range<usize>) -> bool {
    if seg.is_empty() || seg.len() > 20 {
        return false;
    }
    let first = ctx.lower(seg.start);
    if matches!(first.as_str(), "and" | "but" | "or" | "so" | "because" | "although" | "if" | "when" | "while") {
        return false;
    }
    if is_relative(&first) {
        return true;
    }
    // Verbs inside a relative clause ("a former pilot who took command")
    // do not count.
    let rel = seg.clone().find(|&k| is_relative(&ctx.lower(k))).unwrap_or(seg.end);
    !(seg.start..rel).any(|k| ctx.tagged && ctx.is_finite_verb(k) && ctx.quote_of[k].is_none())
}

/// The noun phrase ending right before `end` (for a relative pronoun's
/// antecedent).
pub fn noun_phrase_before(ctx: &Ctx, end: usize, sent: &Range<usize>) -> Option<Range<usize>> {
    np_left(ctx, end, sent)
}

/// The comma before position `close` that opens an apposition or
/// parenthetical ending there, within 30 words and without crossing a
/// colon, semicolon or quotation mark.
fn previous_comma(ctx: &Ctx, close: usize, sent: &Range<usize>) -> Option<usize> {
    let mut k = close;
    while k > sent.start && close - k < 30 {
        k -= 1;
        let w = ctx.word(k);
        if w == "," {
            return Some(k);
        }
        if matches!(w, ":" | ";" | "“" | "”" | "\"" | "(" | ")") {
            return None;
        }
    }
    None
}

/// Relative pronouns that open a clause inside a noun phrase.
fn is_relative(w: &str) -> bool {
    matches!(w, "who" | "which" | "whose" | "whom" | "where" | "that")
}

/// Prepositions that open adjuncts standing between a subject and its verb.
fn is_adjunct_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "during"
            | "after"
            | "before"
            | "via"
            | "through"
            | "amid"
            | "following"
            | "upon"
            | "while"
            | "with"
            | "from"
            | "since"
            | "last"
            | "earlier"
            | "later"
            | "today"
            | "yesterday"
            | "to"
    )
}

/// The noun phrase ending just before token `end` (exclusive): a mention
/// ending there (extended over a role description before it), a pronoun, or
/// a run of noun-phrase words back to a boundary.
fn np_left(ctx: &Ctx, end: usize, sent: &Range<usize>) -> Option<Range<usize>> {
    if end <= sent.start {
        return None;
    }
    let last = end - 1;
    if pronoun_kind(ctx.word(last)).is_some()
        && !matches!(ctx.lower(last).as_str(), "his" | "her" | "its" | "their" | "our" | "my")
    {
        return Some(last..end);
    }
    if let Some(m) = ctx.mention_ending_at(last) {
        let start_byte = ctx.doc.mentions[m].span.start;
        let mut s = ctx.tokens.partition_point(|t| t.end <= start_byte);
        // Extend over a determiner, a title or role noun directly before
        // ("Kremlin spokesman Dmitry Peskov", "the ministry").
        while s > sent.start
            && !is_np_boundary(ctx.word(s - 1))
            && ctx.word(s - 1) != ","
            && ctx.is_np_word(s - 1)
            && !ctx.can_be_clause_word(s - 1)
            && !is_loose_dash(ctx, s - 1)
        {
            s -= 1;
        }
        return Some(s..end);
    }
    // A quoted name: the company "Aegeus Maritime".
    if let Some(q) = ctx.closes_quote(last) {
        let open = ctx.quotes[q].open;
        if last - open <= 6 && open > sent.start {
            let mut s = open;
            while s > sent.start
                && ctx.is_np_word(s - 1)
                && !is_np_boundary(ctx.word(s - 1))
                && !ctx.can_be_clause_word(s - 1)
            {
                s -= 1;
            }
            return Some(s..end);
        }
    }
    let mut s = end;
    while s > sent.start {
        // A parenthesised acronym inside the phrase: "Relations (ISPR) of".
        if ctx.word(s - 1) == ")" {
            if let Some(open) = (s.saturating_sub(5)..s - 1).rev().find(|&k| ctx.word(k) == "(") {
                if open > sent.start {
                    s = open;
                    continue;
                }
            }
        }
        let w = ctx.word(s - 1);
        if is_np_boundary(w)
            || w == ","
            || !ctx.is_np_word(s - 1)
            || ctx.can_be_clause_word(s - 1)
            || is_loose_dash(ctx, s - 1)
        {
            break;
        }
        s -= 1;
    }
    // A phrase does not start with a preposition ("of the Pakistan army").
    while s < end && matches!(ctx.lower(s).as_str(), "of" | "for") {
        s += 1;
    }
    (s < end).then_some(s..end)
}

impl Ctx<'_> {
    /// True for words that cannot be inside a subject noun phrase (verbs,
    /// prepositions that start adverbials at the sentence start, "according").
    pub fn can_be_clause_word(&self, i: usize) -> bool {
        let l = self.lower(i);
        if matches!(
            l.as_str(),
            "according"
                | "to"
                | "in"
                | "on"
                | "at"
                | "by"
                | "with"
                | "from"
                | "during"
                | "regarding"
                | "about"
                | "into"
                | "over"
                | "under"
                | "after"
                | "since"
                | "until"
                | "via"
        ) {
            // "of" and "for" stay: "the head of X", "the spokesman for X".
            return true;
        }
        if self.is_prenominal_participle(i) || self.is_mistagged_noun(i) || self.is_nominal_participle(i) {
            return false;
        }
        if self.tagged {
            return matches!(
                self.tokens[i].upos,
                claimgraph_nlp::Upos::VERB
                    | claimgraph_nlp::Upos::AUX
                    | claimgraph_nlp::Upos::SCONJ
                    | claimgraph_nlp::Upos::CCONJ
            );
        }
        super::lexicon::cue_verb(&l).is_some() || is_pre_verb_filler(&l)
    }
}

/// A dash with space on both sides ("Khartoum - The spokesman"): a dateline
/// or parenthetical break, not a hyphen inside a word.
pub(crate) fn is_loose_dash(ctx: &Ctx, i: usize) -> bool {
    let t = &ctx.tokens[i];
    matches!(ctx.word(i), "-" | "—" | "–")
        && i > 0
        && ctx.tokens[i - 1].end < t.start
        && ctx.tokens.get(i + 1).is_none_or(|n| n.start > t.end)
}

/// Finds the noun phrase starting at token `start` (inverted speaker: "...,
/// said Budanov."), up to a comma, a sentence end or a clause word.
pub fn np_right(ctx: &Ctx, start: usize, sent: &Range<usize>) -> Option<Range<usize>> {
    let mut e = start;
    while e < sent.end {
        // A name runs to its end ("the Levant Monitor for Human Rights").
        if let Some(m) = ctx.mentions_in(ctx.span(e, e + 1)).next() {
            let end_byte = ctx.doc.mentions[m].span.end;
            let m_end = ctx.tokens.partition_point(|t| t.end <= end_byte);
            if ctx.doc.mentions[m].span.start <= ctx.tokens[e].start && m_end > e {
                e = m_end.min(sent.end);
                continue;
            }
        }
        // A quoted word inside the phrase: according to the "ministry".
        if let Some(q) = ctx.opens_quote(e) {
            let quote = ctx.quotes[q];
            if quote.closed && quote.close - quote.open <= 4 && quote.close < sent.end {
                e = quote.close + 1;
                continue;
            }
        }
        let w = ctx.word(e);
        // "the Office for Kosovo and Metohija": "and" between two
        // capitalised words inside an "of"/"for" phrase.
        let cap = |k: usize| ctx.word(k).chars().next().is_some_and(char::is_uppercase);
        if w == "and"
            && e > start
            && e + 1 < sent.end
            && cap(e - 1)
            && cap(e + 1)
            && (start..e).any(|k| matches!(ctx.lower(k).as_str(), "of" | "for"))
        {
            e += 1;
            continue;
        }
        if w == ","
            || is_np_boundary(w)
            || (e > start && ctx.can_be_clause_word(e) && !matches!(ctx.lower(e).as_str(), "of" | "for"))
        {
            break;
        }
        if !ctx.is_np_word(e) {
            break;
        }
        e += 1;
    }
    (e > start).then_some(start..e)
}

/// How a speaker resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// To an entity of the document.
    Entity(usize),
    /// To nothing (anonymous or unknown).
    None,
}

/// True for a token of a title written before a name: a title word or an
/// honorific ("Lieutenant", "Colonel", "Dr"), or an abbreviation's full stop.
pub(crate) fn is_title_token(w: &str) -> bool {
    w == "." || crate::entities::names::is_title_word(w) || crate::entities::names::is_honorific(w)
}

/// Resolves the speaker words `np` to an entity. `recent` lists earlier
/// speakers (entity, kind, token position), most recent last.
pub fn resolve(ctx: &Ctx, np: &Range<usize>, recent: &[(usize, usize, EntityKind)]) -> Resolution {
    let span = ctx.span(np.start, np.end);
    let head = np_head(ctx, np);
    let mentions: Vec<usize> = ctx.mentions_in(span).filter(|&m| ctx.doc.mentions[m].entity.is_some()).collect();
    let entity_of = |m: usize| ctx.doc.mentions[m].entity.unwrap_or(0);
    // 1. A person named inside the phrase ("the spokesman ..., Nasser
    // Kanani"); the last one, since an appositive name follows the role,
    // unless the phrase opens with the name and describes it after a comma
    // ("Mira Lindqvist, Central Asia director of ...").
    let person_name = |m: usize| {
        let mention = &ctx.doc.mentions[m];
        mention.form == MentionForm::Name && ctx.doc.entities[entity_of(m)].kind == EntityKind::Person
    };
    let opening = mentions.iter().copied().find(|&m| {
        let end = ctx.doc.mentions[m].span.end;
        // The token right after the name.
        let after = ctx.tokens.partition_point(|t| t.start < end);
        // Titles before the name ("Dr. Wanida Srisuk, director of ...")
        // still open the phrase with it.
        let first = ctx.tokens.partition_point(|t| t.start < ctx.doc.mentions[m].span.start);
        let titles_only = (np.start..first).all(|k| is_title_token(ctx.word(k)));
        person_name(m) && titles_only && first >= np.start && after < np.end && ctx.word(after) == ","
    });
    // A name after "in" or "at" ("the director X at the briefing in
    // Angren") is a place the recogniser took for a person.
    let after_locative = |m: usize| {
        let first = ctx.doc.analysis.token_at_or_after(ctx.doc.mentions[m].span.start);
        first > np.start && matches!(ctx.lower(first - 1).as_str(), "in" | "at" | "near")
    };
    if let Some(m) = opening.or_else(|| mentions.iter().rev().copied().find(|&m| person_name(m) && !after_locative(m)))
    {
        return Resolution::Entity(entity_of(m));
    }
    // 2. A pronoun.
    if np.len() == 1 {
        if let Some(kind) = pronoun_kind(ctx.word(np.start)) {
            return resolve_pronoun(ctx, np.start, kind, recent);
        }
    }
    // 3. A role description the entity stage already resolved.
    let head_byte = ctx.tokens[head].start;
    if let Some(&m) = mentions.iter().find(|&&m| {
        let mention = &ctx.doc.mentions[m];
        mention.form == MentionForm::Role && mention.span.start <= head_byte && head_byte < mention.span.end
    }) {
        // A description the entity stage could not tie to a name ("the
        // official" of no named official) may still continue the previous
        // sentence's person (step 4b).
        let e = entity_of(m);
        let named = ctx.doc.entities[e].mentions.iter().any(|&k| ctx.doc.mentions[k].form == MentionForm::Name);
        // "The spokesman of the National Police" taken for the police: a
        // person named later in an apposition is the speaker; so is one
        // for a description tied to no name, unless the previous sentences
        // continue a person.
        let person = ctx.doc.entities[e].kind == EntityKind::Person;
        if !person {
            if let Some(p) = named_later(ctx, np, head) {
                return Resolution::Entity(p);
            }
        }
        if !named {
            let continued = generic_person_continuation(ctx, np, head, recent);
            if let Some(p) = continued.or_else(|| if person { named_later(ctx, np, head) } else { None }) {
                return Resolution::Entity(p);
            }
        }
        return Resolution::Entity(e);
    }
    // 4. A role description at the head: the entity holding that role.
    if let Some(e) = resolve_role(ctx, np, head) {
        return Resolution::Entity(e);
    }
    // 4b. A generic noun for a person ("the official", "the functionary",
    // "the executive") that no role of the document matches: the person
    // the previous sentence was about (see [`generic_person_noun`]).
    if let Some(e) = generic_person_continuation(ctx, np, head, recent) {
        return Resolution::Entity(e);
    }
    // 4c. "The SP" after "SP R.K. Srivastava": an abbreviated title the
    // document wrote before one person's name.
    if let Some(e) = abbreviated_title_holder(ctx, np) {
        return Resolution::Entity(e);
    }
    // 4c''. "The defence contests all. The lawyer of the two agents, X,
    // said": a party to a case speaks through its one lawyer.
    if let Some(e) = court_party_counsel(ctx, np) {
        return Resolution::Entity(e);
    }
    // 4c'. "The cacique" after "the cacique Ava Poty Verá": a noun the
    // text wrote before one person's name.
    if let Some(e) = descriptor_holder(ctx, np, head) {
        return Resolution::Entity(e);
    }
    // 4d. A person described first and named a little later: "The
    // spokesman of the police said ... . The spokesman, Commissioner A,
    // ...".
    if let Some(e) = named_later(ctx, np, head) {
        return Resolution::Entity(e);
    }
    // 4e. "A property developer ... told the court that ... . Graham
    // Whitcombe, 58, is claiming ...": a lead that describes its person
    // and names them in the next sentence.
    if let Some(e) = identified_next(ctx, np, head) {
        return Resolution::Entity(e);
    }
    // 4f. "Harudan's water minister on Friday dismissed ... . "...,"
    // Muhammad Saleh Idrisi told reporters": a lead's description whose
    // person speaks, named, in the next sentence.
    if let Some(e) = quoted_next(ctx, np, head) {
        return Resolution::Entity(e);
    }
    // 4g. "X published its report ... . According to the report, ...":
    // a document the text said someone issued is that one's word.
    if let Some(e) = issued_document(ctx, np, head, recent) {
        return Resolution::Entity(e);
    }
    // 5. An organisation: named at the head, described by its head noun
    // ("the ministry", "the forces"), or through one of its units or
    // documents ("the media office of the forces", "the statement").
    if let Some(e) = resolve_organisation(ctx, np, head, recent) {
        return Resolution::Entity(e);
    }
    // 6. Any other name that is the whole phrase.
    if let Some(&m) = mentions.iter().find(|&&m| ctx.doc.mentions[m].span == span) {
        return Resolution::Entity(entity_of(m));
    }
    Resolution::None
}

/// The head word of a noun phrase: the last word before "of", "for", a
/// comma or a relative clause; or the last word.
pub fn np_head(ctx: &Ctx, np: &Range<usize>) -> usize {
    for i in np.clone() {
        if i > np.start
            && matches!(
                ctx.lower(i).as_str(),
                "of" | "for" | "," | "who" | "which" | "that" | "in" | "at" | "from" | "("
            )
        {
            return i - 1;
        }
        // "A property developer suing a newspaper": a participle clause.
        if i > np.start
            && ctx.tagged
            && ctx.tokens[i].upos == Upos::VERB
            && ctx.tokens[i - 1].upos == Upos::NOUN
            && ctx.word(i).ends_with("ing")
        {
            return i - 1;
        }
    }
    np.end.saturating_sub(1).max(np.start)
}

/// Resolves a role description at the head of `np` ("the spokesman", "the
/// commander of the police of Isfahan province", "the colonel") to the
/// entity that holds a matching role: the best word overlap, then the most
/// recently mentioned.
fn resolve_role(ctx: &Ctx, np: &Range<usize>, head: usize) -> Option<usize> {
    let roles = find_roles(&ctx.doc.text, ctx.tokens, np.clone());
    let role = roles.iter().find(|r| r.head == head).or_else(|| roles.first())?;
    if role.indefinite || role.key.plural {
        return None;
    }
    let before = ctx.tokens[np.start].start;
    let mut best: Option<(usize, usize, usize)> = None; // (overlap, last mention, entity)
    for (e, keys) in ctx.entity_roles.iter().enumerate() {
        for k in keys {
            if k.class != role.key.class || k.plural {
                continue;
            }
            if let (Some(a), Some(b)) = (&k.country, &role.key.country) {
                if a != b {
                    continue;
                }
            }
            let overlap = k.words.intersection(&role.key.words).count();
            // A described role must share a word with the held one unless
            // either side is bare ("the spokesman").
            if overlap == 0 && !k.words.is_empty() && !role.key.words.is_empty() {
                continue;
            }
            let last = ctx.doc.entities[e]
                .mentions
                .iter()
                .map(|&m| ctx.doc.mentions[m].span.start)
                .filter(|&s| s < before)
                .max();
            let Some(last) = last else { continue };
            if best.is_none_or(|(o, l, _)| (overlap, last) > (o, l)) {
                best = Some((overlap, last, e));
            }
        }
    }
    best.map(|(_, _, e)| e)
}

/// Nouns that news and translations use for a person already introduced
/// by name and title, to avoid repeating either: "Deputy Minister A
/// defended the timing. The official said ...", "The president of the
/// commission, B, declared .... The functionary stressed ...".
fn generic_person_noun(w: &str) -> bool {
    matches!(
        w,
        "official"
            | "functionary"
            | "executive"
            | "officer"
            | "politician"
            | "lawmaker"
            | "legislator"
            | "diplomat"
            | "activist"
            | "campaigner"
            | "commissioner"
            | "physician"
            | "doctor"
            | "expert"
            | "analyst"
            | "economist"
            | "scientist"
            | "researcher"
            | "academic"
            | "businessman"
            | "businesswoman"
            | "entrepreneur"
            | "magnate"
            | "tycoon"
            | "veteran"
            | "dignitary"
            | "statesman"
            | "stateswoman"
            | "jurist"
            | "lawyer"
            | "attorney"
            | "representative"
    )
}

/// Step 4b of [`resolve`]: "the" and a [`generic_person_noun`] (adjectives
/// between them allowed, nothing after the head), or "the" and a role
/// noun that no entity's role matched ("the president of the commission"
/// after "the president of the CNE, X"), continues the person the text was
/// just about: of the up to [`CONTINUATION_SENTENCES`] sentences before,
/// the nearest that tells of a person gives the latest speaker quoted
/// there, else its subject when that names a person, else the one person
/// it names. A role noun wants that person to hold a role of its class.
/// Nothing when the phrase's own sentence names a person before it (the
/// other steps weigh that one), or when the nearest such sentence quotes
/// no person or names several (an anonymous "official" introduced earlier
/// stays a description).
fn generic_person_continuation(
    ctx: &Ctx,
    np: &Range<usize>,
    head: usize,
    recent: &[(usize, usize, EntityKind)],
) -> Option<usize> {
    if ctx.lower(np.start) != "the" {
        return None;
    }
    // "The Kentucky Republican and the New York businessman": two people.
    if np.clone().any(|i| matches!(ctx.lower(i).as_str(), "and" | "or" | "&")) {
        return None;
    }
    let class = if head + 1 == np.end && generic_person_noun(&ctx.lower(head)) {
        None
    } else {
        let roles = find_roles(&ctx.doc.text, ctx.tokens, np.clone());
        let role = roles.iter().find(|r| r.head == head)?;
        if role.indefinite || role.key.plural {
            return None;
        }
        // "The engineer added", "the commander said" where no one of the
        // document holds that role: a bare noun of a role nobody holds is a
        // translation's way to avoid repeating the name, as a generic noun
        // is ("City police commissioner G. maintained ... the commander
        // said").
        let held = ctx.entity_roles.iter().any(|ks| ks.iter().any(|k| k.class == role.key.class));
        // Only "the" and the noun: a modifier ("the Omani mediator", "the
        // police source") describes someone of its own.
        (held || np.len() != 2).then(|| role.key.class.clone())
    };
    let holds = |e: usize| {
        class.as_ref().is_none_or(|c| ctx.entity_roles.get(e).is_some_and(|ks| ks.iter().any(|k| &k.class == c)))
    };
    let person = |e: usize| ctx.doc.entities.get(e).is_some_and(|ent| ent.kind == EntityKind::Person);
    let named_people = |from: usize, to: usize| -> Vec<usize> {
        let mut v: Vec<usize> = people_named_in(ctx, from, to).map(|(_, e)| e).collect();
        v.dedup();
        v
    };
    let si = ctx.doc.analysis.sentence_of(np.start)?;
    let own = ctx.doc.analysis.sentences.get(si)?.tokens.clone();
    // A person named in the phrase's own sentence before it ("X, who ...,
    // said. The official ..." aside) is for the other steps to weigh.
    if !named_people(ctx.tokens[own.start].start, ctx.tokens[np.start].start).is_empty() {
        return None;
    }
    for prev in (si.saturating_sub(CONTINUATION_SENTENCES)..si).rev() {
        let range = ctx.doc.analysis.sentences.get(prev)?.tokens.clone();
        let quoted = recent.iter().rev().find(|&&(_, pos, _)| range.contains(&pos)).map(|&(e, _, _)| e);
        if let Some(e) = quoted {
            return (person(e) && holds(e)).then_some(e);
        }
        let people = named_people(ctx.tokens[range.start].start, ctx.tokens[range.end - 1].end);
        if people.is_empty() {
            continue;
        }
        if prev + 1 == si {
            if let Some(e) = previous_subject_entity(ctx, np.start).filter(|&e| person(e)) {
                return holds(e).then_some(e);
            }
        }
        return (people.len() == 1 && holds(people[0])).then(|| people[0]);
    }
    None
}

/// Step 4c'' of [`resolve`]: "the defence" ("defense") and "the
/// prosecution", the sides of a trial, speak through counsel: the one
/// person of the document who holds a lawyer's role (a prosecutor's for
/// the prosecution). Nothing when several do.
fn court_party_counsel(ctx: &Ctx, np: &Range<usize>) -> Option<usize> {
    if np.len() != 2 || ctx.lower(np.start) != "the" {
        return None;
    }
    let class = match ctx.lower(np.start + 1).as_str() {
        "defence" | "defense" => "lawyer",
        "prosecution" => "prosecutor",
        _ => return None,
    };
    let mut holders = ctx.entity_roles.iter().enumerate().filter(|&(e, keys)| {
        ctx.doc.entities.get(e).is_some_and(|x| x.kind == EntityKind::Person)
            && keys.iter().any(|k| k.class == class && !k.plural)
    });
    match (holders.next(), holders.next()) {
        (Some((e, _)), None) => Some(e),
        _ => None,
    }
}

/// Step 4c' of [`resolve`]: "the" and a noun that the text wrote right
/// before the name of exactly one person earlier on, or before an "of"
/// phrase that precedes it ("the cacique Ava Poty Verá ... According to the
/// cacique", "The nurse Lucía Benavente ... the nurse said").
fn descriptor_holder(ctx: &Ctx, np: &Range<usize>, head: usize) -> Option<usize> {
    // "the Wisconsin Republican" is not every "Republican X" of the text:
    // only a bare noun, and no party word, which stands before many names.
    if ctx.lower(np.start) != "the" || np.len() != 2 || head + 1 != np.end {
        return None;
    }
    let noun = ctx.lower(head);
    if !noun.chars().all(char::is_alphabetic)
        || noun.chars().count() < 3
        || matches!(
            noun.as_str(),
            "republican" | "democrat" | "conservative" | "liberal" | "socialist" | "communist" | "independent"
        )
    {
        return None;
    }
    let before = ctx.tokens[np.start].start;
    let mut holder = None;
    // A name the recogniser could not type is a person when a person's
    // noun stands before it ("the prefect Jean-Baptiste Moreau-Lacaze").
    let named =
        ctx.doc.mentions.iter().filter(|m| m.span.end <= before && m.form == MentionForm::Name).filter_map(|m| {
            let e = m.entity?;
            matches!(ctx.doc.entities.get(e)?.kind, EntityKind::Person | EntityKind::Other).then_some((m.span.start, e))
        });
    for (start, e) in named {
        let k = ctx.tokens.partition_point(|t| t.start < start);
        // Right before the name, or before an "of" phrase that precedes it
        // ("the goalkeeper of "Torpedo-Volga" Yevgeny Kharlamov").
        let of_phrase = (k.saturating_sub(7)..k.saturating_sub(2)).any(|j| {
            ctx.lower(j) == noun
                && ctx.lower(j + 1) == "of"
                && (j + 2..k).all(|i| {
                    let w = ctx.word(i);
                    // A name in the phrase may be tagged as a verb ("Torpedo").
                    let capitalised = w.chars().next().is_some_and(char::is_uppercase);
                    !matches!(w, "," | ";" | ":" | "." | "(" | ")") && (capitalised || !ctx.is_finite_verb(i))
                })
                // The "of" phrase names something before the person ("of
                // Torpedo-Volga"), which is not itself the person.
                && (j + 2..k).any(|i| ctx.word(i).chars().next().is_some_and(char::is_uppercase))
                // The name follows the phrase: "the minister of the Defence
                // and of the Veterans" ends in the object of "of", no person.
                && !matches!(ctx.lower(k - 1).as_str(), "of" | "the" | "and" | "for" | "to" | "in" | "on" | "at")
        });
        if k > 0 && ctx.lower(k - 1) == noun || of_phrase {
            if holder.is_some_and(|h| h != e) {
                return None;
            }
            holder = Some(e);
        }
    }
    holder
}

/// Sentences after a described speaker's own in which [`named_later`]
/// looks for the name.
const NAMING_SENTENCES: usize = 5;

/// Step 4d of [`resolve`]: a definite description of one person ("the
/// spokesman of the National Police", "the head of the board's aviation
/// section", "the Omani mediator") that the text names a little later in
/// an apposition: "The spokesman, Commissioner A, ...", "the official, B,
/// told lawmakers", "The Omani envoy, C, said". The apposition's noun is
/// the description's head, a generic noun for a person ("the official"),
/// or a role noun that shares a word with the description ("Omani"). The
/// first such apposition in the description's sentence after it or in the
/// next [`NAMING_SENTENCES`] sentences names the speaker.
fn named_later(ctx: &Ctx, np: &Range<usize>, head: usize) -> Option<usize> {
    if ctx.lower(np.start) != "the" || np.clone().any(|i| matches!(ctx.lower(i).as_str(), "and" | "or" | "&")) {
        return None;
    }
    let head_word = ctx.lower(head);
    let roles = find_roles(&ctx.doc.text, ctx.tokens, np.clone());
    let role_head = roles.iter().any(|r| r.head == head && !r.indefinite && !r.key.plural);
    if !role_head && !generic_person_noun(&head_word) {
        return None;
    }
    let described: Vec<String> =
        np.clone().map(|i| String::from(ctx.lower(i))).filter(|w| w.chars().count() > 2 && w != "the").collect();
    let si = ctx.doc.analysis.sentence_of(np.start)?;
    let last = (si + NAMING_SENTENCES).min(ctx.doc.analysis.sentences.len().checked_sub(1)?);
    let end = ctx.doc.analysis.sentences.get(last)?.tokens.end;
    let mut k = np.end;
    while k < end {
        if ctx.lower(k) != "the" {
            k += 1;
            continue;
        }
        // "the ADJ* NOUN ," then a person's name.
        let Some(comma) = (k + 1..(k + 6).min(end)).find(|&c| ctx.word(c) == ",") else {
            k += 1;
            continue;
        };
        let words_only = (k + 1..comma).all(|i| ctx.word(i).chars().next().is_some_and(char::is_alphabetic));
        let noun = ctx.lower(comma - 1);
        let fits = noun == head_word
            || generic_person_noun(&noun)
            || (k + 1..comma - 1).any(|i| {
                let w = ctx.lower(i);
                described.iter().any(|d| w == *d)
            }) && find_roles(&ctx.doc.text, ctx.tokens, k..comma).iter().any(|r| r.head == comma - 1);
        if comma > k + 1 && words_only && fits {
            let after = (comma + 1..(comma + 3).min(end)).map(|i| ctx.tokens[i].start).collect::<Vec<_>>();
            let person = people_named_in(ctx, ctx.tokens[comma].end, ctx.tokens[end - 1].end)
                .find(|(start, _)| after.contains(start))
                .map(|(_, e)| e);
            if person.is_some() {
                return person;
            }
        }
        k = comma;
    }
    None
}

/// Step 4e of [`resolve`]: an indefinite description of one person ("A
/// property developer suing a newspaper", "a nurse at the hospital") whose
/// name opens the next sentence of the text with an age, a description or
/// a relative clause after it ("Graham Whitcombe, 58, is ...", "Ana Ruiz,
/// a nurse, ...", "Ana Ruiz, who ..."): the delayed identification of news
/// leads. (The name may have been written before, in a headline.)
fn identified_next(ctx: &Ctx, np: &Range<usize>, head: usize) -> Option<usize> {
    if !matches!(ctx.lower(np.start).as_str(), "a" | "an")
        || !crate::entities::gazetteer::is_person_noun(ctx.word(head))
        || np.clone().any(|i| matches!(ctx.lower(i).as_str(), "and" | "or" | "&"))
    {
        return None;
    }
    let si = ctx.doc.analysis.sentence_of(np.start)?;
    let next = ctx.doc.analysis.sentences.get(si + 1)?.tokens.clone();
    let first = next.clone().find(|&k| !super::stance::is_quote_mark(ctx.word(k)))?;
    // "Dr. Anneli Rautavaara, who runs ...": a courtesy title before the
    // name still opens the sentence with it.
    let first = (first..next.end).find(|&k| !is_title_token(ctx.word(k)) && ctx.word(k) != ".")?;
    let opening = ctx.tokens[first].start;
    let mention = ctx.doc.mentions.iter().find(|m| {
        m.span.start == opening
            && m.form == MentionForm::Name
            && m.entity.is_some_and(|e| ctx.doc.entities.get(e).is_some_and(|ent| ent.kind == EntityKind::Person))
    })?;
    // The name is introduced as the lead's person: an age or a
    // description follows it ("Graham Whitcombe, 58, is claiming", "Ana
    // Ruiz, a nurse, said"); a name that simply goes on with the story
    // ("Putin met Erdogan") is someone else.
    let after = next.clone().find(|&k| ctx.tokens[k].start >= mention.span.end)?;
    let introduced = ctx.word(after) == ","
        && (ctx.tagged && ctx.tokens.get(after + 1).is_some_and(|t| t.upos == Upos::NUM)
            || matches!(ctx.lower(after + 1).as_str(), "a" | "an" | "the" | "who"));
    introduced.then_some(mention.entity).flatten()
}

/// Step 4f of [`resolve`]: a definite or possessive description of one
/// person by a role ("Harudan's water minister", "the company's chief
/// executive") in a sentence that names nobody, whose next sentence quotes
/// a person by name with a speech verb right beside the name ("...,"
/// NAME told reporters; ...," said NAME): the lead's person, named as the
/// story goes on. Not when that person holds a role of another class (the
/// minister's spokesman), nor when the next sentence quotes two people.
fn quoted_next(ctx: &Ctx, np: &Range<usize>, head: usize) -> Option<usize> {
    let possessive = np.len() >= 3 && matches!(ctx.word(np.start + 1), "'s" | "’s");
    if !(ctx.lower(np.start) == "the" || possessive)
        || np.clone().any(|i| matches!(ctx.lower(i).as_str(), "and" | "or" | "&" | ","))
        || ctx.tagged && matches!(ctx.tokens[head].xpos.as_str(), "NNS" | "NNPS")
    {
        return None;
    }
    let roles = find_roles(&ctx.doc.text, ctx.tokens, np.clone());
    let role = roles.iter().find(|r| r.head == head && !r.indefinite && !r.key.plural)?;
    let si = ctx.doc.analysis.sentence_of(np.start)?;
    let own = ctx.doc.analysis.sentences.get(si)?.tokens.clone();
    if people_named_in(ctx, ctx.tokens[own.start].start, ctx.tokens[own.end - 1].end).next().is_some() {
        return None;
    }
    let next = ctx.doc.analysis.sentences.get(si + 1)?.tokens.clone();
    let speech = |k: usize| next.contains(&k) && super::lexicon::cue_verb(&ctx.lower(k)).is_some();
    let mut quoted: Vec<usize> = Vec::new();
    for m in ctx.doc.mentions.iter().filter(|m| m.form == MentionForm::Name) {
        let Some(e) = m.entity.filter(|&e| ctx.doc.entities.get(e).is_some_and(|x| x.kind == EntityKind::Person))
        else {
            continue;
        };
        let first = ctx.tokens.partition_point(|t| t.start < m.span.start);
        let after = ctx.tokens.partition_point(|t| t.start < m.span.end);
        if !next.contains(&first) {
            continue;
        }
        if speech(after) || first > 0 && speech(first - 1) {
            quoted.push(e);
        }
    }
    quoted.sort_unstable();
    quoted.dedup();
    let [e] = quoted.as_slice() else { return None };
    let other_class = ctx.entity_roles.get(*e).is_some_and(|ks| ks.iter().any(|k| k.class != role.key.class));
    (!other_class).then_some(*e)
}

/// The one person whose name, as the document wrote it, opens with the
/// abbreviation that "the" introduces in `np` ("the SP", "the DM" after "SP
/// R.K. Srivastava", "DM Anil Rawat"): a title the entity stage kept in the
/// name.
fn abbreviated_title_holder(ctx: &Ctx, np: &Range<usize>) -> Option<usize> {
    if np.len() != 2 || ctx.lower(np.start) != "the" {
        return None;
    }
    let abbr = ctx.word(np.start + 1);
    let n = abbr.chars().count();
    if !(2..=4).contains(&n) || !abbr.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let prefix = format!("{abbr} ");
    // The title may be part of the name as recognised ("SP R.K. Varma") or
    // stand right before it when the entity stage reads it as a title.
    let titled = |e: &crate::document::DocEntity| {
        e.mentions.iter().any(|&m| {
            let mention = &ctx.doc.mentions[m];
            let first = ctx.doc.analysis.token_at_or_after(mention.span.start);
            mention.form == MentionForm::Name && first > 0 && ctx.word(first - 1) == abbr
        })
    };
    let mut holders = ctx.doc.entities.iter().enumerate().filter(|(_, e)| {
        e.kind == EntityKind::Person && (e.name.starts_with(&prefix) && e.name.len() > prefix.len() + 2 || titled(e))
    });
    let (first, _) = holders.next()?;
    holders.next().is_none().then_some(first)
}

/// How many sentences back [`generic_person_continuation`] looks for the
/// person a generic noun continues: a quotation of two or three sentences
/// may stand between them.
const CONTINUATION_SENTENCES: usize = 3;

/// Head nouns naming a unit or document of an organisation, which speaks
/// for it: "the media office of the forces", "the ministry's statement".
pub(crate) fn is_unit_or_document(w: &str) -> bool {
    is_document(w)
        || matches!(
            w,
            "office"
                | "service"
                | "department"
                | "headquarters"
                | "command"
                | "bureau"
                | "press"
                | "unit"
                | "wing"
                | "branch"
                | "post"
                | "tweet"
                | "channel"
                | "account"
                | "website"
                | "spokesperson"
                | "spokesman"
                | "spokeswoman"
                | "representative"
        )
}

/// Nouns of the documents an organisation issues ("the statement said",
/// "insists the text", "in a short statement"): they speak for their
/// issuer.
pub(crate) fn is_document(w: &str) -> bool {
    matches!(
        w,
        "statement"
            | "report"
            | "communique"
            | "communiqué"
            | "letter"
            | "release"
            | "announcement"
            | "text"
            | "note"
            | "notice"
            | "declaration"
            | "bulletin"
            | "memo"
    )
}

/// Nouns of what a body or a person issues and a text then cites as its
/// speaker: documents ([`is_document`]), published figures, and the
/// findings and rulings of a review or a decision ("According to the
/// preliminary information", "According to the decision").
fn is_issued_word(w: &str) -> bool {
    is_document(w)
        || is_published_figures(w)
        || matches!(
            w,
            "information" | "decision" | "ruling" | "verdict" | "review" | "study" | "findings" | "survey" | "analysis"
        )
}

/// How many sentences back [`issued_document`] looks for the sentence that
/// said who issued the document: the lead and the paragraph after it.
const ISSUE_SENTENCES: usize = 3;

/// "Civic Vote Monitoring ... published its report ... . According to the
/// report, ...", "The agency replied with a short statement. "...," the
/// statement said": a definite document the text cites as the speaker, with
/// no "of"/"by" naming its issuer, is the word of the subject of the
/// nearest sentence before it that mentions the same noun ("its report", "a
/// short statement", "the decision"), within [`ISSUE_SENTENCES`] sentences.
/// The subject is resolved as any speaker is; a subject that is itself a
/// document, or that resolves to no one, leaves the document to the other
/// rules (the last organisation that spoke).
fn issued_document(ctx: &Ctx, np: &Range<usize>, head: usize, recent: &[(usize, usize, EntityKind)]) -> Option<usize> {
    let noun = singular_lower(ctx.word(head));
    if !is_issued_word(&noun)
        || !matches!(ctx.lower(np.start).as_str(), "the" | "this")
        || matches!(ctx.lower(head + 1).as_str(), "of" | "by" | "from" | "for")
    {
        return None;
    }
    let sentences = &ctx.doc.analysis.sentences;
    let here = ctx.doc.analysis.sentence_of(np.start)?;
    for si in (here.saturating_sub(ISSUE_SENTENCES)..=here).rev() {
        let sent = sentences[si].tokens.clone();
        let before = sent.end.min(np.start);
        let Some(k) = (sent.start..before).rev().find(|&k| singular_lower(ctx.word(k)) == noun) else { continue };
        // The subject of the verb the noun hangs from ("the operator ...
        // announced in a press release", "X published its report"), else the
        // sentence's.
        let mut verb = ctx.tokens[k].head;
        for _ in 0..3 {
            match verb {
                Some(v) if sent.contains(&v) && ctx.tokens[v].upos != claimgraph_nlp::Upos::VERB => {
                    verb = ctx.tokens[v].head
                }
                _ => break,
            }
        }
        let subject = verb
            .filter(|v| sent.contains(v) && ctx.tokens[*v].upos == claimgraph_nlp::Upos::VERB)
            .and_then(|v| parsed_subject_of(ctx, v, &sent))
            .or_else(|| parsed_main_subject(ctx, &sent))
            // The phrase opening the sentence, unless a comma or a dash
            // closes it: a dateline's place ("Brașov, 24 November 2026 –")
            // or a fronted phrase is no subject.
            .or_else(|| {
                np_right(ctx, sent.start, &sent)
                    .filter(|np| np.end < sent.end && !matches!(ctx.word(np.end), "," | "–" | "—" | "-"))
            })?;
        if subject.end > k || subject.contains(&k) {
            return None;
        }
        let subject_head = np_head(ctx, &subject);
        if is_issued_word(&singular_lower(ctx.word(subject_head))) {
            return None;
        }
        return match resolve(ctx, &subject, recent) {
            Resolution::Entity(e) => Some(e),
            Resolution::None => None,
        };
    }
    None
}

/// Nouns of the figures a body publishes: "the data of the council",
/// "the figures of the ministry" are the body's word, as its documents are.
fn is_published_figures(w: &str) -> bool {
    matches!(w, "data" | "figures" | "count" | "tally" | "results" | "statistics" | "records")
}

fn singular_lower(w: &str) -> String {
    let l = w.to_lowercase();
    l.strip_suffix('s').filter(|s| s.len() > 2 && !l.ends_with("ss")).map(str::to_string).unwrap_or(l)
}

/// Resolves an organisation speaker (see [`resolve`], step 5).
fn resolve_organisation(
    ctx: &Ctx,
    np: &Range<usize>,
    head: usize,
    recent: &[(usize, usize, EntityKind)],
) -> Option<usize> {
    let span = ctx.span(np.start, np.end);
    let head_word = ctx.lower(head);
    let org_mention_at = |from: usize, to: usize| -> Option<usize> {
        let sub = ctx.span(from, to);
        ctx.mentions_in(sub)
            .filter(|&m| matches!(ctx.doc.mentions[m].kind, EntityKind::Organization | EntityKind::Other))
            .filter_map(|m| ctx.doc.mentions[m].entity)
            .find(|&e| matches!(ctx.doc.entities[e].kind, EntityKind::Organization | EntityKind::Other))
    };
    // An organisation named at the head ("the Rapid Support Forces said").
    let head_byte = ctx.tokens[head].start;
    if let Some(e) = ctx
        .mentions_in(span)
        .filter(|&m| ctx.doc.mentions[m].span.start <= head_byte && head_byte < ctx.doc.mentions[m].span.end)
        .filter_map(|m| ctx.doc.mentions[m].entity)
        .find(|&e| ctx.doc.entities[e].kind == EntityKind::Organization)
    {
        return Some(e);
    }
    // "according to Enerji-Der union", "the Fatah movement": a body's name
    // and a lower-case noun of its kind are that body.
    if head + 1 == np.end
        && ctx.word(head).chars().next().is_some_and(char::is_lowercase)
        && is_org_word(ctx.word(head))
    {
        let before = ctx.tokens[head].start;
        if let Some(e) = ctx
            .mentions_in(span)
            .filter(|&m| ctx.doc.mentions[m].span.end <= before)
            .filter(|&m| ctx.tokens.partition_point(|t| t.start < ctx.doc.mentions[m].span.end) == head)
            .filter_map(|m| ctx.doc.mentions[m].entity)
            .find(|&e| ctx.doc.entities[e].kind == EntityKind::Organization)
        {
            return Some(e);
        }
    }
    // A unit or document of an organisation: "the media office of the
    // forces", "the statement of the ministry"; its published figures
    // ("according to the data of the National Electoral Council").
    if is_unit_or_document(&head_word) || is_published_figures(&head_word) {
        if head + 1 < np.end && matches!(ctx.lower(head + 1).as_str(), "of" | "for" | "from" | "by") {
            let inner = head + 2..np.end;
            if let Some(e) = org_mention_at(inner.start, inner.end) {
                return Some(e);
            }
            if let Some(e) = definite_organisation(ctx, &inner) {
                return Some(e);
            }
        }
        // "The statement said": an organisation issues statements, so the
        // last organisation that spoke, else the last person (whose office
        // a spokesperson speaks for is the organisation named before).
        if is_document(&head_word) {
            let organisation = recent.iter().rev().find(|&&(_, _, k)| k == EntityKind::Organization);
            return organisation.or(recent.last()).map(|&(e, _, _)| e);
        }
    }
    definite_organisation(ctx, np)
}

/// "the ministry", "the forces", "the army": the most recent organisation
/// whose name ends with that noun.
fn definite_organisation(ctx: &Ctx, np: &Range<usize>) -> Option<usize> {
    if np.is_empty() || !matches!(ctx.lower(np.start).as_str(), "the" | "its" | "this") {
        return None;
    }
    let head = np_head(ctx, np);
    let noun = singular_lower(ctx.word(head));
    if noun.len() < 3 {
        return None;
    }
    let before = ctx.tokens[np.start].start;
    let mut best: Option<(usize, usize)> = None;
    for (e, ent) in ctx.doc.entities.iter().enumerate() {
        if ent.kind != EntityKind::Organization {
            continue;
        }
        // "the ministry" of "Ministry of Defence", "the journal" of
        // "Journal of Cellular Oncology Reports": the head noun is the last
        // word, or the word before "of".
        let ends_with = ent.aliases.iter().any(|a| {
            let head_part = a.split(" of ").next().unwrap_or(a);
            a.split_whitespace().last().is_some_and(|w| singular_lower(w) == noun)
                || head_part.split_whitespace().last().is_some_and(|w| singular_lower(w) == noun)
        });
        // "according to Enerji-Der union ... The union announced", "the
        // union Enerji-Der": the noun written beside one of its names.
        let beside = || {
            is_org_word(&noun)
                && ent.mentions.iter().any(|&m| {
                    let span = ctx.doc.mentions[m].span;
                    let k = ctx.tokens.partition_point(|t| t.start < span.start);
                    let after = ctx.tokens.partition_point(|t| t.start < span.end);
                    span.start < before
                        && (k > 0 && singular_lower(ctx.word(k - 1)) == noun
                            || after < ctx.tokens.len() && singular_lower(ctx.word(after)) == noun)
                })
        };
        if !ends_with && !beside() {
            continue;
        }
        let last = ent.mentions.iter().map(|&m| ctx.doc.mentions[m].span.start).filter(|&s| s < before).max();
        if let Some(last) = last {
            if best.is_none_or(|(l, _)| last > l) {
                best = Some((last, e));
            }
        }
    }
    best.map(|(_, e)| e).or_else(|| main_company(ctx, &noun, before))
}

/// "the company said" of a company named otherwise ("Marmara Petrokimya
/// Rafineri A.Ş. (MPR)"): for a noun that means a business, the
/// organisation named most often before `before` that is not a public or
/// collective body, when it was named at least twice.
fn main_company(ctx: &Ctx, noun: &str, before: usize) -> Option<usize> {
    const BUSINESS: &[&str] = &[
        "company",
        "firm",
        "corporation",
        "refiner",
        "manufacturer",
        "operator",
        "carrier",
        "airline",
        "insurer",
        "lender",
        "maker",
        "producer",
        "retailer",
        "conglomerate",
    ];
    const PUBLIC: &[&str] = &[
        "ministry",
        "government",
        "council",
        "union",
        "committee",
        "agency",
        "authority",
        "police",
        "army",
        "court",
        "parliament",
        "commission",
        "office",
        "department",
        "federation",
        "association",
        "party",
    ];
    if !BUSINESS.contains(&noun) {
        return None;
    }
    let mut best: Option<(usize, usize)> = None;
    for (e, ent) in ctx.doc.entities.iter().enumerate() {
        let public =
            ent.aliases.iter().any(|a| a.split_whitespace().any(|w| PUBLIC.contains(&w.to_lowercase().as_str())));
        if ent.kind != EntityKind::Organization || public {
            continue;
        }
        let count = ent.mentions.iter().filter(|&&m| ctx.doc.mentions[m].span.start < before).count();
        if count >= 2 && best.is_none_or(|(c, _)| count > c) {
            best = Some((count, e));
        }
    }
    best.map(|(_, e)| e)
}

/// Resolves a pronoun subject to the most recent compatible speaker: he/she
/// to a person, they/it to an organisation (or a group of people).
fn resolve_pronoun(ctx: &Ctx, at: usize, kind: PronounKind, recent: &[(usize, usize, EntityKind)]) -> Resolution {
    if let Some(e) = displaced_apposition(ctx, at) {
        return Resolution::Entity(e);
    }
    let compatible_kind = |k: EntityKind| -> bool {
        match kind {
            PronounKind::Masculine | PronounKind::Feminine => k == EntityKind::Person,
            PronounKind::Plural | PronounKind::Neuter => {
                matches!(k, EntityKind::Organization | EntityKind::Location | EntityKind::Other)
            }
            PronounKind::FirstPerson => true,
        }
    };
    // "he" is not a person the text calls a spokeswoman or "Mrs.".
    let agrees = |e: usize| match (kind, ctx.entity_gender.get(e).copied().flatten()) {
        (PronounKind::Masculine | PronounKind::Feminine, Some(g)) => g == kind,
        _ => true,
    };
    // A name ending on a body's noun ("The Environmental Inspection Body",
    // typed a person by the recogniser) is no "he"/"she", though a
    // spokesman's organisation may be (the spokesman's pronoun continues
    // him, and his words are the body's).
    let named_as_body = |e: usize| {
        ctx.doc.entities.get(e).is_some_and(|ent| {
            ent.name.split_whitespace().last().is_some_and(|w| is_org_word(w) || w.eq_ignore_ascii_case("body"))
        })
    };
    // "it"/"they" most often continue the previous sentence's subject when
    // that is an organisation ("The de facto KGB ... spread another version.
    // According to it, ...").
    if matches!(kind, PronounKind::Neuter | PronounKind::Plural) {
        if let Some(e) = previous_subject_entity(ctx, at) {
            if ctx.doc.entities.get(e).is_some_and(|ent| compatible_kind(ent.kind)) {
                return Resolution::Entity(e);
            }
        }
    }
    // "he"/"she" continue the previous sentence's subject rather than a
    // speaker that sentence only embeds ("S was responding to remarks by
    // Z, who told ... . She said"): when the latest compatible speaker
    // comes from the previous sentence but is not its subject, the subject
    // (a person) wins.
    if matches!(kind, PronounKind::Masculine | PronounKind::Feminine) {
        let latest = recent.iter().rev().find(|&&(_, pos, k)| {
            pos < ctx.tokens.len() && ctx.tokens[pos].start < ctx.tokens[at].start && compatible_kind(k)
        });
        let prev_sentence = ctx.doc.analysis.sentence_of(at).and_then(|s| s.checked_sub(1));
        if let (Some(&(e, pos, _)), Some(ps)) = (latest, prev_sentence) {
            if ctx.doc.analysis.sentence_of(pos) == Some(ps) {
                if let Some(subject) = previous_subject_entity(ctx, at) {
                    if subject != e
                        && agrees(subject)
                        && !named_as_body(subject)
                        && ctx.doc.entities.get(subject).is_some_and(|ent| ent.kind == EntityKind::Person)
                    {
                        return Resolution::Entity(subject);
                    }
                }
            }
        }
    }
    // A paragraph that names one person, and no speaker before the
    // pronoun, is that person's ("The ship's doctor, Y, has spoken to
    // reporters. '...,' he says."), ahead of speakers of earlier
    // paragraphs: live blogs and wire copy introduce each speaker in the
    // paragraph that quotes them.
    if matches!(kind, PronounKind::Masculine | PronounKind::Feminine) {
        if let Some(e) = sole_paragraph_person(ctx, at, kind, recent).filter(|&e| agrees(e)) {
            return Resolution::Entity(e);
        }
        // "Lieutenant Colonel H. said ... . | Mrs. M. gave a different
        // figure. She said ...": when the latest speaker's gender is not
        // known to be the pronoun's, a person of the pronoun's known
        // gender named after that speaker, in the pronoun's paragraph,
        // is nearer and certain to agree.
        let latest = recent.iter().rev().find(|&&(_, pos, k)| {
            pos < ctx.tokens.len() && ctx.tokens[pos].start < ctx.tokens[at].start && compatible_kind(k)
        });
        if let Some(&(e, pos, _)) =
            latest.filter(|&&(e, _, _)| ctx.entity_gender.get(e).copied().flatten() != Some(kind))
        {
            let para = ctx.paragraph(at);
            let from = ctx.tokens[para.start].start.max(ctx.tokens[pos].end);
            if let Some(p) = people_named_in(ctx, from, ctx.tokens[at].start)
                .filter(|&(start, p)| {
                    p != e && outside_quotes(ctx, start) && ctx.entity_gender.get(p).copied().flatten() == Some(kind)
                })
                .map(|(_, p)| p)
                .last()
            {
                return Resolution::Entity(p);
            }
        }
    }
    // Earlier speakers first; a first-person pronoun only inside the same
    // paragraph as the last speaker (it continues their speech).
    for &(e, pos, k) in recent.iter().rev() {
        if pos >= ctx.tokens.len() || ctx.tokens[pos].start >= ctx.tokens[at].start {
            continue;
        }
        if kind == PronounKind::FirstPerson && ctx.paragraph(pos) != ctx.paragraph(at) {
            return Resolution::None;
        }
        if compatible_kind(k) && agrees(e) {
            return Resolution::Entity(e);
        }
    }
    if kind == PronounKind::FirstPerson {
        return Resolution::None;
    }
    // No earlier speaker: the most recent compatible mention before it.
    let before = ctx.tokens[at].start;
    ctx.doc
        .mentions
        .iter()
        .filter(|m| m.span.end <= before && m.form != MentionForm::Pronoun)
        .filter_map(|m| m.entity)
        .rfind(|&e| ctx.doc.entities.get(e).is_some_and(|ent| compatible_kind(ent.kind)) && agrees(e))
        .map(Resolution::Entity)
        .unwrap_or(Resolution::None)
}

/// The one person named by name in the paragraph of token `at` before it
/// (outside quotations), when no speaker of that paragraph precedes it and
/// the pronoun does not open the paragraph. Of several people, the one
/// whose known gender is the pronoun's (`kind`), when only one is: a
/// recogniser's stray person ("the Management Board") does not hide
/// "Mrs. M." from "she".
fn sole_paragraph_person(
    ctx: &Ctx,
    at: usize,
    kind: PronounKind,
    recent: &[(usize, usize, EntityKind)],
) -> Option<usize> {
    let para = ctx.paragraph(at);
    if recent.iter().any(|&(_, pos, _)| para.contains(&pos) && pos < at) {
        return None;
    }
    let (from, to) = (ctx.tokens[para.start].start, ctx.tokens[at].start);
    let mut people: Vec<usize> =
        people_named_in(ctx, from, to).filter(|&(start, _)| outside_quotes(ctx, start)).map(|(_, e)| e).collect();
    people.sort_unstable();
    people.dedup();
    match people[..] {
        [] => None,
        [one] => Some(one),
        _ => {
            let mut agreeing = people.iter().filter(|&&e| ctx.entity_gender.get(e).copied().flatten() == Some(kind));
            let first = *agreeing.next()?;
            agreeing.next().is_none().then_some(first)
        }
    }
}

/// True when the byte `start` lies outside every quotation.
fn outside_quotes(ctx: &Ctx, start: usize) -> bool {
    let t = ctx.doc.analysis.token_at_or_after(start);
    t < ctx.quote_of.len() && ctx.quote_of[t].is_none()
}

/// The people named by name (not by role or pronoun) within the bytes
/// `from..to`, in text order: (mention start, entity).
pub(crate) fn people_named_in<'c>(ctx: &'c Ctx, from: usize, to: usize) -> impl Iterator<Item = (usize, usize)> + 'c {
    ctx.doc
        .mentions
        .iter()
        .filter(move |m| m.span.start >= from && m.span.end <= to && m.form == MentionForm::Name)
        .filter_map(|m| Some((m.span.start, m.entity?)))
        .filter(|&(_, e)| ctx.doc.entities.get(e).is_some_and(|ent| ent.kind == EntityKind::Person))
}

/// The entity named by the subject of the previous sentence's first finite
/// verb, if any.
fn previous_subject_entity(ctx: &Ctx, at: usize) -> Option<usize> {
    let si = ctx.doc.analysis.sentence_of(at)?;
    let prev = ctx.doc.analysis.sentences.get(si.checked_sub(1)?)?.tokens.clone();
    // The main verb's subject: verbs of relative clauses ("X, who has run
    // the alliance since 2019, was responding") are skipped.
    let np =
        prev.clone().filter(|&k| ctx.tagged && ctx.is_finite_verb(k) && ctx.quote_of[k].is_none()).take(4).find_map(
            |k| subject_left(ctx, k, &prev).filter(|np| !(np.len() == 1 && is_relative(&ctx.lower(np.start)))),
        )?;
    let span = ctx.span(np.start, np.end);
    let head_byte = ctx.tokens[np_head(ctx, &np)].start;
    ctx.mentions_in(span)
        .filter(|&m| ctx.doc.mentions[m].span.start <= head_byte && head_byte < ctx.doc.mentions[m].span.end)
        .find_map(|m| ctx.doc.mentions[m].entity)
        .or_else(|| {
            // "The de facto KGB of Tskhinvali region": the name at the head.
            ctx.mentions_in(span)
                .find_map(|m| ctx.doc.mentions[m].entity)
                .filter(|&e| ctx.doc.entities[e].kind == EntityKind::Organization)
        })
}

/// Machine translation often moves a subject's name after the verb, where
/// it lands in apposition to another noun: "He also confirmed, in a call
/// with his Ukrainian counterpart, Hossein X, Iran's foreign minister, ...".
/// When a sentence-initial pronoun's sentence holds "ROLE1, NAME, ROLE2"
/// where the two roles belong to different countries, NAME cannot be ROLE1
/// and is taken as the displaced subject.
fn displaced_apposition(ctx: &Ctx, at: usize) -> Option<usize> {
    let sent = ctx.doc.analysis.sentence_of(at)?;
    let range = ctx.doc.analysis.sentences[sent].tokens.clone();
    // Only a subject pronoun at the start of its sentence.
    if (range.start..at).any(|i| !ctx.is_punct(i)) {
        return None;
    }
    let roles = find_roles(&ctx.doc.text, ctx.tokens, range.clone());
    for (a, r1) in roles.iter().enumerate() {
        for r2 in roles.iter().skip(a + 1) {
            let (Some(c1), Some(c2)) = (&r1.key.country, &r2.key.country) else { continue };
            if c1 == c2 {
                continue;
            }
            // ROLE1 , NAME , ROLE2
            if r1.tokens.end < r2.tokens.start
                && ctx.word(r1.tokens.end) == ","
                && r2.tokens.start >= 2
                && ctx.word(r2.tokens.start - 1) == ","
            {
                let name = ctx.span(r1.tokens.end + 1, r2.tokens.start - 1);
                let person = ctx.mentions_in(name).find(|&m| {
                    ctx.doc.mentions[m].kind == EntityKind::Person && ctx.doc.mentions[m].form == MentionForm::Name
                })?;
                return ctx.doc.mentions[person].entity;
            }
        }
    }
    None
}

/// When the speaker words describe an organisation by its country and a
/// common noun ("Ukraine's air force", "the Russian defence ministry"),
/// returns the organisation's display name.
pub fn organisation_phrase(ctx: &Ctx, np: &Range<usize>) -> Option<String> {
    let words: Vec<&str> = np.clone().map(|i| ctx.word(i)).collect();
    // The head noun must name the organisation ("the remarks of the
    // ministry" is not one).
    if np_head(ctx, np) + 1 != np.end {
        return None;
    }
    let head = *words.last()?;
    let head_is_org = is_org_word(head)
        || matches!(
            head.to_lowercase().as_str(),
            "military" | "forces" | "troops" | "ministry" | "government" | "police" | "army"
        );
    if !head_is_org {
        return None;
    }
    let has_owner =
        words.iter().any(|w| matches!(*w, "’s" | "'s")) || words.iter().any(|w| Countries::get().lookup(w).is_some());
    if !has_owner {
        return None;
    }
    let first = if ctx.lower(np.start) == "the" { np.start + 1 } else { np.start };
    (first < np.end).then(|| ctx.doc.span_text(ctx.span(first, np.end)).to_string())
}
