//! Evaluation of the core against annotated corpora: UD attachment and
//! tagging scores on gold or raw-text tokenisation (aligned by character
//! spans, as the CoNLL 2018 shared-task script does), and exact-match NER
//! precision / recall / F1.

use std::time::Instant;

use crate::conllu::{NerSentence, UdSentence};
use crate::core::Core;
use crate::labels::{DepRel, Xpos};
use crate::ner::NerExample;
use crate::segment::segment;

/// Scores of a UD evaluation, in percent. With gold tokenisation these are
/// accuracies; with raw text they are F1 over aligned words.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct UdScores {
    /// UPOS.
    pub upos: f64,
    /// Penn XPOS.
    pub xpos: f64,
    /// Lemma (exact string).
    pub lemma: f64,
    /// Unlabelled attachment score.
    pub uas: f64,
    /// Labelled attachment score over universal relations (subtypes such as
    /// `:pass` ignored), as the CoNLL 2018 script computes it.
    pub las: f64,
    /// Labelled attachment score with full relations (`nsubj:pass`).
    pub las_full: f64,
    /// Gold words.
    pub words: usize,
    /// Words per second through tagger, lemmatiser and parser, one thread
    /// (raw text: including tokenisation and sentence splitting).
    pub words_per_sec: f64,
    /// Raw text only: word segmentation F1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tokens: Option<f64>,
    /// Raw text only: sentence segmentation F1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentences: Option<f64>,
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

fn f1(correct: usize, gold: usize, system: usize) -> f64 {
    if gold + system == 0 {
        0.0
    } else {
        200.0 * correct as f64 / (gold + system) as f64
    }
}

/// Evaluates tagging, lemmatisation and parsing on gold tokenisation.
/// Returns `None` when the core has no models.
pub fn ud_gold(core: &Core, sents: &[UdSentence]) -> Option<UdScores> {
    let (tagger, parser) = (core.tagger()?, core.parser()?);
    let forms: Vec<Vec<&str>> = sents.iter().map(|s| s.words.iter().map(|w| w.form.as_str()).collect()).collect();
    // Timed pass: exactly the work `Core::annotate` does minus NER.
    let t0 = Instant::now();
    let mut outputs = Vec::with_capacity(sents.len());
    for f in &forms {
        let tags = tagger.tag(f);
        let xpos: Vec<Xpos> = tags.iter().map(|t| t.1).collect();
        let lemmas: Vec<String> = f.iter().zip(&xpos).map(|(w, x)| tagger.lemmatizer.lemma(w, *x)).collect();
        let parse = parser.parse(&parser.input(f, &xpos));
        outputs.push((tags, lemmas, parse));
    }
    let secs = t0.elapsed().as_secs_f64();
    let mut c = [0usize; 6];
    let mut n = 0;
    for (s, (tags, lemmas, parse)) in sents.iter().zip(&outputs) {
        for (k, w) in s.words.iter().enumerate() {
            n += 1;
            c[0] += usize::from(tags[k].0 == w.upos);
            c[1] += usize::from(tags[k].1 == w.xpos);
            c[2] += usize::from(lemmas[k] == w.lemma);
            if parse[k].0 == w.head.checked_sub(1) {
                c[3] += 1;
                c[4] += usize::from(parse[k].1.base() == w.deprel.base());
                c[5] += usize::from(parse[k].1 == w.deprel);
            }
        }
    }
    Some(UdScores {
        upos: pct(c[0], n),
        xpos: pct(c[1], n),
        lemma: pct(c[2], n),
        uas: pct(c[3], n),
        las: pct(c[4], n),
        las_full: pct(c[5], n),
        words: n,
        words_per_sec: n as f64 / secs.max(1e-9),
        tokens: None,
        sentences: None,
    })
}

/// A word with its span in non-white-space characters of its document.
#[derive(Debug, Clone)]
struct SpanWord {
    span: (usize, usize),
    upos: crate::labels::Upos,
    xpos: Xpos,
    lemma: String,
    /// Index of the head word in the document's word list, `None` = root.
    head: Option<usize>,
    deprel: DepRel,
}

/// Groups sentences into documents (by `# newdoc`).
fn documents(sents: &[UdSentence]) -> Vec<&[UdSentence]> {
    let mut docs = Vec::new();
    let mut start = 0;
    for (i, s) in sents.iter().enumerate() {
        if s.new_doc && i > start {
            docs.push(&sents[start..i]);
            start = i;
        }
    }
    if start < sents.len() {
        docs.push(&sents[start..]);
    }
    docs
}

/// Gold words of a document with non-white-space character spans.
fn gold_words(doc: &[UdSentence]) -> (Vec<SpanWord>, Vec<(usize, usize)>) {
    let mut words = Vec::new();
    let mut sent_spans = Vec::new();
    let mut pos = 0usize;
    for s in doc {
        let base = words.len();
        let sent_start = pos;
        let mut k = 0;
        while k < s.words.len() {
            if let Some(mw) = s.multiwords.iter().find(|m| m.first == k) {
                let len: usize = mw.form.chars().filter(|c| !c.is_whitespace()).count();
                let parts: Vec<&str> =
                    (mw.first..=mw.last.min(s.words.len() - 1)).map(|i| s.words[i].form.as_str()).collect();
                let concat: String = parts.concat();
                let mut p = pos;
                for (j, i) in (mw.first..=mw.last.min(s.words.len() - 1)).enumerate() {
                    // Words that spell out the surface token get their own
                    // spans; otherwise they share the token's span.
                    let span = if concat == mw.form {
                        let l = parts[j].chars().count();
                        let sp = (p, p + l);
                        p += l;
                        sp
                    } else {
                        (pos, pos + len)
                    };
                    words.push(word_at(s, i, base, span));
                }
                pos += len;
                k = mw.last + 1;
            } else {
                let len = s.words[k].form.chars().filter(|c| !c.is_whitespace()).count();
                words.push(word_at(s, k, base, (pos, pos + len)));
                pos += len;
                k += 1;
            }
        }
        sent_spans.push((sent_start, pos));
    }
    (words, sent_spans)
}

