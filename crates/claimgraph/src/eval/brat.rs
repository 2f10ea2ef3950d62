//! A reader for PolNeAR's brat standoff annotation (`.ann`).
//!
//! Two kinds of line matter (see PolNeAR's FORMAT notes):
//!
//! * `T<n> TAB <Label> <start> <end>[;<start> <end>...] TAB <covered text>`:
//!   a text-bound span, possibly discontinuous. Offsets are 0-based,
//!   end-exclusive **code points** into the `.txt`.
//! * `E<n> TAB Attribution:T<a> Source:T<s> Cue:T<c> Content:T<x> [Content2:T<y>]`:
//!   one attribution; the argument order varies.
//!
//! The covered-text column may itself hold a newline when a span crosses a
//! line break, so lines that do not start a record (`<letter><digits> TAB`)
//! are continuation lines and are skipped; only offsets are read, never the
//! text column. `#` lines (annotator notes) and other record kinds are
//! ignored.
//!
//! Conversion to an [`Attribution`] follows the converter used for the
//! Citron anchor figures: the cue is the covering span of its fragments;
//! every Source and Content fragment is its own span; `Content2` fragments
//! are appended to the contents. An attribution without a cue cannot be
//! matched by any scorer and is counted apart ([`AnnFile::without_cue`]).

use std::collections::HashMap;

use super::spans::{Attribution, Extent};
use crate::error::{Error, Result};

/// A text-bound annotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextBound {
    /// Its label (`Source`, `Cue`, `Content`, `Attribution`, ...).
    pub label: String,
    /// Its fragments in code points, in file order.
    pub fragments: Vec<Extent>,
}

/// The attributions of one `.ann` file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnnFile {
    /// Attributions with a cue, in the order of their `E` lines.
    pub attributions: Vec<Attribution>,
    /// `E` lines that name no cue (not scored).
    pub without_cue: usize,
}

/// Parses the content of a `.ann` file; `path` names it in errors. A line
/// that starts a `T` or `E` record but cannot be read is an error, as is an
/// `E` argument naming a span that does not exist.
pub fn parse_ann(content: &str, path: &str) -> Result<AnnFile> {
    let bad = |line: usize, what: &str| Error::Format { path: format!("{path}:{line}"), message: what.to_string() };
    let mut spans: HashMap<&str, TextBound> = HashMap::new();
    let mut relations: Vec<(usize, Vec<(&str, &str)>)> = Vec::new();
    for (i, line) in content.lines().enumerate() {
        let n = i + 1;
        let Some((id, rest)) = line.split_once('\t') else { continue };
        if !is_record_id(id) {
            continue;
        }
        if id.starts_with('T') {
            let header = rest.split('\t').next().unwrap_or("");
            let (label, offsets) = header.split_once(' ').ok_or_else(|| bad(n, "span line without offsets"))?;
            let fragments = parse_offsets(offsets).ok_or_else(|| bad(n, "bad span offsets"))?;
            spans.insert(id, TextBound { label: label.to_string(), fragments });
        } else if id.starts_with('E') {
            let args: Option<Vec<(&str, &str)>> = rest
                .split_whitespace()
                .map(|a| a.split_once(':').filter(|(r, t)| !r.is_empty() && !t.is_empty()))
                .collect();
            relations.push((n, args.ok_or_else(|| bad(n, "bad relation argument"))?));
        }
    }

    let mut out = AnnFile::default();
    for (n, args) in relations {
        let mut cue: Option<Extent> = None;
        let mut sources = Vec::new();
        let mut contents = Vec::new();
        for (role, target) in args {
            let span = spans.get(target).ok_or_else(|| bad(n, &format!("relation names unknown span {target}")))?;
            match role {
                "Cue" => {
                    let start = span.fragments.iter().map(|f| f.start).min();
                    let end = span.fragments.iter().map(|f| f.end).max();
                    if let (Some(s), Some(e)) = (start, end) {
                        cue = Some(Extent::new(s, e));
                    }
                }
                "Source" => sources.extend(span.fragments.iter().copied()),
                "Content" | "Content2" => contents.extend(span.fragments.iter().copied()),
                // The anchor (`Attribution`, `Attribution-no-source`) carries
                // nothing the scorers use.
                _ => {}
            }
        }
        match cue {
            Some(cue) => {
                sources.sort();
                contents.sort();
                out.attributions.push(Attribution { cue, sources, contents });
            }
            None => out.without_cue += 1,
        }
    }
    Ok(out)
}

