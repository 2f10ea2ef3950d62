//! The attribution layer: every attribution in PolNeAR's wider sense, as
//! spans only, next to the public claims.
//!
//! The model was trained on PolNeAR's notion of attribution (beliefs,
//! intentions, poll findings and noun-phrase contents as well as speech),
//! so its spans are the layer: each model attribution is kept as the model
//! found it, cue, sources and content boundaries, except where the
//! dependency parse shows a content edge to be wrong ([`super::bounds`]:
//! a run cut inside a clause, a fronted part of the content before the
//! source and cue, the whole clause before "according to", a second
//! predicate of the cue's verb, narration after a quotation, a preposition
//! that opens the content), and where the content
//! continues on the other side of the source and cue: a quotation
//! ([`quote_pairs`]) or the rest of the sentence ([`trailing_parts`]).
//! One layout the model
//! seldom saw in training is added by rule: a quotation signed by a dash
//! and a name ([`signed_quotes`]). The public claims are a separate,
//! stricter choice ([`super::combine`]); this layer is what `eval polnear`
//! scores by default.
//!
//! Filling the layer with the rules' drafts where the model found no cue
//! was measured and left out: on PolNeAR dev those drafts matched a gold
//! cue exactly in 8 of 43 cases, and cost 0.3 cue F1.

use crate::attribution::overlaps;
use std::ops::Range;

use super::gold::TokenAttribution;
use super::marks::Marks;
use crate::attribution::context::Ctx;
use crate::attribution::quotes::Quote;
use crate::attribution::rules::Draft;

/// True when `a` shares a token with an attribution of `out` (PolNeAR is
/// univocal: a token has one role in one attribution).
fn taken(a: &TokenAttribution, out: &[TokenAttribution]) -> bool {
    out.iter().any(|l| {
        overlaps(&l.cue, &a.cue)
            || a.contents.iter().any(|c| overlaps(c, &l.cue) || l.contents.iter().any(|lc| overlaps(lc, c)))
            || l.contents.iter().any(|lc| overlaps(lc, &a.cue))
    })
}

/// The layer: the model's attributions and the signed quotations it
/// missed, in cue order.
pub fn layer(ctx: &Ctx, marks: &Marks, learned: &[TokenAttribution]) -> Vec<TokenAttribution> {
    let mut out: Vec<TokenAttribution> = learned.to_vec();
    if ctx.parsed {
        let tree = super::bounds::Tree::new(ctx.tokens);
        for a in &mut out {
            super::bounds::repair(ctx, marks, &tree, a);
        }
    }
    quote_pairs(ctx, marks, &mut out);
    trailing_parts(ctx, marks, &mut out);
    for a in signed_quotes(ctx, marks) {
        if !taken(&a, &out) {
            out.push(a);
        }
    }
    out.sort_by_key(|a| (a.cue.start, a.cue.end));
    out
}

/// True when span `r` shares a token with any role of an attribution of
/// `out` other than the `skip`th.
fn claimed(r: &Range<usize>, out: &[TokenAttribution], skip: usize) -> bool {
    out.iter().enumerate().any(|(j, l)| {
        j != skip
            && (overlaps(&l.cue, r)
                || l.contents.iter().any(|c| overlaps(c, r))
                || l.sources.iter().any(|c| overlaps(c, r)))
    })
}

/// A quotation that holds nothing but itself to the end of its paragraph.
fn ends_paragraph(ctx: &Ctx, q: &Quote) -> bool {
    let para = ctx.paragraph(q.close);
    q.closed && (q.close + 1..para.end).all(|k| ctx.is_punct(k))
}

/// Quotations on both sides of one source and cue ("“Q1,” she said. “Q2.”",
/// the speaker's words opening and closing the paragraph): PolNeAR
/// annotates both as fragments of one content, and the model, which tags
/// a window of sentences around the cue, often takes only one. When it
/// took one, the other is added if no other attribution holds any of it.
/// The second quotation must end its paragraph (otherwise a cue of its own
/// may follow it: "“Q2,” he added").
fn quote_pairs(ctx: &Ctx, marks: &Marks, out: &mut [TokenAttribution]) {
    let in_content = |a: &TokenAttribution, r: &Range<usize>| a.contents.iter().any(|c| overlaps(c, r));
    for i in 0..out.len() {
        let a = &out[i];
        let Some(sent) = ctx.doc.analysis.sentence_of(a.cue.start) else { continue };
        let s = ctx.doc.analysis.sentences[sent].tokens.clone();
        let para = ctx.paragraph(a.cue.start);
        // The quotation opening the cue's sentence and closing before the cue.
        // A mark of two apostrophes is two tokens: the quotation opens at the second.
        let opening = |k: usize| (k..(k + 2).min(para.end)).find_map(|j| marks.opens(j));
        let q1 = opening(s.start).filter(|q| q.closed && q.close < a.cue.start);
        // The quotation that opens the next sentence and ends the paragraph.
        let q2 = (s.end < para.end)
            .then(|| opening(s.end))
            .flatten()
            .filter(|q| ends_paragraph(ctx, q) && q.close < para.end);
        let (Some(q1), Some(q2)) = (q1, q2) else { continue };
        let (r1, r2) = (q1.inner(), q2.inner());
        if r1.is_empty() || r2.is_empty() {
            continue;
        }
        let add = match (in_content(a, &r1), in_content(a, &r2)) {
            (true, false) if !claimed(&r2, out, i) => r2,
            (false, true) if !claimed(&r1, out, i) => r1,
            _ => continue,
        };
        let a = &mut out[i];
        a.contents.push(add);
        a.contents.sort_by_key(|c| (c.start, c.end));
    }
}

