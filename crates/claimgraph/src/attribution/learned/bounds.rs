//! Span boundaries repaired with the dependency parse, for the attribution
//! layer ([`super::layer`]).
//!
//! The role tagger decides each token's role from local evidence, so a
//! content run sometimes stops inside a constituent ("that his" and no
//! verb), leaves out the part of a clause that the source and cue
//! interrupt or the start of the clause before "according to", or
//! runs on into a second predicate of the cue's verb or into the writer's
//! narration after a quotation. PolNeAR's content is
//! the complement of the cue, so these rules snap the run's edges to the
//! parse. Each rule was kept only for what it gained on PolNeAR dev (see
//! BENCHMARKS.md, "Attribution"). The public claims do not go through
//! here.

use crate::attribution::overlaps;
use std::ops::Range;

use claimgraph_nlp::{Token, Upos};

use super::gold::TokenAttribution;
use super::marks::Marks;
use crate::attribution::context::Ctx;

/// Longest head chain followed (a guard against a cyclic parse).
const MAX_DEPTH: usize = 60;

/// Longest fronted subject taken, in words.
const MAX_SUBJECT: usize = 8;

/// Subtree extents of a parsed document.
pub struct Tree<'a> {
    tokens: &'a [Token],
    /// Leftmost token of each token's subtree.
    left: Vec<usize>,
    /// One past the rightmost token of each token's subtree.
    right: Vec<usize>,
}

