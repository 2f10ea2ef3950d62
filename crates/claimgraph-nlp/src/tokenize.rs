//! Rule-based tokeniser producing Universal Dependencies (English Web
//! Treebank) syntactic words with byte offsets.
//!
//! The conventions follow EWT because the tagger and parser are trained on
//! it: clitics are split ("do" + "n't", "Iran" + "'s"), hyphens between word
//! parts are their own token ("cease" "-" "fire"), currency symbols and
//! percent signs are split from numbers, while abbreviations ("U.S.", "Lt.",
//! "Jan."), initials ("J."), decimals and thousands separators ("1,700",
//! "3.5"), URLs and e-mail addresses stay whole.

use crate::abbrev;
use crate::token::Token;

/// Splits `text` into tokens. Sentence boundaries are decided separately by
/// [`crate::segment`].
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Skip white space (Unicode-aware, but fast for ASCII).
        let c = match text[i..].chars().next() {
            Some(c) => c,
            None => break,
        };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut end = i;
        for (off, ch) in text[i..].char_indices() {
            if ch.is_whitespace() {
                break;
            }
            end = i + off + ch.len_utf8();
        }
        split_chunk(text, start, end, &mut out);
        i = end;
    }
    // space_after: true when the next byte after the token is white space
    // (or the text ends there — UD's convention for the last word).
    for t in out.iter_mut() {
        t.space_after = text[t.end..].chars().next().is_none_or(char::is_whitespace);
    }
    out
}

/// Characters that are split off the front of a chunk.
fn is_leading_punct(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '«'
            | '‹'
            | '('
            | '['
            | '{'
            | '„'
            | '¿'
            | '¡'
            | '*'
            | '•'
            | '·'
            | '—'
            | '–'
            | '<'
            | '>'
            | '$'
            | '€'
            | '£'
            | '¥'
            | '₴'
            | '₽'
            | '~'
            | '|'
            | '/'
            | '…'
    )
}

/// Characters that are split off the end of a chunk (the period is handled
/// separately because of abbreviations).
fn is_trailing_punct(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '’'
            | '»'
            | '›'
            | ')'
            | ']'
            | '}'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '*'
            | '—'
            | '–'
            | '%'
            | '…'
            | '|'
            | '/'
            | '>'
            | '<'
    )
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits one white-space-free chunk `text[start..end]` into tokens.
fn split_chunk(text: &str, mut start: usize, mut end: usize, out: &mut Vec<Token>) {
    let chunk = &text[start..end];
    if looks_like_url_or_email(chunk) {
        // Keep trailing sentence punctuation apart from the address.
        let mut tail = Vec::new();
        while let Some(c) = text[start..end].chars().last() {
            if matches!(c, '.' | ',' | ';' | ':' | ')' | '!' | '?' | '"' | '”' | '’' | '\'') {
                end -= c.len_utf8();
                tail.push(Token::new(end, end + c.len_utf8(), false));
            } else {
                break;
            }
        }
        if end > start {
            out.push(Token::new(start, end, false));
        }
        out.extend(tail.into_iter().rev());
        return;
    }

    // Leading punctuation, each character its own token ("..." excepted).
    while start < end {
        let rest = &text[start..end];
        if rest.starts_with("...") {
            out.push(Token::new(start, start + 3, false));
            start += 3;
            continue;
        }
        if rest.starts_with("--") {
            let n = rest.bytes().take_while(|&b| b == b'-').count();
            out.push(Token::new(start, start + n, false));
            start += n;
            continue;
        }
        let c = match rest.chars().next() {
            Some(c) => c,
            None => return,
        };
        // An apostrophe starting a chunk may be a clitic-like year ("'90s")
        // or a quote; treat it as a quote unless a digit follows.
        let next = rest[c.len_utf8()..].chars().next();
        if is_leading_punct(c) && !(is_apostrophe(c) && next.is_some_and(|n| n.is_ascii_digit())) {
            out.push(Token::new(start, start + c.len_utf8(), false));
            start += c.len_utf8();
        } else {
            break;
        }
    }

    // Trailing punctuation, collected right to left.
    let mut trailing: Vec<Token> = Vec::new();
    while start < end {
        let rest = &text[start..end];
        if rest.ends_with("...") && rest.len() > 3 {
            trailing.push(Token::new(end - 3, end, false));
            end -= 3;
            continue;
        }
        let c = match rest.chars().last() {
            Some(c) => c,
            None => break,
        };
        if c == '.' {
            let body = &rest[..rest.len() - 1];
            if keeps_final_period(body) {
                break;
            }
            trailing.push(Token::new(end - 1, end, false));
            end -= 1;
            continue;
        }
        // A possessive apostrophe after a plural ("countries'") is a token
        // of its own, like a closing quote; both are split here.
        if is_trailing_punct(c) && rest.len() > c.len_utf8() {
            trailing.push(Token::new(end - c.len_utf8(), end, false));
            end -= c.len_utf8();
            continue;
        }
        if is_trailing_punct(c) && rest.len() == c.len_utf8() {
            trailing.push(Token::new(start, end, false));
            end = start;
        }
        break;
    }

    if start < end {
        split_word(text, start, end, out);
    }
    out.extend(trailing.into_iter().rev());
}

