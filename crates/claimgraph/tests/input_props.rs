//! Property tests for the readers and cleaners: no input makes them panic,
//! and what they output comes from what they were given.

use std::collections::HashSet;
use std::io::Cursor;

use claimgraph::clean::{clean, date, debris, html, normalise_text};
use claimgraph::input::{decode, read_bytes, read_stream, Format};
use claimgraph::{DocMeta, RawBody, RawDocument};
use proptest::prelude::*;

fn chars_of(s: &str) -> HashSet<char> {
    s.chars().chain([' ', '\n']).collect()
}

/// Text with line structure, white space of every kind, and some furniture.
fn messy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z ,.!?\"']{0,40}",
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n\n".to_string()),
        Just("\t\u{a0}\u{200b}\u{feff}\u{202e}".to_string()),
        Just("Related Articles".to_string()),
        Just("Back to top button".to_string()),
        Just("Share this:".to_string()),
        Just("\u{a9} 2024 Example".to_string()),
        "\\PC{0,10}",
    ];
    prop::collection::vec(piece, 0..30).prop_map(|v| v.concat())
}

/// HTML-like markup: tags of all kinds, text, entities, broken bits.
fn html_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z .,]{0,30}",
        prop::sample::select(vec![
            "<p>",
            "</p>",
            "<div>",
            "</div>",
            "<br>",
            "<ul><li><a href='/x'>",
            "</a></li></ul>",
            "<script>x<y</script>",
            "<style>p{}</style>",
            "<nav>",
            "</nav>",
            "<article>",
            "</article>",
            "<pre>",
            "</pre>",
            "<h1>",
            "</h1>",
            "<table><tr><td>",
            "</td></tr></table>",
            "<!--",
            "-->",
            "<![CDATA[",
            "]]>",
            "&amp;",
            "&nbsp;",
            "&#0;",
            "&#x110000;",
            "<meta property='article:published_time' content='2024-01-02'>",
            "<time datetime='x'>",
            "</time>",
            "<script type='application/ld+json'>{\"@graph\":[{\"headline\":1}]}</script>",
            "<",
            ">",
            "\"",
            "<p hidden>",
        ])
        .prop_map(str::to_string),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

/// A sentence of ordinary words that happen to include furniture words.
fn prose_line() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "the", "minister", "said", "share", "related", "articles", "back", "top", "button", "tags", "comments",
        "follow", "twitter", "more", "read", "stories", "talks", "would", "resume", "in", "Kessel", "on", "Monday",
        "latest", "news",
    ]);
    prop::collection::vec(words, 8..20).prop_map(|w| {
        let mut s = w.join(" ");
        s[..1].make_ascii_uppercase();
        s.push('.');
        s
    })
}

