//! Training: structured averaged perceptrons for the cue tagger (over
//! sentences) and the role tagger (over gold cues' windows), each for a
//! fixed number of epochs over a seeded shuffle, keeping the epoch that
//! scores best on the development articles. The two taggers train on two
//! threads; every step is deterministic, so one command rebuilds the same
//! file.

use std::ops::Range;

use claimgraph_nlp::hash::Rng;

use super::cue;
use super::gold::{to_tokens, TokenAttribution};
use super::model::{comma_hash, Model};
use super::roles::{self, CueInfo, CueMap};
use super::runs;
use super::view::{View, WordClasses};
use super::viterbi::{decode, transitions, update, Score};
use super::weights::{Trainer, Weights};
use crate::attribution::quotes::find_quotes;
use crate::document::Document;
use crate::eval::spans::Attribution;

/// One analysed article with its gold attributions in tokens.
#[derive(Debug, Clone)]
pub struct Example {
    /// The per-token view the features read.
    pub view: View,
    /// Gold attributions in tokens.
    pub gold: Vec<TokenAttribution>,
    /// The words (for error reports).
    pub words: Vec<String>,
}

impl Example {
    /// Prepares an analysed document and its gold attributions (code points
    /// of `doc.text`), with word classes `classes`.
    pub fn new(doc: &Document, gold: &[Attribution], classes: &WordClasses) -> Example {
        Example::from_tokens(doc, to_tokens(doc, gold), classes)
    }

    /// From a document and gold attributions already in tokens.
    pub fn from_tokens(doc: &Document, gold: Vec<TokenAttribution>, classes: &WordClasses) -> Example {
        // The quotations of `find_quotes` only: the shipped model was trained
        // so. At inference the model also sees quotations marked with two
        // apostrophes (`super::marks`); training on them as well was measured
        // on PolNeAR dev (three seeds) and did no better (BENCHMARKS.md,
        // "Attribution", ninth session).
        let quotes = find_quotes(&doc.text, &doc.analysis.tokens);
        Example { view: View::new(doc, &quotes, classes), gold, words: words(doc) }
    }

    fn gold_cues(&self) -> Vec<Range<usize>> {
        let mut c: Vec<Range<usize>> = self.gold.iter().map(|a| a.cue.clone()).collect();
        c.sort_by_key(|r| (r.start, r.end));
        c
    }

    /// B/I/O cue tags of every token (the first cue wins an overlap).
    fn cue_tags(&self) -> Vec<u8> {
        let mut tags = vec![cue::O; self.view.n];
        for c in self.gold_cues() {
            if c.clone().any(|k| tags[k] != cue::O) {
                continue;
            }
            for k in c.clone() {
                tags[k] = if k == c.start { cue::B } else { cue::I };
            }
        }
        tags
    }
}

fn words(doc: &Document) -> Vec<String> {
    doc.analysis.tokens.iter().map(|t| t.text(&doc.text).to_string()).collect()
}

/// Training options.
#[derive(Debug, Clone)]
pub struct Options {
    /// Passes of the cue tagger.
    pub cue_epochs: usize,
    /// Passes of the role tagger.
    pub role_epochs: usize,
    /// Shuffling seed.
    pub seed: u64,
    /// Number of shuffles (seeds `seed`, `seed + 1`, ...) whose taggers
    /// are trained and averaged into one ([`Weights::mean`]).
    pub shuffles: usize,
    /// Margin the cue tagger's training asks for over a tagging that
    /// leaves out a gold cue token (loss-augmented decoding; 0: none).
    pub miss_cost: f32,
    /// Margin over a tagging that puts a cue where there is none.
    pub false_cost: f32,
}

impl Default for Options {
    fn default() -> Self {
        Options { cue_epochs: 12, role_epochs: 12, seed: 1, shuffles: 1, miss_cost: 0.0, false_cost: 0.0 }
    }
}

/// Exact-match counts.
#[derive(Debug, Clone, Copy, Default)]
pub struct Prf {
    /// Correct predictions.
    pub hit: usize,
    /// Predictions.
    pub pred: usize,
    /// Gold items.
    pub gold: usize,
}

impl Prf {
    /// F1 in percent.
    pub fn f1(&self) -> f64 {
        if self.pred + self.gold == 0 {
            0.0
        } else {
            200.0 * self.hit as f64 / (self.pred + self.gold) as f64
        }
    }
}

