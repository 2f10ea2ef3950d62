//! Greedy transition-based dependency parser: arc-hybrid transitions chosen
//! by one averaged perceptron and arcs labelled by a second one at the
//! moment they are made (three classes to score per step instead of a hundred
//! keeps parsing fast), an averaged perceptron over rich Zhang & Nivre (2011)-style
//! feature templates, trained with a dynamic oracle and error exploration
//! (Goldberg & Nivre 2013) on projectivised trees, with part-of-speech tags
//! assigned by jackknifing so that training sees realistic tagging errors.

use rustc_hash::FxHashMap;

use crate::clusters::Clusters;
use crate::conllu::UdSentence;
use crate::core::ModelError;
use crate::format::{self, Dec, Enc};
use crate::hash::{self, f1, f2, f3, Rng};
use crate::labels::{DepRel, Xpos};
use crate::lex::{normalize, Lex};
use crate::perceptron::{Trainer, Weights};
use crate::tagger::{Tagger, TaggerOptions};
use crate::transition::{costs, projectivize, Move, State, NONE};

/// Version of the parser file format.
pub const PARSER_VERSION: u32 = 5;

/// Training settings.
#[derive(Debug, Clone)]
pub struct ParserOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// Shuffling and exploration seed.
    pub seed: u64,
    /// Probability of following the model's own (possibly wrong) move once
    /// exploration starts (after the first epoch).
    pub explore: f64,
    /// Folds for jackknifed training tags (0 or 1: gold tags).
    pub jackknife: usize,
    /// Settings of the jackknife taggers.
    pub tagger: TaggerOptions,
    /// Averaged weights below this are dropped when saving.
    pub prune: f32,
    /// Move weights (relative to SHIFT's) below this are dropped when
    /// saving: a third of the move features go, which keeps the move table
    /// small (it is looked up 84 times a move) at no cost in accuracy.
    pub move_prune: f32,
}

impl Default for ParserOptions {
    fn default() -> Self {
        ParserOptions {
            epochs: 15,
            seed: 1,
            explore: 0.9,
            jackknife: 10,
            tagger: TaggerOptions::default(),
            prune: 0.05,
            move_prune: 1.5,
        }
    }
}

/// The trained parser.
#[derive(Debug, Clone)]
pub struct Parser {
    labels: Vec<DepRel>,
    root_label: u8,
    /// Transition classifier: SHIFT, LEFT, RIGHT.
    weights: Weights,
    /// Arc labeller.
    label_weights: Weights,
}

/// Word, tag and suffix ids of a sentence, with the root appended at
/// index n. Built by [`Parser::input`].
pub struct Input {
    w: Vec<u64>,
    p: Vec<u64>,
    suf: Vec<u64>,
}

const ROOT_W: u64 = 0x5eed_0001;

impl Input {
    fn new(forms: &[&str], tags: &[Xpos]) -> Input {
        let mut buf = String::new();
        let mut w = Vec::with_capacity(forms.len() + 1);
        let mut p = Vec::with_capacity(forms.len() + 1);
        let mut suf = Vec::with_capacity(forms.len() + 1);
        for (f, t) in forms.iter().zip(tags) {
            normalize(f, &mut buf);
            w.push(hash::str(&buf));
            p.push(t.index() as u64 + 1);
            let cut = buf.char_indices().rev().nth(2).map_or(0, |(b, _)| b);
            suf.push(hash::str(&buf[cut..]));
        }
        w.push(ROOT_W);
        p.push(200);
        suf.push(ROOT_W);
        Input { w, p, suf }
    }

