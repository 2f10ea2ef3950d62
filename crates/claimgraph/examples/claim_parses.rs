//! Prints, for each claim of the given articles, its content's dependency
//! parse and its proposition: a debugging aid for `attribution::proposition`.
//!
//! `cargo run --release -p claimgraph --example claim_parses -- FILE...`

use claimgraph::input::{single_document, Format};
use claimgraph::pipeline::Pipeline;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pipeline = Pipeline::new()?;
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path)?;
        let format = if path.ends_with(".html") || path.ends_with(".htm") { Format::Html } else { Format::Text };
        let doc = pipeline.analyse_raw(single_document(&path, format, bytes)?)?;
        println!("=== {path}");
        for (ci, c) in doc.claims.iter().enumerate() {
            let toks = &doc.analysis.tokens;
            let s = toks.partition_point(|t| t.end <= c.content.start);
            let e = toks.partition_point(|t| t.start < c.content.end);
            println!(
                "--- c{} [{}] {:?}: {}",
                ci + 1,
                c.stance.as_str(),
                c.speaker.span.map(|s| doc.span_text(s)).unwrap_or(""),
                doc.span_text(c.content)
            );
            let sents = &doc.analysis.sentences;
            let (fs, ls) =
                (doc.analysis.sentence_of(s).unwrap_or(0), doc.analysis.sentence_of(e.saturating_sub(1)).unwrap_or(0));
            let (s0, e0) = (sents[fs].tokens.start, sents[ls].tokens.end);
            for i in s0..e0 {
                let t = &toks[i];
                let mark = if (s..e).contains(&i) { '*' } else { ' ' };
                let head = t
                    .head
                    .map(|h| format!("{}:{}", h as i64 - s as i64, toks[h].text(&doc.text)))
                    .unwrap_or("-".into());
                println!(
                    "  {mark} {:>3} {:<18} {:<12} {:<6} {:<12} <- {}",
                    i - s,
                    t.text(&doc.text),
                    t.lemma,
                    t.upos.as_str(),
                    t.deprel.as_str(),
                    head
                );
            }
            if let Some(p) = &c.proposition {
                println!("    P: {:?}", p);
            }
        }
    }
    Ok(())
}
