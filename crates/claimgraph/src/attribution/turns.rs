//! Transcripts: paragraphs that open with a speaker label.
//!
//! Briefings, hearings and interviews are printed as turns: "Col. Wróbel:
//! The information is categorically false. ...", or "Q: ..." / "A: ..."
//! after an introduction that names who answers ("We asked the chief of
//! the coast guard, Shunsuke Ohtaki, about ..."). No reporting verb stands
//! in such a paragraph, yet every sentence of an answer is the labelled
//! speaker's own word, each a proposition with its own polarity. This pass
//! turns each sentence of an answer into a claim of the labelled speaker,
//! gives the first-person claims inside it ("I do not deny that ...", "according to
//! our data") to that speaker, and drops the claims a question only
//! supposes ("Does Karsk admit that it attacked first?").

use std::ops::Range;

use super::context::Ctx;
use super::rules::{self, Draft};
use super::stance;
use crate::document::{ClaimKind, EntityKind};
use crate::entities::mentions::is_connector;
use crate::entities::names;
use claimgraph_nlp::Upos;

/// The longest label, in tokens ("Deputy Minister Anna Kowalska-Nowak:").
const MAX_LABEL: usize = 7;

/// Sentences shorter than this are no proposition ("No.").
pub(super) const MIN_SENTENCE: usize = 3;

/// Confidence of a claim read from a labelled turn.
const TURN_CONFIDENCE: f32 = 0.8;

/// Who speaks in a paragraph that opens with a label.
enum Turn {
    /// A question ("Q:", "Question (Radio X):", "Reporter:").
    Question,
    /// An answer or statement by the speaker whose words are these tokens.
    Speech(Range<usize>),
}

