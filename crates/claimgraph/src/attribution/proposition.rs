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

use crate::document::{Argument, Document, Frame, MentionForm, Proposition, Span, Stance};
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

/// Nouns that name a part in a deed without saying which deed ("any
/// suggestion of involvement", "the claims of complicity"): as the topic of
/// a rejection they restate no allegation. Lemmas, lower case.
const ACCUSED_PART_NOUNS: &[&str] = &[
    "involvement",
    "role",
    "responsibility",
    "complicity",
    "participation",
    "link",
    "connection",
    "hand",
    "guilt",
    "wrongdoing",
    "culpability",
];

/// Computes the proposition of every claim.
pub fn fill(doc: &mut Document) {
    let props: Vec<Proposition> = {
        let ctx = super::context::Ctx::new(doc);
        (0..doc.claims.len()).map(|c| build(&ctx, c)).collect()
    };
    for (c, p) in doc.claims.iter_mut().zip(props) {
        c.proposition = Some(p);
    }
    fill_rejections(doc);
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
    let quantities: Vec<f64> =
        doc.quantities.iter().filter(|q| parts.iter().any(|p| p.contains(q.span))).map(|q| q.value).collect();
    let mut frames = Vec::new();
    if ctx.parsed {
        for p in &parts {
            collect_frames(doc, token_range(doc, *p), &mut frames);
        }
    }
    Proposition { actor, predicate, object, recipient, negated, terms, quantities, frames, ..Default::default() }
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
    // A restated allegation ("reports that Iran had sent drones") is about
    // the clause it restates.
    let r = match r.clone().take(2).find(|&i| super::lexicon::is_claim_noun(&word(i))) {
        Some(n) if n + 1 < r.end && word(n + 1) == "that" => n + 2..r.end,
        _ => r,
    };
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
    // A demonym, however tagged ("Ethiopian" is often NNP): a capitalised
    // variant of a country with an adjective's ending, so that a capital
    // ("Moscow sent tanks") or another name of the country is none.
    let demonym = |i: usize| {
        let w = toks[i].text(&doc.text);
        let lw = w.to_lowercase();
        w.starts_with(char::is_uppercase)
            && ["an", "ese", "ish", "i", "ic", "ch", "ss", "ek", "ai"].iter().any(|e| lw.ends_with(e))
            && Countries::get().lookup(w).is_some_and(|c| !c.name.eq_ignore_ascii_case(w))
    };
    // A participle between a determiner, adjective or number and a noun
    // ("Ethiopian armoured vehicles were sent", "the guided missiles")
    // modifies the noun: it is no verb of the clause when another is. (Read from the words around it:
    // the parse often calls a finite "had purchased radar units" `amod`.)
    let attributive = |i: usize| -> bool {
        matches!(toks[i].xpos.as_str(), "VBN" | "VBG")
            && toks.get(i + 1).is_some_and(|t| t.upos == Upos::NOUN)
            && i > s
            && (matches!(toks[i - 1].upos, Upos::DET | Upos::ADJ | Upos::NUM) || demonym(i - 1))
    };
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
    // The first verb that is no attributive participle; failing one, the
    // first verb at all ("the burned area is 420 hectares": its only verb).
    let first_verb = (s..r.end).find(|&i| is_verb(i) && !(tagged && attributive(i)));
    let Some(v) = first_verb.or_else(|| (s..r.end).find(|&i| is_verb(i))) else {
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
    let predicate = if !toks[v].lemma.is_empty() { toks[v].lemma.to_lowercase() } else { word(v) };
    if (subj_end..v).any(|i| is_be_form(&word(i)))
        && (toks[v].xpos.as_str() == "VBN" || !tagged && is_participle(&word(v)))
    {
        return passive_roles(doc, s..subj_end, v, r.end, predicate);
    }
    let actor = argument(doc, s..subj_end);
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

/// Roles of a passive clause ("Iranian drones were shipped to Russia by
/// sea", "rifles were bought from Georgia by India"): the subject in
/// `subj` is what is acted on (the object); a "by" phrase after the
/// participle at `v` names the actor; a "to/from/with/against" phrase the
/// recipient, as in the active clause. Without a "by" phrase, a theme that
/// was moved *to* someone is the goods of its origin: a country name,
/// demonym or possessive leading the subject ("Iranian drones", "Iran's
/// missiles") is the actor, so that the passive meets the active clause
/// ("Iran shipped drones to Russia"). Only with a "to" phrase: in "Russian
/// soldiers were killed" the demonym names the victims, not the doers.
fn passive_roles(doc: &Document, subj: Range<usize>, v: usize, end: usize, predicate: String) -> Roles {
    let toks = &doc.analysis.tokens;
    let word = |i: usize| toks[i].text(&doc.text).to_lowercase();
    let stops = |w: &str| matches!(w, "," | "." | ";" | "which" | "that" | "and" | "but" | "after" | "when" | "while");
    // The phrases after the participle, each up to the next preposition.
    let mut phrases: Vec<(String, Range<usize>)> = Vec::new();
    let mut i = v + 1;
    while i < end && !stops(&word(i)) {
        let w = word(i);
        if matches!(w.as_str(), "by" | "to" | "from" | "with" | "against") {
            let mut e = i + 1;
            while e < end
                && !stops(&word(e))
                && !matches!(word(e).as_str(), "by" | "to" | "from" | "with" | "against" | "in" | "on" | "for")
            {
                e += 1;
            }
            phrases.push((w, i + 1..e));
            i = e;
        } else {
            i += 1;
        }
    }
    let phrase = |p: &str| phrases.iter().find(|(w, _)| w == p).and_then(|(_, r)| argument(doc, r.clone()));
    // The complementiser is no part of the theme ("that Iranian drones").
    let mut theme = subj.clone();
    if theme.start < theme.end && word(theme.start) == "that" {
        theme.start += 1;
    }
    // A "by" phrase names the doer when it opens with a determiner, a name
    // or a pronoun: "by sea", "by 20 percent", "by Friday" name none.
    let agentive = |r: &Range<usize>| {
        r.start < r.end
            && !super::rules::is_weekday_or_month(&word(r.start))
            && (matches!(toks[r.start].upos, Upos::DET | Upos::PRON)
                || toks[r.start].upos == Upos::PROPN && toks[r.start].text(&doc.text).starts_with(char::is_uppercase))
    };
    let mut actor = phrases.iter().find(|(w, r)| w == "by" && agentive(r)).and_then(|(_, r)| argument(doc, r.clone()));
    let recipient = phrase("to").or_else(|| phrase("from")).or_else(|| phrase("with")).or_else(|| phrase("against"));
    // People moved ("Ukrainian children were deported to Russia") are no
    // goods of their country: only things take their origin as actor; nor
    // is "to" before a verb a recipient ("were hired to build").
    let to_goal = phrases.iter().any(|(w, r)| w == "to" && r.start < r.end && toks[r.start].upos != Upos::VERB);
    let people = theme.end > theme.start && is_people_noun(&word(theme.end - 1));
    if actor.is_none() && to_goal && !people {
        // Past a determiner, the first word of the subject: a country or
        // demonym ("Iranian"), or a possessive ("Iran's").
        let mut k = theme.start;
        while k < subj.end && matches!(word(k).as_str(), "the" | "a" | "an" | "some") {
            k += 1;
        }
        let possessive = k + 1 < subj.end && matches!(word(k + 1).as_str(), "'s" | "’s");
        let first = (k < subj.end).then(|| toks[k].text(&doc.text));
        let origin = first
            .filter(|w| w.starts_with(char::is_uppercase))
            .and_then(|w| Countries::get().lookup(w))
            .filter(|_| k + 1 < subj.end);
        if origin.is_some() || possessive && toks[k].upos == Upos::PROPN {
            actor = argument(doc, k..k + 1);
            // The country by its name, not its demonym: "Turkish" goods
            // were given by Turkey, as the active clause names it.
            if let (Some(a), Some(c)) = (actor.as_mut(), origin) {
                a.text = c.name.clone();
                a.head = c.name.to_lowercase();
            }
            theme = (k + 1 + usize::from(possessive))..subj.end;
        }
    }
    (actor, predicate, argument(doc, theme), recipient)
}

/// Plural nouns of people, whose nationality is no origin of goods.
fn is_people_noun(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "persons"
            | "children"
            | "refugees"
            | "migrants"
            | "workers"
            | "soldiers"
            | "troops"
            | "civilians"
            | "prisoners"
            | "detainees"
            | "hostages"
            | "citizens"
            | "nationals"
            | "students"
            | "journalists"
            | "fighters"
            | "mercenaries"
            | "pilgrims"
            | "tourists"
            | "residents"
            | "families"
            | "women"
            | "men"
            | "diplomats"
            | "officers"
            | "officials"
            | "doctors"
            | "nurses"
            | "experts"
            | "advisers"
            | "advisors"
            | "engineers"
            | "athletes"
            | "players"
            | "fans"
            | "volunteers"
            | "patients"
            | "orphans"
            | "seafarers"
            | "sailors"
            | "crew"
    )
}

/// Verbs that state no event of their own: copulas, auxiliaries used as
/// main verbs, and light verbs whose meaning lies in their object.
const LIGHT_VERBS: &[&str] = &[
    "be", "have", "do", "make", "get", "become", "seem", "appear", "continue", "begin", "start", "try", "want", "need",
    "let", "go", "come", "know", "think", "believe", "see", "show", "stress", "note", "add", "call", "describe",
    "exceed", "reach", "include", "remain", "exist", "mean",
];

/// Nouns that name an event and take arguments like a verb ("the strike on
/// the market", "a violation of the air border", "Israel's attack").
const EVENT_NOUNS: &[&str] = &[
    "attack",
    "strike",
    "hit",
    "downing",
    "sinking",
    "massacre",
    "airstrike",
    "raid",
    "assault",
    "bombing",
    "bombardment",
    "shelling",
    "incursion",
    "intrusion",
    "violation",
    "invasion",
    "crossing",
    "entry",
    "launch",
    "test",
    "flight",
    "explosion",
    "blast",
    "seizure",
    "capture",
    "arrest",
    "detention",
    "abduction",
    "kidnapping",
    "killing",
    "death",
    "execution",
    "shooting",
    "torture",
    "beating",
    "looting",
    "smuggling",
    "transfer",
    "delivery",
    "sale",
    "supply",
    "purchase",
    "shipment",
    "deployment",
    "surveillance",
    "interception",
    "involvement",
    "failure",
    "payment",
    "use",
    "withdrawal",
];

/// Event frames of the clauses and event nouns in token range `r` (see
/// [`Frame`]), appended to `out`. Arguments come from the dependency parse:
/// the subject (or passive agent) acts; the object (or passive subject) is
/// acted on; an indirect object or a "to/against/from/on/into/over/at" phrase
/// receives. A clause without a subject of its own takes it from where the
/// parse attaches it: a relative clause from the noun it modifies ("aircraft
/// that entered the airspace"), a coordinated or complement verb from its
/// head verb ("entered and stayed", "tried to cross").
///
/// Three readings repair what the tagger and parser get wrong or leave
/// implicit: a passive participle tagged as an adjective ("was brutally
/// beaten") is a passive verb whose subject is acted on; a finite verb
/// tagged as a plural noun ("the company detains or beats anyone": a
/// "noun" with a subject and no determiner, case or copula) is a verb; a
/// phrasal verb's object read as an oblique of its particle ("switched off
/// its transponder") is its object. An event noun used as a predicate ("the
/// launch was a failure") is an event of its subject.
fn collect_frames(doc: &Document, r: Range<usize>, out: &mut Vec<Frame>) {
    let toks = &doc.analysis.tokens;
    if r.is_empty() || r.end > toks.len() {
        return;
    }
    let a = &doc.analysis;
    let s0 = a.sentence_of(r.start).map(|s| a.sentences[s].tokens.start).unwrap_or(r.start);
    let s1 = a.sentence_of(r.end - 1).map(|s| a.sentences[s].tokens.end).unwrap_or(r.end);
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); s1 - s0];
    for (i, t) in toks.iter().enumerate().take(s1).skip(s0) {
        if let Some(h) = t.head.filter(|h| (s0..s1).contains(h)) {
            children[h - s0].push(i);
        }
    }
    let kids = |i: usize| -> &[usize] { children.get(i.wrapping_sub(s0)).map(Vec::as_slice).unwrap_or(&[]) };
    let lower = |i: usize| toks[i].text(&doc.text).to_lowercase();
    let rel = |i: usize| toks[i].deprel;
    // The words a dependent spans, clipped to the content.
    let subtree = |i: usize| -> Range<usize> {
        let (mut lo, mut hi) = (i, i);
        let mut stack = vec![i];
        while let Some(x) = stack.pop() {
            lo = lo.min(x);
            hi = hi.max(x);
            // Clauses hanging off the phrase are events of their own, and
            // the phrase's own preposition ("of", "by") is not part of it.
            stack.extend(kids(x).iter().copied().filter(|&k| {
                !["acl", "punct", "conj", "parataxis", "advcl", "ccomp", "cc"].iter().any(|r| rel(k).is(r))
                    && !(x == i && (rel(k).is("case") || rel(k).is("mark")))
            }));
        }
        lo.max(r.start)..(hi + 1).min(r.end)
    };
    let arg = |i: usize| -> Option<Argument> {
        let span_r = subtree(i);
        if span_r.is_empty() {
            return None;
        }
        let span = Span::new(toks[span_r.start].start, toks[span_r.end - 1].end);
        let head_span = Span::new(toks[i].start, toks[i].end);
        let entity = doc
            .mentions
            .iter()
            .filter(|m| span.contains(m.span))
            .find(|m| m.span.contains(head_span))
            .or_else(|| doc.mentions.iter().find(|m| span.contains(m.span)))
            .and_then(|m| m.entity);
        let head = term(doc, i).unwrap_or_else(|| lower(i));
        Some(Argument { entity, text: doc.span_text(span).to_string(), head })
    };
    let case_of = |i: usize| kids(i).iter().find(|&&k| rel(k).is("case")).map(|&k| lower(k)).unwrap_or_default();
    let is_negative = |i: usize| {
        matches!(lower(i).as_str(), "nobody" | "nothing" | "none" | "no-one")
            || kids(i).iter().any(|&k| matches!(lower(k).as_str(), "no" | "not" | "never" | "n't"))
    };
    let is_relative = |i: usize| matches!(lower(i).as_str(), "that" | "which" | "who" | "whom");
    let subject_of = |v: usize| kids(v).iter().copied().find(|&k| rel(k).as_str() == "nsubj");
    let has_kid = |i: usize, r: &str| kids(i).iter().any(|&k| rel(k).is(r));
    // Tagger slips that hide a verb (see [`verb_reading`]).
    let finite_as_noun = |i: usize| {
        toks[i].upos == Upos::NOUN
            && lower(i).ends_with('s')
            && !["cop", "det", "nmod:poss", "case", "amod", "nummod"].iter().any(|r| has_kid(i, r))
    };
    let verb_reading = |i: usize| -> Option<VerbReading> {
        let t = &toks[i];
        if t.upos == Upos::VERB {
            return Some(VerbReading::Verb);
        }
        if t.upos == Upos::ADJ
            && is_participle(&lower(i))
            && kids(i).iter().any(|&k| rel(k).is("cop") && is_be_form(&lower(k)))
            && subject_of(i).is_some()
        {
            return Some(VerbReading::Passive);
        }
        if finite_as_noun(i)
            && (subject_of(i).is_some()
                || rel(i).is("conj")
                    && t.head.is_some_and(|h| (s0..s1).contains(&h) && finite_as_noun(h) && subject_of(h).is_some()))
        {
            return Some(VerbReading::Verb);
        }
        None
    };
    for i in r.clone() {
        let t = &toks[i];
        let reading = verb_reading(i);
        let lemma = match reading {
            Some(VerbReading::Passive) => lower(i),
            _ if t.lemma.is_empty() => lower(i),
            _ => t.lemma.to_lowercase(),
        };
        let verb = reading.is_some()
            && !LIGHT_VERBS.contains(&lemma.as_str())
            && super::lexicon::cue_verb(t.text(&doc.text)).is_none();
        let noun = t.upos == Upos::NOUN && EVENT_NOUNS.contains(&lemma.as_str());
        if !verb && !noun {
            continue;
        }
        let mut frame = Frame { predicate: lemma, ..Default::default() };
        let mut inside = Vec::new();
        if verb {
            let passive = reading == Some(VerbReading::Passive);
            let mut subj = if passive { None } else { subject_of(i) };
            let agent = kids(i)
                .iter()
                .copied()
                .find(|&k| rel(k).as_str() == "obl:agent" || (rel(k).is("obl") && case_of(k) == "by"));
            let mut object = kids(i)
                .iter()
                .copied()
                .find(|&k| rel(k).as_str() == "obj" || rel(k).as_str() == "nsubj:pass")
                .or_else(|| if passive { subject_of(i) } else { None })
                // A phrasal verb's object read as an oblique of its
                // particle: "switched off its transponder".
                .or_else(|| {
                    kids(i).iter().copied().find(|&k| {
                        rel(k).is("obl") && kids(k).iter().any(|&c| rel(c).is("case") && toks[c].xpos.as_str() == "RP")
                    })
                });
            let head = t.head.filter(|h| (s0..s1).contains(h));
            match (subj, head) {
                // A passive's subject is what it acts on; whoever acts is
                // told by its "by" phrase or not at all.
                _ if passive => {}
                (Some(s), Some(h)) if is_relative(s) && rel(i).is("acl") => subj = Some(h),
                (None, Some(h)) if rel(i).is("acl") && agent.is_none() && object.is_none() => object = Some(h),
                (None, Some(h)) if rel(i).is("acl") => subj = Some(h),
                (None, Some(h)) if matches!(rel(i).as_str(), "conj" | "xcomp" | "advcl") => {
                    subj = subject_of(h).or_else(|| {
                        // Two coordinated verbs share the head's subject
                        // even when the head itself is a relative clause.
                        (rel(h).is("acl")).then_some(toks[h].head).flatten()
                    })
                }
                _ => {}
            }
            if let Some(o) = object.filter(|&o| is_relative(o) && rel(i).is("acl")) {
                object = head.filter(|&h| h != o).or(Some(o));
            }
            // A relative pronoun inherited from a head clause stands for the
            // noun that clause modifies.
            if let Some(s) = subj.filter(|&s| is_relative(s)) {
                let mut v = toks[s].head;
                while let Some(x) = v.filter(|x| (s0..s1).contains(x)) {
                    if rel(x).is("acl") {
                        break;
                    }
                    v = toks[x].head;
                }
                subj = v.filter(|x| (s0..s1).contains(x)).and_then(|x| toks[x].head).or(Some(s));
            }
            let actor = agent.or(subj);
            let recipient = kids(i).iter().copied().find(|&k| {
                rel(k).as_str() == "iobj"
                    || rel(k).is("obl")
                        && matches!(case_of(k).as_str(), "to" | "against" | "from" | "on" | "into" | "over" | "at")
            });
            frame.negated = kids(i).iter().any(|&k| matches!(lower(k).as_str(), "not" | "never" | "n't"))
                || actor.is_some_and(is_negative)
                || object.is_some_and(is_negative);
            frame.actor = actor.and_then(arg);
            frame.object = object.and_then(arg);
            frame.recipient = recipient.and_then(arg);
            inside.extend([actor, object, recipient].into_iter().flatten());
        } else {
            // "the launch was a failure": the subject of an event noun
            // used as a predicate is what the event is of.
            let of = kids(i).iter().copied().find(|&k| rel(k).is("nmod") && case_of(k) == "of").or_else(|| {
                kids(i).iter().any(|&k| rel(k).is("cop") && is_be_form(&lower(k))).then(|| subject_of(i)).flatten()
            });
            let by = kids(i)
                .iter()
                .copied()
                .find(|&k| rel(k).as_str() == "nmod:poss" || rel(k).is("nmod") && matches!(case_of(k).as_str(), "by"));
            let on = kids(i).iter().copied().find(|&k| {
                rel(k).is("nmod") && matches!(case_of(k).as_str(), "on" | "against" | "to" | "into" | "over")
            });
            // "no deaths", and "no record of deaths", "no sign of an
            // attack": the event of a negated noun's "of" phrase.
            let denied = |n: usize| kids(n).iter().any(|&k| matches!(lower(k).as_str(), "no" | "never"));
            frame.negated = denied(i)
                || rel(i).is("nmod")
                    && case_of(i) == "of"
                    && t.head.is_some_and(|h| (s0..s1).contains(&h) && toks[h].upos == Upos::NOUN && denied(h));
            frame.actor = by.and_then(arg);
            frame.object = of.and_then(arg);
            frame.recipient = on.and_then(arg);
            inside.extend([by, of, on].into_iter().flatten());
        }
        let spans: Vec<Span> = inside
            .iter()
            .map(|&k| subtree(k))
            .filter(|s| !s.is_empty())
            .map(|s| Span::new(toks[s.start].start, toks[s.end - 1].end))
            .collect();
        frame.quantities =
            doc.quantities.iter().filter(|q| spans.iter().any(|s| s.contains(q.span))).map(|q| q.value).collect();
        // A verb with no argument at all says too little to align on; an
        // event noun alone still names its event ("denies any incursion").
        if noun || frame.actor.is_some() || frame.object.is_some() || frame.recipient.is_some() {
            out.push(frame);
        }
    }
}

