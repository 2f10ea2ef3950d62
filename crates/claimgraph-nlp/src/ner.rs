//! Named-entity recogniser: a greedy left-to-right BIO tagger (averaged
//! perceptron) over lexical, part-of-speech and gazetteer features, with
//! the BIO constraint (I-X only after B-X or I-X) enforced in decoding.
//!
//! Universal NER gives PER, ORG and LOC. Only its dev and test splits are
//! available, so the shipped model is trained on dev; the number of epochs
//! is chosen by k-fold cross-validation on the training data itself (see
//! [`Ner::cross_validate`]), which keeps the test split unseen.

use crate::clusters::Clusters;
use crate::conllu::NerSentence;
use crate::core::ModelError;
use crate::format::{self, Dec, Enc};
use crate::gazetteer::{Gazetteer, SLOTS};
use crate::hash::{f1, f2, f3, Rng};
use crate::labels::{NerLabel, Xpos};
use crate::lex::{lex, Lex, FLAG_TITLE};
use crate::perceptron::{argmax_where, Trainer, Weights};

/// Version of the NER file format.
pub const NER_VERSION: u32 = 3;

const PAD: usize = 2;

/// Training settings.
#[derive(Debug, Clone)]
pub struct NerOptions {
    /// Passes over the training data (when not cross-validated).
    pub epochs: usize,
    /// Shuffling seed.
    pub seed: u64,
    /// Averaged weights below this are dropped when saving.
    pub prune: f32,
}

impl Default for NerOptions {
    fn default() -> Self {
        NerOptions { epochs: 10, seed: 1, prune: 0.0 }
    }
}

/// A training or evaluation sentence: words, their XPOS tags, and (for
/// training) IOB2 tags.
#[derive(Debug, Clone)]
pub struct NerExample {
    /// Word forms.
    pub forms: Vec<String>,
    /// Part-of-speech tags (predicted, as at run time).
    pub xpos: Vec<Xpos>,
    /// IOB2 tags (`O`, `B-PER`...); empty when unknown.
    pub tags: Vec<String>,
}

impl NerExample {
    /// Builds an example from a UNER sentence, tagging it with `tag`.
    pub fn from_sentence(s: &NerSentence, tag: impl Fn(&[&str]) -> Vec<Xpos>) -> NerExample {
        let forms: Vec<&str> = s.words.iter().map(String::as_str).collect();
        NerExample { xpos: tag(&forms), forms: s.words.clone(), tags: s.tags.clone() }
    }
}

/// The trained recogniser.
#[derive(Debug, Clone)]
pub struct Ner {
    /// Entity types; class 0 is O, class 1 + 2t is B-t, 2 + 2t is I-t.
    types: Vec<NerLabel>,
    gazetteer: Gazetteer,
    clusters: Clusters,
    weights: Weights,
}

struct Ctx {
    lex: Vec<Lex>,
    pos: Vec<u64>,
    gaz: Vec<u8>,
    /// Fine and coarse word classes, padded like `lex`.
    cl: Vec<(u64, u64)>,
}

fn pad_lex(k: u64) -> Lex {
    Lex { form: k, norm: k, suf: [k; 4], pre: [k; 3], shape: k, flags: 0 }
}

impl Ctx {
    fn new(forms: &[&str], xpos: &[Xpos], gaz: &Gazetteer, clusters: &Clusters) -> Ctx {
        let mut buf = String::new();
        let lexes: Vec<Lex> = forms.iter().map(|f| lex(f, &mut buf)).collect();
        Ctx::from_lexes(&lexes, xpos, gaz, clusters)
    }

    /// The context of words whose lexical hashes are already computed.
    fn from_lexes(lexes: &[Lex], xpos: &[Xpos], gaz: &Gazetteer, clusters: &Clusters) -> Ctx {
        let mut lexv = Vec::with_capacity(lexes.len() + 2 * PAD);
        lexv.extend([pad_lex(0xb0), pad_lex(0xb1)]);
        lexv.extend_from_slice(lexes);
        lexv.extend([pad_lex(0xe0), pad_lex(0xe1)]);
        let mut pos = vec![300, 301];
        pos.extend(xpos.iter().map(|x| x.index() as u64));
        pos.extend([302, 303]);
        let norms: Vec<u64> = lexv[PAD..PAD + lexes.len()].iter().map(|l| l.norm).collect();
        let cl = lexv
            .iter()
            .map(|l| {
                let (f, c) = clusters.get(l.norm);
                (u64::from(f), u64::from(c))
            })
            .collect();
        Ctx { lex: lexv, pos, gaz: gaz.annotate(&norms), cl }
    }
}

