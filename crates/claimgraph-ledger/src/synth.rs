//! Synthetic corpora (to be written).
