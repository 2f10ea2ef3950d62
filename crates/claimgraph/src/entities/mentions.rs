//! Name mentions: spans of text that name a person, organisation or place.
//!
//! Names come from the trained recogniser when it found any, and from
//! capitalisation rules otherwise: a run of capitalised words (with inner
//! connectors such as "of", "al-", hyphens) that is not a sentence-opening
//! function word. Leading titles ("Foreign Minister", "Gen.") are split off
//! as a role; country names, demonyms and capitals are looked up in the
//! gazetteer; organisation head words ("Ministry", "Agency", "Times") make
//! an organisation.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use claimgraph_nlp::{Analysis, NerLabel, Token, Upos};
use rustc_hash::FxHashSet;

use super::gazetteer::{is_not_name, is_org_word, is_person_noun, is_weak_name_word, role_class, Countries};
use super::names::{is_honorific, is_title_word};
use crate::document::EntityKind;

/// A name found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameSpan {
    /// Tokens of the name itself (titles excluded).
    pub tokens: Range<usize>,
    /// Leading title tokens, if any ("Foreign Minister").
    pub title: Option<Range<usize>>,
    /// The kind of entity named.
    pub kind: EntityKind,
    /// The country it names or belongs to, when it is a country, demonym
    /// or capital.
    pub country: Option<String>,
}

/// "FAADUMO NUUR" → "Faadumo Nuur": each word (and each part after a hyphen
/// or apostrophe) capitalised, the rest in lower case.
pub(crate) fn recapitalised(surface: &str) -> String {
    let mut out = String::with_capacity(surface.len());
    let mut start = true;
    for c in surface.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic();
    }
    out
}

fn is_cap(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase()) && word.chars().any(char::is_alphabetic)
}

/// Words that join the parts of a name or title without a capital ("Bank
/// of England", "Abdullah bin Zayed", "Minister of Finance X").
pub(crate) fn is_connector(word: &str) -> bool {
    matches!(
        word,
        "of" | "for"
            | "de"
            | "al"
            | "el"
            | "bin"
            | "ibn"
            | "van"
            | "von"
            | "der"
            | "la"
            | "du"
            | "-"
            | "&"
            | "and"
            | "the"
            | "on"
    )
}

/// True for a capitalised word tagged as a function word (preposition,
/// subordinator, conjunction, adverb, pronoun, auxiliary, particle or
/// interjection) that is not a known given name. Determiners are not
/// included: "The" belongs to names such as "The Hague".
fn opens_clause(text: &str, token: &Token) -> bool {
    matches!(
        token.upos,
        Upos::ADP | Upos::SCONJ | Upos::CCONJ | Upos::ADV | Upos::PRON | Upos::AUX | Upos::PART | Upos::INTJ
    ) && is_cap(token.text(text))
        && !is_given_name(token.text(text))
        // Name particles that open surnames ("De Niro", "Da Silva", "Le Pen").
        && !super::names::is_particle(&token.text(text).to_lowercase())
}

/// Letters written after a person's name for an honour, a rank at the bar
/// or a seat ("KC", "QC", "OBE", "MP", "PhD").
fn is_post_nominal(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.'),
        "KC" | "QC" | "SC" | "MP" | "MEP" | "MSP" | "MLA" | "OBE" | "MBE" | "CBE" | "KBE" | "DBE" | "PhD"
    )
}

/// Adjectival endings: a lone capitalised word with one of these before a
/// lower-case noun is a modifier ("Western officials", "Iranian drones").
fn looks_adjectival(word: &str) -> bool {
    let w = word.to_lowercase();
    ["ern", "ian", "ean", "ese", "ish", "ic", "an", "i"].iter().any(|s| w.ends_with(s)) && w.len() > 3
}