impl<'a> Tree<'a> {
    /// The subtree extents of `tokens`.
    pub fn new(tokens: &'a [Token]) -> Tree<'a> {
        let n = tokens.len();
        let mut left: Vec<usize> = (0..n).collect();
        let mut right: Vec<usize> = (1..=n).collect();
        for t in 0..n {
            let mut cur = t;
            for _ in 0..MAX_DEPTH {
                let Some(h) = tokens[cur].head.filter(|&h| h < n) else { break };
                left[h] = left[h].min(t);
                right[h] = right[h].max(t + 1);
                cur = h;
            }
        }
        Tree { tokens, left, right }
    }

    fn head(&self, t: usize) -> Option<usize> {
        self.tokens[t].head.filter(|&h| h < self.tokens.len())
    }

    /// True when `a` dominates `t` (or is it).
    fn dominates(&self, a: usize, t: usize) -> bool {
        let mut cur = t;
        for _ in 0..MAX_DEPTH {
            if cur == a {
                return true;
            }
            match self.head(cur) {
                Some(h) => cur = h,
                None => return false,
            }
        }
        false
    }

    fn span(&self, t: usize) -> Range<usize> {
        self.left[t]..self.right[t]
    }
}

/// The cue's syntactic head: its token whose head lies outside it.
fn cue_head(tree: &Tree, cue: &Range<usize>) -> usize {
    cue.clone().find(|&k| tree.head(k).is_none_or(|h| !cue.contains(&h))).unwrap_or(cue.start)
}

/// Repairs the cue end and the content boundaries of `a`, an attribution
/// over `ctx`'s tokens whose parse is `tree`.
pub fn repair(ctx: &Ctx, marks: &Marks, tree: &Tree, a: &mut TokenAttribution) {
    if a.cue.is_empty() || a.cue.end > tree.tokens.len() || a.contents.iter().any(|c| c.end > tree.tokens.len()) {
        return;
    }
    preposition_to_cue(tree, a);
    let ch = cue_head(tree, &a.cue);
    let mut contents = a.contents.clone();
    for c in contents.iter_mut() {
        complete_right(tree, a, ch, c);
        cut_second_predicate(ctx, tree, a, ch, c);
    }
    if let Some(x) = fronted_part(ctx, marks, a).or_else(|| fronted_subject(ctx, tree, a)) {
        contents.push(x);
    }
    if let Some(x) = relative_before_source(ctx, a) {
        contents.push(x);
    }
    according_to_whole_clause(ctx, a, &mut contents);
    drop_narration_after_quote(ctx, marks, a, &mut contents);
    contents.sort_by_key(|c| (c.start, c.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(contents.len());
    for c in contents {
        match merged.last_mut() {
            Some(m) if c.start <= m.end => m.end = m.end.max(c.end),
            _ => merged.push(c),
        }
    }
    a.contents = merged;
}

/// Longest fronted part taken, in words.
const MAX_FRONTED: usize = 40;

/// The fronted part of a content that the source and cue interrupt ("Too
/// often, she said, the plan fails"; "If it fails, he argues, there are
/// other tools"; "''Hopefully,'' he said, ''...''"): PolNeAR's content takes
/// the words from the sentence start to the comma before the source as a
/// fragment of its own, whatever their function (subject, adverbial,
/// subordinate clause). The content must start after the cue in the same
/// sentence, past a comma; the attribution must have a source; both parts
/// must be quoted or both unquoted ("As a phone rang, the announcer said,
/// “...”" is the writer's scene and a quotation); and after ", but" or ",
/// and" only the last clause is taken.
fn fronted_part(ctx: &Ctx, marks: &Marks, a: &TokenAttribution) -> Option<Range<usize>> {
    let first = a.contents.first()?;
    if first.start < a.cue.end || a.sources.is_empty() {
        return None;
    }
    let comma = comma_before_source(ctx, marks, a, 0)?;
    let sent = ctx.doc.analysis.sentences.get(ctx.doc.analysis.sentence_of(comma)?)?.tokens.clone();
    if first.start >= sent.end || !(a.cue.end..first.start).any(|t| ctx.word(t) == ",") {
        return None;
    }
    let mut s = sent.start;
    while s < comma && ctx.is_punct(s) {
        s += 1;
    }
    // "And perhaps, he said, ...": the connective is the writer's.
    if s < comma && ctx.lower(s) == "and" {
        s += 1;
    }
    if let Some(k) =
        (s + 1..comma).rev().find(|&k| ctx.word(k - 1) == "," && matches!(ctx.lower(k).as_str(), "but" | "and"))
    {
        s = k + 1;
    }
    let mut e = comma;
    while e > s && ctx.is_punct(e - 1) {
        e -= 1;
    }
    if s >= e || e - s > MAX_FRONTED {
        return None;
    }
    if a.sources.iter().any(|x| overlaps(&(s..e), x)) || a.contents.iter().any(|x| overlaps(&(s..e), x)) {
        return None;
    }
    let c0 = first.clone().find(|&k| !ctx.is_punct(k)).unwrap_or(first.start);
    let quoted_after = marks.in_quote(c0);
    if (s..e).any(|k| !ctx.is_punct(k) && marks.in_quote(k) != quoted_after) {
        return None;
    }
    Some(s..e)
}

/// The comma before the source and cue of `a` (past closing quotation
/// marks: "“Q1,” she said"), at or after token `floor`, where an
/// interrupted content breaks off: shared by [`fronted_part`] and
/// [`super::layer`]'s trailing parts.
pub(super) fn comma_before_source(ctx: &Ctx, marks: &Marks, a: &TokenAttribution, floor: usize) -> Option<usize> {
    let left = a.sources.iter().map(|s| s.start).filter(|&s| s < a.cue.start).min().unwrap_or(a.cue.start);
    let mut k = left;
    while k > floor && (marks.closes(k - 1).is_some() || matches!(ctx.word(k - 1), "'" | "’" | "\"" | "”")) {
        k -= 1;
    }
    (k > floor && ctx.word(k - 1) == ",").then(|| k - 1)
}

/// A relative pronoun right before the source ("which she says is ..."):
/// PolNeAR's content takes it as a fragment.
fn relative_before_source(ctx: &Ctx, a: &TokenAttribution) -> Option<Range<usize>> {
    let first = a.contents.first()?;
    if first.start < a.cue.end {
        return None;
    }
    // Without a source of its own the pronoun is the source ("a report
    // which says ...").
    let left = a.sources.iter().map(|s| s.start).filter(|&s| s < a.cue.start).min()?;
    if left == 0 || !matches!(ctx.lower(left - 1).as_str(), "which" | "who" | "whom") {
        return None;
    }
    if a.contents.iter().any(|x| x.contains(&(left - 1))) {
        return None;
    }
    Some(left - 1..left)
}

/// "Police have said they have no plans, according to Z": the content of
/// "according to" before it is the whole clause from the sentence start
/// (past an opening "And" / "But"), a nested attribution or a fronted
/// adverbial included; the model often starts it after them.
fn according_to_whole_clause(ctx: &Ctx, a: &TokenAttribution, contents: &mut [Range<usize>]) {
    if ctx.lower(a.cue.start) != "according" {
        return;
    }
    let Some(sent) = ctx.doc.analysis.sentence_of(a.cue.start) else { return };
    let s = ctx.doc.analysis.sentences[sent].tokens.clone();
    let mut s0 = s.start;
    while s0 < a.cue.start && (ctx.is_punct(s0) || matches!(ctx.lower(s0).as_str(), "and" | "but")) {
        s0 += 1;
    }
    let Some(c) = contents.iter_mut().filter(|c| c.end <= a.cue.start && c.start >= s.start).min_by_key(|c| c.start)
    else {
        return;
    };
    if c.start <= s0 {
        return;
    }
    if a.sources.iter().any(|x| x.start < c.start && x.end > s0) {
        return;
    }
    c.start = s0;
}

/// Moves into the cue a preposition that opens the content and heads into
/// it ("accused of | being ...", "spoke about | the death of ..."):
/// PolNeAR's cue ends with it. (The same for "by" before a source cost
/// cue F1 on dev and is not done.)
fn preposition_to_cue(tree: &Tree, a: &mut TokenAttribution) {
    let k = a.cue.end;
    if k >= tree.tokens.len() || tree.tokens[k].upos != Upos::ADP {
        return;
    }
    let opens_content = a.contents.iter().any(|c| c.start == k && c.end > k + 1);
    if !opens_content || !tree.head(k).is_some_and(|h| a.contents.iter().any(|c| c.contains(&h))) {
        return;
    }
    a.cue.end = k + 1;
    for c in a.contents.iter_mut().filter(|c| c.start == k) {
        c.start = k + 1;
    }
}

/// Extends run `c` to the end of the constituent it cuts on its right edge:
/// when a word of the run depends on a word past the end ("that his | ...
/// had not galvanized"), the run ends where the largest constituent around
/// that word ends that holds neither the cue nor a source. A content may
/// hold other attributions' cues (PolNeAR nests them), so they do not stop
/// the extension.
fn complete_right(tree: &Tree, a: &TokenAttribution, ch: usize, c: &mut Range<usize>) {
    let cut =
        c.clone().find_map(|t| tree.head(t).filter(|&h| h >= c.end && !a.cue.contains(&h) && !tree.dominates(h, ch)));
    let Some(mut top) = cut else { return };
    for _ in 0..MAX_DEPTH {
        match tree.head(top) {
            Some(h) if !a.cue.contains(&h) && !tree.dominates(h, ch) => top = h,
            _ => break,
        }
    }
    let new = c.start..tree.span(top).end.max(c.end);
    if overlaps(&new, &a.cue) || a.sources.iter().any(|s| overlaps(&new, s)) {
        return;
    }
    *c = new;
}

/// Drops the content runs after the cue that lie outside every quotation
/// when a quotation before the cue is content ("“...,” she said several
/// months later, and ..."): the words after the cue are the writer's
/// narration, not the quoted speaker's.
fn drop_narration_after_quote(ctx: &Ctx, marks: &Marks, a: &TokenAttribution, contents: &mut Vec<Range<usize>>) {
    let in_quote = |k: usize| marks.in_quote(k);
    let quoted = |c: &Range<usize>| {
        let mut words = c.clone().filter(|&k| !ctx.is_punct(k)).peekable();
        words.peek().is_some() && words.all(in_quote)
    };
    if contents.iter().any(|c| c.end <= a.cue.start && quoted(c)) {
        contents.retain(|c| c.start < a.cue.end || c.clone().any(in_quote));
    }
}

/// A second verb coordinated with the cue's verb, with no subject of its
/// own ("said | that ... and warned against ...").
fn second_predicate(tree: &Tree, t: usize) -> bool {
    let tok = &tree.tokens[t];
    tok.deprel.is("conj")
        && tok.upos == Upos::VERB
        && !tree.span(t).any(|k| tree.head(k) == Some(t) && tree.tokens[k].deprel.is("nsubj"))
}

/// Cuts run `c` (after the cue) before a second predicate of the cue's
/// verb that follows the complement inside the run: what that predicate
/// says is not the cue's content.
fn cut_second_predicate(ctx: &Ctx, tree: &Tree, a: &TokenAttribution, ch: usize, c: &mut Range<usize>) {
    if c.start < a.cue.end {
        return;
    }
    let attached = |t: usize| tree.head(t).is_some_and(|h| h == ch || a.cue.contains(&h));
    let mut complement = false;
    for t in c.clone() {
        if !attached(t) || ctx.is_punct(t) {
            continue;
        }
        let l = tree.left[t].max(c.start);
        if complement && second_predicate(tree, t) && l > c.start {
            let mut e = l;
            while e > c.start && ctx.is_punct(e - 1) {
                e -= 1;
            }
            if e > c.start {
                c.end = e;
            }
            return;
        }
        complement = true;
    }
}

/// The subject of the content's clause when it opens the sentence and the
/// source and cue interrupt the clause ("The plan, she said, would fail"):
/// PolNeAR's content takes it as a fragment of its own. The first run
/// after the cue must be a finite clause without a subject of its own, and
/// the subject is a noun phrase of at most [`MAX_SUBJECT`] words from the
/// sentence start to the comma before the source (or the cue).
fn fronted_subject(ctx: &Ctx, tree: &Tree, a: &TokenAttribution) -> Option<Range<usize>> {
    let first = a.contents.first()?;
    if first.start < a.cue.end {
        return None;
    }
    let root = first.clone().find(|&t| tree.head(t).is_none_or(|h| !first.contains(&h)))?;
    let has_subject = first.clone().any(|t| {
        let rel = tree.tokens[t].deprel;
        tree.head(t) == Some(root) && (rel.is("nsubj") || rel.is("expl") || rel.is("csubj"))
    });
    if has_subject {
        return None;
    }
    // A finite clause (its root may be a noun or an adjective under a
    // copula): an infinitive or a gerund takes the source as its subject
    // ("declined to comment").
    if !(first.start..=root).any(|k| ctx.is_finite_verb(k)) {
        return None;
    }
    let left = a.sources.iter().map(|s| s.start).filter(|&s| s < a.cue.start).min().unwrap_or(a.cue.start);
    if left == 0 || ctx.word(left - 1) != "," {
        return None;
    }
    let comma = left - 1;
    let sent = ctx.doc.analysis.sentence_of(comma)?;
    let mut s = ctx.doc.analysis.sentences[sent].tokens.start;
    while s < comma && ctx.is_punct(s) {
        s += 1;
    }
    if s >= comma || comma - s > MAX_SUBJECT || (s..comma).any(|k| ctx.word(k) == ",") {
        return None;
    }
    // A noun phrase, not an adverbial or a prepositional phrase ("In fact",
    // "Through a spokesman").
    if matches!(tree.tokens[s].upos, Upos::ADP | Upos::SCONJ | Upos::ADV | Upos::CCONJ | Upos::INTJ | Upos::VERB) {
        return None;
    }
    let np_root = (s..comma).find(|&t| tree.head(t).is_none_or(|h| !(s..comma).contains(&h)))?;
    if !matches!(tree.tokens[np_root].upos, Upos::NOUN | Upos::PROPN | Upos::PRON | Upos::NUM | Upos::DET) {
        return None;
    }
    if a.sources.iter().any(|x| overlaps(&(s..comma), x)) || a.contents.iter().any(|x| overlaps(&(s..comma), x)) {
        return None;
    }
    Some(s..comma)
}

#[cfg(test)]
// A span list of one token range is what these tests build, on purpose.
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;
    use claimgraph_nlp::DepRel;

    /// Tokens with the given heads, relations and parts of speech (the
    /// words do not matter to these rules).
    fn parse(rows: &[(Option<usize>, &str, Upos)]) -> Vec<Token> {
        rows.iter()
            .enumerate()
            .map(|(i, &(head, rel, upos))| {
                let mut t = Token::new(i * 2, i * 2 + 1, true);
                t.head = head;
                t.deprel = DepRel::parse(rel).unwrap_or(DepRel::DEP);
                t.upos = upos;
                t
            })
            .collect()
    }

    #[test]
    fn a_run_cut_inside_a_clause_is_completed_to_the_clause_end() {
        // 0 She 1 said 2 that 3 his 4 plan 5 failed 6 badly
        let toks = parse(&[
            (Some(1), "nsubj", Upos::PRON),
            (None, "root", Upos::VERB),
            (Some(5), "mark", Upos::SCONJ),
            (Some(4), "nmod:poss", Upos::PRON),
            (Some(5), "nsubj", Upos::NOUN),
            (Some(1), "ccomp", Upos::VERB),
            (Some(5), "advmod", Upos::ADV),
        ]);
        let tree = Tree::new(&toks);
        let a = TokenAttribution { cue: 1..2, sources: vec![0..1], contents: vec![2..4] };
        let mut c = a.contents[0].clone();
        complete_right(&tree, &a, 1, &mut c);
        assert_eq!(c, 2..7);
        // A complete clause is left alone.
        let mut whole = 2..7;
        complete_right(&tree, &a, 1, &mut whole);
        assert_eq!(whole, 2..7);
    }

    #[test]
    fn narration_after_a_quoted_content_is_dropped() {
        // “ It failed , ” she said later , and left .
        let text = "\u{201c}It failed,\u{201d} she said later, and left.";
        let mut doc = crate::document::Document::new(crate::document::DocMeta::default(), text.to_string());
        doc.analysis.tokens = claimgraph_nlp::tokenize(text);
        let words: Vec<&str> = doc.analysis.tokens.iter().map(|t| t.text(text)).collect();
        assert_eq!(
            words,
            ["\u{201c}", "It", "failed", ",", "\u{201d}", "she", "said", "later", ",", "and", "left", "."]
        );
        let ctx = Ctx::new(&doc);
        let marks = Marks::new(text, &doc.analysis.tokens, &ctx.quotes);
        let a = TokenAttribution { cue: 6..7, sources: vec![5..6], contents: vec![1..3, 7..11] };
        let mut contents = a.contents.clone();
        drop_narration_after_quote(&ctx, &marks, &a, &mut contents);
        assert_eq!(contents, vec![1..3]);
        // Without the quotation before the cue the run after it stays.
        let b = TokenAttribution { cue: 6..7, sources: vec![5..6], contents: vec![7..11] };
        let mut kept = b.contents.clone();
        drop_narration_after_quote(&ctx, &marks, &b, &mut kept);
        assert_eq!(kept, vec![7..11]);
    }

    /// A document of `text` split into tokens and sentences (no parse).
    fn segmented(text: &str) -> crate::document::Document {
        let mut doc = crate::document::Document::new(crate::document::DocMeta::default(), text.to_string());
        doc.analysis = claimgraph_nlp::segment::segment(text);
        doc
    }

    fn words(doc: &crate::document::Document, r: &Range<usize>) -> Vec<String> {
        doc.analysis.tokens[r.clone()].iter().map(|t| t.text(&doc.text).to_string()).collect()
    }

    #[test]
    fn the_fronted_part_of_an_interrupted_content_is_content() {
        // 0 Too 1 often 2 , 3 Ms. 4 Rivera 5 said 6 , 7 the 8 plan 9 fails 10 .
        let doc = segmented("Too often, Ms. Rivera said, the plan fails.");
        assert_eq!(words(&doc, &(0..3)), ["Too", "often", ","]);
        let ctx = Ctx::new(&doc);
        let marks = Marks::new(&doc.text, &doc.analysis.tokens, &ctx.quotes);
        let a = TokenAttribution { cue: 5..6, sources: vec![3..5], contents: vec![7..10] };
        assert_eq!(fronted_part(&ctx, &marks, &a), Some(0..2));
        // Without a source, or with the content already before the cue, nothing.
        let b = TokenAttribution { cue: 5..6, sources: vec![], contents: vec![7..10] };
        assert_eq!(fronted_part(&ctx, &marks, &b), None);
        let c = TokenAttribution { cue: 5..6, sources: vec![3..5], contents: vec![0..2, 7..10] };
        assert_eq!(fronted_part(&ctx, &marks, &c), None);
    }

    #[test]
    fn a_scene_before_a_quotation_is_not_content() {
        // As the bell rang , the host said , “ Welcome back . ”
        let doc = segmented("As the bell rang, the host said, \u{201c}Welcome back.\u{201d}");
        let ctx = Ctx::new(&doc);
        let marks = Marks::new(&doc.text, &doc.analysis.tokens, &ctx.quotes);
        let w = words(&doc, &(0..doc.analysis.tokens.len()));
        let cue = w.iter().position(|x| x == "said").expect("the cue");
        let open = w.iter().position(|x| x == "\u{201c}").expect("the opening mark");
        let a = TokenAttribution { cue: cue..cue + 1, sources: vec![cue - 2..cue], contents: vec![open + 1..open + 4] };
        assert_eq!(fronted_part(&ctx, &marks, &a), None);
        // Quoted on both sides, the fronted part is taken.
        let doc = segmented("''Sadly,'' the host said, ''we are closing.''");
        let ctx = Ctx::new(&doc);
        let marks = Marks::new(&doc.text, &doc.analysis.tokens, &ctx.quotes);
        let w = words(&doc, &(0..doc.analysis.tokens.len()));
        let cue = w.iter().position(|x| x == "said").expect("the cue");
        let we = w.iter().position(|x| x == "we").expect("the content's first word");
        let a = TokenAttribution { cue: cue..cue + 1, sources: vec![cue - 2..cue], contents: vec![we..we + 3] };
        let got = fronted_part(&ctx, &marks, &a).map(|r| words(&doc, &r));
        assert_eq!(got, Some(vec!["Sadly".to_string()]));
    }

    #[test]
    fn a_relative_pronoun_before_the_source_is_content() {
        // 0 the 1 plan 2 , 3 which 4 she 5 says 6 will 7 fail
        let doc = segmented("the plan, which she says will fail");
        let ctx = Ctx::new(&doc);
        let a = TokenAttribution { cue: 5..6, sources: vec![4..5], contents: vec![6..8] };
        assert_eq!(relative_before_source(&ctx, &a), Some(3..4));
        let b = TokenAttribution { cue: 5..6, sources: vec![], contents: vec![6..8] };
        assert_eq!(relative_before_source(&ctx, &b), None);
    }

    #[test]
    fn the_content_of_according_to_is_the_whole_clause_before_it() {
        // 0 And 1 police 2 have 3 said 4 they 5 will 6 wait 7 , 8 according 9 to 10 a 11 report 12 .
        let doc = segmented("And police have said they will wait, according to a report.");
        let ctx = Ctx::new(&doc);
        let a = TokenAttribution { cue: 8..10, sources: vec![10..12], contents: vec![4..7] };
        let mut contents = a.contents.clone();
        according_to_whole_clause(&ctx, &a, &mut contents);
        assert_eq!(contents, vec![1..7]);
        // Another cue keeps the model's start.
        let b = TokenAttribution { cue: 3..4, sources: vec![1..2], contents: vec![4..7] };
        let mut kept = b.contents.clone();
        according_to_whole_clause(&ctx, &b, &mut kept);
        assert_eq!(kept, vec![4..7]);
    }

    #[test]
    fn a_preposition_opening_the_content_joins_the_cue() {
        // 0 They 1 accused 2 him 3 of 4 lying -- content "of lying" after "accused him"
        let toks = parse(&[
            (Some(1), "nsubj", Upos::PRON),
            (None, "root", Upos::VERB),
            (Some(1), "obj", Upos::PRON),
            (Some(4), "mark", Upos::ADP),
            (Some(1), "advcl", Upos::VERB),
        ]);
        let tree = Tree::new(&toks);
        let mut a = TokenAttribution { cue: 1..3, sources: vec![0..1], contents: vec![3..5] };
        preposition_to_cue(&tree, &mut a);
        assert_eq!(a.cue, 1..4);
        assert_eq!(a.contents, vec![4..5]);
    }

    #[test]
    fn a_second_predicate_of_the_cue_verb_is_not_content() {
        let toks = parse(&[
            (Some(1), "nsubj", Upos::PRON), // 0 He
            (None, "root", Upos::VERB),     // 1 said
            (Some(3), "nsubj", Upos::PRON), // 2 it
            (Some(1), "ccomp", Upos::VERB), // 3 failed
            (Some(5), "cc", Upos::CCONJ),   // 4 and
            (Some(1), "conj", Upos::VERB),  // 5 warned
            (Some(5), "obj", Upos::NOUN),   // 6 others
        ]);
        let tree = Tree::new(&toks);
        let doc = crate::document::Document::new(crate::document::DocMeta::default(), String::new());
        let ctx = Ctx::new(&doc);
        let a = TokenAttribution { cue: 1..2, sources: vec![0..1], contents: vec![2..7] };
        let mut c = a.contents[0].clone();
        cut_second_predicate(&ctx, &tree, &a, 1, &mut c);
        assert_eq!(c, 2..4);
    }
}