/// True when a chunk ending in a period keeps it: abbreviations, initials,
/// dotted acronyms.
fn keeps_final_period(body: &str) -> bool {
    if body.is_empty() {
        return false;
    }
    // Dotted acronyms and initials: "U.S", "e.g", "J", "a.m".
    let letters_and_dots = body.chars().all(|c| c.is_alphabetic() || c == '.');
    if letters_and_dots && body.contains('.') && !body.ends_with('.') {
        let parts_short = body.split('.').all(|p| p.chars().count() <= 2);
        if parts_short {
            return true;
        }
    }
    let mut chars = body.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return true; // an initial: "J."
        }
    }
    // An initial of two letters that write one consonant in Mongolian,
    // Russian and other romanisations: "Ts. Ganzorig", "Ch. Batbayar".
    if matches!(body, "Ts" | "Ch" | "Sh" | "Zh" | "Kh") {
        return true;
    }
    abbrev::is_abbreviation(body)
}

fn looks_like_url_or_email(chunk: &str) -> bool {
    let lower = chunk.trim_start_matches(['(', '<', '"', '“']);
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("www.")
        || (lower.contains('@')
            && lower.contains('.')
            && lower.chars().next().is_some_and(char::is_alphanumeric)
            && !lower.starts_with('@'))
}

/// Splits a word without outer punctuation: clitics, hyphens, currency and
/// number-internal punctuation.
fn split_word(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let word = &text[start..end];

    // Clitics at the end: n't, 's, 're, 've, 'll, 'd, 'm (straight or curly).
    if let Some(cut) = clitic_split(word) {
        if cut > 0 {
            split_word(text, start, start + cut, out);
            out.push(Token::new(start + cut, end, false));
            return;
        }
    }
    // "cannot" and "gonna"-style fused forms split into two words.
    let lower = word.to_ascii_lowercase();
    for (fused, cut) in [("cannot", 3), ("gonna", 3), ("wanna", 3), ("gotta", 3)] {
        if lower == fused {
            out.push(Token::new(start, start + cut, false));
            out.push(Token::new(start + cut, end, false));
            return;
        }
    }

    // Internal separators: hyphens between parts, slashes, and a few others.
    let mut piece_start = start;
    let mut prev: Option<char> = None;
    let mut iter = word.char_indices().peekable();
    while let Some((off, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        let at = start + off;
        let splits = match c {
            // Hyphen between two word characters, but not inside a number
            // range written with digits on both sides is still split (EWT
            // splits "2015-2016" too).
            '-' | '‐' | '‑' => prev.is_some() && next.is_some(),
            '/' | '—' | '–' => prev.is_some() && next.is_some(),
            _ => false,
        };
        if splits {
            if at > piece_start {
                out.push(Token::new(piece_start, at, false));
            }
            out.push(Token::new(at, at + c.len_utf8(), false));
            piece_start = at + c.len_utf8();
        }
        prev = Some(c);
    }
    if piece_start < end {
        out.push(Token::new(piece_start, end, false));
    }
}

/// Byte position where a clitic starts in `word`, if it ends in one.
fn clitic_split(word: &str) -> Option<usize> {
    let lower: String = word.chars().map(|c| if c == '’' { '\'' } else { c.to_ascii_lowercase() }).collect();
    // `lower` has the same char boundaries as `word` except for ’ (3 bytes)
    // becoming ' (1 byte), so work on char counts and map back.
    let n_chars = lower.chars().count();
    let suffix_chars = if lower.ends_with("n't") && n_chars > 3 {
        3
    } else if ["'s", "'m", "'d"].iter().any(|s| lower.ends_with(s)) && n_chars > 2 {
        2
    } else if ["'re", "'ve", "'ll"].iter().any(|s| lower.ends_with(s)) && n_chars > 3 {
        3
    } else {
        return None;
    };
    // Byte offset of the char `n_chars - suffix_chars` in the original word.
    word.char_indices().nth(n_chars - suffix_chars).map(|(b, _)| b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect::<Vec<_>>()
    }

    #[test]
    fn splits_clitics_and_punctuation() {
        assert_eq!(words("I don't know, he's here."), ["I", "do", "n't", "know", ",", "he", "'s", "here", "."]);
        assert_eq!(words("Ukraine’s army"), ["Ukraine", "’s", "army"]);
        assert_eq!(words("the countries' leaders"), ["the", "countries", "'", "leaders"]);
        assert_eq!(words("I cannot"), ["I", "can", "not"]);
    }

    #[test]
    fn keeps_abbreviations_numbers_and_initials() {
        assert_eq!(
            words("Lt. Col. J. Smith of the U.S. Army"),
            ["Lt.", "Col.", "J.", "Smith", "of", "the", "U.S.", "Army"]
        );
        assert_eq!(
            words("It cost $5.5 billion, or 1,700 drones."),
            ["It", "cost", "$", "5.5", "billion", ",", "or", "1,700", "drones", "."]
        );
        assert_eq!(words("up 5%"), ["up", "5", "%"]);
        assert_eq!(words("at 3 p.m. on Jan. 5"), ["at", "3", "p.m.", "on", "Jan.", "5"]);
    }

    #[test]
    fn splits_hyphens_and_quotes() {
        assert_eq!(words("a cease-fire"), ["a", "cease", "-", "fire"]);
        assert_eq!(words("“baseless” claims"), ["“", "baseless", "”", "claims"]);
        assert_eq!(words("\"We are ready.\""), ["\"", "We", "are", "ready", ".", "\""]);
        assert_eq!(words("wait..."), ["wait", "..."]);
    }

    #[test]
    fn keeps_urls_whole() {
        assert_eq!(words("see https://example.com/a-b."), ["see", "https://example.com/a-b", "."]);
    }

    #[test]
    fn offsets_point_at_the_text() {
        let text = "“Iran’s drones,” he said — really.";
        for t in tokenize(text) {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            assert!(!t.text(text).trim().is_empty());
        }
    }
}