/// Finds name mentions in the analysed text.
pub fn find_names(text: &str, analysis: &Analysis) -> Vec<NameSpan> {
    let mut out: Vec<NameSpan> = Vec::new();
    let tokens = &analysis.tokens;
    // Capitalised words seen away from a sentence start and outside
    // title-case lines: evidence that a word is a name by itself.
    // (Fx-hashed: only asked and added to, per capitalised word.)
    let mut capitalised_inside: FxHashSet<&str> = FxHashSet::default();
    // The same without diacritics: "Celik" at a sentence start is the
    // "Çelik" seen inside one.
    let mut folded_inside: FxHashSet<String> = FxHashSet::default();
    let title_case: Vec<bool> =
        analysis.sentences.iter().map(|s| is_title_case(text, tokens, s.tokens.clone())).collect();
    for (si, s) in analysis.sentences.iter().enumerate() {
        if title_case[si] {
            continue;
        }
        for i in s.tokens.start + 1..s.tokens.end {
            let w = tokens[i].text(text);
            if is_cap(w) && !matches!(tokens[i - 1].text(text), "“" | "\"" | ":" | "(" | "‘") {
                capitalised_inside.insert(w);
                folded_inside.insert(deunicode::deunicode(w));
            }
        }
    }
    // In a sentence written in capitals every short word looks like an
    // acronym ("OF HAVING \"SOLD OUR SEA\""): there, only words the body
    // writes in capitals too, countries and known bodies count.
    let shouted: Vec<bool> = analysis
        .sentences
        .iter()
        .map(|s| {
            claimgraph_nlp::truecase::is_capitalised_sentence(tokens[s.tokens.clone()].iter().map(|t| t.text(text)))
        })
        .collect();
    // "XASAN" in a line of capitals (a transcript's label "MAXAMED CALI
    // XASAN:") is the "Xasan" the body writes.
    let seen_in_ordinary_case = |w: &str| {
        !w.chars().any(char::is_lowercase) && {
            let t = recapitalised(w);
            capitalised_inside.contains(t.as_str()) || folded_inside.contains(&deunicode::deunicode(&t))
        }
    };
    let corroborated = |r: Range<usize>| {
        let shouted = analysis.sentence_of(r.start).is_some_and(|si| shouted[si]);
        r.clone().all(|k| {
            let w = tokens[k].text(text);
            !is_cap(w)
                || capitalised_inside.contains(w)
                || folded_inside.contains(&deunicode::deunicode(w))
                || seen_in_ordinary_case(w)
                || Countries::get().lookup(w).is_some()
                || if shouted { is_known_org(w) } else { is_proper_org(w) }
        })
    };
    // Recogniser spans first: they are the better evidence when present,
    // under the same checks for headlines and sentence-initial words.
    for e in &analysis.entities {
        let kind = match e.label {
            NerLabel::PER => EntityKind::Person,
            NerLabel::ORG => EntityKind::Organization,
            NerLabel::LOC => EntityKind::Location,
            _ => continue,
        };
        let si = analysis.sentence_of(e.tokens.start).unwrap_or(0);
        let start = analysis.sentences.get(si).map(|s| s.tokens.start).unwrap_or(0);
        let sentence_initial =
            (start..e.tokens.start).all(|k| !tokens[k].text(text).chars().any(char::is_alphanumeric));
        let needs_evidence = title_case.get(si).copied().unwrap_or(false) || (sentence_initial && e.tokens.len() == 1);
        if needs_evidence && !corroborated(e.tokens.clone()) {
            continue;
        }
        // A recogniser span never crosses a comma: "Commission of the
        // parliament, Ebrahim Rostamkhani" is two names.
        let mut from = e.tokens.start;
        for k in e.tokens.clone().chain(std::iter::once(e.tokens.end)) {
            if k == e.tokens.end || tokens[k].text(text) == "," {
                if k > from {
                    if let Some(span) = refine(text, tokens, from..k, Some(kind)) {
                        out.push(span);
                    }
                }
                from = k + 1;
            }
        }
    }
    // Sentence-initial single words left without evidence.
    let mut unproven: Vec<Range<usize>> = Vec::new();
    for (si, s) in analysis.sentences.iter().enumerate() {
        let mut i = s.tokens.start;
        while i < s.tokens.end {
            // Recogniser spans do not stop the rules: when the rules find a
            // longer name ("the Levant Monitor for Human Rights" where the
            // recogniser saw "Levant"), it wins in the deduplication below;
            // otherwise the recogniser's span is kept.
            let w = tokens[i].text(text);
            if slashed_honorific(text, tokens, i) {
                i += 3;
                continue;
            }
            if !is_cap(w) || (is_not_name(w) && !is_title_word(w)) {
                i += 1;
                continue;
            }
            // Extend over capitalised words and inner connectors.
            let mut end = i + 1;
            let mut double_family_name = false;
            while end < s.tokens.end {
                let next = tokens[end].text(text);
                let glued = tokens[end - 1].end == tokens[end].start;
                if is_cap(next) && !is_not_name(next) {
                    end += 1;
                } else if is_connector(next)
                    && end + 1 < s.tokens.end
                    && (is_cap(tokens[end + 1].text(text)) || (next == "-" && glued))
                    && !(next == "and" || next == "the" || next == "on")
                    // A dash with spaces around it separates ("Isfahan -
                    // The head of ...": a dateline); only a hyphen joins.
                    && !(next == "-" && !(glued && tokens[end].end == tokens[end + 1].start))
                {
                    end += 2;
                } else if matches!(next, "van" | "von" | "de" | "da" | "del" | "della" | "di" | "le" | "la")
                    && end + 2 < s.tokens.end
                    && matches!(tokens[end + 1].text(text), "der" | "den" | "de" | "la" | "le" | "los" | "las")
                    && is_cap(tokens[end + 2].text(text))
                {
                    // "Pieter van der Heyde", "Maria de la Cruz".
                    end += 3;
                } else if is_cap(next)
                    && end + 2 < s.tokens.end
                    && tokens[end + 1].text(text) == "-"
                    && tokens[end].end == tokens[end + 1].start
                    && tokens[end + 1].end == tokens[end + 2].start
                    && tokens[end + 2].text(text).chars().all(|c| c.is_alphabetic() && c.is_lowercase())
                    && !is_not_name(tokens[end - 1].text(text))
                {
                    // "Headman Boonmi In-kaew": a hyphenated family name
                    // whose first half is spelt like a function word ("In",
                    // "On", "Na") goes on with the name before it; mid-
                    // sentence, English capitalises no such compound.
                    end += 3;
                } else if matches!(next, "i" | "y")
                    && end + 1 < s.tokens.end
                    && is_cap(tokens[end + 1].text(text))
                    && !is_not_name(tokens[end + 1].text(text))
                    && !is_org_word(tokens[end + 1].text(text))
                    && !is_org_word(tokens[end - 1].text(text))
                    && !(end + 2 < s.tokens.end && is_cap(tokens[end + 2].text(text)))
                {
                    // "Marc Puig i Ferrer", "Santiago Ramón y Cajal": a
                    // Catalan or Spanish double family name joined by "i" /
                    // "y". English writes neither word in lower case alone,
                    // so between two capitalised words it is the name's
                    // conjunction; the second family name ends the name.
                    // It makes a person only after a given name and a family
                    // name: "Bosna i Hercegovina", "Trinidad y Tobago" join
                    // but stay what they were.
                    double_family_name = end - i >= 2 || is_given_name_like(tokens[i].text(text));
                    end += 2;
                } else if next == "and"
                    && end + 1 < s.tokens.end
                    && is_cap(tokens[end + 1].text(text))
                    && (i..end).any(|k| is_org_word(tokens[k].text(text)))
                    && !is_org_word(tokens[end - 1].text(text))
                {
                    // "the Office for Kosovo and Metohija", "Ministry of Trade
                    // and Industry".
                    end += 2;
                } else if next == "to"
                    && end + 1 < s.tokens.end
                    && is_cap(tokens[end + 1].text(text))
                    && (i..end).any(|k| is_org_word(tokens[k].text(text)))
                {
                    // "the OSCE Mission to Moldova", "Embassy to the UN".
                    end += 2;
                } else if (matches!(next, "of" | "for")
                    && end + 2 < s.tokens.end
                    && tokens[end + 1].text(text) == "the"
                    && is_cap(tokens[end + 2].text(text))
                    && !is_not_name(tokens[end + 2].text(text)))
                    || ((next == "al" || next == "el") && end + 2 < s.tokens.end && tokens[end + 1].text(text) == "-")
                {
                    // "the Office for the Coordination", "Abdullah al-Ani".
                    end += 3;
                } else {
                    break;
                }
            }
            // In a title-case headline every word is capitalised: only names
            // seen capitalised in the body (or in the gazetteer) count there.
            // A lone capitalised word opening a sentence ("Well, ...") needs
            // the same evidence.
            let sentence_initial =
                (s.tokens.start..i).all(|k| !tokens[k].text(text).chars().any(char::is_alphanumeric));
            let needs_evidence = title_case[si] || (sentence_initial && end == i + 1);
            if !needs_evidence || corroborated(i..end) {
                if let Some(mut span) = refine(text, tokens, i..end, None) {
                    // The conjunction of two family names is a person's name
                    // (the recogniser, which saw only the first part, may have
                    // said so of it; this longer span replaces its span).
                    if double_family_name && span.kind == EntityKind::Other {
                        span.kind = EntityKind::Person;
                    }
                    out.push(span);
                }
            } else if !title_case[si] {
                unproven.push(i..end);
            }
            i = end;
        }
    }
    // "Sarwary wrote on his X account": a sentence-initial word that is
    // the surname (in any spelling) of a person named in full elsewhere in
    // the article is that person, evidence enough.
    // Each name is prepared once, not once per pair compared.
    let people: Vec<super::names::PreparedName> = out
        .iter()
        .filter(|_| !unproven.is_empty())
        .filter(|n| n.kind == EntityKind::Person && n.tokens.len() >= 2)
        .map(|n| super::names::PreparedName::new(&text[tokens[n.tokens.start].start..tokens[n.tokens.end - 1].end]))
        .collect();
    for r in unproven {
        if people.is_empty() {
            break;
        }
        let word = super::names::PreparedName::new(tokens[r.start].text(text));
        if people.iter().any(|p| super::names::compare_prepared(&word, p) == super::names::NameMatch::Surname) {
            if let Some(mut span) = refine(text, tokens, r, Some(EntityKind::Person)) {
                span.kind = EntityKind::Person;
                out.push(span);
            }
        }
    }
    // "Chief District Officer Gopal Prasad Bhattarai ... CDO Bhattarai": an
    // acronym before a name that abbreviates an office the article writes
    // out is that office, a title, not the person's first name.
    let offices = office_acronyms(text, tokens);
    if !offices.is_empty() {
        for n in out.iter_mut() {
            let first = tokens[n.tokens.start].text(text);
            if n.title.is_none()
                && n.tokens.len() >= 2
                && matches!(n.kind, EntityKind::Person | EntityKind::Other)
                && offices.contains(first)
                && is_cap(tokens[n.tokens.start + 1].text(text))
            {
                n.title = Some(n.tokens.start..n.tokens.start + 1);
                n.tokens.start += 1;
                n.kind = EntityKind::Person;
            }
        }
    }
    // A span inside a longer one (a recogniser fragment of a name the rules
    // found whole) is dropped.
    out.sort_by_key(|n| (n.title.as_ref().map(|t| t.start).unwrap_or(n.tokens.start), std::cmp::Reverse(n.tokens.end)));
    let mut kept: Vec<NameSpan> = Vec::with_capacity(out.len());
    for n in out {
        let ns = n.title.as_ref().map(|t| t.start).unwrap_or(n.tokens.start);
        let overlaps = kept.iter().any(|k| {
            let ks = k.title.as_ref().map(|t| t.start).unwrap_or(k.tokens.start);
            ks < n.tokens.end && ns < k.tokens.end
        });
        if !overlaps {
            kept.push(n);
        }
    }
    person_of_body(text, tokens, &mut kept);
    person_after_body(text, tokens, &mut kept);
    branch_of_body(text, tokens, &mut kept);
    kept
}