/// True for a brat record id: one capital letter and digits (`T12`, `E3`).
fn is_record_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_uppercase()) && id.len() > 1 && chars.all(|c| c.is_ascii_digit())
}

/// Reads `start end[;start end...]`.
fn parse_offsets(s: &str) -> Option<Vec<Extent>> {
    s.split(';')
        .map(|frag| {
            let mut it = frag.split_whitespace();
            let a = it.next()?.parse().ok()?;
            let b = it.next()?.parse().ok()?;
            (it.next().is_none() && a <= b).then(|| Extent::new(a, b))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    // A made-up article and its annotation (not PolNeAR text):
    // "Officials said the road would reopen.\nThe vote, she added, was \"fair\n\nand final.\""
    const ANN: &str = "T1\tSource 0 9\tOfficials\n\
T2\tCue 10 14\tsaid\n\
T3\tContent 15 36\tthe road would reopen\n\
T4\tAttribution 10 14\tsaid\n\
E1\tCue:T2 Attribution:T4 Source:T1 Content:T3 \n\
#1\tAnnotatorNotes T3\ta note\n\
T5\tContent 38 46;58 70\tThe vote was \"fair\n\
and final\n\
T6\tCue 52 57\tadded\n\
T7\tSource 48 51\tshe\n\
T8\tAttribution 52 57\tadded\n\
E2\tAttribution:T8 Content:T5 Cue:T6 Source:T7 Content2:T9\n\
T9\tContent 72 80\textra\n\
T10\tDiscuss 0 4\tOffi\n\
T11\tAttribution-no-source 90 95\tnoted\n\
T12\tContent 96 99\txyz\n\
E3\tAttribution-no-source:T11 Content:T12\n";

    #[test]
    fn reads_spans_relations_fragments_and_continuations() {
        let f = parse_ann(ANN, "made-up.ann").unwrap();
        assert_eq!(f.without_cue, 1);
        assert_eq!(f.attributions.len(), 2);
        let a = &f.attributions[0];
        assert_eq!(a.cue, Extent::new(10, 14));
        assert_eq!(a.sources, vec![Extent::new(0, 9)]);
        assert_eq!(a.contents, vec![Extent::new(15, 36)]);
        let b = &f.attributions[1];
        assert_eq!(b.cue, Extent::new(52, 57));
        assert_eq!(b.sources, vec![Extent::new(48, 51)]);
        // Content fragments plus Content2, in text order.
        assert_eq!(b.contents, vec![Extent::new(38, 46), Extent::new(58, 70), Extent::new(72, 80)]);
    }

    #[test]
    fn discontinuous_cue_is_covered() {
        let ann = "T1\tCue 5 9;15 20\tsaid also\nT2\tContent 21 30\tx\nE1\tCue:T1 Content:T2\n";
        let f = parse_ann(ann, "x.ann").unwrap();
        assert_eq!(f.attributions[0].cue, Extent::new(5, 20));
        assert!(f.attributions[0].sources.is_empty());
    }

    #[test]
    fn bad_lines_are_errors_naming_the_file_and_line() {
        let e = parse_ann("T1\tCue five 9\tsaid\n", "bad.ann").unwrap_err();
        assert_eq!(e.to_string(), "bad.ann:1: bad span offsets");
        let e = parse_ann("T1\tCue 1 4\tsaid\nE1\tCue:T1 Content:T7\n", "bad.ann").unwrap_err();
        assert!(e.to_string().starts_with("bad.ann:2: relation names unknown span T7"), "{e}");
    }
}