    /// The same ids from the words' lexical hashes ([`lex`](crate::lex::lex)):
    /// the normalised form is `norm`, and the hash of its last three
    /// characters is the third suffix hash without its tag (the whole form
    /// when it is shorter, which `lex` marks with a 0 suffix hash; a longer
    /// form hashing to exactly 0 is a 1-in-2^64 event).
    fn from_lexes(lexes: &[Lex], tags: &[Xpos]) -> Input {
        let mut w = Vec::with_capacity(lexes.len() + 1);
        let mut p = Vec::with_capacity(lexes.len() + 1);
        let mut suf = Vec::with_capacity(lexes.len() + 1);
        for (l, t) in lexes.iter().zip(tags) {
            w.push(l.norm);
            p.push(t.index() as u64 + 1);
            suf.push(if l.suf[2] != 0 { l.suf[2] ^ 3 } else { l.norm });
        }
        w.push(ROOT_W);
        p.push(200);
        suf.push(ROOT_W);
        Input { w, p, suf }
    }
}

/// Number of features of a configuration ([`features`]).
const N_FEATURES: usize = 84;

/// Writes the feature hashes of a configuration into `out` (replacing its
/// contents).
#[inline]
fn features(st: &State, x: &Input, out: &mut Vec<u64>) {
    let w = |i: u32| if i == NONE { 0 } else { x.w[i as usize] };
    let p = |i: u32| if i == NONE { 0 } else { x.p[i as usize] };
    let lab = |i: u32| if i == NONE { 0 } else { st.labels[i as usize] as u64 + 1 };
    let lc = |i: u32, k: usize| if i == NONE { NONE } else { st.lc[i as usize][k] };
    let rc = |i: u32, k: usize| if i == NONE { NONE } else { st.rc[i as usize][k] };
    let nl = |i: u32| if i == NONE { 0 } else { st.nl[i as usize] as u64 };
    let nr = |i: u32| if i == NONE { 0 } else { st.nr[i as usize] as u64 };
    let ls = |i: u32| if i == NONE { 0 } else { st.lset[i as usize] };
    let rs = |i: u32| if i == NONE { 0 } else { st.rset[i as usize] };

    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let (b0, b1, b2) = (st.buf(0), st.buf(1), st.buf(2));
    let (s0w, s0p, s1w, s1p, s2p) = (w(s0), p(s0), w(s1), p(s1), p(s2));
    let (b0w, b0p, b1w, b1p, b2w, b2p) = (w(b0), p(b0), w(b1), p(b1), w(b2), p(b2));
    let (s0l, s0l2, s0r, s0r2) = (lc(s0, 0), lc(s0, 1), rc(s0, 0), rc(s0, 1));
    let (s1l, s1r) = (lc(s1, 0), rc(s1, 0));
    let (b0l, b0l2) = (lc(b0, 0), lc(b0, 1));
    let dist = |a: u32, b: u32| if a == NONE || b == NONE { 0 } else { (b.abs_diff(a) as u64).min(10) };
    let d0 = dist(s0, b0);
    let d1 = dist(s1, s0);
    let s0wp = hash::mix(s0w, s0p);
    let b0wp = hash::mix(b0w, b0p);
    let s1wp = hash::mix(s1w, s1p);

    // Written in place: building the array and copying it into `out`
    // cost a tenth of this function.
    out.resize(N_FEATURES, 0);
    let o = &mut out[..N_FEATURES];
    o[0] = f1(0, 0);
    o[1] = f1(1, s0w);
    o[2] = f1(2, s0p);
    o[3] = f1(3, s0wp);
    o[4] = f1(4, b0w);
    o[5] = f1(5, b0p);
    o[6] = f1(6, b0wp);
    o[7] = f1(7, b1w);
    o[8] = f1(8, b1p);
    o[9] = f2(9, b1w, b1p);
    o[10] = f1(10, b2w);
    o[11] = f1(11, b2p);
    o[12] = f1(12, s1w);
    o[13] = f1(13, s1p);
    o[14] = f1(14, s1wp);
    o[15] = f1(15, s2p);
    o[16] = f1(16, w(s2));
    // Pairs.
    o[17] = f2(17, s0wp, b0wp);
    o[18] = f2(18, s0wp, b0w);
    o[19] = f2(19, s0w, b0wp);
    o[20] = f2(20, s0wp, b0p);
    o[21] = f2(21, s0p, b0wp);
    o[22] = f2(22, s0w, b0w);
    o[23] = f2(23, s0p, b0p);
    o[24] = f2(24, b0p, b1p);
    o[25] = f2(25, s1wp, s0wp);
    o[26] = f2(26, s1w, s0w);
    o[27] = f2(27, s1p, s0p);
    o[28] = f2(28, s1wp, s0p);
    o[29] = f2(29, s1p, s0wp);
    // Triples of tags.
    o[30] = f3(30, b0p, b1p, b2p);
    o[31] = f3(31, s0p, b0p, b1p);
    o[32] = f3(32, s1p, s0p, b0p);
    o[33] = f3(33, s0p, p(s0l), b0p);
    o[34] = f3(34, s0p, p(s0r), b0p);
    o[35] = f3(35, s0p, b0p, p(b0l));
    o[36] = f3(36, s2p, s1p, s0p);
    o[37] = f3(37, s1p, p(s1r), s0p);
    o[38] = f3(38, s1p, s0p, p(s0l));
    o[39] = f3(39, s1p, s0p, p(s0r));
    // Distance.
    o[40] = f2(40, s0w, d0);
    o[41] = f2(41, s0p, d0);
    o[42] = f2(42, b0w, d0);
    o[43] = f2(43, b0p, d0);
    o[44] = f3(44, s0w, b0w, d0);
    o[45] = f3(45, s0p, b0p, d0);
    o[46] = f3(46, s1p, s0p, d1);
    o[47] = f3(47, s1w, s0w, d1);
    // Valency.
    o[48] = f2(48, s0w, nr(s0));
    o[49] = f2(49, s0p, nr(s0));
    o[50] = f2(50, s0w, nl(s0));
    o[51] = f2(51, s0p, nl(s0));
    o[52] = f2(52, b0w, nl(b0));
    o[53] = f2(53, b0p, nl(b0));
    o[54] = f2(54, s1p, nr(s1));
    // Children.
    o[55] = f1(55, w(s0l));
    o[56] = f1(56, p(s0l));
    o[57] = f1(57, lab(s0l));
    o[58] = f1(58, w(s0r));
    o[59] = f1(59, p(s0r));
    o[60] = f1(60, lab(s0r));
    o[61] = f1(61, w(b0l));
    o[62] = f1(62, p(b0l));
    o[63] = f1(63, lab(b0l));
    o[64] = f1(64, p(s1r));
    o[65] = f1(65, lab(s1r));
    o[66] = f1(66, p(s1l));
    o[67] = f1(67, lab(s1l));
    o[68] = f2(68, p(s0l2), lab(s0l2));
    o[69] = f2(69, p(s0r2), lab(s0r2));
    o[70] = f2(70, p(b0l2), lab(b0l2));
    o[71] = f3(71, s0p, p(s0l), p(s0l2));
    o[72] = f3(72, s0p, p(s0r), p(s0r2));
    o[73] = f3(73, b0p, p(b0l), p(b0l2));
    o[74] = f3(74, s0p, lab(s0l), lab(s0r));
    o[75] = f2(75, s1p, lab(s1r));
    // Label sets.
    o[76] = f2(76, s0w, rs(s0));
    o[77] = f2(77, s0p, rs(s0));
    o[78] = f2(78, s0w, ls(s0));
    o[79] = f2(79, s0p, ls(s0));
    o[80] = f2(80, b0w, ls(b0));
    o[81] = f2(81, b0p, ls(b0));
    o[82] = f2(82, s1p, rs(s1));
    // Stack depth matters near the root.
    o[83] = f2(83, (st.stack.len() as u64).min(4), u64::from(st.b >= st.n));
}

