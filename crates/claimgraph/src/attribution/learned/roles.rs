//! The role tagger: for one cue, tags the tokens of a window of sentences
//! around it as source (B-S/I-S), content (B-C/I-C) or outside, decoded
//! with Viterbi. Discontinuous content ("“A,” he said, “B.”") is two
//! content runs; content over several sentences is a run that crosses them.
//!
//! A token's features are of two kinds:
//! * **local** ones (its word, tags, quotation state...) conjoined with its
//!   side of the cue, which do not depend on which cue it is, so that at run
//!   time their scores are computed once per token and side and shared by
//!   every cue whose window holds it;
//! * **relative** ones: distance and sentence offset to the cue, the
//!   dependency path between the token and the cue's head (under it through
//!   which relation, above it, or under a common ancestor), the cue's lemma,
//!   adjacency to the cue, the quotation next to the cue, other cues and
//!   commas in between.

use std::ops::Range;

use super::features::Salt;

use super::runs;
use super::view::{View, NONE};
use super::viterbi::Score;
use super::weights::{Weights, MAX_CLASSES};

/// Outside.
pub const O: u8 = 0;
/// First token of a source.
pub const BS: u8 = 1;
/// Later token of a source.
pub const IS: u8 = 2;
/// First token of a content run.
pub const BC: u8 = 3;
/// Later token of a content run.
pub const IC: u8 = 4;
/// Number of tags.
pub const K: usize = 5;

/// Sentences before the cue's sentence in the window.
pub const BEFORE: usize = 1;
/// Sentences after the cue's sentence in the window.
pub const AFTER: usize = 3;

/// This tagger's feature salt.
const H: Salt = Salt { mul: 0xC2B2_AE3D_27D4_EB4F, add: 0x1656_67B1 };

/// The other cues of a document, for the "another cue in between" features.
#[derive(Debug, Clone, Default)]
pub struct CueMap {
    /// Index of the cue covering each token ([`NONE`] outside cues).
    pub at: Vec<u32>,
    /// Number of cue starts before each token position (length n + 1).
    pub starts_before: Vec<u32>,
    /// Number of commas before each token position (length n + 1).
    pub commas_before: Vec<u32>,
}

impl CueMap {
    /// The map of `cues` (token ranges, in text order) over `v`.
    pub fn new(v: &View, cues: &[Range<usize>], comma: u64) -> CueMap {
        let mut at = vec![NONE; v.n];
        let mut is_start = vec![false; v.n];
        for (ci, c) in cues.iter().enumerate() {
            for a in &mut at[c.start.min(v.n)..c.end.min(v.n)] {
                *a = ci as u32;
            }
            if c.start < v.n {
                is_start[c.start] = true;
            }
        }
        let mut starts_before = Vec::with_capacity(v.n + 1);
        let mut commas_before = Vec::with_capacity(v.n + 1);
        let (mut s, mut c) = (0u32, 0u32);
        for (&start, &lw) in is_start.iter().zip(&v.lw) {
            starts_before.push(s);
            commas_before.push(c);
            s += u32::from(start);
            c += u32::from(lw == comma);
        }
        starts_before.push(s);
        commas_before.push(c);
        CueMap { at, starts_before, commas_before }
    }
}

/// What the taggers need to know about one cue.
#[derive(Debug, Clone)]
pub struct CueInfo {
    /// The cue tokens.
    pub cue: Range<usize>,
    /// Its index in the [`CueMap`].
    pub index: u32,
    /// Its syntactic head: the cue token whose head lies outside the cue.
    pub head: usize,
    /// The head's ancestors (the head first), each with the relation of the
    /// path's node below it (the head's own relation for the head).
    pub ancestors: Vec<(usize, u8)>,
    /// Sentence and paragraph of the cue.
    pub sent: u32,
    /// Paragraph of the cue.
    pub para: u32,
    /// The quotation right after the cue, else the one right before it.
    pub quote: u32,
    /// The quotation closing right before the cue (or its source).
    pub quote_before: u32,
    /// The quotation opening right after the cue.
    pub quote_after: u32,
    /// The window of tokens to tag.
    pub window: Range<usize>,
}

