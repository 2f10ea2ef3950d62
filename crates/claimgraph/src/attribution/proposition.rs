//! Propositions: each claim's content normalised to actor, predicate,
//! object and recipient, plus a bag of content terms and the quantities it
//! states, so that claims from different sources can be aligned.
//!
//! The main clause of the content is found as in [`super::stance`]; its
//! subject is the actor, its first main verb the predicate, the noun phrase
//! after the verb the object, and a "to/from/with/against X" phrase the
//! recipient. Arguments naming an entity carry its index. Terms are the
//! content's meaningful words, lower-cased, singular, with demonyms mapped to
//! their country ("Iranian" → "iran").

use std::ops::Range;

use claimgraph_nlp::Upos;

use crate::document::{Argument, Document, MentionForm, Proposition, Span};
use crate::entities::gazetteer::Countries;
use crate::pipeline::Stage;

/// Fills every claim's proposition; runs after the quantity stage.
pub struct PropositionStage;

impl Stage for PropositionStage {
    fn name(&self) -> &'static str {
        "propositions"
    }
    fn run(&self, doc: &mut Document) {
        fill(doc);
    }
}

const STOP: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "from", "by", "as", "is", "are",
    "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would", "shall",
    "should", "can", "could", "may", "might", "must", "that", "this", "these", "those", "it", "its", "he", "she",
    "they", "them", "their", "his", "her", "we", "our", "us", "i", "you", "your", "not", "no", "any", "some", "all",
    "which", "who", "whom", "what", "when", "where", "why", "how", "there", "here", "so", "if", "than", "then", "also",
    "very", "such", "into", "about", "over", "after", "before", "since", "because", "while", "said", "says", "say",
    "one", "other", "more", "most", "only", "just", "even", "about", "against", "between", "during", "without",
    "within", "through", "its", "being", "n't", "never", "been", "'s", "’s", "to", "do", "so", "up", "out", "own",
    "same", "both", "each",
];

/// A crude singular form for English plurals ("drones" → "drone").
fn singular(w: &str) -> String {
    if w.len() > 4 && w.ends_with("ies") {
        format!("{}y", &w[..w.len() - 3])
    } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w[..w.len() - 1].to_string()
    } else {
        w.to_string()
    }
}

/// The normalised term of a word: country for a demonym or country name,
/// else the lemma (or a singular form), lower-cased.
fn term(doc: &Document, i: usize) -> Option<String> {
    let t = &doc.analysis.tokens[i];
    let w = t.text(&doc.text);
    if !w.chars().any(char::is_alphanumeric) {
        return None;
    }
    let lw = w.to_lowercase();
    if STOP.contains(&lw.as_str()) || lw.len() < 2 {
        return None;
    }
    if w.chars().next().is_some_and(char::is_uppercase) {
        if let Some(c) = Countries::get().lookup(w) {
            return Some(c.name.to_lowercase());
        }
    }
    if !t.lemma.is_empty() && t.upos != Upos::PROPN {
        return Some(t.lemma.to_lowercase());
    }
    if lw.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') {
        return Some(lw.replace(',', ""));
    }
    Some(singular(&lw))
}

/// Computes the proposition of every claim.
pub fn fill(doc: &mut Document) {
    let props: Vec<Proposition> = {
        let ctx = super::context::Ctx::new(doc);
        (0..doc.claims.len()).map(|c| build(&ctx, c)).collect()
    };
    for (c, p) in doc.claims.iter_mut().zip(props) {
        c.proposition = Some(p);
    }
}

fn token_range(doc: &Document, span: Span) -> Range<usize> {
    let toks = &doc.analysis.tokens;
    let s = toks.partition_point(|t| t.end <= span.start);
    let e = toks.partition_point(|t| t.start < span.end);
    s..e.max(s)
}

fn build(ctx: &super::context::Ctx, c: usize) -> Proposition {
    let doc = ctx.doc;
    let claim = &doc.claims[c];
    let parts: Vec<Span> =
        if claim.content_parts.is_empty() { vec![claim.content] } else { claim.content_parts.clone() };
    let mut terms: Vec<String> = Vec::new();
    for p in &parts {
        for i in token_range(doc, *p) {
            if let Some(t) = term(doc, i) {
                terms.push(t);
            }
        }
    }
    // Entities named in the content become terms too, by their display name,
    // so that "Tehran" in one source meets "Iran" in another only through
    // the events layer, but two spellings of one person meet here.
    for m in doc.mentions.iter().filter(|m| parts.iter().any(|p| p.contains(m.span)) && m.form == MentionForm::Name) {
        if let Some(e) = m.entity.and_then(|e| doc.entities.get(e)) {
            terms.push(format!("@{}", e.name.to_lowercase()));
        }
    }
    terms.sort();
    terms.dedup();

    let main = token_range(doc, *parts.last().unwrap_or(&claim.content));
    let (actor, predicate, object, recipient) = clause_roles(doc, main.clone());
    let negated = super::stance::main_clause_negated(ctx, &token_range(doc, parts[0]));
    let quantities =
        doc.quantities.iter().filter(|q| parts.iter().any(|p| p.contains(q.span))).map(|q| q.value).collect();
    Proposition { actor, predicate, object, recipient, negated, terms, quantities, ..Default::default() }
}