/// "The councillor in the Assembly of Kessel County Mirela Vukovic accused
/// ...": translations drop the comma of an apposition, and the recogniser
/// reads the body and its member as one organisation. A body's name of
/// three or more words that ends in a given name and one more capitalised
/// word, whose last word the article writes again without the given name
/// (the person named later by surname), is the body followed by that
/// person.
fn person_after_body(text: &str, tokens: &[Token], kept: &mut Vec<NameSpan>) {
    let mut bodies: Vec<NameSpan> = Vec::new();
    for n in kept.iter_mut() {
        if n.kind != EntityKind::Organization || n.title.is_some() || n.tokens.len() < 5 {
            continue;
        }
        let (given, last) = (n.tokens.end - 2, n.tokens.end - 1);
        let (g, l) = (tokens[given].text(text), tokens[last].text(text));
        let body_end = tokens[given - 1].text(text);
        let person_like = is_cap(g)
            && is_given_name_like(g)
            && is_cap(l)
            && l.chars().count() >= 3
            && !is_org_word(l)
            && role_class(l).is_none()
            && !is_not_name(l)
            && is_cap(body_end)
            && !is_given_name(body_end);
        if !person_like {
            continue;
        }
        // The surname alone, not the two words again: a place ("Sungai
        // Raya") repeats whole.
        let named_again = tokens
            .iter()
            .enumerate()
            .any(|(k, t)| !n.tokens.contains(&k) && t.text(text) == l && (k == 0 || tokens[k - 1].text(text) != g));
        if !named_again {
            continue;
        }
        if let Some(body) = refine(text, tokens, n.tokens.start..given, Some(EntityKind::Organization)) {
            bodies.push(body);
        }
        n.tokens = given..n.tokens.end;
        n.kind = EntityKind::Person;
        n.country = None;
    }
    if !bodies.is_empty() {
        kept.extend(bodies);
        kept.sort_by_key(|n| n.title.as_ref().map(|t| t.start).unwrap_or(n.tokens.start));
    }
}

/// "Enerji-Der Kocaeli branch president NAME": a name before a lower-case
/// noun of a body's local unit ("branch", "chapter") that opens with the
/// name of an organisation the article names elsewhere is that
/// organisation and, after it, the place of the unit, named on its own.
fn branch_of_body(text: &str, tokens: &[Token], kept: &mut Vec<NameSpan>) {
    let surface = |r: &Range<usize>| text.get(tokens[r.start].start..tokens[r.end - 1].end).unwrap_or("");
    let orgs: Vec<(String, usize)> = kept
        .iter()
        .filter(|n| n.kind == EntityKind::Organization)
        .map(|n| (surface(&n.tokens).to_string(), n.tokens.len()))
        .collect();
    if orgs.is_empty() {
        return;
    }
    let mut places: Vec<NameSpan> = Vec::new();
    for n in kept.iter_mut() {
        let unit = tokens.get(n.tokens.end).map(|t| t.text(text)).unwrap_or("");
        if n.kind == EntityKind::Organization
            || n.title.is_some()
            || !matches!(unit, "branch" | "chapter" | "wing" | "cell" | "section")
        {
            continue;
        }
        let Some(&(_, len)) = orgs.iter().find(|(name, len)| {
            *len < n.tokens.len() && surface(&(n.tokens.start..n.tokens.start + len)) == name.as_str()
        }) else {
            continue;
        };
        let rest = n.tokens.start + len..n.tokens.end;
        if let Some(mut place) = refine(text, tokens, rest, Some(EntityKind::Location)) {
            if place.kind == EntityKind::Person {
                place.kind = EntityKind::Location;
            }
            places.push(place);
        }
        n.tokens.end = n.tokens.start + len;
        n.kind = EntityKind::Organization;
        n.country = None;
    }
    if !places.is_empty() {
        kept.extend(places);
        kept.sort_by_key(|n| n.title.as_ref().map(|t| t.start).unwrap_or(n.tokens.start));
    }
}

/// "Dela Cruz Villanueva of PPA" (an organisation to the recogniser and the
/// rules alike): a body's name whose words before its first "of" are, in
/// any spelling, the full name of a person the article names elsewhere
/// is that person of the body; the body after "of" is named on its own.
/// The article's own naming is the evidence a given name or an honorific
/// gives in [`refine`].
fn person_of_body(text: &str, tokens: &[Token], kept: &mut Vec<NameSpan>) {
    use super::names::{compare_prepared, NameMatch, PreparedName};
    let surface = |r: &Range<usize>| text.get(tokens[r.start].start..tokens[r.end - 1].end).unwrap_or("");
    let people: Vec<PreparedName> = kept
        .iter()
        .filter(|n| n.kind == EntityKind::Person && n.tokens.len() >= 2)
        .map(|n| PreparedName::new(surface(&n.tokens)))
        .collect();
    if people.is_empty() {
        return;
    }
    let mut bodies: Vec<NameSpan> = Vec::new();
    for n in kept.iter_mut() {
        if n.kind != EntityKind::Organization || n.title.is_some() || n.tokens.len() < 4 {
            continue;
        }
        let Some(of) = (n.tokens.start + 2..n.tokens.end - 1).find(|&k| tokens[k].text(text) == "of") else {
            continue;
        };
        let before = n.tokens.start..of;
        let plain = before.clone().all(|k| {
            let w = tokens[k].text(text);
            w == "-"
                || is_cap(w)
                    && !is_org_word(w)
                    && !is_title_word(w)
                    && role_class(w).is_none()
                    && !is_not_name(w)
                    && Countries::get().lookup(w).is_none()
        });
        if !plain {
            continue;
        }
        let name = PreparedName::new(surface(&before));
        if name.core_len() < 2 || !people.iter().any(|p| compare_prepared(&name, p) >= NameMatch::Variant) {
            continue;
        }
        if let Some(body) = refine(text, tokens, of + 1..n.tokens.end, Some(EntityKind::Organization)) {
            bodies.push(body);
        }
        n.tokens = before;
        n.kind = EntityKind::Person;
        n.country = None;
    }
    if !bodies.is_empty() {
        kept.extend(bodies);
        kept.sort_by_key(|n| n.title.as_ref().map(|t| t.start).unwrap_or(n.tokens.start));
    }
}

