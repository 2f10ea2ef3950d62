//! CofeNet's role-level span metric (Wang et al., COLING 2022; the scorer is
//! `exe/eval/evaluation.py` of their code): per role, exact-match precision,
//! recall and F1 of spans inside each *instance*, with no link between the
//! roles.
//!
//! How CofeNet's PolNeAR instances are built: their test file holds one BIO
//! tag sequence per **paragraph** (non-blank line of the article's `.txt`;
//! their "sentence instances" are these lines, the headline being one), with
//! every attribution's Source, Cue and Content tokens tagged. A span is the
//! token run from a `B-` tag to the last following `I-` tag of the same role,
//! and a predicted span counts when an identical `(start, end)` of the same
//! role exists in the same instance. This module reproduces that on tuples
//! `(paragraph, role, start, end)`:
//!
//! * **Discontinuous content**: each fragment was tagged from its own `B-`,
//!   so each fragment is its own span (fragments with nothing between them
//!   are joined first, see [`super::spans`]).
//! * **Spans crossing paragraphs** (a quote over several paragraphs): cut at
//!   the paragraph boundary, each piece a span of its paragraph, on both
//!   sides alike. Spans crossing *sentences* inside a paragraph stay whole,
//!   as in CofeNet.
//! * **One label per token**: a BIO sequence cannot hold the same span
//!   twice, so identical tuples count once (a source shared by two
//!   attributions is one span). Overlapping predicted spans of different
//!   attributions, which a tagger could not produce, are kept as they are;
//!   each can only cost precision.

use std::collections::HashSet;

use serde::Serialize;

use super::citron::Count;
use super::spans::{Attribution, Extent, Units};

/// The three roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Who.
    Source,
    /// By which words.
    Cue,
    /// What.
    Content,
}

/// CofeNet's counts per role for one or more articles.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct CofenetCounts {
    /// Source spans.
    pub source: Count,
    /// Cue spans.
    pub cue: Count,
    /// Content spans.
    pub content: Count,
}

impl CofenetCounts {
    /// Adds another article's counts.
    pub fn add(&mut self, o: &CofenetCounts) {
        self.source.add(&o.source);
        self.cue.add(&o.cue);
        self.content.add(&o.content);
    }
}

/// A span as CofeNet compares it: (paragraph, role, piece).
type Tuple = (usize, Role, Extent);

/// The set of role spans of some attributions, cut into paragraphs.
pub fn tuples(units: &Units, attributions: &[Attribution]) -> HashSet<Tuple> {
    let mut out = HashSet::new();
    for a in attributions {
        let roles = std::iter::once((Role::Cue, &a.cue))
            .chain(a.sources.iter().map(|s| (Role::Source, s)))
            .chain(a.contents.iter().map(|c| (Role::Content, c)));
        for (role, e) in roles {
            for (para, piece) in units.by_paragraph(*e) {
                out.insert((para, role, piece));
            }
        }
    }
    out
}

/// CofeNet's counts for one article. Both sides must already be in the
/// unit of `units` (see [`Units::normalise`]).
pub fn score(units: &Units, gold: &[Attribution], pred: &[Attribution]) -> CofenetCounts {
    let g = tuples(units, gold);
    let p = tuples(units, pred);
    let role_count = |role: Role| {
        let gold = g.iter().filter(|t| t.1 == role).count();
        let pred = p.iter().filter(|t| t.1 == role).count();
        let hit = p.iter().filter(|t| t.1 == role && g.contains(t)).count();
        Count { matched_pred: hit, pred, matched_gold: hit, gold }
    };
    CofenetCounts { source: role_count(Role::Source), cue: role_count(Role::Cue), content: role_count(Role::Content) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::spans::Unit;

    // Token indices of this made-up text:
    // 0 Mayor 1 Lee 2 said 3 the 4 bridge 5 will 6 open 7 .
    // 8 " 9 It 10 is 11 safe 12 , 13 " 14 she 15 added 16 , 17 " 18 and 19 cheap 20 . 21 "
    // (paragraph 2) 22 Critics 23 disagreed 24 .
    const TEXT: &str =
        "Mayor Lee said the bridge will open. \"It is safe,\" she added, \"and cheap.\"\n\nCritics disagreed.";

    fn e(s: usize, t: usize) -> Extent {
        Extent::new(s, t)
    }

    fn gold() -> Vec<Attribution> {
        vec![
            Attribution { cue: e(2, 3), sources: vec![e(0, 2)], contents: vec![e(3, 7)] },
            Attribution { cue: e(15, 16), sources: vec![e(14, 15)], contents: vec![e(9, 12), e(18, 20)] },
            Attribution { cue: e(23, 24), sources: vec![e(22, 23)], contents: vec![] },
        ]
    }

    #[test]
    fn the_text_tokenises_as_the_test_assumes() {
        let u = Units::new(TEXT, Unit::Token);
        assert_eq!(u.token_count(), 25);
        assert_eq!(u.text(e(18, 20)), "and cheap");
        assert_eq!(u.paragraphs(), &[e(0, 22), e(22, 25)]);
    }

    #[test]
    fn each_fragment_is_a_span_and_roles_are_scored_apart() {
        let u = Units::new(TEXT, Unit::Token);
        let g = gold();
        let c = score(&u, &g, &g);
        assert_eq!(c.content, Count { matched_pred: 3, pred: 3, matched_gold: 3, gold: 3 });
        // The prediction joins the interrupted quote into one span, misses
        // the last attribution and gets the first source wrong. Roles are not
        // linked: the cue "added" still counts.
        let pred = vec![
            Attribution { cue: e(2, 3), sources: vec![e(1, 2)], contents: vec![e(3, 7)] },
            Attribution { cue: e(15, 16), sources: vec![e(14, 15)], contents: vec![e(9, 20)] },
        ];
        let c = score(&u, &g, &pred);
        assert_eq!(c.cue, Count { matched_pred: 2, pred: 2, matched_gold: 2, gold: 3 });
        assert_eq!(c.source, Count { matched_pred: 1, pred: 2, matched_gold: 1, gold: 3 });
        assert_eq!(c.content, Count { matched_pred: 1, pred: 2, matched_gold: 1, gold: 3 });
        assert_eq!(c.cue.prf().f1, 80.0);
    }

    #[test]
    fn spans_are_cut_at_paragraphs_and_counted_once() {
        let u = Units::new(TEXT, Unit::Token);
        // A content running from the first paragraph into the second.
        let long = Attribution { cue: e(2, 3), sources: vec![], contents: vec![e(3, 24)] };
        let t = tuples(&u, std::slice::from_ref(&long));
        let mut contents: Vec<_> = t.iter().filter(|x| x.1 == Role::Content).map(|x| (x.0, x.2)).collect();
        contents.sort();
        // Piece 1 ends before the closing quote mark (edge punctuation).
        assert_eq!(contents, vec![(0, e(3, 20)), (1, e(22, 24))]);
        // A source shared by two attributions is one span.
        let shared = vec![
            Attribution { cue: e(2, 3), sources: vec![e(0, 2)], contents: vec![] },
            Attribution { cue: e(15, 16), sources: vec![e(0, 2)], contents: vec![] },
        ];
        assert_eq!(tuples(&u, &shared).iter().filter(|x| x.1 == Role::Source).count(), 1);
    }
}
