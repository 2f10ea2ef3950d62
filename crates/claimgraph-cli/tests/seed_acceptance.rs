//! The seed acceptance check: runs the project's scorer
//! (`../shared/acceptance/score.py`) against the release or debug binary on
//! the seed article and on the project's own test articles, and compares
//! `extract`'s output on the seed with its golden file.
//!
//! Needs `../shared` (the workspace's shared material) and `python3`; each
//! test says so and passes without checking when they are absent, as in a
//! user's clone.

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("repo root exists")
}

fn shared() -> Option<PathBuf> {
    let dir = repo_root().join("../shared");
    let score = dir.join("acceptance/score.py");
    if score.exists() && Command::new("python3").arg("--version").output().is_ok() {
        Some(dir)
    } else {
        eprintln!("skipping: ../shared/acceptance/score.py or python3 is absent");
        None
    }
}

/// Runs score.py with `--min` thresholds; panics with its report when a
/// metric falls short.
fn score(gold: &Path, docs: &Path, mins: &[(&str, f64)]) {
    let Some(shared) = shared() else { return };
    let mut cmd = Command::new("python3");
    cmd.arg(shared.join("acceptance/score.py")).arg(gold).arg(docs).arg("--bin").arg(env!("CARGO_BIN_EXE_claimgraph"));
    for (k, v) in mins {
        cmd.arg("--min").arg(format!("{k}={v}"));
    }
    let out = cmd.output().expect("python3 runs");
    let report = String::from_utf8_lossy(&out.stdout);
    eprintln!("{report}");
    assert!(out.status.success(), "acceptance figures fell short:\n{report}\n{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn seed_article_meets_the_acceptance_figures() {
    let Some(shared) = shared() else { return };
    score(
        &shared.join("acceptance/seed.gold.json"),
        &shared.join("examples"),
        &[
            ("claim_recall", 0.85),
            ("stance_accuracy", 0.9),
            ("entity_checks", 1.0),
            ("quantity_recall", 1.0),
            ("boilerplate_clean", 1.0),
            ("contradiction_recall", 1.0),
        ],
    );
}

#[test]
fn own_test_articles_keep_their_figures() {
    // Floors a little under the figures measured when they were set
    // (2026-11-26, fifth session for dev, dev2 and dev3, sixth session for
    // dev4; 2026-11-27, seventh session, for dev5 and dev6, eighth session
    // for dev7 and dev8, ninth session for dev9 and dev10, tenth session
    // for dev11 and dev12, eleventh session for dev13 and dev14, twelfth
    // session for dev15 and dev16, thirteenth session for dev17 and dev18,
    // fourteenth session for dev19 and dev20; 2026-11-28, seventeenth
    // session, for dev21 and dev22, eighteenth session for dev23 and dev24,
    // nineteenth session for dev25 and dev26, twentieth session for dev27
    // and dev28; all written blind; BENCHMARKS.md, "Unseen
    // articles"), so that a real regression fails while small trade-offs
    // do not.
    let sets: [(&str, &[(&str, f64)]); 28] = [
        (
            "dev",
            &[
                ("claim_recall", 0.95),
                ("entity_checks", 1.0),
                ("quantity_recall", 0.98),
                ("boilerplate_clean", 1.0),
                ("contradiction_recall", 0.6),
            ],
        ),
        (
            "dev2",
            &[
                ("claim_recall", 0.93),
                ("entity_checks", 0.95),
                ("quantity_recall", 0.98),
                ("boilerplate_clean", 0.98),
                ("contradiction_recall", 0.5),
            ],
        ),
        (
            "dev3",
            &[
                ("claim_recall", 0.83),
                ("stance_accuracy", 0.94),
                ("entity_checks", 0.93),
                ("quantity_recall", 0.97),
                ("boilerplate_clean", 0.98),
                ("contradiction_recall", 0.3),
            ],
        ),
        (
            "dev4",
            &[
                ("claim_recall", 0.9),
                ("stance_accuracy", 0.95),
                ("entity_checks", 0.92),
                ("quantity_recall", 0.94),
                ("boilerplate_clean", 0.98),
                ("contradiction_recall", 0.27),
            ],
        ),
        (
            "dev5",
            &[
                ("claim_recall", 0.89),
                ("stance_accuracy", 0.96),
                ("entity_checks", 0.95),
                ("quantity_recall", 0.93),
                ("boilerplate_clean", 0.97),
                ("contradiction_recall", 0.1),
            ],
        ),
        (
            "dev6",
            &[
                ("claim_recall", 0.85),
                ("stance_accuracy", 0.95),
                ("entity_checks", 0.55),
                ("quantity_recall", 0.96),
                ("boilerplate_clean", 0.95),
                ("contradiction_recall", 0.1),
            ],
        ),
        (
            "dev7",
            &[
                ("claim_recall", 0.87),
                ("stance_accuracy", 0.95),
                ("entity_checks", 0.93),
                ("quantity_recall", 0.96),
                ("boilerplate_clean", 0.95),
                ("contradiction_recall", 0.15),
            ],
        ),
        (
            "dev8",
            &[
                ("claim_recall", 0.8),
                ("stance_accuracy", 0.95),
                ("entity_checks", 0.8),
                ("quantity_recall", 0.95),
                ("boilerplate_clean", 0.93),
            ],
        ),
        (
            "dev9",
            &[
                ("claim_recall", 0.84),
                ("stance_accuracy", 0.96),
                ("entity_checks", 0.88),
                ("quantity_recall", 0.95),
                ("boilerplate_clean", 0.97),
                ("contradiction_recall", 0.05),
            ],
        ),
        (
            "dev10",
            &[
                ("claim_recall", 0.88),
                ("stance_accuracy", 0.94),
                ("entity_checks", 0.95),
                ("quantity_recall", 0.94),
                ("boilerplate_clean", 0.97),
                ("contradiction_recall", 0.12),
            ],
        ),
        (
            "dev11",
            &[
                ("claim_recall", 0.82),
                ("stance_accuracy", 0.95),
                ("entity_checks", 0.7),
                ("quantity_recall", 0.94),
                ("boilerplate_clean", 0.97),
                ("contradiction_recall", 0.13),
            ],
        ),
        (
            "dev12",
            &[
                ("claim_recall", 0.84),
                ("stance_accuracy", 0.94),
                ("entity_checks", 0.8),
                ("quantity_recall", 0.92),
                ("boilerplate_clean", 0.96),
                ("contradiction_recall", 0.18),
            ],
        ),
        (
            "dev13",
            &[
                ("claim_recall", 0.8),
                ("stance_accuracy", 0.95),
                ("entity_checks", 0.7),
                ("quantity_recall", 0.9),
                ("boilerplate_clean", 0.88),
                ("contradiction_recall", 0.05),
            ],
        ),
        (
            "dev14",
            &[
                ("claim_recall", 0.82),
                ("stance_accuracy", 0.96),
                ("entity_checks", 0.85),
                ("quantity_recall", 0.93),
                ("boilerplate_clean", 0.88),
                ("contradiction_recall", 0.1),
            ],
        ),
        (
            "dev15",
            &[
                ("claim_recall", 0.82),
                ("stance_accuracy", 0.95),
                ("entity_checks", 0.75),
                ("quantity_recall", 0.95),
                ("boilerplate_clean", 0.9),
                ("contradiction_recall", 0.12),
            ],
        ),
        (
            "dev16",
            &[
                ("claim_recall", 0.83),
                ("stance_accuracy", 0.94),
                ("entity_checks", 0.8),
                ("quantity_recall", 0.96),
                ("boilerplate_clean", 0.95),
                ("contradiction_recall", 0.2),
            ],
        ),
        (
            "dev17",
            &[
                ("claim_recall", 0.87),
                ("stance_accuracy", 0.94),
                ("entity_checks", 0.75),
                ("quantity_recall", 0.96),
                ("boilerplate_clean", 0.95),
                ("contradiction_recall", 0.18),
            ],
        ),
        (
            "dev18",
            &[
                ("claim_recall", 0.83),
                ("stance_accuracy", 0.94),
                ("entity_checks", 0.9),
                ("quantity_recall", 0.95),
                ("boilerplate_clean", 0.9),
                ("contradiction_recall", 0.2),
            ],
        ),
        (
            "dev19",
            &[
                ("claim_recall", 0.88),
                ("stance_accuracy", 0.93),
                ("entity_checks", 0.8),
                ("quantity_recall", 0.92),
                ("boilerplate_clean", 0.95),
                ("contradiction_recall", 0.08),
            ],
        ),
        (
            "dev20",
            &[
                ("claim_recall", 0.85),
                ("stance_accuracy", 0.93),
                ("entity_checks", 0.8),
                ("quantity_recall", 0.96),
                ("boilerplate_clean", 0.95),
                ("contradiction_recall", 0.25),
            ],
        ),
        (
            "dev21",
            &[
                ("claim_recall", 0.86),
                ("stance_accuracy", 0.93),
                ("entity_checks", 0.8),
                ("quantity_recall", 0.96),
                ("boilerplate_clean", 0.96),
                ("contradiction_recall", 0.25),
            ],
        ),
        (
            "dev22",
            &[
                ("claim_recall", 0.88),
                ("stance_accuracy", 0.94),
                ("entity_checks", 0.85),
                ("quantity_recall", 0.96),
                ("boilerplate_clean", 0.96),
                ("contradiction_recall", 0.2),
            ],
        ),
        (
            "dev23",
            &[
                ("claim_recall", 0.84),
                ("stance_accuracy", 0.91),
                ("entity_checks", 0.8),
                ("quantity_recall", 0.95),
                ("boilerplate_clean", 0.9),
                ("contradiction_recall", 0.25),
            ],
        ),
        (
            "dev24",
            &[
                ("claim_recall", 0.88),
                ("stance_accuracy", 0.9),
                ("entity_checks", 0.95),
                ("quantity_recall", 0.96),
                ("boilerplate_clean", 0.82),
                ("contradiction_recall", 0.25),
            ],
        ),
        (
            "dev25",
            &[
                ("claim_recall", 0.82),
                ("stance_accuracy", 0.9),
                ("entity_checks", 0.95),
                ("quantity_recall", 0.95),
                ("boilerplate_clean", 0.95),
                ("contradiction_recall", 0.12),
            ],
        ),
        (
            "dev26",
            &[
                ("claim_recall", 0.85),
                ("stance_accuracy", 0.9),
                ("entity_checks", 0.95),
                ("quantity_recall", 0.96),
                ("boilerplate_clean", 0.93),
                ("contradiction_recall", 0.18),
            ],
        ),
        (
            "dev27",
            &[
                ("claim_recall", 0.85),
                ("stance_accuracy", 0.9),
                ("entity_checks", 0.95),
                ("quantity_recall", 0.96),
                ("boilerplate_clean", 0.95),
                ("contradiction_recall", 0.18),
            ],
        ),
        (
            "dev28",
            &[
                ("claim_recall", 0.84),
                ("stance_accuracy", 0.9),
                ("entity_checks", 0.8),
                ("quantity_recall", 0.95),
                ("boilerplate_clean", 0.95),
                ("contradiction_recall", 0.13),
            ],
        ),
    ];
    for (set, mins) in sets {
        let dir = repo_root().join("tests/articles").join(set);
        if !dir.join("gold.json").exists() {
            eprintln!("skipping: tests/articles/{set}/gold.json is absent");
            continue;
        }
        score(&dir.join("gold.json"), &dir, mins);
    }
}

#[test]
fn seed_extract_matches_its_golden_file() {
    let seed = repo_root().join("examples/000_942ec9199f9d840f.txt");
    let golden = repo_root().join("tests/golden/seed.extract.json");
    let out = Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(["extract", "--format", "jsonl"])
        .arg(&seed)
        .current_dir(repo_root())
        .output()
        .expect("claimgraph runs");
    assert!(out.status.success());
    let actual: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    let actual = normalise(actual);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, serde_json::to_string_pretty(&actual).expect("serialises") + "\n")
            .expect("golden written");
        return;
    }
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&golden).expect("golden file exists")).expect("golden is JSON");
    assert_eq!(actual, expected, "extract output changed; review it and rerun with UPDATE_GOLDEN=1 to accept");
}

/// Drops fields that vary without meaning (the source path as given).
fn normalise(mut v: serde_json::Value) -> serde_json::Value {
    if let Some(doc) = v.get_mut("doc").and_then(|d| d.as_object_mut()) {
        doc.insert("source".into(), serde_json::Value::String("examples/000_942ec9199f9d840f.txt".into()));
    }
    v
}
