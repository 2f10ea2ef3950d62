//! Measuring instruments for attribution: PolNeAR's gold attributions
//! ([`polnear`], [`brat`]), the conversion of claimgraph's claims to the same
//! shape ([`predict`]), and two metric families: Citron's end-to-end
//! attribution scores ([`citron`]) and CofeNet's role-level span scores
//! ([`cofenet`]). [`errors`] counts error types and keeps examples.
//!
//! An [`Evaluation`] takes one article at a time (gold and predicted
//! attributions in code points) and scores it twice: in tokens with edge
//! punctuation trimmed (the headline figures) and in code points (the
//! "strict" figures); see [`spans`] for why.

pub mod brat;
pub mod citron;
pub mod cofenet;
pub mod errors;
pub mod polnear;
pub mod predict;
pub mod spans;

use serde::Serialize;

use citron::{CitronCounts, Prf};
use cofenet::CofenetCounts;
use errors::ErrorLog;
use polnear::GoldArticle;
use spans::{Attribution, Unit, Units};

/// Running totals of an evaluation.
#[derive(Debug, Clone, Default)]
pub struct Evaluation {
    tokens: Totals,
    strict: Totals,
    errors: ErrorLog,
    articles: usize,
    gold_without_cue: usize,
    /// Predicted attributions dropped because their cue held nothing.
    pred_empty_cue: usize,
}

/// The counts of one unit.
#[derive(Debug, Clone, Copy, Default)]
struct Totals {
    citron: CitronCounts,
    cofenet: CofenetCounts,
}

impl Evaluation {
    /// An empty evaluation that keeps `examples` examples of each error type.
    pub fn new(examples: usize) -> Self {
        Evaluation { errors: ErrorLog::new(examples), ..Default::default() }
    }

    /// Scores one article: `predicted` are code-point attributions into
    /// `article.text`.
    pub fn add(&mut self, article: &GoldArticle, predicted: &[Attribution]) {
        self.articles += 1;
        self.gold_without_cue += article.without_cue;
        for unit in [Unit::Token, Unit::CodePoint] {
            let units = Units::new(&article.text, unit);
            let gold: Vec<Attribution> = article.attributions.iter().filter_map(|a| units.normalise(a)).collect();
            let pred: Vec<Attribution> = predicted.iter().filter_map(|a| units.normalise(a)).collect();
            let totals = match unit {
                Unit::Token => {
                    self.pred_empty_cue += predicted.len() - pred.len();
                    self.errors.add(&article.id, &units, &gold, &pred);
                    &mut self.tokens
                }
                Unit::CodePoint => &mut self.strict,
            };
            totals.citron.add(&citron::score(&gold, &pred));
            totals.cofenet.add(&cofenet::score(&units, &gold, &pred));
        }
    }

    /// The figures so far. `articles_per_sec` is the caller's measurement
    /// of the system under test, if any.
    pub fn report(&self, articles_per_sec: Option<f64>) -> Report {
        Report {
            citron: CitronReport::from(&self.tokens.citron),
            cofenet: CofenetReport::from(&self.tokens.cofenet),
            strict: StrictReport {
                citron: CitronReport::from(&self.strict.citron),
                cofenet: CofenetReport::from(&self.strict.cofenet),
            },
            articles: self.articles,
            articles_per_sec: articles_per_sec.map(|x| (x * 10.0).round() / 10.0),
            counts: CountsReport {
                gold_attributions: self.tokens.citron.all.gold,
                predicted_attributions: self.tokens.citron.all.pred,
                gold_without_cue: self.gold_without_cue,
                predicted_with_empty_cue: self.pred_empty_cue,
                citron: self.tokens.citron,
                cofenet: self.tokens.cofenet,
            },
            errors: self.errors.clone(),
        }
    }
}

/// Citron's figures (percent).
#[derive(Debug, Clone, Serialize)]
pub struct CitronReport {
    /// Cue exact.
    pub cue: Prf,
    /// Sources exact on cue-overlapping attributions.
    pub source: Prf,
    /// Contents exact on cue-overlapping attributions.
    pub content: Prf,
    /// All three exact.
    pub all: Prf,
    /// Token overlap per role.
    pub overlap: OverlapReport,
}

/// Overlap figures per role.
#[derive(Debug, Clone, Serialize)]
pub struct OverlapReport {
    /// Cue overlap.
    pub cue: Prf,
    /// Source overlap.
    pub source: Prf,
    /// Content overlap.
    pub content: Prf,
}

impl From<&CitronCounts> for CitronReport {
    fn from(c: &CitronCounts) -> Self {
        CitronReport {
            cue: c.cue.prf(),
            source: c.source.prf(),
            content: c.content.prf(),
            all: c.all.prf(),
            overlap: OverlapReport {
                cue: c.overlap_cue.prf(),
                source: c.overlap_source.prf(),
                content: c.overlap_content.prf(),
            },
        }
    }
}

/// CofeNet's figures (percent).
#[derive(Debug, Clone, Serialize)]
pub struct CofenetReport {
    /// Source F1.
    pub source_f1: f64,
    /// Cue F1.
    pub cue_f1: f64,
    /// Content F1.
    pub content_f1: f64,
    /// Source P/R/F1.
    pub source: Prf,
    /// Cue P/R/F1.
    pub cue: Prf,
    /// Content P/R/F1.
    pub content: Prf,
}

impl From<&CofenetCounts> for CofenetReport {
    fn from(c: &CofenetCounts) -> Self {
        let (source, cue, content) = (c.source.prf(), c.cue.prf(), c.content.prf());
        CofenetReport { source_f1: source.f1, cue_f1: cue.f1, content_f1: content.f1, source, cue, content }
    }
}

/// The strict (code-point) figures.
#[derive(Debug, Clone, Serialize)]
pub struct StrictReport {
    /// Citron's metrics in code points (overlap in code points too).
    pub citron: CitronReport,
    /// CofeNet's metric in code points.
    pub cofenet: CofenetReport,
}

/// Raw counts behind the token figures.
#[derive(Debug, Clone, Serialize)]
pub struct CountsReport {
    /// Gold attributions scored.
    pub gold_attributions: usize,
    /// Predicted attributions scored.
    pub predicted_attributions: usize,
    /// Gold relations without a cue (not scored).
    pub gold_without_cue: usize,
    /// Predicted attributions whose cue covered no token (not scored).
    pub predicted_with_empty_cue: usize,
    /// Citron's counts.
    pub citron: CitronCounts,
    /// CofeNet's counts.
    pub cofenet: CofenetCounts,
}

/// Everything `eval polnear` reports. Percentages throughout.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Citron's metrics, spans compared in tokens.
    pub citron: CitronReport,
    /// CofeNet's metric, spans compared in tokens.
    pub cofenet: CofenetReport,
    /// Both metrics with spans compared in code points.
    pub strict: StrictReport,
    /// Articles scored.
    pub articles: usize,
    /// Throughput of the system under test, when measured.
    pub articles_per_sec: Option<f64>,
    /// Counts behind the figures.
    pub counts: CountsReport,
    /// Error types and examples (examples hold article text).
    pub errors: ErrorLog,
}