fn features(c: &Ctx, i: usize, n: usize, kinds: usize, prev: u64, prev2: u64, out: &mut Vec<u64>) {
    out.clear();
    let j = i + PAD;
    let w = &c.lex[j];
    let (m1, m2, n1, n2) = (&c.lex[j - 1], &c.lex[j - 2], &c.lex[j + 1], &c.lex[j + 2]);
    let p = |k: usize| c.pos[k];
    let first = u64::from(i == 0);
    let title = u64::from(w.flags & FLAG_TITLE != 0);
    out.extend_from_slice(&[
        f1(0, 0),
        f1(1, w.norm),
        f1(2, w.form),
        f1(3, w.shape),
        f1(4, w.suf[2]),
        f1(5, w.suf[3]),
        f1(6, w.pre[2]),
        f1(7, m1.norm),
        f1(8, n1.norm),
        f1(9, m2.norm),
        f1(10, n2.norm),
        f1(11, m1.shape),
        f1(12, n1.shape),
        f1(13, p(j)),
        f2(14, p(j - 1), p(j)),
        f2(15, p(j), p(j + 1)),
        f1(16, p(j - 1)),
        f1(17, p(j + 1)),
        f1(18, prev),
        f2(19, prev, prev2),
        f2(20, prev, w.norm),
        f2(21, prev, w.shape),
        f2(22, prev, p(j)),
        f2(23, u64::from(w.flags), first),
        f2(28, w.shape, n1.shape),
        f2(29, m1.norm, w.norm),
        f2(30, w.norm, n1.norm),
        f3(31, prev, p(j), title),
        f2(32, m1.form, w.form),
        f1(33, c.cl[j].0),
        f1(34, c.cl[j].1),
        f1(35, c.cl[j - 1].0),
        f1(36, c.cl[j + 1].0),
        f2(37, c.cl[j].0, title),
        f2(38, prev, c.cl[j].0),
    ]);
    for k in 0..kinds {
        let code = c.gaz[i * SLOTS + k] as u64;
        if code != 0 {
            out.push(f2(24, k as u64, code));
            out.push(f3(25, k as u64, code, title + 2 * first));
            out.push(f3(26, k as u64, code, prev));
        }
        if i + 1 < n {
            let next = c.gaz[(i + 1) * SLOTS + k] as u64;
            if next != 0 {
                out.push(f3(27, k as u64, next, title));
            }
        }
    }
}

/// An entity found in a sentence: word range and type.
pub type Found = (std::ops::Range<usize>, NerLabel);

impl Ner {
    /// Finds entities in a sentence.
    pub fn recognize(&self, forms: &[&str], xpos: &[Xpos]) -> Vec<Found> {
        let mut buf = String::new();
        let lexes: Vec<Lex> = forms.iter().map(|f| lex(f, &mut buf)).collect();
        self.recognize_lexes(&lexes, xpos)
    }

    /// [`Ner::recognize`] given the lexical hashes of the words ([`lex`]).
    pub(crate) fn recognize_lexes(&self, lexes: &[Lex], xpos: &[Xpos]) -> Vec<Found> {
        let classes = self.decode_classes(lexes, xpos);
        spans_of(&classes, &self.types)
    }

    fn allowed(&self, prev: usize, c: usize) -> bool {
        // I-t (even class ≥ 2) only after B-t or I-t.
        c == 0 || c % 2 == 1 || (prev != 0 && prev.div_ceil(2) == c / 2)
    }

