//! The system-neutral shape every scorer works on: an [`Attribution`] of
//! cue, source and content [`Extent`]s; and the two ways of putting gold and
//! predicted spans on one footing before they are compared ([`Units`]).
//!
//! Spans are read in Unicode code points (brat and Python count them). They
//! are then compared in one of two units:
//!
//! * **tokens** (the headline figures): both sides are tokenised with
//!   [`claimgraph_nlp::tokenize`] over the same original text, each span
//!   becomes the range of tokens it touches, and tokens made only of edge
//!   punctuation (quote marks, periods, commas, colons, dashes, brackets...)
//!   are trimmed from both ends. So whether an annotator or a system took
//!   the closing quote mark or the final period does not decide an exact
//!   match; every word still does.
//! * **code points** (the "strict" figures): the offsets as given, with only
//!   surrounding white space trimmed.
//!
//! In both units, fragments of one role whose gap holds nothing (only white
//! space; in tokens, only edge punctuation) are joined: brat splits a span
//! at a paragraph break into two fragments (often leaving out the quote mark
//! that reopens the quotation), which is a property of the annotation tool,
//! not a second piece of content. A gap with a word in it ("he said") keeps
//! the fragments apart.

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` in some unit (code points or tokens).
/// Written as a two-element array in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(from = "(usize, usize)", into = "(usize, usize)")]
pub struct Extent {
    /// First unit.
    pub start: usize,
    /// One past the last unit.
    pub end: usize,
}

impl From<(usize, usize)> for Extent {
    fn from((start, end): (usize, usize)) -> Self {
        Extent { start, end }
    }
}

impl From<Extent> for (usize, usize) {
    fn from(e: Extent) -> Self {
        (e.start, e.end)
    }
}

impl Extent {
    /// The extent `start..end`.
    pub fn new(start: usize, end: usize) -> Self {
        Extent { start, end }
    }
    /// Its length in units.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    /// True when it covers nothing.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// True when the two share at least one unit.
    pub fn overlaps(&self, other: Extent) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// How many units the two share.
    pub fn overlap(&self, other: Extent) -> usize {
        self.end.min(other.end).saturating_sub(self.start.max(other.start))
    }
}

/// One attribution: who (sources) says what (contents) by which words (cue).
/// The unit of the extents depends on where it comes from (code points when
/// read or predicted, tokens after [`Units::normalise`]).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Attribution {
    /// The cue.
    pub cue: Extent,
    /// The source spans (usually none or one), in text order.
    #[serde(default)]
    pub sources: Vec<Extent>,
    /// The content fragments, in text order.
    #[serde(default)]
    pub contents: Vec<Extent>,
}

/// Characters that may be trimmed from the edges of a span in token units:
/// a token made only of these carries no word.
fn is_edge_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ':'
            | ';'
            | '!'
            | '?'
            | '"'
            | '\''
            | '`'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '«'
            | '»'
            | '„'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '-'
            | '–'
            | '—'
            | '…'
    )
}

/// Which unit spans are compared in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Tokens, edge punctuation trimmed (the headline figures).
    Token,
    /// Code points, white space trimmed (the strict figures).
    CodePoint,
}

/// One article's text prepared for comparing spans: its tokens (in code
/// points) and its paragraphs (non-blank lines, which are CofeNet's
/// instances).
#[derive(Debug, Clone)]
pub struct Units {
    unit: Unit,
    /// The text as code points, for white-space trimming.
    chars: Vec<char>,
    /// Token extents in code points.
    tokens: Vec<Extent>,
    /// Whether each token is edge punctuation only.
    punct: Vec<bool>,
    /// Paragraph extents, in this view's unit, in text order.
    paragraphs: Vec<Extent>,
}