/// Applies the transcript turns of the document to the drafts.
pub fn apply(ctx: &Ctx, drafts: &mut Vec<Draft>) {
    let turns = find_turns(ctx);
    if turns.is_empty() {
        return;
    }
    let turn_of = |i: usize| turns.iter().find(|(body, _)| body.contains(&i));
    // Claims a question supposes are not claims; first-person claims inside
    // an answer are the answerer's.
    drafts.retain(|d| match turn_of(d.cue.start) {
        Some((body, Turn::Question)) => !ends_in_question(ctx, body, d.cue.start),
        _ => true,
    });
    for d in drafts.iter_mut() {
        let Some((body, turn)) = turn_of(d.cue.start) else { continue };
        // The label is no part of a speaker named in the turn ("Q (reporter
        // of X): Many residents said that ...").
        if let Some(s) = d.speaker.as_mut() {
            if s.start < body.start && body.start < s.end {
                s.start = body.start;
            }
            // "J.A.: Mr. Kartosen, the minister says ...": the vocative that
            // opens a question is whom it asks, not who says.
            if matches!(turn, Turn::Question) {
                let sentence_start =
                    ctx.doc.analysis.sentence_of(s.start).map(|k| ctx.doc.analysis.sentences[k].tokens.start);
                if s.start == body.start || Some(s.start) == sentence_start {
                    if let Some(comma) = s.clone().find(|&k| ctx.word(k) == ",") {
                        if comma + 1 < s.end && comma > s.start && capitalised(ctx, &(s.start..comma)) {
                            s.start = comma + 1;
                        }
                    }
                }
            }
        }
        if let Turn::Speech(who) = turn {
            if d.speaker.as_ref().is_none_or(|s| first_person(ctx, s)) && !d.shares_speaker {
                d.speaker = Some(who.clone());
                // The speaker's own words run on as turn sentences, each a
                // claim of its own ("I tell you: in Carrefour no station has
                // fuel. I buy the gallon at 1,500 gourdes."): the content
                // ends with its sentence.
                if let Some(k) = ctx.doc.analysis.sentence_of(d.cue.start) {
                    let end = ctx.doc.analysis.sentences[k].tokens.end;
                    d.content.retain(|c| c.start < end);
                    if let Some(last) = d.content.last_mut() {
                        *last = rules::trim(ctx, last.start..last.end.min(end));
                    }
                }
            }
        }
    }
    let mut added = Vec::new();
    for (body, turn) in &turns {
        let Turn::Speech(who) = turn else { continue };
        // The label's colon; a paragraph that continues a turn has the
        // colon of the labelled paragraph it continues.
        let Some(colon) = turns.iter().rev().map(|(b, _)| b.start - 1).find(|&c| c < body.start && ctx.word(c) == ":")
        else {
            continue;
        };
        let cue = colon..colon + 1;
        let sentences = &ctx.doc.analysis.sentences;
        let first = sentences.partition_point(|s| s.tokens.end <= body.start);
        for s in sentences[first..].iter().take_while(|s| s.tokens.start < body.end) {
            let from = s.tokens.start.max(body.start);
            let to = s.tokens.end.min(body.end);
            if from >= to {
                continue;
            }
            // A sentence is read already when a cue stands in it or a quotation
            // covers it; an indirect content that ran on past its sentence
            // ("writes that it cannot say who fired. So this number ...") does
            // not take the next one from the speaker.
            let covered = drafts.iter().any(|d| {
                (from..to).contains(&d.cue.start)
                    || d.kind != ClaimKind::Indirect && d.content.iter().any(|c| c.start < to && from < c.end)
            });
            let p = rules::trim(ctx, from..to);
            // A line without a verb ("Secondly, regarding information.",
            // "Supplementary question, please.") states nothing.
            let verbless = ctx.tagged && !p.clone().any(|k| may_be_verb(ctx, k));
            // Courtesies ("Thank you for the question", "Thanks, Mr.
            // Chairman") assert nothing either.
            let courtesy = matches!(ctx.lower(p.start).as_str(), "thank" | "thanks" | "please" | "welcome");
            if covered || verbless || courtesy || p.len() < MIN_SENTENCE || ctx.word(to - 1) == "?" {
                continue;
            }
            let draft = Draft {
                cue: cue.clone(),
                speaker: Some(who.clone()),
                shares_speaker: false,
                stance: stance::own_stance(ctx, std::slice::from_ref(&p)),
                hedged: stance::hedged(ctx, &p, cue.start),
                content: vec![p],
                kind: ClaimKind::Indirect,
                confidence: TURN_CONFIDENCE,
                colon_open: false,
                denial_cue: false,
            };
            // Two coordinated predications of opposite polarity ("The parts
            // cost 3.5 million and the government did not release the
            // money") are two propositions, as in reported speech; the
            // split reads the content as indirect, and the turn's words are
            // the speaker's own.
            added.extend(
                rules::split_coordinated(ctx, draft).into_iter().map(|d| Draft { kind: ClaimKind::Direct, ..d }),
            );
        }
    }
    drafts.extend(added);
}