/// Writes the features of labelling the arc `h → d` (made by `left` or
/// right move) into `out`. The dependent's subtree is complete when it is
/// attached, so its children's labels are final.
#[inline]
fn label_features(st: &State, x: &Input, h: u32, d: u32, out: &mut Vec<u64>) {
    out.clear();
    let (hu, du) = (h as usize, d as usize);
    let dir = if h as usize == st.n { 2 } else { u64::from(d > h) };
    let (dw, dp, hw, hp) = (x.w[du], x.p[du], x.w[hu], x.p[hu]);
    let p = |i: u32| if i == NONE { 0 } else { x.p[i as usize] };
    let lab = |i: u32| if i == NONE { 0 } else { st.labels[i as usize] as u64 + 1 };
    let (dl, dr) = (st.lc[du][0], st.rc[du][0]);
    let hside = if d < h { st.lc[hu][0] } else { st.rc[hu][0] };
    let dist = (h.abs_diff(d) as u64).min(8);
    let prev = if du > 0 { x.p[du - 1] } else { 0 };
    let next = x.p[du + 1];
    out.extend_from_slice(&[
        f1(100, dir),
        f2(101, dir, dp),
        f3(102, dir, dp, hp),
        f3(103, dir, dw, hp),
        f3(104, dir, dp, hw),
        f3(105, dir, dw, hw),
        f2(106, dir, dw),
        f2(107, dir, hw),
        f3(108, dir, dp, lab(dl)),
        f3(109, dir, dp, lab(dr)),
        f3(110, dir, dp, st.lset[du]),
        f3(111, dir, dp, st.rset[du]),
        f3(112, dir, hp, lab(hside)),
        f3(113, dir, dp, dist),
        f3(114, dir, dp, next),
        f3(115, dir, dp, prev),
        f3(116, dir, hp, p(dl)),
        f3(117, dir, dp, p(dr)),
        f3(118, dir, dw, lab(dl)),
        f3(119, dir, hash::mix(dp, hp), p(st.buf(0))),
        f3(120, dir, dp, (st.nl[du] as u64).min(3) * 4 + (st.nr[du] as u64).min(3)),
        f3(121, dir, hw, dp),
        f3(125, dir, dp, if d < h { st.lset[hu] } else { st.rset[hu] }),
        f3(126, dir, lab(dl), lab(dr)),
        f3(127, dir, dp, x.suf[du]),
        f3(128, dir, hp, p(hside)),
        f3(129, dir, x.suf[du], hp),
        f2(130, dir, hash::mix(hash::mix(dp, hp), lab(hside))),
    ]);
}