    fn decode_classes(&self, lexes: &[Lex], xpos: &[Xpos]) -> Vec<usize> {
        let ctx = Ctx::from_lexes(lexes, xpos, &self.gazetteer, &self.clusters);
        let nk = self.gazetteer.kinds().len();
        let mut feats = Vec::with_capacity(64);
        let mut scores = vec![0f32; self.weights.n_classes()];
        let mut out = Vec::with_capacity(lexes.len());
        let (mut prev, mut prev2) = (0usize, 0usize);
        for i in 0..lexes.len() {
            features(&ctx, i, lexes.len(), nk, prev as u64 + 100, prev2 as u64 + 100, &mut feats);
            self.weights.score(&feats, &mut scores);
            let c = argmax_where(&scores, |c| self.allowed(prev, c)).unwrap_or(0);
            out.push(c);
            prev2 = prev;
            prev = c;
        }
        out
    }

    /// Trains on `train` for `opts.epochs` epochs.
    pub fn train(train: &[NerExample], gazetteer: &Gazetteer, clusters: &Clusters, opts: &NerOptions) -> Ner {
        Ner::train_eval(train, gazetteer, clusters, opts, &mut |_, _| {})
    }

    /// Trains, calling `each_epoch(epoch, model)` after every epoch (for
    /// evaluation on held-out data).
    fn train_eval(
        train: &[NerExample],
        gazetteer: &Gazetteer,
        clusters: &Clusters,
        opts: &NerOptions,
        each_epoch: &mut dyn FnMut(usize, &Ner),
    ) -> Ner {
        let types = vec![NerLabel::PER, NerLabel::ORG, NerLabel::LOC];
        let n_classes = 1 + 2 * types.len();
        let class_of = |t: &str| -> usize {
            let (bi, ty) = match t.split_once('-') {
                Some(x) => x,
                None => return 0,
            };
            match types.iter().position(|x| x.as_str() == ty) {
                Some(k) => 1 + 2 * k + usize::from(bi == "I"),
                None => 0,
            }
        };
        let mut model = Ner {
            types: types.clone(),
            gazetteer: gazetteer.clone(),
            clusters: clusters.clone(),
            weights: Weights::default(),
        };
        let nk = gazetteer.kinds().len();
        let ctxs: Vec<Ctx> = train
            .iter()
            .map(|e| Ctx::new(&e.forms.iter().map(String::as_str).collect::<Vec<_>>(), &e.xpos, gazetteer, clusters))
            .collect();
        let golds: Vec<Vec<usize>> = train.iter().map(|e| e.tags.iter().map(|t| class_of(t)).collect()).collect();
        let mut trainer = Trainer::new(n_classes);
        let mut rng = Rng::new(opts.seed);
        let mut order: Vec<usize> = (0..train.len()).collect();
        let mut feats = Vec::with_capacity(64);
        let mut scores = vec![0f32; n_classes];
        for epoch in 0..opts.epochs {
            rng.shuffle(&mut order);
            for &si in &order {
                let n = train[si].forms.len();
                let (mut prev, mut prev2) = (0usize, 0usize);
                for (i, &gold) in golds[si].iter().enumerate().take(n) {
                    features(&ctxs[si], i, n, nk, prev as u64 + 100, prev2 as u64 + 100, &mut feats);
                    scores.iter_mut().for_each(|s| *s = 0.0);
                    trainer.score(&feats, &mut scores);
                    let guess = argmax_where(&scores, |c| model.allowed(prev, c)).unwrap_or(0);
                    trainer.tick();
                    trainer.update(&feats, gold, guess);
                    prev2 = prev;
                    // Follow the gold history: the data set is small and
                    // the classes few, so exposure bias is mild.
                    prev = gold;
                }
            }
            model.weights = trainer.freeze(opts.prune);
            each_epoch(epoch, &model);
        }
        model
    }

