//! The shipped models load and annotate: tags, lemmas, single-rooted trees
//! with document-level heads inside their sentence, and entity spans.

use claimgraph_nlp::{segment, Core, NerLabel, Upos};

#[test]
fn shipped_models_annotate_a_news_paragraph() {
    let core = Core::load_default().expect("shipped models load");
    let text = "Kyrylo Budanov said on Tuesday that Russia had launched 40 drones at Kyiv. \
                The Pentagon declined to comment.\n\nOfficials in Ukraine's capital were not available.";
    let mut a = segment(text);
    core.annotate(text, &mut a);
    assert_eq!(a.sentences.len(), 3);
    for s in &a.sentences {
        let roots: Vec<usize> = s.tokens.clone().filter(|&i| a.tokens[i].head.is_none()).collect();
        assert_eq!(roots.len(), 1, "one root per sentence");
        for i in s.tokens.clone() {
            let t = &a.tokens[i];
            assert!(!t.lemma.is_empty());
            if let Some(h) = t.head {
                assert!(s.tokens.contains(&h), "head inside the sentence");
                assert_ne!(h, i);
            }
        }
    }
    let word = |w: &str| a.tokens.iter().position(|t| t.text(text) == w).expect(w);
    assert_eq!(a.tokens[word("said")].upos, Upos::VERB);
    assert_eq!(a.tokens[word("drones")].lemma, "drone");
    assert_eq!(a.tokens[word("launched")].lemma, "launch");
    assert_eq!(a.tokens[word("Russia")].upos, Upos::PROPN);
    // "Kyrylo Budanov" is the subject of "said"; UD heads a name on its
    // first word.
    let kyrylo = word("Kyrylo");
    assert_eq!(a.tokens[kyrylo].head, Some(word("said")));
    assert!(a.tokens[kyrylo].deprel.is("nsubj"), "{}", a.tokens[kyrylo].deprel);
    assert_eq!(a.tokens[word("Budanov")].head, Some(kyrylo));
    // Entities are in range and typed.
    assert!(!a.entities.is_empty());
    for e in &a.entities {
        assert!(e.tokens.end <= a.tokens.len() && e.tokens.start < e.tokens.end);
    }
    let covers = |w: usize, l: NerLabel| a.entities.iter().any(|e| e.tokens.contains(&w) && e.label == l);
    assert!(covers(word("Russia"), NerLabel::LOC) || covers(word("Kyiv"), NerLabel::LOC), "{:?}", a.entities);
}

#[test]
fn an_empty_core_leaves_the_analysis_alone() {
    let text = "Nothing here.";
    let mut a = segment(text);
    let before = a.clone();
    Core::default().annotate(text, &mut a);
    assert_eq!(a, before);
}

#[test]
fn a_model_of_another_kind_is_refused_clearly() {
    let err = Core::from_bytes(
        claimgraph_nlp::core::DEFAULT_PARSER,
        claimgraph_nlp::core::DEFAULT_PARSER,
        claimgraph_nlp::core::DEFAULT_NER,
    )
    .expect_err("a parser file is not a tagger");
    assert!(err.to_string().contains("expected `tagger`"), "{err}");
}