/// How a word that is not tagged as a verb is still read as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VerbReading {
    /// A verb, or a finite verb the tagger took for a plural noun ("the
    /// company detains or beats anyone": a "noun" with a subject of its own
    /// and no determiner, case or copula).
    Verb,
    /// A passive participle the tagger took for an adjective ("was
    /// brutally beaten", "were mistreated"): its subject is what is acted
    /// on.
    Passive,
}

/// The forms of "be" that make a passive or a copula.
fn is_be_form(w: &str) -> bool {
    matches!(w, "is" | "are" | "was" | "were" | "be" | "been" | "being" | "'s" | "’s")
}

/// Irregular past participles of verbs that name deeds done to someone or
/// something (the regular ones end in "-ed").
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "beaten",
    "bitten",
    "broken",
    "driven",
    "given",
    "held",
    "hidden",
    "hit",
    "shot",
    "sold",
    "bought",
    "sent",
    "stolen",
    "struck",
    "taken",
    "thrown",
    "torn",
    "burnt",
    "slain",
    "forgotten",
];

/// True when a word reads as a past participle: "-ed" (at least five
/// letters, so that "red" and "bed" are not) or an irregular form.
fn is_participle(w: &str) -> bool {
    w.len() >= 5 && w.ends_with("ed") || IRREGULAR_PARTICIPLES.contains(&w)
}

