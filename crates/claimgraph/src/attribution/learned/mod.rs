//! Learned attribution: a cue tagger and a per-cue source/content tagger
//! trained on PolNeAR (see `models/README.md`), combined with the rules.
//!
//! Design (after Pareti et al. and Citron, with structured perceptrons
//! instead of CRFs and logistic regression):
//! 1. [`cue`]: B/I/O tagging of every sentence finds cue spans, multi-word
//!    ones included ("has said", "according to", "told reporters");
//! 2. [`roles`]: for each cue, B/I/O tagging of a window of sentences
//!    around it finds its source span and its content runs (interrupted
//!    and multi-sentence content included);
//! 3. [`combine`]: the model's attributions become [`Draft`]s (stance and
//!    hedging from the rules' [`crate::attribution::stance`] logic, since
//!    PolNeAR has no stance labels) and are merged with the rules' drafts.
//!
//! Which system the claim stage uses is a process-wide setting
//! ([`set_system`]), so that `eval polnear --system` can measure each.

pub mod bounds;
pub mod combine;
pub mod cue;
pub mod features;
pub mod gold;
pub mod layer;
pub mod lexicon;
pub mod marks;
pub mod model;
pub mod roles;
pub mod runs;
pub mod train;
pub mod view;
pub mod viterbi;
pub mod weights;

#[cfg(test)]
mod tests;

use std::sync::atomic::{AtomicU8, Ordering};

pub use combine::{combine, to_drafts};
pub use model::{default_model, Model};

use super::context::Ctx;
use super::rules::Draft;
use view::View;

/// Which attribution system the claim stage runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum System {
    /// The rules alone.
    Rules,
    /// The learned model alone.
    Learned,
    /// Both, merged by [`combine`].
    Combined,
}

/// 0 rules, 1 learned, 2 combined; 3: not set, read the environment.
static SYSTEM: AtomicU8 = AtomicU8::new(3);

/// Sets the system for the whole process, overriding the environment.
pub fn set_system(s: System) {
    SYSTEM.store(
        match s {
            System::Rules => 0,
            System::Learned => 1,
            System::Combined => 2,
        },
        Ordering::Relaxed,
    );
}

/// The system in use: the one given to [`set_system`], else the one named
/// by the environment variable `CLAIMGRAPH_ATTRIBUTION` (`rules`,
/// `learned` or `combined`), else [`System::Combined`].
pub fn system() -> System {
    match SYSTEM.load(Ordering::Relaxed) {
        0 => System::Rules,
        1 => System::Learned,
        2 => System::Combined,
        _ => {
            static ENV: std::sync::LazyLock<System> =
                std::sync::LazyLock::new(|| match std::env::var("CLAIMGRAPH_ATTRIBUTION").as_deref() {
                    Ok("rules") => System::Rules,
                    Ok("learned") => System::Learned,
                    _ => System::Combined,
                });
            *ENV
        }
    }
}

/// The model's drafts for the document behind `ctx`.
pub fn predict(ctx: &Ctx, model: &Model) -> Vec<Draft> {
    let marks = marks::Marks::new(&ctx.doc.text, ctx.tokens, &ctx.quotes);
    let view = View::new(ctx.doc, &marks.quotes, &model.classes);
    to_drafts(ctx, &model.predict(&view))
}

/// The drafts the claim stage keeps, given the rules' drafts: the rules',
/// the shipped model's, or both merged, as [`system`] says; and the
/// attribution layer (see [`layer`]). When the shipped model cannot be
/// loaded the rules' drafts are kept.
pub fn drafts(ctx: &Ctx, rules: Vec<Draft>) -> (Vec<Draft>, Vec<gold::TokenAttribution>) {
    let sys = system();
    if sys == System::Rules {
        let l = layer::rules_layer(&rules);
        return (rules, l);
    }
    let model = match default_model() {
        Ok(m) => m,
        Err(e) => {
            static WARNED: std::sync::Once = std::sync::Once::new();
            WARNED.call_once(|| eprintln!("claimgraph: attribution model not loaded ({e}); using the rules alone"));
            let l = layer::rules_layer(&rules);
            return (rules, l);
        }
    };
    let marks = marks::Marks::new(&ctx.doc.text, ctx.tokens, &ctx.quotes);
    let view = View::new(ctx.doc, &marks.quotes, &model.classes);
    let atts = model.predict(&view);
    let learned = to_drafts(ctx, &atts);
    let l = layer::layer(ctx, &marks, &atts);
    match sys {
        System::Learned => (learned, l),
        _ => (combine(ctx, rules, learned), l),
    }
}