/// Splits titles off a candidate, classifies it, and drops candidates that
/// are not names (lone adjectives, titles alone).
fn refine(text: &str, tokens: &[Token], range: Range<usize>, ner: Option<EntityKind>) -> Option<NameSpan> {
    // A recogniser span may start or end on a lower-case word ("of Isfahan").
    let mut range = range;
    // An honorific abbreviated with a slash ("W/ro Almaz Tesfaye") is a
    // title, not the name's first letters.
    if slashed_honorific(text, tokens, range.start) && range.len() > 3 {
        range.start += 3;
    }
    while !range.is_empty() && !is_cap(tokens[range.start].text(text)) {
        range.start += 1;
    }
    while !range.is_empty()
        && !is_cap(tokens[range.end - 1].text(text))
        && !tokens[range.end - 1].text(text).chars().all(|c| c.is_ascii_digit())
    {
        range.end -= 1;
    }
    // Post-nominal letters close a person's name, not an organisation's:
    // "Harriet Osei KC", "Jane Doe MP". Left in, the capitals read as an
    // acronym and make the name an organisation.
    while range.len() >= 3
        && is_post_nominal(tokens[range.end - 1].text(text))
        && tokens[range.end - 2].text(text).chars().any(char::is_lowercase)
    {
        range.end -= 1;
    }
    // "Minister for Industry, Commerce and Supplies Bishnu Prasad
    // Adhikari": the last of an office's listed portfolios runs on into
    // the holder's name. After "and" that closes such a list (back to a
    // title and its "of"/"for"), the first word belongs to the office.
    if range.len() >= 3
        && range.start >= 4
        && tokens[range.start - 1].text(text) == "and"
        && !is_given_name_like(tokens[range.start].text(text))
        && is_cap(tokens[range.start + 1].text(text))
    {
        let mut k = range.start - 2;
        let mut office = false;
        while k > 0 && range.start - k <= 10 {
            let w = tokens[k].text(text);
            if matches!(w, "of" | "for") {
                let before = tokens[k - 1].text(text);
                office = is_title_word(before) || role_class(before).is_some();
                break;
            }
            if !(is_cap(w) || matches!(w, "," | "and")) {
                break;
            }
            k -= 1;
        }
        if office {
            range.start += 1;
        }
    }
    // A capitalised function word that opens the sentence is not part of
    // the name the recogniser found after it: "Unlike Hillary Clinton, ...",
    // "Maybe Trump will ...". Such a word, once in a name, would become the
    // display name of the entity across a whole run or ledger. A known given
    // name is kept whatever its tag ("Will Smith").
    while range.len() > 1 && opens_clause(text, &tokens[range.start]) {
        range.start += 1;
    }
    // A common noun glued before a personal name: "Liar of the Year Barack
    // Obama", "Author Roger Stone". The name starts at the given name.
    if range.len() >= 3
        && tokens[range.start].upos == Upos::NOUN
        && !is_given_name(tokens[range.start].text(text))
        && is_given_name(tokens[range.start + 1].text(text))
        && tokens[range.start + 2].upos == Upos::PROPN
    {
        range.start += 1;
    }
    if range.is_empty() {
        return None;
    }
    // A hyphenated second part glued to the name: "Liu Qing-shan".
    while range.end + 1 < tokens.len()
        && tokens[range.end].text(text) == "-"
        && tokens[range.end - 1].end == tokens[range.end].start
        && tokens[range.end].end == tokens[range.end + 1].start
        && tokens[range.end + 1].text(text).chars().all(char::is_alphabetic)
    {
        range.end += 2;
    }
    // A long run of a title or office followed by a person's name:
    // "Information Minister Abdirahman Farah Warsame", "Secretary of the
    // Security Council of Armenia Vahagn Mkrtchyan". The name is the tail
    // after the last title, role, organisation or place word, when that tail
    // has the shape of a personal name.
    let mut office: Option<Range<usize>> = None;
    if range.len() >= 3 {
        let officeish = |k: usize| {
            let w = tokens[k].text(text);
            is_title_word(w) || role_class(w).is_some() || is_org_word(w) || super::roles::is_role_modifier(w)
        };
        if let Some(last) = (range.start..range.end).rev().find(|&k| officeish(k)) {
            // "... Council of Armenia Vahagn Mkrtchyan": the office's "of
            // PLACE" belongs to it.
            let mut t = last + 1;
            while t + 2 < range.end
                && matches!(tokens[t].text(text), "of" | "for" | "the")
                && (matches!(tokens[t + 1].text(text), "the")
                    || Countries::get().lookup(tokens[t + 1].text(text)).is_some())
            {
                t += if tokens[t + 1].text(text) == "the" { 1 } else { 2 };
            }
            let tail = t..range.end;
            let tail_words: Vec<&str> =
                tail.clone().map(|k| tokens[k].text(text)).filter(|w| !is_connector(w)).collect();
            // "Solvana President Kallstrom": a place, a title and a surname.
            let middle = tokens[range.start + 1].text(text);
            let surname_after_place_title = tail_words.len() == 1
                && range.len() == 3
                && last == range.start + 1
                && (is_title_word(middle) || role_class(middle).is_some())
                && !is_org_word(middle)
                && !is_org_word(tokens[range.start].text(text))
                && !is_given_name(tokens[range.start].text(text))
                && !is_not_name(tail_words[0])
                && !is_site_word(&tail_words[0].to_lowercase())
                && !is_named_thing_word(&tail_words[0].to_lowercase())
                && role_class(tail_words[0]).is_none()
                && !is_title_word(tail_words[0])
                && !is_org_word(tail_words[0]);
            // A word that can only be a person's name: no title, role,
            // body, place, country, site or named thing.
            let plain_name = |w: &str| {
                let lw = w.to_lowercase();
                !is_not_name(w)
                    && !is_site_word(&lw)
                    && !is_named_thing_word(&lw)
                    && role_class(w).is_none()
                    && !is_title_word(w)
                    && !is_org_word(w)
                    && !is_place_word(w)
                    && Countries::get().lookup(w).is_none()
            };
            // "Deputy Commissioner of Labour Kalaiselvi", "Secretary of
            // State Blinken": an office with its "of" domain, then one name.
            let one_name_after_office = tail_words.len() == 1
                && (range.start..last)
                    .any(|k| is_title_word(tokens[k].text(text)) || role_class(tokens[k].text(text)).is_some())
                && (range.start + 1..last).any(|k| matches!(tokens[k].text(text), "of" | "for"))
                && plain_name(tail_words[0]);
            // "Foreign Ministry Spokesperson Kayalı", "Interior Ministry
            // Spokesman Petrov": a body's name, the noun of the office its
            // holder has, then one name: the holder's surname.
            let holder = tokens[last].text(text);
            let one_name_after_holder = tail_words.len() == 1
                && tail.start == last + 1
                // A noun of an office, not a qualifier ("Council of
                // Foreign Relations" has a title word but no holder).
                && role_class(holder).is_some()
                && last > range.start
                && !is_connector(tokens[last - 1].text(text))
                && !is_org_word(holder)
                && (range.start..last).any(|k| is_org_word(tokens[k].text(text)))
                && plain_name(tail_words[0]);
            let name_like =
                (tail_words.len() >= 2 || surname_after_place_title || one_name_after_office || one_name_after_holder)
                    && tail_words.len() <= 4
                    && tail_words.iter().all(|w| is_cap(w) && !is_not_name(w))
                    && !is_connector(tokens[tail.start].text(text));
            if last > range.start && name_like {
                office = Some(range.start..tail.start);
                range = tail;
            } else if range.len() >= 4 {
                // "the Ministry of Emergency Situations Bakhodir Rakhmonov":
                // a body's name with its "of" domain runs on into its
                // officer's name, which no word list can tell from the
                // domain, except by a family name's ending.
                let (g, f) = (tokens[range.end - 2].text(text), tokens[range.end - 1].text(text));
                let plain = |w: &str| {
                    is_cap(w)
                        && !is_connector(w)
                        && !officeish_word(w)
                        && !is_not_name(w)
                        && !is_place_word(w)
                        && Countries::get().lookup(w).is_none()
                };
                if last < range.end - 2
                    && (range.start..range.end - 2).any(|k| tokens[k].text(text) == "of")
                    && plain(g)
                    && plain(f)
                    && has_family_name_ending(f)
                    && !has_family_name_ending(g)
                {
                    office = Some(range.start..range.end - 2);
                    range = range.end - 2..range.end;
                }
            }
        }
    }
    // "Arvid Källström of Solvana", "Chang Wei-ming of Zhenlan": a person's
    // name followed by "of" and one place is the person of that place; the
    // place is a name of its own. So is a person named with an honorific
    // before "of the" and a body's name ("Mr. Somchai Boonmee of the
    // Prachakorn Party", "Dr. Hana Novak of the Institute of Physiology"),
    // whatever the recogniser called the whole.
    let honorific_opens = !range.is_empty()
        && (is_honorific(tokens[range.start].text(text))
            || range.start > 0 && is_honorific(tokens[range.start - 1].text(text)));
    // A known given name opening the run is evidence of a person as good as
    // an honorific ("Kim Dong-hyeon of the Mokpo Coast Guard", "Maria
    // Lopez of the Workers' Union"): a body's name seldom opens with one.
    // So is an academic title ("Professor B. of X University").
    let person_opens = honorific_opens
        || !range.is_empty()
            && (is_given_name(tokens[range.start].text(text))
                || matches!(tokens[range.start].text(text), "Professor" | "Prof" | "Prof."));
    if range.len() >= 4 && (ner != Some(EntityKind::Organization) || person_opens) {
        let of = (range.start + 2..range.end - 1).find(|&k| tokens[k].text(text) == "of");
        if let Some(of) = of {
            // Leading titles aside ("President Arvid Källström of Solvana").
            let first = (range.start..of)
                .find(|&k| !is_title_word(tokens[k].text(text)) && role_class(tokens[k].text(text)).is_none())
                .unwrap_or(of);
            let before: Vec<&str> = (first..of).map(|k| tokens[k].text(text)).collect();
            let place = text.get(tokens[of + 1].start..tokens[range.end - 1].end).unwrap_or("");
            // "of the Prachakorn Party": a body's name, its head word last
            // or right before its own "of" ("the Institute of Physiology").
            let body_words: Vec<&str> =
                (of + 1..range.end).map(|k| tokens[k].text(text)).skip_while(|w| *w == "the").collect();
            // Without "the", a run of capitalised words ending on a body's
            // noun is one body too ("Professor B. of Korea University Law
            // School").
            let one_body = person_opens
                && (tokens[of + 1].text(text) == "the" || body_words.iter().all(|w| is_cap(w)))
                && body_words.first().is_some_and(|w| is_cap(w))
                && (body_words.last().is_some_and(|w| is_org_word(w))
                    || body_words.windows(2).any(|p| is_org_word(p[0]) && p[1] == "of"));
            // "of Bhimdatta-9": a place with its ward's number glued on is
            // one place (Nepali and Indian addresses).
            let ward = of + 4 == range.end
                && tokens[of + 2].text(text) == "-"
                && tokens[of + 1].end == tokens[of + 2].start
                && tokens[of + 2].end == tokens[of + 3].start
                && tokens[of + 3].text(text).chars().all(|c| c.is_ascii_digit());
            let one_place = (of + 2 == range.end || ward) && is_cap(tokens[of + 1].text(text))
                || Countries::get().lookup(place).is_some()
                || one_body;
            // Evidence of a person: a title before the name, a given name,
            // or the recogniser ("Islamic Republic of Iran" has none).
            let personal = first > range.start
                || honorific_opens
                // An address by ward ("Dal Bahadur Bista of Bhimdatta-9")
                // is a person's.
                || ward
                || before.first().is_some_and(|w| is_given_name_like(w))
                || ner == Some(EntityKind::Person);
            // "Wei-ming": a hyphenated part may be lower case.
            let person_shaped = personal
                && before.iter().enumerate().all(|(i, w)| is_cap(w) || *w == "-" || i > 0 && before[i - 1] == "-")
                && before.iter().filter(|w| **w != "-").count() >= 2
                && !before.iter().any(|w| {
                    is_org_word(w)
                        || is_title_word(w)
                        || role_class(w).is_some()
                        || is_not_name(w)
                        // "Dr. Milan Hrubý of the Institute ...": after an
                        // honorific a city's name is a given name.
                        || !honorific_opens && (is_place_word(w) || Countries::get().lookup(w).is_some())
                        || matches!(
                            w.to_lowercase().as_str(),
                            "republic"
                                | "kingdom"
                                | "emirate"
                                | "principality"
                                | "sultanate"
                                | "state"
                                | "states"
                                | "union"
                                | "federation"
                                | "islamic"
                                | "democratic"
                        )
                });
            if one_place && person_shaped {
                range.end = of;
            }
        }
    }
    // "the District People's Council", "the Workers' Party": a
    // collective noun in the possessive before a capitalised word is part of
    // an organisation's name, never a person.
    if let Some(org) = possessive_collective(text, tokens, &range) {
        return Some(NameSpan { tokens: org, title: None, kind: EntityKind::Organization, country: None });
    }
    let words: Vec<&str> = range.clone().map(|i| tokens[i].text(text)).collect();
    let countries = Countries::get();
    let whole = text.get(tokens[range.start].start..tokens[range.end - 1].end).unwrap_or("");

    // 1. Countries, demonyms and capitals, from the gazetteer.
    if let Some(c) = countries.lookup(whole) {
        let next_lower = tokens
            .get(range.end)
            .map(|t| t.text(text))
            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
        // A demonym before a noun is a modifier, not a mention of the place.
        if words.len() == 1 && looks_adjectival(whole) && !whole.eq_ignore_ascii_case(&c.name) && next_lower {
            return None;
        }
        return Some(NameSpan {
            tokens: range,
            title: None,
            kind: EntityKind::Location,
            country: Some(c.code.clone()),
        });
    }
    // 3. Split leading titles: "Foreign Minister Hossein Amir-Abdollahian".
    let slashed_before = range.start >= 3 && slashed_honorific(text, tokens, range.start - 3);
    let mut name_start = range.start;
    while name_start < range.end - 1
        && (is_title_word(tokens[name_start].text(text))
            || role_class(tokens[name_start].text(text)).is_some()
            // A legislator in a committee's record ("Member Arshad Ali
            // Khattak:"); before one word, "Member States" is a phrase.
            || name_start == range.start && tokens[name_start].text(text) == "Member" && range.len() >= 4)
    {
        name_start += 1;
    }
    let mut title = (name_start > range.start)
        .then_some(range.start..name_start)
        .or(office.clone())
        .or_else(|| slashed_before.then(|| range.start - 3..range.start));
    // "Head of Isfahan", "Minister of Energy": a title followed by "of" is a
    // role description; what follows names a place or body, not a person.
    while name_start < range.end - 1 && is_connector(tokens[name_start].text(text)) {
        name_start += 1;
        title = None;
    }
    // A known given name inside the run starts the person's name: "the
    // mayor of Bila Tserkva Oleksandr Kovalenko", "Minister for
    // Reintegration Andrei Munteanu".
    // Not after an honorific: "Mrs. Do Thi Lan Anh" is one name
    // however many of its parts are given names elsewhere.
    let honorific_before = slashed_before
        || (range.start > 0 && is_honorific(tokens[range.start - 1].text(text)))
        || (range.start > 1
            && tokens[range.start - 1].text(text) == "."
            && is_honorific(tokens[range.start - 2].text(text)))
        || (range.start..name_start).any(|k| is_honorific(tokens[k].text(text)));
    // Not after one proper noun that opens the run and is neither a place
    // nor an office or organisation word: "Tanvir Hasan Chowdhury" is one
    // name whose first given name is missing from the list, not a person
    // "Hasan Chowdhury" after some word.
    // A common noun of a walk of life or a party written before a name
    // ("Democrat Kim Myers", "Billionaire Donald Trump", "Assemblywoman
    // Claudia Tenney") has the ending of one; a given name seldom does.
    let noun_ending = |w: &str| {
        let l = w.to_lowercase();
        ["crat", "can", "ist", "aire", "man", "woman", "er", "or", "ian", "ite"].iter().any(|e| l.ends_with(e))
    };
    // A title split off whole before it leaves the name as it was:
    // "Member Arshad Ali Khattak" (a title and its "of" domain, "Mayor of
    // Bila Tserkva Oleksandr Kovalenko", is no such title).
    let titled_whole = title.is_some();
    let lone_first_name = |g: usize| {
        let w = tokens[name_start].text(text);
        g == name_start + 1
            && !noun_ending(w)
            && !is_person_noun(w)
            && !is_title_word(tokens[range.end - 1].text(text))
            && (name_start == range.start || titled_whole)
            // (After a title the tagger may call a name it does not know a
            // noun; the title is the evidence.)
            && (tokens[name_start].upos == Upos::PROPN || name_start > range.start && titled_whole)
            && !super::names::is_particle(&w.to_lowercase())
            && countries.lookup(w).is_none()
            && !is_org_word(w)
            && !is_place_word(w)
            && !super::roles::is_role_modifier(w)
    };
    // "said Ko Zaw Lin Aung": a run right after a speech verb is the
    // speaker's name as written, whatever parts of it are given names
    // elsewhere (Burmese names have no family name); an office or a place
    // before a name comes with a title or "of".
    let after_speech_verb = name_start == range.start
        && range.start > 0
        && matches!(
            tokens[range.start - 1].text(text),
            "said" | "says" | "told" | "added" | "adds" | "stated" | "explained" | "insisted" | "noted" | "recalled"
        );
    if let Some(g) =
        (name_start + 1..range.end.saturating_sub(1)).filter(|_| !honorific_before && !after_speech_verb).find(|&k| {
            let (w, prev) = (tokens[k].text(text), tokens[k - 1].text(text));
            is_given_name(w) && !is_given_name_like(prev) && is_cap(prev) && !is_title_word(prev) && !is_connector(prev)
        })
    {
        if (countries.lookup(tokens[name_start].text(text)).is_none() || g > name_start + 1) && !lone_first_name(g) {
            name_start = g;
            title = None;
        }
    }
    // "the District Commissioner of Baidoa", "the Regional Director of
    // Kismayo": capitalised qualifiers, a title and its "of" domain are an
    // office, no person's name; what follows "of" is named on its own.
    if title.is_none() {
        let office_of = (name_start + 1..range.end.saturating_sub(2)).find(|&p| {
            let w = tokens[p].text(text);
            (is_title_word(w) || role_class(w).is_some())
                && matches!(tokens[p + 1].text(text), "of" | "for")
                && (name_start..p).all(|k| {
                    let q = tokens[k].text(text);
                    is_cap(q) && !is_given_name_like(q) && !is_org_word(q) && countries.lookup(q).is_none()
                })
        });
        if let Some(p) = office_of {
            return refine(text, tokens, p + 2..range.end, ner.filter(|k| *k != EntityKind::Person));
        }
    }
    let name_words = &words[name_start - range.start..];
    if title.is_none() && name_start > range.start {
        let rest = text.get(tokens[name_start].start..tokens[range.end - 1].end).unwrap_or("");
        if let Some(c) = countries.lookup(rest) {
            return Some(NameSpan {
                tokens: name_start..range.end,
                title: None,
                kind: EntityKind::Location,
                country: Some(c.code.clone()),
            });
        }
    }
    // 2. Organisations: a head word such as "Ministry" or "Times" in a
    // longer name, a well-known organisation, or the recogniser's verdict
    // when the words do not look like a person's name. Titles stay part of
    // an organisation's name ("Foreign Ministry").
    // "Havers & Lyle": names joined by an ampersand are a firm.
    let has_org_word =
        words.iter().any(|w| is_org_word(w) || *w == "&") || super::gazetteer::ends_with_company_form(&words);
    // A name of two to four capitalised words without an organisation word
    // is taken for a person even when the recogniser says organisation.
    let shaped =
        (2..=4).contains(&name_words.len()) && name_words.iter().all(|w| is_cap(w) || is_connector(w) || *w == "-");
    let person_like =
        title.is_some() || name_words.first().is_some_and(|w| is_given_name(w)) || (shaped && !has_org_word);
    // A lone month, weekday or other common word the recogniser calls an
    // organisation ("on 25 November") is no name.
    let common_word = name_words.len() == 1 && is_not_name(name_words[0]);
    // "according to the Ferrel union", "the Norvik company": a name
    // followed by a lower-case noun for a body names that body, unless the
    // name is a known place or an indefinite article makes it a modifier
    // ("a Texas company").
    let body_after = tokens.get(range.end).map(|t| t.text(text)).is_some_and(|w| {
        matches!(
            w,
            "union"
                | "company"
                | "corporation"
                | "agency"
                | "association"
                | "federation"
                | "movement"
                | "foundation"
                | "institute"
                | "club"
                | "network"
                | "bank"
                | "militia"
                | "organisation"
                | "organization"
        )
    }) && title.is_none()
        && countries.lookup(whole).is_none()
        && !(range.start > 0 && matches!(tokens[range.start - 1].text(text), "a" | "an" | "A" | "An"))
        && !name_words.first().is_some_and(|w| is_given_name(w));
    if (has_org_word && words.len() > 1)
        || body_after
        || is_proper_org(whole)
        || (ner == Some(EntityKind::Organization) && !person_like && !common_word)
    {
        let mut start = range.start;
        while start < range.end && tokens[start].text(text).eq_ignore_ascii_case("the") {
            start += 1;
        }
        let country = words.iter().find_map(|w| countries.lookup(w)).map(|c| c.code.clone());
        return (start < range.end).then_some(NameSpan {
            tokens: start..range.end,
            title: None,
            kind: EntityKind::Organization,
            country,
        });
    }
    if name_words.len() == 1 {
        let w = name_words[0];
        if is_title_word(w) || role_class(w).is_some() || is_not_name(w) || is_weak_name_word(w) {
            return None;
        }
        let next = tokens.get(range.end).map(|t| t.text(text)).unwrap_or("");
        let next_lower_noun = next.chars().next().is_some_and(char::is_lowercase) && !is_verbish(next);
        if title.is_none() && looks_adjectival(w) && next_lower_noun {
            return None;
        }
        // A lone capitalised word that the tagger calls an adjective is a
        // modifier, not a name.
        if title.is_none() && tokens[name_start].upos == Upos::ADJ {
            return None;
        }
    }
    // 4. People: a title, a known given name, the recogniser, or the shape
    // of a personal name (two to four capitalised words).
    let name_shaped = name_words.len() >= 2
        && name_words.len() <= 4
        && name_words.iter().all(|w| is_cap(w) || *w == "-" || is_connector(w));
    // The recogniser decides only what the name's shape leaves open: it is
    // trained on little data, while two to four capitalised words without an
    // organisation word or a place name are a person's name far more often.
    // "Zayandeh Rud", "East Sea of Korea", "Gulf of Aden".
    let place_word = name_words.len() >= 2
        && (name_words.last().is_some_and(|w| is_place_word(w))
            || name_words.windows(2).any(|p| is_place_word(p[0]) && p[1] == "of"));
    // "Republic of South Ossetia", "Emirate of Sharjah": a state's name.
    let state_name = name_words.len() >= 3
        && matches!(
            name_words[0].to_lowercase().as_str(),
            "republic" | "kingdom" | "emirate" | "principality" | "sultanate"
        )
        && name_words[1] == "of";
    // "KGB of Tskhinvali region": an acronym inside a longer name marks an
    // organisation; people's names carry initials with dots, not acronyms.
    let acronym = |w: &str| (2..=6).contains(&w.chars().count()) && w.chars().all(|c| c.is_ascii_uppercase());
    let org_acronym = title.is_none()
        && name_words.len() >= 2
        // A leading acronym may be a rank before a name ("ASP Yazid
        // Danjuma") unless "of" follows the body it names.
        && (name_words[1..].iter().any(|w| acronym(w)) || acronym(name_words[0]) && name_words.contains(&"of"))
        && !name_words.iter().all(|w| acronym(w) || is_connector(w));
    // "Khurvaleti of Gori": two names joined by "of", with no title or given
    // name, is a place or a body, not a person (the recogniser decides).
    let of_name = title.is_none()
        && name_words.len() == 3
        && name_words[1] == "of"
        && !name_words.first().is_some_and(|w| is_given_name(w));
    // "Madison Square Garden", "Super Bowl", "Freedom of Information Act":
    // a building or site, or an event, prize, law or programme, is no person
    // however person-shaped its name, unless it opens with a given name
    // ("John Tower", "Frank Hall").
    let last_word = name_words.last().map(|w| w.to_lowercase()).unwrap_or_default();
    let thing_shaped =
        title.is_none() && name_words.len() >= 2 && !name_words.first().is_some_and(|w| is_given_name(w));
    let site = thing_shaped && is_site_word(&last_word);
    // "Florida Senator", "Kentucky Republican", "Presumptive Democrat": a
    // place or qualifier before a role or party is a description, not a
    // name ("John Major" opens with a given name and stays a person).
    let role_final = thing_shaped
        && (role_class(&last_word).is_some()
            || is_title_word(&last_word)
            || matches!(
                last_word.as_str(),
                "republican" | "republicans" | "democrat" | "democrats" | "democratic" | "presidential"
            ));
    let named_thing = thing_shaped && (is_named_thing_word(&last_word) || role_final);
    // "of Kim Son commune", "the Hoa Binh river": a name followed by a
    // lower-case place noun names that place. "in Vinh Long": two or more
    // words after "in" or "near", with no title, no given name opening them
    // and no possessive after them, name a place, not a person.
    let next = tokens.get(range.end).map(|t| t.text(text)).unwrap_or("");
    let place_after = title.is_none()
        && matches!(
            next,
            "commune"
                | "village"
                | "district"
                | "province"
                | "river"
                | "town"
                | "city"
                | "county"
                | "ward"
                | "hamlet"
                | "township"
                | "prefecture"
                | "municipality"
                | "region"
                | "island"
                | "valley"
        );
    let place_in = title.is_none()
        && name_words.len() >= 2
        && name_start > 0
        && matches!(tokens[name_start - 1].text(text), "in" | "near")
        && !matches!(next, "'s" | "’s" | "'" | "’")
        && !name_words.first().is_some_and(|w| is_given_name(w))
        // "a stake in Harwick Lumber Co": a firm, whatever the recogniser says.
        && !name_words.last().is_some_and(|w| {
            matches!(w.trim_end_matches('.').to_lowercase().as_str(), "co" | "corp" | "inc" | "ltd" | "llc" | "plc")
        });
    let kind = if place_word || state_name || site || ((place_after || place_in) && !named_thing && !org_acronym) {
        EntityKind::Location
    } else if named_thing {
        EntityKind::Other
    } else if org_acronym {
        EntityKind::Organization
    } else if of_name {
        match ner {
            Some(k) if k != EntityKind::Person => k,
            _ => EntityKind::Other,
        }
    } else if title.is_some() || name_shaped {
        EntityKind::Person
    } else if let Some(k) = ner {
        k
    } else {
        EntityKind::Other
    };
    Some(NameSpan { tokens: name_start..range.end, title, kind, country: None })
}