/// Nouns and evaluations that dismiss what others said, beyond the claim
/// nouns of the lexicon: "described them as an invention", "pure fantasy".
const DISMISSALS: &[&str] =
    &["invention", "fantasy", "forgery", "insinuation", "provocation", "fairy", "tale", "smear", "hoax", "lie", "lies"];

/// True when token `i` names a claim ("accusations") or dismisses one
/// ("baseless", "fabricated lies", "an invention").
fn is_dismissal(doc: &Document, i: usize) -> bool {
    let w = doc.analysis.tokens[i].text(&doc.text).to_lowercase();
    super::lexicon::is_claim_noun(&w) || super::lexicon::is_falsity_word(&w) || DISMISSALS.contains(&w.as_str())
}

/// Who a claim is by: its speaker entity, else its speaker words.
fn speaker_key(doc: &Document, c: usize) -> String {
    let s = &doc.claims[c].speaker;
    match (s.entity, s.span) {
        (Some(e), _) => format!("#{e}"),
        (None, Some(sp)) => doc.span_text(sp).to_lowercase(),
        (None, None) => String::new(),
    }
}

/// True when claims `a` and `b` are by one speaker: the same entity, or,
/// where either is unresolved, speaker words of which one holds the last
/// word of the other ("The company" and "the Greek company Aegeus").
fn same_speaker(doc: &Document, a: usize, b: usize) -> bool {
    let (x, y) = (&doc.claims[a].speaker, &doc.claims[b].speaker);
    if let (Some(e), Some(f)) = (x.entity, y.entity) {
        return e == f;
    }
    let words = |s: &crate::document::Speaker| -> Vec<String> {
        s.span.map(|sp| doc.span_text(sp).split_whitespace().map(|w| w.to_lowercase()).collect()).unwrap_or_default()
    };
    let (wx, wy) = (words(x), words(y));
    match (wx.last(), wy.last()) {
        (Some(lx), Some(ly)) => wx == wy || wy.contains(lx) || wx.contains(ly),
        _ => false,
    }
}

