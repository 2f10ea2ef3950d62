//! Training smoke tests: tiny models trained on a slice of the shared
//! treebanks must learn (accuracy on the slice far above chance), and
//! survive a save/load round trip unchanged. They keep the training code
//! from rotting and take a few seconds.
//!
//! Needs `../shared` (the UD English EWT and UNER files) beside the
//! repository; each test skips with a message when it is absent.

use std::path::PathBuf;

use claimgraph_nlp::clusters::Clusters;
use claimgraph_nlp::conllu::{read_conllu, read_iob2, UdSentence};
use claimgraph_nlp::gazetteer::Gazetteer;
use claimgraph_nlp::ner::{Ner, NerExample, NerOptions};
use claimgraph_nlp::parser::{Parser, ParserOptions};
use claimgraph_nlp::tagger::{Tagger, TaggerOptions};

fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"));
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipping: {} not found (needs the shared data)", p.display());
        None
    }
}

fn ewt_slice(n: usize) -> Option<Vec<UdSentence>> {
    let path = shared()?.join("ud-english-ewt/en_ewt-ud-dev.conllu");
    let mut s = read_conllu(&path).ok()?;
    s.truncate(n);
    Some(s)
}

#[test]
fn tagger_learns_and_round_trips() {
    let Some(sents) = ewt_slice(300) else { return };
    let opts = TaggerOptions { epochs: 4, ..TaggerOptions::default() };
    let tagger = Tagger::train(&sents, &[], &Clusters::default(), &opts, &mut |_| {});
    let (upos, xpos) = tagger.accuracy(&sents);
    // Chance (the most frequent tag) is under 20%.
    assert!(upos > 85.0, "UPOS on the training slice only {upos:.1}");
    assert!(xpos > 80.0, "XPOS on the training slice only {xpos:.1}");
    let back = Tagger::from_bytes(&tagger.to_bytes()).expect("reload");
    assert_eq!(back.accuracy(&sents), (upos, xpos));
    let forms = ["The", "dogs", "were", "running", "."];
    assert_eq!(back.tag(&forms), tagger.tag(&forms));
}

#[test]
fn parser_learns_and_round_trips() {
    let Some(sents) = ewt_slice(300) else { return };
    let opts = ParserOptions { epochs: 4, jackknife: 0, ..ParserOptions::default() };
    let parser = Parser::train(&sents, &[], &Clusters::default(), &opts, &mut |_| {});
    let gold_tags: Vec<Vec<_>> = sents.iter().map(|s| s.words.iter().map(|w| w.xpos).collect()).collect();
    let (uas, las) = parser.attachment(&sents, &gold_tags);
    // Attaching every word to its neighbour gets about 30%.
    assert!(uas > 70.0, "UAS on the training slice only {uas:.1}");
    assert!(las > 60.0, "LAS on the training slice only {las:.1}");
    let back = Parser::from_bytes(&parser.to_bytes()).expect("reload");
    assert_eq!(back.attachment(&sents, &gold_tags), (uas, las));
    // Every output is a tree: one root, heads in range.
    for (s, t) in sents.iter().zip(&gold_tags).take(50) {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let out = back.parse(&back.input(&forms, t));
        assert_eq!(out.iter().filter(|(h, _)| h.is_none()).count(), 1);
        assert!(out.iter().all(|(h, _)| h.is_none_or(|h| h < forms.len())));
    }
}

#[test]
fn ner_learns_and_round_trips() {
    let Some(dir) = shared() else { return };
    let Ok(mut sents) = read_iob2(&dir.join("uner-english-ewt/en_ewt-ud-dev.iob2")) else {
        eprintln!("skipping: UNER dev not readable");
        return;
    };
    sents.truncate(400);
    // Gold-free tags are enough here: every word tagged NN.
    let nn = claimgraph_nlp::Xpos::parse("NN").expect("NN");
    let data: Vec<NerExample> =
        sents.iter().map(|s| NerExample::from_sentence(s, |f: &[&str]| vec![nn; f.len()])).collect();
    let gaz = Gazetteer::from_tsv("country\tfrance\nfirst\tjohn\n");
    let ner = Ner::train(&data, &gaz, &NerOptions { epochs: 5, ..NerOptions::default() });
    let (p, r, f) = ner.evaluate(&data);
    assert!(f > 70.0, "NER F1 on the training slice only {f:.1} (P {p:.1} R {r:.1})");
    let back = Ner::from_bytes(&ner.to_bytes()).expect("reload");
    assert_eq!(back.evaluate(&data), (p, r, f));
}