impl CueInfo {
    /// Describes the cue `cue` (index `index` among the document's cues).
    pub fn new(v: &View, cue: Range<usize>, index: u32) -> CueInfo {
        let head = cue.clone().find(|&k| v.head(k).is_none_or(|h| !cue.contains(&h))).unwrap_or(cue.start);
        let mut ancestors = vec![(head, v.dep[head])];
        let mut cur = head;
        for _ in 0..40 {
            let Some(h) = v.head(cur) else { break };
            ancestors.push((h, v.dep[cur]));
            cur = h;
        }
        let sent = v.sent[cue.start];
        let para = v.para[cue.start];
        // The quotation closing just before the cue (past its source: "“A,”
        // Senator Jane Roe said") and the one opening just after it
        // ("said: “B", "said. “B").
        let para_start = (0..cue.start).rev().take_while(|&k| v.para[k] == para).last().unwrap_or(cue.start);
        let quote_before = (cue.start.saturating_sub(10).max(para_start)..cue.start)
            .rev()
            .find(|&k| v.quote[k] == super::view::q::CLOSE)
            .map(|k| v.qid[k])
            .unwrap_or(NONE);
        let quote_after = (cue.end..(cue.end + 6).min(v.n))
            .take_while(|&k| v.para[k] == para)
            .find(|&k| v.quote[k] == super::view::q::OPEN)
            .map(|k| v.qid[k])
            .unwrap_or(NONE);
        let quote = if quote_after != NONE { quote_after } else { quote_before };
        let si = sent as usize;
        let first = si.saturating_sub(BEFORE);
        let last = (si + AFTER).min(v.sentences.len().saturating_sub(1));
        let mut window = v.sentences.get(first).map(|s| s.start).unwrap_or(cue.start)
            ..v.sentences.get(last).map(|s| s.end).unwrap_or(cue.end);
        // A quotation next to the cue is content however far it runs.
        for q in [quote_before, quote_after] {
            if q != NONE {
                let q = &v.quotes[q as usize];
                window.start = window.start.min(q.start);
                window.end = window.end.max(q.end);
            }
        }
        CueInfo { cue, index, head, ancestors, sent, para, quote, quote_before, quote_after, window }
    }
}

/// The local features of token `t` on side `d` (0 left of the cue, 1 right).
pub fn local_features(v: &View, t: usize, d: u64, out: &mut Vec<u64>) {
    let ti = t as isize;
    let up = u64::from(v.upos[t]);
    let s = v.sentence(t);
    out.push(H.f(40, d));
    out.push(H.f2(41, d, v.lw[t]));
    out.push(H.f2(42, d, v.lem[t]));
    out.push(H.f2(43, d, up));
    out.push(H.f3(44, d, u64::from(v.upos_at(ti - 1)), up));
    out.push(H.f3(45, d, up, u64::from(v.upos_at(ti + 1))));
    out.push(H.f2(46, d, v.lw_at(ti - 1)));
    out.push(H.f2(47, d, v.lw_at(ti + 1)));
    out.push(H.f3(48, d, v.lw_at(ti - 1), up));
    out.push(H.f2(49, d, u64::from(v.quote[t])));
    out.push(H.f3(50, d, u64::from(v.quote[t]), u64::from(v.shape[t])));
    out.push(H.f2(51, d, u64::from(v.ner[t])));
    let hup = v.head(t).map(|h| u64::from(v.upos[h])).unwrap_or(99);
    out.push(H.f3(52, d, u64::from(v.dep[t]), hup));
    out.push(H.f3(53, d, u64::from(t == s.start), u64::from(t + 1 == s.end)));
    let prev_q = if t > 0 { v.quote[t - 1] } else { 9 };
    out.push(H.f3(54, d, u64::from(prev_q), u64::from(v.quote[t])));
    out.push(H.f3(55, d, u64::from(v.class[t]), up));
    let cc = |k: isize| if k < 0 || k as usize >= v.n { 0xFFFF } else { u64::from(v.cc[k as usize]) };
    out.push(H.f2(56, d, u64::from(v.cf[t])));
    out.push(H.f3(57, d, cc(ti - 1), cc(ti)));
    out.push(H.f3(58, d, cc(ti), cc(ti + 1)));
}

fn dist_bucket(x: usize) -> u64 {
    match x {
        0..=4 => x as u64,
        5..=7 => 5,
        8..=12 => 6,
        13..=20 => 7,
        21..=40 => 8,
        _ => 9,
    }
}

