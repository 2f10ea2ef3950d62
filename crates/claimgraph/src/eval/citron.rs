//! Citron's end-to-end attribution metrics (BBC R&D's `citron/metrics.py`,
//! as described in the attribution anchor notes), per article and summed.
//!
//! * **cue**: a predicted cue is right when it equals a gold cue.
//! * **source** / **content**: a predicted attribution is right when some
//!   gold attribution has a cue *overlapping* its cue and the whole list of
//!   source (content) spans is equal. So these are conditioned on finding
//!   the cue.
//! * **all**: cue equal, source list equal and content list equal.
//! * **overlap**: token-overlap precision = overlapping units / predicted
//!   units and recall = overlapping units / gold units, per role. Overlaps
//!   are summed over cue-matched pairs (each predicted attribution paired
//!   with at most one gold one, greatest cue overlap first); the
//!   denominators are all predicted and all gold units, as in Citron.
//!   (Citron's "all spans overlap" line passes the two lengths in swapped
//!   order; that bug is not reproduced.)
//!
//! Precision counts the predicted attributions that are right, recall the
//! gold attributions that some prediction gets right. Citron's code puts
//! its predicted-side true-positive count in the recall too; the two agree
//! whenever no two predictions match the same gold attribution.

use serde::Serialize;

use super::spans::{Attribution, Extent};

/// Matches on both sides of one exact metric.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Count {
    /// Predicted items that match.
    pub matched_pred: usize,
    /// Predicted items.
    pub pred: usize,
    /// Gold items that are matched.
    pub matched_gold: usize,
    /// Gold items.
    pub gold: usize,
}

impl Count {
    /// Adds another count.
    pub fn add(&mut self, o: &Count) {
        self.matched_pred += o.matched_pred;
        self.pred += o.pred;
        self.matched_gold += o.matched_gold;
        self.gold += o.gold;
    }
    /// Precision, recall and F1 in percent.
    pub fn prf(&self) -> Prf {
        Prf::new(ratio(self.matched_pred, self.pred), ratio(self.matched_gold, self.gold))
    }
}

/// Summed overlap of one role.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Overlap {
    /// Units shared by matched predicted and gold spans.
    pub overlap: usize,
    /// Units of all predicted spans.
    pub pred: usize,
    /// Units of all gold spans.
    pub gold: usize,
}

impl Overlap {
    /// Adds another overlap.
    pub fn add(&mut self, o: &Overlap) {
        self.overlap += o.overlap;
        self.pred += o.pred;
        self.gold += o.gold;
    }
    /// Precision, recall and F1 in percent.
    pub fn prf(&self) -> Prf {
        Prf::new(ratio(self.overlap, self.pred), ratio(self.overlap, self.gold))
    }
}

/// Precision, recall and F1, in percent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F1.
    pub f1: f64,
}