/// An argument for the token range: the entity of a name mention inside it,
/// the words, and the head (last noun) lemma.
fn argument(doc: &Document, r: Range<usize>) -> Option<Argument> {
    if r.is_empty() {
        return None;
    }
    let toks = &doc.analysis.tokens;
    let span = Span::new(toks[r.start].start, toks[r.end - 1].end);
    let entity = doc.mentions.iter().filter(|m| span.contains(m.span)).find_map(|m| m.entity);
    let head = r.clone().rev().find_map(|i| {
        let w = toks[i].text(&doc.text);
        w.chars().any(char::is_alphabetic).then(|| term(doc, i)).flatten()
    })?;
    Some(Argument { entity, text: doc.span_text(span).to_string(), head })
}

type Roles = (Option<Argument>, String, Option<Argument>, Option<Argument>);

/// Subject, verb, object and recipient of the clause in `r`.
fn clause_roles(doc: &Document, r: Range<usize>) -> Roles {
    let toks = &doc.analysis.tokens;
    let word = |i: usize| toks[i].text(&doc.text).to_lowercase();
    let tagged = r.clone().any(|i| toks[i].upos != Upos::X);
    // Skip a fronted subordinate clause or adverbial up to its comma.
    let mut s = r.start;
    if r.clone().take(1).any(|i| {
        super::lexicon::is_subordinator(&word(i))
            || matches!(word(i).as_str(), "but" | "according" | "in" | "on" | "since")
    }) {
        if let Some(comma) = r.clone().find(|&i| word(i) == ",") {
            s = comma + 1;
        }
    }
    // The verb: the first VERB (tagged) or the first word that looks like a
    // finite verb after at least one subject word.
    let is_verb = |i: usize| -> bool {
        if tagged {
            toks[i].upos == Upos::VERB
        } else {
            let w = word(i);
            i > s
                && (w.ends_with("ed")
                    || matches!(
                        w.as_str(),
                        "sent"
                            | "sold"
                            | "bought"
                            | "gave"
                            | "made"
                            | "took"
                            | "has"
                            | "is"
                            | "are"
                            | "was"
                            | "were"
                            | "will"
                            | "plans"
                            | "supplies"
                            | "provides"
                    ))
        }
    };
    let Some(v) = (s..r.end).find(|&i| is_verb(i)) else {
        return (argument(doc, s..r.end), String::new(), None, None);
    };
    // Subject: words before the verb, minus auxiliaries and negation.
    let mut subj_end = v;
    while subj_end > s
        && (super::speaker::is_pre_verb_filler(&word(subj_end - 1))
            || matches!(word(subj_end - 1).as_str(), "not" | "n't"))
    {
        subj_end -= 1;
    }
    let actor = argument(doc, s..subj_end);
    let predicate = if !toks[v].lemma.is_empty() { toks[v].lemma.to_lowercase() } else { word(v) };
    // Object: up to a preposition, comma or clause word.
    let mut o = v + 1;
    while o < r.end && matches!(word(o).as_str(), "not" | "n't" | "been" | "be" | "any" | "also") {
        o += 1;
    }
    let mut oe = o;
    while oe < r.end
        && !matches!(
            word(oe).as_str(),
            "to" | "from" | "with" | "against" | "for" | "," | "." | "which" | "that" | "in" | "on" | "and"
        )
    {
        oe += 1;
    }
    let mut object = argument(doc, o..oe);
    let mut recipient = None;
    if oe < r.end && matches!(word(oe).as_str(), "to" | "from" | "with" | "against") {
        let mut re = oe + 1;
        while re < r.end
            && !matches!(word(re).as_str(), "," | "." | "which" | "that" | "in" | "on" | "and" | "to" | "from")
        {
            re += 1;
        }
        let rec = argument(doc, oe + 1..re);
        // "provided Russia with missiles": the first NP is the recipient.
        if word(oe) == "with" {
            recipient = object.take();
            object = rec;
        } else {
            recipient = rec;
        }
    }
    (actor, predicate, object, recipient)
}