/// The labelled paragraphs of the document: each body (the tokens after the
/// label's colon, to the paragraph's end) with its turn. Answers labelled
/// only "A:" are the interviewee's: the person the last question addressed
/// or the last stage direction named, else the last person named before
/// the first question. A document needs two labelled paragraphs before any counts,
/// so that a lone "Minister: ..." headline stays what the rules make of it.
fn find_turns(ctx: &Ctx) -> Vec<(Range<usize>, Turn)> {
    let n = ctx.tokens.len();
    let mut out = Vec::new();
    let mut first_question: Option<usize> = None;
    // Bare answers in order, each with the answerer that a question or a
    // stage direction before it named (see `addressee`, `stage_direction`).
    let mut answers: Vec<(Range<usize>, Option<Range<usize>>)> = Vec::new();
    let mut answerer: Option<Range<usize>> = None;
    // The bodies of the questions so far, for labels of shared initials.
    let mut questions: Vec<Range<usize>> = Vec::new();
    let mut roles: Vec<(String, Range<usize>)> = Vec::new();
    // Labels that look like a name the recogniser did not take for a
    // person ("WILNER:", "Jocelyne:"): turns once the transcript is plain.
    let mut unnamed: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    let mut start = 0;
    while start < n {
        let para = ctx.paragraph(start);
        start = para.end.max(start + 1);
        if let Some((colon, label)) = bracketed_label(ctx, &para) {
            let body = colon + 1..para.end;
            match label {
                Bracketed::Question => {
                    first_question.get_or_insert(para.start);
                    if let Some(who) = addressee(ctx, &body) {
                        answerer = Some(who);
                    }
                    questions.push(body.clone());
                    out.push((body, Turn::Question));
                }
                Bracketed::Answer => answers.push((body, answerer.clone())),
                Bracketed::Speech(who, role) => {
                    if let Some(role) = role {
                        roles.push((role, who.clone()));
                    }
                    out.push((body, Turn::Speech(who)));
                }
            }
            continue;
        }
        if let Some(who) = stage_direction(ctx, &para) {
            answerer = Some(who);
            continue;
        }
        let Some(colon) = (para.start..para.end.min(para.start + MAX_LABEL + 1)).find(|&i| ctx.word(i) == ":") else {
            continue;
        };
        if colon == para.start || colon + MIN_SENTENCE > para.end {
            continue;
        }
        // A bullet or dash before the label ("- Baek: ...") is no part of it.
        let from = (para.start..colon).find(|&k| !matches!(ctx.word(k), "-" | "–" | "—" | "•" | "*")).unwrap_or(colon);
        if from == colon {
            continue;
        }
        let label = from..colon;
        let body = colon + 1..para.end;
        // A bare role label ("Chairman:") after the same role with a name.
        if label.len() == 1 {
            if let Some((_, who)) = roles.iter().find(|(r, _)| ctx.lower(label.start) == *r) {
                out.push((body, Turn::Speech(who.clone())));
                continue;
            }
        }
        match label_kind(ctx, &label) {
            Some(Label::Question) => {
                first_question.get_or_insert(para.start);
                if let Some(who) = addressee(ctx, &body) {
                    answerer = Some(who);
                }
                questions.push(body.clone());
                out.push((body, Turn::Question));
            }
            Some(Label::Answer) => answers.push((body, answerer.clone())),
            Some(Label::Person(who)) => out.push((body, Turn::Speech(who))),
            None if plain_name_label(ctx, &label) => unnamed.push((body, label)),
            // Initials that several people of the article share ("M.K."
            // for Maria Kovac and Mark Kessler) are the one of them the
            // latest question naming any of them names ("Mrs. Kovac, ..."),
            // else nobody's turn.
            Some(Label::SharedInitials(people)) => {
                let named = questions.iter().rev().find_map(|q: &Range<usize>| {
                    let mut named: Vec<usize> = ctx
                        .mentions_in(ctx.span(q.start, q.end))
                        .filter_map(|m| ctx.doc.mentions[m].entity)
                        .filter(|e| people.contains(e))
                        .collect();
                    named.sort_unstable();
                    named.dedup();
                    (!named.is_empty()).then_some(named)
                });
                if let Some([e]) = named.as_deref() {
                    if let Some(who) = person_name_tokens(ctx, *e) {
                        out.push((body, Turn::Speech(who)));
                    }
                }
            }
            None => {}
        }
    }
    let default = first_question.and_then(|q| interviewee(ctx, q));
    for (body, named) in answers {
        if let Some(who) = named.or_else(|| default.clone()) {
            out.push((body, Turn::Speech(who)));
        }
    }
    if out.len() < 2 {
        return Vec::new();
    }
    // In a transcript of two or more recognised speakers, a label of one or
    // two capitalised words is a speaker too: callers and guests named by
    // a given name alone, which the recogniser does not know as people.
    if out.iter().filter(|(_, t)| matches!(t, Turn::Speech(_))).count() >= 2 {
        out.extend(unnamed.into_iter().map(|(body, label)| (body, Turn::Speech(label))));
    }
    out.sort_by_key(|(b, _)| b.start);
    let continued = continuation_paragraphs(ctx, &out);
    out.extend(continued);
    out.sort_by_key(|(b, _)| b.start);
    out
}