/// How token `t` relates to the cue's head in the dependency tree:
/// (kind, relation on the cue side, relation on the token side, depth).
/// Kinds: 0 unrelated, 1 under the head, 2 above it, 3 under a common
/// ancestor.
fn path(v: &View, c: &CueInfo, t: usize) -> (u64, u64, u64, u64) {
    let mut prev = t;
    let mut cur = t;
    let mut depth = 0u64;
    for _ in 0..40 {
        if let Some(pos) = c.ancestors.iter().position(|a| a.0 == cur) {
            let t_side = if cur == t { 255 } else { u64::from(v.dep[prev]) };
            return match pos {
                0 => (1, 0, t_side, depth.min(6)),
                _ if cur == t => (2, u64::from(c.ancestors[pos].1), 255, pos.min(6) as u64),
                _ => (3, u64::from(c.ancestors[pos].1), t_side, (pos as u64).min(4) * 8 + depth.min(6)),
            };
        }
        match v.head(cur) {
            Some(h) => {
                prev = cur;
                cur = h;
                depth += 1;
            }
            None => break,
        }
    }
    (0, 0, 0, 0)
}

/// The relative features of token `t` for cue `c`.
pub fn relative_features(v: &View, cues: &CueMap, c: &CueInfo, t: usize, out: &mut Vec<u64>) {
    let d = u64::from(t >= c.cue.end);
    let dist = if t < c.cue.start { c.cue.start - t } else { t + 1 - c.cue.end };
    let db = dist_bucket(dist);
    let sd = (i64::from(v.sent[t]) - i64::from(c.sent)).clamp(-2, 4) as u64;
    let lem_h = v.lem[c.head];
    let class_h = u64::from(v.class[c.head]);
    out.push(H.f2(60, d, sd));
    out.push(H.f2(61, d, db));
    out.push(H.f3(62, d, sd, db));
    let (kind, dep1, dep2, depth) = path(v, c, t);
    out.push(H.f4(63, d, kind, dep1, dep2));
    out.push(H.f4(64, kind, dep1, dep2, lem_h));
    out.push(H.f4(65, kind, dep1, dep2, u64::from(v.upos[t])));
    out.push(H.f4(66, d, kind, dep1, depth));
    out.push(H.f4(67, kind, dep1, class_h, d));
    out.push(H.f3(68, kind, dep1, v.lw[t]));
    out.push(H.f3(69, d, sd, u64::from(v.quote[t])));
    cue_neighbour_features(v, c, t, lem_h, out);
    out.push(H.f2(76, d, lem_h));
    out.push(H.f3(77, d, sd, lem_h));
    out.push(H.f3(78, d, db, lem_h));
    out.push(H.f2(79, d, v.lw[c.cue.start]));
    let in_cue_quote = c.quote != NONE && v.qid[t] == c.quote;
    out.push(H.f3(80, d, sd, u64::from(in_cue_quote)));
    let cue_quoted = v.quote[c.cue.start] != 0;
    out.push(H.f3(81, d, u64::from(v.quote[t]), u64::from(cue_quoted)));
    // Other cues and commas between the token and the cue.
    let (lo, hi) = if t < c.cue.start { (t + 1, c.cue.start) } else { (c.cue.end, t) };
    let (lo, hi) = (lo.min(hi), hi);
    let between = cues.starts_before[hi] - cues.starts_before[lo];
    let other = cues.at[t] != NONE && cues.at[t] != c.index;
    out.push(H.f3(82, d, u64::from(between.min(2)), sd));
    out.push(H.f2(83, d, u64::from(other)));
    let commas = cues.commas_before[hi] - cues.commas_before[lo];
    out.push(H.f3(84, d, u64::from(commas.min(3)), sd));
    out.push(H.f2(85, d, u64::from(v.para[t] == c.para)));
    let s = v.sentence(t);
    if t == s.start {
        out.push(H.f4(86, sd, u64::from(v.quote[t]), u64::from(in_cue_quote), class_h));
    }
    out.push(H.f4(87, d, sd, class_h, u64::from(v.upos[t])));
    out.push(H.f4(88, d, sd, u64::from(v.qid[t] != NONE), u64::from(between.min(2))));
    out.push(H.f3(89, d, sd, u64::from(v.cf[c.head])));
    let qb = c.quote_before != NONE && v.qid[t] == c.quote_before;
    let qa = c.quote_after != NONE && v.qid[t] == c.quote_after;
    out.push(H.f4(91, d, sd, u64::from(qb), u64::from(qa)));
    out.push(H.f4(
        92,
        u64::from(qb),
        u64::from(qa),
        u64::from(c.quote_before != NONE),
        u64::from(c.quote_after != NONE),
    ));
    out.push(H.f4(90, kind, dep1, dep2, u64::from(v.cf[c.head])));
}

