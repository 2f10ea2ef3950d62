//! Gold attributions (code-point spans, as PolNeAR's reader gives them)
//! turned into token ranges of an analysed document: the targets the
//! taggers learn.
//!
//! Every span becomes the range of tokens it touches, with punctuation-only
//! tokens trimmed from both ends (the evaluation compares spans the same
//! way, so learning where an annotator put the quote mark or the final
//! period would only add noise); a span of punctuation only (a colon or a
//! dash as cue) is kept whole, as the evaluation keeps it. Fragments of one role with nothing but
//! punctuation between them are joined, as the evaluation does.

use std::ops::Range;

use crate::document::Document;
use crate::eval::spans::{Attribution, Extent};

/// One attribution in tokens.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TokenAttribution {
    /// The cue.
    pub cue: Range<usize>,
    /// Source spans, in text order.
    pub sources: Vec<Range<usize>>,
    /// Content fragments, in text order.
    pub contents: Vec<Range<usize>>,
}

/// Converts code-point attributions of `doc.text` to token attributions.
/// Attributions whose cue covers no word are dropped.
pub fn to_tokens(doc: &Document, gold: &[Attribution]) -> Vec<TokenAttribution> {
    let conv = Converter::new(doc);
    gold.iter()
        .filter_map(|a| {
            let cue = conv.range(a.cue)?;
            let sources = conv.join(a.sources.iter().filter_map(|&e| conv.range(e)).collect());
            let contents = conv.join(a.contents.iter().filter_map(|&e| conv.range(e)).collect());
            Some(TokenAttribution { cue, sources, contents })
        })
        .collect()
}

/// Code point → token conversion for one document.
struct Converter<'d> {
    doc: &'d Document,
    /// Byte offset of every code point (plus the end).
    byte_of: Vec<usize>,
    /// Punctuation-only tokens.
    punct: Vec<bool>,
}

impl<'d> Converter<'d> {
    fn new(doc: &'d Document) -> Self {
        let mut byte_of: Vec<usize> = doc.text.char_indices().map(|(b, _)| b).collect();
        byte_of.push(doc.text.len());
        let punct = doc
            .analysis
            .tokens
            .iter()
            .map(|t| {
                let w = t.text(&doc.text);
                !w.is_empty() && w.chars().all(|c| !c.is_alphanumeric())
            })
            .collect();
        Converter { doc, byte_of, punct }
    }

    /// The trimmed token range of a code-point extent.
    fn range(&self, e: Extent) -> Option<Range<usize>> {
        let last = self.byte_of.len() - 1;
        let (bs, be) = (self.byte_of[e.start.min(last)], self.byte_of[e.end.min(last)]);
        let toks = &self.doc.analysis.tokens;
        let (a0, b0) = (toks.partition_point(|t| t.end <= bs), toks.partition_point(|t| t.start < be));
        let (mut a, mut b) = (a0, b0);
        while a < b && self.punct[a] {
            a += 1;
        }
        while b > a && self.punct[b - 1] {
            b -= 1;
        }
        // A span of punctuation only stays as it is, as the evaluation
        // keeps it: a colon or a dash is the cue of "Poll: ..." and of
        // "“...” ― Name".
        if a < b {
            Some(a..b)
        } else {
            (a0 < b0).then_some(a0..b0)
        }
    }

    /// Sorts fragments and joins those separated only by punctuation.
    fn join(&self, mut parts: Vec<Range<usize>>) -> Vec<Range<usize>> {
        parts.sort_by_key(|r| (r.start, r.end));
        let mut out: Vec<Range<usize>> = Vec::with_capacity(parts.len());
        for p in parts {
            if let Some(last) = out.last_mut() {
                if p.start <= last.end || (last.end..p.start).all(|k| self.punct[k]) {
                    last.end = last.end.max(p.end);
                    continue;
                }
            }
            out.push(p);
        }
        out
    }
}
