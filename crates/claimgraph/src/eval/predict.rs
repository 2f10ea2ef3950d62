//! claimgraph's claims as attributions to score.
//!
//! The article is analysed **as it is on disk**: [`analyse_text`] builds a
//! [`Document`] straight from the `.txt` and runs every stage, skipping the
//! clean step. Cleaning normalises white space, drops zero-width and
//! control characters and removes lines it takes for web debris, which
//! shifts offsets; PolNeAR's offsets point into the original file (headline
//! included, and it is annotated). Without cleaning, every predicted span is
//! an offset into that file, with no mapping back to get wrong.

use crate::document::{Claim, DocMeta, Document};
use crate::offsets::CharIndex;
use crate::pipeline::Pipeline;

use super::spans::{Attribution, Extent};

/// Analyses `text` (an article as on disk) with every stage of `pipeline`.
pub fn analyse_text(pipeline: &Pipeline, source: &str, text: &str) -> Document {
    let meta = DocMeta { source: source.to_string(), ..Default::default() };
    let mut doc = Document::new(meta, text.to_string());
    pipeline.analyse(&mut doc);
    doc
}

/// One claim as an attribution in code points: the cue, the speaker span as
/// the only source (none when the speaker has no words in the text), and the
/// content's pieces (or the whole content when it is one piece).
pub fn claim_attribution(claim: &Claim, index: &CharIndex) -> Attribution {
    let cp = |s: crate::document::Span| Extent::new(index.char_offset(s.start), index.char_offset(s.end));
    let contents = if claim.content_parts.is_empty() {
        vec![cp(claim.content)]
    } else {
        claim.content_parts.iter().map(|&s| cp(s)).collect()
    };
    Attribution { cue: cp(claim.cue), sources: claim.speaker.span.map(cp).into_iter().collect(), contents }
}

/// What `eval polnear` scores of an analysed document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scored {
    /// The attribution layer ([`Document::attributions`]): every
    /// attribution in PolNeAR's sense, the claims' wider superset.
    #[default]
    Attributions,
    /// The public claims only ([`Document::claims`]).
    Claims,
}

/// The attributions of an analysed document to score, as `what` says.
pub fn scored(doc: &Document, what: Scored) -> Vec<Attribution> {
    match what {
        Scored::Attributions => layer_attributions(doc),
        Scored::Claims => attributions(doc),
    }
}

/// The document's attribution layer in code points of `doc.text`.
pub fn layer_attributions(doc: &Document) -> Vec<Attribution> {
    let index = CharIndex::new(&doc.text);
    let cp = |s: crate::document::Span| Extent::new(index.char_offset(s.start), index.char_offset(s.end));
    doc.attributions
        .iter()
        .map(|a| Attribution {
            cue: cp(a.cue),
            sources: a.sources.iter().map(|&s| cp(s)).collect(),
            contents: a.contents.iter().map(|&s| cp(s)).collect(),
        })
        .collect()
}

/// Every claim of an analysed document as attributions in code points of
/// `doc.text`. Claims sharing a cue (a content split into propositions of
/// different polarity, or a quotation continuing an attributed one) are one
/// attribution in PolNeAR's terms: their contents are joined.
pub fn attributions(doc: &Document) -> Vec<Attribution> {
    let index = CharIndex::new(&doc.text);
    let mut out: Vec<Attribution> = Vec::new();
    for c in &doc.claims {
        let a = claim_attribution(c, &index);
        match out.iter_mut().find(|o| o.cue == a.cue) {
            Some(o) => {
                o.contents.extend(a.contents);
                o.contents.sort_by_key(|e| (e.start, e.end));
                o.contents.dedup();
                if o.sources.is_empty() {
                    o.sources = a.sources;
                }
            }
            None => out.push(a),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{ClaimKind, Span, Speaker, Stance};

    #[test]
    fn converts_byte_spans_to_code_points() {
        let text = "“Não” — Ana said it would rain.";
        let b = |s: &str| {
            let i = text.find(s).unwrap();
            Span::new(i, i + s.len())
        };
        let claim = Claim {
            speaker: Speaker { span: Some(b("Ana")), entity: None },
            cue: b("said"),
            content: b("it would rain"),
            content_parts: Vec::new(),
            stance: Stance::Affirms,
            kind: ClaimKind::Indirect,
            hedged: false,
            confidence: 1.0,
            proposition: None,
        };
        let a = claim_attribution(&claim, &CharIndex::new(text));
        assert_eq!(a.sources, vec![Extent::new(8, 11)]);
        assert_eq!(a.cue, Extent::new(12, 16));
        assert_eq!(a.contents, vec![Extent::new(17, 30)]);
    }
}