/// The acronyms of the offices a text writes out in capitalised words:
/// the initials of an office word ("Officer", "Minister", "Commissioner")
/// with the capitalised words before it ("Chief District Officer": "CDO",
/// "DO") or its "of"/"for" domain after it ("Superintendent of Police":
/// "SP"). Two letters at least; the text decides, not a list.
fn office_acronyms(text: &str, tokens: &[Token]) -> HashSet<String> {
    let mut out = HashSet::new();
    let word = |k: usize| tokens[k].text(text);
    let initial = |k: usize| word(k).chars().next().filter(|c| c.is_uppercase());
    for i in 0..tokens.len() {
        let w = word(i);
        if !is_cap(w) || w.chars().all(|c| c.is_uppercase()) || !(is_title_word(w) || role_class(w).is_some()) {
            continue;
        }
        // The capitalised words before it, at most three.
        let mut j = i;
        while j > 0 && i - j < 3 && is_cap(word(j - 1)) && !word(j - 1).chars().all(|c| c.is_uppercase()) {
            j -= 1;
        }
        // Letters, not bytes: an initial may be "Ö".
        let letters: Vec<char> = (j..=i).filter_map(initial).collect();
        let tails = |extra: &[char]| -> Vec<String> {
            (0..letters.len()).map(|s| letters[s..].iter().chain(extra).collect::<String>()).collect()
        };
        out.extend(tails(&[]));
        // Its domain after "of"/"for": one or two capitalised words.
        if i + 2 < tokens.len() && matches!(word(i + 1), "of" | "for") && is_cap(word(i + 2)) {
            let domain: Vec<char> = initial(i + 2).into_iter().collect();
            out.extend(tails(&domain));
            if i + 3 < tokens.len() && is_cap(word(i + 3)) {
                let two: Vec<char> = domain.iter().copied().chain(initial(i + 3)).collect();
                out.extend(tails(&two));
            }
        }
    }
    out.retain(|a: &String| a.chars().count() >= 2);
    out
}

