//! A compact, feature-ready view of an analysed document: per token the
//! hashes of its word, lemma and suffix, its tags, head and relation, its
//! quotation state, sentence and paragraph, built once per document so that
//! the taggers only index arrays.

use std::ops::Range;

use claimgraph_nlp::hash;

use super::lexicon::class_of;
use crate::attribution::quotes::Quote;
use crate::document::Document;

/// No head / no quote.
pub const NONE: u32 = u32::MAX;

/// Quotation state of a token.
pub mod q {
    /// Outside quotation marks.
    pub const OUT: u8 = 0;
    /// Inside a quotation.
    pub const IN: u8 = 1;
    /// An opening mark.
    pub const OPEN: u8 = 2;
    /// A closing mark.
    pub const CLOSE: u8 = 3;
}

/// The per-token arrays of one document.
#[derive(Debug, Clone, Default)]
pub struct View {
    /// Number of tokens.
    pub n: usize,
    /// Hash of the lower-cased word.
    pub lw: Vec<u64>,
    /// Hash of the lower-cased lemma.
    pub lem: Vec<u64>,
    /// Hash of the last three characters of the lower-cased word.
    pub suf: Vec<u64>,
    /// Word shape: 0 lower, 1 capitalised, 2 all caps, 3 digits, 4 punctuation, 5 other.
    pub shape: Vec<u8>,
    /// Universal part of speech.
    pub upos: Vec<u8>,
    /// Penn tag.
    pub xpos: Vec<u8>,
    /// Dependency relation to the head.
    pub dep: Vec<u8>,
    /// Head token ([`NONE`] for a root).
    pub head: Vec<u32>,
    /// Bit mask of the relations of the token's dependents.
    pub kids: Vec<u64>,
    /// Sentence index.
    pub sent: Vec<u32>,
    /// Token range of each sentence.
    pub sentences: Vec<Range<usize>>,
    /// Paragraph index (paragraphs are separated by line breaks).
    pub para: Vec<u32>,
    /// Quotation state (see [`q`]).
    pub quote: Vec<u8>,
    /// The quotation holding or delimiting the token ([`NONE`] outside).
    pub qid: Vec<u32>,
    /// Token ranges of the quotations (marks included).
    pub quotes: Vec<Range<usize>>,
    /// Attribution-word class of the lemma (see [`super::lexicon`]).
    pub class: Vec<u8>,
    /// Named-entity label + 1 (0 outside entities).
    pub ner: Vec<u8>,
    /// True for punctuation-only tokens.
    pub punct: Vec<bool>,
    /// Punctuation kind (see [`punct_kind`]); 0 for words.
    pub pk: Vec<u8>,
    /// Per sentence: does it hold a quotation mark or quoted word.
    pub sent_quoted: Vec<bool>,
    /// Fine word class (0: unknown), see [`super::model::Model::classes`].
    pub cf: Vec<u16>,
    /// Coarse word class (0: unknown).
    pub cc: Vec<u16>,
    /// Dependents of each token: `children[child_start[i]..child_start[i + 1]]`.
    pub child_start: Vec<u32>,
    /// Dependents, grouped by head, in text order.
    pub children: Vec<u32>,
}

/// Word classes keyed by the hash of the lower-cased word.
pub type WordClasses = rustc_hash::FxHashMap<u64, (u16, u16)>;

/// The kind of a punctuation token: 1 colon, 2 dash, 3 comma, 4 quote
/// mark, 5 sentence end, 6 bracket, 7 other; 0 for a word.
pub fn punct_kind(w: &str) -> u8 {
    if w.is_empty() || w.chars().any(|c| c.is_alphanumeric()) {
        return 0;
    }
    match w {
        ":" => 1,
        "—" | "–" | "―" | "-" | "--" | "---" => 2,
        "," => 3,
        "\"" | "“" | "”" | "'" | "‘" | "’" | "''" | "``" | "«" | "»" => 4,
        "." | "!" | "?" | "..." | "…" => 5,
        "(" | ")" | "[" | "]" => 6,
        _ => 7,
    }
}

/// Hash of the lower-cased form of `s` (the key of [`WordClasses`]).
pub fn hash_lower(s: &str, buf: &mut String) -> u64 {
    buf.clear();
    if s.is_ascii() {
        buf.extend(s.chars().map(|c| c.to_ascii_lowercase()));
    } else {
        buf.extend(s.chars().flat_map(|c| c.to_lowercase()));
    }
    hash::str(buf)
}

fn shape_of(w: &str) -> u8 {
    let mut chars = w.chars();
    let Some(first) = chars.next() else { return 5 };
    if w.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') && first.is_ascii_digit() {
        3
    } else if w.chars().all(|c| !c.is_alphanumeric()) {
        4
    } else if first.is_uppercase() {
        if w.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase()) && w.len() > 1 {
            2
        } else {
            1
        }
    } else if first.is_lowercase() {
        0
    } else {
        5
    }
}

