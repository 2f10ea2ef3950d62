//! Viterbi decoding for the role tagger with run counts in the state.
//!
//! A plain first-order tagger happily opens a second source span or a stray
//! third content fragment in the next sentence. Here the state is the tag
//! together with how many source runs (0 or 1: at most one source span)
//! and content runs (0, 1, or "2 or more") have been opened so far, and
//! the transition weights depend on those counts, so the model learns how
//! much evidence a second content fragment needs ("“A,” he said, “B.”")
//! while a second source is impossible.

use claimgraph_nlp::hash::mix;

use super::roles::{BC, BS, IC, IS, K, O};
use super::viterbi::Score;
use super::weights::Trainer;

/// Source-run counts kept (0, 1).
const S: usize = 2;
/// Content-run counts kept (0, 1, 2+).
const C: usize = 3;
/// Number of states.
pub const NS: usize = K * S * C;

#[inline]
fn state(tag: usize, s: usize, c: usize) -> usize {
    (tag * S + s) * C + c
}

#[inline]
fn unstate(x: usize) -> (usize, usize, usize) {
    (x / (S * C), (x / C) % S, x % C)
}

/// The counts after emitting `tag` from counts `(s, c)`, or `None` when
/// the tag is not allowed there (a second source run).
#[inline]
fn after(tag: u8, s: usize, c: usize) -> Option<(usize, usize)> {
    match tag {
        BS if s >= 1 => None,
        BS => Some((1, c)),
        BC => Some((s, (c + 1).min(C - 1))),
        _ => Some((s, c)),
    }
}

/// True when `cur` may follow `prev` (`None`: the start): an inside tag
/// continues a run of its own role.
#[inline]
fn follows(prev: Option<u8>, cur: u8) -> bool {
    match cur {
        IS => matches!(prev, Some(BS | IS)),
        IC => matches!(prev, Some(BC | IC)),
        _ => true,
    }
}

/// The feature of a transition out of tag `prev` (`None`: the start) with
/// counts `(s, c)`.
#[inline]
pub fn feature(prev: Option<u8>, s: usize, c: usize) -> u64 {
    mix(mix(0x05EC_00D5, prev.map(|p| u64::from(p) + 1).unwrap_or(0)), (s * C + c) as u64)
}

/// The feature of ending the window with counts `(s, c)` (scored as
/// class 0): whether a cue without a source, or with two content runs, is
/// likely.
#[inline]
pub fn end_feature(s: usize, c: usize) -> u64 {
    mix(mix(0xE0D_0F5E, 7), (s * C + c) as u64)
}

/// The transition scores of a model: `.0[prev tag or start][s][c][cur
/// tag]`, and `.1[s][c]` the score of ending with those counts.
pub type Trans = ([[[[f32; K]; C]; S]; K + 1], [[f32; C]; S]);

/// Reads the transition scores from weights.
pub fn transitions(w: &impl Score) -> Trans {
    let mut t = [[[[0.0; K]; C]; S]; K + 1];
    for (p, ps) in t.iter_mut().enumerate() {
        let prev = (p < K).then_some(p as u8);
        for (s, ss) in ps.iter_mut().enumerate() {
            for (c, row) in ss.iter_mut().enumerate() {
                w.add(&[feature(prev, s, c)], row);
            }
        }
    }
    let mut end = [[0.0; C]; S];
    for (s, row) in end.iter_mut().enumerate() {
        for (c, x) in row.iter_mut().enumerate() {
            let mut r = [0f32; K];
            w.add(&[end_feature(s, c)], &mut r);
            *x = r[0];
        }
    }
    (t, end)
}

/// Marks a transition [`NEXT`] forbids.
const NO_STATE: u8 = u8::MAX;

/// The state reached from each state by each tag ([`NO_STATE`] when the tag
/// may not follow it), so that decoding looks the rules of [`follows`] and
/// [`after`] up instead of evaluating them for every position.
static NEXT: [[u8; K]; NS] = {
    let mut t = [[NO_STATE; K]; NS];
    let mut from = 0;
    while from < NS {
        let (p, s, c) = (from / (S * C), (from / C) % S, from % C);
        let mut tag = 0;
        while tag < K {
            let cur = tag as u8;
            let ok = match cur {
                IS => p as u8 == BS || p as u8 == IS,
                IC => p as u8 == BC || p as u8 == IC,
                _ => true,
            };
            // `after`: a second source run is not allowed; content runs
            // count up to "2 or more".
            let counts = match cur {
                BS if s >= 1 => None,
                BS => Some((1, c)),
                BC => Some((s, if c + 1 < C - 1 { c + 1 } else { C - 1 })),
                _ => Some((s, c)),
            };
            if let (true, Some((s2, c2))) = (ok, counts) {
                t[from][tag] = ((tag * S + s2) * C + c2) as u8;
            }
            tag += 1;
        }
        from += 1;
    }
    t
};