impl Units {
    /// Prepares `text` (the original article text that all offsets point
    /// into) for comparison in `unit`.
    pub fn new(text: &str, unit: Unit) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let index = crate::offsets::CharIndex::new(text);
        let raw = claimgraph_nlp::tokenize(text);
        let tokens: Vec<Extent> =
            raw.iter().map(|t| Extent::new(index.char_offset(t.start), index.char_offset(t.end))).collect();
        let punct = raw.iter().map(|t| t.text(text).chars().all(is_edge_punct)).collect();
        let lines = paragraph_lines(&chars);
        let paragraphs = match unit {
            Unit::CodePoint => lines,
            Unit::Token => lines
                .iter()
                .map(|l| {
                    let a = tokens.partition_point(|t| t.start < l.start);
                    let b = tokens.partition_point(|t| t.start < l.end);
                    Extent::new(a, b)
                })
                .filter(|e| !e.is_empty())
                .collect(),
        };
        Units { unit, chars, tokens, punct, paragraphs }
    }

    /// The unit of this view.
    pub fn unit(&self) -> Unit {
        self.unit
    }

    /// The paragraphs (CofeNet instances) in this view's unit.
    pub fn paragraphs(&self) -> &[Extent] {
        &self.paragraphs
    }

    /// The number of tokens of the text.
    pub fn token_count(&self) -> usize {
        self.tokens.len()
    }

    /// One code-point span in this view's unit, or `None` when nothing of it
    /// is left (white space only, or no token).
    pub fn span(&self, e: Extent) -> Option<Extent> {
        let end = e.end.min(self.chars.len());
        let mut start = e.start.min(end);
        let mut stop = end;
        while start < stop && self.chars[start].is_whitespace() {
            start += 1;
        }
        while stop > start && self.chars[stop - 1].is_whitespace() {
            stop -= 1;
        }
        if start >= stop {
            return None;
        }
        match self.unit {
            Unit::CodePoint => Some(Extent::new(start, stop)),
            Unit::Token => {
                // Every token the span touches, even partly.
                let a = self.tokens.partition_point(|t| t.end <= start);
                let b = self.tokens.partition_point(|t| t.start < stop);
                if a >= b {
                    return None;
                }
                let (mut x, mut y) = (a, b);
                while x < y && self.punct[x] {
                    x += 1;
                }
                while y > x && self.punct[y - 1] {
                    y -= 1;
                }
                // A span of punctuation only keeps its tokens, so that it can
                // still be matched (or missed) rather than vanish.
                Some(if x < y { Extent::new(x, y) } else { Extent::new(a, b) })
            }
        }
    }

    /// A list of fragments in this view's unit: each fragment converted,
    /// sorted, and fragments with nothing between them joined.
    pub fn spans(&self, es: &[Extent]) -> Vec<Extent> {
        let mut out: Vec<Extent> = es.iter().filter_map(|&e| self.span(e)).collect();
        out.sort();
        let mut joined: Vec<Extent> = Vec::with_capacity(out.len());
        for e in out {
            if let Some(last) = joined.last_mut() {
                if e.start <= last.end || self.gap_is_empty(last.end, e.start) {
                    last.end = last.end.max(e.end);
                    continue;
                }
            }
            joined.push(e);
        }
        joined
    }

    /// True when nothing but white space (code points) or nothing but edge
    /// punctuation (tokens) lies in `[a, b)`.
    fn gap_is_empty(&self, a: usize, b: usize) -> bool {
        match self.unit {
            Unit::CodePoint => self.chars.get(a..b).is_some_and(|g| g.iter().all(|c| c.is_whitespace())),
            Unit::Token => self.punct.get(a..b).is_some_and(|g| g.iter().all(|&p| p)),
        }
    }

    /// An attribution in this view's unit, or `None` when its cue is empty.
    pub fn normalise(&self, a: &Attribution) -> Option<Attribution> {
        let cue = self.span(a.cue)?;
        Some(Attribution { cue, sources: self.spans(&a.sources), contents: self.spans(&a.contents) })
    }

    /// A span in this view's unit cut at paragraph boundaries: one
    /// `(paragraph index, piece)` per paragraph it reaches, each piece
    /// trimmed again of edge punctuation (tokens) or white space (code
    /// points) as a span of its own would be.
    pub fn by_paragraph(&self, e: Extent) -> Vec<(usize, Extent)> {
        let first = self.paragraphs.partition_point(|p| p.end <= e.start);
        let mut out = Vec::new();
        for (i, p) in self.paragraphs.iter().enumerate().skip(first) {
            if p.start >= e.end {
                break;
            }
            let (mut a, mut b) = (e.start.max(p.start), e.end.min(p.end));
            let skip = |i: usize| match self.unit {
                Unit::Token => self.punct.get(i).copied().unwrap_or(false),
                Unit::CodePoint => self.chars.get(i).is_some_and(|c| c.is_whitespace()),
            };
            while a < b && skip(a) {
                a += 1;
            }
            while b > a && skip(b - 1) {
                b -= 1;
            }
            if a < b {
                out.push((i, Extent::new(a, b)));
            } else if e.start >= p.start && e.end <= p.end {
                // A span of punctuation only, wholly inside the paragraph,
                // stays as it is (see `span`).
                out.push((i, e));
            }
        }
        out
    }

    /// The code-point extent of a span in this view's unit (for showing it).
    pub fn to_code_points(&self, e: Extent) -> Extent {
        match self.unit {
            Unit::CodePoint => e,
            Unit::Token => {
                let s = self.tokens.get(e.start).map_or(0, |t| t.start);
                let t = e.end.checked_sub(1).and_then(|i| self.tokens.get(i)).map_or(s, |t| t.end);
                Extent::new(s, t)
            }
        }
    }

    /// The text of a span in this view's unit.
    pub fn text(&self, e: Extent) -> String {
        let c = self.to_code_points(e);
        self.chars.get(c.start..c.end.min(self.chars.len())).map(|s| s.iter().collect()).unwrap_or_default()
    }
}