impl Parser {
    /// The label set.
    pub fn labels(&self) -> &[DepRel] {
        &self.labels
    }

    /// The parser's input for word forms and their XPOS tags.
    pub fn input(&self, forms: &[&str], tags: &[Xpos]) -> Input {
        Input::new(forms, tags)
    }

    /// [`Parser::input`] from the words' lexical hashes ([`lex`](crate::lex::lex)).
    pub(crate) fn input_lexes(&self, lexes: &[Lex], tags: &[Xpos]) -> Input {
        Input::from_lexes(lexes, tags)
    }

    /// Parses one sentence. Returns, for each word, its head (`None` for the
    /// root) and relation.
    pub fn parse(&self, x: &Input) -> Vec<(Option<usize>, DepRel)> {
        let n = x.w.len() - 1;
        let mut st = State::new(n);
        let mut feats = Vec::with_capacity(96);
        let mut scores = [0f32; 3];
        let mut lscores = vec![0f32; self.labels.len()];
        while !st.is_terminal() {
            // A forced move needs no scores: with one valid kind (an empty
            // stack: shift; one word left before the root: left) the scores,
            // always finite, could only pick it. About one move in ten is
            // forced (16,582 -> 14,847 scorings on 10 PolNeAR texts), and
            // scoring is most of the parser's cost.
            let kind = match st.valid() {
                (true, false, false) => 0,
                (false, true, false) => 1,
                (false, false, true) => 2,
                _ => {
                    features(&st, x, &mut feats);
                    self.weights.score(&feats, &mut scores);
                    best_valid(&st, &scores)
                }
            };
            let mv = self.label_move(&st, x, kind, &mut feats, &mut lscores);
            st.apply(mv);
        }
        (0..n)
            .map(|i| {
                let h = st.heads[i];
                let head = if h == NONE || h as usize == n { None } else { Some(h as usize) };
                let rel = if head.is_none() { DepRel::ROOT } else { self.labels[st.labels[i] as usize] };
                (head, rel)
            })
            .collect()
    }