/// True for a title, role, organisation word or role modifier: the words
/// an office is written with.
fn officeish_word(w: &str) -> bool {
    is_title_word(w) || role_class(w).is_some() || is_org_word(w) || super::roles::is_role_modifier(w)
}

/// True when a capitalised word ends like a family name of Russian,
/// Ukrainian, Central Asian, Caucasian or South Slavic form ("Rakhmonov",
/// "Kovalenko", "Mkrtchyan", "Japaridze", "Beridzeshvili", "Petrović",
/// "Ionescu"): endings that common nouns and the names of bodies or places
/// in English text do not have.
fn has_family_name_ending(w: &str) -> bool {
    let l = deunicode::deunicode(w).to_lowercase();
    l.chars().count() >= 5
        && ["ov", "ova", "ev", "eva", "enko", "yan", "dze", "shvili", "ovic", "evic", "escu", "uly", "kyzy"]
            .iter()
            .any(|e| l.ends_with(e))
}

/// True when tokens `i..i + 3` are an honorific abbreviated with a slash:
/// one capital, "/", one to three lower-case letters, written as one word
/// (Amharic "W/ro" for Weyzero, Mrs, and "W/t" for Weyzerit, Miss; "S/o",
/// "D/o" in Indian English). Such a word is no name.
fn slashed_honorific(text: &str, tokens: &[Token], i: usize) -> bool {
    let (Some(a), Some(slash), Some(b)) = (tokens.get(i), tokens.get(i + 1), tokens.get(i + 2)) else {
        return false;
    };
    let (wa, wb) = (a.text(text), b.text(text));
    slash.text(text) == "/"
        && a.end == slash.start
        && slash.end == b.start
        && wa.chars().count() == 1
        && wa.chars().all(char::is_uppercase)
        && (1..=3).contains(&wb.chars().count())
        && wb.chars().all(char::is_lowercase)
}