/// Cue spans found by `w` in `examples`, scored against the gold cues.
pub fn cue_score(w: &impl Score, examples: &[Example]) -> Prf {
    let mut p = Prf::default();
    let mut bufs = cue::Buffers::default();
    for ex in examples {
        let mut found = Vec::new();
        for s in &ex.view.sentences {
            if !s.is_empty() {
                cue::tag_sentence(w, &ex.view, s.clone(), &mut bufs, &mut found);
            }
        }
        let gold = ex.gold_cues();
        p.pred += found.len();
        p.gold += gold.len();
        p.hit += found.iter().filter(|c| gold.contains(c)).count();
    }
    p
}

/// Role accuracy with gold cues: (sources exact, contents exact) counts.
pub fn role_score(w: &impl Score, examples: &[Example]) -> (Prf, Prf) {
    let (mut s, mut c) = (Prf::default(), Prf::default());
    for ex in examples {
        let cues = ex.gold_cues();
        let map = CueMap::new(&ex.view, &cues, comma_hash());
        let mut cache = roles::Cache::new(ex.view.n);
        for a in &ex.gold {
            let index = cues.iter().position(|c| *c == a.cue).unwrap_or(0) as u32;
            let info = CueInfo::new(&ex.view, a.cue.clone(), index);
            let r = roles::tag(w, &ex.view, &map, &info, &mut cache);
            s.pred += 1;
            s.gold += 1;
            s.hit += usize::from(r.sources == a.sources);
            c.pred += 1;
            c.gold += 1;
            c.hit += usize::from(r.contents == a.contents);
        }
    }
    (s, c)
}

/// Where the role tagger goes wrong with gold cues, by kind of error.
pub fn role_errors(w: &impl Score, examples: &[Example]) -> String {
    use std::collections::BTreeMap;
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for ex in examples {
        let cues = ex.gold_cues();
        let map = CueMap::new(&ex.view, &cues, comma_hash());
        let mut cache = roles::Cache::new(ex.view.n);
        for a in &ex.gold {
            let index = cues.iter().position(|c| *c == a.cue).unwrap_or(0) as u32;
            let info = CueInfo::new(&ex.view, a.cue.clone(), index);
            let r = roles::tag(w, &ex.view, &map, &info, &mut cache);
            let kind = |p: &[Range<usize>], g: &[Range<usize>]| -> &'static str {
                if p == g {
                    "exact"
                } else if p.is_empty() {
                    "none"
                } else if g.is_empty() {
                    "spurious"
                } else if p.len() != g.len() {
                    if p.first().map(|x| x.start) == g.first().map(|x| x.start)
                        && p.last().map(|x| x.end) == g.last().map(|x| x.end)
                    {
                        "fragments (same outer)"
                    } else if p.len() < g.len() {
                        "fewer fragments"
                    } else {
                        "more fragments"
                    }
                } else {
                    let s = p[0].start == g[0].start;
                    let e = p[p.len() - 1].end == g[g.len() - 1].end;
                    match (s, e) {
                        (true, false) => {
                            if p[p.len() - 1].end < g[g.len() - 1].end {
                                "end early"
                            } else {
                                "end late"
                            }
                        }
                        (false, true) => {
                            if p[0].start > g[0].start {
                                "start late"
                            } else {
                                "start early"
                            }
                        }
                        (true, true) => "inner",
                        (false, false) => {
                            if p.iter().any(|x| g.iter().any(|y| x.start < y.end && y.start < x.end)) {
                                "both ends"
                            } else {
                                "elsewhere"
                            }
                        }
                    }
                }
            };
            *kinds.entry(format!("source: {}", kind(&r.sources, &a.sources))).or_default() += 1;
            *kinds.entry(format!("content: {}", kind(&r.contents, &a.contents))).or_default() += 1;
        }
    }
    kinds.iter().map(|(k, n)| format!("{k} {n}")).collect::<Vec<_>>().join("; ")
}