/// Longest trailing part taken, in words.
const MAX_TRAILING: usize = 60;

/// The part of an interrupted content after the source and cue ("Lenox was
/// a juggernaut, she said, until it went bankrupt"), when the model took
/// only the part before them: from the comma after the source and cue (and
/// an adjunct of theirs: "said in a report,") to the sentence end, without
/// a connective "and" / "but" that opens it. Both parts must be quoted or
/// both unquoted, and no other attribution may hold any of it.
fn trailing_parts(ctx: &Ctx, marks: &Marks, out: &mut [TokenAttribution]) {
    for i in 0..out.len() {
        let a = &out[i];
        if a.sources.is_empty() || a.contents.is_empty() {
            continue;
        }
        let Some(sent) = ctx.doc.analysis.sentence_of(a.cue.start) else { continue };
        let s = ctx.doc.analysis.sentences[sent].tokens.clone();
        if a.contents.iter().any(|c| c.end > a.cue.end && c.start < s.end) {
            continue;
        }
        let Some(comma) = super::bounds::comma_before_source(ctx, marks, a, s.start) else { continue };
        let Some(last) = a.contents.iter().filter(|c| c.end <= a.cue.start).map(|c| c.end).max() else { continue };
        if last + 3 < comma || last < s.start {
            continue;
        }
        let right = a.sources.iter().map(|x| x.end).chain(std::iter::once(a.cue.end)).max().unwrap_or(a.cue.end);
        let Some(c2) = (right..s.end).find(|&t| ctx.word(t) == ",") else { continue };
        let mut y0 = c2 + 1;
        while y0 < s.end && (ctx.is_punct(y0) || matches!(ctx.lower(y0).as_str(), "and" | "but")) {
            y0 += 1;
        }
        let mut y1 = s.end;
        while y1 > y0 && ctx.is_punct(y1 - 1) {
            y1 -= 1;
        }
        if y0 >= y1 || y1 - y0 > MAX_TRAILING {
            continue;
        }
        let y = y0..y1;
        if claimed(&y, out, i) {
            continue;
        }
        if marks.in_quote(last.saturating_sub(1)) != marks.in_quote(y0) {
            continue;
        }
        let a = &mut out[i];
        a.contents.push(y);
        a.contents.sort_by_key(|c| (c.start, c.end));
    }
}

/// The rules' drafts as a layer (when no model runs): one attribution per
/// cue, the contents of the drafts sharing a cue joined (a content split
/// into propositions is one attribution).
pub fn rules_layer(rules: &[Draft]) -> Vec<TokenAttribution> {
    let mut out: Vec<TokenAttribution> = Vec::new();
    for d in rules.iter().filter(|d| !d.content.is_empty()) {
        let sources: Vec<Range<usize>> = d.speaker.iter().filter(|s| !s.is_empty()).cloned().collect();
        match out.iter_mut().find(|o| o.cue == d.cue) {
            Some(o) => {
                o.contents.extend(d.content.iter().cloned());
                o.contents.sort_by_key(|c| (c.start, c.end));
                o.contents.dedup();
                if o.sources.is_empty() {
                    o.sources = sources;
                }
            }
            None => out.push(TokenAttribution { cue: d.cue.clone(), sources, contents: d.content.clone() }),
        }
    }
    out
}

/// Dashes that sign a quotation.
const SIGN_DASHES: &[&str] = &["―", "—", "–", "--"];

/// Words a signature holds at most ("Jane Roe", "Rep. John Q. Public").
const MAX_SIGNATURE: usize = 6;

