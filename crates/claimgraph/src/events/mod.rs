//! Political events coded in the PLOVER ontology.

use crate::document::Document;
use crate::pipeline::Stage;

/// Codes the events reported in a document.
pub struct EventStage;

impl EventStage {
    /// The stage with its built-in dictionaries.
    pub fn new() -> Self {
        EventStage
    }
}

impl Default for EventStage {
    fn default() -> Self {
        Self::new()
    }
}

impl Stage for EventStage {
    fn name(&self) -> &'static str {
        "events"
    }
    fn run(&self, _doc: &mut Document) {}
}