    /// K-fold cross-validation on `data`: for each epoch count up to
    /// `opts.epochs`, the micro F1 over all held-out folds. Returns
    /// `(epoch count, precision, recall, f1)` rows.
    pub fn cross_validate(
        data: &[NerExample],
        gazetteer: &Gazetteer,
        clusters: &Clusters,
        opts: &NerOptions,
        k: usize,
    ) -> Vec<(usize, f64, f64, f64)> {
        let mut counts = vec![Counts::default(); opts.epochs];
        // Contiguous folds: documents stay (mostly) on one side, so names
        // repeated within a document do not leak into the held-out fold.
        let n = data.len();
        let fold_of = |i: usize| i * k / n.max(1);
        for fold in 0..k {
            let train: Vec<NerExample> =
                data.iter().enumerate().filter(|(i, _)| fold_of(*i) != fold).map(|(_, e)| e.clone()).collect();
            let held: Vec<&NerExample> =
                data.iter().enumerate().filter(|(i, _)| fold_of(*i) == fold).map(|(_, e)| e).collect();
            Ner::train_eval(&train, gazetteer, clusters, opts, &mut |epoch, m| {
                for e in &held {
                    counts[epoch].add(e, m);
                }
            });
        }
        counts
            .iter()
            .enumerate()
            .map(|(e, c)| {
                let (p, r, f) = c.prf();
                (e + 1, p, r, f)
            })
            .collect()
    }

    /// Self-training: a model trained on `gold` labels the `unlabeled`
    /// sentences, and the returned model trains on the gold sentences (twice,
    /// so that they outweigh their own echo) plus those machine-labelled
    /// ones. With only UNER's 2,000 dev sentences as gold, the unlabelled
    /// EWT training sentences add the vocabulary and contexts the gold data
    /// lacks; the gain is measured by [`Ner::cross_validate_self_training`].
    pub fn self_train(
        gold: &[NerExample],
        unlabeled: &[NerExample],
        gazetteer: &Gazetteer,
        clusters: &Clusters,
        opts: &NerOptions,
    ) -> Ner {
        let teacher = Ner::train(gold, gazetteer, clusters, opts);
        let mut data: Vec<NerExample> = Vec::with_capacity(2 * gold.len() + unlabeled.len());
        data.extend(gold.iter().cloned());
        data.extend(gold.iter().cloned());
        for u in unlabeled {
            let forms: Vec<&str> = u.forms.iter().map(String::as_str).collect();
            let mut tags = vec!["O".to_string(); forms.len()];
            for (r, l) in teacher.recognize(&forms, &u.xpos) {
                for i in r.clone() {
                    tags[i] = format!("{}-{}", if i == r.start { "B" } else { "I" }, l.as_str());
                }
            }
            data.push(NerExample { tags, ..u.clone() });
        }
        Ner::train(&data, gazetteer, clusters, opts)
    }

    /// K-fold cross-validation (contiguous folds) of plain training against
    /// self-training: `((P, R, F1) plain, (P, R, F1) self-trained)`.
    pub fn cross_validate_self_training(
        data: &[NerExample],
        unlabeled: &[NerExample],
        gazetteer: &Gazetteer,
        clusters: &Clusters,
        opts: &NerOptions,
        k: usize,
    ) -> ((f64, f64, f64), (f64, f64, f64)) {
        let (mut plain, mut selft) = (Counts::default(), Counts::default());
        let n = data.len();
        let fold_of = |i: usize| i * k / n.max(1);
        for fold in 0..k {
            let train: Vec<NerExample> =
                data.iter().enumerate().filter(|(i, _)| fold_of(*i) != fold).map(|(_, e)| e.clone()).collect();
            let m0 = Ner::train(&train, gazetteer, clusters, opts);
            let m1 = Ner::self_train(&train, unlabeled, gazetteer, clusters, opts);
            for (_, e) in data.iter().enumerate().filter(|(i, _)| fold_of(*i) == fold) {
                plain.add(e, &m0);
                selft.add(e, &m1);
            }
        }
        (plain.prf(), selft.prf())
    }

    /// Precision, recall and F1 (percent, exact span and type match).
    pub fn evaluate(&self, data: &[NerExample]) -> (f64, f64, f64) {
        let mut c = Counts::default();
        for e in data {
            c.add(e, self);
        }
        c.prf()
    }

