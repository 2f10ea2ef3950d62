//! Attribution: who says what. Finds cues, speakers and contents, resolves
//! speakers through pronouns and roles, and decides stance.

use crate::document::Document;
use crate::pipeline::Stage;

/// Finds the attributed claims of a document.
pub struct ClaimStage;

impl ClaimStage {
    /// The stage with its built-in lexicons.
    pub fn new() -> Self {
        ClaimStage
    }
}

impl Default for ClaimStage {
    fn default() -> Self {
        Self::new()
    }
}

impl Stage for ClaimStage {
    fn name(&self) -> &'static str {
        "claims"
    }
    fn run(&self, _doc: &mut Document) {}
}
