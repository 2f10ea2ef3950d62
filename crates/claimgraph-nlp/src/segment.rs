//! Sentence segmentation over tokens.
//!
//! A sentence ends at terminal punctuation (". ! ? …") together with any
//! closing quotes or brackets that follow it, at a paragraph break, and at a
//! line break that starts a new paragraph-like line (scraped text keeps one
//! paragraph per line). It does not end after an abbreviation that stands
//! before a name or number ("Lt. Col. Smith", "Jan. 5"), nor before a
//! lower-case word, nor inside an open quotation unless the quoted text
//! itself ends a sentence.

use crate::abbrev;
use crate::token::{Analysis, Sentence, Token};
use crate::tokenize::tokenize;

/// Tokenises `text` and groups the tokens into sentences.
pub fn segment(text: &str) -> Analysis {
    let tokens = tokenize(text);
    let sentences = split_sentences(text, &tokens);
    Analysis { tokens, sentences, entities: Vec::new() }
}

/// Words that commonly open a sentence; after an abbreviation that may end a
/// sentence ("U.S.", "Inc."), one of these signals a new sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "There",
    "When",
    "While",
    "After",
    "Before",
    "However",
    "Meanwhile",
    "According",
    "If",
    "As",
    "For",
    "So",
    "Yet",
    "Some",
    "Many",
    "Most",
    "Officials",
    "Last",
    "Earlier",
    "Later",
];

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "..." | "…" | "?!" | "!?") || s.chars().all(|c| matches!(c, '.' | '!' | '?'))
}

fn is_closing(s: &str) -> bool {
    matches!(s, "”" | "’" | "\"" | "'" | ")" | "]" | "»" | "}")
}

/// Groups `tokens` into sentences.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut first = 0;
    let n = tokens.len();
    let mut i = 0;
    while i < n {
        let word = tokens[i].text(text);
        let mut boundary_after: Option<usize> = None;

        if i == first {
            if let Some(dash) = dateline_end(text, tokens, i) {
                sentences.push(make_sentence(tokens, first, dash + 1));
                first = dash + 1;
                i = dash + 1;
                continue;
            }
        }
        if is_terminal(word) {
            // Absorb closing quotes/brackets glued to the terminal mark.
            let mut j = i;
            while j + 1 < n && is_closing(tokens[j + 1].text(text)) && tokens[j].end == tokens[j + 1].start {
                j += 1;
            }
            // A straight quote right after the terminal mark may open the next
            // sentence when white space separates them; only glued ones close.
            // "precinct No. 22", "Nr. 4": a number sign, not a sentence end.
            let number_sign = word == "."
                && i > 0
                && tokens[i - 1].end == tokens[i].start
                && matches!(tokens[i - 1].text(text), "No" | "Nos" | "Nr" | "Nº")
                && tokens.get(i + 1).is_some_and(|t| text[t.start..t.end].starts_with(|c: char| c.is_ascii_digit()));
            if !number_sign && (j + 1 >= n || next_starts_sentence(text, tokens, j + 1)) {
                boundary_after = Some(j);
            }
        } else if word.ends_with('.') && word.len() > 1 && i + 1 < n {
            // An abbreviation or initial with its period attached.
            if !abbrev::never_ends_sentence(word) && !is_initial(word) {
                let next = tokens[i + 1].text(text);
                if SENTENCE_STARTERS.contains(&next)
                    || line_break_between(text, &tokens[i], &tokens[i + 1])
                    || opens_quoted_sentence(text, tokens, i + 1)
                {
                    boundary_after = Some(i);
                }
            }
        }
        if boundary_after.is_none() && i + 1 < n && line_break_between(text, &tokens[i], &tokens[i + 1]) {
            let gap = &text[tokens[i].end..tokens[i + 1].start];
            let paragraph = gap.matches('\n').count() >= 2;
            if paragraph || starts_line_like_a_sentence(tokens[i + 1].text(text)) {
                boundary_after = Some(i);
            }
        }

        if let Some(j) = boundary_after {
            sentences.push(make_sentence(tokens, first, j + 1));
            first = j + 1;
            i = j + 1;
        } else {
            i += 1;
        }
    }
    if first < n {
        sentences.push(make_sentence(tokens, first, n));
    }
    sentences
}

/// The dash that ends a wire dateline opening a sentence at `first`
/// ("WASHINGTON (AP) —", "VILNIUS, Sept 22 (BWS) -", "BEDFORD, N.H. (AP)
/// —"): a place in capitals, a comma after it or an agency in brackets,
/// then only capitalised words, numbers and punctuation up to a dash with
/// white space around it. The dateline is a sentence of its own, so that
/// the place and the agency are no part of the first clause's subject
/// ("COVID-19 cases rose" and "FBI Director X — who ... — said" are not
/// datelines).
fn dateline_end(text: &str, tokens: &[Token], first: usize) -> Option<usize> {
    let place = tokens[first].text(text);
    if place.chars().count() < 3 || !place.chars().all(|c| c.is_alphabetic() && c.is_uppercase()) {
        return None;
    }
    let limit = (first + 12).min(tokens.len());
    let mut marked = tokens.get(first + 1).is_some_and(|t| t.text(text) == ",");
    for k in first + 1..limit {
        let w = tokens[k].text(text);
        marked |= w == ")";
        if matches!(w, "—" | "–" | "-" | "--") {
            let spaced =
                tokens[k - 1].end < tokens[k].start && tokens.get(k + 1).is_some_and(|t| tokens[k].end < t.start);
            return (marked && spaced).then_some(k);
        }
        let first_char = w.chars().next()?;
        if first_char.is_lowercase()
            || is_terminal(w) && w != "."
            || line_break_between(text, &tokens[k - 1], &tokens[k])
        {
            return None;
        }
    }
    None
}

