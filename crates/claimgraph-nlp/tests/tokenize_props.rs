//! Property tests of the tokeniser and sentence splitter on arbitrary text:
//! no panics, offsets on character boundaries, tokens covering exactly the
//! non-white-space text in order, and sentences tiling the tokens.

use claimgraph_nlp::{segment, tokenize};
use proptest::prelude::*;

/// Text mixing words, punctuation, quotes, digits, abbreviations, URLs and
/// non-ASCII characters, which is where tokenisers break.
fn texty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[A-Za-z]{1,8}",
        "[0-9]{1,4}([.,][0-9]{1,3})?",
        Just("U.S.".to_string()),
        Just("Lt.".to_string()),
        Just("don't".to_string()),
        Just("Iran’s".to_string()),
        Just("https://example.com/a-b".to_string()),
        Just("e-mail@x.org".to_string()),
        "[.,;:!?\"'()\\[\\]“”‘’—–…/$%*-]{1,3}",
        "[éüßçøæ한國語ع]{1,3}",
        "\\PC{1,3}",
    ];
    let sep = prop_oneof![Just(" "), Just(""), Just("\n"), Just("\n\n"), Just("\t"), Just("  ")];
    prop::collection::vec((piece, sep), 0..40)
        .prop_map(|v| v.into_iter().map(|(p, s)| format!("{p}{s}")).collect::<String>())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn tokens_cover_the_non_space_text(text in texty()) {
        let tokens = tokenize(&text);
        let mut last_end = 0;
        let mut covered = String::new();
        for t in &tokens {
            prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            prop_assert!(t.start < t.end, "empty token at {}", t.start);
            prop_assert!(t.start >= last_end, "tokens overlap or go backwards");
            prop_assert!(text[last_end..t.start].chars().all(char::is_whitespace), "skipped text {:?}", &text[last_end..t.start]);
            prop_assert!(!t.text(&text).chars().any(char::is_whitespace), "white space inside {:?}", t.text(&text));
            covered.push_str(t.text(&text));
            last_end = t.end;
        }
        prop_assert!(text[last_end..].chars().all(char::is_whitespace));
        let expected: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        prop_assert_eq!(covered, expected);
    }

    #[test]
    fn sentences_tile_the_tokens(text in texty()) {
        let a = segment(&text);
        let mut next = 0;
        for s in &a.sentences {
            prop_assert_eq!(s.tokens.start, next);
            prop_assert!(s.tokens.end > s.tokens.start);
            prop_assert_eq!(s.start, a.tokens[s.tokens.start].start);
            prop_assert_eq!(s.end, a.tokens[s.tokens.end - 1].end);
            next = s.tokens.end;
        }
        prop_assert_eq!(next, a.tokens.len());
    }
}
