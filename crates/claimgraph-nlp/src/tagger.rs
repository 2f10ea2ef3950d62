//! Greedy left-to-right part-of-speech tagger (averaged perceptron).
//!
//! Each class is a (UPOS, XPOS) pair seen in training, so the two tags are
//! always consistent. Features: the word, its affixes and shape, the two
//! previous predicted tags, neighbouring words and the "ambiguity class" of
//! the word and its neighbours (the set of tags the training data allows for
//! them), in the spirit of Collins (2002) and Honnibal's greedy tagger.
//! Frequent unambiguous words are tagged straight from a tag dictionary,
//! which is both faster and at least as accurate.
//!
//! Unknown words (8% of EWT dev, where most errors are) also get a 5-letter
//! suffix and 4-letter prefix, the part after a hyphen, the UPOS set of the
//! exact capitalised form, whether the word is on a name list (first names,
//! surnames, places, organisations: `models/gazetteer`).
//!
//! A second pass, trained on the first pass's online guesses, rescores the
//! words the first pass was unsure of (score margin below
//! [`TaggerOptions::recheck`]) with the first pass's tags of the word and
//! the next two words as extra features: a left-to-right tagger otherwise
//! never sees the tags to its right. Gating on the margin keeps nearly all
//! of the gain (dev UPOS 95.32 against 95.34 rescoring every word) at a
//! tenth of the second pass's cost.

use rustc_hash::FxHashMap;

use crate::clusters::Clusters;
use crate::conllu::UdSentence;
use crate::core::ModelError;
use crate::format::{self, Dec, Enc};
use crate::hash::{self, f1, f2, f3, Rng};
use crate::labels::{Upos, Xpos};
use crate::lemma::Lemmatizer;
use crate::lex::{lex, Lex, FLAG_TITLE, FLAG_UPPER};
use crate::perceptron::{argmax_where, Trainer, Weights};

/// Version of the tagger file format.
pub const TAGGER_VERSION: u32 = 5;

/// Padding on each side of a sentence.
const PAD: usize = 2;

/// Training settings.
#[derive(Debug, Clone)]
pub struct TaggerOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// Shuffling seed.
    pub seed: u64,
    /// Averaged weights below this are dropped when saving.
    pub prune: f32,
    /// Train a second pass that sees the first pass's tags to the right.
    pub two_pass: bool,
    /// First-pass score margin from which the second pass keeps the first
    /// pass's tag (see [`Tagger::set_recheck_margin`]).
    pub recheck: f32,
}

impl Default for TaggerOptions {
    fn default() -> Self {
        TaggerOptions { epochs: 12, seed: 1, prune: 0.05, two_pass: true, recheck: 8.0 }
    }
}

/// The trained tagger with its lemmatiser.
#[derive(Debug, Clone)]
pub struct Tagger {
    classes: Vec<(Upos, Xpos)>,
    /// Normalised form → class, for frequent unambiguous words.
    tagdict: FxHashMap<u64, u8>,
    /// Normalised form → bit set of XPOS tags seen with it.
    ambig: FxHashMap<u64, u64>,
    /// Normalised one-word names → bit set of the name lists they are in.
    names: FxHashMap<u64, u16>,
    /// Exact capitalised form → bit set of UPOS tags seen with it.
    fambig: FxHashMap<u64, u64>,
    weights: Weights,
    /// The second pass, whose features add the first pass's tags of the
    /// next two words (a left-to-right tagger cannot see them otherwise).
    weights2: Option<Weights>,
    /// First-pass margin from which the second pass trusts the first.
    recheck: f32,
    /// Word classes from unlabelled text.
    clusters: Clusters,
    /// The lemmatiser trained on the same data.
    pub lemmatizer: Lemmatizer,
}

/// Per-sentence word information with padding.
struct Ctx {
    lex: Vec<Lex>,
    amb: Vec<u64>,
    /// Fine and coarse word classes (0 for padding and unknown words).
    cl: Vec<(u64, u64)>,
    /// Unknown-word cues: 5-letter suffix, 4-letter prefix, the part after
    /// the last hyphen, and the UPOS set of the exact (capitalised) form.
    ext: Vec<[u64; 4]>,
    /// Name lists each word is in (a bit per list).
    gz: Vec<u64>,
}

fn pad_lex(k: u64) -> Lex {
    Lex { form: k, norm: k, suf: [k; 4], pre: [k; 3], shape: k, flags: 0 }
}