/// Paragraphs without a label inside a transcript ("Secondly, regarding
/// information. I did not say ..." after "Minister X: ..."): the speaker of
/// the last labelled paragraph goes on, provided another labelled
/// paragraph follows — the narration that closes a transcript is the
/// outlet's. Stage directions in brackets ("(Applause.)") are nobody's.
fn continuation_paragraphs(ctx: &Ctx, turns: &[(Range<usize>, Turn)]) -> Vec<(Range<usize>, Turn)> {
    let mut out = Vec::new();
    let (Some(first), Some(last)) = (turns.first(), turns.last()) else { return out };
    let mut start = first.0.end;
    while start < last.0.start {
        let para = ctx.paragraph(start);
        start = para.end.max(start + 1);
        let labelled = turns.iter().any(|(b, _)| para.start <= b.start && b.start < para.end);
        // A label nobody was found for ("Published: ...", "Reporter X:")
        // starts something else.
        let unknown_label = (para.start..para.end.min(para.start + MAX_LABEL + 1)).any(|k| ctx.word(k) == ":");
        if labelled || unknown_label || para.end > last.0.start || matches!(ctx.word(para.start), "(" | "[") {
            continue;
        }
        // The turn continued is no headline in the form of a label
        // ("Colonel X: ..." opening the document: what follows it is the
        // article, not the colonel) and no tally ("Bernie Sanders:
        // 1,501."): it opens no document and holds a verb.
        let before = turns
            .iter()
            .rev()
            .find(|(b, _)| b.end <= para.start)
            .filter(|(b, _)| ctx.paragraph(b.start).start > 0 && b.clone().any(|k| may_be_verb(ctx, k)));
        if let Some((_, Turn::Speech(who))) = before {
            out.push((para, Turn::Speech(who.clone())));
        }
    }
    out
}

/// The longest bracket in a label, in tokens ("A (Mr. Lê Quang Vĩnh,
/// Director of the Tra Linh 3 Hydropower Joint Stock Company):").
const MAX_BRACKET: usize = 30;

/// What a label with a bracket says.
enum Bracketed {
    /// A question ("Q (reporter of Radio X):").
    Question,
    /// An answer whose bracket names nobody: the interviewee's, as a bare
    /// "A:".
    Answer,
    /// The speech of a person, with the role word the label gave them
    /// ("Chairman (Mr. Somchai Wongsakul):" gives "chairman"), so that a
    /// later bare "Chairman:" is theirs too.
    Speech(Range<usize>, Option<String>),
}

/// Reads a label with a bracket, as printed press conferences and hearing
/// records have them: "Q (reporter of Radio X): ...", "A (Mrs. Nhung): ...",
/// "Mr. Prasert Boonmee (Director-General, Royal Irrigation Department):
/// ...", "Chairman (Mr. Somchai Wongsakul): ...". Returns the label's colon
/// and what it says. The speaker is the person named before the bracket,
/// else the person the bracket names.
fn bracketed_label(ctx: &Ctx, para: &Range<usize>) -> Option<(usize, Bracketed)> {
    let mark = (para.start..para.end).find(|&k| !matches!(ctx.word(k), "-" | "–" | "—" | "•" | "*"))?;
    let open = (mark + 1..para.end.min(mark + 1 + MAX_LABEL)).find(|&k| ctx.word(k) == "(")?;
    let close = (open + 1..para.end.min(open + 1 + MAX_BRACKET)).find(|&k| ctx.word(k) == ")")?;
    let colon = close + 1;
    if ctx.word(colon) != ":" || colon + MIN_SENTENCE > para.end {
        return None;
    }
    let head = mark..open;
    match ctx.lower(mark).as_str() {
        "q" | "question" if head.len() == 1 => return Some((colon, Bracketed::Question)),
        "a" | "answer" if head.len() == 1 => {
            return Some((
                colon,
                person_in(ctx, open + 1..close).map_or(Bracketed::Answer, |p| Bracketed::Speech(p, None)),
            ))
        }
        _ => {}
    }
    if !capitalised(ctx, &head) && !role_head(ctx, &head) {
        return None;
    }
    if let Some(p) = person_in(ctx, head.clone()).filter(|p| p.end == open) {
        return Some((colon, Bracketed::Speech(p, None)));
    }
    // A role before the bracket: "Chairman (Mr. X)".
    let role = (head.len() <= 3).then(|| String::from(ctx.lower(mark)));
    person_in(ctx, open + 1..close).map(|p| (colon, Bracketed::Speech(p, role)))
}