/// Collective nouns that open an organisation's name in the possessive
/// ("People's", "Workers'").
fn is_collective_noun(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "people"
            | "peoples"
            | "workers"
            | "women"
            | "citizens"
            | "farmers"
            | "veterans"
            | "children"
            | "nations"
            | "youth"
    )
}

/// The organisation's name when `range` ends with a collective noun
/// followed by a possessive and capitalised words ("District People's
/// Council"): `range` extended over them.
fn possessive_collective(text: &str, tokens: &[Token], range: &Range<usize>) -> Option<Range<usize>> {
    let last = tokens.get(range.end.checked_sub(1)?)?;
    if !is_collective_noun(last.text(text)) {
        return None;
    }
    let poss = tokens.get(range.end)?;
    if !matches!(poss.text(text), "'s" | "’s" | "'" | "’") || poss.start != last.end {
        return None;
    }
    let mut end = range.end + 1;
    while end < tokens.len() && is_cap(tokens[end].text(text)) {
        end += 1;
    }
    (end > range.end + 1).then_some(range.start..end)
}

/// True when most words of a sentence are capitalised, as in a headline
/// written in title case.
fn is_title_case(text: &str, tokens: &[Token], r: Range<usize>) -> bool {
    // A speaker label is judged by what it introduces: "Deputy Chairman
    // Pavel Dvořáček: Thank you." is a transcript's line, not a headline.
    // A transcript's question or answer ("Q: Magalie Roy, Radio X.") is
    // no headline, however many names it holds.
    if r.len() > 2
        && tokens[r.start + 1].text(text) == ":"
        && matches!(tokens[r.start].text(text), "Q" | "A" | "Question" | "Answer")
    {
        return false;
    }
    if let Some(colon) = (r.start + 1..r.end.min(r.start + 9)).find(|&k| tokens[k].text(text) == ":") {
        let said = colon + 1..r.end;
        if said.len() >= 2 && !is_title_case(text, tokens, said) {
            return false;
        }
    }
    // Headlines rarely end with a full stop; sentences do.
    let full_stop = r.end > r.start && matches!(tokens[r.end - 1].text(text), "." | "!" | "?");
    let words: Vec<&str> =
        r.map(|i| tokens[i].text(text)).filter(|w| w.chars().next().is_some_and(char::is_alphabetic)).collect();
    let long: Vec<&&str> = words.iter().filter(|w| w.chars().count() > 3).collect();
    // A line in capitals too short for a sentence in capitals (see
    // `claimgraph_nlp::truecase`): "PLEDGED DELEGATES", a headline piece.
    let shouted = words.len() >= 2 && words.iter().all(|w| !w.chars().any(char::is_lowercase));
    // A title-case line leaves only function words in lower case ("from",
    // "with", "into"); a sentence dense with names, ended by a full stop,
    // still has its verbs and common nouns in lower case ("On Thursday,
    // Minister John Kallstrom met his counterpart in Oslo.").
    let content_lower = full_stop
        && long.iter().any(|w| {
            !is_cap(w)
                && !matches!(
                    w.to_lowercase().as_str(),
                    "from"
                        | "with"
                        | "into"
                        | "over"
                        | "onto"
                        | "upon"
                        | "than"
                        | "that"
                        | "this"
                        | "after"
                        | "about"
                        | "under"
                        | "amid"
                        | "against"
                        | "their"
                        | "says"
                        | "said"
                )
        });
    shouted || !content_lower && long.len() >= 3 && long.iter().filter(|w| is_cap(w)).count() * 10 >= long.len() * 8
}