/// True when the token at `k` is an opening quotation mark, set off by white
/// space from the word before it, whose first word is capitalised: after an
/// abbreviation that can end a sentence ("shortly after 2 a.m. \"Our
/// witnesses were ...\""), such a quote begins the next sentence. A glued
/// straight quote closes a quotation instead ("in the U.S.\" Then").
fn opens_quoted_sentence(text: &str, tokens: &[Token], k: usize) -> bool {
    let (Some(mark), Some(first)) = (tokens.get(k), tokens.get(k + 1)) else {
        return false;
    };
    let spaced = k > 0 && tokens[k - 1].end < mark.start;
    spaced
        && matches!(mark.text(text), "\"" | "“" | "‘")
        && first.text(text).chars().next().is_some_and(char::is_uppercase)
}

fn make_sentence(tokens: &[Token], from: usize, to: usize) -> Sentence {
    Sentence { start: tokens[from].start, end: tokens[to - 1].end, tokens: from..to }
}

fn is_initial(word: &str) -> bool {
    let mut c = word.chars();
    matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
}

fn line_break_between(text: &str, a: &Token, b: &Token) -> bool {
    text[a.end..b.start].contains('\n')
}

fn starts_line_like_a_sentence(word: &str) -> bool {
    word.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(c, '"' | '“' | '‘' | '\'' | '•' | '-' | '*' | '—' | '–' | '(')
    })
}

/// True when the token at `k` can begin a new sentence: it is capitalised,
/// a digit, an opening quote or bracket, or it starts a new line.
fn next_starts_sentence(text: &str, tokens: &[Token], k: usize) -> bool {
    let word = tokens[k].text(text);
    if k > 0 && line_break_between(text, &tokens[k - 1], &tokens[k]) {
        return true;
    }
    let c = match word.chars().next() {
        Some(c) => c,
        None => return true,
    };
    if c.is_lowercase() {
        return false;
    }
    if matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[') {
        // Look through the opening mark at the word it opens.
        return match tokens.get(k + 1) {
            Some(t) => !t.text(text).chars().next().is_some_and(char::is_lowercase),
            None => true,
        };
    }
    !matches!(c, ',' | ';' | ':' | ')' | ']')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        segment(text).sentences.iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn a_wire_dateline_is_a_sentence_of_its_own() {
        assert_eq!(
            sents("VILNIUS, Sept 22 (BWS) - Lithuania on Tuesday blamed a group."),
            ["VILNIUS, Sept 22 (BWS) -", "Lithuania on Tuesday blamed a group."]
        );
        assert_eq!(sents("WASHINGTON (AP) — The senator said no."), ["WASHINGTON (AP) —", "The senator said no."]);
        // A capitalised word and a dash inside a sentence are no dateline.
        assert_eq!(sents("NATO said - and meant - that it would."), ["NATO said - and meant - that it would."]);
        assert_eq!(sents("COVID-19 cases rose again."), ["COVID-19 cases rose again."]);
        assert_eq!(
            sents("FBI Director Ann Roe — who spoke — said no."),
            ["FBI Director Ann Roe — who spoke — said no."]
        );
    }

    #[test]
    fn splits_at_terminal_punctuation() {
        assert_eq!(sents("He came. She left! Why?"), ["He came.", "She left!", "Why?"]);
    }

    #[test]
    fn keeps_abbreviations_inside() {
        assert_eq!(
            sents("In the precinct No. 22 the observers were removed. The answer was No. It stays."),
            ["In the precinct No. 22 the observers were removed.", "The answer was No.", "It stays."]
        );
        assert_eq!(
            sents("Lt. Col. J. Smith met Dr. Brown on Jan. 5 in the U.S. Army base. Then he left."),
            ["Lt. Col. J. Smith met Dr. Brown on Jan. 5 in the U.S. Army base.", "Then he left."]
        );
        assert_eq!(
            sents("It rose 3.5 percent in the U.S. The rest fell."),
            ["It rose 3.5 percent in the U.S.", "The rest fell."]
        );
        assert_eq!(
            sents("\"We won,\" she told them at 2 a.m. \"Our sheets do not lie.\""),
            ["\"We won,\" she told them at 2 a.m.", "\"Our sheets do not lie.\""]
        );
        assert_eq!(
            sents("Dr. \"Nick\" Brown met them at 2 a.m. \"to talk\"."),
            ["Dr. \"Nick\" Brown met them at 2 a.m. \"to talk\"."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sents("He said, “We are ready.” Then he left. “Go,” she said."),
            ["He said, “We are ready.”", "Then he left.", "“Go,” she said."]
        );
        assert_eq!(sents("\"We won.\" He smiled."), ["\"We won.\"", "He smiled."]);
    }

    #[test]
    fn lines_and_paragraphs_split() {
        assert_eq!(sents("Headline without stop\n\nBody starts here."), ["Headline without stop", "Body starts here."]);
        assert_eq!(sents("a wrapped\nline continues."), ["a wrapped\nline continues."]);
    }

    #[test]
    fn lower_case_continuation_is_not_a_new_sentence() {
        assert_eq!(sents("He said no... and left."), ["He said no... and left."]);
    }
}