/// Marks the claims that reject what others said and links each to the
/// claims it answers.
///
/// A claim is a *rejection* when it denies and its content is about
/// statements rather than events: it opens (after determiners and
/// adjectives) with a claim noun or a dismissal ("these accusations", "the
/// claims of Pakistan are baseless", "crude forgery", "an invention"), or
/// with a pronoun standing for them ("described them as fabricated lies").
///
/// What it answers, first rule that finds anything:
/// 1. **The accuser it names**: a name in the content ("the statements of
///    Tiraspol", "the accusations of the Valdorian side") picks the
///    affirming claims whose speaker is that entity or carries the name (or
///    its country, for a demonym) in its name or roles.
/// 2. **The topic it names**: content words after the claim noun ("the
///    accusation of smuggling") pick the affirming claims whose terms share
///    one of them.
/// 3. **An anaphor or nothing named** ("these accusations", "them"): the
///    claims, before the rejection, of the nearest earlier speaker (other
///    rejections aside): news reports the allegation, then the answer. Here
///    a denial can be what is rejected ("has not provided credible
///    explanations" ... "rejected this claim").
///
/// Rules 1 and 2 pick affirming claims only. Claims by the rejecting
/// speaker never count.
fn fill_rejections(doc: &mut Document) {
    let toks = &doc.analysis.tokens;
    let countries = Countries::get();
    let mut found: Vec<(usize, Vec<usize>)> = Vec::new();
    for c in 0..doc.claims.len() {
        let claim = &doc.claims[c];
        if claim.stance != Stance::Denies {
            continue;
        }
        let r = token_range(doc, claim.content);
        let first = r.clone().find(|&i| {
            let w = toks[i].text(&doc.text);
            w.chars().any(char::is_alphanumeric)
                && !matches!(toks[i].upos, Upos::DET | Upos::ADJ | Upos::NUM)
                && !matches!(w.to_lowercase().as_str(), "the" | "these" | "those" | "this" | "such" | "any" | "all")
        });
        let Some(first) = first else { continue };
        let fw = toks[first].text(&doc.text).to_lowercase();
        // A demonstrative standing alone ("rejected this as a lie") is a
        // pronoun too, though the scan above skips it as a determiner.
        let lead = r.clone().find(|&i| toks[i].text(&doc.text).chars().any(char::is_alphanumeric));
        let standalone = lead.is_some_and(|l| {
            matches!(toks[l].text(&doc.text).to_lowercase().as_str(), "this" | "that" | "these" | "those")
                && !toks.get(l + 1).is_some_and(|t| matches!(t.upos, Upos::NOUN | Upos::PROPN | Upos::ADJ | Upos::NUM))
        });
        let pronoun = (standalone || matches!(fw.as_str(), "them" | "it" | "this" | "that" | "these" | "those"))
            && (r.len() <= 2 || r.clone().any(|i| is_dismissal(doc, i)));
        // "described the documents as a crude forgery", "dismissed the
        // report as propaganda": what is called false is something said or
        // shown, whatever noun names it.
        let called_false = r.clone().take(8).any(|i| {
            toks[i].text(&doc.text).eq_ignore_ascii_case("as")
                && i > r.start
                && (i + 1..(i + 5).min(r.end)).any(|k| {
                    let w = toks[k].text(&doc.text);
                    super::lexicon::is_falsity_word(w) || DISMISSALS.contains(&w.to_lowercase().as_str())
                })
        });
        let opens = is_dismissal(doc, first)
            || called_false
            || r.clone().take_while(|&i| i <= first).any(|i| super::lexicon::is_falsity_word(toks[i].text(&doc.text)));
        if !(pronoun || opens) {
            continue;
        }
        // The rejecter's own side (its country, by its speaker's name and
        // roles) is not whom it answers ("statements of the Kyiv regime",
        // said by a Russian general, never answers the Russian ministry).
        // The rejecter's own name is not an accuser it names either ("The
        // claim that the Coast Guard arrived late is not true", said the
        // Hellenic Coast Guard).
        let own_words: std::collections::BTreeSet<String> = claim
            .speaker
            .entity
            .and_then(|e| doc.entities.get(e))
            .map(|e| {
                std::iter::once(&e.name)
                    .chain(e.aliases.iter())
                    .flat_map(|a| a.split(|ch: char| !ch.is_alphanumeric()))
                    .filter(|w| w.chars().count() > 2 && w.chars().next().is_some_and(char::is_uppercase))
                    .filter(|w| !matches!(*w, "The" | "This" | "That" | "Its" | "Our"))
                    .map(str::to_lowercase)
                    .collect()
            })
            .unwrap_or_default();
        // Nor is a speaker for the rejecter's own body ("the spokesman of
        // the Coast Guard" for the Orsk Coast Guard): two of its name's
        // words in the speaker's name or roles.
        let of_own_body = |j: usize| {
            let words: std::collections::BTreeSet<String> = speaker_texts(doc, j)
                .iter()
                .flat_map(|t| t.split(|ch: char| !ch.is_alphanumeric()))
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .map(str::to_lowercase)
                .collect();
            words.intersection(&own_words).count() >= 2.min(own_words.len().max(1))
        };
        let own = speaker_countries(doc, c);
        let candidates: Vec<usize> = (0..doc.claims.len())
            .filter(|&j| j != c && !same_speaker(doc, c, j))
            .filter(|&j| own.is_empty() || own.is_disjoint(&speaker_countries(doc, j)))
            .filter(|&j| own_words.is_empty() || !of_own_body(j))
            .collect();
        let affirming: Vec<usize> =
            candidates.iter().copied().filter(|&j| doc.claims[j].stance == Stance::Affirms).collect();
        // 1. The accuser named in the content — in the rejecting clause
        // itself: what follows a colon ("rejected this as a lie: in Bila
        // Tserkva there is no military target") argues the case, and its
        // places are not accusers.
        // A claim noun followed by a clause that tells the allegation
        // ("reports that Poland had sent jets to Serbia") restates it: the
        // names inside that clause are its participants, not its accusers.
        let restated = restated_clause(doc, r.clone());
        let own_end = restated.as_ref().map_or(r.end, |c| c.start);
        let own_clause = r.start..r.clone().find(|&i| toks[i].text(&doc.text) == ":").unwrap_or(r.end).min(own_end);
        let clause_span = match own_clause.end.checked_sub(1).filter(|&e| e >= own_clause.start) {
            Some(e) => Span::new(claim.content.start, toks[e].end.max(claim.content.start)),
            None => Span::new(claim.content.start, claim.content.start),
        };
        let mut named: Vec<String> = Vec::new();
        let mut named_entities: Vec<usize> = Vec::new();
        for m in doc.mentions.iter().filter(|m| clause_span.contains(m.span) && m.form == MentionForm::Name) {
            if let Some(e) = m.entity {
                if Some(e) != claim.speaker.entity {
                    named_entities.push(e);
                }
            }
        }
        // The rejecter's own country is not an accuser it names ("the
        // allegation of the use of Iranian drones", said by Iran's minister).
        for i in own_clause.clone() {
            let w = toks[i].text(&doc.text);
            if w.chars().next().is_some_and(char::is_uppercase) && i > r.start {
                let lw = w.to_lowercase();
                let country = countries.lookup(w);
                if country.is_some_and(|k| own.contains(&k.code)) || own_words.contains(&lw) {
                    continue;
                }
                named.push(country.map(|c| c.name.to_lowercase()).unwrap_or(lw));
            }
        }
        let carries = |j: usize| -> bool {
            let s = &doc.claims[j].speaker;
            if s.entity.is_some_and(|e| named_entities.contains(&e)) {
                return true;
            }
            speaker_texts(doc, j).iter().any(|t| {
                t.split(|ch: char| !ch.is_alphanumeric()).filter(|w| !w.is_empty()).any(|w| {
                    let lw = w.to_lowercase();
                    let k = countries.lookup(w).map(|c| c.name.to_lowercase()).unwrap_or(lw);
                    w.chars().next().is_some_and(char::is_uppercase) && named.iter().any(|n| same_stem(n, &k))
                })
            })
        };
        let mut answers: Vec<usize> = affirming.iter().copied().filter(|&j| carries(j)).collect();
        // 2. The topic named after the claim noun: "the accusation of
        // smuggling", "the claim that civilians were killed".
        let mut topic_named = false;
        if answers.is_empty() {
            let noun = r.clone().find(|&i| super::lexicon::is_claim_noun(toks[i].text(&doc.text)));
            let topic: Vec<String> = noun
                .filter(|&n| {
                    let next = toks.get(n + 1).map(|t| t.text(&doc.text).to_lowercase()).unwrap_or_default();
                    matches!(next.as_str(), "of" | "about" | "that" | "on" | "over")
                })
                .map(|n| {
                    (n + 2..r.end)
                        .filter(|&i| matches!(toks[i].upos, Upos::NOUN | Upos::VERB) && !is_dismissal(doc, i))
                        .filter_map(|i| term(doc, i))
                        .collect()
                })
                .unwrap_or_default();
            // A topic of accusation nouns alone ("any suggestion of
            // involvement", "claims of a role") names nothing the rejected
            // claims must say: it is answered as an anaphor is.
            topic_named = topic.iter().any(|t| !ACCUSED_PART_NOUNS.contains(&t.as_str()));
            // A role noun after the claim noun names the accuser, not a
            // topic ("rejected the statement of the spokesman"): the
            // answered claims are those of a speaker called so.
            // (Only a topic of role words: in "the allegations of sexual
            // exploitation against the soldiers" the soldiers are accused.)
            let roles: Vec<&str> = topic.iter().filter_map(|t| crate::entities::gazetteer::role_class(t)).collect();
            let of_roles = topic.iter().all(|t| {
                crate::entities::gazetteer::role_class(t).is_some() || crate::entities::roles::is_role_modifier(t)
            });
            if !roles.is_empty() && of_roles {
                answers = affirming
                    .iter()
                    .copied()
                    .filter(|&j| {
                        speaker_texts(doc, j).iter().any(|t| {
                            t.split(|ch: char| !ch.is_alphanumeric())
                                .any(|w| crate::entities::gazetteer::role_class(w).is_some_and(|c| roles.contains(&c)))
                        })
                    })
                    .collect();
            } else if !topic.is_empty() {
                // Most of the topic's words must be there: "the use of war
                // bullets" is not answered by any claim about a war.
                let need = topic.len().div_ceil(2);
                answers = affirming
                    .iter()
                    .copied()
                    .filter(|&j| {
                        doc.claims[j].proposition.as_ref().is_some_and(|p| {
                            topic.iter().filter(|u| p.terms.iter().any(|t| same_stem(t, u))).count() >= need
                        })
                    })
                    .filter(|&j| restated.as_ref().is_none_or(|clause| tells_restated(doc, clause.clone(), j)))
                    .collect();
            }
        }
        // 3. The nearest earlier accuser — never a speaker of the
        // rejecter's own country (the ministry's spokesman is not who the
        // minister answers). A restated allegation says what it rejects:
        // only claims that tell something of it count ([`tells_restated`]);
        // when none does, it answers none here, and the ledger aligns it by
        // its own proposition.
        if answers.is_empty() {
            let tells_it = |j: usize| restated.as_ref().is_none_or(|clause| tells_restated(doc, clause.clone(), j));
            let before: Vec<usize> = candidates
                .iter()
                .copied()
                .filter(|&j| doc.claims[j].content.start < claim.content.start && !found.iter().any(|(r, _)| *r == j))
                .filter(|&j| tells_it(j))
                .collect();
            let nearest_rejection = found
                .iter()
                .filter(|(r, a)| doc.claims[*r].content.start < claim.content.start && !a.is_empty())
                .max_by_key(|(r, _)| doc.claims[*r].content.start);
            let last = before.iter().copied().max_by_key(|&j| doc.claims[j].content.start);
            match (nearest_rejection, last) {
                // "rejected these accusations ... described them as lies":
                // a rejection right after another answers the same claims.
                (Some((r, a)), l) if l.is_none_or(|l| doc.claims[l].content.start < doc.claims[*r].content.start) => {
                    answers = a.iter().copied().filter(|&j| tells_it(j)).collect();
                }
                (_, Some(last)) => {
                    // Of that speaker's claims, those that name the
                    // rejecting speaker or share a noun with the rejection
                    // ("not a single inch of the base" answers "overran the
                    // base") are the accusations; where none does, all are.
                    let who = speaker_key(doc, last);
                    let theirs: Vec<usize> = before.into_iter().filter(|&j| speaker_key(doc, j) == who).collect();
                    let nouns: Vec<String> = r
                        .clone()
                        .filter(|&i| toks[i].upos == Upos::NOUN && !is_dismissal(doc, i))
                        .filter_map(|i| term(doc, i))
                        .collect();
                    let involving: Vec<usize> = theirs
                        .iter()
                        .copied()
                        .filter(|&j| {
                            involves(doc, j, claim.speaker.entity)
                                || doc.claims[j]
                                    .proposition
                                    .as_ref()
                                    .is_some_and(|p| p.terms.iter().any(|t| nouns.iter().any(|n| same_stem(t, n))))
                        })
                        .collect();
                    // A rejection that names its topic, which no claim of
                    // the article tells ("described the report of 3 million
                    // dollars as speculation" where nobody here reported a
                    // sum), answers only those of the nearest speaker's
                    // claims that involve it: the speaker before it need not
                    // have said anything of the kind.
                    answers = if involving.is_empty() && !topic_named { theirs } else { involving };
                }
                _ => {}
            }
        }
        found.push((c, answers));
    }
    for (c, answers) in found {
        if let Some(p) = doc.claims[c].proposition.as_mut() {
            p.rejection = true;
            p.answers = answers;
        }
    }
}

