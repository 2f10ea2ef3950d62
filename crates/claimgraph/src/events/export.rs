//! Event export formats (filled in below).
