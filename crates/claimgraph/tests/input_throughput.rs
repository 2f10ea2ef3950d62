//! Throughput of the readers and cleaners (ignored by default; run with
//! `cargo test --release -p claimgraph --test input_throughput -- --ignored --nocapture`).

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use claimgraph::clean::clean;
use claimgraph::input::{read_input, Input};
use claimgraph::{DocMeta, RawBody, RawDocument};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/input").join(name)).unwrap()
}

fn rate(what: &str, n: usize, bytes: usize, start: Instant) {
    let s = start.elapsed().as_secs_f64();
    println!("{what}: {n} docs in {s:.2} s = {:.0} docs/s, {:.1} MB/s", n as f64 / s, bytes as f64 / s / 1e6);
}

#[test]
#[ignore]
fn throughput() {
    let page = fixture("page_article.html");
    let n = 500;
    let start = Instant::now();
    for i in 0..n {
        let raw = RawDocument {
            meta: DocMeta { source: i.to_string(), ..Default::default() },
            body: RawBody::Html(page.clone()),
        };
        clean(raw).unwrap();
    }
    rate("HTML clean (3 KB page)", n, n * page.len(), start);

    // A bigger page: the article plus 200 KB of menus, scripts and comments.
    let chrome = "<li><a href='/x'>Some section</a></li>".repeat(2000) + &"<script>var a = 1;</script>".repeat(2000);
    let big = page.replace("<main>", &format!("<nav><ul>{chrome}</ul></nav><main>"));
    let n = 100;
    let start = Instant::now();
    for _ in 0..n {
        clean(RawDocument { meta: DocMeta::default(), body: RawBody::Html(big.clone()) }).unwrap();
    }
    rate(&format!("HTML clean ({} KB page)", big.len() / 1024), n, n * big.len(), start);

    let text = fixture("scraped/tags_comments_footer.txt");
    let n = 20_000;
    let start = Instant::now();
    for _ in 0..n {
        clean(RawDocument { meta: DocMeta::default(), body: RawBody::Text(text.clone()) }).unwrap();
    }
    rate("scraped text clean", n, n * text.len(), start);

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.jsonl");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    let line = serde_json::json!({"text": text, "url": "https://x.example/1", "published": "2024-01-02"}).to_string();
    let n = 100_000;
    for _ in 0..n {
        writeln!(f, "{line}").unwrap();
    }
    f.flush().unwrap();
    let start = Instant::now();
    let count = read_input(&Input::File(path)).filter(|d| d.is_ok()).count();
    assert_eq!(count, n);
    rate("JSONL read (no cleaning)", n, n * line.len(), start);

    let warc = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/input/crawl.warc.gz");
    let bytes = std::fs::read(&warc).unwrap();
    let path = dir.path().join("big.warc.gz");
    let mut f = std::fs::File::create(&path).unwrap();
    for _ in 0..2000 {
        f.write_all(&bytes).unwrap();
    }
    drop(f);
    let start = Instant::now();
    let count = read_input(&Input::File(path)).filter(|d| d.is_ok()).count();
    assert_eq!(count, 4000);
    rate("WARC.gz read (no cleaning)", count, 2000 * 5635, start);
}

#[test]
#[ignore]
fn html_stages() {
    let page = fixture("page_article.html");
    let chrome = "<li><a href='/x'>Some section</a></li>".repeat(2000) + &"<script>var a = 1;</script>".repeat(2000);
    let big = page.replace("<main>", &format!("<nav><ul>{chrome}</ul></nav><main>"));
    let n = 50;
    let start = Instant::now();
    for _ in 0..n {
        let _ = scraper::Html::parse_document(&big);
    }
    rate("scraper parse", n, n * big.len(), start);
    let start = Instant::now();
    for _ in 0..n {
        let mut r = dom_smoothie::Readability::new(big.as_str(), None, None).unwrap();
        let _ = r.parse();
    }
    rate("dom_smoothie parse", n, n * big.len(), start);
}