    /// A copy with weights below `threshold` dropped (smaller and faster).
    pub fn pruned(&self, threshold: f32) -> Parser {
        Parser {
            labels: self.labels.clone(),
            root_label: self.root_label,
            weights: self.weights.pruned(threshold),
            label_weights: self.label_weights.pruned(threshold),
        }
    }

    /// Turns an unlabelled move kind (0 shift, 1 left, 2 right) into a move
    /// with the labeller's best label.
    #[inline]
    fn label_move(&self, st: &State, x: &Input, kind: usize, feats: &mut Vec<u64>, lscores: &mut [f32]) -> Move {
        match kind {
            0 => Move::Shift,
            1 if st.b == st.n => Move::Left(self.root_label),
            _ => {
                let (h, d) = if kind == 1 { (st.b as u32, st.s(0)) } else { (st.s(1), st.s(0)) };
                label_features(st, x, h, d, feats);
                self.label_weights.score(feats, lscores);
                let l = best_label(lscores, self.root_label);
                if kind == 1 {
                    Move::Left(l)
                } else {
                    Move::Right(l)
                }
            }
        }
    }

    /// Trains a parser; see [`ParserOptions`]. `dev` (if not empty) picks the
    /// best epoch by LAS. `log` receives progress lines.
    pub fn train(
        train: &[UdSentence],
        dev: &[UdSentence],
        clusters: &Clusters,
        opts: &ParserOptions,
        log: &mut dyn FnMut(&str),
    ) -> Parser {
        // Labels.
        let mut labels: Vec<DepRel> = Vec::new();
        let mut label_of: FxHashMap<DepRel, u8> = FxHashMap::default();
        labels.push(DepRel::ROOT);
        label_of.insert(DepRel::ROOT, 0);
        for s in train {
            for w in &s.words {
                label_of.entry(w.deprel).or_insert_with(|| {
                    labels.push(w.deprel);
                    (labels.len() - 1) as u8
                });
            }
        }
        let nl = labels.len();
        let root_label = 0u8;

        // Tags: jackknifed for training, a full-data tagger for dev.
        let train_tags = jackknife_tags(train, clusters, opts, log);
        let dev_tags: Vec<Vec<Xpos>> = if dev.is_empty() {
            Vec::new()
        } else {
            let tagger = Tagger::train(train, &[], clusters, &opts.tagger, &mut |_| {});
            dev.iter().map(|s| tag_xpos(&tagger, s)).collect()
        };

        // Gold trees (projectivised), heads as node ids with n = root.
        let golds: Vec<(Vec<u32>, Vec<u8>)> = train
            .iter()
            .map(|s| {
                let mut h: Vec<usize> = s.words.iter().map(|w| w.head).collect();
                projectivize(&mut h);
                let n = h.len() as u32;
                let heads = h.iter().map(|&h| if h == 0 { n } else { h as u32 - 1 }).collect();
                let labs = s.words.iter().map(|w| if w.head == 0 { 0 } else { label_of[&w.deprel] }).collect();
                (heads, labs)
            })
            .collect();
        let inputs: Vec<Input> = train
            .iter()
            .zip(&train_tags)
            .map(|(s, t)| Input::new(&s.words.iter().map(|w| w.form.as_str()).collect::<Vec<_>>(), t))
            .collect();

        let mut model = Parser {
            labels: labels.clone(),
            root_label,
            weights: Weights::default(),
            label_weights: Weights::default(),
        };
        let mut trainer = Trainer::new(3);
        let mut ltrainer = Trainer::new(nl);
        let mut rng = Rng::new(opts.seed);
        let mut order: Vec<usize> = (0..train.len()).collect();
        let mut feats = Vec::with_capacity(96);
        let mut lfeats = Vec::with_capacity(32);
        let mut lscores = vec![0f32; nl];
        let mut st = State::new(0);
        let mut best: Option<(f64, Weights, Weights)> = None;
        for epoch in 0..opts.epochs {
            rng.shuffle(&mut order);
            let (mut errors, mut moves, mut lerrors, mut arcs) = (0usize, 0usize, 0usize, 0usize);
            for &si in &order {
                let (gold, glab) = &golds[si];
                let x = &inputs[si];
                st.reset(gold.len());
                while !st.is_terminal() {
                    features(&st, x, &mut feats);
                    let mut scores = [0f32; 3];
                    trainer.score(&feats, &mut scores);
                    let pred = best_valid(&st, &scores);
                    let (vs, vl, vr) = st.valid();
                    let (cs, cl, cr) = costs(&st, gold);
                    let cost = [
                        if vs { cs } else { u32::MAX },
                        if vl { cl } else { u32::MAX },
                        if vr { cr } else { u32::MAX },
                    ];
                    let min = cost.iter().copied().min().unwrap_or(0);
                    let target = (0..3)
                        .filter(|&k| cost[k] == min)
                        .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))
                        .unwrap_or(0);
                    trainer.tick();
                    if cost[pred] > min {
                        trainer.update(&feats, target, pred);
                        errors += 1;
                    }
                    moves += 1;
                    let kind = if epoch >= 1 && rng.next_f64() < opts.explore { pred } else { target };
                    // Label: learn from every gold arc the parser makes.
                    let mv = match kind {
                        0 => Move::Shift,
                        1 if st.b == st.n => Move::Left(root_label),
                        _ => {
                            let (h, d) = if kind == 1 { (st.b as u32, st.s(0)) } else { (st.s(1), st.s(0)) };
                            label_features(&st, x, h, d, &mut lfeats);
                            lscores.iter_mut().for_each(|s| *s = 0.0);
                            ltrainer.score(&lfeats, &mut lscores);
                            let guess = best_label(&lscores, root_label);
                            let l = if gold[d as usize] == h {
                                let g = glab[d as usize];
                                ltrainer.tick();
                                if g != guess {
                                    ltrainer.update(&lfeats, g as usize, guess as usize);
                                    lerrors += 1;
                                }
                                arcs += 1;
                                g
                            } else {
                                guess
                            };
                            if kind == 1 {
                                Move::Left(l)
                            } else {
                                Move::Right(l)
                            }
                        }
                    };
                    st.apply(mv);
                }
            }
            model.weights = trainer.freeze(opts.move_prune.max(opts.prune));
            model.label_weights = ltrainer.freeze(opts.prune);
            let err = 100.0 * errors as f64 / moves.max(1) as f64;
            let lerr = 100.0 * lerrors as f64 / arcs.max(1) as f64;
            if dev.is_empty() {
                log(&format!("parser epoch {}: move errors {err:.2}%, label errors {lerr:.2}%", epoch + 1));
                continue;
            }
            let (uas, las) = model.attachment(dev, &dev_tags);
            log(&format!(
                "parser epoch {}: move errors {err:.2}%, label errors {lerr:.2}%  dev UAS {uas:.2} LAS {las:.2}  ({}+{} features, {}+{} weights)",
                epoch + 1,
                model.weights.n_features(),
                model.label_weights.n_features(),
                model.weights.n_weights(),
                model.label_weights.n_weights(),
            ));
            if best.as_ref().is_none_or(|b| las > b.0) {
                best = Some((las, model.weights.clone(), model.label_weights.clone()));
            }
        }
        if let Some((_, w, lw)) = best {
            model.weights = w;
            model.label_weights = lw;
        }
        model
    }

    /// UAS and LAS (percent, punctuation included) with the given tags.
    pub fn attachment(&self, sents: &[UdSentence], tags: &[Vec<Xpos>]) -> (f64, f64) {
        let (mut u, mut l, mut n) = (0usize, 0usize, 0usize);
        for (s, t) in sents.iter().zip(tags) {
            let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            let out = self.parse(&self.input(&forms, t));
            for (w, (h, r)) in s.words.iter().zip(out) {
                let gh = w.head.checked_sub(1);
                if gh == h {
                    u += 1;
                    l += usize::from(r == w.deprel);
                }
                n += 1;
            }
        }
        (100.0 * u as f64 / n.max(1) as f64, 100.0 * l as f64 / n.max(1) as f64)
    }

    /// Serialises the parser into a model file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut e = Enc::new();
        e.var(self.labels.len() as u64);
        for l in &self.labels {
            e.str(l.as_str());
        }
        e.u8(self.root_label);
        self.weights.encode(&mut e);
        self.label_weights.encode(&mut e);
        format::wrap("parser", PARSER_VERSION, &e.buf)
    }

    /// Loads a parser from model-file bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Parser, ModelError> {
        let body = format::unwrap_model("parser", PARSER_VERSION, bytes)?;
        let mut d = Dec::new(&body, "parser");
        let n = d.count()?;
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            let s = d.str()?;
            labels.push(DepRel::parse(&s).ok_or_else(|| d.err(format!("unknown relation {s}")))?);
        }
        let root_label = d.u8()?;
        if root_label as usize >= labels.len() || labels.len() > 63 {
            return Err(d.err("bad label set"));
        }
        let weights = Weights::decode(&mut d)?;
        let label_weights = Weights::decode(&mut d)?;
        if weights.n_classes() != 3 || label_weights.n_classes() != labels.len() {
            return Err(d.err("weights and labels disagree"));
        }
        if !d.done() {
            return Err(d.err("trailing bytes"));
        }
        Ok(Parser { labels, root_label, weights, label_weights })
    }
}

