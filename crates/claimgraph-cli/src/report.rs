//! One-line reports of bad inputs on standard error.

/// Prints a one-line warning about one input that could not be used.
pub fn bad_input(err: &dyn std::fmt::Display) {
    eprintln!("claimgraph: skipped {err}");
}