/// Decodes the best tag sequence: `em[t]` emission scores, `mask[t]` the
/// tags allowed at `t` (bit set). Writes the tags into `out`.
pub fn decode(em: &[[f32; K]], mask: &[u8], trans: &Trans, back: &mut Vec<[u8; NS]>, out: &mut Vec<u8>) {
    out.clear();
    let n = em.len();
    if n == 0 {
        return;
    }
    back.clear();
    back.resize(n, [0; NS]);
    let ok = |t: usize, tag: usize| mask.get(t).is_none_or(|m| m & (1 << tag) != 0);
    let mut cur = [f32::NEG_INFINITY; NS];
    for tag in 0..K {
        if !ok(0, tag) || !follows(None, tag as u8) {
            continue;
        }
        if let Some((s, c)) = after(tag as u8, 0, 0) {
            cur[state(tag, s, c)] = trans.0[K][0][0][tag] + em[0][tag];
        }
    }
    for t in 1..n {
        let mut next = [f32::NEG_INFINITY; NS];
        let bt = &mut back[t];
        let m = mask.get(t).map_or(u8::MAX, |&m| m);
        for (from, &score) in cur.iter().enumerate() {
            if score == f32::NEG_INFINITY {
                continue;
            }
            let (p, s, c) = unstate(from);
            let row = &trans.0[p][s][c];
            for (tag, &to) in NEXT[from].iter().enumerate() {
                if m & (1 << tag) == 0 || to == NO_STATE {
                    continue;
                }
                let to = usize::from(to);
                let v = score + row[tag] + em[t][tag];
                if v > next[to] {
                    next[to] = v;
                    bt[to] = from as u8;
                }
            }
        }
        cur = next;
    }
    for (x, v) in cur.iter_mut().enumerate() {
        let (_, s, c) = unstate(x);
        *v += trans.1[s][c];
    }
    let mut best = 0;
    for x in 1..NS {
        if cur[x] > cur[best] {
            best = x;
        }
    }
    out.resize(n, O);
    let mut x = best;
    for t in (0..n).rev() {
        out[t] = unstate(x).0 as u8;
        if t > 0 {
            x = back[t][x] as usize;
        }
    }
}

/// The transition features a tag sequence uses, with the tag each one
/// scores, then its end feature.
fn path(tags: &[u8], out: &mut Vec<(u64, usize)>) {
    out.clear();
    let (mut s, mut c) = (0, 0);
    let mut prev: Option<u8> = None;
    for &tag in tags {
        out.push((feature(prev, s, c), tag as usize));
        // A gold sequence may open a second source run: count it as one.
        let (s2, c2) = after(tag, s, c).unwrap_or((s, c));
        s = s2;
        c = c2;
        prev = Some(tag);
    }
    out.push((end_feature(s, c), 0));
}

/// Scratch space for [`update`]: the transition paths of the gold and the
/// predicted sequence.
pub type Scratch = (Vec<(u64, usize)>, Vec<(u64, usize)>);

/// The structured-perceptron update for one window: emission features of
/// positions whose tags differ, and every transition of the two paths
/// (shared ones cancel out). Returns true when the sequences differ.
pub fn update<'a>(
    tr: &mut Trainer,
    gold: &[u8],
    pred: &[u8],
    mut feats: impl FnMut(usize) -> &'a [u64],
    scratch: &mut Scratch,
) -> bool {
    if gold == pred {
        return false;
    }
    for t in 0..gold.len() {
        let (g, p) = (gold[t] as usize, pred[t] as usize);
        if g != p {
            for &f in feats(t) {
                tr.update(f, g, 1.0);
                tr.update(f, p, -1.0);
            }
        }
    }
    path(gold, &mut scratch.0);
    path(pred, &mut scratch.1);
    for (a, b) in scratch.0.iter().zip(&scratch.1) {
        if a != b {
            tr.update(a.0, a.1, 1.0);
            tr.update(b.0, b.1, -1.0);
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_transition_table_follows_the_rules() {
        for (from, next) in NEXT.iter().enumerate() {
            let (p, s, c) = unstate(from);
            for tag in 0..K as u8 {
                let want = match (follows(Some(p as u8), tag), after(tag, s, c)) {
                    (true, Some((s2, c2))) => state(tag as usize, s2, c2) as u8,
                    _ => NO_STATE,
                };
                assert_eq!(next[tag as usize], want, "state {from}, tag {tag}");
            }
        }
    }

    #[test]
    fn at_most_one_source_run() {
        // Emissions that favour two separate source runs.
        let mut em = vec![[0f32; K]; 5];
        em[0][BS as usize] = 5.0;
        em[2][BS as usize] = 4.0;
        em[1][O as usize] = 3.0;
        em[3][BC as usize] = 2.0;
        em[4][IC as usize] = 2.0;
        let trans: Trans = ([[[[0.0; K]; C]; S]; K + 1], [[0.0; C]; S]);
        let (mut back, mut out) = (Vec::new(), Vec::new());
        decode(&em, &[], &trans, &mut back, &mut out);
        assert_eq!(out.iter().filter(|&&t| t == BS).count(), 1, "{out:?}");
        assert_eq!(out[0], BS);
        assert_eq!(&out[3..], &[BC, IC]);
    }
}
