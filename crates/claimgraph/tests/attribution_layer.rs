//! The attribution layer (`Document::attributions`, what `eval polnear`
//! scores) next to the public claims, on made-up paragraphs written for
//! this test.

use claimgraph::input::{single_document, Format};
use claimgraph::{Document, Pipeline};

fn analyse(pipeline: &Pipeline, body: &str) -> Document {
    let raw = single_document("layer.txt", Format::Text, body.as_bytes().to_vec()).expect("text reads");
    pipeline.analyse_raw(raw).expect("analysis runs")
}

/// (cue, sources, contents) of each attribution, as text.
fn layer(doc: &Document) -> Vec<(String, Vec<String>, Vec<String>)> {
    doc.attributions
        .iter()
        .map(|a| {
            (
                doc.span_text(a.cue).to_string(),
                a.sources.iter().map(|&s| doc.span_text(s).to_string()).collect(),
                a.contents.iter().map(|&s| doc.span_text(s).to_string()).collect(),
            )
        })
        .collect()
}

#[test]
fn every_claim_cue_is_in_the_layer() {
    let pipeline = Pipeline::new().expect("the shipped models load");
    let doc = analyse(
        &pipeline,
        "Port strike ends\n\nThe harbour master said on Monday that the strike at the container port had ended. \
         Union leaders told reporters they would return to work on Wednesday.\n",
    );
    assert!(!doc.claims.is_empty(), "no claims");
    let l = layer(&doc);
    for c in &doc.claims {
        let cue = doc.span_text(c.cue);
        assert!(
            l.iter().any(|(lc, _, _)| lc.contains(cue) || cue.contains(lc.as_str())),
            "claim cue {cue:?} not in {l:?}"
        );
    }
    let said = l.iter().find(|(c, _, _)| c == "said").expect("the 'said' attribution");
    assert_eq!(said.1, vec!["The harbour master".to_string()]);
    assert!(said.2.iter().any(|c| c.contains("the strike at the container port had ended")), "{said:?}");
}

#[test]
fn a_quotation_signed_by_a_dash_is_attributed_to_the_name() {
    let pipeline = Pipeline::new().expect("the shipped models load");
    let doc = analyse(
        &pipeline,
        "What voters in Lakeside told us\n\n\
         “The bridge has been closed for two years and nobody in the council seems to care.” ― Maren Tolvik, 52, Lakeside\n\n\
         “I will vote for whoever reopens the ferry.” ― Odile Brancart\n\n\
         “Enough,” ― and with that the meeting was closed.\n",
    );
    let l = layer(&doc);
    for (name, words) in
        [("Maren Tolvik", "nobody in the council seems to care"), ("Odile Brancart", "reopens the ferry")]
    {
        let hit = l.iter().find(|(_, s, _)| s.iter().any(|s| s == name)).unwrap_or_else(|| panic!("{name} in {l:?}"));
        assert_eq!(hit.0, "―", "{hit:?}");
        assert!(hit.2.iter().any(|c| c.contains(words)), "{hit:?}");
    }
    // A dash followed by a clause signs nothing.
    assert!(!l.iter().any(|(c, _, k)| c == "―" && k.iter().any(|k| k.contains("Enough"))), "{l:?}");
}
