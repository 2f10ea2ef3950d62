//! Greedy left-to-right part-of-speech tagger (averaged perceptron).
//!
//! Each class is a (UPOS, XPOS) pair seen in training, so the two tags are
//! always consistent. Features: the word, its affixes and shape, the two
//! previous predicted tags, neighbouring words and the "ambiguity class" of
//! the word and its neighbours (the set of tags the training data allows for
//! them), in the spirit of Collins (2002) and Honnibal's greedy tagger.
//! Frequent unambiguous words are tagged straight from a tag dictionary,
//! which is both faster and at least as accurate.

use rustc_hash::FxHashMap;

use crate::clusters::Clusters;
use crate::conllu::UdSentence;
use crate::core::ModelError;
use crate::format::{self, Dec, Enc};
use crate::hash::{f1, f2, Rng};
use crate::labels::{Upos, Xpos};
use crate::lemma::Lemmatizer;
use crate::lex::{lex, Lex, FLAG_TITLE};
use crate::perceptron::{argmax, argmax_where, Trainer, Weights};

/// Version of the tagger file format.
pub const TAGGER_VERSION: u32 = 4;

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
}

impl Default for TaggerOptions {
    fn default() -> Self {
        TaggerOptions { epochs: 12, seed: 1, prune: 0.05 }
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
    weights: Weights,
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
}

fn pad_lex(k: u64) -> Lex {
    Lex { form: k, norm: k, suf: [k; 4], pre: [k; 3], shape: k, flags: 0 }
}

impl Ctx {
    fn new(forms: &[&str], ambig: &FxHashMap<u64, u64>, clusters: &Clusters) -> Ctx {
        let mut buf = String::new();
        let lexes: Vec<Lex> = forms.iter().map(|f| lex(f, &mut buf)).collect();
        Ctx::from_lexes(&lexes, ambig, clusters)
    }

    /// The context of words whose lexical hashes are already computed.
    fn from_lexes(lexes: &[Lex], ambig: &FxHashMap<u64, u64>, clusters: &Clusters) -> Ctx {
        let mut lexv = Vec::with_capacity(lexes.len() + 2 * PAD);
        lexv.extend([pad_lex(0xb0), pad_lex(0xb1)]);
        lexv.extend_from_slice(lexes);
        lexv.extend([pad_lex(0xe0), pad_lex(0xe1)]);
        let amb = lexv.iter().map(|l| ambig.get(&l.norm).copied().unwrap_or(0)).collect();
        let cl = lexv
            .iter()
            .map(|l| {
                let (f, c) = clusters.get(l.norm);
                (u64::from(f), u64::from(c))
            })
            .collect();
        Ctx { lex: lexv, amb, cl }
    }
}

/// Writes the features of word `i` (0-based, unpadded) given the two
/// previous classes.
#[inline]
fn features(c: &Ctx, i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
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
    ]);
}

/// Sentinel "class" ids for the tags before the sentence start.
const START1: u64 = 1000;
const START2: u64 = 1001;

impl Tagger {
    /// The (UPOS, XPOS) classes.
    pub fn classes(&self) -> &[(Upos, Xpos)] {
        &self.classes
    }

    /// Tags a sentence of word forms.
    pub fn tag(&self, forms: &[&str]) -> Vec<(Upos, Xpos)> {
        let mut buf = String::new();
        let lexes: Vec<Lex> = forms.iter().map(|f| lex(f, &mut buf)).collect();
        self.tag_lexes(&lexes)
    }