/// A role written in lower case before the bracket: "Member of the
/// committee (Lina Saar):", "Observer of the union (X):". It opens with a
/// capital, ends on a noun and holds no verb or pronoun, so "He said (in
/// Tallinn):" is no label.
fn role_head(ctx: &Ctx, head: &Range<usize>) -> bool {
    let first_cap = ctx.word(head.start).chars().next().is_some_and(char::is_uppercase);
    let last_noun = head.end > head.start && matches!(ctx.tokens[head.end - 1].upos, Upos::NOUN | Upos::PROPN);
    first_cap
        && head.len() <= 6
        && last_noun
        && head.clone().all(|k| !may_be_verb(ctx, k) && !matches!(ctx.tokens[k].upos, Upos::PRON | Upos::PUNCT))
}

/// The tokens of the first person named in tokens `r`.
fn person_in(ctx: &Ctx, r: Range<usize>) -> Option<Range<usize>> {
    let span = ctx.span(r.start, r.end);
    let m = ctx.mentions_in(span).find(|&m| ctx.mention_kind(m) == EntityKind::Person)?;
    tokens_of(ctx, ctx.doc.mentions[m].span)
}

/// The tokens a byte span covers, when it covers any.
fn tokens_of(ctx: &Ctx, span: crate::document::Span) -> Option<Range<usize>> {
    let from = ctx.doc.analysis.token_at_or_after(span.start);
    let to = ctx.doc.analysis.token_at_or_after(span.end);
    (from < to).then_some(from..to)
}

/// True when every word of `r` is capitalised (dots and hyphens of titles
/// and names aside): a label names someone, "this is what he said:" does
/// not.
fn capitalised(ctx: &Ctx, r: &Range<usize>) -> bool {
    let initial_cap = |i: usize| ctx.word(i).chars().next().is_some_and(char::is_uppercase);
    // Titles hold connectors ("Minister of Finance Tomáš Vrba:", "Secretary
    // for the Interior X:"); the label's first and last words are capitals.
    let inner = |i: usize| i > r.start && i + 1 < r.end && is_connector(ctx.word(i));
    !r.is_empty()
        && initial_cap(r.start)
        && r.clone().all(|i| {
            let w = ctx.word(i);
            w == "." || w == "-" || initial_cap(i) || inner(i)
        })
}

/// What a label says.
enum Label {
    Question,
    Answer,
    Person(Range<usize>),
    /// Initials that more than one person of the article has: their
    /// entities.
    SharedInitials(Vec<usize>),
}

/// Reads a label: a question or answer mark, or a person's name with an
/// optional title ("Col. Wróbel", "Minister Tomaszczyk"), all capitalised.
fn label_kind(ctx: &Ctx, label: &Range<usize>) -> Option<Label> {
    let first = ctx.lower(label.start);
    // A broadcast's host asks and relays what others say ("HOST: Some
    // residents say ... Is this true?"): a questioner's turn.
    if matches!(first.as_str(), "q" | "question" | "reporter" | "journalist" | "interviewer")
        || label.len() == 1 && matches!(first.as_str(), "host" | "presenter" | "anchor" | "moderator")
    {
        return Some(Label::Question);
    }
    if label.len() == 1 && matches!(first.as_str(), "a" | "answer") {
        return Some(Label::Answer);
    }
    if !capitalised(ctx, label) {
        return None;
    }
    // "M.K.: No, that is not correct.": initials stand for the one person
    // of the article whose name has them ("Marlon Kartosen"); initials
    // that fit nobody are the interviewer's, who is named by them alone.
    if let Some(initials) = label_initials(ctx, label) {
        let want: Vec<char> = initials.chars().collect();
        return Some(match person_with_initials(ctx, &want) {
            InitialsFit::One(who) => Label::Person(who),
            InitialsFit::Nobody => Label::Question,
            InitialsFit::Several(people) => Label::SharedInitials(people),
        });
    }
    let span = ctx.span(label.start, label.end);
    let person = ctx.mentions_in(span).find(|&m| ctx.mention_kind(m) == EntityKind::Person)?;
    // The name must end the label: "Wróbel's office:" is no speaker.
    (ctx.doc.mentions[person].span.end == span.end).then(|| Label::Person(label.clone()))
}