    /// Serialises the recogniser into a model file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut e = Enc::new();
        e.var(self.types.len() as u64);
        for t in &self.types {
            e.str(t.as_str());
        }
        self.gazetteer.encode(&mut e);
        self.clusters.encode(&mut e);
        self.weights.encode(&mut e);
        format::wrap("ner", NER_VERSION, &e.buf)
    }

    /// Loads a recogniser from model-file bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Ner, ModelError> {
        let body = format::unwrap_model("ner", NER_VERSION, bytes)?;
        let mut d = Dec::new(&body, "ner");
        let n = d.count()?;
        let mut types = Vec::with_capacity(n);
        for _ in 0..n {
            let s = d.str()?;
            types.push(NerLabel::parse(&s).ok_or_else(|| d.err(format!("unknown entity type {s}")))?);
        }
        let gazetteer = Gazetteer::decode(&mut d)?;
        let clusters = Clusters::decode(&mut d)?;
        let weights = Weights::decode(&mut d)?;
        if weights.n_classes() != 1 + 2 * types.len() {
            return Err(d.err("weights and entity types disagree"));
        }
        if !d.done() {
            return Err(d.err("trailing bytes"));
        }
        Ok(Ner { types, gazetteer, clusters, weights })
    }
}

/// Entity spans of a BIO class sequence.
fn spans_of(classes: &[usize], types: &[NerLabel]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < classes.len() {
        let c = classes[i];
        if c == 0 {
            i += 1;
            continue;
        }
        let t = (c - 1) / 2;
        let mut j = i + 1;
        while j < classes.len() && classes[j] == 2 + 2 * t {
            j += 1;
        }
        out.push((i..j, types[t]));
        i = j;
    }
    out
}

/// Entity spans of IOB2 strings (an I- without a matching B- starts a span,
/// as in conlleval).
pub fn spans_of_iob2(tags: &[String]) -> Vec<(std::ops::Range<usize>, String)> {
    let mut out: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let mut cur: Option<(usize, String)> = None;
    for (i, t) in tags.iter().enumerate() {
        let (bi, ty) = t.split_once('-').unwrap_or(("O", ""));
        let continues = bi == "I" && cur.as_ref().is_some_and(|(_, c)| c == ty);
        if !continues {
            if let Some((s, c)) = cur.take() {
                out.push((s..i, c));
            }
            if bi == "B" || bi == "I" {
                cur = Some((i, ty.to_string()));
            }
        }
    }
    if let Some((s, c)) = cur {
        out.push((s..tags.len(), c));
    }
    out
}

#[derive(Debug, Clone, Default)]
struct Counts {
    tp: usize,
    pred: usize,
    gold: usize,
}

impl Counts {
    fn add(&mut self, e: &NerExample, m: &Ner) {
        let forms: Vec<&str> = e.forms.iter().map(String::as_str).collect();
        let pred: Vec<(std::ops::Range<usize>, String)> =
            m.recognize(&forms, &e.xpos).into_iter().map(|(r, l)| (r, l.as_str().to_string())).collect();
        let gold = spans_of_iob2(&e.tags);
        self.tp += pred.iter().filter(|p| gold.contains(p)).count();
        self.pred += pred.len();
        self.gold += gold.len();
    }

    fn prf(&self) -> (f64, f64, f64) {
        let p = if self.pred == 0 { 0.0 } else { 100.0 * self.tp as f64 / self.pred as f64 };
        let r = if self.gold == 0 { 0.0 } else { 100.0 * self.tp as f64 / self.gold as f64 };
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        (p, r, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob2_spans() {
        let t: Vec<String> = ["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG"].iter().map(|s| s.to_string()).collect();
        let s = spans_of_iob2(&t);
        assert_eq!(s, vec![(0..2, "PER".into()), (3..4, "LOC".into()), (4..5, "ORG".into()), (5..6, "ORG".into())]);
    }

    #[test]
    fn bio_classes_to_spans() {
        let types = [NerLabel::PER, NerLabel::ORG, NerLabel::LOC];
        assert_eq!(
            spans_of(&[1, 2, 0, 5, 6, 6, 3], &types),
            vec![(0..2, NerLabel::PER), (3..6, NerLabel::LOC), (6..7, NerLabel::ORG)]
        );
    }
}
