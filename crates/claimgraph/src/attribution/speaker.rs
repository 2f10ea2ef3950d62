//! Finding the speaker's words next to a cue, and resolving them to an
//! entity: a name, a role description, an organisation described by its
//! country ("Ukraine's air force"), or a pronoun resolved to the most recent
//! compatible speaker.

use std::ops::Range;

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
pub fn subject_left(ctx: &Ctx, end: usize, sent: &Range<usize>) -> Option<Range<usize>> {
    let mut j = end;
    loop {
        while j > sent.start && is_pre_verb_filler(ctx.word(j - 1)) {
            j -= 1;
        }
        // A parenthesis between subject and verb: "Mike Pence (R-IN) said".
        if j > sent.start + 1 && ctx.word(j - 1) == ")" {
            let mut k = j - 1;
            while k > sent.start && ctx.word(k - 1) != "(" && j - k < 8 {
                k -= 1;
            }
            if k > sent.start + 1 && ctx.word(k - 1) == "(" {
                j = k - 1;
                continue;
            }
        }
        break;
    }
    if j <= sent.start {
        return None;
    }
    let np_end = j;
    let mut i = j;
    // An apposition closed by a comma right before the verb.
    if ctx.word(i - 1) == "," {
        let close = i - 1;
        let mut k = close;
        while k > sent.start && ctx.word(k - 1) != "," && !is_np_boundary(ctx.word(k - 1)) {
            k -= 1;
        }
        if k > sent.start && ctx.word(k - 1) == "," && k < close {
            // ", APPOSITION," — the head noun phrase stands before the first comma.
            let head = np_left(ctx, k - 1, sent)?;
            // A further apposition on the left: "the scientist, Krylo Budanov, head of ..., said".
            let mut start = head.start;
            if start > sent.start + 1 && ctx.word(start - 1) == "," {
                if let Some(prev) = np_left(ctx, start - 1, sent) {
                    if ctx.mention_ending_at(prev.end - 1).is_some() || role_at(ctx, &prev) {
                        start = prev.start;
                    }
                }
            }
            return Some(start..close);
        }
        return None;
    }
    let np = np_left(ctx, i, sent)?;
    i = np.start;
    let _ = i;
    Some(np.start..np_end.min(np.end))
}

/// True when the range is (or ends in) a role description.
fn role_at(ctx: &Ctx, r: &Range<usize>) -> bool {
    find_roles(&ctx.doc.text, ctx.tokens, r.clone()).iter().any(|ro| ro.tokens.end == r.end)
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
        {
            s -= 1;
        }
        return Some(s..end);
    }
    let mut s = end;
    while s > sent.start {
        let w = ctx.word(s - 1);
        if is_np_boundary(w) || w == "," || !ctx.is_np_word(s - 1) || ctx.can_be_clause_word(s - 1) {
            break;
        }
        s -= 1;
    }
    // "According to X, ..." — the words "according to" are not the subject.
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

/// Finds the noun phrase starting at token `start` (inverted speaker: "...,
/// said Budanov."), up to a comma, a sentence end or a clause word.
pub fn np_right(ctx: &Ctx, start: usize, sent: &Range<usize>) -> Option<Range<usize>> {
    let mut e = start;
    while e < sent.end {
        let w = ctx.word(e);
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

/// Resolves the speaker words `np` to an entity. `recent` lists earlier
/// speakers (entity, kind, token position), most recent last.
pub fn resolve(ctx: &Ctx, np: &Range<usize>, recent: &[(usize, usize)]) -> Resolution {
    let span = ctx.span(np.start, np.end);
    // A person named inside the phrase wins ("the spokesman ..., Nasser
    // Kanani"), then a role description resolved by the entity stage, then
    // an organisation named inside it.
    let mut best: Option<(u8, usize)> = None;
    for m in ctx.mentions_in(span) {
        let mention = &ctx.doc.mentions[m];
        let Some(e) = mention.entity else { continue };
        let score = match (mention.form, mention.kind) {
            (MentionForm::Name, EntityKind::Person) => 5,
            (MentionForm::Role, _) => 4,
            (MentionForm::Name, EntityKind::Organization) => 3,
            (MentionForm::Name, EntityKind::Other) => 2,
            _ => 1,
        };
        // A country named inside a longer phrase ("Ukraine's air force") is
        // not the speaker; an organisation phrase is built below.
        if mention.kind == EntityKind::Location && mention.span != span {
            continue;
        }
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, e));
        }
    }
    if let Some((_, e)) = best {
        return Resolution::Entity(e);
    }
    if np.len() == 1 {
        if let Some(kind) = pronoun_kind(ctx.word(np.start)) {
            return resolve_pronoun(ctx, np.start, kind, recent);
        }
    }
    Resolution::None
}

/// Resolves a pronoun subject to the most recent compatible speaker: he/she
/// to a person, they/it to an organisation (or a group of people).
fn resolve_pronoun(ctx: &Ctx, at: usize, kind: PronounKind, recent: &[(usize, usize)]) -> Resolution {
    if let Some(e) = displaced_apposition(ctx, at) {
        return Resolution::Entity(e);
    }
    let compatible = |e: usize| -> bool {
        let k = ctx.doc.entities[e].kind;
        match kind {
            PronounKind::Masculine | PronounKind::Feminine => k == EntityKind::Person,
            PronounKind::Plural | PronounKind::Neuter => {
                matches!(k, EntityKind::Organization | EntityKind::Location | EntityKind::Other)
            }
            PronounKind::FirstPerson => true,
        }
    };
    // Earlier speakers first; a first-person pronoun only inside the same
    // paragraph as the last speaker (it continues their speech).
    for &(e, pos) in recent.iter().rev() {
        if pos >= ctx.tokens.len() || ctx.tokens[pos].start >= ctx.tokens[at].start {
            continue;
        }
        if kind == PronounKind::FirstPerson && ctx.paragraph(pos) != ctx.paragraph(at) {
            return Resolution::None;
        }
        if compatible(e) {
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
        .filter(|&e| compatible(e))
        .last()
        .map(Resolution::Entity)
        .unwrap_or(Resolution::None)
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
