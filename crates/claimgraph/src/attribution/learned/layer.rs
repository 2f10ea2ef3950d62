//! The attribution layer: every attribution in PolNeAR's wider sense, as
//! spans only, next to the public claims.
//!
//! The model was trained on PolNeAR's notion of attribution (beliefs,
//! intentions, poll findings and noun-phrase contents as well as speech),
//! so its spans are the layer: each model attribution is kept as the model
//! found it, cue, sources and content boundaries, except where the
//! dependency parse shows a content edge to be wrong ([`super::bounds`]:
//! a run cut inside a clause, a fronted subject, a second predicate of the
//! cue's verb, narration after a quotation, a preposition that opens the
//! content). One layout the model
//! seldom saw in training is added by rule: a quotation signed by a dash
//! and a name ([`signed_quotes`]). The public claims are a separate,
//! stricter choice ([`super::combine`]); this layer is what `eval polnear`
//! scores by default.
//!
//! Filling the layer with the rules' drafts where the model found no cue
//! was measured and left out: on PolNeAR dev those drafts matched a gold
//! cue exactly in 8 of 43 cases, and cost 0.3 cue F1.

use std::ops::Range;

use super::gold::TokenAttribution;
use crate::attribution::context::Ctx;
use crate::attribution::rules::Draft;

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

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
pub fn layer(ctx: &Ctx, learned: &[TokenAttribution]) -> Vec<TokenAttribution> {
    let mut out: Vec<TokenAttribution> = learned.to_vec();
    if ctx.parsed {
        let tree = super::bounds::Tree::new(ctx.tokens);
        for a in &mut out {
            super::bounds::repair(ctx, &tree, a);
        }
    }
    for a in signed_quotes(ctx) {
        if !taken(&a, &out) {
            out.push(a);
        }
    }
    out.sort_by_key(|a| (a.cue.start, a.cue.end));
    out
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
pub fn signed_quotes(ctx: &Ctx) -> Vec<TokenAttribution> {
    let mut out = Vec::new();
    for q in ctx.quotes.iter().filter(|q| q.closed && !q.inner().is_empty()) {
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