/// The extra unknown-word cues of a normalised form `norm` (see [`Ctx::ext`]).
fn ext_of(norm: &str, form: u64, fambig: &FxHashMap<u64, u64>) -> [u64; 4] {
    let n = norm.chars().count();
    let suf5 =
        if n >= 6 { norm.char_indices().rev().nth(4).map_or(0, |(b, _)| hash::str(&norm[b..]) ^ 0x55) } else { 0 };
    let pre4 = if n >= 5 { norm.char_indices().nth(4).map_or(0, |(b, _)| hash::str(&norm[..b]) ^ 0x44) } else { 0 };
    let hyph = match norm.rfind('-') {
        Some(b) if b > 0 && b + 1 < norm.len() => hash::str(&norm[b + 1..]) ^ 0x2d,
        _ => 0,
    };
    [suf5, pre4, hyph, fambig.get(&form).copied().unwrap_or(0)]
}

impl Ctx {
    fn new(forms: &[&str], t: &Tagger) -> Ctx {
        let mut buf = String::new();
        let mut lexv = Vec::with_capacity(forms.len() + 2 * PAD);
        let mut ext = Vec::with_capacity(forms.len() + 2 * PAD);
        lexv.extend([pad_lex(0xb0), pad_lex(0xb1)]);
        ext.extend([[0xb0; 4], [0xb1; 4]]);
        for f in forms {
            let l = lex(f, &mut buf);
            // Words the tag dictionary settles are never scored.
            ext.push(if t.tagdict.contains_key(&l.norm) { [0; 4] } else { ext_of(&buf, l.form, &t.fambig) });
            lexv.push(l);
        }
        lexv.extend([pad_lex(0xe0), pad_lex(0xe1)]);
        ext.extend([[0xe0; 4], [0xe1; 4]]);
        let amb = lexv.iter().map(|l| t.ambig.get(&l.norm).copied().unwrap_or(0)).collect();
        let gz = lexv.iter().map(|l| t.names.get(&l.norm).map_or(0, |&b| u64::from(b))).collect();
        let cl = lexv
            .iter()
            .map(|l| {
                let (f, c) = t.clusters.get(l.norm);
                (u64::from(f), u64::from(c))
            })
            .collect();
        Ctx { lex: lexv, amb, cl, ext, gz }
    }
}

/// Writes the features of word `i` (0-based, unpadded) given the two
/// previous classes and, in the second pass, the first pass's classes of
/// the next two words.
#[inline]
fn features(c: &Ctx, i: usize, p1: u64, p2: u64, right: Option<(u64, u64, u64)>, out: &mut Vec<u64>) {
    out.clear();
    let j = i + PAD;
    let w = &c.lex[j];
    let (m1, m2, n1, n2) = (&c.lex[j - 1], &c.lex[j - 2], &c.lex[j + 1], &c.lex[j + 2]);
    let first = u64::from(i == 0);
    out.extend_from_slice(&[
        f1(0, 0),
        f1(1, w.norm),
        f1(2, w.suf[0]),
        f1(3, w.suf[1]),
        f1(4, w.suf[2]),
        f1(5, w.suf[3]),
        f1(6, w.pre[0]),
        f1(7, w.pre[2]),
        f1(8, w.shape),
        f1(9, p1),
        f1(10, p2),
        f2(11, p1, p2),
        f2(12, p1, w.norm),
        f1(13, m1.norm),
        f1(14, m1.suf[2]),
        f1(15, m2.norm),
        f1(16, n1.norm),
        f1(17, n1.suf[2]),
        f1(18, n2.norm),
        f1(19, w.form),
        f2(20, u64::from(w.flags), first),
        f1(21, c.amb[j]),
        f1(22, c.amb[j + 1]),
        f2(23, c.amb[j], c.amb[j + 1]),
        f2(24, c.amb[j - 1], c.amb[j]),
        f2(25, p1, c.amb[j]),
        f1(26, n1.shape),
        f1(27, m1.shape),
        f2(28, w.norm, n1.norm),
        f2(29, m1.norm, w.norm),
        f2(30, p1, n1.norm),
        f2(31, w.suf[2], n1.norm),
        f2(32, first, u64::from(w.flags & FLAG_TITLE) ^ w.norm),
        f1(40, c.cl[j].0),
        f1(41, c.cl[j].1),
        f1(42, c.cl[j + 1].0),
        f1(43, c.cl[j - 1].0),
        f2(44, p1, c.cl[j].0),
        f2(45, c.cl[j].0, c.cl[j + 1].1),
        f2(46, c.cl[j].0, w.suf[2]),
        f1(47, c.ext[j][0]),
        f1(48, c.ext[j][1]),
        f1(49, c.ext[j][2]),
        f2(50, c.ext[j][3], first),
        f2(53, c.gz[j], u64::from(w.flags & (FLAG_TITLE | FLAG_UPPER)) | first << 8),
        f3(54, c.gz[j], c.amb[j], u64::from(w.flags & FLAG_TITLE)),
        f2(55, c.gz[j + 1], c.gz[j - 1]),
    ]);
    if let Some((t0, r1, r2)) = right {
        out.extend_from_slice(&[
            f1(60, r1),
            f1(61, r2),
            f2(62, r1, r2),
            f2(63, p1, r1),
            f2(64, r1, w.norm),
            f2(65, r1, c.amb[j]),
            f3(66, p1, r1, c.amb[j]),
            f1(67, t0),
            f2(68, t0, r1),
            f2(69, p1, t0),
            f2(70, t0, w.norm),
        ]);
    }
}

