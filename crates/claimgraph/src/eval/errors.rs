//! What went wrong, by kind: counts of error types per role and a few
//! examples of each (gold and predicted text side by side), to show where
//! the attribution rules lose points.
//!
//! Gold and predicted attributions are paired one to one by cue overlap
//! ([`super::citron::pair_by_cue`]). Then:
//!
//! * cue: `missed` (gold cue overlapped by no predicted cue), `boundary`
//!   (overlapped but not equal), `false_positive` (predicted cue overlapping
//!   no gold cue);
//! * source and content, on each cue-paired attribution whose list is not
//!   equal: `not_predicted` (gold has spans, prediction none), `spurious`
//!   (prediction has spans, gold none), `fragments` (same covering span,
//!   different pieces), `start` / `end` / `both_ends` (the covering spans
//!   overlap; which boundary differs), `elsewhere` (no overlap at all).
//!
//! Examples hold article text: they are for the terminal only.

use std::collections::BTreeMap;

use serde::Serialize;

use super::spans::{Attribution, Extent, Units};

/// One example of an error.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Example {
    /// `cue`, `source` or `content`.
    pub role: &'static str,
    /// The error type (see the module docs).
    pub kind: &'static str,
    /// The article id.
    pub article: String,
    /// Code-point offset of the cue concerned.
    pub offset: usize,
    /// The cue's words (gold cue, or predicted for a false positive).
    pub cue: String,
    /// The gold span's text (pieces joined by " … "); empty when none.
    pub gold: String,
    /// The predicted span's text; empty when none.
    pub pred: String,
}

/// Error-type counts and examples.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ErrorLog {
    /// Counts by role, then error type.
    pub counts: BTreeMap<&'static str, BTreeMap<&'static str, usize>>,
    /// Up to `per_kind` examples of each (role, type).
    pub examples: Vec<Example>,
    /// How many examples to keep per (role, type).
    #[serde(skip)]
    pub per_kind: usize,
}

impl ErrorLog {
    /// A log keeping `per_kind` examples of each error type.
    pub fn new(per_kind: usize) -> Self {
        ErrorLog { per_kind, ..Default::default() }
    }

    fn note(&mut self, ex: Example) {
        let n = self.counts.entry(ex.role).or_default().entry(ex.kind).or_default();
        *n += 1;
        if *n <= self.per_kind {
            self.examples.push(ex);
        }
    }

    /// Logs the errors of one article; `gold` and `pred` are in the unit of
    /// `units`.
    pub fn add(&mut self, article: &str, units: &Units, gold: &[Attribution], pred: &[Attribution]) {
        let pairs = super::citron::pair_by_cue(gold, pred);
        let text = |es: &[Extent]| es.iter().map(|&e| units.text(e)).collect::<Vec<_>>().join(" … ");
        let example = |role, kind, cue: Extent, g: String, p: String| Example {
            role,
            kind,
            article: article.to_string(),
            offset: units.to_code_points(cue).start,
            cue: units.text(cue),
            gold: g,
            pred: p,
        };
        for (gi, g) in gold.iter().enumerate() {
            match pairs.iter().find(|x| x.1 == gi) {
                None => self.note(example("cue", "missed", g.cue, units.text(g.cue), String::new())),
                Some(&(pi, _)) => {
                    let p = &pred[pi];
                    if p.cue != g.cue {
                        self.note(example("cue", "boundary", g.cue, units.text(g.cue), units.text(p.cue)));
                    }
                    for (role, gs, ps) in [("source", &g.sources, &p.sources), ("content", &g.contents, &p.contents)] {
                        if let Some(kind) = list_error(gs, ps) {
                            self.note(example(role, kind, g.cue, text(gs), text(ps)));
                        }
                    }
                }
            }
        }
        for (pi, p) in pred.iter().enumerate() {
            if !pairs.iter().any(|x| x.0 == pi) && !gold.iter().any(|g| g.cue.overlaps(p.cue)) {
                self.note(example("cue", "false_positive", p.cue, String::new(), units.text(p.cue)));
            }
        }
    }
}

/// The error type of a gold and a predicted span list, or `None` when equal.
fn list_error(gold: &[Extent], pred: &[Extent]) -> Option<&'static str> {
    if gold == pred {
        return None;
    }
    let cover = |es: &[Extent]| Some(Extent::new(es.first()?.start, es.last()?.end));
    Some(match (cover(gold), cover(pred)) {
        (Some(_), None) => "not_predicted",
        (None, Some(_)) => "spurious",
        (Some(g), Some(p)) if g == p => "fragments",
        (Some(g), Some(p)) if g.overlaps(p) => match (g.start == p.start, g.end == p.end) {
            (true, _) => "end",
            (false, true) => "start",
            (false, false) => "both_ends",
        },
        _ => "elsewhere",
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::spans::Unit;

    #[test]
    fn classifies_errors() {
        let e = Extent::new;
        assert_eq!(list_error(&[e(0, 3)], &[e(0, 3)]), None);
        assert_eq!(list_error(&[e(0, 3)], &[]), Some("not_predicted"));
        assert_eq!(list_error(&[], &[e(0, 3)]), Some("spurious"));
        assert_eq!(list_error(&[e(0, 3), e(5, 9)], &[e(0, 9)]), Some("fragments"));
        assert_eq!(list_error(&[e(0, 9)], &[e(0, 4)]), Some("end"));
        assert_eq!(list_error(&[e(0, 9)], &[e(2, 9)]), Some("start"));
        assert_eq!(list_error(&[e(0, 9)], &[e(2, 7)]), Some("both_ends"));
        assert_eq!(list_error(&[e(0, 9)], &[e(12, 15)]), Some("elsewhere"));
    }

    #[test]
    fn logs_counts_and_keeps_few_examples() {
        // 0 Ann 1 said 2 it 3 rained 4 . 5 Bob 6 thinks 7 so 8 . 9 Cy 10 wrote 11 more 12 .
        let text = "Ann said it rained. Bob thinks so. Cy wrote more.";
        let u = Units::new(text, Unit::Token);
        let e = Extent::new;
        let gold = vec![
            Attribution { cue: e(1, 2), sources: vec![e(0, 1)], contents: vec![e(2, 4)] },
            Attribution { cue: e(6, 7), sources: vec![e(5, 6)], contents: vec![e(7, 8)] },
        ];
        let pred = vec![
            Attribution { cue: e(1, 2), sources: vec![], contents: vec![e(2, 3)] },
            Attribution { cue: e(10, 11), sources: vec![e(9, 10)], contents: vec![e(11, 12)] },
        ];
        let mut log = ErrorLog::new(1);
        log.add("doc", &u, &gold, &pred);
        assert_eq!(log.counts["cue"]["missed"], 1);
        assert_eq!(log.counts["cue"]["false_positive"], 1);
        assert_eq!(log.counts["source"]["not_predicted"], 1);
        assert_eq!(log.counts["content"]["end"], 1);
        let content = log.examples.iter().find(|x| x.role == "content").unwrap();
        assert_eq!((content.gold.as_str(), content.pred.as_str(), content.cue.as_str()), ("it rained", "it", "said"));
        assert_eq!(content.offset, 4);
    }
}