/// Decoded roles of one cue: source spans and content runs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Roles {
    /// Source spans.
    pub sources: Vec<Range<usize>>,
    /// Content runs.
    pub contents: Vec<Range<usize>>,
}

/// Splits a role tag sequence starting at `offset` into spans.
pub fn roles_of(tags: &[u8], offset: usize) -> Roles {
    let mut r = Roles::default();
    let mut open: Option<(u8, usize)> = None;
    let close = |open: &mut Option<(u8, usize)>, r: &mut Roles, k: usize| {
        if let Some((role, s)) = open.take() {
            let span = offset + s..offset + k;
            if role == BS {
                r.sources.push(span);
            } else {
                r.contents.push(span);
            }
        }
    };
    for (k, &t) in tags.iter().enumerate() {
        if t != IS && t != IC {
            close(&mut open, &mut r, k);
        }
        if t == BS || t == BC {
            open = Some((t, k));
        }
    }
    close(&mut open, &mut r, tags.len());
    r
}

/// Per-document run-time state of the role tagger: the cached local scores
/// of each token on each side.
#[derive(Debug, Default)]
pub struct Cache {
    local: Vec<[[f32; K]; 2]>,
    done: Vec<u8>,
    em: Vec<[f32; K]>,
    mask: Vec<u8>,
    back: Vec<[u8; runs::NS]>,
    tags: Vec<u8>,
    feats: Vec<u64>,
    memo: Memo,
}

impl Cache {
    /// A cache for a document of `n` tokens.
    pub fn new(n: usize) -> Cache {
        Cache { local: vec![[[0.0; K]; 2]; n], done: vec![0; n], ..Default::default() }
    }
}

/// Tags the roles of cue `c` with frozen (or current) weights `w`.
pub fn tag(w: &impl Score, v: &View, cues: &CueMap, c: &CueInfo, cache: &mut Cache) -> Roles {
    tag_with(w, v, c, cache, |t, feats, _, e| {
        feats.clear();
        relative_features(v, cues, c, t, feats);
        w.add(feats, e);
    })
}

/// [`tag`] for frozen weights, the run-time path, with the same result.
///
/// Most relative features take few values within one cue's window (the
/// side, the sentence offset, the distance bucket, the quotation flags,
/// the dependency path's relations), so they are scored in groups, each
/// group's integer sum memoised per cue under the values it reads: a
/// token then costs a few memo lookups instead of some thirty hashes and
/// table probes. Frozen weights sum in integer steps, so the emission
/// scores are exactly those of [`tag`].
pub fn tag_frozen(w: &Weights, v: &View, cues: &CueMap, c: &CueInfo, cache: &mut Cache) -> Roles {
    cache.memo.next_cue();
    tag_with(w, v, c, cache, |t, feats, memo, e| {
        let r = Rel::new(v, cues, c, t);
        let mut acc = [0i32; MAX_CLASSES];
        for g in [Group::Distance, Group::Quotes, Group::Path] {
            let a = memo.get(r.key(g), || {
                feats.clear();
                r.group(v, c, g, feats);
                let mut a = [0i32; MAX_CLASSES];
                w.accumulate(feats, &mut a);
                a
            });
            for (x, y) in acc.iter_mut().zip(a) {
                *x += y;
            }
        }
        feats.clear();
        r.rest(v, c, t, feats);
        w.accumulate(feats, &mut acc);
        w.apply(&acc, e);
    })
}