/// The name lists (`kind<TAB>phrase`, see `models/README.md`) whose
/// one-word entries become features: whether a word is a known first name,
/// surname, place or organisation separates proper from common nouns for
/// words the treebank never shows.
static NAMES_TSV: &str = include_str!("../../../models/gazetteer/gazetteer.tsv");

/// Normalised one-word phrases of a `kind<TAB>phrase` list → bit set of
/// their kinds (at most 16 kinds, in order of first appearance).
fn single_word_names(tsv: &str) -> FxHashMap<u64, u16> {
    let mut kinds: Vec<&str> = Vec::new();
    let mut out: FxHashMap<u64, u16> = FxHashMap::default();
    let mut buf = String::new();
    for line in tsv.lines().filter(|l| !l.starts_with('#')) {
        let Some((kind, phrase)) = line.split_once('\t') else { continue };
        if phrase.is_empty() || phrase.contains(char::is_whitespace) {
            continue;
        }
        let k = match kinds.iter().position(|x| *x == kind) {
            Some(k) => k,
            None if kinds.len() < 16 => {
                kinds.push(kind);
                kinds.len() - 1
            }
            None => continue,
        };
        crate::lex::normalize(phrase, &mut buf);
        *out.entry(hash::str(&buf)).or_default() |= 1 << k;
    }
    out
}

/// The best class and its lead over the runner-up.
#[inline]
fn top2(scores: &[f32]) -> (usize, f32) {
    let (mut best, mut b1, mut b2) = (0, f32::NEG_INFINITY, f32::NEG_INFINITY);
    for (i, &s) in scores.iter().enumerate() {
        if s > b1 {
            b2 = b1;
            b1 = s;
            best = i;
        } else if s > b2 {
            b2 = s;
        }
    }
    (best, b1 - b2)
}

/// Sentinel "class" ids for the tags before the sentence start.
const START1: u64 = 1000;
const START2: u64 = 1001;
/// Sentinel "class" ids for the tags after the sentence end.
const END1: u64 = 1002;
const END2: u64 = 1003;

/// The first pass's classes of word `i` and the two words after it.
#[inline]
fn right_of(first: &[u8], i: usize) -> (u64, u64, u64) {
    let t0 = first.get(i).map_or(END1, |&c| u64::from(c));
    let r1 = first.get(i + 1).map_or(END1, |&c| u64::from(c));
    let r2 = first.get(i + 2).map_or(if i + 1 < first.len() { END1 } else { END2 }, |&c| u64::from(c));
    (t0, r1, r2)
}

impl Tagger {
    /// The (UPOS, XPOS) classes.
    pub fn classes(&self) -> &[(Upos, Xpos)] {
        &self.classes
    }

    /// Tags a sentence of word forms.
    pub fn tag(&self, forms: &[&str]) -> Vec<(Upos, Xpos)> {
        self.tag_passes(forms, 2).into_iter().map(|c| self.classes[c as usize]).collect()
    }

    /// Sets the first-pass score margin from which the second pass keeps
    /// the first pass's tag instead of rescoring the word.
    pub fn set_recheck_margin(&mut self, margin: f32) {
        self.recheck = margin;
    }

    /// Class ids of a sentence after at most `passes` passes.
    fn tag_passes(&self, forms: &[&str], passes: usize) -> Vec<u8> {
        let ctx = Ctx::new(forms, self);
        let mut margins = Vec::with_capacity(forms.len());
        let first = self.pass(&ctx, &self.weights, None, &mut margins);
        match &self.weights2 {
            Some(w2) if passes > 1 => self.pass(&ctx, w2, Some(&first), &mut margins),
            _ => first,
        }
    }