impl View {
    /// Builds the view of `doc` with its quotations `quotes` and word
    /// classes `classes`.
    pub fn new(doc: &Document, quotes: &[Quote], classes: &WordClasses) -> View {
        let toks = &doc.analysis.tokens;
        let n = toks.len();
        let text = &doc.text;
        let mut v = View {
            n,
            lw: Vec::with_capacity(n),
            lem: Vec::with_capacity(n),
            suf: Vec::with_capacity(n),
            shape: Vec::with_capacity(n),
            upos: Vec::with_capacity(n),
            xpos: Vec::with_capacity(n),
            dep: Vec::with_capacity(n),
            head: Vec::with_capacity(n),
            kids: vec![0; n],
            sent: vec![0; n],
            sentences: Vec::with_capacity(doc.analysis.sentences.len()),
            para: vec![0; n],
            quote: vec![q::OUT; n],
            qid: vec![NONE; n],
            quotes: Vec::with_capacity(quotes.len()),
            class: Vec::with_capacity(n),
            ner: vec![0; n],
            punct: Vec::with_capacity(n),
            pk: Vec::with_capacity(n),
            sent_quoted: Vec::new(),
            cf: Vec::with_capacity(n),
            cc: Vec::with_capacity(n),
            child_start: vec![0; n + 1],
            children: Vec::new(),
        };
        let mut buf = String::new();
        let mut lemma_buf = String::new();
        let mut para = 0u32;
        for (i, t) in toks.iter().enumerate() {
            let w = t.text(text);
            let lw = hash_lower(w, &mut buf);
            v.lw.push(lw);
            let (cf, cc) = classes.get(&lw).copied().unwrap_or((0, 0));
            v.cf.push(cf);
            v.cc.push(cc);
            let suffix_start = buf.char_indices().rev().nth(2).map(|(b, _)| b).unwrap_or(0);
            v.suf.push(hash::str(&buf[suffix_start..]));
            let lemma = if t.lemma.is_empty() { w } else { t.lemma.as_str() };
            v.lem.push(hash_lower(lemma, &mut lemma_buf));
            v.class.push(class_of(&lemma_buf));
            v.shape.push(shape_of(w));
            v.punct.push(!w.is_empty() && w.chars().all(|c| !c.is_alphanumeric()));
            v.pk.push(punct_kind(w));
            v.upos.push(t.upos.index() as u8);
            v.xpos.push(t.xpos.index() as u8);
            v.dep.push(t.deprel.index() as u8);
            let h = t.head.filter(|&h| h < n && h != i);
            v.head.push(h.map(|h| h as u32).unwrap_or(NONE));
            if i > 0 && text.get(toks[i - 1].end..t.start).is_some_and(|g| g.contains('\n')) {
                para += 1;
            }
            v.para[i] = para;
        }
        for i in 0..n {
            if let Some(h) = v.head(i) {
                v.kids[h] |= 1u64 << (v.dep[i] & 63);
                v.child_start[h + 1] += 1;
            }
        }
        for i in 0..n {
            v.child_start[i + 1] += v.child_start[i];
        }
        v.children = vec![0; v.child_start[n] as usize];
        let mut fill: Vec<u32> = v.child_start[..n].to_vec();
        for i in 0..n {
            if let Some(h) = v.head(i) {
                v.children[fill[h] as usize] = i as u32;
                fill[h] += 1;
            }
        }
        for (si, s) in doc.analysis.sentences.iter().enumerate() {
            let r = s.tokens.start.min(n)..s.tokens.end.min(n);
            for k in r.clone() {
                v.sent[k] = si as u32;
            }
            v.sentences.push(r);
        }
        for (qi, qt) in quotes.iter().enumerate() {
            let outer = qt.open..(qt.close + 1).min(n);
            for k in outer.clone() {
                v.qid[k] = qi as u32;
                v.quote[k] = q::IN;
            }
            if qt.open < n {
                v.quote[qt.open] = q::OPEN;
            }
            if qt.closed && qt.close < n {
                v.quote[qt.close] = q::CLOSE;
            }
            v.quotes.push(outer);
        }
        v.sent_quoted = v.sentences.iter().map(|r| r.clone().any(|k| v.quote[k] != q::OUT)).collect();
        for e in &doc.analysis.entities {
            for k in e.tokens.start.min(n)..e.tokens.end.min(n) {
                v.ner[k] = e.label.index() as u8 + 1;
            }
        }
        v
    }

    /// The head of token `i`, if any.
    #[inline]
    pub fn head(&self, i: usize) -> Option<usize> {
        let h = self.head[i];
        (h != NONE).then_some(h as usize)
    }

    /// The dependents of token `i`, in text order.
    #[inline]
    pub fn kids_of(&self, i: usize) -> &[u32] {
        &self.children[self.child_start[i] as usize..self.child_start[i + 1] as usize]
    }

    /// The sentence range holding token `i`.
    #[inline]
    pub fn sentence(&self, i: usize) -> Range<usize> {
        self.sentences.get(self.sent[i] as usize).cloned().unwrap_or(i..i + 1)
    }

    /// The word hash at `i`, or a boundary marker outside the document.
    #[inline]
    pub fn lw_at(&self, i: isize) -> u64 {
        if i < 0 || i as usize >= self.n {
            0xB0B
        } else {
            self.lw[i as usize]
        }
    }

    /// The part of speech at `i`, or a boundary marker (255).
    #[inline]
    pub fn upos_at(&self, i: isize) -> u8 {
        if i < 0 || i as usize >= self.n {
            255
        } else {
            self.upos[i as usize]
        }
    }
}