/// Words that open a paragraph with a colon without naming a speaker:
/// page furniture and editorial notes ("UPDATE:", "Read more:").
const FURNITURE_LABELS: &[&str] = &[
    "update",
    "updated",
    "note",
    "photo",
    "photos",
    "video",
    "source",
    "sources",
    "read",
    "more",
    "related",
    "tags",
    "warning",
    "breaking",
    "watch",
    "listen",
    "editor",
    "correction",
    "disclaimer",
    "contact",
    "email",
    "phone",
    "tel",
    "fax",
    "address",
    "date",
    "time",
    "location",
    "place",
    "subject",
    "re",
    "ps",
    "caption",
    "credit",
    "credits",
    "see",
    "also",
    "share",
    "follow",
    "advertisement",
    "sponsored",
    "live",
    "summary",
    "background",
    "context",
    "analysis",
    "opinion",
    "comment",
    "comments",
    "translation",
    "transcript",
    "audio",
    "attention",
];

/// True when a label is one or two capitalised words of letters, not page
/// furniture, naming nothing the recogniser knows as a place or body:
/// a name it did not know ("WILNER", "Jocelyne").
fn plain_name_label(ctx: &Ctx, label: &Range<usize>) -> bool {
    let words_ok = label.clone().all(|k| {
        let w = ctx.word(k);
        w.chars().count() >= 3
            && w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !FURNITURE_LABELS.contains(&ctx.lower(k).as_str())
    });
    // The recogniser's kind of a name in capitals is no evidence: it takes
    // "WILNER" for a body as readily as "NATO".
    let capitals = label.clone().all(|k| ctx.word(k).chars().all(|c| !c.is_lowercase()));
    let span = ctx.span(label.start, label.end);
    let other_kind = !capitals && ctx.mentions_in(span).any(|m| ctx.mention_kind(m) != EntityKind::Person);
    // A section heading ("Markets:", "Verdict:") is a word of the language;
    // a name in capitals is a label's style, a name in title case must be
    // used again in the article ("Jocelyne: ..." after "We go to
    // Jocelyne").
    let used_again = || {
        let w = ctx.word(label.start);
        ctx.doc.text.matches(w).count() > 1
    };
    (1..=2).contains(&label.len()) && words_ok && !other_kind && (capitals || used_again())
}

/// The letters of a label written as initials: "M.K.", "J. A." (two or
/// three capitals, each followed by its dot). Capitals without dots are an
/// acronym's label ("BBC:", "UN:"), and a country's dotted abbreviation
/// ("U.S.:", "U.K.:") is no person's.
fn label_initials(ctx: &Ctx, label: &Range<usize>) -> Option<String> {
    let text: String = label.clone().map(|k| ctx.word(k)).collect();
    let letters: String = text.chars().filter(|c| *c != '.').collect();
    let count = letters.chars().count();
    let shape = (2..=3).contains(&count) && letters.chars().all(|c| c.is_uppercase());
    let one_dot_each = text.matches('.').count() >= count;
    let country = matches!(letters.as_str(), "US" | "UK" | "USA" | "UAE" | "EU" | "UN");
    (shape && one_dot_each && !country).then_some(letters)
}

/// Whom a label of initials fits (see [`person_with_initials`]).
enum InitialsFit {
    /// No person of the document has these initials.
    Nobody,
    /// The tokens of the name of the one person who has them.
    One(Range<usize>),
    /// More than one person has them: their entities.
    Several(Vec<usize>),
}

