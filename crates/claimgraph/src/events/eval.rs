//! Evaluations of the event coder (filled in below).