    /// One greedy left-to-right pass. The first pass (`first` is `None`)
    /// records each word's score margin; the second rescores, with the
    /// first pass's tags to the right, only the words whose margin was
    /// below [`Tagger::recheck`], since a confident first-pass tag almost
    /// never changes and rescoring every word would double tagging time.
    fn pass(&self, ctx: &Ctx, weights: &Weights, first: Option<&[u8]>, margins: &mut Vec<f32>) -> Vec<u8> {
        let n = ctx.lex.len() - 2 * PAD;
        let mut feats = Vec::with_capacity(56);
        let mut scores = vec![0f32; self.classes.len()];
        let mut out = Vec::with_capacity(n);
        let (mut p1, mut p2) = (START1, START2);
        for i in 0..n {
            let class = match (self.tagdict.get(&ctx.lex[i + PAD].norm), first) {
                (Some(&c), _) => c,
                (None, Some(f)) if margins[i] >= self.recheck => f[i],
                (None, _) => {
                    features(ctx, i, p1, p2, first.map(|f| right_of(f, i)), &mut feats);
                    weights.score(&feats, &mut scores);
                    let (best, margin) = top2(&scores);
                    if first.is_none() {
                        margins.push(margin);
                    }
                    best as u8
                }
            };
            if first.is_none() && margins.len() == i {
                margins.push(f32::INFINITY);
            }
            out.push(class);
            p2 = p1;
            p1 = u64::from(class);
        }
        out
    }