impl Prf {
    /// From precision and recall as fractions.
    pub fn new(p: f64, r: f64) -> Prf {
        let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        Prf { p: round(100.0 * p), r: round(100.0 * r), f1: round(100.0 * f1) }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Two decimals are more than the data can tell apart.
fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Citron's counts for one or more articles.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct CitronCounts {
    /// Cue exact.
    pub cue: Count,
    /// Source list exact, on cue-overlapping attributions.
    pub source: Count,
    /// Content list exact, on cue-overlapping attributions.
    pub content: Count,
    /// Cue, sources and contents all exact.
    pub all: Count,
    /// Cue overlap.
    pub overlap_cue: Overlap,
    /// Source overlap.
    pub overlap_source: Overlap,
    /// Content overlap.
    pub overlap_content: Overlap,
}

impl CitronCounts {
    /// Adds another article's counts.
    pub fn add(&mut self, o: &CitronCounts) {
        self.cue.add(&o.cue);
        self.source.add(&o.source);
        self.content.add(&o.content);
        self.all.add(&o.all);
        self.overlap_cue.add(&o.overlap_cue);
        self.overlap_source.add(&o.overlap_source);
        self.overlap_content.add(&o.overlap_content);
    }
}

/// Counts matches between `pred` and `gold` for a relation `m(pred, gold)`.
fn count(gold: &[Attribution], pred: &[Attribution], m: impl Fn(&Attribution, &Attribution) -> bool) -> Count {
    Count {
        matched_pred: pred.iter().filter(|p| gold.iter().any(|g| m(p, g))).count(),
        pred: pred.len(),
        matched_gold: gold.iter().filter(|g| pred.iter().any(|p| m(p, g))).count(),
        gold: gold.len(),
    }
}

/// Citron's counts for one article. Both sides must be in the same unit
/// (see [`super::spans::Units::normalise`]).
pub fn score(gold: &[Attribution], pred: &[Attribution]) -> CitronCounts {
    let cue_overlap = |p: &Attribution, g: &Attribution| p.cue.overlaps(g.cue);
    let mut c = CitronCounts {
        cue: count(gold, pred, |p, g| p.cue == g.cue),
        source: count(gold, pred, |p, g| cue_overlap(p, g) && p.sources == g.sources),
        content: count(gold, pred, |p, g| cue_overlap(p, g) && p.contents == g.contents),
        all: count(gold, pred, |p, g| p.cue == g.cue && p.sources == g.sources && p.contents == g.contents),
        ..Default::default()
    };
    for p in pred {
        c.overlap_cue.pred += p.cue.len();
        c.overlap_source.pred += total(&p.sources);
        c.overlap_content.pred += total(&p.contents);
    }
    for g in gold {
        c.overlap_cue.gold += g.cue.len();
        c.overlap_source.gold += total(&g.sources);
        c.overlap_content.gold += total(&g.contents);
    }
    for (pi, gi) in pair_by_cue(gold, pred) {
        let (p, g) = (&pred[pi], &gold[gi]);
        c.overlap_cue.overlap += p.cue.overlap(g.cue);
        c.overlap_source.overlap += shared(&p.sources, &g.sources);
        c.overlap_content.overlap += shared(&p.contents, &g.contents);
    }
    c
}

/// Pairs predicted with gold attributions one to one by cue overlap,
/// greatest overlap first (ties: text order). Returns (pred, gold) indices.
pub fn pair_by_cue(gold: &[Attribution], pred: &[Attribution]) -> Vec<(usize, usize)> {
    let mut cands: Vec<(usize, usize, usize)> = Vec::new();
    for (pi, p) in pred.iter().enumerate() {
        for (gi, g) in gold.iter().enumerate() {
            let ov = p.cue.overlap(g.cue);
            if ov > 0 {
                cands.push((ov, pi, gi));
            }
        }
    }
    cands.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut used_p = vec![false; pred.len()];
    let mut used_g = vec![false; gold.len()];
    let mut out = Vec::new();
    for (_, pi, gi) in cands {
        if !used_p[pi] && !used_g[gi] {
            used_p[pi] = true;
            used_g[gi] = true;
            out.push((pi, gi));
        }
    }
    out.sort();
    out
}

/// Units covered by a list of spans.
fn total(es: &[Extent]) -> usize {
    es.iter().map(Extent::len).sum()
}

/// Units shared by two lists of spans.
fn shared(a: &[Extent], b: &[Extent]) -> usize {
    a.iter().map(|x| b.iter().map(|y| x.overlap(*y)).sum::<usize>()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(s: usize, t: usize) -> Extent {
        Extent::new(s, t)
    }
    fn at(cue: Extent, sources: &[Extent], contents: &[Extent]) -> Attribution {
        Attribution { cue, sources: sources.to_vec(), contents: contents.to_vec() }
    }

    #[test]
    fn perfect_prediction_scores_100() {
        let gold = vec![at(e(2, 3), &[e(0, 2)], &[e(3, 9)]), at(e(12, 14), &[], &[e(10, 12)])];
        let c = score(&gold, &gold);
        for k in [c.cue, c.source, c.content, c.all] {
            assert_eq!(k.prf(), Prf { p: 100.0, r: 100.0, f1: 100.0 });
        }
        assert_eq!(c.overlap_content.prf().f1, 100.0);
    }

    #[test]
    fn source_and_content_are_conditioned_on_an_overlapping_cue() {
        // Gold: "[Ann]s [said]c [it rained]x" ; prediction has a longer cue
        // ("said on Monday") that overlaps, the right source and a content
        // that is one token short.
        let gold = vec![at(e(1, 2), &[e(0, 1)], &[e(4, 7)])];
        let pred = vec![at(e(1, 4), &[e(0, 1)], &[e(4, 6)])];
        let c = score(&gold, &pred);
        assert_eq!(c.cue, Count { matched_pred: 0, pred: 1, matched_gold: 0, gold: 1 });
        assert_eq!(c.source, Count { matched_pred: 1, pred: 1, matched_gold: 1, gold: 1 });
        assert_eq!(c.content.prf().f1, 0.0);
        assert_eq!(c.all.prf().f1, 0.0);
        // Overlap: cue 1 of 3 predicted, 1 of 1 gold; content 2 of 2, 2 of 3.
        assert_eq!(c.overlap_cue, Overlap { overlap: 1, pred: 3, gold: 1 });
        assert_eq!(c.overlap_content, Overlap { overlap: 2, pred: 2, gold: 3 });
        let o = c.overlap_content.prf();
        assert_eq!((o.p, o.r, o.f1), (100.0, 66.67, 80.0));
        // A right source under a cue that overlaps no gold cue is wrong.
        let far = vec![at(e(20, 21), &[e(0, 1)], &[e(4, 7)])];
        assert_eq!(score(&gold, &far).source.matched_pred, 0);
    }

    #[test]
    fn content_lists_must_match_whole() {
        let gold = vec![at(e(5, 6), &[], &[e(0, 4), e(8, 12)])];
        let one_piece = vec![at(e(5, 6), &[], &[e(0, 12)])];
        let c = score(&gold, &one_piece);
        assert_eq!(c.cue.prf().f1, 100.0);
        assert_eq!(c.content.prf().f1, 0.0);
        // No source on both sides is a match.
        assert_eq!(c.source.prf().f1, 100.0);
        // Overlap counts shared units across the fragments: 8 of 12 predicted.
        assert_eq!(c.overlap_content, Overlap { overlap: 8, pred: 12, gold: 8 });
    }

    #[test]
    fn precision_and_recall_count_their_own_side() {
        // Two gold attributions, three predictions: one right, one duplicate
        // of it, one spurious.
        let gold = vec![at(e(1, 2), &[e(0, 1)], &[e(2, 5)]), at(e(11, 12), &[e(10, 11)], &[e(12, 15)])];
        let pred = vec![gold[0].clone(), gold[0].clone(), at(e(30, 31), &[], &[e(31, 33)])];
        let c = score(&gold, &pred);
        assert_eq!(c.all, Count { matched_pred: 2, pred: 3, matched_gold: 1, gold: 2 });
        let prf = c.all.prf();
        assert_eq!((prf.p, prf.r), (66.67, 50.0));
        // Overlap pairs one to one: the duplicate adds predicted units only.
        assert_eq!(c.overlap_content, Overlap { overlap: 3, pred: 8, gold: 6 });
    }

    #[test]
    fn pairing_prefers_the_largest_cue_overlap() {
        let gold = vec![at(e(0, 2), &[], &[]), at(e(2, 6), &[], &[])];
        let pred = vec![at(e(1, 5), &[], &[])];
        assert_eq!(pair_by_cue(&gold, &pred), vec![(0, 1)]);
    }
}