/// The clause after a claim noun that restates the allegation ("reports
/// that Poland had sent jets to Serbia", "claims Iran supplied drones"):
/// the token range after "that" (or right after the noun) when it holds a
/// verb, else `None` ("the claims of Pakistan", "these accusations").
fn restated_clause(doc: &Document, r: Range<usize>) -> Option<Range<usize>> {
    let toks = &doc.analysis.tokens;
    let noun = r.clone().take(4).find(|&i| super::lexicon::is_claim_noun(toks[i].text(&doc.text)))?;
    let start = if toks.get(noun + 1)?.text(&doc.text).eq_ignore_ascii_case("that") { noun + 2 } else { noun + 1 };
    let verb = (start..r.end).any(|i| matches!(toks[i].upos, Upos::VERB | Upos::AUX));
    let subject = toks
        .get(start)
        .is_some_and(|t| matches!(t.upos, Upos::PROPN | Upos::NOUN | Upos::DET | Upos::PRON | Upos::ADJ | Upos::NUM));
    (start < r.end && verb && subject && start > noun + 1).then_some(start..r.end)
}

/// True when claim `j` tells something of the allegation restated in
/// token range `clause`: when the clause names participants (countries or
/// other names), it names one of them ("reports that Poland had sent jets
/// to Serbia" tells nothing of a claim about Ethiopia and Pakistan); when
/// it names none, it shares a content word with the clause ("the claim
/// that the contracts were old" and "the contracts had been signed in the
/// summer").
fn tells_restated(doc: &Document, clause: Range<usize>, j: usize) -> bool {
    let toks = &doc.analysis.tokens;
    let Some(p) = doc.claims[j].proposition.as_ref() else { return false };
    let mut words = Vec::new();
    let mut names = Vec::new();
    for i in clause {
        let Some(t) = term(doc, i) else { continue };
        let w = toks[i].text(&doc.text);
        let named =
            toks[i].upos == Upos::PROPN || Countries::get().lookup(w).is_some() && w.starts_with(char::is_uppercase);
        if named {
            names.push(t);
        } else if matches!(toks[i].upos, Upos::NOUN | Upos::VERB | Upos::ADJ) {
            words.push(t);
        }
    }
    let shares = |ws: &[String]| ws.iter().any(|u| p.terms.iter().any(|t| same_stem(t, u)));
    if names.is_empty() {
        shares(&words)
    } else {
        shares(&names)
    }
}