/// Trains both taggers; `classes` are the word classes the examples were
/// built with, stored in the model.
pub fn train(
    train: &[Example],
    dev: &[Example],
    classes: WordClasses,
    opts: &Options,
    log: &(dyn Fn(&str) + Sync),
) -> Model {
    let (mut cues, mut roles) = (Vec::new(), Vec::new());
    for k in 0..opts.shuffles.max(1) {
        let o = Options { seed: opts.seed.wrapping_add(k as u64), ..opts.clone() };
        let (c, r) = std::thread::scope(|s| {
            let c = s.spawn(|| train_cue(train, dev, &o, log));
            let r = train_roles(train, dev, &o, log);
            (c.join().unwrap_or_default(), r)
        });
        cues.push(c);
        roles.push(r);
    }
    let (cue, roles) = if cues.len() == 1 {
        (cues.pop().unwrap_or_default(), roles.pop().unwrap_or_default())
    } else {
        let (c, r) = (Weights::mean(&cues), Weights::mean(&roles));
        if !dev.is_empty() {
            let p = cue_score(&c, dev);
            let (s, t) = role_score(&r, dev);
            log(&format!(
                "mean of {} shuffles: dev cue exact F1 {:.1}; gold cues: sources {:.1}, contents {:.1}",
                cues.len(),
                p.f1(),
                s.f1(),
                t.f1()
            ));
        }
        (c, r)
    };
    let mut note = format!(
        "cue tagger {} features, role tagger {} features; {} training articles; seed {}",
        cue.len(),
        roles.len(),
        train.len(),
        opts.seed
    );
    // Only options away from their defaults are noted, so that the
    // documented command writes the same file as before they existed.
    if opts.shuffles > 1 {
        note.push_str(&format!("; mean of {} shuffles", opts.shuffles));
    }
    if opts.miss_cost != 0.0 || opts.false_cost != 0.0 {
        note.push_str(&format!("; cue margins {} / {}", opts.miss_cost, opts.false_cost));
    }
    Model { cue, roles, classes, note }
}

/// Trains the cue tagger.
pub fn train_cue(train: &[Example], dev: &[Example], opts: &Options, log: &(dyn Fn(&str) + Sync)) -> Weights {
    let mut tr = Trainer::new(cue::K);
    let tags: Vec<Vec<u8>> = train.iter().map(|e| e.cue_tags()).collect();
    let mut order: Vec<(usize, usize)> =
        train.iter().enumerate().flat_map(|(a, e)| (0..e.view.sentences.len()).map(move |s| (a, s))).collect();
    let mut rng = Rng::new(opts.seed);
    let mut best: Option<(f64, Weights)> = None;
    let mut feats: Vec<u64> = Vec::new();
    let mut offs: Vec<usize> = Vec::new();
    let mut em: Vec<[f32; cue::K]> = Vec::new();
    let (mut back, mut pred) = (Vec::new(), Vec::new());
    for epoch in 1..=opts.cue_epochs {
        rng.shuffle(&mut order);
        let mut wrong = 0;
        for &(a, si) in &order {
            let ex = &train[a];
            let sent = ex.view.sentences[si].clone();
            if sent.is_empty() {
                continue;
            }
            feats.clear();
            offs.clear();
            em.clear();
            for i in sent.clone() {
                offs.push(feats.len());
                cue::features(&ex.view, i, &mut feats);
            }
            offs.push(feats.len());
            let gold = &tags[a][sent.clone()];
            for k in 0..sent.len() {
                let mut e = [0f32; cue::K];
                tr.score(&feats[offs[k]..offs[k + 1]], &mut e);
                // Loss-augmented decoding: every wrong tag gets a head start
                // (more for leaving out a gold cue), so that updates go on
                // until the gold tags win by a margin.
                for (t, x) in e.iter_mut().enumerate() {
                    if t as u8 != gold[k] {
                        *x += if gold[k] != cue::O { opts.miss_cost } else { opts.false_cost };
                    }
                }
                em.push(e);
            }
            let (trans, start) = transitions::<{ cue::K }>(&tr);
            decode::<{ cue::K }>(&em, &trans, &start, cue::allowed, &[], &mut back, &mut pred);
            if update(&mut tr, gold, &pred, |k| &feats[offs[k]..offs[k + 1]]) {
                wrong += 1;
            }
            tr.tick();
        }
        let w = tr.freeze();
        let p = if dev.is_empty() { cue_score(&w, train) } else { cue_score(&w, dev) };
        log(&format!(
            "cue epoch {epoch}: {wrong} sentences wrong; dev cue exact P {:.1} R {:.1} F1 {:.1}",
            100.0 * p.hit as f64 / p.pred.max(1) as f64,
            100.0 * p.hit as f64 / p.gold.max(1) as f64,
            p.f1()
        ));
        if best.as_ref().is_none_or(|b| p.f1() > b.0) {
            best = Some((p.f1(), w));
        }
    }
    best.map(|b| b.1).unwrap_or_default()
}