/// The person in the document whose given name and surname start with
/// the letters `want`, in order.
fn person_with_initials(ctx: &Ctx, want: &[char]) -> InitialsFit {
    let mut found: Vec<(usize, Range<usize>)> = Vec::new();
    for (m, mention) in ctx.doc.mentions.iter().enumerate() {
        if mention.kind != EntityKind::Person || mention.form != crate::document::MentionForm::Name {
            continue;
        }
        let Some(tokens) = tokens_of(ctx, mention.span) else { continue };
        if initials_of(ctx, &tokens) != want {
            continue;
        }
        let entity = mention.entity.unwrap_or(usize::MAX - m);
        if found.iter().all(|(e, _)| *e != entity) {
            found.push((entity, tokens));
        }
    }
    match found.len() {
        0 => InitialsFit::Nobody,
        1 => InitialsFit::One(found.swap_remove(0).1),
        _ => InitialsFit::Several(found.into_iter().map(|(e, _)| e).collect()),
    }
}

/// The first letters of the words of a name's tokens ("Marta Kovalenko"
/// gives M, K), connectors ("de", "van") and punctuation left out.
fn initials_of(ctx: &Ctx, tokens: &Range<usize>) -> Vec<char> {
    tokens
        .clone()
        .filter(|&k| !is_connector(ctx.word(k)) && ctx.word(k).chars().any(char::is_alphabetic))
        .filter_map(|k| ctx.word(k).chars().next())
        .collect()
}

/// The person a question addresses: "Inspector, how many people died?",
/// "Magalie Roy, Radio X. Commissioner, how many families left?" — the
/// words before the comma that opens the question's last sentence, when
/// they name or describe one person of the document and are no subject of
/// the clause (a vocative, not "X, the leader, says ..."). Returns the tokens of
/// that person's name as the text first wrote it, so that the answers that
/// follow are theirs (a press conference with several officials).
fn addressee(ctx: &Ctx, body: &Range<usize>) -> Option<Range<usize>> {
    let sentences = &ctx.doc.analysis.sentences;
    let last = sentences.iter().rev().find(|s| s.tokens.start < body.end && s.tokens.end > body.start)?;
    let from = last.tokens.start.max(body.start);
    let comma = (from..last.tokens.end.min(from + 5)).find(|&k| ctx.word(k) == ",")?;
    if comma == from || !ctx.word(from).chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let words = from..comma;
    // A name that is the subject of the question's own clause ("Karl Dorn,
    // the opposition leader, says the dam is too expensive, is he right?")
    // is someone the question speaks about, not the one it addresses: a
    // vocative hangs from the clause without a subject's relation.
    if ctx.parsed && words.clone().any(|k| ctx.tokens[k].deprel.is("nsubj")) {
        return None;
    }
    // A title the text wrote right before one person's name ("Inspector
    // Lucien Roy") is that person, whoever else holds a role of its class;
    // a given name the recogniser left out may stand between ("Inspector
    // Wilnès Jean-Baptiste" recognised as "Jean-Baptiste").
    let title = ctx.lower(comma - 1);
    let capital = |k: usize| ctx.word(k).chars().next().is_some_and(char::is_uppercase);
    let mut titled: Vec<usize> = ctx
        .doc
        .mentions
        .iter()
        .filter(|m| {
            let before = ctx.doc.analysis.token_at_or_after(m.span.start);
            m.kind == EntityKind::Person
                && m.form == crate::document::MentionForm::Name
                && (before > 0 && ctx.lower(before - 1) == title
                    || before > 1 && capital(before - 1) && ctx.lower(before - 2) == title)
        })
        .filter_map(|m| m.entity)
        .collect();
    titled.sort_unstable();
    titled.dedup();
    let e = match titled.as_slice() {
        [e] => *e,
        _ => match super::speaker::resolve(ctx, &words, &[]) {
            super::speaker::Resolution::Entity(e) => e,
            super::speaker::Resolution::None => return None,
        },
    };
    person_name_tokens(ctx, e)
}