/// The countries a claim's speaker belongs to, as its words, name and roles
/// say ("the spokesman for the Iranian Foreign Ministry" → Iran).
fn speaker_countries(doc: &Document, j: usize) -> std::collections::BTreeSet<String> {
    let countries = Countries::get();
    speaker_texts(doc, j)
        .iter()
        .flat_map(|t| t.split(|ch: char| !ch.is_alphanumeric()))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| countries.lookup(w).map(|c| c.code.clone()))
        .collect()
}

/// What says who claim `j`'s speaker is: the speaker words, and the
/// resolved entity's name and roles.
fn speaker_texts(doc: &Document, j: usize) -> Vec<&str> {
    let s = &doc.claims[j].speaker;
    let mut texts: Vec<&str> = s.span.map(|sp| doc.span_text(sp)).into_iter().collect();
    if let Some(e) = s.entity.and_then(|e| doc.entities.get(e)) {
        texts.push(&e.name);
        texts.extend(e.roles.iter().map(String::as_str));
    }
    texts
}

/// True when claim `j`'s content names entity `e` (by any mention).
fn involves(doc: &Document, j: usize, e: Option<usize>) -> bool {
    let Some(e) = e else { return false };
    let content = doc.claims[j].content;
    doc.mentions.iter().any(|m| m.entity == Some(e) && content.contains(m.span))
}

/// True when two terms are forms of one word ("smuggling", "smuggle"):
/// equal, or sharing a prefix of at least five letters that covers most of
/// the shorter one.
fn same_stem(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    common >= 5 && common * 10 >= shorter * 7
}
