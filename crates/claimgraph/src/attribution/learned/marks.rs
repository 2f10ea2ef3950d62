//! The quotations the model and the attribution layer see: those of
//! [`crate::attribution::quotes::find_quotes`], plus quotations written with
//! two apostrophes (''...''), the house style of some newspaper archives
//! (PolNeAR's New York Times articles). The tokeniser splits such a mark
//! into two apostrophe tokens, and `find_quotes` (shared with the rules)
//! does not read them as quotation marks, so the model's quote features
//! were blank on those articles and the layer's quotation repairs
//! ([`super::bounds`], [`super::layer`]) passed them by. The model was
//! trained on `find_quotes`' quotations (see `train.rs`); seeing these at
//! inference too raised every PolNeAR dev figure (BENCHMARKS.md,
//! "Attribution").

use claimgraph_nlp::Token;

use crate::attribution::quotes::{find_quotes, Quote};

/// Quotations of a document with the token that each word lies in.
pub struct Marks {
    /// The quotations, by opening mark.
    pub quotes: Vec<Quote>,
    /// For each token inside a quotation, the quotation's index.
    pub quote_of: Vec<Option<usize>>,
}

impl Marks {
    /// The quotations of `text` (tokenised as `tokens`), given those that
    /// `find_quotes` found (`base`).
    pub fn new(text: &str, tokens: &[Token], base: &[Quote]) -> Marks {
        let mut quotes: Vec<Quote> = base.to_vec();
        let taken = |q: &Quote, qs: &[Quote]| {
            let r = q.open..q.close + 1;
            qs.iter().any(|b| b.open < r.end && r.start < b.close + 1)
        };
        for q in apostrophe_quotes(text, tokens) {
            if !taken(&q, base) {
                quotes.push(q);
            }
        }
        quotes.sort_by_key(|q| q.open);
        let mut quote_of = vec![None; tokens.len()];
        for (qi, q) in quotes.iter().enumerate() {
            for i in q.inner() {
                if let Some(slot) = quote_of.get_mut(i) {
                    *slot = Some(qi);
                }
            }
        }
        Marks { quotes, quote_of }
    }

    /// The quotations of a document from scratch.
    pub fn of(text: &str, tokens: &[Token]) -> Marks {
        Marks::new(text, tokens, &find_quotes(text, tokens))
    }

    /// True when token `k` lies inside a quotation.
    pub fn in_quote(&self, k: usize) -> bool {
        self.quote_of.get(k).is_some_and(|q| q.is_some())
    }

    /// The quotation whose opening mark is token `k`.
    pub fn opens(&self, k: usize) -> Option<&Quote> {
        self.quotes.iter().find(|q| q.open == k)
    }

    /// The quotation whose closing mark is token `k`.
    pub fn closes(&self, k: usize) -> Option<&Quote> {
        self.quotes.iter().find(|q| q.closed && q.close == k)
    }
}

fn is_apostrophe(text: &str, t: &Token) -> bool {
    matches!(t.text(text), "'" | "’")
}

/// A mark of two apostrophes at token `k` (the two tokens touch).
fn pair_at(text: &str, tokens: &[Token], k: usize) -> bool {
    k + 1 < tokens.len()
        && is_apostrophe(text, &tokens[k])
        && is_apostrophe(text, &tokens[k + 1])
        && tokens[k].end == tokens[k + 1].start
}

fn line_break(text: &str, tokens: &[Token], k: usize) -> bool {
    k > 0 && text.get(tokens[k - 1].end..tokens[k].start).is_some_and(|g| g.contains('\n'))
}

/// Quotations marked ''...''. The mark opens when it follows white space
/// (or a bracket or a dash) and touches the next word, and closes when it
/// touches the word before. The inner apostrophe of each pair is taken as
/// the mark, so that [`Quote::inner`] holds words only. As with
/// `find_quotes`, a paragraph that ends inside a quotation closes it unless
/// the next paragraph opens with the mark again (a quotation over several
/// paragraphs).
pub fn apostrophe_quotes(text: &str, tokens: &[Token]) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut k = 0;
    while k < tokens.len() {
        if let Some(o) = open {
            if line_break(text, tokens, k) {
                if pair_at(text, tokens, k) {
                    // The next paragraph re-opens the same quotation.
                    k += 2;
                    continue;
                }
                out.push(Quote { open: o, close: k - 1, closed: false });
                open = None;
            }
        }
        if !pair_at(text, tokens, k) {
            k += 1;
            continue;
        }
        let spaced_before = k == 0 || tokens[k - 1].end < tokens[k].start || opening_punct(tokens[k - 1].text(text));
        let glued_after = tokens.get(k + 2).is_some_and(|n| n.start == tokens[k + 1].end);
        match open {
            Some(o) if !spaced_before => {
                out.push(Quote { open: o, close: k, closed: true });
                open = None;
            }
            None if spaced_before && glued_after => open = Some(k + 1),
            _ => {}
        }
        k += 2;
    }
    if let Some(o) = open {
        if o + 1 < tokens.len() {
            out.push(Quote { open: o, close: tokens.len() - 1, closed: false });
        }
    }
    out
}

fn opening_punct(w: &str) -> bool {
    matches!(w, "(" | "[" | "—" | "–" | "-" | "--")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words<'t>(text: &'t str, tokens: &[Token], r: std::ops::Range<usize>) -> Vec<&'t str> {
        tokens[r].iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn two_apostrophes_mark_a_quotation() {
        let text = "''It failed,'' she said. ''We tried.''\n''Next one";
        let tokens = claimgraph_nlp::tokenize(text);
        let qs = apostrophe_quotes(text, &tokens);
        assert_eq!(qs.len(), 3, "{qs:?}");
        assert_eq!(words(text, &tokens, qs[0].inner()), ["It", "failed", ","]);
        assert_eq!(words(text, &tokens, qs[1].inner()), ["We", "tried", "."]);
        assert!(qs[0].closed && qs[1].closed && !qs[2].closed);
        assert_eq!(words(text, &tokens, qs[2].inner()), ["Next", "one"]);
        let marks = Marks::of(text, &tokens);
        assert!(marks.in_quote(2) && !marks.in_quote(7), "the words inside, not the marks or the narration");
    }

    #[test]
    fn an_apostrophe_alone_is_no_quotation() {
        let text = "The players' union said 'no' to the '90s rules.";
        let tokens = claimgraph_nlp::tokenize(text);
        assert!(apostrophe_quotes(text, &tokens).is_empty());
    }
}