/// The window loop shared by [`tag`] and [`tag_frozen`]: local scores
/// (cached per token and side), plus `rel(t, buffer, memo, scores)` adding
/// the relative ones, then the decoding.
fn tag_with(
    w: &impl Score,
    v: &View,
    c: &CueInfo,
    cache: &mut Cache,
    mut rel: impl FnMut(usize, &mut Vec<u64>, &mut Memo, &mut [f32; K]),
) -> Roles {
    let trans = runs::transitions(w);
    cache.em.clear();
    cache.mask.clear();
    for t in c.window.clone() {
        if c.cue.contains(&t) {
            cache.em.push([0.0; K]);
            cache.mask.push(1 << O);
            continue;
        }
        let d = usize::from(t >= c.cue.end);
        if cache.done[t] & (1 << d) == 0 {
            cache.feats.clear();
            local_features(v, t, d as u64, &mut cache.feats);
            let mut e = [0f32; K];
            w.add(&cache.feats, &mut e);
            cache.local[t][d] = e;
            cache.done[t] |= 1 << d;
        }
        let mut e = cache.local[t][d];
        rel(t, &mut cache.feats, &mut cache.memo, &mut e);
        cache.em.push(e);
        cache.mask.push(0xff);
    }
    runs::decode(&cache.em, &cache.mask, &trans, &mut cache.back, &mut cache.tags);
    roles_of(&cache.tags, c.window.start)
}

/// The groups of relative features [`tag_frozen`] memoises; see
/// [`Rel::group`] for their members.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    /// Side, sentence offset and distance with the cue's own words.
    Distance = 1,
    /// Quotation, cue-between, comma and paragraph flags.
    Quotes = 2,
    /// The dependency path to the cue's head.
    Path = 3,
}

/// The values the relative features of one token read, computed once
/// (exactly as [`relative_features`] computes them).
#[derive(Debug, Clone, Copy)]
struct Rel {
    d: u64,
    sd: u64,
    db: u64,
    kind: u64,
    dep1: u64,
    dep2: u64,
    depth: u64,
    in_cue_quote: bool,
    between: u32,
    commas: u32,
    other: bool,
    qb: bool,
    qa: bool,
    quote: u8,
    upos: u8,
    same_para: bool,
    quoted: bool,
}

impl Rel {
    fn new(v: &View, cues: &CueMap, c: &CueInfo, t: usize) -> Rel {
        let d = u64::from(t >= c.cue.end);
        let dist = if t < c.cue.start { c.cue.start - t } else { t + 1 - c.cue.end };
        let sd = (i64::from(v.sent[t]) - i64::from(c.sent)).clamp(-2, 4) as u64;
        let (kind, dep1, dep2, depth) = path(v, c, t);
        let (lo, hi) = if t < c.cue.start { (t + 1, c.cue.start) } else { (c.cue.end, t) };
        let (lo, hi) = (lo.min(hi), hi);
        Rel {
            d,
            sd,
            db: dist_bucket(dist),
            kind,
            dep1,
            dep2,
            depth,
            in_cue_quote: c.quote != NONE && v.qid[t] == c.quote,
            between: cues.starts_before[hi] - cues.starts_before[lo],
            commas: cues.commas_before[hi] - cues.commas_before[lo],
            other: cues.at[t] != NONE && cues.at[t] != c.index,
            qb: c.quote_before != NONE && v.qid[t] == c.quote_before,
            qa: c.quote_after != NONE && v.qid[t] == c.quote_after,
            quote: v.quote[t],
            upos: v.upos[t],
            same_para: v.para[t] == c.para,
            quoted: v.qid[t] != NONE,
        }
    }

    /// The memo key of group `g`: every value the group's features read
    /// that varies within one cue's window (the cue's own words are fixed
    /// for the memo's lifetime), packed with the group's number.
    fn key(&self, g: Group) -> u64 {
        // The sentence offset is -2..=4 stored as u64: its low three bits
        // (two's complement) tell the seven values apart.
        let sd = self.sd & 7;
        let body = match g {
            Group::Distance => self.d | sd << 1 | self.db << 4,
            Group::Quotes => {
                self.d
                    | sd << 1
                    | u64::from(self.quote) << 4
                    | u64::from(self.in_cue_quote) << 12
                    | u64::from(self.between.min(2)) << 13
                    | u64::from(self.commas.min(3)) << 15
                    | u64::from(self.same_para) << 17
                    | u64::from(self.quoted) << 18
                    | u64::from(self.qb) << 19
                    | u64::from(self.qa) << 20
                    | u64::from(self.other) << 21
            }
            Group::Path => {
                self.d
                    | sd << 1
                    | self.kind << 4
                    | self.dep1 << 8
                    | self.dep2 << 16
                    | self.depth << 24
                    | u64::from(self.upos) << 32
            }
        };
        body | (g as u64) << 60
    }