/// A stage direction naming who speaks next: a paragraph wholly in
/// brackets that opens with a person's name, after a title at most, and has
/// no verb in the past and no negation ("[Commissioner Dorval takes the
/// microphone]"; "(The minister answers)" names no one).
fn stage_direction(ctx: &Ctx, para: &Range<usize>) -> Option<Range<usize>> {
    let close = match ctx.word(para.start) {
        "[" => "]",
        "(" => ")",
        _ => return None,
    };
    if para.len() < 3 || para.len() > 20 || ctx.word(para.end - 1) != close {
        return None;
    }
    // A direction says, in the present, who takes the floor; a note in
    // the past or negated ("[Governor X did not respond to our request.]")
    // names someone who does not answer here.
    let note = (para.start..para.end)
        .any(|k| super::lexicon::is_negator(ctx.word(k)) || ctx.tagged && ctx.tokens[k].xpos.as_str() == "VBD");
    if note {
        return None;
    }
    let span = ctx.span(para.start, para.end);
    let m = ctx.mentions_in(span).find(|&m| {
        let mention = &ctx.doc.mentions[m];
        mention.kind == EntityKind::Person && mention.entity.is_some()
    })?;
    // The name opens the direction, after its title at most ("[Commissioner
    // X takes the microphone]"); one further in ("(Translated by X)",
    // "(Interviewer: X)") is someone else's credit.
    let first = ctx.tokens.partition_point(|t| t.start < ctx.doc.mentions[m].span.start);
    let opens = (para.start + 1..first).all(|k| {
        let w = ctx.word(k);
        w == "." || w.eq_ignore_ascii_case("the") || names::is_title_word(w) || names::is_honorific(w)
    });
    if !opens {
        return None;
    }
    person_name_tokens(ctx, ctx.doc.mentions[m].entity?)
}

/// The tokens of the first name mention of person entity `e`.
fn person_name_tokens(ctx: &Ctx, e: usize) -> Option<Range<usize>> {
    let entity = ctx.doc.entities.get(e)?;
    if entity.kind != EntityKind::Person {
        return None;
    }
    let m =
        entity.mentions.iter().copied().find(|&m| ctx.doc.mentions[m].form == crate::document::MentionForm::Name)?;
    tokens_of(ctx, ctx.doc.mentions[m].span)
}

/// The person an interview's answers belong to: the last person named
/// before its first question.
fn interviewee(ctx: &Ctx, first_question: usize) -> Option<Range<usize>> {
    let before = ctx.tokens.get(first_question)?.start;
    let m = ctx.doc.mentions.iter().rev().find(|m| {
        m.span.end <= before && m.kind == EntityKind::Person && m.form == crate::document::MentionForm::Name
    })?;
    tokens_of(ctx, m.span)
}

/// True when token `k` is a verb, or a plural noun between a noun and a
/// determiner, which is a verb the tagger missed ("The mission counts every
/// explosion").
fn may_be_verb(ctx: &Ctx, k: usize) -> bool {
    let t = &ctx.tokens;
    matches!(t[k].upos, Upos::VERB | Upos::AUX)
        || t[k].xpos.as_str() == "NNS"
            && k > 0
            && matches!(t[k - 1].upos, Upos::NOUN | Upos::PROPN)
            && t.get(k + 1).is_some_and(|n| n.upos == Upos::DET)
}

/// True when the speaker words are a first-person pronoun ("I", "we").
fn first_person(ctx: &Ctx, s: &Range<usize>) -> bool {
    s.len() == 1 && matches!(ctx.lower(s.start).as_str(), "i" | "we" | "our" | "my" | "us" | "me")
        || s.len() == 2 && matches!(ctx.lower(s.start).as_str(), "our" | "my")
}

/// True when the sentence holding token `i` inside `body` ends with a
/// question mark.
fn ends_in_question(ctx: &Ctx, body: &Range<usize>, i: usize) -> bool {
    let Some(si) = ctx.doc.analysis.sentence_of(i) else { return false };
    let end = ctx.doc.analysis.sentences[si].tokens.end.min(body.end);
    end > 0 && ctx.word(end - 1) == "?"
}