/// The non-blank lines of a text as code-point extents (leading and
/// trailing white space of a line excluded).
fn paragraph_lines(chars: &[char]) -> Vec<Extent> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..=chars.len() {
        if i == chars.len() || chars[i] == '\n' {
            let mut a = start;
            let mut b = i;
            while a < b && chars[a].is_whitespace() {
                a += 1;
            }
            while b > a && chars[b - 1].is_whitespace() {
                b -= 1;
            }
            if a < b {
                out.push(Extent::new(a, b));
            }
            start = i + 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cp(text: &str, needle: &str) -> Extent {
        let b = text.find(needle).unwrap();
        let s = text[..b].chars().count();
        Extent::new(s, s + needle.chars().count())
    }

    #[test]
    fn tokens_ignore_edge_punctuation_but_not_words() {
        let text = "The mayor said: “We will rebuild the bridge.” Then she left.";
        let u = Units::new(text, Unit::Token);
        let with = u.span(cp(text, "“We will rebuild the bridge.”")).unwrap();
        let without = u.span(cp(text, "We will rebuild the bridge")).unwrap();
        assert_eq!(with, without);
        assert_eq!(u.text(with), "We will rebuild the bridge");
        let shorter = u.span(cp(text, "We will rebuild")).unwrap();
        assert_ne!(shorter, without);
    }

    #[test]
    fn code_points_trim_only_white_space() {
        let text = "He said  it rained. ";
        let u = Units::new(text, Unit::CodePoint);
        let e = u.span(Extent::new(7, 19)).unwrap();
        assert_eq!(u.text(e), "it rained.");
        assert_eq!(u.span(Extent::new(19, 20)), None);
    }

    #[test]
    fn fragments_split_at_a_paragraph_break_are_joined() {
        let text = "She wrote that the plan\nwould fail, and that it was late.";
        for unit in [Unit::Token, Unit::CodePoint] {
            let u = Units::new(text, unit);
            let joined = u.spans(&[cp(text, "the plan"), cp(text, "would fail")]);
            assert_eq!(joined.len(), 1, "{unit:?}");
            assert_eq!(u.text(joined[0]), "the plan\nwould fail");
            let apart = u.spans(&[cp(text, "the plan"), cp(text, "it was late")]);
            assert_eq!(apart.len(), 2, "{unit:?}");
        }
        // A quotation reopened on the next paragraph: the fragments leave out
        // the quote marks; only the token view joins them.
        let text = "He said: “We will win.\n\n“We will win big.”";
        let frags = [cp(text, "We will win."), cp(text, "We will win big.")];
        let u = Units::new(text, Unit::Token);
        assert_eq!(u.spans(&frags), vec![u.span(cp(text, "We will win.\n\n“We will win big.")).unwrap()]);
        assert_eq!(Units::new(text, Unit::CodePoint).spans(&frags).len(), 2);
    }

    #[test]
    fn paragraphs_are_non_blank_lines() {
        let text = "Headline here\n\n  First paragraph.  \n\nSecond one.\n";
        let u = Units::new(text, Unit::CodePoint);
        let ps: Vec<String> = u.paragraphs().iter().map(|&p| u.text(p)).collect();
        assert_eq!(ps, ["Headline here", "First paragraph.", "Second one."]);
        let t = Units::new(text, Unit::Token);
        assert_eq!(t.paragraphs(), &[Extent::new(0, 2), Extent::new(2, 5), Extent::new(5, 8)]);
    }

    #[test]
    fn non_ascii_offsets_are_code_points() {
        let text = "Él dijo “sí” — and she said no.";
        let u = Units::new(text, Unit::Token);
        let e = u.span(cp(text, "she")).unwrap();
        assert_eq!(u.text(e), "she");
    }
}
