//! Quantities: numbers with units, approximations, ranges and rates.

use crate::document::Document;
use crate::pipeline::Stage;

/// Finds the quantities of a document.
pub struct QuantityStage;

impl Stage for QuantityStage {
    fn name(&self) -> &'static str {
        "quantities"
    }
    fn run(&self, _doc: &mut Document) {}
}