/// The highest-scoring valid move kind: 0 shift, 1 left, 2 right.
#[inline]
fn best_valid(st: &State, scores: &[f32; 3]) -> usize {
    let (vs, vl, vr) = st.valid();
    let mut best = 0;
    let mut best_s = f32::NEG_INFINITY;
    for (k, ok) in [vs, vl, vr].into_iter().enumerate() {
        if ok && scores[k] > best_s {
            best_s = scores[k];
            best = k;
        }
    }
    best
}

fn best_label(scores: &[f32], root_label: u8) -> u8 {
    let mut best = if root_label == 0 { 1 } else { 0 };
    for (l, &s) in scores.iter().enumerate() {
        if l as u8 != root_label && s > scores[best] {
            best = l;
        }
    }
    best as u8
}

fn tag_xpos(tagger: &Tagger, s: &UdSentence) -> Vec<Xpos> {
    let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
    tagger.tag(&forms).into_iter().map(|t| t.1).collect()
}

/// Tags of the training sentences, each fold tagged by a tagger trained on
/// the other folds (gold tags when `jackknife` < 2).
fn jackknife_tags(
    train: &[UdSentence],
    clusters: &Clusters,
    opts: &ParserOptions,
    log: &mut dyn FnMut(&str),
) -> Vec<Vec<Xpos>> {
    let k = opts.jackknife;
    if k < 2 {
        return train.iter().map(|s| s.words.iter().map(|w| w.xpos).collect()).collect();
    }
    let mut tags = vec![Vec::new(); train.len()];
    let (mut right, mut total) = (0usize, 0usize);
    // Contiguous folds, so that sentences of one document tag each other
    // as little as possible (interleaved folds leak and flatter the tags).
    let n = train.len();
    let fold_of = |i: usize| i * k / n.max(1);
    for fold in 0..k {
        let rest: Vec<UdSentence> =
            train.iter().enumerate().filter(|(i, _)| fold_of(*i) != fold).map(|(_, s)| s.clone()).collect();
        let tagger = Tagger::train(&rest, &[], clusters, &opts.tagger, &mut |_| {});
        for (i, s) in train.iter().enumerate().filter(|(i, _)| fold_of(*i) == fold) {
            let t = tag_xpos(&tagger, s);
            right += t.iter().zip(&s.words).filter(|(a, w)| **a == w.xpos).count();
            total += t.len();
            tags[i] = t;
        }
    }
    log(&format!("jackknife ({k} folds): training XPOS accuracy {:.2}", 100.0 * right as f64 / total.max(1) as f64));
    tags
}
