//! Read-only views of a document that the attribution rules share: token
//! words, quote membership, sentence and paragraph lookup, and part-of-speech
//! tests that fall back to word lists when the tagger has not run.

use claimgraph_nlp::{Token, Upos};

use super::quotes::{find_quotes, Quote};
use crate::document::{Document, EntityKind, MentionForm, Span};
use crate::entities::gazetteer::PronounKind;
use crate::lower::Lower;

/// A document prepared for the attribution rules.
pub struct Ctx<'d> {
    /// The document (entities and mentions already found).
    pub doc: &'d Document,
    /// Its tokens.
    pub tokens: &'d [Token],
    /// Quotations.
    pub quotes: Vec<Quote>,
    /// For each token, the index of the quotation whose inside holds it.
    pub quote_of: Vec<Option<usize>>,
    /// True when the tagger has tagged the tokens.
    pub tagged: bool,
    /// True when the parser has parsed the tokens.
    pub parsed: bool,
    /// Role keys of each entity of the document (from its role texts).
    pub entity_roles: Vec<Vec<crate::entities::roles::RoleKey>>,
    /// The gender each entity's roles or titles give it, if any.
    pub entity_gender: Vec<Option<PronounKind>>,
}

impl<'d> Ctx<'d> {
    /// Prepares the views of `doc`.
    pub fn new(doc: &'d Document) -> Self {
        let tokens = &doc.analysis.tokens[..];
        let quotes = find_quotes(&doc.text, tokens);
        let mut quote_of = vec![None; tokens.len()];
        for (qi, q) in quotes.iter().enumerate() {
            for i in q.inner() {
                quote_of[i] = Some(qi);
            }
        }
        let tagged = tokens.iter().any(|t| t.upos != Upos::X);
        let parsed = tokens.iter().any(|t| t.head.is_some());
        let entity_roles = doc.entities.iter().map(|e| crate::entities::roles::keys_of(&e.roles)).collect();
        let entity_gender = (0..doc.entities.len()).map(|e| gender_of(doc, e)).collect();
        Ctx { doc, tokens, quotes, quote_of, tagged, parsed, entity_roles, entity_gender }
    }