    /// Tags a sentence given the lexical hashes of its words ([`lex`]), so
    /// that the core computes them once for the tagger, parser and
    /// recogniser.
    pub(crate) fn tag_lexes(&self, lexes: &[Lex]) -> Vec<(Upos, Xpos)> {
        let ctx = Ctx::from_lexes(lexes, &self.ambig, &self.clusters);
        let mut feats = Vec::with_capacity(40);
        let mut scores = vec![0f32; self.classes.len()];
        let mut out = Vec::with_capacity(lexes.len());
        let (mut p1, mut p2) = (START1, START2);
        for i in 0..lexes.len() {
            let class = match self.tagdict.get(&ctx.lex[i + PAD].norm) {
                Some(&c) => c as usize,
                None => {
                    features(&ctx, i, p1, p2, &mut feats);
                    self.weights.score(&feats, &mut scores);
                    argmax(&scores).unwrap_or(0)
                }
            };
            out.push(self.classes[class]);
            p2 = p1;
            p1 = class as u64;
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

        let mut model = Tagger {
            classes: classes.clone(),
            tagdict,
            ambig,
            weights: Weights::default(),
            clusters: clusters.clone(),
            lemmatizer: Lemmatizer::train(train),
        };
        let mut trainer = Trainer::new(classes.len());
        let mut order: Vec<usize> = (0..train.len()).collect();
        let mut rng = Rng::new(opts.seed);
        let mut feats = Vec::with_capacity(40);
        let mut scores = vec![0f32; classes.len()];
        let mut best: Option<(f64, Weights)> = None;
        for epoch in 0..opts.epochs {
            rng.shuffle(&mut order);
            let (mut right, mut total) = (0usize, 0usize);
            for &si in &order {
                let s = &train[si];
                let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
                let ctx = Ctx::new(&forms, &model.ambig, &model.clusters);
                let (mut p1, mut p2) = (START1, START2);
                for (i, w) in s.words.iter().enumerate() {
                    let gold = class_of[&(w.upos, w.xpos)];
                    let guess = match model.tagdict.get(&ctx.lex[i + PAD].norm) {
                        Some(&c) => c as usize,
                        None => {
                            features(&ctx, i, p1, p2, &mut feats);
                            scores.iter_mut().for_each(|s| *s = 0.0);
                            trainer.score(&feats, &mut scores);
                            let g = argmax_where(&scores, |_| true).unwrap_or(0);
                            trainer.tick();
                            trainer.update(&feats, gold, g);
                            g
                        }
                    };
                    right += usize::from(guess == gold);
                    total += 1;
                    p2 = p1;
                    p1 = guess as u64;
                }
            }
            model.weights = trainer.freeze(opts.prune);
            let train_acc = 100.0 * right as f64 / total.max(1) as f64;
            if dev.is_empty() {
                log(&format!("tagger epoch {}: train {train_acc:.2}", epoch + 1));
                continue;
            }
            let (upos, xpos) = model.accuracy(dev);
            log(&format!(
                "tagger epoch {}: train {train_acc:.2}  dev UPOS {upos:.2} XPOS {xpos:.2}  ({} features, {} weights)",
                epoch + 1,
                model.weights.n_features(),
                model.weights.n_weights()
            ));
            if best.as_ref().is_none_or(|b| upos > b.0) {
                best = Some((upos, model.weights.clone()));
            }
        }
        if let Some((_, w)) = best {
            model.weights = w;
        }
        model
    }

    /// UPOS and XPOS accuracy (percent) on gold-tokenised sentences.
    pub fn accuracy(&self, sents: &[UdSentence]) -> (f64, f64) {
        let (mut u, mut x, mut n) = (0usize, 0usize, 0usize);
        for s in sents {
            let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            for (t, w) in self.tag(&forms).iter().zip(&s.words) {
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
        self.weights.encode(&mut e);
        self.clusters.encode(&mut e);
        self.lemmatizer.encode(&mut e);
        format::wrap("tagger", TAGGER_VERSION, &e.buf)
    }

    /// Loads a tagger from model-file bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        let body = format::unwrap_model("tagger", TAGGER_VERSION, bytes)?;
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
        let weights = Weights::decode(&mut d)?;
        if weights.n_classes() != classes.len() {
            return Err(d.err("weights and classes disagree"));
        }
        let clusters = Clusters::decode(&mut d)?;
        let lemmatizer = Lemmatizer::decode(&mut d)?;
        if !d.done() {
            return Err(d.err("trailing bytes"));
        }
        Ok(Tagger { classes, tagdict, ambig, weights, clusters, lemmatizer })
    }
}
