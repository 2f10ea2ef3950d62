//! `claimgraph eval polnear`: on a made-up split written at test time (the
//! scoring of external predictions, and the JSON contract), and on two
//! PolNeAR dev articles when ../shared is present (skipped otherwise; no
//! PolNeAR text is kept in the repository).

use std::path::{Path, PathBuf};
use std::process::Command;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_claimgraph")
}

fn shared() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")).to_path_buf()
}

fn eval(args: &[&str]) -> serde_json::Value {
    let out = Command::new(bin()).args(["eval", "polnear"]).args(args).output().expect("run claimgraph");
    assert!(out.status.success(), "eval failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("bad JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

/// Every figure the issue's JSON contract names is a number in [0, 100].
fn assert_contract(v: &serde_json::Value) {
    for role in ["cue", "source", "content", "all"] {
        for k in ["p", "r", "f1"] {
            let x = v["citron"][role][k].as_f64().unwrap_or_else(|| panic!("citron.{role}.{k} missing"));
            assert!((0.0..=100.0).contains(&x), "citron.{role}.{k} = {x}");
        }
    }
    for role in ["cue", "source", "content"] {
        let x = v["citron"]["overlap"][role]["f1"].as_f64().expect("overlap");
        assert!((0.0..=100.0).contains(&x));
        let y = v["cofenet"][format!("{role}_f1")].as_f64().expect("cofenet");
        assert!((0.0..=100.0).contains(&y));
    }
    assert!(v["articles"].as_u64().is_some());
    assert!(v.get("articles_per_sec").is_some());
}

#[test]
fn scores_external_predictions_on_a_made_up_split() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("text")).unwrap();
    std::fs::create_dir_all(d.join("attributions")).unwrap();
    // Made-up article. Code points: "Mayor" 0-5, "Lee" 6-9, "said" 10-14,
    // "the bridge would open." 15-37; "Critics" 38-45, "disagreed" 46-55.
    let text = "Mayor Lee said the bridge would open.\nCritics disagreed.\n";
    std::fs::write(d.join("text/town_2020-01-01_bridge.txt"), text).unwrap();
    let ann = "T1\tSource 0 9\tMayor Lee\nT2\tCue 10 14\tsaid\nT3\tContent 15 37\tthe bridge would open.\n\
               E1\tCue:T2 Source:T1 Content:T3\n";
    std::fs::write(d.join("attributions/town_2020-01-01_bridge_4b22.ann"), ann).unwrap();
    // A second annotator with a different view is ignored (4b22 < d473).
    std::fs::write(d.join("attributions/town_2020-01-01_bridge_d473.ann"), "T1\tCue 46 55\tdisagreed\nE1\tCue:T1\n")
        .unwrap();

    // The right attribution, content without its final period, and one
    // spurious attribution.
    let preds = r#"{"seconds": 0.5, "articles": {"town_2020-01-01_bridge": [
        {"cue": [10, 14], "sources": [[0, 9]], "contents": [[15, 36]]},
        {"cue": [46, 55], "sources": [[38, 45]], "contents": []}]}}"#;
    let pred_path = d.join("preds.json");
    std::fs::write(&pred_path, preds).unwrap();
    let v = eval(&["--dir", d.to_str().unwrap(), "--predictions", pred_path.to_str().unwrap(), "--format", "json"]);
    assert_contract(&v);
    assert_eq!(v["articles"], 1);
    assert_eq!(v["articles_per_sec"], 2.0);
    assert_eq!(v["counts"]["gold_attributions"], 1);
    assert_eq!(v["counts"]["predicted_attributions"], 2);
    // In tokens the final period does not matter: 1 of 2 right, 1 of 1 found.
    assert_eq!(v["citron"]["content"]["p"], 50.0);
    assert_eq!(v["citron"]["content"]["r"], 100.0);
    assert_eq!(v["citron"]["all"]["f1"], 66.67);
    // In code points it does.
    assert_eq!(v["strict"]["citron"]["content"]["f1"], 0.0);
    assert_eq!(v["strict"]["citron"]["cue"]["f1"], 66.67);
    assert_eq!(v["cofenet"]["cue_f1"], 66.67);
    assert_eq!(v["errors"]["counts"]["cue"]["false_positive"], 1);
}

#[test]
fn runs_claimgraph_on_two_polnear_dev_articles() {
    let dev = shared().join("data/polnear/dev");
    if !dev.join("text").is_dir() {
        eprintln!("skipped: {} not present (needs ../shared)", dev.display());
        return;
    }
    let v = eval(&["--dir", dev.to_str().unwrap(), "--limit", "2", "--format", "json"]);
    assert_contract(&v);
    assert_eq!(v["articles"], 2);
    assert_eq!(v["system"], "claimgraph");
    assert!(v["counts"]["gold_attributions"].as_u64().unwrap() > 0);
    assert!(v["articles_per_sec"].as_f64().unwrap() > 0.0);
    // The rules find some attributions in two news articles.
    assert!(v["counts"]["predicted_attributions"].as_u64().unwrap() > 0);
    assert!(v["citron"]["cue"]["f1"].as_f64().unwrap() > 0.0);
    assert!(v["errors"].get("examples").is_none(), "examples only with --errors");
}