    /// The features of group `g`, as [`relative_features`] makes them.
    fn group(&self, v: &View, c: &CueInfo, g: Group, out: &mut Vec<u64>) {
        let Rel { d, sd, db, kind, dep1, dep2, depth, .. } = *self;
        let lem_h = v.lem[c.head];
        let class_h = u64::from(v.class[c.head]);
        match g {
            Group::Distance => {
                out.push(H.f2(60, d, sd));
                out.push(H.f2(61, d, db));
                out.push(H.f3(62, d, sd, db));
                out.push(H.f2(76, d, lem_h));
                out.push(H.f3(77, d, sd, lem_h));
                out.push(H.f3(78, d, db, lem_h));
                out.push(H.f2(79, d, v.lw[c.cue.start]));
                out.push(H.f3(89, d, sd, u64::from(v.cf[c.head])));
            }
            Group::Quotes => {
                let (qb, qa) = (u64::from(self.qb), u64::from(self.qa));
                let between = u64::from(self.between.min(2));
                out.push(H.f3(69, d, sd, u64::from(self.quote)));
                out.push(H.f3(80, d, sd, u64::from(self.in_cue_quote)));
                let cue_quoted = v.quote[c.cue.start] != 0;
                out.push(H.f3(81, d, u64::from(self.quote), u64::from(cue_quoted)));
                out.push(H.f3(82, d, between, sd));
                out.push(H.f2(83, d, u64::from(self.other)));
                out.push(H.f3(84, d, u64::from(self.commas.min(3)), sd));
                out.push(H.f2(85, d, u64::from(self.same_para)));
                out.push(H.f4(88, d, sd, u64::from(self.quoted), between));
                out.push(H.f4(91, d, sd, qb, qa));
                out.push(H.f4(92, qb, qa, u64::from(c.quote_before != NONE), u64::from(c.quote_after != NONE)));
            }
            Group::Path => {
                let up = u64::from(self.upos);
                out.push(H.f4(63, d, kind, dep1, dep2));
                out.push(H.f4(64, kind, dep1, dep2, lem_h));
                out.push(H.f4(65, kind, dep1, dep2, up));
                out.push(H.f4(66, d, kind, dep1, depth));
                out.push(H.f4(67, kind, dep1, class_h, d));
                out.push(H.f4(87, d, sd, class_h, up));
                out.push(H.f4(90, kind, dep1, dep2, u64::from(v.cf[c.head])));
            }
        }
    }

    /// The relative features of token `t` in no group: its word on the
    /// path, the words next to the cue, and the sentence start.
    fn rest(&self, v: &View, c: &CueInfo, t: usize, out: &mut Vec<u64>) {
        let lem_h = v.lem[c.head];
        out.push(H.f3(68, self.kind, self.dep1, v.lw[t]));
        cue_neighbour_features(v, c, t, lem_h, out);
        if t == v.sentence(t).start {
            let class_h = u64::from(v.class[c.head]);
            out.push(H.f4(86, self.sd, u64::from(self.quote), u64::from(self.in_cue_quote), class_h));
        }
    }
}

/// Memoised group sums of [`tag_frozen`]: a direct-mapped table whose
/// entries are valid for one cue (a stamp per cue saves clearing it).
#[derive(Debug, Default)]
struct Memo {
    slots: Vec<MemoSlot>,
    stamp: u32,
}

#[derive(Debug, Clone, Copy, Default)]
struct MemoSlot {
    key: u64,
    stamp: u32,
    acc: [i32; MAX_CLASSES],
}

/// Slots of the memo (a power of two): enough for the distinct groups of
/// one window, small enough to stay in the first-level cache.
const MEMO_SLOTS: usize = 512;

impl Memo {
    /// Invalidates every entry (a new cue).
    fn next_cue(&mut self) {
        if self.slots.is_empty() {
            self.slots = vec![MemoSlot::default(); MEMO_SLOTS];
        }
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            self.slots.iter_mut().for_each(|s| s.stamp = 0);
            self.stamp = 1;
        }
    }

    /// The sum stored under `key`, else `make()` stored.
    #[inline]
    fn get(&mut self, key: u64, make: impl FnOnce() -> [i32; MAX_CLASSES]) -> [i32; MAX_CLASSES] {
        let i = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 55) as usize & (MEMO_SLOTS - 1);
        let s = &mut self.slots[i];
        if s.stamp == self.stamp && s.key == key {
            return s.acc;
        }
        let acc = make();
        *s = MemoSlot { key, stamp: self.stamp, acc };
        acc
    }
}