fn word_at(s: &UdSentence, i: usize, base: usize, span: (usize, usize)) -> SpanWord {
    let w = &s.words[i];
    SpanWord {
        span,
        upos: w.upos,
        xpos: w.xpos,
        lemma: w.lemma.clone(),
        head: w.head.checked_sub(1).map(|h| base + h),
        deprel: w.deprel,
    }
}

/// Evaluates the whole pipeline from raw text: each document's sentence
/// texts are joined (paragraphs by a blank line), tokenised, split and
/// annotated by claimgraph, and system words are aligned to gold words by
/// their character spans (white space ignored). Scores are F1.
pub fn ud_raw(core: &Core, sents: &[UdSentence]) -> Option<UdScores> {
    core.tagger()?;
    let mut totals = [0usize; 9]; // gold, sys, aligned, upos, xpos, lemma, uas, las, las_full
    let (mut gold_sents, mut sys_sents, mut ok_sents) = (0usize, 0usize, 0usize);
    let mut secs = 0.0;
    for doc in documents(sents) {
        let mut text = String::new();
        for (i, s) in doc.iter().enumerate() {
            if i > 0 {
                text.push_str(if s.new_par { "\n\n" } else { " " });
            }
            text.push_str(&s.text);
        }
        let t0 = Instant::now();
        let mut analysis = segment(&text);
        core.annotate_with(&text, &mut analysis, false);
        secs += t0.elapsed().as_secs_f64();

        // Non-white-space character index of every byte.
        let mut nonws = vec![0usize; text.len() + 1];
        let mut count = 0;
        for (b, c) in text.char_indices() {
            for slot in nonws.iter_mut().skip(b).take(c.len_utf8()) {
                *slot = count;
            }
            if !c.is_whitespace() {
                count += 1;
            }
        }
        nonws[text.len()] = count;
        let sys: Vec<(usize, usize)> = analysis.tokens.iter().map(|t| (nonws[t.start], nonws[t.end])).collect();
        let (gold, gsent) = gold_words(doc);

        let mut gold_of_sys = vec![None; sys.len()];
        let mut gi = 0;
        for (si, sp) in sys.iter().enumerate() {
            while gi < gold.len() && gold[gi].span.0 < sp.0 {
                gi += 1;
            }
            let mut gj = gi;
            while gj < gold.len() && gold[gj].span.0 == sp.0 {
                if gold[gj].span.1 == sp.1 {
                    gold_of_sys[si] = Some(gj);
                    break;
                }
                gj += 1;
            }
        }
        totals[0] += gold.len();
        totals[1] += sys.len();
        for (si, g) in gold_of_sys.iter().enumerate() {
            let Some(g) = *g else { continue };
            let (t, gw) = (&analysis.tokens[si], &gold[g]);
            totals[2] += 1;
            totals[3] += usize::from(t.upos == gw.upos);
            totals[4] += usize::from(t.xpos == gw.xpos);
            totals[5] += usize::from(t.lemma == gw.lemma);
            let head_ok = match (t.head, gw.head) {
                (None, None) => true,
                (Some(h), Some(gh)) => gold_of_sys[h] == Some(gh),
                _ => false,
            };
            if head_ok {
                totals[6] += 1;
                totals[7] += usize::from(t.deprel.base() == gw.deprel.base());
                totals[8] += usize::from(t.deprel == gw.deprel);
            }
        }
        let ssp: Vec<(usize, usize)> = analysis.sentences.iter().map(|s| (nonws[s.start], nonws[s.end])).collect();
        gold_sents += gsent.len();
        sys_sents += ssp.len();
        ok_sents += ssp.iter().filter(|s| gsent.contains(s)).count();
    }
    let (g, s) = (totals[0], totals[1]);
    Some(UdScores {
        upos: f1(totals[3], g, s),
        xpos: f1(totals[4], g, s),
        lemma: f1(totals[5], g, s),
        uas: f1(totals[6], g, s),
        las: f1(totals[7], g, s),
        las_full: f1(totals[8], g, s),
        words: g,
        words_per_sec: s as f64 / secs.max(1e-9),
        tokens: Some(f1(totals[2], g, s)),
        sentences: Some(f1(ok_sents, gold_sents, sys_sents)),
    })
}

/// NER precision, recall and F1 (percent, exact span and type match) on
/// gold-tokenised IOB2 sentences, with the core's own tags.
pub fn ner(core: &Core, sents: &[NerSentence]) -> Option<(f64, f64, f64)> {
    let (tagger, ner) = (core.tagger()?, core.ner()?);
    let data: Vec<NerExample> = sents
        .iter()
        .map(|s| NerExample::from_sentence(s, |f: &[&str]| tagger.tag(f).into_iter().map(|t| t.1).collect()))
        .collect();
    Some(ner.evaluate(&data))
}