/// Words that end names of places: "Zayandeh Rud", "Red Sea", "Gaza Strip".
fn is_place_word(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "river"
            | "rud"
            | "lake"
            | "sea"
            | "ocean"
            | "mountains"
            | "mountain"
            | "mount"
            | "valley"
            | "strait"
            | "gulf"
            | "bay"
            | "island"
            | "islands"
            | "desert"
            | "canal"
            | "dam"
            | "province"
            | "region"
            | "district"
            | "county"
            | "city"
            | "square"
            | "street"
            | "road"
            | "avenue"
            | "airport"
            | "port"
            | "harbour"
            | "harbor"
            | "bridge"
            | "base"
            | "crossing"
            | "peninsula"
            | "plain"
            | "plateau"
            | "basin"
            | "coast"
            | "state"
            | "oblast"
            | "governorate"
            | "prefecture"
            | "village"
            | "town"
            | "camp"
            | "field"
            | "heights"
            | "hills"
            | "strip"
            | "bank"
            | "pass"
    )
}

/// Last words of the names of buildings and sites.
pub(crate) fn is_site_word(w: &str) -> bool {
    matches!(
        w,
        "garden"
            | "gardens"
            | "building"
            | "tower"
            | "towers"
            | "arena"
            | "stadium"
            | "palace"
            | "hotel"
            | "hall"
            | "center"
            | "centre"
            | "park"
            | "beach"
            | "museum"
            | "hospital"
            | "cathedral"
            | "mosque"
            | "temple"
            | "prison"
            | "station"
            | "east"
    )
}

/// Last words of the names of events, prizes, laws, programmes and shows.
pub(crate) fn is_named_thing_word(w: &str) -> bool {
    matches!(
        w,
        "bowl"
            | "award"
            | "awards"
            | "prize"
            | "act"
            | "show"
            | "poll"
            | "war"
            | "championship"
            | "cup"
            | "olympics"
            | "games"
            | "festival"
            | "summit"
            | "convention"
            | "treaty"
            | "accord"
            | "accords"
            | "amendment"
            | "doctrine"
            | "syndrome"
            | "caucus"
            | "caucuses"
            | "time"
    )
}

/// Organisations known by a single proper name, or a word shaped like an
/// acronym ("KGB", "SSG").
fn is_proper_org(name: &str) -> bool {
    is_known_org(name)
        || (name.len() >= 2
            && name.len() <= 6
            && name.chars().all(|c| c.is_ascii_uppercase())
            && !name.starts_with('U'))
}

/// Bodies named by one well-known word ("Kremlin", "Hamas", "Reuters").
fn is_known_org(name: &str) -> bool {
    let l = name.to_lowercase();
    matches!(
        l.as_str(),
        "kremlin"
            | "pentagon"
            | "nato"
            | "hamas"
            | "hezbollah"
            | "taliban"
            | "reuters"
            | "tass"
            | "irna"
            | "ria novosti"
            | "interfax"
            | "xinhua"
            | "al jazeera"
            | "un"
            | "eu"
            | "iaea"
            | "imf"
            | "opec"
            | "wagner"
            | "isis"
            | "isil"
            | "al-qaeda"
            | "al qaeda"
            | "houthis"
            | "white house"
            | "downing street"
            | "bbc"
            | "cnn"
            | "afp"
            | "ap"
            | "unicef"
            | "unesco"
            | "unhcr"
            | "osce"
            | "asean"
            | "g7"
            | "g20"
            | "fbi"
            | "cia"
            | "sbu"
            | "fsb"
            | "gru"
            | "mossad"
            | "irgc"
            | "idf"
            | "knesset"
            | "duma"
            | "congress"
            | "senate"
            | "parliament"
            | "majlis"
            | "politico"
            | "bloomberg"
            | "axios"
    )
}

static GIVEN_NAMES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../resources/given_names.txt").lines().filter(|l| !l.starts_with('#') && !l.is_empty()).collect()
});

/// True when `word` is a known given name (from the PETRARCH2 person
/// dictionaries).
pub fn is_given_name(word: &str) -> bool {
    let w = deunicode::deunicode(word).to_lowercase();
    GIVEN_NAMES.contains(w.as_str())
}

static GIVEN_SKELETONS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    GIVEN_NAMES.iter().filter(|n| n.len() >= 4).map(|n| super::names::skeleton(n)).filter(|s| s.len() >= 3).collect()
});

/// True when `word` is a given name or a romanisation variant of one
/// ("Hossein" for "Hussein").
pub fn is_given_name_like(word: &str) -> bool {
    is_given_name(word) || (word.chars().count() >= 4 && GIVEN_SKELETONS.contains(&super::names::skeleton(word)))
}

/// Rough test for a word that is a verb form right after a name ("said",
/// "continued", "has"), used before the tagger is available.
fn is_verbish(word: &str) -> bool {
    let w = word.to_lowercase();
    w.ends_with("ed")
        || matches!(
            w.as_str(),
            "said"
                | "says"
                | "told"
                | "tells"
                | "has"
                | "had"
                | "is"
                | "was"
                | "will"
                | "would"
                | "adds"
                | "notes"
                | "warns"
                | "denies"
                | "claims"
                | "insists"
                | "stresses"
                | "believes"
                | "thinks"
                | "wrote"
                | "writes"
                | "can"
                | "could"
                | "may"
                | "might"
                | "must"
                | "should"
                | "does"
                | "did"
                | "also"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, EntityKind)> {
        let a = claimgraph_nlp::segment(text);
        find_names(text, &a)
            .into_iter()
            .map(|n| (text[a.tokens[n.tokens.start].start..a.tokens[n.tokens.end - 1].end].to_string(), n.kind))
            .collect()
    }

    #[test]
    fn finds_people_places_and_organisations() {
        let n = names("Krylo Budanov, head of Ukraine’s Military Intelligence Agency, told The New York Times that Iran had not sent missiles.");
        assert!(n.contains(&("Krylo Budanov".into(), EntityKind::Person)));
        assert!(n.contains(&("Ukraine".into(), EntityKind::Location)));
        assert!(n.contains(&("Military Intelligence Agency".into(), EntityKind::Organization)));
        assert!(n.contains(&("New York Times".into(), EntityKind::Organization)));
        assert!(n.contains(&("Iran".into(), EntityKind::Location)));
    }

    #[test]
    fn splits_titles_and_skips_adjectives() {
        let n = names(
            "Foreign Minister Hossein Amir-Abdollahian rejected claims by Western officials about Iranian drones.",
        );
        assert_eq!(n[0], ("Hossein Amir-Abdollahian".into(), EntityKind::Person));
        assert!(!n.iter().any(|(t, _)| t == "Western" || t == "Iranian"));
    }
}