    /// Trains a tagger on `train`, choosing the epoch with the best accuracy
    /// on `dev` (when given). `log` receives one line per epoch.
    pub fn train(
        train: &[UdSentence],
        dev: &[UdSentence],
        clusters: &Clusters,
        opts: &TaggerOptions,
        log: &mut dyn FnMut(&str),
    ) -> Tagger {
        // Classes and lexicons.
        let mut classes: Vec<(Upos, Xpos)> = Vec::new();
        let mut class_of: FxHashMap<(Upos, Xpos), usize> = FxHashMap::default();
        let mut counts: FxHashMap<u64, FxHashMap<usize, u32>> = FxHashMap::default();
        let mut xcounts: FxHashMap<u64, FxHashMap<Xpos, u32>> = FxHashMap::default();
        let mut buf = String::new();
        for s in train {
            for w in &s.words {
                let c = *class_of.entry((w.upos, w.xpos)).or_insert_with(|| {
                    classes.push((w.upos, w.xpos));
                    classes.len() - 1
                });
                let l = lex(&w.form, &mut buf);
                *counts.entry(l.norm).or_default().entry(c).or_default() += 1;
                *xcounts.entry(l.norm).or_default().entry(w.xpos).or_default() += 1;
            }
        }
        let mut tagdict = FxHashMap::default();
        for (&w, m) in &counts {
            let total: u32 = m.values().sum();
            let (&best, &n) = m.iter().max_by_key(|(c, n)| (**n, usize::MAX - **c)).unwrap_or((&0, &0));
            if total >= 20 && f64::from(n) / f64::from(total) >= 0.99 {
                tagdict.insert(w, best as u8);
            }
        }
        let mut ambig = FxHashMap::default();
        for (&w, m) in &xcounts {
            let total: u32 = m.values().sum();
            if total < 3 {
                continue;
            }
            let mut bits = 0u64;
            for (x, &n) in m {
                if f64::from(n) / f64::from(total) >= 0.05 {
                    bits |= 1 << x.index();
                }
            }
            ambig.insert(w, bits | (1 << 63));
        }

        let mut fcounts: FxHashMap<u64, FxHashMap<Upos, u32>> = FxHashMap::default();
        for s in train {
            for w in &s.words {
                if w.form.chars().next().is_some_and(char::is_uppercase) {
                    *fcounts.entry(hash::str(&w.form)).or_default().entry(w.upos).or_default() += 1;
                }
            }
        }
        let mut fambig = FxHashMap::default();
        for (&f, m) in &fcounts {
            let total: u32 = m.values().sum();
            if total < 2 {
                continue;
            }
            let mut bits = 0u64;
            for (u, &n) in m {
                if f64::from(n) / f64::from(total) >= 0.1 {
                    bits |= 1 << u.index();
                }
            }
            fambig.insert(f, bits | (1 << 63));
        }
        let mut model = Tagger {
            classes: classes.clone(),
            tagdict,
            ambig,
            fambig,
            names: single_word_names(NAMES_TSV),
            weights: Weights::default(),
            weights2: None,
            recheck: opts.recheck,
            clusters: clusters.clone(),
            lemmatizer: Lemmatizer::train(train),
        };
        let mut trainer = Trainer::new(classes.len());
        let mut trainer2 = Trainer::new(classes.len());
        let mut order: Vec<usize> = (0..train.len()).collect();
        let mut rng = Rng::new(opts.seed);
        let mut feats = Vec::with_capacity(48);
        let mut scores = vec![0f32; classes.len()];
        let mut first: Vec<u8> = Vec::new();
        let mut best: Option<(f64, Weights, Option<Weights>)> = None;
        for epoch in 0..opts.epochs {
            rng.shuffle(&mut order);
            let (mut right, mut right2, mut total) = (0usize, 0usize, 0usize);
            for &si in &order {
                let s = &train[si];
                let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
                let ctx = Ctx::new(&forms, &model);
                let golds: Vec<usize> = s.words.iter().map(|w| class_of[&(w.upos, w.xpos)]).collect();
                // The second pass learns from the first pass's own online
                // guesses (made before each update), so it sees the kind of
                // mistakes the first pass makes rather than gold tags.
                first.clear();
                for pass in 0..1 + usize::from(opts.two_pass) {
                    let (mut p1, mut p2) = (START1, START2);
                    let tr = if pass == 0 { &mut trainer } else { &mut trainer2 };
                    for (i, &gold) in golds.iter().enumerate() {
                        let guess = match model.tagdict.get(&ctx.lex[i + PAD].norm) {
                            Some(&c) => c as usize,
                            None => {
                                let r = (pass == 1).then(|| right_of(&first, i));
                                features(&ctx, i, p1, p2, r, &mut feats);
                                scores.iter_mut().for_each(|s| *s = 0.0);
                                tr.score(&feats, &mut scores);
                                let g = argmax_where(&scores, |_| true).unwrap_or(0);
                                tr.tick();
                                tr.update(&feats, gold, g);
                                g
                            }
                        };
                        if pass == 0 {
                            first.push(guess as u8);
                            right += usize::from(guess == gold);
                            total += 1;
                        } else {
                            right2 += usize::from(guess == gold);
                        }
                        p2 = p1;
                        p1 = guess as u64;
                    }
                }
            }
            model.weights = trainer.freeze(opts.prune);
            model.weights2 = opts.two_pass.then(|| trainer2.freeze(opts.prune));
            let train_acc = 100.0 * right as f64 / total.max(1) as f64;
            let train_acc2 = 100.0 * right2 as f64 / total.max(1) as f64;
            if dev.is_empty() {
                log(&format!("tagger epoch {}: train {train_acc:.2} / {train_acc2:.2}", epoch + 1));
                continue;
            }
            let (upos1, _) = model.accuracy_passes(dev, 1);
            let (upos, xpos) = model.accuracy(dev);
            log(&format!(
                "tagger epoch {}: train {train_acc:.2} / {train_acc2:.2}  dev UPOS {upos:.2} XPOS {xpos:.2} (first pass UPOS {upos1:.2})  ({} features, {} weights)",
                epoch + 1,
                model.weights.n_features() + model.weights2.as_ref().map_or(0, Weights::n_features),
                model.weights.n_weights() + model.weights2.as_ref().map_or(0, Weights::n_weights)
            ));
            if best.as_ref().is_none_or(|b| upos > b.0) {
                best = Some((upos, model.weights.clone(), model.weights2.clone()));
            }
        }
        if let Some((_, w, w2)) = best {
            model.weights = w;
            model.weights2 = w2;
        }
        model
    }

    /// UPOS and XPOS accuracy (percent) on gold-tokenised sentences.
    pub fn accuracy(&self, sents: &[UdSentence]) -> (f64, f64) {
        self.accuracy_passes(sents, 2)
    }

    /// UPOS and XPOS accuracy after at most `passes` passes.
    fn accuracy_passes(&self, sents: &[UdSentence], passes: usize) -> (f64, f64) {
        let (mut u, mut x, mut n) = (0usize, 0usize, 0usize);
        for s in sents {
            let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            for (&c, w) in self.tag_passes(&forms, passes).iter().zip(&s.words) {
                let t = self.classes[c as usize];
                u += usize::from(t.0 == w.upos);
                x += usize::from(t.1 == w.xpos);
                n += 1;
            }
        }
        (100.0 * u as f64 / n.max(1) as f64, 100.0 * x as f64 / n.max(1) as f64)
    }

