//! The cue tagger: B/I/O over the tokens of each sentence, decoded with
//! Viterbi, so that multi-word cues ("has said", "according to", "told
//! reporters") come out whole.
//!
//! Features of a token: its word, lemma, tags, relation and head, its
//! neighbours, the relations of its dependents (a reporting verb with a
//! clausal complement), the attribution class of its lemma and of its
//! head's lemma (an auxiliary of a reporting verb), and its quotation state.

use std::ops::Range;

use super::features::Salt;

use super::view::View;
use super::viterbi::{decode, transitions, Score};

/// Tags: outside, begin, inside.
pub const O: u8 = 0;
/// First token of a cue.
pub const B: u8 = 1;
/// Later token of a cue.
pub const I: u8 = 2;
/// Number of tags.
pub const K: usize = 3;

/// `I` only continues a cue.
pub fn allowed(prev: Option<usize>, cur: usize) -> bool {
    cur != I as usize || matches!(prev, Some(p) if p != O as usize)
}

/// This tagger's feature salt.
const H: Salt = Salt { mul: 0x9E37_79B9_7F4A_7C15, add: 0x5bd1_e995 };

/// Relations whose presence among a token's dependents is a feature.
const KID_RELS: &[&str] = &[
    "nsubj",
    "nsubj:pass",
    "obj",
    "iobj",
    "ccomp",
    "xcomp",
    "parataxis",
    "advcl",
    "mark",
    "aux",
    "obl",
    "csubj",
    "conj",
    "punct",
    "case",
    "nmod",
    "acl",
    "acl:relcl",
];

/// The dependency-relation indices of [`KID_RELS`].
pub fn kid_rels() -> &'static [u8] {
    use std::sync::LazyLock;
    static RELS: LazyLock<Vec<u8>> = LazyLock::new(|| {
        KID_RELS.iter().filter_map(|r| claimgraph_nlp::DepRel::parse(r)).map(|d| d.index() as u8).collect()
    });
    &RELS
}

