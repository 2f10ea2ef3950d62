//! Quotation spans: where direct speech is, across sentences and paragraphs.
//!
//! Curly marks pair an opening “ with the next ”. Straight marks toggle
//! within a paragraph; an opening mark right after white space or an opening
//! bracket opens, one glued to a word closes. A quote still open at the end
//! of a paragraph continues when the next paragraph opens with a quote mark
//! (the newspaper convention for multi-paragraph quotes) and is closed at the
//! paragraph end otherwise, so that one stray mark never swallows the rest of
//! the article.

use claimgraph_nlp::Token;

/// A quotation: token indices of the opening and closing marks (the closing
/// one may be absent when the quote runs to a paragraph end).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark, or of the last token inside when the
    /// quote was closed by a paragraph end.
    pub close: usize,
    /// True when a closing mark was found.
    pub closed: bool,
}

impl Quote {
    /// Token range of the text inside the marks.
    pub fn inner(&self) -> std::ops::Range<usize> {
        let end = if self.closed { self.close } else { self.close + 1 };
        self.open + 1..end.max(self.open + 1)
    }
    /// Token range including the marks.
    pub fn outer(&self) -> std::ops::Range<usize> {
        self.open..self.close + 1
    }
    /// Number of words inside.
    pub fn len(&self) -> usize {
        self.inner().len()
    }
    /// True when nothing is inside.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn paragraph_break(text: &str, a: &Token, b: &Token) -> bool {
    text[a.end..b.start].matches('\n').count() >= 1
}

/// Finds the quotations of a document.
pub fn find_quotes(text: &str, tokens: &[Token]) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, t) in tokens.iter().enumerate() {
        // A line break closes an open quote unless the next line re-opens.
        if let Some(o) = open {
            if i > 0 && paragraph_break(text, &tokens[i - 1], t) {
                let w = t.text(text);
                let reopens = matches!(w, "“" | "\"" | "«" | "‘");
                if reopens {
                    // The new mark continues the same quote: skip it.
                    continue;
                }
                out.push(Quote { open: o, close: i - 1, closed: false });
                open = None;
            }
        }
        let w = t.text(text);
        match w {
            "“" | "«" | "„" if open.is_none() => open = Some(i),
            "”" | "»" => {
                if let Some(o) = open.take() {
                    out.push(Quote { open: o, close: i, closed: true });
                }
            }
            // British single quotes: ‘ opens when no quote is open; ’ closes
            // it only after punctuation or before punctuation or the end, so
            // that an apostrophe ("countries’ leaders") does not.
            "‘" if open.is_none() => open = Some(i),
            "’" => {
                if let Some(o) = open {
                    if ctx_word(text, tokens, o) == "‘" {
                        let prev = ctx_word(text, tokens, i - 1);
                        let prev_punct = i > 0 && is_closing_punct(prev);
                        let next_tok = tokens.get(i + 1);
                        let next = next_tok.map(|n| n.text(text)).unwrap_or("");
                        let next_punct = next.is_empty() || next.chars().all(|c| !c.is_alphanumeric());
                        // After a plural "s" and before a noun, ’ is a
                        // possessive apostrophe ("the countries’ leaders");
                        // otherwise, followed by white space, it closes.
                        let spaced = next_tok.is_some_and(|n| n.start > t.end);
                        let possessive = prev.ends_with('s')
                            && next_tok.is_some_and(|n| {
                                matches!(
                                    n.upos,
                                    claimgraph_nlp::Upos::NOUN
                                        | claimgraph_nlp::Upos::ADJ
                                        | claimgraph_nlp::Upos::PROPN
                                ) || (n.upos == claimgraph_nlp::Upos::X
                                    && n.text(text).chars().next().is_some_and(char::is_lowercase))
                            });
                        if prev_punct || next_punct || (spaced && !possessive) {
                            out.push(Quote { open: o, close: i, closed: true });
                            open = None;
                        }
                    }
                }
            }
            "\"" => {
                let after_space = i == 0 || tokens[i - 1].end < t.start || is_opening_bracket(tokens[i - 1].text(text));
                let before_space = tokens.get(i + 1).is_none_or(|n| n.start > t.end);
                match open {
                    // A straight mark closes the open quote unless it is glued to
                    // the next word after a space (then it opens one).
                    Some(o) if !after_space || before_space => {
                        out.push(Quote { open: o, close: i, closed: true });
                        open = None;
                    }
                    Some(_) => {}
                    None => {
                        if !before_space || after_space {
                            open = Some(i);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    if let Some(o) = open {
        if o + 1 < tokens.len() {
            out.push(Quote { open: o, close: tokens.len() - 1, closed: false });
        }
    }
    out
}

fn ctx_word<'t>(text: &'t str, tokens: &[Token], i: usize) -> &'t str {
    tokens.get(i).map(|t| t.text(text)).unwrap_or("")
}

fn is_closing_punct(w: &str) -> bool {
    matches!(w, "," | "." | "!" | "?" | ";" | ":" | "…" | "...")
}

fn is_opening_bracket(w: &str) -> bool {
    matches!(w, "(" | "[" | "—" | "–")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<String> {
        let a = claimgraph_nlp::segment(text);
        find_quotes(text, &a.tokens)
            .iter()
            .map(|q| {
                let r = q.inner();
                text[a.tokens[r.start].start..a.tokens[r.end - 1].end].to_string()
            })
            .collect()
    }

    #[test]
    fn pairs_curly_and_straight_marks() {
        assert_eq!(quotes("He said, “We are ready.” Then \"no,\" she said."), ["We are ready.", "no,"]);
    }

    #[test]
    fn pairs_single_quotes_but_not_apostrophes() {
        assert_eq!(quotes("‘The countries’ leaders agreed,’ he said."), ["The countries’ leaders agreed,"]);
        assert_eq!(quotes("it was ‘widely available’."), ["widely available"]);
    }

    #[test]
    fn quote_continues_over_paragraphs_that_reopen() {
        let t = "“First part.\n\n“Second part,” he said.";
        assert_eq!(quotes(t), ["First part.\n\n“Second part,"]);
    }

    #[test]
    fn stray_mark_closes_at_paragraph_end() {
        let t = "He said “this is open.\n\nNext paragraph is narrative.";
        assert_eq!(quotes(t), ["this is open."]);
    }
}
