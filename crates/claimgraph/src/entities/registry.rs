//! The run-wide entity registry: gives every document entity a global id,
//! joining spellings of one name across documents.

use crate::document::Document;

/// Entities known across the documents of one run (or one ledger).
#[derive(Debug, Default)]
pub struct EntityRegistry {
    next: usize,
}

impl EntityRegistry {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// Assigns global ids to the document's entities.
    pub fn resolve(&mut self, doc: &mut Document) {
        for e in doc.entities.iter_mut() {
            self.next += 1;
            e.global_id = Some(format!("e{}", self.next));
        }
    }
}