    /// The word at token `i`.
    pub fn word(&self, i: usize) -> &'d str {
        self.tokens.get(i).map(|t| t.text(&self.doc.text)).unwrap_or("")
    }

    /// The lower-cased word at token `i` (borrowed when already lower case:
    /// the rules ask for hundreds of thousands per run).
    pub fn lower(&self, i: usize) -> Lower<'d> {
        Lower::new(self.word(i))
    }

    /// The byte span of tokens `from..to`.
    pub fn span(&self, from: usize, to: usize) -> Span {
        if from >= to || to > self.tokens.len() {
            return Span::default();
        }
        Span::new(self.tokens[from].start, self.tokens[to - 1].end)
    }

    /// True when a line break separates token `i - 1` from token `i`.
    pub fn line_break_before(&self, i: usize) -> bool {
        i > 0 && i < self.tokens.len() && self.doc.text[self.tokens[i - 1].end..self.tokens[i].start].contains('\n')
    }

    /// The token range of the paragraph holding token `i` (paragraphs are
    /// separated by line breaks).
    pub fn paragraph(&self, i: usize) -> std::ops::Range<usize> {
        let mut s = i;
        while s > 0 && !self.line_break_before(s) {
            s -= 1;
        }
        let mut e = i + 1;
        while e < self.tokens.len() && !self.line_break_before(e) {
            e += 1;
        }
        s..e
    }

    /// True for punctuation tokens.
    pub fn is_punct(&self, i: usize) -> bool {
        let w = self.word(i);
        !w.is_empty() && w.chars().all(|c| !c.is_alphanumeric())
    }

    /// True when token `i` opens a quotation.
    pub fn opens_quote(&self, i: usize) -> Option<usize> {
        self.quotes.iter().position(|q| q.open == i)
    }

    /// True when token `i` closes a quotation.
    pub fn closes_quote(&self, i: usize) -> Option<usize> {
        self.quotes.iter().position(|q| q.closed && q.close == i)
    }

    /// True when token `i` can be a verb: the tagger says so, or (untagged)
    /// the preceding word is not a determiner, possessive or preposition.
    pub fn can_be_verb(&self, i: usize) -> bool {
        if self.tagged {
            // A participle between a determiner or adjective and a noun
            // modifies the noun: "a written statement", "the said report".
            let t = &self.tokens[i];
            if matches!(t.xpos.as_str(), "VBN" | "VBG")
                && i > 0
                && matches!(self.tokens[i - 1].upos, Upos::DET | Upos::ADJ)
                && self.tokens.get(i + 1).is_some_and(|n| matches!(n.upos, Upos::NOUN | Upos::PROPN))
            {
                return false;
            }
            return matches!(t.upos, Upos::VERB | Upos::AUX) || (t.upos == Upos::NOUN && self.verbal_neighbourhood(i));
        }
        if i == 0 {
            return true;
        }
        let prev = self.lower(i - 1);
        !matches!(
            prev.as_str(),
            "the"
                | "a"
                | "an"
                | "this"
                | "that"
                | "these"
                | "those"
                | "his"
                | "her"
                | "its"
                | "their"
                | "our"
                | "my"
                | "your"
                | "of"
                | "’s"
                | "'s"
                | "such"
                | "any"
                | "some"
                | "no"
                | "every"
                | "each"
                | "recent"
                | "latest"
                | "new"
                | "previous"
        )
    }

    /// True for a finite verb or auxiliary (tensed, or a modal), not a
    /// participle or infinitive.
    pub fn is_finite_verb(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        matches!(t.upos, Upos::VERB | Upos::AUX) && matches!(t.xpos.as_str(), "VBD" | "VBZ" | "VBP" | "MD")
    }

    /// True for a participle between a determiner, adjective or number and
    /// a noun, where it modifies the noun: "an informed source", "a written
    /// statement", "three written warnings".
    pub fn is_prenominal_participle(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        self.tagged
            && matches!(t.xpos.as_str(), "VBN" | "VBG")
            && i > 0
            && matches!(self.tokens[i - 1].upos, Upos::DET | Upos::ADJ | Upos::NUM)
            && self.tokens.get(i + 1).is_some_and(|n| matches!(n.upos, Upos::NOUN | Upos::PROPN))
    }

    /// A tagger may call a reporting verb a noun in garbled text; accept it
    /// as a verb when it stands between a subject-like word and "that" or a
    /// colon.
    fn verbal_neighbourhood(&self, i: usize) -> bool {
        let next = self.lower(i + 1);
        let prev_ok = i > 0 && matches!(self.tokens[i - 1].upos, Upos::PROPN | Upos::PRON);
        // "The company assures that", "... and affirms that": a third-person
        // form after a common noun or "and" is the verb the tagger missed
        // (after a determiner or a possessive it stays a noun: "the claims
        // that").
        let w = self.lower(i);
        // Plurals of common report nouns stay nouns there: "the media
        // reports that", "Western claims that".
        let report_noun = matches!(
            w.as_str(),
            "reports"
                | "claims"
                | "comments"
                | "remarks"
                | "answers"
                | "replies"
                | "notes"
                | "states"
                | "promises"
                | "demands"
                | "estimates"
                | "charges"
                | "threats"
                | "warnings"
                | "accounts"
        );
        let third_person = i > 0
            && w.ends_with('s')
            && !report_noun
            && (self.tokens[i - 1].upos == Upos::NOUN || self.lower(i - 1) == "and");
        // "The delegate affirmed that", with "delegate" read as an
        // adjective: a past form after a noun or adjective. A noun in "-ed"
        // ("the need that") follows a determiner.
        let past = i > 0
            && w.ends_with("ed")
            && !w.ends_with("eed")
            && matches!(self.tokens[i - 1].upos, Upos::NOUN | Upos::ADJ);
        (prev_ok || third_person || past) && (next == "that" || next == ":")
    }

    /// True for a token that is a noun-phrase word: name, noun, adjective,
    /// number, determiner or possessive.
    pub fn is_np_word(&self, i: usize) -> bool {
        let w = self.word(i);
        if self.tagged {
            if self.is_mistagged_noun(i) || self.is_nominal_participle(i) {
                return true;
            }
            let u = self.tokens[i].upos;
            // "an informed source", "the ruling party".
            if u == Upos::VERB
                && matches!(self.tokens[i].xpos.as_str(), "VBN" | "VBG")
                && i > 0
                && matches!(self.tokens[i - 1].upos, Upos::DET | Upos::ADJ)
                && self.tokens.get(i + 1).is_some_and(|n| matches!(n.upos, Upos::NOUN | Upos::PROPN))
            {
                return true;
            }
            return matches!(u, Upos::NOUN | Upos::PROPN | Upos::ADJ | Upos::NUM | Upos::DET | Upos::PRON)
                || matches!(w, "’s" | "'s" | "-" | "of" | "for")
                || self.is_plural_possessive(i);
        }
        !self.is_punct(i) || matches!(w, "’s" | "'s" | "-" | "’" | "'")
    }

    /// True for the apostrophe of a plural possessive, glued to a word in
    /// "s" and followed by a word ("the Finnish Pilots' Association"): part
    /// of the noun phrase, not a quotation mark.
    pub(crate) fn is_plural_possessive(&self, i: usize) -> bool {
        matches!(self.word(i), "’" | "'")
            && i > 0
            && self.tokens[i - 1].end == self.tokens[i].start
            && self.word(i - 1).ends_with('s')
            && self
                .tokens
                .get(i + 1)
                .is_some_and(|n| n.start > self.tokens[i].end && matches!(n.upos, Upos::NOUN | Upos::PROPN | Upos::ADJ))
    }

    /// True for a participle used as a noun at the end of its phrase: "the
    /// father of the deceased, X,", "the families of the wounded".
    pub(crate) fn is_nominal_participle(&self, i: usize) -> bool {
        self.tagged
            && i > 0
            && self.tokens[i].xpos.as_str() == "VBN"
            && self.lower(i - 1) == "the"
            && matches!(self.word(i + 1), "," | "." | ")" | ";" | "")
    }

    /// True for a base-form "verb" right after a determiner, an adjective or
    /// a possessive ("Marenland's foreign ministry rejected"): English has no
    /// such verb, so the tagger took a rare noun for one, and the word must
    /// not cut the subject phrase it stands in.
    pub(crate) fn is_mistagged_noun(&self, i: usize) -> bool {
        if !self.tagged || i == 0 || !matches!(self.tokens[i].xpos.as_str(), "VB" | "VBP") {
            return false;
        }
        let prev = &self.tokens[i - 1];
        matches!(prev.xpos.as_str(), "DT" | "JJ" | "POS" | "PRP$")
            && !matches!(self.lower(i - 1).as_str(), "that" | "all" | "both")
    }

    /// The mention (index into `doc.mentions`) whose span ends exactly at the
    /// end of token `i`, preferring names, then roles.
    pub fn mention_ending_at(&self, i: usize) -> Option<usize> {
        let end = self.tokens[i].end;
        let mut best: Option<usize> = None;
        for (mi, m) in self.doc.mentions.iter().enumerate() {
            if m.span.end == end {
                let better = match best {
                    None => true,
                    Some(b) => {
                        rank(&self.doc.mentions[b]) < rank(m)
                            || (rank(&self.doc.mentions[b]) == rank(m)
                                && m.span.start < self.doc.mentions[b].span.start)
                    }
                };
                if better {
                    best = Some(mi);
                }
            }
        }
        best
    }

    /// Mentions that lie inside the byte span.
    pub fn mentions_in(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
        self.doc.mentions.iter().enumerate().filter(move |(_, m)| span.contains(m.span)).map(|(i, _)| i)
    }

    /// The entity kind of a mention's entity.
    pub fn mention_kind(&self, m: usize) -> EntityKind {
        self.doc.mentions[m].kind
    }
}

