//! `http(s)://` sources, against a small local server (there is no internet
//! here, and tests should not need it).

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::Path;

use claimgraph::clean::clean;
use claimgraph::input::{expand_sources, read_input, Input};

/// Serves each (path, status, content type, body) once per request, for as
/// many requests as given; returns the base URL.
fn serve(routes: Vec<(&'static str, u16, &'static str, Vec<u8>)>, requests: usize) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(requests) {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request_line = String::new();
            reader.read_line(&mut request_line).unwrap();
            loop {
                let mut h = String::new();
                if reader.read_line(&mut h).unwrap() == 0 || h == "\r\n" {
                    break;
                }
            }
            let path = request_line.split_whitespace().nth(1).unwrap_or("/").to_string();
            let (status, ctype, body) = routes
                .iter()
                .find(|r| r.0 == path)
                .map(|r| (r.1, r.2, r.3.clone()))
                .unwrap_or((404, "text/plain", b"not found".to_vec()));
            let head = format!(
                "HTTP/1.1 {status} X\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    });
    format!("http://{addr}")
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/input").join(name)).unwrap()
}

#[test]
fn a_feed_url_is_fetched_and_read() {
    let base = serve(vec![("/world.rss", 200, "application/rss+xml; charset=utf-8", fixture("feed.rss"))], 1);
    let url = format!("{base}/world.rss");
    let inputs: Vec<_> = expand_sources(std::slice::from_ref(&url)).collect();
    assert!(matches!(&inputs[..], [Ok(Input::Url(u))] if *u == url));
    let docs: Vec<_> = read_input(&Input::Url(url)).map(|r| r.and_then(clean)).collect();
    assert_eq!(docs.len(), 3);
    let first = docs[0].as_ref().unwrap();
    assert_eq!(first.meta.source, "https://herald.example/world/talks");
    assert!(first.text.contains("joint statement"));
}

#[test]
fn a_page_url_is_sniffed_when_the_content_type_is_vague() {
    let base = serve(vec![("/story", 200, "application/octet-stream", fixture("page_article.html"))], 1);
    let url = format!("{base}/story");
    let docs: Vec<_> = read_input(&Input::Url(url.clone())).map(|r| r.and_then(clean)).collect();
    let [Ok(doc)] = &docs[..] else { panic!("{docs:?}") };
    assert_eq!(doc.meta.source, url);
    assert_eq!(doc.meta.title.as_deref(), Some("Valdoria denies selling drones to Kessel"));
}

#[test]
fn http_errors_name_the_url() {
    let base = serve(vec![], 1);
    let url = format!("{base}/missing.rss");
    let docs: Vec<_> = read_input(&Input::Url(url.clone())).collect();
    let [Err(e)] = &docs[..] else { panic!("{docs:?}") };
    let msg = e.to_string();
    assert!(msg.starts_with(&url) && msg.contains("404"), "{msg}");

    // Nothing listens on this port any more.
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("http://127.0.0.1:{port}/feed.xml");
    let docs: Vec<_> = read_input(&Input::Url(url.clone())).collect();
    assert!(matches!(&docs[..], [Err(e)] if e.to_string().starts_with(&url)), "{docs:?}");
}