/// Quotations signed by a dash and a name that ends the paragraph ("“…” ―
/// Jane Roe, 34, Ohio": the layout of collected voter or reader quotes and
/// of epigraphs): the dash is the cue, the capitalised name up to the first
/// comma the source, the quotation the content. The model seldom saw the
/// layout in training, and the rules look for verbs.
pub fn signed_quotes(ctx: &Ctx, marks: &Marks) -> Vec<TokenAttribution> {
    let mut out = Vec::new();
    for q in marks.quotes.iter().filter(|q| q.closed && !q.inner().is_empty()) {
        let dash = q.close + 1;
        if dash + 1 >= ctx.tokens.len() || !SIGN_DASHES.contains(&ctx.word(dash)) || ctx.line_break_before(dash) {
            continue;
        }
        let para = ctx.paragraph(dash);
        let end = (dash + 1..para.end).find(|&k| ctx.word(k) == ",").unwrap_or(para.end);
        let mut name_end = end;
        while name_end > dash + 1 && ctx.is_punct(name_end - 1) {
            name_end -= 1;
        }
        let name = dash + 1..name_end;
        let capitalised = |k: usize| ctx.word(k).starts_with(|c: char| c.is_uppercase());
        if name.is_empty() || name.len() > MAX_SIGNATURE || !capitalised(name.start) || !capitalised(name.end - 1) {
            continue;
        }
        out.push(TokenAttribution { cue: dash..dash + 1, sources: vec![name], contents: vec![q.inner()] });
    }
    out
}

#[cfg(test)]
// A span list of one token range is what these tests build, on purpose.
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    fn segmented(text: &str) -> crate::document::Document {
        let mut doc = crate::document::Document::new(crate::document::DocMeta::default(), text.to_string());
        doc.analysis = claimgraph_nlp::segment::segment(text);
        doc
    }

    #[test]
    fn a_quotation_after_the_cue_sentence_continues_the_content() {
        // 0 “ 1 It 2 failed 3 , 4 ” 5 she 6 said 7 . 8 “ 9 We 10 tried 11 . 12 ”
        let doc = segmented("\u{201c}It failed,\u{201d} she said. \u{201c}We tried.\u{201d}");
        assert_eq!(doc.analysis.sentences.len(), 2);
        let ctx = Ctx::new(&doc);
        let marks = Marks::new(&doc.text, &doc.analysis.tokens, &ctx.quotes);
        let mut out = vec![TokenAttribution { cue: 6..7, sources: vec![5..6], contents: vec![1..3] }];
        quote_pairs(&ctx, &marks, &mut out);
        assert_eq!(out[0].contents, vec![1..3, 9..12]);
        // The other way round: the model took the second quotation only.
        let mut out = vec![TokenAttribution { cue: 6..7, sources: vec![5..6], contents: vec![9..12] }];
        quote_pairs(&ctx, &marks, &mut out);
        assert_eq!(out[0].contents, vec![1..4, 9..12]);
        // A quotation another attribution holds is left to it.
        let mut out = vec![
            TokenAttribution { cue: 6..7, sources: vec![5..6], contents: vec![1..3] },
            TokenAttribution { cue: 10..11, sources: vec![9..10], contents: vec![] },
        ];
        quote_pairs(&ctx, &marks, &mut out);
        assert_eq!(out[0].contents, vec![1..3]);
    }

    #[test]
    fn the_part_after_an_interrupting_source_and_cue_is_content() {
        // 0 The 1 mill 2 thrived 3 , 4 Ms. 5 Okafor 6 said 7 , 8 until 9 it 10 closed 11 .
        let doc = segmented("The mill thrived, Ms. Okafor said, until it closed.");
        let ctx = Ctx::new(&doc);
        let marks = Marks::new(&doc.text, &doc.analysis.tokens, &ctx.quotes);
        let mut out = vec![TokenAttribution { cue: 6..7, sources: vec![4..6], contents: vec![0..3] }];
        trailing_parts(&ctx, &marks, &mut out);
        assert_eq!(out[0].contents, vec![0..3, 8..11]);
        // A content after the cue already: nothing is added.
        let mut out = vec![TokenAttribution { cue: 6..7, sources: vec![4..6], contents: vec![0..3, 8..10] }];
        trailing_parts(&ctx, &marks, &mut out);
        assert_eq!(out[0].contents, vec![0..3, 8..10]);
    }

    #[test]
    fn a_quotation_followed_by_its_own_cue_is_not_taken() {
        let doc = segmented("\u{201c}It failed,\u{201d} she said. \u{201c}We tried,\u{201d} he added.");
        let ctx = Ctx::new(&doc);
        let marks = Marks::new(&doc.text, &doc.analysis.tokens, &ctx.quotes);
        let mut out = vec![TokenAttribution { cue: 6..7, sources: vec![5..6], contents: vec![1..3] }];
        quote_pairs(&ctx, &marks, &mut out);
        assert_eq!(out[0].contents, vec![1..3]);
    }
}