fn text_doc(t: &str) -> RawDocument {
    RawDocument { meta: DocMeta { source: "p".into(), ..Default::default() }, body: RawBody::Text(t.into()) }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn normalise_text_output_is_tidy_and_from_the_input(t in messy_text()) {
        let n = normalise_text(&t);
        let allowed = chars_of(&t);
        prop_assert!(n.chars().all(|c| allowed.contains(&c)));
        prop_assert!(!n.contains("\n\n\n") && !n.contains("  ") && !n.contains('\r'));
        prop_assert_eq!(n.trim(), n.as_str());
        prop_assert_eq!(normalise_text(&n), n);
    }

    #[test]
    fn debris_strip_only_removes_whole_lines(t in messy_text()) {
        let n = normalise_text(&t);
        let s = debris::strip(&n);
        let lines: HashSet<&str> = n.lines().collect();
        prop_assert!(s.lines().all(|l| l.is_empty() || lines.contains(l)));
    }

    #[test]
    fn debris_strip_keeps_prose(paras in prop::collection::vec(prose_line(), 1..8), sep in prop::sample::select(vec!["\n", "\n\n"])) {
        let text = paras.join(sep);
        prop_assert_eq!(debris::strip(&text), text);
    }

    #[test]
    fn clean_never_panics_and_keeps_input_characters(t in messy_text()) {
        if let Ok(doc) = clean(text_doc(&t)) {
            let allowed = chars_of(&t);
            prop_assert!(!doc.text.trim().is_empty());
            prop_assert!(doc.text.chars().all(|c| allowed.contains(&c)));
            if let Some(title) = &doc.meta.title {
                prop_assert!(doc.text.starts_with(title.as_str()));
            }
        }
    }

    #[test]
    fn html_extract_never_panics(h in html_soup()) {
        let page = html::extract(&h);
        prop_assert!(!page.body.contains("\n\n\n"));
        if !h.contains('&') && !h.contains("<![CDATA[") {
            let allowed = chars_of(&h);
            prop_assert!(page.body.chars().all(|c| allowed.contains(&c)), "{:?}", page.body);
        }
        if let Some(p) = page.published {
            prop_assert_eq!(date::normalise(&p), Some(p.clone()));
        }
    }

    #[test]
    fn html_extract_on_arbitrary_text(h in "\\PC{0,300}") {
        let _ = html::extract(&h);
        let _ = clean(RawDocument { meta: DocMeta::default(), body: RawBody::Html(h) });
    }

    #[test]
    fn dates_are_iso_and_stable(s in prop_oneof![
        "\\PC{0,30}",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2})?(Z|[+-][0-9]{2}:?[0-9]{2})?)?",
        "(Mon, )?[0-9]{1,2} (Jan|Feb|Oct|Sept|May) [0-9]{4}( [0-9]{2}:[0-9]{2}:[0-9]{2} (GMT|\\+0200))?",
        "(January|Oct\\.|Sept\\.) [0-9]{1,2}(st|th)?, [0-9]{4}",
    ]) {
        if let Some(d) = date::normalise(&s) {
            prop_assert!(d.len() >= 10 && d[..4].chars().all(|c| c.is_ascii_digit()) && &d[4..5] == "-", "{}", d);
            prop_assert_eq!(date::normalise(&d), Some(d.clone()));
        }
    }

    #[test]
    fn readers_never_panic_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        for format in [Format::Text, Format::Html, Format::Jsonl, Format::Feed, Format::Warc] {
            for item in read_bytes("p", format, bytes.clone()) {
                let _ = item.and_then(clean);
            }
        }
        let _ = read_stream("-".into(), None, Box::new(Cursor::new(bytes.clone())), None).count();
        if let Ok(t) = decode::decode_text("p", bytes.clone()) {
            prop_assert!(!t.trim().is_empty());
        }
    }

    #[test]
    fn jsonl_yields_at_most_one_item_per_line(lines in prop::collection::vec(prop_oneof![
        "\\{\"text\": \"[a-z ]{0,20}\"\\}",
        "\\{\"html\": \"<p>[a-z ]{1,20}</p>\", \"url\": \"u\"\\}",
        "\\PC{0,30}",
        Just(String::new()),
    ], 0..20)) {
        let text = lines.join("\n");
        let n = read_bytes("f.jsonl", Format::Jsonl, text.into_bytes()).count();
        prop_assert!(n <= lines.len().max(1));
    }

    #[test]
    fn warc_reader_survives_mangled_records(cut in 0usize..400, flip in 0usize..400, byte in any::<u8>()) {
        let body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>The minister said the talks would resume.</p>";
        let mut w = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Target-URI: https://x.example/\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            body.len()
        ).into_bytes();
        w.extend_from_slice(body);
        w.extend_from_slice(b"\r\n\r\n");
        let mut twice = w.clone();
        twice.extend_from_slice(&w);
        if flip < twice.len() {
            twice[flip] = byte;
        }
        twice.truncate(twice.len().saturating_sub(cut));
        let items: Vec<_> = read_bytes("c.warc", Format::Warc, twice).collect();
        // At most the two records, a bad-record error and a final error.
        prop_assert!(items.len() <= 4 && items.iter().filter(|i| i.is_err()).count() <= 2);
    }
}