fn rank(m: &crate::document::Mention) -> u8 {
    match (m.form, m.kind) {
        (MentionForm::Name, EntityKind::Person) => 4,
        (MentionForm::Role, _) => 3,
        (MentionForm::Name, EntityKind::Organization) => 2,
        (MentionForm::Name, _) => 1,
        (MentionForm::Pronoun, _) => 0,
    }
}

/// Words that give a person's gender: a gendered role noun ("spokeswoman",
/// "chairman"), a kinship word or a title ("Mrs", "Mr").
fn gendered_word(w: &str) -> Option<PronounKind> {
    match w.trim_end_matches('.') {
        "spokeswoman" | "chairwoman" | "congresswoman" | "businesswoman" | "policewoman" | "woman" | "mother"
        | "wife" | "daughter" | "widow" | "sister" | "grandmother" | "actress" | "queen" | "princess" | "mrs"
        | "ms" | "miss" | "madam" | "madame" | "mme" | "lady" | "girl" => Some(PronounKind::Feminine),
        "spokesman" | "chairman" | "congressman" | "businessman" | "policeman" | "man" | "father" | "husband"
        | "son" | "widower" | "brother" | "grandfather" | "king" | "prince" | "mr" | "sir" | "sheikh" | "boy" => {
            Some(PronounKind::Masculine)
        }
        _ => None,
    }
}

/// The gender a person's role texts and the titles before their names
/// give, when they agree ("A spokeswoman of the agency, Carlotta Benassi";
/// "Mrs. Halina Kostrzewa").
fn gender_of(doc: &Document, e: usize) -> Option<PronounKind> {
    let ent = &doc.entities[e];
    if ent.kind != EntityKind::Person {
        return None;
    }
    let mut found: Option<PronounKind> = None;
    let mut clash = false;
    let mut note = |g: PronounKind| match found {
        Some(f) if f != g => clash = true,
        _ => found = Some(g),
    };
    for role in &ent.roles {
        for w in role.split(|c: char| !c.is_alphanumeric() && c != '\'') {
            if let Some(g) = gendered_word(&w.to_lowercase()) {
                note(g);
            }
        }
    }
    let tokens = &doc.analysis.tokens;
    for &m in &ent.mentions {
        let Some(mention) = doc.mentions.get(m) else { continue };
        if mention.form != MentionForm::Name {
            continue;
        }
        let at = doc.analysis.token_at_or_after(mention.span.start);
        if at > 0 && at <= tokens.len() {
            let w = tokens[at - 1].text(&doc.text).to_lowercase();
            if let Some(g) = gendered_word(&w) {
                note(g);
            }
        }
    }
    if clash {
        None
    } else {
        found
    }
}