/// Pushes the features of token `i` into `out`.
pub fn features(v: &View, i: usize, out: &mut Vec<u64>) {
    let ii = i as isize;
    let s = v.sentence(i);
    let (lw, lem, up) = (v.lw[i], v.lem[i], u64::from(v.upos[i]));
    let h = v.head(i);
    let (hlem, hup, hclass) = match h {
        Some(h) => (v.lem[h], u64::from(v.upos[h]), u64::from(v.class[h])),
        None => (0xD00D, 99, 99),
    };
    let dep = u64::from(v.dep[i]);
    let class = u64::from(v.class[i]);
    let q = u64::from(v.quote[i]);
    out.push(H.f(1, 0));
    out.push(H.f(2, lw));
    out.push(H.f(3, lem));
    out.push(H.f(4, up));
    out.push(H.f(5, u64::from(v.xpos[i])));
    out.push(H.f2(6, lem, up));
    out.push(H.f(7, dep));
    out.push(H.f2(8, dep, hup));
    out.push(H.f2(9, hlem, dep));
    out.push(H.f(10, v.lw_at(ii - 1)));
    out.push(H.f(11, v.lw_at(ii + 1)));
    out.push(H.f(12, v.lw_at(ii - 2)));
    out.push(H.f(13, v.lw_at(ii + 2)));
    out.push(H.f2(14, v.lw_at(ii - 1), lw));
    out.push(H.f2(15, lw, v.lw_at(ii + 1)));
    out.push(H.f2(16, u64::from(v.upos_at(ii - 1)), up));
    out.push(H.f2(17, up, u64::from(v.upos_at(ii + 1))));
    out.push(H.f3(18, u64::from(v.upos_at(ii - 1)), up, u64::from(v.upos_at(ii + 1))));
    out.push(H.f(19, class));
    out.push(H.f2(20, class, up));
    out.push(H.f3(21, hclass, dep, up));
    out.push(H.f(22, q));
    out.push(H.f2(23, q, lem));
    let kids = v.kids[i];
    for &r in kid_rels() {
        if kids & (1u64 << (r & 63)) != 0 {
            out.push(H.f(24, u64::from(r)));
            out.push(H.f2(25, u64::from(r), class));
            out.push(H.f2(26, u64::from(r), lem));
        }
    }
    out.push(H.f(27, v.suf[i]));
    out.push(H.f(28, u64::from(v.shape[i])));
    let first = i == s.start;
    let last = i + 1 >= s.end;
    out.push(H.f2(29, u64::from(first), u64::from(last)));
    let next_q = if i + 1 < v.n { v.quote[i + 1] } else { 9 };
    let prev_q = if i > 0 { v.quote[i - 1] } else { 9 };
    out.push(H.f3(30, lw, u64::from(next_q), u64::from(prev_q)));
    out.push(H.f2(31, lw, u64::from(v.upos_at(ii + 1))));
    out.push(H.f(32, u64::from(v.ner[i])));
    let next_lem = if i + 1 < v.n { v.lem[i + 1] } else { 0xE0D };
    let prev_lem = if i > 0 { v.lem[i - 1] } else { 0xE0D };
    out.push(H.f2(33, lem, next_lem));
    out.push(H.f2(34, prev_lem, lem));
    out.push(H.f2(35, hlem, lem));
    // The head's head: "has" → "said" → root; "to" → "according".
    if let Some(hh) = h.and_then(|h| v.head(h)) {
        out.push(H.f2(36, u64::from(v.class[hh]), dep));
    }
    // A quotation in the sentence, and where.
    let (mut q_before, mut q_after) = (false, false);
    if v.sent_quoted[v.sent[i] as usize] {
        q_before = v.qid[i] != super::view::NONE || s.clone().take_while(|&k| k < i).any(|k| v.quote[k] != 0);
        q_after = v.qid[i] != super::view::NONE || (i + 1..s.end).any(|k| v.quote[k] != 0);
    }
    out.push(H.f3(37, u64::from(q_before), u64::from(q_after), class));
    out.push(H.f3(38, u64::from(q_before), u64::from(q_after), lw));
    // The verb's frame: who its subject is, what its object, clausal
    // complement, marker and case words are.
    for &k in v.kids_of(i) {
        let k = k as usize;
        let kd = v.dep[k];
        let kdep = u64::from(kd);
        if v.punct[k] {
            continue;
        }
        let base = claimgraph_nlp::DepRel::from_index(kd as usize).map(|d| d.base()).unwrap_or("dep");
        match base {
            "nsubj" | "csubj" => {
                out.push(H.f3(48, lem, kdep, u64::from(v.ner[k]) * 32 + u64::from(v.upos[k])));
                out.push(H.f3(49, class, kdep, u64::from(v.ner[k]) * 32 + u64::from(v.upos[k])));
            }
            "obj" | "xcomp" | "ccomp" | "obl" | "iobj" => {
                out.push(H.f3(50, lem, kdep, v.lem[k]));
                out.push(H.f3(51, class, kdep, u64::from(v.class[k])));
                out.push(H.f3(52, lem, kdep, u64::from(v.cf[k])));
            }
            "mark" | "case" | "aux" | "advmod" | "compound" => {
                out.push(H.f3(53, lem, kdep, v.lw[k]));
                out.push(H.f3(54, class, kdep, v.lw[k]));
            }
            _ => {}
        }
    }
    // Two levels up: "about" → "X" → "worried".
    if let Some(hh) = h.and_then(|h| v.head(h)) {
        out.push(H.f3(55, lw, v.lem[hh], dep));
        out.push(H.f3(56, lw, u64::from(v.class[hh]), dep));
    }
    // Word classes generalise to verbs and nouns rare in the training data.
    let cf = |k: isize| if k < 0 || k as usize >= v.n { 0xFFFF } else { u64::from(v.cf[k as usize]) };
    let cc = |k: isize| if k < 0 || k as usize >= v.n { 0xFFFF } else { u64::from(v.cc[k as usize]) };
    out.push(H.f(43, cf(ii)));
    out.push(H.f2(44, cf(ii), up));
    out.push(H.f2(45, cc(ii - 1), cc(ii)));
    out.push(H.f2(46, cc(ii), cc(ii + 1)));
    out.push(H.f2(47, h.map(|h| cf(h as isize)).unwrap_or(0xFFFE), dep));
    // Punctuation cues: "NAME: ...", "” ― NAME", headlines "Poll: ...".
    let pos = (i - s.start).min(6) as u64;
    let headline = u64::from(v.para[i] == 0);
    out.push(H.f3(39, lw, pos, headline));
    let pk = u64::from(v.pk[i]);
    if pk != 0 {
        let prev_shape = if i > 0 { u64::from(v.shape[i - 1]) } else { 9 };
        let next_shape = if i + 1 < v.n { u64::from(v.shape[i + 1]) } else { 9 };
        let prev_ner = if i > 0 { u64::from(v.ner[i - 1]) } else { 9 };
        out.push(H.f4(40, pk, u64::from(prev_q), u64::from(next_q), pos));
        out.push(H.f4(41, pk, prev_shape, next_shape, prev_ner));
        out.push(H.f3(42, pk, pos, headline));
    }
}

/// Tags the cues of the sentence `sent`, appending their token ranges to
/// `cues`; `bufs` are reusable buffers.
pub fn tag_sentence(w: &impl Score, v: &View, sent: Range<usize>, bufs: &mut Buffers, cues: &mut Vec<Range<usize>>) {
    let (trans, start) = transitions::<K>(w);
    bufs.em.clear();
    for i in sent.clone() {
        bufs.feats.clear();
        features(v, i, &mut bufs.feats);
        let mut e = [0f32; K];
        w.add(&bufs.feats, &mut e);
        bufs.em.push(e);
    }
    decode::<K>(&bufs.em, &trans, &start, allowed, &[], &mut bufs.back, &mut bufs.tags);
    spans(&bufs.tags, sent.start, cues);
}

/// The spans of a B/I/O tag sequence starting at token `offset`.
pub fn spans(tags: &[u8], offset: usize, out: &mut Vec<Range<usize>>) {
    let mut open: Option<usize> = None;
    for (k, &t) in tags.iter().enumerate() {
        if t != I {
            if let Some(s) = open.take() {
                out.push(offset + s..offset + k);
            }
        }
        if t == B {
            open = Some(k);
        }
    }
    if let Some(s) = open {
        out.push(offset + s..offset + tags.len());
    }
}

/// Reusable decoding buffers.
#[derive(Debug, Default)]
pub struct Buffers {
    /// Emission scores.
    pub em: Vec<[f32; K]>,
    /// Back pointers.
    pub back: Vec<[u8; K]>,
    /// Decoded tags.
    pub tags: Vec<u8>,
    /// Features of one token.
    pub feats: Vec<u64>,
}