/// All features (local and relative) of token `t` for cue `c`, for training.
pub fn all_features(v: &View, cues: &CueMap, c: &CueInfo, t: usize, out: &mut Vec<u64>) {
    local_features(v, t, u64::from(t >= c.cue.end), out);
    relative_features(v, cues, c, t, out);
}

/// Features 70–75: the words right after and right before the cue, with
/// the cue's lemma. Shared by the plain feature list (training) and the
/// grouped one (tagging), which must stay equal.
fn cue_neighbour_features(v: &View, c: &CueInfo, t: usize, lem_h: u64, out: &mut Vec<u64>) {
    if t == c.cue.end {
        out.push(H.f(70, v.lw[t]));
        out.push(H.f2(71, v.lw[t], lem_h));
    } else if t == c.cue.end + 1 {
        out.push(H.f2(72, v.lw[t - 1], v.lw[t]));
    }
    if t + 1 == c.cue.start {
        out.push(H.f(73, v.lw[t]));
        out.push(H.f2(74, v.lw[t], lem_h));
    } else if t + 2 == c.cue.start {
        out.push(H.f2(75, v.lw[t], v.lw[t + 1]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::learned::model::Model;
    use crate::eval::predict::analyse_text;
    use crate::Pipeline;

    /// A made-up article (written for this test) with quotations, several
    /// cues per paragraph and sentences far from their cue.
    const TEXT: &str = "Mayor Ines Calder said on Monday that the ferry would resume in May. \
\"We have the money,\" she told reporters, \"and the crews are ready.\"\n\
The harbour board, which manages the docks, denied that repairs were late. \
Its chairman, Piet Varga, argued the delay was caused by the storm. \
According to the board, two piers were damaged.\n\
\"Nobody was hurt,\" Varga added. Critics claimed the city had ignored warnings for years, \
and residents said they wanted answers. The ministry declined to comment.";

    /// The grouped features of [`tag_frozen`] are exactly those of
    /// [`relative_features`], and both taggers decode the same roles, for
    /// the model's cues and for every verb taken as a cue.
    #[test]
    fn grouped_scoring_matches_the_plain_features() {
        let pipeline = Pipeline::new().expect("the shipped linguistic models load");
        let model = Model::from_bytes(super::super::model::DEFAULT_MODEL).expect("the shipped model reads");
        let doc = analyse_text(&pipeline, "test", TEXT);
        let quotes = crate::attribution::quotes::find_quotes(&doc.text, &doc.analysis.tokens);
        let v = View::new(&doc, &quotes, &model.classes);
        let mut cues = model.cues(&v);
        assert!(cues.len() >= 4, "{cues:?}");
        let verb = claimgraph_nlp::Upos::parse("VERB").map(|u| u.index() as u8);
        cues.extend((0..v.n).filter(|&t| Some(v.upos[t]) == verb).map(|t| t..t + 1));
        cues.sort_by_key(|c| (c.start, c.end));
        cues.dedup();
        let map = CueMap::new(&v, &cues, super::super::model::comma_hash());
        let (mut plain, mut grouped) = (Vec::new(), Vec::new());
        let (mut a, mut b) = (Cache::new(v.n), Cache::new(v.n));
        let mut checked = 0;
        for (i, cue) in cues.iter().enumerate() {
            let c = CueInfo::new(&v, cue.clone(), i as u32);
            for t in c.window.clone().filter(|t| !cue.contains(t)) {
                plain.clear();
                relative_features(&v, &map, &c, t, &mut plain);
                grouped.clear();
                let r = Rel::new(&v, &map, &c, t);
                for g in [Group::Distance, Group::Quotes, Group::Path] {
                    r.group(&v, &c, g, &mut grouped);
                }
                r.rest(&v, &c, t, &mut grouped);
                plain.sort_unstable();
                grouped.sort_unstable();
                assert_eq!(plain, grouped, "cue {cue:?}, token {t}");
                checked += 1;
            }
            assert_eq!(tag(&model.roles, &v, &map, &c, &mut a), tag_frozen(&model.roles, &v, &map, &c, &mut b));
        }
        assert!(checked > 500, "{checked}");
    }
}
