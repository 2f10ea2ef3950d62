//! The pipeline: named stages run in order over one [`Document`], the way a
//! spaCy `Doc` passes through its components.
//!
//! clean → segment → tag/parse/ner → entities → claims → quantities →
//! propositions → events
//!
//! Cleaning turns a [`RawDocument`] into a [`Document`]; every later stage
//! reads what the earlier ones wrote and adds its own layer. Stages hold
//! only immutable, shared state (models, lexicons), so one pipeline serves
//! all threads.

use std::sync::Arc;

use claimgraph_nlp::Core;

use crate::document::{Document, RawDocument};
use crate::error::{Error, Result};

/// One step of the analysis.
pub trait Stage: Send + Sync {
    /// The stage's name, for timing and debugging.
    fn name(&self) -> &'static str;
    /// Adds the stage's layer to the document.
    fn run(&self, doc: &mut Document);
}

/// Tokens and sentences.
pub struct Segment;

impl Stage for Segment {
    fn name(&self) -> &'static str {
        "segment"
    }
    fn run(&self, doc: &mut Document) {
        doc.analysis = claimgraph_nlp::segment(&doc.text);
    }
}

/// Part-of-speech tags, lemmas, dependency parse and named entities from the
/// trained core.
pub struct Linguistic {
    core: Arc<Core>,
}

impl Stage for Linguistic {
    fn name(&self) -> &'static str {
        "linguistic"
    }
    fn run(&self, doc: &mut Document) {
        let Document { text, analysis, .. } = doc;
        self.core.annotate(text, analysis);
    }
}

/// The full analysis pipeline.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

impl Pipeline {
    /// The standard pipeline with the models shipped in the binary.
    pub fn new() -> Result<Pipeline> {
        let core = Core::load_default().map_err(|e| Error::Model { name: "core".into(), message: e.to_string() })?;
        Ok(Pipeline::with_core(Arc::new(core)))
    }

    /// The standard pipeline over an already loaded core.
    pub fn with_core(core: Arc<Core>) -> Pipeline {
        let stages: Vec<Box<dyn Stage>> = vec![
            Box::new(Segment),
            Box::new(Linguistic { core }),
            Box::new(crate::entities::EntityStage::new()),
            Box::new(crate::attribution::ClaimStage::new()),
            Box::new(crate::quantities::QuantityStage),
            Box::new(crate::attribution::proposition::PropositionStage),
            Box::new(crate::events::EventStage::new()),
        ];
        Pipeline { stages }
    }

    /// The names of the stages, in order.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// Cleans and analyses a raw document.
    pub fn analyse_raw(&self, raw: RawDocument) -> Result<Document> {
        let mut doc = crate::clean::clean(raw)?;
        self.analyse(&mut doc);
        Ok(doc)
    }

    /// Runs every stage over a clean document.
    pub fn analyse(&self, doc: &mut Document) {
        for stage in &self.stages {
            stage.run(doc);
        }
    }
}