    /// Serialises the tagger into a model file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut e = Enc::new();
        e.var(self.classes.len() as u64);
        for (u, x) in &self.classes {
            e.str(u.as_str());
            e.str(x.as_str());
        }
        let mut td: Vec<(&u64, &u8)> = self.tagdict.iter().collect();
        td.sort();
        e.var(td.len() as u64);
        for (k, v) in td {
            e.u64(*k);
            e.u8(*v);
        }
        let mut am: Vec<(&u64, &u64)> = self.ambig.iter().collect();
        am.sort();
        e.var(am.len() as u64);
        for (k, v) in am {
            e.u64(*k);
            e.u64(*v);
        }
        let mut fa: Vec<(&u64, &u64)> = self.fambig.iter().collect();
        fa.sort();
        e.var(fa.len() as u64);
        for (k, v) in fa {
            e.u64(*k);
            e.u64(*v);
        }
        let mut nm: Vec<(&u64, &u16)> = self.names.iter().collect();
        nm.sort();
        e.var(nm.len() as u64);
        for (k, v) in nm {
            e.u64(*k);
            e.var(u64::from(*v));
        }
        self.weights.encode(&mut e);
        e.u8(u8::from(self.weights2.is_some()));
        if let Some(w2) = &self.weights2 {
            w2.encode(&mut e);
            e.f32(self.recheck);
        }
        self.clusters.encode(&mut e);
        self.lemmatizer.encode(&mut e);
        format::wrap("tagger", TAGGER_VERSION, &e.buf)
    }

    /// Loads a tagger from model-file bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        // Version 4 files (one pass, no name lists) still load, so that
        // old and new models can be compared in one build.
        let (body, legacy) = match format::unwrap("tagger", TAGGER_VERSION, bytes) {
            Ok(b) => (b, false),
            Err(e) => (format::unwrap("tagger", 4, bytes).map_err(|_| e)?, true),
        };
        let mut d = Dec::new(&body, "tagger");
        let n = d.count()?;
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            let u = d.str()?;
            let x = d.str()?;
            let up = Upos::parse(&u).ok_or_else(|| d.err(format!("unknown UPOS {u}")))?;
            let xp = Xpos::parse(&x).ok_or_else(|| d.err(format!("unknown XPOS {x}")))?;
            classes.push((up, xp));
        }
        let n = d.count()?;
        let mut tagdict = FxHashMap::default();
        for _ in 0..n {
            let k = d.u64()?;
            let v = d.u8()?;
            if v as usize >= classes.len() {
                return Err(d.err("tag dictionary class out of range"));
            }
            tagdict.insert(k, v);
        }
        let n = d.count()?;
        let mut ambig = FxHashMap::default();
        for _ in 0..n {
            let k = d.u64()?;
            let v = d.u64()?;
            ambig.insert(k, v);
        }
        let n = if legacy { 0 } else { d.count()? };
        let mut fambig = FxHashMap::default();
        for _ in 0..n {
            let k = d.u64()?;
            let v = d.u64()?;
            fambig.insert(k, v);
        }
        let n = if legacy { 0 } else { d.count()? };
        let mut names = FxHashMap::default();
        for _ in 0..n {
            let k = d.u64()?;
            let v = u16::try_from(d.var()?).map_err(|_| d.err("name list bits out of range"))?;
            names.insert(k, v);
        }
        let weights = Weights::decode(&mut d)?;
        if weights.n_classes() != classes.len() {
            return Err(d.err("weights and classes disagree"));
        }
        let mut recheck = f32::INFINITY;
        let weights2 = match if legacy { 0 } else { d.u8()? } {
            0 => None,
            1 => {
                let w2 = Weights::decode(&mut d)?;
                if w2.n_classes() != classes.len() {
                    return Err(d.err("second-pass weights and classes disagree"));
                }
                recheck = d.f32()?;
                Some(w2)
            }
            _ => return Err(d.err("bad second-pass flag")),
        };
        let clusters = Clusters::decode(&mut d)?;
        let lemmatizer = Lemmatizer::decode(&mut d)?;
        if !d.done() {
            return Err(d.err("trailing bytes"));
        }
        Ok(Tagger { classes, tagdict, ambig, fambig, names, weights, weights2, recheck, clusters, lemmatizer })
    }
}
