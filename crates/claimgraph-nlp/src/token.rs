//! The annotated units every stage shares: tokens (syntactic words) and sentences.
//!
//! Offsets are **byte** offsets into the analysed text, so that slicing is free
//! inside the pipeline; conversion to Unicode code points happens once, when a
//! document is written out (see `claimgraph::offsets`).

use std::ops::Range;

use crate::labels::{DepRel, Upos, Xpos};

/// One syntactic word, as in Universal Dependencies: "don't" is two tokens,
/// "do" and "n't", each with its own byte range.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Byte offset of the first byte of the word in the analysed text.
    pub start: usize,
    /// Byte offset one past the last byte of the word.
    pub end: usize,
    /// Universal part of speech (filled in by the tagger; `X` before).
    pub upos: Upos,
    /// Penn Treebank tag (filled in by the tagger; `XX` before).
    pub xpos: Xpos,
    /// Dictionary form, lower-cased except for proper nouns.
    pub lemma: String,
    /// Index of the syntactic head within the **document** token list, or
    /// `None` for the root of a sentence (and before parsing).
    pub head: Option<usize>,
    /// Universal dependency relation to the head (`root` for the root).
    pub deprel: DepRel,
    /// Whether white space follows the word in the text.
    pub space_after: bool,
}

impl Token {
    /// A token covering `start..end` with no annotation yet.
    pub fn new(start: usize, end: usize, space_after: bool) -> Self {
        Token {
            start,
            end,
            upos: Upos::X,
            xpos: Xpos::UNKNOWN,
            lemma: String::new(),
            head: None,
            deprel: DepRel::DEP,
            space_after,
        }
    }

    /// The word's surface text, sliced from the text it was found in.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// The byte range of the word.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// A sentence: a byte range of the text and the range of its tokens in the
/// document's token list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset where the sentence starts (its first token).
    pub start: usize,
    /// Byte offset one past its last token.
    pub end: usize,
    /// Indices of its tokens in the document token list.
    pub tokens: Range<usize>,
}

impl Sentence {
    /// The sentence text, sliced from the document text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// A named-entity span found by the recogniser, over document token indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntitySpan {
    /// Indices of the tokens covered (end-exclusive).
    pub tokens: Range<usize>,
    /// The entity type.
    pub label: crate::labels::NerLabel,
}

/// Tokens, sentences and named entities of one text: what the linguistic
/// core hands to the rest of the pipeline.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    /// All tokens, in text order.
    pub tokens: Vec<Token>,
    /// All sentences, in text order; their token ranges tile `tokens`.
    pub sentences: Vec<Sentence>,
    /// Named-entity spans, in text order, non-overlapping.
    pub entities: Vec<EntitySpan>,
}

impl Analysis {
    /// The index of the sentence containing token `t`, by binary search.
    pub fn sentence_of(&self, t: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.tokens.end <= t);
        (i < self.sentences.len() && self.sentences[i].tokens.contains(&t)).then_some(i)
    }

    /// The index of the first token that ends after byte `pos`.
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.end <= pos)
    }

    /// Dependents of token `head`, in text order, within its sentence.
    pub fn children(&self, head: usize) -> impl Iterator<Item = usize> + '_ {
        let range = self.sentence_of(head).map(|s| self.sentences[s].tokens.clone()).unwrap_or(0..0);
        range.filter(move |&i| self.tokens[i].head == Some(head))
    }
}
