//! Entities: mentions of people, organisations and places, clustered within a
//! document and resolved across documents.

pub mod registry;

use crate::document::Document;
use crate::pipeline::Stage;

pub use registry::EntityRegistry;

/// Finds entity mentions and clusters them into the document's entities.
pub struct EntityStage;

impl EntityStage {
    /// The stage with its built-in lexicons.
    pub fn new() -> Self {
        EntityStage
    }
}

impl Default for EntityStage {
    fn default() -> Self {
        Self::new()
    }
}

impl Stage for EntityStage {
    fn name(&self) -> &'static str {
        "entities"
    }
    fn run(&self, _doc: &mut Document) {}
}