/// Trains the role tagger on gold cues.
pub fn train_roles(train: &[Example], dev: &[Example], opts: &Options, log: &(dyn Fn(&str) + Sync)) -> Weights {
    let mut tr = Trainer::new(roles::K);
    let maps: Vec<(Vec<Range<usize>>, CueMap)> = train
        .iter()
        .map(|e| {
            let cues = e.gold_cues();
            let map = CueMap::new(&e.view, &cues, comma_hash());
            (cues, map)
        })
        .collect();
    let mut order: Vec<(usize, usize)> =
        train.iter().enumerate().flat_map(|(a, e)| (0..e.gold.len()).map(move |g| (a, g))).collect();
    let mut rng = Rng::new(opts.seed.wrapping_add(7));
    let mut best: Option<(f64, Weights)> = None;
    let mut feats: Vec<u64> = Vec::new();
    let mut offs: Vec<usize> = Vec::new();
    let mut em: Vec<[f32; roles::K]> = Vec::new();
    let mut mask: Vec<u8> = Vec::new();
    let mut gold_tags: Vec<u8> = Vec::new();
    let (mut rback, mut pred) = (Vec::new(), Vec::new());
    let mut scratch = (Vec::new(), Vec::new());
    let (mut covered, mut total) = (0usize, 0usize);
    for epoch in 1..=opts.role_epochs {
        rng.shuffle(&mut order);
        let mut wrong = 0;
        for &(a, g) in &order {
            let ex = &train[a];
            let att = &ex.gold[g];
            let (cues, map) = &maps[a];
            let index = cues.iter().position(|c| *c == att.cue).unwrap_or(0) as u32;
            let info = CueInfo::new(&ex.view, att.cue.clone(), index);
            let w = info.window.clone();
            gold_tags.clear();
            gold_tags.resize(w.len(), roles::O);
            let mut mark = |spans: &[Range<usize>], b: u8, i: u8, gold_tags: &mut Vec<u8>| {
                for sp in spans {
                    for k in sp.clone() {
                        if epoch == 1 {
                            total += 1;
                        }
                        if w.contains(&k) && !att.cue.contains(&k) {
                            if epoch == 1 {
                                covered += 1;
                            }
                            gold_tags[k - w.start] = if k == sp.start || !w.contains(&(k - 1)) { b } else { i };
                        }
                    }
                }
            };
            mark(&att.sources, roles::BS, roles::IS, &mut gold_tags);
            mark(&att.contents, roles::BC, roles::IC, &mut gold_tags);
            feats.clear();
            offs.clear();
            em.clear();
            mask.clear();
            for t in w.clone() {
                offs.push(feats.len());
                if att.cue.contains(&t) {
                    mask.push(1 << roles::O);
                } else {
                    mask.push(0xff);
                    roles::all_features(&ex.view, map, &info, t, &mut feats);
                }
            }
            offs.push(feats.len());
            for k in 0..w.len() {
                let mut e = [0f32; roles::K];
                tr.score(&feats[offs[k]..offs[k + 1]], &mut e);
                em.push(e);
            }
            let trans = runs::transitions(&tr);
            runs::decode(&em, &mask, &trans, &mut rback, &mut pred);
            if runs::update(&mut tr, &gold_tags, &pred, |k| &feats[offs[k]..offs[k + 1]], &mut scratch) {
                wrong += 1;
            }
            tr.tick();
        }
        if epoch == 1 {
            log(&format!(
                "role window holds {:.2}% of gold source and content tokens",
                100.0 * covered as f64 / total.max(1) as f64
            ));
        }
        let w = tr.freeze();
        let (s, c) = if dev.is_empty() { role_score(&w, train) } else { role_score(&w, dev) };
        log(&format!(
            "role epoch {epoch}: {wrong} cues wrong; dev (gold cues) sources exact {:.1}, contents exact {:.1}",
            s.f1(),
            c.f1()
        ));
        let score = s.f1() + c.f1();
        if best.as_ref().is_none_or(|b| score > b.0) {
            best = Some((score, w));
        }
    }
    let best = best.map(|b| b.1).unwrap_or_default();
    if !dev.is_empty() {
        log(&format!("role errors with gold cues: {}", role_errors(&best, dev)));
    }
    best
}
