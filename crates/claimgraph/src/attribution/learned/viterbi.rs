//! First-order Viterbi decoding over BIO-style tag sets, and the
//! structured-perceptron update that goes with it.

use super::weights::{Trainer, Weights};

/// Anything that scores hashed features: frozen weights at run time, the
/// trainer's current weights while training.
pub trait Score {
    /// Adds the weights of `feats` into `scores`.
    fn add(&self, feats: &[u64], scores: &mut [f32]);
}

impl Score for Weights {
    fn add(&self, feats: &[u64], scores: &mut [f32]) {
        self.score(feats, scores)
    }
}

impl Score for Trainer {
    fn add(&self, feats: &[u64], scores: &mut [f32]) {
        self.score(feats, scores)
    }
}

/// The feature of a transition out of `prev` (`None`: the sequence start).
#[inline]
pub fn trans_feature(prev: Option<usize>) -> u64 {
    claimgraph_nlp::hash::mix(0x7A11_5EED, prev.map(|p| p as u64 + 1).unwrap_or(0))
}

/// Decodes the best tag sequence. `em[t]` are the emission scores of
/// position `t`; `allowed(prev, cur)` says which transitions are legal
/// (`prev` is `None` at the start); `mask[t]` is a bit set of the tags
/// position `t` may take. Writes the tags into `out`.
pub fn decode<const K: usize>(
    em: &[[f32; K]],
    trans: &[[f32; K]; K],
    start: &[f32; K],
    allowed: impl Fn(Option<usize>, usize) -> bool,
    mask: &[u8],
    back: &mut Vec<[u8; K]>,
    out: &mut Vec<u8>,
) {
    out.clear();
    let n = em.len();
    if n == 0 {
        return;
    }
    back.clear();
    back.resize(n, [0; K]);
    let ok = |t: usize, c: usize| mask.get(t).is_none_or(|m| m & (1 << c) != 0);
    let mut cur = [f32::NEG_INFINITY; K];
    for c in 0..K {
        if ok(0, c) && allowed(None, c) {
            cur[c] = start[c] + em[0][c];
        }
    }
    for t in 1..n {
        let mut next = [f32::NEG_INFINITY; K];
        for c in 0..K {
            if !ok(t, c) {
                continue;
            }
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            for p in 0..K {
                if cur[p] == f32::NEG_INFINITY || !allowed(Some(p), c) {
                    continue;
                }
                let s = cur[p] + trans[p][c];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            if best > f32::NEG_INFINITY {
                next[c] = best + em[t][c];
                back[t][c] = arg;
            }
        }
        cur = next;
    }
    let mut last = 0;
    for c in 1..K {
        if cur[c] > cur[last] {
            last = c;
        }
    }
    out.resize(n, 0);
    out[n - 1] = last as u8;
    for t in (1..n).rev() {
        out[t - 1] = back[t][out[t] as usize];
    }
}

/// The transition scores (and start scores) of a model.
pub fn transitions<const K: usize>(w: &impl Score) -> ([[f32; K]; K], [f32; K]) {
    let mut trans = [[0f32; K]; K];
    for (p, row) in trans.iter_mut().enumerate() {
        w.add(&[trans_feature(Some(p))], row);
    }
    let mut start = [0f32; K];
    w.add(&[trans_feature(None)], &mut start);
    (trans, start)
}

/// The structured-perceptron update for one sequence: where the predicted
/// tags differ from the gold ones, the position's features move towards
/// the gold tag and away from the predicted one; differing transitions
/// likewise. `feats(t)` gives the features of position `t`.
pub fn update<'a>(tr: &mut Trainer, gold: &[u8], pred: &[u8], mut feats: impl FnMut(usize) -> &'a [u64]) -> bool {
    let mut wrong = false;
    for t in 0..gold.len() {
        let (g, p) = (gold[t] as usize, pred[t] as usize);
        if g != p {
            wrong = true;
            for &f in feats(t) {
                tr.update(f, g, 1.0);
                tr.update(f, p, -1.0);
            }
        }
        let gp = if t == 0 { None } else { Some(gold[t - 1] as usize) };
        let pp = if t == 0 { None } else { Some(pred[t - 1] as usize) };
        if gp != pp || g != p {
            tr.update(trans_feature(gp), g, 1.0);
            tr.update(trans_feature(pp), p, -1.0);
        }
    }
    wrong
}
